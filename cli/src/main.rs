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
    /// Score a share link (a whole URL, "#v=2&m=…&…" or "v=2&…") or a preset, with the model
    /// the link was made with.
    Score {
        /// The link to score. Omit it to score the opening state, or use --preset.
        link: Option<String>,
        /// Score a preset (a document id; see `peaceplan presets`).
        #[arg(long, conflicts_with = "link")]
        preset: Option<String>,
        /// Apply a partial document (a guarantee draft, a statement…) on top; repeatable.
        #[arg(long = "apply", value_name = "DOCUMENT")]
        apply: Vec<String>,
        /// Score an older model's link with the current model instead (ids carry over).
        #[arg(long)]
        current_model: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Also print each party's concession split by issue.
        #[arg(long)]
        by_issue: bool,
        /// Print the term sheet as CSV (what the page's term sheet downloads) instead.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// Score with the assumptions in this file (see `export --assumptions`); it replaces
        /// any assumption edits the link carries.
        #[arg(long, value_name = "FILE.json")]
        assumptions: Option<std::path::PathBuf>,
    },
    /// Analyse a link or a preset: zone of agreement, warnings, better packages, bargaining
    /// reference packages, the Ukraine–Russia frontier, trades and robustness to the weights.
    Analyze {
        /// The link to analyse. Omit it to analyse the opening state, or use --preset.
        link: Option<String>,
        #[arg(long, conflicts_with = "link")]
        preset: Option<String>,
        /// Analyse an older model's link with the current model instead.
        #[arg(long)]
        current_model: bool,
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
        /// Analyse with the assumptions in this file (see `export --assumptions`).
        #[arg(long, value_name = "FILE.json")]
        assumptions: Option<std::path::PathBuf>,
    },
    /// Compare packages side by side: the link's compared packages (its `c=` parts, as the
    /// page's comparison writes them), then each --with, under the link's model and edits.
    Compare {
        /// A comparison link from the page (or any link; its package is "This package").
        link: Option<String>,
        /// Add a column: a document id (see `peaceplan presets`) or a link's package; repeatable.
        #[arg(long = "with", value_name = "DOCUMENT|LINK")]
        with: Vec<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Print CSV (what the page downloads) instead of a table.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Every plan against every provision: what each document's package takes, with its
    /// standing and sources, as CSV (one record per plan and provision) or JSON (the table).
    Matrix {
        /// Print the table as JSON instead of CSV.
        #[arg(long)]
        json: bool,
    },
    /// List the presets (documents) with date and nature.
    Presets {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print the whole scenario (facts and assumptions) as JSON, or with --assumptions the
    /// assumptions file of a link (its model's weights, walk-away values, red lines and
    /// values, with the link's edits), which `--assumptions FILE.json` reads back.
    Export {
        /// A published model version (default: the current model, or the link's).
        #[arg(long, conflicts_with = "link")]
        model: Option<String>,
        /// Write the assumptions file instead of the whole scenario.
        #[arg(long)]
        assumptions: bool,
        /// With --assumptions: the link whose model and edits to write.
        #[arg(requires = "assumptions")]
        link: Option<String>,
    },
    /// Write the files the page fetches beside itself (every published model, in `models/`)
    /// into DIR; the page build runs this.
    SiteFiles {
        /// The directory the page is built into (Trunk's staging directory).
        dir: std::path::PathBuf,
    },
}

/// A published model, from the bytes built into this binary.
fn load_model(version: &str) -> Result<Scenario, String> {
    match Scenario::published(version) {
        Some(Ok(scenario)) => Ok(scenario),
        Some(Err(error)) => Err(error.to_string()),
        None => {
            let known: Vec<&str> = scoring::models::MODELS
                .iter()
                .map(|model| model.version)
                .collect();
            Err(format!(
                "unknown model \"{version}\"; published models: {}",
                known.join(", ")
            ))
        }
    }
}

/// The model a link was made with: the current one, or a published one built in.
fn link_scenario(current: &Scenario, link: &str) -> Result<Scenario, String> {
    let model = scoring::link_model(link).model;
    if model.version == current.meta.version {
        Ok(current.clone())
    } else {
        load_model(model.version)
    }
}

/// What to score: a link read with its own model (or the current one), or a preset, with any
/// partial documents applied on top.
struct Subject {
    scenario: Scenario,
    provenance: scoring::provenance::Provenance,
    document: Option<usize>,
    /// The document the link says the package started from (`from=`), when it is no
    /// document's own package.
    from: Option<usize>,
    problems: Vec<scoring::Problem>,
}

fn subject(
    current: &Scenario,
    link: Option<String>,
    preset: Option<String>,
    apply: &[String],
    use_current: bool,
    assumptions: Option<&std::path::Path>,
) -> Result<Subject, String> {
    let (scenario, decoded) = match preset {
        Some(preset) => (current.clone(), resolve(current, None, Some(preset))?),
        None => {
            let link = link.unwrap_or_default();
            let scenario = link_scenario(current, &link)?;
            let decoded = scoring::decode(&scenario, &link);
            if use_current && scenario.meta.version != current.meta.version {
                let mut translated =
                    scoring::share::translate(&scenario, current, &decoded.package);
                let mut problems = decoded.problems;
                problems.append(&mut translated.problems);
                if !decoded.edits.is_empty() {
                    problems.push(scoring::Problem {
                        issue: None,
                        message: format!(
                            "The link's edits to the assumptions belong to model {}; they were not carried to model {}.",
                            scenario.meta.version, current.meta.version
                        ),
                    });
                }
                translated.problems = problems;
                (current.clone(), translated)
            } else {
                (scenario, decoded)
            }
        }
    };
    let edits = match assumptions {
        Some(path) => read_assumptions(&scenario, path)?,
        None => decoded.edits.clone(),
    };
    let scenario = scenario.edited(&edits);
    let (mut document, mut provenance) = scenario.provenance_of(&decoded.package);
    for id in apply {
        let Some(part) = scenario.document_index(id) else {
            return Err(format!("unknown document \"{id}\" for --apply"));
        };
        if scenario.documents[part].kind != scoring::DocumentKind::Partial {
            return Err(format!(
                "{id} is a {}; only partial documents can be applied on top",
                scenario.documents[part].kind.label()
            ));
        }
        provenance = scenario.apply_document(&provenance, part);
        document = None;
    }
    if !apply.is_empty() {
        // The result may itself be a preset (the plan with the guarantee draft applied).
        let (matched, resolved) = scenario.provenance_of(&provenance.package);
        if matched.is_some() {
            (document, provenance) = (matched, resolved);
        }
    }
    let from = decoded
        .from
        .filter(|_| document.is_none() && apply.is_empty());
    Ok(Subject {
        scenario,
        provenance,
        document,
        from,
        problems: decoded.problems,
    })
}

/// Reads an assumptions file for `scenario`'s model: every problem, each with its place, or
/// the edits; nothing is applied from a file with any problem.
fn read_assumptions(scenario: &Scenario, path: &std::path::Path) -> Result<scoring::Edits, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    scoring::edits::from_json(scenario, &text).map_err(|problems| {
        let mut message = format!(
            "{} has {} problem{}; no assumption was applied:",
            path.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        for problem in problems {
            message.push_str(&format!("\n  {}: {problem}", path.display()));
        }
        message
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let current = match Scenario::builtin() {
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
            apply,
            current_model,
            json,
            by_issue,
            csv,
            assumptions,
        } => match subject(
            &current,
            link,
            preset,
            &apply,
            current_model,
            assumptions.as_deref(),
        ) {
            Ok(subject) => {
                report_model(&subject, &current);
                let mut report = subject.scenario.report_with(
                    &subject.provenance,
                    subject.document,
                    &subject.problems,
                );
                if let Some(from) = subject.from {
                    report = subject.scenario.changed_from_report(
                        report,
                        &subject.provenance.package,
                        from,
                    );
                }
                if csv {
                    for problem in &subject.problems {
                        eprintln!("peaceplan: link problem: {}", problem.message);
                    }
                    // Standing as the page shows it: a package changed from a plan keeps that
                    // plan's standing on the provisions it did not change.
                    let provenance = match subject.from {
                        Some(from) => subject
                            .scenario
                            .changed_from(from, &subject.provenance.package),
                        None => subject.provenance.clone(),
                    };
                    let sheet = subject.scenario.term_sheet(&provenance);
                    write!(out, "{}", sheet.to_csv())
                } else if json {
                    // The JSON carries the problems too; stderr keeps them visible in a pipeline.
                    for problem in &subject.problems {
                        eprintln!("peaceplan: link problem: {}", problem.message);
                    }
                    write_json(&mut out, &report)
                } else {
                    write_score(&mut out, &subject, &report, by_issue)
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
            current_model,
            json,
            samples,
            concentration,
            seed,
            assumptions,
        } => {
            if !(1..=scoring::analysis::robustness::MAX_SAMPLES).contains(&samples) {
                eprintln!("peaceplan: --samples must be from 1 to 100000");
                return ExitCode::from(2);
            }
            if !(scoring::analysis::robustness::MIN_CONCENTRATION
                ..=scoring::analysis::robustness::MAX_CONCENTRATION)
                .contains(&concentration)
            {
                eprintln!("peaceplan: --concentration must be from 1 to 10000");
                return ExitCode::from(2);
            }
            match subject(
                &current,
                link,
                preset,
                &[],
                current_model,
                assumptions.as_deref(),
            ) {
                Ok(subject) => {
                    report_model(&subject, &current);
                    for problem in &subject.problems {
                        eprintln!("peaceplan: link problem: {}", problem.message);
                    }
                    let scenario = &subject.scenario;
                    let package = &subject.provenance.package;
                    let analysis = scenario.analyze(package);
                    let robustness = scenario.robustness(package, concentration, samples, seed);
                    let report = scenario.analysis_report(package, &analysis, &robustness);
                    if json {
                        write_json(&mut out, &report)
                    } else {
                        write_analysis(&mut out, scenario, &report)
                    }
                }
                Err(message) => {
                    eprintln!("peaceplan: {message}");
                    return ExitCode::from(2);
                }
            }
        }
        Command::Compare {
            link,
            with,
            json,
            csv,
        } => match comparison(&current, link, &with) {
            Ok((comparison, problems)) => {
                for problem in &problems {
                    eprintln!("peaceplan: link problem: {problem}");
                }
                if json {
                    write_json(&mut out, &comparison)
                } else if csv {
                    write!(out, "{}", comparison.to_csv())
                } else {
                    write_tables(&mut out, &[&comparison.provisions, &comparison.parties])
                }
            }
            Err(message) => {
                eprintln!("peaceplan: {message}");
                return ExitCode::from(2);
            }
        },
        Command::Matrix { json } => {
            if json {
                write_json(&mut out, &current.matrix())
            } else {
                write!(out, "{}", current.matrix_csv())
            }
        }
        Command::Presets { json } => write_presets(&mut out, &current, json),
        Command::Export {
            assumptions: true,
            link,
            ..
        } => {
            let link = link.unwrap_or_default();
            let version = scoring::link_model(&link).model.version;
            match load_model(version) {
                Ok(scenario) => {
                    let decoded = decode(&scenario, &link);
                    for problem in &decoded.problems {
                        eprintln!("peaceplan: link problem: {}", problem.message);
                    }
                    write!(
                        out,
                        "{}",
                        scoring::edits::to_json(&scenario, &decoded.edits)
                    )
                }
                Err(message) => {
                    eprintln!("peaceplan: {message}");
                    return ExitCode::from(2);
                }
            }
        }
        Command::Export { model, .. } => match model {
            None => write_json(&mut out, &current.export()),
            Some(version) => match load_model(&version) {
                Ok(scenario) => write_json(&mut out, &scenario.export()),
                Err(message) => {
                    eprintln!("peaceplan: {message}");
                    return ExitCode::from(2);
                }
            },
        },
        Command::SiteFiles { dir } => match write_site_files(&dir) {
            Ok(count) => {
                eprintln!(
                    "peaceplan: wrote {count} model files into {}",
                    dir.join(MODELS_DIR).display()
                );
                Ok(())
            }
            Err(error) => {
                eprintln!(
                    "peaceplan: cannot write the site files into {}: {error}",
                    dir.display()
                );
                return ExitCode::from(1);
            }
        },
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

/// The comparison a link and `--with` columns ask for, with the link's problems and those of
/// each column's link.
fn comparison(
    current: &Scenario,
    link: Option<String>,
    with: &[String],
) -> Result<(scoring::compare::Comparison, Vec<String>), String> {
    let link = link.unwrap_or_default();
    let scenario = link_scenario(current, &link)?;
    let decoded = decode(&scenario, &link);
    let scenario = scenario.edited(&decoded.edits);
    let (slots, slot_problems) = scoring::share::read_slots(&scenario, &decoded.compare);
    let mut problems: Vec<String> = decoded
        .problems
        .into_iter()
        .chain(slot_problems)
        .map(|p| p.message)
        .collect();
    let mut columns = scenario.columns(&slots, &decoded.package);
    for item in with {
        if columns.len() == scoring::compare::MAX_COLUMNS {
            return Err(format!(
                "at most {} packages can be compared",
                scoring::compare::MAX_COLUMNS
            ));
        }
        let column = match scenario.document_index(item) {
            Some(document) => scoring::compare::Column {
                name: scenario.documents[document].title.clone(),
                package: scenario.document_package(document),
            },
            None if item.contains('=') => {
                let other = decode(&scenario, item);
                problems.extend(other.problems.into_iter().map(|p| p.message));
                scoring::compare::Column {
                    name: format!("Package {}", columns.len() + 1),
                    package: other.package,
                }
            }
            None => {
                return Err(format!(
                    "--with {item}: neither a document id (see `peaceplan presets`) nor a link"
                ));
            }
        };
        columns.push(column);
    }
    if columns.len() < 2 {
        return Err(
            "a comparison needs at least two packages: a link with c= parts, or --with".to_string(),
        );
    }
    Ok((scenario.compare(&columns), problems))
}

/// Tables for people: each row's head, then its cells, with `*` on rows that differ.
fn write_tables(out: &mut impl Write, tables: &[&scoring::compare::Table]) -> std::io::Result<()> {
    for table in tables {
        writeln!(out, "{}", table.caption)?;
        writeln!(out, "  {}", table.head.join(" | "))?;
        for row in &table.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|cell| {
                    if cell.note.is_empty() {
                        cell.text.clone()
                    } else {
                        format!("{} ({})", cell.text, cell.note)
                    }
                })
                .collect();
            let mark = if row.differs { "*" } else { " " };
            writeln!(out, "{mark} {} | {}", row.head, cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Where the page looks for model files, relative to itself.
const MODELS_DIR: &str = "models";

/// The glossary, as written in docs/ (the page links to the HTML the build makes of it).
const GLOSSARY: &str = include_str!("../../docs/glossary.md");

fn write_site_files(dir: &std::path::Path) -> std::io::Result<usize> {
    let models = dir.join(MODELS_DIR);
    std::fs::create_dir_all(&models)?;
    for model in scoring::models::MODELS {
        let bytes = scoring::models::model_bytes(model).expect("every published model is built in");
        std::fs::write(models.join(model.file), bytes)?;
    }
    std::fs::write(dir.join("glossary.html"), glossary_html())?;
    // The page preloads the current model: its name is known only here.
    let index = dir.join("index.html");
    if index.exists() {
        let html = std::fs::read_to_string(&index)?;
        if !html.contains(CURRENT_MODEL_PLACEHOLDER) {
            return Err(std::io::Error::other(format!(
                "{} has no {CURRENT_MODEL_PLACEHOLDER} to name the current model",
                index.display()
            )));
        }
        let file = scoring::models::current().file;
        std::fs::write(&index, html.replace(CURRENT_MODEL_PLACEHOLDER, file))?;
    }
    Ok(scoring::models::MODELS.len())
}

/// Where index.html's start-up script names the current model's file (Trunk.toml).
const CURRENT_MODEL_PLACEHOLDER: &str = "__CURRENT_MODEL__";

/// The glossary as a standalone page: same origin, no script, the page's strict policy.
fn glossary_html() -> String {
    let mut body = String::new();
    let options = pulldown_cmark::Options::ENABLE_DEFINITION_LIST;
    pulldown_cmark::html::push_html(
        &mut body,
        pulldown_cmark::Parser::new_ext(GLOSSARY, options),
    );
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Glossary — Peace Plan Sandbox</title>\n</head>\n<body>\n<p><a href=\"./\">Back to the sandbox</a></p>\n{body}</body>\n</html>\n"
    )
}

/// Tells the user, on stderr, when a link was made with an older model, and what the same
/// package is under the current one.
fn report_model(subject: &Subject, current: &Scenario) {
    let scenario = &subject.scenario;
    if scenario.meta.version == current.meta.version {
        return;
    }
    let translated = scoring::share::translate(scenario, current, &subject.provenance.package);
    eprintln!(
        "peaceplan: this link was made with model {}; the current model is {}. The same package with the current model: #{} (or pass --current-model)",
        scenario.meta.version,
        current.meta.version,
        scoring::encode(current, &translated.package)
    );
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
            edits: scoring::Edits::none(),
            from: None,
            compare: Vec::new(),
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
    subject: &Subject,
    report: &scoring::export::ScoreReport,
    by_issue: bool,
) -> std::io::Result<()> {
    let scenario = &subject.scenario;
    let package = &subject.provenance.package;
    let scores = scenario.score(package);
    match subject.document {
        Some(document) => {
            let document = &scenario.documents[document];
            writeln!(
                out,
                "Package: {} ({}, {}, {})",
                document.title,
                document.date,
                document.nature.label(),
                document.kind.label()
            )?
        }
        None if subject
            .provenance
            .origins
            .iter()
            .any(|origin| origin.is_stated()) =>
        {
            writeln!(out, "Package: documents applied on a custom package")?
        }
        None => writeln!(out, "Package: custom")?,
    }
    writeln!(out, "Link: {}", report.link)?;
    writeln!(
        out,
        "Model {}: values, weights and walk-away values are editable model assumptions, not findings.",
        scenario.meta.version
    )?;
    if !subject.problems.is_empty() {
        writeln!(
            out,
            "Link problems ({}), reset to defaults:",
            subject.problems.len()
        )?;
        for problem in &subject.problems {
            writeln!(out, "  - {}", problem.message)?;
        }
    }
    let coverage = scenario.coverage(&subject.provenance);
    let assumed_line = |party: usize, line: usize| {
        subject.provenance.origins[scenario.parties[party].red_lines[line].issue].is_assumed()
    };
    if !coverage.stated.is_empty() {
        writeln!(
            out,
            "The texts settle {} of {} provisions; {} are assumed (the model's when-silent options){}.",
            coverage.stated.len(),
            scenario.issues.len(),
            coverage.assumed.len(),
            if coverage.chosen.is_empty() {
                String::new()
            } else {
                format!(", {} chosen", coverage.chosen.len())
            }
        )?;
        match coverage.balance {
            Some(balance) => writeln!(
                out,
                "Balance over the settled provisions alone (weights renormalised): {} points; whole package, assumed provisions included: {} points.",
                format_signed_points(balance),
                format_signed_points(scores.balance.points)
            )?,
            None => writeln!(
                out,
                "No balance over the settled provisions alone: a belligerent puts no weight on them."
            )?,
        }
        for issue in &coverage.assumed {
            writeln!(
                out,
                "  assumed: {} = {} ({})",
                scenario.issues[*issue].id,
                describe_choice(scenario, *issue, package.choice(*issue)),
                scoring::provenance::origin_words(scenario, subject.provenance.origins[*issue])
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<15} {:>6} {:>11} {:>7}  {:<8} Red lines crossed",
        "Party", "Value", "Concession", "Gain", "Passes"
    )?;
    for (index, (party, score)) in scenario.parties.iter().zip(&scores.parties).enumerate() {
        let crossed: Vec<String> = score
            .red_lines_crossed
            .iter()
            .map(|&line| {
                if assumed_line(index, line) {
                    format!(
                        "{} (through an assumed provision)",
                        party.red_lines[line].id
                    )
                } else {
                    party.red_lines[line].id.clone()
                }
            })
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
    writeln!(
        out,
        "(Passes: the model's acceptance test with these assumptions: no modelled red line crossed and value at or above the walk-away value.)"
    )?;
    writeln!(out)?;
    let guarantors: Vec<&str> = scenario
        .parties
        .iter()
        .filter(|party| party.role == Role::Guarantor)
        .map(|party| party.name.as_str())
        .collect();
    writeln!(
        out,
        "Passes the model's ratification test: {} (rule: every belligerent passes and at least one of {} passes)",
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
    writeln!(out)?;
    if report.assumption_edits.is_empty() {
        writeln!(
            out,
            "Assumptions: model {} as published (weights, walk-away values, red lines, option values).",
            scenario.meta.version
        )?;
    } else {
        writeln!(
            out,
            "Assumptions: model {} with {} edit{}:",
            scenario.meta.version,
            report.assumption_edits.len(),
            if report.assumption_edits.len() == 1 {
                ""
            } else {
                "s"
            }
        )?;
        for line in &report.assumption_edits {
            writeln!(out, "  - {line}")?;
        }
    }
    writeln!(
        out,
        "What one weight would change (smallest edit, whole points):"
    )?;
    for flips in &report.flips {
        writeln!(out, "  - {}.", flips.balance.words)?;
        writeln!(out, "  - {}.", flips.acceptance.words)?;
    }
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
            let choice: String = describe_choice(scenario, issue, package.choice(issue))
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
    writeln!(
        out,
        "\nReference packages of the model, by these assumptions (for discussion, not recommendations)"
    )?;
    write_suggestion(
        out,
        "  Nearest package that passes the model's tests (fewest changes)",
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
        "  Better for every party (largest smallest gain)",
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
        write_suggestion(out, "    Largest smallest gain", &references.egalitarian)?;
    }
    let (first, second) = (&scenario.parties[0].name, &scenario.parties[1].name);
    let total: usize = report
        .frontier
        .iter()
        .map(|point| 1 + point.between as usize)
        .sum();
    writeln!(
        out,
        "\nFrontier of {first}'s value against {second}'s: {total} packages no other beats for both; \
         {} listed, the others on the straight line between two listed ones (within {} points)",
        report.frontier.len(),
        scoring::analysis::FRONTIER_TOLERANCE_TEXT
    )?;
    for point in &report.frontier {
        writeln!(
            out,
            "  {:>6} {:>6}{}{}",
            format_points(point.values[0]),
            format_points(point.values[1]),
            if point.acceptable_to_both {
                "  acceptable to both"
            } else {
                ""
            },
            match point.between {
                0 => String::new(),
                count => format!("  ({count} between, on the line from the previous)"),
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
    let rows: Vec<(usize, scoring::provenance::Coverage, f64)> = (0..scenario.documents.len())
        .map(|index| {
            let provenance = scenario.resolve(index);
            let full = scenario.score(&provenance.package).balance.points;
            (index, scenario.coverage(&provenance), full)
        })
        .collect();
    if json {
        let presets: Vec<serde_json::Value> = rows
            .iter()
            .map(|(index, coverage, full)| {
                let document = &scenario.documents[*index];
                serde_json::json!({
                    "id": document.id,
                    "title": document.title,
                    "date": document.date,
                    "nature": document.nature.id(),
                    "kind": document.kind.id(),
                    "based_on": document.based_on.map(|base| scenario.documents[base].id.as_str()),
                    "positions": document.positions.iter().filter(|position| position.is_some()).count(),
                    "settles": coverage.stated.len(),
                    "settled_balance": coverage.balance,
                    "full_balance": full,
                })
            })
            .collect();
        return write_json(out, &presets);
    }
    writeln!(
        out,
        "{:<20} {:<22} {:<17} {:<22} {:>8} {:>8} {:>8}  Title",
        "Id", "Date", "Nature", "Kind", "Settles", "Settled", "Full"
    )?;
    for (index, coverage, full) in &rows {
        let document = &scenario.documents[*index];
        writeln!(
            out,
            "{:<20} {:<22} {:<17} {:<22} {:>8} {:>8} {:>8}  {}",
            document.id,
            document.date,
            document.nature.label(),
            document.kind.label(),
            format!("{}/{}", coverage.stated.len(), scenario.issues.len()),
            coverage
                .balance
                .map_or_else(|| "n/a".to_string(), format_signed_points),
            format_signed_points(*full),
            document.title
        )?;
    }
    writeln!(
        out,
        "\nSettles: provisions the text itself settles. Settled: the balance (Ukraine − Russia concession) over those alone, weights renormalised. Full: the whole package, with the model's assumptions where the text is silent."
    )
}
