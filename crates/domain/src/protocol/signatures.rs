//! Signatures after the last item: paper style (`Ordförande` / `______` / name) and the
//! verification pages of e-signature services (`Signerat 2024-10-01 09:12 av Name`, or a
//! name followed by its `Signerade …` line).

use super::Signature;
use super::lines::Line;
use super::words::{self, TrimEnds, fold};

const ROLE_LABELS: &[(&str, &str)] = &[
    ("ordforande", "ordförande"),
    ("motesordforande", "ordförande"),
    ("motesledare", "ordförande"),
    ("vice ordforande", "vice ordförande"),
    ("justerare", "justerare"),
    ("justerande", "justerare"),
    ("justeras", "justerare"),
    // (an association's "Justeringsperson" under the name)
    ("justeringsperson", "justerare"),
    ("sekreterare", "sekreterare"),
    ("vid protokollet", "sekreterare"),
    ("protokollforare", "sekreterare"),
    ("antecknare", "sekreterare"),
    ("vid anteckningarna", "sekreterare"),
    ("antecknat av", "sekreterare"),
    ("vid pennan", "sekreterare"),
    ("vid tangenterna", "sekreterare"),
];

/// How each of [`ROLE_LABELS`] and [`ABBREVIATED_ROLES`] starts, folded: a quick look
/// before a line is taken for a role over a rule.
const ROLE_STARTS: &[&str] = &[
    "ordf", "mote", "vice", "just", "sekr", "vid ", "prot", "ante",
];

/// Roles abbreviated where they label a line to sign on or a column of signers:
/// "Ordf. ______ ⇥ Just. ______" (not elsewhere: "direktör, ordf" in a list of members
/// names no signer).
const ABBREVIATED_ROLES: &[(&str, &str)] = &[
    ("ordf", "ordförande"),
    ("just", "justerare"),
    ("sekr", "sekreterare"),
];

/// The role an abbreviation stands for: "Ordf.", "just".
pub(super) fn abbreviated_role(text: &str) -> Option<&'static str> {
    let t = text.trim_ends().trim_end_matches(['.', ':']);
    ABBREVIATED_ROLES
        .iter()
        .find(|(k, _)| t.eq_ignore_ascii_case(k))
        .map(|(_, r)| *r)
}

fn role_label(text: &str) -> Option<&'static str> {
    role_label_folded(&fold(text))
}

/// The role a column names, with or without a line to sign on after it: "Justerare",
/// "Just. ______________".
fn column_role(column: &str) -> Option<&'static str> {
    let label = column.trim_end_matches(['_', '.', ' ', '…']);
    role_label(label).or_else(|| abbreviated_role(label))
}

/// [`role_label`] of a folded text.
fn role_label_folded(f: &str) -> Option<&'static str> {
    let f = f.trim_ends().trim_end_matches([':', '.', ' ']);
    // No label is longer than 18 letters, and a match differs by at most two.
    if f.len() > 4 * 20 || f.chars().count() > 20 {
        return None;
    }
    // (a label whose letters differ from the text's by more than its tolerance is too
    // far for the edit distance to be worth computing)
    let bag = words::Bag::of(f);
    ROLE_LABELS
        .iter()
        .zip(role_label_bags())
        .find(|((k, _), (k_bag, tolerance))| {
            f == *k || !bag.further_than(k_bag, *tolerance) && words::fuzzy_eq(f, k)
        })
        .map(|((_, r), _)| *r)
}

/// The letters of each role label and how many of them may differ, counted once.
fn role_label_bags() -> &'static [(words::Bag, usize)] {
    static BAGS: std::sync::OnceLock<Vec<(words::Bag, usize)>> = std::sync::OnceLock::new();
    BAGS.get_or_init(|| {
        ROLE_LABELS
            .iter()
            .map(|(k, _)| (words::Bag::of(k), words::tolerance(k.chars().count())))
            .collect()
    })
}

fn is_rule(text: &str) -> bool {
    let t = text.trim_ends();
    // (an ellipsis, "………", as a word processor writes three dots)
    t.chars()
        .map(|c| match c {
            '_' | '.' | '-' => 1,
            '…' => 3,
            _ => 0,
        })
        .sum::<usize>()
        >= 5
        && t.chars().filter(|c| c.is_alphabetic()).count() < 3
}

/// How many rules a line has, each a word of its own: "Justerande ……… ………" has two.
fn rules_in(text: &str) -> usize {
    text.split_whitespace().filter(|w| is_rule(w)).count()
}

/// Two people's names of two words each, written one space apart under two rules:
/// "Anders Persson Kristina Fredriksson".
fn two_names(name: &str) -> Option<(&str, &str)> {
    let mut spaces = memchr::memchr_iter(b' ', name.as_bytes());
    let (Some(_), Some(middle), Some(_), None) =
        (spaces.next(), spaces.next(), spaces.next(), spaces.next())
    else {
        return None;
    };
    let (first, second) = (&name[..middle], &name[middle + 1..]);
    (words::is_person_name(first) && words::is_person_name(second)).then_some((first, second))
}

/// A person's name on a signature line: "Bechet Barsom (BB)", "Bechet Barsom, ordförande".
fn signer_name(text: &str) -> Option<String> {
    let t = text.trim_ends();
    let t = match t.find('(') {
        Some(p) => &t[..p],
        None => t,
    };
    let t = t.split([',', '\t']).next().unwrap_or("").trim_ends();
    // (a copy's "/Anne-Marie Nilsson/" where the original was signed)
    let t = t.trim_matches(|c: char| matches!(c, '_' | '.' | '/') || c.is_whitespace());
    words::is_person_name(t).then(|| t.to_owned())
}

/// Words of a signing service's record ("Signerat av …").
const SIGN_EVENTS: &[&str] = &[
    "signerat",
    "signerad",
    "signerade",
    "undertecknat",
    "undertecknad",
    "e-signerat",
    "signed",
    "underskrivet",
    // a record naming its signer after a label: "Undertecknare: Anna Berg, 2024-09-16 10:12"
    "undertecknare:",
    "signerare:",
];

pub(super) fn is_sign_event(f: &str) -> bool {
    // Every word of the list has "sign" or "under" in it.
    (words::holds!(f, "sign") || words::holds!(f, "under"))
        && SIGN_EVENTS.iter().any(|k| f.contains(k))
}

fn signed_at(text: &str) -> Option<String> {
    let d = words::find_date(text)?;
    let mut s = d.iso();
    if let Some((start, _, _)) = words::find_times(&text[d.end..]) {
        s.push(' ');
        s.push_str(&words::clock_text(start));
    }
    Some(s)
}

/// The role in the first column of a page laid out in columns, when no other column
/// names a person or a role: "Underskrifter ⇥ Sekreterare ⇥ Paragrafer 88-90".
fn role_in_first_column(text: &str) -> Option<&'static str> {
    if !words::has_byte(text, b'\t') {
        return None;
    }
    let mut columns = words::split_byte(text, b'\t')
        .map(|c| c.trim_matches(|c: char| c == '_' || c == '.' || c.is_whitespace()))
        .filter(|c| !c.is_empty());
    let first = columns.next()?;
    let first = if fold(first).starts_with("underskrift") {
        columns.next()?
    } else {
        first
    };
    let role = role_label(first)?;
    columns
        .all(|c| role_label(c).is_none() && signer_name(c).is_none())
        .then_some(role)
}

/// The role of a line such as "Sekreterare ........... Paragrafer 12–14" or "Underskrifter
/// Sekreterare ______" (folded): the label before the rule.
fn role_before_rule(f: &str) -> Option<&'static str> {
    // where three dots or three underscores start
    let b = f.as_bytes();
    // (or an ellipsis: "Sekreterare ………..")
    let cut = memchr::memchr2_iter(b'.', b'_', b)
        .find(|&i| b.get(i + 1) == Some(&b[i]) && b.get(i + 2) == Some(&b[i]))
        .into_iter()
        .chain(f.find('…'))
        .min()?;
    let head = f[..cut].trim_ends();
    // ("Under-" over "skrifter Sekreterare ………..": the label broken at its hyphen)
    let head = head
        .strip_prefix("underskrifter")
        .or_else(|| head.strip_prefix("underskrift"))
        // (its column after it laid out with spaces or a tab)
        .or_else(|| {
            head.strip_prefix("skrifter")
                .filter(|r| r.starts_with([' ', '\t']))
        })
        .unwrap_or(head)
        .trim_ends();
    role_label_folded(head).or_else(|| abbreviated_role(head))
}

/// Signatures on the first page, as municipal protocols have them: the block under
/// "Underskrifter" in the head, up to the first blank line after it.
pub fn read_in_head(lines: &[Line]) -> Vec<Signature> {
    // ("Under-" over "skrifter Sekreterare ………..": the label broken at its hyphen, as a
    // narrow column of a PDF's text breaks it)
    let broken_at = |i: usize| {
        lines[i].folded.starts_with("skrifter")
            && lines[..i]
                .iter()
                .rev()
                .find(|l| !l.is_blank())
                .is_some_and(|l| l.folded.trim_ends() == "under-")
    };
    // (or, without that label, the first role over a rule with a name under it:
    // "Sekreterare ........ Paragrafer 65-70" over "James Winoy", the name alone on its
    // line or with its party, not a line of people present)
    let role_over_name = |i: usize| {
        let f = &lines[i].folded;
        f.get(..4).is_some_and(|start| ROLE_STARTS.contains(&start))
            && role_before_rule(f).is_some()
            && lines[i + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| {
                    words::at_most_chars(&l.text, 40) && signer_name(&l.text).is_some()
                })
    };
    let labelled = lines.iter().enumerate().position(|(i, l)| {
        !l.furniture
            && (l.folded.starts_with("underskrift") || broken_at(i))
            && words::at_most_chars(&l.text, 120)
    });
    let role_first = |to: usize| {
        (0..to).find(|&i| {
            role_over_name(i) && !lines[i].furniture && words::at_most_chars(&lines[i].text, 120)
        })
    };
    let start = match labelled {
        // (a notice of the adjustment after the signers, "ANSLAG/BEVIS" over "Underskrift
        // ……" and the secretary, is no block of the signers: the role over a rule above
        // the notice starts it)
        Some(at) => role_first(at)
            .filter(|&first| lines[first..at].iter().any(|l| l.folded.contains("anslag")))
            .unwrap_or(at),
        None => match role_first(lines.len()) {
            Some(first) => first,
            None => return Vec::new(),
        },
    };
    let block = &lines[start..];
    let first_text = block
        .iter()
        .skip(1)
        .position(|l| !l.is_blank())
        .map_or(block.len(), |p| p + 1);
    let until_blank = |from: usize| {
        block[from..]
            .iter()
            .position(Line::is_blank)
            .map_or(block.len(), |p| from + p)
    };
    let mut end = until_blank(first_text);
    // (blank lines between the signers: "Ordförande ......" after one, with a name under
    // it, goes on with the block)
    while let Some(next) = block[end..]
        .iter()
        .position(|l| !l.is_blank())
        .map(|p| end + p)
        && next < 20
    {
        // "Ordförande: Ulrik Hammar (L)": a role and its signer on one line
        if role_and_name(block[next].text.trim_ends()).is_some() {
            end = until_blank(next);
            continue;
        }
        // (the name under it, blank lines between them too, and its party after it:
        // "Ulla-Maj Persson (C)")
        if starts_with_role(&block[next])
            && let Some(name) = block[next + 1..]
                .iter()
                .position(|l| !l.is_blank())
                .map(|p| next + 1 + p)
            && (signer_name(&block[name].text).is_some() || block[name].has_cells())
        {
            end = until_blank(name);
            continue;
        }
        break;
    }
    read(&block[..end.min(20)])
}

/// Whether a line's first cell is a role to sign in: "Ordförande ⇥ ......".
fn starts_with_role(l: &Line) -> bool {
    words::at_most_chars(&l.text, 120)
        && words::split_byte(&l.text, b'\t')
            .next()
            .is_some_and(|c| column_role(c.trim_ends()).is_some())
}

/// A signing service's field without its label: "Namn: Anna Berg" is "Anna Berg",
/// "Roll: Ordförande" is "Ordförande" (the text and its folded form, both trimmed).
fn without_field_label<'t, 'f>(text: &'t str, f: &'f str) -> (&'t str, &'f str) {
    if !f.starts_with(['n', 'r', 'f', 'b', 'd']) {
        return (text, f);
    }
    // (the labels are ASCII, so the colon is at the same place in both)
    FIELD_LABELS
        .iter()
        .find(|k| f.starts_with(*k) && text.is_char_boundary(k.len()))
        .map_or((text, f), |k| {
            (text[k.len()..].trim_ends(), f[k.len()..].trim_ends())
        })
}

const FIELD_LABELS: &[&str] = &["namn:", "roll:", "funktion:", "befattning:", "datum:"];

/// The role a signer's line names after its comma: "Bechet Barsom, ordförande".
fn own_role(text: &str) -> Option<&'static str> {
    text.split_once(',').and_then(|(_, r)| role_label(r))
}

/// Whether a line names signers only, each with their role after a comma: "Lars Holm,
/// justerare", "Helena Ström, sekreterare ⇥ Birgitta Ek, ordförande".
pub(super) fn is_signer_line(text: &str) -> bool {
    // (a line of signers is short and has a comma: most lines are passed over here)
    if text.len() > 200 || !words::has_byte(text, b',') {
        return false;
    }
    let mut columns = words::split_byte(text, b'\t')
        .map(str::trim_ends)
        .filter(|c| !c.is_empty())
        .peekable();
    columns.peek().is_some() && columns.all(is_signer)
}

/// Whether a column names a signer and their role after a comma: "Lars Holm, justerare".
fn is_signer(column: &str) -> bool {
    own_role(column).is_some() && signer_name(column).is_some()
}

/// Whether the line after line `i` is a signing service's record of it.
fn event_follows(lines: &[&Line], i: usize) -> bool {
    lines
        .get(i + 1)
        .is_some_and(|l| is_sign_event(&l.folded_full()))
}

pub fn read(lines: &[Line]) -> Vec<Signature> {
    let lines: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.furniture && !l.is_blank())
        .collect();
    match side_by_side(&lines) {
        Some(expanded) => read_lines(&expanded.iter().collect::<Vec<&Line>>()),
        None => read_lines(&lines),
    }
}

/// Signers side by side, a row of names over a row of their roles in the same columns
/// ("Karin Berg ⇥ Olle Sund" over "ordförande ⇥ justerare") or under it, as one line each
/// ("Karin Berg, ordförande"); `None` when there are none.
fn side_by_side<'a>(lines: &[&Line<'a>]) -> Option<Vec<Line<'a>>> {
    // (in columns between tabs, or laid out with spaces)
    let columns = |l: &Line<'a>| -> Vec<String> { l.cells() };
    // (names over roles, or roles over names: "Ordförande ⇥ Justerare" over "Karl Olsson
    // ⇥ Britt Sandberg")
    let pair_at = |i: usize| -> Option<Vec<String>> {
        let (upper, lower) = (lines.get(i)?, lines.get(i + 1)?);
        if !upper.has_cells() || !lower.has_cells() {
            return None;
        }
        let (upper, lower) = (columns(upper), columns(lower));
        let roles_first = upper.first().is_some_and(|c| column_role(c).is_some());
        let (names, roles) = if roles_first {
            (lower, upper)
        } else {
            (upper, lower)
        };
        (names.len() >= 2
            && names.len() == roles.len()
            && names.iter().all(|n| signer_name(n).is_some())
            && roles.iter().all(|r| column_role(r).is_some()))
        .then(|| {
            names
                .iter()
                .zip(&roles)
                .filter_map(|(n, r)| Some(format!("{n}, {}", column_role(r)?)))
                .collect()
        })
    };
    // a row of names under a role alone ("Justeras" over "Anna Karlsson ⇥ Erik Nyberg"):
    // each signs in that role
    let under_role_at = |i: usize| -> Option<Vec<String>> {
        let names = lines.get(i)?;
        if i == 0 || !names.has_cells() {
            return None;
        }
        // (or over a rule for each: "Justerande ……… ………" over "Inga-Britt Söderberg ⇥
        // Jan-Owe Dvärby")
        let above = lines[i - 1];
        let role = role_label(&above.text).or_else(|| {
            (rules_in(&above.text) >= 2)
                .then(|| role_before_rule(&above.folded))
                .flatten()
        })?;
        let names = columns(names);
        (names.len() >= 2 && names.iter().all(|n| signer_name(n).is_some()))
            .then(|| names.iter().map(|n| format!("{n}, {role}")).collect())
    };
    // each in a column with their role ("Gun Axelsson, ordförande ⇥ Kjell Strand,
    // justerare")
    let in_columns_at = |i: usize| -> Option<Vec<String>> {
        let row = lines.get(i)?;
        if !row.has_cells() {
            return None;
        }
        let signers = columns(row);
        (signers.len() >= 2 && signers.iter().all(|c| is_signer(c))).then_some(signers)
    };
    let one_row_at = |i: usize| in_columns_at(i).or_else(|| under_role_at(i));
    let first = (0..lines.len()).find(|&i| pair_at(i).is_some() || one_row_at(i).is_some())?;
    let mut out: Vec<Line<'a>> = lines[..first].iter().map(|l| (*l).clone()).collect();
    let mut i = first;
    while i < lines.len() {
        let (signers, rows) = match pair_at(i) {
            Some(signers) => (Some(signers), 2),
            None => (one_row_at(i), 1),
        };
        match signers {
            Some(signers) => {
                for text in signers {
                    out.push(Line::plain(lines[i].no, "", std::borrow::Cow::Owned(text)));
                }
                i += rows;
            }
            None => {
                out.push(lines[i].clone());
                i += 1;
            }
        }
    }
    Some(out)
}

/// Whether a line is a role label alone ("Ordförande", "Justerare:").
fn is_bare_role(l: &Line) -> bool {
    role_label_folded(&l.folded_full()).is_some()
}

/// Whether the signers are written with each name over its role ("Ulrika Strand" /
/// "Ordförande"): no rules to sign on, the first of the names and roles a name or the
/// heading "Justeras", and the last a role alone right under a name. Paper style puts
/// each role over a rule and the name under it, so its block starts with a role and ends
/// with a name.
fn names_over_roles(lines: &[&Line]) -> bool {
    let signing = |l: &&&Line| is_bare_role(l) || signer_name(&l.text).is_some();
    // (from the end first: most blocks end with a name, and are passed over there)
    let Some(last) = lines.iter().rposition(|l| signing(&l)) else {
        return false;
    };
    let heading = |l: &Line| l.folded.starts_with("justeras");
    if !is_bare_role(lines[last])
        || heading(lines[last])
        || last == 0
        || signer_name(&lines[last - 1].text).is_none()
    {
        return false;
    }
    let first = lines.iter().find(signing).copied();
    first.is_some_and(|f| !is_bare_role(f) || heading(f))
        && !lines
            .iter()
            .any(|l| is_rule(&l.text) || role_before_rule(&l.folded_full()).is_some())
}

/// The phrases that name who took the notes, folded, before the name with or without a
/// colon: "Antecknat av: Maria Holm", "Vid pennan Eva Lind", "Minnesanteckningarna
/// fördes av Eva Lind". Each folds to as many characters as it is written with.
const NOTE_TAKER_PHRASES: &[&str] = &[
    "antecknat av",
    "antecknad av",
    "antecknare",
    "sekreterare",
    "motessekreterare",
    "protokollforare",
    "vid pennan",
    "vid tangenterna",
    "vid tangentbordet",
    "minnesanteckningarna fordes av",
    "anteckningarna fordes av",
    "protokollet fordes av",
];

/// Who took the notes, named after a phrase that says so on the same line: "Antecknat
/// av Maria Holm", "Antecknare: Eva Lind", "Vid pennan: Eva Lind, Region Gävleborg".
pub fn note_taker(text: &str) -> Option<String> {
    // (every phrase is ASCII and starts with one of these letters: most lines are
    // passed over here, and most of the rest at a phrase's first two letters)
    if !text.starts_with(['A', 'a', 'S', 's', 'M', 'm', 'P', 'p', 'V', 'v']) {
        return None;
    }
    let first_two = [text.as_bytes()[0], *text.as_bytes().get(1)?].map(|b| b.to_ascii_lowercase());
    NOTE_TAKER_PHRASES.iter().find_map(|phrase| {
        if phrase.as_bytes()[..2] != first_two || !words::folded_starts_with(text, phrase) {
            return None;
        }
        // (a whole word, "sekreterarens" is none, and the name after a space or a colon)
        let (at, next) = text.char_indices().nth(phrase.len())?;
        if !matches!(next, ' ' | ':' | '\t') {
            return None;
        }
        signer_name(text[at..].trim_start_matches([':', ' ', '\t']))
    })
}

/// A signer named on its role's line: "Vid anteckningarna: Maria Sund", "Antecknat av
/// Maria Holm".
fn role_and_name(text: &str) -> Option<(&'static str, String)> {
    if let Some(name) = note_taker(text) {
        return Some(("sekreterare", name));
    }
    let Some(colon) = words::find_byte(text, b':') else {
        return role_before_name(text);
    };
    // (no role label is longer than 18 letters, of up to two bytes each)
    if colon > 40 {
        return None;
    }
    let role = role_label(&text[..colon])?;
    Some((role, signer_name(&text[colon + 1..])?))
}

/// A signer named after their role on one line, without a colon: "Ordförande Anna-Karin
/// Lönn", "Justerare Mikael Sandberg", or in columns: "Sekreterare ⇥ Helena Ström".
fn role_before_name(text: &str) -> Option<(&'static str, String)> {
    // (every role label starts with one of these letters)
    if !text.starts_with([
        'O', 'o', 'V', 'v', 'J', 'j', 'S', 's', 'P', 'p', 'A', 'a', 'M', 'm',
    ]) {
        return None;
    }
    let f = fold(super::markup::prefix(text, 24));
    ROLE_LABELS.iter().find_map(|(label, role)| {
        f.strip_prefix(label)?.strip_prefix([' ', '\t'])?;
        // (the label is as many characters in the text as folded)
        let (at, _) = text.char_indices().nth(label.chars().count())?;
        Some((*role, signer_name(&text[at..])?))
    })
}

/// The adjusters' role of a line that dates their adjustment, the names under it:
/// "Justeras den 5 mars 2026", "Justerat 2024-10-22" (folded).
fn dated_adjustment(f: &str) -> Option<&'static str> {
    if !f.starts_with("juster") {
        return None;
    }
    let rest = ["justeras ", "justerat ", "justerad "]
        .iter()
        .find_map(|k| f.strip_prefix(k))?;
    let rest = rest.strip_prefix("den ").unwrap_or(rest);
    words::find_date(rest)
        .is_some_and(|d| d.start == 0)
        .then_some("justerare")
}

/// Whether a text starts with a date that a time follows: "2024-09-16 10:12 (BankID)".
fn starts_with_date_and_time(text: &str) -> bool {
    words::find_date(text)
        .is_some_and(|d| d.start == 0 && words::find_times(&text[d.end..]).is_some())
}

/// A signing service's record on line `i` (`text`) of a name: signed when the text says,
/// in the role a label named up to five lines above, if any.
fn recorded(name: String, role: Option<(usize, &str)>, i: usize, text: &str) -> Signature {
    Signature {
        name,
        role: role
            .filter(|(at, _)| i - at <= 5)
            .map(|(_, r)| r.to_owned()),
        signed_at: signed_at(text),
    }
}

/// A signature on paper: a name in a role, with no time.
fn signed_as(name: String, role: &str) -> Signature {
    Signature {
        name,
        role: Some(role.to_owned()),
        signed_at: None,
    }
}

fn read_lines(lines: &[&Line]) -> Vec<Signature> {
    let names_over_roles = names_over_roles(lines);
    let mut out: Vec<Signature> = Vec::new();
    let mut pending_name: Option<(usize, String)> = None;
    let mut pending_role: Option<(usize, &'static str)> = None;
    let mut used_names: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let text = l.text.trim_ends();
        // folding keeps whitespace where it was, so this is the trimmed text folded
        let folded = l.folded_full();
        let f = folded.trim_ends();
        // a signing service's fields: "Namn: Anna Berg", "Roll: Ordförande"
        let (text, f) = without_field_label(text, f);
        // "2024-09-13 16:40 (BankID)" under a signer (and their role): when they signed
        if text.starts_with(|c: char| c.is_ascii_digit())
            && used_names.last().is_some_and(|&at| at < i && i - at <= 2)
            && let Some(last) = out.last_mut()
            && last.signed_at.is_none()
            // (with its time: a date alone there may be anything)
            && starts_with_date_and_time(text)
        {
            last.signed_at = signed_at(text);
            continue;
        }
        // "Namn: Anna Berg" over "Datum: 2024-09-16 10:12:45": a signing service's
        // record of a name not signed yet
        if text.starts_with(|c: char| c.is_ascii_digit())
            && let Some((at, name)) = pending_name
                .as_ref()
                .filter(|(at, _)| i - at <= 2 && !used_names.contains(at))
            && starts_with_date_and_time(text)
        {
            used_names.push(*at);
            out.push(recorded(name.clone(), pending_role.take(), i, text));
            continue;
        }
        if is_sign_event(f) {
            // name on the line itself ("Signerat av Anna Berg 2024-10-01 …")
            let after_av = [
                "signerat av ",
                "signerad av ",
                "undertecknat av ",
                "signed by ",
                "e-signerat av ",
                "undertecknare: ",
                "signerare: ",
            ]
            .iter()
            .find_map(|k| f.find(k).map(|p| (p, k.len())))
            .and_then(|(p, len)| text.get(p + len..))
            .and_then(super::header::name_prefix);
            let name = after_av.or_else(|| {
                pending_name
                    .as_ref()
                    .filter(|(at, n)| {
                        // (a name already signed with its role above: the time is its own)
                        i - at <= 4
                            && (!used_names.contains(at)
                                || out.iter().any(|s| s.name == *n && s.signed_at.is_none()))
                    })
                    .map(|(at, n)| {
                        used_names.push(*at);
                        n.clone()
                    })
            });
            if let Some(name) = name {
                out.push(recorded(name, pending_role.take(), i, text));
            }
            continue;
        }
        if let Some((role, name)) = role_and_name(text) {
            out.push(signed_as(name, role));
            used_names.push(i);
            continue;
        }
        if let Some(role) = role_label_folded(f)
            .or_else(|| role_before_rule(f))
            .or_else(|| role_in_first_column(text))
            .or_else(|| dated_adjustment(f))
        {
            pending_role = Some((i, role));
            // paper style: the name follows the role, after a rule
            let next = lines[i + 1..]
                .iter()
                .take(3)
                .position(|l| !is_rule(&l.text))
                .map(|p| i + 1 + p);
            // (where names stand over their roles, a name with a role under it is that
            // role's, and this role, a heading such as "Justeras", is no one's)
            if let Some(j) = next
                && let Some(name) = signer_name(&lines[j].text)
                && !(names_over_roles && lines.get(j + 1).is_some_and(|l| is_bare_role(l)))
            {
                // but an e-signature block puts the event after the name
                if !event_follows(lines, j) {
                    // "Bechet Barsom, ordförande" under "Justeras": the line's own role wins
                    let role = own_role(&lines[j].text).unwrap_or(role);
                    // "Justerande ……… ………" over "Anders Persson Kristina Fredriksson":
                    // two rules, two signers
                    if let Some((first, second)) =
                        (rules_in(f) >= 2).then(|| two_names(&name)).flatten()
                    {
                        out.push(signed_as(first.to_owned(), role));
                        out.push(signed_as(second.to_owned(), role));
                    } else {
                        out.push(signed_as(name, role));
                    }
                    used_names.push(j);
                    pending_role = None;
                    continue;
                }
            }
            // name above the role ("Anna Berg" / "Ordförande")
            if let Some((at, name)) = pending_name.clone()
                && i - at <= 2
                && !used_names.contains(&at)
            {
                out.push(signed_as(name, role));
                used_names.push(at);
                pending_role = None;
            }
            continue;
        }
        if let Some(name) = signer_name(text)
            && !used_names.contains(&i)
        {
            // "Kerstin Ahl, justerare": the line names its role (an e-signature block puts
            // its event after the name instead)
            if let Some(role) = own_role(text)
                && !event_follows(lines, i)
            {
                out.push(signed_as(name, role));
                used_names.push(i);
                continue;
            }
            pending_name = Some((i, name));
        }
    }
    merge(out)
}

/// One signature per person: a paper signature and the service's record of the same
/// person become one, with the time from the service and the role from the paper.
fn merge(list: Vec<Signature>) -> Vec<Signature> {
    let mut out: Vec<Signature> = Vec::new();
    for s in list {
        match out.iter_mut().find(|o| o.name == s.name) {
            Some(o) => {
                if o.signed_at.is_none() {
                    o.signed_at = s.signed_at;
                }
                if o.role.is_none() {
                    o.role = s.role;
                }
            }
            None => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_to_sign_in_starts_as_the_quick_look_expects() {
        for (label, _) in ROLE_LABELS.iter().chain(ABBREVIATED_ROLES) {
            assert!(ROLE_STARTS.contains(&&label[..4]), "{label}");
        }
    }

    #[test]
    fn signers_side_by_side_are_read_in_columns_of_tabs_or_of_two_spaces() {
        let signed = |text: &str| -> Vec<(String, Option<String>)> {
            read(&super::super::lines::split_lines(text))
                .into_iter()
                .map(|s| (s.name, s.role))
                .collect()
        };
        let want = vec![
            ("Karin Lund".to_owned(), Some("ordförande".to_owned())),
            ("Peter Holm".to_owned(), Some("justerare".to_owned())),
        ];
        assert_eq!(
            signed("Karin Lund\tPeter Holm\nOrdförande\tJusterare"),
            want
        );
        assert_eq!(
            signed("Karin Lund  Peter Holm\nOrdförande  Justerare"),
            want
        );
        assert_eq!(
            signed("  Karin Lund      Peter Holm     Eva Ek\n  Ordförande      Justerare      Justerare")
                .len(),
            3
        );
    }

    #[test]
    fn every_sign_event_word_has_what_the_quick_check_looks_for() {
        assert!(
            SIGN_EVENTS
                .iter()
                .all(|k| k.contains("sign") || k.contains("under"))
        );
    }

    #[test]
    fn role_labels_are_matched_as_without_the_letter_count_check() {
        let plain = |f: &str| {
            let f = f.trim().trim_end_matches([':', '.', ' ']);
            ROLE_LABELS
                .iter()
                .find(|(k, _)| f == *k || words::fuzzy_eq(f, k))
                .map(|(_, r)| *r)
        };
        let pieces = [
            "ordforande",
            "justera",
            "re",
            "nde",
            "s",
            "sekret",
            "are",
            "vid ",
            "protokoll",
            "et",
            "ö",
            "o",
            "x",
            "mötes",
            "vice ",
            ":",
            " ",
            "forare",
            "a",
            "e",
            "anteckn",
            "ingarna",
            "ledare",
        ];
        for s in super::super::texts_of_pieces(&pieces, 31, 4, 20_000) {
            assert_eq!(role_label_folded(&s), plain(&s), "{s:?}");
        }
    }

    #[test]
    fn no_role_label_is_longer_than_the_quick_check_allows() {
        assert!(ROLE_LABELS.iter().all(|(k, _)| k.chars().count() <= 18));
    }
}
