"""Extractors: functions of a parsed document (``Analysis``) that return report items."""
