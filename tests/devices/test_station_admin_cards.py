"""`station-admin cards program` against a real pcscd and the virtual OpenPGP card: the card gets a
new key, the package registers it, and the card then logs its holder in.

It lives beside the devices' tests so that one pcscd fixture (and its lock) serves both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.ballot.definition import load_definition
from kiosk.devices.card_login import log_in
from kiosk.devices.cards import RegisteredCard, Role
from kiosk.devices.pcsc_card import PcscCardReader
from station_admin.ceremony import create_election
from station_admin.cli import main as admin
from station_admin.election_dir import ElectionDir
from tests.devices.virtual_openpgp_card import DEFAULT_ADMIN_PIN, VirtualOpenPGPCard, VpcdSlot
from tests.kit import AUTHORITY_PASSPHRASE, PASSPHRASES, SMALL_ELECTION, authority_args
from tests.waiting import wait_until

pytestmark = [pytest.mark.pcsc, pytest.mark.xdist_group("pcsc")]
READER = "Virtual PCD"
runner = CliRunner()


@pytest.fixture
def election(tmp_path: Path) -> ElectionDir:
    return create_election(
        load_definition(SMALL_ELECTION), 3, 2, PASSPHRASES, tmp_path / "E",
        authority_passphrase=AUTHORITY_PASSPHRASE,
    ).folder  # fmt: skip


def _insert(slot: VpcdSlot) -> None:
    slot.insert()
    wait_until(PcscCardReader(READER).card_present, "pcscd seeing the card")


def _program(
    election: ElectionDir, tmp_path: Path, holder: str, pin: str = DEFAULT_ADMIN_PIN
) -> tuple[int, str]:
    (tmp_path / "admin-pin").write_text(pin + "\n")
    result = runner.invoke(
        admin,
        ["cards", "program", "--election", str(election.root), "--holder", holder, "--role", "poll-worker",
         "--reader", READER, "--admin-pin-file", str(tmp_path / "admin-pin"), "--json",
         *authority_args(tmp_path)],
    )  # fmt: skip
    return result.exit_code, result.output


def test_a_programmed_card_is_registered_and_logs_its_poll_worker_in(
    card_slot: VpcdSlot,
    openpgp_card: VirtualOpenPGPCard,
    election: ElectionDir,
    tmp_path: Path,
) -> None:
    old_key, old_fingerprint = openpgp_card.public_key(), election.package().fingerprint
    _insert(card_slot)
    code, output = _program(election, tmp_path, "pw-1")
    assert code == 0, output
    said = json.loads(output)
    package = election.package()
    assert said["public_key"] == openpgp_card.public_key().hex() != old_key.hex()
    assert said["fingerprint"] == package.fingerprint != old_fingerprint
    assert [(c.holder, c.role, c.public_key) for c in package.body.cards] == [
        ("pw-1", "poll_worker", said["public_key"])
    ]
    registry = [RegisteredCard(c.public_key, c.holder, Role(c.role)) for c in package.body.cards]
    assert log_in(PcscCardReader(READER).open(), registry, "123456").ok


def test_a_wrong_admin_pin_or_an_unknown_holder_registers_nothing(
    card_slot: VpcdSlot,
    openpgp_card: VirtualOpenPGPCard,
    election: ElectionDir,
    tmp_path: Path,
) -> None:
    before = election.package_path.read_bytes()
    _insert(card_slot)
    code, output = _program(election, tmp_path, "pw-1", pin="00000000")
    assert code == 1 and "refused the admin PIN" in output
    code, output = _program(election, tmp_path, "nobody")
    assert code == 1 and "no poll worker 'nobody'" in output
    assert election.package_path.read_bytes() == before
