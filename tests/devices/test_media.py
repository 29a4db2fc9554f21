"""USB media: a sealed file is complete and verified on the stick, or not there at all."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.devices import atomic_write
from kiosk.devices.media import MediaEvent, MediaEventKind, WriteStatus
from kiosk.devices.mounted_media import (
    FolderMedia,
    MediaWatcher,
    MountedMedia,
    SystemMounter,
    UdisksMounter,
    UsbSticks,
    usb_partition_event,
)
from kiosk.devices.sim_media import MediaFaults, SimMedia

SEALED = b"sealed ballots " * 4096


def test_sealed_file_is_written_read_back_and_its_hash_reported(tmp_path: Path) -> None:
    result = FolderMedia(tmp_path).write_file("booth-1.sealed", SEALED)
    assert result.ok and result.sha256 == hashlib.sha256(SEALED).hexdigest()
    assert (tmp_path / "booth-1.sealed").read_bytes() == SEALED
    assert [p.name for p in tmp_path.iterdir()] == ["booth-1.sealed"]  # no temporary file left


def test_stick_pulled_mid_write_leaves_no_file_that_looks_complete(tmp_path: Path) -> None:
    media = SimMedia(tmp_path, MediaFaults(pulled_after_bytes=1000))
    events: list[MediaEvent] = []
    media.start(events.append)
    result = media.write_file("booth-1.sealed", SEALED)
    assert result.status is WriteStatus.PULLED and result.message_key == "media.pulled.insert_another"
    assert not (tmp_path / "booth-1.sealed").exists()
    assert all(p.name.startswith(".") and p.name.endswith(".partial") for p in tmp_path.iterdir())
    assert events == [MediaEvent(MediaEventKind.REMOVED, "sim")]
    media.insert()
    assert media.write_file("booth-1.sealed", SEALED).ok


def test_real_write_failing_mid_way_removes_its_temporary_file_and_says_insert_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def pulled(_descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", pulled)
    result = FolderMedia(tmp_path).write_file("booth-1.sealed", SEALED)
    assert result.status is WriteStatus.PULLED
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "status"), [(errno.ENOSPC, WriteStatus.FULL), (errno.EROFS, WriteStatus.READ_ONLY)]
)
def test_full_or_locked_stick_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, status: WriteStatus
) -> None:
    def fail(_descriptor: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    assert FolderMedia(tmp_path).write_file("x.sealed", SEALED).status is status


def test_a_stick_that_reads_back_other_bytes_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def corrupting_replace(source: Any, target: Any) -> None:
        real_replace(source, target)
        Path(target).write_bytes(b"garbage")

    monkeypatch.setattr(atomic_write.os, "replace", corrupting_replace)
    assert FolderMedia(tmp_path).write_file("x.sealed", SEALED).status is WriteStatus.VERIFY_FAILED


def test_stick_is_mounted_read_only_to_read_and_read_write_only_to_write(tmp_path: Path) -> None:
    commands: list[list[str]] = []

    def run(command: list[str]) -> int:
        commands.append(command)
        return 0

    media = MountedMedia("/dev/sdb1", SystemMounter(tmp_path, run))
    (tmp_path / "election.pkg").write_bytes(b"package")
    assert media.read_file("election.pkg") == b"package"
    assert media.write_file("booth-1.sealed", SEALED).ok
    mounts = [c for c in commands if c[0] == "mount"]
    assert [m[2].split(",")[0] for m in mounts] == ["ro", "rw"]
    assert all("noexec" in m[2] for m in mounts)
    assert [c[0] for c in commands] == ["mount", "umount", "mount", "umount"]


def test_a_stick_that_does_not_mount_asks_for_a_stick(tmp_path: Path) -> None:
    media = MountedMedia("/dev/sdb1", SystemMounter(tmp_path, lambda _command: 32))
    assert media.write_file("booth-1.sealed", SEALED).status is WriteStatus.NO_MEDIA
    assert media.read_file("election.pkg") is None


def test_an_unprivileged_booth_mounts_through_udisks_read_only_to_read(tmp_path: Path) -> None:
    commands: list[list[str]] = []

    def udisksctl(command: list[str]) -> tuple[int, str]:
        commands.append(command)
        return 0, f"Mounted /dev/sdb1 at {tmp_path}\n" if command[1] == "mount" else ""

    (tmp_path / "election.pkg").write_bytes(b"package")
    media = MountedMedia("/dev/sdb1", UdisksMounter(udisksctl))
    assert media.read_file("election.pkg") == b"package"
    assert media.write_file("booth-1.sealed", SEALED).ok
    options = [c[c.index("--options") + 1] for c in commands if c[1] == "mount"]
    assert options == ["ro,nosuid,nodev,noexec", "rw,nosuid,nodev,noexec"]
    assert [c[1] for c in commands] == ["mount", "unmount", "mount", "unmount"]


def test_a_stick_udisks_will_not_mount_asks_for_a_stick() -> None:
    media = MountedMedia("/dev/sdb1", UdisksMounter(lambda _c: (1, "Error mounting: not authorized")))
    assert media.write_file("booth-1.sealed", SEALED).status is WriteStatus.NO_MEDIA


@pytest.fixture
def loop_stick(tmp_path: Path) -> Iterator[str]:
    """A real block device with a file system, as a stick is: a loop device over a small image."""
    image = tmp_path / "stick.img"
    with image.open("wb") as handle:
        handle.truncate(8 * 1024 * 1024)
    made = subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], capture_output=True, check=False)
    attached = subprocess.run(["losetup", "-f", "--show", str(image)], capture_output=True, text=True,
                              check=False)
    if made.returncode or attached.returncode:
        pytest.skip(f"no loop device here: {attached.stderr.strip() or made.stderr!r}")
    device = attached.stdout.strip()
    yield device
    subprocess.run(["losetup", "-d", device], check=False)


def test_a_real_stick_is_mounted_read_only_to_read_and_unmounted_after_each_use(
    loop_stick: str, tmp_path: Path
) -> None:
    mount_point = tmp_path / "usb"
    media = MountedMedia(loop_stick, SystemMounter(mount_point))
    assert media.write_file("booth-1.sealed", SEALED).ok
    assert media.read_file("booth-1.sealed") == SEALED
    assert not os.path.ismount(mount_point)  # nothing stays mounted between uses
    mounter = SystemMounter(mount_point)
    folder = mounter.mount(loop_stick, writable=False)
    try:
        assert folder is not None
        with pytest.raises(OSError):
            (folder / "x").write_bytes(b"a read-only mount refuses writes")
    finally:
        mounter.unmount(loop_stick, mount_point)


def test_udev_events_of_usb_partitions_become_insert_and_remove() -> None:
    stick = {"ID_BUS": "usb", "DEVTYPE": "partition", "DEVNAME": "/dev/sdb1"}
    disk = {"ID_BUS": "ata", "DEVTYPE": "partition", "DEVNAME": "/dev/sda1"}
    assert usb_partition_event("add", stick) == MediaEvent(MediaEventKind.INSERTED, "/dev/sdb1")
    assert usb_partition_event("remove", stick) == MediaEvent(MediaEventKind.REMOVED, "/dev/sdb1")
    assert usb_partition_event("add", disk) is None
    assert usb_partition_event("change", SimpleNamespace(get=stick.get)) is None


def test_udev_watcher_runs_and_passes_stick_events_to_the_booth() -> None:
    events: list[MediaEvent] = []
    watcher = MediaWatcher()
    try:
        watcher.start(events.append)  # a real netlink monitor, as on the booth
    except OSError as exc:  # containers without netlink sockets: only the udev monitor part is skipped
        pytest.skip(f"no netlink socket here: {exc}")
    try:
        stick = {"ID_BUS": "usb", "DEVTYPE": "partition", "DEVNAME": "/dev/sdc1"}
        watcher.on_device(SimpleNamespace(action="add", get=stick.get))
        watcher.on_device(SimpleNamespace(action="add", get={"DEVTYPE": "disk"}.get))
    finally:
        watcher.stop()
    assert events == [MediaEvent(MediaEventKind.INSERTED, "/dev/sdc1")]


def test_usb_sticks_follow_the_last_stick_inserted(tmp_path: Path) -> None:
    sticks = UsbSticks(mounter=SystemMounter(tmp_path))
    assert sticks.write_file("x.sealed", SEALED).status is WriteStatus.NO_MEDIA
    sticks.on_event(MediaEvent(MediaEventKind.INSERTED, "/dev/sdc1"))
    assert sticks.device == "/dev/sdc1"
    sticks.on_event(MediaEvent(MediaEventKind.REMOVED, "/dev/sdc1"))
    assert sticks.device is None and not sticks.present()
