//! The connection loop: HTTP/1.1 over hyper with the timeouts that axum's
//! own `serve` does not set, so that slow or idle clients cannot hold
//! connections open forever.
//!
//! - A client must send a request's headers within [`HEADER_TIMEOUT`]. The
//!   same clock runs while a kept-alive connection waits for its next
//!   request, so it is also the idle timeout.
//! - A request body must arrive within `api::BODY_TIMEOUT` (checked where the
//!   body is read, after authentication).
//! - On Ctrl-C the server stops accepting, lets requests under way finish
//!   for up to [`DRAIN_TIMEOUT`], then exits.

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;

/// Longest wait for a request's headers, and for the next request on an idle connection.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(15);
/// Longest wait for requests under way when the server stops.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn run(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let conn = http.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!("connection closed: {e}");
            }
        });
    }
    if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("stopped with requests still under way");
    }
}
