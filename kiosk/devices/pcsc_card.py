"""The real card reader: pyscard over PC/SC (pcscd), speaking OpenPGP card commands."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

from smartcard import scard
from smartcard.Exceptions import CardConnectionException, NoCardException
from smartcard.System import readers as pcsc_readers

from kiosk.devices import openpgp as pgp
from kiosk.devices.cards import (
    CARD_POLL_SECONDS,
    CardEvent,
    CardEventKind,
    CardGone,
    CardListener,
    PinRejected,
)

# A reply of 61xx means "xx more bytes wait": T=0 readers need GET RESPONSE to fetch them.
SW1_MORE_DATA = 0x61
GET_RESPONSE = 0xC0
_MS = 1000
# pcscd reports a card a moment before it has powered it up; connecting in that gap fails, so a
# card that has just been inserted gets this long to answer.
POWER_UP_SECONDS = 1.0


class PcscCardSession:
    """An open connection to the OpenPGP application of one card."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        self._send(pgp.select_openpgp())

    def _transmit(self, raw: bytes) -> pgp.Reply:
        try:
            data, sw1, sw2 = self._connection.transmit(list(raw))
        except (CardConnectionException, NoCardException) as exc:
            raise CardGone(str(exc)) from exc
        while sw1 == SW1_MORE_DATA:
            more, sw1, sw2 = self._connection.transmit([0x00, GET_RESPONSE, 0x00, 0x00, sw2])
            data = data + more
        return pgp.Reply(bytes(data), (sw1 << 8) | sw2)

    def _send(self, apdu: pgp.Apdu) -> bytes:
        reply = self._transmit(apdu.to_bytes())
        if not reply.ok:
            raise pgp.CardProtocolError(f"card refused INS {apdu.ins:02X}: status {reply.sw:04X}")
        return reply.data

    def serial(self) -> str:
        return pgp.parse_serial(self._send(pgp.get_data(pgp.DO_AID)))

    def pin_status(self) -> pgp.PinStatus:
        return pgp.parse_pin_status(self._send(pgp.get_data(pgp.DO_PW_STATUS)))

    def _verify(self, reference: int, pin: str) -> None:
        reply = self._transmit(pgp.verify(reference, pin).to_bytes())
        if reply.ok:
            return
        if reply.sw == pgp.SW_AUTH_BLOCKED:
            raise PinRejected(0)
        if reply.sw in (pgp.SW_SECURITY_NOT_SATISFIED,) or reply.sw & 0xFFF0 == pgp.SW_WRONG_PIN_PREFIX:
            # Cards differ in the status word of a wrong PIN; the counter itself is authoritative.
            status = self.pin_status()
            raise PinRejected(status.admin_tries if reference == pgp.PW3_ADMIN else status.user_tries)
        raise pgp.CardProtocolError(f"VERIFY answered {reply.sw:04X}")

    def verify_user_pin(self, pin: str) -> None:
        self._verify(pgp.PW1_OTHER, pin)

    def verify_admin_pin(self, pin: str) -> None:
        self._verify(pgp.PW3_ADMIN, pin)

    def auth_public_key(self) -> bytes:
        return pgp.parse_public_key(self._send(pgp.read_auth_public_key()))

    def generate_auth_key(self) -> bytes:
        self._send(pgp.set_auth_key_ed25519())
        return pgp.parse_public_key(self._send(pgp.generate_auth_key()))

    def sign_challenge(self, challenge: bytes) -> bytes:
        return self._send(pgp.internal_authenticate(challenge))

    def close(self) -> None:
        with contextlib.suppress(CardConnectionException, NoCardException):  # gone: nothing to release
            self._connection.disconnect()


class PcscCardReader:
    """The first PC/SC reader whose name contains name_filter (any reader when empty)."""

    def __init__(self, name_filter: str = "") -> None:
        self.name_filter = name_filter
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _reader(self) -> Any | None:
        try:
            found = [r for r in pcsc_readers() if self.name_filter in str(r)]
        except Exception:  # pcscd down or no readers: pyscard raises several kinds
            return None
        return found[0] if found else None

    def reader_present(self) -> bool:
        return self._reader() is not None

    def card_present(self) -> bool:
        reader = self._reader()
        return reader is not None and card_in(str(reader))

    def open(self) -> PcscCardSession:
        reader = self._reader()
        if reader is None:
            raise CardGone("no card reader")
        connection = reader.createConnection()
        deadline = time.monotonic() + POWER_UP_SECONDS
        while True:
            try:
                connection.connect()
                return PcscCardSession(connection)
            except (CardConnectionException, NoCardException) as exc:
                if time.monotonic() > deadline:
                    raise CardGone(str(exc)) from exc
                time.sleep(CARD_POLL_SECONDS / 2)

    def start(self, listener: CardListener) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._watch, args=(listener,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _watch(self, listener: CardListener) -> None:
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            return
        try:
            self._watch_in(context, listener)
        finally:
            scard.SCardReleaseContext(context)

    def _watch_in(self, context: Any, listener: CardListener) -> None:
        reader_name: str | None = None
        had_card = False
        state = scard.SCARD_STATE_UNAWARE
        while not self._stop.is_set():
            reader = self._reader()
            name = str(reader) if reader is not None else None
            if name != reader_name:
                if reader_name is not None:
                    listener(CardEvent(CardEventKind.READER_REMOVED, reader_name))
                if name is not None:
                    listener(CardEvent(CardEventKind.READER_ADDED, name))
                state = scard.SCARD_STATE_UNAWARE
            card = False
            if name is None:
                self._stop.wait(CARD_POLL_SECONDS)
            else:
                # Blocks until pcscd reports a change, so an event costs no more than pcscd's own latency.
                state = _next_state(context, name, state)
                card = bool(state & scard.SCARD_STATE_PRESENT)
            if card != had_card:
                kind = CardEventKind.INSERTED if card else CardEventKind.REMOVED
                listener(CardEvent(kind, name or reader_name or ""))
            reader_name, had_card = name, card


def _next_state(context: Any, reader_name: str, known: int) -> int:
    hresult, states = scard.SCardGetStatusChange(
        context, int(CARD_POLL_SECONDS * _MS), [(reader_name, known)]
    )
    if hresult != scard.SCARD_S_SUCCESS:
        return known if hresult == scard.SCARD_E_TIMEOUT else int(scard.SCARD_STATE_UNAWARE)
    return int(states[0][1]) & ~int(scard.SCARD_STATE_CHANGED)


def card_in(reader_name: str) -> bool:
    """Whether pcscd sees a card in the reader, without connecting to it (which would disturb it)."""
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return False
    try:
        states = [(reader_name, scard.SCARD_STATE_UNAWARE)]
        hresult, states = scard.SCardGetStatusChange(context, 0, states)
        if hresult != scard.SCARD_S_SUCCESS:
            return False
        return bool(states[0][1] & scard.SCARD_STATE_PRESENT)
    finally:
        scard.SCardReleaseContext(context)
