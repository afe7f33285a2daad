//! The control commands (`labns ping | list | listmatching | lookup | register | remove |
//! removematching | setmeta | yplookup_all | yplookup_any`): pyro5-nsc's commands, speaking
//! Pyro5 through [`crate::client`], printing a sorted table (or one JSON document with
//! `--json`).
//!
//! Owns what each command calls and prints. It does not parse argv, read the environment or
//! choose exit codes (`cli.rs`, `main.rs`); the confirmation question is asked through a
//! callback, so everything here can be tested without a terminal.

use crate::client::{self, Client, ClientError, Entry, ListFilter, Locate, TagQuery};
use std::fmt;
use std::io::{self, Write};
use std::time::Instant;

/// One control command with its operands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Ping,
    List { prefix: Option<String> },
    ListMatching { regex: String },
    Lookup { name: String },
    Register { name: String, uri: String },
    Remove { name: String },
    RemoveMatching { regex: String },
    SetMeta { name: String, tags: Vec<String> },
    YpLookupAll { tags: Vec<String> },
    YpLookupAny { tags: Vec<String> },
}

impl Action {
    /// The command word, as typed.
    pub fn word(&self) -> &'static str {
        match self {
            Action::Ping => "ping",
            Action::List { .. } => "list",
            Action::ListMatching { .. } => "listmatching",
            Action::Lookup { .. } => "lookup",
            Action::Register { .. } => "register",
            Action::Remove { .. } => "remove",
            Action::RemoveMatching { .. } => "removematching",
            Action::SetMeta { .. } => "setmeta",
            Action::YpLookupAll { .. } => "yplookup_all",
            Action::YpLookupAny { .. } => "yplookup_any",
        }
    }
}

/// A control command and how to reach the name server.
#[derive(Clone, Debug, PartialEq)]
pub struct ControlRequest {
    pub action: Action,
    pub locate: Locate,
    /// One JSON document on stdout instead of the table / sentences.
    pub json: bool,
    /// `removematching` without asking.
    pub yes: bool,
}

#[derive(Debug)]
pub enum ControlError {
    /// Finding or talking to the name server failed, or the call raised.
    Client(ClientError),
    /// `removematching` was not confirmed.
    NotConfirmed,
    /// Writing the output failed (a closed pipe, ...).
    Output(io::Error),
}

impl fmt::Display for ControlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ControlError::Client(e) => e.fmt(f),
            ControlError::NotConfirmed => {
                f.write_str("nothing removed (not confirmed; --yes skips the question)")
            }
            ControlError::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl From<ClientError> for ControlError {
    fn from(e: ClientError) -> ControlError {
        ControlError::Client(e)
    }
}

impl From<io::Error> for ControlError {
    fn from(e: io::Error) -> ControlError {
        ControlError::Output(e)
    }
}

/// Locate the name server, run the command, print its result to `out`. `confirm` asks the
/// user a yes/no question (only `removematching` without `yes` calls it).
pub fn run(
    req: &ControlRequest,
    out: &mut dyn Write,
    confirm: &mut dyn FnMut(&str) -> bool,
) -> Result<(), ControlError> {
    let mut ns = client::locate(&req.locate)?;
    execute(&mut ns, req, out, confirm)
}

/// Run the command on a connected client (split from `run` for callers that already have one).
pub fn execute(
    ns: &mut Client,
    req: &ControlRequest,
    out: &mut dyn Write,
    confirm: &mut dyn FnMut(&str) -> bool,
) -> Result<(), ControlError> {
    let json = req.json;
    let text = match &req.action {
        Action::Ping => {
            let start = Instant::now();
            ns.ping()?;
            let ms = start.elapsed().as_secs_f64() * 1e3;
            let at = ns.peer().to_string();
            if json {
                let mut s = String::from("{\"ok\":true,\"address\":");
                json_string(&mut s, &at);
                s.push_str(&format!(",\"ms\":{ms:.3}}}\n"));
                s
            } else {
                format!("Name server at {at} answered ping in {ms:.2} ms.\n")
            }
        }
        Action::List { prefix } => {
            let filter = prefix
                .as_deref()
                .map_or(ListFilter::All, ListFilter::Prefix);
            listing(&ns.list(filter)?, json)
        }
        Action::ListMatching { regex } => listing(&ns.list(ListFilter::Regex(regex))?, json),
        Action::YpLookupAll { tags } => listing(&ns.yplookup(TagQuery::All(tags))?, json),
        Action::YpLookupAny { tags } => listing(&ns.yplookup(TagQuery::Any(tags))?, json),
        Action::Lookup { name } => {
            let (uri, tags) = ns.lookup_with_tags(name)?;
            if json {
                let mut s = String::from("{\"name\":");
                json_string(&mut s, name);
                s.push_str(",\"uri\":");
                json_string(&mut s, &uri);
                s.push_str(",\"tags\":");
                json_list(&mut s, &tags);
                s.push_str("}\n");
                s
            } else if tags.is_empty() {
                format!("{uri}\n")
            } else {
                format!("{uri}\ntags: {}\n", tags.join(", "))
            }
        }
        Action::Register { name, uri } => {
            ns.register(name, uri, true, None)?;
            if json {
                let mut s = String::from("{\"registered\":");
                json_string(&mut s, name);
                s.push_str(",\"uri\":");
                json_string(&mut s, uri);
                s.push_str("}\n");
                s
            } else {
                format!("Registered {name}\n")
            }
        }
        Action::Remove { name } => {
            let n = ns.remove(name)?;
            if json {
                format!("{{\"removed\":{n}}}\n")
            } else if n > 0 {
                format!("Removed {name}\n")
            } else {
                "Nothing removed\n".to_string()
            }
        }
        Action::RemoveMatching { regex } => {
            if !req.yes {
                let candidates = ns.list(ListFilter::Regex(regex))?;
                let n = candidates
                    .iter()
                    .filter(|e| e.name != client::NS_OBJECT)
                    .count();
                let question = format!(
                    "Remove {n} {} matching '{regex}' from the name server at {}? [y/N] ",
                    plural(n as i64, "name", "names"),
                    ns.peer()
                );
                if n > 0 && !confirm(&question) {
                    return Err(ControlError::NotConfirmed);
                }
            }
            let n = ns.remove_matching(regex)?;
            if json {
                format!("{{\"removed\":{n}}}\n")
            } else {
                format!("{n} {} removed\n", plural(n, "name", "names"))
            }
        }
        Action::SetMeta { name, tags } => {
            ns.set_metadata(name, tags)?;
            let mut sorted = tags.clone();
            sorted.sort();
            sorted.dedup();
            if json {
                let mut s = String::from("{\"name\":");
                json_string(&mut s, name);
                s.push_str(",\"tags\":");
                json_list(&mut s, &sorted);
                s.push_str("}\n");
                s
            } else if sorted.is_empty() {
                format!("Metadata of {name} cleared\n")
            } else {
                format!("Metadata of {name} set to: {}\n", sorted.join(", "))
            }
        }
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn plural(n: i64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn listing(entries: &[Entry], json: bool) -> String {
    if json {
        render_json(entries)
    } else {
        render_table(entries)
    }
}

/// The human listing: a header and one row per registration, sorted by name, columns padded to
/// the widest cell, tags sorted and comma-separated; `no registrations` when empty.
pub fn render_table(entries: &[Entry]) -> String {
    if entries.is_empty() {
        return "no registrations\n".to_string();
    }
    let mut rows: Vec<(&str, &str, String)> = entries
        .iter()
        .map(|e| (e.name.as_str(), e.uri.as_str(), e.tags.join(", ")))
        .collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let width = |s: &str| s.chars().count();
    let name_w = rows.iter().map(|r| width(r.0)).max().unwrap_or(0).max(4);
    let uri_w = rows.iter().map(|r| width(r.1)).max().unwrap_or(0).max(3);
    let mut out = String::new();
    let mut line = |name: &str, uri: &str, tags: &str| {
        let mut l = String::new();
        l.push_str(name);
        l.push_str(&" ".repeat(name_w - width(name) + 2));
        l.push_str(uri);
        l.push_str(&" ".repeat(uri_w - width(uri) + 2));
        l.push_str(tags);
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line("NAME", "URI", "TAGS");
    for (name, uri, tags) in &rows {
        line(name, uri, tags);
    }
    out
}

/// The `--json` listing: `{"name": {"uri": "...", "tags": [...]}, ...}` sorted by name, one line.
pub fn render_json(entries: &[Entry]) -> String {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut s = String::from("{");
    for (i, e) in sorted.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        json_string(&mut s, &e.name);
        s.push_str(":{\"uri\":");
        json_string(&mut s, &e.uri);
        s.push_str(",\"tags\":");
        json_list(&mut s, &e.tags);
        s.push('}');
    }
    s.push_str("}\n");
    s
}

/// Append `text` as a JSON string (RFC 8259 escapes; non-ASCII written raw).
pub fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_list(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, t);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, uri: &str, tags: &[&str]) -> Entry {
        Entry {
            name: name.into(),
            uri: uri.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn table_is_sorted_and_aligned() {
        let entries = [
            entry("zzz.last", "PYRO:z@127.0.0.1:50012", &[]),
            entry(
                "Pyro.NameServer",
                "PYRO:Pyro.NameServer@127.0.0.1:9090",
                &["class:Pyro5.nameserver.NameServer"],
            ),
            entry(
                "test.nsc",
                "PYRO:obj_nsc@127.0.0.1:50010",
                &["tagA", "tagB"],
            ),
        ];
        let want = "\
NAME             URI                                  TAGS
Pyro.NameServer  PYRO:Pyro.NameServer@127.0.0.1:9090  class:Pyro5.nameserver.NameServer
test.nsc         PYRO:obj_nsc@127.0.0.1:50010         tagA, tagB
zzz.last         PYRO:z@127.0.0.1:50012
";
        assert_eq!(render_table(&entries), want);
    }

    #[test]
    fn table_columns_count_characters_not_bytes() {
        let entries = [
            entry("é", "PYRO:a@h:1", &["x"]),
            entry("ab", "PYRO:ü@h:1", &[]),
        ];
        let want = "\
NAME  URI         TAGS
ab    PYRO:ü@h:1
é     PYRO:a@h:1  x
";
        assert_eq!(render_table(&entries), want);
    }

    #[test]
    fn empty_listings() {
        assert_eq!(render_table(&[]), "no registrations\n");
        assert_eq!(render_json(&[]), "{}\n");
    }

    #[test]
    fn json_listing_is_one_sorted_line() {
        let entries = [
            entry("b", "PYRO:b@h:1", &["t\"1", "t2"]),
            entry("a", "PYRO:a@h:1", &[]),
        ];
        assert_eq!(
            render_json(&entries),
            "{\"a\":{\"uri\":\"PYRO:a@h:1\",\"tags\":[]},\"b\":{\"uri\":\"PYRO:b@h:1\",\"tags\":[\"t\\\"1\",\"t2\"]}}\n"
        );
    }

    #[test]
    fn json_strings_escape_controls_and_keep_unicode() {
        let cases = [
            ("plain", "\"plain\""),
            ("a\\b", "\"a\\\\b\""),
            ("tab\there", "\"tab\\there\""),
            ("\u{1}", "\"\\u0001\""),
            ("héllo ✓", "\"héllo ✓\""),
        ];
        for (input, want) in cases {
            let mut s = String::new();
            json_string(&mut s, input);
            assert_eq!(s, want, "{input:?}");
        }
    }
}
