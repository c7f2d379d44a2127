//! Protocol import: minutes from years of archives (plain text, Markdown-like, HTML-ish,
//! OCR text) read into a structured meeting. Pure and total: any input gives either a
//! [`Protocol`] with `warnings` for what could not be read, or a [`ParseError`] that says
//! what is missing. Linear in the input size (every pass walks the lines a bounded
//! number of times).

mod decode;
mod header;
mod items;
mod lines;
mod markup;
mod signatures;
mod tables;
mod words;

pub use decode::{decode, read_document};
pub use words::fold;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Protokoll,
    Minnesanteckningar,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Protokoll => "protokoll",
            DocumentKind::Minnesanteckningar => "minnesanteckningar",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "protokoll" => Some(DocumentKind::Protokoll),
            "minnesanteckningar" => Some(DocumentKind::Minnesanteckningar),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Protokoll => "Protokoll",
            DocumentKind::Minnesanteckningar => "Minnesanteckningar",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Presence {
    Present,
    Absent,
}

impl Presence {
    pub fn as_str(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Absent => "absent",
        }
    }
}

/// Ärendetyp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Beslutsarende,
    Informationsarende,
    Beredningsarende,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [
        ItemKind::Beslutsarende,
        ItemKind::Informationsarende,
        ItemKind::Beredningsarende,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Beslutsarende => "beslutsarende",
            ItemKind::Informationsarende => "informationsarende",
            ItemKind::Beredningsarende => "beredningsarende",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Beslutsarende => "Beslutsärende",
            ItemKind::Informationsarende => "Informationsärende",
            ItemKind::Beredningsarende => "Beredningsärende",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub status: Presence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub number: String,
    pub title: String,
    pub presenters: Vec<String>,
    pub kind: Option<ItemKind>,
    pub decisions: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub name: String,
    pub role: Option<String>,
    pub signed_at: Option<String>,
}

/// What was read from one protocol, in the import format's field order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    pub body: Option<String>,
    pub document_kind: DocumentKind,
    pub date: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub secretaries: Vec<String>,
    pub adjusters: Vec<String>,
    pub adjusted_on: Option<String>,
    pub attendees: Vec<Attendee>,
    pub items: Vec<Item>,
    pub signatures: Vec<Signature>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("filen är tom")]
    Empty,
    #[error("filen är inte text (binärt innehåll)")]
    Binary,
    #[error(
        "PDF-filen innehåller ingen text (inskannad bild?); kör OCR först och importera texten"
    )]
    NoText,
    #[error("inget mötesdatum hittades (till exempel 2024-04-19 eller 19 april 2024)")]
    NoDate,
    #[error("PDF-filen kunde inte läsas: {0}")]
    Pdf(String),
}

/// Hints from outside the text.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// The file's name, where a date may be read when the text has none.
    pub file_name: Option<String>,
    /// The body, when the user names it (overrides what the text says).
    pub body: Option<String>,
}

/// Reads a protocol from decoded text.
pub fn parse(text: &str, hints: &Hints) -> Result<Protocol, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let marked = markup::to_marked_text(text);
    // (items written as a table's rows are written out as lines, each keeping its row's
    // number)
    let written = tables::write_out(&marked);
    let all = match &written {
        Some((text, numbers)) => {
            let mut all = lines::split_lines(text);
            for l in &mut all {
                l.no = numbers[l.no - 1];
            }
            all
        }
        None => lines::split_lines(&marked),
    };
    let mut warnings = Vec::new();
    // (cleaning a line never adds a replacement character, so a text without one has
    // no line with one)
    if words::holds!(marked, "\u{FFFD}") {
        for l in &all {
            if l.text.contains('\u{FFFD}') {
                warnings.push(format!("rad {}: oläsbara tecken i texten", l.no));
            }
        }
    }
    let layout = items::find_items(&all);
    if let Some(warning) = layout.numbered_in_order {
        warnings.push(warning.to_owned());
    }
    if layout.starts.is_empty() {
        warnings.push("inga numrerade ärenden hittades; all text ligger i huvudet".to_owned());
    }
    let header_end = layout.starts.first().map(|s| s.line).unwrap_or(all.len());
    let mut head = header::read(&all[..header_end], &mut warnings);
    // (an agenda's times as the items give the meeting's times when the head has none)
    if head.start.is_none()
        && let Some((start, end)) = layout.agenda_times
    {
        head.start = Some(start);
        head.end = end;
    }
    let (items, trailer_start) = items::read_items(&all, &layout, &mut warnings);
    // "2. Närvaro" over the names of those present: the list is an item's
    if head.attendees.is_empty()
        && let Some(k) = items
            .iter()
            .position(|i| header::is_attendance_title(&i.title))
    {
        let from = layout.starts[k].line + 1;
        let to = layout.starts.get(k + 1).map_or(trailer_start, |s| s.line);
        header::read_attendance_in_item(&all[from..to.max(from)], &mut head);
    }
    if head.adjusted_on.is_none() {
        head.adjusted_on = header::adjusted_on_in(&all[trailer_start..]);
    }
    header::read_attendance_after(&all[trailer_start..], &mut head);
    let mut signatures = signatures::read(&all[trailer_start..]);
    if signatures.is_empty() {
        signatures = signatures::read_in_head(&all[..header_end]);
    }

    if head.date.is_none() {
        head.date = hints
            .file_name
            .as_deref()
            .and_then(|name| {
                // ("Minnesanteckningar 240305.docx": six digits before the extension)
                let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
                words::find_date(name).or_else(|| words::find_short_date(stem))
            })
            .map(|d| {
                warnings.push("mötesdatum saknas i texten; hämtat från filnamnet".to_owned());
                d.iso()
            });
    }
    if head.date.is_none() {
        // A date anywhere in the first lines of the items, as a last resort.
        head.date = all
            .iter()
            .filter(|l| !l.furniture)
            .take(60)
            .find_map(|l| words::find_date(&l.text))
            .map(|d| {
                warnings.push(
                    "mötesdatum hittades inte i huvudet; första datumet i texten används"
                        .to_owned(),
                );
                d.iso()
            });
    }
    let date = head.date.take().ok_or(ParseError::NoDate)?;

    let mut protocol = Protocol {
        body: hints.body.clone().or(head.body),
        // (a text that names neither kind in its head is a protocol if it is kept as
        // one: its items are paragraphs, someone adjusts or signs it (more than the one
        // who took the notes: "Antecknare: Eva Lind" closes notes), or it speaks of its
        // protocol, "Vid protokollet"; otherwise notes)
        document_kind: head.kind.unwrap_or_else(|| {
            if layout.in_paragraphs()
                || !head.adjusters.is_empty()
                || head.adjusted_on.is_some()
                || signatures
                    .iter()
                    .any(|s| s.role.as_deref() != Some("sekreterare") || s.signed_at.is_some())
                || all.iter().any(|l| words::holds!(l.folded, "protokoll"))
            {
                DocumentKind::Protokoll
            } else {
                DocumentKind::Minnesanteckningar
            }
        }),
        date,
        start_time: head.start.map(words::clock_text),
        end_time: head.end.map(words::clock_text),
        place: head.place,
        chair: head.chair,
        secretaries: head.secretaries,
        adjusters: head.adjusters,
        adjusted_on: head.adjusted_on,
        attendees: head.attendees,
        items,
        signatures,
        warnings,
    };
    header::complete(&mut protocol, &all, header_end);
    Ok(protocol)
}

/// `count` texts, each one to `most` pieces drawn at random from `pieces`, the same for
/// the same seed: inputs for the tests that compare a quick rule with the plain one.
#[cfg(test)]
fn texts_of_pieces(pieces: &[&str], seed: u64, most: usize, count: usize) -> Vec<String> {
    let mut seed = seed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    (0..count)
        .map(|_| {
            let n = 1 + next(most);
            (0..n).map(|_| pieces[next(pieces.len())]).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests;
