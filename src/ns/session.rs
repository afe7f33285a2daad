//! One client connection's protocol state machine (wire reference sections 3-6): bytes in,
//! reply bytes out, plus whether the connection must close.
//!
//! Sans-IO and clock-free: the daemon feeds received bytes and flushes `out`; time-outs for
//! half-received messages are the daemon's business (it asks [`Session::has_partial_input`]).

use crate::ns::nameserver::{Journal, metadata_value};
use crate::ns::server::{Caller, Server};
use crate::serial::{self, SerializerId, Value};
use crate::wire::{
    self, FLAGS_BATCH, FLAGS_CORR_ID, FLAGS_ONEWAY, Frame, FrameError, HEADER_SIZE, Header,
    MSG_CONNECT, MSG_CONNECTFAIL, MSG_CONNECTOK, MSG_INVOKE, MSG_PING, MSG_RESULT,
};
use std::net::SocketAddr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Accepted; the first frame must be CONNECT.
    AwaitConnect,
    /// Handshake done; INVOKE and PING are served.
    Ready,
    /// The server is full: the first frame is answered with Pyro5's "no free workers"
    /// CONNECTFAIL, then the connection closes.
    Refusing,
    /// The server decided to close (after flushing what is queued); input is ignored.
    Closing,
}

/// What Pyro5's thread pool answers when every worker is busy (wire reference 16).
pub const NO_FREE_WORKERS: &str = "no free workers, increase server threadpool size";

/// Per-connection protocol state. Owns the bytes of an incomplete frame.
#[derive(Debug)]
pub struct Session {
    phase: Phase,
    inbuf: Vec<u8>,
    frames: u64,
    peer: Option<SocketAddr>,
}

impl Default for Session {
    fn default() -> Session {
        Session::new()
    }
}

impl Session {
    pub fn new() -> Session {
        Session {
            phase: Phase::AwaitConnect,
            inbuf: Vec::new(),
            frames: 0,
            peer: None,
        }
    }

    /// A session for a client at `peer` (for `allow_write` and the audit log).
    pub fn with_peer(peer: SocketAddr) -> Session {
        Session {
            peer: Some(peer),
            ..Session::new()
        }
    }

    /// A session for a connection over the limit: its first frame gets Pyro5's
    /// "no free workers" CONNECTFAIL (marshal, seq echoed, flags 0, zero id), then it closes.
    pub fn refusing() -> Session {
        Session {
            phase: Phase::Refusing,
            ..Session::new()
        }
    }

    /// The server has decided to close this connection once `out` is flushed.
    pub fn is_closing(&self) -> bool {
        self.phase == Phase::Closing
    }

    /// Whether whole frames wait to be handled (output was over its bound): the daemon calls
    /// [`Session::receive`] again, with no new data, once the output drained.
    pub fn has_buffered_input(&self) -> bool {
        !self.inbuf.is_empty() && self.phase != Phase::Closing
    }

    /// Whether part of a frame is buffered (the daemon times such connections out).
    pub fn has_partial_input(&self) -> bool {
        !self.inbuf.is_empty() && self.phase != Phase::Closing
    }

    /// Whether the client still owes its CONNECT (the daemon times out silent connections).
    pub fn awaiting_handshake(&self) -> bool {
        matches!(self.phase, Phase::AwaitConnect | Phase::Refusing)
    }

    /// Whether the handshake has completed.
    pub fn is_connected(&self) -> bool {
        self.phase == Phase::Ready
    }

    /// How many complete frames this session has handled.
    pub fn frames_handled(&self) -> u64 {
        self.frames
    }

    /// Bytes buffered for an incomplete frame.
    pub fn buffered(&self) -> usize {
        self.inbuf.len()
    }

    /// Feed bytes read from the socket: every complete frame is handled and its reply (if
    /// any) appended to `out`. Frames are handled straight from `data` when nothing is
    /// buffered; only the tail of an incomplete frame is copied.
    /// Registry changes are recorded in `journal` before their reply is produced. Once `out`
    /// holds more than `max_output` bytes, no further frame is handled: the rest stays
    /// buffered until the caller drained `out` and calls again (with more data or none).
    pub fn receive(
        &mut self,
        data: &[u8],
        server: &mut Server,
        journal: &mut dyn Journal,
        out: &mut Vec<u8>,
        max_output: usize,
    ) {
        if self.phase == Phase::Closing {
            return;
        }
        if self.inbuf.is_empty() {
            let used = self.process(data, server, journal, out, max_output);
            if self.phase != Phase::Closing && used < data.len() {
                self.inbuf.extend_from_slice(&data[used..]);
            }
        } else {
            let mut buf = std::mem::take(&mut self.inbuf);
            buf.extend_from_slice(data);
            let used = self.process(&buf, server, journal, out, max_output);
            if self.phase != Phase::Closing {
                buf.drain(..used);
                self.inbuf = buf;
            }
        }
        if self.phase == Phase::Closing {
            self.inbuf = Vec::new();
        }
    }

    /// Handle every complete frame at the start of `buf`; returns how many bytes were used.
    fn process(
        &mut self,
        buf: &[u8],
        server: &mut Server,
        journal: &mut dyn Journal,
        out: &mut Vec<u8>,
        max_output: usize,
    ) -> usize {
        let mut used = 0;
        while self.phase != Phase::Closing && out.len() <= max_output {
            let rest = &buf[used..];
            let (allowed, text): (&[u8], &str) = match self.phase {
                Phase::AwaitConnect => (&[MSG_CONNECT], "1"),
                Phase::Refusing => (&[MSG_CONNECT, MSG_INVOKE, MSG_PING], "1"),
                _ => (&[MSG_INVOKE, MSG_PING], "4,6"),
            };
            let max = u64::from(server.config.max_message_size);
            match wire::peek_frame(rest, max, allowed, text) {
                Ok(None) => break,
                Ok(Some(header)) => {
                    let total = HEADER_SIZE + header.body_len() as usize;
                    let body = &rest[HEADER_SIZE..total];
                    used += total;
                    self.frames += 1;
                    self.handle_frame(header, body, server, journal, out);
                }
                Err(e) => {
                    self.protocol_error(&e, server, out);
                    break;
                }
            }
        }
        used
    }

    /// A framing error: before the handshake Python answers CONNECTFAIL (marshal, seq 0);
    /// afterwards it just closes.
    fn protocol_error(&mut self, e: &FrameError, server: &mut Server, out: &mut Vec<u8>) {
        if matches!(self.phase, Phase::AwaitConnect | Phase::Refusing) {
            connect_fail(out, server, SerializerId::Marshal, 0, None, &e.message());
        }
        self.phase = Phase::Closing;
    }

    fn handle_frame(
        &mut self,
        header: Header,
        body: &[u8],
        server: &mut Server,
        journal: &mut dyn Journal,
        out: &mut Vec<u8>,
    ) {
        if self.phase == Phase::Refusing {
            let mut payload = Vec::with_capacity(64);
            // A str is representable in marshal; encoding cannot fail.
            let _ = serial::encode(
                SerializerId::Marshal,
                &Value::str(NO_FREE_WORKERS),
                &mut payload,
            );
            let h = Header {
                msg_type: MSG_CONNECTFAIL,
                serializer_id: SerializerId::Marshal.as_u8(),
                flags: 0,
                seq: header.seq,
                data_len: 0,
                annotations_len: 0,
                corr_id: [0; 16],
            };
            wire::emit_frame(out, h, &payload, false);
            self.phase = Phase::Closing;
            return;
        }
        let max = server.config.max_message_size as usize;
        let frame = match Frame::parse(header, body, max) {
            Ok(f) => f,
            Err(e) => {
                // Bad annotations or zlib: CONNECTFAIL during the handshake, close afterwards.
                // During the handshake Python answers in the request's serializer if it knows it.
                if self.phase == Phase::AwaitConnect {
                    let (ser, seq) = match (SerializerId::from_u8(header.serializer_id), &e) {
                        (Some(s), FrameError::BadCompression(_)) => (s, header.seq),
                        _ => (SerializerId::Marshal, 0),
                    };
                    connect_fail(out, server, ser, seq, corr(&header), &e.message());
                }
                self.phase = Phase::Closing;
                return;
            }
        };
        match header.msg_type {
            MSG_CONNECT => self.handshake(&frame, server, out),
            MSG_PING => {
                let mut h = reply_header(&header, MSG_PING, server);
                h.flags = FLAGS_CORR_ID;
                wire::emit_frame(out, h, b"pong", false);
            }
            MSG_INVOKE => self.invoke(&frame, server, journal, out),
            _ => self.phase = Phase::Closing,
        }
    }

    fn handshake(&mut self, frame: &Frame<'_>, server: &mut Server, out: &mut Vec<u8>) {
        let header = &frame.header;
        let Some(ser) = SerializerId::from_u8(header.serializer_id) else {
            // Python cannot even build a CONNECTFAIL: it closes without a reply (M15).
            self.phase = Phase::Closing;
            return;
        };
        let access = &server.config.access;
        let object = serial::decode(ser, &frame.payload, &server.config.limits)
            .map_err(|e| python_str(&e, &frame.payload))
            .and_then(|v| {
                let object = handshake_object(&v)?;
                if access.handshake_ok(v.get("handshake").and_then(Value::as_str)) {
                    Ok(object)
                } else {
                    log::warn!(
                        "handshake refused from {}: wrong or missing token",
                        self.peer.map_or_else(|| "?".to_string(), |p| p.to_string())
                    );
                    Err("handshake failed: wrong or missing token".to_string())
                }
            });
        let meta: Result<Value, String> = match object {
            Ok(object) => metadata_value(&object).ok_or_else(|| "unknown object".to_string()),
            Err(e) => Err(e),
        };
        match meta {
            Ok(meta) => {
                let reply = Value::dict([("handshake", Value::str("hello")), ("meta", meta)]);
                let mut payload = Vec::with_capacity(256);
                match serial::encode(ser, &reply, &mut payload) {
                    Ok(()) => {
                        let h = reply_header(header, MSG_CONNECTOK, server);
                        wire::emit_frame(out, h, &payload, server.config.compress);
                        self.phase = Phase::Ready;
                    }
                    Err(e) => {
                        connect_fail(out, server, ser, header.seq, corr(header), &e.message);
                        self.phase = Phase::Closing;
                    }
                }
            }
            Err(message) => {
                connect_fail(out, server, ser, header.seq, corr(header), &message);
                self.phase = Phase::Closing;
            }
        }
    }

    fn invoke(
        &mut self,
        frame: &Frame<'_>,
        server: &mut Server,
        journal: &mut dyn Journal,
        out: &mut Vec<u8>,
    ) {
        let header = &frame.header;
        let Some(ser) = SerializerId::from_u8(header.serializer_id) else {
            self.phase = Phase::Closing; // M27
            return;
        };
        let batch = header.flags & FLAGS_BATCH != 0;
        let oneway = header.flags & FLAGS_ONEWAY != 0;
        let caller = Caller { peer: self.peer };
        // The header first: the reply may borrow from the server's cache.
        let mut h = reply_header(header, MSG_RESULT, server);
        let compress = server.config.compress;
        let Some(reply) = server.handle_invoke(ser, &frame.payload, batch, oneway, caller, journal)
        else {
            return; // M23: executed, never answered, errors swallowed
        };
        h.flags |= reply.flags;
        wire::emit_frame(out, h, reply.payload, compress);
        let close = reply.close;
        if close {
            self.phase = Phase::Closing;
        }
    }
}

/// The replies of a turn whose registry changes could not be stored (disk full, I/O error):
/// every RESULT frame in `frames` becomes a NamingError reply carrying `message`, with the same
/// seq, serializer and correlation id, so no client is told that something happened that was
/// not stored (a read of the same turn may have seen the lost change, so reads fail too).
/// Other frames (CONNECTOK, PING) are kept.
pub fn fail_results(frames: &[u8], message: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(frames.len());
    let mut rest = frames;
    while let Some(head) = rest.first_chunk::<HEADER_SIZE>() {
        let Ok(h) = Header::parse(head) else { break };
        let total = (HEADER_SIZE as u64 + h.body_len()).min(rest.len() as u64) as usize;
        match SerializerId::from_u8(h.serializer_id) {
            Some(ser) if h.msg_type == MSG_RESULT => {
                let mut payload = Vec::new();
                let err = crate::ns::PyErr::naming(message);
                // An exception of plain strings is representable in every serializer.
                let _ = serial::encode(ser, &err.to_value(), &mut payload);
                let reply = Header {
                    flags: FLAGS_CORR_ID | crate::wire::FLAGS_EXCEPTION,
                    ..h
                };
                wire::emit_frame(&mut out, reply, &payload, false);
            }
            _ => out.extend_from_slice(&rest[..total]),
        }
        rest = &rest[total..];
    }
    out.extend_from_slice(rest);
    out
}

/// `str(exception)` of a reader error as Python prints it: a SyntaxError adds the file and line.
fn python_str(e: &serial::DecodeError, payload: &[u8]) -> String {
    if e.py_class == "builtins.SyntaxError" {
        let upto = &payload[..e.offset.min(payload.len())];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{} (<unknown>, line {line})", e.message)
    } else {
        e.message.clone()
    }
}

/// The `object` of a handshake dict, with Python's error texts for malformed payloads.
fn handshake_object(v: &Value) -> Result<String, String> {
    match v {
        Value::Dict(_) => {
            if v.get("handshake").is_none() {
                return Err("'handshake'".into());
            }
            match v.get("object") {
                Some(Value::Str(s)) => Ok(s.clone()),
                Some(_) => Ok(String::new()), // not a known object id: "unknown object"
                None => Err("'object'".into()),
            }
        }
        Value::Str(_) | Value::Bytes(_) => Err(format!(
            "{} indices must be integers, not 'str'",
            if matches!(v, Value::Str(_)) {
                "string"
            } else {
                "byte"
            }
        )),
        Value::List(_) | Value::Tuple(_) => Err(format!(
            "{} indices must be integers or slices, not str",
            v.type_name()
        )),
        other => Err(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        )),
    }
}

fn corr(header: &Header) -> Option<[u8; 16]> {
    (header.flags & FLAGS_CORR_ID != 0).then_some(header.corr_id)
}

/// Reply header: same seq and serializer id, FLAGS_CORR_ID with the request's id or a fresh one.
fn reply_header(request: &Header, msg_type: u8, server: &mut Server) -> Header {
    Header {
        msg_type,
        serializer_id: request.serializer_id,
        flags: FLAGS_CORR_ID,
        seq: request.seq,
        data_len: 0,
        annotations_len: 0,
        corr_id: corr(request).unwrap_or_else(|| server.rng.uuid4()),
    }
}

fn connect_fail(
    out: &mut Vec<u8>,
    server: &mut Server,
    ser: SerializerId,
    seq: u16,
    corr_id: Option<[u8; 16]>,
    message: &str,
) {
    let mut payload = Vec::with_capacity(message.len() + 32);
    let mut ser = ser;
    if serial::encode(ser, &Value::str(message), &mut payload).is_err() {
        // Every serializer can write a str; marshal as the last resort keeps clients decoding.
        payload.clear();
        ser = SerializerId::Marshal;
        let _ = serial::encode(ser, &Value::str(message), &mut payload);
    }
    let h = Header {
        msg_type: MSG_CONNECTFAIL,
        serializer_id: ser.as_u8(),
        flags: FLAGS_CORR_ID,
        seq,
        data_len: 0,
        annotations_len: 0,
        corr_id: corr_id.unwrap_or_else(|| server.rng.uuid4()),
    };
    wire::emit_frame(out, h, &payload, server.config.compress);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ns::nameserver::Change;
    use crate::ns::server::ServerConfig;

    fn frame(msg_type: u8, seq: u16, payload: &[u8]) -> Vec<u8> {
        wire::plain_frame(msg_type, SerializerId::Serpent.as_u8(), 0, seq, payload)
    }

    const HANDSHAKE: &[u8] =
        b"# serpent utf-8 python3.2\n{'handshake':'hello','object':'Pyro.NameServer'}";

    /// Feed `input` to the session with no output bound; returns what it wrote.
    fn feed(s: &mut Session, server: &mut Server, input: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        s.receive(
            input,
            server,
            &mut Vec::<Change>::new(),
            &mut out,
            usize::MAX,
        );
        out
    }

    fn connected() -> (Session, Server) {
        let mut server = Server::new(
            ServerConfig::default(),
            "PYRO:Pyro.NameServer@127.0.0.1:9090".into(),
            "info".into(),
            1,
        );
        let mut s = Session::new();
        feed(&mut s, &mut server, &frame(MSG_CONNECT, 0, HANDSHAKE));
        assert!(s.is_connected());
        (s, server)
    }

    #[test]
    fn output_over_its_bound_stops_handling_until_drained() {
        let (mut s, mut server) = connected();
        let call = b"# serpent utf-8 python3.2\n('Pyro.NameServer','count',(),{})";
        let mut burst = Vec::new();
        for seq in 1..=100 {
            burst.extend(frame(MSG_INVOKE, seq, call));
        }
        let mut out = Vec::new();
        let journal = &mut Vec::<Change>::new();
        s.receive(&burst, &mut server, journal, &mut out, 200);
        let first = s.frames_handled();
        assert!(first < 10, "handled {first} frames past a 200-byte bound");
        assert!(s.has_buffered_input());
        // Drained: the buffered frames are handled without new input.
        let mut replies = 0;
        for _ in 0..100 {
            out.clear();
            s.receive(&[], &mut server, journal, &mut out, 200);
            replies += 1;
            if !s.has_buffered_input() {
                break;
            }
        }
        assert_eq!(s.frames_handled(), 101, "every request answered in the end");
        assert!(replies > 10);
    }

    #[test]
    fn refusing_session_answers_no_free_workers_in_marshal() {
        let mut server = connected().1;
        let mut s = Session::refusing();
        let out = feed(&mut s, &mut server, &frame(MSG_CONNECT, 7, HANDSHAKE));
        let h = Header::parse(out.first_chunk().unwrap()).unwrap();
        assert_eq!(
            (h.msg_type, h.serializer_id, h.flags, h.seq),
            (MSG_CONNECTFAIL, 2, 0, 7)
        );
        assert_eq!(h.corr_id, [0; 16]);
        let text = serial::decode(
            SerializerId::Marshal,
            &out[HEADER_SIZE..],
            &Default::default(),
        )
        .unwrap();
        assert_eq!(text, Value::str(NO_FREE_WORKERS));
        assert!(s.is_closing());
    }

    #[test]
    fn results_of_a_failed_commit_become_naming_errors() {
        let (mut s, mut server) = connected();
        let reg =
            b"# serpent utf-8 python3.2\n('Pyro.NameServer','register',('a','PYRO:a@h:1'),{})";
        let mut req = frame(MSG_INVOKE, 9, reg);
        req.extend(frame(MSG_PING, 10, b"ping"));
        let out = feed(&mut s, &mut server, &req);
        let failed = fail_results(&out, "storage error: disk full");
        let h = Header::parse(failed.first_chunk().unwrap()).unwrap();
        assert_eq!((h.msg_type, h.seq), (MSG_RESULT, 9));
        assert_ne!(h.flags & crate::wire::FLAGS_EXCEPTION, 0);
        let body = &failed[HEADER_SIZE..HEADER_SIZE + h.data_len as usize];
        let v = serial::decode(SerializerId::Serpent, body, &Default::default()).unwrap();
        assert_eq!(
            v.get("__class__"),
            Some(&Value::str("Pyro5.errors.NamingError"))
        );
        let ping = &failed[HEADER_SIZE + h.data_len as usize..];
        let p = Header::parse(ping.first_chunk().unwrap()).unwrap();
        assert_eq!(
            (p.msg_type, p.seq),
            (MSG_PING, 10),
            "the PING reply is kept"
        );
    }

    #[test]
    fn wrong_token_is_refused_in_the_handshake() {
        let (_, mut server) = connected();
        server.config.access.token = Some("s3cret".into());
        for (handshake, ok) in [("'s3cret'", true), ("'hello'", false), ("None", false)] {
            let payload = format!(
                "# serpent utf-8 python3.2\n{{'handshake':{handshake},'object':'Pyro.NameServer'}}"
            );
            let mut s = Session::new();
            let out = feed(
                &mut s,
                &mut server,
                &frame(MSG_CONNECT, 0, payload.as_bytes()),
            );
            let h = Header::parse(out.first_chunk().unwrap()).unwrap();
            assert_eq!(h.msg_type == MSG_CONNECTOK, ok, "{handshake}");
            assert_eq!(s.is_connected(), ok);
        }
    }
}
