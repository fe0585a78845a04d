//! MCP over streamable HTTP at `/mcp`, with rmcp's service mounted in axum and served
//! by hyper directly, so that every connection has deadlines.
//!
//! Safe defaults: loopback only unless a bearer token is configured; Host and Origin
//! allow-lists on (localhost), extendable by flags. Every connection gets a deadline
//! for its request headers (which also closes it when it idles after a response), a
//! deadline without any byte moving either way, and `TCP_NODELAY`; at most
//! `max_connections` are open at once (beyond that, new connections wait in the
//! listen queue until one closes), and a refused request (4xx) closes its connection.
//! A request's body is read whole, under its own deadline and size limit, before it
//! takes one of the `max_concurrent_requests` permits, so a slow body cannot hold a
//! permit. Sessions are capped and expire when idle; at the cap, a new session takes
//! the place of the one idle longest, if it has been idle a while, so that a client
//! that leaves its sessions open cannot lock the others out. Shutdown lets requests
//! in flight finish, then ends the event streams and the sessions, and drops whatever
//! is left at a deadline.
//!
//! Both of rmcp's modes are offered: legacy sessions (`Mcp-Session-Id`) and stateless,
//! where any replica can answer any request without sticky sessions.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Limited};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use rmcp::transport::streamable_http_server::session::SessionManager;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::CmkServer;
use super::wire::{self, Check, ErrorReply};

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
    /// From a request's headers to its response.
    pub request_timeout: Duration,
    /// Requests handled at once; a request takes its permit once its body is read.
    pub max_concurrent_requests: usize,
    /// A connection must send a request's headers within this time, the first
    /// request's from the moment it opens and every later one's from the end of the
    /// response before (the keep-alive idle limit).
    pub header_read_timeout: Duration,
    /// A request's body must arrive whole within this time of its headers (408).
    pub body_read_timeout: Duration,
    /// A connection on which no byte moves either way for this long is closed (event
    /// streams send a keep-alive comment every 15 s, so they stay open).
    pub idle_timeout: Duration,
    /// Connections open at once; further ones wait in the listen queue until one
    /// closes.
    pub max_connections: usize,
    /// Sessions open at once. At the cap, a new `initialize` closes the session that
    /// has gone longest without a request, if that is at least
    /// `session_reclaim_after`; otherwise it gets 503 with Retry-After.
    pub max_sessions: usize,
    /// How long a session must have gone without a request before a new session may
    /// take its place at the cap.
    pub session_reclaim_after: Duration,
    /// A session that sees no request for this long is closed, and its event streams
    /// with it.
    pub session_idle_timeout: Duration,
    /// How long shutdown waits for requests in flight and open streams before it
    /// drops the connections still open.
    pub shutdown_timeout: Duration,
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
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connections: 1024,
            max_sessions: 1000,
            session_reclaim_after: Duration::from_secs(30),
            session_idle_timeout: Duration::from_secs(300),
            shutdown_timeout: Duration::from_secs(10),
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
    #[error(
        "the bearer token starts or ends with whitespace (a trailing newline?): clients send it trimmed, so it could never match; remove the whitespace from the variable"
    )]
    TokenWhitespace,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The sessions of a server in session mode (none in stateless mode).
#[derive(Clone)]
pub struct Sessions(Option<Arc<LocalSessionManager>>);

impl Sessions {
    /// How many sessions are open.
    pub async fn count(&self) -> usize {
        match &self.0 {
            Some(manager) => manager.sessions.read().await.len(),
            None => 0,
        }
    }

    async fn contains(&self, id: &str) -> bool {
        match &self.0 {
            Some(manager) => manager.sessions.read().await.contains_key(id),
            None => false,
        }
    }

    /// Drops from `table` the sessions that are no longer open (expired or deleted).
    async fn forget_closed<V>(&self, table: &std::sync::Mutex<HashMap<Arc<str>, V>>) {
        let Some(manager) = &self.0 else {
            return;
        };
        let open = manager.sessions.read().await;
        lock(table).retain(|id, _| open.contains_key(id));
    }

    async fn close(&self, id: &Arc<str>) {
        if let Some(manager) = &self.0
            && let Err(e) = manager.close_session(id).await
        {
            tracing::debug!("closing a session failed: {e}");
        }
    }

    /// Resolves once every session has closed.
    async fn closed(&self) {
        while self.count().await > 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// Builds the axum app: `/mcp` with auth, limits and the MCP service.
pub fn app(
    server: CmkServer,
    options: &HttpOptions,
    cancel: CancellationToken,
) -> Result<axum::Router, HttpError> {
    build(
        server,
        options,
        cancel,
        CancellationToken::new(),
        Arc::default(),
    )
    .map(|(router, _)| router)
}

/// An HTTP server ready to serve on a listener.
pub struct HttpServer {
    router: axum::Router,
    sessions: Sessions,
    in_flight: Arc<InFlight>,
    cancel: CancellationToken,
    /// Cancelled when shutdown starts: connections and body reads stop waiting.
    closing: CancellationToken,
    options: HttpOptions,
}

impl HttpServer {
    pub fn new(server: CmkServer, options: HttpOptions) -> Result<HttpServer, HttpError> {
        let cancel = CancellationToken::new();
        let closing = CancellationToken::new();
        let in_flight = Arc::new(InFlight::default());
        let (router, sessions) = build(
            server,
            &options,
            cancel.clone(),
            closing.clone(),
            in_flight.clone(),
        )?;
        Ok(HttpServer {
            router,
            sessions,
            in_flight,
            cancel,
            closing,
            options,
        })
    }

    /// The server's sessions, to watch them.
    pub fn sessions(&self) -> Sessions {
        self.sessions.clone()
    }

    /// Serves connections from `listener` until `shutdown` completes, then shuts down
    /// within `shutdown_timeout`: requests in flight finish, event streams and
    /// sessions end, and connections still open at the deadline are dropped.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let HttpServer {
            router,
            sessions,
            in_flight,
            cancel,
            closing,
            options,
        } = self;
        let slots = Arc::new(Semaphore::new(options.max_connections.max(1)));
        let mut connections = JoinSet::new();
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(options.header_read_timeout)
            .keep_alive(true);
        let janitor = tokio::spawn(give_back_memory(
            sessions.clone(),
            slots.clone(),
            options.max_connections.max(1),
            closing.clone(),
        ));
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let (permit, stream) = tokio::select! {
                () = &mut shutdown => break,
                Some(_) = connections.join_next(), if !connections.is_empty() => continue,
                accepted = accept(&listener, &slots) => match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of file descriptors, most likely: wait for some to close.
                        tracing::warn!("accepting a connection failed: {e}");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                },
            };
            let _ = stream.set_nodelay(true);
            let connection = Connection {
                builder: builder.clone(),
                router: router.clone(),
                closing: closing.clone(),
                idle_timeout: options.idle_timeout,
            };
            connections.spawn(async move {
                connection.run(stream).await;
                drop(permit);
            });
        }
        tracing::info!("shutting down");
        drop(listener);
        janitor.abort();
        let deadline = tokio::time::Instant::now() + options.shutdown_timeout;
        // Idle connections close now; the others after their current response.
        closing.cancel();
        let _ = tokio::time::timeout_at(deadline, in_flight.settled()).await;
        // Then the event streams, which never end by themselves, and the sessions.
        cancel.cancel();
        let _ = tokio::time::timeout_at(deadline, async {
            while connections.join_next().await.is_some() {}
        })
        .await;
        let dropped = connections.len();
        connections.shutdown().await;
        if dropped > 0 {
            tracing::info!(
                dropped,
                "dropped the connections still open at the deadline"
            );
        }
        // A session's service must finish closing before the runtime goes, or its
        // close is cut off half way.
        let _ = tokio::time::timeout_at(
            deadline.max(tokio::time::Instant::now() + Duration::from_secs(1)),
            sessions.closed(),
        )
        .await;
        Ok(())
    }
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn serve(
    server: CmkServer,
    options: HttpOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), HttpError> {
    let http = HttpServer::new(server, options)?;
    let listener = TcpListener::bind(http.options.addr).await?;
    tracing::info!(
        addr = %listener.local_addr()?,
        stateless = http.options.stateless,
        auth = http.options.auth_token.is_some(),
        "acr-cmk-mcp {} serving MCP at http://{}/mcp",
        env!("CARGO_PKG_VERSION"),
        listener.local_addr()?
    );
    http.serve(listener, shutdown).await?;
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

fn build(
    server: CmkServer,
    options: &HttpOptions,
    cancel: CancellationToken,
    closing: CancellationToken,
    in_flight: Arc<InFlight>,
) -> Result<(axum::Router, Sessions), HttpError> {
    if let Some(token) = &options.auth_token {
        if token.is_empty() {
            return Err(HttpError::EmptyToken);
        }
        if token.trim() != token {
            return Err(HttpError::TokenWhitespace);
        }
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
    let mut manager = LocalSessionManager::default();
    manager.session_config.keep_alive = Some(options.session_idle_timeout);
    let manager = Arc::new(manager);
    let sessions = Sessions((!options.stateless).then(|| manager.clone()));
    let service = StreamableHttpService::new(move || Ok(server.clone()), manager, config);
    let guard = Arc::new(Guard {
        token: options
            .auth_token
            .as_ref()
            .map(|t| Sha256::digest(t.as_bytes()).into()),
        max_body_bytes: options.max_body_bytes,
        body_read_timeout: options.body_read_timeout,
        sessions: sessions.clone(),
        max_sessions: options.max_sessions,
        session_reclaim_after: options.session_reclaim_after,
        last_request: std::sync::Mutex::default(),
        in_flight,
        closing,
        admission: tokio::sync::Mutex::new(()),
        refused_sessions: Throttle::default(),
        reclaimed_sessions: Throttle::default(),
        refused_hosts: Throttle::default(),
    });
    // Layers run outside in: the guard (token, whole body, message check) first, then
    // the concurrency permit, then the per-request timeout.
    let router = axum::Router::new()
        .nest_service("/mcp", service)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            options.request_timeout,
        ))
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            options.max_concurrent_requests,
        ))
        .layer(middleware::from_fn_with_state(guard, guard_request))
        .layer(middleware::map_response(close_after_client_error));
    Ok((router, sessions))
}

/// A refused request closes its connection. Otherwise a client without the token, a
/// session or a valid message could keep `max_connections` connections open by
/// repeating its refused request on each before the keep-alive deadline, and lock out
/// every other client.
async fn close_after_client_error(mut response: Response) -> Response {
    if response.status().is_client_error() {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Returns freed memory to the system after many sessions or connections closed.
///
/// glibc's allocator keeps what a thread's arena freed for reuse, so after 1,000
/// sessions closed the process kept their 38 MB for good; `malloc_trim` hands it back.
/// It runs only when the number of open sessions or connections has fallen well below
/// its peak since the last trim.
async fn give_back_memory(
    sessions: Sessions,
    slots: Arc<Semaphore>,
    max_connections: usize,
    closing: CancellationToken,
) {
    const SESSIONS_FREED: usize = 50;
    const CONNECTIONS_FREED: usize = 100;
    let (mut peak_sessions, mut peak_connections) = (0usize, 0usize);
    loop {
        tokio::select! {
            () = closing.cancelled() => return,
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
        let open_sessions = sessions.count().await;
        let open_connections = max_connections.saturating_sub(slots.available_permits());
        peak_sessions = peak_sessions.max(open_sessions);
        peak_connections = peak_connections.max(open_connections);
        if peak_sessions - open_sessions >= SESSIONS_FREED
            || peak_connections - open_connections >= CONNECTIONS_FREED
        {
            crate::heap::release_free();
            (peak_sessions, peak_connections) = (open_sessions, open_connections);
        }
    }
}

async fn accept(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> std::io::Result<(tokio::sync::OwnedSemaphorePermit, TcpStream)> {
    // A free slot first, then the connection: past the cap, connections wait in the
    // kernel's listen queue rather than being accepted and left unserved.
    let permit = slots
        .clone()
        .acquire_owned()
        .await
        .expect("the connection semaphore is never closed");
    let (stream, _) = listener.accept().await?;
    Ok((permit, stream))
}

/// One accepted connection.
struct Connection {
    builder: hyper::server::conn::http1::Builder,
    router: axum::Router,
    closing: CancellationToken,
    idle_timeout: Duration,
}

impl Connection {
    async fn run(self, stream: TcpStream) {
        let activity = Arc::new(Activity::new());
        let io = TokioIo::new(Watched {
            stream,
            activity: activity.clone(),
        });
        let busy = Arc::new(AtomicUsize::new(0));
        let service = Counted {
            inner: TowerToHyperService::new(self.router),
            busy: busy.clone(),
        };
        let connection = self.builder.serve_connection(io, service);
        let mut connection = std::pin::pin!(connection);
        let idle = activity.idle_for(self.idle_timeout);
        let mut idle = std::pin::pin!(idle);
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!("connection ended: {e}");
                }
                return;
            }
            () = &mut idle => {
                tracing::debug!("closing a connection idle for {:?}", self.idle_timeout);
                return;
            }
            () = self.closing.cancelled() => {
                // Idle, or part way through a request's headers: nothing to finish.
                if busy.load(Ordering::SeqCst) == 0 {
                    return;
                }
                connection.as_mut().graceful_shutdown();
            }
        }
        tokio::select! {
            _ = connection.as_mut() => {}
            () = &mut idle => {}
        }
    }
}

/// The connection's service, counting the requests it is handling: from the call to
/// the end of the response body.
struct Counted {
    inner: TowerToHyperService<axum::Router>,
    busy: Arc<AtomicUsize>,
}

impl hyper::service::Service<hyper::Request<hyper::body::Incoming>> for Counted {
    type Response = Response;
    type Error = std::convert::Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Self::Error>> + Send>>;

    fn call(&self, request: hyper::Request<hyper::body::Incoming>) -> Self::Future {
        self.busy.fetch_add(1, Ordering::SeqCst);
        let busy = Busy(self.busy.clone());
        let response = self.inner.call(request);
        Box::pin(async move {
            let response = response.await?;
            Ok(response.map(|inner| {
                Body::new(Tracked {
                    inner,
                    _guard: Box::new(busy),
                })
            }))
        })
    }
}

struct Busy(Arc<AtomicUsize>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// When bytes last moved on a connection.
struct Activity {
    start: Instant,
    last_ms: AtomicU64,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
        }
    }

    fn touch(&self) {
        self.last_ms
            .store(self.start.elapsed().as_millis() as u64, Ordering::Relaxed);
    }

    /// Resolves once nothing has moved for `limit`.
    async fn idle_for(&self, limit: Duration) {
        loop {
            let last = Duration::from_millis(self.last_ms.load(Ordering::Relaxed));
            let due = self.start + last + limit;
            if Instant::now() >= due {
                return;
            }
            tokio::time::sleep_until(due.into()).await;
        }
    }
}

/// A TCP stream that records when bytes last moved.
struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Requests whose exchange is not over: POSTs from their arrival to the end of their
/// response body (event streams opened by GET never end by themselves, so they are
/// not counted).
#[derive(Default)]
struct InFlight {
    count: AtomicUsize,
    done: Notify,
}

impl InFlight {
    fn start(self: &Arc<Self>) -> InFlightGuard {
        self.count.fetch_add(1, Ordering::SeqCst);
        InFlightGuard(self.clone())
    }

    /// Resolves once no request is in flight.
    async fn settled(&self) {
        loop {
            let notified = self.done.notified();
            let mut notified = std::pin::pin!(notified);
            notified.as_mut().enable();
            if self.count.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

struct InFlightGuard(Arc<InFlight>);

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.done.notify_waiters();
        }
    }
}

/// A response body that holds `guard` (keeping its request counted) until it is done.
struct Tracked {
    inner: Body,
    _guard: Box<dyn Send>,
}

impl http_body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// What every request passes before it takes a concurrency permit.
struct Guard {
    /// SHA-256 of the bearer token.
    token: Option<[u8; 32]>,
    max_body_bytes: usize,
    body_read_timeout: Duration,
    sessions: Sessions,
    max_sessions: usize,
    session_reclaim_after: Duration,
    /// When each session opened by this guard last saw a request.
    last_request: std::sync::Mutex<HashMap<Arc<str>, Instant>>,
    in_flight: Arc<InFlight>,
    /// Cancelled when shutdown starts: a body still arriving is not waited for.
    closing: CancellationToken,
    /// Held from checking the session cap until the admitted `initialize` is answered
    /// (its session is then in the count), so the cap is exact. Opening a session
    /// needs no knowledge and takes well under a millisecond.
    admission: tokio::sync::Mutex<()>,
    /// Warnings about refused and reclaimed sessions and refused Host or Origin
    /// headers, at most one a minute each, so that a flood of requests cannot flood
    /// the log.
    refused_sessions: Throttle,
    reclaimed_sessions: Throttle,
    refused_hosts: Throttle,
}

/// Counts events and says when to log them: the first one, then at most once a
/// minute, with how many came since.
#[derive(Default)]
struct Throttle {
    count: AtomicU64,
    last: std::sync::Mutex<Option<Instant>>,
}

impl Throttle {
    fn hit(&self) -> Option<u64> {
        let count = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        let mut last = lock(&self.last);
        if last.is_some_and(|at| at.elapsed() < Duration::from_secs(60)) {
            return None;
        }
        *last = Some(Instant::now());
        self.count.store(0, Ordering::Relaxed);
        Some(count)
    }
}

/// Locks a mutex whose data stays usable after a panic elsewhere: a counter or a
/// table of times, which a panicking holder cannot leave half written.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Guard {
    /// Notes a request in a session this guard opened (ids it never handed out are
    /// not recorded, so made-up ids cannot grow the table).
    fn saw_request_in(&self, id: &str) {
        if let Some(at) = lock(&self.last_request).get_mut(id) {
            *at = Instant::now();
        }
    }

    /// Notes the session an admitted `initialize` opened. Sessions that expired or
    /// were deleted leave the table once it holds twice the cap, so it stays bounded
    /// however many sessions come and go below the cap.
    async fn opened(&self, id: Arc<str>) {
        if lock(&self.last_request).len() >= 2 * self.max_sessions {
            self.sessions.forget_closed(&self.last_request).await;
        }
        lock(&self.last_request).insert(id, Instant::now());
    }

    /// At the cap: closes the session that has gone longest without a request, if
    /// that is at least `session_reclaim_after`, and says whether it did. A client
    /// that opens sessions and leaves them open (one per call, say) would otherwise
    /// hold every place until the idle timeout. The closed session's client gets 404
    /// on its next request, on which the spec has it open a new session.
    async fn reclaim_idlest(&self) -> bool {
        self.sessions.forget_closed(&self.last_request).await;
        let idlest = lock(&self.last_request)
            .iter()
            .min_by_key(|(_, at)| **at)
            .filter(|(_, at)| at.elapsed() >= self.session_reclaim_after)
            .map(|(id, at)| (id.clone(), at.elapsed()));
        let Some((id, idle)) = idlest else {
            return false;
        };
        self.sessions.close(&id).await;
        lock(&self.last_request).remove(&id);
        if let Some(reclaimed) = self.reclaimed_sessions.hit() {
            tracing::warn!(
                max = self.max_sessions,
                reclaimed,
                idle_seconds = idle.as_secs(),
                "the session limit is reached: closed the session idle longest to open a new one"
            );
        }
        true
    }

    fn session_refused(&self) {
        if let Some(refused) = self.refused_sessions.hit() {
            tracing::warn!(
                max = self.max_sessions,
                refused,
                "refusing new sessions: the session limit is reached"
            );
        }
    }
}

/// How long a client refused for the session cap should wait.
const RETRY_AFTER_SECONDS: u64 = 30;

/// The token, a whole body within its deadline and size, a message that is JSON-RPC,
/// room for a new session; then the request goes on, its body already read, so that
/// only requests ready to run wait for or hold a concurrency permit.
async fn guard_request(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    if let Some(expected) = &guard.token
        && !token_matches(request.headers(), expected)
    {
        tracing::debug!("refused a request without the right bearer token");
        let mut response = http_error(
            StatusCode::UNAUTHORIZED,
            ErrorReply::without_id(-32001, "Unauthorized: missing or wrong bearer token"),
        );
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    if let Some(id) = request
        .headers()
        .get("mcp-session-id")
        .and_then(|v| v.to_str().ok())
    {
        guard.saw_request_in(id);
    }
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > guard.max_body_bytes as u64) {
        return too_large(guard.max_body_bytes);
    }
    let read = Limited::new(body, guard.max_body_bytes).collect();
    let read = tokio::time::timeout(guard.body_read_timeout, read);
    let read = tokio::select! {
        read = read => read,
        () = guard.closing.cancelled() => {
            return http_error(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorReply::without_id(-32000, "Server shutting down"),
            );
        }
    };
    let bytes = match read {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return too_large(guard.max_body_bytes);
        }
        Ok(Err(e)) => {
            tracing::debug!("reading a request body failed: {e}");
            return http_error(
                StatusCode::BAD_REQUEST,
                ErrorReply::without_id(-32700, "Parse error: the body could not be read"),
            );
        }
        Err(_) => {
            tracing::debug!("a request body did not arrive in time");
            return http_error(
                StatusCode::REQUEST_TIMEOUT,
                ErrorReply::without_id(
                    -32000,
                    format!(
                        "Request Timeout: the body did not arrive within {} s",
                        guard.body_read_timeout.as_secs_f64()
                    ),
                ),
            );
        }
    };
    if parts.method == Method::POST {
        match wire::check(&bytes) {
            Check::Pass(_) => {}
            Check::Blank => {
                return http_error(
                    StatusCode::BAD_REQUEST,
                    ErrorReply::without_id(-32700, "Parse error: the body is empty"),
                );
            }
            Check::Reply(reply) => {
                tracing::debug!(
                    code = reply.code,
                    id = %wire::shown(reply.id()),
                    "refused a message: {}",
                    wire::shown(&reply.message)
                );
                let status =
                    StatusCode::from_u16(reply.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
                return http_error(status, reply);
            }
        }
        if guard.sessions.0.is_some()
            && !parts.headers.contains_key("mcp-session-id")
            && let Some(id) = wire::initialize_id(&bytes)
        {
            let admission = guard.admission.lock().await;
            if guard.sessions.count().await < guard.max_sessions || guard.reclaim_idlest().await {
                let response = guard.forward(parts, bytes, next).await;
                // The id is taken out first: a `&Response` held across an await
                // would make the future not `Send` (the body is not `Sync`).
                let opened = response
                    .headers()
                    .get("mcp-session-id")
                    .and_then(|v| v.to_str().ok())
                    .map(Arc::<str>::from);
                if let Some(id) = opened {
                    guard.opened(id).await;
                }
                drop(admission);
                return response;
            }
            drop(admission);
            guard.session_refused();
            let mut response = http_error(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorReply::with_id(
                    &id,
                    -32000,
                    format!(
                        "Server busy: {} sessions are open, the most this server keeps; retry later",
                        guard.max_sessions
                    ),
                ),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
            return response;
        }
    }
    guard.forward(parts, bytes, next).await
}

impl Guard {
    /// Passes the request on, its body already read.
    async fn forward(
        &self,
        parts: axum::http::request::Parts,
        bytes: Bytes,
        next: Next,
    ) -> Response {
        let method = parts.method.clone();
        if method == Method::DELETE
            && self.sessions.0.is_some()
            && let Some(id) = parts
                .headers
                .get("mcp-session-id")
                .and_then(|v| v.to_str().ok())
            && !self.sessions.contains(id).await
        {
            return http_error(
                StatusCode::NOT_FOUND,
                ErrorReply::without_id(-32001, "Not Found: no such session"),
            );
        }
        let in_flight = (method == Method::POST).then(|| self.in_flight.start());
        let mut response = next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
        match response.status() {
            // The session is gone: 200, which every client takes for success (the
            // Python SDK logs a warning for anything but 200 and 204).
            StatusCode::ACCEPTED if method == Method::DELETE => {
                *response.status_mut() = StatusCode::OK;
            }
            StatusCode::FORBIDDEN => {
                if let Some(refused) = self.refused_hosts.hit() {
                    tracing::warn!(
                        refused,
                        "refused a request whose Host or Origin is not allowed"
                    );
                }
            }
            _ => {}
        }
        match in_flight {
            Some(in_flight) => response.map(|inner| {
                Body::new(Tracked {
                    inner,
                    _guard: Box::new(in_flight),
                })
            }),
            None => response,
        }
    }
}

fn too_large(limit: usize) -> Response {
    http_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorReply::without_id(
            -32600,
            format!("Payload Too Large: a request body may be at most {limit} bytes"),
        ),
    )
}

/// An HTTP error whose body is a JSON-RPC error.
fn http_error(status: StatusCode, reply: ErrorReply) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        reply.to_json(),
    )
        .into_response()
}

/// Compares the bearer token by SHA-256 digest in constant time, so neither its
/// content nor its length leaks through timing. The scheme is case-insensitive (RFC
/// 7235). The token itself is never logged.
fn token_matches(headers: &HeaderMap, expected: &[u8; 32]) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| -> [u8; 32] { Sha256::digest(token.trim().as_bytes()).into() });
    given.is_some_and(|digest| bool::from(digest.ct_eq(expected)))
}
