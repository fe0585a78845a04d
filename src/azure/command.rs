//! `az` command lines as data: parsed once from knowledge text into argv, filled
//! with validated values, and rendered back with quoting.
//!
//! Knowledge docs are input too: a skill folder from a colleague or a user's
//! `--knowledge` directory must not be able to make the server emit a line that runs
//! more than it reads as. So a line is accepted only in a small, strict shell
//! subset (one `az` call, optionally captured into a variable, or one variable set
//! from another with its last path segment removed), parsed into argv of typed
//! [`Arg`]s, and always printed from that argv. Anything outside the subset (an
//! operator, a substitution, a backslash outside quotes, a glob) is refused with
//! the reason, never passed through.

use super::shell::{self, Arg, Part};

/// One command line of a doc or a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// `az …`, its standard output optionally captured into a variable
    /// (`KEY_ID=$(az keyvault key show …)`).
    Az {
        capture: Option<String>,
        argv: Vec<Arg>,
    },
    /// `NAME="…"`: a variable set to text and other variables, such as a key ID
    /// without its version (`"${KEY_ID%/*}"`). Nothing runs.
    Assign { var: String, value: Arg },
}

/// How a variable of a line is to be replaced by [`Line::map_variables`].
pub enum Replace {
    Keep,
    /// Refer to another variable instead.
    Rename(String),
    /// Put this (validated) value in its place; it is quoted when rendered.
    Value(String),
}

/// Words that are shell operators: an argv holding one as a word is refused even
/// when it was quoted, since no `az` argument needs it and a careless re-rendering
/// would run it.
const OPERATORS: &[&str] = &[
    ";", "&", "&&", "|", "||", ">", ">>", "<", "<<", "(", ")", ";;", "|&", "&>",
];

impl Line {
    /// Parses one command line (backslash continuations already joined).
    pub fn parse(line: &str) -> Result<Line, String> {
        let line = line.trim();
        if let Some((name, rest)) = split_assignment(line) {
            let inner = rest
                .strip_prefix("\"$(")
                .and_then(|r| r.strip_suffix(")\""))
                .or_else(|| rest.strip_prefix("$(").and_then(|r| r.strip_suffix(')')));
            if let Some(command) = inner {
                let argv = parse_az(command)?;
                return Ok(Line::Az {
                    capture: Some(name.to_string()),
                    argv,
                });
            }
            if !rest.starts_with('"') {
                return Err("an assignment's value must be double-quoted: NAME=\"...\"".into());
            }
            let mut value = words(rest)?;
            if value.len() != 1 {
                return Err("an assignment sets one word".into());
            }
            return Ok(Line::Assign {
                var: name.to_string(),
                value: value.remove(0),
            });
        }
        Ok(Line::Az {
            capture: None,
            argv: parse_az(line)?,
        })
    }

    /// The line as a script shows it.
    pub fn render(&self) -> String {
        match self {
            Line::Az {
                capture: None,
                argv,
            } => shell::render(argv),
            Line::Az {
                capture: Some(var),
                argv,
            } => format!("{var}=\"$({})\"", shell::render(argv)),
            Line::Assign { var, value } => format!("{var}={}", value.render()),
        }
    }

    /// The argv before expansion (variables as `$NAME`); empty for an assignment.
    pub fn argv(&self) -> Vec<String> {
        match self {
            Line::Az { argv, .. } => argv.iter().map(Arg::unexpanded).collect(),
            Line::Assign { .. } => Vec::new(),
        }
    }

    /// The argv with every variable replaced by `value_of`; empty for an assignment.
    pub fn expanded_argv(&self, value_of: &dyn Fn(&str) -> String) -> Vec<String> {
        match self {
            Line::Az { argv, .. } => argv.iter().map(|a| a.expanded(value_of)).collect(),
            Line::Assign { .. } => Vec::new(),
        }
    }

    /// The variable the line sets, if any.
    pub fn sets(&self) -> Option<&str> {
        match self {
            Line::Az { capture, .. } => capture.as_deref(),
            Line::Assign { var, .. } => Some(var),
        }
    }

    /// The variables the line reads.
    pub fn variables(&self) -> Vec<&str> {
        match self {
            Line::Az { argv, .. } => argv.iter().flat_map(Arg::variables).collect(),
            Line::Assign { value, .. } => value.variables().collect(),
        }
    }

    /// The line with its variables renamed or replaced by values.
    pub fn map_variables(&self, replace: &dyn Fn(&str) -> Replace) -> Line {
        let map_arg = |arg: &Arg| {
            let mut parts: Vec<Part> = Vec::new();
            for part in &arg.0 {
                let mapped = match part {
                    Part::Var(v) => match replace(v) {
                        Replace::Keep => part.clone(),
                        Replace::Rename(to) => Part::Var(to),
                        Replace::Value(text) => Part::Lit(text),
                    },
                    Part::WithoutLastSegment(v) => match replace(v) {
                        Replace::Rename(to) => Part::WithoutLastSegment(to),
                        _ => part.clone(),
                    },
                    Part::LastSegment(v) => match replace(v) {
                        Replace::Rename(to) => Part::LastSegment(to),
                        _ => part.clone(),
                    },
                    Part::Lit(_) => part.clone(),
                };
                // Adjacent literals merge, so a filled argument renders as one word.
                match (parts.last_mut(), &mapped) {
                    (Some(Part::Lit(prev)), Part::Lit(next)) => prev.push_str(next),
                    _ => parts.push(mapped),
                }
            }
            Arg(parts)
        };
        // The variable a line sets is renamed too, so an alias can name a capture.
        let target = |var: &String| match replace(var) {
            Replace::Rename(to) => to,
            _ => var.clone(),
        };
        match self {
            Line::Az { capture, argv } => Line::Az {
                capture: capture.as_ref().map(target),
                argv: argv.iter().map(map_arg).collect(),
            },
            Line::Assign { var, value } => Line::Assign {
                var: target(var),
                value: map_arg(value),
            },
        }
    }

    /// Whether the command deletes or removes something (a role assignment, an
    /// access policy, a key, an identity): such a step must be marked for the user.
    pub fn is_destructive(&self) -> bool {
        let Line::Az { argv, .. } = self else {
            return false;
        };
        argv.iter()
            .skip(1)
            .map_while(|a| a.literal().filter(|w| !w.starts_with('-')))
            .any(|w| matches!(&*w, "delete" | "delete-policy" | "purge" | "remove"))
    }

    /// Joins `--flag value` into `--flag=value` where the value, as `value_of`
    /// expands it, starts with `-`: the Azure CLI would otherwise read such a value
    /// (a resource group named `-h`) as an option of its own. `None` when no value
    /// needs it, the common case: the line is then used as it is, not copied.
    pub fn guard_dashed_values(&self, value_of: &dyn Fn(&str) -> Option<String>) -> Option<Line> {
        let Line::Az { capture, argv } = self else {
            return None;
        };
        let dashed = |i: usize| {
            // Only a value that holds a variable can start with a dash the author did
            // not write (`--ignore-errors --yes` is two flags, as written). Asked
            // first: it is the cheaper test, and few arguments pass it.
            let value = &argv[i + 1];
            if !value.0.iter().any(|p| matches!(p, Part::Var(_))) {
                return None;
            }
            argv[i]
                .literal()
                .filter(|f| f.starts_with("--") && !f.contains('='))
                .filter(|_| value.starts_with_dash(&|v| value_of(v).unwrap_or_default()))
        };
        // Copied only from the first value that needs joining; until then, nothing.
        let mut guarded: Option<Vec<Arg>> = None;
        let mut i = 0;
        while i < argv.len() {
            if let Some(flag) = (i + 1 < argv.len()).then(|| dashed(i)).flatten() {
                let mut parts = vec![Part::Lit(format!("{flag}="))];
                parts.extend(argv[i + 1].0.iter().cloned());
                guarded
                    .get_or_insert_with(|| argv[..i].to_vec())
                    .push(Arg(parts));
                i += 2;
            } else {
                if let Some(g) = &mut guarded {
                    g.push(argv[i].clone());
                }
                i += 1;
            }
        }
        guarded.map(|argv| Line::Az {
            capture: capture.clone(),
            argv,
        })
    }

    /// Whether `replace` keeps every variable the line reads or sets: a line then
    /// maps to itself, and need not be copied.
    pub fn keeps_variables(&self, replace: &dyn Fn(&str) -> Replace) -> bool {
        self.variables()
            .into_iter()
            .chain(self.sets())
            .all(|var| matches!(replace(var), Replace::Keep))
    }
}

/// Whether a shell line runs `az`: itself, or in a lookup that fills a variable
/// (`KEY_VAULT_ID=$(az keyvault show …)`).
pub fn runs_az(line: &str) -> bool {
    line.starts_with("az ") || line.contains("$(az ")
}

/// Whether an `az` line only reads: `show` or `list` among the words before its
/// first flag, as in a check or a lookup that fills a variable
/// (`KEY_ID=$(az keyvault key show …)`).
pub fn only_reads(line: &str) -> bool {
    line.split_whitespace()
        .take_while(|w| !w.starts_with('-'))
        .any(|w| w == "show" || w == "list")
}

/// The action among shell lines: the first that runs `az` itself, else the first
/// lookup that runs it to fill a variable.
pub fn action_among<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    lines
        .clone()
        .find(|l| l.starts_with("az "))
        .or_else(|| lines.into_iter().find(|l| runs_az(l)))
}

/// Command lines of a code block: comments and blank lines dropped, backslash
/// continuations joined.
pub fn lines_of(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in code.lines() {
        let t = line.trim();
        if pending.is_empty() && (t.is_empty() || t.starts_with('#')) {
            continue;
        }
        if let Some(head) = t.strip_suffix('\\') {
            pending.push_str(head.trim_end());
            pending.push(' ');
            continue;
        }
        pending.push_str(t);
        out.push(std::mem::take(&mut pending));
    }
    if !pending.trim().is_empty() {
        out.push(pending.trim().to_string());
    }
    out
}

/// `NAME=rest` where NAME is a shell variable name.
fn split_assignment(line: &str) -> Option<(&str, &str)> {
    let (name, rest) = line.split_once('=')?;
    is_name(name).then_some((name, rest))
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Characters an unquoted word may hold: none of them means anything to bash.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c)
}

fn parse_az(text: &str) -> Result<Vec<Arg>, String> {
    let argv = words(text)?;
    match argv.first().and_then(Arg::literal).as_deref() {
        Some("az") => {}
        _ => return Err("not an az command".into()),
    }
    for arg in &argv {
        if let Some(word) = arg.literal()
            && OPERATORS.contains(&&*word)
        {
            return Err(format!("shell operator {word:?} as an argument"));
        }
    }
    Ok(argv)
}

/// Splits `text` into words with bash's quoting rules, restricted to the subset
/// commands need.
fn words(text: &str) -> Result<Vec<Arg>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut argv = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' || chars[i] == '\t' {
            i += 1;
            continue;
        }
        let mut parts: Vec<Part> = Vec::new();
        let mut lit = String::new();
        while i < chars.len() && chars[i] != ' ' && chars[i] != '\t' {
            match chars[i] {
                '\'' => {
                    let end = chars[i + 1..]
                        .iter()
                        .position(|&c| c == '\'')
                        .ok_or("unbalanced single quote")?;
                    lit.extend(&chars[i + 1..i + 1 + end]);
                    i += end + 2;
                }
                '"' => {
                    i += 1;
                    loop {
                        let c = *chars.get(i).ok_or("unbalanced double quote")?;
                        match c {
                            '"' => {
                                i += 1;
                                break;
                            }
                            '\\' => {
                                let next = *chars.get(i + 1).ok_or("unbalanced double quote")?;
                                if !matches!(next, '"' | '\\' | '$' | '`') {
                                    lit.push('\\');
                                }
                                lit.push(next);
                                i += 2;
                            }
                            '`' => return Err("command substitution".into()),
                            '$' => {
                                i = variable(&chars, i, &mut lit, &mut parts)?;
                            }
                            c => {
                                lit.push(c);
                                i += 1;
                            }
                        }
                    }
                }
                '$' => i = variable(&chars, i, &mut lit, &mut parts)?,
                '\\' => return Err("a backslash escape outside quotes".into()),
                c if plain(c) => {
                    lit.push(c);
                    i += 1;
                }
                c => return Err(format!("unquoted {c:?}")),
            }
        }
        if !lit.is_empty() || parts.is_empty() {
            parts.push(Part::Lit(lit));
        }
        argv.push(Arg(parts));
    }
    Ok(argv)
}

/// Reads `$NAME` or `${NAME}` at `chars[at]`, flushing `lit` into `parts` first;
/// returns the index after it.
fn variable(
    chars: &[char],
    at: usize,
    lit: &mut String,
    parts: &mut Vec<Part>,
) -> Result<usize, String> {
    let (part, end) = if chars.get(at + 1) == Some(&'{') {
        let close = chars[at + 2..]
            .iter()
            .position(|&c| c == '}')
            .ok_or("unclosed ${")?;
        let inner: String = chars[at + 2..at + 2 + close].iter().collect();
        // The two expansions commands need, and nothing else: no defaults, no
        // nested substitutions.
        let part = if let Some(name) = inner.strip_suffix("%/*") {
            Part::WithoutLastSegment(name.to_string())
        } else if let Some(name) = inner.strip_suffix("##*/") {
            Part::LastSegment(name.to_string())
        } else {
            Part::Var(inner)
        };
        (part, at + 3 + close)
    } else if chars.get(at + 1) == Some(&'(') {
        return Err("command substitution".into());
    } else {
        let len = chars[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
            .count();
        (
            Part::Var(chars[at + 1..at + 1 + len].iter().collect()),
            at + 1 + len,
        )
    };
    let (Part::Var(name) | Part::WithoutLastSegment(name) | Part::LastSegment(name)) = &part else {
        unreachable!("a variable part")
    };
    if !is_name(name) {
        return Err(format!("${name:?} is not a plain variable reference"));
    }
    if !lit.is_empty() {
        parts.push(Part::Lit(std::mem::take(lit)));
    }
    parts.push(part);
    Ok(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(line: &str) -> String {
        Line::parse(line).unwrap().render()
    }

    #[test]
    fn plain_captured_and_assigned_lines() {
        assert_eq!(
            round_trip("az acr show --name \"$REGISTRY_NAME\" --query id -o tsv"),
            "az acr show --name \"$REGISTRY_NAME\" --query id -o tsv"
        );
        assert_eq!(
            round_trip("KEY_ID=$(az keyvault key show --name \"$KEY_NAME\" --query key.kid)"),
            "KEY_ID=\"$(az keyvault key show --name \"$KEY_NAME\" --query key.kid)\""
        );
        assert_eq!(
            round_trip("KEY_ID=\"${KEY_ID%/*}\""),
            "KEY_ID=\"${KEY_ID%/*}\""
        );
        assert_eq!(
            round_trip("az acr identity assign --identities \"[system]\""),
            "az acr identity assign --identities '[system]'"
        );
        let json = r#"az keyvault key rotation-policy update --value "{\"a\":\"$KEY_ROTATION_INTERVAL\"}""#;
        let line = Line::parse(json).unwrap();
        assert_eq!(
            line.argv()[6],
            "{\"a\":\"$KEY_ROTATION_INTERVAL\"}",
            "{line:?}"
        );
        assert_eq!(
            shell_words::split(&line.render()).unwrap()[4],
            line.argv()[4]
        );
    }

    #[test]
    fn anything_outside_the_subset_is_refused() {
        for bad in [
            r"az acr show --name \' ; id ; echo \'",
            r#"az acr show --name \" ; touch /tmp/x \""#,
            r"az acr show --name \' && id && \'",
            "az acr show; id",
            "az acr show | sh",
            "az acr show > /etc/passwd",
            "az acr show --name $(id)",
            "az acr show --name \"$(id)\"",
            "az acr show --name `id`",
            "az acr show --name \"`id`\"",
            "az acr show --name ';'",
            "az acr show --name *",
            "az acr show --name [system]",
            "az acr show --name 'x",
            "rm -rf /",
            "X=$(rm -rf /)",
            "X=\"${Y:-$(id)}\"",
            "X=\"${Y%/*}\"; id",
            "X=\"${Y}\" \"z\"",
            "X=y",
            "az acr show --name \"${X:-y}\"",
        ] {
            assert!(Line::parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn values_fill_in_quoted_whatever_the_quotes_around_them() {
        let line = Line::parse(
            "az acr show --resource-group \"$RESOURCE_GROUP\" --query '[?g==$RESOURCE_GROUP]'",
        )
        .unwrap();
        let filled = line.map_variables(&|v| match v {
            "RESOURCE_GROUP" => Replace::Value("rg(x)'y".into()),
            _ => Replace::Keep,
        });
        let rendered = filled.render();
        assert_eq!(
            shell_words::split(&rendered).unwrap(),
            [
                "az",
                "acr",
                "show",
                "--resource-group",
                "rg(x)'y",
                "--query",
                "[?g==$RESOURCE_GROUP]"
            ]
        );
    }

    #[test]
    fn a_show_or_a_list_only_reads() {
        assert!(only_reads("az acr encryption show --name x --query y"));
        assert!(only_reads("KEY_ID=$(az keyvault key show --name k)"));
        assert!(!only_reads(
            "az keyvault update --name x --enable-purge-protection true"
        ));
        // A flag's value is no verb.
        assert!(!only_reads("az acr update --name show"));
    }

    #[test]
    fn deleting_commands_are_destructive() {
        let d = |l: &str| Line::parse(l).unwrap().is_destructive();
        assert!(d("az role assignment delete --assignee-object-id \"$P\""));
        assert!(d("az keyvault delete-policy --name x"));
        assert!(d("az acr identity remove --name x --identities y"));
        assert!(!d("az acr show --name delete"));
        assert!(!d("X=$(az keyvault key show --name k)"));
    }

    #[test]
    fn dashed_values_are_joined_to_their_flag() {
        let line =
            Line::parse("az acr show --resource-group \"$RESOURCE_GROUP\" --name x").unwrap();
        let guarded = line.guard_dashed_values(&|_| Some("-h".into())).unwrap();
        assert_eq!(
            guarded.render(),
            "az acr show \"--resource-group=$RESOURCE_GROUP\" --name x"
        );
        assert_eq!(line.guard_dashed_values(&|_| Some("rg".into())), None);
        let flags = Line::parse("az acr check-health --ignore-errors --yes").unwrap();
        assert_eq!(flags.guard_dashed_values(&|_| Some("-x".into())), None);
        // Two dashed values on one line, the second right after the first.
        let two = Line::parse("az x --a \"$A\" --b \"$B\" --c z").unwrap();
        assert_eq!(
            two.guard_dashed_values(&|_| Some("-v".into()))
                .unwrap()
                .render(),
            "az x \"--a=$A\" \"--b=$B\" --c z"
        );
    }
}
