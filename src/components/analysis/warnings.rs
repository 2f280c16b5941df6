//! The warnings panel: each red line crossed and each party below its walk-away value, with the
//! provisions responsible; a click focuses the provision.

use yew::prelude::*;

use super::AnalysisResultsProps;
use crate::browser;
use crate::text;

pub(super) fn warnings_panel(props: &AnalysisResultsProps, fresh: bool) -> Html {
    let scenario = &props.scenario;
    let level = &props.package_level;
    let warnings = level.warnings.clone();
    let base = level
        .package
        .clone()
        .unwrap_or_else(|| props.package.clone());
    html! {
        <section class="analysis-part warnings" aria-labelledby="warnings-heading">
            <h3 id="warnings-heading">{ text::WARNINGS_HEADING }</h3>
            if level.package.is_none() {
                <p class="muted">{ text::ANALYSIS_UPDATING }</p>
            } else if warnings.is_empty() {
                <p>{ text::NO_WARNINGS }</p>
            } else {
                <ul class="warning-list">
                    { for warnings.iter().enumerate().map(|(index, warning)| {
                        let issue = scenario.warning_issue(warning);
                        let target = issue.map(|issue| format!("issue-{}", scenario.issues[issue].id));
                        let onclick = Callback::from(move |_: MouseEvent| {
                            if let Some(target) = &target {
                                browser::focus(target);
                            }
                        });
                        html! {
                            <li key={index}>
                                <button type="button" class="warning" {onclick} data-testid="warning" data-fresh={fresh.to_string()}>
                                    { scenario.warning_text(warning, &base) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
