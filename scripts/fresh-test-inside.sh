#!/usr/bin/env bash
# Run by scripts/fresh-test.sh inside the fresh Debian root, as its root user, with no standard input:
# what a new user does after cloning, then a look at the demo's first screen.
set -euo pipefail
started=$SECONDS
say() { printf '== [%4ds] (fresh root) %s\n' "$((SECONDS - started))" "$*"; }
# How long the demo may take to paint its Welcome on Xvfb (it builds a sample election first).
DEMO_TIMEOUT_SECONDS=300

cd /root/isoloir
if [ "${1:-}" != --offline ]; then
    say "apt-get install $FIRST_PACKAGES (the new user's only step before cloning)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086  # a list of package names
    apt-get install -y -qq --no-install-recommends $FIRST_PACKAGES >/dev/null
    update-ca-certificates >/dev/null  # takes in the host network's authorities, if fresh-test.sh copied any
    # `make test` in two halves only so that the downloads see the network and the tests do not:
    # the set-up it starts with (system packages, the venv), then the whole of it, which finds the
    # set-up done and runs every test in a network namespace with nothing but a loopback.
    say "make venv (what make test sets up first: system packages, .venv), with the network"
    make venv
    exec nsenter --net=/run/suite-netns -- bash "$0" --offline
fi

say "CI=true bash .ci/run (make test), in a network namespace with only a loopback"
CI=true bash .ci/run

say "make demo under Xvfb"
exec 3< <(Xvfb -displayfd 4 -screen 0 1280x800x24 -nolisten tcp -noreset 4>&1 2>/dev/null)
read -r -t 60 display <&3 || { echo "Xvfb did not start"; exit 1; }
DISPLAY=":$display" make demo >build-demo.log 2>&1 &
demo=$!
mkdir -p build
if ! .venv/bin/python - "$display" "$demo" "$DEMO_TIMEOUT_SECONDS" <<'EOF'
"""Waits until the demo booth has painted its Welcome (text on white, not a blank or black screen)."""
import os
import sys
import time

from PIL import ImageGrab

display, demo, timeout = f":{sys.argv[1]}", int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + timeout
while time.monotonic() < deadline:
    try:
        os.kill(demo, 0)
    except ProcessLookupError:
        sys.exit("make demo stopped before it painted anything")
    picture = ImageGrab.grab(xdisplay=display)
    grey = picture.convert("L")
    if len(grey.getcolors() or []) > 2 and grey.getextrema() == (0, 255):
        time.sleep(2)  # the screen is up: let it finish drawing before the picture is kept
        ImageGrab.grab(xdisplay=display).save("build/demo-welcome.png")
        sys.exit(0)
    time.sleep(0.5)
sys.exit(f"the demo painted nothing within {timeout:.0f} s")
EOF
then
    cat build-demo.log
    exit 1
fi
# The booth and Xvfb end with this script: it is the first process of its PID namespace.
say "make demo painted its Welcome: build/demo-welcome.png"
