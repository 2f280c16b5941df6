//! Share links: round trips, canonical form, lenient decoding with plain-language problems, and
//! bounded work on any input. Runs against the built-in scenario.

use proptest::prelude::*;
use scoring::share::{MAX_LINK_BYTES, Slot, V1_DEFAULTS, read_slots, write_compare};
use scoring::{Choice, Package, Scenario, decode, encode, encode_from};

fn scenario() -> Scenario {
    Scenario::builtin().expect("built-in scenario is valid")
}

/// A random valid package: each issue gets a random option or, on a scale, a random amount.
fn package_strategy(scenario: &Scenario) -> impl Strategy<Value = Package> + use<> {
    let picks: Vec<BoxedStrategy<(bool, usize, i64)>> = scenario
        .issues
        .iter()
        .map(|issue| {
            let options = issue.options.len();
            match &issue.scale {
                Some(scale) => (any::<bool>(), 0..options, scale.min..=scale.max).boxed(),
                None => (Just(false), 0..options, Just(0i64)).boxed(),
            }
        })
        .collect();
    let scenario = scenario.clone();
    picks.prop_map(move |picks| {
        let mut package = scenario.v1_default_package();
        for (issue, (use_amount, option, amount)) in picks.into_iter().enumerate() {
            package = if use_amount {
                scenario
                    .with_amount(&package, issue, amount)
                    .expect("amount in range")
            } else {
                scenario
                    .with_option(&package, issue, option)
                    .expect("option exists")
            };
        }
        package
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn decode_of_encode_is_identity(package in package_strategy(&scenario())) {
        let scenario = scenario();
        let link = encode(&scenario, &package);
        let decoded = decode(&scenario, &link);
        prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        prop_assert_eq!(&decoded.package, &package);
        // The page writes "#" + link; the CLI also accepts whole URLs.
        let url = format!("http://127.0.0.1:8080/index.html#{link}");
        prop_assert_eq!(&decode(&scenario, &url).package, &package);
    }

    #[test]
    fn only_ids_and_numbers_appear_in_links(package in package_strategy(&scenario())) {
        let link = encode(&scenario(), &package);
        prop_assert!(link.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || b"_=&.".contains(&byte)), "{}", link);
        prop_assert!(link.len() <= 2_000);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn decode_never_panics_and_reencodes_canonically(input in "(v=[0-9]{0,3}&)?([a-z_]{0,40}=[a-z0-9_]{0,30}&?){0,30}") {
        let scenario = scenario();
        let decoded = decode(&scenario, &input);
        let canonical = encode(&scenario, &decoded.package);
        let again = decode(&scenario, &canonical);
        prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
        prop_assert_eq!(&again.package, &decoded.package);
        prop_assert_eq!(encode(&scenario, &again.package), canonical);
    }
}

/// A random compared package: the link's own, a document's, or any package.
fn slot_strategy(scenario: &Scenario) -> impl Strategy<Value = Slot> + use<> {
    let documents = scenario.documents.len();
    prop_oneof![
        Just(Slot::Here),
        (0..documents).prop_map(Slot::Document),
        package_strategy(scenario).prop_map(Slot::Package),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// Compared packages (`c=`) read back to the same columns after the link's own package and
    /// edits, and the link is canonical: reading and writing it again gives the same text.
    #[test]
    fn comparison_links_round_trip(
        package in package_strategy(&scenario()),
        slots in proptest::collection::vec(slot_strategy(&scenario()), 0..=4),
    ) {
        let scenario = scenario();
        let mut link = encode(&scenario, &package);
        write_compare(&scenario, &slots, &mut link);
        prop_assert!(link.len() < MAX_LINK_BYTES, "{} bytes", link.len());
        let decoded = decode(&scenario, &link);
        prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        prop_assert_eq!(&decoded.package, &package);
        let (read, problems) = read_slots(&scenario, &decoded.compare);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(&read, &slots);
        let mut again = encode(&scenario, &decoded.package);
        write_compare(&scenario, &read, &mut again);
        prop_assert_eq!(again, link.clone());
        // Only ids, digits and the separators: nothing from a link can be markup.
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"_=&.~-".contains(&b)), "{}", link);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    /// A package changed from a document names it (`from=`), unless the package is a document's
    /// own; the link reads back to the same package and document, and is canonical.
    #[test]
    fn links_remember_the_document_they_started_from(package in package_strategy(&scenario()), document in 0usize..27) {
        let scenario = scenario();
        let document = document % scenario.documents.len();
        let link = encode_from(&scenario, &package, Some(document));
        let decoded = decode(&scenario, &link);
        prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        prop_assert_eq!(&decoded.package, &package);
        let own = (0..scenario.documents.len()).any(|other| scenario.document_package(other) == package);
        prop_assert_eq!(decoded.from, (!own).then_some(document));
        prop_assert_eq!(link.contains("&from="), !own);
        prop_assert_eq!(encode_from(&scenario, &decoded.package, decoded.from), link.clone());
        // Without a document, the link is the plain one.
        prop_assert_eq!(encode_from(&scenario, &package, None), encode(&scenario, &package));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_up_to_64_kib_decode(bytes in proptest::collection::vec(any::<u8>(), 0..65_536)) {
        let scenario = scenario();
        let input = String::from_utf8_lossy(&bytes);
        let decoded = decode(&scenario, &input);
        // Every problem message is plain text with no raw input beyond short, sanitised quotes.
        for problem in &decoded.problems {
            prop_assert!(problem.message.len() < 400, "{}", problem.message);
            prop_assert!(!problem.message.contains('<'));
        }
        let canonical = encode(&scenario, &decoded.package);
        prop_assert_eq!(&decode(&scenario, &canonical).package, &decoded.package);
    }

    #[test]
    fn work_is_bounded_by_the_length_cap(prefix in "v=1(&[a-z_]{1,30}=[a-z0-9_]{1,12}){0,200}", tail in "[ -~]{0,2000}") {
        // Whatever follows the first MAX_LINK_BYTES bytes cannot change the outcome: the decoder
        // never looks past them, so its work is bounded whatever the input's size.
        let scenario = scenario();
        let long = format!("{prefix}{}{tail}", "&".repeat(MAX_LINK_BYTES));
        let cut = &long[..MAX_LINK_BYTES];
        prop_assert_eq!(decode(&scenario, &long).package, decode(&scenario, cut).package);
    }
}

#[test]
fn the_empty_link_is_the_opening_package_and_v1_its_frozen_defaults() {
    let scenario = scenario();
    let opening = format!("v=2&m={}", scenario.meta.version);
    for input in ["", "#", opening.as_str(), &format!("  #{opening}  ")] {
        let decoded = decode(&scenario, input);
        assert!(
            decoded.problems.is_empty(),
            "{input:?}: {:?}",
            decoded.problems
        );
        assert_eq!(decoded.package, scenario.opening_package(), "{input:?}");
    }
    assert_eq!(encode(&scenario, &scenario.opening_package()), opening);
    // A version-1 link omits what the frozen v1 defaults set, whichever model reads it.
    for input in ["#v=1", "v=1", "  #v=1  "] {
        let decoded = decode(&scenario, input);
        assert!(decoded.problems.is_empty(), "{input:?}");
        assert_eq!(decoded.package, scenario.v1_default_package(), "{input:?}");
    }
    assert_ne!(scenario.v1_default_package(), scenario.opening_package());
}

#[test]
fn v1_defaults_name_existing_issues_and_options_in_every_issue() {
    let scenario = scenario();
    for (issue_id, option_id) in V1_DEFAULTS {
        let Some(issue) = scenario.issue_index(issue_id) else {
            // The small test fixture has only some issues; the built-in scenario has all.
            assert!(
                scenario.meta.id != "ru-ua-2025",
                "v1 default issue {issue_id} is missing"
            );
            continue;
        };
        assert!(
            scenario.issues[issue].option_index(option_id).is_some(),
            "v1 default {issue_id}={option_id} is not an option"
        );
    }
}

#[test]
fn problems_are_specific_and_keep_the_rest() {
    let scenario = scenario();
    let issue = &scenario.issues[0];
    let other = &scenario.issues[1];
    let other_option = &other.options[0].id;
    let link = format!(
        "#v=1&{}=not_an_option&{}={other_option}&no_such_issue=1&garbage",
        issue.id, other.id
    );
    let decoded = decode(&scenario, &link);
    let messages: Vec<&str> = decoded
        .problems
        .iter()
        .map(|problem| problem.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages[0].starts_with(&format!("{}: “not_an_option” is", issue.label)),
        "{messages:#?}"
    );
    assert_eq!(decoded.problems[0].issue, Some(0));
    assert_eq!(
        messages[1],
        "Unknown provision “no_such_issue” was ignored."
    );
    assert_eq!(
        messages[2],
        "“garbage” is not a setting (name=value) and was ignored."
    );
    // The valid setting in between still applied.
    assert_eq!(decoded.package.choice(1), Choice::Option(0));
    assert_eq!(
        decoded.package.choice(0),
        scenario.v1_default_package().choice(0)
    );
}

#[test]
fn versions_missing_unknown_and_newer() {
    let scenario = scenario();
    let newer = decode(&scenario, "#v=7");
    assert_eq!(newer.problems.len(), 1);
    assert!(
        newer.problems[0].message.contains("newer version"),
        "{:?}",
        newer.problems
    );
    let bad = decode(&scenario, "#v=x1");
    assert!(
        bad.problems[0]
            .message
            .starts_with("The link's version “x1” is not valid"),
        "{:?}",
        bad.problems
    );
    let issue = &scenario.issues[1];
    let missing = decode(&scenario, &format!("#{}={}", issue.id, issue.options[0].id));
    assert_eq!(
        missing.problems[0].message,
        "The link has no format version; it was read as version 2."
    );
    assert_eq!(
        missing.package.choice(1),
        Choice::Option(0),
        "the setting after a missing version still applies"
    );
}

#[test]
fn amounts_are_clamped_and_reference_points_become_options() {
    let scenario = scenario();
    let (issue, spec) = scenario
        .issues
        .iter()
        .enumerate()
        .find(|(_, issue)| issue.scale.is_some())
        .expect("a numeric issue");
    let scale = spec.scale.as_ref().expect("scale");
    let decoded = decode(
        &scenario,
        &format!("#v=1&{}={}", spec.id, scale.max + 1_000_000),
    );
    assert_eq!(decoded.problems.len(), 1);
    assert!(
        decoded.problems[0].message.contains("is outside"),
        "{:?}",
        decoded.problems
    );
    let (max_at, max_option) = *scale.points.last().expect("points");
    assert_eq!(max_at, scale.max);
    assert_eq!(decoded.package.choice(issue), Choice::Option(max_option));
    // An amount that hits a reference point is the same state as that option, so one link.
    let by_amount = decode(
        &scenario,
        &format!("#v=1&{}={}", spec.id, scale.points[0].0),
    );
    let by_id = decode(
        &scenario,
        &format!("#v=1&{}={}", spec.id, spec.options[scale.points[0].1].id),
    );
    assert_eq!(by_amount.package, by_id.package);
    assert_eq!(
        encode(&scenario, &by_amount.package),
        encode(&scenario, &by_id.package)
    );
}

#[test]
fn hostile_text_is_never_echoed_raw() {
    let scenario = scenario();
    let link = "#v=1&<script>alert(1)</script>=x&army_cap=\"><img src=x onerror=alert(1)>&javascript:alert(1)";
    let decoded = decode(&scenario, link);
    assert!(!decoded.problems.is_empty());
    for problem in &decoded.problems {
        assert!(
            !problem.message.contains('<') && !problem.message.contains('>'),
            "{}",
            problem.message
        );
        assert!(!problem.message.contains("\""), "{}", problem.message);
    }
    let huge = format!("#v=1&{}", "a".repeat(100_000));
    let decoded = decode(&scenario, &huge);
    assert!(
        decoded.problems[0]
            .message
            .starts_with("The link is longer than 4,096 characters")
    );
    assert!(
        decoded
            .problems
            .iter()
            .all(|problem| problem.message.len() < 300)
    );
}

#[test]
fn the_document_a_package_started_from_is_read_leniently() {
    let scenario = scenario();
    let geneva = scenario
        .documents
        .iter()
        .position(|d| d.id == "geneva_nov2025")
        .unwrap();
    let model = &scenario.meta.version;
    // One change from the Geneva revision.
    let base = scenario.document_package(geneva);
    let changed = scenario.with_option(&base, 0, 0).unwrap();
    let link = encode_from(&scenario, &changed, Some(geneva));
    assert!(link.ends_with("&from=geneva_nov2025"), "{link}");
    assert_eq!(decode(&scenario, &link).from, Some(geneva));

    // Unknown, repeated or hostile values: a problem each, and the rest of the link is kept.
    let unknown = decode(
        &scenario,
        &format!("v=2&m={model}&army_cap=no_cap&from=no_such_plan"),
    );
    assert_eq!(unknown.from, None);
    assert_eq!(unknown.problems.len(), 1);
    assert!(
        unknown.problems[0]
            .message
            .starts_with("Unknown plan “no_such_plan”"),
        "{:?}",
        unknown.problems
    );
    assert_eq!(
        unknown.package,
        decode(&scenario, &format!("v=2&m={model}&army_cap=no_cap")).package
    );
    let twice = decode(
        &scenario,
        &format!("v=2&m={model}&army_cap=no_cap&from=geneva_nov2025&from=us28_nov2025"),
    );
    assert_eq!(twice.from, Some(geneva));
    assert_eq!(twice.problems.len(), 1);
    let hostile = decode(
        &scenario,
        &format!("v=2&m={model}&from=<script>alert(1)</script>"),
    );
    assert_eq!(hostile.from, None);
    assert!(!hostile.problems[0].message.contains('<'));
    // A document's own package needs no `from=`: it reads as that document.
    assert_eq!(
        encode_from(&scenario, &base, Some(0)),
        encode(&scenario, &base)
    );
}

#[test]
fn compared_packages_are_read_leniently() {
    let scenario = scenario();
    let model = &scenario.meta.version;
    let read = |rest: &str| {
        let decoded = decode(&scenario, &format!("v=2&m={model}&army_cap=no_cap{rest}"));
        let (slots, mut problems) = read_slots(&scenario, &decoded.compare);
        let mut all = decoded.problems.clone();
        all.append(&mut problems);
        (decoded.package, slots, all)
    };
    let (plain, _, _) = read("");
    // Unknown plans, bad settings and a fifth column: one problem each, the rest kept.
    let (package, slots, problems) = read("&c=no_such_plan&c=here");
    assert_eq!(slots, vec![Slot::Here]);
    assert_eq!(package, plain);
    assert!(
        problems[0]
            .message
            .starts_with("Unknown plan “no_such_plan” (a compared package)"),
        "{problems:?}"
    );
    let (_, slots, problems) = read("&c=p~army_cap-lots~nope-1~army_cap-no_cap~x");
    assert_eq!(slots, vec![Slot::Package(scenario.opening_package())]);
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(
        problems[2]
            .message
            .contains("appears more than once in a compared package")
    );
    let (_, slots, problems) = read("&c=here&c=here&c=here&c=here&c=here&c=here");
    assert_eq!(slots.len(), 4);
    assert_eq!(problems[0].issue, None);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("more than 4"));
    // Markup never gets into a kept value, nor into a message.
    let hostile = decode(
        &scenario,
        &format!("v=2&m={model}&c=<img src=x onerror=alert(1)>"),
    );
    assert!(hostile.compare.is_empty());
    assert!(hostile.problems.iter().all(|p| !p.message.contains('<')));
    // An amount off the scale is clamped, as in the link's own settings.
    let (_, _, problems) = read("&c=p~army_cap-99999999");
    assert_eq!(problems.len(), 1, "{problems:?}");
}
