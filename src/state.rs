//! The page's state and its one reducer. Pure: no browser calls here (see browser.rs), so every
//! transition is tested natively in tests/state_transitions.rs. Scores are never stored; they
//! are computed from `package` during render.

use std::rc::Rc;

use scoring::provenance::{Origin, Provenance};
use scoring::{Choice, Decoded, DocumentKind, Edits, Package, Scenario};
use yew::Reducible;

/// The scenario shared by every component, with what every render would otherwise recompute:
/// each document resolved to its package and origins (the picker and "which preset is this"
/// read them on every change). Compared by pointer, as it never changes at runtime.
#[derive(Clone, Debug)]
pub struct ScenarioRef {
    scenario: Rc<Scenario>,
    resolved: Rc<Vec<Provenance>>,
}

impl ScenarioRef {
    pub fn new(scenario: Rc<Scenario>) -> ScenarioRef {
        let resolved = (0..scenario.documents.len())
            .map(|document| scenario.resolve(document))
            .collect();
        ScenarioRef {
            scenario,
            resolved: Rc::new(resolved),
        }
    }

    /// The same model with the reader's `edits` applied to its assumptions (the documents'
    /// cache is shared: how a document becomes a package does not depend on them).
    pub fn edited(&self, edits: &Edits) -> ScenarioRef {
        if edits == self.scenario.edits() {
            return self.clone();
        }
        ScenarioRef {
            scenario: Rc::new(self.scenario.edited(edits)),
            resolved: self.resolved.clone(),
        }
    }

    /// The shared scenario itself.
    pub fn rc(&self) -> &Rc<Scenario> {
        &self.scenario
    }

    /// `Scenario::resolve`, from the cache.
    pub fn resolve(&self, document: usize) -> Provenance {
        self.resolved[document].clone()
    }

    /// `Scenario::document_package`, from the cache.
    pub fn document_package(&self, document: usize) -> Package {
        self.resolved[document].package.clone()
    }

    /// How many provisions document `document`'s texts settle.
    pub fn settled(&self, document: usize) -> usize {
        self.resolved[document]
            .origins
            .iter()
            .filter(|origin| origin.is_stated())
            .count()
    }

    /// The first document whose package `package` is.
    pub fn matching(&self, package: &Package) -> Option<usize> {
        self.resolved
            .iter()
            .position(|resolved| resolved.package == *package)
    }

    /// How a link's package is seen: the document whose package it is; else, when the link
    /// names the document it started from (`from=`), that document with the changes chosen;
    /// else every provision chosen.
    pub fn opened(&self, package: &Package, from: Option<usize>) -> (Option<usize>, Provenance) {
        match (self.matching(package), from) {
            (None, Some(document)) if document < self.resolved.len() => (
                Some(document),
                self.scenario.changed_from(document, package),
            ),
            _ => self.provenance_of(package),
        }
    }

    /// The canonical link of `package`, naming `from` when the package is changed from it
    /// (`scoring::encode_from`'s rule, with the document packages from the cache: this runs on
    /// every change, and resolving all 27 documents each time would be wasted).
    /// `compare` are the link's `c=` values (docs/link-format.md), carried as written.
    pub fn link(&self, package: &Package, from: Option<usize>, compare: &[String]) -> String {
        let from = from
            .filter(|&document| document < self.resolved.len() && self.matching(package).is_none());
        let mut link = scoring::share::encode_link(self, package, from, self.edits());
        for value in compare {
            link.push_str("&c=");
            link.push_str(value);
        }
        link
    }

    /// `Scenario::provenance_of`, from the cache.
    pub fn provenance_of(&self, package: &Package) -> (Option<usize>, Provenance) {
        match self.matching(package) {
            Some(document) => (Some(document), self.resolve(document)),
            None => (None, self.scenario.chosen(package)),
        }
    }
}

impl PartialEq for ScenarioRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario)
    }
}

impl std::ops::Deref for ScenarioRef {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.scenario
    }
}

/// How a change reached the state, which decides how the URL is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlWrite {
    /// A toggle: replace the current history entry.
    Replace,
    /// A deliberate step (a preset): a new history entry, so Back undoes it.
    Push,
    /// The state came from the URL itself (load, back/forward): write nothing.
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub scenario: ScenarioRef,
    /// The package on screen.
    pub package: Package,
    /// The package before the last change, for the "what changed" highlight.
    pub previous: Package,
    /// Increases on every change of `package`; keys the highlight so it restarts.
    pub revision: u64,
    /// The document the package was loaded from (or the link matched), if any.
    pub base_document: Option<usize>,
    /// Partial documents applied on top since, in order.
    pub applied: Vec<usize>,
    /// Where each provision's choice comes from: a text, an assumption, or the user.
    pub origins: Vec<Origin>,
    /// Problems of the link the page was opened with, until dismissed.
    pub link_problems: Vec<String>,
    /// Which party's concession is broken down by issue.
    pub breakdown_party: usize,
    /// The party whose value is being explained term by term, if any.
    pub explained_party: Option<usize>,
    /// The text of the polite live region; changes only on committed changes, not slider steps.
    pub announcement: String,
    pub url_write: UrlWrite,
    /// The packages compared side by side: the link's `c=` values, in column order, which the
    /// page carries without reading (www/classroom.js and the worker show them).
    pub compare: Vec<String>,
    /// During a rehearsal (app.rs), the state it drew a change over, which its end restores.
    pub rehearsed: Option<Rc<AppState>>,
}

/// Every way the state can change, as domain verbs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader's edits to the assumptions, whole (the editor builds them with the core's
    /// setters): everything is scored again under them, and the link carries them.
    EditAssumptions {
        edits: Edits,
    },
    ChooseOption {
        issue: usize,
        option: usize,
    },
    /// `commit` is false while a slider is being dragged: the scores update, the announcement waits.
    SetAmount {
        issue: usize,
        amount: i64,
        commit: bool,
    },
    LoadPreset {
        document: usize,
    },
    /// A partial document's own positions applied on the package: a new history entry.
    ApplyDocument {
        document: usize,
    },
    /// A link read from the URL, on load or on back/forward.
    OpenLink {
        decoded: Decoded,
    },
    /// A suggested package from the analysis: a new history entry, so Back undoes it.
    ApplySuggestion {
        package: Package,
    },
    DismissLinkProblems,
    ShowBreakdownFor {
        party: usize,
    },
    /// Show (or, with `None`, hide) how a party's value is made.
    ExplainValue {
        party: Option<usize>,
    },
    /// The first step of a rehearsal (app.rs): the first provision's option changed, as a
    /// click would, with nothing to announce and no address to write.
    Rehearse,
    /// The rehearsal's end: the state it drew over, as it was.
    EndRehearsal,
}

impl AppState {
    /// The state for a page opened with `decoded` (the URL's fragment).
    pub fn open(scenario: Rc<Scenario>, decoded: Decoded) -> AppState {
        AppState::open_with(ScenarioRef::new(scenario), decoded)
    }

    /// As [`AppState::open`], with the scenario's caches already built.
    pub fn open_with(scenario: ScenarioRef, decoded: Decoded) -> AppState {
        let scenario = scenario.edited(&decoded.edits);
        let (base_document, provenance) = scenario.opened(&decoded.package, decoded.from);
        AppState {
            previous: decoded.package.clone(),
            package: decoded.package,
            revision: 0,
            base_document,
            applied: Vec::new(),
            origins: provenance.origins,
            explained_party: None,
            link_problems: decoded
                .problems
                .into_iter()
                .map(|problem| problem.message)
                .collect(),
            breakdown_party: 0,
            announcement: String::new(),
            url_write: UrlWrite::None,
            compare: decoded.compare,
            rehearsed: None,
            scenario,
        }
    }

    fn with_package(&self, package: Package, url_write: UrlWrite, announce: bool) -> AppState {
        let announcement = if announce {
            announcement(&self.scenario, &package)
        } else {
            self.announcement.clone()
        };
        // Issues the user changed become the user's choice; the rest keep their origin.
        let origins = (0..self.scenario.issues.len())
            .map(|issue| {
                if package.choice(issue) == self.package.choice(issue) {
                    self.origins[issue]
                } else {
                    Origin::Chosen
                }
            })
            .collect();
        AppState {
            previous: self.package.clone(),
            package,
            revision: self.revision + 1,
            announcement,
            url_write,
            origins,
            ..self.clone()
        }
    }

    /// The package with the origin of each provision.
    pub fn provenance(&self) -> Provenance {
        Provenance {
            package: self.package.clone(),
            origins: self.origins.clone(),
        }
    }
}

/// One sentence for screen readers after a committed change: the balance and each party's
/// concession, in party order.
pub fn announcement(scenario: &Scenario, package: &Package) -> String {
    let scores = scenario.score(package);
    let parties: Vec<String> = scenario
        .parties
        .iter()
        .zip(&scores.parties)
        .map(|(party, score)| {
            format!(
                "{} concedes {}",
                party.name,
                scoring::score::format_points(score.concession)
            )
        })
        .collect();
    format!(
        "{} {}.",
        scenario.balance_words(&scores.balance),
        parties.join(", ")
    )
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let scenario = &self.scenario;
        let next = match action {
            Action::ChooseOption { issue, option } => {
                match scenario.with_option(&self.package, issue, option) {
                    Ok(package) if package != self.package => {
                        self.with_package(package, UrlWrite::Replace, true)
                    }
                    _ => return self,
                }
            }
            Action::SetAmount {
                issue,
                amount,
                commit,
            } => match scenario.with_amount(&self.package, issue, amount) {
                Ok(package) if package != self.package => {
                    self.with_package(package, UrlWrite::Replace, commit)
                }
                // A drag that ends where it already is still deserves its announcement. This and
                // the other changes that leave the package alone keep `url_write`: when they
                // reach the reducer before the render of a package change (input and change
                // events of one key press, both handled while Yew's scheduler is busy), that
                // change's URL write must still happen.
                Ok(_) if commit && self.announcement != announcement(scenario, &self.package) => {
                    AppState {
                        announcement: announcement(scenario, &self.package),
                        ..(*self).clone()
                    }
                }
                _ => return self,
            },
            Action::LoadPreset { document } => {
                if document >= scenario.documents.len() {
                    return self;
                }
                let resolved = scenario.resolve(document);
                let mut next = self.with_package(resolved.package, UrlWrite::Push, true);
                next.base_document = Some(document);
                next.applied = Vec::new();
                next.origins = resolved.origins;
                next
            }
            Action::ApplyDocument { document } => {
                if scenario
                    .documents
                    .get(document)
                    .is_none_or(|spec| spec.kind != DocumentKind::Partial)
                {
                    return self;
                }
                let applied = scenario.apply_document(&self.provenance(), document);
                if applied.package == self.package && applied.origins == self.origins {
                    return self;
                }
                let mut next = self.with_package(applied.package, UrlWrite::Push, true);
                next.origins = applied.origins;
                next.applied.push(document);
                // A text applied on a plan may give a preset of its own (the 28-point plan with
                // the US guarantee draft): the page then shows that preset.
                let (matched, provenance) = scenario.provenance_of(&next.package);
                if matched.is_some() {
                    next.base_document = matched;
                    next.applied = Vec::new();
                    next.origins = provenance.origins;
                }
                next
            }
            Action::EditAssumptions { edits } => {
                if edits == *scenario.edits() || !edits.problems(scenario).is_empty() {
                    return self;
                }
                let scenario = scenario.edited(&edits);
                AppState {
                    announcement: announcement(&scenario, &self.package),
                    previous: self.package.clone(),
                    revision: self.revision + 1,
                    url_write: UrlWrite::Replace,
                    scenario,
                    ..(*self).clone()
                }
            }
            Action::OpenLink { decoded } => {
                let (base_document, provenance) = scenario.opened(&decoded.package, decoded.from);
                let mut next = self.with_package(decoded.package, UrlWrite::None, true);
                next.scenario = scenario.edited(&decoded.edits);
                next.announcement = announcement(&next.scenario, &next.package);
                next.base_document = base_document;
                next.applied = Vec::new();
                next.origins = provenance.origins;
                next.compare = decoded.compare;
                next.link_problems = decoded
                    .problems
                    .into_iter()
                    .map(|problem| problem.message)
                    .collect();
                next
            }
            Action::ApplySuggestion { package } => {
                if package.choices().len() != scenario.issues.len() || package == self.package {
                    return self;
                }
                let (matched, provenance) = scenario.provenance_of(&package);
                let mut next = self.with_package(package, UrlWrite::Push, true);
                if matched.is_some() {
                    next.base_document = matched;
                    next.applied = Vec::new();
                    next.origins = provenance.origins;
                }
                next
            }
            Action::Rehearse => {
                let option = usize::from(self.package.choice(0) == Choice::Option(0));
                match scenario.with_option(&self.package, 0, option) {
                    Ok(package) => AppState {
                        rehearsed: Some(self.clone()),
                        ..self.with_package(package, UrlWrite::None, false)
                    },
                    Err(_) => return self,
                }
            }
            Action::EndRehearsal => return self.rehearsed.clone().unwrap_or(self),
            Action::DismissLinkProblems => {
                if self.link_problems.is_empty() {
                    return self;
                }
                AppState {
                    link_problems: Vec::new(),
                    ..(*self).clone()
                }
            }
            Action::ShowBreakdownFor { party } => {
                if party >= scenario.parties.len() || party == self.breakdown_party {
                    return self;
                }
                AppState {
                    breakdown_party: party,
                    ..(*self).clone()
                }
            }
            Action::ExplainValue { party } => {
                if party.is_some_and(|party| party >= scenario.parties.len())
                    || party == self.explained_party
                {
                    return self;
                }
                AppState {
                    explained_party: party,
                    ..(*self).clone()
                }
            }
        };
        Rc::new(next)
    }
}
