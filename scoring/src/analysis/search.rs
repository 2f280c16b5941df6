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

/// Which pair frontiers a search builds: `first` (the belligerents) bounds first, `set` says
/// which other pairs join, and only pairs within `members` (a party mask: the parties the
/// objective reads) are built, since a frontier of a party the objective ignores bounds nothing.
#[derive(Debug, Clone, Copy)]
pub struct Pairs {
    pub first: (usize, usize),
    pub set: PairSet,
    pub members: u32,
}

/// How many amounts a top-level group of a numeric issue covers at most. A group's
/// optimistic value is each party's best over its amounts, so smaller groups bound the
/// undecided issues more tightly, with more candidates. With the amounts decided last, 4, 8
/// and 16 measured the same (the four-party references 43.6, 43.8 and 43.4 ms).
const GROUP: usize = 8;

/// The package space around a current package: every option of every issue, the current
/// amount where the package holds one, and every other amount the scale allows on its step
/// grid, so that every optimum is exact over every amount.
///
/// Candidates `0..candidates[issue].len()` are real choices: first the `base` ones (the
/// options and the current amount), then the other amounts in ascending order. Indices from
/// `candidates[issue].len()` on are [`Group`]s of consecutive amounts: a search tries a
/// group's optimistic value first and opens it only where that value is not pruned.
#[derive(Debug, Clone)]
pub struct Space {
    pub parties: usize,
    pub candidates: Vec<Vec<Choice>>,
    /// `[issue]`: how many of its candidates are options or the current amount.
    pub base: Vec<usize>,
    /// `[issue][candidate][party]`, units; for a group, the most any of its amounts gives.
    pub value: Vec<Vec<Vec<i64>>>,
    /// `[issue][candidate]`: bit `k` set when it crosses red line `red_lines[k]` (a group's
    /// amounts all cross the same lines).
    pub crosses: Vec<Vec<u64>>,
    /// `[issue][candidate − candidates[issue].len()]`.
    pub groups: Vec<Vec<Group>>,
    /// `[issue]`: the candidates that together stand for every amount outside the base (groups,
    /// or single amounts), each within one piece of the scale's linear interpolation.
    pub roots: Vec<Vec<usize>>,
    /// `(party, index in the party's red_lines)` for each bit.
    pub red_lines: Vec<(usize, usize)>,
    /// Party reservation values, units.
    pub reservation: Vec<i64>,
    /// The current package's candidate index per issue.
    pub current: Vec<usize>,
}

/// Consecutive amounts of one numeric issue between two base amounts, crossing the same red
/// lines: the middle amount, and the lower and upper rest (each a group or a single amount).
#[derive(Debug, Clone)]
pub struct Group {
    pub middle: usize,
    pub parts: Vec<usize>,
    /// The lowest and the highest amount: values are linear between them before rounding,
    /// so a weighted sum is largest at one of them (to within a unit per party).
    pub ends: [usize; 2],
    /// `[party]`: the least any amount of the group gives.
    pub floor: Vec<i64>,
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
        let crossing = |issue: usize, choice: Choice| -> u64 {
            red_lines
                .iter()
                .enumerate()
                .filter(|(_, (party, line))| scenario.crosses(*party, *line, issue, choice))
                .fold(0u64, |mask, (bit, _)| mask | (1 << bit))
        };
        let mut space = Space {
            parties,
            candidates: Vec::with_capacity(scenario.issues.len()),
            base: Vec::with_capacity(scenario.issues.len()),
            value: Vec::with_capacity(scenario.issues.len()),
            crosses: Vec::with_capacity(scenario.issues.len()),
            groups: Vec::with_capacity(scenario.issues.len()),
            roots: Vec::with_capacity(scenario.issues.len()),
            red_lines: Vec::new(),
            reservation: (0..parties)
                .map(|party| scenario.reservation_units(party))
                .collect(),
            current: Vec::with_capacity(scenario.issues.len()),
        };
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
            let base = list.len();
            // Every other amount on the step grid, in ascending order.
            let mut runs: Vec<Vec<usize>> = Vec::new();
            if let Some(scale) = &spec.scale {
                let taken = |amount: i64| {
                    choice == Choice::Amount(amount)
                        || scale.points.iter().any(|&(at, _)| at == amount)
                };
                let mut previous: Option<u64> = None;
                let mut amount = scale.min;
                while amount <= scale.max {
                    if taken(amount) {
                        previous = None;
                    } else {
                        let mask = crossing(issue, Choice::Amount(amount));
                        if previous != Some(mask) {
                            runs.push(Vec::new());
                        }
                        previous = Some(mask);
                        runs.last_mut().expect("pushed above").push(list.len());
                        list.push(Choice::Amount(amount));
                    }
                    amount += scale.step;
                }
            }
            let mut value: Vec<Vec<i64>> = list
                .iter()
                .map(|&choice| {
                    (0..parties)
                        .map(|party| scenario.contribution_units(party, issue, choice))
                        .collect()
                })
                .collect();
            let mut crosses: Vec<u64> =
                list.iter().map(|&choice| crossing(issue, choice)).collect();
            let mut groups = Vec::new();
            let mut roots = Vec::new();
            for run in &runs {
                for chunk in run.chunks(GROUP) {
                    roots.push(group_of(
                        chunk,
                        list.len(),
                        &mut value,
                        &mut crosses,
                        &mut groups,
                    ));
                }
            }
            space.candidates.push(list);
            space.base.push(base);
            space.value.push(value);
            space.crosses.push(crosses);
            space.groups.push(groups);
            space.roots.push(roots);
            space.current.push(index);
        }
        space.red_lines = red_lines;
        space
    }

    /// The group a candidate stands for, if it is one.
    pub fn group(&self, issue: usize, pick: usize) -> Option<&Group> {
        pick.checked_sub(self.candidates[issue].len())
            .map(|index| &self.groups[issue][index])
    }

    /// The least `pick` gives `party` (its value, or a group's floor).
    pub fn floor(&self, issue: usize, pick: usize, party: usize) -> i64 {
        self.group(issue, pick)
            .map_or(self.value[issue][pick][party], |group| group.floor[party])
    }

    /// The real candidates among which a weighted sum over `pick` is largest (to within a
    /// unit per party): the candidate itself, or a group's two ends.
    pub fn extremes(&self, issue: usize, pick: usize) -> [usize; 2] {
        self.group(issue, pick)
            .map_or([pick, pick], |group| group.ends)
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

/// Builds the group (or the single amount) standing for `chunk`, consecutive amount candidates
/// of one issue whose real candidates number `real`; returns its candidate index.
fn group_of(
    chunk: &[usize],
    real: usize,
    value: &mut Vec<Vec<i64>>,
    crosses: &mut Vec<u64>,
    groups: &mut Vec<Group>,
) -> usize {
    if let [single] = chunk {
        return *single;
    }
    let half = chunk.len() / 2;
    let middle = chunk[half];
    let parts: Vec<usize> = [&chunk[..half], &chunk[half + 1..]]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(|part| group_of(part, real, value, crosses, groups))
        .collect();
    let members = chunk;
    let parties = value[middle].len();
    let best = (0..parties)
        .map(|party| {
            members
                .iter()
                .map(|&pick| value[pick][party])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let floor = (0..parties)
        .map(|party| {
            members
                .iter()
                .map(|&pick| value[pick][party])
                .min()
                .unwrap_or(0)
        })
        .collect();
    value.push(best);
    crosses.push(crosses[middle]);
    groups.push(Group {
        middle,
        parts,
        ends: [chunk[0], chunk[chunk.len() - 1]],
        floor,
    });
    real + groups.len() - 1
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
    /// Red-line bits no pick may cross.
    forbidden: u64,
    /// Party weights ordering candidates (see [`Search::prefer`]).
    heuristic: Vec<i64>,
}

/// Node budget of one search; ample for the full scenario's searches, which need far fewer.
pub const DEFAULT_BUDGET: u64 = 3_000_000;

impl<'a> Search<'a> {
    /// `pairs`: which pair frontiers bound the search (see [`Pairs`]).
    /// `forbidden`: red-line bits no pick may cross. `heuristic`: party weights for ordering
    /// candidates (larger first). `cost`: per-candidate cost, or zero; with a cost, the
    /// zero-cost candidates are tried first.
    pub fn new(
        space: &'a Space,
        pairs: Pairs,
        forbidden: u64,
        heuristic: &[i64],
        cost: Option<Vec<Vec<i64>>>,
        budget: u64,
    ) -> Search<'a> {
        let issues = space.issues();
        let mut allowed: Vec<Vec<usize>> = (0..issues)
            .map(|issue| {
                (0..space.base[issue])
                    .chain(space.roots[issue].iter().copied())
                    .filter(|&pick| space.crosses[issue][pick] & forbidden == 0)
                    .collect()
            })
            .collect();
        sort_candidates(space, &mut allowed, cost.as_deref(), heuristic);
        // Issues with the widest disagreement first: their choice tightens bounds most. Issues
        // with amounts last, measured: deciding them first leaves their many amounts at the
        // top of the tree (the four-party references took 4.5 s), and in between they cost
        // three times the time of last (151 against 44 ms).
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
            let amounts = |issue: usize| !space.roots[issue].is_empty();
            amounts(a)
                .cmp(&amounts(b))
                .then(spread(b).cmp(&spread(a)))
                .then(a.cmp(&b))
        });
        let mut suffix = vec![vec![0; space.parties]; issues + 1];
        let mut suffix_min = vec![vec![0; space.parties]; issues + 1];
        for depth in (0..issues).rev() {
            let issue = order[depth];
            for party in 0..space.parties {
                let values = allowed[issue]
                    .iter()
                    .map(|&pick| space.value[issue][pick][party]);
                let floors = allowed[issue]
                    .iter()
                    .map(|&pick| space.floor(issue, pick, party));
                suffix[depth][party] =
                    suffix[depth + 1][party] + values.max().unwrap_or(i64::MIN / 4);
                suffix_min[depth][party] = suffix_min[depth + 1][party] + floors.min().unwrap_or(0);
            }
        }
        // An exact frontier for every pair of parties, the belligerent pair first: each pair
        // bounds the conflict between its two parties exactly.
        let Pairs {
            first: pair,
            set: pair_set,
            members,
        } = pairs;
        let within = |(first, second): (usize, usize)| {
            members & (1 << first) != 0 && members & (1 << second) != 0
        };
        let mut pairs: Vec<(usize, usize)> =
            [pair].into_iter().filter(|&pair| within(pair)).collect();
        for first in 0..space.parties {
            for second in first + 1..space.parties {
                let disjoint =
                    ![pair.0, pair.1].contains(&first) && ![pair.0, pair.1].contains(&second);
                let wanted = match pair_set {
                    PairSet::All => true,
                    PairSet::Disjoint => disjoint,
                };
                if wanted
                    && within((first, second))
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
                    // Stages are kept ascending; merged descending (see `frontier`).
                    let mut kept: Vec<(i64, i64, u32, u32)> = Vec::new();
                    let mut spare = Vec::new();
                    for &pick in &allowed[issue] {
                        let (add_first, add_second) = (
                            space.value[issue][pick][first],
                            space.value[issue][pick][second],
                        );
                        let shifted = suffix[depth + 1]
                            .iter()
                            .rev()
                            .map(|&(a, b)| (a + add_first, b + add_second, 0, 0));
                        let merged =
                            merge_non_dominated(&kept, shifted, std::mem::take(&mut spare));
                        spare = std::mem::replace(&mut kept, merged);
                    }
                    suffix[depth] = kept.iter().rev().map(|&(a, b, _, _)| (a, b)).collect();
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
        let cost =
            cost.unwrap_or_else(|| space.value.iter().map(|list| vec![0; list.len()]).collect());
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
            forbidden,
            heuristic: heuristic.to_vec(),
        }
    }

    /// Reorders each issue's candidates by `heuristic` (party weights, larger first; the
    /// cheapest still first). Only the order of the search changes, never its result.
    pub fn prefer(&mut self, heuristic: &[i64]) {
        sort_candidates(self.space, &mut self.allowed, Some(&self.cost), heuristic);
        self.heuristic = heuristic.to_vec();
    }

    /// The order in which issues are decided.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The candidates allowed on `issue` (groups stand for their amounts).
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
                    && picks.iter().enumerate().all(|(issue, &pick)| {
                        pick < self.space.candidates[issue].len()
                            && self.space.crosses[issue][pick] & self.forbidden == 0
                    })
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
            self.visit(objective, depth, issue, pick, cost, state);
            if state.aborted {
                return;
            }
        }
    }

    /// Tries `pick` on `issue` at `depth`: a real candidate is descended into unless its bound
    /// prunes it; a group is bounded with the most each party gets from any of its amounts
    /// (and the least, for the lower values), and only opened if that bound does not prune.
    fn visit<O: Objective>(
        &self,
        objective: &O,
        depth: usize,
        issue: usize,
        pick: usize,
        cost: i64,
        state: &mut State<O::Key>,
    ) {
        state.nodes += 1;
        if state.nodes > self.budget {
            state.aborted = true;
            return;
        }
        let group = self.space.group(issue, pick);
        let next_cost = cost + self.cost[issue][pick];
        for party in 0..self.space.parties {
            let value = self.space.value[issue][pick][party];
            let floor = group.map_or(value, |group| group.floor[party]);
            state.values[party] += value;
            state.upper[party] = state.values[party] + self.suffix[depth + 1][party];
            state.lower[party] =
                state.values[party] - value + floor + self.suffix_min[depth + 1][party];
        }
        let bound = objective.bound(&Node {
            upper: &state.upper,
            lower: &state.lower,
            partial: &state.values,
            cost: next_cost,
            depth: depth + 1,
            pairs: self.pair_views(depth + 1),
        });
        let pruned = bound.as_ref().is_none_or(|bound| {
            state
                .best
                .as_ref()
                .is_some_and(|(_, best, _)| *bound <= *best)
        });
        if !pruned && group.is_none() {
            state.picks[issue] = pick;
            self.descend(objective, depth + 1, next_cost, state);
        }
        for party in 0..self.space.parties {
            state.values[party] -= self.space.value[issue][pick][party];
        }
        if let (false, Some(group)) = (pruned, group) {
            let mut parts: Vec<usize> = Vec::with_capacity(3);
            parts.push(group.middle);
            parts.extend(&group.parts);
            sort_picks(
                self.space,
                issue,
                &mut parts,
                &self.cost[issue],
                &self.heuristic,
            );
            for part in parts {
                if state.aborted {
                    return;
                }
                self.visit(objective, depth, issue, part, cost, state);
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
        let zero;
        let cost = match cost {
            Some(cost) => &cost[issue],
            None => {
                zero = vec![0; space.value[issue].len()];
                &zero
            }
        };
        sort_picks(space, issue, list, cost, heuristic);
    }
}

/// Sorts one issue's candidates as [`sort_candidates`] does.
fn sort_picks(space: &Space, issue: usize, list: &mut [usize], cost: &[i64], heuristic: &[i64]) {
    let score = |pick: usize| -> i64 {
        space.value[issue][pick]
            .iter()
            .zip(heuristic)
            .map(|(value, weight)| value * weight)
            .sum()
    };
    sort_small_by(list, |&a, &b| {
        cost[a]
            .cmp(&cost[b])
            .then(score(b).cmp(&score(a)))
            .then(a.cmp(&b))
    });
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

/// The non-dominated points of two lists sorted descending, sorted descending.
/// `spare` is reused as the output's buffer (one allocation per stage, not per candidate).
fn merge_non_dominated(
    one: &[(i64, i64, u32, u32)],
    other: impl Iterator<Item = (i64, i64, u32, u32)>,
    mut merged: Vec<(i64, i64, u32, u32)>,
) -> Vec<(i64, i64, u32, u32)> {
    merged.clear();
    let mut other = other.peekable();
    let mut index = 0;
    let mut best_second = i64::MIN;
    loop {
        let next = match (one.get(index), other.peek()) {
            (Some(&a), Some(&b)) if a >= b => {
                index += 1;
                a
            }
            (_, Some(_)) => other.next().expect("peeked"),
            (Some(&a), None) => {
                index += 1;
                a
            }
            (None, None) => break,
        };
        if next.1 > best_second {
            best_second = next.1;
            merged.push(next);
        }
    }
    merged
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
    // Issues with many amounts last: the sets in between stay small longer.
    let mut order: Vec<usize> = (0..space.issues()).collect();
    sort_small_by(&mut order, |&a, &b| {
        space.candidates[b].len().cmp(&space.candidates[a].len())
    });
    for &issue in &order {
        // Each stage is non-dominated and sorted descending (by first, then the tuple): each
        // candidate's shifted copy is too, so one linear merge per candidate keeps the stage,
        // keeping a point only if its second beats every point with a larger-or-equal first.
        let mut kept: Vec<(i64, i64, u32, u32)> = Vec::new();
        let mut spare = Vec::new();
        for pick in 0..space.candidates[issue].len() {
            if space.crosses[issue][pick] & forbidden != 0 {
                continue;
            }
            let (add_first, add_second) = (
                space.value[issue][pick][first],
                space.value[issue][pick][second],
            );
            let shifted = current.iter().enumerate().map(|(index, &(a, b, _, _))| {
                (a + add_first, b + add_second, index as u32, pick as u32)
            });
            let merged = merge_non_dominated(&kept, shifted, std::mem::take(&mut spare));
            spare = std::mem::replace(&mut kept, merged);
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
            picks[order[last - 1]] = pick as usize;
            for stage in (1..last).rev() {
                let (_, _, previous_back, previous_pick) = stages[stage][back as usize];
                picks[order[stage - 1]] = previous_pick as usize;
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
