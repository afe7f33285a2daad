"""pytest fixtures for the labns interop suite.

LABNS_TARGET=labns (default) starts $LABNS_BIN; LABNS_TARGET=python starts `python -m
Pyro5.nameserver` from the venv instead, and tests marked ``labns_only`` are skipped.
"""

import contextlib
import os
import signal

import pytest

# Client-side Pyro config must be clean before Pyro5 is imported (an unknown PYRO_* variable makes
# Pyro refuse to import; run.sh already unsets them, this covers a direct pytest run).
for _k in [k for k in os.environ if k.startswith("PYRO_")]:
    del os.environ[_k]

import Pyro5                      # noqa: E402
import Pyro5.api                  # noqa: E402
import Pyro5.errors               # noqa: E402

import interop_util as U          # noqa: E402

assert Pyro5.__version__ == "5.17", "the interop suite needs Pyro5 5.17, found %s" % Pyro5.__version__

DEFAULT_TEST_TIMEOUT = 60        # seconds per test (SIGALRM), override with @pytest.mark.timeout(n)


def pytest_configure(config):
    config.addinivalue_line("markers", "labns_only(reason): checks labns-only behaviour; skipped for LABNS_TARGET=python")
    config.addinivalue_line("markers", "timeout(seconds): per-test time limit (default %d s)" % DEFAULT_TEST_TIMEOUT)


def pytest_report_header(config):
    if U.IS_LABNS:
        return "interop target: labns (%s)" % U.LABNS_BIN
    return "interop target: python reference (python -m Pyro5.nameserver, Pyro5 %s)" % Pyro5.__version__


def pytest_collection_modifyitems(config, items):
    if U.IS_LABNS:
        return
    for item in items:
        m = item.get_closest_marker("labns_only")
        if m is not None:
            reason = m.args[0] if m.args else "labns-only behaviour"
            item.add_marker(pytest.mark.skip(reason="labns only: " + reason))


class _TestTimeout(Exception):
    pass


@pytest.fixture(autouse=True)
def _time_limit(request):
    m = request.node.get_closest_marker("timeout")
    limit = int(m.args[0]) if m else DEFAULT_TEST_TIMEOUT

    def on_alarm(signum, frame):
        raise _TestTimeout("test exceeded its %d s time limit" % limit)

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(limit)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(autouse=True)
def _no_reverse_dns(monkeypatch):
    """locate_ns() without a host probes 127.0.1.1 with socket.gethostbyaddr(), which would ask the
    machine's DNS server (not loopback). Make it fail at once, as on a machine without that entry."""
    import socket

    def no_lookup(addr):
        raise socket.herror(1, "reverse lookups are disabled in the interop tests")
    monkeypatch.setattr(socket, "gethostbyaddr", no_lookup)


_CONFIG_ITEMS = ("SERIALIZER", "COMPRESSION", "NS_HOST", "NS_PORT", "NS_BCPORT", "BROADCAST_ADDRS",
                 "COMMTIMEOUT", "PREFER_IP_VERSION", "MAX_RETRIES", "NS_LOOKUP_DELAY")


@pytest.fixture(autouse=True)
def _client_config():
    """Safe client defaults for every test, restored afterwards: no network beyond loopback (the
    broadcast address list only names 127.0.0.1) and a communication timeout so a hanging server
    fails a test instead of blocking it."""
    saved = {k: getattr(Pyro5.config, k) for k in _CONFIG_ITEMS}
    Pyro5.config.SERIALIZER = "serpent"
    Pyro5.config.COMPRESSION = False
    Pyro5.config.BROADCAST_ADDRS = ["127.0.0.1"]
    Pyro5.config.NS_HOST = U.HOST
    Pyro5.config.COMMTIMEOUT = 10.0
    try:
        yield
    finally:
        for k, v in saved.items():
            setattr(Pyro5.config, k, v)


# ------------------------------------------------------------------------------------------------
# servers

# Set when the default server could not be started at all: later tests then fail at once instead
# of each waiting for the start-up timeout (keeps a broken binary's run short).
_BROKEN_START = []


def _start(**kw):
    if _BROKEN_START:
        pytest.fail("not started: the name server failed to start earlier in this run:\n" + _BROKEN_START[0])
    return U.start_server(**kw)


class ServerHolder:
    """Keeps one default server for a module; restarts it when it died or its registry could not
    be reset to the pristine state (only the Pyro.NameServer entry with its class tag)."""

    def __init__(self):
        self.srv = None

    def get(self):
        if self.srv is not None and not self.srv.alive():
            died = self.srv.describe()
            self.srv.stop()
            self.srv = None
            pytest.fail("the name server died during an earlier test\n" + died)
        if self.srv is None:
            try:
                self.srv = _start()
            except U.ServerStartError as x:
                _BROKEN_START.append(str(x))
                raise
        return self.srv

    def reset(self):
        srv = self.srv
        if srv is None:
            return
        ok = False
        if srv.alive():
            with contextlib.suppress(Exception):
                ok = reset_registry(srv)
        if not ok:
            srv.stop()
            self.srv = None

    def stop(self):
        if self.srv is not None:
            self.srv.stop()
            self.srv = None


def reset_registry(srv):
    """Remove every entry but Pyro.NameServer and restore its tag; True when the registry is pristine."""
    p = Pyro5.api.Proxy(srv.uri)
    p._pyroSerializer = "serpent"
    p._pyroTimeout = 5
    with p:
        p.remove(regex=".*")
        uri, tags = p.lookup(U.NS_NAME, return_metadata=True)
        if set(tags) != {U.NS_TAG}:
            p.set_metadata(U.NS_NAME, {U.NS_TAG})
        uri, tags = p.lookup(U.NS_NAME, return_metadata=True)
        return p.count() == 1 and str(uri) == srv.uri and set(tags) == {U.NS_TAG}


@pytest.fixture(scope="module")
def server_holder():
    h = ServerHolder()
    yield h
    h.stop()


@pytest.fixture
def server(server_holder):
    """The module's default name server on 127.0.0.1 (registry pristine at the start of each test)."""
    srv = server_holder.get()
    yield srv
    alive = srv.alive()
    server_holder.reset()
    if not alive:
        pytest.fail("the name server died during this test\n" + srv.describe())


@pytest.fixture
def fresh_server():
    """A server started just for this test. Call it with keyword args of interop_util.start_server."""
    started = []

    def start(**kw):
        srv = _start(**kw)
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture(params=U.SERIALIZERS)
def serializer(request):
    """Parametrizes a test over the four serializers; the in-process client uses it."""
    Pyro5.config.SERIALIZER = request.param
    return request.param


@pytest.fixture
def ns(server, serializer):
    """A bound NameServer proxy (via locate_ns) using the test's serializer."""
    p = Pyro5.api.locate_ns(host=server.host, port=server.port)
    with p:
        yield p


@pytest.fixture
def labns_home():
    """A scratch configuration/data area (interop_util.LabnsHome), removed after the test."""
    home = U.LabnsHome()
    yield home
    home.cleanup()
