"""The web app over a real store: pages, their JSON twins, filters, evidence and errors."""

from __future__ import annotations

import re
from html import escape

from fastapi.testclient import TestClient

from polybius.web import create_app, views


def events(client: TestClient, query: str = "") -> dict:
    response = client.get(f"/events.json{query}")
    assert response.status_code == 200
    return response.json()


def strike(client: TestClient) -> dict:
    """The Coast Herald's report of the market strike (20 killed)."""
    rows = events(client, "?place=Idlib&type=ASSAULT")["events"]
    return next(e for e in rows if e["publisher"] == "Coast Herald")


def test_home_redirects_to_the_events_page(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/events"


def test_events_page_draws_map_timeline_and_list(client: TestClient) -> None:
    page = client.get("/events").text
    assert '<svg class="map"' in page and '<svg class="timeline"' in page
    assert page.count('href="/events/') >= len(events(client)["events"])


def test_events_json_twin_holds_the_same_events_as_the_page(client: TestClient) -> None:
    data, page = events(client), client.get("/events").text
    assert data["paging"]["count"] == len(data["events"]) > 3
    for row in data["events"]:
        assert f'/events/{row["document_id"]}/{row["event_id"]}"' in page


def test_copies_are_left_out_unless_duplicates_are_asked_for(client: TestClient) -> None:
    originals, everything = events(client), events(client, "?duplicates=1")
    assert everything["paging"]["count"] > originals["paging"]["count"]
    assert all(r["duplicate_of"] is None for r in originals["events"])
    assert any(r["publisher"] == "Gulf Wire" for r in everything["events"])


def test_type_filter_keeps_only_that_type(client: TestClient) -> None:
    kind = events(client)["options"]["types"][-1]
    rows = events(client, f"?type={kind['value'].lower()}")["events"]
    assert len(rows) == kind["events"] and {r["type"] for r in rows} == {kind["value"]}


def test_country_and_status_filters_combine(client: TestClient) -> None:
    rows = events(client, "?country=syr&status=claimed")["events"]
    assert rows and all(r["country"] == "SYR" and r["status"] == "claimed" for r in rows)


def test_date_range_filter_keeps_overlapping_events(client: TestClient) -> None:
    data = events(client, "?from=2025-01-01&to=2025-12-31")
    assert {r["publisher"] for r in data["events"]} == {"Example Wire"}


def test_map_points_and_timeline_follow_the_filters(client: TestClient) -> None:
    data = events(client, "?country=MLI")
    assert [p["country"] for p in data["map"]["points"]] == ["MLI"]
    assert sum(b["events"] for b in data["timeline"]["bins"]) == data["paging"]["count"]


def test_paging_links_to_the_next_page(client: TestClient) -> None:
    data = events(client, "?limit=3")
    assert len(data["events"]) == 3 and data["paging"]["next"] == "?offset=3&limit=3"
    second = events(client, "?limit=3&offset=3")
    assert not {r["event_id"] + r["document_id"] for r in second["events"]} & {
        r["event_id"] + r["document_id"] for r in data["events"]}


def test_event_page_wraps_exactly_the_evidence_in_one_mark(client: TestClient) -> None:
    row = strike(client)
    url = f"/events/{row['document_id']}/{row['event_id']}"
    data = client.get(url + ".json").json()
    text, event = data["document"]["text"], data["event"]
    marked = re.search(r'<mark class="evidence" id="evidence">(.*?)</mark>', client.get(url).text, re.S)
    assert marked and re.sub(r"<[^>]+>", "", marked.group(1)) == escape(
        text[event["evidence_start"]:event["evidence_end"]])


def test_event_json_names_every_highlighted_span(client: TestClient) -> None:
    row = strike(client)
    data = client.get(f"/events/{row['document_id']}/{row['event_id']}.json").json()
    kinds = {s["kind"]: s["text"] for s in data["highlights"]}
    assert kinds["trigger"] == data["event"]["trigger_text"] and kinds["place"] == "Idlib"
    assert {"evidence", "quantity", "cue", "content"} <= set(kinds)
    assert kinds["mention"] == "attack"  # "Erdogan condemned the attack": the same strike
    text = data["document"]["text"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in data["highlights"])


def test_event_page_shows_the_cluster_disagreement(client: TestClient) -> None:
    row = strike(client)
    data = client.get(f"/events/{row['document_id']}/{row['event_id']}.json").json()
    tolls = data["cluster"]["disagreements"]["fatalities"]
    assert (tolls["min"], tolls["max"]) == (12, 20)
    page = client.get(f"/events/{row['document_id']}/{row['event_id']}").text
    assert "deaths: 12 to 20" in page and "Coast Herald" in page


def test_event_of_an_original_lists_every_outlet_that_carried_it(client: TestClient) -> None:
    rows = events(client, "?place=Idlib")["events"]
    levant = next(r for r in rows if r["publisher"] == "Levant Daily")
    data = client.get(f"/events/{levant['document_id']}/{levant['event_id']}.json").json()
    assert {o["publisher"] for o in data["outlets"]} == {"Levant Daily", "Gulf Wire"}


def test_event_page_escapes_the_document_text(client: TestClient) -> None:
    rows = events(client, "?place=Idlib")["events"]
    levant = next(r for r in rows if r["publisher"] == "Levant Daily")
    page = client.get(f"/events/{levant['document_id']}/{levant['event_id']}").text
    assert "rubble &amp; the dust" in page and "rubble & the dust" not in page


def test_cluster_page_and_twin_list_the_reports(client: TestClient) -> None:
    cluster_id = strike(client)["cluster_id"]
    data = client.get(f"/clusters/{cluster_id}.json").json()
    assert {m["publisher"] for m in data["cluster"]["members"]} == {"Coast Herald", "Levant Daily"}
    page = client.get(f"/clusters/{cluster_id}").text
    assert "Levant Daily" in page and "Coast Herald" in page and "deaths: 12 to 20" in page


def test_clusters_json_lists_every_cluster_and_filters_by_type(client: TestClient) -> None:
    everything = client.get("/clusters.json").json()
    assert everything["paging"]["count"] == len(everything["clusters"]) > 1
    kind = everything["clusters"][-1]["type"]
    chosen = client.get(f"/clusters.json?type={kind}").json()["clusters"]
    assert chosen and {c["type"] for c in chosen} == {kind}
    assert client.get("/clusters").status_code == 200


def test_document_page_and_twin(client: TestClient) -> None:
    doc_id = strike(client)["document_id"]
    data = client.get(f"/documents/{doc_id}.json").json()
    assert data["document"]["publisher"] == "Coast Herald" and data["events"]
    assert "Coast Herald" in client.get(f"/documents/{doc_id}").text


def test_unknown_event_is_a_404_in_the_one_error_shape(client: TestClient) -> None:
    response = client.get("/events/nope/ev1.json")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "message": "no such event 'ev1' in document 'nope'"}}


def test_unknown_path_is_a_404_json_or_html(client: TestClient) -> None:
    assert client.get("/nowhere.json").json() == {"error": {"status": 404, "message": "not found"}}
    page = client.get("/nowhere")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


def test_bad_filter_value_is_a_400(client: TestClient) -> None:
    response = client.get("/events.json?from=March")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "from: not a date (YYYY-MM-DD): 'March'"
    assert client.get("/events.json?limit=-1").status_code == 400


def test_pages_load_nothing_from_the_network(client: TestClient) -> None:
    row = strike(client)
    for url in ("/events", f"/events/{row['document_id']}/{row['event_id']}", "/clusters"):
        page = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', page), url
        assert "<script" not in page


def test_stylesheet_is_served_from_the_package(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200 and "mark.evidence" in response.text
    assert client.get("/static/secret.txt").status_code == 404


def test_crash_is_a_500_in_the_one_error_shape(corpus_db, monkeypatch) -> None:
    def broken(*args: object) -> dict:
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "events_view", broken)
    with TestClient(create_app(str(corpus_db)), raise_server_exceptions=False) as crashing:
        response = crashing.get("/events.json")
        assert response.status_code == 500
        assert response.json() == {"error": {"status": 500, "message": "internal error: RuntimeError"}}
        assert crashing.get("/events").headers["content-type"].startswith("text/html")
