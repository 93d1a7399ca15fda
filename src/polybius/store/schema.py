"""The versioned DuckDB schema of a Polybius corpus store.

One row per document (id = sha256 of the body) plus one table per kind of extracted item,
each keyed by ``(document_id, id)`` so that items keep the ids of their report. Nested values
(authors, tags, quantities, cluster disagreements) are stored as JSON text. ``meta`` holds the
schema version; opening a store written by a newer schema is refused.
"""

from __future__ import annotations

# 2: minhash_bands (the near-duplicate index lives in the store). A version-1 store is
# upgraded in place: the table is created and filled from documents.minhash on first ingest.
SCHEMA_VERSION = 2

TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL""",
    "documents": """
        id VARCHAR PRIMARY KEY,
        source VARCHAR,
        title VARCHAR,
        authors VARCHAR,
        publisher VARCHAR,
        published VARCHAR,
        original_source VARCHAR,
        url VARCHAR,
        tags VARCHAR,
        language VARCHAR,
        text VARCHAR NOT NULL,
        words INTEGER,
        duplicate_of VARCHAR,
        similarity DOUBLE,
        minhash BLOB,
        warnings VARCHAR,
        ingested_at TIMESTAMP DEFAULT current_timestamp""",
    "document_sources": """
        document_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        url VARCHAR,
        publisher VARCHAR,
        published VARCHAR,
        PRIMARY KEY (document_id, source)""",
    "entities": """
        document_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR,
        type VARCHAR,
        title VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        backed_by VARCHAR,
        nominal BOOLEAN,
        PRIMARY KEY (document_id, id)""",
    "mentions": """
        document_id VARCHAR NOT NULL,
        item_kind VARCHAR NOT NULL,
        item_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR""",
    "attributions": """
        document_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        source_text VARCHAR,
        source_entity VARCHAR,
        anonymous BOOLEAN,
        source_kind VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text VARCHAR,
        content_start INTEGER,
        content_end INTEGER,
        content_text VARCHAR,
        direct BOOLEAN,
        via VARCHAR,
        outlet VARCHAR,
        PRIMARY KEY (document_id, id)""",
    "events": """
        document_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        cameo VARCHAR,
        place_id VARCHAR,
        date_value VARCHAR,
        date_start VARCHAR,
        date_end VARCHAR,
        date_precision VARCHAR,
        status VARCHAR,
        hedged BOOLEAN,
        attribution_id VARCHAR,
        quantities VARCHAR,
        evidence_start INTEGER,
        evidence_end INTEGER,
        evidence_text VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        trigger_text VARCHAR,
        PRIMARY KEY (document_id, id)""",
    "event_actors": """
        document_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL""",
    "places": """
        document_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR,
        feature VARCHAR,
        geonameid BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        country VARCHAR,
        PRIMARY KEY (document_id, id)""",
    "times": """
        document_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER,
        value VARCHAR,
        start_date VARCHAR,
        end_date VARCHAR,
        precision VARCHAR,
        type VARCHAR,
        PRIMARY KEY (document_id, id)""",
    "clusters": """
        id VARCHAR PRIMARY KEY,
        type VARCHAR,
        date_start VARCHAR,
        date_end VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        place_name VARCHAR,
        events INTEGER,
        documents INTEGER,
        disagreements VARCHAR""",
    "cluster_members": """
        cluster_id VARCHAR NOT NULL,
        document_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        PRIMARY KEY (document_id, event_id)""",
    "minhash_bands": """
        band_key BIGINT NOT NULL,
        document_id VARCHAR NOT NULL""",
    "errors": """
        source VARCHAR NOT NULL,
        problem VARCHAR NOT NULL,
        seen_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (source, problem)""",
}


def create_statements() -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` for every table, in dependency order."""
    return [f"CREATE TABLE IF NOT EXISTS {name} ({body}\n)" for name, body in TABLES.items()]
