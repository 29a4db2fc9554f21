"""Saves what a QEMU virtual machine's screen shows as a PNG, through QEMU's monitor socket.

    python packaging/screendump.py MONITOR.sock SHOT.png   # exit status 1 if QEMU wrote nothing
"""

from __future__ import annotations

import socket
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

MONITOR_TIMEOUT_SECONDS = 10.0  # an emulated machine answers slowly while it boots
WRITE_WAIT_SECONDS = 2.0  # the monitor answers before QEMU has finished writing the dump


def screendump(monitor: Path, png: Path) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        ppm = Path(folder) / "screen.ppm"
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(MONITOR_TIMEOUT_SECONDS)
            connection.connect(str(monitor))
            connection.recv(4096)  # QEMU's greeting
            connection.sendall(f"screendump {ppm}\n".encode())
            time.sleep(WRITE_WAIT_SECONDS)
        if not ppm.exists() or ppm.stat().st_size == 0:
            return False
        with Image.open(ppm) as image:
            image.save(png)
    return True


if __name__ == "__main__":
    sys.exit(0 if screendump(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
