"""The .deb packages (packaging/build-deb.sh): what dpkg-deb says is in them, and the amd64 one
installed into a scratch Debian root (pk_util.scratch_root: debootstrap, cached): the maintainer
scripts create the user and the directories and enable the service; the SysV init script
starts, reports, reloads, restarts and stops the real binary there; purge removes it all."""

import io
import os
import re
import shutil
import stat
import subprocess
import tarfile

import Pyro5.api
import pytest

import pk_util as U


# path -> mode, for every file the package must ship
SHIPPED = {
    "./usr/bin/labns": 0o755,
    "./lib/systemd/system/labns.service": 0o644,
    "./etc/init.d/labns": 0o755,
    "./etc/labns/labns.yml": 0o644,
    "./etc/default/labns": 0o644,
    "./usr/share/doc/labns/copyright": 0o644,
}
CONFFILES = {"/etc/default/labns", "/etc/init.d/labns", "/etc/labns/labns.yml"}


@pytest.fixture(scope="module", params=["amd64", "arm64", "armhf"])
def deb(request):
    return request.param, U.build_deb(request.param)


def test_deb_info(deb):
    arch, (path, binary) = deb
    info = U.run(["dpkg-deb", "--info", path]).stdout
    fields = dict(re.findall(r"^ (\w[\w-]*): (.*)$", info, re.M))
    assert fields["Package"] == "labns"
    assert fields["Version"] == U.version()
    assert fields["Architecture"] == arch
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\), adduser \| passwd, procps", fields["Depends"])
    if arch != "amd64":
        # the cross builds' glibc floor
        assert fields["Depends"].startswith("libc6 (>= 2.28)"), fields["Depends"]
    for script in ("postinst", "prerm", "postrm", "conffiles", "md5sums"):
        assert re.search(r"^\s+\d+ bytes,\s+\d+ lines\s+\*?\s+%s\b" % script, info, re.M), info


def test_deb_contents(deb):
    arch, (path, binary) = deb
    listing = U.run(["dpkg-deb", "--contents", path]).stdout
    entries = {}
    for line in listing.splitlines():
        perms, owner, _size, _date, _time, name = line.split(None, 5)
        entries[name.split(" -> ")[0]] = (perms, owner)
    for name, mode in SHIPPED.items():
        assert name in entries, "%s is missing from %s:\n%s" % (name, path, listing)
        perms, owner = entries[name]
        assert owner == "root/root", (name, owner)
        assert perms == "-" + stat.filemode(mode)[1:], (name, perms)
    # Nothing else but directories.
    extra = [n for n, (p, _) in entries.items() if n not in SHIPPED and not p.startswith("d")]
    assert not extra, extra

    # The packaged binary is the built one, byte for byte; conffiles as declared.
    raw = subprocess.run(["dpkg-deb", "--fsys-tarfile", path], stdout=subprocess.PIPE,
                         check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
        packaged = tar.extractfile("./usr/bin/labns").read()
    with open(binary, "rb") as f:
        assert packaged == f.read(), "%s does not hold %s" % (path, binary)
    ctrl = U.run(["sh", "-c", "dpkg-deb --ctrl-tarfile '%s' | tar -xO ./conffiles" % path]).stdout
    assert set(ctrl.split()) == CONFFILES


# ----------------------------------------------------------------------------------------------
# the amd64 package in a scratch root

@pytest.fixture(scope="module")
def scratch_root(tmp_path_factory):
    if os.geteuid() != 0:
        pytest.skip("installing into a scratch root (dpkg --root, chroot) needs root")
    missing = U.which_all("debootstrap", "dpkg", "chroot", "mount")
    if missing:
        pytest.skip("missing %s (apt-get install debootstrap)" % " ".join(missing))
    root = U.scratch_root(str(tmp_path_factory.mktemp("scratch")))
    os.makedirs(os.path.join(root, "proc"), exist_ok=True)
    U.run(["mount", "-t", "proc", "proc", os.path.join(root, "proc")])
    try:
        yield root
    finally:
        pidfile = os.path.join(root, "run/labns.pid")
        if os.path.exists(pidfile):
            subprocess.run(["chroot", root, "/etc/init.d/labns", "stop"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        subprocess.run(["umount", "-l", os.path.join(root, "proc")])
        shutil.rmtree(root, ignore_errors=True)


def chroot(root, *cmd, check=True, timeout=120):
    return U.run(["chroot", root] + list(cmd), check=check, timeout=timeout)


def passwd_entry(root, name):
    with open(os.path.join(root, "etc/passwd")) as f:
        for line in f:
            fields = line.rstrip("\n").split(":")
            if fields[0] == name:
                return fields
    return None


def test_install_into_scratch_root(scratch_root):
    root = scratch_root
    path, _ = U.build_deb("amd64")
    out = U.run(["dpkg", "--root=" + root, "--install", path], timeout=300)
    assert "Setting up labns" in out.stdout, out.stdout + out.stderr
    assert chroot(root, "dpkg-query", "-W", "-f=${Status}", "labns").stdout \
        == "install ok installed"

    user = passwd_entry(root, "labns")
    assert user is not None, "postinst created no labns user"
    uid, gid, home, shell = int(user[2]), int(user[3]), user[5], user[6]
    assert uid < 1000 and home == "/var/lib/labns" and shell.endswith("nologin"), user
    st = os.stat(os.path.join(root, "var/lib/labns"))
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (uid, gid, 0o750)

    # Enabled for systemd (the unit's symlink) and for SysV init (rc links).
    wants = os.path.join(root, "etc/systemd/system/multi-user.target.wants/labns.service")
    assert os.readlink(wants) == "/lib/systemd/system/labns.service"
    rc = {d: os.listdir(os.path.join(root, "etc", d)) for d in ("rc0.d", "rc2.d", "rc3.d", "rc6.d")}
    assert any(re.fullmatch(r"S\d\dlabns", n) for n in rc["rc2.d"] + rc["rc3.d"]), rc
    assert any(re.fullmatch(r"K\d\dlabns", n) for n in rc["rc0.d"] + rc["rc6.d"]), rc

    # The installed configuration is valid for the installed binary.
    out = chroot(root, "/usr/bin/labns", "config", "check", "--strict", "/etc/labns/labns.yml")
    assert "OK, 1 name server(s): default" in out.stdout


def write_config(root, port, extra=""):
    with open(os.path.join(root, "etc/labns/labns.yml"), "w") as f:
        f.write("nameservers:\n  default:\n    host: 127.0.0.1\n    ns_port: %d\n"
                "    broadcast: false\n    storage: lmdb\n%s" % (port, extra))


def init(root, action, check=True):
    return chroot(root, "/etc/init.d/labns", action, check=check)


def daemon_uid(root):
    with open(os.path.join(root, "run/labns.pid")) as f:
        pid = int(f.read())
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"^Uid:\s+(\d+)", f.read(), re.M).group(1))


def log_text(root):
    with open(os.path.join(root, "var/log/labns.log")) as f:
        return f.read()


def test_sysv_init_script(scratch_root):
    root = scratch_root
    if passwd_entry(root, "labns") is None:
        pytest.skip("the package is not installed (see test_install_into_scratch_root)")
    os.remove(os.path.join(root, "usr/sbin/policy-rc.d"))
    port = U.free_port()
    write_config(root, port)
    loc = "PYRO:Pyro.NameServer@127.0.0.1:%d" % port

    assert init(root, "status", check=False).returncode == 3
    init(root, "start")
    try:
        U.wait_for("labns on port %d" % port, lambda: U.tcp_accepts("127.0.0.1", port), 30)
        assert "labns is running" in init(root, "status").stdout
        assert daemon_uid(root) == int(passwd_entry(root, "labns")[2]), "not running as labns"
        # started again while running: fine, still one process
        init(root, "start")
        with Pyro5.api.Proxy(loc) as ns:
            ns.register("sysv.laser", "PYRO:laser@127.0.0.1:50001")

        # reload: SIGHUP, the new autoclean setting is applied while running
        write_config(root, port, "    ns_autoclean: 15\n")
        init(root, "reload")
        U.wait_for("the reload in /var/log/labns.log",
                   lambda: "reloading the configuration" in log_text(root), 10)

        # restart: the registration survived (LMDB in /var/lib/labns)
        init(root, "restart")
        U.wait_for("labns back on port %d" % port, lambda: U.tcp_accepts("127.0.0.1", port), 30)
        with Pyro5.api.Proxy(loc) as ns:
            assert str(ns.lookup("sysv.laser")) == "PYRO:laser@127.0.0.1:50001"
        assert os.listdir(os.path.join(root, "var/lib/labns")) == ["default.lmdb"]
    finally:
        init(root, "stop")
    assert init(root, "status", check=False).returncode == 3
    assert not os.path.exists(os.path.join(root, "run/labns.pid"))
    assert not U.tcp_accepts("127.0.0.1", port)
    assert "NS shut down." in log_text(root)
    init(root, "stop")  # stopping a stopped service succeeds

    # an invalid configuration is refused before anything starts; reload refuses it too
    with open(os.path.join(root, "etc/labns/labns.yml"), "w") as f:
        f.write("nameservers:\n  default:\n    ns_port: not-a-port\n")
    bad = init(root, "start", check=False)
    assert bad.returncode == 1, bad
    assert "not a valid configuration" in bad.stdout + bad.stderr, bad
    assert init(root, "status", check=False).returncode == 3


def daemon_pid(root):
    with open(os.path.join(root, "run/labns.pid")) as f:
        return int(f.read())


def test_upgrade_restarts_the_service(scratch_root):
    """Installing the package again (an upgrade) while the service runs: postinst restarts it
    through invoke-rc.d, the registrations are kept, the edited configuration too."""
    root = scratch_root
    if passwd_entry(root, "labns") is None:
        pytest.skip("the package is not installed (see test_install_into_scratch_root)")
    port = U.free_port()
    write_config(root, port)
    init(root, "start")
    try:
        U.wait_for("labns on port %d" % port, lambda: U.tcp_accepts("127.0.0.1", port), 30)
        with Pyro5.api.Proxy("PYRO:Pyro.NameServer@127.0.0.1:%d" % port) as ns:
            ns.register("upgrade.laser", "PYRO:laser@127.0.0.1:50002")
        before = daemon_pid(root)
        path, _ = U.build_deb("amd64")
        # invoke-rc.d acts in the current runlevel, which a chroot does not have: say it.
        out = U.run(["dpkg", "--root=" + root, "--force-confold", "--install", path], timeout=300,
                    env=dict(os.environ, RUNLEVEL="2"))
        assert "Setting up labns" in out.stdout, out.stdout + out.stderr
        U.wait_for("labns back on port %d" % port, lambda: U.tcp_accepts("127.0.0.1", port), 30)
        assert daemon_pid(root) != before, "postinst did not restart the service\n" + \
            out.stdout + out.stderr
        with Pyro5.api.Proxy("PYRO:Pyro.NameServer@127.0.0.1:%d" % port) as ns:
            assert str(ns.lookup("upgrade.laser")) == "PYRO:laser@127.0.0.1:50002"
    finally:
        init(root, "stop")


def test_purge(scratch_root):
    root = scratch_root
    if passwd_entry(root, "labns") is None:
        pytest.skip("the package is not installed (see test_install_into_scratch_root)")
    U.run(["dpkg", "--root=" + root, "--purge", "labns"], timeout=300)
    for gone in ("usr/bin/labns", "etc/labns/labns.yml", "etc/init.d/labns", "var/lib/labns",
                 "etc/systemd/system/multi-user.target.wants/labns.service"):
        assert not os.path.lexists(os.path.join(root, gone)), gone
    assert not [n for n in os.listdir(os.path.join(root, "etc/rc2.d")) if n.endswith("labns")]
