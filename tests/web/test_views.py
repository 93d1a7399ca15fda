"""Views without a server: query parsing and timeline bins."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.web.svg import map_svg, timeline_svg, view_box
from polybius.web.views import WebError, choose_bucket, parse_query, timeline


def test_query_parses_filters_and_round_trips() -> None:
    query = parse_query({"from": "2016-03-01", "country": "syr", "status": "Claimed", "duplicates": "1"})
    assert (query.selection.country, query.selection.status, query.selection.include_duplicates) == (
        "SYR", "claimed", True)
    assert query.url("/events") == "/events?from=2016-03-01&country=SYR&status=claimed&duplicates=1"


def test_unknown_bucket_is_refused() -> None:
    with pytest.raises(WebError, match="bucket"):
        parse_query({"bucket": "hour"})


def test_timeline_fills_empty_weeks() -> None:
    daily = [{"day": date(2016, 3, 1), "type": "ASSAULT", "events": 2},
             {"day": date(2016, 3, 17), "type": "PROTEST", "events": 1}]
    bins = timeline(daily, "week")["bins"]
    assert [b["start"] for b in bins] == ["2016-02-29", "2016-03-07", "2016-03-14"]
    assert [b["events"] for b in bins] == [2, 0, 1] and bins[2]["types"] == {"PROTEST": 1}


def test_bucket_grows_with_the_span() -> None:
    assert choose_bucket(date(2016, 1, 1), date(2016, 2, 1)) == "day"
    assert choose_bucket(date(2016, 1, 1), date(2017, 2, 1)) == "week"
    assert choose_bucket(date(2000, 1, 1), date(2016, 2, 1)) == "month"


def test_map_frames_the_points_or_the_world() -> None:
    assert view_box([]) == (0.0, 0.0, 360.0, 180.0)
    x, y, width, height = view_box([{"lat": 35.9, "lon": 36.6}])
    assert width == 2 * height and x < 36.6 + 180 < x + width and y < 90 - 35.9 < y + height


def test_map_draws_one_linked_circle_per_point() -> None:
    points = [{"lat": 35.9, "lon": 36.6, "place": "Idlib", "country": "SYR", "type": "ASSAULT", "events": 3}]
    drawn = map_svg(points, lambda p: f"/events?place={p['place']}")
    assert drawn.count('<a href="/events?place=Idlib"><circle') == 1


def test_timeline_links_each_bar_to_its_dates() -> None:
    bins = [{"start": "2016-03-07", "end": "2016-03-13", "events": 2, "types": {"ASSAULT": 2}}]
    assert '<a href="?from=2016-03-07">' in timeline_svg(bins, lambda b: f"?from={b['start']}")
