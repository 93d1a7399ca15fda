"""Phrase cues: "according to", polls as sources, "in X's view", "To many, ..."."""

from __future__ import annotations

from polybius.model import Document


def _only(pipeline, text: str):  # type: ignore[no-untyped-def]
    [attribution] = pipeline.analyze(Document(text=text)).attributions
    return attribution


def test_a_poll_in_an_opening_phrase_is_the_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    attribution = _only(pipeline, "In a new Gallup poll, Governor Ann Lee leads the race by ten points.")
    assert (attribution.cue.text, attribution.source.text) == ("In", "a new Gallup poll")
    assert attribution.content.text == "Governor Ann Lee leads the race by ten points"


def test_plural_polls_are_a_standing_not_a_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.analyze(Document(text="Governor Ann Lee has gained ground in the polls this month."))
    assert report.attributions == []


def test_to_many_opens_a_perspective(pipeline) -> None:  # type: ignore[no-untyped-def]
    attribution = _only(pipeline, "To many, the governor is a hero of the flood.")
    assert (attribution.cue.text, attribution.source.text) == ("To", "many")
    assert attribution.content.text == "the governor is a hero of the flood"


def test_in_his_view_names_the_owner(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.analyze(Document(text="In his view, the dam is safe."))
    assert any(a.cue.text == "In his view" and a.source.text == "his" for a in report.attributions)


def test_all_capitals_transcript_label_takes_the_next_line(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "TAPPER:\n\nDo you think the governor has campaigned as a healer?"
    attribution = _only(pipeline, text)
    assert (attribution.cue.text, attribution.source.text) == (":", "TAPPER")
    assert attribution.content.text.startswith("Do you think")


def test_editorial_label_is_no_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.analyze(Document(text="CORRECTION:\n\nAn earlier version misstated the date of the vote."))
    assert report.attributions == []


def test_headline_label_need_not_be_a_known_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Lynch: No outside influence on the probe\n\nThe probe continues on Monday."
    attribution = _only(pipeline, text)
    assert (attribution.cue.text, attribution.source.text) == (":", "Lynch")
    assert attribution.content.text == "No outside influence on the probe"


def test_series_title_in_a_headline_is_no_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.analyze(Document(text="The Latest: Cruz gives away a shotgun\n\nThe event was in Iowa."))
    assert not any(a.cue and a.cue.text == ":" for a in report.attributions)


def test_label_before_a_tally_is_no_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.analyze(Document(text="The count so far.\n\nAnn Lee: 1,769.\n\nBo Kim: 1,501."))
    assert report.attributions == []


def test_citing_a_reason_makes_the_one_who_cites_it_the_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.analyze(Document(text="The publisher declined the book, citing legal risks and high costs."))
    citing = next(a for a in report.attributions if a.cue.text == "citing")
    assert citing.source.text == "The publisher"
    assert citing.content.text == "legal risks and high costs"


def test_citing_officials_keeps_them_as_the_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Citing two senior officials, the Herald reported that the port had closed."
    report = pipeline.analyze(Document(text=text))
    citing = next(a for a in report.attributions if a.cue.text == "Citing")
    assert citing.source.text == "two senior officials"
