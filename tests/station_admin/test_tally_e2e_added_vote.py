"""End-to-end ballots in a vote added to the day by addendum, and in a show of hands.

`station-admin election amend --add-session` adds a show-of-hands vote after the booths were set up:
the booth takes the addendum in, delegates cast end-to-end ballots in it, and the officials aggregate,
the trustees decrypt, the tally counts and isoloir-verify accepts the record. A show of hands
publishes its counts per group always (as the ILC does): its ballots carry the voter's group (spec
§5), so each group's aggregate is decrypted and the per-group counts come out, small groups included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from station_admin.cli import main as admin
from tests.conference.kit import Officials, officials_of, open_booth
from tests.conference.test_added_vote import add_the_vote, vote_on_amendment
from tests.kit import SMALL_ELECTION, authority_args
from tests.station_admin.e2e_kit import E2EKit
from tests.station_admin.test_tally_e2e_mandates import verify
from tests.station_admin.weighted_e2e_kit import make_e2e_booth_election


@pytest.fixture(scope="module")
def conference(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    return make_e2e_booth_election(SMALL_ELECTION, tmp_path_factory.mktemp("conference-e2e"))


@pytest.fixture(scope="module")
def hands(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    """The small election whose budget vote is a show of hands, in the package itself."""
    root = tmp_path_factory.mktemp("hands-e2e")
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    budget = next(s for s in data["sessions"] if s["id"] == "budget")
    budget["mode"], budget["counts_by_group"] = "show-of-hands", False
    path = root / "hands.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return make_e2e_booth_election(path, root)


def _admin(*args: str | Path) -> Result:
    result = CliRunner().invoke(admin, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def count(e2e: E2EKit, officials: Officials, sealed: Path) -> tuple[dict[str, Any], Path]:
    """Import, aggregate, trustees 1 and 3 decrypt, tally, record: the results and the record."""
    root, election = officials.root, officials.election
    _admin("import", "--election", election, sealed)
    stick = root / "TALLY-STICK"
    _admin("aggregate", "--election", election, "--out", stick)
    partials: list[str | Path] = []
    for t in (1, 3):
        _admin("trustee", "decrypt", "--key", e2e.key(t), "--ceremony", e2e.ceremony, "--request",
               stick / "request.json", "--ballots", stick, "--out", root / f"t{t}", "--passphrase-file",
               e2e.passphrase_file)  # fmt: skip
        partials += ["--partial", root / f"t{t}" / f"partial-{t}.json"]
    _admin("tally", "--election", election, "--request", stick / "request.json", *partials, "--out",
           root / "RESULTS")  # fmt: skip
    _admin("record", "--election", election, "--results", root / "RESULTS", "--out", root / "RECORD",
           *authority_args(root / "secrets"))  # fmt: skip
    results = json.loads((root / "RESULTS" / "results.json").read_text(encoding="utf-8"))
    return results, root / "RECORD"


def _groups(entry: dict[str, Any]) -> dict[str, tuple[int, list[int]]]:
    return {
        g["id"]: (g["ballots"], [o["votes"] for o in g["questions"][0]["options"]]) for g in entry["groups"]
    }


def _ballot_groups(record: Path, session: str) -> set[str]:
    lines = (record / "ballots" / session / "booth-1.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    return {json.loads(line)["group"] for line in lines}


def test_an_e2e_vote_added_by_addendum_is_counted_per_group_and_its_record_verifies(
    conference: E2EKit, tmp_path: Path
) -> None:
    officials = officials_of(conference.kit, tmp_path)
    add_the_vote(officials)  # amendment-7, a show of hands, for the budget's voters
    sealed = vote_on_amendment(officials, tmp_path / "booth", officials.stick())  # v01..v08 yes, v09..v12 no
    results, record = count(conference, officials, sealed)
    added = next(s for s in results["sessions"] if s["id"] == "amendment-7")
    assert added["ballots"] == 12 and added["kind"] == "show-of-hands"
    assert [o["votes"] for o in added["questions"][0]["options"]] == [8, 4]
    # v01..v12: government v01 v04 v05 v08 v09 v12, employers v02 v06, workers v03 v07 v11 (v10: see roll)
    roll = {v.id: v.group for v in conference.kit.definition.voters}
    voters = [f"v{n:02d}" for n in range(1, 13)]
    expected = {}
    for group in ("government", "employers", "workers"):
        members = [v for v in voters if roll[v] == group]
        yes = sum(1 for v in members if int(v[1:]) <= 8)
        expected[group] = (len(members), [yes, len(members) - yes])
    assert _groups(added) == expected
    assert _ballot_groups(record, "amendment-7") == {g for g, (n, _) in expected.items() if n}
    assert (record / "addenda" / "addendum-0001.json").exists()
    verified = verify(conference, record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout


def test_a_show_of_hands_with_e2e_ballots_publishes_each_group_s_count_even_a_small_one(
    hands: E2EKit, tmp_path: Path
) -> None:
    officials = officials_of(hands.kit, tmp_path)
    booth = open_booth(hands.kit, tmp_path / "booth")
    votes = {"v01": "yes", "v04": "yes", "v05": "no", "v02": "no", "v03": "yes"}  # 3 government, 1 + 1
    for voter, answer in votes.items():
        booth.cast(voter, "budget", {"q1": (answer,)})
    booth.close_polls("pw-1")
    (tmp_path / "OUT").mkdir()
    sealed = booth.export(tmp_path / "OUT")
    booth.close()
    results, record = count(hands, officials, sealed)
    budget = next(s for s in results["sessions"] if s["id"] == "budget")
    options = [o["id"] for o in budget["questions"][0]["options"]]

    def votes_of(*chosen: str) -> list[int]:
        return [chosen.count(o) for o in options]

    # one Employer and one Worker ballot: under the secrecy floor, yet a show of hands publishes them
    expected = {"government": (3, votes_of("yes", "yes", "no")), "employers": (1, votes_of("no")),
                "workers": (1, votes_of("yes"))}  # fmt: skip
    assert _groups(budget) == expected
    assert "groups_withheld" not in budget
    tally = json.loads((record / "tally" / "budget.json").read_text(encoding="utf-8"))
    assert [a["group"] for a in tally["questions"][0]["aggregates"]] == ["employers", "government", "workers"]
    verified = verify(hands, record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
