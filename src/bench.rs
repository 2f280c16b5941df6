//! The in-browser benchmark of the analysis (`?bench-analysis`): times each part in the wasm
//! build with the page's clock and publishes the medians for `tests/e2e/bench.mjs`, which
//! compares them with the native figures. Not used by the app itself.

use scoring::Scenario;
use scoring::analysis::{Analyzer, Coalition};

use crate::browser;

/// Runs each part `runs` times and returns the median in milliseconds.
fn median_ms(runs: usize, mut part: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = browser::now_ms();
            part();
            browser::now_ms() - start
        })
        .collect();
    scoring::search::sort_small_by(&mut times, f64::total_cmp);
    times[times.len() / 2]
}

/// Times each part of the analysis of the opening state and publishes `name=microseconds`
/// lines. (The parts, not `Analyzer::run`, so the benchmark links nothing the page does not.)
pub fn run() {
    let Ok(scenario) = Scenario::builtin() else {
        browser::publish_bench("error=the embedded scenario did not load");
        return;
    };
    let package = scenario.v1_default_package();
    let analyzer = Analyzer::new(&scenario, &package);
    let mut lines = Vec::new();
    let mut time = |name: &str, runs: usize, part: &mut dyn FnMut()| {
        lines.push(format!(
            "{name}={}",
            (median_ms(runs, part) * 1000.0).round() as i64
        ));
    };
    // 1,000 calls per sample: one call is below the browser clock's resolution.
    time("score_1000_us", 51, &mut || {
        for _ in 0..1000 {
            let _ = scenario.score(&package);
        }
    });
    time("zopa_all_us", 5, &mut || {
        let _ = analyzer.zopa(Coalition::All);
    });
    time("zopa_ratification_us", 5, &mut || {
        let _ = analyzer.zopa(Coalition::Ratification);
    });
    time("nearest_us", 5, &mut || {
        let _ = analyzer.nearest_acceptable();
    });
    time("pareto_us", 5, &mut || {
        let _ = analyzer.pareto();
    });
    time("references_belligerents_us", 5, &mut || {
        let _ = analyzer.references(Coalition::Belligerents);
    });
    time("references_all_us", 3, &mut || {
        let _ = analyzer.references(Coalition::All);
    });
    time("frontier_us", 5, &mut || {
        let _ = analyzer.frontier();
    });
    time("robustness_10k_us", 5, &mut || {
        let _ = scenario.robustness(&package, 50.0, 10_000, 1);
    });
    browser::publish_bench(&lines.join("\n"));
}
