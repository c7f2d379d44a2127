//! The document as lines, and the removal of page furniture: footers with addresses and
//! phone numbers, page numbers, signature margins and page headers repeated on every
//! page.

use super::markup::{ITALIC_END, ITALIC_START};
use super::words::{TrimEnds, at_most_chars, fold, holds};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number in the (tag-converted) text.
    pub no: usize,
    /// With marks kept: `**`, `~~` and the italic marks.
    pub raw: &'a str,
    /// Clean text: no marks, no heading hashes or bullet, struck parts removed unless the
    /// whole line starts struck. Tabs are kept (they separate columns).
    pub text: Cow<'a, str>,
    pub heading: u8,
    /// The line starts with struck-through text (a struck name: absent).
    pub struck: bool,
    /// Bullet depth (0 for a top-level bullet) if the line is a list bullet.
    pub bullet: Option<usize>,
    pub furniture: bool,
    /// `text` folded for matching ([`fold`]), computed once: all of it for a line of
    /// up to [`FOLD_WHOLE`] bytes, the first [`FOLD_PREFIX`] bytes of a longer one (what
    /// is matched on long lines is how they start); [`Line::folded_full`] has it all.
    pub folded: String,
}

/// Lines up to this long (every line of up to 80 characters) are folded whole.
const FOLD_WHOLE: usize = 320;
// Every line of up to 80 characters (at most four bytes each) is folded whole.
const _: () = assert!(FOLD_WHOLE >= 4 * 80);
/// How much of a longer line is folded.
const FOLD_PREFIX: usize = 128;

/// What [`Line::folded`] holds for a line with this text.
pub fn fold_for_line(text: &str) -> String {
    if text.len() <= FOLD_WHOLE {
        return fold(text);
    }
    fold(super::markup::prefix(text, FOLD_PREFIX))
}

impl<'a> Line<'a> {
    /// A line made up by a reader from text with nothing to clean (no heading, bullet,
    /// marks or strikes), folded as [`split_lines`] folds.
    pub fn plain(no: usize, raw: &'a str, text: Cow<'a, str>) -> Self {
        let folded = fold_for_line(&text);
        Line {
            no,
            raw,
            text,
            heading: 0,
            struck: false,
            bullet: None,
            furniture: false,
            folded,
        }
    }

    pub fn is_blank(&self) -> bool {
        // (the same as trimming to nothing, but it stops at the first letter)
        self.text.chars().all(char::is_whitespace)
    }

    /// All of `text` folded.
    pub fn folded_full(&self) -> Cow<'_, str> {
        if self.text.len() <= FOLD_WHOLE {
            Cow::Borrowed(&self.folded)
        } else {
            Cow::Owned(fold(&self.text))
        }
    }

    /// Whether the line is laid out in columns: tabs between them, or two spaces or
    /// more after its first text.
    pub fn has_cells(&self) -> bool {
        holds!(self.raw, "\t") || holds!(self.raw.trim_ends(), "  ")
    }

    /// The line's cells, clean: between tabs, or, on a line laid out with spaces,
    /// between runs of two spaces or more; empty cells left out. A line of one column
    /// is one cell.
    pub fn cells(&self) -> Vec<String> {
        if holds!(self.raw, "\t") || !holds!(self.raw.trim_ends(), "  ") {
            return super::words::split_byte(&self.text, b'\t')
                .map(|c| c.trim_ends().to_owned())
                .filter(|c| !c.is_empty())
                .collect();
        }
        // (where some gaps are wider, the narrow ones are inside the cells: "Gun  Axelsson,
        // ordförande          Kjell  Strand, justerare")
        let raw = self.raw.trim_ends();
        let gap = if holds!(raw, "   ") { 3 } else { 2 };
        columns_parted_by(raw, gap)
            .into_iter()
            .map(|(_, c)| clean(c).0.trim_ends().to_owned())
            .filter(|c| !c.is_empty())
            .collect()
    }
}

/// The columns of a line laid out with spaces: each with the place of its first
/// character; two spaces or more part them.
pub fn spaced_columns(raw: &str) -> Vec<(usize, &str)> {
    columns_parted_by(raw, 2)
}

/// The columns of a line laid out with spaces, parted by `gap` spaces or more: each with
/// the place of its first character.
fn columns_parted_by(raw: &str, gap: usize) -> Vec<(usize, &str)> {
    let mut columns = Vec::new();
    let (mut start, mut spaces, mut end) = (None, 0, 0);
    for (i, (byte, c)) in raw.char_indices().enumerate() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= gap
                && let Some((from, place)) = start.take()
            {
                columns.push((place, &raw[from..end]));
            }
            if start.is_none() {
                start = Some((byte, i));
            }
            spaces = 0;
            end = byte + c.len_utf8();
        }
    }
    if let Some((from, place)) = start {
        columns.push((place, &raw[from..end]));
    }
    columns
}

/// Labels that OCR and page layouts glue to the end of the previous text.
const GLUED_LABELS: &[&str] = &[
    "Sekreterare",
    "Ordförande",
    "Justerare",
    "Närvarande",
    "Datum",
    "Plats",
];

pub fn split_lines(marked: &str) -> Vec<Line<'_>> {
    // (a line with a label glued to its end becomes two: room for some without growing)
    let breaks = count_line_breaks(marked.as_bytes());
    let mut lines = Vec::with_capacity(breaks + 1 + breaks / 8);
    // (the same pieces as splitting at '\n', the line breaks found many bytes at a time)
    let ends = memchr::memchr_iter(b'\n', marked.as_bytes()).chain([marked.len()]);
    let mut start = 0;
    for (i, end) in ends.enumerate() {
        let raw = marked[start..end].trim_end();
        start = end + 1;
        if let Some((head, label)) = glued_label(raw) {
            lines.push(make_line(i + 1, head));
            lines.push(make_line(i + 1, label));
        } else {
            lines.push(make_line(i + 1, raw));
        }
    }
    mark_furniture(&mut lines);
    lines
}

/// How many `\n` bytes there are.
fn count_line_breaks(bytes: &[u8]) -> usize {
    super::decode::count_bytes(bytes, |b| b == b'\n')
}

fn glued_label(raw: &str) -> Option<(&str, &str)> {
    if raw.len() > 100 {
        return None;
    }
    let t = raw.trim_end();
    // Every label ends in one of these letters; most lines do not.
    if !t.ends_with(['e', 's', 'm']) {
        return None;
    }
    GLUED_LABELS.iter().find_map(|label| {
        let head = t.strip_suffix(label)?;
        let last = head.chars().last()?;
        last.is_lowercase().then_some((head, &t[head.len()..]))
    })
}

fn make_line(no: usize, raw: &str) -> Line<'_> {
    // A third of the lines are blank: nothing to clean or fold.
    let (text, heading, struck, bullet) = if raw.is_empty() {
        (Cow::Borrowed(""), 0, false, None)
    } else {
        clean(raw)
    };
    let folded = fold_for_line(&text);
    Line {
        no,
        raw,
        text,
        heading,
        struck,
        bullet,
        furniture: false,
        folded,
    }
}

/// Clean text, heading level, struck-at-start and bullet depth of a raw line.
pub fn clean(raw: &str) -> (Cow<'_, str>, u8, bool, Option<usize>) {
    // Most lines start with a letter or digit: no indent, heading or bullet to take off.
    let (text, heading, bullet) = match raw.as_bytes().first() {
        Some(&b) if b.is_ascii_alphanumeric() && b != b'o' => (raw, 0, None),
        _ => take_line_start(raw),
    };
    let cleaned = clean_text(text, heading, bullet);
    if raw.starts_with('$') && is_ocr_paragraph_sign(&cleaned.0) {
        // OCR reads `§` as `$`: "$ 101 Budget" is "§ 101 Budget"
        return (
            Cow::Owned(format!("§{}", &cleaned.0[1..])),
            cleaned.1,
            cleaned.2,
            cleaned.3,
        );
    }
    cleaned
}

/// Whether a text starts with a `$` that OCR read for `§`: one followed by a number.
pub fn is_ocr_paragraph_sign(s: &str) -> bool {
    s.strip_prefix('$').is_some_and(|r| {
        r.trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The text of a raw line after its indent, heading hashes and bullet, with the heading
/// level and the bullet's depth.
fn take_line_start(raw: &str) -> (&str, u8, Option<usize>) {
    let indent: usize = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let mut t = raw.trim_start();
    let mut heading = 0u8;
    while let Some(rest) = t.strip_prefix('#') {
        heading = heading.saturating_add(1);
        t = rest;
    }
    if heading > 0 {
        t = t.trim_start();
    }
    let mut bullet = None;
    let mut chars = t.chars();
    if let (Some(mark), Some(gap @ (' ' | '\t'))) = (chars.next(), chars.next())
        && (BULLETS.contains(&mark) || (mark == 'o' && gap == '\t'))
    {
        bullet = Some(indent / 2);
        t = chars.as_str().trim_start();
    }
    (t, heading, bullet)
}

/// What starts a list's line before a space or a tab: dashes, stars and the bullets of
/// word processors, also those that Word's symbol fonts turn into private characters
/// when the text is copied (U+F0B7, U+F0A7, U+F0D8). A letter `o` is one only before a
/// tab (Word's second level); before a space it may start a word.
const BULLETS: &[char] = &[
    '-', '*', '–', '•', '·', '▪', '■', '●', '○', '◦', '‣', '⁃', '∙', '➢', '➤', '►', '▸', '→',
    '\u{F0B7}', '\u{F0A7}', '\u{F0D8}',
];

/// [`clean`] after the line's start is taken off.
fn clean_text(
    t: &str,
    heading: u8,
    bullet: Option<usize>,
) -> (Cow<'_, str>, u8, bool, Option<usize>) {
    let mut t = t;
    if t.starts_with(['*', '_'])
        && let Some(inner) = emphasised(t.trim_ends())
    {
        t = inner;
    }
    let trimmed = t.trim_ends();
    if is_plain(trimmed) {
        return (Cow::Borrowed(trimmed), heading, false, bullet);
    }
    let unbold_owned;
    let unbold = if holds!(t, "**") {
        unbold_owned = remove_doubled(t, b'*');
        unbold_owned.trim_start()
    } else {
        t
    };
    let struck = unbold.trim_start_matches(ITALIC_START).starts_with("~~");
    let mut text = String::new();
    if !holds!(unbold, "~~") {
        text = unbold.to_owned();
    } else if struck {
        text = remove_doubled(unbold, b'~');
    } else {
        let mut inside = false;
        for (k, part) in unbold.split("~~").enumerate() {
            if k > 0 {
                inside = !inside;
            }
            if !inside {
                text.push_str(part);
            }
        }
    }
    // (the marks and the byte-order mark are the only characters here whose first byte
    // is 0xEE or 0xEF)
    let text: String = if text.bytes().any(|b| b | 1 == 0xEF)
        && text.contains([ITALIC_START, ITALIC_END, '\u{FEFF}'])
    {
        text.replace([ITALIC_START, ITALIC_END, '\u{FEFF}'], "")
    } else {
        text
    };
    (
        Cow::Owned(fix_ocr_digits(collapse_spaces(text))),
        heading,
        struck,
        bullet,
    )
}

/// The text inside Markdown's emphasis around a whole line: "*Föredragande: Anna*" or
/// "_Föredragande: Anna_" (not bold, which is removed elsewhere, nor a lone mark).
fn emphasised(t: &str) -> Option<&str> {
    let mark = t.get(..1)?;
    t.strip_prefix(mark)?.strip_suffix(mark).filter(|r| {
        !r.is_empty() && !r.starts_with(['*', '_', ' ']) && !r.ends_with(['*', '_', ' '])
    })
}

/// Words after which a lone `1` is a number, not OCR's `i`.
const NUMBER_WORDS: &[&str] = &[
    "punkt", "sida", "bilaga", "kapitel", "steg", "nr", "nummer", "fas", "paragraf", "version",
    "del", "år", "dag", "vecka", "kvartal", "nivå", "grupp", "rum", "hus", "plan", "ärende", "av",
    "till", "och", "eller", "om", "med", "på", "per", "mellan", "från", "kl", "klockan", "ca",
    "cirka", "minst", "högst", "under", "över", "än", "bara", "endast", "totalt", "varav",
];

/// OCR reads `i` as `1`: `f1nns` → `finns`, `vård 1 samverkan` → `vård i samverkan`.
/// Numbers stay numbers: a `1` beside digits or after a counting word is left alone.
pub fn fix_ocr_digits(s: String) -> String {
    if !may_hold_ocr_one(&s) {
        return s;
    }
    let is_word = |t: &str| {
        t.chars().nth(1).is_some() && t.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    let mut out = String::with_capacity(s.len());
    // Where the previous token starts in `out`, as it was written (after its fix).
    let mut prev_at: Option<usize> = None;
    let mut tokens = super::words::split_byte(&s, b' ').peekable();
    while let Some(t) = tokens.next() {
        let here = out.len() + usize::from(prev_at.is_some());
        if prev_at.is_some() {
            out.push(' ');
        }
        let prev = prev_at.map(|p| &out[p..here - 1]);
        prev_at = Some(here);
        if !t.contains('1') {
            out.push_str(t);
            continue;
        }
        // "1nskrivna": a word that starts with OCR's 1
        if let Some(rest) = t.strip_prefix('1')
            && rest.chars().nth(2).is_some()
            && rest.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        {
            out.push('i');
            out.push_str(rest);
            continue;
        }
        if t == "1" {
            let mut ahead = tokens.clone();
            let next = ahead.next();
            let after = ahead.next().unwrap_or("");
            if prev.is_some_and(|p| is_word(p) && !NUMBER_WORDS.contains(&p))
                && next.is_some_and(|n| is_word(n) && !NUMBER_WORDS.contains(&n))
                && !after.starts_with(|c: char| c.is_ascii_digit())
                && !is_day_of_month(prev.unwrap_or(""), next.unwrap_or(""), after)
            {
                out.push('i');
                continue;
            }
        }
        if !t.bytes().any(|b| b.is_ascii_digit() && b != b'1') {
            // a 1 between two lowercase letters is an i
            let mut before: Option<char> = None;
            let mut chars = t.chars().peekable();
            while let Some(c) = chars.next() {
                let inside = before.is_some_and(char::is_lowercase)
                    && chars.peek().is_some_and(|n| n.is_lowercase());
                out.push(if c == '1' && inside { 'i' } else { c });
                before = Some(c);
            }
            continue;
        }
        out.push_str(t);
    }
    out
}

/// Whether a lone `1` before `month` is the first of the month: after `den` ("den 1
/// juli", never "den i juli"), or first in a span of dates ("perioden 1 januari - 30
/// juni"). Elsewhere ("beslutade 1 mars") it may be OCR's `i`, as before.
fn is_day_of_month(prev: &str, month: &str, after: &str) -> bool {
    super::words::is_month_name(month) && (prev == "den" || after.starts_with(['-', '–']))
}

/// Whether [`clean`] would leave `s` (already trimmed, heading and bullet taken off)
/// as it is: no bold or strike marks, no private marks or byte-order mark, no double
/// spaces and no `1` that could be OCR's `i` — one scan over the bytes for the common
/// line.
fn is_plain(s: &str) -> bool {
    let b = s.as_bytes();
    let mut one = false;
    let mut i = 0;
    // Sixteen bytes at a time, each beside the byte after it.
    while let (Some(x), Some(y)) = (b.get(i..i + 16), b.get(i + 1..i + 17)) {
        let (Ok(x), Ok(y)) = (x.try_into(), y.try_into()) else {
            break;
        };
        let (bad, ones) = block_flags(x, y);
        if bad {
            return false;
        }
        one |= ones;
        i += 16;
    }
    // The last one to sixteen bytes the same way, after them a letter that is none of
    // what is looked for (the pair across the previous block's end was looked at).
    let rest = &b[i..];
    if !rest.is_empty() {
        let mut padded = [b'a'; 17];
        padded[..rest.len()].copy_from_slice(rest);
        if let (Ok(x), Ok(y)) = (padded[..16].try_into(), padded[1..].try_into()) {
            let (bad, ones) = block_flags(x, y);
            if bad {
                return false;
            }
            one |= ones;
        }
    }
    !one || !may_hold_ocr_one(s)
}

/// Whether sixteen bytes `x`, each followed by the byte at the same place in `y`, hold a
/// mark (the private marks and the byte-order mark start with 0xEE or 0xEF) or a space
/// followed by a space, and whether they hold a 1. Every byte is looked at, without
/// stopping early, so that the compiler compares the whole block in a few steps.
fn block_flags(x: &[u8; 16], y: &[u8; 16]) -> (bool, bool) {
    let (mut bad, mut ones) = (0u8, 0u8);
    for k in 0..16 {
        let c = x[k];
        bad |= u8::from(c == b'*')
            | u8::from(c == b'~')
            | u8::from(c | 1 == 0xEF)
            | (u8::from(c == b' ') & u8::from(y[k] == b' '));
        ones |= u8::from(c == b'1');
    }
    (bad != 0, ones != 0)
}

/// Whether a `1` in `s` could be OCR's `i`: one beside a letter, or standing alone
/// between spaces. A `1` among digits and punctuation (dates, numbers) cannot.
fn may_hold_ocr_one(s: &str) -> bool {
    let b = s.as_bytes();
    let letter = |c: u8| c.is_ascii_alphabetic() || c >= 0x80;
    // Each 1, found by a fast byte search, judged by its neighbours.
    for i in memchr::memchr_iter(b'1', b) {
        let prev = i.checked_sub(1).map(|k| b[k]);
        let next = b.get(i + 1).copied();
        if prev.is_some_and(letter)
            || next.is_some_and(letter)
            || (prev.is_none_or(|p| p == b' ') && next.is_none_or(|n| n == b' '))
        {
            return true;
        }
    }
    false
}

/// `s` without any `cc`: the same as `s.replace("cc", "")` for an ASCII `c`, without
/// a general substring search.
fn remove_doubled(s: &str, c: u8) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut copied, mut i) = (0, 0);
    while i + 1 < b.len() {
        if b[i] == c && b[i + 1] == c {
            out.push_str(&s[copied..i]);
            i += 2;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// Runs of spaces become one; tabs stay (they separate columns); ends trimmed.
fn collapse_spaces(s: String) -> String {
    if !holds!(s, "  ") {
        let t = s.trim_ends();
        return if t.len() == s.len() { s } else { t.to_owned() };
    }
    let mut out = String::with_capacity(s.len());
    // Each run of spaces ends a piece; the piece is copied with one space of its run, or
    // with a tab for a run of three or more after text: the gap between two columns of
    // a page laid out as text ("Ledamöter          Anna Berg (S)", as PDF text has it).
    // A line with more than two such runs is justified prose, not columns.
    let mut columns = None;
    let mut rest = s.as_str();
    while let Some(at) = rest.find("  ") {
        let after = rest[at..].trim_start_matches(' ');
        let run = rest.len() - at - after.len();
        if run >= 3
            && !(out.is_empty() && at == 0)
            && *columns.get_or_insert_with(|| column_gaps(&s) <= 2)
        {
            out.push_str(&rest[..at]);
            out.push('\t');
        } else {
            out.push_str(&rest[..=at]);
        }
        rest = after;
    }
    out.push_str(rest);
    out.trim_ends().to_owned()
}

/// How many runs of three or more spaces there are between the words of `s`.
fn column_gaps(s: &str) -> usize {
    let mut gaps = 0;
    let mut rest = s.trim();
    while let Some(at) = rest.find("   ") {
        gaps += 1;
        rest = rest[at..].trim_start_matches(' ');
    }
    gaps
}

const FOOTER_KEYWORDS: &[&str] = &[
    "postadress",
    "besoksadress",
    "telefon",
    "telefax",
    "fax",
    "org.nr",
    "orgnr",
    "org nr",
    "organisationsnummer",
    "plusgiro",
    "bankgiro",
    "e-post",
    "epost",
    "internet",
    "webbplats",
    "hemsida",
    "vaxel",
    "www",
];

const MARGIN_LINES: &[&str] = &[
    "justerandes sign",
    "justerandes signatur",
    "justerandes signaturer",
    "utdragsbestyrkande",
    "ordforandes sign",
    "sekreterarens sign",
    "justerarens sign",
    "signatur justerare",
];

/// Which bytes the words of `list` start with.
pub(super) const fn first_bytes(list: &[&str]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < list.len() {
        t[list[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
}

const FOOTER_FIRST_BYTES: [bool; 256] = first_bytes(FOOTER_KEYWORDS);
const MARGIN_FIRST_BYTES: [bool; 256] = first_bytes(MARGIN_LINES);

/// Whether `f` starts with a byte that starts a word of the table's list.
pub(super) fn may_start(f: &str, table: &[bool; 256]) -> bool {
    f.as_bytes().first().is_some_and(|b| table[usize::from(*b)])
}

fn is_footer_keyword(folded: &str) -> bool {
    let f = folded.trim_ends().trim_end_matches(':');
    if !may_start(f, &FOOTER_FIRST_BYTES) {
        return false;
    }
    let first = f.as_bytes().first();
    FOOTER_KEYWORDS.iter().any(|k| {
        first == k.as_bytes().first()
            && (f == *k
                || f.strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with([' ', ':', '\t'])))
    })
}

fn is_page_number(folded: &str) -> bool {
    let f = folded.trim_ends();
    let (had_sida, rest) = match f.strip_prefix("sida") {
        Some(r) => (true, r.trim_ends()),
        None => (false, f),
    };
    if rest.is_empty()
        || rest.len() > 12
        || !rest.starts_with(|c: char| c.is_ascii_digit() || c == '-')
    {
        return false;
    }
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || " ()[]/av-".contains(c))
    {
        return false;
    }
    had_sida
        || rest.contains('(')
        || rest.contains('[')
        || rest.contains('/')
        || (rest.starts_with('-') && rest.ends_with('-') && rest.len() > 2)
}

/// A page header or footer with the page number at its end: "Socialnämnden⇥Sida 2 av 4",
/// "Närvårdsgruppen Södra⇥2 (3)", "Protokoll 2024-03-12 sida 2 av 4".
fn ends_with_page_mark(text: &str) -> bool {
    let t = text.trim_ends();
    if !t.ends_with(|c: char| c.is_ascii_digit() || c == ')' || c == ']')
        || !super::words::at_most_chars(t, 100)
    {
        return false;
    }
    if let Some(tab) = t.rfind('\t') {
        return !t[..tab].trim_ends().is_empty() && is_page_number(&fold(&t[tab + 1..]));
    }
    // without a column: only the unmistakable "sida 2 av 4", "sida 2 (4)", "sida 2/4"
    let f = fold(t);
    f.rfind(" sida ").is_some_and(|at| {
        let mark = &f[at + 1..];
        is_page_number(mark) && mark.contains(['(', '/', 'v'])
    })
}

/// Whether a folded line starts like "Ärende 3", "Punkt 3" or "Paragraf 3".
fn numbered_by_word(folded: &str) -> bool {
    folded.starts_with(['a', 'p'])
        && ["arende ", "punkt ", "paragraf "].iter().any(|w| {
            folded
                .strip_prefix(w)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
}

fn looks_like_item_start(l: &Line) -> bool {
    // (a line starting with a letter has no number first)
    if l.text
        .as_bytes()
        .first()
        .is_none_or(u8::is_ascii_alphabetic)
    {
        return false;
    }
    let t = l.text.trim_start_matches('§').trim_start();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && digits <= 3
        && (l.heading > 0
            || super::words::has_byte(l.raw, b'\t')
            || l.text.starts_with('§')
            || t[digits..].starts_with(". "))
}

/// Whether a line is an entry of a table of contents: a leader of dots and a page number
/// at its end ("§ 1 Val av justerare ... 4", "Information …… 17 ______").
#[inline]
fn is_contents_entry(text: &str) -> bool {
    // (most lines end with a letter or a full stop: a look at the last byte first)
    if !text
        .as_bytes()
        .last()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'_')
    {
        return false;
    }
    // (its leader of dots, not a tab: a column of paragraph numbers after names, "Sofia
    // Lund ⇥ 41", would be one)
    let t = text.trim_end_matches(['_', ' ']);
    let kept = super::items::without_page_reference(t);
    kept.len() < t.len() && !t[kept.len()..].contains('\t')
}

/// A table of contents before the items ("Ärendeförteckning" over "§ 1 Val av justerare
/// ... 4"), marked as furniture, so that neither its heading nor its entries are read
/// as the head or the items: runs of two or more entries, with up to two lines of a
/// title broken over lines between them, and the heading right over them.
fn mark_contents(lines: &mut [Line]) {
    let mut entries: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if is_contents_entry(&l.text) {
            entries.push(i);
        }
    }
    if entries.len() < 2 {
        return;
    }
    let mut k = 0;
    while k < entries.len() {
        // (the run: entries with at most two lines of text between each and the next)
        let mut last = k;
        while last + 1 < entries.len()
            && lines[entries[last] + 1..entries[last + 1]]
                .iter()
                .filter(|l| !l.is_blank())
                .count()
                <= 2
        {
            last += 1;
        }
        if last > k {
            // (the first entry's title may start on the line of text above it: "§ 1
            // Överenskommelse om …" over "länets kommuner ... 4")
            let first = entries[k];
            let from = (first.saturating_sub(3)..first)
                .rev()
                .find(|&j| !lines[j].is_blank())
                .filter(|&j| looks_like_item_start(&lines[j]))
                .unwrap_or(first);
            for l in &mut lines[from..=entries[last]] {
                l.furniture = !l.is_blank() || l.furniture;
            }
            if let Some(j) = (0..from).rev().find(|&j| !lines[j].is_blank())
                && CONTENTS_HEADINGS.contains(&lines[j].folded.trim_ends().trim_end_matches(':'))
            {
                lines[j].furniture = true;
            }
        }
        k = last + 1;
    }
}

/// The headings of a table of contents (folded).
const CONTENTS_HEADINGS: [&str; 6] = [
    "arendeforteckning",
    "innehallsforteckning",
    "innehall",
    "arendelista",
    "forteckning over arenden",
    "paragrafforteckning",
];

fn mark_furniture(lines: &mut [Line]) {
    mark_contents(lines);
    // Footer blocks: a keyword line and the short lines after it.
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text.len() <= 80 && is_footer_keyword(&lines[i].folded) {
            let mut j = i;
            // (the line under a row of the footer's heads: "Postadress   Gatuadress
            // Telefon" over "Vätternvårdsförbundet   Hamngatan 4   Länsstyrelsen i
            // Jönköpings län", the values in the columns under them)
            let mut under_heads = false;
            let gaps = |t: &str| column_gaps(t) + t.bytes().filter(|&b| b == b'\t').count();
            while j < lines.len() {
                let l = &lines[j];
                let f = &l.folded;
                // (an e-signature's record names its signer's address: "E-post: …" over
                // "Signerat 2024-10-28 13:05:44" is no footer)
                let short = super::words::at_most_chars(&l.text, 60)
                    && !looks_like_item_start(l)
                    && !f.starts_with("beslut")
                    && !super::signatures::is_sign_event(f)
                    && l.bullet.is_none()
                    && !l.raw.starts_with('\t');
                let values = std::mem::take(&mut under_heads)
                    && super::words::at_most_chars(&l.text, 120)
                    && gaps(l.raw) >= 1;
                let mut keyword = false;
                if l.is_blank() || short || values || {
                    keyword = is_footer_keyword(&l.folded_full());
                    keyword
                } {
                    // (the block's first line is a keyword's; later ones are looked at
                    // only where they are not short)
                    under_heads = (j == i || keyword) && gaps(l.raw) >= 2;
                    lines[j].furniture = !l.is_blank() || lines[j].furniture;
                    j += 1;
                } else {
                    break;
                }
            }
            // Leave trailing blank lines alone; the block ends at its last text line.
            i = j.max(i + 1);
            continue;
        }
        let f = lines[i].folded.trim_ends();
        let raw = lines[i].raw.trim_ends();
        // (a page number folded starts with "sida", a digit or a dash)
        if (raw.len() <= 24
            && raw.starts_with(|c: char| matches!(c, 's' | 'S' | '-') || c.is_ascii_digit())
            && is_page_number(&fold(raw)))
            || may_start(f, &MARGIN_FIRST_BYTES) && MARGIN_LINES.iter().any(|m| f.starts_with(m))
        {
            lines[i].furniture = true;
        }
        i += 1;
    }

    // Lines repeated on three or more pages.
    let first_item = lines
        .iter()
        .position(looks_like_item_start)
        .unwrap_or(lines.len());

    // Page headers and footers of later pages ending with the page number (the first
    // page's header holds the title, the body or the date, and the head reads it).
    let items_from = lines[..first_item]
        .iter()
        .position(|l| numbered_by_word(&l.folded))
        .unwrap_or(first_item);
    for l in &mut lines[items_from..] {
        if ends_with_page_mark(&l.text) && !looks_like_item_start(l) {
            l.furniture = true;
        }
    }
    let repeated: Vec<usize> = {
        let can_repeat: Vec<bool> = lines.iter().map(repeatable).collect();
        let mut counts: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(lines.len(), Default::default());
        for (l, _) in lines.iter().zip(&can_repeat).filter(|(_, r)| **r) {
            *counts.entry(l.folded.as_str()).or_default() += 1;
        }
        (first_item..lines.len())
            .filter(|&k| {
                can_repeat[k] && counts.get(lines[k].folded.as_str()).copied().unwrap_or(0) >= 3
            })
            .collect()
    };
    for k in repeated {
        lines[k].furniture = true;
    }

    // The page header of the first page, repeated later: runs of two or more of its
    // lines after the first item.
    let preamble_end = lines
        .iter()
        .position(|l| {
            let f = &l.folded;
            f.starts_with("protokoll")
                || f.starts_with("minnesanteckning")
                || super::words::find_date(&l.text).is_some()
        })
        .unwrap_or(0)
        .min(first_item);
    let preamble: Vec<String> = lines[..preamble_end]
        .iter()
        .filter(|l| !l.is_blank())
        .take(20)
        .map(|l| page_key(&l.text))
        .collect();
    if preamble.is_empty() {
        return;
    }
    let longest = preamble.iter().map(|p| p.len()).max().unwrap_or(0) + 12;
    // A line's key can equal or start a preamble key only if it starts with the same
    // byte: the first byte of the folded line that is no digit or whitespace (ASCII
    // whitespace and the vertical tab; a line starting otherwise is keyed in full).
    let mut key_starts = [false; 256];
    for p in &preamble {
        if let Some(&b) = p.as_bytes().first() {
            key_starts[usize::from(b)] = true;
        }
    }
    let mut key = String::new();
    let mut in_preamble = |l: &Line| {
        if l.text.len() > longest {
            return false;
        }
        let folded = l.folded_full();
        let first = folded
            .bytes()
            .find(|b| !(b.is_ascii_digit() || b.is_ascii_whitespace() || *b == 0x0B));
        if first.is_some_and(|b| b.is_ascii() && !key_starts[usize::from(b)]) {
            return false;
        }
        key.clear();
        push_page_key(&folded, &mut key);
        let f = key.as_str();
        f.len() >= 3
            && preamble
                .iter()
                .any(|p| p == f || (p.starts_with(f) && f.len() * 2 >= p.len()))
    };
    let mut i = first_item;
    while i < lines.len() {
        if lines[i].is_blank() || !in_preamble(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut hits = Vec::new();
        while j < lines.len() && (lines[j].is_blank() || in_preamble(&lines[j])) {
            if !lines[j].is_blank() {
                hits.push(j);
            }
            j += 1;
        }
        if hits.len() >= 2 {
            for k in hits {
                lines[k].furniture = true;
            }
        }
        i = j.max(i + 1);
    }
}

/// A header line for comparison across pages: folded, without page numbers.
fn page_key(t: &str) -> String {
    let mut out = String::new();
    push_page_key(&fold(t), &mut out);
    out
}

/// [`page_key`] of a line already folded, written to `out`.
fn push_page_key(folded: &str, out: &mut String) {
    // (a key is never longer than the folded line)
    out.reserve(folded.len());
    let start = out.len();
    let mut space = false;
    for c in folded.chars().filter(|c| !c.is_ascii_digit()) {
        if c.is_whitespace() {
            space = out.len() > start;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
}

fn repeatable(l: &Line) -> bool {
    // more than 320 bytes is more than 80 characters
    if l.text.len() > FOLD_WHOLE {
        return false;
    }
    // from 3 to 80 characters (the quick looks first)
    l.bullet.is_none()
        && !l.text.ends_with(':')
        && at_most_chars(&l.text, 80)
        && !at_most_chars(&l.text, 2)
        && !looks_like_item_start(l)
        && !holds!(l.folded, "beslut")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        split_lines(input)
            .into_iter()
            .filter(|l| !l.furniture && !l.is_blank())
            .map(|l| l.text.into_owned())
            .collect()
    }

    #[test]
    fn a_contents_entry_ends_with_a_leader_and_a_page_number() {
        for line in [
            "§ 1 Val av justerare ... 4",
            "§ 1 Val av justerare........ 12",
            "Information …… 17",
            "Information . . . 5",
            "§ 7 Anmälningsärenden ... 8 _________",
            "§ 2 Godkännande av dagordning........3",
        ] {
            assert!(is_contents_entry(line), "{line}");
        }
        for line in [
            "§ 1 Val av justerare",
            "Mats Eriksson (KD), §§ 41–43",
            "Sammanträdesdatum 2024-05-28",
            "Beslut enligt bilaga 1.",
            "Summa...1234",
            "Rum 301",
            "Sofia Lund\t41",
            "§ 1 Val av justerare\t4",
            "Kostnaden var 12 .. 14",
        ] {
            assert!(!is_contents_entry(line), "{line}");
        }
    }

    #[test]
    fn a_table_of_contents_is_page_furniture_with_its_heading_and_broken_titles() {
        let kept = texts(
            "Regionstyrelsen\n\nÄrendeförteckning\n\n§ 1 Val av\n\njusterare ... 3\n\n\
             § 2 Överenskommelse om hälso- och sjukvård i hemmet och\n\nlänets kommuner ... 4\n\n\
             § 3 Anmälningsärenden ... 7 _____\n\nTid och plats 2024-02-07\n\n§ 1\nVal av justerare\n",
        );
        assert_eq!(
            kept,
            [
                "Regionstyrelsen",
                "Tid och plats 2024-02-07",
                "§ 1",
                "Val av justerare"
            ]
        );
        // (one line with a leader is no table)
        let kept = texts("Ärendeförteckning\n§ 1 Val av justerare ... 3\nText.\n");
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn word_processors_bullets_start_list_lines_but_a_letter_o_before_a_space_does_not() {
        let bullet = |raw: &str| {
            let l = &split_lines(raw)[0];
            (l.bullet, l.text.clone().into_owned())
        };
        for raw in [
            "- Text",
            "▪\tText",
            "➢ Text",
            "\u{F0B7}\tText",
            "  ◦ Text",
            "o\tText",
            "→ Text",
        ] {
            assert_eq!(bullet(raw).1, "Text", "{raw:?}");
            assert!(bullet(raw).0.is_some(), "{raw:?}");
        }
        assert_eq!(bullet("o Text"), (None, "o Text".to_owned()));
        assert_eq!(bullet("✓ Anna Berg"), (None, "✓ Anna Berg".to_owned()));
        assert_eq!(bullet("➢Text"), (None, "➢Text".to_owned()));
    }

    #[test]
    fn a_line_s_cells_are_parted_by_tabs_or_by_two_spaces_or_more() {
        let cells = |raw: &str| split_lines(raw)[0].cells();
        assert_eq!(
            cells("Karin Lund\tPeter Holm"),
            ["Karin Lund", "Peter Holm"]
        );
        assert_eq!(
            cells("Karin Lund  **Peter Holm**"),
            ["Karin Lund", "Peter Holm"]
        );
        assert_eq!(cells("   Karin Lund"), ["Karin Lund"]);
        assert_eq!(cells("A  B  C"), ["A", "B", "C"]);
        // (where some gaps are wider, the narrow ones are inside the cells)
        assert_eq!(
            cells("Gun  Axelsson,  ordförande       Kjell  Strand"),
            ["Gun Axelsson, ordförande", "Kjell Strand"]
        );
        assert!(cells("").is_empty());
        assert!(!split_lines("   Karin Lund  ")[0].has_cells());
        assert!(split_lines("Karin Lund  Peter Holm")[0].has_cells());
    }

    #[test]
    fn footer_blocks_with_addresses_are_furniture() {
        let doc = "1.\tFörsta punkten med text.\n\nPOSTADRESS\n\nRegion Örebro län\nBox 1613\n701 16 Örebro\n\nTELEFON\n\n019-602 70 00\n\nINTERNET www.regionorebrolan.se\n\n\tFortsättning av texten som är lång nog att vara brödtext i protokollet.";
        assert_eq!(
            texts(doc),
            vec![
                "1.\tFörsta punkten med text.".to_owned(),
                "Fortsättning av texten som är lång nog att vara brödtext i protokollet."
                    .to_owned()
            ]
        );
    }

    #[test]
    fn struck_lines_keep_their_text_and_are_marked() {
        let l = make_line(1, "~~Helena Fagerstedt, Lekeberg kommun~~");
        assert!(l.struck);
        assert_eq!(l.text, "Helena Fagerstedt, Lekeberg kommun");
        let l = make_line(1, "Beställare, ~~det saknas samsyn~~. Slut");
        assert!(!l.struck);
        assert_eq!(l.text, "Beställare, . Slut");
    }

    #[test]
    fn every_glued_label_ends_in_a_letter_the_quick_check_knows() {
        assert!(GLUED_LABELS.iter().all(|l| l.ends_with(['e', 's', 'm'])));
    }

    #[test]
    fn a_label_glued_to_the_previous_word_is_split_off() {
        let t = texts("Välfärd och folkhälsaSekreterare\nMalin Ek");
        assert_eq!(t, vec!["Välfärd och folkhälsa", "Sekreterare", "Malin Ek"]);
    }

    #[test]
    fn ocr_ones_between_letters_become_i_but_numbers_stay() {
        assert_eq!(
            fix_ocr_digits(String::from("Styrgrupp nära vård 1 samverkan")),
            "Styrgrupp nära vård i samverkan"
        );
        assert_eq!(
            fix_ocr_digits(String::from("det f1nns 1 punkt 1 och 2")),
            "det finns 1 punkt 1 och 2"
        );
        assert_eq!(
            fix_ocr_digits(String::from("Antalet 1nskrivna 1 hemsjukvården")),
            "Antalet inskrivna i hemsjukvården"
        );
        assert_eq!(
            fix_ocr_digits(String::from("2024-01-11 kl 11")),
            "2024-01-11 kl 11"
        );
    }

    #[test]
    fn a_one_before_a_month_after_den_or_opening_a_span_of_dates_stays_a_day() {
        assert_eq!(
            fix_ocr_digits(String::from("gäller från den 1 juli och framåt")),
            "gäller från den 1 juli och framåt"
        );
        assert_eq!(
            fix_ocr_digits(String::from("för perioden 1 januari - 30 juni")),
            "för perioden 1 januari - 30 juni"
        );
        // (elsewhere it may still be OCR's i)
        assert_eq!(
            fix_ocr_digits(String::from("beslutade 1 mars att")),
            "beslutade i mars att"
        );
    }

    #[test]
    fn a_line_starting_with_a_letter_or_digit_but_o_has_no_start_to_take_off() {
        for b in (b'0'..=b'9').chain(b'a'..=b'z').chain(b'A'..=b'Z') {
            let raw = format!("{}\t- * # text", char::from(b));
            if b == b'o' {
                assert_eq!(
                    take_line_start(&raw).2,
                    Some(0),
                    "'o' and a tab is a bullet"
                );
            } else {
                assert_eq!(take_line_start(&raw), (raw.as_str(), 0, None));
            }
        }
    }

    #[test]
    fn a_blank_line_is_made_as_cleaning_and_folding_would_make_it() {
        let l = make_line(1, "");
        assert_eq!(
            (l.text, l.heading, l.struck, l.bullet, l.folded),
            (clean("").0, clean("").1, clean("").2, clean("").3, fold(""))
        );
    }

    #[test]
    fn runs_of_spaces_become_one_and_tabs_stay() {
        for (s, want) in [
            ("a  b", "a b"),
            ("  a  b  c ", "a b c"),
            ("   a   b  c ", "a\tb c"),
            ("Ledamöter        Anna Berg (S)", "Ledamöter\tAnna Berg (S)"),
            (
                "Anna Berg    Region    Ordförande",
                "Anna Berg\tRegion\tOrdförande",
            ),
            (
                "Rådet    ger    gruppen    i uppdrag",
                "Rådet ger gruppen i uppdrag",
            ),
            ("a \t  b", "a \t b"),
            ("ä  ö", "ä ö"),
            ("a b", "a b"),
            ("   ", ""),
        ] {
            assert_eq!(collapse_spaces(s.to_owned()), want, "{s:?}");
        }
    }

    #[test]
    fn doubled_marks_are_removed_as_replace_removes_them() {
        for s in [
            "**a**", "***", "****", "a*b**c", "**", "*", "", "ä**ö~~", "~~~x~~",
        ] {
            for (c, pat) in [(b'*', "**"), (b'~', "~~")] {
                assert_eq!(remove_doubled(s, c), s.replace(pat, ""), "{s:?}");
            }
        }
    }

    #[test]
    fn a_one_may_be_ocr_s_i_beside_a_letter_or_standing_alone() {
        for (s, expected) in [
            ("f1nns", true),
            ("vård 1 samverkan", true),
            ("1", true),
            ("2024-01-19", false),
            ("kl. 10.15", false),
            ("11 12", false),
            ("x 1", true),
            ("(1)", false),
            ("1ä", true),
        ] {
            assert_eq!(may_hold_ocr_one(s), expected, "{s:?}");
        }
    }

    #[test]
    fn line_breaks_are_counted_as_one_at_a_time() {
        let text: String = (0..2000)
            .map(|i| if i % 7 == 0 { '\n' } else { 'x' })
            .collect();
        let expected = text.bytes().filter(|b| *b == b'\n').count();
        assert_eq!(count_line_breaks(text.as_bytes()), expected);
    }

    #[test]
    fn the_first_page_header_repeated_after_the_first_item_is_furniture() {
        let doc = "Region Örebro län\nHälso- och sjukvårdsförvaltningen\nProtokoll 2024-04-19\n\n\
                   1. Första punkten\nText som är lång nog att vara brödtext.\n\
                   Region Örebro län\n\u{b}Hälso- och sjukvårdsförvaltningen 2\n\
                   2. Andra punkten\nMer text.";
        assert_eq!(
            texts(doc)[3..],
            [
                "1. Första punkten",
                "Text som är lång nog att vara brödtext.",
                "2. Andra punkten",
                "Mer text."
            ]
        );
    }

    #[test]
    fn a_page_key_is_the_folded_words_without_digits() {
        assert_eq!(
            page_key("  Sida 3 av 9\t PROTOKOLL 2024 "),
            "sida av protokoll"
        );
        assert_eq!(page_key("123"), "");
    }

    /// The rule [`is_plain`] reads sixteen bytes at a time, one byte at a time.
    fn is_plain_bytewise(s: &str) -> bool {
        !s.bytes().any(|b| matches!(b, b'*' | b'~' | 0xEE | 0xEF))
            && !s.contains("  ")
            && (!s.contains('1') || !may_hold_ocr_one(s))
    }

    #[test]
    fn plain_lines_are_found_sixteen_bytes_at_a_time_as_one_at_a_time() {
        let pieces = [
            "a", " ", "  ", "1", "*", "~", "ä", "\u{E000}", "\u{FEFF}", "abcdefg", "Ö1x", "\t",
        ];
        for s in super::super::texts_of_pieces(&pieces, 7, 16, 20_000) {
            assert_eq!(is_plain(&s), is_plain_bytewise(&s), "{s:?}");
        }
    }

    #[test]
    fn a_line_is_plain_without_marks_double_spaces_or_a_doubtful_one() {
        assert!(is_plain("Beslut: att anta planen 2024-01-01"));
        assert!(!is_plain("Beslut:  att"));
        assert!(!is_plain("**Beslut**"));
        assert!(!is_plain("vård 1 samverkan"));
        assert!(!is_plain("Sida 1 av 3"), "a lone 1 may be OCR's i");
    }

    #[test]
    fn a_long_line_keeps_how_it_starts_folded_and_folds_whole_on_demand() {
        let long = format!("Beslut Å{}", "ö".repeat(300));
        let l = make_line(1, &long);
        assert!(fold(&long).starts_with(&l.folded));
        assert!(l.folded.len() <= FOLD_PREFIX && l.folded.starts_with("beslut a"));
        assert_eq!(l.folded_full(), fold(&long));
        let short = make_line(1, "Sekreterare Å");
        assert_eq!(short.folded, "sekreterare a");
        assert_eq!(short.folded_full(), "sekreterare a");
    }

    #[test]
    fn page_numbers_and_signature_margins_are_furniture() {
        let t = texts("Sida 2 av 5\nText\nJusterandes sign\n3 (5)\n- 4 -");
        assert_eq!(t, vec!["Text"]);
    }
}
