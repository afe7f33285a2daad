#!/usr/bin/env bash
# Cross-build stripped release binaries of labns for Raspberry Pi (and other Linux) targets:
#
#   cross/build.sh TRIPLE...          e.g. cross/build.sh aarch64-unknown-linux-gnu
#
# leaves target/TRIPLE/release/labns for each TRIPLE. Tested triples:
#   aarch64-unknown-linux-gnu        64-bit Raspberry Pi OS (Pi 3, 4, 5, Zero 2)
#   armv7-unknown-linux-gnueabihf    32-bit Raspberry Pi OS on ARMv7 (Pi 2, 3, 4)
#   arm-unknown-linux-gnueabihf      ARMv6 + VFP2 (Pi Zero, Pi 1): runs on every 32-bit Pi OS
#   x86_64-unknown-linux-gnu         (for the amd64 .deb, with the same glibc floor)
#
# How: zig (PyPI's `ziglang`) is the C compiler and linker, through cargo-zigbuild (its PyPI
# wheel). zig links against glibc 2.28's symbol versions whatever the build machine has,
# so the binaries need glibc >= 2.28 (Debian buster and later; Raspberry Pi OS bullseye has
# 2.31, bookworm 2.36), and its start-up objects are built for the target CPU (Debian's armhf
# ones are ARMv7 Thumb-2: an ARMv6 binary linked with them dies with SIGILL on a Pi Zero).
# The Rust standard library is built from source for the target (-Zbuild-std, on stable through
# RUSTC_BOOTSTRAP=1) with rustup's rust-src, else with Debian's rustc-web/cargo-web/rust-web-src
# (bookworm-security): rustup has no prebuilt std for arm-unknown-linux-gnueabihf at all, and
# std built with the release profile and without unwind tables is 14% smaller. armv7 uses
# rustup's prebuilt std (`rustup target add`) and Thumb-2 code instead (see build_one).
#
# Everything it installs goes under $LABNS_CROSS_HOME (default ~/.cache/labns-cross) and is
# reused by later runs. Environment:
#   LABNS_CROSS_HOME    tool cache (a venv with zig and cargo-zigbuild)
#   LABNS_GLIBC         glibc floor for *-gnu* triples (default 2.28)
#   LABNS_BUILD_STD     1 = build std from source, 0 = use rustup's prebuilt std where it has
#                       one (default: 0 for armv7, 1 for the others)
#   LABNS_STD_FROM      debian = skip rustup: build std with Debian's Rust (tests the fallback)
# Cargo settings come from Cargo.toml's [profile.release] (lto, codegen-units=1, panic=abort,
# opt-level, strip): see README.md "Raspberry Pi / embedded". Linkers are cargo-zigbuild's
# zig wrappers; cross/config.toml has the qemu runners (and gcc linkers for ad-hoc use).
set -euo pipefail

ZIG_VERSION=0.15.2
CARGO_ZIGBUILD_VERSION=0.24.1
GLIBC="${LABNS_GLIBC:-2.28}"
CACHE="${LABNS_CROSS_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/labns-cross}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'cross: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[[ $# -ge 1 ]] || die "usage: $0 TRIPLE... (e.g. aarch64-unknown-linux-gnu armv7-unknown-linux-gnueabihf arm-unknown-linux-gnueabihf)"

# --- tools -----------------------------------------------------------------------------------
mkdir -p "$CACHE/bin"

# zig and cargo-zigbuild, both from PyPI (cargo-zigbuild's wheel is a prebuilt binary: seconds,
# where `cargo install cargo-zigbuild` compiles for a minute and a half), in one venv.
ensure_tools() {
    local venv="$CACHE/zig-$ZIG_VERSION-cargo-zigbuild-$CARGO_ZIGBUILD_VERSION"
    if [[ ! -x "$venv/bin/cargo-zigbuild" || ! -e "$venv/zig" ]]; then
        say "installing zig $ZIG_VERSION and cargo-zigbuild $CARGO_ZIGBUILD_VERSION (PyPI) into $venv"
        rm -rf "$venv"
        python3 -m venv "$venv"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            "ziglang==$ZIG_VERSION" "cargo-zigbuild==$CARGO_ZIGBUILD_VERSION"
        ln -sfn "$("$venv/bin/python" -c 'import ziglang, os; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))')" "$venv/zig"
    fi
    ln -sfn "$venv/zig" "$CACHE/bin/zig"
    ln -sfn "$venv/bin/cargo-zigbuild" "$CACHE/bin/cargo-zigbuild"
    [[ "$("$CACHE/bin/zig" version)" == "$ZIG_VERSION" ]] || die "$CACHE/bin/zig is not zig $ZIG_VERSION"
}

# Debian's Rust (1.96, bookworm-security) with its std sources: the fallback for -Zbuild-std
# when rustup cannot give rust-src. Installs /usr/bin/{cargo,rustc}; rustup's proxies in
# ~/.cargo/bin still come first on PATH for everything else.
ensure_debian_rust() {
    if [[ ! -x /usr/bin/rustc || ! -d /usr/lib/rustlib/src/rust/library ]]; then
        say "installing Debian's rustc-web, cargo-web and rust-web-src (for -Zbuild-std)"
        [[ "$(id -u)" == 0 ]] || die "need root to apt-get install rustc-web cargo-web rust-web-src"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 rustc-web cargo-web rust-web-src >/dev/null
    fi
}

# --- per target ------------------------------------------------------------------------------
have_rustup_std() {
    [[ "${LABNS_STD_FROM:-}" != debian ]] || return 1
    command -v rustup >/dev/null 2>&1 || return 1
    rustup target list --installed 2>/dev/null | grep -qx "$1" && return 0
    say "rustup target add $1"
    timeout 300 rustup target add "$1" >/dev/null 2>&1
}

have_rustup_src() {
    [[ "${LABNS_STD_FROM:-}" != debian ]] || return 1
    command -v rustup >/dev/null 2>&1 || return 1
    local sysroot
    sysroot="$(rustc --print sysroot)"
    [[ -d "$sysroot/lib/rustlib/src/rust/library" ]] && return 0
    say "rustup component add rust-src"
    timeout 300 rustup component add rust-src >/dev/null 2>&1
}

build_one() {
    local triple="$1" zig_target="$1"
    case "$triple" in
        *-linux-gnu*) zig_target="$triple.$GLIBC" ;;
    esac
    # Per-target choices, each measured (README "Raspberry Pi / embedded"):
    #  * std built from source with the release profile (opt-level "s", panic = "abort", LTO'd
    #    with labns) and without unwind tables, which nothing needs when panics abort: 14%
    #    smaller on aarch64 than rustup's prebuilt std, for ~40 s more build time. The only way
    #    for arm-unknown-linux-gnueabihf, for which rustup has no std at all.
    #  * armv7: Thumb-2 code for labns and its crates (as Debian builds its armhf), with rustup's
    #    prebuilt std: 17% smaller than ARM code, and no slower build.
    local build_std=1 rustflags="-C force-unwind-tables=no"
    case "$triple" in
        armv7-*) build_std=0 rustflags="-C target-feature=+thumb-mode" ;;
    esac
    build_std="${LABNS_BUILD_STD:-$build_std}"
    [[ "${LABNS_STD_FROM:-}" != debian ]] || build_std=1
    if [[ "$build_std" == 0 ]] && ! have_rustup_std "$triple"; then
        say "$triple: rustup has no prebuilt std: building it from source after all"
        build_std=1
    fi

    local -a cmd=(cargo zigbuild --release --locked --target "$zig_target")
    local -a env=("RUSTFLAGS=${RUSTFLAGS:+$RUSTFLAGS }$rustflags")
    if [[ "$build_std" == 1 ]]; then
        cmd+=("-Zbuild-std=std,panic_abort")
        env+=(RUSTC_BOOTSTRAP=1)
        if have_rustup_src; then
            say "$triple: building std from rustup's rust-src"
        else
            say "$triple: no rust-src from rustup: using Debian's Rust to build std"
            ensure_debian_rust
            env+=(PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc CARGO=/usr/bin/cargo)
        fi
    fi

    say "$triple: ${env[*]} ${cmd[*]}"
    local started=$SECONDS
    (cd "$REPO" && env "${env[@]}" "${cmd[@]}")
    local bin="$REPO/target/$triple/release/labns"
    [[ -x "$bin" ]] || die "$triple: the build left no $bin"
    if readelf -S "$bin" | grep -q '\.symtab'; then
        die "$triple: $bin is not stripped (Cargo.toml's [profile.release] must keep strip = true)"
    fi
    say "$triple: $bin, $(stat -c %s "$bin") bytes, built in $((SECONDS - started)) s"
}

ensure_tools
export PATH="$CACHE/bin:$PATH"
for triple in "$@"; do
    build_one "$triple"
done
