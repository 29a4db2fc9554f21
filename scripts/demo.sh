#!/usr/bin/env bash
# The demo: a sample conference election on booth-1 with simulated devices, polls open.
# With a display, the booth's window opens; without one, every screen is written to demo-data/tour.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
out="$(pwd)/demo-data"
"$py" scripts/demo_setup.py "$out"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    export QT_QPA_PLATFORM=offscreen
    echo "No display: writing every screen of the booth (voter and poll worker) to $out/tour instead of opening it."
fi
exec .venv/bin/kiosk run --config "$out/booth.toml" --demo --tour-out "$out/tour"
