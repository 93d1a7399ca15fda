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
    assert attribution.cue.text == "call for"  # PolNeAR keeps the preposition in the cue
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


def test_second_coordinated_cue_is_its_own_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Mara Quill said the budget was balanced and said that the deficit would shrink next year."
    first, second = _report(pipeline, text).attributions
    assert first.content.text == "the budget was balanced"
    assert second.content.text == "that the deficit would shrink next year"
    assert second.source.text == "Senator Mara Quill"


def test_as_clause_reports_the_main_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "As the Daily Courier reported, the mayor will resign before the election."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.source.text == "the Daily Courier"
    assert attribution.content.text == "the mayor will resign before the election"


def test_closing_cue_with_its_subject_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The harbour will close for repairs in June, said the port's director, Ivan Berg."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.content.text == "The harbour will close for repairs in June"
    assert attribution.source.text.startswith("the port's director")


def test_source_keeps_its_apposition(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ivan Berg, the port's director, said the harbour would close in June."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.source.text == "Ivan Berg, the port's director,"


def test_source_leaves_out_a_relative_clause_holding_the_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Alma Reyes, who said the dam was safe, visited the valley."
    [attribution] = _report(pipeline, text).attributions
    assert "dam" not in attribution.source.text


def test_stance_adjective_is_a_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "Councillor Dana Wu was critical of the proposal.").attributions
    assert attribution.cue.text == "was critical of"
    assert attribution.content.text == "the proposal"


def test_passive_stance_participle_is_a_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Tess Albright is convinced that the new tax will pass."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.cue.text == "is convinced"
    assert attribution.content.text == "that the new tax will pass"


def test_name_label_after_a_dash_is_a_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "FARM VOTES - Senator John Smith: “The farmers are moving away from the ruling party this spring.”"
    [attribution] = _report(pipeline, text).attributions
    assert (attribution.cue.text, attribution.source.text) == (":", "Senator John Smith")


def test_label_that_is_not_a_name_is_no_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Editor's note: The bridge was built in 1931 and repaired in 2002."
    assert not any(a.cue and a.cue.text == ":" for a in _report(pipeline, text).attributions)


def test_question_content_is_the_whether_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Asked whether the mine would reopen, Minister Paul Okafor said it was too early to know."
    report = _report(pipeline, text)
    asked = next(a for a in report.attributions if a.cue.text == "Asked")
    assert asked.content.text == "whether the mine would reopen"


def test_criticism_verb_takes_its_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "Councillor Dana Wu mocked the proposal.").attributions
    assert (attribution.cue.text, attribution.content.text) == ("mocked", "the proposal")


def test_light_verb_with_cue_noun_is_a_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "Senator Mara Quill raised questions about the new budget.").attributions
    assert (attribution.cue.text, attribution.content.text) == ("raised questions about", "the new budget")


def test_writers_own_belief_is_no_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Issue 3: the author's own assertions are not attributions (PolNeAR marks "I think").
    assert _report(pipeline, "I think the bridge is too old.").attributions == []
    [attribution] = _report(pipeline, "The mayor thinks the bridge is too old.").attributions
    assert attribution.cue.text == "thinks"


def test_cue_span_keeps_auxiliaries_and_the_preposition_of_its_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor has not yet responded to the criticism from the council."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.cue.text == "has not yet responded to"
    assert attribution.content.text == "the criticism from the council"


def test_passive_cue_takes_its_agent_as_source_and_its_subject_as_content(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "The budget plan was rejected by the city council on Tuesday.").attributions
    assert attribution.source.text == "the city council"
    assert attribution.content.text.startswith("The budget plan")


def test_it_of_a_company_is_a_source_but_it_of_be_is_none(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _report(pipeline, "Acme Corp. released its results on Monday. It said profits rose by a third.")
    said = next(a for a in report.attributions if a.cue.text == "said")
    assert said.source.text == "It"
    assert _report(pipeline, "It is clear that the bridge is too old.").attributions == []


def test_closing_told_with_its_recipient_takes_the_clause_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "The floods will continue, he told reporters.").attributions
    assert (attribution.source.text, attribution.content.text) == ("he", "The floods will continue")


def test_dateline_is_no_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "WASHINGTON (AP) — Senator Mara Quill said on Friday that the budget was balanced."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.source.text == "Senator Mara Quill"


def test_dateline_with_date_and_agency_leaves_the_name_after_the_dash(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "CLEVELAND, July 19 (UPI) — Former Attorney General Ivo Brandt told the delegates that the deal failed."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.source.text == "Former Attorney General Ivo Brandt"


def test_markup_holds_no_cue_and_bounds_the_content(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = '<tweet pic="" author="mayor_lee" timestamp="1448038800">Great crowd tonight, thank you all!</tweet>'
    attributions = _report(pipeline, text).attributions
    assert not any(a.cue and a.cue.text == "tweet" for a in attributions)
    assert all("<" not in a.content.text and ">" not in a.content.text for a in attributions)


def test_editors_note_is_no_reported_speech(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor spoke on Monday.\n\nEditor’s note: Ann Lee has repeatedly pledged to ban all cars from the city."
    assert _report(pipeline, text).attributions == []


def test_main_verb_without_clause_takes_what_follows_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _report(pipeline, "Asked if he was ever bullied, the candidate said no.")
    said = next(a for a in report.attributions if a.cue.text == "said")
    assert (said.source.text, said.content.text) == ("the candidate", "no")


def test_clausal_cue_does_not_take_a_plain_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _report(pipeline, "The senator added a new twist to the debate.").attributions == []
    assert _report(pipeline, "Rubio still maintains an overwhelming lead in endorsements.").attributions == []


def test_speaker_named_after_the_quotation_is_the_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    # The parser makes the quotation's "We" the subject of "told"; the speaker is Ramos.
    text = "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, told AFP."
    [attribution] = _report(pipeline, text).attributions
    assert attribution.source.text.startswith("Ramos")


def test_complement_of_a_wish_is_part_of_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "Governor Lee wants to say that the plan failed.").attributions
    assert (attribution.cue.text, attribution.content.text) == ("wants", "to say that the plan failed")


def test_seeming_and_its_cue_are_one_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    [attribution] = _report(pipeline, "Cruz seemed to blame the network for the mess.").attributions
    assert (attribution.cue.text, attribution.source.text) == ("seemed to blame", "Cruz")


def test_that_clause_of_a_non_reporting_verb_is_no_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _report(pipeline, "The vote means that the tax will rise.").attributions == []
    assert _report(pipeline, "The city needs to fix the bridge before winter.").attributions == []


def test_a_physical_attack_is_no_attribution(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _report(pipeline, "Gunmen attacked an army post near the border, killing 14 soldiers.")
    assert report.attributions == []
    assert [e.status for e in report.events if e.type == "ASSAULT"] == ["occurred"]


def test_a_speaker_named_by_age_speaks(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = _report(pipeline, "“The river is rising fast,” said the 52-year-old.")
    assert [(a.cue.text, a.source.text) for a in report.attributions] == [("said", "the 52-year-old")]
