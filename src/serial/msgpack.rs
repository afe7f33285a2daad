//! msgpack reader and writer (placeholder until implemented).

use super::{DecodeError, DecodeErrorKind, EncodeError, Limits, Value};

pub fn decode(_data: &[u8], _limits: &Limits) -> Result<Value, DecodeError> {
    Err(DecodeError::new(DecodeErrorKind::Unsupported, 0, "builtins.ValueError", "msgpack reader not built yet"))
}

pub fn encode(_value: &Value, _out: &mut Vec<u8>) -> Result<(), EncodeError> {
    Err(EncodeError::new("msgpack writer not built yet"))
}
