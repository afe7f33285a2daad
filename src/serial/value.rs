//! The one value model shared by the four serializers and the name server.
//!
//! `Value` mirrors the Python objects a Pyro5 peer can put on the wire. It owns no I/O and
//! knows nothing about any wire format; the format modules convert bytes <-> `Value`.
//! Dicts keep insertion order (Python dict semantics) as a vector of pairs; sets keep the
//! order in which they were built (callers that want deterministic output sort first).

/// A Python value as carried by Pyro5 messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// An integer outside the i64 range, as canonical decimal text: optional `-`, no leading zeros.
    BigInt(String),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Value>),
    List(Vec<Value>),
    Set(Vec<Value>),
    FrozenSet(Vec<Value>),
    /// Key/value pairs in insertion order.
    Dict(Vec<(Value, Value)>),
    Ellipsis,
}

impl Value {
    /// A `Value::Str` from anything string-like.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    /// A dict whose keys are strings, in the given order.
    pub fn dict<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Dict(pairs.into_iter().map(|(k, v)| (Value::Str(k.into()), v)).collect())
    }

    /// Python truthiness: None, False, 0, 0.0, 0j, "" , b"" and empty containers are false.
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Complex(re, im) => *re != 0.0 || *im != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(v) | Value::List(v) | Value::Set(v) | Value::FrozenSet(v) => !v.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Ellipsis => true,
        }
    }

    /// The Python type name, as CPython prints it in error messages (`'int' object is not iterable`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Complex(..) => "complex",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::Tuple(_) => "tuple",
            Value::List(_) => "list",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Dict(_) => "dict",
            Value::Ellipsis => "ellipsis",
        }
    }

    /// Whether Python could use this value as a dict key / set member.
    pub fn is_hashable(&self) -> bool {
        match self {
            Value::List(_) | Value::Set(_) | Value::Dict(_) => false,
            Value::Tuple(items) | Value::FrozenSet(items) => items.iter().all(Value::is_hashable),
            _ => true,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of a tuple, list, set or frozenset.
    pub fn as_seq(&self) -> Option<&[Value]> {
        match self {
            Value::Tuple(v) | Value::List(v) | Value::Set(v) | Value::FrozenSet(v) => Some(v),
            _ => None,
        }
    }

    /// Look up a string key in a dict (first match; Python dicts have unique keys).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Dict(pairs) => pairs
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truthiness_follows_python() {
        let falsy = [
            Value::None,
            Value::Bool(false),
            Value::Int(0),
            Value::Float(0.0),
            Value::Float(-0.0),
            Value::str(""),
            Value::Tuple(vec![]),
            Value::List(vec![]),
            Value::Set(vec![]),
            Value::Dict(vec![]),
            Value::Bytes(vec![]),
        ];
        for v in &falsy {
            assert!(!v.is_truthy(), "{v:?} should be falsy");
        }
        let truthy = [
            Value::Bool(true),
            Value::Int(-1),
            Value::Float(0.5),
            Value::Float(f64::NAN),
            Value::str("0"),
            Value::Tuple(vec![Value::None]),
            Value::BigInt("100000000000000000000".into()),
            Value::Ellipsis,
        ];
        for v in &truthy {
            assert!(v.is_truthy(), "{v:?} should be truthy");
        }
    }

    #[test]
    fn hashability_follows_python() {
        assert!(Value::Tuple(vec![Value::Int(1), Value::str("a")]).is_hashable());
        assert!(!Value::Tuple(vec![Value::List(vec![])]).is_hashable());
        assert!(!Value::Dict(vec![]).is_hashable());
    }
}
