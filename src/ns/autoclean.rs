//! Autoclean (`--autoclean SECONDS` / `ns_autoclean`, wire reference 15, M57): the sans-IO
//! scheduler that checks every registration's TCP address with a plain connect and removes
//! the ones that stayed unreachable for the grace time (20 s).
//!
//! Owns the schedule (sweeps, rechecks, a watchdog over outstanding probes) and the
//! "unreachable since" marks. Must not touch sockets, resolve names or read the clock: the
//! daemon passes `now` (time since daemon start), performs the [`Probe`]s it is handed
//! (non-blocking TCP connects), reports each outcome with [`AutoClean::probe_done`], and logs
//! the [`Removal`]s. Removals go through the [`NameServer`]'s registry and the [`Journal`],
//! so they persist like any other change.
//!
//! Pyro5 semantics kept: a sweep starts `period` after the end of the previous one; the
//! `Pyro.NameServer` and `Pyro.Daemon` entries are never probed; success clears a mark,
//! failure sets it at the first failure, and an entry unreachable for `grace` or longer is
//! removed. Differences (all deliberate): URIs without a TCP address are skipped instead of
//! killing the cleaner (bug B3); marks of names that disappeared or were re-registered with
//! another URI are dropped; a marked entry is probed once more exactly when its grace runs
//! out, so a dead entry goes within `period + grace` (plus probe time) instead of up to
//! `grace + 2 * period`; probes run concurrently, at most `max_in_flight` at once.

use crate::ns::nameserver::{Change, DAEMON_NAME, Journal, NAMESERVER_NAME, NameServer};
use crate::ns::registry::Registry;
use crate::ns::uri::Uri;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt;
use std::time::Duration;

/// Pyro's `AutoCleaner.min_autoclean_value`: shorter periods refuse to start.
pub const MIN_PERIOD: Duration = Duration::from_secs(3);
/// Pyro's `AutoCleaner.max_unreachable_time`.
pub const DEFAULT_GRACE: Duration = Duration::from_secs(20);
/// Pyro's `COMMTIMEOUT or 5`: the connect timeout of one probe.
pub const DEFAULT_PROBE_TIMEOUT: Duration = Duration::from_secs(5);
/// Probes outstanding at once.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 32;
/// Extra time past a probe's deadline before the watchdog gives up on it (see
/// [`AutoClean::poll_at`]).
const WATCHDOG_SLACK: Duration = Duration::from_secs(1);

/// Autoclean settings. Build with [`AutoCleanConfig::from_seconds`] (the command-line and
/// YAML value) or [`AutoCleanConfig::with_period`], and [`validate`](Self::validate) at the
/// edge: [`AutoClean::new`] never fails, it clamps nonsense instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutoCleanConfig {
    /// Time from the end of one sweep to the start of the next; at least [`MIN_PERIOD`].
    pub period: Duration,
    /// How long a target must stay unreachable before its entry is removed.
    pub grace: Duration,
    /// How long the daemon lets one connect attempt run before calling it unreachable.
    pub probe_timeout: Duration,
    /// Probes outstanding at once (at least 1).
    pub max_in_flight: usize,
}

/// An autoclean setting that refuses to start.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    /// Below [`MIN_PERIOD`] (and not 0, which means off); Pyro raises
    /// `ValueError: NS_AUTOCLEAN cannot be smaller than 3`.
    PeriodTooShort,
    /// NaN, infinite or too large to be a duration.
    InvalidPeriod(f64),
    ZeroProbeTimeout,
    ZeroMaxInFlight,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::PeriodTooShort => write!(
                f,
                "NS_AUTOCLEAN cannot be smaller than {}",
                MIN_PERIOD.as_secs()
            ),
            ConfigError::InvalidPeriod(secs) => write!(f, "invalid NS_AUTOCLEAN value: {secs}"),
            ConfigError::ZeroProbeTimeout => write!(f, "the autoclean probe timeout must be > 0"),
            ConfigError::ZeroMaxInFlight => {
                write!(f, "the autoclean probe concurrency must be at least 1")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl AutoCleanConfig {
    /// The defaults with this period (not validated).
    pub fn with_period(period: Duration) -> AutoCleanConfig {
        AutoCleanConfig {
            period,
            grace: DEFAULT_GRACE,
            probe_timeout: DEFAULT_PROBE_TIMEOUT,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
        }
    }

    /// The `NS_AUTOCLEAN` value in seconds: 0 is off (`None`); below 3 (negative included)
    /// refuses to start, as in Pyro; NaN and infinities refuse too (Pyro accepts NaN and then
    /// cleans on every 2 s tick).
    pub fn from_seconds(secs: f64) -> Result<Option<AutoCleanConfig>, ConfigError> {
        if secs == 0.0 {
            return Ok(None);
        }
        if !secs.is_finite() {
            return Err(ConfigError::InvalidPeriod(secs));
        }
        if secs < MIN_PERIOD.as_secs_f64() {
            return Err(ConfigError::PeriodTooShort);
        }
        let period =
            Duration::try_from_secs_f64(secs).map_err(|_| ConfigError::InvalidPeriod(secs))?;
        Ok(Some(AutoCleanConfig::with_period(period)))
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.period < MIN_PERIOD {
            Err(ConfigError::PeriodTooShort)
        } else if self.probe_timeout.is_zero() {
            Err(ConfigError::ZeroProbeTimeout)
        } else if self.max_in_flight == 0 {
            Err(ConfigError::ZeroMaxInFlight)
        } else {
            Ok(())
        }
    }

    /// The nearest valid configuration.
    fn clamped(self) -> AutoCleanConfig {
        AutoCleanConfig {
            period: self.period.max(MIN_PERIOD),
            grace: self.grace,
            probe_timeout: self.probe_timeout.max(Duration::from_millis(1)),
            max_in_flight: self.max_in_flight.max(1),
        }
    }
}

/// One connect check for the daemon to perform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    /// Pass back to [`AutoClean::probe_done`].
    pub id: u64,
    /// The registration being checked (for debug logs).
    pub name: String,
    /// A host name or an IP literal (IPv6 without brackets), as in the URI.
    pub host: String,
    pub port: u16,
    /// `now + probe_timeout`: report [`ProbeResult::Unreachable`] if the connect has neither
    /// succeeded nor failed by then.
    pub deadline: Duration,
}

/// What became of a [`Probe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeResult {
    /// The TCP connect succeeded (the daemon closes the socket at once; no Pyro handshake).
    Reachable,
    /// The connect failed (refused, unreachable, name resolution failed) or did not finish
    /// by the probe's deadline. Python counts every `OSError` here, `gaierror` included.
    Unreachable,
    /// The daemon could not try for a local reason (no free file descriptor, no buffer
    /// space): neither sets nor clears the mark, so local trouble never removes entries.
    Inconclusive,
}

/// A registration autoclean removed; the daemon logs it ([`fmt::Display`] gives Pyro's line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub name: String,
    pub uri: String,
    /// Since the first failed probe (at least the grace time).
    pub unreachable_for: Duration,
}

impl fmt::Display for Removal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "autoclean: unregistering {}; cannot connect uri {} for {} sec",
            self.name,
            self.uri,
            self.unreachable_for.as_secs()
        )
    }
}

/// The TCP address autoclean probes for a stored URI string, or `None` when it has none:
/// unparsable, a Unix socket, `PYRONAME`/`PYROMETA` without a location, an empty host, or a
/// port outside 0..=65535 (Python's thread died on all of these, bug B3). A `PYRONAME` or
/// `PYROMETA` location is probed like Python does (it names a name server).
pub fn tcp_address(uri: &str) -> Option<(String, u16)> {
    let uri = Uri::parse(uri).ok()?;
    let host = uri.host.filter(|h| !h.is_empty())?;
    let port = u16::try_from(uri.port?).ok()?;
    Some((host, port))
}

/// A registration to probe, as it was when the probe was queued.
#[derive(Clone, Debug)]
struct Target {
    name: String,
    uri: String,
    host: String,
    port: u16,
    /// Part of the running sweep (the sweep ends when all of these are answered), or a
    /// recheck at the end of a grace time.
    in_sweep: bool,
}

#[derive(Clone, Debug)]
struct InFlight {
    target: Target,
    /// When the watchdog gives up on this probe.
    watchdog: Duration,
}

/// "Unreachable since": the first failed probe of `uri` under this name.
#[derive(Clone, Debug)]
struct Mark {
    uri: String,
    since: Duration,
}

/// The autoclean state machine. Time is a [`Duration`] since daemon start.
///
/// How the daemon drives it (the contract):
///
/// 1. Create it with [`AutoClean::new`] when the daemon starts (the first sweep is due
///    `period` later).
/// 2. Every loop turn, include [`AutoClean::poll_at`] in the poll timeout; once `now` has
///    reached it, call [`AutoClean::poll`] and start the [`Probe`]s it returns.
/// 3. To start a probe: resolve `host` (an IP literal needs no lookup), open a non-blocking
///    TCP connect to (address, `port`) and register it for writability. When it completes,
///    close it and call [`AutoClean::probe_done`] with `Reachable` or `Unreachable`; if it
///    has not completed by `probe.deadline`, drop it and report `Unreachable`; if it cannot
///    even be started (resolution failed: `Unreachable`; out of descriptors:
///    `Inconclusive`), report that at once. Every probe must be answered exactly once;
///    answers for unknown ids are ignored.
/// 4. `probe_done` returns the next probes to start (handle them as in 3; an immediate
///    answer may return more, so use a work list rather than recursion) and the
///    [`Removal`]s, already applied to the registry and recorded in the journal: log each
///    one and persist the journal like the changes of a request.
///
/// A probe left unanswered well past its deadline is given up by the watchdog (no verdict),
/// so a daemon bug cannot stall autoclean forever.
#[derive(Clone, Debug)]
pub struct AutoClean {
    config: AutoCleanConfig,
    /// Start of the next sweep; `None` while a sweep runs.
    next_sweep: Option<Duration>,
    /// Probes of the running sweep that are queued or in flight.
    sweep_outstanding: usize,
    /// Targets waiting for a free probe slot (rechecks go first).
    queue: VecDeque<Target>,
    in_flight: BTreeMap<u64, InFlight>,
    /// (watchdog time, probe id) of every probe in flight.
    watchdogs: BTreeSet<(Duration, u64)>,
    marks: HashMap<String, Mark>,
    /// (since + grace, name): when a marked entry is probed once more.
    rechecks: BTreeSet<(Duration, String)>,
    next_id: u64,
    lost_probes: u64,
}

impl AutoClean {
    /// A cleaner whose first sweep starts at `now + period`. The configuration is clamped to
    /// the nearest valid one (use [`AutoCleanConfig::validate`] to refuse instead).
    pub fn new(config: AutoCleanConfig, now: Duration) -> AutoClean {
        let config = config.clamped();
        AutoClean {
            config,
            next_sweep: Some(now.saturating_add(config.period)),
            sweep_outstanding: 0,
            queue: VecDeque::new(),
            in_flight: BTreeMap::new(),
            watchdogs: BTreeSet::new(),
            marks: HashMap::new(),
            rechecks: BTreeSet::new(),
            next_id: 0,
            lost_probes: 0,
        }
    }

    pub fn config(&self) -> &AutoCleanConfig {
        &self.config
    }

    /// The next time [`AutoClean::poll`] has work: a sweep start, a recheck, or a watchdog.
    /// While probes are outstanding only their watchdogs count (well after their deadlines);
    /// the answers themselves come through [`AutoClean::probe_done`].
    pub fn poll_at(&self) -> Option<Duration> {
        [
            self.next_sweep,
            self.rechecks.first().map(|(at, _)| *at),
            self.watchdogs.first().map(|(at, _)| *at),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Do what is due at `now`: give up lost probes, start a sweep (a snapshot of every
    /// probeable registration), queue due rechecks; returns the probes to start now. Calling
    /// it early or often is harmless.
    #[must_use = "every probe must be started and answered"]
    pub fn poll(&mut self, now: Duration, registry: &Registry) -> Vec<Probe> {
        self.expire_lost(now);
        if self.next_sweep.is_some_and(|at| now >= at) {
            self.start_sweep(registry);
        }
        self.queue_rechecks(now, registry);
        let probes = self.hand_out(now);
        self.end_sweep_if_done(now);
        probes
    }

    /// The answer to probe `id`. Returns the probes to start next and the registrations
    /// removed (already gone from `ns`'s registry, each recorded in `journal` first; one
    /// whose record fails stays and is retried by the next sweep).
    #[must_use = "every probe must be started and answered, every removal logged"]
    pub fn probe_done(
        &mut self,
        id: u64,
        result: ProbeResult,
        now: Duration,
        ns: &mut NameServer,
        journal: &mut dyn Journal,
    ) -> (Vec<Probe>, Vec<Removal>) {
        let mut removals = Vec::new();
        if let Some(flight) = self.in_flight.remove(&id) {
            self.watchdogs.remove(&(flight.watchdog, id));
            if flight.target.in_sweep {
                self.sweep_outstanding = self.sweep_outstanding.saturating_sub(1);
            }
            if let Some(removal) = self.judge(flight.target, result, now, ns, journal) {
                removals.push(removal);
            }
        }
        let probes = self.hand_out(now);
        self.end_sweep_if_done(now);
        (probes, removals)
    }

    /// Probes handed out and not answered yet.
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// A sweep is running (probes queued or in flight).
    pub fn is_sweeping(&self) -> bool {
        self.next_sweep.is_none()
    }

    /// Names currently marked unreachable (Pyro's debug line "%d/%d names currently
    /// unreachable").
    pub fn unreachable(&self) -> usize {
        self.marks.len()
    }

    /// Probes the watchdog gave up on (a daemon bug if ever non-zero).
    pub fn lost_probes(&self) -> u64 {
        self.lost_probes
    }

    fn start_sweep(&mut self, registry: &Registry) {
        self.next_sweep = None;
        let mut kept = HashMap::new();
        for (name, entry) in registry.iter() {
            if name == NAMESERVER_NAME || name == DAEMON_NAME {
                continue;
            }
            let Some((host, port)) = tcp_address(&entry.uri) else {
                continue;
            };
            // Marks survive only for names still registered with the same URI.
            if let Some(mark) = self.marks.remove(name)
                && mark.uri == entry.uri
            {
                kept.insert(name.to_string(), mark);
            }
            self.queue.push_back(Target {
                name: name.to_string(),
                uri: entry.uri.clone(),
                host,
                port,
                in_sweep: true,
            });
            self.sweep_outstanding += 1;
        }
        self.marks = kept;
    }

    fn queue_rechecks(&mut self, now: Duration, registry: &Registry) {
        while let Some((at, _)) = self.rechecks.first()
            && *at <= now
        {
            let Some((at, name)) = self.rechecks.pop_first() else {
                break;
            };
            // Only for the mark that scheduled it (a newer mark has its own recheck).
            let Some(mark) = self.marks.get(&name) else {
                continue;
            };
            if mark.since.saturating_add(self.config.grace) != at {
                continue;
            }
            let current = registry.get(&name).filter(|e| e.uri == mark.uri);
            let Some((host, port)) = current.and_then(|e| tcp_address(&e.uri)) else {
                self.marks.remove(&name);
                continue;
            };
            let uri = mark.uri.clone();
            self.queue.push_front(Target {
                name,
                uri,
                host,
                port,
                in_sweep: false,
            });
        }
    }

    fn hand_out(&mut self, now: Duration) -> Vec<Probe> {
        let mut probes = Vec::new();
        while self.in_flight.len() < self.config.max_in_flight {
            let Some(target) = self.queue.pop_front() else {
                break;
            };
            let id = self.next_id;
            self.next_id += 1;
            let deadline = now.saturating_add(self.config.probe_timeout);
            let watchdog = deadline
                .saturating_add(self.config.probe_timeout)
                .saturating_add(WATCHDOG_SLACK);
            probes.push(Probe {
                id,
                name: target.name.clone(),
                host: target.host.clone(),
                port: target.port,
                deadline,
            });
            self.watchdogs.insert((watchdog, id));
            self.in_flight.insert(id, InFlight { target, watchdog });
        }
        probes
    }

    fn expire_lost(&mut self, now: Duration) {
        while let Some(&(at, id)) = self.watchdogs.first()
            && at <= now
        {
            self.watchdogs.pop_first();
            if let Some(flight) = self.in_flight.remove(&id) {
                self.lost_probes += 1;
                if flight.target.in_sweep {
                    self.sweep_outstanding = self.sweep_outstanding.saturating_sub(1);
                }
            }
        }
    }

    fn end_sweep_if_done(&mut self, now: Duration) {
        if self.next_sweep.is_none() && self.sweep_outstanding == 0 {
            self.next_sweep = Some(now.saturating_add(self.config.period));
        }
    }

    /// Apply one answer: clear or set the mark, and remove the entry once its grace is over.
    fn judge(
        &mut self,
        target: Target,
        result: ProbeResult,
        now: Duration,
        ns: &mut NameServer,
        journal: &mut dyn Journal,
    ) -> Option<Removal> {
        match ns.registry().get(&target.name) {
            None => {
                self.marks.remove(&target.name);
                return None;
            }
            // Re-registered with another URI since the probe was queued: the answer is stale.
            Some(entry) if entry.uri != target.uri => {
                if self
                    .marks
                    .get(&target.name)
                    .is_some_and(|m| m.uri != entry.uri)
                {
                    self.marks.remove(&target.name);
                }
                return None;
            }
            Some(_) => {}
        }
        match result {
            ProbeResult::Inconclusive => None,
            ProbeResult::Reachable => {
                self.marks.remove(&target.name);
                None
            }
            ProbeResult::Unreachable => {
                let since = match self.marks.get(&target.name) {
                    Some(mark) if mark.uri == target.uri => mark.since,
                    _ => {
                        let mark = Mark {
                            uri: target.uri.clone(),
                            since: now,
                        };
                        self.marks.insert(target.name.clone(), mark);
                        let due = now.saturating_add(self.config.grace);
                        self.rechecks.insert((due, target.name.clone()));
                        now
                    }
                };
                let unreachable_for = now.saturating_sub(since);
                if unreachable_for < self.config.grace {
                    return None;
                }
                let delete = Change::Delete {
                    name: target.name.clone(),
                };
                // Not recorded, not removed: the mark stays and the next sweep retries.
                journal.record(&[delete]).ok()?;
                ns.registry_mut().remove(&target.name);
                self.marks.remove(&target.name);
                Some(Removal {
                    name: target.name,
                    uri: target.uri,
                    unreachable_for,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ns::nameserver::JournalError;
    use crate::ns::registry::Entry;
    use std::collections::HashSet;

    const NS_URI: &str = "PYRO:Pyro.NameServer@127.0.0.1:9090";
    const LATENCY: Duration = Duration::from_millis(10);

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    fn config(period: f64) -> AutoCleanConfig {
        AutoCleanConfig::with_period(secs(period))
    }

    /// What the fake network does with a connect to a (host, port).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Peer {
        /// Accepts after `LATENCY`.
        Up,
        /// Refuses after `LATENCY` (the default for any address not listed).
        Down,
        /// Never answers: the daemon reports `Unreachable` at the probe's deadline.
        Silent,
        /// The daemon has no descriptor to spare: `Inconclusive` at once.
        NoFd,
        /// The daemon loses the probe (a bug): no answer ever.
        Lost,
    }

    /// The daemon's side on simulated time: a clock, the name server, the journal and an
    /// in-memory network; it answers probes as a real loop would.
    struct Sim {
        now: Duration,
        ac: AutoClean,
        ns: NameServer,
        journal: Vec<Change>,
        net: HashMap<(String, u16), Peer>,
        /// (delivery time, probe id, result)
        pending: Vec<(Duration, u64, ProbeResult)>,
        /// (time, name, host, port) of every probe started.
        probed: Vec<(Duration, String, String, u16)>,
        removals: Vec<(Duration, Removal)>,
        max_in_flight_seen: usize,
    }

    impl Sim {
        fn new(config: AutoCleanConfig) -> Sim {
            Sim::starting_at(config, Duration::ZERO)
        }

        fn starting_at(config: AutoCleanConfig, now: Duration) -> Sim {
            Sim {
                now,
                ac: AutoClean::new(config, now),
                ns: NameServer::new(NS_URI.to_string()),
                journal: Vec::new(),
                net: HashMap::new(),
                pending: Vec::new(),
                probed: Vec::new(),
                removals: Vec::new(),
                max_in_flight_seen: 0,
            }
        }

        fn register(&mut self, name: &str, uri: &str) {
            let entry = Entry::new(uri, []);
            self.ns.registry_mut().insert(name.to_string(), entry);
        }

        fn uri_of(&self, name: &str) -> Option<&str> {
            self.ns.registry().get(name).map(|e| e.uri.as_str())
        }

        fn set(&mut self, host: &str, port: u16, peer: Peer) {
            self.net.insert((host.to_string(), port), peer);
        }

        fn start(&mut self, probes: Vec<Probe>) {
            let mut work = probes;
            while let Some(probe) = work.pop() {
                assert!(probe.deadline == self.now + self.ac.config().probe_timeout);
                self.probed
                    .push((self.now, probe.name.clone(), probe.host.clone(), probe.port));
                let peer = self.net.get(&(probe.host.clone(), probe.port));
                let answer = match peer.copied().unwrap_or(Peer::Down) {
                    Peer::Up => Some((self.now + LATENCY, ProbeResult::Reachable)),
                    Peer::Down => Some((self.now + LATENCY, ProbeResult::Unreachable)),
                    Peer::Silent => Some((probe.deadline, ProbeResult::Unreachable)),
                    Peer::NoFd => Some((self.now, ProbeResult::Inconclusive)),
                    Peer::Lost => None,
                };
                if let Some((at, result)) = answer {
                    self.pending.push((at, probe.id, result));
                }
            }
            self.max_in_flight_seen = self.max_in_flight_seen.max(self.ac.in_flight());
        }

        fn deliver(&mut self, id: u64, result: ProbeResult) {
            let (probes, removals) =
                self.ac
                    .probe_done(id, result, self.now, &mut self.ns, &mut self.journal);
            for removal in removals {
                self.removals.push((self.now, removal));
            }
            self.start(probes);
        }

        /// Run the loop until `until`: sleep to the earliest deadline, deliver the answers
        /// due, poll when autoclean asks for it.
        fn run_until(&mut self, until: Duration) {
            for _turn in 0..10_000_000 {
                let next_answer = self.pending.iter().map(|p| p.0).min();
                let next = [self.ac.poll_at(), next_answer].into_iter().flatten().min();
                match next {
                    Some(at) if at <= until => self.now = self.now.max(at),
                    _ => {
                        self.now = self.now.max(until);
                        return;
                    }
                }
                self.pending.sort_by_key(|p| (p.0, p.1));
                while let Some(&(at, id, result)) = self.pending.first()
                    && at <= self.now
                {
                    self.pending.remove(0);
                    self.deliver(id, result);
                }
                if self.ac.poll_at().is_some_and(|at| at <= self.now) {
                    let probes = self.ac.poll(self.now, self.ns.registry());
                    self.start(probes);
                }
            }
            panic!("the simulation does not advance");
        }

        fn run_for(&mut self, d: f64) {
            self.run_until(self.now + secs(d));
        }

        fn probes_of(&self, name: &str) -> Vec<Duration> {
            self.probed
                .iter()
                .filter(|p| p.1 == name)
                .map(|p| p.0)
                .collect()
        }

        fn removal_of(&self, name: &str) -> Option<(Duration, &Removal)> {
            self.removals
                .iter()
                .find(|(_, r)| r.name == name)
                .map(|(t, r)| (*t, r))
        }
    }

    fn delete(name: &str) -> Change {
        Change::Delete { name: name.into() }
    }

    #[test]
    fn config_from_seconds() {
        let table: &[(f64, Result<Option<Duration>, ConfigError>)] = &[
            (0.0, Ok(None)),
            (-0.0, Ok(None)),
            (3.0, Ok(Some(secs(3.0)))),
            (3.5, Ok(Some(secs(3.5)))),
            (600.0, Ok(Some(secs(600.0)))),
            (2.999, Err(ConfigError::PeriodTooShort)),
            (1.0, Err(ConfigError::PeriodTooShort)),
            (-5.0, Err(ConfigError::PeriodTooShort)),
            (
                f64::INFINITY,
                Err(ConfigError::InvalidPeriod(f64::INFINITY)),
            ),
            (1e30, Err(ConfigError::InvalidPeriod(1e30))),
        ];
        for (input, expected) in table {
            let got = AutoCleanConfig::from_seconds(*input).map(|c| c.map(|c| c.period));
            assert_eq!(&got, expected, "{input}");
        }
        assert!(AutoCleanConfig::from_seconds(f64::NAN).is_err());
        let c = AutoCleanConfig::from_seconds(3.0).unwrap().unwrap();
        assert_eq!(
            (c.grace, c.probe_timeout, c.max_in_flight),
            (secs(20.0), secs(5.0), 32)
        );
        assert_eq!(c.validate(), Ok(()));
        assert_eq!(
            ConfigError::PeriodTooShort.to_string(),
            "NS_AUTOCLEAN cannot be smaller than 3"
        );
        let bad = |f: fn(&mut AutoCleanConfig)| {
            let mut c = config(3.0);
            f(&mut c);
            c.validate()
        };
        assert_eq!(
            bad(|c| c.period = secs(1.0)),
            Err(ConfigError::PeriodTooShort)
        );
        assert_eq!(
            bad(|c| c.probe_timeout = Duration::ZERO),
            Err(ConfigError::ZeroProbeTimeout)
        );
        assert_eq!(
            bad(|c| c.max_in_flight = 0),
            Err(ConfigError::ZeroMaxInFlight)
        );
        // `new` never fails: it clamps.
        let mut c = config(0.0);
        c.max_in_flight = 0;
        let ac = AutoClean::new(c, secs(1.0));
        assert_eq!(ac.config().max_in_flight, 1);
        assert_eq!(ac.poll_at(), Some(secs(4.0)));
    }

    #[test]
    fn tcp_addresses_of_uris() {
        let table: &[(&str, Option<(&str, u16)>)] = &[
            ("PYRO:obj@10.0.0.1:5000", Some(("10.0.0.1", 5000))),
            ("pyro:obj@Host.lan:0012", Some(("Host.lan", 12))),
            ("PYRO:obj@[::1]:7", Some(("::1", 7))),
            ("PYRO:obj@h:0", Some(("h", 0))),
            ("PYRO:obj@h:65535", Some(("h", 65535))),
            // Python probes the name server a PYRONAME/PYROMETA location names.
            ("PYRONAME:x@nshost:9999", Some(("nshost", 9999))),
            ("PYRONAME:x@nshost", Some(("nshost", 9090))),
            ("PYROMETA:a,b@nshost:1", Some(("nshost", 1))),
            // No TCP address: skipped (Pyro's thread died on these, bug B3).
            ("PYRONAME:x", None),
            ("PYROMETA:a,b", None),
            ("PYRO:obj@./u:/tmp/sock", None),
            ("PYRO:obj@:5000", None),
            ("PYRO:obj@h:65536", None),
            ("PYRO:obj@h:-1", None),
            ("not a uri", None),
            ("", None),
        ];
        for (uri, expected) in table {
            let expected = expected.map(|(h, p)| (h.to_string(), p));
            assert_eq!(tcp_address(uri), expected, "{uri}");
        }
    }

    #[test]
    fn dead_entry_removed_after_grace_and_not_before() {
        let mut sim = Sim::new(config(3.0));
        sim.register("dead", "PYRO:obj@10.0.0.1:5000");
        // First sweep at 3 s: the mark is set when the refusal arrives.
        sim.run_until(secs(3.0) + LATENCY + secs(19.99));
        assert_eq!(sim.uri_of("dead"), Some("PYRO:obj@10.0.0.1:5000"));
        assert_eq!(sim.ac.unreachable(), 1);
        assert!(sim.journal.is_empty());
        sim.run_until(secs(60.0));
        let (at, removal) = sim.removal_of("dead").expect("removed");
        // Grace ends at 3.01 + 20; the recheck started then is refused 10 ms later.
        assert_eq!(at, secs(23.0) + LATENCY * 2);
        assert_eq!(removal.uri, "PYRO:obj@10.0.0.1:5000");
        assert_eq!(removal.unreachable_for, secs(20.0) + LATENCY);
        assert_eq!(
            removal.to_string(),
            "autoclean: unregistering dead; cannot connect uri PYRO:obj@10.0.0.1:5000 for 20 sec"
        );
        assert_eq!(sim.uri_of("dead"), None);
        assert_eq!(sim.journal, [delete("dead")]);
        assert_eq!(sim.ac.unreachable(), 0);
        assert_eq!(sim.removals.len(), 1);
    }

    #[test]
    fn removal_time_is_within_period_plus_grace_of_death() {
        // Pyro observed 24.1 s with NS_AUTOCLEAN=3; labns: at most period + grace (+ probe
        // time) after the target died, and never less than grace.
        for step in 0..12 {
            let died = secs(10.0 + 0.25 * f64::from(step));
            let mut sim = Sim::new(config(3.0));
            sim.register("svc", "PYRO:obj@10.0.0.1:5000");
            sim.set("10.0.0.1", 5000, Peer::Up);
            sim.run_until(died);
            sim.set("10.0.0.1", 5000, Peer::Down);
            sim.run_until(secs(100.0));
            let (at, _) = sim.removal_of("svc").expect("removed");
            let gone_after = at - died;
            assert!(gone_after >= secs(20.0), "{died:?}: {gone_after:?}");
            assert!(
                gone_after <= secs(23.0) + LATENCY * 3,
                "{died:?}: {gone_after:?}"
            );
        }
    }

    #[test]
    fn grace_is_configurable() {
        let mut c = config(4.0);
        c.grace = secs(7.0);
        let mut sim = Sim::new(c);
        sim.register("dead", "PYRO:obj@10.0.0.1:5000");
        sim.run_until(secs(60.0));
        let (at, removal) = sim.removal_of("dead").expect("removed");
        assert_eq!(at, secs(11.0) + LATENCY * 2);
        assert_eq!(removal.unreachable_for, secs(7.0) + LATENCY);
    }

    #[test]
    fn live_entry_is_kept() {
        let mut sim = Sim::new(config(3.0));
        sim.register("live", "PYRO:obj@10.0.0.2:6000");
        sim.set("10.0.0.2", 6000, Peer::Up);
        sim.run_until(secs(3600.0));
        assert_eq!(sim.uri_of("live"), Some("PYRO:obj@10.0.0.2:6000"));
        assert!(sim.removals.is_empty());
        assert!(sim.journal.is_empty());
        assert_eq!(sim.ac.unreachable(), 0);
        // One probe per sweep, a period after the end of the previous sweep.
        let times = sim.probes_of("live");
        assert_eq!(times[0], secs(3.0));
        for pair in times.windows(2) {
            assert_eq!(pair[1] - pair[0], secs(3.0) + LATENCY);
        }
        assert!(times.len() > 1000);
    }

    #[test]
    fn entry_that_comes_back_is_kept_and_its_mark_cleared() {
        let mut sim = Sim::new(config(3.0));
        sim.register("flaky", "PYRO:obj@10.0.0.3:1");
        sim.run_until(secs(15.0));
        assert_eq!(sim.ac.unreachable(), 1);
        sim.set("10.0.0.3", 1, Peer::Up);
        sim.run_until(secs(19.0));
        assert_eq!(sim.ac.unreachable(), 0);
        sim.run_until(secs(60.0));
        assert_eq!(sim.uri_of("flaky"), Some("PYRO:obj@10.0.0.3:1"));
        assert_eq!(sim.ac.unreachable(), 0);
        // Down again: a fresh mark, so a full grace from the new first failure.
        sim.set("10.0.0.3", 1, Peer::Down);
        let died = sim.now;
        sim.run_until(secs(200.0));
        let (at, removal) = sim.removal_of("flaky").expect("removed");
        assert!(at - died >= secs(20.0));
        assert!(removal.unreachable_for < secs(21.0));
        assert_eq!(sim.journal, [delete("flaky")]);
    }

    #[test]
    fn stale_probe_does_not_remove_a_reregistered_entry() {
        let mut sim = Sim::new(config(3.0));
        sim.register("svc", "PYRO:obj@10.0.0.1:1");
        sim.set("10.0.0.1", 1, Peer::Silent);
        sim.set("10.0.0.2", 2, Peer::Up);
        // Sweeps start at 3 s (time-out and mark at 8 s), 11, 19 and 27 s; the recheck
        // at 28 s (8 + 20). At 30 s both probes are in flight until 32 and 33 s.
        sim.run_until(secs(30.0));
        assert_eq!(
            sim.probes_of("svc"),
            [3.0, 11.0, 19.0, 27.0, 28.0].map(secs)
        );
        assert_eq!(sim.ac.in_flight(), 2);
        sim.register("svc", "PYRO:obj@10.0.0.2:2");
        sim.run_until(secs(300.0));
        assert_eq!(sim.uri_of("svc"), Some("PYRO:obj@10.0.0.2:2"));
        assert!(sim.removals.is_empty());
        assert!(sim.journal.is_empty());
        assert_eq!(sim.ac.unreachable(), 0);
    }

    #[test]
    fn reregistration_restarts_the_grace() {
        let mut sim = Sim::new(config(3.0));
        sim.register("svc", "PYRO:obj@10.0.0.1:1");
        sim.set("10.0.0.1", 1, Peer::Silent);
        sim.run_until(secs(30.0));
        // Re-registered with another dead URI while the old one's recheck is in flight.
        sim.register("svc", "PYRO:obj@10.0.0.3:3");
        sim.run_until(secs(300.0));
        let (at, removal) = sim.removal_of("svc").expect("removed");
        assert_eq!(removal.uri, "PYRO:obj@10.0.0.3:3");
        assert!(at >= secs(50.0), "{at:?}");
        assert!(removal.unreachable_for >= secs(20.0));
        assert_eq!(sim.journal, [delete("svc")]);
    }

    #[test]
    fn marks_of_vanished_names_are_dropped() {
        let mut sim = Sim::new(config(3.0));
        for i in 0..50 {
            sim.register(
                &format!("dead.{i}"),
                &format!("PYRO:obj@10.0.0.1:{}", 100 + i),
            );
        }
        sim.run_until(secs(10.0));
        assert_eq!(sim.ac.unreachable(), 50);
        for i in 0..50 {
            sim.ns.registry_mut().remove(&format!("dead.{i}"));
        }
        sim.run_until(secs(20.0));
        assert_eq!(sim.ac.unreachable(), 0);
        // Registered again: a fresh grace, not the old mark.
        sim.register("dead.0", "PYRO:obj@10.0.0.1:100");
        let back = sim.now;
        sim.run_until(secs(100.0));
        let (at, _) = sim.removal_of("dead.0").expect("removed");
        assert!(at - back >= secs(20.0));
        assert_eq!(sim.journal, [delete("dead.0")]);
        assert!(sim.ac.rechecks.len() <= sim.ac.marks.len());
    }

    #[test]
    fn entries_without_tcp_address_and_own_entries_are_never_probed() {
        let mut sim = Sim::new(config(3.0));
        // The NS's own entry (127.0.0.1:9090) is down in the fake network.
        sim.register("Pyro.Daemon", "PYRO:Pyro.Daemon@10.0.0.9:1");
        sim.register("meta", "PYROMETA:a,b");
        sim.register("byname", "PYRONAME:foo");
        sim.register("unix", "PYRO:obj@./u:/tmp/sock");
        sim.register("bigport", "PYRO:obj@h:70000");
        sim.register("negport", "PYRO:obj@h:-1");
        sim.register("nohost", "PYRO:obj@:1");
        sim.register("garbage", "not a uri");
        sim.register("elsewhere", "PYRONAME:foo@10.0.0.5:9999");
        sim.run_until(secs(120.0));
        let probed: HashSet<_> = sim.probed.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(probed, HashSet::from(["elsewhere"]));
        assert_eq!(sim.probed[0].2, "10.0.0.5");
        assert_eq!(sim.probed[0].3, 9999);
        assert_eq!(sim.journal, [delete("elsewhere")]);
        assert_eq!(sim.ns.registry().len(), 9);
        assert!(sim.uri_of(NAMESERVER_NAME).is_some());
    }

    #[test]
    fn max_in_flight_is_respected_with_1000_entries() {
        let mut sim = Sim::new(config(3.0));
        for i in 0..1000u16 {
            let port = 1000 + i;
            sim.register(&format!("svc.{i}"), &format!("PYRO:obj@10.0.0.1:{port}"));
            let peer = match i % 4 {
                0 => Peer::Up,
                1 => Peer::Down,
                2 => Peer::Silent,
                _ => Peer::Up,
            };
            sim.set("10.0.0.1", port, peer);
        }
        sim.run_until(secs(300.0));
        assert_eq!(sim.max_in_flight_seen, 32);
        let at_sweep_start = sim.probed.iter().filter(|p| p.0 == secs(3.0)).count();
        assert_eq!(at_sweep_start, 32);
        let removed: HashSet<_> = sim.removals.iter().map(|(_, r)| r.name.clone()).collect();
        assert_eq!(removed.len(), 500);
        for i in 0..1000 {
            let name = format!("svc.{i}");
            assert_eq!(removed.contains(&name), i % 4 == 1 || i % 4 == 2, "{name}");
            assert_eq!(sim.uri_of(&name).is_some(), !removed.contains(&name));
        }
        assert_eq!(sim.journal.len(), 500);
        assert_eq!(sim.ac.unreachable(), 0);
        assert_eq!(sim.ac.lost_probes(), 0);
    }

    #[test]
    fn sweep_over_10000_registrations() {
        let mut c = config(3.0);
        c.max_in_flight = 64;
        let mut sim = Sim::new(c);
        for i in 0..10_000 {
            sim.register(
                &format!("svc.{i:05}"),
                &format!("PYRO:obj@10.0.{}.1:1", i % 200),
            );
        }
        sim.run_until(secs(60.0));
        assert!(sim.max_in_flight_seen <= 64);
        assert_eq!(sim.removals.len(), 10_000);
        assert_eq!(sim.journal.len(), 10_000);
        assert_eq!(sim.ns.registry().len(), 1);
        assert_eq!(sim.ac.unreachable(), 0);
    }

    #[test]
    fn poll_at_schedule() {
        let mut ns = NameServer::new(NS_URI.to_string());
        let mut journal = Vec::new();
        let mut ac = AutoClean::new(config(3.0), secs(5.0));
        assert_eq!(ac.poll_at(), Some(secs(8.0)));
        assert!(ac.poll(secs(7.9), ns.registry()).is_empty());
        assert!(!ac.is_sweeping());
        // Only the NS's own entry: the sweep ends as it starts.
        assert!(ac.poll(secs(8.0), ns.registry()).is_empty());
        assert_eq!(ac.poll_at(), Some(secs(11.0)));
        // Late polls start the sweep late; the next one is a period after its end.
        ns.registry_mut()
            .insert("a".into(), Entry::new("PYRO:a@h:1", []));
        ns.registry_mut()
            .insert("b".into(), Entry::new("PYRO:b@h:2", []));
        let probes = ac.poll(secs(12.5), ns.registry());
        assert_eq!(probes.len(), 2);
        assert_eq!((probes[0].id, probes[0].name.as_str()), (0, "a"));
        assert_eq!((probes[1].host.as_str(), probes[1].port), ("h", 2));
        assert_eq!(probes[0].deadline, secs(17.5));
        assert!(ac.is_sweeping());
        // While probes are out only the watchdog is a deadline, well after theirs.
        assert_eq!(ac.poll_at(), Some(secs(23.5)));
        assert!(ac.poll(secs(13.0), ns.registry()).is_empty());
        let (more, removed) =
            ac.probe_done(0, ProbeResult::Reachable, secs(13.0), &mut ns, &mut journal);
        assert!(more.is_empty() && removed.is_empty());
        assert!(ac.is_sweeping());
        // Unknown and repeated ids are ignored.
        let _ = ac.probe_done(
            0,
            ProbeResult::Unreachable,
            secs(14.0),
            &mut ns,
            &mut journal,
        );
        let _ = ac.probe_done(
            99,
            ProbeResult::Unreachable,
            secs(14.0),
            &mut ns,
            &mut journal,
        );
        assert_eq!(ac.unreachable(), 0);
        let _ = ac.probe_done(
            1,
            ProbeResult::Unreachable,
            secs(17.5),
            &mut ns,
            &mut journal,
        );
        assert!(!ac.is_sweeping());
        // The recheck of "b" (marked at 17.5) and the next sweep, a period after the end.
        assert_eq!(ac.poll_at(), Some(secs(20.5)));
        assert_eq!(ac.rechecks.first().map(|r| r.0), Some(secs(37.5)));
        assert!(journal.is_empty());
    }

    #[test]
    fn inconclusive_probes_neither_mark_nor_clear() {
        let mut sim = Sim::new(config(3.0));
        sim.register("svc", "PYRO:obj@10.0.0.1:1");
        sim.set("10.0.0.1", 1, Peer::NoFd);
        sim.run_until(secs(100.0));
        assert_eq!(sim.ac.unreachable(), 0);
        assert!(sim.removals.is_empty());
        // Marked, then the daemon runs out of descriptors: the mark stays, nothing removed
        // until a real failure after the grace.
        sim.set("10.0.0.1", 1, Peer::Down);
        sim.run_for(5.0);
        assert_eq!(sim.ac.unreachable(), 1);
        sim.set("10.0.0.1", 1, Peer::NoFd);
        sim.run_for(60.0);
        assert_eq!(sim.ac.unreachable(), 1);
        assert!(sim.removals.is_empty());
        sim.set("10.0.0.1", 1, Peer::Down);
        sim.run_for(3.5);
        assert_eq!(sim.journal, [delete("svc")]);
        assert!(sim.removals[0].1.unreachable_for > secs(60.0));
    }

    /// A store that refuses while `full`.
    #[derive(Default)]
    struct Store {
        full: bool,
        changes: Vec<Change>,
    }

    impl Journal for Store {
        fn record(&mut self, changes: &[Change]) -> Result<(), JournalError> {
            if self.full {
                return Err(JournalError::new("MDB_MAP_FULL"));
            }
            self.changes.extend_from_slice(changes);
            Ok(())
        }
    }

    #[test]
    fn removal_is_journaled_first_and_retried_when_refused() {
        let mut ns = NameServer::new(NS_URI.to_string());
        ns.registry_mut()
            .insert("dead".into(), Entry::new("PYRO:x@10.0.0.1:1", []));
        let mut store = Store {
            full: true,
            ..Store::default()
        };
        let mut ac = AutoClean::new(config(3.0), Duration::ZERO);
        let fail = |ac: &mut AutoClean, ns: &mut NameServer, store: &mut Store, at: f64| {
            let probes = ac.poll(secs(at), ns.registry());
            assert_eq!(probes.len(), 1, "at {at}");
            let (more, removed) =
                ac.probe_done(probes[0].id, ProbeResult::Unreachable, secs(at), ns, store);
            assert!(more.is_empty());
            removed
        };
        assert!(fail(&mut ac, &mut ns, &mut store, 3.0).is_empty());
        // The grace is over at 23 s (the recheck), but the store is full: nothing removed.
        assert_eq!(ac.poll_at(), Some(secs(6.0)));
        for at in [6.0, 9.0, 12.0, 15.0, 18.0, 21.0] {
            assert!(fail(&mut ac, &mut ns, &mut store, at).is_empty());
        }
        assert_eq!(ac.poll_at(), Some(secs(23.0)));
        assert!(fail(&mut ac, &mut ns, &mut store, 23.0).is_empty());
        assert!(ns.registry().contains("dead"));
        assert_eq!(ac.unreachable(), 1);
        assert_eq!(ac.poll_at(), Some(secs(24.0)));
        assert!(fail(&mut ac, &mut ns, &mut store, 24.0).is_empty());
        // Room again: the next sweep's failure removes it, through the journal.
        store.full = false;
        let removed = fail(&mut ac, &mut ns, &mut store, 27.0);
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].unreachable_for, secs(24.0));
        assert!(!ns.registry().contains("dead"));
        assert_eq!(store.changes, [delete("dead")]);
        assert_eq!(ac.unreachable(), 0);
    }

    #[test]
    fn lost_probes_do_not_stall_the_cleaner() {
        let mut sim = Sim::new(config(3.0));
        sim.register("lost", "PYRO:obj@10.0.0.1:1");
        sim.register("dead", "PYRO:obj@10.0.0.2:2");
        sim.set("10.0.0.1", 1, Peer::Lost);
        sim.run_until(secs(100.0));
        assert!(sim.ac.lost_probes() > 5);
        assert_eq!(sim.uri_of("lost"), Some("PYRO:obj@10.0.0.1:1"));
        assert_eq!(sim.journal, [delete("dead")]);
        // A very late answer for a given-up probe is ignored.
        let lost_id = 0;
        sim.deliver(lost_id, ProbeResult::Unreachable);
        assert_eq!(sim.ac.unreachable(), 0);
    }
}
