//! Share links: a package to and from the text after `#` in the page's URL.
//! The format is written down in docs/link-format.md. Decoding never fails and never panics:
//! whatever it cannot use is reset to the model's default and reported as a plain-language
//! problem. Encoding is canonical: one package, one link. A link names the model it was made
//! with (`m=`), so it opens with the same numbers for as long as that model is published.

use crate::edits::{self, Edits, MAX_EDIT_PARTS};
use crate::model::Scenario;
use crate::models::{self, ModelFile};
use crate::score::{Choice, Package, format_amount};

/// The link format this build writes. Older formats stay readable forever.
pub const CURRENT_VERSION: u32 = 2;

/// Input beyond this many bytes is ignored (the longest link this build writes is far shorter).
pub const MAX_LINK_BYTES: usize = 4096;

/// At most this many `key=value` parts are read; a link has at most 22.
pub const MAX_PARTS: usize = 64;

/// The part that names the model.
pub const MODEL_KEY: &str = "m";
/// The link part naming the document a changed package started from (`from=<document id>`).
pub const FROM_KEY: &str = "from";
/// The key of a compared package (`c=`), up to [`crate::compare::MAX_COLUMNS`] of them.
pub const COMPARE_KEY: &str = "c";
/// A compared package that is the link's own package, as it changes.
pub const COMPARE_HERE: &str = "here";

/// The v1 defaults, frozen: a v1 link that omits an issue means this option, whatever the
/// scenario's presets say today. They are the US 28-point plan of 20 Nov 2025 as encoded when v1
/// was published (the page's opening state). Issue order here is the canonical encoding order.
pub const V1_DEFAULTS: [(&str, &str); 20] = [
    ("army_cap", "cap_600k"),
    ("foreign_troops", "no_nato_troops"),
    ("nato_membership", "constitutional_and_charter_ban"),
    (
        "european_security_architecture",
        "expectation_no_enlargement",
    ),
    ("guarantee_strength", "unspecified_reliable"),
    ("guarantee_duration", "g0_none"),
    ("guarantee_conditions", "broad_forfeit_paid"),
    ("territory_recognition", "recognise_russian_control"),
    ("territory_donetsk", "withdraw_dmz_recognised_russian"),
    (
        "territory_south_and_other",
        "freeze_south_russia_returns_rest",
    ),
    ("amnesty_accountability", "full_amnesty_and_claims_waiver"),
    ("sanctions_relief", "staged_case_by_case_us_deals"),
    ("frozen_assets_compensation", "us_led_split"),
    ("us_economic_stake", "profit_share_and_us_russia_ventures"),
    ("elections_timing", "within_100_days"),
    ("eu_membership", "eligible_with_market_access"),
    ("znpp_control", "iaea_restart_split_50_50"),
    (
        "language_religion_identity",
        "reciprocal_tolerance_eu_standards",
    ),
    (
        "ceasefire_sequencing_monitoring",
        "pullback_first_peace_council",
    ),
    ("humanitarian_exchange", "humanitarian_committee_reciprocal"),
];

/// The result of reading a link: always a usable package, plus what had to be fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub package: Package,
    /// The reader's edits to the model's assumptions the link carries (none for most links).
    pub edits: Edits,
    /// The document the package started from, when the link names one (`from=`).
    pub from: Option<usize>,
    /// The packages the link compares (its `c=` values, in column order; empty for most
    /// links), as written: [`read_slots`] reads them. The page only carries them in its link,
    /// so it never needs their reader.
    pub compare: Vec<String>,
    /// In the order met; empty for a clean link.
    pub problems: Vec<Problem>,
}

/// One thing in a link that could not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The issue that was reset or clamped, when there is one.
    pub issue: Option<usize>,
    /// A plain-language sentence. Any text quoted from the link is shortened and reduced to
    /// letters, digits and `_-.`, so it is safe to show anywhere.
    pub message: String,
}

impl Scenario {
    /// The package a link of this model with no settings stands for, and what a fresh page
    /// opens with: the model's opening document, or, for models from before link format 2
    /// (which had none), the frozen `V1_DEFAULTS`. A published model never changes, so neither
    /// does what its links omit.
    pub fn opening_package(&self) -> Package {
        match self.meta.opening {
            Some(document) => self.document_package(document),
            None => self.v1_default_package(),
        }
    }

    /// The package a v1 link with no settings stands for. If the scenario has lost a v1 default
    /// (a test guards against it), the issue's `when_silent` option stands in.
    pub fn v1_default_package(&self) -> Package {
        let mut package = self.silent_package();
        for (issue_id, option_id) in V1_DEFAULTS {
            if let Some(issue) = self.issue_index(issue_id)
                && let Some(option) = self.issues[issue].option_index(option_id)
                && let Ok(next) = self.with_option(&package, issue, option)
            {
                package = next;
            }
        }
        package
    }
}

/// Writes the canonical link body (without `#`) for a package: the format version, the model
/// version, then every issue that differs from the model's opening package, in the canonical
/// order, as `issue=option` or `issue=amount`.
///
/// A scenario with edits applied (`Scenario::edited`) writes them after the issue settings.
pub fn encode(scenario: &Scenario, package: &Package) -> String {
    encode_with(scenario, package, scenario.edits())
}

/// [`encode`] with `edits` to the assumptions after the issue settings (see
/// `docs/link-format.md`), whatever edits `scenario` carries.
pub fn encode_with(scenario: &Scenario, package: &Package, edits: &Edits) -> String {
    encode_link(scenario, package, None, edits)
}

/// [`encode`] for a package changed from document `from`: the link also names that document
/// (`from=<id>`, after the issue settings), so that it opens as "that document, with these
/// changes". Canonical: the part is written only when the package is no document's own (a
/// package that is a document's reads as that document anyway).
pub fn encode_from(scenario: &Scenario, package: &Package, from: Option<usize>) -> String {
    let from = from.filter(|&document| {
        document < scenario.documents.len()
            && (0..scenario.documents.len())
                .all(|other| scenario.document_package(other) != *package)
    });
    encode_link(scenario, package, from, scenario.edits())
}

/// The link body with the issue settings, `from` (unchecked: a caller that already knows the
/// package is no document's own, as the page does from its cache, passes it; otherwise
/// [`encode_from`] checks) and `edits`.
pub fn encode_link(
    scenario: &Scenario,
    package: &Package,
    from: Option<usize>,
    edits: &Edits,
) -> String {
    let mut link = format!("v={CURRENT_VERSION}&{MODEL_KEY}={}", scenario.meta.version);
    write_differences(scenario, package, &scenario.opening_package(), &mut link);
    if let Some(document) = from {
        link.push_str(&format!("&{FROM_KEY}={}", scenario.documents[document].id));
    }
    edits::write_parts(scenario, edits, &mut link);
    link
}

/// Appends the compared packages as `c=` parts: `c=here`, `c=<document id>`, or a package as
/// `c=p` followed by its differences from the opening package, each `~issue-value`.
pub fn write_compare(scenario: &Scenario, slots: &[Slot], link: &mut String) {
    for slot in slots.iter().take(crate::compare::MAX_COLUMNS) {
        link.push_str(&format!("&{COMPARE_KEY}="));
        match slot {
            Slot::Here => link.push_str(COMPARE_HERE),
            Slot::Document(document) => link.push_str(&scenario.documents[*document].id),
            Slot::Package(package) => {
                let mut parts = String::new();
                write_differences(scenario, package, &scenario.opening_package(), &mut parts);
                link.push('p');
                link.push_str(&parts.replace('&', "~").replace('=', "-"));
            }
        }
    }
}

/// One compared package in a link (see [`write_compare`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Slot {
    /// The link's own package.
    Here,
    Document(usize),
    Package(Package),
}

/// The packages a link's `c=` values stand for, with a problem for each value (or setting in
/// one) that could not be used.
pub fn read_slots(scenario: &Scenario, values: &[String]) -> (Vec<Slot>, Vec<Problem>) {
    let mut problems = Vec::new();
    let max = crate::compare::MAX_COLUMNS;
    if values.len() > max {
        problems.push(Problem {
            issue: None,
            message: format!("The link compares more than {max} packages; the rest were ignored."),
        });
    }
    let slots = values
        .iter()
        .take(max)
        .filter_map(|value| read_slot(scenario, value, &mut problems))
        .collect();
    (slots, problems)
}

/// Reads one `c=` value; `None`, with a problem, when nothing in it can be used.
fn read_slot(scenario: &Scenario, value: &str, problems: &mut Vec<Problem>) -> Option<Slot> {
    if value == COMPARE_HERE {
        return Some(Slot::Here);
    }
    if let Some(document) = scenario.documents.iter().position(|spec| spec.id == value) {
        return Some(Slot::Document(document));
    }
    let Some(rest) = value
        .strip_prefix('p')
        .filter(|rest| rest.is_empty() || rest.starts_with('~'))
    else {
        problems.push(Problem {
            issue: None,
            message: format!(
                "Unknown plan “{}” (a compared package) was ignored.",
                quote(value)
            ),
        });
        return None;
    };
    let mut package = scenario.opening_package();
    let mut seen = vec![false; scenario.issues.len()];
    for item in rest
        .split('~')
        .filter(|item| !item.is_empty())
        .take(MAX_PARTS)
    {
        let issue = item
            .split_once('-')
            .and_then(|(key, value)| Some((scenario.issue_index(key)?, value)));
        match issue {
            Some((issue, value)) if !seen[issue] => {
                seen[issue] = true;
                apply_value(scenario, &mut package, issue, value, problems);
            }
            Some((issue, _)) => problems.push(Problem {
                issue: Some(issue),
                message: format!(
                    "{} appears more than once in a compared package; the first value was kept.",
                    scenario.issues[issue].label
                ),
            }),
            None => problems.push(Problem {
                issue: None,
                message: format!(
                    "“{}” in a compared package is not a provision setting and was ignored.",
                    quote(item)
                ),
            }),
        }
    }
    Some(Slot::Package(package))
}

/// The canonical version-1 body of a package (against `V1_DEFAULTS`, no model part). This
/// build never writes version 1; the golden corpus uses it to check that old links still read
/// exactly as they did.
pub fn encode_v1(scenario: &Scenario, package: &Package) -> String {
    let mut link = "v=1".to_string();
    write_differences(scenario, package, &scenario.v1_default_package(), &mut link);
    link
}

fn write_differences(
    scenario: &Scenario,
    package: &Package,
    defaults: &Package,
    link: &mut String,
) {
    for issue in canonical_order(scenario) {
        let choice = package.choice(issue);
        if choice == defaults.choice(issue) {
            continue;
        }
        link.push('&');
        link.push_str(&scenario.issues[issue].id);
        link.push('=');
        match choice {
            Choice::Option(option) => link.push_str(&scenario.issues[issue].options[option].id),
            Choice::Amount(amount) => link.push_str(&amount.to_string()),
        }
    }
}

/// The same package under another model, matched by issue and option ids (which are never
/// renamed). What `to` lacks is reported, as for any link.
pub fn translate(from: &Scenario, to: &Scenario, package: &Package) -> Decoded {
    let mut link = format!("v={CURRENT_VERSION}&{MODEL_KEY}={}", to.meta.version);
    for (issue, spec) in from.issues.iter().enumerate() {
        link.push('&');
        link.push_str(&spec.id);
        link.push('=');
        match package.choice(issue) {
            Choice::Option(option) => link.push_str(&spec.options[option].id),
            Choice::Amount(amount) => link.push_str(&amount.to_string()),
        }
    }
    decode(to, &link)
}

/// Which published model a link asks to be read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkModel {
    /// The model to decode and score the link with.
    pub model: &'static ModelFile,
    /// Whether the link names a model this build does not have (it is then read with the
    /// current model, and `decode` says so).
    pub unknown: bool,
}

/// The model a link was made with, read before decoding it so that the caller can load that
/// model: the one its `m=` part names; the first published model for links without one
/// (every link made before link format 2); the current model for an empty link (a fresh
/// page). Never fails; reads at most the first `MAX_PARTS` parts of `MAX_LINK_BYTES` bytes.
pub fn link_model(input: &str) -> LinkModel {
    let body = body_of(input);
    let current = LinkModel {
        model: models::current(),
        unknown: false,
    };
    if body.is_empty() {
        return current;
    }
    let named = body
        .split('&')
        .take(MAX_PARTS)
        .find_map(|part| part.strip_prefix(MODEL_KEY)?.strip_prefix('='));
    match named {
        Some(version) => match models::find(version) {
            Some(model) => LinkModel {
                model,
                unknown: false,
            },
            None => LinkModel {
                unknown: true,
                ..current
            },
        },
        None => LinkModel {
            model: models::find(models::FIRST_VERSION).unwrap_or(models::current()),
            unknown: false,
        },
    }
}

/// The text after the first `#` (or all of it), trimmed. Only the first `MAX_LINK_BYTES` bytes
/// are searched for the `#`, so nothing beyond them can change what a link means.
fn fragment_of(input: &str) -> &str {
    let head = &input[..floor_boundary(input, MAX_LINK_BYTES)];
    match head.find('#') {
        Some(hash) => &input[hash + 1..],
        None => input,
    }
    .trim()
}

/// The largest character boundary of `text` at or below `limit`.
fn floor_boundary(text: &str, limit: usize) -> usize {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The body of a link: its fragment, cut to `MAX_LINK_BYTES` on a character boundary.
fn body_of(input: &str) -> &str {
    let body = fragment_of(input);
    &body[..floor_boundary(body, MAX_LINK_BYTES)]
}

/// Issue indices in canonical order: the v1 order, then any issue the v1 list lacks.
fn canonical_order(scenario: &Scenario) -> impl Iterator<Item = usize> + '_ {
    let listed = V1_DEFAULTS
        .iter()
        .filter_map(|(issue_id, _)| scenario.issue_index(issue_id));
    let unlisted = (0..scenario.issues.len()).filter(|&issue| {
        !V1_DEFAULTS
            .iter()
            .any(|(id, _)| *id == scenario.issues[issue].id)
    });
    listed.chain(unlisted)
}

/// Reads a link with `scenario` (the model [`link_model`] picked): a whole URL, a `#fragment`,
/// or the text after `#`. Omitted issues take the model's opening package (the frozen
/// `V1_DEFAULTS` for a version-1 link). Never fails, never panics; the work is linear in
/// `min(input length, MAX_LINK_BYTES)`.
pub fn decode(scenario: &Scenario, input: &str) -> Decoded {
    let mut problems = Vec::new();
    let body = body_of(input);
    if fragment_of(input).len() > body.len() {
        problems.push(Problem {
            issue: None,
            message: format!(
                "The link is longer than {} characters; the rest was ignored.",
                format_amount(MAX_LINK_BYTES as i64)
            ),
        });
    }
    let mut package = scenario.opening_package();
    let mut edits = Edits::none();
    let mut from = None;
    let mut from_seen = false;
    let mut compare = Vec::new();
    if body.is_empty() {
        return Decoded {
            package,
            edits,
            from,
            compare,
            problems,
        };
    }

    let mut parts = body.split('&').filter(|part| !part.is_empty());
    let mut seen = vec![false; scenario.issues.len()];
    let mut first = true;
    let mut model_seen = false;
    let mut needs_model = false;
    let mut read = 0usize;
    let mut edit_keys = Vec::new();
    let mut edit_parts = 0usize;
    for part in parts.by_ref() {
        // Assumption parts are counted apart, so a link without them reads as it always did.
        if let Some((key, value)) = part.split_once('=')
            && !first
            && edits::is_edit_key(key)
        {
            edit_parts += 1;
            if edit_parts == MAX_EDIT_PARTS + 1 {
                problems.push(Problem {
                    issue: None,
                    message: format!(
                        "The link has more than {MAX_EDIT_PARTS} assumption edits; the rest were ignored."
                    ),
                });
            }
            if edit_parts <= MAX_EDIT_PARTS {
                edits::read_part(
                    scenario,
                    &mut edits,
                    &mut edit_keys,
                    key,
                    value,
                    &mut problems,
                );
            }
            continue;
        }
        read += 1;
        if read > MAX_PARTS {
            problems.push(Problem {
                issue: None,
                message: format!(
                    "The link has more than {MAX_PARTS} settings; the rest were ignored."
                ),
            });
            break;
        }
        let (key, value) = match part.split_once('=') {
            Some(pair) => pair,
            None => {
                problems.push(Problem {
                    issue: None,
                    message: format!(
                        "“{}” is not a setting (name=value) and was ignored.",
                        quote(part)
                    ),
                });
                first = false;
                continue;
            }
        };
        if first {
            first = false;
            if key == "v" {
                version_problem(value, &mut problems);
                needs_model = value == CURRENT_VERSION.to_string();
                // A version-1 link's omitted issues mean the frozen v1 defaults, whichever
                // model reads it (nothing has been applied yet: this is the first part).
                if value == "1" {
                    package = scenario.v1_default_package();
                }
                continue;
            }
            problems.push(Problem {
                issue: None,
                message: format!(
                    "The link has no format version; it was read as version {CURRENT_VERSION}."
                ),
            });
        } else if key == "v" {
            problems.push(Problem {
                issue: None,
                message: "The version number appears more than once; the first one was used."
                    .to_string(),
            });
            continue;
        }
        if key == MODEL_KEY {
            if model_seen {
                problems.push(Problem {
                    issue: None,
                    message: "The model version appears more than once; the first one was used."
                        .to_string(),
                });
            } else if value != scenario.meta.version {
                problems.push(Problem {
                    issue: None,
                    message: format!(
                        "The link was made with model “{}”, which this version of the sandbox does not have; it was read with model {}.",
                        quote(value),
                        scenario.meta.version
                    ),
                });
            }
            model_seen = true;
            continue;
        }
        if key == FROM_KEY {
            if from_seen {
                problems.push(Problem {
                    issue: None,
                    message: "The plan the package started from appears more than once; the first one was used."
                        .to_string(),
                });
            } else {
                from = scenario
                    .documents
                    .iter()
                    .position(|document| document.id == value);
                if from.is_none() {
                    problems.push(Problem {
                        issue: None,
                        message: format!(
                            "Unknown plan “{}” (the plan the package started from) was ignored.",
                            quote(value)
                        ),
                    });
                }
            }
            from_seen = true;
            continue;
        }
        if key == COMPARE_KEY {
            // Kept as written (read by `read_slots`): only ids, digits, `~` and `-` can be in
            // one, and the 64 settings bound how many.
            if !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_~-".contains(&b))
            {
                compare.push(value.to_string());
            } else {
                problems.push(Problem {
                    issue: None,
                    message: format!(
                        "“{}” is not a compared package and was ignored.",
                        quote(value)
                    ),
                });
            }
            continue;
        }
        let Some(issue) = scenario.issue_index(key) else {
            problems.push(Problem {
                issue: None,
                message: format!("Unknown provision “{}” was ignored.", quote(key)),
            });
            continue;
        };
        if seen[issue] {
            problems.push(Problem {
                issue: Some(issue),
                message: format!(
                    "{} appears more than once; the first value was kept.",
                    scenario.issues[issue].label
                ),
            });
            continue;
        }
        seen[issue] = true;
        apply_value(scenario, &mut package, issue, value, &mut problems);
    }
    if needs_model && !model_seen {
        problems.push(Problem {
            issue: None,
            message: format!(
                "The link has no model version; it was read with model {}.",
                scenario.meta.version
            ),
        });
    }
    edits::settle(scenario, &mut edits, &mut problems);
    Decoded {
        package,
        edits,
        from,
        compare,
        problems,
    }
}

fn version_problem(value: &str, problems: &mut Vec<Problem>) {
    let version =
        (value.len() <= 9 && !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| value.parse::<u32>().ok())
            .flatten();
    match version {
        Some(1 | CURRENT_VERSION) => {}
        Some(newer) if newer > CURRENT_VERSION => problems.push(Problem {
            issue: None,
            message: format!(
                "The link was made by a newer version of the sandbox (link format {newer}); it was read as version {CURRENT_VERSION}, and settings this version does not know were ignored."
            ),
        }),
        _ => problems.push(Problem {
            issue: None,
            message: format!(
                "The link's version “{}” is not valid; it was read as version {CURRENT_VERSION}.",
                quote(value)
            ),
        }),
    }
}

fn apply_value(
    scenario: &Scenario,
    package: &mut Package,
    issue: usize,
    value: &str,
    problems: &mut Vec<Problem>,
) {
    let spec = &scenario.issues[issue];
    if let Some(option) = spec.option_index(value) {
        if let Ok(next) = scenario.with_option(package, issue, option) {
            *package = next;
        }
        return;
    }
    let kept = describe_choice(scenario, issue, package.choice(issue));
    let Some(scale) = &spec.scale else {
        problems.push(Problem {
            issue: Some(issue),
            message: format!(
                "{}: “{}” is not one of its options; kept “{kept}”.",
                spec.label,
                quote(value)
            ),
        });
        return;
    };
    let amount =
        (!value.is_empty() && value.len() <= 15 && value.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| value.parse::<i64>().ok())
            .flatten();
    let Some(amount) = amount else {
        problems.push(Problem {
            issue: Some(issue),
            message: format!(
                "{}: “{}” is neither one of its options nor a whole number; kept “{kept}”.",
                spec.label,
                quote(value)
            ),
        });
        return;
    };
    let clamped = amount.clamp(scale.min, scale.max);
    if clamped != amount {
        problems.push(Problem {
            issue: Some(issue),
            message: format!(
                "{}: {} {} is outside {}–{}; set to {} {}.",
                spec.label,
                format_amount(amount),
                scale.unit,
                format_amount(scale.min),
                format_amount(scale.max),
                format_amount(clamped),
                scale.unit
            ),
        });
    }
    if let Ok(next) = scenario.with_amount(package, issue, clamped) {
        *package = next;
    }
}

/// A short human description of a choice: the option's label, or the amount with its unit.
pub fn describe_choice(scenario: &Scenario, issue: usize, choice: Choice) -> String {
    let spec = &scenario.issues[issue];
    match choice {
        Choice::Option(option) => spec.options[option].label.clone(),
        Choice::Amount(amount) => {
            let unit = spec
                .scale
                .as_ref()
                .map(|scale| scale.unit.as_str())
                .unwrap_or("");
            format!("{} {unit}", format_amount(amount))
        }
    }
}

/// Text quoted from a link, made safe and short: at most 32 characters of letters, digits and
/// `_-.`; anything else shows as `?`.
pub(crate) fn quote(raw: &str) -> String {
    let mut out: String = raw
        .chars()
        .take(32)
        .map(|character| {
            if character.is_ascii_alphanumeric() || matches!(character, '_' | '-' | '.') {
                character
            } else {
                '?'
            }
        })
        .collect();
    if raw.chars().nth(32).is_some() {
        out.push('…');
    }
    out
}
