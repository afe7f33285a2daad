//! The `labns` binary: parse the command line, set up logging, run the chosen command, map
//! errors to a one-line message and an exit code (2: usage, 1: configuration or runtime).

use labns::bench::{self, BenchConfig};
use labns::cli::{self, Command, Environment};
use labns::config::{self, NameServerConfig};
use labns::control::{self, ControlRequest};
use labns::daemon::{Daemon, raise_nofile_limit};
use labns::launch;
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
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
    init_logging();
    let env = Environment::current();
    let result = match cmd {
        Command::Help => {
            print!("{}", cli::USAGE);
            Ok(())
        }
        Command::Version => {
            println!("labns {} (Pyro5 protocol 502)", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Command::Start(request) => start(*request, env),
        Command::ConfigCheck { file, strict } => check(&file, strict).map(|_| ()),
        Command::ConfigUpdate {
            file,
            strict,
            config,
        } => update(&file, strict, config.as_deref(), &env),
        Command::ConfigShow {
            strict,
            config,
            data_dir,
        } => show(strict, config.as_deref(), data_dir.as_deref(), &env),
        Command::Control(request) => run_control(&request),
        Command::Bench { config, json } => run_bench(*config, json),
        Command::BenchEcho { host, port } => run_echo(&host, port),
        Command::BenchStartup {
            host,
            port,
            timeout,
            json,
            command,
        } => run_startup(&host, port, timeout, json, &command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("labns: error: {message}");
            ExitCode::from(1)
        }
    }
}

fn start(request: launch::StartRequest, env: Environment) -> Result<(), String> {
    let sites = launch::plan(&request, &env).map_err(|e| e.to_string())?;
    match raise_nofile_limit() {
        Ok(n) => log::debug!("open-file limit: {n}"),
        Err(e) => log::warn!("cannot raise the open-file limit: {e}"),
    }
    // Until the event loop takes signals over: SIGTERM/SIGINT end a wait for the address
    // (exit 0), SIGHUP does nothing (there is nothing to reload yet).
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, stop.clone())
            .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    }
    let hup = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGHUP, hup)
        .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    let mut daemon = match Daemon::bind_until(sites, stop) {
        Ok(d) => d,
        Err(labns::daemon::StartError::Stopped) => {
            log::info!("stopped before the address appeared");
            return Ok(());
        }
        Err(e) => return Err(e.to_string()),
    };
    daemon
        .handle_signals()
        .map_err(|e| format!("cannot install signal handlers: {e}"))?;
    daemon.set_reloader(Box::new(move || {
        launch::plan(&request, &env).map_err(|e| e.to_string())
    }));
    let mut out = std::io::stdout().lock();
    for line in daemon.banner() {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
    drop(out);
    let notify = std::env::var("NOTIFY_SOCKET")
        .ok()
        .filter(|s| !s.is_empty());
    if let Some(socket) = &notify {
        let state = format!("READY=1\nMAINPID={}", std::process::id());
        if let Err(e) = labns::daemon::notify_systemd(socket, &state) {
            log::warn!("cannot notify systemd through {socket}: {e}");
        }
    }
    let result = daemon.run();
    if let Some(socket) = &notify {
        let _ = labns::daemon::notify_systemd(socket, "STOPPING=1");
    }
    drop(daemon); // closes the sockets and the stores (every acknowledged change is committed)
    result.map_err(|e| format!("event loop failed: {e}"))?;
    println!("NS shut down.");
    Ok(())
}

fn check(file: &Path, strict: bool) -> Result<config::Config, String> {
    let config = config::load_file(file, strict).map_err(|e| format!("{}: {e}", file.display()))?;
    for w in &config.warnings {
        eprintln!("labns: warning: {}: {w}", file.display());
    }
    let names: Vec<&str> = config.nameservers.iter().map(|n| n.name.as_str()).collect();
    println!(
        "{}: OK, {} name server(s): {}",
        file.display(),
        names.len(),
        names.join(", ")
    );
    Ok(config)
}

fn update(file: &Path, strict: bool, dest: Option<&Path>, env: &Environment) -> Result<(), String> {
    let text = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    check(file, strict)?;
    let (dest, _) = launch::config_path(dest, env);
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // Write a temporary file next to the destination, then rename: never a half-written config.
    let tmp = dest.with_extension(format!("yml.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(&text).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, &dest));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("cannot install {}: {e}", dest.display()));
    }
    println!("installed {} as {}", file.display(), dest.display());
    Ok(())
}

fn show(
    strict: bool,
    explicit: Option<&Path>,
    data_dir: Option<&Path>,
    env: &Environment,
) -> Result<(), String> {
    let data_dir = data_dir
        .map(Path::to_path_buf)
        .or_else(|| env.labns_data_dir.clone())
        .unwrap_or_else(|| env.default_data_dir());
    let config = match launch::load_config(explicit, strict, env).map_err(|e| e.to_string())? {
        Some((path, config)) => {
            println!("configuration: {}", path.display());
            config
        }
        None => {
            let (path, _) = launch::config_path(explicit, env);
            println!(
                "configuration: none ({} does not exist): built-in defaults",
                path.display()
            );
            config::Config {
                nameservers: vec![NameServerConfig::with_defaults("default")],
                autolaunch: Vec::new(),
                strict: false,
                warnings: Vec::new(),
            }
        }
    };
    println!("data directory: {}", data_dir.display());
    print!("{}", config::render_table(&config));
    Ok(())
}

/// A control command: its output on stdout, the removematching question on stderr with the
/// answer read from stdin (only "y"/"yes" confirm).
fn run_control(request: &ControlRequest) -> Result<(), String> {
    let mut confirm = |question: &str| {
        eprint!("{question}");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        match std::io::stdin().lock().read_line(&mut answer) {
            Ok(_) => matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"),
            Err(_) => false,
        }
    };
    let mut out = std::io::stdout().lock();
    control::run(request, &mut out, &mut confirm).map_err(|e| one_line(&e.to_string()))
}

/// Remote messages may span lines; the error report stays one line.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn run_bench(mut config: BenchConfig, json: bool) -> Result<(), String> {
    config.progress = std::io::stderr().is_terminal();
    match raise_nofile_limit() {
        Ok(n) if (n as usize) < config.connections + config.idle + 64 => {
            log::warn!("the open-file limit ({n}) is below the connections asked for")
        }
        Ok(_) => {}
        Err(e) => log::warn!("cannot raise the open-file limit: {e}"),
    }
    let report = bench::run(&config, &mut std::io::stderr()).map_err(|e| e.to_string())?;
    if json {
        eprint!("{}", report.human());
        println!("{}", report.json());
    } else {
        print!("{}", report.human());
    }
    Ok(())
}

fn run_echo(host: &str, port: u16) -> Result<(), String> {
    let _ = raise_nofile_limit();
    let addr = labns::daemon::resolve(host, port).map_err(|e| format!("{host}: {e}"))?;
    bench::echo_server(addr, &mut |bound| {
        println!("echo server on {bound}");
        let _ = std::io::stdout().flush();
    })
    .map_err(|e| e.to_string())
}

fn run_startup(
    host: &str,
    port: u16,
    timeout: std::time::Duration,
    json: bool,
    command: &[OsString],
) -> Result<(), String> {
    let addr = labns::daemon::resolve(host, port).map_err(|e| format!("{host}: {e}"))?;
    let took = bench::startup_time(command, addr, timeout).map_err(|e| e.to_string())?;
    let ms = took.as_secs_f64() * 1e3;
    if json {
        println!("{{\"startup_ms\":{ms:.3}}}");
    } else {
        println!("{addr} accepted {ms:.2} ms after the start");
    }
    Ok(())
}

/// One line per event on stderr, written unbuffered. Under journald (`JOURNAL_STREAM` set)
/// without a timestamp, since the journal adds its own; elsewhere with a UTC one.
fn init_logging() {
    let env = env_logger::Env::default().default_filter_or("info");
    let stamp = std::env::var_os("JOURNAL_STREAM").is_none();
    env_logger::Builder::from_env(env)
        .format(move |buf, record| {
            if stamp {
                write!(buf, "{} ", utc_now())?;
            }
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

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for the current time (the civil-from-days algorithm).
fn utc_now() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        now.subsec_millis()
    )
}
