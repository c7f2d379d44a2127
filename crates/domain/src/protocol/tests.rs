//! Unit tests of the whole parser on small documents; the fixtures are tested from
//! `crates/samsyn/tests/protocol.rs`.

use super::*;

fn parse_ok(s: &str) -> Protocol {
    parse(s, &Hints::default()).expect("parses")
}

#[test]
fn an_empty_text_is_refused() {
    assert_eq!(parse(" \n\t", &Hints::default()), Err(ParseError::Empty));
}

#[test]
fn a_text_without_a_date_is_refused() {
    assert_eq!(
        parse("Protokoll\n1. Inledning\nText.", &Hints::default()),
        Err(ParseError::NoDate)
    );
}

#[test]
fn the_file_name_gives_the_date_when_the_text_has_none() {
    let hints = Hints {
        file_name: Some("protokoll-2023-05-02.txt".into()),
        body: None,
    };
    let p = parse("Protokoll\n1. Inledning\nText.", &hints).unwrap();
    assert_eq!(p.date, "2023-05-02");
    assert!(p.warnings.iter().any(|w| w.contains("filnamnet")));
}

#[test]
fn a_minimal_protocol_reads_its_items_and_decisions() {
    let p = parse_ok(
        "Protokoll Styrgruppen\nDatum: 2024-05-02\n\n1. Budget\nBeslut: Budgeten antas.\n2. Avslut\n",
    );
    assert_eq!(p.body.as_deref(), Some("Styrgruppen"));
    assert_eq!(p.items.len(), 2);
    assert_eq!(p.items[0].decisions, ["Budgeten antas."]);
}

/// Fragments the parser reacts to, combined at random: no combination may panic.
const FRAGMENTS: &[&str] = &[
    "Protokoll ",
    "Närvarande:",
    "Nérvarande",
    "~~",
    "<del>",
    "</del>",
    "<i>",
    "</i>",
    "<p>",
    "</p>",
    "<li>",
    "| ",
    " |",
    "\t",
    "\n",
    "\n\n",
    "## ",
    "**",
    "1. ",
    "2.\t",
    "§ 3 ",
    "Beslut:",
    "Beslutas att ",
    " beslutar att:",
    "- ",
    "  - ",
    "att ",
    "Anna Berg",
    ", Kumla kommun",
    "(S)",
    "(",
    ")",
    "2024-04-19",
    "19 april 2024",
    "kl. 09.00-12.00",
    "Justerare: ",
    "Ordförande",
    "Signerat ",
    "_____",
    "POSTADRESS",
    "Sida 2 av 3",
    "å",
    "é",
    "\u{FFFD}",
    "1",
    "&amp;",
    "&#",
    "<",
    ">",
    "Föredragande: ",
    "(Informationspunkt)",
    "\u{E000}",
    "\u{E001}",
    "Bilaga",
    ".",
    ":",
    "Ärende 4.",
    "Punkt 5",
];

#[test]
fn no_combination_of_fragments_panics() {
    let mut seed: u64 = 0x5eed;
    for _ in 0..3000 {
        let mut s = String::new();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let n = (seed >> 33) % 60;
        for _ in 0..n {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(FRAGMENTS[((seed >> 33) as usize) % FRAGMENTS.len()]);
        }
        let _ = parse(&s, &Hints::default());
    }
}
