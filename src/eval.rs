//! Retrieval evaluation: the dev set of questions in `eval/questions.json`, the metrics
//! peers report (Hit@1, Hit@3, MRR, nDCG@5, fact recall in the top three, off-topic
//! decline), broken down by category, and the comparison with a committed baseline
//! that CI uses as a gate.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use std::path::{Path, PathBuf};

use crate::engine::Engine;
use crate::request::AnswerRequest;
use crate::search::Tuning;

/// Results looked at per question: nDCG is taken at 5, MRR over these.
const DEPTH: usize = 10;

/// One labelled question.
#[derive(Debug, Clone, Deserialize)]
pub struct Question {
    pub id: String,
    pub category: String,
    pub question: String,
    /// Sections (`doc#anchor`) that answer it; empty for an off-topic question.
    #[serde(default)]
    pub canonical: Vec<String>,
    /// Sections that help.
    #[serde(default)]
    pub related: Vec<String>,
    /// Lowercase phrases the top three snippets must contain between them.
    #[serde(default)]
    pub facts: Vec<String>,
    /// Lowercase phrases the extracted answer must contain.
    #[serde(default)]
    pub answer_facts: Vec<String>,
    /// The right answer in words; for a yes/no question it opens with "Yes" or "No".
    #[serde(default)]
    pub truth: String,
}

impl Question {
    pub fn off_topic(&self) -> bool {
        self.canonical.is_empty()
    }

    /// `yes` or `no` when `truth` opens with that word ("No: the docs recommend
    /// it…"); a truth that opens otherwise ("Not required", "It depends") has none.
    pub fn expected_verdict(&self) -> Option<&'static str> {
        let first = self
            .truth
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())?;
        ["yes", "no"]
            .into_iter()
            .find(|v| first.eq_ignore_ascii_case(v))
    }
}

/// Metrics over a set of questions; rates are 0 to 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub questions: usize,
    pub hit_at_1: f64,
    pub hit_at_3: f64,
    pub mrr: f64,
    pub ndcg_at_5: f64,
    pub fact_recall_at_3: f64,
    /// On-topic questions answered with `confident: true`.
    pub confident_rate: f64,
    /// Of the on-topic questions answered with `confident: true`, the share with a
    /// right section among the first three (1 when none is): a confident answer from
    /// the wrong sections misleads more than "no confident match", and a rule that
    /// makes more answers confident must not buy them with such ones.
    #[serde(default = "one")]
    pub confident_precision: f64,
    pub off_topic_questions: usize,
    /// Off-topic questions answered with `confident: false`.
    pub off_topic_decline: f64,
    /// On-topic questions with answer checks whose extracted answer holds every
    /// expected phrase.
    #[serde(default)]
    pub answer_accuracy: f64,
    /// Of the "Yes."/"No." verdicts given to on-topic questions whose truth opens with
    /// one, the share that is right (1 when none is given): a wrong verdict misleads
    /// more than none.
    #[serde(default = "one")]
    pub verdict_precision: f64,
    /// Of the on-topic questions whose truth opens with "Yes" or "No", the share whose
    /// answer opens with the same verdict (1 when there are none).
    #[serde(default = "one")]
    pub verdict_recall: f64,
}

fn one() -> f64 {
    1.0
}

/// The headline metrics the CI gate compares with the baseline.
pub const HEADLINE: [&str; 10] = [
    "hit_at_1",
    "hit_at_3",
    "mrr",
    "ndcg_at_5",
    "fact_recall_at_3",
    "confident_precision",
    "off_topic_decline",
    "answer_accuracy",
    "verdict_precision",
    "verdict_recall",
];

impl Metrics {
    pub fn get(&self, name: &str) -> f64 {
        match name {
            "hit_at_1" => self.hit_at_1,
            "hit_at_3" => self.hit_at_3,
            "mrr" => self.mrr,
            "ndcg_at_5" => self.ndcg_at_5,
            "fact_recall_at_3" => self.fact_recall_at_3,
            "confident_rate" => self.confident_rate,
            "confident_precision" => self.confident_precision,
            "off_topic_decline" => self.off_topic_decline,
            "answer_accuracy" => self.answer_accuracy,
            "verdict_precision" => self.verdict_precision,
            "verdict_recall" => self.verdict_recall,
            _ => f64::NAN,
        }
    }
}

/// How one question fared.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub id: String,
    pub category: String,
    pub off_topic: bool,
    pub confident: bool,
    /// 1-based rank of the first canonical section, if any was returned.
    pub rank: Option<usize>,
    pub ndcg_at_5: f64,
    pub fact_recall: f64,
    /// Whether the extracted answer holds every answer fact; None without answer facts.
    pub answer_ok: Option<bool>,
    /// The verdict the truth opens with, and the one the answer gave.
    pub expected_verdict: Option<String>,
    pub verdict: Option<String>,
    pub answer: Option<String>,
    pub top: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub overall: Metrics,
    pub by_category: BTreeMap<String, Metrics>,
    pub outcomes: Vec<Outcome>,
}

pub fn load_questions(json: &str) -> Result<Vec<Question>, serde_json::Error> {
    serde_json::from_str(json)
}

/// The dev set, as `eval` names it by default.
pub const DEV_SET: &str = "eval/questions.json";

/// The snippet budget facts are judged in: the default budget before #16 made
/// responses lean, so figures stay comparable with the baselines.
pub const FACT_BUDGET: i64 = 8_000;

/// Reads a question set. A relative path that is not found from the working
/// directory is looked up in this program's source tree, where the sets live, so
/// `eval` works from any directory of a checkout.
pub fn read_set(path: &Path) -> Result<(PathBuf, Vec<Question>), String> {
    let in_source = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let found = if path.exists() || path.is_absolute() || !in_source.exists() {
        path.to_path_buf()
    } else {
        in_source
    };
    let text = std::fs::read_to_string(&found).map_err(|e| {
        format!(
            "reading {}: {e} (name a question set with --questions FILE)",
            found.display()
        )
    })?;
    let questions =
        load_questions(&text).map_err(|e| format!("parsing {}: {e}", found.display()))?;
    Ok((found, questions))
}

/// For each ranking technique, the change in every headline metric when it alone
/// is switched off; the engine comes back with its own tuning.
pub fn ablation(
    engine: Engine,
    questions: &[Question],
    with_all: &Metrics,
) -> (Engine, Vec<(&'static str, Vec<f64>)>) {
    let own = engine.tuning();
    let mut engine = engine;
    let mut rows = Vec::new();
    for (name, tuning) in Tuning::ablations() {
        engine = engine.with_tuning(tuning);
        let off = run(&engine, questions).overall;
        rows.push((
            name,
            HEADLINE
                .iter()
                .map(|m| off.get(m) - with_all.get(m))
                .collect(),
        ));
    }
    (engine.with_tuning(own), rows)
}

/// The ablation rows as a table, for people.
pub fn ablation_table(rows: &[(&'static str, Vec<f64>)]) -> String {
    let mut out = format!(
        "ablation: the change in each headline metric when one technique is switched off\n{:<16} {}\n",
        "technique",
        HEADLINE.join("  ")
    );
    for (name, deltas) in rows {
        let cells: Vec<String> = deltas.iter().map(|d| format!("{d:>+8.3}")).collect();
        out.push_str(&format!("{name:<16} {}\n", cells.join(" ")));
    }
    out
}

/// Compares with the baseline in `path`: the regressions of more than two points.
pub fn against_baseline(current: &Metrics, path: &Path) -> Result<Vec<String>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let baseline: Metrics =
        serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))?;
    Ok(regressions(current, &baseline, 0.02))
}

pub fn run(engine: &Engine, questions: &[Question]) -> Report {
    let outcomes: Vec<Outcome> = questions.iter().map(|q| evaluate(engine, q)).collect();
    let overall = aggregate(outcomes.iter());
    let mut by_category = BTreeMap::new();
    for category in outcomes
        .iter()
        .map(|o| o.category.clone())
        .collect::<std::collections::BTreeSet<_>>()
    {
        by_category.insert(
            category.clone(),
            aggregate(outcomes.iter().filter(|o| o.category == category)),
        );
    }
    Report {
        overall,
        by_category,
        outcomes,
    }
}

fn evaluate(engine: &Engine, q: &Question) -> Outcome {
    let ask = |max_results: Option<i64>, max_chars: Option<i64>| {
        engine
            .answer(&AnswerRequest {
                question: q.question.clone(),
                max_results,
                max_chars,
            })
            .expect("eval questions are valid input")
    };
    let answer = ask(Some(DEPTH as i64), Some(20_000));
    // A merged snippet stands for each section it holds, at its rank.
    let ids = |s: &crate::search::answer::Snippet| {
        std::iter::once(s.anchor.clone())
            .chain(s.merged_anchors.clone())
            .map(|a| format!("{}#{a}", s.doc))
            .collect::<Vec<_>>()
    };
    let per_rank: Vec<Vec<String>> = answer.snippets.iter().map(ids).collect();
    let top: Vec<String> = per_rank.iter().map(|ids| ids[0].clone()).collect();
    let gain = |id: &str| {
        if q.canonical.iter().any(|c| c == id) {
            2.0
        } else if q.related.iter().any(|r| r == id) {
            1.0
        } else {
            0.0
        }
    };
    let rank = per_rank
        .iter()
        .position(|ids| ids.iter().any(|id| q.canonical.contains(id)))
        .map(|p| p + 1);
    let dcg: f64 = per_rank
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, ids)| {
            (2f64.powf(ids.iter().map(|id| gain(id)).fold(0.0, f64::max)) - 1.0)
                / (i as f64 + 2.0).log2()
        })
        .sum();
    let mut ideal: Vec<f64> = q
        .canonical
        .iter()
        .map(|_| 2.0)
        .chain(q.related.iter().map(|_| 1.0))
        .collect();
    ideal.truncate(5);
    let idcg: f64 = ideal
        .iter()
        .enumerate()
        .map(|(i, g)| (2f64.powf(*g) - 1.0) / (i as f64 + 2.0).log2())
        .sum();
    // Facts are judged on three snippets in FACT_BUDGET characters, so the figure
    // measures retrieval, not the response-size default (#16; that default is
    // guarded by tests/response_budgets.rs). The direct answer is the default call's.
    let default = ask(None, None);
    let facts = ask(None, Some(FACT_BUDGET));
    let text: String = facts
        .snippets
        .iter()
        .take(3)
        .map(|s| format!("{} {}", s.heading_path.join(" "), s.text))
        .collect::<Vec<_>>()
        .join("\n");
    let text = comparable(&text);
    let found = q
        .facts
        .iter()
        .filter(|f| text.contains(&comparable(f)))
        .count();
    Outcome {
        id: q.id.clone(),
        category: q.category.clone(),
        off_topic: q.off_topic(),
        confident: answer.confident,
        rank,
        ndcg_at_5: if idcg > 0.0 { dcg / idcg } else { 0.0 },
        fact_recall: if q.facts.is_empty() {
            1.0
        } else {
            found as f64 / q.facts.len() as f64
        },
        answer_ok: (!q.answer_facts.is_empty()).then(|| {
            let text = comparable(default.answer.as_ref().map_or("", |a| a.text.as_str()));
            q.answer_facts.iter().all(|f| text.contains(&comparable(f)))
        }),
        expected_verdict: q.expected_verdict().map(str::to_string),
        verdict: default.answer.as_ref().and_then(|a| a.verdict.clone()),
        answer: default.answer.as_ref().map(|a| a.text.clone()),
        top: top.into_iter().take(3).collect(),
    }
}

/// Lowercase with white space collapsed and Markdown's code and bold marks taken out:
/// a fact wrapped across two lines of a section is still there, and so is a fact
/// written as `` `acrSku` defaults to `Premium` `` in an answer, whose sentences are
/// plain text.
fn comparable(text: &str) -> String {
    text.replace('`', "")
        .replace("**", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn aggregate<'a>(outcomes: impl Iterator<Item = &'a Outcome>) -> Metrics {
    let (mut on, mut off) = (Vec::new(), Vec::new());
    for o in outcomes {
        if o.off_topic { off.push(o) } else { on.push(o) }
    }
    let n = on.len().max(1) as f64;
    let mean = |f: &dyn Fn(&Outcome) -> f64| on.iter().map(|o| f(o)).sum::<f64>() / n;
    Metrics {
        questions: on.len(),
        hit_at_1: mean(&|o| (o.rank == Some(1)) as u8 as f64),
        hit_at_3: mean(&|o| o.rank.is_some_and(|r| r <= 3) as u8 as f64),
        mrr: mean(&|o| o.rank.map_or(0.0, |r| 1.0 / r as f64)),
        ndcg_at_5: mean(&|o| o.ndcg_at_5),
        fact_recall_at_3: mean(&|o| o.fact_recall),
        confident_rate: mean(&|o| o.confident as u8 as f64),
        confident_precision: share_true(
            &on.iter()
                .filter(|o| o.confident)
                .map(|o| o.rank.is_some_and(|r| r <= 3))
                .collect::<Vec<_>>(),
        ),
        off_topic_questions: off.len(),
        answer_accuracy: share_true(&on.iter().filter_map(|o| o.answer_ok).collect::<Vec<_>>()),
        off_topic_decline: share_true(&off.iter().map(|o| !o.confident).collect::<Vec<_>>()),
        verdict_precision: {
            let given: Vec<bool> = on
                .iter()
                .filter(|o| o.expected_verdict.is_some() && o.verdict.is_some())
                .map(|o| o.verdict == o.expected_verdict)
                .collect();
            share_true(&given)
        },
        verdict_recall: {
            let expected: Vec<bool> = on
                .iter()
                .filter(|o| o.expected_verdict.is_some())
                .map(|o| o.verdict == o.expected_verdict)
                .collect();
            share_true(&expected)
        },
    }
}

/// The share of `checks` that hold; 1 for none.
fn share_true(checks: &[bool]) -> f64 {
    if checks.is_empty() {
        1.0
    } else {
        checks.iter().filter(|&&ok| ok).count() as f64 / checks.len() as f64
    }
}

/// Headline metrics that fell more than `tolerance` (0.02 = two points) below the
/// baseline, as readable lines.
pub fn regressions(current: &Metrics, baseline: &Metrics, tolerance: f64) -> Vec<String> {
    HEADLINE
        .iter()
        .filter(|m| current.get(m) + tolerance < baseline.get(m))
        .map(|m| {
            format!(
                "{m}: {:.3} < baseline {:.3} - {tolerance}",
                current.get(m),
                baseline.get(m)
            )
        })
        .collect()
}

/// A table of metrics by category, for people.
pub fn table(report: &Report) -> String {
    // Wide enough for the longest category ("revocation-recovery"), so every row's
    // columns stand under their headings.
    let width = report
        .by_category
        .keys()
        .map(|c| c.chars().count())
        .chain([TABLE_COLUMNS[0].len(), 3])
        .max()
        .unwrap_or(0);
    let mut out = table_line(width, TABLE_COLUMNS.map(str::to_string));
    let row = |name: &str, m: &Metrics| {
        // A category without on-topic questions has no on-topic figures to show, and
        // one without off-topic questions no decline rate.
        let measured = |questions: usize, text: String| {
            if questions == 0 {
                "-".to_string()
            } else {
                text
            }
        };
        let on_topic = |x: f64| measured(m.questions, format!("{x:.3}"));
        table_line(
            width,
            [
                name.to_string(),
                m.questions.to_string(),
                on_topic(m.hit_at_1),
                on_topic(m.hit_at_3),
                on_topic(m.mrr),
                on_topic(m.ndcg_at_5),
                on_topic(m.fact_recall_at_3),
                on_topic(m.confident_rate),
                on_topic(m.confident_precision),
                on_topic(m.answer_accuracy),
                measured(
                    m.questions,
                    format!("{:.3}/{:.3}", m.verdict_precision, m.verdict_recall),
                ),
                m.off_topic_questions.to_string(),
                measured(m.off_topic_questions, format!("{:.3}", m.off_topic_decline)),
            ],
        )
    };
    for (c, m) in &report.by_category {
        out.push_str(&row(c, m));
    }
    out.push_str(&row("ALL", &report.overall));
    out
}

/// The eval table's column headings; from [`OFF_TOPIC_COLUMN`] on, the off-topic
/// questions'.
const TABLE_COLUMNS: [&str; 13] = [
    "category",
    "n",
    "Hit@1",
    "Hit@3",
    "MRR",
    "nDCG@5",
    "facts@3",
    "confident",
    "conf.top3",
    "answer",
    "verdict(p/r)",
    "off-topic n",
    "decline",
];

const OFF_TOPIC_COLUMN: usize = 11;

/// One line of the eval table: the first cell left-aligned in `width`, each other
/// right-aligned under its heading (at least five wide, for a figure like 0.123).
fn table_line(width: usize, cells: [String; 13]) -> String {
    let mut line = format!("{:<width$}", cells[0]);
    for (i, cell) in cells.iter().enumerate().skip(1) {
        let heading = TABLE_COLUMNS[i].len().max(5);
        line.push_str(if i == OFF_TOPIC_COLUMN { " | " } else { " " });
        line.push_str(&format!("{cell:>heading$}"));
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::{Outcome, Question, Report, aggregate, comparable, table};

    fn question(truth: &str) -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "q", "category": "c", "question": "?", "canonical": ["d#a"], "truth": truth
        }))
        .unwrap()
    }

    #[test]
    fn a_truth_opening_with_yes_or_no_is_a_verdict() {
        assert_eq!(
            question("No: recommended, not required.").expected_verdict(),
            Some("no")
        );
        assert_eq!(
            question("Yes since the October revision").expected_verdict(),
            Some("yes")
        );
        assert_eq!(
            question("  yes, within an hour").expected_verdict(),
            Some("yes")
        );
        assert_eq!(question("Not required: …").expected_verdict(), None);
        assert_eq!(question("Nothing to run").expected_verdict(), None);
        assert_eq!(question("").expected_verdict(), None);
    }

    #[test]
    fn a_wrong_verdict_costs_precision_and_none_costs_recall() {
        let outcome = |expected: Option<&str>, given: Option<&str>| Outcome {
            id: String::new(),
            category: String::new(),
            off_topic: false,
            confident: true,
            rank: Some(1),
            ndcg_at_5: 1.0,
            fact_recall: 1.0,
            answer_ok: None,
            expected_verdict: expected.map(str::to_string),
            verdict: given.map(str::to_string),
            answer: None,
            top: Vec::new(),
        };
        let outcomes = [
            outcome(Some("yes"), Some("yes")),
            outcome(Some("no"), Some("yes")),
            outcome(Some("no"), None),
            outcome(None, Some("no")),
        ];
        let m = aggregate(outcomes.iter());
        assert_eq!(m.verdict_precision, 0.5);
        assert!((m.verdict_recall - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(aggregate(outcomes[3..].iter()).verdict_precision, 1.0);
    }

    #[test]
    fn the_table_lines_its_columns_up_under_long_categories_and_empty_ones() {
        let outcome = |category: &str, off_topic: bool| Outcome {
            id: String::new(),
            category: category.to_string(),
            off_topic,
            confident: !off_topic,
            rank: (!off_topic).then_some(1),
            ndcg_at_5: 1.0,
            fact_recall: 1.0,
            answer_ok: None,
            expected_verdict: None,
            verdict: None,
            answer: None,
            top: Vec::new(),
        };
        let on = [outcome("revocation-recovery", false)];
        let off = [outcome("off-topic", true)];
        let report = Report {
            overall: aggregate(on.iter().chain(&off)),
            by_category: [
                ("revocation-recovery".to_string(), aggregate(on.iter())),
                ("off-topic".to_string(), aggregate(off.iter())),
            ]
            .into(),
            outcomes: Vec::new(),
        };
        let text = table(&report);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        let bar = lines[0].find('|').unwrap();
        for line in &lines {
            assert_eq!(line.len(), lines[0].len(), "{text}");
            assert_eq!(line.find('|'), Some(bar), "{text}");
        }
        // No on-topic figures for a category without on-topic questions.
        let off_row = lines.iter().find(|l| l.starts_with("off-topic")).unwrap();
        let cells: Vec<&str> = off_row.split_whitespace().collect();
        assert_eq!(
            cells[1..11],
            ["0", "-", "-", "-", "-", "-", "-", "-", "-", "-"],
            "{text}"
        );
        let on_row = lines.iter().find(|l| l.starts_with("revocation")).unwrap();
        assert!(on_row.ends_with("|           0       -"), "{text}");
    }

    #[test]
    fn confident_precision_counts_confident_answers_from_the_wrong_sections() {
        let outcome = |confident: bool, rank: Option<usize>| Outcome {
            id: String::new(),
            category: "c".to_string(),
            off_topic: false,
            confident,
            rank,
            ndcg_at_5: 0.0,
            fact_recall: 0.0,
            answer_ok: None,
            expected_verdict: None,
            verdict: None,
            answer: None,
            top: Vec::new(),
        };
        // Right at 2, wrong (first right section at 5, and none), and one not
        // confident, which does not count.
        let outcomes = [
            outcome(true, Some(2)),
            outcome(true, Some(5)),
            outcome(true, None),
            outcome(false, None),
        ];
        let m = aggregate(outcomes.iter());
        assert!((m.confident_precision - 1.0 / 3.0).abs() < 1e-9, "{m:?}");
        assert_eq!(
            aggregate([outcome(false, None)].iter()).confident_precision,
            1.0
        );
    }

    #[test]
    fn facts_compare_without_markdown_marks_or_line_breaks() {
        let answer = comparable("`acrSku` defaults to\n   **Premium**.");
        assert!(answer.contains(&comparable("`acrsku` defaults to `premium`")));
        assert!(answer.contains(&comparable("acrSku defaults to Premium")));
        assert!(!answer.contains(&comparable("acrSku defaults to Standard")));
    }
}
