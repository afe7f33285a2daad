//! The daemon: the only code that uses mio. One single-threaded event loop serves, for every
//! configured name server (a "site"), the TCP listener, the client connections, the UDP
//! broadcast responder and the autoclean probes, plus the signal pipe.
//!
//! It performs what the sans-IO core decides: it reads bytes into each connection's
//! [`Session`], writes the replies back, answers `GET_NSURI` datagrams, starts the connect
//! probes autoclean asks for, and enforces the time-outs the core cannot (it owns the clock).
//! mio's rules are followed to the letter: drain until `WouldBlock`, retry on `Interrupted`,
//! tolerate spurious events and unknown tokens, ask for writable readiness only while output
//! is queued.
//!
//! One turn: poll (timeout = the earliest deadline); read the clock once; handle every event
//! (each site's registry changes go into that site's journal for the turn); run the timers
//! (autoclean, probe deadlines); commit every journal (one LMDB transaction per site and turn:
//! group commit); only then release the turn's replies to the sockets; close what finished or
//! timed out. A reply is never written before the change it acknowledges is durable.

mod net;
mod resolver;

pub use net::{facing_address, location, notify_systemd, public_ipv4, raise_nofile_limit, resolve};

use crate::ns::autoclean::{AutoClean, AutoCleanConfig, Probe, ProbeResult};
use crate::ns::broadcast;
use crate::ns::nameserver::{Change, Journal, JournalError, NAMESERVER_NAME};
use crate::ns::server::{Server, ServerConfig};
use crate::ns::session::Session;
use crate::store::{self, Store, StoreError, StoreJournal};
use log::{debug, error, info, warn};
use mio::net::{TcpListener, TcpStream, UdpSocket};
use mio::{Events, Interest, Poll, Token, Waker};
use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, Read, Write};
use std::net::{IpAddr, SocketAddr};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

// Token namespace: fixed sources, then a pair per site (listener, responder), then one range
// per dynamic kind.
const SIGNALS: Token = Token(0);
const WAKER: Token = Token(1);
/// Site `s` has its listener at `SITE_BASE + 2s` and its responder at `SITE_BASE + 2s + 1`.
const SITE_BASE: usize = 16;
/// At most this many name servers in one process.
pub const MAX_SITES: usize = 256;
/// Autoclean probe `i` has token `PROBE_BASE + i`.
const PROBE_BASE: usize = 1 << 12;
/// Connection `i` has token `CONN_BASE + i`.
const CONN_BASE: usize = 1 << 16;

/// How the UDP broadcast responder is chosen (wire reference 13, DECISIONS 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broadcast {
    Off,
    /// Pyro5's default: on port `port` of all interfaces, only for IPv4 non-loopback binds.
    Auto {
        port: u16,
    },
    /// Given explicitly: exactly this address (None = all IPv4 interfaces), loopback included.
    Explicit {
        host: Option<String>,
        port: u16,
    },
}

/// Where a site keeps its registry between runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreConfig {
    /// The LMDB directory.
    pub path: PathBuf,
    pub map_size: u64,
    /// How the configuration spelled it (`lmdb`, `sql`, `dbm`): all three are LMDB.
    pub spelling: String,
}

/// One name server: its addresses, protocol settings, storage, autoclean and limits.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The configuration entry's name (`default` for ad-hoc command-line servers).
    pub name: String,
    pub host: String,
    pub port: u16,
    pub broadcast: Broadcast,
    pub server: ServerConfig,
    /// Persistent storage; None = memory.
    pub store: Option<StoreConfig>,
    pub autoclean: Option<AutoCleanConfig>,
    /// Refuse `register("Pyro.NameServer", ...)` from clients (DECISIONS 4).
    pub protect_ns_entry: bool,
    /// A message left half-received, or a reply left unsent without progress, for this long
    /// closes the connection.
    pub message_timeout: Duration,
    /// Queued output beyond this stops reading from the connection until it drains.
    pub max_output: usize,
    /// Simultaneous client connections; past it a newcomer gets Pyro5's "no free workers"
    /// CONNECTFAIL and is closed.
    pub max_connections: usize,
    /// While the address is not assigned yet (the network comes up after the daemon at boot),
    /// keep retrying the bind for this long. Zero fails at once.
    pub wait_for_address: Duration,
}

impl Default for SiteConfig {
    fn default() -> SiteConfig {
        SiteConfig {
            name: "default".into(),
            host: "localhost".into(),
            port: 9090,
            broadcast: Broadcast::Auto { port: 9091 },
            server: ServerConfig::default(),
            store: None,
            autoclean: None,
            protect_ns_entry: true,
            message_timeout: Duration::from_secs(30),
            max_output: 1 << 20,
            max_connections: 16_384,
            wait_for_address: Duration::ZERO,
        }
    }
}

/// Start-up failures, each a one-line message for the user.
#[derive(Debug)]
pub enum StartError {
    Resolve {
        host: String,
        err: io::Error,
    },
    Bind {
        addr: SocketAddr,
        what: &'static str,
        err: io::Error,
    },
    Store {
        site: String,
        err: StoreError,
    },
    Io(&'static str, io::Error),
    /// A stop was requested (SIGTERM/SIGINT) while waiting for an address.
    Stopped,
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Resolve { host, err } => write!(f, "cannot resolve host '{host}': {err}"),
            StartError::Bind { addr, what, err } => {
                write!(f, "cannot bind {what} on {addr}: {err}")
            }
            StartError::Store { site, err } => write!(f, "name server '{site}': {err}"),
            StartError::Io(what, err) => write!(f, "{what}: {err}"),
            StartError::Stopped => f.write_str("stopped while waiting for the address"),
        }
    }
}

impl std::error::Error for StartError {}

/// Stops a running daemon from another thread (the embedding API's stop handle).
#[derive(Clone)]
pub struct StopHandle {
    flag: Arc<AtomicBool>,
    waker: Arc<Waker>,
}

impl StopHandle {
    pub fn stop(&self) {
        self.flag.store(true, Ordering::SeqCst);
        let _ = self.waker.wake();
    }
}

/// Produces the new site settings on SIGHUP (or an error message: the running ones are kept).
pub type Reloader = Box<dyn FnMut() -> Result<Vec<SiteConfig>, String>>;

struct Conn {
    stream: TcpStream,
    peer: SocketAddr,
    /// Which name server (site) accepted it.
    site: usize,
    /// Over the connection limit: gets the refusal only.
    refused: bool,
    session: Session,
    out: Vec<u8>,
    out_pos: usize,
    /// `out[..committed]` may be written: its changes are durable. The rest waits for the
    /// end of the turn's commit.
    committed: usize,
    writable_interest: bool,
    /// Reading stopped because too much output is queued; resumed once it drains.
    read_paused: bool,
    /// Peer closed or the socket failed: close once committed output had its chance.
    dead: bool,
    /// Since when part of a message is buffered or a reply is stuck unsent.
    waiting_since: Option<Instant>,
    /// The session's frame count when `waiting_since` was set: a completed frame is progress.
    frames_seen: u64,
    dirty: bool,
}

impl Conn {
    fn pending(&self) -> usize {
        self.out.len() - self.out_pos
    }
}

struct ProbeConn {
    site: usize,
    id: u64,
    /// None while the host name is being resolved.
    stream: Option<TcpStream>,
    deadline: Instant,
}

/// Resolve and bind a site's TCP listener. An address that is not assigned yet (EADDRNOTAVAIL,
/// or `public` while no interface is up) is retried with back-off for `wait_for_address`,
/// with a log line per attempt; any other failure (port in use, unknown host) is final.
fn bind_listener(config: &SiteConfig, stop: &AtomicBool) -> Result<TcpListener, StartError> {
    let started = Instant::now();
    let mut delay = Duration::from_millis(250);
    loop {
        let attempt = resolve(&config.host, config.port)
            .map_err(|err| StartError::Resolve {
                host: config.host.clone(),
                err,
            })
            .and_then(|addr| {
                let listener = TcpListener::bind(addr).map_err(|err| StartError::Bind {
                    addr,
                    what: "the name server",
                    err,
                })?;
                net::deepen_backlog(listener.as_raw_fd());
                Ok(listener)
            });
        let not_yet = match &attempt {
            Err(StartError::Bind { err, .. }) => err.kind() == io::ErrorKind::AddrNotAvailable,
            Err(StartError::Resolve { err, .. }) => err.kind() == io::ErrorKind::AddrNotAvailable,
            _ => false,
        };
        let waited = started.elapsed();
        match attempt {
            Err(e) if not_yet && waited + delay <= config.wait_for_address => {
                if stop.load(Ordering::SeqCst) {
                    return Err(StartError::Stopped);
                }
                warn!(
                    "[{}] {e}; the address may not be up yet: retrying in {:.2} s (waiting at most {} s)",
                    config.name,
                    delay.as_secs_f64(),
                    config.wait_for_address.as_secs()
                );
                // Sleep in small steps so a stop request ends the wait promptly.
                let until = Instant::now() + delay;
                while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(50));
                }
                delay = (delay * 2).min(Duration::from_secs(5));
            }
            other => return other,
        }
    }
}

/// One bound name server: its sockets, its registry and settings.
struct Site {
    config: SiteConfig,
    listener: TcpListener,
    udp: Option<UdpSocket>,
    server: Server,
    autoclean: Option<AutoClean>,
    bound: SocketAddr,
    ns_uri: String,
    bc_addr: Option<SocketAddr>,
    bc_skipped: Option<&'static str>,
    /// Accepting paused (out of file descriptors) until this time.
    accept_retry_at: Option<Instant>,
    /// Open client connections of this site (refused ones included until they close).
    live: usize,
}

/// At most this many over-the-limit connections wait for their CONNECTFAIL at once; more are
/// closed at once.
const MAX_REFUSING: usize = 256;

impl Site {
    fn bind(
        config: SiteConfig,
        seed: u64,
        now: Duration,
        stop: &AtomicBool,
    ) -> Result<Site, StartError> {
        let listener = bind_listener(&config, stop)?;
        let bound = listener
            .local_addr()
            .map_err(|e| StartError::Io("local address", e))?;
        // `public` names the interface address it resolved to, not the word itself.
        let host = if config.host == "public" {
            bound.ip().to_string()
        } else {
            config.host.clone()
        };
        let location = location(&host, bound);
        let ns_uri = format!("PYRO:{NAMESERVER_NAME}@{location}");

        let (bc_want, bc_skipped) = match &config.broadcast {
            Broadcast::Off => (None, None),
            Broadcast::Auto { port } => {
                if bound.is_ipv6() {
                    (None, Some("IPv6"))
                } else if bound.ip().is_loopback() || config.host == "localhost" {
                    (None, Some("localhost"))
                } else {
                    (Some((None, *port)), None)
                }
            }
            Broadcast::Explicit { host, port } => (Some((host.clone(), *port)), None),
        };
        let (udp, bc_addr) = match bc_want {
            None => (None, None),
            Some((host, port)) => {
                let host = host.unwrap_or_default();
                let addr = resolve(&host, port).map_err(|err| StartError::Resolve {
                    host: host.clone(),
                    err,
                })?;
                let sock = UdpSocket::bind(addr).map_err(|err| StartError::Bind {
                    addr,
                    what: "the broadcast responder",
                    err,
                })?;
                let _ = sock.set_broadcast(true);
                let local = sock
                    .local_addr()
                    .map_err(|e| StartError::Io("local address", e))?;
                (Some(sock), Some(local))
            }
        };
        let info = format!(
            "Pyro.Daemon bound on {location}, NAT None, 2 objects registered. Servertype: labns {} (single-threaded event loop)",
            env!("CARGO_PKG_VERSION")
        );
        let mut server = Server::new(config.server.clone(), ns_uri.clone(), info, seed);
        server.ns.protect_ns_entry = config.protect_ns_entry;
        let autoclean = config.autoclean.map(|c| AutoClean::new(c, now));
        Ok(Site {
            config,
            listener,
            udp,
            server,
            autoclean,
            bound,
            ns_uri,
            bc_addr,
            bc_skipped,
            accept_retry_at: None,
            live: 0,
        })
    }

    /// The lines Pyro5's `pyro5-ns` prints at start-up.
    fn banner(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match (self.bc_addr, self.bc_skipped) {
            (Some(addr), _) => lines.push(format!("Broadcast server running on {addr}")),
            (None, Some(why)) => lines.push(format!("Not starting broadcast server for {why}.")),
            (None, None) => {}
        }
        let count = self.server.ns.registry().len();
        if count > 1 {
            lines.push(format!(
                "Persistent store contains {count} existing registrations."
            ));
        }
        let location = self.ns_uri.trim_start_matches("PYRO:Pyro.NameServer@");
        lines.push(format!("NS running on {location} ({})", self.bound.ip()));
        lines.push(format!("URI = {}", self.ns_uri));
        lines
    }

    /// Replace the in-memory registry with what the store holds (at start, and after a
    /// failed commit), then put this run's own `Pyro.NameServer` entry back.
    fn load_registry(&mut self, store: &Store) -> Result<usize, StoreError> {
        let entries = store.load()?;
        let loaded = entries.len();
        self.server.ns.load(entries);
        Ok(loaded)
    }
}

/// The journal of one site for one turn: memory storage forgets, LMDB storage writes.
enum TurnJournal<'s> {
    Memory,
    Store(StoreJournal<'s>),
}

impl Journal for TurnJournal<'_> {
    fn record(&mut self, changes: &[Change]) -> Result<(), JournalError> {
        match self {
            TurnJournal::Memory => Ok(()),
            TurnJournal::Store(j) => j.record(changes),
        }
    }
}

/// Bound, ready-to-run name servers sharing one event loop.
pub struct Daemon {
    /// Per site (same index), its open store. Kept apart from `core` so a turn's journals can
    /// borrow the stores while the loop state is mutated.
    stores: Vec<Option<Store>>,
    core: Core,
}

struct Core {
    poll: Poll,
    sites: Vec<Site>,
    signals: Option<signal_hook_mio::v1_0::Signals>,
    stop_flag: Arc<AtomicBool>,
    waker: Arc<Waker>,
    conns: Vec<Option<Conn>>,
    free: Vec<usize>,
    dirty: Vec<usize>,
    /// Connections whose reading was paused and must be resumed next turn.
    resume: Vec<usize>,
    /// Over-the-limit connections waiting for their refusal.
    refusing: usize,
    /// Connections with a deadline (partial input or stuck output).
    watched: BTreeSet<usize>,
    probes: Vec<Option<ProbeConn>>,
    free_probes: Vec<usize>,
    resolver: Option<resolver::Resolver>,
    scratch: Vec<u8>,
    /// The zero of the sans-IO clock (`Duration` since start).
    epoch: Instant,
    reloader: Option<Reloader>,
}

enum SignalAction {
    None,
    Stop,
    Reload,
}

impl Daemon {
    /// Open every site's store, then resolve and bind its sockets (TCP, optional UDP
    /// responder); nothing is served yet. Fails on the first site that cannot start.
    pub fn bind(configs: Vec<SiteConfig>) -> Result<Daemon, StartError> {
        Daemon::bind_until(configs, Arc::new(AtomicBool::new(false)))
    }

    /// [`Daemon::bind`], giving up a wait for an address as soon as `stop` is set (a signal
    /// handler's flag); the same flag then stops the running daemon.
    pub fn bind_until(
        configs: Vec<SiteConfig>,
        stop: Arc<AtomicBool>,
    ) -> Result<Daemon, StartError> {
        if configs.is_empty() || configs.len() > MAX_SITES {
            return Err(StartError::Io(
                "configuration",
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("between 1 and {MAX_SITES} name servers per process"),
                ),
            ));
        }
        // Stores first: a locked or corrupt store must stop us before any port is taken.
        let mut stores = Vec::with_capacity(configs.len());
        for config in &configs {
            stores.push(match &config.store {
                None => None,
                Some(sc) => {
                    let beside = (sc.spelling != "lmdb")
                        .then(|| store::beside_foreign_file(&sc.path))
                        .flatten();
                    let path = beside.as_deref().unwrap_or(&sc.path);
                    let store = Store::open(path, sc.map_size).map_err(|err| {
                        StartError::Store {
                            site: config.name.clone(),
                            err,
                        }
                    })?;
                    if beside.is_some() {
                        warn!(
                            "[{}] {} is a file (Pyro5's own {} store?): labns leaves it as it is and keeps its LMDB store beside it, in {}",
                            config.name,
                            sc.path.display(),
                            sc.spelling,
                            path.display()
                        );
                    }
                    if sc.spelling != "lmdb" {
                        info!(
                            "[{}] storage '{}' is kept in LMDB at {} (labns stores every persistent spelling in LMDB)",
                            config.name,
                            sc.spelling,
                            path.display()
                        );
                    }
                    Some(store)
                }
            });
        }
        let poll = Poll::new().map_err(|e| StartError::Io("event loop", e))?;
        let waker = Arc::new(
            Waker::new(poll.registry(), WAKER).map_err(|e| StartError::Io("event loop", e))?,
        );
        let epoch = Instant::now();
        let seed = random_seed();
        let mut sites = Vec::with_capacity(configs.len());
        for (i, config) in configs.into_iter().enumerate() {
            let mut site = Site::bind(config, seed.wrapping_add(i as u64), Duration::ZERO, &stop)?;
            if let Some(store) = &stores[i] {
                let loaded = site.load_registry(store).map_err(|err| StartError::Store {
                    site: site.config.name.clone(),
                    err,
                })?;
                info!(
                    "[{}] loaded {loaded} registration(s) from {}",
                    site.config.name,
                    store.path().display()
                );
            }
            let registry = poll.registry();
            registry
                .register(
                    &mut site.listener,
                    Token(SITE_BASE + 2 * i),
                    Interest::READABLE,
                )
                .map_err(|e| StartError::Io("event loop", e))?;
            if let Some(udp) = site.udp.as_mut() {
                registry
                    .register(udp, Token(SITE_BASE + 2 * i + 1), Interest::READABLE)
                    .map_err(|e| StartError::Io("event loop", e))?;
            }
            sites.push(site);
        }
        Ok(Daemon {
            stores,
            core: Core {
                poll,
                sites,
                signals: None,
                stop_flag: stop,
                waker,
                conns: Vec::new(),
                free: Vec::new(),
                dirty: Vec::new(),
                resume: Vec::new(),
                refusing: 0,
                watched: BTreeSet::new(),
                probes: Vec::new(),
                free_probes: Vec::new(),
                resolver: None,
                scratch: vec![0u8; 64 * 1024],
                epoch,
                reloader: None,
            },
        })
    }

    /// Stop on SIGTERM and SIGINT, reload on SIGHUP (the command line does this; embedders
    /// may not want it).
    pub fn handle_signals(&mut self) -> io::Result<()> {
        let mut signals =
            signal_hook_mio::v1_0::Signals::new([libc::SIGTERM, libc::SIGINT, libc::SIGHUP])?;
        self.core
            .poll
            .registry()
            .register(&mut signals, SIGNALS, Interest::READABLE)?;
        self.core.signals = Some(signals);
        Ok(())
    }

    /// What SIGHUP does: produce the new settings, applied where possible while running.
    pub fn set_reloader(&mut self, reloader: Reloader) {
        self.core.reloader = Some(reloader);
    }

    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            flag: self.core.stop_flag.clone(),
            waker: self.core.waker.clone(),
        }
    }

    /// The address site `i` (in configuration order) listens on.
    pub fn local_addr(&self, site: usize) -> Option<SocketAddr> {
        self.core.sites.get(site).map(|s| s.bound)
    }

    /// The name server URI of site `i`.
    pub fn ns_uri(&self, site: usize) -> Option<&str> {
        self.core.sites.get(site).map(|s| s.ns_uri.as_str())
    }

    /// Site `i`'s protocol core (registry and objects).
    pub fn server_mut(&mut self, site: usize) -> Option<&mut Server> {
        self.core.sites.get_mut(site).map(|s| &mut s.server)
    }

    /// Start-up lines for every site (prefixed with the site name when there are several).
    pub fn banner(&self) -> Vec<String> {
        let many = self.core.sites.len() > 1;
        self.core
            .sites
            .iter()
            .flat_map(|site| {
                site.banner().into_iter().map(move |line| {
                    if many {
                        format!("[{}] {line}", site.config.name)
                    } else {
                        line
                    }
                })
            })
            .collect()
    }

    /// Serve until SIGTERM/SIGINT or the stop handle. Sockets and stores close when the
    /// daemon drops; every acknowledged change is already committed.
    pub fn run(&mut self) -> io::Result<()> {
        let mut events = Events::with_capacity(1024);
        loop {
            let timeout = if self.core.resume.is_empty() {
                self.core
                    .next_deadline()
                    .map(|d| d.saturating_duration_since(Instant::now()))
            } else {
                Some(Duration::ZERO)
            };
            if let Err(e) = self.core.poll.poll(&mut events, timeout) {
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            let now = Instant::now();
            let mut journals: Vec<TurnJournal<'_>> = self
                .stores
                .iter()
                .map(|s| match s {
                    Some(store) => TurnJournal::Store(store.journal()),
                    None => TurnJournal::Memory,
                })
                .collect();
            let action = self.core.handle_events(&events, now, &mut journals);
            self.core.run_timers(now, &mut journals);
            let mut failed: Vec<Option<String>> = vec![None; journals.len()];
            for (i, journal) in journals.into_iter().enumerate() {
                if let TurnJournal::Store(j) = journal
                    && let Err(e) = j.commit()
                {
                    error!(
                        "[{}] {e}: this turn's changes are not stored; their clients get an error",
                        self.core.sites[i].config.name
                    );
                    failed[i] = Some(format!(
                        "storage error: the change could not be stored ({e}); nothing was changed"
                    ));
                }
            }
            for (i, store) in self.stores.iter().enumerate() {
                if let (Some(_), Some(store)) = (&failed[i], store)
                    && let Err(e) = self.core.sites[i].load_registry(store)
                {
                    error!(
                        "[{}] cannot reload the registry from the store: {e}",
                        self.core.sites[i].config.name
                    );
                }
            }
            self.core.end_of_turn(now, &failed);
            self.core.expire(now);
            match action {
                SignalAction::None => {}
                SignalAction::Reload => self.core.reload(),
                SignalAction::Stop => {
                    info!(
                        "shutting down: closing {} connection(s)",
                        self.core.live_connections()
                    );
                    return Ok(());
                }
            }
            if self.core.stop_flag.load(Ordering::SeqCst) {
                info!(
                    "shutting down: closing {} connection(s)",
                    self.core.live_connections()
                );
                return Ok(());
            }
        }
    }
}

impl Core {
    fn live_connections(&self) -> usize {
        self.conns.len() - self.free.len()
    }

    fn clock(&self, now: Instant) -> Duration {
        now.saturating_duration_since(self.epoch)
    }

    fn handle_events(
        &mut self,
        events: &Events,
        now: Instant,
        journals: &mut [TurnJournal<'_>],
    ) -> SignalAction {
        let mut action = SignalAction::None;
        for idx in std::mem::take(&mut self.resume) {
            self.conn_event(idx, false, false, now, journals);
        }
        for event in events.iter() {
            match event.token() {
                SIGNALS => {
                    let a = self.signal_received();
                    if !matches!(a, SignalAction::None) && !matches!(action, SignalAction::Stop) {
                        action = a;
                    }
                }
                WAKER => self.resolver_answers(now, journals),
                Token(t) if (SITE_BASE..SITE_BASE + 2 * self.sites.len()).contains(&t) => {
                    let site = (t - SITE_BASE) / 2;
                    if (t - SITE_BASE) % 2 == 0 {
                        self.accept_all(site, now);
                    } else {
                        self.answer_broadcasts(site);
                    }
                }
                Token(t) if (PROBE_BASE..CONN_BASE).contains(&t) => {
                    self.probe_event(t - PROBE_BASE, now, journals)
                }
                Token(t) if t >= CONN_BASE => self.conn_event(
                    t - CONN_BASE,
                    event.is_readable(),
                    event.is_writable(),
                    now,
                    journals,
                ),
                _ => {} // unknown or stale token: ignore (mio: spurious events happen)
            }
        }
        for site in 0..self.sites.len() {
            if self.sites[site].accept_retry_at.is_some_and(|at| now >= at) {
                self.sites[site].accept_retry_at = None;
                self.accept_all(site, now);
            }
        }
        action
    }

    fn signal_received(&mut self) -> SignalAction {
        let Some(signals) = self.signals.as_mut() else {
            return SignalAction::None;
        };
        let mut action = SignalAction::None;
        for sig in signals.pending() {
            if sig == libc::SIGHUP {
                info!("received SIGHUP: reloading the configuration");
                if !matches!(action, SignalAction::Stop) {
                    action = SignalAction::Reload;
                }
            } else {
                info!("received signal {sig}: stopping");
                action = SignalAction::Stop;
            }
        }
        action
    }

    fn next_deadline(&self) -> Option<Instant> {
        let conn_deadline = self
            .watched
            .iter()
            .filter_map(|&i| {
                let conn = self.conns.get(i)?.as_ref()?;
                let timeout = self.sites[conn.site].config.message_timeout;
                Some(conn.waiting_since? + timeout)
            })
            .min();
        let accept = self.sites.iter().filter_map(|s| s.accept_retry_at).min();
        let autoclean = self
            .sites
            .iter()
            .filter_map(|s| s.autoclean.as_ref()?.poll_at())
            .min()
            .map(|d| self.epoch + d);
        let probe = self.probes.iter().flatten().map(|p| p.deadline).min();
        [conn_deadline, accept, autoclean, probe]
            .into_iter()
            .flatten()
            .min()
    }

    fn accept_all(&mut self, site: usize, now: Instant) {
        loop {
            match self.sites[site].listener.accept() {
                Ok((stream, peer)) => {
                    if let Err(e) = self.add_conn(site, stream, peer) {
                        warn!("cannot register connection from {peer}: {e}");
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e)
                    if e.raw_os_error() == Some(libc::EMFILE)
                        || e.raw_os_error() == Some(libc::ENFILE) =>
                {
                    // Out of file descriptors: the client waits in the backlog; retry soon.
                    let live = self.live_connections();
                    let s = &mut self.sites[site];
                    if s.accept_retry_at.is_none() {
                        warn!("accept: {e} ({live} connections open); retrying");
                    }
                    s.accept_retry_at = Some(now + Duration::from_millis(100));
                    return;
                }
                Err(e) => {
                    debug!("accept: {e}");
                    continue;
                }
            }
        }
    }

    fn add_conn(&mut self, site: usize, mut stream: TcpStream, peer: SocketAddr) -> io::Result<()> {
        let full = self.sites[site].live >= self.sites[site].config.max_connections;
        if full && self.refusing >= MAX_REFUSING {
            debug!("connection from {peer} dropped: the server is full");
            return Ok(()); // dropping the stream closes it
        }
        if full {
            warn!(
                "[{}] {} connections: refusing {peer} (no free workers)",
                self.sites[site].config.name, self.sites[site].live
            );
        }
        let _ = stream.set_nodelay(true);
        net::set_keepalive(stream.as_raw_fd());
        let idx = match self.free.pop() {
            Some(i) => i,
            None => {
                self.conns.push(None);
                self.conns.len() - 1
            }
        };
        if let Err(e) =
            self.poll
                .registry()
                .register(&mut stream, Token(CONN_BASE + idx), Interest::READABLE)
        {
            self.free.push(idx);
            return Err(e);
        }
        debug!("connection {idx} from {peer}");
        self.sites[site].live += 1;
        let session = if full {
            self.refusing += 1;
            Session::refusing()
        } else {
            Session::with_peer(peer)
        };
        self.conns[idx] = Some(Conn {
            stream,
            peer,
            site,
            refused: full,
            session,
            out: Vec::new(),
            out_pos: 0,
            committed: 0,
            writable_interest: false,
            read_paused: false,
            dead: false,
            waiting_since: None,
            frames_seen: 0,
            // Dirty, so the end of the turn starts its handshake clock.
            dirty: true,
        });
        self.dirty.push(idx);
        Ok(())
    }

    fn conn_event(
        &mut self,
        idx: usize,
        readable: bool,
        writable: bool,
        now: Instant,
        journals: &mut [TurnJournal<'_>],
    ) {
        let Some(Some(conn)) = self.conns.get_mut(idx) else {
            return; // stale or unknown token
        };
        if writable {
            flush(conn, now);
        }
        if readable || (conn.read_paused && conn.pending() == 0) {
            let site = &mut self.sites[conn.site];
            read_conn(
                conn,
                &mut site.server,
                &mut journals[conn.site],
                &mut self.scratch,
                site.config.max_output,
            );
        }
        if !conn.dirty {
            conn.dirty = true;
            self.dirty.push(idx);
        }
    }

    /// After the turn's commit: release the replies, close finished connections (and, for a
    /// site whose commit failed, the ones holding unacknowledgeable replies), update interests
    /// and deadlines.
    fn end_of_turn(&mut self, now: Instant, failed: &[Option<String>]) {
        let dirty = std::mem::take(&mut self.dirty);
        for idx in dirty {
            let Some(Some(conn)) = self.conns.get_mut(idx) else {
                continue;
            };
            conn.dirty = false;
            if let Some(Some(message)) = failed.get(conn.site)
                && conn.committed < conn.out.len()
            {
                // Its replies would acknowledge changes that were not stored: they become
                // errors instead.
                let replaced =
                    crate::ns::session::fail_results(&conn.out[conn.committed..], message);
                conn.out.truncate(conn.committed);
                conn.out.extend_from_slice(&replaced);
            }
            conn.committed = conn.out.len();
            flush(conn, now);
            if conn.read_paused && conn.pending() == 0 && !conn.dead && !conn.session.is_closing() {
                // Drained: read again next turn (edge-triggered, so nobody else will tell us).
                self.resume.push(idx);
            }
            let finished = conn.dead || (conn.session.is_closing() && conn.pending() == 0);
            if finished {
                self.close(idx);
                continue;
            }
            let want_write = conn.pending() > 0;
            if want_write != conn.writable_interest {
                let interest = if want_write {
                    Interest::READABLE | Interest::WRITABLE
                } else {
                    Interest::READABLE
                };
                if self
                    .poll
                    .registry()
                    .reregister(&mut conn.stream, Token(CONN_BASE + idx), interest)
                    .is_err()
                {
                    self.close(idx);
                    continue;
                }
                conn.writable_interest = want_write;
            }
            // Half a message, a stuck reply, or a client that has not sent its CONNECT yet
            // (Pyro5 clients send it at once) all have to finish within the message timeout.
            let waiting = conn.session.has_partial_input()
                || conn.pending() > 0
                || conn.session.awaiting_handshake();
            if waiting {
                let frames = conn.session.frames_handled();
                if conn.waiting_since.is_none() || frames != conn.frames_seen {
                    conn.waiting_since = Some(now);
                    conn.frames_seen = frames;
                }
                self.watched.insert(idx);
            } else {
                conn.waiting_since = None;
                self.watched.remove(&idx);
            }
        }
    }

    /// Close connections whose half-received message or unsent reply has waited too long.
    fn expire(&mut self, now: Instant) {
        let expired: Vec<usize> = self
            .watched
            .iter()
            .copied()
            .filter(|&i| {
                let Some(Some(conn)) = self.conns.get(i) else {
                    return true;
                };
                let timeout = self.sites[conn.site].config.message_timeout;
                conn.waiting_since
                    .is_none_or(|since| now.duration_since(since) >= timeout)
            })
            .collect();
        for idx in expired {
            if let Some(Some(conn)) = self.conns.get(idx) {
                info!(
                    "closing connection from {}: message not completed within {:?}",
                    conn.peer, self.sites[conn.site].config.message_timeout
                );
            }
            self.close(idx);
        }
    }

    fn close(&mut self, idx: usize) {
        self.watched.remove(&idx);
        if let Some(slot) = self.conns.get_mut(idx)
            && let Some(mut conn) = slot.take()
        {
            let _ = self.poll.registry().deregister(&mut conn.stream);
            debug!("connection {idx} from {} closed", conn.peer);
            self.free.push(idx);
            let site = &mut self.sites[conn.site];
            site.live = site.live.saturating_sub(1);
            if conn.refused {
                self.refusing = self.refusing.saturating_sub(1);
            }
        }
    }

    fn answer_broadcasts(&mut self, site: usize) {
        let site = &self.sites[site];
        let Some(udp) = site.udp.as_ref() else {
            return;
        };
        let mut buf = [0u8; 100];
        loop {
            match udp.recv_from(&mut buf) {
                Ok((n, peer)) => {
                    if !broadcast::is_request(&buf[..n]) {
                        continue;
                    }
                    let facing = if broadcast::needs_facing_address(&site.ns_uri) {
                        facing_address(peer)
                    } else {
                        None
                    };
                    let reply = broadcast::reply(&site.ns_uri, facing);
                    if let Err(e) = udp.send_to(&reply, peer) {
                        debug!("broadcast reply to {peer}: {e}");
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    debug!("broadcast responder: {e}");
                    return;
                }
            }
        }
    }

    /// Autoclean: start the sweeps and rechecks that are due, fail probes past their deadline.
    fn run_timers(&mut self, now: Instant, journals: &mut [TurnJournal<'_>]) {
        let clock = self.clock(now);
        let overdue: Vec<usize> = self
            .probes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.as_ref().is_some_and(|p| now >= p.deadline))
            .map(|(i, _)| i)
            .collect();
        for slot in overdue {
            self.finish_probe(slot, ProbeResult::Unreachable, now, journals);
        }
        for site in 0..self.sites.len() {
            let s = &mut self.sites[site];
            let Some(ac) = s.autoclean.as_mut() else {
                continue;
            };
            if ac.poll_at().is_some_and(|at| clock >= at) {
                let probes = ac.poll(clock, s.server.ns.registry());
                self.start_probes(site, probes, now, journals);
            }
        }
    }

    /// Start probes; a connect that fails at once is answered at once, and its follow-up
    /// probes are started in turn (a work list, no recursion).
    fn start_probes(
        &mut self,
        site: usize,
        probes: Vec<Probe>,
        now: Instant,
        journals: &mut [TurnJournal<'_>],
    ) {
        let mut work = probes;
        while let Some(probe) = work.pop() {
            let deadline = self.epoch + probe.deadline;
            let bare = probe.host.trim_start_matches('[').trim_end_matches(']');
            let result = match bare.parse::<IpAddr>() {
                Ok(ip) => {
                    self.connect_probe(site, probe.id, SocketAddr::new(ip, probe.port), deadline)
                }
                Err(_) => self.resolve_probe(site, &probe, deadline),
            };
            if let Some(result) = result {
                work.extend(self.answer_probe(site, probe.id, result, now, journals));
            }
        }
    }

    fn probe_slot(&mut self) -> usize {
        match self.free_probes.pop() {
            Some(i) => i,
            None => {
                self.probes.push(None);
                self.probes.len() - 1
            }
        }
    }

    /// Start a non-blocking connect; `Some(result)` when it is decided at once.
    fn connect_probe(
        &mut self,
        site: usize,
        id: u64,
        addr: SocketAddr,
        deadline: Instant,
    ) -> Option<ProbeResult> {
        let mut stream = match TcpStream::connect(addr) {
            Ok(s) => s,
            Err(e) => return Some(connect_error_result(&e)),
        };
        let slot = self.probe_slot();
        if let Err(e) =
            self.poll
                .registry()
                .register(&mut stream, Token(PROBE_BASE + slot), Interest::WRITABLE)
        {
            self.free_probes.push(slot);
            return Some(connect_error_result(&e));
        }
        self.probes[slot] = Some(ProbeConn {
            site,
            id,
            stream: Some(stream),
            deadline,
        });
        None
    }

    fn resolve_probe(
        &mut self,
        site: usize,
        probe: &Probe,
        deadline: Instant,
    ) -> Option<ProbeResult> {
        if self.resolver.is_none() {
            match resolver::Resolver::spawn(self.waker.clone()) {
                Ok(r) => self.resolver = Some(r),
                Err(e) => {
                    warn!("autoclean: cannot start the name resolver thread: {e}");
                    return Some(ProbeResult::Inconclusive);
                }
            }
        }
        let slot = self.probe_slot();
        self.probes[slot] = Some(ProbeConn {
            site,
            id: probe.id,
            stream: None,
            deadline,
        });
        let sent = self.resolver.as_ref().is_some_and(|r| {
            r.request(resolver::Request {
                site,
                id: probe.id,
                host: probe.host.clone(),
                port: probe.port,
            })
        });
        if sent {
            None
        } else {
            self.probes[slot] = None;
            self.free_probes.push(slot);
            Some(ProbeResult::Inconclusive)
        }
    }

    fn resolver_answers(&mut self, now: Instant, journals: &mut [TurnJournal<'_>]) {
        let Some(resolver) = self.resolver.as_ref() else {
            return;
        };
        for answer in resolver.answers() {
            let slot = self.probes.iter().position(|p| {
                p.as_ref().is_some_and(|p| {
                    p.site == answer.site && p.id == answer.id && p.stream.is_none()
                })
            });
            let Some(slot) = slot else {
                continue; // timed out meanwhile
            };
            let deadline = self.probes[slot].as_ref().map_or(now, |p| p.deadline);
            self.probes[slot] = None;
            self.free_probes.push(slot);
            let result = match answer.addr {
                None => Some(ProbeResult::Unreachable),
                Some(addr) => self.connect_probe(answer.site, answer.id, addr, deadline),
            };
            if let Some(result) = result {
                let next = self.answer_probe(answer.site, answer.id, result, now, journals);
                self.start_probes(answer.site, next, now, journals);
            }
        }
    }

    fn probe_event(&mut self, slot: usize, now: Instant, journals: &mut [TurnJournal<'_>]) {
        let Some(Some(probe)) = self.probes.get(slot) else {
            return;
        };
        let Some(stream) = probe.stream.as_ref() else {
            return;
        };
        let result = match stream.take_error() {
            Ok(Some(_)) | Err(_) => ProbeResult::Unreachable,
            Ok(None) => match stream.peer_addr() {
                Ok(_) => ProbeResult::Reachable,
                Err(e) if e.kind() == io::ErrorKind::NotConnected => return, // still connecting
                Err(_) => ProbeResult::Unreachable,
            },
        };
        self.finish_probe(slot, result, now, journals);
    }

    fn finish_probe(
        &mut self,
        slot: usize,
        result: ProbeResult,
        now: Instant,
        journals: &mut [TurnJournal<'_>],
    ) {
        let Some(mut probe) = self.probes.get_mut(slot).and_then(Option::take) else {
            return;
        };
        if let Some(stream) = probe.stream.as_mut() {
            let _ = self.poll.registry().deregister(stream);
        }
        self.free_probes.push(slot);
        let next = self.answer_probe(probe.site, probe.id, result, now, journals);
        self.start_probes(probe.site, next, now, journals);
    }

    /// Tell the site's autoclean; log its removals; return the probes to start next.
    fn answer_probe(
        &mut self,
        site: usize,
        id: u64,
        result: ProbeResult,
        now: Instant,
        journals: &mut [TurnJournal<'_>],
    ) -> Vec<Probe> {
        let clock = self.clock(now);
        let s = &mut self.sites[site];
        let Some(ac) = s.autoclean.as_mut() else {
            return Vec::new();
        };
        let (next, removals) =
            ac.probe_done(id, result, clock, &mut s.server.ns, &mut journals[site]);
        for removal in removals {
            info!("[{}] {removal}", s.config.name);
        }
        next
    }

    /// SIGHUP: apply what can change while running; say what needs a restart.
    fn reload(&mut self) {
        let Some(reloader) = self.reloader.as_mut() else {
            info!("no configuration file to reload");
            return;
        };
        let configs = match reloader() {
            Ok(c) => c,
            Err(e) => {
                error!("configuration not reloaded (the running one is kept): {e}");
                return;
            }
        };
        let now = self.clock(Instant::now());
        for site in &mut self.sites {
            let name = site.config.name.clone();
            let Some(new) = configs.iter().find(|c| c.name == name) else {
                warn!("[{name}] no longer in the configuration: keeps running until restarted");
                continue;
            };
            let old = &site.config;
            if (&new.host, new.port, &new.broadcast, &new.store)
                != (&old.host, old.port, &old.broadcast, &old.store)
            {
                warn!(
                    "[{name}] address, broadcast or storage changed: takes effect after a restart"
                );
            }
            if new.autoclean != old.autoclean {
                site.autoclean = new.autoclean.map(|c| AutoClean::new(c, now));
            }
            site.server.reconfigure(new.server.clone());
            site.server.ns.protect_ns_entry = new.protect_ns_entry;
            site.config.max_connections = new.max_connections;
            site.config.server = new.server.clone();
            site.config.autoclean = new.autoclean;
            site.config.protect_ns_entry = new.protect_ns_entry;
            site.config.message_timeout = new.message_timeout;
            site.config.max_output = new.max_output;
            info!("[{name}] configuration reloaded");
        }
        for new in &configs {
            if !self.sites.iter().any(|s| s.config.name == new.name) {
                warn!(
                    "[{}] is new in the configuration: starts after a restart",
                    new.name
                );
            }
        }
    }
}

fn connect_error_result(e: &io::Error) -> ProbeResult {
    match e.raw_os_error() {
        Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM) => {
            ProbeResult::Inconclusive
        }
        _ => ProbeResult::Unreachable,
    }
}

/// Read until `WouldBlock` (or until too much output is queued), feeding the session.
fn read_conn(
    conn: &mut Conn,
    server: &mut Server,
    journal: &mut dyn Journal,
    scratch: &mut [u8],
    max_output: usize,
) {
    conn.read_paused = false;
    // Drop the already-written prefix, so `out` holds exactly what is pending (the session
    // bounds its output by `out.len()`).
    if conn.out_pos > 0 {
        conn.out.drain(..conn.out_pos);
        conn.committed -= conn.out_pos;
        conn.out_pos = 0;
    }
    // Frames left buffered when the output went over its bound come first.
    if conn.session.has_buffered_input() && conn.pending() <= max_output {
        conn.session
            .receive(&[], server, journal, &mut conn.out, max_output);
    }
    loop {
        if conn.dead || conn.session.is_closing() {
            return;
        }
        if conn.pending() > max_output {
            conn.read_paused = true;
            return;
        }
        match conn.stream.read(scratch) {
            Ok(0) => {
                conn.dead = true;
                return;
            }
            Ok(n) => {
                let data = &scratch[..n];
                conn.session
                    .receive(data, server, journal, &mut conn.out, max_output);
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => {
                conn.dead = true;
                return;
            }
        }
    }
}

/// Write committed output until done or `WouldBlock`.
fn flush(conn: &mut Conn, now: Instant) {
    let mut progressed = false;
    while conn.out_pos < conn.committed {
        match conn.stream.write(&conn.out[conn.out_pos..conn.committed]) {
            Ok(0) => {
                conn.dead = true;
                break;
            }
            Ok(n) => {
                conn.out_pos += n;
                progressed = true;
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => {
                conn.dead = true;
                break;
            }
        }
    }
    if conn.out_pos == conn.out.len() {
        conn.out.clear();
        conn.out_pos = 0;
        conn.committed = 0;
        if conn.out.capacity() > 64 * 1024 {
            conn.out = Vec::new();
        }
    }
    if progressed && conn.waiting_since.is_some() && !conn.session.has_partial_input() {
        // Progress restarts the clock for a slow reader.
        conn.waiting_since = Some(now);
    }
}

fn random_seed() -> u64 {
    let mut buf = [0u8; 8];
    if std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok()
    {
        return u64::from_ne_bytes(buf);
    }
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    t ^ u64::from(std::process::id()).rotate_left(32)
}
