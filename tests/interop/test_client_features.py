"""Client-side features of Pyro5 5.17 against the name server: locate_ns, BatchProxy, PYRONAME /
PYROMETA resolution, compression, pings, the Pyro.Daemon object, reconnects, IPv6."""

import pytest
import Pyro5.api
import Pyro5.core
import Pyro5.errors
from Pyro5.callcontext import current_context
from Pyro5.errors import NamingError, DaemonError, PyroError, CommunicationError

import interop_util as U


def uri(n):
    return "PYRO:obj_%s@127.0.0.1:%d" % (n, 50000 + n)


# ------------------------------------------------------------------------------------------------
# locate_ns

def test_locate_ns_host_port(server, serializer):
    ns = Pyro5.api.locate_ns(host=U.HOST, port=server.port)
    with ns:
        assert str(ns._pyroUri) == server.uri
        assert ns._pyroConnection is not None           # locate_ns with a host binds immediately
        assert ns.count() == 1
        assert ns.ping() is None


def test_locate_ns_wrong_port_fails(server):
    dead = U.free_port()
    with pytest.raises(NamingError) as info:
        Pyro5.api.locate_ns(host=U.HOST, port=dead)
    assert str(info.value) == "Failed to locate the nameserver"


def test_locate_ns_without_host_uses_ns_host_and_port(server):
    """M56: locate_ns() finds a NS listening on NS_HOST:NS_PORT directly (step 1, no broadcast).
    (Its '127.0.1.1' reverse-lookup probe is disabled by conftest: no DNS traffic.)"""
    Pyro5.config.NS_HOST = U.HOST
    Pyro5.config.NS_PORT = server.port
    Pyro5.config.NS_BCPORT = U.free_port(kind=__import__("socket").SOCK_DGRAM)   # nothing answers there
    ns = Pyro5.api.locate_ns()
    with ns:
        assert str(ns._pyroUri) == server.uri
        assert ns._pyroConnection is not None           # found by the direct try, which binds
        assert ns.count() == 1
    # with an explicit port argument, step 1 uses it as the TCP port
    Pyro5.config.NS_PORT = U.free_port()
    with Pyro5.api.locate_ns(port=server.port) as ns:
        assert str(ns._pyroUri) == server.uri and ns.count() == 1


# ------------------------------------------------------------------------------------------------
# BatchProxy

def _skip_marshal_batch(serializer):
    if serializer == "marshal":
        pytest.skip("the Pyro5 marshal client cannot send batches (client-side crash on the None kwargs)")


def test_batch(ns, server, serializer):
    _skip_marshal_batch(serializer)
    b = Pyro5.api.BatchProxy(ns)
    assert b.count() is None                      # calls are only recorded
    b.lookup(U.NS_NAME)
    b.register("test.b1", uri(1), metadata=["t1"])
    b.list(prefix="test.")
    b.yplookup(meta_all=["t1"], return_metadata=False)
    b.remove("test.nothing")
    b.ping()
    results = list(b())
    assert len(results) == 7
    assert results[0] == 1
    assert isinstance(results[1], Pyro5.core.URI) and str(results[1]) == server.uri
    assert results[2:] == [None, {"test.b1": uri(1)}, {"test.b1": uri(1)}, 0, None]
    assert ns.count() == 2


def test_batch_exception_in_the_middle(ns, serializer):
    _skip_marshal_batch(serializer)
    b = Pyro5.api.BatchProxy(ns)
    b.register("test.before", uri(1))
    b.count()
    b.lookup("no.such.name")
    b.register("test.after", uri(2))                 # never executed
    gen = b()
    assert next(gen) is None
    assert next(gen) == 2
    with pytest.raises(NamingError) as info:
        next(gen)
    assert str(info.value) == "unknown name: no.such.name"
    assert ns.list(prefix="test.") == {"test.before": uri(1)}


def test_batch_unknown_method_raises_and_keeps_earlier_calls(ns, serializer):
    _skip_marshal_batch(serializer)
    b = Pyro5.api.BatchProxy(ns)
    b.register("test.before", uri(1))
    b.no_such_method()
    b.register("test.after", uri(2))
    with pytest.raises(AttributeError) as info:
        list(b())
    assert "no_such_method" in str(info.value)
    assert ns.list(prefix="test.") == {"test.before": uri(1)}
    assert ns.count() == 2


def test_batch_oneway(ns, serializer):
    _skip_marshal_batch(serializer)
    b = Pyro5.api.BatchProxy(ns)
    b.register("test.ow1", uri(1))
    b.register("test.ow2", uri(2))
    b.lookup("no.such")          # error swallowed, stops the batch
    b.register("test.ow3", uri(3))
    assert b(oneway=True) is None
    import time
    deadline = time.monotonic() + 5
    while ns.count() < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ns.list(prefix="test.") == {"test.ow1": uri(1), "test.ow2": uri(2)}


def test_marshal_client_cannot_send_batches(ns, serializer):
    """Documents the client-side limitation the batch tests skip for."""
    if serializer != "marshal":
        pytest.skip("marshal only")
    b = Pyro5.api.BatchProxy(ns)
    b.count()
    with pytest.raises(AttributeError):
        list(b())


# ------------------------------------------------------------------------------------------------
# PYRONAME / PYROMETA

def test_resolve_pyroname(server, serializer):
    u = Pyro5.api.resolve("PYRONAME:%s@%s" % (U.NS_NAME, server.location))
    assert isinstance(u, Pyro5.core.URI) and str(u) == server.uri
    with pytest.raises(NamingError) as info:
        Pyro5.api.resolve("PYRONAME:no.such.name@%s" % server.location)
    assert str(info.value) == "unknown name: no.such.name"


def test_pyroname_proxy_end_to_end(ns, server, serializer):
    ns.register("test.alias_of_ns", server.uri)
    with Pyro5.api.Proxy("PYRONAME:test.alias_of_ns@%s" % server.location) as p:
        assert p.count() == 2                              # the proxy resolved, connected and called
    with Pyro5.api.Proxy("PYRONAME:test.alias_of_ns@%s" % server.location) as p:
        p._pyroBind()
        assert str(p._pyroUri) == server.uri               # bound to the resolved PYRO uri
    with Pyro5.api.Proxy("PYRONAME:test.alias_of_ns@%s" % server.location) as p:
        assert p.lookup("test.alias_of_ns").object == U.NS_NAME


def test_resolve_pyrometa(ns, server, serializer):
    assert str(Pyro5.api.resolve("PYROMETA:%s@%s" % (U.NS_TAG, server.location))) == server.uri
    ns.register("test.meta1", uri(1), metadata={"color", "printer"})
    ns.register("test.meta2", uri(2), metadata={"printer"})
    assert str(Pyro5.api.resolve("PYROMETA:printer,color@%s" % server.location)) == uri(1)
    assert str(Pyro5.api.resolve("PYROMETA:color@%s" % server.location)) == uri(1)
    picks = {str(Pyro5.api.resolve("PYROMETA:printer@%s" % server.location)) for _ in range(30)}
    assert picks <= {uri(1), uri(2)} and picks
    with pytest.raises(NamingError) as info:
        Pyro5.api.resolve("PYROMETA:nothing-has-this@%s" % server.location)
    assert str(info.value).startswith("no registrations available with desired metadata properties")


def test_pyrometa_proxy_end_to_end(ns, server, serializer):
    with Pyro5.api.Proxy("PYROMETA:%s@%s" % (U.NS_TAG, server.location)) as p:
        assert p.count() == 1
    with Pyro5.api.Proxy("PYROMETA:%s@%s" % (U.NS_TAG, server.location)) as p:
        p._pyroBind()
        assert str(p._pyroUri) == server.uri


# ------------------------------------------------------------------------------------------------
# compression

def test_client_compression_large_payloads(server, serializer):
    Pyro5.config.COMPRESSION = True
    ns = Pyro5.api.locate_ns(host=U.HOST, port=server.port)
    with ns:
        names = ["test.compressed.%03d." % i + "x" * 300 for i in range(20)]
        tags = {"tag-%03d-" % i + "y" * 100 for i in range(20)}
        for i, n in enumerate(names):
            ns.register(n, uri(i), metadata=tags)
        assert ns.list(prefix="test.compressed.") == {n: uri(i) for i, n in enumerate(names)}
        res = ns.yplookup(meta_all=sorted(tags)[:3])
        assert set(res) == set(names) and all(set(v[1]) == tags for v in res.values())
        assert ns.remove(prefix="test.compressed.") == 20
        assert ns.count() == 1


# ------------------------------------------------------------------------------------------------
# the Pyro.Daemon object

def test_daemon_object(server, serializer):
    with Pyro5.api.Proxy("PYRO:Pyro.Daemon@%s" % server.location) as d:
        d._pyroBind()
        assert set(d._pyroMethods) == U.DAEMON_METHODS
        assert d.ping() is None
        assert sorted(d.registered()) == ["Pyro.Daemon", U.NS_NAME]
        meta = d.get_metadata(U.NS_NAME)
        assert set(meta) == {"methods", "oneway", "attrs"}
        assert set(meta["methods"]) == U.NS_METHODS and not meta["oneway"] and not meta["attrs"]
        assert set(d.get_metadata("Pyro.Daemon")["methods"]) == U.DAEMON_METHODS
        with pytest.raises(DaemonError) as info:
            d.get_metadata("nope")
        assert str(info.value) == "unknown object"
        info_text = d.info()
        assert isinstance(info_text, str) and info_text
        with pytest.raises(PyroError) as info:
            d.get_next_stream_item("abc")
        assert type(info.value) is PyroError and str(info.value) == "item stream terminated"
        assert d.close_stream("abc") is None
        assert d.ping() is None


def test_unknown_object_proxy_rejected(server, serializer):
    p = Pyro5.api.Proxy("PYRO:No.Such.Object@%s" % server.location)
    with pytest.raises(CommunicationError) as info:
        p._pyroBind()
    assert str(info.value) == "connection to ('127.0.0.1', %d) rejected: unknown object" % server.port


# ------------------------------------------------------------------------------------------------
# misc client behaviour

def test_custom_handshake_and_context(server, serializer):
    import uuid
    p = Pyro5.api.Proxy(server.uri)
    p._pyroHandshake = {"token": "abc", "n": 1}
    with p:
        assert p.count() == 1
        current_context.correlation_id = uuid.UUID("01234567-89ab-cdef-0123-456789abcdef")
        current_context.annotations = {"TEST": b"hello", "XYZ1": b""}
        try:
            assert p.count() == 1
            assert current_context.response_annotations == {}
        finally:
            current_context.correlation_id = None
            current_context.annotations = {}


def test_release_and_reconnect(ns):
    ns.register("test.r", uri(1))
    ns._pyroRelease()
    assert ns._pyroConnection is None
    assert str(ns.lookup("test.r")) == uri(1)      # reconnects transparently (CONNECT with non-zero seq)
    assert ns._pyroConnection is not None


def test_serializer_switch_on_one_proxy(server):
    with Pyro5.api.Proxy(server.uri) as p:
        p._pyroBind()
        conn = p._pyroConnection
        for round_ in (1, 2):
            for i, sname in enumerate(U.SERIALIZERS, start=1):
                p._pyroSerializer = sname
                p.register("test.%s" % sname, uri(round_), metadata=[sname])
                assert p.count() == 1 + (4 if round_ == 2 else i)
                assert str(p.lookup("test.%s" % sname)) == uri(round_)
        assert p._pyroConnection is conn                   # one connection, four serializers
        assert p.yplookup(meta_any=list(U.SERIALIZERS), return_metadata=False) == {
            "test.%s" % s: uri(2) for s in U.SERIALIZERS}


def test_many_short_lived_locate_ns_proxies(server):
    """PyroLab style: lots of locate_ns() proxies, each used once and closed."""
    for i in range(100):
        with Pyro5.api.locate_ns(host=U.HOST, port=server.port) as ns:
            ns.register("test.s%d" % i, uri(i))
    with Pyro5.api.locate_ns(host=U.HOST, port=server.port) as ns:
        assert ns.count() == 101


@pytest.mark.skipif(not U.has_ipv6_loopback(), reason="no ::1 on this machine")
def test_ipv6_loopback(fresh_server, serializer):
    srv = fresh_server(host="::1")
    assert srv.uri == "PYRO:Pyro.NameServer@[::1]:%d" % srv.port
    with Pyro5.api.locate_ns(host="::1", port=srv.port) as ns:
        assert ns.count() == 1
        u = ns.lookup(U.NS_NAME)
        assert (u.host, u.port) == ("::1", srv.port)
        assert str(u) == srv.uri
        ns.register("test.v6", "PYRO:x@[::1]:1")
        assert ns.list(prefix="test.") == {"test.v6": "PYRO:x@[::1]:1"}
    assert str(Pyro5.api.resolve("PYRONAME:test.v6@[::1]:%d" % srv.port)) == "PYRO:x@[::1]:1"
