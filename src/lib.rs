//! labns: a native, single-threaded, Pyro5-compatible name server.
//!
//! Code map. Each module's own `//!` header says what it owns and what it must not do.
//!
//! * [`wire`]: Pyro5 framing (40-byte header, annotations, zlib, the incremental frame
//!   reader). Sans-IO, clock-free.
//! * [`serial`]: one [`serial::Value`] model and the serpent, marshal, json and msgpack readers
//!   and writers. Sans-IO, clock-free; readers never panic and check limits before allocating.
//! * [`ns`]: the registry, the `Pyro.NameServer` and `Pyro.Daemon` objects, dispatch, the
//!   per-connection session state machine and the broadcast reply. Sans-IO, clock-free: it
//!   takes bytes and returns bytes and effects.
//! * [`daemon`]: the only mio code: one event loop for the listener, the connections, the
//!   broadcast responder and signals; owns the clock and the time-outs.
//! * [`store`]: the only heed/LMDB code: open (locked, verified), load, and one write
//!   transaction per loop turn with a savepoint per call (group commit, map-full per call).
//! * [`config`]: PyroLab YAML text -> validated configuration; the only serde_yaml user. Pure
//!   except `load_file`; never resolves hosts.
//! * [`launch`]: configuration + command-line overrides -> the daemon's site settings; the
//!   embedding API (`read_nameserver_configs`, `start_ns_loop`).
//! * [`cli`]: argv -> a command (pico-args) and the process environment; with `main.rs`, the
//!   only code that sees argv, the environment and exit codes.
//! * [`client`]: a small blocking Pyro5 client (`std::net`, time-outs) and Pyro5's
//!   `locate_ns()` order (localhost, then the `GET_NSURI` broadcast). Used by the control
//!   commands, the bench's preload and the tests; it prints nothing and never retries.
//! * [`control`]: the control commands (`labns ping | list | lookup | register | ...`, as
//!   pyro5-nsc has them): which call each makes and how its result is printed (a sorted table
//!   or one JSON document). Output goes to a writer and confirmation through a callback, so
//!   the formatting is unit-tested without a terminal.
//! * [`bench`]: `labns bench` (a closed-loop load generator: one thread, mio, pre-encoded
//!   requests, every reply checked, a log-linear latency histogram), the echo ceiling
//!   (`bench-echo`) and the start-up timer (`bench-startup`). All timing of the project lives
//!   here and in `tests/bench/`; it must stay cheap enough not to be the bottleneck.
//!
//! Architecture invariants (checked by the tidy test in `tests/tidy.rs`): `wire/`, `serial/`
//! and `ns/` never use mio, heed, `std::fs`, `std::net` sockets or `Instant`/`SystemTime`;
//! only `daemon/` (the server) and `bench.rs` (the load generator and echo server) use mio.

pub mod bench;
pub mod cli;
pub mod client;
pub mod config;
pub mod control;
pub mod daemon;
pub mod launch;
pub mod ns;
pub mod serial;
pub mod store;
pub mod wire;
