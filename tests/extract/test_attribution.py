"""Attribution stage: quotations and reported speech, sources, chains and outlets."""

from __future__ import annotations

from polybius.model import Document


def _report(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.analyze(Document(text=text))


def _entity_name(report, entity_id):  # type: ignore[no-untyped-def]
    return next(e.name for e in report.entities if e.id == entity_id)


def test_reported_speech_content_is_the_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _report(pipeline, "On Tuesday, Mayor Lena Ortiz said that the bridge would reopen in May.")
    [attribution] = report.attributions
    assert attribution.cue.text == "said"
    assert attribution.content.text == "that the bridge would reopen in May"
    assert _entity_name(report, attribution.source.entity) == "Lena Ortiz"


def test_split_quote_is_one_direct_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "“We will not retreat,” General Omar Dahl stated, “and we will not negotiate.”"
    [attribution] = _report(pipeline, text).attributions
    assert attribution.direct
    assert attribution.content.text.startswith("“We will not retreat")
    assert attribution.content.text.endswith("negotiate.”")
    assert attribution.source.text == "General Omar Dahl"


def test_pronoun_speaker_resolves_to_the_previous_person(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Envoy Carla Brandt told reporters that talks had stalled. "
        "“We need a ceasefire before winter comes,” she stated."
    )
    report = _report(pipeline, text)
    quote = next(a for a in report.attributions if a.direct)
    assert quote.source.text == "she"
    assert _entity_name(report, quote.source.entity) == "Carla Brandt"


def test_anonymous_source_has_kind_and_affiliation(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "According to a European diplomat in Vienna, the deal is close to collapse."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.source.anonymous
    assert attribution.source.kind == "diplomat"
    assert attribution.source.affiliation == "European diplomat in Vienna"
    assert attribution.content.text == "the deal is close to collapse"


def test_citing_makes_a_via_chain(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Citing unnamed security officials, the Herald Tribune reported that the convoy was hit."
    report = _report(pipeline, text)
    cited = next(a for a in report.attributions if a.cue.text == "Citing")
    relaying = next(a for a in report.attributions if a.cue.text == "reported")
    assert cited.via == relaying.id
    assert cited.source.kind == "official"


def test_quoted_by_makes_the_outlet_relay(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to an aide quoted anonymously by the Financial Times, "
        "the minister is “ready to resign if the vote fails this week.”"
    )
    report = _report(pipeline, text)
    aide = next(a for a in report.attributions if a.source.kind == "official")
    relay = next(a for a in report.attributions if a.id == aide.via)
    assert "Financial Times" in relay.source.text


def test_told_a_newspaper_names_the_outlet(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ambassador Paul Granger told the Harbour Daily that the embassy would stay open."
    report = _report(pipeline, text)
    [attribution] = report.attributions
    assert attribution.outlet is not None
    assert _entity_name(report, attribution.outlet) == "Harbour Daily"


def test_quote_continuing_after_its_cue_keeps_the_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The airport is safe again,” Colonel Ines Varga told the crowd. "
        "“Flights will resume next week for all passengers.”"
    )
    report = _report(pipeline, text)
    assert len(report.attributions) == 2
    assert report.attributions[1].source.entity == report.attributions[0].source.entity
    assert report.attributions[1].content.text.startswith("“Flights")


def test_quote_over_paragraphs_is_one_content(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Minister Tomas Rehn said: “The border stays closed for now.\n\n“We will review the situation every week.”"
    [attribution] = _report(pipeline, text).attributions
    assert "\n\n“We will review" in attribution.content.text


def test_author_assertion_is_not_an_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Heavy rain flooded the valley and three bridges collapsed overnight."
    assert _report(pipeline, text).attributions == []


def test_scare_quotes_are_not_speech(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The group called the raid an “invasion” and withdrew its envoy."
    report = _report(pipeline, text)
    assert all(not a.direct for a in report.attributions)


def test_speaker_is_never_a_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Last week showed that the ceasefire was holding in the north."
    report = _report(pipeline, text)
    assert all("week" not in a.source.text for a in report.attributions)


def test_noun_cue_takes_its_possessor_as_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Ruth Calder's call for a new inquiry into the contracts drew little support."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.cue.text == "call"
    assert "Ruth Calder" in attribution.source.text
    assert attribution.content.text == "a new inquiry into the contracts"


def test_headline_colon_names_the_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Holt: Budget Talks Have Collapsed\n\nThe talks ended on Friday without a deal."
    [attribution] = _report(pipeline, text).attributions
    assert (attribution.cue.text, attribution.source.text) == (":", "Senator Holt")
    assert attribution.content.text == "Budget Talks Have Collapsed"


def test_closing_cue_takes_the_clause_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "The town fell on Sunday, the army said.").attributions
    assert attribution.content.text == "The town fell on Sunday"
    assert attribution.source.text == "the army"


def test_relative_pronoun_source_links_its_antecedent(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Alma Reyes, who said the dam was safe, visited the valley."
    report = _report(pipeline, text)
    [attribution] = report.attributions
    assert attribution.source.text == "who"
    assert _entity_name(report, attribution.source.entity) == "Alma Reyes"


def test_failing_to_mention_is_not_saying(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry report failed to mention that the dam had cracked in two places."
    assert _report(pipeline, text).attributions == []


def test_title_case_headline_verb_is_a_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Ortiz Says Bridge Will Reopen In May\n\nThe bridge closed in March."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.cue.text == "Says"
    assert attribution.content.text == "Bridge Will Reopen In May"
