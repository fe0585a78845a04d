//! The command model every part of the program shares: Azure's naming rules for the
//! values a caller passes ([`names`]), quoting for bash ([`shell`]), and `az` lines
//! parsed into argv and rendered back ([`command`]).
//!
//! Setup scenarios, troubleshooting cases, `lint` and the Azure CLI parse check all
//! read and print commands through this one module, so the rule "no value reaches
//! shell text unvalidated or unquoted" has one implementation to audit.

pub mod command;
pub mod names;
pub mod shell;

pub use command::{Line, Replace};
pub use names::Check;
pub use shell::{Arg, Part};
