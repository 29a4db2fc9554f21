"""The real USB stick: mounted read-only to read, read-write only while writing; watched with pyudev."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from kiosk.devices.atomic_write import write_verified
from kiosk.devices.media import MediaEvent, MediaEventKind, MediaListener, WriteResult, WriteStatus

Run = Callable[[list[str]], int]
RunOutput = Callable[[list[str]], tuple[int, str]]
# Options that keep a stick from running or impersonating anything on the booth.
SAFE_OPTIONS = "nosuid,nodev,noexec"
# Where a booth running as root mounts a stick while it reads or writes it (tmpfs, gone at reboot).
USB_MOUNT_POINT = Path("/run/isoloir/usb")


def _run(command: list[str]) -> int:
    return subprocess.run(command, check=False, capture_output=True).returncode


def _run_output(command: list[str]) -> tuple[int, str]:
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    return done.returncode, done.stdout


class Mounter(Protocol):
    def mount(self, device: str, writable: bool) -> Path | None:
        """Where the stick is mounted now, or None when it would not mount."""

    def unmount(self, device: str, folder: Path) -> None: ...


class SystemMounter:
    """mount(8) at the booth's own mount point, for a booth that runs as root."""

    def __init__(self, mount_point: Path = USB_MOUNT_POINT, run: Run = _run) -> None:
        self.mount_point, self._run = mount_point, run

    def mount(self, device: str, writable: bool) -> Path | None:
        self.mount_point.mkdir(parents=True, exist_ok=True)
        options = f"{'rw' if writable else 'ro'},{SAFE_OPTIONS}"
        ok = self._run(["mount", "-o", options, device, str(self.mount_point)]) == 0
        return self.mount_point if ok else None

    def unmount(self, device: str, folder: Path) -> None:
        self._run(["umount", str(folder)])


class UdisksMounter:
    """udisks2 over D-Bus, for the unprivileged booth user: polkit lets the session that holds the seat
    mount removable drives (mount(8) is for root only). udisks chooses the folder, /media/USER/LABEL."""

    def __init__(self, run: RunOutput = _run_output) -> None:
        self._run = run

    def mount(self, device: str, writable: bool) -> Path | None:
        options = f"{'rw' if writable else 'ro'},{SAFE_OPTIONS}"
        code, out = self._run(["udisksctl", "mount", "--no-user-interaction", "--block-device", device,
                               "--options", options])
        # "Mounted /dev/sdb1 at /media/isoloir/STICK" (older udisks end the line with a full stop)
        found = re.search(r" at (/.+?)\.?$", out.strip())
        return Path(found.group(1)) if code == 0 and found else None

    def unmount(self, device: str, folder: Path) -> None:
        self._run(["udisksctl", "unmount", "--no-user-interaction", "--block-device", device])


def default_mounter() -> Mounter:
    return SystemMounter() if os.geteuid() == 0 else UdisksMounter()


class MountedMedia:
    """The stick at device, mounted only while it is being used."""

    def __init__(self, device: str, mounter: Mounter) -> None:
        self.device = device
        self.mounter = mounter

    def present(self) -> bool:
        return Path(self.device).exists()

    @contextmanager
    def _mounted(self, writable: bool) -> Iterator[Path | None]:
        folder = self.mounter.mount(self.device, writable)
        if folder is None:
            yield None
            return
        try:
            yield folder
        finally:
            self.mounter.unmount(self.device, folder)

    def read_file(self, name: str) -> bytes | None:
        with self._mounted(writable=False) as folder:
            if folder is None:
                return None
            try:
                return (folder / name).read_bytes()
            except OSError:
                return None

    def write_file(self, name: str, data: bytes) -> WriteResult:
        with self._mounted(writable=True) as folder:
            if folder is None:
                return WriteResult(WriteStatus.NO_MEDIA)
            return write_verified(folder, name, data)

    def free_bytes(self) -> int | None:
        with self._mounted(writable=False) as folder:
            return None if folder is None else shutil.disk_usage(folder).free


class FolderMedia:
    """A folder standing in for a mounted stick: `media = "/some/folder"` in the booth config."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def present(self) -> bool:
        return self.folder.is_dir()

    def read_file(self, name: str) -> bytes | None:
        try:
            return (self.folder / name).read_bytes()
        except OSError:
            return None

    def write_file(self, name: str, data: bytes) -> WriteResult:
        if not self.present():
            return WriteResult(WriteStatus.NO_MEDIA)
        return write_verified(self.folder, name, data)

    def free_bytes(self) -> int | None:
        return shutil.disk_usage(self.folder).free if self.present() else None


def usb_partition_event(action: str, device: Any) -> MediaEvent | None:
    """A udev event about a USB stick's partition, as a MediaEvent; None for anything else."""
    if device.get("ID_BUS") != "usb" or device.get("DEVTYPE") != "partition":
        return None
    kinds = {"add": MediaEventKind.INSERTED, "remove": MediaEventKind.REMOVED}
    kind = kinds.get(action)
    return MediaEvent(kind, str(device.get("DEVNAME"))) if kind else None


class MediaWatcher:
    """Sticks coming and going, from udev (pyudev's monitor thread)."""

    def __init__(self) -> None:
        self._observer: Any = None
        self._listener: MediaListener | None = None
        self._lock = threading.Lock()

    def start(self, listener: MediaListener) -> None:
        import pyudev  # only where udev runs: the simulator and the tests never import it

        context = pyudev.Context()
        monitor = pyudev.Monitor.from_netlink(context)
        monitor.filter_by(subsystem="block", device_type="partition")

        with self._lock:
            self._listener = listener
            self._observer = pyudev.MonitorObserver(monitor, callback=self.on_device)
            self._observer.start()
        # A stick already in when the booth starts (a restart mid-day) is there too, not only new ones.
        for device in context.list_devices(subsystem="block", DEVTYPE="partition"):
            event = usb_partition_event("add", device)
            if event is not None:
                listener(event)

    def on_device(self, device: Any) -> None:
        """pyudev's callback, on its monitor thread."""
        event = usb_partition_event(str(device.action), device)
        if event is not None and self._listener is not None:
            self._listener(event)

    def stop(self) -> None:
        with self._lock:
            if self._observer is not None:
                self._observer.stop()
                self._observer = None


class UsbSticks:
    """`media = "udev"`: whichever USB stick udev reported last, mounted only while in use."""

    def __init__(self, watcher: MediaWatcher | None = None, mounter: Mounter | None = None) -> None:
        self.watcher = watcher or MediaWatcher()
        self.mounter = mounter or default_mounter()
        self.device: str | None = None

    def on_event(self, event: MediaEvent) -> None:
        if event.kind is MediaEventKind.INSERTED:
            self.device = event.device
        elif event.device == self.device:
            self.device = None

    def _stick(self) -> MountedMedia | None:
        return MountedMedia(self.device, self.mounter) if self.device else None

    def present(self) -> bool:
        stick = self._stick()
        return stick is not None and stick.present()

    def read_file(self, name: str) -> bytes | None:
        stick = self._stick()
        return stick.read_file(name) if stick else None

    def write_file(self, name: str, data: bytes) -> WriteResult:
        stick = self._stick()
        return stick.write_file(name, data) if stick else WriteResult(WriteStatus.NO_MEDIA)

    def free_bytes(self) -> int | None:
        stick = self._stick()
        return stick.free_bytes() if stick else None
