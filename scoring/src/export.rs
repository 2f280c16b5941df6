//! Plain serialisable views of the scenario and of a package's scores, with ids instead of
//! indices, for the command-line tool's `--json` and `export`. Facts and assumptions stay in
//! separate branches, as in the scenario file.

use serde::Serialize;

use crate::analysis::robustness::{Band, Robustness};
use crate::analysis::{Analysis, Suggestion};
use crate::model::{Scenario, Stance};
use crate::provenance::{Origin, Provenance};
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
    pub outlet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// primary, major, regional, state_media, mirror or unknown; null where unclassified.
    pub class: Option<&'static str>,
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
    #[serde(skip_serializing_if = "str::is_empty")]
    pub caution: &'a str,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<ComparisonExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ComparisonExport<'a> {
    pub title: &'a str,
    pub columns: &'a [String],
    pub rows: Vec<ComparisonRowExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ComparisonRowExport<'a> {
    pub aspect: &'a str,
    /// One per column: the text and its source keys.
    pub cells: Vec<CellExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct CellExport<'a> {
    pub text: &'a str,
    pub sources: Vec<&'a str>,
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
    /// settlement, revision, partial or combination.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub based_on: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applies: Vec<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub caution: &'a str,
    /// How many provisions the document's text settles (with its base and parts).
    pub settles: usize,
    /// Every issue in order: what the document itself says ("silent" where it says nothing).
    pub positions: Vec<PositionExport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PositionExport<'a> {
    pub issue: &'a str,
    /// The option id; "silent"; or, in a revision, "removed" or "open".
    pub option: &'a str,
    pub sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub note: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub caution: &'a str,
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
                    outlet: &source.outlet,
                    date: source.date.as_deref(),
                    class: source.class.map(|class| class.id()),
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
                            caution: &line.caution,
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
                    comparison: spec.comparison.as_ref().map(|comparison| ComparisonExport {
                        title: &comparison.title,
                        columns: &comparison.columns,
                        rows: comparison
                            .rows
                            .iter()
                            .map(|row| ComparisonRowExport {
                                aspect: &row.aspect,
                                cells: row
                                    .cells
                                    .iter()
                                    .map(|cell| CellExport {
                                        text: &cell.text,
                                        sources: self.source_keys(&cell.sources),
                                    })
                                    .collect(),
                            })
                            .collect(),
                    }),
                })
                .collect(),
            documents: self
                .documents
                .iter()
                .enumerate()
                .map(|(index, document)| DocumentExport {
                    id: &document.id,
                    title: &document.title,
                    date: &document.date,
                    nature: document.nature.id(),
                    summary: &document.summary,
                    sources: self.source_keys(&document.sources),
                    kind: document.kind.id(),
                    based_on: document
                        .based_on
                        .map(|base| self.documents[base].id.as_str()),
                    applies: document
                        .applies
                        .iter()
                        .map(|&part| self.documents[part].id.as_str())
                        .collect(),
                    caution: &document.caution,
                    settles: self
                        .resolve(index)
                        .origins
                        .iter()
                        .filter(|origin| origin.is_stated())
                        .count(),
                    positions: document
                        .positions
                        .iter()
                        .enumerate()
                        .map(|(issue, position)| match position {
                            Some(position) => PositionExport {
                                issue: &self.issues[issue].id,
                                option: match position.stance {
                                    Stance::Takes(option) => &self.issues[issue].options[option].id,
                                    Stance::Removed => "removed",
                                    Stance::Open => "open",
                                },
                                sources: self.source_keys(&position.sources),
                                note: &position.note,
                                caution: &position.caution,
                            },
                            None => PositionExport {
                                issue: &self.issues[issue].id,
                                option: "silent",
                                sources: Vec::new(),
                                note: "",
                                caution: "",
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

    /// A scored package as a serialisable report (the CLI's `score --json`). When the package
    /// is a document's, the report says what its text settles and scores those provisions
    /// alone (`coverage`).
    pub fn report(&self, package: &Package, problems: &[crate::share::Problem]) -> ScoreReport<'_> {
        let (document, provenance) = self.provenance_of(package);
        self.report_with(&provenance, document, problems)
    }

    /// `report` for a package changed from document `from` (a link's `from=`, when the package
    /// is no document's own): it names the document, and its link keeps the part.
    pub fn changed_from_report<'a>(
        &'a self,
        mut report: ScoreReport<'a>,
        package: &Package,
        from: usize,
    ) -> ScoreReport<'a> {
        report.changed_from = Some(&self.documents[from].id);
        report.link = format!("#{}", crate::share::encode_from(self, package, Some(from)));
        report
    }

    /// A report for a package whose provenance is known (a document, or a partial text applied
    /// on another package).
    pub fn report_with(
        &self,
        provenance: &Provenance,
        document: Option<usize>,
        problems: &[crate::share::Problem],
    ) -> ScoreReport<'_> {
        let package = &provenance.package;
        let scores = self.score(package);
        ScoreReport {
            model_version: &self.meta.version,
            current_model: crate::models::current().version,
            link: format!("#{}", encode(self, package)),
            matches_document: document.map(|document| self.documents[document].id.as_str()),
            changed_from: None,
            coverage: document.map(|document| self.coverage_report(document, provenance, &scores)),
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
            assumption_edits: self.edits().describe(self),
            flips: self.flips_export(package),
        }
    }

    /// [`Scenario::flip_points`] by id and in words.
    pub fn flips_export(&self, package: &crate::Package) -> Vec<FlipsExport<'_>> {
        self.flip_points(package)
            .into_iter()
            .enumerate()
            .map(|(party, flips)| {
                let export = |flip: crate::Flip, verdict| FlipExport {
                    words: flip.words(self, party, verdict),
                    kind: match flip {
                        crate::Flip::At { .. } => "at",
                        crate::Flip::Never => "never",
                        crate::Flip::Independent => "independent",
                    },
                    issue: match flip {
                        crate::Flip::At { issue, .. } => Some(self.issues[issue].id.as_str()),
                        _ => None,
                    },
                    from: match flip {
                        crate::Flip::At { from, .. } => Some(from),
                        _ => None,
                    },
                    to: match flip {
                        crate::Flip::At { to, .. } => Some(to),
                        _ => None,
                    },
                };
                FlipsExport {
                    party: &self.parties[party].id,
                    balance: export(flips.balance, crate::edits::Verdict::Balance),
                    acceptance: export(flips.acceptance, crate::edits::Verdict::Acceptance),
                }
            })
            .collect()
    }

    fn coverage_report(
        &self,
        document: usize,
        provenance: &Provenance,
        scores: &Scores,
    ) -> CoverageReport<'_> {
        let coverage = self.coverage(provenance);
        CoverageReport {
            document: &self.documents[document].id,
            kind: self.documents[document].kind.id(),
            settled: coverage.stated.len(),
            provisions: self.issues.len(),
            origins: self
                .issues
                .iter()
                .zip(&provenance.origins)
                .map(|(issue, origin)| {
                    let (name, by) = match *origin {
                        Origin::Stated { document } => ("stated", Some(document)),
                        Origin::Silent => ("silent", None),
                        Origin::Removed { document } => ("removed", Some(document)),
                        Origin::Open { document } => ("open", Some(document)),
                        Origin::Chosen => ("chosen", None),
                    };
                    OriginReport {
                        issue: &issue.id,
                        origin: name,
                        by: by.map(|document| self.documents[document].id.as_str()),
                    }
                })
                .collect(),
            settled_values: self
                .parties
                .iter()
                .zip(&coverage.values)
                .map(|(party, value)| (party.id.as_str(), *value))
                .collect(),
            settled_weight_shares: self
                .parties
                .iter()
                .zip(&coverage.weight_shares)
                .map(|(party, share)| (party.id.as_str(), *share))
                .collect(),
            settled_balance: coverage.balance,
            full_balance: scores.balance.points,
            red_lines_through_assumed: self
                .parties
                .iter()
                .zip(&scores.parties)
                .flat_map(|(party, score)| {
                    score
                        .red_lines_crossed
                        .iter()
                        .filter(|&&line| {
                            provenance.origins[party.red_lines[line].issue].is_assumed()
                        })
                        .map(move |&line| format!("{}: {}", party.id, party.red_lines[line].id))
                })
                .collect(),
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
    /// The model these numbers are computed with (the one the link names).
    pub model_version: &'a str,
    /// The newest published model.
    pub current_model: &'static str,
    /// The canonical link for the package, starting with `#`.
    pub link: String,
    /// The document whose package this is exactly, if any.
    pub matches_document: Option<&'a str>,
    /// The document a changed package started from, when its link names one (`from=`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed_from: Option<&'a str>,
    /// What the document's text settles and the scores over those provisions alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<CoverageReport<'a>>,
    pub problems: Vec<String>,
    pub package: Vec<ChoiceExport<'a>>,
    pub parties: Vec<PartyReport<'a>>,
    pub ratified: bool,
    pub balance: BalanceExport<'a>,
    pub spread: SpreadExport<'a>,
    /// The assumptions these numbers use: empty for the model's own, else one line per
    /// edited number (with the model's value).
    pub assumption_edits: Vec<String>,
    /// Per party: the smallest change of one of its weights that changes the balance's
    /// direction, and the one that changes its acceptance.
    pub flips: Vec<FlipsExport<'a>>,
}

/// [`crate::edits::PartyFlips`] by id and in words.
#[derive(Debug, Serialize)]
pub struct FlipsExport<'a> {
    pub party: &'a str,
    pub balance: FlipExport<'a>,
    pub acceptance: FlipExport<'a>,
}

#[derive(Debug, Serialize)]
pub struct FlipExport<'a> {
    /// "at" (the edit below changes the verdict), "never" (no single weight does) or
    /// "independent" (the verdict does not depend on this party's weights).
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<u32>,
    pub words: String,
}

/// What a document's text settles, and the balance over those provisions alone.
#[derive(Debug, Serialize)]
pub struct CoverageReport<'a> {
    pub document: &'a str,
    pub kind: &'static str,
    /// Provisions a text settles, of `provisions` in all.
    pub settled: usize,
    pub provisions: usize,
    /// Per issue: where its choice comes from.
    pub origins: Vec<OriginReport<'a>>,
    /// Per party: the value over the settled provisions, weights renormalised (null where the
    /// party puts no weight on them), and the share of its weight they carry.
    pub settled_values: Vec<(&'a str, Option<f64>)>,
    pub settled_weight_shares: Vec<(&'a str, f64)>,
    /// The balance over the settled provisions alone (Ukraine − Russia concession).
    pub settled_balance: Option<f64>,
    /// The balance of the whole package, assumed provisions included.
    pub full_balance: f64,
    /// Red lines the whole package crosses only through an assumed provision, as
    /// "party: red line".
    pub red_lines_through_assumed: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct OriginReport<'a> {
    pub issue: &'a str,
    /// stated, silent, removed, open or chosen.
    pub origin: &'static str,
    /// The document whose text settles it, or that removed or left it open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'a str>,
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

/// The analysis as a serialisable report (the CLI's `analyze --json`).
#[derive(Debug, Serialize)]
pub struct AnalysisReport<'a> {
    pub model_version: &'a str,
    pub link: String,
    pub note: &'static str,
    pub zopa: Vec<ZopaReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening: Option<OpeningReport<'a>>,
    pub warnings: Vec<String>,
    pub nearest_acceptable: Option<SuggestionReport<'a>>,
    pub pareto: ParetoReport<'a>,
    pub references: Vec<ReferencesReport<'a>>,
    pub frontier: Vec<FrontierReport>,
    pub trades: Vec<TradeReport<'a>>,
    pub robustness: RobustnessReport<'a>,
    pub search_nodes: u64,
}

/// The note shown wherever analysis results are: how numeric issues take part.
pub const NUMERIC_NOTE: &str = "Numeric issues (army cap, guarantee term, election deadline, frozen assets) take part with every amount their scales allow, step by step.";

#[derive(Debug, Serialize)]
pub struct ZopaReport {
    pub coalition: &'static str,
    /// null when the search could not decide within its budget.
    pub exists: Option<bool>,
    pub best_smallest_gain: Option<f64>,
    pub witness: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct OpeningReport<'a> {
    /// Red lines to set aside, as "party: red line id".
    pub waive: Vec<String>,
    pub package: Option<SuggestionReport<'a>>,
    pub shortfall: Option<f64>,
    pub proven: bool,
}

#[derive(Debug, Serialize)]
pub struct SuggestionReport<'a> {
    pub link: String,
    pub changes: Vec<ChangeReport<'a>>,
    pub values: Vec<(&'a str, f64)>,
    pub accepts: Vec<(&'a str, bool)>,
    pub ratified: bool,
    pub balance: f64,
    pub proven: bool,
}

#[derive(Debug, Serialize)]
pub struct ChangeReport<'a> {
    pub issue: &'a str,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize)]
pub struct ParetoReport<'a> {
    pub improvable: bool,
    pub improvement: Option<SuggestionReport<'a>>,
    pub proven: bool,
}

#[derive(Debug, Serialize)]
pub struct ReferencesReport<'a> {
    pub coalition: &'static str,
    pub nash: Option<SuggestionReport<'a>>,
    pub kalai_smorodinsky: Option<SuggestionReport<'a>>,
    pub egalitarian: Option<SuggestionReport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FrontierReport {
    pub values: [f64; 2],
    pub acceptable_to_both: bool,
    pub link: String,
    /// Frontier packages left out between the previous point and this one, each within
    /// `FRONTIER_TOLERANCE` points of the straight line between them.
    pub between: u32,
}

#[derive(Debug, Serialize)]
pub struct TradeReport<'a> {
    pub changes: Vec<(&'a str, String)>,
    pub gains: [f64; 2],
    pub needs_both: bool,
}

#[derive(Debug, Serialize)]
pub struct RobustnessReport<'a> {
    pub samples: usize,
    pub concentration: f64,
    pub seed: u64,
    pub concession: Vec<(&'a str, BandReport)>,
    pub balance: BandReport,
    pub toward_first: f64,
    pub toward_second: f64,
    pub even: f64,
    /// (party, issue, correlation of that weight with the balance)
    pub influential: Vec<(&'a str, &'a str, f64)>,
}

#[derive(Debug, Serialize)]
pub struct BandReport {
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
}

impl From<Band> for BandReport {
    fn from(band: Band) -> BandReport {
        BandReport {
            p5: band.p5,
            p50: band.p50,
            p95: band.p95,
        }
    }
}

impl Scenario {
    pub fn suggestion_report(
        &self,
        base: &Package,
        suggestion: &Suggestion,
    ) -> SuggestionReport<'_> {
        SuggestionReport {
            link: format!("#{}", encode(self, &suggestion.package)),
            changes: suggestion
                .changes
                .iter()
                .map(|&issue| ChangeReport {
                    issue: &self.issues[issue].id,
                    from: crate::share::describe_choice(self, issue, base.choice(issue)),
                    to: crate::share::describe_choice(
                        self,
                        issue,
                        suggestion.package.choice(issue),
                    ),
                })
                .collect(),
            values: self
                .parties
                .iter()
                .zip(&suggestion.scores.parties)
                .map(|(party, score)| (party.id.as_str(), score.value))
                .collect(),
            accepts: self
                .parties
                .iter()
                .zip(&suggestion.scores.parties)
                .map(|(party, score)| (party.id.as_str(), score.accepts))
                .collect(),
            ratified: suggestion.scores.ratified,
            balance: suggestion.scores.balance.points,
            proven: suggestion.proven,
        }
    }

    pub fn analysis_report(
        &self,
        package: &Package,
        analysis: &Analysis,
        robustness: &Robustness,
    ) -> AnalysisReport<'_> {
        let suggestion = |found: &Option<Suggestion>| {
            found
                .as_ref()
                .map(|found| self.suggestion_report(package, found))
        };
        AnalysisReport {
            model_version: &self.meta.version,
            link: format!("#{}", encode(self, package)),
            note: NUMERIC_NOTE,
            zopa: analysis
                .zopa
                .iter()
                .map(|zopa| ZopaReport {
                    coalition: zopa.coalition.label(),
                    exists: zopa.exists,
                    best_smallest_gain: zopa.best_smallest_gain,
                    witness: zopa
                        .witness
                        .as_ref()
                        .map(|witness| format!("#{}", encode(self, &witness.package))),
                })
                .collect(),
            opening: analysis.opening.as_ref().map(|opening| OpeningReport {
                waive: opening
                    .waive
                    .iter()
                    .flat_map(|(lines, _)| lines.iter())
                    .map(|&(party, line)| {
                        format!(
                            "{}: {}",
                            self.parties[party].id, self.parties[party].red_lines[line].id
                        )
                    })
                    .collect(),
                package: opening
                    .waive
                    .as_ref()
                    .map(|(_, found)| self.suggestion_report(package, found)),
                shortfall: opening.shortfall,
                proven: opening.proven,
            }),
            warnings: analysis
                .warnings
                .iter()
                .map(|warning| self.warning_text(warning, package))
                .collect(),
            nearest_acceptable: suggestion(&analysis.nearest_acceptable),
            pareto: ParetoReport {
                improvable: analysis.pareto.improvable,
                improvement: suggestion(&analysis.pareto.improvement),
                proven: analysis.pareto.proven,
            },
            references: analysis
                .references
                .iter()
                .map(|references| ReferencesReport {
                    coalition: references.coalition.label(),
                    nash: suggestion(&references.nash),
                    kalai_smorodinsky: suggestion(&references.kalai_smorodinsky),
                    egalitarian: suggestion(&references.egalitarian),
                })
                .collect(),
            frontier: analysis
                .frontier
                .iter()
                .map(|entry| FrontierReport {
                    values: entry.values,
                    acceptable_to_both: entry.acceptable_to_both,
                    link: format!("#{}", encode(self, &entry.package)),
                    between: entry.between,
                })
                .collect(),
            trades: analysis
                .trades
                .iter()
                .map(|trade| TradeReport {
                    changes: trade
                        .changes
                        .iter()
                        .map(|&(issue, choice)| {
                            (
                                self.issues[issue].id.as_str(),
                                crate::share::describe_choice(self, issue, choice),
                            )
                        })
                        .collect(),
                    gains: trade.gains,
                    needs_both: trade.needs_both,
                })
                .collect(),
            robustness: RobustnessReport {
                samples: robustness.samples,
                concentration: robustness.concentration,
                seed: robustness.seed,
                concession: self
                    .parties
                    .iter()
                    .zip(&robustness.concession)
                    .map(|(party, band)| (party.id.as_str(), BandReport::from(*band)))
                    .collect(),
                balance: robustness.balance.into(),
                toward_first: robustness.toward_first,
                toward_second: robustness.toward_second,
                even: robustness.even,
                influential: robustness
                    .influential
                    .iter()
                    .map(|influence| {
                        (
                            self.parties[influence.party].id.as_str(),
                            self.issues[influence.issue].id.as_str(),
                            influence.correlation,
                        )
                    })
                    .collect(),
            },
            search_nodes: analysis.nodes,
        }
    }
}
