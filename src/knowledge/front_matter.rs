//! YAML front matter: splitting it from the body and reading the fields we use.
//!
//! Front matter is read leniently: unknown keys are ignored (Microsoft Learn articles
//! carry dozens), a scalar `sources` is accepted as a one-item list, and dates may be
//! YAML dates or strings. Only YAML that does not parse at all is an error.

use serde_yaml_ng::Value;

/// The fields of a doc's front matter that the server uses.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FrontMatter {
    pub name: Option<String>,
    pub description: Option<String>,
    /// Upstream pages the doc is based on (https URLs).
    pub sources: Vec<String>,
    /// `updated` or `verified` date, as written (`2026-11-29`).
    pub updated: Option<String>,
    /// `troubleshooting` marks a doc of troubleshooting cases.
    pub kind: Option<String>,
    /// Groups of terms that mean the same to a searcher.
    pub synonyms: Vec<Vec<String>>,
    /// Anchor of the section holding the general diagnostic checklist.
    pub checklist: Option<String>,
    /// Subjects this knowledge is about (`container registry`, `acr`).
    pub covers: Vec<String>,
    /// Neighbouring subjects it does not cover (`storage account`, `aws kms`): a
    /// question about one of them, and none of `covers`, is not answered with confidence.
    pub not_covered: Vec<String>,
    /// What the knowledge treats within the subjects it covers (`customer-managed
    /// key`, `key vault`).
    pub about: Vec<String>,
    /// Parts of a covered subject it does not treat (`webhook`, `helm chart`): a
    /// question about one of them, and none of `about`, is not answered with
    /// confidence, however squarely it names a covered subject.
    pub not_about: Vec<String>,
    /// Subjects that narrow a section to a special case (`managed hsm`, `terraform`):
    /// a section whose headings name one answers a question that names it too.
    pub qualifiers: Vec<String>,
    /// Per qualifier, what names it in a command line, where its name is not written
    /// (`[managed hsm, --hsm-name]` in the front matter): a line naming it is for it.
    pub qualifier_in_commands: Vec<Vec<String>>,
}

impl FrontMatter {
    /// `kind: troubleshooting`: a doc of troubleshooting cases.
    pub fn is_troubleshooting(&self) -> bool {
        self.kind.as_deref() == Some("troubleshooting")
    }
}

/// A front matter block that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// 1-based line in the file.
    pub line: usize,
    pub message: String,
}

/// Splits `text` into front matter and body. Returns the parsed front matter, the body,
/// and how many lines the front matter block took (so body line numbers can be mapped
/// back to file lines).
pub fn split(text: &str) -> Result<(FrontMatter, &str, usize), FrontMatterError> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((FrontMatter::default(), text, 0));
    };
    // Find the closing fence: a line that is exactly `---` or `...`.
    let mut offset = 0;
    let mut lines = 1;
    for line in rest.split_inclusive('\n') {
        lines += 1;
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed == "---" || trimmed == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let front = parse(yaml)?;
            return Ok((front, body, lines));
        }
        offset += line.len();
    }
    Err(FrontMatterError {
        line: 1,
        message: "front matter starts with `---` but has no closing `---` line".into(),
    })
}

/// The front matter of `text` as a YAML mapping, for readers of keys that only some
/// docs carry (a scenario's parameters and steps); None without front matter.
pub fn mapping(text: &str) -> Option<serde_yaml_ng::Mapping> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let end = rest
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .find(|(_, line)| *line == "---" || *line == "...")?
        .0;
    check_shape(&rest[..end]).ok()?;
    match serde_yaml_ng::from_str(&rest[..end]).ok()? {
        Value::Mapping(map) => Some(map),
        _ => None,
    }
}

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused unparsed; the
/// deepest the server reads is two (`[[managed hsm, --hsm-name]]`). Brackets are
/// counted over the whole text, quoted ones too, which no front matter comes near.
const MAX_FLOW_DEPTH: usize = 16;

/// Refuses front matter that would be costly to parse: nested too deep (the YAML
/// parser reads brackets 100,000 deep for half a minute before its own recursion limit
/// refuses them), or defining a YAML anchor (each of its aliases copies the anchored
/// value when the YAML is read, so a file of a few hundred kilobytes could take
/// gigabytes).
fn check_shape(yaml: &str) -> Result<(), FrontMatterError> {
    let refuse = |line: usize, message: String| Err(FrontMatterError { line, message });
    let mut depth = 0usize;
    for c in yaml.bytes() {
        match c {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return refuse(
                        1,
                        format!("front matter nests lists or maps more than {MAX_FLOW_DEPTH} deep"),
                    );
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    match yaml.lines().position(defines_anchor) {
        // +2: 1-based, after the opening `---` line.
        Some(i) => refuse(
            i + 2,
            "front matter defines a YAML anchor (`&name`); anchors and aliases are not supported"
                .into(),
        ),
        None => Ok(()),
    }
}

/// Whether a line of YAML starts a node with an anchor (`&name`): at the line's start,
/// after a sequence's `- `, after a key's `: `, or at an item of a flow collection.
/// An `&` inside text ("R&D", "A & B") is not one.
fn defines_anchor(line: &str) -> bool {
    let anchor = |s: &str| {
        s.trim_start()
            .strip_prefix('&')
            .and_then(|name| name.chars().next())
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'))
    };
    let mut node = line.trim_start();
    while let Some(rest) = node.strip_prefix("- ") {
        node = rest.trim_start();
    }
    if anchor(node) {
        return true;
    }
    let value = node.split_once(": ").map_or("", |(_, v)| v).trim_start();
    anchor(value)
        || value.starts_with(['[', '{'])
            && value
                .match_indices(['[', '{', ','])
                .any(|(i, _)| anchor(&value[i + 1..]))
}

fn parse(yaml: &str) -> Result<FrontMatter, FrontMatterError> {
    check_shape(yaml)?;
    let value: Value = if yaml.trim().is_empty() {
        Value::Null
    } else {
        serde_yaml_ng::from_str(yaml).map_err(|e| FrontMatterError {
            // +1 for the opening `---` line.
            line: e.location().map_or(1, |l| l.line() + 1),
            message: format!("front matter is not valid YAML: {e}"),
        })?
    };
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => return Ok(FrontMatter::default()),
        _ => {
            return Err(FrontMatterError {
                line: 2,
                message: "front matter must be a YAML mapping of keys to values".into(),
            });
        }
    };
    let get = |key: &str| map.get(Value::String(key.to_string()));
    // A qualifier is its name, or a list of its name and what names it in commands.
    let qualifiers: Vec<Vec<String>> = match get("qualifiers") {
        Some(Value::Sequence(items)) => items
            .iter()
            .map(string_list)
            .filter(|q| !q.is_empty())
            .collect(),
        Some(other) => string_list(other).into_iter().map(|q| vec![q]).collect(),
        None => Vec::new(),
    };
    Ok(FrontMatter {
        name: get("name").and_then(scalar),
        description: get("description").and_then(scalar),
        sources: get("sources").map(string_list).unwrap_or_default(),
        updated: get("updated")
            .and_then(scalar)
            .or_else(|| get("verified").and_then(scalar)),
        kind: get("kind").and_then(scalar),
        synonyms: get("synonyms")
            .and_then(Value::as_sequence)
            .map(|groups| {
                groups
                    .iter()
                    .map(string_list)
                    .filter(|g| g.len() > 1)
                    .collect()
            })
            .unwrap_or_default(),
        checklist: get("checklist").and_then(scalar),
        covers: get("covers").map(string_list).unwrap_or_default(),
        not_covered: get("not_covered").map(string_list).unwrap_or_default(),
        about: get("about").map(string_list).unwrap_or_default(),
        not_about: get("not_about").map(string_list).unwrap_or_default(),
        qualifiers: qualifiers.iter().map(|q| q[0].clone()).collect(),
        qualifier_in_commands: qualifiers.into_iter().map(|q| q[1..].to_vec()).collect(),
    })
}

fn scalar(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Tagged(t) => return scalar(&t.value),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn string_list(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costly_yaml_is_refused_before_it_is_parsed() {
        // Aliases of one anchor would copy it each time: 30 kB becoming gigabytes.
        let bomb = format!(
            "---\nname: x\na: &big {}\nb: [{}]\n---\n# T\n",
            "x".repeat(30_000),
            vec!["*big"; 5_000].join(", ")
        );
        let err = split(&bomb).unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
        assert!(err.message.contains("anchor"), "{err:?}");
        assert!(mapping(&bomb).is_none());
        for anchored in ["- &a x", "key: &a x", "k: [a, &b c]", "&a k: v"] {
            assert!(defines_anchor(anchored), "{anchored}");
        }
        for text in [
            "description: R&D and A & B",
            "- [cmk, customer-managed key]",
            "k: \"&\"",
        ] {
            assert!(!defines_anchor(text), "{text}");
        }
        // Brackets 100,000 deep took half a minute to be refused by the YAML parser.
        let deep = format!(
            "---\nx: {}{}\n---\n",
            "[".repeat(30_000),
            "]".repeat(30_000)
        );
        assert!(split(&deep).unwrap_err().message.contains("deep"));
    }

    #[test]
    fn reads_fields_and_reports_body_offset() {
        let text = "---\nname: x\ndescription: d\nsources: https://a\nupdated: 2026-11-29\nsynonyms:\n  - [cmk, customer-managed key]\n  - [lonely]\nms.topic: how-to\n---\n# T\n";
        let (fm, body, lines) = split(text).unwrap();
        assert_eq!(fm.name.as_deref(), Some("x"));
        assert_eq!(fm.sources, vec!["https://a"]);
        assert_eq!(fm.updated.as_deref(), Some("2026-11-29"));
        assert_eq!(
            fm.synonyms,
            vec![vec!["cmk".to_string(), "customer-managed key".into()]]
        );
        assert_eq!(body, "# T\n");
        assert_eq!(lines, 10);
    }

    #[test]
    fn no_front_matter_is_fine() {
        let (fm, body, lines) = split("# Title\n").unwrap();
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(body, "# Title\n");
        assert_eq!(lines, 0);
    }

    #[test]
    fn broken_yaml_names_a_line() {
        let err = split("---\nname: x\ndescription: [unclosed\n---\n").unwrap_err();
        assert!(err.message.contains("not valid YAML"), "{err:?}");
        assert!(err.line >= 2, "{err:?}");
    }

    #[test]
    fn unclosed_block_is_an_error() {
        let err = split("---\nname: x\n").unwrap_err();
        assert!(err.message.contains("no closing"));
    }
}
