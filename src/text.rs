//! Every fixed piece of UI text, in one place so that a Ukrainian translation can follow.
//! Scenario text (labels, meanings, sources) comes from the scenario file instead.

pub const TITLE: &str = "Peace Plan Sandbox";
pub const TAGLINE: &str =
    "Toggle the provisions of a Russia–Ukraine peace plan and see what each party concedes.";
pub const PRESET_LABEL: &str = "Plan";
pub const PRESET_CUSTOM: &str = "Custom package";
pub const SHARE: &str = "Copy link";
pub const SHARE_COPIED: &str = "Link copied to the clipboard.";
pub const SHARE_FAILED: &str = "Copying is blocked here; select the link below and copy it.";
pub const SKIP_TO_BALANCE: &str = "Skip to the concession balance";
pub const PROVISIONS_HEADING: &str = "Provisions";
pub const BALANCE_HEADING: &str = "Concession balance";
pub const ASSUMPTION_BADGE: &str = "model assumption";
pub const ASSUMPTION_NOTE: &str = "Values, weights and walk-away points are editable model assumptions, not findings or a forecast.";
pub const VALUE: &str = "Value";
pub const CONCESSION: &str = "Concession";
pub const GAIN: &str = "Gain over no deal";
pub const ACCEPTS: &str = "Accepts";
pub const REJECTS: &str = "Rejects";
pub const BELOW_WALK_AWAY: &str = "below its walk-away point";
pub const RATIFIED: &str = "Ratified";
pub const NOT_RATIFIED: &str = "Not ratified";
pub const RATIFICATION_RULE: &str = "Rule: Ukraine and Russia both accept, and at least one guarantor (United States or Europe) accepts.";
pub const BREAKDOWN_HEADING: &str = "Where the concession comes from";
pub const BREAKDOWN_PARTY: &str = "Party";
pub const CHANGED: &str = "Changed by the last click";
pub const TAKEN_BY: &str = "Taken by";
pub const TAKEN_BY_NONE: &str = "No document in the scenario";
pub const ABOUT_ISSUE: &str = "About this provision";
pub const SOURCES: &str = "Sources";
pub const SILENT_PREFIX: &str = "is silent on this. Assumed:";
pub const LINK_PROBLEMS_HEADING: &str = "Parts of this link could not be used";
pub const LINK_PROBLEMS_INTRO: &str =
    "The rest of the link was applied. These settings were reset:";
pub const DISMISS: &str = "Dismiss";
pub const AMOUNT: &str = "Custom amount";
pub const REFERENCE_POINTS: &str = "Documented reference points";
pub const FOOTER_MODEL: &str = "Model";
pub const FOOTER_SCENARIO: &str = "Scenario";
pub const FOOTER_ALL_SOURCES: &str = "All sources";
pub const FOOTER_CAVEATS: &str = "Caveats on the data";
pub const FOOTER_NEUTRAL: &str = "Plans are described by what they say, not by whether they are good. Every fact carries its source.";
pub const ANALYSIS_HEADING: &str = "Negotiation analysis";
pub const ANALYSIS_UPDATING: &str = "Updating the analysis…";
pub const ANALYSIS_READY: &str = "Analysis up to date.";
pub const ANALYSIS_NOTE: &str = "Results follow from the valuations and walk-away points; the packages below are reference points for discussion, not predictions or recommendations.";
pub const WARNINGS_HEADING: &str = "Warnings";
pub const NO_WARNINGS: &str =
    "No red line is crossed and every party is at or above its walk-away value.";
pub const SUGGESTIONS_HEADING: &str = "Suggested packages";
pub const NO_SUGGESTION: &str = "None exists under these assumptions.";
pub const SUGGESTION_IS_CURRENT: &str = "This is the current package.";
pub const APPLY: &str = "Apply this package";
pub const IMPROVEMENT_TITLE: &str = "Most balanced improvement";
pub const IMPROVEMENT_HELP: &str = "A package at least as good for every party, crossing no new red line, that maximises the smallest gain.";
pub const NO_IMPROVEMENT: &str = "No package is better for one party without being worse for another (or crossing a new red line).";
pub const NEAREST_TITLE: &str = "Nearest acceptable package";
pub const NEAREST_HELP: &str = "Fewest provisions changed so that both belligerents and a guarantor accept; ties go to the smallest shift in values.";
pub const NASH_TITLE: &str = "Nash";
pub const NASH_HELP: &str =
    "Among packages both belligerents accept: the largest product of their gains over no deal.";
pub const KS_TITLE: &str = "Kalai–Smorodinsky";
pub const KS_HELP: &str =
    "Among packages both belligerents accept: each gets the same share of the most it could gain.";
pub const EGALITARIAN_TITLE: &str = "Egalitarian";
pub const ROBUSTNESS_HEADING: &str = "How much the balance depends on the weights";
pub const ROBUSTNESS_HELP: &str = "Each party's weights are redrawn at random around the stated ones (a Dirichlet distribution); a higher concentration keeps them closer.";
pub const CONCENTRATION_LABEL: &str = "Concentration";
pub const INFLUENTIAL_HEADING: &str = "Weights that move the balance most:";
pub const FRONTIER_HEADING: &str = "Frontier: Ukraine's value against Russia's";
pub const FRONTIER_TABLE: &str = "Frontier data table";
pub const FRONTIER_ACCEPTABLE: &str = "Acceptable to both";
pub const FRONTIER_LEGEND: &str = "Shaded: both at or above their walk-away values. Filled dots: frontier packages both accept. Diamonds: reference packages. Circle: the current package. Cross: no deal.";
pub const NO_DEAL_LABEL: &str = "No deal";
pub const CURRENT_LABEL: &str = "Current";
pub const BAND: &str = "5–95 %";
