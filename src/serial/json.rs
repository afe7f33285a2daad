//! json reader and writer (serializer id 3), as Pyro5 5.17's JsonSerializer uses Python's
//! `json` module.
//!
//! Owns: the reader grammar of CPython's `json.loads` (RFC 8259 plus `NaN`, `Infinity`,
//! `-Infinity`, integers of any size, duplicate keys: last wins) with its error texts
//! ("Expecting value: line 1 column 1 (char 0)"), and the exact output of
//! `json.dumps(value, ensure_ascii=False)` with Pyro's `default` hook (sets as arrays; bytes,
//! complex, frozenset and Ellipsis refused with Pyro's SerializeError text).
//!
//! Must not: do I/O, read the clock, panic on any input, or use `unsafe`.

use std::cell::Cell;
use std::io::Write as _;

use super::marshal::{INT_MAX_STR_DIGITS, dedup_pairs, parse_decimal, utf8_error_text};
use super::value::py_float_repr;
use super::{DecodeError, DecodeErrorKind, EncodeError, Limits, Value};

/// Errors travel boxed inside the reader: it keeps every `Result` small on the hot path.
type Fail = Box<DecodeError>;

/// Python raises `json.decoder.JSONDecodeError`, which a Pyro client cannot rebuild from an
/// error reply; its base class `ValueError` keeps the message and `except ValueError` working.
/// Invalid UTF-8 and the int digit limit are `ValueError`s in Python too.
const VALUE_ERROR: &str = "builtins.ValueError";

/// CPython's default recursion limit, which bounds its json encoder.
const MAX_WRITE_DEPTH: usize = 1000;

// ---------------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------------

/// Read one json document (UTF-8). Whitespace may surround it; nothing else may follow.
pub fn decode(data: &[u8], limits: &Limits) -> Result<Value, DecodeError> {
    decode_document(data, limits).map_err(|e| *e)
}

fn decode_document(data: &[u8], limits: &Limits) -> Result<Value, Fail> {
    let text = match std::str::from_utf8(data) {
        Ok(t) => t,
        Err(e) => {
            return Err(Box::new(DecodeError::new(
                DecodeErrorKind::Utf8,
                e.valid_up_to(),
                VALUE_ERROR,
                utf8_error_text(data, &e),
            )));
        }
    };
    let p = Parser {
        text,
        data,
        limits: *limits,
        lone_surrogate: Cell::new(None),
    };
    if text.starts_with('\u{feff}') {
        return Err(p.error(
            DecodeErrorKind::Syntax,
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            0,
        ));
    }
    let start = p.skip_ws(0);
    let (value, end) = p.value(start, 0)?;
    let end = p.skip_ws(end);
    if end != data.len() {
        return Err(p.error(DecodeErrorKind::Syntax, "Extra data", end));
    }
    if let Some((at, cp)) = p.lone_surrogate.get() {
        // Python keeps a lone surrogate in its str; a Rust String cannot hold one. Reported
        // only for otherwise valid documents, so syntax errors keep Python's wording.
        let msg = format!("Lone surrogate \\u{cp:04x} is not supported by this name server");
        return Err(p.error(DecodeErrorKind::Unsupported, &msg, at));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    data: &'a [u8],
    limits: Limits,
    /// The first `\uXXXX` escape that decoded to a lone surrogate: (offset, code point).
    lone_surrogate: Cell<Option<(usize, u32)>>,
}

impl<'a> Parser<'a> {
    /// A positioned error worded as `JSONDecodeError` words it (positions in characters).
    fn error(&self, kind: DecodeErrorKind, msg: &str, at: usize) -> Fail {
        let before = self.data.get(..at).unwrap_or(self.data);
        let chars = |b: &[u8]| b.iter().filter(|&&c| c & 0xC0 != 0x80).count();
        let pos = chars(before);
        let (line, col) = match before.iter().rposition(|&c| c == b'\n') {
            Some(nl) => {
                let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
                (line, pos - chars(before.get(..nl).unwrap_or(&[])))
            }
            None => (1, pos + 1),
        };
        Box::new(DecodeError::new(
            kind,
            at,
            VALUE_ERROR,
            format!("{msg}: line {line} column {col} (char {pos})"),
        ))
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.data.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }

    fn starts_with(&self, i: usize, lit: &[u8]) -> bool {
        self.data.get(i..).is_some_and(|rest| rest.starts_with(lit))
    }

    /// One value starting exactly at `i`; returns it and the index after it.
    fn value(&self, i: usize, depth: usize) -> Result<(Value, usize), Fail> {
        match self.at(i) {
            None => Err(self.error(DecodeErrorKind::Eof, "Expecting value", i)),
            Some(b'"') => self.string(i + 1).map(|(s, end)| (Value::Str(s), end)),
            Some(b'{') => self.object(i, depth),
            Some(b'[') => self.array(i, depth),
            Some(b'n') if self.starts_with(i, b"null") => Ok((Value::None, i + 4)),
            Some(b't') if self.starts_with(i, b"true") => Ok((Value::Bool(true), i + 4)),
            Some(b'f') if self.starts_with(i, b"false") => Ok((Value::Bool(false), i + 5)),
            Some(b'N') if self.starts_with(i, b"NaN") => Ok((Value::Float(f64::NAN), i + 3)),
            Some(b'I') if self.starts_with(i, b"Infinity") => {
                Ok((Value::Float(f64::INFINITY), i + 8))
            }
            Some(b'-') if self.starts_with(i, b"-Infinity") => {
                Ok((Value::Float(f64::NEG_INFINITY), i + 9))
            }
            Some(_) => self.number(i),
        }
    }

    fn enter(&self, depth: usize, at: usize) -> Result<usize, Fail> {
        let inner = depth.saturating_add(1);
        if inner > self.limits.max_depth {
            let msg = format!(
                "JSON nested deeper than the limit of {}",
                self.limits.max_depth
            );
            return Err(self.error(DecodeErrorKind::Limit, &msg, at));
        }
        Ok(inner)
    }

    fn check_items(&self, len: usize, at: usize) -> Result<(), Fail> {
        if len >= self.limits.max_items {
            let msg = format!(
                "container exceeds the limit of {} items",
                self.limits.max_items
            );
            return Err(self.error(DecodeErrorKind::Limit, &msg, at));
        }
        Ok(())
    }

    fn object(&self, open: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let inner = self.enter(depth, open)?;
        let mut pairs = Vec::new();
        let mut i = self.skip_ws(open + 1);
        if self.at(i) != Some(b'}') {
            loop {
                if self.at(i) != Some(b'"') {
                    let kind = eof_or(self.at(i));
                    return Err(self.error(
                        kind,
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (key, after_key) = self.string(i + 1)?;
                i = self.skip_ws(after_key);
                if self.at(i) != Some(b':') {
                    return Err(self.error(eof_or(self.at(i)), "Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (value, after_value) = self.value(i, inner)?;
                self.check_items(pairs.len(), i)?;
                pairs.push((Value::Str(key), value));
                i = self.skip_ws(after_value);
                if self.at(i) == Some(b'}') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(self.error(eof_or(self.at(i)), "Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((Value::Dict(dedup_pairs(pairs)), i + 1))
    }

    fn array(&self, open: usize, depth: usize) -> Result<(Value, usize), Fail> {
        let inner = self.enter(depth, open)?;
        let mut items = Vec::new();
        let mut i = self.skip_ws(open + 1);
        if self.at(i) != Some(b']') {
            loop {
                let (value, after) = self.value(i, inner)?;
                self.check_items(items.len(), i)?;
                items.push(value);
                i = self.skip_ws(after);
                if self.at(i) == Some(b']') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(self.error(eof_or(self.at(i)), "Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((Value::List(items), i + 1))
    }

    /// The body of a string whose opening quote is at `start - 1`; returns the index after the
    /// closing quote. Follows CPython's `scanstring` (strict: no raw control characters).
    fn string(&self, start: usize) -> Result<(String, usize), Fail> {
        let begin = start - 1;
        let unterminated = || {
            self.error(
                DecodeErrorKind::Eof,
                "Unterminated string starting at",
                begin,
            )
        };
        let mut out = String::new();
        let mut end = start;
        loop {
            let mut next = end;
            let stop = loop {
                match self.at(next) {
                    None => return Err(unterminated()),
                    Some(c @ (b'"' | b'\\')) => break c,
                    Some(c) if c < 0x20 => {
                        return Err(self.error(
                            DecodeErrorKind::Syntax,
                            "Invalid control character at",
                            next,
                        ));
                    }
                    Some(_) => next += 1,
                }
            };
            // `end` and `next` sit on ASCII bytes (or the start), so they are char boundaries.
            let chunk = self.text.get(end..next).unwrap_or("");
            if stop == b'"' {
                if out.is_empty() {
                    return Ok((chunk.to_owned(), next + 1));
                }
                out.push_str(chunk);
                return Ok((out, next + 1));
            }
            out.push_str(chunk);
            next += 1; // past the backslash
            let Some(c) = self.at(next) else {
                return Err(unterminated());
            };
            if c != b'u' {
                end = next + 1;
                let ch = match c {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => {
                        return Err(self.error(
                            DecodeErrorKind::Syntax,
                            "Invalid \\escape",
                            next - 1,
                        ));
                    }
                };
                out.push(ch);
                continue;
            }
            let u_at = next;
            let digits_at = next + 1;
            end = digits_at + 4;
            if end >= self.data.len() {
                return Err(self.error(DecodeErrorKind::Syntax, "Invalid \\uXXXX escape", u_at));
            }
            let Some(mut cp) = self.hex4(digits_at) else {
                return Err(self.error(DecodeErrorKind::Syntax, "Invalid \\uXXXX escape", u_at));
            };
            if (0xD800..0xDC00).contains(&cp)
                && end + 6 < self.data.len()
                && self.at(end) == Some(b'\\')
                && self.at(end + 1) == Some(b'u')
            {
                let Some(low) = self.hex4(end + 2) else {
                    return Err(self.error(
                        DecodeErrorKind::Syntax,
                        "Invalid \\uXXXX escape",
                        end + 1,
                    ));
                };
                if (0xDC00..0xE000).contains(&low) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    end += 6;
                }
            }
            match char::from_u32(cp) {
                Some(ch) => out.push(ch),
                None => {
                    if self.lone_surrogate.get().is_none() {
                        self.lone_surrogate.set(Some((u_at - 1, cp)));
                    }
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let digits = self.data.get(i..i.checked_add(4)?)?;
        let mut v = 0u32;
        for &d in digits {
            v = (v << 4) | char::from(d).to_digit(16)?;
        }
        Some(v)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?` at `start`, as CPython's scanner.
    fn number(&self, start: usize) -> Result<(Value, usize), Fail> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let expecting = || self.error(eof_or(self.at(start)), "Expecting value", start);
        let mut i = start;
        if self.at(i) == Some(b'-') {
            i += 1;
        }
        match self.at(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(expecting()),
        }
        let mut is_float = false;
        if self.at(i) == Some(b'.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some(b'-' | b'+')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = self.text.get(start..i).unwrap_or("");
        if is_float {
            // Rust's parser rounds correctly like CPython's; overflow gives +-inf like Python.
            let f = text.parse::<f64>().map_err(|_| expecting())?;
            return Ok((Value::Float(f), i));
        }
        let count = text.trim_start_matches('-').len();
        if count > INT_MAX_STR_DIGITS {
            return Err(Box::new(DecodeError::new(
                DecodeErrorKind::Limit,
                start,
                VALUE_ERROR,
                format!(
                    "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string \
                     conversion: value has {count} digits; use sys.set_int_max_str_digits() \
                     to increase the limit"
                ),
            )));
        }
        let value = parse_decimal(text).ok_or_else(expecting)?;
        Ok((value, i))
    }
}

/// Errors found at the end of the input are `Eof`, others `Syntax`.
fn eof_or(c: Option<u8>) -> DecodeErrorKind {
    match c {
        None => DecodeErrorKind::Eof,
        Some(_) => DecodeErrorKind::Syntax,
    }
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

/// Append `json.dumps(value, ensure_ascii=False)` as UTF-8, byte for byte as Pyro5 writes it.
pub fn encode(value: &Value, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    write_value(value, out, 0)
}

fn not_serializable(class: &str) -> EncodeError {
    EncodeError::new(format!(
        "don't know how to serialize class <class '{class}'> using serializer JsonSerializer. \
         Give it vars() or an appropriate __getstate__"
    ))
}

fn write_value(value: &Value, out: &mut Vec<u8>, depth: usize) -> Result<(), EncodeError> {
    if depth > MAX_WRITE_DEPTH {
        return Err(EncodeError::new(
            "maximum recursion depth exceeded while encoding a JSON object",
        ));
    }
    match value {
        Value::None => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Int(i) => write_int(*i, out),
        Value::BigInt(s) => write_bigint(s, out)?,
        Value::Float(f) => write_float(*f, out),
        Value::Str(s) => write_str(s, out),
        Value::Tuple(items) | Value::List(items) | Value::Set(items) => {
            out.push(b'[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.extend_from_slice(b", ");
                }
                write_value(item, out, depth + 1)?;
            }
            out.push(b']');
        }
        Value::Dict(pairs) => {
            out.push(b'{');
            for (n, (k, v)) in pairs.iter().enumerate() {
                if n > 0 {
                    out.extend_from_slice(b", ");
                }
                write_key(k, out)?;
                out.extend_from_slice(b": ");
                write_value(v, out, depth + 1)?;
            }
            out.push(b'}');
        }
        Value::Bytes(_) => return Err(not_serializable("bytes")),
        Value::Complex(..) => return Err(not_serializable("complex")),
        Value::FrozenSet(_) => return Err(not_serializable("frozenset")),
        Value::Ellipsis => return Err(not_serializable("ellipsis")),
    }
    Ok(())
}

/// Python's json turns str, float, bool, None and int keys into strings; others are a TypeError.
fn write_key(key: &Value, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    match key {
        Value::Str(s) => write_str(s, out),
        Value::Float(_) | Value::Bool(_) | Value::None | Value::Int(_) | Value::BigInt(_) => {
            out.push(b'"');
            write_value(key, out, 0)?;
            out.push(b'"');
        }
        other => {
            return Err(EncodeError::new(format!(
                "keys must be str, int, float, bool or None, not {}",
                other.type_name()
            )));
        }
    }
    Ok(())
}

fn write_bigint(s: &str, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    match parse_decimal(s) {
        Some(Value::Int(i)) => write_int(i, out),
        Some(Value::BigInt(canonical)) => out.extend_from_slice(canonical.as_bytes()),
        _ => {
            return Err(EncodeError::new(format!(
                "invalid integer text for json: {s:?}"
            )));
        }
    }
    Ok(())
}

fn write_int(i: i64, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{i}");
}

fn write_float(f: f64, out: &mut Vec<u8>) {
    if f.is_nan() {
        out.extend_from_slice(b"NaN");
    } else if f.is_infinite() {
        out.extend_from_slice(if f > 0.0 { b"Infinity" } else { b"-Infinity" });
    } else {
        out.extend_from_slice(py_float_repr(f).as_bytes());
    }
}

/// A JSON string as CPython's `encode_basestring` writes it (ensure_ascii=False).
fn write_str(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => &[],
            _ => continue,
        };
        out.extend_from_slice(bytes.get(run..i).unwrap_or(&[]));
        run = i + 1;
        if esc.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(esc);
        }
    }
    out.extend_from_slice(bytes.get(run..).unwrap_or(&[]));
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::super::marshal::test_support::*;
    use super::*;

    fn dec(text: &str) -> Result<Value, DecodeError> {
        decode(text.as_bytes(), &Limits::default())
    }

    fn enc(v: &Value) -> Result<String, EncodeError> {
        let mut out = Vec::new();
        encode(v, &mut out)?;
        Ok(String::from_utf8(out).expect("json output is UTF-8"))
    }

    #[test]
    fn writes_what_python_json_dumps_writes() {
        for (value, want) in python_dumps() {
            assert_eq!(enc(&value).expect("encodes"), want, "encoding {value:?}");
        }
    }

    #[test]
    fn reads_what_python_json_loads_reads() {
        for (input, want) in python_loads() {
            match dec(input) {
                Ok(got) => assert_eq!(got, want, "decoding {input:?}"),
                Err(e) => panic!("decoding {input:?}: {e}"),
            }
        }
    }

    #[test]
    fn errors_match_python() {
        for (input, message) in python_errors() {
            match dec(input) {
                Ok(v) => panic!("{input:?} decoded to {v:?}, Python says {message}"),
                Err(e) => {
                    assert_eq!(
                        (e.py_class, e.message.as_str()),
                        (VALUE_ERROR, message),
                        "{input:?}"
                    )
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_matches_python_generated_table() {
        for (input, message) in python_utf8_errors() {
            let e = decode(input, &Limits::default()).expect_err("invalid UTF-8");
            assert_eq!(
                (e.kind, e.message.as_str()),
                (DecodeErrorKind::Utf8, message)
            );
        }
    }

    #[test]
    fn invalid_utf8_matches_python_decode_text() {
        let cases: &[(&[u8], &str, usize)] = &[
            (
                b"\xff\xfe",
                "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
                0,
            ),
            (
                b"[1, \"\xe4\xb8\"]",
                "'utf-8' codec can't decode bytes in position 5-6: invalid continuation byte",
                5,
            ),
            (
                b"\"\xed\xa0\x80\"",
                "'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte",
                1,
            ),
        ];
        for (input, message, offset) in cases {
            let e = decode(input, &Limits::default()).expect_err("invalid UTF-8");
            assert_eq!(e.kind, DecodeErrorKind::Utf8);
            assert_eq!((e.message.as_str(), e.offset), (*message, *offset));
        }
    }

    #[test]
    fn writer_hand_computed_bytes() {
        let cases: Vec<(Value, &str)> = vec![
            (n(), "null"),
            (Value::Float(f64::NAN), "NaN"),
            (Value::Float(f64::NEG_INFINITY), "-Infinity"),
            (Value::Float(1e16), "1e+16"),
            (
                s("\u{0}\u{1f}\u{7f}é\u{2028}\"\\/"),
                "\"\\u0000\\u001f\u{7f}é\u{2028}\\\"\\\\/\"",
            ),
            (st(vec![i(1), s("a")]), "[1, \"a\"]"),
            (
                big("-123456789012345678901234567890"),
                "-123456789012345678901234567890",
            ),
            (
                d(vec![
                    (s("__class__"), s("Pyro5.core.URI")),
                    (
                        s("state"),
                        t(vec![
                            s("PYRO"),
                            s("Pyro.NameServer"),
                            n(),
                            s("127.0.0.1"),
                            i(39090),
                        ]),
                    ),
                ]),
                "{\"__class__\": \"Pyro5.core.URI\", \"state\": [\"PYRO\", \"Pyro.NameServer\", \
                 null, \"127.0.0.1\", 39090]}",
            ),
            (
                d(vec![
                    (i(1), n()),
                    (Value::Float(f64::NAN), n()),
                    (b(false), n()),
                    (n(), n()),
                    (big("18446744073709551616"), n()),
                ]),
                "{\"1\": null, \"NaN\": null, \"false\": null, \"null\": null, \
                 \"18446744073709551616\": null}",
            ),
        ];
        for (value, want) in cases {
            assert_eq!(enc(&value).expect("encodes"), want, "encoding {value:?}");
        }
    }

    #[test]
    fn unserializable_values_are_refused_with_python_text() {
        for (v, class) in [
            (by("00"), "bytes"),
            (Value::Complex(1.0, 2.0), "complex"),
            (fs(vec![]), "frozenset"),
            (el(), "ellipsis"),
        ] {
            let e = enc(&d(vec![(s("k"), v)])).expect_err("refused");
            assert_eq!(
                e.message,
                format!(
                    "don't know how to serialize class <class '{class}'> using serializer \
                     JsonSerializer. Give it vars() or an appropriate __getstate__"
                )
            );
        }
        let e = enc(&d(vec![(t(vec![i(1)]), n())])).expect_err("tuple key");
        assert_eq!(
            e.message,
            "keys must be str, int, float, bool or None, not tuple"
        );
        let e = enc(&d(vec![(by("00"), n())])).expect_err("bytes key");
        assert_eq!(
            e.message,
            "keys must be str, int, float, bool or None, not bytes"
        );
    }

    #[test]
    fn errors_of_our_own() {
        // Python keeps lone surrogates in a str; a Rust String cannot.
        for input in [
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "[\"\\ud83d\"]",
        ] {
            let e = dec(input).expect_err(input);
            assert_eq!(e.kind, DecodeErrorKind::Unsupported, "{input}: {e}");
            assert!(e.message.contains("Lone surrogate"), "{input}: {e}");
        }
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        let e = dec(&deep).expect_err("too deep");
        assert_eq!((e.kind, e.offset), (DecodeErrorKind::Limit, 64));
        assert!(dec(&format!("{}{}", "[".repeat(64), "]".repeat(64))).is_ok());
        let deep_obj = "{\"a\":".repeat(65) + "1" + &"}".repeat(65);
        assert_eq!(
            dec(&deep_obj).expect_err("deep").kind,
            DecodeErrorKind::Limit
        );
        let limits = Limits {
            max_depth: 8,
            max_items: 2,
        };
        let e = decode(b"[1, 2, 3]", &limits).expect_err("3 > 2");
        assert_eq!(e.kind, DecodeErrorKind::Limit);
        assert!(decode(b"[1, 2]", &limits).is_ok());
        let e = decode(b"{\"a\": 1, \"b\": 2, \"c\": 3}", &limits).expect_err("3 > 2");
        assert_eq!(e.kind, DecodeErrorKind::Limit);
        assert_eq!(dec("[1").expect_err("eof").kind, DecodeErrorKind::Eof);
        assert_eq!(
            dec("[1 x").expect_err("syntax").kind,
            DecodeErrorKind::Syntax
        );
    }

    #[test]
    fn error_positions_count_characters_like_python() {
        let e = dec("[\"é\", x]").expect_err("x");
        assert_eq!(e.message, "Expecting value: line 1 column 7 (char 6)");
        assert_eq!(e.offset, 7);
        let e = dec("[1,\n\"ü\",\n  x]").expect_err("x");
        assert_eq!(e.message, "Expecting value: line 3 column 3 (char 11)");
    }

    #[test]
    fn duplicate_keys_last_value_wins_at_first_position() {
        let mut text = String::from("{");
        for k in 0..100 {
            text.push_str(&format!("\"k{}\": {k}, ", k % 50));
        }
        text.push_str("\"end\": 0}");
        let mut want: Vec<(Value, Value)> =
            (0..50).map(|k| (s(&format!("k{k}")), i(k + 50))).collect();
        want.push((s("end"), i(0)));
        assert_eq!(dec(&text).expect("object"), d(want));
    }

    #[test]
    fn round_trips() {
        fn listify(v: &Value) -> Value {
            match v {
                Value::Tuple(x) | Value::Set(x) | Value::List(x) => {
                    l(x.iter().map(listify).collect())
                }
                Value::Dict(p) => d(p.iter().map(|(k, x)| (k.clone(), listify(x))).collect()),
                other => other.clone(),
            }
        }
        for v in sample_values() {
            let text = enc(&v).expect("encode");
            let back = dec(&text).expect("decode");
            assert!(back.same(&listify(&v)), "{v:?} came back as {back:?}");
        }
    }

    #[test]
    fn golden_payloads_decode_and_reencode_byte_identical() {
        let payloads = golden_payloads(3);
        assert!(
            payloads.len() > 150,
            "found only {} json payloads",
            payloads.len()
        );
        for p in &payloads {
            let value = decode(&p.payload, &Limits::default())
                .unwrap_or_else(|e| panic!("{} {} {}: {e}", p.case, p.dir, p.msgtype));
            let mut out = Vec::new();
            encode(&value, &mut out).expect("re-encode");
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&p.payload),
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
        for p in golden_payloads(3).iter().take(60) {
            hammer(&p.payload, decode);
        }
        for (input, _) in python_loads() {
            hammer(input.as_bytes(), decode);
        }
    }

    // ---- Tables generated with CPython 3.11.7's json and Pyro5 5.17's JsonSerializer ----
    // python_dumps: v -> JsonSerializer().dumps(v)  (json.dumps(ensure_ascii=False, default=...))
    // python_loads: text -> json.loads(text)
    // python_errors: text -> str(exception)  (JSONDecodeError or the int digit-limit ValueError)

    #[rustfmt::skip]
    fn python_dumps() -> Vec<(Value, &'static str)> {
        vec![
            (n(), "null"),
            (b(true), "true"),
            (b(false), "false"),
            (i(0), "0"),
            (i(1), "1"),
            (i(-1), "-1"),
            (i(5), "5"),
            (i(127), "127"),
            (i(128), "128"),
            (i(255), "255"),
            (i(256), "256"),
            (i(-31), "-31"),
            (i(-32), "-32"),
            (i(-33), "-33"),
            (i(-127), "-127"),
            (i(-128), "-128"),
            (i(-129), "-129"),
            (i(32767), "32767"),
            (i(32768), "32768"),
            (i(-32768), "-32768"),
            (i(-32769), "-32769"),
            (i(65535), "65535"),
            (i(65536), "65536"),
            (i(2147483647), "2147483647"),
            (i(2147483648), "2147483648"),
            (i(-2147483648), "-2147483648"),
            (i(-2147483649), "-2147483649"),
            (i(4294967295), "4294967295"),
            (i(4294967296), "4294967296"),
            (i(4611686018427387904), "4611686018427387904"),
            (i(9223372036854775807), "9223372036854775807"),
            (i(-9223372036854775808), "-9223372036854775808"),
            (big("9223372036854775808"), "9223372036854775808"),
            (big("18446744073709551615"), "18446744073709551615"),
            (big("18446744073709551616"), "18446744073709551616"),
            (big("-9223372036854775809"), "-9223372036854775809"),
            (big("-18446744073709551616"), "-18446744073709551616"),
            (big("1000000000000000000000000000000"), "1000000000000000000000000000000"),
            (big("-1000000000000000000000000000000"), "-1000000000000000000000000000000"),
            (big("1606938044258990275541962092341162602522202993782792835313721"), "1606938044258990275541962092341162602522202993782792835313721"),
            (big("-369988485035126972924700782451696644186473100389722973815184405301748249"), "-369988485035126972924700782451696644186473100389722973815184405301748249"),
            (fl(0x0000000000000000), "0.0"),
            (fl(0x8000000000000000), "-0.0"),
            (fl(0x3ff8000000000000), "1.5"),
            (fl(0x3fb999999999999a), "0.1"),
            (fl(0xc004000000000000), "-2.5"),
            (fl(0x4341c37937e08000), "1e+16"),
            (fl(0x430c6bf526340000), "1000000000000000.0"),
            (fl(0x3e8421f5f40d8376), "1.5e-07"),
            (fl(0x7e37e43c8800759c), "1e+300"),
            (fl(0x0000000000000001), "5e-324"),
            (fl(0x7fefffffffffffff), "1.7976931348623157e+308"),
            (fl(0x419d6f3454800000), "123456789.125"),
            (fl(0x7ff0000000000000), "Infinity"),
            (fl(0xfff0000000000000), "-Infinity"),
            (s(""), "\"\""),
            (s("a"), "\"a\""),
            (s("Pyro.NameServer"), "\"Pyro.NameServer\""),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""),
            (s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""),
            (s("\u{e9}"), "\"\u{e9}\""),
            (s("\u{ff}"), "\"\u{ff}\""),
            (s("\u{100}"), "\"\u{100}\""),
            (s("\u{1f600}"), "\"\u{1f600}\""),
            (s("na\u{ef}ve caf\u{e9}"), "\"na\u{ef}ve caf\u{e9}\""),
            (s("\u{2028}\u{2029}"), "\"\u{2028}\u{2029}\""),
            (s("ctrl\u{0}\u{1}\u{1f}\u{7f}"), "\"ctrl\\u0000\\u0001\\u001f\u{7f}\""),
            (s("\"\\/\u{8}\u{c}\u{a}\u{d}\u{9}"), "\"\\\"\\\\/\\b\\f\\n\\r\\t\""),
            (s("it's"), "\"it's\""),
            (s("tab\u{9}here"), "\"tab\\there\""),
            (s("\u{e000}"), "\"\u{e000}\""),
            (t(vec![]), "[]"),
            (t(vec![i(1)]), "[1]"),
            (t(vec![i(1), s("a")]), "[1, \"a\"]"),
            (t(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19), i(20), i(21), i(22), i(23), i(24), i(25), i(26), i(27), i(28), i(29), i(30), i(31), i(32), i(33), i(34), i(35), i(36), i(37), i(38), i(39), i(40), i(41), i(42), i(43), i(44), i(45), i(46), i(47), i(48), i(49), i(50), i(51), i(52), i(53), i(54), i(55), i(56), i(57), i(58), i(59), i(60), i(61), i(62), i(63), i(64), i(65), i(66), i(67), i(68), i(69), i(70), i(71), i(72), i(73), i(74), i(75), i(76), i(77), i(78), i(79), i(80), i(81), i(82), i(83), i(84), i(85), i(86), i(87), i(88), i(89), i(90), i(91), i(92), i(93), i(94), i(95), i(96), i(97), i(98), i(99), i(100), i(101), i(102), i(103), i(104), i(105), i(106), i(107), i(108), i(109), i(110), i(111), i(112), i(113), i(114), i(115), i(116), i(117), i(118), i(119), i(120), i(121), i(122), i(123), i(124), i(125), i(126), i(127), i(128), i(129), i(130), i(131), i(132), i(133), i(134), i(135), i(136), i(137), i(138), i(139), i(140), i(141), i(142), i(143), i(144), i(145), i(146), i(147), i(148), i(149), i(150), i(151), i(152), i(153), i(154), i(155), i(156), i(157), i(158), i(159), i(160), i(161), i(162), i(163), i(164), i(165), i(166), i(167), i(168), i(169), i(170), i(171), i(172), i(173), i(174), i(175), i(176), i(177), i(178), i(179), i(180), i(181), i(182), i(183), i(184), i(185), i(186), i(187), i(188), i(189), i(190), i(191), i(192), i(193), i(194), i(195), i(196), i(197), i(198), i(199), i(200), i(201), i(202), i(203), i(204), i(205), i(206), i(207), i(208), i(209), i(210), i(211), i(212), i(213), i(214), i(215), i(216), i(217), i(218), i(219), i(220), i(221), i(222), i(223), i(224), i(225), i(226), i(227), i(228), i(229), i(230), i(231), i(232), i(233), i(234), i(235), i(236), i(237), i(238), i(239), i(240), i(241), i(242), i(243), i(244), i(245), i(246), i(247), i(248), i(249), i(250), i(251), i(252), i(253), i(254), i(255), i(256), i(257), i(258), i(259), i(260), i(261), i(262), i(263), i(264), i(265), i(266), i(267), i(268), i(269), i(270), i(271), i(272), i(273), i(274), i(275), i(276), i(277), i(278), i(279), i(280), i(281), i(282), i(283), i(284), i(285), i(286), i(287), i(288), i(289), i(290), i(291), i(292), i(293), i(294), i(295), i(296), i(297), i(298), i(299)]), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299]"),
            (l(vec![]), "[]"),
            (l(vec![i(1), l(vec![i(2), l(vec![i(3)])])]), "[1, [2, [3]]]"),
            (l(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19)]), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]"),
            (d(vec![]), "{}"),
            (d(vec![(s("a"), i(1)), (s("b"), l(vec![i(1), i(2)]))]), "{\"a\": 1, \"b\": [1, 2]}"),
            (d(vec![(s("k0"), i(0)), (s("k1"), i(1)), (s("k2"), i(2)), (s("k3"), i(3)), (s("k4"), i(4)), (s("k5"), i(5)), (s("k6"), i(6)), (s("k7"), i(7)), (s("k8"), i(8)), (s("k9"), i(9)), (s("k10"), i(10)), (s("k11"), i(11)), (s("k12"), i(12)), (s("k13"), i(13)), (s("k14"), i(14)), (s("k15"), i(15))]), "{\"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": 11, \"k12\": 12, \"k13\": 13, \"k14\": 14, \"k15\": 15}"),
            (d(vec![(s("s"), st(vec![i(1), i(2), i(3)]))]), "{\"s\": [1, 2, 3]}"),
            (d(vec![(s("s"), st(vec![]))]), "{\"s\": []}"),
            (st(vec![]), "[]"),
            (st(vec![i(1)]), "[1]"),
            (st(vec![s("printer"), s("class:demo.Printer")]), "[\"printer\", \"class:demo.Printer\"]"),
            (d(vec![(s("__class__"), s("Pyro5.core.URI")), (s("state"), t(vec![s("PYRO"), s("Pyro.NameServer"), n(), s("127.0.0.1"), i(39090)]))]), "{\"__class__\": \"Pyro5.core.URI\", \"state\": [\"PYRO\", \"Pyro.NameServer\", null, \"127.0.0.1\", 39090]}"),
            (d(vec![(s("__class__"), s("Pyro5.errors.NamingError")), (s("__exception__"), b(true)), (s("args"), t(vec![s("unknown name: x")])), (s("attributes"), d(vec![]))]), "{\"__class__\": \"Pyro5.errors.NamingError\", \"__exception__\": true, \"args\": [\"unknown name: x\"], \"attributes\": {}}"),
            (t(vec![s("Pyro.NameServer"), s("lookup"), l(vec![s("Pyro.NameServer")]), d(vec![])]), "[\"Pyro.NameServer\", \"lookup\", [\"Pyro.NameServer\"], {}]"),
            (t(vec![s("Pyro.NameServer"), s("list"), l(vec![]), d(vec![(s("return_metadata"), b(true))])]), "[\"Pyro.NameServer\", \"list\", [], {\"return_metadata\": true}]"),
            (t(vec![l(vec![i(1), i(2)]), l(vec![i(1), i(2)])]), "[[1, 2], [1, 2]]"),
            (l(vec![s("sharedsharedshared"), s("sharedsharedshared"), s("sharedsharedshared")]), "[\"sharedsharedshared\", \"sharedsharedshared\", \"sharedsharedshared\"]"),
            (d(vec![(s("k1"), d(vec![(s("a"), i(1))])), (s("k2"), d(vec![(s("a"), i(1))]))]), "{\"k1\": {\"a\": 1}, \"k2\": {\"a\": 1}}"),
            (l(vec![l(vec![l(vec![l(vec![l(vec![])])])])]), "[[[[[]]]]]"),
            (d(vec![(s("nested"), d(vec![(s("deeper"), d(vec![(s("deepest"), l(vec![n(), b(true), fl(0x3ff8000000000000)]))]))]))]), "{\"nested\": {\"deeper\": {\"deepest\": [null, true, 1.5]}}}"),
            (d(vec![(i(1), s("c")), (fl(0x3ff8000000000000), s("b")), (n(), s("d")), (big("1000000000000000000000000000000"), s("e")), (fl(0x7ff0000000000000), s("f")), (fl(0x8000000000000000), s("g"))]), "{\"1\": \"c\", \"1.5\": \"b\", \"null\": \"d\", \"1000000000000000000000000000000\": \"e\", \"Infinity\": \"f\", \"-0.0\": \"g\"}"),
        ]
    }

    #[rustfmt::skip]
    fn python_loads() -> Vec<(&'static str, Value)> {
        vec![
            ("null", n()),
            ("true", b(true)),
            ("false", b(false)),
            ("0", i(0)),
            ("1", i(1)),
            ("-1", i(-1)),
            ("5", i(5)),
            ("127", i(127)),
            ("128", i(128)),
            ("255", i(255)),
            ("256", i(256)),
            ("-31", i(-31)),
            ("-32", i(-32)),
            ("-33", i(-33)),
            ("-127", i(-127)),
            ("-128", i(-128)),
            ("-129", i(-129)),
            ("32767", i(32767)),
            ("32768", i(32768)),
            ("-32768", i(-32768)),
            ("-32769", i(-32769)),
            ("65535", i(65535)),
            ("65536", i(65536)),
            ("2147483647", i(2147483647)),
            ("2147483648", i(2147483648)),
            ("-2147483648", i(-2147483648)),
            ("-2147483649", i(-2147483649)),
            ("4294967295", i(4294967295)),
            ("4294967296", i(4294967296)),
            ("4611686018427387904", i(4611686018427387904)),
            ("9223372036854775807", i(9223372036854775807)),
            ("-9223372036854775808", i(-9223372036854775808)),
            ("9223372036854775808", big("9223372036854775808")),
            ("18446744073709551615", big("18446744073709551615")),
            ("18446744073709551616", big("18446744073709551616")),
            ("-9223372036854775809", big("-9223372036854775809")),
            ("-18446744073709551616", big("-18446744073709551616")),
            ("1000000000000000000000000000000", big("1000000000000000000000000000000")),
            ("-1000000000000000000000000000000", big("-1000000000000000000000000000000")),
            ("1606938044258990275541962092341162602522202993782792835313721", big("1606938044258990275541962092341162602522202993782792835313721")),
            ("-369988485035126972924700782451696644186473100389722973815184405301748249", big("-369988485035126972924700782451696644186473100389722973815184405301748249")),
            ("0.0", fl(0x0000000000000000)),
            ("-0.0", fl(0x8000000000000000)),
            ("1.5", fl(0x3ff8000000000000)),
            ("0.1", fl(0x3fb999999999999a)),
            ("-2.5", fl(0xc004000000000000)),
            ("1e+16", fl(0x4341c37937e08000)),
            ("1000000000000000.0", fl(0x430c6bf526340000)),
            ("1.5e-07", fl(0x3e8421f5f40d8376)),
            ("1e+300", fl(0x7e37e43c8800759c)),
            ("5e-324", fl(0x0000000000000001)),
            ("1.7976931348623157e+308", fl(0x7fefffffffffffff)),
            ("123456789.125", fl(0x419d6f3454800000)),
            ("Infinity", fl(0x7ff0000000000000)),
            ("-Infinity", fl(0xfff0000000000000)),
            ("\"\"", s("")),
            ("\"a\"", s("a")),
            ("\"Pyro.NameServer\"", s("Pyro.NameServer")),
            ("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", s("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            ("\"\u{e9}\"", s("\u{e9}")),
            ("\"\u{ff}\"", s("\u{ff}")),
            ("\"\u{100}\"", s("\u{100}")),
            ("\"\u{1f600}\"", s("\u{1f600}")),
            ("\"na\u{ef}ve caf\u{e9}\"", s("na\u{ef}ve caf\u{e9}")),
            ("\"\u{2028}\u{2029}\"", s("\u{2028}\u{2029}")),
            ("\"ctrl\\u0000\\u0001\\u001f\u{7f}\"", s("ctrl\u{0}\u{1}\u{1f}\u{7f}")),
            ("\"\\\"\\\\/\\b\\f\\n\\r\\t\"", s("\"\\/\u{8}\u{c}\u{a}\u{d}\u{9}")),
            ("\"it's\"", s("it's")),
            ("\"tab\\there\"", s("tab\u{9}here")),
            ("\"\u{e000}\"", s("\u{e000}")),
            ("[]", l(vec![])),
            ("[1]", l(vec![i(1)])),
            ("[1, \"a\"]", l(vec![i(1), s("a")])),
            ("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299]", l(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19), i(20), i(21), i(22), i(23), i(24), i(25), i(26), i(27), i(28), i(29), i(30), i(31), i(32), i(33), i(34), i(35), i(36), i(37), i(38), i(39), i(40), i(41), i(42), i(43), i(44), i(45), i(46), i(47), i(48), i(49), i(50), i(51), i(52), i(53), i(54), i(55), i(56), i(57), i(58), i(59), i(60), i(61), i(62), i(63), i(64), i(65), i(66), i(67), i(68), i(69), i(70), i(71), i(72), i(73), i(74), i(75), i(76), i(77), i(78), i(79), i(80), i(81), i(82), i(83), i(84), i(85), i(86), i(87), i(88), i(89), i(90), i(91), i(92), i(93), i(94), i(95), i(96), i(97), i(98), i(99), i(100), i(101), i(102), i(103), i(104), i(105), i(106), i(107), i(108), i(109), i(110), i(111), i(112), i(113), i(114), i(115), i(116), i(117), i(118), i(119), i(120), i(121), i(122), i(123), i(124), i(125), i(126), i(127), i(128), i(129), i(130), i(131), i(132), i(133), i(134), i(135), i(136), i(137), i(138), i(139), i(140), i(141), i(142), i(143), i(144), i(145), i(146), i(147), i(148), i(149), i(150), i(151), i(152), i(153), i(154), i(155), i(156), i(157), i(158), i(159), i(160), i(161), i(162), i(163), i(164), i(165), i(166), i(167), i(168), i(169), i(170), i(171), i(172), i(173), i(174), i(175), i(176), i(177), i(178), i(179), i(180), i(181), i(182), i(183), i(184), i(185), i(186), i(187), i(188), i(189), i(190), i(191), i(192), i(193), i(194), i(195), i(196), i(197), i(198), i(199), i(200), i(201), i(202), i(203), i(204), i(205), i(206), i(207), i(208), i(209), i(210), i(211), i(212), i(213), i(214), i(215), i(216), i(217), i(218), i(219), i(220), i(221), i(222), i(223), i(224), i(225), i(226), i(227), i(228), i(229), i(230), i(231), i(232), i(233), i(234), i(235), i(236), i(237), i(238), i(239), i(240), i(241), i(242), i(243), i(244), i(245), i(246), i(247), i(248), i(249), i(250), i(251), i(252), i(253), i(254), i(255), i(256), i(257), i(258), i(259), i(260), i(261), i(262), i(263), i(264), i(265), i(266), i(267), i(268), i(269), i(270), i(271), i(272), i(273), i(274), i(275), i(276), i(277), i(278), i(279), i(280), i(281), i(282), i(283), i(284), i(285), i(286), i(287), i(288), i(289), i(290), i(291), i(292), i(293), i(294), i(295), i(296), i(297), i(298), i(299)])),
            ("[]", l(vec![])),
            ("[1, [2, [3]]]", l(vec![i(1), l(vec![i(2), l(vec![i(3)])])])),
            ("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]", l(vec![i(0), i(1), i(2), i(3), i(4), i(5), i(6), i(7), i(8), i(9), i(10), i(11), i(12), i(13), i(14), i(15), i(16), i(17), i(18), i(19)])),
            ("{}", d(vec![])),
            ("{\"a\": 1, \"b\": [1, 2]}", d(vec![(s("a"), i(1)), (s("b"), l(vec![i(1), i(2)]))])),
            ("{\"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": 11, \"k12\": 12, \"k13\": 13, \"k14\": 14, \"k15\": 15}", d(vec![(s("k0"), i(0)), (s("k1"), i(1)), (s("k2"), i(2)), (s("k3"), i(3)), (s("k4"), i(4)), (s("k5"), i(5)), (s("k6"), i(6)), (s("k7"), i(7)), (s("k8"), i(8)), (s("k9"), i(9)), (s("k10"), i(10)), (s("k11"), i(11)), (s("k12"), i(12)), (s("k13"), i(13)), (s("k14"), i(14)), (s("k15"), i(15))])),
            ("{\"s\": [1, 2, 3]}", d(vec![(s("s"), l(vec![i(1), i(2), i(3)]))])),
            ("{\"s\": []}", d(vec![(s("s"), l(vec![]))])),
            ("[]", l(vec![])),
            ("[1]", l(vec![i(1)])),
            ("[\"printer\", \"class:demo.Printer\"]", l(vec![s("printer"), s("class:demo.Printer")])),
            ("{\"__class__\": \"Pyro5.core.URI\", \"state\": [\"PYRO\", \"Pyro.NameServer\", null, \"127.0.0.1\", 39090]}", d(vec![(s("__class__"), s("Pyro5.core.URI")), (s("state"), l(vec![s("PYRO"), s("Pyro.NameServer"), n(), s("127.0.0.1"), i(39090)]))])),
            ("{\"__class__\": \"Pyro5.errors.NamingError\", \"__exception__\": true, \"args\": [\"unknown name: x\"], \"attributes\": {}}", d(vec![(s("__class__"), s("Pyro5.errors.NamingError")), (s("__exception__"), b(true)), (s("args"), l(vec![s("unknown name: x")])), (s("attributes"), d(vec![]))])),
            ("[\"Pyro.NameServer\", \"lookup\", [\"Pyro.NameServer\"], {}]", l(vec![s("Pyro.NameServer"), s("lookup"), l(vec![s("Pyro.NameServer")]), d(vec![])])),
            ("[\"Pyro.NameServer\", \"list\", [], {\"return_metadata\": true}]", l(vec![s("Pyro.NameServer"), s("list"), l(vec![]), d(vec![(s("return_metadata"), b(true))])])),
            ("[[1, 2], [1, 2]]", l(vec![l(vec![i(1), i(2)]), l(vec![i(1), i(2)])])),
            ("[\"sharedsharedshared\", \"sharedsharedshared\", \"sharedsharedshared\"]", l(vec![s("sharedsharedshared"), s("sharedsharedshared"), s("sharedsharedshared")])),
            ("{\"k1\": {\"a\": 1}, \"k2\": {\"a\": 1}}", d(vec![(s("k1"), d(vec![(s("a"), i(1))])), (s("k2"), d(vec![(s("a"), i(1))]))])),
            ("[[[[[]]]]]", l(vec![l(vec![l(vec![l(vec![l(vec![])])])])])),
            ("{\"nested\": {\"deeper\": {\"deepest\": [null, true, 1.5]}}}", d(vec![(s("nested"), d(vec![(s("deeper"), d(vec![(s("deepest"), l(vec![n(), b(true), fl(0x3ff8000000000000)]))]))]))])),
            ("{\"1\": \"c\", \"1.5\": \"b\", \"null\": \"d\", \"1000000000000000000000000000000\": \"e\", \"Infinity\": \"f\", \"-0.0\": \"g\"}", d(vec![(s("1"), s("c")), (s("1.5"), s("b")), (s("null"), s("d")), (s("1000000000000000000000000000000"), s("e")), (s("Infinity"), s("f")), (s("-0.0"), s("g"))])),
            (" \u{9}\u{a}\u{d}[ 1 , 2 ]\u{d}\u{a}", l(vec![i(1), i(2)])),
            ("{\"a\" : 1 , \"b\":[ ]}", d(vec![(s("a"), i(1)), (s("b"), l(vec![]))])),
            ("\"\\u00e9\\u0041\\ud83d\\ude00\\/\\b\"", s("\u{e9}A\u{1f600}/\u{8}")),
            ("\"\\uD83D\\uDE00\"", s("\u{1f600}")),
            ("1E5", fl(0x40f86a0000000000)),
            ("-0", i(0)),
            ("-0.0", fl(0x8000000000000000)),
            ("0.5e-3", fl(0x3f40624dd2f1a9fc)),
            ("1e400", fl(0x7ff0000000000000)),
            ("-1e400", fl(0xfff0000000000000)),
            ("123456789012345678901234567890", big("123456789012345678901234567890")),
            ("-9223372036854775808", i(-9223372036854775808)),
            ("9223372036854775807", i(9223372036854775807)),
            ("9223372036854775808", big("9223372036854775808")),
            ("[[[]]]", l(vec![l(vec![l(vec![])])])),
            ("{\"a\":1,\"a\":2,\"b\":3}", d(vec![(s("a"), i(2)), (s("b"), i(3))])),
            ("{\"x\":{\"y\":[1,{\"z\":null}]}}", d(vec![(s("x"), d(vec![(s("y"), l(vec![i(1), d(vec![(s("z"), n())])]))]))])),
            ("\"\u{7f}\u{2028}\u{e9}\"", s("\u{7f}\u{2028}\u{e9}")),
            ("[true,false,null]", l(vec![b(true), b(false), n()])),
            ("3.0", fl(0x4008000000000000)),
            ("1.0e+2", fl(0x4059000000000000)),
            ("12e-2", fl(0x3fbeb851eb851eb8)),
            ("\"a\\\"b\"", s("a\"b")),
            ("[]", l(vec![])),
            ("{}", d(vec![])),
            ("\"\"", s("")),
            ("-Infinity", fl(0xfff0000000000000)),
            ("Infinity", fl(0x7ff0000000000000)),
        ]
    }

    #[rustfmt::skip]
    fn python_errors() -> Vec<(&'static str, &'static str)> {
        vec![
            ("", "Expecting value: line 1 column 1 (char 0)"),
            ("  ", "Expecting value: line 1 column 3 (char 2)"),
            ("garbage", "Expecting value: line 1 column 1 (char 0)"),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            ("{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
            ("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
            ("{1:2}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
            ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
            ("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
            ("\"a\\qb\"", "Invalid \\escape: line 1 column 3 (char 2)"),
            ("\"a\\u12x4\"", "Invalid \\uXXXX escape: line 1 column 4 (char 3)"),
            ("\"\\u123\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
            ("\"\\u1234", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
            ("\"a\u{1}\"", "Invalid control character at: line 1 column 3 (char 2)"),
            ("01", "Extra data: line 1 column 2 (char 1)"),
            ("-", "Expecting value: line 1 column 1 (char 0)"),
            ("1.", "Extra data: line 1 column 2 (char 1)"),
            ("[1.]", "Expecting ',' delimiter: line 1 column 3 (char 2)"),
            ("1e", "Extra data: line 1 column 2 (char 1)"),
            ("1e+", "Extra data: line 1 column 2 (char 1)"),
            ("[1e]", "Expecting ',' delimiter: line 1 column 3 (char 2)"),
            ("-Inf", "Expecting value: line 1 column 1 (char 0)"),
            ("nul", "Expecting value: line 1 column 1 (char 0)"),
            ("11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"),
            ("-11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111", "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit"),
            ("\u{feff}1", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"),
            ("[1]\u{a} x", "Extra data: line 2 column 2 (char 5)"),
            ("\u{a}\u{a}  x", "Expecting value: line 3 column 3 (char 4)"),
            ("\"\\ud83d\\ude0\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"),
            ("\"\\ud83d\\ude00", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"),
            ("{\"a\":", "Expecting value: line 1 column 6 (char 5)"),
            ("[", "Expecting value: line 1 column 2 (char 1)"),
            ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
            ("{\"a\"", "Expecting ':' delimiter: line 1 column 5 (char 4)"),
            ("\u{e9} x", "Expecting value: line 1 column 1 (char 0)"),
            ("tru", "Expecting value: line 1 column 1 (char 0)"),
            ("\"\u{e9}\\x\"", "Invalid \\escape: line 1 column 3 (char 2)"),
            ("\"\\", "Unterminated string starting at: line 1 column 1 (char 0)"),
            ("[1]]", "Extra data: line 1 column 4 (char 3)"),
            ("{\"a\":1}}", "Extra data: line 1 column 8 (char 7)"),
            ("{\"a\":1 \"b\":2}", "Expecting ',' delimiter: line 1 column 8 (char 7)"),
            ("\"\u{9}\"", "Invalid control character at: line 1 column 2 (char 1)"),
            ("[-]", "Expecting value: line 1 column 2 (char 1)"),
            ("[.5]", "Expecting value: line 1 column 2 (char 1)"),
            ("+1", "Expecting value: line 1 column 1 (char 0)"),
            ("NaNa", "Extra data: line 1 column 4 (char 3)"),
            ("[1,\u{a}2,\u{a}\u{e9}]", "Expecting value: line 3 column 1 (char 7)"),
            ("{\"\u{e9}\": x}", "Expecting value: line 1 column 7 (char 6)"),
            ("\"\\u\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
            ("\"\\uzzzz\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
            ("'a'", "Expecting value: line 1 column 1 (char 0)"),
            ("[1,2", "Expecting ',' delimiter: line 1 column 5 (char 4)"),
            ("{\"a\":1,", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
        ]
    }

    #[rustfmt::skip]
    fn python_utf8_errors() -> Vec<(&'static [u8], &'static str)> {
        vec![
            (b"\xff\xfe", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
            (b"\"\xe9\"", "'utf-8' codec can't decode byte 0xe9 in position 1: invalid continuation byte"),
            (b"[1, \"\xe4\xb8\"]", "'utf-8' codec can't decode bytes in position 5-6: invalid continuation byte"),
            (b"\"\xed\xa0\x80\"", "'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte"),
            (b"\xc3", "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data"),
        ]
    }
}
