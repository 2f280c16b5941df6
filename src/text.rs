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
