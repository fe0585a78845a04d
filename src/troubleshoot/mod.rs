//! `troubleshoot`: from a pasted error or a described symptom to ranked cases.
//!
//! Two signals are combined. Exact error fragments from a case's **Errors:** list,
//! found anywhere in the pasted text, count strongly: they survive GUIDs, URLs and
//! timestamps around them. Plain-language symptoms go through the search index,
//! restricted to case sections, with the same IDF-weighted coverage that decides
//! confidence for questions. A text that matches neither well is answered with
//! `confident: false`, the nearest cases and the general checklist.

pub mod cases;

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use cases::{Case, CaseCatalog, FixPart};

use crate::azure::command::{Line, Replace};
use crate::error::InputError;
use crate::knowledge::{Citation, CitationList, Corpus, KnowledgeVersion};
use crate::request;
use crate::search::answer::{MIN_CONFIDENT_COVERAGE, Snippet, snippet};
use crate::search::{Hit, SearchIndex};
use crate::setup::parameters;

pub const MAX_SYMPTOM_CHARS: usize = 20_000;
/// Reference sections shown beside the cases.
const REFERENCE_SNIPPETS: usize = 2;
const MAX_MATCHES: usize = 3;
/// Coverage a case needs to be matched with confidence from its wording alone.
const MIN_TEXT_COVERAGE: f32 = 0.6;
/// The query sent to the index is cut to this many words: enough for any description,
/// and a whole pasted log does not drown the words that matter.
const MAX_QUERY_WORDS: usize = 400;

/// Parameters of `troubleshoot`. The names are checked by the same rules as
/// `get_setup_commands`' and filled into the commands, quoted.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TroubleshootRequest {
    /// The error text or symptom, 1-20,000 characters. Optional names below fill
    /// the commands.
    pub symptom: String,
    pub registry_name: Option<String>,
    pub resource_group: Option<String>,
    pub key_vault_name: Option<String>,
    pub hsm_name: Option<String>,
    pub key_name: Option<String>,
    pub identity_name: Option<String>,
}

impl TroubleshootRequest {
    /// The names given, each checked by its parameter's rule, by script variable.
    fn fills(&self) -> Result<Vec<(&'static str, String)>, InputError> {
        let given = [
            ("registry_name", &self.registry_name),
            ("resource_group", &self.resource_group),
            ("key_vault_name", &self.key_vault_name),
            ("hsm_name", &self.hsm_name),
            ("key_name", &self.key_name),
            ("identity_name", &self.identity_name),
        ];
        let mut fills = Vec::new();
        for (name, value) in given {
            let Some(value) = value else { continue };
            let parameter = parameters::parameter(name).expect("a setup parameter");
            parameters::validate(parameter, &value.clone().into())?;
            if let Some(var) = parameter.variable {
                fills.push((var, value.clone()));
            }
        }
        Ok(fills)
    }
}

/// One fix item: a step to take, or a command to run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FixItem {
    pub kind: FixKind,
    pub text: String,
    /// True for a command that deletes or removes something.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub destructive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FixKind {
    Step,
    Command,
}

/// A case that fits the symptom.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CaseMatch {
    pub id: String,
    pub title: String,
    pub cause: String,
    /// 0 to 1: how sure the match is, to three decimals.
    #[serde(serialize_with = "crate::round::serialize")]
    #[schemars(with = "f64")]
    pub confidence: f32,
    /// The error fragments of the case found in the text (omitted when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub matched_errors: Vec<String>,
    /// Read-only commands that confirm the cause.
    pub diagnose: Vec<String>,
    /// Steps and commands that fix it, in order.
    pub fix: Vec<FixItem>,
    /// Indexes of the case's citations in the diagnosis' `citations`.
    pub cites: Vec<usize>,
    /// The case's citations, for Rust callers; not sent (see `cites`).
    #[serde(skip)]
    pub citations: Vec<Citation>,
}

/// The result of `troubleshoot`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Diagnosis {
    /// False when no case fits well; `matches` are then only the nearest cases.
    pub confident: bool,
    pub matches: Vec<CaseMatch>,
    /// When not confident: a general checklist of read-only commands.
    pub checklist: Vec<String>,
    /// Shell variables the commands use that were not given as parameters.
    pub unset_variables: Vec<String>,
    /// Related knowledge, for context.
    pub snippets: Vec<Snippet>,
    /// Every section the matches and snippets cite, once; they refer to it by index.
    pub citations: Vec<Citation>,
    /// Which knowledge answered.
    pub knowledge: KnowledgeVersion,
}

pub fn diagnose(
    corpus: &Corpus,
    index: &SearchIndex,
    catalog: &CaseCatalog,
    req: &TroubleshootRequest,
) -> Result<Diagnosis, InputError> {
    let symptom = request::text("symptom", &req.symptom, MAX_SYMPTOM_CHARS)?;
    let fills = req.fills()?;

    let normalized = cases::normalize_error(&symptom);
    let query = search_text(&symptom);
    let analyzed = index.analyze(&query);
    // One ranking serves both lists: cases, and reference sections for context.
    // Related knowledge only when it covers the symptom as an answer would: a section
    // that shares a word or two with a log is noise in the caller's context.
    let (hits, reference) =
        index.search_cases_and_references(&analyzed, REFERENCE_SNIPPETS, MIN_CONFIDENT_COVERAGE);
    // The cases the search found, by their index in the catalog, in catalog order. A
    // large corpus matches thousands: each is visited once, and the catalog's other
    // cases not at all.
    let mut found: Vec<(usize, &Hit)> = hits
        .iter()
        .filter_map(|h| catalog.index_at(h.section).map(|i| (i, h)))
        .collect();
    found.sort_unstable_by_key(|&(i, _)| i);
    let top_score = found
        .iter()
        .map(|(_, h)| h.score)
        .reduce(f32::max)
        .map_or(1.0, |best| best.max(f32::EPSILON));

    struct Scored {
        case: usize,
        rank: f32,
        confidence: f32,
        distinctive: bool,
        matched: Vec<String>,
    }
    // The cases the symptom pastes from, found in one pass over every case's fragments.
    let pasting = catalog.cases_pasted_in(&normalized);
    let pasted_only = pasting
        .iter()
        .filter(|&&i| found.binary_search_by_key(&i, |&(j, _)| j).is_err())
        .map(|&i| (i, None));
    let mut scored: Vec<Scored> = Vec::new();
    for (i, hit) in found.iter().map(|&(i, h)| (i, Some(h))).chain(pasted_only) {
        let case = &catalog.cases[i];
        let matched: Vec<String> = if pasting.binary_search(&i).is_ok() {
            case.errors_in(&normalized).cloned().collect()
        } else {
            Vec::new()
        };
        let distinctive = matched.iter().any(|m| cases::is_distinctive(m));
        // Every distinct fragment found adds weight, longer ones more: two fragments of
        // one case outweigh a single fragment another case shares.
        let fingerprint: f32 = matched
            .iter()
            .map(|m| (m.chars().count() as f32 / 40.0).min(1.0))
            .sum();
        let text = hit.map_or(0.0, |h| h.score / top_score);
        let coverage = hit.map_or(0.0, |h| h.coverage);
        if matched.is_empty() && hit.is_none() {
            continue;
        }
        let confidence = if distinctive {
            (0.85 + 0.15 * text).min(0.99)
        } else {
            (0.8 * coverage + if matched.is_empty() { 0.0 } else { 0.1 }).min(0.9)
        };
        scored.push(Scored {
            case: i,
            rank: 10.0 * fingerprint + text + coverage,
            confidence,
            distinctive,
            matched,
        });
    }
    // Rank, then catalog order, tells every two cases apart: the best few are found
    // without sorting the rest.
    let order = |a: &Scored, b: &Scored| b.rank.total_cmp(&a.rank).then(a.case.cmp(&b.case));
    if scored.len() > MAX_MATCHES {
        scored.select_nth_unstable_by(MAX_MATCHES - 1, order);
        scored.truncate(MAX_MATCHES);
    }
    scored.sort_unstable_by(order);
    let confident = scored
        .first()
        .is_some_and(|s| s.distinctive || s.confidence >= 0.8 * MIN_TEXT_COVERAGE);

    let mut unset = Vec::new();
    let mut fill = |command: &Line| fill_command(command, &fills, &mut unset);
    let matches: Vec<CaseMatch> = scored
        .iter()
        .map(|s| {
            let case = &catalog.cases[s.case];
            CaseMatch {
                id: case.id.clone(),
                title: case.title.clone(),
                cause: case.cause.clone(),
                confidence: (s.confidence * 100.0).round() / 100.0,
                matched_errors: s.matched.clone(),
                diagnose: case.diagnose.iter().map(&mut fill).collect(),
                fix: case
                    .fix
                    .iter()
                    .map(|f| match f {
                        FixPart::Step(t) => FixItem {
                            kind: FixKind::Step,
                            text: t.clone(),
                            destructive: false,
                        },
                        FixPart::Command(c) => FixItem {
                            kind: FixKind::Command,
                            text: fill(c),
                            destructive: c.is_destructive(),
                        },
                    })
                    .collect(),
                cites: Vec::new(),
                citations: vec![corpus.citation(case.section)],
            }
        })
        .collect();
    let checklist = if confident {
        Vec::new()
    } else {
        catalog.checklist.iter().map(&mut fill).collect()
    };
    unset.sort();
    unset.dedup();
    let mut matches = matches;
    let mut list = CitationList::default();
    for m in &mut matches {
        m.cites = m.citations.iter().map(|c| list.cite(c)).collect();
    }
    let snippets: Vec<Snippet> = reference
        .iter()
        .map(|h| {
            let mut s = snippet(corpus, h.section, h.score);
            s.cite = list.cite(&corpus.citation(h.section));
            s
        })
        .collect();
    Ok(Diagnosis {
        confident,
        matches,
        checklist,
        unset_variables: unset,
        snippets,
        citations: list.into_vec(),
        knowledge: corpus.version.clone(),
    })
}

/// The command with the given names in place of their variables, quoted as values;
/// parameter variables left unfilled are recorded for the user to set.
fn fill_command(
    command: &Line,
    fills: &[(&'static str, String)],
    unset: &mut Vec<String>,
) -> String {
    let given = |var: &str| {
        fills
            .iter()
            .find(|(v, _)| *v == var)
            .map(|(_, x)| x.clone())
    };
    // Join `--flag value` first, while the value is still a variable: once filled, a
    // value starting with `-` would look like a flag of its own.
    let guarded = command.guard_dashed_values(&given);
    let guarded = guarded.as_ref().unwrap_or(command);
    // Nothing to fill is the common call: then the mapping pass is skipped.
    let filled = if fills.is_empty() {
        Cow::Borrowed(guarded)
    } else {
        Cow::Owned(guarded.map_variables(&|var| match given(var) {
            Some(value) => Replace::Value(value),
            None => Replace::Keep,
        }))
    };
    for var in filled.variables() {
        if parameters::by_variable(var).is_some() {
            unset.push(var.to_string());
        }
    }
    filled.render()
}

/// The symptom with the noise of pasted logs removed (GUIDs, URLs, hex ids,
/// timestamps, long numbers), cut to a bounded number of words.
fn search_text(symptom: &str) -> String {
    symptom
        .split_whitespace()
        .filter(|w| !is_noise(w))
        .take(MAX_QUERY_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_noise(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return true;
    }
    if word.contains("://") {
        return true;
    }
    let hexish = w.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    let digits = w.chars().filter(char::is_ascii_digit).count();
    (hexish && w.len() >= 16) || (digits >= 4 && digits * 2 >= w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filling_quotes_values_and_lists_the_rest() {
        let fills = vec![
            ("REGISTRY_NAME", "myregistry".to_string()),
            ("RESOURCE_GROUP", "rg(prod)".to_string()),
        ];
        let mut unset = Vec::new();
        let line = Line::parse(
            "az acr show --name \"$REGISTRY_NAME\" --resource-group \"$RESOURCE_GROUP\" --x \"$KEY_VAULT_NAME\" --y \"$REGISTRY_NAME_2\" --query '[?g==$RESOURCE_GROUP]'",
        )
        .unwrap();
        let out = fill_command(&line, &fills, &mut unset);
        assert_eq!(
            out,
            "az acr show --name myregistry --resource-group 'rg(prod)' --x \"$KEY_VAULT_NAME\" --y \"$REGISTRY_NAME_2\" --query '[?g==$RESOURCE_GROUP]'"
        );
        assert_eq!(unset, ["KEY_VAULT_NAME"]);
        let dashed = vec![("RESOURCE_GROUP", "-rg".to_string())];
        let out = fill_command(&line, &dashed, &mut unset);
        assert!(out.contains("--resource-group=-rg"), "{out}");
    }

    #[test]
    fn log_noise_is_dropped() {
        let text = search_text(
            "2026-11-29T10:00:00Z 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b https://x.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef Forbidden 403 caller",
        );
        assert_eq!(text, "Forbidden 403 caller");
    }
}
