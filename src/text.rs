//! Every fixed piece of UI text, in one place so that a Ukrainian translation can follow (the
//! title, tagline and introduction are in index.html, painted before the app starts).
//! Scenario text (labels, meanings, sources) comes from the model file instead. Verdicts are
//! worded as results of the model's tests under its assumptions, the same for every party.

pub const PRESET_LABEL: &str = "Plan";
pub const GROUP_SETTLEMENT: &str = "Whole settlement texts";
pub const GROUP_REVISION: &str = "Revisions of a text";
pub const GROUP_COMBINATION: &str = "Texts combined";
pub const GROUP_PARTIAL: &str = "Partial texts (a few provisions)";
pub const CHANGE: &str = "change";
pub const CHANGES: &str = "changes";
pub const PRESET_CUSTOM: &str = "Custom package";
pub const SHOWING: &str = "Showing:";
pub const STARTED_FROM: &str = "Started from:";
pub const REVISION_OF: &str = "A revision of";
pub const COMBINATION_OF: &str = "Loads";
pub const WITH_APPLIED: &str = "with, applied on top,";
pub const APPLIED_ON_TOP: &str = "Applied on top since:";
pub const APPLY_PARTIAL_LABEL: &str = "Apply a partial text on top of this package";
pub const APPLY_PARTIAL: &str = "Apply on top";
pub const SHARE: &str = "Copy link";
pub const SHARE_COPIED: &str = "Link copied to the clipboard.";
pub const QR_BUTTON: &str = "QR code";
pub const SHARE_FAILED: &str = "Copying is blocked here; select the link below and copy it.";
pub const SKIP_TO_BALANCE: &str = "Skip to the concession balance";
pub const PHONE_BAR_BALANCE: &str = "Balance, Ukraine's concession minus Russia's:";
pub const PHONE_BAR_TOWARD: &str = "Toward";
pub const PHONE_BAR_EVEN: &str = "Even";
pub const PHONE_BAR_CONCESSIONS: &str = "Concessions:";
pub const PHONE_BAR_OPEN: &str = "Show the full panel.";
pub const COMPARISON_TABLE: &str = "comparison of the texts";
pub const THEME_NAV: &str = "Provisions by theme";
pub const PROVISIONS_HEADING: &str = "Provisions";
pub const BALANCE_HEADING: &str = "Concession balance";
pub const ASSUMPTION_BADGE: &str = "model assumption";
pub const PROJECTOR_ASSUMPTION: &str = "values, weights and walk-away values";
pub const ASSUMPTION_NOTE: &str = "Values, weights and walk-away values are model assumptions, not findings or a forecast; each is listed with its rationale under “Model assumptions”.";
pub const VALUE: &str = "Value";
pub const CONCESSION: &str = "Concession";
pub const CONCESSION_LOWER: &str = "concession";
pub const POINTS: &str = "points";
pub const GAIN: &str = "Gain over no deal";
pub const ACCEPTS: &str = "Passes the model's acceptance test";
pub const REJECTS: &str = "Does not pass the model's acceptance test";
pub const BELOW_WALK_AWAY: &str = "is below its walk-away value";
pub const RATIFIED: &str = "Passes the model's ratification test";
pub const NOT_RATIFIED: &str = "Does not pass the model's ratification test";
pub const GUARANTORS_PASSING: &str = "guarantors that pass";
pub const RATIFICATION_RULE: &str = "The model's rule, with these assumptions: Ukraine and Russia both pass their acceptance tests, and at least one guarantor (United States or Europe) passes. It is not a prediction of any real ratification.";
pub const RED_LINE_CROSSED: &str = "Red line crossed";
pub const THROUGH_ASSUMED: &str = "through an assumed provision, not the text";
pub const STATED_POSITION: &str = "Stated position:";
pub const REDLINE_MODELLING: &str = "Which options cross it is a modelling choice.";
pub const HOW_TO_READ: &str = "How to read this";
pub const HOW_TO_READ_SHORT: &str = "Values run from 0 to 100, where 100 is a party's ideal by the model's assumptions; concession = 100 − value; the balance is Ukraine's concession minus Russia's.";
pub const HOW_TO_READ_POINTS: [&str; 6] = [
    "Each party's value runs from 0 to 100: 100 is its ideal package by the model's assumptions, 0 gives it nothing it wants. The bar shows the value; a grey band on it, once computed, is the range of the value when the weights are uncertain (5–95 %).",
    "Concession = 100 − value: how far the package is from that party's ideal.",
    "The balance is Ukraine's concession minus Russia's. Positive: the package tilts toward Russia; negative: toward Ukraine.",
    "▲ and ▼ compare with the package before your last change.",
    "“Passes the model's acceptance test” means: no modelled red line is crossed and the value is at least the party's walk-away value (what no deal is worth to it). Both are model assumptions, not facts about the real world.",
    "Provisions a text does not settle are assumed, and marked as such.",
];
pub const GLOSSARY_LINK: &str = "Glossary of the terms";
pub const ASSUMPTIONS_LINK: &str = "The model's weights and walk-away values";
pub const WHOLE_PACKAGE_PREFIX: &str = "This number is for the whole package, in which";
pub const PROVISION: &str = "provision";
pub const PROVISIONS: &str = "provisions";
pub const IS: &str = "is";
pub const ARE: &str = "are";
pub const ASSUMED_LOWER: &str = "assumed";
pub const MARKED_BELOW: &str = "(marked on each provision).";
pub const SETTLED_PREFIX: &str = "Over only the";
pub const SETTLED_SUFFIX: &str = "that the texts settle, weights renormalised:";
pub const NOT_AVAILABLE: &str = "n/a";
pub const ALL_SETTLED_PREFIX: &str = "The texts settle all";
pub const ALL_SETTLED_SUFFIX: &str = "provisions; none is assumed";
pub const EXPLAIN_VALUE: &str = "Show how the value is made for";
pub const EXPLANATION_HEADING: &str = "How ";
pub const EXPLANATION_HEADING_END: &str = "'s value is made";
pub const EXPLANATION_HELP: &str = "Each provision adds its weight × the party's value of the choice (0–100) ÷ 100. Weights and values are model assumptions; each value's reason is given.";
pub const PROVISION_HEADING: &str = "Provision";
pub const WEIGHT: &str = "Weight";
pub const POINTS_HEADING: &str = "Points";
pub const INTERPOLATED: &str = "An amount between two documented reference points is valued on the straight line between their values.";
pub const EXPLANATION_TOTAL: &str = "Total";
pub const CLOSE: &str = "Close";
pub const BREAKDOWN_HEADING: &str = "Where the concession comes from";
pub const BREAKDOWN_PARTY: &str = "Party";
pub const CHANGED: &str = "Changed by the last click";
pub const TAKEN_BY: &str = "Taken by";
pub const TAKEN_BY_NONE: &str = "No document in the scenario";
pub const ABOUT_ISSUE: &str = "About this provision";
pub const ASPECT: &str = "Aspect";
pub const SOURCES: &str = "Sources";
pub const CAUTION: &str = "Caution:";
pub const CAUTION_WEAK: &str =
    "every source for this is state media, a mirror or an unidentified site.";
pub const WHAT_SAYS_SUFFIX: &str = "says:";
pub const ASSUMED: &str = "Assumed:";
pub const NO_TEXT_SETTLES: &str = "No text in this package settles this.";
pub const SAYS_NOTHING: &str = "says nothing on this.";
pub const DROPS_PROVISION: &str = "drops this provision.";
pub const LEAVES_OPEN: &str = "leaves this open (in brackets).";
pub const OPEN_RATIONALE: &str = "the wording of the text it revises, which is not agreed text";
pub const LINK_PROBLEMS_HEADING: &str = "Parts of this link could not be used";
pub const LINK_PROBLEMS_INTRO: &str =
    "The rest of the link was applied. These settings were reset:";
pub const DISMISS: &str = "Dismiss";
pub const MODEL_NOTICE_HEADING: &str = "Made with model";
pub const MODEL_NOTICE_MADE_WITH: &str = "This link was made with model";
pub const MODEL_NOTICE_CURRENT: &str = "the current model is";
pub const MODEL_NOTICE_NUMBERS: &str = "The numbers shown are the ones the link was shared with.";
pub const MODEL_NOTICE_UPDATE: &str = "Open this package with model";
pub const LOADING_MODEL: &str = "Loading model";
pub const MODEL_FAILED: &str =
    "The scenario data could not be loaded. Check your connection and reload the page.";
pub const AMOUNT: &str = "Custom amount";
pub const REFERENCE_POINTS: &str = "Documented reference points";
pub const ASSUMPTIONS_HEADING: &str =
    "Model assumptions: weights, walk-away values, red lines, option values";
pub const ASSUMPTIONS_INTRO: &str = "Every number below is an assumption of this model version, with its reason, and you can change it. The weights say how much each provision matters to each party (shares of 100 %); the walk-away value is what no deal is worth to it; a red line is a stated position that a package must not cross. Every score and the whole analysis follow your edits, and the page's link carries them.";
pub const EDITS_NOTICE_HEADING: &str = "Your own assumptions";
pub const EDITS_NOTICE_INTRO: &str =
    "Every number on this page uses these edits, not the assumptions of model";
pub const EDITS_NOTICE_EDIT: &str = "Edit them";
pub const EDITS_NOT_CARRIED: &str =
    "Your edits to the assumptions were not carried over: they belong to model";
pub const EDITOR_SUMMARY: &str =
    "Edit the assumptions: weights, walk-away values, red lines, option values";
pub const EDITS_NONE: &str = "No edits: the numbers use the assumptions of model";
pub const EDITS_ONE: &str = "number edited: the numbers use your assumptions, not those of model";
pub const EDITS_MANY: &str = "numbers edited: the numbers use your assumptions, not those of model";
pub const RESET_ALL: &str = "Reset every assumption";
pub const RESET_PARTY: &str = "Reset every assumption of";
pub const RESET_WEIGHTS: &str = "Reset these weights";
pub const RESET: &str = "Reset";
pub const DOWNLOAD_ASSUMPTIONS: &str = "Download the assumptions (JSON)";
pub const LOAD_ASSUMPTIONS: &str = "Load assumptions from a file";
pub const FILE_NOT_APPLIED: &str = "The file was not applied; nothing changed. Its problems:";
pub const EDIT_PARTY: &str = "Edit the assumptions of";
pub const EDITED_MARK: &str = "edited";
pub const MODEL_PREFIX: &str = "model:";
pub const MODEL_ON: &str = "on";
pub const WEIGHTS_LEGEND: &str = "weights, shares of 100 %";
pub const WEIGHTS_RULE: &str = "The shares always sum to 100 %. When you set one, the others are rescaled in proportion to fill the rest, in whole points; points left over by rounding go to the largest remainders (if every other share is 0, they share the rest equally).";
pub const RED_LINES_LEGEND: &str =
    "red lines (a crossed red line means the party rejects the package)";
pub const VALUES_SUMMARY: &str = "advanced: its value of each option (0–100)";
pub const VALUES_RULE: &str = "Each value says what an option is worth to the party on that provision, from 0 to 100. On every provision the party weighs, its best option stays at 100: a concession is measured from there. At most 24 values can be edited at once, so that the link stays readable.";
pub const VALUE_RANGE: &str =
    "A value is a whole number from 0 to 100; the field shows the value in force.";
pub const OPTION_HEADING: &str = "Option";
pub const VALUE_HEADING: &str = "Value";
pub const MODEL_HEADING: &str = "Model";
pub const FLIPS_HEADING: &str = "Which verdicts survive a change of one weight";
pub const FLIPS_INTRO: &str = "Computed from the model's assumptions in force (yours, where you edited them), for the package on screen: the smallest change of a single weight that reverses the balance's direction or a party's acceptance, found by trying every whole-point weight with the rebalancing rule of the assumptions editor below. A large change means the verdict is robust to that weight; a small one, that it is fragile.";
pub const FLIPS_PENDING: &str = "Computing which verdicts survive…";
pub const FLIPS_UNAVAILABLE: &str =
    "Not available: the analysis is not running (the Negotiation analysis section says why).";
pub const WEIGHTS_CAPTION: &str = "Weights (points out of 100) and walk-away values";
pub const WALK_AWAY: &str = "Walk-away value";
pub const WEIGHTS: &str = "Weights";
pub const WHY_PREFIX: &str = "why these";
pub const WHY_SUFFIX: &str = "numbers";
pub const RED_LINES_MODELLED: &str = "Red lines modelled on";
pub const NO_RED_LINES: &str = "No red lines are modelled for this party.";
pub const WHEN_SILENT_HEADING: &str = "What is assumed where a text is silent";
pub const FOOTER_MODEL: &str = "Model";
pub const FOOTER_SCENARIO: &str = "Scenario";
pub const FOOTER_PUBLISHED: &str = "published models";
pub const FOOTER_ALL_SOURCES: &str = "All sources";
pub const FOOTER_BY_CLASS: &str = "By class";
pub const FOOTER_CAVEATS: &str = "Caveats on the data";
pub const FOOTER_NEUTRAL: &str = "Plans are described by what they say, not by whether they are good. Every position a document takes, every red line and every figure in the notes carries its sources, shown by outlet and class; the valuations are model assumptions and cite sources only where they state a fact.";
pub const ANALYSIS_HEADING: &str = "Negotiation analysis";
pub const ANALYSIS_UPDATING: &str = "Updating the analysis…";
pub const ANALYSIS_READY: &str = "Analysis up to date.";
pub const ANALYSIS_UNAVAILABLE: &str = "The analysis is unavailable.";
pub const WORKER_FAILED: &str = "The analysis stopped";
pub const WORKER_NOT_STARTED: &str = "The analysis could not start: its worker did not load";
pub const WORKER_NOT_RESPONDING: &str = "The analysis is not responding.";
pub const WORKER_MISMATCH: &str =
    "The analysis worker is from another version of the sandbox; reload the page";
pub const WORKER_SCORES_STILL_WORK: &str =
    "The scores, the balance and the links above still work: they are computed on this page.";
pub const PANELS_MODEL_FAILED: &str =
    "The analysis, the assumptions editor and the sources could not read the model";
pub const WORKER_RETRY: &str = "Try the analysis again";
pub const ANALYSIS_NOTE: &str = "Every result here follows from the model's valuations and walk-away values. The packages are reference points of the model for discussion, by these assumptions; they are not predictions or recommendations.";
pub const WARNINGS_HEADING: &str = "Warnings";
pub const NO_WARNINGS: &str =
    "No modelled red line is crossed and every party is at or above its walk-away value.";
pub const SUGGESTIONS_HEADING: &str = "Reference packages of the model, by these assumptions";
pub const NO_SUGGESTION: &str = "None exists under these assumptions.";
pub const SUGGESTION_IS_CURRENT: &str = "This is the current package.";
pub const APPLY: &str = "Load this package";
pub const IMPROVEMENT_TITLE: &str = "Better for every party, by these assumptions";
pub const IMPROVEMENT_HELP: &str = "A package at least as good for every party by the model's values, crossing no new modelled red line, with the largest smallest gain.";
pub const NO_IMPROVEMENT: &str = "By these assumptions, no package is better for one party without being worse for another (or crossing a new modelled red line).";
pub const NEAREST_TITLE: &str =
    "Nearest package that passes the model's tests, by these assumptions";
pub const NEAREST_HELP: &str = "Fewest provisions changed so that both belligerents and a guarantor pass the model's acceptance tests; ties go to the smallest shift in values.";
pub const NASH_TITLE: &str = "Nash reference package, by these assumptions";
pub const NASH_SHORT: &str = "Nash";
pub const NASH_HELP: &str =
    "Among packages both belligerents pass: the largest product of their gains over no deal.";
pub const KS_TITLE: &str = "Kalai–Smorodinsky reference package, by these assumptions";
pub const KS_SHORT: &str = "Kalai–Smorodinsky";
pub const KS_HELP: &str =
    "Among packages both belligerents pass: each gets the same share of the most it could gain.";
pub const EGALITARIAN_SHORT: &str = "Largest smallest gain";
pub const ROBUSTNESS_HEADING: &str = "How much the balance depends on the weights";
pub const ROBUSTNESS_HELP: &str = "Each party's weights are redrawn at random around the stated ones (a Dirichlet distribution); a higher concentration keeps them closer.";
pub const CONCENTRATION_LABEL: &str = "Concentration";
pub const INFLUENTIAL_HEADING: &str = "Weights that move the balance most:";
pub const FRONTIER_HEADING: &str = "Frontier: Ukraine's value against Russia's";
pub const FRONTIER_TABLE: &str = "Frontier data table";
pub const FRONTIER_ACCEPTABLE: &str = "Both pass";
pub const FRONTIER_BETWEEN: &str = "Packages on the line from the row above";
pub const FRONTIER_LEGEND: &str = "Shaded: both at or above their walk-away values. Filled dots: frontier packages both pass. Diamonds: reference packages of the model. Circle: the current package. Cross: no deal.";
pub const NO_DEAL_LABEL: &str = "No deal";
pub const CURRENT_LABEL: &str = "Current";
pub const BAND: &str = "5–95 %";
