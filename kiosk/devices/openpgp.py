"""OpenPGP card commands (OpenPGP card spec 3.4 over ISO 7816-4): building APDUs, parsing replies.

Only what the booth uses: select the application, read the PIN retry counters and the serial number,
verify a PIN, generate the Ed25519 authentication key and sign a challenge with it. The same bytes
work on a YubiKey or a Nitrokey and on the test suite's virtual card.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENPGP_AID = bytes.fromhex("D27600012401")
SW_OK = 0x9000
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_AUTH_BLOCKED = 0x6983
SW_WRONG_PIN_PREFIX = 0x63C0  # ISO 7816-4: 63Cx, x = tries left

CLA = 0x00
INS_SELECT = 0xA4
INS_GET_DATA = 0xCA
INS_PUT_DATA = 0xDA
INS_VERIFY = 0x20
INS_GENERATE = 0x47
INS_INTERNAL_AUTHENTICATE = 0x88

# PIN references (spec 7.2.2): PW1 in mode 82 unlocks INTERNAL AUTHENTICATE; PW3 is the admin PIN.
PW1_OTHER = 0x82
PW3_ADMIN = 0x83

DO_AID = 0x004F
DO_PW_STATUS = 0x00C4
DO_AUTH_KEY_ATTRIBUTES = 0x00C3
CRT_AUTH_KEY = bytes.fromhex("A400")
# Algorithm attributes for EdDSA (0x16) with the Ed25519 curve OID 1.3.6.1.4.1.11591.15.1 (spec 4.4.3.10).
ED25519_ATTRIBUTES = bytes.fromhex("16") + bytes.fromhex("2B06010401DA470F01")
ED25519_PUBLIC_KEY_LENGTH = 32


@dataclass(frozen=True)
class Apdu:
    """A command APDU in short form (every command here fits in 255 bytes)."""

    ins: int
    p1: int
    p2: int
    data: bytes = b""
    expects_reply: bool = False

    def to_bytes(self) -> bytes:
        body = bytes([CLA, self.ins, self.p1, self.p2])
        if self.data:
            body += bytes([len(self.data)]) + self.data
        if self.expects_reply:
            body += b"\x00"
        return body


@dataclass(frozen=True)
class Reply:
    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    @classmethod
    def from_bytes(cls, raw: bytes) -> Reply:
        if len(raw) < 2:
            raise CardProtocolError(f"reply too short: {raw.hex()}")
        return cls(raw[:-2], int.from_bytes(raw[-2:], "big"))


class CardProtocolError(Exception):
    """The card answered something the spec does not allow: not an OpenPGP card, or a broken one."""


@dataclass(frozen=True)
class PinStatus:
    """Tries left before each PIN blocks, read from the card itself (DO C4)."""

    user_tries: int
    admin_tries: int


def select_openpgp() -> Apdu:
    return Apdu(INS_SELECT, 0x04, 0x00, OPENPGP_AID)


def get_data(tag: int) -> Apdu:
    return Apdu(INS_GET_DATA, tag >> 8, tag & 0xFF, expects_reply=True)


def verify(reference: int, pin: str) -> Apdu:
    return Apdu(INS_VERIFY, 0x00, reference, pin.encode("utf-8"))


def set_auth_key_ed25519() -> Apdu:
    return Apdu(INS_PUT_DATA, DO_AUTH_KEY_ATTRIBUTES >> 8, DO_AUTH_KEY_ATTRIBUTES & 0xFF, ED25519_ATTRIBUTES)


def generate_auth_key() -> Apdu:
    return Apdu(INS_GENERATE, 0x80, 0x00, CRT_AUTH_KEY, expects_reply=True)


def read_auth_public_key() -> Apdu:
    return Apdu(INS_GENERATE, 0x81, 0x00, CRT_AUTH_KEY, expects_reply=True)


def internal_authenticate(challenge: bytes) -> Apdu:
    return Apdu(INS_INTERNAL_AUTHENTICATE, 0x00, 0x00, challenge, expects_reply=True)


def parse_pin_status(data: bytes) -> PinStatus:
    # Spec 4.4.1: validity, 3 max lengths, then tries left for PW1, resetting code, PW3.
    if len(data) < 7:
        raise CardProtocolError(f"PW status bytes too short: {data.hex()}")
    return PinStatus(user_tries=data[4], admin_tries=data[6])


def parse_serial(aid: bytes) -> str:
    # Spec 4.2.1: RID(5) PIX app(1) version(2) manufacturer(2) serial(4) RFU(2).
    if len(aid) != 16 or not aid.startswith(OPENPGP_AID):
        raise CardProtocolError(f"not an OpenPGP application identifier: {aid.hex()}")
    return aid[10:14].hex().upper()


def read_tlv(data: bytes, offset: int = 0) -> tuple[int, bytes, int]:
    """One BER-TLV at offset: (tag, value, next offset). Tags of one or two bytes, as the spec uses."""
    tag = data[offset]
    offset += 1
    if tag & 0x1F == 0x1F:
        tag = (tag << 8) | data[offset]
        offset += 1
    length = data[offset]
    offset += 1
    if length == 0x81:
        length = data[offset]
        offset += 1
    elif length == 0x82:
        length = int.from_bytes(data[offset : offset + 2], "big")
        offset += 2
    value = data[offset : offset + length]
    if len(value) != length:
        raise CardProtocolError("TLV runs past the end of the reply")
    return tag, value, offset + length


def encode_tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(2 if tag > 0xFF else 1, "big")
    if len(value) < 0x80:
        length = bytes([len(value)])
    elif len(value) <= 0xFF:
        length = bytes([0x81, len(value)])
    else:
        length = bytes([0x82]) + len(value).to_bytes(2, "big")
    return tag_bytes + length + value


def parse_public_key(data: bytes) -> bytes:
    """The Ed25519 public key from a 7F49 template (spec 7.2.14): the 86 data object, 32 bytes."""
    tag, template, _ = read_tlv(data)
    if tag != 0x7F49:
        raise CardProtocolError(f"expected a 7F49 public key template, got tag {tag:X}")
    offset = 0
    while offset < len(template):
        inner, value, offset = read_tlv(template, offset)
        if inner == 0x86:
            if len(value) != ED25519_PUBLIC_KEY_LENGTH:
                raise CardProtocolError(f"EdDSA public key of {len(value)} bytes, expected 32")
            return value
    raise CardProtocolError("public key template without an 86 (EdDSA point) object")
