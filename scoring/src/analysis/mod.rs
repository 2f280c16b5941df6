//! Negotiation analysis of a package: the zone of possible agreement (and what would open an
//! empty one), warnings with the provisions responsible, the nearest acceptable package, the
//! Pareto check with the most balanced improvement, Nash / Kalai–Smorodinsky / egalitarian
//! reference packages, the exact Ukraine–Russia frontier and trades that help both.
//!
//! Every optimum is exact (integer units, branch and bound with proven bounds); a search that
//! exhausts its node budget says so and reports its bound instead of claiming optimality.
//! Numeric issues take part with every amount their scales allow. The formulas follow
//! docs/negotiation-theory.md §3.

mod relax;
pub mod robustness;
pub mod search;

use std::cell::RefCell;

use self::relax::{Dual, Tangent, preference};
use self::search::{
    DEFAULT_BUDGET, Found, FrontierPoint, Node, Objective, PairSet, Pairs, Ratio, Search, Space,
    frontier, points, sort_small_by,
};
use crate::model::{Role, Scenario};
use crate::score::{Package, Scores};

/// A package the analysis proposes, with what it changes and its scores.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Suggestion {
    pub package: Package,
    /// Issues whose choice differs from the analysed package, in issue order.
    pub changes: Vec<usize>,
    pub scores: Scores,
    /// False when the search ran out of budget: the package is the best found, not proven best.
    pub proven: bool,
}

/// A set of parties analysed together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Coalition {
    /// Both belligerents.
    Belligerents,
    /// All four parties.
    All,
    /// The ratification rule: both belligerents and at least one guarantor.
    Ratification,
}

impl Coalition {
    pub fn label(self) -> &'static str {
        match self {
            Coalition::Belligerents => "both belligerents",
            Coalition::All => "all four parties",
            Coalition::Ratification => "the ratification rule",
        }
    }
}

/// Whether a zone of possible agreement exists for a coalition.
#[derive(Debug, Clone, PartialEq)]
pub struct Zopa {
    pub coalition: Coalition,
    /// Some package crosses no red line of the coalition and gives each member at least its
    /// walk-away value. `None` if the search could not decide within its budget.
    pub exists: Option<bool>,
    /// The package that maximises the smallest gain, when one exists.
    pub witness: Option<Suggestion>,
    /// The largest achievable smallest gain over the zone (points), when it exists.
    pub best_smallest_gain: Option<f64>,
}

/// What would open an empty zone of agreement under the ratification rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    /// The fewest red lines (party, red-line index) to set aside so that a package meets every
    /// walk-away value of the belligerents and one guarantor; with that package.
    pub waive: Option<(Vec<(usize, usize)>, Suggestion)>,
    /// With every red line set aside: how far the best package still falls short of the
    /// walk-away values (points, positive = short), if it does.
    pub shortfall: Option<f64>,
    pub proven: bool,
}

/// A warning about the analysed package.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Warning {
    /// Party `party` sees its red line `line` crossed by the choice on `issue`.
    RedLine {
        party: usize,
        line: usize,
        issue: usize,
    },
    /// Party `party` is `shortfall` points below its walk-away value; `issues` are the
    /// provisions where it concedes most, enough to cover the shortfall (at most three).
    BelowWalkAway {
        party: usize,
        shortfall: f64,
        issues: Vec<usize>,
    },
}

/// The Pareto check of the analysed package.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Pareto {
    /// Some package crossing no new red line is at least as good for every party and better
    /// for one.
    pub improvable: bool,
    /// The improvement that maximises the smallest gain (then the total gain).
    pub improvement: Option<Suggestion>,
    pub proven: bool,
}

/// The bargaining reference packages for one coalition (belligerents or all four), over its
/// zone of agreement. They are reference points on a discrete set, not predictions.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct References {
    pub coalition: Coalition,
    /// Maximises the product of gains over walk-away values.
    pub nash: Option<Suggestion>,
    /// Maximises the smallest share of each party's possible gain, leximin on ties.
    pub kalai_smorodinsky: Option<Suggestion>,
    /// Maximises the smallest gain (compares points across parties: for discussion only).
    pub egalitarian: Option<Suggestion>,
}

/// A pair of provision changes that raises both belligerents' values.
#[derive(Debug, Clone, PartialEq)]
pub struct Trade {
    /// `(issue, new choice)` twice.
    pub changes: [(usize, crate::score::Choice); 2],
    /// Gains in points for the first and second belligerent.
    pub gains: [f64; 2],
    /// True when neither change alone raises both values: a trade, not two free improvements.
    pub needs_both: bool,
}

/// One point of the Ukraine–Russia frontier.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FrontierEntry {
    /// Values of the first and second belligerent, points.
    pub values: [f64; 2],
    pub package: Package,
    /// The package crosses no red line of either belligerent and meets both walk-away values.
    pub acceptable_to_both: bool,
    /// Frontier packages left out between the previous entry and this one: each lies within
    /// [`FRONTIER_TOLERANCE`] points of the straight line between the two and has the same
    /// acceptability (amounts stepping along a scale make such runs).
    pub between: u32,
}

/// How far (points, across the line) a frontier package left out of the list may lie from the
/// straight line between its two listed neighbours: a fifth of a pixel on the page's chart.
pub const FRONTIER_TOLERANCE: f64 = 0.05;
/// [`FRONTIER_TOLERANCE`] as text, for the page, whose wasm carries no float formatting.
pub const FRONTIER_TOLERANCE_TEXT: &str = "0.05";

/// The whole analysis of one package.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub first: usize,
    pub second: usize,
    pub zopa: Vec<Zopa>,
    /// Present when the ratification zone is empty.
    pub opening: Option<Opening>,
    pub warnings: Vec<Warning>,
    /// The nearest package the ratification rule accepts: fewest provisions changed, ties by
    /// the smallest concession shift `Σ_i |V_i(y) − V_i(x)|`.
    pub nearest_acceptable: Option<Suggestion>,
    pub pareto: Pareto,
    pub references: Vec<References>,
    /// Over every package, sorted by the first belligerent's value.
    pub frontier: Vec<FrontierEntry>,
    /// The best pairs first, at most `MAX_TRADES`.
    pub trades: Vec<Trade>,
    /// Search nodes visited in total (a measure of work).
    pub nodes: u64,
}

/// How many trades are listed.
pub const MAX_TRADES: usize = 5;

fn mask_of(parties: &[usize]) -> u32 {
    parties.iter().fold(0, |mask, &party| mask | (1 << party))
}

/// The pair frontiers at `node` whose two parties are both in `members`.
fn covered<'n, 'm>(
    node: &Node<'n>,
    members: &'m [usize],
) -> impl Iterator<Item = self::search::PairView<'n>> + 'm
where
    'n: 'm,
{
    node.pairs
        .into_iter()
        .flatten()
        .filter(move |pair| members.contains(&pair.first) && members.contains(&pair.second))
}

fn in_covered(node: &Node, members: &[usize], party: usize) -> bool {
    covered(node, members).any(|pair| pair.first == party || pair.second == party)
}

/// An upper bound on `min_i (V_i − offset_i)` over `members` below `node`: exact within each
/// pair (through its frontier), independent maxima for parties outside a pair.
fn smallest_bound(node: &Node, members: &[usize], offset: &[i64], dual: Option<&Dual>) -> i64 {
    let mut smallest = i64::MAX;
    for pair in covered(node, members) {
        smallest = smallest.min(pair.max_min(
            node.partial[pair.first] - offset[pair.first],
            node.partial[pair.second] - offset[pair.second],
        ));
    }
    for &party in members {
        if !in_covered(node, members, party) {
            smallest = smallest.min(node.upper[party] - offset[party]);
        }
    }
    if let Some(dual) = dual {
        smallest = smallest.min(dual.bound(node).floor() as i64);
    }
    smallest
}

/// Maximise the smallest gain `min_i (V_i − d_i)` over `members`; with `zone`, every gain ≥ 0.
struct SmallestGain<'a> {
    members: &'a [usize],
    reservation: &'a [i64],
    /// The Lagrangian bound on the smallest gain over the zone, when built.
    dual: Option<&'a Dual>,
    zone: bool,
}

impl Objective for SmallestGain<'_> {
    type Key = i64;
    fn leaf(&self, values: &[i64], _: i64) -> Option<i64> {
        let gain = self
            .members
            .iter()
            .map(|&party| values[party] - self.reservation[party])
            .min()
            .unwrap_or(0);
        (!self.zone || gain >= 0).then_some(gain)
    }
    fn bound(&self, node: &Node) -> Option<i64> {
        let gain = smallest_bound(node, self.members, self.reservation, self.dual);
        (!self.zone || gain >= 0).then_some(gain)
    }
}

/// An upper bound on `Π_i (V_i − d_i)` over `members`: the product of the pair bounds of
/// disjoint covered pairs (taken in order, the belligerents first) and of each remaining
/// member's own maximum; `None` if a pair cannot have both gains non-negative.
fn product_bound(node: &Node, members: &[usize], reservation: &[i64]) -> Option<i128> {
    let mut product: i128 = 1;
    let mut used = [false; 8];
    for pair in covered(node, members) {
        if used[pair.first] || used[pair.second] {
            continue;
        }
        used[pair.first] = true;
        used[pair.second] = true;
        product *= pair.max_product(
            node.partial[pair.first] - reservation[pair.first],
            node.partial[pair.second] - reservation[pair.second],
        )?;
    }
    for &party in members {
        if !used[party] {
            product *= i128::from((node.upper[party] - reservation[party]).max(0));
        }
    }
    Some(product)
}

/// Maximise the product of gains over the zone.
struct NashProduct<'a> {
    members: &'a [usize],
    reservation: &'a [i64],
    /// The Lagrangian bound on the smallest gain over the zone, when built.
    dual: Option<&'a Dual>,
    tangents: Vec<Tangent>,
}

impl Objective for NashProduct<'_> {
    type Key = i128;
    fn leaf(&self, values: &[i64], _: i64) -> Option<i128> {
        let mut product: i128 = 1;
        for &party in self.members {
            let gain = values[party] - self.reservation[party];
            if gain < 0 {
                return None;
            }
            product *= i128::from(gain);
        }
        Some(product)
    }
    fn bound(&self, node: &Node) -> Option<i128> {
        if smallest_bound(node, self.members, self.reservation, self.dual) < 0 {
            return None;
        }
        let mut product = product_bound(node, self.members, self.reservation)?;
        for tangent in &self.tangents {
            if let Some(bound) = tangent.bound(node) {
                product = product.min(bound);
            }
        }
        Some(product)
    }
}

/// Maximise one party's value over the zone (the ideal point `a_i` of Kalai–Smorodinsky).
struct BestFor<'a> {
    party: usize,
    members: &'a [usize],
    reservation: &'a [i64],
    /// The Lagrangian bound on the smallest gain over the zone, when built.
    dual: Option<&'a Dual>,
}

impl Objective for BestFor<'_> {
    type Key = i64;
    fn leaf(&self, values: &[i64], _: i64) -> Option<i64> {
        self.members
            .iter()
            .all(|&party| values[party] >= self.reservation[party])
            .then_some(values[self.party])
    }
    fn bound(&self, node: &Node) -> Option<i64> {
        if smallest_bound(node, self.members, self.reservation, self.dual) < 0 {
            return None;
        }
        let partial = |party: usize| node.partial[party];
        let need = |party: usize| self.reservation[party] - partial(party);
        // Each pair holding the party bounds its value given its partner's walk-away value.
        let mut best = node.upper[self.party];
        for pair in covered(node, self.members) {
            let bound = if self.party == pair.first {
                pair.best_first_given_second(need(pair.second))
                    .map(|add| partial(pair.first) + add)
            } else if self.party == pair.second {
                pair.best_second_given_first(need(pair.first))
                    .map(|add| partial(pair.second) + add)
            } else {
                continue;
            };
            best = best.min(bound?);
        }
        Some(best)
    }
}

/// Leximin of the shares of possible gain `(V_i − d_i) / (a_i − d_i)` over the zone.
struct KalaiSmorodinsky<'a> {
    members: &'a [usize],
    reservation: &'a [i64],
    /// The Lagrangian bound on the smallest gain over the zone, when built.
    dual: Option<&'a Dual>,
    /// The Lagrangian bound on the smallest share of possible gain, when built.
    shares: Option<&'a Dual>,
    ideal: Vec<i64>,
}

impl Objective for KalaiSmorodinsky<'_> {
    type Key = Vec<Ratio>;
    fn leaf(&self, values: &[i64], _: i64) -> Option<Vec<Ratio>> {
        let mut shares = Vec::with_capacity(self.members.len());
        for (slot, &party) in self.members.iter().enumerate() {
            let gain = values[party] - self.reservation[party];
            if gain < 0 {
                return None;
            }
            let room = self.ideal[slot] - self.reservation[party];
            // A party with no room to gain inside the zone is fully served by any zone package.
            shares.push(if room <= 0 {
                Ratio {
                    numerator: 1,
                    denominator: 1,
                }
            } else {
                Ratio {
                    numerator: gain.min(room),
                    denominator: room,
                }
            });
        }
        sort_small_by(&mut shares, Ord::cmp);
        Some(shares)
    }
    fn bound(&self, node: &Node) -> Option<Vec<Ratio>> {
        if smallest_bound(node, self.members, self.reservation, self.dual) < 0 {
            return None;
        }
        let one = Ratio {
            numerator: 1,
            denominator: 1,
        };
        let room = |slot: usize| self.ideal[slot] - self.reservation[self.members[slot]];
        let independent = |slot: usize| {
            let party = self.members[slot];
            if room(slot) <= 0 {
                one
            } else {
                Ratio {
                    numerator: (node.upper[party] - self.reservation[party]).min(room(slot)),
                    denominator: room(slot),
                }
            }
        };
        let slot_of = |party: usize| self.members.iter().position(|&member| member == party);
        let mut smallest = one;
        for pair in covered(node, self.members) {
            if let (Some(a), Some(b)) = (slot_of(pair.first), slot_of(pair.second))
                && room(a) > 0
                && room(b) > 0
            {
                smallest = smallest.min(pair.max_min_share(
                    node.partial[pair.first] - self.reservation[pair.first],
                    node.partial[pair.second] - self.reservation[pair.second],
                    room(a),
                    room(b),
                ));
            }
        }
        for slot in 0..self.members.len() {
            smallest = smallest.min(independent(slot));
        }
        if let Some(shares) = self.shares {
            // Rounded up to a fine grid, so the bound stays a bound.
            const GRID: i64 = 1_000_000_000;
            smallest = smallest.min(Ratio {
                numerator: (shares.bound(node) * GRID as f64)
                    .ceil()
                    .clamp(-1.0, GRID as f64) as i64,
                denominator: GRID,
            });
        }
        // Every share is at most 1, so no leaf beats (smallest, 1, 1, …) lexicographically.
        let mut key = vec![one; self.members.len()];
        key[0] = smallest;
        Some(key)
    }
}

/// Maximise `(min_i Δ_i, Σ_i Δ_i)` with every `Δ_i = V_i − X_i ≥ 0` (a Pareto improvement).
struct Improvement<'a> {
    base: &'a [i64],
    /// The Lagrangian bound on the smallest `Δ_i`.
    dual: Option<&'a Dual>,
}

impl Objective for Improvement<'_> {
    type Key = (i64, i64);
    fn leaf(&self, values: &[i64], _: i64) -> Option<(i64, i64)> {
        let mut smallest = i64::MAX;
        let mut total = 0;
        for (value, base) in values.iter().zip(self.base) {
            let delta = value - base;
            if delta < 0 {
                return None;
            }
            smallest = smallest.min(delta);
            total += delta;
        }
        Some((smallest, total))
    }
    fn bound(&self, node: &Node) -> Option<(i64, i64)> {
        let all: Vec<usize> = (0..self.base.len()).collect();
        let smallest = smallest_bound(node, &all, self.base, self.dual);
        let total = node
            .upper
            .iter()
            .zip(self.base)
            .map(|(upper, base)| upper - base)
            .sum();
        (smallest >= 0).then_some((smallest, total))
    }
}

/// Fewest changes (the additive cost), then the smallest concession shift, over the zone.
struct Nearest<'a> {
    members: &'a [usize],
    reservation: &'a [i64],
    /// The Lagrangian bound on the smallest gain over the zone, when built.
    dual: Option<&'a Dual>,
    base: &'a [i64],
    /// Per depth: the changes still needed at least (see `ChangesNeeded`).
    needed: ChangesNeeded,
}

/// A lower bound on the changes the undecided issues still need. Issues whose current choice
/// is forbidden must change (counted, and credited with their best value); among the others,
/// a member short of its walk-away value needs at least as many changes as it takes its
/// largest possible gains to cover the shortfall.
struct ChangesNeeded {
    /// `[depth]`: issues from `order[depth]` on whose current choice is forbidden.
    forced: Vec<i64>,
    /// `[depth][party]`: what the undecided issues give if unchanged (forced ones at best).
    kept: Vec<Vec<i64>>,
    /// `[depth][party]`: prefix sums of the largest gains a change can bring, largest first.
    gains: Vec<Vec<Vec<i64>>>,
}

impl ChangesNeeded {
    fn new(space: &Space, search: &Search, members: &[usize]) -> ChangesNeeded {
        let order = search.order();
        let issues = order.len();
        let parties = space.parties;
        let mut forced = vec![0; issues + 1];
        let mut kept = vec![vec![0; parties]; issues + 1];
        let mut gains = vec![vec![vec![0]; parties]; issues + 1];
        for depth in (0..issues).rev() {
            let issue = order[depth];
            let current = space.current[issue];
            let allowed = search.allowed(issue);
            let is_forced = !allowed.contains(&current);
            forced[depth] = forced[depth + 1] + i64::from(is_forced);
            for &party in members {
                let best = allowed
                    .iter()
                    .map(|&pick| space.value[issue][pick][party])
                    .max()
                    .unwrap_or(0);
                let now = space.value[issue][current][party];
                kept[depth][party] = kept[depth + 1][party] + if is_forced { best } else { now };
                let mut list: Vec<i64> = order[depth..]
                    .iter()
                    .filter(|&&other| search.allowed(other).contains(&space.current[other]))
                    .map(|&other| {
                        let best = search
                            .allowed(other)
                            .iter()
                            .map(|&pick| space.value[other][pick][party])
                            .max()
                            .unwrap_or(0);
                        best - space.value[other][space.current[other]][party]
                    })
                    .filter(|&gain| gain > 0)
                    .collect();
                sort_small_by(&mut list, |a, b| b.cmp(a));
                let mut prefix = vec![0];
                for gain in list {
                    prefix.push(prefix[prefix.len() - 1] + gain);
                }
                gains[depth][party] = prefix;
            }
        }
        ChangesNeeded {
            forced,
            kept,
            gains,
        }
    }

    /// At least this many more changes, or `None` if no completion can meet every walk-away value.
    fn at_least(
        &self,
        depth: usize,
        partial: &[i64],
        members: &[usize],
        reservation: &[i64],
    ) -> Option<i64> {
        let mut needed = 0;
        for &party in members {
            let deficit = reservation[party] - partial[party] - self.kept[depth][party];
            if deficit <= 0 {
                continue;
            }
            let prefix = &self.gains[depth][party];
            let count = prefix.partition_point(|&sum| sum < deficit);
            if count == prefix.len() {
                return None;
            }
            needed = needed.max(count as i64);
        }
        Some(self.forced[depth] + needed)
    }
}

impl Objective for Nearest<'_> {
    type Key = (i64, i64);
    fn leaf(&self, values: &[i64], cost: i64) -> Option<(i64, i64)> {
        if self
            .members
            .iter()
            .any(|&party| values[party] < self.reservation[party])
        {
            return None;
        }
        let shift: i64 = values
            .iter()
            .zip(self.base)
            .map(|(value, base)| (value - base).abs())
            .sum();
        Some((-cost, -shift))
    }
    fn bound(&self, node: &Node) -> Option<(i64, i64)> {
        if smallest_bound(node, self.members, self.reservation, self.dual) < 0 {
            return None;
        }
        let more =
            self.needed
                .at_least(node.depth, node.partial, self.members, self.reservation)?;
        // Each final value lies in [lower, upper]; its distance from the base is at least the
        // distance from the base to that interval.
        let shift: i64 = (0..self.base.len())
            .map(|party| {
                (node.lower[party] - self.base[party])
                    .max(self.base[party] - node.upper[party])
                    .max(0)
            })
            .sum();
        Some((-(node.cost + more), -shift))
    }
}

/// Fewest red lines crossed (the additive cost), then the largest smallest gain, with every
/// member at or above its walk-away value.
struct FewestWaivers<'a> {
    members: &'a [usize],
    reservation: &'a [i64],
    /// The Lagrangian bound on the smallest gain over the zone, when built.
    dual: Option<&'a Dual>,
}

impl Objective for FewestWaivers<'_> {
    type Key = (i64, i64);
    fn leaf(&self, values: &[i64], cost: i64) -> Option<(i64, i64)> {
        let gain = self
            .members
            .iter()
            .map(|&party| values[party] - self.reservation[party])
            .min()
            .unwrap_or(0);
        (gain >= 0).then_some((-cost, gain))
    }
    fn bound(&self, node: &Node) -> Option<(i64, i64)> {
        let gain = smallest_bound(node, self.members, self.reservation, self.dual);
        (gain >= 0).then_some((-node.cost, gain))
    }
}

/// Whether every point of `run` lies within `tolerance` units of the line through its ends.
fn on_line(run: &[FrontierPoint], tolerance: f64) -> bool {
    let (Some(a), Some(b)) = (run.first(), run.last()) else {
        return true;
    };
    let (dx, dy) = ((b.first - a.first) as f64, (b.second - a.second) as f64);
    let length = dx.hypot(dy);
    length > 0.0
        && run[1..run.len() - 1].iter().all(|point| {
            let (px, py) = (
                (point.first - a.first) as f64,
                (point.second - a.second) as f64,
            );
            (dx * py - dy * px).abs() / length <= tolerance
        })
}

/// The analysis context: the scenario, the analysed package and its space.
pub struct Analyzer<'a> {
    pub scenario: &'a Scenario,
    pub package: &'a Package,
    pub space: Space,
    pub budget: u64,
    /// The best smallest gain over each member set's zone, once searched: the zone of
    /// agreement and the egalitarian reference package are the same search.
    zone_best: RefCell<Vec<(Vec<usize>, Found<i64>)>>,
}

impl<'a> Analyzer<'a> {
    pub fn new(scenario: &'a Scenario, package: &'a Package) -> Analyzer<'a> {
        Analyzer {
            scenario,
            package,
            space: Space::new(scenario, package),
            budget: DEFAULT_BUDGET,
            zone_best: RefCell::new(Vec::new()),
        }
    }

    fn belligerents(&self) -> (usize, usize) {
        self.scenario.belligerents()
    }

    fn guarantors(&self) -> Vec<usize> {
        self.scenario
            .parties
            .iter()
            .enumerate()
            .filter(|(_, party)| party.role == Role::Guarantor)
            .map(|(index, _)| index)
            .collect()
    }

    /// The member sets a coalition stands for: one set, or one per guarantor for ratification.
    pub fn member_sets(&self, coalition: Coalition) -> Vec<Vec<usize>> {
        let (first, second) = self.belligerents();
        match coalition {
            Coalition::Belligerents => vec![vec![first, second]],
            Coalition::All => vec![(0..self.scenario.parties.len()).collect()],
            Coalition::Ratification => self
                .guarantors()
                .into_iter()
                .map(|guarantor| vec![first, second, guarantor])
                .collect(),
        }
    }

    fn heuristic(&self, members: &[usize]) -> Vec<i64> {
        (0..self.space.parties)
            .map(|party| i64::from(members.contains(&party)))
            .collect()
    }

    /// The package with the best smallest gain over the zone of `members` (searched once per
    /// member set; `search` and `dual` must be `zone_search(members, …)`'s, whose order does
    /// not depend on the pair set, so every caller gets the same package).
    fn best_smallest_gain(&self, members: &[usize], search: &Search, dual: &Dual) -> Found<i64> {
        if let Some((_, found)) = self
            .zone_best
            .borrow()
            .iter()
            .find(|(set, _)| set == members)
        {
            return Found {
                nodes: 0,
                ..found.clone()
            };
        }
        let found = search.run(&SmallestGain {
            members,
            reservation: &self.space.reservation,
            dual: Some(dual),
            zone: true,
        });
        self.zone_best
            .borrow_mut()
            .push((members.to_vec(), found.clone()));
        found
    }

    /// A search over the zone of `members` with the Lagrangian bound on their smallest gain;
    /// candidates are tried in the order of the bound's weighted sum, so the first dive lands
    /// near the best smallest gain.
    fn zone_search(&self, members: &[usize], pair_set: PairSet) -> (Search<'_>, Dual) {
        let search = self.search(members, pair_set, None, true);
        self.with_dual(search, members, &self.space.reservation)
    }

    /// `search` with the Lagrangian bound on `min (V_i − offset_i)` over `members`, its
    /// candidates in the order of the bound's weighted sum.
    fn with_dual<'s>(
        &self,
        mut search: Search<'s>,
        members: &[usize],
        offset: &[i64],
    ) -> (Search<'s>, Dual) {
        let weights = Dual::weights(
            &search,
            &self.space,
            members,
            offset,
            &vec![1.0; members.len()],
        );
        let dual = Dual::new(&search, &self.space, members, offset, weights);
        search.prefer(&dual.preference(self.space.parties));
        (search, dual)
    }

    fn search(
        &self,
        members: &[usize],
        pair_set: PairSet,
        cost: Option<Vec<Vec<i64>>>,
        forbid_red_lines: bool,
    ) -> Search<'_> {
        let forbidden = if forbid_red_lines {
            self.space.red_line_mask(mask_of(members))
        } else {
            0
        };
        Search::new(
            &self.space,
            Pairs {
                first: self.belligerents(),
                set: pair_set,
                members: mask_of(members),
            },
            forbidden,
            &self.heuristic(members),
            cost,
            self.budget,
        )
    }

    fn suggestion(&self, picks: &[usize], proven: bool) -> Suggestion {
        let package = self.space.package(self.scenario, self.package, picks);
        let changes = (0..self.scenario.issues.len())
            .filter(|&issue| package.choice(issue) != self.package.choice(issue))
            .collect();
        Suggestion {
            scores: self.scenario.score(&package),
            package,
            changes,
            proven,
        }
    }

    fn found_suggestion<K>(&self, found: &Found<K>, proven: bool) -> Option<Suggestion> {
        found
            .best
            .as_ref()
            .map(|(picks, _, _)| self.suggestion(picks, proven))
    }

    /// The best over several member sets (the ratification rule's alternatives): the best key.
    fn best_of<K: Ord + Clone>(
        &self,
        results: Vec<Found<K>>,
    ) -> (Option<(Vec<usize>, K)>, bool, u64) {
        let proven = results.iter().all(|found| found.proven);
        let nodes = results.iter().map(|found| found.nodes).sum();
        let best = results
            .into_iter()
            .filter_map(|found| found.best.map(|(picks, key, _)| (picks, key)))
            .max_by(|a, b| a.1.cmp(&b.1));
        (best, proven, nodes)
    }

    /// Zone of possible agreement for a coalition, with the package maximising the smallest gain.
    pub fn zopa(&self, coalition: Coalition) -> (Zopa, u64) {
        let results: Vec<Found<i64>> = self
            .member_sets(coalition)
            .iter()
            .map(|members| {
                let (search, dual) = self.zone_search(members, PairSet::All);
                self.best_smallest_gain(members, &search, &dual)
            })
            .collect();
        let (best, proven, nodes) = self.best_of(results);
        let exists = match (&best, proven) {
            (Some(_), _) => Some(true),
            (None, true) => Some(false),
            (None, false) => None,
        };
        (
            Zopa {
                coalition,
                exists,
                best_smallest_gain: best.as_ref().map(|(_, gain)| points(*gain)),
                witness: best.map(|(picks, _)| self.suggestion(&picks, proven)),
            },
            nodes,
        )
    }

    /// What would open an empty ratification zone: fewest red lines to set aside, or else the
    /// shortfall that remains with none of them.
    pub fn opening(&self) -> (Opening, u64) {
        let reservation = &self.space.reservation;
        let mut nodes = 0;
        let mut proven = true;
        // (picks, key, the member set it serves)
        type Waived = (Vec<usize>, (i64, i64), Vec<usize>);
        let mut waive: Option<Waived> = None;
        for members in self.member_sets(Coalition::Ratification) {
            let mask = self.space.red_line_mask(mask_of(&members));
            let cost: Vec<Vec<i64>> = self
                .space
                .crosses
                .iter()
                .map(|list| {
                    list.iter()
                        .map(|crossed| i64::from((crossed & mask).count_ones()))
                        .collect()
                })
                .collect();
            let (search, dual) = self.with_dual(
                self.search(&members, PairSet::All, Some(cost), false),
                &members,
                reservation,
            );
            let found = search.run(&FewestWaivers {
                members: &members,
                reservation,
                dual: Some(&dual),
            });
            nodes += found.nodes;
            proven &= found.proven;
            if let Some((picks, key, _)) = found.best
                && waive.as_ref().is_none_or(|(_, best, _)| key > *best)
            {
                waive = Some((picks, key, members));
            }
        }
        // The lines to set aside are those of the parties whose acceptance the package relies on.
        let waive = waive.map(|(picks, _, members)| {
            let crossed =
                self.space.crossed_by(&picks) & self.space.red_line_mask(mask_of(&members));
            let lines = self
                .space
                .red_lines
                .iter()
                .enumerate()
                .filter(|(bit, _)| crossed & (1 << bit) != 0)
                .map(|(_, &line)| line)
                .collect();
            (lines, self.suggestion(&picks, proven))
        });
        let shortfall = if waive.is_none() {
            let results: Vec<Found<i64>> = self
                .member_sets(Coalition::Ratification)
                .iter()
                .map(|members| {
                    let (search, dual) = self.with_dual(
                        self.search(members, PairSet::All, None, false),
                        members,
                        reservation,
                    );
                    search.run(&SmallestGain {
                        members,
                        reservation,
                        dual: Some(&dual),
                        zone: false,
                    })
                })
                .collect();
            let (best, search_proven, search_nodes) = self.best_of(results);
            nodes += search_nodes;
            proven &= search_proven;
            best.map(|(_, gain)| points(-gain))
        } else {
            None
        };
        (
            Opening {
                waive,
                shortfall,
                proven,
            },
            nodes,
        )
    }

    /// Red lines crossed and parties below their walk-away values, with the provisions responsible.
    pub fn warnings(&self) -> Vec<Warning> {
        let scores = self.scenario.score(self.package);
        let mut warnings = Vec::new();
        for (party, score) in scores.parties.iter().enumerate() {
            for &line in &score.red_lines_crossed {
                warnings.push(Warning::RedLine {
                    party,
                    line,
                    issue: self.scenario.parties[party].red_lines[line].issue,
                });
            }
        }
        for (party, score) in scores.parties.iter().enumerate() {
            if score.gain >= 0.0 {
                continue;
            }
            let shortfall = -score.gain;
            let mut by_concession: Vec<usize> = (0..self.scenario.issues.len()).collect();
            sort_small_by(&mut by_concession, |&a, &b| {
                score.concession_by_issue[b]
                    .total_cmp(&score.concession_by_issue[a])
                    .then(a.cmp(&b))
            });
            let mut issues = Vec::new();
            let mut covered = 0.0;
            for issue in by_concession.into_iter().take(3) {
                if score.concession_by_issue[issue] <= 0.0 {
                    break;
                }
                issues.push(issue);
                covered += score.concession_by_issue[issue];
                if covered >= shortfall {
                    break;
                }
            }
            warnings.push(Warning::BelowWalkAway {
                party,
                shortfall,
                issues,
            });
        }
        warnings
    }

    /// The nearest package the ratification rule accepts.
    pub fn nearest_acceptable(&self) -> (Option<Suggestion>, u64) {
        let reservation = &self.space.reservation;
        let base = self.space.values_of(&self.space.current);
        let cost: Vec<Vec<i64>> = self
            .space
            .value
            .iter()
            .enumerate()
            .map(|(issue, list)| {
                (0..list.len())
                    .map(|pick| i64::from(pick != self.space.current[issue]))
                    .collect()
            })
            .collect();
        let results: Vec<Found<(i64, i64)>> = self
            .member_sets(Coalition::Ratification)
            .iter()
            .map(|members| {
                let search = self.search(members, PairSet::All, Some(cost.clone()), true);
                search.run(&Nearest {
                    members,
                    reservation,
                    dual: None,
                    base: &base,
                    needed: ChangesNeeded::new(&self.space, &search, members),
                })
            })
            .collect();
        let (best, proven, nodes) = self.best_of(results);
        (
            best.map(|(picks, _)| self.suggestion(&picks, proven)),
            nodes,
        )
    }

    /// Whether a package crossing no new red line is at least as good for everyone and better
    /// for one, and the most balanced such improvement.
    pub fn pareto(&self) -> (Pareto, u64) {
        let base = self.space.values_of(&self.space.current);
        let already = self.space.crossed_by(&self.space.current);
        let all: Vec<usize> = (0..self.space.parties).collect();
        let forbidden = self.space.red_line_mask(mask_of(&all)) & !already;
        let search = Search::new(
            &self.space,
            Pairs {
                first: self.belligerents(),
                set: PairSet::All,
                members: mask_of(&all),
            },
            forbidden,
            &vec![1; self.space.parties],
            None,
            self.budget,
        );
        let (search, dual) = self.with_dual(search, &all, &base);
        let found = search.run(&Improvement {
            base: &base,
            dual: Some(&dual),
        });
        let improvement = found
            .best
            .as_ref()
            .filter(|(_, (_, total), _)| *total > 0)
            .map(|(picks, _, _)| self.suggestion(picks, found.proven));
        (
            Pareto {
                improvable: improvement.is_some(),
                improvement,
                proven: found.proven,
            },
            found.nodes,
        )
    }

    /// Nash, Kalai–Smorodinsky and egalitarian packages over a coalition's zone.
    pub fn references(&self, coalition: Coalition) -> (References, u64) {
        let members = &self.member_sets(coalition)[0];
        let reservation = &self.space.reservation;
        // Measured on the four-party zone: every pair's frontier speeds the egalitarian,
        // ideal-point and Kalai–Smorodinsky searches, while the Nash search, bounded mostly by
        // its tangent, is cheaper per node with two pairs. Two members need only their own pair.
        let pair_set = if members.len() > 2 {
            PairSet::All
        } else {
            PairSet::Disjoint
        };
        let (mut search, dual) = self.zone_search(members, pair_set);
        let mut nodes = 0;
        let egalitarian = self.best_smallest_gain(members, &search, &dual);
        nodes += egalitarian.nodes;
        // The egalitarian package, if any, starts every other search with a good incumbent.
        let start = egalitarian
            .best
            .as_ref()
            .map(|(picks, _, _)| picks.as_slice());
        // The Nash search has its own order: candidates by the weighted sum of the tangent at
        // the continuous optimum, which leads the first dive to (or near) the optimum.
        let (mut nash_search, nash_dual) = if pair_set == PairSet::All {
            self.zone_search(members, PairSet::Disjoint)
        } else {
            self.zone_search(members, pair_set)
        };
        let weights = egalitarian.best.as_ref().map(|(_, _, values)| {
            let gains: Vec<i64> = members
                .iter()
                .map(|&party| values[party] - reservation[party])
                .collect();
            Tangent::weights(&nash_search, &self.space, members, reservation, &gains)
        });
        if let Some(weights) = &weights {
            nash_search.prefer(&preference(members, weights, self.space.parties));
        }
        let tangents: Vec<Tangent> = weights
            .into_iter()
            .map(|weights| Tangent::new(&nash_search, &self.space, members, reservation, weights))
            .collect();
        let nash = nash_search.run_from(
            &NashProduct {
                members,
                reservation,
                dual: Some(&nash_dual),
                tangents,
            },
            start,
        );
        nodes += nash.nodes;
        let mut ideal = Vec::with_capacity(members.len());
        let mut ideal_proven = true;
        for &party in members {
            search.prefer(&dual.favouring(party, self.space.parties));
            let found = search.run_from(
                &BestFor {
                    party,
                    members,
                    reservation,
                    dual: Some(&dual),
                },
                start,
            );
            nodes += found.nodes;
            ideal_proven &= found.proven;
            ideal.push(found.best.map(|(_, value, _)| value).unwrap_or(0));
        }
        // The smallest share of possible gain, bounded through its own weighted sums.
        let (open, rooms): (Vec<usize>, Vec<f64>) = members
            .iter()
            .zip(&ideal)
            .filter(|&(&party, &best)| best > reservation[party])
            .map(|(&party, &best)| (party, 1.0 / (best - reservation[party]) as f64))
            .unzip();
        let shares = Dual::weights(&search, &self.space, &open, reservation, &rooms);
        let shares = Dual::new(&search, &self.space, &open, reservation, shares);
        search.prefer(&dual.preference(self.space.parties));
        let kalai = search.run_from(
            &KalaiSmorodinsky {
                members,
                reservation,
                dual: Some(&dual),
                shares: Some(&shares),
                ideal,
            },
            start,
        );
        nodes += kalai.nodes;
        (
            References {
                coalition,
                nash: self.found_suggestion(&nash, nash.proven),
                kalai_smorodinsky: self.found_suggestion(&kalai, kalai.proven && ideal_proven),
                egalitarian: self.found_suggestion(&egalitarian, egalitarian.proven),
            },
            nodes,
        )
    }

    /// The exact frontier of the belligerents' values over every package (every amount
    /// included), with runs of packages on a straight line listed by their ends (`between`).
    pub fn frontier(&self) -> Vec<FrontierEntry> {
        let (first, second) = self.belligerents();
        let forbidden_for_both = self.space.red_line_mask(mask_of(&[first, second]));
        let found = frontier(&self.space, first, second, 0);
        let acceptable = |point: &FrontierPoint| {
            self.space.crossed_by(&point.picks) & forbidden_for_both == 0
                && point.first >= self.space.reservation[first]
                && point.second >= self.space.reservation[second]
        };
        let entry = |point: &FrontierPoint, between: usize| FrontierEntry {
            values: [points(point.first), points(point.second)],
            acceptable_to_both: acceptable(point),
            package: self
                .space
                .package(self.scenario, self.package, &point.picks),
            between: between as u32,
        };
        let tolerance = FRONTIER_TOLERANCE * search::UNIT as f64;
        let mut entries: Vec<FrontierEntry> = found
            .first()
            .map(|point| entry(point, 0))
            .into_iter()
            .collect();
        let mut start = 0;
        while start + 1 < found.len() {
            // The farthest point whose run from `start` stays on one line, the points it
            // leaves out as acceptable as it is.
            let mut end = start + 1;
            while end + 1 < found.len()
                && acceptable(&found[end]) == acceptable(&found[end + 1])
                && on_line(&found[start..=end + 1], tolerance)
            {
                end += 1;
            }
            entries.push(entry(&found[end], end - start - 1));
            start = end;
        }
        entries
    }

    /// Pairs of changes to two provisions that raise both belligerents' values and cross no new
    /// red line of theirs, best first (by the smaller gain, then the sum).
    pub fn trades(&self) -> Vec<Trade> {
        let (first, second) = self.belligerents();
        let forbidden = self.space.red_line_mask(mask_of(&[first, second]))
            & !self.space.crossed_by(&self.space.current);
        let mut moves: Vec<(usize, usize, i64, i64)> = Vec::new();
        for issue in 0..self.space.issues() {
            let now = self.space.current[issue];
            // The documented options and reference points: a trade of two arbitrary amounts
            // would list near-copies of one trade.
            for pick in 0..self.space.base[issue] {
                if pick == now || self.space.crosses[issue][pick] & forbidden != 0 {
                    continue;
                }
                let delta = |party: usize| {
                    self.space.value[issue][pick][party] - self.space.value[issue][now][party]
                };
                moves.push((issue, pick, delta(first), delta(second)));
            }
        }
        let mut trades: Vec<(i64, i64, usize, usize)> = Vec::new();
        for (a, one) in moves.iter().enumerate() {
            for (b, other) in moves.iter().enumerate().skip(a + 1) {
                if one.0 == other.0 {
                    continue;
                }
                let gain_first = one.2 + other.2;
                let gain_second = one.3 + other.3;
                if gain_first > 0 && gain_second > 0 {
                    trades.push((gain_first.min(gain_second), gain_first + gain_second, a, b));
                }
            }
        }
        // The best few by (smaller gain, sum), earliest first on ties: a selection, not a sort.
        let mut best: Vec<(i64, i64, usize, usize)> = Vec::with_capacity(MAX_TRADES);
        for _ in 0..MAX_TRADES {
            let Some(position) = (0..trades.len()).max_by(|&x, &y| {
                let (a, b) = (trades[x], trades[y]);
                (a.0, a.1)
                    .cmp(&(b.0, b.1))
                    .then((b.2, b.3).cmp(&(a.2, a.3)))
            }) else {
                break;
            };
            best.push(trades.swap_remove(position));
        }
        best.into_iter()
            .map(|(_, _, a, b)| {
                let (one, other) = (moves[a], moves[b]);
                let win_win = |m: (usize, usize, i64, i64)| m.2 > 0 && m.3 > 0;
                Trade {
                    changes: [
                        (one.0, self.space.candidates[one.0][one.1]),
                        (other.0, self.space.candidates[other.0][other.1]),
                    ],
                    gains: [points(one.2 + other.2), points(one.3 + other.3)],
                    needs_both: !win_win(one) && !win_win(other),
                }
            })
            .collect()
    }

    /// Everything above.
    pub fn run(&self) -> Analysis {
        let (first, second) = self.belligerents();
        let mut nodes = 0;
        let mut zopa = Vec::new();
        for coalition in [
            Coalition::Belligerents,
            Coalition::All,
            Coalition::Ratification,
        ] {
            let (result, used) = self.zopa(coalition);
            nodes += used;
            zopa.push(result);
        }
        let opening = if zopa[2].exists == Some(false) {
            let (opening, used) = self.opening();
            nodes += used;
            Some(opening)
        } else {
            None
        };
        let (nearest_acceptable, used) = self.nearest_acceptable();
        nodes += used;
        let (pareto, used) = self.pareto();
        nodes += used;
        let mut references = Vec::new();
        for coalition in [Coalition::Belligerents, Coalition::All] {
            let (result, used) = self.references(coalition);
            nodes += used;
            references.push(result);
        }
        Analysis {
            first,
            second,
            zopa,
            opening,
            warnings: self.warnings(),
            nearest_acceptable,
            pareto,
            references,
            frontier: self.frontier(),
            trades: self.trades(),
            nodes,
        }
    }
}

impl Scenario {
    /// What the page's worker computes for one package under this scenario's assumptions: the
    /// package's warnings, nearest acceptable package, Pareto check, flip points and 10,000
    /// robustness samples, and the model's frontier and belligerents' references. Only the
    /// benchmarks call it (the worker runs the same parts one at a time).
    pub fn page_request(&self, package: &Package) {
        use std::hint::black_box;
        let analyzer = Analyzer::new(self, package);
        black_box(analyzer.warnings());
        black_box(analyzer.nearest_acceptable());
        black_box(analyzer.pareto());
        black_box(self.flip_points(package));
        black_box(self.robustness(package, 50.0, 10_000, 1));
        let base = self.opening_package();
        let opening = Analyzer::new(self, &base);
        black_box(opening.frontier());
        black_box(opening.references(Coalition::Belligerents));
    }

    /// The full negotiation analysis of `package` (everything but the Monte-Carlo robustness).
    pub fn analyze(&self, package: &Package) -> Analysis {
        Analyzer::new(self, package).run()
    }
}

impl Scenario {
    /// A warning in one plain sentence, naming the provisions responsible.
    pub fn warning_text(&self, warning: &Warning, package: &Package) -> String {
        match *warning {
            Warning::RedLine { party, line, issue } => {
                let red_line = &self.parties[party].red_lines[line];
                format!(
                    "{}: red line crossed by “{}” on {} — {}",
                    self.parties[party].name,
                    crate::share::describe_choice(self, issue, package.choice(issue)),
                    self.issues[issue].label,
                    red_line.statement
                )
            }
            Warning::BelowWalkAway {
                party,
                shortfall,
                ref issues,
            } => {
                let labels: Vec<&str> = issues
                    .iter()
                    .map(|&issue| self.issues[issue].label.as_str())
                    .collect();
                format!(
                    "{} is {} points below its walk-away value; it concedes most on {}.",
                    self.parties[party].name,
                    crate::score::format_points(shortfall),
                    labels.join(", ")
                )
            }
        }
    }

    /// The issue a warning points at first (for focusing its control).
    pub fn warning_issue(&self, warning: &Warning) -> Option<usize> {
        match warning {
            Warning::RedLine { issue, .. } => Some(*issue),
            Warning::BelowWalkAway { issues, .. } => issues.first().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tolerance_text_is_the_tolerance() {
        assert_eq!(
            super::FRONTIER_TOLERANCE_TEXT,
            super::FRONTIER_TOLERANCE.to_string()
        );
    }
}
