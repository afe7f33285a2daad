//! serpent reader: never panics, honours the limits, and round-trips through the writer.
//!
//! What Python's serpent gives back after `loads(dumps(v))`, which is what `normalize` says:
//! bytes become `{'data': <base64>, 'encoding': 'base64'}`; NaN becomes
//! `{'__class__':'float','value':'nan'}` (a complex with a NaN part a `complex` class dict);
//! empty sets become `()` and frozensets sets; a complex `(re±imj)` is read back as the float
//! `re` plus or minus an imaginary constant, which loses the sign of zero parts the way IEEE
//! addition does. The writer refuses Ellipsis and dict keys / set members that are not bool,
//! bytes, str, tuple or a number. A bytes or NaN key turns into an unhashable dict, so such
//! values must fail to read back (TypeError), as in Python.

#![no_main]

mod common;

use common::{Format, all, base64, check, map_children};
use labns::serial::{SerializerId, Value};
use libfuzzer_sys::fuzz_target;

/// Python serpent's `_check_hashable_type`, written out again on purpose: this is the oracle
/// the writer's own `check_key_type` is checked against, so it must not call it.
fn key_ok(k: &Value) -> bool {
    matches!(
        k,
        Value::Bool(_)
            | Value::Bytes(_)
            | Value::Str(_)
            | Value::Tuple(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Complex(..)
    )
}

fn encodable(v: &Value) -> bool {
    all(v, &|x| match x {
        Value::Ellipsis => false,
        Value::Dict(pairs) => pairs.iter().all(|(k, _)| key_ok(k)),
        Value::Set(items) | Value::FrozenSet(items) => items.is_empty() || items.iter().all(key_ok),
        _ => true,
    })
}

fn float_form(f: f64) -> Value {
    if f.is_nan() {
        Value::dict([
            ("__class__", Value::str("float")),
            ("value", Value::str("nan")),
        ])
    } else {
        Value::Float(f)
    }
}

fn normalize(v: &Value) -> Value {
    match v {
        Value::Bytes(b) => Value::dict([
            ("data", Value::Str(base64(b))),
            ("encoding", Value::str("base64")),
        ]),
        Value::Float(f) => float_form(*f),
        Value::Complex(re, im) if re.is_nan() || im.is_nan() => Value::dict([
            ("__class__", Value::str("complex")),
            ("real", float_form(*re)),
            ("imag", float_form(*im)),
        ]),
        Value::Complex(re, im) => {
            // `(re+imj)` is re + complex(0.0, im); `(re-xj)` is re - complex(0.0, x).
            if im.is_sign_positive() {
                Value::Complex(re + 0.0, 0.0 + im)
            } else {
                Value::Complex(re - 0.0, 0.0 - (-im))
            }
        }
        Value::Set(items) | Value::FrozenSet(items) if items.is_empty() => Value::Tuple(vec![]),
        Value::FrozenSet(items) => Value::Set(items.iter().map(normalize).collect()),
        other => map_children(other, normalize),
    }
}

const SERPENT: Format = Format {
    id: SerializerId::Serpent,
    encodable,
    normalize,
};

fuzz_target!(|data: &[u8]| check(&SERPENT, data));
