//! Packages side by side, the plans × provisions matrix and the term sheet, checked against
//! the scores and the documents' own resolution computed directly.

use scoring::Scenario;
use scoring::compare::{Column, MAX_COLUMNS, Table};
use scoring::provenance::Origin;
use scoring::score::{format_points, format_signed_points};
use scoring::share::describe_choice;

fn scenario() -> Scenario {
    Scenario::builtin().expect("built-in scenario is valid")
}

fn column(scenario: &Scenario, id: &str) -> Column {
    let document = scenario.document_index(id).expect("document exists");
    Column {
        name: scenario.documents[document].title.clone(),
        package: scenario.document_package(document),
    }
}

fn row<'a>(table: &'a Table, head: &str) -> &'a scoring::compare::Row {
    table
        .rows
        .iter()
        .find(|row| row.head == head)
        .unwrap_or_else(|| panic!("no row {head}"))
}

#[test]
fn every_pair_of_documents_differs_where_their_packages_do() {
    let scenario = scenario();
    for a in 0..scenario.documents.len() {
        for b in [0, 5, 11, scenario.documents.len() - 1] {
            let columns = [
                column(&scenario, &scenario.documents[a].id),
                column(&scenario, &scenario.documents[b].id),
            ];
            let comparison = scenario.compare(&columns);
            let expected: Vec<bool> = (0..scenario.issues.len())
                .map(|issue| columns[0].package.choice(issue) != columns[1].package.choice(issue))
                .collect();
            let marked: Vec<bool> = comparison
                .provisions
                .rows
                .iter()
                .map(|row| row.differs)
                .collect();
            assert_eq!(
                marked, expected,
                "{} vs {}",
                scenario.documents[a].id, scenario.documents[b].id
            );
            assert_eq!(
                comparison.differing,
                expected.iter().filter(|&&d| d).count()
            );
            for (issue, row) in comparison.provisions.rows.iter().enumerate() {
                for (cell, column) in row.cells.iter().zip(&columns) {
                    assert_eq!(
                        cell.text,
                        describe_choice(&scenario, issue, column.package.choice(issue))
                    );
                    // Each cell says what settles it, or that it is assumed.
                    let origin = scenario.provenance_of(&column.package).1.origins[issue];
                    assert_eq!(cell.assumed, origin.is_assumed());
                    assert!(!cell.note.is_empty());
                }
            }
        }
    }
}

#[test]
fn party_numbers_are_the_scores_with_differences_from_the_first_column() {
    let scenario = scenario();
    let columns: Vec<Column> = [
        "us28_nov2025",
        "plan20_dec2025",
        "ist_2022",
        "geneva_nov2025",
    ]
    .iter()
    .map(|id| column(&scenario, id))
    .collect();
    assert_eq!(columns.len(), MAX_COLUMNS);
    let comparison = scenario.compare(&columns);
    let scores: Vec<_> = columns.iter().map(|c| scenario.score(&c.package)).collect();
    for (party, spec) in scenario.parties.iter().enumerate() {
        let concession = row(&comparison.parties, &format!("{}: concession", spec.name));
        let value = row(&comparison.parties, &format!("{}: value", spec.name));
        for (column, score) in scores.iter().enumerate() {
            let expected = score.parties[party].concession;
            assert_eq!(concession.cells[column].text, format_points(expected));
            assert_eq!(
                value.cells[column].text,
                format_points(score.parties[party].value)
            );
            let note = &concession.cells[column].note;
            if column == 0 {
                assert!(note.is_empty());
            } else {
                let difference = expected - scores[0].parties[party].concession;
                assert_eq!(
                    note,
                    &format!(
                        "{} vs {}",
                        format_signed_points(difference),
                        columns[0].name
                    )
                );
            }
        }
    }
    let balance = &comparison.parties.rows[2 * scenario.parties.len()];
    assert!(
        balance
            .head
            .starts_with("Balance (Ukraine's concession − Russia's)"),
        "{}",
        balance.head
    );
    for (cell, score) in balance.cells.iter().zip(&scores) {
        assert_eq!(cell.text, format_signed_points(score.balance.points));
    }
    // The same package twice differs nowhere.
    let same = scenario.compare(&[columns[1].clone(), columns[1].clone()]);
    assert_eq!(same.differing, 0);
    assert!(same.parties.rows.iter().all(|row| !row.differs));
}

#[test]
fn the_matrix_is_every_document_resolved_with_its_standing() {
    let scenario = scenario();
    let matrix = scenario.matrix();
    assert_eq!(matrix.rows.len(), scenario.documents.len());
    assert_eq!(matrix.head.len(), scenario.issues.len() + 1);
    let order = scenario.matrix_order();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(sorted, (0..scenario.documents.len()).collect::<Vec<_>>());
    for (row, &document) in matrix.rows.iter().zip(&order) {
        assert!(
            row.head.starts_with(&scenario.documents[document].title),
            "{}",
            row.head
        );
        let resolved = scenario.resolve(document);
        for (issue, cell) in row.cells.iter().enumerate() {
            assert_eq!(
                cell.text,
                describe_choice(&scenario, issue, resolved.package.choice(issue))
            );
            assert_eq!(cell.assumed, resolved.origins[issue].is_assumed());
            match resolved.origins[issue] {
                // A stated cell names the text and at least one source with its class.
                Origin::Stated { document: by } => {
                    assert!(
                        cell.note.contains(&scenario.documents[by].title),
                        "{}",
                        cell.note
                    );
                    assert!(
                        cell.note.contains(" outlet)")
                            || cell.note.contains("(primary text)")
                            || cell.note.contains("(state media)")
                            || cell.note.contains("(mirror")
                            || cell.note.contains("(unidentified"),
                        "{}",
                        cell.note
                    );
                }
                _ => assert!(
                    cell.note.starts_with("assumed") || cell.note == "chosen",
                    "{}",
                    cell.note
                ),
            }
        }
    }
    // Long-form CSV: a header, then one record per plan and provision.
    let csv = scenario.matrix_csv();
    assert_eq!(
        csv.matches("\r\n").count(),
        1 + scenario.documents.len() * scenario.issues.len()
    );
    assert!(csv.starts_with("\"plan_id\",\"plan\",\"date\""));
}

#[test]
fn csv_quotes_every_field_and_doubles_quotes() {
    let table = Table {
        caption: String::new(),
        head: vec!["a".into(), "b \"x\"".into()],
        rows: vec![scoring::compare::Row {
            head: "r,1".into(),
            cells: vec![scoring::compare::Cell {
                text: "say \"no\"".into(),
                note: "n".into(),
                assumed: false,
            }],
            differs: false,
        }],
    };
    assert_eq!(
        table.to_csv(),
        "\"a\",\"b \"\"x\"\"\",\"b \"\"x\"\" (note)\"\r\n\"r,1\",\"say \"\"no\"\"\",\"n\"\r\n"
    );
}

#[test]
fn the_term_sheet_shows_each_provision_with_its_standing_and_the_scores() {
    let scenario = scenario();
    let document = scenario.document_index("us28_nov2025").unwrap();
    let resolved = scenario.resolve(document);
    let sheet = scenario.term_sheet(&resolved);
    assert_eq!(sheet.provisions.rows.len(), scenario.issues.len());
    for (issue, row) in sheet.provisions.rows.iter().enumerate() {
        assert_eq!(row.cells[0].assumed, resolved.origins[issue].is_assumed());
    }
    let scores = scenario.score(&resolved.package);
    for (row, score) in sheet.parties.rows.iter().zip(&scores.parties) {
        assert_eq!(row.cells[0].text, format_points(score.value));
        assert_eq!(row.cells[1].text, format_points(score.concession));
    }
    assert!(
        sheet
            .balance
            .contains(&format_signed_points(scores.balance.points))
    );
    assert!(sheet.model.contains(&scenario.meta.version));
    // A state-media-only provision carries its caution into the sheet.
    assert!(
        sheet
            .provisions
            .rows
            .iter()
            .any(|row| row.cells[0].note.contains("Caution:"))
    );
}
