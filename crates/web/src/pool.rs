//! A small pool of ledger connections used from the blocking thread pool.
//!
//! Both stores are synchronous (rusqlite, and the `postgres` crate, which
//! must not run on a tokio worker) and a connection is not shared between
//! threads, so each request borrows one connection for the duration of one
//! blocking task. SQLite runs in WAL mode and PostgreSQL reads from a
//! snapshot: readers never wait for a writer.

use crate::error::{ApiError, ApiResult};
use claimtrail_ledger::{LedgerError, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Connections kept open: one per core is enough for reads, plus one so
/// that a long write does not stall reads.
pub const DEFAULT_SIZE: usize = 4;

/// Open ledger connections, at most `size` in use at once.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Box<dyn Store + Send>>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    /// Opens the first connection now (creating and migrating the database),
    /// so that a bad path or URL fails at start-up, not on the first request.
    /// `path` is a SQLite file or a `postgresql://` URL.
    pub fn open(path: &Path, size: usize) -> Result<Pool, LedgerError> {
        // Off the async runtime: the PostgreSQL client runs one of its own.
        let first = std::thread::scope(|s| s.spawn(|| connect(path)).join())
            .map_err(|_| LedgerError::Corrupt("opening the ledger panicked".into()))??;
        Ok(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(size.max(1))),
        })
    }

    /// Runs `f` with a connection on the blocking thread pool.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> ApiResult<T> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(ApiError::internal)?;
        let pool = Arc::clone(self);
        // The blocking thread logs in the request's span (its request id).
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            let _permit = permit;
            let mut store = match pool.take() {
                Some(store) => store,
                None => connect(&pool.path)?,
            };
            let out = f(store.as_mut());
            pool.give_back(store);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    fn take(&self) -> Option<Box<dyn Store + Send>> {
        self.idle.lock().ok()?.pop()
    }

    fn give_back(&self, store: Box<dyn Store + Send>) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}

impl Drop for Pool {
    /// Closes the idle connections off the async runtime (a PostgreSQL
    /// client's own runtime must not be dropped on a runtime thread).
    fn drop(&mut self) {
        let idle = match self.idle.get_mut() {
            Ok(idle) => std::mem::take(idle),
            Err(poisoned) => std::mem::take(poisoned.into_inner()),
        };
        let _ = std::thread::spawn(move || drop(idle)).join();
    }
}

/// A new connection to the ledger at `path` (a SQLite file or a PostgreSQL URL).
fn connect(path: &Path) -> Result<Box<dyn Store + Send>, LedgerError> {
    claimtrail_ledger::open_store(&path.to_string_lossy())
}
