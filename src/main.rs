//! The `labns` binary: parse the command line, set up logging, run the chosen command, map
//! errors to a one-line message and an exit code.

use labns::cli::{self, Command};
use labns::daemon::{Daemon, raise_nofile_limit};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<_> = std::env::args_os().skip(1).collect();
    let cmd = match cli::parse(argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("labns: error: {e}");
            return ExitCode::from(2);
        }
    };
    match cmd {
        Command::Help => {
            print!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("labns {} (Pyro5 protocol 502)", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Start(config) => {
            init_logging();
            match raise_nofile_limit() {
                Ok(n) => log::debug!("open-file limit: {n}"),
                Err(e) => log::warn!("cannot raise the open-file limit: {e}"),
            }
            let mut daemon = match Daemon::bind(vec![*config]) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("labns: error: {e}");
                    return ExitCode::from(1);
                }
            };
            if let Err(e) = daemon.handle_signals() {
                eprintln!("labns: error: cannot install signal handlers: {e}");
                return ExitCode::from(1);
            }
            let mut out = std::io::stdout().lock();
            for line in daemon.banner() {
                let _ = writeln!(out, "{line}");
            }
            let _ = out.flush();
            drop(out);
            let result = daemon.run();
            drop(daemon);
            match result {
                Ok(()) => {
                    println!("NS shut down.");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("labns: error: event loop failed: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn init_logging() {
    let env = env_logger::Env::default().default_filter_or("info");
    env_logger::Builder::from_env(env)
        .format(|buf, record| {
            writeln!(
                buf,
                "{} {}: {}",
                record.level(),
                record.target(),
                record.args()
            )
        })
        .init();
}
