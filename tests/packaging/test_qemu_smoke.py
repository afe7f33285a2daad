"""Each cross-built binary, run under qemu-user on loopback with LMDB storage: the real Pyro5
client registers and looks up a name; after a restart the registration is still there. The
shipped configuration is validated by each ARM binary too."""

import os

import Pyro5.api
import pytest

import pk_util as U

NAME = "smoke.laser"
URI = "PYRO:laser@127.0.0.1:50001"


@pytest.fixture(params=U.selected_targets())
def target(request):
    triple = request.param
    path = U.cross_bin(triple)
    assert os.path.isfile(path), "%s is missing: run cross/build.sh %s" % (path, triple)
    missing = U.which_all(U.TARGETS[triple]["qemu"][0])
    assert not missing, "missing %s (apt-get install qemu-user)" % " ".join(missing)
    return triple, U.TARGETS[triple]["qemu"] + [path]


def test_shipped_config_is_valid_for_the_arm_binary(target):
    triple, cmd = target
    out = U.run(cmd + ["config", "check", "--strict",
                       os.path.join(U.PACKAGING, "labns.yml")]).stdout
    assert "OK, 1 name server(s): default" in out, out


def test_register_lookup_restart(target, tmp_path):
    triple, cmd = target
    port = U.free_port()
    store = tmp_path / "store"
    start = cmd + ["start", "-n", "127.0.0.1", "-p", str(port), "-x", "-s", "lmdb:%s" % store]

    server = U.Server(start, str(tmp_path), name="first")
    try:
        banner = server.wait_banner()
        assert "NS running on 127.0.0.1:%d" % port in banner, banner
        with Pyro5.api.locate_ns(host="127.0.0.1", port=port) as ns:
            ns.register(NAME, URI, metadata={"class:smoke.Laser"})
            assert str(ns.lookup(NAME)) == URI
        for serializer in ("serpent", "json", "marshal", "msgpack"):
            with Pyro5.api.Proxy("PYRO:Pyro.NameServer@127.0.0.1:%d" % port) as ns:
                ns._pyroSerializer = serializer
                uri, meta = ns.lookup(NAME, return_metadata=True)
                assert (str(uri), set(meta)) == (URI, {"class:smoke.Laser"}), serializer
    finally:
        code = server.stop()
    assert code == 0, server.describe()
    assert "NS shut down." in server.stdout(), server.describe()

    server = U.Server(start, str(tmp_path), name="second")
    try:
        server.wait_banner()
        with Pyro5.api.locate_ns(host="127.0.0.1", port=port) as ns:
            assert str(ns.lookup(NAME)) == URI
            assert set(ns.list(prefix="smoke.")) == {NAME}
            assert ns.count() == 2  # and Pyro.NameServer
    finally:
        code = server.stop()
    assert code == 0, server.describe()
