"""Attacks on the hall's messages, as someone with a laptop plugged into the hall's switch tries them:
they can send anything, read and record every packet, and play it again. Each test names its threat.

TLS keeps such a laptop out of the handshake (tests/hall/test_hall_tls.py); these tests give it a
client certificate from the hall's own issuer anyway (as if TLS were broken or a certificate
stolen), to show that the signed messages still refuse it on their own."""

from __future__ import annotations

import json
import ssl
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.booth_certificate import BoothKeyBody, BoothKeyCertificate, signed_message
from kiosk.ballot.hall_wire import (
    HallGreeting,
    HallWireError,
    certify_hall_key,
    check_reply,
    sign_join,
    sign_reply,
    sign_request,
)
from kiosk.ballot.signing import public_hex, signing_key_from_hex
from kiosk.booth.cast import CastRefusal
from kiosk.booth.station import CastRefused, Station
from kiosk.hall.client import HallClient
from kiosk.hall.tls import HallConnection, booth_context
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.service import HallService
from tests.hall.conftest import BoothMaker, hall_station
from tests.kit import ElectionKit


def insider(hall: HallHttpServer) -> ssl.SSLContext:
    """A TLS context with a client certificate the hall issued, for a laptop's key."""
    laptop = Ed25519PrivateKey.generate()
    body = BoothKeyBody(election_id="x", election_fingerprint="x", station="booth-1",
                        booth_public_key=public_hex(laptop), card_public_key="00" * 32,
                        poll_worker="x", issued="now")
    return booth_context(hall.service.package, (hall.tls.issue(body), laptop))


def send(hall: HallHttpServer, method: str, path: str, body: Any = None) -> tuple[int, dict[str, Any]]:
    host, port = hall.server_address[:2]
    connection = HallConnection(str(host), int(port), 10, insider(hall), enrol=False)
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    connection.request(method, path, body=data)
    response = connection.getresponse()
    answer = json.loads(response.read())
    connection.close()
    return response.status, answer


def challenge(hall: HallHttpServer) -> str:
    status, greeting = send(hall, "GET", "/hall")
    assert status == 200
    return HallGreeting.model_validate(greeting).challenge


def genuine(station: Station) -> tuple[BoothKeyCertificate, Ed25519PrivateKey]:
    certificate, key = station.booth_key()
    return certificate, signing_key_from_hex(key)


def test_a_laptop_with_a_booth_key_certified_by_a_card_of_its_own_cannot_join(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    # Threat: a laptop on the switch claims to be booth-1, with a key of its own "certified" by a
    # card (or key) it holds, named as pw-1's card or as its own; it wants to mark delegates voted.
    certificate, _ = genuine(hall_booth("booth-1"))
    laptop, card = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    body = certificate.body.model_copy(
        update={"station": "booth-2", "booth_public_key": public_hex(laptop)})
    for claimed in (body.card_public_key, public_hex(card)):
        forged_body = body.model_copy(update={"card_public_key": claimed})
        signature = card.sign(signed_message(forged_body)).hex()
        forged = BoothKeyCertificate(body=forged_body, card_signature=signature)
        status, answer = send(hall, "POST", "/join", sign_join(laptop, forged, challenge(hall)).model_dump())
        assert status == 403, answer
    assert set(hall.service.store.booths()) == {"booth-1"}


def test_a_recorded_join_played_again_opens_no_channel(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    # Threat: the laptop recorded booth-1's join (certificate and signature) and sends it again.
    certificate, key = genuine(hall_booth("booth-1"))
    join = sign_join(key, certificate, challenge(hall)).model_dump()
    assert send(hall, "POST", "/join", join)[0] == 200
    assert send(hall, "POST", "/join", join)[0] == 403  # the challenge was used
    stale = sign_join(key, certificate, "0" * 32).model_dump()  # a challenge the hall never gave
    assert send(hall, "POST", "/join", stale)[0] == 403


def test_a_second_machine_set_up_as_booth_1_is_refused_by_the_hall(
    small_election: ElectionKit, hall_booth: BoothMaker, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Threat: a poll worker of booth-1 sets up a second machine as booth-1 (genuine card and PIN)
    # and plugs it in: the first key to join holds the station, as at the import.
    hall_booth("booth-1")
    twin = hall_station(small_election, tmp_path / "twin", "booth-1", hall.url, open_polls=False)
    assert twin.hall_connected() is False
    twin.close()


def test_a_recorded_or_forged_call_changes_nothing(
    small_election: ElectionKit, hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    # Threat: the laptop plays booth-1's recorded abort again, after the voter's cast (to free the
    # delegate to vote twice), or signs calls of its own on booth-1's channel.
    booth = hall_booth("booth-1")
    certificate, key = genuine(booth)
    status, reply = send(hall, "POST", "/join", sign_join(key, certificate, challenge(hall)).model_dump())
    channel = reply["channel"]
    cast_id = "ab" * 16
    cast = {"cast_id": cast_id, "voter": "v07", "session": "budget"}
    reserve = sign_request(key, channel, 1, {"op": "reserve", **cast})
    abort = sign_request(key, channel, 2, {"op": "abort", "cast_id": cast_id})
    confirm = sign_request(key, channel, 3, {"op": "confirm", **cast})
    for request in (reserve, abort, reserve):  # the third is the recorded reserve, played again
        status, _ = send(hall, "POST", "/call", request.model_dump())
    assert status == 403
    assert [m.voter_id for m in hall.service.store.marks()] == []
    laptop = Ed25519PrivateKey.generate()
    forged = sign_request(laptop, channel, 9, {"op": "reserve", **cast, "cast_id": "cd" * 16})
    assert send(hall, "POST", "/call", forged.model_dump())[0] == 403
    assert send(hall, "POST", "/call", confirm.model_dump())[0] == 200  # the genuine next call goes on
    assert send(hall, "POST", "/call", b"{not json")[0] == 400
    assert send(hall, "POST", "/call", {"channel": channel})[0] == 400


def test_a_hall_not_certified_by_the_election_authority_gets_no_vote(
    small_election: ElectionKit, hall_booth: BoothMaker, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Threat: a laptop runs a hall of its own (to answer "reserved" to everything and let delegates
    # vote twice, or "already voted" to turn them away); its key is certified by a key of its own.
    genuine_service = hall.service
    impostor_key = Ed25519PrivateKey.generate()
    certificate = certify_hall_key(Ed25519PrivateKey.generate(), small_election.package, impostor_key, "now")
    hall.service = HallService(small_election.package, genuine_service.store, impostor_key, certificate)
    booth = hall_station(small_election, tmp_path / "b1", "booth-1", hall.url)
    assert booth.hall_connected() is False
    with pytest.raises(CastRefused) as refused:
        booth.cast("v09", "budget", {"q1": ("yes",)})
    assert refused.value.reason is CastRefusal.HALL_UNREACHABLE
    assert booth.counts()["budget"] == (0, 0)
    hall.service = genuine_service
    booth.close()


def test_a_reply_changed_on_the_wire_or_moved_to_another_request_is_refused() -> None:
    # Threat: a machine in the middle turns the hall's "pending" into "reserved" (a second vote), or
    # plays an old "reserved" as the answer to a newer request.
    hall_key = Ed25519PrivateKey.generate()
    reply = sign_reply(hall_key, "11" * 16, 5, {"outcome": "pending"})
    changed = reply.model_copy(update={"body": {"outcome": "reserved"}})
    with pytest.raises(HallWireError):
        check_reply(public_hex(hall_key), changed, "11" * 16, 5)
    with pytest.raises(HallWireError):
        check_reply(public_hex(hall_key), reply, "11" * 16, 6)
    assert check_reply(public_hex(hall_key), reply, "11" * 16, 5) == {"outcome": "pending"}


def test_the_client_refuses_a_hall_url_it_cannot_use() -> None:
    with pytest.raises(ValueError, match="https://HOST:PORT"):
        HallClient("http://hall:8470", lambda: None, lambda: None)  # type: ignore[arg-type,return-value]
