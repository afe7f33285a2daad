//! marshal reader: never panics, honours the limits (back-references included), and
//! round-trips through the writer.
//!
//! marshal carries every `Value` kind, so the property is strict: `decode(encode(v)) == v`
//! with floats and complex parts compared bit for bit (NaN == NaN). FLAG_REF, interned and
//! short string codes, and the text float codes of old versions are read but never written,
//! so the bytes differ on the first trip and are a fixpoint from the second.

#![no_main]

mod common;

use common::{Format, check};
use labns::serial::{SerializerId, Value};
use libfuzzer_sys::fuzz_target;

const MARSHAL: Format = Format {
    id: SerializerId::Marshal,
    encodable: |_| true,
    normalize: Value::clone,
};

fuzz_target!(|data: &[u8]| check(&MARSHAL, data));
