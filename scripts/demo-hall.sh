#!/usr/bin/env bash
# The hall demo: the hall's server (its own PostgreSQL) and two booths joined to it, any delegate at
# either booth. With a display, two booth windows open and the projector page's address is printed;
# without one, a headless walk: delegates vote at both booths, the desk closes a vote, the booths
# send their sealed files, it is counted, and the projector page and the booths' screens are drawn
# to demo-data/hall/screens.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
admin=.venv/bin/station-admin
out="${DEMO_OUT:-$(pwd)/demo-data}/hall"
port="${HALL_PORT:-8470}"
pport="${PROJECTOR_PORT:-$((port + 1))}"
url="https://127.0.0.1:$port"  # booths speak mutual TLS to the hall
projector="http://127.0.0.1:$pport/projector"  # the projector's own plain, read-only page
"$py" scripts/demo_hall.py prepare "$out"
db="$(mktemp -d /tmp/isoloir-demo-hall-pg.XXXXXX)"  # as root too: a folder postgres can reach
"$admin" hall serve --election "$out/ELECTION" --db-folder "$db" --listen "127.0.0.1:$port" \
    --projector-listen "127.0.0.1:$pport" \
    --authority-passphrase-file "$out/authority.pass" > "$out/hall.log" 2>&1 &
hall=$!
trap 'kill $hall 2>/dev/null; wait $hall 2>/dev/null || true' EXIT
until grep -q "hall serving" "$out/hall.log"; do
    kill -0 $hall 2>/dev/null || { cat "$out/hall.log"; exit 1; }
    sleep 0.2
done
echo "Hall serving at $url; the projector's page: $projector (?lang=fr or es)"
"$py" scripts/demo_hall.py booths "$out" "$url"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    .venv/bin/kiosk run --config "$out/booth-2.toml" --demo &
    .venv/bin/kiosk run --config "$out/booth-1.toml" --demo
    exit 0
fi
echo "No display: a headless walk through the hall instead of two windows."
"$py" scripts/demo_hall.py walk "$out" "$url" "$db"
mkdir -p "$out/screens"
for lang in en fr es; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1600,1400 \
        --virtual-time-budget=4000 --screenshot="$out/screens/projector-$lang.png" \
        "$projector?lang=$lang" > /dev/null 2>&1 || echo "(no chromium: the projector page was not drawn)"
done
echo "The projector page in three languages: $out/screens/projector-{en,fr,es}.png"
