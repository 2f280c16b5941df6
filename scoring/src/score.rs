//! Packages (one choice per issue) and their scores: values, concessions, gains, red lines,
//! acceptance, ratification and the concession balance. Pure arithmetic on the scenario tables.

use crate::model::{Role, Scenario};

/// What a package says on one issue: one of the issue's options, or (numeric issues only) an
/// amount on its scale that is not itself a reference point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Choice {
    /// Index into the issue's options.
    Option(usize),
    /// An amount within the issue's scale, in the scale's unit, never equal to a reference point.
    Amount(i64),
}

/// One choice per issue, in issue order. Built through `Scenario` methods so that every choice
/// is valid for its issue and amounts that hit a reference point are stored as that option
/// (one state, one representation: the share link depends on it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Package {
    choices: Vec<Choice>,
}

impl Package {
    pub fn choices(&self) -> &[Choice] {
        &self.choices
    }

    pub fn choice(&self, issue: usize) -> Choice {
        self.choices[issue]
    }
}

/// Why a choice could not be set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceError {
    NoSuchIssue,
    NoSuchOption,
    NotNumeric,
    OutOfRange { min: i64, max: i64 },
}

/// Scores of one party for one package. Values are on a 0–100 scale ("points").
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PartyScore {
    /// `V_i = Σ_j w_ij · v_ij(x_j)`, where `w_ij` are the party's weights as fractions summing
    /// to 1 and `v_ij` the 0–100 option values. 100 is the party's ideal package. Points.
    pub value: f64,
    /// `C_i = 100 − V_i`: how far the package is from the party's ideal. Points.
    pub concession: f64,
    /// `c_ij = w_ij · (100 − v_ij(x_j))`, in issue order; sums to `concession`. Points.
    pub concession_by_issue: Vec<f64>,
    /// `g_i = V_i − d_i`, the value over the party's reservation value `d_i` (no deal). Points.
    pub gain: f64,
    /// Indices into the party's `red_lines` that the package crosses.
    pub red_lines_crossed: Vec<usize>,
    /// No red line crossed and `gain ≥ 0`.
    pub accepts: bool,
}

/// How the concessions of the two belligerents compare.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Balance {
    /// Index of the first belligerent (Ukraine) and the second (Russia).
    pub first: usize,
    pub second: usize,
    /// `B = C_first − C_second` in points. Positive: the first belligerent concedes more, so the
    /// package tilts toward the second; negative: the reverse.
    pub points: f64,
}

/// How concessions are spread across all parties.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Spread {
    /// `max_i C_i − min_i C_i`, points.
    pub points: f64,
    /// Party conceding most and least (first in party order on ties).
    pub most: usize,
    pub least: usize,
}

/// Everything the core says about one package.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scores {
    /// In party order.
    pub parties: Vec<PartyScore>,
    /// Every belligerent accepts and at least one guarantor accepts.
    pub ratified: bool,
    pub balance: Balance,
    pub spread: Spread,
}

/// Below this many points (in absolute value) the balance is described as even. It matches the
/// one-decimal display: anything that would print as "0.4" or less reads as even.
pub const EVEN_BALANCE_POINTS: f64 = 0.5;

impl Scenario {
    /// The package where every issue takes its `when_silent` assumption.
    pub fn silent_package(&self) -> Package {
        Package {
            choices: self
                .assumptions
                .when_silent
                .iter()
                .map(|silent| Choice::Option(silent.option))
                .collect(),
        }
    }

    /// A document's package: what its text settles (with a revision's base and a
    /// combination's parts), and the `when_silent` assumption elsewhere. See [`Scenario::resolve`]
    /// for where each provision comes from.
    pub fn document_package(&self, document: usize) -> Package {
        self.resolve(document).package
    }

    /// Whether `package` fits this scenario: one choice per issue, each an option of its issue
    /// or an amount on its scale that is not a reference point (a package from outside, such
    /// as a message, is checked before it is scored).
    pub fn is_valid_package(&self, package: &Package) -> bool {
        package.choices.len() == self.issues.len()
            && package
                .choices
                .iter()
                .zip(&self.issues)
                .all(|(choice, issue)| match *choice {
                    Choice::Option(option) => option < issue.options.len(),
                    Choice::Amount(amount) => issue.scale.as_ref().is_some_and(|scale| {
                        (scale.min..=scale.max).contains(&amount)
                            && !scale.points.iter().any(|(at, _)| *at == amount)
                    }),
                })
    }

    /// Returns `package` with `issue` set to option `option`.
    pub fn with_option(
        &self,
        package: &Package,
        issue: usize,
        option: usize,
    ) -> Result<Package, ChoiceError> {
        let spec = self.issues.get(issue).ok_or(ChoiceError::NoSuchIssue)?;
        if option >= spec.options.len() {
            return Err(ChoiceError::NoSuchOption);
        }
        let mut next = package.clone();
        next.choices[issue] = Choice::Option(option);
        Ok(next)
    }

    /// Returns `package` with a numeric `issue` set to `amount` (in the scale's unit). An amount
    /// equal to a reference point becomes that option.
    pub fn with_amount(
        &self,
        package: &Package,
        issue: usize,
        amount: i64,
    ) -> Result<Package, ChoiceError> {
        let spec = self.issues.get(issue).ok_or(ChoiceError::NoSuchIssue)?;
        let scale = spec.scale.as_ref().ok_or(ChoiceError::NotNumeric)?;
        if amount < scale.min || amount > scale.max {
            return Err(ChoiceError::OutOfRange {
                min: scale.min,
                max: scale.max,
            });
        }
        let mut next = package.clone();
        next.choices[issue] = match scale.points.iter().find(|(at, _)| *at == amount) {
            Some(&(_, option)) => Choice::Option(option),
            None => Choice::Amount(amount),
        };
        Ok(next)
    }

    /// The amount a choice stands for on its issue's scale, if it is on the scale.
    pub fn amount_of(&self, issue: usize, choice: Choice) -> Option<i64> {
        match choice {
            Choice::Amount(amount) => Some(amount),
            Choice::Option(option) => self.issues[issue].options[option].at,
        }
    }

    /// Party `party`'s 0–100 value of `choice` on `issue`. Amounts between two reference points
    /// are valued by linear interpolation between the points' values.
    pub fn choice_value(&self, party: usize, issue: usize, choice: Choice) -> f64 {
        let values = &self.table[issue];
        match choice {
            Choice::Option(option) => values[option][party],
            Choice::Amount(amount) => {
                let points = &self.issues[issue]
                    .scale
                    .as_ref()
                    .expect("amounts exist only on numeric issues")
                    .points;
                // Points are sorted and the amount lies within [first, last] by construction.
                let upper = points
                    .iter()
                    .position(|(at, _)| *at >= amount)
                    .unwrap_or(points.len() - 1)
                    .max(1);
                let (low_at, low_option) = points[upper - 1];
                let (high_at, high_option) = points[upper];
                let fraction = (amount - low_at) as f64 / (high_at - low_at) as f64;
                let low = values[low_option][party];
                let high = values[high_option][party];
                low + fraction * (high - low)
            }
        }
    }

    /// Party `party`'s weighted value of `choice` on `issue` in exact integer units of
    /// 1/10,000 point (`weight points × value × 100`, rounded once for interpolated amounts).
    /// Every score and every search adds these, so acceptance is decided the same way
    /// everywhere and a party exactly at its walk-away value accepts.
    pub fn contribution_units(&self, party: usize, issue: usize, choice: Choice) -> i64 {
        self.units_at(
            party,
            issue,
            choice,
            self.assumptions.parties[party].weights[issue],
        )
    }

    /// Party `party`'s reservation value in units (see [`Scenario::contribution_units`]).
    pub fn reservation_units(&self, party: usize) -> i64 {
        (self.assumptions.parties[party].reservation * UNIT as f64).round() as i64
    }

    /// Whether `choice` on `issue` crosses party `party`'s red line `line`.
    pub fn crosses(&self, party: usize, line: usize, issue: usize, choice: Choice) -> bool {
        let red_line = &self.parties[party].red_lines[line];
        if red_line.issue != issue
            || self.assumptions.parties[party]
                .red_lines_off
                .contains(&line)
        {
            return false;
        }
        if let Choice::Option(option) = choice
            && red_line.options.contains(&option)
        {
            return true;
        }
        match self.amount_of(issue, choice) {
            Some(amount) => {
                red_line.at_most.is_some_and(|limit| amount <= limit)
                    || red_line.at_least.is_some_and(|limit| amount >= limit)
            }
            None => false,
        }
    }

    /// Scores a package for every party. See the field docs of [`Scores`] for the formulas.
    pub fn score(&self, package: &Package) -> Scores {
        let issue_count = self.issues.len();
        let parties: Vec<PartyScore> = (0..self.parties.len())
            .map(|party| {
                let weights = &self.assumptions.parties[party].weights;
                let mut concession_by_issue = Vec::with_capacity(issue_count);
                let mut value_units = 0i64;
                for (issue, &choice) in package.choices.iter().enumerate() {
                    let units = self.contribution_units(party, issue, choice);
                    value_units += units;
                    // The most this issue can give the party is its weight × 100, in units.
                    let most = i64::from(weights[issue]) * 100 * 100;
                    concession_by_issue.push(points(most - units));
                }
                let gain_units = value_units - self.reservation_units(party);
                let red_lines_crossed: Vec<usize> = self.parties[party]
                    .red_lines
                    .iter()
                    .enumerate()
                    .filter(|(line, red_line)| {
                        self.crosses(
                            party,
                            *line,
                            red_line.issue,
                            package.choices[red_line.issue],
                        )
                    })
                    .map(|(line, _)| line)
                    .collect();
                PartyScore {
                    value: points(value_units),
                    concession: points(100 * UNIT - value_units),
                    concession_by_issue,
                    gain: points(gain_units),
                    accepts: red_lines_crossed.is_empty() && gain_units >= 0,
                    red_lines_crossed,
                }
            })
            .collect();

        let (first, second) = self.belligerents();
        let ratified = self
            .parties
            .iter()
            .zip(&parties)
            .all(|(party, score)| party.role != Role::Belligerent || score.accepts)
            && self
                .parties
                .iter()
                .zip(&parties)
                .any(|(party, score)| party.role == Role::Guarantor && score.accepts);

        let mut most = 0;
        let mut least = 0;
        for (index, score) in parties.iter().enumerate() {
            if score.concession > parties[most].concession {
                most = index;
            }
            if score.concession < parties[least].concession {
                least = index;
            }
        }
        let spread = Spread {
            points: parties[most].concession - parties[least].concession,
            most,
            least,
        };
        // Concessions are exact multiples of a unit, so their difference is too.
        let balance = Balance {
            first,
            second,
            points: points(
                ((parties[first].concession - parties[second].concession) * UNIT as f64).round()
                    as i64,
            ),
        };
        Scores {
            parties,
            ratified,
            balance,
            spread,
        }
    }

    /// The balance in words, e.g. "Tilts toward Russia by 12.3 points: Ukraine concedes 12.3
    /// points more." Neutral wording, the same pattern whichever way it tilts.
    pub fn balance_words(&self, balance: &Balance) -> String {
        let first = &self.parties[balance.first].name;
        let second = &self.parties[balance.second].name;
        let size = balance.points.abs();
        if size < EVEN_BALANCE_POINTS {
            // format_points, not `{}` on the f64: float formatting costs the wasm 11 KiB.
            return format!(
                "Even: {first} and {second} concede the same to within {} points.",
                format_points(EVEN_BALANCE_POINTS)
            );
        }
        let (favoured, conceding) = if balance.points > 0.0 {
            (second, first)
        } else {
            (first, second)
        };
        let size = format_points(size);
        format!(
            "Tilts toward {favoured} by {size} points: {conceding} concedes {size} points more."
        )
    }

    /// The spread in words, e.g. "Spread 31.0 points: Ukraine concedes most, the United States least."
    pub fn spread_words(&self, spread: &Spread) -> String {
        format!(
            "Spread {} points: {} concedes most, {} least.",
            format_points(spread.points),
            self.parties[spread.most].name,
            self.parties[spread.least].name
        )
    }
}

/// Formats points with one decimal, as everywhere in the tool ("12.3"), halves rounded away
/// from zero. Negative zero prints "0.0".
pub fn format_points(points: f64) -> String {
    // Values are sums of integer products divided by 100, so 50.85 is stored as
    // 50.849999…; a nudge far below display precision makes such ties round as written.
    let scaled = points * 10.0;
    // Integer tenths: no float formatting code in the browser build.
    let tenths = (scaled + scaled.signum() * 1e-7).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{}",
        tenths.unsigned_abs() / 10,
        tenths.unsigned_abs() % 10
    )
}

/// Formats a fraction 0–1 as a whole percentage ("37 %").
pub fn format_percent(fraction: f64) -> String {
    format!("{} %", (fraction * 100.0).round() as i64)
}

/// Formats a number with two decimals and an explicit sign ("+0.42", "−0.07"), for correlations.
pub fn format_signed_hundredths(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    let sign = if hundredths < 0 { "\u{2212}" } else { "+" };
    format!(
        "{sign}{}.{:02}",
        hundredths.unsigned_abs() / 100,
        hundredths.unsigned_abs() % 100
    )
}

/// Formats a signed quantity with an explicit sign ("+4.5", "−2.0" with a true minus sign, "0.0").
pub fn format_signed_points(points: f64) -> String {
    let text = format_points(points);
    if text == "0.0" {
        text
    } else if let Some(magnitude) = text.strip_prefix('-') {
        format!("\u{2212}{magnitude}")
    } else {
        format!("+{text}")
    }
}

/// "21 Nov 2025" from "2025-11-21" ("Nov 2025", "2025" for shorter dates).
pub fn format_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let single = |part: &str| -> String {
        let pieces: Vec<&str> = part.split('-').collect();
        let month = |text: &str| {
            text.parse::<usize>()
                .ok()
                .and_then(|month| MONTHS.get(month.wrapping_sub(1)))
                .copied()
        };
        match pieces.as_slice() {
            [year, m, day] => match (month(m), day.parse::<u32>()) {
                (Some(m), Ok(day)) => format!("{day} {m} {year}"),
                _ => part.to_string(),
            },
            [year, m] => month(m).map_or_else(|| part.to_string(), |m| format!("{m} {year}")),
            _ => part.to_string(),
        }
    };
    match date.split_once('/') {
        Some((from, to)) => format!("{} – {}", single(from), single(to)),
        None => single(date),
    }
}

/// Formats an amount with thousands separators ("600,000").
pub fn format_amount(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if amount < 0 {
        out.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Units per point.
pub const UNIT: i64 = 10_000;

/// Converts units to points.
pub fn points(units: i64) -> f64 {
    units as f64 / UNIT as f64
}

/// Sorts a short slice (tens of items) by `compare`, stably, by insertion. The standard sorts
/// cost some kilobytes of code in the browser build for every comparator; this one, a few
/// hundred bytes.
pub fn sort_small_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    for end in 1..items.len() {
        let mut index = end;
        while index > 0 && compare(&items[index - 1], &items[index]) == std::cmp::Ordering::Greater
        {
            items.swap(index - 1, index);
            index -= 1;
        }
    }
}
