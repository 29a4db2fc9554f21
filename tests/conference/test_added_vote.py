"""A vote added to the day by `station-admin election amend --add-session`: taken in by the booth,
voted, sealed with the addenda the booth held, imported and counted; and the import refuses a file
that counted a vote under an addendum officials did not issue to it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from kiosk.ballot.amendments import amend_all, amended_package
from kiosk.ballot.sealed_file import read_sealed_file
from station_admin.addenda import official_addenda
from station_admin.election_dir import ElectionDir
from tests.conference.kit import Officials, open_booth
from tests.conference.test_delegations import take_in_next
from tests.kit import share_args

NEW_VOTE: dict[str, Any] = {
    "session": {
        "id": "amendment-7",
        "title": {"en": "Amendment 7", "fr": "Amendement 7", "es": "Enmienda 7"},
        "mode": "show-of-hands",
        "questions": [{
            "id": "q1", "kind": "single",
            "title": {"en": "Adopt amendment 7?", "fr": "Adopter l'amendement 7 ?",
                      "es": "¿Adoptar la enmienda 7?"},
            "options": [
                {"id": "yes", "role": "yes", "label": {"en": "Yes", "fr": "Oui", "es": "Sí"}},
                {"id": "no", "role": "no", "label": {"en": "No", "fr": "Non", "es": "No"}},
            ],
        }],
    },
    "voters_of": "budget",
}


def add_the_vote(officials: Officials, title: str = "Amendment 7") -> None:
    path = officials.root / "new-vote.json"
    vote = json.loads(json.dumps(NEW_VOTE))
    vote["session"]["title"]["en"] = title
    path.write_text(json.dumps(vote), encoding="utf-8")
    result = officials.signed("election", "amend", "--add-session", str(path))
    assert result.exit_code == 0, result.output


def vote_on_amendment(officials: Officials, data: Path, stick: Path) -> Path:
    """booth-1 takes the addenda in, v01..v12 vote on the amendment, polls close; the sealed file."""
    booth = open_booth(officials.kit, data)
    while len(booth.held_addenda()) < len(list(stick.iterdir())):
        take_in_next(booth, stick)
    booth.set_session_active("amendment-7", True, "pw-1")
    for n in range(1, 13):
        booth.cast(f"v{n:02d}", "amendment-7", {"q1": ("yes" if n <= 8 else "no",)})
    booth.close_polls("pw-1")
    out = data.parent / f"OUT-{data.name}"
    out.mkdir()
    path = booth.export(out)
    booth.close()
    return path


def test_a_vote_added_to_the_day_is_voted_sealed_imported_and_counted(officials: Officials) -> None:
    add_the_vote(officials)
    sealed = vote_on_amendment(officials, officials.root / "booth", officials.stick())
    assert officials.admin("import", str(sealed)).exit_code == 0
    results = tally(officials)
    added = next(s for s in results["sessions"] if s["id"] == "amendment-7")
    assert added["ballots"] == 12
    assert [o["votes"] for o in added["questions"][0]["options"]] == [8, 4]
    assert results["booths"][0]["addenda"] == [1]
    assert [a["sessions"] for a in results["addenda"]] == [["amendment-7"]]


def test_the_sealed_file_names_the_addenda_its_booth_held(officials: Officials) -> None:
    add_the_vote(officials)
    sealed = vote_on_amendment(officials, officials.root / "booth", officials.stick())
    folder = ElectionDir(officials.election)
    issued = official_addenda(folder, folder.package())
    package = amended_package(folder.package(), amend_all(folder.package().definition, issued))
    manifest = read_sealed_file(sealed, package).manifest
    assert [(a.number, a.digest) for a in manifest.addenda] == [(1, issued[0].digest)]


def test_a_file_that_counted_a_vote_under_an_addendum_officials_did_not_issue_is_refused(
    officials: Officials,
) -> None:
    """Threat: a stick holder brings officials a file from a booth that took in an addendum signed
    in a rehearsal of the amendment (a draft the officials then discarded and signed again)."""
    untouched = officials.root / "ELECTION-before"
    shutil.copytree(officials.election, untouched)
    add_the_vote(officials)  # the draft: a booth takes it in and counts the added vote under it
    sealed = vote_on_amendment(officials, officials.root / "booth", officials.stick())
    shutil.rmtree(officials.election)
    shutil.copytree(untouched, officials.election)
    add_the_vote(officials, "Amendment 7 (revised)")  # the addendum 1 officials keep: another digest
    result = officials.admin("import", "--json", str(sealed))
    assert result.exit_code == 1
    assert "did not issue" in json.loads(result.output)[0]["reason"]
    assert officials.admin("import", "--json", str(sealed)).exit_code == 1  # nothing was stored


def test_a_file_that_counted_an_added_vote_is_refused_where_the_addendum_was_never_issued(
    officials: Officials,
) -> None:
    untouched = officials.root / "ELECTION-before"
    shutil.copytree(officials.election, untouched)
    add_the_vote(officials)
    sealed = vote_on_amendment(officials, officials.root / "booth", officials.stick())
    shutil.rmtree(officials.election)
    shutil.copytree(untouched, officials.election)
    result = officials.admin("import", "--json", str(sealed))
    assert result.exit_code == 1
    assert "no session 'amendment-7'" in json.loads(result.output)[0]["reason"]


def tally(officials: Officials) -> dict[str, Any]:
    shares = {n: officials.election / "trustees" / f"{n}.share" for n in (1, 2)}
    out = officials.root / "RESULTS"
    result = officials.admin("tally", *share_args(shares, officials.root / "secrets"), "--out", str(out))
    assert result.exit_code == 0, result.output
    return dict(json.loads((out / "results.json").read_text(encoding="utf-8")))


def test_election_show_lists_the_vote_added_and_the_addendum(officials: Officials) -> None:
    add_the_vote(officials)
    shown = officials.admin("election", "show")
    assert shown.exit_code == 0, shown.output
    assert "Session amendment-7: Amendment 7 (show of hands; 42 eligible)" in shown.output
    assert "Addendum 1 of " in shown.output
