//! HTML-ish fragments to plain lines with a few kept marks.
//!
//! Archives mix plain text with `<p>`, `<i>`, `<del>` and whole HTML exports. This
//! pass turns block tags into line breaks, list items into `- ` bullets, table cells
//! into `|`, bold into `**`, strike-through into `~~`, and italics into two private
//! marks ([`ITALIC_START`], [`ITALIC_END`]) that the item parser reads presenters from.
//! Text that only looks like a tag (`< 5 personer`) is kept. One pass, linear time.

/// Start of an italic span in the marked text.
pub const ITALIC_START: char = '\u{E000}';
/// [`ITALIC_START`] as text, for a byte search.
pub const ITALIC_START_TEXT: &str = "\u{E000}";
/// End of an italic span in the marked text.
pub const ITALIC_END: char = '\u{E001}';

/// Longest tag or entity looked at; anything longer is text.
const MAX_TAG: usize = 400;

pub fn to_marked_text(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    let mut skip_until: Option<&'static str> = None;
    let mut specials = SpecialBytes::new(input.as_bytes());
    // (how many table cells are open: a paragraph inside a cell is no line of its own)
    let mut cells = 0usize;
    loop {
        let offset = input.len() - rest.len();
        let Some(found) = next_special(input, offset, &mut specials) else {
            break;
        };
        let (before, at) = rest.split_at(found - offset);
        if skip_until.is_none() {
            out.push_str(before);
        }
        let c = at.chars().next().unwrap_or(' ');
        let after = &at[c.len_utf8()..];
        match c {
            '<' => match parse_tag(at) {
                Some((tag, len)) => {
                    rest = &at[len..];
                    if let Some(end) = skip_until {
                        if tag.closing && tag.name == end {
                            skip_until = None;
                        }
                        continue;
                    }
                    if !tag.closing && matches!(tag.name, "script" | "style" | "title") {
                        skip_until = Some(tag.name);
                        continue;
                    }
                    emit_tag(&mut out, &tag, &mut cells);
                    continue;
                }
                None => {
                    if skip_until.is_none() {
                        out.push('<');
                    }
                }
            },
            '&' => match parse_entity(at) {
                Some((ch, len)) => {
                    if skip_until.is_none() {
                        out.push(ch);
                    }
                    rest = &at[len..];
                    continue;
                }
                None => {
                    if skip_until.is_none() {
                        out.push('&');
                    }
                }
            },
            '\u{a0}' => out.push(' '),
            '\u{c}' => out.push('\n'),
            // carriage returns and stray private marks are dropped
            _ => {}
        }
        rest = after;
    }
    if skip_until.is_none() {
        out.push_str(rest);
    }
    if super::words::has_byte(&out, b'@')
        && let Some(text) = without_mentions(&out)
    {
        out = text;
    }
    out
}

/// `text` without the `@` of mentions in notes from collaboration tools (`@Anna Berg`
/// is Anna Berg): an `@` at the start of a word, before a capital; `None` when it has
/// none. Addresses (`anna.berg@region.se`) keep theirs.
fn without_mentions(text: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut from = 0;
    for at in memchr::memchr_iter(b'@', text.as_bytes()) {
        let before = text[..at].chars().next_back().unwrap_or(' ');
        let opens = before.is_whitespace() || matches!(before, '(' | ',' | ';' | '*' | '|');
        if opens
            && text[at + 1..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[from..at]);
            from = at + 1;
        }
    }
    let mut out = out?;
    out.push_str(&text[from..]);
    Some(out)
}

/// The first bytes of what [`to_marked_text`] changes: `<`, `&`, carriage return, form
/// feed, U+00A0 (0xC2 0xA0) and the private marks (0xEE 0x80 0x80/0x81).
const SPECIAL_BYTES: [u8; 6] = [b'<', b'&', b'\r', 0x0C, 0xC2, 0xEE];

/// The places of [`SPECIAL_BYTES`] in a text, in order: two searches for three bytes
/// each (many bytes at a time), each going once through the text.
struct SpecialBytes<'a> {
    first: std::iter::Peekable<memchr::Memchr3<'a>>,
    second: std::iter::Peekable<memchr::Memchr3<'a>>,
}

impl<'a> SpecialBytes<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let [a, b, c, d, e, f] = SPECIAL_BYTES;
        SpecialBytes {
            first: memchr::memchr3_iter(a, b, c, bytes).peekable(),
            second: memchr::memchr3_iter(d, e, f, bytes).peekable(),
        }
    }

    /// The first place at or after `from` (which never goes back).
    fn first_from(&mut self, from: usize) -> Option<usize> {
        while self.first.next_if(|&p| p < from).is_some() {}
        while self.second.next_if(|&p| p < from).is_some() {}
        match (self.first.peek(), self.second.peek()) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        }
    }
}

/// Where the next character this pass handles starts in `s`, at or after `from`: `<`,
/// `&`, a carriage return, a form feed, a no-break space or a private italic mark. The
/// first bytes those characters can have, from `specials` (of `s`), then a check of the
/// character.
fn next_special(s: &str, from: usize, specials: &mut SpecialBytes) -> Option<usize> {
    let mut from = from;
    while let Some(at) = specials.first_from(from) {
        let c = s[at..].chars().next()?;
        if matches!(
            c,
            '<' | '&' | '\r' | '\u{c}' | '\u{a0}' | ITALIC_START | ITALIC_END
        ) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
    None
}

struct Tag {
    name: &'static str,
    closing: bool,
}

const KNOWN: &[&str] = &[
    "p",
    "br",
    "i",
    "em",
    "b",
    "strong",
    "u",
    "del",
    "s",
    "strike",
    "ol",
    "ul",
    "li",
    "div",
    "span",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "a",
    "html",
    "head",
    "body",
    "title",
    "meta",
    "font",
    "sup",
    "sub",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "style",
    "script",
    "link",
    "img",
    "main",
    "nav",
    "blockquote",
    "pre",
    "code",
    "small",
    "mark",
    "ins",
    "caption",
    "tfoot",
    "dl",
    "dt",
    "dd",
];

/// `<name attrs>` or `</name>` with a known name, or a comment / doctype (`name` ""),
/// with its byte length.
fn parse_tag(at: &str) -> Option<(Tag, usize)> {
    let window = prefix(at, MAX_TAG);
    if let Some(body) = window.strip_prefix("<!--") {
        let end = body.find("-->")?;
        return Some((
            Tag {
                name: "",
                closing: false,
            },
            4 + end + 3,
        ));
    }
    if window.starts_with("<!") || window.starts_with("<?") {
        let end = window.find('>')?;
        return Some((
            Tag {
                name: "",
                closing: false,
            },
            end + 1,
        ));
    }
    let inner_start = if window.starts_with("</") { 2 } else { 1 };
    let closing = inner_start == 2;
    let name_len = window[inner_start..]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(window.len() - inner_start);
    let raw_name = &window[inner_start..inner_start + name_len];
    let lower = raw_name.to_ascii_lowercase();
    let name = *KNOWN.iter().find(|k| **k == lower)?;
    let after_name = &window[inner_start + name_len..];
    let next = after_name.chars().next()?;
    if !(next == '>' || next == '/' || next.is_whitespace()) {
        return None;
    }
    let end = after_name.find('>')?;
    Some((Tag { name, closing }, inner_start + name_len + end + 1))
}

fn emit_tag(out: &mut String, tag: &Tag, cells: &mut usize) {
    match (tag.name, tag.closing) {
        ("td" | "th", false) => *cells += 1,
        ("td" | "th", true) => *cells = cells.saturating_sub(1),
        ("tr" | "table", _) => *cells = 0,
        _ => {}
    }
    // A word processor's table puts each cell's text in paragraphs ("<td><p>Lisa
    // Nordin</p></td>"): inside a cell they part words, not lines, so the row stays one.
    // So do lists: "<td><ul><li>A</li><li>B</li></ul></td>" is "- A - B" in the row.
    if *cells > 0 && matches!(tag.name, "p" | "div" | "br" | "ul" | "ol" | "li") {
        // (but a line break in a cell parts its entries: "Britt Ek (S), ordförande<br>Jonas
        // Ahl (M)" is two people)
        if tag.name == "br" && !out.ends_with([' ', '|', ';']) {
            out.push_str("; ");
            return;
        }
        if !tag.closing && !out.ends_with([' ', '|']) {
            out.push(' ');
        }
        if (tag.name, tag.closing) == ("li", false) {
            out.push_str("- ");
        }
        return;
    }
    match (tag.name, tag.closing) {
        ("br", _)
        | ("hr", _)
        | ("tr", true)
        | ("table", _)
        | ("ol", _)
        | ("ul", _)
        | ("div", _)
        | ("dl", _)
        | ("dd", _)
        | ("dt", _)
        | ("blockquote", _)
        | ("pre", _)
        | ("section", _)
        | ("article", _)
        | ("header", _)
        | ("footer", _)
        | ("title", true)
        | ("li", true)
        | ("main", _)
        | ("caption", _) => out.push('\n'),
        ("p", closing)
            // A paragraph right after an item number ("6.\t<p>Title") continues that line.
            if (closing || !only_number_on_line(out)) => {
                out.push('\n');
            }
        ("li", false) => out.push_str("\n- "),
        ("tr", false) => out.push_str("\n|"),
        ("td", false) | ("th", false) => {
            if !out.ends_with('|') {
                out.push_str(" |");
            }
            out.push(' ');
        }
        ("td", true) | ("th", true) => out.push_str(" |"),
        (h, false) if h.len() == 2 && h.starts_with('h') => {
            let level = h.as_bytes()[1].saturating_sub(b'0') as usize;
            out.push('\n');
            out.push_str(&"#".repeat(level.clamp(1, 6)));
            out.push(' ');
        }
        (h, true) if h.len() == 2 && h.starts_with('h') => out.push('\n'),
        ("i", false) | ("em", false) => out.push(ITALIC_START),
        ("i", true) | ("em", true) => out.push(ITALIC_END),
        ("b", _) | ("strong", _) => out.push_str("**"),
        ("del", _) | ("s", _) | ("strike", _) => out.push_str("~~"),
        _ => {}
    }
}

fn only_number_on_line(out: &str) -> bool {
    let line = out.rsplit('\n').next().unwrap_or("");
    let t = line.trim();
    !t.is_empty()
        && t.trim_end_matches(['.', ')', ':'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '§' || c == ' ' || c == '.')
}

fn parse_entity(at: &str) -> Option<(char, usize)> {
    let window = prefix(at, 12);
    let end = window.find(';')?;
    let name = &window[1..end];
    let ch = if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "bull" => '•',
            "aring" => 'å',
            "auml" => 'ä',
            "ouml" => 'ö',
            "Aring" => 'Å',
            "Auml" => 'Ä',
            "Ouml" => 'Ö',
            "eacute" => 'é',
            "Eacute" => 'É',
            "uuml" => 'ü',
            "Uuml" => 'Ü',
            "sect" => '§',
            "middot" => '·',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "laquo" => '«',
            "raquo" => '»',
            "oslash" => 'ø',
            "Oslash" => 'Ø',
            "aelig" => 'æ',
            "AElig" => 'Æ',
            "aacute" => 'á',
            "egrave" => 'è',
            "iacute" => 'í',
            "oacute" => 'ó',
            "uacute" => 'ú',
            "ccedil" => 'ç',
            "ntilde" => 'ñ',
            "szlig" => 'ß',
            "euro" => '€',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

/// At most `n` bytes of `s`, cut at a character boundary.
pub fn prefix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mentions_at_sign_is_dropped_and_an_addresses_kept() {
        assert_eq!(
            to_marked_text("Deltagare: @Anna Berg, @Lars Ek (@Region)\n@Åsa Lind"),
            "Deltagare: Anna Berg, Lars Ek (Region)\nÅsa Lind"
        );
        for kept in ["anna.berg@region.se", "@anna", "a @ b", "**@**"] {
            assert_eq!(to_marked_text(kept), kept);
        }
    }

    #[test]
    fn a_line_break_in_a_cell_parts_entries_and_a_paragraph_words() {
        let row = |html: &str| to_marked_text(html).trim().to_owned();
        assert_eq!(
            row("<table><tr><td>Anna Berg<br>Per Holm</td></tr></table>"),
            "| Anna Berg; Per Holm |"
        );
        assert_eq!(
            row("<table><tr><td><p>Lisa</p><p>Nordin</p></td></tr></table>"),
            "| Lisa Nordin |"
        );
    }

    #[test]
    fn the_italic_start_as_text_is_the_italic_start() {
        assert_eq!(ITALIC_START_TEXT, ITALIC_START.to_string());
    }

    #[test]
    fn special_bytes_are_found_where_a_byte_by_byte_scan_finds_them() {
        let mut bytes: Vec<u8> = (0..200u8).map(|i| b'a' + i % 26).collect();
        assert_eq!(SpecialBytes::new(&bytes).first_from(0), None);
        for at in [0, 5, 15, 16, 17, 31, 32, 150, 199] {
            for special in SPECIAL_BYTES {
                let saved = bytes[at];
                bytes[at] = special;
                let mut specials = SpecialBytes::new(&bytes);
                assert_eq!(specials.first_from(0), Some(at), "{special:#x} at {at}");
                assert_eq!(specials.first_from(at), Some(at), "{special:#x} at {at}");
                assert_eq!(specials.first_from(at + 1), None, "{special:#x} at {at}");
                bytes[at] = saved;
            }
        }
    }

    #[test]
    fn the_byte_scan_finds_what_a_search_for_the_characters_finds() {
        for s in [
            "",
            "ingenting",
            "åäö é ü Ω",
            "a<b",
            "x &amp; y",
            "rad\r\n",
            "sida\u{c}två",
            "no\u{a0}break",
            "Ò\u{E000}kursiv\u{E001}",
            "\u{E002}\u{E000}",
            "Â Ā ¢",
            "§ 1 <p>a&b</p>\r\n\u{a0}§\u{E000}x\u{E001}\u{c}<<&&",
            "¢<§&\u{E002}\u{a0}\u{a0}é\r",
        ] {
            let specials = ['<', '&', '\r', ITALIC_START, ITALIC_END, '\u{a0}', '\u{c}'];
            let want: Vec<usize> = s.match_indices(specials).map(|(i, _)| i).collect();
            // every one in turn, each searched for after the one before
            let mut found = Vec::new();
            let mut bytes = SpecialBytes::new(s.as_bytes());
            while let Some(at) = next_special(s, found.last().map_or(0, |&p| p + 1), &mut bytes) {
                found.push(at);
            }
            assert_eq!(found, want, "{s:?}");
        }
    }

    #[test]
    fn paragraphs_become_lines_and_italics_are_marked() {
        let t = to_marked_text("6.\t<p>Aktuellt <i>Ingmar Ångman</i></p> <p>Text.</p>");
        assert_eq!(t, "6.\tAktuellt \u{E000}Ingmar Ångman\u{E001}\n \nText.\n");
    }

    #[test]
    fn strike_through_and_entities_are_kept_as_marks() {
        assert_eq!(
            to_marked_text("<del>Anna</del> &amp; Bo&#229;"),
            "~~Anna~~ & Boå"
        );
    }

    #[test]
    fn text_that_only_looks_like_a_tag_is_kept() {
        assert_eq!(to_marked_text("< 5 personer & fler"), "< 5 personer & fler");
        assert_eq!(to_marked_text("<unknown>"), "<unknown>");
    }

    #[test]
    fn list_items_become_bullets_and_cells_bars() {
        let t = to_marked_text(
            "<ul><li>Ett</li><li>Två</li></ul><table><tr><td>A</td><td>B</td></tr></table>",
        );
        assert!(t.contains("\n- Ett\n"), "{t:?}");
        assert!(t.contains("| A | B |"), "{t:?}");
    }

    #[test]
    fn paragraphs_inside_a_cell_keep_the_row_one_line() {
        let t = to_marked_text(
            "<table><tr><td><p class=MsoNormal>Lisa</p><p>Nordin</p></td>\
             <td><p>Region</p></td></tr></table><p>Efter</p>",
        );
        assert!(t.contains("| Lisa Nordin | Region |"), "{t:?}");
        assert!(t.contains("\nEfter\n"), "{t:?}");
    }

    #[test]
    fn a_list_inside_a_cell_keeps_the_row_one_line() {
        let t = to_marked_text(
            "<table><tr><td>2</td><td><ul><li>Remiss</li><li>Maj</li></ul></td></tr></table>",
        );
        assert!(t.contains("| 2 | - Remiss - Maj |"), "{t:?}");
    }

    #[test]
    fn scripts_and_comments_vanish() {
        assert_eq!(to_marked_text("a<script>x<y</script>b<!-- c -->d"), "abd");
    }
}
