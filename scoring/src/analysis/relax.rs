//! Bounds from weighted sums, which separate by issue: the tangent plane of the Nash product
//! and the Lagrangian dual of the smallest gain. Unlike the pair frontiers, they see how all
//! members are coupled through the issues they share.

use super::search::{Node, Search, Space};

/// For one weight per member, the most `Σ w_i v_i` can add over the issues from each depth on
/// (in the search's order, over its allowed candidates).
struct Weighted {
    members: Vec<usize>,
    weights: Vec<f64>,
    /// `[depth]`.
    suffix: Vec<f64>,
}

impl Weighted {
    fn new(search: &Search, space: &Space, members: &[usize], weights: Vec<f64>) -> Weighted {
        let order = search.order();
        let mut suffix = vec![0.0; order.len() + 1];
        for depth in (0..order.len()).rev() {
            let issue = order[depth];
            let best = search
                .allowed(issue)
                .iter()
                .map(|&pick| weighted_value(space, issue, pick, members, &weights))
                .fold(f64::NEG_INFINITY, f64::max);
            suffix[depth] = suffix[depth + 1] + best;
        }
        Weighted {
            members: members.to_vec(),
            weights,
            suffix,
        }
    }

    /// The most `Σ w_i V_i` can reach below `node`.
    fn reach(&self, node: &Node) -> f64 {
        let decided: f64 = self
            .members
            .iter()
            .zip(&self.weights)
            .map(|(&party, weight)| node.partial[party] as f64 * weight)
            .sum();
        decided + self.suffix[node.depth]
    }
}

/// The most `Σ w_i v_i` can be over `pick` (weights ≥ 0). For a group of amounts it is the
/// better of its two ends plus one unit per unit of weight: values are linear between the
/// ends before rounding, and each rounding moves a value by at most half a unit.
fn weighted_value(
    space: &Space,
    issue: usize,
    pick: usize,
    members: &[usize],
    weights: &[f64],
) -> f64 {
    let exact = |pick: usize| -> f64 {
        members
            .iter()
            .zip(weights)
            .map(|(&party, weight)| space.value[issue][pick][party] as f64 * weight)
            .sum()
    };
    match space.group(issue, pick) {
        None => exact(pick),
        Some(group) => {
            let [low, high] = group.ends;
            exact(low).max(exact(high)) + weights.iter().map(|weight| weight.abs()).sum::<f64>()
        }
    }
}

/// Each member's total value in the package that maximises `Σ w_i V_i` (ties: first allowed).
fn heaviest(search: &Search, space: &Space, members: &[usize], weights: &[f64]) -> Vec<f64> {
    let mut totals = vec![0.0; members.len()];
    for &issue in search.order() {
        let mut best: Option<(usize, f64)> = None;
        for &allowed in search.allowed(issue) {
            for pick in space.extremes(issue, allowed) {
                let value = weighted_value(space, issue, pick, members, weights);
                if best.is_none_or(|(_, top)| value > top) {
                    best = Some((pick, value));
                }
            }
        }
        if let Some((pick, _)) = best {
            for (total, &party) in totals.iter_mut().zip(members) {
                *total += space.value[issue][pick][party] as f64;
            }
        }
    }
    totals
}

/// How much extra weight [`Dual::favouring`] gives its party, as a share of the total. Tuned on
/// the full scenario's ideal-point searches (0.1: 4,237 nodes, 0.3: 2,055, 0.5: 2,480,
/// 1.0: 4,009, 3.0: 6,212); it changes only the order of the search, never its result.
const FAVOUR: f64 = 0.5;

/// Party weights for [`Search::prefer`] from weights per member: the candidates the weighted
/// sum favours are tried first.
pub fn preference(members: &[usize], weights: &[f64], parties: usize) -> Vec<i64> {
    let largest = weights.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
    let mut heuristic = vec![0; parties];
    for (&party, weight) in members.iter().zip(weights) {
        heuristic[party] = (weight / largest * 1e6).round() as i64;
    }
    heuristic
}

/// Steps of the iterative searches for good weights; each is one pass over the candidates.
const STEPS: usize = 200;

/// An upper bound on the Nash product `Π g_i` (`g_i = V_i − d_i`). For any `c > 0`,
/// `ln g ≤ ln c + g/c − 1`, so `Σ ln g_i ≤ Σ (ln c_i − 1) + Σ g_i / c_i`, and the most
/// `Σ g_i / c_i` can reach is a weighted sum. At the continuous Nash optimum over the convex
/// hull of gain vectors no hull point has `Σ g_i / c_i` above the member count, so with `c`
/// there the bound is nearly tight; Frank–Wolfe finds that point.
pub struct Tangent {
    weighted: Weighted,
    /// `Σ (ln c_i − 1 − d_i / c_i)`.
    constant: f64,
}

impl Tangent {
    /// The weights `1 / c_i` of the tangent point, found from `start` (the gains of some
    /// package in the zone, per member); `reservation` per party.
    pub fn weights(
        search: &Search,
        space: &Space,
        members: &[usize],
        reservation: &[i64],
        start: &[i64],
    ) -> Vec<f64> {
        let mut point: Vec<f64> = start.iter().map(|&gain| gain.max(1) as f64).collect();
        for step in 0..STEPS {
            let weights: Vec<f64> = point.iter().map(|gain| 1.0 / gain).collect();
            let target: Vec<f64> = heaviest(search, space, members, &weights)
                .iter()
                .zip(members)
                .map(|(total, &party)| total - reservation[party] as f64)
                .collect();
            // The Frank–Wolfe gap: how far the bound can still fall.
            let gap: f64 = target.iter().zip(&point).map(|(t, g)| (t - g) / g).sum();
            if gap < 1e-6 {
                break;
            }
            let rate = 2.0 / (step as f64 + 2.0);
            for (gain, target) in point.iter_mut().zip(&target) {
                *gain = (*gain + rate * (target - *gain)).max(1.0);
            }
        }
        point.iter().map(|gain| 1.0 / gain).collect()
    }

    /// The bound for the tangent with `weights` (see [`Tangent::weights`]).
    pub fn new(
        search: &Search,
        space: &Space,
        members: &[usize],
        reservation: &[i64],
        weights: Vec<f64>,
    ) -> Tangent {
        let constant = members
            .iter()
            .zip(&weights)
            .map(|(&party, weight)| -weight.ln() - 1.0 - reservation[party] as f64 * weight)
            .sum();
        Tangent {
            weighted: Weighted::new(search, space, members, weights),
            constant,
        }
    }

    /// An upper bound on the product below `node`; `None` when it exceeds `i128`'s range.
    pub fn bound(&self, node: &Node) -> Option<i128> {
        let log = self.constant + self.weighted.reach(node);
        // The margin is far above the f64 rounding of these sums (terms ≤ 10^7).
        (log < 85.0).then(|| ((log + 1e-7).exp().ceil() as i128).saturating_add(1).max(0))
    }
}

/// An upper bound on `min_i s_i (V_i − o_i)` over members (scales `s_i > 0`): for weights
/// `λ` on the simplex the smallest term is at most `Σ λ_i s_i (V_i − o_i)`, a weighted sum.
/// Mirror descent looks for the `λ` with the lowest such bound at the root (the linear
/// programme's dual); any `λ` is valid.
pub struct Dual {
    weighted: Weighted,
    /// `−Σ λ_i s_i o_i`.
    constant: f64,
}

impl Dual {
    /// The weights `λ_i s_i` with the lowest bound found at the root; `offset` per party,
    /// `scale` per member.
    pub fn weights(
        search: &Search,
        space: &Space,
        members: &[usize],
        offset: &[i64],
        scale: &[f64],
    ) -> Vec<f64> {
        let count = members.len().max(1);
        let mut lambda = vec![1.0 / count as f64; members.len()];
        let mut best = (f64::INFINITY, lambda.clone());
        for step in 0..STEPS {
            let weights: Vec<f64> = lambda.iter().zip(scale).map(|(l, s)| l * s).collect();
            let terms: Vec<f64> = heaviest(search, space, members, &weights)
                .iter()
                .zip(members)
                .zip(scale)
                .map(|((total, &party), s)| s * (total - offset[party] as f64))
                .collect();
            let dual: f64 = lambda.iter().zip(&terms).map(|(l, t)| l * t).sum();
            if dual < best.0 {
                best = (dual, lambda.clone());
            }
            let (low, high) = terms
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), &t| {
                    (low.min(t), high.max(t))
                });
            if high - low <= 0.0 {
                break;
            }
            // Members the weighted optimum already serves well lose weight.
            let rate = 2.0 / ((step + 1) as f64).sqrt();
            for (weight, term) in lambda.iter_mut().zip(&terms) {
                *weight = (*weight * (-rate * (term - low) / (high - low)).exp()).max(1e-12);
            }
            let total: f64 = lambda.iter().sum();
            lambda.iter_mut().for_each(|weight| *weight /= total);
        }
        best.1.iter().zip(scale).map(|(l, s)| l * s).collect()
    }

    /// The bound for `weights` (see [`Dual::weights`]); `offset` per party.
    pub fn new(
        search: &Search,
        space: &Space,
        members: &[usize],
        offset: &[i64],
        weights: Vec<f64>,
    ) -> Dual {
        let constant = -members
            .iter()
            .zip(&weights)
            .map(|(&party, weight)| offset[party] as f64 * weight)
            .sum::<f64>();
        Dual {
            weighted: Weighted::new(search, space, members, weights),
            constant,
        }
    }

    /// Party weights for [`Search::prefer`] that favour `party` while keeping the others in
    /// view (its own weight plus the sum of all).
    pub fn favouring(&self, party: usize, parties: usize) -> Vec<i64> {
        let mut weights = self.weighted.weights.clone();
        let total: f64 = weights.iter().sum();
        if let Some(slot) = self
            .weighted
            .members
            .iter()
            .position(|&member| member == party)
        {
            weights[slot] += total * FAVOUR;
        }
        preference(&self.weighted.members, &weights, parties)
    }

    /// Party weights for [`Search::prefer`] in the bound's own proportions.
    pub fn preference(&self, parties: usize) -> Vec<i64> {
        preference(&self.weighted.members, &self.weighted.weights, parties)
    }

    /// An upper bound on the smallest scaled gain below `node`, with a margin above rounding.
    pub fn bound(&self, node: &Node) -> f64 {
        let reach = self.constant + self.weighted.reach(node);
        reach + 1e-9 * reach.abs() + 1e-6
    }
}
