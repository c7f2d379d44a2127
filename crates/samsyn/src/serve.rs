//! `samsyn serve`: the web app and JSON API, until SIGTERM or Ctrl-C.

use anyhow::Context;
use samsyn_domain::throttle::LoginThrottle;
use samsyn_store::Store;
use samsyn_web::AppState;
use std::io::Write;
use std::net::SocketAddr;

pub async fn run(store: Store, addr: SocketAddr, secure_cookies: bool) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("kan inte lyssna på {addr}"))?;
    let local = listener.local_addr()?;
    // Listen for SIGTERM before announcing the address, so a stop right after start is graceful.
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .context("kan inte lyssna efter SIGTERM")?;
    #[cfg(not(unix))]
    let terminate = ();
    say!("samsyn körs på http://{local}/");
    std::io::stdout().flush().ok();
    tracing::info!(%local, engine = ?store.engine(), "serving");
    let state = AppState {
        store: store.clone(),
        throttle: LoginThrottle::default(),
        secure_cookies,
    };
    axum::serve(listener, samsyn_web::router(state))
        .with_graceful_shutdown(shutdown_signal(terminate))
        .await
        .context("servern avbröts")?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

#[cfg(unix)]
type Terminate = tokio::signal::unix::Signal;
#[cfg(not(unix))]
type Terminate = ();

#[allow(unused_mut, unused_variables)]
async fn shutdown_signal(mut terminate: Terminate) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminated = async move {
        terminate.recv().await;
    };
    #[cfg(not(unix))]
    let terminated = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminated => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
