"""A virtual OpenPGP card for the tests, plugged into pcscd's vpcd reader over its socket.

It implements only the commands the booth sends (spec 3.4), with the spec's status words, so the
real pyscard adapter is tested unchanged. vpcd protocol: every message is a 2-byte big-endian length
and a body; a 1-byte body is a control (power off, power on, reset, get ATR), anything else an APDU.
"""

from __future__ import annotations

import socket
import struct
import threading

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.devices import openpgp as pgp
from tests.waiting import EVENT_TIMEOUT_SECONDS, wait_until

VPCD_PORT = 0x8C7B
POWER_OFF, POWER_ON, RESET, GET_ATR = 0, 1, 2, 4
# A YubiKey 5's ATR, so pcscd treats the card as it would a real one.
ATR = bytes.fromhex("3BFD1300008131FE158073C021C057597562694B657940")
MAX_TRIES = 3
DEFAULT_USER_PIN = "123456"
DEFAULT_ADMIN_PIN = "12345678"


def _sw(sw: int, data: bytes = b"") -> bytes:
    return data + sw.to_bytes(2, "big")


class VirtualOpenPGPCard:
    """The card's state and its answers to APDUs."""

    def __init__(self, serial: int = 0x12345678, user_pin: str = DEFAULT_USER_PIN) -> None:
        self.serial = serial
        self.user_pin = user_pin
        self.admin_pin = DEFAULT_ADMIN_PIN
        self.user_tries = MAX_TRIES
        self.admin_tries = MAX_TRIES
        self.auth_key: Ed25519PrivateKey | None = Ed25519PrivateKey.generate()
        self.received: list[bytes] = []
        self.power_off()

    def power_off(self) -> None:
        self.selected = False
        self.user_verified = False
        self.admin_verified = False

    def public_key(self) -> bytes:
        assert self.auth_key is not None
        return self.auth_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def handle(self, apdu: bytes) -> bytes:
        self.received.append(apdu)
        _cla, ins, p1, p2 = apdu[:4]
        data = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
        if ins == pgp.INS_SELECT:
            self.selected = data == pgp.OPENPGP_AID
            return _sw(pgp.SW_OK if self.selected else 0x6A82)
        if not self.selected:
            return _sw(0x6985)  # conditions of use not satisfied
        handler = {
            pgp.INS_GET_DATA: self._get_data,
            pgp.INS_VERIFY: self._verify,
            pgp.INS_PUT_DATA: self._put_data,
            pgp.INS_GENERATE: self._generate,
            pgp.INS_INTERNAL_AUTHENTICATE: self._authenticate,
        }.get(ins)
        return handler(p1, p2, data) if handler else _sw(0x6D00)

    def _get_data(self, p1: int, p2: int, data: bytes) -> bytes:
        tag = (p1 << 8) | p2
        if tag == pgp.DO_PW_STATUS:
            return _sw(pgp.SW_OK, bytes([0x00, 127, 127, 127, self.user_tries, 0, self.admin_tries]))
        if tag == pgp.DO_AID:
            aid = pgp.OPENPGP_AID + bytes.fromhex("0304FFFE") + self.serial.to_bytes(4, "big") + b"\0\0"
            return _sw(pgp.SW_OK, aid)
        return _sw(0x6A88)  # referenced data not found

    def _verify(self, p1: int, p2: int, data: bytes) -> bytes:
        if p2 not in (pgp.PW1_OTHER, pgp.PW3_ADMIN):
            return _sw(0x6A86)
        admin = p2 == pgp.PW3_ADMIN
        tries = self.admin_tries if admin else self.user_tries
        verified = self.admin_verified if admin else self.user_verified
        if not data:  # spec 7.2.2: an empty VERIFY asks for the state
            return _sw(pgp.SW_OK if verified else pgp.SW_WRONG_PIN_PREFIX | tries)
        if tries == 0:
            return _sw(pgp.SW_AUTH_BLOCKED)
        if data.decode("utf-8", "replace") == (self.admin_pin if admin else self.user_pin):
            self._set_tries(admin, MAX_TRIES, verified=True)
            return _sw(pgp.SW_OK)
        self._set_tries(admin, tries - 1, verified=False)
        return _sw(pgp.SW_WRONG_PIN_PREFIX | (tries - 1))

    def _set_tries(self, admin: bool, tries: int, verified: bool) -> None:
        if admin:
            self.admin_tries, self.admin_verified = tries, verified
        else:
            self.user_tries, self.user_verified = tries, verified

    def _put_data(self, p1: int, p2: int, data: bytes) -> bytes:
        if not self.admin_verified:
            return _sw(pgp.SW_SECURITY_NOT_SATISFIED)
        if (p1 << 8) | p2 != pgp.DO_AUTH_KEY_ATTRIBUTES or data != pgp.ED25519_ATTRIBUTES:
            return _sw(0x6A80)  # this card only does Ed25519
        return _sw(pgp.SW_OK)

    def _generate(self, p1: int, p2: int, data: bytes) -> bytes:
        if data != pgp.CRT_AUTH_KEY:
            return _sw(0x6A80)
        if p1 == 0x80:
            if not self.admin_verified:
                return _sw(pgp.SW_SECURITY_NOT_SATISFIED)
            self.auth_key = Ed25519PrivateKey.generate()
        if self.auth_key is None:
            return _sw(0x6A88)
        template = pgp.encode_tlv(0x7F49, pgp.encode_tlv(0x86, self.public_key()))
        return _sw(pgp.SW_OK, template)

    def _authenticate(self, p1: int, p2: int, data: bytes) -> bytes:
        if not self.user_verified:
            return _sw(pgp.SW_SECURITY_NOT_SATISFIED)
        assert self.auth_key is not None
        return _sw(pgp.SW_OK, self.auth_key.sign(data))


class VpcdSlot:
    """The card's side of the vpcd socket: insert() connects, remove() hangs up like a pulled card."""

    def __init__(self, card: VirtualOpenPGPCard, port: int = VPCD_PORT) -> None:
        self.card = card
        self.port = port
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def insert(self) -> None:
        def connected() -> socket.socket | None:
            try:  # vpcd listens once pcscd has loaded it
                return socket.create_connection(("127.0.0.1", self.port), timeout=EVENT_TIMEOUT_SECONDS)
            except OSError:
                return None

        self._sock = wait_until(connected, f"vpcd accepting a card on port {self.port}")
        self._sock.settimeout(None)
        self._thread = threading.Thread(target=self._serve, args=(self._sock,), daemon=True)
        self._thread.start()

    def remove(self) -> None:
        if self._sock is not None:
            self._sock.shutdown(socket.SHUT_RDWR)
            self._sock.close()
            self._sock = None
        if self._thread is not None:
            self._thread.join(timeout=EVENT_TIMEOUT_SECONDS)
        self.card.power_off()

    def _serve(self, sock: socket.socket) -> None:
        try:
            while (message := _receive(sock)) is not None:
                reply = self._answer(message)
                if reply is not None:
                    sock.sendall(struct.pack(">H", len(reply)) + reply)
        except OSError:
            pass  # removed: the socket was closed under us

    def _answer(self, message: bytes) -> bytes | None:
        if len(message) != 1:
            return self.card.handle(message)
        if message[0] == GET_ATR:
            return ATR
        if message[0] in (POWER_OFF, RESET):
            self.card.power_off()
        return None


def _receive(sock: socket.socket) -> bytes | None:
    header = _exactly(sock, 2)
    if header is None:
        return None
    return _exactly(sock, struct.unpack(">H", header)[0])


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    buffer = b""
    while len(buffer) < size:
        chunk = sock.recv(size - len(buffer))
        if not chunk:
            return None
        buffer += chunk
    return buffer
