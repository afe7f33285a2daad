#!/usr/bin/env bash
# How the release profile was chosen (README "Raspberry Pi / embedded"): build labns with each
# candidate opt-level / panic strategy, and report the stripped size per target and, for the
# native build, the name server's cost per lookup under `labns bench`: CPU time (user + system,
# from /proc/PID/stat, over a BENCH_SECS run) and user-space instructions (valgrind callgrind,
# exact and repeatable, over 20,000 lookups).
#
#   cross/measure-profile.sh [TRIPLE...]      default: aarch64 and armv7 (sizes) + native
#
# Builds go to target/profile-measure/ (the normal target dirs are left alone). Cost per
# request, unlike requests per second, is barely affected by the other load on the machine.
# Environment: LABNS_BENCH_CLIENT (a labns binary with `bench`; default: each build itself),
# OPT_LEVELS (default "3 2 s z"), PANICS (default "abort unwind"), BENCH_SECS (default 10).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${LABNS_CROSS_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/labns-cross}"
OUT="$REPO/target/profile-measure"
OPT_LEVELS="${OPT_LEVELS:-3 2 s z}"
PANICS="${PANICS:-abort unwind}"
BENCH_SECS="${BENCH_SECS:-10}"
TRIPLES=("$@")
[[ ${#TRIPLES[@]} -gt 0 ]] || TRIPLES=(aarch64-unknown-linux-gnu armv7-unknown-linux-gnueabihf)

opt_value() { case "$1" in s|z) printf '"%s"' "$1" ;; *) printf '%s' "$1" ;; esac; }

profile_args() {
    printf -- '--config\nprofile.release.opt-level=%s\n--config\nprofile.release.panic="%s"\n' \
        "$(opt_value "$1")" "$2"
}

# Build the cross tools once (zig, cargo-zigbuild) through cross/build.sh's installer.
if [[ ! -x "$CACHE/bin/cargo-zigbuild" ]]; then
    "$REPO/cross/build.sh" "${TRIPLES[0]}" >/dev/null
fi
export PATH="$CACHE/bin:$PATH"
# The comparison uses rustup's prebuilt std (one build per setting, no -Zbuild-std).
for triple in "${TRIPLES[@]}"; do
    rustup target add "$triple" >/dev/null 2>&1 || { echo "rustup has no std for $triple" >&2; exit 1; }
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_port() {
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# User-space instructions per lookup (valgrind's callgrind: exact and repeatable): a server
# that answered N lookups minus one that answered none, over N.
instructions() {
    local server="$1" client="$2" n total0=0 total port pid
    command -v valgrind >/dev/null 2>&1 || { echo "-"; return; }
    for n in 0 20000; do
        port=$(free_port)
        valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
            "$server" start -n 127.0.0.1 -p "$port" -x >/dev/null 2>&1 &
        pid=$!
        wait_port "$port"
        if [[ $n -gt 0 ]]; then
            "$client" bench -n 127.0.0.1 -p "$port" --op lookup -c 4 --requests "$n" \
                --timeout 60 >/dev/null 2>&1
        fi
        kill "$pid"; wait "$pid" || true
        total=$(awk '/^(summary|totals):/ {print $2; exit}' "$OUT/callgrind.out")
        [[ $n -gt 0 ]] || total0=$total
    done
    echo $(( (total - total0) / 20000 ))
}

bench() {
    local server="$1" client="$2" port pid t0 t1 json requests
    port=$(free_port)
    "$server" start -n 127.0.0.1 -p "$port" -x 2>/dev/null >/dev/null &
    pid=$!
    wait_port "$port"
    "$client" bench -n 127.0.0.1 -p "$port" --op lookup -c 16 --duration 1 >/dev/null 2>&1
    t0=$(cpu_ticks "$pid")
    json=$("$client" bench -n 127.0.0.1 -p "$port" --op lookup -c 16 --duration "$BENCH_SECS" --json 2>/dev/null)
    t1=$(cpu_ticks "$pid")
    kill "$pid"; wait "$pid" || true
    requests=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["requests"])' "$json")
    python3 -c 'import os,sys; t=(int(sys.argv[2])-int(sys.argv[1]))/os.sysconf("SC_CLK_TCK"); n=int(sys.argv[3]); print("%.2f" % (t*1e6/n), n)' "$t0" "$t1" "$requests"
}

mkdir -p "$OUT"
printf 'target\topt-level\tpanic\tbytes\tserver-cpu-us/lookup\tinstructions/lookup\n'
for opt in $OPT_LEVELS; do
    for panic in $PANICS; do
        mapfile -t args < <(profile_args "$opt" "$panic")
        dir="$OUT/$opt-$panic"
        (cd "$REPO" && CARGO_TARGET_DIR="$dir" cargo build --release --locked --quiet "${args[@]}")
        native="$dir/release/labns"
        client="${LABNS_BENCH_CLIENT:-$native}"
        read -r us _ < <(bench "$native" "$client")
        printf 'native\t%s\t%s\t%s\t%s\t%s\n' "$opt" "$panic" "$(stat -c %s "$native")" "$us" \
            "$(instructions "$native" "$client")"
        for triple in "${TRIPLES[@]}"; do
            (cd "$REPO" && CARGO_TARGET_DIR="$dir" cargo zigbuild --release --locked --quiet \
                --target "$triple.2.28" "${args[@]}")
            printf '%s\t%s\t%s\t%s\t-\t-\n' "$triple" "$opt" "$panic" \
                "$(stat -c %s "$dir/$triple/release/labns")"
        done
    done
done
