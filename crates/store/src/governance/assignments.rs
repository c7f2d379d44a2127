//! Assignments from decisions and their reminders, the underlag flags for secretaries
//! and chairs, anonymous meeting evaluations, and risk registers.

use super::{event, keeper, non_empty, take};
use crate::{Store, StoreError, audit};
use samsyn_domain::audit::Outcome;
use samsyn_domain::governance::{self, AssignmentStatus, MeetingState, Reminder, RiskScore};
use samsyn_domain::{InvalidValue, Principal, time_fmt};
use sqlx::Row;
use time::Date;

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AssignmentRow {
    pub id: i64,
    pub meeting_id: i64,
    pub item_id: i64,
    pub body_code: Option<String>,
    pub body_name: Option<String>,
    pub meeting_date: String,
    pub item_number: String,
    pub description: String,
    pub owner: String,
    pub due_date: String,
    pub report_body_code: Option<String>,
    pub status: String,
    pub status_note: Option<String>,
    /// "Förfaller om N dagar" or "N dagar försenat", when a reminder is due today.
    pub reminder: Option<String>,
    pub overdue: bool,
}

impl AssignmentRow {
    pub fn status_label(&self) -> &'static str {
        AssignmentStatus::parse(&self.status)
            .map(|s| s.label())
            .unwrap_or("")
    }
}

/// An item whose underlag is missing at the deadline, for the secretary and the chair.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UnderlagFlag {
    pub meeting_id: i64,
    pub body_name: Option<String>,
    pub meeting_date: String,
    pub deadline: String,
    pub item_number: String,
    pub item_title: String,
}

#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct EvaluationSummary {
    pub answers: i64,
    /// Answers per score 1–5.
    pub per_score: [i64; 5],
    pub average: Option<f64>,
    pub comments: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RiskRow {
    pub id: i64,
    pub register_name: String,
    pub title: String,
    pub probability: i64,
    pub consequence: i64,
    pub score: i64,
    pub band: String,
    pub band_label: String,
    pub owner: String,
    pub measures: String,
    pub review_date: String,
    pub review_due: bool,
}

fn reminder_text(r: Option<Reminder>) -> Option<String> {
    r.map(|r| match r {
        Reminder::DueSoon { days_left: 0 } => "Ska återrapporteras i dag".to_owned(),
        Reminder::DueSoon { days_left } => format!("Ska återrapporteras om {days_left} dagar"),
        Reminder::Overdue { days_late } => format!("{days_late} dagar försenat"),
    })
}

const ASSIGNMENT_SELECT: &str = "SELECT a.id, a.meeting_id, a.item_id, m.body_name, m.meeting_date, i.number, a.description, a.owner, a.due_date, \
     a.report_body_code, a.status, a.status_note, m.body_code FROM assignments a JOIN meetings m ON m.id = a.meeting_id JOIN agenda_items i ON i.id = a.item_id";

fn assignment(r: &sqlx::any::AnyRow, today: Date) -> Result<AssignmentRow, StoreError> {
    let status: String = r.try_get(10)?;
    let due: String = r.try_get(8)?;
    let rem = match (AssignmentStatus::parse(&status), time_fmt::parse_date(&due)) {
        (Ok(s), Some(d)) => governance::reminder(s, d, today),
        _ => None,
    };
    Ok(AssignmentRow {
        id: r.try_get(0)?,
        meeting_id: r.try_get(1)?,
        item_id: r.try_get(2)?,
        body_code: r.try_get(12)?,
        body_name: r.try_get(3)?,
        meeting_date: r.try_get(4)?,
        item_number: r.try_get(5)?,
        description: r.try_get(6)?,
        owner: r.try_get(7)?,
        due_date: due,
        report_body_code: r.try_get(9)?,
        status,
        status_note: r.try_get(11)?,
        overdue: matches!(rem, Some(Reminder::Overdue { .. })),
        reminder: reminder_text(rem),
    })
}

fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}

impl Store {
    /// An assignment from an item's decision: part of the minutes, so a fixed protocol
    /// refuses it.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_assignment(
        &self,
        p: &Principal,
        meeting: i64,
        item: i64,
        description: &str,
        owner: &str,
        due: Date,
        report_body: Option<&str>,
    ) -> Result<i64, StoreError> {
        let description = non_empty("description", description, "Uppdraget")?;
        let owner = non_empty("owner", owner, "Den ansvarige")?;
        let mut tx = self.begin_write().await?;
        if let Err(e) = take(&mut tx, p, meeting, None).await {
            tx.rollback().await?;
            return Err(self
                .refused(p, "assignment.add", format!("möte {meeting}"), e)
                .await);
        }
        let date: String = match sqlx::query("SELECT m.meeting_date FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = $1 AND i.meeting_id = $2")
            .bind(item)
            .bind(meeting)
            .fetch_optional(&mut *tx)
            .await?
        {
            Some(r) => r.try_get(0)?,
            None => return Err(StoreError::NotFound(format!("punkt {item} på mötet"))),
        };
        if time_fmt::date_text(due) < date {
            return Err(
                InvalidValue::new("due_date", "återrapporteringen ligger före mötet").into(),
            );
        }
        let report_body = report_body.map(str::trim).filter(|s| !s.is_empty());
        if let Some(b) = report_body
            && sqlx::query("SELECT 1 FROM bodies WHERE code = $1")
                .bind(b)
                .fetch_optional(&mut *tx)
                .await?
                .is_none()
        {
            return Err(InvalidValue::new("report_body", format!("okänt organ «{b}»")).into());
        }
        let now = time_fmt::now_stored();
        let id: i64 = sqlx::query(
            "INSERT INTO assignments (meeting_id, item_id, description, owner, due_date, report_body_code, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pagaende', $7, $8, $8) RETURNING id",
        )
        .bind(meeting)
        .bind(item)
        .bind(&description)
        .bind(&owner)
        .bind(time_fmt::date_text(due))
        .bind(report_body)
        .bind(p.username.as_str())
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "assignment.add", Outcome::Ok)
                .with_detail(format!("möte {meeting}, uppdrag {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// Reports an assignment back or closes it: by the secretary of the body that gave
    /// it or of the body it reports to. The status is not part of the fixed protocol.
    pub async fn set_assignment_status(
        &self,
        p: &Principal,
        id: i64,
        status: AssignmentStatus,
        note: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        let Some(r) = sqlx::query("SELECT m.body_code, a.report_body_code FROM assignments a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Err(StoreError::NotFound(format!("uppdraget {id}")));
        };
        let (body, report): (Option<String>, Option<String>) = (r.try_get(0)?, r.try_get(1)?);
        let allowed = [body, report]
            .iter()
            .flatten()
            .any(|b| keeper(p, b).is_ok());
        if !allowed {
            tx.rollback().await?;
            let e = StoreError::Forbidden("uppdragets status ändras av sekreteraren i organet som gav det eller tar emot återrapporten".into());
            return Err(self
                .refused(p, "assignment.status", format!("uppdrag {id}"), e)
                .await);
        }
        sqlx::query(
            "UPDATE assignments SET status = $1, status_note = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(status.as_str())
        .bind(Some(note.trim()).filter(|s| !s.is_empty()))
        .bind(time_fmt::now_stored())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            &event(p, "assignment.status", Outcome::Ok)
                .with_detail(format!("uppdrag {id}: {}", status.as_str())),
        )
        .await?;
        crate::commit(tx).await
    }

    pub async fn assignments_of_meeting(
        &self,
        meeting: i64,
    ) -> Result<Vec<AssignmentRow>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ASSIGNMENT_SELECT} WHERE a.meeting_id = $1 ORDER BY i.position, a.id"
        )))
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        let today = today();
        rows.iter().map(|r| assignment(r, today)).collect()
    }

    /// All assignments, the open ones first by due date, each with the reminder due
    /// on `today`.
    pub async fn assignments(&self, today: Date) -> Result<Vec<AssignmentRow>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ASSIGNMENT_SELECT} ORDER BY CASE WHEN a.status = 'pagaende' THEN 0 ELSE 1 END, a.due_date, a.id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| assignment(r, today)).collect()
    }

    /// Items with missing underlag at their deadline, at upcoming meetings of the bodies
    /// the user keeps minutes for or chairs.
    pub async fn underlag_flags(
        &self,
        p: &Principal,
        today: Date,
    ) -> Result<Vec<UnderlagFlag>, StoreError> {
        let mut bodies: Vec<String> = p
            .assignments
            .iter()
            .filter(|a| a.role == samsyn_domain::Role::Sekreterare)
            .filter_map(|a| a.body.clone())
            .collect();
        for m in self.memberships_of_user(p.user_id).await? {
            if m.role == "ordforande" || m.role == "vice_ordforande" {
                bodies.push(m.body_code);
            }
        }
        let day = time_fmt::date_text(today);
        let mut out = Vec::new();
        for body in bodies {
            let rows = sqlx::query(
                "SELECT m.id, m.body_name, m.meeting_date, m.underlag_deadline, i.number, i.title FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id \
                 WHERE m.body_code = $1 AND m.state = 'planerat' AND m.meeting_date >= $2 AND m.underlag_deadline <= $2 AND i.needs_underlag = 1 \
                 AND NOT EXISTS (SELECT 1 FROM item_documents d WHERE d.item_id = i.id) ORDER BY m.meeting_date, i.position",
            )
            .bind(&body)
            .bind(&day)
            .fetch_all(&self.pool)
            .await?;
            for r in rows {
                out.push(UnderlagFlag {
                    meeting_id: r.try_get(0)?,
                    body_name: r.try_get(1)?,
                    meeting_date: r.try_get(2)?,
                    deadline: r.try_get(3)?,
                    item_number: r.try_get(4)?,
                    item_title: r.try_get(5)?,
                });
            }
        }
        Ok(out)
    }

    /// One anonymous answer to a meeting's evaluation, from a member of the body who
    /// has not answered before. The answer is stored without the user.
    pub async fn evaluate_meeting(
        &self,
        p: &Principal,
        meeting: i64,
        score: i64,
        comment: &str,
    ) -> Result<(), StoreError> {
        if !(1..=5).contains(&score) {
            return Err(InvalidValue::new("score", "välj ett betyg från 1 till 5").into());
        }
        if comment.chars().count() > 1000 {
            return Err(
                InvalidValue::new("comment", "kommentaren är längre än 1000 tecken").into(),
            );
        }
        let mut tx = self.begin_write().await?;
        let Some(r) = sqlx::query("SELECT body_code, state FROM meetings WHERE id = $1")
            .bind(meeting)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Err(StoreError::NotFound(format!("mötet {meeting}")));
        };
        let body: Option<String> = r.try_get(0)?;
        if MeetingState::parse(&r.try_get::<String, _>(1)?)? == MeetingState::Arkiverat {
            return Err(StoreError::OutOfOrder(
                "importerade möten utvärderas inte".into(),
            ));
        }
        let member =
            sqlx::query("SELECT 1 FROM body_members WHERE body_code = $1 AND user_id = $2")
                .bind(body.as_deref())
                .bind(p.user_id)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
        if !member {
            tx.rollback().await?;
            return Err(StoreError::Forbidden(
                "mötet utvärderas av organets ledamöter".into(),
            ));
        }
        let first = sqlx::query("INSERT INTO meeting_evaluators (meeting_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(meeting)
            .bind(p.user_id)
            .execute(&mut *tx)
            .await?;
        if first.rows_affected() == 0 {
            return Err(StoreError::Conflict("du har redan utvärderat mötet".into()));
        }
        sqlx::query(
            "INSERT INTO meeting_evaluations (meeting_id, score, comment) VALUES ($1, $2, $3)",
        )
        .bind(meeting)
        .bind(score)
        .bind(comment.trim())
        .execute(&mut *tx)
        .await?;
        crate::commit(tx).await
    }

    /// Whether the user has answered a meeting's evaluation.
    pub async fn has_evaluated(&self, user_id: i64, meeting: i64) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("SELECT 1 FROM meeting_evaluators WHERE meeting_id = $1 AND user_id = $2")
                .bind(meeting)
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }

    pub async fn evaluation_summary(&self, meeting: i64) -> Result<EvaluationSummary, StoreError> {
        let rows = sqlx::query(
            "SELECT score, comment FROM meeting_evaluations WHERE meeting_id = $1 ORDER BY id",
        )
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?;
        let mut s = EvaluationSummary::default();
        let mut total = 0i64;
        for r in rows {
            let score: i64 = r.try_get(0)?;
            let comment: String = r.try_get(1)?;
            if (1..=5).contains(&score) {
                s.per_score[(score - 1) as usize] += 1;
            }
            total += score;
            s.answers += 1;
            if !comment.is_empty() {
                s.comments.push(comment);
            }
        }
        s.average = (s.answers > 0).then(|| total as f64 / s.answers as f64);
        Ok(s)
    }

    /// Adds a risk to a register (an agreement's or a project's), kept by the body.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_risk(
        &self,
        p: &Principal,
        body: &str,
        register: &str,
        title: &str,
        score: RiskScore,
        owner: &str,
        measures: &str,
        review: Date,
    ) -> Result<i64, StoreError> {
        if let Err(e) = keeper(p, body) {
            return Err(self
                .refused(p, "risk.add", format!("organ {body}"), e)
                .await);
        }
        let register = non_empty("register", register, "Registrets namn")?;
        let title = non_empty("title", title, "Risken")?;
        let owner = non_empty("owner", owner, "Ägaren")?;
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO risks (register_name, body_code, title, probability, consequence, owner, measures, review_date, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&register)
        .bind(body)
        .bind(&title)
        .bind(score.probability as i64)
        .bind(score.consequence as i64)
        .bind(&owner)
        .bind(measures.trim())
        .bind(time_fmt::date_text(review))
        .bind(time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "risk.add", Outcome::Ok).with_detail(format!("risk {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// A body's risks, highest score first.
    pub async fn risks(&self, body: &str, today: Date) -> Result<Vec<RiskRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, register_name, title, probability, consequence, owner, measures, review_date FROM risks WHERE body_code = $1 \
             ORDER BY probability * consequence DESC, register_name, id",
        )
        .bind(body)
        .fetch_all(&self.pool)
        .await?;
        let day = time_fmt::date_text(today);
        rows.iter()
            .map(|r| {
                let (pr, co): (i64, i64) = (r.try_get(3)?, r.try_get(4)?);
                let score = RiskScore::new(pr, co)?;
                let review: String = r.try_get(7)?;
                Ok(RiskRow {
                    id: r.try_get(0)?,
                    register_name: r.try_get(1)?,
                    title: r.try_get(2)?,
                    probability: pr,
                    consequence: co,
                    score: score.score() as i64,
                    band: score.band().as_str().into(),
                    band_label: score.band().label().into(),
                    owner: r.try_get(5)?,
                    measures: r.try_get(6)?,
                    review_due: review <= day,
                    review_date: review,
                })
            })
            .collect()
    }
}
