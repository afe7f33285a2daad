"""Broadcast responder (UDP, wire reference sections 13 and 14.1), loopback only.

labns runs its responder on --bchost 127.0.0.1 --bcport P when asked explicitly (Pyro5's CLI refuses a
responder for loopback binds). For LABNS_TARGET=python the responder protocol tests still run: the
reference responder is Pyro5's own `Pyro5.nameserver.BroadcastServer`, started in a helper process on
127.0.0.1:P for the reference NS's URI (the class the Python CLI uses for LAN binds). Tests of labns
start-up flags and sockets are labns-only.

No datagram ever leaves loopback: Pyro5.config.BROADCAST_ADDRS is ["127.0.0.1"] (or "0.0.0.0", which
Linux delivers locally), never "<broadcast>".
"""

import os
import socket
import time

import pytest
import Pyro5.api
from Pyro5.errors import NamingError

import interop_util as U
from interop_util import run_nsc as nsc


@pytest.fixture
def bc_server(fresh_server):
    bcport = U.free_tcp_udp_port()        # free for TCP too: locate_ns step 1 tries it as a TCP port
    srv = fresh_server(bc=(U.HOST, bcport))
    assert U.wait_udp_responder(U.HOST, bcport), "responder did not answer GET_NSURI\n" + srv.describe()
    return srv, bcport


def udp_sockets_of(pid):
    """Local (ip, port) of every UDP socket the process has open, from /proc (Linux)."""
    inodes = set()
    fd_dir = "/proc/%d/fd" % pid
    for fd in os.listdir(fd_dir):
        try:
            link = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if link.startswith("socket:["):
            inodes.add(link[8:-1])
    found = []
    for table, v6 in (("/proc/net/udp", False), ("/proc/net/udp6", True)):
        try:
            with open(table) as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()
            if len(cols) > 9 and cols[9] in inodes:
                addr, port = cols[1].split(":")
                if not v6:
                    ip = socket.inet_ntoa(bytes.fromhex(addr)[::-1])
                else:
                    raw = bytes.fromhex(addr)
                    ip = socket.inet_ntop(socket.AF_INET6, b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))
                found.append((ip, int(port, 16)))
    return found


# ------------------------------------------------------------------------------------------------
# the responder protocol

def test_get_nsuri(bc_server):
    srv, bcport = bc_server
    reply = U.udp_ask(U.HOST, bcport, b"GET_NSURI")
    assert reply == srv.uri.encode("iso-8859-1")
    assert len(reply) < 100


def test_other_datagrams_ignored(bc_server):
    srv, bcport = bc_server
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind((U.HOST, 0))
        for junk in (b"GET_NSURI\n", b"get_nsuri", b"GET_NSURI ", b" GET_NSURI", b"GET_NSUR", b"",
                     b"GET_NSURI" + b"x" * 200, b"\0" * 50, b"GET_NSURI\0"):
            s.sendto(junk, (U.HOST, bcport))
        s.settimeout(1.0)
        with pytest.raises(socket.timeout):
            data = s.recvfrom(1000)
            pytest.fail("unexpected reply %r" % (data,))
        # still answering, exactly once
        s.sendto(b"GET_NSURI", (U.HOST, bcport))
        data, addr = s.recvfrom(1000)
        assert data == srv.uri.encode() and addr == (U.HOST, bcport)
        s.settimeout(0.3)
        with pytest.raises(socket.timeout):
            s.recvfrom(1000)


def test_many_requests_from_many_sockets(bc_server):
    srv, bcport = bc_server
    socks = []
    try:
        for _ in range(20):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((U.HOST, 0))
            s.settimeout(3)
            s.sendto(b"GET_NSURI", (U.HOST, bcport))
            socks.append(s)
        assert all(s.recvfrom(1000)[0] == srv.uri.encode() for s in socks)
    finally:
        for s in socks:
            s.close()


# ------------------------------------------------------------------------------------------------
# Pyro5's locate_ns() without a host, discovery through the responder on 127.0.0.1

def _direct_path_misses():
    """locate_ns() step 1 and step 3 connect to NS_HOST:NS_PORT / the port argument: make both miss,
    so the name server can only be found through the UDP responder."""
    Pyro5.config.NS_HOST = U.HOST
    Pyro5.config.NS_PORT = U.free_port()


def test_locate_ns_via_broadcast(bc_server):
    srv, bcport = bc_server
    _direct_path_misses()
    t0 = time.monotonic()
    ns = Pyro5.api.locate_ns(port=bcport)     # step 1 tries TCP 127.0.0.1:bcport (refused), then UDP bcport
    with ns:
        # the broadcast path returns an unbound proxy for the URI text it received
        assert ns._pyroConnection is None
        assert str(ns._pyroUri) == srv.uri
        assert ns.count() == 1
    assert time.monotonic() - t0 < 2.0        # answered in the first 0.7 s round


@pytest.mark.parametrize("bcaddr", ["127.0.0.1", "0.0.0.0"])
def test_locate_ns_via_broadcast_ns_bcport_config(bc_server, bcaddr):
    srv, bcport = bc_server
    _direct_path_misses()
    Pyro5.config.NS_BCPORT = bcport
    Pyro5.config.BROADCAST_ADDRS = [bcaddr]
    with Pyro5.api.locate_ns() as ns:
        assert ns._pyroConnection is None and str(ns._pyroUri) == srv.uri
        assert ns.lookup(U.NS_NAME).port == srv.port


def test_locate_ns_without_responder_fails(bc_server):
    """Negative control for the tests above: same setup, a UDP port nobody answers on."""
    srv, bcport = bc_server
    _direct_path_misses()
    silent = U.free_tcp_udp_port()
    with pytest.raises(NamingError):
        Pyro5.api.locate_ns(port=silent)


def test_nsc_discovers_via_broadcast(bc_server):
    srv, bcport = bc_server
    # NS_HOST ::1 keeps nsc's step-1 probe on loopback without the 127.0.1.1 reverse (DNS) lookup
    env = {"PYRO_BROADCAST_ADDRS": U.HOST, "PYRO_NS_HOST": "::1", "PYRO_NS_PORT": str(U.free_port())}
    rc, out, err = nsc(srv, "-p", str(bcport), "-v", "ping", host=False, env_extra=env)
    assert rc == 0, (out, err)
    assert out.splitlines() == ["Locating name server...", "Name server found: %s" % srv.uri,
                                "Name server ping ok.", "Done."]


# ------------------------------------------------------------------------------------------------
# labns start-up flags

@pytest.mark.labns_only("labns --bchost/--bcport on loopback")
def test_responder_socket_bound_exactly(bc_server):
    srv, bcport = bc_server
    assert (U.HOST, bcport) in udp_sockets_of(srv.proc.pid)
    assert len(udp_sockets_of(srv.proc.pid)) == 1


@pytest.mark.labns_only("labns --no-broadcast flag")
def test_no_broadcast_flag(fresh_server):
    srv = fresh_server(labns_args=["--no-broadcast"])
    assert udp_sockets_of(srv.proc.pid) == []


@pytest.mark.labns_only("labns default: no responder for a loopback bind")
def test_no_responder_by_default_on_loopback(fresh_server):
    srv = fresh_server()
    assert udp_sockets_of(srv.proc.pid) == []
    with Pyro5.api.locate_ns(host=U.HOST, port=srv.port) as ns:
        assert ns.count() == 1
