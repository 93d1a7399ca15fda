"""The corpus store (DuckDB): documents and every extracted item, written by content hash."""

from polybius.store.db import Relink, Store, StoredDocument, StoreError
from polybius.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Relink", "Store", "StoreError", "StoredDocument"]
