"""Extraction rules on short texts: what the issue names, checked one by one."""

from __future__ import annotations

from datetime import date

import pytest

from detente.text import extract_text


def facts(text: str, ref: date | None = None) -> list[tuple[str, tuple[str, ...], str, str | None]]:
    return [(c.agreement, c.actors, c.type, c.date) for c in extract_text(text, ref_date=ref)
            if c.is_fact]


def one(text: str, ref: date | None = None):  # type: ignore[no-untyped-def]
    cs = extract_text(text, ref_date=ref)
    assert len(cs) == 1, cs
    return cs[0]


def test_the_issue_example() -> None:
    assert facts("In 2019, the U.S. unilaterally withdrew from the 1987 Intermediate-Range "
                 "Nuclear Forces Treaty.") == [("inf_1987", ("USA",), "withdrew", "2019")]


@pytest.mark.parametrize("name", ["ABM Treaty", "Anti-Ballistic Missile Treaty",
                                  "Anti-Ballistic Missile (ABM) Treaty"])
def test_agreement_names_from_the_record(name: str) -> None:
    assert facts(f"The United States withdrew from the {name} in June 2002.") == [
        ("abm_1972", ("USA",), "withdrew", "2002-06")]


@pytest.mark.parametrize(("name", "aid"), [
    ("the Iran nuclear deal", "jcpoa_2015"), ("the JCPOA", "jcpoa_2015"),
    ("Open Skies", "open_skies_1992"), ("the INF", "inf_1987"), ("Minsk II", "minsk2_2015"),
    ("the Founding Act", "nato_russia_founding_act_1997"), ("New START", "new_start_2010"),
])
def test_aliases(name: str, aid: str) -> None:
    c = one(f"Russia violated {name} in 2019, the State Department said.")
    assert c.agreement == aid and c.alleged_by == ("USA",)


def test_metonyms_and_leaders_resolved_by_date() -> None:
    assert one("The Kremlin violated the ABM Treaty in 1985, Washington said.").actors == \
        ("SUN",)
    assert one("The Kremlin violated the INF Treaty in 2017, Washington said.").actors == \
        ("RUS",)
    assert one("The Trump administration withdrew from the JCPOA in May 2018.").actors == \
        ("USA",)
    assert one("George W. Bush withdrew from the ABM Treaty in 2002.").actors == ("USA",)


@pytest.mark.parametrize("text", [
    "Russia did not withdraw from the INF Treaty in 2019.",
    "Russia has not violated the New START Treaty, Moscow said.",
    "Moscow threatened to withdraw from the INF Treaty in 2007.",
    "The United States would withdraw from the INF Treaty if Russia did not return.",
    "Washington urged Moscow to withdraw from the Minsk II agreement.",
    "Iran may suspend the JCPOA next year.",
    "If Russia violates New START, the United States will respond.",
])
def test_negated_hypothetical_and_threatened_acts_are_never_facts(text: str) -> None:
    cs = extract_text(text)
    assert cs, "the candidate should be reported (flagged)"
    assert not any(c.is_fact for c in cs)


def test_never_ratified_is_the_record_type_not_ratified() -> None:
    assert [(c.type, c.is_fact) for c in extract_text(
        "The United States has never ratified the CTBT.")] == [("not_ratified", True)]


def test_reported_speech_gives_the_alleger() -> None:
    c = one("The Russians complained that the United States violated the INF Treaty in 2019.")
    assert (c.actors, c.alleged_by) == (("USA",), ("RUS",))
    c = one("According to the State Department, Russia violated the Open Skies Treaty in 2017.")
    assert (c.actors, c.alleged_by) == (("RUS",), ("USA",))


def test_dates_keep_their_precision_and_are_never_filled_from_today() -> None:
    assert facts("The United States withdrew from the INF Treaty on August 2, 2019.")[0][3] == \
        "2019-08-02"
    assert facts("The United States withdrew from the INF Treaty in August 2019.")[0][3] == \
        "2019-08"
    # a month without any year in the text: no date, not this year's
    assert facts("In May, the United States withdrew from the Open Skies Treaty.")[0][3] is None
    # "today" needs the article's date
    assert facts("Today the United States withdrew from the INF Treaty.",
                 ref=date(2019, 8, 2))[0][3] == "2019-08-02"
    assert facts("Today the United States withdrew from the INF Treaty.")[0][3] is None


def test_relative_dates_from_the_context() -> None:
    got = facts("Russia suspended the CFE Treaty in 2007. That same year, NATO said Russia "
                "violated the CFE Treaty.")
    assert ("cfe_1990", ("RUS",), "violation_alleged", "2007") in got


def test_a_year_in_a_name_is_not_the_date_of_the_act() -> None:
    assert facts("The United States withdrew from the 1972 ABM Treaty in 2002.")[0][3] == "2002"
    assert facts("The United States withdrew from the 1972 ABM Treaty.")[0][3] is None


def test_deadlines_are_not_dates_of_acts() -> None:
    c = one("The two parties extended New START in February 2021 until February 5, 2026.")
    assert c.type == "extended" and c.date == "2021-02"


def test_withdrawal_of_forces_is_not_a_treaty_withdrawal() -> None:
    assert not facts("Under Minsk II, Russia agreed to the withdrawal of heavy weapons in 2015.")


def test_character_span_points_at_the_sentence() -> None:
    text = "Intro sentence here. The United States withdrew from the INF Treaty in 2019."
    c = one(text)
    assert text[c.start:c.end].strip() == c.sentence


def test_any_text_is_read_without_an_internal_error() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["Russia", "the", "United States", "withdrew", "from", "INF Treaty",
                             "did", "not", "2019", "May", "today", ",", ".", ";", "\n\n",
                             "violated", "signed", "Moscow", "if", "that", "said", "(", ")",
                             "Treaty", "its", "It", "extended", "'s", "“", "in", "1987"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(words, max_size=60), st.text(max_size=40))
    def run(ws: list[str], noise: str) -> None:
        for c in extract_text(" ".join(ws) + noise):
            assert c.agreement and c.actors and 0 < c.confidence < 1
            assert c.date is None or len(c.date) in (4, 7, 10)

    run()


def test_not_following_an_agreement_is_an_alleged_violation() -> None:
    c = one("In 2021 the Kremlin said the Ukrainians were not following the Minsk II agreement.")
    assert (c.agreement, c.actors, c.type, c.alleged_by, c.is_fact) == (
        "minsk2_2015", ("UKR",), "violation_alleged", ("RUS",), True)


def test_attacks_during_a_tracked_negotiation_are_hostile_acts_during_talks() -> None:
    from detente.record import load_shipped_record
    from detente.text import check

    cs = extract_text("On April 13, 2025, Russia struck Sumy with missiles during the "
                      "US-mediated talks.")
    assert [(c.agreement, c.actors, c.type, c.date) for c in cs] == [
        ("ukraine_talks_2025", ("RUS",), "hostile_act_during_talks", "2025-04-13")]
    assert check(cs, load_shipped_record())[0].status == "confirmed"
    # no negotiation named: not a hostile act *during talks*
    assert not extract_text("Russia attacked Ukraine in 2022.")
