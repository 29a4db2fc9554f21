#!/usr/bin/env bash
# The README's end-to-end walk, headless, everything under OUT (a new or empty folder):
#   definition → election folder and simulated poll-worker cards → the trustees' key ceremony on three
#   "laptops" (k = 2 of 3) → two booths provisioned, each a polling day of end-to-end ballots, booth-1
#   with a challenged (checked) ballot → import with every proof checked → the sums aggregated →
#   trustees 1 and 3 decrypt them → tally, PDF report → the published record → isoloir-verify → the
#   public board with its offline check page.
# The booths are the booth's own services, headless (`kiosk simulate`): its first voter checks a ballot.
#   scripts/e2e-walk.sh OUT          (E2E_WALK_VOTERS=N: only N voters per booth vote; default all)
#   E2E_WALK_DEFINITION=FILE: another definition; E2E_WALK_AMEND="--strike v40": an addendum issued
#   after the polling day, before the import (a composition changed: a weighted vote's weights with it)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
if [ -n "$(ls -A "$out")" ]; then echo "$out is not empty: give a new folder" >&2; exit 2; fi
py="$here/.venv/bin/python"
admin="$here/.venv/bin/station-admin"
kiosk="$here/.venv/bin/kiosk"
verify="$here/.venv/bin/isoloir-verify"
definition="${E2E_WALK_DEFINITION:-$here/tests/fixtures/small-election.json}"
voters="${E2E_WALK_VOTERS:-100000}"  # more than a booth's roll: all of them vote
step() { printf '\n== %s\n' "$*"; }

step "Secrets of this walk (typed by each person in a real election)"
mkdir -p "$out/secrets"
echo "walk authority passphrase" > "$out/secrets/authority"
for i in 1 2 3; do
    echo "walk trustee passphrase $i" > "$out/secrets/trustee-$i"
    mkdir -p "$out/legacy-share-$i"
done

step "The election folder and package (authority key sealed under its passphrase)"
"$admin" election create --definition "$definition" --trustees 3 --threshold 2 \
    --authority-passphrase-file "$out/secrets/authority" \
    --trustee-passphrase-file "$out/secrets/trustee-1" --share-out "$out/legacy-share-1" \
    --trustee-passphrase-file "$out/secrets/trustee-2" --share-out "$out/legacy-share-2" \
    --trustee-passphrase-file "$out/secrets/trustee-3" --share-out "$out/legacy-share-3" \
    --out "$out/ELECTION"
mkdir -p "$out/cards"
for worker in pw-1 pw-2; do
    "$admin" cards simulate --election "$out/ELECTION" --authority-passphrase-file "$out/secrets/authority" \
        --holder "$worker" --out "$out/cards/$worker.json"
done

step "The trustees' key ceremony: three laptops, the sticks carried by the administrator"
for i in 1 2 3; do
    "$admin" trustee keygen --manifest "$definition" --trustees 3 --threshold 2 --trustee "$i" \
        --name "Trustee $i" --key "$out/laptop-$i/trustee.key" --out "$out/sticks/round1" \
        --passphrase-file "$out/secrets/trustee-$i"
done
for i in 1 2 3; do
    "$admin" trustee shares --key "$out/laptop-$i/trustee.key" --in "$out/sticks/round1" \
        --out "$out/sticks/round2" --passphrase-file "$out/secrets/trustee-$i"
done
for i in 1 2 3; do
    "$admin" trustee finish --key "$out/laptop-$i/trustee.key" --in "$out/sticks/round1" \
        --in "$out/sticks/round2" --out "$out/sticks/round3-$i" --passphrase-file "$out/secrets/trustee-$i"
done
"$admin" election e2e-key --election "$out/ELECTION" --ceremony "$out/sticks/round3-1/ceremony.json" \
    --manifest "$definition" --authority-passphrase-file "$out/secrets/authority"

step "Two booths: provisioned, a polling day each, sealed files /2 on their export sticks"
for booth in booth-1 booth-2; do
    "$admin" station provision --election "$out/ELECTION" --station "$booth" --out "$out/MEDIA-$booth"
done
for i in 1 2; do
    "$kiosk" simulate --station "$out/MEDIA-booth-$i" --worker-card "$out/cards/pw-$i.json" \
        --export "$out/STICK-booth-$i" --voters "$voters" --seed "$i" > "$out/booth-$i-counts.json"
done

if [ -n "${E2E_WALK_AMEND:-}" ]; then
    step "An addendum: $E2E_WALK_AMEND"
    # shellcheck disable=SC2086  # the addendum's options, word by word
    "$admin" election amend --election "$out/ELECTION" $E2E_WALK_AMEND \
        --authority-passphrase-file "$out/secrets/authority" --out "$out/sticks/addenda"
fi

step "Import: every proof checked, ballots = marks, nothing twice"
"$admin" import --election "$out/ELECTION" "$out/STICK-booth-1" "$out/STICK-booth-2"

step "Tally: the sums, decrypted by trustees 1 and 3 (each recomputes the sums first)"
"$admin" aggregate --election "$out/ELECTION" --out "$out/sticks/tally"
for i in 1 3; do
    "$admin" trustee decrypt --key "$out/laptop-$i/trustee.key" --ceremony "$out/ELECTION/e2e/ceremony.json" \
        --request "$out/sticks/tally/request.json" --ballots "$out/sticks/tally" \
        --out "$out/sticks/partials" --passphrase-file "$out/secrets/trustee-$i"
done
"$admin" tally --election "$out/ELECTION" --request "$out/sticks/tally/request.json" \
    --partial "$out/sticks/partials/partial-1.json" --partial "$out/sticks/partials/partial-3.json" \
    --out "$out/RESULTS"
"$admin" report --election "$out/ELECTION" --results "$out/RESULTS/results.json" --out "$out/RESULTS/report.pdf"

step "The published record, and the independent verifier"
"$admin" record --election "$out/ELECTION" --results "$out/RESULTS" --out "$out/RECORD" \
    --authority-passphrase-file "$out/secrets/authority"
authority="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["body"]["authority_public_key"])' \
    "$out/ELECTION/election-package.json")"
echo "$authority" > "$out/authority-key.txt"
"$verify" "$out/RECORD" --authority-key "$authority" --json "$out/verify-report.json"

step "The public board, with check.html: any phone checks an opened ballot's slip or a receipt offline"
"$admin" publish --election "$out/ELECTION" --results "$out/RESULTS/results.json" --record "$out/RECORD" \
    --out "$out/BOARD"
step "Walk complete: $out/RECORD verified"
