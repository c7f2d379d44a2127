//! `samsyn import protocol --dry-run --json` on the two real protocols and on fixtures
//! of other layouts (OCR damage, `|` tables, e-signature pages, HTML from another
//! region, a municipal and a regional committee's "§" protocols, a PDF's text laid out
//! in columns of spaces, working groups' notes): what a secretary would read off the
//! page is what comes out.

mod common;

use common::{samsyn, stderr, stdout};
use serde_json::Value;

fn shared(name: &str) -> String {
    format!(
        "{}/../../../shared/domain/sources/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn own(name: &str) -> String {
    format!("{}/tests/protocols/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Value {
    let o = samsyn(
        "sqlite://unused-dry-run.db",
        &["import", "protocol", "--dry-run", "--json", path],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON")
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn titles(p: &Value) -> Vec<(String, String)> {
    p["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["number"].as_str().unwrap().to_owned(),
                i["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn decisions(p: &Value, number: &str) -> Vec<String> {
    let item = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["number"] == number)
        .unwrap();
    strs(&item["decisions"])
}

fn attendee<'a>(p: &'a Value, name: &str) -> &'a Value {
    p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

/// Start and end time.
fn times(p: &Value) -> (Option<&str>, Option<&str>) {
    (p["start_time"].as_str(), p["end_time"].as_str())
}

/// Each attendee's name and role.
fn names_and_roles(p: &Value) -> Vec<(&str, &str)> {
    p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap(), a["role"].as_str().unwrap()))
        .collect()
}

/// Who signed, in what role.
fn signed(p: &Value) -> Vec<(String, String)> {
    p["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn present(p: &Value) -> usize {
    p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["status"] == "present")
        .count()
}

#[test]
fn the_chefsgrupp_protocol_is_read_field_by_field() {
    let path = shared("protokoll-chefsgrupp-2024-04-19.txt");
    let p = read(&path);
    let raw = stdout(&samsyn(
        "sqlite://unused-dry-run.db",
        &["import", "protocol", "--dry-run", "--json", &path],
        None,
    ));
    let mut keys: Vec<(usize, &str)> = p
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (raw.find(&format!("\n  \"{k}\":")).unwrap(), k.as_str()))
        .collect();
    keys.sort();
    let keys: Vec<&str> = keys.into_iter().map(|(_, k)| k).collect();
    assert_eq!(
        keys,
        [
            "body",
            "document_kind",
            "date",
            "start_time",
            "end_time",
            "place",
            "chair",
            "secretaries",
            "adjusters",
            "adjusted_on",
            "attendees",
            "items",
            "signatures",
            "warnings"
        ]
    );
    assert_eq!(
        p["body"],
        "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-04-19");
    assert_eq!(times(&p), (Some("13:00"), Some("16:00")));
    assert_eq!(p["place"], "Digitalt");
    assert_eq!(
        p["chair"], "Johanna Viberg",
        "Johanna ersätter Ingmar som ordförande"
    );
    assert_eq!(
        attendee(&p, "Johanna Viberg")["role"],
        "ordförande",
        "listed without a role, she chaired"
    );
    assert_eq!(strs(&p["secretaries"]), ["Malin Duckert Ek"]);
    assert!(strs(&p["adjusters"]).is_empty());
    assert_eq!(p["adjusted_on"], Value::Null);

    assert_eq!(p["attendees"].as_array().unwrap().len(), 24);
    assert_eq!(present(&p), 19);
    for absent in [
        "Katrin Eriksson",
        "Martin Gunnarsson",
        "Lise Bergman Nordgren",
        "Madelene Maxe",
        "Patrik Jonsson",
    ] {
        assert_eq!(
            attendee(&p, absent)["status"],
            "absent",
            "{absent} is struck through"
        );
    }
    assert_eq!(
        attendee(&p, "Karin Haster")["role"],
        "områdeschef Psykiatri"
    );
    assert_eq!(
        attendee(&p, "Therese Johansson")["organization"],
        "Askersund"
    );
    assert_eq!(
        attendee(&p, "Ingmar Ångman")["organization"],
        "Region Örebro län"
    );

    let expected = [
        "Inledning",
        "Dagens agenda",
        "Föregående möte",
        "Rapport från AU",
        "Rapport från länsdelsgrupperna",
        "Nära vård systemanalys, länsgemensam rehabilitering",
        "Psykisk hälsa, uppdragsbeskrivning styrgrupp",
        "Styrgrupp nära vård i samverkan, Förslag till uppdragsbeskrivning",
        "Ny överenskommelse för hälso- och sjukvård i hemmet, sammanställning av remissvar",
        "ViSam uppdrag och roller, förslag till revidering",
        "Stöd i läkemedelshantering, rapport om genomförd förstudie",
        "Organisationsöversyn Välfärd och folkhälsa",
        "Planeringsdagar oktober",
        "Kort utvärdering och sammanfattning",
        "Avslut",
    ];
    let got = titles(&p);
    assert_eq!(got.len(), 15);
    for (k, (number, title)) in got.iter().enumerate() {
        assert_eq!(number, &(k + 1).to_string());
        assert_eq!(title, expected[k]);
    }
    let item6 = &p["items"][5];
    assert_eq!(
        strs(&item6["presenters"]),
        ["Siv Liedström", "Lennart Wittberg"]
    );

    assert_eq!(
        decisions(&p, "6"),
        [
            "Byta inriktning och i stället för föreslagen strategi för rehabilitering påbörjas arbetet med att ta fram ett förslag till ändring av nuvarande gränssnitt",
            "Frågan ska vidare till specifika samverkansrådet och KCRD.",
            "En ekonomisk beräkning behöver göras, av neutral part, för huruvida det krävs en ekonomisk växling samt en omvärldsanalys och tydliggörande för när patienter med rehabiliteringsbehov tillhör region eller kommun i primärvården. Tidsplanen behöver ses över.",
            "VFU-platser och framtida kompetensförsörjning via utbildning behöver inkluderas i uppdraget.",
            "Chefsgruppen beslutar att beslut om utvecklingsarbete och finansiering fattas på kommande AU.",
        ]
    );
    assert_eq!(
        decisions(&p, "7"),
        [
            "Anta uppdragsbeskrivningen.",
            "Malin Bäcklund väljs in i styrgruppen och representerar södra länsdelen. Chefsgruppen beslutar att det även behövs representation från habiliteringen.",
            "Representation i arbetsgruppen blir ett uppdrag för styrgruppen.",
        ]
    );
    assert_eq!(
        decisions(&p, "8"),
        [
            "Styrgruppen för ny överenskommelse för hälso- och sjukvård i hemmet får ett utökat uppdrag för läns gemensamma och samfinansierade insatser för omställning till nära vård.",
            "Styrgruppen kommer att ändra namn till nära vård i samverkan.",
            "Uppdrag som är aktuella för styrgruppen är: Gemensam plan för primärvårdens som nav; Systemledning; Uppföljningsuppdrag",
        ]
    );
    assert_eq!(
        decisions(&p, "9"),
        [
            "Chefsgruppen bedömer att parterna är redo för en beslutsprocess i höst, arbetet med överenskommelsen fortsätter enligt plan."
        ]
    );
    assert_eq!(
        decisions(&p, "10"),
        [
            "Chefsgruppen ställer sig bakom förslaget för förvaltningsmodellen ViSam organisation och roller"
        ]
    );
    assert_eq!(
        decisions(&p, "11"),
        [
            "Att välfärd och folkhälsa ska ta fram ett uppdrag för ett införande/pilotprojekt.",
            "Att uppdraget ska förankras hos identifierade aktörer och utifrån det anpassa tidsplanen.",
        ]
    );
    assert_eq!(
        decisions(&p, "13"),
        ["Att planeringsdagarna ska genomföras som externat i oktober."]
    );
    let with_decisions: usize = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["decisions"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(with_decisions, 7, "only items 6–11 and 13 decide anything");

    let item9 = p["items"][8]["text"].as_str().unwrap();
    assert!(
        !item9.contains("Tjänsteställe"),
        "the repeated page header is not item text"
    );
    let item12 = p["items"][11]["text"].as_str().unwrap();
    assert!(
        !item12.contains("saknas samsyn"),
        "struck-through text is deleted text"
    );
}

#[test]
fn the_joint_council_protocol_is_read_field_by_field() {
    let p = read(&shared(
        "protokoll-specifika-samverkansradet-2024-09-20.txt",
    ));
    assert_eq!(
        p["body"],
        "Specifika samverkansrådet för social välfärd samt vård och omsorg"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-09-20");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["place"], "Lokal Eken, Eklundavägen 1");
    assert_eq!(p["chair"], "Bechet Barsom");
    assert_eq!(
        strs(&p["secretaries"]),
        ["Malin Duckert Ek", "Maria Lindborg"]
    );
    assert_eq!(strs(&p["adjusters"]), ["Siw Lunader"]);
    assert_eq!(p["adjusted_on"], "2024-10-01");

    assert_eq!(attendee(&p, "Bechet Barsom")["role"], "ordförande");
    assert_eq!(attendee(&p, "Siw Lunader")["role"], "ledamot");
    assert_eq!(attendee(&p, "Helena Fagerstedt")["status"], "absent");
    assert_eq!(attendee(&p, "Caroline Dieker")["status"], "absent");
    assert_eq!(attendee(&p, "Mattias Kjellberg")["status"], "absent");
    assert_eq!(
        attendee(&p, "Jerry Karjalainen")["status"],
        "present",
        "present for one council, struck for the other"
    );
    assert_eq!(attendee(&p, "Monika Klockars")["status"], "present");
    assert_eq!(
        attendee(&p, "Mathias Eriksson")["organization"],
        "Ljusnarsberg kommun"
    );
    assert_eq!(
        attendee(&p, "Anna Swift Johannison")["role"],
        "tjänsteperson"
    );
    assert_eq!(
        attendee(&p, "Ingmar Ångman")["organization"],
        "Region Örebro län"
    );
    assert!(
        p["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["name"] != "Vakant")
    );
    let names: Vec<&str> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "one entry per person");

    let expected = [
        "Mötet öppnas och justerare utses",
        "Fastställande av dagordning",
        "Val av justerare",
        "Föregående möte och protokoll",
        "Rapport från chefsgrupp social vålfärd samt vård och omsorg och chefsgrupp folkhälsa",
        "Aktuellt inom områdena",
        "Förändringar med stadsbidrag nära vård och psykisk hälsa",
        "Ny socialtjänstlag",
        "Introduktion dialog om arbetssätt för specifika samverkansråden",
        "Gruppdialoger arbetssätt specifika samverkansråden",
        "Kvalitativ rapport Liv och hälsa med fokus på äldre och jämställdhet",
        "Övriga frågor",
        "Beslut och implementering av ny överenskommelse för hälso-och sjukvård i hemmet",
        "Avslut",
    ];
    let got = titles(&p);
    assert_eq!(
        got.len(),
        14,
        "the numbered lists inside items 10 are not items"
    );
    for (k, (number, title)) in got.iter().enumerate() {
        assert_eq!(number, &(k + 1).to_string());
        assert_eq!(title, expected[k]);
    }
    assert_eq!(strs(&p["items"][6]["presenters"]), ["Ingmar Ångman"]);
    assert_eq!(p["items"][6]["kind"], "informationsarende");
    assert_eq!(
        strs(&p["items"][10]["presenters"]),
        ["Maria Lindborg", "Anna Swift Johannison"]
    );
    for item in p["items"].as_array().unwrap() {
        assert!(
            item["decisions"].as_array().unwrap().is_empty(),
            "the council only reports others' decisions"
        );
        let text = item["text"].as_str().unwrap();
        assert!(
            !text.contains("POSTADRESS") && !text.contains("019-602"),
            "footers are not text"
        );
    }
    assert!(
        p["items"][4]["text"]
            .as_str()
            .unwrap()
            .contains("hygiensjuksköterska"),
        "text continues after a footer"
    );
}

#[test]
fn ocr_damage_is_forgiven() {
    let p = read(&own("ocr-styrgrupp-nara-vard-2023-03-14.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Styrgrupp nära vård i samverkan");
    assert_eq!(p["date"], "2023-03-14");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["chair"], "Mikael Strand");
    assert_eq!(
        attendee(&p, "Per Olsson")["status"],
        "present",
        "two names run together are two people"
    );
    assert_eq!(attendee(&p, "Karin Ek")["status"], "present");
    assert_eq!(attendee(&p, "Sara Berg")["status"], "absent");
    assert_eq!(attendee(&p, "Lars Nyberg")["status"], "absent");
    assert_eq!(titles(&p)[1].1, "Uppföljning av hemsjukvård 2022");
    assert_eq!(
        decisions(&p, "2"),
        [
            "Styrgruppen ger arbetsgruppen i uppdrag att ta fram en gemensam rapport till nästa möte."
        ]
    );
    assert_eq!(p["items"][2]["kind"], "informationsarende");
    assert!(
        !p["items"][1]["text"].as_str().unwrap().contains("Sida 2"),
        "page header removed"
    );
}

#[test]
fn attendance_in_a_table_is_read() {
    let p = read(&own("tabell-lansdelsgrupp-norr-2024-02-08.md"));
    assert_eq!(p["body"], "Länsdelsgrupp Norr");
    assert_eq!(p["chair"], "Fredrik Bergström");
    assert_eq!(strs(&p["secretaries"]), ["Annika Karlsson Juliussen"]);
    assert_eq!(p["attendees"].as_array().unwrap().len(), 6);
    assert_eq!(attendee(&p, "Natalie Ström")["status"], "absent");
    assert_eq!(attendee(&p, "Christina Kuurne")["status"], "absent");
    assert_eq!(
        attendee(&p, "Helen Willyams")["organization"],
        "Region Örebro län"
    );
    assert_eq!(titles(&p)[1].1, "Hemsjukvård i norra länsdelen – läget");
    assert_eq!(
        strs(&p["items"][1]["presenters"]),
        ["Helen Willyams", "Jari Mehtäläinen"]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "Länsdelen skriver under avtalet för Backa barnet den 14 november.",
            "Jari Mehtäläinen är kontaktperson."
        ]
    );
}

#[test]
fn an_e_signature_page_gives_signatures_and_adjustment() {
    let p = read(&own("esign-regionala-samverkansradet-2024-06-14.txt"));
    assert_eq!(p["body"], "Regionala samverkansrådet");
    assert_eq!(p["chair"], "Bechet Barsom");
    assert_eq!(strs(&p["adjusters"]), ["Siw Lunader"]);
    assert_eq!(
        p["adjusted_on"], "2024-06-19",
        "the last signature adjusts the protocol"
    );
    assert_eq!(attendee(&p, "Siw Lunader")["role"], "vice ordförande");
    assert_eq!(
        attendee(&p, "Jessica Ekerbring")["organization"],
        "Örebro kommun"
    );
    assert_eq!(
        titles(&p),
        [
            (
                "12".to_owned(),
                "Ny överenskommelse om hälso- och sjukvård i hemmet".to_owned()
            ),
            ("13".to_owned(), "Rapport från KC/RD".to_owned())
        ]
    );
    assert_eq!(
        decisions(&p, "12"),
        [
            "att ställa sig bakom förslaget till ny överenskommelse om hälso- och sjukvård i hemmet",
            "att rekommendera parterna att anta överenskommelsen senast 2024-12-31.",
        ]
    );
    assert_eq!(
        decisions(&p, "13"),
        ["lägga informationen till handlingarna."]
    );
    let sigs = p["signatures"].as_array().unwrap();
    let find = |n: &str| {
        sigs.iter()
            .find(|s| s["name"] == n)
            .unwrap_or_else(|| panic!("{n} did not sign"))
    };
    assert_eq!(find("Bechet Barsom")["role"], "ordförande");
    assert_eq!(find("Bechet Barsom")["signed_at"], "2024-06-18 14:20");
    assert_eq!(find("Siw Lunader")["role"], "justerare");
    assert_eq!(find("Malin Duckert Ek")["role"], "sekreterare");
    assert!(
        !p["items"][1]["text"]
            .as_str()
            .unwrap()
            .contains("Verifikat"),
        "the signature page is not item text"
    );
}

#[test]
fn another_regions_html_with_item_kinds_and_presenters() {
    let p = read(&own("annan-region-halsosamverkan-2024-11-05.html"));
    assert_eq!(p["body"], "Ledningsgrupp för hälsosamverkan");
    assert_eq!(p["date"], "2024-11-05");
    assert_eq!(times(&p), (Some("13:15"), Some("16:00")));
    assert_eq!(p["place"], "Kommunhuset, Sala");
    assert_eq!(p["chair"], "Eva Lund");
    assert_eq!(attendee(&p, "Maria Sund")["status"], "absent");
    assert_eq!(p["items"][0]["kind"], "beslutsarende");
    assert_eq!(p["items"][1]["kind"], "beredningsarende");
    assert_eq!(
        strs(&p["items"][1]["presenters"]),
        ["Olof Berg", "Jonas Ek"]
    );
    assert_eq!(
        decisions(&p, "1"),
        [
            "godkänna uppföljningen",
            "ge sekreteraren i uppdrag att sprida rapporten."
        ]
    );
    assert_eq!(
        titles(&p).len(),
        3,
        "attachments after the end are not items"
    );
    assert!(strs(&p["warnings"]).iter().any(|w| w.contains("bilagor")));
}

#[test]
fn a_municipal_committees_protocol_with_paragraphs_and_a_signature_block_first() {
    let p = read(&own("kommun-socialnamnden-2024-03-12.txt"));
    assert_eq!(
        p["body"], "Socialnämnden",
        "the page number is no part of it"
    );
    assert_eq!(p["date"], "2024-03-12");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["place"], "Stadshuset, sal A");
    assert_eq!(p["chair"], "Anna Andersson");
    assert_eq!(strs(&p["secretaries"]), ["Eva Ek"]);
    assert_eq!(strs(&p["adjusters"]), ["Karin Nilsson"]);
    assert_eq!(p["adjusted_on"], "2024-03-19");
    assert_eq!(p["attendees"].as_array().unwrap().len(), 8);
    assert_eq!(attendee(&p, "Per Persson")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "Sara Holm")["role"], "ersättare");
    assert_eq!(attendee(&p, "Lena Berg")["role"], "socialchef");
    assert_eq!(
        titles(&p),
        [
            (
                "12".to_owned(),
                "Överenskommelse om hälso- och sjukvård i hemmet".to_owned()
            ),
            (
                "13".to_owned(),
                "Uppföljning av samordnad individuell plan".to_owned()
            ),
            ("14".to_owned(), "Delegationsbeslut".to_owned()),
        ]
    );
    assert_eq!(
        decisions(&p, "12"),
        [
            "Socialnämnden godkänner överenskommelsen om hemsjukvård.",
            "Socialchefen får i uppdrag att följa upp införandet till hösten."
        ],
        "the recipients after the decision are not part of it"
    );
    assert_eq!(decisions(&p, "13"), ["Informationen noteras."]);
    assert_eq!(
        decisions(&p, "14"),
        ["Redovisningen läggs till handlingarna."]
    );
    assert_eq!(strs(&p["items"][1]["presenters"]), ["Lena Berg"]);
    assert!(
        p["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Dnr SN 2024/45\nSammanfattning"),
        "the registration number stays in the text"
    );
    let signed = signed(&p);
    assert_eq!(
        signed,
        [
            ("Eva Ek".to_owned(), "sekreterare".to_owned()),
            ("Anna Andersson".to_owned(), "ordförande".to_owned()),
            ("Karin Nilsson".to_owned(), "justerare".to_owned()),
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_pdfs_text_laid_out_in_columns_of_spaces_is_read_by_its_labels() {
    let p = read(&own("pdftext-samverkansnamnden-2024-02-01.txt"));
    assert_eq!(p["body"], "Samverkansnämnden Uppsala–Gävle");
    assert_eq!(p["date"], "2024-02-01");
    assert_eq!(times(&p), (Some("10:00"), Some("12:00")));
    assert_eq!(p["place"], "Regionens hus, Uppsala");
    assert_eq!(p["chair"], "Maria Svensson");
    assert_eq!(strs(&p["secretaries"]), ["Helena Ström"]);
    assert_eq!(strs(&p["adjusters"]), ["Kerstin Ahl"]);
    let people: Vec<(String, String)> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["role"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Maria Svensson", "ordförande"),
            ("Lars Olsson", "vice ordförande"),
            ("Kerstin Ahl", "ledamot"),
            ("Omar Said", "ersättare"),
            // (a secretary's title is kept under "Tjänstepersoner")
            ("Helena Ström", "nämndsekreterare"),
            ("Jonas Björk", "tjänsteperson"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(titles(&p).len(), 3, "the page margins are no items");
    assert_eq!(decisions(&p, "2"), ["Dagordningen godkänns."]);
    assert_eq!(
        decisions(&p, "3"),
        ["Informationen noteras till protokollet."]
    );
    assert_eq!(p["signatures"].as_array().unwrap().len(), 3);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_regional_committees_protocol_with_bullets_of_att_and_a_short_trailer() {
    let p = read(&own("region-halso-och-sjukvardsnamnden-2024-05-21.txt"));
    assert_eq!(p["body"], "Hälso- och sjukvårdsnämnden");
    assert_eq!(p["date"], "2024-05-21");
    assert_eq!(p["place"], "Regionhuset, sammanträdesrum Lyran");
    assert_eq!(p["chair"], "Eva Nord");
    assert_eq!(strs(&p["secretaries"]), ["Linda Ås"]);
    assert_eq!(strs(&p["adjusters"]), ["Birgitta Sand"]);
    assert_eq!(
        p["adjusted_on"], "2024-05-28",
        "from \"Justerat 2024-05-28\""
    );
    assert_eq!(
        attendee(&p, "Ali Karimi")["role"],
        "vice ordförande",
        "\"1:e vice ordförande\" is a vice chair"
    );
    assert_eq!(attendee(&p, "Birgitta Sand")["role"], "ledamot");
    assert_eq!(attendee(&p, "Tomas Ek")["status"], "absent");
    assert_eq!(present(&p), 5);
    assert_eq!(
        decisions(&p, "46"),
        [
            "att utse Birgitta Sand att justera protokollet",
            "att justeringen sker den 28 maj 2024."
        ],
        "\"Nämnden beslutar\" introduces the list"
    );
    assert_eq!(
        decisions(&p, "47"),
        ["Nämnden godkänner uppföljningen."],
        "\"Hälso- och sjukvårdsnämndens beslut\" is a decision heading"
    );
    assert_eq!(p["signatures"].as_array().unwrap().len(), 3);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_working_groups_notes_with_a_meeting_leader_and_a_page_break() {
    let p = read(&own("minnesanteckningar-narvardsgrupp-2024-10-08.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Närvårdsgruppen Södra");
    assert_eq!(p["date"], "2024-10-08");
    assert_eq!(times(&p), (Some("14:00"), Some("15:30")));
    assert_eq!(p["place"], "Vårdcentralen Söder, konferensrummet");
    assert_eq!(
        p["chair"], "Ingrid Falk",
        "\"Mötesledare\" leads the meeting"
    );
    assert_eq!(
        strs(&p["secretaries"]),
        ["Oskar Wik"],
        "\"Sekreterare/antecknare\""
    );
    assert_eq!(
        attendee(&p, "Oskar Wik")["role"],
        "sekreterare",
        "the note-taker named among the attendees without a role"
    );
    assert_eq!(
        attendee(&p, "Nadia Karim")["organization"],
        "Strängnäs kommun"
    );
    assert_eq!(attendee(&p, "Mona Grip")["status"], "absent");
    assert_eq!(present(&p), 4);
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående mötes anteckningar"),
            ("2", "Samordnad individuell plan (SIP) – uppföljning"),
            ("3", "Gemensam rutin för läkemedel i hemsjukvården"),
            ("4", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    let items = p["items"].as_array().unwrap();
    assert_eq!(
        items[1]["kind"], "informationsarende",
        "named before the text"
    );
    assert_eq!(items[1]["presenters"][0], "Nadia Karim");
    assert_eq!(items[2]["kind"], "beslutsarende");
    assert_eq!(
        items[2]["text"]
            .as_str()
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .take(2)
            .collect::<Vec<_>>(),
        [
            "Rutinen har tagits fram av en arbetsgrupp med representanter från",
            "vårdcentralerna och kommunernas hemsjukvård."
        ],
        "the second page's header is no part of the text"
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "att anta rutinen",
            "att rutinen ska utvärderas efter sex månader",
            "att Erik Palm sprider rutinen till vårdcentralerna."
        ]
    );
    assert_eq!(items[3]["text"], "Inga övriga frågor.");
    assert_eq!(p["signatures"][0]["name"], "Oskar Wik");
    assert_eq!(p["signatures"][0]["role"], "sekreterare");
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_municipal_protocol_with_the_place_before_the_date() {
    let p = read(&own("kommun-vard-och-omsorgsnamnden-2024-03-13.txt"));
    assert_eq!(p["body"], "Vård- och omsorgsnämnden i Nordby kommun");
    assert_eq!(p["date"], "2024-03-13");
    assert_eq!(times(&p), (Some("13:30"), Some("16:00")));
    assert_eq!(
        p["place"], "Kommunhuset, Nämndrummet",
        "before \"onsdagen den 13 mars 2024\""
    );
    assert_eq!(p["chair"], "Eva Lund");
    assert_eq!(strs(&p["secretaries"]), ["Linda Ros"]);
    assert_eq!(strs(&p["adjusters"]), ["Mats Olsson"]);
    assert_eq!(p["adjusted_on"], "2024-03-18");
    assert_eq!(attendee(&p, "Mats Olsson")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "Ali Hassan")["role"], "ersättare");
    assert_eq!(
        attendee(&p, "Tomas Björk")["role"],
        "medicinskt ansvarig sjuksköterska"
    );
    assert_eq!(present(&p), 8);
    assert_eq!(
        titles(&p),
        [
            ("21", "Godkännande av dagordning"),
            ("22", "Överenskommelse om hemsjukvård – revidering"),
            ("23", "Informationsärenden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "21"), ["att godkänna dagordningen."]);
    assert_eq!(
        decisions(&p, "22"),
        [
            "Nämnden godkänner den reviderade överenskommelsen om hemsjukvård.",
            "Beslutet gäller från och med den 1 maj 2024."
        ],
        "the proposal (\"Förslag till beslut\") is no decision"
    );
    let text = p["items"][1]["text"].as_str().unwrap();
    assert!(text.ends_with("Regionen, socialchefen"), "{text}");
    assert!(
        !text.contains("Sida 2"),
        "the page header is left out: {text}"
    );
    assert_eq!(
        decisions(&p, "23"),
        ["att lägga informationen till handlingarna."]
    );
    assert_eq!(p["signatures"].as_array().unwrap().len(), 3);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn notes_with_an_ordinal_date_a_note_taker_and_vid_anteckningarna() {
    let p = read(&own("minnesanteckningar-utskrivning-2024-03-12.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(
        p["body"],
        "Arbetsgruppen för trygg och effektiv utskrivning"
    );
    assert_eq!(p["date"], "2024-03-12", "\"Tisdagen den 12:e mars 2024\"");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["place"], "Microsoft Teams");
    assert_eq!(p["chair"], Value::Null);
    assert_eq!(strs(&p["secretaries"]), ["Karin Sjö"], "\"Antecknare\"");
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Lisa Holm")["status"], "absent");
    assert_eq!(titles(&p).len(), 5);
    assert_eq!(
        decisions(&p, "3"),
        ["ta fram en gemensam rutin för hemgång under helger."]
    );
    assert_eq!(
        decisions(&p, "4"),
        ["Arbetsgruppen ställer sig bakom förslaget."],
        "\"Förslag till beslut:\" is no decision"
    );
    assert_eq!(
        p["items"][4]["text"], "Nästa möte är den 9 april 2024 kl. 09.00.",
        "\"Vid anteckningarna\" ends the items"
    );
    assert_eq!(p["signatures"][0]["name"], "Karin Sjö");
    assert_eq!(p["signatures"][0]["role"], "sekreterare");
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn text_copied_from_a_scanned_pdf_with_labels_one_space_from_their_values() {
    let p = read(&own("ocr-kommunstyrelsens-arbetsutskott-2023-11-07.txt"));
    assert_eq!(p["body"], "Kommunstyrelsens arbetsutskott");
    assert_eq!(p["date"], "2023-11-07");
    assert_eq!(
        times(&p),
        (Some("08:30"), Some("11:45")),
        "\"Plats och tid Kommunhuset, kl 08.30-11.45\""
    );
    assert_eq!(p["place"], "Kommunhuset");
    assert_eq!(p["chair"], "Per Nilsson");
    assert_eq!(strs(&p["secretaries"]), ["Karin Lund"]);
    assert_eq!(
        strs(&p["adjusters"]),
        ["Ulla Berg"],
        "\"Utses att justera Ulla Berg\""
    );
    assert_eq!(attendee(&p, "Kent Ås")["role"], "ledamot");
    assert_eq!(attendee(&p, "Jonas Ek")["role"], "kommunchef");
    assert_eq!(present(&p), 5);
    assert_eq!(
        titles(&p),
        [
            ("101", "Budgetuppföljning oktober"),
            ("102", "Avtal om hemsjukvård"),
            ("103", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned())),
        "OCR's \"$ 101\" is \"§ 101\""
    );
    assert_eq!(decisions(&p, "101"), ["Uppföljningen godkänns."]);
    assert_eq!(
        decisions(&p, "102"),
        ["Arbetsutskottet föreslår kommunstyrelsen att godkänna avtalet."],
        "\"Besiut\" is OCR's \"Beslut\""
    );
    assert_eq!(p["signatures"].as_array().unwrap().len(), 3);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn roles_in_brackets_and_signers_side_by_side() {
    let p = read(&own("ledningsgrupp-samverkan-2025-01-22.txt"));
    assert_eq!(p["body"], "Ledningsgruppen för samverkan (LGS)");
    assert_eq!(p["date"], "2025-01-22");
    assert_eq!(p["place"], "Region Dalarna, Falun, lokal Dalälven");
    assert_eq!(
        p["chair"], "Karin Berg",
        "\"Karin Berg, Region Dalarna (ordförande)\""
    );
    assert_eq!(attendee(&p, "Karin Berg")["organization"], "Region Dalarna");
    assert_eq!(attendee(&p, "Pia Lund")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "Pia Lund")["organization"], "Borlänge kommun");
    assert_eq!(attendee(&p, "Stina Ek")["status"], "absent");
    assert_eq!(strs(&p["secretaries"]), ["Lena Holm"]);
    assert_eq!(strs(&p["adjusters"]), ["Olle Sund"]);
    assert_eq!(titles(&p).len(), 4);
    assert_eq!(
        decisions(&p, "3"),
        [
            "att rekommendera kommunerna och regionen att anta överenskommelsen",
            "att uppföljning sker årligen."
        ]
    );
    let signed = signed(&p);
    assert_eq!(
        signed,
        [
            ("Lena Holm", "sekreterare"),
            ("Karin Berg", "ordförande"),
            ("Olle Sund", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned())),
        "names side by side over their roles"
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_sitting_labelled_sammantrade_gives_the_date_and_times() {
    let p = read(&own("region-primarvardsnamnden-2024-10-08.txt"));
    assert_eq!(p["body"], "Primärvårdsnämnden");
    assert_eq!(
        (p["date"].as_str(), times(&p)),
        (Some("2024-10-08"), (Some("09:00"), Some("12:15"))),
        "\"Sammanträde: Tisdag 8 oktober 2024, kl. 09.00–12.15\""
    );
    assert_eq!(
        p["place"],
        "Regionhuset, sammanträdesrum Sidsjön, samt digitalt via Teams"
    );
    assert_eq!(p["chair"], "Lars Olsson");
    assert_eq!(attendee(&p, "Birgitta Nordin")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "Mats Ek")["role"], "ersättare");
    assert_eq!(strs(&p["secretaries"]), ["Tomas Berg"]);
    assert_eq!(strs(&p["adjusters"]), ["Birgitta Nordin"]);
    assert_eq!(p["adjusted_on"], "2024-10-15");
    assert_eq!(titles(&p).len(), 4);
    assert_eq!(
        decisions(&p, "43"),
        [
            "att godkänna överenskommelsen om hälso- och sjukvård i hemmet",
            "att uppdra åt hälso- och sjukvårdsdirektören att följa upp överenskommelsen 2025."
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn notes_in_markdown_with_a_presence_column_and_the_note_taker_named_on_one_line() {
    let p = read(&own("minnesanteckningar-ledningsgrupp-2024-09-17.md"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Länsgemensam ledningsgrupp för vård och omsorg");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(
        attendee(&p, "Annika Björk")["status"],
        "absent",
        "a dash in the presence column"
    );
    assert_eq!(attendee(&p, "Jonas Falk")["status"], "present");
    assert_eq!(attendee(&p, "Peter Holm")["organization"], "Örebro kommun");
    assert_eq!(
        strs(&p["secretaries"]),
        ["Maria Sund"],
        "\"Vid anteckningarna: Maria Sund\""
    );
    assert_eq!(
        signed(&p),
        [("Maria Sund".to_owned(), "sekreterare".to_owned())]
    );
    assert_eq!(titles(&p).len(), 5);
    assert_eq!(
        decisions(&p, "3"),
        [
            "Överenskommelsen skickas på remiss till kommunerna.",
            "Svar ska lämnas senast 2024-11-30."
        ]
    );
}

#[test]
fn html_with_a_table_of_labels_and_signers_named_over_their_roles() {
    let p = read(&own("html-samverkansberedningen-2024-06-04.html"));
    assert_eq!(p["body"], "Samverkansberedningen för vård och omsorg");
    assert_eq!(
        (p["date"].as_str(), times(&p), p["place"].as_str()),
        (
            Some("2024-06-04"),
            (Some("09:30"), Some("12:00")),
            Some("Regionens hus, Gävle")
        ),
        "\"| Tid | 09:30 – 12:00 |\" is a label and its value"
    );
    assert_eq!(attendee(&p, "Anna Falk")["status"], "absent");
    assert_eq!(attendee(&p, "Henrik Blom")["role"], "vice ordförande");
    assert_eq!(p["chair"], "Ulrika Strand");
    assert_eq!(strs(&p["secretaries"]), ["Eva Norr"]);
    assert_eq!(strs(&p["adjusters"]), ["Henrik Blom"]);
    assert_eq!(
        signed(&p),
        [
            ("Ulrika Strand", "ordförande"),
            ("Henrik Blom", "justerare")
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned())),
        "under \"Justeras\", each name over its role"
    );
    assert_eq!(
        decisions(&p, "22"),
        [
            "notera informationen",
            "återkomma med en uppföljning i december."
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_board_meeting_with_people_in_one_line_and_the_adjusters_side_by_side() {
    let p = read(&own("samordningsforbund-styrelse-2024-05-07.txt"));
    assert_eq!(
        p["body"], "Samordningsförbundet Sydost",
        "\"Protokoll från styrelsemöte\" names the meeting, the line above the body"
    );
    assert_eq!(p["place"], "Digitalt (Teams)");
    assert_eq!(times(&p), (Some("13:15"), Some("16:00")));
    assert_eq!(p["chair"], "Anna Karlsson");
    assert_eq!(
        attendee(&p, "Lotta Bengtsson")["organization"],
        "Försäkringskassan"
    );
    assert_eq!(attendee(&p, "Jessica Lind")["status"], "absent");
    assert_eq!(
        attendee(&p, "Olof Strand")["role"],
        "ekonom",
        "\"Övriga: …; Olof Strand, ekonom (punkt 4)\""
    );
    assert_eq!(strs(&p["secretaries"]), ["Malin Rydén"]);
    assert_eq!(strs(&p["adjusters"]), ["Erik Nyberg"]);
    assert_eq!(
        signed(&p),
        [
            ("Malin Rydén", "sekreterare"),
            ("Anna Karlsson", "ordförande"),
            ("Erik Nyberg", "justerare")
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned())),
        "under \"Justeras\", the chair and the adjuster side by side"
    );
    assert_eq!(titles(&p).len(), 6);
    assert_eq!(
        decisions(&p, "4"),
        [
            "att godkänna den ekonomiska uppföljningen",
            "att uppdra åt förbundschefen att ta fram förslag på insatser för överskottet."
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_pdfs_page_header_with_its_page_count_gives_neither_body_nor_place() {
    let p = read(&own("pdftext-kommunstyrelsen-2024-02-12.txt"));
    assert_eq!(
        p["body"], "Kommunstyrelsen",
        "not the \"Sida\" after \"SAMMANTRÄDESPROTOKOLL\""
    );
    assert_eq!(
        p["place"], "Kommunhuset, KS-salen",
        "not the \"1(3)\" after \"Sammanträdesdatum\""
    );
    assert_eq!(p["date"], "2024-02-12");
    assert_eq!(times(&p), (Some("08:30"), Some("11:40")));
    assert_eq!(p["chair"], "Kristina Holm");
    assert_eq!(attendee(&p, "Maria Engström")["role"], "ersättare");
    assert_eq!(attendee(&p, "Johan Bäck")["role"], "kommunsekreterare");
    assert_eq!(strs(&p["secretaries"]), ["Johan Bäck"]);
    assert_eq!(strs(&p["adjusters"]), ["Peter Sandberg"]);
    assert_eq!(p["adjusted_on"], "2024-02-16");
    assert_eq!(
        titles(&p),
        [
            ("12", "Överenskommelse om hälso- och sjukvård i hemmet"),
            ("13", "Delårsrapport för vård och omsorg"),
            ("14", "Meddelanden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "12"),
        ["att godkänna överenskommelsen om hälso- och sjukvård i hemmet."]
    );
    assert_eq!(p["signatures"].as_array().unwrap().len(), 3);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn an_extract_of_one_paragraph_ends_at_its_attestation() {
    let p = read(&own("protokollsutdrag-socialnamnden-2024-04-23.txt"));
    assert_eq!(p["body"], "Socialnämnden");
    assert_eq!(p["date"], "2024-04-23");
    assert_eq!(
        titles(&p),
        [(
            "45".to_owned(),
            "Yttrande över remiss – Överenskommelse om hälso- och sjukvård i hemmet".to_owned()
        )]
    );
    assert_eq!(
        decisions(&p, "45"),
        [
            "avge yttrande enligt bilaga",
            "paragrafen justeras omedelbart."
        ]
    );
    let text = p["items"][0]["text"].as_str().unwrap();
    assert!(text.ends_with("Region Jönköpings län"), "{text}");
    assert!(
        strs(&p["warnings"]).is_empty(),
        "an extract names no chair: {:?}",
        p["warnings"]
    );
}

#[test]
fn notes_with_kinds_in_brackets_bullets_of_people_and_who_took_them() {
    let p = read(&own("minnesanteckningar-beredning-ostra-2024-11-14.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Vård- och omsorgsberedning Östra länsdelen");
    assert_eq!(p["date"], "2024-11-14");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["chair"], "Sara Lindberg");
    assert_eq!(attendee(&p, "Linnea Ahl")["status"], "absent");
    assert_eq!(
        attendee(&p, "Anita Kron")["organization"],
        "Östhammars kommun"
    );
    assert_eq!(
        strs(&p["secretaries"]),
        ["Mikael Ström"],
        "\"Anteckningar: Mikael Ström\""
    );
    let items = p["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(
        items[1]["title"],
        "Riktlinje för samordnad individuell plan"
    );
    assert_eq!(items[1]["kind"], "beslutsarende");
    assert_eq!(items[2]["kind"], "informationsarende");
    assert_eq!(strs(&items[2]["presenters"]), ["Anita Kron"]);
    assert_eq!(
        decisions(&p, "2"),
        ["Att godkänna riktlinjen och skicka den vidare till styrgruppen."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn abbreviated_labels_and_a_spaced_out_title() {
    let p = read(&own("styrgrupp-nara-vard-sormland-2023-05-16.txt"));
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["body"], "Styrgruppen för nära vård, Region Sörmland");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["chair"], "Anna Öberg");
    assert_eq!(
        strs(&p["secretaries"]),
        ["David Lund"],
        "\"Sekr.: David Lund\""
    );
    assert_eq!(strs(&p["adjusters"]), ["Bengt Friis"]);
    assert_eq!(
        signed(&p),
        [("Anna Öberg", "ordförande"), ("Bengt Friis", "justerare")]
            .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        [
            "att arbetet fortsätter enligt plan",
            "att en rapport lämnas till nästa möte"
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_role_before_a_name_in_the_list_of_members_is_that_persons_alone() {
    let p = read(&own("politiskt-samverkansorgan-2025-03-07.txt"));
    assert_eq!(
        p["body"],
        "Politiskt samverkansorgan Region Örebro län och länets kommuner"
    );
    assert_eq!(p["date"], "2025-03-07");
    assert_eq!(times(&p), (Some("09:00"), Some("11:45")));
    assert_eq!(p["chair"], "Ulrika Björklund");
    assert_eq!(strs(&p["secretaries"]), ["Anneli Hedström"]);
    assert_eq!(
        strs(&p["adjusters"]),
        ["Camilla Olsson", "Ove Jonsson"],
        "\"Protokollet justeras av: Camilla Olsson och Ove Jonsson\""
    );
    let chair = attendee(&p, "Ulrika Björklund");
    assert_eq!(chair["role"], "ordförande");
    assert_eq!(chair["organization"], "Region Örebro län");
    assert_eq!(attendee(&p, "Lars Ohlsson")["role"], "vice ordförande");
    // the members after "Vice ordförande Lars Ohlsson" are members, not more vice chairs
    for member in [
        "Camilla Olsson",
        "Patrik Jönsson",
        "Tina Höglund",
        "Ove Jonsson",
    ] {
        assert_eq!(attendee(&p, member)["role"], "ledamot", "{member}");
    }
    assert_eq!(
        attendee(&p, "Patrik Jönsson")["organization"],
        "Karlskoga kommun",
        "the star marking who took part from afar is no part of the organisation"
    );
    assert_eq!(attendee(&p, "Kjell Wallin")["status"], "absent");
    assert_eq!(present(&p), 8);
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Godkännande av dagordning"),
            ("3", "Ny överenskommelse om hemsjukvård"),
            ("4", "Rapport från tjänstemannaledningen"),
            ("5", "Mötets avslutande"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "att rekommendera regionen och kommunerna att anta överenskommelsen om hälso- och sjukvård i hemmet",
            "att överenskommelsen ska gälla från den 1 januari 2026."
        ]
    );
    assert_eq!(
        signed(&p),
        [
            ("Anneli Hedström", "sekreterare"),
            ("Ulrika Björklund", "ordförande"),
            ("Camilla Olsson", "justerare"),
            ("Ove Jonsson", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn notes_naming_each_participants_role_and_organisation_in_brackets() {
    let p = read(&own("minnesanteckningar-teams-aldre-2025-02-11.md"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Samverkansgrupp äldre, Västra länsdelen");
    assert_eq!(p["date"], "2025-02-11");
    assert_eq!(times(&p), (Some("13:15"), Some("14:30")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(strs(&p["secretaries"]), ["Petra Ahl"]);
    // "Sofia Lund (Region, vårdcentralschef Lindesberg)": the comma inside the brackets
    // parts what is said of her, not the list of people
    let sofia = attendee(&p, "Sofia Lund");
    assert_eq!(sofia["organization"], "Region");
    assert_eq!(sofia["role"], "vårdcentralschef Lindesberg");
    let jonas = attendee(&p, "Jonas Eriksson");
    assert_eq!(jonas["organization"], "Nora kommun");
    assert_eq!(jonas["role"], "MAS");
    assert_eq!(attendee(&p, "Petra Ahl")["role"], "enhetschef hemtjänst");
    assert_eq!(
        attendee(&p, "Björn Sjöberg")["organization"],
        "Ljusnarsbergs kommun"
    );
    assert_eq!(attendee(&p, "Helena Dahl")["status"], "absent");
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående anteckningar"),
            ("2", "Hemsjukvård – nya överenskommelsen"),
            ("3", "SIP – uppföljning"),
            ("4", "Övriga frågor"),
            ("5", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Gruppen tar fram en lokal rutin för inskrivning i hemsjukvård."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_pdfs_signature_block_with_the_role_in_a_column_of_its_own() {
    let p = read(&own("pdftext-vard-och-omsorgsnamnden-2024-12-10.txt"));
    assert_eq!(p["body"], "Vård- och omsorgsnämnden");
    assert_eq!(p["date"], "2024-12-10");
    assert_eq!(times(&p), (Some("08:30"), Some("12:00")));
    assert_eq!(p["place"], "Kommunhuset, Kullen");
    assert_eq!(p["chair"], "Marie Svensson");
    assert_eq!(strs(&p["secretaries"]), ["Nils Gran"]);
    assert_eq!(strs(&p["adjusters"]), ["Lennart Ek"]);
    assert_eq!(p["adjusted_on"], "2024-12-13");
    assert_eq!(attendee(&p, "Bo Strand")["role"], "ersättare");
    assert_eq!(present(&p), 6);
    // "Underskrifter ⇥ Sekreterare ⇥ Paragrafer 88-90" over the secretary's name
    assert_eq!(
        signed(&p),
        [
            ("Nils Gran", "sekreterare"),
            ("Marie Svensson", "ordförande"),
            ("Lennart Ek", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("88", "Lokal överenskommelse om hemsjukvård"),
            ("89", "Internkontrollplan 2025"),
            ("90", "Meddelanden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "88"),
        ["Vård- och omsorgsnämnden godkänner den lokala överenskommelsen om hemsjukvård."],
        "the proposal before the decision is no decision"
    );
    assert_eq!(
        decisions(&p, "89"),
        [
            "Nämnden antar internkontrollplanen för 2025.",
            "Uppföljning sker i augusti 2025."
        ]
    );
    // the page furniture repeated on every page is not in the items' text
    for item in p["items"].as_array().unwrap() {
        let text = item["text"].as_str().unwrap();
        assert!(!text.contains("Justerandes sign"), "{text}");
        assert!(!text.contains("SAMMANTRÄDESPROTOKOLL"), "{text}");
    }
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_label_inside_a_label_and_paragraphs_named_beside_a_member() {
    let p = read(&own("region-halso-och-sjukvardsutskottet-2024-09-03.txt"));
    assert_eq!(p["body"], "Hälso- och sjukvårdsutskottet");
    assert_eq!(p["date"], "2024-09-03");
    assert_eq!(times(&p), (Some("13:00"), Some("16:10")));
    assert_eq!(
        p["place"], "Regionhuset, sal Rostad, Kalmar",
        "\"Sammanträdesplats:\""
    );
    assert_eq!(p["chair"], "Anders Henriksson");
    assert_eq!(strs(&p["secretaries"]), ["Kristina Wik"]);
    assert_eq!(strs(&p["adjusters"]), ["Carl-Martin Jonsson"]);
    // "Närvarande: Ledamöter: Anders Henriksson (S) ordförande, …"
    assert_eq!(attendee(&p, "Anders Henriksson")["role"], "ordförande");
    assert_eq!(attendee(&p, "Malin Sjölander")["role"], "vice ordförande");
    assert_eq!(
        attendee(&p, "Ewa Dagrot")["role"],
        "ledamot",
        "\"§§ 61-66\" is when she took part, not her role"
    );
    assert_eq!(attendee(&p, "Patrik Nilsson")["role"], "ledamot");
    assert_eq!(attendee(&p, "Karin Helmersson")["role"], "ersättare");
    assert_eq!(present(&p), 9);
    assert_eq!(
        titles(&p),
        [
            ("61", "Val av justerare"),
            ("62", "Fastställande av dagordning"),
            (
                "63",
                "Samverkansöverenskommelse om hälso- och sjukvård i hemmet"
            ),
            ("64", "Information om läget i vården"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "63"),
        [
            "Utskottet föreslår regionstyrelsen besluta",
            "att godkänna överenskommelsen om hälso- och sjukvård i hemmet",
            "att överenskommelsen gäller från och med 2025-01-01."
        ]
    );
    assert_eq!(decisions(&p, "64"), ["att notera informationen."]);
    assert_eq!(
        signed(&p),
        [
            ("Kristina Wik", "sekreterare"),
            ("Anders Henriksson", "ordförande"),
            ("Carl-Martin Jonsson", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_word_processors_html_with_paragraphs_inside_the_cells_of_its_table() {
    let p = read(&own("html-word-psykisk-halsa-2024-04-16.html"));
    assert_eq!(
        p["body"],
        "Samverkansgruppen för psykisk hälsa, Jämtlands län"
    );
    assert_eq!(p["date"], "2024-04-16");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["place"], "Regionens hus, Östersund");
    assert_eq!(p["chair"], "Lisa Nordin");
    assert_eq!(strs(&p["secretaries"]), ["Göran Lilja"]);
    let lisa = attendee(&p, "Lisa Nordin");
    assert_eq!(lisa["organization"], "Region Jämtland Härjedalen");
    assert_eq!(lisa["role"], "ordförande");
    assert_eq!(attendee(&p, "Per Olof Strand")["role"], "socialchef");
    assert_eq!(
        attendee(&p, "Karin Hed")["status"],
        "absent",
        "struck with <s>"
    );
    assert_eq!(present(&p), 3);
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående protokoll"),
            ("2", "Samordnad individuell plan, SIP"),
            ("3", "Hemsjukvård"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        [
            "att rutinen revideras till juni",
            "att länets kommuner ges möjlighet att lämna synpunkter"
        ]
    );
    assert_eq!(
        signed(&p),
        [
            ("Göran Lilja", "sekreterare"),
            ("Lisa Nordin", "ordförande")
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn an_agenda_listing_the_items_first_is_no_item() {
    let p = read(&own("minnesanteckningar-dagordning-forst-2024-05-28.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Länsgemensam ledningsgrupp för samverkan, LGS");
    assert_eq!(p["date"], "2024-05-28", "\"28.05.2024\"");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["place"], "Regionkontoret, Falun");
    assert_eq!(present(&p), 4);
    assert_eq!(
        titles(&p),
        [
            ("1", "Inledning"),
            ("2", "Hemsjukvård – överenskommelsen"),
            ("3", "Utskrivningsklara patienter"),
            ("4", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    let items = p["items"].as_array().unwrap();
    assert_eq!(items[0]["text"], "Mötet öppnades av Eva Lindqvist.");
    assert_eq!(
        p["chair"], "Eva Lindqvist",
        "who opened the meeting chaired it"
    );
    assert_eq!(items[3]["text"], "Inget övrigt.");
    assert_eq!(
        decisions(&p, "2"),
        ["LGS ställer sig bakom förslaget till överenskommelse."]
    );
    // "Antecknat av Maria Holm" after the last item
    assert_eq!(strs(&p["secretaries"]), ["Maria Holm"]);
    assert_eq!(
        signed(&p),
        [("Maria Holm", "sekreterare")].map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn ocr_text_with_words_broken_at_line_ends_and_roles_over_their_signers() {
    let p = read(&own("ocr-avstavning-styrgrupp-2019-10-15.txt"));
    assert_eq!(p["date"], "2019-10-15", "\"Sammanträdesdag 15/10 2019\"");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["place"], "Kommunhuset Ludvika");
    assert_eq!(p["chair"], "Karl Olsson");
    assert_eq!(strs(&p["adjusters"]), ["Britt Sandberg"]);
    // "Närvarande: Karl Olsson, ordf., Britt Sandberg, Lena Stål, Omar Haddad"
    let names: Vec<&str> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Karl Olsson", "Britt Sandberg", "Lena Stål", "Omar Haddad"]
    );
    assert_eq!(attendee(&p, "Karl Olsson")["role"], "ordförande");
    assert_eq!(attendee(&p, "Karl Olsson")["organization"], Value::Null);
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare"),
            ("2", "Information om hemsjukvårdens utveckling"),
            ("3", "Samverkansavtal"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "2"), ["Informationen noterades."]);
    assert_eq!(
        decisions(&p, "3"),
        [
            "godkänna avtalet",
            "uppdra åt Omar Haddad att informera kommunerna"
        ]
    );
    // "Ordförande ⇥ Justerare" over "Karl Olsson ⇥ Britt Sandberg"
    assert_eq!(
        signed(&p),
        [
            ("Karl Olsson", "ordförande"),
            ("Britt Sandberg", "justerare")
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    let last = p["items"].as_array().unwrap().last().unwrap().clone();
    assert!(
        !last["text"].as_str().unwrap().contains("Karl Olsson"),
        "the signatures end the last item"
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_meetings_notes_titled_by_its_heading_with_a_yes_no_presence_column() {
    let p = read(&own("samverkansmote-norra-halsingland-2024-03-05.md"));
    assert_eq!(
        p["body"],
        "Samverkansmöte vård och omsorg – Norra Hälsingland"
    );
    assert_eq!(p["date"], "2024-03-05");
    assert_eq!(times(&p), (Some("10:00"), Some("12:00")));
    assert_eq!(p["place"], "Hudiksvalls sjukhus, sal Dellen");
    assert_eq!(p["chair"], "Cecilia Wahl");
    assert_eq!(strs(&p["secretaries"]), ["David Öst"]);
    assert_eq!(attendee(&p, "Bertil Holm")["status"], "absent", "\"Nej\"");
    assert_eq!(present(&p), 3);
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående minnesanteckningar"),
            ("2", "Trygg och effektiv utskrivning"),
            ("3", "Hemsjukvård"),
            ("4", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Kommunerna och regionen följer upp statistiken varje månad."],
        "\"Beslut/åtgärd:\""
    );
    assert_eq!(
        decisions(&p, "3"),
        ["Att arbetsgruppen tar fram en gemensam rutin för läkemedelshantering i hemsjukvården."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn minutes_sent_as_an_e_mail_take_their_date_from_the_minutes_not_the_message() {
    let p = read(&own("epost-minnesanteckningar-lgs-2024-06-11.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "LGS Västerbotten");
    assert_eq!(
        p["date"], "2024-06-11",
        "\"Skickat: den 12 juni 2024 08:14\" is when the message was sent"
    );
    assert_eq!(times(&p), (None, None));
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Per Lund")["organization"], "Umeå kommun");
    assert_eq!(
        titles(&p),
        [("1", "Hemsjukvård"), ("2", "Psykisk hälsa")].map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "1"), ["Uppföljning sker i november."]);
    let last = &p["items"][1]["text"];
    assert_eq!(
        last, "Information om länets handlingsplan.",
        "the sign-off is no part of the last item"
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn people_listed_by_the_party_they_come_from_and_a_digital_adjustment_after_the_items() {
    let p = read(&own("regionalt-samverkansrad-halland-2024-10-22.txt"));
    assert_eq!(
        p["body"],
        "Regionalt samverkansråd vård och omsorg, Region Halland"
    );
    assert_eq!(p["date"], "2024-10-22");
    assert_eq!(times(&p), (Some("13:00"), Some("16:00")));
    assert_eq!(p["place"], "Regionens hus, Halmstad");
    // "Från regionen: Lena Ask (ordförande), …", "Från kommunerna: Ola Bengtsson
    // (Halmstad), …"
    assert_eq!(p["chair"], "Lena Ask");
    assert_eq!(present(&p), 6);
    assert_eq!(attendee(&p, "Karin Frid")["organization"], "Varberg");
    assert_eq!(attendee(&p, "Eva Lund")["status"], "absent");
    assert_eq!(strs(&p["secretaries"]), ["Mia Persson"]);
    assert_eq!(strs(&p["adjusters"]), ["Ola Bengtsson"]);
    assert_eq!(
        p["adjusted_on"], "2024-10-25",
        "\"Protokollet justerat digitalt 2024-10-25.\""
    );
    let items = p["items"].as_array().unwrap();
    assert_eq!(items[0]["kind"], "beslutsarende");
    assert_eq!(
        strs(&items[0]["presenters"]),
        ["Jon Strand"],
        "\"Dragning:\""
    );
    assert_eq!(items[1]["kind"], "informationsarende");
    assert_eq!(strs(&items[1]["presenters"]), ["Karin Frid"]);
    assert_eq!(items[1]["text"], "Antalet SIP ökar. Informationen noteras.");
    assert_eq!(
        decisions(&p, "1"),
        [
            "ställa sig bakom överenskommelsen",
            "skicka den till huvudmännen för beslut."
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn notes_listing_people_as_bullets_with_a_dash_before_what_is_said_of_them() {
    let p = read(&own(
        "minnesanteckningar-chefsgrupp-punktlista-2023-11-17.md",
    ));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(
        p["body"],
        "Chefsgrupp för samverkan social välfärd samt vård och omsorg"
    );
    assert_eq!(p["date"], "2023-11-17");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["chair"], "Ingmar Ångman");
    assert_eq!(strs(&p["secretaries"]), ["Malin Duckert Ek"]);
    let ingmar = attendee(&p, "Ingmar Ångman");
    assert_eq!(ingmar["organization"], "Region Örebro län");
    assert_eq!(ingmar["role"], "ordförande");
    let jaana = attendee(&p, "Jaana Jansson");
    assert_eq!(jaana["organization"], "Hallsberg");
    assert_eq!(
        jaana["role"],
        Value::Null,
        "\"(från punkt 3)\" is when she came, not her role"
    );
    assert_eq!(
        attendee(&p, "Karin Haster")["role"],
        "områdeschef Psykiatri"
    );
    assert_eq!(attendee(&p, "Malin Bäcklund")["status"], "absent");
    assert_eq!(present(&p), 4);
    assert_eq!(
        titles(&p),
        [
            ("1", "Inledning"),
            ("2", "Rapport från AU"),
            ("3", "Hemsjukvård"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        [
            "Chefsgruppen ställer sig bakom inriktningen.",
            "Frågan återkommer i februari."
        ]
    );
    assert_eq!(decisions(&p, "3"), ["godkänna den fortsatta processen."]);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn text_laid_out_with_spaces_numbering_items_without_a_full_stop() {
    let p = read(&own(
        "ledningsgrupp-nara-vard-vasternorrland-2024-04-09.txt",
    ));
    assert_eq!(
        p["body"], "Ledningsgruppen för Nära vård Västernorrland",
        "\"Nr 4/2024\" under the title is the protocol's number"
    );
    assert_eq!(p["date"], "2024-04-09");
    assert_eq!(times(&p), (Some("08:30"), Some("10:00")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(p["chair"], "Maria Forsberg");
    assert_eq!(strs(&p["secretaries"]), ["Erik Nordin"]);
    let maria = attendee(&p, "Maria Forsberg");
    assert_eq!(maria["organization"], "Region Västernorrland");
    assert_eq!(maria["role"], "ordförande", "\"…direktör, ordf\"");
    let jenny = attendee(&p, "Jenny Söder");
    assert_eq!(jenny["organization"], "Härnösands kommun");
    assert_eq!(
        jenny["role"], "Förvaltningschef",
        "a compound ending in a role word is a role"
    );
    assert_eq!(attendee(&p, "Petra Lund")["status"], "absent");
    assert_eq!(present(&p), 4);
    // "1  Föregående protokoll": a number, two spaces, a capital
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående protokoll"),
            ("2", "Gemensam hemsjukvård – lägesrapport"),
            ("3", "Utskrivningsprocessen"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Ledningsgruppen tackar för informationen och ser fram emot en slutrapport i juni."]
    );
    assert_eq!(
        signed(&p),
        [
            ("Erik Nordin", "sekreterare"),
            ("Maria Forsberg", "ordförande")
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn several_files_give_an_array_and_a_bad_one_is_named() {
    let dir = std::env::temp_dir().join(format!("samsyn-protocols-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("tom.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("bild.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let undated = dir.join("odaterad.txt");
    std::fs::write(&undated, "Protokoll\n1. Inledning\nText utan datum.").unwrap();
    let scanned = dir.join("skannad.pdf");
    std::fs::write(
        &scanned,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    )
    .unwrap();
    let good = shared("protokoll-chefsgrupp-2024-04-19.txt");
    let args = [
        "import",
        "protocol",
        "--dry-run",
        "--json",
        &good,
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        undated.to_str().unwrap(),
        scanned.to_str().unwrap(),
    ];
    let o = samsyn("sqlite://unused-dry-run.db", &args, None);
    assert!(!o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        1,
        "the good file is still read"
    );
    let err = stderr(&o);
    assert!(err.contains("tom.txt: filen är tom"), "{err}");
    assert!(err.contains("bild.txt: filen är inte text"), "{err}");
    assert!(err.contains("odaterad.txt: inget mötesdatum"), "{err}");
    assert!(err.contains("skannad.pdf: PDF-filen"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

fn import_cli(url: &str, paths: &[&str], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["import", "protocol"];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    samsyn(url, &args, None)
}

#[test]
fn importing_stores_once_names_failures_and_keeps_the_good_files() {
    for engine in [samsyn_store::Engine::Sqlite, samsyn_store::Engine::Postgres] {
        let Some((url, _guard)) = common::fresh_database(engine) else {
            continue;
        };
        assert!(samsyn(&url, &["demo"], None).status.success());
        let cg = shared("protokoll-chefsgrupp-2024-04-19.txt");
        let ssr = shared("protokoll-specifika-samverkansradet-2024-09-20.txt");
        let dir =
            std::env::temp_dir().join(format!("samsyn-import-{}-{engine:?}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let empty = dir.join("tom.txt");
        std::fs::write(&empty, "  \n").unwrap();

        let o = import_cli(&url, &[&cg, empty.to_str().unwrap(), &ssr], &[]);
        assert!(!o.status.success(), "one file failed");
        let out = stdout(&o);
        assert_eq!(out.matches("inläst som möte").count(), 2, "{out}");
        assert!(
            stderr(&o).contains("tom.txt: filen är tom"),
            "{}",
            stderr(&o)
        );
        assert!(
            !out.contains("finns inte i registret"),
            "both bodies are matched to the demo's: {out}"
        );

        let again = import_cli(&url, &[&cg], &["--json"]);
        assert!(again.status.success(), "{}", stderr(&again));
        let v: Value = serde_json::from_str(&stdout(&again)).unwrap();
        assert_eq!(v[0]["status"], "unchanged");
        assert_eq!(v[0]["body_code"], "CG-VO");

        let changed = dir.join("chefsgrupp-andrad.txt");
        std::fs::write(
            &changed,
            std::fs::read_to_string(&cg).unwrap() + "\nTillägg efter justering.\n",
        )
        .unwrap();
        let o = import_cli(&url, &[changed.to_str().unwrap()], &[]);
        assert!(!o.status.success());
        assert!(
            stderr(&o).contains("mötet finns redan i registret"),
            "{}",
            stderr(&o)
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn the_search_api_finds_word_forms_and_refuses_a_bad_filter() {
    let Some((url, _guard)) = common::fresh_database(samsyn_store::Engine::Sqlite) else {
        return;
    };
    assert!(samsyn(&url, &["demo"], None).status.success());
    let o = import_cli(
        &url,
        &[
            &shared("protokoll-chefsgrupp-2024-04-19.txt"),
            &shared("protokoll-specifika-samverkansradet-2024-09-20.txt"),
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let server = common::Server::start(&url, false);
    let token = stdout(&samsyn(
        &url,
        &["token", "create", "--username", "ledamot"],
        None,
    ))
    .trim()
    .to_owned();
    let auth = format!("Bearer {token}");
    let get = |path: &str| {
        let r = server.get(path, &[("authorization", auth.as_str())]);
        (r.status, r.body)
    };
    let (status, body) = get("/api/v1/search?q=%C3%B6verenskommelsen&limit=50");
    assert_eq!(status, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(v["total"].as_u64().unwrap() >= 2);
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["snippet_html"].as_str().unwrap().contains("<mark>"))
    );
    let (status, body) = get("/api/v1/search?q=x&from=2024-13-01");
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("\"field\":\"from\""), "{body}");
    let id = v["hits"][0]["meeting_id"].as_i64().unwrap();
    let (status, body) = get(&format!("/api/v1/meetings/{id}"));
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"items\""));
}

#[test]
fn the_times_on_a_line_of_their_own_under_the_date() {
    let p = read(&own("regionens-samrad-narsjukvard-2024-12-03.txt"));
    assert_eq!(p["body"], "Samrådsgruppen för närsjukvård i Jämtlands län");
    assert_eq!(p["date"], "2024-12-03");
    assert_eq!(
        times(&p),
        (Some("13:15"), Some("16:00")),
        "\"Kl. 13:15 - 16:00\""
    );
    assert_eq!(p["place"], "Regionens hus, sal A");
    assert_eq!(p["chair"], "Ingrid Holmqvist");
    assert_eq!(strs(&p["secretaries"]), ["Åsa Wikström"]);
    assert_eq!(present(&p), 6);
    assert_eq!(attendee(&p, "Tomas Jonsson")["status"], "absent");
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötet öppnas"),
            ("2", "Val av justerare"),
            ("3", "Hemsjukvården i länet – uppföljning"),
            ("4", "Trygg och effektiv utskrivning"),
            ("5", "Mötet avslutas"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "att godkänna uppföljningen",
            "att uppdra åt sekreteraren att sammanställa en rapport till nästa möte."
        ]
    );
    assert_eq!(
        signed(&p),
        [
            ("Åsa Wikström", "sekreterare"),
            ("Ingrid Holmqvist", "ordförande"),
            ("Bengt Lund", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
}

#[test]
fn a_committees_protocol_with_a_declared_conflict_of_interest_and_a_reservation() {
    let p = read(&own("socialnamnden-individutskott-2024-06-18.txt"));
    assert_eq!(p["body"], "Socialnämndens individutskott");
    assert_eq!(times(&p), (Some("13:15"), Some("15:40")));
    assert_eq!(p["place"], "Kommunhuset, sal Ljusnan");
    assert_eq!(
        p["adjusted_on"], "2024-06-20",
        "\"Justeringens tid och plats: Kommunhuset 2024-06-20\""
    );
    assert_eq!(strs(&p["adjusters"]), ["Anneli Sundberg"]);
    assert_eq!(attendee(&p, "Birgitta Hed")["role"], "ersättare");
    assert_eq!(attendee(&p, "Olle Grahn")["status"], "absent");
    // the reservation and the recipients after the decision are not decided
    assert_eq!(
        decisions(&p, "43"),
        [
            "Individutskottet ställer sig bakom förvaltningens yttrande.",
            "Yttrandet skickas till regionen senast 2024-08-31."
        ]
    );
    assert_eq!(
        decisions(&p, "45"),
        ["Redovisningen av delegationsbeslut godkänns."]
    );
    assert_eq!(signed(&p).len(), 3);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn notes_with_the_attendance_listed_after_the_items() {
    let p = read(&own("narvarolista-sist-chefsgrupp-2024-05-15.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(
        p["body"],
        "Chefsgruppen för vård och omsorg i Västerbottens län"
    );
    // "Minnesanteckningar 2024-05-15, kl. 09.30–12.00, Umeå"
    assert_eq!(p["date"], "2024-05-15");
    assert_eq!(times(&p), (Some("09:30"), Some("12:00")));
    assert_eq!(p["place"], "Umeå");
    // "Närvarande: se närvarolista sist i anteckningarna."
    assert_eq!(present(&p), 4);
    assert_eq!(
        attendee(&p, "Stefan Lindqvist")["organization"],
        "Region Västerbotten"
    );
    assert_eq!(attendee(&p, "Rolf Eriksson")["status"], "absent");
    assert_eq!(p["chair"], "Karin Wallin");
    assert_eq!(strs(&p["secretaries"]), ["Jenny Marklund"]);
    assert_eq!(p["items"].as_array().unwrap().len(), 4);
    assert_eq!(
        decisions(&p, "2"),
        [
            "ge arbetsgruppen i uppdrag att sammanställa synpunkterna",
            "ta upp frågan igen i september"
        ]
    );
    assert_eq!(
        p["items"][3]["text"], "2024-06-12.",
        "the list after the note taker is no part of the last item"
    );
}

#[test]
fn a_pdfs_text_with_two_columns_of_members_side_by_side() {
    let p = read(&own("ocr-tvakolumn-namnd-2022-09-20.txt"));
    assert_eq!(p["body"], "Gemensamma nämnden för hjälpmedel");
    assert_eq!(times(&p), (Some("10:00"), Some("12:15")));
    assert_eq!(p["place"], "Landstingshuset, sal B");
    // "Anders Gustavsson (S), ordförande ⇥ Britt Olofsson (C)"
    for (name, role) in [
        ("Anders Gustavsson", "ordförande"),
        ("Britt Olofsson", "ledamot"),
        ("Lennart Jakobsson", "vice ordförande"),
        ("Mona Fredriksson", "ledamot"),
        ("Gunnel Pettersson", "ledamot"),
        ("Ove Svensson", "ledamot"),
    ] {
        assert_eq!(attendee(&p, name)["role"], role, "{name}");
        assert_eq!(attendee(&p, name)["organization"], Value::Null, "{name}");
    }
    assert_eq!(p["chair"], "Anders Gustavsson");
    assert_eq!(strs(&p["secretaries"]), ["Torbjörn Ek"]);
    assert_eq!(strs(&p["adjusters"]), ["Britt Olofsson"]);
    // "Justeringens ⇥ Landstingshuset 2022-09-27" over "plats och tid"
    assert_eq!(p["adjusted_on"], "2022-09-27");
    assert_eq!(
        decisions(&p, "23"),
        [
            "Avgifterna för 2023 fastställs enligt bilaga.",
            "Beslutet gäller från 2023-01-01."
        ]
    );
    assert_eq!(signed(&p).len(), 3);
}

#[test]
fn notes_with_the_items_as_the_rows_of_a_table() {
    let p = read(&own("tabell-arenden-arbetsgrupp-sip-2024-03-21.md"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-03-21");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(strs(&p["secretaries"]), ["Mats Håkansson"]);
    assert_eq!(present(&p), 4);
    // "| Punkt | Ämne | Anteckningar | Beslut/Ansvar |"
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående anteckningar"),
            ("2", "Uppföljning av SIP i hemsjukvården"),
            ("3", "Ny rutin för samordnad individuell plan"),
            ("4", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(p["items"][0]["text"], "Godkändes utan ändringar.");
    assert_eq!(
        decisions(&p, "2"),
        ["Uppföljningen redovisas i ledningsgruppen. Ansvar: Mats"]
    );
    assert_eq!(
        decisions(&p, "3"),
        ["Rutinen skickas på remiss till kommunerna."]
    );
    assert!(decisions(&p, "1").is_empty());
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_councils_protocol_with_paragraf_items_and_signers_side_by_side_with_their_roles() {
    let p = read(&own("kommunalt-pensionarsrad-2024-09-12.txt"));
    assert_eq!(p["date"], "2024-09-12");
    assert_eq!(times(&p), (Some("14:00"), Some("16:15")));
    assert_eq!(p["place"], "Medborgarhuset, Tallen");
    assert_eq!(p["chair"], "Gun Axelsson");
    assert_eq!(attendee(&p, "Kjell Strand")["organization"], "PRO");
    assert_eq!(attendee(&p, "Kjell Strand")["role"], "vice ordförande");
    assert_eq!(present(&p), 7);
    // "Paragraf 14 – Mötets öppnande"
    assert_eq!(
        titles(&p).first().unwrap(),
        &("14".to_owned(), "Mötets öppnande".to_owned())
    );
    assert_eq!(
        decisions(&p, "17"),
        [
            "att lämna synpunkter skriftligt senast 2024-10-01",
            "att frågan återkommer på nästa sammanträde."
        ]
    );
    // "Gun Axelsson, ordförande ⇥ Kjell Strand, justerare"
    assert_eq!(
        signed(&p),
        [
            ("Gun Axelsson", "ordförande"),
            ("Kjell Strand", "justerare"),
            ("Lotta Fors", "sekreterare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
}

#[test]
fn a_protocol_in_capitals_with_labels_over_their_values_and_roles_before_signers() {
    let p = read(&own("protokoll-rubriker-versaler-2024-01-30.txt"));
    assert_eq!(p["body"], "SAMVERKANSNÄMNDEN SYDÖSTRA SVERIGE");
    assert_eq!(p["date"], "2024-01-30");
    // "TID OCH PLATS" over "2024-01-30 kl. 10.00–12.30, Regionhuset Kalmar, sal Öland"
    assert_eq!(times(&p), (Some("10:00"), Some("12:30")));
    assert_eq!(p["place"], "Regionhuset Kalmar, sal Öland");
    assert_eq!(p["chair"], "Anna-Karin Lönn");
    assert_eq!(strs(&p["adjusters"]), ["Mikael Sandberg"]);
    assert_eq!(strs(&p["secretaries"]), ["Pernilla Borg"]);
    assert_eq!(p["items"].as_array().unwrap().len(), 3);
    assert_eq!(
        decisions(&p, "2"),
        ["Samverkansnämnden godkänner rapporten."]
    );
    // "Ordförande Anna-Karin Lönn" under "UNDERSKRIFTER"
    assert_eq!(
        signed(&p),
        [
            ("Anna-Karin Lönn", "ordförande"),
            ("Mikael Sandberg", "justerare"),
            ("Pernilla Borg", "sekreterare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_signing_services_record_naming_each_signers_address() {
    let p = read(&own("esign-scrive-samordningsforbund-2024-10-24.txt"));
    assert_eq!(
        p["body"],
        "Styrelsen för Samordningsförbundet Centrala Östergötland"
    );
    assert_eq!(p["chair"], "Sara Lindqvist");
    assert_eq!(present(&p), 6);
    assert_eq!(
        decisions(&p, "32"),
        ["Styrelsen fastställer verksamhetsplan och budget för 2025."]
    );
    // "E-post: …" over "Signerat 2024-10-28 13:05:44 CET" is no page footer
    let when: Vec<&str> = p["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["signed_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        signed(&p),
        [
            ("Sara Lindqvist", "ordförande"),
            ("Erik Holmberg", "justerare"),
            ("Tobias Wall", "sekreterare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        when,
        ["2024-10-28 13:05", "2024-10-29 08:41", "2024-10-28 10:15"]
    );
}

#[test]
fn notes_with_the_attendance_as_an_attachment() {
    let p = read(&own("narvaro-bilaga-beredning-2024-08-29.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["place"], "Västerås, Regionhuset");
    // "Närvarande: se bilaga 1" … "Bilaga 1. Närvarolista"
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Leif Sundin")["role"], "ordförande");
    assert_eq!(
        attendee(&p, "Ida Strömberg")["organization"],
        "Region Västmanland"
    );
    assert_eq!(attendee(&p, "Mona Lilja")["status"], "absent");
    assert_eq!(p["chair"], "Leif Sundin");
    assert_eq!(strs(&p["secretaries"]), ["Ida Strömberg"]);
    assert_eq!(
        decisions(&p, "2"),
        ["En arbetsgrupp tillsätts med två representanter från varje huvudman."]
    );
}

#[test]
fn a_paragraph_sign_alone_over_its_registration_number_over_its_title() {
    let p = read(&own("paragraf-egen-rad-socialnamnd-2024-11-19.txt"));
    assert_eq!(p["body"], "SOCIALNÄMNDEN");
    assert_eq!(p["adjusted_on"], "2024-11-22");
    assert_eq!(attendee(&p, "Jan-Erik Lund")["role"], "vice ordförande");
    // "§ 88" over "Dnr SN 2024/301" over the title
    assert_eq!(
        titles(&p),
        [
            (
                "88",
                "Samverkansöverenskommelse om hälso- och sjukvård i hemmet"
            ),
            ("89", "Uppföljning av avvikelser i samverkan med regionen"),
            ("90", "Delegationsbeslut oktober 2024"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert!(
        p["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Dnr SN 2024/301")
    );
    // the documents under "Beslutsunderlag" are no decisions
    assert_eq!(
        decisions(&p, "88"),
        [
            "Socialnämnden föreslår kommunfullmäktige besluta",
            "att godkänna överenskommelsen om hälso- och sjukvård i hemmet."
        ]
    );
    assert_eq!(decisions(&p, "90"), ["Redovisningen godkänns."]);
}

#[test]
fn notes_naming_each_persons_role_by_its_abbreviation_before_their_organisation() {
    let p = read(&own("minnesanteckningar-mas-natverk-2024-04-04.md"));
    assert_eq!(p["body"], "Nätverket för MAS i länet");
    assert_eq!(p["date"], "2024-04-04");
    // "- Anna Lind, MAS Gävle kommun"
    assert_eq!(attendee(&p, "Anna Lind")["organization"], "Gävle kommun");
    assert_eq!(attendee(&p, "Anna Lind")["role"], "MAS");
    assert_eq!(attendee(&p, "Lena Öst")["organization"], "Region Gävleborg");
    assert_eq!(attendee(&p, "Ola Berg")["status"], "absent");
    assert_eq!(attendee(&p, "Ola Berg")["organization"], "Hofors kommun");
    assert_eq!(decisions(&p, "1"), ["Rutinen revideras till juni."]);
}

#[test]
fn a_working_groups_notes_whose_decisions_are_written_as_agreements() {
    let p = read(&own("arbetsgrupp-enades-2024-10-08.txt"));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["place"], "Teams");
    assert_eq!(attendee(&p, "Eva Sjöberg")["status"], "absent");
    // "Gruppen enades om att …", "Arbetsgruppen enas om att …", "Överenskoms att …"
    assert_eq!(
        decisions(&p, "2"),
        ["ta fram en gemensam rutin för planeringsmöten på distans."]
    );
    assert_eq!(
        decisions(&p, "3"),
        ["Lisa och Per planerar en utbildningsdag under våren."]
    );
    assert_eq!(decisions(&p, "4"), ["nästa möte hålls 2024-11-12."]);
    assert!(decisions(&p, "1").is_empty());
}

#[test]
fn a_committees_protocol_ending_with_its_signers_and_their_roles_without_a_heading() {
    let p = read(&own("namnd-underskrift-kolumner-2024-05-22.txt"));
    assert_eq!(p["body"], "Vård- och omsorgsnämnden");
    assert_eq!(p["adjusted_on"], "2024-05-27");
    assert_eq!(strs(&p["adjusters"]), ["Lars Holm"]);
    assert_eq!(
        decisions(&p, "43"),
        [
            "ställa sig bakom överenskommelsen",
            "uppdra åt förvaltningschefen att införa den från 2025-01-01"
        ]
    );
    // "Helena Ström, sekreterare ⇥ Birgitta Ek, ordförande" over "Lars Holm, justerare"
    // under the last item: the signers, not the item's text
    assert_eq!(
        signed(&p),
        [
            ("Helena Ström", "sekreterare"),
            ("Birgitta Ek", "ordförande"),
            ("Lars Holm", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    let last = p["items"][2]["text"].as_str().unwrap();
    assert!(last.ends_with("att införa den från 2025-01-01"), "{last}");
}

#[test]
fn a_web_pages_tables_of_members_without_column_heads() {
    let p = read(&own("html-tabeller-aldreomsorgsnamnden-2024-06-10.html"));
    // "| Beslutande |", a table's heading row, is no body
    assert_eq!(p["body"], "Äldreomsorgsnämnden");
    assert_eq!(p["place"], "Stadshuset, rum 301");
    assert_eq!(p["adjusted_on"], "2024-06-14");
    // "| Ann-Sofie Lind (S) | Ordförande |": a role, not an organisation
    assert_eq!(attendee(&p, "Ann-Sofie Lind")["role"], "ordförande");
    assert!(attendee(&p, "Ann-Sofie Lind")["organization"].is_null());
    assert_eq!(attendee(&p, "Bo Eriksson")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "David Olsson")["role"], "ersättare");
    assert_eq!(attendee(&p, "Eva Hedlund")["role"], "Äldreomsorgschef");
    assert_eq!(p["chair"], "Ann-Sofie Lind");
    assert_eq!(strs(&p["secretaries"]), ["Fredrik Nyström"]);
    assert_eq!(
        decisions(&p, "52"),
        [
            "Äldreomsorgsnämnden godkänner överenskommelsen.",
            "Beslutet skickas till kommunfullmäktige för kännedom."
        ]
    );
    assert!(
        p["warnings"].as_array().unwrap().is_empty(),
        "{}",
        p["warnings"]
    );
}

#[test]
fn a_protocol_written_in_prose_with_those_present_in_a_sentence() {
    let p = read(&own("prosa-narvarande-styrgrupp-2024-02-20.txt"));
    // "Protokoll fört vid sammanträde med … län den 20 februari 2024"
    assert_eq!(p["body"], "Styrgruppen för vård och omsorg i Jämtlands län");
    assert_eq!(p["date"], "2024-02-20");
    assert_eq!(present(&p), 4);
    // "Frånvarande: Erik Strand."
    assert_eq!(attendee(&p, "Erik Strand")["status"], "absent");
    // "Anna Berg öppnade mötet."
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(strs(&p["adjusters"]), ["Per Holm"]);
    assert_eq!(
        decisions(&p, "2"),
        ["ge arbetsgruppen i uppdrag att analysera orsakerna till ökningen."]
    );
}

#[test]
fn a_pdfs_text_with_the_bodys_abbreviation_before_each_paragraph() {
    let p = read(&own("pdftext-sidhuvud-socialnamnden-2021-03-18.txt"));
    // "Socialnämnden ⇥ Sammanträdesdatum ⇥ Sida": the page header's first column
    assert_eq!(p["body"], "Socialnämnden");
    assert_eq!(times(&p), (Some("13:15"), Some("15:40")));
    // "Justeringens" over "plats och tid ⇥ Socialförvaltningen 2021-03-23"
    assert_eq!(p["adjusted_on"], "2021-03-23");
    assert_eq!(p["place"], "Stadshuset, Katrineholm");
    // "SN § 15 ⇥ Dnr SN/2021:12-012" over the title
    assert_eq!(
        titles(&p),
        [
            ("15", "Val av justerare"),
            ("16", "Överenskommelse om hemsjukvård"),
            ("17", "Ekonomisk uppföljning"),
            ("18", "Anmälan av delegationsbeslut"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "16"),
        [
            "Socialnämnden godkänner överenskommelsen.",
            "Socialnämnden föreslår kommunfullmäktige att anta överenskommelsen."
        ]
    );
    assert_eq!(
        signed(&p),
        [
            ("Cecilia Svensson", "sekreterare"),
            ("Inger Hult", "ordförande"),
            ("Tony Karlsson", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
}

#[test]
fn a_councils_protocol_with_lettered_parts_under_groups_of_item_kinds() {
    let p = read(&own("delpunkter-bokstav-samverkansrad-2024-04-25.txt"));
    assert_eq!(attendee(&p, "Eva Ek")["role"], "ersättare");
    // "2a. Läget i hemsjukvården" under "2. Informationsärenden"
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare"),
            ("2", "Informationsärenden"),
            ("2a", "Läget i hemsjukvården"),
            ("2b", "Nationella riktlinjer för demens"),
            ("3", "Beslutsärenden"),
            ("3a", "Reviderad rutin för SIP"),
            ("3b", "Handlingsplan för psykisk hälsa 2024"),
            ("4", "Mötet avslutas"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    let kind = |n: &str| {
        p["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["number"] == n)
            .unwrap()["kind"]
            .clone()
    };
    assert_eq!(kind("2b"), "informationsarende");
    assert_eq!(kind("3a"), "beslutsarende");
    assert!(kind("4").is_null());
    assert_eq!(
        decisions(&p, "3a"),
        ["Samverkansrådet antar den reviderade rutinen."]
    );
}

#[test]
fn a_register_export_writing_each_members_surname_first() {
    let p = read(&own("efternamn-forst-namnd-2024-02-14.txt"));
    assert_eq!(p["body"], "Hälso- och sjukvårdsnämnden, Region Värmland");
    // "Andersson, Anna (S), ordförande"
    assert_eq!(attendee(&p, "Anna Andersson")["role"], "ordförande");
    assert_eq!(attendee(&p, "Per Bergström")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "Maria Ek")["role"], "ersättare");
    assert_eq!(present(&p), 7);
    assert_eq!(p["chair"], "Anna Andersson");
    // "Justerare: Carlsson, Lena"
    assert_eq!(strs(&p["adjusters"]), ["Lena Carlsson"]);
    // "Gran, Olof, nämndsekreterare" under "Tjänstepersoner"
    assert_eq!(strs(&p["secretaries"]), ["Olof Gran"]);
    assert!(
        p["warnings"].as_array().unwrap().is_empty(),
        "{}",
        p["warnings"]
    );
}

#[test]
fn notes_listing_those_present_by_organisation() {
    let p = read(&own("org-forst-tabell-beredning-2024-06-13.md"));
    assert_eq!(p["place"], "Regionhuset Gävle");
    // "| Region Gävleborg | Anna Berg, Per Holm |": two people in one cell
    assert_eq!(attendee(&p, "Per Holm")["organization"], "Region Gävleborg");
    // "Närvarande från Hofors kommun: Oskar Falk, Ida Ström"
    assert_eq!(attendee(&p, "Ida Ström")["organization"], "Hofors kommun");
    assert_eq!(attendee(&p, "Nils Berg")["organization"], "Ockelbo kommun");
    assert_eq!(attendee(&p, "Nils Berg")["status"], "absent");
    assert_eq!(present(&p), 6);
    assert!(
        p["warnings"].as_array().unwrap().is_empty(),
        "{}",
        p["warnings"]
    );
}

#[test]
fn a_signing_service_naming_each_signer_after_a_label() {
    let p = read(&own("esign-undertecknare-styrgrupp-kalmar-2024-09-12.txt"));
    assert_eq!(p["chair"], "Maria Lind");
    assert_eq!(strs(&p["adjusters"]), ["Jonas Berg"]);
    assert_eq!(present(&p), 5);
    assert_eq!(
        decisions(&p, "4"),
        [
            "Styrgruppen fastställer den reviderade rutinen.",
            "Rutinen börjar gälla den 1 november 2024."
        ]
    );
    // "Detta dokument är elektroniskt undertecknat" ends the last item
    assert_eq!(
        p["items"][4]["text"],
        "Nästa möte hålls den 14 november 2024."
    );
    // "Undertecknare: Maria Lind, 2024-09-16 10:12 (BankID)"
    let when: Vec<(&str, &str)> = p["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["signed_at"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        when,
        [
            ("Sofia Ek", "2024-09-16 09:58"),
            ("Maria Lind", "2024-09-16 10:12"),
            ("Jonas Berg", "2024-09-17 08:01"),
        ]
    );
    // the adjuster's signature is the adjustment
    assert_eq!(p["adjusted_on"], "2024-09-17");
}

#[test]
fn abbreviated_roles_over_lines_to_sign_on() {
    let p = read(&own(
        "forkortade-roller-ledningsgrupp-vastmanland-2024-10-03.txt",
    ));
    assert_eq!(p["chair"], "Anna Björk");
    assert_eq!(strs(&p["secretaries"]), ["Mona Sten"]);
    // "Ordf. ______ ⇥ Just. ______" over "Anna Björk ⇥ Lars Ek"
    assert_eq!(strs(&p["adjusters"]), ["Lars Ek"]);
    assert_eq!(
        signed(&p),
        [
            ("Mona Sten", "sekreterare"),
            ("Anna Björk", "ordförande"),
            ("Lars Ek", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    // the signatures are no part of the last item
    assert_eq!(
        p["items"][4]["text"],
        "Mötet beslutade att nästa möte flyttas till den 7 november."
    );
    assert_eq!(decisions(&p, "2"), ["godkänna avtalet."]);
    assert_eq!(
        decisions(&p, "4"),
        [
            "Handlingsplanen fastställs.",
            "Uppföljning sker i december.",
            "Planen skickas till kommunerna."
        ]
    );
}

#[test]
fn a_table_whose_organisation_column_names_the_role_too() {
    let p = read(&own("verksamhet-kolumn-fyrbodal-2024-11-08.md"));
    // "| Nils Brandt | Västra Götalandsregionen, ordf. | Ja |"
    assert_eq!(p["chair"], "Nils Brandt");
    assert_eq!(
        attendee(&p, "Nils Brandt")["organization"],
        "Västra Götalandsregionen"
    );
    assert_eq!(attendee(&p, "Karin Ås")["role"], "vice ordförande");
    assert_eq!(
        attendee(&p, "Karin Ås")["organization"],
        "Trollhättans stad"
    );
    assert_eq!(attendee(&p, "Lena Frisk")["role"], "processledare");
    assert_eq!(attendee(&p, "Sara Holm")["status"], "absent");
    assert_eq!(attendee(&p, "Eva Lund")["status"], "absent");
    assert_eq!(attendee(&p, "Per Dahl")["status"], "present");
    assert_eq!(present(&p), 4);
    assert_eq!(strs(&p["secretaries"]), ["Lena Frisk"]);
    assert_eq!(p["items"][1]["presenters"][0], "Lena Frisk");
    assert_eq!(
        decisions(&p, "2"),
        ["Styrgruppen ställer sig bakom förslaget."]
    );
}

#[test]
fn a_pdfs_page_header_with_its_page_number_and_a_label_broken_after_two_words() {
    let p = read(&own("pdftext-sidnummer-jonkoping-2024-05-14.txt"));
    // "Nämnd för folkhälsa och sjukvård ⇥ Sida 1(4)"
    assert_eq!(p["body"], "Nämnd för folkhälsa och sjukvård");
    assert_eq!(times(&p), (Some("09:00"), Some("12:15")));
    assert_eq!(p["place"], "Regionens hus, sal A");
    assert_eq!(p["chair"], "Anna Lund");
    assert_eq!(strs(&p["secretaries"]), ["Sara Berg"]);
    assert_eq!(strs(&p["adjusters"]), ["Per Sten"]);
    // "Justeringens plats ⇥ Regionens hus 2024-05-20" over "och tid"
    assert_eq!(p["adjusted_on"], "2024-05-20");
    assert_eq!(attendee(&p, "Olof Hed")["role"], "ersättare");
    assert_eq!(present(&p), 6);
    assert_eq!(
        titles(&p)
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        ["45", "46", "47", "48"]
    );
    assert_eq!(
        decisions(&p, "46"),
        [
            "godkänna reviderat avtal för hemsjukvård",
            "uppdra åt regiondirektören att teckna avtalet."
        ]
    );
}

#[test]
fn names_with_particles_and_initials_are_people() {
    let p = read(&own("namn-med-partiklar-samverkansnamnd-2024-03-07.txt"));
    assert_eq!(p["chair"], "Carl von Essen");
    // "Mats O. Lind (C)"
    assert_eq!(attendee(&p, "Mats O. Lind")["role"], "ledamot");
    assert_eq!(attendee(&p, "Lena de Geer")["role"], "ledamot");
    // under "Närvarande tjänstemän"
    assert_eq!(attendee(&p, "Maja Öst")["role"], "tjänsteperson");
    assert_eq!(present(&p), 9);
    // "Eva af Klint utses att justera protokollet."
    assert_eq!(strs(&p["adjusters"]), ["Eva af Klint"]);
    assert_eq!(strs(&p["secretaries"]), ["Per Ohlsson"]);
    assert!(
        p["warnings"].as_array().unwrap().is_empty(),
        "{}",
        p["warnings"]
    );
}

#[test]
fn notes_dated_with_a_year_of_two_digits() {
    let p = read(&own("kortdatum-demensnatverk-2024-03-12.txt"));
    // "Anteckningar från nätverksträff demensvård, Norrbotten 12/3-24"
    assert_eq!(p["date"], "2024-03-12");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Eva Sjö")["organization"], "Bodens kommun");
    assert_eq!(strs(&p["secretaries"]), ["Karin Öberg"]);
    assert_eq!(
        decisions(&p, "2"),
        ["Nätverket tar fram en gemensam plan för registrering till nästa träff."]
    );
}

#[test]
fn a_pdfs_text_with_each_items_number_on_a_line_of_its_own() {
    let p = read(&own("pdftext-numrering-isar-sodra-alvsborg-2024-04-18.txt"));
    // "1." over "Mötets öppnande"
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Samverkan kring utskrivning från slutenvård"),
            ("3", "Hälso- och sjukvård i hemmet"),
            ("4", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        p["items"][0]["text"],
        "Helén Ask öppnade mötet och hälsade alla välkomna."
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Styrgruppen ger arbetsgruppen i uppdrag att följa upp ledtiderna till hösten."]
    );
    assert_eq!(p["chair"], "Helén Ask");
    // "Antecknare: Johanna Lind, Närvårdssamverkan Södra Älvsborg": one secretary
    assert_eq!(strs(&p["secretaries"]), ["Johanna Lind"]);
    assert_eq!(attendee(&p, "Eva Holm")["status"], "absent");
    assert_eq!(present(&p), 4);
}

#[test]
fn ocr_text_reading_the_paragraph_sign_as_s_and_zero_as_o() {
    let p = read(&own("ocr-paragraf-s-styrgrupp-vastmanland-2018-03-14.txt"));
    // "Datum: 2018-O3-14"
    assert_eq!(p["date"], "2018-03-14");
    // "AnnaBerg, Region Västmanland, ordf6rande"
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(attendee(&p, "Anna Berg")["role"], "ordförande");
    assert_eq!(present(&p), 4);
    // "S 1 Val av justerare"
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare"),
            ("2", "Läget i hemsjukvården"),
            ("3", "Gemensam riktlinje för trygg hemgång"),
            ("4", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "2"), ["Styrgruppen noterar informationen."]);
    assert_eq!(decisions(&p, "3"), ["Styrgruppen fastställer riktlinjen."]);
    assert_eq!(strs(&p["adjusters"]), ["Per Holm"]);
    assert!(
        p["warnings"].as_array().unwrap().is_empty(),
        "{}",
        p["warnings"]
    );
}

#[test]
fn items_written_as_forms_of_fields() {
    let p = read(&own("falt-arenden-ledning-dalarna-2024-09-27.txt"));
    // "Ärende: 1" over "Rubrik: Godkännande av dagordning"
    assert_eq!(
        titles(&p),
        [
            ("1", "Godkännande av dagordning"),
            ("2", "Uppföljning av hemsjukvårdsavtalet"),
            ("3", "Gemensam läkemedelsgenomgång"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    // "Ärendetyp: Informationsärende"
    let kinds: Vec<&str> = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["beslutsarende", "informationsarende", "beslutsarende"]
    );
    assert_eq!(p["items"][1]["presenters"][0], "Jan Stål");
    assert_eq!(decisions(&p, "3"), ["Ledningen ställer sig bakom rutinen."]);
    assert_eq!(p["chair"], "Ulla Berg");
    assert!(
        p["warnings"].as_array().unwrap().is_empty(),
        "{}",
        p["warnings"]
    );
}

#[test]
fn a_web_pages_paragraph_headings_and_people_parted_by_line_breaks_in_a_cell() {
    let p = read(&own(
        "html-radbrytning-i-cell-vard-och-omsorgsnamnden-2024-10-16.html",
    ));
    assert_eq!(p["body"], "Vård- och omsorgsnämnden");
    // "<h2>§ 88</h2>" over "<h3>Riktlinje för hälso- och sjukvård i hemmet</h3>"
    assert_eq!(
        titles(&p),
        [
            ("88", "Riktlinje för hälso- och sjukvård i hemmet"),
            ("89", "Delegationsbeslut"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "88"),
        ["Vård- och omsorgsnämnden antar riktlinjen."]
    );
    assert_eq!(
        decisions(&p, "89"),
        ["Redovisningen läggs till handlingarna."]
    );
    // "Britt Ek (S), ordförande<br>Jonas Ahl (M), vice ordförande<br>Kim Lundh (V)…"
    assert_eq!(attendee(&p, "Jonas Ahl")["role"], "vice ordförande");
    assert_eq!(attendee(&p, "Ola Berg")["role"], "ledamot");
    assert_eq!(attendee(&p, "Leo Hed")["role"], "förvaltningschef");
    assert_eq!(present(&p), 6);
    assert_eq!(p["chair"], "Britt Ek");
    assert_eq!(strs(&p["secretaries"]), ["Sanna Wik"]);
    assert_eq!(p["adjusted_on"], "2024-10-21");
}

#[test]
fn a_table_of_contents_with_page_numbers_before_the_head() {
    let p = read(&own(
        "innehallsforteckning-halso-och-sjukvardsnamnden-2024-05-28.txt",
    ));
    // "§ 41 Val av justerare ........ 2" … "§ 45 Anmälningsärenden ....... 6" first
    assert_eq!(
        titles(&p),
        [
            ("41", "Val av justerare"),
            ("42", "Godkännande av dagordning"),
            ("43", "Överenskommelse om hälso- och sjukvård i hemmet"),
            ("44", "Uppföljning av utskrivningsklara patienter"),
            ("45", "Anmälningsärenden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "43"),
        ["Nämnden godkänner överenskommelsen om hälso- och sjukvård i hemmet."]
    );
    assert_eq!(p["chair"], "Karin Ström");
    assert_eq!(p["start_time"], "09:00");
    assert_eq!(p["place"], "Regionhuset, sal Vänern");
    assert_eq!(strs(&p["adjusters"]), ["Sofia Lund"]);
    assert_eq!(p["adjusted_on"], "2024-06-03");
    // "Mats Eriksson (KD), §§ 41–43" and "Helena Nyberg (V), ej § 44 p.g.a. jäv"
    assert_eq!(attendee(&p, "Mats Eriksson")["role"], "ledamot");
    assert_eq!(attendee(&p, "Helena Nyberg")["status"], "present");
    assert_eq!(attendee(&p, "Erik Holm")["role"], "ersättare");
    assert_eq!(present(&p), 8);
    assert_eq!(strs(&p["warnings"]), Vec::<String>::new());
}

#[test]
fn notes_from_a_collaboration_tool_with_mentions_and_checkboxes() {
    let p = read(&own("loop-veckomote-samverkansgrupp-aldre-2024-10-15.md"));
    // no "Protokoll" or "Minnesanteckningar" anywhere, no adjuster, no "§": notes
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-10-15");
    assert_eq!(p["start_time"], "13:00");
    // "**Mötesledare:** @Anna Berg", "**Anteckningar:** @Lars Ek"
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(strs(&p["secretaries"]), ["Lars Ek"]);
    // "**Deltagare:** @Anna Berg, @Lars Ek, @Maria Svensson, @Peter Holm"
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Maria Svensson")["status"], "present");
    assert_eq!(attendee(&p, "Sara Lind")["status"], "absent");
    assert_eq!(
        titles(&p),
        [
            ("1", "Läget i hemsjukvården"),
            ("2", "Utskrivningsklara patienter"),
            ("3", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        [
            "Uppföljningen redovisas kvartalsvis.",
            "Lars Ek samordnar redovisningen."
        ]
    );
    assert!(
        p["items"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("Maria Svensson tar fram statistik"))
    );
}

#[test]
fn a_roll_call_with_crosses_after_the_items_completes_the_head() {
    let p = read(&own("narvaro-och-omrostningslista-ksau-2024-09-10.txt"));
    // "Beslutande: Se närvaro- och omröstningslista"; the list, after the signatures:
    // "Ledamöter    Närvarande   Ja   Nej   Avstår" over "Lena Dahl (S), ordf    X"
    let status = |name: &str| attendee(&p, name)["status"].as_str().map(str::to_owned);
    assert_eq!(status("Lena Dahl").as_deref(), Some("present"));
    assert_eq!(status("Ola Strand").as_deref(), Some("present"));
    assert_eq!(status("Gunnel Vik").as_deref(), Some("absent"));
    assert_eq!(status("Berit Nord").as_deref(), Some("present"));
    assert_eq!(status("Kent Lilja").as_deref(), Some("absent"));
    assert_eq!(attendee(&p, "Berit Nord")["role"], "ersättare");
    assert_eq!(attendee(&p, "Lena Dahl")["role"], "ordförande");
    // the adjuster the head named is the list's member, once
    assert_eq!(attendee(&p, "Tomas Brandt")["role"], "ledamot");
    assert_eq!(present(&p), 4);
    assert_eq!(p["attendees"].as_array().map(Vec::len), Some(6));
    assert_eq!(p["chair"], "Lena Dahl");
    assert_eq!(strs(&p["adjusters"]), ["Tomas Brandt"]);
    assert_eq!(
        titles(&p),
        [
            ("101", "Val av justerare"),
            ("102", "Avtal om hälso- och sjukvård i hemmet"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
}

#[test]
fn registration_numbers_beside_the_titles_go_to_the_items_text() {
    let p = read(&own("diarienummer-i-rubrik-aldrenamnden-2024-04-16.txt"));
    // "§ 24 Hälso- och sjukvård i ordinärt boende, Dnr ÄN 2024/8", "… (ÄN 2024/11)",
    // "§ 27 Delegationsbeslut          Dnr ÄN 2024/2"; a public series stays
    assert_eq!(
        titles(&p),
        [
            ("23", "Val av justerare"),
            ("24", "Hälso- och sjukvård i ordinärt boende"),
            ("25", "Riktlinje för läkemedelshantering"),
            ("26", "Yttrande över SOU 2024:12"),
            ("27", "Delegationsbeslut"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    let text = |n: &str| {
        p["items"]
            .as_array()
            .and_then(|items| items.iter().find(|i| i["number"] == n))
            .and_then(|i| i["text"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(text("24").starts_with("Dnr ÄN 2024/8\n"), "{}", text("24"));
    assert!(text("25").starts_with("ÄN 2024/11\n"), "{}", text("25"));
    assert_eq!(
        decisions(&p, "25"),
        ["Äldrenämnden antar riktlinjen för läkemedelshantering."]
    );
    assert_eq!(p["chair"], "Birgitta Holm");
    assert_eq!(p["adjusted_on"], "2024-04-22");
}

#[test]
fn paragraphs_numbered_with_their_year_and_signers_laid_out_with_spaces() {
    let p = read(&own(
        "arsnumrerade-paragrafer-socialnamndens-au-2024-03-12.txt",
    ));
    // "§ 23/2024" over its title; "§ 24/2024  Dnr SN 2024/31"
    assert_eq!(
        titles(&p),
        [
            ("23", "Val av justerare"),
            ("24", "Samverkan kring utskrivning från slutenvård"),
            ("25", "Yttrande över ny överenskommelse om hemsjukvård"),
            ("26", "Delegationsbeslut"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "24"), ["Informationen noteras."]);
    assert_eq!(
        decisions(&p, "26"),
        ["Redovisningen läggs till handlingarna."]
    );
    // "Karin Lund      Peter Holm" over "Ordförande      Justerare": the names are the
    // signers', not the last item's text
    let last = p["items"][3]["text"].as_str().unwrap_or_default();
    assert!(!last.contains("Karin Lund"), "{last}");
    assert_eq!(
        signed(&p),
        [
            ("Karin Lund", "ordförande"),
            ("Peter Holm", "justerare"),
            ("Johan Berg", "sekreterare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(p["chair"], "Karin Lund");
    assert_eq!(strs(&p["secretaries"]), ["Johan Berg"]);
    assert_eq!(strs(&p["adjusters"]), ["Peter Holm"]);
    assert_eq!(p["adjusted_on"], "2024-03-15");
    assert_eq!(present(&p), 5);
}

#[test]
fn a_page_head_in_columns_and_a_notice_of_adjustment_on_the_first_page() {
    let p = read(&own(
        "anslag-och-sidhuvud-vard-och-omsorgsnamnden-2024-05-22.txt",
    ));
    // "Sammanträdesdatum      Sida" over "Vård- och omsorgsnämnden   2024-05-22   1(4)":
    // "Sida" is no place, and the body stands before the date
    assert_eq!(p["body"], "Vård- och omsorgsnämnden");
    assert_eq!(p["date"], "2024-05-22");
    assert_eq!(p["place"], "Kommunhuset, Stora salen");
    assert_eq!(times(&p), (Some("13:00"), Some("15:45")));
    assert_eq!(p["adjusted_on"], "2024-05-27");
    // the signers under "Underskrifter", a blank line between each
    assert_eq!(
        signed(&p),
        [
            ("Sofia Ek", "sekreterare"),
            ("Annika Sjöberg", "ordförande"),
            ("Rolf Lindgren", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("31", "Val av justerare"),
            ("32", "Avtal om hälso- och sjukvård i hemmet"),
            ("33", "Meddelanden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "32"),
        ["att godkänna avtalet om hälso- och sjukvård i hemmet."]
    );
    assert_eq!(present(&p), 6);
    // the notice's own fields ("Organ", "Förvaringsplats för protokollet") are no one
    let warnings = strs(&p["warnings"]);
    assert!(
        !warnings.iter().any(|w| w.contains("Organ")),
        "{warnings:?}"
    );
}

#[test]
fn a_head_that_points_to_the_attendance_list_and_signers_in_columns_of_spaces() {
    let p = read(&own("narvarolista-bilaga-socialnamndens-au-2024-10-08.txt"));
    assert_eq!(p["body"], "Socialnämndens arbetsutskott");
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-10-08");
    assert_eq!(times(&p), (Some("08:30"), Some("11:45")));
    assert_eq!(p["place"], "Kommunhuset, sal Bergslagen");
    assert_eq!(p["chair"], "Lena Dahl");
    assert_eq!(strs(&p["secretaries"]), ["Helena Ström"]);
    assert_eq!(strs(&p["adjusters"]), ["Karin Ahl"]);
    assert_eq!(p["adjusted_on"], "2024-10-14");
    // "Beslutande  Se närvarolista, bilaga 1": the members come from the list after the
    // signatures, the officials from the head
    let people: Vec<(String, String, String)> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["role"].as_str().unwrap_or("-").to_owned(),
                a["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Lena Dahl", "ordförande", "present"),
            ("Karin Ahl", "vice ordförande", "present"),
            ("Olof Berg", "ledamot", "present"),
            ("Maria Sund", "ersättare", "present"),
            ("Jonas Ek", "-", "absent"),
            ("Helena Ström", "nämndsekreterare", "present"),
            ("Per Lund", "socialchef", "present"),
            ("Anna Vik", "enhetschef", "present"),
        ]
        .map(|(n, r, s)| (n.to_owned(), r.to_owned(), s.to_owned()))
    );
    // "Sekreterare           Helena Ström" under "Underskrifter": role and name in columns
    assert_eq!(
        signed(&p),
        [
            ("Helena Ström", "sekreterare"),
            ("Lena Dahl", "ordförande"),
            ("Karin Ahl", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("43", "Val av justerare"),
            ("44", "Godkännande av dagordning"),
            ("45", "Samordnad individuell plan i hemsjukvården"),
            ("46", "Delegationsbeslut"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "43"),
        ["att utse Karin Ahl att tillsammans med ordföranden justera dagens protokoll."]
    );
    assert_eq!(decisions(&p, "44"), ["att godkänna dagordningen."]);
    assert_eq!(
        decisions(&p, "45"),
        ["att lägga informationen till handlingarna."]
    );
    assert_eq!(
        decisions(&p, "46"),
        ["att delegationsbesluten anmäls till nämnden."]
    );
}

/// Who attended, as [name, organisation, role, status], "-" where there is none.
fn people(p: &Value) -> Vec<[String; 4]> {
    let text = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            [
                text(&a["name"]),
                text(&a["organization"]),
                text(&a["role"]),
                text(&a["status"]),
            ]
        })
        .collect()
}

fn rows<const N: usize>(rows: &[[&str; N]]) -> Vec<[String; N]> {
    rows.iter().map(|r| r.map(str::to_owned)).collect()
}

#[test]
fn notes_with_a_word_processors_bullets_and_absence_as_forhinder() {
    let p = read(&own(
        "word-punktlistor-ledningsgrupp-gavleborg-2024-03-14.txt",
    ));
    assert_eq!(
        p["body"],
        "Ledningsgruppen för nära vård, Region Gävleborg och kommunerna"
    );
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-03-14");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(p["chair"], "Lena Holm");
    assert_eq!(strs(&p["secretaries"]), ["Maja Lund"]);
    assert!(strs(&p["adjusters"]).is_empty());
    assert_eq!(p["adjusted_on"], Value::Null);
    assert_eq!(
        people(&p),
        rows(&[
            ["Lena Holm", "Region Gävleborg", "ordförande", "present"],
            ["Per Åberg", "Gävle kommun", "-", "present"],
            ["Sara Nyman", "Sandvikens kommun", "-", "present"],
            ["Maja Lund", "Hudiksvalls kommun", "antecknare", "present"],
            ["Tomas Ek", "Bollnäs kommun", "-", "absent"],
            ["Ulla Stål", "Region Gävleborg", "-", "absent"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Välkomna och godkännande av dagordning"),
            ("2", "Hemsjukvård – uppföljning av överenskommelsen"),
            ("3", "Utskrivningsprocessen"),
            ("4", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    // "➢ Beslut: …" after Word's "▪" bullets
    assert_eq!(
        decisions(&p, "2"),
        ["Uppföljningen skickas till politisk samverkansberedning."]
    );
    for n in ["1", "3", "4"] {
        assert!(decisions(&p, n).is_empty(), "item {n}");
    }
    let item = &p["items"][1];
    assert_eq!(
        item["text"],
        "Sara Nyman presenterade uppföljningen av överenskommelsen om hälso- och sjukvård i \
         hemmet.\n- Antalet inskrivna har ökat med 12 procent.\n- Läkarmedverkan fungerar \
         olika i länsdelarna.\n- Beslut: Uppföljningen skickas till politisk \
         samverkansberedning."
    );
    assert_eq!(
        signed(&p),
        [("Maja Lund".to_owned(), "sekreterare".to_owned())]
    );
}

#[test]
fn a_web_page_that_names_its_body_after_organ() {
    let p = read(&own("html-organ-falt-styrgrupp-varmland-2024-06-05.html"));
    assert_eq!(p["body"], "Styrgruppen för god och nära vård i Värmland");
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-06-05");
    assert_eq!(times(&p), (Some("13:00"), Some("16:00")));
    assert_eq!(p["place"], "Karlstad, Landstingshuset");
    assert_eq!(p["chair"], "Anders Nilsson");
    assert_eq!(strs(&p["secretaries"]), ["David Ek"]);
    assert_eq!(strs(&p["adjusters"]), ["Britt Karlsson"]);
    assert_eq!(
        people(&p),
        rows(&[
            ["Anders Nilsson", "Region Värmland", "ordförande", "present"],
            ["Britt Karlsson", "Karlstads kommun", "-", "present"],
            ["Cecilia Dahl", "Arvika kommun", "-", "absent"],
            ["David Ek", "Kils kommun", "sekreterare", "present"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Val av justerare"),
            ("3", "Handlingsplan för hemsjukvården"),
            ("4", "Mötets avslutande"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Britt Karlsson utses att justera protokollet."]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "att fastställa handlingsplanen",
            "att följa upp planen i december"
        ]
    );
    assert_eq!(strs(&p["items"][2]["presenters"]), ["Britt Karlsson"]);
    assert_eq!(
        signed(&p),
        [
            ("David Ek", "sekreterare"),
            ("Anders Nilsson", "ordförande"),
            ("Britt Karlsson", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
}

#[test]
fn notes_whose_items_are_headings_without_numbers() {
    let p = read(&own("rubriker-utan-nummer-fyrbodal-2024-09-12.md"));
    assert_eq!(p["body"], "Vårdsamverkan Fyrbodal, delregional styrgrupp");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-09-12");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["place"], "NÄL, Trollhättan");
    assert_eq!(p["chair"], "Eva Berg");
    assert_eq!(strs(&p["secretaries"]), ["Kim Ahl"]);
    assert_eq!(
        people(&p),
        rows(&[
            ["Eva Berg", "Trollhättans stad", "ordförande", "present"],
            ["Per Lind", "NU-sjukvården", "-", "present"],
            ["Ann Sjö", "Uddevalla kommun", "-", "present"],
            [
                "Kim Ahl",
                "Vårdsamverkan Fyrbodal",
                "sekreterare",
                "present"
            ],
            ["Lars Ek", "Vänersborgs kommun", "-", "absent"],
        ])
    );
    // numbered in order, and the secretary told so
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Hemsjukvård – läget i kommunerna"),
            ("3", "Utskrivningsklara patienter"),
            ("4", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert!(
        strs(&p["warnings"])
            .iter()
            .any(|w| w.contains("saknar nummer"))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Styrgruppen ger arbetsgruppen i uppdrag att ta fram en gemensam handlingsplan."]
    );
    assert_eq!(decisions(&p, "3"), ["Informationen noteras."]);
    assert!(decisions(&p, "1").is_empty());
    assert!(decisions(&p, "4").is_empty());
    assert_eq!(p["items"][3]["text"], "2024-10-10");
}

#[test]
fn a_web_page_whose_items_are_headings_without_numbers() {
    let p = read(&own("html-rubriker-utan-nummer-kronoberg-2024-02-15.html"));
    assert_eq!(
        p["body"],
        "Samverkansgruppen för psykisk hälsa, Region Kronoberg och kommunerna"
    );
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-02-15");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["place"], "Växjö, Residenset");
    assert_eq!(p["chair"], "Ida Ek");
    assert_eq!(strs(&p["secretaries"]), ["Mia Lund"]);
    // people parted by semicolons under the heading "Närvarande"
    assert_eq!(
        people(&p),
        rows(&[
            ["Ida Ek", "Region Kronoberg", "ordförande", "present"],
            ["Leo Berg", "Växjö kommun", "-", "present"],
            ["Mia Lund", "Alvesta kommun", "sekreterare", "present"],
        ])
    );
    // "Övrigt" is an item, not the attendance label "Övriga"
    assert_eq!(
        titles(&p),
        [
            ("1", "Samordnad individuell plan"),
            ("2", "Suicidprevention"),
            ("3", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "1"), ["Statistiken redovisas varje kvartal."]);
    assert!(decisions(&p, "2").is_empty());
}

#[test]
fn a_roll_call_of_check_boxes() {
    let p = read(&own("kryssrutor-styrgrupp-jamtland-2024-11-21.txt"));
    assert_eq!(
        p["body"],
        "styrgruppen för nära vård, Region Jämtland Härjedalen och kommunerna"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-11-21");
    assert_eq!(times(&p), (Some("10:00"), Some("12:00")));
    assert_eq!(p["place"], "Östersund, Regionens hus");
    assert_eq!(p["chair"], "Maria Öhman");
    assert_eq!(strs(&p["secretaries"]), ["Lina Holm"]);
    assert_eq!(strs(&p["adjusters"]), ["Olle Berg"]);
    // "☒" checked is present, "☐" not is absent
    assert_eq!(
        people(&p),
        rows(&[
            [
                "Maria Öhman",
                "Region Jämtland Härjedalen",
                "ordförande",
                "present"
            ],
            ["Olle Berg", "Östersunds kommun", "-", "present"],
            ["Sofia Ek", "Krokoms kommun", "-", "absent"],
            ["Nils Dahl", "Åre kommun", "-", "present"],
            [
                "Lina Holm",
                "Region Jämtland Härjedalen",
                "sekreterare",
                "present"
            ],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare"),
            ("2", "Mobil närsjukvård"),
            ("3", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Styrgruppen ställer sig bakom en utvärdering under våren."]
    );
    assert!(decisions(&p, "1").is_empty());
    assert!(decisions(&p, "3").is_empty());
}

#[test]
fn notes_whose_decisions_are_said_to_be_taken() {
    let p = read(&own("arbetsgrupp-fattade-beslut-2024-03-05.txt"));
    assert_eq!(p["body"], "arbetsgruppen för trygg och säker utskrivning");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-03-05");
    assert_eq!(times(&p), (Some("10:00"), Some("11:30")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(p["chair"], "Karin Ström");
    assert_eq!(strs(&p["secretaries"]), ["Sara Lind"]);
    assert_eq!(
        people(&p),
        rows(&[
            [
                "Karin Ström",
                "Region Västerbotten",
                "ordförande",
                "present"
            ],
            ["Ali Hassan", "Umeå kommun", "-", "present"],
            ["Sara Lind", "Skellefteå kommun", "antecknare", "present"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående anteckningar"),
            ("2", "Rutin för fast vårdkontakt"),
            ("3", "Uppföljning av utskrivningsklara"),
            ("4", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert!(decisions(&p, "1").is_empty());
    // "fattade beslut om att", "Beslutet blev att", "Beslut fattades om att"; "inget
    // beslut om att" is none
    assert_eq!(
        decisions(&p, "2"),
        ["skicka rutinen på remiss till länets kommuner."]
    );
    assert_eq!(decisions(&p, "3"), ["uppföljningen redovisas varje månad."]);
    assert_eq!(decisions(&p, "4"), ["nästa möte hålls 2024-04-09."]);
}

#[test]
fn people_present_in_the_room_and_from_afar_with_their_addresses() {
    let p = read(&own(
        "adresser-digitalt-mas-natverk-vasternorrland-2024-11-07.txt",
    ));
    assert_eq!(p["body"], "Nätverket för MAS och MAR i Västernorrland");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-11-07");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["place"], "Sundsvall, Storgatan 10");
    assert_eq!(p["chair"], "Per Ahl");
    assert_eq!(strs(&p["secretaries"]), ["Lena Holm"]);
    // "Deltagare på plats:" and "Deltog digitalt:", the addresses not kept
    assert_eq!(
        people(&p),
        rows(&[
            ["Anna Berg", "-", "-", "present"],
            ["Lars Ek", "-", "-", "present"],
            ["Eva Sund", "-", "-", "present"],
            ["Per Ahl", "-", "ordförande", "present"],
        ])
    );
    assert!(!p.to_string().contains("@"));
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Avvikelser i samverkan"),
            ("3", "Läkemedelshantering i hemsjukvården"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert!(decisions(&p, "1").is_empty());
    assert_eq!(
        decisions(&p, "2"),
        ["Avvikelserna tas upp i länsgruppen i december."]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "Rutinen fastställs.",
            "Rutinen följs upp efter sex månader."
        ]
    );
}

#[test]
fn a_long_statement_of_electronic_signing_and_a_decision_by_the_proposal() {
    let p = read(&own(
        "esign-lang-rad-halso-och-sjukvardsnamnden-dalarna-2024-05-23.txt",
    ));
    assert_eq!(p["body"], "Hälso- och sjukvårdsnämnden, Region Dalarna");
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-05-23");
    assert_eq!(times(&p), (Some("09:00"), Some("12:15")));
    assert_eq!(p["place"], "Regionhuset, Falun");
    assert_eq!(p["chair"], "Ulla Berg");
    assert_eq!(strs(&p["secretaries"]), ["Anna Wik"]);
    assert_eq!(strs(&p["adjusters"]), ["Jan Holm"]);
    // the signing service's first time of adjustment
    assert_eq!(p["adjusted_on"], "2024-05-28");
    assert_eq!(
        people(&p),
        rows(&[
            ["Ulla Berg", "-", "ordförande", "present"],
            ["Jan Holm", "-", "vice ordförande", "present"],
            ["Eva Ström", "-", "ledamot", "present"],
            ["Anna Wik", "-", "nämndsekreterare", "present"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("51", "Val av justerare"),
            ("52", "Överenskommelse om hälso- och sjukvård i hemmet"),
            ("53", "Informationsärenden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "51"),
        ["Jan Holm utses att justera protokollet."]
    );
    assert_eq!(decisions(&p, "52"), ["Beslut enligt förslag."]);
    // "Detta dokument har signerats elektroniskt med Comfact Signature." ends the items
    assert_eq!(p["items"][2]["text"], "Inga.");
    let signed_at: Vec<(String, String)> = p["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["signed_at"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        signed_at,
        [
            ("Ulla Berg", "2024-05-28 08:14"),
            ("Jan Holm", "2024-05-28 09:02"),
            ("Anna Wik", "2024-05-27 16:40"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        signed(&p),
        [
            ("Ulla Berg", "ordförande"),
            ("Jan Holm", "justerare"),
            ("Anna Wik", "sekreterare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
}

#[test]
fn people_listed_under_the_organisations_they_come_from() {
    let p = read(&own("organisationer-over-namn-halland-2024-03-05.txt"));
    assert_eq!(p["body"], "Ledningsgruppen för Nära vård i Halland");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    // "Tisdagen den 5 mars år 2024, kl 13.00–15.30"
    assert_eq!(p["date"], "2024-03-05");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["place"], "Regionens hus, Halmstad, sal Tylösand");
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(strs(&p["secretaries"]), ["Lars Ek"]);
    // "Från Region Halland:" over its people, "Från kommunerna:" over people who name
    // their own, "Laholms kommun: Maja Ros, Jens Hed" on one line
    assert_eq!(
        people(&p),
        rows(&[
            ["Anna Berg", "Region Halland", "ordförande", "present"],
            ["Lars Ek", "Region Halland", "sekreterare", "present"],
            [
                "Petra Nyström",
                "Region Halland",
                "områdeschef primärvård",
                "present"
            ],
            ["Eva Lind", "Halmstads kommun", "socialchef", "present"],
            ["Olle Sten", "Varbergs kommun", "MAS", "present"],
            ["Maja Ros", "Laholms kommun", "-", "present"],
            ["Jens Hed", "Laholms kommun", "-", "present"],
            ["Kim Dahl", "Region Halland", "-", "absent"],
            ["Sara Holm", "Kungsbacka kommun", "-", "absent"],
        ])
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande och dagordning"),
            ("2", "Hemsjukvården i länet"),
            ("3", "Överenskommelse om hemsjukvård – revidering"),
            ("4", "Övriga frågor"),
            ("5", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        [
            "Ledningsgruppen ger arbetsgruppen i uppdrag att ta fram en gemensam lägesbild till nästa möte."
        ]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "att skicka förslaget på remiss till kommunerna och regionen",
            "att remissvar ska lämnas senast den 30 april 2024",
        ]
    );
    assert_eq!(
        signed(&p),
        [("Lars Ek".to_owned(), "sekreterare".to_owned())]
    );
}

#[test]
fn notes_whose_items_are_the_times_of_the_agenda() {
    let p = read(&own("tider-som-arenden-natverk-gavleborg-2024-05-16.txt"));
    assert_eq!(
        p["body"],
        "Länsnätverket för hemsjukvård, Region Gävleborg och länets kommuner"
    );
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-05-16");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["place"], "Teams");
    assert_eq!(strs(&p["secretaries"]), ["Lars Ek"]);
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Karin Holm")["status"], "absent");
    // "09.00 Välkommen …", "09.15–10.15 Hemsjukvården …": numbered in order
    assert_eq!(
        titles(&p),
        [
            ("1", "Välkommen och presentationsrunda"),
            ("2", "Hemsjukvården – läget i kommunerna"),
            ("3", "Paus"),
            ("4", "Utbildning i SIP"),
            ("5", "Avslut och nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        strs(&p["warnings"]),
        ["ärendena saknar nummer; dagordningens tider har numrerats i ordning (1, 2, 3 …)"]
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Nätverket tar fram en gemensam rutin för inskrivning i hemsjukvården."]
    );
    // "Beslutades att" alone over its list
    assert_eq!(
        decisions(&p, "4"),
        [
            "kommunerna anmäler deltagare senast den 15 juni",
            "utbildningen utvärderas i december",
        ]
    );
    assert!(decisions(&p, "5").is_empty());
}

#[test]
fn an_organisation_and_its_unit_are_both_kept() {
    let p = read(&own(
        "enheter-inom-organisation-styrgrupp-orebro-2024-06-12.txt",
    ));
    assert_eq!(
        p["body"],
        "Styrgruppen för nära vård, Region Örebro län och länets kommuner"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-06-12");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["chair"], "Eva Lind");
    assert_eq!(strs(&p["secretaries"]), ["Lars Ek"]);
    assert_eq!(strs(&p["adjusters"]), ["Anna Berg"]);
    // "Anna Berg, Region Örebro län, vårdcentralen Lindesberg": the region and its unit;
    // "vård- och omsorgsförvaltningen" is a unit, not a role
    assert_eq!(
        people(&p),
        rows(&[
            [
                "Eva Lind",
                "Region Örebro län, Hälso- och sjukvårdsförvaltningen",
                "ordförande",
                "present"
            ],
            [
                "Anna Berg",
                "Region Örebro län, vårdcentralen Lindesberg",
                "justerare",
                "present"
            ],
            [
                "Lars Ek",
                "Örebro kommun, vård- och omsorgsförvaltningen",
                "sekreterare",
                "present"
            ],
            ["Karin Holm", "Kumla kommun", "socialchef", "present"],
            ["Per Sund", "vård- och omsorgsförvaltningen", "-", "present"],
            [
                "Mona Ekström",
                "Region Örebro län, Psykiatriska kliniken",
                "-",
                "absent"
            ],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Uppföljning av hemsjukvården"),
            ("3", "Gemensam rutin för läkemedelsgenomgångar"),
            ("4", "Avslutning"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Styrgruppen godkänner uppföljningen och lägger den till handlingarna."]
    );
    assert_eq!(
        decisions(&p, "3"),
        ["anta rutinen", "rutinen följs upp i december 2024."]
    );
    assert_eq!(
        signed(&p),
        [("Eva Lind", "ordförande"), ("Anna Berg", "justerare")]
            .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
}

#[test]
fn titles_before_names_and_a_list_joined_by_samt() {
    let p = read(&own("titel-fore-namn-delregional-styrgrupp-2024-03-07.txt"));
    assert_eq!(
        p["body"],
        "Delregional styrgrupp för vård och omsorg, Södra Hälsingland"
    );
    assert_eq!(p["date"], "2024-03-07");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["place"], "Bollnäs kommunhus, sammanträdesrum Orren");
    assert_eq!(strs(&p["secretaries"]), ["Lars Ek"]);
    // "Anna Berg, Lars Ek samt Eva Lind"; "socialchef Karin Holm, Bollnäs kommun; MAS
    // Olle Sten, …; verksamhetschef Maja Ros (Region Gävleborg)"
    assert_eq!(
        people(&p),
        rows(&[
            ["Anna Berg", "-", "-", "present"],
            ["Lars Ek", "-", "sekreterare", "present"],
            ["Eva Lind", "-", "-", "present"],
            ["Karin Holm", "Bollnäs kommun", "socialchef", "present"],
            ["Olle Sten", "Ovanåkers kommun", "MAS", "present"],
            ["Maja Ros", "Region Gävleborg", "verksamhetschef", "present"],
            ["Sara Holm", "-", "-", "absent"],
            ["Jens Hed", "-", "-", "absent"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående minnesanteckningar"),
            ("2", "Hemsjukvården i Södra Hälsingland"),
            ("3", "Utskrivning från slutenvården"),
            ("4", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Styrgruppen ger MAS-nätverket i uppdrag att ta fram en gemensam lägesbild till juni."]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "rutinerna införs den 1 april 2024",
            "uppföljning sker i september."
        ]
    );
}

#[test]
fn people_written_in_capitals_are_read() {
    let p = read(&own("versaler-narvaro-socialnamnden-2024-02-06.txt"));
    assert_eq!(p["date"], "2024-02-06");
    assert_eq!(times(&p), (Some("13:00"), Some("15:45")));
    assert_eq!(p["chair"], "Ulla Berg");
    assert_eq!(strs(&p["secretaries"]), ["Sanna Wik"]);
    assert_eq!(strs(&p["adjusters"]), ["Eva Ström"]);
    // "ULLA BERG (S), ORDFÖRANDE", "CARL VON ESSEN (M), FÖRSTE VICE ORDFÖRANDE": the
    // names as running text writes them
    assert_eq!(
        people(&p),
        rows(&[
            ["Ulla Berg", "-", "ordförande", "present"],
            ["Carl von Essen", "-", "vice ordförande", "present"],
            ["Eva Ström", "-", "ledamot", "present"],
            ["Tomas Ek", "-", "ersättare", "present"],
            ["Sanna Wik", "-", "nämndsekreterare", "present"],
            ["Leo Hed", "-", "förvaltningschef", "present"],
        ])
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare"),
            ("2", "Riktlinje för hälso- och sjukvård i hemmet"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "2"), ["att anta riktlinjen."]);
}

#[test]
fn notes_closed_by_who_took_them_end_the_last_item_there() {
    let p = read(&own(
        "minnesanteckningar-antecknare-sist-uppsala-2024-03-05.txt",
    ));
    assert_eq!(
        p["body"],
        "Länsövergripande nätverk för hemsjukvård i Uppsala län"
    );
    // the one who took the notes signs them: they stay notes
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-03-05");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    // "Antecknare: Maria Sund, Uppsala kommun" under the last item
    assert_eq!(strs(&p["secretaries"]), ["Maria Sund"]);
    assert_eq!(p["signatures"][0]["name"], "Maria Sund");
    assert_eq!(p["signatures"][0]["role"], "sekreterare");
    assert_eq!(present(&p), 5);
    assert_eq!(
        titles(&p),
        [
            ("1", "Välkommen och genomgång av dagordningen"),
            ("2", "Överenskommelsen om hemsjukvård"),
            ("3", "Inskrivning i hemsjukvården"),
            ("4", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(p["items"][3]["text"], "Inga övriga frågor.");
    assert_eq!(
        decisions(&p, "2"),
        ["Nätverket ställer sig bakom förslaget till gemensamma rutiner."]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "följa inskrivningarna månadsvis",
            "återkomma till frågan i maj"
        ]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_date_of_six_digits_and_municipalities_over_their_people() {
    let p = read(&own(
        "sexsiffrigt-datum-kommuner-over-namn-norrort-2024-03-05.txt",
    ));
    // "Datum: 240305", year first as notes often write it
    assert_eq!(p["date"], "2024-03-05");
    assert_eq!(times(&p), (Some("09:30"), Some("11:30")));
    assert_eq!(p["place"], "Sollentuna kommunhus");
    assert_eq!(strs(&p["secretaries"]), ["Elin Björk"]);
    // "Upplands Väsby kommun" alone is a municipality over its people, not a person;
    // a unit under its organisation's line is kept with it
    assert_eq!(
        people(&p),
        rows(&[
            [
                "Karin Lund",
                "Region Stockholm, hälso- och sjukvårdsförvaltningen",
                "-",
                "present"
            ],
            ["Jonas Ek", "Region Stockholm", "-", "present"],
            ["Sara Holm", "Upplands Väsby kommun", "MAS", "present"],
            ["Peter Nord", "Upplands Väsby kommun", "-", "present"],
            ["Elin Björk", "Sollentuna kommun", "-", "present"],
            ["Mats Dahl", "Täby kommun", "-", "absent"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående anteckningar"),
            ("2", "Hemsjukvård i Norrort"),
            ("3", "Övrigt"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Gruppen tar fram en gemensam lägesbild till juni."]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn items_numbered_with_a_dash_and_parts_numbered_after_a_full_stop() {
    let p = read(&own(
        "streck-efter-nummer-ledningsgrupp-blekinge-2024-05-30.txt",
    ));
    assert_eq!(p["body"], "Ledningsgruppen för vård och omsorg i Blekinge");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-05-30");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(strs(&p["secretaries"]), ["Eva Lind"]);
    assert_eq!(present(&p), 5);
    assert_eq!(attendee(&p, "Karin Ahl")["status"], "absent");
    // "1 – Mötets öppnande …", "2.1 Läget i kommunerna"
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande och dagordning"),
            ("2", "Hälso- och sjukvård i hemmet"),
            ("2.1", "Läget i kommunerna"),
            ("2.2", "Den nya överenskommelsen"),
            ("3", "Utskrivning från slutenvården"),
            ("4", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2.2"),
        [
            "Ledningsgruppen ställer sig bakom förslaget och skickar det vidare till det politiska samverkansorganet."
        ]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "uppföljningen redovisas kvartalsvis",
            "nästa redovisning sker i september"
        ]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn those_prevented_are_absent_and_a_hospital_is_kept_with_its_region() {
    let p = read(&own(
        "forhindrade-delregional-styrgrupp-skaraborg-2024-06-07.txt",
    ));
    assert_eq!(p["body"], "Vårdsamverkan Skaraborg, delregional styrgrupp");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-06-07");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["place"], "Skövde, Stadshuset, sal Billingen");
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(strs(&p["secretaries"]), ["Karin Ahl"]);
    // "Förhindrade:" over those who could not come; "Västra Götalandsregionen,
    // Skaraborgs sjukhus": the region and its hospital
    assert_eq!(
        people(&p),
        rows(&[
            ["Anna Berg", "Skövde kommun", "ordförande", "present"],
            [
                "Lars Ek",
                "Västra Götalandsregionen, Skaraborgs sjukhus",
                "-",
                "present"
            ],
            ["Eva Lind", "Falköpings kommun", "-", "present"],
            ["Per Holm", "Lidköpings kommun", "-", "present"],
            ["Maria Sund", "Mariestads kommun", "-", "absent"],
        ])
    );
    assert_eq!(
        titles(&p),
        [("1", "Inledning"), ("2", "Hemsjukvård"), ("3", "Avslut")]
            .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        [
            "att ställa sig bakom förslaget",
            "att återrapportering sker i oktober"
        ]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_long_name_of_a_body_after_the_date_and_members_under_ordinarie_ledamoter() {
    let p = read(&own(
        "ordinarie-ledamoter-samverkansorgan-varmland-2024-09-19.txt",
    ));
    // the body's name of eight words, under the date
    assert_eq!(
        p["body"],
        "Politiskt samverkansorgan för vård och omsorg i Värmland"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-09-19");
    assert_eq!(times(&p), (Some("09:00"), Some("11:15")));
    assert_eq!(p["place"], "Karlstad, Regionens hus");
    assert_eq!(p["chair"], "Jan Ek");
    assert_eq!(strs(&p["secretaries"]), ["Karin Öst"]);
    assert_eq!(strs(&p["adjusters"]), ["Eva Berg"]);
    assert_eq!(p["adjusted_on"], "2024-09-26");
    // "Ordinarie ledamöter" under "Beslutande": a label, not a person lost
    assert_eq!(
        people(&p),
        rows(&[
            ["Jan Ek", "Region Värmland", "ordförande", "present"],
            ["Eva Berg", "Karlstads kommun", "vice ordförande", "present"],
            ["Lars Holm", "Arvika kommun", "ledamot", "present"],
            ["Anna Lind", "Kils kommun", "ersättare", "present"],
            ["Maria Ahl", "-", "regiondirektör", "present"],
            ["Karin Öst", "-", "sekreterare", "present"],
        ])
    );
    assert_eq!(
        titles(&p),
        [
            ("14", "Fastställande av dagordning"),
            ("15", "Uppföljning av hemsjukvårdsöverenskommelsen"),
            ("16", "Informationsärenden"),
            ("17", "Mötets avslutande"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "15"),
        [
            "att godkänna uppföljningen",
            "att uppdra åt tjänstepersonsorganisationen att återkomma med åtgärder."
        ]
    );
    assert_eq!(signed(&p).len(), 3);
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn items_numbered_with_roman_numerals() {
    let p = read(&own("romerska-nummer-styrgrupp-kronoberg-2024-04-11.txt"));
    assert_eq!(
        p["body"],
        "Styrgruppen för samverkan kring äldre, Region Kronoberg och kommunerna"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-04-11");
    assert_eq!(times(&p), (Some("13:00"), Some("15:00")));
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(strs(&p["secretaries"]), ["Eva Lind"]);
    assert_eq!(strs(&p["adjusters"]), ["Lars Ek"]);
    assert_eq!(present(&p), 4);
    // "I. Mötets öppnande" … "IV. Mötets avslutande", in digits, with a warning
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Val av justerare"),
            ("3", "Hemsjukvård"),
            ("4", "Mötets avslutande"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        strs(&p["warnings"]),
        ["ärendenas romerska nummer (I, II, III …) har skrivits med siffror"]
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "att godkänna överenskommelsen",
            "att uppdra åt arbetsgruppen att följa upp den."
        ]
    );
    assert_eq!(
        signed(&p),
        [
            ("Anna Berg".to_owned(), "ordförande".to_owned()),
            ("Lars Ek".to_owned(), "justerare".to_owned()),
        ]
    );
}

#[test]
fn notes_with_short_fields_for_the_meeting_when_and_where() {
    let p = read(&own(
        "falt-mote-nar-var-lansgrupp-utskrivning-2024-02-27.txt",
    ));
    // "Möte: Länsgruppen …", "När: 2024-02-27, 13:30–15:00", "Var: Skype"
    assert_eq!(p["body"], "Länsgruppen för utskrivning från slutenvård");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["date"], "2024-02-27");
    assert_eq!(times(&p), (Some("13:30"), Some("15:00")));
    assert_eq!(p["place"], "Skype");
    assert_eq!(p["chair"], "Anna Berg");
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Maria Sund")["status"], "absent");
    assert_eq!(
        titles(&p),
        [
            ("1", "Föregående minnesanteckningar"),
            ("2", "Statistik"),
            ("3", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    // "/Lars" under the last item signs the notes off
    assert_eq!(p["items"][2]["text"], "2024-03-26 kl 13:30.");
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn items_numbered_with_a_colon_and_no_space_and_people_joined_with_och() {
    let p = read(&own(
        "kolon-utan-mellanslag-styrgrupp-dalarna-2024-06-04.txt",
    ));
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-06-04");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["chair"], "Karin Dahl");
    // "… Lena Holm och Jonas Berglund (Sekreterare)": two people, the last the secretary
    assert_eq!(strs(&p["secretaries"]), ["Jonas Berglund"]);
    assert_eq!(attendee(&p, "Lena Holm")["role"], Value::Null);
    assert_eq!(strs(&p["adjusters"]), ["Maria Sjöberg"]);
    // "Inbjuden: Sara Ek (pkt 4)": invited, present, no role
    assert_eq!(attendee(&p, "Sara Ek")["status"], "present");
    assert_eq!(attendee(&p, "Sara Ek")["role"], Value::Null);
    assert_eq!(attendee(&p, "Olof Lind")["status"], "absent");
    assert_eq!(present(&p), 8);
    // "1:Mötet öppnas", "3: Föregående protokoll"; the list inside item 4 stays in it
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötet öppnas"),
            ("2", "Val av justerare"),
            ("3", "Föregående protokoll"),
            ("4", "Hemsjukvård – uppföljning av överenskommelsen"),
            ("5", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "4"),
        ["Styrgruppen beslutade att uppföljningen redovisas på nästa möte."]
    );
    assert!(
        p["items"][3]["text"]
            .as_str()
            .unwrap()
            .contains("3. Utskrivning från slutenvården")
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn paragraphs_whose_sign_was_lost_are_numbered_items() {
    let p = read(&own(
        "paragraf-utan-tecken-namnd-vasterbotten-2024-09-24.txt",
    ));
    assert_eq!(p["body"], "Hälso- och sjukvårdsnämndens samverkansutskott");
    assert_eq!(p["date"], "2024-09-24");
    assert_eq!(times(&p), (Some("09:00"), Some("11:30")));
    assert_eq!(p["place"], "Regionens hus, sal A, Umeå");
    assert_eq!(p["chair"], "Malin Strand");
    assert_eq!(strs(&p["secretaries"]), ["Lena Hjelm"]);
    assert_eq!(strs(&p["adjusters"]), ["Maria Holm"]);
    assert_eq!(present(&p), 7);
    assert_eq!(
        attendee(&p, "Jonas Lund")["role"],
        "ersättare",
        "\"Jonas Lund (M) ersätter Petra Nyberg (M)\" under \"Närvarande:\""
    );
    // "106 Val av protokollsjusterare": a number, one space, a title
    assert_eq!(
        titles(&p),
        [
            ("106", "Val av protokollsjusterare"),
            ("107", "Fastställande av dagordningen"),
            ("108", "Hemsjukvård i Västerbotten – läget i kommunerna"),
            ("109", "Överenskommelse om utskrivning från slutenvård"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "109"),
        [
            "att godkänna överenskommelsen om utskrivning från slutenvård",
            "att uppdra åt hälso- och sjukvårdsdirektören att följa upp den."
        ]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn crosses_after_names_mark_those_present_under_group_heads() {
    let p = read(&own(
        "kryss-efter-namn-styrelse-samordningsforbund-2024-10-17.txt",
    ));
    // "PROTOKOLL NR 4/2024": a number, no body; the body is the first line's
    assert_eq!(p["body"], "Samordningsförbundet Södra Norrland");
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-10-17");
    // "Helena Berg X, mötesordf. § 31-36": present, and the meeting's first chair
    assert_eq!(p["chair"], "Helena Berg");
    assert_eq!(strs(&p["secretaries"]), ["Sofia Wallin"]);
    assert_eq!(strs(&p["adjusters"]), ["Johan Sundin"]);
    for (name, role, status) in [
        ("Helena Berg", Some("ordförande"), "present"),
        ("Johan Sundin", Some("ledamot"), "present"),
        ("Anna-Karin Lööf", Some("ordförande"), "present"),
        ("Petra Åkesson", Some("ledamot"), "absent"),
        ("Nils Engström", Some("ledamot"), "present"),
        ("Lisa Hedman", Some("ersättare"), "present"),
        ("Mats Olofsson", Some("ersättare"), "absent"),
        ("Sofia Wallin", Some("sekreterare"), "present"),
        ("Erik Nordqvist", None, "present"),
        ("Maja Lind", None, "present"),
    ] {
        let a = attendee(&p, name);
        assert_eq!(a["role"].as_str(), role, "{name}");
        assert_eq!(a["status"], status, "{name}");
        assert_eq!(
            a["organization"],
            Value::Null,
            "{name}: the cross is no organisation"
        );
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 10);
    assert_eq!(
        titles(&p),
        [
            ("31", "Mötet öppnas"),
            ("32", "Val av justerare"),
            ("33", "Fastställande av dagordning"),
            (
                "34",
                "Samverkan kring personer med behov av hemsjukvård och rehabilitering"
            ),
            ("35", "Budget 2025"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "34"),
        [
            "att ge sekretariatet i uppdrag att ta fram en uppföljningsplan",
            "att plan redovisas på styrelsens möte i december."
        ]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn those_elected_in_the_items_and_titles_ending_in_a_full_stop() {
    let p = read(&own("val-i-arenden-brukarrad-gavleborg-2024-11-06.txt"));
    // "Protokoll fört vid sammanträde med … onsdagen den 6 november 2024 klockan 13.00 på
    // Regionhuset, Gävle."
    assert_eq!(
        p["body"],
        "Brukarrådet för psykiatri och socialtjänst i Gävleborg"
    );
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(p["date"], "2024-11-06");
    assert_eq!(times(&p), (Some("13:00"), None));
    assert_eq!(p["place"], "Regionhuset, Gävle");
    assert_eq!(p["chair"], "Birgitta Sjödin");
    // "Mötet valde Lisa Forsberg till mötessekreterare.", "Mötet valde Kent Olsson och
    // Peter Hallin till justeringspersoner."
    assert_eq!(strs(&p["secretaries"]), ["Lisa Forsberg"]);
    assert_eq!(strs(&p["adjusters"]), ["Kent Olsson", "Peter Hallin"]);
    assert_eq!(present(&p), 5);
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötets öppnande"),
            ("2", "Val av mötesordförande"),
            ("3", "Val av mötessekreterare"),
            ("4", "Val av justeringspersoner"),
            ("5", "Samordnad individuell plan i hemsjukvården"),
            ("6", "Mötets avslutande"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "5"),
        ["bjuda in SIP-samordnarna till nästa möte."]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_day_field_over_a_meeting_of_two_days_and_a_copy_list_that_is_no_attendance() {
    let p = read(&own("dag-falt-och-kopia-rmpg-aldres-halsa-2024-09-24.txt"));
    assert_eq!(p["body"], "RMPG Äldres hälsa");
    assert_eq!(p["document_kind"], "minnesanteckningar");
    // "2024-10-07" alone on the first line dates the notes; "Dag: 24-25 sep 2024" the
    // meeting, from its first day
    assert_eq!(p["date"], "2024-09-24");
    assert_eq!(p["place"], "Ljungskile folkhögskola, Ljungskile");
    assert_eq!(p["chair"], "Gunnel Lind");
    // "Henning Ek, sekr. Region Östergötland, Ledningsstaben"
    assert_eq!(strs(&p["secretaries"]), ["Henning Ek"]);
    assert_eq!(
        attendee(&p, "Henning Ek")["organization"],
        "Region Östergötland"
    );
    // "Meddelat förhinder:" are absent; "Kopia för kännedom:" were not at the meeting
    assert_eq!(attendee(&p, "Anders Martinsson")["status"], "absent");
    assert!(
        p["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["name"] != "Elisabeth Kristiansen")
    );
    assert_eq!(present(&p), 5);
    assert_eq!(
        titles(&p),
        [
            ("1", "Minnesanteckningar från föregående möte"),
            ("2", "Hemsjukvård efter utskrivning från slutenvården"),
            ("3", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "2"),
        ["Gruppen beslutar att ta fram en gemensam rapport till våren."]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn paragraphs_under_the_bodys_abbreviation_whose_sign_was_lost() {
    let p = read(&own(
        "forkortning-utan-paragraftecken-socialnamnd-2024-06-13.txt",
    ));
    assert_eq!(p["body"], "Socialnämnden");
    assert_eq!(p["date"], "2024-06-13");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["place"], "Kommunhuset, Storuman");
    assert_eq!(p["chair"], "Annika Wiberg");
    assert_eq!(strs(&p["secretaries"]), ["Marianne Lund"]);
    assert_eq!(strs(&p["adjusters"]), ["Rickard Nordin"]);
    assert_eq!(present(&p), 5);
    // "Sn 49 Sammanträdets öppnande, formalia.": "Sn § 49" as a PDF's text lost its sign
    assert_eq!(
        titles(&p),
        [
            ("49", "Sammanträdets öppnande, formalia"),
            ("50", "Överenskommelse om hemsjukvård"),
            ("51", "Utskrivning från slutenvård – lägesrapport"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "50"),
        [
            "att godkänna överenskommelsen om hemsjukvård",
            "att uppdra åt förvaltningschefen att följa upp den."
        ]
    );
    assert_eq!(p["items"][2]["text"], "Informationen noteras.");
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_roll_call_copied_one_cell_to_a_line() {
    let p = read(&own(
        "upprop-en-cell-per-rad-omvardnadsnamnden-2024-01-31.txt",
    ));
    assert_eq!(p["body"], "Omvårdnadsnämnden");
    assert_eq!(p["date"], "2024-01-31");
    assert_eq!(times(&p), (Some("13:15"), Some("15:20")));
    assert_eq!(p["place"], "Faxepark, konferenslokal Europa");
    // "Anders Rask (KD)" over "ordförande" over "X" over "X": his role is the line under
    // him, not the next person's
    assert_eq!(p["chair"], "Anders Rask");
    assert_eq!(strs(&p["secretaries"]), ["Anita Andersson"]);
    // ("Underskrifter" ends the adjuster's list: the signers under it sign)
    assert_eq!(strs(&p["adjusters"]), ["Lennart Gran"]);
    for (name, role, status) in [
        ("Anders Rask", "ordförande", "present"),
        ("Lena Dufva", "vice ordförande", "present"),
        ("Marianne Pers", "ledamot", "present"),
        ("Gunnar Sund", "ersättare", "present"),
        // "-" in the presence column
        ("Eva Erlandsson", "ersättare", "absent"),
        ("Jessica Hellberg", "förvaltningschef", "present"),
        ("Monica Roos", "verksamhetschef", "present"),
    ] {
        let a = attendee(&p, name);
        assert_eq!(a["role"], role, "{name}");
        assert_eq!(a["status"], status, "{name}");
    }
    // "§ 4" over "§" heads the columns of votes; the items are § 1 and § 2
    assert_eq!(
        p["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["number"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["1", "2"]
    );
    assert_eq!(
        decisions(&p, "2"),
        ["att lägga informationen till handlingarna."]
    );
    // (the roll call's heads and crosses are no unread people)
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn labels_over_their_values_and_a_list_of_those_present_as_an_attachment() {
    // (the Riksdag's committee protocols: capital labels over their values, "§ 1" over its
    // title, "Justeras den …" over the adjuster, and the attendance as an attachment of
    // one cell to a line, where no mark means absent)
    let p = read(&own(
        "narvaroforteckning-som-bilaga-samverkansnamnden-2024-10-15.txt",
    ));
    assert_eq!(p["date"], "2024-10-15");
    assert_eq!(times(&p), (Some("13:00"), Some("15:10")));
    assert_eq!(p["chair"], "Karl Wester");
    assert_eq!(strs(&p["secretaries"]), ["Ingrid Sandberg"]);
    assert_eq!(strs(&p["adjusters"]), ["Maria Lund"]);
    assert_eq!(p["adjusted_on"], "2024-10-22");
    for (name, role, status) in [
        ("Karl Wester", "ordförande", "present"),
        ("Maria Lund", "vice ordförande", "present"),
        ("Eva Holm", "ledamot", "present"),
        // "O": present without taking part in the first paragraph
        ("Jonas Berg", "ledamot", "present"),
        ("Petra Sjöberg", "ledamot", "absent"),
        ("Olle Dahl", "ledamot", "present"),
        ("Sara Nyberg", "ledamot", "absent"),
        ("Anna Ek", "ersättare", "present"),
        ("Bertil Åkesson", "ersättare", "absent"),
        ("Lena Ström", "ersättare", "present"),
    ] {
        let a = attendee(&p, name);
        assert_eq!(a["role"], role, "{name}");
        assert_eq!(a["status"], status, "{name}");
    }
    assert_eq!(
        titles(&p),
        [
            ("1", "Information från hemsjukvårdens arbetsgrupp"),
            ("2", "Justering av protokoll"),
            ("3", "Överenskommelse om hemsjukvård (SN12)"),
            ("4", "Övriga frågor"),
            ("5", "Nästa sammanträde"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "5"),
        ["nästa sammanträde ska äga rum tisdagen den 12 november 2024 kl. 13.00."]
    );
    // ("Se bilaga 1" under "NÄRVARANDE" points to the list: no unread person)
    assert_eq!(
        strs(&p["warnings"]),
        ["bilagor efter protokollets slut lästes inte som ärenden"]
    );
}

#[test]
fn a_pdfs_text_with_a_table_of_contents_and_people_run_together() {
    // (after a municipal committee's protocol as a PDF's text: the body's meeting in the
    // genitive, two members or two participants on one line, "Under-" over "skrifter",
    // lines to sign on written with ellipses)
    let p = read(&own(
        "innehallsforteckning-samverkansutskottet-2024-10-09.txt",
    ));
    assert_eq!(p["body"], "Samverkansutskottet");
    assert_eq!(p["date"], "2024-10-09");
    assert_eq!(times(&p), (Some("09:00"), Some("12:00")));
    assert_eq!(p["place"], "Regionhuset");
    assert_eq!(p["chair"], "Karin Holm");
    assert_eq!(strs(&p["secretaries"]), ["Maria Sund"]);
    assert_eq!(strs(&p["adjusters"]), ["Per-Olof Lind"]);
    assert_eq!(p["adjusted_on"], "2024-10-16");
    for (name, role) in [
        ("Karin Holm", "ordförande"),
        ("Per-Olof Lind", "ledamot"),
        ("Sanna Berg", "ledamot"),
        ("Agneta Nyström", "ledamot"),
        // "tjg ers för Eva-Lena Öst (S)"
        ("Johan Ek", "ersättare"),
        ("Maria Sund", "sekreterare"),
        // "ej tjg ers, del av § 58"
        ("Helena Ljung", "ersättare"),
        ("Ulla Hedin", "socialchef"),
        ("Peter Wall", "bitr. socialchef"),
        ("Lena Eriksson", "ekonom"),
        ("Anna-Karin Frost", "MAS"),
        ("Carola Vik", "enhetschef"),
        ("Pernilla Nyman", "samordnare"),
        ("Anna Dahl", "sjuksköterskestuderande"),
    ] {
        let a = attendee(&p, name);
        assert_eq!(a["role"], role, "{name}");
        assert_eq!(a["status"], "present", "{name}");
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 14);
    assert_eq!(
        signed(&p),
        [
            ("Maria Sund", "sekreterare"),
            ("Karin Holm", "ordförande"),
            ("Per-Olof Lind", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("55", "Kvartalsrapport 2024-09-30 hemsjukvård"),
            ("56", "Utskrivningsklara patienter"),
            ("57", "SIP-uppföljning"),
            ("58", "Delegationsbeslut"),
            ("59", "Kurser och konferenser"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "55"),
        ["Utskottet godkänner kvartalsrapporten."]
    );
    assert_eq!(
        decisions(&p, "58"),
        ["Delegationsbesluten anmäls och läggs till handlingarna."]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_web_page_with_its_agenda_before_the_paragraphs() {
    // (after a city's committee protocols published as web pages: a breadcrumb naming the
    // body, "Datum" and "Klockan" over the time alone, the agenda grouped by kind before
    // the paragraphs "§1 …", the adjuster named after their title)
    let p = read(&own("brodsmulor-webbsida-samverkansnamnden-2024-11-21.txt"));
    assert_eq!(p["body"], "Samverkansnämnden");
    assert_eq!(p["date"], "2024-11-21");
    assert_eq!(times(&p), (Some("13:30"), None));
    assert_eq!(
        p["place"],
        "Stora konferensen, Regionhuset, Vasagatan 1, Falun"
    );
    assert_eq!(p["chair"], "Karl Wester");
    assert_eq!(strs(&p["adjusters"]), ["Maria Lund"]);
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare och dag för justering"),
            ("2", "Anmälan av föregående protokoll"),
            ("3", "Överenskommelse om hemsjukvård 2025"),
            ("4", "Riktlinjer för SIP i Dalarna"),
            ("5", "Månadsrapport utskrivningsklara"),
            ("6", "a) Anmälan av delegationsbeslut"),
            ("7", "Frågor från nämndens ledamöter och ersättare"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "3"),
        [
            "Nämnden godkänner förslaget till överenskommelse om hemsjukvård 2025.",
            "Nämnden överlämnar ärendet till regionstyrelsen."
        ]
    );
    assert_eq!(decisions(&p, "4"), ["Nämnden antar riktlinjerna."]);
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_pdfs_columns_of_spaces_with_paragraphs_written_without_their_sign() {
    // (after a municipal committee's protocol as a PDF's text: members under
    // "Ledamöter:" and "Ersättare:" within "Beslutande", those who took part in some
    // paragraphs with their numbers alone, titles under "§ 6" holding the case's number)
    let p = read(&own(
        "paragrafer-utan-tecken-social-och-omsorgsnamnden-2025-02-24.txt",
    ));
    assert_eq!(p["body"], "Social- och omsorgsnämnden");
    assert_eq!(p["date"], "2025-02-24");
    assert_eq!(times(&p), (Some("18:00"), Some("20:15")));
    assert_eq!(p["place"], "Messingen, Industrivägen 20 b, rum Nielsen");
    assert_eq!(p["chair"], "Maria Falk");
    assert_eq!(strs(&p["secretaries"]), ["Sara Öst"]);
    assert_eq!(strs(&p["adjusters"]), ["Lena Kanth"]);
    assert_eq!(p["adjusted_on"], "2025-03-03");
    for (name, org, role) in [
        ("Ibrahim Abdi", None, Some("vice ordförande")),
        ("Charlotte Rantén", None, Some("ersättare")),
        ("Magnus Åberg", None, Some("ersättare")),
        ("Barbro Jonsson", Some("VV"), None),
        ("Karin Oldeberg", Some("VV"), None),
        ("Fredrik Ek", None, Some("konsult")),
    ] {
        let a = attendee(&p, name);
        assert_eq!(a["organization"].as_str(), org, "{name}");
        assert_eq!(a["role"].as_str(), role, "{name}");
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 13);
    assert_eq!(
        titles(&p),
        [
            ("6", "Informations- och frågestund (SÄN/2025:3)"),
            ("7", "Överenskommelse om hemsjukvård (SÄN/2025:12)"),
            ("8", "Delegationsbeslut"),
            ("9", "Meddelanden"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "7"),
        [
            "Nämnden godkänner överenskommelsen om hemsjukvård.",
            "Nämnden uppdrar åt förvaltningen att följa upp den."
        ]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_pdfs_two_columns_of_members_joined_into_lines() {
    // (after a regional council's protocol as a document site shows its text: the
    // columns of members and of others joined line by line, their roles between them)
    let p = read(&own(
        "tva-spalter-pa-en-rad-regionala-samverkansnamnden-2024-05-14.txt",
    ));
    assert_eq!(p["body"], "Regionala samverkansnämnden");
    assert_eq!(p["date"], "2024-05-14");
    assert_eq!(p["place"], "Sessionssalen, Regionhuset Linköping");
    assert_eq!(p["chair"], "Lars-Göran Palm");
    assert_eq!(strs(&p["secretaries"]), ["Lena Lund"]);
    assert_eq!(strs(&p["adjusters"]), ["Monika Brandt", "Lotta Helge"]);
    for (name, role, status) in [
        ("Christian Gustafsson", Some("vice ordförande"), "present"),
        ("Anna-Lena Sörman", Some("vice ordförande"), "present"),
        ("Levi Ekholm", Some("vice ordförande"), "present"),
        ("Nicklas Ahl", Some("ledamot"), "present"),
        ("Anita Grund", Some("ersättare"), "present"),
        ("Gunnar Gustavsson", Some("ledamot"), "present"),
        ("Lars-Olof Jansson", Some("ledamot"), "present"),
        ("Birgit Pohjola", Some("ersättare"), "present"),
        ("Torbjörn Holm", None, "absent"),
        ("Per Jamison", None, "absent"),
        // under "Övriga (under hela eller delar av sammanträdet)", not "Förhindrade"
        (
            "Kerstin Aldén",
            Some("hälso- och sjukvårdsstrateg"),
            "present",
        ),
        ("Eva Andersson", Some("revisor"), "present"),
        ("Lizabeth Bell", Some("medicinsk rådgivare"), "present"),
        ("Lena Lund", Some("sekreterare"), "present"),
    ] {
        let a = attendee(&p, name);
        assert_eq!(a["role"].as_str(), role, "{name}");
        assert_eq!(a["status"], status, "{name}");
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 24);
    assert_eq!(decisions(&p, "2"), ["godkänna överenskommelsen."]);
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_consultation_with_organisations_and_items_numbered_without_a_mark() {
    // (after a regional committee's consultation with pensioners' organisations: the
    // organisation after each name without a comma, the adjusters side by side under
    // their labels, items "1 Val av justerare" with the decision's own list "1." "2.")
    let p = read(&own(
        "fran-organisationerna-samrad-pensionarer-2024-09-18.txt",
    ));
    assert_eq!(
        p["body"],
        "samråd för pensionärsorganisationer för norra hälso- och sjukvårdsnämnden"
    );
    assert_eq!(p["date"], "2024-09-18");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["place"], "Aulan, Vintergatan 8, Uddevalla");
    assert_eq!(p["chair"], "Ulrik Hammar");
    assert_eq!(strs(&p["secretaries"]), ["Ben Norman"]);
    assert_eq!(
        strs(&p["adjusters"]),
        ["Vivianne Gustavsson", "Elsie Tyreman"]
    );
    for (name, org) in [
        // (the body they sit for, written small after the party)
        ("Ulrik Hammar", "norra hälso- och sjukvårdsnämnden"),
        ("Hasse Karlsson", "PRO"),
        // "PRO ersätter Hasse Johansson"
        ("Britta Rydberg", "PRO"),
        ("Evy Jessen", "SKPF"),
        ("Agneta Eriksson", "enhet folkhälsa"),
    ] {
        assert_eq!(attendee(&p, name)["organization"], org, "{name}");
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 11);
    assert_eq!(
        signed(&p),
        [
            ("Ben Norman", "sekreterare"),
            ("Ulrik Hammar", "ordförande"),
            ("Vivianne Gustavsson", "justerare"),
            ("Elsie Tyreman", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Val av justerare"),
            ("2", "Hemsjukvård och äldres hälsa"),
            ("3", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "2"), ["Informationen noteras."]);
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn an_associations_protocol_dated_with_six_digits_and_signed_under_names() {
    // (after a patients' association's board protocol on its web page: "Protokoll
    // 241015" the only date, those present in one line, the signers each over their role)
    let p = read(&own("sex-siffror-patientforening-2024-10-15.txt"));
    assert_eq!(p["date"], "2024-10-15");
    assert_eq!(p["body"], Value::Null);
    assert_eq!(p["chair"], "Peder Westberg");
    assert_eq!(strs(&p["secretaries"]), ["Gunilla Janzén"]);
    assert_eq!(strs(&p["adjusters"]), ["Anders Jonsson"]);
    assert_eq!(present(&p), 6);
    assert_eq!(
        signed(&p),
        [
            ("Peder Westberg", "ordförande"),
            ("Gunilla Janzén", "sekreterare"),
            ("Anders Jonsson", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötet öppnas"),
            ("2", "Val av justeringsperson"),
            ("3", "Fastställande av föredragningslistan"),
            ("4", "Hemsjukvård i samverkan"),
            ("5", "Övriga frågor"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "4"),
        ["Styrelsen ger sekreteraren i uppdrag att sammanställa synpunkter till regionen."]
    );
    assert_eq!(p["items"][4]["text"], "Inga övriga frågor.");
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_pdfs_columns_with_roles_and_jobs_in_brackets() {
    // (after a municipal care committee's protocol as a PDF's text: roles and jobs in
    // brackets after the names, the paragraphs someone attended after the bracket, the
    // adjustment's place and time one space from its label with a time after the date)
    let p = read(&own(
        "roller-i-parentes-vard-och-omsorgsnamnden-2024-09-25.txt",
    ));
    assert_eq!(p["body"], "Vård- och omsorgsnämnden");
    assert_eq!(p["date"], "2024-09-25");
    assert_eq!(times(&p), (Some("16:30"), Some("19:45")));
    assert_eq!(p["place"], "Bruket, Göteborgsvägen 7");
    assert_eq!(p["chair"], "Ove Dahl");
    assert_eq!(strs(&p["secretaries"]), ["Malin Thor"]);
    assert_eq!(strs(&p["adjusters"]), ["Carina Blom"]);
    assert_eq!(p["adjusted_on"], "2024-10-01");
    for (name, role) in [
        ("Margareta Krona", "vice ordförande"),
        // "ersätter Lennart Wall (S)"
        ("Royne Borg", "ledamot"),
        ("Jenny Ahl", "ersättare"),
        ("Monica Holm", "chef vård- och omsorgsförvaltningen"),
        // "(kvalitetschef) 107"
        ("Pär Lev", "kvalitetschef"),
        ("Karin Blom", "medicinskt ansvarig sjuksköterska"),
    ] {
        assert_eq!(attendee(&p, name)["role"], role, "{name}");
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 11);
    assert_eq!(
        decisions(&p, "105"),
        ["Vård- och omsorgsnämnden godkänner överenskommelsen om hemsjukvård."]
    );
    assert_eq!(p["items"].as_array().unwrap().len(), 5);
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_decision_groups_protocol_with_others_present_under_dessutom() {
    // (after a programme's decision group's protocol as a document site shows its text:
    // the meeting named as one word in the title, "Dessutom:" over others present, two
    // people of one unit written with a slash)
    let p = read(&own("dessutom-beslutsgrupp-hemsjukvard-2024-10-03.txt"));
    assert_eq!(p["body"], "Beslutsgruppen för hemsjukvård i länet");
    assert_eq!(p["date"], "2024-10-03");
    assert_eq!(p["chair"], "Pär Nord");
    assert_eq!(strs(&p["adjusters"]), ["Anita Bohm"]);
    for (name, role) in [
        ("Hans Tarm", "ledamot"),
        ("Eva Johansson", "ersättare"),
        ("Elisabeth Öberg", "sekretariatet"),
        ("Helén Eriksson", "sekretariatet"),
        // "Utvärderarna Marianne Bull och Leif Grahm (punkt 5)"
        ("Marianne Bull", "utvärderare"),
        ("Leif Grahm", "utvärderare"),
    ] {
        assert_eq!(attendee(&p, name)["role"], role, "{name}");
    }
    assert_eq!(
        titles(&p),
        [
            ("1", "Fastställande av dagordning"),
            ("2", "Föregående protokoll"),
            ("3", "Val av justerare"),
            ("4", "Rapporter"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_pdfs_columns_with_titles_of_several_words_before_the_names() {
    // (after a municipal social committee's protocol as a PDF's text: those present in a
    // separate list, others with their titles before their names and the paragraphs
    // they attended after, the time right after "kl.")
    let p = read(&own("titlar-fore-namn-socialnamnden-2024-06-18.txt"));
    assert_eq!(p["body"], "Socialnämnden");
    assert_eq!(p["date"], "2024-06-18");
    assert_eq!(times(&p), (Some("09:00"), Some("13:40")));
    assert_eq!(p["place"], "Gröna rummet, Socialförvaltningen, Östhammar");
    assert_eq!(p["chair"], "Lisa Norén");
    assert_eq!(strs(&p["secretaries"]), ["Fitim Kunu"]);
    assert_eq!(strs(&p["adjusters"]), ["Anna-Lena Söder"]);
    assert_eq!(p["adjusted_on"], "2024-06-20");
    for (name, role) in [
        ("Fitim Kunu", "nämndsekreterare"),
        ("Lisbeth Bodén", "tf. socialchef"),
        ("Yvonne Wahl", "individ- och familjeomsorgschef"),
        ("Johan Stein", "verksamhetsområdeschef hemvård"),
    ] {
        assert_eq!(attendee(&p, name)["role"], role, "{name}");
    }
    assert_eq!(
        decisions(&p, "64"),
        ["Socialnämnden lägger uppföljningen till handlingarna."]
    );
    assert_eq!(p["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn the_chair_is_who_opened_the_meeting_in_the_first_item() {
    // (after a regional council's notes: labels without colons, the list of those
    // present without roles, and the chair named only where the first item says who
    // opened the meeting, in a sentence that goes on)
    let p = read(&own(
        "oppnades-av-ordforande-regionalt-forum-2024-05-16.txt",
    ));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Regionalt forum för vård och omsorg");
    assert_eq!(p["date"], "2024-05-16");
    assert_eq!(times(&p), (Some("13:00"), Some("16:00")));
    assert_eq!(p["place"], "Regionens hus, Örebro");
    assert_eq!(
        p["chair"], "Ingrid Svahn",
        "\"Mötet öppnades av ordförande Ingrid Svahn. En övrig fråga …\""
    );
    assert_eq!(attendee(&p, "Ingrid Svahn")["role"], "ordförande");
    assert_eq!(
        attendee(&p, "Ingrid Svahn")["organization"],
        "Lekebergs kommun"
    );
    assert_eq!(strs(&p["secretaries"]), ["Peter Alm"]);
    assert_eq!(present(&p), 5);
    assert_eq!(
        titles(&p),
        [
            ("1", "Mötet öppnas"),
            ("2", "Föregående minnesanteckningar"),
            ("3", "Hemsjukvård – uppföljning av överenskommelsen"),
            ("4", "Övriga frågor"),
            ("5", "Nästa möte"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(strs(&p["items"][2]["presenters"]), ["Helena Roos"]);
    assert_eq!(
        decisions(&p, "3"),
        ["Forumet ställer sig bakom uppföljningsplanen."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn groups_written_over_those_present_are_their_organisations() {
    // (after a regional leadership group's notes: those present under headings of the
    // groups they come from, one a heading over another, a title with a capital after a
    // name, and a sentence's full stop after the last column)
    let p = read(&own(
        "grupper-over-namn-ledningsgrupp-barn-och-unga-2024-09-12.txt",
    ));
    assert_eq!(p["document_kind"], "minnesanteckningar");
    assert_eq!(p["body"], "Ledningsgrupp för barn och unga, Örebro län");
    assert_eq!(p["date"], "2024-09-12");
    assert_eq!(
        p["place"], "Örebro",
        "\"Örebro 2024-09-12\", as a letter is dated"
    );
    let people: Vec<(String, Value, Value, String)> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["organization"].clone(),
                a["role"].clone(),
                a["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        (
            "Lena Holm",
            "Universitetssjukhuset Örebro",
            "områdeschef barn- och ungdomspsykiatri",
            "present",
        ),
        (
            "Oskar Frid",
            "Region Örebro län",
            "chefläkare Universitetssjukhuset",
            "present",
        ),
        (
            "Karin Dahl",
            "Hälsoval Region Örebro län",
            "Processansvarig",
            "present",
        ),
        (
            "Mats Ek",
            "Privata vårdgivare",
            "läkare Vivalla vårdcentral",
            "present",
        ),
        ("Anna Lund", "Kumla", "socialchef", "present"),
        (
            "Eva Sand",
            "Hallsberg",
            "förvaltningschef barn och utbildning",
            "present",
        ),
        (
            "Sofia Berg",
            "Kansli Länsgemensam samverkan",
            "samordnare barn och unga",
            "present",
        ),
        (
            "Jonas Wik",
            "Kansli Länsgemensam samverkan",
            "kanslichef",
            "present",
        ),
        ("Petra Nord", "Lindesberg", "socialchef", "absent"),
    ];
    for (i, (name, org, role, status)) in want.iter().enumerate() {
        assert_eq!(
            people[i],
            (
                name.to_string(),
                Value::from(*org),
                Value::from(*role),
                status.to_string()
            ),
            "{name}"
        );
    }
    assert_eq!(people.len(), 10, "and Ola Rask, Askersund, absent");
    assert_eq!(
        decisions(&p, "3"),
        ["Ledningsgruppen ställer sig bakom rutinen."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn those_present_listed_as_a_paragraph_and_the_chair_elected_for_the_meeting() {
    // (after an association board's protocol: who took part is the second paragraph, the
    // meeting's chair, secretary and adjuster are elected in paragraphs of their own,
    // and the association's chair opened the meeting)
    let p = read(&own("narvaro-som-paragraf-patientforening-2024-03-18.txt"));
    assert_eq!(p["document_kind"], "protokoll");
    assert_eq!(
        p["body"], "Hjärt- och lungsjukas förening, Örebro län",
        "\"Protokoll från styrelsemöte i …\""
    );
    assert_eq!(p["date"], "2024-03-18");
    assert_eq!(p["place"], "Föreningslokalen, Järntorget, Örebro");
    assert_eq!(
        p["chair"], "Lars Ekström",
        "elected to chair the meeting, though Birgitta Lund opened it"
    );
    assert_eq!(strs(&p["secretaries"]), ["Maria Nyberg"]);
    assert_eq!(strs(&p["adjusters"]), ["Kjell Sandberg"]);
    let names: Vec<&str> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Birgitta Lund",
            "Lars Ekström",
            "Maria Nyberg",
            "Kjell Sandberg"
        ]
    );
    assert_eq!(present(&p), 4);
    assert_eq!(attendee(&p, "Lars Ekström")["role"], "ordförande");
    assert_eq!(attendee(&p, "Maria Nyberg")["role"], "sekreterare");
    assert_eq!(titles(&p)[1], ("2".to_owned(), "Närvaro".to_owned()));
    assert_eq!(p["items"].as_array().unwrap().len(), 8);
    assert_eq!(
        decisions(&p, "7"),
        ["Styrelsen ger ordföranden i uppdrag att bevaka frågan i patientrådet."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn labels_stacked_over_their_values_are_each_read_with_their_own() {
    // (after municipal committees' first pages as a PDF's text gives them: the column of
    // labels, then the column of values)
    let p = read(&own(
        "staplade-rubriker-socialnamndens-arbetsutskott-2024-02-14.txt",
    ));
    assert_eq!(p["body"], "Socialnämndens arbetsutskott");
    assert_eq!(p["date"], "2024-02-14");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["place"], "Socialförvaltningen, Storgatan 12, Kumla");
    assert_eq!(p["chair"], "Ingrid Holm");
    assert_eq!(strs(&p["secretaries"]), ["Sara Ek"]);
    assert_eq!(strs(&p["adjusters"]), ["Bengt Ask"]);
    assert_eq!(p["adjusted_on"], "2024-02-16");
    for (name, role) in [
        ("Ingrid Holm", "ordförande"),
        ("Bengt Ask", "ledamot"),
        ("Fatima Yilmaz", "ledamot"),
        ("Jonas Berg", "socialchef"),
        ("Sara Ek", "nämndsekreterare"),
    ] {
        assert_eq!(attendee(&p, name)["role"], role, "{name}");
        assert_eq!(attendee(&p, name)["status"], "present", "{name}");
    }
    assert_eq!(p["attendees"].as_array().unwrap().len(), 5);
    assert_eq!(
        decisions(&p, "13"),
        ["Arbetsutskottet lägger uppföljningen till handlingarna."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_secretary_named_among_others_present_does_not_make_them_all_secretaries() {
    // (after a municipal care committee's protocol: the secretary's title before her
    // name opens the list of others present, whose titles stand before their names)
    let p = read(&own(
        "sekreterare-i-listan-vard-och-omsorgsnamnden-2024-04-23.txt",
    ));
    assert_eq!(p["date"], "2024-04-23");
    assert_eq!(times(&p), (Some("13:00"), Some("16:30")));
    assert_eq!(p["place"], "Vård- och omsorgsförvaltningen, Kumla");
    assert_eq!(p["chair"], "Ulla Berglund");
    assert_eq!(strs(&p["secretaries"]), ["Mona Kjell"], "her alone");
    assert_eq!(strs(&p["adjusters"]), ["Petter Lind"]);
    for (name, role) in [
        ("Petter Lind", "vice ordförande"),
        ("Jonas Rask", "ledamot"),
        ("Felix Nord", "ersättare"),
        ("Mona Kjell", "sekreterare"),
        ("Susanne Sand", "tf. förvaltningschef"),
        ("Britt-Marie Sved", "avdelningschef utföraravdelning"),
        ("Eva Gyll", "medicinskt ansvarig sjuksköterska"),
        ("Håkan Bengtsson", "samordnande ekonom"),
    ] {
        assert_eq!(attendee(&p, name)["role"], role, "{name}");
    }
    assert_eq!(present(&p), 12);
    assert_eq!(
        decisions(&p, "18"),
        ["Vård- och omsorgsnämnden lägger rapporten till handlingarna."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn party_letters_written_small_and_the_title_dated_under_the_day_of_writing() {
    // (after a regional committee's notes from 2007: the unit, the day the notes were
    // written and their author over a title naming the meeting's day, and the parties in
    // small letters, as older protocols write them)
    let p = read(&own(
        "partier-sma-bokstaver-folkhalsoberedningen-2007-12-11.txt",
    ));
    assert_eq!(
        p["date"], "2007-12-11",
        "the meeting's day in the title, not 2008-01-08 above it"
    );
    assert_eq!(p["body"], "Folkhälsoberedningen");
    assert_eq!(p["chair"], "Olof Kvist");
    assert_eq!(strs(&p["secretaries"]), ["Karin Ljung"]);
    let roles: Vec<(&str, &Value)> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap(), &a["role"]))
        .collect();
    assert_eq!(roles.len(), 10);
    assert_eq!(roles[0], ("Ulla Berglund", &Value::from("vice ordförande")));
    for (name, role) in &roles[1..5] {
        assert_eq!(**role, Value::Null, "{name}: party letters are no role");
    }
    assert_eq!(attendee(&p, "Per Ekman")["status"], "absent");
    assert_eq!(attendee(&p, "Per Ekman")["role"], Value::Null);
    assert_eq!(attendee(&p, "Jonas Åkerlund")["role"], "processledare");
    assert_eq!(present(&p), 9);
    assert_eq!(
        decisions(&p, "2"),
        ["Beredningen ställer sig bakom inriktningen i överenskommelsen."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_table_of_contents_with_titles_broken_over_lines_is_passed_over() {
    // (after a regional board's protocol as a PDF's text gives it: the table of contents
    // first, its longer titles broken over two lines with a blank line between, the
    // last entry underlined; the parties written with a capital first)
    let p = read(&own(
        "arendeforteckning-radbruten-regionstyrelsen-2024-02-07.txt",
    ));
    assert_eq!(p["body"], "Regionstyrelsen", "not \"Ärendeförteckning\"");
    assert_eq!(p["date"], "2024-02-07");
    assert_eq!(times(&p), (Some("09:00"), Some("11:15")));
    assert_eq!(p["place"], "Regionhuset, Örebro");
    assert_eq!(p["chair"], "Maria Lindahl");
    assert_eq!(strs(&p["secretaries"]), ["Anna Lindqvist"]);
    assert_eq!(strs(&p["adjusters"]), ["Kalle Dahlberg"]);
    assert_eq!(p["adjusted_on"], "2024-02-12");
    assert_eq!(present(&p), 8);
    for name in ["Björn Gustavsson", "Lotta Antman"] {
        assert_eq!(
            attendee(&p, name)["organization"],
            Value::Null,
            "{name}: (Mp), (Sd) are parties"
        );
    }
    assert_eq!(
        titles(&p)
            .into_iter()
            .map(|(n, t)| format!("{n} {t}"))
            .collect::<Vec<_>>(),
        [
            "1 Val av justerare",
            "2 Godkännande av dagordning",
            "3 Överenskommelse om hälso- och sjukvård i hemmet mellan Region Örebro län och länets kommuner",
            "4 Uppföljning av samordnad individuell plan (SIP) och utskrivning från slutenvården",
            "5 Anmälningsärenden",
        ]
    );
    assert_eq!(decisions(&p, "3"), ["att godkänna överenskommelsen."]);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn the_place_and_time_stacked_over_the_members_are_each_read_with_their_own() {
    // (after a regional association's board protocol as a PDF's text gives its first
    // page: "Plats och tid:" over "Beslutande:", then the place, the day with the times,
    // the party groups' times and the members; those with the right to speak and the
    // seats without a vote under labels of their own)
    let p = read(&own(
        "plats-och-tid-over-beslutande-samordningsforbundet-2024-06-05.txt",
    ));
    assert_eq!(p["body"], "Styrelsen för Samordningsförbundet Örebro län");
    assert_eq!(p["date"], "2024-06-05");
    assert_eq!(p["place"], "Kommunhuset, sal Sköllersta, Hallsberg");
    assert_eq!(times(&p), (Some("13:00"), Some("15:30")));
    assert_eq!(p["chair"], "Anna-Karin Sjöberg");
    assert_eq!(strs(&p["secretaries"]), ["Maria Lind"]);
    assert_eq!(strs(&p["adjusters"]), ["Lena Hultgren"]);
    let people: Vec<(&str, &Value)> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap(), &a["role"]))
        .collect();
    assert_eq!(
        people.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [
            "Anna-Karin Sjöberg",
            "Mikael Dahl",
            "Lena Hultgren",
            "Johan Strand",
            "Sara Eklund",
            "Eva Gran",
            "Per Åström",
            "Kjell Nordin"
        ],
        "no one named \"Kommunhuset\""
    );
    assert_eq!(attendee(&p, "Johan Strand")["role"], "ledamot");
    assert_eq!(
        attendee(&p, "Sara Eklund")["role"],
        "ersättare",
        "\"Icke tjänstgörande ersättare\" is a label"
    );
    assert_eq!(
        attendee(&p, "Per Åström")["organization"],
        "Försäkringskassan"
    );
    assert_eq!(present(&p), 8);
    assert_eq!(decisions(&p, "21"), ["att godkänna delårsrapporten."]);
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_roll_call_marked_with_ones_and_dashes_under_a_head_of_notes() {
    // (after a regional committee's protocol: the head points to the roll call on the
    // next page, whose columns are the name, the party, presence as "1" or "-", a
    // reservation and notes, the last head holding a label after its slash)
    let p = read(&own(
        "narvarolista-ettor-och-streck-halso-och-sjukvardsutskottet-2024-10-08.txt",
    ));
    assert_eq!(p["chair"], "Karin Åslund");
    assert_eq!(strs(&p["secretaries"]), ["Linnea Sandberg"]);
    assert_eq!(strs(&p["adjusters"]), ["Peter Lindgren"]);
    let people: Vec<(&str, &Value, &Value, &str)> = p["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap(),
                &a["organization"],
                &a["role"],
                a["status"].as_str().unwrap(),
            )
        })
        .collect();
    let want = [
        ("Karin Åslund", "ordförande", "present"),
        ("Peter Lindgren", "ledamot", "present"),
        ("Ulla Hedberg", "ledamot", "present"),
        ("Tomas Ek", "ledamot", "absent"),
        ("Nils Wiklund", "ledamot", "present"),
        ("Sanna Forsberg", "ersättare", "present"),
        ("Erik Lund", "ersättare", "absent"),
        ("Linnea Sandberg", "nämndsekreterare", "present"),
        ("Johan Bergström", "hälso- och sjukvårdsdirektör", "present"),
    ];
    assert_eq!(people.len(), want.len(), "{people:?}");
    for ((name, org, role, status), (want_name, want_role, want_status)) in people.iter().zip(want)
    {
        assert_eq!(
            (*name, *role, *status),
            (want_name, &Value::from(want_role), want_status)
        );
        assert_eq!(
            **org,
            Value::Null,
            "{name}: the party's column is no organisation"
        );
    }
    assert_eq!(
        decisions(&p, "42"),
        ["Utskottet föreslår regionstyrelsen att godkänna överenskommelsen."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn a_web_page_whose_decisions_follow_the_bodys_own_heading() {
    // (after an association's board protocol published as a web page: the place and the
    // times on a line of their own under the dated title, one person to a paragraph,
    // "Ej tjänstgörande:" over the substitutes, and "Direktionens beslut" over each
    // item's decisions)
    let p = read(&own(
        "webbsida-direktionens-beslut-samordningsforbund-2024-06-11.txt",
    ));
    assert_eq!(p["date"], "2024-06-11");
    assert_eq!(times(&p), (Some("08:30"), Some("11:45")));
    assert_eq!(
        p["place"],
        "Samordningsförbundet Norra Örebro län, Storgatan 12, Lindesberg"
    );
    assert_eq!(p["chair"], "Theresa Nyberg");
    assert_eq!(strs(&p["secretaries"]), ["Suzanne Eklöf"]);
    assert_eq!(strs(&p["adjusters"]), ["Peter Sjöberg"]);
    assert_eq!(p["adjusted_on"], "2024-06-14");
    assert_eq!(
        names_and_roles(&p),
        [
            ("Gunilla Åkerman", "vice ordförande"),
            ("Peter Sjöberg", "ledamot"),
            ("Marita Holm", "ledamot"),
            ("Johan Lindqvist", "ledamot"),
            ("Theresa Nyberg", "ordförande"),
            ("Kent Rydén", "ledamot"),
            ("Annika Strömberg", "ledamot"),
            ("Roger Larsson", "ersättare"),
            ("Eva Björk", "ersättare"),
            ("Anders Wik", "ersättare"),
            ("Charlotte Lindahl", "förbundschef"),
            ("Suzanne Eklöf", "sekreterare"),
            ("Maria Hedin", "processledare"),
        ]
    );
    assert_eq!(
        attendee(&p, "Maria Hedin")["organization"],
        "Region Örebro län",
        "the paragraph she was present for is no part of it"
    );
    assert_eq!(present(&p), 13);
    assert_eq!(
        titles(&p),
        [
            ("44", "Val av justerare"),
            ("45", "Godkännande av dagordning"),
            ("46", "Uppföljning av insatser för personer med hemsjukvård"),
            ("47", "Sammanträdesdagar 2025"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(decisions(&p, "45"), ["Dagordningen godkänns."]);
    assert_eq!(
        decisions(&p, "46"),
        [
            "Direktionen beslutar att godkänna uppföljningen för januari – maj 2024 och \
             lägga den till handlingarna.",
            "Direktionen beslutar att översända uppföljningen till medlemmarna.",
        ]
    );
    assert_eq!(
        decisions(&p, "47"),
        ["Direktionen antar förslaget till sammanträdesdagar för 2025."]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}

#[test]
fn party_letters_before_the_members_names_in_a_column() {
    // (after a municipal elderly care committee's protocol: the roll call in the label
    // column's table writes each member's party before the name, `Ej tjänstgörande`
    // over `ersättare` breaks its label over two lines, and the signers' names are under
    // their roles, one blank line between each)
    let p = read(&own("parti-fore-namn-aldreomsorgsnamnden-2024-05-13.txt"));
    assert_eq!(p["body"], "Äldreomsorgsnämnden");
    assert_eq!(p["date"], "2024-05-13");
    assert_eq!(times(&p), (Some("13:00"), Some("16:30")));
    assert_eq!(p["place"], "Ljungsalen, Kommunhuset, Askersund");
    assert_eq!(p["chair"], "Ulla-Maj Pettersson");
    assert_eq!(strs(&p["secretaries"]), ["Johan Skogsberg"]);
    assert_eq!(strs(&p["adjusters"]), ["Ulf Dahlgren"]);
    assert_eq!(p["adjusted_on"], "2024-05-20");
    assert_eq!(
        names_and_roles(&p),
        [
            ("Ulla-Maj Pettersson", "ordförande"),
            ("Ulf Dahlgren", "vice ordförande"),
            ("Lars-Bertil Rystedt", "ledamot"),
            ("Ylva Högberg", "ledamot"),
            ("Rolf Hallin", "ledamot"),
            ("Rebecka Bergqvist", "ledamot"),
            ("Madelene Jansson", "ledamot"),
            ("Yvonne Kihlström", "ledamot"),
            ("Henry Sandberg", "ersättare"),
            ("Mona Fridell", "ersättare"),
            ("Bahman Alavi", "förvaltningschef"),
            ("Johan Skogsberg", "nämndsekreterare"),
            ("Erika Agnesson", "verksamhetschef hemsjukvård"),
        ]
    );
    assert_eq!(present(&p), 13);
    assert!(
        p["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["organization"].is_null()),
        "the party letters are no organisation"
    );
    assert_eq!(
        signed(&p),
        [
            ("Johan Skogsberg", "sekreterare"),
            ("Ulla-Maj Pettersson", "ordförande"),
            ("Ulf Dahlgren", "justerare"),
        ]
        .map(|(n, r)| (n.to_owned(), r.to_owned()))
    );
    assert_eq!(
        titles(&p),
        [
            ("35", "Godkännande av dagordning"),
            ("36", "Uppföljning av hemsjukvården första tertialet"),
            (
                "37",
                "Yttrande över överenskommelsen om hälso- och sjukvård i hemmet",
            ),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        decisions(&p, "37"),
        [
            "Äldreomsorgsnämnden beslutar att ställa sig bakom förvaltningens yttrande över \
             överenskommelsen."
        ]
    );
    assert!(strs(&p["warnings"]).is_empty(), "{:?}", p["warnings"]);
}
