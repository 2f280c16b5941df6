//! Plain serialisable views of the scenario and of a package's scores, with ids instead of
//! indices, for the command-line tool's `--json` and `export`. Facts and assumptions stay in
//! separate branches, as in the scenario file.

use serde::Serialize;

use crate::model::Scenario;
use crate::score::{Choice, Package, Scores};
use crate::share::{Decoded, encode};

#[derive(Debug, Serialize)]
pub struct ScenarioExport<'a> {
    pub scenario: MetaExport<'a>,
    pub facts: FactsExport<'a>,
    pub assumptions: AssumptionsExport<'a>,
}

#[derive(Debug, Serialize)]
pub struct MetaExport<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub compiled: &'a str,
    pub caveats: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct FactsExport<'a> {
    pub sources: Vec<SourceExport<'a>>,
    pub parties: Vec<PartyExport<'a>>,
    pub issues: Vec<IssueExport<'a>>,
    pub documents: Vec<DocumentExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SourceExport<'a> {
    pub key: &'a str,
    pub url: &'a str,
    pub title: &'a str,
}

#[derive(Debug, Serialize)]
pub struct PartyExport<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: &'static str,
    pub red_lines: Vec<RedLineExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RedLineExport<'a> {
    pub id: &'a str,
    pub issue: &'a str,
    pub options: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_least: Option<i64>,
    pub statement: &'a str,
    pub sources: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct IssueExport<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub theme: &'static str,
    pub description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<&'a str>,
    pub sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleExport<'a>>,
    pub options: Vec<OptionExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ScaleExport<'a> {
    pub unit: &'a str,
    pub label: &'a str,
    pub min: i64,
    pub max: i64,
    pub step: i64,
}

#[derive(Debug, Serialize)]
pub struct OptionExport<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub meaning: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<i64>,
    /// Documents that took this option (derived from the documents' positions).
    pub taken_by: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct DocumentExport<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub date: &'a str,
    pub nature: &'static str,
    pub summary: &'a str,
    pub sources: Vec<&'a str>,
    /// Every issue in order: the option taken, or the string "silent".
    pub positions: Vec<PositionExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PositionExport<'a> {
    pub issue: &'a str,
    /// The option id, or "silent".
    pub option: &'a str,
    pub sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note: &'a str,
}

#[derive(Debug, Serialize)]
pub struct AssumptionsExport<'a> {
    pub note: &'a str,
    pub parties: Vec<PartyAssumptionsExport<'a>>,
    pub when_silent: Vec<SilentExport<'a>>,
    pub values: Vec<ValueExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PartyAssumptionsExport<'a> {
    pub party: &'a str,
    pub reservation: f64,
    pub reservation_rationale: &'a str,
    /// Issue id → integer points; they sum to 100.
    pub weights: Vec<(&'a str, u32)>,
    pub weights_rationale: &'a str,
}

#[derive(Debug, Serialize)]
pub struct SilentExport<'a> {
    pub issue: &'a str,
    pub option: &'a str,
    pub rationale: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ValueExport<'a> {
    pub issue: &'a str,
    pub option: &'a str,
    /// Party id → 0–100 value.
    pub values: Vec<(&'a str, u32)>,
    pub rationale: &'a str,
}

impl Scenario {
    fn source_keys(&self, indices: &[usize]) -> Vec<&str> {
        indices
            .iter()
            .map(|&index| self.sources[index].key.as_str())
            .collect()
    }

    /// The whole scenario as a serialisable tree.
    pub fn export(&self) -> ScenarioExport<'_> {
        let facts = FactsExport {
            sources: self
                .sources
                .iter()
                .map(|source| SourceExport {
                    key: &source.key,
                    url: &source.url,
                    title: &source.title,
                })
                .collect(),
            parties: self
                .parties
                .iter()
                .map(|party| PartyExport {
                    id: &party.id,
                    name: &party.name,
                    role: party.role.as_str(),
                    red_lines: party
                        .red_lines
                        .iter()
                        .map(|line| RedLineExport {
                            id: &line.id,
                            issue: &self.issues[line.issue].id,
                            options: line
                                .options
                                .iter()
                                .map(|&option| self.issues[line.issue].options[option].id.as_str())
                                .collect(),
                            at_most: line.at_most,
                            at_least: line.at_least,
                            statement: &line.statement,
                            sources: self.source_keys(&line.sources),
                        })
                        .collect(),
                })
                .collect(),
            issues: self
                .issues
                .iter()
                .enumerate()
                .map(|(issue, spec)| IssueExport {
                    id: &spec.id,
                    label: &spec.label,
                    theme: spec.theme.id(),
                    description: &spec.description,
                    notes: spec.notes.as_deref(),
                    sources: self.source_keys(&spec.sources),
                    scale: spec.scale.as_ref().map(|scale| ScaleExport {
                        unit: &scale.unit,
                        label: &scale.label,
                        min: scale.min,
                        max: scale.max,
                        step: scale.step,
                    }),
                    options: spec
                        .options
                        .iter()
                        .enumerate()
                        .map(|(option, spec_option)| OptionExport {
                            id: &spec_option.id,
                            label: &spec_option.label,
                            meaning: &spec_option.meaning,
                            at: spec_option.at,
                            taken_by: self
                                .documents_taking(issue, option)
                                .map(|document| self.documents[document].id.as_str())
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
            documents: self
                .documents
                .iter()
                .map(|document| DocumentExport {
                    id: &document.id,
                    title: &document.title,
                    date: &document.date,
                    nature: document.nature.id(),
                    summary: &document.summary,
                    sources: self.source_keys(&document.sources),
                    positions: document
                        .positions
                        .iter()
                        .enumerate()
                        .map(|(issue, position)| match position {
                            Some(position) => PositionExport {
                                issue: &self.issues[issue].id,
                                option: &self.issues[issue].options[position.option].id,
                                sources: self.source_keys(&position.sources),
                                note: &position.note,
                            },
                            None => PositionExport {
                                issue: &self.issues[issue].id,
                                option: "silent",
                                sources: Vec::new(),
                                note: "",
                            },
                        })
                        .collect(),
                })
                .collect(),
        };
        let assumptions = AssumptionsExport {
            note: &self.assumptions.note,
            parties: self
                .assumptions
                .parties
                .iter()
                .zip(&self.parties)
                .map(|(assumed, party)| PartyAssumptionsExport {
                    party: &party.id,
                    reservation: assumed.reservation,
                    reservation_rationale: &assumed.reservation_rationale,
                    weights: self
                        .issues
                        .iter()
                        .zip(&assumed.weights)
                        .map(|(issue, &points)| (issue.id.as_str(), points))
                        .collect(),
                    weights_rationale: &assumed.weights_rationale,
                })
                .collect(),
            when_silent: self
                .assumptions
                .when_silent
                .iter()
                .zip(&self.issues)
                .map(|(silent, issue)| SilentExport {
                    issue: &issue.id,
                    option: &issue.options[silent.option].id,
                    rationale: &silent.rationale,
                })
                .collect(),
            values: self
                .issues
                .iter()
                .zip(&self.assumptions.values)
                .flat_map(|(issue, values)| {
                    issue
                        .options
                        .iter()
                        .zip(values)
                        .map(move |(option, option_values)| ValueExport {
                            issue: &issue.id,
                            option: &option.id,
                            values: self
                                .parties
                                .iter()
                                .zip(&option_values.values)
                                .map(|(party, &value)| (party.id.as_str(), value))
                                .collect(),
                            rationale: &option_values.rationale,
                        })
                })
                .collect(),
        };
        ScenarioExport {
            scenario: MetaExport {
                id: &self.meta.id,
                title: &self.meta.title,
                version: &self.meta.version,
                compiled: &self.meta.compiled,
                caveats: &self.meta.caveats,
            },
            facts,
            assumptions,
        }
    }

    /// A scored package as a serialisable report (the CLI's `score --json`).
    pub fn report(&self, package: &Package, problems: &[crate::share::Problem]) -> ScoreReport<'_> {
        let scores = self.score(package);
        ScoreReport {
            model_version: &self.meta.version,
            link: format!("#{}", encode(self, package)),
            matches_document: self
                .documents
                .iter()
                .enumerate()
                .find(|(index, _)| self.document_package(*index) == *package)
                .map(|(_, document)| document.id.as_str()),
            problems: problems
                .iter()
                .map(|problem| problem.message.clone())
                .collect(),
            package: package
                .choices()
                .iter()
                .enumerate()
                .map(|(issue, &choice)| ChoiceExport {
                    issue: &self.issues[issue].id,
                    option: match choice {
                        Choice::Option(option) => {
                            Some(self.issues[issue].options[option].id.as_str())
                        }
                        Choice::Amount(_) => None,
                    },
                    amount: self.amount_of(issue, choice),
                })
                .collect(),
            parties: self.party_reports(&scores),
            ratified: scores.ratified,
            balance: BalanceExport {
                points: scores.balance.points,
                first: &self.parties[scores.balance.first].id,
                second: &self.parties[scores.balance.second].id,
                words: self.balance_words(&scores.balance),
            },
            spread: SpreadExport {
                points: scores.spread.points,
                most: &self.parties[scores.spread.most].id,
                least: &self.parties[scores.spread.least].id,
                words: self.spread_words(&scores.spread),
            },
        }
    }

    fn party_reports(&self, scores: &Scores) -> Vec<PartyReport<'_>> {
        self.parties
            .iter()
            .zip(&scores.parties)
            .map(|(party, score)| PartyReport {
                party: &party.id,
                name: &party.name,
                value: score.value,
                concession: score.concession,
                gain: score.gain,
                accepts: score.accepts,
                red_lines_crossed: score
                    .red_lines_crossed
                    .iter()
                    .map(|&line| party.red_lines[line].id.as_str())
                    .collect(),
                concession_by_issue: self
                    .issues
                    .iter()
                    .zip(&score.concession_by_issue)
                    .map(|(issue, &points)| (issue.id.as_str(), points))
                    .collect(),
            })
            .collect()
    }
}

/// Convenience for callers holding a decoded link.
impl Decoded {
    pub fn report<'a>(&self, scenario: &'a Scenario) -> ScoreReport<'a> {
        scenario.report(&self.package, &self.problems)
    }
}

#[derive(Debug, Serialize)]
pub struct ScoreReport<'a> {
    pub model_version: &'a str,
    /// The canonical link for the package, starting with `#`.
    pub link: String,
    /// The document whose package this is exactly, if any.
    pub matches_document: Option<&'a str>,
    pub problems: Vec<String>,
    pub package: Vec<ChoiceExport<'a>>,
    pub parties: Vec<PartyReport<'a>>,
    pub ratified: bool,
    pub balance: BalanceExport<'a>,
    pub spread: SpreadExport<'a>,
}

#[derive(Debug, Serialize)]
pub struct ChoiceExport<'a> {
    pub issue: &'a str,
    /// The option id, or null for an amount between reference points.
    pub option: Option<&'a str>,
    /// The amount on the issue's scale, if the choice is on a scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct PartyReport<'a> {
    pub party: &'a str,
    pub name: &'a str,
    pub value: f64,
    pub concession: f64,
    pub gain: f64,
    pub accepts: bool,
    pub red_lines_crossed: Vec<&'a str>,
    pub concession_by_issue: Vec<(&'a str, f64)>,
}

#[derive(Debug, Serialize)]
pub struct BalanceExport<'a> {
    /// Concession of `first` minus concession of `second`, points.
    pub points: f64,
    pub first: &'a str,
    pub second: &'a str,
    pub words: String,
}

#[derive(Debug, Serialize)]
pub struct SpreadExport<'a> {
    pub points: f64,
    pub most: &'a str,
    pub least: &'a str,
    pub words: String,
}
