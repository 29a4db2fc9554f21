"""An end-to-end election whose booths seal verifiable ballots for trustees who ran the real ceremony:
the trustees' key files (station_admin.trustee, files as messages) decrypt the sums, and the package
carries their key (`election e2e-key`) before the booths are provisioned. Then a day at booth-1
(addenda taken in between the votes) and its count as the officials run it: import, aggregate,
trustees 1 and 3 decrypt, tally, record; and isoloir-verify over the record."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from kiosk.ballot.definition import load_definition
from kiosk.ballot.package import PackageCard
from kiosk.devices.sim_card import SimCard
from station_admin.ceremony import create_election, register_cards
from station_admin.cli import main as station_admin
from station_admin.e2e_election import install_e2e
from station_admin.election_e2e_key import add_election_key
from station_admin.provisioning import provision_station
from station_admin.tally import TrusteeShare, recover_key
from tests.conference.kit import Officials, open_booth
from tests.conference.test_delegations import take_in_next
from tests.kit import AUTHORITY_PASSPHRASE, PASSPHRASES, ElectionKit, authority_args
from tests.station_admin.e2e_kit import E2EKit, trustees_ceremony

VERIFY = str(Path(sys.executable).parent / "isoloir-verify")

# A step of a booth's day: the words of an `election amend` the officials sign and the booth takes
# in, or the votes (voter: option of q1) cast then.
Step = tuple[str, ...] | Mapping[str, str]


def make_e2e_booth_election(definition_path: Path, root: Path) -> E2EKit:
    """The trustees' ceremony, then the election with its key, cards and provisioned booths."""
    ceremony = trustees_ceremony(definition_path, root)
    definition = load_definition(definition_path)
    created = create_election(
        definition, 3, 2, PASSPHRASES, root / "ELECTION", authority_passphrase=AUTHORITY_PASSPHRASE
    )
    add_election_key(created.folder, definition_path, ceremony)
    e2e = install_e2e(created.folder, ceremony, definition_path)
    cards = {w.id: SimCard(pin="1234", serial=f"{n:08d}") for n, w in enumerate(definition.poll_workers, 1)}
    register_cards(created.folder, [PackageCard(public_key=c.public_key().hex(), holder=w, role="poll_worker")
                                    for w, c in cards.items()])  # fmt: skip
    stations = [s.id for s in definition.stations]
    media = {s: provision_station(created.folder, s, root / f"MEDIA-{s}") for s in stations}
    package = created.folder.package()
    secret = recover_key(package, [TrusteeShare(created.folder.share_path(1), PASSPHRASES[0]),
                                   TrusteeShare(created.folder.share_path(2), PASSPHRASES[1])])  # fmt: skip
    kit = ElectionKit(created.folder, definition, package, media, secret, cards, None)
    return E2EKit(kit, e2e, root)


def election_of(definition: dict[str, Any], root: Path, name: str) -> E2EKit:
    """make_e2e_booth_election for a definition written under root as `name`."""
    path = root / name
    path.write_text(json.dumps(definition), encoding="utf-8")
    return make_e2e_booth_election(path, root)


def admin(*args: str | Path, ok: bool = True) -> Result:
    result = CliRunner().invoke(station_admin, [str(a) for a in args])
    assert (result.exit_code == 0) == ok, result.output
    return result


def decrypt(e2e: E2EKit, stick: Path, trustee: int, out: Path, request: Path | None = None) -> Result:
    """Trustee `trustee` decrypts the stick's request; a `request` given instead must be refused."""
    return admin("trustee", "decrypt", "--key", e2e.key(trustee), "--ceremony", e2e.ceremony,
                 "--request", request or stick / "request.json", "--ballots", stick, "--out", out,
                 "--passphrase-file", e2e.passphrase_file, ok=request is None)  # fmt: skip


def seal_day(e2e: E2EKit, officials: Officials, session: str, *steps: Step) -> Path:
    """booth-1 opens, goes through `steps` (votes cast in `session`), closes its polls and exports:
    the sealed file."""
    booth = open_booth(e2e.kit, officials.root / "booth")
    assert booth.e2e
    addenda = 0
    for step in steps:
        if isinstance(step, tuple):
            amended = officials.signed("election", "amend", *step)
            assert amended.exit_code == 0, amended.output
            take_in_next(booth, officials.stick(f"STICK-{addenda}"))
            addenda += 1
        else:
            for voter, answer in step.items():
                booth.cast(voter, session, {"q1": (answer,)})
    booth.close_polls("pw-1")
    (officials.root / "OUT").mkdir()
    sealed = booth.export(officials.root / "OUT")
    booth.close()
    return sealed


@dataclass(frozen=True)
class Counted:
    session: dict[str, Any]  # the session's entry in results.json
    stick: Path  # what the trustees decrypt from: request.json, ballots, package and addenda
    record: Path


def count(e2e: E2EKit, officials: Officials, sealed: Path, session: str, report: bool = False) -> Counted:
    """The sealed file imported, aggregated, decrypted by trustees 1 and 3, tallied, (reported) and
    recorded."""
    root, election = officials.root, officials.election
    admin("import", "--election", election, sealed)
    stick = root / "TALLY-STICK"
    admin("aggregate", "--election", election, "--out", stick)
    partials: list[str | Path] = []
    for t in (1, 3):
        decrypt(e2e, stick, t, root / f"t{t}")
        partials += ["--partial", root / f"t{t}" / f"partial-{t}.json"]
    admin("tally", "--election", election, "--request", stick / "request.json", *partials, "--out",
          root / "RESULTS")  # fmt: skip
    if report:
        admin("report", "--election", election, "--results", root / "RESULTS" / "results.json", "--out",
              root / "RESULTS" / "report.pdf")  # fmt: skip
    admin("record", "--election", election, "--results", root / "RESULTS", "--out", root / "RECORD",
          *authority_args(root / "secrets"))  # fmt: skip
    results = json.loads((root / "RESULTS" / "results.json").read_text(encoding="utf-8"))
    entry = next(s for s in results["sessions"] if s["id"] == session)
    return Counted(entry, stick, root / "RECORD")


def verify(e2e: E2EKit, record: Path) -> subprocess.CompletedProcess[str]:
    key = e2e.kit.package.body.authority_public_key
    return subprocess.run([VERIFY, str(record), "--authority-key", key],
                          capture_output=True, text=True, timeout=600)  # fmt: skip


def ballot_lines(record: Path, session: str) -> list[dict[str, Any]]:
    """booth-1's published ballots in `session` (its header line left out)."""
    lines = (record / "ballots" / session / "booth-1.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:]]
