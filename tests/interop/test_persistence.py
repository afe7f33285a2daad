"""Persistent storage: what survives a restart, and the stores labns refuses to start on.

labns keeps every persistent spelling (`lmdb`, `sql`, `dbm`) in LMDB (DECISIONS.md 2). The restart
expectations are Pyro5's too: against LABNS_TARGET=python the `sql` cases run with Pyro5's own
`-s sql:FILE` store (sqlite, committed before each reply). Pyro5's `dbm` store drops metadata and it
has no `lmdb`, so those cases, and everything about refusing a store, are labns-only.

Every labns process gets LABNS_CONFIG/LABNS_DATA_DIR/HOME in a scratch directory (labns_home):
the tests run as root and must never touch /etc/labns or /var/lib/labns.
"""

import os
import signal
import threading

import pytest
import Pyro5.api
import Pyro5.errors

import interop_util as U

KINDS = ("lmdb", "sql", "dbm")


def store_kwargs(home, kind, store):
    """start_server() keyword arguments for a server on `store` (a path without extension)."""
    if U.IS_LABNS:
        return {"labns_args": ["--storage", "%s:%s" % (kind, store)], "env_extra": home.env()}
    # Pyro5's own stores, for the expectations that are Pyro5's too (sqlite does not create directories)
    os.makedirs(os.path.dirname(store), exist_ok=True)
    return {"python_args": ["-s", "%s:%s.%s" % (kind, store, "sqlite" if kind == "sql" else "dbm")]}


def require_kind(kind):
    if kind == "lmdb":
        U.require_labns("the lmdb storage spelling is labns'")
    if kind == "dbm":
        U.require_labns("Pyro5's dbm store discards metadata")


def proxy(srv, serializer="serpent"):
    p = Pyro5.api.Proxy(srv.uri)
    p._pyroSerializer = serializer
    p._pyroTimeout = 10
    return p


def registry(srv, serializer="serpent"):
    """{name: (uri, tags)} of every entry but Pyro.NameServer."""
    with proxy(srv, serializer) as p:
        got = p.list(return_metadata=True)
    return {name: (str(uri), set(tags)) for name, (uri, tags) in got.items() if name != U.NS_NAME}


def check_ns_entry(srv):
    """The Pyro.NameServer entry names this server (its new address after a restart)."""
    with proxy(srv) as p:
        uri, tags = p.lookup(U.NS_NAME, return_metadata=True)
        assert str(uri) == srv.uri
        assert set(tags) == {U.NS_TAG}
        assert str(p.lookup(U.NS_NAME)) == srv.uri
    with Pyro5.api.locate_ns(host=srv.host, port=srv.port) as ns:
        assert ns._pyroUri.port == srv.port


def fill(srv):
    """Registrations, metadata changes, re-registration and a removal through the real client;
    returns the registry as it must be afterwards. The last call is a register, whose reply is
    the last thing received before the test signals the server."""
    with proxy(srv) as p:
        p.register("lab.laser", "PYRO:laser@127.0.0.1:50001", metadata={"class:lab.Laser", "room:1.04"})
        p.register("lab.plain", "PYRO:plain@127.0.0.1:50002")
        p.register("lab.ünïcode ☃", "PYRO:uni@127.0.0.1:50003", metadata={"tag ✓"})
        p.register("lab.changed", "PYRO:changed@127.0.0.1:50004", metadata={"v1"})
        p.set_metadata("lab.changed", {"v2", "v3"})
        p.register("lab.moved", "PYRO:moved@127.0.0.1:50005", metadata={"old"})
        p.register("lab.moved", "PYRO:moved@127.0.0.1:50006", metadata={"new"}, safe=False)
        p.register("lab.gone", "PYRO:gone@127.0.0.1:50007")
        assert p.remove("lab.gone") == 1
        p.register("lab.cleared", "PYRO:cleared@127.0.0.1:50008", metadata={"x"})
        p.set_metadata("lab.cleared", set())
    with proxy(srv, "json") as p:
        p.register("lab.json", "PYRO:json@[::1]:50009", metadata=["via json"])
    with proxy(srv) as p:
        p.register("lab.last", "PYRO:last@127.0.0.1:50010", metadata={"last"})
    return {
        "lab.laser": ("PYRO:laser@127.0.0.1:50001", {"class:lab.Laser", "room:1.04"}),
        "lab.plain": ("PYRO:plain@127.0.0.1:50002", set()),
        "lab.ünïcode ☃": ("PYRO:uni@127.0.0.1:50003", {"tag ✓"}),
        "lab.changed": ("PYRO:changed@127.0.0.1:50004", {"v2", "v3"}),
        "lab.moved": ("PYRO:moved@127.0.0.1:50006", {"new"}),
        "lab.cleared": ("PYRO:cleared@127.0.0.1:50008", set()),
        "lab.json": ("PYRO:json@[::1]:50009", {"via json"}),
        "lab.last": ("PYRO:last@127.0.0.1:50010", {"last"}),
    }


def stop_with(srv, sig):
    srv.signal(sig)
    rc = srv.wait(10)
    if sig == signal.SIGKILL:
        assert rc == -signal.SIGKILL
    elif U.IS_LABNS:
        assert rc == 0, srv.describe()
    return rc


# ------------------------------------------------------------------------------------------------
# restarts


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("kind", KINDS)
def test_restart_keeps_exactly_what_was_committed(labns_home, fresh_server, kind, sig):
    require_kind(kind)
    store = labns_home.path("stores", "ns-" + kind)
    first = fresh_server(**store_kwargs(labns_home, kind, store))
    expected = fill(first)
    stop_with(first, sig)                   # right after the last reply, no pause
    # restart on another port: everything is there, Pyro.NameServer names the new address
    second = fresh_server(**store_kwargs(labns_home, kind, store))
    assert second.port != first.port
    for serializer in U.SERIALIZERS:
        assert registry(second, serializer) == expected, serializer
    check_ns_entry(second)
    with proxy(second) as p:
        assert p.count() == len(expected) + 1
        assert p.lookup("lab.laser", return_metadata=True)[1] == {"class:lab.Laser", "room:1.04"}
        assert sorted(p.yplookup(meta_all=["new"])) == ["lab.moved"]
        with pytest.raises(Pyro5.errors.NamingError):
            p.lookup("lab.gone")
        # the restarted server goes on storing: a change after the restart survives the next one
        p.remove("lab.plain")
        p.register("lab.after", "PYRO:after@127.0.0.1:50011", metadata={"after"})
    del expected["lab.plain"]
    expected["lab.after"] = ("PYRO:after@127.0.0.1:50011", {"after"})
    stop_with(second, sig)
    third = fresh_server(**store_kwargs(labns_home, kind, store))
    assert registry(third) == expected
    check_ns_entry(third)


@pytest.mark.parametrize("kind", ["lmdb", "sql"])
def test_sigkill_under_load_keeps_every_acknowledged_change(labns_home, fresh_server, kind):
    """Four clients register as fast as they can; SIGKILL in the middle. Every registration whose
    reply a client received is there after the restart; nothing appears that was never sent."""
    require_kind(kind)
    store = labns_home.path("stores", "load-" + kind)
    srv = fresh_server(**store_kwargs(labns_home, kind, store))
    acked, attempted, failures = [], set(), []
    stop = threading.Event()

    def writer(t):
        try:
            with proxy(srv) as p:
                i = 0
                while not stop.is_set():
                    name = "load.%d.%05d" % (t, i)
                    attempted.add(name)
                    p.register(name, "PYRO:o%d@127.0.0.1:%d" % (i, 20000 + t), metadata={"writer:%d" % t})
                    acked.append(name)
                    i += 1
        except Pyro5.errors.CommunicationError as x:
            failures.append(x)

    threads = [threading.Thread(target=writer, args=(t,), daemon=True) for t in range(4)]
    for th in threads:
        th.start()
    assert U.wait_for(lambda: len(acked) >= 400, 20), "only %d registrations in 20 s" % len(acked)
    srv.signal(signal.SIGKILL)
    assert srv.wait(10) == -signal.SIGKILL
    stop.set()
    for th in threads:
        th.join(15)
        assert not th.is_alive()
    again = fresh_server(**store_kwargs(labns_home, kind, store))
    got = registry(again)
    missing = set(acked) - set(got)
    assert not missing, "%d acknowledged registrations lost, e.g. %s" % (len(missing), sorted(missing)[:5])
    assert set(got) <= attempted
    for name in acked:
        t = int(name.split(".")[1])
        assert got[name][1] == {"writer:%d" % t}


def test_sigkill_after_a_batch_keeps_the_whole_batch(labns_home, fresh_server):
    store = labns_home.path("stores", "batch")
    srv = fresh_server(**store_kwargs(labns_home, "sql", store))
    with proxy(srv) as p:
        batch = Pyro5.api.BatchProxy(p)
        for i in range(50):
            batch.register("batch.%02d" % i, "PYRO:b%02d@127.0.0.1:%d" % (i, 21000 + i), metadata={"batch"})
        batch.remove("batch.07")
        batch.set_metadata("batch.08", {"changed"})
        results = list(batch())
    assert results[-2:] == [1, None]
    stop_with(srv, signal.SIGKILL)
    again = fresh_server(**store_kwargs(labns_home, "sql", store))
    got = registry(again)
    assert set(got) == {"batch.%02d" % i for i in range(50)} - {"batch.07"}
    assert got["batch.08"][1] == {"changed"} and got["batch.09"][1] == {"batch"}


@pytest.mark.labns_only("exit code 0 on SIGINT")
def test_sigint_exits_zero_and_keeps_the_store(labns_home, fresh_server):
    store = labns_home.path("stores", "sigint")
    srv = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    expected = fill(srv)
    stop_with(srv, signal.SIGINT)
    assert "NS shut down." in srv.stdout()
    again = fresh_server(port=srv.port, **store_kwargs(labns_home, "lmdb", store))
    assert registry(again) == expected
    check_ns_entry(again)


def test_memory_forgets(labns_home, fresh_server):
    kw = {"env_extra": labns_home.env()} if U.IS_LABNS else {}
    srv = fresh_server(**kw)
    fill(srv)
    srv.signal(signal.SIGTERM)
    srv.wait(10)
    assert U.wait_port_released(U.HOST, srv.port)
    again = fresh_server(port=srv.port, **kw)
    assert registry(again) == {}
    check_ns_entry(again)
    if U.IS_LABNS:
        assert not os.path.exists(labns_home.data) or os.listdir(labns_home.data) == []


@pytest.mark.labns_only("labns store handling")
@pytest.mark.parametrize("kind", ["sql", "dbm"])
def test_pyro5_store_file_is_left_alone_and_gets_an_lmdb_store_beside_it(labns_home, fresh_server, kind):
    """A lab's file says `storage: sql:/path/ns.sqlite` and that file is Pyro5's own sqlite (or
    dbm) store: labns starts, neither reads nor writes the file (DECISIONS.md 2: services
    re-register), keeps its LMDB store in `PATH.lmdb` and says so; restarts find that store."""
    old = b"SQLite format 3\x00" + bytes(range(256)) * 4
    path = labns_home.path("stores", "pyrolab", "ns." + ("sqlite" if kind == "sql" else "dbm"))
    os.makedirs(os.path.dirname(path))
    with open(path, "wb") as f:
        f.write(old)
    args = {"labns_args": ["--storage", "%s:%s" % (kind, path)], "env_extra": labns_home.env()}
    srv = fresh_server(**args)
    expected = fill(srv)
    stop_with(srv, signal.SIGKILL)
    lines = [l for l in srv.stderr().splitlines() if "is a file" in l]
    assert len(lines) == 1 and path + ".lmdb" in lines[0] and "WARN" in lines[0], srv.stderr()
    assert os.path.isfile(os.path.join(path + ".lmdb", "data.mdb"))
    again = fresh_server(**args)
    assert registry(again) == expected
    with open(path, "rb") as f:
        assert f.read() == old
    # the lmdb spelling means "this is my LMDB directory": a file there is refused (below)
    line = refused(labns_home, "lmdb:" + path)
    assert path in line and "is a file" in line, line


@pytest.mark.labns_only("labns store handling")
def test_missing_directories_are_created(labns_home, fresh_server):
    store = labns_home.path("does", "not", "exist", "yet", "ns.lmdb")
    srv = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    assert os.path.isdir(store)
    assert os.path.isfile(os.path.join(store, "data.mdb"))
    expected = fill(srv)
    stop_with(srv, signal.SIGTERM)
    again = fresh_server(**store_kwargs(labns_home, "sql", store))
    assert registry(again) == expected


@pytest.mark.labns_only("labns data directory")
@pytest.mark.parametrize("how", ["--data-dir", "LABNS_DATA_DIR"])
def test_store_without_a_path_goes_under_the_data_directory(labns_home, fresh_server, how):
    data = labns_home.path("elsewhere", "data")
    if how == "--data-dir":
        args, env = ["--data-dir", data], labns_home.env()
    else:
        args, env = [], labns_home.env(LABNS_DATA_DIR=data)
    srv = fresh_server(labns_args=["--storage", "lmdb"] + args, env_extra=env)
    # a directory for the name server (the configuration's 'default' entry) under the data directory
    entries = os.listdir(data)
    assert len(entries) == 1 and entries[0].startswith("default"), entries
    store = os.path.join(data, entries[0])
    assert os.path.isfile(os.path.join(store, "data.mdb")), os.listdir(store)
    assert not os.path.exists(labns_home.data) or os.listdir(labns_home.data) == []
    expected = fill(srv)
    stop_with(srv, signal.SIGKILL)
    again = fresh_server(labns_args=["--storage", "sql"] + args, env_extra=env)
    assert registry(again) == expected
    assert os.listdir(data) == entries


# ------------------------------------------------------------------------------------------------
# stores labns refuses: one line, non-zero exit, the store left as it was


def refused(home, store_arg, port=None, extra=()):
    """Start labns on a store that must be refused; returns its single error line."""
    port = port or U.free_port()
    rc, out, err = home.run("start", "--host", U.HOST, "--port", str(port), "--storage", store_arg, *extra)
    assert rc != 0, (out, err)
    lines = U.error_lines(err)
    assert len(lines) == 1, err
    assert "URI = " not in out, out
    assert not U.tcp_accepts(U.HOST, port)
    return lines[0]


@pytest.mark.labns_only("labns store locking")
@pytest.mark.parametrize("spelling", ["lmdb", "sql", "dbm"])
def test_second_instance_on_the_same_store_fails(labns_home, fresh_server, spelling):
    store = labns_home.path("stores", "shared")
    first = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    expected = fill(first)
    line = refused(labns_home, "%s:%s" % (spelling, store))
    assert "in use" in line and store in line, line
    # a relative spelling of the same directory is the same store
    rel = os.path.relpath(store)
    line = refused(labns_home, "%s:%s" % (spelling, rel))
    assert "in use" in line, line
    # the first one never noticed
    assert first.alive()
    assert registry(first) == expected
    with proxy(first) as p:
        p.register("lab.more", "PYRO:more@127.0.0.1:50012")
    expected["lab.more"] = ("PYRO:more@127.0.0.1:50012", set())
    stop_with(first, signal.SIGTERM)
    # once it is gone the store opens again, unharmed
    again = fresh_server(**store_kwargs(labns_home, spelling, store))
    assert registry(again) == expected


@pytest.mark.labns_only("labns store locking")
def test_second_instance_after_sigkill_of_the_first_may_start(labns_home, fresh_server):
    """The lock dies with its process: a store left by a killed server is not 'in use'."""
    store = labns_home.path("stores", "killed")
    first = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    expected = fill(first)
    stop_with(first, signal.SIGKILL)
    again = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    assert registry(again) == expected


@pytest.mark.labns_only("labns store locking")
@pytest.mark.parametrize("content", ["own-pid", "garbage", "empty"])
def test_stale_lock_file_does_not_block_the_store(labns_home, fresh_server, content):
    """labns.lock left behind names a pid (after a crash, maybe one in use again by another
    process): only a lock actually held by a running labns means 'in use'."""
    store = labns_home.path("stores", "stale")
    first = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    expected = fill(first)
    stop_with(first, signal.SIGTERM)
    lock = os.path.join(store, "labns.lock")
    text = {"own-pid": "%d\n" % os.getpid(), "garbage": "not a pid \x01\n", "empty": ""}[content]
    with open(lock, "w") as f:
        f.write(text)
    again = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    assert registry(again) == expected


GARBAGE = {
    "text": b"this is not an LMDB data file\n" * 3000,
    "zeros": b"\0" * 65536,
    "short": b"garbage",
    "empty": b"",
}


@pytest.mark.labns_only("labns store checks")
@pytest.mark.parametrize("what", sorted(GARBAGE))
def test_corrupt_store_is_refused_and_left_alone(labns_home, what):
    store = labns_home.path("stores", "corrupt")
    os.makedirs(store)
    data = os.path.join(store, "data.mdb")
    with open(data, "wb") as f:
        f.write(GARBAGE[what])
    line = refused(labns_home, "lmdb:" + store)
    assert store in line, line
    with open(data, "rb") as f:
        assert f.read() == GARBAGE[what], "labns changed the corrupt store"


@pytest.mark.labns_only("labns store checks")
def test_truncated_store_is_refused_and_left_alone(labns_home, fresh_server):
    store = labns_home.path("stores", "truncated")
    srv = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    with proxy(srv) as p:
        for i in range(300):
            p.register("bulk.%03d" % i, "PYRO:obj%03d@127.0.0.1:%d" % (i, 40000 + i), metadata={"n:%d" % i, "x" * 200})
    stop_with(srv, signal.SIGTERM)
    data = os.path.join(store, "data.mdb")
    with open(data, "rb") as f:
        whole = f.read()
    assert len(whole) > 8192
    cut = whole[:len(whole) // 2]
    with open(data, "wb") as f:
        f.write(cut)
    line = refused(labns_home, "lmdb:" + store)
    assert store in line, line
    with open(data, "rb") as f:
        assert f.read() == cut


@pytest.mark.labns_only("labns store checks")
def test_store_path_that_is_a_file_is_refused(labns_home):
    path = labns_home.write("stores/a-file", "precious\n")
    line = refused(labns_home, "lmdb:" + path)
    assert path in line, line
    with open(path) as f:
        assert f.read() == "precious\n"
    # also when a directory on the way is a file
    line = refused(labns_home, "lmdb:" + os.path.join(path, "store"))
    assert "a-file" in line, line


@pytest.mark.labns_only("labns store checks")
@pytest.mark.parametrize("name", ["data.mdb", "lock.mdb", "labns.lock"])
def test_store_file_that_cannot_be_opened_is_refused_and_named(labns_home, name):
    """One of the store's files cannot be opened (here: it is a directory, which root cannot open
    as a file either): one line naming that file, non-zero exit, nothing changed."""
    store = labns_home.path("stores", "blocked")
    os.makedirs(os.path.join(store, name))
    line = refused(labns_home, "lmdb:" + store)
    assert name in line, "the error does not name the file that could not be opened: %r" % line
    assert os.path.isdir(os.path.join(store, name))


@pytest.mark.labns_only("labns store checks")
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_unreadable_store_is_refused(labns_home):
    store = labns_home.path("stores", "unreadable")
    os.makedirs(store)
    os.chmod(store, 0)
    try:
        line = refused(labns_home, "lmdb:" + store)
        assert store in line, line
    finally:
        os.chmod(store, 0o700)


# ------------------------------------------------------------------------------------------------
# a full LMDB map


@pytest.mark.labns_only("LMDB map size")
@pytest.mark.timeout(90)
def test_full_map_gives_naming_error_and_keeps_serving(labns_home, fresh_server):
    store = labns_home.path("stores", "small")
    args = ["--storage", "lmdb:" + store, "--lmdb-map-size", "1MiB"]
    srv = fresh_server(labns_args=args, env_extra=labns_home.env())
    def blob(i):            # about 40 kB of metadata: 40 tags of 1000 bytes
        return {"%03d.%02d:%s" % (i, t, "b" * 993) for t in range(40)}
    accepted = {}
    error = None
    with proxy(srv) as p:
        for i in range(200):
            name = "big.%03d" % i
            uri = "PYRO:big%03d@127.0.0.1:%d" % (i, 30000 + i)
            try:
                p.register(name, uri, metadata=blob(i))
            except Pyro5.errors.NamingError as x:
                error = x
                failed = name
                break
            accepted[name] = (uri, blob(i))
        assert error is not None, "1 MiB never filled up after %d registrations of 40 kB" % len(accepted)
        assert "storage full" in str(error).lower(), str(error)
        assert len(accepted) >= 5
        # reads go on, on this connection and on new ones
        assert p.count() == len(accepted) + 1
        assert str(p.lookup("big.000")) == accepted["big.000"][0]
        with pytest.raises(Pyro5.errors.NamingError):
            p.lookup(failed)
    assert srv.alive()
    assert registry(srv) == accepted
    with Pyro5.api.locate_ns(host=srv.host, port=srv.port) as ns:
        assert ns.ping() is None
        assert set(ns.list(prefix="big.")) == set(accepted)
        # still full: the same NamingError again, nothing half-stored
        with pytest.raises(Pyro5.errors.NamingError, match="(?i)storage full"):
            ns.register("big.again", "PYRO:again@127.0.0.1:1", metadata=blob(999))
        # removing makes room again
        assert ns.remove("big.000") == 1
    del accepted["big.000"]
    with proxy(srv) as p:
        p.register("small.after", "PYRO:small@127.0.0.1:2", metadata={"s"})
    accepted["small.after"] = ("PYRO:small@127.0.0.1:2", {"s"})
    stop_with(srv, signal.SIGTERM)
    again = fresh_server(labns_args=args, env_extra=labns_home.env())
    assert registry(again) == accepted
    check_ns_entry(again)


@pytest.mark.labns_only("LMDB map size")
def test_store_larger_than_the_map_size_still_loads(labns_home, fresh_server):
    """A store filled with the default map size, restarted with --lmdb-map-size 1MiB: everything
    is there (never an empty start), and a full map is a NamingError, not a crash."""
    store = labns_home.path("stores", "shrunk")
    srv = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    expected = {}
    with proxy(srv) as p:
        for i in range(60):
            tags = {"%02d.%02d:%s" % (i, t, "s" * 990) for t in range(40)}
            p.register("shrunk.%02d" % i, "PYRO:s@127.0.0.1:%d" % (22000 + i), metadata=tags)
            expected["shrunk.%02d" % i] = ("PYRO:s@127.0.0.1:%d" % (22000 + i), tags)
    stop_with(srv, signal.SIGTERM)
    assert os.path.getsize(os.path.join(store, "data.mdb")) > 2 << 20
    srv = fresh_server(labns_args=["--storage", "lmdb:" + store, "--lmdb-map-size", "1MiB"], env_extra=labns_home.env())
    assert registry(srv) == expected
    with proxy(srv) as p:
        try:
            p.register("shrunk.more", "PYRO:m@127.0.0.1:1")
            expected["shrunk.more"] = ("PYRO:m@127.0.0.1:1", set())
        except Pyro5.errors.NamingError as x:
            assert "storage full" in str(x).lower(), str(x)
        # LMDB grows a too-small map to exactly the data's size, so even a removal (which needs
        # fresh pages) may find it full: then it is the same clear NamingError
        try:
            assert p.remove("shrunk.00") == 1
            del expected["shrunk.00"]
        except Pyro5.errors.NamingError as x:
            assert "storage full" in str(x).lower(), str(x)
        assert registry(srv) == expected
    assert srv.alive()
    stop_with(srv, signal.SIGTERM)
    srv = fresh_server(**store_kwargs(labns_home, "lmdb", store))
    assert registry(srv) == expected
