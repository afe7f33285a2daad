//! labns: a native, single-threaded, Pyro5-compatible name server.
//!
//! Code map (each module's own `//!` header says what it owns and what it must not do):
//!
//! * [`serial`]: one [`serial::Value`] model and the four Pyro5 serializers. Sans-IO.
//! * [`ns`]: the registry and the name server objects. Sans-IO, clock-free.

pub mod ns;
pub mod serial;
