//! A reader's own assumptions: edits to a model's weights, walk-away values, red lines and
//! option values; the rule that keeps a party's weights at 100; the edited scenario they give;
//! their parts in a share link; their JSON file; and the flip points (how far one weight must
//! move before a verdict changes).

use crate::model::{Assumptions, Scenario};
pub use crate::model::{Edits, PartyEdits};
use crate::score::{Choice, Package};
use crate::share::{Problem, quote};

impl PartyEdits {
    fn is_empty(&self) -> bool {
        self.weights.is_none()
            && self.reservation.is_none()
            && self.red_lines_off.is_empty()
            && self.values.is_empty()
    }
}

/// The greatest number of assumption parts a link may carry; the rest are ignored (reported).
/// Bounded apart from the issue settings so that no old link reads differently.
pub const MAX_EDIT_PARTS: usize = 64;

/// The most option values one set of edits may change, so that a link with every other edit
/// still fits the 4,096 characters a link is read to.
pub const MAX_VALUE_EDITS: usize = 24;

/// Sets one weight to `target` points and scales the others to fill the rest of the 100,
/// keeping their proportions: each gets `(100 − target) × w_j / Σ_{k≠i} w_k` rounded down, and the
/// points left by rounding go one each to the largest remainders (the lower issue first on a
/// tie). When every other weight is 0 the rest is shared equally. The result always sums to 100.
pub fn rebalance(weights: &[u32], issue: usize, target: u32) -> Vec<u32> {
    let target = target.min(100);
    let mut next = vec![0u32; weights.len()];
    if issue >= weights.len() {
        return weights.to_vec();
    }
    next[issue] = target;
    let others: Vec<usize> = (0..weights.len()).filter(|&j| j != issue).collect();
    if others.is_empty() {
        next[issue] = 100;
        return next;
    }
    let rest = u64::from(100 - target);
    // With every other weight at 0 they share the rest equally: each counts as 1.
    let all_zero = others.iter().all(|&j| weights[j] == 0);
    let weight_of = |j: usize| if all_zero { 1 } else { u64::from(weights[j]) };
    let total: u64 = others.iter().map(|&j| weight_of(j)).sum();
    // (remainder numerator, index) for the largest-remainder step.
    let mut remainders: Vec<(u64, usize)> = Vec::with_capacity(others.len());
    let mut given = 0u64;
    for &j in &others {
        let product = rest * weight_of(j);
        next[j] = (product / total) as u32;
        given += product / total;
        remainders.push((product % total, j));
    }
    // Largest remainder first, lower index first on ties.
    crate::score::sort_small_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, j) in remainders.iter().take((rest - given) as usize) {
        next[j] += 1;
    }
    next
}

impl Edits {
    /// No edit.
    pub fn none() -> Edits {
        Edits::default()
    }

    pub fn is_empty(&self) -> bool {
        self.parties.iter().all(PartyEdits::is_empty)
    }

    /// No edit is stored as no party at all, so that equal edits compare equal.
    fn tidy(&mut self) {
        if self.is_empty() {
            self.parties.clear();
        }
    }

    /// Party `party`'s edits, if it has any.
    pub fn party(&self, party: usize) -> Option<&PartyEdits> {
        self.parties.get(party).filter(|edits| !edits.is_empty())
    }

    fn party_mut(&mut self, scenario: &Scenario, party: usize) -> &mut PartyEdits {
        if self.parties.len() < scenario.parties.len() {
            self.parties
                .resize(scenario.parties.len(), PartyEdits::default());
        }
        &mut self.parties[party]
    }

    /// Party `party`'s weights under these edits.
    pub fn weights<'a>(&'a self, scenario: &'a Scenario, party: usize) -> &'a [u32] {
        self.party(party)
            .and_then(|edits| edits.weights.as_deref())
            .unwrap_or(&scenario.model_assumptions().parties[party].weights)
    }

    /// Sets party `party`'s weight on `issue` to `target` points by the [`rebalance`] rule.
    /// Refused, with the reason, when it would weigh an issue on which the party values no
    /// option at 100 (see [`Edits::set_value`]).
    pub fn set_weight(
        &mut self,
        scenario: &Scenario,
        party: usize,
        issue: usize,
        target: u32,
    ) -> Result<(), String> {
        let next = rebalance(self.weights(scenario, party), issue, target);
        let model = &scenario.model_assumptions().parties[party].weights;
        let mut edited = self.clone();
        edited.party_mut(scenario, party).weights = (next != *model).then_some(next);
        edited.tidy();
        if let Some(issue) = (0..scenario.issues.len()).find(|&issue| {
            edited
                .convention_problem(scenario, party, issue, "")
                .is_some()
        }) {
            return Err(format!(
                "{}: {} values no option at 100, so this provision cannot be weighed (values are measured from the party's best option on each provision it weighs; set one of them to 100 first).",
                scenario.issues[issue].label, scenario.parties[party].name
            ));
        }
        *self = edited;
        Ok(())
    }

    /// Puts party `party`'s weights back to the model's.
    pub fn reset_weights(&mut self, party: usize) {
        if let Some(edits) = self.parties.get_mut(party) {
            edits.weights = None;
        }
        self.tidy();
    }

    /// Sets party `party`'s walk-away value to `points` (0–100).
    pub fn set_reservation(&mut self, scenario: &Scenario, party: usize, points: u32) {
        let points = points.min(100);
        let model = scenario.model_assumptions().parties[party].reservation;
        self.party_mut(scenario, party).reservation =
            (f64::from(points) != model).then_some(points);
        self.tidy();
    }

    /// Switches party `party`'s red line `line` on or off.
    pub fn set_red_line(&mut self, scenario: &Scenario, party: usize, line: usize, on: bool) {
        let off = &mut self.party_mut(scenario, party).red_lines_off;
        off.retain(|&other| other != line);
        if !on {
            off.push(line);
            crate::score::sort_small_by(off, |a, b| a.cmp(b));
        }
        self.tidy();
    }

    /// Whether party `party`'s red line `line` is on under these edits.
    pub fn red_line_on(&self, party: usize, line: usize) -> bool {
        self.party(party)
            .is_none_or(|edits| !edits.red_lines_off.contains(&line))
    }

    /// Party `party`'s value of `option` on `issue` under these edits.
    pub fn value(&self, scenario: &Scenario, party: usize, issue: usize, option: usize) -> u32 {
        self.party(party)
            .and_then(|edits| {
                edits
                    .values
                    .iter()
                    .find(|&&(i, o, _)| i == issue && o == option)
                    .map(|&(_, _, value)| value)
            })
            .unwrap_or(scenario.model_assumptions().values[issue][option].values[party])
    }

    /// Sets party `party`'s value of `option` on `issue`. Refused, with the reason, when the
    /// party's best option on a weighted issue would no longer be worth 100 (the swing-weight
    /// convention that makes a concession the distance from the party's ideal).
    pub fn set_value(
        &mut self,
        scenario: &Scenario,
        party: usize,
        issue: usize,
        option: usize,
        value: u32,
    ) -> Result<(), String> {
        let mut next = self.clone();
        next.put_value(scenario, party, issue, option, value.min(100))?;
        match next.convention_problem(scenario, party, issue, NOT_APPLIED) {
            Some(problem) => Err(problem),
            None => {
                *self = next;
                Ok(())
            }
        }
    }

    fn put_value(
        &mut self,
        scenario: &Scenario,
        party: usize,
        issue: usize,
        option: usize,
        value: u32,
    ) -> Result<(), String> {
        let model = scenario.model_assumptions().values[issue][option].values[party];
        let count: usize = self.parties.iter().map(|edits| edits.values.len()).sum();
        let values = &mut self.party_mut(scenario, party).values;
        let existing = values.iter().any(|&(i, o, _)| (i, o) == (issue, option));
        values.retain(|&(i, o, _)| (i, o) != (issue, option));
        if value != model {
            if !existing && count >= MAX_VALUE_EDITS {
                return Err(format!(
                    "At most {MAX_VALUE_EDITS} option values can be edited at once, so that the link stays readable; reset one first."
                ));
            }
            values.push((issue, option, value));
            crate::score::sort_small_by(values, |a, b| a.cmp(b));
        }
        self.tidy();
        Ok(())
    }

    /// Why party `party`'s values on `issue` break the swing-weight convention, if they do,
    /// followed by `ending`.
    fn convention_problem(
        &self,
        scenario: &Scenario,
        party: usize,
        issue: usize,
        ending: &str,
    ) -> Option<String> {
        if self.weights(scenario, party)[issue] == 0 {
            return None;
        }
        let best = (0..scenario.issues[issue].options.len())
            .map(|option| self.value(scenario, party, issue, option))
            .max()
            .unwrap_or(0);
        (best != 100).then(|| {
            format!(
                "{}: {}'s best option must stay at 100 (values are measured from the party's best option on each issue it weighs){ending}",
                scenario.issues[issue].label, scenario.parties[party].name
            )
        })
    }

    /// Puts every one of party `party`'s assumptions back to the model's.
    pub fn reset_party(&mut self, party: usize) {
        if let Some(edits) = self.parties.get_mut(party) {
            *edits = PartyEdits::default();
        }
        self.tidy();
    }

    /// Puts back one value edit.
    pub fn reset_value(&mut self, party: usize, issue: usize, option: usize) {
        if let Some(edits) = self.parties.get_mut(party) {
            edits.values.retain(|&(i, o, _)| (i, o) != (issue, option));
        }
        self.tidy();
    }

    /// Puts back the walk-away value.
    pub fn reset_reservation(&mut self, party: usize) {
        if let Some(edits) = self.parties.get_mut(party) {
            edits.reservation = None;
        }
        self.tidy();
    }

    /// Every problem that makes these edits unusable with `scenario`, each naming its place;
    /// empty when they can be applied. Edits built by the setters are always usable; this
    /// guards what arrives from outside (a message, a hand-made value).
    pub fn problems(&self, scenario: &Scenario) -> Vec<String> {
        let mut problems = Vec::new();
        if self.parties.len() > scenario.parties.len() {
            problems.push("more parties than the model has".to_string());
        }
        for (party, edits) in self.parties.iter().enumerate().take(scenario.parties.len()) {
            let name = &scenario.parties[party].name;
            if let Some(weights) = &edits.weights
                && !weights_fit(scenario, weights)
            {
                problems.push(format!(
                    "{name}'s weights must be one per provision and sum to 100"
                ));
            }
            if edits.reservation.is_some_and(|points| points > 100) {
                problems.push(format!("{name}'s walk-away value must be 0 to 100"));
            }
            let lines = scenario.parties[party].red_lines.len();
            if edits.red_lines_off.iter().any(|&line| line >= lines)
                || !edits.red_lines_off.windows(2).all(|pair| pair[0] < pair[1])
            {
                problems.push(format!("{name}'s red lines are not the model's"));
            }
            let values_valid = edits
                .values
                .windows(2)
                .all(|pair| (pair[0].0, pair[0].1) < (pair[1].0, pair[1].1))
                && edits.values.iter().all(|&(issue, option, value)| {
                    issue < scenario.issues.len()
                        && option < scenario.issues[issue].options.len()
                        && value <= 100
                });
            if !values_valid {
                problems.push(format!(
                    "{name}'s option values are not the model's options"
                ));
            } else if edits
                .weights
                .as_ref()
                .is_none_or(|w| w.len() == scenario.issues.len())
            {
                for issue in 0..scenario.issues.len() {
                    if let Some(problem) = self.convention_problem(scenario, party, issue, ".") {
                        problems.push(problem);
                    }
                }
            }
        }
        problems
    }
}

impl Scenario {
    /// The edits applied to this scenario's assumptions (none for a model as published).
    pub fn edits(&self) -> &Edits {
        &self.edits
    }

    /// The model's own assumptions, before any edit.
    pub fn model_assumptions(&self) -> &Assumptions {
        self.model_assumptions
            .as_deref()
            .unwrap_or(&self.assumptions)
    }

    /// This scenario with `edits` applied to its assumptions (weights, walk-away values, red
    /// lines, option values): what every score, search and sample then uses, and what links
    /// made with it carry. They replace any edits applied before (edits hold whole values,
    /// never changes to an earlier edit). Edits that [`Edits::problems`] rejects are not applied.
    pub fn edited(&self, edits: &Edits) -> Scenario {
        let mut next = self.clone();
        if let Some(model) = next.model_assumptions.take() {
            next.assumptions = *model;
            next.edits = Edits::none();
            next.derive_tables();
        }
        if edits.is_empty() || !edits.problems(self).is_empty() {
            return next;
        }
        next.model_assumptions = Some(Box::new(next.assumptions.clone()));
        next.edits = edits.clone();
        for (party, party_edits) in edits.parties.iter().enumerate() {
            let assumed = &mut next.assumptions.parties[party];
            if let Some(weights) = &party_edits.weights {
                assumed.weights = weights.clone();
            }
            if let Some(points) = party_edits.reservation {
                assumed.reservation = f64::from(points);
            }
            assumed.red_lines_off = party_edits.red_lines_off.clone();
            for &(issue, option, value) in &party_edits.values {
                next.assumptions.values[issue][option].values[party] = value;
            }
        }
        next.derive_tables();
        next
    }
}

const NOT_APPLIED: &str = "; the edit was not applied.";

/// A set of edits of every kind, the same everywhere the analysis is benchmarked under edited
/// assumptions (divan, `profile_analysis --parts`, the in-browser benchmark): Ukraine's
/// weight on its second-heaviest issue doubled, each belligerent's walk-away value 10 points
/// lower, Russia's first red line off, and the United States' value of one option changed.
pub fn benchmark_edits(scenario: &Scenario) -> Edits {
    let mut edits = Edits::none();
    let weights = &scenario.model_assumptions().parties[0].weights;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    crate::score::sort_small_by(&mut order, |a, b| weights[*b].cmp(&weights[*a]));
    if let Some(&issue) = order.get(1) {
        let _ = edits.set_weight(scenario, 0, issue, (weights[issue] * 2).min(100));
    }
    let (first, second) = scenario.belligerents();
    for party in [first, second] {
        let reservation = scenario.model_assumptions().parties[party].reservation as u32;
        edits.set_reservation(scenario, party, reservation.saturating_sub(10));
    }
    if !scenario.parties[second].red_lines.is_empty() {
        edits.set_red_line(scenario, second, 0, false);
    }
    if let Some(party) = scenario.parties.len().checked_sub(2) {
        for issue in 0..scenario.issues.len() {
            let values = &scenario.model_assumptions().values[issue];
            if let Some(option) =
                (0..values.len()).find(|&o| (1..100).contains(&values[o].values[party]))
            {
                let _ = edits.set_value(
                    scenario,
                    party,
                    issue,
                    option,
                    values[option].values[party] - 1,
                );
                break;
            }
        }
    }
    edits
}

// ---- Link parts ---------------------------------------------------------------------------

/// Appends the link parts of `edits` (after the issue settings): per party in party order,
/// `w.<party>=<w1>.<w2>…` (the whole weight vector in issue order), `d.<party>=<points>`,
/// `r.<party>.<red line>=0` for each line switched off, and `x.<party>.<issue>.<option>=<value>`.
pub(crate) fn write_parts(scenario: &Scenario, edits: &Edits, out: &mut String) {
    for (party, party_edits) in edits.parties.iter().enumerate() {
        let id = &scenario.parties[party].id;
        if let Some(weights) = &party_edits.weights {
            out.push_str("&w.");
            out.push_str(id);
            out.push('=');
            for (index, weight) in weights.iter().enumerate() {
                if index > 0 {
                    out.push('.');
                }
                out.push_str(&weight.to_string());
            }
        }
        if let Some(points) = party_edits.reservation {
            out.push_str(&format!("&d.{id}={points}"));
        }
        for &line in &party_edits.red_lines_off {
            out.push_str(&format!(
                "&r.{id}.{}=0",
                scenario.parties[party].red_lines[line].id
            ));
        }
        for &(issue, option, value) in &party_edits.values {
            out.push_str(&format!(
                "&x.{id}.{}.{}={value}",
                scenario.issues[issue].id, scenario.issues[issue].options[option].id
            ));
        }
    }
}

/// Whether a link key is an assumption part (its first segment is `w`, `d`, `r` or `x`).
pub(crate) fn is_edit_key(key: &str) -> bool {
    matches!(key.split('.').next(), Some("w" | "d" | "r" | "x")) && key.contains('.')
}

/// One whole-point weight per issue of `scenario`, summing to 100.
fn weights_fit(scenario: &Scenario, weights: &[u32]) -> bool {
    weights.len() == scenario.issues.len()
        && weights.iter().map(|&w| u64::from(w)).sum::<u64>() == 100
}

fn whole_0_100(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 3 && text.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| text.parse::<u32>().ok())
        .flatten()
        .filter(|&value| value <= 100)
}

/// Reads one assumption part into `edits`. Whatever cannot be used is left at the model's value
/// and reported; nothing here panics or allocates by a count read from the input.
pub(crate) fn read_part(
    scenario: &Scenario,
    edits: &mut Edits,
    seen: &mut Vec<String>,
    key: &str,
    value: &str,
    problems: &mut Vec<Problem>,
) {
    let mut segments = key.split('.');
    let kind = segments.next().unwrap_or("");
    let party_id = segments.next().unwrap_or("");
    let Some(party) = scenario.party_index(party_id) else {
        problems.push(problem(format!(
            "Assumption “{}” names no party of this model and was ignored.",
            quote(key)
        )));
        return;
    };
    if seen.iter().any(|other| other == key) {
        problems.push(problem(format!(
            "Assumption “{}” appears more than once; the first value was kept.",
            quote(key)
        )));
        return;
    }
    seen.push(key.to_string());
    let name = &scenario.parties[party].name;
    let rest: Vec<&str> = segments.by_ref().take(3).collect();
    match (kind, rest.as_slice()) {
        ("w", []) => {
            let weights: Option<Vec<u32>> = value
                .split('.')
                .take(scenario.issues.len() + 1)
                .map(whole_0_100)
                .collect();
            let usable = weights.filter(|weights| weights_fit(scenario, weights));
            match usable {
                Some(weights) => {
                    let model = &scenario.model_assumptions().parties[party].weights;
                    edits.party_mut(scenario, party).weights =
                        (weights != *model).then_some(weights);
                }
                None => problems.push(problem(format!(
                    "{name}'s weights in the link are not {} whole numbers summing to 100; the model's weights were kept.",
                    scenario.issues.len()
                ))),
            }
        }
        ("d", []) => match whole_0_100(value) {
            Some(points) => edits.set_reservation(scenario, party, points),
            None => problems.push(problem(format!(
                "{name}'s walk-away value “{}” is not a whole number from 0 to 100; the model's value was kept.",
                quote(value)
            ))),
        },
        ("r", [line_id]) => {
            let line = scenario.parties[party]
                .red_lines
                .iter()
                .position(|line| line.id == *line_id);
            match (line, value) {
                (Some(line), "0" | "1") => edits.set_red_line(scenario, party, line, value == "1"),
                (None, _) => problems.push(problem(format!(
                    "{name} has no red line “{}”; it was ignored.",
                    quote(line_id)
                ))),
                (Some(_), _) => problems.push(problem(format!(
                    "{name}'s red line “{}” must be 0 (off) or 1 (on), not “{}”; it stays on.",
                    quote(line_id),
                    quote(value)
                ))),
            }
        }
        ("x", [issue_id, option_id]) => {
            let issue = scenario.issue_index(issue_id);
            let option =
                issue.and_then(|issue| scenario.issues[issue].option_index(option_id));
            match (issue, option, whole_0_100(value)) {
                (Some(issue), Some(option), Some(points)) => {
                    // A value that breaks the convention on its own may be fixed by another
                    // part; the whole set is checked once every part is read.
                    if let Err(message) = edits.put_value(scenario, party, issue, option, points) {
                        problems.push(problem(message));
                    }
                }
                (Some(_), Some(_), None) => problems.push(problem(format!(
                    "{name}'s value “{}” for {issue_id}.{option_id} is not a whole number from 0 to 100; the model's value was kept.",
                    quote(value)
                ))),
                _ => problems.push(problem(format!(
                    "Assumption “{}” names no option of this model and was ignored.",
                    quote(key)
                ))),
            }
        }
        _ => problems.push(problem(format!(
            "Assumption “{}” is not one this version knows and was ignored.",
            quote(key)
        ))),
    }
}

/// After every part is read: a party's option values that break the swing-weight convention
/// are put back to the model's, with a message, so that what is applied is always consistent.
pub(crate) fn settle(scenario: &Scenario, edits: &mut Edits, problems: &mut Vec<Problem>) {
    for party in 0..edits.parties.len().min(scenario.parties.len()) {
        for issue in 0..scenario.issues.len() {
            if let Some(message) = edits.convention_problem(
                scenario,
                party,
                issue,
                "; the link's values for it were not applied.",
            ) {
                edits.parties[party].values.retain(|&(i, _, _)| i != issue);
                // After the reset the convention holds again unless the weights broke it.
                if edits
                    .convention_problem(scenario, party, issue, "")
                    .is_some()
                {
                    edits.parties[party].weights = None;
                }
                problems.push(problem(message));
            }
        }
    }
    if edits.is_empty() {
        edits.parties.clear();
    }
}

fn problem(message: String) -> Problem {
    Problem {
        issue: None,
        message,
    }
}

// ---- The assumptions file ----------------------------------------------------------------

/// The whole set of assumptions that `edits` give, as the JSON file the page downloads and the
/// CLI reads and writes (`--assumptions`, `export --assumptions`): every party's walk-away
/// value, weights, red lines and option values, by id.
pub fn to_json(scenario: &Scenario, edits: &Edits) -> String {
    let mut out = String::new();
    out.push_str("{\n  \"model\": \"");
    out.push_str(&scenario.meta.version);
    out.push_str("\",\n  \"parties\": {\n");
    for (party, spec) in scenario.parties.iter().enumerate() {
        let weights = edits.weights(scenario, party);
        let reservation = edits
            .party(party)
            .and_then(|edits| edits.reservation)
            .map_or(
                scenario.model_assumptions().parties[party].reservation,
                f64::from,
            );
        out.push_str(&format!("    \"{}\": {{\n", spec.id));
        out.push_str(&format!(
            "      \"reservation\": {},\n",
            points_text(reservation)
        ));
        out.push_str("      \"weights\": {");
        for (issue, weight) in weights.iter().enumerate() {
            let comma = if issue > 0 { "," } else { "" };
            out.push_str(&format!(
                "{comma}\n        \"{}\": {weight}",
                scenario.issues[issue].id
            ));
        }
        out.push_str("\n      },\n      \"red_lines\": {");
        for (line, red_line) in spec.red_lines.iter().enumerate() {
            let comma = if line > 0 { "," } else { "" };
            out.push_str(&format!(
                "{comma}\n        \"{}\": {}",
                red_line.id,
                edits.red_line_on(party, line)
            ));
        }
        out.push_str(if spec.red_lines.is_empty() {
            "},\n"
        } else {
            "\n      },\n"
        });
        out.push_str("      \"values\": {");
        for (issue, issue_spec) in scenario.issues.iter().enumerate() {
            let comma = if issue > 0 { "," } else { "" };
            out.push_str(&format!("{comma}\n        \"{}\": {{", issue_spec.id));
            for (option, option_spec) in issue_spec.options.iter().enumerate() {
                let comma = if option > 0 { ", " } else { " " };
                out.push_str(&format!(
                    "{comma}\"{}\": {}",
                    option_spec.id,
                    edits.value(scenario, party, issue, option)
                ));
            }
            out.push_str(" }");
        }
        let comma = if party + 1 < scenario.parties.len() {
            ","
        } else {
            ""
        };
        out.push_str(&format!("\n      }}\n    }}{comma}\n"));
    }
    out.push_str("  }\n}\n");
    out
}

/// Reads an assumptions file (see [`to_json`]; every part is optional, and what is absent keeps
/// the model's value). All or nothing: on any problem it returns every problem found, each
/// naming its place (`parties.ua.weights.army_cap: …`), and no edit.
pub fn from_json(scenario: &Scenario, text: &str) -> Result<Edits, Vec<String>> {
    use serde_json::Value;
    let root: Value =
        serde_json::from_str(text).map_err(|error| vec![format!("not JSON: {error}")])?;
    let mut problems = Vec::new();
    let mut edits = Edits::none();
    let Some(root) = root.as_object() else {
        return Err(vec![
            "the file must be a JSON object with \"parties\"".to_string(),
        ]);
    };
    for key in root.keys() {
        if key != "model" && key != "parties" {
            problems.push(format!("{key}: not a part of an assumptions file"));
        }
    }
    if let Some(model) = root.get("model")
        && model.as_str() != Some(scenario.meta.version.as_str())
    {
        problems.push(format!(
            "model: the file is for model {}, but this package uses model {}; ids and values are model-specific",
            model.as_str().map_or_else(|| model.to_string(), str::to_string),
            scenario.meta.version
        ));
    }
    let parties = match root.get("parties") {
        Some(Value::Object(parties)) => parties,
        Some(_) => {
            problems.push("parties: must be an object keyed by party id".to_string());
            return Err(problems);
        }
        None => {
            problems.push("parties: missing".to_string());
            return Err(problems);
        }
    };
    for (party_id, party_value) in parties {
        let place = format!("parties.{party_id}");
        let Some(party) = scenario.party_index(party_id) else {
            problems.push(format!(
                "{place}: no such party in model {}",
                scenario.meta.version
            ));
            continue;
        };
        let Some(fields) = party_value.as_object() else {
            problems.push(format!("{place}: must be an object"));
            continue;
        };
        for (field, value) in fields {
            let place = format!("{place}.{field}");
            match field.as_str() {
                "reservation" => match value.as_u64().filter(|&v| v <= 100) {
                    Some(points) => edits.set_reservation(scenario, party, points as u32),
                    None => problems.push(format!("{place}: must be a whole number from 0 to 100")),
                },
                "weights" => {
                    let Some(weights) = value.as_object() else {
                        problems.push(format!("{place}: must be an object keyed by provision id"));
                        continue;
                    };
                    let mut next = scenario.model_assumptions().parties[party].weights.clone();
                    let mut valid = true;
                    for (issue_id, weight) in weights {
                        let Some(issue) = scenario.issue_index(issue_id) else {
                            problems.push(format!("{place}.{issue_id}: no such provision"));
                            valid = false;
                            continue;
                        };
                        match weight.as_u64().filter(|&v| v <= 100) {
                            Some(weight) => next[issue] = weight as u32,
                            None => {
                                problems.push(format!(
                                    "{place}.{issue_id}: must be a whole number from 0 to 100"
                                ));
                                valid = false;
                            }
                        }
                    }
                    let sum: u32 = next.iter().sum();
                    if valid && sum != 100 {
                        problems.push(format!(
                            "{place}: the weights sum to {sum}; they must sum to 100 (provisions not listed keep the model's weights)"
                        ));
                    } else if valid {
                        let model = &scenario.model_assumptions().parties[party].weights;
                        edits.party_mut(scenario, party).weights = (next != *model).then_some(next);
                    }
                }
                "red_lines" => {
                    let Some(lines) = value.as_object() else {
                        problems.push(format!("{place}: must be an object keyed by red-line id"));
                        continue;
                    };
                    for (line_id, on) in lines {
                        let line = scenario.parties[party]
                            .red_lines
                            .iter()
                            .position(|line| line.id == *line_id);
                        match (line, on.as_bool()) {
                            (Some(line), Some(on)) => edits.set_red_line(scenario, party, line, on),
                            (None, _) => problems.push(format!("{place}.{line_id}: no such red line")),
                            (Some(_), None) => problems.push(format!("{place}.{line_id}: must be true or false")),
                        }
                    }
                }
                "values" => {
                    let Some(issues) = value.as_object() else {
                        problems.push(format!("{place}: must be an object keyed by provision id"));
                        continue;
                    };
                    for (issue_id, options) in issues {
                        let place = format!("{place}.{issue_id}");
                        let Some(issue) = scenario.issue_index(issue_id) else {
                            problems.push(format!("{place}: no such provision"));
                            continue;
                        };
                        let Some(options) = options.as_object() else {
                            problems.push(format!("{place}: must be an object keyed by option id"));
                            continue;
                        };
                        for (option_id, value) in options {
                            let Some(option) = scenario.issues[issue].option_index(option_id) else {
                                problems.push(format!("{place}.{option_id}: no such option"));
                                continue;
                            };
                            match value.as_u64().filter(|&v| v <= 100) {
                                Some(points) => {
                                    if let Err(message) = edits.put_value(scenario, party, issue, option, points as u32) {
                                        problems.push(format!("{place}.{option_id}: {message}"));
                                    }
                                }
                                None => problems.push(format!(
                                    "{place}.{option_id}: must be a whole number from 0 to 100"
                                )),
                            }
                        }
                    }
                }
                _ => problems.push(format!(
                    "{place}: not a part of a party's assumptions (reservation, weights, red_lines, values)"
                )),
            }
        }
    }
    if problems.is_empty() {
        for party in 0..scenario.parties.len() {
            for issue in 0..scenario.issues.len() {
                if let Some(message) = edits.convention_problem(scenario, party, issue, "") {
                    problems.push(format!(
                        "parties.{}.values.{}: {message}",
                        scenario.parties[party].id, scenario.issues[issue].id,
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        if edits.is_empty() {
            edits.parties.clear();
        }
        Ok(edits)
    } else {
        Err(problems)
    }
}

// ---- Flip points ---------------------------------------------------------------------------

/// A verdict about one party and the smallest single-weight edit that changes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Flip {
    /// Setting the party's weight on `issue` from `from` to `to` points (the others rebalanced
    /// by [`rebalance`]) changes the verdict; no smaller change of one weight does.
    At { issue: usize, from: u32, to: u32 },
    /// No change of a single weight changes it.
    Never,
    /// The verdict does not depend on this party's weights (the balance compares the two
    /// belligerents; a crossed red line decides acceptance whatever the weights).
    Independent,
}

/// What would flip each verdict about one party.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartyFlips {
    /// The sign of the balance (toward one belligerent or the other).
    pub balance: Flip,
    /// Whether the party accepts.
    pub acceptance: Flip,
}

fn sign(units: i64) -> i8 {
    units.signum() as i8
}

impl Scenario {
    /// For each party, the smallest change of one of its weights (in whole points, the others
    /// rebalanced as the editor does) that changes the sign of the balance, and the smallest
    /// that changes its acceptance, for `package` under this scenario's assumptions. Exact over
    /// every weight the editor can set: each candidate is scored in the same integer units as
    /// [`Scenario::score`], nearest first. Ties go to the lower issue, then the lower weight.
    pub fn flip_points(&self, package: &Package) -> Vec<PartyFlips> {
        let (first, second) = self.belligerents();
        // Each choice's 0–100 value per party, read once: a candidate weight vector is then
        // valued as `units_at` would, without interpolating again.
        let choice_values: Vec<Vec<f64>> = (0..self.parties.len())
            .map(|party| {
                (0..self.issues.len())
                    .map(|issue| self.choice_value(party, issue, package.choice(issue)))
                    .collect()
            })
            .collect();
        let units = |party: usize, weights: &[u32]| -> i64 {
            weights
                .iter()
                .zip(&choice_values[party])
                .map(|(&weight, &value)| units_of(weight, value))
                .sum()
        };
        let values: Vec<i64> = (0..self.parties.len())
            .map(|party| units(party, &self.assumptions.parties[party].weights))
            .collect();
        let balance_sign = sign(values[second] - values[first]);
        (0..self.parties.len())
            .map(|party| {
                let weights = &self.assumptions.parties[party].weights;
                let crossed =
                    self.parties[party]
                        .red_lines
                        .iter()
                        .enumerate()
                        .any(|(line, red_line)| {
                            self.crosses(
                                party,
                                line,
                                red_line.issue,
                                package.choice(red_line.issue),
                            )
                        });
                let reservation = self.reservation_units(party);
                let accepts = values[party] >= reservation;
                let in_balance = party == first || party == second;
                let balance_of = |value: i64| {
                    if party == first {
                        sign(values[second] - value)
                    } else {
                        sign(value - values[first])
                    }
                };
                let mut balance = None::<(u32, usize, u32)>;
                let mut acceptance = None::<(u32, usize, u32)>;
                for issue in 0..self.issues.len() {
                    let from = weights[issue];
                    // Nearest first: distance 1, below then above, and so on.
                    for distance in 1..=100u32 {
                        let limit = |found: &Option<(u32, usize, u32)>| {
                            found.is_some_and(|(best, _, _)| best < distance)
                        };
                        if (limit(&balance) || !in_balance) && (limit(&acceptance) || crossed) {
                            break;
                        }
                        for to in [from.checked_sub(distance), from.checked_add(distance)] {
                            let Some(to) = to.filter(|&to| to <= 100) else {
                                continue;
                            };
                            let next = rebalance(weights, issue, to);
                            if !self.can_weigh(party, &next) {
                                continue;
                            }
                            let value = units(party, &next);
                            let better = |found: &Option<(u32, usize, u32)>| {
                                found.is_none_or(|(best, _, _)| distance < best)
                            };
                            if in_balance && balance_of(value) != balance_sign && better(&balance) {
                                balance = Some((distance, issue, to));
                            }
                            if !crossed && (value >= reservation) != accepts && better(&acceptance)
                            {
                                acceptance = Some((distance, issue, to));
                            }
                        }
                    }
                }
                let flip = |found: Option<(u32, usize, u32)>, independent: bool| match found {
                    _ if independent => Flip::Independent,
                    Some((_, issue, to)) => Flip::At {
                        issue,
                        from: weights[issue],
                        to,
                    },
                    None => Flip::Never,
                };
                PartyFlips {
                    balance: flip(balance, !in_balance),
                    acceptance: flip(acceptance, crossed),
                }
            })
            .collect()
    }

    /// Whether party `party` may take `weights`: every weighted issue has an option it values at
    /// 100 (what [`Edits::set_weight`] checks).
    fn can_weigh(&self, party: usize, weights: &[u32]) -> bool {
        weights.iter().enumerate().all(|(issue, &weight)| {
            weight == 0
                || self.table[issue]
                    .iter()
                    .any(|values| values[party] == 100.0)
        })
    }

    /// [`Scenario::contribution_units`] with `weight` points in place of the party's weight.
    pub fn units_at(&self, party: usize, issue: usize, choice: Choice, weight: u32) -> i64 {
        units_of(weight, self.choice_value(party, issue, choice))
    }
}

// ---- In words --------------------------------------------------------------------------------

impl Edits {
    /// One line per edited number, e.g. "Ukraine: walk-away value 35 (model: 40)". `scenario`
    /// is the model as published.
    pub fn describe(&self, scenario: &Scenario) -> Vec<String> {
        self.describe_by_party(scenario)
            .into_iter()
            .map(|(_, line)| line)
            .collect()
    }

    /// [`Edits::describe`] with each line's party (its index), so that a view can leave out
    /// the parties it hides (a delegation's link, `www/delegation.js`).
    pub fn describe_by_party(&self, scenario: &Scenario) -> Vec<(usize, String)> {
        let mut lines = Vec::new();
        for (party, edits) in self.parties.iter().enumerate() {
            let name = &scenario.parties[party].name;
            let model = &scenario.model_assumptions().parties[party];
            if let Some(weights) = &edits.weights {
                for (issue, (&weight, &was)) in weights.iter().zip(&model.weights).enumerate() {
                    if weight != was {
                        lines.push((
                            party,
                            format!(
                                "{name}: weight on {} {weight} % (model: {was} %)",
                                scenario.issues[issue].label
                            ),
                        ));
                    }
                }
            }
            if let Some(points) = edits.reservation {
                lines.push((
                    party,
                    format!(
                        "{name}: walk-away value {points} (model: {})",
                        points_text(model.reservation)
                    ),
                ));
            }
            for &line in &edits.red_lines_off {
                lines.push((
                    party,
                    format!(
                        "{name}: red line on {} off (model: on)",
                        scenario.issues[scenario.parties[party].red_lines[line].issue].label
                    ),
                ));
            }
            for &(issue, option, value) in &edits.values {
                lines.push((
                    party,
                    format!(
                        "{name}: value of “{}” ({}) {value} (model: {})",
                        scenario.issues[issue].options[option].label,
                        scenario.issues[issue].label,
                        scenario.model_assumptions().values[issue][option].values[party]
                    ),
                ));
            }
        }
        lines
    }
}

/// Which verdict a flip is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The sign of the balance.
    Balance,
    /// One party's acceptance.
    Acceptance,
}

impl Flip {
    /// The flip in words: "The balance's direction changes if the weight Ukraine gives Army
    /// cap goes from 9 % to 14 % (…)".
    pub fn words(&self, scenario: &Scenario, party: usize, verdict: Verdict) -> String {
        let name = &scenario.parties[party].name;
        let what = match verdict {
            Verdict::Balance => "The balance's direction",
            Verdict::Acceptance => "Acceptance",
        };
        match *self {
            Flip::At { issue, from, to } => format!(
                "{what} changes if the weight {name} gives {} goes from {from} % to {to} % (the other weights rescaled to fill 100 %)",
                scenario.issues[issue].label
            ),
            Flip::Never => format!(
                "{what} holds whatever weight {name} gives any one provision, from 0 to 100 %"
            ),
            Flip::Independent => match verdict {
                Verdict::Balance => {
                    let (first, second) = scenario.belligerents();
                    format!(
                        "{what} does not depend on the weights {name} gives: the balance compares {} and {}",
                        scenario.parties[first].name, scenario.parties[second].name
                    )
                }
                Verdict::Acceptance => format!(
                    "{name}'s acceptance does not depend on its weights: the package crosses a red line of {name}"
                ),
            },
        }
    }
}

/// `weight` points of a 0–100 `value`, in units (rounded once, as every score is).
fn units_of(weight: u32, value: f64) -> i64 {
    (f64::from(weight) * value * 100.0).round() as i64
}

/// Points as people write them: "40" for a whole number, "40.5" otherwise.
pub fn points_text(points: f64) -> String {
    let text = crate::score::format_points(points);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}
