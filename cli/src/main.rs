//! `peaceplan`: the command-line face of the scoring core. Scores a share link or a preset,
//! lists the presets and exports the scenario, as a table for people or JSON for scripts.
//! All numbers come from the `scoring` crate, so they equal the page's for the same link.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use scoring::score::{format_points, format_signed_points};
use scoring::share::describe_choice;
use scoring::{Decoded, Role, Scenario, decode};

#[derive(Parser)]
#[command(
    name = "peaceplan",
    version,
    about = "Score Russia–Ukraine peace-plan packages from the command line."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score a share link (a whole URL, "#v=1&…" or "v=1&…") or a preset.
    Score {
        /// The link to score. Omit it to score the opening state, or use --preset.
        link: Option<String>,
        /// Score a preset (a document id; see `peaceplan presets`).
        #[arg(long, conflicts_with = "link")]
        preset: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Also print each party's concession split by issue.
        #[arg(long)]
        by_issue: bool,
    },
    /// Analyse a link or a preset: zone of agreement, warnings, better packages, bargaining
    /// reference packages, the Ukraine–Russia frontier, trades and robustness to the weights.
    Analyze {
        /// The link to analyse. Omit it to analyse the opening state, or use --preset.
        link: Option<String>,
        #[arg(long, conflicts_with = "link")]
        preset: Option<String>,
        /// Print JSON instead of a report.
        #[arg(long)]
        json: bool,
        /// Monte-Carlo samples of the weights (1–100,000).
        #[arg(long, default_value_t = 10_000)]
        samples: usize,
        /// Dirichlet concentration around the stated weights (1–10,000; larger = closer).
        #[arg(long, default_value_t = 50.0)]
        concentration: f64,
        /// Seed of the Monte-Carlo draws (same seed, same result).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// List the presets (documents) with date and nature.
    Presets {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print the whole scenario (facts and assumptions) as JSON.
    Export,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let scenario = match Scenario::builtin() {
        Ok(scenario) => scenario,
        Err(error) => {
            eprintln!("peaceplan: {error}");
            return ExitCode::from(3);
        }
    };
    let mut out = std::io::stdout().lock();
    let result = match cli.command {
        Command::Score {
            link,
            preset,
            json,
            by_issue,
        } => match resolve(&scenario, link, preset) {
            Ok(decoded) => {
                if json {
                    // The JSON carries the problems too; stderr keeps them visible in a pipeline.
                    for problem in &decoded.problems {
                        eprintln!("peaceplan: link problem: {}", problem.message);
                    }
                    write_json(&mut out, &decoded.report(&scenario))
                } else {
                    write_score(&mut out, &scenario, &decoded, by_issue)
                }
            }
            Err(message) => {
                eprintln!("peaceplan: {message}");
                return ExitCode::from(2);
            }
        },
        Command::Analyze {
            link,
            preset,
            json,
            samples,
            concentration,
            seed,
        } => {
            if !(1..=scoring::robustness::MAX_SAMPLES).contains(&samples) {
                eprintln!("peaceplan: --samples must be from 1 to 100000");
                return ExitCode::from(2);
            }
            if !(scoring::robustness::MIN_CONCENTRATION..=scoring::robustness::MAX_CONCENTRATION)
                .contains(&concentration)
            {
                eprintln!("peaceplan: --concentration must be from 1 to 10000");
                return ExitCode::from(2);
            }
            match resolve(&scenario, link, preset) {
                Ok(decoded) => {
                    for problem in &decoded.problems {
                        eprintln!("peaceplan: link problem: {}", problem.message);
                    }
                    let analysis = scenario.analyze(&decoded.package);
                    let robustness =
                        scenario.robustness(&decoded.package, concentration, samples, seed);
                    let report = scenario.analysis_report(&decoded.package, &analysis, &robustness);
                    if json {
                        write_json(&mut out, &report)
                    } else {
                        write_analysis(&mut out, &scenario, &report)
                    }
                }
                Err(message) => {
                    eprintln!("peaceplan: {message}");
                    return ExitCode::from(2);
                }
            }
        }
        Command::Presets { json } => write_presets(&mut out, &scenario, json),
        Command::Export => write_json(&mut out, &scenario.export()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`peaceplan export | head`) is not worth a panic or a message.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("peaceplan: cannot write output: {error}");
            ExitCode::from(1)
        }
    }
}

fn resolve(
    scenario: &Scenario,
    link: Option<String>,
    preset: Option<String>,
) -> Result<Decoded, String> {
    if let Some(preset) = preset {
        let Some(document) = scenario.document_index(&preset) else {
            let known: Vec<&str> = scenario
                .documents
                .iter()
                .map(|document| document.id.as_str())
                .collect();
            return Err(format!(
                "unknown preset \"{preset}\"; known presets: {}",
                known.join(", ")
            ));
        };
        return Ok(Decoded {
            package: scenario.document_package(document),
            problems: Vec::new(),
        });
    }
    Ok(decode(scenario, link.as_deref().unwrap_or("")))
}

fn write_json<T: serde::Serialize>(out: &mut impl Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn write_score(
    out: &mut impl Write,
    scenario: &Scenario,
    decoded: &Decoded,
    by_issue: bool,
) -> std::io::Result<()> {
    let report = decoded.report(scenario);
    let scores = scenario.score(&decoded.package);
    match report
        .matches_document
        .and_then(|id| scenario.document_index(id))
    {
        Some(document) => {
            let document = &scenario.documents[document];
            writeln!(
                out,
                "Package: {} ({}, {})",
                document.title,
                document.date,
                document.nature.label()
            )?
        }
        None => writeln!(out, "Package: custom")?,
    }
    writeln!(out, "Link: {}", report.link)?;
    writeln!(
        out,
        "Model {}: values, weights and reservation values are editable model assumptions, not findings.",
        scenario.meta.version
    )?;
    if !decoded.problems.is_empty() {
        writeln!(
            out,
            "Link problems ({}), reset to defaults:",
            decoded.problems.len()
        )?;
        for problem in &decoded.problems {
            writeln!(out, "  - {}", problem.message)?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<15} {:>6} {:>11} {:>7}  {:<8} Red lines crossed",
        "Party", "Value", "Concession", "Gain", "Accepts"
    )?;
    for (party, score) in scenario.parties.iter().zip(&scores.parties) {
        let crossed: Vec<&str> = score
            .red_lines_crossed
            .iter()
            .map(|&line| party.red_lines[line].id.as_str())
            .collect();
        writeln!(
            out,
            "{:<15} {:>6} {:>11} {:>7}  {:<8} {}",
            party.name,
            format_points(score.value),
            format_points(score.concession),
            format_signed_points(score.gain),
            yes_no(score.accepts),
            if crossed.is_empty() {
                "none".to_string()
            } else {
                crossed.join(", ")
            }
        )?;
    }
    writeln!(out)?;
    let guarantors: Vec<&str> = scenario
        .parties
        .iter()
        .filter(|party| party.role == Role::Guarantor)
        .map(|party| party.name.as_str())
        .collect();
    writeln!(
        out,
        "Ratified: {} (rule: every belligerent accepts and at least one of {} accepts)",
        yes_no(scores.ratified),
        guarantors.join(", ")
    )?;
    writeln!(
        out,
        "Balance: {} points ({} − {} concession). {}",
        format_signed_points(scores.balance.points),
        scenario.parties[scores.balance.first].name,
        scenario.parties[scores.balance.second].name,
        scenario.balance_words(&scores.balance)
    )?;
    writeln!(out, "{}", scenario.spread_words(&scores.spread))?;
    if by_issue {
        writeln!(out)?;
        write!(
            out,
            "{:<34} {:<28}",
            "Concession by issue (points)", "Choice"
        )?;
        for party in &scenario.parties {
            write!(out, " {:>6}", party.id.to_uppercase())?;
        }
        writeln!(out)?;
        for (issue, spec) in scenario.issues.iter().enumerate() {
            let choice: String = describe_choice(scenario, issue, decoded.package.choice(issue))
                .chars()
                .take(28)
                .collect();
            write!(out, "{:<34} {:<28}", spec.id, choice)?;
            for score in &scores.parties {
                write!(
                    out,
                    " {:>6}",
                    format_points(score.concession_by_issue[issue])
                )?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

fn write_suggestion(
    out: &mut impl Write,
    title: &str,
    suggestion: &Option<scoring::export::SuggestionReport>,
) -> std::io::Result<()> {
    let Some(suggestion) = suggestion else {
        return writeln!(out, "{title}: none");
    };
    let values: Vec<String> = suggestion
        .values
        .iter()
        .map(|(party, value)| format!("{} {}", party.to_uppercase(), format_points(*value)))
        .collect();
    writeln!(
        out,
        "{title}: {}{} — {}; ratified {}",
        suggestion.link,
        if suggestion.proven {
            ""
        } else {
            " (best found, not proven optimal)"
        },
        values.join(", "),
        yes_no(suggestion.ratified)
    )?;
    for change in &suggestion.changes {
        writeln!(out, "    {}: {} → {}", change.issue, change.from, change.to)?;
    }
    Ok(())
}

fn write_analysis(
    out: &mut impl Write,
    scenario: &Scenario,
    report: &scoring::export::AnalysisReport,
) -> std::io::Result<()> {
    writeln!(
        out,
        "Analysis of {} (model {})",
        report.link, report.model_version
    )?;
    writeln!(
        out,
        "Values, weights and walk-away points are model assumptions, not findings."
    )?;
    writeln!(out, "{}", report.note)?;
    writeln!(out, "\nZone of possible agreement")?;
    for zopa in &report.zopa {
        let verdict = match zopa.exists {
            Some(true) => format!(
                "exists (best smallest gain {} points, e.g. {})",
                format_points(zopa.best_smallest_gain.unwrap_or(0.0)),
                zopa.witness.as_deref().unwrap_or("")
            ),
            Some(false) => "none".to_string(),
            None => "undecided within the search budget".to_string(),
        };
        writeln!(out, "  {}: {verdict}", zopa.coalition)?;
    }
    if let Some(opening) = &report.opening {
        if opening.package.is_some() {
            writeln!(
                out,
                "  To open one, set aside these red lines: {}",
                opening.waive.join(", ")
            )?;
        }
        if let Some(shortfall) = opening.shortfall {
            writeln!(
                out,
                "  Even without red lines, the best package is {} points short of the walk-away values.",
                format_points(shortfall)
            )?;
        }
    }
    writeln!(out, "\nWarnings")?;
    if report.warnings.is_empty() {
        writeln!(out, "  none")?;
    }
    for warning in &report.warnings {
        writeln!(out, "  - {warning}")?;
    }
    writeln!(out, "\nSuggested packages")?;
    write_suggestion(
        out,
        "  Nearest acceptable (fewest changes)",
        &report.nearest_acceptable,
    )?;
    writeln!(
        out,
        "  Pareto: {}",
        if report.pareto.improvable {
            "a package exists that is at least as good for every party"
        } else {
            "no package is better for one party and worse for none"
        }
    )?;
    write_suggestion(
        out,
        "  Most balanced improvement",
        &report.pareto.improvement,
    )?;
    for references in &report.references {
        writeln!(
            out,
            "  Reference packages for {} (on a discrete set: the closest packages to each criterion)",
            references.coalition
        )?;
        write_suggestion(out, "    Nash", &references.nash)?;
        write_suggestion(out, "    Kalai–Smorodinsky", &references.kalai_smorodinsky)?;
        write_suggestion(
            out,
            "    Egalitarian (for discussion only)",
            &references.egalitarian,
        )?;
    }
    let (first, second) = (&scenario.parties[0].name, &scenario.parties[1].name);
    writeln!(
        out,
        "\nFrontier of {first}'s value against {second}'s: {} packages no other beats for both",
        report.frontier.len()
    )?;
    for point in &report.frontier {
        writeln!(
            out,
            "  {:>6} {:>6}{}",
            format_points(point.values[0]),
            format_points(point.values[1]),
            if point.acceptable_to_both {
                "  acceptable to both"
            } else {
                ""
            }
        )?;
    }
    writeln!(
        out,
        "\nTrades that raise both {first}'s and {second}'s values"
    )?;
    if report.trades.is_empty() {
        writeln!(out, "  none")?;
    }
    for trade in &report.trades {
        let changes: Vec<String> = trade
            .changes
            .iter()
            .map(|(issue, choice)| format!("{issue} → {choice}"))
            .collect();
        writeln!(
            out,
            "  {} (+{} / +{}){}",
            changes.join(" and "),
            format_points(trade.gains[0]),
            format_points(trade.gains[1]),
            if trade.needs_both {
                ", a trade: neither change alone helps both"
            } else {
                ""
            }
        )?;
    }
    let robustness = &report.robustness;
    writeln!(
        out,
        "\nRobustness: {} weight samples, Dirichlet concentration {}, seed {}",
        robustness.samples, robustness.concentration, robustness.seed
    )?;
    for (party, band) in &robustness.concession {
        writeln!(
            out,
            "  {} concession 5–95 %: {} – {} (median {})",
            party.to_uppercase(),
            format_points(band.p5),
            format_points(band.p95),
            format_points(band.p50)
        )?;
    }
    writeln!(
        out,
        "  Balance 5–95 %: {} – {}; tilts toward {first} in {:.0} %, toward {second} in {:.0} %, even in {:.0} % of samples",
        format_signed_points(robustness.balance.p5),
        format_signed_points(robustness.balance.p95),
        robustness.toward_first * 100.0,
        robustness.toward_second * 100.0,
        robustness.even * 100.0
    )?;
    writeln!(out, "  Weights that move the balance most:")?;
    for (party, issue, correlation) in &robustness.influential {
        writeln!(
            out,
            "    {}'s weight on {issue}: r = {correlation:+.2}",
            party.to_uppercase()
        )?;
    }
    Ok(())
}

fn write_presets(out: &mut impl Write, scenario: &Scenario, json: bool) -> std::io::Result<()> {
    if json {
        let presets: Vec<serde_json::Value> = scenario
            .documents
            .iter()
            .map(|document| {
                serde_json::json!({
                    "id": document.id,
                    "title": document.title,
                    "date": document.date,
                    "nature": document.nature.id(),
                    "positions": document.positions.iter().filter(|position| position.is_some()).count(),
                })
            })
            .collect();
        return write_json(out, &presets);
    }
    writeln!(
        out,
        "{:<20} {:<22} {:<17} {:>9}  Title",
        "Id", "Date", "Nature", "Positions"
    )?;
    for document in &scenario.documents {
        writeln!(
            out,
            "{:<20} {:<22} {:<17} {:>9}  {}",
            document.id,
            document.date,
            document.nature.label(),
            format!(
                "{}/{}",
                document
                    .positions
                    .iter()
                    .filter(|position| position.is_some())
                    .count(),
                scenario.issues.len()
            ),
            document.title
        )?;
    }
    Ok(())
}
