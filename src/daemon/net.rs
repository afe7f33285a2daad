//! Socket set-up the event loop needs and std/mio do not offer: host resolution the way Pyro5
//! does it, the open-file limit, keep-alive, and the local address that faces a peer.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs, UdpSocket};

/// Resolve `host` like Pyro5: an empty host means all IPv4 interfaces; a name takes the first
/// `getaddrinfo` result only (so `localhost` binds whichever address the resolver lists first).
pub fn resolve(host: &str, port: u16) -> io::Result<SocketAddr> {
    if host.is_empty() {
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), port));
    }
    if host == "public" {
        let ip = public_ipv4().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::AddrNotAvailable,
                "no up, non-loopback IPv4 interface for host 'public'",
            )
        })?;
        return Ok(SocketAddr::new(IpAddr::V4(ip), port));
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if let Ok(ip) = bare.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, port));
    }
    (bare, port)
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no address found"))
}

/// The address of the first up, non-loopback IPv4 interface (PyroLab's `host: public`),
/// read from the interface list, so it works without a default route.
pub fn public_ipv4() -> Option<Ipv4Addr> {
    let mut addrs: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `addrs` with a list we only read and then free exactly once.
    unsafe {
        if libc::getifaddrs(&mut addrs) != 0 {
            return None;
        }
        let mut found = None;
        let mut cur = addrs;
        while !cur.is_null() {
            let ifa = &*cur;
            let up = ifa.ifa_flags & (libc::IFF_UP as libc::c_uint) != 0;
            let loopback = ifa.ifa_flags & (libc::IFF_LOOPBACK as libc::c_uint) != 0;
            if up
                && !loopback
                && !ifa.ifa_addr.is_null()
                && i32::from((*ifa.ifa_addr).sa_family) == libc::AF_INET
            {
                let sin = &*(ifa.ifa_addr as *const libc::sockaddr_in);
                found = Some(Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)));
                break;
            }
            cur = ifa.ifa_next;
        }
        libc::freeifaddrs(addrs);
        found
    }
}

/// Tell systemd (a `Type=notify` unit) our state, e.g. `READY=1`: one datagram to the
/// `NOTIFY_SOCKET` path (a leading `@` names an abstract socket). No-op errors are returned.
pub fn notify_systemd(socket: &str, state: &str) -> io::Result<()> {
    use std::os::linux::net::SocketAddrExt;
    use std::os::unix::net::{SocketAddr as UnixAddr, UnixDatagram};
    let addr = match socket.strip_prefix('@') {
        Some(name) => UnixAddr::from_abstract_name(name.as_bytes())?,
        None => UnixAddr::from_pathname(socket)?,
    };
    let sock = UnixDatagram::unbound()?;
    sock.send_to_addr(state.as_bytes(), &addr)?;
    Ok(())
}

/// Pyro's location string: the host as given (IPv6 literals in brackets) and the port.
pub fn location(host: &str, bound: SocketAddr) -> String {
    let host = if host.is_empty() {
        bound.ip().to_string()
    } else {
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_string()
    };
    if host.contains(':') {
        format!("[{host}]:{}", bound.port())
    } else {
        format!("{host}:{}", bound.port())
    }
}

/// Raise the soft open-file limit to the hard limit; returns the new soft limit.
pub fn raise_nofile_limit() -> io::Result<u64> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read/write the struct we pass, which lives on our stack.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return Err(io::Error::last_os_error());
        }
        if lim.rlim_cur < lim.rlim_max {
            let wanted = libc::rlimit {
                rlim_cur: lim.rlim_max,
                rlim_max: lim.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &wanted) != 0 {
                return Err(io::Error::last_os_error());
            }
            lim = wanted;
        }
    }
    // rlim_t is 32 bits wide on 32-bit ARM, 64 bits elsewhere.
    #[allow(clippy::unnecessary_cast)]
    Ok(lim.rlim_cur as u64)
}

/// Listen with a deep accept queue: mio listens with 128, and a burst of more simultaneous
/// connects than that makes the kernel drop SYNs (the clients retry only after 1, 3, 7 s).
/// Calling `listen` again on a listening socket only changes its backlog.
pub fn deepen_backlog(fd: std::os::fd::RawFd) {
    // SAFETY: listen on a valid listening socket only adjusts the queue length; on error the
    // old backlog stays, which is acceptable.
    unsafe {
        libc::listen(fd, 4096);
    }
}

/// Turn on SO_KEEPALIVE (Pyro5 does, so dead peers eventually free their connection).
pub fn set_keepalive(fd: std::os::fd::RawFd) {
    let on: libc::c_int = 1;
    // SAFETY: setsockopt reads `size_of::<c_int>()` bytes from a live local; a bad fd only
    // makes the call fail, which we ignore (keep-alive is best effort).
    unsafe {
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_KEEPALIVE,
            (&on as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}

/// The local address that routes to `peer` (connect a UDP socket, read its local address;
/// no packet is sent), as Pyro5's broadcast responder does.
pub fn facing_address(peer: SocketAddr) -> Option<IpAddr> {
    let any: SocketAddr = match peer {
        SocketAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
        SocketAddr::V6(_) => (std::net::Ipv6Addr::UNSPECIFIED, 0).into(),
    };
    let sock = UdpSocket::bind(any).ok()?;
    sock.connect((peer.ip(), 53)).ok()?;
    sock.local_addr().ok().map(|a| a.ip())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_follows_pyro() {
        let v4: SocketAddr = "127.0.0.1:9090".parse().unwrap();
        let v6: SocketAddr = "[::1]:9090".parse().unwrap();
        assert_eq!(location("localhost", v4), "localhost:9090");
        assert_eq!(location("127.0.0.1", v4), "127.0.0.1:9090");
        assert_eq!(location("::1", v6), "[::1]:9090");
        assert_eq!(location("[::1]", v6), "[::1]:9090");
        assert_eq!(
            location("", "0.0.0.0:9090".parse().unwrap()),
            "0.0.0.0:9090"
        );
    }

    #[test]
    fn resolve_literals_without_dns() {
        assert_eq!(
            resolve("127.0.0.1", 1).unwrap(),
            "127.0.0.1:1".parse().unwrap()
        );
        assert_eq!(resolve("::1", 2).unwrap(), "[::1]:2".parse().unwrap());
        assert_eq!(resolve("", 3).unwrap(), "0.0.0.0:3".parse().unwrap());
    }
}
