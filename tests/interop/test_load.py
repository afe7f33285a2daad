"""Load and robustness over loopback: many simultaneous connections, stalled and slow clients,
half-sent messages. Every loop is bounded in count and time."""

import resource
import socket
import threading
import time

import pytest
import Pyro5.api

import interop_util as U
from interop_util import read_frame, is_closed, connect_frame, invoke_frame, raw_connection

N_PROXIES = 520
N_THREADS = 20


def raise_nofile_limit(wanted=4096):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


@pytest.mark.timeout(120)
def test_500_simultaneous_proxies(fresh_server):
    """520 proxies connected at the same time, each doing lookups, all kept open; a fresh client
    is served while they are open. The Python reference has a pool of 80 worker threads and refuses
    the 81st connection ('no free workers, increase server threadpool size', section 16), so it is
    started with PYRO_THREADPOOL_SIZE=700 here; labns must do this with its defaults."""
    if raise_nofile_limit() < 2 * N_PROXIES + 100:
        pytest.skip("cannot raise the open-file limit high enough")
    srv = fresh_server(python_env={"PYRO_THREADPOOL_SIZE": "700"})
    with Pyro5.api.Proxy(srv.uri) as p:
        p.register("test.target", "PYRO:obj@127.0.0.1:50001", metadata={"load"})
    per_thread = N_PROXIES // N_THREADS
    all_open = threading.Barrier(N_THREADS + 1, timeout=60)
    checked = threading.Barrier(N_THREADS + 1, timeout=60)
    errors = []
    opened = []

    def worker(w):
        proxies = []
        try:
            for i in range(per_thread):
                p = Pyro5.api.Proxy(srv.uri)
                p._pyroTimeout = 20
                proxies.append(p)
                assert str(p.lookup("test.target")) == "PYRO:obj@127.0.0.1:50001"
            conns = [p._pyroConnection for p in proxies]
            opened.append(len(proxies))
            all_open.wait()
            checked.wait()
            # every connection is still the same and still answers
            for p, c in zip(proxies, conns):
                assert p._pyroConnection is c
                assert p.count() == 2
        except Exception as x:      # collected and asserted in the main thread
            errors.append("worker %d: %r" % (w, x))
            for b in (all_open, checked):
                b.abort()
        finally:
            for p in proxies:
                p._pyroRelease()

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(N_THREADS)]
    for t in threads:
        t.start()
    try:
        all_open.wait()
        assert sum(opened) == N_PROXIES
        # while all 520 connections are open, a fresh client is served promptly
        t0 = time.monotonic()
        with Pyro5.api.locate_ns(host=U.HOST, port=srv.port) as ns:
            assert ns.count() == 2
            assert ns.yplookup(meta_all=["load"], return_metadata=False) == {"test.target": "PYRO:obj@127.0.0.1:50001"}
        assert time.monotonic() - t0 < 5
        checked.wait()
    except threading.BrokenBarrierError:
        pass
    for t in threads:
        t.join(60)
    assert not errors, errors[:5]
    assert not any(t.is_alive() for t in threads)
    with Pyro5.api.locate_ns(host=U.HOST, port=srv.port) as ns:
        assert ns.count() == 2
    assert srv.alive()


def test_stalled_clients_do_not_delay_others(server):
    hs = connect_frame("serpent")
    stalled = []
    try:
        s = socket.create_connection((server.host, server.port))           # connected, sends nothing
        stalled.append(s)
        s = socket.create_connection((server.host, server.port))           # half a header
        s.sendall(hs[:20])
        stalled.append(s)
        s = socket.create_connection((server.host, server.port))           # header, half the body
        s.sendall(hs[:50])
        stalled.append(s)
        s = socket.create_connection((server.host, server.port))           # connected, half an INVOKE
        s.sendall(hs)
        read_frame(s)
        s.sendall(invoke_frame("serpent", "count")[:45])
        stalled.append(s)
        U.timed_lookups(server, 50, 1.0)
        # the stalled ones can still finish their messages and get answers
        stalled[1].sendall(hs[20:])
        assert read_frame(stalled[1]).type == U.MSG_CONNECTOK
        stalled[3].sendall(invoke_frame("serpent", "count")[45:])
        assert read_frame(stalled[3]).value() == 1
    finally:
        for s in stalled:
            s.close()


def test_client_not_reading_replies_does_not_block_others(server):
    """A client pipelines many requests with big answers and never reads them. (Every request is
    small; each answer is ~65 KB, ~20 MB in all.)"""
    with Pyro5.api.Proxy(server.uri) as p:
        for i in range(200):
            p.register("test.big.%03d." % i + "n" * 250, "PYRO:obj@127.0.0.1:%d" % (50000 + i))
    req = invoke_frame("serpent", "list", (), {"prefix": "test.big."})
    with raw_connection(server) as s:
        s.setblocking(False)
        blob = req * 300
        sent = 0
        deadline = time.monotonic() + 5
        while sent < len(blob) and time.monotonic() < deadline:
            try:
                sent += s.send(blob[sent:sent + 65536])
            except BlockingIOError:
                time.sleep(0.01)
        time.sleep(0.2)
        U.timed_lookups(server, 20, 2.0)
        with Pyro5.api.Proxy(server.uri) as p:
            assert len(p.list(prefix="test.big.")) == 200
    U.timed_lookups(server, 5, 2.0)


def test_abrupt_disconnects(server):
    hs = connect_frame("serpent")
    for i in range(100):
        s = socket.create_connection((server.host, server.port))
        if i % 3 == 1:
            s.sendall(hs[:i % 40 + 1])
        elif i % 3 == 2:
            s.sendall(hs)
            s.sendall(invoke_frame("serpent", "count"))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")     # RST on close
        s.close()
    U.timed_lookups(server, 10, 2.0)


# ------------------------------------------------------------------------------------------------
# labns --message-timeout

def closed_after(sock, during_handshake, timeout):
    """True when the server closes the connection; during the handshake a CONNECTFAIL frame may
    precede the close (a client shows it as 'connection rejected')."""
    if is_closed(sock, timeout):
        return True
    if not during_handshake:
        return False
    try:
        fr = read_frame(sock, timeout)
    except (U.Closed, socket.timeout):
        return False
    return fr.type == U.MSG_CONNECTFAIL and is_closed(sock, timeout)


@pytest.mark.labns_only("labns --message-timeout (Python has only an idle COMMTIMEOUT)")
@pytest.mark.parametrize("stage", ["connect_header", "connect_body", "invoke_header", "invoke_body"])
def test_half_sent_message_is_closed_after_timeout(fresh_server, stage):
    srv = fresh_server(labns_args=["--message-timeout", "1"])
    hs = connect_frame("serpent")
    inv = invoke_frame("serpent", "count")
    with socket.create_connection((srv.host, srv.port)) as s:
        if stage.startswith("invoke"):
            s.sendall(hs)
            assert read_frame(s).type == U.MSG_CONNECTOK
        part = {"connect_header": hs[:17], "connect_body": hs[:45],
                "invoke_header": inv[:30], "invoke_body": inv[:41]}[stage]
        t0 = time.monotonic()
        s.sendall(part)
        # other clients are served meanwhile
        U.timed_lookups(srv, 10, 0.5)
        assert closed_after(s, stage.startswith("connect"), timeout=4.0)
        elapsed = time.monotonic() - t0
        assert 0.8 <= elapsed <= 3.5, "closed after %.2f s" % elapsed
    U.timed_lookups(srv, 3, 1.0)


@pytest.mark.labns_only("labns --message-timeout")
def test_message_timeout_does_not_close_idle_connections(fresh_server):
    """Only half-sent messages time out; an idle connected client (no partial message) stays."""
    srv = fresh_server(labns_args=["--message-timeout", "1"])
    with raw_connection(srv) as s:
        s.sendall(invoke_frame("serpent", "count", seq=1))
        assert read_frame(s).value() == 1
        time.sleep(2.5)
        s.sendall(invoke_frame("serpent", "count", seq=2))
        fr = read_frame(s)
        assert fr.seq == 2 and fr.value() == 1


@pytest.mark.labns_only("labns --message-timeout")
def test_message_timeout_slow_but_progressing_sender(fresh_server):
    """A message completed within the timeout is served even if it trickles in."""
    srv = fresh_server(labns_args=["--message-timeout", "2"])
    data = connect_frame("serpent")
    with socket.create_connection((srv.host, srv.port)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i in range(0, len(data), 10):
            s.sendall(data[i:i + 10])
            time.sleep(0.05)
        assert read_frame(s).type == U.MSG_CONNECTOK


N_IDLE = 10_000


@pytest.mark.labns_only("Pyro5's name server refuses the 81st connection (80 worker threads)")
@pytest.mark.timeout(180)
def test_10000_idle_connections_then_a_new_client(fresh_server):
    """The core issue asks for at least 10,000 simultaneous client connections: open that many,
    each with a completed handshake (so each holds a real session), keep them all open, then a
    new real client's lookups are answered promptly, and the old connections still work.
    (The Python reference refuses the 81st connection with its default pool.)"""
    if raise_nofile_limit(N_IDLE + 500) < N_IDLE + 200:
        pytest.skip("cannot raise this test's open-file limit to %d" % (N_IDLE + 200))
    srv = fresh_server()
    hs = connect_frame("serpent")
    socks = []
    try:
        deadline = time.monotonic() + 120
        for i in range(N_IDLE):
            assert time.monotonic() < deadline, "only %d connections opened in time" % i
            s = socket.create_connection((srv.host, srv.port), timeout=10)
            s.sendall(hs)
            socks.append(s)
            if len(socks) % 500 == 0:              # read the CONNECTOKs in batches
                for t in socks[-500:]:
                    assert read_frame(t).type == 2
        for t in socks[len(socks) - len(socks) % 500:]:
            assert read_frame(t).type == 2
        assert len(socks) == N_IDLE
        worst = U.timed_lookups(srv, 50, limit_each=1.0)
        # a sample of the idle connections is still served
        for s in socks[:: N_IDLE // 20]:
            s.sendall(invoke_frame("serpent", "count", seq=1))
            assert read_frame(s).value() == 1
        assert srv.alive()
        print("10,000 idle connections open; slowest of 50 lookups by a new client: %.1f ms"
              % (worst * 1000))
    finally:
        for s in socks:
            s.close()
