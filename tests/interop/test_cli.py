"""The labns command line: start-up output, flags, errors, signals.

Start-up lines and port 0 are Pyro5 behaviour too and run against both targets; the rest is labns-only.
No test resolves a host name through DNS: bad hosts are address literals that are not on this machine
(binding fails locally, nothing is sent).
"""

import os
import re
import signal
import socket
import subprocess
import time

import pytest
import Pyro5.api

import interop_util as U

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NOT_LOCAL_V4 = "203.0.113.7"          # TEST-NET-3 documentation address, not assigned here


def run_labns(*args, timeout=10):
    p = subprocess.run([U.LABNS_BIN] + list(args), capture_output=True, text=True, timeout=timeout,
                       stdin=subprocess.DEVNULL, env=U.loopback_env())
    return p.returncode, p.stdout, p.stderr


def one_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, "expected exactly one line, got %r" % text
    return lines[0]


def wait_for_lines(srv, pattern_count=2, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = srv.stdout().splitlines()
        if any(ln.startswith("URI = ") for ln in lines):
            return lines
        time.sleep(0.05)
    return srv.stdout().splitlines()


# ------------------------------------------------------------------------------------------------
# start-up output (Pyro5 prints the same lines)

def test_startup_lines(fresh_server):
    srv = fresh_server()
    lines = wait_for_lines(srv)
    running = "NS running on 127.0.0.1:%d (127.0.0.1)" % srv.port
    uri_line = "URI = PYRO:Pyro.NameServer@127.0.0.1:%d" % srv.port
    assert running in lines and uri_line in lines, lines
    assert lines.index(running) < lines.index(uri_line)


@pytest.mark.skipif(not U.has_ipv6_loopback(), reason="no ::1 on this machine")
def test_startup_lines_ipv6(fresh_server):
    srv = fresh_server(host="::1")
    lines = wait_for_lines(srv)
    assert "NS running on [::1]:%d (::1)" % srv.port in lines, lines
    assert "URI = PYRO:Pyro.NameServer@[::1]:%d" % srv.port in lines, lines


def test_port_zero_picks_a_port(fresh_server):
    srv = fresh_server(port=0, wait=False)
    lines = wait_for_lines(srv, timeout=U.STARTUP_TIMEOUT)
    uris = [ln[len("URI = "):] for ln in lines if ln.startswith("URI = ")]
    assert len(uris) == 1, srv.describe()
    m = re.fullmatch(r"PYRO:Pyro\.NameServer@127\.0\.0\.1:(\d+)", uris[0])
    assert m and int(m.group(1)) > 0, uris
    with Pyro5.api.locate_ns(host=U.HOST, port=int(m.group(1))) as ns:
        assert str(ns.lookup(U.NS_NAME)) == uris[0]


# ------------------------------------------------------------------------------------------------
# labns only

pytestmark_labns = pytest.mark.labns_only("labns command line")


@pytestmark_labns
def test_help_and_version():
    rc, out, err = run_labns("--help")
    assert rc == 0, err
    assert "start" in out + err
    rc, out, err = run_labns("--version")
    assert rc == 0, err
    with open(os.path.join(REPO, "Cargo.toml")) as f:
        version = re.search(r'^version\s*=\s*"([^"]+)"', f.read(), re.M).group(1)
    assert version in out


@pytestmark_labns
@pytest.mark.parametrize("args", [
    ["start", "--host", U.HOST, "--port", "{port}", "--bogus"],
    ["start", "--host", U.HOST, "--port", "{port}", "--bogus-flag=1"],
    ["frobnicate"],
    ["start", "--host", U.HOST, "--port", "notaport"],
    ["start", "--host", U.HOST, "--port", "70000"],
    ["start", "--host", U.HOST, "--port", "{port}", "--max-message-size", "lots"],
    ["start", "--host", U.HOST, "--port", "{port}", "--message-timeout", "soon"],
    ["start", "--host", U.HOST, "--port", "{port}", "--storage", "nonsense-storage"],
    ["start", "--host", U.HOST, "--port", "{port}", "--bcport", "notaport"],
])
def test_bad_arguments(args):
    port = U.free_port()
    args = [a.replace("{port}", str(port)) for a in args]
    rc, out, err = run_labns(*args)
    assert rc != 0
    assert one_line(err)
    assert not U.tcp_accepts(U.HOST, port)


@pytestmark_labns
def test_port_in_use():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as blocker:
        blocker.bind((U.HOST, 0))
        blocker.listen(5)
        port = blocker.getsockname()[1]
        rc, out, err = run_labns("start", "--host", U.HOST, "--port", str(port))
        assert rc != 0
        assert one_line(err)


@pytestmark_labns
def test_bad_host():
    port = U.free_port()
    rc, out, err = run_labns("start", "--host", NOT_LOCAL_V4, "--port", str(port))
    assert rc != 0
    assert one_line(err)


@pytestmark_labns
def test_broadcast_port_in_use():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as blocker:
        blocker.bind((U.HOST, 0))
        bcport = blocker.getsockname()[1]
        port = U.free_port()
        rc, out, err = run_labns("start", "--host", U.HOST, "--port", str(port),
                                 "--bchost", U.HOST, "--bcport", str(bcport))
        assert rc != 0
        assert one_line(err)
    assert not U.tcp_accepts(U.HOST, port)


@pytestmark_labns
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_exits_zero_and_releases_port(fresh_server, sig):
    srv = fresh_server()
    port = srv.port
    # with a connected client and a half-sent message at the time of the signal
    ns = Pyro5.api.locate_ns(host=U.HOST, port=port)
    assert ns.count() == 1
    half = socket.create_connection((U.HOST, port))
    half.sendall(U.connect_frame("serpent")[:10])
    try:
        srv.signal(sig)
        assert srv.wait(5) == 0, srv.describe()
    finally:
        half.close()
        ns._pyroRelease()
    assert U.wait_port_released(U.HOST, port)
    again = fresh_server(port=port)
    with Pyro5.api.locate_ns(host=U.HOST, port=again.port) as ns:
        assert ns.count() == 1


@pytestmark_labns
def test_storage_memory_and_limits_flags(fresh_server):
    srv = fresh_server(labns_args=["--storage", "memory", "--max-message-size", "65536", "--message-timeout", "5",
                                   "--no-broadcast"])
    with Pyro5.api.locate_ns(host=U.HOST, port=srv.port) as ns:
        ns.register("test.x", "PYRO:x@127.0.0.1:1")
        assert ns.count() == 2
