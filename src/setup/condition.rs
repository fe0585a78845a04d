//! The condition language of scenario docs, kept tiny on purpose: clauses joined by
//! `and`, each `given NAME`, `not given NAME`, `NAME = VALUE` or `NAME != VALUE`.
//!
//! `given` asks whether the caller passed the parameter; `=` compares its value as
//! the scenario resolves it (the caller's, else the doc's default, else a derived
//! value). Anything a scenario needs beyond this belongs in a named Rust hook, not in
//! a richer language.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Clause {
    Given(String),
    NotGiven(String),
    Is(String, String),
    IsNot(String, String),
}

/// A parsed condition: every clause must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition(Vec<Clause>);

/// What a condition needs to know of a request.
pub trait Facts {
    /// Whether the caller passed `name`.
    fn given(&self, name: &str) -> bool;
    /// The value of `name` as the scenario resolves it; None when it has none.
    fn value(&self, name: &str) -> Option<String>;
}

impl Condition {
    pub fn parse(text: &str) -> Result<Condition, String> {
        let mut clauses = Vec::new();
        for part in text.split(" and ") {
            let words: Vec<&str> = part.split_whitespace().collect();
            let clause = match words.as_slice() {
                ["given", name] => Clause::Given(checked(name)?),
                ["not", "given", name] => Clause::NotGiven(checked(name)?),
                [name, "=", value] => Clause::Is(checked(name)?, value.to_string()),
                [name, "!=", value] => Clause::IsNot(checked(name)?, value.to_string()),
                _ => {
                    return Err(format!(
                        "{:?} is not a clause: use 'given NAME', 'not given NAME', 'NAME = VALUE' or 'NAME != VALUE', joined by 'and'",
                        part.trim()
                    ));
                }
            };
            clauses.push(clause);
        }
        Ok(Condition(clauses))
    }

    pub fn holds(&self, facts: &dyn Facts) -> bool {
        self.0.iter().all(|clause| match clause {
            Clause::Given(n) => facts.given(n),
            Clause::NotGiven(n) => !facts.given(n),
            Clause::Is(n, v) => facts.value(n).as_deref() == Some(v.as_str()),
            Clause::IsNot(n, v) => facts.value(n).as_deref() != Some(v.as_str()),
        })
    }

    /// The names the condition refers to.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|c| match c {
            Clause::Given(n) | Clause::NotGiven(n) | Clause::Is(n, _) | Clause::IsNot(n, _) => {
                n.as_str()
            }
        })
    }
}

fn checked(name: &str) -> Result<String, String> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(name.to_string())
    } else {
        Err(format!("{name:?} is not a parameter name"))
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text: Vec<String> = self
            .0
            .iter()
            .map(|c| match c {
                Clause::Given(n) => format!("given {n}"),
                Clause::NotGiven(n) => format!("not given {n}"),
                Clause::Is(n, v) => format!("{n} = {v}"),
                Clause::IsNot(n, v) => format!("{n} != {v}"),
            })
            .collect();
        f.write_str(&text.join(" and "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct F;
    impl Facts for F {
        fn given(&self, name: &str) -> bool {
            name == "key_name"
        }
        fn value(&self, name: &str) -> Option<String> {
            (name == "key_store").then(|| "managed_hsm".to_string())
        }
    }

    #[test]
    fn clauses_parse_and_hold() {
        let c = Condition::parse("key_store = managed_hsm and given key_name").unwrap();
        assert!(c.holds(&F));
        assert_eq!(c.to_string(), "key_store = managed_hsm and given key_name");
        assert!(!Condition::parse("not given key_name").unwrap().holds(&F));
        assert!(
            Condition::parse("key_store != key_vault and not given hsm_name")
                .unwrap()
                .holds(&F)
        );
        for bad in ["key_store == x", "given", "a = b or c = d", "Key = x", ""] {
            assert!(Condition::parse(bad).is_err(), "{bad}");
        }
    }
}
