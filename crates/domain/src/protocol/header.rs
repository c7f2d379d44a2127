//! The protocol's head: body and kind, date, times and place, chair, secretaries,
//! adjusters, and the attendance lists (with struck names as absent).

use super::lines::{Line, fold_for_line, spaced_columns};
use super::words::{self, Clock, TrimEnds, fold};
use super::{Attendee, DocumentKind, Presence, Protocol};
use std::borrow::Cow;

#[derive(Debug, Default)]
pub struct Head {
    pub body: Option<String>,
    pub kind: Option<DocumentKind>,
    pub date: Option<String>,
    pub start: Option<Clock>,
    pub end: Option<Clock>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub secretaries: Vec<String>,
    pub adjusters: Vec<String>,
    pub adjusted_on: Option<String>,
    pub attendees: Vec<Attendee>,
    /// The head says the attendance is listed elsewhere: "Närvarande: se närvarolista,
    /// bilaga 1".
    pub listed_elsewhere: bool,
    /// The date came from a line holding nothing else ("2015-10-05" over
    /// "Minnesanteckningar RMPG …", as a document is dated when written): a date label's
    /// value after it ("Dag: 22 sep 2015") is the meeting's, and so is a date in the
    /// title after it.
    date_alone: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Attend {
        role: Option<&'static str>,
        present: bool,
    },
    Chair,
    ViceChair,
    Secretary,
    Adjuster,
    AdjustedOn,
    When,
    /// "Tid och plats": the date and times, with the place after them or before the date.
    WhenAndPlace,
    /// "Plats och tid": the place, then the times.
    PlaceThenTime,
    /// "Sammanträde": read as "Tid och plats" when it holds a date or a time ("Tisdag 8
    /// oktober 2024, kl. 09.00"), passed over otherwise.
    Sitting,
    Place,
    /// "Organ: Styrgruppen för …": the body, when nothing before named it; the lines after
    /// it are read as after [`Label::Ignore`].
    Body,
    Ignore,
}

const P: bool = true;
const A: bool = false;
/// Those present, with no role of the label's own.
const PRESENT: Label = Label::Attend {
    role: None,
    present: P,
};

const LABELS: &[(&str, Label)] = &[
    // those present in the room or from afar ("Deltog digitalt: …", "Närvarande via
    // Teams: …")
    ("narvarande pa plats", PRESENT),
    ("narvarande digitalt", PRESENT),
    ("narvarande via teams", PRESENT),
    ("narvarande via lank", PRESENT),
    ("deltagare pa plats", PRESENT),
    ("deltagare digitalt", PRESENT),
    ("deltagare via teams", PRESENT),
    ("deltagare via lank", PRESENT),
    ("deltog", PRESENT),
    ("deltog pa plats", PRESENT),
    ("deltog digitalt", PRESENT),
    ("deltog via teams", PRESENT),
    ("deltog via lank", PRESENT),
    ("narvarande", PRESENT),
    (
        "narvarande ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "beslutande",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "narvarande beslutande",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    // ("Närvarande och beslutande: Karin Granström (KAU), …": the members, in one label)
    (
        "narvarande och beslutande",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "tjanstgorande ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "beslutande ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    // (members by the party that sent them: "Kommunernas ledamöter" over those from the
    // municipalities, "Regionens ledamöter" over the region's)
    (
        "kommunernas ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "regionens ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "landstingets ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    ("kommunernas representanter", PRESENT),
    ("regionens representanter", PRESENT),
    (
        "ordinarie ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    (
        "ledamot",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    ("deltagare", PRESENT),
    ("narvarande deltagare", PRESENT),
    ("narvarolista", PRESENT),
    ("narvaro", PRESENT),
    ("deltagande", PRESENT),
    (
        "ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    (
        "tjanstgorande ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    // ("Beslutande ersättare": the substitutes serving in members' places)
    (
        "beslutande ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    (
        "narvarande ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    (
        "ej tjanstgorande ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    // ("Ej tjänstgörande:" over the substitutes present who do not serve, the word
    // "ersättare" left out)
    (
        "ej tjanstgorande",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    // ("Ej beslutande": the substitutes present without a vote)
    (
        "ej beslutande",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    (
        "icke tjanstgorande ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    // (those present with the right to speak, and the seats of parties without a vote:
    // "Yttranderätt:", "Insynsplats:")
    ("yttranderatt", PRESENT),
    ("med yttranderatt", PRESENT),
    ("narvarande med yttranderatt", PRESENT),
    ("insynsplats", PRESENT),
    ("insynsplatser", PRESENT),
    (
        "tjanstepersoner",
        Label::Attend {
            role: Some("tjänsteperson"),
            present: P,
        },
    ),
    (
        "tjanstemanner",
        Label::Attend {
            role: Some("tjänsteperson"),
            present: P,
        },
    ),
    (
        "narvarande tjansteman",
        Label::Attend {
            role: Some("tjänsteperson"),
            present: P,
        },
    ),
    (
        "tjansteman",
        Label::Attend {
            role: Some("tjänsteperson"),
            present: P,
        },
    ),
    (
        "narvarande tjanstepersoner",
        Label::Attend {
            role: Some("tjänsteperson"),
            present: P,
        },
    ),
    // ("Tjänstemän och övriga deltagare" over officials and guests, each with their own
    // title, the label broken in its column after "övriga")
    ("tjansteman och ovriga deltagare", PRESENT),
    ("tjansteman och ovriga narvarande", PRESENT),
    ("tjansteman och ovriga", PRESENT),
    ("tjanstepersoner och ovriga", PRESENT),
    // ("I tjänsten" over the officials on duty, each with their own title)
    ("i tjansten", PRESENT),
    ("ovriga narvarande", PRESENT),
    ("ovriga deltagare", PRESENT),
    ("ovriga deltagande", PRESENT),
    ("ovriga", PRESENT),
    // "Dessutom:" over others present
    ("dessutom", PRESENT),
    ("adjungerade", PRESENT),
    ("sekretariatet", PRESENT),
    (
        "suppleanter",
        Label::Attend {
            role: Some("ersättare"),
            present: P,
        },
    ),
    (
        "ledamoter narvarande",
        Label::Attend {
            role: Some("ledamot"),
            present: P,
        },
    ),
    ("adjungerad", PRESENT),
    ("inbjudna", PRESENT),
    ("inbjuden", PRESENT),
    ("inbjudna gaster", PRESENT),
    ("sarskilt inbjudna", PRESENT),
    ("gaster", PRESENT),
    (
        "franvarande",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "franvarande ledamoter",
        Label::Attend {
            role: Some("ledamot"),
            present: A,
        },
    ),
    (
        "franvarande ersattare",
        Label::Attend {
            role: Some("ersättare"),
            present: A,
        },
    ),
    (
        "anmalt forhinder",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "forhinder",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "meddelat forhinder",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "forhindrade",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "anmald franvaro",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "deltog ej",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "ej deltagande",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    (
        "ej narvarande",
        Label::Attend {
            role: None,
            present: A,
        },
    ),
    ("ordforande", Label::Chair),
    ("motesordforande", Label::Chair),
    ("ordf", Label::Chair),
    ("motesledare", Label::Chair),
    ("vice ordforande", Label::ViceChair),
    ("vice ordf", Label::ViceChair),
    ("sekreterare", Label::Secretary),
    ("sekr", Label::Secretary),
    ("motessekreterare", Label::Secretary),
    ("protokollforare", Label::Secretary),
    ("vid protokollet", Label::Secretary),
    ("antecknare", Label::Secretary),
    ("vid anteckningarna", Label::Secretary),
    ("anteckningar", Label::Secretary),
    ("antecknat av", Label::Secretary),
    ("anteckningar av", Label::Secretary),
    ("vid pennan", Label::Secretary),
    ("vid tangenterna", Label::Secretary),
    ("justerare", Label::Adjuster),
    ("justerande", Label::Adjuster),
    ("protokollsjusterare", Label::Adjuster),
    ("protokolljusterare", Label::Adjuster),
    ("utses att justera", Label::Adjuster),
    // "Från regionen: Lena Ask (ordförande), Jon Strand"
    ("fran regionen", PRESENT),
    ("fran kommunerna", PRESENT),
    ("fran kommunen", PRESENT),
    ("justeras av", Label::Adjuster),
    ("protokollet justeras av", Label::Adjuster),
    ("justerat", Label::AdjustedOn),
    ("justerat den", Label::AdjustedOn),
    // (the Riksdag's "Justeras den 5 mars 2026" over the adjuster's name)
    ("justeras den", Label::AdjustedOn),
    ("justeringsdatum", Label::AdjustedOn),
    ("protokollet justerat", Label::AdjustedOn),
    ("protokollet justerades", Label::AdjustedOn),
    ("justering", Label::AdjustedOn),
    ("justeringens plats och tid", Label::AdjustedOn),
    ("justeringens tid och plats", Label::AdjustedOn),
    // (a label broken over two lines in a PDF's text: "plats och tid" under it, or "och
    // tid" under "Justeringens plats ⇥ Regionens hus 2024-05-20")
    ("justeringens", Label::AdjustedOn),
    ("justeringens plats", Label::AdjustedOn),
    ("justeringens tid", Label::AdjustedOn),
    ("tid", Label::When),
    // (a web page's "Datum" and "Klockan" over the time alone)
    ("klockan", Label::When),
    ("datum", Label::When),
    ("motesdatum", Label::When),
    ("sammantradesdatum", Label::When),
    ("tid och plats", Label::WhenAndPlace),
    // ("Tid och plats för sammanträdet", also broken after "för" in a narrow column)
    ("tid och plats for", Label::WhenAndPlace),
    ("tid och plats for sammantradet", Label::WhenAndPlace),
    ("plats och tid for", Label::PlaceThenTime),
    ("plats och tid for sammantradet", Label::PlaceThenTime),
    ("datum och tid", Label::When),
    ("plats och tid", Label::PlaceThenTime),
    ("datum och plats", Label::WhenAndPlace),
    ("plats", Label::Place),
    ("lokal", Label::Place),
    ("motesplats", Label::Place),
    ("sammantradesplats", Label::Place),
    ("sammantradeslokal", Label::Place),
    ("tjanstestalle", Label::Ignore),
    ("diarienummer", Label::Ignore),
    ("dnr", Label::Ignore),
    ("handlaggare", Label::Ignore),
    ("enhet", Label::Ignore),
    ("mottagare", Label::Ignore),
    ("kopia", Label::Ignore),
    // those sent the notes, not at the meeting: "Kopia för kännedom: …"
    ("kopia for kannedom", Label::Ignore),
    ("for kannedom", Label::Ignore),
    ("kopia till", Label::Ignore),
    ("sandlista", Label::Ignore),
    // "Närvarorätt ⇥ Socialnämnden beslutar att medge närvarorätt för samtliga
    // närvarande": who may attend, decided at the start, no list of people
    ("narvaroratt", Label::Ignore),
    ("paragrafer", Label::Ignore),
    // (a municipal protocol's first pages: "Protokollet innehåller paragraferna ⇥ §§ 1-12")
    ("protokollet innehaller paragraferna", Label::Ignore),
    ("protokollet omfattar paragraferna", Label::Ignore),
    // a notice of adjustment's own fields ("Organ ⇥ Vård- och omsorgsnämnden",
    // "Förvaringsplats för protokollet ⇥ Kommunhuset"); the body also heads minutes
    // ("Organ: Styrgruppen för …"), and is kept when the page's head named none
    ("organ", Label::Body),
    // notes' own short fields: "Möte: Länsgruppen för …", "När: 2024-02-27, 13:30",
    // "Var: Skype"
    ("mote", Label::Body),
    ("motesnamn", Label::Body),
    ("nar", Label::When),
    ("var", Label::Place),
    ("forvaringsplats", Label::Ignore),
    ("dagordning", Label::Ignore),
    // an e-mail's head, when the minutes were sent as a message ("Skickat: den 12 juni
    // 2024 08:14" is no meeting's date)
    ("fran", Label::Ignore),
    ("skickat", Label::Ignore),
    ("till", Label::Ignore),
    ("amne", Label::Ignore),
    ("foredragningslista", Label::Ignore),
    ("agenda", Label::Ignore),
    ("sammantrade", Label::Sitting),
    ("sammantradesdag", Label::When),
    ("sammantradestid", Label::When),
    ("motestid", Label::When),
    ("tidpunkt", Label::When),
    // "Dag: 22-23 sep 2015"
    ("dag", Label::When),
    ("dag och tid", Label::When),
];

/// The length of the longest label ("protokollet innehaller paragraferna").
const LONGEST_LABEL: usize = 35;
/// The length of the longest label but those matched only as written, which all start
/// with one of [`LONG_LABELS_FIRST_LETTERS`] ("justeringens plats och tid").
const LONGEST_COMMON_LABEL: usize = 26;
const LONG_LABELS_FIRST_LETTERS: [u8; 4] = [b'p', b'i', b'n', b't'];

/// What the close match needs of a label, worked out once: its place in [`LABELS`], its
/// length (labels are ASCII: their length in bytes is their length in characters), how
/// far a key may be from it, and its letters.
struct Shape {
    index: usize,
    len: usize,
    tolerance: usize,
    bag: words::Bag,
}

/// The labels by length.
fn shapes_of_length(len: usize) -> &'static [Shape] {
    static BY_LENGTH: std::sync::OnceLock<Vec<Vec<Shape>>> = std::sync::OnceLock::new();
    let by_length = BY_LENGTH.get_or_init(|| {
        let mut v: Vec<Vec<Shape>> = (0..=LONGEST_LABEL).map(|_| Vec::new()).collect();
        for (index, (name, _)) in LABELS.iter().enumerate() {
            if let Some(list) = v.get_mut(name.len()) {
                list.push(Shape {
                    index,
                    len: name.len(),
                    tolerance: words::tolerance(name.len()),
                    bag: words::Bag::of(name),
                });
            }
        }
        v
    });
    by_length.get(len).map_or(&[], Vec::as_slice)
}

/// The label a folded key is as it is written (a label equal to the key has its length).
fn exact_label(k: &str) -> Option<Label> {
    shapes_of_length(k.len())
        .iter()
        .find(|s| LABELS[s.index].0 == k)
        .map(|s| LABELS[s.index].1)
}

/// The best-matching label for a key, tolerant of OCR damage.
fn match_label(key: &str) -> Option<Label> {
    match_whole_label(key).or_else(|| {
        // "Sekreterare/antecknare", "Ordförande/mötesledare": the first part that is one
        let at = words::find_byte(key, b'/')?;
        match_whole_label(&key[..at]).or_else(|| match_whole_label(&key[at + 1..]))
    })
}

/// The label that `key` as a whole is, allowing OCR damage.
fn match_whole_label(key: &str) -> Option<Label> {
    // Trimming before folding is the same as after (folding keeps whitespace and these
    // marks, and makes nothing else into them), and folding never shortens a text: a key
    // too long here is too long folded.
    let key = key
        .trim_ends()
        .trim_end_matches(['*', ':', '.', ' '])
        .trim_ends();
    // (the labels longer than the others are matched only as written: "Protokollet
    // innehåller paragraferna", "Icke tjänstgörande ersättare"; they start with a few
    // letters)
    let long = key
        .bytes()
        .next()
        .is_some_and(|b| LONG_LABELS_FIRST_LETTERS.contains(&b.to_ascii_lowercase()));
    let longest = if long {
        LONGEST_LABEL
    } else {
        LONGEST_COMMON_LABEL
    };
    if key.is_empty() || key.len() > 4 * (longest + 2) {
        return None;
    }
    let chars = key.chars().count();
    if chars > longest + 2 {
        return None;
    }
    if chars > LONGEST_COMMON_LABEL + 2 {
        return exact_label(&fold(key));
    }
    let k = fold(key);
    let k = k.as_str();
    if let Some(label) = exact_label(k) {
        return Some(label);
    }
    // (no label starts with a digit: "1. Beslutande", an agenda's number before a
    // label, is not "Ej beslutande" with two letters damaged)
    if k.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let chars = k.chars().count();
    let bag = words::Bag::of(k);
    // The closest label, the first in the list among equally close ones. Only labels
    // within the largest tolerance (2) of the key's length can match.
    let mut best: Option<(usize, usize)> = None;
    for len in chars.saturating_sub(2)..=chars + 2 {
        for s in shapes_of_length(len) {
            // (a label with no tolerance matches only as it is, found above)
            if s.tolerance == 0
                || s.len.abs_diff(chars) > s.tolerance
                || bag.further_than(&s.bag, s.tolerance)
            {
                continue;
            }
            if let Some(d) = words::bounded_distance(k, LABELS[s.index].0, s.tolerance)
                && best.is_none_or(|b| (d, s.index) < b)
            {
                best = Some((d, s.index));
            }
        }
    }
    best.map(|(_, i)| LABELS[i].1)
}

/// A label line and what follows the label on it.
fn label_of(text: &str) -> Option<(Label, String)> {
    let t = text.trim_ends();
    if let Some(pos) = words::find_byte(t, b':')
        && pos <= 45
        && let Some(l) = match_label(&t[..pos])
    {
        return Some((l, t[pos + 1..].trim_ends().to_owned()));
    }
    if let Some(pos) = words::find_byte(t, b'\t')
        && let Some(l) = match_label(&t[..pos])
    {
        return Some((l, t[pos + 1..].trim_ends().to_owned()));
    }
    // "Övriga (under hela eller delar av sammanträdet)": a label with a note in brackets
    // (kept only where it points to a list elsewhere, "Närvarande (se bilaga 1)")
    if t.ends_with(')')
        && let Some(open) = words::find_byte(t, b'(')
        && (1..=40).contains(&open)
        // (most such lines are people with their party letters: "Anna Berg (S)")
        && !is_party(&t[open + 1..t.len() - 1])
        && let Some(l) = match_label(t[..open].trim_ends())
    {
        let note = &t[open + 1..t.len() - 1];
        let rest = if refers_to_a_list(note) { note } else { "" };
        return Some((l, rest.to_owned()));
    }
    if words::at_most_chars(t, 40)
        && !words::has_byte(t, b',')
        && let Some(l) = match_label(t)
    {
        return Some((l, String::new()));
    }
    // "Tid 2024-04-19 kl 13" : a one-word label followed by a date or a time
    let first_len = words::find_byte(t, b' ')?;
    let rest = t[first_len..].trim_ends();
    if rest.starts_with(|c: char| c.is_ascii_digit())
        && let Some(
            l @ (Label::When
            | Label::WhenAndPlace
            | Label::Sitting
            | Label::PlaceThenTime
            | Label::AdjustedOn
            | Label::Place),
        ) = match_label(&t[..first_len])
    {
        return Some((l, rest.to_owned()));
    }
    spaced_label(t, first_len)
}

/// Whether a word, folded, can be the first word of a label: a quick look before the
/// line is folded.
fn starts_a_label(word: &str) -> bool {
    static BY_LETTER: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_letter = BY_LETTER.get_or_init(|| {
        let mut v: Vec<Vec<&'static str>> = vec![Vec::new(); 26];
        for (name, _) in LABELS {
            let first = name.split(' ').next().unwrap_or(name);
            if let Some(list) = name
                .bytes()
                .next()
                .filter(u8::is_ascii_lowercase)
                .map(|b| &mut v[usize::from(b - b'a')])
                && !list.contains(&first)
            {
                list.push(first);
            }
        }
        v
    });
    let Some(c) = word.chars().next() else {
        return false;
    };
    let letter = if c.is_ascii() {
        Some(c.to_ascii_lowercase() as u8)
    } else {
        words::fold(c.encode_utf8(&mut [0; 4])).bytes().next()
    };
    letter.filter(u8::is_ascii_lowercase).is_some_and(|b| {
        // (labels are ASCII when folded, one letter for each of the word's)
        by_letter[usize::from(b - b'a')]
            .iter()
            .any(|w| word.chars().count() == w.len() && words::folded_starts_with(word, w))
    })
}

/// A label of up to four words written exactly, a single space, then its value starting
/// with a capital or a digit, as text copied from a PDF's two columns joins them:
/// "Beslutande Per Nilsson (S), ordförande", "Plats och tid Kommunhuset, kl 08.30",
/// "Utses att justera Ulla Berg". The longest label wins.
fn spaced_label(t: &str, first_len: usize) -> Option<(Label, String)> {
    // (a colon makes it a label line of the other kind, or no label line; not a time's,
    // "Kommunhuset 2024-10-01 15:00")
    if !t.starts_with(|c: char| c.is_uppercase()) || !starts_a_label(&t[..first_len]) {
        return None;
    }
    let b = t.as_bytes();
    if memchr::memchr_iter(b':', b).any(|at| {
        !(at > 0 && b[at - 1].is_ascii_digit() && b.get(at + 1).is_some_and(u8::is_ascii_digit))
    }) {
        return None;
    }
    // where the first four words end (the longest label is 26 letters, in at most 52
    // bytes)
    let mut ends = [0usize; 4];
    let mut n = 0;
    for at in memchr::memchr_iter(b' ', &t.as_bytes()[..t.len().min(2 * LONGEST_LABEL + 2)]) {
        ends[n] = at;
        n += 1;
        if n == ends.len() {
            break;
        }
    }
    let ends = &ends[..n];
    let last = *ends.last()?;
    // (folding keeps each space, so the k-th space of the fold ends the k-th word)
    let f = fold(&t[..last]);
    let mut folded_ends: Vec<usize> = f.match_indices(' ').map(|(i, _)| i).collect();
    folded_ends.push(f.len());
    if folded_ends.len() != ends.len() {
        return None;
    }
    ends.iter()
        .zip(&folded_ends)
        .rev()
        .find_map(|(&end, &folded_end)| {
            let rest = t[end + 1..].trim_ends();
            if !rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                return None;
            }
            let key = &f[..folded_end];
            let (_, label) = shapes_of_length(key.len())
                .iter()
                .map(|s| LABELS[s.index])
                .find(|(name, label)| *name == key && *label != Label::Ignore)?;
            // a label of people before a person's name ("Per Nilsson", not "PROTOKOLL", a
            // date or "Punkt 4"), or of those present before where their list is
            // ("Beslutande Enligt förteckning", as with a colon)
            let of_people = matches!(
                label,
                Label::Attend { .. }
                    | Label::Chair
                    | Label::ViceChair
                    | Label::Secretary
                    | Label::Adjuster
            );
            (!of_people
                || name_prefix(rest).is_some()
                || matches!(label, Label::Attend { .. }) && refers_to_a_list(rest))
            .then(|| (label, rest.to_owned()))
        })
}

const BODY_WORDS: &[&str] = &[
    "rad",
    "radet",
    "grupp",
    "gruppen",
    "namnd",
    "namnden",
    "styrelse",
    "styrelsen",
    "utskott",
    "utskottet",
    "kommitte",
    "kommitten",
    "fullmaktige",
    "beredning",
    "beredningen",
    "forum",
    "natverk",
    "natverket",
    "forbund",
    "forbundet",
    "samverkan",
    "ledningsgrupp",
    "kc",
    "chefsgrupp",
    "samverkansmote",
    // "Politiskt samverkansorgan för vård och omsorg"
    "organ",
    "organet",
];

/// Whether a line can be a body's name alone ("Socialnämnden", "Kommunstyrelsens
/// arbetsutskott"): up to four words, capitalised, no punctuation.
fn is_name_of_a_body(text: &str) -> bool {
    // (four words of a body's name are far fewer than 200 bytes)
    text.len() <= 200
        && text.starts_with(|c: char| c.is_uppercase())
        && !text.contains([',', ':', '.', ';'])
        && text.split_whitespace().nth(4).is_none()
}

/// Whether a line is a body's name of more words, its kind first and what it is for
/// after it: "Politiskt samverkansorgan för vård och omsorg i Värmland", "Ledningsgruppen
/// för nära vård i Gävleborg" (a body's word among the first two, then "för", "i",
/// "inom", "kring" or "mellan"; a sentence goes on with a verb: "Nämnden beslutar").
fn is_long_name_of_a_body(text: &str) -> bool {
    if text.len() > 200
        || !text.starts_with(|c: char| c.is_uppercase())
        || text.contains([',', ':', '.', ';'])
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().take(13).collect();
    words.len() <= 12
        && (0..2).any(|k| {
            words.get(k).is_some_and(|w| has_body_word(w))
                && words
                    .get(k + 1)
                    .is_some_and(|next| ["för", "i", "inom", "kring", "mellan"].contains(next))
        })
}

/// Whether a line is a sentence of five words or more, which names no body: "Christian
/// påminner om att reglementet är beslutat i Regionfullmäktige."
fn is_sentence(text: &str) -> bool {
    text.trim_ends().ends_with('.') && text.split_whitespace().nth(4).is_some()
}

fn has_body_word(s: &str) -> bool {
    let f = fold(s);
    f.split(|c: char| !c.is_alphanumeric()).any(|w| {
        BODY_WORDS
            .iter()
            .any(|b| w == *b || (b.len() > 3 && w.ends_with(b)))
    })
}

/// Whether a line of the head is one of its labels ("Datum: 2024-09-12", "Närvarande").
pub fn is_head_label(text: &str) -> bool {
    label_of(text).is_some()
}

/// Whether a text is a label as it is written, before its colon if it has one
/// ("Närvarande", "Dagordning:"): for headings, which are typed, not read by OCR, so no
/// tolerance ("Övrigt" is an item, not "Övriga").
pub fn is_label_as_written(text: &str) -> bool {
    let key = text.split(':').next().unwrap_or("");
    exact_label(&fold(key.trim_ends().trim_end_matches(['*', '.', ' ']))).is_some()
}

/// The words that name a document's kind at the start of its title (folded).
const KINDS: &[(&str, DocumentKind)] = &[
    ("sammantradesprotokoll", DocumentKind::Protokoll),
    ("motesprotokoll", DocumentKind::Protokoll),
    ("protokollsutdrag", DocumentKind::Protokoll),
    ("utdrag ur protokoll", DocumentKind::Protokoll),
    ("protokoll", DocumentKind::Protokoll),
    ("minnesanteckningar", DocumentKind::Minnesanteckningar),
    ("minnesanteckning", DocumentKind::Minnesanteckningar),
    ("motesanteckningar", DocumentKind::Minnesanteckningar),
    ("anteckningar", DocumentKind::Minnesanteckningar),
];

/// Whether a text starts with a word naming a document's kind, as a title does
/// ("Minnesanteckningar – Vårdsamverkan Fyrbodal", "Anteckningar").
pub fn names_a_kind(text: &str) -> bool {
    let f = fold(text);
    KINDS.iter().any(|(word, _)| f.starts_with(word))
}

/// Kind and body from a title line such as `Protokoll Chefsgrupp för …` or
/// `Minnesanteckningar från möte med …`.
fn kind_line(text: &str) -> Option<(DocumentKind, String)> {
    // Every kind word starts with one of these letters: a text that does not is no title.
    let first = text.chars().next()?;
    let kind_letter = if first.is_ascii() {
        matches!(first.to_ascii_lowercase(), 's' | 'm' | 'p' | 'a' | 'u')
    } else {
        fold(first.encode_utf8(&mut [0; 4])).starts_with(['s', 'm', 'p', 'a', 'u'])
    };
    if !kind_letter || !words::at_most_chars(text, 160) {
        return None;
    }
    let f = fold(text);
    for (word, kind) in KINDS {
        if f.starts_with(word) {
            let rest_chars = text.chars().skip(word.chars().count());
            let rest: String = rest_chars.collect();
            // "Protokollet från föregående möte …" is text, not a title.
            if rest.starts_with(|c: char| c.is_alphabetic()) {
                return None;
            }
            // "Anteckningar: Mikael Ström" names who took them
            if let Some(after) = rest.trim_start().strip_prefix(':')
                && words::is_person_name(after.trim_ends())
            {
                return None;
            }
            let body = clean_body(&rest);
            // "Protokoll från styrelsemöte" names the meeting, not the body, and
            // "SAMMANTRÄDESPROTOKOLL ⇥ Sida" a page
            // "PROTOKOLL NR 5/2001/2002": the protocol's number
            // ("Protokoll från beslutsgruppsmöte": a meeting of one word, no body)
            let folded = fold(&body);
            let body = if NO_BODIES.contains(&folded.as_str())
                || !folded.contains(' ') && (folded.ends_with("mote") || folded.ends_with("motet"))
                || is_protocol_number(rest.trim_ends())
                // ("Protokoll fört vid ⇥ Nr 2/2004": the number in a column after it)
                || is_protocol_number(&body)
                || folded == "nr"
            {
                String::new()
            } else {
                body
            };
            return Some((*kind, body));
        }
    }
    None
}

/// Words for a meeting, which a title may name where others name the body, and for a
/// page, which a page header puts after the title (folded).
const NO_BODIES: &[&str] = &[
    "sida",
    "sid",
    "blad",
    "mote",
    "motet",
    "styrelsemote",
    "styrelsemotet",
    "sammantrade",
    "sammantradet",
    "styrelsesammantrade",
    "arsmote",
    "extra mote",
    "ordinarie mote",
];

/// The words of a page header's other columns (folded): "Socialnämnden ⇥
/// Sammanträdesdatum ⇥ Sida".
const PAGE_HEADER_WORDS: &[&str] = &[
    "sammantradesdatum",
    "motesdatum",
    "datum",
    "sida",
    "sid",
    "blad",
    "protokoll",
    "sammantradesprotokoll",
    "dnr",
    "diarienummer",
    "justerandes signatur",
    "justerandes sign",
    "utdragsbestyrkande",
];

/// Whether a column of a page header is one of its other columns than the body's:
/// "Sammanträdesdatum", "Sida 1(4)", "Dnr 2024/12" (a word of the list, alone or before
/// a number).
fn is_page_header_column(column: &str) -> bool {
    let f = fold(column);
    let f = f.trim_end_matches(':');
    PAGE_HEADER_WORDS.contains(&f)
        || f.split_once(' ').is_some_and(|(word, rest)| {
            PAGE_HEADER_WORDS.contains(&word.trim_end_matches(':'))
                && rest.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Whether a text names an administrative office rather than a body: "Landstingets
/// kansli", "Kansliavdelningen", "Socialförvaltningen".
fn names_an_office(text: &str) -> bool {
    fold(text).split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.starts_with("kansli")
            || ["forvaltning", "forvaltningen", "avdelning", "avdelningen"]
                .iter()
                .any(|o| w.ends_with(o))
    })
}

fn clean_body(rest: &str) -> String {
    // (a page header's other columns are no part of it, "Socialnämnden ⇥
    // Sammanträdesdatum ⇥ Sida", nor before it, "Sida 2 ⇥ Socialnämnden"; the columns
    // before them are one name, "Kommunstyrelsens ⇥ arbetsutskott")
    let rest = rest.trim_ends();
    let joined;
    let rest = if words::has_byte(rest, b'\t') {
        joined = words::split_byte(rest, b'\t')
            .map(str::trim_ends)
            .filter(|c| !c.is_empty())
            .skip_while(|c| is_page_header_column(c))
            // (nor a registration number after it: "Landstingets kansli ⇥ LS 9/2012")
            .take_while(|c| !is_page_header_column(c) && !super::items::is_registration_number(c))
            .collect::<Vec<&str>>()
            .join(" ");
        joined.as_str()
    } else {
        rest
    };
    let mut s = rest
        .trim_start_matches([':', '-', '–', ','])
        .trim_ends()
        .to_owned();
    let lower = words::lowercase(&s);
    for lead in [
        "fört vid sammanträde med ",
        "fört vid sammanträde i ",
        "fört vid möte med ",
        "fört vid ",
        "från sammanträde med ",
        "från möte med ",
        "från möte i ",
        "från ",
        "för ",
        "vid ",
        "med ",
        "möte med ",
        "möte i ",
    ] {
        if lower.starts_with(lead) {
            s = s[lead.len()..].to_owned();
            break;
        }
    }
    // "styrelsemöte i Hjärt- och lungsjukas förening": a meeting of one word, then whose
    if let Some((meeting, rest)) = s.split_once(' ')
        && let Some((link, body)) = rest.split_once(' ')
        && matches!(link, "i" | "med" | "för" | "hos")
        && meeting.ends_with(['e', 't', 'E', 'T'])
        && ["möte", "mötet", "sammanträde", "sammanträdet"]
            .iter()
            .any(|m| words::lowercase(meeting).ends_with(m))
        && body.starts_with(char::is_uppercase)
    {
        s = body.to_owned();
    }
    if let Some(d) = words::find_date(&s) {
        s.truncate(d.start);
        // "… i Jämtlands län den 20 februari 2024", "… tisdagen den 3 december 2024"
        let kept = without_day_words(&s).len();
        s.truncate(kept);
    }
    let s = without_kind(without_page_mark(s.trim_ends()));
    let s = body_of_genitive(s).unwrap_or(s);
    s.trim_ends()
        .trim_end_matches([',', '-', '–', ':', ' '])
        .trim_ends()
        .to_owned()
}

/// The body a web page's breadcrumb names before its last crumb, the meeting: "Hem >
/// Region Dalarna > Samverkansnämnden > Sammanträde 2024-11-21".
fn body_in_breadcrumb(text: &str) -> Option<&str> {
    if !words::has_byte(text, b'>') {
        return None;
    }
    let crumbs: Vec<&str> = text.split(" > ").map(str::trim_ends).collect();
    let [.., body, meeting] = crumbs.as_slice() else {
        return None;
    };
    let f = fold(meeting);
    (crumbs.len() >= 3
        && words::find_date(meeting).is_some()
        && ["sammantrade", "mote", "protokoll", "minnesanteckningar"]
            .iter()
            .any(|k| f.starts_with(k))
        && !body.is_empty()
        && !words::is_person_name(body))
    .then_some(*body)
}

/// The body whose meeting a title names in the genitive: "Samverkansutskottets
/// sammanträde" is Samverkansutskottet, "Socialnämndens möte" Socialnämnden.
fn body_of_genitive(s: &str) -> Option<&str> {
    let (before, last) = s.trim_ends().rsplit_once(' ')?;
    let body = before
        .trim_ends()
        .strip_suffix('s')
        .filter(|b| b.ends_with(|c: char| c.is_alphabetic() && c != 's'))?;
    // (a quick look first: a letter not ASCII may fold to one of these)
    (last.starts_with(|c: char| !c.is_ascii() || matches!(c, 's' | 'S' | 'm' | 'M'))
        && matches!(
            fold(last).as_str(),
            "sammantrade" | "sammantradet" | "mote" | "motet" | "styrelsemote"
        ))
    .then_some(body)
}

/// `s` without the words before a date at its end: "den", a day of the week
/// ("tisdagen den", "onsdag").
fn without_day_words(s: &str) -> &str {
    let mut s = s.trim_ends();
    for _ in 0..2 {
        let Some((head, last)) = s.rsplit_once(' ') else {
            break;
        };
        let f = fold(last);
        let f = f.trim_end_matches(',');
        if f == "den"
            || WEEKDAYS
                .iter()
                .any(|d| f.strip_prefix(d).is_some_and(|r| r.is_empty() || r == "en"))
        {
            s = head.trim_ends();
        } else {
            break;
        }
    }
    s
}

/// `s` without the document's kind after a dash or comma at its end: "Kommunstyrelsen –
/// protokoll" is the body Kommunstyrelsen.
fn without_kind(s: &str) -> &str {
    let Some(lower) = words::lowercase_in_place(s) else {
        return s;
    };
    for kind in [
        "protokoll",
        "minnesanteckningar",
        "mötesanteckningar",
        "anteckningar",
    ] {
        if let Some(head) = lower.strip_suffix(kind)
            && let Some(head) = head.trim_end().strip_suffix(['–', '-', ',', ':'])
            && !head.trim_end().is_empty()
        {
            // (the lowercase keeps every byte in its place)
            return &s[..head.trim_end().len()];
        }
    }
    s
}

/// `s` without a page number at its end: "Socialnämnden 1(6)", "1 (6)", "2/6", "1[15]".
fn without_page_mark(s: &str) -> &str {
    // (every page mark ends in a digit or a bracket)
    if !s.ends_with(|c: char| c.is_ascii_digit() || c == ')' || c == ']') {
        return s;
    }
    let mut tokens = s.split_whitespace().rev();
    let (last, before) = (tokens.next().unwrap_or(""), tokens.next());
    let first = if is_page_mark(last) {
        last
    } else if let Some(number) = before
        && words::is_number(number)
        && last
            .strip_prefix('(')
            .and_then(|c| c.strip_suffix(')'))
            .or_else(|| last.strip_prefix('[').and_then(|c| c.strip_suffix(']')))
            .is_some_and(words::is_number)
    {
        number
    } else {
        return s;
    };
    // (the token is a slice of `s`: where it starts is its distance from the start)
    &s[..first.as_ptr() as usize - s.as_ptr() as usize]
}

/// "1(6)", "2/6", "1[15]": a page number and the count of pages.
fn is_page_mark(t: &str) -> bool {
    t.strip_suffix(')')
        .and_then(|r| r.split_once('('))
        .or_else(|| t.strip_suffix(']').and_then(|r| r.split_once('[')))
        .or_else(|| t.split_once('/'))
        .is_some_and(|(a, b)| words::is_number(a) && words::is_number(b))
}

/// The attendance in a list after the minutes ("Närvarolista" after the last item, where
/// the head says "Närvarande: se närvarolista sist"): the head's attendees, read from the
/// first list of those present or absent (or a row of column heads with a presence
/// column) up to a label of another kind (the signatures' "Ordförande", "Justerare"),
/// when it names more people than the head.
pub fn read_attendance_after(trailer: &[Line], head: &mut Head) {
    let label = |l: &Line| {
        if l.furniture || !words::at_most_chars(&l.text, 60) {
            return None;
        }
        label_of(without_attachment_number(l.text.trim_ends())).map(|(label, _)| label)
    };
    let roll_call = |l: &Line| !l.furniture && presence_column(l).is_some();
    // (a head that names some is completed only from a roll call, a list with a presence
    // column, or from the list it points to: other lists after the items are more often
    // text)
    let start = if head.attendees.is_empty() || head.listed_elsewhere {
        trailer
            .iter()
            .position(|l| matches!(label(l), Some(Label::Attend { .. })) || roll_call(l))
    } else {
        trailer.iter().position(roll_call)
    };
    let Some(start) = start else {
        return;
    };
    let end = trailer[start..]
        .iter()
        .position(|l| label(l).is_some_and(|k| !matches!(k, Label::Attend { .. })))
        .map_or(trailer.len(), |n| start + n);
    // "Bilaga 1. Närvarolista": the list's label without the attachment's number
    let mut list = trailer[start..end].to_vec();
    let text = without_attachment_number(list[0].text.trim_ends()).to_owned();
    list[0].folded = fold_for_line(&text);
    list[0].text = Cow::Owned(text);
    let listed = read(&list, &mut Vec::new()).attendees;
    // (a head that names fewer, as its chair and adjuster only, is completed from the
    // list: the list's entries first, then those only the head names)
    if listed.len() <= head.attendees.len() {
        return;
    }
    let named = std::mem::replace(&mut head.attendees, listed);
    for a in named {
        match head.attendees.iter_mut().find(|b| b.name == a.name) {
            Some(b) => {
                b.role = b.role.take().or(a.role);
                b.organization = b.organization.take().or(a.organization);
            }
            None => head.attendees.push(a),
        }
    }
}

/// Whether an item's title is the label of a list of those present: "Närvaro",
/// "Närvarande", "Närvarolista" (a board's protocol lists them as its second item).
pub fn is_attendance_title(title: &str) -> bool {
    words::at_most_chars(title, 40)
        && title.starts_with(['N', 'n', 'D', 'd'])
        && matches!(
            match_label(title.trim_ends()),
            Some(Label::Attend { present: true, .. })
        )
}

/// The people an item of those present lists ("2. Närvaro" over their names), read as
/// the list under a label in the head is.
pub fn read_attendance_in_item(body: &[Line], head: &mut Head) {
    const LABEL: &str = "Närvarande";
    let mut list = Vec::with_capacity(body.len() + 1);
    list.push(Line::plain(
        body.first().map_or(0, |l| l.no),
        LABEL,
        Cow::Borrowed(LABEL),
    ));
    list.extend(body.iter().cloned());
    head.attendees = read(&list, &mut Vec::new()).attendees;
}

/// Whether a list's label points elsewhere: "se närvarolista, bilaga 1", "enligt bilaga",
/// "Se deltagarlista".
fn refers_to_a_list(rest: &str) -> bool {
    if !may_refer_to_a_list(rest) {
        return false;
    }
    let f = fold(rest);
    let f = f.trim_start_matches(['(', ' ']);
    // ("Enligt förteckning", "Se bifogad förteckning": a list of its own under another
    // name)
    (f.starts_with("se ") || f.starts_with("enligt ") || f.starts_with("framgar av "))
        && (words::holds!(f, "lista")
            || words::holds!(f, "bilaga")
            || words::holds!(f, "forteckning"))
}

/// Whether a text can start as [`refers_to_a_list`] needs ("se ", "enligt ", "framgår"):
/// a quick look at its first letter before it is folded (any letter not ASCII may fold to
/// one of them, "Sé").
fn may_refer_to_a_list(text: &str) -> bool {
    let t = text.trim_start_matches(['(', ' ']);
    t.bytes()
        .next()
        .is_some_and(|b| !b.is_ascii() || matches!(b.to_ascii_lowercase(), b's' | b'e' | b'f'))
}

/// A label after an attachment's number: "Närvarolista" in "Bilaga 1. Närvarolista".
fn without_attachment_number(text: &str) -> &str {
    let Some(rest) = text
        .strip_prefix("Bilaga ")
        .or_else(|| text.strip_prefix("BILAGA "))
    else {
        return text;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.trim_start_matches(['.', ':', '-', '–', ' '])
}

pub fn read(lines: &[Line], warnings: &mut Vec<String>) -> Head {
    // (labels stacked over their values are read again, each label over its own)
    let mut own = Vec::new();
    let (head, stacked) = read_once(lines, &mut own);
    if let Some(run) = stacked
        && let Some(lines) = unstacked(lines, &run)
    {
        return read_once(&lines, warnings).0;
    }
    warnings.extend(own);
    head
}

/// The head read from its lines, and where labels stand stacked in one column over the
/// column of their values (the places of the labels' lines), as a PDF's text lays out
/// a first page's two columns: "Plats och tid" over "Beslutande" over "Utses att
/// justera" over "Kommunhuset, kl 09.00", "Anna Berg (S), ordförande", … "Lars Ek".
fn read_once(lines: &[Line], warnings: &mut Vec<String>) -> (Head, Option<Vec<usize>>) {
    let mut head = Head::default();
    // the labels alone on their lines one under the other, and the first such run of
    // three or more with one not of those present
    let mut bare_run: Vec<usize> = Vec::new();
    let (mut run_has_other, mut run_is_stacked) = (false, false);
    let mut run_starts_with_place_and_time = false;
    let mut stacked: Option<Vec<usize>> = None;
    let mut section: Option<Label> = None;
    let mut entries_in_section = 0usize;
    // (the marks read under the last person of a list of those present, while the lines
    // after them are a roll call's cells)
    let mut cells_after_entry: Option<usize> = None;
    // the people of a roll call given one cell to a line: each one's place among the
    // attendees, the marks under them, and whether a line that is neither a cell, a
    // person nor a label came after them (a list's label ends the roll call)
    let mut roll: Vec<(usize, usize, bool)> = Vec::new();
    let mut want_body_next = false;
    // an office named under the title, the body if nothing else is
    let mut office: Option<String> = None;
    let mut table: Option<Table> = None;
    let mut guessed_body: Option<String> = None;
    // the body before the date on the line under the title
    let mut dated_body: Option<String> = None;
    // the place before the meeting's date on its line: "Vänersborg 2016-01-20"
    let mut dated_place: Option<&str> = None;
    // the line before gave the date, and the times on a line of their own under it
    let mut after_date = false;
    let mut time_line: Option<&str> = None;
    // (and the place before those times: "Storgatan 50 C, Klippan kl 08.30 - 11.45")
    let mut place_under_date: Option<&str> = None;
    // a label of the time or place alone on its line, its value on the next
    let mut value_label: Option<Label> = None;
    // the line before was a label of the adjustment
    let mut adjustment_before = false;
    // the line before was "Justeringens" alone, the start of a label broken over two lines
    let mut adjustments_start_before = false;
    // "Närvarande från Hofors kommun:": the organisation of those listed under it
    let mut section_org: Option<String> = None;
    // the characters of a presence column marked with crosses, laid out with spaces
    let mut marked: Option<(usize, usize)> = None;
    // (the lines up to this one were read joined to a line before them)
    let mut joined_to = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.furniture || i < joined_to {
            continue;
        }
        // "Ledamöter     Närvarande   Ja   Nej" over "Lena Dahl (S)     X": a list of
        // people whose presence column is marked with a cross (no cross: absent)
        if let Some((label, column)) = presence_column(l) {
            marked = Some(column);
            section = Some(label);
            entries_in_section = 0;
            continue;
        }
        if let Some(column) = marked {
            match section {
                Some(label @ Label::Attend { .. }) if l.heading == 0 && !l.is_blank() => {
                    let (crossed, present, columns) = marked_row(l.raw, column);
                    match (!crossed).then(|| label_of(l.text.trim_ends())).flatten() {
                        // ("Ersättare" over more rows: the list goes on under it, with
                        // its role; after a blank line, "Övriga närvarande" starts a
                        // list of its own)
                        Some((under @ Label::Attend { .. }, rest))
                            if rest.is_empty() && !(i > 0 && lines[i - 1].is_blank()) =>
                        {
                            section = Some(under);
                            continue;
                        }
                        Some(_) => marked = None,
                        None => {
                            if entry_from(
                                &columns,
                                l.struck || !present,
                                label,
                                section_org.as_deref(),
                                &mut head,
                            ) {
                                entries_in_section += 1;
                                continue;
                            }
                            // (a line that is no row ends the list, and is read as any
                            // other)
                            marked = None;
                        }
                    }
                }
                Some(Label::Attend { .. }) if l.is_blank() => continue,
                _ => marked = None,
            }
        }
        // "| Beslutande |": a table's row of one cell, a heading over the rows under it
        let line = l.text.trim_ends();
        let text = single_cell(line).unwrap_or(line);
        // "Nämnd:Omvårdnadsnämnden": a web page's field of the body (written exactly: a
        // label "Nämnd" within the usual tolerance would match "Namn")
        if head.body.is_none()
            && text.starts_with('N')
            && let Some(body) = text.strip_prefix("Nämnd:")
            && !body.trim_ends().is_empty()
        {
            head.body = Some(body.trim_ends().to_owned());
            continue;
        }
        // "Din position: Hem > Region Dalarna > Samverkansnämnden > Sammanträde
        // 2024-11-21": a web page's breadcrumb names the body before the meeting
        if head.body.is_none()
            && let Some(body) = body_in_breadcrumb(text)
        {
            head.body = Some(body.to_owned());
            continue;
        }
        // (blank lines between them keep it)
        let under_date = !text.is_empty() && std::mem::take(&mut after_date);
        // "Anders Ramstrand (KD)" over "ordförande" over "X" over "X": a roll call given
        // one cell to a line, as a web page's table is copied; the cells under a person
        // are theirs
        if !text.is_empty()
            && let Some(marks) = cells_after_entry.as_mut()
            && let Some(cell) = roll_call_cell(text)
        {
            if let Some(last) = head.attendees.last_mut() {
                match cell {
                    // (more than the section's "ledamot")
                    Cell::Role(role) if *marks == 0 => {
                        last.role = Some(role.to_owned());
                    }
                    // (the first mark is the presence column's)
                    Cell::Absent if *marks == 0 => last.status = Presence::Absent,
                    Cell::Role(_) => {}
                    Cell::Present | Cell::Absent => *marks += 1,
                }
                if let Some(last) = roll.last_mut()
                    && matches!(cell, Cell::Present | Cell::Absent)
                {
                    last.1 += 1;
                }
            }
            continue;
        }
        // (blank lines between the cells keep them, as a web page's table is copied)
        let mut ends_cells = false;
        if !text.is_empty()
            && cells_after_entry.take().is_some()
            && let Some(last) = roll.last_mut()
        {
            // (until the line turns out to be the next person or a label)
            last.2 = true;
            ends_cells = true;
        }
        if text.is_empty() {
            if matches!(
                section,
                Some(Label::Secretary | Label::Ignore | Label::Chair | Label::Adjuster)
            ) && entries_in_section > 0
            {
                section = None;
            }
            continue;
        }
        if let Some((kind, body)) = kind_line(text) {
            head.kind.get_or_insert(kind);
            // "Protokoll 241015": six digits alone after the kind, year first, as an
            // association's notes date themselves
            if head.date.is_none()
                && words::find_date(text).is_none()
                && let Some(d) = words::find_short_date(body.trim_ends())
                && d.start == 0
                && d.end == body.trim_ends().len()
            {
                head.date = Some(d.iso());
                section = None;
                continue;
            }
            // "Protokoll Socialnämnden 2024-03-12": the title holds the meeting's date
            // (over a date alone on a line above it, the day the document was written:
            // "2008-01-02" over "Minnesanteckningar från beredningens möte den 19
            // december 2007")
            let date = words::find_date(text);
            // (a dated title, "Protokoll från direktionens sammanträde den 6 februari
            // 2024", may have its times on the line under it)
            after_date = date.is_some();
            if (head.date.is_none() || head.date_alone)
                && let Some(d) = date
            {
                head.date = Some(d.iso());
                head.date_alone = false;
                // "Minnesanteckningar 2024-05-15, kl. 09.30–12.00, Umeå": and its times,
                // with the place after them (not without: a page mark may follow)
                let after = &text[d.end..];
                if words::find_times(after).is_some() {
                    read_times_and_place(after, &mut head);
                }
            }
            if head.body.is_none() {
                if body.is_empty() {
                    want_body_next = true;
                } else {
                    head.body = Some(body);
                }
            }
            section = None;
            continue;
        }
        if want_body_next && (label_of(text).is_some() || words::find_date(text).is_some()) {
            want_body_next = false;
            // "Protokoll" over "Regionala samverkansnämnden 2024-05-14": the body before
            // its date
            // (if nothing else names it: "Möte med förbundets styrelse den 17 oktober"
            // under the association's name is its board)
            if dated_body.is_none()
                && let Some(d) = words::find_date(text)
                && has_body_word(&text[..d.start])
                && !words::is_person_name(text[..d.start].trim_ends())
            {
                dated_body = Some(clean_body(text)).filter(|b| !b.is_empty());
            }
        }
        // "PROTOKOLL" over "Nr 4/2024" over the body: the protocol's number is no body
        if want_body_next && is_protocol_number(text) {
            continue;
        }
        if want_body_next {
            want_body_next = false;
            let named = has_body_word(text);
            if !words::is_person_name(text) && (named || !text.contains(',')) {
                let body = Some(clean_body(text)).filter(|b| !b.is_empty());
                // "Landstingets kansli ⇥ LS 9/2012" under "PROTOKOLL": the office that
                // wrote it, the body only if no line under it names one
                if !named && names_an_office(text) {
                    office = body;
                } else {
                    head.body = body;
                }
                continue;
            }
        }
        // "| Datum | 2024-06-04 |": a table of labels and their values
        let row_label = text.starts_with('|').then(|| labelled_row(text)).flatten();
        if text.starts_with('|') && row_label.is_none() {
            read_table_row(
                &l.raw.replace("**", ""),
                &mut table,
                section,
                &mut head,
                warnings,
                l.no,
            );
            continue;
        }
        if let Some((label, rest)) = row_label.or_else(|| label_of(text)) {
            // (a list of people as running text, broken inside an entry over the lines
            // under the label's: read as one line)
            let rest = match label {
                Label::Attend { .. } if words::has_byte(&rest, b',') => {
                    match running_list_over(lines, i, &rest) {
                        Some((joined, next)) => {
                            joined_to = next;
                            joined
                        }
                        None => rest,
                    }
                }
                _ => rest,
            };
            if rest.is_empty() && !text.starts_with('|') {
                let follows = bare_run
                    .last()
                    .is_some_and(|&j| lines[j + 1..i].iter().all(|n| n.furniture || n.is_blank()));
                if !follows {
                    // (the first stacked run is kept whole when the next run starts)
                    if stacked.is_none() && run_is_stacked {
                        stacked = Some(std::mem::take(&mut bare_run));
                    }
                    bare_run.clear();
                    run_has_other = false;
                }
                bare_run.push(i);
                // (two will do where the place and time stand over those present:
                // "Plats och tid:" over "Beslutande:")
                if bare_run.len() == 1 {
                    run_starts_with_place_and_time = label == Label::PlaceThenTime;
                }
                let place_and_time_over_people = bare_run.len() == 2
                    && run_starts_with_place_and_time
                    && matches!(label, Label::Attend { .. });
                run_has_other |= !matches!(label, Label::Attend { .. });
                run_is_stacked = bare_run.len() >= 3 && run_has_other || place_and_time_over_people;
            }
            value_label = None;
            section_org = None;
            // ("SUPPLEANTER" right under a member with no marks ends the members' list;
            // another label there may be a stray line)
            if ends_cells
                && matches!(label, Label::Attend { .. })
                && let Some(last) = roll.last_mut()
            {
                last.2 = false;
            }
            close_roll(&mut roll, &mut head);
            // "Närvarande: Ledamöter: Anders Henriksson (S) ordförande, …": the inner
            // label says more
            // (up to a "samt": "Övriga deltagande ⇥ Ersättare: Niklas Norling (S) och Maria
            // Blomberg (L) samt sekreterare Patrik Skanser, socialchef Lillemor Quist":
            // those after it are the outer label's)
            let mut outer_rest: Option<(Label, String)> = None;
            let (label, rest) = match label {
                Label::Attend { .. } if words::has_byte(&rest, b':') => match label_of(&rest) {
                    Some((inner @ Label::Attend { .. }, inner_rest)) => {
                        match inner_rest.split_once(" samt ") {
                            Some((before, after)) if words::has_byte(after, b',') => {
                                outer_rest = Some((label, after.to_owned()));
                                (inner, before.to_owned())
                            }
                            _ => (inner, inner_rest),
                        }
                    }
                    _ => (label, rest),
                },
                _ => (label, rest),
            };
            // "Sammanträdesdatum ⇥ Sida" over "Vård- och omsorgsnämnden ⇥ 2024-05-22 ⇥
            // 1(4)": the head of the page number's column, no value
            let rest = if matches!(label, Label::When) && is_page_head(&rest) {
                String::new()
            } else {
                rest
            };
            // "Ordförande Ulrika Björklund (M), Region Örebro län" in a list of those
            // present: that person's role, not a new section (the names after it are
            // members, not more chairs)
            // (and "Sekreterare Mona Kjellström" among others present: hers, and the
            // titles before the names after it are theirs)
            if let Some(Label::Attend { present: true, .. }) = section
                && matches!(label, Label::Chair | Label::ViceChair | Label::Secretary)
                && !rest.is_empty()
                && !words::has_byte(text, b':')
                && !words::has_byte(text, b'\t')
                && entry(&rest, l.struck, label, &mut head)
            {
                // (a secretary's label gives no one present: here she is one)
                if label == Label::Secretary {
                    let present = Label::Attend {
                        role: Some("sekreterare"),
                        present: true,
                    };
                    entry(&rest, l.struck, present, &mut head);
                }
                entries_in_section += 1;
                continue;
            }
            // "Ordinarie ledamöter" over "Närvaro": the roll call's presence column's head,
            // which keeps the members' role
            if let Some(Label::Attend {
                role: Some(_),
                present: true,
            }) = section
                && entries_in_section == 0
                && rest.is_empty()
                && label
                    == (Label::Attend {
                        role: None,
                        present: true,
                    })
                && fold(text).starts_with("narvaro")
            {
                continue;
            }
            entries_in_section = 0;
            section = Some(label);
            let starts_adjustments_label = label == Label::AdjustedOn
                && rest.is_empty()
                && text.len() == "justeringens".len()
                && text.eq_ignore_ascii_case("justeringens");
            // "TID OCH PLATS" over its value on the next line (but "plats och tid" under
            // "Justeringens ⇥ Kommunhuset 2022-09-27" is the end of that label)
            let after_adjustment =
                std::mem::replace(&mut adjustment_before, label == Label::AdjustedOn);
            // "Justeringens" alone over "plats och tid ⇥ Socialförvaltningen 2021-03-23":
            // the adjustment's place and time
            let continues_adjustment = std::mem::take(&mut adjustments_start_before)
                && head.adjusted_on.is_none()
                && matches!(
                    label,
                    Label::When | Label::WhenAndPlace | Label::PlaceThenTime | Label::Place
                );
            let label = if continues_adjustment && !rest.is_empty() {
                Label::AdjustedOn
            } else {
                label
            };
            adjustments_start_before = starts_adjustments_label;
            // "Justeringens" over "plats och tid" over "Förvaltningen, 2019-02-06, kl.
            // 09:00": the label broken over two lines, its value on the line under them
            if continues_adjustment && rest.is_empty() && head.date.is_some() {
                value_label = Some(Label::AdjustedOn);
                section = None;
                continue;
            }
            // ("Justeringens plats och tid" over "Kommunhuset 2024-03-05", but not
            // "Justeringens" alone, the first line of the label)
            if rest.is_empty()
                && !after_adjustment
                && (matches!(
                    label,
                    Label::When | Label::WhenAndPlace | Label::PlaceThenTime | Label::Place
                ) || label == Label::AdjustedOn
                    && !starts_adjustments_label
                    // (the meeting's own date read first: the line under is no other)
                    && head.date.is_some())
            {
                value_label = Some(label);
                section = None;
                continue;
            }
            match label {
                Label::When
                | Label::Sitting
                | Label::WhenAndPlace
                | Label::PlaceThenTime
                | Label::Place
                | Label::AdjustedOn => section = read_value(label, &rest, &mut head),
                Label::Attend { present: true, .. } if refers_to_a_list(&rest) => {
                    head.listed_elsewhere = true;
                }
                // ("Möte: 27 februari 2024": the meeting's date, not its body)
                Label::Body if let Some(d) = words::find_date(&rest) => {
                    // "Organ Kommunstyrelsen Sammanträdesdatum 2018-09-11": the body
                    // first, and the date after its own label, as a notice of adjustment
                    // has them on one line
                    if head.body.is_none()
                        && let Some((body, label)) = rest[..d.start].trim_ends().rsplit_once(' ')
                        && match_label(label) == Some(Label::When)
                        && is_name_of_a_body(body.trim_ends())
                        && has_body_word(body)
                    {
                        head.body = Some(clean_body(body)).filter(|b| !b.is_empty());
                    }
                    section = read_value(Label::When, &rest, &mut head);
                }
                Label::Body => {
                    if head.body.is_none() {
                        head.body = Some(clean_body(&rest)).filter(|b| !b.is_empty());
                        want_body_next = head.body.is_none();
                    }
                    section = Some(Label::Ignore);
                }
                _ if !rest.is_empty() => {
                    let parts = split_entries(&rest).into_iter().map(|p| (label, p));
                    let outer = outer_rest.iter().flat_map(|(outer, rest)| {
                        split_entries(rest).into_iter().map(|p| (*outer, p))
                    });
                    for (label, part) in parts.chain(outer) {
                        let read = entry(&part, false, label, &mut head);
                        entries_in_section += usize::from(read);
                        // (as for the lines under the label: no one lost in silence)
                        if !read
                            && matches!(label, Label::Attend { .. })
                            && looks_like_entry(&part)
                            && !names_no_one(&part)
                        {
                            warnings.push(unread_entry(l.no, &part));
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        adjustment_before = false;
        // "Justeringens" over "plats och tid Ledningskontoret 2002-12-09, kl 16.00": the
        // label's end in small letters, so no label of its own, and its value
        if adjustments_start_before
            && head.adjusted_on.is_none()
            && (l.folded.starts_with("plats och tid ") || l.folded.starts_with("tid och plats "))
            && let Some(d) = words::find_date(text)
        {
            head.adjusted_on = Some(d.iso());
            adjustments_start_before = false;
            continue;
        }
        // (a line that is no label may still be one of those present from an organisation)
        if let Some((label, org, rest)) = attendance_from(text) {
            value_label = None;
            section = Some(label);
            entries_in_section = 0;
            section_org = Some(org.to_owned());
            for part in split_entries(rest) {
                entries_in_section += usize::from(entry_from(
                    &part,
                    false,
                    label,
                    section_org.as_deref(),
                    &mut head,
                ));
            }
            continue;
        }
        // "Plats och tid:" over the place, and the time on the line under it
        // (a place's name from a capital, without digits, and no body's: in a PDF's
        // column the body may come first)
        if value_label == Some(Label::PlaceThenTime)
            && head.place.is_none()
            && text.starts_with(char::is_uppercase)
            && is_value_of(Label::Place, text)
            && !text.bytes().any(|b| b.is_ascii_digit())
            && !has_body_word(text)
        {
            head.place = Some(text.trim_ends().trim_end_matches('.').to_owned());
            value_label = Some(Label::When);
            continue;
        }
        if let Some(label) = value_label.take()
            && is_value_of(label, text)
        {
            // "Vård- och omsorgsnämnden ⇥ 2024-05-22 ⇥ 1(4)" under "Sammanträdesdatum ⇥
            // Sida": the body in the column before the date
            if label == Label::When
                && guessed_body.is_none()
                && let Some((first, _)) = text.split_once('\t')
                && words::find_date(first).is_none()
                && is_name_of_a_body(first.trim_ends())
                && has_body_word(first)
            {
                guessed_body = Some(clean_body(first)).filter(|b| !b.is_empty());
            }
            section = read_value(label, text, &mut head);
            continue;
        }
        if l.heading > 0 {
            section = None;
        }
        if head.date.is_none()
            && section.is_none_or(|s| !matches!(s, Label::Attend { .. }))
            && let Some(d) = words::find_date(text)
        {
            let f = fold(text);
            if !f.contains("juster") && !f.contains("utskrift") && !f.contains("dnr") {
                head.date = Some(d.iso());
                head.date_alone =
                    text[..d.start].trim_ends().is_empty() && text[d.end..].trim_ends().is_empty();
                dated_place = town_dating(text);
                read_times_and_place(&text[d.end..], &mut head);
                after_date = true;
                continue;
            }
        }
        // "2019-01-30" alone again, under "Plats och tid", where a web page's title gave
        // the date first: the place and times under it are read as under the first
        if text.len() <= 20
            && text.starts_with(|c: char| c.is_ascii_digit())
            && let Some(date) = head.date.as_deref()
            && let Some(d) = words::find_date(text)
            && d.start == 0
            && text[d.end..].trim_ends().is_empty()
            && d.iso() == date
        {
            after_date = true;
            continue;
        }
        // "Kl. 13:15 - 16:00" or "13.15–16.00" on a line of its own, under the date (read
        // at the end: labelled times win)
        if under_date && time_line.is_none() && is_time_line(text) {
            time_line = Some(text);
            continue;
        }
        // "Söderåsens Miljöförbund, Storgatan 50 C, Klippan kl 08.30 - 11.45" under
        // "Protokoll från direktionens sammanträde den 6 februari 2024": the place, then
        // the times (read at the end as well)
        if under_date
            && time_line.is_none()
            && section.is_none()
            && let Some((place, ..)) = place_and_times_line(text)
        {
            time_line = Some(text);
            place_under_date = Some(place);
            continue;
        }
        // "På Stocklycke vandrarhem, Omberg" under "VU-sammanträde 2004-06-03": where
        // the meeting was, said so (read at the end: a labelled place wins)
        if under_date
            && section.is_none()
            && let Some(place) = place_said_so(text)
        {
            place_under_date = Some(place);
            continue;
        }
        match section {
            Some(
                label @ (Label::Attend { .. }
                | Label::Chair
                | Label::ViceChair
                | Label::Secretary
                | Label::Adjuster),
            ) => {
                // "Utses att justera ⇥ Lennart Gran" over "Underskrifter" over the
                // signers: the list ends where the signatures start
                // (and "Underskrifter" after a list of people, over the signers)
                // (or with the first signer's role after it: "Underskrifter ⇥ Sekreterare
                // ⇥ ………")
                let signers = l.folded.strip_prefix("underskrift").is_some_and(|r| {
                    matches!(
                        r.strip_prefix("er").unwrap_or(r).bytes().next(),
                        None | Some(b'\t' | b' ' | b':')
                    )
                });
                if l.heading > 0 || signers {
                    section = None;
                    continue;
                }
                // "Upplands Väsby kommun" alone: an organisation over its people, though
                // its first words could be a person's name (looked for first only on
                // lines of three words that end as an organisation's name; others are
                // looked at below if they name no one)
                if matches!(label, Label::Attend { .. })
                    && may_name_an_organisation(text)
                    && !words::has_byte(text, b',')
                    && text.trim_ends().bytes().filter(|&b| b == b' ').count() == 2
                    && let Some(org) = organisation_over_people(text)
                {
                    section_org = org.map(str::to_owned);
                    continue;
                }
                // "Ida Ek, Region Kronoberg; Leo Berg, Växjö kommun" under a label of
                // those present or absent: people parted by semicolons, as on the label's
                // own line (under a chair's or a secretary's label such a line is more
                // likely a list whose own label was damaged than several chairs)
                // (and where the line before ended with a comma, a list of people as
                // running text that goes on: "Kent Alriksson (M), Charlotte Branting
                // (FP)," over "Ola Gustafsson (S), Tryggve Svensson (V)")
                let list_goes_on = || {
                    i.checked_sub(1)
                        .is_some_and(|p| lines[p].text.trim_ends().ends_with(','))
                        && words::has_byte(text, b',')
                };
                // (or it broke inside a name: "…, Anna-Lena Möllstam, Maria" over
                // "Grandin Öberg, Emelie Gustavsson, …", the lone first name read as the
                // last one's organisation; it starts this line's first name again)
                let joined = if matches!(label, Label::Attend { .. }) {
                    i.checked_sub(1)
                        .and_then(|p| name_broken_over(&lines[p].text, text))
                        .and_then(|first| {
                            let last = head.attendees.last_mut()?;
                            (last.organization.as_deref() == Some(first)).then(|| {
                                last.organization = None;
                                format!("{first} {text}")
                            })
                        })
                } else {
                    None
                };
                let text = joined.as_deref().unwrap_or(text);
                let mut read = if matches!(label, Label::Attend { .. })
                    && (words::has_byte(text, b';')
                        || joined.is_some()
                        || list_goes_on()
                        || all_people(text))
                {
                    entries_from(
                        &split_entries(text),
                        l.struck,
                        label,
                        section_org.as_deref(),
                        &mut head,
                    )
                } else {
                    usize::from(entry_from(
                        text,
                        l.struck,
                        label,
                        section_org.as_deref(),
                        &mut head,
                    ))
                };
                // A line that names no one may name an organisation (looked for only
                // then: most lines under the label are people)
                if read == 0 && matches!(label, Label::Attend { .. }) {
                    // "Från Region Halland:" over the people it sends; "Från
                    // kommunerna:" over people who name their own
                    if let Some(org) = organisation_over_people(text) {
                        section_org = org.map(str::to_owned);
                        continue;
                    }
                    // "Region Halland: Anna Berg, Lars Ek": those present from an
                    // organisation, one line for each
                    if let Some((org, people)) = organisation_then_people(text) {
                        read = entries_from(
                            &split_entries(people),
                            l.struck,
                            label,
                            Some(org),
                            &mut head,
                        );
                    }
                }
                if read > 0 {
                    entries_in_section += read;
                    if matches!(label, Label::Attend { .. }) {
                        cells_after_entry = Some(0);
                        if ends_cells && let Some(last) = roll.last_mut() {
                            last.2 = false;
                        }
                        // ("(KD)" under "Anna Berg": the same person's line goes on)
                        if let Some(at) = head.attendees.len().checked_sub(1) {
                            // (after a line that is none of the roll call's, such as a
                            // damaged label, the people are a list of their own)
                            if roll.last().is_some_and(|r| r.2 && r.0 != at) {
                                close_roll(&mut roll, &mut head);
                            }
                            if read == 1 && roll.last().is_none_or(|r| r.0 != at) {
                                roll.push((at, 0, false));
                            }
                        }
                    }
                } else if !words::at_most_chars(text, 120) {
                    section = None;
                } else if entries_in_section == 0
                    && matches!(label, Label::Attend { present: true, .. })
                    && refers_to_a_list(text)
                {
                    // "Närvarande" over "Se bilaga 1": the list is elsewhere
                    head.listed_elsewhere = true;
                } else if matches!(label, Label::Attend { .. })
                    && looks_like_entry(text)
                    && !is_row_of_column_heads(text)
                    && !is_roll_call_head(text)
                {
                    // "Privata vårdgivare", "Kansli Vårdsamverkan Fyrbodal" over "Per
                    // Midtvedt, läkare …": a group over its people, who belong to it
                    // (or over a group of its own: "VG PV (primärvård)" over "Norra
                    // Hälso- och sjukvårdsnämnden" over "Carina Hansson")
                    let mut next = lines[i + 1..]
                        .iter()
                        .filter(|n| !n.furniture && !n.is_blank())
                        .take(2);
                    if is_group_heading(text)
                        && next.next().is_some_and(|n| {
                            name_prefix(&n.text).is_some()
                                || is_group_heading(&n.text)
                                    && next.next().is_some_and(|m| name_prefix(&m.text).is_some())
                        })
                    {
                        section_org = Some(text.trim_ends().to_owned());
                        continue;
                    }
                    warnings.push(unread_entry(l.no, text));
                }
            }
            _ => {
                if section == Some(Label::Ignore) {
                    entries_in_section += 1;
                } else if guessed_body.is_none()
                    && l.bullet.is_none()
                    && (head.kind.is_none() && !is_sentence(text)
                        || is_name_of_a_body(text)
                        || is_long_name_of_a_body(text))
                    && words::at_most_chars(text, 120)
                    && has_body_word(text)
                {
                    guessed_body = Some(clean_body(text)).filter(|b| !b.is_empty());
                }
            }
        }
    }
    close_roll(&mut roll, &mut head);
    if head.body.as_deref().is_none_or(str::is_empty) {
        head.body = guessed_body.or(dated_body).or(office);
    }
    if head.place.is_none() {
        head.place = place_under_date.or(dated_place).map(str::to_owned);
    }
    // (only the times: what follows them on such a line is seldom the place)
    if head.start.is_none()
        && let Some((start, end, _)) = time_line.and_then(words::find_times)
    {
        head.start = Some(start);
        head.end = end;
    }
    if stacked.is_none() && run_is_stacked {
        stacked = Some(bare_run);
    }
    (head, stacked)
}

/// The head's lines with each label of a stacked `run` (the places of its lines) moved
/// over its own values, taken from the column of values under the run: those before the
/// lists of people take one line each from its top, those after them one line each
/// from its bottom, and the lines between are the people, parted between two lists of
/// them where the party letters stop ("Anna Berg (S)" over "Per Holm, socialchef").
/// `None` when a value does not fit its label (a name for a chair, a date or a time
/// for a time), and the lines are read as they stand.
fn unstacked<'a>(lines: &[Line<'a>], run: &[usize]) -> Option<Vec<Line<'a>>> {
    let labels: Vec<Label> = run
        .iter()
        .map(|&j| label_of(&lines[j].text).map(|(k, _)| k))
        .collect::<Option<_>>()?;
    let last = *run.last()?;
    // the values: the lines after the run up to the next label
    let mut values: Vec<usize> = Vec::new();
    let mut end = lines.len();
    for (j, l) in lines.iter().enumerate().skip(last + 1) {
        if l.furniture || l.is_blank() {
            continue;
        }
        if label_of(&l.text).is_some() {
            end = j;
            break;
        }
        values.push(j);
    }
    let is_people = |k: &Label| matches!(k, Label::Attend { .. });
    let first_list = labels.iter().position(is_people).unwrap_or(labels.len());
    let after_lists = labels
        .iter()
        .rposition(is_people)
        .map_or(labels.len(), |p| p + 1);
    let back = labels.len() - after_lists;
    let lists = after_lists - first_list;
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); labels.len()];
    // (the labels before the lists take a line each from the top; "Plats och tid" the
    // place and the time under it when the place is on a line of its own, "Net City,
    // Örebro" over "Torsdag den 1 juni 2006 10:00-12:00", and a line of times after
    // them, "Gruppmöten 09:00-10:00")
    let has_digit = |j: usize| lines[j].text.bytes().any(|b| b.is_ascii_digit());
    let mut top = 0;
    for k in 0..first_list {
        let mut n = 1;
        if labels[k] == Label::PlaceThenTime
            && values.get(top).is_some_and(|&j| !has_digit(j))
            && values.get(top + 1).is_some_and(|&j| has_digit(j))
        {
            n = 2;
            if values.get(top + 2).is_some_and(|&j| {
                let t = lines[j].text.trim_ends();
                words::find_times(t).is_some() && name_prefix(t).is_none()
            }) {
                n = 3;
            }
        }
        assigned[k].extend(values.iter().skip(top).take(n));
        top += n;
    }
    // (a label of one value between two lists of people has no place in the column to
    // take it from)
    if values.len() < top + back + usize::from(lists > 0)
        || !labels[first_list..after_lists].iter().all(is_people)
    {
        return None;
    }
    for k in 0..back {
        assigned[after_lists + k].push(values[values.len() - back + k]);
    }
    if lists > 0 {
        let people = &values[top..values.len() - back];
        // (members with their party letters, then the others)
        let has_party = |j: usize| {
            let t = lines[j].text.trim_ends();
            t.find('(')
                .and_then(|open| t[open + 1..].split_once(')'))
                .is_some_and(|(p, _)| is_party(p))
        };
        // ("enligt bifogad närvarolista" as the first list's value: the list is
        // elsewhere, and the lines after it are the second's)
        let split = (1..people.len())
            .find(|&p| {
                lists > 1
                    && (has_party(people[p - 1]) && !has_party(people[p])
                        || p == 1 && refers_to_a_list(&lines[people[0]].text))
            })
            .unwrap_or(people.len());
        assigned[first_list].extend(&people[..split]);
        if split < people.len() {
            assigned[first_list + 1].extend(&people[split..]);
        }
    } else if values.len() > top {
        // (no list of people: one value each, the rest left where it stands)
        end = values[top];
    }
    let fits = labels.iter().zip(&assigned).all(|(k, got)| match k {
        Label::Chair | Label::ViceChair | Label::Secretary | Label::Adjuster => got
            .iter()
            .all(|&j| name_prefix(lines[j].text.trim_ends()).is_some()),
        Label::When | Label::WhenAndPlace | Label::Sitting | Label::AdjustedOn => {
            got.iter().all(|&j| has_digit(j))
        }
        // (the place on a line of its own above the time)
        Label::PlaceThenTime => got.last().is_none_or(|&j| has_digit(j)),
        Label::Place => got
            .iter()
            .all(|&j| name_prefix(lines[j].text.trim_ends()).is_none()),
        _ => true,
    });
    if !fits {
        return None;
    }
    let mut out: Vec<Line<'a>> = lines[..run[0]].to_vec();
    for (&j, got) in run.iter().zip(&assigned) {
        out.push(lines[j].clone());
        out.extend(got.iter().map(|&v| lines[v].clone()));
    }
    out.extend(lines[end..].iter().cloned());
    Some(out)
}

/// The place written before the meeting's date without a label, as a letter is dated
/// ("Vänersborg 2016-01-20", "Örebro den 12 september 2024", "Uppsala, 2024-09-12"):
/// what [`place_before_date`] takes, if it is one or two words from a capital, written
/// small after it, that name no body, day, person or label.
fn town_dating(text: &str) -> Option<&str> {
    let t = place_before_date(text)?;
    let words: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
    if !(1..=2).contains(&words.len())
        || !words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.as_str().chars().count() >= 2
                && chars.all(|c| c.is_lowercase() || c == '-')
        })
    {
        return None;
    }
    let named_otherwise = has_body_word(t)
        || fold(t).split(' ').any(|w| {
            is_protocol_word(w) || ["minnesanteckningar", "anteckningar", "datum"].contains(&w)
        })
        || words::is_person_name(t)
        || match_label(t).is_some();
    (!named_otherwise).then_some(t)
}

/// A line that is a row of column heads laid out with spaces, whose first names the
/// people and one other is their presence ("Ledamöter     Närvarande   Ja   Nej
/// Avstår"): the label of the list, and the characters from the presence column's head
/// to the next head.
fn presence_column(line: &Line) -> Option<(Label, (usize, usize))> {
    let raw = line.raw;
    // (spaces between columns make the raw line longer than its clean text, and a
    // presence column's head is "Närvarande", "Närvaro" or "Närv.")
    // ("Övriga  närvarande" is a label, whatever its spaces, and heads have no colon:
    // "Närvarande:  se  närvarolista" is none)
    if raw.len() < line.text.len() + 2
        || !words::holds!(line.folded, "narv")
        || words::has_byte(raw, b'\t')
        || words::has_byte(raw, b':')
        || !words::at_most_chars(raw, 140)
        // (as a whole: "Anteckningar/Tjänstgörande ersättare" as the last head holds a
        // label after its slash)
        || match_whole_label(&line.text).is_some()
    {
        return None;
    }
    let columns = spaced_columns(raw.trim_end());
    // (the last head may be a column of notes: "Anteckningar/Tjänstgörande ersättare")
    let last = columns.len() - 1;
    if !(2..=8).contains(&columns.len())
        || columns[1..].iter().enumerate().any(|(k, c)| {
            let f = fold(c.1);
            !(c.1.len() <= 16 && ROLL_CALL_HEADS.contains(&f.as_str())
                || k + 1 == last && NOTES_HEADS.iter().any(|h| f.starts_with(h)))
        })
    {
        return None;
    }
    let k = columns
        .iter()
        .skip(1)
        .position(|c| fold(c.1).starts_with("narv"))?
        + 1;
    let first = fold(columns[0].1);
    let label = match match_label(columns[0].1) {
        Some(label @ Label::Attend { .. }) => label,
        _ if NAME_COLUMN_HEADS.contains(&first.as_str()) => Label::Attend {
            role: None,
            present: true,
        },
        _ => return None,
    };
    let from = columns[k].0.saturating_sub(2);
    let to = columns
        .get(k + 1)
        .map_or(columns[k].0 + columns[k].1.chars().count() + 4, |c| c.0);
    Some((label, (from, to)))
}

/// The heads of a roll call's columns after the first (folded): presence, party, votes
/// and serving.
const ROLL_CALL_HEADS: &[&str] = &[
    "narvarande",
    "narvaro",
    "narv",
    "narv.",
    "franvarande",
    "franv",
    "franv.",
    "parti",
    "ja",
    "nej",
    "avstar",
    "avst",
    "avst.",
    "tjg",
    "tjg.",
    "tjanstgor",
    "tjanstgorande",
    "ersatter",
    "reservation",
    "res.",
];

/// The starts of a roll call's last head that holds notes (folded).
const NOTES_HEADS: [&str; 3] = ["anteckning", "kommentar", "notering"];

/// A row of a list whose presence column (`column`, as [`presence_column`] gives it) is
/// marked with crosses: whether it has a cross anywhere, whether one is in that column,
/// and its other columns with tabs between them (but a party's letters).
fn marked_row(raw: &str, column: (usize, usize)) -> (bool, bool, String) {
    let (mut crossed, mut present) = (false, false);
    let mut rest: Vec<&str> = Vec::new();
    for (place, text) in spaced_columns(raw.trim_end()) {
        // (or a one: "Erik Bergkvist   S   1   Ordförande")
        let in_column = (column.0..column.1).contains(&place);
        if matches!(text, "X" | "x" | "×" | "✓" | "✔" | "1") {
            crossed = true;
            present |= in_column;
            continue;
        }
        // (a dash there: absent, as no cross is)
        if in_column && matches!(text, "-" | "–" | "—") {
            continue;
        }
        // (a party's letters in a column of their own go, as they do in brackets)
        if rest.is_empty() || !is_party(text) {
            rest.push(text);
        }
    }
    (crossed, present, rest.join("\t"))
}

/// Whether a presence column's cell says absent: "Frånvarande", "Förhinder", "Ej
/// närvarande", "Nej", a dash or a nought.
fn is_absent_mark(s: &str) -> bool {
    let f = fold(s);
    f.contains("franvar")
        || f.contains("forhinder")
        || f.contains("ej ")
        || f == "nej"
        || f == "ej"
        || f.ends_with(" ej")
        || matches!(f.trim_ends(), "-" | "–" | "—" | "0")
}

/// A presence column's mark in a table without column heads: `Some(true)` for absent
/// ([`is_absent_mark`] of a short cell), `Some(false)` for "X", "Ja" or "Närvarande".
fn presence_mark(cell: &str) -> Option<bool> {
    if cell.len() > 20 {
        return None;
    }
    let f = fold(cell);
    match f.trim_ends() {
        "x" | "ja" | "narvarande" | "narvarande digitalt" | "deltog" => Some(false),
        _ if is_absent_mark(cell) => Some(true),
        _ => None,
    }
}

/// Whether a table's cell is struck through ("~~Peter Ek~~"), and its text without the
/// marks.
fn struck_cell(cell: &str) -> (bool, &str) {
    match cell.strip_prefix("~~") {
        Some(n) => (true, n.trim_end_matches("~~")),
        None => (false, cell),
    }
}

/// The text of a table's row of one cell: "| Beslutande |".
fn single_cell(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('|')?.strip_suffix('|')?;
    (!words::has_byte(inner, b'|')).then(|| inner.trim_ends())
}

/// A label of those present or absent from an organisation, its organisation and the
/// rest of the line: "Närvarande från Hofors kommun: Oskar Falk, Ida Ström".
fn attendance_from(text: &str) -> Option<(Label, &str, &str)> {
    let colon = words::find_byte(text, b':')?;
    let key = &text[..colon];
    let at = words::finder!(" från ").find(key.as_bytes())?;
    let label = match match_label(&key[..at])? {
        label @ Label::Attend { .. } => label,
        _ => return None,
    };
    let org = key[at + " från ".len()..].trim_ends();
    (!org.is_empty()).then_some((label, org, text[colon + 1..].trim_ends()))
}

/// An organisation before a colon and the people after it, on a line under a label of
/// those present: "Region Halland: Anna Berg, Lars Ek", "Halmstads kommun: Eva Lind".
/// The organisation is one name, no person's, with no role in it and no comma.
fn organisation_then_people(text: &str) -> Option<(&str, &str)> {
    let colon = words::find_byte(text, b':')?;
    let (org, people) = (text[..colon].trim_ends(), text[colon + 1..].trim_ends());
    if org.is_empty() || people.is_empty() || !org.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    is_only_an_organisation(org).then_some((org, people))
}

/// Whether `t` names an organisation and nothing else, in one of the shapes such names
/// have: "Region Halland", "Region Örebro län", "Halmstads kommun", "Gävle stad",
/// "Västra Götalandsregionen", "Försäkringskassan". Up to four words, each but the last
/// with a capital; no person (not even before it: "Mathias Eriksson Ljusnarsberg
/// kommun"), no role, no digits, columns, brackets or marks.
fn is_only_an_organisation(t: &str) -> bool {
    // (most lines under a label of those present are people: they end in no such word)
    // (and most that do are a name and an organisation: "Eva Lind, Halmstads kommun")
    if !may_name_an_organisation(t) || memchr::memchr3(b',', b'\t', b':', t.as_bytes()).is_some() {
        return false;
    }
    if t.bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'(' | b'|' | b'.' | b';'))
    {
        return false;
    }
    let parts: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    // (a capital after a small letter is two words run together: "GävleborgPROTOKOLL")
    let run_together = |w: &&str| {
        w.chars()
            .zip(w.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
    };
    if parts.len() > 4
        || parts.iter().any(run_together)
        || !parts[..parts.len() - 1]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
    {
        return false;
    }
    let (first, last) = (fold(first), fold(last));
    // (a person's name before an organisation's, "Mathias Eriksson Ljusnarsberg kommun",
    // is a person and their organisation; before "kommun" alone it is the
    // municipality's own name, "Upplands Väsby kommun")
    if parts.len() >= 3
        && !(parts.len() == 3 && ["kommun", "stad", "lan"].contains(&last.as_str()))
        && words::is_person_name(&format!("{} {}", parts[0], parts[1]))
    {
        return false;
    }
    let shaped = if parts.len() == 1 {
        ["forsakringskassan", "arbetsformedlingen"].contains(&last.as_str())
            || last.ends_with("regionen") && last.len() > "regionen".len()
    } else {
        first == "region"
            || ["kommun", "stad", "lan"].contains(&last.as_str())
            || last.ends_with("regionen")
    };
    // (the shape says organisation, and no surname ends so; a role word says more)
    shaped && !org_and_role_words_in(&fold(t)).1
}

/// Whether `t` starts or ends as the names [`is_only_an_organisation`] takes do: with
/// "Region", or with "kommun", "stad", "län", "regionen" or an agency's ending, in any
/// case. A quick look at a few bytes before the words are folded.
fn may_name_an_organisation(t: &str) -> bool {
    let b = t.as_bytes();
    let n = b.len();
    if n < 4 {
        return false;
    }
    // (`| 0x20` lowercases an ASCII letter, and makes "Ä" of "LÄN" the "ä" of "län")
    let ends_so = matches!(
        [b[n - 3] | 0x20, b[n - 2] | 0x20, b[n - 1] | 0x20],
        [b'm', b'u', b'n'] // kommun
            | [b't', b'a', b'd'] // stad
            | [0xE3, 0xA4, b'n'] // län
            | [b'l', b'a', b'n']
            | [b'n', b'e', b'n'] // regionen
            | [b's', b'a', b'n'] // Försäkringskassan
            | [b'g', b'e', b'n'] // Arbetsförmedlingen
    );
    ends_so
        || b[0] | 0x20 == b'r'
            && t.get(..7)
                .is_some_and(|s| s.eq_ignore_ascii_case("region "))
}

/// A line naming the organisation of the people under it, under a label of those
/// present: "Från Region Halland:", "Region Halland", "Halmstads kommun:" give it;
/// "Från kommunerna:" is a group of organisations, whose people name their own (`None`).
fn organisation_over_people(text: &str) -> Option<Option<&str>> {
    let t = text.trim_ends();
    let t = t.strip_suffix(':').unwrap_or(t).trim_ends();
    let (from, t) = match t.strip_prefix("Från ").or_else(|| t.strip_prefix("från ")) {
        Some(rest) => (true, rest.trim_ends()),
        None => (false, t),
    };
    if t.starts_with(|c: char| c.is_uppercase()) {
        return is_only_an_organisation(t).then_some(Some(t));
    }
    // ("Från kommunerna", "från länets kommuner": a group)
    // ("Från pensionärsorganisationerna": the organisations of those listed)
    (from
        && !t.is_empty()
        && t.split(' ').count() <= 3
        && !t
            .bytes()
            .any(|b| b.is_ascii_punctuation() || b.is_ascii_digit())
        && {
            let f = fold(t);
            org_and_role_words_in(&f) == (true, false) || f.ends_with("organisationerna")
        })
    .then_some(None)
}

/// [`entry`] under a label naming the organisation of those listed ("Närvarande från
/// Hofors kommun:"): each read without one of their own gets it.
fn entry_from(text: &str, struck: bool, label: Label, org: Option<&str>, head: &mut Head) -> bool {
    let before = head.attendees.len();
    let read = entry(text, struck, label, head);
    if let Some(org) = org {
        for a in &mut head.attendees[before..] {
            match &mut a.organization {
                None => a.organization = Some(org.to_owned()),
                // "Karin Lund, hälso- och sjukvårdsförvaltningen" under "Region
                // Stockholm": a unit of the organisation, kept with it (as on one line)
                Some(unit)
                    if unit.starts_with(char::is_lowercase) && is_only_an_organisation(org) =>
                {
                    *unit = format!("{org}, {unit}");
                }
                Some(_) => {}
            }
        }
    }
    read
}

/// [`entry_from`] for each of a line's parts: how many read someone.
fn entries_from(
    parts: &[String],
    struck: bool,
    label: Label,
    org: Option<&str>,
    head: &mut Head,
) -> usize {
    parts
        .iter()
        .filter(|part| entry_from(part, struck, label, org, head))
        .count()
}

/// Whether a line that names no one, under a label of those present, has the shape of a
/// heading over a group of them: a few words from a capital, none of them a name's
/// start, without the commas, colons, full stops or numbers of an entry ("Privata
/// vårdgivare", "VG PV (primärvård)", "Kommun").
fn is_group_heading(text: &str) -> bool {
    let t = text.trim_ends();
    t.starts_with(char::is_uppercase)
        && words::at_most_chars(t, 60)
        && t.split(' ').filter(|w| !w.is_empty()).count() <= 7
        && !t.bytes().any(|b| {
            b.is_ascii_digit() || matches!(b, b',' | b';' | b':' | b'.' | b'\t' | b'|' | b'/')
        })
        // (a word written small, not a mark of the roll call: "X", "R")
        && t.split(' ')
            .any(|w| w.chars().filter(|c| c.is_lowercase()).count() >= 3)
        && name_prefix(t).is_none()
        // (no word of the protocol's own, "Beslut", "Informationsärende", "Verifikat",
        // nor of an item's title: "Information om …", "Samverkan kring …")
        && !fold(t)
            .split(' ')
            .any(|w| matches!(w, "att" | "om" | "av" | "kring") || is_protocol_word(w))
}

/// Whether a word (folded) is one of the protocol's own: [`PROTOCOL_WORDS`].
fn is_protocol_word(w: &str) -> bool {
    PROTOCOL_WORDS.iter().any(|p| w.starts_with(p))
}

/// The starts of the words (folded) that a protocol writes of itself, its items and
/// its decisions, which no group of those present is named with.
const PROTOCOL_WORDS: &[&str] = &[
    "beslut",
    "besiut",
    "arende",
    "informationsarende",
    "beredningsarende",
    "ordforande",
    "verifikat",
    "signer",
    "bilaga",
    "juster",
    "mote",
    "punkt",
    "paragraf",
    "dagordning",
    "protokoll",
    "sida",
    "sammantrade",
    "foredrag",
    "yttrande",
    "underskrift",
    "information",
    "anmalan",
    "yrkande",
    "delegation",
    // ("Rätt utdraget betygar")
    "utdrag",
];

/// The warning for an entry under a label of those present that reads no one.
fn unread_entry(line_no: usize, text: &str) -> String {
    format!(
        "rad {line_no}: närvarorad kunde inte läsas: {}",
        short(text)
    )
}

/// A table row of two cells whose first is a label ("| Tid | 09:30 – 12:00 |",
/// "| Ordförande | Ulrika Strand |"): the label and the second cell.
fn labelled_row(text: &str) -> Option<(Label, String)> {
    let inner = text.trim_ends().trim_matches('|');
    let mut cells = inner.split('|').map(str::trim).filter(|c| !c.is_empty());
    let (key, value) = (cells.next()?, cells.next()?);
    if cells.next().is_some() {
        return None;
    }
    match match_label(key)? {
        Label::Ignore => None,
        label => Some((label, value.to_owned())),
    }
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        t.push('…');
    }
    t
}

/// A protocol's number on a line of its own: "Nr 4/2024", "Nr. 12".
fn is_protocol_number(text: &str) -> bool {
    text.get(..2)
        .is_some_and(|nr| nr.eq_ignore_ascii_case("nr"))
        && text[2..]
            .trim_start_matches(['.', ' '])
            .starts_with(|c: char| c.is_ascii_digit())
        && words::at_most_chars(text, 20)
}

/// The heads of a column of names (folded).
const NAME_COLUMN_HEADS: &[&str] = &[
    "namn",
    "name",
    "deltagare",
    "person",
    "fornamn och efternamn",
];

/// A row of column heads over a list of people in columns: "Namn ⇥ Funktion ⇥
/// Organisation".
fn is_row_of_column_heads(text: &str) -> bool {
    words::has_byte(text, b'\t')
        && words::split_byte(text, b'\t')
            .next()
            .is_some_and(|first| NAME_COLUMN_HEADS.contains(&fold(first.trim_ends()).as_str()))
}

/// Whether an entry says that no one, or everyone, was there rather than naming
/// anyone: "Ingen", "Inga", "Alla ledamöter", "Samtliga".
fn names_no_one(text: &str) -> bool {
    let f = fold(super::markup::prefix(text, 12));
    ["ingen", "inga", "alla", "samtliga"].iter().any(|w| {
        f.strip_prefix(w)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '.']))
    })
}

fn looks_like_entry(text: &str) -> bool {
    let f = fold(text);
    text.starts_with(|c: char| c.is_uppercase())
        && words::at_most_chars(text, 99)
        && !f.starts_with("vakan")
        && !f.starts_with("n.n")
}

fn split_entries(rest: &str) -> Vec<String> {
    // ("SOFIA LUND (REGION), JONAS EK (MAS, NORA KOMMUN)": people in capitals are
    // parted as in running text)
    let capitals = in_running_case(rest);
    let rest = without_addresses(capitals.as_deref().unwrap_or(rest));
    // "Frånvarande: Erik Strand.": the sentence's full stop is no part of the last name
    let rest = rest.trim_ends();
    let rest = match rest.strip_suffix('.') {
        Some(r) if r.ends_with(|c: char| c.is_lowercase()) => r,
        _ => rest,
    };
    if words::has_byte(rest, b';') {
        return rest
            .split(';')
            .map(|s| s.trim_ends().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
    }
    if let Some(names) = words::split_names(rest)
        && names.len() > 1
    {
        return names;
    }
    // (brackets, or a role after a name: "Karl Olsson, ordf., Britt Sandberg, Lena Stål")
    // (or before it: "sekreterare Patrik Skanser, socialchef Lillemor Quist")
    if words::has_byte(rest, b'(')
        || words::has_byte(rest, b',')
            && words::split_byte(rest, b',').next().is_some_and(|first| {
                words::is_person_name(first.trim_ends()) || title_first(first.trim_ends()).is_some()
            })
    {
        // ("A (S) och B (L) samt sekreterare C, socialchef D": "samt" parts as a comma
        // does)
        let samt;
        let rest = if words::has_byte(rest, b',') && words::holds!(rest, " samt ") {
            samt = rest.replace(" samt ", ", ");
            samt.as_str()
        } else {
            rest
        };
        let entries = entries_by_names(rest);
        if entries.len() > 1 {
            return entries;
        }
    }
    vec![rest.trim_ends().to_owned()]
}

/// A list of people as running text in a label's value, `rest` on line `i`, that goes
/// on over the lines under it and breaks inside an entry somewhere ("… Barbara
/// Kabacinski Hallström (L) och" over "Maria Blomberg (L) samt sekreterare Patrik
/// Skanser, socialchef" over "Lillemor Quist, …"): the whole list on one line, and the
/// line after its last. `None` where each line ends an entry (those are read one by
/// one).
fn running_list_over(lines: &[Line], i: usize, rest: &str) -> Option<(String, usize)> {
    let mut joined = rest.trim_ends().to_owned();
    let mut inside_an_entry = false;
    let mut j = i + 1;
    while let Some(next) = lines.get(j) {
        if next.furniture || next.is_blank() {
            break;
        }
        let t = next.text.trim_ends();
        // (a line going on with "samt …", "och …" or a title before a name,
        // "områdeschef Marie Lindblom", continues one ending with a whole entry)
        let after_and = t.strip_prefix("samt ").or_else(|| t.strip_prefix("och "));
        let first = after_and.unwrap_or(t).split(", ").next().unwrap_or(t);
        let first = first.split(" och ").next().unwrap_or(first).trim_ends();
        let broken = ends_inside_an_entry(&joined)
            || title_first(first).is_some()
            || after_and.is_some() && words::is_person_name(name_of(first))
            || name_broken_over(&joined, t).is_some()
            || goes_on_from(&joined, t);
        if !(broken || joined.ends_with(',')) || label_of(t).is_some() {
            break;
        }
        inside_an_entry |= broken;
        joined.push(' ');
        joined.push_str(t);
        j += 1;
    }
    inside_an_entry.then_some((joined, j))
}

/// Whether running text of people ends inside an entry: after `och` or `samt`, or where
/// titles stand before names, after a title (`socialchef`) or a title and a first name
/// (`controller Ann-Sofie`).
fn ends_inside_an_entry(text: &str) -> bool {
    if text.ends_with(" och") || text.ends_with(" samt") {
        return true;
    }
    let last = text.rsplit(", ").next().unwrap_or(text);
    let last = last.rsplit(" och ").next().unwrap_or(last);
    let titles_first = || {
        text.split(", ")
            .flat_map(|p| p.split(" samt "))
            .flat_map(|p| p.split(" och "))
            .any(|p| title_first(p.trim_ends()).is_some())
    };
    let small = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
    // "socialchef"
    if last.split(' ').all(small) {
        return titles_first();
    }
    // "controller Ann-Sofie"
    last.rsplit_once(' ').is_some_and(|(title, first)| {
        title.split(' ').all(small) && first.starts_with(char::is_uppercase)
    }) && titles_first()
}

/// Whether the line `text` goes on with the last entry of a list of people as running
/// text, `before`, that ended without a comma: with a role in small letters ("andre
/// vice" over "ordförande, Lennart Olsson (S), …"), the party after a name ("Anita
/// Karlsson" over "(C), Inger Björklund (KD)"), the paragraphs ("§§ 17-25, …"), or the
/// surname after a first name standing alone after the last comma or a title ("…,
/// Ing-Britt" over "Pettersson (S), Ulf Jonasson (M)", "områdeschef Stefan" over
/// "Ivarsson §§ 17-18, …").
fn goes_on_from(before: &str, text: &str) -> bool {
    if before.ends_with(',') || !words::has_byte(before, b',') {
        return false;
    }
    let is_name_word = words::is_name_token;
    let last_word = before.rsplit(' ').next().unwrap_or(before);
    match text.chars().next() {
        // "ordförande, …", "avdelningschef myndighets- och …": a role's word
        Some(c) if c.is_lowercase() => {
            let first = text.split([' ', ',']).next().unwrap_or(text);
            return role_words().matches(&fold(first));
        }
        Some('(') => {
            let party = text[1..].split(')').next().unwrap_or("");
            return text.len() > party.len() + 1
                && (1..=5).contains(&party.len())
                && party.chars().all(char::is_alphabetic)
                && is_name_word(last_word);
        }
        // ("§§ 17-25, Kjell Larsson (C)": the paragraphs alone up to a comma)
        Some('§') => {
            let paragraphs = text.split(',').next().unwrap_or(text);
            return (is_name_word(last_word) || last_word.ends_with(')'))
                && paragraphs
                    .chars()
                    .all(|c| matches!(c, '§' | ' ' | '-' | '–') || c.is_ascii_digit());
        }
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    // the first name alone: after the last comma, or after a title in small letters
    let last = before.rsplit(", ").next().unwrap_or(before);
    let (title, first_name) = last.rsplit_once(' ').unwrap_or(("", last));
    if !is_name_word(first_name)
        || !title.is_empty() && title.split(' ').any(|w| !w.starts_with(char::is_lowercase))
    {
        return false;
    }
    // the surname: one word before a bracket, paragraphs or a comma
    let part = text.split(", ").next().unwrap_or(text);
    let surname = part
        .split(" (")
        .next()
        .and_then(|p| p.split(" §").next())
        .unwrap_or(part);
    is_name_word(surname) && (surname.len() < part.len() || part.len() < text.len())
}

/// Whether a line is three or more people parted by commas and nothing else: "Grandin
/// Öberg, Emelie Gustavsson, Ellinor Egefors" is no person with an organisation and a
/// role, but a list as running text (whose line before may have ended without a comma).
fn all_people(text: &str) -> bool {
    // (from the last part: in "Anna Berg, Region Örebro län, sjuksköterska" it is the
    // one most plainly no name)
    memchr::memchr_iter(b',', text.as_bytes()).nth(1).is_some()
        && text
            .rsplit(',')
            .all(|p| words::is_person_name(p.trim_ends()))
}

/// The first name that a list of people as running text ends with, when the name goes
/// on at the start of the next line: ", Maria" over "Grandin Öberg, Emelie Gustavsson":
/// one word from a capital after the last comma, over a line whose first part is one or
/// two such words, with more people after it.
fn name_broken_over<'a>(before: &'a str, text: &str) -> Option<&'a str> {
    let is_name_word = words::is_name_token;
    // (the cheap looks first, at the end of the line before: most lines end otherwise)
    let before = before.trim_ends();
    let at = words::rfind_byte(before, b' ')?;
    let (list, last) = (before[..at].strip_suffix(',')?, &before[at + 1..]);
    if !is_name_word(last) || !words::has_byte(list, b',') || !words::has_byte(text, b',') {
        return None;
    }
    let (first_part, more) = text.split_once(", ")?;
    (first_part.split(' ').count() <= 2
        && first_part.split(' ').all(is_name_word)
        && words::is_person_name(more.split(',').next().unwrap_or("").trim_ends()))
    .then_some(last)
}

/// A part of a list of people up to its bracket, its name: "Helena Berg" of "Helena Berg
/// (Region JH)".
fn name_of(p: &str) -> &str {
    words::find_byte(p, b'(').map_or(p, |at| p[..at].trim_ends())
}

/// The entries of a line of people with what is said of each in brackets or after a
/// comma: "Helena Berg (Region JH), Johan Ström (Region JH)", "Anna Andersson (S),
/// ordförande, Per Persson (M)". A part starting with a person's name starts an entry;
/// any other part belongs to the entry before it.
fn entries_by_names(rest: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in words::split_byte(rest, b',') {
        let part = part.trim_ends();
        if part.is_empty() {
            continue;
        }
        // "… Anna Lindström och Håkan Sternberg (sekreterare)": the last two joined
        // (and "alkoholhandläggare Åsa Nilsson och områdeschef Marie Lindblom", each
        // with the title before the name, as running text gives them)
        if let Some(at) = words::finder!(" och ").find(part.as_bytes()) {
            let (first, second) = (
                part[..at].trim_ends(),
                part[at + " och ".len()..].trim_ends(),
            );
            let person = |p: &str| words::is_person_name(name_of(p)) || title_first(p).is_some();
            if person(first) && person(second) {
                out.push(title_first(first).unwrap_or_else(|| first.to_owned()));
                out.push(title_first(second).unwrap_or_else(|| second.to_owned()));
                continue;
            }
        }
        // "socialchef Lillemor Quist": a title before the name
        if let Some(entry) = title_first(part) {
            out.push(entry);
            continue;
        }
        // "Tomas Gustafsson (Stora Enso) Hans Källsmyr (Skogsstyrelsen)": the comma
        // between two people left out, the second after the first's bracket
        let (part, next) = match words::find_byte(part, b')') {
            Some(at)
                if part[at + 1..].starts_with(' ')
                    && words::is_person_name(name_of(part[at + 1..].trim_ends()))
                    && words::is_person_name(name_of(part)) =>
            {
                (&part[..=at], Some(part[at + 1..].trim_ends()))
            }
            _ => (part, None),
        };
        let name = name_of(part);
        match out.last_mut() {
            Some(last) if !words::is_person_name(name) => {
                last.push_str(", ");
                last.push_str(part);
            }
            _ => out.push(part.to_owned()),
        }
        out.extend(next.map(str::to_owned));
    }
    out
}

/// A part of running text that gives a title in small letters before the person's
/// name, as an entry with the title after the name: "socialchef Lillemor Quist" is
/// "Lillemor Quist, socialchef", and "controller Ann-Sofie Eriksson §§ 13-16" is
/// "Ann-Sofie Eriksson, controller, §§ 13-16". (Not "ersättare för Kristina Pettersson
/// (S)": whom someone serves for is no title.)
fn title_first(part: &str) -> Option<String> {
    if !part.starts_with(char::is_lowercase) {
        return capital_title_first(part);
    }
    let name_at = part.find(|c: char| c.is_uppercase())?;
    let title = part[..name_at].trim_ends();
    // ("avdelningschef myndighets- och specialistavdelning": two words sharing their
    // end are one)
    let shared;
    let words_of = if words::holds!(title, "- och ") {
        shared = title.replace("- och ", "-");
        shared.as_str()
    } else {
        title
    };
    let title_words = words_of.split(' ').count();
    if title.is_empty()
        || title_words > 3
        || !part[..name_at].ends_with(' ')
        || words_of.split(' ').any(|w| {
            !w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '/'))
                || w.chars().count() < 3
                || is_no_title(w)
        })
    {
        return None;
    }
    let rest = &part[name_at..];
    let (name, paragraphs) = match rest.find('§') {
        Some(at) => (rest[..at].trim_ends(), Some(rest[at..].trim_ends())),
        None => (rest, None),
    };
    if !words::is_person_name(name_of(name)) {
        return None;
    }
    Some(match paragraphs {
        Some(p) => format!("{name}, {title}, {p}"),
        None => format!("{name}, {title}"),
    })
}

/// Whether a small word before a name is no title: whom someone serves for
/// ([`serves_for`]), or a word of running text.
fn is_no_title(w: &str) -> bool {
    serves_for(w)
        || matches!(
            w,
            "till"
                | "från"
                | "med"
                | "och"
                | "samt"
                | "att"
                | "som"
                | "vid"
                | "del"
                | "hos"
                | "enligt"
                | "under"
                | "efter"
        )
}

/// Whether a word before a name says whom someone serves for: "ersätter Åke Nyhlén",
/// "för Sören Bertilsson".
fn serves_for(w: &str) -> bool {
    matches!(w, "för" | "ersätter")
}

/// [`title_first`] of a part whose title, one role's word, has a capital as the first
/// of a list: "Sekreterare Mona Kjellström, tf. förvaltningschef Susanne Sandlund" starts
/// with "Mona Kjellström, sekreterare".
fn capital_title_first(part: &str) -> Option<String> {
    let (title, rest) = part.split_once(' ')?;
    let mut chars = title.chars();
    let first = chars.next()?;
    if !first.is_uppercase()
        || title.len() < 5
        || !rest.starts_with(char::is_uppercase)
        || !chars.all(char::is_lowercase)
        || !role_words().matches(&fold(title))
    {
        return None;
    }
    title_first(&format!(
        "{}{} {rest}",
        first.to_lowercase(),
        &title[first.len_utf8()..]
    ))
}

/// Whether a label's rest is the head of a column of page numbers: "Sida", "Sid",
/// "Blad".
fn is_page_head(rest: &str) -> bool {
    let f = rest.trim_ends().trim_end_matches([':', '.']);
    ["sida", "sid", "blad", "sidnummer", "sidnr"]
        .iter()
        .any(|w| f.eq_ignore_ascii_case(w))
}

/// Reads the value of a label of the meeting's time, place or adjustment ("Tid: …",
/// "Plats och tid: …", "Justerat: …"); the section that follows it.
fn read_value(label: Label, rest: &str, head: &mut Head) -> Option<Label> {
    match label {
        Label::Sitting if words::find_date(rest).is_none() && words::find_times(rest).is_none() => {
            return Some(Label::Ignore);
        }
        Label::When => match bare_hours(rest) {
            // "Tid: 10-12": hours alone under a label of the time
            Some((start, end)) if head.start.is_none() => {
                head.start = Some(start);
                head.end = Some(end);
            }
            _ => read_when(rest, head),
        },
        Label::WhenAndPlace | Label::Sitting => {
            read_when(rest, head);
            if head.place.is_none()
                && let Some(place) = place_before_date(rest)
            {
                head.place = Some(place.to_owned());
            }
        }
        Label::PlaceThenTime => {
            read_when(rest, head);
            if head.place.is_none()
                && let Some(place) = place_before_date(rest).or_else(|| place_before_times(rest))
            {
                head.place = Some(place.to_owned());
            }
        }
        // "Plats ⇥ Landstingshuset, Karlstad, kl. 09.00-15.30": the times after the place
        Label::Place
            if head.place.is_none()
                && let Some((place, start, end)) = place_and_times_line(rest) =>
        {
            head.place = Some(place.to_owned());
            if head.start.is_none() {
                head.start = Some(start);
                head.end = Some(end);
            }
        }
        Label::Place if head.place.is_none() && !rest.is_empty() => {
            head.place = Some(rest.trim_end_matches('.').to_owned());
        }
        Label::AdjustedOn => {
            if let Some(d) = words::find_date(rest) {
                head.adjusted_on.get_or_insert(d.iso());
            }
        }
        _ => {}
    }
    None
}

/// A range of whole hours that is all of a value: "10-12", "13–16" (the hours of a day,
/// the first before the second).
fn bare_hours(rest: &str) -> Option<(words::Clock, words::Clock)> {
    let (a, b) = rest.trim_ends().split_once(['-', '–'])?;
    let hour = |t: &str| {
        let t = t.trim_ends();
        (!t.is_empty() && t.len() <= 2 && t.bytes().all(|c| c.is_ascii_digit()))
            .then(|| t.parse::<u8>().ok())
            .flatten()
            .filter(|h| *h <= 23)
    };
    let (start, end) = (hour(a)?, hour(b)?);
    (start < end).then_some(((start, 0), (end, 0)))
}

/// Whether the line under a label alone can be its value: a date or a time for a label
/// of the time, a short line without a colon for the place.
fn is_value_of(label: Label, text: &str) -> bool {
    match label {
        Label::Place => words::at_most_chars(text, 80) && !words::has_byte(text, b':'),
        _ => words::find_date(text).is_some() || words::find_times(text).is_some(),
    }
}

/// The place of a line that says where the meeting was: "På Stocklycke vandrarhem,
/// Omberg", "I Regionens hus, Örebro" (a short line, the word after the preposition
/// capitalised, no sentence).
fn place_said_so(text: &str) -> Option<&str> {
    let t = text.trim_ends();
    let place = t.strip_prefix("På ").or_else(|| t.strip_prefix("I "))?;
    (place.starts_with(char::is_uppercase)
        && words::at_most_chars(t, 80)
        && !t.ends_with(['.', ':'])
        && !words::has_byte(t, b':')
        && words::find_date(t).is_none()
        && words::find_times(t).is_none()
        && !words::is_person_name(place))
    .then_some(place)
}

/// A line of a place and the times that end it, after "kl" or "klockan" ("Storgatan 50
/// C, Klippan kl 08.30 - 11.45", "Kommunhuset, klockan 13.00–15.00"), no label's and
/// without a date: its place, and the start and end.
fn place_and_times_line(text: &str) -> Option<(&str, Clock, Clock)> {
    let text = text.trim_ends();
    // (times have digits: most lines looked at have none)
    if !text.bytes().any(|b| b.is_ascii_digit()) || !words::at_most_chars(text, 160) {
        return None;
    }
    // (the place is what comes before the times, which start with "kl" and end the line)
    let before = place_before_times(text)?;
    let times = text[before.len()..].trim_start_matches([',', ';', ' ']);
    let (start, end, stop) = words::find_times(times)?;
    let end = end?;
    if !times[stop..].trim_ends().is_empty()
        || !times.starts_with(['k', 'K'])
        || !is_time_line(times)
    {
        return None;
    }
    // (after a damaged label, "T1d: kl. 10.00–12.00", "Beslut Plats och tid:
    // Kommunhuset, kl. 13.00–16.30", what follows its colon)
    let place = before
        .rsplit_once(':')
        .map_or(before, |(_, p)| p.trim_ends());
    let f = fold(place);
    (place.starts_with(char::is_uppercase)
        && !words::holds!(f, "plats")
        && !words::holds!(f, "tid ")
        && !f.starts_with("bilaga")
        && words::find_date(text).is_none()
        && label_of(text).is_none()
        && !words::is_person_name(place))
    .then_some((place, start, end))
}

/// A line that gives the meeting's times by themselves: "Kl. 13:15 - 16:00",
/// "Klockan 13.15–16.00" or only "13.15–16.00".
fn is_time_line(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(b'k' | b'K') => {
            let f = fold(super::markup::prefix(text, 8));
            (f.starts_with("kl.") || f.starts_with("kl ") || f.starts_with("klockan "))
                && words::find_times(text).is_some()
        }
        Some(b) if b.is_ascii_digit() => words::find_times(text).is_some_and(|(_, end, stop)| {
            end.is_some() && text[stop..].trim_ends().is_empty() && !words::has_byte(text, b'/')
        }),
        _ => false,
    }
}

fn read_when(rest: &str, head: &mut Head) {
    // ("Datum: 240305": a date of six digits first in the label's value)
    let short = || words::find_short_date(rest).filter(|d| rest[..d.start].trim_ends().is_empty());
    if let Some(d) = words::find_date(rest).or_else(short) {
        if std::mem::take(&mut head.date_alone) {
            head.date = None;
        }
        head.date.get_or_insert(d.iso());
        read_times_and_place(&rest[d.end..], head);
    } else {
        read_times_and_place(rest, head);
    }
}

/// The place in "Kommunhuset, Nämndrummet, onsdagen den 13 mars 2024 kl. 13.30": what
/// comes before the date, without the day of the week.
fn place_before_date(rest: &str) -> Option<&str> {
    let d = words::find_date(rest)?;
    let mut place = rest[..d.start].trim_ends();
    // "… onsdagen den", "… onsdag", "…, den"
    for _ in 0..2 {
        place = place
            .trim_end_matches([',', ';', ' ', '-', '–'])
            .trim_ends();
        let last = place.rsplit(' ').next().unwrap_or(place);
        let f = fold(last);
        if f == "den"
            || WEEKDAYS
                .iter()
                .any(|w| f.strip_prefix(w).is_some_and(|e| e.is_empty() || e == "en"))
        {
            place = &place[..place.len() - last.len()];
        }
    }
    let place = place
        .trim_end_matches([',', ';', ' ', '-', '–'])
        .trim_ends();
    (!place.is_empty()
        && !place.starts_with(|c: char| c.is_ascii_digit())
        && words::find_times(place).is_none()
        && words::at_most_chars(place, 120))
    .then_some(place)
}

/// The days of the week, folded.
const WEEKDAYS: &[&str] = &[
    "mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag",
];

/// The place in "Stadshuset, sal A, kl. 13.00–15.30" or "Stadshuset, 13.00–15.30": what
/// comes before "kl" or "klockan", or else before the last comma.
fn place_before_times(rest: &str) -> Option<&str> {
    let lower = words::lowercase(rest);
    let kl = [" kl.", " kl ", " klockan ", ",kl"]
        .iter()
        .filter_map(|k| lower.find(k))
        .min();
    // (lowercasing keeps the places of Swedish text; elsewhere the last comma is used)
    let cut = match kl {
        Some(p) if lower.len() == rest.len() && rest.is_char_boundary(p) => p,
        _ => rest.rfind(',')?,
    };
    let place = rest[..cut]
        .trim_ends()
        .trim_end_matches([',', ';', ' '])
        .trim_ends();
    (!place.is_empty()
        && !place.starts_with(|c: char| c.is_ascii_digit())
        && words::at_most_chars(place, 120))
    .then_some(place)
}

fn read_times_and_place(after: &str, head: &mut Head) {
    let mut rest = after;
    if let Some((start, end, stop)) = words::find_times(after) {
        if head.start.is_none() {
            head.start = Some(start);
            head.end = end;
        }
        rest = &after[stop..];
    }
    let place = rest
        .trim_ends()
        .trim_start_matches(['.', ',', ';', ':', '-', '–', ' '])
        .trim_ends();
    let place = place
        .strip_prefix("Plats:")
        .or_else(|| place.strip_prefix("plats:"))
        .unwrap_or(place)
        .trim_ends();
    // ("… klockan 13.00 på Regionhuset, Gävle", "… i Stadshuset")
    let place = place
        .strip_prefix("i ")
        .or_else(|| place.strip_prefix("på "))
        .unwrap_or(place)
        .trim_end_matches('.')
        .trim_ends();
    // (a page mark such as "1(3)" after "Sammanträdesdatum" is no place, nor a note in
    // brackets after the times, "(paus 14.30)", nor the document's kind after its date,
    // as a web page's title gives it: "Titel:2019-01-30 Protokoll  Nämnd")
    // (nor a registration number in a column after the date: "LK/140023", one word
    // of digits and no small letter)
    if head.place.is_none()
        && !(place.starts_with('(') && place.ends_with(')'))
        && place.chars().any(char::is_alphabetic)
        && words::at_most_chars(place, 120)
        && !names_a_kind(place)
        && !(place.bytes().any(|b| b.is_ascii_digit())
            && !place.contains(' ')
            && !place.chars().any(char::is_lowercase))
    {
        head.place = Some(place.to_owned());
    }
}

/// A cell of a roll call given one cell to a line, under a person's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// "ordförande", "vice ordförande": a member's role, written small.
    Role(&'static str),
    /// "X": present (or serving, or voting).
    Present,
    /// "-": absent.
    Absent,
}

/// Ends a roll call given one cell to a line: where some of its people have a mark under
/// them, those with none were absent ("Petra Sjöberg (KD)" with no "X" under her, between
/// people who have one), unless a line that is no cell ("(KD)") came between them and
/// their marks.
fn close_roll(roll: &mut Vec<(usize, usize, bool)>, head: &mut Head) {
    if roll.iter().any(|&(_, marks, _)| marks > 0) {
        for &(at, marks, broken) in roll.iter() {
            if marks == 0
                && !broken
                && let Some(a) = head.attendees.get_mut(at)
            {
                a.status = Presence::Absent;
            }
        }
    }
    roll.clear();
}

/// Whether a line is a roll call's column head, one to a line: "Tjg", "Ej tjg", "JA",
/// "NEJ", "Avst" (a head of [`ROLL_CALL_HEADS`], or "Ej tjg", which a row of heads laid
/// out with spaces does not hold).
fn is_roll_call_head(text: &str) -> bool {
    words::at_most_chars(text, 16) && {
        let f = fold(text.trim_ends());
        f == "ej tjg" || ROLL_CALL_HEADS.contains(&f.as_str())
    }
}

/// What a line is as a roll call's cell, if it is one.
fn roll_call_cell(text: &str) -> Option<Cell> {
    match text.trim_ends() {
        // ("O": present without taking part, in the Riksdag's lists)
        "X" | "x" | "×" | "O" => Some(Cell::Present),
        "-" | "–" => Some(Cell::Absent),
        t if t.starts_with(|c: char| c.is_ascii_lowercase()) && words::at_most_chars(t, 20) => {
            member_role_named(t).map(Cell::Role)
        }
        _ => None,
    }
}

/// Handles one entry under a label; returns whether it was a person.
fn entry(text: &str, struck: bool, label: Label, head: &mut Head) -> bool {
    let (section_role, present) = match label {
        Label::Attend { role, present } => (role, present),
        Label::Chair => (Some("ordförande"), true),
        Label::ViceChair => (Some("vice ordförande"), true),
        Label::Adjuster => (Some("justerare"), true),
        Label::Secretary => (Some("sekreterare"), true),
        _ => return false,
    };
    // "Inga-Britt Söderberg ⇥ Jan-Owe Dvärby" under "Justerande ……… ………": two adjusters
    // side by side
    if label == Label::Adjuster
        && words::has_byte(text, b'\t')
        && words::split_byte(text, b'\t')
            .map(str::trim_ends)
            .filter(|c| !c.is_empty())
            .all(|c| words::is_person_name(without_party_at_end(c)))
    {
        let mut read = false;
        for cell in words::split_byte(text, b'\t').map(str::trim_ends) {
            if !cell.is_empty() {
                read |= entry(cell, struck, label, head);
            }
        }
        return read;
    }
    let parsed = parse_entry(text, section_role, struck || !present);
    if parsed.is_empty() {
        return false;
    }
    for a in parsed {
        match label {
            Label::Chair => {
                head.chair.get_or_insert_with(|| a.name.clone());
                head.attendees.push(a);
            }
            Label::Adjuster => {
                if !head.adjusters.contains(&a.name) {
                    head.adjusters.push(a.name.clone());
                }
                head.attendees.push(a);
            }
            Label::Secretary => {
                if !head.secretaries.contains(&a.name) {
                    head.secretaries.push(a.name);
                }
            }
            _ => head.attendees.push(a),
        }
    }
    true
}

const ROLE_WORDS: &[&str] = &[
    "chef",
    "ordf",
    "sekreterare",
    "ledamot",
    "ersattare",
    "ledare",
    "lakare",
    "skoterska",
    "radgivare",
    "strateg",
    "handlaggare",
    "samordnare",
    "direktor",
    "utvecklare",
    "utredare",
    "controller",
    // "samordnande ekonom", "sektorsekonom"
    "ekonom",
    "specialist",
    "ansvarig",
    "tjansteperson",
    "konsult",
    "ombud",
    "representant",
    "kommunalrad",
    "regionrad",
    "politiker",
    "tf.",
    "bitradande",
    "forestandare",
    "justerare",
    "sakkunnig",
    "processledare",
    "projektledare",
    "koordinator",
    "fysioterapeut",
    "arbetsterapeut",
    "mas",
    "mar",
    "kurator",
    "psykolog",
    "adjungerad",
    "gast",
    "inbjuden",
    "foredragande",
];

const ORG_WORDS: &[&str] = &[
    "kommun",
    "region",
    // "Västra Götalandsregionen"
    "regionen",
    "lan",
    "stad",
    "forvaltning",
    // "Socialförvaltningen", "vård- och omsorgsförvaltningen"
    "forvaltningen",
    // "Psykiatriska kliniken"
    "klinik",
    "stab",
    "forbund",
    "landsting",
    "bolag",
    "forening",
    "universitet",
    "forsakringskassan",
    "arbetsformedlingen",
    "polis",
    "vardcentral",
    "sjukhus",
    "lasarett",
    "ab",
    "sisu",
    "socialtjanst",
    "avdelning",
    "enhet",
    "kansli",
    // "Närvårdssamverkan Södra Älvsborg", "Vårdsamverkan Fyrbodal"
    "samverkan",
    // "norra hälso- och sjukvårdsnämnden", "socialnämnden", "regionstyrelsen": the
    // body a member sits for (only as written definite: "nämndsekr." is a title)
    "namnden",
    "styrelsen",
];

/// The roles written as abbreviations before an organisation: medically responsible
/// nurse, for rehabilitation, for physicians, social responsible.
const ROLE_ABBREVIATIONS: &[&str] = &["MAS", "MAR", "MAP", "SAS"];

/// Membership roles named explicitly beside a name.
const MEMBER_ROLES: &[(&str, &str)] = &[
    ("vice ordforande", "vice ordförande"),
    ("vice ordf", "vice ordförande"),
    ("v. ordf", "vice ordförande"),
    ("v ordf", "vice ordförande"),
    ("v.ordf", "vice ordförande"),
    ("v. ordforande", "vice ordförande"),
    ("ordforande", "ordförande"),
    ("ordf", "ordförande"),
    ("motesordforande", "ordförande"),
    ("motesordf", "ordförande"),
    ("tjanstgorande ersattare", "ersättare"),
    ("ersattare", "ersättare"),
    ("ledamot", "ledamot"),
    ("sekreterare", "sekreterare"),
    ("sekr", "sekreterare"),
    ("justerare", "justerare"),
];

/// "tjg ers för Eva-Lena Öst (S)", "ej tjg ers", "ej tjänstgörande ersättare" (folded):
/// a substitute, serving or present without serving, written short (looked for after
/// [`MEMBER_ROLES`], on the columns that start like one of these).
fn substitute_written_short(f: &str) -> Option<&'static (&'static str, &'static str)> {
    const SHORT: &[(&str, &str)] = &[
        ("tjg ersattare", "ersättare"),
        ("tjg ers", "ersättare"),
        ("ej tjanstgorande ersattare", "ersättare"),
        ("ej tjg ersattare", "ersättare"),
        ("ej tjg ers", "ersättare"),
    ];
    if !(f.starts_with("tjg ") || f.starts_with("ej t")) {
        return None;
    }
    SHORT.iter().find(|(k, _)| {
        f.strip_prefix(k)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '.']))
    })
}

/// The membership role a text names whole: "ordf", "Ordförande.", "ledamot".
fn member_role_named(s: &str) -> Option<&'static str> {
    let f = fold(s.trim_ends().trim_end_matches('.'));
    MEMBER_ROLES
        .iter()
        .find(|(k, _)| f.trim_ends() == *k)
        .map(|(_, role)| *role)
}

/// A keyword list indexed by first and last byte: a word equal to a keyword or starting
/// with one (of four letters or more) shares its first byte; one ending with one shares
/// its last.
struct Keywords {
    by_first: Vec<Vec<&'static str>>,
    by_last: Vec<Vec<&'static str>>,
}

impl Keywords {
    fn new(list: &[&'static str]) -> Keywords {
        let mut k = Keywords {
            by_first: vec![Vec::new(); 256],
            by_last: vec![Vec::new(); 256],
        };
        for w in list {
            let b = w.as_bytes();
            k.by_first[usize::from(b[0])].push(*w);
            if b.len() >= 4 {
                k.by_last[usize::from(b[b.len() - 1])].push(*w);
            }
        }
        k
    }

    /// Whether folded `word` is a keyword, or starts or ends with one of four letters or
    /// more.
    fn matches(&self, word: &str) -> bool {
        let first = word.as_bytes()[0];
        self.by_first[usize::from(first)]
            .iter()
            .any(|k| word == *k || (k.len() >= 4 && word.starts_with(k)))
            || self.ends(word)
    }

    /// Whether folded `word` ends with a keyword of four letters or more.
    fn ends(&self, word: &str) -> bool {
        word.as_bytes().last().is_some_and(|&last| {
            self.by_last[usize::from(last)]
                .iter()
                .any(|k| word.ends_with(k))
        })
    }
}

/// Whether a word of folded `f` is an organisation word, and whether one is a role word
/// ([`Keywords::matches`]), with `f` split into words once.
fn org_and_role_words_in(f: &str) -> (bool, bool) {
    let (orgs, roles) = (org_words(), role_words());
    let (mut org, mut role) = (false, false);
    for w in f
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
    {
        // (what is found already is not looked for again)
        let (o, r) = (!org && orgs.matches(w), !role && roles.matches(w));
        // a compound that is both ("förvaltningschef", "kommunchef") is what it ends in
        let (o, r) = if o && r {
            let role_last = roles.ends(w);
            (!role_last, role_last || !orgs.ends(w))
        } else {
            (o, r)
        };
        org = org || o;
        role = role || r;
        if org && role {
            break;
        }
    }
    (org, role)
}

fn role_words() -> &'static Keywords {
    static K: std::sync::OnceLock<Keywords> = std::sync::OnceLock::new();
    K.get_or_init(|| Keywords::new(ROLE_WORDS))
}

fn org_words() -> &'static Keywords {
    static K: std::sync::OnceLock<Keywords> = std::sync::OnceLock::new();
    K.get_or_init(|| Keywords::new(ORG_WORDS))
}

/// The entry's text without its parenthesised notes: a status ("(frånvarande)") marks
/// the person absent, presence notes ("(deltar del av mötet)") and party letters go,
/// other notes in the name column are set aside as columns of their own, others stay.
/// Roles written in brackets after a person's organisation (folded).
const BRACKETED_ROLES: &[&str] = &[
    "ordforande",
    "vice ordforande",
    "motesordforande",
    "sekreterare",
    "justerare",
    "ledamot",
    "ersattare",
    "adjungerad",
    "antecknare",
    "motessekreterare",
    "protokollforare",
];

fn set_notes_aside<'t>(text: &'t str, absent: &mut bool, notes: &mut Vec<String>) -> Cow<'t, str> {
    if !words::has_byte(text, b'(') {
        return Cow::Borrowed(text);
    }
    // (the name ends at the first tab or comma outside brackets: "Sofia Lund (Region,
    // vårdcentralschef), Jonas Ek")
    let mut open = 0usize;
    let name_end = text
        .bytes()
        .position(|b| {
            match b {
                b'(' => open += 1,
                b')' => open = open.saturating_sub(1),
                _ => {}
            }
            open == 0 && (b == b'\t' || b == b',')
        })
        .unwrap_or(text.len());
    let mut kept = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut note = String::new();
    for (pos, c) in text.char_indices() {
        match c {
            '(' => {
                depth += 1;
                if depth == 1 {
                    note.clear();
                    continue;
                }
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let n = std::mem::take(&mut note);
                    let f = fold(&n);
                    let status =
                        f.contains("franvar") || f.contains("forhinder") || f.contains("ej narvar");
                    let presence = f.contains("deltar")
                        || f.contains("del av")
                        || f.contains('§')
                        || f.starts_with("kl")
                        || f.starts_with("punkt")
                        // "(pkt 6)", "(p6)", "(t.o.m. p.10)", "(fr.o.m. § 5)"
                        || f.starts_with("pkt")
                        || f.starts_with("p.")
                        || f.starts_with('p') && f.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
                        || f.starts_with("t.o.m")
                        || f.starts_with("fr.o.m")
                        // "(från punkt 3)", "(till kl. 11)", "(efter lunch)"
                        || f.starts_with("fran ")
                        || f.starts_with("till ")
                        || f.starts_with("efter ")
                        || f.starts_with("arende")
                        || f.contains("digitalt")
                        // "Gunilla Johansson (delvis)": present for part of the meeting
                        || f.starts_with("delvis");
                    let party = n.is_empty() || is_party(&n);
                    if status {
                        *absent = true;
                    } else if pos < name_end && !party && !presence {
                        // "(MAS, Nora kommun)": each part is a column of its own
                        notes.extend(
                            words::split_byte(&n, b',')
                                .map(str::trim_ends)
                                .filter(|p| !p.is_empty())
                                .map(str::to_owned),
                        );
                    } else if !party && !presence && BRACKETED_ROLES.contains(&f.trim_ends()) {
                        // "Karin Berg, Region Dalarna (ordförande)": the role, as a column
                        kept.push_str(if words::has_byte(text, b'\t') {
                            "\t"
                        } else {
                            ", "
                        });
                        kept.push_str(n.trim_ends());
                    } else if !party && !presence {
                        kept.push('(');
                        kept.push_str(&n);
                        kept.push(')');
                    }
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            note.push(c);
        } else {
            kept.push(c);
        }
    }
    Cow::Owned(kept)
}

/// Reads one attendance entry: `Name, Organisation`, `Name\tRole`, `Name (S), ordförande`,
/// `- Name, title, unit, Region X län`, `Name Role` run together.
pub fn parse_entry(text: &str, section_role: Option<&'static str>, absent: bool) -> Vec<Attendee> {
    // "Anders Gustavsson (S), ordförande ⇥ Britt Olofsson (C)": two columns of members
    // side by side, as a PDF's text lays them out
    // ("Per-Olof Lind (M) Sanna Berg (S)", "Lena Eriksson, ekonom, § 55 Anna-Karin Frost,
    // MAS": two people run together where a PDF's text joins the lines of a column)
    // (what each needs, counted in one pass: a paragraph sign's second byte, two
    // brackets, two commas)
    let (mut sign, mut brackets, mut commas) = (false, 0, 0);
    for at in memchr::memchr3_iter(0xA7, b'(', b',', text.as_bytes()) {
        match text.as_bytes()[at] {
            b'(' => brackets += 1,
            b',' => commas += 1,
            _ => sign = true,
        }
    }
    // (on a line of a few people only: each split is a call deeper)
    let short = text.len() <= 400;
    if let Some(at) = member_in_later_column(text)
        .or_else(|| {
            (short && sign)
                .then(|| person_after_paragraphs(text))
                .flatten()
        })
        .or_else(|| {
            (short && brackets >= 2)
                .then(|| member_after_party(text))
                .flatten()
        })
        .or_else(|| {
            (short && commas >= 2)
                .then(|| person_after_title(text))
                .flatten()
        })
    {
        let mut out = parse_entry(&text[..at], section_role, absent);
        if !out.is_empty() {
            out.extend(parse_entry(&text[at..], section_role, absent));
            return out;
        }
    }
    // "Anna Berg och Per Holm, Kumla kommun", "Utvärderarna Marianne Bull och Leif Grahm
    // (punkt 5)": people joined by "och" sharing what follows, and the title before them
    // in the plural
    if short && let Some(out) = people_joined_by_och(text, section_role, absent) {
        return out;
    }
    // "Elisabeth Öberg/Helén Eriksson, sekretariatet": two people sharing what follows
    if short
        && commas > 0
        && let Some(slash) = words::find_byte(text, b'/')
        && let Some(comma) = words::find_byte(text, b',')
        && slash < comma
        && words::is_person_name(text[..slash].trim_ends())
        && words::is_person_name(text[slash + 1..comma].trim_ends())
    {
        let rest = &text[comma..];
        let mut out = parse_entry(
            &format!("{}{rest}", text[..slash].trim_ends()),
            section_role,
            absent,
        );
        out.extend(parse_entry(
            &format!("{}{rest}", text[slash + 1..comma].trim_ends()),
            section_role,
            absent,
        ));
        return out;
    }
    // "Britta Rydberg PRO ersätter Hasse Johansson": whom they serve for is no part of
    // their entry (with brackets or commas, the columns part it already)
    if commas == 0
        && brackets == 0
        && let Some(at) = words::finder!(" ersätter ").find(text.as_bytes())
        && words::is_person_name(text[at + " ersätter ".len()..].trim_ends())
    {
        return read_entry(&text[..at], section_role, absent);
    }
    read_entry(text, section_role, absent)
}

/// [`parse_entry`] for each of the people a first column joins with "och" ("Anna Berg
/// och Per Holm, Kumla kommun"), each with the columns after it, and with the title in
/// the plural before them as their role ("Utvärderarna Marianne Bull och Leif Grahm
/// (punkt 5)": each an "utvärderare"; the note in brackets dropped).
fn people_joined_by_och(
    text: &str,
    section_role: Option<&'static str>,
    absent: bool,
) -> Option<Vec<Attendee>> {
    // (" och " found by its rarest letter: most entries are short and have none)
    let b = text.as_bytes();
    let and = memchr::memchr_iter(b'c', b)
        .find(|&i| i >= 2 && b.get(i - 2..i + 3) == Some(b" och ".as_slice()))?
        - 2;
    let comma = words::find_byte(text, b',').unwrap_or(text.len());
    if and > comma {
        return None;
    }
    let (first, rest) = text.split_at(comma);
    let first = first.trim_ends();
    let first = match first.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
        Some((before, note)) if !is_party(note) => before.trim_ends(),
        _ => first,
    };
    // (a plural in the definite form: "Utvärderarna", "processledarna",
    // "representanterna")
    let (title, names) = match first.split_once(' ') {
        Some((word, names)) if names.starts_with(char::is_uppercase) => {
            let lower = words::lowercase(word);
            match (lower.strip_suffix("arna"), lower.strip_suffix("erna")) {
                (Some(stem), _) if stem.len() >= 3 => (Some(format!("{stem}are")), names),
                (_, Some(stem)) if stem.len() >= 3 => (Some(stem.to_owned()), names),
                _ => (None, first),
            }
        }
        _ => (None, first),
    };
    let names = words::split_names(names).filter(|n| n.len() >= 2)?;
    let mut out = Vec::new();
    for name in &names {
        let mut read = parse_entry(&format!("{name}{rest}"), section_role, absent);
        if let Some(title) = &title {
            for a in &mut read {
                if a.role.is_none() || a.role.as_deref() == section_role {
                    a.role = Some(title.clone());
                }
            }
        }
        out.extend(read);
    }
    (out.len() >= names.len()).then_some(out)
}

/// Whether a column (folded) is the numbers of the paragraphs someone took part in, or
/// did not: "6-10", "del av 6", "ej 13".
fn is_paragraph_numbers(f: &str) -> bool {
    let rest = f
        .strip_prefix("del av ")
        .or_else(|| f.strip_prefix("ej "))
        .unwrap_or(f);
    rest.bytes().any(|b| b.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | ','))
}

/// Where a person's name starts at the end of a column after the first one's title,
/// with their own title after a comma: "Kerstin Aldén, hälso- och sjukvårdsstrateg Eva
/// Andersson, revisor", "Alma Basic, ledamot beredningen (S) Lizabeth Bell, medicinsk
/// rådgivare" (the lines of two columns joined).
fn person_after_title(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let first_comma = words::find_byte(text, b',')?;
    // (the later commas with a title written small after them: most entries have none,
    // and are passed over before any name is checked)
    let at = memchr::memchr_iter(b',', &b[first_comma + 1..])
        .map(|p| first_comma + 1 + p)
        .filter(|&comma| {
            text[comma + 1..]
                .trim_start_matches(' ')
                .starts_with(char::is_lowercase)
        })
        .find_map(|comma| {
            let before = &text[first_comma + 1..comma];
            // (a name's last word before the comma, with a capital: "Region Örebro län,
            // ordförande" is passed over here)
            let last_space = memchr::memrchr(b' ', before.as_bytes())?;
            if !before[last_space + 1..].starts_with(char::is_uppercase) {
                return None;
            }
            names_at_end(before, 4).find_map(|(lead, name, at)| {
                let lead = lead.trim_ends();
                // (the lead's last word a title written small, or party letters: "Region
                // Jämtland Härjedalen, ordförande" is an organisation)
                // (but not "Birgitta Bolin, s, ersätter Åke Nyhlén, s": whom she served
                // for)
                let last_word = lead.rsplit(' ').next().unwrap_or(lead);
                ((last_word.starts_with(char::is_lowercase) && !serves_for(last_word)
                    || lead.ends_with(')'))
                    && name.starts_with(char::is_uppercase)
                    && words::is_person_name(name))
                .then_some(first_comma + 1 + at)
            })
        })?;
    words::is_person_name(text[..first_comma].trim_ends()).then_some(at)
}

/// The ways a text ends with a name of two to `most` words, the shortest first: what
/// stands before the name, the name, and where the name starts.
fn names_at_end(s: &str, most: usize) -> impl Iterator<Item = (&str, &str, usize)> {
    let spaces: Vec<usize> = memchr::memchr_iter(b' ', s.as_bytes()).collect();
    spaces
        .into_iter()
        .rev()
        .skip(1)
        .take(most - 1)
        .map(move |at| (&s[..at], &s[at + 1..], at + 1))
}

/// Party letters in brackets: "S", "KD", "MP"; or the parliament's parties written
/// small, as older protocols write them ("s", "kd", "fp"), or with a capital first
/// ("Mp", "Sd").
fn is_party(p: &str) -> bool {
    (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_uppercase)
        || PARTIES_WRITTEN_SMALL
            .iter()
            .any(|party| party.eq_ignore_ascii_case(p))
}

/// The letters of the parties in the Riksdag since the 1980s, and of their names in
/// some regions' assemblies (`vl`, `vpk`), as written in lowercase.
const PARTIES_WRITTEN_SMALL: [&str; 12] = [
    "s", "m", "c", "l", "v", "fp", "kd", "mp", "sd", "vl", "vpk", "nyd",
];

/// Where a second member starts on a line of two, each a name with their party after it:
/// "Per-Olof Lind (M) Sanna Berg (S)".
fn member_after_party(text: &str) -> Option<usize> {
    let open = words::find_byte(text, b'(')?;
    let close = open + words::find_byte(&text[open..], b')')?;
    let after = &text[close + 1..];
    if !after.starts_with(' ') || !is_party(&text[open + 1..close]) {
        return None;
    }
    let start = close + 1 + (after.len() - after.trim_start().len());
    let rest = &text[start..];
    let open2 = words::find_byte(rest, b'(')?;
    let close2 = open2 + words::find_byte(&rest[open2..], b')')?;
    if !is_party(&rest[open2 + 1..close2]) || !words::is_person_name(text[..open].trim_ends()) {
        return None;
    }
    let between = rest[..open2].trim_ends();
    if words::is_person_name(between) {
        return Some(start);
    }
    // "Christian Gustafsson (M) 1:e vice ordförande Anna-Lena Sörman (S)": the first
    // one's role between them
    names_at_end(between, 4).find_map(|(role, name, at)| {
        let f = fold(role);
        let f = ["1:e ", "2:e ", "3:e ", "forste ", "andre ", "tredje "]
            .iter()
            .find_map(|r| f.strip_prefix(r))
            .unwrap_or(&f);
        (member_role_named(f).is_some() && words::is_person_name(name)).then_some(start + at)
    })
}

/// An entry after the party letters that come before its name, as a roll call in a
/// table's column writes them: "C Ulla-Maj Persson, ordförande", "MBP Ylva Höglund"
/// (not a role's abbreviation: "MAS Olle Sten").
fn after_party_letters(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    // (the letters up to the first space, at most three of them; most entries start
    // with a name, whose first word is longer or written small after its capital)
    let space = b[1..b.len().min(4)].iter().position(|&c| c == b' ')? + 1;
    let (party, rest) = (&t[..space], &t[space + 1..]);
    if !party.bytes().all(|c| c.is_ascii_uppercase()) || ROLE_ABBREVIATIONS.contains(&party) {
        return None;
    }
    let name = rest
        .split([',', '\t', '('])
        .next()
        .map_or("", str::trim_ends);
    words::is_person_name(name).then_some(rest.trim_start())
}

/// An entry without the paragraphs its person was present for at its end: "Maria Hedin,
/// processledare, Region Örebro län § 46", "Lars Strand, miljöinspektör §§ 4 och 11",
/// "Eva Ek, MAS, ej § 12" (the import does not keep attendance by paragraph).
fn without_paragraphs_at_end(t: &str) -> &str {
    // (`§` is 0xC2 0xA7 in UTF-8; few entries hold a 0xC2)
    let Some(sign) =
        memchr::memchr(0xC2, t.as_bytes()).and_then(|p| t[p..].find('§').map(|q| p + q))
    else {
        return t;
    };
    let numbers = t[sign..]
        .trim_start_matches('§')
        .replace("och", "")
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '-' | '–' | '.'));
    let before = t[..sign].trim_ends();
    let before = ["del av", "ej", "utom"]
        .iter()
        .find_map(|w| before.strip_suffix(w).filter(|b| b.ends_with([' ', ','])))
        .unwrap_or(before)
        .trim_end_matches([',', ' '])
        .trim_ends();
    if numbers && t[sign..].bytes().any(|b| b.is_ascii_digit()) && !before.is_empty() {
        before
    } else {
        t
    }
}

/// Where a person's name starts after the paragraphs the one before was present for:
/// "Helena Ljung (KD), ej tjg ers, del av § 58 Ulla Hedin, socialchef", "Anna-Karin Frost,
/// MAS, §57, 58 Carola Vik".
fn person_after_paragraphs(text: &str) -> Option<usize> {
    if !text.contains('§') {
        return None;
    }
    let mut from = 0;
    while let Some(sign) = text[from..].find('§').map(|p| from + p) {
        let after = &text[sign + '§'.len_utf8()..];
        let numbers = after
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, ' ' | ',' | '-' | '–')))
            .unwrap_or(after.len());
        let start = sign + '§'.len_utf8() + numbers;
        let rest = &text[start..];
        let name_end = rest.find([',', '(', '\t']).unwrap_or(rest.len());
        if after[..numbers].bytes().any(|b| b.is_ascii_digit())
            && after[..numbers].ends_with(' ')
            && rest.starts_with(char::is_uppercase)
            && words::is_person_name(rest[..name_end].trim_ends())
        {
            return Some(start);
        }
        from = start;
    }
    None
}

/// Where a column after the first starts that holds a member of their own: a person's
/// name followed by party letters ("Britt Olofsson (C)").
fn member_in_later_column(text: &str) -> Option<usize> {
    if !words::has_byte(text, b'\t') || !words::has_byte(text, b'(') {
        return None;
    }
    let mut at = 0;
    for column in text.split('\t') {
        let start = at;
        at += column.len() + 1;
        let column = column.trim_ends();
        if start == 0 || column.is_empty() {
            continue;
        }
        let Some((name, after)) = column.split_once('(') else {
            continue;
        };
        let party = after.split_once(')').map_or("", |(p, _)| p);
        if is_party(party) && words::is_person_name(name.trim_ends()) {
            return Some(start);
        }
    }
    None
}

/// An entry without its e-mail addresses, which the import does not keep: "Anna Berg
/// <anna.berg@sundsvall.se>", "Anna Berg (anna.berg@sundsvall.se)" and "Anna Berg
/// anna.berg@sundsvall.se" are Anna Berg. An "@" without an address on both sides stays.
pub(super) fn without_addresses(text: &str) -> Cow<'_, str> {
    if !words::has_byte(text, b'@') {
        return Cow::Borrowed(text);
    }
    let in_address = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '@');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = words::find_byte(rest, b'@') {
        let start = rest[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !in_address(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = rest[at + 1..]
            .char_indices()
            .find(|(_, c)| !in_address(*c))
            .map_or(rest.len(), |(i, _)| at + 1 + i);
        if start == at || end == at + 1 {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        }
        // (the brackets around it go with it)
        let (start, end) = if rest[..start].ends_with(['<', '(', '['])
            && rest[end..].starts_with(['>', ')', ']'])
        {
            (start - 1, end + 1)
        } else {
            (start, end)
        };
        out.push_str(rest[..start].trim_end());
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A form's check box before an entry, and the entry after it: "☒ Maria Öhman, …" is
/// checked (present), "☐ Sofia Ek, …" not (absent); also "[x]" and "[ ]".
fn check_box(text: &str) -> Option<(bool, &str)> {
    let t = text.trim_start();
    // (every box starts with one of these bytes: '[', or the first byte of U+2610–U+2612
    // and U+2713–U+2714)
    if !t.starts_with([
        '[', '\u{2610}', '\u{2611}', '\u{2612}', '\u{2713}', '\u{2714}',
    ]) {
        return None;
    }
    let (checked, rest) = [
        ("\u{2612}", true),
        ("\u{2611}", true),
        ("\u{2713}", true),
        ("\u{2714}", true),
        ("[x]", true),
        ("[X]", true),
        ("\u{2610}", false),
        ("[ ]", false),
    ]
    .iter()
    .find_map(|(mark, checked)| t.strip_prefix(mark).map(|rest| (*checked, rest)))?;
    rest.starts_with(char::is_whitespace)
        .then(|| (checked, rest.trim_start()))
}

/// One attendee (or several run together) from an entry.
/// A title written before a person's name in an entry's first column, and the rest:
/// "socialchef Karin Holm" (one word in lowercase that is a role's, not an
/// organisation's), "MAS Olle Sten" (a role's abbreviation); else no title and the
/// column as it is.
fn title_before_name(first: &str) -> (Option<&str>, &str) {
    // "Tf förvaltningschef Jessica Hellberg": an acting holder's title, "tf" before it
    if matches!(first.as_bytes(), [b'T' | b't', b'f' | b'.', ..])
        && let Some(lead) = ["Tf ", "tf ", "Tf. ", "tf. ", "T.f. ", "t.f. "]
            .iter()
            .find(|p| first.starts_with(*p))
        && let (Some(title), rest) = one_title_before_name(&first[lead.len()..])
        && title.starts_with(char::is_lowercase)
    {
        return (Some(&first[..lead.len() + title.len()]), rest);
    }
    match one_title_before_name(first) {
        (None, _) if let Some((title, name)) = title_of_words_before_name(first) => {
            (Some(title), name)
        }
        found => found,
    }
}

/// A title of several words before a person's name, as a PDF's column of others present
/// lists them: "Individ- och familjeomsorgschef Yvonne Wahl", "Verksamhetsområdeschef
/// hemvård Johan Stein 69", "Tf. socialchef Lisbeth Bodén 63-68" (the paragraphs they
/// took part in dropped): the title a role's words end, written small before the name.
fn title_of_words_before_name(first: &str) -> Option<(&str, &str)> {
    let core = first.trim_ends();
    // (four words or more, some 25 bytes: one word before a name is the rule above's,
    // and most columns here are a name alone)
    if core.len() < 25 || memchr::memchr_iter(b' ', core.as_bytes()).nth(2).is_none() {
        return None;
    }
    let core = match core.rsplit_once(' ') {
        Some((head, last))
            if last.bytes().any(|b| b.is_ascii_digit())
                && last.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            head.trim_ends()
        }
        _ => core,
    };
    names_at_end(core, 3).find_map(|(lead, name, _)| {
        let lead = lead.trim_ends();
        // (the title's words after its first written small, no label or paragraph in
        // it: "Maria Engström tjänstgörande ersättare för Bo Ek" names two people)
        let mut lead_words = lead.split(' ');
        lead_words.next();
        (lead_words.all(|w| w.starts_with(char::is_lowercase))
            && lead.len() <= 60
            && !lead.contains([':', '§'])
            && name.starts_with(char::is_uppercase)
            && words::is_person_name(name)
            && org_and_role_words_in(&fold(lead)).1)
            .then_some((lead, name))
    })
}

/// [`title_before_name`] of a title of one word (inlined, as it was before the acting
/// title's look: it is on every entry's path).
#[inline(always)]
fn one_title_before_name(first: &str) -> (Option<&str>, &str) {
    // (most first columns start with a capital and are names: one look at their bytes)
    let b = first.as_bytes();
    let small = b.first().is_some_and(u8::is_ascii_lowercase);
    // ("Verksamhetschef Monica Roos": a title of seven letters or more, written with a
    // capital as it starts the line)
    let long_first = || words::find_byte(first, b' ').is_some_and(|at| at >= 7);
    if !(small || b.get(3) == Some(&b' ') || long_first()) {
        return (None, first);
    }
    let Some((word, rest)) = first.split_once(' ') else {
        return (None, first);
    };
    let rest = rest.trim_ends();
    // (with a capital, a job's title: not a label or a member's role, "Ordförande Anna
    // Berg", "Föredragande: Anna Berg", which the lines around it read)
    let capital_title = || {
        word.len() >= 7
            && !word.ends_with(':')
            && words::is_person_name(rest)
            && match_label(word).is_none()
            && member_role_named(word).is_none()
            && fold(word) != "foredragande"
    };
    let is_title = ROLE_ABBREVIATIONS.contains(&word)
        || (small || capital_title()) && org_and_role_words_in(&fold(word)) == (false, true);
    if is_title && words::is_person_name(rest) {
        (Some(word), rest)
    } else {
        (None, first)
    }
}

/// Words written small in running text: after an organisation's or a place's name, in
/// a name ("af", "von"), and around a role ("förste vice", "tjänstgörande", "ersätter").
const SMALL_WORDS: &[&str] = &[
    "kommun",
    "kommuns",
    "lan",
    "stad",
    "och",
    "i",
    "for",
    "av",
    "med",
    "samt",
    "att",
    "till",
    "af",
    "von",
    "de",
    "van",
    "der",
    "forste",
    "andre",
    "tredje",
    "vice",
    "tjanstgorande",
    "ersatter",
];

/// An entry written in capitals ("ULLA BERG (S), ORDFÖRANDE", "TOMAS EK, BOLLNÄS
/// KOMMUN") as running text writes it, so that its name can be read: each word with a
/// capital and small letters after it; small the words running text writes small
/// ("kommun", "län", "och") and role words ("nämndsekreterare"); after the name, an
/// abbreviation of up to three letters kept where it is a role's ("MAS") or a column of
/// its own ("VGR", the party's "S"). `None` for an entry not in capitals, or whose first
/// column is not a person's name of two or three words. (A line of several people reads
/// the same: "SOFIA LUND (REGION), JONAS EK (MAS, NORA KOMMUN)".)
fn in_running_case(text: &str) -> Option<String> {
    // (most entries have a small letter among their first bytes)
    if text.bytes().any(|b| b.is_ascii_lowercase())
        || text.chars().any(char::is_lowercase)
        || text.chars().filter(|c| c.is_alphabetic()).count() < 4
    {
        return None;
    }
    const PARTS: [char; 5] = [',', '\t', '(', ')', ';'];
    let mut out = String::with_capacity(text.len());
    let mut in_name = true;
    // (no word yet in the column)
    let mut column_start = true;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !c.is_alphabetic() {
            in_name &= !PARTS.contains(&c);
            column_start |= PARTS.contains(&c);
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        let whole_column = std::mem::take(&mut column_start)
            && after
                .trim_start_matches(' ')
                .chars()
                .next()
                .is_none_or(|c| PARTS.contains(&c));
        let f = fold(word);
        let letters = word.chars().count();
        if SMALL_WORDS.contains(&f.as_str()) {
            out.extend(word.chars().flat_map(char::to_lowercase));
        } else if !in_name && letters <= 3 && (whole_column || ROLE_ABBREVIATIONS.contains(&word)) {
            out.push_str(word);
        } else if org_and_role_words_in(&f).1 {
            out.extend(word.chars().flat_map(char::to_lowercase));
        } else {
            let mut chars = word.chars();
            out.extend(chars.next());
            out.extend(chars.flat_map(char::to_lowercase));
        }
        rest = after;
    }
    let name_end = out.find([',', '\t', '(', ';']).unwrap_or(out.len());
    let name = out[..name_end].trim_ends();
    let words_n = name.split_whitespace().count();
    // (three words alone in capitals are as likely a phrase: "RÄTT UTDRAGET BETYGAR")
    ((words_n == 2 || words_n == 3 && name_end < out.len())
        && words::is_person_name(name)
        && org_and_role_words_in(&fold(name)) == (false, false))
        .then_some(out)
}

fn read_entry(text: &str, section_role: Option<&'static str>, absent: bool) -> Vec<Attendee> {
    let capitals = in_running_case(text);
    let text = without_addresses(capitals.as_deref().unwrap_or(text));
    let (text, absent) = match check_box(&text) {
        Some((checked, rest)) => (rest, absent || !checked),
        None => (&*text, absent),
    };
    let mut absent = absent;
    let mut notes: Vec<String> = Vec::new();
    let t = set_notes_aside(text, &mut absent, &mut notes);
    let t = t
        .trim_ends()
        .trim_start_matches(['-', '•', '*', '–'])
        // "Patrik Jönsson (S), Karlskoga kommun*": a star marks who took part from afar
        .trim_end_matches('*')
        .trim_ends();
    // "Per Lundgren, chefläkare Trollhättan.": a sentence's full stop after a last
    // column of words (not an abbreviation's, "ordf.", "nämndsekr.")
    let t = match t.strip_suffix('.') {
        Some(r)
            if words::rfind_byte(r, b',').is_some_and(|comma| {
                let last = r[comma + 1..].trim_ends();
                words::has_byte(last, b' ')
                    && last.rsplit(' ').next().is_some_and(|w| {
                        w.chars().count() >= 6 && w.chars().all(char::is_alphabetic)
                    })
            }) =>
        {
            r
        }
        _ => t,
    };
    let t = without_paragraphs_at_end(t);
    let t = after_party_letters(t).unwrap_or(t);
    let trimmed_columns = |sep: u8| {
        words::split_byte(t, sep)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<&str>>()
    };
    let tabbed = words::has_byte(t, b'\t');
    let columns: Vec<&str> = if tabbed {
        trimmed_columns(b'\t')
    } else if words::has_byte(t, b',') {
        trimmed_columns(b',')
    } else if let Some((a, b)) = words::split_once_at(t, words::finder!(" – "))
        .or_else(|| words::split_once_at(t, words::finder!(" - ")))
    {
        vec![a.trim_ends(), b.trim_ends()]
    } else {
        vec![t]
    };
    // "Andersson, Anna (S), ordförande": the surname first, the given names after a comma
    let swapped: String;
    let columns = match columns.as_slice() {
        [surname, given, ..]
            if !tabbed
                && !surname.contains(' ')
                && given.split(' ').count() <= 2
                && !words::is_person_name(surname) =>
        {
            swapped = format!("{given} {surname}");
            if words::is_person_name(&swapped) {
                std::iter::once(swapped.as_str())
                    .chain(columns[2..].iter().copied())
                    .collect()
            } else {
                columns
            }
        }
        _ => columns,
    };
    let Some((first, columns)) = columns.split_first() else {
        return Vec::new();
    };
    // "socialchef Karin Holm", "MAS Olle Sten": a title before the name (a role's word
    // in lowercase, or a role's abbreviation)
    let (leading_title, first) = title_before_name(first);
    // "AnnaBerg": OCR lost the space between the given name and the surname
    let unglued = unglued_name(first);
    let first = unglued.as_deref().unwrap_or(first);
    // A name run together with what follows ("Anna Swift Johannison utredningssekreterare").
    let tokens: Vec<&str> = first
        .split_whitespace()
        .map(|tok| tok.trim_end_matches('*'))
        .filter(|tok| !tok.is_empty())
        .collect();
    let cut = tokens
        .iter()
        .enumerate()
        .position(|(i, tok)| {
            // (a particle or an initial only inside: "Eva af Klint", "Mats O. Lind")
            // "Jörgen Qwist Anmält förhinder"
            i >= 2 && tok.starts_with('A') && fold(tok).starts_with("anmal")
                // "Carina Hansson Processansvarig": a title with a capital after the name
                // (written last: a quick look at its place before it is folded)
                || i >= 2
                    && i + 1 == tokens.len()
                    && org_and_role_words_in(&fold(tok)) == (false, true)
                || i > 0
                    && !words::is_name_token(tok)
                    && !(i + 1 < tokens.len() && words::is_name_part(tok))
        })
        .unwrap_or(tokens.len());
    let (mut name_tokens, mut spill) = tokens.split_at(cut);
    // "Mathias Eriksson Ljusnarsberg kommun": the place belongs to the organisation.
    if let Some(first_spill) = spill.first()
        && name_tokens.len() >= 3
        && ["kommun", "stad", "lan", "region", "kommuns"].contains(&fold(first_spill).as_str())
    {
        (name_tokens, spill) = tokens.split_at(cut - 1);
    }
    // "Ingmar Ångman – Region Örebro län, ordförande": the dash parts name from
    // organisation
    if let Some(rest) = spill
        .strip_prefix(&["–"])
        .or_else(|| spill.strip_prefix(&["-"]))
    {
        spill = rest;
    }
    // "Hanna Roberts X": a mark in a column of those present
    if matches!(spill, ["X" | "x"]) {
        spill = &[];
    }
    // Trailing membership words written without a comma ("Anna Berg ordförande").
    let name = name_tokens.join(" ");
    let spilled = spill.join(" ");
    let rest_columns = (!spill.is_empty())
        .then_some(spilled.as_str())
        .into_iter()
        .chain(columns.iter().copied())
        .chain(notes.iter().map(String::as_str));
    let names = split_glued(name, name_tokens);
    // (one name is the tokens joined: its words are those tokens)
    let all_names = match names.as_slice() {
        [one] => words::is_person_name_split(one, name_tokens),
        _ => names.iter().all(|n| words::is_person_name(n)),
    };
    if !all_names {
        return Vec::new();
    }

    let mut member_role: Option<&'static str> = None;
    // (a title is written small but where it starts the line: "Verksamhetschef")
    let mut title: Option<String> = leading_title.map(|t| {
        if ROLE_ABBREVIATIONS.contains(&t) {
            t.to_owned()
        } else {
            words::lowercase(t)
        }
    });
    let mut strong_org: Option<String> = None;
    let mut weak_org: Option<String> = None;
    let in_columns = words::has_byte(text, b'\t');
    for col in rest_columns {
        // "Hälso- och sjukvårdsdirektör, ordf" in a column: the title, and the role
        // after its comma
        let col = match in_columns
            .then(|| words::rfind_byte(col, b','))
            .flatten()
            .and_then(|at| Some((&col[..at], member_role_named(&col[at + 1..])?)))
        {
            Some((title, role)) => {
                member_role.get_or_insert(role);
                title
            }
            None => col,
        };
        // "MAS Gävle kommun": a role's abbreviation before the organisation (each of
        // three capitals and a space)
        if col.as_bytes().get(3) == Some(&b' ')
            && ROLE_ABBREVIATIONS.contains(&&col[..3])
            && org_and_role_words_in(&fold(&col[4..])).0
        {
            title.get_or_insert_with(|| col[..3].to_owned());
            strong_org = Some(col[4..].trim_ends().to_owned());
            continue;
        }
        let f = fold(col);
        let f = f.trim_ends().trim_end_matches('.');
        // "Lennart Paalo (V) för Sören Bertilsson (S)", "Regita Hedman (KD) ersätter
        // Kerstin Marits (M)": a substitute serving in a member's place (under a label
        // with a role of its own, "Beslutande ledamöter", that role: they serve as one)
        if (f.starts_with("for ") || f.starts_with("ersatter "))
            && let Some((_, whom)) = col.trim_ends().split_once(' ')
            && words::is_person_name(without_party_at_end(whom))
        {
            if section_role.is_none() {
                member_role.get_or_insert("ersättare");
            }
            continue;
        }
        // (a quick look for their rarer letters first: these columns are short)
        if f.contains('v') && f.contains("franvar") || f.contains('h') && f.contains("forhinder") {
            absent = true;
            continue;
        }
        // "1:e vice ordförande", "förste vice ordförande": the rank is no part of the role
        // (each rank starts with one of these bytes)
        let f = if f.starts_with(['1', '2', '3', 'f', 'a', 't']) {
            ["1:e ", "2:e ", "3:e ", "forste ", "andre ", "tredje "]
                .iter()
                .find_map(|o| f.strip_prefix(o))
                .unwrap_or(f)
        } else {
            f
        };
        let first = f.as_bytes().first();
        // "Ewa Dagrot (KD) §§ 61-66": the paragraphs they took part in, no role
        if first == Some(&0xC2) && f.starts_with('§') {
            continue;
        }
        // "Barbro Jonsson, VV, 6-10", "…, del av 6": the same without the sign
        if (first.is_some_and(u8::is_ascii_digit)
            || f.starts_with("del av ")
            || f.starts_with("ej "))
            && is_paragraph_numbers(f)
        {
            continue;
        }
        if let Some((key, role)) = MEMBER_ROLES
            .iter()
            .find(|(k, _)| {
                k.as_bytes().first() == first
                    && f.strip_prefix(k)
                        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '.']))
            })
            .or_else(|| substitute_written_short(f))
        {
            member_role.get_or_insert(role);
            // "sekr. Region Östergötland": an organisation after the role's word, as the
            // column's last characters (folding keeps their count)
            let after = f[key.len()..].trim_start_matches(['.', ' ']);
            if !after.is_empty() && org_and_role_words_in(after) == (true, false) {
                let written = col.trim_ends().trim_end_matches('.');
                let skip = written
                    .chars()
                    .count()
                    .saturating_sub(after.chars().count());
                let rest = written
                    .char_indices()
                    .nth(skip)
                    .map_or("", |(at, _)| &written[at..]);
                if rest.starts_with(char::is_uppercase) {
                    strong_org.get_or_insert_with(|| rest.to_owned());
                }
            }
            continue;
        }
        // "ordf6rande": OCR's digit in a role's one word
        // (such a word is short; most columns are longer or have a space)
        if f.len() <= 24
            && !words::has_byte(f, b' ')
            && f.bytes().any(|b| b.is_ascii_digit())
            && let Some((_, role)) = MEMBER_ROLES
                .iter()
                .find(|(k, _)| k.len() >= 7 && !k.contains(' ') && words::fuzzy_eq(f, k))
        {
            member_role.get_or_insert(role);
            continue;
        }
        let (org_like, role_like) = org_and_role_words_in(f);
        let starts_upper = col.starts_with(|c: char| c.is_uppercase());
        if role_like && !(org_like && starts_upper) {
            title.get_or_insert_with(|| col.trim_ends().to_owned());
        } else if org_like {
            // "Region Örebro län, vårdcentralen Lindesberg": an organisation and its
            // unit, both kept (where the first is an organisation as such names are
            // written, and the second none of its own; otherwise the last is kept)
            let col = col.trim_ends();
            strong_org = Some(match strong_org.take() {
                Some(org) if is_only_an_organisation(&org) && !is_only_an_organisation(col) => {
                    format!("{org}, {col}")
                }
                _ => col.to_owned(),
            });
        } else if starts_upper {
            weak_org.get_or_insert_with(|| col.trim_ends().to_owned());
        } else {
            title.get_or_insert_with(|| col.trim_ends().to_owned());
        }
    }
    // (a secretary's title says more than the section's role: "Gran, Olof,
    // nämndsekreterare" under "Tjänstepersoner" took the minutes)
    let mut role = match title {
        // (each secretary's title ends so, which few titles do)
        Some(t) if member_role.is_none() && t.ends_with("are") && is_secretary_role(&t) => Some(t),
        title => member_role.or(section_role).map(str::to_owned).or(title),
    };
    let mut organization = strong_org.or(weak_org);
    let status = if absent {
        Presence::Absent
    } else {
        Presence::Present
    };
    // Every name but the last gets copies of the organisation and role; the last gets them.
    let mut attendees = Vec::with_capacity(names.len());
    let mut names = names.into_iter().peekable();
    while let Some(name) = names.next() {
        let (organization, role) = if names.peek().is_some() {
            (organization.clone(), role.clone())
        } else {
            (organization.take(), role.take())
        };
        attendees.push(Attendee {
            name,
            organization,
            role,
            status,
        });
    }
    attendees
}

/// "AnnaBerg" as "Anna Berg": one word with a capital after a small letter (from its
/// fourth letter on: "McDonald" stays), which two words make a person's name; `None`
/// for any other text.
fn unglued_name(text: &str) -> Option<String> {
    // (a word of one name's length, with no space: most entries have one)
    if text.len() > 40 || words::has_byte(text, b' ') {
        return None;
    }
    // (no capital after the first letter but the Latin-1 ones, whose first byte is 0xC3:
    // most such words are passed over here)
    if !text
        .bytes()
        .skip(3)
        .any(|b| b.is_ascii_uppercase() || b == 0xC3)
    {
        return None;
    }
    let mut prev_lower = false;
    for (k, (at, c)) in text.char_indices().enumerate() {
        if k >= 3 && prev_lower && c.is_uppercase() {
            let name = format!("{} {}", &text[..at], &text[at..]);
            return words::is_person_name(&name).then_some(name);
        }
        prev_lower = c.is_lowercase();
    }
    None
}

/// "Anna AnderssonEva Berg": two names run together by OCR.
/// `name`, whose words are `tokens`, as one name or two run together.
fn split_glued(name: String, tokens: &[&str]) -> Vec<String> {
    if tokens.len() >= 3 {
        for (i, tok) in tokens
            .iter()
            .enumerate()
            .skip(1)
            .take(tokens.len().saturating_sub(2))
        {
            // the first uppercase letter after a lowercase one, from the third letter on,
            // and not the last letter
            let letters = tok.chars().count();
            let split = tok
                .char_indices()
                .zip(tok.chars().skip(1))
                .enumerate()
                .find(|&(k, ((_, prev), c))| {
                    k + 1 >= 2 && k + 1 < letters - 1 && c.is_uppercase() && prev.is_lowercase()
                })
                .map(|(_, ((at, prev), _))| at + prev.len_utf8());
            if let Some(p) = split {
                let (left, right) = tok.split_at(p);
                let a = [&tokens[..i], &[left]].concat().join(" ");
                let b = [&[right], &tokens[i + 1..]].concat().join(" ");
                if words::is_person_name(&a) && words::is_person_name(&b) {
                    return vec![a, b];
                }
            }
        }
    }
    vec![name]
}

/// Columns of an attendance table.
#[derive(Debug, Default)]
struct Table {
    name: Option<usize>,
    org: Option<usize>,
    role: Option<usize>,
    status: Option<usize>,
}

fn read_table_row(
    text: &str,
    table: &mut Option<Table>,
    section: Option<Label>,
    head: &mut Head,
    warnings: &mut Vec<String>,
    no: usize,
) {
    let inner = text
        .trim_ends()
        .trim_start_matches('|')
        .trim_end_matches('|');
    let cells: Vec<String> = inner.split('|').map(|c| c.trim_ends().to_owned()).collect();
    if cells
        .iter()
        .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '=')))
    {
        return;
    }
    let folded: Vec<String> = cells.iter().map(|c| fold(c)).collect();
    let find = |keys: &[&str]| {
        folded
            .iter()
            .position(|c| keys.iter().any(|k| c.starts_with(k)))
    };
    let name_col = folded
        .iter()
        .position(|c| NAME_COLUMN_HEADS.contains(&c.as_str()));
    if let Some(name) = name_col
        && !cells.iter().any(|c| words::is_person_name(c))
    {
        *table = Some(Table {
            name: Some(name),
            org: find(&[
                "organisation",
                "part",
                "kommun",
                "forvaltning",
                "representerar",
                "foretrader",
                "verksamhet",
                "myndighet",
                "huvudman",
                "arbetsplats",
            ]),
            role: find(&["roll", "funktion", "uppdrag", "titel"]),
            status: find(&["narvaro", "status", "narvarande", "deltog"]),
        });
        return;
    }
    let section_absent = matches!(section, Some(Label::Attend { present: false, .. }));
    let section_role = match section {
        Some(Label::Attend { role, .. }) => role,
        _ => None,
    };
    let Some(t) = table.as_ref() else {
        // A table without column heads: its row read as an entry in columns ("| Ann-Sofie
        // Lind (S) | Ordförande |"), which tells roles from organisations.
        let Some(first) = cells
            .first()
            .map(|c| c.trim_ends())
            .filter(|c| !c.is_empty())
        else {
            return;
        };
        let (struck, first) = struck_cell(first);
        // (a presence column's mark, "X" or "–", says who came and is no column of the
        // entry)
        let mut marked_absent = false;
        let columns: Vec<&str> =
            std::iter::once(first)
                .chain(cells[1..].iter().map(|c| c.trim_ends()).filter(|c| {
                    match presence_mark(c) {
                        Some(absent) => {
                            marked_absent |= absent;
                            false
                        }
                        None => true,
                    }
                }))
                .filter(|c| !c.is_empty())
                .collect();
        let people = parse_entry(
            &columns.join("\t"),
            section_role,
            struck || section_absent || marked_absent,
        );
        if people.is_empty() {
            warnings.push(format!(
                "rad {no}: tabellraden kunde inte läsas som en närvarande person"
            ));
        }
        head.attendees.extend(people);
        return;
    };
    let get = |i: Option<usize>| {
        i.and_then(|i| cells.get(i))
            .map(|s| s.trim_ends())
            .filter(|s| !s.is_empty())
    };
    let Some(name_cell) = get(t.name) else { return };
    let (struck, name_text) = struck_cell(name_cell);
    let status_absent = get(t.status).is_some_and(is_absent_mark);
    // ("| Region Gävleborg | Anna Berg, Per Holm |": a cell may name several, with a
    // comma between them)
    let absent = struck || section_absent || status_absent;
    let mut people: Vec<Attendee> = if words::has_byte(name_text, b',') {
        split_entries(name_text)
            .iter()
            .flat_map(|e| parse_entry(e, section_role, absent))
            .collect()
    } else {
        parse_entry(name_text, section_role, absent)
    };
    if people.is_empty() {
        warnings.push(format!(
            "rad {no}: tabellraden kunde inte läsas som en närvarande person"
        ));
        return;
    }
    for p in &mut people {
        if let Some(org) = get(t.org) {
            p.organization = Some(org.to_owned());
            // "| Karin Ås | Trollhättans stad, v. ordf. |" without a column of roles: the
            // organisation's cell may name the role after a comma
            if t.role.is_none()
                && words::has_byte(org, b',')
                && let [one] = read_entry(&format!("{}, {org}", p.name), None, false).as_slice()
                && one.name == p.name
                && one.role.is_some()
            {
                p.organization.clone_from(&one.organization);
                p.role.clone_from(&one.role);
            }
        }
        if let Some(role) = get(t.role) {
            p.role = Some(role.to_lowercase());
        }
    }
    head.attendees.extend(people);
}

/// The date of adjustment in lines after the items ("Justerat 2024-05-28"), if the head
/// had none.
pub fn adjusted_on_in(lines: &[Line]) -> Option<String> {
    lines.iter().filter(|l| !l.furniture).find_map(|l| {
        if l.folded.starts_with("juster") {
            match label_of(l.text.trim_ends()) {
                Some((Label::AdjustedOn, rest)) => words::find_date(&rest).map(|d| d.iso()),
                _ => None,
            }
        } else if l.folded.starts_with("protokollet justera") {
            // "Protokollet justerat digitalt 2024-10-25."
            words::find_date(&l.text).map(|d| d.iso())
        } else {
            None
        }
    })
}

/// Whether an attendee's role makes them the meeting's secretary: "sekreterare",
/// "nämndsekreterare", "mötessekreterare", "antecknare" (who takes a working group's
/// notes; not "utredningssekreterare").
fn is_secretary_role(role: &str) -> bool {
    let f = fold(role);
    [
        "sekreterare",
        "namndsekreterare",
        "motessekreterare",
        "kommunsekreterare",
        "styrelsesekreterare",
        "protokollforare",
        "antecknare",
        "motesantecknare",
    ]
    .contains(&f.trim_ends())
}

/// What the text around the head adds: chair from prose ("X ersätter Y som ordförande"),
/// adjusters from a "Val av justerare" item or the signatures, and one entry per person.
/// (`head_end`: where the head's lines end, before the first item)
pub fn complete(p: &mut Protocol, lines: &[Line], head_end: usize) {
    if p.chair.is_none() {
        p.chair = p
            .attendees
            .iter()
            .find(|a| a.role.as_deref() == Some("ordförande") && a.status == Presence::Present)
            .map(|a| a.name.clone());
    }
    // "3. Val av mötesordförande / Anton Nordenfur valdes enhälligt till
    // mötesordförande." (before who opened the meeting: the chair elected for it leads it)
    // (one name elected: "Val av ordförande och sekreterare" names two)
    if p.chair.is_none()
        && let Some(item) = election_item(&p.items, b'd', |f| {
            f.contains("ordforande") && !f.contains("vice")
        })
        && let [chair] = elected_in(&item.text).as_slice()
    {
        p.chair = Some(chair.clone());
    }
    if p.chair.is_none() {
        p.chair = lines
            .iter()
            .filter(|l| !l.furniture)
            // every phrase below folds to one holding one of these
            .filter(|l| {
                let f = l.folded_full();
                words::holds!(f, "ordf")
                    || words::holds!(f, "leds av")
                    || words::holds!(f, "leder motet")
                    || words::holds!(f, "oppna")
                    || words::holds!(f, "forklara")
            })
            .find_map(|l| chair_in_prose(&l.text));
    }
    if p.secretaries.is_empty() {
        // (once each: the attendees are not merged yet)
        for a in &p.attendees {
            if a.role.as_deref().is_some_and(is_secretary_role) && !p.secretaries.contains(&a.name)
            {
                p.secretaries.push(a.name.clone());
            }
        }
    }
    // "5. Val av mötessekreterare / Mötet valde David Klarlund till mötessekreterare."
    if p.secretaries.is_empty()
        && let Some(item) = election_item(&p.items, b'k', |f| {
            f.contains("sekreterare") || f.contains("protokollforare")
        })
    {
        p.secretaries = elected_in(&item.text);
    }
    // "Antecknare: Johan Ström" above a list naming him without a role: he took the notes
    // ("Mötet öppnades av ordförande Johan Söderling" in the first item, and the list
    // naming him without a role: he chaired)
    for a in &mut p.attendees {
        if a.role.is_none() && p.secretaries.contains(&a.name) {
            a.role = Some("sekreterare".to_owned());
        } else if a.role.is_none() && p.chair.as_deref() == Some(a.name.as_str()) {
            a.role = Some("ordförande".to_owned());
        }
    }
    if p.adjusters.is_empty()
        && let Some(item) = p
            .items
            .iter()
            // (only a `j` folds to a `j`: a title without one is passed over unfolded)
            .find(|i| {
                (words::has_byte(&i.title, b'j') || words::has_byte(&i.title, b'J')) && {
                    let f = fold(&i.title);
                    // ("Val av justeringspersoner", "Val av justeringsman")
                    f.contains("justerare")
                        || f.contains("justeringsperson")
                        || f.contains("justeringsm")
                }
            })
    {
        p.adjusters = elected_in(&item.text);
    }
    // "Justeras" over the chair's and the adjuster's names: the chair signs as chair
    for s in &mut p.signatures {
        if s.role.as_deref() == Some("justerare") && p.chair.as_ref() == Some(&s.name) {
            s.role = Some("ordförande".to_owned());
        }
    }
    for s in &p.signatures {
        let role = s.role.as_deref().map(fold).unwrap_or_default();
        if role.contains("justera") && !p.adjusters.contains(&s.name) {
            p.adjusters.push(s.name.clone());
        } else if role.contains("ordf") && p.chair.is_none() {
            p.chair = Some(s.name.clone());
        } else if (role.contains("sekreterare") || role.contains("protokoll"))
            && !p.secretaries.contains(&s.name)
        {
            p.secretaries.push(s.name.clone());
        }
    }
    // "Rickard Norberg utsågs att tillsammans med ordförande justera dagens protokoll.",
    // "Utsågs Ulric Andersson att jämte ordföranden justera dagens protokoll.": the
    // adjuster named in prose, in the head or the first two items, without an item of
    // their own (and "Justering av protokollet beslutades ske den 17 december 2012.":
    // its date)
    if p.adjusters.is_empty() || p.adjusted_on.is_none() {
        let head = lines[..head_end.min(lines.len())]
            .iter()
            .filter(|l| !l.furniture)
            .map(|l| &*l.text);
        let opening = p.items.iter().take(2).map(|i| i.text.as_str());
        let texts: Vec<&str> = head
            .chain(opening)
            .filter(|t| words::holds!(t, "uster"))
            .collect();
        for t in texts {
            if p.adjusters.is_empty() {
                p.adjusters = adjusters_in_prose(t);
            }
            if p.adjusted_on.is_none()
                && let Some(d) = t
                    .split(". ")
                    .filter(|s| {
                        s.starts_with("Justering ") && (s.contains(" ske ") || s.contains(" sker "))
                    })
                    .find_map(words::find_date)
            {
                p.adjusted_on = Some(d.iso());
            }
        }
    }
    if p.adjusted_on.is_none() {
        p.adjusted_on = p
            .signatures
            .iter()
            .filter_map(|s| s.signed_at.as_deref().and_then(words::find_date))
            .map(|d| d.iso())
            .max();
    }
    // Fill signature roles from the head where the signing service did not say.
    for s in &mut p.signatures {
        if s.role.is_none() {
            s.role = if p.chair.as_deref() == Some(s.name.as_str()) {
                Some("ordförande".to_owned())
            } else if p.adjusters.contains(&s.name) {
                Some("justerare".to_owned())
            } else if p.secretaries.contains(&s.name) {
                Some("sekreterare".to_owned())
            } else {
                None
            };
        }
    }
    // (an extract of one paragraph names no chair: nothing is missing)
    let extract = || {
        lines.iter().take(20).any(|l| {
            l.folded.starts_with("protokollsutdrag") || l.folded.starts_with("utdrag ur protokoll")
        })
    };
    if p.chair.is_none() && p.document_kind == DocumentKind::Protokoll && !extract() {
        p.warnings.push("ordförande hittades inte".to_owned());
    }
    p.attendees = merge_attendees(std::mem::take(&mut p.attendees));
}

/// The leading person's name of a text, if it starts with one.
pub fn name_prefix(s: &str) -> Option<String> {
    // ("Eva af Klint", "Mats O. Lind": a particle or an initial inside, which the name
    // check below allows only there; a full stop after any other word, or a comma, a
    // semicolon after any word, ends the name: "… ordförande Johan Söderling. Två övriga
    // frågor …", "Tomas Jonsson, Bergs kommun"; a word before a colon is a label, no
    // part of a name: "Antecknare: Mats Håkansson", "Anna Berg Föredragande: Eva Lind")
    let mut ended = false;
    let tokens: Vec<&str> = s
        .split_whitespace()
        .map_while(|t| {
            if ended || t.ends_with(':') {
                return None;
            }
            let bare = t.trim_end_matches([',', ';']);
            ended = bare.len() < t.len();
            if words::is_initial(bare) {
                Some(bare)
            } else {
                ended |= bare.ends_with('.');
                Some(bare.trim_end_matches('.'))
            }
        })
        .take_while(|t| words::is_name_part(t))
        .take(4)
        .collect();
    (2..=tokens.len())
        .rev()
        .map(|n| tokens[..n].join(" "))
        .find(|n| words::is_person_name(n))
}

fn name_before(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s
        .split_whitespace()
        .rev()
        .take_while(|t| words::is_name_token(t))
        .take(4)
        .collect();
    let mut tokens = tokens;
    tokens.reverse();
    (0..tokens.len().saturating_sub(1))
        .map(|i| tokens[i..].join(" "))
        .find(|n| words::is_person_name(n))
}

/// Who an item electing someone ("Val av justerare") elected, from its first sentence:
/// the names it starts with ("Maria Holm och Per Ek utses att justera"), past a
/// `Beslut` on its own line and a decision's `att utse` or `att välja` ("Beslut / att
/// utse Johan Sundin att justera protokollet"), or the names after a verb of electing
/// ("Mötet valde Johan Andreasson till justerare", "Till justerare utsågs Anna Berg").
fn elected_in(text: &str) -> Vec<String> {
    // "Beslut" over "1. Vivianne Gustavsson (PRO) utses att justera protokollet." over "2.
    // Elsie Tyreman (SPF) utses …": each of the list's lines names one
    if text.lines().any(|l| l.starts_with("1. ")) {
        let listed: Vec<String> = text
            .lines()
            .filter_map(super::items::enumerated)
            .flat_map(elected_in_sentence)
            .collect();
        if !listed.is_empty() {
            return listed;
        }
    }
    elected_in_sentence(text)
}

/// [`elected_in`] of a text's first sentence.
fn elected_in_sentence(text: &str) -> Vec<String> {
    let start = text
        .split(['.', '\n'])
        .find(|s| !matches!(s.trim_ends(), "Beslut" | "Beslut:" | "Beslutade" | ""))
        .unwrap_or("")
        .trim_ends();
    let start = ["att utse ", "att välja ", "Att utse ", "Att välja "]
        .iter()
        .find_map(|p| start.strip_prefix(p))
        .unwrap_or(start);
    // "Vice ordföranden Maria Lund (M) utses att …": the title before the name
    let start = [
        "Vice ordföranden ",
        "Ordföranden ",
        "Ledamoten ",
        "Ersättaren ",
    ]
    .iter()
    .find_map(|p| start.strip_prefix(p))
    .unwrap_or(start);
    // (the names joined by "och" from the start, up to a part that starts with none)
    let names_in = |s: &str| -> Vec<String> {
        s.split(" och ")
            .map_while(|s| name_prefix(s.trim_ends()))
            .collect()
    };
    let names = names_in(start);
    if !names.is_empty() {
        return names;
    }
    [
        " valde ",
        " valdes ",
        " utsåg ",
        " utsågs ",
        " utser ",
        " utses ",
        " väljer ",
        " väljs ",
    ]
    .iter()
    .find_map(|verb| {
        start
            .find(verb)
            .map(|at| names_in(&start[at + verb.len()..]))
    })
    .unwrap_or_default()
}

/// The adjusters a sentence of a line names as elected to adjust the protocol, beside
/// the chair: "Rickard Norberg utsågs att tillsammans med ordförande justera dagens
/// protokoll.", "Utsågs Ulric Andersson att jämte ordföranden justera …".
fn adjusters_in_prose(text: &str) -> Vec<String> {
    // (the verb after the names and before "att", or first and before them: not
    // "Utses att justera" of a label)
    // (a sentence on its line: an item's text runs over many)
    text.lines()
        .flat_map(|l| l.split(". "))
        .filter(|s| s.contains("justera"))
        .find_map(|s| {
            // ("Justering ⇥ Utsågs Mats Sandström att …": the sentence in its column)
            let s = words::split_byte(s, b'\t')
                .find(|c| c.contains("justera"))
                .unwrap_or(s)
                .trim_ends();
            let names = match ["Utsågs ", "Utses "].iter().find_map(|v| s.strip_prefix(v)) {
                Some(rest) => rest.split_once(" att ")?.0,
                None => {
                    s.split_once(" utsågs att ")
                        .or_else(|| s.split_once(" utses att "))?
                        .0
                }
            };
            let names: Vec<String> = names
                .split(" och ")
                .map_while(|n| {
                    // (a party after the name is no part of it: "Per Ek (M)")
                    let n = without_party_at_end(n);
                    name_prefix(n).filter(|found| found == n)
                })
                .collect();
            (!names.is_empty()).then_some(names)
        })
        .unwrap_or_default()
}

/// The first item electing someone ("Val av …") whose title (folded) is `of` what:
/// `byte` is a byte every such title holds, a quick look before it is folded.
fn election_item(
    items: &[super::Item],
    byte: u8,
    of: impl Fn(&str) -> bool,
) -> Option<&super::Item> {
    items.iter().find(|i| {
        i.title.starts_with(['V', 'v']) && words::has_byte(&i.title, byte) && {
            let f = fold(&i.title);
            f.starts_with("val av") && of(&f)
        }
    })
}

fn chair_in_prose(text: &str) -> Option<String> {
    let lower = words::lowercase_in_place(text)?;
    if let Some(pos) = lower.find(" som ordförande") {
        let before = &text[..pos];
        if let Some(e) = before.find(" ersätter ") {
            return name_before(&before[..e]);
        }
        return None;
    }
    // "Ordföranden Leif Sundin hälsade välkomna.", "Ordförande Hanna Roberts hälsar alla
    // välkomna …", "Ordföranden, Jonas Andersson (S), hälsar välkommen …"
    if let Some(rest) = [
        "ordföranden, ",
        "ordföranden ",
        "ordförande, ",
        "ordförande ",
    ]
    .iter()
    .find_map(|p| lower.strip_prefix(p))
        && let Some(name) = name_prefix(&text[text.len() - rest.len()..])
        && name.contains(' ')
    {
        return Some(name);
    }
    for marker in [
        "öppnades av ordföranden ",
        "öppnades av ordförande ",
        "öppnas av ordföranden ",
        "öppnas av ordförande ",
        // ("Mötet öppnades av Johan Söderling som …")
        "mötet öppnades av ",
        "sammanträdet öppnades av ",
        "mötet öppnas av ",
        "sammanträdet öppnas av ",
        "ordförande för mötet är ",
        "ordförande för mötet var ",
        "mötet leds av ",
        "ordförande under mötet är ",
        "ordförande under mötet var ",
    ] {
        if let Some(pos) = lower.find(marker) {
            return name_prefix(&text[pos + marker.len()..]);
        }
    }
    // "… utses att tillsammans med ordföranden Karl Wester (S) justera …" (but "jämte
    // ordföranden justera" names no one)
    for marker in ["tillsammans med ordföranden ", "jämte ordföranden "] {
        if let Some(pos) = lower.find(marker)
            && let Some(name) = name_prefix(&text[pos + marker.len()..])
            && name.contains(' ')
        {
            return Some(name);
        }
    }
    for marker in [" är ordförande", " var ordförande", " leder mötet"] {
        if let Some(pos) = lower.find(marker) {
            return name_before(&text[..pos]);
        }
    }
    // ("Anna Berg öppnade mötet": who opens the meeting chairs it)
    opening_at(&lower).and_then(|pos| opener(&text[..pos]))
}

/// Where the words that open a meeting start: "öppnar mötet", "öppnade dagens
/// sammanträde", "förklarar mötet öppnat", "förklarade styrelsemötet för öppnat".
fn opening_at(lower: &str) -> Option<usize> {
    // (each time the verb stands: "… öppnade dörren och öppnade mötet")
    for verb in [" öppnar ", " öppnade "] {
        for (pos, _) in lower.match_indices(verb) {
            let object = lower[pos + verb.len()..].split(' ').next().unwrap_or("");
            if object == "dagens" || object.contains("möte") || object.contains("sammanträde") {
                return Some(pos);
            }
        }
    }
    for verb in [" förklarar ", " förklarade "] {
        for (pos, _) in lower.match_indices(verb) {
            let after = &lower[pos + verb.len()..];
            let object = after.split(' ').next().unwrap_or("");
            if (object.contains("möte") || object.contains("sammanträde"))
                && after.split(' ').take(4).any(|w| w.starts_with("öppnat"))
            {
                return Some(pos);
            }
        }
    }
    None
}

/// Who opens the meeting, from the words before the opening: "Johan Söderling (S)",
/// "Tom Silverklo (C), ordförande," (neither the party nor the title is part of the
/// name), or a name at the start: "Josefine Larsson hälsar alla välkomna och".
fn opener(before: &str) -> Option<String> {
    let before = before.trim_ends().trim_end_matches(',');
    let before = before
        .strip_suffix("ordförande")
        .and_then(|b| b.trim_ends().strip_suffix(','))
        .unwrap_or(before);
    name_before(without_party_at_end(before)).or_else(|| {
        // (only small words between the name and the opening)
        let name = name_prefix(before)?;
        let rest = before.get(name.len()..)?;
        rest.split_whitespace()
            .all(|w| w.starts_with(char::is_lowercase))
            .then_some(name)
    })
}

/// A text without the party letters in brackets at its end: "Johan Söderling (S)" →
/// "Johan Söderling".
fn without_party_at_end(s: &str) -> &str {
    let t = s.trim_ends();
    t.strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .filter(|(_, party)| is_party(party))
        .map_or(t, |(before, _)| before.trim_ends())
}

fn role_rank(role: Option<&str>) -> usize {
    match role {
        Some("ordförande") => 0,
        Some("vice ordförande") => 1,
        Some("ledamot") => 2,
        Some("ersättare") => 3,
        Some("sekreterare") => 4,
        Some("tjänsteperson") => 5,
        Some("justerare") => 7,
        Some(_) => 6,
        None => 8,
    }
}

/// One entry per person (joint meetings list people under each body): present if present
/// anywhere, the most specific role, the first organisation given.
fn merge_attendees(list: Vec<Attendee>) -> Vec<Attendee> {
    let mut out: Vec<Attendee> = Vec::new();
    let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for a in list {
        let mut key = fold(&a.name);
        key.retain(char::is_alphanumeric);
        match index.get(&key) {
            Some(&i) => {
                let e = &mut out[i];
                if a.status == Presence::Present {
                    e.status = Presence::Present;
                }
                if role_rank(a.role.as_deref()) < role_rank(e.role.as_deref()) {
                    e.role = a.role;
                }
                if e.organization.is_none() {
                    e.organization = a.organization;
                }
            }
            None => {
                index.insert(key, out.len());
                out.push(a);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_line_of_a_place_and_its_times_gives_the_place() {
        for (line, place) in [
            (
                "Söderåsens Miljöförbund, Storgatan 50 C, Klippan kl 08.30 - 11.45",
                Some("Söderåsens Miljöförbund, Storgatan 50 C, Klippan"),
            ),
            (
                "Kommunhuset, Klippan, klockan 13.00–15.00",
                Some("Kommunhuset, Klippan"),
            ),
            // (a damaged label's value is what follows its colon)
            (
                "Beslut Plats och tid: Vård- och omsorgsförvaltningen, Kumla, klockan 13.00–16.30",
                Some("Vård- och omsorgsförvaltningen, Kumla"),
            ),
            ("T1d: kl. 10.00–12.00", None),
            ("Bilaga 1 Kl. 13:15 - 16:00", None),
            // (the times must end the line, and be a span)
            ("Kommunhuset kl 13.00 - 15.00 med paus", None),
            ("Kommunhuset kl 13.00", None),
            // (a date makes it the date's line, read as such)
            ("Kommunhuset 2024-02-06 kl 13.00-15.00", None),
            ("Anna Berg kl 13.00-15.00", None),
        ] {
            assert_eq!(place_and_times_line(line).map(|(p, ..)| p), place, "{line}");
        }
    }

    #[test]
    fn party_letters_before_a_name_are_taken_off() {
        for (entry, kept) in [
            (
                "C Ulla-Maj Persson, ordförande",
                Some("Ulla-Maj Persson, ordförande"),
            ),
            ("MBP Ylva Höglund", Some("Ylva Höglund")),
            (
                "SD Yvonne Kindström (ej § 4)",
                Some("Yvonne Kindström (ej § 4)"),
            ),
            // (a role's abbreviation, no name after the letters, or letters written small)
            ("MAS Olle Sten", None),
            ("S Socialförvaltningen", None),
            ("s Ulla Berg", None),
            ("Ulla Berg", None),
            ("KOMMUN Ulla Berg", None),
        ] {
            assert_eq!(after_party_letters(entry), kept, "{entry}");
        }
    }

    #[test]
    fn the_paragraphs_a_person_was_present_for_are_taken_off_the_entry() {
        for (entry, kept) in [
            (
                "Maria Hedin, processledare, Region Örebro län § 46",
                "Maria Hedin, processledare, Region Örebro län",
            ),
            (
                "Lars Strand, miljöinspektör §§ 4 och11",
                "Lars Strand, miljöinspektör",
            ),
            ("Eva Ek, MAS, ej § 12-14", "Eva Ek, MAS"),
            ("Eva Ek, MAS, del av § 12", "Eva Ek, MAS"),
            // (a paragraph sign followed by words is no such note)
            (
                "Eva Ek, enligt § 12 i reglementet",
                "Eva Ek, enligt § 12 i reglementet",
            ),
            ("§ 12", "§ 12"),
        ] {
            assert_eq!(without_paragraphs_at_end(entry), kept, "{entry}");
        }
    }

    #[test]
    fn every_pointer_to_a_list_passes_the_quick_look() {
        let pieces = [
            "Se ",
            "se ",
            "SE ",
            "Enligt ",
            "enligt ",
            "framgår ",
            "Framgår ",
            "av ",
            "(",
            " ",
            "bilaga",
            "lista",
            "närvarolista",
            "deltagarlista",
            "1",
            ")",
            "Sé ",
            "x",
            "É",
            "ñligt ",
        ];
        for s in super::super::texts_of_pieces(&pieces, 19, 5, 20_000) {
            if refers_to_a_list(&s) {
                assert!(may_refer_to_a_list(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn those_elected_are_read_from_the_start_of_the_items_first_sentence() {
        for (text, names) in [
            (
                "Maria Holm och Per Ek utses att justera protokollet.",
                vec!["Maria Holm", "Per Ek"],
            ),
            (
                "Beslut\natt utse Johan Sundin att justera protokollet.",
                vec!["Johan Sundin"],
            ),
            (
                "Mötet valde Kent Olsson och Peter Hallin till justerare.",
                vec!["Kent Olsson", "Peter Hallin"],
            ),
            ("Till justerare utsågs Anna Berg.", vec!["Anna Berg"]),
            (
                "Nämnden utser Mari Lindahl att justera protokollet.",
                vec!["Mari Lindahl"],
            ),
            // (no name at the start, and none after a verb of electing)
            ("Protokollet justeras av ordföranden.", vec![]),
            ("Ordföranden och Anna Berg justerar.", vec![]),
        ] {
            assert_eq!(elected_in(text), names, "{text}");
        }
    }
    use super::*;

    fn line(raw: &str) -> Line<'_> {
        super::super::lines::split_lines(raw).remove(0)
    }

    #[test]
    fn an_organisation_before_a_colon_sends_the_people_after_it() {
        assert_eq!(
            organisation_then_people("Region Halland: Anna Berg, Lars Ek"),
            Some(("Region Halland", "Anna Berg, Lars Ek"))
        );
        assert_eq!(
            organisation_then_people("Laholms kommun: Maja Ros"),
            Some(("Laholms kommun", "Maja Ros"))
        );
        for not_one in [
            // a person, a person with an organisation, a role, nothing after the colon
            "Anna Berg: deltog under punkt 2",
            "Eva Lind, Halmstads kommun: punkt 1–3",
            "Socialchef Halmstads kommun: Eva Lind",
            "Region Halland:",
            "region Halland: Anna Berg",
            "Anna Berg (S), Region Halland",
        ] {
            assert_eq!(organisation_then_people(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn an_entry_in_capitals_is_read_as_running_text_writes_it() {
        assert_eq!(
            in_running_case("ULLA BERG (S), ORDFÖRANDE").as_deref(),
            Some("Ulla Berg (S), ordförande")
        );
        assert_eq!(
            in_running_case("TOMAS EK, BOLLNÄS KOMMUN").as_deref(),
            Some("Tomas Ek, Bollnäs kommun")
        );
        assert_eq!(
            in_running_case("ANN-SOFIE LIND, MAS, REGION GÄVLEBORG").as_deref(),
            Some("Ann-Sofie Lind, MAS, Region Gävleborg")
        );
        assert_eq!(
            in_running_case("CARL VON ESSEN, FÖRSTE VICE ORDFÖRANDE").as_deref(),
            Some("Carl von Essen, förste vice ordförande")
        );
        assert_eq!(
            in_running_case("SANNA WIK, NÄMNDSEKRETERARE").as_deref(),
            Some("Sanna Wik, nämndsekreterare")
        );
        assert_eq!(
            in_running_case("SOFIA LUND (REGION), JONAS EK (MAS, NORA KOMMUN), VGR").as_deref(),
            Some("Sofia Lund (Region), Jonas Ek (MAS, Nora kommun), VGR")
        );
        for not_one in [
            "Ulla Berg, ordförande",
            "KOMMUNSTYRELSENS ARBETSUTSKOTT",
            "SAMVERKAN KRING UTSKRIVNING FRÅN SLUTENVÅRD",
            "BESLUT",
            "REGION GÄVLEBORG",
            "ULLA",
            "RÄTT UTDRAGET BETYGAR",
            "ATT ANNA BERG",
            "BIRGITTA HED ERSÄTTER OLLE GRAHN",
        ] {
            assert_eq!(in_running_case(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn a_title_before_a_name_is_the_persons_title() {
        assert_eq!(
            title_before_name("socialchef Karin Holm"),
            (Some("socialchef"), "Karin Holm")
        );
        assert_eq!(
            title_before_name("MAS Olle Sten"),
            (Some("MAS"), "Olle Sten")
        );
        for not_one in [
            "Karin Holm",
            "kommun Karin Holm",
            "socialchef i Bollnäs",
            "van der Berg",
            "ABC Olle Sten",
        ] {
            assert_eq!(title_before_name(not_one), (None, not_one), "{not_one}");
        }
    }

    #[test]
    fn an_organisation_and_its_unit_are_kept_together() {
        let org = |text: &str| {
            parse_entry(text, None, false)
                .first()
                .and_then(|a| a.organization.clone())
        };
        assert_eq!(
            org("Anna Berg, Region Örebro län, vårdcentralen Lindesberg").as_deref(),
            Some("Region Örebro län, vårdcentralen Lindesberg")
        );
        assert_eq!(
            org("Lars Ek, Örebro kommun, vård- och omsorgsförvaltningen").as_deref(),
            Some("Örebro kommun, vård- och omsorgsförvaltningen")
        );
        // ("…regionen" is an organisation's name as "Region …" is)
        assert_eq!(
            org("Lars Ek, Västra Götalandsregionen, Skaraborgs sjukhus").as_deref(),
            Some("Västra Götalandsregionen, Skaraborgs sjukhus")
        );
        // two organisations of their own: the last, as before; a unit before its
        // organisation: the organisation
        assert_eq!(
            org("Eva Lind, Region Halland, Halmstads kommun").as_deref(),
            Some("Halmstads kommun")
        );
        assert_eq!(
            org("Ingmar Ångman, områdeschef, Regional utveckling, Region Örebro län").as_deref(),
            Some("Region Örebro län")
        );
    }

    #[test]
    fn a_bodys_long_name_goes_on_with_what_it_is_for_and_a_sentence_with_a_verb() {
        for name in [
            "Politiskt samverkansorgan för vård och omsorg i Värmland",
            "Ledningsgruppen för nära vård i Gävleborg",
            "Regionala samverkansrådet inom vård och omsorg",
        ] {
            assert!(is_long_name_of_a_body(name), "{name}");
        }
        for not_one in [
            "Nämnden beslutar att godkänna rapporten",
            "Mötet hölls i nämndrummet",
            "Styrgruppen för hemsjukvård, Region Halland",
            "Arbetsgruppen för hemsjukvård träffas i maj.",
            "vård och omsorg i Värmland",
        ] {
            assert!(!is_long_name_of_a_body(not_one), "{not_one}");
        }
    }

    #[test]
    fn a_line_naming_an_organisation_alone_is_over_its_people() {
        assert_eq!(
            organisation_over_people("Från Region Halland:"),
            Some(Some("Region Halland"))
        );
        assert_eq!(
            organisation_over_people("Halmstads kommun"),
            Some(Some("Halmstads kommun"))
        );
        for org in [
            "Region Örebro län",
            "Västra Götalandsregionen",
            "Gävle stad",
            "Försäkringskassan",
            // (its first words could be a person's name; before "kommun" alone they
            // are the municipality's)
            "Upplands Väsby kommun",
        ] {
            assert_eq!(organisation_over_people(org), Some(Some(org)), "{org}");
        }
        // a group of organisations whose people name their own
        assert_eq!(organisation_over_people("Från kommunerna:"), Some(None));
        for not_one in [
            "Anna Berg",
            "Eva Lind, Halmstads kommun",
            "kommunerna",
            "Region Halland: Anna Berg",
            "Från Anna Berg",
            "Socialchef i Halmstads kommun",
            "Mathias Eriksson Ljusnarsberg kommun",
            "Panagiota Lazarido\tRegion Örebro län",
            "Samverkansnämnden godkänner rapporten.",
            "Uppföljning av avvikelser i samverkan med regionen",
            "Samverkansnämnden Uppsala–Gävle",
            "Bilaga 1 POSTADRESS Region Jönköpings län",
            "Regionala samverkansrådet",
            "Region GävleborgPROTOKOLL",
        ] {
            assert_eq!(organisation_over_people(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn columns_laid_out_with_spaces_are_found_with_their_places() {
        assert_eq!(
            spaced_columns("Lena Dahl (S), ordf   X     Ja"),
            [(0, "Lena Dahl (S), ordf"), (22, "X"), (28, "Ja")]
        );
        assert_eq!(
            spaced_columns("  Åsa  Öst  X"),
            [(2, "Åsa"), (7, "Öst"), (12, "X")]
        );
    }

    #[test]
    fn a_row_of_heads_with_a_presence_column_gives_its_place_and_others_none() {
        let heads = line("Ledamöter            Parti   Närv.   Ja   Nej");
        assert_eq!(
            presence_column(&heads),
            Some((
                Label::Attend {
                    role: Some("ledamot"),
                    present: true
                },
                (27, 37)
            ))
        );
        for other in [
            "Övriga  närvarande",
            "Ledamöter Närvarande",
            "Beslut   Närvarande   Ja",
            "Ledamöter\tNärvarande",
            "Närvarande:  se  närvarolista  sist",
            "Övriga  närvarande:  Lena  Berg,  socialchef",
            "Övriga  närvarande          Helena  Wik,  kommundirektör",
        ] {
            assert_eq!(presence_column(&line(other)), None, "{other}");
        }
    }

    #[test]
    fn a_rows_cross_under_the_presence_column_is_presence_and_elsewhere_a_vote() {
        let column = (27, 37);
        assert_eq!(
            marked_row("Lena Dahl            S       X       X", column),
            (true, true, "Lena Dahl".to_owned())
        );
        assert_eq!(
            marked_row("Tomas Brandt         M                    X", column),
            (true, false, "Tomas Brandt".to_owned())
        );
        assert_eq!(
            marked_row("Gunnel Vik (C)", column),
            (false, false, "Gunnel Vik (C)".to_owned())
        );
        // (a one marks as a cross does, a dash in the column is no part of the row)
        assert_eq!(
            marked_row(
                "Erik Berg            S     1                Ordförande",
                column
            ),
            (true, true, "Erik Berg\tOrdförande".to_owned())
        );
        assert_eq!(
            marked_row("Tomas Ek             C     -", column),
            (false, false, "Tomas Ek".to_owned())
        );
    }

    #[test]
    fn a_roll_call_s_last_head_may_hold_notes_with_a_label_after_a_slash() {
        let heads = line(
            "Namn                  Parti   Närvaro   Reservation   Anteckningar/Tjänstgörande ersättare",
        );
        assert_eq!(
            presence_column(&heads),
            Some((
                Label::Attend {
                    role: None,
                    present: true
                },
                (28, 40)
            ))
        );
        // (notes elsewhere than last are no roll call's)
        let heads = line("Namn          Anteckningar   Närvaro");
        assert_eq!(presence_column(&heads), None);
    }

    #[test]
    fn a_presence_column_saying_ej_marks_the_person_absent() {
        for mark in ["Deltog ej", "Ej närvarande", "ej", "Nej", "Förhinder", "–"] {
            assert!(is_absent_mark(mark), "{mark}");
        }
        for mark in ["Ja", "Digitalt", "Deltog", "Tjej"] {
            assert!(!is_absent_mark(mark), "{mark}");
        }
    }

    #[test]
    fn a_page_headers_column_is_a_word_of_its_list_alone_or_before_a_number() {
        for column in [
            "Sida 1(4)",
            "Sida",
            "Dnr: 2024/12",
            "Sammanträdesdatum",
            "Blad 2",
        ] {
            assert!(is_page_header_column(column), "{column}");
        }
        for column in [
            "Sidan om sjukvård",
            "Sida om vården",
            "Socialnämnden",
            "Datum för",
        ] {
            assert!(!is_page_header_column(column), "{column}");
        }
    }

    #[test]
    fn a_name_whose_space_ocr_lost_is_read_as_two_words() {
        assert_eq!(unglued_name("AnnaBerg").as_deref(), Some("Anna Berg"));
        assert_eq!(unglued_name("KarinÖberg").as_deref(), Some("Karin Öberg"));
        for text in [
            "McDonald",
            "Anna Berg",
            "Region",
            "AnnaREGION",
            "SOCIALNÄMNDEN",
        ] {
            assert_eq!(unglued_name(text), None, "{text}");
        }
    }

    #[test]
    fn vice_chair_abbreviated_is_vice_chair() {
        for role in [
            "v. ordf.",
            "v ordf",
            "V.ordf",
            "vice ordf.",
            "v. ordförande",
        ] {
            assert_eq!(member_role_named(role), Some("vice ordförande"), "{role}");
        }
    }

    #[test]
    fn party_letters_are_capitals_or_the_parliament_s_parties_written_small() {
        for p in [
            "S", "KD", "MP", "SPI", "s", "kd", "fp", "mp", "vl", "Mp", "Sd",
        ] {
            assert!(is_party(p), "{p}");
        }
        for p in ["", "ordf", "pkt", "x", "SOCIAL", "ks", "p6"] {
            assert!(!is_party(p), "{p}");
        }
        assert_eq!(without_party_at_end("Göran Lindh (fp)"), "Göran Lindh");
    }

    #[test]
    fn a_town_before_the_date_is_the_place_as_a_letter_is_dated() {
        for (line, town) in [
            ("Vänersborg 2016-01-20", "Vänersborg"),
            ("Örebro den 12 september 2024", "Örebro"),
            ("Uppsala, 2024-09-12", "Uppsala"),
            ("Västerås onsdagen den 12 september 2024", "Västerås"),
        ] {
            assert_eq!(town_dating(line), Some(town), "{line}");
        }
        // (a body, a day, a person, the protocol's own words, a label, a long text; a
        // town of two words has a name's shape and is left)
        for line in [
            "Upplands Väsby 2024-09-12",
            "Styrelsen 2024-10-17",
            "Tisdag 2024-09-12",
            "Anna Berg 2024-01-01",
            "Protokoll 2024-09-12",
            "Ordförande Beslut 2024-09-12",
            "Datum 2024-09-12",
            "Mötet hölls i Örebro 2024-09-12",
        ] {
            assert_eq!(town_dating(line), None, "{line}");
        }
    }

    #[test]
    fn a_board_meeting_of_an_association_is_the_association_s() {
        assert_eq!(
            clean_body("från styrelsemöte i Hjärt- och lungsjukas förening"),
            "Hjärt- och lungsjukas förening"
        );
        assert_eq!(
            clean_body("Styrelsemötet hos Föreningen Vården"),
            "Föreningen Vården"
        );
        // (a meeting of one word before a word written small is kept as it is)
        assert_eq!(clean_body("Styrelsemöte i april"), "Styrelsemöte i april");
        assert!(is_attendance_title("Närvaro"));
        assert!(is_attendance_title("Närvarande ledamöter"));
        assert!(!is_attendance_title("Frånvarande"));
        assert!(!is_attendance_title("Närvaron vid mötena under året"));
    }

    #[test]
    fn a_group_over_those_present_has_the_shape_of_a_heading() {
        for heading in [
            "Privata vårdgivare",
            "VG PV (primärvård)",
            "Kommun",
            "Kansli Vårdsamverkan Fyrbodal",
            "Norra Hälso- och sjukvårdsnämnden",
            "Utvecklingsgrupp inom ledningsgrupp barn och unga",
        ] {
            assert!(is_group_heading(heading), "{heading}");
        }
        // (a person, an entry, a roll call's mark, the protocol's own words, a title)
        for not_one in [
            "Anna Berg",
            "Anna Berg, Kumla",
            "X",
            "Beslut",
            "Informationsärende",
            "Styrgruppen beslutar att",
            "Information om utskrivningsklara",
            "Mötet hölls i Sal A.",
            "Rätt utdraget betygar",
        ] {
            assert!(!is_group_heading(not_one), "{not_one}");
        }
    }

    #[test]
    fn who_opens_the_meeting_in_the_first_item_chairs_it() {
        for text in [
            "Mötet öppnades av ordförande Johan Söderling. Två frågor lades till.",
            "Ordförande Johan Söderling hälsar alla välkomna och förklarar mötet öppnat.",
            "Ordföranden, Johan Söderling (S), hälsar välkommen och öppnar sammanträdet.",
            "Johan Söderling öppnar mötet och hälsar alla välkomna.",
            "Johan Söderling (S) förklarar sammanträdet öppnat.",
            "Johan Söderling (S), ordförande, öppnar mötet och hälsar välkommen",
            "Johan Söderling hälsar alla välkomna och förklarar mötet för öppnat.",
            "Johan Söderling hälsar alla välkomna och förklarar styrelsemötet öppnat.",
            "Johan Söderling öppnade dagens sammanträde.",
            "Johan Söderling öppnar dörren och öppnar mötet.",
            "Mötet öppnades av Johan Söderling som hälsade alla välkomna.",
            "Sammanträdet öppnas av ordföranden Johan Söderling.",
        ] {
            assert_eq!(
                chair_in_prose(text).as_deref(),
                Some("Johan Söderling"),
                "{text:?}"
            );
        }
        // (no name after the word, or someone opening something else)
        for text in [
            "Ordföranden öppnar mötet.",
            "Ordförande i nämnden hälsar välkommen.",
            "Ordförande: Johan Söderling",
            "Vårdcentralen öppnades av Johan Söderling i maj.",
            "Ordföranden, socialchefen och MAS öppnar mötet.",
            "Johan Söderling öppnar en ny mottagning.",
            "Johan Söderling förklarar att mötet är öppnat.",
        ] {
            assert_eq!(chair_in_prose(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_chair_after_a_character_whose_lowercase_is_shorter_is_not_misread() {
        // The Kelvin sign lowercases to a one-byte k and Ⱥ to three bytes: the lengths
        // agree, the places do not (the first text cut inside the € panicked).
        for text in [
            "\u{212A} Anna Berg€ är ordförande ȺȺ",
            "\u{212A} Anna Bergö är ordförande ȺȺ",
            "\u{212A}ö Mötet leds av Anna Berg ȺȺ",
            "Åsa \u{212A}ö som ordförande ȺȺ",
        ] {
            assert_eq!(chair_in_prose(text), None, "{text:?}");
        }
        assert_eq!(
            chair_in_prose("Mötet leds av Anna Berg."),
            Some("Anna Berg".to_owned())
        );
    }

    #[test]
    fn titles_are_found_whatever_their_first_letter_folds_from() {
        assert_eq!(
            kind_line("Änteckningar från möte med Rådet").map(|k| k.0),
            Some(DocumentKind::Minnesanteckningar)
        );
        assert_eq!(
            kind_line("PROTOKOLL").map(|k| k.0),
            Some(DocumentKind::Protokoll)
        );
        assert_eq!(kind_line("Närvarande"), None);
    }

    #[test]
    fn the_longest_label_bound_holds_for_every_label() {
        let longest = LABELS.iter().map(|(n, _)| n.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_LABEL));
        // (and the shorter bound for every label but those starting alike)
        for (n, _) in LABELS
            .iter()
            .filter(|(n, _)| n.chars().count() > LONGEST_COMMON_LABEL)
        {
            assert!(LONG_LABELS_FIRST_LETTERS.contains(&n.as_bytes()[0]), "{n}");
        }
    }

    /// The closest label by trying every label, as [`match_label`] did before it looked
    /// only at labels of about the key's length.
    fn closest_label_of_all(key: &str) -> Option<Label> {
        let k = fold(key.trim().trim_end_matches(['*', ':', '.', ' ']).trim());
        if let Some((_, label)) = LABELS.iter().find(|(name, _)| *name == k) {
            return Some(*label);
        }
        let mut best: Option<(usize, Label)> = None;
        for (name, label) in LABELS {
            if let Some(d) = words::bounded_distance(&k, name, words::tolerance(name.len()))
                && best.is_none_or(|(bd, _)| d < bd)
            {
                best = Some((d, *label));
            }
        }
        best.map(|(_, l)| l)
    }

    #[test]
    fn labels_of_about_the_key_s_length_are_all_that_can_match() {
        assert!((0..100).all(|n| words::tolerance(n) <= 2));
        let mut seed: u64 = 5;
        // (the labels longer than the common bound match only as written)
        for (name, label) in LABELS {
            if name.chars().count() > LONGEST_COMMON_LABEL {
                assert_eq!(match_label(name), Some(*label), "{name}");
                continue;
            }
            for _ in 0..60 {
                let mut key: Vec<char> = name.chars().collect();
                for _ in 0..3 {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    let at = (seed >> 33) as usize % (key.len() + 1);
                    let c = ['a', 'e', 'ö', ' ', 'x'][(seed >> 20) as usize % 5];
                    match (seed >> 40) % 3 {
                        0 if at < key.len() => key[at] = c,
                        1 if at < key.len() => {
                            key.remove(at);
                        }
                        _ => key.insert(at, c),
                    }
                }
                let key: String = key.into_iter().collect();
                assert_eq!(match_label(&key), closest_label_of_all(&key), "{key:?}");
            }
        }
    }

    #[test]
    fn the_quick_look_lets_every_labels_first_word_through_as_documents_write_it() {
        for (name, _) in LABELS {
            let first = name.split(' ').next().unwrap();
            let capitalised = first[..1].to_uppercase() + &first[1..];
            assert!(starts_a_label(first), "{first}");
            assert!(starts_a_label(&capitalised), "{capitalised}");
        }
        for word in [
            "Närvarande",
            "Övriga",
            "Frånvarande",
            "Anmält",
            "Mötesledare",
            "Ej",
        ] {
            assert!(starts_a_label(word), "{word}");
        }
        for word in ["Anna", "Per", "Region", "Kommunhuset", "Åsa"] {
            assert!(!starts_a_label(word), "{word}");
        }
    }
}
