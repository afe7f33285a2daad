//! Whole connections: a client byte stream, cut into chunks at fuzzer-chosen points, fed to
//! `Session::receive` with a fresh `Server` (the sans-IO core exactly as the daemon drives it).
//!
//! Input layout: `[config] [n] [n chunk sizes] stream...`
//!
//! * `config` bit 0: compress replies; bit 1: "fix lengths" mode, where the stream is cut
//!   before every `PYRO\x01\xf6` and each piece's header gets its data length (and magic)
//!   rewritten to match the piece, so mutated payloads still arrive as well-formed frames;
//!   bit 2: a 2 KiB message-size limit instead of 4 MiB; bit 3: the journal refuses every
//!   third call's changes (a full store); bit 4: the `Pyro.NameServer` entry is unprotected
//!   and the registry limits are tiny; bit 5: run the stream a second time with output
//!   back-pressure (`max_output` 0, the output drained after every call); bit 6: the
//!   connection is over the limit (`Session::refusing`); bit 7: a handshake token and a
//!   write allow-list the client (127.0.0.1) is not on.
//! * `n & 15` chunk sizes, each byte `b` meaning `1 + b*b` bytes, used cyclically; none means
//!   the stream arrives in one piece.
//!
//! Properties: no panic; everything the session writes is a sequence of whole frames that
//! `peek_frame`/`Header::parse`/`Frame::parse` accept, each a server message type without
//! annotations, and every non-PING payload reads back with its serializer; a closing session
//! ignores further input and writes nothing more; back-pressure changes neither the replies
//! nor the registry changes.

#![no_main]

use labns::ns::access::{AccessPolicy, Cidr};
use labns::ns::nameserver::{Change, Journal, JournalError, NsLimits};
use labns::ns::server::{Server, ServerConfig};
use labns::ns::session::Session;
use labns::serial::{self, Limits, SerializerId};
use labns::wire::{
    self, Frame, HEADER_SIZE, MSG_CONNECTFAIL, MSG_CONNECTOK, MSG_PING, MSG_RESULT, TAG,
};
use libfuzzer_sys::fuzz_target;
use std::net::SocketAddr;

/// A journal that refuses every third record when `flaky` (what a full LMDB map does).
struct FuzzJournal {
    calls: u64,
    flaky: bool,
    changes: Vec<Change>,
}

impl Journal for FuzzJournal {
    fn record(&mut self, changes: &[Change]) -> Result<(), JournalError> {
        self.calls += 1;
        if self.flaky && self.calls.is_multiple_of(3) {
            return Err(JournalError::new("fuzz: map full"));
        }
        self.changes.extend_from_slice(changes);
        Ok(())
    }
}

/// Cut before every frame start and make each piece's lengths agree with the piece.
fn fix_lengths(stream: &[u8]) -> Vec<u8> {
    const START: [u8; 6] = [TAG[0], TAG[1], TAG[2], TAG[3], 0x01, 0xf6];
    let mut starts: Vec<usize> = stream
        .windows(START.len())
        .enumerate()
        .filter(|(_, w)| *w == START)
        .map(|(i, _)| i)
        .collect();
    starts.push(stream.len());
    let mut out = stream[..starts[0]].to_vec();
    for pair in starts.windows(2) {
        let mut piece = stream[pair[0]..pair[1]].to_vec();
        if piece.len() >= HEADER_SIZE {
            let body = (piece.len() - HEADER_SIZE) as u32;
            let ann = u32::from_be_bytes([piece[16], piece[17], piece[18], piece[19]]).min(body);
            piece[12..16].copy_from_slice(&(body - ann).to_be_bytes());
            piece[16..20].copy_from_slice(&ann.to_be_bytes());
            piece[38..40].copy_from_slice(&wire::MAGIC.to_be_bytes());
        }
        out.extend_from_slice(&piece);
    }
    out
}

/// Every byte the session wrote must be a well-formed server frame.
fn check_replies(mut out: &[u8]) {
    let generous = Limits {
        max_depth: 200,
        max_items: usize::MAX,
    };
    let types = [MSG_CONNECTOK, MSG_CONNECTFAIL, MSG_RESULT, MSG_PING];
    while !out.is_empty() {
        let h = match wire::peek_frame(out, u64::MAX, &types, "2,3,5,6") {
            Ok(Some(h)) => h,
            other => panic!("reply is not a whole frame: {other:?}"),
        };
        assert_eq!(h.annotations_len, 0);
        let total = HEADER_SIZE + h.body_len() as usize;
        let frame = Frame::parse(h, &out[HEADER_SIZE..total], 1 << 30).expect("reply parses");
        if h.msg_type == MSG_PING {
            assert_eq!(&*frame.payload, b"pong");
        } else {
            let ser = SerializerId::from_u8(h.serializer_id).expect("reply serializer is known");
            if let Err(e) = serial::decode(ser, &frame.payload, &generous) {
                panic!(
                    "reply payload does not read back: {e:?}\n{}",
                    String::from_utf8_lossy(&frame.payload)
                );
            }
        }
        out = &out[total..];
    }
}

/// The session's settings, from the config byte.
struct Setup {
    config: u8,
}

impl Setup {
    fn server(&self) -> Server {
        let config = self.config;
        let mut server_config = ServerConfig {
            compress: config & 1 != 0,
            max_message_size: if config & 4 != 0 { 2048 } else { 4 << 20 },
            ..ServerConfig::default()
        };
        if config & 16 != 0 {
            server_config.ns_limits = NsLimits {
                max_registrations: 4,
                max_name_len: 24,
                max_uri_len: 64,
                max_tag_len: 8,
                max_tags: 2,
            };
        }
        if config & 128 != 0 {
            server_config.access = AccessPolicy {
                allow_write: vec![Cidr::parse("10.0.0.0/8").expect("a valid network")],
                token: Some("fuzz-token".into()),
            };
        }
        let mut server = Server::new(
            server_config,
            "PYRO:Pyro.NameServer@127.0.0.1:9090".into(),
            "Pyro.Daemon bound on 127.0.0.1".into(),
            42,
        );
        server.ns.protect_ns_entry = config & 16 == 0;
        server
    }

    fn session(&self) -> Session {
        if self.config & 64 != 0 {
            Session::refusing()
        } else {
            Session::with_peer(SocketAddr::from(([127, 0, 0, 1], 40000)))
        }
    }
}

/// Feed `stream` in chunks the way the daemon does, draining the output after every call and
/// calling again with no data while handled frames wait; returns everything written.
fn run(setup: &Setup, stream: &[u8], sizes: &[usize], max_output: usize) -> (Vec<u8>, Vec<Change>) {
    let mut server = setup.server();
    let mut journal = FuzzJournal {
        calls: 0,
        flaky: setup.config & 8 != 0,
        changes: Vec::new(),
    };
    let mut session = setup.session();
    let mut replies = Vec::new();
    let mut out = Vec::new();
    let mut at = 0;
    let mut next = sizes.iter().cycle();
    let mut feed = |session: &mut Session, data: &[u8], replies: &mut Vec<u8>| {
        let was_closing = session.is_closing();
        session.receive(data, &mut server, &mut journal, &mut out, max_output);
        if was_closing {
            assert!(out.is_empty(), "a closing session wrote a reply");
        }
        if session.is_closing() {
            assert!(!session.has_partial_input() && !session.has_buffered_input());
        }
        replies.append(&mut out);
    };
    while at < stream.len() {
        let len = next.next().copied().unwrap_or(stream.len());
        let end = at.saturating_add(len).min(stream.len());
        feed(&mut session, &stream[at..end], &mut replies);
        while session.has_buffered_input() {
            let handled = session.frames_handled();
            feed(&mut session, &[], &mut replies);
            if session.frames_handled() == handled {
                break; // only part of a frame is left
            }
        }
        at = end;
    }
    (replies, journal.changes)
}

fuzz_target!(|data: &[u8]| {
    let Some((&config, rest)) = data.split_first() else {
        return;
    };
    let Some((&n, rest)) = rest.split_first() else {
        return;
    };
    let n = usize::from(n & 15).min(rest.len());
    let (sizes, stream) = rest.split_at(n);
    let sizes: Vec<usize> = sizes
        .iter()
        .map(|&b| 1 + usize::from(b) * usize::from(b))
        .collect();
    let fixed;
    let stream = if config & 2 != 0 {
        fixed = fix_lengths(stream);
        &fixed[..]
    } else {
        stream
    };
    let setup = Setup { config };
    let (replies, changes) = run(&setup, stream, &sizes, usize::MAX);
    check_replies(&replies);
    if config & 32 != 0 {
        // Output back-pressure only delays requests: the same replies, the same changes.
        let (held, held_changes) = run(&setup, stream, &sizes, 0);
        assert!(held == replies, "back-pressure changed the replies");
        assert_eq!(held_changes, changes, "back-pressure changed the registry");
    }
});
