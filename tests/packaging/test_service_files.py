"""The files in packaging/: the default configuration is valid, the shell scripts pass
shellcheck, the systemd unit passes `systemd-analyze verify` and keeps what the issue asks of it,
and the binary speaks the unit's Type=notify protocol the way systemd expects."""

import os
import re
import shutil
import socket

import pytest

import pk_util as U

UNIT = os.path.join(U.PACKAGING, "labns.service")
SCRIPTS = [os.path.join(U.PACKAGING, p) for p in (
    "labns.init", "build-deb.sh", "deb/postinst", "deb/prerm", "deb/postrm")] + [
    os.path.join(U.REPO, "cross", p) for p in ("build.sh", "measure-profile.sh")] + [
    os.path.join(os.path.dirname(__file__), p) for p in os.listdir(os.path.dirname(__file__))
    if p.endswith(".sh")]


def unit():
    """The unit as {section: {key: [values]}} (keys may repeat)."""
    sections = {}
    current = None
    with open(UNIT) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("["):
                current = sections.setdefault(line.strip("[]"), {})
                continue
            key, _, value = line.partition("=")
            current.setdefault(key, []).append(value)
    return sections


def test_default_config_is_valid():
    out = U.run([U.HOST_BIN, "config", "check", "--strict",
                 os.path.join(U.PACKAGING, "labns.yml")])
    assert out.stdout.strip().endswith("OK, 1 name server(s): default"), out.stdout
    assert out.stderr == "", out.stderr  # no warnings either
    show = U.run([U.HOST_BIN, "config", "show", "--config", os.path.join(U.PACKAGING, "labns.yml"),
                  "--data-dir", "/var/lib/labns"]).stdout
    row = [line.split() for line in show.splitlines() if line.startswith("default ")]
    # NAME HOST PORT BROADCAST AUTOCLEAN AUTOLAUNCH STORAGE...
    assert row and row[0][1:5] == ["public", "9090", "*:9091", "15s"], show
    assert "lmdb <data dir>/default.lmdb" in show, show


def test_shell_scripts_pass_shellcheck():
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (apt-get install shellcheck)")
    U.run(["shellcheck", "--severity=warning"] + SCRIPTS)


def test_unit_has_what_the_service_needs():
    u = unit()
    service = u["Service"]
    assert service["Type"] == ["notify"]
    assert service["Restart"] == ["on-failure"]
    assert service["User"] == ["labns"] and service["Group"] == ["labns"]
    assert service["StateDirectory"] == ["labns"]
    assert service["ConfigurationDirectory"] == ["labns"]
    start = service["ExecStart"][0].split()
    assert start[:3] == ["/usr/bin/labns", "start", "--all"]
    assert start[start.index("--config") + 1] == "/etc/labns/labns.yml"
    assert start[start.index("--data-dir") + 1] == "/var/lib/labns"
    assert "$MAINPID" in service["ExecReload"][0] and "-HUP" in service["ExecReload"][0]
    # --wait-for-address is 120 s for a configured name server: READY=1 may come that late.
    timeout = service["TimeoutStartSec"][0]
    assert timeout == "infinity" or int(timeout.rstrip("s")) > 120
    # The sandbox must still let it bind the configured port and find `host: public`.
    families = service["RestrictAddressFamilies"][0].split()
    assert {"AF_INET", "AF_INET6", "AF_UNIX", "AF_NETLINK"} <= set(families)
    for forbidden in ("PrivateNetwork", "IPAddressDeny", "IPAddressAllow", "SocketBindDeny",
                      "SocketBindAllow"):
        assert forbidden not in service, forbidden
    assert "CAP_NET_BIND_SERVICE" in service["AmbientCapabilities"][0]
    assert u["Install"]["WantedBy"] == ["multi-user.target"]
    assert "network-online.target" in u["Unit"]["After"][0]


def test_systemd_analyze(tmp_path):
    """`systemd-analyze verify` (it wants ExecStart's binary to exist, so the copy it checks
    runs the built binary instead of /usr/bin/labns) and the offline security exposure."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    with open(UNIT) as f:
        text = f.read()
    copy = tmp_path / "labns.service"
    copy.write_text(text.replace("/usr/bin/labns", os.path.abspath(U.HOST_BIN)))
    verify = U.run(["systemd-analyze", "verify", str(copy)], check=False)
    assert verify.returncode == 0 and "labns.service" not in verify.stderr, verify
    security = U.run(["systemd-analyze", "security", "--offline=yes", "--threshold=25",
                      str(copy)], check=False)
    exposure = re.search(r"Overall exposure level for labns.service: ([0-9.]+)", security.stdout)
    assert security.returncode == 0 and exposure, security
    print("systemd-analyze security: exposure %s" % exposure.group(1))


def test_type_notify_protocol(tmp_path):
    """What systemd sees from the unit's ExecStart: READY=1 with MAINPID once the name server
    is bound, journald-style log lines (no timestamps) and STOPPING=1 on SIGTERM."""
    notify_path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(notify_path)
    sock.settimeout(20)
    port = U.free_port()
    config = tmp_path / "labns.yml"
    config.write_text("nameservers:\n  default:\n    host: 127.0.0.1\n    ns_port: %d\n"
                      "    broadcast: false\n    storage: lmdb\n" % port)
    env = dict(os.environ, NOTIFY_SOCKET=notify_path, JOURNAL_STREAM="8:12345")
    env.pop("RUST_LOG", None)
    server = U.Server([U.HOST_BIN, "start", "--all", "--config", str(config), "--data-dir",
                       str(tmp_path / "data")], str(tmp_path), env=env)
    try:
        message = sock.recv(4096).decode()
        assert U.tcp_accepts("127.0.0.1", port), "READY=1 before the port was bound"
        fields = dict(line.split("=", 1) for line in message.splitlines())
        assert fields.get("READY") == "1", message
        assert fields.get("MAINPID") == str(server.proc.pid), message
    finally:
        code = server.stop()
    assert code == 0, server.describe()
    assert sock.recv(4096).decode().splitlines()[0] == "STOPPING=1"
    sock.close()
    log = server.stderr()
    assert log.strip(), server.describe()
    for line in log.splitlines():
        assert not re.match(r"\d{4}-\d\d-\d\d", line), "timestamp under journald: " + line
