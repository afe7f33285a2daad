#!/usr/bin/env bash
# Compare labns with Pyro5's own name server (`python -m Pyro5.nameserver`, from the interop
# venv) and the echo ceiling (`labns bench-echo`), on this machine, in one run, on loopback.
#
#   tests/bench/compare.sh            the full comparison (about 6 minutes on 2 cores)
#   tests/bench/compare.sh --quick    a seconds-long smoke run of the same steps (tests/run_all.sh)
#
# Every figure comes from `labns bench` (closed loop, every reply checked) and, for the
# servers, from /proc (CPU time: per-thread schedstat, else utime+stime; RSS: VmRSS). Each is the
# median of 3 repetitions (1 with --quick). Servers run on CPU 0; the load generator runs on
# CPU 1 ("split") or on CPU 0 too ("same core"), since on these virtual machines a cross-core
# wake-up per round trip costs more than it saves: compare within one pinning.
#
# Environment: LABNS_BIN (default target/release/labns, not built here), LABNS_VENV (default
# target/interop-venv; created by tests/interop/run.sh when missing), LABNS_BENCH_NICE (a nice
# value for every server and bench process, e.g. -10 on a machine that is not idle; default 0).
# Prints a markdown table.
set -euo pipefail

QUICK=0
case "${1:-}" in
    --quick) QUICK=1 ;;
    "") ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LABNS="${LABNS_BIN:-$REPO/target/release/labns}"
VENV="${LABNS_VENV:-$REPO/target/interop-venv}"
[[ "$LABNS" = /* ]] || LABNS="$PWD/$LABNS"
[[ "$VENV" = /* ]] || VENV="$PWD/$VENV"
if [[ ! -x "$LABNS" ]]; then
    echo "compare: $LABNS is not an executable (build it with 'cargo build --release')" >&2
    exit 2
fi
if ! "$VENV/bin/python" -c 'import Pyro5' 2>/dev/null; then
    echo "compare: creating the interop venv at $VENV" >&2
    LABNS_VENV="$VENV" LABNS_TARGET=python "$REPO/tests/interop/run.sh" --collect-only -q >/dev/null
fi
PY="$VENV/bin/python"
# Stray PYRO_* settings would change the reference's behaviour.
for v in $(env | sed -n 's/^\(PYRO_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

if (( QUICK )); then
    DUR=0.3; WARM=0.1; REPS=1; PRELOAD=1000; IDLE=300; LIST_REQ=5; CONNECT_REQ=50
else
    DUR=5; WARM=0.5; REPS=3; PRELOAD=10000; IDLE=10000; LIST_REQ=40; CONNECT_REQ=1000
fi
PY_POOL=200              # PYRO_THREADPOOL_SIZE for the reference (its default, 80, refuses more)
NICE="${LABNS_BENCH_NICE:-0}"
# nice and taskset exec the program: $! stays the server's own PID
RUN_ON=(nice -n "$NICE" taskset -c)

NCPU=$(nproc)
SERVER_CPU=0
if (( NCPU >= 2 )); then PINNINGS="split same"; else PINNINGS="same"; fi
bench_cpu() { if [[ $1 == split ]]; then echo 1; else echo 0; fi; }

WORK="$(mktemp -d /tmp/labns-bench-XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
# One binary for the whole run, even if target/release is rebuilt meanwhile.
cp "$LABNS" "$WORK/labns"
LABNS="$WORK/labns"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() {  # PORT PID
    local i
    for i in $(seq 1 400); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        if ! kill -0 "$2" 2>/dev/null; then break; fi
        sleep 0.025
    done
    echo "compare: the server on port $1 did not start; its log:" >&2
    cat "$WORK"/*."$1".log >&2 || true
    exit 1
}

# start_server KIND [extra server args...]: sets SPID and SPORT
start_server() {
    local kind=$1; shift
    SPORT=$(free_port)
    local log="$WORK/$kind.$SPORT.log"
    case "$kind" in
        labns) "${RUN_ON[@]}" "$SERVER_CPU" "$LABNS" start -n 127.0.0.1 -p "$SPORT" -x "$@" >"$log" 2>&1 & ;;
        # labns without its reply cache: every request decoded, executed and encoded anew
        nocache) "${RUN_ON[@]}" "$SERVER_CPU" "$LABNS" start -n 127.0.0.1 -p "$SPORT" -x \
                    --limit reply_cache=0 "$@" >"$log" 2>&1 & ;;
        python) PYRO_THREADPOOL_SIZE="${POOL:-$PY_POOL}" "${RUN_ON[@]}" "$SERVER_CPU" \
                    "$PY" -m Pyro5.nameserver -n 127.0.0.1 -p "$SPORT" "$@" >"$log" 2>&1 & ;;
        echo) "${RUN_ON[@]}" "$SERVER_CPU" "$LABNS" bench-echo -n 127.0.0.1 -p "$SPORT" >"$log" 2>&1 & ;;
    esac
    SPID=$!
    PIDS+=("$SPID")
    wait_port "$SPORT" "$SPID"
}

stop_server() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

cpu_seconds() {  # utime+stime of a process (all its threads, exited ones too), 10 ms steps
    sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($12 + $13) / hz}'
}

# cpu_snapshot PID: "<thread ids> <ns-precise CPU seconds of those threads> <cpu_seconds>"
cpu_snapshot() {
    local tids
    tids=$(ls "/proc/$1/task" 2>/dev/null | sort -n | tr '\n' ,)
    printf '%s %s %s\n' "$tids" \
        "$(cat "/proc/$1"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%.6f", s / 1e9}')" \
        "$(cpu_seconds "$1")"
}

# cpu_delta BEFORE AFTER: CPU seconds between two snapshots: the precise per-thread figure
# when the same threads lived throughout (labns, the echo, the reference with persistent
# connections), else the process total (the reference's pool ends a thread per connection).
cpu_delta() {
    local t1 s1 c1 t2 s2 c2
    read -r t1 s1 c1 <<<"$1"
    read -r t2 s2 c2 <<<"$2"
    if [[ "$t1" == "$t2" ]]; then
        awk -v a="$s1" -v b="$s2" 'BEGIN {printf "%.6f", b - a}'
    else
        awk -v a="$c1" -v b="$c2" 'BEGIN {printf "%.3f", b - a}'
    fi
}

rss_kib() {
    awk '/^VmRSS/ {print $2}' "/proc/$1/status"
}

# record KEY SERVER PINNING JSON: one result line
record() {
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"
}

# bench KEY SERVER PINNING PID PORT [bench args...]: run labns bench, add the server's CPU time
bench() {
    local key=$1 server=$2 pinning=$3 pid=$4 port=$5; shift 5
    local before after out
    before=$(cpu_snapshot "$pid")
    if ! out=$("${RUN_ON[@]}" "$(bench_cpu "$pinning")" "$LABNS" bench -n 127.0.0.1 -p "$port" --json "$@" \
                 2>>"$WORK/bench.log"); then
        out='{"requests":0,"completed":0,"errors":-1,"rps":0}'
    fi
    after=$(cpu_snapshot "$pid")
    out="${out%\}},\"server_cpu_s\":$(cpu_delta "$before" "$after")}"
    record "$key" "$server" "$pinning" "$out"
}

say() { printf '%s\n' "$*" >&2; }
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
say "compare: labns=$LABNS python=$PY, $NCPU CPUs, $( ((QUICK)) && echo quick || echo full) run"

# ---------------------------------------------------------------------------------------------
# 1. lookup (16 and 64 connections) and connect cycles, each pinning, servers interleaved

for pinning in $PINNINGS; do
    declare -A pid=() port=()
    for s in labns python echo nocache; do
        start_server "$s"
        pid[$s]=$SPID; port[$s]=$SPORT
    done
    for rep in $(seq 1 "$REPS"); do
        for s in labns python echo nocache; do
            say "  $pinning, run $rep: $s"
            bench lookup16 "$s" "$pinning" "${pid[$s]}" "${port[$s]}" --op lookup -c 16 --duration "$DUR" --warmup "$WARM"
            [[ $s == nocache ]] && continue
            bench lookup64 "$s" "$pinning" "${pid[$s]}" "${port[$s]}" --op lookup -c 64 --duration "$DUR" --warmup "$WARM"
            bench connect16 "$s" "$pinning" "${pid[$s]}" "${port[$s]}" --op connect -c 16 --duration "$DUR" --warmup "$WARM"
        done
    done
    for s in labns python echo nocache; do stop_server "${pid[$s]}"; done
    unset pid port
done

# ---------------------------------------------------------------------------------------------
# 2. memory, list() of many registrations, register with persistent storage, start-up,
#    idle connections (split pinning where there are 2 CPUs)

PIN=${PINNINGS%% *}
for s in labns python nocache; do
    start_server "$s"
    sleep 0.3
    [[ $s == nocache ]] || record rss_idle "$s" "$PIN" "{\"rss_kib\":$(rss_kib "$SPID")}"
    bench preload "$s" "$PIN" "$SPID" "$SPORT" --preload "$PRELOAD" --op lookup -c 1 --requests 1 --timeout 60
    [[ $s == nocache ]] || record rss_loaded "$s" "$PIN" "{\"rss_kib\":$(rss_kib "$SPID")}"
    for rep in $(seq 1 "$REPS"); do
        # --preload again: the names are there, so it only tells list which name to expect
        bench list "$s" "$PIN" "$SPID" "$SPORT" --op list -c 1 --requests "$LIST_REQ" --preload "$PRELOAD" --timeout 60
    done
    stop_server "$SPID"
done

start_server labns -s "lmdb:$WORK/lmdb"
LPID=$SPID; LPORT=$SPORT
start_server python -s "sql:$WORK/ns.sqlite"
PPID_=$SPID; PPORT=$SPORT
for rep in $(seq 1 "$REPS"); do
    say "  register with storage, run $rep"
    bench register labns "$PIN" "$LPID" "$LPORT" --op register -c 16 --duration "$DUR" --warmup "$WARM"
    bench register python "$PIN" "$PPID_" "$PPORT" --op register -c 16 --duration "$DUR" --warmup "$WARM"
done
stop_server "$LPID"; stop_server "$PPID_"

for rep in $(seq 1 "$REPS"); do
    p=$(free_port)
    record startup labns "$PIN" "$("${RUN_ON[@]}" "$SERVER_CPU" "$LABNS" bench-startup -p "$p" --json -- \
        "$LABNS" start -n 127.0.0.1 -p "$p" -x)"
    p=$(free_port)
    record startup python "$PIN" "$("${RUN_ON[@]}" "$SERVER_CPU" "$LABNS" bench-startup -p "$p" --json -- \
        "$PY" -m Pyro5.nameserver -n 127.0.0.1 -p "$p")"
done

say "  $IDLE idle connections"
start_server labns
for rep in $(seq 1 "$REPS"); do
    bench idle labns "$PIN" "$SPID" "$SPORT" --idle "$IDLE" --op connect -c 1 --requests "$CONNECT_REQ" --timeout 60
done
record rss_idle_conns labns "$PIN" "{\"rss_kib\":$(rss_kib "$SPID")}"
stop_server "$SPID"
POOL=80 start_server python          # the reference with its default pool
bench idle python "$PIN" "$SPID" "$SPORT" --idle 100 --op connect -c 1 --requests 20 --timeout 10
stop_server "$SPID"

# ---------------------------------------------------------------------------------------------
# the table

"$PY" - "$RESULTS" "$QUICK" "$DUR" "$REPS" "$PRELOAD" "$IDLE" "$PY_POOL" "$PINNINGS" "$LOAD_START" "$NICE" <<'EOF'
import json, os, platform, statistics, subprocess, sys

path, quick, dur, reps, preload, idle, pool, pinnings, load_start, nice = sys.argv[1:]
quick = quick == "1"
rows = {}
for line in open(path):
    key, server, pin, js = line.rstrip("\n").split("\t", 3)
    rows.setdefault((key, server, pin), []).append(json.loads(js))

def med(key, server, pin, f):
    vals = [f(r) for r in rows.get((key, server, pin), [])]
    vals = [v for v in vals if v is not None]
    return statistics.median(vals) if vals else None

def rps(r):
    return r["rps"] if r.get("requests", 0) > 0 and r.get("errors", 0) == 0 else None

def cpu_per_req(r):  # microseconds of server CPU per completed request
    return r["server_cpu_s"] * 1e6 / r["completed"] if r.get("completed") else None

def p(q):
    return lambda r: r[q] / 1000 if r.get("requests", 0) > 0 else None   # ms

def fmt(v, unit=""):
    if v is None:
        return "n/a"
    if v >= 100:
        s = "{:,.0f}".format(v)
    elif v >= 10:
        s = "{:.1f}".format(v)
    else:
        s = "{:.2f}".format(v)
    return s + unit

def ratio(a, b, pct=False):
    if a is None or b is None or b == 0:
        return "n/a"
    return "{:.0f} %".format(100 * a / b) if pct else "{:.2f}x".format(a / b)

def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "**missed**")

cpu = ""
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
print("## labns vs Pyro5 name server vs echo ceiling%s" % (" (quick smoke run, figures not meaningful)" if quick else ""))
print()
print("%d CPUs (%s), Linux %s, loopback; Pyro5 5.17 on Python %s (PYRO_THREADPOOL_SIZE=%s: the default pool of 80 refuses the 81st connection). "
      "Medians of %s runs of %s s, serpent. Server CPU = its CPU time from /proc (per-thread schedstat, else utime+stime) per completed request." % (
      os.cpu_count(), cpu, platform.release(), platform.python_version(), pool, reps, dur))
print()
busy = float(load_start) > 0.5
print("Load average (1 min) before the run: %s%s.%s" % (
    load_start, " (other processes were running: the figures are disturbed)" if busy else " (quiet)",
    "" if nice == "0" else " Servers and bench ran at nice %s." % nice))
names = {"split": "split: server on CPU 0, bench on CPU 1", "same": "same core: server and bench on CPU 0"}
for pin in pinnings.split():
    print()
    print("### %s" % names[pin])
    print()
    print("| measure | labns | python | echo | labns/echo | labns/python | target | |")
    print("|---|---|---|---|---|---|---|---|")
    L = {s: med("lookup16", s, pin, rps) for s in ("labns", "python", "echo")}
    print("| lookup/s, 16 connections | %s | %s | %s | %s | %s | >= 70 %% of echo | %s |" % (
        fmt(L["labns"]), fmt(L["python"]), fmt(L["echo"]), ratio(L["labns"], L["echo"], True),
        ratio(L["labns"], L["python"]), verdict(None if None in (L["labns"], L["echo"]) else L["labns"] >= 0.7 * L["echo"])))
    C = {s: med("lookup16", s, pin, cpu_per_req) for s in ("labns", "python", "echo")}
    ok = None if None in C.values() else (C["labns"] <= 1.5 * C["echo"] and C["labns"] <= C["python"] / 10)
    print("| server CPU per lookup (16 conn.) | %s | %s | %s | %s | %s | <= 1.5x echo, <= 1/10 python | %s |" % (
        fmt(C["labns"], " us"), fmt(C["python"], " us"), fmt(C["echo"], " us"), ratio(C["labns"], C["echo"]),
        ratio(C["labns"], C["python"]), verdict(ok)))
    for q, name in (("p50_us", "p50"), ("p99_us", "p99")):
        V = {s: med("lookup64", s, pin, p(q)) for s in ("labns", "python", "echo")}
        target, ok = "", None
        if name == "p99":
            target = "<= 1/10 python"
            ok = None if None in (V["labns"], V["python"]) else V["labns"] <= V["python"] / 10
        print("| %s lookup latency, 64 connections | %s | %s | %s | %s | %s | %s | %s |" % (
            name, fmt(V["labns"], " ms"), fmt(V["python"], " ms"), fmt(V["echo"], " ms"),
            ratio(V["labns"], V["echo"]), ratio(V["labns"], V["python"]), target, verdict(ok) if target else ""))
    V = {s: med("lookup64", s, pin, rps) for s in ("labns", "python", "echo")}
    print("| lookup/s, 64 connections | %s | %s | %s | %s | %s | | |" % (
        fmt(V["labns"]), fmt(V["python"]), fmt(V["echo"]), ratio(V["labns"], V["echo"], True), ratio(V["labns"], V["python"])))
    V = {s: med("connect16", s, pin, rps) for s in ("labns", "python", "echo")}
    print("| connect+handshake+lookup+close /s (16 conn.) | %s | %s | %s | %s | %s | >= 70 %% of echo | %s |" % (
        fmt(V["labns"]), fmt(V["python"]), fmt(V["echo"]), ratio(V["labns"], V["echo"], True), ratio(V["labns"], V["python"]),
        verdict(None if None in (V["labns"], V["echo"]) else V["labns"] >= 0.7 * V["echo"])))
    V = {s: med("connect16", s, pin, cpu_per_req) for s in ("labns", "python", "echo")}
    print("| server CPU per connect cycle | %s | %s | %s | %s | %s | | |" % (
        fmt(V["labns"], " us"), fmt(V["python"], " us"), fmt(V["echo"], " us"), ratio(V["labns"], V["echo"]), ratio(V["labns"], V["python"])))
    N = med("lookup16", "nocache", pin, rps)
    NC = med("lookup16", "nocache", pin, cpu_per_req)
    print("| lookup/s, 16 connections, reply cache off | %s | | | %s | %s | (no target) | |" % (
        fmt(N), ratio(N, L["echo"], True), ratio(N, L["python"])))
    print("| server CPU per lookup, reply cache off | %s | | | %s | %s | (no target) | |" % (
        fmt(NC, " us"), ratio(NC, C["echo"]), ratio(NC, C["python"])))
    V = {s: med("lookup16", s, pin, lambda r: r["bench_cpu_s"] * 1e6 / r["completed"] if r.get("completed") else None)
         for s in ("labns", "python", "echo")}
    print("| bench's own CPU per lookup (16 conn.) | %s | %s | %s | | | | |" % (
        fmt(V["labns"], " us"), fmt(V["python"], " us"), fmt(V["echo"], " us")))

pin = pinnings.split()[0]
print()
print("### without the echo (%s)" % names[pin])
print()
print("| measure | labns | python | labns/python | target | |")
print("|---|---|---|---|---|---|")
V = {s: med("list", s, pin, p("p50_us")) for s in ("labns", "python")}
print("| list() of %s registrations, p50 latency | %s | %s | %s | <= 1/10 python | %s |" % (
    "{:,}".format(int(preload)), fmt(V["labns"], " ms"), fmt(V["python"], " ms"), ratio(V["labns"], V["python"]),
    verdict(None if None in V.values() else V["labns"] <= V["python"] / 10)))
V = {s: med("list", s, pin, cpu_per_req) for s in ("labns", "python")}
print("| server CPU per list() | %s | %s | %s | | |" % (fmt(V["labns"], " us"), fmt(V["python"], " us"), ratio(V["labns"], V["python"])))
N = med("list", "nocache", pin, p("p50_us"))
NC = med("list", "nocache", pin, cpu_per_req)
PL = med("list", "python", pin, p("p50_us"))
print("| list() p50 latency, reply cache off | %s | | %s | (no target) | |" % (fmt(N, " ms"), ratio(N, PL)))
print("| server CPU per list(), reply cache off | %s | | %s | | |" % (fmt(NC, " us"), ratio(NC, V["python"])))
V = {s: med("register", s, pin, rps) for s in ("labns", "python")}
print("| register/s, 16 connections (labns lmdb, python sql) | %s | %s | %s | >= 5x python | %s |" % (
    fmt(V["labns"]), fmt(V["python"]), ratio(V["labns"], V["python"]),
    verdict(None if None in V.values() else V["labns"] >= 5 * V["python"])))
V = {s: med("register", s, pin, cpu_per_req) for s in ("labns", "python")}
print("| server CPU per register | %s | %s | %s | | |" % (fmt(V["labns"], " us"), fmt(V["python"], " us"), ratio(V["labns"], V["python"])))
V = {s: med("rss_idle", s, pin, lambda r: r["rss_kib"] / 1024) for s in ("labns", "python")}
print("| RSS idle | %s | %s | %s | <= 4 MiB | %s |" % (
    fmt(V["labns"], " MiB"), fmt(V["python"], " MiB"), ratio(V["labns"], V["python"]),
    verdict(None if V["labns"] is None else V["labns"] <= 4)))
V = {s: med("rss_loaded", s, pin, lambda r: r["rss_kib"] / 1024) for s in ("labns", "python")}
print("| RSS with %s registrations | %s | %s | %s | <= 16 MiB | %s |" % (
    "{:,}".format(int(preload)), fmt(V["labns"], " MiB"), fmt(V["python"], " MiB"), ratio(V["labns"], V["python"]),
    verdict(None if V["labns"] is None else V["labns"] <= 16)))
V = {s: med("startup", s, pin, lambda r: r["startup_ms"]) for s in ("labns", "python")}
print("| start-up until the port accepts | %s | %s | %s | <= 20 ms | %s |" % (
    fmt(V["labns"], " ms"), fmt(V["python"], " ms"), ratio(V["labns"], V["python"]),
    verdict(None if V["labns"] is None else V["labns"] <= 20)))
li = rows.get(("idle", "labns", pin), [])
pi = rows.get(("idle", "python", pin), [])
lp99 = med("idle", "labns", pin, p("p99_us"))
lok = bool(li) and all(r.get("errors", 1) == 0 and r.get("idle_open", 0) == int(idle) for r in li)
pdesc = "n/a"
if pi:
    r = pi[0]
    pdesc = "%d of 100 idle accepted, %d refused; new client: %s" % (
        r.get("idle_open", 0), r.get("idle_refused", 0),
        "refused" if r.get("requests", 0) == 0 else "p99 %s" % fmt(r["p99_us"] / 1000, " ms"))
print("| %s idle connections, then a new client's connect+lookup | %s | %s | | answered, p99 <= 5 ms | %s |" % (
    "{:,}".format(int(idle)), ("all open, p99 %s" % fmt(lp99, " ms")) if lok else "failed", pdesc,
    verdict(lok and lp99 is not None and lp99 <= 5)))
V = med("rss_idle_conns", "labns", pin, lambda r: r["rss_kib"] / 1024)
print("| RSS after the idle-connection runs | %s | | | | |" % fmt(V, " MiB"))
EOF
