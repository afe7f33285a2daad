//! The command line: with `main.rs`, the only code that sees argv, the environment and exit
//! codes. Parses with pico-args into a [`Command`]; every error is one line for the user.

use crate::config::{self, StorageKind};
use crate::daemon::Broadcast;
use crate::launch::{Overrides, Selection, StartRequest};
use crate::ns::access::Cidr;
use std::ffi::OsString;
use std::fmt;
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
                               kinds are LMDB) [default: memory]
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
                               max_uri_len [8192], max_tag_len [4096], max_tags [1024]

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

pub fn parse(argv: Vec<OsString>) -> Result<Command, CliError> {
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
    match sub.as_deref() {
        Some("start") => Ok(Command::Start(Box::new(parse_start(args)?))),
        Some("config") => parse_config(args),
        Some("help") => Ok(Command::Help),
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
}
