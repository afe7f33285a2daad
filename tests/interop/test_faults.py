"""Loss-free under faults: a disk that fills up under labns' LMDB store.

The store lives on a small tmpfs the test mounts (root only, skipped otherwise). Clients register
big entries until the disk is full: every register whose reply said OK must be there after a
SIGKILL and a restart; the writes that did not fit get a clear NamingError; reads go on; the
store opens again cleanly. (The hardening issue: "disk full or a failing write makes that write
fail with a clear error and leaves the store consistent".)
"""

import os
import shutil
import signal
import subprocess
import tempfile

import pytest
import Pyro5.api
import Pyro5.errors

import interop_util as U

pytestmark = pytest.mark.labns_only("labns' LMDB store")


@pytest.fixture
def small_disk():
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    root = tempfile.mkdtemp(prefix="labns-faults-")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", root],
                       capture_output=True, text=True)
    if r.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip("cannot mount a tmpfs here: " + r.stderr.strip())
    try:
        yield root
    finally:
        subprocess.run(["umount", "-l", root], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_a_full_disk_fails_the_write_clearly_and_loses_nothing_acknowledged(small_disk, labns_home):
    store = os.path.join(small_disk, "store")
    # A map far larger than the disk: the disk, not the map, runs out.
    args = ["--storage", "lmdb:" + store, "--lmdb-map-size", "64MiB"]
    srv = U.start_server(labns_args=args, env_extra=labns_home.env())
    acked, errors = [], []
    tags = {"tag-%02d-%s" % (i, "x" * 3900) for i in range(12)}     # ~47 KB per registration
    try:
        with Pyro5.api.Proxy(srv.uri) as ns:
            ns._pyroTimeout = 10
            for i in range(200):                                     # 200 x 47 KB >> 1.5 MB
                name = "fault.%03d" % i
                try:
                    ns.register(name, "PYRO:obj%d@127.0.0.1:%d" % (i, 50000 + i), metadata=tags)
                    acked.append(name)
                except Pyro5.errors.NamingError as e:
                    errors.append(str(e))
                    if len(errors) >= 5:
                        break
            assert errors, "the disk never filled up (%d registrations)" % len(acked)
            assert acked, "nothing fitted at all"
            assert all("storag" in e for e in errors), errors
            # Reads go on, and show exactly the acknowledged entries.
            assert sorted(n for n in ns.list(prefix="fault.")) == acked
            assert str(ns.lookup(acked[0])) == "PYRO:obj0@127.0.0.1:50000"
        assert srv.alive()
        print("disk full after %d acknowledged registrations; first error: %s" % (len(acked), errors[0]))
    finally:
        srv.signal(signal.SIGKILL)
        srv.wait(10)
        srv.stop()
    # The store opens again and holds every acknowledged registration.
    srv = U.start_server(labns_args=args, env_extra=labns_home.env())
    try:
        with Pyro5.api.Proxy(srv.uri) as ns:
            got = ns.list(prefix="fault.", return_metadata=True)
            assert sorted(got) == acked
            assert all(set(t) == tags for _, t in got.values())
    finally:
        srv.stop()
