//! Reading one committed state of a database other processes may be writing, without creating,
//! changing or deleting any file beside it (SPEC §6 v2, "troubleshoot must never mislead").
//!
//! The reader takes SQLite's own SHARED lock on the database file, as an open-file-description
//! lock so SQLite's per-process locks in this process cannot release it. While it is held:
//! - in rollback-journal modes no writer can commit (committing needs EXCLUSIVE), so the file
//!   is the committed state unless a *hot* journal (an interrupted write) is beside it;
//! - in WAL mode the last connection cannot checkpoint on close and delete the `-wal` and
//!   `-shm`, so what was seen beside the file stays there while it is read.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

/// SQLite's lock bytes (os_unix.c): PENDING, RESERVED, and the SHARED range after them.
const PENDING_BYTE: i64 = 0x4000_0000;
const RESERVED_BYTE: i64 = PENDING_BYTE + 1;
const SHARED_FIRST: i64 = PENDING_BYTE + 2;
const SHARED_SIZE: i64 = 510;

/// A SHARED lock on a database file, held until dropped.
pub(super) struct SharedLock {
    file: File,
}

#[cfg(target_os = "linux")]
fn flock(kind: i32, start: i64, len: i64) -> nix::libc::flock {
    // SAFETY: flock is a plain C struct; all-zero is a valid value (pid 0 as OFD locks require).
    let mut l: nix::libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind as _;
    l.l_whence = nix::libc::SEEK_SET as _;
    l.l_start = start as _;
    l.l_len = len as _;
    l
}

impl SharedLock {
    /// Take the SHARED lock the way SQLite does (a read lock on PENDING first, so a writer
    /// waiting for EXCLUSIVE is not starved), waiting up to `timeout` while a writer commits.
    /// `None` on systems without open-file-description locks.
    pub(super) fn take(path: &Path, timeout: Duration) -> std::io::Result<Option<SharedLock>> {
        #[cfg(target_os = "linux")]
        {
            use nix::fcntl::{FcntlArg, fcntl};
            use nix::libc::{F_RDLCK, F_UNLCK};
            let file = File::open(path)?;
            let started = Instant::now();
            loop {
                let pending = fcntl(
                    &file,
                    FcntlArg::F_OFD_SETLK(&flock(F_RDLCK, PENDING_BYTE, 1)),
                );
                if pending.is_ok() {
                    let shared = fcntl(
                        &file,
                        FcntlArg::F_OFD_SETLK(&flock(F_RDLCK, SHARED_FIRST, SHARED_SIZE)),
                    );
                    let _ = fcntl(
                        &file,
                        FcntlArg::F_OFD_SETLK(&flock(F_UNLCK, PENDING_BYTE, 1)),
                    );
                    if shared.is_ok() {
                        return Ok(Some(SharedLock { file }));
                    }
                }
                if started.elapsed() >= timeout {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::WouldBlock,
                        "a writer held the database for the whole busy timeout",
                    ));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (path, timeout, Instant::now());
            Ok(None)
        }
    }

    /// Whether another connection holds RESERVED (a write transaction in progress).
    pub(super) fn reserved_by_other(&self) -> bool {
        #[cfg(target_os = "linux")]
        {
            use nix::fcntl::{FcntlArg, fcntl};
            let mut probe = flock(nix::libc::F_WRLCK, RESERVED_BYTE, 1);
            match fcntl(&self.file, FcntlArg::F_OFD_GETLK(&mut probe)) {
                Ok(_) => i32::from(probe.l_type) != nix::libc::F_UNLCK,
                // When in doubt, do not call a journal hot.
                Err(_) => true,
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (&self.file, RESERVED_BYTE);
            true
        }
    }
}

/// Whether the rollback journal beside `path` is hot: it holds a transaction that was never
/// finished (non-empty, a non-zero header) and no writer is working on it. Must be called with
/// the SHARED lock held, so no writer is committing; the journal is looked at before and after
/// the RESERVED check so a writer that finishes in between is not mistaken for a crash.
pub(super) fn hot_journal(lock: &SharedLock, journal: &Path) -> bool {
    let header = |p: &Path| -> Option<(u64, u8)> {
        use std::io::Read;
        let mut f = File::open(p).ok()?;
        let meta = f.metadata().ok()?;
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let ino = 0;
        let mut first = [0u8; 1];
        f.read_exact(&mut first).ok()?;
        Some((ino, first[0]))
    };
    let Some((before, first)) = header(journal) else {
        return false;
    };
    if first == 0 || lock.reserved_by_other() {
        return false;
    }
    matches!(header(journal), Some((after, f)) if after == before && f != 0)
}
