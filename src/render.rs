//! Text renderings of core results, for people: the CLI's default output and the
//! text block of MCP tool results. Both front ends use these, so they never disagree.

use std::fmt::Write;

use crate::knowledge::{Citation, KnowledgeVersion};
use crate::search::answer::{Answer, Snippet};
use crate::search::explain::Explanation;
use crate::search::extract::{AnswerSentence, DirectAnswer};
use crate::setup::{SetupPlan, ValueSource};
use crate::troubleshoot::{CaseMatch, Diagnosis, FixKind};

pub fn answer(a: &Answer) -> String {
    let mut out = String::new();
    if !opening(&mut out, a) {
        return out;
    }
    if !a.confident {
        out.push('\n');
    }
    if let Some(answer) = &a.answer {
        direct_answer(&mut out, answer, |s| s.citation.uri.clone());
        let _ = writeln!(out, "\nSources:\n");
    }
    for (i, s) in a.snippets.iter().enumerate() {
        let _ = writeln!(out, "[{}] {}", i + 1, s.heading_path.join(" › "));
        let _ = writeln!(out, "{}\n", citation_line(s));
        let _ = writeln!(out, "{}\n", s.text);
    }
    let _ = writeln!(out, "{}", version_line(&a.knowledge));
    out.trim_end().to_string()
}

/// How a question was read and judged (`ask --explain`).
pub fn explanation(e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Sentences:");
    for s in &e.segments {
        let _ = writeln!(out, "  {:<7} {}", s.role, s.text.replace('\n', " "));
    }
    if !e.intent.is_empty() {
        let _ = writeln!(out, "Intent: {}", e.intent.join(", "));
    }
    let _ = writeln!(
        out,
        "Concepts (weight, estimated sections, information; * counts for coverage):"
    );
    for c in &e.concepts {
        let _ = writeln!(
            out,
            "  {} {:<10} {:.2} {:>5} {:.2}  {}",
            if c.counts_for_coverage { '*' } else { ' ' },
            c.origin,
            c.weight,
            c.estimated_df,
            c.idf,
            c.found_by
        );
    }
    if !e.left_out.is_empty() {
        let _ = writeln!(
            out,
            "Left out (real words next to a word of the knowledge, not typos): {}",
            e.left_out.join(", ")
        );
    }
    if !e.asked_whole.is_empty() {
        let _ = writeln!(
            out,
            "Asked whole in a line of: {}",
            e.asked_whole.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "Hits (score, coverage; > may make the answer confident):"
    );
    for h in &e.hits {
        let _ = writeln!(
            out,
            "  {} {:>8.3} {:.2}  {}",
            if h.answers { '>' } else { ' ' },
            h.score,
            h.coverage,
            h.section
        );
    }
    let _ = writeln!(
        out,
        "Unknown share {:.2}{}{}{}{}{}",
        e.unknown_share,
        if e.out_of_scope { "; out of scope" } else { "" },
        if e.asks_unknown {
            "; the asking sentences are about words the knowledge never uses"
        } else {
            ""
        },
        match &e.core_ask {
            Some(ask) => format!("; answered from the asking sentence: {ask}"),
            None => String::new(),
        },
        if e.pasted_error {
            "; answered from the case whose error text the question pastes"
        } else {
            ""
        },
        if e.story {
            "; answered from the story read as asked"
        } else {
            ""
        }
    );
    let _ = write!(out, "Confident: {}", if e.confident { "yes" } else { "no" });
    out
}

/// The direct answer: its verdict (unless the knowledge's first sentence already
/// opens with it), its sentences, each with the citation `cite` names, and its command.
fn direct_answer(
    out: &mut String,
    answer: &DirectAnswer,
    cite: impl Fn(&AnswerSentence) -> String,
) {
    let _ = writeln!(out, "Answer:");
    for v in ["Yes.", "No."] {
        if answer.text.starts_with(&format!("{v} ")) {
            let _ = writeln!(out, "  {v}");
        }
    }
    for s in &answer.sentences {
        let _ = writeln!(out, "  {} [{}]", s.text, cite(s));
        if let Some(c) = &s.command {
            for line in c.lines() {
                let _ = writeln!(out, "    `{line}`");
            }
        }
    }
    // Unless a sentence already carries it.
    if let Some(c) = &answer.command
        && !answer.sentences.iter().any(|s| {
            s.text.contains(c.as_str())
                || s.command
                    .as_deref()
                    .is_some_and(|b| b.lines().any(|l| l == c))
        })
    {
        let _ = writeln!(out, "  Command: `{c}`");
    }
}

/// The lines an answer opens with when the knowledge has nothing or nothing sure;
/// `false` when there is nothing more to show.
fn opening(out: &mut String, a: &Answer) -> bool {
    if a.snippets.is_empty() {
        let _ = writeln!(
            out,
            "No match: the knowledge base has nothing on \"{}\".",
            a.question
        );
        return false;
    }
    if !a.confident {
        let _ = writeln!(
            out,
            "No confident match: the knowledge base does not cover \"{}\". The nearest sections are listed below; do not treat them as an answer.",
            a.question
        );
    }
    true
}

/// An answer in brief, for the text block of an MCP result, next to the structured
/// result that holds the snippets' text: the direct answer with each sentence's
/// source as `[n]`, then the numbered sources. Without a direct answer the best
/// snippet's text is shown, so a client that reads only text still gets the knowledge.
pub fn answer_brief(a: &Answer) -> String {
    let mut out = String::new();
    if !opening(&mut out, a) {
        return out;
    }
    match &a.answer {
        Some(answer) => direct_answer(&mut out, answer, |s| (s.cite + 1).to_string()),
        None if a.confident => {
            if let Some(s) = a.snippets.first() {
                let _ = writeln!(out, "[{}]\n{}", s.cite + 1, s.text);
            }
        }
        None => {}
    }
    let _ = writeln!(
        out,
        "\nSources (snippets in structuredContent; read_section reads one whole):"
    );
    for (i, c) in a.citations.iter().enumerate() {
        let _ = writeln!(out, "{}", cited(i, c));
    }
    out.trim_end().to_string()
}

/// `[2] skill://…`: the section's headings and official page are in the structured
/// result's citations.
fn cited(i: usize, c: &Citation) -> String {
    format!("[{}] {}", i + 1, c.uri)
}

/// A plan in brief, for the text block of an MCP result: what is missing, the
/// prerequisites, then the script, which holds the parameters, the warnings and every
/// step with its purpose and source. The structured result holds the same as data.
pub fn setup_brief(p: &SetupPlan) -> String {
    let mut out = String::new();
    if !p.missing_parameters.is_empty() {
        let _ = writeln!(
            out,
            "Missing parameters (the script refuses to run until they are set): {}",
            p.missing_parameters.join(", ")
        );
    }
    list(&mut out, "Prerequisites", &p.prerequisites);
    let _ = writeln!(out, "\n```bash\n{}```", p.script);
    out.trim_start().to_string()
}

/// A diagnosis in brief, for the text block of an MCP result, next to the structured
/// result that holds every case's cause and commands: when confident, the likeliest
/// case whole; the other cases by title; then the numbered sources.
pub fn diagnosis_brief(d: &Diagnosis) -> String {
    let mut out = String::new();
    match d.confident {
        true => out.push_str("Likely causes, most likely first:\n"),
        false => out.push_str("No confident match: not a known customer-managed-key problem. Nearest cases, for reference only:\n"),
    }
    for (i, m) in d.matches.iter().enumerate() {
        let refs: String = m.cites.iter().map(|c| format!(" [{}]", c + 1)).collect();
        let _ = writeln!(
            out,
            "{}. {} (confidence {:.2}){refs}",
            i + 1,
            m.title,
            m.confidence
        );
        if i == 0 && d.confident {
            case_details(&mut out, m);
        }
    }
    let mut rest = vec!["matches (cause, diagnose and fix commands)"];
    if !d.checklist.is_empty() {
        rest.push("checklist");
    }
    if !d.snippets.is_empty() {
        rest.push("snippets");
    }
    let _ = writeln!(out, "In structuredContent: {}.", rest.join(", "));
    let _ = writeln!(out, "Sources (read_section gives one whole):");
    for (i, c) in d.citations.iter().enumerate() {
        let _ = writeln!(out, "{}", cited(i, c));
    }
    out.trim_end().to_string()
}

/// `Knowledge: acr-cmk-mcp 0.1.0, content 1a2b…, updated 2026-11-29, 10 docs`.
pub fn version_line(v: &KnowledgeVersion) -> String {
    let mut line = format!(
        "Knowledge: acr-cmk-mcp {}, content {}",
        v.server_version, v.content_hash
    );
    if let Some(u) = &v.updated {
        let _ = write!(line, ", updated {u}");
    }
    let _ = write!(line, ", {} docs", v.docs);
    line
}

fn citation_line(s: &Snippet) -> String {
    let mut line = format!(
        "Source: {} (lines {}-{})",
        s.uri, s.lines.start, s.lines.end
    );
    if let Some(url) = &s.source_url {
        let _ = write!(line, " · upstream: {url}");
    }
    line
}

pub fn setup_plan(p: &SetupPlan) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", p.title, p.scenario);
    let _ = writeln!(
        out,
        "This is a script to review and run yourself; nothing has been run.\n"
    );
    if !p.missing_parameters.is_empty() {
        let _ = writeln!(
            out,
            "Missing parameters (placeholders in the script; it refuses to run until they are set): {}\n",
            p.missing_parameters.join(", ")
        );
    }
    let _ = writeln!(out, "Parameters:");
    for param in &p.parameters {
        let note = match param.source {
            ValueSource::Given => "",
            ValueSource::Default => " (default)",
            ValueSource::Placeholder => " (missing)",
        };
        let _ = writeln!(out, "  {} = {}{}", param.name, param.value, note);
    }
    list(&mut out, "Prerequisites", &p.prerequisites);
    list(&mut out, "Warnings", &p.warnings);
    let _ = writeln!(out, "\nSteps:");
    for s in &p.steps {
        let mark = if s.destructive { " [DESTRUCTIVE]" } else { "" };
        let _ = writeln!(out, "{}. {}{}", s.number, s.title, mark);
        let _ = writeln!(out, "   {}", s.purpose);
        let _ = writeln!(out, "   $ {}", s.command);
        let _ = writeln!(out, "   {}", source_line(&s.citation));
    }
    let _ = writeln!(out, "\nScript:\n```bash\n{}```", p.script);
    let _ = writeln!(out, "{}", version_line(&p.knowledge));
    out
}

pub fn diagnosis(d: &Diagnosis) -> String {
    let mut out = String::new();
    if d.confident {
        let _ = writeln!(out, "Likely causes, most likely first:\n");
    } else {
        let _ = writeln!(
            out,
            "No confident match: this does not look like a known customer-managed-key problem. Nearest cases, for reference only:\n"
        );
    }
    for (i, m) in d.matches.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} (confidence {:.2}, case {})",
            i + 1,
            m.title,
            m.confidence,
            m.id
        );
        case_details(&mut out, m);
        for c in &m.citations {
            let _ = writeln!(out, "   {}", source_line(c));
        }
        out.push('\n');
    }
    if !d.checklist.is_empty() {
        let _ = writeln!(out, "General checklist (read-only):");
        for c in &d.checklist {
            let _ = writeln!(out, "  $ {c}");
        }
        out.push('\n');
    }
    if !d.unset_variables.is_empty() {
        let _ = writeln!(
            out,
            "Set these shell variables before running the commands: {}",
            d.unset_variables.join(", ")
        );
    }
    out.trim_end().to_string()
}

/// A case's cause, the error text matched, and its diagnose and fix commands.
fn case_details(out: &mut String, m: &CaseMatch) {
    let _ = writeln!(out, "   Cause: {}", m.cause);
    if !m.matched_errors.is_empty() {
        let _ = writeln!(
            out,
            "   Matched error text: {}",
            m.matched_errors.join(" | ")
        );
    }
    if !m.diagnose.is_empty() {
        let _ = writeln!(out, "   Diagnose:");
        for c in &m.diagnose {
            let _ = writeln!(out, "     $ {c}");
        }
    }
    let _ = writeln!(out, "   Fix:");
    for f in &m.fix {
        match (f.kind, f.destructive) {
            (FixKind::Step, _) => {
                let _ = writeln!(out, "     - {}", f.text);
            }
            (FixKind::Command, false) => {
                let _ = writeln!(out, "       $ {}", f.text);
            }
            (FixKind::Command, true) => {
                let _ = writeln!(out, "       $ {}   # DESTRUCTIVE", f.text);
            }
        }
    }
}

/// `Source: skill://… · upstream: https://…`
fn source_line(c: &Citation) -> String {
    match &c.source_url {
        Some(url) => format!("Source: {} · upstream: {url}", c.uri),
        None => format!("Source: {}", c.uri),
    }
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:");
    for i in items {
        let _ = writeln!(out, "  - {i}");
    }
}

/// What `doctor` prints: what is loaded, how long it took, and every diagnostic.
pub fn summary(s: &crate::engine::Summary, builtin: bool, dirs: &[std::path::PathBuf]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "acr-cmk-mcp {}", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(out, "{}", version_line(&s.version));
    let _ = writeln!(
        out,
        "built-in knowledge: {}",
        if builtin { "on" } else { "off" }
    );
    for dir in dirs {
        let _ = writeln!(out, "knowledge dir: {}", dir.display());
    }
    for skill in &s.skills {
        let _ = writeln!(
            out,
            "skill {} ({}): {} docs",
            skill.name, skill.origin, skill.docs
        );
    }
    let _ = writeln!(
        out,
        "docs: {}, sections: {}, troubleshooting cases: {}, synonym groups: {}",
        s.docs, s.sections, s.cases, s.synonym_groups
    );
    let _ = writeln!(out, "setup scenarios: {}", s.scenarios.join(", "));
    let _ = writeln!(
        out,
        "load: {:.2} ms, index build: {:.2} ms",
        s.load_time.as_secs_f64() * 1e3,
        s.index_time.as_secs_f64() * 1e3
    );
    let _ = writeln!(out, "diagnostics: {}", s.diagnostics.len());
    for d in &s.diagnostics {
        let _ = writeln!(out, "  {d}");
    }
    out.trim_end().to_string()
}
