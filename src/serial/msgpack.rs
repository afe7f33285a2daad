//! msgpack reader and writer (serializer id 4), as Pyro5 5.17 uses msgpack-python 1.x.
//!
//! Owns: the msgpack grammar as `msgpack.unpackb(raw=False, strict_map_key=True)` with Pyro's
//! `ext_hook` reads it (ext 0x30 complex, 0x31 big int; map keys must be str or bytes), and
//! the output of `msgpack.packb(use_bin_type=True)` with Pyro's `default` hook (smallest int
//! format, ext 0x31 beyond 64 bits, float64, str never bin, sets as arrays).
//!
//! Must not: do I/O, read the clock, panic on any input, allocate from an untrusted count
//! without capping it by the remaining input, or use `unsafe`.

use super::marshal::{INT_MAX_STR_DIGITS, dedup_pairs, parse_decimal, utf8_error_text};
use super::{DecodeError, DecodeErrorKind, EncodeError, Limits, Value};

/// Errors travel boxed inside the reader: it keeps every `Result` small on the hot path.
type Fail = Box<DecodeError>;

const VALUE_ERROR: &str = "builtins.ValueError";

/// msgpack-python's packer refuses deeper nesting (`DEFAULT_RECURSE_LIMIT`).
const MAX_WRITE_DEPTH: usize = 511;

// ---------------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------------

/// Read one msgpack value; the whole input must be that one value.
pub fn decode(data: &[u8], limits: &Limits) -> Result<Value, DecodeError> {
    let mut r = Reader {
        data,
        pos: 0,
        limits: *limits,
    };
    let value = r.read(0).map_err(|e| *e)?;
    if r.pos < data.len() {
        return Err(DecodeError::new(
            DecodeErrorKind::Syntax,
            r.pos,
            VALUE_ERROR,
            "unpack(b) received extra data.",
        ));
    }
    Ok(value)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    limits: Limits,
}

fn value_error(kind: DecodeErrorKind, at: usize, msg: impl Into<String>) -> Fail {
    Box::new(DecodeError::new(kind, at, VALUE_ERROR, msg))
}

impl<'a> Reader<'a> {
    fn incomplete(&self) -> Fail {
        value_error(
            DecodeErrorKind::Eof,
            self.data.len(),
            "Unpack failed: incomplete input",
        )
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Fail> {
        let end = self.pos.checked_add(n).ok_or_else(|| self.incomplete())?;
        let bytes = self
            .data
            .get(self.pos..end)
            .ok_or_else(|| self.incomplete())?;
        self.pos = end;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Fail> {
        let bytes = self.take(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, Fail> {
        Ok(self.array::<1>()?[0])
    }

    fn u16(&mut self) -> Result<usize, Fail> {
        Ok(usize::from(u16::from_be_bytes(self.array()?)))
    }

    fn u32(&mut self) -> Result<usize, Fail> {
        let n = u32::from_be_bytes(self.array()?);
        // On 16-bit targets a length this large cannot be in the input anyway.
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    fn read(&mut self, depth: usize) -> Result<Value, Fail> {
        let at = self.pos;
        let b = self.u8()?;
        Ok(match b {
            0x00..=0x7f => Value::Int(i64::from(b)),
            0x80..=0x8f => return self.read_map(usize::from(b & 0x0f), depth, at),
            0x90..=0x9f => return self.read_array(usize::from(b & 0x0f), depth, at),
            0xa0..=0xbf => return self.read_str(usize::from(b & 0x1f)),
            0xc0 => Value::None,
            0xc1 => {
                return Err(value_error(
                    DecodeErrorKind::Syntax,
                    at,
                    "Unpack failed: invalid msgpack type byte 0xc1",
                ));
            }
            0xc2 => Value::Bool(false),
            0xc3 => Value::Bool(true),
            0xc4 => {
                let n = usize::from(self.u8()?);
                Value::Bytes(self.take(n)?.to_vec())
            }
            0xc5 => {
                let n = self.u16()?;
                Value::Bytes(self.take(n)?.to_vec())
            }
            0xc6 => {
                let n = self.u32()?;
                Value::Bytes(self.take(n)?.to_vec())
            }
            0xc7 => {
                let n = usize::from(self.u8()?);
                return self.read_ext(n, at);
            }
            0xc8 => {
                let n = self.u16()?;
                return self.read_ext(n, at);
            }
            0xc9 => {
                let n = self.u32()?;
                return self.read_ext(n, at);
            }
            0xca => Value::Float(f64::from(f32::from_be_bytes(self.array()?))),
            0xcb => Value::Float(f64::from_be_bytes(self.array()?)),
            0xcc => Value::Int(i64::from(self.u8()?)),
            0xcd => Value::Int(i64::from(u16::from_be_bytes(self.array()?))),
            0xce => Value::Int(i64::from(u32::from_be_bytes(self.array()?))),
            0xcf => {
                let n = u64::from_be_bytes(self.array()?);
                match i64::try_from(n) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::BigInt(n.to_string()),
                }
            }
            0xd0 => Value::Int(i64::from(i8::from_be_bytes(self.array()?))),
            0xd1 => Value::Int(i64::from(i16::from_be_bytes(self.array()?))),
            0xd2 => Value::Int(i64::from(i32::from_be_bytes(self.array()?))),
            0xd3 => Value::Int(i64::from_be_bytes(self.array()?)),
            0xd4 => return self.read_ext(1, at),
            0xd5 => return self.read_ext(2, at),
            0xd6 => return self.read_ext(4, at),
            0xd7 => return self.read_ext(8, at),
            0xd8 => return self.read_ext(16, at),
            0xd9 => {
                let n = usize::from(self.u8()?);
                return self.read_str(n);
            }
            0xda => {
                let n = self.u16()?;
                return self.read_str(n);
            }
            0xdb => {
                let n = self.u32()?;
                return self.read_str(n);
            }
            0xdc => {
                let n = self.u16()?;
                return self.read_array(n, depth, at);
            }
            0xdd => {
                let n = self.u32()?;
                return self.read_array(n, depth, at);
            }
            0xde => {
                let n = self.u16()?;
                return self.read_map(n, depth, at);
            }
            0xdf => {
                let n = self.u32()?;
                return self.read_map(n, depth, at);
            }
            0xe0..=0xff => Value::Int(i64::from(b as i8)),
        })
    }

    fn read_str(&mut self, n: usize) -> Result<Value, Fail> {
        let start = self.pos;
        let bytes = self.take(n)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Value::Str(s.to_owned())),
            Err(e) => Err(value_error(
                DecodeErrorKind::Utf8,
                start + e.valid_up_to(),
                utf8_error_text(bytes, &e),
            )),
        }
    }

    fn enter(&self, depth: usize, at: usize) -> Result<usize, Fail> {
        let inner = depth.saturating_add(1);
        if inner > self.limits.max_depth {
            return Err(value_error(
                DecodeErrorKind::Limit,
                at,
                format!(
                    "Unpack failed: msgpack data nested deeper than {}",
                    self.limits.max_depth
                ),
            ));
        }
        Ok(inner)
    }

    fn check_items(&self, n: usize, at: usize) -> Result<(), Fail> {
        if n > self.limits.max_items {
            return Err(value_error(
                DecodeErrorKind::Limit,
                at,
                format!(
                    "{n} exceeds the limit of {} items per container",
                    self.limits.max_items
                ),
            ));
        }
        Ok(())
    }

    fn read_array(&mut self, n: usize, depth: usize, at: usize) -> Result<Value, Fail> {
        let inner = self.enter(depth, at)?;
        // msgpack-python's unpackb sets max_array_len to the input length.
        if n > self.data.len() {
            return Err(value_error(
                DecodeErrorKind::Limit,
                at,
                format!("{n} exceeds max_array_len({})", self.data.len()),
            ));
        }
        self.check_items(n, at)?;
        let remaining = self.data.len().saturating_sub(self.pos);
        let mut items = Vec::with_capacity(n.min(remaining));
        for _ in 0..n {
            items.push(self.read(inner)?);
        }
        Ok(Value::List(items))
    }

    fn read_map(&mut self, n: usize, depth: usize, at: usize) -> Result<Value, Fail> {
        let inner = self.enter(depth, at)?;
        let max_map_len = self.data.len() / 2;
        if n > max_map_len {
            return Err(value_error(
                DecodeErrorKind::Limit,
                at,
                format!("{n} exceeds max_map_len({max_map_len})"),
            ));
        }
        self.check_items(n, at)?;
        let remaining = self.data.len().saturating_sub(self.pos);
        let mut pairs = Vec::with_capacity(n.min(remaining / 2));
        for _ in 0..n {
            let key_at = self.pos;
            let key = self.read(inner)?;
            let value = self.read(inner)?;
            // strict_map_key=True, checked once the pair is complete (as msgpack-python does).
            if !matches!(key, Value::Str(_) | Value::Bytes(_)) {
                return Err(value_error(
                    DecodeErrorKind::Syntax,
                    key_at,
                    format!(
                        "{} is not allowed for map key when strict_map_key=True",
                        key.type_name()
                    ),
                ));
            }
            pairs.push((key, value));
        }
        Ok(Value::Dict(dedup_pairs(pairs)))
    }

    /// An ext value of `n` data bytes: type byte, then data. Pyro's `ext_hook` decides.
    fn read_ext(&mut self, n: usize, at: usize) -> Result<Value, Fail> {
        let code = self.u8()? as i8;
        let data = self.take(n)?;
        match code {
            0x30 => {
                let Ok(raw) = <[u8; 16]>::try_from(data) else {
                    return Err(Box::new(DecodeError::new(
                        DecodeErrorKind::Syntax,
                        at,
                        "struct.error",
                        "unpack requires a buffer of 16 bytes",
                    )));
                };
                let mut re = [0u8; 8];
                let mut im = [0u8; 8];
                re.copy_from_slice(&raw[..8]);
                im.copy_from_slice(&raw[8..]);
                Ok(Value::Complex(
                    f64::from_le_bytes(re),
                    f64::from_le_bytes(im),
                ))
            }
            0x31 => python_int(data, at),
            0x32 | 0x33 => Err(value_error(
                DecodeErrorKind::Unsupported,
                at,
                format!(
                    "msgpack ext type {code} ({}) is not supported by this name server",
                    if code == 0x32 { "datetime" } else { "date" }
                ),
            )),
            -1 => Err(value_error(
                DecodeErrorKind::Unsupported,
                at,
                "msgpack timestamps (ext type -1) are not supported by this name server",
            )),
            _ => Err(Box::new(DecodeError::new(
                DecodeErrorKind::Unsupported,
                at,
                "Pyro5.errors.SerializeError",
                format!("invalid ext code for msgpack: {code}"),
            ))),
        }
    }
}

/// Python's `int(data)` for bytes: surrounding whitespace, an optional sign, decimal digits with
/// single underscores between them. Gives a canonical `Int` / `BigInt`.
fn python_int(data: &[u8], at: usize) -> Result<Value, Fail> {
    let invalid = || {
        value_error(
            DecodeErrorKind::Syntax,
            at,
            format!(
                "invalid literal for int() with base 10: {}",
                py_bytes_repr(data)
            ),
        )
    };
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let start = data.iter().position(|b| !is_space(b)).unwrap_or(data.len());
    let end = data
        .iter()
        .rposition(|b| !is_space(b))
        .map_or(start, |i| i + 1);
    let text = data.get(start..end).unwrap_or(&[]);
    let (negative, body) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if body.is_empty() || body.first() == Some(&b'_') || body.last() == Some(&b'_') {
        return Err(invalid());
    }
    let mut digits = String::with_capacity(body.len() + 1);
    if negative {
        digits.push('-');
    }
    let mut prev_underscore = false;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                digits.push(char::from(b));
                prev_underscore = false;
            }
            b'_' if !prev_underscore => prev_underscore = true,
            _ => return Err(invalid()),
        }
    }
    let count = digits.len() - usize::from(negative);
    if count > INT_MAX_STR_DIGITS {
        return Err(value_error(
            DecodeErrorKind::Limit,
            at,
            format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {count} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        ));
    }
    parse_decimal(&digits).ok_or_else(invalid)
}

/// Python's `repr(bytes)`.
fn py_bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

/// Append the msgpack form of `value`, byte for byte what Pyro5's MsgpackSerializer writes.
pub fn encode(value: &Value, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    write_value(value, out, 0)
}

fn not_serializable(class: &str) -> EncodeError {
    EncodeError::new(format!(
        "don't know how to serialize class <class '{class}'> using serializer \
         MsgpackSerializer. Give it vars() or an appropriate __getstate__"
    ))
}

fn write_value(value: &Value, out: &mut Vec<u8>, depth: usize) -> Result<(), EncodeError> {
    if depth > MAX_WRITE_DEPTH {
        return Err(EncodeError::new("recursion limit exceeded."));
    }
    match value {
        Value::None => out.push(0xc0),
        Value::Bool(false) => out.push(0xc2),
        Value::Bool(true) => out.push(0xc3),
        Value::Int(i) => write_int(*i, out),
        Value::BigInt(s) => match parse_decimal(s) {
            Some(Value::Int(i)) => write_int(i, out),
            Some(Value::BigInt(canonical)) => match canonical.parse::<u64>() {
                Ok(u) => {
                    out.push(0xcf);
                    out.extend_from_slice(&u.to_be_bytes());
                }
                Err(_) => write_ext(0x31, canonical.as_bytes(), out)?,
            },
            _ => {
                return Err(EncodeError::new(format!(
                    "invalid integer text for msgpack: {s:?}"
                )));
            }
        },
        Value::Float(f) => {
            out.push(0xcb);
            out.extend_from_slice(&f.to_be_bytes());
        }
        Value::Complex(re, im) => {
            let mut data = [0u8; 16];
            data[..8].copy_from_slice(&re.to_le_bytes());
            data[8..].copy_from_slice(&im.to_le_bytes());
            write_ext(0x30, &data, out)?;
        }
        Value::Str(s) => {
            let n = s.len();
            if n < 32 {
                out.push(0xa0 | n as u8);
            } else if let Ok(n) = u8::try_from(n) {
                out.extend_from_slice(&[0xd9, n]);
            } else if let Ok(n) = u16::try_from(n) {
                out.push(0xda);
                out.extend_from_slice(&n.to_be_bytes());
            } else {
                let n = u32::try_from(n)
                    .map_err(|_| EncodeError::new("unicode string is too large"))?;
                out.push(0xdb);
                out.extend_from_slice(&n.to_be_bytes());
            }
            out.extend_from_slice(s.as_bytes());
        }
        Value::Bytes(b) => {
            let n = b.len();
            if let Ok(n) = u8::try_from(n) {
                out.extend_from_slice(&[0xc4, n]);
            } else if let Ok(n) = u16::try_from(n) {
                out.push(0xc5);
                out.extend_from_slice(&n.to_be_bytes());
            } else {
                let n =
                    u32::try_from(n).map_err(|_| EncodeError::new("bytes object is too large"))?;
                out.push(0xc6);
                out.extend_from_slice(&n.to_be_bytes());
            }
            out.extend_from_slice(b);
        }
        Value::Tuple(items) | Value::List(items) | Value::Set(items) => {
            let n = items.len();
            if n < 16 {
                out.push(0x90 | n as u8);
            } else if let Ok(n) = u16::try_from(n) {
                out.push(0xdc);
                out.extend_from_slice(&n.to_be_bytes());
            } else {
                let n = u32::try_from(n).map_err(|_| EncodeError::new("list is too large"))?;
                out.push(0xdd);
                out.extend_from_slice(&n.to_be_bytes());
            }
            for item in items {
                write_value(item, out, depth + 1)?;
            }
        }
        Value::Dict(pairs) => {
            let n = pairs.len();
            if n < 16 {
                out.push(0x80 | n as u8);
            } else if let Ok(n) = u16::try_from(n) {
                out.push(0xde);
                out.extend_from_slice(&n.to_be_bytes());
            } else {
                let n = u32::try_from(n).map_err(|_| EncodeError::new("dict is too large"))?;
                out.push(0xdf);
                out.extend_from_slice(&n.to_be_bytes());
            }
            for (k, v) in pairs {
                write_value(k, out, depth + 1)?;
                write_value(v, out, depth + 1)?;
            }
        }
        Value::FrozenSet(_) => return Err(not_serializable("frozenset")),
        Value::Ellipsis => return Err(not_serializable("ellipsis")),
    }
    Ok(())
}

/// msgpack-python's choice: non-negative ints by magnitude (fixint, uint8..64), negative ones
/// fixint down to -32, then int8..64.
fn write_int(i: i64, out: &mut Vec<u8>) {
    if i >= 0 {
        let u = i as u64;
        if u < 0x80 {
            out.push(u as u8);
        } else if u < 0x100 {
            out.extend_from_slice(&[0xcc, u as u8]);
        } else if u < 0x1_0000 {
            out.push(0xcd);
            out.extend_from_slice(&(u as u16).to_be_bytes());
        } else if u < 0x1_0000_0000 {
            out.push(0xce);
            out.extend_from_slice(&(u as u32).to_be_bytes());
        } else {
            out.push(0xcf);
            out.extend_from_slice(&u.to_be_bytes());
        }
    } else if i >= -32 {
        out.push(i as i8 as u8);
    } else if i >= -128 {
        out.extend_from_slice(&[0xd0, i as i8 as u8]);
    } else if i >= -32768 {
        out.push(0xd1);
        out.extend_from_slice(&(i as i16).to_be_bytes());
    } else if i >= -(1 << 31) {
        out.push(0xd2);
        out.extend_from_slice(&(i as i32).to_be_bytes());
    } else {
        out.push(0xd3);
        out.extend_from_slice(&i.to_be_bytes());
    }
}

fn write_ext(code: u8, data: &[u8], out: &mut Vec<u8>) -> Result<(), EncodeError> {
    match data.len() {
        1 => out.push(0xd4),
        2 => out.push(0xd5),
        4 => out.push(0xd6),
        8 => out.push(0xd7),
        16 => out.push(0xd8),
        n => {
            if let Ok(n) = u8::try_from(n) {
                out.extend_from_slice(&[0xc7, n]);
            } else if let Ok(n) = u16::try_from(n) {
                out.push(0xc8);
                out.extend_from_slice(&n.to_be_bytes());
            } else {
                let n = u32::try_from(n).map_err(|_| EncodeError::new("EXT data is too large"))?;
                out.push(0xc9);
                out.extend_from_slice(&n.to_be_bytes());
            }
        }
    }
    out.push(code);
    out.extend_from_slice(data);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::marshal::test_support::*;
    use super::*;

    fn dec(hex_in: &str) -> Result<Value, DecodeError> {
        decode(&unhex(hex_in), &Limits::default())
    }

    fn enc(v: &Value) -> String {
        let mut out = Vec::new();
        encode(v, &mut out).expect("msgpack can write this value");
        hex(&out)
    }

    #[test]
    fn writes_what_python_packb_writes() {
        for (value, want) in python_packb() {
            assert_eq!(enc(&value), want, "encoding {value:?}");
        }
    }

    #[test]
    fn reads_what_python_unpackb_reads() {
        for (input, want) in python_unpackb() {
            match dec(input) {
                Ok(got) => assert_eq!(got, want, "decoding {input}"),
                Err(e) => panic!("decoding {input}: {e}"),
            }
        }
    }

    #[test]
    fn errors_match_python() {
        for (input, class, message) in python_errors() {
            match dec(input) {
                Ok(v) => panic!("{input} decoded to {v:?}, Python raised {message:?}"),
                Err(e) => {
                    assert_eq!(e.py_class, class, "input {input}: {e}");
                    if let Some(m) = message {
                        assert_eq!(e.message, m, "input {input}");
                    }
                }
            }
        }
    }

    #[test]
    fn writer_hand_computed_bytes() {
        let cases: Vec<(Value, &str)> = vec![
            (n(), "c0"),
            (b(true), "c3"),
            (i(200), "ccc8"),
            (i(-1), "ff"),
            (i(-33), "d0df"),
            (i(39090), "cd98b2"),
            (big("18446744073709551615"), "cfffffffffffffffff"),
            (
                big("1180591620717411303424"),
                "c716 31 31313830353931363230373137343131333033343234",
            ),
            (Value::Float(1.5), "cb3ff8000000000000"),
            (
                Value::Complex(1.0, 2.0),
                "d830 000000000000f03f 0000000000000040",
            ),
            (st(vec![i(1), i(2)]), "920102"),
            (t(vec![]), "90"),
            (by("00"), "c40100"),
            (s("é"), "a2c3a9"),
            // NamingError("unknown name: x") as in wire reference 6.1.
            (
                d(vec![
                    (s("__class__"), s("Pyro5.errors.NamingError")),
                    (s("__exception__"), b(true)),
                    (s("args"), t(vec![s("unknown name: x")])),
                    (s("attributes"), d(vec![])),
                ]),
                "84 a95f5f636c6173735f5f b85079726f352e6572726f72732e4e616d696e674572726f72 \
                 ad5f5f657863657074696f6e5f5f c3 a461726773 91af756e6b6e6f776e206e616d653a2078 \
                 aa61747472696275746573 80",
            ),
            // Non-str keys are written as given (Python's packer does not check).
            (d(vec![(i(1), i(2))]), "810102"),
        ];
        for (value, want) in cases {
            assert_eq!(enc(&value), hex(&unhex(want)), "encoding {value:?}");
        }
    }

    #[test]
    fn length_formats_switch_where_msgpack_python_switches() {
        let header = |v: &Value, n: usize| enc(v)[..n * 2].to_owned();
        assert_eq!(header(&s(&"x".repeat(31)), 1), "bf");
        assert_eq!(header(&s(&"x".repeat(32)), 2), "d920");
        assert_eq!(header(&s(&"x".repeat(255)), 2), "d9ff");
        assert_eq!(header(&s(&"x".repeat(256)), 3), "da0100");
        assert_eq!(header(&s(&"x".repeat(65535)), 3), "daffff");
        assert_eq!(header(&s(&"x".repeat(65536)), 5), "db00010000");
        assert_eq!(header(&by(&"00".repeat(255)), 2), "c4ff");
        assert_eq!(header(&by(&"00".repeat(256)), 3), "c50100");
        assert_eq!(header(&by(&"00".repeat(65536)), 5), "c600010000");
        assert_eq!(header(&l(vec![n(); 15]), 1), "9f");
        assert_eq!(header(&l(vec![n(); 16]), 3), "dc0010");
        assert_eq!(header(&l(vec![n(); 65536]), 5), "dd00010000");
        let map = |k: usize| d((0..k).map(|j| (s(&j.to_string()), n())).collect());
        assert_eq!(header(&map(15), 1), "8f");
        assert_eq!(header(&map(16), 3), "de0010");
        assert_eq!(header(&map(65536), 5), "df00010000");
        for v in [
            s(&"x".repeat(65536)),
            by(&"00".repeat(65536)),
            l(vec![n(); 65536]),
            map(65536),
        ] {
            let mut out = Vec::new();
            encode(&v, &mut out).expect("encode");
            assert_eq!(decode(&out, &Limits::default()).expect("decode"), v);
        }
    }

    #[test]
    fn unserializable_values_are_refused_with_pyro_text() {
        for (v, class) in [(fs(vec![]), "frozenset"), (el(), "ellipsis")] {
            let mut out = Vec::new();
            let e = encode(&l(vec![v]), &mut out).expect_err("refused");
            assert_eq!(
                e.message,
                format!(
                    "don't know how to serialize class <class '{class}'> using serializer \
                     MsgpackSerializer. Give it vars() or an appropriate __getstate__"
                )
            );
        }
    }

    #[test]
    fn errors_of_our_own() {
        let deep = format!("{}c0", "91".repeat(65));
        assert!(dec(&format!("{}c0", "91".repeat(64))).is_ok());
        let cases: Vec<(String, DecodeErrorKind)> = vec![
            (deep, DecodeErrorKind::Limit),
            ("d7ff0000000000000000".into(), DecodeErrorKind::Unsupported), // timestamp
            ("d7320000000000000000".into(), DecodeErrorKind::Unsupported), // datetime
            ("d6330000000000000000".into(), DecodeErrorKind::Unsupported), // date
            ("d405 00".into(), DecodeErrorKind::Unsupported),
            ("c1".into(), DecodeErrorKind::Syntax),
            ("a1ff".into(), DecodeErrorKind::Utf8),
            ("9201".into(), DecodeErrorKind::Eof),
            // Announced sizes far beyond the input: refused before allocating.
            ("ddffffffff c0c0c0c0c0".into(), DecodeErrorKind::Limit),
            ("dfffffffff c0c0c0c0c0".into(), DecodeErrorKind::Limit),
            ("dbffffffff c0c0c0c0c0".into(), DecodeErrorKind::Eof),
            ("c6ffffffff c0c0c0c0c0".into(), DecodeErrorKind::Eof),
            ("c9ffffffff 31c0c0c0c0".into(), DecodeErrorKind::Eof),
        ];
        for (input, kind) in cases {
            let e = dec(&input).expect_err(&input);
            assert_eq!(e.kind, kind, "{input}: {e}");
        }
        let limits = Limits {
            max_depth: 8,
            max_items: 2,
        };
        let e = decode(&unhex("93c0c0c0"), &limits).expect_err("3 > 2");
        assert_eq!((e.kind, e.offset), (DecodeErrorKind::Limit, 0));
        assert!(decode(&unhex("92c0c0"), &limits).is_ok());
    }

    #[test]
    fn duplicate_keys_keep_first_position_and_last_value() {
        let mut data = vec![0xde, 0x01, 0x00]; // map of 256 pairs: the hashed path
        for k in 0..256u32 {
            let key = format!("k{}", k % 128);
            data.push(0xa0 | key.len() as u8);
            data.extend_from_slice(key.as_bytes());
            data.extend_from_slice(&[0xcd, (k >> 8) as u8, k as u8]);
        }
        let want = d((0..128)
            .map(|k| (s(&format!("k{k}")), i(k + 128)))
            .collect());
        assert_eq!(decode(&data, &Limits::default()).expect("map"), want);
    }

    #[test]
    fn round_trips() {
        for v in sample_values() {
            let mut out = Vec::new();
            encode(&v, &mut out).expect("encode");
            let back = decode(&out, &Limits::default()).expect("decode");
            // msgpack has one sequence type: tuples and sets come back as lists.
            let want = match &v {
                Value::Tuple(x) | Value::Set(x) => l(x.clone()),
                Value::Dict(p) => d(p
                    .iter()
                    .map(|(k, x)| {
                        let x = match x {
                            Value::Tuple(y) => l(y.clone()),
                            other => other.clone(),
                        };
                        (k.clone(), x)
                    })
                    .collect()),
                other => other.clone(),
            };
            assert!(back.same(&want), "{v:?} came back as {back:?}");
        }
    }

    #[test]
    fn golden_payloads_decode_and_reencode_byte_identical() {
        let payloads = golden_payloads(4);
        assert!(
            payloads.len() > 150,
            "found only {} msgpack payloads",
            payloads.len()
        );
        for p in &payloads {
            let value = decode(&p.payload, &Limits::default())
                .unwrap_or_else(|e| panic!("{} {} {}: {e}", p.case, p.dir, p.msgtype));
            let mut out = Vec::new();
            encode(&value, &mut out).expect("re-encode");
            assert_eq!(
                hex(&out),
                hex(&p.payload),
                "{} {} {} flags {}",
                p.case,
                p.dir,
                p.msgtype,
                p.flags
            );
        }
    }

    #[test]
    fn never_panics_on_damaged_input() {
        for p in golden_payloads(4).iter().take(60) {
            hammer(&p.payload, decode);
        }
        for (input, _) in python_unpackb() {
            hammer(&unhex(input), decode);
        }
    }

    // ---- Tables generated with msgpack-python 1.2.4 and Pyro5 5.17's MsgpackSerializer ----
    // python_packb: v -> MsgpackSerializer().dumps(v)  (packb(use_bin_type=True, default=...))
    // python_unpackb: bytes -> unpackb(raw=False, ext_hook=Pyro's ext_hook)
    // python_errors: input -> (class as the client sees it, str(exception) or None when
    //   msgpack-python's message is empty: FormatError / StackError)

    #[rustfmt::skip]
    fn python_packb() -> Vec<(Value, &'static str)> {
        vec![
            (n(), "c0"),
            (b(true), "c3"),
            (b(false), "c2"),
            (i(0), "00"),
            (i(1), "01"),
            (i(-1), "ff"),
            (i(5), "05"),
            (i(127), "7f"),
            (i(128), "cc80"),
            (i(255), "ccff"),
            (i(256), "cd0100"),
            (i(-31), "e1"),
            (i(-32), "e0"),
            (i(-33), "d0df"),
            (i(-127), "d081"),
            (i(-128), "d080"),
            (i(-129), "d1ff7f"),
            (i(32767), "cd7fff"),
            (i(32768), "cd8000"),
            (i(-32768), "d18000"),
            (i(-32769), "d2ffff7fff"),
            (i(65535), "cdffff"),
            (i(65536), "ce00010000"),
            (i(2147483647), "ce7fffffff"),
            (i(2147483648), "ce80000000"),
            (i(-2147483648), "d280000000"),
            (i(-2147483649), "d3ffffffff7fffffff"),
            (i(4294967295), "ceffffffff"),
            (i(4294967296), "cf0000000100000000"),
            (i(4611686018427387904), "cf4000000000000000"),
            (i(9223372036854775807), "cf7fffffffffffffff"),
            (i(-9223372036854775808), "d38000000000000000"),
            (big("9223372036854775808"), "cf8000000000000000"),
            (big("18446744073709551615"), "cfffffffffffffffff"),
            (big("18446744073709551616"), "c714313138343436373434303733373039353531363136"),
            (big("-9223372036854775809"), "c714312d39323233333732303336383534373735383039"),
            (big("-18446744073709551616"), "c715312d3138343436373434303733373039353531363136"),
            (big("1000000000000000000000000000000"), "c71f3131303030303030303030303030303030303030303030303030303030303030"),
            (big("-1000000000000000000000000000000"), "c720312d31303030303030303030303030303030303030303030303030303030303030"),
            (big("1606938044258990275541962092341162602522202993782792835313721"), "c73d3131363036393338303434323538393930323735353431393632303932333431313632363032353232323032393933373832373932383335333133373231"),
            (big("-369988485035126972924700782451696644186473100389722973815184405301748249"), "c749312d333639393838343835303335313236393732393234373030373832343531363936363434313836343733313030333839373232393733383135313834343035333031373438323439"),
            (fl(0x0000000000000000), "cb0000000000000000"),
            (fl(0x8000000000000000), "cb8000000000000000"),
            (fl(0x3ff8000000000000), "cb3ff8000000000000"),
            (fl(0x3fb999999999999a), "cb3fb999999999999a"),
            (fl(0xc004000000000000), "cbc004000000000000"),
            (fl(0x4341c37937e08000), "cb4341c37937e08000"),
            (fl(0x430c6bf526340000), "cb430c6bf526340000"),
            (fl(0x3e8421f5f40d8376), "cb3e8421f5f40d8376"),
            (fl(0x7e37e43c8800759c), "cb7e37e43c8800759c"),
            (fl(0x0000000000000001), "cb0000000000000001"),
            (fl(0x7fefffffffffffff), "cb7fefffffffffffff"),
            (fl(0x419d6f3454800000), "cb419d6f3454800000"),
            (fl(0x7ff0000000000000), "cb7ff0000000000000"),
            (fl(0xfff0000000000000), "cbfff0000000000000"),
            (s(""), "a0"),
            (s("a"), "a161"),
            (s("Pyro.NameServer"), "af5079726f2e4e616d65536572766572"),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "bf78787878787878787878787878787878787878787878787878787878787878"),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "d9207878787878787878787878787878787878787878787878787878787878787878"),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "d9ff787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "da010078787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"),
            (s("\u{e9}"), "a2c3a9"),
            (s("\u{ff}"), "a2c3bf"),
            (s("\u{100}"), "a2c480"),
            (s("\u{1f600}"), "a4f09f9880"),
            (s("na\u{ef}ve caf\u{e9}"), "ac6e61c3af766520636166c3a9"),
            (s("\u{2028}\u{2029}"), "a6e280a8e280a9"),
            (s("ctrl\u{0}\u{1}\u{1f}\u{7f}"), "a86374726c00011f7f"),
            (s("\"\\/\u{8}\u{c}\u{a}\u{d}\u{9}"), "a8225c2f080c0a0d09"),
            (s("it's"), "a469742773"),
            (s("tab\u{9}here"), "a87461620968657265"),
            (s("\u{e000}"), "a3ee8080"),
            (by(""), "c400"),
            (by("00ff"), "c40200ff"),
            (by("616263"), "c403616263"),
            (by("787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), "c4ff787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"),
            (by("78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"), "c5010078787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878"),
            (t(vec![]), "90"),
            (t(vec![i(1)]), "9101"),
            (t(vec![i(1), s("a")]), "9201a161"),
            (t(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19), i(20), i(21), i(22), i(23), i(24), i(25), i(26), i(27), i(28), i(29), i(30), i(31), i(32), i(33), i(34), i(35), i(36), i(37), i(38), i(39), i(40), i(41), i(42), i(43), i(44), i(45), i(46), i(47), i(48), i(49), i(50), i(51), i(52), i(53), i(54), i(55), i(56), i(57), i(58), i(59), i(60), i(61), i(62), i(63), i(64), i(65), i(66), i(67), i(68), i(69), i(70), i(71), i(72), i(73), i(74), i(75), i(76), i(77), i(78), i(79), i(80), i(81), i(82), i(83), i(84), i(85), i(86), i(87), i(88), i(89), i(90), i(91), i(92), i(93), i(94), i(95), i(96), i(97), i(98), i(99), i(100), i(101), i(102), i(103), i(104), i(105), i(106), i(107), i(108), i(109), i(110), i(111), i(112), i(113), i(114), i(115), i(116), i(117), i(118), i(119), i(120), i(121), i(122), i(123), i(124), i(125), i(126), i(127), i(128), i(129), i(130), i(131), i(132), i(133), i(134), i(135), i(136), i(137), i(138), i(139), i(140), i(141), i(142), i(143), i(144), i(145), i(146), i(147), i(148), i(149), i(150), i(151), i(152), i(153), i(154), i(155), i(156), i(157), i(158), i(159), i(160), i(161), i(162), i(163), i(164), i(165), i(166), i(167), i(168), i(169), i(170), i(171), i(172), i(173), i(174), i(175), i(176), i(177), i(178), i(179), i(180), i(181), i(182), i(183), i(184), i(185), i(186), i(187), i(188), i(189), i(190), i(191), i(192), i(193), i(194), i(195), i(196), i(197), i(198), i(199), i(200), i(201), i(202), i(203), i(204), i(205), i(206), i(207), i(208), i(209), i(210), i(211), i(212), i(213), i(214), i(215), i(216), i(217), i(218), i(219), i(220), i(221), i(222), i(223), i(224), i(225), i(226), i(227), i(228), i(229), i(230), i(231), i(232), i(233), i(234), i(235), i(236), i(237), i(238), i(239), i(240), i(241), i(242), i(243), i(244), i(245), i(246), i(247), i(248), i(249), i(250), i(251), i(252), i(253), i(254), i(255), i(256), i(257), i(258), i(259), i(260), i(261), i(262), i(263), i(264), i(265), i(266), i(267), i(268), i(269), i(270), i(271), i(272), i(273), i(274), i(275), i(276), i(277), i(278), i(279), i(280), i(281), i(282), i(283), i(284), i(285), i(286), i(287), i(288), i(289), i(290), i(291), i(292), i(293), i(294), i(295), i(296), i(297), i(298), i(299)]), "dc012c000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7fcc80cc81cc82cc83cc84cc85cc86cc87cc88cc89cc8acc8bcc8ccc8dcc8ecc8fcc90cc91cc92cc93cc94cc95cc96cc97cc98cc99cc9acc9bcc9ccc9dcc9ecc9fcca0cca1cca2cca3cca4cca5cca6cca7cca8cca9ccaaccabccacccadccaeccafccb0ccb1ccb2ccb3ccb4ccb5ccb6ccb7ccb8ccb9ccbaccbbccbcccbdccbeccbfccc0ccc1ccc2ccc3ccc4ccc5ccc6ccc7ccc8ccc9cccacccbcccccccdcccecccfccd0ccd1ccd2ccd3ccd4ccd5ccd6ccd7ccd8ccd9ccdaccdbccdcccddccdeccdfcce0cce1cce2cce3cce4cce5cce6cce7cce8cce9cceaccebccecccedcceeccefccf0ccf1ccf2ccf3ccf4ccf5ccf6ccf7ccf8ccf9ccfaccfbccfcccfdccfeccffcd0100cd0101cd0102cd0103cd0104cd0105cd0106cd0107cd0108cd0109cd010acd010bcd010ccd010dcd010ecd010fcd0110cd0111cd0112cd0113cd0114cd0115cd0116cd0117cd0118cd0119cd011acd011bcd011ccd011dcd011ecd011fcd0120cd0121cd0122cd0123cd0124cd0125cd0126cd0127cd0128cd0129cd012acd012b"),
            (l(vec![]), "90"),
            (l(vec![i(1), l(vec![i(2), l(vec![i(3)])])]), "920192029103"),
            (l(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19)]), "dc0014000102030405060708090a0b0c0d0e0f10111213"),
            (d(vec![]), "80"),
            (d(vec![(s("a"), i(1)), (s("b"), l(vec![i(1), i(2)]))]), "82a16101a162920102"),
            (d(vec![(s("k0"), i(0)), (s("k1"), i(1)), (s("k2"), i(2)), (s("k3"), i(3)), (s("k4"), i(4)), (s("k5"), i(5)), (s("k6"), i(6)), (s("k7"), i(7)), (s("k8"), i(8)), (s("k9"), i(9)), (s("k10"), i(10)), (s("k11"), i(11)), (s("k12"), i(12)), (s("k13"), i(13)), (s("k14"), i(14)), (s("k15"), i(15))]), "de0010a26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909a36b31300aa36b31310ba36b31320ca36b31330da36b31340ea36b31350f"),
            (d(vec![(s("s"), st(vec![i(1), i(2), i(3)]))]), "81a17393010203"),
            (d(vec![(s("s"), st(vec![]))]), "81a17390"),
            (st(vec![]), "90"),
            (st(vec![i(1)]), "9101"),
            (st(vec![s("printer"), s("class:demo.Printer")]), "92a77072696e746572b2636c6173733a64656d6f2e5072696e746572"),
            (cx(0x3ff0000000000000, 0x4000000000000000), "d830000000000000f03f0000000000000040"),
            (cx(0x8000000000000000, 0x7ff0000000000000), "d8300000000000000080000000000000f07f"),
            (d(vec![(s("__class__"), s("Pyro5.core.URI")), (s("state"), t(vec![s("PYRO"), s("Pyro.NameServer"), n(), s("127.0.0.1"), i(39090)]))]), "82a95f5f636c6173735f5fae5079726f352e636f72652e555249a5737461746595a45059524faf5079726f2e4e616d65536572766572c0a93132372e302e302e31cd98b2"),
            (d(vec![(s("__class__"), s("Pyro5.errors.NamingError")), (s("__exception__"), b(true)), (s("args"), t(vec![s("unknown name: x")])), (s("attributes"), d(vec![]))]), "84a95f5f636c6173735f5fb85079726f352e6572726f72732e4e616d696e674572726f72ad5f5f657863657074696f6e5f5fc3a46172677391af756e6b6e6f776e206e616d653a2078aa6174747269627574657380"),
            (t(vec![s("Pyro.NameServer"), s("lookup"), l(vec![s("Pyro.NameServer")]), d(vec![])]), "94af5079726f2e4e616d65536572766572a66c6f6f6b757091af5079726f2e4e616d6553657276657280"),
            (t(vec![s("Pyro.NameServer"), s("list"), l(vec![]), d(vec![(s("return_metadata"), b(true))])]), "94af5079726f2e4e616d65536572766572a46c6973749081af72657475726e5f6d65746164617461c3"),
            (t(vec![l(vec![i(1), i(2)]), l(vec![i(1), i(2)])]), "92920102920102"),
            (l(vec![s("sharedsharedshared"), s("sharedsharedshared"), s("sharedsharedshared")]), "93b2736861726564736861726564736861726564b2736861726564736861726564736861726564b2736861726564736861726564736861726564"),
            (d(vec![(s("k1"), d(vec![(s("a"), i(1))])), (s("k2"), d(vec![(s("a"), i(1))]))]), "82a26b3181a16101a26b3281a16101"),
            (l(vec![l(vec![l(vec![l(vec![l(vec![])])])])]), "9191919190"),
            (d(vec![(s("nested"), d(vec![(s("deeper"), d(vec![(s("deepest"), l(vec![n(), b(true), fl(0x3ff8000000000000)]))]))]))]), "81a66e657374656481a664656570657281a76465657065737493c0c3cb3ff8000000000000"),
            (d(vec![(i(1), s("x")), (fl(0x4004000000000000), n()), (t(vec![i(1), i(2)]), b(true)), (s("k"), by("76")), (n(), i(0)), (b(false), i(1))]), "8601a178cb4004000000000000c0920102c3a16bc40176c000c201"),
        ]
    }

    #[rustfmt::skip]
    fn python_unpackb() -> Vec<(&'static str, Value)> {
        vec![
            ("c0", n()),
            ("c3", b(true)),
            ("c2", b(false)),
            ("00", i(0)),
            ("01", i(1)),
            ("ff", i(-1)),
            ("05", i(5)),
            ("7f", i(127)),
            ("cc80", i(128)),
            ("ccff", i(255)),
            ("cd0100", i(256)),
            ("e1", i(-31)),
            ("e0", i(-32)),
            ("d0df", i(-33)),
            ("d081", i(-127)),
            ("d080", i(-128)),
            ("d1ff7f", i(-129)),
            ("cd7fff", i(32767)),
            ("cd8000", i(32768)),
            ("d18000", i(-32768)),
            ("d2ffff7fff", i(-32769)),
            ("cdffff", i(65535)),
            ("ce00010000", i(65536)),
            ("ce7fffffff", i(2147483647)),
            ("ce80000000", i(2147483648)),
            ("d280000000", i(-2147483648)),
            ("d3ffffffff7fffffff", i(-2147483649)),
            ("ceffffffff", i(4294967295)),
            ("cf0000000100000000", i(4294967296)),
            ("cf4000000000000000", i(4611686018427387904)),
            ("cf7fffffffffffffff", i(9223372036854775807)),
            ("d38000000000000000", i(-9223372036854775808)),
            ("cf8000000000000000", big("9223372036854775808")),
            ("cfffffffffffffffff", big("18446744073709551615")),
            ("c714313138343436373434303733373039353531363136", big("18446744073709551616")),
            ("c714312d39323233333732303336383534373735383039", big("-9223372036854775809")),
            ("c715312d3138343436373434303733373039353531363136", big("-18446744073709551616")),
            ("c71f3131303030303030303030303030303030303030303030303030303030303030", big("1000000000000000000000000000000")),
            ("c720312d31303030303030303030303030303030303030303030303030303030303030", big("-1000000000000000000000000000000")),
            ("c73d3131363036393338303434323538393930323735353431393632303932333431313632363032353232323032393933373832373932383335333133373231", big("1606938044258990275541962092341162602522202993782792835313721")),
            ("c749312d333639393838343835303335313236393732393234373030373832343531363936363434313836343733313030333839373232393733383135313834343035333031373438323439", big("-369988485035126972924700782451696644186473100389722973815184405301748249")),
            ("cb0000000000000000", fl(0x0000000000000000)),
            ("cb8000000000000000", fl(0x8000000000000000)),
            ("cb3ff8000000000000", fl(0x3ff8000000000000)),
            ("cb3fb999999999999a", fl(0x3fb999999999999a)),
            ("cbc004000000000000", fl(0xc004000000000000)),
            ("cb4341c37937e08000", fl(0x4341c37937e08000)),
            ("cb430c6bf526340000", fl(0x430c6bf526340000)),
            ("cb3e8421f5f40d8376", fl(0x3e8421f5f40d8376)),
            ("cb7e37e43c8800759c", fl(0x7e37e43c8800759c)),
            ("cb0000000000000001", fl(0x0000000000000001)),
            ("cb7fefffffffffffff", fl(0x7fefffffffffffff)),
            ("cb419d6f3454800000", fl(0x419d6f3454800000)),
            ("cb7ff0000000000000", fl(0x7ff0000000000000)),
            ("cbfff0000000000000", fl(0xfff0000000000000)),
            ("a0", s("")),
            ("a161", s("a")),
            ("af5079726f2e4e616d65536572766572", s("Pyro.NameServer")),
            ("bf78787878787878787878787878787878787878787878787878787878787878", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("d9207878787878787878787878787878787878787878787878787878787878787878", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("d9ff787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("da010078787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("a2c3a9", s("\u{e9}")),
            ("a2c3bf", s("\u{ff}")),
            ("a2c480", s("\u{100}")),
            ("a4f09f9880", s("\u{1f600}")),
            ("ac6e61c3af766520636166c3a9", s("na\u{ef}ve caf\u{e9}")),
            ("a6e280a8e280a9", s("\u{2028}\u{2029}")),
            ("a86374726c00011f7f", s("ctrl\u{0}\u{1}\u{1f}\u{7f}")),
            ("a8225c2f080c0a0d09", s("\"\\/\u{8}\u{c}\u{a}\u{d}\u{9}")),
            ("a469742773", s("it's")),
            ("a87461620968657265", s("tab\u{9}here")),
            ("a3ee8080", s("\u{e000}")),
            ("c400", by("")),
            ("c40200ff", by("00ff")),
            ("c403616263", by("616263")),
            ("c4ff787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878", by("787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878")),
            ("c5010078787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878", by("78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878")),
            ("90", l(vec![])),
            ("9101", l(vec![i(1)])),
            ("9201a161", l(vec![i(1), s("a")])),
            ("dc012c000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7fcc80cc81cc82cc83cc84cc85cc86cc87cc88cc89cc8acc8bcc8ccc8dcc8ecc8fcc90cc91cc92cc93cc94cc95cc96cc97cc98cc99cc9acc9bcc9ccc9dcc9ecc9fcca0cca1cca2cca3cca4cca5cca6cca7cca8cca9ccaaccabccacccadccaeccafccb0ccb1ccb2ccb3ccb4ccb5ccb6ccb7ccb8ccb9ccbaccbbccbcccbdccbeccbfccc0ccc1ccc2ccc3ccc4ccc5ccc6ccc7ccc8ccc9cccacccbcccccccdcccecccfccd0ccd1ccd2ccd3ccd4ccd5ccd6ccd7ccd8ccd9ccdaccdbccdcccddccdeccdfcce0cce1cce2cce3cce4cce5cce6cce7cce8cce9cceaccebccecccedcceeccefccf0ccf1ccf2ccf3ccf4ccf5ccf6ccf7ccf8ccf9ccfaccfbccfcccfdccfeccffcd0100cd0101cd0102cd0103cd0104cd0105cd0106cd0107cd0108cd0109cd010acd010bcd010ccd010dcd010ecd010fcd0110cd0111cd0112cd0113cd0114cd0115cd0116cd0117cd0118cd0119cd011acd011bcd011ccd011dcd011ecd011fcd0120cd0121cd0122cd0123cd0124cd0125cd0126cd0127cd0128cd0129cd012acd012b", l(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19), i(20), i(21), i(22), i(23), i(24), i(25), i(26), i(27), i(28), i(29), i(30), i(31), i(32), i(33), i(34), i(35), i(36), i(37), i(38), i(39), i(40), i(41), i(42), i(43), i(44), i(45), i(46), i(47), i(48), i(49), i(50), i(51), i(52), i(53), i(54), i(55), i(56), i(57), i(58), i(59), i(60), i(61), i(62), i(63), i(64), i(65), i(66), i(67), i(68), i(69), i(70), i(71), i(72), i(73), i(74), i(75), i(76), i(77), i(78), i(79), i(80), i(81), i(82), i(83), i(84), i(85), i(86), i(87), i(88), i(89), i(90), i(91), i(92), i(93), i(94), i(95), i(96), i(97), i(98), i(99), i(100), i(101), i(102), i(103), i(104), i(105), i(106), i(107), i(108), i(109), i(110), i(111), i(112), i(113), i(114), i(115), i(116), i(117), i(118), i(119), i(120), i(121), i(122), i(123), i(124), i(125), i(126), i(127), i(128), i(129), i(130), i(131), i(132), i(133), i(134), i(135), i(136), i(137), i(138), i(139), i(140), i(141), i(142), i(143), i(144), i(145), i(146), i(147), i(148), i(149), i(150), i(151), i(152), i(153), i(154), i(155), i(156), i(157), i(158), i(159), i(160), i(161), i(162), i(163), i(164), i(165), i(166), i(167), i(168), i(169), i(170), i(171), i(172), i(173), i(174), i(175), i(176), i(177), i(178), i(179), i(180), i(181), i(182), i(183), i(184), i(185), i(186), i(187), i(188), i(189), i(190), i(191), i(192), i(193), i(194), i(195), i(196), i(197), i(198), i(199), i(200), i(201), i(202), i(203), i(204), i(205), i(206), i(207), i(208), i(209), i(210), i(211), i(212), i(213), i(214), i(215), i(216), i(217), i(218), i(219), i(220), i(221), i(222), i(223), i(224), i(225), i(226), i(227), i(228), i(229), i(230), i(231), i(232), i(233), i(234), i(235), i(236), i(237), i(238), i(239), i(240), i(241), i(242), i(243), i(244), i(245), i(246), i(247), i(248), i(249), i(250), i(251), i(252), i(253), i(254), i(255), i(256), i(257), i(258), i(259), i(260), i(261), i(262), i(263), i(264), i(265), i(266), i(267), i(268), i(269), i(270), i(271), i(272), i(273), i(274), i(275), i(276), i(277), i(278), i(279), i(280), i(281), i(282), i(283), i(284), i(285), i(286), i(287), i(288), i(289), i(290), i(291), i(292), i(293), i(294), i(295), i(296), i(297), i(298), i(299)])),
            ("90", l(vec![])),
            ("920192029103", l(vec![i(1), l(vec![i(2), l(vec![i(3)])])])),
            ("dc0014000102030405060708090a0b0c0d0e0f10111213", l(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19)])),
            ("80", d(vec![])),
            ("82a16101a162920102", d(vec![(s("a"), i(1)), (s("b"), l(vec![i(1), i(2)]))])),
            ("de0010a26b3000a26b3101a26b3202a26b3303a26b3404a26b3505a26b3606a26b3707a26b3808a26b3909a36b31300aa36b31310ba36b31320ca36b31330da36b31340ea36b31350f", d(vec![(s("k0"), i(0)), (s("k1"), i(1)), (s("k2"), i(2)), (s("k3"), i(3)), (s("k4"), i(4)), (s("k5"), i(5)), (s("k6"), i(6)), (s("k7"), i(7)), (s("k8"), i(8)), (s("k9"), i(9)), (s("k10"), i(10)), (s("k11"), i(11)), (s("k12"), i(12)), (s("k13"), i(13)), (s("k14"), i(14)), (s("k15"), i(15))])),
            ("81a17393010203", d(vec![(s("s"), l(vec![i(1), i(2), i(3)]))])),
            ("81a17390", d(vec![(s("s"), l(vec![]))])),
            ("90", l(vec![])),
            ("9101", l(vec![i(1)])),
            ("92a77072696e746572b2636c6173733a64656d6f2e5072696e746572", l(vec![s("printer"), s("class:demo.Printer")])),
            ("d830000000000000f03f0000000000000040", cx(0x3ff0000000000000, 0x4000000000000000)),
            ("d8300000000000000080000000000000f07f", cx(0x8000000000000000, 0x7ff0000000000000)),
            ("82a95f5f636c6173735f5fae5079726f352e636f72652e555249a5737461746595a45059524faf5079726f2e4e616d65536572766572c0a93132372e302e302e31cd98b2", d(vec![(s("__class__"), s("Pyro5.core.URI")), (s("state"), l(vec![s("PYRO"), s("Pyro.NameServer"), n(), s("127.0.0.1"), i(39090)]))])),
            ("84a95f5f636c6173735f5fb85079726f352e6572726f72732e4e616d696e674572726f72ad5f5f657863657074696f6e5f5fc3a46172677391af756e6b6e6f776e206e616d653a2078aa6174747269627574657380", d(vec![(s("__class__"), s("Pyro5.errors.NamingError")), (s("__exception__"), b(true)), (s("args"), l(vec![s("unknown name: x")])), (s("attributes"), d(vec![]))])),
            ("94af5079726f2e4e616d65536572766572a66c6f6f6b757091af5079726f2e4e616d6553657276657280", l(vec![s("Pyro.NameServer"), s("lookup"), l(vec![s("Pyro.NameServer")]), d(vec![])])),
            ("94af5079726f2e4e616d65536572766572a46c6973749081af72657475726e5f6d65746164617461c3", l(vec![s("Pyro.NameServer"), s("list"), l(vec![]), d(vec![(s("return_metadata"), b(true))])])),
            ("92920102920102", l(vec![l(vec![i(1), i(2)]), l(vec![i(1), i(2)])])),
            ("93b2736861726564736861726564736861726564b2736861726564736861726564736861726564b2736861726564736861726564736861726564", l(vec![s("sharedsharedshared"), s("sharedsharedshared"), s("sharedsharedshared")])),
            ("82a26b3181a16101a26b3281a16101", d(vec![(s("k1"), d(vec![(s("a"), i(1))])), (s("k2"), d(vec![(s("a"), i(1))]))])),
            ("9191919190", l(vec![l(vec![l(vec![l(vec![l(vec![])])])])])),
            ("81a66e657374656481a664656570657281a76465657065737493c0c3cb3ff8000000000000", d(vec![(s("nested"), d(vec![(s("deeper"), d(vec![(s("deepest"), l(vec![n(), b(true), fl(0x3ff8000000000000)]))]))]))])),
            ("ca3fc00000", fl(0x3ff8000000000000)),
            ("ca7f800000", fl(0x7ff0000000000000)),
            ("d005", i(5)),
            ("d10005", i(5)),
            ("d200000005", i(5)),
            ("d30000000000000005", i(5)),
            ("cc05", i(5)),
            ("cd0005", i(5)),
            ("ce00000005", i(5)),
            ("cf0000000000000005", i(5)),
            ("d90161", s("a")),
            ("da000161", s("a")),
            ("db0000000161", s("a")),
            ("c5000161", by("61")),
            ("c60000000161", by("61")),
            ("dc0001c0", l(vec![n()])),
            ("dd00000001c0", l(vec![n()])),
            ("de0001a161c0", d(vec![(s("a"), n())])),
            ("df00000001a161c0", d(vec![(s("a"), n())])),
            ("c703312d3037", i(-7)),
            ("c7043120313220", i(12)),
            ("c70531315f303030", i(1000)),
            ("c702312b35", i(5)),
            ("d43130", i(0)),
            ("c8001030000000000000f83f00000000000000c0", cx(0x3ff8000000000000, 0xc000000000000000)),
            ("81c4016b01", d(vec![(by("6b"), i(1))])),
            ("82a16101a16102", d(vec![(s("a"), i(2))])),
            ("83a16101c4016102a16103", d(vec![(s("a"), i(3)), (by("61"), i(2))])),
            ("c714312d39323233333732303336383534373735383038", i(-9223372036854775808)),
            ("c714313138343436373434303733373039353531363135", big("18446744073709551615")),
        ]
    }

    #[rustfmt::skip]
    fn python_errors() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
        vec![
            ("", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("9201", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("c1", "builtins.ValueError", None),
            ("0102", "builtins.ValueError", Some("unpack(b) received extra data.")),
            ("810102", "builtins.ValueError", Some("int is not allowed for map key when strict_map_key=True")),
            ("81c002", "builtins.ValueError", Some("NoneType is not allowed for map key when strict_map_key=True")),
            ("81c302", "builtins.ValueError", Some("bool is not allowed for map key when strict_map_key=True")),
            ("81cb000000000000000002", "builtins.ValueError", Some("float is not allowed for map key when strict_map_key=True")),
            ("81910102", "builtins.ValueError", Some("list is not allowed for map key when strict_map_key=True")),
            ("818002", "builtins.ValueError", Some("dict is not allowed for map key when strict_map_key=True")),
            ("a1ff", "builtins.ValueError", Some("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")),
            ("a3eda080", "builtins.ValueError", Some("'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte")),
            ("a2e4b8", "builtins.ValueError", Some("'utf-8' codec can't decode bytes in position 0-1: unexpected end of data")),
            ("d40500", "Pyro5.errors.SerializeError", Some("invalid ext code for msgpack: 5")),
            ("c70331616263", "builtins.ValueError", Some("invalid literal for int() with base 10: b'abc'")),
            ("c704315f5f30", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("c70031", "builtins.ValueError", Some("invalid literal for int() with base 10: b''")),
            ("c701312d", "builtins.ValueError", Some("invalid literal for int() with base 10: b'-'")),
            ("d5300000", "struct.error", Some("unpack requires a buffer of 16 bytes")),
            ("ddffffffff", "builtins.ValueError", Some("4294967295 exceeds max_array_len(5)")),
            ("dcffff01", "builtins.ValueError", Some("65535 exceeds max_array_len(4)")),
            ("9f0102", "builtins.ValueError", Some("15 exceeds max_array_len(3)")),
            ("8fa16101", "builtins.ValueError", Some("15 exceeds max_map_len(2)")),
            ("dfffffffff0000", "builtins.ValueError", Some("4294967295 exceeds max_map_len(3)")),
            ("d9056162", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("c4056162", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("cb00", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("cd01", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("d830", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("c710", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("81a161", "builtins.ValueError", Some("Unpack failed: incomplete input")),
            ("d47f00", "Pyro5.errors.SerializeError", Some("invalid ext code for msgpack: 127")),
            ("91c1", "builtins.ValueError", None),
            ("8101c1", "builtins.ValueError", None),
            ("c70331fffe27", "builtins.ValueError", Some("invalid literal for int() with base 10: b\"\\xff\\xfe'\"")),
            ("c702312722", "builtins.ValueError", Some("invalid literal for int() with base 10: b'\\'\"'")),
            ("81d8300000000000000000000000000000000001", "builtins.ValueError", Some("complex is not allowed for map key when strict_map_key=True")),
            ("81c714312d3932323333373230333638353437373538303901", "builtins.ValueError", Some("int is not allowed for map key when strict_map_key=True")),
        ]
    }
}
