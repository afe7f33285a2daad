"""labns' control commands (`labns ping | list | listmatching | lookup | register | remove |
removematching | setmeta | yplookup_all | yplookup_any`) against the name server under test,
checked through their output and through the real Pyro5 client; `list` also against the Python
reference, which must give the same output shape. And a name server that cannot be reached:
one line, a non-zero exit, within --timeout.

The commands are labns' client, so they run against either target (LABNS_TARGET=python tests
the labns client against Pyro5's own name server); they need the labns binary either way.
"""

import json
import os
import socket
import subprocess
import time

import pytest
import Pyro5.api

import interop_util as U

pytestmark = pytest.mark.skipif(not os.access(U.LABNS_BIN, os.X_OK),
                                reason="the labns binary (%s) is not built" % U.LABNS_BIN)


def labns(*args, stdin="", timeout=30):
    """Run the labns binary; (rc, stdout, stderr). stdin="" is an empty, closed stdin."""
    p = subprocess.run([U.LABNS_BIN] + list(args), input=stdin, capture_output=True, text=True,
                       timeout=timeout, env=U.loopback_env())
    return p.returncode, p.stdout, p.stderr


def at(server):
    return ["-n", server.host, "-p", str(server.port)]


def ok(server, *args, **kw):
    rc, out, err = labns(*args, *at(server), **kw)
    assert rc == 0, (args, out, err)
    return out


def one_error_line(rc, out, err, code=1):
    """A failed command: the exit code, nothing on stdout, exactly one line on stderr."""
    assert rc == code, (rc, out, err)
    assert out == "", out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("labns: error: "), err
    return lines[0][len("labns: error: "):]


def fail(server, *args, **kw):
    return one_error_line(*labns(*args, *at(server), **kw))


def parse_table(out):
    """The listing table -> {name: (uri, [tags])}; checks the header and the sort order."""
    lines = out.splitlines()
    if lines == ["no registrations"]:
        return {}
    head = lines[0]
    assert head.split() == ["NAME", "URI", "TAGS"], out
    uri_col, tags_col = head.index("URI"), head.index("TAGS")
    rows, names = {}, []
    for line in lines[1:]:
        name = line[:uri_col].rstrip()
        assert name and line[uri_col - 2:uri_col] == "  ", out
        uri = line[uri_col:tags_col].rstrip()
        tags = line[tags_col:].split(", ") if len(line) > tags_col else []
        assert " " not in uri, out
        rows[name] = (uri, tags)
        names.append(name)
    assert names == sorted(names), "names must be sorted: %r" % names
    return rows


def proxy(server):
    p = Pyro5.api.Proxy(server.uri)
    p._pyroTimeout = 10
    return p


def ns_row(server):
    return {U.NS_NAME: (server.uri, [U.NS_TAG])}


# ------------------------------------------------------------------------------------------------

def test_ping(server):
    out = ok(server, "ping")
    assert out.startswith("Name server at 127.0.0.1:%d answered ping in " % server.port), out
    assert out.endswith(" ms.\n") and out.count("\n") == 1, out
    reply = json.loads(ok(server, "ping", "--json"))
    assert reply["ok"] is True and reply["address"] == "127.0.0.1:%d" % server.port, reply


def test_register_lookup_setmeta(server):
    assert ok(server, "register", "test.ctl", "PYRO:obj_ctl@127.0.0.1:50010") == "Registered test.ctl\n"
    with proxy(server) as p:
        assert str(p.lookup("test.ctl")) == "PYRO:obj_ctl@127.0.0.1:50010"
    assert fail(server, "register", "test.ctl", "PYRO:x@127.0.0.1:1") == \
        "NamingError: name already registered: test.ctl"
    assert fail(server, "register", "test.bad", "no-uri") == "PyroError: invalid uri"
    assert ok(server, "lookup", "test.ctl") == "PYRO:obj_ctl@127.0.0.1:50010\n"
    assert ok(server, "setmeta", "test.ctl", "tagB", "tagA") == "Metadata of test.ctl set to: tagA, tagB\n"
    with proxy(server) as p:
        assert set(p.lookup("test.ctl", return_metadata=True)[1]) == {"tagA", "tagB"}
    assert ok(server, "lookup", "test.ctl") == "PYRO:obj_ctl@127.0.0.1:50010\ntags: tagA, tagB\n"
    assert json.loads(ok(server, "lookup", "test.ctl", "--json")) == {
        "name": "test.ctl", "uri": "PYRO:obj_ctl@127.0.0.1:50010", "tags": ["tagA", "tagB"]}
    assert ok(server, "setmeta", "test.ctl") == "Metadata of test.ctl cleared\n"
    assert ok(server, "lookup", "test.ctl") == "PYRO:obj_ctl@127.0.0.1:50010\n"
    # a tag that looks like an option, after --
    assert labns("setmeta", *at(server), "--", "test.ctl", "-odd") == (0, "Metadata of test.ctl set to: -odd\n", "")
    assert fail(server, "setmeta", "no.such", "x") == "NamingError: unknown name: no.such"
    assert fail(server, "lookup", "no.such.name") == "NamingError: unknown name: no.such.name"
    # the stored string is kept; lookup prints Python's str(URI)
    ok(server, "register", "test.lower", "pyro:obj_lower@127.0.0.1:050011")
    assert ok(server, "lookup", "test.lower") == "PYRO:obj_lower@127.0.0.1:50011\n"


def test_listings(server):
    with proxy(server) as p:
        p.register("test.a", "PYRO:obj_a@127.0.0.1:50001", metadata={"tagA", "tagB"})
        p.register("test.b", "PYRO:obj_b@127.0.0.1:50002", metadata={"tagB"})
        p.register("zzz.last", "PYRO:obj_z@127.0.0.1:50003")
    a = ("PYRO:obj_a@127.0.0.1:50001", ["tagA", "tagB"])
    b = ("PYRO:obj_b@127.0.0.1:50002", ["tagB"])
    z = ("PYRO:obj_z@127.0.0.1:50003", [])
    assert parse_table(ok(server, "list")) == dict(ns_row(server), **{"test.a": a, "test.b": b, "zzz.last": z})
    assert parse_table(ok(server, "list", "test.")) == {"test.a": a, "test.b": b}
    assert parse_table(ok(server, "listmatching", r"test\..*b")) == {"test.b": b}
    assert parse_table(ok(server, "listmatching", "z")) == {"zzz.last": z}
    assert ok(server, "listmatching", "nothing") == "no registrations\n"
    assert parse_table(ok(server, "yplookup_all", "tagA", "tagB")) == {"test.a": a}
    assert parse_table(ok(server, "yplookup_any", "tagB", "nope")) == {"test.a": a, "test.b": b}
    assert ok(server, "yplookup_all", "nope") == "no registrations\n"
    assert fail(server, "listmatching", "(").startswith("NamingError: invalid regex: ")
    # --json: one line, the same content as Pyro's list(return_metadata=True)
    out = ok(server, "list", "--json")
    assert out.count("\n") == 1
    with proxy(server) as p:
        want = {name: {"uri": uri, "tags": sorted(tags)}
                for name, (uri, tags) in p.list(return_metadata=True).items()}
    assert json.loads(out) == want
    assert json.loads(ok(server, "yplookup_any", "tagB", "--json")) == {
        "test.a": {"uri": a[0], "tags": a[1]}, "test.b": {"uri": b[0], "tags": b[1]}}
    assert json.loads(ok(server, "listmatching", "nothing", "--json")) == {}


@pytest.mark.parametrize("ser", ["json", "marshal", "msgpack"])
def test_other_serializers(server, ser):
    if ser == "marshal":
        U.require_labns("bug B2: Python's NS cannot marshal lookup(name, return_metadata=True)")
    s = ["--serializer", ser]
    assert ok(server, "register", "test.s", "PYRO:obj_s@127.0.0.1:50010", *s) == "Registered test.s\n"
    assert ok(server, "setmeta", "test.s", "t1", *s) == "Metadata of test.s set to: t1\n"
    assert ok(server, "lookup", "test.s", *s) == "PYRO:obj_s@127.0.0.1:50010\ntags: t1\n"
    assert parse_table(ok(server, "list", *s)) == dict(ns_row(server), **{
        "test.s": ("PYRO:obj_s@127.0.0.1:50010", ["t1"])})
    assert parse_table(ok(server, "yplookup_any", "t1", *s)) == {"test.s": ("PYRO:obj_s@127.0.0.1:50010", ["t1"])}
    assert ok(server, "remove", "test.s", *s) == "Removed test.s\n"


def test_remove(server):
    ok(server, "register", "test.r", "PYRO:obj_r@127.0.0.1:50010")
    assert ok(server, "remove", "test.r") == "Removed test.r\n"
    assert ok(server, "remove", "test.r") == "Nothing removed\n"
    assert ok(server, "remove", U.NS_NAME) == "Nothing removed\n"
    assert json.loads(ok(server, "remove", "test.r", "--json")) == {"removed": 0}
    with proxy(server) as p:
        assert p.count() == 1


def test_removematching_asks_first(server):
    with proxy(server) as p:
        for i in range(3):
            p.register("test.m%d" % i, "PYRO:obj_m%d@127.0.0.1:5001%d" % (i, i))
        p.register("keep.me", "PYRO:keep@127.0.0.1:50020")
    question = "Remove 3 names matching 'test\\.' from the name server at 127.0.0.1:%d? [y/N] " % server.port
    # no, and an empty stdin: nothing removed, exit 1, the question then one error line
    for answer in ("n\n", ""):
        rc, out, err = labns("removematching", r"test\.", *at(server), stdin=answer)
        assert rc == 1 and out == "", (rc, out, err)
        assert err.startswith(question), err
        assert err[len(question):] == "labns: error: nothing removed (not confirmed; --yes skips the question)\n", err
    with proxy(server) as p:
        assert p.count() == 5
    rc, out, err = labns("removematching", r"test\.m[01]", *at(server), stdin="y\n")
    assert (rc, out) == (0, "2 names removed\n"), (rc, out, err)
    assert "Remove 2 names" in err
    rc, out, err = labns("removematching", "test", "--yes", *at(server))
    assert (rc, out, err) == (0, "1 name removed\n", "")
    # nothing matches: nothing to ask
    rc, out, err = labns("removematching", "nothing", *at(server))
    assert (rc, out, err) == (0, "0 names removed\n", "")
    assert json.loads(ok(server, "removematching", ".*", "-y", "--json")) == {"removed": 1}
    with proxy(server) as p:
        assert list(p.list()) == [U.NS_NAME]


def test_usage_errors_are_one_line():
    for args, want in [
        (["lookup"], "usage: labns lookup NAME"),
        (["register", "a"], "usage: labns register NAME URI"),
        (["list", "a", "b"], "usage: labns list [PREFIX]"),
        (["yplookup_all"], "usage: labns yplookup_all TAG..."),
        (["ping", "--yes"], "--yes only applies to removematching"),
        (["ping", "--serializer", "pickle"], "invalid serializer 'pickle': expected serpent, json, marshal or msgpack"),
        (["ping", "-p", "0"], "invalid port '0': expected a number 1-65535"),
        (["ping", "--bogus"], "unknown option '--bogus' (see labns --help)"),
    ]:
        assert one_error_line(*labns(*args), code=2) == want, args


# ------------------------------------------------------------------------------------------------
# finding the name server, and not finding it

def test_locate_on_localhost_without_a_host(server):
    rc, out, err = labns("ping", "-p", str(server.port), "--bcaddr", "127.0.0.1", "--timeout", "5")
    assert rc == 0 and "answered ping" in out, (out, err)


def test_locate_by_broadcast(fresh_server):
    bcport = U.free_tcp_udp_port()
    srv = fresh_server(bc=(U.HOST, bcport))
    # -p without -n: localhost:bcport (nothing there), then GET_NSURI to 127.0.0.1:bcport
    rc, out, err = labns("list", "-p", str(bcport), "--bcaddr", "127.0.0.1", "--timeout", "5")
    assert rc == 0, (out, err)
    assert parse_table(out) == ns_row(srv)


def timed(*args, timeout):
    start = time.monotonic()
    rc, out, err = labns(*args, timeout=timeout + 10)
    return time.monotonic() - start, one_error_line(rc, out, err)


def test_unreachable_name_server_one_line_within_the_timeout():
    dead = U.free_port()
    took, msg = timed("ping", "-n", U.HOST, "-p", str(dead), "--timeout", "2", timeout=2)
    assert msg == "cannot connect to 127.0.0.1:%d: connection refused" % dead
    assert took < 2
    # discovery: localhost, then the broadcast (to loopback here), bounded by --timeout
    took, msg = timed("list", "-p", str(dead), "--bcaddr", "127.0.0.1", "--timeout", "1.5", timeout=1.5)
    assert msg.startswith("no name server found (tried localhost:%d, broadcast to port %d" % (dead, dead)), msg
    assert took < 1.5 + 1.0


def test_silent_server_times_out():
    """A port that accepts but never answers the handshake: one line after --timeout."""
    with socket.socket() as lsock:
        lsock.bind((U.HOST, 0))
        lsock.listen(8)
        port = lsock.getsockname()[1]
        took, msg = timed("lookup", "x", "-n", U.HOST, "-p", str(port), "--timeout", "1", timeout=1)
    assert msg == "the name server did not answer in time"
    assert 0.9 < took < 1 + 1.0


# ------------------------------------------------------------------------------------------------
# `list` against the Python reference: the same output shape

def start_python_reference():
    port = U.free_port()
    cmd = [U.PYTHON, "-u", "-m", "Pyro5.nameserver", "-n", U.HOST, "-p", str(port)]
    srv = U.spawn_server(cmd, U.loopback_env(), U.HOST, port)
    try:
        U.wait_until_serving(srv)
    except BaseException:
        srv.stop()
        raise
    return srv


def test_list_has_the_same_shape_against_the_python_reference(server):
    ref = start_python_reference()
    try:
        outputs = []
        for srv in (server, ref):
            with proxy(srv) as p:
                p.register("lab.laser", "PYRO:laser@192.168.1.31:50001", metadata={"class:lab.Laser", "room:42"})
                p.register("lab.stage", "PYRO:stage@192.168.1.32:50002")
                p.register("a.first", "PYRO:first@127.0.0.1:50003", metadata={"x"})
            outputs.append((srv, ok(srv, "list"), ok(srv, "list", "lab."), ok(srv, "list", "--json")))
        (s1, full1, lab1, js1), (s2, full2, lab2, js2) = outputs
        # without the name server's own entry (its port differs) the output is byte for byte
        # the same
        assert lab1 == lab2, (lab1, lab2)
        assert len(full1.splitlines()) == len(full2.splitlines()) == 5
        t1, t2 = parse_table(full1), parse_table(full2)
        assert t1.pop(U.NS_NAME) == (s1.uri, [U.NS_TAG])
        assert t2.pop(U.NS_NAME) == (s2.uri, [U.NS_TAG])
        assert t1 == t2 == {
            "a.first": ("PYRO:first@127.0.0.1:50003", ["x"]),
            "lab.laser": ("PYRO:laser@192.168.1.31:50001", ["class:lab.Laser", "room:42"]),
            "lab.stage": ("PYRO:stage@192.168.1.32:50002", []),
        }
        j1, j2 = json.loads(js1), json.loads(js2)
        assert j1.pop(U.NS_NAME)["uri"] == s1.uri and j2.pop(U.NS_NAME)["uri"] == s2.uri
        assert j1 == j2
    finally:
        ref.stop()


@pytest.mark.labns_only("labns --token-file (Pyro5's NS has no handshake token)")
def test_token_protected_name_server(fresh_server, tmp_path):
    token = tmp_path / "token"
    token.write_text("s3cret\n")
    srv = fresh_server(labns_args=["--token-file", str(token)])
    assert fail(srv, "ping") == \
        "the name server refused the connection: handshake failed: wrong or missing token"
    assert ok(srv, "register", "test.t", "PYRO:t@127.0.0.1:1", "--token-file", str(token)) == "Registered test.t\n"
    rc, out, err = labns("bench", *at(srv), "--token-file", str(token), "--requests", "50", "-c", "2",
                         "--preload", "3", "--json")
    assert rc == 0, err
    report = json.loads(out)
    assert (report["requests"], report["errors"], report["preloaded"]) == (50, 0, 3), report
