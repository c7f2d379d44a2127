//! Agenda items: where they start (whatever the layout numbers them with), their number,
//! title, presenters and kind, their text, and the decisions in it.

use super::lines::{Line, first_bytes, may_start};
use super::markup::{ITALIC_END, ITALIC_START, ITALIC_START_TEXT};
use super::words::{self, Clock, TrimEnds, fold};
use super::{Item, ItemKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Heading,
    Paragraph,
    Word,
    Tab,
    Plain,
    /// "1  Föregående protokoll": a number, two spaces or more, a capital (as text laid
    /// out with spaces has it); read only when nothing else numbers the items.
    Spaced,
    /// "106 Val av justerare": a number, one space, a capital (as a PDF's text has a
    /// paragraph whose sign was lost); read only when nothing else numbers the items,
    /// and only where two follow one another (106, 107).
    Single,
    /// "II. Hemsjukvård": a Roman numeral, a full stop or a bracket, a capital.
    Roman,
}

#[derive(Debug, Clone)]
pub struct Start {
    pub line: usize,
    pub number: String,
    style: Style,
    /// Byte offset in the raw line where the title begins.
    title_at: usize,
}

#[derive(Debug, Default)]
pub struct Layout {
    pub starts: Vec<Start>,
    /// The items had no numbers and were numbered here in order, or Roman numerals
    /// written here in digits: the warning that says from what (headings, an agenda's
    /// times, Roman numerals).
    pub numbered_in_order: Option<&'static str>,
    /// Where the items are an agenda's times: the first item's time and the last's end,
    /// if its time is a span ("11.30–12.00 Avslutning"); the meeting's, unless its head
    /// says otherwise.
    pub agenda_times: Option<(Clock, Option<Clock>)>,
}

impl Layout {
    /// Whether its items are paragraphs (`§ 12`), as a protocol's are.
    pub fn in_paragraphs(&self) -> bool {
        self.starts
            .first()
            .is_some_and(|s| s.style == Style::Paragraph)
    }
}

/// The minor number of item `2a` is this and one, of `2b` this and two: after every minor
/// part written with digits (of two at most).
const LETTERED: u32 = 100;

/// The text of an item's number `(major, minor)`: "2", "2.1", "2a".
fn number_text((major, minor): (u32, u32)) -> String {
    match minor {
        0 => major.to_string(),
        m if m > LETTERED => format!("{major}{}", char::from(b'a' + (m - LETTERED - 1) as u8)),
        m => format!("{major}.{m}"),
    }
}

/// `(major, minor)` and the byte where the title starts, if `s` opens with an item number.
fn number_at(s: &str, after_sign: bool) -> Option<((u32, u32), usize, bool)> {
    let b = s.as_bytes();
    let mut i = 0;
    let major_start = i;
    while i < b.len() && b[i].is_ascii_digit() && i - major_start < 3 {
        i += 1;
    }
    if i == major_start || (i < b.len() && b[i].is_ascii_digit()) {
        return None;
    }
    let major: u32 = s[major_start..i].parse().ok()?;
    if after_sign {
        i += year_after_number(&b[i..]);
    }
    let mut minor = 0;
    let mut dotted = false;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        let j = i + 1;
        let mut k = j;
        while k < b.len() && b[k].is_ascii_digit() && k - j < 2 {
            k += 1;
        }
        if k < b.len() && b[k].is_ascii_digit() {
            return None;
        }
        minor = s[j..k].parse().ok()?;
        // (a part of one digit after a full stop marks the number as the item's: "2.1
        // Läget", "3.0 Budget"; "09.15 Välkommen" is a time)
        dotted = k - j == 1 && b[major_start] != b'0';
        i = k;
    } else if i + 1 < b.len()
        && (b'a'..=b'h').contains(&b[i])
        && matches!(b[i + 1], b'.' | b')' | b':' | b' ' | b'\t')
    {
        // "2a. Läget i hemsjukvården": a part of item 2, numbered after its minor parts
        minor = LETTERED + u32::from(b[i] - b'a') + 1;
        i += 1;
    }
    let mut punct = dotted;
    if i < b.len() && matches!(b[i], b'.' | b')' | b':') {
        i += 1;
        punct = true;
        // "1:Mötet öppnas", "2.Val av justerare": a title in a capital right after the
        // mark ("13:00" and "1:a" are none)
        if starts_with_capital(&b[i..]) {
            return Some(((major, minor), i, true));
        }
    } else if let Some(dash) = [" – ", " - ", " — "]
        .iter()
        .find(|d| s[i..].starts_with(**d))
    {
        // "3 – Hemsjukvård": a dash between the number and the title marks it
        i += dash.len() - 1;
        punct = true;
    }
    let tab = i < b.len() && b[i] == b'\t';
    if i < b.len() && !(b[i] == b' ' || b[i] == b'\t') {
        return None;
    }
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    Some(((major, minor), i, tab || punct))
}

/// Whether `b` starts with a capital letter: an ASCII one, or "Å", "Ä", "Ö", "É".
fn starts_with_capital(b: &[u8]) -> bool {
    match b {
        [c, ..] if c.is_ascii_uppercase() => true,
        [0xC3, c, ..] => matches!(c, 0x85 | 0x84 | 0x96 | 0x89),
        _ => false,
    }
}

/// The length of a year after a paragraph's number ("§ 23/2024", "§ 23/24": numbered
/// from one each year), or 0: a slash and two or four digits, then no digit.
fn year_after_number(b: &[u8]) -> usize {
    let Some(rest) = b.strip_prefix(b"/") else {
        return 0;
    };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 2 || digits == 4 {
        1 + digits
    } else {
        0
    }
}

/// Classifies a line as a possible item start.
fn candidate(l: &Line) -> Option<(Style, (u32, u32), usize)> {
    if l.furniture || l.bullet.is_some() || !may_start_item(l.raw) {
        return None;
    }
    candidate_in(l.raw)
}

/// Whether a raw line can start an item at all, by its first byte: an empty line has no
/// number, and a line starting with an ASCII letter other than the first letters of the
/// item words starts with nothing [`candidate_in`] skips (spaces, `#`, `**`, `__`) and so
/// with no number or word.
fn may_start_item(raw: &str) -> bool {
    match raw.as_bytes().first() {
        None => false,
        Some(&b) if b.is_ascii_alphabetic() => {
            matches!(b.to_ascii_lowercase(), b'p' | b'a')
                || matches!(b, b'I' | b'V' | b'X') && roman_at(raw).is_some()
                || b.is_ascii_uppercase()
                    && (body_before_sign(raw) > 0 || body_before_number(raw) > 0)
                || is_ocr_s_sign(raw)
        }
        _ => true,
    }
}

/// The length of the body's abbreviation and the spaces after it before a paragraph sign
/// ("SN § 15", "KS § 3", "ÄN § 41"), or 0: one to six capitals, then spaces, then "§".
fn body_before_sign(s: &str) -> usize {
    // (after the first capital comes another or the space: most lines have a small letter
    // there; and the sign's second byte among the first fourteen bytes)
    let b = s.as_bytes();
    let second = if b.first() == Some(&0xC3) {
        b.get(2)
    } else {
        b.get(1)
    };
    // ("Sn § 49", "Au § 84": a capital and one to three small letters, no word of
    // running text that may stand before a sign, "Se § 4"; the space and the sign
    // looked for first, right after the word)
    if second.is_some_and(u8::is_ascii_lowercase) {
        // (an ASCII capital first: "Ärendet" and the like are no abbreviation)
        if !b[0].is_ascii_uppercase() {
            return 0;
        }
        let Some(space) = (2..=4).find(|&i| b.get(i) == Some(&b' ')) else {
            return 0;
        };
        let word = &s[..space];
        let small = [
            "se", "av", "om", "jfr", "enl", "ur", "med", "vid", "och", "per", "till", "den", "ett",
            "en",
        ];
        return if s[space + 1..].starts_with('§')
            && word[1..].bytes().all(|c| c.is_ascii_lowercase())
            && !small.iter().any(|w| word.eq_ignore_ascii_case(w))
        {
            space + 1
        } else {
            0
        };
    }
    if !second.is_some_and(|&c| c.is_ascii_uppercase() || c == b' ' || c == 0xC3)
        || !b[..b.len().min(14)].contains(&0xA7)
    {
        return 0;
    }
    let letters = s
        .char_indices()
        .take(7)
        .find(|(_, c)| !(c.is_uppercase() && c.is_alphabetic()))
        .map_or(0, |(i, _)| i);
    // (seven capitals or more give none: no abbreviation is as long)
    if letters == 0 {
        return 0;
    }
    let rest = &s[letters..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces > 0 && rest[spaces..].starts_with('§') {
        letters + spaces
    } else {
        0
    }
}

/// The length of a body's abbreviation and the space after it before a number, or 0:
/// "Sn 49 …", "KS 12 …", "ÄN 3 …", "Nr 4 …" (a capital, one to three more letters, one
/// space, a digit but a zero). A time's "Kl 13" is none.
fn body_before_number(s: &str) -> usize {
    let b = s.as_bytes();
    // (the space after it is the third, fourth or fifth byte, with a digit after it:
    // most lines starting with a capital are passed over here)
    let Some(space) = (2..=4).find(|&i| b.get(i) == Some(&b' ')) else {
        return 0;
    };
    if !b.get(space + 1).is_some_and(|c| (b'1'..=b'9').contains(c)) {
        return 0;
    }
    let first = match b {
        [c, ..] if c.is_ascii_uppercase() => 1,
        [0xC3, 0x84 | 0x85 | 0x96, ..] => 2,
        _ => return 0,
    };
    let letters = b[first..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let end = first + letters;
    // (one capital alone is OCR's "S" for "§", read as such)
    if !(1..=3).contains(&letters)
        || b.get(end) != Some(&b' ')
        || !b.get(end + 1).is_some_and(|c| (b'1'..=b'9').contains(c))
        || s[..end].eq_ignore_ascii_case("kl")
    {
        return 0;
    }
    end + 1
}

/// Whether a line starts with an `S` that OCR read for `§`: "S 12 Val av justerare" (a
/// space, a number, then a space and a capital, or nothing).
fn is_ocr_s_sign(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("S ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    (1..=3).contains(&digits)
        && (after.is_empty()
            || after
                .strip_prefix(' ')
                .is_some_and(|t| t.starts_with(char::is_uppercase)))
}

/// [`candidate`] for the raw text of a line that is no furniture and no bullet.
fn candidate_in(raw: &str) -> Option<(Style, (u32, u32), usize)> {
    let lead = raw.len() - raw.trim_start().len();
    let mut s = &raw[lead..];
    let mut offset = lead;
    let skip = |s: &mut &str, offset: &mut usize, pat: &str| {
        if let Some(r) = s.strip_prefix(pat) {
            *offset += pat.len();
            *s = r;
            true
        } else {
            false
        }
    };
    let mut heading = false;
    while skip(&mut s, &mut offset, "#") {
        heading = true;
    }
    loop {
        let before = offset;
        skip(&mut s, &mut offset, " ");
        skip(&mut s, &mut offset, "**");
        skip(&mut s, &mut offset, "__");
        if offset == before {
            break;
        }
    }
    // "SN § 15": the body's abbreviation before the paragraph sign
    // (each starts with a capital: an ASCII one, or "Å", "Ä", "Ö" whose first byte is 0xC3)
    let abbreviation = match s.as_bytes().first() {
        Some(&b) if b.is_ascii_uppercase() || b == 0xC3 => body_before_sign(s),
        _ => 0,
    };
    offset += abbreviation;
    s = &s[abbreviation..];
    // "Sn 49 Sammanträdets öppnande": the body's abbreviation before a paragraph's number
    // whose sign was lost (read as a number without a mark)
    let unsigned = if abbreviation == 0 {
        body_before_number(s)
    } else {
        0
    };
    offset += unsigned;
    s = &s[unsigned..];
    // "II. Hemsjukvård"
    if matches!(s.as_bytes().first(), Some(b'I' | b'V' | b'X'))
        && let Some((n, title_at)) = roman_at(s)
    {
        let style = if heading {
            Style::Heading
        } else {
            Style::Roman
        };
        return Some((style, (n, 0), offset + title_at));
    }
    // An item starts with its number, "§" or a word ("Punkt", "Ärende", "Paragraf"):
    // a line starting with any other ASCII character starts none.
    // ("$ 101": OCR's "§")
    let ocr_sign = super::lines::is_ocr_paragraph_sign(s);
    let ocr_s = !ocr_sign && is_ocr_s_sign(s);
    if let Some(&b) = s.as_bytes().first()
        && b.is_ascii()
        && !b.is_ascii_digit()
        && !matches!(b.to_ascii_lowercase(), b'p' | b'a')
        && !ocr_sign
        && !ocr_s
    {
        return None;
    }
    let mut style = if heading {
        Style::Heading
    } else {
        Style::Plain
    };
    let signed = skip(&mut s, &mut offset, "§")
        || ocr_sign && skip(&mut s, &mut offset, "$")
        || ocr_s && skip(&mut s, &mut offset, "S");
    if signed {
        if !heading {
            style = Style::Paragraph;
        }
        while skip(&mut s, &mut offset, " ") {}
    } else if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        // (a line starting with a digit starts with no word)
        // ("Ärende: 3", as a form of fields numbers its items)
        let (p_line, start) = (s.starts_with(['p', 'P']), super::markup::prefix(s, 12));
        for word in [
            "punkt ",
            "arende ",
            "paragraf ",
            "arende: ",
            "punkt: ",
            "pkt ",
            "pkt. ",
        ] {
            // (a line starting with a "p" starts with no "ärende", and one starting
            // otherwise with no word of a "p")
            if word.starts_with('p') != p_line || !super::words::folded_starts_with(start, word) {
                continue;
            }
            let n = s
                .char_indices()
                .nth(word.chars().count())
                .map(|(i, _)| i)
                .unwrap_or(s.len());
            offset += n;
            s = &s[n..];
            if !heading {
                style = Style::Word;
            }
            break;
        }
    }
    let (number, title_at, marked) = number_at(s, signed)?;
    // "SN 66" alone over its title, or "SN 66 ⇥ Dnr 24/06": the body's abbreviation
    // stands for the sign, so its number may be alone or have a column after it (a tab
    // or spaces)
    let abbreviated_alone =
        unsigned > 0 && style == Style::Plain && !marked && clean_title_start(&s[title_at..]).0;
    let abbreviated_column = unsigned > 0
        && style == Style::Plain
        && (words::has_byte(&s[..title_at], b'\t') || s[..title_at].ends_with("  "));
    if abbreviated_column {
        style = Style::Single;
    } else if style == Style::Plain && words::has_byte(&s[..title_at], b'\t') {
        style = Style::Tab;
    } else if style == Style::Plain && !marked && s[..title_at].ends_with("  ") {
        style = Style::Spaced;
    } else if unsigned > 0 && (style != Style::Plain || marked) {
        return None;
    } else if style == Style::Plain && !marked {
        // (digits alone, the first no zero: "09.00 Välkommen" is a time)
        let digits = title_at - 1;
        if digits == 0
            || s.as_bytes()[0] == b'0'
            || !s.as_bytes()[..digits].iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        style = Style::Single;
    }
    match style {
        // (a paragraph's title may be empty)
        Style::Paragraph if number.1 != 0 => return None,
        Style::Paragraph => {}
        _ => {
            let (empty, upper) = clean_title_start(&s[title_at..]);
            // ("3." or "Punkt 3" alone may have its title on the next line: for
            // [`find_items`] to see)
            if empty
                && matches!(style, Style::Tab | Style::Spaced | Style::Single)
                && !abbreviated_alone
                || !empty && matches!(style, Style::Plain | Style::Spaced | Style::Single) && !upper
            {
                return None;
            }
        }
    }
    Some((style, number, offset + title_at))
}

/// An item's Roman numeral at the start of `s` ("IV. Hemsjukvård", "II) Läget"): its
/// value and where the title begins. Up to 39, written as such numerals are ("IIII" is
/// none), then a full stop or a bracket, a space, and a title in a capital ("I. e." and
/// "V.g." are none).
fn roman_at(s: &str) -> Option<(u32, usize)> {
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let len = s
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
        .count();
    // (most lines starting so are words: "Information", "Inga")
    let rest = s[len..].strip_prefix(['.', ')'])?;
    let tens = s.bytes().take_while(|&b| b == b'X').count();
    let ones = ONES.iter().position(|o| *o == &s[tens..len])?;
    let value = tens * 10 + ones;
    let title = rest.trim_start_matches([' ', '\t']);
    (tens <= 3 && value > 0 && title.len() < rest.len() && title.starts_with(char::is_uppercase))
        .then_some((value as u32, s.len() - title.len()))
}

/// Whether the clean text ([`super::lines::clean`]) of a title is empty, and whether it
/// starts with an uppercase letter. A title starting with an ASCII letter or digit (but
/// `o`, which may be a bullet) keeps that character first: cleaning takes off no line
/// start then, and removes only marks, struck parts after a mark, and spaces, and turns
/// only a `1` into another character (an `i`, not uppercase either).
fn clean_title_start(title: &str) -> (bool, bool) {
    match title.as_bytes().first() {
        Some(&b) if b.is_ascii_alphanumeric() && b != b'o' => (false, b.is_ascii_uppercase()),
        _ => {
            let clean = super::lines::clean(title).0;
            (
                clean.is_empty(),
                clean.starts_with(|c: char| c.is_uppercase()),
            )
        }
    }
}

/// Finds item starts: the most specific numbering the document uses, in increasing order
/// (lists inside items restart at 1 and are not items).
pub fn find_items(lines: &[Line]) -> Layout {
    let mut candidates: Vec<(usize, Style, (u32, u32), usize)> = Vec::new();
    // (line, number) of each number alone on its line
    let mut bare: Vec<(usize, (u32, u32))> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some((s, n, t)) = candidate(l) else {
            continue;
        };
        // "§ 4" over "§" alone: the heads of a roll call's columns of votes, one to a
        // line as a web page's table gives them
        if s == Style::Paragraph && is_bare(l, t) && lone_sign_follows(lines, i) {
            continue;
        }
        // "3." alone over "Läget i hemsjukvården", as a PDF's text may part a numbered
        // heading: an item only with a title on the next line
        if s != Style::Paragraph && is_bare(l, t) {
            if !title_follows(lines, i) {
                continue;
            }
            // (but "SN 67" alone, its body's abbreviation standing for the sign, is no
            // stray number)
            if body_before_number(&l.text) == 0 {
                bare.push((i, n));
            }
        }
        candidates.push((i, s, n, t));
    }
    // (and only where two such numbers rise, "1." … "2.": one alone is more likely a
    // stray number than the layout)
    if !bare.is_empty() && !bare.windows(2).any(|w| w[1].1 > w[0].1) {
        candidates.retain(|c| !bare.iter().any(|b| b.0 == c.0));
    }
    let count = |style: Style| candidates.iter().filter(|c| c.1 == style).count();
    let first = |style: Style| candidates.iter().find(|c| c.1 == style).map(|c| c.0);
    // ("1 Val av justerare" over "Beslut" over "1. Vivianne Gustavsson (PRO) utses …" and
    // "2. …": a decision's list numbers no items)
    let plain_count = std::cell::OnceCell::new();
    let plain = || {
        *plain_count.get_or_init(|| {
            candidates
                .iter()
                .filter(|c| {
                    c.1 == Style::Plain
                        && !in_decision_list(lines, c.0)
                        && !starts_decision_list(lines, c.0)
                })
                .count()
        })
    };
    let style = [Style::Heading, Style::Paragraph, Style::Word, Style::Tab]
        .into_iter()
        .find(|s| count(*s) >= 2)
        // (Roman numerals over lists numbered in digits: the items are those first)
        .or_else(|| {
            (count(Style::Roman) >= 2
                && first(Style::Plain).is_none_or(|p| first(Style::Roman) < Some(p)))
            .then_some(Style::Roman)
        })
        .or_else(|| (plain() < 2 && is_extract(lines, &candidates)).then_some(Style::Paragraph))
        .or_else(|| (plain() < 2 && count(Style::Spaced) >= 2).then_some(Style::Spaced))
        .or_else(|| {
            (plain() < 2 && count(Style::Spaced) < 2 && singles_follow(&candidates))
                .then_some(Style::Single)
        })
        .unwrap_or(Style::Plain);
    let mut starts: Vec<Start> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    let agenda_end = agenda_end(lines, &candidates, style);
    for (i, s, n, t) in candidates {
        if s != style || i < agenda_end {
            continue;
        }
        if let Some(prev) = last
            && (n <= prev || n.0 > prev.0 + 20)
        {
            continue;
        }
        if matches!(style, Style::Plain | Style::Single) && in_decision_list(lines, i) {
            continue;
        }
        last = Some(n);
        let number = number_text(n);
        starts.push(Start {
            line: i,
            number,
            style: s,
            title_at: t,
        });
    }
    if starts.is_empty() {
        let starts = unnumbered_headings(lines);
        if !starts.is_empty() {
            return Layout {
                numbered_in_order: Some(
                    "ärendena saknar nummer; rubrikerna har numrerats i ordning (1, 2, 3 …)",
                ),
                starts,
                agenda_times: None,
            };
        }
        let (starts, agenda_times) = timed_items(lines);
        return Layout {
            numbered_in_order: (!starts.is_empty()).then_some(
                "ärendena saknar nummer; dagordningens tider har numrerats i ordning (1, 2, 3 …)",
            ),
            starts,
            agenda_times,
        };
    }
    Layout {
        numbered_in_order: (style == Style::Roman)
            .then_some("ärendenas romerska nummer (I, II, III …) har skrivits med siffror"),
        starts,
        agenda_times: None,
    }
}

/// Items written as headings without numbers ("## Hemsjukvård – läget i kommunerna"), as
/// notes from word processors and web pages have them, when nothing numbers the items:
/// the headings of the highest level that holds two or more, numbered 1, 2, 3 … in
/// order. The document's title (its first line, or a heading naming its kind before the
/// first item: "## Protokoll från föregående möte" later is one) and the head's labels
/// ("## Närvarande") are no items, nor is a heading over the head's own
/// labels before the first item ("## Mötesinformation" over "Datum: …"); the items end
/// where the signatures or the attachments start. Only titles are items (a heading
/// starting with a capital), only when no heading carries an item's number (then the
/// numbers were damaged, and counting would give wrong ones), and only when the head
/// before them holds the meeting's date (a heading that swallowed the head is none).
fn unnumbered_headings(lines: &[Line]) -> Vec<Start> {
    let first = lines.iter().position(|l| !l.furniture && !l.is_blank());
    let mut headings: Vec<(usize, u8)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.heading == 0 || l.furniture || l.is_blank() || Some(i) == first {
            continue;
        }
        if is_end(l) || l.folded.starts_with("bilaga") {
            break;
        }
        if candidate(l).is_some() {
            return Vec::new();
        }
        if l.text.trim_start().starts_with(char::is_uppercase)
            && !super::header::is_label_as_written(&l.text)
            && !(headings.is_empty() && super::header::names_a_kind(&l.text))
        {
            headings.push((i, l.heading));
        }
    }
    let over_head_labels = |i: usize| {
        lines[i + 1..]
            .iter()
            .take_while(|l| l.heading == 0)
            .any(|l| !l.furniture && super::header::is_head_label(&l.text))
    };
    let lead = headings
        .iter()
        .take_while(|&&(i, _)| over_head_labels(i))
        .count();
    let headings = &headings[lead..];
    let Some(level) = (1..=6).find(|level| headings.iter().filter(|h| h.1 == *level).count() >= 2)
    else {
        return Vec::new();
    };
    let first_item = headings.iter().find(|h| h.1 == level).map_or(0, |h| h.0);
    if !lines[..first_item]
        .iter()
        .any(|l| !l.furniture && words::find_date(&l.text).is_some())
    {
        return Vec::new();
    }
    headings
        .iter()
        .filter(|h| h.1 == level)
        .enumerate()
        .map(|(k, &(line, _))| Start {
            line,
            number: (k + 1).to_string(),
            style: Style::Heading,
            // (the heading's marks are cleaned off with the title)
            title_at: 0,
        })
        .collect()
}

/// Items as an agenda's times ("09.15 Hemsjukvården – läget", "13.00–13.30 Utbildning
/// i SIP"), as the notes of networks and workshops have them, when nothing numbers the
/// items: the lines that start with a time and go on with a title, two or more, their
/// times rising, numbered 1, 2, 3 … in order. A time whose span holds the next one is
/// the meeting's ("13.00–16.00 Kommunhuset" over "13.00 Välkommen"), no item. As for
/// headings, only after the meeting's date, and the items end where the signatures or
/// the attachments start. With them, the first item's time and the last's end (see
/// [`Layout::agenda_times`]).
fn timed_items(lines: &[Line]) -> (Vec<Start>, Option<(Clock, Option<Clock>)>) {
    // (line, start, end, where the title starts in the raw line)
    let mut timed: Vec<(usize, Clock, Option<Clock>, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let digit = !l.furniture && l.text.starts_with(|c: char| c.is_ascii_digit());
        // (the raw line first: its spaces as written; then the clean text, for a time
        // in bold, after a bullet or after "kl.")
        let found = (digit || !l.furniture && l.text.starts_with(['k', 'K']))
            .then(|| time_then_title(l.raw, l.raw).or_else(|| time_then_title(&l.text, l.raw)))
            .flatten();
        if let Some((start, end, title_at)) = found {
            timed.push((i, start, end, title_at));
        } else if !digit && (is_end(l) || l.folded.starts_with("bilaga")) {
            break;
        }
    }
    let spans_next = |k: usize| {
        let (_, start, end, _) = timed[k];
        end.zip(timed.get(k + 1))
            .is_some_and(|(end, next)| next.1 <= start || next.1 < end)
    };
    let mut starts: Vec<Start> = Vec::new();
    let mut last: Option<Clock> = None;
    let (mut first_time, mut last_end) = (None, None);
    for (k, &(line, start, end, title_at)) in timed.iter().enumerate() {
        if spans_next(k) || last.is_some_and(|last| start <= last) {
            continue;
        }
        last = Some(start);
        first_time.get_or_insert(start);
        last_end = end;
        starts.push(Start {
            line,
            number: (starts.len() + 1).to_string(),
            style: Style::Plain,
            title_at,
        });
    }
    let dated_before = |first: usize| {
        lines[..first]
            .iter()
            .any(|l| !l.furniture && words::find_date(&l.text).is_some())
    };
    if starts.len() < 2 || !dated_before(starts[0].line) {
        return (Vec::new(), None);
    }
    (starts, first_time.map(|t| (t, last_end)))
}

/// A time at the start of a line's text (after "kl." if it has one), or a span of two,
/// then a title starting with a capital ("09.15 Hemsjukvården", "kl. 09.15–10.00:
/// Hemsjukvården"): the times and where the title starts in the raw line, which ends
/// as the text does or holds the title as written.
fn time_then_title(text: &str, raw: &str) -> Option<(Clock, Option<Clock>, usize)> {
    let t = text.trim_start();
    let t = ["kl. ", "kl ", "klockan "]
        .iter()
        .find_map(|k| {
            t.get(..k.len())
                .filter(|p| p.eq_ignore_ascii_case(k))
                .map(|_| &t[k.len()..])
        })
        .unwrap_or(t);
    // (a time with its minutes, "09.15" or "9:15", not a date's "19.4.2024")
    words::clock_at(t, 0, false)?;
    let (start, end, stop) = words::find_times(t)?;
    let rest = &t[stop..];
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim_start_matches([' ', '\t', '–', '-']);
    let letters = title.chars().take_while(|c| c.is_alphabetic()).count();
    // (a sentence after a time is a note of when something happened, not an agenda's
    // title: "Kl. 14.30 Mötet ajournerades."; nor is a label: "kl. 13.00 Beslut:")
    if !(title.starts_with(char::is_uppercase) && letters >= 2) || title.ends_with(['.', ':']) {
        return None;
    }
    // (the raw line ends as its clean text does, unless marks close it)
    let title_at = match raw.strip_suffix(title) {
        Some(before) => before.len(),
        None => raw.find(title)?,
    };
    Some((start, end, title_at))
}

/// Whether a candidate's line holds its number alone: nothing after `title_at`, or
/// only marks.
fn is_bare(l: &Line, title_at: usize) -> bool {
    l.raw.get(title_at..).is_none_or(|t| clean_title_start(t).0)
}

/// Whether the next line with text after line `i` is a paragraph sign alone ("§",
/// "§§").
fn lone_sign_follows(lines: &[Line], i: usize) -> bool {
    lines
        .iter()
        .skip(i + 1)
        .find(|l| !l.is_blank())
        .is_some_and(|l| matches!(l.text.trim_ends(), "§" | "§§"))
}

/// Whether the next line with text after line `i` (two blank lines between them at
/// most, as an HTML heading's end and the next one's start leave) can be a title, and
/// numbers no item of its own.
fn title_follows(lines: &[Line], i: usize) -> bool {
    lines
        .iter()
        .skip(i + 1)
        .take(3)
        .find(|l| !l.furniture && !l.is_blank())
        .is_some_and(|l| candidate(l).is_none() && title_line(l).is_some())
}

/// Where the items start again after an agenda that lists them first, one line each
/// ("Dagordning" over "1. Inledning", "2. Hemsjukvård", …, then "1. Inledning" with its
/// text): the line where the first is listed a second time, as it was (a table of
/// contents' leader and page number aside: "§ 41 Val av justerare ....... 2", and in a
/// table of contents its number alone will do); 0 when there is no such agenda.
fn agenda_end(
    lines: &[Line],
    candidates: &[(usize, Style, (u32, u32), usize)],
    style: Style,
) -> usize {
    // (line, number) of each start in the style
    let numbered: Vec<(usize, (u32, u32))> = candidates
        .iter()
        .filter(|c| c.1 == style)
        .map(|c| (c.0, c.2))
        .collect();
    // the list goes on while its numbers rise and only blank lines part them, or a
    // title's end in small letters ("§ 66 Översyn av … kommunala" over "bolagen ⇥ 6")
    let goes_on = |l: &Line| l.is_blank() || l.text.starts_with(char::is_lowercase);
    let listed = 1 + numbered
        .windows(2)
        .take_while(|w| {
            let between = &lines[w[0].0 + 1..w[1].0];
            w[1].1 > w[0].1
                && between.iter().all(goes_on)
                && between.iter().filter(|l| !l.is_blank()).count() <= 1
        })
        .count();
    let same = |a: usize, b: usize| {
        lines[numbered[a].0].text.trim_ends()
            == without_page_reference(lines[numbered[b].0].text.trim_ends())
    };
    // (and its first two are listed again as they were, one after the other: "1.
    // Inledning" and "2. Hemsjukvård" twice)
    // (or, in a table of contents, each line ends in its page number, and the first
    // number comes again: "§ 43 Överenskommelse … 3", then "§ 43 Dnr HSN 2024/112")
    // (the page number on its title's last line)
    let paged = |k: usize| {
        let at = numbered[k].0;
        let last = lines[at + 1..]
            .iter()
            .take_while(|l| !l.is_blank() && l.text.starts_with(char::is_lowercase))
            .last()
            .unwrap_or(&lines[at]);
        let text = last.text.trim_ends();
        without_page_reference(text).len() < text.len()
    };
    let contents = listed < numbered.len()
        && numbered[listed].1 == numbered[0].1
        && (0..listed).all(paged)
        && !paged(listed);
    // (or every number listed comes again, in the same order: "§ 75 Adjungering" to
    // "§ 79 …" listed, then "§ 75" over "Adjungering" with its text, and so on)
    let numbers_again = || {
        listed >= 3
            && numbered.len() >= 2 * listed
            && (0..listed).all(|k| numbered[listed + k].1 == numbered[k].1)
    };
    if listed >= 2
        && listed + 1 < numbered.len()
        && (contents || same(listed, 0) && same(listed + 1, 1) || numbers_again())
    {
        numbered[listed].0
    } else {
        0
    }
}

/// A table of contents' line without its page number and the leader before it
/// ("Val av justerare ........ 2", "Val av justerare … 2", "Val av justerare⇥2"); the
/// line itself when it ends otherwise.
pub(super) fn without_page_reference(line: &str) -> &str {
    let digits = line.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return line;
    }
    let before = &line[..line.len() - digits];
    let leader = before.trim_end_matches([' ', '.', '…', '\t']);
    let gone = &before[leader.len()..];
    let dotted = gone.matches('.').count() >= 3 || gone.contains('…');
    if leader.is_empty() || !(dotted || gone.contains('\t')) {
        return line;
    }
    leader
}

/// Whether line `i`, numbered like a plain item ("2. …"), is in a numbered list that a
/// decision marker introduces ("Beslut:" then "1. …", "2. …"): it reads as a decision
/// (a sentence, or lowercase), not a title; the lines from the list's "1." to it are
/// numbered, and the line before the "1." is a marker with no decision of its own.
fn in_decision_list(lines: &[Line], i: usize) -> bool {
    let numbered = |l: &Line| !l.is_blank() && enumerated(&l.text).is_some();
    let Some(own) = enumerated(&lines[i].text).map(str::trim_ends) else {
        return false;
    };
    if !(own.ends_with(['.', ',', ';']) || own.starts_with(char::is_lowercase)) {
        return false;
    }
    let mut first = i;
    while first > 0 && numbered(&lines[first - 1]) {
        first -= 1;
    }
    if first == i || !lines[first].text.trim_start().starts_with("1") {
        return false;
    }
    let Some(before) = lines[..first].iter().rev().find(|l| !l.is_blank()) else {
        return false;
    };
    let opens_list = |rest: &str| rest.is_empty() || rest.ends_with(':');
    decision_marker(before).is_some_and(|rest| opens_list(&rest))
        || before.bullet.is_none()
            && before.heading == 0
            && (inline_marker(&before.text).is_some_and(|rest| opens_list(&rest))
                || leads_into_decisions(&before.text))
}

/// Whether a line ends by leading into the decisions listed under it: "Arbetsutskottet
/// föreslår kommunstyrelsen besluta" over "1. Anteckna …" and "2. Översända …".
fn leads_into_decisions(text: &str) -> bool {
    ends_deciding(text.trim_ends().trim_end_matches(':').trim_ends(), true)
}

/// Whether a text ends with the verb of a body deciding, in any case of its ASCII letters
/// ("Nämnden beslutar", "Styrelsen beslöt"); with `infinitive`, also "besluta" ("…
/// föreslår kommunstyrelsen besluta").
fn ends_deciding(t: &str, infinitive: bool) -> bool {
    let b = t.as_bytes();
    let ends =
        |w: &str| b.len() > w.len() && b[b.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes());
    ends(" beslutar") || ends(" beslutade") || ends(" beslöt") || infinitive && ends(" besluta")
}

/// Whether line `i` is the "1." of a list that a decision marker opens ("Beslut" over "1.
/// Vivianne Gustavsson (PRO) utses att justera protokollet." over "2. …"), which
/// [`in_decision_list`] does not judge, being the list's first.
fn starts_decision_list(lines: &[Line], i: usize) -> bool {
    let Some(own) = enumerated(&lines[i].text).map(str::trim_ends) else {
        return false;
    };
    if !lines[i].text.trim_start().starts_with('1')
        || !(own.ends_with(['.', ',', ';']) || own.starts_with(char::is_lowercase))
    {
        return false;
    }
    let next_numbered = lines[i + 1..]
        .iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| enumerated(&l.text).is_some());
    let Some(before) = lines[..i].iter().rev().find(|l| !l.is_blank()) else {
        return false;
    };
    next_numbered
        && (decision_marker(before).is_some_and(|rest| rest.is_empty() || rest.ends_with(':'))
            || before.bullet.is_none() && before.heading == 0 && leads_into_decisions(&before.text))
}

/// Whether two numbers without a mark ([`Style::Single`]) follow one another among the
/// candidates ("106 Val av justerare" … "107 Dagordning"): one alone, or numbers that
/// jump, are more likely numbers in the text than the layout.
fn singles_follow(candidates: &[(usize, Style, (u32, u32), usize)]) -> bool {
    let mut singles = candidates.iter().filter(|c| c.1 == Style::Single);
    let Some(mut last) = singles.next() else {
        return false;
    };
    for c in singles {
        if c.2 == (last.2.0 + 1, 0) && last.2.1 == 0 {
            return true;
        }
        last = c;
    }
    false
}

/// Whether the items are those of an extract of one paragraph ("Protokollsutdrag …
/// § 12"): a single "§", after the meeting's date, and not followed by another "§".
fn is_extract(lines: &[Line], candidates: &[(usize, Style, (u32, u32), usize)]) -> bool {
    let mut paragraphs = candidates.iter().filter(|c| c.1 == Style::Paragraph);
    let (Some(&(at, _, _, title_at)), None) = (paragraphs.next(), paragraphs.next()) else {
        return false;
    };
    let rest = lines[at].raw.get(title_at..).unwrap_or("").trim_start();
    !rest.starts_with('§')
        && lines[..at]
            .iter()
            .any(|l| !l.furniture && super::words::find_date(&l.text).is_some())
}

const END_MARKERS: &[&str] = &[
    "vid protokollet",
    "vid anteckningarna",
    "justeras",
    "underskrifter",
    "signaturer",
    "bilaga",
    "bilagor",
    "verifikat",
    "signeringsbevis",
    "signaturbevis",
    "signerat av",
    "elektroniskt signerad",
    "elektroniskt undertecknad",
    "signeringssida",
    "transaktion ",
    // an extract's attestation: "Rätt utdraget betygar", "Utdraget bestyrks"
    "ratt utdraget",
    "utdraget bestyrk",
    // the sign-off of minutes sent as an e-mail
    "med vanliga halsningar",
    "vanliga halsningar",
    "mvh",
];
/// The end markers that start a signing service's statement, which may be longer than
/// other end lines (the other markers are in [`END_MARKERS`]).
const SIGNING_STATEMENTS: &[&str] = &[
    "detta dokument har",
    "dokumentet har signerats",
    "dokumentet ar signerat",
    "dokumentet ar elektroniskt",
    "detta dokument ar elektroniskt",
];
const END_LABELS: &[&str] = &[
    "ordforande",
    "sekreterare",
    "antecknare",
    "justerare",
    "justerande",
    "justerat",
    "justeringsperson",
    "antecknat av",
    "vid pennan",
    "vid tangenterna",
];

/// Whether folded `f` is an end label, written out or abbreviated as beside a line to
/// sign on ("ordf", "just", "sekr": each starts with a byte of a written-out label).
fn is_end_label(f: &str) -> bool {
    END_LABELS.contains(&f) || super::signatures::abbreviated_role(f).is_some()
}

/// Starts of a line that ends the items when it holds a date: "Justerat 2024-05-28"
/// above the signatures, "Protokollet justerat digitalt 2024-10-25." below them.
const END_DATED: &[&str] = &["justerat", "protokollet justera"];

/// The first bytes of the end markers, labels and dated ends: a line starting otherwise
/// is none.
const END_FIRST_BYTES: [bool; 256] = {
    let (markers, statements, labels, dated) = (
        first_bytes(END_MARKERS),
        first_bytes(SIGNING_STATEMENTS),
        first_bytes(END_LABELS),
        first_bytes(END_DATED),
    );
    let mut all = [false; 256];
    let mut i = 0;
    while i < 256 {
        all[i] = markers[i] || statements[i] || labels[i] || dated[i];
        i += 1;
    }
    all
};

/// Whether folded `f` starts with an end marker or a signing service's statement.
fn is_end_marker(f: &str) -> bool {
    starts_with_any(f, END_MARKERS) || starts_with_any(f, SIGNING_STATEMENTS)
}

fn starts_with_any(f: &str, starts: &[&str]) -> bool {
    starts.iter().any(|m| f.starts_with(m))
}

fn is_end(l: &Line) -> bool {
    if l.furniture {
        return false;
    }
    let t = l.text.trim_ends();
    // (a rule of underscores or dots: both are ASCII, counted as bytes)
    if t.bytes().filter(|b| *b == b'_' || *b == b'.').count() >= 8
        && t.chars().filter(|c| c.is_alphabetic()).count() < 3
    {
        return true;
    }
    if !words::at_most_chars(t, 60) {
        // a signing service's statement may be longer: "Detta dokument har signerats
        // elektroniskt med Comfact Signature." (not "Detta dokument har skickats på
        // remiss …" in an item's text)
        return words::at_most_chars(t, 160)
            && starts_with_any(&l.folded, SIGNING_STATEMENTS)
            && (words::holds!(l.folded, "signer") || words::holds!(l.folded, "underteckn"));
    }
    // (a label may have a line to sign on after it: "Sekr. ______________")
    let f = l.folded.trim_ends().trim_end_matches(['_', ':', '.', ' ']);
    // (every marker and label starts with a byte of the table, "justerat" too)
    if !may_start(f, &END_FIRST_BYTES) {
        return false;
    }
    is_end_marker(f)
        || is_end_label(f)
        || are_end_labels_side_by_side(l, f)
        || END_DATED.iter().any(|m| f.starts_with(m)) && words::find_date(t).is_some()
}

/// Whether line `p` of the last item's lines ends it: an end ([`is_end`]); a sign-off
/// ("/Lars") with nothing after it; or a line that names who took the notes, as notes
/// close: "Antecknat av Maria Holm", or written as the head's label ("Antecknare: Eva
/// Lind", "Sekreterare ⇥ Eva Lind") with no item and no decision after it before the end
/// (a list of who attended may follow), for a copy of the head's label over the items
/// ends nothing. (Before the first item such a line is a label of the head.)
fn ends_last_item(last: &[Line], p: usize) -> bool {
    let l = &last[p];
    if is_end(l) {
        return true;
    }
    if l.furniture {
        return false;
    }
    let (t, after) = (l.text.trim_ends(), &last[p + 1..]);
    if is_sign_off(t) {
        return after.iter().all(|l| l.furniture || l.is_blank());
    }
    // "Peder Westberg" over "Ordförande": the first signer named over their role, where
    // the signers all are (the last line a role under a name: in the paper style, a role
    // over each name, the last line is a name)
    // (a name's shape first: a capital, a space, no full stop at the end)
    if t.starts_with(char::is_uppercase)
        && words::has_byte(t, b' ')
        && !t.ends_with(['.', ':'])
        && words::at_most_chars(t, 40)
        && after
            .iter()
            .find(|l| !l.is_blank() && !l.furniture)
            .is_some_and(is_end)
        && words::is_person_name(t)
    {
        let mut signing = after.iter().rev().filter(|l| !l.is_blank() && !l.furniture);
        if let (Some(role), Some(name)) = (signing.next(), signing.next())
            && is_end(role)
            && words::is_person_name(name.text.trim_ends())
        {
            return true;
        }
    }
    super::signatures::note_taker(t).is_some()
        && words::at_most_chars(t, 80)
        && (!(words::has_byte(t, b':') || words::has_byte(t, b'\t') || t.contains("  "))
            || !after
                .iter()
                .take_while(|l| !is_end(l))
                .any(|l| words::holds!(l.folded, "beslut") || candidate(l).is_some()))
}

/// Whether a line signs notes off as their writer does: a slash and a first name, or a
/// name of up to three words ("/Lars", "/Eva-Lena Holm").
fn is_sign_off(t: &str) -> bool {
    let Some(name) = t.strip_prefix('/') else {
        return false;
    };
    // (each word, and each part of a double name, a capital and small letters)
    let capitalised = |part: &str| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let words: Vec<&str> = name.trim_start().split(' ').collect();
    words.len() <= 3 && words.iter().all(|w| w.split('-').all(capitalised))
}

/// "Ordförande ⇥ Justerare" over the names or under them: two or more end labels in
/// columns, between tabs or laid out with spaces.
fn are_end_labels_side_by_side(l: &Line, f: &str) -> bool {
    end_labels_side_by_side(l, f) >= 2
}

/// How many end labels a line (folded `f`) holds side by side and nothing else, or 0.
fn end_labels_side_by_side(l: &Line, f: &str) -> usize {
    if words::has_byte(f, b'\t') {
        return labels_only(words::split_byte(f, b'\t'));
    }
    if !l.has_cells() {
        return 0;
    }
    let cells: Vec<String> = l.cells().iter().map(|c| words::fold(c)).collect();
    labels_only(cells.iter().map(String::as_str))
}

/// How many columns there are if each is an end label or empty (each perhaps with a line
/// to sign on after it: "ordf. ______"), or 0.
fn labels_only<'s>(columns: impl Iterator<Item = &'s str>) -> usize {
    let mut count = 0;
    for c in columns {
        let c = c.trim_ends().trim_end_matches(['_', '.', ' ', ':']);
        if c.is_empty() {
            continue;
        }
        if !is_end_label(c) {
            return 0;
        }
        count += 1;
    }
    count
}

/// Where the signatures begin when the items end at a row of labels (`at`): at the row of
/// names over it, one for each label ("Karin Lund ⇥ Peter Holm" over "Ordförande ⇥
/// Justerare", or "Karin Lund" over "Ordförande"), or at the labels.
fn names_over_labels(lines: &[Line], at: usize) -> usize {
    let labels = label_count(&lines[at]);
    if labels == 0 {
        return at;
    }
    // (labels over names read the other way: "Ordförande" over "Eva Lund" over
    // "Justerare" over "Mats Olsson", a row of names after each row of labels)
    let rows: Vec<&Line> = lines[at..]
        .iter()
        .filter(|l| !l.furniture && !l.is_blank())
        .collect();
    let mut k = 0;
    while k + 1 < rows.len() && label_count(rows[k]) > 0 && names_a_person(rows[k + 1]) {
        k += 2;
    }
    if k > 0 && rows.get(k).is_none_or(|r| label_count(r) == 0) {
        return at;
    }
    match lines[..at]
        .iter()
        .rposition(|l| !l.furniture && !l.is_blank())
    {
        Some(above) if names_in_row(&lines[above]) == labels => above,
        _ => at,
    }
}

/// How many end labels a line holds, alone or side by side, and nothing else.
fn label_count(l: &Line) -> usize {
    let f = l.folded.trim_ends().trim_end_matches(['_', ':', '.', ' ']);
    if is_end_label(f) {
        1
    } else {
        end_labels_side_by_side(l, f)
    }
}

/// Whether a line names people only, in any case: "Bo Eriksson", "BO ERIKSSON".
fn names_a_person(l: &Line) -> bool {
    if names_in_row(l) > 0 {
        return true;
    }
    let t = l.text.trim_ends();
    if t.chars().any(char::is_lowercase) || !words::at_most_chars(t, 60) {
        return false;
    }
    // (each word with its first letter kept and the others lowercased)
    let title_cased: String = t
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_string() + &words::lowercase(chars.as_str())
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let line = Line {
        text: std::borrow::Cow::Owned(title_cased.clone()),
        raw: "",
        folded: words::fold(&title_cased),
        ..l.clone()
    };
    names_in_row(&line) > 0
}

/// How many people a line names, alone or side by side ("Karin Lund ⇥ Peter Holm"), if
/// it names people only; 0 if not. A name with two spaces in it ("Bo  Eriksson") is one.
fn names_in_row(l: &Line) -> usize {
    let is_name = |n: &str| !n.contains(',') && words::is_person_name(n);
    // (no word of the items' or the end's: "Informationsärende Underskrifter")
    if !words::at_most_chars(&l.text, 120)
        || l.folded
            .split([' ', '\t'])
            .any(|w| w.ends_with("arende") || END_MARKERS.iter().any(|m| w.starts_with(m)))
    {
        return 0;
    }
    let cells = l.cells();
    if cells.iter().all(|c| is_name(c)) {
        cells.len()
    } else {
        usize::from(is_name(l.text.trim_ends()))
    }
}

/// Where the lines of signers that end the document begin: each "Name, role" alone or in
/// columns ("Helena Ström, sekreterare ⇥ Birgitta Ek, ordförande") with no heading over
/// them, and nothing but blank lines and page furniture among and after them.
fn signers_at_end(lines: &[Line]) -> Option<usize> {
    let mut first = None;
    // (from the end: the first line of another kind ends the search)
    for (i, l) in lines.iter().enumerate().rev() {
        if l.furniture || l.is_blank() {
            continue;
        }
        if !super::signatures::is_signer_line(&l.text) {
            break;
        }
        first = Some(i);
    }
    first
}

/// Reads every item; returns them and the line where the trailer (signatures,
/// attachments) begins.
pub fn read_items(
    lines: &[Line],
    layout: &Layout,
    warnings: &mut Vec<String>,
) -> (Vec<Item>, usize) {
    let mut items = Vec::with_capacity(layout.starts.len());
    let mut trailer = lines.len();
    for (k, start) in layout.starts.iter().enumerate() {
        let mut end = layout
            .starts
            .get(k + 1)
            .map(|s| s.line)
            .unwrap_or(lines.len());
        if k + 1 == layout.starts.len()
            && let Some(e) = {
                let last = &lines[start.line + 1..end];
                let marked = (0..last.len())
                    .find(|&p| ends_last_item(last, p))
                    .map(|p| names_over_labels(last, p));
                // (signers after the last item without a heading over them)
                marked
                    .into_iter()
                    .chain(signers_at_end(last))
                    .min()
                    .map(|p| start.line + 1 + p)
            }
        {
            end = e;
            trailer = e;
            let rest: Vec<&Line> = lines[e..]
                .iter()
                .filter(|l| !l.furniture && !l.is_blank())
                .collect();
            if rest.iter().any(|l| l.folded.starts_with("bilaga")) {
                warnings.push("bilagor efter protokollets slut lästes inte som ärenden".to_owned());
            }
        }
        items.push(read_item(
            &lines[start.line],
            start,
            &lines[start.line + 1..end],
            warnings,
        ));
    }
    if layout.starts.is_empty() {
        trailer = lines.iter().position(is_end).unwrap_or(lines.len());
    }
    kinds_of_groups(&mut items);
    let first = layout.starts.first().map_or(0, |s| s.line);
    kinds_of_headings(&lines[..first], &mut items);
    (items, trailer)
}

/// "Informationsärenden" over the items it heads, "Beslutsärenden" over the next: each
/// item under such a heading is of its kind unless it names its own (under another
/// group's heading, "Anmälningsärenden", of none). The heading stands at the end of the
/// item before (or of the head), and is no part of its text.
fn kinds_of_headings(head: &[Line], items: &mut [Item]) {
    let mut kind = head
        .iter()
        .rev()
        .find(|l| !l.is_blank() && !l.furniture)
        .and_then(|l| group_heading(&l.text))
        .flatten();
    for item in items.iter_mut() {
        if let Some(k) = kind {
            item.kind.get_or_insert(k);
        }
        // (the last line looked at, and only where it could be one: most end otherwise,
        // and such a heading is short: its line starts within the last 48 bytes)
        let text = item.text.trim_ends();
        if !text.ends_with(['n', 'N', ':']) {
            continue;
        }
        let mut tail = text.len().saturating_sub(48);
        while !text.is_char_boundary(tail) {
            tail += 1;
        }
        let last_at = match text[tail..].rfind('\n') {
            Some(p) => tail + p + 1,
            None if tail == 0 => 0,
            None => continue,
        };
        if let Some(k) = group_heading(&text[last_at..]) {
            kind = k;
            let kept = text[..last_at].trim_ends().len();
            item.text.truncate(kept);
        }
    }
}

/// A heading of a group of items, and the kind it names: "Informationsärenden",
/// "BESLUTSÄRENDEN:"; `Some(None)` for a group of no kind, "Anmälningsärenden", "Övriga
/// ärenden".
fn group_heading(text: &str) -> Option<Option<ItemKind>> {
    let t = text.trim_ends().trim_end_matches([':', ' ']);
    if !words::at_most_chars(t, 30) {
        return None;
    }
    let f = fold(t);
    Some(match f.as_str() {
        "informationsarenden" => Some(ItemKind::Informationsarende),
        "beslutsarenden" => Some(ItemKind::Beslutsarende),
        "beredningsarenden" => Some(ItemKind::Beredningsarende),
        _ if f.ends_with("arenden")
            && f.split(' ').count() <= 2
            && f.chars().all(|c| c.is_alphabetic() || c == ' ') =>
        {
            None
        }
        _ => return None,
    })
}

/// "2. Informationsärenden" over "2a. …", "2b. …" (or "2.1", "2.2"): the group's kind is
/// that of each part that names none.
fn kinds_of_groups(items: &mut [Item]) {
    let mut group: Option<(String, ItemKind)> = None;
    for item in items.iter_mut() {
        if let Some((number, kind)) = &group
            && let Some(part) = item.number.strip_prefix(number.as_str())
            && (part.starts_with('.') || part.starts_with(|c: char| c.is_ascii_lowercase()))
        {
            item.kind.get_or_insert(*kind);
            continue;
        }
        // (a group's title is short and ends in "ärenden")
        group = None;
        if item.title.len() <= 24
            && let Some(kind) = group_kind(&item.title)
        {
            item.kind.get_or_insert(kind);
            group = Some((item.number.clone(), kind));
        }
    }
}

/// The kind of items a group's title names: "Informationsärenden", "Beslutsärenden",
/// "Beredningsärenden" (also in capitals, with a colon).
fn group_kind(title: &str) -> Option<ItemKind> {
    match fold(title).trim_end_matches([':', '.', ' ']) {
        "informationsarenden" | "informationspunkter" => Some(ItemKind::Informationsarende),
        "beslutsarenden" | "beslutspunkter" => Some(ItemKind::Beslutsarende),
        "beredningsarenden" => Some(ItemKind::Beredningsarende),
        _ => None,
    }
}

fn kind_marker(f: &str) -> Option<ItemKind> {
    let f = f
        .trim_ends()
        .trim_matches(['(', ')', ':', '*', '-', '–', ' ', '.']);
    // "Ärendetyp: Beslutsärende", as a form of fields names it
    let f = match f.strip_prefix("arendetyp: ") {
        Some(kind) if kind.ends_with("arende") => kind,
        _ => f,
    };
    match f {
        "beslutsarende" | "beslutspunkt" | "for beslut" | "beslut" | "arendetyp: beslut" => {
            Some(ItemKind::Beslutsarende)
        }
        "informationsarende"
        | "informationspunkt"
        | "information"
        | "for information"
        | "info"
        | "arendetyp: information" => Some(ItemKind::Informationsarende),
        "beredningsarende"
        | "beredning"
        | "for beredning"
        | "beredningspunkt"
        | "arendetyp: beredning" => Some(ItemKind::Beredningsarende),
        _ => None,
    }
}

/// The kind named at the start of a text line, before a full stop, colon or dash:
/// "Informationsärende. Antalet …", "Beslutsärende: Nämnden …" (folded).
fn kind_lead(f: &str) -> Option<ItemKind> {
    if !f.starts_with(['b', 'i']) {
        return None;
    }
    [
        ("beslutsarende", ItemKind::Beslutsarende),
        ("informationsarende", ItemKind::Informationsarende),
        ("beredningsarende", ItemKind::Beredningsarende),
    ]
    .into_iter()
    .find(|(w, _)| {
        f.strip_prefix(w).is_some_and(|rest| {
            [". ", ": ", " – ", " - "]
                .iter()
                .any(|s| rest.starts_with(s))
        })
    })
    .map(|(_, k)| k)
}

/// Takes a kind marker off the end of a title: "(Informationspunkt)", "- informationspunkt".
fn strip_kind(title: &str) -> (String, Option<ItemKind>) {
    let t = title.trim_ends();
    if let Some(open) = t.rfind('(')
        && t.ends_with(')')
        && let Some(k) = kind_marker(&fold(&t[open..]))
    {
        let rest = format!("{} {}", &t[..open], "").trim_ends().to_owned();
        return (rest, Some(k));
    }
    for sep in [" - ", " – ", ", ", ": "] {
        if let Some(pos) = rfind_separator(t, sep)
            && let Some(k) = kind_marker(&fold(&t[pos + sep.len()..]))
        {
            return (t[..pos].trim_ends().to_owned(), Some(k));
        }
    }
    for sep in [": ", " - ", " – "] {
        if has_separator_mark(t, sep)
            && let Some(pos) = t.find(sep)
            && let Some(k) = kind_marker(&fold(&t[..pos]))
        {
            return (t[pos + sep.len()..].trim_ends().to_owned(), Some(k));
        }
    }
    (t.to_owned(), None)
}

/// Whether `t` has the first byte of the separator's mark (`-`, `–`, `,` or `:`), a fast
/// byte search that rules out most titles before the search for the separator.
fn has_separator_mark(t: &str, sep: &str) -> bool {
    sep.trim_ends()
        .as_bytes()
        .first()
        .is_none_or(|mark| t.as_bytes().contains(mark))
}

/// `t.rfind(sep)` after [`has_separator_mark`].
fn rfind_separator(t: &str, sep: &str) -> Option<usize> {
    if has_separator_mark(t, sep) {
        t.rfind(sep)
    } else {
        None
    }
}

/// A title without the full stop that ends it as a sentence ("Mötets öppnande."): after
/// a small letter ending a word of four letters or more that is no abbreviation
/// ("forts.", "bl.a.", "m.m." keep theirs).
fn without_full_stop(title: &str) -> Option<&str> {
    let t = title.strip_suffix('.')?;
    let last = words::rfind_byte(t, b' ').map_or(t, |at| &t[at + 1..]);
    (last.chars().nth(3).is_some()
        && last.chars().all(char::is_alphabetic)
        && t.ends_with(char::is_lowercase)
        && !["forts", "inkl", "resp", "exkl"].contains(&last))
    .then_some(t)
}

fn tidy_title(t: &str) -> String {
    t.trim_ends()
        .trim_end_matches([',', ':', ';', '-', '–', ' '])
        .trim_ends()
        .to_owned()
}

/// Presenters at the end of a heading: ", Anna Berg och Per Ek", "(Anna Berg)".
fn split_presenters(title: &str) -> (String, Vec<String>) {
    let t = title.trim_ends();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && let Some(names) = words::split_names(&t[open + 1..t.len() - 1])
    {
        return (tidy_title(&t[..open]), names);
    }
    for sep in [", ", " – ", " - "] {
        if let Some(pos) = rfind_separator(t, sep) {
            let head = &t[..pos];
            if head.trim_ends().is_empty() {
                continue;
            }
            let tail = &t[pos + sep.len()..];
            // "Siv Liedström och Lennart Wittberg" or "Anna Berg, Per Ek"
            if let Some(names) = words::split_names(tail) {
                // take further comma-separated names before it
                let mut names = names;
                let mut head = head.to_owned();
                if sep == ", " {
                    while let Some(p) = head.rfind(", ") {
                        match words::split_names(&head[p + 2..]) {
                            Some(more) if p > 0 => {
                                let mut all = more;
                                all.extend(names);
                                names = all;
                                head.truncate(p);
                            }
                            _ => break,
                        }
                    }
                }
                return (tidy_title(&head), names);
            }
        }
    }
    (tidy_title(t), Vec::new())
}

/// Splits a run-together line ("Fastställande av dagordning Dagordningen fastställs.")
/// where a new sentence starts; `None` if it does not look run together.
fn split_run_together(c: &str) -> Option<(String, String)> {
    let mut prev_end: Option<char> = None;
    for (pos, tok) in token_positions(c) {
        if let Some(pe) = prev_end {
            let first = tok.chars().next().unwrap_or(' ');
            let acronym = tok
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            if first.is_uppercase() && !acronym && (pe.is_lowercase() || pe == ',') {
                let title = tidy_title(&c[..pos]);
                let rest = c[pos..].trim_ends().to_owned();
                if !title.is_empty() && rest.split_whitespace().count() >= 2 {
                    return Some((title, rest));
                }
            }
        }
        prev_end = tok.chars().last();
    }
    None
}

fn token_positions(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    s.split(' ').filter_map(move |t| {
        let here = pos;
        pos += t.len() + 1;
        (!t.is_empty()).then_some((here, t))
    })
}

fn read_item(line: &Line, start: &Start, body: &[Line], warnings: &mut Vec<String>) -> Item {
    let raw_title = line.raw.get(start.title_at..).unwrap_or("");
    let mut presenters = Vec::new();
    let mut lead_text = String::new();
    let title;
    if let Some(i_start) = words::finder!(ITALIC_START_TEXT).find(raw_title.as_bytes()) {
        let before = super::lines::clean(&raw_title[..i_start]).0;
        let after_start = &raw_title[i_start + ITALIC_START.len_utf8()..];
        let (italic, after) = match after_start.find(ITALIC_END) {
            Some(e) => (&after_start[..e], &after_start[e + ITALIC_END.len_utf8()..]),
            None => (after_start, ""),
        };
        let italic = super::lines::clean(italic).0;
        let after = super::lines::clean(after).0;
        let (first_sentence, rest_italic) = match words::finder!(". ").find(italic.as_bytes()) {
            Some(p) => (&italic[..p], italic[p + 2..].trim_ends()),
            None => (&*italic, ""),
        };
        match words::split_names(first_sentence) {
            Some(names) => {
                presenters = names;
                lead_text = [rest_italic, &*after]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            None => {
                lead_text = [&*italic, &*after]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        }
        title = if before.trim_ends().is_empty() {
            tidy_title(&italic)
        } else {
            tidy_title(&before)
        };
    } else {
        let c = super::lines::clean(raw_title).0.replace('\t', " ");
        if start.style == Style::Heading || (words::at_most_chars(&c, 150) && !c.ends_with('.')) {
            let (t, p) = split_presenters(&c);
            title = t;
            presenters = p;
        } else if let Some((t, rest)) = split_run_together(&c) {
            title = t;
            lead_text = rest;
        } else {
            title = tidy_title(&c);
        }
    }
    // "§ 14" alone, or "§ 12 Dnr SN 2024/45", with the title on the next line ("§ 88"
    // over "Dnr SN 2024/301" over the title: on the line after next)
    // ("Sn § 50 ⇥ Au § 84" over "Sn § 34 ⇥ Au § 57 ⇥ Dnr 2016/123" over the title: the
    // paragraphs of the same matter in the working committee and before, no title)
    let mut title = title;
    let mut body = body;
    let mut references = String::new();
    for _ in 0..3 {
        if !lead_text.is_empty()
            || !(title.is_empty()
                || is_registration_number(&title)
                || is_paragraph_reference(&title))
        {
            break;
        }
        let Some(k) = body.iter().position(|l| !l.furniture && !l.is_blank()) else {
            break;
        };
        if is_paragraph_reference(&body[k].text) {
            references.push_str(&body[k].text.trim_ends().replace('\t', " "));
            references.push('\n');
            body = &body[k + 1..];
            continue;
        }
        let Some(next) = title_line(&body[k]) else {
            break;
        };
        lead_text = std::mem::replace(&mut title, next);
        body = &body[k + 1..];
    }
    if !references.is_empty() {
        lead_text = if lead_text.is_empty() {
            references.trim_ends().to_owned()
        } else {
            format!("{lead_text}\n{}", references.trim_ends())
        };
    }
    // "§ 24 Hemsjukvård i ordinärt boende, Dnr ÄN 2024/8": the number goes to the text
    if lead_text.is_empty()
        && let Some((t, number)) = split_registration_number(&title)
    {
        lead_text = number.to_owned();
        title = t.to_owned();
    }
    // "§ 2 Information om hemsjuk-" over "vårdens utveckling": a word broken at the end of
    // the line ("Hälso-" over "och sjukvård" keeps its dash)
    if lead_text.is_empty()
        && raw_title
            .trim_ends()
            .strip_suffix('-')
            .is_some_and(|r| r.ends_with(char::is_alphabetic))
        && let stem = title.trim_end_matches(['-', ' '])
        && !stem.is_empty()
        && let Some(next) = body.first().filter(|l| !l.furniture)
        && next.text.starts_with(char::is_lowercase)
        && words::at_most_chars(&next.text, 80)
    {
        let next = next.text.trim_ends();
        title = if ["och ", "eller ", "samt "]
            .iter()
            .any(|w| next.starts_with(w))
        {
            format!("{stem}- {next}")
        } else {
            format!("{stem}{next}")
        };
        body = &body[1..];
    }
    // "Översyn av ägardirektiv och bolagsordning i de helägda kommunala" over "bolagen"
    // and a blank line: a title broken after a word in small letters goes on with a
    // few words in small letters alone on the next line
    // (a long title, as one the line's width broke; the words letters only, and not
    // "att" or a word of a decision)
    // (the line under it looked at first: most start otherwise)
    if let Some(next) = body.first().filter(|l| !l.furniture)
        && next.text.starts_with(char::is_lowercase)
        && next.bullet.is_none()
        && next.heading == 0
        && title.ends_with(char::is_lowercase)
        && !words::at_most_chars(&title, 40)
        && title
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().all(char::is_lowercase))
        && words::at_most_chars(&next.text, 60)
        && next.text.split(' ').count() <= 6
        && next
            .text
            .trim_ends()
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && !next
            .text
            .split(' ')
            .any(|w| w == "att" || w.starts_with("beslut"))
        && body.get(1).is_none_or(|l| l.is_blank() || l.furniture)
    {
        title = format!("{title} {}", next.text.trim_ends());
        body = &body[1..];
    }
    let (mut title, mut kind) = strip_kind(&title);
    if let Some(pos) = words::finder!("foredragande").find(fold(&title).as_bytes()) {
        // "Budget 2025. Föredragande: Anna Berg"
        if title.is_char_boundary(pos) {
            let (t, f) = title.split_at(pos);
            let names = f
                .split_once([':', ' '])
                .map(|x| x.1)
                .and_then(words::split_names);
            if let Some(names) = names {
                presenters.extend(names);
                title = tidy_title(t.trim_end_matches(['.', ' ']));
            }
        }
    }
    // "1. Mötets öppnande.": a sentence's full stop is no part of the title
    if let Some(t) = without_full_stop(&title) {
        title = t.to_owned();
    }
    if !words::at_most_chars(&title, 200) {
        warnings.push(format!(
            "ärende {}: mycket lång rubrik, kortad",
            start.number
        ));
        title = title.chars().take(200).collect();
    }

    let mut text_lines: Vec<&Line> = Vec::new();
    for l in body {
        if l.furniture {
            continue;
        }
        let f = &l.folded;
        if words::at_most_chars(&l.text, 40)
            && let Some(k) = kind_marker(f)
            && !f.starts_with("beslut:")
            && f.trim_end_matches([':', '*', ' ']) != "beslut"
        {
            kind.get_or_insert(k);
            continue;
        }
        if kind.is_none() {
            // "Informationsärende. Antalet SIP-möten har ökat …": the kind, and the text
            kind = kind_lead(f);
        }
        if let Some(rest) = presenter_label(l) {
            match words::split_names(&rest) {
                Some(names) => presenters.extend(names),
                None => {
                    if let Some(n) = super::header::name_prefix(&rest) {
                        presenters.push(n);
                    }
                }
            }
            continue;
        }
        text_lines.push(l);
    }
    let lead_line = Line::plain(line.no, &lead_text, std::borrow::Cow::Borrowed(&lead_text));
    let mut scan: Vec<&Line> = Vec::with_capacity(text_lines.len() + 1);
    if !lead_text.is_empty() {
        scan.push(&lead_line);
    }
    scan.extend(text_lines.iter().copied());
    let decisions = read_decisions(&scan, &start.number, warnings);
    let mut text = lead_text;
    let mut blank = false;
    for l in &text_lines {
        if l.is_blank() {
            blank = true;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        if l.bullet.is_some() {
            text.push_str("- ");
        }
        push_untabbed(&mut text, &l.text);
    }
    Item {
        number: start.number.clone(),
        title,
        presenters,
        kind,
        decisions,
        text,
    }
}

/// Appends `s` with its tabs as spaces.
fn push_untabbed(out: &mut String, s: &str) {
    if !words::has_byte(s, b'\t') {
        out.push_str(s);
        return;
    }
    let mut parts = s.split('\t');
    out.push_str(parts.next().unwrap_or(""));
    for part in parts {
        out.push(' ');
        out.push_str(part);
    }
}

const PRESENTER_LABELS: [&str; 8] = [
    "foredragande",
    "foredragshallare",
    "presentator",
    "presenteras av",
    "dragning av",
    // (with its colon: "Dragning om läget" is text)
    "dragning:",
    "ansvarig",
    "fororedragande",
];

/// The names after a presenter label ("Föredragande: Anna Berg") on a line.
fn presenter_label(l: &Line) -> Option<String> {
    // The labels are short, so the line's folded start tells whether one begins it.
    let start = l.folded.trim_start();
    if !PRESENTER_LABELS
        .iter()
        .any(|label| start.starts_with(label))
    {
        return None;
    }
    let t = l.text.trim_ends();
    let f = fold(t);
    for label in PRESENTER_LABELS {
        if let Some(rest) = f.strip_prefix(label)
            && (rest.starts_with([':', ' ']) || rest.is_empty())
        {
            let n = t.chars().count() - rest.chars().count();
            let start = t.char_indices().nth(n).map(|(i, _)| i).unwrap_or(t.len());
            return Some(
                t[start..]
                    .trim_start_matches([':', ' '])
                    .trim_ends()
                    .to_owned(),
            );
        }
    }
    None
}

/// The decision marker at the start of a line and what follows it on the line:
/// "Beslut:", "**Beslut:**", "Beslutas:", "Chefsgruppens beslut:", a heading "Beslut".
fn decision_marker(l: &Line) -> Option<String> {
    let t = l.text.trim_ends();
    // Only a colon among the first 41 bytes ends a key.
    let colon = t.as_bytes()[..t.len().min(41)]
        .iter()
        .position(|&b| b == b':');
    let (key, rest) = match colon {
        Some(p) => (&t[..p], t[p + 1..].trim_ends()),
        None => {
            // (20 characters are 20 to 80 bytes)
            if t.len() <= 20 || (t.len() <= 80 && t.chars().count() <= 20) {
                (t.trim_end_matches('.'), "")
            } else if is_genitive_heading(t) {
                // "Socialnämndens beslut", "Kommunstyrelsens beslut": a heading of its
                // own, longer than 20 characters
                (t, "")
            } else if is_proposal_to_the_council(t) {
                return Some(String::new());
            } else {
                // "Beslut Rådet beslutar att …" with the colon lost
                let (first, rest) = t.split_once(' ')?;
                // (a word folding to six letters has at most six, of at most four bytes,
                // and only a b folds to b)
                if first.len() <= 24 && first.starts_with(['b', 'B']) && fold(first) == "beslut" {
                    if rest.starts_with(|c: char| c.is_uppercase()) {
                        return Some(rest.to_owned());
                    }
                    // "Beslut – rutinen godkänns.": a dash for the colon
                    if let Some(after) = rest.strip_prefix(['–', '-', '—'])
                        && after.starts_with(' ')
                        && !after.trim_start().is_empty()
                    {
                        return Some(after.trim_start().to_owned());
                    }
                    // "Beslut enligt förslag.": the sentence is the decision, as
                    // "Nämnden beslutar enligt förslag." is
                    if rest.starts_with("enligt ") {
                        return Some(t.to_owned());
                    }
                }
                return None;
            }
        }
    };
    let k = fold(key);
    let k = k.trim_ends();
    (may_be_decision_key(k) && is_decision_key(k)).then(|| rest.to_owned())
}

/// Whether an item's title is only its registration number: "Dnr SN 2024/45",
/// "Diarienummer: KS 2023/112", "SN 2024/45".
pub(super) fn is_registration_number(title: &str) -> bool {
    // (every such word starts with a d, and only a d folds to a d)
    if title.starts_with(['D', 'd']) {
        let f = fold(super::markup::prefix(title, 16));
        if ["dnr", "diarienr", "diarienummer"].iter().any(|p| {
            f.strip_prefix(p)
                .is_some_and(|r| !r.starts_with(|c: char| c.is_alphabetic()))
        }) {
            return true;
        }
    }
    let is_series =
        |s: &str| (1..=6).contains(&s.chars().count()) && s.chars().all(char::is_uppercase);
    let is_number = |n: &str| {
        n.split_once(['/', '-', '.', ':'])
            .is_some_and(|(a, b)| words::is_number(a) && words::is_number(b))
    };
    // "KS/2018:298 - 001": the series joined to its number by a slash, and the class of
    // the archive's plan after a dash
    // (the series looked at first: most titles have no slash, or words before it)
    if let Some(slash) = words::find_byte(title, b'/')
        && is_series(&title[..slash])
    {
        let number = &title[slash + 1..];
        let number = number
            .rsplit_once(" - ")
            .filter(|(_, class)| {
                (1..=4).contains(&class.len()) && class.bytes().all(|b| b.is_ascii_digit())
            })
            .map_or(number, |(number, _)| number);
        if !number.contains(' ') && is_number(number) {
            return true;
        }
    }
    // a few capitals, then a year or number, a slash or dash and a number
    let mut parts = title.split_whitespace();
    let (Some(series), Some(number), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    is_series(series) && is_number(number)
}

/// Whether a text is only references to paragraphs of this or another body's protocols,
/// perhaps with a registration number: "Au § 84", "Sn § 34 ⇥ Au § 57 ⇥ Dnr 2016/123",
/// "KSAU §§ 12-13".
fn is_paragraph_reference(t: &str) -> bool {
    if !t.contains('§') {
        return false;
    }
    let mut bodies = 0;
    let all = t.split([' ', '\t']).filter(|w| !w.is_empty()).all(|w| {
        let abbreviation = (2..=5).contains(&w.chars().count())
            && w.starts_with(char::is_uppercase)
            && w.chars().all(char::is_alphabetic)
            && !w.eq_ignore_ascii_case("och");
        bodies += usize::from(abbreviation);
        abbreviation
            || w == "§"
            || w == "§§"
            || w.eq_ignore_ascii_case("dnr")
            || w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | ',' | '/' | ':'))
    });
    all && bodies > 0
}

/// A title with its registration number before or after it ("Hemsjukvård, Dnr ÄN
/// 2024/8", "Riktlinje (ÄN 2024/11)", "(Dnr ÄN 2024/5) Val av justerare"): the title
/// and the number. Without "Dnr" the number must start with a year, and public series
/// ("SOU 2024:12", "SFS 2017:612") are part of the title.
fn split_registration_number(title: &str) -> Option<(&str, &str)> {
    let t = title.trim_ends();
    // ("Revidering av avtalet. Dnr KS 2012-105.": the sentences' full stops)
    let t = match t.strip_suffix('.') {
        Some(r) if r.ends_with(|c: char| c.is_ascii_digit()) => r,
        _ => t,
    };
    let (number, rest) = if let Some(inner) = t.strip_prefix('(') {
        let (number, rest) = inner.split_once(')')?;
        (number.trim_ends(), rest)
    } else if t.ends_with(|c: char| c.is_ascii_digit()) {
        // "…, Dnr ÄN 2024/8", "…  Dnr ÄN 2024/8" or "… ÄN 2024/8" (a title ending in
        // a number of two parts)
        let last = &t[t.rfind(' ').map_or(0, |s| s + 1)..];
        if !last
            .split_once(['/', '-', '.', ':'])
            .is_some_and(|(a, b)| words::is_number(a) && words::is_number(b))
        {
            return None;
        }
        let at = [
            "Dnr ",
            "dnr ",
            "DNR ",
            "Dnr: ",
            "Diarienr ",
            "Diarienummer ",
            "diarienr ",
            "diarienummer ",
        ]
        .iter()
        .filter_map(|w| t.rfind(w))
        .max()
        .or_else(|| {
            let series_end = t.rfind(' ')?;
            t[..series_end].rfind(' ').map(|s| s + 1)
        })?;
        (&t[at..], &t[..at])
    } else if let Some(inner) = t.strip_suffix(')') {
        let open = inner.rfind('(')?;
        (inner[open + 1..].trim_ends(), &t[..open])
    } else {
        return None;
    };
    let title = rest.trim_matches([' ', ',', '–', '-', ';']);
    // (a word's full stop, not an abbreviation's: "m.m." keeps its own)
    let title = match title.strip_suffix('.') {
        Some(t)
            if t.rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic)) =>
        {
            t
        }
        _ => title,
    };
    let dnr = ["dnr", "diarie"].iter().any(|w| {
        number
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w))
    });
    let dated = || {
        number.split_whitespace().nth(1).is_some_and(|n| {
            n.len() > 5 && n.starts_with("20") && n.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        })
    };
    let public = [
        "SOU ", "SFS ", "Ds ", "DS ", "Prop. ", "Prop ", "HSLF-FS ", "SOSFS ",
    ]
    .iter()
    .any(|s| number.starts_with(s));
    (number.len() <= 40
        && !title.is_empty()
        && is_registration_number(number)
        && (dnr || dated() && !public))
        .then_some((title, number))
}

/// The title on the line after an item's number, if `l` can be one: short, no sentence,
/// no label (nor one starting like a presenter's), marker or bullet.
fn title_line(l: &Line) -> Option<String> {
    let t = l.text.trim_ends();
    // "Rubrik: Godkännande av dagordning" under "Ärende: 1", as a form of fields has it
    let t = title_label_value(t).unwrap_or(t);
    let can_be = l.bullet.is_none()
        && words::at_most_chars(t, 150)
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', ':', ','])
        && !colon_outside_brackets(t)
        && !words::has_byte(t, b'\t')
        && decision_marker(l).is_none()
        && kind_marker(&l.folded).is_none()
        && !PRESENTER_LABELS.iter().any(|p| l.folded.starts_with(p));
    can_be.then(|| tidy_title(t))
}

/// Whether a text has a colon that is not inside brackets: "Beslut: …" has, "Överenskommelse
/// om hemsjukvård (SÄN/2025:12)" has not (its case's number).
fn colon_outside_brackets(t: &str) -> bool {
    if !words::has_byte(t, b':') {
        return false;
    }
    let mut depth = 0usize;
    t.bytes().any(|b| {
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        b == b':' && depth == 0
    })
}

/// The value of a title's label: "Rubrik: Budget", "Ärenderubrik: Budget" give "Budget".
fn title_label_value(t: &str) -> Option<&str> {
    // (each label ends with "rubrik": "Rubrik", "Ärenderubrik")
    let colon = words::find_byte(t, b':')?;
    if !(6..=14).contains(&colon) || !fold(&t[..colon]).ends_with("rubrik") {
        return None;
    }
    Some(t[colon + 1..].trim_ends()).filter(|v| !v.is_empty())
}

/// Whether a line without a colon of up to 48 characters is two or three words, all but
/// the last genitives: "Kommunstyrelsens beslut", "Kommunstyrelsens arbetsutskotts
/// beslut" (whether the last is "beslut" is for [`is_decision_key`]).
fn is_genitive_heading(t: &str) -> bool {
    // (a heading that is a decision key ends in "beslut", in any case: most lines do not)
    let b = t.as_bytes();
    if b.len() > 4 * 48
        || !b
            .len()
            .checked_sub(6)
            .is_some_and(|s| b[s..].eq_ignore_ascii_case(b"beslut"))
        || !words::at_most_chars(t, 48)
    {
        return false;
    }
    let mut words = t.split_whitespace();
    let last = words.next_back();
    let mut count = usize::from(last.is_some());
    // ("Hälso- och sjukvårdsnämndens beslut": the first half of a compound and its
    // "och" belong to the genitive after them)
    let mut compound = false;
    let mut after_dash = false;
    for w in words {
        count += 1;
        if after_dash && w == "och" {
            after_dash = false;
            continue;
        }
        after_dash = false;
        if w.ends_with('-') {
            (after_dash, compound) = (true, true);
            continue;
        }
        // ("ARBETSUTSKOTTETS BESLUT" in capitals too)
        if !w.ends_with(['s', 'S']) {
            return false;
        }
    }
    (2..=3).contains(&count) || compound && count <= 5
}

/// Whether a line is the heading of what a board proposes to the council,
/// "Kommunstyrelsens förslag till kommunfullmäktige": its decision in that matter (the
/// council decides later), unlike "Förvaltningens förslag till beslut".
fn is_proposal_to_the_council(t: &str) -> bool {
    // (such a heading ends in "fullmäktige", in any case: most lines do not)
    let b = t.as_bytes();
    if !b
        .len()
        .checked_sub(5)
        .is_some_and(|s| b[s..].eq_ignore_ascii_case(b"ktige"))
        || !words::at_most_chars(t, 60)
    {
        return false;
    }
    let f = fold(t);
    let Some((who, to)) = f.split_once(" forslag till ") else {
        return false;
    };
    to.ends_with("fullmaktige")
        && !to.contains(' ')
        && who.ends_with('s')
        && who.split(' ').count() <= 4
}

/// Whether folded `k` can be a decision key at all: every key holds "beslut" or is one
/// edit from it (five to seven letters). Rules out most keys before
/// [`is_decision_key`] looks at them.
fn may_be_decision_key(k: &str) -> bool {
    words::holds!(k, "beslut") || (5..=7).contains(&k.chars().count())
}

/// Whether folded `k` ends a decision marker's key: "Beslut", "Beslutas", "Rådets
/// beslut", tolerant of OCR damage, but not "Förslag till beslut".
fn is_decision_key(k: &str) -> bool {
    if k.contains("forslag") || k.contains("underlag") {
        return false;
    }
    let words_n = k.split_whitespace().count();
    words::fuzzy_eq(k, "beslut")
        || [
            "beslutas",
            "beslutade",
            "beslutet",
            "beslutsformulering",
            "beslut fattas",
            "beslutades",
            "beslutat",
            "beslut/atgard",
            "beslut/atgarder",
            "beslut och atgard",
            "beslut och atgarder",
        ]
        .contains(&k)
        // "Följande beslut fattades:" over a list
        || k.ends_with("beslut fattades") && words_n <= 4
        || ((words_n <= 3 || words_n <= 5 && k.contains("- och "))
            && (k.ends_with("s beslut") || k.ends_with("ets beslut")))
}

/// "… beslutar att:" / "… beslutar:" ending a line (a list follows), or "X beslutade att Y."
/// inside a sentence (the decision is Y).
fn inline_marker(text: &str) -> Option<String> {
    // (one search rules out most lines: both stems hold "esl")
    let stem_at = |p: usize| {
        let after = &text.as_bytes()[p + "esl".len()..];
        after.starts_with(b"ut") || after.starts_with("öt".as_bytes())
    };
    if !words::finder!("esl")
        .find_iter(text.as_bytes())
        .any(stem_at)
    {
        return None;
    }
    // Swedish text (no character from U+0100 on) keeps every byte in place when it is
    // lowercased, and what is ASCII there was ASCII here: its ASCII lowercase has the
    // ASCII markers where its lowercase has them, and a marker with "ö" is checked on the
    // text under it, lowercased (it starts with a space, so it is lowercased as in place).
    // (every byte looked at, without stopping early, so that many are looked at at once)
    let swedish = !text.bytes().fold(false, |seen, b| seen | (b >= 0xC4));
    let lower = if swedish {
        text.to_ascii_lowercase()
    } else {
        words::lowercase_in_place(text)?
    };
    let marker_at = |p: usize, m: &str| {
        if swedish && !m.is_ascii() {
            text.get(p..p + m.len())
                .is_some_and(|w| words::lowercase(w) == m)
        } else {
            lower[p..].starts_with(m)
        }
    };
    inline_marker_in(text, &lower, marker_at)
}

/// [`inline_marker`] of `text`, with `lower` a lowercase of it that has " besl" and the
/// start "beslutas att " where its lowercase has them, and `marker_at` telling whether its
/// lowercase has a marker at a place.
fn inline_marker_in(
    text: &str,
    lower: &str,
    marker_at: impl Fn(usize, &str) -> bool,
) -> Option<String> {
    // Every marker starts with " besl": find those places once, then try the markers
    // in order at them (the same as searching the text for each marker in turn).
    let places: Vec<usize> = words::finder!(" besl")
        .find_iter(lower.as_bytes())
        .collect();
    for m in [
        " beslutar att",
        " beslutades att",
        " beslutade att",
        " beslöts att",
        " beslöt att",
        " beslutet blev att",
        " beslutar",
        " beslutade",
        " beslöt",
    ] {
        if let Some(pos) = places.iter().copied().find(|&p| marker_at(p, m)) {
            let after = &text[pos + m.len()..];
            if after.trim_ends() == ":" || after.trim_ends().is_empty() && m.ends_with("att") {
                return Some(String::new());
            }
            if m.ends_with("att") && after.starts_with(' ') {
                let rest = after.trim_ends();
                let end = sentence_end(rest);
                return Some(rest[..end].trim_ends().to_owned());
            }
            if after.trim_start().starts_with(':') {
                return Some(after.trim_start()[1..].trim_ends().to_owned());
            }
        }
    }
    // "Styrgruppen beslutade enhälligt att …": a word on how between the verb and "att"
    // (on the lowercase: these words are ASCII but "därför", "även" whose "ä" is in
    // place there too)
    for &p in &places {
        let after_verb = [" beslutar ", " beslutade ", " beslöt "]
            .iter()
            .find_map(|m| lower[p..].strip_prefix(m));
        if let Some(rest) = after_verb
            && let Some((adverb, then)) = rest.split_once(' ')
            && HOW.contains(&adverb)
            && let Some(decision) = then.strip_prefix("att ")
        {
            let decision = &text[text.len() - decision.len()..];
            let decision = decision.trim_ends();
            return Some(decision[..sentence_end(decision)].trim_ends().to_owned());
        }
    }
    // "Arbetsutskottet beslutar enligt förslag.": the sentence is the decision
    // (on the lowercase, without lowercasing each place for the "ö": a capital "Ö" there
    // is not looked for)
    if let Some(pos) = places.iter().copied().find(|&p| {
        [" beslutar enligt ", " beslutade enligt ", " beslöt enligt "]
            .iter()
            .any(|m| lower.as_bytes()[p..].starts_with(m.as_bytes()))
    }) {
        let start = text[..pos].rfind(". ").map_or(0, |i| i + 2);
        let end = pos + sentence_end(&text[pos..]);
        return Some(text[start..end].trim_ends().to_owned());
    }
    let places: Vec<usize> = if text.contains(". Beslut") {
        text.match_indices(". Beslut").map(|(i, _)| i).collect()
    } else {
        Vec::new()
    };
    for m in [". Beslut: ", ". Beslutas: ", ". Beslut. "] {
        if let Some(pos) = places.iter().copied().find(|&p| text[p..].starts_with(m)) {
            let rest = text[pos + m.len()..].trim_ends();
            return Some(rest[..sentence_end(rest)].trim_ends().to_owned());
        }
    }
    // "Beslutas att …", "Beslutades att …", "Beslöts att …", "Beslutet blev att …" opening
    // the line
    for m in [
        "beslutas att ",
        "beslutades att ",
        "beslöts att ",
        "beslutet blev att ",
    ] {
        if let Some(rest) = lower.strip_prefix(m) {
            let rest = &text[text.len() - rest.len()..];
            return Some(rest[..sentence_end(rest)].trim_ends().to_owned());
        }
        // ("Beslutades att" alone over a list)
        if let Some(rest) = lower.trim_ends().strip_prefix(m.trim_end())
            && (rest.is_empty() || rest == ":")
        {
            return Some(String::new());
        }
    }
    None
}

/// Words on how a decision was taken, between "beslutade" and "att" (lowercase).
const HOW: &[&str] = &[
    "enhälligt",
    "enigt",
    "gemensamt",
    "också",
    "även",
    "vidare",
    "dessutom",
    "därför",
    "därmed",
    "slutligen",
];

/// Words before "om att" that make it an agreement: "Gruppen enades om att …", "Vi är
/// överens om att …", "Mötet var enigt om att …" (folded).
const AGREEING: &[&str] = &[
    "enades", "enas", "enats", "overens", "eniga", "enigt", "enig", "ense",
];

/// Whether the two words before "om att" (folded, the last first) say a decision was
/// taken: "fattade beslut", "tog beslut", "beslut fattades", "beslut togs".
fn decision_taken(last: Option<&str>, before_last: Option<&str>) -> bool {
    const TAKING: &[&str] = &["fattade", "fattar", "fattat", "tog", "tar", "tagit"];
    const TAKEN: &[&str] = &["fattades", "fattats", "togs", "tagits"];
    match (last, before_last) {
        (Some("beslut"), Some(verb)) => TAKING.contains(&verb),
        (Some(verb), Some("beslut")) => TAKEN.contains(&verb),
        _ => false,
    }
}

/// An agreement written as such, the group's decision, as minutes of working groups
/// write them: "Gruppen enades om att ta fram en rutin." (the decision is what follows
/// "att"), "Efter diskussion enades gruppen om att …", "Överenskoms att nästa möte hålls
/// 2024-11-12."; an empty text when a list follows ("Gruppen enades om att:").
fn agreement(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let finder = words::finder!(" att");
    let mut from = 0;
    // (every form has "att" after "om" or "överenskom(s)": one search for " att", and
    // the words before each found looked at)
    let agreed_at = loop {
        let p = from + finder.find(&b[from..])?;
        from = p + 1;
        let before = &b[..p];
        let agreed = if before.ends_with(b" om") {
            // one of the two words before "om" ("enades om att", "enades gruppen om att"),
            // or a decision taken ("fattade beslut om att", "beslut togs om att")
            let mut two = text[..p - " om".len()]
                .split_whitespace()
                .rev()
                .take(2)
                .map(|w| w.trim_end_matches([',', '.']))
                .filter(|w| w.len() <= 12)
                .map(fold);
            let (last, before_last) = (two.next(), two.next());
            [&last, &before_last]
                .iter()
                .any(|w| w.as_deref().is_some_and(|w| AGREEING.contains(&w)))
                || decision_taken(last.as_deref(), before_last.as_deref())
        } else {
            // "Överenskoms att", "Det överenskoms att", "överenskom att"
            before.ends_with(b"verenskoms") || before.ends_with(b"verenskom")
        };
        if agreed {
            break p + " att".len();
        }
    };
    let rest = &text[agreed_at..];
    if rest.trim_ends().is_empty() || rest.trim_ends() == ":" {
        return Some(String::new());
    }
    let rest = rest.strip_prefix(' ')?.trim_ends();
    Some(rest[..sentence_end(rest)].trim_ends().to_owned())
}

fn sentence_end(s: &str) -> usize {
    let b = s.as_bytes();
    for (i, c) in s.char_indices() {
        if c == '.' {
            let next = s[i + 1..].chars().next();
            let after = s[i + 1..].trim_start().chars().next();
            if next.is_none() || (next == Some(' ') && after.is_some_and(char::is_uppercase)) {
                return i + 1;
            }
        }
    }
    b.len()
}

fn is_list_line(l: &Line) -> bool {
    l.bullet.is_some() || enumerated(&l.text).is_some()
}

/// "1. text", "1) text", "a) text" → the text.
pub(super) fn enumerated(t: &str) -> Option<&str> {
    let t = t.trim_start();
    let mut chars = t.char_indices();
    let (_, c0) = chars.next()?;
    let body_at = if c0.is_ascii_digit() {
        let (end, _) = t.char_indices().find(|(_, c)| !c.is_ascii_digit())?;
        if end > 2 {
            return None;
        }
        let rest = &t[end..];
        if rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\t") {
            end + 2
        } else {
            return None;
        }
    } else if c0.is_ascii_lowercase() && t[1..].starts_with(") ") {
        3
    } else {
        return None;
    };
    Some(t[body_at..].trim_ends())
}

fn list_text(l: &Line) -> String {
    let t = l.text.trim_ends();
    enumerated(t).unwrap_or(t).replace('\t', " ")
}

fn starts_with_att(t: &str) -> bool {
    let f = t.trim_start();
    f.starts_with("att ") || f.starts_with("Att ")
}

/// Decisions after a marker: the list (every bullet, sub-bullets folded into their
/// parent), the "att …" paragraphs, or else the next paragraph. Returns the next index.
fn collect_after(lines: &[&Line], mut i: usize, out: &mut Vec<String>) -> usize {
    let n = lines.len();
    while i < n && lines[i].is_blank() {
        i += 1;
    }
    if i >= n || lines[i].heading > 0 && decision_marker(lines[i]).is_none() {
        return i;
    }
    if is_list_line(lines[i]) {
        let base = lines[i].bullet.unwrap_or(0);
        let mut last_top: Option<usize> = None;
        while i < n {
            let l = lines[i];
            if l.is_blank() {
                // a list may have blank lines between bullets
                let next = (i + 1..n).find(|&j| !lines[j].is_blank());
                match next {
                    Some(j) if is_list_line(lines[j]) => {
                        i = j;
                        continue;
                    }
                    _ => break,
                }
            }
            if decision_marker(l).is_some() || l.heading > 0 || is_section_heading(l) {
                break;
            }
            if is_list_line(l) {
                let depth = l.bullet.unwrap_or(base);
                let text = list_text(l);
                match (depth > base, last_top) {
                    (true, Some(idx)) => {
                        let d: &mut String = &mut out[idx];
                        if d.ends_with(':') {
                            d.push(' ');
                        } else {
                            d.push_str("; ");
                        }
                        d.push_str(&text);
                    }
                    _ => {
                        out.push(tidy_decision(&text));
                        last_top = Some(out.len() - 1);
                    }
                }
            } else if let Some(idx) = last_top {
                // a wrapped bullet line
                out[idx].push(' ');
                out[idx].push_str(l.text.trim_ends());
            } else {
                break;
            }
            i += 1;
        }
        return i;
    }
    // Paragraphs: "att …" lines each start a decision (after an intro such as
    // "Rådet beslutar"), otherwise the next paragraph is the decision.
    let in_paragraph = |l: &Line| {
        !l.is_blank()
            && !is_list_line(l)
            && l.heading == 0
            && decision_marker(l).is_none()
            && !is_section_heading(l)
    };
    let mut block: Vec<&Line> = Vec::new();
    let mut j = i;
    loop {
        while j < n && in_paragraph(lines[j]) {
            block.push(lines[j]);
            j += 1;
        }
        // A further paragraph continues the decision only if it is another "att" (one
        // the loop above takes, so that every round moves on).
        let mut k = j;
        while k < n && lines[k].is_blank() {
            k += 1;
        }
        if k < n
            && !block.is_empty()
            && in_paragraph(lines[k])
            && starts_with_att(&lines[k].text)
            && block.iter().any(|l| starts_with_att(&l.text))
        {
            j = k;
            continue;
        }
        break;
    }
    if block.is_empty() {
        return i;
    }
    let first_att = block.iter().position(|l| starts_with_att(&l.text));
    match first_att {
        Some(a) => {
            let intro = join_lines(&block[..a]);
            if !intro.is_empty() && !is_intro(&intro) {
                out.push(tidy_decision(&intro));
            }
            let mut current = String::new();
            for l in &block[a..] {
                if starts_with_att(&l.text) && !current.is_empty() {
                    out.push(tidy_decision(&current));
                    current.clear();
                }
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(l.text.trim_ends());
            }
            if !current.is_empty() {
                out.push(tidy_decision(&current));
            }
            j
        }
        None => {
            let text = join_lines(&block);
            if text.ends_with(':') || is_intro(&text) {
                return collect_after(lines, j, out);
            }
            // "Arbetsutskottet föreslår kommunstyrelsen besluta" over "1. Anteckna …":
            // the lead-in kept, as before "att" lines, and the list's points after it
            if leads_into_decisions(&text)
                && lines[j..]
                    .iter()
                    .find(|l| !l.is_blank())
                    .is_some_and(|l| is_list_line(l))
            {
                out.push(tidy_decision(&text));
                return collect_after(lines, j, out);
            }
            // "Direktionen beslutar att godkänna …" over "Direktionen beslutar att
            // översända …", in paragraphs of their own under the marker: each is a
            // decision as written, as the first is
            let said_to_decide = |l: &Line| inline_marker(&l.text).is_some();
            out.push(tidy_decision(&text));
            if !block.first().is_some_and(|l| said_to_decide(l)) {
                return j;
            }
            while let Some(k) = (j..n).find(|&k| !lines[k].is_blank())
                && in_paragraph(lines[k])
                && said_to_decide(lines[k])
            {
                let end = (k..n).find(|&e| !in_paragraph(lines[e])).unwrap_or(n);
                out.push(tidy_decision(&join_lines(&lines[k..end])));
                j = end;
            }
            j
        }
    }
}

fn join_lines(lines: &[&Line]) -> String {
    lines
        .iter()
        .map(|l| l.text.trim_ends())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Regionala samverkansrådet beslutar", "Chefsgruppen beslutar att:": introduces the
/// decisions that follow.
fn is_intro(t: &str) -> bool {
    let f = t.trim_ends().trim_end_matches([':', ' ']);
    let f = words::lowercase(f);
    [
        "beslutar",
        "beslutar att",
        "beslutade",
        "beslutade att",
        "beslöt",
        "beslöt att",
        "föreslår",
        "föreslås besluta",
        "beslutas",
    ]
    .iter()
    .any(|m| f.ends_with(m))
}

/// A decision without list punctuation at its end ("godkänna uppföljningen," → "godkänna
/// uppföljningen").
fn tidy_decision(t: &str) -> String {
    let t = t.trim_ends();
    // ("… med förslag. _____": the rule that closes a paragraph is no part of it)
    let t = match t.strip_suffix("___") {
        Some(r) => r.trim_end_matches('_').trim_end(),
        None => t,
    };
    let mut s = t.trim_end_matches([',', ';']).trim_end().to_owned();
    for tail in [" samt", " och"] {
        if s.ends_with(tail) {
            s.truncate(s.len() - tail.len());
        }
    }
    s
}

/// The headings of a committee's item that follow or frame its decision (folded, in
/// byte order): the decision ends where one starts.
const SECTION_HEADINGS: &[&str] = &[
    "arendebeskrivning",
    "bakgrund",
    "beslutet delges",
    "beslutet expedieras till",
    "beslutet ska skickas till",
    "beslutet skickas till",
    "beslutsunderlag",
    "expedieras",
    "expedieras till",
    "jav",
    "omrostning",
    "propositionsordning",
    "protokollsanteckning",
    "reservation",
    "reservationer",
    "sammanfattning",
    "sammanfattning av arendet",
    "sandlista",
    "skickas till",
    "yrkande",
    "yrkanden",
];

/// The letters [`SECTION_HEADINGS`] start with.
const SECTION_FIRST_LETTERS: &[u8] = b"besaypjro";

/// Whether a line is one of [`SECTION_HEADINGS`], alone or before a colon.
fn is_section_heading(l: &Line) -> bool {
    let f = l.folded.trim_ends();
    let Some(&first) = f.as_bytes().first() else {
        return false;
    };
    if f.len() > 60 || !SECTION_FIRST_LETTERS.contains(&first) {
        return false;
    }
    // (the headings starting with the line's first letter, found in their order)
    let from = SECTION_HEADINGS.partition_point(|h| h.as_bytes()[0] < first);
    SECTION_HEADINGS[from..]
        .iter()
        .take_while(|h| h.as_bytes()[0] == first)
        .any(|h| {
            f.strip_prefix(h)
                .is_some_and(|r| r.is_empty() || r.starts_with(':'))
        })
}

/// Whether line `i` is a short intro without a colon ("Nämnden beslutar", "Styrelsen
/// beslutade") followed by a list or an "att" line, which are its decisions.
fn is_short_intro(lines: &[&Line], i: usize) -> bool {
    let t = lines[i].text.trim_ends();
    if !ends_deciding(t, false) || t.split_whitespace().nth(5).is_some() {
        return false;
    }
    lines[i + 1..]
        .iter()
        .find(|l| !l.is_blank())
        .is_some_and(|l| is_list_line(l) || starts_with_att(&l.text))
}

/// Whether a section heading heads the matter's history ("Bakgrund", "Sammanfattning av
/// ärendet"), where what a body decided before is told.
fn is_background(heading: &Line) -> bool {
    [
        "arendebeskrivning",
        "bakgrund",
        "beslutsunderlag",
        "sammanfattning",
    ]
    .iter()
    .any(|h| heading.folded.trim_start().starts_with(h))
}

fn read_decisions(lines: &[&Line], number: &str, warnings: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    // (after decisions under their marker, "Kommunstyrelsen beslöt enligt § 6/12 att
    // godkänna avtalet" under "Sammanfattning av ärendet" tells of an earlier decision)
    let mut marked = false;
    let mut in_background = false;
    while i < lines.len() {
        let l = lines[i];
        if marked && l.bullet.is_none() && is_section_heading(l) {
            in_background = is_background(l);
        }
        if let Some(rest) = decision_marker(l) {
            in_background = false;
            let before = out.len();
            let mut next = i + 1;
            if !rest.is_empty() && !rest.ends_with(':') && !is_intro(&rest) {
                let mut text = rest;
                while next < lines.len()
                    && !lines[next].is_blank()
                    && !is_list_line(lines[next])
                    && lines[next].heading == 0
                    && decision_marker(lines[next]).is_none()
                    && !starts_with_att(&lines[next].text)
                    && !is_section_heading(lines[next])
                {
                    text.push(' ');
                    text.push_str(lines[next].text.trim_ends());
                    next += 1;
                }
                out.push(tidy_decision(&text));
            } else if let Some(inline) = inline_marker(&rest).filter(|s| !s.is_empty()) {
                out.push(inline);
            } else {
                next = collect_after(lines, i + 1, &mut out);
                if out.len() == before && !rest.is_empty() {
                    out.push(rest.trim_end_matches(':').to_owned());
                }
            }
            if out.len() == before {
                warnings.push(format!("ärende {number}: \"Beslut\" utan beslutstext"));
            }
            marked |= out.len() > before;
            i = next.max(i + 1);
            continue;
        }
        // (a short intro, "Nämnden beslutar", is a marker with its list after it)
        if l.bullet.is_none()
            && l.heading == 0
            && let Some(after) = if is_short_intro(lines, i) {
                Some(String::new())
            } else {
                inline_marker(&l.text)
                    .or_else(|| agreement(&l.text))
                    // (in the history, a sentence that goes on after its marker tells of
                    // an earlier decision; a marker over a list is still this one's)
                    .filter(|after| !in_background || after.is_empty() || after.ends_with(':'))
            }
        {
            if after.is_empty() || after.ends_with(':') {
                let before = out.len();
                let next = collect_after(lines, i + 1, &mut out);
                if out.len() > before {
                    i = next.max(i + 1);
                    continue;
                }
            } else {
                out.push(after);
            }
        }
        i += 1;
    }
    out.retain(|d| !d.trim_ends().is_empty());
    // (a tab between columns is a space in a decision's sentence)
    for d in &mut out {
        if words::has_byte(d, b'\t') {
            *d = d.replace('\t', " ");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_numbered_with_its_year_starts_an_item_and_a_date_does_not() {
        for (line, number) in [
            ("§ 23/2024", (23, 0)),
            ("§ 23/2024 Val av justerare", (23, 0)),
            ("§ 24/24  Dnr SN 2024/31", (24, 0)),
            ("SN § 25/2024 Budget", (25, 0)),
        ] {
            assert_eq!(
                candidate_in(line).map(|c| (c.0, c.1)),
                Some((Style::Paragraph, number)),
                "{line}"
            );
        }
        // (a year of three digits is none, and without the sign "12/3" is a date)
        for line in ["§ 23/202 Budget", "12/3 Möte med regionen", "§ 23/2024b"] {
            assert_eq!(candidate_in(line), None, "{line}");
        }
    }

    #[test]
    fn a_dash_a_part_of_one_digit_or_pkt_marks_a_number_as_an_items() {
        for (line, number) in [
            ("3 – Hemsjukvård", (3, 0)),
            ("3 - Hemsjukvård", (3, 0)),
            ("3 — Hemsjukvård", (3, 0)),
            ("3.0 Hemsjukvård", (3, 0)),
            ("2.1 Läget i kommunerna", (2, 1)),
            ("Pkt 4 Övrigt", (4, 0)),
            ("Pkt. 4 Övrigt", (4, 0)),
            ("1:Mötet öppnas", (1, 0)),
            ("2.Val av justerare", (2, 0)),
            ("3)Övrigt", (3, 0)),
            ("§4:Budget", (4, 0)),
        ] {
            assert_eq!(candidate_in(line).map(|c| c.1), Some(number), "{line}");
        }
        // a time, a number in a sentence, a dash before no title
        for line in [
            "09.15 Välkommen",
            "10.15 Paus",
            "3 personer deltog",
            "2 - 3 gånger i veckan",
            "3 – och fler",
            "13:00",
            "1:a vice ordförande",
            "2.bilagan",
        ] {
            assert_eq!(candidate_in(line), None, "{line}");
        }
    }

    #[test]
    fn a_number_one_space_and_a_capital_is_an_item_only_where_two_follow_one_another() {
        let numbers = |text: &str| {
            find_items(&super::super::lines::split_lines(text))
                .starts
                .into_iter()
                .map(|s| s.number)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            candidate_in("106 Val av justerare").map(|c| (c.0, c.1)),
            Some((Style::Single, (106, 0)))
        );
        for (line, number) in [
            ("Sn 49 Sammanträdets öppnande", 49),
            ("KS 12 Budget", 12),
            ("ÄN 3 Hemsjukvård", 3),
            ("Nr 4 Övrigt", 4),
        ] {
            assert_eq!(
                candidate_in(line).map(|c| (c.0, c.1)),
                Some((Style::Single, (number, 0))),
                "{line}"
            );
        }
        // (OCR's "S" for "§" stays a paragraph)
        assert_eq!(
            candidate_in("S 1 Val av justerare").map(|c| c.0),
            Some(Style::Paragraph)
        );
        for line in [
            "Kl 13 Lunch",
            "Sn 49 sammanträdet",
            "SN 4. Budget",
            "Stora 4 Rum",
            "Sn 049 Budget",
            "3 personer deltog",
            "106",
            "2024 Budget",
            "09.00 Välkommen",
            "10.00 Läget",
            "09 Välkommen",
        ] {
            assert_eq!(candidate_in(line), None, "{line}");
        }
        assert_eq!(
            numbers("Datum 2015-09-24\n\n106 Val av justerare\nText.\n\n107 Dagordning\nText.\n"),
            ["106", "107"]
        );
        // (numbers that jump, or one alone, are text)
        assert!(
            numbers("Datum 2015-09-24\n\n3 Kommuner deltog.\n\n12 Regioner deltog.\n").is_empty()
        );
        assert!(numbers("Datum 2015-09-24\n\n3 Kommuner deltog.\n").is_empty());
        // (a mark anywhere numbers the items instead)
        assert_eq!(
            numbers("Datum 2015-09-24\n\n1. Inledning\n1 Kommun\n2 Kommuner\n\n2. Avslutning\n"),
            ["1", "2"]
        );
    }

    #[test]
    fn a_titles_closing_full_stop_goes_but_an_abbreviations_stays() {
        assert_eq!(
            without_full_stop("Mötets öppnande."),
            Some("Mötets öppnande")
        );
        assert_eq!(
            without_full_stop("Val av justeringspersoner."),
            Some("Val av justeringspersoner")
        );
        assert_eq!(
            without_full_stop("Hemsjukvård, fortsättning."),
            Some("Hemsjukvård, fortsättning")
        );
        for title in [
            "Hemsjukvård forts.",
            "Övrigt m.m.",
            "Läget bl.a.",
            "Mötet",
            "Budget 2025.",
            "Ekonomi, ca.",
        ] {
            assert_eq!(without_full_stop(title), None, "{title}");
        }
    }

    #[test]
    fn a_slash_before_a_name_signs_notes_off() {
        for line in ["/Lars", "/ Lars", "/Eva-Lena Holm", "/Carl von Essen"] {
            assert_eq!(is_sign_off(line), line != "/Carl von Essen", "{line}");
        }
        for line in [
            "/",
            "och/eller",
            "/Lars Ek, Region Halland",
            "/lars",
            "/Lars Ek 2024",
        ] {
            assert!(!is_sign_off(line), "{line}");
        }
    }

    #[test]
    fn a_roman_numeral_before_a_title_in_a_capital_starts_an_item() {
        for (line, n) in [
            ("I. Mötets öppnande", 1),
            ("IV. Hemsjukvård", 4),
            ("IX) Övrigt", 9),
            ("XIV. Avslutning", 14),
            ("## II. Läget", 2),
        ] {
            assert_eq!(candidate_in(line).map(|c| c.1), Some((n, 0)), "{line}");
        }
        for line in [
            "I dag öppnade ordföranden mötet.",
            "IIII. Fyra",
            "I. e. det vill säga",
            "V.g. vänd",
            "VI.",
            "XXXX. Fyrtio",
            "IV Hemsjukvård",
        ] {
            assert_eq!(candidate_in(line).map(|c| c.1), None, "{line}");
        }
    }

    #[test]
    fn roman_numerals_before_lists_in_digits_are_the_items_and_not_after() {
        // (each item's number and the line it starts on)
        let items = |text: &str| {
            let lines = super::super::lines::split_lines(text);
            find_items(&lines)
                .starts
                .iter()
                .map(|s| (s.number.clone(), s.line))
                .collect::<Vec<_>>()
        };
        let pairs = |p: [(&str, usize); 2]| p.map(|(n, l)| (n.to_owned(), l));
        assert_eq!(
            items("Datum 2024-04-11\nI. Budget\n1. Första\n2. Andra\nII. Avslut\n"),
            pairs([("1", 1), ("2", 4)])
        );
        assert_eq!(
            items("Datum 2024-04-11\n1. Budget\nI. Första\nII. Andra\n2. Avslut\n"),
            pairs([("1", 1), ("2", 4)])
        );
    }

    #[test]
    fn signers_over_their_labels_end_the_last_item_and_labels_over_names_do_not_move() {
        let end = |text: &str| {
            let lines = super::super::lines::split_lines(text);
            let at = lines.iter().position(is_end).expect("an end");
            lines[names_over_labels(&lines, at)].text.to_string()
        };
        // names over labels, side by side with spaces or tabs, or one over one
        // (a gap of three spaces or more is a tab in the clean text, one of two is not)
        let spaced =
            "Beslut: Noteras.\n\nKarin Lund        Peter Holm\nOrdförande        Justerare";
        assert_eq!(end(spaced), "Karin Lund\tPeter Holm");
        let narrow = "Beslut: Noteras.\n\nKarin Lund  Peter Holm\nOrdförande  Justerare";
        assert_eq!(end(narrow), "Karin Lund Peter Holm");
        assert_eq!(
            end("Noteras.\nKarin Lund\tPeter Holm\nOrdförande\tJusterare"),
            "Karin Lund\tPeter Holm"
        );
        assert_eq!(end("Noteras.\n\nKarin Lund\n\nOrdförande"), "Karin Lund");
        // a name with two spaces in it is one name
        assert_eq!(end("Noteras.\nBo  Eriksson\nJusterare"), "Bo Eriksson");
        // labels over names, each with a name under it: the labels start them
        assert_eq!(
            end("Noteras.\nLinda Ros\nOrdförande\nEva Lund\nJusterare\nMats Olsson"),
            "Ordförande"
        );
        assert_eq!(
            end("Noteras.\nLinda Ros\nJUSTERARE\nBO ERIKSSON"),
            "JUSTERARE"
        );
        // two names over one label, or text over it: the labels start them
        assert_eq!(
            end("Noteras.\nKarin Lund   Peter Holm\nOrdförande"),
            "Ordförande"
        );
        assert_eq!(end("Informationen noteras.\nOrdförande"), "Ordförande");
        assert_eq!(
            end("Noteras.\nInformationsärende Underskrifter\nOrdförande"),
            "Ordförande"
        );
        // labels laid out with one space are no row of labels; with two they are
        let lines =
            super::super::lines::split_lines("Justerare: Ordförande\nOrdförande  Justerare");
        assert!(!is_end(&lines[0]));
        assert!(is_end(&lines[1]));
    }

    #[test]
    fn a_table_of_contents_line_loses_its_leader_and_page_number_and_other_lines_nothing() {
        for (line, want) in [
            ("§ 41 Val av justerare ........ 2", "§ 41 Val av justerare"),
            ("§ 41 Val av justerare . . . . 12", "§ 41 Val av justerare"),
            ("§ 41 Val av justerare … 2", "§ 41 Val av justerare"),
            ("§ 41 Val av justerare\t2", "§ 41 Val av justerare"),
            ("§ 41 Budget 2025", "§ 41 Budget 2025"),
            ("§ 41 Ärende 12", "§ 41 Ärende 12"),
            ("§ 41 Se bilaga 1. 2", "§ 41 Se bilaga 1. 2"),
            ("...... 2", "...... 2"),
        ] {
            assert_eq!(without_page_reference(line), want, "{line}");
        }
    }

    #[test]
    fn a_registration_number_before_or_after_a_title_is_parted_from_it() {
        for (title, want) in [
            (
                "Hemsjukvård i ordinärt boende, Dnr ÄN 2024/8",
                Some(("Hemsjukvård i ordinärt boende", "Dnr ÄN 2024/8")),
            ),
            (
                "Riktlinje för läkemedel (ÄN 2024/11)",
                Some(("Riktlinje för läkemedel", "ÄN 2024/11")),
            ),
            (
                "(Dnr ÄN 2024/5) Val av justerare",
                Some(("Val av justerare", "Dnr ÄN 2024/5")),
            ),
            (
                "Delegationsbeslut Dnr ÄN 2024/2",
                Some(("Delegationsbeslut", "Dnr ÄN 2024/2")),
            ),
            (
                "Hemsjukvård SN 2024/45",
                Some(("Hemsjukvård", "SN 2024/45")),
            ),
            ("Yttrande över SOU 2024:12", None),
            ("Yttrande över Ds 2024:12", None),
            (
                "Avtal, diarienummer SN 2024/7",
                Some(("Avtal", "diarienummer SN 2024/7")),
            ),
            ("Lag om samverkan (SFS 2017:612)", None),
            ("Budget 2025", None),
            ("Uppföljning kvartal 3", None),
            ("Avtal (bilaga 2)", None),
            ("Lokaler KS 12/3", None),
            ("Dnr SN 2024/45", None),
        ] {
            assert_eq!(split_registration_number(title), want, "{title}");
        }
    }

    #[test]
    fn a_titles_label_gives_its_value_and_other_labels_none() {
        assert_eq!(
            title_label_value("Rubrik: Budget 2025"),
            Some("Budget 2025")
        );
        assert_eq!(title_label_value("Ärenderubrik: Budget"), Some("Budget"));
        for text in [
            "Rubrik:",
            "Beslut: Budget",
            "Budget",
            "Underrubrik saknas: x",
        ] {
            assert_eq!(title_label_value(text), None, "{text}");
        }
        assert_eq!(
            kind_marker("arendetyp: informationsarende"),
            Some(ItemKind::Informationsarende)
        );
    }

    #[test]
    fn an_s_before_a_number_and_a_title_is_ocrs_paragraph_sign() {
        for line in ["S 1 Val av justerare", "S 12", "S 104 Budget"] {
            assert!(is_ocr_s_sign(line), "{line}");
        }
        for line in [
            "S 1 st",
            "S 1234 Budget",
            "S Holm",
            "Sida 1 Budget",
            "S1 Budget",
        ] {
            assert!(!is_ocr_s_sign(line), "{line}");
        }
    }

    #[test]
    fn a_line_is_an_end_as_without_the_first_byte_check() {
        let plain = |l: &Line| {
            let f = l.folded.trim_ends().trim_end_matches(['_', ':', '.', ' ']);
            is_end_marker(f)
                || is_end_label(f)
                || END_DATED.iter().any(|m| f.starts_with(m)) && words::find_date(&l.text).is_some()
                || are_end_labels_side_by_side(l, f)
        };
        let pieces = [
            "Justeras",
            "Justerat ",
            "2024-05-28",
            "Rätt utdraget betygar",
            "Vid ",
            "protokollet",
            "Bilaga",
            " ",
            ":",
            ".",
            "Ordförande",
            "x",
            "Ö",
            "Transaktion ",
            "utdraget",
            "Å",
            "\t",
            "Justerare",
            "Antecknat av ",
            "Maria Holm",
            "Protokollet justerat ",
        ];
        for s in super::super::texts_of_pieces(&pieces, 47, 3, 5_000) {
            let lines = super::super::lines::split_lines(&s);
            for l in lines.iter().filter(|l| {
                !l.furniture
                    && words::at_most_chars(l.text.trim_ends(), 60)
                    && !l.text.contains('_')
            }) {
                assert_eq!(is_end(l), plain(l), "{s:?}");
            }
        }
    }

    /// [`inline_marker`] as it was before Swedish text was lowercased as ASCII: on the
    /// whole lowercase, for text whose lowercase is as long as it.
    fn inline_marker_on_the_lowercase(text: &str) -> Option<String> {
        if !text.contains("esl") || !text.contains("eslut") && !text.contains("eslöt") {
            return None;
        }
        let lower = words::lowercase(text);
        if lower.len() != text.len() {
            return None;
        }
        inline_marker_in(text, &lower, |p, m| lower[p..].starts_with(m))
    }

    #[test]
    fn beslutades_att_alone_opens_a_list() {
        for alone in [
            "Beslutades att",
            "Beslutades att:",
            "beslutades att",
            "Beslöts att ",
        ] {
            assert_eq!(inline_marker(alone).as_deref(), Some(""), "{alone}");
        }
        assert_eq!(
            inline_marker("Beslutades att godkänna planen.").as_deref(),
            Some("godkänna planen.")
        );
        assert_eq!(inline_marker("Beslutades attityder"), None);
    }

    #[test]
    fn inline_markers_are_found_as_on_the_whole_lowercase() {
        let pieces = [
            " ",
            "Rådet",
            " beslutar",
            " BESLUTAR",
            " Beslöt",
            " BESLÖT",
            " beslöt",
            " att",
            " ATT",
            ":",
            " Ö",
            "ö",
            "É",
            "Σ",
            "İ",
            ". Beslut: ",
            ". Beslut. ",
            "Beslutas att ",
            "BESLUTAS ATT ",
            "Beslutades att ",
            "Beslöts att ",
            " beslutades att",
            " beslöts att",
            "eslut",
            "x. Y",
            ".",
            " beslutade",
        ];
        for s in super::super::texts_of_pieces(&pieces, 37, 8, 30_000) {
            assert_eq!(
                inline_marker(&s),
                inline_marker_on_the_lowercase(&s),
                "{s:?}"
            );
        }
    }

    #[test]
    fn a_genitive_heading_is_found_as_by_its_words_when_it_is_a_decision_key() {
        let plain = |t: &str| {
            let words: Vec<&str> = t.split_whitespace().collect();
            words::at_most_chars(t, 48)
                && (2..=3).contains(&words.len())
                && words[..words.len() - 1]
                    .iter()
                    .all(|w| w.ends_with(['s', 'S']))
        };
        let pieces = [
            "Socialnämndens",
            "Nämndens",
            " ",
            "  ",
            "beslut",
            "BESLUT",
            "Beslut",
            "s",
            "ö",
            "besluts",
            "x",
            ".",
            "arbetsutskotts",
            "ARBETSUTSKOTTETS",
        ];
        let mut headings = 0;
        for t in super::super::texts_of_pieces(&pieces, 53, 5, 30_000) {
            let t = t.trim_ends();
            let key = |t: &str| is_decision_key(fold(t).trim_ends());
            assert_eq!(
                is_genitive_heading(t) && key(t),
                plain(t) && key(t),
                "{t:?}"
            );
            headings += usize::from(is_genitive_heading(t) && key(t));
        }
        assert!(headings > 100, "the pieces make headings ({headings})");
    }

    #[test]
    fn every_section_heading_starts_with_a_letter_the_quick_check_knows() {
        for h in SECTION_HEADINGS {
            assert!(SECTION_FIRST_LETTERS.contains(&h.as_bytes()[0]), "{h}");
        }
        assert!(
            SECTION_HEADINGS.is_sorted(),
            "the headings are looked up in byte order"
        );
    }

    #[test]
    fn every_decision_key_passes_the_quick_check() {
        let pieces = [
            "beslut", "besl", "ut", "b", "e", "s", "l", "u", "t", "x", "ö", " ", "as", "ade",
            "rådets ", "forslag", "ets",
        ];
        let mut keys = 0;
        for k in super::super::texts_of_pieces(&pieces, 41, 5, 50_000) {
            if is_decision_key(&k) {
                keys += 1;
                assert!(may_be_decision_key(&k), "{k:?}");
            }
        }
        assert!(keys > 1000, "the pieces make keys ({keys})");
    }

    #[test]
    fn a_marker_after_a_character_whose_lowercase_is_shorter_is_no_panic() {
        // The Kelvin sign lowercases to a one-byte k and Ⱥ to three bytes: the lengths
        // agree, the places do not.
        assert_eq!(inline_marker("\u{212A} Beslöt: x ȺȺ eslut"), None);
    }

    #[test]
    fn a_line_passed_over_by_its_first_byte_is_no_item_start() {
        let pieces = [
            "A",
            "a",
            "P",
            "p",
            "Punkt ",
            "Ärende ",
            "arende ",
            "Paragraf ",
            "1",
            "12. ",
            "3.1\t",
            "§ ",
            "§",
            "# ",
            "#",
            "**",
            "__",
            " ",
            "\t",
            "B",
            "x",
            "Z",
            ". ",
            "Titel",
            "ö",
            "2)",
        ];
        let mut starts = 0;
        for s in super::super::texts_of_pieces(&pieces, 43, 6, 20_000) {
            for word in [
                "",
                "Punkt ",
                "punkt ",
                "PARAGRAF ",
                "arende ",
                "Anteckning ",
            ] {
                let s = format!("{word}{s}");
                let found = candidate_in(&s);
                starts += usize::from(found.is_some());
                if !may_start_item(&s) {
                    assert_eq!(found, None, "{s:?}");
                }
            }
        }
        assert!(starts > 1000, "the pieces make item starts ({starts})");
    }

    #[test]
    fn a_title_s_clean_start_is_read_as_cleaning_reads_it() {
        let pieces = [
            "A",
            "a",
            "1",
            "o",
            "o\t",
            "Ö",
            "ä",
            " ",
            "  ",
            "**",
            "~~",
            "\t",
            "#",
            "- ",
            "1nskrivna",
            "\u{E000}",
            "\u{E001}",
            "\u{FEFF}",
            "x1y",
            ".",
        ];
        for s in super::super::texts_of_pieces(&pieces, 29, 8, 20_000) {
            let clean = super::super::lines::clean(&s).0;
            let expected = (
                clean.is_empty(),
                clean.starts_with(|c: char| c.is_uppercase()),
            );
            assert_eq!(clean_title_start(&s), expected, "{s:?}");
        }
    }
}
