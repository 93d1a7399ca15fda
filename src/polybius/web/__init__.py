"""The local web app: map, timeline, event list, event and cluster pages, each with a JSON twin."""

from polybius.web.app import create_app

__all__ = ["create_app"]
