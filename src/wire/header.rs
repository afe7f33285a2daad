//! The 40-byte Pyro5 header in the Packet/Repr style: `parse` from bytes, `emit` into bytes.

use super::{HEADER_SIZE, MAGIC, PROTOCOL_VERSION, TAG};

/// A decoded header. Unknown flag bits and message types are kept, never rejected here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub msg_type: u8,
    pub serializer_id: u8,
    pub flags: u16,
    pub seq: u16,
    pub data_len: u32,
    pub annotations_len: u32,
    pub corr_id: [u8; 16],
}

/// Header errors, with Python's `ProtocolError` texts (see [`HeaderError::message`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// The first 4 bytes are not `PYRO`.
    InvalidData,
    /// Bytes 4..6 are not 502.
    InvalidVersion(u16),
    /// Tag and version fine, magic (bytes 38..40) wrong.
    InvalidMagic,
}

impl HeaderError {
    pub fn message(&self) -> String {
        match self {
            HeaderError::InvalidData => "invalid data".into(),
            HeaderError::InvalidVersion(v) => format!("invalid protocol version: {v}"),
            HeaderError::InvalidMagic => "invalid message or protocol version".into(),
        }
    }
}

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

impl Header {
    /// Check the first 6 bytes (tag, version): what Python checks before reading the rest.
    pub fn check_prefix(prefix: &[u8; 6]) -> Result<(), HeaderError> {
        if prefix[..4] != TAG {
            return Err(HeaderError::InvalidData);
        }
        let version = be16(prefix, 4);
        if version != PROTOCOL_VERSION {
            return Err(HeaderError::InvalidVersion(version));
        }
        Ok(())
    }

    /// Parse a complete 40-byte header.
    pub fn parse(b: &[u8; HEADER_SIZE]) -> Result<Header, HeaderError> {
        let mut prefix = [0u8; 6];
        prefix.copy_from_slice(&b[..6]);
        Header::check_prefix(&prefix)?;
        if be16(b, 38) != MAGIC {
            return Err(HeaderError::InvalidMagic);
        }
        let mut corr_id = [0u8; 16];
        corr_id.copy_from_slice(&b[20..36]);
        Ok(Header {
            msg_type: b[6],
            serializer_id: b[7],
            flags: be16(b, 8),
            seq: be16(b, 10),
            data_len: be32(b, 12),
            annotations_len: be32(b, 16),
            corr_id,
        })
    }

    /// Annotations plus payload length, as Python compares it with MAX_MESSAGE_SIZE.
    pub fn body_len(&self) -> u64 {
        u64::from(self.data_len) + u64::from(self.annotations_len)
    }

    /// Append the 40 header bytes to `out`.
    pub fn emit(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&TAG);
        out.extend_from_slice(&PROTOCOL_VERSION.to_be_bytes());
        out.push(self.msg_type);
        out.push(self.serializer_id);
        out.extend_from_slice(&self.flags.to_be_bytes());
        out.extend_from_slice(&self.seq.to_be_bytes());
        out.extend_from_slice(&self.data_len.to_be_bytes());
        out.extend_from_slice(&self.annotations_len.to_be_bytes());
        out.extend_from_slice(&self.corr_id);
        out.extend_from_slice(&0u16.to_be_bytes());
        out.extend_from_slice(&MAGIC.to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn parses_and_emits_the_reference_connect_header() {
        // raw/connect_ok_serpent, wire reference 2.1
        let bytes = hex("50 59 52 4f 01 f6 01 01 00 00 00 00 00 00 00 4a 00 00 00 00
                         00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 4d c5");
        let arr: [u8; 40] = bytes.clone().try_into().unwrap();
        let h = Header::parse(&arr).unwrap();
        assert_eq!(h.msg_type, 1);
        assert_eq!(h.serializer_id, 1);
        assert_eq!(h.data_len, 0x4a);
        assert_eq!(h.annotations_len, 0);
        let mut out = Vec::new();
        h.emit(&mut out);
        assert_eq!(out, bytes);
    }

    #[test]
    fn header_errors_carry_python_texts() {
        let mut b = [0u8; 40];
        b[..4].copy_from_slice(b"PYRO");
        b[4..6].copy_from_slice(&501u16.to_be_bytes());
        assert_eq!(
            Header::parse(&b).unwrap_err().message(),
            "invalid protocol version: 501"
        );
        b[4..6].copy_from_slice(&502u16.to_be_bytes());
        assert_eq!(
            Header::parse(&b).unwrap_err().message(),
            "invalid message or protocol version"
        );
        b[0] = b'X';
        assert_eq!(Header::parse(&b).unwrap_err(), HeaderError::InvalidData);
    }
}
