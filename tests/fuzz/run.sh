#!/usr/bin/env bash
# Build every fuzz target and run each for a bounded time; fails on the first crash, leak,
# time-out (-timeout) or out-of-memory (-rss_limit_mb, which also bounds single mallocs).
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 20. Needs rustup's nightly toolchain; installs cargo-fuzz
# (crates.io, --locked) when it is missing. Seeds come from the golden captures
# (../shared/vectors/) via seeds.py; corpus/ and artifacts/ stay out of git.
# Environment: FUZZ_JOBS=2 runs that many targets at a time (default 1);
# FUZZ_TARGET_DIR=DIR builds there instead of tests/fuzz/target (a CI cache keeps the build);
# FUZZ_CODEGEN_UNITS=N (default 16: about 30 s less build time on 2 cores than cargo-fuzz's 1,
# at no measurable cost in executions per second).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET="${1:-20}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(frame serpent marshal json msgpack session)
fi
FUZZ_DIR=tests/fuzz
JOBS="${FUZZ_JOBS:-1}"
# build and run must get the same flags, or `cargo fuzz run` rebuilds.
CARGO_FUZZ_ARGS=(--fuzz-dir "$FUZZ_DIR" --codegen-units "${FUZZ_CODEGEN_UNITS:-16}")
if [ -n "${FUZZ_TARGET_DIR:-}" ]; then
    CARGO_FUZZ_ARGS+=(--target-dir "$FUZZ_TARGET_DIR")
fi
# The fuzzed code is safe Rust: a small use-after-free quarantine keeps ASan's own memory
# from eating the RSS budget (its default, 256 MB, is half of it).
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16}"

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: installing the nightly toolchain" >&2
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

python3 "$FUZZ_DIR/seeds.py"
cargo +nightly fuzz build "${CARGO_FUZZ_ARGS[@]}"

# Inputs the targets are meant for: payloads and frames are small; a session may hold many.
max_len() {
    case "$1" in
        session) echo 32768 ;;
        *) echo 16384 ;;
    esac
}

run_one() {
    local target="$1" log="$FUZZ_DIR/artifacts/$1.log"
    mkdir -p "$FUZZ_DIR/artifacts/$target"
    if cargo +nightly fuzz run "${CARGO_FUZZ_ARGS[@]}" "$target" -- \
        -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=512 -timeout=10 \
        -max_len="$(max_len "$target")" -print_final_stats=1 >"$log" 2>&1; then
        echo "fuzz: $target ok: $(grep -E '^#[0-9]+.*DONE' "$log" | tail -1)"
    else
        echo "fuzz: $target FAILED; last lines of $log:" >&2
        tail -40 "$log" >&2
        return 1
    fi
}

failed=0
running=0
for target in "${TARGETS[@]}"; do
    run_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
done
if [ "$failed" -ne 0 ]; then
    echo "fuzz: a target failed; the crashing input is in $FUZZ_DIR/artifacts/<target>/" >&2
    exit 1
fi
echo "fuzz: all ${#TARGETS[@]} targets ran ${SECONDS_PER_TARGET}s each without a finding"
