"""Tests for polybius.extract.place_ranking: weighing a name's homonyms by the document."""

from __future__ import annotations

import pytest

from polybius.extract.place_ranking import Context, Focus, _nearness, choose, focus_of_names, score
from polybius.resolve.gazetteer import Entry

SPRINGFIELD_IL = Entry("Springfield", "city", 39.8, -89.6, "USA", 1, 116000, "IL")
SPRINGFIELD_MA = Entry("Springfield", "city", 42.1, -72.6, "USA", 2, 155000, "MA")
PEORIA = Entry("Peoria", "city", 40.7, -89.6, "USA", 3, 113000, "IL")
FRANCE = Entry("France", "country", 46.0, 2.0, "FRA", 4, 67000000, None)


def test_bigger_town_scores_higher_and_exact_name_adds_one() -> None:
    assert score(SPRINGFIELD_MA) > score(SPRINGFIELD_IL)
    alias = Entry("Springfield", "city", 0.0, 0.0, "USA", 5, 155000, "MA", exact=False)
    assert score(SPRINGFIELD_MA) - score(alias) == pytest.approx(1.0)


def test_state_share_counts_every_other_name_not_only_those_in_a_state() -> None:
    by_key = {"springfield": [SPRINGFIELD_IL, SPRINGFIELD_MA], "peoria": [PEORIA], "france": [FRANCE]}
    focus = focus_of_names(by_key, {}, Context())["springfield"]
    assert focus.states[("USA", "IL")] == pytest.approx(0.5)  # Peoria of Peoria and France
    assert focus.countries["FRA"] == pytest.approx(0.5)


def test_state_of_the_other_names_picks_the_homonym() -> None:
    by_key = {"springfield": [SPRINGFIELD_IL, SPRINGFIELD_MA], "peoria": [PEORIA]}
    focus = focus_of_names(by_key, {}, Context())
    assert choose(by_key["springfield"], Context(), None, focus["springfield"]) == SPRINGFIELD_IL


def test_country_beats_homonymous_town_and_qualifier_narrows() -> None:
    paris_tx = Entry("Paris", "city", 33.7, -95.6, "USA", 6, 25000, "TX")
    paris = Entry("Paris", "city", 48.9, 2.3, "FRA", 7, 2100000, "11")
    assert choose([paris, paris_tx], Context(), "USA.TX", Focus()) == paris_tx
    assert choose([paris_tx, FRANCE], Context(), None, Focus()) == FRANCE


FLORIDA = Entry("Florida", "admin1", 28.6, -82.4, "USA", 8, 0, "FL")
FLORIDA_NY = Entry("Florida", "city", 41.3, -74.4, "USA", 9, 2900, "NY")


def test_state_beats_a_small_town_named_after_it_in_another_state() -> None:
    focus = Focus(states={("USA", "NY"): 1.0}, links={FLORIDA_NY: 1.0})  # a story about New York
    assert choose([FLORIDA, FLORIDA_NY], Context(), None, focus) == FLORIDA
    assert choose([FLORIDA, FLORIDA_NY], Context(), "USA.NY", focus) == FLORIDA_NY


def test_town_in_the_state_it_names_stays_a_sense_of_the_name() -> None:
    county = Entry("Tipperary", "admin1", 52.6, -7.9, "IRL", 10, 0, "M")
    town = Entry("Tipperary", "city", 52.5, -8.2, "IRL", 11, 5000, "M")
    assert choose([county, town], Context(), None, Focus(links={town: 2.0})) == town


LEBANON = Entry("Lebanon", "country", 33.9, 35.9, "LBN", 12, 6800000, None)
LEBANON_IN = Entry("Lebanon", "city", 40.0, -86.5, "USA", 13, 15900, "IN")


def test_town_named_after_a_country_that_the_other_names_surround_is_the_town() -> None:
    local = Focus(countries={"USA": 1.0}, links={LEBANON_IN: 2.0})  # "Boone County", "Zionsville"
    assert choose([LEBANON, LEBANON_IN], Context(), None, local) == LEBANON_IN
    abroad = Focus(countries={"USA": 0.6, "LBN": 0.3}, links={LEBANON_IN: 2.0})  # "Beirut" too
    assert choose([LEBANON, LEBANON_IN], Context(), None, abroad) == LEBANON
    assert choose([LEBANON, LEBANON_IN], Context(), None, Focus(countries={"USA": 1.0})) == LEBANON


def test_a_towns_own_name_beats_a_bigger_neighbour_listing_it_as_an_alternate() -> None:
    own = Entry("Eastgate", "city", 28.61, 77.21, "IND", 20, 300000, "07")
    around = Entry("Bigtown", "city", 28.65, 77.23, "IND", 21, 11000000, "07", exact=False)
    far = Entry("Bigtown", "city", 19.07, 72.88, "IND", 22, 12000000, "16", exact=False)
    assert choose([own, around], Context(), None, Focus()) == own
    assert choose([own, far], Context(), None, Focus()) == far  # elsewhere: population decides


def test_nearness_falls_with_distance_and_ends_at_the_limit_whatever_the_longitude() -> None:
    here = Entry("Alpha", "city", 45.0, 10.0, "ITA")
    assert _nearness(here, [Entry("Beta", "city", 45.0, 10.0, "ITA")]) == 1.0
    assert 0.0 < _nearness(here, [Entry("Gamma", "city", 45.5, 10.0, "ITA")]) < 1.0
    assert _nearness(here, [Entry("Delta", "city", 46.0, 10.0, "ITA")]) == 0.0  # 111 km north
    # the nearest of a name's entries counts, even where a farther one comes first
    assert _nearness(here, [Entry("Eps", "city", 48.0, 10.0, "ITA"), Entry("Eps", "city", 45.0, 10.1, "ITA")]) > 0.9
