//! Small word tools: folding for tolerant matching (OCR damage), names, dates, times.

/// Lowercase without diacritics, for matching only (`Nérvarande` → `nervarande`).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time: lowercased together, and kept up to the first that is
        // not ASCII (Swedish text has one about every twenty bytes).
        if let Some(chunk) = b.get(i..i + 8)
            && let Ok(word) = <[u8; 8]>::try_from(chunk)
        {
            let word = u64::from_le_bytes(word);
            let lower = ascii_lowercase_8(word).to_le_bytes();
            let high = word & HIGH_BITS;
            if high == 0 {
                out.extend_from_slice(&lower);
                i += 8;
                continue;
            }
            let ascii = (high.trailing_zeros() / 8) as usize;
            out.extend_from_slice(&lower[..ascii]);
            i += ascii;
        } else if b[i].is_ascii() {
            out.push(b[i].to_ascii_lowercase());
            i += 1;
            continue;
        }
        // The Latin-1 letters (two bytes, the first 0xC3) from a table.
        if b[i] == 0xC3
            && let Some(&next) = b.get(i + 1)
            && let Some(f) = LATIN1_FOLD[usize::from(next & 0x3F)]
        {
            out.push(f);
            i += 2;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            let mut buf = [0; 4];
            for lower in ch.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    // (only whole characters were written: ASCII, ASCII letters, lowercased characters)
    String::from_utf8(out).unwrap_or_default()
}

/// Eight bytes lowercased at once where they are ASCII: 0x20 added to each byte from
/// `A` to `Z`. (A byte that is not ASCII may carry into the bytes after it, which the
/// caller does not keep.)
fn ascii_lowercase_8(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // (a byte's high bit is set where it is at least `A`, and where it is past `Z`)
    let from_a = word.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let past_z = word.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    word | ((from_a & !past_z & HIGH_BITS) >> 2)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// [`str::to_lowercase`], with text of ASCII and Latin-1 letters (Swedish text) done
/// byte by byte.
pub fn lowercase(s: &str) -> String {
    let b = s.as_bytes();
    // Characters from U+0100 on start with a byte from 0xC4 on. (Every byte is looked at,
    // without stopping early, so that the compiler can look at many at once.)
    if b.iter().fold(false, |seen, &x| seen | (x >= 0xC4)) {
        return s.to_lowercase();
    }
    // Every byte keeps its place: ASCII letters are lowercased, and 'À'..='Þ' but '×'
    // (0xC3 0x80..=0x9E but 0x97) become 'à'..='þ' by 0x20 added to their second byte.
    let mut out = Vec::with_capacity(b.len());
    out.extend(b.first().map(u8::to_ascii_lowercase));
    out.extend(b.windows(2).map(|w| {
        let (prev, x) = (w[0], w[1]);
        if prev == 0xC3 && (0x80..=0x9E).contains(&x) && x != 0x97 {
            x + 0x20
        } else {
            x.to_ascii_lowercase()
        }
    }));
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The lowercase of `s` if every character keeps its length in it, so that a place in the
/// one is the same place in the other; `None` if not.
pub fn lowercase_in_place(s: &str) -> Option<String> {
    let lower = lowercase(s);
    if lower.len() != s.len() {
        return None;
    }
    // (text without a character from U+0100 on keeps every byte in place; other text is
    // looked at character by character, as lengths may change and even out)
    if s.bytes().any(|b| b >= 0xC4)
        && s.chars()
            .any(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() != c.len_utf8())
    {
        return None;
    }
    Some(lower)
}

/// What `c` folds to when it is a Latin-1 letter that folds to an ASCII one.
fn latin1_fold(c: char) -> Option<char> {
    let code = u32::from(c);
    if (0xC0..=0xFF).contains(&code) {
        LATIN1_FOLD[(code - 0xC0) as usize].map(char::from)
    } else {
        None
    }
}

/// What each character from U+00C0 to U+00FF folds to, where it folds to an ASCII
/// letter (the rest are lowercased as they are: `Ç` → `ç`).
const LATIN1_FOLD: [Option<u8>; 64] = {
    let mut t = [None; 64];
    let groups: [(&str, u8); 5] = [
        ("ÀÁÂÃÄÅÆàáâãäåæ", b'a'),
        ("ÒÓÔÕÖØòóôõöø", b'o'),
        ("ÈÉÊËèéêë", b'e'),
        ("ÙÚÛÜùúûü", b'u'),
        ("ÌÍÎÏìíîï", b'i'),
    ];
    let mut g = 0;
    while g < groups.len() {
        let (letters, to) = groups[g];
        let bytes = letters.as_bytes();
        let mut k = 1;
        while k < bytes.len() {
            t[(bytes[k] & 0x3F) as usize] = Some(to);
            k += 2;
        }
        g += 1;
    }
    t
};

/// Whether `s` folded ([`fold`]) starts with `prefix` (itself folded), without
/// building the folded text.
pub fn folded_starts_with(s: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    let mut next_is = |f: char| want.next().map(|w| w == f);
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii() {
            match next_is(c.to_ascii_lowercase()) {
                None => return true,
                Some(false) => return false,
                Some(true) => {}
            }
        } else if let Some(f) = latin1_fold(c) {
            match next_is(f) {
                None => return true,
                Some(false) => return false,
                Some(true) => {}
            }
        } else {
            for f in fold(c.encode_utf8(&mut buf)).chars() {
                match next_is(f) {
                    None => return true,
                    Some(false) => return false,
                    Some(true) => {}
                }
            }
        }
    }
    next_is(' ').is_none()
}

/// A search for a fixed word (`finder!(" och ")`), built once where it is written: it
/// finds the places `str::match_indices` finds, many bytes at a time.
macro_rules! finder {
    ($needle:expr) => {{
        static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
            std::sync::OnceLock::new();
        FINDER.get_or_init(|| memchr::memmem::Finder::new($needle))
    }};
}
pub(crate) use finder;

/// Whether `$haystack` holds the fixed word `$needle`: `str::contains` with a
/// [`finder!`], for the searches made on every line.
macro_rules! holds {
    ($haystack:expr, $needle:expr) => {
        $crate::protocol::words::finder!($needle)
            .find($haystack.as_bytes())
            .is_some()
    };
}
pub(crate) use holds;

/// [`str::trim`] that returns at once when both ends are visible ASCII characters
/// (no whitespace to take off), as most texts here are; else the same trim.
pub trait TrimEnds {
    fn trim_ends(&self) -> &str;
}

impl TrimEnds for str {
    #[inline]
    fn trim_ends(&self) -> &str {
        match (self.as_bytes().first(), self.as_bytes().last()) {
            (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => {
                self
            }
            _ => self.trim(),
        }
    }
}

/// Where the ASCII byte `b` first is in `s` (the same place as `s.find(char::from(b))`:
/// in UTF-8 an ASCII byte is always that character), found many bytes at a time.
pub fn find_byte(s: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    memchr::memchr(b, s.as_bytes())
}

/// Where the ASCII byte `b` last is in `s`, found many bytes at a time.
pub fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    memchr::memrchr(b, s.as_bytes())
}

/// The pieces of `s` between the ASCII byte `b`: the same as `s.split(char::from(b))`,
/// the bytes found many at a time.
pub fn split_byte(s: &str, b: u8) -> impl Iterator<Item = &str> + Clone {
    debug_assert!(b.is_ascii());
    let mut start = 0;
    memchr::memchr_iter(b, s.as_bytes())
        .chain([s.len()])
        .map(move |end| {
            let piece = &s[start..end];
            start = end + 1;
            piece
        })
}

/// `t.split_once(word)` for the word `finder` searches for.
pub fn split_once_at<'t>(
    t: &'t str,
    finder: &memchr::memmem::Finder,
) -> Option<(&'t str, &'t str)> {
    let at = finder.find(t.as_bytes())?;
    Some((&t[..at], &t[at + finder.needle().len()..]))
}

/// Whether `s` holds the ASCII byte `b` ([`find_byte`]).
pub fn has_byte(s: &str, b: u8) -> bool {
    find_byte(s, b).is_some()
}

/// Whether `s` has at most `n` characters: counted only when its length in bytes leaves
/// it open (a character is one to four bytes).
pub fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= n.saturating_mul(4) && s.chars().count() <= n)
}

/// Edit distance if it is at most `limit`.
pub fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if limit == 0 {
        return None;
    }
    if a.is_ascii() && b.is_ascii() {
        return distance(a.as_bytes(), b.as_bytes(), limit);
    }
    // The characters on the stack: `distance` gives up on more than 63 anyway.
    let (mut a_chars, mut b_chars) = (['\0'; 64], ['\0'; 64]);
    let (Some(a_len), Some(b_len)) = (fill(&mut a_chars, a), fill(&mut b_chars, b)) else {
        return None;
    };
    distance(&a_chars[..a_len], &b_chars[..b_len], limit)
}

/// Writes the characters of `s` to `out`; `None` if they do not fit.
fn fill(out: &mut [char; 64], s: &str) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *out.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

/// Levenshtein distance of short sequences (at most 63 long), without allocation,
/// giving up as soon as every path exceeds `limit`.
fn distance<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit || a.len() > 63 || b.len() > 63 {
        return None;
    }
    let mut prev = [0usize; 64];
    let mut cur = [0usize; 64];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= limit).then_some(prev[b.len()])
}

/// The letters of a folded text counted by kind, for a cheap lower bound on the edit
/// distance between two texts: an edit changes at most one letter in and one out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bag {
    counts: [u8; 32],
    /// One bit for each kind of letter the text has.
    kinds: u32,
}

impl Bag {
    pub fn of(s: &str) -> Bag {
        let mut counts = [0u8; 32];
        let mut kinds = 0u32;
        for c in s.chars() {
            let k = match c {
                'a'..='z' => c as usize - 'a' as usize,
                ' ' => 26,
                '0'..='9' => 27,
                _ => 28 + (c as usize & 3),
            };
            counts[k] = counts[k].saturating_add(1);
            kinds |= 1 << k;
        }
        Bag { counts, kinds }
    }

    /// At most the edit distance between the two texts.
    pub fn lower_bound(&self, other: &Bag) -> usize {
        let (mut more, mut fewer) = (0u32, 0u32);
        for (a, b) in self.counts.iter().zip(other.counts.iter()) {
            more += u32::from(a.saturating_sub(*b));
            fewer += u32::from(b.saturating_sub(*a));
        }
        more.max(fewer) as usize
    }

    /// Whether [`Bag::lower_bound`] is more than `limit`. The kinds of letter one text has
    /// and the other lacks are at most that bound and are counted first, in two steps.
    pub fn further_than(&self, other: &Bag, limit: usize) -> bool {
        let only_here = (self.kinds & !other.kinds).count_ones() as usize;
        let only_there = (other.kinds & !self.kinds).count_ones() as usize;
        only_here.max(only_there) > limit || self.lower_bound(other) > limit
    }
}

/// How far a folded word may be from a folded label `chars` characters long: none for
/// short labels, more for long ones (OCR damage).
pub fn tolerance(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether a folded word matches a folded label, allowing OCR damage in longer words.
pub fn fuzzy_eq(word: &str, label: &str) -> bool {
    bounded_distance(word, label, tolerance(label.chars().count())).is_some()
}

/// Name particles that may be lowercase inside a name.
const PARTICLES: &[&str] = &[
    "von", "af", "de", "van", "der", "la", "du", "di", "da", "zu",
];

/// Words that are never part of a person's name in these documents.
const NOT_NAMES: &[&str] = &[
    "region",
    "kommun",
    "protokoll",
    "minnesanteckningar",
    "beslut",
    "ordförande",
    "sekreterare",
    "justerare",
    "ledamöter",
    "ersättare",
    "närvarande",
    "frånvarande",
    "mötet",
    "punkt",
    "ärende",
    "dagordning",
    "vakant",
    "vakans",
    "information",
    "rapport",
    "tid",
    "plats",
    "datum",
    "tjänsteställe",
    "gemensam",
    "chefsgrupp",
    "chefsgruppen",
    "styrgrupp",
    "samverkansrådet",
    "bilaga",
    "bilagor",
    "sida",
    "telefon",
    "postadress",
    "avslut",
    "inledning",
    "övriga",
    // ("Kansli Länsgemensam samverkan": an office over its people)
    "kansli",
    "kansliet",
];

/// Whether `s` is one or more ASCII digits and nothing else ("2024", "45").
pub fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A token that can be part of a person's name: starts with an uppercase letter, then
/// letters, hyphens or apostrophes (`Forsberg-Fransson`, `O'Brien`).
pub fn is_name_token(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest = chars.as_str();
    if rest.is_empty() {
        return false;
    }
    // An all-caps word of more than one letter is an acronym, not a name; a word that
    // ends in a hyphen is the first half of a compound ("Norra Hälso- och
    // sjukvårdsnämnden").
    if rest.chars().all(char::is_uppercase) || rest.ends_with('-') {
        return false;
    }
    rest.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// A person's name: two to five name tokens (particles allowed inside).
pub fn is_person_name(s: &str) -> bool {
    // (split once: the first six words are enough to tell, as more are no name)
    let (mut tokens, mut count) = ([""; 6], 0);
    for t in s.split_whitespace().take(6) {
        tokens[count] = t;
        count += 1;
    }
    is_name_of_tokens(s, count, tokens[..count].iter().copied())
}

/// [`is_person_name`] of `s` whose words, split at whitespace, are `tokens`.
pub fn is_person_name_split(s: &str, tokens: &[&str]) -> bool {
    is_name_of_tokens(s, tokens.len().min(6), tokens.iter().copied())
}

/// [`is_person_name`] with the words of `s` and how many there are (counted up to six).
fn is_name_of_tokens<'t>(s: &str, count: usize, tokens: impl Iterator<Item = &'t str>) -> bool {
    if !(2..=5).contains(&count) || s.len() > 60 && s.chars().count() > 60 {
        return false;
    }
    let last = count - 1;
    tokens.enumerate().all(|(i, t)| {
        (is_name_token(t) || (i > 0 && i < last && (PARTICLES.contains(&t) || is_initial(t))))
            && !is_not_name(t)
    })
}

/// Whether a word may be part of a person's name: a name's word, a particle ("af",
/// "von") or an initial ("O.").
pub fn is_name_part(t: &str) -> bool {
    is_name_token(t) || PARTICLES.contains(&t) || is_initial(t)
}

/// A middle name's initial: "O." of "Mats O. Lind", or "O" without its full stop.
pub fn is_initial(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase) && matches!(chars.as_str(), "." | "")
}

/// Whether a token is one of [`NOT_NAMES`], in any case.
fn is_not_name(t: &str) -> bool {
    // ("Närvårdssamverkan", "Vårdsamverkan": a collaboration, no one's name)
    if t.len() >= 9 && t.as_bytes()[t.len() - 9..].eq_ignore_ascii_case(b"samverkan") {
        return true;
    }
    // The lists' words are 3 to 18 bytes long; a token must have the same length.
    if !(3..=18).contains(&t.len()) {
        return false;
    }
    let words = not_names_of_length(t.len());
    if t.is_ascii() {
        // (an ASCII token lowercases byte by byte; the words are lowercase, and one that
        // is not ASCII has a byte no ASCII token has)
        return words.iter().any(|n| t.eq_ignore_ascii_case(n));
    }
    // Lowercasing keeps the first byte of an ASCII or Swedish letter's lowercase form,
    // and any other first letter makes the token longer than the word it would match.
    let first = t.as_bytes()[0].to_ascii_lowercase();
    words
        .iter()
        .any(|n| n.as_bytes()[0] == first && t.chars().flat_map(char::to_lowercase).eq(n.chars()))
}

/// The words of [`NOT_NAMES`] that are `len` bytes long.
fn not_names_of_length(len: usize) -> &'static [&'static str] {
    static BY_LENGTH: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_length = BY_LENGTH.get_or_init(|| {
        let mut v = vec![Vec::new(); 19];
        for n in NOT_NAMES {
            if let Some(list) = v.get_mut(n.len()) {
                list.push(*n);
            }
        }
        v
    });
    by_length.get(len).map_or(&[], Vec::as_slice)
}

/// Splits "Anna Berg och Per Ek", "Anna Berg, Per Ek" or "Anna Berg & Per Ek" into names,
/// if every part is a person's name.
pub fn split_names(s: &str) -> Option<Vec<String>> {
    let s = s
        .trim_ends()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_ends();
    if s.is_empty() {
        return None;
    }
    let mut names = Vec::new();
    for part in s.split([',', '&', ';', '/']) {
        // (the pieces of `part.split(" och ")`)
        let ands = finder!(" och ").find_iter(part.as_bytes());
        let mut from = 0;
        for end in ands.chain([part.len()]) {
            let piece = part[from..end].trim_ends();
            from = end + " och ".len();
            if piece.is_empty() {
                continue;
            }
            if is_person_name(piece) {
                names.push(piece.to_owned());
                continue;
            }
            // ("Lars Ek samt Eva Lind": "samt" joins the last as "och" does; looked for
            // only where the piece is no name)
            let at = finder!(" samt ").find(piece.as_bytes())?;
            for name in [&piece[..at], &piece[at + " samt ".len()..]].map(TrimEnds::trim_ends) {
                if !is_person_name(name) {
                    return None;
                }
                names.push(name.to_owned());
            }
        }
    }
    (!names.is_empty()).then_some(names)
}

/// A calendar date found in text, with the byte range it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub start: usize,
    pub end: usize,
}

impl FoundDate {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("februari", 2),
    ("mars", 3),
    ("april", 4),
    ("maj", 5),
    ("juni", 6),
    ("juli", 7),
    ("augusti", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Whether a lowercase word names a month, in full or shortened ("januari", "jan").
pub fn is_month_name(word: &str) -> bool {
    MONTHS.iter().any(|(name, _)| *name == word)
}

fn valid(year: i32, month: u8, day: u8) -> bool {
    (1900..=2200).contains(&year)
        && time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(year, m, day).ok())
            .is_some()
}

/// The first valid date in `s`: `2024-04-19`, `2024.04.19`, `19 april 2024`,
/// `19 apr. 2024`, `19/4 2024`, `19.4.2024`.
pub fn find_date(s: &str) -> Option<FoundDate> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && let Some(d) = date_at(s, i)
        {
            return Some(first_day_of_span(s, d));
        }
        i += 1;
    }
    None
}

/// A meeting over days ("22-23 sep 2015", "26–27 januari 2002") starts on the first: the
/// date of a month written in words, with a day and a dash before it, is moved to that
/// day.
fn first_day_of_span(s: &str, d: FoundDate) -> FoundDate {
    let before = &s[..d.start];
    let Some(before) = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('–'))
    else {
        return d;
    };
    let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = before.len() - digits;
    if !(1..=2).contains(&digits)
        || before[..start].ends_with(|c: char| c.is_alphanumeric() || c == '-')
        || !s[d.start..d.end].contains(char::is_alphabetic)
    {
        return d;
    }
    match before[start..].parse::<u8>() {
        Ok(day) if day >= 1 && day < d.day => FoundDate { day, start, ..d },
        _ => d,
    }
}

/// The first date of six digits, year first, standing alone in `s`: "240305" or
/// "24-03-05" (2024-03-05), as notes and file names write it. Only where a date is
/// expected (a date label's value, a file's name): six digits elsewhere are as likely a
/// number.
pub fn find_short_date(s: &str) -> Option<FoundDate> {
    let b = s.as_bytes();
    let alone =
        |c: Option<&u8>| !c.is_some_and(|c| c.is_ascii_alphanumeric() || b"-/.:".contains(c));
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || alone(b.get(i - 1))) {
            let found = match digits_at(s, i, 6, 6) {
                Some((n, e)) => Some((n / 10_000, n / 100 % 100, n % 100, e)),
                None => digits_at(s, i, 2, 2)
                    .filter(|&(_, j)| b.get(j) == Some(&b'-'))
                    .and_then(|(y, j)| Some((y, digits_at(s, j + 1, 2, 2)?)))
                    .filter(|&(_, (_, k))| b.get(k) == Some(&b'-'))
                    .and_then(|(y, (m, k))| Some((y, m, digits_at(s, k + 1, 2, 2)?)))
                    .map(|(y, m, (d, e))| (y, m, d, e)),
            };
            if let Some((y, m, d, e)) = found
                // (a full stop may end the sentence: "Datum: 240305.")
                && (alone(b.get(e)) || b[e] == b'.' && alone(b.get(e + 1)))
                && valid(2000 + y as i32, m as u8, d as u8)
            {
                return Some(FoundDate {
                    year: 2000 + y as i32,
                    month: m as u8,
                    day: d as u8,
                    start: i,
                    end: e,
                });
            }
        }
        i += 1;
    }
    None
}

fn digits_at(s: &str, i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() && j - i < max {
        j += 1;
    }
    if j - i < min || (j < b.len() && b[j].is_ascii_digit()) {
        return None;
    }
    s[i..j].parse().ok().map(|v| (v, j))
}

fn date_at(s: &str, i: usize) -> Option<FoundDate> {
    let b = s.as_bytes();
    // ISO-like: YYYY-MM-DD or YYYY.MM.DD
    if let Some((y, j)) = digits_at(s, i, 4, 4) {
        if j < b.len() && matches!(b[j], b'-' | b'.' | b'/') {
            let sep = b[j];
            // (OCR may read a 0 as an O and a 1 as an l: "2024-O3-14")
            let month_ends = |&(_, k): &(u32, usize)| k < b.len() && b[k] == sep;
            if let Some((m, k)) = digits_at(s, j + 1, 1, 2)
                .filter(month_ends)
                .or_else(|| ocr_two_digits_at(s, j + 1).filter(month_ends))
                && let Some((d, e)) =
                    digits_at(s, k + 1, 1, 2).or_else(|| ocr_two_digits_at(s, k + 1))
                && valid(y as i32, m as u8, d as u8)
            {
                return Some(FoundDate {
                    year: y as i32,
                    month: m as u8,
                    day: d as u8,
                    start: i,
                    end: e,
                });
            }
        }
        return None;
    }
    // 20240419: eight digits on their own (not the first part of "19450419-1234")
    if let Some((n, e)) = digits_at(s, i, 8, 8) {
        let (y, m, d) = ((n / 10_000) as i32, (n / 100 % 100) as u8, (n % 100) as u8);
        let alone_before =
            i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b"-/".contains(&b[i - 1]));
        let alone_after = e == b.len() || !(b[e].is_ascii_alphanumeric() || b"-/".contains(&b[e]));
        return ((1950..=2099).contains(&y) && valid(y, m, d) && alone_before && alone_after)
            .then_some(FoundDate {
                year: y,
                month: m,
                day: d,
                start: i,
                end: e,
            });
    }
    let (d, mut j) = digits_at(s, i, 1, 2)?;
    // "12:e mars 2024", "1:a april 2024"
    if s[j..].starts_with(":e ") || s[j..].starts_with(":a ") {
        j += 2;
    }
    // 19 april 2024
    let after = &s[j..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    let skip = after.len() - trimmed.len();
    if skip > 0 {
        let word_len = trimmed
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(trimmed.len());
        let word = trimmed[..word_len].to_lowercase();
        if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == word) {
            let mut k = j + skip + word_len;
            if s[k..].starts_with('.') {
                k += 1;
            }
            let rest = &s[k..];
            let t = rest.trim_start_matches([' ', '\t', ',']);
            // ("5 mars år 2024", as formal prose writes it)
            let t = t
                .strip_prefix("år ")
                .or_else(|| t.strip_prefix("År "))
                .map_or(t, |r| r.trim_start_matches(' '));
            let k2 = k + (rest.len() - t.len());
            if let Some((y, e)) = digits_at(s, k2, 4, 4).or_else(|| short_year_at(s, k))
                && valid(y as i32, *m, d as u8)
            {
                return Some(FoundDate {
                    year: y as i32,
                    month: *m,
                    day: d as u8,
                    start: i,
                    end: e,
                });
            }
        }
        return None;
    }
    // 19/4 2024, 19.4.2024, 19/4-2024, 19/4 -24
    if j < b.len() && matches!(b[j], b'/' | b'.') {
        let (m, k) = digits_at(s, j + 1, 1, 2)?;
        if k < b.len() && matches!(b[k], b' ' | b'.' | b'-' | b'/') {
            let (y, e) = digits_at(s, k + 1, 4, 4).or_else(|| short_year_at(s, k))?;
            if valid(y as i32, m as u8, d as u8) {
                return Some(FoundDate {
                    year: y as i32,
                    month: m as u8,
                    day: d as u8,
                    start: i,
                    end: e,
                });
            }
        }
    }
    None
}

/// Two digits at `i` of which OCR read one as a letter: "O3" is 3, "1l" is 11 (an O or o
/// for 0, an l or I for 1), not before another digit or letter.
fn ocr_two_digits_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let pair = s.as_bytes().get(i..i + 2)?;
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'O' | b'o' => Some(0),
        b'l' | b'I' => Some(1),
        _ => None,
    };
    let next = s.as_bytes().get(i + 2);
    (pair.iter().any(u8::is_ascii_digit) && !next.is_some_and(u8::is_ascii_alphanumeric))
        .then(|| Some((digit(pair[0])? * 10 + digit(pair[1])?, i + 2)))
        .flatten()
}

/// A year of two digits after a dash or an apostrophe at `i` (a space before it allowed):
/// "-24" and "'24" of "7 mars -24", "7/3-24" are 2024. Not before another digit, a slash
/// or a full stop ("7/3-24/3" is a range of days).
fn short_year_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let rest = s.get(i..)?;
    let t = rest.trim_start_matches(' ');
    let t = t.strip_prefix(['-', '\'', '’'])?;
    let at = s.len() - t.len();
    let (y, e) = digits_at(s, at, 2, 2)?;
    let next = s.as_bytes().get(e);
    (!next.is_some_and(|c| matches!(c, b'/' | b'.' | b'-' | b':') || c.is_ascii_alphanumeric()))
        .then_some((2000 + y, e))
}

/// A clock time `HH:MM`.
pub type Clock = (u8, u8);

pub fn clock_text((h, m): Clock) -> String {
    format!("{h:02}:{m:02}")
}

/// Start and end times in `s` (`kl. 09.00-12.00`, `klockan 13.00–16.00`, `13:15`,
/// `kl 9–12`), and the byte offset where they end.
pub fn find_times(s: &str) -> Option<(Clock, Option<Clock>, usize)> {
    let b = s.as_bytes();
    let lower = lowercase(s);
    let after_kl = ["klockan", "kl.", "kl "]
        .iter()
        .find_map(|k| lower.find(k).map(|p| p + k.len()));
    let mut i = 0;
    while i < b.len() {
        // (not inside a number, "1.09:00", but right after "kl.": "kl.09:00-13:40")
        if b[i].is_ascii_digit()
            && (i == 0
                || !b[i - 1].is_ascii_digit()
                    && b[i - 1] != b'-'
                    && (b[i - 1] != b'.' || after_kl == Some(i)))
        {
            let bare_ok = after_kl
                .is_some_and(|p| p <= i && s.get(p..i).is_some_and(|x| x.trim_ends().is_empty()));
            if let Some((start, j)) = clock_at(s, i, bare_ok) {
                let rest = &s[j..];
                let t = rest.trim_start();
                let mut k = j + (rest.len() - t.len());
                let mut sep = false;
                for dash in ["-", "–", "—", "till"] {
                    if s[k..].starts_with(dash) {
                        k += dash.len();
                        sep = true;
                        break;
                    }
                }
                if sep {
                    let rest = &s[k..];
                    let t = rest.trim_start();
                    let mut k = k + (rest.len() - t.len());
                    // "9.00–ca 12.00": about when it ended
                    for about in ["ca. ", "ca ", "cirka "] {
                        if s[k..].starts_with(about) {
                            k += about.len();
                            break;
                        }
                    }
                    if let Some((end, e)) = clock_at(s, k, true) {
                        return Some((start, Some(end), e));
                    }
                }
                return Some((start, None, j));
            }
        }
        i += 1;
    }
    None
}

pub fn clock_at(s: &str, i: usize, bare_ok: bool) -> Option<(Clock, usize)> {
    let b = s.as_bytes();
    let (h, j) = digits_at(s, i, 1, 2)?;
    if h > 23 {
        return None;
    }
    if j < b.len()
        && matches!(b[j], b'.' | b':')
        && let Some((m, k)) = digits_at(s, j + 1, 2, 2)
    {
        if m < 60
            && !(k < b.len()
                && matches!(b[k], b'.' | b'/')
                && k + 1 < b.len()
                && b[k + 1].is_ascii_digit())
        {
            return Some(((h as u8, m as u8), k));
        }
        return None;
    }
    if bare_ok && !(j < b.len() && b[j].is_ascii_alphabetic()) {
        return Some(((h as u8, 0), j));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocrs_o_for_zero_in_an_iso_dates_month_or_day_is_read() {
        let iso = |s: &str| find_date(s).map(|d| d.iso());
        for text in ["2018-O3-14", "2018-03-l4", "2018-1O-01"] {
            assert!(iso(text).is_some(), "{text}");
        }
        assert_eq!(iso("2018-O3-14").as_deref(), Some("2018-03-14"));
        // (two letters are no number, nor a letter before a word's next letter)
        for text in ["2018-OO-14", "2018-03-Oct", "2018-lO-ll"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }

    #[test]
    fn a_year_of_two_digits_after_a_dash_is_of_this_century() {
        let iso = |s: &str| find_date(s).map(|d| d.iso());
        for text in [
            "12/3-24",
            "12/3 -24",
            "12 mars -24",
            "12 mars '24",
            "12.3-24",
        ] {
            assert_eq!(iso(text).as_deref(), Some("2024-03-12"), "{text}");
        }
        for text in ["12/3-24/3", "12/3 24", "12 mars 24", "24-03-12", "12/3-245"] {
            assert_eq!(iso(text), None, "{text}");
        }
    }

    #[test]
    fn a_particle_or_an_initial_is_part_of_a_name_only_inside_it() {
        for name in [
            "Eva af Klint",
            "Mats O. Lind",
            "Mats O Lind",
            "Carl von Essen",
        ] {
            assert!(is_person_name(name), "{name}");
        }
        for text in ["af Klint", "Eva af", "O. Lind", "Mats O.", "Mats o. Lind"] {
            assert!(!is_person_name(text), "{text}");
        }
    }

    #[test]
    fn words_that_are_no_names_are_found_as_by_their_lowercase() {
        assert!(NOT_NAMES.iter().all(|n| n.to_lowercase() == *n));
        let pieces = [
            "region", "REGION", "Region", "kommun", "KOMMUN", "Punkt", "PUNKT", "punkt", "Sida",
            "sidA", "Mötet", "MÖTET", "mötet", "Övriga", "ÖVRIGA", "tid", "TID", "Anna", "x", "É",
            "İ", "\u{212A}", "s", "ida",
        ];
        let plain = |t: &str| NOT_NAMES.iter().any(|n| t.to_lowercase() == *n);
        let mut found = 0;
        for t in super::super::texts_of_pieces(&pieces, 47, 3, 20_000) {
            found += usize::from(plain(&t));
            assert_eq!(is_not_name(&t), plain(&t), "{t:?}");
        }
        assert!(found > 1000, "the pieces make such words ({found})");
    }

    #[test]
    fn only_a_j_folds_to_a_j() {
        let mut buf = [0u8; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if fold(c.encode_utf8(&mut buf)).contains('j') {
                assert!(c == 'j' || c == 'J', "{c:?}");
            }
        }
    }

    #[test]
    fn ends_are_trimmed_as_the_standard_trim_trims_them() {
        let pieces = [
            " ", "\t", "\u{0B}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "a", "Ö", "1", ":",
            "~", "\u{7F}", "\u{1F}", "é€",
        ];
        for s in super::super::texts_of_pieces(&pieces, 59, 6, 20_000) {
            assert_eq!(s.trim_ends(), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn bytes_and_words_are_found_where_the_string_searches_find_them() {
        let pieces = [
            " ", "  ", "och", " och ", "Anna", "å", "ö", "\t", ",", ":", "1", "é€",
        ];
        for s in super::super::texts_of_pieces(&pieces, 53, 12, 20_000) {
            for b in [b' ', b'\t', b',', b':', b'1'] {
                assert_eq!(find_byte(&s, b), s.find(char::from(b)), "{s:?}");
                let pieces: Vec<&str> = split_byte(&s, b).collect();
                assert_eq!(pieces, s.split(char::from(b)).collect::<Vec<_>>(), "{s:?}");
            }
            assert_eq!(
                split_once_at(&s, finder!(" och ")),
                s.split_once(" och "),
                "{s:?}"
            );
            let found: Vec<usize> = finder!(" och ").find_iter(s.as_bytes()).collect();
            let wanted: Vec<usize> = s.match_indices(" och ").map(|(i, _)| i).collect();
            assert_eq!(found, wanted, "{s:?}");
        }
    }

    #[test]
    fn distances_of_non_ascii_words_are_counted_in_characters() {
        assert_eq!(
            bounded_distance("mötesordförande", "motesordforande", 2),
            Some(2)
        );
        assert_eq!(bounded_distance("Närvarande", "narvarande", 1), None);
        assert_eq!(bounded_distance("ö".repeat(64).as_str(), "o", 2), None);
        assert_eq!(bounded_distance("åäö", "aäö", 1), Some(1));
    }

    #[test]
    fn a_folded_prefix_is_found_without_folding_the_text() {
        for (s, p) in [
            ("Ärende 3", "arende "),
            ("PUNKT 4", "punkt "),
            ("Punk", "punkt "),
            ("Paragraf", "paragraf "),
            ("", ""),
            ("Öppet", "opp"),
            ("Öppet", "ö"),
            ("ÅTGÄRD 1", "atgard 1"),
            ("Ñu", "ñu"),
            ("Çx", "c"),
            ("ẞ", "ß"),
        ] {
            assert_eq!(
                folded_starts_with(s, p),
                fold(s).starts_with(p),
                "{s} / {p}"
            );
        }
    }

    #[test]
    fn the_bag_bound_never_exceeds_the_edit_distance() {
        for (a, b) in [
            ("narvarande", "nervarande"),
            ("sekreterare", "sekretrare"),
            ("justerare", "ordforande"),
            ("tid", "plats och tid"),
            ("ab", "ba"),
            ("nårvarande", "narvarande"),
        ] {
            let bound = Bag::of(a).lower_bound(&Bag::of(b));
            let d = bounded_distance(a, b, 63).unwrap();
            assert!(bound <= d, "{a} / {b}: bound {bound}, distance {d}");
        }
    }

    #[test]
    fn further_than_is_the_bag_bound_compared() {
        let pieces = [
            "a", "b", "ab", "z", " ", "1", "ö", "é", "ar", "ande", "nerv",
        ];
        let texts = super::super::texts_of_pieces(&pieces, 43, 6, 400);
        for a in &texts {
            for b in texts.iter().take(60) {
                let (x, y) = (Bag::of(a), Bag::of(b));
                for limit in 0..4 {
                    assert_eq!(x.further_than(&y, limit), x.lower_bound(&y) > limit);
                }
            }
        }
    }

    #[test]
    fn the_folding_table_agrees_with_the_folding_rules() {
        for c in '\u{C0}'..='\u{FF}' {
            let expected: String = match c {
                'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' | 'æ' | 'Å' | 'Ä' | 'À' | 'Á' | 'Â' | 'Ã'
                | 'Æ' => "a".into(),
                'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' | 'Ö' | 'Ø' | 'Ó' | 'Ò' | 'Ô' | 'Õ' => {
                    "o".into()
                }
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e".into(),
                'ü' | 'ú' | 'ù' | 'û' | 'Ü' | 'Ú' | 'Ù' | 'Û' => "u".into(),
                'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => "i".into(),
                other => other.to_lowercase().collect(),
            };
            assert_eq!(fold(&format!("X{c}y")), format!("x{expected}y"), "{c}");
        }
        assert_eq!(fold("ÅÄÖ Σ ǅ İ"), "aao σ ǆ i\u{307}");
    }

    #[test]
    fn folding_any_text_folds_it_character_by_character() {
        let pieces = [
            "ABCDEFGHIJ",
            "abc",
            "Ö",
            "å",
            "Ç",
            "İ",
            "Σ",
            " ",
            "x",
            "Q9",
            "ǅ",
            "@[`{Z",
            "AZaz@[`{",
        ];
        let by_char = |s: &str| -> String {
            s.chars()
                .flat_map(|c| match latin1_fold(c) {
                    Some(f) => vec![f],
                    None => c.to_lowercase().collect(),
                })
                .collect()
        };
        for s in super::super::texts_of_pieces(&pieces, 17, 16, 20_000) {
            assert_eq!(fold(&s), by_char(&s), "{s:?}");
        }
    }

    #[test]
    fn at_most_n_characters_is_the_count_compared() {
        let pieces = ["a", "ö", "€", "😀", " ", "ab"];
        for s in super::super::texts_of_pieces(&pieces, 23, 12, 5_000) {
            for n in 0..14 {
                assert_eq!(at_most_chars(&s, n), s.chars().count() <= n, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn the_quick_lowercase_is_the_lowercase() {
        for c in '\u{0}'..='\u{17F}' {
            let s = format!("AÖ{c}Ém{c}");
            assert_eq!(lowercase(&s), s.to_lowercase(), "{c:?}");
        }
        assert_eq!(lowercase("ΣΑΣ İ"), "ΣΑΣ İ".to_lowercase());
    }

    #[test]
    fn folding_forgives_ocr_accents() {
        assert_eq!(fold("Nérvarande"), "nervarande");
        assert!(fuzzy_eq(&fold("Nérvarande"), &fold("Närvarande")));
        assert!(!fuzzy_eq("tid", "tio"));
    }

    #[test]
    fn samt_joins_the_last_name_as_och_does() {
        assert_eq!(
            split_names("Anna Berg, Lars Ek samt Eva Lind"),
            Some(vec![
                "Anna Berg".into(),
                "Lars Ek".into(),
                "Eva Lind".into()
            ])
        );
        assert_eq!(split_names("Lars Ek samt hela gruppen"), None);
    }

    #[test]
    fn dates_are_found_in_their_swedish_forms() {
        assert_eq!(
            find_date("Tid: 2024-04-19 klockan").map(|d| d.iso()),
            Some("2024-04-19".into())
        );
        assert_eq!(
            find_date("den 19 april 2024").map(|d| d.iso()),
            Some("2024-04-19".into())
        );
        assert_eq!(
            find_date("Mötet 3 okt. 2023 i").map(|d| d.iso()),
            Some("2023-10-03".into())
        );
        assert_eq!(
            find_date("19/4 2024").map(|d| d.iso()),
            Some("2024-04-19".into())
        );
        assert_eq!(
            find_date("2024-02-30 och 19.4.2024").map(|d| d.iso()),
            Some("2024-04-19".into())
        );
        assert_eq!(find_date("019-602 70 00"), None);
    }

    #[test]
    fn a_meeting_over_days_is_dated_by_its_first() {
        let iso = |s: &str| find_date(s).map(|d| d.iso());
        assert_eq!(iso("Dag: 22-23 sep 2015").as_deref(), Some("2015-09-22"));
        assert_eq!(iso("den 26–27 januari 2002").as_deref(), Some("2002-01-26"));
        assert_eq!(find_date("22-23 sep 2015").map(|d| d.start), Some(0));
        // (a number before the dash that is no earlier day, or a date in digits, stays)
        assert_eq!(iso("2024-23 sep 2015").as_deref(), Some("2015-09-23"));
        assert_eq!(iso("25-23 sep 2015").as_deref(), Some("2015-09-23"));
        assert_eq!(iso("12-2024-03-05").as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_year_after_the_word_ar_is_the_dates_year() {
        let iso = |s: &str| find_date(s).map(|d| d.iso());
        assert_eq!(
            iso("Tisdagen den 5 mars år 2024, kl 9–12").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(iso("den 5 mars År 2024").as_deref(), Some("2024-03-05"));
        // (a year's count after "år" is no year of the date)
        assert_eq!(iso("den 5 mars år 2 av planen"), None);
    }

    #[test]
    fn six_digits_year_first_are_a_short_date_where_one_is_looked_for() {
        let iso = |s: &str| find_short_date(s).map(|d| d.iso());
        assert_eq!(iso("240305").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("24-03-05, kl. 13.00").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("Anteckningar_240305").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("möte 240305.").as_deref(), Some("2024-03-05"));
        // (find_date reads none of them: six digits elsewhere are as likely a number)
        assert_eq!(find_date("240305"), None);
        // no such day, more digits, part of a number, a time or a range
        for not_one in [
            "240230",
            "2403051",
            "1240305",
            "SN240305",
            "24-03-05-1",
            "12.240305",
            "24-3-5",
            "Dnr 2024/240305",
        ] {
            assert_eq!(iso(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn ordinal_days_and_eight_digit_dates_are_dates() {
        let iso = |s: &str| find_date(s).map(|d| d.iso());
        assert_eq!(
            iso("Tisdagen den 12:e mars 2024").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(iso("den 1:a april 2024").as_deref(), Some("2024-04-01"));
        assert_eq!(iso("Protokoll 20240312").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("protokoll_20240312.pdf").as_deref(), Some("2024-03-12"));
        // a personal identity number, a registration number, nine digits, no such month
        for not_one in [
            "19450312-1234",
            "SN20240312",
            "120240312",
            "20241340",
            "18991231",
        ] {
            assert_eq!(iso(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn times_are_read_with_or_without_minutes() {
        assert_eq!(
            find_times("2024-09-20, kl. 09.00-12.00. Lokal").map(|t| (t.0, t.1)),
            Some(((9, 0), Some((12, 0))))
        );
        assert_eq!(
            find_times("klockan 13.00–16.00").map(|t| (t.0, t.1)),
            Some(((13, 0), Some((16, 0))))
        );
        assert_eq!(
            find_times("kl 9–12").map(|t| (t.0, t.1)),
            Some(((9, 0), Some((12, 0))))
        );
        assert_eq!(find_times("2024-04-19"), None);
    }

    #[test]
    fn the_words_that_are_never_names_are_3_to_18_bytes_long() {
        assert!(NOT_NAMES.iter().all(|n| (3..=18).contains(&n.len())));
    }

    #[test]
    fn names_are_two_to_five_capitalised_words() {
        assert!(is_person_name("Malin Duckert Ek"));
        assert!(is_person_name("Marie-Louise Forsberg Fransson"));
        assert!(!is_person_name("Region Örebro län"));
        assert!(!is_person_name("Askersund"));
        assert!(!is_person_name("ViSam uppdrag"));
        // (the first half of a compound, and an office, are no names)
        assert!(!is_person_name("Norra Hälso-"));
        assert!(!is_person_name("Kansli Länsgemensam"));
        assert_eq!(
            split_names("Siv Liedström och Lennart Wittberg"),
            Some(vec![
                "Siv Liedström".to_owned(),
                "Lennart Wittberg".to_owned()
            ])
        );
        assert_eq!(split_names("länsgemensam rehabilitering"), None);
    }
}
