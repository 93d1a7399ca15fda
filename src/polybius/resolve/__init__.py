"""Resolvers: mentions to identities (gazetteer places, actor identities, calendar values)."""
