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
        Value::Dict(
            pairs
                .into_iter()
                .map(|(k, v)| (Value::Str(k.into()), v))
                .collect(),
        )
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

    /// Structural equality for round trips: floats (and complex parts) compared bit for bit,
    /// so `-0.0` differs from `0.0`, but any NaN equals any NaN; container kinds and item
    /// order must match. (`==` is IEEE equality: NaN != NaN, -0.0 == 0.0.)
    pub fn same(&self, other: &Value) -> bool {
        let float = |x: f64, y: f64| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan());
        match (self, other) {
            (Value::Float(x), Value::Float(y)) => float(*x, *y),
            (Value::Complex(a, b), Value::Complex(c, d)) => float(*a, *c) && float(*b, *d),
            (Value::Tuple(x), Value::Tuple(y))
            | (Value::List(x), Value::List(y))
            | (Value::Set(x), Value::Set(y))
            | (Value::FrozenSet(x), Value::FrozenSet(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| p.same(q))
            }
            (Value::Dict(x), Value::Dict(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((k1, v1), (k2, v2))| k1.same(k2) && v1.same(v2))
            }
            _ => self == other,
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

/// Python's `repr(float)` for finite values: the shortest text that round-trips, in fixed
/// notation when the decimal exponent is in -4..16, else `1.5e-07` / `1e+16` form.
/// Non-finite values give `inf`, `-inf`, `nan` (each format writes those its own way).
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e-7", "1e16", "0e0".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (neg, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let decpt = exp + 1; // position of the decimal point relative to the digit string
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if -4 < decpt && decpt <= 16 {
        if decpt <= 0 {
            out.push_str("0.");
            for _ in 0..(-decpt) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let d = decpt as usize;
            if digits.len() <= d {
                out.push_str(&digits);
                for _ in digits.len()..d {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..d]);
                out.push('.');
                out.push_str(&digits[d..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

#[cfg(test)]
mod float_repr_tests {
    use super::py_float_repr;

    #[test]
    fn matches_python_repr() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (123.456, "123.456"),
            (-2.5, "-2.5"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (1234567890123456.7, "1234567890123456.8"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (f64::INFINITY, "inf"),
        ];
        for (f, want) in cases {
            assert_eq!(py_float_repr(*f), *want, "repr of {f:e}");
        }
    }
}
