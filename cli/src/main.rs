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
