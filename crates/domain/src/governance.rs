//! The collaboration bodies' own rules: members and their roles, meetings and their
//! minutes, who approves (*justerar*) them, the fixed text of a signed protocol and its
//! hash, assignments and their reminders, the underlag deadline, risk scores, remiss
//! deadlines. Pure: the store and the pages call these.

use crate::ids::InvalidValue;
use crate::org::code_enum;
use crate::protocol::ItemKind;
use sha2::{Digest, Sha256};
use time::Date;

code_enum!(
    /// Uppdrag i organet.
    MemberRole, "role" {
        Ordforande = "ordforande", "Ordförande";
        ViceOrdforande = "vice_ordforande", "Vice ordförande";
        Ledamot = "ledamot", "Ledamot";
        Ersattare = "ersattare", "Ersättare";
        Sekreterare = "sekreterare", "Sekreterare";
        Justerare = "justerare", "Justerare";
        Tjansteperson = "tjansteperson", "Tjänsteperson";
    }
);

code_enum!(
    /// Mötesform.
    MeetingMode, "mode" {
        Fysiskt = "fysiskt", "På plats";
        Digitalt = "digitalt", "Digitalt";
        Hybrid = "hybrid", "På plats och digitalt";
    }
);

code_enum!(
    /// Närvaro.
    AttendanceStatus, "status" {
        Present = "present", "Närvarande";
        AbsentWithNotice = "absent_notice", "Anmält förhinder";
        Absent = "absent", "Frånvarande";
        Late = "late", "Kom senare";
        Partial = "partial", "Närvarande del av mötet";
    }
);

code_enum!(
    /// Where a meeting's minutes stand. Imported meetings are archived as they were read.
    MeetingState, "state" {
        Planerat = "planerat", "Planerat";
        Justering = "justering", "Skickat för justering";
        Justerat = "justerat", "Justerat och låst";
        Arkiverat = "arkiverat", "Importerat";
    }
);

code_enum!(
    /// Dokumenttyp.
    DocumentKind, "document_kind" {
        Protokoll = "protokoll", "Protokoll";
        Minnesanteckningar = "minnesanteckningar", "Minnesanteckningar";
    }
);

code_enum!(
    /// How an item left the meeting. Återkommer and bordlagt carry it to the next one.
    ItemOutcome, "outcome" {
        Behandlat = "behandlat", "Behandlat";
        Aterkommer = "aterkommer", "Återkommer";
        Bordlagt = "bordlagt", "Bordlagt";
    }
);

code_enum!(
    /// Uppdragets status.
    AssignmentStatus, "status" {
        Pagaende = "pagaende", "Pågående";
        Aterrapporterat = "aterrapporterat", "Återrapporterat";
        Avslutat = "avslutat", "Avslutat";
    }
);

impl ItemOutcome {
    /// Whether the item goes onto the next meeting's draft agenda.
    pub fn carries_over(self) -> bool {
        matches!(self, ItemOutcome::Aterkommer | ItemOutcome::Bordlagt)
    }
}

impl MemberRole {
    /// Roles that approve minutes when the meeting names them.
    pub fn approves(self) -> bool {
        matches!(self, MemberRole::Ordforande | MemberRole::Justerare)
    }
}

/// A date the user typed, named by its field when it is not a real date or lies
/// outside the years samsyn's meetings can have.
pub fn parse_meeting_date(field: &'static str, text: &str) -> Result<Date, InvalidValue> {
    let d = crate::time_fmt::parse_date(text.trim()).ok_or_else(|| {
        InvalidValue::new(
            field,
            format!("«{}» är inte ett datum (ÅÅÅÅ-MM-DD)", text.trim()),
        )
    })?;
    if !(1990..=2100).contains(&d.year()) {
        return Err(InvalidValue::new(
            field,
            format!("{} ligger utanför 1990–2100", crate::time_fmt::date_text(d)),
        ));
    }
    Ok(d)
}

/// A clock time "HH:MM" (also "HH.MM"), normalised to "HH:MM".
pub fn parse_clock(field: &'static str, text: &str) -> Result<String, InvalidValue> {
    let t = text.trim().replace('.', ":");
    let bad = || InvalidValue::new(field, format!("«{}» är inte en tid (TT:MM)", text.trim()));
    let (h, m) = t.split_once(':').ok_or_else(bad)?;
    let h: u8 = h.parse().map_err(|_| bad())?;
    let m: u8 = m.parse().map_err(|_| bad())?;
    if h > 23 || m > 59 || t.len() > 5 {
        return Err(bad());
    }
    Ok(format!("{h:02}:{m:02}"))
}

/// Whether an item's underlag is missing at the meeting's deadline: the item needs
/// underlag, none is posted, and the deadline has come.
pub fn underlag_missing(
    needs_underlag: bool,
    documents: usize,
    deadline: Date,
    today: Date,
) -> bool {
    needs_underlag && documents == 0 && today >= deadline
}

/// The reminder an open assignment is due for on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// Due within the week.
    DueSoon { days_left: i64 },
    /// Past its due date and not reported back.
    Overdue { days_late: i64 },
}

/// Days before the due date when the owner is reminded.
pub const REMIND_DAYS_BEFORE: i64 = 7;

pub fn reminder(status: AssignmentStatus, due: Date, today: Date) -> Option<Reminder> {
    if status != AssignmentStatus::Pagaende {
        return None;
    }
    let left = (due - today).whole_days();
    if left < 0 {
        Some(Reminder::Overdue { days_late: -left })
    } else if left <= REMIND_DAYS_BEFORE {
        Some(Reminder::DueSoon { days_left: left })
    } else {
        None
    }
}

code_enum!(
    /// Riskbedömning, banded as in the report.
    RiskBand, "score" {
        Lag = "lag", "Låg risk";
        Betydande = "betydande", "Betydande risk";
        Hog = "hog", "Hög risk";
    }
);

/// Probability and consequence on the report's 1–4 scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskScore {
    pub probability: u8,
    pub consequence: u8,
}

impl RiskScore {
    pub fn new(probability: i64, consequence: i64) -> Result<Self, InvalidValue> {
        let check = |field: &'static str, v: i64| {
            u8::try_from(v)
                .ok()
                .filter(|v| (1..=4).contains(v))
                .ok_or_else(|| InvalidValue::new(field, format!("{v} ligger utanför skalan 1–4")))
        };
        Ok(RiskScore {
            probability: check("probability", probability)?,
            consequence: check("consequence", consequence)?,
        })
    }

    pub fn score(self) -> u8 {
        self.probability * self.consequence
    }

    /// 1–4 low, 5–8 significant, 9 and above high.
    pub fn band(self) -> RiskBand {
        match self.score() {
            0..=4 => RiskBand::Lag,
            5..=8 => RiskBand::Betydande,
            _ => RiskBand::Hog,
        }
    }
}

/// A signed protocol's content, as it is fixed: everything the minutes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolDoc {
    pub body_name: String,
    pub document_kind: DocumentKind,
    pub date: String,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub attendees: Vec<DocAttendee>,
    pub items: Vec<DocItem>,
    pub signers: Vec<DocSigner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocAttendee {
    pub name: String,
    pub organization: Option<String>,
    pub role: Option<String>,
    pub status: AttendanceStatus,
    pub substitute_for: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocItem {
    pub number: String,
    pub title: String,
    pub kind: Option<ItemKind>,
    pub presenters: Vec<String>,
    pub notes: String,
    pub decisions: Vec<String>,
    pub assignments: Vec<String>,
    pub outcome: Option<ItemOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSigner {
    pub name: String,
    pub role: MemberRole,
    pub approved_at: String,
    pub via: Option<String>,
}

/// One line of a protocol's layout: what it says and how it is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Title(String),
    Heading(String),
    Text(String),
    /// A bullet or numbered decision, indented.
    Point(String),
    Blank,
}

impl ProtocolDoc {
    /// The protocol laid out as a Swedish protocol reads: header, attendance, numbered
    /// items with their decisions, signatures. The PDF and the text are both set from
    /// these lines, so they say the same.
    pub fn lines(&self) -> Vec<Line> {
        let mut out = vec![
            Line::Title(self.document_kind.label().to_uppercase()),
            Line::Heading(self.body_name.clone()),
        ];
        let mut when = format!("Datum: {}", self.date);
        match (&self.start_time, &self.end_time) {
            (Some(s), Some(e)) => when.push_str(&format!(", kl. {s}–{e}")),
            (Some(s), None) => when.push_str(&format!(", kl. {s}")),
            _ => {}
        }
        out.push(Line::Text(when));
        if let Some(p) = &self.place {
            out.push(Line::Text(format!("Plats: {p}")));
        }
        out.push(Line::Blank);
        for (title, present) in [("Närvarande", true), ("Ej närvarande", false)] {
            let group: Vec<&DocAttendee> = self
                .attendees
                .iter()
                .filter(|a| {
                    let here = matches!(
                        a.status,
                        AttendanceStatus::Present
                            | AttendanceStatus::Late
                            | AttendanceStatus::Partial
                    );
                    here == present
                })
                .collect();
            if group.is_empty() {
                continue;
            }
            out.push(Line::Heading(title.into()));
            for a in group {
                let mut s = a.name.clone();
                if let Some(r) = &a.role {
                    s.push_str(&format!(", {r}"));
                }
                if let Some(o) = &a.organization {
                    s.push_str(&format!(", {o}"));
                }
                if let Some(f) = &a.substitute_for {
                    s.push_str(&format!(" (ersätter {f})"));
                }
                if !matches!(
                    a.status,
                    AttendanceStatus::Present | AttendanceStatus::Absent
                ) {
                    s.push_str(&format!(" – {}", a.status.label().to_lowercase()));
                }
                if let Some(n) = a.note.as_deref().filter(|n| !n.is_empty()) {
                    s.push_str(&format!(" ({n})"));
                }
                out.push(Line::Point(s));
            }
            out.push(Line::Blank);
        }
        for item in &self.items {
            out.push(Line::Heading(format!("§ {} {}", item.number, item.title)));
            let mut meta = Vec::new();
            if let Some(k) = item.kind {
                meta.push(k.label().to_owned());
            }
            if !item.presenters.is_empty() {
                meta.push(format!("Föredragande: {}", item.presenters.join(", ")));
            }
            if !meta.is_empty() {
                out.push(Line::Text(meta.join(". ")));
            }
            for para in item.notes.lines().map(str::trim).filter(|l| !l.is_empty()) {
                out.push(Line::Text(para.to_owned()));
            }
            if !item.decisions.is_empty() {
                out.push(Line::Text("Beslut:".into()));
                for d in &item.decisions {
                    out.push(Line::Point(d.clone()));
                }
            }
            for a in &item.assignments {
                out.push(Line::Point(format!("Uppdrag: {a}")));
            }
            if let Some(o) = item.outcome.filter(|o| o.carries_over()) {
                out.push(Line::Text(format!("Ärendet {}.", o.label().to_lowercase())));
            }
            out.push(Line::Blank);
        }
        out.push(Line::Heading("Justering".into()));
        for s in &self.signers {
            let via = s
                .via
                .as_deref()
                .map(|v| format!(" via {v}"))
                .unwrap_or_default();
            out.push(Line::Point(format!(
                "{}, {}, justerat {}{via}",
                s.name,
                s.role.label().to_lowercase(),
                s.approved_at
            )));
        }
        out
    }

    /// The protocol as plain text, one line per layout line: the text that is hashed.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for line in self.lines() {
            match line {
                Line::Title(t) | Line::Heading(t) | Line::Text(t) => s.push_str(&t),
                Line::Point(t) => {
                    s.push_str("- ");
                    s.push_str(&t);
                }
                Line::Blank => {}
            }
            s.push('\n');
        }
        normalise(&s)
    }
}

/// Text as it is compared for verification: Unix line ends, no trailing spaces on a
/// line, and exactly one newline at the end (what a browser's text box changes).
pub fn normalise(text: &str) -> String {
    let mut out: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// The SHA-256 of bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::hex::encode(&Sha256::digest(bytes))
}

/// The hash a pasted or uploaded text is checked by.
pub fn text_hash(text: &str) -> String {
    sha256_hex(normalise(text).as_bytes())
}

code_enum!(
    /// Remissvar: a party's position on an agreement.
    RemissPosition, "position" {
        Tillstyrker = "tillstyrker", "Tillstyrker";
        Delvis = "delvis", "Tillstyrker delvis";
        Reserverar = "reserverar", "Reserverar sig";
    }
);

code_enum!(
    /// How a remiss comment was handled.
    Disposition, "disposition" {
        Tillgodosedd = "tillgodosedd", "Tillgodosedd";
        Delvis = "delvis", "Delvis tillgodosedd";
        Avslagen = "avslagen", "Ej tillgodosedd";
    }
);

/// Whether an answer on `answered` is in time for a remiss with `deadline`, and the
/// party's extension if it has one.
pub fn remiss_in_time(deadline: Date, extended_to: Option<Date>, answered: Date) -> bool {
    answered <= extended_to.map_or(deadline, |e| e.max(deadline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn risk_scores_are_banded_as_in_the_report() {
        let band = |p, c| RiskScore::new(p, c).unwrap().band();
        assert_eq!(band(1, 4), RiskBand::Lag);
        assert_eq!(band(2, 2), RiskBand::Lag);
        assert_eq!(band(1, 1), RiskBand::Lag);
        assert_eq!(band(2, 3), RiskBand::Betydande);
        assert_eq!(band(2, 4), RiskBand::Betydande);
        assert_eq!(band(3, 3), RiskBand::Hog);
        assert_eq!(band(4, 4), RiskBand::Hog);
        assert_eq!(RiskScore::new(3, 4).unwrap().score(), 12);
    }

    #[test]
    fn a_risk_outside_one_to_four_names_its_field() {
        assert_eq!(RiskScore::new(5, 2).unwrap_err().field, "probability");
        assert_eq!(RiskScore::new(2, 0).unwrap_err().field, "consequence");
    }

    #[test]
    fn underlag_is_flagged_from_the_deadline_when_none_is_posted() {
        let deadline = date!(2026 - 03 - 10);
        assert!(!underlag_missing(true, 0, deadline, date!(2026 - 03 - 09)));
        assert!(underlag_missing(true, 0, deadline, deadline));
        assert!(!underlag_missing(true, 1, deadline, date!(2026 - 03 - 11)));
        assert!(!underlag_missing(false, 0, deadline, date!(2026 - 03 - 11)));
    }

    #[test]
    fn open_assignments_are_reminded_a_week_before_and_after_their_due_date() {
        let due = date!(2026 - 05 - 20);
        let open = AssignmentStatus::Pagaende;
        assert_eq!(reminder(open, due, date!(2026 - 05 - 01)), None);
        assert_eq!(
            reminder(open, due, date!(2026 - 05 - 13)),
            Some(Reminder::DueSoon { days_left: 7 })
        );
        assert_eq!(
            reminder(open, due, date!(2026 - 05 - 22)),
            Some(Reminder::Overdue { days_late: 2 })
        );
        assert_eq!(
            reminder(
                AssignmentStatus::Aterrapporterat,
                due,
                date!(2026 - 06 - 22)
            ),
            None
        );
    }

    #[test]
    fn postponed_and_returning_items_carry_over() {
        assert!(ItemOutcome::Aterkommer.carries_over());
        assert!(ItemOutcome::Bordlagt.carries_over());
        assert!(!ItemOutcome::Behandlat.carries_over());
    }

    #[test]
    fn a_remiss_answer_is_in_time_until_the_deadline_or_the_partys_extension() {
        let deadline = date!(2024 - 04 - 30);
        assert!(remiss_in_time(deadline, None, deadline));
        assert!(!remiss_in_time(deadline, None, date!(2024 - 05 - 01)));
        assert!(remiss_in_time(
            deadline,
            Some(date!(2024 - 05 - 15)),
            date!(2024 - 05 - 10)
        ));
        assert!(!remiss_in_time(
            deadline,
            Some(date!(2024 - 05 - 15)),
            date!(2024 - 05 - 16)
        ));
    }

    #[test]
    fn dates_and_times_are_checked_with_the_field_named() {
        assert_eq!(
            parse_meeting_date("date", "2026-02-30").unwrap_err().field,
            "date"
        );
        assert!(
            parse_meeting_date("date", "1899-01-01")
                .unwrap_err()
                .message
                .contains("utanför")
        );
        assert_eq!(parse_clock("start_time", "9.30").unwrap(), "09:30");
        assert_eq!(
            parse_clock("end_time", "25:00").unwrap_err().field,
            "end_time"
        );
    }

    fn doc() -> ProtocolDoc {
        ProtocolDoc {
            body_name: "Chefsgruppen".into(),
            document_kind: DocumentKind::Protokoll,
            date: "2026-03-12".into(),
            start_time: Some("09:00".into()),
            end_time: Some("12:00".into()),
            place: Some("Digitalt".into()),
            attendees: vec![
                DocAttendee {
                    name: "Eva Ek".into(),
                    organization: Some("Region Örebro län".into()),
                    role: Some("ordförande".into()),
                    status: AttendanceStatus::Present,
                    substitute_for: None,
                    note: None,
                },
                DocAttendee {
                    name: "Per Al".into(),
                    organization: None,
                    role: None,
                    status: AttendanceStatus::Present,
                    substitute_for: Some("Ulla Berg".into()),
                    note: None,
                },
                DocAttendee {
                    name: "Ulla Berg".into(),
                    organization: None,
                    role: None,
                    status: AttendanceStatus::AbsentWithNotice,
                    substitute_for: None,
                    note: None,
                },
            ],
            items: vec![DocItem {
                number: "1".into(),
                title: "Hemsjukvården".into(),
                kind: Some(ItemKind::Beslutsarende),
                presenters: vec!["Ann Berg".into()],
                notes: "Dragning av läget.\n\nFrågor besvarades.".into(),
                decisions: vec!["att godkänna rapporten".into()],
                assignments: vec!["Ann Berg: återrapportera, senast 2026-05-20".into()],
                outcome: None,
            }],
            signers: vec![DocSigner {
                name: "Eva Ek".into(),
                role: MemberRole::Ordforande,
                approved_at: "2026-03-13 10:00".into(),
                via: None,
            }],
        }
    }

    #[test]
    fn the_protocol_text_reads_like_a_swedish_protocol() {
        let text = doc().text();
        assert!(text.starts_with("PROTOKOLL\nChefsgruppen\nDatum: 2026-03-12, kl. 09:00–12:00\n"));
        assert!(text.contains("- Per Al (ersätter Ulla Berg)\n"));
        assert!(text.contains("Ej närvarande\n- Ulla Berg – anmält förhinder\n"));
        assert!(text.contains("§ 1 Hemsjukvården\nBeslutsärende. Föredragande: Ann Berg\n"));
        assert!(text.contains("Beslut:\n- att godkänna rapporten\n"));
        assert!(text.ends_with("- Eva Ek, ordförande, justerat 2026-03-13 10:00\n"));
    }

    #[test]
    fn the_hash_survives_what_a_text_box_does_to_line_ends_and_nothing_else() {
        let text = doc().text();
        let hash = text_hash(&text);
        assert_eq!(text_hash(&text.replace('\n', "\r\n")), hash);
        assert_eq!(text_hash(&format!("{text}\n\n  ")), hash);
        assert_ne!(text_hash(&text.replace("godkänna", "avslå")), hash);
    }
}
