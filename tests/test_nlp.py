"""The spaCy pipeline as Polybius configures it."""

from __future__ import annotations

from spacy.language import Language


def test_quotation_marks_touching_words_are_tokens(nlp: Language) -> None:
    doc = nlp("Lee said,“Look at the river.”Ann Lee tells the Herald.")
    words = [t.text for t in doc]
    assert words[:5] == ["Lee", "said", ",", "“", "Look"]
    assert words[words.index("river") : words.index("river") + 4] == ["river", ".", "”", "Ann"]


def test_apostrophes_and_decimals_stay_whole(nlp: Language) -> None:
    words = [t.text for t in nlp("Lee’s plan costs 2.5 billion, or 3.1%.")]
    assert "2.5" in words and "’s" in words and "3.1" in words


def test_blank_line_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("The talks ended\n\nthe army moved in.")
    starts = [s.start for s in doc.sents]
    assert any(doc[i].text == "the" for i in starts)
