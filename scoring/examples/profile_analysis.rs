//! Times the parts of the analysis natively. `--parts` prints the medians for the opening
//! state as `name=microseconds` lines, the same parts and format as the page's
//! `?bench-analysis`, so `tests/e2e/bench.mjs` can compare wasm with native in one run.
//! Without it, prints time and search nodes per part for every preset (for tuning).

use std::hint::black_box;
use std::time::Instant;

use scoring::Scenario;
use scoring::analysis::{Analyzer, Coalition};

/// The median time of one call of `part` in microseconds, measured as the page's
/// `?bench-analysis` does: warmed up for 300 ms, then 11 batches of at least 20 ms each.
fn median_us<T>(mut part: impl FnMut() -> T) -> i64 {
    let start = Instant::now();
    let mut calls = 0usize;
    while calls < 5 || start.elapsed().as_secs_f64() < 0.3 {
        black_box(part());
        calls += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / calls as f64;
    let batch = ((0.02 / per_call).ceil() as usize).max(1);
    let mut times: Vec<f64> = (0..11)
        .map(|_| {
            let start = Instant::now();
            (0..batch).for_each(|_| drop(black_box(part())));
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2].round() as i64
}

fn main() {
    let scenario = Scenario::builtin().expect("valid");
    if std::env::args().any(|argument| argument == "--parts") {
        let package = scenario.v1_default_package();
        // A fresh Analyzer per call: one remembers its zone searches, which would time a cache.
        let fresh = || Analyzer::new(&scenario, &package);
        println!(
            "score_1000_us={}",
            median_us(|| (0..1000).for_each(|_| drop(black_box(scenario.score(&package)))))
        );
        println!(
            "zopa_all_us={}",
            median_us(|| black_box(fresh().zopa(Coalition::All)))
        );
        println!(
            "zopa_ratification_us={}",
            median_us(|| black_box(fresh().zopa(Coalition::Ratification)))
        );
        println!(
            "nearest_us={}",
            median_us(|| black_box(fresh().nearest_acceptable()))
        );
        println!("pareto_us={}", median_us(|| black_box(fresh().pareto())));
        println!(
            "references_belligerents_us={}",
            median_us(|| black_box(fresh().references(Coalition::Belligerents)))
        );
        println!(
            "references_all_us={}",
            median_us(|| black_box(fresh().references(Coalition::All)))
        );
        println!(
            "frontier_us={}",
            median_us(|| black_box(fresh().frontier()))
        );
        println!(
            "robustness_10k_us={}",
            median_us(|| black_box(scenario.robustness(&package, 50.0, 10_000, 1)))
        );
        let edited = scenario.edited(&scoring::edits::benchmark_edits(&scenario));
        println!(
            "edited_references_all_us={}",
            median_us(|| black_box(Analyzer::new(&edited, &package).references(Coalition::All)))
        );
        println!(
            "edited_flips_us={}",
            median_us(|| black_box(edited.flip_points(&package)))
        );
        println!(
            "page_request_us={}",
            median_us(|| scenario.page_request(&package))
        );
        println!(
            "edited_page_request_us={}",
            median_us(|| edited.page_request(&package))
        );
        return;
    }
    for document in 0..scenario.documents.len() {
        let package = scenario.document_package(document);
        let analyzer = Analyzer::new(&scenario, &package);
        let mut line = format!("{:<20}", scenario.documents[document].id);
        let mut time = |name: &str, run: &mut dyn FnMut() -> u64| {
            let start = Instant::now();
            let nodes = run();
            line.push_str(&format!(
                " {name} {:.1}ms/{}k",
                start.elapsed().as_secs_f64() * 1e3,
                nodes / 1000
            ));
        };
        time("zopa2", &mut || analyzer.zopa(Coalition::Belligerents).1);
        time("zopa4", &mut || analyzer.zopa(Coalition::All).1);
        time("zopaR", &mut || analyzer.zopa(Coalition::Ratification).1);
        time("open", &mut || analyzer.opening().1);
        time("near", &mut || analyzer.nearest_acceptable().1);
        time("pareto", &mut || analyzer.pareto().1);
        time("ref2", &mut || {
            analyzer.references(Coalition::Belligerents).1
        });
        time("ref4", &mut || analyzer.references(Coalition::All).1);
        time("front", &mut || analyzer.frontier().len() as u64 * 1000);
        time("trades", &mut || analyzer.trades().len() as u64 * 1000);
        println!("{line}");
    }
}
