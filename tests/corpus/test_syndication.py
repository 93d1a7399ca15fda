"""Near-duplicate and syndication detection with MinHash LSH."""

from __future__ import annotations

import random

from polybius.corpus.syndication import Syndication, shingles, store_lookup
from polybius.model import Document, Report
from polybius.store import Store, StoredDocument

WORDS = [f"word{i}" for i in range(3000)]


def story(seed: int, length: int = 200) -> str:
    """A random text; different seeds give unrelated stories."""
    return " ".join(random.Random(seed).choices(WORDS, k=length))


def edited(text: str) -> str:
    """A republished copy: new header and footer, two words changed."""
    words = text.split()
    words[20], words[120] = "changed", "edited"
    return "Republished by Daily Mirror. " + " ".join(words) + " Copyright 2016 Daily Mirror."


def test_shingles_are_five_word_windows() -> None:
    assert shingles("a b c d e f") == {b"a b c d e", b"b c d e f"}


def test_edited_copy_links_to_original() -> None:
    index = Syndication()
    original = Document(text=story(1))
    index.check(original)
    verdict = index.check(Document(text=edited(story(1))))
    assert verdict.duplicate_of == original.id
    assert verdict.similarity is not None and verdict.similarity >= 0.8


def test_unrelated_story_is_not_a_copy() -> None:
    index = Syndication()
    index.check(Document(text=story(1)))
    assert index.check(Document(text=story(2))).duplicate_of is None


def test_short_texts_are_never_copies() -> None:
    index = Syndication()
    index.check(Document(text="Troops moved north.", source="a"))
    verdict = index.check(Document(text="Troops moved north. ", source="b"))
    assert verdict.duplicate_of is None and verdict.minhash is None


def test_named_original_source_takes_over_as_original() -> None:
    index = Syndication()
    copy = Document(text=edited(story(3)), publisher="Global Research",
                    original_source="World Socialist Web Site")
    index.check(copy)
    original = Document(text=story(3), publisher="World Socialist Web Site")
    verdict = index.check(original)
    assert verdict.duplicate_of is None
    assert verdict.relink is not None
    assert (verdict.relink.old, verdict.relink.new) == (copy.id, original.id)


def test_earlier_publication_takes_over_as_original() -> None:
    index = Syndication()
    later = Document(text=edited(story(4)), published="2016-03-10")
    index.check(later)
    verdict = index.check(Document(text=story(4), published="2016-03-08"))
    assert verdict.relink is not None and verdict.relink.old == later.id


def test_reloaded_signatures_still_find_copies() -> None:
    first = Syndication()
    original = Document(text=story(5), publisher="Wire")
    verdict = first.check(original)
    assert verdict.minhash is not None
    second = Syndication()
    second.load([(original.id, verdict.minhash, "Wire", None, None, None)])
    assert second.check(Document(text=edited(story(5)))).duplicate_of == original.id


def test_copy_of_a_copy_links_to_the_first_original() -> None:
    index = Syndication()
    original = Document(text=story(6))
    index.check(original)
    first_copy = edited(story(6))
    index.check(Document(text=first_copy))
    assert index.check(Document(text=edited(first_copy) + " More")).duplicate_of == original.id


def _stored(store: Store, index: Syndication, documents: list[Document]) -> list:
    """Check a batch against the store, then write it as ingest does."""
    verdicts = index.check_batch(documents)
    store.write([StoredDocument(Report(document=d), v.duplicate_of, v.similarity, v.minhash, v.band_keys)
                 for d, v in zip(documents, verdicts, strict=True)],
                [v.relink for v in verdicts if v.relink])
    return verdicts


def test_store_backed_index_finds_copies_across_batches_and_keeps_no_memory(tmp_path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        index = Syndication(lookup=store_lookup(store))
        original = Document(text=story(7), publisher="Wire")
        _stored(store, index, [original, Document(text=story(8))])
        copy, copy_in_batch = Document(text=edited(story(7))), Document(text=edited(story(8)) + " x")
        verdicts = _stored(store, index, [copy, copy_in_batch, Document(text=edited(edited(story(7))))])
        assert verdicts[0].duplicate_of == original.id
        assert verdicts[1].duplicate_of == Document(text=story(8)).id
        assert verdicts[2].duplicate_of == original.id  # a copy of a copy: the first original
        assert index.memory == {} and index.meta == {}
        assert store.query("SELECT count(DISTINCT document_id) FROM minhash_bands")[0][0] == 5


def test_store_backed_relink_to_an_earlier_original(tmp_path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        index = Syndication(lookup=store_lookup(store))
        later = Document(text=edited(story(9)), published="2016-03-10")
        _stored(store, index, [later])
        earlier = Document(text=story(9), published="2016-03-08")
        verdict = _stored(store, index, [earlier])[0]
        assert verdict.relink is not None and verdict.relink.old == later.id
        assert store.query("SELECT duplicate_of FROM documents WHERE id = ?", [later.id])[0][0] == earlier.id
        third = _stored(store, index, [Document(text=edited(story(9)) + " again")])[0]
        assert third.duplicate_of == earlier.id
