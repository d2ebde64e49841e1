//! A small pool of SQLite connections used from the blocking thread pool.
//!
//! rusqlite is synchronous and a connection is not shared between threads,
//! so each request borrows one connection for the duration of one blocking
//! task. The ledger runs in WAL mode: readers never wait for a writer.

use crate::error::{ApiError, ApiResult};
use claimtrail_ledger::{LedgerError, SqliteStore};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Connections kept open: one per core is enough for SQLite reads, plus one
/// so that a long write does not stall reads.
pub const DEFAULT_SIZE: usize = 4;

/// Open ledger connections, at most `size` in use at once.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    /// Opens the first connection now (creating and migrating the database),
    /// so that a bad path fails at start-up, not on the first request.
    pub fn open(path: &Path, size: usize) -> Result<Pool, LedgerError> {
        let first = SqliteStore::open(path)?;
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
        F: FnOnce(&mut SqliteStore) -> ApiResult<T> + Send + 'static,
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
                None => SqliteStore::open(&pool.path)?,
            };
            let out = f(&mut store);
            pool.give_back(store);
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    fn take(&self) -> Option<SqliteStore> {
        self.idle.lock().ok()?.pop()
    }

    fn give_back(&self, store: SqliteStore) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
    }
}
