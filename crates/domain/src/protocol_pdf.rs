//! A protocol set as an A4 PDF with PDF's standard Helvetica (WinAnsi covers Swedish),
//! so nothing is embedded and the same document always gives the same bytes.

use crate::governance::{Line, ProtocolDoc};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 62.0;
const TOP: f32 = PAGE_H - 64.0;
const BOTTOM: f32 = 72.0;
const INDENT: f32 = 16.0;

/// Helvetica's advance widths for ASCII 32–126, in thousandths of the font size.
const WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

fn base_letter(c: char) -> char {
    match c {
        'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
        'Å' | 'Ä' | 'Á' | 'À' => 'A',
        'ö' | 'ø' | 'ó' | 'ô' => 'o',
        'Ö' | 'Ø' | 'Ó' => 'O',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' => 'E',
        'ü' | 'ú' => 'u',
        'Ü' => 'U',
        'í' | 'ï' => 'i',
        _ => c,
    }
}

fn char_width(c: char, bold: bool) -> f32 {
    let c = base_letter(c);
    let w = match c as u32 {
        32..=126 => WIDTHS[(c as u32 - 32) as usize],
        _ => 556,
    } as f32;
    if bold { w * 1.06 } else { w }
}

fn text_width(s: &str, size: f32, bold: bool) -> f32 {
    s.chars().map(|c| char_width(c, bold)).sum::<f32>() * size / 1000.0
}

/// Windows-1252, the standard fonts' encoding: Latin-1 plus the typographic marks;
/// anything else becomes "?".
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '\t' => b' ',
            _ => b'?',
        })
        .collect()
}

/// Breaks a text into lines no wider than `width`, at spaces; a word longer than a
/// line is broken where it must be.
fn wrap(text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size, bold) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if text_width(&piece, size, bold) > width {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        current = piece;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// One run of text placed on a page.
struct Placed {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
}

fn lay_out(lines: Vec<Line>) -> Vec<Vec<Placed>> {
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = TOP;
    let width = PAGE_W - 2.0 * MARGIN;
    for line in lines {
        let (size, bold, indent, before, bullet) = match &line {
            Line::Title(_) => (17.0, true, 0.0, 0.0, false),
            Line::Heading(_) => (12.0, true, 0.0, 6.0, false),
            Line::Text(_) => (10.5, false, 0.0, 2.0, false),
            Line::Point(_) => (10.5, false, INDENT, 1.0, true),
            Line::Blank => {
                y -= 6.0;
                continue;
            }
        };
        let text = match &line {
            Line::Title(t) | Line::Heading(t) | Line::Text(t) | Line::Point(t) => t,
            Line::Blank => unreachable!(),
        };
        let leading = size * 1.35;
        let wrapped = wrap(text, width - indent, size, bold);
        // A heading keeps its first following line with it.
        let keep = if matches!(line, Line::Heading(_)) {
            2.0
        } else {
            1.0
        };
        y -= before;
        for (i, part) in wrapped.into_iter().enumerate() {
            let need = if i == 0 { leading * keep } else { leading };
            if y - need < BOTTOM {
                pages.push(Vec::new());
                y = TOP;
            }
            y -= leading;
            let page = pages.last_mut().expect("there is always a page");
            if bullet && i == 0 {
                page.push(Placed {
                    x: MARGIN + 4.0,
                    y,
                    size,
                    bold,
                    text: "–".into(),
                });
            }
            page.push(Placed {
                x: MARGIN + indent,
                y,
                size,
                bold,
                text: part,
            });
        }
    }
    pages
}

/// The protocol as a PDF; `footer` (the body and the verification reference) is set on
/// every page with its number.
pub fn render(doc: &ProtocolDoc, footer: &str) -> Vec<u8> {
    render_lines(doc.lines(), footer)
}

/// Any document of titled, headed and bulleted lines (a report) as a PDF, set like a
/// protocol, with `footer` and the page number on every page.
pub fn render_lines(lines: Vec<Line>, footer: &str) -> Vec<u8> {
    let pages = lay_out(lines);
    let total = pages.len();
    let mut pdf = Document::with_version("1.4");
    let pages_id = pdf.new_object_id();
    let regular = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let bold = pdf.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica-Bold", "Encoding" => "WinAnsiEncoding",
    });
    let resources = pdf.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let mut kids = Vec::new();
    for (n, placed) in pages.into_iter().enumerate() {
        let mut ops = Vec::new();
        let mut run = |x: f32, y: f32, size: f32, bold: bool, text: &str| {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new(
                "Tf",
                vec![
                    Object::Name(if bold { b"F2".to_vec() } else { b"F1".to_vec() }),
                    size.into(),
                ],
            ));
            ops.push(Operation::new("Td", vec![x.into(), y.into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::String(win_ansi(text), StringFormat::Literal)],
            ));
            ops.push(Operation::new("ET", vec![]));
        };
        for p in &placed {
            run(p.x, p.y, p.size, p.bold, &p.text);
        }
        let page_text = format!("Sida {} av {total}", n + 1);
        run(MARGIN, 40.0, 8.0, false, footer);
        run(
            PAGE_W - MARGIN - text_width(&page_text, 8.0, false),
            40.0,
            8.0,
            false,
            &page_text,
        );
        let content = Content { operations: ops }
            .encode()
            .expect("content of text operations encodes");
        let content_id = pdf.add_object(Stream::new(dictionary! {}, content));
        let page = pdf.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(Object::Reference(page));
    }
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => total as i64,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        }),
    );
    let catalog = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    pdf.trailer.set("Root", catalog);
    let mut out = Vec::new();
    pdf.save_to(&mut out)
        .expect("writing to memory does not fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_spaces_within_the_width() {
        let text = "att uppdra åt arbetsgruppen att ta fram en gemensam handlingsplan för hälso- och sjukvård i hemmet";
        let lines = wrap(text, 200.0, 10.5, false);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| text_width(l, 10.5, false) <= 200.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn swedish_letters_are_set_in_win_ansi() {
        assert_eq!(
            win_ansi("åäö ÅÄÖ – §"),
            vec![
                0xe5, 0xe4, 0xf6, b' ', 0xc5, 0xc4, 0xd6, b' ', 0x96, b' ', 0xa7
            ]
        );
        assert_eq!(win_ansi("✓"), b"?".to_vec());
    }

    #[test]
    fn the_pdf_says_what_the_text_says_across_pages() {
        use crate::governance::*;
        let items = (1..=40)
            .map(|n| DocItem {
                number: n.to_string(),
                title: format!("Ärende nummer {n} om hemsjukvården"),
                kind: None,
                presenters: vec![],
                notes: "Gruppen diskuterade läget i länets kommuner och vårdcentraler.".into(),
                decisions: vec![format!("att godkänna förslag {n}")],
                assignments: vec![],
                outcome: None,
            })
            .collect();
        let doc = ProtocolDoc {
            body_name: "Chefsgruppen för vård och omsorg".into(),
            document_kind: DocumentKind::Protokoll,
            date: "2026-03-12".into(),
            start_time: None,
            end_time: None,
            place: None,
            attendees: vec![],
            items,
            signers: vec![],
        };
        let pdf = render(&doc, "Chefsgruppen 2026-03-12");
        assert_eq!(
            pdf,
            render(&doc, "Chefsgruppen 2026-03-12"),
            "the same document gives the same bytes"
        );
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        assert!(text.contains("PROTOKOLL"));
        assert!(text.contains("att godkänna förslag 40"));
        assert!(text.contains("Sida 1 av"));
        assert!(
            !text.contains("Sida 1 av 1\n"),
            "forty items do not fit on one page"
        );
    }
}
