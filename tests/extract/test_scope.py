"""Clause heads and clause tokens in the dependency parse."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from polybius.extract.scope import clause_head, clause_tokens


def test_clause_head_stops_at_a_root_without_the_root_label() -> None:
    # A parse whose root carries another label (hand-built or from another pipeline) must not loop.
    words = ["Troops", "shelled", "the", "town"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1], deps=["nsubj", "dep", "det", "dobj"])
    assert clause_head(doc[3]).i == 1


def test_clause_tokens_leave_out_nested_clauses() -> None:
    words = ["He", "said", "rebels", "fled"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "nsubj", "ccomp"])
    assert [t.text for t in clause_tokens(doc[1])] == ["He", "said"]
    assert clause_head(doc[2]).text == "fled"
