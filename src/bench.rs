//! The in-browser benchmark of the analysis (`?bench-analysis`): times each part inside the
//! analysis worker, where the page runs it, with the worker's clock, and returns the medians for
//! `tests/e2e/bench.mjs`, which compares them with the native figures. Only in the benchmark
//! build (feature `bench`).

use std::hint::black_box;

use scoring::Scenario;
use scoring::analysis::{Analyzer, Coalition};
use wasm_bindgen::JsCast;

/// The median time of one call of `part`, in milliseconds: warmed up first (so V8 has tiered
/// the hot functions up from its baseline compiler), then timed in batches of at least 20 ms
/// each, so the page clock's 0.1 ms resolution costs under 1 %. `profile_analysis --parts`
/// times the native build the same way.
fn median_ms(mut part: impl FnMut()) -> f64 {
    let start = now_ms();
    let mut calls = 0usize;
    while calls < 5 || now_ms() - start < 300.0 {
        part();
        calls += 1;
    }
    let per_call = (now_ms() - start) / calls as f64;
    let batch = ((20.0 / per_call).ceil() as usize).max(1);
    let mut times: Vec<f64> = (0..11)
        .map(|_| {
            let start = now_ms();
            (0..batch).for_each(|_| part());
            (now_ms() - start) / batch as f64
        })
        .collect();
    scoring::score::sort_small_by(&mut times, f64::total_cmp);
    times[times.len() / 2]
}

/// Milliseconds from the worker's time origin (`performance.now()` of whatever global runs it).
fn now_ms() -> f64 {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"performance".into())
        .ok()
        .and_then(|performance| {
            let now = js_sys::Reflect::get(&performance, &"now".into()).ok()?;
            let now: js_sys::Function = now.dyn_into().ok()?;
            now.call0(&performance).ok()?.as_f64()
        })
        .unwrap_or(0.0)
}

/// Times each part of the analysis of the opening state and returns `name=microseconds` lines.
/// (The parts, not `Analyzer::run`, so the benchmark links nothing the worker does not.)
pub fn parts(scenario: &Scenario) -> String {
    let package = scenario.v1_default_package();
    // A fresh Analyzer per call: one remembers its zone searches, which would time a cache.
    let fresh = || Analyzer::new(scenario, &package);
    let mut lines = Vec::new();
    let mut time = |name: &str, part: &mut dyn FnMut()| {
        lines.push(format!(
            "{name}={}",
            (median_ms(part) * 1000.0).round() as i64
        ));
    };
    time("score_1000_us", &mut || {
        for _ in 0..1000 {
            black_box(scenario.score(&package));
        }
    });
    time("zopa_all_us", &mut || {
        black_box(fresh().zopa(Coalition::All));
    });
    time("zopa_ratification_us", &mut || {
        black_box(fresh().zopa(Coalition::Ratification));
    });
    time("nearest_us", &mut || {
        black_box(fresh().nearest_acceptable());
    });
    time("pareto_us", &mut || {
        black_box(fresh().pareto());
    });
    time("references_belligerents_us", &mut || {
        black_box(fresh().references(Coalition::Belligerents));
    });
    time("references_all_us", &mut || {
        black_box(fresh().references(Coalition::All));
    });
    time("frontier_us", &mut || {
        black_box(fresh().frontier());
    });
    time("robustness_10k_us", &mut || {
        black_box(scenario.robustness(&package, 50.0, 10_000, 1));
    });
    let edited = scenario.edited(&scoring::edits::benchmark_edits(scenario));
    time("edited_references_all_us", &mut || {
        black_box(Analyzer::new(&edited, &package).references(Coalition::All));
    });
    time("edited_flips_us", &mut || {
        black_box(edited.flip_points(&package));
    });
    time("page_request_us", &mut || scenario.page_request(&package));
    time("edited_page_request_us", &mut || {
        edited.page_request(&package)
    });
    lines.join("\n")
}
