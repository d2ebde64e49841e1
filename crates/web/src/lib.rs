//! The claimtrail HTTP JSON API and web page, served from one binary.
//!
//! [`router`] builds the axum application over a ledger file: the JSON API
//! under `/api/` (described by the OpenAPI document at `/api/openapi.json`)
//! and the page (HTML, CSS and JS embedded in the binary, see `assets/`).
//! [`serve`] binds it to an address and runs it until Ctrl-C.
//!
//! Reads are open; writes (`POST /api/documents`) are refused unless a token is
//! configured, and then need `Authorization: Bearer <token>`. SQLite is
//! synchronous, so every query runs on the blocking thread pool over a small
//! pool of connections ([`pool`]). Article text is untrusted: the page builds
//! its DOM with `textContent` only and every response carries a strict
//! Content-Security-Policy ([`assets`]).

pub mod api;
pub mod assets;
mod auth;
pub mod error;
mod evidence;
mod labels;
pub mod openapi;
pub mod pool;
pub mod requests;
pub mod server;
mod stories;

use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

pub use error::ApiError;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The ledger database file (created when missing).
    pub db: PathBuf,
    /// Enables writes for clients presenting this bearer token.
    pub token: Option<String>,
    /// Whether requests must name a loopback host (`localhost`, `127.0.0.1`,
    /// `[::1]`) in their `Host` header: on when bound to loopback, so that a web
    /// page elsewhere cannot reach the ledger through DNS rebinding.
    pub loopback_only: bool,
}

/// The state every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub(crate) pool: Arc<pool::Pool>,
    pub(crate) token: Option<Arc<auth::Token>>,
    pub(crate) pipeline: Arc<std::sync::OnceLock<claimtrail_extract::Pipeline>>,
    /// One write at a time from this server; the others wait their turn.
    pub(crate) writes: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// Opens the ledger (creating and migrating it when needed) and prepares the state.
    pub fn new(config: &Config) -> Result<AppState, claimtrail_ledger::LedgerError> {
        let pool = pool::Pool::open(&config.db, pool::DEFAULT_SIZE)?;
        Ok(AppState {
            pool: Arc::new(pool),
            token: config
                .token
                .as_deref()
                .map(|t| Arc::new(auth::Token::new(t))),
            pipeline: Arc::new(std::sync::OnceLock::new()),
            writes: Arc::new(tokio::sync::Semaphore::new(1)),
        })
    }
}

/// The whole application: API, page and security headers.
pub fn router(config: &Config) -> Result<Router, claimtrail_ledger::LedgerError> {
    let state = AppState::new(config)?;
    let app = api::routes(state)
        .merge(assets::routes())
        .layer(axum::middleware::from_fn(requests::with_id));
    Ok(assets::secure(app, config.loopback_only))
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The ledger cannot be opened.
    #[error(transparent)]
    Ledger(#[from] claimtrail_ledger::LedgerError),
    /// The address cannot be bound (in use, not allowed, not an address).
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        bind: String,
        source: std::io::Error,
    },
    /// The server failed while running.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Binds `bind` and serves until Ctrl-C. `on_bound` is told the address
/// actually bound (useful when `bind` asks for port 0).
pub async fn serve(
    config: Config,
    bind: &str,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let app = router(&config)?;
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|source| ServeError::Bind {
            bind: bind.to_string(),
            source,
        })?;
    on_bound(listener.local_addr()?);
    server::run(listener, app, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}

/// Runs [`serve`] on a new multi-threaded runtime, blocking until Ctrl-C
/// (for callers without their own runtime, such as the CLI).
pub fn serve_blocking(
    config: Config,
    bind: &str,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(config, bind, on_bound))
}

/// Whether `bind` (`host:port`) names a loopback address.
pub fn is_loopback(bind: &str) -> bool {
    match bind.parse::<SocketAddr>() {
        Ok(addr) => addr.ip().is_loopback(),
        Err(_) => bind.starts_with("localhost:"),
    }
}
