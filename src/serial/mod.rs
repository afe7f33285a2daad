//! Serializers: one [`Value`] model and the four Pyro5 wire formats (serpent, marshal, json,
//! msgpack), each as a reader (bytes -> `Value`) and a writer (`Value` -> bytes).
//!
//! Sans-IO and clock-free: no sockets, files, or time here. Every reader is a cursor plus a
//! grammar, returns positioned, categorized errors, checks its [`Limits`] before allocating, and
//! never panics on any input (it is fuzzed). Every writer produces bytes the Python library
//! reads back to the same Python object.

pub mod json;
pub mod marshal;
pub mod msgpack;
pub mod serpent;
pub mod unicode_tables;
pub mod value;

pub use value::Value;

use std::fmt;

/// The serializer id byte of a Pyro5 message header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SerializerId {
    Serpent = 1,
    Marshal = 2,
    Json = 3,
    Msgpack = 4,
}

impl SerializerId {
    pub fn from_u8(id: u8) -> Option<SerializerId> {
        match id {
            1 => Some(SerializerId::Serpent),
            2 => Some(SerializerId::Marshal),
            3 => Some(SerializerId::Json),
            4 => Some(SerializerId::Msgpack),
            _ => None,
        }
    }

    pub fn as_u8(self) -> u8 {
        self as u8
    }

    /// The name Pyro5 uses in its `SERIALIZER` config item.
    pub fn name(self) -> &'static str {
        match self {
            SerializerId::Serpent => "serpent",
            SerializerId::Marshal => "marshal",
            SerializerId::Json => "json",
            SerializerId::Msgpack => "msgpack",
        }
    }

    pub fn from_name(name: &str) -> Option<SerializerId> {
        [
            SerializerId::Serpent,
            SerializerId::Marshal,
            SerializerId::Json,
            SerializerId::Msgpack,
        ]
        .into_iter()
        .find(|s| s.name() == name)
    }
}

/// Resource limits every reader enforces before allocating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Maximum nesting depth of containers (a top-level scalar has depth 0, `[1]` depth 1).
    pub max_depth: usize,
    /// Maximum number of items in one container (dict pairs count once).
    pub max_items: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_depth: 64,
            max_items: 1 << 20,
        }
    }
}

/// What went wrong while reading a payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The input ended in the middle of a value.
    Eof,
    /// The bytes do not follow the format's grammar.
    Syntax,
    /// Text that must be UTF-8 is not.
    Utf8,
    /// Valid format, but a construct the name server does not accept (code objects, unknown ext types, ...).
    Unsupported,
    /// A nesting depth or collection size limit was exceeded.
    Limit,
}

/// A reader error: category, byte offset, and the Python exception class and message the
/// client should see (`builtins.SyntaxError`, `builtins.ValueError`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub kind: DecodeErrorKind,
    pub offset: usize,
    /// Python exception class for the error reply, e.g. `"builtins.SyntaxError"`.
    pub py_class: &'static str,
    pub message: String,
}

impl DecodeError {
    pub fn new(
        kind: DecodeErrorKind,
        offset: usize,
        py_class: &'static str,
        message: impl Into<String>,
    ) -> DecodeError {
        DecodeError {
            kind,
            offset,
            py_class,
            message: message.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// A value the chosen format cannot represent (e.g. bytes in json). The message is what
/// Python's serializer would say; the caller turns it into a `SerializeError` reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError {
    pub message: String,
}

impl EncodeError {
    pub fn new(message: impl Into<String>) -> EncodeError {
        EncodeError {
            message: message.into(),
        }
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EncodeError {}

/// Read one payload with the given serializer.
pub fn decode(id: SerializerId, data: &[u8], limits: &Limits) -> Result<Value, DecodeError> {
    match id {
        SerializerId::Serpent => serpent::decode(data, limits),
        SerializerId::Marshal => marshal::decode(data, limits),
        SerializerId::Json => json::decode(data, limits),
        SerializerId::Msgpack => msgpack::decode(data, limits),
    }
}

/// Append the serialized form of `value` to `out`. On error `out` may hold partial output;
/// callers that recover should truncate it.
pub fn encode(id: SerializerId, value: &Value, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    match id {
        SerializerId::Serpent => serpent::encode(value, out),
        SerializerId::Marshal => marshal::encode(value, out),
        SerializerId::Json => json::encode(value, out),
        SerializerId::Msgpack => msgpack::encode(value, out),
    }
}
