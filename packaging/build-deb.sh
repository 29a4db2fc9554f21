#!/usr/bin/env bash
# `make package`: the booth's Debian package, dist/isoloir-booth_<version>_amd64.deb, and the project's
# wheel, dist/isoloir-<version>-py3-none-any.whl (station-admin for the officials' PC).
#
# The booth's venv is built here, at package time, from wheels (pyscard compiled here against
# Debian's libpcsclite), with Debian's own python3.11 so that it runs on the booth; it is built in
# a staging folder and its paths then rewritten to /opt/isoloir/venv. Installing needs no network.
# Needs a Debian 12 (bookworm) machine, like the booths: python3.11, dpkg-deb.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
py="${PY:-$root/.venv/bin/python}"          # the developer's venv: pip and Pillow-free helpers
target_python=/usr/bin/python3.11            # Debian's: the interpreter the booth's venv runs on
build="${BUILD_DIR:-$root/build/package}"
dist="${DIST_DIR:-$root/dist}"
constraints="$root/packaging/constraints.txt"
venv_path=/opt/isoloir/venv

for tool in "$target_python" dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "make package needs $tool (a Debian 12 machine)" >&2; exit 1; }
done
# pyscard has no wheel: it compiles against Debian's Python headers (swig and libpcsclite-dev come
# with make venv's system packages).
if [ ! -f /usr/include/python3.11/Python.h ]; then
    echo "Installing python3.11-dev (to compile pyscard for the booth's Python)"
    sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends python3.11-dev >/dev/null
fi
version="$("$py" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
    "$root/pyproject.toml")"
deb="$dist/isoloir-booth_${version}_amd64.deb"
mkdir -p "$build/wheels" "$dist"

echo "== wheels (the project and its pinned dependencies)"
rm -f "$build/wheels"/isoloir-*.whl
# Built by the booth's interpreter (pyscard compiles against its headers, not the developer's
# Python); pip's own cache is skipped, since it would hand back a wheel built by another Python of
# the same tags. The wheels are kept between builds: a second build only rebuilds the project's.
"$py" -m pip --python "$target_python" wheel --quiet --no-cache-dir --wheel-dir "$build/wheels" \
    --find-links "$build/wheels" --constraint "$constraints" "$root"
wheel="$(ls "$build/wheels/isoloir-$version-"*.whl)"

echo "== the booth's venv at $venv_path"
stage="$build/root"
rm -rf "$stage"
mkdir -p "$stage"
cp -a "$root/packaging/root/." "$stage/"
"$target_python" -m venv --without-pip "$stage$venv_path"
"$py" -m pip --python "$stage$venv_path/bin/python" install --quiet --no-index --no-compile \
    --find-links "$build/wheels" --constraint "$constraints" "isoloir==$version"
# The staging folder's path, written into the scripts' shebangs and pyvenv.cfg, becomes the real one.
grep -rlF --null "$stage$venv_path" "$stage$venv_path/bin" "$stage$venv_path/pyvenv.cfg" \
    | xargs -0 --no-run-if-empty sed -i "s#$stage$venv_path#$venv_path#g"
if grep -rlF "$stage" "$stage" >/dev/null; then
    echo "staging paths left in:" >&2; grep -rlF "$stage" "$stage" >&2; exit 1
fi
find "$stage$venv_path" -name __pycache__ -type d -prune -exec rm -rf {} +

echo "== cursor theme, docs, maintainer scripts"
"$py" "$root/packaging/hidden_cursor.py" "$stage/opt/isoloir/share/icons"
doc="$stage/usr/share/doc/isoloir-booth"
mkdir -p "$doc"
cp "$root/packaging/debian/copyright" "$root/README.md" "$doc/"
printf 'isoloir-booth (%s) unstable; urgency=medium\n\n  * Built from the Isoloir sources.\n\n -- Isoloir developers <isoloir@localhost>  %s\n' \
    "$version" "$(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}")" \
    | gzip -9n > "$doc/changelog.gz"
mkdir -p "$stage/DEBIAN"
install -m 0755 "$root/packaging/debian/postinst" "$root/packaging/debian/prerm" \
    "$root/packaging/debian/postrm" "$stage/DEBIAN/"
(cd "$stage" && find etc -type f -printf '/%p\n' | sort) > "$stage/DEBIAN/conffiles"
# Files readable by all, writable by root only; dpkg-deb makes root their owner.
chmod -R u+rwX,go+rX,go-w "$stage"
installed_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
    "$root/packaging/debian/control.in" > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
    > "$stage/DEBIAN/md5sums"

echo "== $deb"
# gzip, which every dpkg and archive tool reads: 15 s here, where xz takes 3 minutes for a third less.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
cp "$wheel" "$dist/"
ls -l "$deb" "$dist/$(basename "$wheel")"
