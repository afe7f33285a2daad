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

printf '\nall checks passed\n'
