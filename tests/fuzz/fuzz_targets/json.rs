//! json reader: never panics, honours the limits, and round-trips through the writer.
//!
//! json has lists, str-keyed dicts, str, int, float (NaN and +-Infinity as Python writes
//! them), bool and null, and the reader produces nothing else, so the property is strict:
//! `decode(encode(v)) == v` (NaN == NaN). Tuples and sets would come back as lists and
//! non-str keys as str (`normalize` says so), but the reader never produces them. The writer
//! refuses bytes, complex, frozenset, Ellipsis and keys other than str/int/float/bool/None.

#![no_main]

mod common;

use common::{Format, all, check, map_children};
use labns::serial::{SerializerId, Value};
use libfuzzer_sys::fuzz_target;

fn encodable(v: &Value) -> bool {
    all(v, &|x| match x {
        Value::Bytes(_) | Value::Complex(..) | Value::FrozenSet(_) | Value::Ellipsis => false,
        Value::Dict(pairs) => pairs.iter().all(|(k, _)| {
            matches!(
                k,
                Value::Str(_)
                    | Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Float(_)
                    | Value::Bool(_)
                    | Value::None
            )
        }),
        _ => true,
    })
}

fn normalize(v: &Value) -> Value {
    match v {
        Value::Tuple(items) | Value::Set(items) => {
            Value::List(items.iter().map(normalize).collect())
        }
        Value::Dict(pairs) => {
            assert!(
                pairs.iter().all(|(k, _)| matches!(k, Value::Str(_))),
                "json reader produced a non-str key: {v:?}"
            );
            map_children(v, normalize)
        }
        other => map_children(other, normalize),
    }
}

const JSON: Format = Format {
    id: SerializerId::Json,
    encodable,
    normalize,
};

fuzz_target!(|data: &[u8]| check(&JSON, data));
