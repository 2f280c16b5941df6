//! Where each provision of a package comes from: how a document becomes a package (its own
//! positions, its base's for a revision, the partial texts applied on it for a combination,
//! the `when_silent` assumption for the rest), and the scores over the provisions that the
//! texts themselves settle. Silence is never scored as a position without being marked.

use serde::Serialize;

use crate::model::{DocumentKind, Scenario, Stance};
use crate::score::{Choice, Package};

/// Where one provision's choice comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "origin", rename_all = "snake_case")]
pub enum Origin {
    /// The text of `document` settles it: the document itself, a revision's base, or a partial
    /// text applied on the package.
    Stated { document: usize },
    /// No text settles it; the `when_silent` assumption stands in.
    Silent,
    /// Revision `document` dropped its base's provision; the `when_silent` assumption stands in.
    Removed { document: usize },
    /// Revision `document` left the provision open (in brackets); its base's option is shown, as
    /// an assumption, because it is not agreed text.
    Open { document: usize },
    /// Chosen by the user (on the page, or a link that matches no document).
    Chosen,
}

impl Origin {
    /// Whether the choice is a model assumption rather than a text or the user's choice.
    pub fn is_assumed(self) -> bool {
        matches!(
            self,
            Origin::Silent | Origin::Removed { .. } | Origin::Open { .. }
        )
    }

    pub fn is_stated(self) -> bool {
        matches!(self, Origin::Stated { .. })
    }
}

/// A package with the origin of each provision, in issue order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Provenance {
    pub package: Package,
    pub origins: Vec<Origin>,
}

/// Scores over the provisions the texts settle, with each party's weights renormalised over
/// them: `V_i^S = Σ_{j∈S} w_ij v_ij / Σ_{j∈S} w_ij`. Concessions and the balance follow as for
/// the whole package. `None` where a party puts no weight on any settled provision.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Issues settled by a text (`Origin::Stated`), in issue order.
    pub stated: Vec<usize>,
    /// Issues whose choice is assumed, in issue order.
    pub assumed: Vec<usize>,
    /// Issues chosen by the user.
    pub chosen: Vec<usize>,
    /// Per party, the renormalised value over `stated`, points.
    pub values: Vec<Option<f64>>,
    /// Per party, the share of its weight that lies on `stated` (0–1).
    pub weight_shares: Vec<f64>,
    /// `C_first^S − C_second^S` for the belligerent pair, points.
    pub balance: Option<f64>,
}

impl Scenario {
    /// The package of document `document`, with the origin of each provision.
    pub fn resolve(&self, document: usize) -> Provenance {
        let spec = &self.documents[document];
        let mut resolved = match (spec.kind, spec.based_on) {
            // Bases come earlier in the file (validated), so this recursion ends.
            (DocumentKind::Revision | DocumentKind::Combination, Some(base)) => self.resolve(base),
            _ => Provenance {
                package: self.silent_package(),
                origins: vec![Origin::Silent; self.issues.len()],
            },
        };
        for (issue, position) in spec.positions.iter().enumerate() {
            let Some(position) = position else { continue };
            match position.stance {
                Stance::Takes(option) => {
                    resolved.package = self.with_choice(&resolved.package, issue, option);
                    resolved.origins[issue] = Origin::Stated { document };
                }
                Stance::Removed => {
                    let silent = self.assumptions.when_silent[issue].option;
                    resolved.package = self.with_choice(&resolved.package, issue, silent);
                    resolved.origins[issue] = Origin::Removed { document };
                }
                // The base's option stays; only its standing changes.
                Stance::Open => resolved.origins[issue] = Origin::Open { document },
            }
        }
        for &part in &spec.applies {
            resolved = self.apply_document(&resolved, part);
        }
        resolved
    }

    /// `base` with the positions that document `document`'s own text takes applied on top;
    /// every other provision keeps its choice and origin.
    pub fn apply_document(&self, base: &Provenance, document: usize) -> Provenance {
        let mut next = base.clone();
        for (issue, position) in self.documents[document].positions.iter().enumerate() {
            if let Some(option) = position.as_ref().and_then(|position| position.option()) {
                next.package = self.with_choice(&next.package, issue, option);
                next.origins[issue] = Origin::Stated { document };
            }
        }
        next
    }

    /// The provenance of a package that no document produced: every provision chosen.
    pub fn chosen(&self, package: &Package) -> Provenance {
        Provenance {
            package: package.clone(),
            origins: vec![Origin::Chosen; self.issues.len()],
        }
    }

    /// The provenance of `package` changed from document `document` (a link's `from=`): where
    /// it keeps the document's choice, the document's origin; elsewhere, chosen.
    pub fn changed_from(&self, document: usize, package: &Package) -> Provenance {
        let base = self.resolve(document);
        let origins = (0..self.issues.len())
            .map(|issue| {
                if base.package.choice(issue) == package.choice(issue) {
                    base.origins[issue]
                } else {
                    Origin::Chosen
                }
            })
            .collect();
        Provenance {
            package: package.clone(),
            origins,
        }
    }

    /// The provenance of a package opened from a link: the first document whose package it is,
    /// else every provision chosen.
    pub fn provenance_of(&self, package: &Package) -> (Option<usize>, Provenance) {
        for document in 0..self.documents.len() {
            let resolved = self.resolve(document);
            if resolved.package == *package {
                return (Some(document), resolved);
            }
        }
        (None, self.chosen(package))
    }

    /// Scores over the provisions a text settles (see [`Coverage`]).
    pub fn coverage(&self, provenance: &Provenance) -> Coverage {
        let pick = |test: fn(Origin) -> bool| -> Vec<usize> {
            (0..self.issues.len())
                .filter(|&issue| test(provenance.origins[issue]))
                .collect()
        };
        let stated = pick(Origin::is_stated);
        let assumed = pick(Origin::is_assumed);
        let chosen = pick(|origin| origin == Origin::Chosen);
        let mut values = Vec::with_capacity(self.parties.len());
        let mut weight_shares = Vec::with_capacity(self.parties.len());
        for party in 0..self.parties.len() {
            let weights = &self.assumptions.parties[party].weights;
            let weight: u32 = stated.iter().map(|&issue| weights[issue]).sum();
            let units: i64 = stated
                .iter()
                .map(|&issue| {
                    self.contribution_units(party, issue, provenance.package.choice(issue))
                })
                .sum();
            weight_shares.push(f64::from(weight) / 100.0);
            // Units are points × weight points × 100; dividing by the weight renormalises.
            values.push((weight > 0).then(|| units as f64 / (f64::from(weight) * 100.0)));
        }
        let (first, second) = self.belligerents();
        let balance = match (values[first], values[second]) {
            (Some(first), Some(second)) => Some((100.0 - first) - (100.0 - second)),
            _ => None,
        };
        Coverage {
            stated,
            assumed,
            chosen,
            values,
            weight_shares,
            balance,
        }
    }

    fn with_choice(&self, package: &Package, issue: usize, option: usize) -> Package {
        // Indices come from the validated scenario, so this cannot fail; keep the package if it did.
        self.with_option(package, issue, option)
            .unwrap_or_else(|_| package.clone())
    }
}

/// A choice's origin in words, for the page and the CLI ("assumed: the text is silent").
pub fn origin_words(scenario: &Scenario, origin: Origin) -> String {
    match origin {
        Origin::Stated { document } => format!("from {}", scenario.documents[document].title),
        Origin::Silent => "assumed: no text in the package settles it".to_string(),
        Origin::Removed { document } => format!(
            "assumed: {} drops this provision",
            scenario.documents[document].title
        ),
        Origin::Open { document } => format!(
            "assumed: {} leaves this open, so its base's wording is shown",
            scenario.documents[document].title
        ),
        Origin::Chosen => "chosen".to_string(),
    }
}

impl Choice {
    /// The option this choice is, if it is one.
    pub fn option(self) -> Option<usize> {
        match self {
            Choice::Option(option) => Some(option),
            Choice::Amount(_) => None,
        }
    }
}
