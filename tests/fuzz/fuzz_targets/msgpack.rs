//! msgpack reader: never panics, honours the limits, and round-trips through the writer.
//!
//! msgpack (as Pyro5 uses it) reads arrays as lists, so tuples and sets written as arrays come
//! back as lists (`normalize`); the reader itself only produces lists, str/bytes-keyed dicts,
//! ints (ext 0x31 for big ones), floats, complex (ext 0x30), str, bytes, bool and None, and
//! for those the property is strict: `decode(encode(v)) == v` (NaN == NaN). The writer
//! refuses frozenset and Ellipsis.

#![no_main]

mod common;

use common::{Format, all, check, map_children};
use labns::serial::{SerializerId, Value};
use libfuzzer_sys::fuzz_target;

fn encodable(v: &Value) -> bool {
    all(v, &|x| !matches!(x, Value::FrozenSet(_) | Value::Ellipsis))
}

fn normalize(v: &Value) -> Value {
    match v {
        Value::Tuple(items) | Value::Set(items) => {
            Value::List(items.iter().map(normalize).collect())
        }
        other => map_children(other, normalize),
    }
}

const MSGPACK: Format = Format {
    id: SerializerId::Msgpack,
    encodable,
    normalize,
};

fuzz_target!(|data: &[u8]| check(&MSGPACK, data));
