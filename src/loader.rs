//! `<Root/>`: loads the model a link was made with (a file fetched from the page's own origin,
//! checked against the hash this build recorded), then mounts `<App/>` with it. It loads
//! another model when a link or the user asks for one, keeps the models it has loaded, and
//! says plainly when a model cannot be loaded instead of leaving a blank page.

use std::cell::RefCell;
use std::rc::Rc;

use scoring::models::{self, ModelFile};
use scoring::{Decoded, Problem, Scenario, decode, link_model};
use yew::prelude::*;

use crate::app::App;
use crate::browser;
use crate::state::ScenarioRef;
use crate::text;

/// What the page asks the loader for.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelRequest {
    /// Open a link (the address bar's fragment) with the model it names.
    Open(String),
    /// Open the package on screen with the current model, as a new history entry.
    UseCurrent {
        from: Rc<Scenario>,
        package: scoring::Package,
    },
}

enum Stage {
    Loading(&'static str),
    Ready {
        scenario: ScenarioRef,
        decoded: Decoded,
        /// Write the opened package's link into the address bar as a new entry.
        push: bool,
        /// Remounts the app when the model or the request changes.
        key: u64,
    },
}

/// The models loaded so far (one or two: a handful of versions at most, so a list).
type Cache = Rc<RefCell<Vec<Loaded>>>;

/// A loaded model: its version, the scenario and the file's bytes (which the panels are given,
/// `browser::listen_for_model_requests`).
type Loaded = (&'static str, Rc<Scenario>, Rc<Vec<u8>>);

/// The model file's path relative to the page (the build writes it there).
pub fn model_path(model: &ModelFile) -> String {
    format!("models/{}", model.file)
}

async fn load(cache: &Cache, model: &'static ModelFile) -> Result<Loaded, String> {
    if let Some(loaded) = cache
        .borrow()
        .iter()
        .find(|(version, _, _)| *version == model.version)
    {
        return Ok(loaded.clone());
    }
    let (scenario, bytes) = load_model(model).await?;
    let loaded = (model.version, Rc::new(scenario), Rc::new(bytes));
    cache.borrow_mut().push(loaded.clone());
    Ok(loaded)
}

/// Fetches `model`'s file from the page's origin and reads it ([`read_model`]).
pub async fn load_model(model: &'static ModelFile) -> Result<(Scenario, Vec<u8>), String> {
    read_model(model, browser::fetch_preloaded(&model_path(model)).await?)
}

/// Reads `model`'s file, refused whole, with a reason, if it is not the file this build
/// recorded; gives the scenario and the file's bytes.
pub fn read_model(model: &ModelFile, bytes: Vec<u8>) -> Result<(Scenario, Vec<u8>), String> {
    let scenario = Scenario::from_model_file(model, &bytes).map_err(|error| {
        error
            .problems
            .first()
            .cloned()
            .unwrap_or_else(|| error.to_string())
    })?;
    Ok((scenario, bytes))
}

#[component]
pub fn Root() -> Html {
    let stage = use_state(|| Stage::Loading(models::current().version));
    let cache: Cache = use_mut_ref(Vec::new);
    let request = use_state(|| ModelRequest::Open(browser::fragment()));
    let counter = use_mut_ref(|| 0u64);
    // The panels read the models this app has read from here, not from the network again.
    {
        let cache = cache.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_for_model_requests(move |version| {
                cache
                    .borrow()
                    .iter()
                    .find(|(loaded, _, _)| *loaded == version)
                    .map(|(_, _, bytes)| bytes.clone())
            });
            move || drop(listener)
        });
    }

    {
        let stage = stage.clone();
        let cache = cache.clone();
        let counter = counter.clone();
        use_effect_with((*request).clone(), move |request| {
            let request = request.clone();
            *counter.borrow_mut() += 1;
            let key = *counter.borrow();
            wasm_bindgen_futures::spawn_local(async move {
                match request {
                    ModelRequest::Open(fragment) => {
                        let wanted = link_model(&fragment).model;
                        stage.set(Stage::Loading(wanted.version));
                        let ((_, scenario, _), fallback) = match load(&cache, wanted).await {
                            Ok(loaded) => (loaded, None),
                            Err(reason) if wanted != models::current() => {
                                // An older model that will not load: the link still opens,
                                // with the current model, and the notice says why.
                                match load(&cache, models::current()).await {
                                    Ok(loaded) => (loaded, Some((wanted.version, reason))),
                                    Err(reason) => return fail(&reason),
                                }
                            }
                            Err(reason) => return fail(&reason),
                        };
                        let mut decoded = decode(&scenario, &fragment);
                        if let Some((version, reason)) = fallback {
                            decoded.problems.insert(
                                0,
                                Problem {
                                    issue: None,
                                    message: format!(
                                        "The link was made with model {version}, which could not be loaded ({reason}); it was opened with model {}.",
                                        scenario.meta.version
                                    ),
                                },
                            );
                        }
                        let scenario = ready(scenario).await;
                        stage.set(Stage::Ready {
                            scenario,
                            decoded,
                            push: false,
                            key,
                        });
                    }
                    ModelRequest::UseCurrent { from, package } => {
                        stage.set(Stage::Loading(models::current().version));
                        match load(&cache, models::current()).await {
                            Ok((_, scenario, _)) => {
                                let mut decoded =
                                    scoring::share::translate(&from, &scenario, &package);
                                if !from.edits().is_empty() {
                                    decoded.problems.push(Problem {
                                        issue: None,
                                        message: format!(
                                            "{} {}.",
                                            text::EDITS_NOT_CARRIED,
                                            from.meta.version
                                        ),
                                    });
                                }
                                let scenario = ready(scenario).await;
                                stage.set(Stage::Ready {
                                    scenario,
                                    decoded,
                                    push: true,
                                    key,
                                });
                            }
                            Err(reason) => fail(&reason),
                        }
                    }
                }
            });
        });
    }

    let on_request = {
        let request = request.clone();
        Callback::from(move |next: ModelRequest| request.set(next))
    };
    match &*stage {
        // On the first load the skeleton of index.html says the page is loading.
        Stage::Loading(_) if *counter.borrow() <= 1 => Html::default(),
        Stage::Loading(version) => html! {
            <p class="loading" role="status">{ format!("{} {version}…", text::LOADING_MODEL) }</p>
        },
        Stage::Ready {
            scenario,
            decoded,
            push,
            key,
        } => html! {
            <App key={*key} scenario={scenario.clone()} decoded={decoded.clone()}
                push={*push} {on_request} />
        },
    }
}

/// The scenario with every document resolved, in the task that read the model; the page is
/// drawn in the task after the next paint, so that neither task is long (the first render's
/// parts, app.rs, begin there).
async fn ready(scenario: Rc<Scenario>) -> ScenarioRef {
    let scenario = ScenarioRef::new(scenario);
    browser::after_next_paint().await;
    scenario
}

/// The page cannot work without its current model: the error banner says so.
fn fail(reason: &str) {
    browser::show_fatal_error(&format!("{} ({reason})", text::MODEL_FAILED));
}
