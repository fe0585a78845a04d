//! Shell-safe text for command arguments.
//!
//! An argument is a run of [`Part`]s: literal text and references to script
//! variables. Rendering quotes it so bash passes exactly that word: a literal is
//! single-quoted unless it is plainly safe, and an argument holding a variable is
//! double-quoted with every character bash would act on escaped. Nothing here ever
//! pastes text into a command unquoted.

/// One piece of an argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Lit(String),
    /// A shell variable of the script, such as `REGISTRY_NAME`. Names are checked to
    /// be identifiers when a command is parsed, so they never carry shell syntax.
    Var(String),
    /// `${NAME%/*}`: the variable with its last path segment removed (a key ID
    /// without its version).
    WithoutLastSegment(String),
    /// `${NAME##*/}`: the variable's last path segment alone (a key ID's version).
    LastSegment(String),
}

/// One argument of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg(pub Vec<Part>);

impl Arg {
    pub fn lit(s: impl Into<String>) -> Arg {
        Arg(vec![Part::Lit(s.into())])
    }

    pub fn var(name: impl Into<String>) -> Arg {
        Arg(vec![Part::Var(name.into())])
    }

    /// The text of an argument made only of literals.
    pub fn literal(&self) -> Option<String> {
        self.0
            .iter()
            .map(|p| match p {
                Part::Lit(s) => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The argument as the shell will pass it before variable expansion: variables
    /// appear as `$NAME`. This is what `argv` in a plan shows.
    pub fn unexpanded(&self) -> String {
        let mut out = String::new();
        for (i, part) in self.0.iter().enumerate() {
            match part {
                Part::Lit(s) => out.push_str(s),
                reference => push_reference(&mut out, reference, self.0.get(i + 1)),
            }
        }
        out
    }

    /// The argument with variables replaced by their values.
    pub fn expanded(&self, value_of: &dyn Fn(&str) -> String) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Part::Lit(s) => s.clone(),
                Part::Var(v) => value_of(v),
                Part::WithoutLastSegment(v) => {
                    let value = value_of(v);
                    match value.rsplit_once('/') {
                        Some((head, _)) => head.to_string(),
                        None => value,
                    }
                }
                Part::LastSegment(v) => {
                    let value = value_of(v);
                    value.rsplit('/').next().unwrap_or_default().to_string()
                }
            })
            .collect()
    }

    /// The names of the variables the argument refers to.
    pub fn variables(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|p| match p {
            Part::Var(v) | Part::WithoutLastSegment(v) | Part::LastSegment(v) => Some(v.as_str()),
            Part::Lit(_) => None,
        })
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out);
        out
    }

    /// [`Arg::render`] appended to `out`: a command line is rendered into one buffer.
    pub fn render_into(&self, out: &mut String) {
        match self.0.as_slice() {
            [Part::Lit(text)] => return quote_into(text, out),
            parts if parts.iter().all(|p| matches!(p, Part::Lit(_))) => {
                return quote_into(&self.literal().unwrap_or_default(), out);
            }
            _ => {}
        }
        out.push('"');
        for (i, part) in self.0.iter().enumerate() {
            match part {
                Part::Lit(s) => {
                    for c in s.chars() {
                        if matches!(c, '\\' | '"' | '$' | '`') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                }
                reference => push_reference(out, reference, self.0.get(i + 1)),
            }
        }
        out.push('"');
    }
}

/// How the shell refers to a variable part: `$NAME` (`${NAME}` when the next
/// character would otherwise extend the name), `${NAME%/*}` or `${NAME##*/}`. A
/// literal adds nothing.
fn push_reference(out: &mut String, part: &Part, next: Option<&Part>) {
    let (name, suffix) = match part {
        Part::Lit(_) => return,
        Part::Var(name) => {
            let joins = matches!(next, Some(Part::Lit(s)) if s.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
            if !joins {
                out.push('$');
                out.push_str(name);
                return;
            }
            (name, "}")
        }
        Part::WithoutLastSegment(name) => (name, "%/*}"),
        Part::LastSegment(name) => (name, "##*/}"),
    };
    out.push_str("${");
    out.push_str(name);
    out.push_str(suffix);
}

/// Quotes a literal for bash: bare when it holds only characters that are never
/// special, single-quoted otherwise.
pub fn quote(s: &str) -> String {
    let mut out = String::new();
    quote_into(s, &mut out);
    out
}

/// [`quote`] appended to `out`.
fn quote_into(s: &str, out: &mut String) {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c))
        && !s.starts_with('=');
    if safe {
        out.push_str(s);
    } else {
        out.push('\'');
        for c in s.chars() {
            if c == '\'' {
                out.push_str(r"'\''");
            } else {
                out.push(c);
            }
        }
        out.push('\'');
    }
}

/// Renders a whole command line.
pub fn render(argv: &[Arg]) -> String {
    let mut out = String::new();
    for (i, arg) in argv.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        arg.render_into(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_quoted_only_when_needed() {
        assert_eq!(quote("az"), "az");
        assert_eq!(quote("--key-encryption-key"), "--key-encryption-key");
        assert_eq!(quote("[system]"), "'[system]'");
        assert_eq!(
            quote("Key Vault Crypto Service Encryption User"),
            "'Key Vault Crypto Service Encryption User'"
        );
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
    }

    #[test]
    fn variables_are_double_quoted_and_split_back() {
        let arg = Arg(vec![
            Part::Lit("properties.accessPolicies[?objectId=='".into()),
            Part::Var("PRINCIPAL_ID".into()),
            Part::Lit("'] \"$x\" `y`".into()),
        ]);
        let rendered = arg.render();
        assert_eq!(shell_words::split(&rendered).unwrap(), [arg.unexpanded()]);
        assert_eq!(Arg::var("KEY_ID").render(), "\"$KEY_ID\"");
        let joined = Arg(vec![Part::Var("A".into()), Part::Lit("b".into())]);
        assert_eq!(joined.render(), "\"${A}b\"");
        let stripped = Arg(vec![Part::WithoutLastSegment("KEY_ID".into())]);
        assert_eq!(stripped.render(), "\"${KEY_ID%/*}\"");
        assert_eq!(
            stripped.expanded(&|_| "https://v/keys/k/123".into()),
            "https://v/keys/k"
        );
    }
}
