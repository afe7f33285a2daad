//! The UDP broadcast responder's protocol (wire reference section 13): which datagrams are
//! requests, and the reply text. The daemon owns the socket and finds the local address that
//! faces a requester; this module only decides bytes.

use std::net::IpAddr;

/// The one request the responder answers.
pub const REQUEST: &[u8] = b"GET_NSURI";

/// Python reads at most 100 bytes of a datagram; anything but exactly `GET_NSURI` is ignored.
pub fn is_request(datagram: &[u8]) -> bool {
    datagram == REQUEST
}

/// The reply to a `GET_NSURI`: the name server URI, ISO-8859-1 encoded. When the URI's host is
/// `0.0.0.0`, it is replaced by `facing` (the local address that routes to the requester).
pub fn reply(ns_uri: &str, facing: Option<IpAddr>) -> Vec<u8> {
    let text = match (facing, ns_uri.split_once("@0.0.0.0:")) {
        (Some(ip), Some((head, port))) => match ip {
            IpAddr::V4(v4) => format!("{head}@{v4}:{port}"),
            IpAddr::V6(v6) => format!("{head}@[{v6}]:{port}"),
        },
        _ => ns_uri.to_string(),
    };
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

/// Whether a URI's location needs the facing address substituted.
pub fn needs_facing_address(ns_uri: &str) -> bool {
    ns_uri.contains("@0.0.0.0:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_request_is_answered() {
        assert!(is_request(b"GET_NSURI"));
        for other in [
            &b"GET_NSURI\n"[..],
            b"get_nsuri",
            b"",
            b"GET_NSUR",
            b"GET_NSURIX",
        ] {
            assert!(!is_request(other), "{other:?}");
        }
    }

    #[test]
    fn inaddr_any_is_replaced_by_the_facing_address() {
        let uri = "PYRO:Pyro.NameServer@0.0.0.0:39090";
        assert!(needs_facing_address(uri));
        assert_eq!(
            reply(uri, Some("192.168.1.20".parse().unwrap())),
            b"PYRO:Pyro.NameServer@192.168.1.20:39090"
        );
        assert_eq!(reply(uri, None), uri.as_bytes());
        let plain = "PYRO:Pyro.NameServer@127.0.0.1:39090";
        assert_eq!(
            reply(plain, Some("10.0.0.1".parse().unwrap())),
            plain.as_bytes()
        );
    }
}
