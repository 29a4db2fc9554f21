#!/usr/bin/env bash
# `make fresh-test`: the README's two commands on a fresh Debian 12, as a new user meets them.
#
# Makes a minimal Debian 12 root with debootstrap, adds only what a new user starts from
# (python3.11 python3.11-venv make git sudo ca-certificates), clones this repository's HEAD into it,
# then enters it with a private mount and PID namespace and pivot_root (not a bare chroot: a chroot
# forbids the user namespaces the disk-full test mounts its tmpfs in) and runs, without standard
# input, exactly what CI runs (`CI=true bash .ci/run`, i.e. `make test`), then `make demo` on an
# Xvfb display, checking that the booth paints its Welcome screen (kept as demo-welcome.png).
#
# Needs root. Not part of `make test`: it downloads every package again and takes 15-25 minutes.
# The base root is cached as a tarball under build/fresh-test/cache, and so are the Debian packages.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
work="${FRESH_TEST_DIR:-$here/build/fresh-test}"
release=bookworm
mirror="${DEBIAN_MIRROR:-$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)}"
mirror="${mirror:-$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)}"
mirror="${mirror:-http://deb.debian.org/debian}"
cache="$work/cache"
base_tar="$cache/$release-minbase.tar"
rootfs="$work/root"
# What the issue's new user installs before cloning: nothing else comes from outside the repository.
FIRST_PACKAGES="python3.11 python3.11-venv make git sudo ca-certificates"
started=$SECONDS

say() { printf '== [%4ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "make fresh-test needs root (debootstrap, namespaces, mounts)"
for tool in debootstrap unshare pivot_root ip; do
    command -v "$tool" >/dev/null || {
        say "installing debootstrap and iproute2"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap iproute2 \
            >/dev/null
        break
    }
done
mkdir -p "$cache/archives/partial"

if [ ! -f "$base_tar" ]; then
    say "debootstrap $release minbase from $mirror (once; cached as $base_tar)"
    rm -rf "$cache/bootstrap"
    debootstrap --variant=minbase "$release" "$cache/bootstrap" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || fail "debootstrap (see $cache/debootstrap.log)"
    tar -C "$cache/bootstrap" -cf "$base_tar.partial" .
    mv "$base_tar.partial" "$base_tar"
    rm -rf "$cache/bootstrap"
fi

# Never delete through a mount left in an old root (its /dev would be this machine's /dev).
if grep -qF " $rootfs/" /proc/mounts; then fail "mounts left under $rootfs: unmount them first"; fi
say "fresh root from $base_tar"
rm -rf --one-file-system "$rootfs"
mkdir -p "$rootfs"
tar -C "$rootfs" -xf "$base_tar"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# Certificate authorities this machine added for its own network (a proxy that inspects TLS):
# without them the root's pip cannot reach PyPI. A booth's own network needs none.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$rootfs/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
fi
printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"  # packages start no services here
chmod 755 "$rootfs/usr/sbin/policy-rc.d"

say "git clone of this repository's HEAD ($(git -C "$here" rev-parse --short HEAD))"
git clone -q --no-hardlinks "$here" "$rootfs/root/isoloir"
cp "$here/scripts/fresh-test-inside.sh" "$rootfs/root/fresh-test-inside.sh"
# The developers' shared notes sit beside the checkout, as in CI (read by nothing in the tests).
[ -d "$here/../shared" ] && cp -r "$here/../shared" "$rootfs/root/shared"

# The suite runs in a network namespace of its own, with only a loopback: its servers (pcscd's
# virtual reader on its fixed port, PostgreSQL, Chromium) cannot meet this machine's, and it
# proves the suite needs no network. Downloads (apt, pip) happen before, in this machine's network.
netns="isoloir-fresh-$$"
ip netns add "$netns"
trap 'ip netns delete "$netns" 2>/dev/null || true' EXIT
ip -n "$netns" link set lo up

say "entering the root (mount and PID namespaces, pivot_root)"
log="$work/inside.log"
set +e
unshare --mount --pid --fork --kill-child --propagation private -- bash -euo pipefail -c '
    rootfs="$1" cache="$2" packages="$3" netns="$4"
    mount --bind "$rootfs" "$rootfs"
    mount -t proc proc "$rootfs/proc"
    mount --rbind /sys "$rootfs/sys"
    mount --rbind /dev "$rootfs/dev"
    mount -t tmpfs -o mode=755 tmpfs "$rootfs/run"
    touch "$rootfs/run/suite-netns"
    mount --bind "/run/netns/$netns" "$rootfs/run/suite-netns"
    mount --bind "$cache/archives" "$rootfs/var/cache/apt/archives"
    mkdir -p "$rootfs/.old-root"
    cd "$rootfs"
    pivot_root . .old-root
    cd /
    umount -l /.old-root
    rmdir /.old-root
    exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 TERM=dumb FIRST_PACKAGES="$packages" bash /root/fresh-test-inside.sh </dev/null
' fresh-test "$rootfs" "$cache" "$FIRST_PACKAGES" "$netns" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
cp "$rootfs/root/isoloir/build/demo-welcome.png" "$work/demo-welcome.png" 2>/dev/null || true
[ "$status" -eq 0 ] || fail "inside the fresh root (the whole log: $log)"
say "passed: make test and make demo on a fresh Debian $release; the demo's Welcome is $work/demo-welcome.png"
