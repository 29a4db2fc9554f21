"""Hostile input, property-based: the sealed-file reader, the election-package loader, the definition
parser and the code checker never fail with anything but their own clear error, and never accept a
changed file. (`make fuzz` runs the same targets coverage-guided with atheris.)"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.ballot.codes import ALPHABET, check_code, generate_code
from kiosk.ballot.definition import DefinitionError, parse_definition
from kiosk.ballot.package import PackageError, parse_package
from kiosk.ballot.sealed_file import MANIFEST, MEMBERS, SealedFile, SealedFileError, parse_sealed_bytes
from kiosk.booth.station import Station
from tests.hostile_text import text_paths, with_text
from tests.kit import POLL_WORKER, SMALL_ELECTION, ElectionKit

EXAMPLES = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def sealed(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A genuine sealed file of booth-1 with a few ballots in every session."""
    station = Station(tmp_path_factory.mktemp("sealed") / "booth")
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    for session in small_election.definition.sessions:
        station.set_session_active(session.id, True, POLL_WORKER)
    for voter in ("v01", "v02", "v03"):
        station.cast(voter, "budget", {"q1": ("yes",)})
    station.close_polls(POLL_WORKER)
    _, data = station.sealed_bytes()
    station.close()
    return data


@pytest.fixture(scope="module")
def package_bytes(small_election: ElectionKit) -> bytes:
    return small_election.folder.package_path.read_bytes()


def mutations(original: bytes) -> st.SearchStrategy[bytes]:
    """The file with bytes changed, cut short, or with bytes slipped in."""
    size = len(original)
    flip = st.tuples(st.integers(0, size - 1), st.integers(1, 255)).map(
        lambda edit: original[: edit[0]] + bytes([original[edit[0]] ^ edit[1]]) + original[edit[0] + 1 :]
    )
    cut = st.integers(0, size - 1).map(lambda end: original[:end])
    slip = st.tuples(st.integers(0, size), st.binary(min_size=1, max_size=16)).map(
        lambda edit: original[: edit[0]] + edit[1] + original[edit[0] :]
    )
    return st.one_of(flip, cut, slip).filter(lambda data: data != original)


# Text no reader should trip on: lone surrogates (JSON may spell them "\\ud800"), control and
# direction-changing characters, quotes and escapes, and anything else Unicode holds.
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"])
ODD = st.sampled_from(["\u202e", "\x00", "\n", "\x1b[2J", "'", '"', "\\", "\ufeff", "\U0010ffff"])
HOSTILE_TEXT = st.lists(st.one_of(SURROGATES, ODD, st.characters()), min_size=1, max_size=12).map("".join)

def same_contents(a: SealedFile, b: SealedFile) -> bool:
    return (a.manifest, a.ballots, a.marks, a.audit) == (b.manifest, b.ballots, b.marks, b.audit)


# --- the sealed ballot file --------------------------------------------------------------------------
@EXAMPLES
@given(data=st.binary(max_size=4096))
def test_any_bytes_are_refused_as_a_sealed_file_with_a_reason(
    data: bytes, small_election: ElectionKit
) -> None:
    with pytest.raises(SealedFileError):
        parse_sealed_bytes(data, small_election.package)


@EXAMPLES
@given(data=st.data())
def test_a_changed_sealed_file_is_refused_or_reads_exactly_as_sealed(
    data: st.DataObject, sealed: bytes, small_election: ElectionKit
) -> None:
    changed = data.draw(mutations(sealed))
    genuine = parse_sealed_bytes(sealed, small_election.package)
    try:
        read = parse_sealed_bytes(changed, small_election.package)
    except SealedFileError:
        return
    # Zip bookkeeping (dates, comments) is not sealed; every sealed byte of content is.
    assert same_contents(read, genuine)


@EXAMPLES
@given(data=st.data())
def test_hostile_text_anywhere_in_the_manifest_is_refused_with_a_reason(
    data: st.DataObject, sealed: bytes, small_election: ElectionKit
) -> None:
    with zipfile.ZipFile(io.BytesIO(sealed)) as original:
        members = {name: original.read(name) for name in original.namelist()}
    manifest = json.loads(members[MANIFEST])
    path, text = data.draw(st.sampled_from(text_paths(manifest))), data.draw(HOSTILE_TEXT)
    changed = with_text(manifest, path, text)
    assume(changed != manifest)
    members[MANIFEST] = json.dumps(changed).encode()  # ASCII: a lone surrogate as its JSON escape
    with pytest.raises(SealedFileError) as refused:
        parse_sealed_bytes(archive(members), small_election.package)
    str(refused.value).encode("utf-8")  # the reason itself prints anywhere


def archive(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buffer.getvalue()


def later_zip_version(data: bytes) -> bytes:
    """The archive with its first directory entry asking for a zip version Python cannot read."""
    entry = data.index(b"PK\x01\x02")
    return data[: entry + 6] + bytes([183, 0]) + data[entry + 8 :]


@pytest.mark.parametrize(
    "data",
    [
        archive({name: b"[" * 100_000 for name in MEMBERS}),  # nested deeper than the parser goes
        archive({name: b"{}" for name in MEMBERS}, zipfile.ZIP_BZIP2),
        archive({name: b"\xff\xfe" for name in MEMBERS}, zipfile.ZIP_STORED),
        later_zip_version(archive({name: b"{}" for name in MEMBERS})),  # found by `make fuzz`
    ],
    ids=["deep-manifest", "bzip2", "not-utf8", "later-zip-version"],
)
def test_pathological_archives_are_refused_with_a_reason(data: bytes, small_election: ElectionKit) -> None:
    with pytest.raises(SealedFileError):
        parse_sealed_bytes(data, small_election.package)


# --- the election package ----------------------------------------------------------------------------
@EXAMPLES
@given(data=st.binary(max_size=4096))
def test_any_bytes_are_refused_as_an_election_package_with_a_reason(data: bytes) -> None:
    with pytest.raises(PackageError):
        parse_package(data)


@EXAMPLES
@given(data=st.data())
def test_a_changed_election_package_is_refused_or_says_exactly_the_same(
    data: st.DataObject, package_bytes: bytes
) -> None:
    changed = data.draw(mutations(package_bytes))
    genuine = parse_package(package_bytes)
    try:
        read = parse_package(changed)
    except PackageError:
        return
    # Only JSON layout can change (spaces, escapes); the signed body and the fingerprint cannot.
    assert (read.raw_body, read.fingerprint) == (genuine.raw_body, genuine.fingerprint)


@EXAMPLES
@given(data=st.data())
def test_hostile_text_anywhere_in_the_election_package_is_refused_with_a_reason(
    data: st.DataObject, package_bytes: bytes
) -> None:
    signed = json.loads(package_bytes)
    path, text = data.draw(st.sampled_from(text_paths(signed))), data.draw(HOSTILE_TEXT)
    changed = with_text(signed, path, text)
    assume(changed != signed)
    with pytest.raises(PackageError) as refused:
        parse_package(json.dumps(changed).encode())
    str(refused.value).encode("utf-8")


@pytest.mark.parametrize("data", [b"[" * 100_000, b'{"body":' * 100_000, b"\xff\xfe\x00{"])
def test_pathological_packages_are_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(PackageError):
        parse_package(data)


# --- the election definition -------------------------------------------------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=5)
    | st.dictionaries(st.text(max_size=10) | HOSTILE_TEXT, inner, max_size=5),
    max_leaves=30,
)


@EXAMPLES
@given(data=st.binary(max_size=2048))
def test_any_bytes_are_refused_as_a_definition_with_a_reason(data: bytes) -> None:
    with pytest.raises(DefinitionError):
        parse_definition(data)


@EXAMPLES
@given(path=st.lists(st.sampled_from(["sessions", "voters", "stations", 0, 1, "questions", "options"])),
       value=JSON_VALUES)
def test_a_definition_with_any_part_replaced_parses_or_says_what_is_wrong(
    path: list[str | int], value: object
) -> None:
    definition = json.loads(SMALL_ELECTION.read_text())
    _replace(definition, path, value)
    try:
        parse_definition(json.dumps(definition))
    except DefinitionError as exc:
        assert str(exc)


def _replace(document: object, path: list[str | int], value: object) -> None:
    """Replaces the part of the document at the longest prefix of `path` that exists."""
    here = document
    for step in path[:-1]:
        try:
            here = here[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
    last = path[-1] if path else "id"
    if isinstance(here, dict) or (isinstance(here, list) and isinstance(last, int) and last < len(here)):
        here[last] = value  # type: ignore[index]


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 100_000, b"\xff\xfe\x00{", b'"\xed\xa0\x80"'])
def test_pathological_definitions_are_refused_with_a_reason(text: str | bytes) -> None:
    with pytest.raises(DefinitionError):
        parse_definition(text)


# --- the code checker --------------------------------------------------------------------------------
@EXAMPLES
@given(text=st.text(max_size=64))
def test_the_code_checker_answers_any_text(text: str) -> None:
    check = check_code(text)  # never raises: a typed code is the voter's, not a programming error
    if check.valid:
        assert len(check.code) == 24 and all(c in ALPHABET for c in check.code)
    else:
        assert check.wrong_length or check.bad_symbols or check.groups_to_check or len(check.code) == 24


@EXAMPLES
@given(data=st.data())
def test_a_changed_code_never_checks_valid(data: st.DataObject) -> None:
    code = generate_code()
    assert check_code(code).valid
    position = data.draw(st.integers(0, len(code) - 2))
    if data.draw(st.booleans()):
        symbol = data.draw(st.sampled_from([c for c in ALPHABET if c != code[position]]))
        changed = code[:position] + symbol + code[position + 1 :]
    else:
        if code[position] == code[position + 1]:
            return  # swapping equal neighbours changes nothing
        changed = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert not check_code(changed).valid


def test_the_genuine_files_are_accepted(
    sealed: bytes, package_bytes: bytes, small_election: ElectionKit
) -> None:
    assert len(parse_sealed_bytes(sealed, small_election.package).ballots) == 3
    assert parse_package(package_bytes).fingerprint == small_election.package.fingerprint
