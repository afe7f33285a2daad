"""The cross-built binaries (cross/build.sh): architecture, CPU level, glibc floor, stripped,
and the footprint budget."""

import os
import re

import pytest

import pk_util as U


@pytest.fixture(params=U.selected_targets())
def target(request):
    triple = request.param
    path = U.cross_bin(triple)
    assert os.path.isfile(path), "%s is missing: run cross/build.sh %s" % (path, triple)
    return triple, U.TARGETS[triple], path


def test_elf_machine_and_interpreter(target):
    triple, t, path = target
    header = U.run(["readelf", "-h", "-l", path]).stdout
    assert re.search(r"Machine:\s+%s\s*$" % re.escape(t["machine"]), header, re.M), header
    assert "[Requesting program interpreter: %s]" % t["interp"] in header, header
    if t["machine"] == "ARM":
        assert "hard-float ABI" in header, header


@pytest.mark.parametrize("triple", [t for t in U.selected_targets() if U.TARGETS[t]["cpu_arch"]])
def test_cpu_architecture(triple):
    """readelf -A: ARMv6 with Thumb-1 only for the Pi Zero build (no ARMv7 or Thumb-2 object was
    linked in, start-up code included), ARMv7 for the other 32-bit build."""
    t, path = U.TARGETS[triple], U.cross_bin(triple)
    assert os.path.isfile(path), "%s is missing: run cross/build.sh %s" % (path, triple)
    attrs = U.run(["readelf", "-A", path]).stdout
    found = re.search(r"^\s*Tag_CPU_arch: (\S+)\s*$", attrs, re.M)
    assert found and found.group(1) == t["cpu_arch"], attrs
    if t["cpu_arch"] == "v6":
        assert "Thumb-2" not in attrs, attrs
        assert "NEON" not in attrs, attrs


def test_glibc_floor(target):
    """No symbol newer than glibc 2.28: runs on Raspberry Pi OS bullseye (2.31) and bookworm."""
    triple, t, path = target
    syms = U.run(["readelf", "--dyn-syms", "--wide", path]).stdout
    versions = {tuple(int(x) for x in v.split(".")) for v in re.findall(r"GLIBC_([0-9.]+)", syms)}
    assert versions, "no GLIBC symbol versions in %s" % path
    assert max(versions) <= U.GLIBC_FLOOR, "needs glibc %s" % ".".join(map(str, max(versions)))


def test_stripped_and_within_budget(target):
    triple, t, path = target
    sections = U.run(["readelf", "-S", "-W", path]).stdout
    assert ".symtab" not in sections and ".debug_info" not in sections, "not stripped"
    size = os.path.getsize(path)
    print("%s: %d bytes (%.2f MiB; budget %.2f MiB)" % (triple, size, size / U.MIB,
                                                         t["budget"] / U.MIB))
    assert size <= t["budget"], "%s: %d bytes is over the %.2f MiB budget" % (
        triple, size, t["budget"] / U.MIB)
