"""The sealed file's archive, both versions: written byte for byte the same for the same members,
and read only when every byte of it is a member the booth wrote (no unsigned bytes, no surprises).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from kiosk.ballot.sealed_refusals import Refusal, SealedFileError, shown

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
# Limits that no genuine booth file reaches (100,000 ballots take ~25 MB): they stop hostile media.
MAX_FILE_BYTES = 1024 * 1024 * 1024
MAX_MEMBER_BYTES = {MANIFEST: 4 * 1024 * 1024, SIGNATURE: 1024}
MAX_DATA_MEMBER_BYTES = 512 * 1024 * 1024
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_LOCAL_HEADER, _END_RECORD = 30, 22  # fixed sizes of a zip member's header and of the end record
_END_SIGNATURE = b"PK\x05\x06"


def zip_members(contents: dict[str, bytes]) -> bytes:
    """The archive the booth writes: deflated members in this order, no extra fields, fixed dates."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in contents.items():
            # A fixed date: the same booth state always gives byte-identical files (and copies).
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def safe_members(data: bytes, expected: tuple[str, ...]) -> dict[str, bytes]:
    """The archive's members, exactly `expected`, each read within its limit; anything else refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):  # damaged, or a later zip
        if data[:4] == b"PK\x03\x04":
            raise SealedFileError(Refusal.TRUNCATED, "the archive is cut short or damaged") from None
        raise SealedFileError(Refusal.NOT_SEALED_FILE, "it is not an archive") from None
    with archive:
        _check_layout(data, archive)
        names = [info.filename for info in archive.infolist()]
        strange = [n for n in names if n not in expected]
        if strange:
            raise SealedFileError(Refusal.UNSAFE, f"unexpected member {shown(strange[0])}")
        if len(set(names)) != len(names):
            raise SealedFileError(Refusal.UNSAFE, "a member appears twice")
        odd = [i.filename for i in archive.infolist() if i.flag_bits & 0x1 or i.compress_type not in _METHODS]
        if odd:  # the booth writes deflated, unencrypted members only
            raise SealedFileError(Refusal.UNSAFE, f"{odd[0]!r} is encrypted or compressed in an odd way")
        missing = [n for n in expected if n not in names]
        if missing:
            raise SealedFileError(Refusal.NOT_SEALED_FILE, f"no {missing[0]} in the archive")
        return {name: _read_member(archive, name) for name in expected}


def _check_layout(data: bytes, archive: zipfile.ZipFile) -> None:
    """Every byte is a member, the directory or its end record, in the booth's order: nothing
    before, between or after them, and no comment. Bytes outside the signed members would travel
    with the file unsigned (a second wrapper for the same ballots, or anything else)."""
    position = 0
    for info in sorted(archive.infolist(), key=lambda i: i.header_offset):
        header = data[position : position + _LOCAL_HEADER]
        if info.header_offset != position or header[:4] != b"PK\x03\x04":
            raise SealedFileError(Refusal.UNSAFE, "it holds bytes outside the signed members")
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        if extra_length or info.extra or info.comment or info.flag_bits & 0x08:
            raise SealedFileError(Refusal.UNSAFE, f"{shown(info.filename)} carries unsigned zip fields")
        position += _LOCAL_HEADER + name_length + info.compress_size
    end = len(data) - _END_RECORD
    directory_size = struct.unpack("<I", data[end + 12 : end + 16])[0] if end >= 0 else -1
    if (
        archive.comment
        or data[end : end + 4] != _END_SIGNATURE
        or archive.start_dir != position
        or position + directory_size != end
    ):
        raise SealedFileError(Refusal.UNSAFE, "it holds bytes outside the signed members")


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    limit = MAX_MEMBER_BYTES.get(name, MAX_DATA_MEMBER_BYTES)
    if archive.getinfo(name).file_size > limit:
        raise SealedFileError(Refusal.UNSAFE, f"{name} claims to be larger than any booth writes")
    try:
        with archive.open(name) as handle:
            content = handle.read(limit + 1)  # never trust the declared size: stop past the limit
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise SealedFileError(Refusal.TRUNCATED, f"{name} cannot be read ({exc})") from None
    if len(content) > limit:
        raise SealedFileError(Refusal.UNSAFE, f"{name} is larger than any booth writes")
    return content
