//! Items written as the rows of a table: "| Punkt | Ämne | Anteckningar | Beslut |" over
//! "| 2 | Uppföljning av SIP | Mats visade … | Uppföljningen redovisas … |". Each row
//! is written out as the lines the items are read from in any other layout: "2.
//! Uppföljning av SIP", then its notes, then "Beslut: …" for a cell under a decision's
//! column; each line keeps the number of the row it came from, for the warnings.

use super::words::{TrimEnds, fold};

/// What each column of a table of items holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Title,
    Decision,
    Text,
}

/// The text with every table of items written out as items, and for each of its lines
/// the number of the line it came from; `None` when the text has no table of items.
pub fn write_out(marked: &str) -> Option<(String, Vec<usize>)> {
    // (every table's head starts a line with a bar; most tables are of people)
    let mut bar_lines = super::words::finder!("\n|")
        .find_iter(marked.as_bytes())
        .map(|at| at + 1)
        .chain(marked.starts_with('|').then_some(0));
    let is_head = |at: usize| {
        let line = &marked[at..];
        let line = &line[..super::words::find_byte(line, b'\n').unwrap_or(line.len())];
        // (the first cell first, without splitting the row)
        let first = line[1..].split('|').next().unwrap_or("");
        is_number_head(first) && item_columns(&cells(line)).is_some()
    };
    if !bar_lines.any(is_head) {
        return None;
    }
    let mut out = String::with_capacity(marked.len() + marked.len() / 8);
    let mut numbers = Vec::new();
    let mut columns: Option<Vec<Column>> = None;
    for (k, line) in marked.split('\n').enumerate() {
        let mut push = |text: &str| {
            out.push_str(text);
            out.push('\n');
            numbers.push(k + 1);
        };
        let text = line.trim_ends();
        if !text.starts_with('|') {
            // (a web page's table has blank lines between its rows)
            if !text.is_empty() {
                columns = None;
            }
            push(line);
            continue;
        }
        let cells = cells(text);
        if let Some(cols) = &columns {
            if cells.iter().all(|c| is_rule(c)) {
                push("");
                continue;
            }
            if let Some(rows) = item_lines(cols, &cells) {
                rows.iter().for_each(|r| push(r));
                continue;
            }
        }
        columns = item_columns(&cells);
        if columns.is_some() {
            push("");
        } else {
            push(line);
        }
    }
    // (split at '\n', the text had one line more than it has line breaks)
    out.pop();
    Some((out, numbers))
}

/// The cells of a table row, trimmed, without the empty ones outside the outer bars.
fn cells(text: &str) -> Vec<&str> {
    let inner = text.trim_ends();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim_ends()).collect()
}

/// "---", ":--:": the rule under a table's head.
fn is_rule(cell: &str) -> bool {
    !cell.is_empty() && cell.bytes().all(|b| matches!(b, b'-' | b':' | b' '))
}

/// The columns of a table's head that makes it a table of items: a number's column
/// first and a title's column after it.
fn item_columns(cells: &[&str]) -> Option<Vec<Column>> {
    if !is_number_head(cells.first()?) {
        return None;
    }
    let heads: Vec<String> = cells.iter().map(|c| head(c)).collect();
    let mut title = false;
    let columns: Vec<Column> = heads
        .iter()
        .enumerate()
        .map(|(k, h)| match h.as_str() {
            _ if k == 0 => Column::Number,
            "amne" | "rubrik" | "arende" | "fraga" | "punkt" | "dagordningspunkt" if !title => {
                title = true;
                Column::Title
            }
            _ if h.starts_with("beslut") => Column::Decision,
            _ => Column::Text,
        })
        .collect();
    title.then_some(columns)
}

/// A column's head, folded, without bold marks.
fn head(cell: &str) -> String {
    fold(cell.trim_matches(['*', ' ']).trim_ends())
}

/// Whether a column's head is that of the items' numbers.
fn is_number_head(cell: &str) -> bool {
    // (every such head is short)
    super::words::at_most_chars(cell.trim_ends(), 12)
        && matches!(
            head(cell).as_str(),
            "punkt" | "nr" | "§" | "#" | "nummer" | "arende nr" | "p"
        )
}

/// An item's lines from a row of a table of items, or `None` when the row does not start
/// with an item's number.
fn item_lines(columns: &[Column], cells: &[&str]) -> Option<Vec<String>> {
    let number = cells.first()?.trim_start_matches('§').trim_ends();
    let number = number.strip_suffix('.').unwrap_or(number);
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let title = columns
        .iter()
        .zip(cells)
        .find(|(c, _)| **c == Column::Title)
        .map_or("", |(_, t)| *t);
    // "4.2 Title" as the numbered items of other layouts are written ("4. Title" for one
    // number alone)
    let mut lines = vec![if number.contains('.') {
        format!("{number} {title}")
    } else {
        format!("{number}. {title}")
    }];
    for (column, cell) in columns.iter().zip(cells) {
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Text => lines.push((*cell).to_owned()),
            Column::Decision if fold(cell).starts_with("beslut") => {
                lines.push((*cell).to_owned());
            }
            // "- A - B": a list of decisions in the cell
            Column::Decision if cell.starts_with("- ") => {
                lines.push("Beslut:".to_owned());
                lines.extend(cell.split(" - ").map(|d| {
                    let d = d.trim_start_matches("- ");
                    format!("- {d}")
                }));
            }
            Column::Decision => lines.push(format!("Beslut: {cell}")),
            Column::Number | Column::Title => {}
        }
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(marked: &str) -> Vec<String> {
        write_out(marked).map_or_else(
            || marked.split('\n').map(str::to_owned).collect(),
            |(text, _)| text.split('\n').map(str::to_owned).collect(),
        )
    }

    #[test]
    fn a_table_of_items_is_written_out_as_items() {
        assert_eq!(
            texts(
                "| Punkt | Ämne | Anteckningar | Beslut/Ansvar |\n|---|---|---|---|\n\
                 | 1 | Föregående anteckningar | Godkändes. | |\n\
                 | 2 | SIP | Mats visade siffror. | Redovisas i maj. |\n\
                 | 3 | Rutin | | Beslut: Remiss. |\nNästa möte"
            ),
            [
                "",
                "",
                "1. Föregående anteckningar",
                "Godkändes.",
                "2. SIP",
                "Mats visade siffror.",
                "Beslut: Redovisas i maj.",
                "3. Rutin",
                "Beslut: Remiss.",
                "Nästa möte"
            ]
        );
    }

    #[test]
    fn blank_lines_between_rows_and_a_list_of_decisions_in_a_cell() {
        assert_eq!(
            texts("| Nr | Ärende | Beslut |\n\n| 1 | SIP | - Redovisas i maj. - Remiss. |\n"),
            [
                "",
                "",
                "1. SIP",
                "Beslut:",
                "- Redovisas i maj.",
                "- Remiss.",
                ""
            ]
        );
    }

    #[test]
    fn other_tables_stay_as_they_are() {
        let table = "| Namn | Organisation |\n|---|---|\n| 1 | Anna Berg |";
        assert_eq!(texts(table), table.lines().collect::<Vec<_>>());
        // a head without a title's column is no table of items
        let table = "| Nr | Namn |\n| 1 | Anna Berg |";
        assert_eq!(texts(table), table.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_row_without_a_number_ends_the_table_of_items() {
        assert_eq!(
            texts("| Punkt | Ämne |\n| 1 | Inledning |\n| Namn | Roll |"),
            ["", "1. Inledning", "| Namn | Roll |"]
        );
    }
}
