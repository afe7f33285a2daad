"""Hand-built Pyro5 frames over raw loopback sockets (wire reference sections 2-6).

After every test a fresh, unmodified Pyro5 client must still be served by the same server.
"""

import marshal
import re
import socket
import struct
import time
import zlib

import pytest
import Pyro5.api

import interop_util as U
from interop_util import (MSG_CONNECT, MSG_CONNECTOK, MSG_CONNECTFAIL, MSG_INVOKE, MSG_RESULT, MSG_PING,
                          F_EXCEPTION, F_COMPRESSED, F_ONEWAY, F_BATCH, F_CORR_ID,
                          frame, read_frame, is_closed, connect_frame, invoke_frame, ser_dumps, ser_call,
                          raw_connection, exception_info, Closed)

SER_IDS = U.SERIALIZER_IDS


@pytest.fixture(autouse=True)
def still_served(server):
    """Whatever a test sent, a fresh real client is served afterwards."""
    yield
    assert server.alive(), server.describe()
    for sname in ("serpent", "json"):
        p = Pyro5.api.Proxy(server.uri)
        p._pyroSerializer = sname
        p._pyroTimeout = 5
        with p:
            assert p.count() >= 1
            assert str(p.lookup(U.NS_NAME)) == server.uri


def check_reply(fr, msgtype, ser, seq):
    """Common header rules for every reply (M2, M4)."""
    assert fr.tag == b"PYRO" and fr.version == 502 and fr.magic == U.MAGIC, fr
    assert fr.reserved == 0, fr
    assert fr.type == msgtype, fr
    assert fr.ser == ser, fr
    assert fr.seq == seq, fr
    assert fr.ann_len == 0, fr
    assert fr.data_len == len(fr.data), fr
    if fr.flags & F_CORR_ID:
        assert fr.corr != b"\0" * 16


def connectfail_text(fr):
    assert fr.type == MSG_CONNECTFAIL, fr
    v = fr.value()
    assert isinstance(v, str), v
    return v


def call(sock, sname, method, args=(), kwargs=None, seq=1, obj=U.NS_NAME, flags=0):
    sock.sendall(invoke_frame(sname, method, args, kwargs, obj=obj, seq=seq, flags=flags))
    fr = read_frame(sock)
    check_reply(fr, MSG_RESULT, SER_IDS[sname], seq)
    return fr


# ------------------------------------------------------------------------------------------------
# handshake

@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_connect_ok(server, sname):
    with raw_connection(server, handshake=False) as s:
        s.sendall(connect_frame(sname, seq=7))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTOK, SER_IDS[sname], 7)
        assert not fr.flags & F_EXCEPTION
        v = fr.value()
        assert list(v) == ["handshake", "meta"]
        assert v["handshake"] == "hello"
        meta = v["meta"]
        assert list(meta) == ["methods", "oneway", "attrs"]
        assert set(meta["methods"]) == U.NS_METHODS and len(meta["methods"]) == 8
        assert not meta["oneway"] and not meta["attrs"]
        # and the connection is usable
        fr = call(s, sname, "count", seq=8)
        assert fr.value() == 1


@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_connect_daemon_object(server, sname):
    with raw_connection(server, handshake=False) as s:
        s.sendall(connect_frame(sname, obj="Pyro.Daemon"))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTOK, SER_IDS[sname], 0)
        assert set(fr.value()["meta"]["methods"]) == U.DAEMON_METHODS
        # the handshake object only selects metadata; an INVOKE names its own object
        assert call(s, sname, "count").value() == 1


def test_custom_handshake_value_ignored(server):
    with raw_connection(server, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, 1, ser_dumps("serpent", {"handshake": {"token": "abc", "n": [1, 2]},
                                                             "object": U.NS_NAME})))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTOK, 1, 0)
        assert fr.value()["handshake"] == "hello"


@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_connect_unknown_object(server, sname):
    with raw_connection(server, handshake=False) as s:
        s.sendall(connect_frame(sname, obj="No.Such.Object", seq=3))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTFAIL, SER_IDS[sname], 3)
        assert fr.value() == "unknown object"
        assert is_closed(s)


@pytest.mark.parametrize("payload", [b"# serpent utf-8 python3.2\n{{{", b"# serpent utf-8 python3.2\n'hello'",
                                     b"# serpent utf-8 python3.2\n{'object':'Pyro.NameServer'}"])
def test_connect_bad_payload_is_connectfail(server, payload):
    with raw_connection(server, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, 1, payload, seq=2))
        fr = read_frame(s)
        assert fr.type == MSG_CONNECTFAIL
        assert isinstance(fr.value(), str) and fr.value()
        assert is_closed(s)


def test_real_client_unknown_object_rejected(server):
    p = Pyro5.api.Proxy("PYRO:No.Such.Object@%s" % server.location)
    with pytest.raises(Pyro5.errors.CommunicationError) as info:
        p._pyroBind()
    assert str(info.value) == "connection to ('127.0.0.1', %d) rejected: unknown object" % server.port


# ------------------------------------------------------------------------------------------------
# malformed traffic before the handshake -> CONNECTFAIL (marshal, seq 0) or a plain close

@pytest.mark.parametrize("data, message", [
    (frame(MSG_CONNECT, 1, b"x", version=501), "invalid protocol version: 501"),
    (frame(MSG_CONNECT, 1, b"x", version=0), "invalid protocol version: 0"),
    (frame(MSG_CONNECT, 1, b"x", magic=0x1234), "invalid message or protocol version"),
    (b"GET / HTTP/1.0\r\n\r\n" + b"\0" * 22, "invalid data"),
    (frame(MSG_CONNECT, 1, b"x", tag=b"PYRX"), "invalid data"),
    (frame(MSG_INVOKE, 1, ser_call("serpent", U.NS_NAME, "ping", (), {}), seq=7), "invalid msg type 4 received (expected: 1)"),
    (frame(MSG_PING, 42, b"ping", seq=9), "invalid msg type 6 received (expected: 1)"),
    (frame(MSG_RESULT, 1, b"x", seq=9), "invalid msg type 5 received (expected: 1)"),
])
def test_bad_first_frame_connectfail(server, data, message):
    with raw_connection(server, handshake=False) as s:
        s.sendall(data)
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTFAIL, 2, 0)          # marshal, seq 0 (not echoed)
        assert connectfail_text(fr) == message
        assert is_closed(s)


def test_garbage_bytes(server):
    with raw_connection(server, handshake=False) as s:
        s.sendall(bytes(range(256)) * 8)
        try:
            fr = read_frame(s)
        except Closed:
            return          # closing without a reply is fine too
        assert connectfail_text(fr) == "invalid data"
        assert is_closed(s)


@pytest.mark.parametrize("data_len, ann_len", [(0xFFFFFFF0, 0), (0x10, 0xFFFFFFFF), (0x80000000, 0x80000000)])
def test_huge_announced_size_during_handshake(server, data_len, ann_len):
    """Refused right after the header (the body is never sent); data + annotation lengths are
    added without 32-bit overflow."""
    with raw_connection(server, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, 1, b"", data_len=data_len, ann_len=ann_len))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTFAIL, 2, 0)
        m = re.fullmatch(r"message too large \((\d+), max=(\d+)\)", connectfail_text(fr))
        assert m, fr.value()
        assert int(m.group(1)) == data_len + ann_len
        assert int(m.group(2)) < data_len + ann_len
        assert is_closed(s)


def test_bad_annotation_length_during_handshake(server):
    hs = ser_dumps("serpent", {"handshake": "hello", "object": U.NS_NAME})
    data = (U.HDR.pack(b"PYRO", 502, MSG_CONNECT, 1, 0, 0, len(hs), 12, b"\0" * 16, 0, U.MAGIC)
            + b"ABCD" + struct.pack("!I", 100) + b"xxxx" + hs)
    with raw_connection(server, handshake=False) as s:
        s.sendall(data)
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTFAIL, 2, 0)
        assert connectfail_text(fr) == "annotation chunk length exceeds remaining data"
        assert is_closed(s)


@pytest.mark.parametrize("sid", [0, 5, 9, 42, 255])
def test_unknown_serializer_in_connect_closes_without_reply(server, sid):
    with raw_connection(server, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, sid, ser_dumps("serpent", {"handshake": "hello", "object": U.NS_NAME})))
        assert is_closed(s)


@pytest.mark.parametrize("cut", [1, 5, 6, 20, 39, 40, 60])
def test_half_sent_frame_then_eof(server, cut):
    """EOF inside the first frame: the server just closes (no reply)."""
    data = connect_frame("serpent")
    with raw_connection(server, handshake=False) as s:
        s.sendall(data[:cut])
        s.shutdown(socket.SHUT_WR)
        assert is_closed(s)


def test_connect_sent_byte_by_byte(server):
    data = connect_frame("json", seq=11)
    with raw_connection(server, handshake=False) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i in range(len(data)):
            s.sendall(data[i:i + 1])
            time.sleep(0.002)
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTOK, 3, 11)


def test_connect_with_corr_id_and_annotation(server):
    corr = bytes(range(16))
    with raw_connection(server, handshake=False) as s:
        s.sendall(connect_frame("serpent", seq=5, flags=F_CORR_ID, corr=corr, annotations={"TEST": b"x"}))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTOK, 1, 5)
        assert fr.flags & F_CORR_ID and fr.corr == corr


def test_compressed_connect(server):
    hs = ser_dumps("serpent", {"handshake": "hello" * 40, "object": U.NS_NAME})
    with raw_connection(server, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, 1, zlib.compress(hs, 4), flags=F_COMPRESSED))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTOK, 1, 0)
        assert fr.value()["handshake"] == "hello"


def test_bad_zlib_in_connect(server):
    with raw_connection(server, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, 1, b"not zlib data", flags=F_COMPRESSED))
        fr = read_frame(s)
        assert fr.type == MSG_CONNECTFAIL
        assert isinstance(fr.value(), str) and fr.value()
        assert is_closed(s)


# ------------------------------------------------------------------------------------------------
# after the handshake

def test_ping_after_connect_any_serializer_id(server):
    with raw_connection(server) as s:
        for sid, seq, payload in ((42, 0, b"ping"), (200, 4242, b"anything"), (1, 65535, b"")):
            s.sendall(frame(MSG_PING, sid, payload, seq=seq))
            fr = read_frame(s)
            check_reply(fr, MSG_PING, sid, seq)
            assert fr.data == b"pong"


def test_real_client_msg_ping(server):
    from Pyro5.protocol import SendingMessage
    with Pyro5.api.Proxy(server.uri) as p:
        assert p._pyroBind() is True
        assert p._pyroBind() is False                       # already bound
        SendingMessage.ping(p._pyroConnection)              # raises if no PING comes back
        assert p.count() == 1


@pytest.mark.parametrize("msgtype", [MSG_CONNECT, MSG_CONNECTOK, MSG_CONNECTFAIL, MSG_RESULT, 0, 7, 99])
def test_wrong_message_type_after_handshake_closes(server, msgtype):
    with raw_connection(server) as s:
        if msgtype == MSG_CONNECT:
            s.sendall(connect_frame("serpent"))
        else:
            s.sendall(frame(msgtype, 1, b"x", seq=1))
        assert is_closed(s)


@pytest.mark.parametrize("sid", [0, 9, 42])
def test_unknown_serializer_in_invoke_closes(server, sid):
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, sid, b"xxx", seq=1))
        assert is_closed(s)


def test_huge_announced_size_after_handshake_closes(server):
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, 1, b"", seq=1, data_len=0xFFFFFFF0))
        assert is_closed(s)


@pytest.mark.parametrize("mangle", ["version", "magic", "tag"])
def test_bad_header_after_handshake_closes(server, mangle):
    kw = {"version": 501} if mangle == "version" else {"magic": 0x1234} if mangle == "magic" else {"tag": b"XXXX"}
    with raw_connection(server) as s:
        s.sendall(invoke_frame("serpent", "count", **kw))
        assert is_closed(s)


def test_bad_zlib_after_handshake_closes(server):
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, 1, b"not zlib data", flags=F_COMPRESSED, seq=1))
        assert is_closed(s)


def test_bad_annotations_after_handshake_close(server):
    call_data = ser_call("serpent", U.NS_NAME, "count", (), {})
    with raw_connection(server) as s:
        s.sendall(U.HDR.pack(b"PYRO", 502, MSG_INVOKE, 1, 0, 1, len(call_data), 12, b"\0" * 16, 0, U.MAGIC)
                  + b"ABCD" + struct.pack("!I", 100) + b"xxxx" + call_data)
        assert is_closed(s)


@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_compressed_invoke(server, sname):
    big = ser_call(sname, U.NS_NAME, "list", (), {"prefix": "Pyro.", "return_metadata": True})
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, SER_IDS[sname], zlib.compress(big, 4), flags=F_COMPRESSED, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, SER_IDS[sname], 1)
        if fr.flags & F_COMPRESSED:           # optional reply compression only for payloads > 100 bytes
            assert len(fr.payload()) > 100
        v = fr.value()
        (uri, tags), = v.values()
        assert list(v) == [U.NS_NAME] and uri == server.uri and set(tags) == {U.NS_TAG}


def test_correlation_id_echo_and_seq_echo(server):
    corr = bytes.fromhex("0123456789abcdef0123456789abcdef")
    with raw_connection(server) as s:
        s.sendall(invoke_frame("serpent", "count", seq=0xfffe, flags=F_CORR_ID, corr=corr))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 1, 0xfffe)
        assert fr.flags & F_CORR_ID and fr.corr == corr
        # no ordering checks: any seq is echoed
        for seq in (3, 3, 0, 65535, 1):
            fr = call(s, "serpent", "count", seq=seq)
            assert fr.value() == 1
            assert not fr.flags & F_EXCEPTION


def test_request_annotations_ignored_and_unknown_flags(server):
    with raw_connection(server) as s:
        s.sendall(invoke_frame("serpent", "count", annotations={"TEST": b"hello", "XYZ1": b"", "BIG!": b"z" * 5000}))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 1, 1)
        assert fr.value() == 1
        s.sendall(invoke_frame("serpent", "count", seq=2, flags=0x8000 | 0x0100))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 1, 2)
        assert fr.value() == 1


def test_mixed_serializers_on_one_connection(server):
    with raw_connection(server, sname="json") as s:
        for seq, sname in enumerate(("serpent", "msgpack", "marshal", "json"), start=1):
            fr = call(s, sname, "count", seq=seq)
            assert fr.value() == 1


def test_pipelined_requests_answered_in_order(server):
    with raw_connection(server) as s:
        s.sendall(b"".join(invoke_frame("serpent", "count", seq=n) for n in range(10, 20))
                  + frame(MSG_PING, 42, b"ping", seq=20))
        for n in range(10, 20):
            fr = read_frame(s)
            check_reply(fr, MSG_RESULT, 1, n)
            assert fr.value() == 1
        check_reply(read_frame(s), MSG_PING, 42, 20)


def test_marshal_request_with_back_references(server):
    data = marshal.dumps((U.NS_NAME, "lookup", [U.NS_NAME], {}))
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, 2, data, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 2, 1)
        v = fr.value()
        assert v["__class__"] == "Pyro5.core.URI"
        assert tuple(v["state"]) == ("PYRO", U.NS_NAME, None, server.host, server.port)


@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_uri_result_encoding(server, sname):
    """M35: URI class dict with a real int port in all four serializers."""
    with raw_connection(server) as s:
        v = call(s, sname, "lookup", (U.NS_NAME,)).value()
        assert v == {"__class__": "Pyro5.core.URI", "state": v["state"]}
        assert list(v["state"]) == ["PYRO", U.NS_NAME, None, server.host, server.port]
        assert type(v["state"][4]) is int


# ------------------------------------------------------------------------------------------------
# exception replies (connection stays open)

@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_exception_reply_format(server, sname):
    with raw_connection(server) as s:
        fr = call(s, sname, "lookup", ("no.such.name",), seq=5)
        assert fr.flags & F_EXCEPTION and not fr.flags & F_BATCH
        v = fr.value()
        assert list(v)[:4] == ["__class__", "__exception__", "args", "attributes"]
        assert exception_info(fr) == ("Pyro5.errors.NamingError", ["unknown name: no.such.name"])
        assert call(s, sname, "count", seq=6).value() == 1


@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_unknown_object_and_method_raw(server, sname):
    with raw_connection(server) as s:
        fr = call(s, sname, "ping", obj="No.Such.Object", seq=1)
        assert fr.flags & F_EXCEPTION
        assert exception_info(fr) == ("Pyro5.errors.DaemonError", ["unknown object"])
        fr = call(s, sname, "no_such_method", seq=2)
        cls, args = exception_info(fr)
        assert cls == "builtins.AttributeError" and "no_such_method" in args[0]
        fr = call(s, sname, "no_such_method", obj="Pyro.Daemon", seq=3)
        assert exception_info(fr)[0] == "builtins.AttributeError"
        assert call(s, sname, "count", seq=4).value() == 1


@pytest.mark.parametrize("sname, payload", [
    ("serpent", b"# serpent utf-8 python3.2\n((("),
    ("serpent", b"# serpent utf-8 python3.2\n'just a string'"),
    ("json", b"{not json"),
    ("json", b'{"object": "Pyro.NameServer"}'),
    ("marshal", b"\xff\xff\xff"),
    ("msgpack", b"\xc1"),
    ("msgpack", b"\x94\x01\x02\x03"),
])
def test_undecodable_invoke_gives_exception_reply(server, sname, payload):
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, SER_IDS[sname], payload, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, SER_IDS[sname], 1)
        assert fr.flags & F_EXCEPTION
        exception_info(fr)
        assert call(s, sname, "count", seq=2).value() == 1


def test_unsupported_class_dict_argument(server):
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, 1, b"# serpent utf-8 python3.2\n('Pyro.NameServer','lookup',({'__class__':'some.Unknown','x':1},),{})", seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 1, 1)
        assert fr.flags & F_EXCEPTION
        exception_info(fr)


def test_uri_class_dict_argument_in_every_serializer(server):
    with raw_connection(server) as s:
        for seq, sname in enumerate(U.SERIALIZERS, start=1):
            state = ("PYRO", "obj_%s" % sname, None, "127.0.0.1", 5000 + seq)
            if sname != "marshal":
                state = list(state)
            u = {"__class__": "Pyro5.core.URI", "state": state}
            fr = call(s, sname, "register", ("test.%s" % sname, u), seq=seq)
            assert not fr.flags & F_EXCEPTION, fr.value()
        fr = call(s, "serpent", "list", (), {"prefix": "test."}, seq=9)
        assert fr.value() == {"test.%s" % n: "PYRO:obj_%s@127.0.0.1:%d" % (n, 5000 + i)
                              for i, n in enumerate(U.SERIALIZERS, start=1)}


def test_oneway_unknown_object_no_reply(server):
    with raw_connection(server) as s:
        s.sendall(invoke_frame("serpent", "x", obj="No.Such", flags=F_ONEWAY, seq=1))
        s.sendall(invoke_frame("serpent", "register", ("test.ow", "PYRO:a@127.0.0.1:1"), flags=F_ONEWAY, seq=2))
        s.sendall(invoke_frame("serpent", "lookup", ("no.such",), flags=F_ONEWAY, seq=3))
        time.sleep(0.2)
        fr = call(s, "serpent", "count", seq=4)        # the next frame read is the answer to seq 4
        assert fr.value() in (1, 2)
        deadline = time.monotonic() + 5
        while call(s, "serpent", "count", seq=5).value() != 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert call(s, "serpent", "count", seq=6).value() == 2


# ------------------------------------------------------------------------------------------------
# batches by hand (any serializer; the Python marshal client itself cannot send them)

@pytest.mark.parametrize("sname", U.SERIALIZERS)
def test_raw_batch(server, sname):
    calls = [("count", (), {}), ("register", ("test.b1", "PYRO:a@127.0.0.1:1"), {"metadata": ["t"]}),
             ("list", (), {"prefix": "test."}), ("count", [], {})]
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, SER_IDS[sname], ser_call(sname, U.NS_NAME, "<batch>", calls, {}), flags=F_BATCH, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, SER_IDS[sname], 1)
        assert fr.flags & F_BATCH and not fr.flags & F_EXCEPTION
        assert list(fr.value()) == [1, None, {"test.b1": "PYRO:a@127.0.0.1:1"}, 2]


# marshal: Python's NS cannot marshal the nested exception wrapper (like bug B2), so not compared
@pytest.mark.parametrize("sname", ["serpent", "json", "msgpack"])
def test_raw_batch_stops_at_first_exception(server, sname):
    calls = [("count", (), {}), ("register", ("test.b1", "PYRO:a@127.0.0.1:1"), {}),
             ("lookup", ("no.such",), {}), ("register", ("test.b2", "PYRO:b@127.0.0.1:2"), {})]
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, SER_IDS[sname], ser_call(sname, U.NS_NAME, "<batch>", calls, {}), flags=F_BATCH, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, SER_IDS[sname], 1)
        assert fr.flags & F_BATCH and not fr.flags & F_EXCEPTION
        v = fr.value()
        assert len(v) == 3 and v[0] == 1 and v[1] is None
        assert v[2]["__class__"] == "Pyro5.core._ExceptionWrapper"
        assert v[2]["exception"]["__class__"] == "Pyro5.errors.NamingError"
        assert list(v[2]["exception"]["args"]) == ["unknown name: no.such"]
        assert call(s, sname, "list", (), {"prefix": "test."}, seq=2).value() == {"test.b1": "PYRO:a@127.0.0.1:1"}


def test_raw_batch_unknown_method_plain_exception(server):
    calls = [("register", ("test.b1", "PYRO:a@127.0.0.1:1"), {}), ("nosuch", (), {}), ("count", (), {})]
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, 1, ser_call("serpent", U.NS_NAME, "<batch>", calls, None), flags=F_BATCH, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 1, 1)
        assert fr.flags & F_EXCEPTION and not fr.flags & F_BATCH
        cls, args = exception_info(fr)
        assert cls == "builtins.AttributeError" and "nosuch" in args[0]
        assert call(s, "serpent", "list", (), {"prefix": "test."}, seq=2).value() == {"test.b1": "PYRO:a@127.0.0.1:1"}


def test_raw_batch_oneway_no_reply(server):
    calls = [("register", ("test.b1", "PYRO:a@127.0.0.1:1"), {}), ("count", (), {})]
    with raw_connection(server) as s:
        s.sendall(frame(MSG_INVOKE, 1, ser_call("serpent", U.NS_NAME, "<batch>", calls, None),
                        flags=F_BATCH | F_ONEWAY, seq=1))
        deadline = time.monotonic() + 5
        seq = 2
        while True:
            fr = call(s, "serpent", "count", seq=seq)
            if fr.value() == 2 or time.monotonic() > deadline:
                break
            seq += 1
            time.sleep(0.05)
        assert fr.value() == 2


def test_return_metadata_truthiness_raw(server):
    with raw_connection(server) as s:
        for seq, (flag, is_tuple) in enumerate([(1, True), ("", False), (0.0, False), ("x", True), (None, False),
                                                ((), False), ((0,), True)], start=1):
            v = call(s, "serpent", "lookup", (U.NS_NAME, flag), seq=seq).value()
            if is_tuple:
                assert isinstance(v, tuple) and len(v) == 2 and set(v[1]) == {U.NS_TAG}, (flag, v)
            else:
                assert isinstance(v, dict) and v["__class__"] == "Pyro5.core.URI", (flag, v)


def test_lookup_non_str_name(server):
    with raw_connection(server) as s:
        fr = call(s, "serpent", "lookup", (123,))
        assert fr.flags & F_EXCEPTION
        assert exception_info(fr)[0] == "builtins.TypeError"


def test_getattr_and_private_raw(server):
    with raw_connection(server) as s:
        fr = call(s, "serpent", "_private", seq=1)
        assert exception_info(fr) == ("builtins.AttributeError", ["attempt to access private attribute '_private'"])
        fr = call(s, "serpent", "__getattr__", ("count",), seq=2)
        assert exception_info(fr)[0] == "builtins.AttributeError"
        fr = call(s, "serpent", "lock", seq=3)
        assert exception_info(fr) == ("builtins.AttributeError", ["attempt to access unexposed attribute 'lock'"])


# ------------------------------------------------------------------------------------------------
# message size limit (small limit: labns --max-message-size, reference PYRO_MAX_MESSAGE_SIZE)

def test_small_message_size_limit(fresh_server):
    srv = fresh_server(labns_args=["--max-message-size", "4096"], python_env={"PYRO_MAX_MESSAGE_SIZE": "4096"})
    # during the handshake: CONNECTFAIL before the body is read
    with raw_connection(srv, handshake=False) as s:
        s.sendall(frame(MSG_CONNECT, 1, b"", data_len=4000, ann_len=97))
        fr = read_frame(s)
        check_reply(fr, MSG_CONNECTFAIL, 2, 0)
        assert connectfail_text(fr) == "message too large (4097, max=4096)"
        assert is_closed(s)
    # after the handshake: exactly at the limit is fine, above it the connection is closed
    with raw_connection(srv) as s:
        head = ser_call("serpent", U.NS_NAME, "register", ("test.big", "PYRO:a@127.0.0.1:1"), {"metadata": ["x"]})
        pad = 4096 - len(head)
        data = ser_call("serpent", U.NS_NAME, "register", ("test.big", "PYRO:a@127.0.0.1:1"), {"metadata": ["x" * (1 + pad)]})
        assert len(data) == 4096
        s.sendall(frame(MSG_INVOKE, 1, data, seq=1))
        fr = read_frame(s)
        check_reply(fr, MSG_RESULT, 1, 1)
        assert not fr.flags & F_EXCEPTION
        data = ser_call("serpent", U.NS_NAME, "register", ("test.big", "PYRO:a@127.0.0.1:1"), {"metadata": ["x" * (2 + pad)]})
        s.sendall(frame(MSG_INVOKE, 1, data, seq=2))
        assert is_closed(s)
    # the real client gets a connection error, a fresh client is still served
    with Pyro5.api.Proxy(srv.uri) as p:
        with pytest.raises(Pyro5.errors.CommunicationError):
            p.register("test.huge", "PYRO:a@127.0.0.1:1", metadata=["y" * 5000])
    with Pyro5.api.Proxy(srv.uri) as p:
        assert set(p.list()) == {U.NS_NAME, "test.big"}
