//! Shell-safe text for command arguments.
//!
//! An argument is a run of [`Part`]s: literal text and references to script
//! variables. Rendering quotes it so bash passes exactly that word: a literal is
//! single-quoted unless it is plainly safe, and an argument holding a variable is
//! double-quoted with every character bash would act on escaped. Nothing here ever
//! pastes text into a command unquoted.

use std::borrow::Cow;

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

    /// The text of an argument made only of literals; borrowed when it is one, the
    /// usual case (flags and subcommands are read so on every command a tool shows).
    pub fn literal(&self) -> Option<Cow<'_, str>> {
        if let [Part::Lit(text)] = self.0.as_slice() {
            return Some(Cow::Borrowed(text));
        }
        self.0
            .iter()
            .map(|p| match p {
                Part::Lit(s) => Some(s.as_str()),
                _ => None,
            })
            .collect::<Option<String>>()
            .map(Cow::Owned)
    }

    /// The argument as the shell will pass it before variable expansion: variables
    /// appear as `$NAME`. This is what `argv` in a plan shows.
    pub fn unexpanded(&self) -> String {
        let mut out = String::with_capacity(self.rendered_len());
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
        self.0.iter().map(|p| expand_part(p, value_of)).collect()
    }

    /// Whether [`Arg::expanded`] would start with `-`, expanding only as far as its
    /// first character.
    pub fn starts_with_dash(&self, value_of: &dyn Fn(&str) -> String) -> bool {
        self.0
            .iter()
            .find_map(|p| expand_part(p, value_of).chars().next())
            .is_some_and(|c| c == '-')
    }

    /// The names of the variables the argument refers to.
    pub fn variables(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|p| match p {
            Part::Var(v) | Part::WithoutLastSegment(v) | Part::LastSegment(v) => Some(v.as_str()),
            Part::Lit(_) => None,
        })
    }

    pub fn render(&self) -> String {
        let mut out = String::with_capacity(self.rendered_len());
        self.render_into(&mut out);
        out
    }

    /// About how long the argument is once rendered, to size its buffer: its text,
    /// and a few characters for each reference and the quotes.
    fn rendered_len(&self) -> usize {
        self.0
            .iter()
            .map(|p| match p {
                Part::Lit(s) => s.len(),
                Part::Var(v) | Part::WithoutLastSegment(v) | Part::LastSegment(v) => v.len() + 6,
            })
            .sum::<usize>()
            + 2
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

/// A part's text once the shell has expanded it.
fn expand_part<'a>(part: &'a Part, value_of: &dyn Fn(&str) -> String) -> Cow<'a, str> {
    match part {
        Part::Lit(s) => Cow::Borrowed(s),
        Part::Var(v) => Cow::Owned(value_of(v)),
        Part::WithoutLastSegment(v) => {
            let value = value_of(v);
            Cow::Owned(match value.rsplit_once('/') {
                Some((head, _)) => head.to_string(),
                None => value,
            })
        }
        Part::LastSegment(v) => {
            let value = value_of(v);
            Cow::Owned(value.rsplit('/').next().unwrap_or_default().to_string())
        }
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
pub fn quote_into(s: &str, out: &mut String) {
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
    let mut out = String::with_capacity(argv.iter().map(|a| a.rendered_len() + 1).sum());
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
    fn a_leading_dash_is_read_from_the_expansion_as_a_whole() {
        let value_of = |v: &str| match v {
            "SLASHED" => "/-x".to_string(),
            "DASHED" => "-y/z".to_string(),
            _ => String::new(),
        };
        let cases = [
            // Cut at its only `/`, the value is empty: the next part decides.
            (
                vec![
                    Part::WithoutLastSegment("SLASHED".into()),
                    Part::Lit("k".into()),
                ],
                false,
            ),
            (vec![Part::WithoutLastSegment("DASHED".into())], true),
            (vec![Part::LastSegment("DASHED".into())], false),
            (
                vec![Part::Var("EMPTY".into()), Part::Lit("-k".into())],
                true,
            ),
            (vec![Part::Var("EMPTY".into())], false),
        ];
        for (parts, dashed) in cases {
            let arg = Arg(parts);
            assert_eq!(arg.starts_with_dash(&value_of), dashed, "{arg:?}");
            assert_eq!(arg.expanded(&value_of).starts_with('-'), dashed, "{arg:?}");
        }
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
