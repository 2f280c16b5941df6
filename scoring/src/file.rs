//! The serde shapes of the scenario TOML file, exactly as written by people.
//! Nothing here is trusted: `model.rs` validates these into the domain types.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub scenario: RawMeta,
    pub sources: BTreeMap<String, RawSource>,
    pub parties: Vec<RawParty>,
    pub issues: Vec<RawIssue>,
    pub documents: Vec<RawDocument>,
    pub assumptions: RawAssumptions,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub id: String,
    pub title: String,
    pub version: String,
    pub compiled: String,
    #[serde(default)]
    pub caveats: Vec<String>,
    /// The document whose package a fresh page opens with (and that a v2 link's omitted issues
    /// take). Absent in models published before link format 2: those open with `V1_DEFAULTS`.
    #[serde(default)]
    pub opening: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub url: String,
    #[serde(default)]
    pub title: String,
    /// The outlet that published the page (not the outlet it cites): "LIGA.net".
    #[serde(default)]
    pub outlet: String,
    /// Publication date as YYYY, YYYY-MM or YYYY-MM-DD, where known.
    #[serde(default)]
    pub date: Option<String>,
    /// primary | major | regional | state_media | mirror | unknown (docs/evidence.md).
    #[serde(default)]
    pub class: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParty {
    pub id: String,
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub red_lines: Vec<RawRedLine>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRedLine {
    pub id: String,
    pub issue: String,
    #[serde(default)]
    pub options: Vec<String>,
    pub at_most: Option<i64>,
    pub at_least: Option<i64>,
    pub statement: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Required where every source is weak (state media, mirror, unidentified): why it is kept.
    #[serde(default)]
    pub caution: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIssue {
    pub id: String,
    pub label: String,
    pub theme: String,
    pub description: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
    pub scale: Option<RawScale>,
    #[serde(default)]
    pub options: Vec<RawOption>,
    /// A sourced side-by-side comparison shown with the issue (e.g. guarantee texts).
    #[serde(default)]
    pub comparison: Option<RawComparison>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawComparison {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<RawComparisonRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawComparisonRow {
    pub aspect: String,
    pub cells: Vec<RawCell>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCell {
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScale {
    pub unit: String,
    pub label: String,
    pub min: i64,
    pub max: i64,
    pub step: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOption {
    pub id: String,
    pub label: String,
    pub meaning: String,
    pub at: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocument {
    pub id: String,
    pub title: String,
    pub date: String,
    pub nature: String,
    pub summary: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// settlement (default) | revision | partial | combination.
    #[serde(default)]
    pub kind: Option<String>,
    /// A revision's or combination's base document.
    #[serde(default)]
    pub based_on: Option<String>,
    /// A combination's partial documents, applied on the base in this order.
    #[serde(default)]
    pub applies: Vec<String>,
    #[serde(default)]
    pub caution: String,
    #[serde(default)]
    pub positions: BTreeMap<String, RawPosition>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPosition {
    /// The option the text takes. A revision may instead set `status`.
    #[serde(default)]
    pub option: Option<String>,
    /// Revisions only: "removed" (the base's provision is dropped) or "open" (left in brackets).
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub caution: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAssumptions {
    pub note: String,
    pub parties: BTreeMap<String, RawPartyAssumptions>,
    pub when_silent: BTreeMap<String, RawSilent>,
    /// issue id → option id → { party id → value, "rationale" → text }.
    pub values: BTreeMap<String, BTreeMap<String, BTreeMap<String, toml::Value>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPartyAssumptions {
    pub reservation: toml::Value,
    pub reservation_rationale: String,
    pub weights_rationale: String,
    pub weights: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSilent {
    pub option: String,
    pub rationale: String,
}
