//! acr-cmk-mcp: answers questions about Azure Container Registry customer-managed-key
//! encryption from a knowledge base of Markdown skill docs.
//!
//! The core ([`knowledge`], [`search`], [`setup`], [`troubleshoot`], tied together by
//! [`Engine`]) is plain Rust with typed results. [`mcp`] is the only module that knows
//! the Model Context Protocol; [`render`] turns core results into text for people.
//! See ARCHITECTURE.md for the code map.

pub mod azcheck;
pub mod azure;
pub mod engine;
pub mod error;
pub mod eval;
mod heap;
pub mod index_cache;
pub mod knowledge;
pub mod lint;
pub mod mcp;
pub mod reload;
pub mod render;
pub mod request;
pub mod round;
pub mod search;
pub mod setup;
pub mod troubleshoot;

pub use engine::Engine;
pub use error::{IndexError, InputError};
