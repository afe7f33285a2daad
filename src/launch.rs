//! From configuration to running name servers: turns validated [`NameServerConfig`]s (from a
//! PyroLab YAML file or the built-in defaults, with command-line overrides) into the daemon's
//! [`SiteConfig`]s, and offers PyroLab's "using a script" path to Rust programs:
//! [`read_nameserver_configs`] and [`start_ns_loop`].
//!
//! It reads the configuration file and nothing else; the environment (paths, "am I root")
//! comes in from `cli.rs` as an [`Environment`].
//!
//! ```no_run
//! // PyroLab's documented script, in Rust:
//! //   from pyrolab.nameserver import start_ns_loop
//! //   from pyrolab.configure import read_nameserver_configs
//! //   configs = read_nameserver_configs()
//! //   start_ns_loop(configs['default'])
//! let configs = labns::launch::read_nameserver_configs("ns_cfg.yml".as_ref()).unwrap();
//! labns::launch::start_ns_loop(&configs["default"]).unwrap();
//! ```

use crate::cli::Environment;
use crate::config::{self, Config, Host, NameServerConfig, StorageKind};
use crate::daemon::{Broadcast, Daemon, SiteConfig, StartError, StopHandle, StoreConfig};
use crate::ns::access::{AccessPolicy, Cidr};
use crate::ns::autoclean::AutoCleanConfig;
use crate::ns::server::ServerConfig;
use crate::store;
use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Settings given on the command line; each replaces the configured value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    pub host: Option<String>,
    pub port: Option<u16>,
    pub broadcast: Option<Broadcast>,
    pub storage: Option<StorageKind>,
    /// `Some(None)` turns autoclean off.
    pub autoclean: Option<Option<Duration>>,
    pub max_message_size: Option<u32>,
    pub message_timeout: Option<Duration>,
    pub lmdb_map_size: Option<u64>,
    pub compression: bool,
    pub wait_for_address: Option<Duration>,
    /// `--limit KEY=VALUE`, applied after the configured `limits:`.
    pub limits: Vec<(String, u64)>,
    /// `--allow-write CIDR` (repeatable): replaces the configured list.
    pub allow_write: Option<Vec<Cidr>>,
    /// `--token-file FILE`, already read.
    pub token: Option<String>,
    /// `--no-protect-ns-entry`.
    pub unprotect_ns_entry: bool,
}

/// How long a configured name server waits for its address to appear at boot (the network
/// may come up after the daemon). The built-in default (interactive, `pyro5-ns`-like use) does
/// not wait: a wrong address is reported at once.
pub const DEFAULT_WAIT_FOR_ADDRESS: Duration = Duration::from_secs(120);

impl Overrides {
    pub fn is_empty(&self) -> bool {
        *self == Overrides::default()
    }
}

/// Which configured name servers to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// `default` from the configuration file, or the built-in defaults without one.
    Default,
    Named(String),
    /// Every entry (or those in `autolaunch.nameservers`).
    All,
}

/// Everything `labns start` needs to know, after argv parsing.
#[derive(Clone, Debug, PartialEq)]
pub struct StartRequest {
    pub selection: Selection,
    /// `--config FILE` (else `LABNS_CONFIG`, else the default path).
    pub config: Option<PathBuf>,
    pub strict: bool,
    /// `--data-dir DIR` (else `LABNS_DATA_DIR`, else the default data directory).
    pub data_dir: Option<PathBuf>,
    pub overrides: Overrides,
}

/// A configuration problem: one line for the user.
#[derive(Debug)]
pub struct PlanError(pub String);

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PlanError {}

/// The configuration file `labns` uses: explicit (`--config`, `LABNS_CONFIG`) or default.
pub fn config_path(explicit: Option<&Path>, env: &Environment) -> (PathBuf, bool) {
    match explicit
        .map(Path::to_path_buf)
        .or_else(|| env.labns_config.clone())
    {
        Some(p) => (p, true),
        None => (env.default_config_path(), false),
    }
}

/// Load the configuration file if there is one; `Ok(None)` when the default file is absent.
pub fn load_config(
    explicit: Option<&Path>,
    strict: bool,
    env: &Environment,
) -> Result<Option<(PathBuf, Config)>, PlanError> {
    let (path, explicit) = config_path(explicit, env);
    if !explicit && !path.exists() {
        return Ok(None);
    }
    let config = config::load_file(&path, strict)
        .map_err(|e| PlanError(format!("{}: {e}", path.display())))?;
    for w in &config.warnings {
        log::warn!("{}: {w}", path.display());
    }
    Ok(Some((path, config)))
}

/// Decide the sites `labns start` runs.
pub fn plan(request: &StartRequest, env: &Environment) -> Result<Vec<SiteConfig>, PlanError> {
    let loaded = load_config(request.config.as_deref(), request.strict, env)?;
    let data_dir = request
        .data_dir
        .clone()
        .or_else(|| env.labns_data_dir.clone())
        .unwrap_or_else(|| env.default_data_dir());
    let file_name = |p: &Path| p.display().to_string();
    let entries: Vec<(NameServerConfig, bool)> = match (&request.selection, &loaded) {
        (Selection::Default, None) => vec![(NameServerConfig::with_defaults("default"), true)],
        (Selection::Default, Some((path, config))) => match config.get("default") {
            Some(ns) => vec![(ns.clone(), false)],
            None => {
                log::info!(
                    "{} has no 'default' name server: using the built-in defaults",
                    file_name(path)
                );
                vec![(NameServerConfig::with_defaults("default"), true)]
            }
        },
        (Selection::Named(name), None) => {
            let (path, _) = config_path(request.config.as_deref(), env);
            return Err(PlanError(format!(
                "no configuration file ({} does not exist) to find name server '{name}' in; install one with 'labns config update FILE'",
                path.display()
            )));
        }
        (Selection::Named(name), Some((path, config))) => match config.get(name) {
            Some(ns) => vec![(ns.clone(), false)],
            None => {
                let known: Vec<&str> = config.nameservers.iter().map(|n| n.name.as_str()).collect();
                return Err(PlanError(format!(
                    "no name server '{name}' in {} (it has: {})",
                    file_name(path),
                    known.join(", ")
                )));
            }
        },
        (Selection::All, None) => {
            let (path, _) = config_path(request.config.as_deref(), env);
            return Err(PlanError(format!(
                "--all needs a configuration file ({} does not exist)",
                path.display()
            )));
        }
        (Selection::All, Some((_, config))) => {
            // Every entry keeps its own addresses, storage and limits; only the boot-time
            // address wait applies to all of them alike.
            let per_entry = Overrides {
                wait_for_address: None,
                ..request.overrides.clone()
            };
            if !per_entry.is_empty() {
                return Err(PlanError(
                    "--all runs the configured name servers as they are: it cannot be combined with address, storage or limit options (only --wait-for-address)"
                        .into(),
                ));
            }
            let chosen: Vec<&NameServerConfig> = if config.autolaunch.is_empty() {
                config.nameservers.iter().collect()
            } else {
                config
                    .autolaunch
                    .iter()
                    .filter_map(|n| config.get(n))
                    .collect()
            };
            chosen.into_iter().map(|ns| (ns.clone(), false)).collect()
        }
    };
    if entries.is_empty() {
        return Err(PlanError("the configuration has no name servers".into()));
    }
    let sites: Vec<SiteConfig> = entries
        .iter()
        .map(|(ns, builtin)| site_config(ns, *builtin, &request.overrides, &data_dir))
        .collect();
    check_distinct(&sites)?;
    Ok(sites)
}

/// Two sites on one port or one store would fail late and confusingly: say it up front.
fn check_distinct(sites: &[SiteConfig]) -> Result<(), PlanError> {
    for (i, a) in sites.iter().enumerate() {
        for b in &sites[i + 1..] {
            if a.port != 0 && a.port == b.port && a.host == b.host {
                return Err(PlanError(format!(
                    "name servers '{}' and '{}' both use {}:{}",
                    a.name, b.name, a.host, a.port
                )));
            }
            if let (Some(x), Some(y)) = (&a.store, &b.store)
                && x.path == y.path
            {
                return Err(PlanError(format!(
                    "name servers '{}' and '{}' both use the store {}",
                    a.name,
                    b.name,
                    x.path.display()
                )));
            }
        }
    }
    Ok(())
}

/// One configured name server as the daemon runs it. `builtin` marks the built-in default
/// (no configuration file): its broadcast responder follows Pyro5's rule (on for non-loopback
/// IPv4 binds), while a configured entry runs one only when configured (PyroLab).
pub fn site_config(
    ns: &NameServerConfig,
    builtin: bool,
    overrides: &Overrides,
    data_dir: &Path,
) -> SiteConfig {
    let defaults = SiteConfig::default();
    let host = overrides.host.clone().unwrap_or_else(|| match &ns.host {
        Host::Public => "public".to_string(),
        Host::Name(h) => h.clone(),
    });
    let broadcast = overrides
        .broadcast
        .clone()
        .unwrap_or_else(|| match &ns.broadcast {
            Some(bc) => Broadcast::Explicit {
                host: bc.host.clone(),
                port: bc.port,
            },
            None if builtin => Broadcast::Auto {
                port: config::DEFAULT_BCPORT,
            },
            None => Broadcast::Off,
        });
    let storage = overrides
        .storage
        .clone()
        .unwrap_or_else(|| ns.storage.clone());
    let store = match storage {
        StorageKind::Memory => None,
        StorageKind::Lmdb { path, spelling } => Some(StoreConfig {
            path: path.unwrap_or_else(|| config::default_store_path(data_dir, &ns.name)),
            map_size: overrides
                .lmdb_map_size
                .or(ns.lmdb_map_size)
                .unwrap_or(store::DEFAULT_MAP_SIZE),
            spelling: spelling.to_string(),
        }),
    };
    let autoclean = overrides.autoclean.unwrap_or(ns.autoclean).map(|period| {
        let mut ac = AutoCleanConfig::with_period(period);
        ac.grace = ns.autoclean_grace;
        ac
    });
    let server = ServerConfig {
        max_message_size: overrides
            .max_message_size
            .or(ns.max_message_size)
            .unwrap_or(defaults.server.max_message_size),
        compress: overrides.compression || ns.compression,
        access: AccessPolicy {
            allow_write: overrides
                .allow_write
                .clone()
                .unwrap_or_else(|| ns.allow_write.clone()),
            token: overrides.token.clone().or_else(|| ns.token.clone()),
        },
        ..defaults.server.clone()
    };
    let mut site = SiteConfig {
        name: ns.name.clone(),
        host,
        port: overrides.port.unwrap_or(ns.port),
        broadcast,
        server,
        store,
        autoclean,
        protect_ns_entry: !overrides.unprotect_ns_entry && ns.protect_ns_entry.unwrap_or(true),
        message_timeout: overrides
            .message_timeout
            .or(ns.message_timeout)
            .unwrap_or(defaults.message_timeout),
        max_output: defaults.max_output,
        wait_for_address: overrides.wait_for_address.unwrap_or(if builtin {
            Duration::ZERO
        } else {
            DEFAULT_WAIT_FOR_ADDRESS
        }),
        max_connections: defaults.max_connections,
    };
    for (key, value) in ns.limits.iter().chain(&overrides.limits) {
        apply_limit(&mut site, key, *value);
    }
    site
}

/// Set one validated `limits:` value (keys as in [`config::LIMIT_KEYS`]).
fn apply_limit(site: &mut SiteConfig, key: &str, value: u64) {
    let n = usize::try_from(value).unwrap_or(usize::MAX);
    let l = &mut site.server.ns_limits;
    match key {
        "max_connections" => site.max_connections = n,
        "max_output" => site.max_output = n,
        "max_depth" => site.server.limits.max_depth = n,
        "max_items" => site.server.limits.max_items = n,
        "max_registrations" => l.max_registrations = n,
        "max_name_len" => l.max_name_len = n,
        "max_uri_len" => l.max_uri_len = n,
        "max_tag_len" => l.max_tag_len = n,
        "max_tags" => l.max_tags = n,
        "reply_cache" => site.server.reply_cache_bytes = n,
        other => log::warn!("unknown limit '{other}' ignored"),
    }
}

/// PyroLab's `read_nameserver_configs`: name -> validated configuration of every name server
/// in a PyroLab YAML file.
pub fn read_nameserver_configs(
    path: &Path,
) -> Result<BTreeMap<String, NameServerConfig>, config::ConfigError> {
    let config = config::load_file(path, false)?;
    for w in &config.warnings {
        log::warn!("{}: {w}", path.display());
    }
    Ok(config
        .nameservers
        .into_iter()
        .map(|ns| (ns.name.clone(), ns))
        .collect())
}

/// Why an embedded name server stopped with an error.
#[derive(Debug)]
pub enum RunError {
    Start(StartError),
    Loop(std::io::Error),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Start(e) => e.fmt(f),
            RunError::Loop(e) => write!(f, "event loop failed: {e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// PyroLab's `start_ns_loop`: run one configured name server in this thread until SIGTERM or
/// SIGINT. Default store paths go under the usual data directory.
pub fn start_ns_loop(config: &NameServerConfig) -> Result<(), RunError> {
    let env = Environment::current();
    let site = site_config(
        config,
        false,
        &Overrides::default(),
        &env.default_data_dir(),
    );
    let mut daemon = Daemon::bind(vec![site]).map_err(RunError::Start)?;
    daemon.handle_signals().map_err(RunError::Loop)?;
    for line in daemon.banner() {
        log::info!("{line}");
    }
    daemon.run().map_err(RunError::Loop)
}

/// `start_ns_loop` with a stop handle instead of signals: `ready` gets the handle and the
/// bound address once the name server accepts connections (call `stop()` from any thread).
pub fn start_ns_loop_with_stop(
    config: &NameServerConfig,
    data_dir: &Path,
    ready: impl FnOnce(StopHandle, SocketAddr),
) -> Result<(), RunError> {
    let site = site_config(config, false, &Overrides::default(), data_dir);
    let mut daemon = Daemon::bind(vec![site]).map_err(RunError::Start)?;
    let addr = daemon
        .local_addr(0)
        .ok_or_else(|| RunError::Loop(std::io::Error::other("no site bound")))?;
    ready(daemon.stop_handle(), addr);
    daemon.run().map_err(RunError::Loop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(dir: &Path) -> Environment {
        Environment {
            is_root: false,
            labns_config: None,
            labns_data_dir: None,
            xdg_config_home: Some(dir.join("cfg").display().to_string()),
            xdg_data_home: Some(dir.join("data").display().to_string()),
            home: None,
        }
    }

    fn request(selection: Selection, config: Option<PathBuf>) -> StartRequest {
        StartRequest {
            selection,
            config,
            strict: false,
            data_dir: None,
            overrides: Overrides::default(),
        }
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("labns-launch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    const DOCS: &str = "nameservers:\n  default:\n    host: localhost\n    ns_port: 9090\n  production:\n    host: ns.lab.example.org\n    ns_port: 9100\n    storage: sql\n    ns_autoclean: 15\n  development:\n    host: 127.0.0.1\n    ns_port: 9095\n    broadcast: true\n    ns_bcport: 9096\n";

    #[test]
    fn built_in_default_without_a_file_behaves_like_pyro5_ns() {
        let dir = scratch("builtin");
        let sites = plan(&request(Selection::Default, None), &env(&dir)).unwrap();
        assert_eq!(sites.len(), 1);
        assert_eq!((sites[0].host.as_str(), sites[0].port), ("localhost", 9090));
        assert_eq!(sites[0].broadcast, Broadcast::Auto { port: 9091 });
        assert!(sites[0].store.is_none());
    }

    #[test]
    fn named_entries_come_from_the_file_without_touching_other_hosts() {
        let dir = scratch("named");
        let file = dir.join("ns.yml");
        std::fs::write(&file, DOCS).unwrap();
        let sites = plan(
            &request(Selection::Named("production".into()), Some(file.clone())),
            &env(&dir),
        )
        .unwrap();
        let s = &sites[0];
        assert_eq!((s.host.as_str(), s.port), ("ns.lab.example.org", 9100));
        assert_eq!(s.broadcast, Broadcast::Off);
        let store = s.store.as_ref().unwrap();
        assert_eq!(store.spelling, "sql");
        assert!(
            store.path.starts_with(dir.join("data").join("labns")),
            "{store:?}"
        );
        assert_eq!(s.autoclean.unwrap().period, Duration::from_secs(15));
        let dev = plan(
            &request(Selection::Named("development".into()), Some(file.clone())),
            &env(&dir),
        )
        .unwrap();
        assert_eq!(
            dev[0].broadcast,
            Broadcast::Explicit {
                host: None,
                port: 9096
            }
        );
        let err = plan(
            &request(Selection::Named("nope".into()), Some(file)),
            &env(&dir),
        )
        .unwrap_err();
        assert!(
            err.0.contains("no name server 'nope'") && err.0.contains("production"),
            "{err}"
        );
    }

    #[test]
    fn all_runs_every_entry_and_refuses_overrides() {
        let dir = scratch("all");
        let file = dir.join("ns.yml");
        std::fs::write(&file, DOCS).unwrap();
        let sites = plan(&request(Selection::All, Some(file.clone())), &env(&dir)).unwrap();
        let names: Vec<&str> = sites.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["default", "production", "development"]);
        let mut r = request(Selection::All, Some(file));
        r.overrides.port = Some(1);
        assert!(plan(&r, &env(&dir)).is_err());
    }

    #[test]
    fn overrides_replace_configured_values() {
        let dir = scratch("overrides");
        let mut r = request(Selection::Default, None);
        r.overrides.port = Some(0);
        r.overrides.storage = Some(config::parse_storage("lmdb:/tmp/x").unwrap());
        r.overrides.autoclean = Some(Some(Duration::from_secs(5)));
        let s = &plan(&r, &env(&dir)).unwrap()[0];
        assert_eq!(s.port, 0);
        assert_eq!(s.store.as_ref().unwrap().path, PathBuf::from("/tmp/x"));
        assert_eq!(s.autoclean.unwrap().period, Duration::from_secs(5));
    }

    #[test]
    fn a_missing_explicit_file_is_an_error_but_a_missing_default_file_is_not() {
        let dir = scratch("missing");
        let r = request(Selection::Default, Some(dir.join("absent.yml")));
        assert!(plan(&r, &env(&dir)).is_err());
        assert!(plan(&request(Selection::Default, None), &env(&dir)).is_ok());
    }

    #[test]
    fn two_sites_on_one_port_are_refused() {
        let dir = scratch("clash");
        let file = dir.join("ns.yml");
        std::fs::write(
            &file,
            "nameservers:\n  a:\n    ns_port: 9100\n  b:\n    ns_port: 9100\n",
        )
        .unwrap();
        let err = plan(&request(Selection::All, Some(file)), &env(&dir)).unwrap_err();
        assert!(err.0.contains("both use"), "{err}");
    }
}
