"""Autoclean (wire reference 15): a registration whose TCP address stays unreachable for 20 s is
removed, a reachable one stays, and lookups keep answering while the sweeps run.

Two servers run side by side for the whole module (never more): `--autoclean 3` on the command
line and `ns_autoclean: 3` in a YAML configuration (labns-only). Against the Python reference the
first one is `python -m Pyro5.nameserver` with PYRO_NS_AUTOCLEAN=3. Both get the same entries the
moment the module starts, and a watcher thread per server polls list()/lookup() every 0.2 s,
timing each call and noting when each entry disappears; the tests then only read the watchers'
notes (about 25 s for the whole module).

Entries (all on loopback): a live listener this module owns, a closed port, and a "stalled"
listener whose accept queue is full (labns only: connects to it hang, so a probe only ends by its
time-out, which must not hold up lookups or the other probes). labns also gets URIs without a TCP address (PYRONAME/PYROMETA
without location, a Unix socket): never removed, and they must not stop the cleaner (Pyro5 bug B3),
so they are registered first.
"""

import contextlib
import os
import signal
import socket
import threading
import time

import pytest
import Pyro5.api
import Pyro5.errors

import interop_util as U

PERIOD = 3
GRACE = 20
BOUND = 40                  # seconds from registering the dead entry to its removal, at most
LOOKUP_LIMIT = 0.5          # seconds one list() or lookup() may take while sweeps run
KEEP_WATCHING = PERIOD + 1       # after the removal, so one more sweep is seen to keep the live one

DEAD = ("ac.dead", "ac.dead.byname")

B3_ENTRIES = {
    "ac.b3.pyroname": "PYRONAME:some.service",
    "ac.b3.pyrometa": "PYROMETA:class:some.Thing",
    "ac.b3.unix": "PYRO:obj@./u:/tmp/labns-interop-no-such-socket",
}


class LiveListener:
    """A loopback TCP listener that accepts and closes every connection (the autoclean probes)."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((U.HOST, 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self):
        self.stopping.set()
        self.thread.join(5)
        self.sock.close()


class StalledListener:
    """A loopback listener with a full accept queue: further connects get no answer (the kernel
    drops their SYNs), so a probe of it only ends by its own time-out."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((U.HOST, 0))
        self.sock.listen(0)
        self.port = self.sock.getsockname()[1]
        self.fillers = []
        for _ in range(3):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(0.3)
            with contextlib.suppress(OSError):
                s.connect((U.HOST, self.port))
            self.fillers.append(s)

    def close(self):
        for s in self.fillers:
            s.close()
        self.sock.close()


class Watcher(threading.Thread):
    """Polls one server until the dead entry is gone (plus a few more sweeps) or BOUND passes."""

    def __init__(self, srv, t0, entries, live):
        super().__init__(daemon=True)
        self.srv, self.t0, self.entries, self.live = srv, t0, entries, live
        self.gone = {}              # name -> seconds after t0 when first seen missing
        self.max_latency = 0.0
        self.slowest = None
        self.calls = 0
        self.errors = []
        self.last_names = None

    def run(self):
        try:
            p = Pyro5.api.Proxy(self.srv.uri)
            p._pyroTimeout = 10
            with p:
                self._watch(p)
        except Exception as x:          # reported by the tests
            self.errors.append(repr(x))

    def _timed(self, what, call):
        start = time.monotonic()
        result = call()
        took = time.monotonic() - start
        self.calls += 1
        if took > self.max_latency:
            self.max_latency, self.slowest = took, (what, round(start - self.t0, 2))
        return result

    def _watch(self, p):
        deadline = self.t0 + BOUND + KEEP_WATCHING
        while time.monotonic() < deadline:
            now = time.monotonic() - self.t0
            listed = set(self._timed("list", p.list))
            self.last_names = listed
            for name in self.entries:
                if name not in listed and name not in self.gone:
                    self.gone[name] = now
            if "ac.live" in listed:
                uri = self._timed("lookup", lambda: p.lookup("ac.live"))
                assert str(uri) == self.entries["ac.live"], uri
            self._timed("lookup NS", lambda: p.lookup(U.NS_NAME))
            dead = [self.gone.get(n) for n in DEAD]
            if None not in dead and now > max(dead) + KEEP_WATCHING:
                return
            time.sleep(0.2)


def yaml_config(port):
    return ("nameservers:\n"
            "  default:\n"
            "    host: 127.0.0.1\n"
            "    ns_port: %d\n"
            "    ns_autoclean: %d\n" % (port, PERIOD))


class Run:
    """One autoclean server: its process, entries, watcher, store (or None) and environment."""

    def __init__(self, srv, entries, store, env):
        self.srv, self.entries, self.store, self.env = srv, entries, store, env
        self.watcher = None


@pytest.fixture(scope="module")
def runs():
    """{'cli': Run, 'yaml': Run}: both servers started, filled and watched."""
    home = U.LabnsHome()
    live = LiveListener()
    stalled = StalledListener()
    dead_port = U.free_port()
    servers, result = [], {}
    try:
        kinds = ["cli", "yaml"] if U.IS_LABNS else ["cli"]
        for kind in kinds:
            if kind == "cli":
                # with a store: autoclean's removals must be stored like any other change
                store = home.path("stores", "autoclean")
                os.makedirs(os.path.dirname(store))
                srv = U.start_server(labns_args=["--autoclean", str(PERIOD), "--storage", "lmdb:" + store],
                                     env_extra=home.env(),
                                     python_env={"PYRO_NS_AUTOCLEAN": str(PERIOD)},
                                     python_args=["-s", "sql:%s.sqlite" % store])
            else:
                port = U.free_port()
                path = home.write("autoclean-%d.yml" % port, yaml_config(port))
                srv = U.start_server(port=port, labns_cmd=["start", "--config", path], env_extra=home.env())
            servers.append(srv)
            entries = dict(B3_ENTRIES) if U.IS_LABNS else {}
            entries["ac.live"] = "PYRO:live@127.0.0.1:%d" % live.port
            entries["ac.live.byname"] = "PYRO:live@localhost:%d" % live.port     # /etc/hosts, no DNS
            entries["ac.dead.byname"] = "PYRO:dead@localhost:%d" % dead_port
            if U.IS_LABNS:
                # Pyro5 probes one entry after the other, each stalled probe taking its 5 s time-out:
                # with this entry its removal of the dead one comes at about 36 s instead of 24 s
                entries["ac.stalled"] = "PYRO:stalled@127.0.0.1:%d" % stalled.port
            entries["ac.dead"] = "PYRO:dead@127.0.0.1:%d" % dead_port
            result[kind] = Run(srv, entries, store if kind == "cli" else None, home.env())
        # register everywhere, then start the watchers (t0: just before the dead entry went in)
        for run in result.values():
            with Pyro5.api.Proxy(run.srv.uri) as p:
                for name, uri in run.entries.items():
                    if name == "ac.dead":
                        t0 = time.monotonic()
                    p.register(name, uri, metadata={"autoclean-test"})
            run.watcher = Watcher(run.srv, t0, run.entries, live)
            run.watcher.start()
        yield result
    finally:
        for run in result.values():
            if run.watcher is not None:
                run.watcher.join(BOUND + 20)
        for srv in servers:
            srv.stop()
        live.close()
        stalled.close()
        home.cleanup()


def finished(runs, kind):
    if kind == "yaml":
        U.require_labns("ns_autoclean in a YAML configuration")
    run = runs[kind]
    srv, w, entries = run.srv, run.watcher, run.entries
    w.join(BOUND + KEEP_WATCHING + 15)
    assert not w.is_alive(), "watcher still running"
    assert not w.errors, "a call failed while autoclean ran: %s\n%s" % (w.errors, srv.describe())
    assert srv.alive(), srv.describe()
    return srv, w, entries


@pytest.mark.timeout(BOUND + KEEP_WATCHING + 40)
@pytest.mark.parametrize("kind", ["cli", "yaml"])
def test_dead_registration_is_removed_within_period_plus_grace(runs, kind):
    srv, w, entries = finished(runs, kind)
    assert "ac.dead.byname" in w.gone, "the dead entry named by host name was not removed: %s" % w.gone
    assert "ac.dead" in w.gone, "the dead entry was still there %d s after it was registered\n%s" % (
        BOUND, srv.describe())
    when = w.gone["ac.dead"]
    print("%s: removed after %.1f s; gone: %s; slowest call %.3f s" % (kind, when, w.gone, w.max_latency))
    assert GRACE - 1 <= when <= BOUND, "removed %.1f s after registration" % when
    with Pyro5.api.Proxy(srv.uri) as p:
        with pytest.raises(Pyro5.errors.NamingError):
            p.lookup("ac.dead")


@pytest.mark.parametrize("kind", ["cli", "yaml"])
def test_live_registration_stays(runs, kind):
    srv, w, entries = finished(runs, kind)
    assert "ac.live" not in w.gone and "ac.live.byname" not in w.gone, w.gone
    with Pyro5.api.Proxy(srv.uri) as p:
        uri, tags = p.lookup("ac.live", return_metadata=True)
        assert str(uri) == entries["ac.live"] and set(tags) == {"autoclean-test"}
    assert w.live.accepted > 0, "nothing ever probed the live listener"


@pytest.mark.parametrize("kind", ["cli", "yaml"])
def test_lookups_keep_answering_during_sweeps(runs, kind):
    srv, w, entries = finished(runs, kind)
    assert w.calls > 50, w.calls
    assert w.max_latency < LOOKUP_LIMIT, "slowest call %.3f s (%s at %.1f s)" % (
        w.max_latency, w.slowest[0], w.slowest[1])


@pytest.mark.parametrize("kind", ["cli", "yaml"])
def test_uris_without_tcp_address_are_kept_and_do_not_stop_the_cleaner(runs, kind):
    U.require_labns("Pyro5's cleaner dies on such entries (bug B3)")
    srv, w, entries = finished(runs, kind)
    with Pyro5.api.Proxy(srv.uri) as p:
        listed = p.list()
    for name, uri in B3_ENTRIES.items():
        assert name not in w.gone, (name, w.gone)
        assert str(listed[name]) == uri
    # registered before the dead one, yet the dead one was still removed
    assert "ac.dead" in w.gone


def test_autoclean_removals_are_stored(runs, fresh_server):
    """Runs last: the store of the `--autoclean` server, restarted without autoclean, holds the
    registry as autoclean left it."""
    srv, w, entries = finished(runs, "cli")
    store = runs["cli"].store
    srv.signal(signal.SIGTERM)
    srv.wait(10)
    again = fresh_server(labns_args=["--storage", "lmdb:" + store], env_extra=runs["cli"].env,
                         python_args=["-s", "sql:%s.sqlite" % store])
    with Pyro5.api.Proxy(again.uri) as p:
        listed = p.list()
    assert "ac.dead" not in listed and "ac.dead.byname" not in listed, listed
    for name in ("ac.live", "ac.live.byname") + (tuple(B3_ENTRIES) if U.IS_LABNS else ()):
        assert str(listed[name]) == entries[name]


@pytest.mark.labns_only("labns autoclean settings")
def test_autoclean_below_three_seconds_is_refused(labns_home):
    port = U.free_port()
    rc, out, err = labns_home.run("start", "-n", U.HOST, "-p", str(port), "--autoclean", "2")
    assert rc != 0
    lines = U.error_lines(err)
    assert len(lines) == 1 and "3" in lines[0], err
    path = labns_home.write("ac.yml", yaml_config(port).replace("ns_autoclean: 3", "ns_autoclean: 2.5"))
    rc, out, err = labns_home.run("start", "--config", path)
    assert rc != 0
    lines = U.error_lines(err)
    assert len(lines) == 1 and "ns_autoclean" in lines[0] and "line 5" in lines[0], err
    assert not U.tcp_accepts(U.HOST, port)
