//! Frame reading and writing: `peek_frame` decides from a connection's buffered bytes whether
//! a complete frame is there (or which protocol error Python would raise first), `Frame::parse`
//! splits annotations from the payload and inflates a compressed payload, `emit_frame` writes one.

use super::{COMPRESS_THRESHOLD, FLAGS_COMPRESSED, HEADER_SIZE, Header, HeaderError};
use std::borrow::Cow;

/// Why a frame cannot be accepted. `message()` gives Python's ProtocolError text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameError {
    Header(HeaderError),
    /// Annotations + payload announced beyond the limit (checked before reading the body).
    TooLarge {
        size: u64,
        max: u64,
    },
    /// A message type not acceptable in the connection's state; `expected` as Python prints it.
    BadMsgType {
        got: u8,
        expected: &'static str,
    },
    BadAnnotations(&'static str),
    /// A FLAGS_COMPRESSED payload that is not a valid zlib stream, or inflates beyond the limit.
    BadCompression(String),
}

impl FrameError {
    pub fn message(&self) -> String {
        match self {
            FrameError::Header(h) => h.message(),
            FrameError::TooLarge { size, max } => format!("message too large ({size}, max={max})"),
            FrameError::BadMsgType { got, expected } => {
                format!("invalid msg type {got} received (expected: {expected})")
            }
            FrameError::BadAnnotations(m) => (*m).to_string(),
            FrameError::BadCompression(m) => m.clone(),
        }
    }
}

/// Look at the start of `buf` (a connection's unread bytes).
///
/// * `Ok(None)`: more bytes are needed.
/// * `Ok(Some(header))`: a whole frame of `HEADER_SIZE + header.body_len()` bytes is buffered.
/// * `Err(e)`: the error Python raises at the same point; the checks run in Python's order
///   (tag and version once 6 bytes are in, then magic, size limit and message type once the
///   header is complete), so a frame is refused before its body is waited for or stored.
pub fn peek_frame(
    buf: &[u8],
    max_message_size: u64,
    allowed_types: &[u8],
    allowed_text: &'static str,
) -> Result<Option<Header>, FrameError> {
    let Some(prefix) = buf.first_chunk::<6>() else {
        return Ok(None);
    };
    Header::check_prefix(prefix).map_err(FrameError::Header)?;
    let Some(head) = buf.first_chunk::<HEADER_SIZE>() else {
        return Ok(None);
    };
    let header = Header::parse(head).map_err(FrameError::Header)?;
    if header.body_len() > max_message_size {
        return Err(FrameError::TooLarge {
            size: header.body_len(),
            max: max_message_size,
        });
    }
    if !allowed_types.contains(&header.msg_type) {
        return Err(FrameError::BadMsgType {
            got: header.msg_type,
            expected: allowed_text,
        });
    }
    // body_len <= max_message_size, which the caller keeps well inside usize.
    let total = HEADER_SIZE as u64 + header.body_len();
    if (buf.len() as u64) < total {
        return Ok(None);
    }
    Ok(Some(header))
}

/// A complete received frame.
#[derive(Debug)]
pub struct Frame<'a> {
    pub header: Header,
    /// Annotation chunks in order (id, value). Python keeps the last of duplicate ids.
    pub annotations: Vec<([u8; 4], &'a [u8])>,
    /// The payload, inflated if it arrived compressed.
    pub payload: Cow<'a, [u8]>,
}

impl<'a> Frame<'a> {
    /// Split `body` (the `header.body_len()` bytes after the header) into annotations and
    /// payload, and inflate the payload when FLAGS_COMPRESSED is set (bounded by `max_inflated`).
    pub fn parse(
        header: Header,
        body: &'a [u8],
        max_inflated: usize,
    ) -> Result<Frame<'a>, FrameError> {
        let ann_len = header.annotations_len as usize;
        let (mut ann, data) = body
            .split_at_checked(ann_len)
            .ok_or(FrameError::BadAnnotations(
                "annotation chunk length exceeds remaining data",
            ))?;
        let mut annotations = Vec::new();
        while !ann.is_empty() {
            let Some((id, rest)) = ann.split_first_chunk::<4>() else {
                return Err(FrameError::BadAnnotations(
                    "annotation chunk length exceeds remaining data",
                ));
            };
            let Some((len, rest)) = rest.split_first_chunk::<4>() else {
                return Err(FrameError::BadAnnotations(
                    "annotation chunk length exceeds remaining data",
                ));
            };
            let len = u32::from_be_bytes(*len) as usize;
            let Some((value, rest)) = rest.split_at_checked(len) else {
                return Err(FrameError::BadAnnotations(
                    "annotation chunk length exceeds remaining data",
                ));
            };
            if !id.is_ascii() {
                return Err(FrameError::BadAnnotations("annotation id is not ascii"));
            }
            annotations.push((*id, value));
            ann = rest;
        }
        let data = &data[..data.len().min(header.data_len as usize)];
        let payload = if header.flags & FLAGS_COMPRESSED != 0 {
            Cow::Owned(decompress(data, max_inflated)?)
        } else {
            Cow::Borrowed(data)
        };
        Ok(Frame {
            header,
            annotations,
            payload,
        })
    }
}

/// Inflate a zlib stream, refusing output beyond `max` bytes.
pub fn decompress(data: &[u8], max: usize) -> Result<Vec<u8>, FrameError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, max).map_err(|e| {
        FrameError::BadCompression(match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                format!("decompressed message too large (max={max})")
            }
            _ => "Error -3 while decompressing data: invalid zlib data".to_string(),
        })
    })
}

/// Append one frame to `out`. When `compress` is set and the payload is longer than
/// [`COMPRESS_THRESHOLD`], the payload is zlib-compressed and FLAGS_COMPRESSED set (as Pyro5
/// does with COMPRESSION on); otherwise that flag is cleared.
pub fn emit_frame(out: &mut Vec<u8>, mut header: Header, payload: &[u8], compress: bool) {
    header.annotations_len = 0;
    if compress && payload.len() > COMPRESS_THRESHOLD {
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(payload, 4);
        header.flags |= FLAGS_COMPRESSED;
        header.data_len = packed.len() as u32;
        header.emit(out);
        out.extend_from_slice(&packed);
    } else {
        header.flags &= !FLAGS_COMPRESSED;
        header.data_len = payload.len() as u32;
        header.emit(out);
        out.extend_from_slice(payload);
    }
}

/// One uncompressed frame without annotations, as the Python client writes a request (flags
/// as given, zero correlation id): for clients, load generators and tests.
pub fn plain_frame(
    msg_type: u8,
    serializer_id: u8,
    flags: u16,
    seq: u16,
    payload: &[u8],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_SIZE + payload.len());
    let header = Header {
        msg_type,
        serializer_id,
        flags,
        seq,
        data_len: 0,
        annotations_len: 0,
        corr_id: [0; 16],
    };
    emit_frame(&mut out, header, payload, false);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{MSG_CONNECT, MSG_INVOKE, MSG_PING};

    fn header(msg_type: u8, data_len: u32, annotations_len: u32) -> Vec<u8> {
        let mut out = Vec::new();
        Header {
            msg_type,
            serializer_id: 1,
            flags: 0,
            seq: 7,
            data_len,
            annotations_len,
            corr_id: [0; 16],
        }
        .emit(&mut out);
        out
    }

    const READY: (&[u8], &str) = (&[MSG_INVOKE, MSG_PING], "4,6");

    #[test]
    fn needs_six_bytes_before_judging_and_then_judges_tag_and_version() {
        assert_eq!(peek_frame(b"GARBA", 100, READY.0, READY.1), Ok(None));
        assert_eq!(
            peek_frame(b"GARBAGE", 100, READY.0, READY.1),
            Err(FrameError::Header(HeaderError::InvalidData))
        );
        assert_eq!(
            peek_frame(b"PYRO\x01\xf5", 100, READY.0, READY.1)
                .unwrap_err()
                .message(),
            "invalid protocol version: 501"
        );
        assert_eq!(
            peek_frame(b"PYRO\x01\xf6\x04", 100, READY.0, READY.1),
            Ok(None)
        );
    }

    #[test]
    fn size_is_checked_before_the_body_arrives_and_type_after_size() {
        let h = header(MSG_CONNECT, 1_000_000, 1);
        assert_eq!(
            peek_frame(&h, 1_000_000, READY.0, READY.1)
                .unwrap_err()
                .message(),
            "message too large (1000001, max=1000000)"
        );
        let h = header(MSG_CONNECT, 10, 0);
        assert_eq!(
            peek_frame(&h, 100, READY.0, READY.1).unwrap_err().message(),
            "invalid msg type 1 received (expected: 4,6)"
        );
        let mut h = header(MSG_INVOKE, 3, 0);
        assert_eq!(peek_frame(&h, 100, READY.0, READY.1), Ok(None));
        h.extend_from_slice(b"abc");
        assert!(peek_frame(&h, 100, READY.0, READY.1).unwrap().is_some());
    }

    #[test]
    fn annotations_are_split_and_malformed_chunks_refused() {
        let mut body = Vec::new();
        body.extend_from_slice(b"TEST");
        body.extend_from_slice(&2u32.to_be_bytes());
        body.extend_from_slice(b"hi");
        body.extend_from_slice(b"XYZ1");
        body.extend_from_slice(&0u32.to_be_bytes());
        let ann_len = body.len() as u32;
        body.extend_from_slice(b"payload");
        let h = Header::parse(header(MSG_INVOKE, 7, ann_len).first_chunk().unwrap()).unwrap();
        let f = Frame::parse(h, &body, 100).unwrap();
        assert_eq!(f.annotations.len(), 2);
        assert_eq!(f.annotations[0], (*b"TEST", &b"hi"[..]));
        assert_eq!(&*f.payload, b"payload");

        let mut bad = Vec::new();
        bad.extend_from_slice(b"TEST");
        bad.extend_from_slice(&50u32.to_be_bytes());
        bad.extend_from_slice(b"xx");
        let h = Header::parse(
            header(MSG_INVOKE, 0, bad.len() as u32)
                .first_chunk()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            Frame::parse(h, &bad, 100).unwrap_err().message(),
            "annotation chunk length exceeds remaining data"
        );
    }

    #[test]
    fn compression_round_trips_and_bad_zlib_is_an_error() {
        let payload = vec![b'x'; 500];
        let mut out = Vec::new();
        let h = Header::parse(header(MSG_INVOKE, 0, 0).first_chunk().unwrap()).unwrap();
        emit_frame(&mut out, h, &payload, true);
        let got = Header::parse(out.first_chunk().unwrap()).unwrap();
        assert_ne!(got.flags & FLAGS_COMPRESSED, 0);
        let f = Frame::parse(got, &out[HEADER_SIZE..], 1000).unwrap();
        assert_eq!(&*f.payload, &payload[..]);
        assert!(
            Frame::parse(got, &out[HEADER_SIZE..], 100).is_err(),
            "inflate limit"
        );

        let mut bad = header(MSG_INVOKE, 4, 0);
        bad[9] = FLAGS_COMPRESSED as u8;
        let h = Header::parse(bad.first_chunk().unwrap()).unwrap();
        assert!(matches!(
            Frame::parse(h, b"nope", 100),
            Err(FrameError::BadCompression(_))
        ));
    }

    #[test]
    fn small_payloads_are_never_compressed() {
        let mut out = Vec::new();
        let mut h = Header::parse(header(MSG_INVOKE, 0, 0).first_chunk().unwrap()).unwrap();
        h.flags = FLAGS_COMPRESSED;
        emit_frame(&mut out, h, b"short", true);
        let got = Header::parse(out.first_chunk().unwrap()).unwrap();
        assert_eq!(got.flags & FLAGS_COMPRESSED, 0);
        assert_eq!(&out[HEADER_SIZE..], b"short");
    }
}
