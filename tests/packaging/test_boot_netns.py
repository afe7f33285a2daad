"""Boot order: labns started before its address exists binds once the address appears.

Each test makes a network namespace of its own (needs root and iproute2), starts labns in it
while the namespace has only loopback, and a few seconds later adds a veth pair whose end gets
198.18.0.1/24 (RFC 2544's benchmarking range; the pair never leaves the namespace). The real
Pyro5 client then finds the name server inside the namespace.
"""

import os
import socket
import subprocess
import sys
import time

import pytest

import pk_util as U

ADDR = "198.18.0.1"
DELAY = 3.0  # seconds between starting labns and the address appearing


@pytest.fixture
def netns():
    if os.geteuid() != 0:
        pytest.skip("network namespaces need root")
    if U.which_all("ip"):
        pytest.skip("`ip` is missing (apt-get install iproute2)")
    name = "labns-boot-%d" % os.getpid()
    made = subprocess.run(["ip", "netns", "add", name], stderr=subprocess.PIPE, text=True)
    if made.returncode != 0:
        pytest.skip("cannot make a network namespace here: %s" % made.stderr.strip())
    try:
        U.run(["ip", "-n", name, "link", "set", "lo", "up"])
        yield name
    finally:
        subprocess.run(["ip", "netns", "del", name])


def add_address(ns):
    U.run(["ip", "-n", ns, "link", "add", "boot0", "type", "veth", "peer", "name", "boot1"])
    U.run(["ip", "-n", ns, "addr", "add", ADDR + "/24", "dev", "boot0"])
    U.run(["ip", "-n", ns, "link", "set", "boot1", "up"])
    U.run(["ip", "-n", ns, "link", "set", "boot0", "up"])
    # as on a Pi, a default route (Pyro5's broadcast goes to 255.255.255.255)
    U.run(["ip", "-n", ns, "route", "add", "default", "dev", "boot0"])


# Runs inside the namespace with the venv's Python: register, look up, and find the name server
# by broadcast (locate_ns() without a host, as lab clients do).
CLIENT = r"""
import sys
import Pyro5.api
from Pyro5 import config
addr, port = sys.argv[1], int(sys.argv[2])
with Pyro5.api.locate_ns(host=addr, port=port) as ns:
    ns.register("boot.laser", "PYRO:laser@%s:50001" % addr)
    assert str(ns.lookup("boot.laser")) == "PYRO:laser@%s:50001" % addr
if len(sys.argv) > 3:
    config.NS_BCPORT = int(sys.argv[3])
    with Pyro5.api.locate_ns() as ns:
        assert ns._pyroUri.host == addr, ns._pyroUri
        assert str(ns.lookup("boot.laser")) == "PYRO:laser@%s:50001" % addr
print("client ok")
"""


def run_client(ns, *args):
    env = {k: v for k, v in U.pyro_env().items()}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return U.run(["ip", "netns", "exec", ns, sys.executable, "-c", CLIENT] + list(args),
                 env=env, timeout=60)


def start_before_address(ns, args, tmp_path, notify=None):
    env = dict(os.environ)
    if notify:
        env["NOTIFY_SOCKET"] = notify
    server = U.Server(["ip", "netns", "exec", ns, os.path.abspath(U.HOST_BIN)] + args,
                      str(tmp_path), env=env)
    time.sleep(DELAY)
    assert server.proc.poll() is None, "labns gave up before the address appeared\n" + \
        server.describe()
    assert "NS running" not in server.stdout(), server.describe()
    added = time.monotonic()
    add_address(ns)
    return server, added


def test_shipped_config_binds_public_address_once_it_appears(netns, tmp_path):
    """The packaged service's command and configuration (`host: public`, 9090, broadcast on
    9091, lmdb): at boot the namespace has no address yet; labns waits, then binds the address
    that appears, tells systemd READY=1 only then, and answers broadcast lookups."""
    notify = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(notify)
    sock.settimeout(0.1)
    server, added = start_before_address(
        netns, ["start", "--all", "--config", os.path.join(U.PACKAGING, "labns.yml"),
                "--data-dir", str(tmp_path / "data")], tmp_path, notify)
    try:
        with pytest.raises(socket.timeout):
            sock.recv(4096)  # nothing before the address appeared...
        sock.settimeout(30)
        assert sock.recv(4096).startswith(b"READY=1")  # ...READY=1 after
        ready_after = time.monotonic() - added
        banner = server.wait_banner(timeout=5)
        assert "NS running on %s:9090" % ADDR in banner, server.describe()
        assert "Broadcast server running on 0.0.0.0:9091" in banner, server.describe()
        assert "may not be up yet" in server.stderr(), server.describe()
        print("bound %.1f s after the address appeared" % ready_after)
        assert run_client(netns, ADDR, "9090", "9091").stdout.strip() == "client ok"
    finally:
        code = server.stop()
        sock.close()
    assert code == 0, server.describe()


def test_explicit_address_is_retried_until_assigned(netns, tmp_path):
    """`-n ADDRESS` with --wait-for-address: EADDRNOTAVAIL until the address exists."""
    server, _ = start_before_address(
        netns, ["start", "-n", ADDR, "-p", "9090", "-x", "--wait-for-address", "30"], tmp_path)
    try:
        banner = server.wait_banner(timeout=30)
        assert "NS running on %s:9090" % ADDR in banner, server.describe()
        assert run_client(netns, ADDR, "9090").stdout.strip() == "client ok"
    finally:
        code = server.stop()
    assert code == 0, server.describe()
