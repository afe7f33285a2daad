#!/usr/bin/env bash
# Build labns .deb packages with dpkg-deb (nothing to install: dpkg-deb is on every Debian).
#
#   packaging/build-deb.sh ARCH [BINARY]     ARCH = amd64 | arm64 | armhf
#   packaging/build-deb.sh all               the three, from the default binaries
#
# Default binaries (build them first with cross/build.sh, or cargo build --release):
#   amd64  target/x86_64-unknown-linux-gnu/release/labns, else target/release/labns
#   arm64  target/aarch64-unknown-linux-gnu/release/labns
#   armhf  target/arm-unknown-linux-gnueabihf/release/labns   (ARMv6 + VFP2: the armhf of
#          Raspberry Pi OS, which every Pi runs; it runs on Debian's ARMv7 armhf too)
#
# Writes target/debian/labns_VERSION_ARCH.deb. The package: /usr/bin/labns, the systemd unit,
# the SysV init script, /etc/labns/labns.yml and /etc/default/labns (conffiles), and the
# maintainer scripts in packaging/deb/. Its libc6 dependency is read off the binary's
# GLIBC_x.y symbol versions, so it is right for whichever binary is packaged.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
OUT="$REPO/target/debian"

die() { echo "build-deb: $*" >&2; exit 1; }

default_binary() {
    case "$1" in
        amd64)
            if [[ -x "$REPO/target/x86_64-unknown-linux-gnu/release/labns" ]]; then
                echo "$REPO/target/x86_64-unknown-linux-gnu/release/labns"
            else
                echo "$REPO/target/release/labns"
            fi ;;
        arm64) echo "$REPO/target/aarch64-unknown-linux-gnu/release/labns" ;;
        armhf) echo "$REPO/target/arm-unknown-linux-gnueabihf/release/labns" ;;
        *) die "unknown architecture '$1' (amd64, arm64 or armhf)" ;;
    esac
}

# The ELF machine the binary must have, as `readelf -h` names it.
expected_machine() {
    case "$1" in
        amd64) echo "Advanced Micro Devices X86-64" ;;
        arm64) echo "AArch64" ;;
        armhf) echo "ARM" ;;
    esac
}

version() {
    sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$REPO/Cargo.toml" | head -n 1
}

# Highest GLIBC_x.y symbol version the binary needs (e.g. 2.28).
glibc_floor() {
    readelf --dyn-syms --wide "$1" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' \
        | sort -t . -k 1,1n -k 2,2n -k 3,3n | tail -n 1
}

build() {
    local arch="$1" bin="${2:-}"
    [[ -n "$bin" ]] || bin="$(default_binary "$arch")"
    [[ -x "$bin" ]] || die "$bin: no such executable (build it first: cross/build.sh, or cargo build --release)"
    local machine
    machine="$(readelf -h "$bin" | sed -n 's/^ *Machine: *//p')"
    [[ "$machine" == "$(expected_machine "$arch")" ]] \
        || die "$bin is a '$machine' binary, not one for $arch"
    if [[ "$arch" == armhf ]] && ! readelf -h "$bin" | grep -q 'hard-float ABI'; then
        die "$bin does not use the hard-float ABI that armhf needs"
    fi

    local ver floor stage deb
    ver="$(version)"
    [[ -n "$ver" ]] || die "no version in Cargo.toml"
    floor="$(glibc_floor "$bin")"
    [[ -n "$floor" ]] || die "$bin needs no GLIBC symbol versions: is it a static (musl) binary?"
    stage="$(mktemp -d "${TMPDIR:-/tmp}/labns-deb.XXXXXX")"
    trap 'rm -rf "$stage"' RETURN
    chmod 0755 "$stage"

    install -D -m 0755 "$bin" "$stage/usr/bin/labns"
    install -D -m 0644 "$HERE/labns.service" "$stage/lib/systemd/system/labns.service"
    install -D -m 0755 "$HERE/labns.init" "$stage/etc/init.d/labns"
    install -D -m 0644 "$HERE/labns.yml" "$stage/etc/labns/labns.yml"
    install -D -m 0644 "$HERE/labns.default" "$stage/etc/default/labns"
    install -d -m 0755 "$stage/usr/share/doc/labns"
    cat > "$stage/usr/share/doc/labns/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: labns

Files: *
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files (the "Software"), to deal in the Software
 without restriction, including without limitation the rights to use, copy, modify, merge,
 publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
 to whom the Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
COPYRIGHT
    chmod 0644 "$stage/usr/share/doc/labns/copyright"

    install -d -m 0755 "$stage/DEBIAN"
    for script in postinst prerm postrm; do
        install -m 0755 "$HERE/deb/$script" "$stage/DEBIAN/$script"
    done
    printf '%s\n' /etc/default/labns /etc/init.d/labns /etc/labns/labns.yml > "$stage/DEBIAN/conffiles"
    local size
    size="$(du -k -s --exclude=DEBIAN "$stage" | cut -f1)"
    cat > "$stage/DEBIAN/control" <<CONTROL
Package: labns
Version: $ver
Architecture: $arch
Maintainer: labns maintainers <labns@localhost>
Installed-Size: $size
Depends: libc6 (>= $floor), adduser | passwd, procps
Section: net
Priority: optional
Description: Pyro5-compatible name server for lab hardware
 labns is a native, single-threaded replacement for the Python Pyro5/PyroLab
 name server. Unmodified Pyro5 clients use it with all four serializers.
 .
 The service runs every name server in /etc/labns/labns.yml (PyroLab's
 format); the default one listens on the machine's address, port 9090,
 answers broadcast lookups on port 9091 and keeps its registrations in
 /var/lib/labns.
CONTROL
    (cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z \
        | xargs -0 md5sum | sed 's# \./# #' > DEBIAN/md5sums)
    chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"

    mkdir -p "$OUT"
    deb="$OUT/labns_${ver}_${arch}.deb"
    # Reproducible: every file dated like the last commit, owned by root.
    local epoch
    epoch="${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || date +%s)}"
    find "$stage" -exec touch -h -d "@$epoch" {} +
    SOURCE_DATE_EPOCH="$epoch" dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
    echo "$deb"
}

[[ $# -ge 1 ]] || die "usage: $0 ARCH [BINARY] | all"
if [[ "$1" == all ]]; then
    for arch in amd64 arm64 armhf; do build "$arch"; done
else
    build "$@"
fi
