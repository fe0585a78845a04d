//! Typed errors of the library.
//!
//! Loading never fails as a whole: a bad file becomes a [`crate::knowledge::Diagnostic`]
//! and the rest loads. The errors here are the ones a caller must act on: a request
//! whose input breaks a rule, or an index that could not be built.

use thiserror::Error;

/// A caller's input broke a rule. The message names the field, the value and the rule,
/// so an agent can correct itself.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {problem}")]
pub struct InputError {
    /// The name of the offending field, as the caller spelled it (`registry_name`).
    pub field: String,
    /// What is wrong, including the rule that was broken.
    pub problem: String,
}

impl InputError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

/// Building the search index failed. With an in-RAM index this only happens on a bug
/// or when memory runs out, but it is reported rather than unwrapped.
#[derive(Debug, Error)]
#[error("could not build the search index: {0}")]
pub struct IndexError(#[from] pub tantivy::TantivyError);
