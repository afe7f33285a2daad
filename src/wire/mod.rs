//! Pyro5 framing, protocol version 502: the 40-byte header, annotation chunks, zlib payloads,
//! and the incremental frame reader that decides, from bytes only, what Python's
//! `SocketConnection` + `ReceivingMessage` would do (wire reference sections 2 and 2.9).
//!
//! Sans-IO and clock-free: it never sees a socket or a clock. It does not know what a payload
//! means (that is `serial/` and `ns/`). Invariant: nothing here allocates according to a size
//! taken from the wire before that size passed the configured message-size limit.

mod frame;
mod header;

pub use frame::{Frame, FrameError, decompress, emit_frame, peek_frame, plain_frame};
pub use header::{Header, HeaderError};

/// `PYRO`
pub const TAG: [u8; 4] = *b"PYRO";
pub const PROTOCOL_VERSION: u16 = 502;
pub const MAGIC: u16 = 0x4dc5;
pub const HEADER_SIZE: usize = 40;

pub const MSG_CONNECT: u8 = 1;
pub const MSG_CONNECTOK: u8 = 2;
pub const MSG_CONNECTFAIL: u8 = 3;
pub const MSG_INVOKE: u8 = 4;
pub const MSG_RESULT: u8 = 5;
pub const MSG_PING: u8 = 6;

pub const FLAGS_EXCEPTION: u16 = 0x01;
pub const FLAGS_COMPRESSED: u16 = 0x02;
pub const FLAGS_ONEWAY: u16 = 0x04;
pub const FLAGS_BATCH: u16 = 0x08;
pub const FLAGS_ITEMSTREAMRESULT: u16 = 0x10;
pub const FLAGS_KEEPSERIALIZED: u16 = 0x20;
pub const FLAGS_CORR_ID: u16 = 0x40;

/// Replies are compressed (when compression is on) only above this payload size, as Pyro5 does.
pub const COMPRESS_THRESHOLD: usize = 100;
