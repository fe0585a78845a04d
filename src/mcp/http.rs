//! MCP over streamable HTTP at `/mcp`, with rmcp's service mounted in axum.
//!
//! Safe defaults: loopback only unless a bearer token is configured; Host and Origin
//! allow-lists on (localhost), extendable by flags; a request body limit, a
//! per-request timeout and a concurrency limit; graceful shutdown. Both of rmcp's
//! modes are offered: legacy sessions (`Mcp-Session-Id`) and stateless, where any
//! replica can answer any request without sticky sessions.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio_util::sync::CancellationToken;

use super::CmkServer;

/// How to serve over HTTP.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub addr: SocketAddr,
    /// Stateless mode: no sessions, every request stands alone.
    pub stateless: bool,
    /// Bearer token every request must carry; required to bind beyond loopback.
    pub auth_token: Option<String>,
    /// Host header values allowed besides localhost.
    pub extra_hosts: Vec<String>,
    /// Origins allowed besides localhost ones (`https://app.example.com:443`).
    pub extra_origins: Vec<String>,
    pub max_body_bytes: usize,
    pub request_timeout: Duration,
    pub max_concurrent_requests: usize,
}

impl HttpOptions {
    pub fn new(addr: SocketAddr) -> HttpOptions {
        HttpOptions {
            addr,
            stateless: false,
            auth_token: None,
            extra_hosts: Vec::new(),
            extra_origins: Vec::new(),
            max_body_bytes: 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            max_concurrent_requests: 256,
        }
    }
}

/// Why the server would not start.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error(
        "refusing to bind {0} without a bearer token: only loopback addresses may be served without --auth-token-env"
    )]
    TokenRequired(SocketAddr),
    #[error("the bearer token is empty")]
    EmptyToken,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Builds the axum app: `/mcp` with auth, limits and the MCP service.
pub fn app(
    server: CmkServer,
    options: &HttpOptions,
    cancel: CancellationToken,
) -> Result<axum::Router, HttpError> {
    if options.auth_token.as_deref() == Some("") {
        return Err(HttpError::EmptyToken);
    }
    if !options.addr.ip().is_loopback() && options.auth_token.is_none() {
        return Err(HttpError::TokenRequired(options.addr));
    }
    let mut hosts: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
    hosts.extend(options.extra_hosts.iter().cloned());
    let mut origins: Vec<String> = vec![
        "http://localhost:*".into(),
        "http://127.0.0.1:*".into(),
        "http://[::1]:*".into(),
    ];
    origins.extend(options.extra_origins.iter().cloned());
    let config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(!options.stateless)
        .with_json_response(options.stateless)
        .with_allowed_hosts(hosts)
        .with_allowed_origins(origins)
        .with_max_request_body_bytes(options.max_body_bytes)
        .with_cancellation_token(cancel);
    let service = StreamableHttpService::new(
        move || Ok(server.clone()),
        LocalSessionManager::default().into(),
        config,
    );
    let mut router = axum::Router::new().nest_service("/mcp", service);
    if let Some(token) = &options.auth_token {
        let expected: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        router = router.layer(middleware::from_fn_with_state(expected, require_token));
    }
    Ok(router
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            options.request_timeout,
        ))
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            options.max_concurrent_requests,
        )))
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn serve(
    server: CmkServer,
    options: HttpOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), HttpError> {
    let cancel = CancellationToken::new();
    let app = app(server, &options, cancel.clone())?;
    let listener = tokio::net::TcpListener::bind(options.addr).await?;
    tracing::info!(
        addr = %listener.local_addr()?,
        stateless = options.stateless,
        auth = options.auth_token.is_some(),
        "acr-cmk-mcp {} serving MCP at http://{}/mcp",
        env!("CARGO_PKG_VERSION"),
        listener.local_addr()?
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown.await;
            tracing::info!("shutting down");
            cancel.cancel();
        })
        .await?;
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Compares the bearer token by SHA-256 digest in constant time, so neither its
/// content nor its length leaks through timing. The token itself is never logged.
async fn require_token(State(expected): State<[u8; 32]>, request: Request, next: Next) -> Response {
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| -> [u8; 32] { Sha256::digest(t.trim().as_bytes()).into() });
    match given {
        Some(digest) if bool::from(digest.ct_eq(&expected)) => next.run(request).await,
        _ => {
            let mut response =
                (StatusCode::UNAUTHORIZED, "missing or wrong bearer token").into_response();
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            response
        }
    }
}
