"""Every Pyro.NameServer method through the real Pyro5 5.17 client, once per serializer.

Expected values are what `python -m Pyro5.nameserver` (Pyro5 5.17) returns, except where labns fixes
a Python bug (B1, B2 in section 19 of the wire reference) or protects the Pyro.NameServer entry;
those cases are labns-only and skipped for LABNS_TARGET=python.
"""

import threading

import pytest
import Pyro5.api
import Pyro5.core
import Pyro5.errors
from Pyro5.errors import NamingError, PyroError, DaemonError

import interop_util as U
from interop_util import require_labns


def exc(cls, message=None):
    """pytest.raises for exactly this class (not a subclass); checks the message when given."""
    class _Ctx:
        def __enter__(self):
            self.cm = pytest.raises(BaseException)
            self.info = self.cm.__enter__()
            return self.info

        def __exit__(self, et, ev, tb):
            handled = self.cm.__exit__(et, ev, tb)
            got = self.info.value
            assert type(got) is cls, "expected %s, got %s: %s" % (cls.__name__, type(got).__name__, got)
            if message is not None:
                assert str(got) == message
            return handled
    return _Ctx()


def meta_dict(d):
    """{name: (uri, tags)} with any sequence/set type for the pair and the tags -> (str, frozenset)."""
    out = {}
    for k, v in d.items():
        assert len(v) == 2, v
        out[k] = (v[0], frozenset(v[1]))
    return out


def uri(n):
    return "PYRO:obj_%s@127.0.0.1:%d" % (n, 50000 + n)


def ns_entry(server):
    return (server.uri, frozenset({U.NS_TAG}))


def populate(ns):
    """The registry used by the list/yplookup/remove tests."""
    ns.register("test.plain", uri(1))                                          # no tags (metadata None)
    ns.register("test.meta", uri(2), metadata={"printer", "class:demo.Printer"})
    ns.register("test.storage", uri(3), metadata=["storage", "printer.color"])
    ns.register("test.emptymeta", uri(4), metadata=[])                          # empty set, not None
    ns.register("Test.upper", uri(5), metadata=("printer",))
    ns.register("other.thing", uri(6), metadata={"storage"})


# ------------------------------------------------------------------------------------------------
# handshake, ping, count, lookup

def test_handshake_metadata(ns):
    ns._pyroBind()
    assert set(ns._pyroMethods) == U.NS_METHODS
    assert set(ns._pyroOneway) == set()
    assert set(ns._pyroAttrs) == set()


def test_ping_returns_none(ns):
    assert ns.ping() is None


def test_count_fresh_is_one(ns):
    assert ns.count() == 1


def test_lookup_self(ns, server):
    u = ns.lookup(U.NS_NAME)
    assert isinstance(u, Pyro5.core.URI)
    assert (u.protocol, u.object, u.host, u.port, u.sockname) == ("PYRO", U.NS_NAME, server.host, server.port, None)
    assert str(u) == server.uri


def test_lookup_self_return_metadata(ns, server, serializer):
    if serializer == "marshal":
        require_labns("bug B2: Python's NS cannot marshal the (URI, set) result (ValueError: unmarshallable object)")
    res = ns.lookup(U.NS_NAME, return_metadata=True)
    assert len(res) == 2
    u, tags = res
    assert isinstance(u, Pyro5.core.URI) and str(u) == server.uri
    assert set(tags) == {U.NS_TAG}


def test_lookup_untagged_return_metadata_gives_empty_tags(ns, serializer):
    if serializer == "marshal":
        require_labns("bug B2 (marshal lookup with return_metadata)")
    ns.register("test.plain", uri(1))
    u, tags = ns.lookup("test.plain", return_metadata=True)
    assert str(u) == uri(1)
    assert set(tags) == set()


def test_lookup_unknown(ns):
    with exc(NamingError, "unknown name: no.such.name"):
        ns.lookup("no.such.name")
    with exc(NamingError, "unknown name: no.such.name"):
        ns.lookup("no.such.name", return_metadata=True)


def test_lookup_is_case_sensitive(ns):
    ns.register("test.Case", uri(1))
    assert str(ns.lookup("test.Case")) == uri(1)
    with exc(NamingError, "unknown name: test.case"):
        ns.lookup("test.case")


def test_marshal_lookup_return_metadata_reference_bug_b2(ns, serializer):
    """Documents B2 on the reference (labns fixes it, see test_lookup_self_return_metadata)."""
    if serializer != "marshal" or U.IS_LABNS:
        pytest.skip("only meaningful for the Python reference with marshal")
    with exc(ValueError, "unmarshallable object"):
        ns.lookup(U.NS_NAME, return_metadata=True)
    assert ns.count() == 1          # connection stays usable


# ------------------------------------------------------------------------------------------------
# register

def test_register_returns_none_and_lookup(ns):
    assert ns.register("test.plain", uri(1)) is None
    u = ns.lookup("test.plain")
    assert (u.protocol, u.object, u.host, u.port) == ("PYRO", "obj_1", "127.0.0.1", 50001)
    assert ns.count() == 2


def test_register_string_stored_verbatim_lookup_normalized(ns):
    ns.register("test.lower", "pyro:obj_lower@127.0.0.1:0012")
    assert ns.list(prefix="test.lower") == {"test.lower": "pyro:obj_lower@127.0.0.1:0012"}
    u = ns.lookup("test.lower")
    assert u.protocol == "PYRO" and u.port == 12
    assert str(u) == "PYRO:obj_lower@127.0.0.1:12"


def test_register_uri_object_stores_string_form(ns):
    ns.register("test.uriobj", Pyro5.core.URI("pyro:obj_uri@127.0.0.1:50002"))
    assert ns.list(prefix="test.uriobj") == {"test.uriobj": "PYRO:obj_uri@127.0.0.1:50002"}
    assert str(ns.lookup("test.uriobj")) == "PYRO:obj_uri@127.0.0.1:50002"


def test_register_ipv6_uri(ns):
    ns.register("test.v6", "PYRO:obj6@[::1]:5000")
    u = ns.lookup("test.v6")
    assert (u.host, u.port) == ("::1", 5000)
    assert str(u) == "PYRO:obj6@[::1]:5000"


def test_register_overwrites_silently_keeps_count(ns):
    ns.register("test.plain", uri(1), metadata={"a"})
    assert ns.register("test.plain", uri(2)) is None
    assert str(ns.lookup("test.plain")) == uri(2)
    assert ns.count() == 2
    assert ns.yplookup(meta_any={"a"}) == {}        # overwrite replaced the tags too


def test_register_safe(ns):
    ns.register("test.plain", uri(1))
    with exc(NamingError, "name already registered: test.plain"):
        ns.register("test.plain", uri(2), safe=True)
    assert str(ns.lookup("test.plain")) == uri(1)
    assert ns.register("test.safe", uri(3), safe=True) is None
    assert str(ns.lookup("test.safe")) == uri(3)


@pytest.mark.parametrize("bad, message", [
    ("not-a-uri", "invalid uri"),
    ("PYROX:obj@127.0.0.1:1", "invalid uri (protocol)"),
    ("PYRO:obj@127.0.0.1:abc", "invalid port in uri, port=abc"),
    ("PYRO:obj", "invalid uri"),
    ("PYRO:obj@127.0.0.1", "invalid port in uri, port=None"),
    ("PYRO:obj@[[::1]]:1", "invalid ipv6 address: enclosed in too many brackets"),
    (" PYRO:obj@127.0.0.1:1", "invalid uri"),
])
def test_register_invalid_uri_string(ns, bad, message):
    with exc(PyroError, message):
        ns.register("test.bad", bad)
    assert ns.count() == 1


def test_register_pyroname_and_pyrometa_uris(ns):
    ns.register("test.alias", "PYRONAME:test.plain")
    u = ns.lookup("test.alias")
    assert (u.protocol, u.object, u.host, u.port) == ("PYRONAME", "test.plain", None, None)
    ns.register("test.meta_alias", "PYROMETA:tag1@127.0.0.1:9999")
    u = ns.lookup("test.meta_alias")
    assert u.protocol == "PYROMETA" and set(u.object) == {"tag1"} and (u.host, u.port) == ("127.0.0.1", 9999)


def test_register_type_errors(ns):
    with exc(TypeError, "name must be a str"):
        ns.register(123, uri(1))
    with exc(TypeError, "only URIs or strings can be registered"):
        ns.register("test.bad", 123)
    with exc(TypeError, "only URIs or strings can be registered"):
        ns.register("test.bad", None)
    with exc(TypeError, "metadata should not be a str, but another iterable (set, list, etc)"):
        ns.register("test.bad", uri(1), metadata="abc")
    assert ns.count() == 1


def test_register_uri_checked_before_name(ns):
    # Python checks the uri first: a bad uri with a non-str name reports the uri problem
    with exc(TypeError, "only URIs or strings can be registered"):
        ns.register(123, 456)
    with exc(PyroError, "invalid uri"):
        ns.register(123, "nonsense")


@pytest.mark.parametrize("metadata, expected", [
    ({"printer", "class:demo.Printer"}, {"printer", "class:demo.Printer"}),
    (["storage", "printer.color", "storage"], {"storage", "printer.color"}),
    (("t1",), {"t1"}),
    ([], set()),
    (None, set()),
])
def test_register_metadata_forms(ns, metadata, expected):
    ns.register("test.m", uri(1), metadata=metadata)
    if expected:
        assert meta_dict(ns.yplookup(meta_all=sorted(expected))) == {"test.m": (uri(1), frozenset(expected))}
    else:
        assert ns.yplookup(meta_any=["printer", "storage", "t1"]) == {}
    if metadata is not None:
        # a stored (possibly empty) set serializes in every serializer, even in Python 5.17
        assert meta_dict(ns.list(prefix="test.m", return_metadata=True)) == {"test.m": (uri(1), frozenset(expected))}


def test_unicode_and_long_names_roundtrip(ns):
    name = "test.ünïcødé.\u2603.\U0001F600"
    tag = "tag-é-\U0001F600"
    ns.register(name, uri(7), metadata=[tag])
    long_name = "test.long." + "x" * 2000
    ns.register(long_name, uri(8))
    assert str(ns.lookup(name)) == uri(7)
    assert str(ns.lookup(long_name)) == uri(8)
    assert meta_dict(ns.yplookup(meta_all=[tag])) == {name: (uri(7), frozenset({tag}))}
    assert set(ns.list(prefix="test.")) == {name, long_name}
    quote_name = "test.it's \"quoted\" \\ back\tslash\n"
    ns.register(quote_name, uri(9))
    assert ns.list(prefix="test.it") == {quote_name: uri(9)}


def test_many_entries(ns, server):
    names = ["test.n%03d" % i for i in range(300)]
    for i, n in enumerate(names):
        ns.register(n, uri(i), metadata={"bulk", "n%d" % (i % 3)})
    assert ns.count() == 301
    everything = ns.list()
    assert len(everything) == 301
    assert everything[U.NS_NAME] == server.uri
    assert all(everything[n] == uri(i) for i, n in enumerate(names))
    assert len(ns.yplookup(meta_all=["bulk", "n1"])) == 100
    assert ns.remove(prefix="test.n") == 300
    assert ns.count() == 1


def test_concurrent_registrations_are_atomic(server, serializer):
    """M49: 8 clients register 25 names each at the same time; nothing is lost."""
    errors = []

    def worker(w):
        try:
            with Pyro5.api.Proxy(server.uri) as p:
                p._pyroSerializer = serializer
                for i in range(25):
                    p.register("test.w%d.%d" % (w, i), uri(i), metadata={"w%d" % w})
        except Exception as x:          # collected and asserted below
            errors.append(x)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    with Pyro5.api.Proxy(server.uri) as p:
        assert p.count() == 1 + 8 * 25
        assert all(len(p.yplookup(meta_all=["w%d" % w], return_metadata=False)) == 25 for w in range(8))


# ------------------------------------------------------------------------------------------------
# list

def test_list_all_strings(ns, server):
    populate(ns)
    assert ns.list() == {
        U.NS_NAME: server.uri, "test.plain": uri(1), "test.meta": uri(2), "test.storage": uri(3),
        "test.emptymeta": uri(4), "Test.upper": uri(5), "other.thing": uri(6)}


def test_list_prefix_is_case_sensitive_startswith(ns):
    populate(ns)
    assert ns.list(prefix="test.") == {"test.plain": uri(1), "test.meta": uri(2), "test.storage": uri(3),
                                       "test.emptymeta": uri(4)}
    assert ns.list(prefix="Test.") == {"Test.upper": uri(5)}
    assert ns.list(prefix="test.s") == {"test.storage": uri(3)}
    assert ns.list(prefix="nothing") == {}
    assert ns.list(prefix="test.plain") == {"test.plain": uri(1)}
    # '.' and '%' are literal characters in a prefix, not wildcards
    assert ns.list(prefix="test_") == {}
    assert ns.list(prefix="test%") == {}


def test_list_regex_match_is_anchored_at_start_only(ns):
    populate(ns)
    assert ns.list(regex=r"test\.(plain|meta)") == {"test.plain": uri(1), "test.meta": uri(2)}
    assert ns.list(regex="plain") == {}                      # re.match: not a search
    assert set(ns.list(regex="test")) == {"test.plain", "test.meta", "test.storage", "test.emptymeta"}
    assert ns.list(regex=r"test\.plain$") == {"test.plain": uri(1)}
    assert ns.list(regex=r"test\.(s|e).*a") == {"test.storage": uri(3), "test.emptymeta": uri(4)}
    assert set(ns.list(regex="(?i)test")) == {"test.plain", "test.meta", "test.storage", "test.emptymeta", "Test.upper"}
    assert set(ns.list(regex=".*thing|Pyro")) == {"other.thing", U.NS_NAME}
    assert ns.list(regex=r"[a-z]+\.[a-z]+\d") == {}


def test_list_prefix_and_regex_is_value_error(ns):
    with exc(ValueError, "you can only filter on one thing at a time"):
        ns.list(prefix="a", regex="b")


def test_list_bad_regex(ns):
    with exc(NamingError) as info:
        ns.list(regex="(")
    assert str(info.value).startswith("invalid regex: ")
    with exc(NamingError) as info:
        ns.list(regex="[z-a]")
    assert str(info.value).startswith("invalid regex: ")


def test_list_return_metadata_tagged_entries(ns):
    populate(ns)
    res = meta_dict(ns.list(regex=r"test\.(meta|storage|emptymeta)", return_metadata=True))
    assert res == {
        "test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"})),
        "test.storage": (uri(3), frozenset({"storage", "printer.color"})),
        "test.emptymeta": (uri(4), frozenset()),
    }


def test_list_all_return_metadata_with_untagged_entries(ns, server, serializer):
    if serializer in ("json", "msgpack"):
        require_labns("bug B1: Python cannot serialize the frozenset of untagged entries with %s" % serializer)
    populate(ns)
    res = meta_dict(ns.list(return_metadata=True))
    assert res == {
        U.NS_NAME: ns_entry(server),
        "test.plain": (uri(1), frozenset()),
        "test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"})),
        "test.storage": (uri(3), frozenset({"storage", "printer.color"})),
        "test.emptymeta": (uri(4), frozenset()),
        "Test.upper": (uri(5), frozenset({"printer"})),
        "other.thing": (uri(6), frozenset({"storage"})),
    }
    # and the connection is still fine afterwards
    assert ns.count() == 7


def test_list_after_set_metadata_none(ns, serializer):
    if serializer in ("json", "msgpack"):
        require_labns("bug B1: set_metadata(name, None) stores a frozenset Python cannot serialize with %s" % serializer)
    ns.register("test.x", uri(1), metadata={"a"})
    ns.set_metadata("test.x", None)
    assert meta_dict(ns.list(prefix="test.x", return_metadata=True)) == {"test.x": (uri(1), frozenset())}


@pytest.mark.parametrize("serializer", ["json", "msgpack"], indirect=True)
def test_reference_bug_b1_documented(ns):
    """Documents B1 on the reference: SerializeError and the connection is dropped (labns fixes it)."""
    if U.IS_LABNS:
        pytest.skip("documents the Python reference's bug B1")
    ns.register("test.plain", uri(1))
    with exc(Pyro5.errors.SerializeError):
        ns.list(return_metadata=True)


def test_list_order_is_insertion_order(ns, server):
    for n in ("test.c", "test.a", "test.b"):
        ns.register(n, uri(1))
    ns.register("test.a", uri(2))          # overwriting keeps the position
    assert list(ns.list()) == [U.NS_NAME, "test.c", "test.a", "test.b"]


# ------------------------------------------------------------------------------------------------
# yplookup

def test_yplookup_meta_all(ns):
    populate(ns)
    assert meta_dict(ns.yplookup(meta_all={"printer"})) == {
        "test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"})),
        "Test.upper": (uri(5), frozenset({"printer"})),
    }
    assert meta_dict(ns.yplookup(meta_all=["printer", "class:demo.Printer"])) == {
        "test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"}))}
    assert ns.yplookup(meta_all=["printer", "storage"]) == {}
    assert ns.yplookup(meta_all=["print"]) == {}         # whole tags only


def test_yplookup_return_metadata_false(ns):
    populate(ns)
    assert ns.yplookup(meta_all=["printer", "class:demo.Printer"], return_metadata=False) == {"test.meta": uri(2)}
    assert ns.yplookup(meta_any=("storage",), return_metadata=False) == {"test.storage": uri(3), "other.thing": uri(6)}


def test_yplookup_meta_any(ns):
    populate(ns)
    assert meta_dict(ns.yplookup(meta_any={"printer", "storage", "absent"})) == {
        "test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"})),
        "test.storage": (uri(3), frozenset({"storage", "printer.color"})),
        "Test.upper": (uri(5), frozenset({"printer"})),
        "other.thing": (uri(6), frozenset({"storage"})),
    }
    assert ns.yplookup(meta_any=["absent"]) == {}


def test_yplookup_ns_class_tag(ns, server):
    assert meta_dict(ns.yplookup(meta_any=[U.NS_TAG])) == {U.NS_NAME: ns_entry(server)}
    assert ns.yplookup(meta_all=[U.NS_TAG], return_metadata=False) == {U.NS_NAME: server.uri}


def test_yplookup_both_neither_and_str(ns):
    populate(ns)
    with exc(ValueError, "you can't use meta_all or meta_any at the same time"):
        ns.yplookup(meta_all={"a"}, meta_any={"b"})
    assert ns.yplookup() == {}
    assert ns.yplookup(meta_all=[], meta_any=[]) == {}
    assert ns.yplookup(meta_all=None, meta_any=None, return_metadata=False) == {}
    with exc(TypeError, "metadata_all should not be a str, but another iterable (set, list, etc)"):
        ns.yplookup(meta_all="abc")
    with exc(TypeError, "metadata_any should not be a str, but another iterable (set, list, etc)"):
        ns.yplookup(meta_any="abc")
    # an empty (falsy) meta_all does not count as "both": meta_any is used
    assert ns.yplookup(meta_all=[], meta_any=["storage"], return_metadata=False) == {
        "test.storage": uri(3), "other.thing": uri(6)}


# ------------------------------------------------------------------------------------------------
# set_metadata

def test_set_metadata_replace_and_clear(ns):
    ns.register("test.plain", uri(1), metadata={"old"})
    assert ns.set_metadata("test.plain", {"tag1", "tag2"}) is None
    assert meta_dict(ns.yplookup(meta_any=["tag1", "old"])) == {"test.plain": (uri(1), frozenset({"tag1", "tag2"}))}
    assert ns.set_metadata("test.plain", ["tag3"]) is None
    assert ns.yplookup(meta_any=["tag1"]) == {}
    assert ns.yplookup(meta_all=["tag3"], return_metadata=False) == {"test.plain": uri(1)}
    assert ns.set_metadata("test.plain", None) is None
    assert ns.yplookup(meta_any=["tag3"]) == {}
    ns.set_metadata("test.plain", {"x"})
    ns.set_metadata("test.plain", [])
    assert meta_dict(ns.list(prefix="test.plain", return_metadata=True)) == {"test.plain": (uri(1), frozenset())}
    assert str(ns.lookup("test.plain")) == uri(1)          # the uri is untouched


def test_set_metadata_errors(ns):
    with exc(NamingError, "unknown name: no.such.name"):
        ns.set_metadata("no.such.name", {"x"})
    ns.register("test.plain", uri(1))
    with exc(TypeError, "metadata should not be a str, but another iterable (set, list, etc)"):
        ns.set_metadata("test.plain", "abc")
    with exc(TypeError, "name must be a str"):
        ns.set_metadata(123, {"x"})
    assert ns.count() == 2


def test_set_metadata_on_nameserver_entry_allowed(ns, server):
    ns.set_metadata(U.NS_NAME, {U.NS_TAG, "extra"})
    assert meta_dict(ns.yplookup(meta_all=["extra"])) == {U.NS_NAME: (server.uri, frozenset({U.NS_TAG, "extra"}))}
    ns.set_metadata(U.NS_NAME, {U.NS_TAG})
    assert ns.yplookup(meta_all=["extra"]) == {}


# ------------------------------------------------------------------------------------------------
# remove

def test_remove_by_name(ns):
    populate(ns)
    assert ns.remove("test.plain") == 1
    assert ns.remove("test.plain") == 0
    assert ns.remove("no.such.name") == 0
    assert ns.remove(name="test.meta") == 1
    with exc(NamingError, "unknown name: test.meta"):
        ns.lookup("test.meta")
    assert ns.count() == 5


def test_remove_never_removes_nameserver(ns, server):
    populate(ns)
    assert ns.remove(U.NS_NAME) == 0
    assert ns.remove(prefix="Pyro.") == 0
    assert ns.remove(prefix="Pyro") == 0
    assert ns.remove(regex="Pyro") == 0
    assert ns.remove(regex=".*") == 6              # everything else
    assert ns.list() == {U.NS_NAME: server.uri}


def test_remove_prefix_and_regex_counts(ns):
    populate(ns)
    assert ns.remove(regex=r"test\.s") == 1
    assert ns.remove(prefix="test.") == 3
    assert ns.remove(prefix="test.") == 0
    assert set(ns.list()) == {U.NS_NAME, "Test.upper", "other.thing"}


def test_remove_fall_through_rules(ns):
    populate(ns)
    # name given (not the NS name): prefix is ignored, missing name -> 0
    assert ns.remove("no.such", prefix="test.") == 0
    assert ns.count() == 7
    # name == Pyro.NameServer falls through to the prefix branch
    assert ns.remove(U.NS_NAME, "test.") == 4
    # falsy name/prefix fall through to regex
    assert ns.remove("", "", "Test") == 1
    assert ns.remove(None, None, None) == 0
    assert ns.remove() == 0
    assert set(ns.list()) == {U.NS_NAME, "other.thing"}


def test_remove_bad_regex(ns):
    with exc(NamingError) as info:
        ns.remove(regex="(")
    assert str(info.value).startswith("invalid regex: ")


# ------------------------------------------------------------------------------------------------
# Python truthiness of boolean-ish parameters, argument binding

def test_return_metadata_truthiness(ns, server, serializer):
    populate(ns)
    for falsy in (False, 0, 0.0, "", None, [], {}):
        u = ns.lookup(U.NS_NAME, falsy)
        assert isinstance(u, Pyro5.core.URI), falsy
        assert ns.list(prefix="test.meta", return_metadata=falsy) == {"test.meta": uri(2)}, falsy
        assert ns.yplookup(meta_all=["storage"], return_metadata=falsy) == {"test.storage": uri(3), "other.thing": uri(6)}
    for truthy in (True, 1, 0.5, "x", [0], {"k": 0}):
        assert meta_dict(ns.list(prefix="test.meta", return_metadata=truthy)) == {
            "test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"}))}, truthy
        if serializer != "marshal":         # bug B2 on the reference
            res = ns.lookup(U.NS_NAME, truthy)
            assert len(res) == 2 and str(res[0]) == server.uri and set(res[1]) == {U.NS_TAG}, truthy


def test_safe_truthiness(ns):
    ns.register("test.plain", uri(1))
    ns.register("test.plain", uri(2), 0)               # positional safe=0 -> overwrite
    ns.register("test.plain", uri(3), safe="")
    assert str(ns.lookup("test.plain")) == uri(3)
    with exc(NamingError, "name already registered: test.plain"):
        ns.register("test.plain", uri(4), "yes")
    with exc(NamingError, "name already registered: test.plain"):
        ns.register("test.plain", uri(4), safe=[1])


def test_positional_and_keyword_binding(ns):
    populate(ns)
    assert meta_dict(ns.list("test.meta", None, True)) == {"test.meta": (uri(2), frozenset({"printer", "class:demo.Printer"}))}
    assert ns.list(None, r"other") == {"other.thing": uri(6)}
    assert ns.list("other", return_metadata=False) == {"other.thing": uri(6)}
    assert ns.yplookup(None, ["printer"], False) == {"test.meta": uri(2), "Test.upper": uri(5)}
    ns.register("test.pos", uri(9), True, ["p"])
    assert ns.yplookup(["p"], None, False) == {"test.pos": uri(9)}
    ns.set_metadata(metadata=["q"], name="test.pos")
    assert ns.yplookup(meta_all=["q"], return_metadata=False) == {"test.pos": uri(9)}
    assert ns.remove(regex="test.pos", name=None) == 1


@pytest.mark.parametrize("method, args, kwargs", [
    ("lookup", (), {}),
    ("lookup", ("x",), {"bogus": 1}),
    ("lookup", ("x", True, 3), {}),
    ("lookup", ("x",), {"name": "y"}),
    ("register", ("x",), {}),
    ("count", (1,), {}),
    ("ping", (), {"a": 1}),
    ("set_metadata", ("x",), {}),
    ("yplookup", (None, None, True, 4), {}),
])
def test_argument_binding_errors_are_type_errors(ns, method, args, kwargs):
    with exc(TypeError) as info:
        ns._pyroInvoke(method, args, kwargs)
    assert method in str(info.value)
    assert ns.count() == 1          # connection stays usable


def test_argument_binding_error_texts(ns):
    with exc(TypeError, "NameServer.lookup() missing 1 required positional argument: 'name'"):
        ns._pyroInvoke("lookup", (), {})
    with exc(TypeError, "NameServer.lookup() got an unexpected keyword argument 'bogus'"):
        ns._pyroInvoke("lookup", ("x",), {"bogus": 1})


# ------------------------------------------------------------------------------------------------
# method name resolution and unknown objects (connection stays open after each)

def test_unknown_private_unexposed_and_getattr(ns):
    ns._pyroBind()
    conn = ns._pyroConnection
    with exc(AttributeError) as info:
        ns._pyroInvoke("no_such_method", (), {})
    assert "no_such_method" in str(info.value)
    with exc(AttributeError, "attempt to access private attribute '_private'"):
        ns._pyroInvoke("_private", (), {})
    with exc(AttributeError, "attempt to access unexposed attribute 'storage'"):
        ns._pyroInvoke("storage", (), {})
    with exc(AttributeError) as info:
        ns._pyroInvoke("__getattr__", ("count",), {})
    assert "count" in str(info.value)
    with exc(AttributeError):
        ns._pyroInvoke("__setattr__", ("count", 1), {})
    with exc(AttributeError):
        ns._pyroInvoke("a.b", (), {})
    assert ns.count() == 1
    assert ns._pyroConnection is conn            # never reconnected


def test_unknown_object(ns):
    ns._pyroBind()
    conn = ns._pyroConnection
    with exc(DaemonError, "unknown object"):
        ns._pyroInvoke("ping", (), {}, objectId="No.Such.Object")
    assert ns.count() == 1
    assert ns._pyroConnection is conn


def test_client_side_method_check(ns):
    """The proxy refuses unknown methods itself, based on the handshake metadata."""
    with exc(AttributeError):
        ns.no_such_method()


# ------------------------------------------------------------------------------------------------
# oneway calls

def test_oneway_call_executes_without_reply(ns):
    from Pyro5.protocol import FLAGS_ONEWAY
    ns._pyroBind()
    conn = ns._pyroConnection
    assert ns._pyroInvoke("register", ("test.oneway", uri(1)), {}, flags=FLAGS_ONEWAY) is None
    assert ns._pyroInvoke("no_such_method", (), {}, flags=FLAGS_ONEWAY) is None       # error swallowed
    assert ns._pyroInvoke("ping", (), {}, objectId="No.Such", flags=FLAGS_ONEWAY) is None
    # Python runs oneway calls in a thread: poll briefly for the registration
    import time
    deadline = time.monotonic() + 5
    while "test.oneway" not in ns.list(prefix="test.") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ns.list(prefix="test.") == {"test.oneway": uri(1)}
    assert ns._pyroConnection is conn


# ------------------------------------------------------------------------------------------------
# the Pyro.NameServer entry (labns protection)

@pytest.mark.labns_only("Pyro.NameServer protection: Python's register() overwrites its own entry")
def test_register_nameserver_entry_is_refused(ns, server):
    with exc(NamingError):
        ns.register(U.NS_NAME, "PYRO:hijack@127.0.0.1:1")
    with exc(NamingError):
        ns.register(U.NS_NAME, "PYRO:hijack@127.0.0.1:1", safe=True)
    with exc(NamingError):
        ns.register(U.NS_NAME, Pyro5.core.URI("PYRO:hijack@127.0.0.1:1"), metadata=["x"])
    assert str(ns.lookup(U.NS_NAME)) == server.uri
    assert meta_dict(ns.yplookup(meta_any=[U.NS_TAG, "x"])) == {U.NS_NAME: ns_entry(server)}
    assert ns.count() == 1
