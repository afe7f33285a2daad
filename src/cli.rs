//! The command line: the only code (with `main.rs`) that sees argv, the environment and exit
//! codes. Parses with pico-args into a [`Command`]; every error is one line for the user.

use crate::daemon::{Broadcast, SiteConfig};
use std::ffi::OsString;
use std::fmt;
use std::time::Duration;

pub const USAGE: &str = "\
labns: a native Pyro5-compatible name server

Usage:
  labns start [OPTIONS]        run a name server in the foreground
  labns --help | --version

Options of `start` (as pyro5-ns has them):
  -n, --host HOST              bind address or host name [default: localhost]
  -p, --port PORT              TCP port, 0 = any free port [default: 9090]
      --bchost HOST            broadcast responder address (given explicitly, it is
                               used as is, loopback included) [default: all interfaces]
      --bcport PORT            broadcast responder port [default: 9091]
  -x, --no-broadcast           do not start the broadcast responder (alias --nobc)
  -s, --storage KIND           storage: memory [default: memory]
      --max-message-size BYTES largest accepted message (annotations + payload)
                               [default: 4194304]
      --message-timeout SECS   close a connection that leaves a message half-sent (or a
                               reply unread) this long [default: 30]
      --compression            compress replies larger than 100 bytes (PYRO_COMPRESSION)

Without --bchost/--bcport the broadcast responder runs, as in Pyro5, only when the name
server is bound to a non-loopback IPv4 address.
Logging goes to stderr; set RUST_LOG=debug for more.
";

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Start(Box<SiteConfig>),
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

fn port(args: &mut pico_args::Arguments, keys: impl Into<pico_args::Keys>, what: &str) -> Result<Option<u16>, CliError> {
    let raw: Option<String> = value(args, keys, what)?;
    raw.map(|s| {
        s.trim()
            .parse::<u16>()
            .map_err(|_| err(format!("invalid {what} '{s}': expected a number 0-65535")))
    })
    .transpose()
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
    let cmd = match sub.as_deref() {
        Some("start") => Command::Start(Box::new(parse_start(&mut args)?)),
        Some("help") => Command::Help,
        Some(other) => return Err(err(format!("unknown command '{other}' (see labns --help)"))),
        None => return Err(err("no command given (see labns --help)")),
    };
    finish(args)?;
    Ok(cmd)
}

fn parse_start(args: &mut pico_args::Arguments) -> Result<SiteConfig, CliError> {
    let mut config = SiteConfig::default();
    if let Some(host) = value::<String>(args, ["-n", "--host"], "host")? {
        config.host = host;
    }
    if let Some(p) = port(args, ["-p", "--port"], "port")? {
        config.port = p;
    }
    let no_bc = args.contains(["-x", "--no-broadcast"]) | args.contains("--nobc");
    let bchost: Option<String> = value(args, "--bchost", "broadcast host")?;
    let bcport = port(args, "--bcport", "broadcast port")?;
    config.broadcast = match (no_bc, bchost, bcport) {
        (true, None, None) => Broadcast::Off,
        (true, _, _) => {
            return Err(err("--no-broadcast cannot be combined with --bchost/--bcport"));
        }
        (false, None, None) => Broadcast::Auto { port: 9091 },
        (false, host, port) => Broadcast::Explicit {
            host: host.filter(|h| !h.is_empty()),
            port: port.unwrap_or(9091),
        },
    };
    if let Some(storage) = value::<String>(args, ["-s", "--storage"], "storage")? {
        if storage != "memory" {
            return Err(err(format!(
                "unsupported storage '{storage}': this build offers 'memory' only"
            )));
        }
    }
    if let Some(size) = value::<u32>(args, "--max-message-size", "message size")? {
        if size < 1024 {
            return Err(err("--max-message-size must be at least 1024 bytes"));
        }
        config.server.max_message_size = size;
    }
    if let Some(secs) = value::<f64>(args, "--message-timeout", "message timeout")? {
        if !(secs > 0.0 && secs <= 86_400.0) {
            return Err(err("--message-timeout must be between 0 and 86400 seconds"));
        }
        config.message_timeout = Duration::from_secs_f64(secs);
    }
    config.server.compress = args.contains("--compression");
    Ok(config)
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

    fn parse_str(s: &str) -> Result<Command, CliError> {
        parse(s.split_whitespace().map(OsString::from).collect())
    }

    fn start(s: &str) -> SiteConfig {
        match parse_str(s) {
            Ok(Command::Start(c)) => *c,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn start_defaults_are_pyro5s() {
        let c = start("start");
        assert_eq!(c.host, "localhost");
        assert_eq!(c.port, 9090);
        assert_eq!(c.broadcast, Broadcast::Auto { port: 9091 });
    }

    #[test]
    fn start_flags() {
        let c = start("start -n 127.0.0.1 -p 0 --bchost 127.0.0.1 --bcport 0 --message-timeout 1.5");
        assert_eq!(c.host, "127.0.0.1");
        assert_eq!(c.port, 0);
        assert_eq!(
            c.broadcast,
            Broadcast::Explicit {
                host: Some("127.0.0.1".into()),
                port: 0
            }
        );
        assert_eq!(c.message_timeout, Duration::from_millis(1500));
        assert_eq!(start("start --no-broadcast").broadcast, Broadcast::Off);
        assert_eq!(
            start("start --bcport 9999").broadcast,
            Broadcast::Explicit { host: None, port: 9999 }
        );
    }

    #[test]
    fn errors_are_one_line() {
        let cases = [
            ("start --bogus", "unknown option '--bogus' (see labns --help)"),
            ("start --port 70000", "invalid port '70000': expected a number 0-65535"),
            ("start --port", "option --port needs a value"),
            ("frobnicate", "unknown command 'frobnicate' (see labns --help)"),
            ("", "no command given (see labns --help)"),
            ("start --storage sql:/tmp/x", "unsupported storage 'sql:/tmp/x': this build offers 'memory' only"),
            ("start -x --bcport 1", "--no-broadcast cannot be combined with --bchost/--bcport"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_str(input).unwrap_err().0, want, "{input}");
        }
    }
}
