"""Helpers shared by the interop tests: which server is under test, free loopback ports,
starting/stopping the name server process, and hand-built Pyro5 protocol frames.

Every socket here talks to loopback only (127.0.0.1 or ::1).
"""

import contextlib
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

TARGET = os.environ.get("LABNS_TARGET", "labns")
if TARGET not in ("labns", "python"):
    raise RuntimeError("LABNS_TARGET must be 'labns' or 'python', not %r" % TARGET)
IS_LABNS = TARGET == "labns"
LABNS_BIN = os.environ.get("LABNS_BIN") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "release", "labns")
PYTHON = sys.executable          # the venv's python (has Pyro5 5.17, serpent, msgpack)
HOST = "127.0.0.1"
NS_NAME = "Pyro.NameServer"
NS_TAG = "class:Pyro5.nameserver.NameServer"
NS_METHODS = {"count", "list", "lookup", "ping", "register", "remove", "set_metadata", "yplookup"}
DAEMON_METHODS = {"close_stream", "get_metadata", "get_next_stream_item", "info", "ping", "registered"}
SERIALIZERS = ("serpent", "json", "marshal", "msgpack")
SERIALIZER_IDS = {"serpent": 1, "marshal": 2, "json": 3, "msgpack": 4}
STARTUP_TIMEOUT = 10.0


def require_labns(reason):
    """Skip the rest of a test against the Python reference (for parametrized cases where only
    some parameter combinations are labns-only, e.g. bug fixes B1/B2 for some serializers)."""
    if not IS_LABNS:
        import pytest
        pytest.skip("labns only: " + reason)


def loopback_env(extra=None):
    """Environment for child processes (Python NS, pyro5-nsc): the caller's environment without any
    PYRO_* variable (an unknown one makes Pyro refuse to import, a known one changes behaviour)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYRO_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra or {})
    return env


# ------------------------------------------------------------------------------------------------
# ports

def _family(host):
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def free_port(host=HOST, kind=socket.SOCK_STREAM):
    with socket.socket(_family(host), kind) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def free_tcp_udp_port(host=HOST):
    """A port number that is free for both TCP and UDP on host (for broadcast tests, where the
    same number is used as a TCP port by one locate_ns step and as a UDP port by another)."""
    for _ in range(50):
        port = free_port(host, socket.SOCK_DGRAM)
        with socket.socket(_family(host), socket.SOCK_STREAM) as s:
            try:
                s.bind((host, port))
                return port
            except OSError:
                continue
    raise RuntimeError("no port free for both TCP and UDP")


def has_ipv6_loopback():
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def timed_lookups(srv, n, limit_each):
    """n lookups of the NS entry on one fresh proxy (real Pyro5 client), each under limit_each
    seconds; returns the slowest call's duration."""
    import Pyro5.api
    worst = 0.0
    with Pyro5.api.Proxy(srv.uri) as p:
        p._pyroTimeout = 10
        for _ in range(n):
            t0 = time.monotonic()
            assert str(p.lookup(NS_NAME)) == srv.uri
            worst = max(worst, time.monotonic() - t0)
    assert worst < limit_each, "a lookup took %.2f s" % worst
    return worst


def tcp_accepts(host, port, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_port_released(host, port, timeout=5.0):
    """True once nothing accepts on (host, port) any more and the port can be bound again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not tcp_accepts(host, port, 0.2):
            with socket.socket(_family(host), socket.SOCK_STREAM) as s:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    s.bind((host, port))
                    return True
                except OSError:
                    pass
        time.sleep(0.05)
    return False


# ------------------------------------------------------------------------------------------------
# the name server under test

class ServerStartError(AssertionError):
    pass


class Server:
    """One running name server (labns or the Python reference) plus its captured output."""

    def __init__(self, host, port, procs, workdir, bc=None):
        self.host, self.port = host, port
        self.procs = procs                   # [main process, optional helper processes]
        self.workdir = workdir
        self.bc = bc                         # (bchost, bcport) of a broadcast responder, or None

    @property
    def proc(self):
        return self.procs[0]

    @property
    def location(self):
        return ("[%s]:%d" % (self.host, self.port)) if ":" in self.host else ("%s:%d" % (self.host, self.port))

    @property
    def uri(self):
        return "PYRO:%s@%s" % (NS_NAME, self.location)

    def alive(self):
        return all(p.poll() is None for p in self.procs)

    def _read(self, name):
        try:
            with open(os.path.join(self.workdir, name), "r", encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def stdout(self):
        return self._read("stdout")

    def stderr(self):
        return self._read("stderr")

    def describe(self):
        return "server %s (%s, pid %s, exit %s)\n--- stdout:\n%s\n--- stderr:\n%s" % (
            self.location, TARGET, self.proc.pid, self.proc.poll(), self.stdout()[-3000:], self.stderr()[-3000:])

    def signal(self, sig):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)

    def wait(self, timeout):
        return self.proc.wait(timeout)

    def stop(self):
        """Terminate, then kill, every process this server started (by handle only)."""
        for p in self.procs:
            if p.poll() is None:
                with contextlib.suppress(OSError):
                    p.terminate()
        for p in self.procs:
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(OSError):
                    p.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    p.wait(5)
        shutil.rmtree(self.workdir, ignore_errors=True)


def server_command(host, port, labns_args=(), python_args=()):
    if IS_LABNS:
        return [LABNS_BIN, "start", "--host", host, "--port", str(port)] + list(labns_args)
    return [PYTHON, "-u", "-m", "Pyro5.nameserver", "-n", host, "-p", str(port)] + list(python_args)


def spawn_server(cmd, env, host, port, bc=None):
    """Run `cmd` as a name server on host:port, its stdout/stderr in a scratch directory that
    the returned Server removes when stopped. Does not wait for it to serve."""
    workdir = tempfile.mkdtemp(prefix="labns-interop-")
    out = open(os.path.join(workdir, "stdout"), "wb")
    err = open(os.path.join(workdir, "stderr"), "wb")
    try:
        procs = [subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)]
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    finally:
        out.close()
        err.close()
    return Server(host, port, procs, workdir, bc)


def start_server(host=HOST, port=None, labns_args=(), python_args=(), python_env=None, bc=None,
                 wait=True, labns_cmd=None, env_extra=None):
    """Start the name server under test on host:port (a free port when None).

    labns_args: extra labns flags; python_args / python_env: the equivalent for the Python reference.
    bc=(bchost, bcport): run a broadcast responder there. labns gets --bchost/--bcport. The Python
    CLI refuses to run a responder for a loopback NS, so for the reference the responder is Pyro5's
    own BroadcastServer class, started in a helper process for the NS's URI (same code path the CLI
    uses for non-loopback binds).
    labns_cmd: the whole labns argument list (after the binary; labns target only), replacing
    `start --host HOST --port PORT labns_args`: host and port then only say where to wait for it.
    env_extra: extra environment variables for the server process (either target).
    """
    if port is None:
        port = free_port(host)
    labns_args = list(labns_args)
    if bc is not None:
        labns_args += ["--bchost", bc[0], "--bcport", str(bc[1])]
    if labns_cmd is not None:
        if not IS_LABNS:
            raise ValueError("labns_cmd is for the labns target only")
        cmd = [LABNS_BIN] + list(labns_cmd)
    else:
        cmd = server_command(host, port, labns_args, python_args)
    env = loopback_env(None if IS_LABNS else python_env)
    env.update(env_extra or {})
    if IS_LABNS:
        env.setdefault("RUST_BACKTRACE", "1")
    if IS_LABNS and not os.access(LABNS_BIN, os.X_OK):
        raise ServerStartError("LABNS_BIN=%s is not an executable file" % LABNS_BIN)
    srv = spawn_server(cmd, env, host, port, bc)
    if not wait:
        return srv
    try:
        wait_until_serving(srv)
        if bc is not None and not IS_LABNS:
            helper = subprocess.Popen(
                [PYTHON, "-c", PY_BROADCAST_HELPER, srv.uri, bc[0], str(bc[1])],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=open(os.path.join(workdir, "bc-stderr"), "wb"), env=loopback_env())
            srv.procs.append(helper)
            if not wait_udp_responder(bc[0], bc[1]):
                raise ServerStartError("reference broadcast responder did not answer\n" + srv._read("bc-stderr"))
    except BaseException:
        srv.stop()
        raise
    return srv


PY_BROADCAST_HELPER = """
import sys, time
import Pyro5.core, Pyro5.nameserver
bc = Pyro5.nameserver.BroadcastServer(Pyro5.core.URI(sys.argv[1]), bchost=sys.argv[2], bcport=int(sys.argv[3]))
bc.runInThread()
while True:
    time.sleep(1)
"""


def wait_until_serving(srv, timeout=STARTUP_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if srv.proc.poll() is not None:
            raise ServerStartError("name server exited during start-up\n" + srv.describe())
        if tcp_accepts(srv.host, srv.port, 0.3):
            return
        time.sleep(0.05)
    raise ServerStartError("name server did not accept TCP connections within %.0f s\n%s" % (timeout, srv.describe()))


def udp_ask(host, port, payload=b"GET_NSURI", timeout=1.0):
    """Send one datagram to host:port from a loopback socket; return the reply bytes or None."""
    with socket.socket(_family(host), socket.SOCK_DGRAM) as s:
        s.bind((host, 0))
        s.settimeout(timeout)
        s.sendto(payload, (host, port))
        try:
            data, _ = s.recvfrom(1000)
            return data
        except socket.timeout:
            return None


def wait_udp_responder(host, port, timeout=STARTUP_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if udp_ask(host, port, timeout=0.3) is not None:
            return True
    return False


# ------------------------------------------------------------------------------------------------
# pyro5-nsc

def run_nsc(server, *args, serializer=None, stdin="", host=True, env_extra=None, script=False):
    """Run `python -m Pyro5.nsc` (or the pyro5-nsc script) with -n/-p of server; (rc, stdout, stderr)."""
    env = loopback_env({"PYRO_COMMTIMEOUT": "10"})
    if serializer:
        env["PYRO_SERIALIZER"] = serializer
    env.update(env_extra or {})
    if script:
        cmd = [os.path.join(os.path.dirname(PYTHON), "pyro5-nsc")]
    else:
        cmd = [PYTHON, "-m", "Pyro5.nsc"]
    if host:
        cmd += ["-n", server.host, "-p", str(server.port)]
    cmd += list(args)
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=env, timeout=60)
    return p.returncode, p.stdout, p.stderr


# ------------------------------------------------------------------------------------------------
# raw protocol frames (section 2 of the wire reference)

HDR = struct.Struct("!4sHBBHHII16sHH")
MSG_CONNECT, MSG_CONNECTOK, MSG_CONNECTFAIL, MSG_INVOKE, MSG_RESULT, MSG_PING = 1, 2, 3, 4, 5, 6
F_EXCEPTION, F_COMPRESSED, F_ONEWAY, F_BATCH, F_CORR_ID = 0x01, 0x02, 0x04, 0x08, 0x40
MAGIC = 0x4dc5


def frame(msgtype, ser, payload, flags=0, seq=0, corr=b"\0" * 16, annotations=None, version=502,
          magic=MAGIC, data_len=None, ann_len=None, tag=b"PYRO"):
    ann = b""
    for k, v in (annotations or {}).items():
        ann += k.encode("ascii") + struct.pack("!I", len(v)) + v
    dl = len(payload) if data_len is None else data_len
    al = len(ann) if ann_len is None else ann_len
    return HDR.pack(tag, version, msgtype, ser, flags, seq, dl, al, corr, 0, magic) + ann + payload


class Frame:
    def __init__(self, raw):
        (self.tag, self.version, self.type, self.ser, self.flags, self.seq, self.data_len, self.ann_len,
         self.corr, self.reserved, self.magic) = HDR.unpack(raw[:40])
        self.raw = raw
        self.annotations = raw[40:40 + self.ann_len]
        self.data = raw[40 + self.ann_len:]

    def payload(self):
        """The payload, decompressed when flagged."""
        if self.flags & F_COMPRESSED:
            import zlib
            return zlib.decompress(self.data)
        return self.data

    def value(self):
        """Decode the payload with the serializer library named by the header (no Pyro classes)."""
        return decode_value(self.ser, self.payload())

    def __repr__(self):
        return "<Frame type=%d ser=%d flags=0x%x seq=%d len=%d>" % (self.type, self.ser, self.flags, self.seq, self.data_len)


def decode_value(ser, data):
    if ser == 1:
        import serpent
        return serpent.loads(data)
    if ser == 2:
        import marshal
        return marshal.loads(data)
    if ser == 3:
        import json
        return json.loads(data.decode("utf-8"))
    if ser == 4:
        import msgpack
        return msgpack.unpackb(data, raw=False)
    raise ValueError("unknown serializer id %d" % ser)


def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            break
        buf.extend(chunk)
    return bytes(buf)


class Closed(Exception):
    pass


def read_frame(sock, timeout=5.0):
    """Read one complete frame; raises Closed on EOF/reset (also mid-frame) and socket.timeout."""
    sock.settimeout(timeout)
    try:
        head = recv_exact(sock, 40)
    except ConnectionResetError as x:
        raise Closed("connection reset") from x
    if len(head) < 40:
        raise Closed("EOF after %d header bytes" % len(head))
    dlen, alen = struct.unpack("!II", head[12:20])
    body = recv_exact(sock, dlen + alen)
    if len(body) < dlen + alen:
        raise Closed("EOF inside a frame body")
    return Frame(head + body)


def is_closed(sock, timeout=5.0):
    """True when the peer closes the connection (EOF or reset) within timeout without sending data.
    Data received instead counts as 'not closed' (it is only peeked at, not consumed)."""
    sock.settimeout(timeout)
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except socket.timeout:
        return False
    except (ConnectionResetError, BrokenPipeError):
        return True


def ser_dumps(sname, obj):
    import Pyro5.serializers
    return Pyro5.serializers.serializers[sname].dumps(obj)


def ser_call(sname, objid, method, args, kwargs):
    import Pyro5.serializers
    return Pyro5.serializers.serializers[sname].dumpsCall(objid, method, args, kwargs)


def connect_frame(sname="serpent", obj=NS_NAME, seq=0, **kw):
    return frame(MSG_CONNECT, SERIALIZER_IDS[sname], ser_dumps(sname, {"handshake": "hello", "object": obj}), seq=seq, **kw)


def invoke_frame(sname, method, args=(), kwargs=None, obj=NS_NAME, seq=1, flags=0, **kw):
    return frame(MSG_INVOKE, SERIALIZER_IDS[sname], ser_call(sname, obj, method, args, kwargs or {}),
                 flags=flags, seq=seq, **kw)


@contextlib.contextmanager
def raw_connection(srv, handshake=True, sname="serpent"):
    """A plain TCP connection to the server; with handshake=True the CONNECT/CONNECTOK is done."""
    s = socket.create_connection((srv.host, srv.port), timeout=5)
    try:
        if handshake:
            s.sendall(connect_frame(sname))
            fr = read_frame(s)
            assert fr.type == MSG_CONNECTOK, fr
        yield s
    finally:
        s.close()


def exception_info(fr):
    """(class name, args) of an exception reply frame, decoded without Pyro."""
    v = fr.value()
    assert isinstance(v, dict) and v.get("__exception__") is True, v
    tb = v.get("attributes", {}).get("_pyroTraceback", [])
    assert isinstance(tb, (list, tuple)) and all(isinstance(x, str) for x in tb), tb
    return v["__class__"], list(v["args"])


def send_signal_and_wait(srv, sig=signal.SIGTERM, timeout=10):
    srv.signal(sig)
    return srv.wait(timeout)


# ------------------------------------------------------------------------------------------------
# labns configuration and data directories (persistence, autoclean and configuration tests)

DEFAULT_TEST_CONFIG = """\
# written by the interop tests: a 'default' entry on loopback, nothing persistent
nameservers:
  default:
    host: 127.0.0.1
"""


class LabnsHome:
    """A scratch area for labns' configuration and data. The tests run as root, whose defaults are
    /etc/labns/labns.yml and /var/lib/labns: every labns process started with env() gets
    LABNS_CONFIG, LABNS_DATA_DIR, HOME and XDG_* pointing in here, so nothing else is read or
    written. LABNS_CONFIG names an existing file from the start (a 'default' entry on 127.0.0.1),
    since an explicit configuration file that is missing is an error."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="labns-interop-home-")
        self.config = os.path.join(self.root, "etc", "labns.yml")
        self.data = os.path.join(self.root, "data")
        self.home = os.path.join(self.root, "home")
        os.makedirs(os.path.dirname(self.config))
        os.makedirs(self.home)
        self.write(self.config, DEFAULT_TEST_CONFIG)

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def write(self, path, text):
        """Write text to path (relative paths are inside the scratch area); returns the path."""
        path = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def env(self, **extra):
        env = {
            "LABNS_CONFIG": self.config,
            "LABNS_DATA_DIR": self.data,
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
        }
        env.update(extra)
        return env

    def run(self, *args, env=None, timeout=15):
        """Run labns to completion with this area's environment; (rc, stdout, stderr)."""
        full = loopback_env(self.env())
        full.update(env or {})
        full = {k: v for k, v in full.items() if v is not None}
        p = subprocess.run([LABNS_BIN] + list(args), capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, env=full)
        return p.returncode, p.stdout, p.stderr

    def cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)


def wait_for(predicate, timeout, interval=0.05):
    """Poll predicate() until it is true or timeout seconds pass; returns its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def error_lines(text):
    """The lines of labns' stderr that are not log lines (the `labns: ...` messages)."""
    return [ln for ln in text.splitlines() if ln.startswith("labns:")]
