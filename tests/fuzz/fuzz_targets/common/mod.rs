//! Checks shared by the four deserializer targets: the limits every reader must enforce, and
//! the round trip decode -> encode -> decode, with each format's honest notion of "the same
//! value" (what Python itself gets back from that serializer).
//!
//! Properties, for every input on which the reader succeeds with the default [`Limits`]:
//!
//! 1. The value respects the limits: nesting depth <= `max_depth`, every container holds at
//!    most `max_items` items. With tiny limits the reader either gives the same value or fails
//!    with `DecodeErrorKind::Limit`, nothing else.
//! 2. marshal, which carries every `Value`, writes and reads the value back exactly.
//! 3. The writer accepts the value exactly when the format can represent it
//!    ([`Format::encodable`]).
//! 4. Reading the written bytes gives [`Format::normalize`] of the value (NaN == NaN; other
//!    floats compared bit for bit). For serpent, values whose normalized form puts an
//!    unhashable dict into a dict key or set member must fail to read (as in Python).
//! 5. Further trips go on giving `normalize` of what was written, and after three trips the
//!    format is at a fixpoint: writing the value and reading it back gives the same value and
//!    the same bytes.

#![allow(dead_code)]

use labns::serial::{self, DecodeErrorKind, Limits, SerializerId, Value};

/// The name server's limits (what `ServerConfig::default()` uses).
pub fn default_limits() -> Limits {
    Limits::default()
}

/// Small enough that the fuzzer hits both limits constantly.
pub const TINY: Limits = Limits {
    max_depth: 3,
    max_items: 4,
};

/// Depth of `v` (a scalar is 0, `[1]` and `[]` are 1), asserting every container's size.
pub fn checked_depth(v: &Value, limits: &Limits) -> usize {
    let sub = match v {
        Value::Tuple(items) | Value::List(items) | Value::Set(items) | Value::FrozenSet(items) => {
            assert!(
                items.len() <= limits.max_items,
                "container of {} items passed max_items {}",
                items.len(),
                limits.max_items
            );
            items
                .iter()
                .map(|i| checked_depth(i, limits))
                .max()
                .unwrap_or(0)
        }
        Value::Dict(pairs) => {
            assert!(
                pairs.len() <= limits.max_items,
                "dict of {} pairs passed max_items {}",
                pairs.len(),
                limits.max_items
            );
            pairs
                .iter()
                .map(|(k, v)| checked_depth(k, limits).max(checked_depth(v, limits)))
                .max()
                .unwrap_or(0)
        }
        _ => return 0,
    };
    sub + 1
}

pub fn assert_within(v: &Value, limits: &Limits) {
    let depth = checked_depth(v, limits);
    assert!(
        depth <= limits.max_depth,
        "value of depth {depth} passed max_depth {}",
        limits.max_depth
    );
}

/// Whether `pred` holds for `v` and everything inside it.
pub fn all(v: &Value, pred: &dyn Fn(&Value) -> bool) -> bool {
    pred(v)
        && match v {
            Value::Tuple(items)
            | Value::List(items)
            | Value::Set(items)
            | Value::FrozenSet(items) => items.iter().all(|i| all(i, pred)),
            Value::Dict(pairs) => pairs.iter().all(|(k, v)| all(k, pred) && all(v, pred)),
            _ => true,
        }
}

/// Every dict key and set member is hashable (else Python's reader raises TypeError).
pub fn keys_hashable(v: &Value) -> bool {
    all(v, &|x| match x {
        Value::Dict(pairs) => pairs.iter().all(|(k, _)| k.is_hashable()),
        Value::Set(items) | Value::FrozenSet(items) => items.iter().all(Value::is_hashable),
        _ => true,
    })
}

/// One serializer and what its writer does to values, as the Python library does it.
pub struct Format {
    pub id: SerializerId,
    /// The writer must accept exactly these values (refusals are Python's SerializeError).
    pub encodable: fn(&Value) -> bool,
    /// What the reader gives back after one trip through the writer.
    pub normalize: fn(&Value) -> Value,
}

fn decode(id: SerializerId, data: &[u8], limits: &Limits) -> Result<Value, serial::DecodeError> {
    let result = serial::decode(id, data, limits);
    if let Err(e) = &result {
        assert!(
            e.offset <= data.len(),
            "error offset {} beyond the input ({} bytes): {e:?}",
            e.offset,
            data.len()
        );
    }
    result
}

fn encode(id: SerializerId, v: &Value) -> Result<Vec<u8>, serial::EncodeError> {
    let mut out = Vec::new();
    serial::encode(id, v, &mut out).map(|()| out)
}

fn show(id: SerializerId, bytes: &[u8]) -> String {
    match id {
        SerializerId::Serpent | SerializerId::Json => String::from_utf8_lossy(bytes).into_owned(),
        _ => bytes.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// Run properties 1-5 on one fuzzer input.
pub fn check(format: &Format, data: &[u8]) {
    let id = format.id;
    let limits = default_limits();
    let tiny = decode(id, data, &TINY);
    let v1 = match decode(id, data, &limits) {
        Ok(v) => v,
        Err(_) => {
            assert!(tiny.is_err(), "tiny limits read what default limits refuse");
            return;
        }
    };
    assert_within(&v1, &limits);
    match &tiny {
        Ok(t) => {
            assert_within(t, &TINY);
            assert!(
                t.same(&v1),
                "tiny limits read {t:?}, default limits {v1:?}"
            );
        }
        Err(e) => assert_eq!(e.kind, DecodeErrorKind::Limit, "tiny limits: {e:?}"),
    }

    // marshal carries every `Value` exactly, whichever reader produced it.
    let m = encode(SerializerId::Marshal, &v1).expect("marshal writes every value");
    match decode(SerializerId::Marshal, &m, &limits) {
        Ok(w) => assert!(w.same(&v1), "marshal changed {v1:?} into {w:?}"),
        Err(e) => panic!("marshal cannot read back {v1:?}: {e:?}"),
    }

    let e1 = match encode(id, &v1) {
        Ok(bytes) => {
            assert!(
                (format.encodable)(&v1),
                "writer accepted a value it must refuse: {v1:?}"
            );
            bytes
        }
        Err(e) => {
            assert!(
                !(format.encodable)(&v1),
                "writer refused a value its own reader produced: {e}\nvalue: {v1:?}"
            );
            return;
        }
    };
    let expected = (format.normalize)(&v1);
    // Normalizing may wrap a value in one more dict (serpent: bytes, NaN).
    let loose = Limits {
        max_depth: limits.max_depth + 1,
        ..limits
    };
    let v2 = decode(id, &e1, &loose);
    if !keys_hashable(&expected) {
        assert!(
            v2.is_err(),
            "read back {v2:?} although a key became unhashable\nwritten: {}",
            show(id, &e1)
        );
        return;
    }
    let mut v = match v2 {
        Ok(v) => v,
        Err(e) => panic!(
            "cannot read own output: {e:?}\nvalue: {v1:?}\nwritten: {}",
            show(id, &e1)
        ),
    };
    assert!(
        v.same(&expected),
        "round trip changed the value\nread:     {v1:?}\nexpected: {expected:?}\ngot:      {v:?}\nwritten: {}",
        show(id, &e1)
    );

    // Later trips keep normalizing (serpent: `(-0.0-0.0j)` reads as complex(-0.0, 0.0), which
    // is written `(-0.0+0.0j)` and reads as complex(0.0, 0.0)) and then settle.
    for _ in 0..2 {
        let e = encode(id, &v).expect("a value read back is encodable");
        let expected = (format.normalize)(&v);
        let w = decode(id, &e, &loose).expect("a value read back reads back");
        assert!(
            w.same(&expected),
            "trip changed {v:?} into {w:?}, not {expected:?}"
        );
        v = w;
    }
    let e = encode(id, &v).expect("encodable");
    let w = decode(id, &e, &loose).expect("reads back");
    assert!(w.same(&v), "not a fixpoint: {v:?} became {w:?}");
    let again = encode(id, &w).expect("encodable");
    assert!(
        again == e,
        "writer output is not a fixpoint:\n{}\n{}",
        show(id, &e),
        show(id, &again)
    );
}

/// Apply `f` to the children of containers (keys too), keeping the container kind.
pub fn map_children(v: &Value, f: fn(&Value) -> Value) -> Value {
    match v {
        Value::Tuple(items) => Value::Tuple(items.iter().map(f).collect()),
        Value::List(items) => Value::List(items.iter().map(f).collect()),
        Value::Set(items) => Value::Set(items.iter().map(f).collect()),
        Value::FrozenSet(items) => Value::FrozenSet(items.iter().map(f).collect()),
        Value::Dict(pairs) => Value::Dict(pairs.iter().map(|(k, v)| (f(k), f(v))).collect()),
        other => other.clone(),
    }
}

/// Standard base64 with padding (Python's `base64.b64encode`), for serpent's bytes form.
pub fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
