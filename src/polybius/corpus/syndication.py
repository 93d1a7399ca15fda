"""Syndication and near-duplicate detection: MinHash LSH over word shingles.

A republished copy (the same story with a different header, footer or a few edits) is
linked to one original. The original of a group is, in order of preference: the copy whose
publisher is what the others name as "original source", else the earliest published, else
the first one seen. Every copy links straight to the original, never to another copy.

The LSH index lives where the documents live: in corpus mode the band keys are rows of the
store's ``minhash_bands`` table and candidates are looked up by the database one batch at a
time, so memory stays flat however many documents are stored. Without a store (tests, the
Python API) an in-memory index of the same keys is used.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from polybius.corpus.bands import band_keys, band_parameters
from polybius.model import Document
from polybius.store import Relink, Store

# 5-word shingles: long enough that two different stories on the same topic share few of
# them, short enough that a handful of edits leaves most of a copy's shingles intact.
SHINGLE_WORDS = 5
NUM_PERM = 128
SCHEME = "affine32"
# Jaccard similarity of shingle sets above which two texts count as one story. Copies with a
# changed headline and boilerplate score 0.85-0.95; distinct reports of one event < 0.3.
THRESHOLD = 0.8
# The LSH index retrieves candidates from a lower similarity, so that a copy whose estimated
# similarity is near THRESHOLD is not missed by banding; candidates are then checked exactly.
CANDIDATE_THRESHOLD = 0.6
# Texts shorter than this many words are too short to call a copy (datelines, captions).
MIN_WORDS = 25

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of lowercased ``size``-word shingles of a text."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


_TEMPLATE = MinHash(num_perm=NUM_PERM, hashfunc=_crc32, scheme=SCHEME)


def signature(text: str) -> MinHash:
    """The MinHash of a text's shingles (stable across processes and runs)."""
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_crc32,
                      permutations=_TEMPLATE.permutations, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class OriginMeta:
    """What deciding which copy is the original needs."""

    publisher: str | None
    original_source: str | None
    published: str | None


@dataclass
class Verdict:
    """What detection decided for one document."""

    duplicate_of: str | None
    similarity: float | None
    minhash: bytes | None
    relink: Relink | None = None
    band_keys: np.ndarray | None = None


@dataclass
class Candidate:
    """An indexed document that shares a band with a new one: its signature and its original."""

    id: str
    values: np.ndarray
    root: str
    meta: OriginMeta | None = None  # the original's metadata, where the index knows it


# Stored candidates for a batch of band keys, as (band key, candidate) pairs.
Lookup = Callable[[np.ndarray], Iterable[tuple[int, Candidate]]]


def store_lookup(store: Store) -> Lookup:
    """The candidates a corpus store holds (``Store.band_candidates``), as ``Syndication`` wants them."""

    def lookup(keys: np.ndarray) -> Iterator[tuple[int, Candidate]]:
        for key, doc_id, blob, root, publisher, original, published in store.band_candidates(keys):
            meta = OriginMeta(publisher, original, published)
            yield key, Candidate(doc_id, np.frombuffer(blob, dtype=np.uint32), root, meta)

    return lookup


def _norm(name: str | None) -> str:
    return " ".join(_WORD.findall((name or "").lower()))


def _is_earlier_original(new: OriginMeta, old: OriginMeta) -> bool:
    """Whether ``new`` is the original that ``old`` was republished from."""
    if new.original_source:
        return False
    if old.original_source and _norm(old.original_source) == _norm(new.publisher):
        return True
    return bool(new.published and old.published and new.published[:10] < old.published[:10])


class Syndication:
    """Links each new document to its original, if it copies an indexed one, and indexes it.

    ``lookup`` returns stored candidates for band keys (``Store.band_candidates``); without
    it every checked document stays in an in-memory index. Copies are indexed too (a copy of
    a copy is closer to its parent than to the original) with the id of their original.
    """

    def __init__(self, lookup: Lookup | None = None, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.bands, self.rows = band_parameters(min(threshold, CANDIDATE_THRESHOLD), NUM_PERM)
        self.lookup = lookup
        self.memory: dict[int, list[Candidate]] = {}
        # the metadata of originals (in memory: all of them; with a store: this batch's)
        self.meta: dict[str, OriginMeta] = {}
        # originals that turned out to be copies of a later-seen original: old id -> new id
        self.renamed: dict[str, str] = {}

    def keys(self, values: np.ndarray) -> np.ndarray:
        """The band keys of a signature."""
        return band_keys(values, self.bands, self.rows)

    def load(self, rows: Iterable[tuple[str, bytes, str | None, str | None, str | None,
                                        str | None]]) -> None:
        """Index documents in memory: (id, minhash, publisher, original, published, duplicate_of)."""
        for doc_id, blob, publisher, original_source, published, duplicate_of in rows:
            values = np.frombuffer(blob, dtype=np.uint32)
            if not duplicate_of:
                self.meta[doc_id] = OriginMeta(publisher, original_source, published)
            self._remember(Candidate(doc_id, values, duplicate_of or doc_id), self.keys(values))

    def _remember(self, candidate: Candidate, keys: np.ndarray) -> None:
        for key in keys.tolist():
            self.memory.setdefault(key, []).append(candidate)

    def check(self, document: Document) -> Verdict:
        """Decide whether ``document`` copies an indexed one, and index it."""
        return self.check_batch([document])[0]

    def check_batch(self, documents: Sequence[Document]) -> list[Verdict]:
        """``check`` for several documents at once (one index lookup), in order."""
        prepared: list[tuple[np.ndarray, np.ndarray] | None] = []
        for document in documents:
            if len(_WORD.findall(document.text)) < MIN_WORDS:
                prepared.append(None)
                continue
            values = signature(document.text).hashvalues.astype(np.uint32)
            prepared.append((values, self.keys(values)))
        found: dict[int, list[Candidate]] = {}
        if self.lookup is not None:
            wanted = [p[1] for p in prepared if p is not None]
            if wanted:
                for key, candidate in self.lookup(np.unique(np.concatenate(wanted))):
                    found.setdefault(key, []).append(candidate)
        verdicts = []
        for document, item in zip(documents, prepared, strict=True):
            if item is None:
                verdicts.append(Verdict(None, None, None))
                continue
            values, keys = item
            verdict = self._decide(document, values, keys, found)
            root = verdict.duplicate_of or document.id
            candidate = Candidate(document.id, values, root)
            if self.lookup is None:
                self._remember(candidate, keys)
            else:  # later documents of this batch see this one; the store gets it with the batch
                for key in keys.tolist():
                    found.setdefault(key, []).append(candidate)
            verdicts.append(verdict)
        if self.lookup is not None:
            self.meta.clear()  # the store has them now
        return verdicts

    def _root(self, doc_id: str) -> str:
        while doc_id in self.renamed:
            doc_id = self.renamed[doc_id]
        return doc_id

    def _decide(self, document: Document, values: np.ndarray, keys: np.ndarray,
                found: dict[int, list[Candidate]]) -> Verdict:
        new = OriginMeta(document.publisher, document.original_source, document.published)
        verdict = Verdict(None, None, values.tobytes(), band_keys=keys)
        best, score = None, 0.0
        pools = [found.get(key, ()) for key in keys.tolist()]
        if self.lookup is None:
            pools += [self.memory.get(key, ()) for key in keys.tolist()]
        for pool in pools:
            for candidate in pool:
                similarity = _similarity(values, candidate.values)
                if similarity >= self.threshold and similarity > score:
                    best, score = candidate, similarity
        if best is None:
            self.meta[document.id] = new
            return verdict
        root = self._root(best.root)
        root_meta = self.meta.get(root) or (best.meta if root == best.root else None) or OriginMeta(None, None, None)
        if _is_earlier_original(new, root_meta):
            self.renamed[root] = document.id
            self.meta[document.id] = new
            verdict.relink = Relink(old=root, new=document.id, similarity=score)
        else:
            verdict.duplicate_of, verdict.similarity = root, score
        return verdict
