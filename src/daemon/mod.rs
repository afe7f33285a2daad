//! The daemon: the only code that uses mio. One single-threaded event loop serves the TCP
//! listener, every client connection, the UDP broadcast responder and the signal pipe.
//!
//! It performs what the sans-IO core decides: it reads bytes into each connection's
//! [`Session`], writes the replies back, answers `GET_NSURI` datagrams, and enforces the
//! time-outs the core cannot (it owns the clock). mio's rules are followed to the letter:
//! drain until `WouldBlock`, retry on `Interrupted`, tolerate spurious events and unknown
//! tokens, and ask for writable readiness only while output is queued.

mod net;

pub use net::{facing_address, location, public_ipv4, raise_nofile_limit, resolve};

use crate::ns::broadcast;
use crate::ns::server::{Server, ServerConfig};
use crate::ns::session::Session;
use log::{debug, info, warn};
use mio::net::{TcpListener, TcpStream, UdpSocket};
use mio::{Events, Interest, Poll, Token, Waker};
use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, Read, Write};
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

// Token namespace: fixed sockets, then a pair per site (listener, responder), then one range
// per dynamic kind.
const SIGNALS: Token = Token(0);
const WAKER: Token = Token(1);
/// Site `s` has its listener at `SITE_BASE + 2s` and its responder at `SITE_BASE + 2s + 1`.
const SITE_BASE: usize = 16;
/// At most this many name servers in one process.
pub const MAX_SITES: usize = 256;
/// Connection `i` has token `CONN_BASE + i`.
const CONN_BASE: usize = 1 << 16;

/// How the UDP broadcast responder is chosen (wire reference 13, DECISIONS 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broadcast {
    Off,
    /// Pyro5's default: on port `port` of all interfaces, only for IPv4 non-loopback binds.
    Auto { port: u16 },
    /// Given explicitly: exactly this address (None = all IPv4 interfaces), loopback included.
    Explicit { host: Option<String>, port: u16 },
}

/// One name server: its addresses, protocol settings and limits.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The configuration entry's name (`default` for ad-hoc command-line servers).
    pub name: String,
    pub host: String,
    pub port: u16,
    pub broadcast: Broadcast,
    pub server: ServerConfig,
    /// A message left half-received, or a reply left unsent without progress, for this long
    /// closes the connection.
    pub message_timeout: Duration,
    /// Queued output beyond this stops reading from the connection until it drains.
    pub max_output: usize,
}

impl Default for SiteConfig {
    fn default() -> SiteConfig {
        SiteConfig {
            name: "default".into(),
            host: "localhost".into(),
            port: 9090,
            broadcast: Broadcast::Auto { port: 9091 },
            server: ServerConfig::default(),
            message_timeout: Duration::from_secs(30),
            max_output: 1 << 20,
        }
    }
}

/// Start-up failures, each a one-line message for the user.
#[derive(Debug)]
pub enum StartError {
    Resolve { host: String, err: io::Error },
    Bind { addr: SocketAddr, what: &'static str, err: io::Error },
    Io(&'static str, io::Error),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Resolve { host, err } => write!(f, "cannot resolve host '{host}': {err}"),
            StartError::Bind { addr, what, err } => write!(f, "cannot bind {what} on {addr}: {err}"),
            StartError::Io(what, err) => write!(f, "{what}: {err}"),
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

struct Conn {
    stream: TcpStream,
    peer: SocketAddr,
    /// Which name server (site) accepted it.
    site: usize,
    session: Session,
    out: Vec<u8>,
    out_pos: usize,
    writable_interest: bool,
    /// Reading stopped because too much output is queued; resumed once it drains.
    read_paused: bool,
    /// Peer closed or the socket failed: close once queued output had its chance.
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

/// One bound name server: its sockets, its registry and settings.
struct Site {
    config: SiteConfig,
    listener: TcpListener,
    udp: Option<UdpSocket>,
    server: Server,
    bound: SocketAddr,
    ns_uri: String,
    bc_addr: Option<SocketAddr>,
    bc_skipped: Option<&'static str>,
    /// Accepting paused (out of file descriptors) until this time.
    accept_retry_at: Option<Instant>,
}

impl Site {
    fn bind(config: SiteConfig, seed: u64) -> Result<Site, StartError> {
        let addr = resolve(&config.host, config.port).map_err(|err| StartError::Resolve {
            host: config.host.clone(),
            err,
        })?;
        let listener = TcpListener::bind(addr).map_err(|err| StartError::Bind {
            addr,
            what: "the name server",
            err,
        })?;
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
        let ns_uri = format!("PYRO:Pyro.NameServer@{location}");

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
        let server = Server::new(config.server.clone(), ns_uri.clone(), info, seed);
        Ok(Site {
            config,
            listener,
            udp,
            server,
            bound,
            ns_uri,
            bc_addr,
            bc_skipped,
            accept_retry_at: None,
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
}

/// Bound, ready-to-run name servers sharing one event loop.
pub struct Daemon {
    poll: Poll,
    sites: Vec<Site>,
    signals: Option<signal_hook_mio::v1_0::Signals>,
    stop_flag: Arc<AtomicBool>,
    waker: Arc<Waker>,
    conns: Vec<Option<Conn>>,
    free: Vec<usize>,
    dirty: Vec<usize>,
    /// Connections with a deadline (partial input or stuck output).
    watched: BTreeSet<usize>,
    scratch: Vec<u8>,
}

impl Daemon {
    /// Resolve and bind every site's sockets (TCP, optional UDP responder); nothing is served
    /// yet. Fails on the first site that cannot bind.
    pub fn bind(configs: Vec<SiteConfig>) -> Result<Daemon, StartError> {
        if configs.is_empty() || configs.len() > MAX_SITES {
            return Err(StartError::Io(
                "configuration",
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("between 1 and {MAX_SITES} name servers per process"),
                ),
            ));
        }
        let poll = Poll::new().map_err(|e| StartError::Io("event loop", e))?;
        let waker = Arc::new(
            Waker::new(poll.registry(), WAKER).map_err(|e| StartError::Io("event loop", e))?,
        );
        let seed = random_seed();
        let mut sites = Vec::with_capacity(configs.len());
        for (i, config) in configs.into_iter().enumerate() {
            let mut site = Site::bind(config, seed.wrapping_add(i as u64))?;
            let registry = poll.registry();
            registry
                .register(&mut site.listener, Token(SITE_BASE + 2 * i), Interest::READABLE)
                .map_err(|e| StartError::Io("event loop", e))?;
            if let Some(udp) = site.udp.as_mut() {
                registry
                    .register(udp, Token(SITE_BASE + 2 * i + 1), Interest::READABLE)
                    .map_err(|e| StartError::Io("event loop", e))?;
            }
            sites.push(site);
        }
        Ok(Daemon {
            poll,
            sites,
            signals: None,
            stop_flag: Arc::new(AtomicBool::new(false)),
            waker,
            conns: Vec::new(),
            free: Vec::new(),
            dirty: Vec::new(),
            watched: BTreeSet::new(),
            scratch: vec![0u8; 64 * 1024],
        })
    }

    /// Also stop on SIGTERM and SIGINT (the command line does this; embedders may not want it).
    pub fn handle_signals(&mut self) -> io::Result<()> {
        let mut signals =
            signal_hook_mio::v1_0::Signals::new([libc::SIGTERM, libc::SIGINT, libc::SIGHUP])?;
        self.poll
            .registry()
            .register(&mut signals, SIGNALS, Interest::READABLE)?;
        self.signals = Some(signals);
        Ok(())
    }

    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            flag: self.stop_flag.clone(),
            waker: self.waker.clone(),
        }
    }

    /// The address site `i` (in configuration order) listens on.
    pub fn local_addr(&self, site: usize) -> Option<SocketAddr> {
        self.sites.get(site).map(|s| s.bound)
    }

    /// The name server URI of site `i`.
    pub fn ns_uri(&self, site: usize) -> Option<&str> {
        self.sites.get(site).map(|s| s.ns_uri.as_str())
    }

    /// Site `i`'s protocol core (registry and objects).
    pub fn server_mut(&mut self, site: usize) -> Option<&mut Server> {
        self.sites.get_mut(site).map(|s| &mut s.server)
    }

    /// Start-up lines for every site (prefixed with the site name when there are several).
    pub fn banner(&self) -> Vec<String> {
        let many = self.sites.len() > 1;
        self.sites
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

    /// Serve until SIGTERM/SIGINT or the stop handle. Sockets close when the daemon drops.
    pub fn run(&mut self) -> io::Result<()> {
        let mut events = Events::with_capacity(1024);
        loop {
            let timeout = self
                .next_deadline()
                .map(|d| d.saturating_duration_since(Instant::now()));
            if let Err(e) = self.poll.poll(&mut events, timeout) {
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            let now = Instant::now();
            let mut stop = false;
            for event in events.iter() {
                match event.token() {
                    SIGNALS => stop |= self.signal_received(),
                    WAKER => {}
                    Token(t) if (SITE_BASE..SITE_BASE + 2 * self.sites.len()).contains(&t) => {
                        let site = (t - SITE_BASE) / 2;
                        if (t - SITE_BASE) % 2 == 0 {
                            self.accept_all(site, now);
                        } else {
                            self.answer_broadcasts(site);
                        }
                    }
                    Token(t) if t >= CONN_BASE => self.conn_event(
                        t - CONN_BASE,
                        event.is_readable(),
                        event.is_writable(),
                        now,
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
            self.end_of_turn(now);
            self.expire(now);
            if stop || self.stop_flag.load(Ordering::SeqCst) {
                info!(
                    "shutting down: closing {} connection(s)",
                    self.live_connections()
                );
                return Ok(());
            }
        }
    }

    fn live_connections(&self) -> usize {
        self.conns.len() - self.free.len()
    }

    fn signal_received(&mut self) -> bool {
        let Some(signals) = self.signals.as_mut() else {
            return false;
        };
        let mut stop = false;
        for sig in signals.pending() {
            info!("received signal {sig}");
            stop = true;
        }
        stop
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
        [conn_deadline, accept].into_iter().flatten().min()
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
        self.conns[idx] = Some(Conn {
            stream,
            peer,
            site,
            session: Session::new(),
            out: Vec::new(),
            out_pos: 0,
            writable_interest: false,
            read_paused: false,
            dead: false,
            waiting_since: None,
            frames_seen: 0,
            dirty: false,
        });
        Ok(())
    }

    fn conn_event(&mut self, idx: usize, readable: bool, writable: bool, now: Instant) {
        let Some(Some(conn)) = self.conns.get_mut(idx) else {
            return; // stale or unknown token
        };
        if writable {
            flush(conn, now);
        }
        if readable || (conn.read_paused && conn.pending() == 0) {
            let site = &mut self.sites[conn.site];
            read_conn(conn, &mut site.server, &mut self.scratch, site.config.max_output);
        }
        if !conn.dirty {
            conn.dirty = true;
            self.dirty.push(idx);
        }
    }

    /// After all events of a turn: (persist changes,) send replies, close finished connections,
    /// update interests and deadlines.
    fn end_of_turn(&mut self, now: Instant) {
        // Registry changes become durable here once a store is attached; in memory they
        // only need to be dropped.
        for site in &mut self.sites {
            site.server.changes.clear();
        }
        let dirty = std::mem::take(&mut self.dirty);
        for idx in dirty {
            let Some(Some(conn)) = self.conns.get_mut(idx) else {
                continue;
            };
            conn.dirty = false;
            loop {
                flush(conn, now);
                // Output drained below the cap: resume a paused reader (edge-triggered, so
                // we must read ourselves until WouldBlock again).
                if conn.read_paused
                    && conn.pending() == 0
                    && !conn.dead
                    && !conn.session.is_closing()
                {
                    let site = &mut self.sites[conn.site];
                    read_conn(conn, &mut site.server, &mut self.scratch, site.config.max_output);
                    continue;
                }
                break;
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
            let waiting = conn.session.has_partial_input() || conn.pending() > 0;
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
}

/// Read until `WouldBlock` (or until too much output is queued), feeding the session.
fn read_conn(conn: &mut Conn, server: &mut Server, scratch: &mut [u8], max_output: usize) {
    conn.read_paused = false;
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
                conn.session.receive(data, server, &mut conn.out);
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

/// Write queued output until done or `WouldBlock`.
fn flush(conn: &mut Conn, now: Instant) {
    let mut progressed = false;
    while conn.out_pos < conn.out.len() {
        match conn.stream.write(&conn.out[conn.out_pos..]) {
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
