//! The exact search machinery behind the analysis: the package space in integer units, a
//! depth-first branch and bound with proven optimistic bounds and a node budget, and the
//! two-party frontier by dynamic programming over issues (Nemhauser–Ullmann).
//!
//! Values are integers in units of 1/10,000 point, so sums are exact and order-independent:
//! an option's contribution is `weight points × value × 100`; an amount between reference
//! points is interpolated once and rounded to the unit.

use crate::model::Scenario;
use crate::score::{Choice, Package};
pub use crate::score::{UNIT, points, sort_small_by};

/// Pair frontiers kept per search: every pair of four parties.
pub const MAX_PAIRS: usize = 6;

/// Which pair frontiers a search keeps. More pairs give tighter bounds (fewer nodes) at a
/// higher cost per node; which wins depends on the objective (measured, see ARCHITECTURE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairSet {
    /// The belligerent pair and the pair of the other two parties.
    Disjoint,
    /// Every pair.
    All,
}

/// The package space around a current package: every option of every issue (numeric issues
/// through their documented reference points), plus the current amount where the package holds
/// one, with each candidate's contribution to each party and the red lines it crosses.
#[derive(Debug, Clone)]
pub struct Space {
    pub parties: usize,
    pub candidates: Vec<Vec<Choice>>,
    /// `[issue][candidate][party]`, units.
    pub value: Vec<Vec<Vec<i64>>>,
    /// `[issue][candidate]`: bit `k` set when it crosses red line `red_lines[k]`.
    pub crosses: Vec<Vec<u64>>,
    /// `(party, index in the party's red_lines)` for each bit.
    pub red_lines: Vec<(usize, usize)>,
    /// Party reservation values, units.
    pub reservation: Vec<i64>,
    /// The current package's candidate index per issue.
    pub current: Vec<usize>,
}

impl Space {
    pub fn new(scenario: &Scenario, package: &Package) -> Space {
        let parties = scenario.parties.len();
        let red_lines: Vec<(usize, usize)> = scenario
            .parties
            .iter()
            .enumerate()
            .flat_map(|(party, spec)| (0..spec.red_lines.len()).map(move |line| (party, line)))
            .take(64)
            .collect();
        let mut candidates = Vec::with_capacity(scenario.issues.len());
        let mut current = Vec::with_capacity(scenario.issues.len());
        for (issue, spec) in scenario.issues.iter().enumerate() {
            let mut list: Vec<Choice> = (0..spec.options.len()).map(Choice::Option).collect();
            let choice = package.choice(issue);
            let index = match choice {
                Choice::Option(option) => option,
                Choice::Amount(_) => {
                    list.push(choice);
                    list.len() - 1
                }
            };
            candidates.push(list);
            current.push(index);
        }
        let value = candidates
            .iter()
            .enumerate()
            .map(|(issue, list)| {
                list.iter()
                    .map(|&choice| {
                        (0..parties)
                            .map(|party| scenario.contribution_units(party, issue, choice))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let crosses = candidates
            .iter()
            .enumerate()
            .map(|(issue, list)| {
                list.iter()
                    .map(|&choice| {
                        red_lines
                            .iter()
                            .enumerate()
                            .filter(|(_, (party, line))| {
                                scenario.crosses(*party, *line, issue, choice)
                            })
                            .fold(0u64, |mask, (bit, _)| mask | (1 << bit))
                    })
                    .collect()
            })
            .collect();
        let reservation = (0..parties)
            .map(|party| scenario.reservation_units(party))
            .collect();
        Space {
            parties,
            candidates,
            value,
            crosses,
            red_lines,
            reservation,
            current,
        }
    }

    pub fn issues(&self) -> usize {
        self.candidates.len()
    }

    /// Bit mask of the red lines of `parties` (a party mask).
    pub fn red_line_mask(&self, parties: u32) -> u64 {
        self.red_lines
            .iter()
            .enumerate()
            .filter(|(_, (party, _))| parties & (1 << party) != 0)
            .fold(0, |mask, (bit, _)| mask | (1 << bit))
    }

    /// Values (units) of a choice of candidates.
    pub fn values_of(&self, picks: &[usize]) -> Vec<i64> {
        let mut values = vec![0; self.parties];
        for (issue, &pick) in picks.iter().enumerate() {
            for (party, value) in values.iter_mut().enumerate() {
                *value += self.value[issue][pick][party];
            }
        }
        values
    }

    /// Red lines crossed by a choice of candidates.
    pub fn crossed_by(&self, picks: &[usize]) -> u64 {
        picks
            .iter()
            .enumerate()
            .fold(0, |mask, (issue, &pick)| mask | self.crosses[issue][pick])
    }

    /// Turns candidate picks into a package of `scenario`.
    pub fn package(&self, scenario: &Scenario, base: &Package, picks: &[usize]) -> Package {
        let mut package = base.clone();
        for (issue, &pick) in picks.iter().enumerate() {
            package = match self.candidates[issue][pick] {
                Choice::Option(option) => scenario.with_option(&package, issue, option),
                Choice::Amount(amount) => scenario.with_amount(&package, issue, amount),
            }
            .expect("candidates are valid choices");
        }
        package
    }
}

/// What a branch and bound sees at a node: the values so far (the current pick included), an
/// optimistic value per party for the rest, the cost so far, and the exact frontier of the
/// belligerent pair over the remaining issues, which bounds their conflict tightly.
pub struct Node<'n> {
    /// `partial + independent maximum over the remaining issues`, per party.
    pub upper: &'n [i64],
    /// `partial + independent minimum over the remaining issues`, per party.
    pub lower: &'n [i64],
    pub partial: &'n [i64],
    pub cost: i64,
    /// How many issues (in the search's order) are decided.
    pub depth: usize,
    /// Every pair of parties (up to `MAX_PAIRS`), the belligerent pair first.
    pub pairs: [Option<PairView<'n>>; MAX_PAIRS],
}

/// The non-dominated `(first, second)` sums reachable over the remaining issues, sorted by
/// `first` ascending (so `second` descending).
#[derive(Clone, Copy)]
pub struct PairView<'n> {
    pub first: usize,
    pub second: usize,
    pub points: &'n [(i64, i64)],
    /// The upper concave hull of `points` (sorted by `first`).
    pub hull: &'n [(i64, i64)],
}

impl PairView<'_> {
    /// `max over the pair frontier of min(x + a, y + b)`: the best smallest of two gains.
    pub fn max_min(&self, x: i64, y: i64) -> i64 {
        let index = self.points.partition_point(|&(a, b)| x + a < y + b);
        let mut best = i64::MIN;
        if let Some(&(_, b)) = self.points.get(index) {
            best = best.max(y + b);
        }
        if index > 0 {
            best = best.max(x + self.points[index - 1].0);
        }
        best
    }

    /// Like `max_min`, for shares `(x + a) / rx` and `(y + b) / ry` (rx, ry > 0).
    pub fn max_min_share(&self, x: i64, y: i64, rx: i64, ry: i64) -> Ratio {
        let share = |gain: i64, room: i64| Ratio {
            numerator: gain.clamp(-room, room),
            denominator: room,
        };
        let index = self.points.partition_point(|&(a, b)| {
            i128::from(x + a) * i128::from(ry) < i128::from(y + b) * i128::from(rx)
        });
        let mut best: Option<Ratio> = None;
        if let Some(&(_, b)) = self.points.get(index) {
            best = Some(share(y + b, ry));
        }
        if index > 0 {
            let candidate = share(x + self.points[index - 1].0, rx);
            best = Some(best.map_or(candidate, |current| current.max(candidate)));
        }
        best.unwrap_or(Ratio {
            numerator: -1,
            denominator: 1,
        })
    }

    /// The most `second` can add while `first` adds at least `need`.
    pub fn best_second_given_first(&self, need: i64) -> Option<i64> {
        let index = self.points.partition_point(|&(a, _)| a < need);
        self.points.get(index).map(|&(_, b)| b)
    }

    /// The most `first` can add while `second` adds at least `need`.
    pub fn best_first_given_second(&self, need: i64) -> Option<i64> {
        let index = self.points.partition_point(|&(_, b)| b >= need);
        index.checked_sub(1).map(|last| self.points[last].0)
    }

    /// An upper bound on `max (x + a)(y + b)` over the frontier with both factors ≥ 0, from
    /// its concave hull (each hull segment maximised in closed form); `None` if no point has
    /// both factors ≥ 0 even on the hull.
    pub fn max_product(&self, x: i64, y: i64) -> Option<i128> {
        let (x, y) = (x as f64, y as f64);
        let mut best: Option<f64> = None;
        let mut consider = |a: f64, b: f64| {
            if x + a >= 0.0 && y + b >= 0.0 {
                let product = (x + a) * (y + b);
                best = Some(best.map_or(product, |current: f64| current.max(product)));
            }
        };
        if let [(a, b)] = self.hull {
            consider(*a as f64, *b as f64);
        }
        for segment in self.hull.windows(2) {
            let (a0, b0) = (segment[0].0 as f64, segment[0].1 as f64);
            let (da, db) = (segment[1].0 as f64 - a0, segment[1].1 as f64 - b0);
            // t in [0, 1] where both factors are non-negative.
            let (mut low, mut high) = (0.0f64, 1.0f64);
            for (base, slope) in [(x + a0, da), (y + b0, db)] {
                if slope > 0.0 {
                    low = low.max(-base / slope);
                } else if slope < 0.0 {
                    high = high.min(-base / slope);
                } else if base < 0.0 {
                    high = -1.0;
                }
            }
            if low > high {
                continue;
            }
            // (x + a0 + t·da)(y + b0 + t·db) is a quadratic in t: check the ends and the vertex.
            let mut at = |t: f64| consider(a0 + t * da, b0 + t * db);
            at(low);
            at(high);
            let curvature = 2.0 * da * db;
            if curvature < 0.0 {
                let vertex = -((x + a0) * db + (y + b0) * da) / curvature;
                if vertex > low && vertex < high {
                    at(vertex);
                }
            }
        }
        // Round up with a margin far above f64 error at these magnitudes (≤ 10^13).
        best.map(|product| (product * (1.0 + 1e-9)).ceil() as i128 + 1)
    }

    /// The most the pair's sum can add.
    pub fn best_sum(&self) -> i64 {
        self.points.iter().map(|&(a, b)| a + b).max().unwrap_or(0)
    }
}

/// What a branch and bound maximises. Keys compare with `Ord`; `None` means infeasible.
pub trait Objective {
    type Key: Ord + Clone;
    /// The key of a complete package with party values `values` (units) and additive cost `cost`.
    fn leaf(&self, values: &[i64], cost: i64) -> Option<Self::Key>;
    /// A key no completion of `node` can beat (costs never decrease). `None` when no
    /// completion can be feasible.
    fn bound(&self, node: &Node) -> Option<Self::Key>;
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct Found<K> {
    /// Best picks found (candidate per issue), with their key and values.
    pub best: Option<(Vec<usize>, K, Vec<i64>)>,
    /// True when the search finished: `best` is optimal, or no feasible package exists.
    pub proven: bool,
    pub nodes: u64,
    /// When not proven: a key no package can beat (the root bound).
    pub bound: Option<K>,
}

/// A branch and bound over the space with per-issue allowed candidates and additive costs.
pub struct Search<'a> {
    space: &'a Space,
    /// Issue visiting order.
    order: Vec<usize>,
    /// `[issue]`: allowed candidates, best-first for the heuristic.
    allowed: Vec<Vec<usize>>,
    /// `[issue][candidate]`: additive cost (≥ 0).
    cost: Vec<Vec<i64>>,
    /// `[depth][party]`: the most the issues from `order[depth]` on can add.
    suffix: Vec<Vec<i64>>,
    /// `[depth][party]`: the least they can add.
    suffix_min: Vec<Vec<i64>>,
    /// Per pair, `[depth]`: the pair frontier of the issues from `order[depth]` on.
    pair_suffix: Vec<Vec<Vec<(i64, i64)>>>,
    /// Per pair, `[depth]`: the upper concave hull of that frontier.
    pair_hull: Vec<Vec<Vec<(i64, i64)>>>,
    pairs: Vec<(usize, usize)>,
    budget: u64,
}

/// Node budget of one search; ample for the full scenario's searches, which need far fewer.
pub const DEFAULT_BUDGET: u64 = 3_000_000;

impl<'a> Search<'a> {
    /// `pair`: the two parties whose joint frontier bounds the search first (the belligerents);
    /// `pair_set`: which other pairs get a frontier.
    /// `forbidden`: red-line bits no pick may cross. `heuristic`: party weights for ordering
    /// candidates (larger first). `cost`: per-candidate cost, or zero; with a cost, the
    /// zero-cost candidates are tried first.
    pub fn new(
        space: &'a Space,
        pair: (usize, usize),
        pair_set: PairSet,
        forbidden: u64,
        heuristic: &[i64],
        cost: Option<Vec<Vec<i64>>>,
        budget: u64,
    ) -> Search<'a> {
        let issues = space.issues();
        let mut allowed: Vec<Vec<usize>> = (0..issues)
            .map(|issue| {
                (0..space.candidates[issue].len())
                    .filter(|&pick| space.crosses[issue][pick] & forbidden == 0)
                    .collect()
            })
            .collect();
        sort_candidates(space, &mut allowed, cost.as_deref(), heuristic);
        // Issues with the widest disagreement first: their choice tightens bounds most.
        let spread = |issue: usize| -> i64 {
            (0..space.parties)
                .map(|party| {
                    let values = allowed[issue]
                        .iter()
                        .map(|&pick| space.value[issue][pick][party]);
                    values.clone().max().unwrap_or(0) - values.min().unwrap_or(0)
                })
                .sum()
        };
        let mut order: Vec<usize> = (0..issues).collect();
        sort_small_by(&mut order, |&a, &b| {
            spread(b).cmp(&spread(a)).then(a.cmp(&b))
        });
        let mut suffix = vec![vec![0; space.parties]; issues + 1];
        let mut suffix_min = vec![vec![0; space.parties]; issues + 1];
        for depth in (0..issues).rev() {
            let issue = order[depth];
            for party in 0..space.parties {
                let values = allowed[issue]
                    .iter()
                    .map(|&pick| space.value[issue][pick][party]);
                suffix[depth][party] =
                    suffix[depth + 1][party] + values.clone().max().unwrap_or(i64::MIN / 4);
                suffix_min[depth][party] = suffix_min[depth + 1][party] + values.min().unwrap_or(0);
            }
        }
        // An exact frontier for every pair of parties, the belligerent pair first: each pair
        // bounds the conflict between its two parties exactly.
        let mut pairs = vec![pair];
        for first in 0..space.parties {
            for second in first + 1..space.parties {
                let disjoint =
                    ![pair.0, pair.1].contains(&first) && ![pair.0, pair.1].contains(&second);
                let wanted = match pair_set {
                    PairSet::All => true,
                    PairSet::Disjoint => disjoint,
                };
                if wanted
                    && (first, second) != pair
                    && (second, first) != pair
                    && pairs.len() < MAX_PAIRS
                {
                    pairs.push((first, second));
                }
            }
        }
        let pair_suffix: Vec<Vec<Vec<(i64, i64)>>> = pairs
            .iter()
            .map(|&(first, second)| {
                let mut suffix = vec![Vec::new(); issues + 1];
                suffix[issues] = vec![(0, 0)];
                for depth in (0..issues).rev() {
                    let issue = order[depth];
                    let mut merged: Vec<(i64, i64)> = Vec::new();
                    for &(a, b) in &suffix[depth + 1] {
                        for &pick in &allowed[issue] {
                            merged.push((
                                a + space.value[issue][pick][first],
                                b + space.value[issue][pick][second],
                            ));
                        }
                    }
                    suffix[depth] = non_dominated(merged);
                }
                suffix
            })
            .collect();
        let pair_hull = pair_suffix
            .iter()
            .map(|suffix: &Vec<Vec<(i64, i64)>>| {
                suffix.iter().map(|points| upper_hull(points)).collect()
            })
            .collect();
        let cost = cost.unwrap_or_else(|| {
            space
                .candidates
                .iter()
                .map(|list| vec![0; list.len()])
                .collect()
        });
        Search {
            space,
            order,
            allowed,
            cost,
            suffix,
            suffix_min,
            pair_suffix,
            pair_hull,
            pairs,
            budget,
        }
    }

    /// Reorders each issue's candidates by `heuristic` (party weights, larger first; the
    /// cheapest still first). Only the order of the search changes, never its result.
    pub fn prefer(&mut self, heuristic: &[i64]) {
        sort_candidates(self.space, &mut self.allowed, Some(&self.cost), heuristic);
    }

    /// The order in which issues are decided.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The candidates allowed on `issue`.
    pub fn allowed(&self, issue: usize) -> &[usize] {
        &self.allowed[issue]
    }

    /// Whether every issue has at least one allowed candidate.
    pub fn possible(&self) -> bool {
        self.allowed.iter().all(|list| !list.is_empty())
    }

    pub fn run<O: Objective>(&self, objective: &O) -> Found<O::Key> {
        self.run_from(objective, None)
    }

    /// Like `run`, starting from a known package (its key is the first incumbent), which lets
    /// the bounds prune from the first node. The result is the same; only the work differs.
    pub fn run_from<O: Objective>(&self, objective: &O, start: Option<&[usize]>) -> Found<O::Key> {
        let issues = self.space.issues();
        let zeros = vec![0; self.space.parties];
        let root_bound = objective.bound(&Node {
            upper: &self.suffix[0],
            lower: &self.suffix_min[0],
            partial: &zeros,
            cost: 0,
            depth: 0,
            pairs: self.pair_views(0),
        });
        let best = start
            .filter(|picks| {
                picks.len() == issues
                    && picks
                        .iter()
                        .enumerate()
                        .all(|(issue, pick)| self.allowed[issue].contains(pick))
            })
            .and_then(|picks| {
                let values = self.space.values_of(picks);
                let cost = picks
                    .iter()
                    .enumerate()
                    .map(|(issue, &pick)| self.cost[issue][pick])
                    .sum();
                objective
                    .leaf(&values, cost)
                    .map(|key| (picks.to_vec(), key, values))
            });
        let mut state = State {
            picks: vec![0; issues],
            values: vec![0; self.space.parties],
            upper: vec![0; self.space.parties],
            lower: vec![0; self.space.parties],
            best,
            nodes: 0,
            aborted: false,
        };
        if self.possible() && root_bound.is_some() {
            self.descend(objective, 0, 0, &mut state);
        }
        let proven = !state.aborted;
        Found {
            best: state.best,
            proven,
            nodes: state.nodes,
            bound: if proven { None } else { root_bound },
        }
    }

    fn pair_views(&self, depth: usize) -> [Option<PairView<'_>>; MAX_PAIRS] {
        std::array::from_fn(|index| {
            self.pairs.get(index).map(|&(first, second)| PairView {
                first,
                second,
                points: &self.pair_suffix[index][depth],
                hull: &self.pair_hull[index][depth],
            })
        })
    }

    fn descend<O: Objective>(
        &self,
        objective: &O,
        depth: usize,
        cost: i64,
        state: &mut State<O::Key>,
    ) {
        if depth == self.order.len() {
            if let Some(key) = objective.leaf(&state.values, cost)
                && state.best.as_ref().is_none_or(|(_, best, _)| key > *best)
            {
                state.best = Some((state.picks.clone(), key, state.values.clone()));
            }
            return;
        }
        let issue = self.order[depth];
        for &pick in &self.allowed[issue] {
            state.nodes += 1;
            if state.nodes > self.budget {
                state.aborted = true;
                return;
            }
            let next_cost = cost + self.cost[issue][pick];
            for party in 0..self.space.parties {
                state.values[party] += self.space.value[issue][pick][party];
                state.upper[party] = state.values[party] + self.suffix[depth + 1][party];
                state.lower[party] = state.values[party] + self.suffix_min[depth + 1][party];
            }
            let bound = objective.bound(&Node {
                upper: &state.upper,
                lower: &state.lower,
                partial: &state.values,
                cost: next_cost,
                depth: depth + 1,
                pairs: self.pair_views(depth + 1),
            });
            if bound.as_ref().is_none_or(|bound| {
                state
                    .best
                    .as_ref()
                    .is_some_and(|(_, best, _)| *bound <= *best)
            }) {
                for party in 0..self.space.parties {
                    state.values[party] -= self.space.value[issue][pick][party];
                }
                continue;
            }
            state.picks[issue] = pick;
            self.descend(objective, depth + 1, next_cost, state);
            for party in 0..self.space.parties {
                state.values[party] -= self.space.value[issue][pick][party];
            }
            if state.aborted {
                return;
            }
        }
    }
}

/// Sorts each issue's candidates: the cheapest first, then by the weighted sum `heuristic`
/// (larger first), then by index.
fn sort_candidates(
    space: &Space,
    allowed: &mut [Vec<usize>],
    cost: Option<&[Vec<i64>]>,
    heuristic: &[i64],
) {
    for (issue, list) in allowed.iter_mut().enumerate() {
        let score = |pick: usize| -> i64 {
            space.value[issue][pick]
                .iter()
                .zip(heuristic)
                .map(|(value, weight)| value * weight)
                .sum()
        };
        let cheap = |pick: usize| cost.map_or(0, |cost| cost[issue][pick]);
        sort_small_by(list, |&a, &b| {
            cheap(a)
                .cmp(&cheap(b))
                .then(score(b).cmp(&score(a)))
                .then(a.cmp(&b))
        });
    }
}

struct State<K> {
    picks: Vec<usize>,
    values: Vec<i64>,
    upper: Vec<i64>,
    lower: Vec<i64>,
    best: Option<(Vec<usize>, K, Vec<i64>)>,
    nodes: u64,
    aborted: bool,
}

/// A non-negative rational `numerator / denominator` (denominator > 0), ordered exactly.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for Ratio {}
impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (i128::from(self.numerator) * i128::from(other.denominator))
            .cmp(&(i128::from(other.numerator) * i128::from(self.denominator)))
    }
}

impl Ratio {
    pub fn value(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }
}

/// The upper concave hull of frontier points sorted by the first coordinate ascending.
fn upper_hull(points: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut hull: Vec<(i64, i64)> = Vec::with_capacity(points.len().min(64));
    for &point in points {
        while hull.len() >= 2 {
            let (o, a) = (hull[hull.len() - 2], hull[hull.len() - 1]);
            // Drop `a` if it lies on or below the segment from `o` to `point`.
            let cross = i128::from(a.0 - o.0) * i128::from(point.1 - o.1)
                - i128::from(a.1 - o.1) * i128::from(point.0 - o.0);
            if cross >= 0 {
                hull.pop();
            } else {
                break;
            }
        }
        hull.push(point);
    }
    hull
}

/// The non-dominated points of `points`, sorted by the first coordinate ascending.
fn non_dominated(mut points: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    // Ascending, then read backwards: first descending, ties by second descending.
    points.sort_unstable();
    let mut kept = Vec::with_capacity(points.len() / 4 + 1);
    let mut best_second = i64::MIN;
    for point in points.into_iter().rev() {
        if point.1 > best_second {
            best_second = point.1;
            kept.push(point);
        }
    }
    kept.reverse();
    kept
}

/// One point of a two-party frontier, with the picks that reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontierPoint {
    pub first: i64,
    pub second: i64,
    pub picks: Vec<usize>,
}

/// The exact frontier of party `first`'s value against party `second`'s over every package
/// whose picks avoid `forbidden` red lines: the packages no other package beats on both.
/// Sorted by `first` ascending (so `second` descending). Dynamic programming over issues,
/// keeping only non-dominated partial sums at each stage.
pub fn frontier(space: &Space, first: usize, second: usize, forbidden: u64) -> Vec<FrontierPoint> {
    // Each stage keeps (first, second, back-pointer into the previous stage, candidate).
    let mut stages: Vec<Vec<(i64, i64, u32, u32)>> = Vec::with_capacity(space.issues());
    let mut current: Vec<(i64, i64, u32, u32)> = vec![(0, 0, 0, 0)];
    for issue in 0..space.issues() {
        let mut merged: Vec<(i64, i64, u32, u32)> =
            Vec::with_capacity(current.len() * space.candidates[issue].len());
        for (index, &(a, b, _, _)) in current.iter().enumerate() {
            for pick in 0..space.candidates[issue].len() {
                if space.crosses[issue][pick] & forbidden != 0 {
                    continue;
                }
                merged.push((
                    a + space.value[issue][pick][first],
                    b + space.value[issue][pick][second],
                    index as u32,
                    pick as u32,
                ));
            }
        }
        // Non-dominated filter: by first descending (ties: second descending), keep a point
        // only if its second beats every point with a larger-or-equal first.
        merged.sort_unstable();
        let mut kept = Vec::with_capacity(merged.len());
        let mut best_second = i64::MIN;
        for point in merged.into_iter().rev() {
            if point.1 > best_second {
                best_second = point.1;
                kept.push(point);
            }
        }
        stages.push(std::mem::replace(&mut current, kept));
    }
    stages.push(current);
    // stages[0] is the seed; stages[k + 1] holds the points after issue k.
    let last = stages.len() - 1;
    let mut points: Vec<FrontierPoint> = stages[last]
        .iter()
        .map(|&(a, b, back, pick)| {
            let mut picks = vec![0usize; space.issues()];
            let mut back = back;
            picks[last - 1] = pick as usize;
            for stage in (1..last).rev() {
                let (_, _, previous_back, previous_pick) = stages[stage][back as usize];
                picks[stage - 1] = previous_pick as usize;
                back = previous_back;
            }
            FrontierPoint {
                first: a,
                second: b,
                picks,
            }
        })
        .collect();
    points.reverse();
    points
}
