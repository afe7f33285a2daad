#!/usr/bin/env bash
# All of labns' checks, in the order a failure is cheapest to see:
#   formatting, clippy (warnings are errors), unit + golden-vector + tidy tests,
#   then the interop tests: the real Python Pyro5 5.17 client (in a venv this script
#   creates under target/) against the release binary over loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked

step "cargo build --release"
cargo build --release --locked

step "interop tests (real Pyro5 client against target/release/labns)"
tests/interop/run.sh

# ---- fuzzing: every decoder and the session, seeded with the golden captures --------------
# 20 s per target, two at a time (tests/fuzz/README.md says how to run longer). The build is
# cached under ~/.cache so later runs spend their time fuzzing.
step "fuzz targets, 20 s each (tests/fuzz/run.sh)"
FUZZ_JOBS=2 FUZZ_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/labns-fuzz-target}" tests/fuzz/run.sh 20

# ---- benchmark smoke run (labns bench, bench-echo, tests/bench/compare.sh) ---------------
# Seconds long, so that the load generator, the echo ceiling and the comparison script do not
# rot; its figures mean nothing (README, "Performance", has a real run and how to redo it).
step "benchmark smoke run (tests/bench/compare.sh --quick)"
tests/bench/compare.sh --quick

# ---- Embedded: ARM cross builds and packaging (cross/, packaging/, tests/packaging/) ------
# Cross-builds the Raspberry Pi binaries (tools cached under ~/.cache/labns-cross), then checks
# their architecture and size budget, runs each under qemu-user with the real Pyro5 client,
# builds and installs the .deb packages, runs the SysV init script and the boot-order test.
step "cross builds: aarch64, armv7, armv6 (cross/build.sh)"
cross_started=$SECONDS
# Meanwhile (network and disk, not CPU): the test prerequisites and the scratch Debian root.
mkdir -p target
tests/packaging/run.sh --prepare-only > target/packaging-prepare.log 2>&1 &
prepare_pid=$!
trap 'kill "$prepare_pid" 2>/dev/null || true' EXIT
cross/build.sh aarch64-unknown-linux-gnu armv7-unknown-linux-gnueabihf arm-unknown-linux-gnueabihf

step "embedded and packaging tests (tests/packaging/run.sh)"
if ! wait "$prepare_pid"; then
    cat target/packaging-prepare.log
    echo "tests/packaging/run.sh --prepare-only failed" >&2
    exit 1
fi
trap - EXIT
cat target/packaging-prepare.log
tests/packaging/run.sh
printf 'cross builds and packaging checks took %d s\n' "$((SECONDS - cross_started))"
# ---- end of the embedded section --------------------------------------------------------

printf '\nall checks passed\n'
