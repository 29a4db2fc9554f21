#!/usr/bin/env bash
# `make package-test`: the booth package as a technician gets it. Checks the .deb's contents and
# maintainer scripts (and lintian's verdict), installs it into a throwaway Debian 12 root made by
# debootstrap, runs postinst again, starts the installed kiosk under cage exactly as the unit does
# (but with wlroots' headless backend) as the unprivileged isoloir user, and takes screenshots with
# grim: the first screen of a fresh booth, then the Welcome screen of a booth set up with the
# sample election. Then it boots that root in QEMU, where systemd starts the unit itself on tty1,
# and screendumps the Welcome screen. Each screenshot must not be blank. Last, a purge must keep
# the booth's storage.
#
# Needs root (chroot, mounts). The base root is cached as a tarball under build/package-test/cache,
# and so are the Debian packages it downloads: a second run is quick.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
py="${PY:-$root/.venv/bin/python}"
work="${PACKAGE_TEST_DIR:-$root/build/package-test}"
dist="${DIST_DIR:-$root/dist}"
release=bookworm                               # the booths' Debian release, and this machine's
# The Debian mirror this machine's apt uses (deb822 sources first, then the one-line format).
mirror="${DEBIAN_MIRROR:-$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)}"
mirror="${mirror:-$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)}"
cache="$work/cache"
base_tar="$cache/$release-minbase.tar"
rootfs="$work/root"
screens="$work/screens"
booth_user=isoloir
# How long the kiosk may take to show its first screen under cage on a slow machine.
SCREEN_TIMEOUT_SECONDS=90
# Booting Linux and the booth emulated (no KVM here) takes about two minutes.
BOOT_TIMEOUT_SECONDS=400

version="$("$py" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
    "$root/pyproject.toml")"
deb="$dist/isoloir-booth_${version}_amd64.deb"
started=$SECONDS
mkdir -p "$work"

say() { printf '== [%3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "make package-test needs root (debootstrap, chroot, mounts)"
[ -f "$deb" ] || fail "$deb is missing: run make package"

# The tools of this test, installed like the other system packages when missing.
missing=()
for pkg in debootstrap grim lintian; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cage_pid=""
cleanup() {
    if [ -n "$cage_pid" ]; then kill "$cage_pid" 2>/dev/null || true; wait "$cage_pid" 2>/dev/null || true; fi
    for mount_point in var/cache/apt/archives dev sys proc; do
        if mountpoint -q "$rootfs/$mount_point"; then umount -R "$rootfs/$mount_point" || true; fi
    done
}
trap cleanup EXIT

# --- the package file -------------------------------------------------------------------------
say "contents of $(basename "$deb")"
listing="$(dpkg-deb -c "$deb")"
for path in ./lib/systemd/system/isoloir-booth.service ./lib/udev/rules.d/70-isoloir-booth.rules \
    ./etc/isoloir/booth.toml ./etc/pam.d/isoloir-booth ./opt/isoloir/venv/bin/kiosk \
    ./opt/isoloir/venv/bin/station-admin ./opt/isoloir/venv/pyvenv.cfg \
    ./opt/isoloir/share/icons/default/cursors/left_ptr ./usr/share/doc/isoloir-booth/copyright \
    ./usr/lib/sysctl.d/50-isoloir-booth.conf ./usr/lib/systemd/logind.conf.d/isoloir-booth.conf; do
    grep -q " $path\$" <<<"$listing" || fail "the package lacks $path"
done
grep -q "site-packages/kiosk/ui/qml/Main.qml" <<<"$listing" || fail "the booth's screens are not in the venv"
if awk '{print $2}' <<<"$listing" | grep -vqx 'root/root'; then fail "files not owned by root"; fi
if grep -q '__pycache__' <<<"$listing"; then fail "bytecode shipped (postinst compiles it)"; fi
[ "$(dpkg-deb -f "$deb" Package)" = isoloir-booth ] || fail "package name"
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in cage xwayland pcscd python3.11 libpam-systemd polkitd; do
    grep -qw "$dep" <<<"$depends" || fail "Depends lacks $dep"
done
control="$work/control"
rm -rf "$control"
dpkg-deb -e "$deb" "$control"
printf '/etc/isoloir/booth.toml\n/etc/pam.d/isoloir-booth\n' | diff - "$control/conffiles" \
    || fail "conffiles differ"
for script in postinst prerm postrm; do
    sh -n "$control/$script" || fail "$script: syntax"
    if command -v shellcheck >/dev/null; then shellcheck -s sh "$control/$script" || fail "$script: shellcheck"; fi
done

if [ "${PACKAGE_TEST_LINTIAN:-1}" = 1 ]; then  # 0 skips its 90 s while working on the test itself
say "lintian"
# What follows from shipping a venv of wheels under /opt is overridden, with reasons, in the
# package's own lintian overrides (packaging/root/usr/share/lintian/overrides/isoloir-booth).
lintian --no-tag-display-limit "$deb" >"$work/lintian.txt" 2>&1 || true
if grep -E '^E:' "$work/lintian.txt"; then fail "lintian errors (all in $work/lintian.txt)"; fi
grep -E '^W:' "$work/lintian.txt" || true
fi

# --- a throwaway Debian root -------------------------------------------------------------------
if [ ! -f "$base_tar" ]; then
    [ -n "$mirror" ] || fail "no Debian mirror in /etc/apt/sources*: set DEBIAN_MIRROR"
    say "debootstrap $release (once; cached as $base_tar)"
    mkdir -p "$cache"
    rm -rf "$cache/bootstrap"
    debootstrap --variant=minbase "$release" "$cache/bootstrap" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || fail "debootstrap (see $cache/debootstrap.log)"
    tar -C "$cache/bootstrap" -cf "$base_tar.partial" .
    mv "$base_tar.partial" "$base_tar"
    rm -rf "$cache/bootstrap"
fi
say "fresh root from $base_tar"
cleanup
# Never delete through a mount left in the old root (its /dev is this machine's /dev).
if grep -qF " $rootfs/" /proc/mounts; then fail "mounts left under $rootfs: unmount them first"; fi
rm -rf --one-file-system "$rootfs"
mkdir -p "$rootfs" "$cache/archives/partial" "$screens"
tar -C "$rootfs" -xf "$base_tar"
mount_root() {
    mount -t proc proc "$rootfs/proc"
    mount --rbind /sys "$rootfs/sys" && mount --make-rslave "$rootfs/sys"
    mount --rbind /dev "$rootfs/dev" && mount --make-rslave "$rootfs/dev"
    mount --bind "$cache/archives" "$rootfs/var/cache/apt/archives"
}
mount_root
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# As in any chroot: packages must not start services here.
printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
chmod 755 "$rootfs/usr/sbin/policy-rc.d"
in_root() { chroot "$rootfs" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

say "apt-get install ./$(basename "$deb")"
cp "$deb" "$rootfs/tmp/"
in_root apt-get update -qq
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >"$work/install.log" 2>&1 \
    || { tail -30 "$work/install.log"; fail "installing the package"; }

say "what postinst did, and again"
check_installed() {
    local passwd
    passwd="$(in_root getent passwd "$booth_user")" || fail "no $booth_user user"
    [ "$(cut -d: -f3 <<<"$passwd")" -lt 1000 ] || fail "$booth_user is not a system user"
    [ "$(cut -d: -f7 <<<"$passwd")" = /usr/sbin/nologin ] || fail "$booth_user can log in"
    # (numeric: this machine's names for the root's ids are not the root's)
    [ "$(stat -c '%u %a' "$rootfs/var/lib/isoloir")" = "$(cut -d: -f3 <<<"$passwd") 750" ] \
        || fail "/var/lib/isoloir is not the booth user's alone"
    [ -L "$rootfs/etc/systemd/system/graphical.target.wants/isoloir-booth.service" ] || fail "unit not enabled"
    [ "$(readlink "$rootfs/etc/systemd/system/ctrl-alt-del.target")" = /dev/null ] || fail "Ctrl+Alt+Del"
    in_root id -nG "$booth_user" | grep -qw lp || fail "$booth_user not in group lp"
    [ -n "$(find "$rootfs/opt/isoloir/venv/lib" -name '*.pyc' -path '*kiosk*' -print -quit)" ] || fail "no bytecode"
}
check_installed
first_uid="$(in_root id -u "$booth_user")"
# As dpkg runs it (deb-systemd-helper wants to know which package's script calls it).
in_root DPKG_MAINTSCRIPT_PACKAGE=isoloir-booth DPKG_MAINTSCRIPT_NAME=postinst \
    /var/lib/dpkg/info/isoloir-booth.postinst configure "$version" || fail "postinst, second run"
check_installed
[ "$(in_root id -u "$booth_user")" = "$first_uid" ] || fail "postinst made a new user"
in_root systemd-analyze verify --man=no isoloir-booth.service >"$work/verify.txt" 2>&1 \
    || { cat "$work/verify.txt"; fail "systemd-analyze verify"; }
if grep -i 'error\|unknown\|invalid\|ignoring' "$work/verify.txt"; then fail "systemd-analyze verify"; fi
# Both commands start from the installed venv, as the booth's user.
for tool in kiosk station-admin; do
    chroot --userspec="$booth_user:$booth_user" "$rootfs" env -i PATH=/usr/bin:/bin HOME=/var/lib/isoloir \
        "/opt/isoloir/venv/bin/$tool" --help >/dev/null || fail "$tool --help"
done
# Every shared library the booth's Qt, its screens and its card reader load is on the system.
for lib in "$rootfs"/opt/isoloir/venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/libqwayland*.so \
    "$rootfs"/opt/isoloir/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Quick.so.6 \
    "$rootfs"/opt/isoloir/venv/lib/python3.11/site-packages/smartcard/scard/_scard*.so; do
    [ -e "$lib" ] || fail "missing $lib"
    if in_root ldd "${lib#"$rootfs"}" | grep 'not found'; then fail "$lib: libraries missing"; fi
done

# --- the kiosk under cage, as the unit starts it -----------------------------------------------
uid="$(in_root id -u "$booth_user")"
run_dir="/run/user/$uid"
# The unit's command and environment, read from the installed unit: what a booth runs at boot.
unit="$rootfs/lib/systemd/system/isoloir-booth.service"
mapfile -t unit_env < <(sed -n 's/^Environment=//p' "$unit")
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
read -r -a command <<<"$exec_start"
grep -q '^User=isoloir$' "$unit" || fail "the unit does not run as $booth_user"

screenshot() {  # NAME: start the booth, wait for a screen that is not blank, keep it as NAME.png
    local name="$1" shot="$screens/$1.png" deadline=$((SECONDS + SCREEN_TIMEOUT_SECONDS))
    rm -rf "${rootfs:?}$run_dir" "$shot"
    install -d -m 0700 -o "$uid" -g "$uid" "$rootfs$run_dir"
    install -d -m 0750 -o "$uid" -g "$uid" "$rootfs/var/cache/isoloir" "$rootfs/run/isoloir"
    # Headless wlroots draws with pixman into memory, so Qt Quick draws in software too; the rest is
    # the unit's own environment (a booth's logind session provides XDG_RUNTIME_DIR).
    chroot --userspec="$booth_user:$booth_user" "$rootfs" env -i PATH=/usr/bin:/bin \
        XDG_RUNTIME_DIR="$run_dir" "${unit_env[@]}" \
        WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman QT_QUICK_BACKEND=software \
        sh -c 'cd /var/lib/isoloir && exec "$@"' booth "${command[@]}" >"$work/$name.log" 2>&1 &
    cage_pid=$!
    until [ -S "$rootfs$run_dir/wayland-0" ]; do
        kill -0 "$cage_pid" 2>/dev/null || { cat "$work/$name.log"; fail "cage stopped"; }
        [ $SECONDS -lt $deadline ] || fail "cage made no Wayland socket"
        sleep 0.5
    done
    until XDG_RUNTIME_DIR="$rootfs$run_dir" WAYLAND_DISPLAY=wayland-0 grim "$shot" 2>/dev/null \
        && "$py" "$root/packaging/check_screenshot.py" "$shot" >/dev/null; do
        kill -0 "$cage_pid" 2>/dev/null || { cat "$work/$name.log"; fail "the booth stopped"; }
        if [ $SECONDS -ge $deadline ]; then
            cat "$work/$name.log"; "$py" "$root/packaging/check_screenshot.py" "$shot" || true
            fail "$name: no screen within ${SCREEN_TIMEOUT_SECONDS}s"
        fi
        sleep 1
    done
    # The booth runs as the isoloir user, not as root.
    local kiosk_pid
    kiosk_pid="$(pgrep -P "$cage_pid" -f 'kiosk run' || true)"
    [ -n "$kiosk_pid" ] || fail "no kiosk under cage"
    # (numeric: this machine's name for the booth user's id is not the root's)
    [ "$(ps -o uid= -p "$kiosk_pid" | tr -d ' ')" = "$uid" ] || fail "the kiosk does not run as $booth_user"
    "$py" "$root/packaging/check_screenshot.py" "$shot"
    # A kiosk that dies takes cage with it, so that the unit's Restart=always brings both back.
    kill -KILL "$kiosk_pid"
    deadline=$((SECONDS + 10))
    while kill -0 "$cage_pid" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || fail "cage stayed up without its kiosk (the unit would not restart it)"
        sleep 0.5
    done
    wait "$cage_pid" 2>/dev/null || true
    cage_pid=""
}

say "a fresh booth's first screen, under cage as $booth_user"
screenshot fresh-install

say "a booth set up with the sample election: its Welcome screen"
setup="$work/booth-setup"
"$py" "$root/scripts/demo_setup.py" "$setup" >"$work/demo-setup.log"
# The fresh booth's storage goes first, as in a wipe: a ballot box's leftover -wal file must never
# meet another ballot box.
find "$rootfs/var/lib/isoloir" -mindepth 1 -delete
cp -a "$setup/booth-1/." "$rootfs/var/lib/isoloir/"
chroot "$rootfs" chown -R "$booth_user:$booth_user" /var/lib/isoloir
screenshot welcome
cmp -s "$screens/fresh-install.png" "$screens/welcome.png" && fail "the set-up booth shows the fresh booth's screen"

# --- upgrade keeps the technician's config, removal keeps the ballots ----------------------------
say "reinstall over a changed booth.toml: the change stays"
echo '# booth-7: a line the technician added' >>"$rootfs/etc/isoloir/booth.toml"
in_root dpkg -i --force-confold "/tmp/$(basename "$deb")" >"$work/reinstall.log" 2>&1 \
    || { tail "$work/reinstall.log"; fail "reinstall"; }
grep -q 'booth-7' "$rootfs/etc/isoloir/booth.toml" || fail "the reinstall replaced the technician's booth.toml"

# --- the real unit, booted ----------------------------------------------------------------------
# The chroot has no systemd, logind or console: booted in QEMU, the installed root starts the unit
# itself, with its PAM session, polkit, tty1 and cage on a KMS display, and QEMU's screendump is
# the booth's screen. (Emulated, llvmpipe crashes in cage and Qt: a drop-in in the VM alone has both
# draw in software, as headless above; on a booth's GPU they use OpenGL.)
if [ "${PACKAGE_TEST_BOOT:-1}" = 1 ]; then
    say "booting the installed root in QEMU (Linux, systemd) until the unit shows Welcome"
    command -v qemu-system-x86_64 >/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-system-x86 >/dev/null
    }
    in_root apt-get install -y -q --no-install-recommends systemd-sysv linux-image-amd64 >"$work/kernel.log" 2>&1 \
        || { tail "$work/kernel.log"; fail "installing a kernel into the root"; }
    mkdir -p "$rootfs/etc/systemd/system/isoloir-booth.service.d"
    printf '[Service]\nEnvironment=WLR_RENDERER=pixman QT_QUICK_BACKEND=software\n' \
        >"$rootfs/etc/systemd/system/isoloir-booth.service.d/emulated-gpu.conf"
    echo booth >"$rootfs/etc/hostname"
    rm "$rootfs/usr/sbin/policy-rc.d"
    cleanup
    if grep -qF " $rootfs/" /proc/mounts; then fail "mounts left under $rootfs: the image would hold them"; fi
    image="$work/booth.img"
    rm -f "$image"
    mke2fs -q -t ext4 -d "$rootfs" "$image" 4G >/dev/null
    kernel="$(find "$rootfs/boot" -name 'vmlinuz-*' | sort | tail -1)"
    initrd="$(find "$rootfs/boot" -name 'initrd.img-*' | sort | tail -1)"
    rm -f "$work/serial.log" "$work/monitor.sock"
    # TCG: this machine's KVM refuses QEMU's CPU state.
    qemu-system-x86_64 -accel tcg,thread=multi -cpu max -smp 2 -m 3072 -kernel "$kernel" -initrd "$initrd" \
        -append "root=/dev/vda rw console=ttyS0 systemd.journald.forward_to_console=1" \
        -drive "file=$image,format=raw,if=virtio" -device virtio-vga -display none -no-reboot \
        -serial "file:$work/serial.log" -monitor "unix:$work/monitor.sock,server,nowait" >"$work/qemu.log" 2>&1 &
    qemu_pid=$!
    deadline=$((SECONDS + BOOT_TIMEOUT_SECONDS))
    shot="$screens/booted.png"
    until [ -S "$work/monitor.sock" ] && "$py" "$root/packaging/screendump.py" "$work/monitor.sock" "$shot" \
        && "$py" "$root/packaging/check_screenshot.py" "$shot" >/dev/null; do
        kill -0 "$qemu_pid" 2>/dev/null || { tail "$work/qemu.log"; fail "QEMU stopped"; }
        if [ $SECONDS -ge $deadline ]; then
            kill "$qemu_pid"; grep -a 'cage\|isoloir' "$work/serial.log" | tail -20
            fail "the booted booth showed no screen within ${BOOT_TIMEOUT_SECONDS}s (log: $work/serial.log)"
        fi
        sleep 5
    done
    "$py" "$root/packaging/check_screenshot.py" "$shot"
    grep -aq 'Started isoloir-booth.service' "$work/serial.log" || fail "the unit did not start"
    if grep -a 'cage\[' "$work/serial.log" | grep -a 'Unable\|segfault\|Traceback'; then
        fail "cage complained (log: $work/serial.log)"
    fi
    kill "$qemu_pid"
    wait "$qemu_pid" 2>/dev/null || true
    mount_root
    printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
    chmod 755 "$rootfs/usr/sbin/policy-rc.d"
    rm -f "$rootfs/etc/systemd/system/isoloir-booth.service.d/emulated-gpu.conf"
fi

say "purge: the package goes, the booth's storage stays"
in_root apt-get purge -y -q isoloir-booth >"$work/purge.log" 2>&1 || { tail "$work/purge.log"; fail "purge"; }
[ ! -e "$rootfs/opt/isoloir" ] || fail "/opt/isoloir left behind: $(find "$rootfs/opt/isoloir" | head -3)"
[ ! -e "$rootfs/etc/isoloir/booth.toml" ] || fail "the conffile survived a purge"
[ -n "$(ls -A "$rootfs/var/lib/isoloir")" ] || fail "a purge deleted the booth's storage"

say "passed: screenshots in $screens"
