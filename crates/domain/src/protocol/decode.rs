//! Bytes to text: text-based PDF, UTF-8 (with or without BOM), UTF-16 with BOM, or
//! Windows-1252 for old archives; binary content and image-only PDFs are refused.

use super::ParseError;
use std::borrow::Cow;

/// A document's text, from a PDF's text layer or from a text file (UTF-8 text is
/// borrowed as it is); the warning says when something was assumed (the encoding).
pub fn read_document(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<String>), ParseError> {
    if bytes.starts_with(b"%PDF") {
        return pdf_text(bytes).map(|t| (Cow::Owned(t), None));
    }
    decode(bytes)
}

fn pdf_text(bytes: &[u8]) -> Result<String, ParseError> {
    // The PDF library may panic on damaged files; a damaged file is an error, not a crash.
    let owned = bytes.to_vec();
    let result = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned));
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => return Err(ParseError::Pdf(e.to_string())),
        Err(_) => return Err(ParseError::Pdf("filen är skadad".to_owned())),
    };
    if text.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return Err(ParseError::NoText);
    }
    Ok(text)
}

/// Decodes a text file's bytes; the warning says when a legacy encoding was assumed.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<String>), ParseError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let (controls, nul) = count_controls(bytes);
    if controls * 100 > bytes.len() || nul {
        return Err(ParseError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), None)),
        Err(_) => Ok((
            Cow::Owned(bytes.iter().map(|b| windows_1252(*b)).collect()),
            Some("filen är inte UTF-8; läst som Windows-1252".to_owned()),
        )),
    }
}

/// How many bytes are control characters other than line breaks, tabs and form feeds,
/// and whether one of them is a NUL: one pass.
fn count_controls(bytes: &[u8]) -> (usize, bool) {
    let mut nul = 0u8;
    // (`&`, not `&&`: no branch, so many bytes are compared at once)
    let controls = count_bytes(bytes, |b| {
        nul |= u8::from(b == 0);
        (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C)
    });
    (controls, nul != 0)
}

/// How many bytes `counts` holds for; counted in blocks small enough to sum in a byte,
/// so that the compiler can count many bytes at once.
pub(super) fn count_bytes(bytes: &[u8], mut counts: impl FnMut(u8) -> bool) -> usize {
    bytes
        .chunks(128)
        .map(|block| {
            let n: u8 = block.iter().map(|&b| u8::from(counts(b))).sum();
            usize::from(n)
        })
        .sum()
}

fn utf16(
    bytes: &[u8],
    read: fn([u8; 2]) -> u16,
) -> Result<(Cow<'static, str>, Option<String>), ParseError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
    let s = String::from_utf16_lossy(&units);
    if s.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok((Cow::Owned(s), None))
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_archives_are_read_with_a_warning() {
        let (s, w) = decode(b"N\xe4rvarande").unwrap();
        assert_eq!(s, "Närvarande");
        assert!(w.is_some());
    }

    #[test]
    fn controls_are_counted_without_line_breaks_tabs_and_form_feeds() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let expected = bytes
            .iter()
            .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0C))
            .count();
        assert_eq!(count_controls(&bytes), (expected, true));
        let without_nul: Vec<u8> = bytes.iter().copied().filter(|b| *b != 0).collect();
        assert!(!count_controls(&without_nul).1);
        assert!(count_controls(&[b'a'; 300].iter().copied().chain([0]).collect::<Vec<u8>>()).1);
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(ParseError::Binary));
        assert_eq!(decode(b"  \n"), Err(ParseError::Empty));
    }
}
