//! A helper thread for blocking host-name lookups (autoclean probes of URIs that name a host
//! instead of an IP literal), so `getaddrinfo` never stalls the event loop. Requests go in
//! through a channel; answers come back through another one and wake the loop.

use mio::Waker;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// A lookup to do: (site, probe id, host, port).
pub struct Request {
    pub site: usize,
    pub id: u64,
    pub host: String,
    pub port: u16,
}

/// A finished lookup; `addr` is None when the name does not resolve.
pub struct Answer {
    pub site: usize,
    pub id: u64,
    pub addr: Option<SocketAddr>,
}

pub struct Resolver {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
}

impl Resolver {
    /// Start the thread; it wakes the loop through `waker` after every answer and ends when
    /// the resolver is dropped.
    pub fn spawn(waker: Arc<Waker>) -> std::io::Result<Resolver> {
        let (req_tx, req_rx) = channel::<Request>();
        let (ans_tx, ans_rx) = channel::<Answer>();
        std::thread::Builder::new()
            .name("labns-resolver".into())
            .spawn(move || {
                for r in req_rx {
                    let addr = (r.host.as_str(), r.port)
                        .to_socket_addrs()
                        .ok()
                        .and_then(|mut a| a.next());
                    let answer = Answer {
                        site: r.site,
                        id: r.id,
                        addr,
                    };
                    if ans_tx.send(answer).is_err() {
                        return;
                    }
                    let _ = waker.wake();
                }
            })?;
        Ok(Resolver {
            requests: req_tx,
            answers: ans_rx,
        })
    }

    /// Queue a lookup; false if the thread is gone.
    pub fn request(&self, r: Request) -> bool {
        self.requests.send(r).is_ok()
    }

    /// Answers that arrived since the last call.
    pub fn answers(&self) -> Vec<Answer> {
        self.answers.try_iter().collect()
    }
}
