"""labns configuration: PyroLab YAML files, `labns config update/check/show`, `labns start NAME`,
`--all`, `--strict`, SIGHUP reload, and configuration errors. All labns-only (Pyro5's name server
has no configuration file).

Every labns process runs with LABNS_CONFIG, LABNS_DATA_DIR, HOME and XDG_* inside a scratch
directory (labns_home): the tests run as root and must never touch /etc/labns or /var/lib/labns.
Files under tests/data/config are read where they are, or copied with their ports rewritten to
free ones. No host name goes to DNS: the docs' remote `production` host is replaced by a TEST-NET
address that is not on this machine when that entry is started.
"""

import os
import re
import signal
import socket
import time

import pytest
import Pyro5.api
import Pyro5.errors

import interop_util as U

pytestmark = pytest.mark.labns_only("labns configuration")

CONFIG_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "data", "config"))
DOCS_NAMESERVERS = os.path.join(CONFIG_DIR, "pyrolab-docs-nameservers.yml")
PYROLAB_FULL = os.path.join(CONFIG_DIR, "pyrolab-0.5.0-full.yml")
DOCS_FULL = os.path.join(CONFIG_DIR, "pyrolab-docs-full.yml")
NOT_LOCAL_V4 = "203.0.113.7"          # TEST-NET-3: binding it fails locally, nothing is sent


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def rewrite(text, changes):
    """Rewrite settings of name-server entries in a PyroLab YAML text (block style, mapping or
    list-of-one-key-mappings form): changes = {entry: {key: value}}; every key must be present."""
    out, section, entry, done = [], None, None, set()
    for line in text.splitlines(keepends=True):
        top = re.match(r"^([A-Za-z_][\w]*):", line)
        if top:
            section, entry = top.group(1), None
        elif section == "nameservers":
            head = re.match(r"^\s{2}(?:-\s+)?([\w.-]+):\s*(#.*)?$", line)
            if head:
                entry = head.group(1)
            else:
                kv = re.match(r"^(\s+)([\w]+):(\s*)(.*?)(\s*#.*)?$", line.rstrip("\n"))
                if kv and entry in changes and kv.group(2) in changes[entry]:
                    value = changes[entry][kv.group(2)]
                    line = "%s%s: %s\n" % (kv.group(1), kv.group(2), value)
                    done.add((entry, kv.group(2)))
        out.append(line)
    wanted = {(e, k) for e, kv in changes.items() for k in kv}
    assert done == wanted, "not rewritten: %s" % (wanted - done)
    return "".join(out)


def banner_uris(srv, count=1, timeout=U.STARTUP_TIMEOUT):
    """The `URI = ...` lines a started labns printed (waits until there are `count` of them)."""
    def uris():
        found = re.findall(r"URI = (PYRO:\S+)", srv.stdout())
        return found if len(found) >= count else None
    found = U.wait_for(uris, timeout)
    assert found, srv.describe()
    return found


def port_of(uri):
    return int(uri.rsplit(":", 1)[1])


def ns_proxy(port, host=U.HOST):
    p = Pyro5.api.Proxy("PYRO:%s@%s:%d" % (U.NS_NAME, host, port))
    p._pyroTimeout = 10
    return p


def start_named(fresh_server, home, args, port, host=U.HOST, wait=True, env=None):
    """`labns ARGS...` as a server (args start with 'start'), waited for on host:port."""
    return fresh_server(labns_cmd=list(args), host=host, port=port, env_extra=env or home.env(), wait=wait)


def one_error(err):
    lines = U.error_lines(err)
    assert len(lines) == 1, err
    return lines[0]


def wait_stderr(srv, text, timeout=5.0):
    assert U.wait_for(lambda: text in srv.stderr(), timeout), "no %r in stderr\n%s" % (text, srv.describe())


# ------------------------------------------------------------------------------------------------
# config check: the PyroLab files load


@pytest.mark.parametrize("name,names", [
    ("pyrolab-0.5.0-full.yml", ["production", "local"]),
    ("pyrolab-docs-full.yml", ["default", "development"]),
    ("pyrolab-docs-nameservers.yml", ["default", "production", "development"]),
    ("pyrolab-0.4.0-dump.yml", ["production", "local"]),
    ("pyrolab-docs-default.yml", ["default"]),
    ("pyrolab-0.3-boolean-bchost.yml", ["lab"]),
    ("labns.yml", ["lab", "scratch"]),
])
def test_pyrolab_files_pass_check(labns_home, name, names):
    path = os.path.join(CONFIG_DIR, name)
    for strict in ([], ["--strict"]):
        rc, out, err = labns_home.run("config", "check", path, *strict)
        assert rc == 0, err
        assert "OK, %d name server(s): %s" % (len(names), ", ".join(names)) in out, out
        assert U.error_lines(err) == [], err
    # check only validates: nothing installed, nothing created
    assert read(labns_home.config) == U.DEFAULT_TEST_CONFIG
    assert not os.path.exists(labns_home.data)


def test_check_warns_about_helper_keys_and_strict_refuses(labns_home):
    path = os.path.join(CONFIG_DIR, "labns-anchors.yml")
    rc, out, err = labns_home.run("config", "check", path)
    assert rc == 0, err
    assert "OK, 2 name server(s): east, west" in out
    assert re.search(r"warning: .*defaults \(line 2\): unknown key", err), err
    rc, out, err = labns_home.run("config", "check", "--strict", path)
    assert rc != 0
    line = one_error(err)
    assert "defaults" in line and "line 2" in line, line


def test_pyrolab_0_1_ini_file_is_refused_clearly(labns_home):
    rc, out, err = labns_home.run("config", "check", os.path.join(CONFIG_DIR, "pyrolab-0.1.0.ini"))
    assert rc != 0
    assert "INI" in one_error(err)


# ------------------------------------------------------------------------------------------------
# config update / show


def test_update_installs_and_show_lists_every_name_server(labns_home):
    rc, out, err = labns_home.run("config", "update", DOCS_NAMESERVERS)
    assert rc == 0, err
    assert read(labns_home.config) == read(DOCS_NAMESERVERS)
    assert labns_home.config in out, out
    rc, out, err = labns_home.run("config", "show")
    assert rc == 0, err
    assert labns_home.config in out and labns_home.data in out, out
    lines = out.splitlines()
    header = [i for i, ln in enumerate(lines) if ln.split()[:3] == ["NAME", "HOST", "PORT"]]
    assert len(header) == 1, out
    rows = {ln.split()[0]: ln.split() for ln in lines[header[0] + 1:] if ln.strip()}
    assert list(rows) == ["default", "production", "development"], out
    assert rows["default"][1:3] == ["localhost", "9090"]
    assert rows["production"][1:3] == ["ns.lab.example.org", "9090"]
    assert rows["development"][1:3] == ["localhost", "9090"]
    assert "15" in rows["production"][4]                 # autoclean 15 s
    assert "sql" in " ".join(rows["production"][6:]) and "memory" in rows["default"][6:]
    # no file was created by show or update besides the installed configuration
    assert not os.path.exists(labns_home.data)


def test_update_with_config_flag_creates_the_destination(labns_home):
    dest = labns_home.path("new", "dir", "ns.yml")
    rc, out, err = labns_home.run("config", "update", PYROLAB_FULL, "--config", dest)
    assert rc == 0, err
    assert read(dest) == read(PYROLAB_FULL)
    assert read(labns_home.config) == U.DEFAULT_TEST_CONFIG     # LABNS_CONFIG untouched
    rc, out, err = labns_home.run("config", "show", "--config", dest)
    assert rc == 0, err
    assert dest in out
    names = [ln.split()[0] for ln in out.splitlines()]
    assert "production" in names and "local" in names, out
    assert [f for f in os.listdir(os.path.dirname(dest))] == ["ns.yml"]    # no temporary left over


def test_update_refuses_a_bad_file_and_keeps_the_installed_one(labns_home):
    bad = labns_home.write("bad.yml", "nameservers:\n  default:\n    host: 127.0.0.1\n    ns_port: abc\n")
    rc, out, err = labns_home.run("config", "update", bad)
    assert rc != 0
    line = one_error(err)
    assert "ns_port" in line and "line 4" in line, line
    assert read(labns_home.config) == U.DEFAULT_TEST_CONFIG
    rc, out, err = labns_home.run("config", "update", labns_home.path("missing.yml"))
    assert rc != 0
    one_error(err)
    assert read(labns_home.config) == U.DEFAULT_TEST_CONFIG
    # strict mode applies to update too
    unknown = labns_home.write("unknown.yml", "nameservers:\n  default:\n    colour: red\n")
    rc, out, err = labns_home.run("config", "update", "--strict", unknown)
    assert rc != 0
    assert "colour" in one_error(err)
    assert read(labns_home.config) == U.DEFAULT_TEST_CONFIG


# ------------------------------------------------------------------------------------------------
# configuration errors name the key and the line


BAD_FILES = [
    ("nameservers:\n  default:\n    host: 127.0.0.1\n    ns_port: abc\n", "ns_port", 4),
    ("# comment\nnameservers:\n  - default:\n      ns_port: 70000\n", "ns_port", 4),
    ("nameservers:\n  lab:\n    ns_autoclean: 1\n    storage: memory\n", "ns_autoclean", 3),
    ("version: '1.0'\nnameservers:\n  lab:\n    ns_port: 9090\n    storage: postgres\n", "storage", 5),
    ("nameservers:\n  lab:\n    ns_port: 9090\n    broadcast: perhaps\n", "broadcast", 4),
]


@pytest.mark.parametrize("text,key,line", BAD_FILES, ids=[b[1] + "-line%d" % b[2] for b in BAD_FILES])
def test_config_error_exits_non_zero_naming_key_and_line(labns_home, text, key, line):
    path = labns_home.write("bad.yml", text)
    rc, out, err = labns_home.run("config", "check", path)
    assert rc != 0
    msg = one_error(err)
    assert key in msg and "line %d" % line in msg, msg
    # the same when a server is started on it (by --config or LABNS_CONFIG), and nothing listens
    port = U.free_port()
    rc, out, err = labns_home.run("start", "--config", path, "-n", U.HOST, "-p", str(port))
    assert rc != 0
    msg = one_error(err)
    assert key in msg and "line %d" % line in msg, msg
    assert "URI = " not in out
    rc, out, err = labns_home.run("start", "-n", U.HOST, "-p", str(port), env={"LABNS_CONFIG": path})
    assert rc != 0
    msg = one_error(err)
    assert key in msg and "line %d" % line in msg, msg
    assert not U.tcp_accepts(U.HOST, port)


# ------------------------------------------------------------------------------------------------
# unknown keys: a warning, or an error with --strict


UNKNOWN = """\
version: '1.0'
colour: blue
nameservers:
  default:
    host: 127.0.0.1
    ns_port: {port}
    ns_prot: 1234
"""


def test_unknown_keys_warn_and_strict_fails(labns_home, fresh_server):
    port = U.free_port()
    path = labns_home.write("unknown.yml", UNKNOWN.format(port=port))
    rc, out, err = labns_home.run("config", "check", path)
    assert rc == 0, err
    assert re.search(r"colour \(line 2\): unknown key", err), err
    assert re.search(r"nameservers\.default\.ns_prot \(line 7\): unknown key", err), err
    rc, out, err = labns_home.run("config", "check", "--strict", path)
    assert rc != 0
    msg = one_error(err)
    assert "colour" in msg and "line 2" in msg, msg
    # start: warns and runs
    srv = start_named(fresh_server, labns_home, ["start", "--config", path], port)
    wait_stderr(srv, "ns_prot")
    with ns_proxy(port) as ns:
        assert ns.count() == 1
    srv.stop()
    assert U.wait_port_released(U.HOST, port)
    # start --strict: refuses, before binding
    rc, out, err = labns_home.run("start", "--strict", "--config", path)
    assert rc != 0
    msg = one_error(err)
    assert "colour" in msg and "line 2" in msg, msg
    assert not U.tcp_accepts(U.HOST, port)
    # `strict: true` in the file does the same
    strict_file = labns_home.write("strict.yml", "strict: true\n" + UNKNOWN.format(port=port))
    rc, out, err = labns_home.run("start", "--config", strict_file)
    assert rc != 0
    assert "colour" in one_error(err)
    assert not U.tcp_accepts(U.HOST, port)


# ------------------------------------------------------------------------------------------------
# the PyroLab docs' example file: default / production / development


def docs_copy(home):
    """The docs example with free ports (the remote production host replaced by a TEST-NET
    address only when the test wants to start that entry); installed with `config update`."""
    ports = {"default": U.free_port(), "development": U.free_port(), "production": U.free_port()}
    bc = {"default": U.free_tcp_udp_port(), "production": U.free_tcp_udp_port()}
    text = rewrite(read(DOCS_NAMESERVERS), {
        "default": {"ns_port": ports["default"], "ns_bcport": bc["default"]},
        "development": {"ns_port": ports["development"]},
        "production": {"ns_port": ports["production"], "ns_bcport": bc["production"], "host": NOT_LOCAL_V4},
    })
    path = home.write("docs-nameservers.yml", text)
    rc, out, err = home.run("config", "update", path)
    assert rc == 0, err
    return ports, bc


def test_docs_example_starts_each_entry_by_name(labns_home, fresh_server):
    ports, bc = docs_copy(labns_home)
    # `labns start default` and `labns start nameserver development`, both at once
    default = start_named(fresh_server, labns_home, ["start", "default"], ports["default"])
    dev = start_named(fresh_server, labns_home, ["start", "nameserver", "development"], ports["development"])
    assert banner_uris(default) == ["PYRO:Pyro.NameServer@localhost:%d" % ports["default"]]
    assert banner_uris(dev) == ["PYRO:Pyro.NameServer@localhost:%d" % ports["development"]]
    with ns_proxy(ports["default"]) as a, ns_proxy(ports["development"]) as b:
        a.register("docs.on.default", "PYRO:x@127.0.0.1:1", metadata={"d"})
        b.register("docs.on.development", "PYRO:y@127.0.0.1:2")
        assert set(a.list()) == {U.NS_NAME, "docs.on.default"}
        assert set(b.list()) == {U.NS_NAME, "docs.on.development"}
        assert str(a.lookup(U.NS_NAME)) == "PYRO:Pyro.NameServer@localhost:%d" % ports["default"]
    # default: `ns_bchost: localhost`, `ns_bcport` set and no `broadcast` key -> responder on
    # (DECISIONS.md 1); development has no ns_bcport -> none
    reply = U.udp_ask(U.HOST, bc["default"])
    assert reply == ("PYRO:Pyro.NameServer@localhost:%d" % ports["default"]).encode(), reply
    with Pyro5.api.locate_ns(port=bc["default"]) as ns:           # discovery over loopback
        assert ns._pyroUri.port == ports["default"]
    assert "Broadcast server running" not in dev.stdout()
    # the remote production entry: a clear one-line error, non-zero exit, nothing left listening
    # (--wait-for-address 0: a configured entry otherwise retries an unassigned address for 120 s)
    rc, out, err = labns_home.run("start", "production", "--wait-for-address", "0", timeout=30)
    assert rc != 0
    msg = one_error(err)
    assert NOT_LOCAL_V4 in msg and re.search(r"(?i)bind|address|resolve", msg), msg
    assert not U.tcp_accepts(U.HOST, ports["production"])
    # the two that run are unaffected
    for srv in (default, dev):
        assert srv.alive(), srv.describe()
    # `labns start` without a name is the 'default' entry
    default.stop()
    assert U.wait_port_released(U.HOST, ports["default"])
    again = start_named(fresh_server, labns_home, ["start"], ports["default"])
    assert banner_uris(again) == ["PYRO:Pyro.NameServer@localhost:%d" % ports["default"]]


def test_docs_example_as_published_starts_without_resolving_production(labns_home, fresh_server):
    """The unmodified file (production names a remote machine that nothing here can resolve):
    default and development start, with only the port given on the command line."""
    for entry, extra in (("development", []), ("default", ["-x"])):
        port = U.free_port()
        srv = start_named(fresh_server, labns_home,
                          ["start", "nameserver", entry, "--config", DOCS_NAMESERVERS, "-p", str(port)] + extra, port)
        assert banner_uris(srv) == ["PYRO:Pyro.NameServer@localhost:%d" % port]
        with ns_proxy(port) as ns:
            assert ns.count() == 1
        assert "example.org" not in srv.stderr(), srv.stderr()


@pytest.mark.parametrize("path,entry", [(PYROLAB_FULL, "local"), (DOCS_FULL, "default")])
def test_full_pyrolab_file_with_daemons_and_services_starts(labns_home, fresh_server, path, entry):
    port = U.free_port()
    srv = start_named(fresh_server, labns_home, ["start", entry, "--config", path, "-p", str(port)], port)
    assert banner_uris(srv) == ["PYRO:Pyro.NameServer@localhost:%d" % port]
    with ns_proxy(port) as ns:
        ns.register("svc.optics.rotator", "PYRO:rot@127.0.0.1:3", metadata={"class:PRM1Z8"})
        assert ns.count() == 2
    assert not os.path.exists(labns_home.data)        # memory storage: no store created


def test_unknown_name_is_refused_listing_the_known_ones(labns_home):
    docs_copy(labns_home)
    for args in (["start", "nosuch"], ["start", "nameserver", "nosuch"]):
        rc, out, err = labns_home.run(*args)
        assert rc != 0
        msg = one_error(err)
        assert "nosuch" in msg and "default" in msg and "development" in msg, msg


# ------------------------------------------------------------------------------------------------
# --all: several name servers in one process


ALL = """\
nameservers:
  alpha:
    host: 127.0.0.1
    ns_port: {a}
  beta:
    host: 127.0.0.1
    ns_port: {b}
    storage: lmdb
{extra}"""


def test_all_serves_two_name_servers_at_once(labns_home, fresh_server):
    a, b = U.free_port(), U.free_port()
    path = labns_home.write("two.yml", ALL.format(a=a, b=b, extra=""))
    srv = start_named(fresh_server, labns_home, ["start", "--all", "--config", path], a)
    assert U.wait_for(lambda: U.tcp_accepts(U.HOST, b), 5), srv.describe()
    uris = banner_uris(srv, count=2)
    assert sorted(uris) == sorted(["PYRO:Pyro.NameServer@127.0.0.1:%d" % a, "PYRO:Pyro.NameServer@127.0.0.1:%d" % b])
    with Pyro5.api.locate_ns(host=U.HOST, port=a) as na, Pyro5.api.locate_ns(host=U.HOST, port=b) as nb:
        na.register("only.alpha", "PYRO:a@127.0.0.1:1", metadata={"alpha"})
        nb.register("only.beta", "PYRO:b@127.0.0.1:2", metadata={"beta"})
        assert set(na.list()) == {U.NS_NAME, "only.alpha"}
        assert set(nb.list()) == {U.NS_NAME, "only.beta"}
        assert str(na.lookup(U.NS_NAME)) == "PYRO:Pyro.NameServer@127.0.0.1:%d" % a
        assert str(nb.lookup(U.NS_NAME)) == "PYRO:Pyro.NameServer@127.0.0.1:%d" % b
        with pytest.raises(Pyro5.errors.NamingError):
            na.lookup("only.beta")
    # beta's store went to its own place under the data directory
    stores = os.listdir(labns_home.data)
    assert len(stores) == 1 and stores[0].startswith("beta"), stores
    # SIGHUP reloads both
    srv.signal(signal.SIGHUP)
    wait_stderr(srv, "[alpha] configuration reloaded")
    wait_stderr(srv, "[beta] configuration reloaded")
    srv.signal(signal.SIGTERM)
    assert srv.wait(10) == 0, srv.describe()
    # restarted: beta remembers, alpha (memory) forgets
    srv = start_named(fresh_server, labns_home, ["start", "--all", "--config", path], a)
    assert U.wait_for(lambda: U.tcp_accepts(U.HOST, b), 5), srv.describe()
    with ns_proxy(a) as na, ns_proxy(b) as nb:
        assert set(na.list()) == {U.NS_NAME}
        assert nb.lookup("only.beta", return_metadata=True)[1] == {"beta"}
        assert str(nb.lookup(U.NS_NAME)) == "PYRO:Pyro.NameServer@127.0.0.1:%d" % b


def test_all_follows_autolaunch_and_refuses_overrides(labns_home, fresh_server):
    a, b = U.free_port(), U.free_port()
    path = labns_home.write("two.yml", ALL.format(a=a, b=b, extra="autolaunch:\n  nameservers: [beta]\n"))
    rc, out, err = labns_home.run("start", "--all", "--config", path, "-p", str(U.free_port()))
    assert rc != 0
    one_error(err)
    srv = start_named(fresh_server, labns_home, ["start", "--all", "--config", path], b)
    assert len(banner_uris(srv)) == 1
    assert not U.tcp_accepts(U.HOST, a)


def test_all_fails_as_a_whole_when_one_port_is_taken(labns_home):
    a = U.free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as blocker:
        blocker.bind((U.HOST, 0))
        blocker.listen(5)
        b = blocker.getsockname()[1]
        path = labns_home.write("two.yml", ALL.format(a=a, b=b, extra=""))
        rc, out, err = labns_home.run("start", "--all", "--config", path)
        assert rc != 0
        msg = one_error(err)
        assert str(b) in msg, msg
        assert "URI = " not in out
        assert not U.tcp_accepts(U.HOST, a)


def test_names_that_look_alike_get_separate_default_stores(labns_home, fresh_server):
    """'auto 1' and 'auto_1' (PyroLab's generated-name keys) both without a store path."""
    a, b = U.free_port(), U.free_port()
    text = ("nameservers:\n"
            "  auto 1:\n    host: 127.0.0.1\n    ns_port: %d\n    storage: sql\n"
            "  auto_1:\n    host: 127.0.0.1\n    ns_port: %d\n    storage: dbm\n" % (a, b))
    path = labns_home.write("alike.yml", text)
    srv = start_named(fresh_server, labns_home, ["start", "--all", "--config", path], a)
    assert U.wait_for(lambda: U.tcp_accepts(U.HOST, b), 5), srv.describe()
    assert len(os.listdir(labns_home.data)) == 2, os.listdir(labns_home.data)
    with ns_proxy(a) as na, ns_proxy(b) as nb:
        na.register("in.space", "PYRO:a@127.0.0.1:1")
        nb.register("in.underscore", "PYRO:b@127.0.0.1:2")
    srv.signal(signal.SIGTERM)
    assert srv.wait(10) == 0
    srv = start_named(fresh_server, labns_home, ["start", "auto 1", "--config", path], a)
    with ns_proxy(a) as na:
        assert set(na.list()) == {U.NS_NAME, "in.space"}


@pytest.mark.parametrize("spelling", [
    "storage: lmdb:{path}",
    "storage: dbm:{path}",
    "storage_type: sql\n    storage_file: {path}",
    "storage_type: sql\n    storage_filename: {path}",
])
def test_configured_store_path_persists(labns_home, fresh_server, spelling):
    port = U.free_port()
    store = labns_home.path("stores", "configured", "ns_default.sql")
    text = ("nameservers:\n  - default:\n      host: 127.0.0.1\n      ns_port: %d\n      %s\n"
            % (port, spelling.format(path=store).replace("\n    ", "\n      ")))
    labns_home.write(labns_home.config, text)
    srv = start_named(fresh_server, labns_home, ["start"], port)
    assert os.path.isfile(os.path.join(store, "data.mdb")), srv.describe()
    with ns_proxy(port) as ns:
        ns.register("configured.store", "PYRO:c@127.0.0.1:3", metadata={"c"})
    srv.signal(signal.SIGKILL)
    srv.wait(10)
    srv = start_named(fresh_server, labns_home, ["start"], port)
    with ns_proxy(port) as ns:
        assert ns.lookup("configured.store", return_metadata=True)[1] == {"c"}
    assert not os.path.exists(labns_home.data)


def test_all_refuses_two_entries_on_one_store(labns_home):
    a, b = U.free_port(), U.free_port()
    store = labns_home.path("stores", "same")
    text = ("nameservers:\n  one:\n    host: 127.0.0.1\n    ns_port: %d\n    storage: lmdb:%s\n"
            "  two:\n    host: 127.0.0.1\n    ns_port: %d\n    storage: dbm:%s\n" % (a, store, b, store))
    path = labns_home.write("same.yml", text)
    rc, out, err = labns_home.run("start", "--all", "--config", path)
    assert rc != 0
    msg = one_error(err)
    assert "one" in msg and "two" in msg, msg
    assert not U.tcp_accepts(U.HOST, a) and not U.tcp_accepts(U.HOST, b)


# ------------------------------------------------------------------------------------------------
# SIGHUP: reload the configuration; a bad file is reported and the running one kept


RELOAD = """\
nameservers:
  default:
    host: 127.0.0.1
    ns_port: {port}
    ns_autoclean: {autoclean}
    max_message_size: {size}
"""


def big_register(port, name):
    """A registration of about 10 kB (ten tags of 1000 bytes)."""
    with ns_proxy(port) as ns:
        ns.register(name, "PYRO:big@127.0.0.1:1", metadata={"%d:%s" % (i, "x" * 998) for i in range(10)})


def test_sighup_reloads_the_configuration(labns_home, fresh_server):
    port = U.free_port()
    labns_home.write(labns_home.config, RELOAD.format(port=port, autoclean=0, size="1MiB"))
    srv = start_named(fresh_server, labns_home, ["start"], port)
    big_register(port, "big.before")
    with ns_proxy(port) as ns:
        ns.register("keep.me", "PYRO:k@127.0.0.1:2", metadata={"k"})
    labns_home.write(labns_home.config, RELOAD.format(port=port, autoclean=3, size=4096))
    srv.signal(signal.SIGHUP)
    wait_stderr(srv, "configuration reloaded")
    assert srv.alive()
    # the new message limit applies: a 10 kB request is refused now, small ones go on
    with pytest.raises(Pyro5.errors.CommunicationError):
        big_register(port, "big.after")
    with ns_proxy(port) as ns:
        assert ns.lookup("keep.me", return_metadata=True)[1] == {"k"}
        assert set(ns.list()) == {U.NS_NAME, "big.before", "keep.me"}
    assert "error" not in srv.stderr().lower(), srv.stderr()


@pytest.mark.parametrize("broken", [
    "nameservers: [\n",
    "nameservers:\n  default:\n    host: 127.0.0.1\n    ns_port: abc\n",
    None,                                    # the file is gone
], ids=["not-yaml", "bad-port", "missing"])
def test_sighup_with_a_bad_file_keeps_the_running_configuration(labns_home, fresh_server, broken):
    port = U.free_port()
    labns_home.write(labns_home.config, RELOAD.format(port=port, autoclean=0, size=4096))
    srv = start_named(fresh_server, labns_home, ["start"], port)
    with ns_proxy(port) as ns:
        ns.register("keep.me", "PYRO:k@127.0.0.1:2")
    if broken is None:
        os.unlink(labns_home.config)
    else:
        labns_home.write(labns_home.config, broken)
    srv.signal(signal.SIGHUP)
    wait_stderr(srv, "not reloaded")
    errors = [ln for ln in srv.stderr().splitlines() if "not reloaded" in ln]
    assert len(errors) == 1, srv.stderr()
    if broken is not None and "abc" in broken:
        assert "ns_port" in errors[0] and "line 4" in errors[0], errors
    assert "configuration reloaded" not in srv.stderr()
    # still serving, with the old limit
    assert srv.alive(), srv.describe()
    with ns_proxy(port) as ns:
        assert ns.count() == 2
    with pytest.raises(Pyro5.errors.CommunicationError):
        big_register(port, "big.refused")
    # a good file again: reloaded
    labns_home.write(labns_home.config, RELOAD.format(port=port, autoclean=0, size="1MiB"))
    srv.signal(signal.SIGHUP)
    wait_stderr(srv, "configuration reloaded")
    big_register(port, "big.accepted")
    with ns_proxy(port) as ns:
        assert set(ns.list()) == {U.NS_NAME, "keep.me", "big.accepted"}


def test_sighup_reports_settings_that_need_a_restart(labns_home, fresh_server):
    port = U.free_port()
    labns_home.write(labns_home.config, RELOAD.format(port=port, autoclean=0, size="1MiB"))
    srv = start_named(fresh_server, labns_home, ["start"], port)
    other = U.free_port()
    labns_home.write(labns_home.config, RELOAD.format(port=other, autoclean=0, size="1MiB"))
    srv.signal(signal.SIGHUP)
    wait_stderr(srv, "restart")
    with ns_proxy(port) as ns:                      # still where it was
        assert ns.count() == 1
    assert not U.tcp_accepts(U.HOST, other)
    srv.signal(signal.SIGTERM)
    assert srv.wait(10) == 0


RELOAD_AUTOCLEAN = """\
nameservers:
  default:
    host: 127.0.0.1
    ns_port: {port}
    ns_autoclean: {autoclean}
    autoclean_grace: 1
"""


def test_sighup_turns_autoclean_on(labns_home, fresh_server):
    """ns_autoclean changed by a reload takes effect (autoclean_grace 1 s keeps this short)."""
    port = U.free_port()
    labns_home.write(labns_home.config, RELOAD_AUTOCLEAN.format(port=port, autoclean=0))
    srv = start_named(fresh_server, labns_home, ["start"], port)
    live = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    live.bind((U.HOST, 0))
    live.listen(64)
    try:
        with ns_proxy(port) as ns:
            ns.register("ac.live", "PYRO:l@127.0.0.1:%d" % live.getsockname()[1])
            ns.register("ac.dead", "PYRO:d@127.0.0.1:%d" % U.free_port())
        time.sleep(4.5)                          # autoclean is off: nothing happens
        with ns_proxy(port) as ns:
            assert ns.count() == 3
        labns_home.write(labns_home.config, RELOAD_AUTOCLEAN.format(port=port, autoclean=3))
        srv.signal(signal.SIGHUP)
        wait_stderr(srv, "configuration reloaded")
        with ns_proxy(port) as ns:
            gone = U.wait_for(lambda: "ac.dead" not in ns.list(), 15, interval=0.2)
            assert gone, srv.describe()
            assert "ac.live" in ns.list()
    finally:
        live.close()
