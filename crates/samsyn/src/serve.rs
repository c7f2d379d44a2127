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
    println!("samsyn körs på http://{local}/");
    std::io::stdout().flush().ok();
    tracing::info!(%local, engine = ?store.engine(), "serving");
    let state = AppState {
        store: store.clone(),
        throttle: LoginThrottle::default(),
        secure_cookies,
    };
    axum::serve(listener, samsyn_web::router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("servern avbröts")?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
