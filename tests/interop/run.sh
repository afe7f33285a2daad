#!/usr/bin/env bash
# Interop test suite: drives a labns release binary (or, with LABNS_TARGET=python, the real
# `python -m Pyro5.nameserver`) with the unmodified Pyro5 5.17 Python client over loopback.
#
#   tests/interop/run.sh [extra pytest args]
#
# Environment:
#   LABNS_BIN     labns binary to test (default <repo>/target/release/labns; not built here)
#   LABNS_TARGET  "labns" (default) or "python" (run the same suite against Pyro5's own NS;
#                 labns-only tests are skipped)
#   LABNS_VENV    venv location (default <repo>/target/interop-venv; created when missing)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="${LABNS_VENV:-$REPO/target/interop-venv}"
[[ "$VENV" = /* ]] || VENV="$PWD/$VENV"
# Pinned to the versions the golden vectors in shared/vectors were captured with
# (Pyro5 5.17, serpent 1.43, msgpack 1.2.4).
REQUIREMENTS=(Pyro5==5.17 serpent==1.43 msgpack==1.2.4 pytest==8.4.2)
STAMP="$VENV/.labns-interop-requirements"

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "interop: creating venv at $VENV" >&2
    python3 -m venv "$VENV"
fi
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "${REQUIREMENTS[*]}" ]]; then
    echo "interop: installing ${REQUIREMENTS[*]}" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${REQUIREMENTS[@]}"
    printf '%s' "${REQUIREMENTS[*]}" > "$STAMP"
fi

export LABNS_TARGET="${LABNS_TARGET:-labns}"
export LABNS_BIN="${LABNS_BIN:-$REPO/target/release/labns}"
[[ "$LABNS_BIN" = /* ]] || LABNS_BIN="$PWD/$LABNS_BIN"
export LABNS_VENV="$VENV"
# Nothing may be written into the source tree: no .pyc files, no pytest cache.
export PYTHONDONTWRITEBYTECODE=1
# Stray PYRO_* settings from the caller would change client behaviour (or make Pyro refuse to import).
for v in $(env | sed -n 's/^\(PYRO_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

case "$LABNS_TARGET" in
    labns)
        if [[ ! -x "$LABNS_BIN" ]]; then
            echo "interop: LABNS_BIN=$LABNS_BIN is not an executable (build it with 'cargo build --release')" >&2
            exit 2
        fi ;;
    python) ;;
    *) echo "interop: LABNS_TARGET must be 'labns' or 'python', not '$LABNS_TARGET'" >&2; exit 2 ;;
esac

cd "$HERE"
exec "$VENV/bin/python" -m pytest -p no:cacheprovider --rootdir "$HERE" -c /dev/null "$HERE" "$@"
