//! The name server itself, sans-IO: the registry, the `Pyro.NameServer` and `Pyro.Daemon`
//! objects, request dispatch, the per-connection protocol session, the broadcast reply.
//!
//! Nothing here touches sockets, files, heed, mio or the clock: callers pass bytes and `now`,
//! and get back bytes to send and effects to perform.

pub mod error;
pub mod nameserver;
pub mod pyre;
pub mod registry;
pub mod uri;

pub use error::PyErr;
pub mod access;
pub mod autoclean;
pub mod broadcast;
pub mod server;
pub mod session;
