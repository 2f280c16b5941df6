//! The evidence rules of docs/evidence.md, checked on a validated scenario: every source is
//! classed and named by its outlet, no fact rests only on weak sources (state media, mirrors,
//! unidentified sites) without a visible caution, every inline citation resolves, and labels
//! and rationales keep the wording rules. The current model must pass them (a test enforces
//! it); models published earlier are kept as they were and are not re-checked.

use crate::model::{Scenario, SourceClass};

/// Hosts whose class is not a judgement call: Russian and Belarusian state outlets and the
/// Pravda network ("Portal Kombat"). A source on one of them must be classed as state media.
const STATE_MEDIA_HOSTS: [&str; 8] = [
    "news-pravda.com",
    "tass.com",
    "tass.ru",
    "ria.ru",
    "sputnikglobe.com",
    "news.by",
    "rt.com",
    "iz.ru",
];

/// Words a label must not contain: first-person voice and evaluative shorthand.
const LABEL_WORDS: [&str; 5] = ["we", "our", "us", "only", "merely"];

/// A verb the valuations used for one party only; rationales describe every party's
/// positions with the same verbs (states, asks, proposes, rejects).
const LOADED_VERBS: [&str; 3] = ["demand", "demands", "demanded"];

/// A cited fact: its place in the file, its sources and its caution text.
struct Fact<'a> {
    place: String,
    sources: &'a [usize],
    caution: &'a str,
}

impl Scenario {
    /// Every breach of the evidence rules, each naming its place; empty when the scenario
    /// passes.
    pub fn evidence_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for source in &self.sources {
            let place = format!("source [{}]", source.key);
            if source.outlet.trim().is_empty() {
                problems.push(format!("{place}: no outlet"));
            }
            let Some(class) = source.class else {
                problems.push(format!("{place}: no class"));
                continue;
            };
            let host = host_of(&source.url);
            if STATE_MEDIA_HOSTS
                .iter()
                .any(|state| host == *state || host.ends_with(&format!(".{state}")))
                && class != SourceClass::StateMedia
            {
                problems.push(format!(
                    "{place}: {host} is a state-media host but is classed {}",
                    class.id()
                ));
            }
            if host
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'.')
            {
                problems.push(format!("{place}: the URL's host is a bare IP address"));
            }
        }
        for fact in self.facts() {
            if fact.sources.is_empty() {
                continue;
            }
            if fact
                .sources
                .iter()
                .all(|&source| self.sources[source].is_weak())
                && fact.caution.trim().is_empty()
            {
                problems.push(format!(
                    "{}: every source is state media, a mirror or unidentified ({}), and there is no caution",
                    fact.place,
                    self.source_list(fact.sources)
                ));
            }
        }
        for (place, text) in self.texts() {
            self.check_citations(&place, text, &mut problems);
            if let Some(verb) = LOADED_VERBS
                .iter()
                .find(|verb| words(text).any(|word| word.eq_ignore_ascii_case(verb)))
            {
                problems.push(format!(
                    "{place}: uses \"{verb}\"; describe every party's positions with the same neutral verbs"
                ));
            }
        }
        for (place, label) in self.labels() {
            // Possessives are fine ("Ukraine's"); quotation marks around a word are not.
            if label.starts_with('\'')
                || label.contains(" '")
                || label.contains(['"', '‘', '’', '“', '”'])
            {
                problems.push(format!("{place}: label \"{label}\" has quotation marks"));
            }
            if let Some(word) = words(label).find(|word| LABEL_WORDS.contains(word)) {
                problems.push(format!("{place}: label \"{label}\" uses \"{word}\""));
            }
        }
        problems
    }

    fn source_list(&self, sources: &[usize]) -> String {
        sources
            .iter()
            .map(|&source| format!("[{}]", self.sources[source].key))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every fact that carries a source list.
    fn facts(&self) -> Vec<Fact<'_>> {
        let mut facts = Vec::new();
        for document in &self.documents {
            facts.push(Fact {
                place: format!("document {}", document.id),
                sources: &document.sources,
                caution: &document.caution,
            });
            for (issue, position) in document.positions.iter().enumerate() {
                if let Some(position) = position {
                    facts.push(Fact {
                        place: format!(
                            "document {}, position on {}",
                            document.id, self.issues[issue].id
                        ),
                        sources: &position.sources,
                        caution: &position.caution,
                    });
                }
            }
        }
        for party in &self.parties {
            for line in &party.red_lines {
                facts.push(Fact {
                    place: format!("party {}, red line {}", party.id, line.id),
                    sources: &line.sources,
                    caution: &line.caution,
                });
            }
        }
        for issue in &self.issues {
            if let Some(comparison) = &issue.comparison {
                for row in &comparison.rows {
                    for (column, cell) in comparison.columns.iter().zip(&row.cells) {
                        // A comparison cell has no caution field: its text must say it.
                        facts.push(Fact {
                            place: format!(
                                "issue {}, comparison \"{}\" / {column}",
                                issue.id, row.aspect
                            ),
                            sources: &cell.sources,
                            caution: if cell.text.contains('⚠') { "⚠" } else { "" },
                        });
                    }
                }
            }
        }
        facts
    }

    /// Every free text that may cite sources inline as `[key]`.
    fn texts(&self) -> Vec<(String, &str)> {
        let mut texts: Vec<(String, &str)> = self
            .meta
            .caveats
            .iter()
            .map(|caveat| ("scenario caveats".to_string(), caveat.as_str()))
            .collect();
        for issue in &self.issues {
            texts.push((
                format!("issue {}, description", issue.id),
                &issue.description,
            ));
            if let Some(notes) = &issue.notes {
                texts.push((format!("issue {}, notes", issue.id), notes));
            }
            for option in &issue.options {
                texts.push((
                    format!("issue {}, option {}, meaning", issue.id, option.id),
                    &option.meaning,
                ));
            }
            if let Some(comparison) = &issue.comparison {
                for row in &comparison.rows {
                    for cell in &row.cells {
                        texts.push((format!("issue {}, comparison", issue.id), &cell.text));
                    }
                }
            }
        }
        for party in &self.parties {
            for line in &party.red_lines {
                texts.push((
                    format!("party {}, red line {}", party.id, line.id),
                    &line.statement,
                ));
            }
        }
        for document in &self.documents {
            texts.push((
                format!("document {}, summary", document.id),
                &document.summary,
            ));
            for (issue, position) in document.positions.iter().enumerate() {
                if let Some(position) = position {
                    texts.push((
                        format!(
                            "document {}, position on {}, note",
                            document.id, self.issues[issue].id
                        ),
                        &position.note,
                    ));
                }
            }
        }
        for (party, assumed) in self.parties.iter().zip(&self.assumptions.parties) {
            texts.push((
                format!("assumptions for party {}, reservation", party.id),
                &assumed.reservation_rationale,
            ));
            texts.push((
                format!("assumptions for party {}, weights", party.id),
                &assumed.weights_rationale,
            ));
        }
        for (issue, silent) in self.issues.iter().zip(&self.assumptions.when_silent) {
            texts.push((format!("when_silent {}", issue.id), &silent.rationale));
        }
        for (issue, values) in self.issues.iter().zip(&self.assumptions.values) {
            for (option, value) in issue.options.iter().zip(values) {
                texts.push((
                    format!("values {}.{}, rationale", issue.id, option.id),
                    &value.rationale,
                ));
            }
        }
        texts
    }

    /// Every label shown as a heading or a choice.
    fn labels(&self) -> Vec<(String, &str)> {
        let mut labels = Vec::new();
        for issue in &self.issues {
            labels.push((format!("issue {}", issue.id), issue.label.as_str()));
            for option in &issue.options {
                labels.push((
                    format!("issue {}, option {}", issue.id, option.id),
                    option.label.as_str(),
                ));
            }
        }
        for document in &self.documents {
            labels.push((format!("document {}", document.id), document.title.as_str()));
        }
        labels
    }

    /// Inline citations must resolve, and a run of citations that are all weak must carry ⚠
    /// right before or after it, so the page never shows such a claim without a caution.
    fn check_citations(&self, place: &str, text: &str, problems: &mut Vec<String>) {
        for group in citation_groups(text) {
            let mut all_weak = true;
            for key in &group.keys {
                match self.sources.iter().find(|source| source.key == *key) {
                    Some(source) => all_weak &= source.is_weak(),
                    None => {
                        problems.push(format!("{place}: cites unknown source [{key}]"));
                        all_weak = false;
                    }
                }
            }
            let before = text[..group.start].trim_end().ends_with('⚠');
            let after = text[group.end..].trim_start().starts_with('⚠');
            if all_weak && !(before || after) {
                problems.push(format!(
                    "{place}: {} only cites weak sources and needs a ⚠ caution beside it",
                    group
                        .keys
                        .iter()
                        .map(|key| format!("[{key}]"))
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
        }
    }
}

/// A run of inline citations `[a] [b]` separated only by spaces, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationGroup<'a> {
    pub start: usize,
    pub end: usize,
    pub keys: Vec<&'a str>,
}

/// Whether `key` looks like a source key (`[a-z0-9_-]`, at most 64 bytes).
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key.bytes().all(|byte| {
            byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-' || byte == b'_'
        })
}

/// The inline citation groups of a text, in order.
pub fn citation_groups(text: &str) -> Vec<CitationGroup<'_>> {
    let mut groups: Vec<CitationGroup> = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('[').map(|offset| rest + offset) {
        let Some(close) = text[open..].find(']').map(|offset| open + offset) else {
            break;
        };
        let key = &text[open + 1..close];
        rest = close + 1;
        if !is_key(key) {
            continue;
        }
        match groups.last_mut() {
            Some(group) if text[group.end..open].trim().is_empty() => {
                group.end = close + 1;
                group.keys.push(key);
            }
            _ => groups.push(CitationGroup {
                start: open,
                end: close + 1,
                keys: vec![key],
            }),
        }
    }
    groups
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.rsplit_once('@').map_or(host, |(_, host)| host)
}
