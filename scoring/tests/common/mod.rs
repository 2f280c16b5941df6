//! Helpers shared by the test files: a seeded generator and random small scenarios.
#![allow(dead_code)]

/// A small deterministic generator, so a failing case is reproducible from its seed.
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A random valid scenario as TOML: 4 parties, `issues` issues of 2–4 options, random weights,
/// values (each weighted party's best option at 100), walk-away values and red lines.
pub fn random_scenario(seed: u64, issues: usize) -> String {
    random_scenario_with_scales(seed, issues, 0)
}

/// [`random_scenario`] whose first `scales` issues are numeric: a scale from 0 on a step of 1
/// with its options at 0 and at gaps of 1–3 (the first option off the scale when there are
/// three or more, like "No limit"), so every amount between is a package of its own; some red
/// lines are thresholds on those scales.
pub fn random_scenario_with_scales(seed: u64, issues: usize, scales: usize) -> String {
    let mut rng = Lcg(seed);
    let parties = ["ua", "ru", "us", "eu"];
    let options: Vec<usize> = (0..issues).map(|_| 2 + rng.below(3) as usize).collect();
    // `at` per option of each issue.
    let ats: Vec<Vec<Option<u64>>> = options
        .iter()
        .enumerate()
        .map(|(issue, &count)| {
            if issue >= scales {
                return vec![None; count];
            }
            let mut at = 0;
            (0..count)
                .map(|option| {
                    if option == 0 && count >= 3 {
                        return None;
                    }
                    let here = at;
                    at += 1 + rng.below(3);
                    Some(here)
                })
                .collect()
        })
        .collect();
    let mut text = String::from(
        "[scenario]\nid = \"random\"\ntitle = \"Random\"\nversion = \"test\"\ncompiled = \"2026-11-26\"\n\n[sources]\ns = { url = \"https://example.org\", title = \"S\" }\n\n",
    );
    for (index, party) in parties.iter().enumerate() {
        let role = if index < 2 {
            "belligerent"
        } else {
            "guarantor"
        };
        text.push_str(&format!(
            "[[parties]]\nid = \"{party}\"\nname = \"{party}\"\nrole = \"{role}\"\n"
        ));
        for line in 0..rng.below(3) {
            let issue = rng.below(issues as u64) as usize;
            let option = rng.below(options[issue] as u64);
            let top = ats[issue].iter().flatten().max().copied();
            let rule = match top {
                Some(top) if rng.below(2) == 0 => {
                    let limit = rng.below(top + 1);
                    if rng.below(2) == 0 {
                        format!("at_most = {limit}")
                    } else {
                        format!("at_least = {limit}")
                    }
                }
                _ => format!("options = [\"o{option}\"]"),
            };
            text.push_str(&format!(
                "  [[parties.red_lines]]\n  id = \"l{line}\"\n  issue = \"i{issue}\"\n  {rule}\n  statement = \"x\"\n  sources = [\"s\"]\n"
            ));
        }
        text.push('\n');
    }
    for (issue, &count) in options.iter().enumerate() {
        text.push_str(&format!(
            "[[issues]]\nid = \"i{issue}\"\nlabel = \"I{issue}\"\ntheme = \"security\"\ndescription = \"d\"\nsources = [\"s\"]\n"
        ));
        if let Some(top) = ats[issue].iter().flatten().max() {
            text.push_str(&format!(
                "  [issues.scale]\n  unit = \"u\"\n  label = \"U\"\n  min = 0\n  max = {top}\n  step = 1\n"
            ));
        }
        for (option, at) in ats[issue].iter().enumerate().take(count) {
            text.push_str(&format!("  [[issues.options]]\n  id = \"o{option}\"\n  label = \"O{option}\"\n  meaning = \"m\"\n"));
            if let Some(at) = at {
                text.push_str(&format!("  at = {at}\n"));
            }
        }
        text.push('\n');
    }
    text.push_str("[[documents]]\nid = \"d\"\ntitle = \"D\"\ndate = \"2025\"\nnature = \"draft\"\nsummary = \"s\"\nsources = [\"s\"]\n  [documents.positions]\n  i0 = { option = \"o0\" }\n\n");
    text.push_str("[assumptions]\nnote = \"n\"\n");
    let mut weights = vec![vec![0u64; issues]; 4];
    for party_weights in weights.iter_mut() {
        // Random positive weights summing to 100 (some issues may get zero).
        let mut left = 100u64;
        for (issue, weight) in party_weights.iter_mut().enumerate() {
            *weight = if issue + 1 == issues {
                left
            } else {
                rng.below(left.min(40) + 1)
            };
            left -= *weight;
        }
    }
    for (index, party) in parties.iter().enumerate() {
        // Coarse reservation values make ties and empty zones common.
        let reservation = 10 * (3 + rng.below(5));
        text.push_str(&format!(
            "  [assumptions.parties.{party}]\n  reservation = {reservation}\n  reservation_rationale = \"r\"\n  weights_rationale = \"w\"\n  [assumptions.parties.{party}.weights]\n"
        ));
        for (issue, weight) in weights[index].iter().enumerate() {
            text.push_str(&format!("  i{issue} = {weight}\n"));
        }
    }
    text.push_str("  [assumptions.when_silent]\n");
    for issue in 0..issues {
        text.push_str(&format!(
            "  i{issue} = {{ option = \"o0\", rationale = \"r\" }}\n"
        ));
    }
    for (issue, &count) in options.iter().enumerate() {
        // Values on a coarse grid (ties); one option per party is the best, at 100.
        let best: Vec<u64> = (0..4).map(|_| rng.below(count as u64)).collect();
        for option in 0..count {
            text.push_str(&format!("  [assumptions.values.i{issue}.o{option}]\n"));
            for (index, party) in parties.iter().enumerate() {
                let value = if best[index] == option as u64 {
                    100
                } else {
                    20 * rng.below(5)
                };
                text.push_str(&format!("  {party} = {value}\n"));
            }
            text.push_str("  rationale = \"r\"\n");
        }
    }
    text
}
