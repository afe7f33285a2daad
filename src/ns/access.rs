//! Who may write, beyond what Pyro5 offers (off by default, so plain Pyro5 setups keep
//! working): an allow-list of client networks for register/remove/set_metadata, and a shared
//! handshake token. Pure data and checks; the session and dispatch apply them.

use std::fmt;
use std::net::IpAddr;

/// An IPv4 or IPv6 network (`10.0.0.0/8`, `192.168.1.5`, `::1/128`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Parse `ADDR[/PREFIX]`; a bare address is a single host.
    pub fn parse(text: &str) -> Result<Cidr, String> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .map_err(|_| format!("invalid network '{text}': expected ADDRESS[/PREFIX]"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix =
            match prefix {
                None => max,
                Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(|| {
                    format!("invalid prefix length in '{text}': expected 0-{max}")
                })?,
            };
        Ok(Cidr { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, what a dual-stack socket reports) is its
/// IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The access rules of one name server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessPolicy {
    /// Networks allowed to register/remove/set_metadata; empty = everyone (Pyro5).
    pub allow_write: Vec<Cidr>,
    /// When set, a CONNECT must carry exactly this handshake value (`proxy._pyroHandshake`).
    pub token: Option<String>,
}

impl AccessPolicy {
    /// Whether a client at `peer` may change the registry (unknown peers only without rules).
    pub fn may_write(&self, peer: Option<IpAddr>) -> bool {
        self.allow_write.is_empty()
            || peer.is_some_and(|ip| self.allow_write.iter().any(|c| c.contains(ip)))
    }

    /// Whether a handshake value is accepted: anything without a token, else exactly it
    /// (compared without an early exit, so timing tells nothing about the token).
    pub fn handshake_ok(&self, value: Option<&str>) -> bool {
        match (&self.token, value) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(token), Some(given)) => {
                let (a, b) = (token.as_bytes(), given.as_bytes());
                let mut diff = a.len() ^ b.len();
                for i in 0..a.len().max(b.len()) {
                    diff |= usize::from(
                        a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0),
                    );
                }
                diff == 0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn cidr_membership() {
        let cases = [
            ("10.0.0.0/8", "10.200.3.4", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("127.0.0.1", "127.0.0.1", true),
            ("127.0.0.1", "127.0.0.2", false),
            ("0.0.0.0/0", "203.0.113.9", true),
            ("192.168.1.0/24", "::ffff:192.168.1.77", true),
            ("::1", "::1", true),
            ("::1/128", "127.0.0.1", false),
            ("fe80::/10", "fe80::1", true),
            ("[::]/0", "2001:db8::1", true),
        ];
        for (net, addr, want) in cases {
            assert_eq!(
                Cidr::parse(net).unwrap().contains(ip(addr)),
                want,
                "{net} {addr}"
            );
        }
    }

    #[test]
    fn cidr_errors() {
        for bad in [
            "",
            "10.0.0.0/33",
            "::1/129",
            "host.example",
            "10.0.0.0/x",
            "1.2.3",
        ] {
            assert!(Cidr::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn write_policy_and_token() {
        let open = AccessPolicy::default();
        assert!(open.may_write(None));
        assert!(open.may_write(Some(ip("8.8.8.8"))));
        let lab = AccessPolicy {
            allow_write: vec![Cidr::parse("127.0.0.1").unwrap()],
            token: Some("s3cret".into()),
        };
        assert!(lab.may_write(Some(ip("127.0.0.1"))));
        assert!(!lab.may_write(Some(ip("127.0.0.2"))));
        assert!(!lab.may_write(None));
        assert!(lab.handshake_ok(Some("s3cret")));
        for wrong in [
            None,
            Some("hello"),
            Some("s3cre"),
            Some("s3cret!"),
            Some(""),
        ] {
            assert!(!lab.handshake_ok(wrong), "{wrong:?}");
        }
        assert!(open.handshake_ok(Some("hello")));
    }
}
