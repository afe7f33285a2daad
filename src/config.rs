//! PyroLab YAML text -> a validated [`Config`] (pure), plus [`load_file`] and the default paths.
//!
//! This is the only user of serde_yaml. Everything here is pure except [`load_file`], which reads
//! one file: no environment access (the callers pass `$HOME`, `$XDG_*` and "am I root" in), no
//! clock, and no network. A configured host is kept exactly as written (`public` as a marker):
//! nothing here resolves a name or binds a socket, so loading a file whose `production` entry
//! names a remote machine works anywhere, and starting one entry never touches another's host.
//!
//! # Accepted files
//!
//! A whole PyroLab configuration file loads. The top level is a mapping:
//!
//! * `nameservers`: required. A mapping NAME -> settings (PyroLab 0.2.1 .. 0.5.0), or the list of
//!   one-key mappings `- NAME: {settings}` used by PyroLab's documentation. File order is kept.
//!   An entry whose value is null takes every default. An `auto`/`auto N` entry (PyroLab invents
//!   a random name for it) keeps its key as its name, with a warning.
//! * `autolaunch`: its `nameservers` list names the entries `labns start --all` runs (each must be
//!   defined); its other keys (`daemons`, `services`, `features`) are left alone.
//! * `version`, `daemons`, `services` and `auto` / `auto N` keys: accepted and left alone.
//! * `strict: true`: turns unknown keys into an error, like `--strict`.
//!
//! Per-entry keys, from every PyroLab release and its documentation:
//!
//! | key | meaning | default |
//! | --- | --- | --- |
//! | `host` | bind host; `public` = the first up, non-loopback IPv4 interface (resolved by the daemon); `""` = `localhost` | `localhost` |
//! | `ns_port` | TCP port, 0 = random | 9090 |
//! | `broadcast` | run the UDP broadcast responder; when present it decides (DECISIONS.md 1) | absent |
//! | `ns_bchost` | responder bind address (may be `public`); null or `""` = all interfaces (0.2.1..0.4.0 typed it a boolean: read as null) | null |
//! | `ns_bcport` | responder port; without a `broadcast` key a non-null value turns the responder on | 9091 when on |
//! | `ns_autoclean` | seconds between autoclean passes; 0 = off, values in (0, 3) are an error | 0 |
//! | `storage` | `memory`, `lmdb[:FILE]`, `sql[:FILE]`, `dbm[:FILE]`; all persistent ones are LMDB (DECISIONS.md 2) | `memory` |
//! | `storage_type`, `storage_file` / `storage_filename` | the documented two-key spelling of `storage` | |
//!
//! labns additions (optional, per entry):
//!
//! | key | meaning | default |
//! | --- | --- | --- |
//! | `max_message_size` | largest accepted message in bytes (>= 1024; an integer or a size such as `"16MiB"`) | the daemon's |
//! | `message_timeout` | seconds (> 0) a peer may take to finish sending a message | none |
//! | `lmdb_map_size` | LMDB map size in bytes (>= 1MiB; an integer or a size such as `"64MiB"`) | the daemon's |
//! | `autoclean_grace` | seconds an unreachable registration is kept before autoclean removes it | 20 |
//! | `compression` | compress outgoing messages (Pyro5's COMPRESSION) | false |
//! | `allow_write`, `token`, `protect_ns_entry` | reserved for the hardening work: accepted and kept | |
//!
//! A null value means the same as leaving the key out. Numbers may be quoted (as pydantic allowed)
//! and booleans may be spelled `yes`/`no`/`on`/`off` (as PyYAML reads them). YAML merge keys (`<<`)
//! are applied. Unknown keys give a [`ConfigWarning`] naming the dotted key path and line; in strict
//! mode the first one becomes the [`ConfigError`]. Errors always name the key; the line is found by
//! re-parsing with serde_yaml (which reports the position of the node where a deserializer failed),
//! so it is exact for block style, flow style and comments alike, and `None` rather than a guess.
//!
//! PyroLab 0.1 kept its settings in an INI file; such a file is refused with a message saying so.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::ns::access::Cidr;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

/// Pyro5's NS_PORT.
pub const DEFAULT_PORT: u16 = 9090;
/// Pyro5's NS_BCPORT: the responder port when it runs and no `ns_bcport` is given.
pub const DEFAULT_BCPORT: u16 = 9091;
/// Pyro5 keeps an unreachable registration this long before autoclean removes it.
pub const DEFAULT_AUTOCLEAN_GRACE: Duration = Duration::from_secs(20);
/// Pyro5 refuses NS_AUTOCLEAN values between 0 and this.
pub const MIN_AUTOCLEAN_SECS: f64 = 3.0;
/// Smallest accepted `max_message_size`.
pub const MIN_MESSAGE_SIZE: u64 = 1024;
/// Smallest accepted `lmdb_map_size`.
pub const MIN_LMDB_MAP_SIZE: u64 = 1 << 20;
/// Larger configuration texts are refused before parsing.
pub const MAX_CONFIG_BYTES: usize = 1 << 20;
/// Warnings after this many are summarised in one last warning.
const MAX_WARNINGS: usize = 50;

/// Where a name server binds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// A host name or address, as written (never resolved here).
    Name(String),
    /// `public`: the address of the first up, non-loopback IPv4 interface, resolved by the
    /// daemon when (and only when) this entry starts.
    Public,
}

impl Host {
    /// The host as written in a configuration file.
    pub fn as_str(&self) -> &str {
        match self {
            Host::Name(name) => name,
            Host::Public => "public",
        }
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The registry's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageKind {
    /// Volatile, in memory.
    Memory,
    /// Persistent, in LMDB, whichever of the accepted spellings was used (DECISIONS.md 2).
    Lmdb {
        /// The file given, or `None` for [`default_store_path`].
        path: Option<PathBuf>,
        /// `"lmdb"`, `"sql"` or `"dbm"`: kept so the daemon can say once that `sql`/`dbm`
        /// storage is LMDB in labns.
        spelling: &'static str,
    },
}

impl StorageKind {
    /// True for the LMDB-backed kinds.
    pub fn is_persistent(&self) -> bool {
        matches!(self, StorageKind::Lmdb { .. })
    }
}

impl fmt::Display for StorageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageKind::Memory => f.write_str("memory"),
            StorageKind::Lmdb {
                path: None,
                spelling,
            } => f.write_str(spelling),
            StorageKind::Lmdb {
                path: Some(path),
                spelling,
            } => write!(f, "{spelling}:{}", path.display()),
        }
    }
}

/// The UDP broadcast responder of one name server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroadcastConfig {
    /// Bind address; `None` = all interfaces. May be `public` (resolved by the daemon).
    pub host: Option<String>,
    /// UDP port, 0 = random.
    pub port: u16,
}

/// One entry of `nameservers:`, validated, with defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct NameServerConfig {
    /// The entry's name (the key under `nameservers`).
    pub name: String,
    pub host: Host,
    /// TCP port, 0 = random.
    pub port: u16,
    /// `None` = no broadcast responder.
    pub broadcast: Option<BroadcastConfig>,
    /// Interval between autoclean passes; `None` = off. Always >= 3 s when set.
    pub autoclean: Option<Duration>,
    /// How long an unreachable registration is kept before autoclean removes it.
    pub autoclean_grace: Duration,
    pub storage: StorageKind,
    /// `None` = the daemon's default.
    pub max_message_size: Option<u32>,
    /// `None` = no time-out.
    pub message_timeout: Option<Duration>,
    /// `None` = the daemon's default.
    pub lmdb_map_size: Option<u64>,
    pub compression: bool,
    /// Networks allowed to register/remove/set_metadata; empty = everyone (Pyro5).
    pub allow_write: Vec<Cidr>,
    /// `limits:` (see [`LIMIT_KEYS`]), validated, in file order.
    pub limits: Vec<(String, u64)>,
    /// The handshake token clients must send (`token:`; `--token-file`); `None` = no check.
    pub token: Option<String>,
    /// Whether clients may not overwrite `Pyro.NameServer`; `None` = the default (on,
    /// DECISIONS.md 4).
    pub protect_ns_entry: Option<bool>,
}

impl NameServerConfig {
    /// An entry with every default, as `NAME:` with no settings gives.
    pub fn with_defaults(name: impl Into<String>) -> Self {
        NameServerConfig {
            name: name.into(),
            host: Host::Name("localhost".to_string()),
            port: DEFAULT_PORT,
            broadcast: None,
            autoclean: None,
            autoclean_grace: DEFAULT_AUTOCLEAN_GRACE,
            storage: StorageKind::Memory,
            max_message_size: None,
            message_timeout: None,
            lmdb_map_size: None,
            compression: false,
            allow_write: Vec::new(),
            limits: Vec::new(),
            token: None,
            protect_ns_entry: None,
        }
    }

    /// The LMDB file this entry uses: the configured one (as written, relative paths included)
    /// or [`default_store_path`] in `data_dir`. `None` for memory storage.
    pub fn store_path(&self, data_dir: &Path) -> Option<PathBuf> {
        match &self.storage {
            StorageKind::Memory => None,
            StorageKind::Lmdb { path: Some(p), .. } => Some(p.clone()),
            StorageKind::Lmdb { path: None, .. } => Some(default_store_path(data_dir, &self.name)),
        }
    }
}

/// A loaded configuration file.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// In file order.
    pub nameservers: Vec<NameServerConfig>,
    /// `autolaunch.nameservers`: what `labns start --all` runs (each one is defined above).
    pub autolaunch: Vec<String>,
    /// The strictness in force: the caller's `--strict` or the file's `strict: true`.
    pub strict: bool,
    pub warnings: Vec<ConfigWarning>,
}

impl Config {
    /// The entry called `name`.
    pub fn get(&self, name: &str) -> Option<&NameServerConfig> {
        self.nameservers.iter().find(|ns| ns.name == name)
    }
}

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Dotted key path, e.g. `nameservers.default.ns_port`; empty for file-level problems.
    pub key: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.key, self.line, &self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Something accepted but worth telling (mostly: an unknown key, ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub key: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.key, self.line, &self.message)
    }
}

fn write_located(
    f: &mut fmt::Formatter<'_>,
    key: &str,
    line: Option<usize>,
    message: &str,
) -> fmt::Result {
    match (key.is_empty(), line) {
        (false, Some(line)) => write!(f, "{key} (line {line}): {message}"),
        (false, None) => write!(f, "{key}: {message}"),
        (true, Some(line)) => write!(f, "line {line}: {message}"),
        (true, None) => f.write_str(message),
    }
}

/// The keys of a `limits:` mapping (and of `--limit KEY=VALUE`), with what they bound.
pub const LIMIT_KEYS: &[(&str, &str)] = &[
    (
        "max_connections",
        "simultaneous client connections per name server",
    ),
    (
        "max_output",
        "bytes of replies queued for one client before reading from it stops",
    ),
    ("max_depth", "nesting depth of containers in a request"),
    ("max_items", "items in one container of a request"),
    (
        "max_registrations",
        "registrations (the name server's own included)",
    ),
    ("max_name_len", "bytes of a registered name"),
    ("max_uri_len", "bytes of a registered URI"),
    ("max_tag_len", "bytes of a metadata tag"),
    ("max_tags", "metadata tags per registration"),
    (
        "reply_cache",
        "bytes of cached read-only replies (0 = no cache)",
    ),
];

/// One `limits:` value: a known key and a positive number (sizes may carry units).
pub fn parse_limit(key: &str, node_or_text: impl LimitValue) -> Result<u64, String> {
    if !LIMIT_KEYS.iter().any(|(k, _)| *k == key) {
        let known: Vec<&str> = LIMIT_KEYS.iter().map(|(k, _)| *k).collect();
        return Err(format!(
            "unknown limit '{key}' (known: {})",
            known.join(", ")
        ));
    }
    let value = node_or_text.size()?;
    if value == 0 && key != "reply_cache" {
        return Err(format!("invalid limit {key}: must be at least 1"));
    }
    Ok(value)
}

/// What [`parse_limit`] accepts: a YAML node or command-line text.
pub trait LimitValue {
    fn size(self) -> Result<u64, String>;
}

impl LimitValue for &Node {
    fn size(self) -> Result<u64, String> {
        as_size(self)
    }
}

impl LimitValue for &str {
    fn size(self) -> Result<u64, String> {
        as_size(&Node::Str(self.to_string()))
    }
}

/// A `storage` value as the command line gives it (`memory`, `lmdb[:FILE]`, `sql[:FILE]`,
/// `dbm[:FILE]`), with the same rules and messages as the YAML key.
pub fn parse_storage(text: &str) -> Result<StorageKind, String> {
    as_storage(&Node::Str(text.to_string()), true)
}

/// A size as the command line gives it (`1048576`, `64MiB`, `16MB`).
pub fn parse_size(text: &str) -> Result<u64, String> {
    as_size(&Node::Str(text.to_string()))
}

/// An `ns_autoclean` value in seconds: `None` = off (0); below 3 is refused like Pyro5 does.
pub fn parse_autoclean(text: &str) -> Result<Option<Duration>, String> {
    as_autoclean(&Node::Str(text.to_string()))
}

/// Parses and validates a configuration text. `strict` is the caller's `--strict`; the file's
/// own `strict: true` also applies.
pub fn parse(text: &str, strict: bool) -> Result<Config, ConfigError> {
    if text.len() > MAX_CONFIG_BYTES {
        return Err(ConfigError {
            key: String::new(),
            line: None,
            message: format!(
                "the configuration is {} bytes; at most {MAX_CONFIG_BYTES} are accepted",
                text.len()
            ),
        });
    }
    let root = parse_yaml(text)?;
    Interpreter {
        text,
        warnings: Vec::new(),
        unknown: Vec::new(),
        dropped_warnings: 0,
    }
    .config(&root, strict)
}

/// Reads and parses one configuration file. Errors do not repeat the path: callers say
/// `PATH: ERROR` once.
pub fn load_file(path: &Path, strict: bool) -> Result<Config, ConfigError> {
    let file_error = |message: String| ConfigError {
        key: String::new(),
        line: None,
        message,
    };
    let metadata =
        std::fs::metadata(path).map_err(|e| file_error(format!("cannot read the file: {e}")))?;
    if metadata.len() > MAX_CONFIG_BYTES as u64 {
        return Err(file_error(format!(
            "the file has {} bytes; a configuration file may have at most {MAX_CONFIG_BYTES}",
            metadata.len()
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| file_error(format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| file_error(format!("the file is not UTF-8 text: {e}")))?;
    parse(&text, strict)
}

/// `/etc/labns/labns.yml` for root, else `$XDG_CONFIG_HOME/labns/labns.yml` (an absolute
/// `$XDG_CONFIG_HOME` only, as the XDG spec says), else `~/.config/labns/labns.yml`; without a
/// home directory, the system file.
pub fn default_config_path(
    is_root: bool,
    xdg_config_home: Option<&str>,
    home: Option<&str>,
) -> PathBuf {
    match user_base(is_root, xdg_config_home, home, ".config") {
        Some(base) => base.join("labns").join("labns.yml"),
        None => PathBuf::from("/etc/labns/labns.yml"),
    }
}

/// `/var/lib/labns` for root, else `$XDG_DATA_HOME/labns` (absolute only), else
/// `~/.local/share/labns`; without a home directory, the system directory.
pub fn default_data_dir(is_root: bool, xdg_data_home: Option<&str>, home: Option<&str>) -> PathBuf {
    match user_base(is_root, xdg_data_home, home, ".local/share") {
        Some(base) => base.join("labns"),
        None => PathBuf::from("/var/lib/labns"),
    }
}

fn user_base(
    is_root: bool,
    xdg: Option<&str>,
    home: Option<&str>,
    home_relative: &str,
) -> Option<PathBuf> {
    if is_root {
        return None;
    }
    if let Some(xdg) = xdg.filter(|x| x.starts_with('/')) {
        return Some(PathBuf::from(xdg));
    }
    home.filter(|h| !h.is_empty())
        .map(|h| Path::new(h).join(home_relative))
}

/// The LMDB file of a name server that names none: `<data_dir>/<name>.lmdb`. A name that is not
/// a safe file name (characters other than ASCII letters, digits, `.`, `_`, `-`, or a leading
/// `.`) is sanitized and suffixed with a hash of the original, so different names never share
/// a file.
pub fn default_store_path(data_dir: &Path, ns_name: &str) -> PathBuf {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    let is_safe = !ns_name.is_empty()
        && !ns_name.starts_with('.')
        && ns_name.len() <= 100
        && ns_name.chars().all(safe);
    let stem = if is_safe {
        ns_name.to_string()
    } else {
        let mut cleaned: String = ns_name
            .chars()
            .take(64)
            .map(|c| if safe(c) { c } else { '_' })
            .collect();
        if cleaned.starts_with('.') {
            cleaned.replace_range(0..1, "_");
        }
        format!("{cleaned}-{:08x}", fnv1a32(ns_name.as_bytes()))
    };
    data_dir.join(format!("{stem}.lmdb"))
}

fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The `labns config show` table: a header, then one row per name server.
pub fn render_table(config: &Config) -> String {
    let header = [
        "NAME",
        "HOST",
        "PORT",
        "BROADCAST",
        "AUTOCLEAN",
        "AUTOLAUNCH",
        "STORAGE",
    ];
    let mut rows: Vec<[String; 7]> = vec![header.map(str::to_string)];
    for ns in &config.nameservers {
        let broadcast = match &ns.broadcast {
            None => "off".to_string(),
            Some(bc) => format!("{}:{}", bc.host.as_deref().unwrap_or("*"), bc.port),
        };
        let autoclean = match ns.autoclean {
            None => "off".to_string(),
            Some(d) => format_seconds(d),
        };
        let autolaunch = if config.autolaunch.contains(&ns.name) {
            "yes"
        } else {
            "no"
        };
        let storage = match &ns.storage {
            StorageKind::Memory => "memory".to_string(),
            StorageKind::Lmdb { path, spelling } => {
                let file = match path {
                    Some(p) => p.display().to_string(),
                    None => default_store_path(Path::new("<data dir>"), &ns.name)
                        .display()
                        .to_string(),
                };
                if *spelling == "lmdb" {
                    format!("lmdb {file}")
                } else {
                    format!("{spelling} (as lmdb) {file}")
                }
            }
        };
        rows.push([
            ns.name.clone(),
            ns.host.to_string(),
            ns.port.to_string(),
            broadcast,
            autoclean,
            autolaunch.to_string(),
            storage,
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                let pad = widths[i] - cell.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn format_seconds(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if d.subsec_nanos() == 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{secs}s")
    }
}

// ---------------------------------------------------------------------------------------------
// The YAML tree: serde_yaml's parser, our own node type (order kept, duplicates kept, tags kept).

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Tagged(String, Box<Node>),
}

impl<'de> de::Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Int(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        // Beyond i128: keep it as text; no key of ours takes such a number.
        Ok(i128::try_from(v).map_or_else(|_| Node::Str(v.to_string()), Node::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry()? {
            entries.push((k, v));
        }
        Ok(Node::Map(entries))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        let (tag, variant): (String, _) = data.variant()?;
        let inner: Node = variant.newtype_variant()?;
        Ok(Node::Tagged(tag, Box::new(inner)))
    }
}

fn parse_yaml(text: &str) -> Result<Node, ConfigError> {
    if text.trim().is_empty() {
        return Ok(Node::Null);
    }
    serde_yaml::from_str::<Node>(text).map_err(|e| {
        if looks_like_ini(text) {
            return ini_error();
        }
        ConfigError {
            key: String::new(),
            line: e.location().map(|l| l.line()),
            message: format!("not valid YAML: {e}"),
        }
    })
}

/// PyroLab 0.1 wrote `[pyro5]` and `[pyrolab]` INI sections.
fn looks_like_ini(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim().to_ascii_lowercase();
        l == "[pyro5]" || l == "[pyrolab]"
    })
}

fn ini_error() -> ConfigError {
    ConfigError {
        key: String::new(),
        line: None,
        message: "this is a PyroLab 0.1 INI file ([pyro5] and [pyrolab] sections); labns reads \
                  the YAML format of PyroLab 0.2 and later (a `nameservers:` mapping)"
            .to_string(),
    }
}

/// One step from a node to a child: the K-th key of a mapping (as the last step: the key itself;
/// otherwise: its value), or the I-th item of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Key(usize),
    Item(usize),
}

const LOCATE_MARKER: &str = "\u{1}labns-locate\u{1}";

/// The 1-based line of the node at `path`, found by re-parsing `text` and failing on purpose at
/// that node: serde_yaml stamps the error with the node's position.
fn locate(text: &str, path: &[Step]) -> Option<usize> {
    let deserializer = serde_yaml::Deserializer::from_str(text);
    match Locate(path).deserialize(deserializer) {
        Err(e) if e.to_string().contains(LOCATE_MARKER) => e.location().map(|l| l.line()),
        _ => None,
    }
}

struct Locate<'p>(&'p [Step]);

impl<'de> DeserializeSeed<'de> for Locate<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.0.is_empty() {
            d.deserialize_any(Found)
        } else {
            d.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for Locate<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }
    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (first, rest) = match self.0.split_first() {
            Some((Step::Item(i), rest)) => (Some(*i), rest),
            _ => (None, &[][..]),
        };
        let mut index = 0;
        loop {
            let more = if Some(index) == first {
                seq.next_element_seed(Locate(rest))?
            } else {
                seq.next_element::<IgnoredAny>()?.map(|_| ())
            };
            if more.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (first, rest) = match self.0.split_first() {
            Some((Step::Key(k), rest)) => (Some(*k), rest),
            _ => (None, &[][..]),
        };
        let mut index = 0;
        loop {
            if Some(index) == first && rest.is_empty() {
                map.next_key_seed(Found)?;
                return Ok(());
            }
            if map.next_key::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            if Some(index) == first {
                map.next_value_seed(Locate(rest))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            index += 1;
        }
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, variant): (IgnoredAny, _) = data.variant()?;
        variant.newtype_variant_seed(self)
    }
}

/// Fails on whatever node it is given, so that serde_yaml reports that node's position.
struct Found;

impl Found {
    fn here<E: de::Error>() -> E {
        E::custom(LOCATE_MARKER)
    }
}

impl<'de> DeserializeSeed<'de> for Found {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Found {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("nothing")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(Self::here())
    }
    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(Self::here())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(Self::here())
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(Self::here())
    }
    fn visit_enum<A: EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(Self::here())
    }
}

// ---------------------------------------------------------------------------------------------
// Interpretation: the tree -> Config.

/// A mapping entry after merge keys are applied, with the path to its key.
struct Item<'n> {
    key: &'n Node,
    value: &'n Node,
    src: Vec<Step>,
}

struct Interpreter<'t> {
    text: &'t str,
    warnings: Vec<ConfigWarning>,
    /// Indexes into `warnings` of the unknown-key warnings (the ones strict mode refuses).
    unknown: Vec<usize>,
    dropped_warnings: usize,
}

/// A top-level key that PyroLab accepts and labns leaves alone.
fn is_ignored_top_level(key: &str) -> bool {
    matches!(key, "version" | "daemons" | "services") || is_auto_key(key)
}

/// PyroLab's `auto` / `auto N` keys (a random name of N words).
fn is_auto_key(key: &str) -> bool {
    match key.strip_prefix("auto") {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix(' ')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn child(src: &[Step], step: Step) -> Vec<Step> {
    let mut out = src.to_vec();
    out.push(step);
    out
}

/// A key as text, for paths and messages.
fn key_text(key: &Node) -> String {
    match key {
        Node::Str(s) => s.clone(),
        Node::Int(i) => i.to_string(),
        Node::Float(f) => f.to_string(),
        Node::Bool(b) => b.to_string(),
        Node::Null => "null".to_string(),
        Node::Tagged(tag, inner) => format!("!{tag} {}", key_text(inner)),
        Node::Seq(_) | Node::Map(_) => "<complex key>".to_string(),
    }
}

/// A value as quoted in messages: `'abc'`, `'-1'`, `'true'`, `a list`, `a mapping`.
fn show(node: &Node) -> String {
    match node {
        Node::Null => "null".to_string(),
        Node::Seq(_) => "a list".to_string(),
        Node::Map(_) => "a mapping".to_string(),
        Node::Tagged(tag, _) => format!("a value tagged !{tag}"),
        scalar => {
            let text = key_text(scalar);
            let mut shown: String = text.chars().take(60).collect();
            if shown.len() < text.len() {
                shown.push_str("...");
            }
            format!("'{shown}'")
        }
    }
}

impl Interpreter<'_> {
    fn error(&self, key: String, src: &[Step], message: impl Into<String>) -> ConfigError {
        ConfigError {
            key,
            line: locate(self.text, src),
            message: message.into(),
        }
    }

    fn warn(&mut self, key: String, src: &[Step], message: impl Into<String>, unknown: bool) {
        if self.warnings.len() >= MAX_WARNINGS {
            self.dropped_warnings += 1;
            return;
        }
        if unknown {
            self.unknown.push(self.warnings.len());
        }
        self.warnings.push(ConfigWarning {
            key,
            line: locate(self.text, src),
            message: message.into(),
        });
    }

    /// The entries of a mapping with `<<` merge keys applied: explicit keys win over merged ones,
    /// and among merged mappings the first wins (as PyYAML does). Explicit duplicates are kept for
    /// the caller to refuse.
    fn items<'n>(
        &self,
        pairs: &'n [(Node, Node)],
        src: &[Step],
        path: &str,
    ) -> Result<Vec<Item<'n>>, ConfigError> {
        let mut explicit = Vec::new();
        let mut merged = Vec::new();
        for (k, (key, value)) in pairs.iter().enumerate() {
            let item_src = child(src, Step::Key(k));
            if !matches!(key, Node::Str(s) if s == "<<") {
                explicit.push(Item {
                    key,
                    value,
                    src: item_src,
                });
                continue;
            }
            match value {
                Node::Map(inner) => merged.extend(self.items(inner, &item_src, path)?),
                Node::Seq(list) => {
                    for (i, node) in list.iter().enumerate() {
                        let list_src = child(&item_src, Step::Item(i));
                        match node {
                            Node::Map(inner) => merged.extend(self.items(inner, &list_src, path)?),
                            other => {
                                return Err(self.error(
                                    join(path, "<<"),
                                    &list_src,
                                    format!("cannot merge {}: expected a mapping", show(other)),
                                ));
                            }
                        }
                    }
                }
                other => {
                    return Err(self.error(
                        join(path, "<<"),
                        &item_src,
                        format!(
                            "cannot merge {}: expected a mapping or a list of mappings",
                            show(other)
                        ),
                    ));
                }
            }
        }
        if merged.is_empty() {
            return Ok(explicit);
        }
        let mut seen: HashSet<String> = explicit.iter().map(|i| key_text(i.key)).collect();
        let mut out: Vec<Item<'n>> = merged
            .into_iter()
            .filter(|item| seen.insert(key_text(item.key)))
            .collect();
        out.extend(explicit);
        Ok(out)
    }

    /// Refuses a key that appears twice in one mapping (PyroLab does too).
    fn no_duplicates(&self, items: &[Item<'_>], path: &str) -> Result<(), ConfigError> {
        let mut seen = HashSet::new();
        for item in items {
            let key = key_text(item.key);
            if !seen.insert(key.clone()) {
                return Err(self.error(
                    join(path, &key),
                    &item.src,
                    format!("duplicate key '{key}'"),
                ));
            }
        }
        Ok(())
    }

    fn config(mut self, root: &Node, strict: bool) -> Result<Config, ConfigError> {
        let pairs = match root {
            Node::Map(pairs) => pairs,
            Node::Null => {
                return Err(ConfigError {
                    key: String::new(),
                    line: None,
                    message: "the configuration is empty: expected a mapping with a \
                              `nameservers` section"
                        .to_string(),
                });
            }
            _ if looks_like_ini(self.text) => return Err(ini_error()),
            other => {
                return Err(self.error(
                    String::new(),
                    &[],
                    format!(
                        "the top level must be a mapping with a `nameservers` section, found {}",
                        show(other)
                    ),
                ));
            }
        };
        let items = self.items(pairs, &[], "")?;
        // Auto keys are renamed by PyroLab, so they may repeat.
        let named: Vec<Item<'_>> = items
            .into_iter()
            .filter(|i| !matches!(i.key, Node::Str(s) if is_auto_key(s)))
            .collect();
        self.no_duplicates(&named, "")?;

        let mut nameservers = None;
        let mut autolaunch = None;
        let mut file_strict = false;
        for item in &named {
            let key = key_text(item.key);
            match (item.key, key.as_str()) {
                (Node::Str(_), "nameservers") => nameservers = Some(item),
                (Node::Str(_), "autolaunch") => autolaunch = Some(item),
                (Node::Str(_), "strict") => {
                    file_strict = self.opt(item, "strict", as_bool)?.unwrap_or(false);
                }
                (Node::Str(_), k) if is_ignored_top_level(k) => {}
                _ => self.warn(key, &item.src, "unknown key, ignored", true),
            }
        }

        let Some(ns_item) = nameservers else {
            return Err(ConfigError {
                key: "nameservers".to_string(),
                line: None,
                message: "missing: the file defines no name servers (expected a `nameservers:` \
                          mapping of name -> settings)"
                    .to_string(),
            });
        };
        let nameservers = self.nameservers(ns_item)?;
        let autolaunch = match autolaunch {
            Some(item) => self.autolaunch(item, &nameservers)?,
            None => Vec::new(),
        };

        let strict = strict || file_strict;
        if strict {
            if let Some(&first) = self.unknown.first() {
                let warning = &self.warnings[first];
                let mut message = "unknown key (strict mode)".to_string();
                let others: Vec<&str> = self.unknown[1..]
                    .iter()
                    .map(|&i| self.warnings[i].key.as_str())
                    .collect();
                if !others.is_empty() {
                    message.push_str(&format!("; also unknown: {}", others.join(", ")));
                }
                return Err(ConfigError {
                    key: warning.key.clone(),
                    line: warning.line,
                    message,
                });
            }
        }
        if self.dropped_warnings > 0 {
            self.warnings.push(ConfigWarning {
                key: String::new(),
                line: None,
                message: format!("{} more warnings not shown", self.dropped_warnings),
            });
        }
        Ok(Config {
            nameservers,
            autolaunch,
            strict,
            warnings: self.warnings,
        })
    }

    fn nameservers(&mut self, item: &Item<'_>) -> Result<Vec<NameServerConfig>, ConfigError> {
        let mut entries: Vec<(String, &Node, Vec<Step>, String)> = Vec::new();
        match item.value {
            Node::Map(pairs) => {
                for entry in self.items(pairs, &item.src, "nameservers")? {
                    let name = self.ns_name(entry.key, &entry.src)?;
                    let path = join("nameservers", &name);
                    entries.push((name, entry.value, entry.src, path));
                }
            }
            // The documentation's form: a list of one-key mappings.
            Node::Seq(list) => {
                for (i, node) in list.iter().enumerate() {
                    let item_src = child(&item.src, Step::Item(i));
                    let pairs = match node {
                        Node::Map(pairs) => self.items(pairs, &item_src, "nameservers")?,
                        _ => Vec::new(),
                    };
                    let [entry] = &pairs[..] else {
                        return Err(self.error(
                            format!("nameservers[{i}]"),
                            &item_src,
                            format!(
                                "expected `- NAME: settings` (a mapping with one key), found {}",
                                if pairs.is_empty() {
                                    show(node)
                                } else {
                                    format!("a mapping with {} keys", pairs.len())
                                }
                            ),
                        ));
                    };
                    let name = self.ns_name(entry.key, &entry.src)?;
                    let path = join("nameservers", &name);
                    entries.push((name, entry.value, entry.src.clone(), path));
                }
            }
            Node::Null => {
                return Err(self.error(
                    "nameservers".to_string(),
                    &item.src,
                    "is empty: expected a mapping of name -> settings (check the indentation \
                     of the entries below it)",
                ));
            }
            other => {
                return Err(self.error(
                    "nameservers".to_string(),
                    &item.src,
                    format!(
                        "expected a mapping of name -> settings, found {}",
                        show(other)
                    ),
                ));
            }
        }

        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(entries.len());
        for (name, value, src, path) in entries {
            if !seen.insert(name.clone()) {
                return Err(self.error(path, &src, format!("duplicate name server '{name}'")));
            }
            if is_auto_key(&name) {
                self.warn(
                    path.clone(),
                    &src,
                    format!("PyroLab gives such an entry a random name; labns calls it '{name}'"),
                    false,
                );
            }
            out.push(self.entry(name, value, &src, &path)?);
        }
        Ok(out)
    }

    fn ns_name(&self, key: &Node, src: &[Step]) -> Result<String, ConfigError> {
        let name = match key {
            Node::Str(s) => s.trim().to_string(),
            Node::Int(i) => i.to_string(),
            other => {
                return Err(self.error(
                    format!("nameservers.{}", key_text(other)),
                    src,
                    format!("a name server's name must be text, found {}", show(other)),
                ));
            }
        };
        if name.is_empty() {
            return Err(self.error(
                "nameservers".to_string(),
                src,
                "a name server's name must not be empty",
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(self.error(
                format!("nameservers.{}", name.escape_debug()),
                src,
                "a name server's name must not contain control characters",
            ));
        }
        Ok(name)
    }

    /// Reads an optional value: `None` when null, else `parse` or an error naming the key.
    fn opt<T>(
        &self,
        item: &Item<'_>,
        path: &str,
        parse: impl FnOnce(&Node) -> Result<T, String>,
    ) -> Result<Option<T>, ConfigError> {
        match item.value {
            Node::Null => Ok(None),
            Node::Tagged(tag, _) => Err(self.error(
                path.to_string(),
                &item.src,
                format!("unsupported YAML tag '!{tag}'"),
            )),
            node => parse(node)
                .map(Some)
                .map_err(|message| self.error(path.to_string(), &item.src, message)),
        }
    }

    fn entry(
        &mut self,
        name: String,
        value: &Node,
        src: &[Step],
        path: &str,
    ) -> Result<NameServerConfig, ConfigError> {
        let mut ns = NameServerConfig::with_defaults(name);
        let pairs = match value {
            Node::Null => return Ok(ns),
            Node::Map(pairs) => pairs,
            other => {
                return Err(self.error(
                    path.to_string(),
                    src,
                    format!("expected a mapping of settings, found {}", show(other)),
                ));
            }
        };
        let items = self.items(pairs, src, path)?;
        self.no_duplicates(&items, path)?;

        let mut broadcast = None;
        let mut bchost = None;
        let mut bcport = None;
        let mut storage: Option<(StorageKind, String)> = None;
        let mut storage_type: Option<(StorageKind, String)> = None;
        let mut storage_file: Option<(PathBuf, String, Vec<Step>)> = None;
        for item in &items {
            let key = key_text(item.key);
            let key_path = join(path, &key);
            let kp = key_path.as_str();
            let known = matches!(item.key, Node::Str(_));
            match key.as_str() {
                "host" if known => {
                    if let Some(host) = self.opt(item, kp, as_host)? {
                        if host == Host::Name(String::new()) {
                            self.warn(
                                key_path.clone(),
                                &item.src,
                                "an empty host means localhost in labns (Pyro5 would bind every \
                                 interface: write 0.0.0.0 for that)",
                                false,
                            );
                        } else {
                            ns.host = host;
                        }
                    }
                }
                "ns_port" if known => {
                    if let Some(port) = self.opt(item, kp, |n| as_port(n, "port"))? {
                        ns.port = port;
                    }
                }
                "broadcast" if known => broadcast = self.opt(item, kp, as_bool)?,
                "ns_bchost" if known => {
                    bchost = self.opt(item, kp, as_bchost)?.flatten();
                    if matches!(item.value, Node::Bool(true)) {
                        self.warn(
                            key_path.clone(),
                            &item.src,
                            "a boolean here (PyroLab 0.2-0.4 typed this key so) is read as \
                             null: all interfaces",
                            false,
                        );
                    }
                }
                "ns_bcport" if known => {
                    bcport = self.opt(item, kp, |n| as_port(n, "broadcast port"))?;
                }
                "ns_autoclean" if known => {
                    ns.autoclean = self.opt(item, kp, as_autoclean)?.flatten();
                }
                "storage" if known => {
                    storage = self
                        .opt(item, kp, |n| as_storage(n, true))?
                        .map(|kind| (kind, key_path.clone()));
                }
                "storage_type" if known => {
                    storage_type = self
                        .opt(item, kp, |n| as_storage(n, false))?
                        .map(|kind| (kind, key_path.clone()));
                }
                "storage_file" | "storage_filename" if known => {
                    if let Some(file) = self.opt(item, kp, as_path)?.flatten() {
                        if let Some((other, other_key, _)) = &storage_file {
                            if *other != file {
                                return Err(self.error(
                                    key_path.clone(),
                                    &item.src,
                                    format!("conflicts with {other_key} '{}'", other.display()),
                                ));
                            }
                        }
                        storage_file = Some((file, key_path.clone(), item.src.clone()));
                    }
                }
                "max_message_size" if known => {
                    ns.max_message_size = self.opt(item, kp, |n| {
                        let size = as_size(n)?;
                        if size < MIN_MESSAGE_SIZE || size > u64::from(u32::MAX) {
                            return Err(format!(
                                "invalid max_message_size {}: expected {MIN_MESSAGE_SIZE} to {} \
                                 bytes",
                                show(n),
                                u32::MAX
                            ));
                        }
                        u32::try_from(size).map_err(|e| e.to_string())
                    })?;
                }
                "message_timeout" if known => {
                    ns.message_timeout = self.opt(item, kp, |n| {
                        let secs = as_seconds(n)?;
                        if secs <= 0.0 {
                            return Err(format!(
                                "invalid message_timeout {}: expected seconds greater than 0 \
                                 (leave it out for no time-out)",
                                show(n)
                            ));
                        }
                        duration(secs, n)
                    })?;
                }
                "lmdb_map_size" if known => {
                    ns.lmdb_map_size = self.opt(item, kp, |n| {
                        let size = as_size(n)?;
                        if size < MIN_LMDB_MAP_SIZE {
                            return Err(format!(
                                "invalid lmdb_map_size {}: expected at least 1MiB",
                                show(n)
                            ));
                        }
                        Ok(size)
                    })?;
                }
                "autoclean_grace" if known => {
                    if let Some(grace) = self.opt(item, kp, |n| {
                        let secs = as_seconds(n)?;
                        if secs < 0.0 {
                            return Err(format!(
                                "invalid autoclean_grace {}: expected seconds, 0 or more",
                                show(n)
                            ));
                        }
                        duration(secs, n)
                    })? {
                        ns.autoclean_grace = grace;
                    }
                }
                "compression" if known => {
                    ns.compression = self.opt(item, kp, as_bool)?.unwrap_or(false);
                }
                "allow_write" if known => {
                    ns.allow_write = self
                        .opt(item, kp, |n| {
                            let items: Vec<&Node> = match n {
                                Node::Seq(v) => v.iter().collect(),
                                single => vec![single],
                            };
                            items
                                .into_iter()
                                .map(|n| match n {
                                    Node::Str(s) => Cidr::parse(s),
                                    other => Err(format!(
                                        "invalid network {}: expected ADDRESS[/PREFIX]",
                                        show(other)
                                    )),
                                })
                                .collect::<Result<Vec<Cidr>, String>>()
                        })?
                        .unwrap_or_default();
                }
                "limits" if known => {
                    let Node::Map(pairs) = item.value else {
                        if !matches!(item.value, Node::Null) {
                            return Err(self.error(
                                key_path.clone(),
                                &item.src,
                                format!("invalid limits {}: expected a mapping", show(item.value)),
                            ));
                        }
                        continue;
                    };
                    for (k, v) in pairs {
                        let name = key_text(k);
                        let path = join(&key_path, &name);
                        let value = parse_limit(&name, v);
                        match value {
                            Ok(value) => ns.limits.push((name, value)),
                            Err(message) => {
                                return Err(self.error(path, &item.src, message));
                            }
                        }
                    }
                }
                "token" if known => {
                    ns.token = self.opt(item, kp, |n| match n {
                        Node::Str(s) => Ok(s.clone()),
                        Node::Int(i) => Ok(i.to_string()),
                        other => Err(format!("invalid token {}: expected text", show(other))),
                    })?;
                }
                "protect_ns_entry" if known => ns.protect_ns_entry = self.opt(item, kp, as_bool)?,
                _ => self.warn(key_path, &item.src, "unknown key, ignored", true),
            }
        }

        // storage / storage_type / storage_file: one setting, two spellings.
        let mut kind = match (storage, storage_type) {
            (Some((a, a_key)), Some((b, b_key))) => {
                let same = match (&a, &b) {
                    (StorageKind::Memory, StorageKind::Memory) => true,
                    (
                        StorageKind::Lmdb { spelling: x, .. },
                        StorageKind::Lmdb { spelling: y, .. },
                    ) => x == y,
                    _ => false,
                };
                if !same {
                    let src = items
                        .iter()
                        .find(|i| matches!(i.key, Node::Str(s) if s == "storage_type"))
                        .map_or(src.to_vec(), |i| i.src.clone());
                    return Err(self.error(b_key, &src, format!("conflicts with {a_key} '{a}'")));
                }
                a
            }
            (Some((a, _)), None) | (None, Some((a, _))) => a,
            (None, None) => StorageKind::Memory,
        };
        if let Some((file, file_key, file_src)) = storage_file {
            match &mut kind {
                StorageKind::Memory => self.warn(
                    file_key,
                    &file_src,
                    "ignored: the storage is memory (set storage_type: lmdb, sql or dbm)",
                    false,
                ),
                StorageKind::Lmdb {
                    path: Some(given), ..
                } if *given != file => {
                    return Err(self.error(
                        file_key,
                        &file_src,
                        format!("conflicts with the file in storage '{}'", given.display()),
                    ));
                }
                StorageKind::Lmdb { path, .. } => *path = Some(file),
            }
        }
        ns.storage = kind;

        // DECISIONS.md 1: a `broadcast` key decides; otherwise a non-null ns_bcport turns it on.
        let on = broadcast.unwrap_or(bcport.is_some());
        ns.broadcast = on.then(|| BroadcastConfig {
            host: bchost,
            port: bcport.unwrap_or(DEFAULT_BCPORT),
        });
        Ok(ns)
    }

    fn autolaunch(
        &self,
        item: &Item<'_>,
        nameservers: &[NameServerConfig],
    ) -> Result<Vec<String>, ConfigError> {
        let pairs = match item.value {
            Node::Null => return Ok(Vec::new()),
            Node::Map(pairs) => pairs,
            other => {
                return Err(self.error(
                    "autolaunch".to_string(),
                    &item.src,
                    format!(
                        "expected a mapping (with a `nameservers` list), found {}",
                        show(other)
                    ),
                ));
            }
        };
        let items = self.items(pairs, &item.src, "autolaunch")?;
        self.no_duplicates(&items, "autolaunch")?;
        let mut names: Vec<String> = Vec::new();
        for entry in &items {
            if !matches!(entry.key, Node::Str(s) if s == "nameservers") {
                continue; // daemons, services, features: PyroLab's business
            }
            let list: Vec<&Node> = match entry.value {
                Node::Null => Vec::new(),
                Node::Seq(list) => list.iter().collect(),
                // A single name is a list of one.
                one @ (Node::Str(_) | Node::Int(_)) => vec![one],
                other => {
                    return Err(self.error(
                        "autolaunch.nameservers".to_string(),
                        &entry.src,
                        format!(
                            "expected a list of name-server names, found {}",
                            show(other)
                        ),
                    ));
                }
            };
            for (i, node) in list.into_iter().enumerate() {
                let node_src = match entry.value {
                    Node::Seq(_) => child(&entry.src, Step::Item(i)),
                    _ => entry.src.clone(),
                };
                let name = match node {
                    Node::Str(s) => s.trim().to_string(),
                    Node::Int(n) => n.to_string(),
                    other => {
                        return Err(self.error(
                            "autolaunch.nameservers".to_string(),
                            &node_src,
                            format!("expected a name-server name, found {}", show(other)),
                        ));
                    }
                };
                if !nameservers.iter().any(|ns| ns.name == name) {
                    return Err(self.error(
                        "autolaunch.nameservers".to_string(),
                        &node_src,
                        format!("refers to name server '{name}', which is not defined"),
                    ));
                }
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        Ok(names)
    }
}

// ---------------------------------------------------------------------------------------------
// Scalar conversions. Each returns the message of a ConfigError; the caller adds key and line.

fn as_port(node: &Node, what: &str) -> Result<u16, String> {
    let bad = || format!("invalid {what} {}: expected an integer 0-65535", show(node));
    let value = match node {
        Node::Int(i) => *i,
        Node::Float(f) if f.fract() == 0.0 && f.abs() < 1e9 => *f as i128,
        Node::Str(s) => s.trim().parse::<i128>().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    u16::try_from(value).map_err(|_| bad())
}

fn as_bool(node: &Node) -> Result<bool, String> {
    match node {
        Node::Bool(b) => Ok(*b),
        Node::Int(0) => Ok(false),
        Node::Int(1) => Ok(true),
        Node::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" => Ok(true),
            "false" | "no" | "off" => Ok(false),
            _ => Err(format!(
                "invalid boolean {}: expected true or false",
                show(node)
            )),
        },
        _ => Err(format!(
            "invalid boolean {}: expected true or false",
            show(node)
        )),
    }
}

fn as_host(node: &Node) -> Result<Host, String> {
    let Node::Str(s) = node else {
        return Err(format!(
            "invalid host {}: expected a host name, an IP address or 'public'",
            show(node)
        ));
    };
    let s = s.trim();
    if s == "public" {
        return Ok(Host::Public);
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "invalid host {}: a host name contains no spaces",
            show(node)
        ));
    }
    Ok(Host::Name(s.to_string()))
}

/// `Ok(None)` = all interfaces.
fn as_bchost(node: &Node) -> Result<Option<String>, String> {
    match node {
        Node::Bool(_) => Ok(None),
        Node::Str(s) if s.trim().is_empty() => Ok(None),
        Node::Str(_) => match as_host(node)? {
            Host::Public => Ok(Some("public".to_string())),
            Host::Name(name) => Ok(Some(name)),
        },
        _ => Err(format!(
            "invalid broadcast host {}: expected a host name, an IP address or null",
            show(node)
        )),
    }
}

fn as_seconds(node: &Node) -> Result<f64, String> {
    let secs = match node {
        Node::Int(i) => *i as f64,
        Node::Float(f) => *f,
        Node::Str(s) => s.trim().parse::<f64>().ok().unwrap_or(f64::NAN),
        _ => f64::NAN,
    };
    if secs.is_finite() {
        Ok(secs)
    } else {
        Err(format!("invalid duration {}: expected seconds", show(node)))
    }
}

fn duration(secs: f64, node: &Node) -> Result<Duration, String> {
    Duration::try_from_secs_f64(secs)
        .map_err(|_| format!("invalid duration {}: out of range", show(node)))
}

fn as_autoclean(node: &Node) -> Result<Option<Duration>, String> {
    let secs = as_seconds(node)?;
    if secs == 0.0 {
        Ok(None)
    } else if secs < 0.0 {
        Err(format!(
            "invalid ns_autoclean {}: expected 0 (off) or at least 3 seconds",
            show(node)
        ))
    } else if secs < MIN_AUTOCLEAN_SECS {
        Err(format!(
            "ns_autoclean cannot be smaller than 3 (got {secs}; use 0 to turn autoclean off)"
        ))
    } else {
        duration(secs, node).map(Some)
    }
}

/// `storage` (`with_path`) or `storage_type` (a bare kind).
fn as_storage(node: &Node, with_path: bool) -> Result<StorageKind, String> {
    let expected = if with_path {
        "expected memory, lmdb[:FILE], sql[:FILE] or dbm[:FILE]"
    } else {
        "expected memory, lmdb, sql or dbm"
    };
    let Node::Str(s) = node else {
        return Err(format!("invalid storage {}: {expected}", show(node)));
    };
    let s = s.trim();
    let (kind, file) = match s.split_once(':') {
        Some((kind, file)) if with_path => (kind, Some(file.trim())),
        Some(_) => return Err(format!("invalid storage type {}: {expected}", show(node))),
        None => (s, None),
    };
    let spelling = match kind {
        "memory" if file.is_none() => return Ok(StorageKind::Memory),
        "lmdb" => "lmdb",
        "sql" => "sql",
        "dbm" => "dbm",
        _ => return Err(format!("invalid storage {}: {expected}", show(node))),
    };
    Ok(StorageKind::Lmdb {
        path: file.filter(|f| !f.is_empty()).map(PathBuf::from),
        spelling,
    })
}

/// `Ok(None)` for an empty string.
fn as_path(node: &Node) -> Result<Option<PathBuf>, String> {
    match node {
        Node::Str(s) if s.trim().is_empty() => Ok(None),
        Node::Str(s) => Ok(Some(PathBuf::from(s.trim()))),
        other => Err(format!(
            "invalid file name {}: expected a path",
            show(other)
        )),
    }
}

/// Bytes: an integer, or a number with a unit: B, K/KiB, M/MiB, G/GiB, T/TiB (powers of 1024)
/// or KB, MB, GB, TB (powers of 1000).
fn as_size(node: &Node) -> Result<u64, String> {
    let bad = || {
        format!(
            "invalid size {}: expected bytes, e.g. 1048576 or \"64MiB\"",
            show(node)
        )
    };
    let text = match node {
        Node::Int(i) => return u64::try_from(*i).map_err(|_| bad()),
        Node::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < u64::MAX as f64 => {
            return Ok(*f as u64);
        }
        Node::Str(s) => s.trim(),
        _ => return Err(bad()),
    };
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        _ => return Err(bad()),
    };
    if let Ok(whole) = number.parse::<u64>() {
        return whole.checked_mul(multiplier).ok_or_else(bad);
    }
    let value = number.parse::<f64>().map_err(|_| bad())? * multiplier as f64;
    if value.is_finite() && value >= 0.0 && value < u64::MAX as f64 {
        Ok(value as u64)
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Config {
        parse(text, false).unwrap_or_else(|e| panic!("{e}\n--- in ---\n{text}"))
    }

    fn one(text: &str) -> NameServerConfig {
        let config = ok(text);
        assert_eq!(config.nameservers.len(), 1, "{text}");
        config.nameservers[0].clone()
    }

    fn entry(settings: &str) -> NameServerConfig {
        one(&format!("nameservers:\n  a:\n{settings}"))
    }

    fn lmdb(path: Option<&str>, spelling: &'static str) -> StorageKind {
        StorageKind::Lmdb {
            path: path.map(PathBuf::from),
            spelling,
        }
    }

    fn example(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/config")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    const EXAMPLES: &[&str] = &[
        "pyrolab-0.5.0-full.yml",
        "pyrolab-0.4.0-dump.yml",
        "pyrolab-0.3-boolean-bchost.yml",
        "pyrolab-docs-nameservers.yml",
        "pyrolab-docs-default.yml",
        "pyrolab-docs-full.yml",
        "labns.yml",
        "labns-anchors.yml",
        "pyrolab-0.1.0.ini",
    ];

    #[test]
    fn defaults() {
        let ns = one("nameservers:\n  a:\n");
        assert_eq!(ns, NameServerConfig::with_defaults("a"));
        assert_eq!(ns.host, Host::Name("localhost".into()));
        assert_eq!(ns.port, 9090);
        assert_eq!(ns.broadcast, None);
        assert_eq!(ns.autoclean, None);
        assert_eq!(ns.autoclean_grace, Duration::from_secs(20));
        assert_eq!(ns.storage, StorageKind::Memory);
        assert!(!ns.compression);
        assert_eq!(
            one("nameservers: {a: {}}"),
            NameServerConfig::with_defaults("a")
        );
        // A null value is the same as leaving the key out.
        let nulls = "    host: ~\n    ns_port: ~\n    broadcast: ~\n    ns_bcport: ~\n    \
                     ns_autoclean: ~\n    storage: ~\n    compression: ~\n";
        assert_eq!(entry(nulls), NameServerConfig::with_defaults("a"));
    }

    #[test]
    fn values() {
        type Check = fn(&NameServerConfig) -> bool;
        let cases: &[(&str, Check)] = &[
            ("    host: public\n", |n| n.host == Host::Public),
            ("    host: 10.0.0.1\n", |n| {
                n.host == Host::Name("10.0.0.1".into())
            }),
            ("    host: '::1'\n", |n| n.host == Host::Name("::1".into())),
            ("    host: ''\n", |n| {
                n.host == Host::Name("localhost".into())
            }),
            ("    host: ns.example.org\n", |n| {
                n.host == Host::Name("ns.example.org".into())
            }),
            ("    ns_port: 0\n", |n| n.port == 0),
            ("    ns_port: 65535\n", |n| n.port == 65535),
            ("    ns_port: '9095'\n", |n| n.port == 9095),
            ("    ns_port: 9100.0\n", |n| n.port == 9100),
            ("    ns_autoclean: 0\n", |n| n.autoclean.is_none()),
            ("    ns_autoclean: 0.0\n", |n| n.autoclean.is_none()),
            ("    ns_autoclean: 3\n", |n| {
                n.autoclean == Some(Duration::from_secs(3))
            }),
            ("    ns_autoclean: 15.5\n", |n| {
                n.autoclean == Some(Duration::from_millis(15_500))
            }),
            ("    ns_autoclean: '15'\n", |n| {
                n.autoclean == Some(Duration::from_secs(15))
            }),
            ("    storage: memory\n", |n| {
                n.storage == StorageKind::Memory
            }),
            ("    storage: sql\n", |n| n.storage == lmdb(None, "sql")),
            ("    storage: dbm\n", |n| n.storage == lmdb(None, "dbm")),
            ("    storage: lmdb\n", |n| n.storage == lmdb(None, "lmdb")),
            ("    storage: 'sql:'\n", |n| n.storage == lmdb(None, "sql")),
            ("    storage: sql:/var/ns.db\n", |n| {
                n.storage == lmdb(Some("/var/ns.db"), "sql")
            }),
            ("    storage: dbm:rel/ns.dbm\n", |n| {
                n.storage == lmdb(Some("rel/ns.dbm"), "dbm")
            }),
            ("    storage: lmdb:/a:b\n", |n| {
                n.storage == lmdb(Some("/a:b"), "lmdb")
            }),
            ("    storage_type: sql\n", |n| {
                n.storage == lmdb(None, "sql")
            }),
            ("    storage_type: sql\n    storage_file: /x.db\n", |n| {
                n.storage == lmdb(Some("/x.db"), "sql")
            }),
            (
                "    storage_type: dbm\n    storage_filename: /x.db\n",
                |n| n.storage == lmdb(Some("/x.db"), "dbm"),
            ),
            ("    storage: sql\n    storage_file: /x.db\n", |n| {
                n.storage == lmdb(Some("/x.db"), "sql")
            }),
            (
                "    storage: sql:/x.db\n    storage_type: sql\n    storage_file: /x.db\n",
                |n| n.storage == lmdb(Some("/x.db"), "sql"),
            ),
            ("    storage_type: lmdb\n    storage_file: ''\n", |n| {
                n.storage == lmdb(None, "lmdb")
            }),
            // DECISIONS.md 1: a `broadcast` key decides; otherwise a non-null ns_bcport.
            ("    ns_bcport: 9091\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: None,
                        port: 9091,
                    })
            }),
            ("    ns_bcport: 0\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: None,
                        port: 0,
                    })
            }),
            ("    broadcast: false\n    ns_bcport: 9091\n", |n| {
                n.broadcast.is_none()
            }),
            ("    broadcast: true\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: None,
                        port: 9091,
                    })
            }),
            ("    broadcast: null\n    ns_bcport: 9099\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: None,
                        port: 9099,
                    })
            }),
            ("    broadcast: yes\n    ns_bchost: 127.0.0.1\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: Some("127.0.0.1".into()),
                        port: 9091,
                    })
            }),
            ("    broadcast: 'on'\n    ns_bchost: ''\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: None,
                        port: 9091,
                    })
            }),
            ("    broadcast: true\n    ns_bchost: false\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: None,
                        port: 9091,
                    })
            }),
            ("    broadcast: true\n    ns_bchost: public\n", |n| {
                n.broadcast
                    == Some(BroadcastConfig {
                        host: Some("public".into()),
                        port: 9091,
                    })
            }),
            ("    ns_bchost: 10.0.0.255\n", |n| n.broadcast.is_none()),
            ("    ns_bcport: null\n", |n| n.broadcast.is_none()),
            ("    max_message_size: 1024\n", |n| {
                n.max_message_size == Some(1024)
            }),
            ("    max_message_size: 16MiB\n", |n| {
                n.max_message_size == Some(16 << 20)
            }),
            ("    max_message_size: 4294967295\n", |n| {
                n.max_message_size == Some(u32::MAX)
            }),
            ("    lmdb_map_size: 64MiB\n", |n| {
                n.lmdb_map_size == Some(64 << 20)
            }),
            ("    lmdb_map_size: '1.5 GiB'\n", |n| {
                n.lmdb_map_size == Some(3 << 29)
            }),
            ("    lmdb_map_size: 16MB\n", |n| {
                n.lmdb_map_size == Some(16_000_000)
            }),
            ("    lmdb_map_size: 2G\n", |n| {
                n.lmdb_map_size == Some(2 << 30)
            }),
            ("    lmdb_map_size: 1.5e9\n", |n| {
                n.lmdb_map_size == Some(1_500_000_000)
            }),
            ("    lmdb_map_size: 1048576\n", |n| {
                n.lmdb_map_size == Some(1 << 20)
            }),
            ("    message_timeout: 2.5\n", |n| {
                n.message_timeout == Some(Duration::from_millis(2500))
            }),
            ("    autoclean_grace: 0\n", |n| {
                n.autoclean_grace == Duration::ZERO
            }),
            ("    autoclean_grace: 45\n", |n| {
                n.autoclean_grace == Duration::from_secs(45)
            }),
            ("    compression: true\n", |n| n.compression),
            ("    compression: 1\n", |n| n.compression),
            ("    compression: 'off'\n", |n| !n.compression),
            ("    protect_ns_entry: false\n", |n| {
                n.protect_ns_entry == Some(false)
            }),
            ("    token: s3cret\n", |n| {
                n.token.as_deref() == Some("s3cret")
            }),
            ("    token: 12345\n", |n| {
                n.token.as_deref() == Some("12345")
            }),
            ("    allow_write: [10.0.0.0/8, 127.0.0.1]\n", |n| {
                n.allow_write
                    == vec![
                        Cidr::parse("10.0.0.0/8").unwrap(),
                        Cidr::parse("127.0.0.1").unwrap(),
                    ]
            }),
            ("    allow_write: 192.168.1.0/24\n", |n| {
                n.allow_write == vec![Cidr::parse("192.168.1.0/24").unwrap()]
            }),
            (
                "    limits:\n      max_connections: 100\n      max_output: 64KiB\n",
                |n| {
                    n.limits
                        == vec![
                            ("max_connections".to_string(), 100),
                            ("max_output".to_string(), 65536),
                        ]
                },
            ),
        ];
        for (settings, check) in cases {
            let ns = entry(settings);
            assert!(check(&ns), "{settings:?} gave {ns:#?}");
        }
    }

    /// (yaml, strict, key, line, message substring)
    #[rustfmt::skip]
    const ERRORS: &[(&str, bool, &str, Option<usize>, &str)] = &[
        ("nameservers:\n  default:\n    allow_write: [localhost]\n", false, "nameservers.default.allow_write", Some(3), "invalid network 'localhost'"),
        ("nameservers:\n  default:\n    limits:\n      max_bogus: 3\n", false, "nameservers.default.limits.max_bogus", Some(3), "unknown limit 'max_bogus'"),
        ("nameservers:\n  default:\n    limits:\n      max_tags: 0\n", false, "nameservers.default.limits.max_tags", Some(3), "must be at least 1"),
        // Wrong types and ranges.
        ("nameservers:\n  default:\n    ns_port: abc\n", false, "nameservers.default.ns_port", Some(3), "invalid port 'abc': expected an integer 0-65535"),
        ("nameservers:\n  a:\n    ns_port: -1\n", false, "nameservers.a.ns_port", Some(3), "invalid port '-1'"),
        ("nameservers:\n  a:\n    ns_port: 65536\n", false, "nameservers.a.ns_port", Some(3), "invalid port '65536'"),
        ("nameservers:\n  a:\n    ns_port: true\n", false, "nameservers.a.ns_port", Some(3), "invalid port 'true'"),
        ("nameservers:\n  a:\n    ns_port: 90.5\n", false, "nameservers.a.ns_port", Some(3), "invalid port '90.5'"),
        ("nameservers:\n  a:\n    ns_port: [9090]\n", false, "nameservers.a.ns_port", Some(3), "invalid port a list"),
        ("nameservers:\n  a:\n    ns_port: 99999999999999999999999999999999999999999\n", false, "nameservers.a.ns_port", Some(3), "invalid port"),
        ("nameservers:\n  a:\n    ns_bcport: lots\n", false, "nameservers.a.ns_bcport", Some(3), "invalid broadcast port 'lots'"),
        ("nameservers:\n  a:\n    host: true\n", false, "nameservers.a.host", Some(3), "invalid host 'true'"),
        ("nameservers:\n  a:\n    host: 42\n", false, "nameservers.a.host", Some(3), "invalid host '42'"),
        ("nameservers:\n  a:\n    host: {name: x}\n", false, "nameservers.a.host", Some(3), "invalid host a mapping"),
        ("nameservers:\n  a:\n    host: my host\n", false, "nameservers.a.host", Some(3), "no spaces"),
        ("nameservers:\n  a:\n    ns_bchost: 5\n", false, "nameservers.a.ns_bchost", Some(3), "invalid broadcast host '5'"),
        ("nameservers:\n  a:\n    broadcast: maybe\n", false, "nameservers.a.broadcast", Some(3), "invalid boolean 'maybe'"),
        ("nameservers:\n  a:\n    compression: 2\n", false, "nameservers.a.compression", Some(3), "invalid boolean '2'"),
        ("nameservers:\n  a:\n    ns_port: !port 9090\n", false, "nameservers.a.ns_port", Some(3), "unsupported YAML tag '!port'"),
        // Storage.
        ("nameservers:\n  a:\n    storage: postgres\n", false, "nameservers.a.storage", Some(3), "invalid storage 'postgres': expected memory, lmdb[:FILE], sql[:FILE] or dbm[:FILE]"),
        ("nameservers:\n  a:\n    storage: SQL\n", false, "nameservers.a.storage", Some(3), "invalid storage 'SQL'"),
        ("nameservers:\n  a:\n    storage: sqlite:/x\n", false, "nameservers.a.storage", Some(3), "invalid storage 'sqlite:/x'"),
        ("nameservers:\n  a:\n    storage: memory:/x\n", false, "nameservers.a.storage", Some(3), "invalid storage"),
        ("nameservers:\n  a:\n    storage: 5\n", false, "nameservers.a.storage", Some(3), "invalid storage '5'"),
        ("nameservers:\n  a:\n    storage_type: sql:/x\n", false, "nameservers.a.storage_type", Some(3), "invalid storage type 'sql:/x'"),
        ("nameservers:\n  a:\n    storage: sql\n    storage_type: dbm\n", false, "nameservers.a.storage_type", Some(4), "conflicts with nameservers.a.storage 'sql'"),
        ("nameservers:\n  a:\n    storage: memory\n    storage_type: sql\n", false, "nameservers.a.storage_type", Some(4), "conflicts"),
        ("nameservers:\n  a:\n    storage: sql:/a\n    storage_file: /b\n", false, "nameservers.a.storage_file", Some(4), "conflicts with the file in storage '/a'"),
        ("nameservers:\n  a:\n    storage_type: sql\n    storage_file: /a\n    storage_filename: /b\n", false, "nameservers.a.storage_filename", Some(5), "conflicts with nameservers.a.storage_file '/a'"),
        ("nameservers:\n  a:\n    storage_file: [x]\n", false, "nameservers.a.storage_file", Some(3), "invalid file name a list"),
        // Autoclean and the other durations and sizes.
        ("nameservers:\n  a:\n    ns_autoclean: 1.5\n", false, "nameservers.a.ns_autoclean", Some(3), "ns_autoclean cannot be smaller than 3"),
        ("nameservers:\n  a:\n    ns_autoclean: 2.999\n", false, "nameservers.a.ns_autoclean", Some(3), "ns_autoclean cannot be smaller than 3"),
        ("nameservers:\n  a:\n    ns_autoclean: -5\n", false, "nameservers.a.ns_autoclean", Some(3), "expected 0 (off) or at least 3 seconds"),
        ("nameservers:\n  a:\n    ns_autoclean: often\n", false, "nameservers.a.ns_autoclean", Some(3), "invalid duration 'often'"),
        ("nameservers:\n  a:\n    ns_autoclean: .inf\n", false, "nameservers.a.ns_autoclean", Some(3), "invalid duration"),
        ("nameservers:\n  a:\n    ns_autoclean: 1e300\n", false, "nameservers.a.ns_autoclean", Some(3), "out of range"),
        ("nameservers:\n  a:\n    message_timeout: 0\n", false, "nameservers.a.message_timeout", Some(3), "greater than 0"),
        ("nameservers:\n  a:\n    autoclean_grace: -1\n", false, "nameservers.a.autoclean_grace", Some(3), "0 or more"),
        ("nameservers:\n  a:\n    max_message_size: 100\n", false, "nameservers.a.max_message_size", Some(3), "expected 1024 to 4294967295 bytes"),
        ("nameservers:\n  a:\n    max_message_size: 5GiB\n", false, "nameservers.a.max_message_size", Some(3), "expected 1024"),
        ("nameservers:\n  a:\n    lmdb_map_size: 12 parsecs\n", false, "nameservers.a.lmdb_map_size", Some(3), "invalid size '12 parsecs'"),
        ("nameservers:\n  a:\n    lmdb_map_size: 4096\n", false, "nameservers.a.lmdb_map_size", Some(3), "at least 1MiB"),
        ("nameservers:\n  a:\n    lmdb_map_size: -1\n", false, "nameservers.a.lmdb_map_size", Some(3), "invalid size"),
        ("nameservers:\n  a:\n    lmdb_map_size: 99999999999T\n", false, "nameservers.a.lmdb_map_size", Some(3), "invalid size"),
        ("nameservers:\n  a:\n    token: [1]\n", false, "nameservers.a.token", Some(3), "invalid token a list"),
        // Structure.
        ("nameservers: [\n", false, "", Some(2), "not valid YAML"),
        ("nameservers:\n  a: 1\n b: 2\n", false, "", Some(3), "not valid YAML"),
        ("a: 1\n---\nb: 2\n", false, "", None, "not valid YAML"),
        ("", false, "", None, "the configuration is empty"),
        ("# only a comment\n", false, "", None, "the configuration is empty"),
        ("- a\n- b\n", false, "", Some(1), "the top level must be a mapping"),
        ("\n\nhello\n", false, "", Some(3), "the top level must be a mapping with a `nameservers` section, found 'hello'"),
        ("version: '1.0'\ndaemons: {}\n", false, "nameservers", None, "missing"),
        ("nameservers:\nproduction:\n  host: x\n", false, "nameservers", Some(1), "is empty"),
        ("nameservers: lab\n", false, "nameservers", Some(1), "expected a mapping of name -> settings, found 'lab'"),
        ("nameservers:\n  a: 5\n", false, "nameservers.a", Some(2), "expected a mapping of settings, found '5'"),
        ("nameservers:\n  a: [1, 2]\n", false, "nameservers.a", Some(2), "found a list"),
        ("nameservers:\n  - a\n", false, "nameservers[0]", Some(2), "expected `- NAME: settings`"),
        ("nameservers:\n  - a: {}\n  - b: {}\n    c: {}\n", false, "nameservers[1]", Some(3), "a mapping with 2 keys"),
        ("nameservers:\n  true: {}\n", false, "nameservers.true", Some(2), "must be text"),
        ("nameservers:\n  '': {}\n", false, "nameservers", Some(2), "must not be empty"),
        ("nameservers:\n  a:\n    ns_port: 1\n    ns_port: 2\n", false, "nameservers.a.ns_port", Some(4), "duplicate key 'ns_port'"),
        ("nameservers:\n  a: {}\n  a: {}\n", false, "nameservers.a", Some(3), "duplicate name server 'a'"),
        ("nameservers:\n  - a: {}\n  - a: {}\n", false, "nameservers.a", Some(3), "duplicate name server 'a'"),
        ("nameservers: {a: {}}\nversion: 1\nnameservers: {b: {}}\n", false, "nameservers", Some(3), "duplicate key 'nameservers'"),
        ("nameservers:\n  a:\n    <<: 5\n", false, "nameservers.a.<<", Some(3), "cannot merge '5'"),
        ("nameservers:\n  a:\n    <<: [x]\n", false, "nameservers.a.<<", Some(3), "cannot merge 'x'"),
        // Autolaunch.
        ("nameservers: {a: {}}\nautolaunch:\n  nameservers:\n  - a\n  - b\n", false, "autolaunch.nameservers", Some(5), "refers to name server 'b', which is not defined"),
        ("nameservers: {a: {}}\nautolaunch: [a]\n", false, "autolaunch", Some(2), "expected a mapping"),
        ("nameservers: {a: {}}\nautolaunch: {nameservers: {a: 1}}\n", false, "autolaunch.nameservers", Some(2), "expected a list"),
        ("nameservers: {a: {}}\nautolaunch: {nameservers: [[a]]}\n", false, "autolaunch.nameservers", Some(2), "expected a name-server name"),
        // Strict mode.
        ("nameservers:\n  a:\n    colour: red\n", true, "nameservers.a.colour", Some(3), "unknown key (strict mode)"),
        ("strict: true\nnameservers:\n  a:\n    colour: red\n", false, "nameservers.a.colour", Some(4), "unknown key (strict mode)"),
        ("extra: 1\nnameservers:\n  a:\n    colour: red\nstrict: yes\n", false, "extra", Some(1), "also unknown: nameservers.a.colour"),
        ("strict: maybe\nnameservers: {a: {}}\n", false, "strict", Some(1), "invalid boolean 'maybe'"),
        // Lines in flow style, with comments, across lines, and through anchors.
        ("nameservers: {a: {ns_port: abc}}\n", false, "nameservers.a.ns_port", Some(1), "invalid port"),
        ("# head\n\nnameservers:   # c\n  # c\n  a:\n\n    host: x  # c\n    ns_port: abc # c\n", false, "nameservers.a.ns_port", Some(8), "invalid port"),
        ("nameservers:\n  a: {host: x,\n      ns_port: abc}\n", false, "nameservers.a.ns_port", Some(3), "invalid port"),
        ("nameservers:\n  a:\n    ns_port:\n      abc\n", false, "nameservers.a.ns_port", Some(3), "invalid port"),
        ("base: &b\n  ns_port: abc\nnameservers:\n  a:\n    <<: *b\n", false, "nameservers.a.ns_port", Some(2), "invalid port"),
        ("p: &p abc\nnameservers:\n  a:\n    ns_port: *p\n", false, "nameservers.a.ns_port", Some(4), "invalid port 'abc'"),
        ("nameservers:\n  - x: {}\n  - y:\n      ns_port: abc\n", false, "nameservers.y.ns_port", Some(4), "invalid port"),
        ("nameservers:\n  \"quoted: key\":\n    ns_autoclean: 1\n", false, "nameservers.quoted: key.ns_autoclean", Some(3), "cannot be smaller than 3"),
        // PyroLab 0.1 wrote INI files.
        ("[pyro5]\nHOST = localhost\n", false, "", None, "this is a PyroLab 0.1 INI file"),
        ("[pyrolab]\n", false, "", None, "this is a PyroLab 0.1 INI file"),
    ];

    #[test]
    fn errors() {
        for &(text, strict, key, line, message) in ERRORS {
            let e = match parse(text, strict) {
                Ok(config) => panic!("accepted {text:?}: {config:#?}"),
                Err(e) => e,
            };
            assert_eq!((e.key.as_str(), e.line), (key, line), "{text:?} gave {e}");
            assert!(e.message.contains(message), "{text:?} gave {e}");
        }
    }

    #[test]
    fn error_display() {
        let e = parse("nameservers:\n  default:\n    ns_port: abc\n", false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "nameservers.default.ns_port (line 3): invalid port 'abc': expected an integer 0-65535"
        );
        let e = parse("version: 1\n", false).unwrap_err();
        assert!(e.to_string().starts_with("nameservers: missing"), "{e}");
        let e = parse("nameservers: [\n", false).unwrap_err();
        assert!(e.to_string().starts_with("line 2: not valid YAML"), "{e}");
        let e = parse("", false).unwrap_err();
        assert!(
            e.to_string().starts_with("the configuration is empty"),
            "{e}"
        );
    }

    #[test]
    fn too_large_is_refused_before_parsing() {
        let text = format!(
            "nameservers: {{a: {{}}}}\n#{}\n",
            "x".repeat(MAX_CONFIG_BYTES)
        );
        let e = parse(&text, false).unwrap_err();
        assert!(e.message.contains("at most"), "{e}");
    }

    #[test]
    fn unknown_keys_are_warnings_naming_path_and_line() {
        let text = "version: '1.0'\n\
                    colour: blue\n\
                    daemons: {d: {anything: goes}}\n\
                    services: {s: {module: m}}\n\
                    auto: {x: 1}\n\
                    auto 3: {x: 1}\n\
                    auto many: 1\n\
                    nameservers:\n  \
                      a:\n    \
                        ns_prot: 9091\n    \
                        ns_host: x\n\
                    autolaunch:\n  \
                      daemons: [d]\n  \
                      services: [s]\n  \
                      features: {autoreload: true}\n";
        let config = ok(text);
        let got: Vec<String> = config.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            got,
            [
                "colour (line 2): unknown key, ignored",
                "auto many (line 7): unknown key, ignored",
                "nameservers.a.ns_prot (line 10): unknown key, ignored",
                "nameservers.a.ns_host (line 11): unknown key, ignored",
            ]
        );
        assert!(!config.strict);
        let e = parse(text, true).unwrap_err();
        assert_eq!((e.key.as_str(), e.line), ("colour", Some(2)));
        assert!(
            e.message
                .contains("also unknown: auto many, nameservers.a.ns_prot, nameservers.a.ns_host"),
            "{e}"
        );
    }

    #[test]
    fn other_warnings_do_not_fail_strict_mode() {
        let text = "strict: true\nnameservers:\n  a:\n    host: ''\n    storage_file: /x\n  \
                    auto 2: {}\n";
        let config = ok(text);
        assert!(config.strict);
        let got: Vec<(&str, Option<usize>)> = config
            .warnings
            .iter()
            .map(|w| (w.key.as_str(), w.line))
            .collect();
        assert_eq!(
            got,
            [
                ("nameservers.a.host", Some(4)),
                ("nameservers.a.storage_file", Some(5)),
                ("nameservers.auto 2", Some(6)),
            ]
        );
        assert_eq!(config.nameservers[1].name, "auto 2");
        assert_eq!(config.nameservers[0].storage, StorageKind::Memory);
    }

    #[test]
    fn warnings_are_capped() {
        let mut text = String::from("nameservers:\n  a:\n");
        for i in 0..200 {
            text.push_str(&format!("    unknown{i}: 1\n"));
        }
        let config = ok(&text);
        assert_eq!(config.warnings.len(), MAX_WARNINGS + 1);
        assert_eq!(config.warnings[0].line, Some(3));
        assert_eq!(
            config.warnings[MAX_WARNINGS].message,
            "150 more warnings not shown"
        );
    }

    #[test]
    fn file_order_names_and_autolaunch() {
        let config = ok("nameservers:\n  zeta: {}\n  alpha: {}\n  1: {}\n  mid: ~\n\
                         autolaunch:\n  nameservers: [mid, zeta, mid]\n  daemons: [x]\n");
        let names: Vec<&str> = config.nameservers.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["zeta", "alpha", "1", "mid"]);
        assert_eq!(config.autolaunch, ["mid", "zeta"]);
        assert_eq!(config.get("alpha").map(|n| n.port), Some(9090));
        assert!(config.get("omega").is_none());
        assert!(config.warnings.is_empty());

        let single = ok("nameservers: {a: {}}\nautolaunch: {nameservers: a}\n");
        assert_eq!(single.autolaunch, ["a"]);
        let none = ok("nameservers: {a: {}}\nautolaunch: ~\n");
        assert!(none.autolaunch.is_empty());
        let empty = ok("nameservers: {}\n");
        assert!(empty.nameservers.is_empty());
    }

    #[test]
    fn duplicate_auto_keys_are_left_alone_outside_nameservers() {
        // PyroLab renames every `auto` key, so these repeat legitimately.
        let config = ok("nameservers: {a: {}}\nauto: 1\nauto: 2\n\
                         services:\n  auto 1: {module: m}\n  auto 1: {module: n}\n");
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    }

    #[test]
    fn merge_keys() {
        let config = ok("base: &b {host: public, ns_port: 9000, storage: sql}\n\
                         other: &o {ns_port: 1, compression: true}\n\
                         nameservers:\n  \
                           a: {<<: [*b, *o], ns_port: 9100}\n  \
                           b:\n    <<: *b\n");
        let a = &config.nameservers[0];
        assert_eq!(a.host, Host::Public);
        assert_eq!(a.port, 9100, "explicit keys win");
        assert!(a.compression);
        assert_eq!(a.storage, lmdb(None, "sql"));
        assert_eq!(
            config.nameservers[1].port, 9000,
            "the first merged mapping wins"
        );
        let warned: Vec<&str> = config.warnings.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(warned, ["base", "other"]);
    }

    #[test]
    fn locate_finds_keys_items_and_roots() {
        let text = "# comment\n\
                    a:\n  \
                      b: 1   # c\n  \
                      c: {d: 2,\n      e: 3}\n\
                    f:\n  \
                      - x\n  \
                      - y: 1\n    \
                        z: 2\n\
                    g: &anchor\n  \
                      h: 1\n\
                    i: *anchor\n";
        use Step::{Item, Key};
        let cases: &[(&[Step], Option<usize>)] = &[
            (&[], Some(2)),
            (&[Key(0)], Some(2)),
            (&[Key(0), Key(0)], Some(3)),
            (&[Key(0), Key(1)], Some(4)),
            (&[Key(0), Key(1), Key(0)], Some(4)),
            (&[Key(0), Key(1), Key(1)], Some(5)),
            (&[Key(1)], Some(6)),
            (&[Key(1), Item(0)], Some(7)),
            (&[Key(1), Item(1)], Some(8)),
            (&[Key(1), Item(1), Key(1)], Some(9)),
            (&[Key(3), Key(0)], Some(11)),
            (&[Key(3)], Some(12)),
            // Missing: None, never a wrong line.
            (&[Key(9)], None),
            (&[Key(0), Item(0)], None),
            (&[Key(1), Item(5)], None),
            (&[Key(0), Key(0), Key(0)], None),
        ];
        for (path, line) in cases {
            assert_eq!(locate(text, path), *line, "{path:?}");
        }
    }

    #[test]
    fn default_paths() {
        type Case<'a> = (bool, Option<&'a str>, Option<&'a str>, &'a str, &'a str);
        let cases: &[Case<'_>] = &[
            (
                true,
                Some("/x"),
                Some("/root"),
                "/etc/labns/labns.yml",
                "/var/lib/labns",
            ),
            (
                false,
                Some("/xdg"),
                Some("/home/u"),
                "/xdg/labns/labns.yml",
                "/xdg/labns",
            ),
            (
                false,
                None,
                Some("/home/u"),
                "/home/u/.config/labns/labns.yml",
                "/home/u/.local/share/labns",
            ),
            (
                false,
                Some(""),
                Some("/home/u"),
                "/home/u/.config/labns/labns.yml",
                "/home/u/.local/share/labns",
            ),
            (
                false,
                Some("relative"),
                Some("/home/u"),
                "/home/u/.config/labns/labns.yml",
                "/home/u/.local/share/labns",
            ),
            (false, None, None, "/etc/labns/labns.yml", "/var/lib/labns"),
            (
                false,
                None,
                Some(""),
                "/etc/labns/labns.yml",
                "/var/lib/labns",
            ),
        ];
        for &(root, xdg, home, config, data) in cases {
            assert_eq!(default_config_path(root, xdg, home), Path::new(config));
            assert_eq!(default_data_dir(root, xdg, home), Path::new(data));
        }
    }

    #[test]
    fn store_paths() {
        let dir = Path::new("/d");
        assert_eq!(
            default_store_path(dir, "default"),
            Path::new("/d/default.lmdb")
        );
        assert_eq!(
            default_store_path(dir, "lab-2.b_c"),
            Path::new("/d/lab-2.b_c.lmdb")
        );
        let odd = ["a/b", "a b", "a_b-x", "..", ".hidden", "", "ü", "a\\b"];
        let paths: Vec<PathBuf> = odd.iter().map(|n| default_store_path(dir, n)).collect();
        for (name, path) in odd.iter().zip(&paths) {
            assert_eq!(path.parent(), Some(dir), "{name:?} -> {path:?}");
            let file = path.file_name().unwrap().to_str().unwrap();
            assert!(!file.starts_with('.'), "{name:?} -> {file}");
            assert!(file.ends_with(".lmdb"));
        }
        let unique: HashSet<&PathBuf> = paths.iter().collect();
        assert_eq!(unique.len(), paths.len(), "{paths:?}");
        assert_ne!(
            default_store_path(dir, "a b"),
            default_store_path(dir, "a_b")
        );

        let mut ns = NameServerConfig::with_defaults("lab");
        assert_eq!(ns.store_path(dir), None);
        ns.storage = lmdb(None, "sql");
        assert_eq!(ns.store_path(dir), Some(PathBuf::from("/d/lab.lmdb")));
        ns.storage = lmdb(Some("rel/x.db"), "dbm");
        assert_eq!(ns.store_path(dir), Some(PathBuf::from("rel/x.db")));
    }

    #[test]
    fn table() {
        let config = ok("nameservers:\n  \
              default: {}\n  \
              production: {host: public, ns_port: 9100, broadcast: true, ns_autoclean: 15,\n    \
                           storage: sql}\n  \
              lab: {host: 10.0.0.2, ns_bchost: 10.0.0.255, ns_bcport: 9191, ns_autoclean: 7.5,\n    \
                    storage: 'lmdb:/srv/lab.lmdb'}\n\
            autolaunch: {nameservers: [production]}\n");
        let expected = "\
NAME        HOST       PORT  BROADCAST        AUTOCLEAN  AUTOLAUNCH  STORAGE
default     localhost  9090  off              off        no          memory
production  public     9100  *:9091           15s        yes         sql (as lmdb) <data dir>/production.lmdb
lab         10.0.0.2   9090  10.0.0.255:9191  7.5s       no          lmdb /srv/lab.lmdb
";
        assert_eq!(render_table(&config), expected);
        let empty = ok("nameservers: {}\n");
        assert!(render_table(&empty).starts_with("NAME  HOST  PORT"));
    }

    #[test]
    fn display_of_host_and_storage() {
        assert_eq!(Host::Public.to_string(), "public");
        assert_eq!(Host::Name("x".into()).to_string(), "x");
        assert_eq!(StorageKind::Memory.to_string(), "memory");
        assert_eq!(lmdb(None, "dbm").to_string(), "dbm");
        assert_eq!(lmdb(Some("/a"), "sql").to_string(), "sql:/a");
        assert!(lmdb(None, "sql").is_persistent());
        assert!(!StorageKind::Memory.is_persistent());
    }

    // ---- The example files: one per PyroLab schema variant, plus labns' own. ----

    #[test]
    fn example_pyrolab_0_5_0_full_file() {
        let config = ok(&example("pyrolab-0.5.0-full.yml"));
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        let production = config.get("production").unwrap();
        assert_eq!(production.host, Host::Public);
        assert_eq!(production.port, 9100);
        assert_eq!(
            production.broadcast,
            Some(BroadcastConfig {
                host: None,
                port: 9091
            })
        );
        assert_eq!(production.autoclean, Some(Duration::from_secs(15)));
        assert_eq!(production.storage, lmdb(None, "sql"));
        let local = config.get("local").unwrap();
        assert_eq!(local, &NameServerConfig::with_defaults("local"));
        assert_eq!(config.autolaunch, ["production"]);
        // Strict mode accepts a whole PyroLab file.
        assert!(parse(&example("pyrolab-0.5.0-full.yml"), true).is_ok());
    }

    #[test]
    fn example_pyrolab_0_4_0_dump() {
        let config = parse(&example("pyrolab-0.4.0-dump.yml"), true).unwrap();
        let production = config.get("production").unwrap();
        assert_eq!(production.storage, lmdb(None, "dbm"));
        assert_eq!(
            production.broadcast,
            Some(BroadcastConfig {
                host: None,
                port: 9091
            })
        );
        // `broadcast: false` wins over the dumped default `ns_bcport: 9091`.
        assert_eq!(config.get("local").unwrap().broadcast, None);
        assert_eq!(config.autolaunch, ["production"]);
    }

    #[test]
    fn example_pyrolab_0_3_boolean_bchost() {
        let config = parse(&example("pyrolab-0.3-boolean-bchost.yml"), true).unwrap();
        let lab = config.get("lab").unwrap();
        assert_eq!(lab.host, Host::Name("192.168.10.2".into()));
        assert_eq!(lab.port, 9095);
        assert_eq!(
            lab.broadcast,
            Some(BroadcastConfig {
                host: None,
                port: 9096
            })
        );
        assert_eq!(lab.autoclean, Some(Duration::from_secs(30)));
        assert_eq!(lab.storage, lmdb(Some("/srv/pyrolab/lab-ns.sqlite"), "sql"));
        assert_eq!(config.autolaunch, ["lab"]);
    }

    #[test]
    fn example_pyrolab_docs_nameservers() {
        let config = parse(&example("pyrolab-docs-nameservers.yml"), true).unwrap();
        let names: Vec<&str> = config.nameservers.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["default", "production", "development"]);
        let default = config.get("default").unwrap();
        assert_eq!(
            default.broadcast,
            Some(BroadcastConfig {
                host: Some("localhost".into()),
                port: 9091
            })
        );
        assert_eq!(default.storage, StorageKind::Memory);
        // The remote production host is kept as written, never resolved.
        let production = config.get("production").unwrap();
        assert_eq!(production.host, Host::Name("ns.lab.example.org".into()));
        assert_eq!(
            production.broadcast,
            Some(BroadcastConfig {
                host: None,
                port: 9091
            })
        );
        assert_eq!(production.autoclean, Some(Duration::from_secs(15)));
        assert_eq!(production.storage, lmdb(None, "sql"));
        let development = config.get("development").unwrap();
        assert_eq!(development, &NameServerConfig::with_defaults("development"));
        assert!(config.autolaunch.is_empty());
    }

    #[test]
    fn example_pyrolab_docs_default() {
        let config = parse(&example("pyrolab-docs-default.yml"), true).unwrap();
        let default = config.get("default").unwrap();
        assert_eq!(default.broadcast, None);
        assert_eq!(
            default.storage,
            lmdb(
                Some("/home/lab/.local/share/pyrolab/nameserver/ns_default.sql"),
                "sql"
            )
        );
    }

    #[test]
    fn example_pyrolab_docs_full_file() {
        let config = parse(&example("pyrolab-docs-full.yml"), true).unwrap();
        let names: Vec<&str> = config.nameservers.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["default", "development"]);
        let development = config.get("development").unwrap();
        assert_eq!(development.host, Host::Public);
        assert_eq!(development.autoclean, Some(Duration::from_secs(10)));
        assert_eq!(config.autolaunch, ["development"]);
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    }

    #[test]
    fn example_labns() {
        let config = load_file(
            Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/data/config/labns.yml"
            )),
            false,
        )
        .unwrap();
        assert!(config.strict);
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        let lab = config.get("lab").unwrap();
        assert_eq!(
            lab,
            &NameServerConfig {
                name: "lab".into(),
                host: Host::Public,
                port: 9090,
                broadcast: Some(BroadcastConfig {
                    host: Some("0.0.0.0".into()),
                    port: 9091
                }),
                autoclean: Some(Duration::from_secs(60)),
                autoclean_grace: Duration::from_secs(45),
                storage: lmdb(Some("/var/lib/labns/lab.lmdb"), "lmdb"),
                max_message_size: Some(16 << 20),
                message_timeout: Some(Duration::from_secs(30)),
                lmdb_map_size: Some(64 << 20),
                compression: false,
                allow_write: Vec::new(),
                limits: Vec::new(),
                token: None,
                protect_ns_entry: Some(true),
            }
        );
        let scratch = config.get("scratch").unwrap();
        assert_eq!(scratch.host, Host::Name("127.0.0.1".into()));
        assert_eq!(scratch.port, 0);
        assert_eq!(scratch.max_message_size, Some(1 << 20));
        assert_eq!(config.autolaunch, ["lab", "scratch"]);
    }

    #[test]
    fn example_labns_anchors() {
        let config = ok(&example("labns-anchors.yml"));
        let east = config.get("east").unwrap();
        assert_eq!((east.host.clone(), east.port), (Host::Public, 9190));
        assert_eq!(east.autoclean, Some(Duration::from_secs(20)));
        assert_eq!(east.storage, lmdb(None, "sql"));
        let west = config.get("west").unwrap();
        assert_eq!(west.port, 9290);
        assert_eq!(west.storage, lmdb(Some("/srv/ns/west.db"), "dbm"));
        let got: Vec<String> = config.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(got, ["defaults (line 2): unknown key, ignored"]);
        // Strict mode refuses the helper key, naming its line.
        let e = parse(&example("labns-anchors.yml"), true).unwrap_err();
        assert_eq!((e.key.as_str(), e.line), ("defaults", Some(2)));
    }

    #[test]
    fn example_pyrolab_0_1_0_ini_is_refused_clearly() {
        let e = parse(&example("pyrolab-0.1.0.ini"), false).unwrap_err();
        assert!(
            e.message.starts_with("this is a PyroLab 0.1 INI file"),
            "{e}"
        );
    }

    #[test]
    fn load_file_errors_leave_the_path_to_the_caller() {
        let missing = Path::new("/nonexistent/labns/config.yml");
        let e = load_file(missing, false).unwrap_err();
        assert_eq!(e.key, "");
        // The caller names the file once ("FILE: cannot read the file: ..."), so the message
        // itself does not repeat it.
        assert!(e.message.starts_with("cannot read the file: "), "{e}");
        let ini = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/config/pyrolab-0.1.0.ini"
        ));
        let e = load_file(ini, false).unwrap_err();
        assert!(e.message.contains("this is a PyroLab 0.1 INI"), "{e}");
    }

    #[test]
    fn hostile_inputs_end_in_errors() {
        let deep = format!(
            "nameservers: {}{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let e = parse(&deep, false).unwrap_err();
        assert!(e.message.contains("recursion limit"), "{e}");
        let deep_map = format!(
            "nameservers:\n  a: {}1{}\n",
            "{a: ".repeat(5_000),
            "}".repeat(5_000)
        );
        assert!(parse(&deep_map, false).is_err());
        // A billion laughs: aliases expanding exponentially.
        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            laughs.push_str(&format!(
                "l{i}: &l{i} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
                p = if i == 1 {
                    "a".to_string()
                } else {
                    format!("l{}", i - 1)
                }
            ));
        }
        laughs.push_str("nameservers: {a: {}}\n");
        let e = parse(&laughs, false).unwrap_err();
        assert!(e.message.contains("repetition limit"), "{e}");
        assert!(parse("nameservers: {a: {<<: &m {<<: *m}}}\n", false).is_err());
    }

    /// splitmix64: a deterministic PRNG for the mutation test.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    fn mutate(text: &str, rng: &mut Rng) -> String {
        const PIECES: &[&str] = &[
            ":",
            " ",
            "\n",
            "-",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "#",
            "&a",
            "*a",
            "!t ",
            "<<: ",
            "'",
            "\"",
            "|",
            ">",
            "?",
            "~",
            "null",
            "true",
            "0",
            "-1",
            "3",
            "99999",
            "1e9",
            ".inf",
            "  ",
            "\t",
            "public",
            "sql:",
            "dbm",
            "lmdb:/x",
            "memory",
            "nameservers",
            "broadcast",
            "ns_bcport",
            "ns_autoclean",
            "storage",
            "auto 2",
            "strict: true\n",
            "\u{0}",
            "é",
            "\r",
            "%YAML 1.2\n---\n",
            "---\n",
            "...\n",
            "@",
        ];
        let mut chars: Vec<char> = text.chars().collect();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(chars.len() + 1);
            match rng.below(6) {
                0 if !chars.is_empty() => {
                    let end = (at + 1 + rng.below(8)).min(chars.len());
                    chars.drain(at.min(end)..end);
                }
                1 => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    chars.splice(at..at, piece.chars());
                }
                2 if !chars.is_empty() => {
                    // Duplicate a line.
                    let lines: Vec<String> = chars
                        .iter()
                        .collect::<String>()
                        .split('\n')
                        .map(str::to_string)
                        .collect();
                    let i = rng.below(lines.len());
                    let mut out = lines.clone();
                    out.insert(i, lines[i].clone());
                    chars = out.join("\n").chars().collect();
                }
                3 if !chars.is_empty() => {
                    // Change a line's indentation.
                    let mut lines: Vec<String> = chars
                        .iter()
                        .collect::<String>()
                        .split('\n')
                        .map(str::to_string)
                        .collect();
                    let i = rng.below(lines.len());
                    let line = lines[i].trim_start().to_string();
                    lines[i] = format!("{}{line}", " ".repeat(rng.below(9)));
                    chars = lines.join("\n").chars().collect();
                }
                4 => chars.truncate(at),
                _ if !chars.is_empty() => {
                    let i = at.min(chars.len() - 1);
                    chars[i] = PIECES[rng.below(PIECES.len())]
                        .chars()
                        .next()
                        .unwrap_or(' ');
                }
                _ => {}
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn never_panics_on_mutated_examples() {
        let mut rng = Rng(0x5eed_1abe_15c0_ffee);
        let sources: Vec<String> = EXAMPLES.iter().map(|name| example(name)).collect();
        let mut accepted = 0;
        for round in 0..4000 {
            let source = &sources[round % sources.len()];
            let mut text = mutate(source, &mut rng);
            if rng.below(4) == 0 {
                text = mutate(&text, &mut rng);
            }
            // YAML breaks lines at \n, \r\n and a lone \r.
            let lines = text
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .split('\n')
                .count();
            for strict in [false, true] {
                match parse(&text, strict) {
                    Ok(config) => {
                        accepted += 1;
                        for w in &config.warnings {
                            assert!(w.line.is_none_or(|l| l >= 1 && l <= lines), "{w}");
                        }
                        let _ = render_table(&config);
                    }
                    Err(e) => {
                        assert!(!e.to_string().is_empty());
                        assert!(
                            e.line.is_none_or(|l| l >= 1 && l <= lines + 1),
                            "{e} for {text:?}"
                        );
                    }
                }
            }
        }
        // The mutations are small: many results must still be valid files.
        assert!(accepted > 1000, "only {accepted} accepted");
    }
}
