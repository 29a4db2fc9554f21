"""Device fixtures: a real pcscd with the vpcd virtual reader, and a virtual OpenPGP card to plug in.

The pcsc tests are never skipped: without pcscd they fail, saying how to install it (`make test`
installs it from scripts/system-packages.txt).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from smartcard import scard
from smartcard.System import readers

from kiosk.devices.pcsc_card import card_in
from tests.devices.virtual_openpgp_card import VirtualOpenPGPCard, VpcdSlot
from tests.waiting import EVENT_TIMEOUT_SECONDS, wait_until

PCSC_LOCK = Path(tempfile.gettempdir()) / "isoloir-pcsc-tests.lock"
PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
VPCD_READER = "Virtual PCD"


def _pcscd_answers() -> bool:
    if not PCSCD_SOCKET.exists():
        return False
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(PCSCD_SOCKET))
        except OSError:
            return False
    return True


def _vpcd_reader_listed() -> bool:
    try:
        return any(VPCD_READER in str(r) for r in readers())
    except Exception:  # pcscd still starting: pyscard raises its own errors
        return False


def _wait_for_reader(process: subprocess.Popen[bytes] | None) -> None:
    def listed() -> bool:
        if process is not None and process.poll() is not None:
            output = process.stdout.read() if process.stdout else b""
            pytest.fail(f"pcscd exited at start (code {process.returncode}): {output!r}")
        return _vpcd_reader_listed()

    wait_until(listed, f"pcscd listing its '{VPCD_READER}' reader (is vsmartcard-vpcd installed, "
               "/etc/reader.conf.d/vpcd? `make test` installs it)")


def _wait_for_card(present: bool) -> None:
    wait_until(lambda: any(card_in(str(r)) for r in readers() if VPCD_READER in str(r)) == present,
               f"pcscd showing the virtual card {'in' if present else 'out'}")


def _reader_events() -> int:
    """pcscd's event counter for the vpcd reader (the high 16 bits of its state): its poller adds
    one for every insertion and every removal it notices."""
    name = next(str(r) for r in readers() if VPCD_READER in str(r))
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert hresult == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(hresult)
    try:
        hresult, states = scard.SCardGetStatusChange(context, 0, [(name, scard.SCARD_STATE_UNAWARE)])
        assert hresult == scard.SCARD_S_SUCCESS, scard.SCardGetErrorMessage(hresult)
        return int(states[0][1]) >> 16
    finally:
        scard.SCardReleaseContext(context)


def _wait_for_poller_to_see_it_empty(events_when_empty: int) -> None:
    """A card pulled while pcscd holds a connection shows as gone at once (the failed transmit marks
    it), but pcscd's own poller notices only at its next look, up to 0.4 s later. A card put in
    before that look is never reported at all: the poller sees "present" as before. So the next test
    waits until the poller has counted as many removals as insertions (an even count of events)."""
    _wait_for_card(False)
    wait_until(lambda: (_reader_events() - events_when_empty) % 2 == 0,
               "pcscd's poller noticing the card was pulled")


def _warm_up_vpcd() -> None:
    """vpcd takes its very first card after start on a slow path (~0.5 s); a booth's reader has long
    been warm when a voter arrives, so one card in and out before the tests measure anything."""
    slot = VpcdSlot(VirtualOpenPGPCard())
    slot.insert()
    _wait_for_card(True)
    slot.remove()
    _wait_for_card(False)


@pytest.fixture(scope="module")
def pcscd() -> Iterator[None]:
    """A pcscd with the vpcd reader: the running one if there is one, else one started for the module.

    One virtual reader cannot serve two test workers. `make test` sends a whole file to one worker
    (--dist loadfile: with pytest 9.2, xdist 3.8's loadgroup no longer groups), and the lock keeps
    any other runner that splits the file from plugging two cards into one reader. The lock is held
    per module, not per session: a worker's session lasts the whole suite, and the other worker's
    card files would wait for it past their timeout.
    """
    with PCSC_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield from _pcscd()


def _pcscd() -> Iterator[None]:
    if _pcscd_answers():
        _wait_for_reader(None)
        _warm_up_vpcd()
        yield
        return
    binary = shutil.which("pcscd") or ("/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None)
    if binary is None:
        pytest.fail("pcscd is not installed: run `make test`, which installs pcscd and vsmartcard-vpcd.")
    if os.geteuid() != 0 and not os.access(PCSCD_SOCKET.parent.parent, os.W_OK):
        pytest.fail(f"pcscd must create {PCSCD_SOCKET}: run the tests as root or start pcscd first.")
    PCSCD_SOCKET.unlink(missing_ok=True)  # left by a pcscd that died: it would refuse to start
    process = subprocess.Popen([binary, "--foreground"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for_reader(process)
        _warm_up_vpcd()
        yield
    finally:
        process.terminate()
        process.wait(timeout=EVENT_TIMEOUT_SECONDS)


@pytest.fixture
def openpgp_card() -> VirtualOpenPGPCard:
    return VirtualOpenPGPCard()


@pytest.fixture
def card_slot(pcscd: None, openpgp_card: VirtualOpenPGPCard) -> Iterator[VpcdSlot]:
    """The vpcd reader's slot, empty; insert() and remove() the card as a person would."""
    events_when_empty = _reader_events()
    slot = VpcdSlot(openpgp_card)
    yield slot
    slot.remove()
    _wait_for_poller_to_see_it_empty(events_when_empty)  # the next test must find the reader empty
