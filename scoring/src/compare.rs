//! Packages side by side, the plans × provisions matrix and the one-page term sheet, as plain
//! tables with their CSV: the worker builds them for the page, the CLI prints them, so both
//! show the same numbers.
//!
//! A table is data, not markup: every cell is text plus a note (a source, a difference, a
//! standing), so the page renders all of them with one function and the CSV says the same.

use serde::{Deserialize, Serialize};

use crate::model::{DocumentKind, Scenario, Source};
use crate::provenance::{Origin, Provenance};
use crate::score::{Package, Scores, format_date, format_points, format_signed_points};
use crate::share::describe_choice;

/// At most this many packages are compared at once (the page's columns, the link's `c=` parts).
pub const MAX_COLUMNS: usize = 4;

/// The kinds of document in the order the page's picker lists them.
pub const PICKER_KINDS: [DocumentKind; 4] = [
    DocumentKind::Settlement,
    DocumentKind::Revision,
    DocumentKind::Combination,
    DocumentKind::Partial,
];

/// A table: a caption, column heads (after the row-head column) and rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    /// The row-head column's head, then one head per column.
    pub head: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub head: String,
    pub cells: Vec<Cell>,
    /// The columns do not all say the same (a comparison highlights the row).
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    /// Shown under the text: a difference, a source, a standing ("" for none).
    pub note: String,
    /// The cell rests on a model assumption (a text's silence), not on what a text says.
    pub assumed: bool,
}

impl Cell {
    fn plain(text: String) -> Cell {
        Cell {
            text,
            note: String::new(),
            assumed: false,
        }
    }
}

impl Table {
    /// The table as CSV (RFC 4180: every field quoted, quotes doubled, CRLF line ends): the
    /// heads, then per row its head and each cell's text; a cell's note, where any cell of the
    /// column has one, in a column of its own after it.
    pub fn to_csv(&self) -> String {
        let columns = self.head.len().saturating_sub(1);
        let noted: Vec<bool> = (0..columns)
            .map(|column| {
                self.rows
                    .iter()
                    .any(|row| !row.cells[column].note.is_empty())
            })
            .collect();
        let mut lines = Vec::with_capacity(self.rows.len() + 1);
        let mut head = vec![self.head[0].clone()];
        for (name, &noted) in self.head.iter().skip(1).zip(&noted) {
            head.push(name.clone());
            if noted {
                head.push(format!("{name} (note)"));
            }
        }
        lines.push(csv_line(&head));
        for row in &self.rows {
            let mut fields = vec![row.head.clone()];
            for (column, cell) in row.cells.iter().enumerate() {
                fields.push(cell.text.clone());
                if noted[column] {
                    fields.push(cell.note.clone());
                }
            }
            lines.push(csv_line(&fields));
        }
        lines.join("")
    }
}

/// One CSV record with its CRLF.
pub fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| format!("\"{}\"", field.replace('"', "\"\"")))
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// A package in a comparison, under the name its column shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub package: Package,
}

/// Two to four packages side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Per provision, what each package says; rows that differ are marked.
    pub provisions: Table,
    /// Per party its value and concession, then the balance and the model's verdicts; notes
    /// give each column's difference from the first.
    pub parties: Table,
    /// How many provisions differ between the packages.
    pub differing: usize,
}

impl Comparison {
    pub fn to_csv(&self) -> String {
        format!("{}\r\n{}", self.provisions.to_csv(), self.parties.to_csv())
    }
}

impl Scenario {
    /// The packages of `columns` side by side (see [`Comparison`]).
    pub fn compare(&self, columns: &[Column]) -> Comparison {
        let mut head = vec!["Provision".to_string()];
        head.extend(columns.iter().map(|column| column.name.clone()));
        let mut differing = 0;
        // Each package's standing, as it opens anywhere: a plan's own package with what its
        // text settles (and what is assumed where it is silent), any other package chosen.
        let origins: Vec<Vec<Origin>> = columns
            .iter()
            .map(|column| self.provenance_of(&column.package).1.origins)
            .collect();
        let rows = (0..self.issues.len())
            .map(|issue| {
                let first = columns.first().map(|column| column.package.choice(issue));
                let differs = columns
                    .iter()
                    .any(|column| Some(column.package.choice(issue)) != first);
                differing += usize::from(differs);
                Row {
                    head: self.issues[issue].label.clone(),
                    cells: columns
                        .iter()
                        .zip(&origins)
                        .map(|(column, origins)| {
                            let (note, assumed) = self.standing(issue, origins[issue]);
                            Cell {
                                text: describe_choice(self, issue, column.package.choice(issue)),
                                note,
                                assumed,
                            }
                        })
                        .collect(),
                    differs,
                }
            })
            .collect();
        let provisions = Table {
            caption: format!(
                "What each package says: {differing} of {} provisions differ",
                self.issues.len()
            ),
            head: head.clone(),
            rows,
        };

        let scores: Vec<Scores> = columns
            .iter()
            .map(|column| self.score(&column.package))
            .collect();
        head[0] = "Party".to_string();
        let mut rows = Vec::new();
        let number_row = |head: String, of: &dyn Fn(&Scores) -> f64| {
            let numbers: Vec<f64> = scores.iter().map(of).collect();
            let shown: Vec<String> = numbers.iter().map(|&n| format_points(n)).collect();
            Row {
                head,
                differs: shown.iter().any(|text| *text != shown[0]),
                cells: numbers
                    .iter()
                    .zip(&shown)
                    .enumerate()
                    .map(|(column, (&number, text))| Cell {
                        text: text.clone(),
                        note: if column == 0 {
                            String::new()
                        } else {
                            format!(
                                "{} vs {}",
                                format_signed_points(number - numbers[0]),
                                columns[0].name
                            )
                        },
                        assumed: false,
                    })
                    .collect(),
            }
        };
        for (party, spec) in self.parties.iter().enumerate() {
            rows.push(number_row(
                format!("{}: concession", spec.name),
                &|scores| scores.parties[party].concession,
            ));
            rows.push(number_row(format!("{}: value", spec.name), &|scores| {
                scores.parties[party].value
            }));
        }
        let words_row = |head: String, of: &dyn Fn(&Scores) -> String| {
            let cells: Vec<Cell> = scores
                .iter()
                .map(|scores| Cell::plain(of(scores)))
                .collect();
            Row {
                head,
                differs: cells.iter().any(|cell| cell.text != cells[0].text),
                cells,
            }
        };
        let pair = scores.first().map_or((0, 1), |scores| {
            (scores.balance.first, scores.balance.second)
        });
        let mut balance = number_row(
            format!(
                "Balance ({}'s concession − {}'s)",
                self.parties[pair.0].name, self.parties[pair.1].name
            ),
            &|scores| scores.balance.points,
        );
        for (cell, scores) in balance.cells.iter_mut().zip(&scores) {
            cell.text = format_signed_points(scores.balance.points);
        }
        rows.push(balance);
        rows.push(words_row("Balance in words".to_string(), &|scores| {
            self.balance_words(&scores.balance)
        }));
        rows.push(words_row(
            "Accepts (by the model's tests)".to_string(),
            &|scores| {
                let accepting: Vec<&str> = self
                    .parties
                    .iter()
                    .zip(&scores.parties)
                    .filter(|(_, score)| score.accepts)
                    .map(|(party, _)| party.name.as_str())
                    .collect();
                if accepting.is_empty() {
                    "none".to_string()
                } else {
                    accepting.join(", ")
                }
            },
        ));
        rows.push(words_row(
            "Ratified (by the model's test)".to_string(),
            &|scores| if scores.ratified { "yes" } else { "no" }.to_string(),
        ));
        let parties = Table {
            caption: "What each party concedes (points, by the model's assumptions)".to_string(),
            head,
            rows,
        };
        Comparison {
            provisions,
            parties,
            differing,
        }
    }

    /// The sources of a provision as the text that settles it gives them, strongest first
    /// ("Kremlin (primary text); Reuters (major outlet)").
    fn origin_sources(&self, issue: usize, origin: Origin) -> String {
        let document = match origin {
            Origin::Stated { document } => document,
            _ => return String::new(),
        };
        let Some(position) = self.documents[document].positions[issue].as_ref() else {
            return String::new();
        };
        let list = source_list(&self.sources, &position.sources);
        if position.caution.is_empty() {
            list
        } else {
            format!("{list}. Caution: {}", position.caution)
        }
    }

    /// The standing of one provision in words, with its sources: what a text says, or assumed.
    fn standing(&self, issue: usize, origin: Origin) -> (String, bool) {
        let words = crate::provenance::origin_words(self, origin);
        let sources = self.origin_sources(issue, origin);
        let note = if sources.is_empty() {
            words
        } else {
            format!("{words}: {sources}")
        };
        (note, origin.is_assumed())
    }

    /// Every document (rows, in the picker's order: by kind, then by date) against every
    /// provision (columns): what the document's package takes, with its standing and sources.
    pub fn matrix(&self) -> Table {
        let mut head = vec!["Plan".to_string()];
        head.extend(self.issues.iter().map(|issue| issue.label.clone()));
        let rows = self
            .matrix_order()
            .into_iter()
            .map(|document| {
                let resolved = self.resolve(document);
                let spec = &self.documents[document];
                Row {
                    head: format!(
                        "{} ({}, {})",
                        spec.title,
                        format_date(&spec.date),
                        spec.kind.label()
                    ),
                    cells: (0..self.issues.len())
                        .map(|issue| {
                            let (note, assumed) = self.standing(issue, resolved.origins[issue]);
                            Cell {
                                text: describe_choice(self, issue, resolved.package.choice(issue)),
                                note,
                                assumed,
                            }
                        })
                        .collect(),
                    differs: false,
                }
            })
            .collect();
        Table {
            caption: format!(
                "Every plan, provision by provision: {} plans × {} provisions",
                self.documents.len(),
                self.issues.len()
            ),
            head,
            rows,
        }
    }

    /// The documents in the picker's order: whole texts, revisions, combinations, partial
    /// texts, each group in the file's order, which is by date (as the picker lists them).
    pub fn matrix_order(&self) -> Vec<usize> {
        PICKER_KINDS
            .iter()
            .flat_map(|&kind| {
                (0..self.documents.len()).filter(move |&d| self.documents[d].kind == kind)
            })
            .collect()
    }

    /// The matrix in long form, one record per plan and provision, which is what a spreadsheet
    /// filters well: ids, names, the option, its standing and every source with its class and
    /// address.
    pub fn matrix_csv(&self) -> String {
        let mut out = csv_line(
            &[
                "plan_id",
                "plan",
                "date",
                "kind",
                "provision_id",
                "provision",
                "option",
                "standing",
                "sources",
            ]
            .map(String::from),
        );
        for document in self.matrix_order() {
            let spec = &self.documents[document];
            let resolved = self.resolve(document);
            for issue in 0..self.issues.len() {
                let origin = resolved.origins[issue];
                let sources = match origin {
                    Origin::Stated { document } => self.documents[document].positions[issue]
                        .as_ref()
                        .map(|position| source_addresses(&self.sources, &position.sources))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                out.push_str(&csv_line(&[
                    spec.id.clone(),
                    spec.title.clone(),
                    spec.date.clone(),
                    spec.kind.label().to_string(),
                    self.issues[issue].id.clone(),
                    self.issues[issue].label.clone(),
                    describe_choice(self, issue, resolved.package.choice(issue)),
                    crate::provenance::origin_words(self, origin),
                    sources,
                ]));
            }
        }
        out
    }

    /// The one-page term sheet of a package: provision by provision with its standing and
    /// sources, then each party's numbers, the balance and the verdicts.
    pub fn term_sheet(&self, provenance: &Provenance) -> TermSheet {
        let package = &provenance.package;
        let provisions = Table {
            caption: "The package, provision by provision".to_string(),
            head: vec!["Provision".to_string(), "The package says".to_string()],
            rows: (0..self.issues.len())
                .map(|issue| {
                    let (note, assumed) = self.standing(issue, provenance.origins[issue]);
                    Row {
                        head: self.issues[issue].label.clone(),
                        cells: vec![Cell {
                            text: describe_choice(self, issue, package.choice(issue)),
                            note,
                            assumed,
                        }],
                        differs: false,
                    }
                })
                .collect(),
        };
        let scores = self.score(package);
        let parties = Table {
            caption: "Each party, by the model's assumptions (points)".to_string(),
            head: [
                "Party",
                "Value",
                "Concession",
                "Gain over walk-away",
                "Accepts",
            ]
            .map(String::from)
            .to_vec(),
            rows: self
                .parties
                .iter()
                .zip(&scores.parties)
                .map(|(party, score)| Row {
                    head: party.name.clone(),
                    cells: vec![
                        Cell::plain(format_points(score.value)),
                        Cell::plain(format_points(score.concession)),
                        Cell::plain(format_signed_points(score.gain)),
                        Cell::plain(if score.accepts { "yes" } else { "no" }.to_string()),
                    ],
                    differs: false,
                })
                .collect(),
        };
        let balance = format!(
            "Balance {}: {}",
            format_signed_points(scores.balance.points),
            self.balance_words(&scores.balance)
        );
        let ratified = if scores.ratified {
            "Ratified by the model's test: every belligerent and at least one guarantor accept."
        } else {
            "Not ratified by the model's test: a belligerent, or every guarantor, does not accept."
        }
        .to_string();
        TermSheet {
            provisions,
            parties,
            balance,
            ratified,
            model: format!("{} model {}", self.meta.title, self.meta.version),
        }
    }
}

/// A package on one page (see [`Scenario::term_sheet`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermSheet {
    pub provisions: Table,
    pub parties: Table,
    pub balance: String,
    pub ratified: String,
    /// The model's title and version, printed with the sheet.
    pub model: String,
}

impl TermSheet {
    pub fn to_csv(&self) -> String {
        format!(
            "{}\r\n{}\r\n{}{}{}",
            self.provisions.to_csv(),
            self.parties.to_csv(),
            csv_line(std::slice::from_ref(&self.balance)),
            csv_line(std::slice::from_ref(&self.ratified)),
            csv_line(std::slice::from_ref(&self.model))
        )
    }
}

/// Sources by outlet and class, strongest class first, in the file's order within a class.
fn ordered<'a>(sources: &'a [Source], indices: &[usize]) -> Vec<&'a Source> {
    let mut list: Vec<&Source> = indices.iter().filter_map(|&i| sources.get(i)).collect();
    list.sort_by_key(|source| source.class.map_or(u8::MAX, |class| class as u8));
    list
}

fn source_list(sources: &[Source], indices: &[usize]) -> String {
    ordered(sources, indices)
        .iter()
        .map(|source| match source.class {
            Some(class) => format!("{} ({})", outlet(source), class.label()),
            None => outlet(source).to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn source_addresses(sources: &[Source], indices: &[usize]) -> String {
    ordered(sources, indices)
        .iter()
        .map(|source| match source.class {
            Some(class) => format!("{} ({}) {}", outlet(source), class.label(), source.url),
            None => format!("{} {}", outlet(source), source.url),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn outlet(source: &Source) -> &str {
    if source.outlet.is_empty() {
        &source.title
    } else {
        &source.outlet
    }
}

impl Scenario {
    /// The columns a link's compared packages stand for: `here` is `package`, a document its
    /// package, each under the name its column shows.
    pub fn columns(&self, slots: &[crate::share::Slot], package: &Package) -> Vec<Column> {
        use crate::share::Slot;
        slots
            .iter()
            .enumerate()
            .map(|(index, slot)| match slot {
                Slot::Here => Column {
                    name: "This package".to_string(),
                    package: package.clone(),
                },
                Slot::Document(document) => Column {
                    name: self.documents[*document].title.clone(),
                    package: self.document_package(*document),
                },
                Slot::Package(other) => Column {
                    name: format!("Package {}", index + 1),
                    package: other.clone(),
                },
            })
            .collect()
    }
}
