#!/usr/bin/env bash
# Embedded and packaging tests: the cross-built binaries (architecture, CPU level, glibc floor,
# size budget, a qemu-user smoke test with the real Pyro5 client), the files in packaging/
# (default config, shellcheck, systemd-analyze, Type=notify), the .deb packages (contents, an
# install into a scratch Debian root, the SysV init script there, purge), the service booted by
# systemd in a container, and boot order (labns started before its address exists, in a
# network namespace).
#
#   tests/packaging/run.sh [pytest args]
#   tests/packaging/run.sh --prepare-only    only install the prerequisites and make the cached
#                                            scratch root (run_all.sh runs this in the
#                                            background, during the cross builds)
#
# Run cross/build.sh first. Installs what the tests need from Debian when it is missing
# (qemu-user, the arm64/armhf glibc for qemu, shellcheck, debootstrap, iproute2,
# systemd-analyze, systemd-nspawn: as root only; otherwise those tests are skipped, saying
# why). The scratch Debian root (debootstrap) is made once and kept in ~/.cache/labns-packaging.
# Environment:
#   LABNS_BIN            host (x86_64) binary [target/release/labns]
#   LABNS_CROSS_TARGETS  cross targets to test [all three]
#   LABNS_VENV           venv with Pyro5 5.17 [target/interop-venv, made by tests/interop/run.sh]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="${LABNS_VENV:-$REPO/target/interop-venv}"

# command -> Debian package
declare -A NEEDS=(
    [qemu-aarch64]=qemu-user
    [qemu-arm]=qemu-user
    [/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1]=libc6-arm64-cross
    [/usr/arm-linux-gnueabihf/lib/ld-linux-armhf.so.3]=libc6-armhf-cross
    [shellcheck]=shellcheck
    [debootstrap]=debootstrap
    [ip]=iproute2
    [systemd-analyze]=systemd
    [systemd-nspawn]=systemd-container
    [readelf]=binutils
    [dpkg-deb]=dpkg
)
missing=()
for thing in "${!NEEDS[@]}"; do
    if [[ "$thing" == /* ]]; then [[ -e "$thing" ]] && continue
    else command -v "$thing" >/dev/null 2>&1 && continue; fi
    missing+=("${NEEDS[$thing]}")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "packaging: installing ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
            apt-get update -qq
            apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >/dev/null
        }
    else
        echo "packaging: missing ${missing[*]}: the tests that need them are skipped" >&2
    fi
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "packaging: no venv at $VENV: run tests/interop/run.sh first (it makes it)" >&2
    exit 2
fi
if [[ "${1:-}" == --prepare-only ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v debootstrap >/dev/null 2>&1; then
        cd "$HERE"
        "$VENV/bin/python" -c 'import pk_util; print("packaging: scratch root", pk_util.pristine_root())'
    fi
    exit 0
fi

export LABNS_BIN="${LABNS_BIN:-$REPO/target/release/labns}"
[[ -x "$LABNS_BIN" ]] || { echo "packaging: $LABNS_BIN is missing (cargo build --release)" >&2; exit 2; }
export PYTHONDONTWRITEBYTECODE=1
for v in $(env | sed -n 's/^\(PYRO_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

cd "$HERE"
exec "$VENV/bin/python" -m pytest -p no:cacheprovider --rootdir "$HERE" -c /dev/null -rs "$HERE" "$@"
