//! Persistent storage (`lmdb[:PATH]`, also for the `sql` and `dbm` spellings): the registry in
//! an LMDB environment, through heed. The only heed/LMDB code of labns.
//!
//! Owns the store directory: its exclusive lock (`labns.lock`, holding the owner's pid), the
//! LMDB files (`data.mdb`, `lock.mdb`), the on-disk format, and one write transaction per loop
//! turn. Must not know about sockets, sessions or the Pyro protocol: it reads and writes
//! [`Entry`]s and applies [`Change`]s.
//!
//! How the daemon uses it:
//! * [`Store::open`] once at start (after daemonizing: an LMDB environment must not cross a
//!   `fork`), then [`Store::load`] into the registry, then rewrite the `Pyro.NameServer` entry
//!   for the new address in memory. The store never persists that entry (puts and deletes of
//!   it are skipped, a stored one is ignored by `load`), so a restart always shows the new one.
//! * Each loop turn: [`Store::journal`] (no LMDB call yet), pass it as the [`Journal`] of every
//!   request of the turn, then [`StoreJournal::commit`] before any reply of the turn is sent.
//!   The first recorded change begins the turn's write transaction; `commit` writes and
//!   fsyncs it once (LMDB's default durability, no `NOSYNC` flags): group commit.
//!
//! Durability and a full map: every call's changes go into a nested transaction (an LMDB
//! savepoint) inside the turn's transaction. When they do not fit (`MDB_MAP_FULL`, which makes
//! the failing transaction unusable), only that nested transaction is aborted: that call fails
//! with a clear "storage full" [`JournalError`], the changes recorded earlier in the turn stay,
//! and reads go on. Each call must also leave [`HEADROOM_PAGES`] pages free (probed in a
//! further nested transaction that is always aborted), so that the commit, which needs a few
//! pages for LMDB's free list, does not run out of map. A commit can still fail (disk full,
//! I/O error): then nothing of the turn is stored and the daemon must not send the turn's
//! replies (see [`StoreJournal::commit`]).
//!
//! Format (version 1): two named databases. `labns-meta` holds `format` = `"1"` and
//! `next-seq` (u64 LE). `labns-names` maps a name key to an entry value. The name key is
//! `b'n'` + the UTF-8 name when that fits LMDB's 511-byte key limit (and makes the empty name a
//! non-empty key); a longer name is `b'h'` + its first 494 bytes + a 128-bit FNV-1a hash, and
//! since the value holds the full name, a hash collision is detected and refused, never
//! merged. The value: version byte (1), flags byte (bit 0: metadata was `None`), insertion
//! sequence number (u64 LE, kept on re-registration, so the order survives restarts), then the
//! name, the URI and the tags, each string as a u32 LE length + UTF-8 bytes, the tags preceded
//! by their u32 LE count. Decoding checks every length against the bytes left and rejects
//! trailing bytes; a value that does not decode makes `load` fail naming its key.

use crate::ns::nameserver::{Change, Journal, JournalError, NAMESERVER_NAME};
use crate::ns::registry::Entry;
use heed::types::Bytes;
use heed::{CommitOrAbort, Database, Env, EnvOpenOptions, MdbError, RoTxn, RwTxn};
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

/// The default LMDB map size. LMDB reserves this much address space (not disk: the data file
/// grows with the data), so 32-bit targets get a modest 64 MiB and 64-bit ones 1 GiB. A
/// typical entry (a 20-byte name, a 60-byte URI, one tag) takes about 200 bytes of map, so
/// 64 MiB hold some 300,000 of them.
pub const DEFAULT_MAP_SIZE: u64 = if cfg!(target_pointer_width = "32") {
    64 << 20
} else {
    1 << 30
};

/// The smallest map size accepted.
pub const MIN_MAP_SIZE: u64 = 256 << 10;

/// Pages every call must leave free in the map, for the commit's own bookkeeping.
pub const HEADROOM_PAGES: usize = 16;

/// Map sizes are rounded up to this, a multiple of every common OS page size.
const MAP_SIZE_GRANULE: u64 = 64 << 10;

const LOCK_FILE: &str = "labns.lock";
const DATA_FILE: &str = "data.mdb";
const LMDB_LOCK_FILE: &str = "lock.mdb";
const META_DB: &str = "labns-meta";
const NAMES_DB: &str = "labns-names";
const KEY_FORMAT: &[u8] = b"format";
const KEY_NEXT_SEQ: &[u8] = b"next-seq";
/// Keys of the headroom probe's values (in a transaction that is always aborted).
const PROBE_KEY_PREFIX: &[u8] = b"\xffprobe-";
const FORMAT_VERSION: &[u8] = b"1";
const ENTRY_VERSION: u8 = 1;
/// Format 1 marked entries registered with `metadata=None`; labns no longer distinguishes them
/// (every tag collection is answered as a set), so the bit is accepted and ignored.
const FLAG_META_NONE: u8 = 1;
/// LMDB's default maximum key size.
const MAX_KEY: usize = 511;
const KEY_HASH_LEN: usize = 16;

type Db = Database<'static, Bytes, Bytes>;

/// Why the store could not be opened, read or committed. `Display` gives one line.
#[derive(Debug)]
pub enum StoreError {
    /// Another process (or another `Store` in this one) holds the store's lock.
    InUse { path: PathBuf, pid: Option<u32> },
    /// The directory, the lock file or the data file could not be created, opened or read.
    Io {
        path: PathBuf,
        action: &'static str,
        error: io::Error,
    },
    /// The files are not a readable labns store; nothing was changed.
    Corrupt { path: PathBuf, detail: String },
    /// The store path is an existing file (a store is a directory); nothing was changed.
    NotADirectory { path: PathBuf },
    /// An LMDB operation failed (opening, reading, committing: disk full, I/O error, ...).
    Lmdb {
        path: PathBuf,
        action: &'static str,
        error: heed::Error,
    },
    /// The configured map size cannot be used.
    MapSize { size: u64, detail: &'static str },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::InUse {
                path,
                pid: Some(pid),
            } => write!(
                f,
                "store {} is in use by another labns process (pid {pid})",
                path.display()
            ),
            StoreError::InUse { path, pid: None } => write!(
                f,
                "store {} is in use by another labns process",
                path.display()
            ),
            StoreError::Io {
                path,
                action,
                error,
            } => write!(f, "cannot {action} {}: {error}", path.display()),
            StoreError::Corrupt { path, detail } => write!(
                f,
                "store {} is corrupt or not a labns store: {detail}",
                path.display()
            ),
            StoreError::NotADirectory { path } => write!(
                f,
                "store {} is a file: labns keeps an LMDB store in a directory of its own (give a directory path)",
                path.display()
            ),
            StoreError::Lmdb {
                path,
                action,
                error,
            } => write!(f, "store {}: {action} failed: {error}", path.display()),
            StoreError::MapSize { size, detail } => {
                write!(f, "invalid LMDB map size {size}: {detail}")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// Where a `sql:PATH` or `dbm:PATH` store lives when PATH is an existing file: most likely
/// Pyro5's (or PyroLab's) own sqlite or dbm store, which labns neither reads nor writes
/// (DECISIONS.md 2). labns keeps its LMDB store beside it, in the directory `PATH.lmdb`, so
/// that a lab's configuration file works unchanged and the old file stays as it was. `None`
/// when PATH is not a regular file (a directory, missing, or unreadable: [`Store::open`]
/// decides), and for LMDB's own data and lock files, which a store path must never be.
pub fn beside_foreign_file(path: &Path) -> Option<PathBuf> {
    let meta = fs::metadata(path).ok()?;
    let name = path.file_name()?;
    if !meta.is_file() || name == DATA_FILE || name == LMDB_LOCK_FILE || name == LOCK_FILE {
        return None;
    }
    let mut beside = name.to_os_string();
    beside.push(".lmdb");
    Some(path.with_file_name(beside))
}

/// An open, locked store. Dropping it closes the environment and releases the lock.
pub struct Store {
    // Field order is drop order: the environment closes before the lock is released.
    env: Env,
    names: Db,
    meta: Db,
    path: PathBuf,
    map_size: u64,
    /// One overflow page worth of bytes, the unit of the headroom probe.
    probe_value: Vec<u8>,
    _lock: File,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("map_size", &self.map_size)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Open the store in directory `path`, creating the directory and an empty store when they
    /// are missing. `map_size` is rounded up to a multiple of 64 KiB. Refuses, without changing
    /// anything, a store locked by another process and files that are unreadable, truncated,
    /// corrupt or not a labns store.
    pub fn open(path: &Path, map_size: u64) -> Result<Store, StoreError> {
        let map_size = checked_map_size(map_size)?;
        let map_bytes = usize::try_from(map_size).map_err(|_| StoreError::MapSize {
            size: map_size,
            detail: "larger than this platform's address space",
        })?;
        let io = |action, path: &Path| {
            let path = path.to_path_buf();
            move |error| StoreError::Io {
                path,
                action,
                error,
            }
        };
        if fs::metadata(path).is_ok_and(|m| !m.is_dir()) {
            return Err(StoreError::NotADirectory {
                path: path.to_path_buf(),
            });
        }
        fs::create_dir_all(path).map_err(io("create store directory", path))?;
        let lock = lock_store(path)?;

        let data = path.join(DATA_FILE);
        // LMDB's own error would not say which of its files is wrong.
        for file in [DATA_FILE, LMDB_LOCK_FILE] {
            let p = path.join(file);
            if let Ok(meta) = fs::symlink_metadata(&p)
                && !meta.is_file()
            {
                return Err(corrupt(
                    path,
                    format!("{} is not a regular file", p.display()),
                ));
            }
        }
        match fs::metadata(&data) {
            Ok(meta) if meta.len() == 0 => {
                return Err(corrupt(path, format!("{DATA_FILE} is empty (truncated?)")));
            }
            Ok(_) => {
                // LMDB would report this too, less clearly.
                File::open(&data).map_err(io("read", &data))?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io("read", &data)(e)),
        }

        // A store that grew past the configured map size (the setting was lowered) would load
        // but refuse every write, even a remove: give it room beyond its data instead.
        let existing = fs::metadata(&data).map(|m| m.len()).unwrap_or(0);
        let map_bytes = if existing >= map_size {
            let grown = checked_map_size(existing + existing / 4 + (1 << 20))?;
            log::warn!(
                "store {} holds {} bytes, more than the map size {}: using a map of {}",
                path.display(),
                existing,
                show_size(map_size),
                show_size(grown)
            );
            usize::try_from(grown).unwrap_or(map_bytes)
        } else {
            map_bytes
        };
        let map_size = map_bytes as u64;
        let mut options = EnvOpenOptions::new();
        options.map_size(map_bytes).max_dbs(2);
        // SAFETY: LMDB maps data.mdb; heed requires that nothing else modifies that file while
        // it is mapped. The exclusive lock taken above keeps a second labns away, and labns
        // itself touches the file only through this environment.
        let env = unsafe { options.open(path) }.map_err(|e| match e {
            heed::Error::Mdb(e) if is_corruption(&e) => corrupt(path, e.to_string()),
            heed::Error::Io(error) => StoreError::Io {
                path: path.to_path_buf(),
                action: "open the LMDB environment in",
                error,
            },
            heed::Error::EnvAlreadyOpened => StoreError::InUse {
                path: path.to_path_buf(),
                pid: Some(std::process::id()),
            },
            error => StoreError::Lmdb {
                path: path.to_path_buf(),
                action: "open",
                error,
            },
        })?;
        if env.max_key_size() < MAX_KEY {
            return Err(StoreError::Lmdb {
                path: path.to_path_buf(),
                action: "open",
                error: heed::Error::Mdb(MdbError::BadValSize),
            });
        }

        // A data file cut short past its meta pages would make LMDB fault (SIGBUS) on the
        // first read of a missing page: check before any read.
        let info = env.info();
        let stat = env.unnamed_database_stat();
        let page_size = stat.page_size as usize;
        let needed = (info.last_page_number as u64 + 1) * u64::from(stat.page_size);
        let actual = fs::metadata(&data).map_err(io("read", &data))?.len();
        if actual < needed {
            return Err(corrupt(
                path,
                format!("{DATA_FILE} has {actual} bytes, its pages need {needed} (truncated?)"),
            ));
        }
        // Reader slots of a killed process would pin old pages forever.
        let _ = env.clear_stale_readers();

        let lmdb = |action| {
            move |error| match error {
                heed::Error::Mdb(e) if is_corruption(&e) => corrupt(path, e.to_string()),
                error => StoreError::Lmdb {
                    path: path.to_path_buf(),
                    action,
                    error,
                },
            }
        };
        // Only an environment that never got past its two meta pages is new; anything else
        // without our databases is someone else's data and is left alone.
        let fresh = stat.entries == 0 && info.last_page_number <= 1;
        let (meta, names) = if fresh {
            // Create the format in one commit.
            let wtxn = env.write_txn().map_err(lmdb("initialize"))?;
            let created: CommitOrAbort<(Db, Db), ()> = env
                .create_databases_and_commit(wtxn, |dbo, wtxn| {
                    let meta = dbo.create_database::<Bytes, Bytes>(wtxn, Some(META_DB))?;
                    let names = dbo.create_database::<Bytes, Bytes>(wtxn, Some(NAMES_DB))?;
                    meta.put(wtxn, KEY_FORMAT, FORMAT_VERSION)?;
                    meta.put(wtxn, KEY_NEXT_SEQ, &0u64.to_le_bytes())?;
                    Ok::<_, heed::Error>(CommitOrAbort::Commit((meta, names)))
                })
                .map_err(lmdb("initialize"))?;
            created.unwrap_commit()
        } else {
            let rtxn = env.read_txn().map_err(lmdb("read"))?;
            let opened: CommitOrAbort<(Option<Db>, Option<Db>), ()> = env
                .open_databases_and_commit(rtxn, |dbo, rtxn| {
                    let meta = dbo.open_database::<Bytes, Bytes>(rtxn, Some(META_DB))?;
                    let names = dbo.open_database::<Bytes, Bytes>(rtxn, Some(NAMES_DB))?;
                    Ok::<_, heed::Error>(CommitOrAbort::Commit((meta, names)))
                })
                .map_err(|e| match e {
                    // A key of the main database that is not a database.
                    heed::Error::Mdb(MdbError::Incompatible) => {
                        corrupt(path, format!("no {META_DB} database"))
                    }
                    e => lmdb("read")(e),
                })?;
            match opened.unwrap_commit() {
                (Some(meta), Some(names)) => (meta, names),
                (None, _) => return Err(corrupt(path, format!("no {META_DB} database"))),
                (_, None) => return Err(corrupt(path, format!("no {NAMES_DB} database"))),
            }
        };

        let store = Store {
            env,
            names,
            meta,
            path: path.to_path_buf(),
            map_size,
            probe_value: vec![0; page_size / 2 + 64],
            _lock: lock,
        };
        let rtxn = store.env.read_txn().map_err(lmdb("read"))?;
        match store.meta.get(&rtxn, KEY_FORMAT).map_err(lmdb("read"))? {
            Some(FORMAT_VERSION) => {}
            Some(other) => {
                return Err(corrupt(
                    path,
                    format!(
                        "unsupported format version {:?} (this labns reads version 1)",
                        String::from_utf8_lossy(other)
                    ),
                ));
            }
            None => return Err(corrupt(path, "no format version".to_string())),
        }
        read_next_seq(&store.meta, &rtxn).map_err(|e| store.read_error(e))?;
        drop(rtxn);
        Ok(store)
    }

    /// The store directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The map size in use (the requested one rounded up).
    pub fn map_size(&self) -> u64 {
        self.map_size
    }

    /// Every stored registration in insertion order. The `Pyro.NameServer` entry is never
    /// stored (an old one would be skipped). A value that does not decode is an error naming
    /// its key.
    pub fn load(&self) -> Result<Vec<(String, Entry)>, StoreError> {
        let rtxn = self.env.read_txn().map_err(|e| self.read_error(e))?;
        let next_seq = read_next_seq(&self.meta, &rtxn).map_err(|e| self.read_error(e))?;
        let mut found: Vec<StoredEntry> = Vec::new();
        for item in self.names.iter(&rtxn).map_err(|e| self.read_error(e))? {
            let (key, value) = item.map_err(|e| self.read_error(e))?;
            let stored = decode_entry(value)
                .map_err(|why| corrupt(&self.path, format!("entry {}: {why}", show_key(key))))?;
            if name_key(&stored.name) != key {
                return Err(corrupt(
                    &self.path,
                    format!("entry {} holds another name", show_key(key)),
                ));
            }
            if stored.seq >= next_seq {
                return Err(corrupt(
                    &self.path,
                    format!("entry {}: sequence number past next-seq", show_key(key)),
                ));
            }
            if stored.name != NAMESERVER_NAME {
                found.push(stored);
            }
        }
        found.sort_by_key(|s| s.seq);
        if let Some(pair) = found.windows(2).find(|w| w[0].seq == w[1].seq) {
            return Err(corrupt(
                &self.path,
                format!(
                    "entries {:?} and {:?} share a sequence number",
                    pair[0].name, pair[1].name
                ),
            ));
        }
        Ok(found.into_iter().map(|s| (s.name, s.entry)).collect())
    }

    /// The journal of one loop turn. Cheap: the write transaction begins at the first change.
    pub fn journal(&self) -> StoreJournal<'_> {
        StoreJournal {
            store: self,
            txn: None,
            next_seq: 0,
            recorded: 0,
            broken: None,
        }
    }

    fn read_error(&self, error: heed::Error) -> StoreError {
        match error {
            heed::Error::Mdb(e) if is_corruption(&e) => corrupt(&self.path, e.to_string()),
            heed::Error::Decoding(e) => corrupt(&self.path, e.to_string()),
            error => StoreError::Lmdb {
                path: self.path.clone(),
                action: "read",
                error,
            },
        }
    }

    fn full_message(&self) -> String {
        format!(
            "storage full: cannot store more registrations (LMDB map size {} reached)",
            show_size(self.map_size)
        )
    }
}

/// The changes of one loop turn, inside one LMDB write transaction. Dropping it without
/// [`StoreJournal::commit`] discards them.
pub struct StoreJournal<'s> {
    store: &'s Store,
    txn: Option<RwTxn<'s>>,
    /// The next insertion sequence number (valid while `txn` is open).
    next_seq: u64,
    recorded: usize,
    /// The turn's transaction failed as a whole (it can only be aborted).
    broken: Option<String>,
}

impl StoreJournal<'_> {
    /// The number of changes recorded in this turn (the `Pyro.NameServer` entry's excluded).
    pub fn len(&self) -> usize {
        self.recorded
    }

    pub fn is_empty(&self) -> bool {
        self.recorded == 0
    }

    /// Make the turn's changes durable (written and fsynced) before the turn's replies are
    /// sent; returns the number of changes. Without changes this does nothing. On `Err`
    /// nothing of the turn is stored: the daemon must not send the turn's replies (close the
    /// connections that got one) and should reload the registry with [`Store::load`].
    pub fn commit(self) -> Result<usize, StoreError> {
        let path = &self.store.path;
        if let Some(detail) = self.broken {
            return Err(StoreError::Lmdb {
                path: path.clone(),
                action: "commit",
                error: heed::Error::Io(io::Error::other(detail)),
            });
        }
        match self.txn {
            None => Ok(0),
            Some(txn) => txn
                .commit()
                .map(|()| self.recorded)
                .map_err(|error| StoreError::Lmdb {
                    path: path.clone(),
                    action: "commit",
                    error,
                }),
        }
    }

    fn refuse(&self, error: &heed::Error) -> JournalError {
        match error {
            heed::Error::Mdb(MdbError::MapFull) => JournalError::new(self.store.full_message()),
            error => JournalError::new(format!("storage error: {error}")),
        }
    }
}

impl Journal for StoreJournal<'_> {
    fn record(&mut self, changes: &[Change]) -> Result<(), JournalError> {
        let changes: Vec<&Change> = changes
            .iter()
            .filter(|c| change_name(c) != NAMESERVER_NAME)
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        if let Some(detail) = &self.broken {
            return Err(JournalError::new(format!("storage error: {detail}")));
        }
        let store = self.store;
        if self.txn.is_none() {
            let txn = store.env.write_txn().map_err(|e| self.refuse(&e))?;
            self.next_seq = read_next_seq(&store.meta, &txn).map_err(|e| self.refuse(&e))?;
            self.txn = Some(txn);
        }
        let Some(parent) = self.txn.as_mut() else {
            return Err(JournalError::new("storage error: no transaction"));
        };
        // The savepoint: a failure (MDB_MAP_FULL makes the failing txn unusable) aborts only
        // this call's nested transaction and leaves the turn's earlier changes in `parent`.
        let mut child = store
            .env
            .nested_write_txn(parent)
            .map_err(|e| JournalError::new(format!("storage error: {e}")))?;
        let mut next_seq = self.next_seq;
        let applied = apply_changes(store, &mut child, &changes, &mut next_seq)
            .and_then(|()| probe_headroom(store, &mut child).map_err(ApplyError::Lmdb));
        match applied {
            Ok(()) => {}
            Err(ApplyError::Lmdb(e)) => {
                child.abort();
                return Err(match e {
                    heed::Error::Mdb(MdbError::MapFull) => JournalError::new(store.full_message()),
                    e => JournalError::new(format!("storage error: {e}")),
                });
            }
            Err(ApplyError::Refused(message)) => {
                child.abort();
                return Err(JournalError::new(message));
            }
        }
        if let Err(e) = child.commit() {
            // LMDB may have flagged the parent too: the turn can only be aborted now.
            let detail = format!("merging a nested transaction failed: {e}");
            self.broken = Some(detail.clone());
            return Err(JournalError::new(format!("storage error: {detail}")));
        }
        self.next_seq = next_seq;
        self.recorded += changes.len();
        Ok(())
    }
}

enum ApplyError {
    Lmdb(heed::Error),
    /// The change cannot be stored (a clear message for the client).
    Refused(String),
}

impl From<heed::Error> for ApplyError {
    fn from(e: heed::Error) -> ApplyError {
        ApplyError::Lmdb(e)
    }
}

fn change_name(change: &Change) -> &str {
    match change {
        Change::Put { name, .. } | Change::Delete { name } => name,
    }
}

fn apply_changes(
    store: &Store,
    txn: &mut RwTxn<'_>,
    changes: &[&Change],
    next_seq: &mut u64,
) -> Result<(), ApplyError> {
    let first_seq = *next_seq;
    for change in changes {
        let name = change_name(change);
        let key = name_key(name);
        let old_seq = match store.names.get(txn, &key)? {
            None => None,
            Some(old) => {
                let old = decode_entry(old).map_err(|why| {
                    ApplyError::Refused(format!(
                        "storage error: stored entry {} is unreadable: {why}",
                        show_key(&key)
                    ))
                })?;
                if old.name != name {
                    return Err(ApplyError::Refused(format!(
                        "storage error: the name {name:?} collides with the stored name {:?}",
                        old.name
                    )));
                }
                Some(old.seq)
            }
        };
        match change {
            Change::Put { name, entry } => {
                let seq = old_seq.unwrap_or_else(|| {
                    let seq = *next_seq;
                    *next_seq += 1;
                    seq
                });
                let value = encode_entry(seq, name, entry).ok_or_else(|| {
                    ApplyError::Refused("storage error: entry too large to store".to_string())
                })?;
                store.names.put(txn, &key, &value)?;
            }
            Change::Delete { .. } => {
                if old_seq.is_some() {
                    store.names.delete(txn, &key)?;
                }
            }
        }
    }
    if *next_seq != first_seq {
        store.meta.put(txn, KEY_NEXT_SEQ, &next_seq.to_le_bytes())?;
    }
    Ok(())
}

/// Check that [`HEADROOM_PAGES`] more pages could still be allocated after this call's
/// changes, in a nested transaction that is always aborted. Single-page values, so that free
/// pages scattered through the file count as well as the unused end of the map.
fn probe_headroom(store: &Store, txn: &mut RwTxn<'_>) -> heed::Result<()> {
    let mut probe = store.env.nested_write_txn(txn)?;
    let mut key = PROBE_KEY_PREFIX.to_vec();
    key.push(0);
    let mut result = Ok(());
    for i in 0..HEADROOM_PAGES {
        if let Some(last) = key.last_mut() {
            *last = i as u8;
        }
        result = store.meta.put(&mut probe, &key, &store.probe_value);
        if result.is_err() {
            break;
        }
    }
    probe.abort();
    result
}

fn read_next_seq(meta: &Db, txn: &RoTxn<'_>) -> heed::Result<u64> {
    match meta.get(txn, KEY_NEXT_SEQ)? {
        Some(bytes) => match <[u8; 8]>::try_from(bytes) {
            Ok(b) => Ok(u64::from_le_bytes(b)),
            Err(_) => Err(heed::Error::Decoding("next-seq is not 8 bytes".into())),
        },
        None => Err(heed::Error::Decoding("no next-seq".into())),
    }
}

/// Take the store's exclusive lock and write our pid into the lock file.
fn lock_store(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(LOCK_FILE);
    let io = |action| {
        let path = path.clone();
        move |error| StoreError::Io {
            path,
            action,
            error,
        }
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io("open"))?;
    // SAFETY: flock on a file descriptor that `file` owns and keeps open for the call; it
    // touches no memory. The lock lives as long as the descriptor (the `File` kept in Store).
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc != 0 {
        let error = io::Error::last_os_error();
        if error.kind() == io::ErrorKind::WouldBlock {
            let mut text = String::new();
            let pid = file
                .read_to_string(&mut text)
                .ok()
                .and_then(|_| text.trim().parse().ok());
            return Err(StoreError::InUse {
                path: dir.to_path_buf(),
                pid,
            });
        }
        return Err(io("lock")(error));
    }
    file.set_len(0).map_err(io("write"))?;
    file.seek(SeekFrom::Start(0)).map_err(io("write"))?;
    writeln!(file, "{}", std::process::id()).map_err(io("write"))?;
    Ok(file)
}

fn checked_map_size(size: u64) -> Result<u64, StoreError> {
    if size < MIN_MAP_SIZE {
        return Err(StoreError::MapSize {
            size,
            detail: "smaller than 256 KiB",
        });
    }
    size.checked_next_multiple_of(MAP_SIZE_GRANULE)
        .ok_or(StoreError::MapSize {
            size,
            detail: "too large",
        })
}

fn is_corruption(e: &MdbError) -> bool {
    matches!(
        e,
        MdbError::Invalid
            | MdbError::VersionMismatch
            | MdbError::Corrupted
            | MdbError::PageNotFound
            | MdbError::Incompatible
    )
}

fn corrupt(path: &Path, detail: String) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    }
}

fn show_size(bytes: u64) -> String {
    if bytes % (1 << 20) == 0 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

/// A stored key for messages: the name it holds, escaped.
fn show_key(key: &[u8]) -> String {
    match key.split_first() {
        Some((b'n', name)) => format!("{:?}", String::from_utf8_lossy(name)),
        Some((b'h', rest)) => format!(
            "{:?} (long name, hashed)",
            String::from_utf8_lossy(&rest[..rest.len().saturating_sub(KEY_HASH_LEN)])
        ),
        _ => format!("{:?}", String::from_utf8_lossy(key)),
    }
}

/// The LMDB key of a name (see the module header).
fn name_key(name: &str) -> Vec<u8> {
    let bytes = name.as_bytes();
    let mut key = Vec::with_capacity(MAX_KEY.min(bytes.len() + 1));
    if bytes.len() < MAX_KEY {
        key.push(b'n');
        key.extend_from_slice(bytes);
    } else {
        key.push(b'h');
        key.extend_from_slice(&bytes[..MAX_KEY - 1 - KEY_HASH_LEN]);
        key.extend_from_slice(&fnv1a64(bytes, 0xcbf2_9ce4_8422_2325).to_le_bytes());
        key.extend_from_slice(&fnv1a64(bytes, 0x6c62_272e_07bb_0142).to_le_bytes());
    }
    key
}

fn fnv1a64(bytes: &[u8], basis: u64) -> u64 {
    bytes.iter().fold(basis, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One decoded value of the names database.
#[derive(Debug, PartialEq)]
struct StoredEntry {
    seq: u64,
    name: String,
    entry: Entry,
}

fn encode_entry(seq: u64, name: &str, entry: &Entry) -> Option<Vec<u8>> {
    let strings = name.len() + entry.uri.len() + entry.tags.iter().map(String::len).sum::<usize>();
    let mut out = Vec::with_capacity(2 + 8 + 4 * (3 + entry.tags.len()) + strings);
    out.push(ENTRY_VERSION);
    out.push(0); // flags: none written any more (see FLAG_META_NONE)
    out.extend_from_slice(&seq.to_le_bytes());
    let put_len = |out: &mut Vec<u8>, n: usize| -> Option<()> {
        out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
        Some(())
    };
    for s in [name, entry.uri.as_str()] {
        put_len(&mut out, s.len())?;
        out.extend_from_slice(s.as_bytes());
    }
    put_len(&mut out, entry.tags.len())?;
    for tag in &entry.tags {
        put_len(&mut out, tag.len())?;
        out.extend_from_slice(tag.as_bytes());
    }
    Some(out)
}

/// A cursor over a stored value; every read checks the bytes left first.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let rest = &self.bytes[self.pos..];
        if rest.len() < n {
            return Err(format!(
                "{what} at byte {} needs {n} bytes, {} left",
                self.pos,
                rest.len()
            ));
        }
        self.pos += n;
        Ok(&rest[..n])
    }

    fn u8(&mut self, what: &str) -> Result<u8, String> {
        Ok(self.take(1, what)?[0])
    }

    fn u32(&mut self, what: &str) -> Result<usize, String> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn u64(&mut self, what: &str) -> Result<u64, String> {
        let b = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    fn string(&mut self, what: &str) -> Result<String, String> {
        let start = self.pos;
        let n = self.u32(what)?;
        let b = self.take(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| format!("{what} at byte {start} is not UTF-8"))
    }
}

fn decode_entry(bytes: &[u8]) -> Result<StoredEntry, String> {
    let mut r = Reader { bytes, pos: 0 };
    let version = r.u8("version")?;
    if version != ENTRY_VERSION {
        return Err(format!("unknown entry version {version}"));
    }
    let flags = r.u8("flags")?;
    if flags & !FLAG_META_NONE != 0 {
        return Err(format!("unknown flags {flags:#04x}"));
    }
    let seq = r.u64("sequence number")?;
    let name = r.string("name")?;
    let uri = r.string("uri")?;
    let count = r.u32("tag count")?;
    // Each tag needs at least its 4-byte length: bound the count before allocating.
    if count > (bytes.len() - r.pos) / 4 {
        return Err(format!("tag count {count} exceeds the value's size"));
    }
    let mut tags = Vec::with_capacity(count);
    for _ in 0..count {
        tags.push(r.string("tag")?);
    }
    if r.pos != bytes.len() {
        return Err(format!("{} trailing bytes", bytes.len() - r.pos));
    }
    if flags & FLAG_META_NONE != 0 && !tags.is_empty() {
        return Err("metadata None with tags".to_string());
    }
    let entry = Entry::new(uri, tags);
    Ok(StoredEntry { seq, name, entry })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A unique directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            static COUNTER: AtomicU32 = AtomicU32::new(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path =
                std::env::temp_dir().join(format!("labns-store-{tag}-{}-{n}", std::process::id()));
            let _ = fs::remove_dir_all(&path);
            TempDir(path)
        }

        fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = set_mode(&self.0, 0o700);
            let _ = set_mode(&self.0.join(DATA_FILE), 0o600);
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
    }

    const SMALL_MAP: u64 = 1 << 20;

    fn put(name: &str, entry: Entry) -> Change {
        Change::Put {
            name: name.to_string(),
            entry,
        }
    }

    fn del(name: &str) -> Change {
        Change::Delete {
            name: name.to_string(),
        }
    }

    fn tagged(uri: &str, tags: &[&str]) -> Entry {
        Entry::new(uri, tags.iter().map(|t| t.to_string()))
    }

    /// Record each call's changes in one turn and commit it.
    fn turn(store: &Store, calls: &[Vec<Change>]) {
        let mut j = store.journal();
        for call in calls {
            j.record(call).expect("record");
        }
        j.commit().expect("commit");
    }

    fn names(loaded: &[(String, Entry)]) -> Vec<&str> {
        loaded.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn round_trip_keeps_entries_and_order() {
        let dir = TempDir::new("roundtrip");
        let long = "L".repeat(2000);
        let expected = {
            let store = Store::open(dir.path(), SMALL_MAP).unwrap();
            assert!(store.load().unwrap().is_empty());
            turn(
                &store,
                &[
                    vec![put("b", tagged("PYRO:b@h:1", &["y", "x"]))],
                    vec![put("a", Entry::without_metadata("PYRO:a@h:1"))],
                    vec![put("", tagged("PYRO:empty@h:1", &[]))],
                    vec![put(&long, tagged("PYRO:long@h:1", &["t"]))],
                    vec![put("\u{e9}t\u{e9}", tagged("PYRO:u@h:1", &["\u{1f600}"]))],
                ],
            );
            // Re-registering keeps the position; remove + register moves to the end.
            turn(
                &store,
                &[
                    vec![put("b", tagged("PYRO:b2@h:1", &[]))],
                    vec![del("a")],
                    vec![put("a", tagged("PYRO:a2@h:1", &["z"]))],
                ],
            );
            vec![
                ("b".to_string(), tagged("PYRO:b2@h:1", &[])),
                ("".to_string(), tagged("PYRO:empty@h:1", &[])),
                (long.clone(), tagged("PYRO:long@h:1", &["t"])),
                (
                    "\u{e9}t\u{e9}".to_string(),
                    tagged("PYRO:u@h:1", &["\u{1f600}"]),
                ),
                ("a".to_string(), tagged("PYRO:a2@h:1", &["z"])),
            ]
        };
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        assert_eq!(store.load().unwrap(), expected);
        // New names after a restart still go to the end.
        turn(
            &store,
            &[vec![put("c", Entry::without_metadata("PYRO:c@h:1"))]],
        );
        let loaded = store.load().unwrap();
        assert_eq!(
            names(&loaded),
            ["b", "", long.as_str(), "\u{e9}t\u{e9}", "a", "c"]
        );
        assert_eq!(loaded[5].1, Entry::without_metadata("PYRO:c@h:1"));
    }

    #[test]
    fn nameserver_entry_is_never_stored() {
        let dir = TempDir::new("nsentry");
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        let mut j = store.journal();
        j.record(&[put(
            NAMESERVER_NAME,
            tagged("PYRO:Pyro.NameServer@old:1", &["x"]),
        )])
        .unwrap();
        assert!(j.txn.is_none(), "no transaction for nothing to store");
        j.record(&[put("x", tagged("PYRO:x@h:1", &[]))]).unwrap();
        assert_eq!(j.len(), 1);
        assert_eq!(j.commit().unwrap(), 1);
        assert_eq!(names(&store.load().unwrap()), ["x"]);
    }

    #[test]
    fn uncommitted_turn_is_lost_and_empty_turn_commits_nothing() {
        let dir = TempDir::new("uncommitted");
        {
            let store = Store::open(dir.path(), SMALL_MAP).unwrap();
            turn(&store, &[vec![put("kept", tagged("PYRO:k@h:1", &[]))]]);
            let mut j = store.journal();
            j.record(&[put("lost", tagged("PYRO:l@h:1", &[]))]).unwrap();
            j.record(&[del("kept")]).unwrap();
            drop(j);
            assert_eq!(store.journal().commit().unwrap(), 0);
        }
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        assert_eq!(names(&store.load().unwrap()), ["kept"]);
    }

    #[test]
    fn second_open_is_refused_while_locked() {
        let dir = TempDir::new("locked");
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        let err = Store::open(dir.path(), SMALL_MAP).unwrap_err();
        assert!(
            matches!(&err, StoreError::InUse { pid: Some(p), .. } if *p == std::process::id()),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "store {} is in use by another labns process (pid {})",
                dir.path().display(),
                std::process::id()
            )
        );
        drop(store);
        Store::open(dir.path(), SMALL_MAP).expect("the lock is released on drop");
    }

    fn make_store_with_data(dir: &TempDir) {
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        let calls: Vec<Vec<Change>> = (0..200)
            .map(|i| vec![put(&format!("svc.{i}"), tagged(&"u".repeat(200), &["t"]))])
            .collect();
        turn(&store, &calls);
    }

    fn assert_corrupt(dir: &TempDir) {
        let err = Store::open(dir.path(), SMALL_MAP).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        let line = err.to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(line.contains("corrupt or not a labns store"), "{line}");
    }

    #[test]
    fn corrupt_or_truncated_data_is_refused_and_left_alone() {
        let garbage: Vec<u8> = (0..64 * 1024u32).map(|i| (i * 7 + 3) as u8).collect();
        let data_of = |dir: &TempDir| dir.path().join(DATA_FILE);

        let dir = TempDir::new("garbage");
        make_store_with_data(&dir);
        fs::write(data_of(&dir), &garbage).unwrap();
        assert_corrupt(&dir);
        assert_eq!(fs::read(data_of(&dir)).unwrap(), garbage, "never rewritten");

        let dir = TempDir::new("empty");
        make_store_with_data(&dir);
        fs::write(data_of(&dir), b"").unwrap();
        assert_corrupt(&dir);
        assert_eq!(fs::metadata(data_of(&dir)).unwrap().len(), 0);

        for keep in [4096u64 * 2 + 100, 3 * 4096] {
            let dir = TempDir::new("truncated");
            make_store_with_data(&dir);
            let file = OpenOptions::new().write(true).open(data_of(&dir)).unwrap();
            let len = file.metadata().unwrap().len();
            assert!(len > keep);
            file.set_len(keep).unwrap();
            assert_corrupt(&dir);
        }

        let dir = TempDir::new("half");
        make_store_with_data(&dir);
        let file = OpenOptions::new().write(true).open(data_of(&dir)).unwrap();
        file.set_len(100).unwrap();
        assert_corrupt(&dir);
    }

    #[test]
    fn a_foreign_lmdb_environment_is_refused() {
        let dir = TempDir::new("foreign");
        fs::create_dir_all(dir.path()).unwrap();
        {
            // SAFETY: a private test directory, no other user of the file.
            let env = unsafe { EnvOpenOptions::new().map_size(1 << 20).open(dir.path()) }.unwrap();
            let wtxn = env.write_txn().unwrap();
            let db: Database<'static, Bytes, Bytes> = env
                .create_databases_and_commit(wtxn, |dbo, wtxn| {
                    let db = dbo.create_database::<Bytes, Bytes>(wtxn, None)?;
                    db.put(wtxn, b"someone", b"else")?;
                    Ok::<_, heed::Error>(CommitOrAbort::<_, ()>::Commit(db))
                })
                .unwrap()
                .unwrap_commit();
            let _ = db;
        }
        assert_corrupt(&dir);
    }

    #[test]
    fn an_emptied_foreign_environment_is_not_taken_over() {
        let dir = TempDir::new("emptied");
        fs::create_dir_all(dir.path()).unwrap();
        {
            // SAFETY: a private test directory, no other user of the file.
            let env = unsafe { EnvOpenOptions::new().map_size(1 << 20).open(dir.path()) }.unwrap();
            let wtxn = env.write_txn().unwrap();
            let db: Db = env
                .create_databases_and_commit(wtxn, |dbo, wtxn| {
                    let db = dbo.create_database::<Bytes, Bytes>(wtxn, None)?;
                    Ok::<_, heed::Error>(CommitOrAbort::<_, ()>::Commit(db))
                })
                .unwrap()
                .unwrap_commit();
            let mut wtxn = env.write_txn().unwrap();
            db.put(&mut wtxn, b"k", b"v").unwrap();
            wtxn.commit().unwrap();
            let mut wtxn = env.write_txn().unwrap();
            db.delete(&mut wtxn, b"k").unwrap();
            wtxn.commit().unwrap();
        }
        let before = fs::read(dir.path().join(DATA_FILE)).unwrap();
        assert_corrupt(&dir);
        assert_eq!(fs::read(dir.path().join(DATA_FILE)).unwrap(), before);
    }

    #[test]
    fn another_format_version_is_refused() {
        let dir = TempDir::new("version");
        {
            let store = Store::open(dir.path(), SMALL_MAP).unwrap();
            let mut wtxn = store.env.write_txn().unwrap();
            store.meta.put(&mut wtxn, KEY_FORMAT, b"2").unwrap();
            wtxn.commit().unwrap();
        }
        let err = Store::open(dir.path(), SMALL_MAP).unwrap_err();
        assert!(
            err.to_string().contains("unsupported format version \"2\""),
            "{err}"
        );
    }

    #[test]
    fn a_hashed_key_collision_is_refused_not_merged() {
        let dir = TempDir::new("collision");
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        let a = "a".repeat(600);
        let b = "b".repeat(600);
        // Pretend `b` hashed to `a`'s key.
        let mut wtxn = store.env.write_txn().unwrap();
        let value = encode_entry(0, &b, &tagged("PYRO:b@h:1", &[])).unwrap();
        store.names.put(&mut wtxn, &name_key(&a), &value).unwrap();
        store
            .meta
            .put(&mut wtxn, KEY_NEXT_SEQ, &1u64.to_le_bytes())
            .unwrap();
        wtxn.commit().unwrap();
        let mut j = store.journal();
        let err = j.record(&[put(&a, tagged("PYRO:a@h:1", &[]))]).unwrap_err();
        assert!(err.message.contains("collides"), "{err}");
        j.record(&[put("c", tagged("PYRO:c@h:1", &[]))]).unwrap();
        j.commit().unwrap();
        assert!(
            store.load().is_err(),
            "the planted entry sits under another name's key"
        );
    }

    #[test]
    fn unreadable_store_is_refused() {
        let dir = TempDir::new("unreadable");
        make_store_with_data(&dir);
        set_mode(&dir.path().join(DATA_FILE), 0o000).unwrap();
        // Root (or CAP_DAC_OVERRIDE) reads anyway: the permission check means nothing then.
        if File::open(dir.path().join(DATA_FILE)).is_err() {
            let err = Store::open(dir.path(), SMALL_MAP).unwrap_err();
            assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
            assert!(err.to_string().contains("Permission denied"), "{err}");
        }
        set_mode(&dir.path().join(DATA_FILE), 0o600).unwrap();
        set_mode(dir.path(), 0o000).unwrap();
        if fs::read_dir(dir.path()).is_err() {
            let err = Store::open(dir.path(), SMALL_MAP).unwrap_err();
            assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
        }
        set_mode(dir.path(), 0o700).unwrap();
        assert_eq!(
            Store::open(dir.path(), SMALL_MAP)
                .unwrap()
                .load()
                .unwrap()
                .len(),
            200
        );
    }

    #[test]
    fn missing_directories_are_created() {
        let dir = TempDir::new("nested");
        let deep = dir.path().join("a/b/c");
        let store = Store::open(&deep, SMALL_MAP).unwrap();
        assert!(deep.join(DATA_FILE).exists());
        assert_eq!(
            fs::read_to_string(deep.join(LOCK_FILE)).unwrap(),
            format!("{}\n", std::process::id())
        );
        assert_eq!(store.map_size(), SMALL_MAP);
        assert!(matches!(
            Store::open(&dir.path().join("x"), 1000),
            Err(StoreError::MapSize { .. })
        ));
    }

    #[test]
    fn a_regular_file_as_store_path_is_refused() {
        let dir = TempDir::new("file");
        fs::create_dir_all(dir.path()).unwrap();
        let file = dir.path().join("ns.sqlite");
        fs::write(&file, b"SQLite format 3\0").unwrap();
        let err = Store::open(&file, SMALL_MAP).unwrap_err();
        assert!(matches!(err, StoreError::NotADirectory { .. }), "{err:?}");
        assert!(err.to_string().contains("ns.sqlite is a file"), "{err}");
        assert_eq!(fs::read(&file).unwrap(), b"SQLite format 3\0");
        // A directory on the way that is a file: the OS error, naming the path.
        let err = Store::open(&file.join("store"), SMALL_MAP).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
        assert_eq!(fs::read(&file).unwrap(), b"SQLite format 3\0");
    }

    #[test]
    fn a_pyro5_store_file_gets_an_lmdb_store_beside_it() {
        let dir = TempDir::new("beside");
        fs::create_dir_all(dir.path()).unwrap();
        let file = dir.path().join("ns.sqlite");
        assert_eq!(beside_foreign_file(&file), None, "missing: the path itself");
        fs::write(&file, b"SQLite format 3\0").unwrap();
        let beside = beside_foreign_file(&file).expect("a file");
        assert_eq!(beside, dir.path().join("ns.sqlite.lmdb"));
        let store = Store::open(&beside, SMALL_MAP).unwrap();
        assert_eq!(store.path(), beside);
        assert_eq!(fs::read(&file).unwrap(), b"SQLite format 3\0");
        // A directory (an LMDB store) and LMDB's own files are never redirected.
        assert_eq!(beside_foreign_file(&beside), None);
        drop(store);
        assert_eq!(beside_foreign_file(&beside.join(DATA_FILE)), None);
        assert_eq!(beside_foreign_file(&beside.join(LOCK_FILE)), None);
    }

    #[test]
    fn undecodable_values_are_errors_naming_the_key() {
        let dir = TempDir::new("garbage-values");
        let store = Store::open(dir.path(), SMALL_MAP).unwrap();
        turn(&store, &[vec![put("good", tagged("PYRO:g@h:1", &[]))]]);
        let bad: &[(&[u8], &[u8])] = &[
            (b"nbad", b""),
            (b"nbad", b"\x02\x00"),
            (b"nbad", b"\x01\x02\0\0\0\0\0\0\0\0"),
            (b"nbad", b"\x01\x00\0\0\0\0\0\0\0\0\xff\xff\xff\xff"),
            (
                b"nbad",
                b"\x01\x00\0\0\0\0\0\0\0\0\x03\0\0\0bad\0\0\0\0\xff\xff\xff\x7f",
            ),
            (
                b"nbad",
                b"\x01\x00\0\0\0\0\0\0\0\0\x03\0\0\0bad\x01\0\0\0\xff\0\0\0\0",
            ),
            (
                b"nbad",
                b"\x01\x00\0\0\0\0\0\0\0\0\x03\0\0\0bad\0\0\0\0\0\0\0\0!",
            ),
            (
                b"nbad",
                b"\x01\x01\0\0\0\0\0\0\0\0\x03\0\0\0bad\0\0\0\0\x01\0\0\0\x01\0\0\0t",
            ),
            // Decodes, but under another name's key.
            (
                b"nother",
                b"\x01\x00\0\0\0\0\0\0\0\0\x03\0\0\0bad\0\0\0\0\0\0\0\0",
            ),
            // Decodes, but its sequence number was never handed out.
            (
                b"nbad",
                b"\x01\x00\xff\0\0\0\0\0\0\0\x03\0\0\0bad\0\0\0\0\0\0\0\0",
            ),
        ];
        for (key, value) in bad {
            let mut wtxn = store.env.write_txn().unwrap();
            store.names.put(&mut wtxn, key, value).unwrap();
            wtxn.commit().unwrap();
            let err = store.load().unwrap_err();
            let line = err.to_string();
            let shown = show_key(key);
            assert!(line.contains(&shown), "{line} should name {shown}");
            let mut wtxn = store.env.write_txn().unwrap();
            store.names.delete(&mut wtxn, key).unwrap();
            wtxn.commit().unwrap();
        }
        assert_eq!(names(&store.load().unwrap()), ["good"]);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics() {
        let good = encode_entry(7, "name", &tagged("PYRO:x@h:1", &["a", "b"])).unwrap();
        assert_eq!(
            decode_entry(&good).unwrap(),
            StoredEntry {
                seq: 7,
                name: "name".into(),
                entry: tagged("PYRO:x@h:1", &["a", "b"])
            }
        );
        // Every truncation and every single-byte corruption of a good value.
        for cut in 0..good.len() {
            assert!(decode_entry(&good[..cut]).is_err());
        }
        for i in 0..good.len() {
            for b in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut v = good.clone();
                v[i] = b;
                let _ = decode_entry(&v);
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in 0..2000usize {
            let v: Vec<u8> = (0..len % 64)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    if x % 3 == 0 { 1 } else { x as u8 }
                })
                .collect();
            let _ = decode_entry(&v);
        }
    }

    #[test]
    fn long_name_keys_fit_and_stay_distinct() {
        let a = "x".repeat(600);
        let b = format!("{}y", "x".repeat(599));
        let ka = name_key(&a);
        assert_eq!(ka.len(), MAX_KEY);
        assert_ne!(ka, name_key(&b));
        assert_eq!(name_key(&"x".repeat(510)).len(), MAX_KEY);
        assert_eq!(name_key(&"x".repeat(510))[0], b'n');
        assert_eq!(name_key(&"x".repeat(511))[0], b'h');
        assert_eq!(name_key(""), b"n");
    }

    /// Registrations with a URI of `size` bytes, until the journal refuses one.
    fn fill(j: &mut StoreJournal<'_>, prefix: &str, size: usize) -> (Vec<String>, JournalError) {
        let mut accepted = Vec::new();
        for i in 0.. {
            let name = format!("{prefix}{i:05}");
            match j.record(&[put(&name, tagged(&"u".repeat(size), &["t"]))]) {
                Ok(()) => accepted.push(name),
                Err(e) => return (accepted, e),
            }
        }
        unreachable!()
    }

    #[test]
    fn map_full_fails_only_the_change_that_did_not_fit() {
        let dir = TempDir::new("mapfull");
        let map = 256 << 10;
        let accepted = {
            let store = Store::open(dir.path(), map).unwrap();
            let mut j = store.journal();
            let (mut accepted, err) = fill(&mut j, "svc.", 300);
            assert!(accepted.len() > 50, "{}", accepted.len());
            assert_eq!(
                err.message,
                "storage full: cannot store more registrations (LMDB map size 256 KiB reached)"
            );
            // The turn's transaction is still usable: a delete and a small put succeed...
            j.record(&[del(&accepted[0])]).unwrap();
            accepted.remove(0);
            // ...and a multi-name removal is all or nothing.
            let pair = [del(&accepted[0]), del(&accepted[1])];
            j.record(&pair).unwrap();
            accepted.drain(..2);
            assert_eq!(j.commit().unwrap(), accepted.len() + 6);
            assert_eq!(
                store
                    .load()
                    .unwrap()
                    .into_iter()
                    .map(|(n, _)| n)
                    .collect::<Vec<_>>(),
                accepted
            );
            // Next turn: full again, cleanly, and the turn commits what fitted.
            let mut j = store.journal();
            let (more, err) = fill(&mut j, "more.", 300);
            assert!(err.message.starts_with("storage full"), "{err}");
            j.commit().unwrap();
            accepted.extend(more);
            accepted
        };
        let store = Store::open(dir.path(), map).unwrap();
        let loaded: Vec<String> = store.load().unwrap().into_iter().map(|(n, _)| n).collect();
        assert_eq!(loaded, accepted);
    }

    #[test]
    fn an_entry_larger_than_the_map_is_refused_cleanly() {
        let dir = TempDir::new("huge");
        let store = Store::open(dir.path(), 256 << 10).unwrap();
        let mut j = store.journal();
        j.record(&[put("small", tagged("PYRO:s@h:1", &[]))])
            .unwrap();
        let err = j
            .record(&[put("huge", tagged(&"u".repeat(1 << 20), &[]))])
            .unwrap_err();
        assert!(err.message.starts_with("storage full"), "{err}");
        j.commit().unwrap();
        assert_eq!(names(&store.load().unwrap()), ["small"]);
    }

    /// Random turns against small maps, from one change to thousands (a large batch), with
    /// sizes from tiny to multi-page and removals of many names at once (a large free list
    /// for the commit to save): every accepted change is stored, every refused one is absent,
    /// and no commit ever runs out of map. (Without the headroom probe this fails.)
    #[test]
    fn random_turns_near_a_full_map_always_commit() {
        let mut refused = 0;
        for seed in 1..=4u64 {
            let dir = TempDir::new("random");
            let map = [256u64 << 10, 512 << 10, 1 << 20, 2 << 20][(seed % 4) as usize];
            let store = Store::open(dir.path(), map).unwrap();
            let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
            let mut rand = |n: u64| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % n
            };
            let mut model: Vec<(String, Entry)> = Vec::new();
            for t in 0..150 {
                let mut j = store.journal();
                let n = if rand(10) == 0 {
                    rand(1500) + 1
                } else {
                    rand(5) + 1
                };
                let mut pending = model.clone();
                for i in 0..n {
                    let r = rand(10);
                    let call: Vec<Change> = if r < 6 || pending.is_empty() {
                        let size = [5, 50, 500, 1500, 2500, 5000][rand(6) as usize];
                        let name = if r == 0 && !pending.is_empty() {
                            pending[rand(pending.len() as u64) as usize].0.clone()
                        } else {
                            format!("s{t}.{i}")
                        };
                        vec![put(&name, tagged(&"u".repeat(size), &["t"]))]
                    } else if r < 9 {
                        vec![del(&pending[rand(pending.len() as u64) as usize].0)]
                    } else {
                        let from = rand(pending.len() as u64) as usize;
                        pending[from..].iter().map(|(n, _)| del(n)).collect()
                    };
                    if j.record(&call).is_err() {
                        refused += 1;
                        continue;
                    }
                    for change in call {
                        match change {
                            Change::Put { name, entry } => {
                                match pending.iter_mut().find(|(n, _)| *n == name) {
                                    Some(slot) => slot.1 = entry,
                                    None => pending.push((name, entry)),
                                }
                            }
                            Change::Delete { name } => pending.retain(|(n, _)| *n != name),
                        }
                    }
                }
                j.commit().expect("a commit never runs out of map");
                model = pending;
            }
            assert_eq!(store.load().unwrap(), model);
        }
        assert!(refused > 100, "the maps never filled: make them smaller");
    }

    const CHILD_ENV: &str = "LABNS_STORE_CRASH_CHILD";
    const CHILD_TEST: &str = "store::tests::sigkill_loses_no_committed_change";

    /// The child: commit small turns in a loop, printing each name once its turn committed.
    fn crash_child(dir: &str) {
        let store = Store::open(Path::new(dir), 64 << 20).unwrap();
        let mut stdout = io::stdout().lock();
        for t in 0..20_000 {
            let mut j = store.journal();
            let names: Vec<String> = (0..5).map(|i| format!("t{t:05}.{i}")).collect();
            for name in &names {
                j.record(&[put(name, tagged("PYRO:obj@host:1234", &["c"]))])
                    .unwrap();
            }
            j.commit().unwrap();
            for name in &names {
                writeln!(stdout, "committed {name}").unwrap();
            }
            stdout.flush().unwrap();
        }
    }

    #[test]
    fn sigkill_loses_no_committed_change() {
        use std::process::{Command, Stdio};
        use std::sync::mpsc;
        use std::time::{Duration, Instant};

        if let Ok(dir) = std::env::var(CHILD_ENV) {
            crash_child(&dir);
            return;
        }
        let dir = TempDir::new("crash");
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            use std::io::BufRead;
            for line in io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(name) = line.strip_prefix("committed ") {
                    if tx.send(name.to_string()).is_err() {
                        break;
                    }
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut committed = Vec::new();
        while committed.len() < 500 {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(name) => committed.push(name),
                Err(_) => break,
            }
        }
        child.kill().unwrap(); // SIGKILL, in the middle of a turn
        child.wait().unwrap();
        drop(rx);
        reader.join().unwrap();
        assert!(
            committed.len() >= 100,
            "child committed only {}",
            committed.len()
        );

        let store = Store::open(dir.path(), 64 << 20).unwrap();
        let loaded = store.load().unwrap();
        let present: std::collections::HashSet<&str> =
            loaded.iter().map(|(n, _)| n.as_str()).collect();
        for name in &committed {
            assert!(present.contains(name.as_str()), "{name} was lost");
        }
        // The order is insertion order and has no gaps: a prefix of what the child wrote.
        for (i, (name, _)) in loaded.iter().enumerate() {
            assert_eq!(*name, format!("t{:05}.{}", i / 5, i % 5));
        }
    }
}
