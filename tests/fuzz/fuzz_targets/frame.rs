//! Frame decoder: `wire::peek_frame` + `Frame::parse` over a buffer of back-to-back frames,
//! in every connection state (before the handshake only CONNECT, afterwards INVOKE/PING, on
//! a refused connection any of them), with a generous and a tiny message-size limit.
//!
//! Properties: no panic; `peek_frame` waits (`Ok(None)`) only while the buffer is shorter than
//! what it must see before judging (6 bytes, 40 bytes, the whole frame), and a frame it
//! accepts has a valid header that `Header::parse` agrees with, a body within the limit and an
//! allowed type; `Header::emit` reproduces the header bytes (the reserved bytes 36..38 are
//! written as zero); annotations that parse account for every annotation byte; a payload that
//! parses survives `emit_frame` (plain and compressed) and a second parse unchanged.

#![no_main]

use labns::wire::{
    self, FLAGS_COMPRESSED, Frame, HEADER_SIZE, Header, MSG_CONNECT, MSG_INVOKE, MSG_PING,
};
use libfuzzer_sys::fuzz_target;

/// What a session accepts before the handshake, after it, and when refusing (over the limit).
const STATES: [(&[u8], &str); 3] = [
    (&[MSG_CONNECT], "1"),
    (&[MSG_INVOKE, MSG_PING], "4,6"),
    (&[MSG_CONNECT, MSG_INVOKE, MSG_PING], "1"),
];
const MAX_SIZES: [u64; 2] = [4 * 1024 * 1024, 64];

fn check_buffer(data: &[u8], allowed: &[u8], text: &'static str, max: u64) {
    let mut rest = data;
    loop {
        match wire::peek_frame(rest, max, allowed, text) {
            Ok(None) => {
                if let Some(head) = rest.first_chunk::<HEADER_SIZE>() {
                    let h = Header::parse(head).expect("waits only on a valid header");
                    assert!(h.body_len() <= max && allowed.contains(&h.msg_type));
                    assert!((rest.len() as u64) < HEADER_SIZE as u64 + h.body_len());
                } else if let Some(prefix) = rest.first_chunk::<6>() {
                    Header::check_prefix(prefix).expect("waits only on a valid prefix");
                }
                return;
            }
            Ok(Some(h)) => {
                let head = rest.first_chunk::<HEADER_SIZE>().expect("a whole header");
                assert_eq!(Header::parse(head), Ok(h));
                assert!(h.body_len() <= max, "accepted {} > {max}", h.body_len());
                assert!(allowed.contains(&h.msg_type));
                let mut emitted = Vec::new();
                h.emit(&mut emitted);
                let mut want = head.to_vec();
                want[36..38].fill(0);
                assert_eq!(emitted, want, "emit does not reproduce the header");

                let total = HEADER_SIZE + h.body_len() as usize;
                let body = &rest[HEADER_SIZE..total];
                check_frame(h, body, max as usize);
                rest = &rest[total..];
            }
            Err(e) => {
                let _ = e.message();
                return;
            }
        }
    }
}

fn check_frame(h: Header, body: &[u8], max_inflated: usize) {
    let Ok(frame) = Frame::parse(h, body, max_inflated) else {
        return;
    };
    let ann: usize = frame.annotations.iter().map(|(_, v)| 8 + v.len()).sum();
    assert_eq!(
        ann, h.annotations_len as usize,
        "annotation bytes unaccounted"
    );
    assert!(frame.annotations.iter().all(|(id, _)| id.is_ascii()));
    if h.flags & FLAGS_COMPRESSED == 0 {
        assert_eq!(
            &*frame.payload,
            &body[ann..],
            "plain payload is the rest of the body"
        );
    } else {
        assert!(
            frame.payload.len() <= max_inflated,
            "inflated beyond the limit"
        );
    }
    for compress in [false, true] {
        let mut out = Vec::new();
        wire::emit_frame(&mut out, h, &frame.payload, compress);
        let head = out
            .first_chunk::<HEADER_SIZE>()
            .expect("emit writes a header");
        let h2 = Header::parse(head).expect("emit writes a valid header");
        assert_eq!(
            (
                h2.msg_type,
                h2.serializer_id,
                h2.seq,
                h2.corr_id,
                h2.annotations_len
            ),
            (h.msg_type, h.serializer_id, h.seq, h.corr_id, 0)
        );
        assert_eq!(h2.flags & !FLAGS_COMPRESSED, h.flags & !FLAGS_COMPRESSED);
        assert_eq!(out.len(), HEADER_SIZE + h2.data_len as usize);
        let again =
            Frame::parse(h2, &out[HEADER_SIZE..], frame.payload.len()).expect("own frame parses");
        assert_eq!(
            again.payload, frame.payload,
            "emit_frame/parse changed the payload"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    for (allowed, text) in STATES {
        for max in MAX_SIZES {
            check_buffer(data, allowed, text, max);
        }
    }
});
