//! MCP logging (`logging/setLevel` and `notifications/message`).
//!
//! Protocol 2026-07-28 deprecates MCP logging (SEP-2577) and rmcp marks its types
//! deprecated, but clients on the 2025 revisions this server supports still use it,
//! so it stays, confined to this module. Server logs go to stderr through tracing
//! regardless; these notifications are what a client asked to see, and they never
//! carry secrets.
#![allow(deprecated)]

use std::sync::atomic::{AtomicU8, Ordering};

use rmcp::RoleServer;
use rmcp::model::{LoggingLevel, LoggingMessageNotificationParam, SetLevelRequestParams};

/// The client's chosen minimum severity, as an RFC 5424 index (debug = 0).
pub struct ClientLevel(AtomicU8);

impl Default for ClientLevel {
    /// Until a client asks, only warnings and worse are sent.
    fn default() -> Self {
        ClientLevel(AtomicU8::new(3))
    }
}

fn index(level: LoggingLevel) -> u8 {
    match level {
        LoggingLevel::Debug => 0,
        LoggingLevel::Info => 1,
        LoggingLevel::Notice => 2,
        LoggingLevel::Warning => 3,
        LoggingLevel::Error => 4,
        LoggingLevel::Critical => 5,
        LoggingLevel::Alert => 6,
        LoggingLevel::Emergency => 7,
    }
}

impl ClientLevel {
    pub fn set(&self, request: &SetLevelRequestParams) -> String {
        self.0.store(index(request.level), Ordering::Relaxed);
        format!("{:?}", request.level).to_lowercase()
    }

    /// Sends an info-level message if the client wants that level.
    pub async fn info(&self, peer: &rmcp::Peer<RoleServer>, data: serde_json::Value) {
        if index(LoggingLevel::Info) >= self.0.load(Ordering::Relaxed) {
            let _ = peer
                .notify_logging_message(
                    LoggingMessageNotificationParam::new(LoggingLevel::Info, data)
                        .with_logger("acr-cmk-mcp"),
                )
                .await;
        }
    }
}
