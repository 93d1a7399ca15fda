"""Corpus mode: ingest archives into the store, syndication detection, event clustering."""
