"""Outcomes under each rule, against results worked out by hand."""

from __future__ import annotations

from kiosk.ballot.definition import Majority, Quorum, QuorumBase, Rule
from station_admin.outcomes import RoleVotes, decide, plurality_winners

SIMPLE = Rule(majority=Majority.SIMPLE)
TWO_THIRDS = Rule(majority=Majority.TWO_THIRDS)
ILC = Rule(majority=Majority.TWO_THIRDS, quorum=Quorum(share=0.5, base=QuorumBase.ATTENDING))


def test_simple_majority_needs_more_yes_than_no_and_a_tie_is_rejected() -> None:
    assert decide(SIMPLE, RoleVotes(yes=51, no=50, abstain=200), 400, None).outcome == "adopted"
    assert decide(SIMPLE, RoleVotes(yes=50, no=50, abstain=0), 400, None).outcome == "rejected"


def test_counting_abstentions_makes_them_votes_cast() -> None:
    rule = Rule(majority=Majority.SIMPLE, count_abstentions=True)
    # 51 yes of 51 + 40 + 20 = 111 cast: 102 is not more than 111.
    decided = decide(rule, RoleVotes(yes=51, no=40, abstain=20), 400, None)
    assert (decided.outcome, decided.votes_cast) == ("rejected", 111)


def test_two_thirds_of_votes_cast_exactly_is_enough() -> None:
    # 200 yes, 100 no: 3 x 200 = 600 >= 2 x 300 = 600.
    assert decide(TWO_THIRDS, RoleVotes(yes=200, no=100, abstain=9), 748, None).outcome == "adopted"
    assert decide(TWO_THIRDS, RoleVotes(yes=199, no=100, abstain=9), 748, None).outcome == "rejected"


def test_ilc_quorum_counts_yes_and_no_against_half_the_delegates_attending() -> None:
    # 600 attending: the yes and no votes must reach 300. 250 + 49 = 299 falls one short,
    # however many abstain; the vote is then neither adopted nor rejected.
    short = decide(ILC, RoleVotes(yes=250, no=49, abstain=200), 748, attending=600)
    assert short.outcome == "no quorum"
    assert short.quorum == {
        "base": "attending",
        "base_count": 600,
        "share": 0.5,
        "required": 300,
        "reached": False,
    }
    assert decide(ILC, RoleVotes(yes=250, no=50, abstain=0), 748, attending=600).outcome == "adopted"


def test_without_the_attending_number_the_quorum_base_is_the_eligible_voters() -> None:
    # 748 eligible: required 374; 300 + 73 = 373 is short, 300 + 74 reaches it (and 300 >= 2/3 x 374).
    assert decide(ILC, RoleVotes(yes=300, no=73, abstain=0), 748, None).outcome == "no quorum"
    reached = decide(ILC, RoleVotes(yes=300, no=74, abstain=0), 748, None)
    assert reached.outcome == "adopted"
    assert reached.quorum is not None and reached.quorum["base"] == "eligible"


def test_an_odd_base_rounds_the_required_number_up() -> None:
    # Half of 7 attending is 3.5: 4 votes are needed.
    assert decide(ILC, RoleVotes(yes=3, no=0, abstain=0), 9, attending=7).outcome == "no quorum"
    assert decide(ILC, RoleVotes(yes=4, no=0, abstain=0), 9, attending=7).outcome == "adopted"


def test_plurality_takes_the_most_voted_and_says_when_a_tie_leaves_the_last_place_open() -> None:
    assert plurality_winners({"ana": 9, "ben": 7, "chloe": 3}, 2) == (["ana", "ben"], False)
    assert plurality_winners({"ana": 9, "ben": 7, "chloe": 7}, 2) == (["ana", "ben"], True)
