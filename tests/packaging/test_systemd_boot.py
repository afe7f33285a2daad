"""The packaged service under a real systemd: the amd64 .deb installed into a scratch Debian root
that systemd-nspawn boots (with a network namespace of its own, holding only loopback at first).
The shipped /etc/labns/labns.yml is used as installed (`host: public`):

* at boot labns.service stays `activating` while the container has no address (labns waits,
  READY=1 not sent yet); once an address appears it becomes `active` on that address;
* it runs as the labns user in the sandbox the unit sets up (binding 9090 and 9091);
* `systemctl reload` (SIGHUP) keeps it running; SIGKILL makes systemd restart it
  (Restart=on-failure); `systemctl stop` ends it cleanly;
* the journal holds its lines without timestamps.

A check service inside the container does all that and writes what it saw to a file, then
powers the container off.
"""

import os
import shutil
import subprocess

import pytest

import pk_util as U

ADDR = "198.18.0.1"  # RFC 2544 benchmarking range, inside the container's own namespace

CHECK_SCRIPT = r"""#!/bin/sh
exec > /root/labns-check.out 2>&1
say() { echo "$1=$2"; }
state() { echo "$(systemctl show labns -p ActiveState --value)/$(systemctl show labns -p SubState --value)"; }
sleep 3
say before_address "$(state)"
ip link add boot0 type veth peer name boot1
ip addr add @ADDR@/24 dev boot0
ip link set boot1 up
ip link set boot0 up
for i in $(seq 150); do systemctl is-active -q labns && break; sleep 0.2; done
say after_address "$(state)"
say user "$(ps -o user= -p "$(systemctl show labns -p MainPID --value)")"
systemctl reload labns
say reload_rc $?
sleep 1
say after_reload "$(state)"
kill -9 "$(systemctl show labns -p MainPID --value)"
for i in $(seq 150); do
    sleep 0.2
    [ "$(systemctl show labns -p NRestarts --value)" = 1 ] && systemctl is-active -q labns && break
done
say after_kill "$(state)/$(systemctl show labns -p NRestarts --value)"
say state_dir "$(stat -c %U:%G:%a /var/lib/labns)"
systemctl stop labns
say after_stop "$(systemctl show labns -p ActiveState --value)/$(systemctl show labns -p Result --value)"
echo "--- journal"
journalctl -u labns --no-pager -o cat
echo "--- end"
systemctl poweroff
""".replace("@ADDR@", ADDR)

CHECK_UNIT = """[Unit]
Description=labns packaging test
[Service]
Type=oneshot
ExecStart=/usr/local/sbin/labns-check
[Install]
WantedBy=multi-user.target
"""


@pytest.fixture
def booted(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("booting a container needs root")
    missing = U.which_all("systemd-nspawn", "debootstrap", "dpkg")
    if missing:
        pytest.skip("missing %s (apt-get install systemd-container debootstrap)"
                    % " ".join(missing))
    root = U.scratch_root(str(tmp_path))
    try:
        deb, _ = U.build_deb("amd64")
        U.run(["dpkg", "--root=" + root, "--install", deb], timeout=300)
        os.remove(os.path.join(root, "usr/sbin/policy-rc.d"))
        script = os.path.join(root, "usr/local/sbin/labns-check")
        with open(script, "w") as f:
            f.write(CHECK_SCRIPT)
        os.chmod(script, 0o755)
        with open(os.path.join(root, "etc/systemd/system/labns-check.service"), "w") as f:
            f.write(CHECK_UNIT)
        os.symlink("/etc/systemd/system/labns-check.service",
                   os.path.join(root, "etc/systemd/system/multi-user.target.wants",
                                "labns-check.service"))
        # --register=no --keep-unit: the build machine's init is not systemd.
        boot = subprocess.run(
            ["systemd-nspawn", "--quiet", "--directory", root, "--private-network",
             "--register=no", "--keep-unit", "--boot"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, timeout=240)
        out = os.path.join(root, "root/labns-check.out")
        if not os.path.exists(out):
            pytest.skip("systemd-nspawn could not boot a container here (exit %d): %s"
                        % (boot.returncode, boot.stdout[-2000:]))
        with open(out) as f:
            yield f.read()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_service_under_systemd(booted):
    report = booted
    seen = dict(line.split("=", 1) for line in report.split("--- journal")[0].splitlines()
                if "=" in line)
    journal = report.split("--- journal")[1]
    expected = {
        "before_address": "activating/start",
        "after_address": "active/running",
        "user": "labns",
        "reload_rc": "0",
        "after_reload": "active/running",
        "after_kill": "active/running/1",
        "state_dir": "labns:labns:750",
        "after_stop": "inactive/success",
    }
    assert seen == expected, report
    assert "NS running on %s:9090" % ADDR in journal, report
    assert "Broadcast server running on 0.0.0.0:9091" in journal, report
    assert "configuration reloaded" in journal, report
    assert "NS shut down." in journal, report
    for line in journal.splitlines():
        assert not line[:4].isdigit(), "a timestamp in the journal: " + line
