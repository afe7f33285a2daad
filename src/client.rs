//! A small blocking Pyro5 client for the control commands, the bench's set-up and the tests:
//! one `std::net::TcpStream` with time-outs, frames from [`crate::wire`], values from
//! [`crate::serial`], and `locate()` finding a name server the way Pyro5's `locate_ns()` does
//! (wire reference 14.1).
//!
//! It behaves like the Python proxy on the wire: CONNECT with seq 0 and the `hello` handshake,
//! each INVOKE first increments the sequence number (so the first call uses 1), a reply whose
//! seq differs is a protocol error, an exception reply becomes [`ClientError::Remote`]. It owns
//! no policy: no retries, no output, no exit codes (that is `control.rs` and `main.rs`).

use crate::ns::uri::Uri;
use crate::serial::{self, DecodeError, EncodeError, Limits, SerializerId, Value};
use crate::wire::{
    self, FLAGS_BATCH, FLAGS_EXCEPTION, Frame, HEADER_SIZE, Header, MSG_CONNECT, MSG_CONNECTFAIL,
    MSG_CONNECTOK, MSG_INVOKE, MSG_RESULT,
};
use std::fmt;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream, ToSocketAddrs, UdpSocket};
use std::time::{Duration, Instant};

/// The name server's object id.
pub const NS_OBJECT: &str = "Pyro.NameServer";
/// Pyro5's `NS_PORT` and `NS_BCPORT` defaults.
pub const DEFAULT_NS_PORT: u16 = 9090;
pub const DEFAULT_BC_PORT: u16 = 9091;
/// Pyro5's `BROADCAST_ADDRS` default: `<broadcast>` and `0.0.0.0` (Linux delivers the latter to
/// the local host).
pub const DEFAULT_BC_ADDRS: [IpAddr; 2] = [
    IpAddr::V4(Ipv4Addr::BROADCAST),
    IpAddr::V4(Ipv4Addr::UNSPECIFIED),
];
/// How long one broadcast round waits for a reply, and how many rounds (Pyro5: 0.7 s, 3).
const BC_ROUND: Duration = Duration::from_millis(700);
const BC_ROUNDS: usize = 3;
/// The largest reply accepted (a `list()` of 100,000 entries is ~10 MB).
const MAX_REPLY: u64 = 256 << 20;

/// What can go wrong talking to a name server. `Display` gives one line for the user.
#[derive(Debug)]
pub enum ClientError {
    /// The TCP connection could not be made.
    Connect {
        addr: String,
        source: io::Error,
    },
    /// Reading or writing failed after the connection was made.
    Io(io::Error),
    /// The server did not answer within the time-out.
    TimedOut,
    /// The server closed the connection instead of answering.
    Closed,
    /// The handshake was refused (CONNECTFAIL) with this message.
    Rejected(String),
    /// The server sent something a Pyro5 server would not.
    Protocol(String),
    /// The call raised an exception on the server (`class` as on the wire, e.g.
    /// `Pyro5.errors.NamingError`).
    Remote {
        class: String,
        message: String,
    },
    Decode(DecodeError),
    Encode(EncodeError),
    /// `locate()` found no name server; the text says where it looked.
    NotFound(String),
}

impl ClientError {
    /// The exception class without its module (`NamingError`), for remote errors.
    pub fn short_class(&self) -> Option<&str> {
        match self {
            ClientError::Remote { class, .. } => Some(class.rsplit('.').next().unwrap_or(class)),
            _ => None,
        }
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Connect { addr, source } => {
                write!(f, "cannot connect to {addr}: {}", io_text(source))
            }
            ClientError::Io(e) => write!(f, "connection failed: {}", io_text(e)),
            ClientError::TimedOut => f.write_str("the name server did not answer in time"),
            ClientError::Closed => f.write_str("the name server closed the connection"),
            ClientError::Rejected(m) => write!(f, "the name server refused the connection: {m}"),
            ClientError::Protocol(m) => write!(f, "protocol error: {m}"),
            ClientError::Remote { message, .. } => {
                write!(f, "{}: {message}", self.short_class().unwrap_or("Error"))
            }
            ClientError::Decode(e) => write!(f, "cannot decode the reply: {e}"),
            ClientError::Encode(e) => write!(f, "cannot encode the request: {e}"),
            ClientError::NotFound(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ClientError {}

/// `io::Error`'s text without Rust's " (os error 111)" suffix.
fn io_text(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_lowercase(),
        None => text,
    }
}

fn from_io(e: io::Error) -> ClientError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => ClientError::TimedOut,
        io::ErrorKind::UnexpectedEof
        | io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => ClientError::Closed,
        _ => ClientError::Io(e),
    }
}

/// One call of a batch: method name, positional and keyword arguments.
pub type BatchCall<'a> = (&'a str, Vec<Value>, Vec<(&'a str, Value)>);

/// One registration as `list()`/`yplookup()` return it: tags sorted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub uri: String,
    pub tags: Vec<String>,
}

/// What `list()` filters on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFilter<'a> {
    All,
    Prefix(&'a str),
    Regex(&'a str),
}

/// `yplookup(meta_all=...)` or `yplookup(meta_any=...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagQuery<'a> {
    All(&'a [String]),
    Any(&'a [String]),
}

/// The serialized call 4-tuple in the shape the Python client sends for `ser` (wire
/// reference 5.1).
pub fn encode_call(
    ser: SerializerId,
    object: &str,
    method: &str,
    args: Vec<Value>,
    kwargs: Vec<(&str, Value)>,
) -> Result<Vec<u8>, EncodeError> {
    // serpent sends the positional arguments as a tuple, the others as a list.
    let args = match ser {
        SerializerId::Serpent => Value::Tuple(args),
        _ => Value::List(args),
    };
    encode_call_slots(ser, object, method, args, Value::dict(kwargs))
}

/// The call 4-tuple with the args and kwargs slots given as they go on the wire (a batch
/// puts its list of calls in the args slot and None in the kwargs slot, 5.4).
fn encode_call_slots(
    ser: SerializerId,
    object: &str,
    method: &str,
    args: Value,
    kwargs: Value,
) -> Result<Vec<u8>, EncodeError> {
    let (object, method) = (Value::str(object), Value::str(method));
    let call = match ser {
        SerializerId::Json => Value::dict([
            ("object", object),
            ("method", method),
            ("params", args),
            ("kwargs", kwargs),
        ]),
        _ => Value::Tuple(vec![object, method, args, kwargs]),
    };
    let mut out = Vec::new();
    serial::encode(ser, &call, &mut out)?;
    Ok(out)
}

/// What a Python proxy sends as its handshake unless `_pyroHandshake` is set.
pub const DEFAULT_HANDSHAKE: &str = "hello";

/// The CONNECT payload: `{'handshake': <handshake>, 'object': <object>}` (the handshake is
/// `hello`, or the name server's token when it asks for one).
pub fn encode_handshake(
    ser: SerializerId,
    object: &str,
    handshake: &str,
) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    serial::encode(
        ser,
        &Value::dict([
            ("handshake", Value::str(handshake)),
            ("object", Value::str(object)),
        ]),
        &mut out,
    )?;
    Ok(out)
}

/// The string form of a URI result: a str as is, a `Pyro5.core.URI` class dict as Python's
/// `str(uri)` prints it.
pub fn uri_text(v: &Value) -> Result<String, ClientError> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Dict(_) if v.get("__class__").and_then(Value::as_str) == Some("Pyro5.core.URI") => {
            let state = v
                .get("state")
                .ok_or_else(|| ClientError::Protocol("URI without state".into()))?;
            Uri::from_state(state)
                .map(|u| u.to_string())
                .map_err(|e| ClientError::Protocol(format!("bad URI state: {e}")))
        }
        other => Err(ClientError::Protocol(format!(
            "expected a URI, got a {}",
            other.type_name()
        ))),
    }
}

/// Tags from a set/list/tuple (or None), as sorted strings.
pub fn tag_list(v: &Value) -> Result<Vec<String>, ClientError> {
    let items = match v {
        Value::None => return Ok(Vec::new()),
        v => v.as_seq().ok_or_else(|| {
            ClientError::Protocol(format!("expected a set of tags, got a {}", v.type_name()))
        })?,
    };
    let mut tags: Vec<String> = items
        .iter()
        .map(|t| match t {
            Value::Str(s) => s.clone(),
            other => display_value(other),
        })
        .collect();
    tags.sort();
    tags.dedup();
    Ok(tags)
}

/// A short text for values that are not strings (tags of other types, exception args).
fn display_value(v: &Value) -> String {
    let mut out = Vec::new();
    match serial::encode(SerializerId::Json, v, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(_) => format!("<{}>", v.type_name()),
    }
}

/// The entries of a `list(return_metadata=True)` / `yplookup(return_metadata=True)` result,
/// sorted by name.
pub fn entries(v: &Value) -> Result<Vec<Entry>, ClientError> {
    let Value::Dict(pairs) = v else {
        return Err(ClientError::Protocol(format!(
            "expected a dict, got a {}",
            v.type_name()
        )));
    };
    let mut out = Vec::with_capacity(pairs.len());
    for (k, val) in pairs {
        let name = match k {
            Value::Str(s) => s.clone(),
            other => display_value(other),
        };
        let (uri, tags) = match val {
            Value::Str(_) => (uri_text(val)?, Vec::new()),
            v => match v.as_seq() {
                Some([uri, tags]) => (uri_text(uri)?, tag_list(tags)?),
                _ => {
                    return Err(ClientError::Protocol(format!(
                        "unexpected entry value for {name}"
                    )));
                }
            },
        };
        out.push(Entry { name, uri, tags });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// An exception reply payload -> `ClientError::Remote`.
fn remote_error(v: &Value) -> ClientError {
    let class = v
        .get("__class__")
        .and_then(Value::as_str)
        .unwrap_or("Pyro5.errors.PyroError")
        .to_string();
    let message = match v.get("args").and_then(Value::as_seq) {
        Some([Value::Str(s)]) => s.clone(),
        Some(args) => args
            .iter()
            .map(|a| match a {
                Value::Str(s) => s.clone(),
                other => display_value(other),
            })
            .collect::<Vec<_>>()
            .join(", "),
        None => display_value(v),
    };
    ClientError::Remote { class, message }
}

/// A connected, handshaken client of one Pyro object (normally `Pyro.NameServer`).
pub struct Client {
    stream: TcpStream,
    serializer: SerializerId,
    seq: u16,
    peer: SocketAddr,
    buf: Vec<u8>,
    limits: Limits,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("peer", &self.peer)
            .field("serializer", &self.serializer)
            .field("seq", &self.seq)
            .finish()
    }
}

impl Client {
    /// Connect to `addr` and do the handshake with the name server object. `timeout` bounds the
    /// connect and every later wait for a reply.
    pub fn connect(
        addr: SocketAddr,
        serializer: SerializerId,
        timeout: Duration,
    ) -> Result<Client, ClientError> {
        Client::connect_with(addr, serializer, timeout, DEFAULT_HANDSHAKE)
    }

    /// `connect` with another handshake value (a name server's token).
    pub fn connect_with(
        addr: SocketAddr,
        serializer: SerializerId,
        timeout: Duration,
        handshake: &str,
    ) -> Result<Client, ClientError> {
        let stream =
            TcpStream::connect_timeout(&addr, timeout).map_err(|source| ClientError::Connect {
                addr: addr.to_string(),
                source,
            })?;
        stream.set_nodelay(true).map_err(ClientError::Io)?;
        stream
            .set_read_timeout(Some(timeout))
            .map_err(ClientError::Io)?;
        stream
            .set_write_timeout(Some(timeout))
            .map_err(ClientError::Io)?;
        let mut client = Client {
            stream,
            serializer,
            seq: 0,
            peer: addr,
            buf: Vec::with_capacity(4096),
            limits: Limits::default(),
        };
        client.handshake(handshake)?;
        Ok(client)
    }

    /// Resolve `host` (a name, an address, or a bracketed IPv6 address) and connect to the
    /// first address that accepts, within `timeout` in total.
    pub fn connect_host(
        host: &str,
        port: u16,
        serializer: SerializerId,
        timeout: Duration,
        handshake: &str,
    ) -> Result<Client, ClientError> {
        let deadline = Instant::now() + timeout;
        let addrs = resolve(host, port)?;
        let mut last = None;
        for addr in addrs {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match Client::connect_with(addr, serializer, left, handshake) {
                Ok(c) => return Ok(c),
                Err(e @ ClientError::Connect { .. }) => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or(ClientError::TimedOut))
    }

    pub fn peer(&self) -> SocketAddr {
        self.peer
    }

    pub fn serializer(&self) -> SerializerId {
        self.serializer
    }

    fn handshake(&mut self, handshake: &str) -> Result<(), ClientError> {
        let payload =
            encode_handshake(self.serializer, NS_OBJECT, handshake).map_err(ClientError::Encode)?;
        let request =
            wire::plain_frame(MSG_CONNECT, self.serializer.as_u8(), 0, self.seq, &payload);
        self.stream.write_all(&request).map_err(from_io)?;
        let (header, value) = self.read_reply()?;
        match header.msg_type {
            MSG_CONNECTOK => Ok(()),
            MSG_CONNECTFAIL => Err(ClientError::Rejected(match value {
                Value::Str(s) => s,
                other => display_value(&other),
            })),
            t => Err(ClientError::Protocol(format!(
                "expected CONNECTOK, got message type {t}"
            ))),
        }
    }

    /// Read one frame; return its header and decoded payload.
    fn read_reply(&mut self) -> Result<(Header, Value), ClientError> {
        self.buf.clear();
        let mut chunk = [0u8; 16 * 1024];
        let header = loop {
            match wire::peek_frame(
                &self.buf,
                MAX_REPLY,
                &[MSG_CONNECTOK, MSG_CONNECTFAIL, MSG_RESULT],
                "2,3,5",
            ) {
                Ok(Some(h)) => break h,
                Ok(None) => {}
                Err(e) => return Err(ClientError::Protocol(e.message())),
            }
            let n = match self.stream.read(&mut chunk) {
                Ok(0) => return Err(ClientError::Closed),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(from_io(e)),
            };
            self.buf.extend_from_slice(&chunk[..n]);
        };
        let end = HEADER_SIZE + header.body_len() as usize;
        if self.buf.len() > end {
            return Err(ClientError::Protocol(
                "the server sent more than one reply".into(),
            ));
        }
        let ser = SerializerId::from_u8(header.serializer_id).ok_or_else(|| {
            ClientError::Protocol(format!("unknown serializer id {}", header.serializer_id))
        })?;
        let body = &self.buf[HEADER_SIZE..end];
        let frame = Frame::parse(header, body, MAX_REPLY as usize)
            .map_err(|e| ClientError::Protocol(e.message()))?;
        let value =
            serial::decode(ser, &frame.payload, &self.limits).map_err(ClientError::Decode)?;
        Ok((header, value))
    }

    fn exchange(&mut self, flags: u16, payload: &[u8]) -> Result<Value, ClientError> {
        self.seq = self.seq.wrapping_add(1);
        let request = wire::plain_frame(
            MSG_INVOKE,
            self.serializer.as_u8(),
            flags,
            self.seq,
            payload,
        );
        self.stream.write_all(&request).map_err(from_io)?;
        let (header, value) = self.read_reply()?;
        if header.msg_type != MSG_RESULT {
            return Err(ClientError::Protocol(format!(
                "expected RESULT, got message type {}",
                header.msg_type
            )));
        }
        if header.seq != self.seq {
            return Err(ClientError::Protocol(
                "invoke: reply sequence out of sync".into(),
            ));
        }
        if header.flags & FLAGS_EXCEPTION != 0 {
            return Err(remote_error(&value));
        }
        Ok(value)
    }

    /// Call `object.method(*args, **kwargs)`.
    pub fn call(
        &mut self,
        object: &str,
        method: &str,
        args: Vec<Value>,
        kwargs: Vec<(&str, Value)>,
    ) -> Result<Value, ClientError> {
        let payload = encode_call(self.serializer, object, method, args, kwargs)
            .map_err(ClientError::Encode)?;
        self.exchange(0, &payload)
    }

    /// A Pyro batch call (`BatchProxy`): the calls run in order on `object`; the first
    /// exception stops the batch and is returned.
    pub fn batch(
        &mut self,
        object: &str,
        calls: Vec<BatchCall<'_>>,
    ) -> Result<Vec<Value>, ClientError> {
        let calls: Vec<Value> = calls
            .into_iter()
            .map(|(m, a, k)| Value::Tuple(vec![Value::str(m), Value::Tuple(a), Value::dict(k)]))
            .collect();
        let payload = encode_call_slots(
            self.serializer,
            object,
            "<batch>",
            Value::List(calls),
            Value::None,
        )
        .map_err(ClientError::Encode)?;
        let results = self.exchange(FLAGS_BATCH, &payload)?;
        let (Value::List(items) | Value::Tuple(items)) = results else {
            return Err(ClientError::Protocol("batch reply is not a list".into()));
        };
        for item in &items {
            if item.get("__class__").and_then(Value::as_str) == Some("Pyro5.core._ExceptionWrapper")
            {
                return Err(remote_error(item.get("exception").unwrap_or(&Value::None)));
            }
        }
        Ok(items)
    }

    fn ns(
        &mut self,
        method: &str,
        args: Vec<Value>,
        kwargs: Vec<(&str, Value)>,
    ) -> Result<Value, ClientError> {
        self.call(NS_OBJECT, method, args, kwargs)
    }

    pub fn ping(&mut self) -> Result<(), ClientError> {
        self.ns("ping", vec![], vec![]).map(drop)
    }

    pub fn count(&mut self) -> Result<i64, ClientError> {
        match self.ns("count", vec![], vec![])? {
            Value::Int(n) => Ok(n),
            other => Err(ClientError::Protocol(format!(
                "count() returned a {}",
                other.type_name()
            ))),
        }
    }

    /// `lookup(name)` as a URI string.
    pub fn lookup(&mut self, name: &str) -> Result<String, ClientError> {
        let v = self.ns("lookup", vec![Value::str(name)], vec![])?;
        uri_text(&v)
    }

    /// `lookup(name, return_metadata=True)`: the URI string and the sorted tags.
    pub fn lookup_with_tags(&mut self, name: &str) -> Result<(String, Vec<String>), ClientError> {
        let v = self.ns(
            "lookup",
            vec![Value::str(name)],
            vec![("return_metadata", Value::Bool(true))],
        )?;
        match v.as_seq() {
            Some([uri, tags]) => Ok((uri_text(uri)?, tag_list(tags)?)),
            _ => Err(ClientError::Protocol(format!(
                "lookup() returned a {}",
                v.type_name()
            ))),
        }
    }

    /// `register(name, uri, safe=safe[, metadata=tags])`.
    pub fn register(
        &mut self,
        name: &str,
        uri: &str,
        safe: bool,
        tags: Option<&[String]>,
    ) -> Result<(), ClientError> {
        let mut kwargs = vec![("safe", Value::Bool(safe))];
        if let Some(tags) = tags {
            kwargs.push(("metadata", tag_set(tags)));
        }
        self.ns("register", vec![Value::str(name), Value::str(uri)], kwargs)
            .map(drop)
    }

    /// `remove(name)`: how many were removed (0 or 1).
    pub fn remove(&mut self, name: &str) -> Result<i64, ClientError> {
        let v = self.ns("remove", vec![Value::str(name)], vec![])?;
        removed_count(v)
    }

    /// `remove(regex=regex)`: how many were removed.
    pub fn remove_matching(&mut self, regex: &str) -> Result<i64, ClientError> {
        let v = self.ns("remove", vec![], vec![("regex", Value::str(regex))])?;
        removed_count(v)
    }

    /// `list(..., return_metadata=True)`, sorted by name.
    pub fn list(&mut self, filter: ListFilter<'_>) -> Result<Vec<Entry>, ClientError> {
        let mut kwargs = Vec::with_capacity(2);
        match filter {
            ListFilter::All => {}
            ListFilter::Prefix(p) => kwargs.push(("prefix", Value::str(p))),
            ListFilter::Regex(r) => kwargs.push(("regex", Value::str(r))),
        }
        kwargs.push(("return_metadata", Value::Bool(true)));
        let v = self.ns("list", vec![], kwargs)?;
        entries(&v)
    }

    /// `set_metadata(name, {tags})` (an empty set clears them).
    pub fn set_metadata(&mut self, name: &str, tags: &[String]) -> Result<(), ClientError> {
        self.ns(
            "set_metadata",
            vec![Value::str(name), tag_set(tags)],
            vec![],
        )
        .map(drop)
    }

    /// `yplookup(meta_all=[...])` or `yplookup(meta_any=[...])`, with metadata, sorted by name.
    pub fn yplookup(&mut self, query: TagQuery<'_>) -> Result<Vec<Entry>, ClientError> {
        let (key, tags) = match query {
            TagQuery::All(t) => ("meta_all", t),
            TagQuery::Any(t) => ("meta_any", t),
        };
        let list = Value::List(tags.iter().map(|t| Value::str(t.as_str())).collect());
        let v = self.ns(
            "yplookup",
            vec![],
            vec![(key, list), ("return_metadata", Value::Bool(true))],
        )?;
        entries(&v)
    }
}

fn tag_set(tags: &[String]) -> Value {
    Value::Set(tags.iter().map(|t| Value::str(t.as_str())).collect())
}

fn removed_count(v: Value) -> Result<i64, ClientError> {
    match v {
        Value::Int(n) => Ok(n),
        other => Err(ClientError::Protocol(format!(
            "remove() returned a {}",
            other.type_name()
        ))),
    }
}

/// The addresses of `host` (an IP literal, `[v6]`, or a name) at `port`.
pub fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>, ClientError> {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let addrs: Vec<SocketAddr> = (bare, port)
        .to_socket_addrs()
        .map_err(|source| ClientError::Connect {
            addr: format!("{host}:{port}"),
            source,
        })?
        .collect();
    if addrs.is_empty() {
        return Err(ClientError::Connect {
            addr: format!("{host}:{port}"),
            source: io::Error::new(io::ErrorKind::NotFound, "no address found"),
        });
    }
    Ok(addrs)
}

/// Where and how to look for a name server.
#[derive(Clone, Debug, PartialEq)]
pub struct Locate {
    /// `-n/--host`: connect there directly. None: Pyro5's discovery.
    pub host: Option<String>,
    /// `-p/--port`: the TCP port with a host; without a host the port of the direct localhost
    /// attempt and of the broadcast (as in Pyro5).
    pub port: Option<u16>,
    /// Where `GET_NSURI` is sent (Pyro5's `BROADCAST_ADDRS`).
    pub bc_addrs: Vec<IpAddr>,
    pub serializer: SerializerId,
    /// Bounds the whole search, and every later wait for a reply.
    pub timeout: Duration,
    /// The handshake token of a name server that asks for one (else `hello` is sent).
    pub token: Option<String>,
}

impl Locate {
    pub fn new(host: Option<String>, port: Option<u16>) -> Locate {
        Locate {
            host,
            port,
            bc_addrs: DEFAULT_BC_ADDRS.to_vec(),
            serializer: SerializerId::Serpent,
            timeout: Duration::from_secs(5),
            token: None,
        }
    }
}

/// Find and connect to a name server as Pyro5's `locate_ns(host, port)` does (wire reference
/// 14.1): with a host, directly; without, first `localhost` at the port (default 9090), then
/// `GET_NSURI` broadcasts to `bc_addrs` at the port (default 9091) in up to three rounds, then
/// `localhost:9090`. The whole search ends by `timeout`.
pub fn locate(how: &Locate) -> Result<Client, ClientError> {
    let deadline = Instant::now() + how.timeout;
    let left = || deadline.saturating_duration_since(Instant::now());
    let hs = how.token.as_deref().unwrap_or(DEFAULT_HANDSHAKE);
    if let Some(host) = &how.host {
        let port = how.port.unwrap_or(DEFAULT_NS_PORT);
        return Client::connect_host(host, port, how.serializer, how.timeout, hs);
    }
    let direct_port = how.port.unwrap_or(DEFAULT_NS_PORT);
    let mut tried = vec![format!("localhost:{direct_port}")];
    match try_direct("localhost", direct_port, how.serializer, left(), hs) {
        Ok(c) => return Ok(c),
        // Something answered there and refused us (a token, a full server): that is the
        // name server, and its reason is the useful error.
        Err(e @ ClientError::Rejected(_)) => return Err(e),
        Err(_) => {}
    }
    let bc_port = how.port.unwrap_or(DEFAULT_BC_PORT);
    if !how.bc_addrs.is_empty() && !left().is_zero() {
        if let Some(text) = broadcast(&how.bc_addrs, bc_port, deadline) {
            let uri = Uri::parse(&text).map_err(|e| {
                ClientError::Protocol(format!("broadcast reply '{text}' is not a URI: {e}"))
            })?;
            let (Some(host), Some(port)) = (uri.host.as_deref(), uri.port) else {
                return Err(ClientError::Protocol(format!(
                    "broadcast reply '{text}' has no TCP location"
                )));
            };
            let port = u16::try_from(port).map_err(|_| {
                ClientError::Protocol(format!("broadcast reply '{text}' has a bad port"))
            })?;
            let left = left().max(how.timeout / 2);
            return Client::connect_host(host, port, how.serializer, left, hs);
        }
        tried.push(format!("broadcast to port {bc_port}"));
    }
    if direct_port != DEFAULT_NS_PORT && !left().is_zero() {
        match try_direct("localhost", DEFAULT_NS_PORT, how.serializer, left(), hs) {
            Ok(c) => return Ok(c),
            Err(e @ ClientError::Rejected(_)) => return Err(e),
            Err(_) => {}
        }
        tried.push(format!("localhost:{DEFAULT_NS_PORT}"));
    }
    Err(ClientError::NotFound(format!(
        "no name server found (tried {}, within {:.1} s; give its address with -n HOST -p PORT)",
        tried.join(", "),
        how.timeout.as_secs_f64()
    )))
}

fn try_direct(
    host: &str,
    port: u16,
    ser: SerializerId,
    timeout: Duration,
    handshake: &str,
) -> Result<Client, ClientError> {
    if timeout.is_zero() {
        return Err(ClientError::TimedOut);
    }
    Client::connect_host(host, port, ser, timeout, handshake)
}

/// Send `GET_NSURI` to every address, up to three rounds of 0.7 s (bounded by `deadline`);
/// the first reply's text.
fn broadcast(addrs: &[IpAddr], port: u16, deadline: Instant) -> Option<String> {
    let sock = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    sock.set_broadcast(true).ok()?;
    for _ in 0..BC_ROUNDS {
        for addr in addrs {
            // A send that fails (no route for <broadcast>, ...) just skips that address.
            let _ = sock.send_to(crate::ns::broadcast::REQUEST, (*addr, port));
        }
        let round_end = (Instant::now() + BC_ROUND).min(deadline);
        loop {
            let left = round_end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            sock.set_read_timeout(Some(left)).ok()?;
            let mut buf = [0u8; 100];
            match sock.recv_from(&mut buf) {
                Ok((n, _)) => {
                    // Pyro5 decodes the reply as ISO-8859-1.
                    return Some(buf[..n].iter().map(|&b| char::from(b)).collect());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        if Instant::now() >= deadline {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_have_the_python_clients_shapes() {
        // wire reference 5.1, `*/lookup_self`
        let cases: [(SerializerId, &[u8]); 4] = [
            (
                SerializerId::Serpent,
                b"# serpent utf-8 python3.2\n('Pyro.NameServer','lookup',('Pyro.NameServer',),{})",
            ),
            (
                SerializerId::Json,
                br#"{"object": "Pyro.NameServer", "method": "lookup", "params": ["Pyro.NameServer"], "kwargs": {}}"#,
            ),
            (
                SerializerId::Msgpack,
                b"\x94\xafPyro.NameServer\xa6lookup\x91\xafPyro.NameServer\x80",
            ),
            (
                SerializerId::Marshal,
                b"\x29\x04\xfa\x0fPyro.NameServer\xfa\x06lookup\x5b\x01\x00\x00\x00\xfa\x0fPyro.NameServer\x7b\x30",
            ),
        ];
        for (ser, want) in cases {
            let got = encode_call(
                ser,
                NS_OBJECT,
                "lookup",
                vec![Value::str(NS_OBJECT)],
                vec![],
            )
            .unwrap();
            if ser == SerializerId::Marshal {
                // Our marshal writer never sets FLAG_REF: compare decoded values instead.
                let limits = Limits::default();
                assert_eq!(
                    serial::decode(ser, &got, &limits).unwrap(),
                    serial::decode(ser, want, &limits).unwrap()
                );
            } else {
                assert_eq!(got, want, "{ser:?}");
            }
        }
    }

    #[test]
    fn batch_args_slot_holds_the_list_of_calls() {
        let calls = Value::List(vec![Value::Tuple(vec![
            Value::str("count"),
            Value::Tuple(vec![]),
            Value::dict(Vec::<(&str, Value)>::new()),
        ])]);
        let payload = encode_call_slots(
            SerializerId::Serpent,
            NS_OBJECT,
            "<batch>",
            calls,
            Value::None,
        )
        .unwrap();
        assert_eq!(
            payload,
            b"# serpent utf-8 python3.2\n('Pyro.NameServer','<batch>',[('count',(),{})],None)"
        );
    }

    #[test]
    fn results_become_entries_and_uris() {
        let uri = Value::dict([
            ("__class__", Value::str("Pyro5.core.URI")),
            (
                "state",
                Value::Tuple(vec![
                    Value::str("PYRO"),
                    Value::str("obj"),
                    Value::None,
                    Value::str("::1"),
                    Value::Int(9090),
                ]),
            ),
        ]);
        assert_eq!(uri_text(&uri).unwrap(), "PYRO:obj@[::1]:9090");
        let listing = Value::Dict(vec![
            (
                Value::str("b"),
                Value::Tuple(vec![
                    Value::str("PYRO:b@h:1"),
                    Value::Set(vec![Value::str("y"), Value::str("x")]),
                ]),
            ),
            (
                Value::str("a"),
                Value::List(vec![Value::str("PYRO:a@h:1"), Value::Tuple(vec![])]),
            ),
            (Value::str("c"), Value::str("PYRO:c@h:1")),
        ]);
        let got = entries(&listing).unwrap();
        let names: Vec<_> = got.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(got[1].tags, ["x", "y"]);
        assert!(got[0].tags.is_empty() && got[2].tags.is_empty());
    }

    #[test]
    fn exception_replies_become_remote_errors() {
        let exc = Value::dict([
            ("__class__", Value::str("Pyro5.errors.NamingError")),
            ("__exception__", Value::Bool(true)),
            ("args", Value::Tuple(vec![Value::str("unknown name: x")])),
            ("attributes", Value::dict(Vec::<(&str, Value)>::new())),
        ]);
        let e = remote_error(&exc);
        assert_eq!(e.to_string(), "NamingError: unknown name: x");
        assert_eq!(e.short_class(), Some("NamingError"));
    }

    #[test]
    fn io_errors_read_as_one_plain_line() {
        let e = ClientError::Connect {
            addr: "127.0.0.1:1".into(),
            source: io::Error::from_raw_os_error(libc::ECONNREFUSED),
        };
        assert_eq!(
            e.to_string(),
            "cannot connect to 127.0.0.1:1: connection refused"
        );
    }
}
