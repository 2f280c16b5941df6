//! The validated scenario: parties, issues, documents (facts) and assumptions, kept apart.
//! `Scenario::parse` turns TOML text into these types or rejects the whole file with every
//! problem named by its place; a half-loaded scenario cannot exist.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::file::{RawComparison, RawFile, RawIssue, RawPosition, RawRedLine};

/// A whole scenario: facts (with sources) and the model assumptions valued against them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub meta: Meta,
    /// Every cited source, sorted by key.
    pub sources: Vec<Source>,
    /// Ukraine, Russia, United States, Europe, in this order.
    pub parties: Vec<Party>,
    pub issues: Vec<Issue>,
    pub documents: Vec<Document>,
    pub assumptions: Assumptions,
    /// Dense value table `[issue][option][party]` in 0..=100, derived from `assumptions`
    /// (not serialised: rebuilt on load, which keeps the embedded bytes small).
    #[serde(skip)]
    pub(crate) table: Vec<Vec<Vec<f64>>>,
    /// `[party][issue]` weight as a fraction (points / 100), derived likewise.
    #[serde(skip)]
    pub(crate) weight: Vec<Vec<f64>>,
    /// The reader's edits applied to `assumptions` (`Scenario::edited`); none in a model file.
    /// Links made with this scenario carry them.
    #[serde(skip)]
    pub(crate) edits: Edits,
    /// The model's own assumptions when `edits` are applied, to compare with and to reset to.
    #[serde(skip)]
    pub(crate) model_assumptions: Option<Box<Assumptions>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    /// The model version, shown with every score.
    pub version: String,
    pub compiled: String,
    pub caveats: Vec<String>,
    /// The document a fresh page opens with; `None` in models published before link format 2,
    /// which open with the frozen `V1_DEFAULTS`.
    pub opening: Option<usize>,
}

/// A cited source. Facts refer to sources by index into `Scenario::sources`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub key: String,
    pub url: String,
    pub title: String,
    /// The outlet that published the page ("" in models that did not record it).
    pub outlet: String,
    pub date: Option<String>,
    /// `None` in models that did not classify their sources.
    pub class: Option<SourceClass>,
}

impl Source {
    /// Whether the source is too weak to carry a fact alone (state media, mirror, unidentified,
    /// or unclassified).
    pub fn is_weak(&self) -> bool {
        self.class.is_none_or(SourceClass::is_weak)
    }
}

/// The standing of a source, judged from its host (the rules are in docs/evidence.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SourceClass {
    /// An official text, or a government or institution's own site.
    Primary,
    /// A major international or national outlet's own site.
    Major,
    /// A smaller but real outlet.
    Regional,
    /// Russian or Belarusian state outlets, the Pravda network included.
    StateMedia,
    /// Reprints, proxies, mirrors, CDN or development hosts, aggregators.
    Mirror,
    /// A host that could not be identified as a real outlet.
    Unknown,
}

impl SourceClass {
    pub const ALL: [SourceClass; 6] = [
        SourceClass::Primary,
        SourceClass::Major,
        SourceClass::Regional,
        SourceClass::StateMedia,
        SourceClass::Mirror,
        SourceClass::Unknown,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SourceClass::Primary => "primary",
            SourceClass::Major => "major",
            SourceClass::Regional => "regional",
            SourceClass::StateMedia => "state_media",
            SourceClass::Mirror => "mirror",
            SourceClass::Unknown => "unknown",
        }
    }

    /// How the page names the class beside each link.
    pub fn label(self) -> &'static str {
        match self {
            SourceClass::Primary => "primary text",
            SourceClass::Major => "major outlet",
            SourceClass::Regional => "regional outlet",
            SourceClass::StateMedia => "state media",
            SourceClass::Mirror => "mirror or aggregator",
            SourceClass::Unknown => "unidentified site",
        }
    }

    /// State media, mirrors and unidentified sites never carry a fact alone without a caution.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            SourceClass::StateMedia | SourceClass::Mirror | SourceClass::Unknown
        )
    }

    fn from_id(id: &str) -> Option<SourceClass> {
        SourceClass::ALL.into_iter().find(|class| class.id() == id)
    }
}

/// Whether a party must accept for ratification (belligerent) or one of them suffices (guarantor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Belligerent,
    Guarantor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Belligerent => "belligerent",
            Role::Guarantor => "guarantor",
        }
    }
}

/// A party: facts only. Its weights and reservation value are in `Assumptions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub red_lines: Vec<RedLine>,
}

/// A stated red line (a fact, with sources) and the choices that cross it (the modelling of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedLine {
    pub id: String,
    pub issue: usize,
    /// Options (indices into the issue's options) that cross the line.
    pub options: Vec<usize>,
    /// On a scale: any amount at or below this crosses the line.
    pub at_most: Option<i64>,
    /// On a scale: any amount at or above this crosses the line.
    pub at_least: Option<i64>,
    pub statement: String,
    pub sources: Vec<usize>,
    /// Why the line is kept although its sources are weak ("" when they are not).
    pub caution: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Theme {
    Security,
    Territory,
    JusticeMoney,
    Politics,
    Humanitarian,
}

impl Theme {
    pub const ALL: [Theme; 5] = [
        Theme::Security,
        Theme::Territory,
        Theme::JusticeMoney,
        Theme::Politics,
        Theme::Humanitarian,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Security => "security",
            Theme::Territory => "territory",
            Theme::JusticeMoney => "justice_money",
            Theme::Politics => "politics",
            Theme::Humanitarian => "humanitarian",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Security => "Security",
            Theme::Territory => "Territory",
            Theme::JusticeMoney => "Justice and money",
            Theme::Politics => "Politics",
            Theme::Humanitarian => "Humanitarian",
        }
    }

    fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.id() == id)
    }
}

/// One negotiable provision with its ladder of options (index 0 = most favourable to Ukraine,
/// except where the issue's description says otherwise).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub id: String,
    pub label: String,
    pub theme: Theme,
    pub description: String,
    pub notes: Option<String>,
    pub sources: Vec<usize>,
    /// Present on numeric issues: amounts between reference points are valued by interpolation.
    pub scale: Option<Scale>,
    pub options: Vec<IssueOption>,
    pub comparison: Option<Comparison>,
}

/// A sourced side-by-side comparison shown with an issue: one column per text, one row per
/// aspect (e.g. the seed article's Article 5 / US draft / Budapest comparison).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<ComparisonRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRow {
    pub aspect: String,
    /// One per column.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    pub sources: Vec<usize>,
}

/// A numeric range. `min` and `max` are reference points (options with `at`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub unit: String,
    pub label: String,
    pub min: i64,
    pub max: i64,
    pub step: i64,
    /// `(at, option index)` sorted by `at`: the documented reference points.
    pub points: Vec<(i64, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssueOption {
    pub id: String,
    pub label: String,
    pub meaning: String,
    /// The option's point on the issue's scale; `None` for options off the scale.
    pub at: Option<i64>,
}

/// What kind of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Nature {
    SignedText,
    LeakedDraft,
    Draft,
    Proposal,
    CounterProposal,
    Speech,
    StatedPosition,
    ReportedOutcome,
    Declaration,
}

impl Nature {
    const ALL: [Nature; 9] = [
        Nature::SignedText,
        Nature::LeakedDraft,
        Nature::Draft,
        Nature::Proposal,
        Nature::CounterProposal,
        Nature::Speech,
        Nature::StatedPosition,
        Nature::ReportedOutcome,
        Nature::Declaration,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Nature::SignedText => "signed_text",
            Nature::LeakedDraft => "leaked_draft",
            Nature::Draft => "draft",
            Nature::Proposal => "proposal",
            Nature::CounterProposal => "counter_proposal",
            Nature::Speech => "speech",
            Nature::StatedPosition => "stated_position",
            Nature::ReportedOutcome => "reported_outcome",
            Nature::Declaration => "declaration",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Nature::SignedText => "signed text",
            Nature::LeakedDraft => "leaked draft",
            Nature::Draft => "draft",
            Nature::Proposal => "proposal",
            Nature::CounterProposal => "counter-proposal",
            Nature::Speech => "speech",
            Nature::StatedPosition => "stated position",
            Nature::ReportedOutcome => "reported outcome",
            Nature::Declaration => "declaration",
        }
    }

    fn from_id(id: &str) -> Option<Nature> {
        Nature::ALL.into_iter().find(|nature| nature.id() == id)
    }
}

/// What a document is as a text, which decides how it becomes a package (docs/evidence.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    /// A text meant to settle the war as a whole; where it is silent, the `when_silent`
    /// assumption applies and is shown as assumed.
    Settlement,
    /// A revision of `based_on`: the base's positions, with this document's changes.
    Revision,
    /// A text on a few provisions (a guarantee draft, a memorandum, a statement). It can be
    /// loaded alone, or applied on top of another package.
    Partial,
    /// `based_on` with the partial documents of `applies` applied on it, in order.
    Combination,
}

impl DocumentKind {
    const ALL: [DocumentKind; 4] = [
        DocumentKind::Settlement,
        DocumentKind::Revision,
        DocumentKind::Partial,
        DocumentKind::Combination,
    ];

    pub fn id(self) -> &'static str {
        match self {
            DocumentKind::Settlement => "settlement",
            DocumentKind::Revision => "revision",
            DocumentKind::Partial => "partial",
            DocumentKind::Combination => "combination",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Settlement => "whole settlement text",
            DocumentKind::Revision => "revision",
            DocumentKind::Partial => "partial text",
            DocumentKind::Combination => "combination of texts",
        }
    }

    fn from_id(id: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|kind| kind.id() == id)
    }
}

/// A published or reported text (a preset): facts only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub date: String,
    pub nature: Nature,
    pub summary: String,
    pub sources: Vec<usize>,
    pub kind: DocumentKind,
    /// The base of a revision or combination (always an earlier document).
    pub based_on: Option<usize>,
    /// A combination's partial documents, in the order they are applied.
    pub applies: Vec<usize>,
    /// Why the document is kept although all its sources are weak ("" when they are not).
    pub caution: String,
    /// One entry per issue, in issue order; `None` where the document itself says nothing
    /// (a revision then keeps its base's position).
    pub positions: Vec<Option<Position>>,
}

/// What a document says on one issue, with the sources that say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub stance: Stance,
    pub sources: Vec<usize>,
    pub note: String,
    /// Why the position is kept although all its sources are weak ("" when they are not).
    pub caution: String,
}

impl Position {
    /// The option taken, if the position takes one.
    pub fn option(&self) -> Option<usize> {
        match self.stance {
            Stance::Takes(option) => Some(option),
            Stance::Removed | Stance::Open => None,
        }
    }
}

/// A document's stance on an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    /// The text takes this option.
    Takes(usize),
    /// A revision drops its base's provision: the revised text says nothing on the issue.
    Removed,
    /// A revision leaves the issue open (in brackets): the base's wording stays on the table
    /// but is not agreed text.
    Open,
}

/// Everything that is a modelling choice rather than a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assumptions {
    pub note: String,
    /// In party order.
    pub parties: Vec<PartyAssumptions>,
    /// In issue order: the option assumed where a document is silent.
    pub when_silent: Vec<SilentAssumption>,
    /// `[issue][option]`: each party's value and the rationale.
    pub values: Vec<Vec<OptionValues>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyAssumptions {
    /// Value of no deal, 0..=100, on the same scale as package values.
    pub reservation: f64,
    pub reservation_rationale: String,
    /// Integer points per issue, in issue order, summing to 100.
    pub weights: Vec<u32>,
    pub weights_rationale: String,
    /// Red lines (indices into the party's `red_lines`) a reader has switched off: never in a
    /// model file, only in a scenario with edits applied (`Scenario::edited`).
    #[serde(skip)]
    pub red_lines_off: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SilentAssumption {
    pub option: usize,
    pub rationale: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionValues {
    /// In party order, each 0..=100.
    pub values: Vec<u32>,
    pub rationale: String,
}

/// A reader's edits to one model's assumptions (methods in `edits.rs`), in canonical form: an edit equal to the model's value is
/// never stored, so one set of assumptions has one representation (and one link).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Edits {
    /// In party order; empty when nothing is edited.
    pub(crate) parties: Vec<PartyEdits>,
}

/// One party's edits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PartyEdits {
    /// The party's whole weight vector (integer points in issue order, summing to 100), when it
    /// differs from the model's.
    pub weights: Option<Vec<u32>>,
    /// The walk-away value in whole points, when it differs from the model's.
    pub reservation: Option<u32>,
    /// Indices of the party's red lines switched off, ascending (the model has all on).
    pub red_lines_off: Vec<usize>,
    /// `(issue, option, value)`, ascending by issue then option, each different from the model.
    pub values: Vec<(usize, usize, u32)>,
}

/// A rejected scenario: every problem found, each naming its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    pub problems: Vec<String>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the scenario was rejected ({} problem{}):",
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            writeln!(f, "- {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

/// The fixed party ids, in display order. The layout treats them symmetrically.
pub const PARTY_IDS: [&str; 4] = ["ua", "ru", "us", "eu"];

impl Scenario {
    /// Parses and validates a scenario file. All problems are collected; any problem rejects it.
    pub fn parse(text: &str) -> Result<Scenario, ScenarioError> {
        let raw: RawFile = toml::from_str(text).map_err(|error| ScenarioError {
            problems: vec![format!("TOML: {}", error.to_string().trim_end())],
        })?;
        Validator::default().run(raw)
    }

    /// Fills the dense tables the scorer reads from the validated assumptions.
    pub(crate) fn derive_tables(&mut self) {
        self.table = self
            .issues
            .iter()
            .enumerate()
            .map(|(issue, spec)| {
                (0..spec.options.len())
                    .map(|option| {
                        self.assumptions.values[issue][option]
                            .values
                            .iter()
                            .map(|&value| f64::from(value))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        self.weight = self
            .assumptions
            .parties
            .iter()
            .map(|party| {
                party
                    .weights
                    .iter()
                    .map(|&points| f64::from(points) / 100.0)
                    .collect()
            })
            .collect();
    }

    /// The first two belligerents in party order (Ukraine, Russia): the pair whose concessions
    /// the balance compares. With fewer, the first stands in for both.
    pub fn belligerents(&self) -> (usize, usize) {
        let mut belligerents = self
            .parties
            .iter()
            .enumerate()
            .filter(|(_, party)| party.role == Role::Belligerent)
            .map(|(index, _)| index);
        let first = belligerents.next().unwrap_or(0);
        (first, belligerents.next().unwrap_or(first))
    }

    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.issues.iter().position(|issue| issue.id == id)
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|party| party.id == id)
    }

    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|document| document.id == id)
    }

    /// The documents that took `option` on `issue`, in document order.
    pub fn documents_taking(
        &self,
        issue: usize,
        option: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        self.documents
            .iter()
            .enumerate()
            .filter(move |(_, document)| {
                document.positions[issue]
                    .as_ref()
                    .is_some_and(|position| position.option() == Some(option))
            })
            .map(|(index, _)| index)
    }
}

impl Issue {
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|option| option.id == id)
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_')
}

fn valid_source_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key.bytes().all(|byte| {
            byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-' || byte == b'_'
        })
}

/// Collects problems while building the validated scenario.
#[derive(Default)]
struct Validator {
    problems: Vec<String>,
    source_index: HashMap<String, usize>,
}

impl Validator {
    fn problem(&mut self, message: String) {
        self.problems.push(message);
    }

    fn text(&mut self, place: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.problem(format!("{place}: {field} is empty"));
        }
    }

    fn sources(&mut self, place: &str, keys: &[String]) -> Vec<usize> {
        let mut indices = Vec::with_capacity(keys.len());
        for key in keys {
            match self.source_index.get(key) {
                Some(&index) => indices.push(index),
                None => self.problem(format!("{place}: unknown source [{key}]")),
            }
        }
        indices
    }

    fn run(mut self, raw: RawFile) -> Result<Scenario, ScenarioError> {
        let opening_id = raw.scenario.opening;
        let mut meta = Meta {
            id: raw.scenario.id,
            title: raw.scenario.title,
            version: raw.scenario.version,
            compiled: raw.scenario.compiled,
            caveats: raw.scenario.caveats,
            opening: None,
        };
        if !valid_id(&meta.id.replace('-', "_")) {
            self.problem(format!("scenario: id \"{}\" is not a valid id", meta.id));
        }
        self.text("scenario", "title", &meta.title.clone());
        self.text("scenario", "version", &meta.version.clone());

        let mut sources = Vec::with_capacity(raw.sources.len());
        for (key, source) in raw.sources {
            let place = format!("source [{key}]");
            if !valid_source_key(&key) {
                self.problem(format!(
                    "{place}: key must be lowercase letters, digits, '-' or '_'"
                ));
            }
            if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
                self.problem(format!("{place}: url must start with https:// or http://"));
            }
            if let Some(date) = &source.date
                && !valid_date(date)
            {
                self.problem(format!(
                    "{place}: date \"{date}\" is not YYYY, YYYY-MM or YYYY-MM-DD"
                ));
            }
            let class = source.class.as_deref().and_then(|id| {
                let class = SourceClass::from_id(id);
                if class.is_none() {
                    self.problem(format!(
                        "{place}: unknown class \"{id}\" (expected primary, major, regional, state_media, mirror or unknown)"
                    ));
                }
                class
            });
            self.source_index.insert(key.clone(), sources.len());
            sources.push(Source {
                key,
                url: source.url,
                title: source.title,
                outlet: source.outlet,
                date: source.date,
                class,
            });
        }

        let issues = self.issues(raw.issues);
        let parties = self.parties(raw.parties, &issues);
        let documents = self.documents(raw.documents, &issues);
        let assumptions = self.assumptions(raw.assumptions, &parties, &issues);
        if let Some(id) = opening_id {
            meta.opening = documents.iter().position(|document| document.id == id);
            if meta.opening.is_none() {
                self.problem(format!("scenario: opening document {id} does not exist"));
            }
        }

        if !self.problems.is_empty() {
            return Err(ScenarioError {
                problems: self.problems,
            });
        }
        let assumptions = assumptions.expect("assumptions exist when no problem was found");
        let mut scenario = Scenario {
            meta,
            sources,
            parties,
            issues,
            documents,
            assumptions,
            table: Vec::new(),
            weight: Vec::new(),
            edits: Edits::default(),
            model_assumptions: None,
        };
        scenario.derive_tables();
        Ok(scenario)
    }

    fn issues(&mut self, raw_issues: Vec<RawIssue>) -> Vec<Issue> {
        let mut issues: Vec<Issue> = Vec::with_capacity(raw_issues.len());
        if raw_issues.is_empty() {
            self.problem("issues: the scenario has no issues".to_string());
        }
        for raw in raw_issues {
            let place = format!("issue {}", raw.id);
            if !valid_id(&raw.id) {
                self.problem(format!(
                    "{place}: id must be lowercase letters, digits or '_'"
                ));
            }
            if issues.iter().any(|issue| issue.id == raw.id) {
                self.problem(format!("{place}: duplicate issue id"));
            }
            self.text(&place, "label", &raw.label);
            self.text(&place, "description", &raw.description);
            let theme = Theme::from_id(&raw.theme).unwrap_or_else(|| {
                self.problem(format!(
                    "{place}: unknown theme \"{}\" (expected one of security, territory, justice_money, politics, humanitarian)",
                    raw.theme
                ));
                Theme::Security
            });
            let sources = self.sources(&place, &raw.sources);
            if raw.options.len() < 2 {
                self.problem(format!("{place}: needs at least two options"));
            }
            let mut options: Vec<IssueOption> = Vec::with_capacity(raw.options.len());
            for option in raw.options {
                let option_place = format!("{place}, option {}", option.id);
                if !valid_id(&option.id) {
                    self.problem(format!(
                        "{option_place}: id must be lowercase letters, digits or '_'"
                    ));
                }
                if options.iter().any(|existing| existing.id == option.id) {
                    self.problem(format!("{option_place}: duplicate option id"));
                }
                self.text(&option_place, "label", &option.label);
                self.text(&option_place, "meaning", &option.meaning);
                if option.at.is_some() && raw.scale.is_none() {
                    self.problem(format!(
                        "{option_place}: `at` is only allowed on an issue with a scale"
                    ));
                }
                options.push(IssueOption {
                    id: option.id,
                    label: option.label,
                    meaning: option.meaning,
                    at: option.at,
                });
            }
            let scale = raw.scale.map(|scale| {
                let mut points: Vec<(i64, usize)> = options
                    .iter()
                    .enumerate()
                    .filter_map(|(index, option)| option.at.map(|at| (at, index)))
                    .collect();
                points.sort_unstable();
                if scale.min >= scale.max {
                    self.problem(format!("{place}, scale: min must be below max"));
                }
                if scale.step <= 0 {
                    self.problem(format!("{place}, scale: step must be above zero"));
                }
                self.text(&format!("{place}, scale"), "unit", &scale.unit);
                self.text(&format!("{place}, scale"), "label", &scale.label);
                if points.len() < 2 {
                    self.problem(format!("{place}, scale: needs at least two options with `at`"));
                }
                if points.windows(2).any(|pair| pair[0].0 == pair[1].0) {
                    self.problem(format!("{place}, scale: two options share the same `at`"));
                }
                if scale.step > 0 {
                    for &(at, option) in &points {
                        if (at - scale.min) % scale.step != 0 {
                            self.problem(format!(
                                "{place}, option {}: at = {at} is not on the step grid ({} + k × {})",
                                options[option].id, scale.min, scale.step
                            ));
                        }
                    }
                }
                if let (Some(first), Some(last)) = (points.first(), points.last()) {
                    if first.0 != scale.min {
                        self.problem(format!(
                            "{place}, scale: min = {} but the lowest option `at` is {}",
                            scale.min, first.0
                        ));
                    }
                    if last.0 != scale.max {
                        self.problem(format!(
                            "{place}, scale: max = {} but the highest option `at` is {}",
                            scale.max, last.0
                        ));
                    }
                }
                Scale {
                    unit: scale.unit,
                    label: scale.label,
                    min: scale.min,
                    max: scale.max,
                    step: scale.step,
                    points,
                }
            });
            let comparison = raw
                .comparison
                .map(|comparison| self.comparison(&place, comparison));
            issues.push(Issue {
                id: raw.id,
                label: raw.label,
                theme,
                description: raw.description,
                notes: raw.notes,
                sources,
                scale,
                options,
                comparison,
            });
        }
        issues
    }

    fn comparison(&mut self, place: &str, raw: RawComparison) -> Comparison {
        let place = format!("{place}, comparison");
        self.text(&place, "title", &raw.title);
        if raw.columns.len() < 2 {
            self.problem(format!("{place}: needs at least two columns"));
        }
        let rows = raw
            .rows
            .into_iter()
            .map(|row| {
                let row_place = format!("{place}, row \"{}\"", row.aspect);
                self.text(&row_place, "aspect", &row.aspect);
                if row.cells.len() != raw.columns.len() {
                    self.problem(format!(
                        "{row_place}: has {} cells for {} columns",
                        row.cells.len(),
                        raw.columns.len()
                    ));
                }
                let cells = row
                    .cells
                    .into_iter()
                    .map(|cell| {
                        self.text(&row_place, "cell text", &cell.text);
                        if cell.sources.is_empty() {
                            self.problem(format!("{row_place}: a cell needs at least one source"));
                        }
                        Cell {
                            sources: self.sources(&row_place, &cell.sources),
                            text: cell.text,
                        }
                    })
                    .collect();
                ComparisonRow {
                    aspect: row.aspect,
                    cells,
                }
            })
            .collect();
        Comparison {
            title: raw.title,
            columns: raw.columns,
            rows,
        }
    }

    fn parties(&mut self, raw_parties: Vec<crate::file::RawParty>, issues: &[Issue]) -> Vec<Party> {
        let ids: Vec<&str> = raw_parties.iter().map(|party| party.id.as_str()).collect();
        if ids != PARTY_IDS {
            self.problem(format!(
                "parties: expected exactly ua, ru, us, eu in this order, found {}",
                if ids.is_empty() {
                    "none".to_string()
                } else {
                    ids.join(", ")
                }
            ));
        }
        let mut parties = Vec::with_capacity(raw_parties.len());
        for raw in raw_parties {
            let place = format!("party {}", raw.id);
            self.text(&place, "name", &raw.name);
            let role = match raw.role.as_str() {
                "belligerent" => Role::Belligerent,
                "guarantor" => Role::Guarantor,
                other => {
                    self.problem(format!(
                        "{place}: unknown role \"{other}\" (expected belligerent or guarantor)"
                    ));
                    Role::Guarantor
                }
            };
            let mut red_lines: Vec<RedLine> = Vec::with_capacity(raw.red_lines.len());
            for line in raw.red_lines {
                let line_place = format!("{place}, red line {}", line.id);
                if red_lines.iter().any(|existing| existing.id == line.id) {
                    self.problem(format!("{line_place}: duplicate red line id"));
                }
                if let Some(red_line) = self.red_line(&line_place, line, issues) {
                    red_lines.push(red_line);
                }
            }
            parties.push(Party {
                id: raw.id,
                name: raw.name,
                role,
                red_lines,
            });
        }
        let belligerents = parties
            .iter()
            .filter(|party| party.role == Role::Belligerent)
            .count();
        if !parties.is_empty() && (belligerents == 0 || belligerents == parties.len()) {
            self.problem("parties: need at least one belligerent and one guarantor".to_string());
        }
        parties
    }

    fn red_line(&mut self, place: &str, raw: RawRedLine, issues: &[Issue]) -> Option<RedLine> {
        if !valid_id(&raw.id) {
            self.problem(format!(
                "{place}: id must be lowercase letters, digits or '_'"
            ));
        }
        self.text(place, "statement", &raw.statement);
        let sources = self.sources(place, &raw.sources);
        if sources.is_empty() && !raw.sources.is_empty() {
            return None;
        }
        if raw.sources.is_empty() {
            self.problem(format!("{place}: a red line needs at least one source"));
        }
        let Some(issue) = issues.iter().position(|issue| issue.id == raw.issue) else {
            self.problem(format!("{place}: unknown issue {}", raw.issue));
            return None;
        };
        let spec = &issues[issue];
        let mut options = Vec::with_capacity(raw.options.len());
        for option in &raw.options {
            match spec.option_index(option) {
                Some(index) => options.push(index),
                None => self.problem(format!("{place}: issue {} has no option {option}", spec.id)),
            }
        }
        if (raw.at_most.is_some() || raw.at_least.is_some()) && spec.scale.is_none() {
            self.problem(format!(
                "{place}: at_most/at_least need a numeric issue, and {} has no scale",
                spec.id
            ));
        }
        if raw.options.is_empty() && raw.at_most.is_none() && raw.at_least.is_none() {
            self.problem(format!(
                "{place}: names no option and no amount, so nothing can cross it"
            ));
        }
        Some(RedLine {
            id: raw.id,
            issue,
            options,
            at_most: raw.at_most,
            at_least: raw.at_least,
            statement: raw.statement,
            sources,
            caution: raw.caution,
        })
    }

    fn documents(
        &mut self,
        raw_documents: Vec<crate::file::RawDocument>,
        issues: &[Issue],
    ) -> Vec<Document> {
        let mut documents: Vec<Document> = Vec::with_capacity(raw_documents.len());
        for raw in raw_documents {
            let place = format!("document {}", raw.id);
            if !valid_id(&raw.id) {
                self.problem(format!(
                    "{place}: id must be lowercase letters, digits or '_'"
                ));
            }
            if documents.iter().any(|document| document.id == raw.id) {
                self.problem(format!("{place}: duplicate document id"));
            }
            self.text(&place, "title", &raw.title);
            self.text(&place, "summary", &raw.summary);
            if !valid_date(&raw.date) {
                self.problem(format!(
                    "{place}: date \"{}\" is not YYYY, YYYY-MM, YYYY-MM-DD or a range a/b of those",
                    raw.date
                ));
            }
            let nature = Nature::from_id(&raw.nature).unwrap_or_else(|| {
                self.problem(format!("{place}: unknown nature \"{}\"", raw.nature));
                Nature::Draft
            });
            let sources = self.sources(&place, &raw.sources);
            if raw.sources.is_empty() {
                self.problem(format!("{place}: a document needs at least one source"));
            }
            let kind = match raw.kind.as_deref() {
                None => DocumentKind::Settlement,
                Some(id) => DocumentKind::from_id(id).unwrap_or_else(|| {
                    self.problem(format!(
                        "{place}: unknown kind \"{id}\" (expected settlement, revision, partial or combination)"
                    ));
                    DocumentKind::Settlement
                }),
            };
            // Bases must come earlier in the file, so that resolving a document never loops.
            let earlier = |id: &str| documents.iter().position(|document| document.id == id);
            let based_on = raw.based_on.as_deref().and_then(|id| {
                let found = earlier(id);
                if found.is_none() {
                    self.problem(format!(
                        "{place}: based_on {id} is not a document listed before it"
                    ));
                }
                found
            });
            let mut applies = Vec::with_capacity(raw.applies.len());
            for id in &raw.applies {
                match earlier(id) {
                    Some(index) if documents[index].kind == DocumentKind::Partial => {
                        applies.push(index)
                    }
                    Some(_) => self.problem(format!(
                        "{place}: applies {id}, which is not a partial document"
                    )),
                    None => self.problem(format!(
                        "{place}: applies {id}, which is not a document listed before it"
                    )),
                }
            }
            let needs_base = matches!(kind, DocumentKind::Revision | DocumentKind::Combination);
            if needs_base && raw.based_on.is_none() {
                self.problem(format!("{place}: a {} needs based_on", kind.id()));
            }
            if !needs_base && raw.based_on.is_some() {
                self.problem(format!(
                    "{place}: based_on is only for revisions and combinations"
                ));
            }
            if kind == DocumentKind::Combination {
                if raw.applies.is_empty() {
                    self.problem(format!("{place}: a combination needs applies"));
                }
                if !raw.positions.is_empty() {
                    self.problem(format!(
                        "{place}: a combination takes its positions from its parts, not its own"
                    ));
                }
            } else if !raw.applies.is_empty() {
                self.problem(format!("{place}: applies is only for combinations"));
            }
            let mut positions: Vec<Option<Position>> = vec![None; issues.len()];
            for (issue_id, position) in raw.positions {
                let position_place = format!("{place}, position on {issue_id}");
                let Some(issue) = issues.iter().position(|issue| issue.id == issue_id) else {
                    self.problem(format!("{position_place}: unknown issue"));
                    continue;
                };
                positions[issue] = self.position(&position_place, position, &issues[issue], kind);
            }
            if kind != DocumentKind::Combination && positions.iter().all(Option::is_none) {
                self.problem(format!("{place}: takes no position on any issue"));
            }
            documents.push(Document {
                id: raw.id,
                title: raw.title,
                date: raw.date,
                nature,
                summary: raw.summary,
                sources,
                kind,
                based_on,
                applies,
                caution: raw.caution,
                positions,
            });
        }
        documents
    }

    fn position(
        &mut self,
        place: &str,
        raw: RawPosition,
        issue: &Issue,
        kind: DocumentKind,
    ) -> Option<Position> {
        let sources = self.sources(place, &raw.sources);
        let stance = match (raw.option.as_deref(), raw.status.as_deref()) {
            (Some(option), None) => match issue.option_index(option) {
                Some(option) => Stance::Takes(option),
                None => {
                    self.problem(format!(
                        "{place}: issue {} has no option {option}",
                        issue.id
                    ));
                    return None;
                }
            },
            (None, Some(status @ ("removed" | "open"))) => {
                if kind != DocumentKind::Revision {
                    self.problem(format!(
                        "{place}: status \"{status}\" is only for revisions"
                    ));
                }
                if status == "removed" {
                    Stance::Removed
                } else {
                    Stance::Open
                }
            }
            (None, Some(other)) => {
                self.problem(format!(
                    "{place}: unknown status \"{other}\" (expected removed or open)"
                ));
                return None;
            }
            (Some(_), Some(_)) => {
                self.problem(format!("{place}: give an option or a status, not both"));
                return None;
            }
            (None, None) => {
                self.problem(format!(
                    "{place}: needs an option (or, in a revision, a status)"
                ));
                return None;
            }
        };
        Some(Position {
            stance,
            sources,
            note: raw.note,
            caution: raw.caution,
        })
    }

    fn assumptions(
        &mut self,
        raw: crate::file::RawAssumptions,
        parties: &[Party],
        issues: &[Issue],
    ) -> Option<Assumptions> {
        self.text("assumptions", "note", &raw.note);
        let mut party_assumptions = Vec::with_capacity(parties.len());
        let mut raw_parties = raw.parties;
        for party in parties {
            let place = format!("assumptions for party {}", party.id);
            let Some(assumed) = raw_parties.remove(&party.id) else {
                self.problem(format!("{place}: missing"));
                continue;
            };
            let reservation = match number_0_100(&assumed.reservation) {
                Some(value) => value,
                None => {
                    self.problem(format!(
                        "{place}: reservation must be a number from 0 to 100"
                    ));
                    0.0
                }
            };
            self.text(
                &place,
                "reservation_rationale",
                &assumed.reservation_rationale,
            );
            self.text(&place, "weights_rationale", &assumed.weights_rationale);
            let mut weights = vec![0u32; issues.len()];
            let mut raw_weights = assumed.weights;
            for (issue, spec) in issues.iter().enumerate() {
                match raw_weights.remove(&spec.id) {
                    None => self.problem(format!("{place}: no weight for issue {}", spec.id)),
                    Some(value) => match integer_0_100(&value) {
                        Some(points) => weights[issue] = points,
                        None => self.problem(format!(
                            "{place}: weight for issue {} must be an integer from 0 to 100",
                            spec.id
                        )),
                    },
                }
            }
            for unknown in raw_weights.keys() {
                self.problem(format!("{place}: weight for unknown issue {unknown}"));
            }
            let total: u32 = weights.iter().sum();
            if total != 100 {
                self.problem(format!("{place}: weights sum to {total}, not 100"));
            }
            party_assumptions.push(PartyAssumptions {
                reservation,
                reservation_rationale: assumed.reservation_rationale,
                weights,
                weights_rationale: assumed.weights_rationale,
                red_lines_off: Vec::new(),
            });
        }
        for unknown in raw_parties.keys() {
            self.problem(format!("assumptions: unknown party {unknown}"));
        }

        let mut when_silent = Vec::with_capacity(issues.len());
        let mut raw_silent = raw.when_silent;
        for spec in issues {
            let place = format!("assumptions.when_silent, issue {}", spec.id);
            match raw_silent.remove(&spec.id) {
                None => self.problem(format!("{place}: missing")),
                Some(silent) => {
                    self.text(&place, "rationale", &silent.rationale);
                    match spec.option_index(&silent.option) {
                        Some(option) => when_silent.push(SilentAssumption {
                            option,
                            rationale: silent.rationale,
                        }),
                        None => self.problem(format!("{place}: no option {}", silent.option)),
                    }
                }
            }
        }
        for unknown in raw_silent.keys() {
            self.problem(format!("assumptions.when_silent: unknown issue {unknown}"));
        }

        let mut values = Vec::with_capacity(issues.len());
        let mut raw_values = raw.values;
        for spec in issues {
            let mut issue_values = Vec::with_capacity(spec.options.len());
            let mut raw_issue = raw_values.remove(&spec.id).unwrap_or_default();
            for option in &spec.options {
                let place = format!("issue {}, option {}", spec.id, option.id);
                let Some(mut table) = raw_issue.remove(&option.id) else {
                    self.problem(format!("{place}: no values"));
                    continue;
                };
                let rationale = match table.remove("rationale") {
                    Some(toml::Value::String(text)) if !text.trim().is_empty() => text,
                    Some(toml::Value::String(_)) | None => {
                        self.problem(format!("{place}: no rationale for its values"));
                        String::new()
                    }
                    Some(_) => {
                        self.problem(format!("{place}: rationale must be text"));
                        String::new()
                    }
                };
                let mut option_values = Vec::with_capacity(parties.len());
                for party in parties {
                    match table.remove(&party.id) {
                        None => self.problem(format!("{place}: no value for party {}", party.id)),
                        Some(value) => match integer_0_100(&value) {
                            Some(value) => option_values.push(value),
                            None => self.problem(format!(
                                "{place}: value for party {} must be an integer from 0 to 100",
                                party.id
                            )),
                        },
                    }
                }
                for unknown in table.keys() {
                    self.problem(format!("{place}: unknown party {unknown}"));
                }
                issue_values.push(OptionValues {
                    values: option_values,
                    rationale,
                });
            }
            for unknown in raw_issue.keys() {
                self.problem(format!(
                    "assumptions.values.{}: unknown option {unknown}",
                    spec.id
                ));
            }
            values.push(issue_values);
        }
        for unknown in raw_values.keys() {
            self.problem(format!("assumptions.values: unknown issue {unknown}"));
        }

        if !self.problems.is_empty() {
            return None;
        }
        // The swing-weight convention: a party's best option on an issue it cares about is worth
        // 100, so its ideal package is worth exactly 100 and "concession" means distance from it.
        for (party, assumed) in party_assumptions.iter().enumerate() {
            for (issue, spec) in issues.iter().enumerate() {
                if assumed.weights[issue] == 0 {
                    continue;
                }
                let best = values[issue]
                    .iter()
                    .map(|option| option.values[party])
                    .max();
                if best != Some(100) {
                    self.problem(format!(
                        "issue {}: party {} has weight {} but its best option is valued {}, not 100",
                        spec.id,
                        parties[party].id,
                        assumed.weights[issue],
                        best.unwrap_or(0)
                    ));
                }
            }
        }
        Some(Assumptions {
            note: raw.note,
            parties: party_assumptions,
            when_silent,
            values,
        })
    }
}

fn integer_0_100(value: &toml::Value) -> Option<u32> {
    match value {
        toml::Value::Integer(number) if (0..=100).contains(number) => u32::try_from(*number).ok(),
        _ => None,
    }
}

fn number_0_100(value: &toml::Value) -> Option<f64> {
    let number = match value {
        toml::Value::Integer(number) => *number as f64,
        toml::Value::Float(number) => *number,
        _ => return None,
    };
    (0.0..=100.0).contains(&number).then_some(number)
}

fn valid_date(date: &str) -> bool {
    fn single(part: &str) -> bool {
        let pieces: Vec<&str> = part.split('-').collect();
        let digits = |piece: &str, len: usize| {
            piece.len() == len && piece.bytes().all(|b| b.is_ascii_digit())
        };
        match pieces.as_slice() {
            [year] => digits(year, 4),
            [year, month] => digits(year, 4) && digits(month, 2),
            [year, month, day] => digits(year, 4) && digits(month, 2) && digits(day, 2),
            _ => false,
        }
    }
    match date.split_once('/') {
        Some((from, to)) => single(from) && single(to),
        None => single(date),
    }
}
