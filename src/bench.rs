//! `labns bench`, a closed-loop load generator for Pyro5 name servers (in the spirit of
//! `redis-benchmark` and `nats bench`), and its two helpers: `labns bench-echo`, the echo
//! ceiling (a server that answers every request frame with a canned reply of the size of a
//! real `lookup` reply), and `labns bench-startup`, the time from spawning a server until its
//! port accepts.
//!
//! One thread drives every connection with mio, non-blocking: each connection always has
//! exactly one request in flight (closed loop). Request frames are encoded once; only the
//! sequence number changes. Every reply is checked (message type, sequence number, no
//! exception flag, expected bytes in the payload) and its latency goes into a log-linear
//! histogram. Timing lives here and in `tests/bench/`, nowhere in the test suite.
//!
//! This is the second user of mio besides `daemon/` (the tidy test allows exactly these two):
//! it must stay light enough not to be the bottleneck on a 2-core machine.

use crate::client::{self, Client, NS_OBJECT};
use crate::control::json_string;
use crate::ns::nameserver::metadata_value;
use crate::ns::uri::Uri;
use crate::serial::{self, SerializerId, Value};
use crate::wire::{
    self, FLAGS_COMPRESSED, FLAGS_CORR_ID, FLAGS_EXCEPTION, HEADER_SIZE, Header, MSG_CONNECT,
    MSG_CONNECTFAIL, MSG_CONNECTOK, MSG_INVOKE, MSG_PING, MSG_RESULT, decompress, peek_frame,
};
use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

/// The largest reply the bench accepts (a `list()` of 100,000 entries fits).
const MAX_REPLY: u64 = 256 << 20;
/// Connections opened at once while setting up (keeps the listener's backlog from overflowing).
const MAX_CONNECTING: usize = 256;
/// A connection slot that fails this many times in a row is given up.
const MAX_FAILURES: u32 = 3;
/// Registrations per batch call while preloading.
const PRELOAD_BATCH: usize = 250;

/// What each request does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `lookup(name)` of a preloaded name (or `Pyro.NameServer` without a preload).
    Lookup,
    /// `register(name, uri)`: each connection re-registers its own name.
    Register,
    /// `list()` of everything.
    List,
    /// `yplookup({tag}, None, False)`, as `PYROMETA:` resolution calls it.
    Yplookup,
    /// A new connection, the handshake, one lookup, close.
    Connect,
}

impl Op {
    pub const ALL: [Op; 5] = [
        Op::Lookup,
        Op::Register,
        Op::List,
        Op::Yplookup,
        Op::Connect,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Op::Lookup => "lookup",
            Op::Register => "register",
            Op::List => "list",
            Op::Yplookup => "yplookup",
            Op::Connect => "connect",
        }
    }

    pub fn from_name(name: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.name() == name)
    }
}

/// When the run ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    After(Duration),
    Requests(u64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct BenchConfig {
    pub host: String,
    pub port: u16,
    pub op: Op,
    pub connections: usize,
    pub stop: Stop,
    pub serializer: SerializerId,
    /// Register this many names (`bench.000000`, ...) before the run.
    pub preload: usize,
    /// Open this many connections (with handshake) and leave them idle during the run.
    pub idle: usize,
    /// Replies to requests sent in this first part of the run are not counted.
    pub warmup: Duration,
    /// Connect/handshake time-out, and how long the run waits without any reply.
    pub timeout: Duration,
    /// Print a progress line every second (the caller decides: stderr is a terminal).
    pub progress: bool,
    /// The handshake token of a name server that asks for one.
    pub token: Option<String>,
}

impl Default for BenchConfig {
    fn default() -> BenchConfig {
        BenchConfig {
            host: "127.0.0.1".into(),
            port: client::DEFAULT_NS_PORT,
            op: Op::Lookup,
            connections: 16,
            stop: Stop::After(Duration::from_secs(10)),
            serializer: SerializerId::Serpent,
            preload: 0,
            idle: 0,
            warmup: Duration::ZERO,
            timeout: Duration::from_secs(10),
            progress: false,
            token: None,
        }
    }
}

#[derive(Debug)]
pub struct BenchError(pub String);

impl fmt::Display for BenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BenchError {}

fn berr(msg: impl Into<String>) -> BenchError {
    BenchError(msg.into())
}

// ------------------------------------------------------------------------------------------
// latency histogram

/// A log-linear histogram of nanosecond values (HdrHistogram's idea with 64 sub-buckets per
/// power of two): exact below 128 ns, within 1/64 (1.6 %) above, 30 KB, O(1) to record.
#[derive(Clone, Debug)]
pub struct Histogram {
    counts: Vec<u64>,
    total: u64,
    max: u64,
}

const HIST_SUB: u32 = 6;
const HIST_BUCKETS: usize = ((64 - HIST_SUB as usize) << HIST_SUB) + (1 << HIST_SUB);

fn bucket_of(v: u64) -> usize {
    if v < (2 << HIST_SUB) {
        return v as usize;
    }
    let msb = 63 - v.leading_zeros();
    let shift = msb - HIST_SUB;
    ((shift as usize) << HIST_SUB) + (v >> shift) as usize
}

/// The largest value that falls into bucket `i`.
fn bucket_upper(i: usize) -> u64 {
    if i < (2 << HIST_SUB) {
        return i as u64;
    }
    let shift = (i >> HIST_SUB) as u32 - 1;
    let top = (i as u64 & ((1 << HIST_SUB) - 1)) + (1 << HIST_SUB);
    ((top + 1) << shift).wrapping_sub(1)
}

impl Default for Histogram {
    fn default() -> Histogram {
        Histogram::new()
    }
}

impl Histogram {
    pub fn new() -> Histogram {
        Histogram {
            counts: vec![0; HIST_BUCKETS],
            total: 0,
            max: 0,
        }
    }

    pub fn record(&mut self, nanos: u64) {
        self.counts[bucket_of(nanos)] += 1;
        self.total += 1;
        self.max = self.max.max(nanos);
    }

    pub fn count(&self) -> u64 {
        self.total
    }

    pub fn max(&self) -> u64 {
        self.max
    }

    /// The value below or at which a fraction `p` (0..=1) of the samples lie, as the upper
    /// edge of its bucket (never above the largest sample); 0 when empty.
    pub fn percentile(&self, p: f64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = ((p.clamp(0.0, 1.0) * self.total as f64).ceil() as u64).clamp(1, self.total);
        let mut seen = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return bucket_upper(i).min(self.max);
            }
        }
        self.max
    }
}

// ------------------------------------------------------------------------------------------
// requests and their checks

/// The name, URI and tags of preloaded registration `i`. Fixed-width numbers, so that no
/// object id is a prefix of another and a reply check cannot match the wrong entry.
pub fn preload_entry(i: usize) -> (String, String, Vec<String>) {
    (
        format!("bench.{i:06}"),
        format!("PYRO:bench_obj_{i:06}@127.0.0.1:{}", 20000 + i % 40000),
        vec!["bench".to_string(), format!("bench.{i:06}")],
    )
}

/// What a good reply payload looks like.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Check {
    /// The payload contains these bytes (searched from the end: `list()` puts the last
    /// preloaded entry there).
    Contains(Vec<u8>),
    /// The payload is exactly this (`None` for register).
    Equals(Vec<u8>),
}

impl Check {
    fn passes(&self, payload: &[u8]) -> bool {
        match self {
            Check::Equals(want) => payload == want.as_slice(),
            Check::Contains(needle) => {
                needle.is_empty() || payload.windows(needle.len()).rev().any(|w| w == needle)
            }
        }
    }
}

/// One pre-encoded INVOKE frame (seq 0, patched per send) and its reply check.
#[derive(Clone, Debug)]
struct Template {
    frame: Vec<u8>,
    check: Check,
}

fn invoke_frame(ser: SerializerId, method: &str, args: Vec<Value>) -> Result<Vec<u8>, BenchError> {
    let payload = client::encode_call(ser, NS_OBJECT, method, args, vec![])
        .map_err(|e| berr(format!("cannot encode {method}(): {e}")))?;
    Ok(wire::plain_frame(MSG_INVOKE, ser.as_u8(), 0, 0, &payload))
}

/// The request template for connection `slot`.
fn template(cfg: &BenchConfig, slot: usize) -> Result<Template, BenchError> {
    let ser = cfg.serializer;
    // Which preloaded entry this connection targets; None: the name server's own entry.
    let target = (cfg.preload > 0).then(|| slot % cfg.preload);
    let target_obj = |t: Option<usize>| match t {
        Some(i) => format!("bench_obj_{i:06}"),
        None => NS_OBJECT.to_string(),
    };
    Ok(match cfg.op {
        Op::Lookup | Op::Connect => {
            let name = target.map_or_else(|| NS_OBJECT.to_string(), |i| preload_entry(i).0);
            Template {
                frame: invoke_frame(ser, "lookup", vec![Value::Str(name)])?,
                check: Check::Contains(target_obj(target).into_bytes()),
            }
        }
        Op::Register => {
            let mut none = Vec::new();
            serial::encode(ser, &Value::None, &mut none)
                .map_err(|e| berr(format!("cannot encode None: {e}")))?;
            Template {
                frame: invoke_frame(
                    ser,
                    "register",
                    vec![
                        Value::Str(format!("bench.reg.{slot:06}")),
                        Value::Str(format!(
                            "PYRO:bench_reg_{slot:06}@127.0.0.1:{}",
                            20000 + slot % 40000
                        )),
                    ],
                )?,
                check: Check::Equals(none),
            }
        }
        Op::List => Template {
            frame: invoke_frame(ser, "list", vec![])?,
            check: Check::Contains(target_obj(cfg.preload.checked_sub(1)).into_bytes()),
        },
        Op::Yplookup => {
            let tag = target.map_or_else(
                || "class:Pyro5.nameserver.NameServer".to_string(),
                |i| preload_entry(i).0,
            );
            Template {
                frame: invoke_frame(
                    ser,
                    "yplookup",
                    vec![
                        Value::Set(vec![Value::Str(tag)]),
                        Value::None,
                        Value::Bool(false),
                    ],
                )?,
                check: Check::Contains(target_obj(target).into_bytes()),
            }
        }
    })
}

// ------------------------------------------------------------------------------------------
// the connection engine

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Non-blocking connect in progress.
    Connecting,
    /// CONNECT sent, waiting for CONNECTOK.
    Handshake,
    /// Connected, nothing in flight.
    Ready,
    /// A request is in flight.
    Waiting,
    /// Given up (or closed at the end of a connect cycle with the run over).
    Dead,
}

struct Slot {
    stream: Option<TcpStream>,
    phase: Phase,
    rbuf: Vec<u8>,
    /// Unsent bytes of the current request (almost always empty: requests are small).
    pending: Vec<u8>,
    writable_interest: bool,
    /// This connection's request frame; bytes 10..12 get the sequence number.
    request: Vec<u8>,
    check: Check,
    seq: u16,
    /// When the current request (or, for `connect`, the current cycle) started.
    started: Instant,
    failures: u32,
}

/// What the setup phase achieved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct SetupResult {
    ready: usize,
    refused: usize,
    failed: usize,
}

struct Engine {
    poll: Poll,
    events: Events,
    addr: SocketAddr,
    op: Op,
    connect_frame: Vec<u8>,
    slots: Vec<Slot>,
    scratch: Vec<u8>,
    // run state
    running: bool,
    sending: bool,
    limit: Option<u64>,
    sent: u64,
    completed: u64,
    measure_from: Instant,
    last_reply: Instant,
    hist: Histogram,
    errors: BTreeMap<&'static str, u64>,
    first_error: Option<String>,
}

fn frame_seq_patch(frame: &mut [u8], seq: u16) {
    frame[10..12].copy_from_slice(&seq.to_be_bytes());
}

impl Engine {
    fn new(
        addr: SocketAddr,
        op: Op,
        ser: SerializerId,
        handshake: &str,
        templates: Vec<Template>,
    ) -> Result<Engine, BenchError> {
        let handshake = client::encode_handshake(ser, NS_OBJECT, handshake)
            .map_err(|e| berr(format!("cannot encode the handshake: {e}")))?;
        let now = Instant::now();
        let slots = templates
            .into_iter()
            .map(|t| Slot {
                stream: None,
                phase: Phase::Dead,
                rbuf: Vec::with_capacity(4096),
                pending: Vec::new(),
                writable_interest: false,
                request: t.frame,
                check: t.check,
                seq: 0,
                started: now,
                failures: 0,
            })
            .collect();
        Ok(Engine {
            poll: Poll::new().map_err(|e| berr(format!("cannot create a poller: {e}")))?,
            events: Events::with_capacity(1024),
            addr,
            op,
            connect_frame: wire::plain_frame(MSG_CONNECT, ser.as_u8(), 0, 0, &handshake),
            slots,
            scratch: vec![0; 64 * 1024],
            running: false,
            sending: false,
            limit: None,
            sent: 0,
            completed: 0,
            measure_from: now,
            last_reply: now,
            hist: Histogram::new(),
            errors: BTreeMap::new(),
            first_error: None,
        })
    }

    fn error(&mut self, kind: &'static str, detail: impl FnOnce() -> String) {
        *self.errors.entry(kind).or_insert(0) += 1;
        if self.first_error.is_none() {
            self.first_error = Some(format!("{kind}: {}", detail()));
        }
    }

    fn in_flight(&self) -> usize {
        self.slots
            .iter()
            .filter(|s| {
                matches!(
                    s.phase,
                    Phase::Connecting | Phase::Handshake | Phase::Waiting
                )
            })
            .count()
    }

    fn start_connect(&mut self, i: usize, now: Instant) {
        let slot = &mut self.slots[i];
        slot.stream = None;
        slot.rbuf.clear();
        slot.pending.clear();
        slot.seq = 0;
        slot.started = now;
        match TcpStream::connect(self.addr) {
            Ok(mut stream) => {
                let registered = self.poll.registry().register(
                    &mut stream,
                    Token(i),
                    Interest::READABLE | Interest::WRITABLE,
                );
                if let Err(e) = registered {
                    self.fail(i, "connect", now, || {
                        format!("cannot register a socket: {e}")
                    });
                    return;
                }
                let slot = &mut self.slots[i];
                slot.writable_interest = true;
                slot.stream = Some(stream);
                slot.phase = Phase::Connecting;
            }
            Err(e) => self.fail(i, "connect", now, || e.to_string()),
        }
    }

    /// A connection failed: count it, drop it, and (while the run goes on) open a new one.
    fn fail(
        &mut self,
        i: usize,
        kind: &'static str,
        now: Instant,
        detail: impl FnOnce() -> String,
    ) {
        self.error(kind, detail);
        let slot = &mut self.slots[i];
        if let Some(mut s) = slot.stream.take() {
            let _ = self.poll.registry().deregister(&mut s);
        }
        slot.phase = Phase::Dead;
        slot.failures += 1;
        if self.running && self.sending && slot.failures < MAX_FAILURES {
            self.start_connect(i, now);
        }
    }

    fn set_interest(&mut self, i: usize, writable: bool) -> io::Result<()> {
        let slot = &mut self.slots[i];
        if slot.writable_interest == writable {
            return Ok(());
        }
        let Some(stream) = slot.stream.as_mut() else {
            return Ok(());
        };
        let interest = if writable {
            Interest::READABLE | Interest::WRITABLE
        } else {
            Interest::READABLE
        };
        self.poll
            .registry()
            .reregister(stream, Token(i), interest)?;
        slot.writable_interest = writable;
        Ok(())
    }

    /// Write `bytes` (or queue what does not fit) on connection `i`.
    fn send(&mut self, i: usize, bytes: &[u8], now: Instant) {
        let slot = &mut self.slots[i];
        let Some(stream) = slot.stream.as_mut() else {
            return;
        };
        let mut at = 0;
        while at < bytes.len() {
            match stream.write(&bytes[at..]) {
                Ok(0) => break,
                Ok(n) => at += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) => {
                    self.fail(i, "write", now, || e.to_string());
                    return;
                }
            }
        }
        slot.pending.extend_from_slice(&bytes[at..]);
        let want_writable = !slot.pending.is_empty() || slot.phase == Phase::Connecting;
        if let Err(e) = self.set_interest(i, want_writable) {
            self.fail(i, "write", now, || e.to_string());
        }
    }

    fn flush_pending(&mut self, i: usize, now: Instant) {
        let pending = std::mem::take(&mut self.slots[i].pending);
        if !pending.is_empty() {
            self.send(i, &pending, now);
        } else if let Err(e) = self.set_interest(i, false) {
            self.fail(i, "write", now, || e.to_string());
        }
    }

    /// Send the next request on connection `i`.
    fn send_request(&mut self, i: usize, now: Instant) {
        let slot = &mut self.slots[i];
        slot.seq = slot.seq.wrapping_add(1);
        frame_seq_patch(&mut slot.request, slot.seq);
        slot.phase = Phase::Waiting;
        if self.op != Op::Connect {
            slot.started = now;
        }
        self.sent += 1;
        let request = std::mem::take(&mut self.slots[i].request);
        self.send(i, &request, now);
        self.slots[i].request = request;
    }

    /// Whether another request may be sent.
    fn may_send(&self) -> bool {
        self.running && self.sending && self.limit.is_none_or(|n| self.sent < n)
    }

    fn handle_event(&mut self, i: usize, readable: bool, writable: bool) {
        let now = Instant::now();
        if self.slots[i].phase == Phase::Connecting {
            let Some(stream) = self.slots[i].stream.as_ref() else {
                return;
            };
            match stream.take_error() {
                Ok(Some(e)) | Err(e) => {
                    self.fail(i, "connect", now, || e.to_string());
                    return;
                }
                Ok(None) => {}
            }
            match stream.peer_addr() {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotConnected => return, // not yet
                Err(e) => {
                    self.fail(i, "connect", now, || e.to_string());
                    return;
                }
            }
            let _ = stream.set_nodelay(true);
            self.slots[i].phase = Phase::Handshake;
            let frame = std::mem::take(&mut self.connect_frame);
            self.send(i, &frame, now);
            self.connect_frame = frame;
            return;
        }
        if writable && !self.slots[i].pending.is_empty() {
            self.flush_pending(i, now);
        }
        if readable {
            self.read(i, now);
        }
    }

    /// Read until the socket is drained, then handle every complete frame.
    fn read(&mut self, i: usize, now: Instant) {
        let mut closed = None;
        {
            let slot = &mut self.slots[i];
            let Some(stream) = slot.stream.as_mut() else {
                return;
            };
            loop {
                match stream.read(&mut self.scratch) {
                    Ok(0) => {
                        closed = Some("closed by the server".to_string());
                        break;
                    }
                    Ok(n) => {
                        slot.rbuf.extend_from_slice(&self.scratch[..n]);
                        // A short read drained the socket: on Linux' epoll a later arrival
                        // raises a new edge anyway (tokio relies on the same), so the extra
                        // read that would only return WouldBlock is skipped. Keeps the load
                        // generator one syscall per request lighter than the servers.
                        if n < self.scratch.len() {
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(e) => {
                        closed = Some(e.to_string());
                        break;
                    }
                }
            }
        }
        while matches!(self.slots[i].phase, Phase::Handshake | Phase::Waiting) {
            let header = match peek_frame(
                &self.slots[i].rbuf,
                MAX_REPLY,
                &[MSG_CONNECTOK, MSG_CONNECTFAIL, MSG_RESULT],
                "2,3,5",
            ) {
                Ok(Some(h)) => h,
                Ok(None) => break,
                Err(e) => {
                    self.fail(i, "protocol", now, || e.message());
                    return;
                }
            };
            let total = HEADER_SIZE + header.body_len() as usize;
            let rbuf = std::mem::take(&mut self.slots[i].rbuf);
            self.handle_frame(i, &header, &rbuf[HEADER_SIZE..total], now);
            let slot = &mut self.slots[i];
            slot.rbuf = rbuf;
            if slot.rbuf.len() == total {
                slot.rbuf.clear();
            } else {
                slot.rbuf.drain(..total);
            }
        }
        if let Some(why) = closed {
            if self.slots[i].stream.is_some() && self.slots[i].phase != Phase::Dead {
                self.fail(i, "closed", now, || why);
            }
        }
    }

    fn handle_frame(&mut self, i: usize, h: &Header, body: &[u8], now: Instant) {
        match (self.slots[i].phase, h.msg_type) {
            (Phase::Handshake, MSG_CONNECTOK) => {
                self.slots[i].failures = 0;
                if self.may_send() {
                    self.send_request(i, now);
                } else {
                    self.slots[i].phase = Phase::Ready;
                }
            }
            (Phase::Handshake, MSG_CONNECTFAIL) => {
                let text = String::from_utf8_lossy(body).into_owned();
                self.fail(i, "refused", now, || text);
            }
            (Phase::Waiting, MSG_RESULT) => {
                let slot = &self.slots[i];
                if h.seq != slot.seq {
                    let (got, want) = (h.seq, slot.seq);
                    self.fail(i, "seq", now, || {
                        format!("reply seq {got}, expected {want}")
                    });
                    return;
                }
                let payload: std::borrow::Cow<[u8]> = if h.flags & FLAGS_COMPRESSED != 0 {
                    let data = &body[h.annotations_len as usize..];
                    match decompress(data, MAX_REPLY as usize) {
                        Ok(p) => p.into(),
                        Err(e) => {
                            self.fail(i, "protocol", now, || e.message());
                            return;
                        }
                    }
                } else {
                    body[h.annotations_len as usize..].into()
                };
                let good = h.flags & FLAGS_EXCEPTION == 0 && slot.check.passes(&payload);
                let started = slot.started;
                if good {
                    self.completed += 1;
                    self.last_reply = now;
                    if started >= self.measure_from {
                        self.hist
                            .record(u64::try_from((now - started).as_nanos()).unwrap_or(u64::MAX));
                    }
                } else if h.flags & FLAGS_EXCEPTION != 0 {
                    let text = String::from_utf8_lossy(&payload)
                        .chars()
                        .take(300)
                        .collect();
                    self.error("exception", || text);
                } else {
                    let text = String::from_utf8_lossy(&payload)
                        .chars()
                        .take(300)
                        .collect();
                    self.error("unexpected reply", || text);
                }
                if self.op == Op::Connect {
                    if let Some(mut s) = self.slots[i].stream.take() {
                        let _ = self.poll.registry().deregister(&mut s);
                    }
                    self.slots[i].phase = Phase::Dead;
                    if self.may_send() {
                        self.start_connect(i, now);
                    }
                } else if self.may_send() {
                    self.send_request(i, now);
                } else {
                    self.slots[i].phase = Phase::Ready;
                }
            }
            (_, t) => self.fail(i, "protocol", now, || {
                format!("unexpected message type {t}")
            }),
        }
    }

    fn poll_once(&mut self, timeout: Duration) -> Result<(), BenchError> {
        match self.poll.poll(&mut self.events, Some(timeout)) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(berr(format!("poll failed: {e}"))),
        }
        // Take the event list out so the handlers may borrow the engine mutably.
        let events = std::mem::replace(&mut self.events, Events::with_capacity(0));
        for e in events.iter() {
            let i = e.token().0;
            if i < self.slots.len() {
                let readable = e.is_readable() || e.is_read_closed() || e.is_error();
                let writable = e.is_writable() || e.is_error();
                self.handle_event(i, readable, writable);
            }
        }
        self.events = events;
        Ok(())
    }

    /// Connect and handshake every slot, at most `MAX_CONNECTING` at a time.
    fn setup(&mut self, deadline: Instant) -> Result<SetupResult, BenchError> {
        let n = self.slots.len();
        let mut next = 0;
        let mut result = SetupResult::default();
        loop {
            let now = Instant::now();
            while next < n && self.in_flight() < MAX_CONNECTING {
                self.start_connect(next, now);
                next += 1;
            }
            if next == n && self.in_flight() == 0 {
                break;
            }
            if now >= deadline {
                break;
            }
            self.poll_once((deadline - now).min(Duration::from_millis(100)))?;
        }
        for s in &self.slots {
            match s.phase {
                Phase::Ready => result.ready += 1,
                _ => result.failed += 1,
            }
        }
        result.refused = self.errors.get("refused").copied().unwrap_or(0) as usize;
        result.failed -= result.refused.min(result.failed);
        Ok(result)
    }
}

fn cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a `rusage` into the pointer we pass, which points to memory
    // large enough for one; it only fails for an invalid `who`, and RUSAGE_SELF is valid.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            return Duration::ZERO;
        }
        usage.assume_init()
    };
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

// ------------------------------------------------------------------------------------------
// a run

/// Everything a run measured.
#[derive(Clone, Debug)]
pub struct Report {
    pub op: Op,
    pub addr: SocketAddr,
    pub connections: usize,
    pub serializer: SerializerId,
    /// Good replies counted (sent after the warm-up).
    pub requests: u64,
    /// Good replies including the warm-up.
    pub completed: u64,
    pub errors: BTreeMap<&'static str, u64>,
    pub first_error: Option<String>,
    /// From the end of the warm-up to the last reply.
    pub elapsed: Duration,
    pub latency: Histogram,
    /// The bench's own CPU time during the run.
    pub bench_cpu: Duration,
    pub preloaded: usize,
    /// How long the preload took; None when the names were already registered.
    pub preload_time: Option<Duration>,
    pub idle_open: usize,
    pub idle_refused: usize,
    pub idle_failed: usize,
}

impl Report {
    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    pub fn rate(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.requests as f64 / secs
        } else {
            0.0
        }
    }

    /// The human summary.
    pub fn human(&self) -> String {
        let ms = |ns: u64| ns as f64 / 1e6;
        let l = &self.latency;
        let mut out = format!(
            "{} against {}: {} connection{}, {}, {:.2} s\n",
            self.op.name(),
            self.addr,
            self.connections,
            if self.connections == 1 { "" } else { "s" },
            self.serializer.name(),
            self.elapsed.as_secs_f64()
        );
        match (self.preloaded, self.preload_time) {
            (0, _) => {}
            (n, Some(t)) => out.push_str(&format!(
                "  preloaded     {} registrations in {:.2} s\n",
                group(n as u64),
                t.as_secs_f64()
            )),
            (n, None) => out.push_str(&format!(
                "  preloaded     {} registrations were already there\n",
                group(n as u64)
            )),
        }
        if self.idle_open + self.idle_refused + self.idle_failed > 0 {
            out.push_str(&format!(
                "  idle          {} connections open, {} refused, {} failed\n",
                group(self.idle_open as u64),
                self.idle_refused,
                self.idle_failed
            ));
        }
        out.push_str(&format!(
            "  requests      {}  ({} per second)\n",
            group(self.requests),
            group(self.rate().round() as u64)
        ));
        let errors: Vec<String> = self
            .errors
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect();
        out.push_str(&format!(
            "  errors        {}{}\n",
            self.error_count(),
            if errors.is_empty() {
                String::new()
            } else {
                format!(" ({})", errors.join(", "))
            }
        ));
        if let Some(first) = &self.first_error {
            out.push_str(&format!("  first error   {first}\n"));
        }
        out.push_str(&format!(
            "  latency       p50 {:.3} ms  p99 {:.3} ms  p99.9 {:.3} ms  max {:.3} ms\n",
            ms(l.percentile(0.50)),
            ms(l.percentile(0.99)),
            ms(l.percentile(0.999)),
            ms(l.max())
        ));
        out.push_str(&format!(
            "  bench cpu     {:.2} s ({:.2} us per request)\n",
            self.bench_cpu.as_secs_f64(),
            per_request_us(self.bench_cpu, self.completed)
        ));
        out
    }

    /// One JSON object on one line (latencies in microseconds).
    pub fn json(&self) -> String {
        let us = |ns: u64| ns as f64 / 1e3;
        let l = &self.latency;
        let mut s = String::from("{\"op\":");
        json_string(&mut s, self.op.name());
        s.push_str(",\"address\":");
        json_string(&mut s, &self.addr.to_string());
        s.push_str(&format!(
            ",\"connections\":{},\"serializer\":",
            self.connections
        ));
        json_string(&mut s, self.serializer.name());
        s.push_str(&format!(
            ",\"seconds\":{:.3},\"requests\":{},\"completed\":{},\"errors\":{},\"rps\":{:.1},\
             \"p50_us\":{:.1},\"p99_us\":{:.1},\"p999_us\":{:.1},\"max_us\":{:.1},\
             \"bench_cpu_s\":{:.3},\"preloaded\":{},\"idle_open\":{},\"idle_refused\":{},\
             \"idle_failed\":{}",
            self.elapsed.as_secs_f64(),
            self.requests,
            self.completed,
            self.error_count(),
            self.rate(),
            us(l.percentile(0.50)),
            us(l.percentile(0.99)),
            us(l.percentile(0.999)),
            us(l.max()),
            self.bench_cpu.as_secs_f64(),
            self.preloaded,
            self.idle_open,
            self.idle_refused,
            self.idle_failed
        ));
        match self.preload_time {
            Some(t) if self.preloaded > 0 => {
                s.push_str(&format!(",\"preload_s\":{:.3}", t.as_secs_f64()))
            }
            _ => {}
        }
        if let Some(first) = &self.first_error {
            s.push_str(",\"first_error\":");
            json_string(&mut s, first);
        }
        s.push('}');
        s
    }
}

fn per_request_us(cpu: Duration, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        cpu.as_secs_f64() * 1e6 / n as f64
    }
}

/// `1234567` -> `1,234,567`.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Register `cfg.preload` names with batch calls (Pyro's `BatchProxy`), `PRELOAD_BATCH` per
/// message; `None` when the last of them is already registered with its URI (a second run
/// against the same server then leaves the registry, and the server's CPU time, alone).
fn preload(addr: SocketAddr, cfg: &BenchConfig) -> Result<Option<Duration>, BenchError> {
    let start = Instant::now();
    let handshake = cfg.token.as_deref().unwrap_or(client::DEFAULT_HANDSHAKE);
    let mut ns = Client::connect_with(addr, cfg.serializer, cfg.timeout, handshake)
        .map_err(|e| berr(format!("preload: {e}")))?;
    let (last, last_uri, _) = preload_entry(cfg.preload - 1);
    if ns.lookup(&last).is_ok_and(|uri| uri == last_uri) {
        return Ok(None);
    }
    let mut i = 0;
    while i < cfg.preload {
        let end = (i + PRELOAD_BATCH).min(cfg.preload);
        let entries: Vec<_> = (i..end).map(preload_entry).collect();
        let calls = entries
            .iter()
            .map(|(name, uri, tags)| {
                let tags = Value::Set(tags.iter().map(|t| Value::str(t.as_str())).collect());
                (
                    "register",
                    vec![Value::str(name.as_str()), Value::str(uri.as_str())],
                    vec![("metadata", tags)],
                )
            })
            .collect();
        ns.batch(NS_OBJECT, calls)
            .map_err(|e| berr(format!("preload: {e}")))?;
        i = end;
    }
    Ok(Some(start.elapsed()))
}

/// Run the benchmark. `progress` receives the progress line (when `cfg.progress`).
pub fn run(cfg: &BenchConfig, progress: &mut dyn Write) -> Result<Report, BenchError> {
    if cfg.connections == 0 {
        return Err(berr("--connections must be at least 1"));
    }
    let addr = *client::resolve(&cfg.host, cfg.port)
        .map_err(|e| berr(e.to_string()))?
        .first()
        .ok_or_else(|| berr(format!("no address for {}", cfg.host)))?;
    let handshake = cfg.token.as_deref().unwrap_or(client::DEFAULT_HANDSHAKE);
    let preload_time = if cfg.preload > 0 {
        preload(addr, cfg)?
    } else {
        None
    };

    // Idle connections: opened, handshaken, then left alone for the whole run.
    let mut idle = None;
    let mut idle_result = SetupResult::default();
    if cfg.idle > 0 {
        let templates = vec![
            Template {
                frame: Vec::new(),
                check: Check::Equals(Vec::new()),
            };
            cfg.idle
        ];
        let mut engine = Engine::new(addr, Op::Lookup, cfg.serializer, handshake, templates)?;
        let deadline = Instant::now() + cfg.timeout + Duration::from_millis(cfg.idle as u64);
        idle_result = engine.setup(deadline)?;
        idle = Some(engine);
    }

    let templates = (0..cfg.connections)
        .map(|i| template(cfg, i))
        .collect::<Result<Vec<_>, _>>()?;
    let mut engine = Engine::new(addr, cfg.op, cfg.serializer, handshake, templates)?;
    if cfg.op != Op::Connect {
        let setup = engine.setup(Instant::now() + cfg.timeout)?;
        if setup.ready < cfg.connections {
            return Err(berr(format!(
                "only {} of {} connections to {addr} completed the handshake{}",
                setup.ready,
                cfg.connections,
                engine
                    .first_error
                    .as_deref()
                    .map(|e| format!(" ({e})"))
                    .unwrap_or_default()
            )));
        }
    }

    let cpu_start = cpu_time();
    let start = Instant::now();
    engine.running = true;
    engine.sending = true;
    engine.measure_from = start + cfg.warmup;
    engine.last_reply = start;
    let stop_at = match cfg.stop {
        Stop::After(d) => Some(start + cfg.warmup + d),
        Stop::Requests(n) => {
            engine.limit = Some(n);
            None
        }
    };
    for i in 0..cfg.connections {
        if engine.may_send() {
            if cfg.op == Op::Connect {
                engine.start_connect(i, start);
            } else {
                engine.send_request(i, start);
            }
        }
    }
    let tick = Duration::from_secs(1);
    let mut next_tick = start + tick;
    let mut last_count = 0;
    let mut printed = false;
    let mut drain_deadline = None;
    loop {
        let now = Instant::now();
        if engine.sending && stop_at.is_some_and(|t| now >= t) {
            engine.sending = false;
        }
        if engine.sending && engine.limit.is_some_and(|n| engine.sent >= n) {
            engine.sending = false;
        }
        if engine.in_flight() == 0 {
            break;
        }
        if !engine.sending {
            let d = *drain_deadline.get_or_insert(now + cfg.timeout);
            if now >= d {
                let stuck = engine.in_flight() as u64;
                *engine.errors.entry("no reply").or_insert(0) += stuck;
                break;
            }
        } else if now.duration_since(engine.last_reply) > cfg.timeout {
            return Err(berr(format!(
                "no reply from {addr} for {:.1} s ({} requests in flight)",
                cfg.timeout.as_secs_f64(),
                engine.in_flight()
            )));
        }
        if cfg.progress && now >= next_tick {
            let done = engine.completed;
            if now.duration_since(start) >= Duration::from_secs(2) {
                let errors: u64 = engine.errors.values().sum();
                let _ = write!(
                    progress,
                    "\r{:>5.0} s  {:>10} req/s  {} errors ",
                    now.duration_since(start).as_secs_f64(),
                    group(done - last_count),
                    errors
                );
                let _ = progress.flush();
                printed = true;
            }
            last_count = done;
            next_tick += tick;
        }
        let mut wait = next_tick.saturating_duration_since(now);
        if let Some(t) = stop_at {
            wait = wait.min(t.saturating_duration_since(now));
        }
        engine.poll_once(wait.max(Duration::from_micros(100)))?;
    }
    if printed {
        let _ = write!(progress, "\r\x1b[K");
        let _ = progress.flush();
    }
    let bench_cpu = cpu_time().saturating_sub(cpu_start);
    let end = engine.last_reply.max(engine.measure_from);
    drop(idle);
    Ok(Report {
        op: cfg.op,
        addr,
        connections: cfg.connections,
        serializer: cfg.serializer,
        requests: engine.hist.count(),
        completed: engine.completed,
        errors: engine.errors,
        first_error: engine.first_error,
        elapsed: end.saturating_duration_since(engine.measure_from),
        latency: engine.hist,
        bench_cpu,
        preloaded: cfg.preload,
        preload_time,
        idle_open: idle_result.ready,
        idle_refused: idle_result.refused,
        idle_failed: idle_result.failed,
    })
}

// ------------------------------------------------------------------------------------------
// the echo ceiling

/// Canned replies per serializer id (index = id), built like the real name server's.
struct Canned {
    connect_ok: Vec<Vec<u8>>,
    result: Vec<Vec<u8>>,
    pong: Vec<u8>,
}

fn canned(addr: SocketAddr) -> Result<Canned, BenchError> {
    let location = match addr {
        SocketAddr::V4(a) => a.to_string(),
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
    };
    let uri = Uri::parse(&format!("PYRO:{NS_OBJECT}@{location}"))
        .map_err(|e| berr(format!("echo: {e}")))?
        .to_value();
    let handshake = Value::dict([
        ("handshake", Value::str("hello")),
        ("meta", metadata_value(NS_OBJECT).unwrap_or(Value::None)),
    ]);
    let mut connect_ok = vec![Vec::new(); 5];
    let mut result = vec![Vec::new(); 5];
    for ser in [
        SerializerId::Serpent,
        SerializerId::Marshal,
        SerializerId::Json,
        SerializerId::Msgpack,
    ] {
        let enc = |v: &Value| {
            let mut out = Vec::new();
            serial::encode(ser, v, &mut out).map(|()| out)
        };
        let hs = enc(&handshake).map_err(|e| berr(format!("echo: {e}")))?;
        let res = enc(&uri).map_err(|e| berr(format!("echo: {e}")))?;
        let id = ser.as_u8() as usize;
        connect_ok[id] = wire::plain_frame(MSG_CONNECTOK, ser.as_u8(), FLAGS_CORR_ID, 0, &hs);
        result[id] = wire::plain_frame(MSG_RESULT, ser.as_u8(), FLAGS_CORR_ID, 0, &res);
    }
    let mut pong = wire::plain_frame(
        MSG_PING,
        SerializerId::Serpent.as_u8(),
        FLAGS_CORR_ID,
        0,
        b"pong",
    );
    pong[7] = 42;
    Ok(Canned {
        connect_ok,
        result,
        pong,
    })
}

struct EchoConn {
    stream: TcpStream,
    rbuf: Vec<u8>,
    wbuf: Vec<u8>,
    writable_interest: bool,
}

const LISTENER: Token = Token(usize::MAX - 1);

/// Append the canned reply to the request frame `req` (header + body) to `out`; false for a
/// message type or serializer id the echo does not know (the connection is then closed).
fn echo_reply(canned: &Canned, req: &[u8], out: &mut Vec<u8>) -> bool {
    let ser = req[7] as usize;
    let reply = match req[6] {
        MSG_CONNECT if (1..=4).contains(&ser) => &canned.connect_ok[ser],
        MSG_INVOKE if (1..=4).contains(&ser) => &canned.result[ser],
        MSG_PING => &canned.pong,
        _ => return false,
    };
    let at = out.len();
    out.extend_from_slice(reply);
    out[at + 10..at + 12].copy_from_slice(&req[10..12]);
    out[at + 20..at + 36].copy_from_slice(&req[20..36]);
    if req[6] == MSG_PING {
        out[at + 7] = req[7];
    }
    true
}

/// Run the echo server on `addr` forever; `ready` is called with the bound address.
pub fn echo_server(addr: SocketAddr, ready: &mut dyn FnMut(SocketAddr)) -> Result<(), BenchError> {
    let mut listener =
        TcpListener::bind(addr).map_err(|e| berr(format!("cannot listen on {addr}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| berr(format!("cannot read the bound address: {e}")))?;
    let canned = canned(bound)?;
    let mut poll = Poll::new().map_err(|e| berr(format!("cannot create a poller: {e}")))?;
    poll.registry()
        .register(&mut listener, LISTENER, Interest::READABLE)
        .map_err(|e| berr(format!("cannot register the listener: {e}")))?;
    ready(bound);
    let mut events = Events::with_capacity(1024);
    let mut conns: Vec<Option<EchoConn>> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    let mut scratch = vec![0u8; 64 * 1024];
    loop {
        match poll.poll(&mut events, None) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(berr(format!("poll failed: {e}"))),
        }
        for event in events.iter() {
            if event.token() == LISTENER {
                loop {
                    match listener.accept() {
                        Ok((mut stream, _)) => {
                            let _ = stream.set_nodelay(true);
                            let i = free.pop().unwrap_or_else(|| {
                                conns.push(None);
                                conns.len() - 1
                            });
                            if poll
                                .registry()
                                .register(&mut stream, Token(i), Interest::READABLE)
                                .is_ok()
                            {
                                conns[i] = Some(EchoConn {
                                    stream,
                                    rbuf: Vec::new(),
                                    wbuf: Vec::new(),
                                    writable_interest: false,
                                });
                            } else {
                                free.push(i);
                            }
                        }
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                        // Out of file descriptors and the like: try again on the next event.
                        Err(_) => break,
                    }
                }
                continue;
            }
            let i = event.token().0;
            let Some(Some(conn)) = conns.get_mut(i) else {
                continue;
            };
            let mut close = false;
            // read until WouldBlock
            loop {
                match conn.stream.read(&mut scratch) {
                    Ok(0) => {
                        close = true;
                        break;
                    }
                    Ok(n) => conn.rbuf.extend_from_slice(&scratch[..n]),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(_) => {
                        close = true;
                        break;
                    }
                }
            }
            // answer every complete frame: read the header, skip the body
            let mut at = 0;
            while conn.rbuf.len() - at >= HEADER_SIZE {
                let head = &conn.rbuf[at..at + HEADER_SIZE];
                if &head[..4] != b"PYRO" {
                    close = true;
                    break;
                }
                let body = u64::from(u32::from_be_bytes([head[12], head[13], head[14], head[15]]))
                    + u64::from(u32::from_be_bytes([head[16], head[17], head[18], head[19]]));
                let total = HEADER_SIZE as u64 + body;
                if ((conn.rbuf.len() - at) as u64) < total {
                    break;
                }
                if !echo_reply(&canned, head, &mut conn.wbuf) {
                    close = true;
                    break;
                }
                at += total as usize;
            }
            if at == conn.rbuf.len() {
                conn.rbuf.clear();
            } else {
                conn.rbuf.drain(..at);
            }
            // write until WouldBlock
            let mut written = 0;
            while written < conn.wbuf.len() {
                match conn.stream.write(&conn.wbuf[written..]) {
                    Ok(0) => break,
                    Ok(n) => written += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                    Err(_) => {
                        close = true;
                        break;
                    }
                }
            }
            conn.wbuf.drain(..written);
            let want = !conn.wbuf.is_empty();
            if !close && want != conn.writable_interest {
                let interest = if want {
                    Interest::READABLE | Interest::WRITABLE
                } else {
                    Interest::READABLE
                };
                close = poll
                    .registry()
                    .reregister(&mut conn.stream, Token(i), interest)
                    .is_err();
                conn.writable_interest = want;
            }
            if close {
                if let Some(mut c) = conns[i].take() {
                    let _ = poll.registry().deregister(&mut c.stream);
                }
                free.push(i);
            }
        }
    }
}

// ------------------------------------------------------------------------------------------
// start-up time

/// Spawn `command`, measure the time until `addr` accepts a TCP connection, then stop the
/// process (SIGTERM, then SIGKILL after 5 s).
pub fn startup_time(
    command: &[OsString],
    addr: SocketAddr,
    timeout: Duration,
) -> Result<Duration, BenchError> {
    let (program, args) = command
        .split_first()
        .ok_or_else(|| berr("bench-startup needs a command after --"))?;
    if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
        return Err(berr(format!("{addr} already accepts connections")));
    }
    let start = Instant::now();
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| berr(format!("cannot start {}: {e}", program.to_string_lossy())))?;
    let result = loop {
        if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(100)).is_ok() {
            break Ok(start.elapsed());
        }
        if let Ok(Some(status)) = child.try_wait() {
            break Err(berr(format!(
                "the server exited ({status}) before accepting"
            )));
        }
        if start.elapsed() > timeout {
            break Err(berr(format!(
                "{addr} did not accept within {:.1} s",
                timeout.as_secs_f64()
            )));
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: kill has no memory-safety preconditions; `pid` is our own child, not reaped.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
    }
    let stop_by = Instant::now() + Duration::from_secs(5);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if Instant::now() < stop_by => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                break;
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_contiguous_and_tight() {
        let mut last = 0;
        for v in (0u64..100_000).chain([u64::MAX / 3, u64::MAX - 1, u64::MAX]) {
            let b = bucket_of(v);
            assert!(b < HIST_BUCKETS, "{v}");
            assert!(b >= last, "bucket index must not decrease at {v}");
            last = b;
            let upper = bucket_upper(b);
            assert!(upper >= v, "{v} above its bucket's upper edge {upper}");
            if v >= 128 {
                assert!(
                    (upper - v) as f64 / v as f64 <= 1.0 / 64.0,
                    "{v} -> {upper}"
                );
            } else {
                assert_eq!(upper, v);
            }
        }
        assert_eq!(bucket_of(u64::MAX), HIST_BUCKETS - 1);
    }

    #[test]
    fn percentiles_of_known_samples() {
        let mut h = Histogram::new();
        assert_eq!(h.percentile(0.5), 0);
        for us in 1..=1000u64 {
            h.record(us * 1000);
        }
        let close = |got: u64, want: u64| {
            let err = (got as f64 - want as f64).abs() / want as f64;
            assert!(err <= 1.0 / 64.0, "got {got}, want ~{want}");
        };
        close(h.percentile(0.50), 500_000);
        close(h.percentile(0.99), 990_000);
        close(h.percentile(0.999), 999_000);
        assert_eq!(h.percentile(1.0), 1_000_000);
        assert_eq!(h.max(), 1_000_000);
        assert_eq!(h.count(), 1000);
    }

    #[test]
    fn percentile_never_exceeds_the_maximum() {
        let mut h = Histogram::new();
        h.record(1000);
        h.record(1001);
        assert_eq!(h.percentile(0.999), 1001);
        assert!((1000..=1001).contains(&h.percentile(0.0)));
    }

    #[test]
    fn one_slow_request_in_a_thousand_shows_at_p999_not_p99() {
        let mut h = Histogram::new();
        for _ in 0..999 {
            h.record(100_000);
        }
        h.record(50_000_000);
        assert!(h.percentile(0.99) < 110_000);
        assert_eq!(h.percentile(0.9995), 50_000_000);
    }

    #[test]
    fn checks() {
        let c = Check::Contains(b"bench_obj_000001".to_vec());
        assert!(c.passes(b"('PYRO','bench_obj_000001',None,'127.0.0.1',20001)"));
        assert!(!c.passes(b"('PYRO','bench_obj_000010',None,'127.0.0.1',20010)"));
        assert!(!c.passes(b"short"));
        assert!(Check::Equals(b"N".to_vec()).passes(b"N"));
        assert!(!Check::Equals(b"N".to_vec()).passes(b"NN"));
    }

    #[test]
    fn templates_name_what_they_expect() {
        let cfg = BenchConfig {
            preload: 3,
            ..BenchConfig::default()
        };
        let t = template(&cfg, 4).unwrap();
        assert!(
            t.frame
                .windows(b"bench.000001".len())
                .any(|w| w == b"bench.000001")
        );
        assert_eq!(t.check, Check::Contains(b"bench_obj_000001".to_vec()));
        let list = template(
            &BenchConfig {
                op: Op::List,
                ..cfg.clone()
            },
            0,
        )
        .unwrap();
        assert_eq!(list.check, Check::Contains(b"bench_obj_000002".to_vec()));
        let own = template(&BenchConfig::default(), 0).unwrap();
        assert_eq!(own.check, Check::Contains(NS_OBJECT.as_bytes().to_vec()));
    }

    #[test]
    fn echo_replies_echo_seq_and_correlation_id() {
        let canned = canned("127.0.0.1:9090".parse().unwrap()).unwrap();
        let mut req = wire::plain_frame(
            MSG_INVOKE,
            SerializerId::Json.as_u8(),
            FLAGS_CORR_ID,
            777,
            b"{}",
        );
        req[20..36].copy_from_slice(&[7; 16]);
        let mut out = Vec::new();
        assert!(echo_reply(&canned, &req[..HEADER_SIZE], &mut out));
        let h = Header::parse(out.first_chunk().unwrap()).unwrap();
        assert_eq!((h.msg_type, h.serializer_id, h.seq), (MSG_RESULT, 3, 777));
        assert_eq!(h.corr_id, [7; 16]);
        assert_eq!(
            &out[HEADER_SIZE..],
            br#"{"__class__": "Pyro5.core.URI", "state": ["PYRO", "Pyro.NameServer", null, "127.0.0.1", 9090]}"#
        );
        let bogus = wire::plain_frame(9, SerializerId::Json.as_u8(), 0, 1, b"");
        assert!(!echo_reply(&canned, &bogus, &mut out));
    }

    #[test]
    fn thousands_are_grouped() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(group(n), want);
        }
    }

    #[test]
    fn op_names_round_trip() {
        for op in Op::ALL {
            assert_eq!(Op::from_name(op.name()), Some(op));
        }
        assert_eq!(Op::from_name("bogus"), None);
    }
}
