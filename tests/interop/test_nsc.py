"""`pyro5-nsc` / `python -m Pyro5.nsc` (Pyro5 5.17) against the name server (wire reference section 17).

Every command with -n/-p and its output text. Set literals printed by nsc (metadata) are compared as
sets, since their element order is the client's hash order.
"""

import ast

import pytest

import interop_util as U
from interop_util import require_labns
from interop_util import run_nsc as nsc


def ok(server, *args, **kw):
    rc, out, err = nsc(server, *args, **kw)
    assert rc == 0, (args, out, err)
    return out


def parse_list(out, title=""):
    """Parse nsc's list format into {name: (uri, tags or None)} and check the frame lines."""
    lines = out.splitlines()
    assert lines[0] == "--------START LIST %s" % title, out
    assert lines[-1] == "--------END LIST %s" % title, out
    result, names = {}, []
    current = None
    for line in lines[1:-1]:
        if line.startswith("    metadata: "):
            assert current is not None, out
            tags = ast.literal_eval(line[len("    metadata: "):])
            result[current] = (result[current][0], set(tags))
        else:
            name, sep, uri = line.partition(" --> ")
            assert sep, out
            result[name] = (uri, None)
            names.append(name)
            current = name
    assert names == sorted(names), "nsc prints names sorted: %r" % names
    return result


def parse_lookup(out):
    lines = out.splitlines()
    assert 1 <= len(lines) <= 2, out
    tags = None
    if len(lines) == 2:
        assert lines[1].startswith("metadata: "), out
        tags = set(ast.literal_eval(lines[1][len("metadata: "):]))
    return lines[0], tags


def remote_error(server, *args, **kw):
    rc, out, err = nsc(server, *args, **kw)
    assert rc == 1, (args, out, err)
    assert "Traceback" in err
    return out.strip()


# ------------------------------------------------------------------------------------------------

def test_ping(server):
    assert ok(server, "ping") == "Name server ping ok.\n"


def test_pyro5_nsc_script(server):
    assert ok(server, "ping", script=True) == "Name server ping ok.\n"


def test_register_and_duplicate(server):
    assert ok(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010") == "Registered test.nsc\n"
    assert remote_error(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010") == \
        "Error: NamingError - name already registered: test.nsc"
    assert remote_error(server, "register", "test.bad", "no-uri") == "Error: PyroError - invalid uri"


def test_list_commands(server):
    ok(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010")
    ok(server, "register", "test.other", "PYRO:obj_other@127.0.0.1:50011")
    ok(server, "register", "zzz.last", "PYRO:obj_z@127.0.0.1:50012")
    assert ok(server, "setmeta", "test.nsc", "tagA", "tagB") == "Metadata updated\n"
    ok(server, "setmeta", "test.other", "tagB")
    assert parse_list(ok(server, "list")) == {
        U.NS_NAME: (server.uri, {U.NS_TAG}),
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"}),
        "test.other": ("PYRO:obj_other@127.0.0.1:50011", {"tagB"}),
        "zzz.last": ("PYRO:obj_z@127.0.0.1:50012", None),
    }
    assert parse_list(ok(server, "list", "test."), "- prefix 'test.'") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"}),
        "test.other": ("PYRO:obj_other@127.0.0.1:50011", {"tagB"}),
    }
    assert parse_list(ok(server, "listmatching", r"test\..*r"), r"- regex 'test\..*r'") == {
        "test.other": ("PYRO:obj_other@127.0.0.1:50011", {"tagB"}),
    }
    assert parse_list(ok(server, "listmatching", "nothing"), "- regex 'nothing'") == {}
    assert parse_list(ok(server, "yplookup_all", "tagA", "tagB"), " - searched by metadata") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"}),
    }
    assert parse_list(ok(server, "yplookup_any", "tagB", "zzz"), " - searched by metadata") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"}),
        "test.other": ("PYRO:obj_other@127.0.0.1:50011", {"tagB"}),
    }
    assert parse_list(ok(server, "yplookup_all", "nope"), " - searched by metadata") == {}
    assert remote_error(server, "listmatching", "(") .startswith("Error: NamingError - invalid regex: ")


def test_lookup(server):
    ok(server, "register", "test.nsc", "pyro:obj_nsc@127.0.0.1:050010")
    assert parse_lookup(ok(server, "lookup", "test.nsc")) == ("PYRO:obj_nsc@127.0.0.1:50010", None)
    ok(server, "setmeta", "test.nsc", "tagA", "tagB")
    assert parse_lookup(ok(server, "lookup", "test.nsc")) == ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"})
    assert parse_lookup(ok(server, "lookup", U.NS_NAME)) == (server.uri, {U.NS_TAG})
    assert remote_error(server, "lookup", "no.such.name") == "Error: NamingError - unknown name: no.such.name"


def test_setmeta(server):
    ok(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010")
    assert ok(server, "setmeta", "test.nsc", "tagA") == "Metadata updated\n"
    assert parse_list(ok(server, "list", "test."), "- prefix 'test.'") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA"})}
    assert ok(server, "setmeta", "test.nsc") == "Metadata cleared\n"
    assert parse_list(ok(server, "list", "test."), "- prefix 'test.'") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", None)}
    assert remote_error(server, "setmeta", "no.such", "x") == "Error: NamingError - unknown name: no.such"


def test_remove_and_removematching(server):
    ok(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010")
    ok(server, "register", "test.nsc2", "PYRO:obj_nsc2@127.0.0.1:50012")
    ok(server, "register", "test.nsc3", "PYRO:obj_nsc3@127.0.0.1:50013")
    assert ok(server, "remove", "test.nsc") == "Removed test.nsc\n"
    assert ok(server, "remove", "test.nsc") == "Nothing removed\n"
    assert ok(server, "remove", U.NS_NAME) == "Nothing removed\n"
    prompt = "Potentially removing lots of items from the Name server. Are you sure (y/n)?"
    assert ok(server, "removematching", r"test\.", stdin="n\n") == prompt
    assert set(parse_list(ok(server, "list"))) == {U.NS_NAME, "test.nsc2", "test.nsc3"}
    assert ok(server, "removematching", r"test\.", stdin="y\n") == prompt + "2 items removed.\n"
    assert ok(server, "removematching", ".*", stdin="Y\n") == prompt + "0 items removed.\n"
    assert parse_list(ok(server, "list")) == {U.NS_NAME: (server.uri, {U.NS_TAG})}


def test_name_server_not_found(server):
    dead = U.free_port()
    rc, out, err = nsc(server, "-n", U.HOST, "-p", str(dead), "ping", host=False)
    assert rc == 0 and out == "Error: Failed to locate the nameserver\n", (out, err)


@pytest.mark.parametrize("serializer", ["json", "msgpack", "marshal"])
def test_other_serializers(server, serializer):
    kw = {"serializer": serializer}
    assert ok(server, "ping", **kw) == "Name server ping ok.\n"
    assert ok(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010", **kw) == "Registered test.nsc\n"
    assert ok(server, "setmeta", "test.nsc", "tagA", "tagB", **kw) == "Metadata updated\n"
    # only tagged entries: works against the Python NS with every serializer
    assert parse_list(ok(server, "list", **kw)) == {
        U.NS_NAME: (server.uri, {U.NS_TAG}),
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"}),
    }
    assert parse_list(ok(server, "listmatching", "test", **kw), "- regex 'test'") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"})}
    assert parse_list(ok(server, "yplookup_any", "tagA", **kw), " - searched by metadata") == {
        "test.nsc": ("PYRO:obj_nsc@127.0.0.1:50010", {"tagA", "tagB"})}
    assert remote_error(server, "register", "test.nsc", "PYRO:x@127.0.0.1:1", **kw) == \
        "Error: NamingError - name already registered: test.nsc"
    assert ok(server, "remove", "test.nsc", **kw) == "Removed test.nsc\n"


@pytest.mark.parametrize("serializer", ["json", "msgpack"])
def test_list_untagged_entries_other_serializers(server, serializer):
    require_labns("bug B1: Python's NS fails list(return_metadata=True) with %s when an entry has no tags" % serializer)
    ok(server, "register", "test.plain", "PYRO:obj@127.0.0.1:50010", serializer=serializer)
    assert parse_list(ok(server, "list", serializer=serializer)) == {
        U.NS_NAME: (server.uri, {U.NS_TAG}), "test.plain": ("PYRO:obj@127.0.0.1:50010", None)}
    assert parse_list(ok(server, "listmatching", "test", serializer=serializer), "- regex 'test'") == {
        "test.plain": ("PYRO:obj@127.0.0.1:50010", None)}


@pytest.mark.parametrize("serializer", ["json", "msgpack", "marshal"])
def test_lookup_other_serializers(server, serializer):
    if serializer == "marshal":
        require_labns("bug B2: Python's NS cannot marshal lookup(name, return_metadata=True)")
    ok(server, "register", "test.nsc", "PYRO:obj_nsc@127.0.0.1:50010", serializer=serializer)
    assert parse_lookup(ok(server, "lookup", "test.nsc", serializer=serializer)) == ("PYRO:obj_nsc@127.0.0.1:50010", None)
    assert parse_lookup(ok(server, "lookup", U.NS_NAME, serializer=serializer)) == (server.uri, {U.NS_TAG})
    assert remote_error(server, "lookup", "no.such", serializer=serializer) == "Error: NamingError - unknown name: no.such"
