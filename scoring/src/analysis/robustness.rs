//! How much the verdict depends on the weights: Monte-Carlo over uncertain weights. Each
//! party's weights are drawn from a Dirichlet distribution centred on its stated weights,
//! `w ~ Dir(κ · w̄)`, with the concentration `κ` set by the user (larger: closer to the stated
//! weights). Issues a party gives no weight stay at zero. The caller passes the seed, so a
//! result is reproducible; the core has no randomness of its own.

use rand_distr::{Distribution, Gamma};
use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::SeedableRng;

use crate::model::Scenario;
use crate::score::{EVEN_BALANCE_POINTS, Package};

/// Bounds on the inputs, so that any request does bounded work.
pub const MAX_SAMPLES: usize = 100_000;
pub const MIN_CONCENTRATION: f64 = 1.0;
pub const MAX_CONCENTRATION: f64 = 10_000.0;

/// The 5th, 50th and 95th percentiles of a quantity, in points.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Band {
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
}

/// How strongly one party's weight on one issue moves the balance: the Pearson correlation
/// between that sampled weight and the balance `B` across samples.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Influence {
    pub party: usize,
    pub issue: usize,
    pub correlation: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Robustness {
    pub samples: usize,
    pub concentration: f64,
    pub seed: u64,
    /// Per party, the band of its concession.
    pub concession: Vec<Band>,
    /// The band of the balance `B = C_first − C_second`.
    pub balance: Band,
    /// Share of samples where the balance tilts toward the first belligerent (`B ≤ −0.5`),
    /// toward the second (`B ≥ 0.5`), or is even.
    pub toward_first: f64,
    pub toward_second: f64,
    pub even: f64,
    /// The weights that move the balance most, strongest first (at most five).
    pub influential: Vec<Influence>,
}

fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (fraction * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn band(mut values: Vec<f64>) -> Band {
    values.sort_unstable_by(f64::total_cmp);
    Band {
        p5: percentile(&values, 0.05),
        p50: percentile(&values, 0.5),
        p95: percentile(&values, 0.95),
    }
}

/// Running sums for a Pearson correlation.
#[derive(Default, Clone, Copy)]
struct Correlation {
    n: f64,
    x: f64,
    y: f64,
    xx: f64,
    yy: f64,
    xy: f64,
}

impl Correlation {
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1.0;
        self.x += x;
        self.y += y;
        self.xx += x * x;
        self.yy += y * y;
        self.xy += x * y;
    }

    fn value(&self) -> f64 {
        let covariance = self.n * self.xy - self.x * self.y;
        let spread = (self.n * self.xx - self.x * self.x) * (self.n * self.yy - self.y * self.y);
        if spread <= 0.0 {
            0.0
        } else {
            covariance / spread.sqrt()
        }
    }
}

impl Scenario {
    /// Monte-Carlo robustness of `package`'s scores to the weights. `samples` is clamped to
    /// `1..=MAX_SAMPLES` and `concentration` to `MIN_CONCENTRATION..=MAX_CONCENTRATION`.
    pub fn robustness(
        &self,
        package: &Package,
        concentration: f64,
        samples: usize,
        seed: u64,
    ) -> Robustness {
        let samples = samples.clamp(1, MAX_SAMPLES);
        let concentration = if concentration.is_finite() {
            concentration.clamp(MIN_CONCENTRATION, MAX_CONCENTRATION)
        } else {
            MIN_CONCENTRATION
        };
        let parties = self.parties.len();
        let issues = self.issues.len();
        let (first, second) = self.belligerents();

        // Per party: the issues it weighs, their Gamma(κ·w̄, 1) laws and the package's values
        // there. A shape is at least κ/100 ≥ 0.01 (a weight is a positive whole percentage).
        let plan: Vec<Vec<(usize, Gamma<f64>, f64)>> = (0..parties)
            .map(|party| {
                (0..issues)
                    .filter_map(|issue| {
                        let weight = self.assumptions.parties[party].weights[issue];
                        let shape = concentration * f64::from(weight) / 100.0;
                        let gamma = Gamma::new(shape, 1.0).ok().filter(|_| weight > 0)?;
                        Some((
                            issue,
                            gamma,
                            self.choice_value(party, issue, package.choice(issue)),
                        ))
                    })
                    .collect()
            })
            .collect();

        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut concessions = vec![Vec::with_capacity(samples); parties];
        let mut balances = Vec::with_capacity(samples);
        let mut drawn = vec![vec![0.0; issues]; parties];
        let mut correlations = vec![vec![Correlation::default(); issues]; 2];
        for _ in 0..samples {
            for party in 0..parties {
                let mut total = 0.0;
                for (issue, gamma, _) in &plan[party] {
                    let (issue, draw) = (*issue, gamma.sample(&mut rng));
                    drawn[party][issue] = draw;
                    total += draw;
                }
                let mut value = 0.0;
                for &(issue, _, option_value) in &plan[party] {
                    // All draws can underflow to zero for tiny shapes; fall back to the stated weight.
                    let weight = if total > 0.0 {
                        drawn[party][issue] / total
                    } else {
                        f64::from(self.assumptions.parties[party].weights[issue]) / 100.0
                    };
                    drawn[party][issue] = weight;
                    value += weight * option_value;
                }
                concessions[party].push(100.0 - value);
            }
            let balance = concessions[first].last().copied().unwrap_or(0.0)
                - concessions[second].last().copied().unwrap_or(0.0);
            balances.push(balance);
            for (slot, &party) in [first, second].iter().enumerate() {
                for &(issue, _, _) in &plan[party] {
                    correlations[slot][issue].add(drawn[party][issue], balance);
                }
            }
        }

        let count = samples as f64;
        let toward_first = balances
            .iter()
            .filter(|&&balance| balance <= -EVEN_BALANCE_POINTS)
            .count() as f64
            / count;
        let toward_second = balances
            .iter()
            .filter(|&&balance| balance >= EVEN_BALANCE_POINTS)
            .count() as f64
            / count;
        let mut influential: Vec<Influence> = [first, second]
            .iter()
            .enumerate()
            .flat_map(|(slot, &party)| {
                let correlations = &correlations[slot];
                plan[party].iter().map(move |&(issue, _, _)| Influence {
                    party,
                    issue,
                    correlation: correlations[issue].value(),
                })
            })
            .collect();
        crate::score::sort_small_by(&mut influential, |a, b| {
            b.correlation
                .abs()
                .total_cmp(&a.correlation.abs())
                .then(a.party.cmp(&b.party))
                .then(a.issue.cmp(&b.issue))
        });
        influential.truncate(5);
        Robustness {
            samples,
            concentration,
            seed,
            concession: concessions.into_iter().map(band).collect(),
            balance: band(balances),
            toward_first,
            toward_second,
            even: 1.0 - toward_first - toward_second,
            influential,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mean and variance of `count` draws.
    fn moments(count: usize, mut draw: impl FnMut() -> f64) -> (f64, f64) {
        let draws: Vec<f64> = (0..count).map(|_| draw()).collect();
        let mean = draws.iter().sum::<f64>() / count as f64;
        let variance = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / count as f64;
        (mean, variance)
    }

    #[test]
    fn gamma_draws_from_the_seeded_stream_have_the_right_moments() {
        // Gamma(k, 1) has mean k and variance k; the smallest shape a request can ask for is
        // 0.01 (κ = 1, a weight of 1 %).
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        for shape in [0.01, 0.3, 0.9, 1.0, 2.5, 40.0] {
            let gamma = Gamma::new(shape, 1.0).expect("a positive shape");
            let (mean, variance) = moments(200_000, || gamma.sample(&mut rng));
            assert!(
                (mean - shape).abs() < 0.02 * shape.max(1.0),
                "gamma({shape}) mean {mean}"
            );
            assert!(
                (variance - shape).abs() < 0.05 * shape.max(1.0),
                "gamma({shape}) variance {variance}"
            );
        }
    }
}
