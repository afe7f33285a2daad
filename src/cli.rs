//! The command line: with `main.rs`, the only code that sees argv, the environment and exit
//! codes. Parses with pico-args into a [`Command`]; every error is one line for the user.

use crate::bench::{BenchConfig, Op, Stop};
use crate::client::{DEFAULT_BC_ADDRS, Locate};
use crate::config::{self, StorageKind};
use crate::control::{Action, ControlRequest};
use crate::daemon::Broadcast;
use crate::launch::{Overrides, Selection, StartRequest};
use crate::ns::access::Cidr;
use crate::serial::SerializerId;
use std::ffi::OsString;
use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
labns: a native Pyro5-compatible name server

Usage:
  labns start [NAME | nameserver NAME | --all] [OPTIONS]
                               run name servers in the foreground: without a name the
                               configuration's 'default' entry, or the built-in defaults
                               (localhost:9090, memory) when there is no configuration
  labns config update FILE     validate FILE and install it as the configuration
  labns config check FILE      validate FILE only
  labns config show            print the effective settings of every name server
  labns ping | list | lookup | register | remove | ...
                               talk to a running name server (pyro5-nsc's commands, below)
  labns bench [OPTIONS]        load a name server and report throughput and latency
  labns --help | --version

Configuration (PyroLab YAML with a `nameservers:` section):
      --config FILE            use FILE [env LABNS_CONFIG; default /etc/labns/labns.yml as
                               root, else $XDG_CONFIG_HOME/labns/labns.yml]
      --strict                 unknown keys in the file are errors, not warnings
      --data-dir DIR           where stores without a path go [env LABNS_DATA_DIR; default
                               /var/lib/labns as root, else $XDG_DATA_HOME/labns]
      --all                    run every configured name server (or autolaunch.nameservers)
                               in one process and one event loop

Options of `start` (as pyro5-ns has them; each replaces the configured value):
  -n, --host HOST              bind address or host name; `public` = the first up,
                               non-loopback IPv4 interface [default: localhost]
  -p, --port PORT              TCP port, 0 = any free port [default: 9090]
      --bchost HOST            broadcast responder address (given explicitly, it is
                               used as is, loopback included) [default: all interfaces]
      --bcport PORT            broadcast responder port [default: 9091]
  -x, --no-broadcast           no broadcast responder (alias --nobc)
  -s, --storage KIND           memory | lmdb[:DIR] | sql[:DIR] | dbm[:DIR] (all persistent
                               kinds are an LMDB directory; a sql/dbm path that is a file,
                               such as Pyro5's own store, is left alone and the LMDB store
                               goes beside it, to PATH.lmdb) [default: memory]
      --autoclean SECS         check every registration's address every SECS seconds (>= 3;
                               0 = off) and remove those unreachable for 20 s [default: 0]
      --lmdb-map-size SIZE     LMDB map size, e.g. 64MiB [default: 64MiB on 32-bit, 1GiB]
      --max-message-size BYTES largest accepted message (annotations + payload)
                               [default: 4194304]
      --message-timeout SECS   close a connection that leaves a message half-sent (or a
                               reply unread) this long [default: 30]
      --compression            compress replies larger than 100 bytes (PYRO_COMPRESSION)
      --limit KEY=VALUE        a resource limit (repeatable): max_connections [16384],
                               max_output [1MiB], max_depth [64], max_items [1048576],
                               max_registrations [100000], max_name_len [4096],
                               max_uri_len [8192], max_tag_len [4096], max_tags [1024],
                               reply_cache [2MiB] (cached replies of read-only calls,
                               emptied at every registry change; 0 = off)

Who may write (off by default, as in Pyro5):
      --allow-write CIDR       only these networks may register/remove/set_metadata
                               (repeatable); lookups stay open to all
      --token-file FILE        clients must send this token as their handshake
                               (proxy._pyroHandshake = TOKEN); others get CONNECTFAIL
      --no-protect-ns-entry    let clients overwrite the Pyro.NameServer entry (Pyro5's way)

      --wait-for-address SECS  at boot, retry binding an address that is not assigned yet
                               (or `public` without an interface) this long [default: 120
                               for configured name servers, 0 for the built-in default]

Without --bchost/--bcport and without a configuration, the broadcast responder runs, as in
Pyro5, only when the name server is bound to a non-loopback IPv4 address.
Signals: SIGTERM/SIGINT stop (after the last commit), SIGHUP reloads the configuration.
Logging goes to stderr; set RUST_LOG=debug for more.

Control commands (as pyro5-nsc has them; listings are sorted tables of names, URIs and tags):
  labns ping                   check that the name server answers
  labns list [PREFIX]          every registration, or those whose name starts with PREFIX
  labns listmatching REGEX     registrations whose name matches REGEX (Python re.match)
  labns lookup NAME            NAME's URI (and its tags on a second line)
  labns register NAME URI      register NAME (refused when NAME exists)
  labns remove NAME            remove NAME
  labns removematching REGEX   remove every name matching REGEX (asks first, unless --yes)
  labns setmeta NAME [TAG...]  replace NAME's tags (no TAG: clear them)
  labns yplookup_all TAG...    registrations that have all the TAGs
  labns yplookup_any TAG...    registrations that have any of the TAGs
Options of the control commands:
  -n, --host HOST              the name server's host; without it the name server is found
                               as Pyro5's locate_ns() does: localhost, then a broadcast
  -p, --port PORT              its port [default: 9090]; without --host, the port of both
                               discovery steps (as in pyro5-nsc) [default: 9090, 9091]
      --bcaddr ADDR            where the discovery broadcast goes (repeatable)
                               [default: 255.255.255.255 and 0.0.0.0]
      --timeout SECS           give up after SECS [default: 5]
      --serializer NAME        serpent | json | marshal | msgpack [default: serpent]
      --json                   print one JSON document instead of text
      --token-file FILE        the handshake token of a name server started with one
  -y, --yes                    removematching: do not ask for confirmation
  Arguments after `--` are taken as they are (for a TAG or REGEX starting with '-').
  Exit status: 0 done, 1 not reachable / refused by the name server / not confirmed, 2 usage.

Benchmark (closed loop: every connection has one request in flight; every reply is checked):
  labns bench [OPTIONS]        load a name server, print throughput and latency percentiles
  labns bench-echo [-n HOST] [-p PORT]
                               the ceiling: a server answering every request frame with a
                               canned reply of the size of a real lookup reply
  labns bench-startup [-n HOST] -p PORT [--timeout SECS] [--json] -- COMMAND [ARG...]
                               run COMMAND, print the time until HOST:PORT accepts, stop it
Options of `bench`:
  -n, --host HOST              [default: 127.0.0.1]
  -p, --port PORT              [default: 9090]
      --op OP                  lookup | register | list | yplookup | connect (a new
                               connection, handshake, one lookup, close) [default: lookup]
  -c, --connections C          concurrent connections [default: 16]
      --duration SECS          how long to run [default: 10]
      --requests N             stop after N requests instead
      --warmup SECS            do not count replies to requests sent in the first SECS
      --serializer NAME        serpent | json | marshal | msgpack [default: serpent]
      --preload N              register N names first (bench.000000, ...; skipped when they
                               are there already); lookup and yplookup then spread over
                               them, list expects them
      --idle N                 open N more connections first and keep them idle
      --timeout SECS           connect time-out and longest wait for any reply [default: 10]
      --token-file FILE        the handshake token of a name server started with one
      --json                   print one JSON line on stdout (the summary goes to stderr)
";

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Start(Box<StartRequest>),
    ConfigUpdate {
        file: PathBuf,
        strict: bool,
        config: Option<PathBuf>,
    },
    ConfigCheck {
        file: PathBuf,
        strict: bool,
    },
    ConfigShow {
        strict: bool,
        config: Option<PathBuf>,
        data_dir: Option<PathBuf>,
    },
    Control(Box<ControlRequest>),
    Bench {
        config: Box<BenchConfig>,
        json: bool,
    },
    BenchEcho {
        host: String,
        port: u16,
    },
    BenchStartup {
        host: String,
        port: u16,
        timeout: Duration,
        json: bool,
        command: Vec<OsString>,
    },
}

/// A command-line error: one line, exit code 2.
#[derive(Debug, PartialEq, Eq)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err(msg: impl Into<String>) -> CliError {
    CliError(msg.into())
}

/// The process environment the paths depend on (read once, passed down).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    pub is_root: bool,
    pub labns_config: Option<PathBuf>,
    pub labns_data_dir: Option<PathBuf>,
    pub xdg_config_home: Option<String>,
    pub xdg_data_home: Option<String>,
    pub home: Option<String>,
}

impl Environment {
    pub fn current() -> Environment {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        // SAFETY: geteuid has no preconditions and cannot fail.
        let euid = unsafe { libc::geteuid() };
        Environment {
            is_root: euid == 0,
            labns_config: var("LABNS_CONFIG").map(PathBuf::from),
            labns_data_dir: var("LABNS_DATA_DIR").map(PathBuf::from),
            xdg_config_home: var("XDG_CONFIG_HOME"),
            xdg_data_home: var("XDG_DATA_HOME"),
            home: var("HOME"),
        }
    }

    pub fn default_config_path(&self) -> PathBuf {
        config::default_config_path(
            self.is_root,
            self.xdg_config_home.as_deref(),
            self.home.as_deref(),
        )
    }

    pub fn default_data_dir(&self) -> PathBuf {
        config::default_data_dir(
            self.is_root,
            self.xdg_data_home.as_deref(),
            self.home.as_deref(),
        )
    }
}

fn value<T: std::str::FromStr>(
    args: &mut pico_args::Arguments,
    keys: impl Into<pico_args::Keys>,
    what: &str,
) -> Result<Option<T>, CliError>
where
    T::Err: fmt::Display,
{
    args.opt_value_from_fn(keys, |s: &str| s.parse::<T>())
        .map_err(|e| match e {
            pico_args::Error::OptionWithoutAValue(k) => err(format!("option {k} needs a value")),
            pico_args::Error::Utf8ArgumentParsingFailed { .. } => {
                err(format!("{what}: not valid UTF-8"))
            }
            pico_args::Error::ArgumentParsingFailed { .. } => err(format!("invalid {what}")),
            other => err(other.to_string()),
        })
}

fn port(
    args: &mut pico_args::Arguments,
    keys: impl Into<pico_args::Keys>,
    what: &str,
) -> Result<Option<u16>, CliError> {
    let raw: Option<String> = value(args, keys, what)?;
    raw.map(|s| {
        s.trim()
            .parse::<u16>()
            .map_err(|_| err(format!("invalid {what} '{s}': expected a number 0-65535")))
    })
    .transpose()
}

fn seconds(s: &str, what: &str) -> Result<Duration, CliError> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| err(format!("invalid {what} '{s}': expected seconds")))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err(err(format!(
            "invalid {what} '{s}': must be between 0 and 86400 seconds"
        )));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// The control command words.
const CONTROL_WORDS: [&str; 10] = [
    "ping",
    "list",
    "listmatching",
    "lookup",
    "register",
    "remove",
    "removematching",
    "setmeta",
    "yplookup_all",
    "yplookup_any",
];

pub fn parse(mut argv: Vec<OsString>) -> Result<Command, CliError> {
    // Everything after `--` is positional, taken as is.
    let tail = match argv.iter().position(|a| a == "--") {
        Some(at) => {
            let tail = argv.split_off(at + 1);
            argv.pop();
            Some(tail)
        }
        None => None,
    };
    let mut args = pico_args::Arguments::from_vec(argv);
    if args.contains(["-h", "--help"]) {
        return Ok(Command::Help);
    }
    if args.contains(["-V", "--version"]) {
        return Ok(Command::Version);
    }
    let sub: Option<String> = args
        .subcommand()
        .map_err(|_| err("the command is not valid UTF-8"))?;
    let takes_tail =
        matches!(sub.as_deref(), Some(w) if CONTROL_WORDS.contains(&w) || w == "bench-startup");
    if tail.is_some() && !takes_tail {
        return Err(err("unexpected argument '--' (see labns --help)"));
    }
    let tail = tail.unwrap_or_default();
    match sub.as_deref() {
        Some("start") => Ok(Command::Start(Box::new(parse_start(args)?))),
        Some("config") => parse_config(args),
        Some("help") => Ok(Command::Help),
        Some(word) if CONTROL_WORDS.contains(&word) => parse_control(word, args, tail),
        Some("bench") => parse_bench(args),
        Some("bench-echo") => parse_echo(args),
        Some("bench-startup") => parse_startup(args, tail),
        Some(other) => Err(err(format!("unknown command '{other}' (see labns --help)"))),
        None => Err(err("no command given (see labns --help)")),
    }
}

fn parse_config(mut args: pico_args::Arguments) -> Result<Command, CliError> {
    let action: Option<String> = args
        .subcommand()
        .map_err(|_| err("the config action is not valid UTF-8"))?;
    let strict = args.contains("--strict");
    let config: Option<PathBuf> = value(&mut args, "--config", "configuration path")?;
    let data_dir: Option<PathBuf> = value(&mut args, "--data-dir", "data directory")?;
    let mut file = || -> Result<PathBuf, CliError> {
        args.opt_free_from_os_str(|s| Ok::<_, CliError>(PathBuf::from(s)))
            .map_err(|e| err(e.to_string()))?
            .ok_or_else(|| err("this config action needs a FILE (see labns --help)"))
    };
    let cmd = match action.as_deref() {
        Some("update") => Command::ConfigUpdate {
            file: file()?,
            strict,
            config,
        },
        Some("check") => Command::ConfigCheck {
            file: file()?,
            strict,
        },
        Some("show") => Command::ConfigShow {
            strict,
            config,
            data_dir,
        },
        Some(other) => {
            return Err(err(format!(
                "unknown config action '{other}': expected update, check or show"
            )));
        }
        None => return Err(err("config needs an action: update, check or show")),
    };
    finish(args)?;
    Ok(cmd)
}

fn parse_start(mut args: pico_args::Arguments) -> Result<StartRequest, CliError> {
    let args = &mut args;
    let all = args.contains("--all");
    let strict = args.contains("--strict");
    let config: Option<PathBuf> = value(args, "--config", "configuration path")?;
    let data_dir: Option<PathBuf> = value(args, "--data-dir", "data directory")?;
    let mut o = Overrides {
        host: value::<String>(args, ["-n", "--host"], "host")?,
        port: port(args, ["-p", "--port"], "port")?,
        ..Overrides::default()
    };
    let no_bc = args.contains(["-x", "--no-broadcast"]) | args.contains("--nobc");
    let bchost: Option<String> = value(args, "--bchost", "broadcast host")?;
    let bcport = port(args, "--bcport", "broadcast port")?;
    o.broadcast = match (no_bc, bchost, bcport) {
        (true, None, None) => Some(Broadcast::Off),
        (true, _, _) => {
            return Err(err(
                "--no-broadcast cannot be combined with --bchost/--bcport",
            ));
        }
        (false, None, None) => None,
        (false, host, port) => Some(Broadcast::Explicit {
            host: host.filter(|h| !h.is_empty()),
            port: port.unwrap_or(config::DEFAULT_BCPORT),
        }),
    };
    if let Some(storage) = value::<String>(args, ["-s", "--storage"], "storage")? {
        let kind: StorageKind =
            config::parse_storage(&storage).map_err(|e| err(format!("--storage: {e}")))?;
        o.storage = Some(kind);
    }
    if let Some(secs) = value::<String>(args, "--autoclean", "autoclean period")? {
        o.autoclean =
            Some(config::parse_autoclean(&secs).map_err(|e| err(format!("--autoclean: {e}")))?);
    }
    if let Some(size) = value::<String>(args, "--lmdb-map-size", "map size")? {
        let size = config::parse_size(&size).map_err(|e| err(format!("--lmdb-map-size: {e}")))?;
        if size < config::MIN_LMDB_MAP_SIZE {
            return Err(err("--lmdb-map-size must be at least 1MiB"));
        }
        o.lmdb_map_size = Some(size);
    }
    if let Some(size) = value::<u32>(args, "--max-message-size", "message size")? {
        if u64::from(size) < config::MIN_MESSAGE_SIZE {
            return Err(err("--max-message-size must be at least 1024 bytes"));
        }
        o.max_message_size = Some(size);
    }
    if let Some(secs) = value::<String>(args, "--message-timeout", "message timeout")? {
        o.message_timeout = Some(seconds(&secs, "message timeout")?);
    }
    o.compression = args.contains("--compression");
    while let Some(item) = value::<String>(args, "--limit", "limit")? {
        let (key, val) = item
            .split_once('=')
            .ok_or_else(|| err(format!("invalid --limit '{item}': expected KEY=VALUE")))?;
        let v = config::parse_limit(key.trim(), val.trim())
            .map_err(|e| err(format!("--limit: {e}")))?;
        o.limits.push((key.trim().to_string(), v));
    }
    let mut allow = Vec::new();
    while let Some(net) = value::<String>(args, "--allow-write", "network")? {
        allow.push(Cidr::parse(&net).map_err(|e| err(format!("--allow-write: {e}")))?);
    }
    if !allow.is_empty() {
        o.allow_write = Some(allow);
    }
    if let Some(path) = value::<PathBuf>(args, "--token-file", "token file")? {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| err(format!("--token-file: cannot read {}: {e}", path.display())))?;
        let token = text.trim_end_matches(['\n', '\r']).to_string();
        if token.is_empty() {
            return Err(err(format!("--token-file: {} is empty", path.display())));
        }
        o.token = Some(token);
    }
    o.unprotect_ns_entry = args.contains("--no-protect-ns-entry");
    if let Some(secs) = value::<String>(args, "--wait-for-address", "wait time")? {
        let secs: f64 = secs
            .trim()
            .parse()
            .ok()
            .filter(|s: &f64| (0.0..=86_400.0).contains(s))
            .ok_or_else(|| {
                err(format!(
                    "invalid --wait-for-address '{secs}': expected 0-86400 seconds"
                ))
            })?;
        o.wait_for_address = Some(Duration::from_secs_f64(secs));
    }

    // Positional: NAME, or `nameserver NAME` (PyroLab's `pyrolab start nameserver NAME`).
    let mut free: Vec<String> = Vec::new();
    while let Some(a) = args
        .opt_free_from_str::<String>()
        .map_err(|e| err(e.to_string()))?
    {
        if a.starts_with('-') {
            return Err(err(format!("unknown option '{a}' (see labns --help)")));
        }
        free.push(a);
    }
    let selection = match (all, free.as_slice()) {
        (true, []) => Selection::All,
        (true, _) => return Err(err("--all cannot be combined with a name")),
        (false, []) => Selection::Default,
        (false, [name]) if name != "nameserver" => Selection::Named(name.clone()),
        (false, [kw, name]) if kw == "nameserver" => Selection::Named(name.clone()),
        (false, [kw]) if kw == "nameserver" => {
            return Err(err("'start nameserver' needs a NAME"));
        }
        (false, [_, extra, ..]) => {
            return Err(err(format!(
                "unexpected argument '{extra}' (see labns --help)"
            )));
        }
        (false, _) => return Err(err("unexpected arguments (see labns --help)")),
    };
    Ok(StartRequest {
        selection,
        config,
        strict,
        data_dir,
        overrides: o,
    })
}

fn serializer(args: &mut pico_args::Arguments) -> Result<Option<SerializerId>, CliError> {
    let Some(name) = value::<String>(args, "--serializer", "serializer")? else {
        return Ok(None);
    };
    SerializerId::from_name(&name).map(Some).ok_or_else(|| {
        err(format!(
            "invalid serializer '{name}': expected serpent, json, marshal or msgpack"
        ))
    })
}

fn timeout(args: &mut pico_args::Arguments) -> Result<Option<Duration>, CliError> {
    value::<String>(args, "--timeout", "timeout")?
        .map(|s| seconds(&s, "timeout"))
        .transpose()
}

/// `--token-file FILE`: the handshake token a name server started with `--token-file` wants.
fn token_file(args: &mut pico_args::Arguments) -> Result<Option<String>, CliError> {
    let Some(path) = value::<PathBuf>(args, "--token-file", "token file")? else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| err(format!("--token-file: cannot read {}: {e}", path.display())))?;
    let token = text.trim_end_matches(['\n', '\r']).to_string();
    if token.is_empty() {
        return Err(err(format!("--token-file: {} is empty", path.display())));
    }
    Ok(Some(token))
}

/// A port that must name a real port (not 0).
fn nonzero_port(args: &mut pico_args::Arguments) -> Result<Option<u16>, CliError> {
    match port(args, ["-p", "--port"], "port")? {
        Some(0) => Err(err("invalid port '0': expected a number 1-65535")),
        p => Ok(p),
    }
}

/// The free arguments left after the options: an option-looking one is an unknown option.
fn positionals(
    mut args: pico_args::Arguments,
    tail: Vec<OsString>,
) -> Result<Vec<String>, CliError> {
    let mut out = Vec::new();
    while let Some(a) = args
        .opt_free_from_str::<String>()
        .map_err(|_| err("arguments must be valid UTF-8"))?
    {
        if a.starts_with('-') && a.len() > 1 {
            return Err(err(format!("unknown option '{a}' (see labns --help)")));
        }
        out.push(a);
    }
    for a in tail {
        out.push(
            a.into_string()
                .map_err(|_| err("arguments must be valid UTF-8"))?,
        );
    }
    Ok(out)
}

fn parse_control(
    word: &str,
    mut args: pico_args::Arguments,
    tail: Vec<OsString>,
) -> Result<Command, CliError> {
    let a = &mut args;
    let host = value::<String>(a, ["-n", "--host"], "host")?.filter(|h| !h.is_empty());
    let port = nonzero_port(a)?;
    let mut locate = Locate::new(host, port);
    if let Some(t) = timeout(a)? {
        locate.timeout = t;
    }
    if let Some(s) = serializer(a)? {
        locate.serializer = s;
    }
    locate.token = token_file(a)?;
    let bcaddrs: Vec<String> = a
        .values_from_str("--bcaddr")
        .map_err(|_| err("option --bcaddr needs an address"))?;
    if !bcaddrs.is_empty() {
        locate.bc_addrs = bcaddrs
            .iter()
            .map(|s| {
                s.parse::<IpAddr>()
                    .map_err(|_| err(format!("invalid --bcaddr '{s}': expected an IP address")))
            })
            .collect::<Result<_, _>>()?;
    } else {
        locate.bc_addrs = DEFAULT_BC_ADDRS.to_vec();
    }
    let json = a.contains("--json");
    let yes = a.contains(["-y", "--yes"]);
    let rest = positionals(args, tail)?;
    let usage = |what: &str| err(format!("usage: labns {word} {what}").trim_end());
    let action = match (word, rest.as_slice()) {
        ("ping", []) => Action::Ping,
        ("ping", _) => return Err(usage("")),
        ("list", []) => Action::List { prefix: None },
        ("list", [p]) => Action::List {
            prefix: Some(p.clone()),
        },
        ("list", _) => return Err(usage("[PREFIX]")),
        ("listmatching", [r]) => Action::ListMatching { regex: r.clone() },
        ("listmatching", _) => return Err(usage("REGEX")),
        ("lookup", [n]) => Action::Lookup { name: n.clone() },
        ("lookup", _) => return Err(usage("NAME")),
        ("register", [n, u]) => Action::Register {
            name: n.clone(),
            uri: u.clone(),
        },
        ("register", _) => return Err(usage("NAME URI")),
        ("remove", [n]) => Action::Remove { name: n.clone() },
        ("remove", _) => return Err(usage("NAME")),
        ("removematching", [r]) => Action::RemoveMatching { regex: r.clone() },
        ("removematching", _) => return Err(usage("REGEX")),
        ("setmeta", [n, tags @ ..]) => Action::SetMeta {
            name: n.clone(),
            tags: tags.to_vec(),
        },
        ("setmeta", _) => return Err(usage("NAME [TAG...]")),
        ("yplookup_all", tags) if !tags.is_empty() => Action::YpLookupAll {
            tags: tags.to_vec(),
        },
        ("yplookup_any", tags) if !tags.is_empty() => Action::YpLookupAny {
            tags: tags.to_vec(),
        },
        (_, _) => return Err(usage("TAG...")),
    };
    if yes && !matches!(action, Action::RemoveMatching { .. }) {
        return Err(err("--yes only applies to removematching"));
    }
    Ok(Command::Control(Box::new(ControlRequest {
        action,
        locate,
        json,
        yes,
    })))
}

fn parse_bench(mut args: pico_args::Arguments) -> Result<Command, CliError> {
    let a = &mut args;
    let mut c = BenchConfig::default();
    if let Some(h) = value::<String>(a, ["-n", "--host"], "host")? {
        c.host = h;
    }
    if let Some(p) = nonzero_port(a)? {
        c.port = p;
    }
    if let Some(op) = value::<String>(a, "--op", "operation")? {
        c.op = Op::from_name(&op).ok_or_else(|| {
            err(format!(
                "invalid --op '{op}': expected lookup, register, list, yplookup or connect"
            ))
        })?;
    }
    if let Some(n) = value::<usize>(a, ["-c", "--connections"], "number of connections")? {
        if n == 0 || n > 100_000 {
            return Err(err("--connections must be between 1 and 100000"));
        }
        c.connections = n;
    }
    let duration = value::<String>(a, "--duration", "duration")?;
    let requests = value::<u64>(a, "--requests", "number of requests")?;
    c.stop = match (duration, requests) {
        (Some(_), Some(_)) => return Err(err("give either --duration or --requests, not both")),
        (Some(d), None) => Stop::After(seconds(&d, "duration")?),
        (None, Some(0)) => return Err(err("--requests must be at least 1")),
        (None, Some(n)) => Stop::Requests(n),
        (None, None) => c.stop,
    };
    if let Some(w) = value::<String>(a, "--warmup", "warm-up")? {
        c.warmup = if w.trim() == "0" {
            Duration::ZERO
        } else {
            seconds(&w, "warm-up")?
        };
    }
    if let Some(s) = serializer(a)? {
        c.serializer = s;
    }
    if let Some(n) = value::<usize>(a, "--preload", "number of registrations")? {
        c.preload = n;
    }
    if let Some(n) = value::<usize>(a, "--idle", "number of idle connections")? {
        c.idle = n;
    }
    if let Some(t) = timeout(a)? {
        c.timeout = t;
    }
    c.token = token_file(a)?;
    let json = a.contains("--json");
    finish(args)?;
    Ok(Command::Bench {
        config: Box::new(c),
        json,
    })
}

fn parse_echo(mut args: pico_args::Arguments) -> Result<Command, CliError> {
    let host =
        value::<String>(&mut args, ["-n", "--host"], "host")?.unwrap_or_else(|| "127.0.0.1".into());
    let port = port(&mut args, ["-p", "--port"], "port")?.unwrap_or(crate::client::DEFAULT_NS_PORT);
    finish(args)?;
    Ok(Command::BenchEcho { host, port })
}

fn parse_startup(mut args: pico_args::Arguments, tail: Vec<OsString>) -> Result<Command, CliError> {
    let host =
        value::<String>(&mut args, ["-n", "--host"], "host")?.unwrap_or_else(|| "127.0.0.1".into());
    let port = nonzero_port(&mut args)?.ok_or_else(|| err("bench-startup needs -p PORT"))?;
    let timeout = timeout(&mut args)?.unwrap_or(Duration::from_secs(30));
    let json = args.contains("--json");
    finish(args)?;
    if tail.is_empty() {
        return Err(err("bench-startup needs a command after --"));
    }
    Ok(Command::BenchStartup {
        host,
        port,
        timeout,
        json,
        command: tail,
    })
}

fn finish(args: pico_args::Arguments) -> Result<(), CliError> {
    let rest = args.finish();
    match rest.first() {
        None => Ok(()),
        Some(a) => {
            let a = a.to_string_lossy();
            if a.starts_with('-') {
                Err(err(format!("unknown option '{a}' (see labns --help)")))
            } else {
                Err(err(format!("unexpected argument '{a}' (see labns --help)")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn parse_str(s: &str) -> Result<Command, CliError> {
        parse(s.split_whitespace().map(OsString::from).collect())
    }

    fn start(s: &str) -> StartRequest {
        match parse_str(s) {
            Ok(Command::Start(c)) => *c,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn start_without_arguments_selects_the_default() {
        let r = start("start");
        assert_eq!(r.selection, Selection::Default);
        assert!(r.overrides.is_empty());
    }

    #[test]
    fn start_flags() {
        let r =
            start("start -n 127.0.0.1 -p 0 --bchost 127.0.0.1 --bcport 0 --message-timeout 1.5");
        assert_eq!(r.overrides.host.as_deref(), Some("127.0.0.1"));
        assert_eq!(r.overrides.port, Some(0));
        assert_eq!(
            r.overrides.broadcast,
            Some(Broadcast::Explicit {
                host: Some("127.0.0.1".into()),
                port: 0
            })
        );
        assert_eq!(
            r.overrides.message_timeout,
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            start("start --no-broadcast").overrides.broadcast,
            Some(Broadcast::Off)
        );
        assert_eq!(
            start("start --bcport 9999").overrides.broadcast,
            Some(Broadcast::Explicit {
                host: None,
                port: 9999
            })
        );
        assert_eq!(start("start --autoclean 0").overrides.autoclean, Some(None));
        assert_eq!(
            start("start --autoclean 5").overrides.autoclean,
            Some(Some(Duration::from_secs(5)))
        );
        assert!(matches!(
            start("start -s sql:/tmp/x").overrides.storage,
            Some(StorageKind::Lmdb {
                spelling: "sql",
                ..
            })
        ));
    }

    #[test]
    fn start_selections_in_pyrolab_habits() {
        assert_eq!(start("start lab").selection, Selection::Named("lab".into()));
        assert_eq!(
            start("start nameserver production").selection,
            Selection::Named("production".into())
        );
        assert_eq!(start("start --all").selection, Selection::All);
        assert_eq!(
            start("start production --config /x.yml --strict").config,
            Some(PathBuf::from("/x.yml"))
        );
    }

    #[test]
    fn config_actions() {
        assert!(matches!(
            parse_str("config update ./ns.yml"),
            Ok(Command::ConfigUpdate { file, strict: false, .. }) if file == Path::new("./ns.yml")
        ));
        assert!(matches!(
            parse_str("config check ns.yml --strict"),
            Ok(Command::ConfigCheck { strict: true, .. })
        ));
        assert!(matches!(
            parse_str("config show"),
            Ok(Command::ConfigShow { .. })
        ));
    }

    #[test]
    fn errors_are_one_line() {
        let cases = [
            (
                "start --bogus",
                "unknown option '--bogus' (see labns --help)",
            ),
            (
                "start --port 70000",
                "invalid port '70000': expected a number 0-65535",
            ),
            ("start --port", "option --port needs a value"),
            (
                "frobnicate",
                "unknown command 'frobnicate' (see labns --help)",
            ),
            ("", "no command given (see labns --help)"),
            (
                "start -x --bcport 1",
                "--no-broadcast cannot be combined with --bchost/--bcport",
            ),
            ("start a b", "unexpected argument 'b' (see labns --help)"),
            ("start --all lab", "--all cannot be combined with a name"),
            ("start nameserver", "'start nameserver' needs a NAME"),
            ("config", "config needs an action: update, check or show"),
            (
                "config update",
                "this config action needs a FILE (see labns --help)",
            ),
            (
                "config frob",
                "unknown config action 'frob': expected update, check or show",
            ),
            (
                "start --autoclean 2",
                "--autoclean: ns_autoclean cannot be smaller than 3 (got 2; use 0 to turn autoclean off)",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parse_str(input).unwrap_err().0, want, "{input}");
        }
        assert!(
            parse_str("start --storage postgres")
                .unwrap_err()
                .0
                .starts_with("--storage: invalid storage")
        );
    }

    fn control(s: &str) -> ControlRequest {
        match parse_str(s) {
            Ok(Command::Control(c)) => *c,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn control_commands_and_their_operands() {
        let cases = [
            ("ping", Action::Ping),
            ("list", Action::List { prefix: None }),
            (
                "list lab.",
                Action::List {
                    prefix: Some("lab.".into()),
                },
            ),
            (
                "listmatching a.*",
                Action::ListMatching {
                    regex: "a.*".into(),
                },
            ),
            ("lookup x", Action::Lookup { name: "x".into() }),
            (
                "register x PYRO:o@h:1",
                Action::Register {
                    name: "x".into(),
                    uri: "PYRO:o@h:1".into(),
                },
            ),
            ("remove x", Action::Remove { name: "x".into() }),
            (
                "removematching x --yes",
                Action::RemoveMatching { regex: "x".into() },
            ),
            (
                "setmeta x",
                Action::SetMeta {
                    name: "x".into(),
                    tags: vec![],
                },
            ),
            (
                "setmeta x a b",
                Action::SetMeta {
                    name: "x".into(),
                    tags: vec!["a".into(), "b".into()],
                },
            ),
            (
                "yplookup_all a",
                Action::YpLookupAll {
                    tags: vec!["a".into()],
                },
            ),
            (
                "yplookup_any a b",
                Action::YpLookupAny {
                    tags: vec!["a".into(), "b".into()],
                },
            ),
            (
                "setmeta -n h -- x -odd",
                Action::SetMeta {
                    name: "x".into(),
                    tags: vec!["-odd".into()],
                },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(control(input).action, want, "{input}");
        }
        let c = control("list -n 10.0.0.2 -p 9999 --timeout 1.5 --serializer json --json");
        assert_eq!(c.locate.host.as_deref(), Some("10.0.0.2"));
        assert_eq!(c.locate.port, Some(9999));
        assert_eq!(c.locate.timeout, Duration::from_millis(1500));
        assert_eq!(c.locate.serializer, SerializerId::Json);
        assert!(c.json && !c.yes);
        let c = control("ping --bcaddr 127.0.0.1 --bcaddr 0.0.0.0");
        assert_eq!(c.locate.host, None);
        assert_eq!(
            c.locate.bc_addrs,
            [
                "127.0.0.1".parse::<IpAddr>().unwrap(),
                "0.0.0.0".parse().unwrap()
            ]
        );
        assert_eq!(control("ping").locate.bc_addrs, DEFAULT_BC_ADDRS);
    }

    #[test]
    fn bench_options() {
        let Ok(Command::Bench { config, json }) = parse_str(
            "bench -p 9999 --op connect -c 64 --requests 500 --serializer msgpack --preload 10 \
             --idle 100 --warmup 0.5 --json",
        ) else {
            panic!("not a bench command");
        };
        assert!(json);
        assert_eq!(config.port, 9999);
        assert_eq!(config.op, Op::Connect);
        assert_eq!(config.connections, 64);
        assert_eq!(config.stop, Stop::Requests(500));
        assert_eq!(config.serializer, SerializerId::Msgpack);
        assert_eq!((config.preload, config.idle), (10, 100));
        assert_eq!(config.warmup, Duration::from_millis(500));
        let Ok(Command::Bench { config, .. }) = parse_str("bench --duration 3") else {
            panic!("not a bench command");
        };
        assert_eq!(config.stop, Stop::After(Duration::from_secs(3)));
        assert_eq!(config.host, "127.0.0.1");
        assert!(matches!(
            parse_str("bench-startup -p 9 -- labns start -p 9"),
            Ok(Command::BenchStartup { port: 9, command, .. }) if command.len() == 4
        ));
        assert!(matches!(
            parse_str("bench-echo -p 0"),
            Ok(Command::BenchEcho { port: 0, .. })
        ));
    }

    #[test]
    fn control_and_bench_errors_are_one_line() {
        let cases = [
            ("lookup", "usage: labns lookup NAME"),
            ("register x", "usage: labns register NAME URI"),
            ("ping extra", "usage: labns ping"),
            ("yplookup_any", "usage: labns yplookup_any TAG..."),
            ("list --yes", "--yes only applies to removematching"),
            ("ping -p 0", "invalid port '0': expected a number 1-65535"),
            (
                "ping --bcaddr nowhere",
                "invalid --bcaddr 'nowhere': expected an IP address",
            ),
            (
                "lookup x --bogus",
                "unknown option '--bogus' (see labns --help)",
            ),
            (
                "bench --op frob",
                "invalid --op 'frob': expected lookup, register, list, yplookup or connect",
            ),
            (
                "bench --duration 1 --requests 5",
                "give either --duration or --requests, not both",
            ),
            ("bench -c 0", "--connections must be between 1 and 100000"),
            (
                "bench-startup -p 9",
                "bench-startup needs a command after --",
            ),
            ("start -- x", "unexpected argument '--' (see labns --help)"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_str(input).unwrap_err().0, want, "{input}");
        }
    }
}
