"""Helpers for the embedded/packaging tests: paths, the cross targets, starting a labns
process (natively, under qemu-user, in a chroot or a network namespace) and talking to it with
the real Pyro5 client.

Every socket here talks to loopback, or to addresses inside a network namespace that the test
made itself.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Loopback ports and probes are the interop suite's.
sys.path.insert(0, os.path.join(REPO, "tests", "interop"))
from interop_util import free_port, tcp_accepts  # noqa: E402,F401  (re-exported as U.free_port, ...)
PACKAGING = os.path.join(REPO, "packaging")
HOST_BIN = os.environ.get("LABNS_BIN") or os.path.join(REPO, "target", "release", "labns")

MIB = 1024 * 1024

# Everything the tests need to know about each cross target.
#   budget: the size the stripped binary must not exceed (README "Raspberry Pi / embedded":
#           1.5 MiB for aarch64 and armv7, every feature in; armv6 code is ARM-mode, larger)
#   cpu_arch: readelf -A's Tag_CPU_arch (None: not an ARM32 target)
#   qemu: the emulator and the CPU it emulates. Debian's armhf glibc, which the dynamic ARMv6
#         binary is run against here, is ARMv7 code, so the ARMv6 binary runs on a Cortex-A7
#         (Pi 2) there; that it contains ARMv6 code only is checked from its build attributes.
TARGETS = {
    "aarch64-unknown-linux-gnu": dict(
        short="aarch64", machine="AArch64", budget=1.5 * MIB, cpu_arch=None,
        interp="/lib/ld-linux-aarch64.so.1",
        qemu=["qemu-aarch64", "-cpu", "cortex-a53", "-L", "/usr/aarch64-linux-gnu"]),
    "armv7-unknown-linux-gnueabihf": dict(
        short="armv7", machine="ARM", budget=1.5 * MIB, cpu_arch="v7",
        interp="/lib/ld-linux-armhf.so.3",
        qemu=["qemu-arm", "-cpu", "cortex-a7", "-L", "/usr/arm-linux-gnueabihf"]),
    "arm-unknown-linux-gnueabihf": dict(
        short="armv6", machine="ARM", budget=1.75 * MIB, cpu_arch="v6",
        interp="/lib/ld-linux-armhf.so.3",
        qemu=["qemu-arm", "-cpu", "cortex-a7", "-L", "/usr/arm-linux-gnueabihf"]),
}
# The glibc the binaries may need at most (Raspberry Pi OS bullseye has 2.31; cross/build.sh
# links against 2.28).
GLIBC_FLOOR = (2, 28)


def selected_targets():
    """The targets under test: $LABNS_CROSS_TARGETS (space-separated) or all of them."""
    names = os.environ.get("LABNS_CROSS_TARGETS", "").split() or list(TARGETS)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        raise RuntimeError("unknown LABNS_CROSS_TARGETS: %s" % " ".join(unknown))
    return names


def cross_bin(triple):
    return os.path.join(REPO, "target", triple, "release", "labns")


def run(cmd, check=True, timeout=120, **kw):
    """Run a command, capture its output as text; on failure say what it printed."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       timeout=timeout, **kw)
    if check and p.returncode != 0:
        raise AssertionError("%s exited %d\nstdout:\n%s\nstderr:\n%s"
                             % (" ".join(cmd), p.returncode, p.stdout, p.stderr))
    return p


def wait_for(what, predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.0f s waiting for %s" % (timeout, what))
        time.sleep(interval)


class Server:
    """A labns process whose stdout and stderr go to files in workdir."""

    def __init__(self, cmd, workdir, name="labns", env=None):
        self.cmd = cmd
        self.out_path = os.path.join(workdir, name + ".out")
        self.err_path = os.path.join(workdir, name + ".err")
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                         env=env)

    def stdout(self):
        with open(self.out_path) as f:
            return f.read()

    def stderr(self):
        with open(self.err_path) as f:
            return f.read()

    def describe(self):
        return "command: %s\nexit: %s\nstdout:\n%s\nstderr:\n%s" % (
            " ".join(self.cmd), self.proc.poll(), self.stdout(), self.stderr())

    def wait_banner(self, timeout=30):
        """Wait for Pyro5's `URI = PYRO:...` start-up line; return the stdout so far."""
        def ready():
            if self.proc.poll() is not None:
                raise AssertionError("labns exited before it was ready\n" + self.describe())
            text = self.stdout()
            return text if "URI = PYRO:" in text else None
        try:
            return wait_for("the start-up banner", ready, timeout)
        except AssertionError as e:
            raise AssertionError("%s\n%s" % (e, self.describe())) from None

    def stop(self, timeout=30):
        """SIGTERM, and the exit code (labns exits 0 after its last commit)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("labns did not stop on SIGTERM\n" + self.describe()) from None


def pyro_env():
    """Client-side: no PYRO_* settings from the caller."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PYRO_")}


def which_all(*tools):
    """The tools that are missing from PATH."""
    return [t for t in tools if shutil.which(t) is None]


# ----------------------------------------------------------------------------------------------
# scratch Debian roots

CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                     "labns-packaging")
# What the scratch root has beyond debootstrap's minbase: systemd (booted by systemd-nspawn in
# test_systemd_boot), procps (/bin/kill, for the unit's ExecReload; the package depends on it)
# and iproute2 (to give the booted container its address late).
ROOT_PACKAGES = "systemd,systemd-sysv,procps,iproute2"


def os_codename():
    with open("/etc/os-release") as f:
        found = re.search(r"^VERSION_CODENAME=(\w+)", f.read(), re.M)
    return found.group(1) if found else "bookworm"


def pristine_root():
    """A minimal Debian root of the build machine's release, made once by debootstrap (with its
    default mirror) and kept under ~/.cache/labns-packaging."""
    root = os.path.join(CACHE, "%s-minbase-%s" % (os_codename(), ROOT_PACKAGES.replace(",", "-")))
    if os.path.isfile(os.path.join(root, ".complete")):
        return root
    os.makedirs(CACHE, exist_ok=True)
    partial = root + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    run(["debootstrap", "--variant=minbase", "--include=" + ROOT_PACKAGES, os_codename(),
         partial], timeout=900)
    shutil.rmtree(root, ignore_errors=True)
    os.rename(partial, root)
    open(os.path.join(root, ".complete"), "w").close()
    return root


def scratch_root(parent):
    """A fresh copy of the pristine root under parent, where (as when an image is built) no
    service starts while packages are installed: policy-rc.d says no."""
    root = os.path.join(parent, "root")
    run(["cp", "-a", pristine_root(), root], timeout=300)
    os.remove(os.path.join(root, ".complete"))
    policy = os.path.join(root, "usr/sbin/policy-rc.d")
    with open(policy, "w") as f:
        f.write("#!/bin/sh\nexit 101\n")
    os.chmod(policy, 0o755)
    return root


def deb_binary(arch):
    """The binary packaging/build-deb.sh packages for arch (its defaults, as in its header)."""
    if arch == "amd64":
        cross = cross_bin("x86_64-unknown-linux-gnu")
        return cross if os.path.isfile(cross) else HOST_BIN
    return cross_bin({"arm64": "aarch64-unknown-linux-gnu",
                      "armhf": "arm-unknown-linux-gnueabihf"}[arch])


def version():
    with open(os.path.join(REPO, "Cargo.toml")) as f:
        return re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M).group(1)


def build_deb(arch):
    """Build the package for arch with packaging/build-deb.sh; return (deb path, its binary)."""
    binary = deb_binary(arch)
    if not os.path.isfile(binary):
        import pytest
        pytest.skip("no %s binary (%s): run cross/build.sh" % (arch, binary))
    out = run([os.path.join(PACKAGING, "build-deb.sh"), arch, binary]).stdout.strip()
    expected = os.path.join(REPO, "target", "debian", "labns_%s_%s.deb" % (version(), arch))
    assert out == expected, out
    return out, binary
