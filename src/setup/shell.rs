//! Shell-safe command text.
//!
//! Commands are built as argv of [`Arg`]s, each a run of literal text and references
//! to the script's parameter variables, and only then rendered. A literal is
//! single-quoted unless it is plainly safe; an argument holding a variable is
//! double-quoted with every shell-special character of its literal parts escaped. No
//! caller value is ever pasted into shell text: values live in the variable block,
//! single-quoted, and commands refer to them.

/// One piece of an argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Lit(String),
    /// A shell variable of the script, such as `REGISTRY_NAME`. Names are made by the
    /// planner, never taken from a caller.
    Var(String),
    /// Fixed shell text such as a parameter expansion (`${KEY_ID_VERSIONED%/*}`).
    /// `'static` keeps caller input out: only text written into this program fits.
    Raw(&'static str),
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

    /// The argument as the shell will pass it before variable expansion: variables
    /// appear as `$NAME`. This is what `argv` in a plan shows.
    pub fn unexpanded(&self) -> String {
        let mut out = String::new();
        for (i, part) in self.0.iter().enumerate() {
            match part {
                Part::Lit(s) => out.push_str(s),
                Part::Var(v) => out.push_str(&var_ref(v, self.0.get(i + 1))),
                Part::Raw(r) => out.push_str(r),
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
                Part::Raw(r) => r.to_string(),
            })
            .collect()
    }

    pub fn render(&self) -> String {
        if self.0.iter().all(|p| matches!(p, Part::Lit(_))) {
            return quote(&self.unexpanded());
        }
        let mut out = String::from("\"");
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
                Part::Var(v) => out.push_str(&var_ref(v, self.0.get(i + 1))),
                Part::Raw(r) => out.push_str(r),
            }
        }
        out.push('"');
        out
    }
}

/// `$NAME`, or `${NAME}` when the next character would otherwise extend the name.
fn var_ref(name: &str, next: Option<&Part>) -> String {
    let joins = matches!(next, Some(Part::Lit(s)) if s.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
    if joins {
        format!("${{{name}}}")
    } else {
        format!("${name}")
    }
}

/// Quotes a literal for bash: bare when it holds only characters that are never
/// special, single-quoted otherwise.
pub fn quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c))
        && !s.starts_with('=');
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Renders a whole command line.
pub fn render(argv: &[Arg]) -> String {
    argv.iter().map(Arg::render).collect::<Vec<_>>().join(" ")
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
    }
}
