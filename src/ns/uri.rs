//! Pyro5 URIs exactly as Python's `Pyro5.core.URI` parses and prints them (wire reference 9):
//! `PYRO:obj@host:port`, `PYRONAME:name[@location]`, `PYROMETA:tag,...[@location]`, IPv6 and
//! Unix-socket locations, ports through a Python-`int()`-compatible parser, the
//! `{'__class__': 'Pyro5.core.URI', 'state': (...)}` class dict in both directions.
//!
//! Owns only text <-> [`Uri`] <-> [`Value`]. Must not do I/O or name resolution, must not
//! panic on any input; errors carry the exact PyroError (or TypeError/ValueError) text
//! Python would raise.

use crate::serial::Value;
use crate::serial::unicode_tables;
use std::fmt;

/// The `NS_PORT` default that `PYRONAME`/`PYROMETA` locations without a port get (Python's
/// `config.NS_PORT` of the *server* process, not the port the NS listens on).
pub const DEFAULT_NS_PORT: i64 = 9090;

/// A parsed Pyro5 URI: the five fields of Python's `URI.__getstate__()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uri {
    /// `PYRO`, `PYRONAME` or `PYROMETA` when parsed; any text when built from a state.
    pub protocol: String,
    /// The object id / name. For `PYROMETA` the tags joined with `,` (sorted).
    pub object: String,
    /// `PYROMETA` tags, sorted and deduplicated (Python keeps a set); empty otherwise.
    pub meta: Vec<String>,
    /// Unix socket path (`./u:<path>` locations).
    pub sockname: Option<String>,
    pub host: Option<String>,
    pub port: Option<i64>,
}

impl Uri {
    /// Parse like `Pyro5.core.URI(text)`. `Err` is the PyroError message.
    pub fn parse(text: &str) -> Result<Uri, String> {
        let (protocol, object, location) = split_uri(text).ok_or("invalid uri")?;
        let protocol = protocol.to_ascii_uppercase();
        let mut uri = Uri {
            protocol,
            object: object.to_string(),
            meta: Vec::new(),
            sockname: None,
            host: None,
            port: None,
        };
        match uri.protocol.as_str() {
            "PYRONAME" => uri.parse_location(location, Some(DEFAULT_NS_PORT))?,
            "PYRO" => {
                let Some(location) = location else {
                    return Err("invalid uri".into());
                };
                uri.parse_location(Some(location), None)?;
            }
            "PYROMETA" => {
                // `set(m.strip() for m in object.split(","))`; the object part has no
                // whitespace, so the strip never changes anything, but it is Python's rule.
                uri.meta = sorted_set(object.split(',').map(|m| m.trim_matches(py_isspace)));
                uri.object = uri.meta.join(",");
                uri.parse_location(location, Some(DEFAULT_NS_PORT))?;
            }
            _ => return Err("invalid uri (protocol)".into()),
        }
        Ok(uri)
    }

    /// `URI._parseLocation(location, defaultPort)`.
    fn parse_location(
        &mut self,
        location: Option<&str>,
        default_port: Option<i64>,
    ) -> Result<(), String> {
        let Some(location) = location.filter(|l| !l.is_empty()) else {
            return Ok(());
        };
        if let Some(sockname) = location.strip_prefix("./u:") {
            if sockname.is_empty() || sockname.contains(':') {
                return Err("invalid uri (location)".into());
            }
            self.sockname = Some(sockname.to_string());
            return Ok(());
        }
        let (host, port_text) = if location.starts_with('[') {
            if location.starts_with("[[") {
                return Err("invalid ipv6 address: enclosed in too many brackets".into());
            }
            match_ipv6_location(location).ok_or(
                "invalid ipv6 address: the part between brackets must be a numeric ipv6 address",
            )?
        } else {
            match location.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (location, None),
            }
        };
        self.host = Some(host.to_string());
        // `if not self.port: self.port = defaultPort`, then `int(self.port)`.
        self.port = match port_text.filter(|p| !p.is_empty()) {
            Some(text) => Some(
                parse_py_int(text).ok_or_else(|| format!("invalid port in uri, port={text}"))?,
            ),
            None => Some(default_port.ok_or("invalid port in uri, port=None")?),
        };
        Ok(())
    }

    /// Rebuild from the `state` of a URI class dict (`URI.__setstate__`), for computing the
    /// string form (`str(uri)`) the NS stores. Any sequence type is accepted.
    ///
    /// `Err` is the text of the exception Python raises on this state, either while unpacking
    /// it (`not enough values to unpack (expected 5, got 3)`, `too many values to unpack
    /// (expected 5)` — ValueErrors; `cannot unpack non-iterable int object` — TypeError) or
    /// while printing it (`%d format: a real number is required, not str`, ... — TypeErrors).
    /// Fields that `str(uri)` never looks at are not validated (a bad port without a host
    /// becomes `None`, as it does not show in the string form).
    pub fn from_state(state: &Value) -> Result<Uri, String> {
        let items = iter_items(state)
            .ok_or_else(|| format!("cannot unpack non-iterable {} object", state.type_name()))?;
        let [protocol, object, sockname, host, port] = match <[Value; 5]>::try_from(items) {
            Ok(fields) => fields,
            Err(items) if items.len() < 5 => {
                return Err(format!(
                    "not enough values to unpack (expected 5, got {})",
                    items.len()
                ));
            }
            Err(_) => return Err("too many values to unpack (expected 5)".into()),
        };
        let Value::Str(protocol) = protocol else {
            return Err(format!(
                "unsupported operand type(s) for +: '{}' and 'str'",
                protocol.type_name()
            ));
        };
        let (object, meta) = if protocol == "PYROMETA" {
            // `",".join(self.object)`
            let items =
                iter_items(&object).ok_or_else(|| "can only join an iterable".to_string())?;
            let mut tags = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::Str(s) => tags.push(s),
                    other => {
                        return Err(format!(
                            "sequence item {i}: expected str instance, {} found",
                            other.type_name()
                        ));
                    }
                }
            }
            let meta = sorted_set(tags.iter().map(String::as_str));
            (meta.join(","), meta)
        } else {
            match object {
                Value::Str(s) => (s, Vec::new()),
                other => {
                    return Err(format!(
                        "can only concatenate str (not \"{}\") to str",
                        other.type_name()
                    ));
                }
            }
        };
        // `if self.host:` decides whether host and port are printed at all.
        let (host, port) = if host.is_truthy() {
            let Value::Str(host) = host else {
                return Err(format!(
                    "argument of type '{}' is not iterable",
                    host.type_name()
                ));
            };
            (Some(host), Some(percent_d(&port)?))
        } else {
            let host = match host {
                Value::Str(s) => Some(s),
                _ => None,
            };
            let port = match port {
                Value::Int(p) => Some(p),
                _ => None,
            };
            (host, port)
        };
        let sockname = match sockname {
            Value::Str(s) => Some(s),
            other if other.is_truthy() && host.as_deref().is_none_or(str::is_empty) => {
                return Err(format!(
                    "can only concatenate str (not \"{}\") to str",
                    other.type_name()
                ));
            }
            _ => None,
        };
        Ok(Uri {
            protocol,
            object,
            meta,
            sockname,
            host,
            port,
        })
    }

    /// The class dict Pyro5 serializes a URI as (wire reference 8.1): state is a tuple, the
    /// port an int or None, and a `PYROMETA` object a set of str (sorted for determinism).
    pub fn to_value(&self) -> Value {
        let object = if self.protocol == "PYROMETA" {
            Value::Set(self.meta.iter().map(|t| Value::Str(t.clone())).collect())
        } else {
            Value::Str(self.object.clone())
        };
        let opt_str =
            |s: &Option<String>| s.as_ref().map_or(Value::None, |s| Value::Str(s.clone()));
        Value::dict([
            ("__class__", Value::str("Pyro5.core.URI")),
            (
                "state",
                Value::Tuple(vec![
                    Value::Str(self.protocol.clone()),
                    object,
                    opt_str(&self.sockname),
                    opt_str(&self.host),
                    self.port.map_or(Value::None, Value::Int),
                ]),
            ),
        ])
    }

    /// The `location` property: `[host]:port`, `host:port`, `./u:<path>` or none.
    pub fn location(&self) -> Option<String> {
        match (&self.host, &self.sockname) {
            (Some(host), _) if !host.is_empty() => {
                let port = self
                    .port
                    .map_or_else(|| "None".to_string(), |p| p.to_string());
                Some(if host.contains(':') {
                    format!("[{host}]:{port}")
                } else {
                    format!("{host}:{port}")
                })
            }
            (_, Some(sock)) if !sock.is_empty() => Some(format!("./u:{sock}")),
            _ => None,
        }
    }
}

/// Python `str(uri)`.
impl fmt::Display for Uri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.protocol == "PYROMETA" {
            write!(f, "PYROMETA:{}", self.meta.join(","))?;
        } else {
            write!(f, "{}:{}", self.protocol, self.object)?;
        }
        match self.location() {
            Some(location) => write!(f, "@{location}"),
            None => Ok(()),
        }
    }
}

/// `"%d" % port` for the ports `str(uri)` prints: int, bool, float (truncated).
fn percent_d(port: &Value) -> Result<i64, String> {
    match port {
        Value::Int(p) => Ok(*p),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Float(f) if f.is_nan() => Err("cannot convert float NaN to integer".into()),
        Value::Float(f) if f.is_infinite() => {
            Err("cannot convert float infinity to integer".into())
        }
        // i64 range check; Python would print bigger values as big ints (labns: rejected).
        Value::Float(f) if f.trunc().abs() < 9.2e18 => Ok(f.trunc() as i64),
        Value::Float(_) | Value::BigInt(_) => Err("port out of range".into()),
        other => Err(format!(
            "%d format: a real number is required, not {}",
            other.type_name()
        )),
    }
}

/// What Python's tuple unpacking iterates: sequences, str (characters), bytes (ints), dict (keys).
fn iter_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Tuple(x) | Value::List(x) | Value::Set(x) | Value::FrozenSet(x) => Some(x.clone()),
        Value::Str(s) => Some(s.chars().map(|c| Value::Str(c.to_string())).collect()),
        Value::Bytes(b) => Some(b.iter().map(|&x| Value::Int(i64::from(x))).collect()),
        Value::Dict(pairs) => Some(pairs.iter().map(|(k, _)| k.clone()).collect()),
        _ => None,
    }
}

fn sorted_set<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = items.map(str::to_string).collect();
    v.sort();
    v.dedup();
    v
}

/// Match `(?P<protocol>[Pp][Yy][Rr][Oo][a-zA-Z]*):(?P<object>\S+?)(@(?P<location>.+))?$` with
/// `re.match` semantics: returns (protocol, object, location).
fn split_uri(text: &str) -> Option<(&str, &str, Option<&str>)> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let protocol = &text[..letters];
    if letters < 4 || !protocol[..4].eq_ignore_ascii_case("pyro") {
        return None;
    }
    let rest = text[letters..].strip_prefix(':')?;
    // `$` matches at the end or before a final newline; `.` never matches a newline.
    let first_newline = rest.find('\n');
    let at_end =
        |pos: usize| pos == rest.len() || (pos + 1 == rest.len() && rest.as_bytes()[pos] == b'\n');
    // The lazy `\S+?` tries the shortest object first: the first end position (on a char
    // boundary, after one or more non-space chars) where the tail matches.
    for (idx, ch) in rest.char_indices() {
        if py_isspace(ch) {
            return None;
        }
        let end = idx + ch.len_utf8();
        let tail = &rest[end..];
        if let Some(location) = tail.strip_prefix('@') {
            // `.+` then `$`: at least one char, no newline except a single final one.
            let loc_start = end + 1;
            let loc_end = match first_newline {
                Some(nl) if nl >= loc_start => nl,
                _ => rest.len(),
            };
            if loc_end > loc_start && at_end(loc_end) {
                return Some((
                    protocol,
                    &rest[..end],
                    Some(&location[..loc_end - loc_start]),
                ));
            }
        }
        if at_end(end) {
            return Some((protocol, &rest[..end], None));
        }
    }
    None
}

/// `re.match(r"\[([0-9a-fA-F:%]+)](:(\d+))?", location)`: (host, port digits).
fn match_ipv6_location(location: &str) -> Option<(&str, Option<&str>)> {
    let inner = location.strip_prefix('[')?;
    let len = inner
        .bytes()
        .take_while(|b| b.is_ascii_hexdigit() || *b == b':' || *b == b'%')
        .count();
    if len == 0 {
        return None;
    }
    let host = &inner[..len];
    let after = inner[len..].strip_prefix(']')?;
    let port = after.strip_prefix(':').and_then(|p| {
        let digits: usize = p
            .chars()
            .take_while(|c| decimal_value(*c).is_some())
            .map(char::len_utf8)
            .sum();
        (digits > 0).then(|| &p[..digits])
    });
    Some((host, port))
}

/// Python `str.isspace()` for one character (also what `\s`/`\S` and `str.strip()` use).
pub fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The value of a Unicode decimal digit (category Nd), as Python's `int()` and `\d` see it.
fn decimal_value(c: char) -> Option<u32> {
    unicode_tables::decimal_value(u32::from(c))
}

/// Python `int(text)` (base 10) for a str: surrounding whitespace, one sign, `_` between
/// digits, any Unicode decimal digits. `None` for text Python rejects, and for values outside
/// the i64 range (Python would accept those as big ints).
pub fn parse_py_int(text: &str) -> Option<i64> {
    // `_PyUnicode_TransformDecimalAndSpaceToASCII`: chars below 127 stay as they are, other
    // whitespace becomes ' ', other decimal digits become ASCII digits, anything else fails.
    let mut ascii = Vec::with_capacity(text.len());
    for c in text.chars() {
        let b = if u32::from(c) < 127 {
            c as u8
        } else if py_isspace(c) {
            b' '
        } else {
            b'0' + u8::try_from(decimal_value(c)?).ok()?
        };
        ascii.push(b);
    }
    // `PyLong_FromString(s, base=10)`: ASCII whitespace only (Py_ISSPACE).
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c');
    let start = ascii.iter().position(|b| !is_space(b))?;
    let end = ascii.iter().rposition(|b| !is_space(b))? + 1;
    let mut s = &ascii[start..end];
    let negative = match s.first() {
        Some(b'-') => {
            s = &s[1..];
            true
        }
        Some(b'+') => {
            s = &s[1..];
            false
        }
        _ => false,
    };
    if s.is_empty() || s[0] == b'_' || s[s.len() - 1] == b'_' {
        return None;
    }
    let mut value: i64 = 0;
    let mut prev_underscore = false;
    for &b in s {
        if b == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        if !b.is_ascii_digit() {
            return None;
        }
        let d = i64::from(b - b'0');
        // Accumulate negatively so that i64::MIN fits.
        value = value.checked_mul(10)?.checked_sub(d)?;
    }
    if negative {
        Some(value)
    } else {
        value.checked_neg()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Fields = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<i64>,
        &'static str,
    );

    /// Generated from real `Pyro5.core.URI` 5.17 (CPython 3.11): input, then either the error
    /// text or (protocol, object [PYROMETA: sorted tags joined], sockname, host, port, str(uri)).
    #[rustfmt::skip]
    const PARSE_CASES: &[(&str, Result<Fields, &str>)] = &[
        ("PYRO:obj@localhost:9090", Ok(("PYRO", "obj", None, Some("localhost"), Some(9090), "PYRO:obj@localhost:9090"))),
        ("pyro:obj@localhost:9090", Ok(("PYRO", "obj", None, Some("localhost"), Some(9090), "PYRO:obj@localhost:9090"))),
        ("PyRo:obj@h:1", Ok(("PYRO", "obj", None, Some("h"), Some(1), "PYRO:obj@h:1"))),
        ("PYRO:x@h:0012", Ok(("PYRO", "x", None, Some("h"), Some(12), "PYRO:x@h:12"))),
        ("PYRO:x@:1", Ok(("PYRO", "x", None, Some(""), Some(1), "PYRO:x"))),
        ("PYRO:x@h:-5", Ok(("PYRO", "x", None, Some("h"), Some(-5), "PYRO:x@h:-5"))),
        ("PYRO:x@h:99999", Ok(("PYRO", "x", None, Some("h"), Some(99999), "PYRO:x@h:99999"))),
        ("PYRO:x@h: 12 ", Ok(("PYRO", "x", None, Some("h"), Some(12), "PYRO:x@h:12"))),
        ("PYRO:x@h:1_000", Ok(("PYRO", "x", None, Some("h"), Some(1000), "PYRO:x@h:1000"))),
        ("PYRO:x@h:_1", Err("invalid port in uri, port=_1")),
        ("PYRO:x@h:1_", Err("invalid port in uri, port=1_")),
        ("PYRO:x@h:1__0", Err("invalid port in uri, port=1__0")),
        ("PYRO:x@h:+7", Ok(("PYRO", "x", None, Some("h"), Some(7), "PYRO:x@h:7"))),
        ("PYRO:x@h:\u{663}\u{664}", Ok(("PYRO", "x", None, Some("h"), Some(34), "PYRO:x@h:34"))),
        ("PYRO:x@h:\u{ff11}\u{ff12}", Ok(("PYRO", "x", None, Some("h"), Some(12), "PYRO:x@h:12"))),
        ("PYRO:x@h:\u{3000} 7\u{2000}", Ok(("PYRO", "x", None, Some("h"), Some(7), "PYRO:x@h:7"))),
        ("PYRO:x@h:\u{1c}7", Err("invalid port in uri, port=\u{1c}7")),
        ("PYRO:x@h:abc", Err("invalid port in uri, port=abc")),
        ("PYRO:x@h:1:2", Err("invalid port in uri, port=1:2")),
        ("PYRO:x@h", Err("invalid port in uri, port=None")),
        ("PYRO:x@h:", Err("invalid port in uri, port=None")),
        ("PYRO:obj", Err("invalid uri")),
        ("PYRO:", Err("invalid uri")),
        ("PYRO:@", Err("invalid uri")),
        ("PYRO:a@", Err("invalid uri")),
        ("PYRO:a@b@c:1", Ok(("PYRO", "a", None, Some("b@c"), Some(1), "PYRO:a@b@c:1"))),
        ("PYRO:@@x:1", Ok(("PYRO", "@", None, Some("x"), Some(1), "PYRO:@@x:1"))),
        ("PYRO:a b@h:1", Err("invalid uri")),
        ("PYRO:x@h:1\n", Ok(("PYRO", "x", None, Some("h"), Some(1), "PYRO:x@h:1"))),
        ("PYRO:x@h:1\n\n", Err("invalid uri")),
        ("PYRO:x\n", Err("invalid uri")),
        ("PYRO:x@h\n:1", Err("invalid uri")),
        (" PYRO:x@h:1", Err("invalid uri")),
        ("PYRO:x@h:1 ", Ok(("PYRO", "x", None, Some("h"), Some(1), "PYRO:x@h:1"))),
        ("PYRO:x@ h :1", Ok(("PYRO", "x", None, Some(" h "), Some(1), "PYRO:x@ h :1"))),
        ("PYROX:obj@h:1", Err("invalid uri (protocol)")),
        ("PYR:obj@h:1", Err("invalid uri")),
        ("PYRO1:obj@h:1", Err("invalid uri")),
        ("pyronamex:x", Err("invalid uri (protocol)")),
        ("PYRONAME:x", Ok(("PYRONAME", "x", None, None, None, "PYRONAME:x"))),
        ("pyroname:x", Ok(("PYRONAME", "x", None, None, None, "PYRONAME:x"))),
        ("PYRONAME:x@h", Ok(("PYRONAME", "x", None, Some("h"), Some(9090), "PYRONAME:x@h:9090"))),
        ("PYRONAME:x@h:5555", Ok(("PYRONAME", "x", None, Some("h"), Some(5555), "PYRONAME:x@h:5555"))),
        ("PYRONAME:x@h:", Ok(("PYRONAME", "x", None, Some("h"), Some(9090), "PYRONAME:x@h:9090"))),
        ("PYRONAME:x@h:abc", Err("invalid port in uri, port=abc")),
        ("PYRONAME:x@./u:/tmp/sock", Ok(("PYRONAME", "x", Some("/tmp/sock"), None, None, "PYRONAME:x@./u:/tmp/sock"))),
        ("PYRO:x@./u:/tmp/sock", Ok(("PYRO", "x", Some("/tmp/sock"), None, None, "PYRO:x@./u:/tmp/sock"))),
        ("PYRO:x@./u:", Err("invalid uri (location)")),
        ("PYRO:x@./u:a:b", Err("invalid uri (location)")),
        ("PYROMETA:a,b", Ok(("PYROMETA", "a,b", None, None, None, "PYROMETA:a,b"))),
        ("PYROMETA:b, a ,a", Err("invalid uri")),
        ("PYROMETA:a,,c", Ok(("PYROMETA", ",a,c", None, None, None, "PYROMETA:,a,c"))),
        ("PYROMETA:a@h:1", Ok(("PYROMETA", "a", None, Some("h"), Some(1), "PYROMETA:a@h:1"))),
        ("pyrometa:tag", Ok(("PYROMETA", "tag", None, None, None, "PYROMETA:tag"))),
        ("PYROMETA:a,b@h", Ok(("PYROMETA", "a,b", None, Some("h"), Some(9090), "PYROMETA:a,b@h:9090"))),
        ("PYRO:x@[::1]:9090", Ok(("PYRO", "x", None, Some("::1"), Some(9090), "PYRO:x@[::1]:9090"))),
        ("PYRO:x@[::1]", Err("invalid port in uri, port=None")),
        ("PYRONAME:x@[::1]", Ok(("PYRONAME", "x", None, Some("::1"), Some(9090), "PYRONAME:x@[::1]:9090"))),
        ("PYRO:x@[[::1]]:1", Err("invalid ipv6 address: enclosed in too many brackets")),
        ("PYRO:x@[fe80::1%eth0]:1", Err("invalid ipv6 address: the part between brackets must be a numeric ipv6 address")),
        ("PYRO:x@[fe80::1%25]:1", Ok(("PYRO", "x", None, Some("fe80::1%25"), Some(1), "PYRO:x@[fe80::1%25]:1"))),
        ("PYRO:x@[::1]:12abc", Ok(("PYRO", "x", None, Some("::1"), Some(12), "PYRO:x@[::1]:12"))),
        ("PYRO:x@[::1]junk", Err("invalid port in uri, port=None")),
        ("PYRO:x@[::1]:", Err("invalid port in uri, port=None")),
        ("PYRO:x@[::1]:\u{663}", Ok(("PYRO", "x", None, Some("::1"), Some(3), "PYRO:x@[::1]:3"))),
        ("PYRO:x@[]:1", Err("invalid ipv6 address: the part between brackets must be a numeric ipv6 address")),
        ("PYRO:x@[::1:1", Err("invalid ipv6 address: the part between brackets must be a numeric ipv6 address")),
        ("PYRO:x@h:123456789012345678", Ok(("PYRO", "x", None, Some("h"), Some(123456789012345678), "PYRO:x@h:123456789012345678"))),
        ("PYRO:x@\u{fc}n\u{ef}:1", Ok(("PYRO", "x", None, Some("\u{fc}n\u{ef}"), Some(1), "PYRO:x@\u{fc}n\u{ef}:1"))),
        ("PYRO:\u{f6}bj@h:1", Ok(("PYRO", "\u{f6}bj", None, Some("h"), Some(1), "PYRO:\u{f6}bj@h:1"))),
        ("PYRO:x@h:1\u{85}", Ok(("PYRO", "x", None, Some("h"), Some(1), "PYRO:x@h:1"))),
        ("PYRO:x\u{85}@h:1", Err("invalid uri")),
        ("PYRO:x\u{a0}y@h:1", Err("invalid uri")),
        ("PYRO:x@h:\t1", Ok(("PYRO", "x", None, Some("h"), Some(1), "PYRO:x@h:1"))),
        ("PYRO:x@\n", Err("invalid uri")),
        ("PYRO:x@h:1\r", Ok(("PYRO", "x", None, Some("h"), Some(1), "PYRO:x@h:1"))),
        ("\nPYRO:x@h:1", Err("invalid uri")),
        ("PYRO:x@h:1\u{1c}", Err("invalid port in uri, port=1\u{1c}")),
        ("PYRO:x\u{1c}y@h:1", Err("invalid uri")),
        ("PYRONAME:x@:", Ok(("PYRONAME", "x", None, Some(""), Some(9090), "PYRONAME:x"))),
        ("PYRONAME:x@:7", Ok(("PYRONAME", "x", None, Some(""), Some(7), "PYRONAME:x"))),
        ("PYRO:x@H:1", Ok(("PYRO", "x", None, Some("H"), Some(1), "PYRO:x@H:1"))),
        ("PYRO:Pyro.NameServer@127.0.0.1:39090", Ok(("PYRO", "Pyro.NameServer", None, Some("127.0.0.1"), Some(39090), "PYRO:Pyro.NameServer@127.0.0.1:39090"))),
        ("PYRO:x@[ABCDEF::]:1", Ok(("PYRO", "x", None, Some("ABCDEF::"), Some(1), "PYRO:x@[ABCDEF::]:1"))),
        ("PYRO:x@host:00", Ok(("PYRO", "x", None, Some("host"), Some(0), "PYRO:x@host:0"))),
        ("PYRO:x@h:-0", Ok(("PYRO", "x", None, Some("h"), Some(0), "PYRO:x@h:0"))),

    ];

    fn check_parse(text: &str, expected: &Result<Fields, &str>) {
        let got = Uri::parse(text);
        match (expected, got) {
            (Err(msg), Err(got)) => assert_eq!(&got, msg, "error text for {text:?}"),
            (Ok((protocol, object, sockname, host, port, printed)), Ok(uri)) => {
                assert_eq!(uri.protocol, *protocol, "{text:?}");
                assert_eq!(uri.object, *object, "{text:?}");
                assert_eq!(uri.sockname.as_deref(), *sockname, "{text:?}");
                assert_eq!(uri.host.as_deref(), *host, "{text:?}");
                assert_eq!(uri.port, *port, "{text:?}");
                assert_eq!(uri.to_string(), *printed, "{text:?}");
                // The printed form parses back to itself.
                let again = Uri::parse(printed);
                if let Ok(again) = again {
                    assert_eq!(again.to_string(), *printed);
                }
            }
            (want, got) => panic!("{text:?}: expected {want:?}, got {got:?}"),
        }
    }

    #[test]
    fn parse_matches_python() {
        for (text, expected) in PARSE_CASES {
            check_parse(text, expected);
        }
    }

    #[test]
    fn pyrometa_tags_are_a_sorted_set() {
        let uri = Uri::parse("PYROMETA:b,a,b@h").unwrap();
        assert_eq!(uri.meta, ["a", "b"]);
        assert_eq!(uri.to_string(), "PYROMETA:a,b@h:9090");
        assert_eq!(
            uri.to_value().get("state"),
            Some(&Value::Tuple(vec![
                Value::str("PYROMETA"),
                Value::Set(vec![Value::str("a"), Value::str("b")]),
                Value::None,
                Value::str("h"),
                Value::Int(9090),
            ]))
        );
    }

    #[test]
    fn to_value_is_the_pyro_class_dict() {
        let uri = Uri::parse("PYRO:Pyro.NameServer@127.0.0.1:39090").unwrap();
        assert_eq!(
            uri.to_value(),
            Value::dict([
                ("__class__", Value::str("Pyro5.core.URI")),
                (
                    "state",
                    Value::Tuple(vec![
                        Value::str("PYRO"),
                        Value::str("Pyro.NameServer"),
                        Value::None,
                        Value::str("127.0.0.1"),
                        Value::Int(39090),
                    ])
                ),
            ])
        );
        let sock = Uri::parse("PYRONAME:x@./u:/s").unwrap().to_value();
        assert_eq!(
            sock.get("state"),
            Some(&Value::Tuple(vec![
                Value::str("PYRONAME"),
                Value::str("x"),
                Value::str("/s"),
                Value::None,
                Value::None,
            ]))
        );
    }

    fn state(items: Vec<Value>) -> Value {
        Value::Tuple(items)
    }

    /// `str()` of URIs rebuilt from a state, and the errors Python raises for bad states
    /// (texts from CPython 3.11: tuple unpacking, `%d`, `+`, `str.join`).
    #[test]
    fn from_state_prints_like_python() {
        let s = Value::str;
        let cases: Vec<(Value, Result<&str, &str>)> = vec![
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    s("127.0.0.1"),
                    Value::Int(5),
                ]),
                Ok("PYRO:obj@127.0.0.1:5"),
            ),
            (
                Value::List(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    s("::1"),
                    Value::Int(5),
                ]),
                Ok("PYRO:obj@[::1]:5"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    s("/tmp/s"),
                    Value::None,
                    Value::None,
                ]),
                Ok("PYRO:obj@./u:/tmp/s"),
            ),
            (
                state(vec![s("PYRO"), s("obj"), Value::None, s(""), Value::Int(5)]),
                Ok("PYRO:obj"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    s("h"),
                    Value::Bool(true),
                ]),
                Ok("PYRO:obj@h:1"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    s("h"),
                    Value::Float(5.7),
                ]),
                Ok("PYRO:obj@h:5"),
            ),
            (
                state(vec![
                    s("pyro"),
                    s("obj"),
                    Value::None,
                    s("h"),
                    Value::Int(1),
                ]),
                Ok("pyro:obj@h:1"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    Value::None,
                    s("junk"),
                ]),
                Ok("PYRO:obj"),
            ),
            (
                state(vec![
                    s("PYROMETA"),
                    Value::Set(vec![s("b"), s("a")]),
                    Value::None,
                    s("h"),
                    Value::Int(9090),
                ]),
                Ok("PYROMETA:a,b@h:9090"),
            ),
            (
                state(vec![s("PYRO"), s("obj"), Value::None]),
                Err("not enough values to unpack (expected 5, got 3)"),
            ),
            (
                state(vec![Value::None; 6]),
                Err("too many values to unpack (expected 5)"),
            ),
            (Value::Int(5), Err("cannot unpack non-iterable int object")),
            (
                Value::None,
                Err("cannot unpack non-iterable NoneType object"),
            ),
            (
                state(vec![s("PYRO"), s("obj"), Value::None, s("h"), s("5")]),
                Err("%d format: a real number is required, not str"),
            ),
            (
                state(vec![s("PYRO"), s("obj"), Value::None, s("h"), Value::None]),
                Err("%d format: a real number is required, not NoneType"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    s("h"),
                    Value::Float(f64::NAN),
                ]),
                Err("cannot convert float NaN to integer"),
            ),
            (
                state(vec![
                    Value::Int(1),
                    s("obj"),
                    Value::None,
                    s("h"),
                    Value::Int(1),
                ]),
                Err("unsupported operand type(s) for +: 'int' and 'str'"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    Value::Int(1),
                    Value::None,
                    s("h"),
                    Value::Int(1),
                ]),
                Err("can only concatenate str (not \"int\") to str"),
            ),
            (
                state(vec![
                    s("PYROMETA"),
                    Value::List(vec![s("a"), Value::Int(2)]),
                    Value::None,
                    Value::None,
                    Value::None,
                ]),
                Err("sequence item 1: expected str instance, int found"),
            ),
            (
                state(vec![
                    s("PYRO"),
                    s("obj"),
                    Value::None,
                    Value::Int(5),
                    Value::Int(1),
                ]),
                Err("argument of type 'int' is not iterable"),
            ),
        ];
        for (value, expected) in cases {
            let got = Uri::from_state(&value).map(|u| u.to_string());
            assert_eq!(
                got.as_deref().map_err(String::as_str),
                expected,
                "state {value:?}"
            );
        }
    }

    /// Python `int()` acceptance, generated with CPython 3.11.
    #[test]
    fn py_int_matches_python() {
        let cases: &[(&str, Option<i64>)] = &[
            ("12", Some(12)),
            (" 12 ", Some(12)),
            ("\t-3\n", Some(-3)),
            ("+7", Some(7)),
            ("1_000", Some(1000)),
            ("0012", Some(12)),
            ("-0", Some(0)),
            ("\u{663}\u{664}", Some(34)),
            ("\u{ff11}\u{ff12}", Some(12)),
            ("\u{3000} 7\u{2000}", Some(7)),
            ("\u{85}5", Some(5)),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("", None),
            (" ", None),
            ("+", None),
            ("_1", None),
            ("1_", None),
            ("1__0", None),
            ("-_1", None),
            ("+ 1", None),
            ("\u{1c}5", None),
            ("\u{7f}", None),
            ("0x10", None),
            ("1\0", None),
            ("1.0", None),
            ("abc", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_py_int(text), *want, "int({text:?})");
        }
    }

    #[test]
    fn isspace_matches_python() {
        // Every code point for which CPython 3.11's str.isspace() is true.
        let python: &[u32] = &[
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
            0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
            0x2029, 0x202f, 0x205f, 0x3000,
        ];
        let ours: Vec<u32> = (0..=0x10ffffu32)
            .filter_map(char::from_u32)
            .filter(|c| py_isspace(*c))
            .map(u32::from)
            .collect();
        assert_eq!(ours, python);
    }

    #[test]
    fn long_inputs_do_not_blow_up() {
        let long = format!("PYRO:{}", "a".repeat(100_000));
        assert_eq!(Uri::parse(&long), Err("invalid uri".to_string()));
        let long_port = format!("PYRO:x@h:{}", "9".repeat(5000));
        assert!(Uri::parse(&long_port).is_err());
    }
}
