//! The analysis worker: receives a model's bytes and analysis requests from the page, runs the
//! searches off the page's thread, and answers part by part, yielding between parts so that a
//! newer request stops an older one. The page's thread only scores and renders.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use gloo_worker::{HandlerId, Worker, WorkerScope};
use scoring::analysis::{Analyzer, Coalition};
use scoring::{Package, Scenario, models};

use crate::protocol::{
    FrontierPoint, Input, Output, PAGE_SAMPLES, PAGE_SEED, PROTOCOL, Packet, Part, ViewRequest,
};

/// The request being served: where its answers go, and its id.
type Serving = (WorkerScope<AnalysisWorker>, HandlerId, Option<u64>);

thread_local! {
    /// Where a panic reports itself.
    static SERVING: RefCell<Option<Serving>> = const { RefCell::new(None) };
}

/// Tells the page when the worker panics, before the worker stops: the page then says the
/// analysis failed instead of waiting for it.
pub fn install_panic_report() {
    std::panic::set_hook(Box::new(|info| {
        SERVING.with(|serving| {
            if let Some((scope, handler, id)) = serving.borrow().as_ref() {
                let message = format!("the analysis stopped: {info}");
                scope.respond(*handler, Packet::pack(&Output::Failed { id: *id, message }));
            }
        });
    }));
}

/// The worker's state: the models it has been given, and the newest request of each kind.
pub struct AnalysisWorker {
    models: Vec<(String, Rc<Scenario>)>,
    /// The last model with edits applied, so that a run of requests builds it once.
    edited: RefCell<Option<(String, scoring::Edits, Rc<Scenario>)>>,
    /// The newest analysis request and the newest overview request; older ones stop.
    latest_analysis: Rc<Cell<u64>>,
    latest_overview: Rc<Cell<u64>>,
}

impl AnalysisWorker {
    fn model(&self, version: &str) -> Option<Rc<Scenario>> {
        self.models
            .iter()
            .find(|(known, _)| known == version)
            .map(|(_, scenario)| scenario.clone())
    }

    /// Model `version` with `edits` applied to its assumptions.
    fn model_with(&self, version: &str, edits: &scoring::Edits) -> Option<Rc<Scenario>> {
        let base = self.model(version)?;
        if edits.is_empty() {
            return Some(base);
        }
        let mut cache = self.edited.borrow_mut();
        if let Some((known, known_edits, scenario)) = cache.as_ref()
            && known == version
            && known_edits == edits
        {
            return Some(scenario.clone());
        }
        let scenario = Rc::new(base.edited(edits));
        *cache = Some((version.to_string(), edits.clone(), scenario.clone()));
        Some(scenario)
    }
}

/// Lets the worker's event loop run (and a newer request arrive) between two parts.
async fn pause() {
    TimeoutFuture::new(0).await;
}

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Packet;
    type Output = Packet;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker {
            models: Vec::new(),
            edited: RefCell::new(None),
            latest_analysis: Rc::new(Cell::new(0)),
            latest_overview: Rc::new(Cell::new(0)),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _message: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, packet: Packet, handler: HandlerId) {
        let respond = {
            let scope = scope.clone();
            move |output: Output| scope.respond(handler, Packet::pack(&output))
        };
        let input: Input = match packet.unpack() {
            Ok(input) => input,
            Err(error) => {
                return respond(Output::Failed {
                    id: None,
                    message: format!("the page sent a message this worker cannot read ({error})"),
                });
            }
        };
        let id = match &input {
            Input::Analyse { id, .. } | Input::Overview { id, .. } | Input::Bench { id, .. } => {
                Some(*id)
            }
            Input::Hello
            | Input::Model { .. }
            | Input::ReadAssumptions { .. }
            | Input::View { .. } => None,
        };
        SERVING.with(|serving| *serving.borrow_mut() = Some((scope.clone(), handler, id)));
        match input {
            Input::Hello => respond(Output::Ready { protocol: PROTOCOL }),
            Input::Model { version, bytes } => {
                let loaded = models::find(&version)
                    .ok_or_else(|| format!("this worker does not know model {version}"))
                    .and_then(|model| {
                        Scenario::from_model_file(model, &bytes).map_err(|error| error.to_string())
                    });
                match loaded {
                    Ok(scenario) => {
                        self.models.retain(|(known, _)| *known != version);
                        self.models.push((version, Rc::new(scenario)));
                    }
                    Err(message) => respond(Output::Failed { id: None, message }),
                }
            }
            Input::Analyse {
                id,
                version,
                edits,
                package,
                concentration,
            } => {
                let Some(scenario) = self.model_with(&version, &edits) else {
                    return respond(Output::Failed {
                        id: Some(id),
                        message: format!("model {version} was not sent to the worker"),
                    });
                };
                if !scenario.is_valid_package(&package) {
                    return respond(Output::Failed {
                        id: Some(id),
                        message: "the package does not fit the model".to_string(),
                    });
                }
                self.latest_analysis.set(id);
                let latest = self.latest_analysis.clone();
                wasm_bindgen_futures::spawn_local(analyse(
                    scenario,
                    package,
                    concentration,
                    id,
                    latest,
                    respond,
                ));
            }
            Input::Overview { id, version, edits } => {
                let Some(scenario) = self.model_with(&version, &edits) else {
                    return respond(Output::Failed {
                        id: Some(id),
                        message: format!("model {version} was not sent to the worker"),
                    });
                };
                self.latest_overview.set(id);
                let latest = self.latest_overview.clone();
                wasm_bindgen_futures::spawn_local(overview(scenario, id, latest, respond));
            }
            Input::ReadAssumptions { version, text } => match self.model(&version) {
                Some(scenario) => respond(Output::Assumptions(scoring::edits::from_json(
                    &scenario, &text,
                ))),
                None => respond(Output::Assumptions(Err(vec![format!(
                    "model {version} was not sent to the worker"
                )]))),
            },
            Input::View {
                version,
                message,
                link,
            } => {
                // A message no build sends is dropped: the script only asks, it never waits.
                if let (Some(scenario), Some(request)) =
                    (self.model(&version), ViewRequest::read(&message, link))
                {
                    respond(Output::View(build_view(&scenario, request)));
                }
            }
            Input::Bench { id, version } => match self.model(&version) {
                Some(scenario) => {
                    let text = bench(&scenario);
                    respond(Output::Part {
                        id,
                        part: Part::Bench(text),
                    });
                    respond(Output::Done { id });
                }
                None => respond(Output::Failed {
                    id: Some(id),
                    message: format!("model {version} was not sent to the worker"),
                }),
            },
        }
    }
}

/// The package-level parts: warnings and the nearest acceptable package, the Pareto check, then
/// robustness, each sent as soon as it is known.
async fn analyse(
    scenario: Rc<Scenario>,
    package: Package,
    concentration: u32,
    id: u64,
    latest: Rc<Cell<u64>>,
    respond: impl Fn(Output),
) {
    pause().await;
    if latest.get() != id {
        return;
    }
    let analyzer = Analyzer::new(&scenario, &package);
    respond(Output::Part {
        id,
        part: Part::Warnings(analyzer.warnings()),
    });
    respond(Output::Part {
        id,
        part: Part::Nearest(analyzer.nearest_acceptable().0),
    });
    pause().await;
    if latest.get() != id {
        return;
    }
    respond(Output::Part {
        id,
        part: Part::Pareto(analyzer.pareto().0),
    });
    respond(Output::Part {
        id,
        part: Part::Flips(scenario.flip_points(&package)),
    });
    pause().await;
    if latest.get() != id {
        return;
    }
    respond(Output::Part {
        id,
        part: Part::Robustness(scenario.robustness(
            &package,
            f64::from(concentration),
            PAGE_SAMPLES,
            PAGE_SEED,
        )),
    });
    respond(Output::Done { id });
}

/// The model-level parts: the Ukraine–Russia frontier and the belligerents' reference packages.
async fn overview(
    scenario: Rc<Scenario>,
    id: u64,
    latest: Rc<Cell<u64>>,
    respond: impl Fn(Output),
) {
    let base = scenario.opening_package();
    let analyzer = Analyzer::new(&scenario, &base);
    respond(Output::Part {
        id,
        part: Part::Frontier(
            analyzer
                .frontier()
                .iter()
                .map(FrontierPoint::from)
                .collect(),
        ),
    });
    pause().await;
    if latest.get() != id {
        return;
    }
    respond(Output::Part {
        id,
        part: Part::References(analyzer.references(Coalition::Belligerents).0),
    });
    respond(Output::Done { id });
}

#[cfg(not(feature = "bench"))]
fn bench(_scenario: &Scenario) -> String {
    "error=this build has no benchmark (build with --features bench)".to_string()
}

#[cfg(feature = "bench")]
fn bench(scenario: &Scenario) -> String {
    crate::bench::parts(scenario)
}

/// Builds a classroom view with the core's functions, as JSON for `www/classroom.js`, so the
/// page's tables, the downloads and the CLI agree.
fn build_view(base: &Scenario, request: ViewRequest) -> String {
    use serde_json::json;
    let text = match request {
        ViewRequest::Compare { link } => {
            let decoded = scoring::decode(base, &link);
            let scenario = base.edited(&decoded.edits);
            let (read, problems) = scoring::share::read_slots(&scenario, &decoded.compare);
            let columns = scenario.columns(&read, &decoded.package);
            let values: Vec<String> = read
                .iter()
                .map(|slot| slot_value(&scenario, slot))
                .collect();
            let slots: Vec<_> = read
                .iter()
                .zip(&columns)
                .map(|(slot, column)| json!({ "value": slot_value(&scenario, slot), "name": column.name }))
                .collect();
            let documents: Vec<_> = scenario
                .matrix_order()
                .into_iter()
                .map(|d| {
                    let document = &scenario.documents[d];
                    json!({ "id": document.id, "title": document.title, "group": group(document.kind) })
                })
                .collect();
            let comparison = (columns.len() >= 2).then(|| scenario.compare(&columns));
            // What an empty comparison starts with beside this package: the first plan in the
            // picker's order that differs from it.
            let suggest = scenario
                .matrix_order()
                .into_iter()
                .find(|&d| scenario.document_package(d) != decoded.package)
                .map(|d| scenario.documents[d].id.clone());
            json!({
                "view": "compare",
                // The package's own link, to which the script adds the compared packages.
                "base": scoring::encode_from(&scenario, &decoded.package, decoded.from),
                "slots": slots,
                "max": scoring::compare::MAX_COLUMNS,
                // The link's values written canonically: the page rewrites a link that differs.
                "canonical": values == decoded.compare,
                "problems": problems.into_iter().map(|p| p.message).collect::<Vec<_>>(),
                "suggest": suggest,
                "documents": documents,
                "csv": comparison.as_ref().map(|c| c.to_csv()),
                "json": comparison.as_ref().and_then(|c| serde_json::to_string_pretty(c).ok()),
                "comparison": comparison,
            })
        }
        ViewRequest::Matrix => json!({
            "view": "matrix",
            "table": base.matrix(),
            "csv": base.matrix_csv(),
        }),
        ViewRequest::TermSheet { link, url } => {
            let decoded = scoring::decode(base, &link);
            let scenario = base.edited(&decoded.edits);
            // The sheet's link is the package's, without the compared packages.
            let link = scoring::encode_from(&scenario, &decoded.package, decoded.from);
            let url = format!("{url}{link}");
            // The JSON download is the CLI's `score LINK --json` for the same link.
            let (document, provenance) = scenario.provenance_of(&decoded.package);
            let mut report = scenario.report_with(&provenance, document, &decoded.problems);
            if let Some(from) = decoded.from.filter(|_| document.is_none()) {
                report = scenario.changed_from_report(report, &decoded.package, from);
            }
            let report = serde_json::to_string_pretty(&report).ok();
            // Each provision's standing as the link opens anywhere (the QR code's link).
            let provenance = match decoded.from.filter(|_| document.is_none()) {
                Some(from) => scenario.changed_from(from, &decoded.package),
                None => provenance,
            };
            let sheet = scenario.term_sheet(&provenance);
            let qr = crate::qr::draw(&url);
            json!({
                "view": "sheet",
                "link": link,
                "url": url,
                "csv": sheet.to_csv(),
                "json": report,
                "qr": qr.as_ref().ok().map(|code| json!({ "size": code.size, "path": code.path })),
                "qr_error": qr.err(),
                "sheet": sheet,
            })
        }
        ViewRequest::Assumptions { link } => json!({
            "view": "download",
            "name": format!("assumptions-{}.json", base.meta.version),
            "type": "application/json",
            "text": scoring::edits::to_json(base, &scoring::decode(base, &link).edits),
        }),
        ViewRequest::Qr { url } => {
            let qr = crate::qr::draw(&url);
            json!({
                "view": "qr",
                "url": url,
                "qr": qr.as_ref().ok().map(|code| json!({ "size": code.size, "path": code.path })),
                "qr_error": qr.err(),
            })
        }
        ViewRequest::Paste { link, text } => {
            let (slot, problems) = pasted(base, &scoring::decode(base, &link), &text);
            json!({ "view": "paste", "slot": slot, "problems": problems })
        }
    };
    text.to_string()
}

/// A compared package as its `c=` value.
fn slot_value(scenario: &Scenario, slot: &scoring::share::Slot) -> String {
    let mut part = String::new();
    scoring::share::write_compare(scenario, std::slice::from_ref(slot), &mut part);
    part.trim_start_matches("&c=").to_string()
}

fn group(kind: scoring::DocumentKind) -> &'static str {
    use scoring::DocumentKind::*;
    match kind {
        Settlement => crate::text::GROUP_SETTLEMENT,
        Revision => crate::text::GROUP_REVISION,
        Combination => crate::text::GROUP_COMBINATION,
        Partial => crate::text::GROUP_PARTIAL,
    }
}

/// A pasted link as a compared package (its `c=` value): a document's id when the package is
/// one's, else the package; with what of the link was not carried (its problems, another
/// model, its edits), worded for the reader.
fn pasted(
    base: &Scenario,
    current: &scoring::Decoded,
    text: &str,
) -> (Option<String>, Vec<String>) {
    let text = text.trim();
    if !text.contains('=') {
        return (
            None,
            vec![
                "That is not a link of this sandbox (it has no settings); nothing was added."
                    .to_string(),
            ],
        );
    }
    if scoring::share::read_slots(base, &current.compare).0.len() >= scoring::compare::MAX_COLUMNS {
        return (
            None,
            vec![format!(
                "At most {} packages can be compared; remove one first.",
                scoring::compare::MAX_COLUMNS
            )],
        );
    }
    let model = scoring::link_model(text).model.version;
    let decoded = scoring::decode(base, text);
    let mut problems: Vec<String> = decoded
        .problems
        .into_iter()
        .map(|problem| problem.message)
        .filter(|message| !message.starts_with("The link was made with model"))
        .collect();
    if model != base.meta.version {
        problems.push(format!(
            "The pasted link was made with model {model}; it is compared by its provision ids under model {}.",
            base.meta.version
        ));
    }
    if !decoded.edits.is_empty() {
        problems.push(
            "The pasted link's edits to the assumptions were not carried: every package here is scored under the same assumptions."
                .to_string(),
        );
    }
    let slot =
        match (0..base.documents.len()).find(|&d| base.document_package(d) == decoded.package) {
            Some(document) => scoring::share::Slot::Document(document),
            None => scoring::share::Slot::Package(decoded.package),
        };
    (Some(slot_value(base, &slot)), problems)
}
