//! The shared, connection-independent part of the server: the two Pyro objects, request
//! dispatch (wire reference 5.2: call shape per serializer, class-dict checks, object and
//! method resolution, batches), and the effects a turn produced.
//!
//! Sans-IO and clock-free. The daemon owns exactly one `Server` and passes it to every
//! connection's session, which is what makes every operation atomic (M49): one request is
//! handled completely before the next one starts.

use crate::ns::PyErr;
use crate::ns::access::AccessPolicy;
use crate::ns::nameserver::{DaemonObject, Journal, NameServer, NsLimits};
use crate::serial::{self, Limits, SerializerId, Value};
use crate::wire::{FLAGS_BATCH, FLAGS_EXCEPTION};
use std::net::SocketAddr;

/// Settings that decide protocol behaviour.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerConfig {
    /// Largest annotations + payload accepted in one frame (and largest inflated payload).
    pub max_message_size: u32,
    /// Nesting and collection limits for every deserializer.
    pub limits: Limits,
    /// Bounds on the registry and its entries.
    pub ns_limits: NsLimits,
    /// Compress reply payloads above 100 bytes (Pyro5's COMPRESSION option).
    pub compress: bool,
    /// Who may write, and the handshake token.
    pub access: AccessPolicy,
    /// Bytes of encoded read-only replies kept for repeated requests; 0 turns the cache off.
    pub reply_cache_bytes: usize,
}

impl Default for ServerConfig {
    fn default() -> ServerConfig {
        ServerConfig {
            max_message_size: 4 * 1024 * 1024,
            limits: Limits::default(),
            ns_limits: NsLimits::default(),
            compress: false,
            access: AccessPolicy::default(),
            reply_cache_bytes: 2 << 20,
        }
    }
}

/// Who sends a request: the client's address (None in tests and for local callers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Caller {
    pub peer: Option<SocketAddr>,
}

/// The NameServer methods that change the registry (subject to `allow_write`, audited).
const WRITE_METHODS: &[&str] = &["register", "remove", "set_metadata"];

pub const NS_OBJECT: &str = "Pyro.NameServer";
pub const DAEMON_OBJECT: &str = "Pyro.Daemon";

/// A small xorshift generator for correlation ids (they need to be unique, not secret).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A random version-4 UUID in RFC byte order.
    pub fn uuid4(&mut self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&self.next_u64().to_be_bytes());
        b[8..].copy_from_slice(&self.next_u64().to_be_bytes());
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        b
    }
}

/// What one INVOKE produced.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// A normal result (a batch result list when `batch`).
    Result { value: Value, batch: bool },
    /// An exception reply (flags EXCEPTION).
    Error(PyErr),
}

/// One decoded call: (object id, method, positional args, keyword args).
#[derive(Debug)]
pub struct Call {
    pub object: String,
    pub method: String,
    pub args: Value,
    pub kwargs: Value,
}

pub struct Server {
    pub config: ServerConfig,
    pub ns: NameServer,
    pub daemon: DaemonObject,
    pub rng: Rng,
    cache: ReplyCache,
    /// Reused buffer for replies that are not cached.
    scratch: Vec<u8>,
}

/// The NameServer and Pyro.Daemon methods whose answer depends only on the request and the
/// registry: their encoded replies are kept until the registry changes.
const CACHEABLE: &[(&str, &str)] = &[
    (NS_OBJECT, "lookup"),
    (NS_OBJECT, "list"),
    (NS_OBJECT, "yplookup"),
    (NS_OBJECT, "count"),
    (NS_OBJECT, "ping"),
    (DAEMON_OBJECT, "ping"),
    (DAEMON_OBJECT, "registered"),
    (DAEMON_OBJECT, "info"),
    (DAEMON_OBJECT, "get_metadata"),
];

/// Encoded replies of read-only calls, keyed by serializer id + request payload, valid for
/// one registry generation. Lab clients ask the same few questions over and over (a service
/// resolving its peers, a dashboard polling `list()`): a hit skips decoding, the registry
/// walk and encoding. Bounded in entries and bytes; emptied whenever the registry changes.
#[derive(Debug, Default)]
struct ReplyCache {
    generation: u64,
    map: std::collections::HashMap<Vec<u8>, CachedReply>,
    bytes: usize,
    key: Vec<u8>,
}

#[derive(Debug)]
struct CachedReply {
    flags: u16,
    close: bool,
    payload: Vec<u8>,
}

const CACHE_MAX_ENTRIES: usize = 4096;
/// No single reply larger than this is cached (at most half the cache).
const CACHE_MAX_REPLY: usize = 1 << 20;

/// An encoded reply to an INVOKE: RESULT flags (EXCEPTION and/or BATCH), the payload, and
/// whether the connection closes after it.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply<'a> {
    pub flags: u16,
    pub payload: &'a [u8],
    pub close: bool,
}

impl Server {
    pub fn new(config: ServerConfig, ns_uri: String, daemon_info: String, seed: u64) -> Server {
        let mut ns = NameServer::new(ns_uri);
        ns.limits = config.ns_limits;
        Server {
            config,
            ns,
            daemon: DaemonObject { info: daemon_info },
            rng: Rng::new(seed),
            cache: ReplyCache::default(),
            scratch: Vec::new(),
        }
    }

    /// Apply new settings (SIGHUP reload) to the running objects.
    pub fn reconfigure(&mut self, config: ServerConfig) {
        self.ns.limits = config.ns_limits;
        self.config = config;
        self.cache = ReplyCache::default();
    }

    /// Handle one INVOKE payload and encode its reply with the request's serializer; `None`
    /// for a oneway request (executed, never answered). Read-only calls are answered from the
    /// reply cache while the registry is unchanged.
    pub fn handle_invoke(
        &mut self,
        ser: SerializerId,
        payload: &[u8],
        batch: bool,
        oneway: bool,
        caller: Caller,
        journal: &mut dyn Journal,
    ) -> Option<Reply<'_>> {
        let generation = self.ns.registry().generation();
        if self.cache.generation != generation {
            self.cache.map.clear();
            self.cache.bytes = 0;
            self.cache.generation = generation;
        }
        let budget = self.config.reply_cache_bytes;
        let lookup_cache = !batch && !oneway && budget > 0;
        if lookup_cache {
            self.cache.key.clear();
            self.cache.key.push(ser.as_u8());
            self.cache.key.extend_from_slice(payload);
            if self.cache.map.contains_key(&self.cache.key[..]) {
                let hit = &self.cache.map[&self.cache.key[..]];
                return Some(Reply {
                    flags: hit.flags,
                    payload: &hit.payload,
                    close: hit.close,
                });
            }
        }
        let (outcome, cacheable) = self.execute(ser, payload, batch, caller, journal);
        if oneway {
            return None;
        }
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        let (flags, close) = match outcome {
            Outcome::Result { value, batch } => match serial::encode(ser, &value, &mut out) {
                Ok(()) => (if batch { FLAGS_BATCH } else { 0 }, false),
                Err(e) => {
                    out.clear();
                    encode_error(ser, &PyErr::serialize(e.message), &mut out);
                    (FLAGS_EXCEPTION, true)
                }
            },
            Outcome::Error(err) => {
                encode_error(ser, &err, &mut out);
                (FLAGS_EXCEPTION, err.close_after)
            }
        };
        // Only an answer computed from the generation it is filed under may be cached (a read
        // never changes the registry, but be certain).
        let still_valid = self.ns.registry().generation() == generation;
        let cost = out.len() + self.cache.key.len();
        if lookup_cache
            && cacheable
            && still_valid
            && out.len() <= CACHE_MAX_REPLY
            && cost <= budget
        {
            if self.cache.map.len() >= CACHE_MAX_ENTRIES || self.cache.bytes + cost > budget {
                self.cache.map.clear();
                self.cache.bytes = 0;
            }
            self.cache.bytes += cost;
            let key = self.cache.key.clone();
            self.scratch = out;
            let entry = self.cache.map.entry(key).or_insert(CachedReply {
                flags,
                close,
                payload: self.scratch.clone(),
            });
            return Some(Reply {
                flags: entry.flags,
                payload: &entry.payload,
                close: entry.close,
            });
        }
        self.scratch = out;
        Some(Reply {
            flags,
            payload: &self.scratch,
            close,
        })
    }

    /// Decode and execute one INVOKE payload; every mutation is recorded in `journal` before
    /// the outcome is produced (a refused record makes that call raise NamingError). Also says
    /// whether the call is a read-only one whose reply may be cached.
    fn execute(
        &mut self,
        ser: SerializerId,
        payload: &[u8],
        batch: bool,
        caller: Caller,
        journal: &mut dyn Journal,
    ) -> (Outcome, bool) {
        let value = match serial::decode(ser, payload, &self.config.limits) {
            Ok(v) => v,
            Err(e) => return (Outcome::Error(PyErr::new(e.py_class, e.message)), false),
        };
        let call = match split_call(ser, value) {
            Ok(c) => c,
            Err(e) => return (Outcome::Error(e), false),
        };
        let cacheable = !batch
            && CACHEABLE
                .iter()
                .any(|(o, m)| *o == call.object && *m == call.method);
        if let Err(e) = check_class_dicts(&call.args, 0).and(check_class_dicts(&call.kwargs, 0)) {
            return (Outcome::Error(e), false);
        }
        if call.object != NS_OBJECT && call.object != DAEMON_OBJECT {
            return (Outcome::Error(PyErr::daemon("unknown object")), false);
        }
        if batch {
            return (self.run_batch(&call, caller, journal), false);
        }
        let outcome = match self.call_one(
            &call.object,
            &call.method,
            &call.args,
            &call.kwargs,
            caller,
            journal,
        ) {
            Ok(value) => Outcome::Result {
                value,
                batch: false,
            },
            Err(e) => Outcome::Error(e),
        };
        (outcome, cacheable)
    }

    fn run_batch(&mut self, call: &Call, caller: Caller, journal: &mut dyn Journal) -> Outcome {
        let Some(calls) = call.args.as_seq() else {
            return Outcome::Error(PyErr::type_error(format!(
                "'{}' object is not iterable",
                call.args.type_name()
            )));
        };
        let mut results = Vec::with_capacity(calls.len().min(1024));
        for item in calls {
            let (method, args, kwargs) = match item.as_seq() {
                Some([m, a, k]) => (m, a, k),
                Some(other) => {
                    return Outcome::Error(PyErr::value_error(format!(
                        "not enough values to unpack (expected 3, got {})",
                        other.len()
                    )));
                }
                None => {
                    return Outcome::Error(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        item.type_name()
                    )));
                }
            };
            let Some(method) = method.as_str() else {
                return Outcome::Error(PyErr::type_error(
                    "attribute name must be string, not '".to_string() + method.type_name() + "'",
                ));
            };
            // Unknown/private/unexposed names are not wrapped: the whole request fails (5.4).
            let checked = if call.object == NS_OBJECT {
                NameServer::check_batch_method(method)
            } else {
                DaemonObject::check_batch_method(method)
            };
            if let Err(e) = checked {
                return Outcome::Error(e);
            }
            match self.call_one(&call.object, method, args, kwargs, caller, journal) {
                Ok(v) => results.push(v),
                Err(e) => {
                    results.push(e.to_wrapper_value());
                    break;
                }
            }
        }
        Outcome::Result {
            value: Value::List(results),
            batch: true,
        }
    }

    fn call_one(
        &mut self,
        object: &str,
        method: &str,
        args: &Value,
        kwargs: &Value,
        caller: Caller,
        journal: &mut dyn Journal,
    ) -> Result<Value, PyErr> {
        let write = object == NS_OBJECT && WRITE_METHODS.contains(&method);
        if write && !self.config.access.may_write(caller.peer.map(|p| p.ip())) {
            let who = caller
                .peer
                .map_or_else(|| "an unknown address".to_string(), |p| p.ip().to_string());
            log::warn!("write refused: {method} from {who} (not in allow_write)");
            return Err(PyErr::naming(format!(
                "write access denied: {who} may not {method} on this name server (allow_write)"
            )));
        }
        let raw_args = args;
        let args: &[Value] = match args {
            Value::None => &[],
            other => other.as_seq().ok_or_else(|| {
                PyErr::type_error(format!(
                    "argument after * must be an iterable, not {}",
                    other.type_name()
                ))
            })?,
        };
        let kwargs_list = kwargs_pairs(kwargs)?;
        if object != NS_OBJECT {
            return self.daemon.invoke(method, args, &kwargs_list);
        }
        let result = self.ns.invoke(method, args, &kwargs_list, journal);
        if write {
            audit(caller, method, raw_args, kwargs, &result);
        }
        result
    }
}

/// Serialize an exception; if even that fails, fall back to Pyro's PyroError text.
fn encode_error(ser: SerializerId, err: &PyErr, out: &mut Vec<u8>) {
    if let Err(e) = serial::encode(ser, &err.to_value(), out) {
        out.clear();
        let fallback = PyErr::pyro(format!(
            "Error serializing exception: {}. Original exception: {}: {}",
            e.message,
            err.short_class(),
            err.message
        ));
        // A PyroError of plain strings is representable in every serializer.
        let _ = serial::encode(ser, &fallback.to_value(), out);
    }
}

/// The audit line of a write: who, what (the call as Python would write it), and the outcome;
/// the time is the log line's.
fn audit(
    caller: Caller,
    method: &str,
    args: &Value,
    kwargs: &Value,
    result: &Result<Value, PyErr>,
) {
    if !log::log_enabled!(log::Level::Info) {
        return;
    }
    let who = caller
        .peer
        .map_or_else(|| "local".to_string(), |p| p.to_string());
    let mut text = String::new();
    for v in [args, kwargs] {
        let mut buf = Vec::new();
        if serial::serpent::encode(v, &mut buf).is_ok() {
            let body = String::from_utf8_lossy(&buf);
            let body = body.split_once('\n').map_or(&*body, |(_, b)| b);
            if !text.is_empty() {
                text.push_str(", ");
            }
            text.push_str(body);
        }
    }
    if text.len() > 400 {
        let cut = (0..=400)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(cut);
        text.push_str("...");
    }
    match result {
        Ok(v) => log::info!("audit: {who} {method} {text} -> {}", short(v)),
        Err(e) => log::info!(
            "audit: {who} {method} {text} -> {}: {}",
            e.short_class(),
            e.message
        ),
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::None => "ok".into(),
        Value::Int(n) => format!("{n} removed"),
        other => other.type_name().into(),
    }
}

/// Keyword arguments as (name, value) pairs; None means no keywords.
fn kwargs_pairs(kwargs: &Value) -> Result<Vec<(String, Value)>, PyErr> {
    match kwargs {
        Value::None => Ok(Vec::new()),
        Value::Dict(pairs) => pairs
            .iter()
            .map(|(k, v)| match k {
                Value::Str(s) => Ok((s.clone(), v.clone())),
                _ => Err(PyErr::type_error("keywords must be strings")),
            })
            .collect(),
        other => Err(PyErr::type_error(format!(
            "argument after ** must be a mapping, not {}",
            other.type_name()
        ))),
    }
}

/// The call 4-tuple in each serializer's shape (wire reference 5.1).
pub fn split_call(ser: SerializerId, value: Value) -> Result<Call, PyErr> {
    let (object, method, args, kwargs) = match (ser, value) {
        (SerializerId::Json, Value::Dict(pairs)) => {
            let mut object = None;
            let mut method = None;
            let mut params = None;
            let mut kwargs = None;
            for (k, v) in pairs {
                match k.as_str() {
                    Some("object") => object = Some(v),
                    Some("method") => method = Some(v),
                    Some("params") => params = Some(v),
                    Some("kwargs") => kwargs = Some(v),
                    _ => {}
                }
            }
            let missing = |key: &str| PyErr::new("builtins.KeyError", format!("'{key}'"));
            (
                object.ok_or_else(|| missing("object"))?,
                method.ok_or_else(|| missing("method"))?,
                params.ok_or_else(|| missing("params"))?,
                kwargs.ok_or_else(|| missing("kwargs"))?,
            )
        }
        (SerializerId::Json, other) => {
            return Err(PyErr::type_error(format!(
                "{} indices must be integers or slices, not str",
                other.type_name()
            )));
        }
        (_, Value::Tuple(items) | Value::List(items)) => {
            let n = items.len();
            let Ok::<[Value; 4], _>([o, m, a, k]) = items.try_into() else {
                return Err(PyErr::value_error(if n < 4 {
                    format!("not enough values to unpack (expected 4, got {n})")
                } else {
                    "too many values to unpack (expected 4)".to_string()
                }));
            };
            (o, m, a, k)
        }
        (_, other) => {
            return Err(PyErr::type_error(format!(
                "cannot unpack non-iterable {} object",
                other.type_name()
            )));
        }
    };
    let Value::Str(object) = object else {
        return Err(PyErr::daemon("unknown object"));
    };
    let Value::Str(method) = method else {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            method.type_name()
        )));
    };
    Ok(Call {
        object,
        method,
        args,
        kwargs,
    })
}

/// Classes whose dicts Pyro5's server turns into objects (8.3); anything else in an argument
/// makes Python reply SerializeError (or SecurityError for `__` names) and close.
fn known_class(name: &str, dict: &Value) -> bool {
    match name {
        "Pyro5.core.URI"
        | "Pyro5.client.Proxy"
        | "Pyro5.server.Daemon"
        | "Pyro5.core._ExceptionWrapper" => true,
        "float" => true,
        _ => {
            (name.starts_with("Pyro5.errors.") || name.starts_with("builtins."))
                && dict.get("__exception__").is_some()
        }
    }
}

fn check_class_dicts(value: &Value, depth: usize) -> Result<(), PyErr> {
    // The deserializers already bound the depth; this guard keeps the walk safe on its own.
    if depth > 256 {
        return Ok(());
    }
    match value {
        Value::Dict(pairs) => {
            if let Some(class) = value.get("__class__") {
                let name = class.as_str().unwrap_or("");
                if name.contains("__") {
                    return Err(PyErr::security(format!(
                        "refused to deserialize types with double underscores in their name: {name}"
                    ))
                    .closing());
                }
                if !known_class(name, value) {
                    return Err(
                        PyErr::serialize(format!("unsupported serialized class: {name}")).closing(),
                    );
                }
            }
            for (k, v) in pairs {
                check_class_dicts(k, depth + 1)?;
                check_class_dicts(v, depth + 1)?;
            }
            Ok(())
        }
        Value::Tuple(items) | Value::List(items) | Value::Set(items) | Value::FrozenSet(items) => {
            items
                .iter()
                .try_for_each(|v| check_class_dicts(v, depth + 1))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod cache_tests {
    use super::*;
    use crate::ns::nameserver::Change;

    fn server() -> Server {
        Server::new(
            ServerConfig::default(),
            "PYRO:Pyro.NameServer@127.0.0.1:9090".into(),
            "info".into(),
            7,
        )
    }

    fn call(s: &mut Server, text: &str) -> (u16, Vec<u8>) {
        let payload = format!("# serpent utf-8 python3.2\n{text}");
        let r = s
            .handle_invoke(
                SerializerId::Serpent,
                payload.as_bytes(),
                false,
                false,
                Caller::default(),
                &mut Vec::<Change>::new(),
            )
            .expect("a reply");
        (r.flags, r.payload.to_vec())
    }

    const LOOKUP: &str = "('Pyro.NameServer','lookup',('lab.x',),{})";

    #[test]
    fn read_replies_are_cached_until_the_registry_changes() {
        let mut s = server();
        let (flags, miss) = call(&mut s, LOOKUP);
        assert_eq!(flags, FLAGS_EXCEPTION, "unknown name at first");
        assert_eq!(call(&mut s, LOOKUP), (flags, miss.clone()));
        assert_eq!(s.cache.map.len(), 1, "the second call was a hit");
        call(
            &mut s,
            "('Pyro.NameServer','register',('lab.x','PYRO:x@h:1'),{})",
        );
        let (flags, found) = call(&mut s, LOOKUP);
        assert_eq!(flags, 0);
        assert!(String::from_utf8_lossy(&found).contains("'x',None,'h',1"));
        // A change that bypasses the name server's methods (autoclean's removal) also counts.
        s.ns.registry_mut().remove("lab.x");
        assert_eq!(call(&mut s, LOOKUP).0, FLAGS_EXCEPTION);
    }

    #[test]
    fn writes_and_batches_are_never_cached() {
        let mut s = server();
        let reg = "('Pyro.NameServer','register',('a','PYRO:a@h:1'),{})";
        call(&mut s, reg);
        call(&mut s, reg);
        assert!(s.cache.map.is_empty());
        let payload =
            b"# serpent utf-8 python3.2\n('Pyro.NameServer','<batch>',[('count',(),{})],None)";
        for _ in 0..2 {
            let r = s
                .handle_invoke(
                    SerializerId::Serpent,
                    payload,
                    true,
                    false,
                    Caller::default(),
                    &mut Vec::<Change>::new(),
                )
                .unwrap();
            assert_eq!(r.flags, FLAGS_BATCH);
        }
        assert!(s.cache.map.is_empty());
    }

    #[test]
    fn a_zero_budget_turns_the_cache_off() {
        let mut s = server();
        s.config.reply_cache_bytes = 0;
        call(&mut s, LOOKUP);
        call(&mut s, LOOKUP);
        assert!(s.cache.map.is_empty());
    }

    #[test]
    fn the_cache_stays_within_its_bounds() {
        let mut s = server();
        for i in 0..(CACHE_MAX_ENTRIES + 10) {
            call(
                &mut s,
                &format!("('Pyro.NameServer','lookup',('n{i}',),{{}})"),
            );
            assert!(s.cache.map.len() <= CACHE_MAX_ENTRIES);
            assert!(s.cache.bytes <= s.config.reply_cache_bytes);
        }
    }
}
