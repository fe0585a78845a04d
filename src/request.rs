//! The one way requests come in. Every front end (MCP tools, prompts, the command
//! line) hands its arguments to [`decode`] as a JSON object and gets a typed request
//! or an [`InputError`] naming the field; free text goes through [`text`], so a
//! question and a pasted error obey the same rules.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::InputError;

/// Decodes arguments into a request, naming the field that failed: a bare serde
/// message ("invalid type: string") would not tell an agent which argument to fix.
pub fn decode<T: DeserializeOwned>(args: Map<String, Value>) -> Result<T, InputError> {
    serde_path_to_error::deserialize(Value::Object(args)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        if path != "." && !path.is_empty() {
            return InputError::new(path, inner);
        }
        // serde reports a missing or unknown field at the object itself, and requests
        // that check their own fields say "`field`: problem".
        match field_in_message(&inner) {
            Some(field) => {
                let problem = inner
                    .strip_prefix(&format!("`{field}`: "))
                    .unwrap_or(&inner)
                    .to_string();
                InputError::new(field, problem)
            }
            None => InputError::new("arguments", inner),
        }
    })
}

/// "missing field `question`" → "question".
fn field_in_message(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// Checks free text (a question, a symptom) and returns it trimmed: not empty, at
/// most `max_chars` characters, and no control characters other than tab, line
/// breaks and the escape that starts a terminal colour code in pasted output. Its
/// typeset punctuation is read as typed ([`plain_punctuation`]).
pub fn text<'a>(field: &str, value: &'a str, max_chars: usize) -> Result<Cow<'a, str>, InputError> {
    let t = value.trim();
    if t.is_empty() {
        return Err(InputError::new(
            field,
            "must not be empty or only whitespace",
        ));
    }
    let chars = t.chars().count();
    if chars > max_chars {
        return Err(InputError::new(
            field,
            format!("is {chars} characters long; the limit is {max_chars} after trimming"),
        ));
    }
    if let Some(c) = t
        .chars()
        .find(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{1b}'))
    {
        return Err(InputError::new(
            field,
            format!(
                "must not contain control characters such as NUL (found U+{:04X})",
                c as u32
            ),
        ));
    }
    Ok(plain_punctuation(t))
}

/// `text` with the punctuation a word processor, mail client or chat tool typesets
/// put back as typed: curly quotes straight, a no-break space plain, an ellipsis as
/// three dots, and a dash that opens a word ("–key-encryption-key", "—identity") as
/// the two hyphens of the option it was. A pasted command then reads as the command,
/// and a pasted error as the error the knowledge quotes. A dash between words stays.
pub fn plain_punctuation(text: &str) -> Cow<'_, str> {
    let typeset = |c: char| {
        matches!(
            c,
            '\u{2018}'
                ..='\u{201F}' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{00A0}' | '\u{2026}'
        )
    };
    if !text.contains(typeset) {
        return Cow::Borrowed(text);
    }
    let mut plain = String::with_capacity(text.len() + 8);
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => plain.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => plain.push('"'),
            '\u{00A0}' => plain.push(' '),
            '\u{2026}' => plain.push_str("..."),
            '\u{2013}' | '\u{2014}' | '\u{2212}'
                if previous.is_none_or(char::is_whitespace)
                    && chars.peek().is_some_and(char::is_ascii_alphabetic) =>
            {
                plain.push_str("--")
            }
            other => plain.push(other),
        }
        previous = Some(c);
    }
    Cow::Owned(plain)
}

/// Arguments of `answer_cmk_question`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    /// The question, in plain words or pasted text: 1-2,000 characters.
    pub question: String,
    /// How many cited snippets: 1-10 (default 3).
    #[schemars(range(min = 1, max = 10))]
    pub max_results: Option<i64>,
    /// Budget for the snippets' text in characters: 200-20,000 (default 2,500). Code
    /// blocks are never cut in half.
    #[schemars(range(min = 200, max = 20000))]
    pub max_chars: Option<i64>,
}

impl AnswerRequest {
    /// A request with the default number of results and text budget.
    pub fn new(question: impl Into<String>) -> AnswerRequest {
        AnswerRequest {
            question: question.into(),
            max_results: None,
            max_chars: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_text_rule_for_every_field() {
        assert_eq!(text("q", "  hi ", 10).unwrap(), "hi");
        assert_eq!(text("q", " \n ", 10).unwrap_err().field, "q");
        assert!(
            text("q", "abc", 2)
                .unwrap_err()
                .problem
                .contains("limit is 2")
        );
        assert!(
            text("symptom", "a\0b", 10)
                .unwrap_err()
                .problem
                .contains("U+0000")
        );
        assert!(text("symptom", "a\u{7}b", 10).is_err());
        assert!(text("symptom", "\u{1b}[31merror\u{1b}[0m\n\tat x", 100).is_ok());
    }

    #[test]
    fn typeset_punctuation_is_read_as_typed() {
        assert_eq!(
            text(
                "question",
                "az acr encryption rotate-key \u{2013}key-encryption-key \u{201C}$KID\u{201D} \u{2014}identity \u{2018}[system]\u{2019}",
                200
            )
            .unwrap(),
            "az acr encryption rotate-key --key-encryption-key \"$KID\" --identity '[system]'"
        );
        // A dash between words is prose, and plain text is not copied.
        assert_eq!(
            plain_punctuation("rotate \u{2013} then wait\u{2026}"),
            "rotate \u{2013} then wait..."
        );
        assert!(matches!(plain_punctuation("--identity"), Cow::Borrowed(_)));
    }

    #[test]
    fn decoding_names_the_field() {
        let e = decode::<AnswerRequest>(json!({}).as_object().unwrap().clone()).unwrap_err();
        assert_eq!(e.field, "question");
        let e = decode::<AnswerRequest>(
            json!({"question": "x", "max_results": "3"})
                .as_object()
                .unwrap()
                .clone(),
        )
        .unwrap_err();
        assert_eq!(e.field, "max_results");
        let e = decode::<AnswerRequest>(
            json!({"question": "x", "extra": 1})
                .as_object()
                .unwrap()
                .clone(),
        )
        .unwrap_err();
        assert_eq!(e.field, "extra");
    }
}
