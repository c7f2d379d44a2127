//! Agreements through their life cycle (see `samsyn_domain::agreement_cycle`), kept by
//! the secretary of the body that owns them; and funding — grants and their
//! allocation by decision.

use super::{event, keeper, non_empty};
use crate::{Store, StoreError, Tx, audit};
use samsyn_domain::agreement_cycle::{self, ANCHORING, Phase};
use samsyn_domain::audit::Outcome;
use samsyn_domain::governance::{Disposition, RemissPosition, remiss_in_time};
use samsyn_domain::{InvalidValue, Principal, Role, time_fmt};
use sqlx::Row;
use time::Date;

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementRow {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub phase: String,
    pub body_code: Option<String>,
    pub in_force_from: Option<String>,
    pub version: i64,
    pub updated_at: String,
}

impl AgreementRow {
    pub fn phase_label(&self) -> &'static str {
        Phase::parse(&self.phase).map(|p| p.label()).unwrap_or("")
    }
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PhaseEntry {
    pub phase: String,
    pub version: i64,
    pub note: String,
    pub at: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct CommentRow {
    pub id: i64,
    pub number: i64,
    pub text: String,
    pub disposition: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RecipientRow {
    pub party_code: String,
    pub party_name: String,
    pub extended_to: Option<String>,
    pub extension_reason: Option<String>,
    pub answer_id: Option<i64>,
    pub position: Option<String>,
    pub answered_on: Option<String>,
    pub comments: Vec<CommentRow>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RemissView {
    pub id: i64,
    pub version: i64,
    pub sent_on: String,
    pub deadline: String,
    pub recipients: Vec<RecipientRow>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AnchoringRow {
    pub body_code: String,
    pub body_name: String,
    pub decided_on: String,
    pub item_id: Option<i64>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AdoptionRow {
    pub party_code: String,
    pub party_name: String,
    pub adopted_on: Option<String>,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GapRow {
    pub id: i64,
    pub vc_unit: String,
    pub hsv_unit: String,
    pub gaps: String,
    pub action_plan: String,
    pub due_on: String,
    pub follow_up: Option<String>,
    pub followed_up_on: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AgreementView {
    pub agreement: AgreementRow,
    pub history: Vec<PhaseEntry>,
    pub remisses: Vec<RemissView>,
    pub anchorings: Vec<AnchoringRow>,
    /// Every party, with its adoption if it has decided.
    pub adoptions: Vec<AdoptionRow>,
    pub implementation_persons: Vec<(String, String, String)>,
    pub gaps: Vec<GapRow>,
    /// Comments handled of all comments, over every remiss.
    pub comments_handled: (i64, i64),
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct AllocationRow {
    pub id: i64,
    pub grant_id: i64,
    pub grant_name: String,
    pub year: i64,
    pub item_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub recipient: String,
    pub amount_kr: i64,
    pub period_from: String,
    pub period_to: String,
    pub conditions: String,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct GrantRow {
    pub id: i64,
    pub name: String,
    pub source: String,
    pub year: i64,
    pub amount_kr: i64,
    pub allocated_kr: i64,
}

const AGREEMENT_COLUMNS: &str =
    "id, code, title, phase, body_code, in_force_from, version, updated_at";

fn agreement(r: &sqlx::any::AnyRow) -> Result<AgreementRow, StoreError> {
    Ok(AgreementRow {
        id: r.try_get(0)?,
        code: r.try_get(1)?,
        title: r.try_get(2)?,
        phase: r.try_get(3)?,
        body_code: r.try_get(4)?,
        in_force_from: r.try_get(5)?,
        version: r.try_get(6)?,
        updated_at: r.try_get(7)?,
    })
}

/// The agreement, for a change by its body's secretary.
async fn take_agreement(tx: &mut Tx, p: &Principal, id: i64) -> Result<AgreementRow, StoreError> {
    let Some(r) = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT_COLUMNS} FROM agreement_documents WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Err(StoreError::NotFound(format!("överenskommelsen {id}")));
    };
    let a = agreement(&r)?;
    keeper(p, a.body_code.as_deref().unwrap_or_default())?;
    Ok(a)
}

/// Ends a change to an agreement: its `updated_at`, the audit entry, the commit.
async fn finish(
    mut tx: Tx,
    p: &Principal,
    id: i64,
    action: &str,
    detail: String,
) -> Result<(), StoreError> {
    touch(&mut tx, id).await?;
    audit::append(&mut tx, &event(p, action, Outcome::Ok).with_detail(detail)).await?;
    crate::commit(tx).await
}

async fn touch(tx: &mut Tx, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE agreement_documents SET updated_at = $1 WHERE id = $2")
        .bind(time_fmt::now_stored())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn party_exists(tx: &mut Tx, code: &str, field: &'static str) -> Result<(), StoreError> {
    if sqlx::query("SELECT 1 FROM parties WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?
        .is_none()
    {
        return Err(InvalidValue::new(field, format!("okänd part «{code}»")).into());
    }
    Ok(())
}

fn date(d: Date) -> String {
    time_fmt::date_text(d)
}

impl Store {
    /// Opens a change to an agreement by its body's secretary. A refusal is audited
    /// (in a transaction of its own, so nothing is held open meanwhile).
    async fn begin_agreement(
        &self,
        p: &Principal,
        id: i64,
        action: &str,
    ) -> Result<(Tx, AgreementRow), StoreError> {
        let mut tx = self.begin_write().await?;
        match take_agreement(&mut tx, p, id).await {
            Ok(a) => Ok((tx, a)),
            Err(e) => {
                tx.rollback().await?;
                Err(self
                    .refused(p, action, format!("överenskommelse {id}"), e)
                    .await)
            }
        }
    }

    pub async fn create_agreement(
        &self,
        p: &Principal,
        code: &str,
        title: &str,
        body: &str,
        phase: Phase,
    ) -> Result<i64, StoreError> {
        if let Err(e) = keeper(p, body) {
            return Err(self
                .refused(p, "agreement.create", format!("organ {body}"), e)
                .await);
        }
        let code = non_empty("code", code, "Beteckningen")?;
        let title = non_empty("title", title, "Titeln")?;
        let mut tx = self.begin_write().await?;
        if sqlx::query("SELECT 1 FROM agreement_documents WHERE code = $1")
            .bind(&code)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(format!(
                "det finns redan en överenskommelse med beteckningen {code}"
            )));
        }
        let now = time_fmt::now_stored();
        let id: i64 = sqlx::query(
            "INSERT INTO agreement_documents (code, title, phase, body_code, in_force_from, version, created_at, updated_at) VALUES ($1, $2, $3, $4, NULL, 1, $5, $5) RETURNING id",
        )
        .bind(&code)
        .bind(&title)
        .bind(phase.as_str())
        .bind(body)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        log_phase(&mut tx, id, phase, 1, "Upprättad", p.username.as_str()).await?;
        audit::append(
            &mut tx,
            &event(p, "agreement.create", Outcome::Ok).with_detail(format!("överenskommelse {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// Moves an agreement on in its life cycle. Into force only when every party has
    /// decided, from a date; a revision starts a new version.
    pub async fn move_agreement(
        &self,
        p: &Principal,
        id: i64,
        to: Phase,
        note: &str,
        in_force_from: Option<Date>,
    ) -> Result<(), StoreError> {
        let (mut tx, a) = self.begin_agreement(p, id, "agreement.phase").await?;
        let from = Phase::parse(&a.phase)?;
        agreement_cycle::may_move(from, to).map_err(StoreError::OutOfOrder)?;
        let mut version = a.version;
        if to == Phase::IKraft {
            let Some(day) = in_force_from else {
                return Err(InvalidValue::new(
                    "in_force_from",
                    "ange från vilket datum överenskommelsen gäller",
                )
                .into());
            };
            let parties: Vec<String> = sqlx::query(
                "SELECT code FROM parties WHERE kind IN ('region', 'kommun') ORDER BY code",
            )
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
            let adopted: Vec<String> =
                sqlx::query("SELECT party_code FROM agreement_adoptions WHERE document_id = $1")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|r| r.try_get(0))
                    .collect::<Result<_, _>>()?;
            agreement_cycle::ready_for_force(&parties, &adopted).map_err(StoreError::OutOfOrder)?;
            sqlx::query("UPDATE agreement_documents SET in_force_from = $1 WHERE id = $2")
                .bind(date(day))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if to == Phase::Revidering {
            version += 1;
            sqlx::query("DELETE FROM agreement_adoptions WHERE document_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM agreement_anchorings WHERE document_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE agreement_documents SET phase = $1, version = $2 WHERE id = $3")
            .bind(to.as_str())
            .bind(version)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        log_phase(&mut tx, id, to, version, note.trim(), p.username.as_str()).await?;
        finish(
            tx,
            p,
            id,
            "agreement.phase",
            format!("överenskommelse {id}: {}", to.as_str()),
        )
        .await
    }

    /// Sends the current version out on remiss to the chosen parties.
    pub async fn send_remiss(
        &self,
        p: &Principal,
        id: i64,
        parties: &[String],
        sent_on: Date,
        deadline: Date,
    ) -> Result<i64, StoreError> {
        if parties.is_empty() {
            return Err(InvalidValue::new("parties", "välj minst en part som ska svara").into());
        }
        if deadline <= sent_on {
            return Err(
                InvalidValue::new("deadline", "sista svarsdag ska ligga efter utskicket").into(),
            );
        }
        let (mut tx, a) = self.begin_agreement(p, id, "remiss.send").await?;
        if !matches!(
            Phase::parse(&a.phase)?,
            Phase::Tjanstepersonsremiss | Phase::Remiss
        ) {
            return Err(StoreError::OutOfOrder(format!(
                "överenskommelsen är i fasen «{}»; för den till remiss först",
                a.phase_label()
            )));
        }
        let rid: i64 = sqlx::query("INSERT INTO remisses (document_id, version, sent_on, deadline, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(id)
            .bind(a.version)
            .bind(date(sent_on))
            .bind(date(deadline))
            .bind(p.username.as_str())
            .bind(time_fmt::now_stored())
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        for party in parties {
            party_exists(&mut tx, party, "parties").await?;
            sqlx::query("INSERT INTO remiss_recipients (remiss_id, party_code) VALUES ($1, $2)")
                .bind(rid)
                .bind(party)
                .execute(&mut *tx)
                .await?;
        }
        finish(
            tx,
            p,
            id,
            "remiss.send",
            format!(
                "överenskommelse {id}, remiss {rid}, {} parter",
                parties.len()
            ),
        )
        .await?;
        Ok(rid)
    }

    /// A remiss's agreement and deadline (neither ever changes).
    async fn remiss_agreement(&self, remiss: i64) -> Result<(i64, String), StoreError> {
        let Some(r) = sqlx::query("SELECT document_id, deadline FROM remisses WHERE id = $1")
            .bind(remiss)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Err(StoreError::NotFound(format!("remissen {remiss}")));
        };
        Ok((r.try_get(0)?, r.try_get(1)?))
    }

    /// Gives a party more time to answer; recorded with the reason.
    pub async fn extend_remiss(
        &self,
        p: &Principal,
        remiss: i64,
        party: &str,
        to: Date,
        reason: &str,
    ) -> Result<(), StoreError> {
        let reason = non_empty("reason", reason, "Skälet till anståndet")?;
        let (id, deadline) = self.remiss_agreement(remiss).await?;
        let (mut tx, _) = self.begin_agreement(p, id, "remiss.extend").await?;
        if date(to) <= deadline {
            return Err(InvalidValue::new(
                "extended_to",
                format!("anståndet ska gå längre än sista svarsdag {deadline}"),
            )
            .into());
        }
        let done = sqlx::query("UPDATE remiss_recipients SET extended_to = $1, extension_reason = $2 WHERE remiss_id = $3 AND party_code = $4")
            .bind(date(to))
            .bind(&reason)
            .bind(remiss)
            .bind(party)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err(
                InvalidValue::new("party", format!("{party} har inte fått remissen")).into(),
            );
        }
        finish(
            tx,
            p,
            id,
            "remiss.extend",
            format!("remiss {remiss}, part {party}"),
        )
        .await
    }

    /// Records a party's answer with its numbered comments. An answer after the
    /// deadline is refused unless the party was given an extension that covers it.
    pub async fn answer_remiss(
        &self,
        p: &Principal,
        remiss: i64,
        party: &str,
        position: RemissPosition,
        answered_on: Date,
        comments: &[String],
    ) -> Result<i64, StoreError> {
        let (id, deadline) = self.remiss_agreement(remiss).await?;
        let (mut tx, _) = self.begin_agreement(p, id, "remiss.answer").await?;
        let Some(r) = sqlx::query(
            "SELECT extended_to FROM remiss_recipients WHERE remiss_id = $1 AND party_code = $2",
        )
        .bind(remiss)
        .bind(party)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Err(
                InvalidValue::new("party", format!("{party} har inte fått remissen")).into(),
            );
        };
        let extended: Option<String> = r.try_get(0)?;
        let deadline_date = time_fmt::parse_date(&deadline)
            .ok_or_else(|| StoreError::Corrupt("remissens sista dag".into()))?;
        if !remiss_in_time(
            deadline_date,
            extended.as_deref().and_then(time_fmt::parse_date),
            answered_on,
        ) {
            return Err(InvalidValue::new(
                "answered_on",
                format!(
                    "svaret kom {} men sista dag var {}{}; ge parten anstånd först",
                    date(answered_on),
                    extended.as_deref().unwrap_or(&deadline),
                    if extended.is_some() {
                        " (med anstånd)"
                    } else {
                        ""
                    }
                ),
            )
            .into());
        }
        if sqlx::query("SELECT 1 FROM remiss_answers WHERE remiss_id = $1 AND party_code = $2")
            .bind(remiss)
            .bind(party)
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(format!(
                "{party} har redan svarat på remissen"
            )));
        }
        let aid: i64 = sqlx::query("INSERT INTO remiss_answers (remiss_id, party_code, position, answered_on, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(remiss)
            .bind(party)
            .bind(position.as_str())
            .bind(date(answered_on))
            .bind(p.username.as_str())
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        for (i, text) in comments
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .enumerate()
        {
            sqlx::query(
                "INSERT INTO remiss_comments (answer_id, number, text) VALUES ($1, $2, $3)",
            )
            .bind(aid)
            .bind(i as i64 + 1)
            .bind(text)
            .execute(&mut *tx)
            .await?;
        }
        finish(
            tx,
            p,
            id,
            "remiss.answer",
            format!("remiss {remiss}, part {party}"),
        )
        .await?;
        Ok(aid)
    }

    /// Handles one remiss comment: accepted, partly or rejected, with a reason
    /// unless it was accepted.
    pub async fn handle_comment(
        &self,
        p: &Principal,
        comment: i64,
        disposition: Disposition,
        reason: &str,
    ) -> Result<(), StoreError> {
        if disposition != Disposition::Tillgodosedd && reason.trim().is_empty() {
            return Err(InvalidValue::new(
                "reason",
                "ange skälet när en kommentar inte tillgodoses helt",
            )
            .into());
        }
        let Some(r) = sqlx::query("SELECT r.document_id FROM remiss_comments c JOIN remiss_answers a ON a.id = c.answer_id JOIN remisses r ON r.id = a.remiss_id WHERE c.id = $1")
            .bind(comment)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Err(StoreError::NotFound(format!("kommentaren {comment}")));
        };
        let id: i64 = r.try_get(0)?;
        let (mut tx, _) = self.begin_agreement(p, id, "remiss.comment").await?;
        sqlx::query("UPDATE remiss_comments SET disposition = $1, reason = $2, handled_by = $3 WHERE id = $4")
            .bind(disposition.as_str())
            .bind(Some(reason.trim()).filter(|s| !s.is_empty()))
            .bind(p.username.as_str())
            .bind(comment)
            .execute(&mut *tx)
            .await?;
        finish(tx, p, id, "remiss.comment", format!("kommentar {comment}")).await
    }

    /// Records that a body has anchored the decision proposal, in the order
    /// styrgrupp → chefsgrupp → specifika samverkansrådet → KC/RD → regionala
    /// samverkansrådet: a body may not anchor before the bodies earlier in the chain.
    pub async fn anchor_agreement(
        &self,
        p: &Principal,
        id: i64,
        body: &str,
        decided_on: Date,
        item: Option<i64>,
    ) -> Result<(), StoreError> {
        let (mut tx, a) = self.begin_agreement(p, id, "agreement.anchor").await?;
        if Phase::parse(&a.phase)? != Phase::Forankring {
            return Err(StoreError::OutOfOrder(format!(
                "överenskommelsen är i fasen «{}», inte i förankring",
                a.phase_label()
            )));
        }
        let Some(r) = sqlx::query("SELECT kind FROM bodies WHERE code = $1")
            .bind(body)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Err(InvalidValue::new("body", format!("okänt organ «{body}»")).into());
        };
        let kind: String = r.try_get(0)?;
        let Some(position) = ANCHORING.iter().position(|k| *k == kind) else {
            return Err(InvalidValue::new("body", "förankring sker i styrgrupp, chefsgrupp, specifikt samverkansråd, KC/RD och regionala samverkansrådet").into());
        };
        let done: Vec<i64> =
            sqlx::query("SELECT position FROM agreement_anchorings WHERE document_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
        if let Some(missing) = (0..position).find(|i| !done.contains(&(*i as i64))) {
            return Err(StoreError::OutOfOrder(format!(
                "förslaget ska först förankras i {}",
                kind_label(ANCHORING[missing])
            )));
        }
        if let Some(i) = item {
            let at_body = sqlx::query("SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = $1 AND m.body_code = $2")
                .bind(i)
                .bind(body)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            if !at_body {
                return Err(InvalidValue::new(
                    "item",
                    format!("punkt {i} är inte en punkt på ett möte i {body}"),
                )
                .into());
            }
        }
        sqlx::query("INSERT INTO agreement_anchorings (document_id, body_code, position, decided_on, item_id) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(body)
            .bind(position as i64)
            .bind(date(decided_on))
            .bind(item)
            .execute(&mut *tx)
            .await?;
        finish(
            tx,
            p,
            id,
            "agreement.anchor",
            format!("överenskommelse {id}, organ {body}"),
        )
        .await
    }

    /// Records a party's own decision to adopt the agreement.
    pub async fn adopt_agreement(
        &self,
        p: &Principal,
        id: i64,
        party: &str,
        adopted_on: Date,
        reference: &str,
    ) -> Result<(), StoreError> {
        let reference = non_empty(
            "reference",
            reference,
            "Beslutets diarienummer eller paragraf",
        )?;
        let (mut tx, a) = self.begin_agreement(p, id, "agreement.adopt").await?;
        if Phase::parse(&a.phase)? != Phase::Antagande {
            return Err(StoreError::OutOfOrder(format!(
                "överenskommelsen är i fasen «{}», inte hos parterna för beslut",
                a.phase_label()
            )));
        }
        party_exists(&mut tx, party, "party").await?;
        if sqlx::query(
            "SELECT 1 FROM agreement_adoptions WHERE document_id = $1 AND party_code = $2",
        )
        .bind(id)
        .bind(party)
        .fetch_optional(&mut *tx)
        .await?
        .is_some()
        {
            return Err(StoreError::Conflict(format!(
                "{party} har redan antagit överenskommelsen"
            )));
        }
        sqlx::query("INSERT INTO agreement_adoptions (document_id, party_code, adopted_on, reference) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(party)
            .bind(date(adopted_on))
            .bind(&reference)
            .execute(&mut *tx)
            .await?;
        finish(
            tx,
            p,
            id,
            "agreement.adopt",
            format!("överenskommelse {id}, part {party}"),
        )
        .await
    }

    pub async fn add_implementation_person(
        &self,
        p: &Principal,
        id: i64,
        party: &str,
        name: &str,
        contact: &str,
    ) -> Result<(), StoreError> {
        let name = non_empty("name", name, "Namnet")?;
        let (mut tx, _) = self
            .begin_agreement(p, id, "agreement.implementation")
            .await?;
        party_exists(&mut tx, party, "party").await?;
        sqlx::query("INSERT INTO implementation_persons (document_id, party_code, name, contact) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(party)
            .bind(&name)
            .bind(contact.trim())
            .execute(&mut *tx)
            .await?;
        finish(
            tx,
            p,
            id,
            "agreement.implementation",
            format!("överenskommelse {id}, part {party}"),
        )
        .await
    }

    /// A gap analysis for a vårdcentral and a municipal home-care unit, with their
    /// joint action plan.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_gap_analysis(
        &self,
        p: &Principal,
        id: i64,
        vc: &str,
        hsv: &str,
        gaps: &str,
        plan: &str,
        due: Date,
    ) -> Result<i64, StoreError> {
        let gaps = non_empty("gaps", gaps, "Gapen")?;
        let plan = non_empty("action_plan", plan, "Handlingsplanen")?;
        let (mut tx, _) = self.begin_agreement(p, id, "agreement.gap").await?;
        for (unit, kind, field) in [
            (vc, "vardcentral", "vc_unit"),
            (hsv, "hemsjukvard", "hsv_unit"),
        ] {
            let ok = sqlx::query("SELECT 1 FROM units WHERE code = $1 AND kind = $2")
                .bind(unit)
                .bind(kind)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            if !ok {
                return Err(InvalidValue::new(
                    field,
                    format!("«{unit}» är ingen enhet av typen {kind}"),
                )
                .into());
            }
        }
        let gid: i64 = sqlx::query(
            "INSERT INTO gap_analyses (document_id, vc_unit, hsv_unit, gaps, action_plan, due_on, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(id)
        .bind(vc)
        .bind(hsv)
        .bind(&gaps)
        .bind(&plan)
        .bind(date(due))
        .bind(time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        finish(
            tx,
            p,
            id,
            "agreement.gap",
            format!("överenskommelse {id}, gap-analys {gid}"),
        )
        .await?;
        Ok(gid)
    }

    /// Records the follow-up of a pair's action plan.
    pub async fn follow_up_gap(
        &self,
        p: &Principal,
        gap: i64,
        text: &str,
        on: Date,
    ) -> Result<(), StoreError> {
        let text = non_empty("follow_up", text, "Uppföljningen")?;
        let Some(r) = sqlx::query("SELECT document_id FROM gap_analyses WHERE id = $1")
            .bind(gap)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Err(StoreError::NotFound(format!("gap-analysen {gap}")));
        };
        let id: i64 = r.try_get(0)?;
        let (mut tx, _) = self.begin_agreement(p, id, "agreement.gap").await?;
        sqlx::query("UPDATE gap_analyses SET follow_up = $1, followed_up_on = $2, updated_at = $3 WHERE id = $4")
            .bind(&text)
            .bind(date(on))
            .bind(time_fmt::now_stored())
            .bind(gap)
            .execute(&mut *tx)
            .await?;
        crate::commit(tx).await
    }

    /// The agreements anchored at a meeting's items: (item, agreement id, title).
    pub async fn anchorings_at_meeting(
        &self,
        meeting: i64,
    ) -> Result<Vec<(i64, i64, String)>, StoreError> {
        sqlx::query(
            "SELECT an.item_id, d.id, d.title FROM agreement_anchorings an JOIN agreement_documents d ON d.id = an.document_id \
             JOIN agenda_items i ON i.id = an.item_id WHERE i.meeting_id = $1 ORDER BY an.item_id",
        )
        .bind(meeting)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
        .collect()
    }

    pub async fn agreement_documents(&self) -> Result<Vec<AgreementRow>, StoreError> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {AGREEMENT_COLUMNS} FROM agreement_documents ORDER BY code"
        )))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(agreement)
        .collect()
    }

    /// An agreement with everything that has happened to it.
    pub async fn agreement_document(&self, id: i64) -> Result<Option<AgreementView>, StoreError> {
        let Some(r) = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {AGREEMENT_COLUMNS} FROM agreement_documents WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let a = agreement(&r)?;
        let history = sqlx::query("SELECT phase, version, note, at FROM agreement_phase_log WHERE document_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok(PhaseEntry { phase: r.try_get(0)?, version: r.try_get(1)?, note: r.try_get(2)?, at: r.try_get(3)? }))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut remisses = Vec::new();
        let (mut handled, mut all) = (0i64, 0i64);
        for r in sqlx::query("SELECT id, version, sent_on, deadline FROM remisses WHERE document_id = $1 ORDER BY id").bind(id).fetch_all(&self.pool).await? {
            let rid: i64 = r.try_get(0)?;
            let mut recipients = Vec::new();
            for x in sqlx::query(
                "SELECT rr.party_code, pa.name, rr.extended_to, rr.extension_reason, an.id, an.position, an.answered_on FROM remiss_recipients rr \
                 JOIN parties pa ON pa.code = rr.party_code LEFT JOIN remiss_answers an ON an.remiss_id = rr.remiss_id AND an.party_code = rr.party_code \
                 WHERE rr.remiss_id = $1 ORDER BY rr.party_code",
            )
            .bind(rid)
            .fetch_all(&self.pool)
            .await?
            {
                let answer: Option<i64> = x.try_get(4)?;
                let comments = match answer {
                    None => Vec::new(),
                    Some(aid) => sqlx::query("SELECT id, number, text, disposition, reason FROM remiss_comments WHERE answer_id = $1 ORDER BY number")
                        .bind(aid)
                        .fetch_all(&self.pool)
                        .await?
                        .iter()
                        .map(|c| Ok(CommentRow { id: c.try_get(0)?, number: c.try_get(1)?, text: c.try_get(2)?, disposition: c.try_get(3)?, reason: c.try_get(4)? }))
                        .collect::<Result<Vec<_>, StoreError>>()?,
                };
                all += comments.len() as i64;
                handled += comments.iter().filter(|c| c.disposition.is_some()).count() as i64;
                recipients.push(RecipientRow {
                    party_code: x.try_get(0)?,
                    party_name: x.try_get(1)?,
                    extended_to: x.try_get(2)?,
                    extension_reason: x.try_get(3)?,
                    answer_id: answer,
                    position: x.try_get(5)?,
                    answered_on: x.try_get(6)?,
                    comments,
                });
            }
            remisses.push(RemissView { id: rid, version: r.try_get(1)?, sent_on: r.try_get(2)?, deadline: r.try_get(3)?, recipients });
        }
        let anchorings = sqlx::query(
            "SELECT an.body_code, b.name, an.decided_on, an.item_id FROM agreement_anchorings an JOIN bodies b ON b.code = an.body_code WHERE an.document_id = $1 ORDER BY an.position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok(AnchoringRow { body_code: r.try_get(0)?, body_name: r.try_get(1)?, decided_on: r.try_get(2)?, item_id: r.try_get(3)? }))
        .collect::<Result<Vec<_>, StoreError>>()?;
        let adoptions = sqlx::query(
            "SELECT pa.code, pa.name, ad.adopted_on, ad.reference FROM parties pa LEFT JOIN agreement_adoptions ad ON ad.party_code = pa.code AND ad.document_id = $1 \
             WHERE pa.kind IN ('region', 'kommun') ORDER BY pa.code",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok(AdoptionRow { party_code: r.try_get(0)?, party_name: r.try_get(1)?, adopted_on: r.try_get(2)?, reference: r.try_get(3)? }))
        .collect::<Result<Vec<_>, StoreError>>()?;
        let implementation_persons = sqlx::query("SELECT party_code, name, contact FROM implementation_persons WHERE document_id = $1 ORDER BY party_code, name")
            .bind(id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let gaps = sqlx::query("SELECT id, vc_unit, hsv_unit, gaps, action_plan, due_on, follow_up, followed_up_on FROM gap_analyses WHERE document_id = $1 ORDER BY vc_unit")
            .bind(id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                Ok(GapRow {
                    id: r.try_get(0)?,
                    vc_unit: r.try_get(1)?,
                    hsv_unit: r.try_get(2)?,
                    gaps: r.try_get(3)?,
                    action_plan: r.try_get(4)?,
                    due_on: r.try_get(5)?,
                    follow_up: r.try_get(6)?,
                    followed_up_on: r.try_get(7)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(AgreementView {
            agreement: a,
            history,
            remisses,
            anchorings,
            adoptions,
            implementation_persons,
            gaps,
            comments_handled: (handled, all),
        }))
    }

    /// A grant, by an administrator or a secretary.
    pub async fn add_grant(
        &self,
        p: &Principal,
        name: &str,
        source: &str,
        year: i32,
        amount_kr: i64,
    ) -> Result<i64, StoreError> {
        if !(p.has_role(Role::Admin) || p.has_role(Role::Sekreterare)) {
            return Err(self
                .refused(
                    p,
                    "grant.add",
                    String::new(),
                    StoreError::Forbidden(
                        "medel registreras av sekreterare och administratörer".into(),
                    ),
                )
                .await);
        }
        let name = non_empty("name", name, "Namnet")?;
        if amount_kr <= 0 {
            return Err(InvalidValue::new("amount_kr", "beloppet ska vara större än noll").into());
        }
        if !(1990..=2100).contains(&year) {
            return Err(
                InvalidValue::new("year", format!("{year} ligger utanför 1990–2100")).into(),
            );
        }
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query("INSERT INTO grants (name, source, year, amount_kr, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(&name)
            .bind(source.trim())
            .bind(year as i64)
            .bind(amount_kr)
            .bind(time_fmt::now_stored())
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "grant.add", Outcome::Ok).with_detail(format!("medel {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    /// Allocates part of a grant by a decision at an agenda item (kept by that body's
    /// secretary); never more than the grant holds.
    #[allow(clippy::too_many_arguments)]
    pub async fn allocate(
        &self,
        p: &Principal,
        grant: i64,
        item: Option<i64>,
        recipient: &str,
        amount_kr: i64,
        from: Date,
        to: Date,
        conditions: &str,
    ) -> Result<i64, StoreError> {
        let recipient = non_empty("recipient", recipient, "Mottagaren")?;
        if amount_kr <= 0 {
            return Err(InvalidValue::new("amount_kr", "beloppet ska vara större än noll").into());
        }
        if to < from {
            return Err(InvalidValue::new("period_to", "perioden slutar före den börjar").into());
        }
        let mut tx = self.begin_write().await?;
        let Some(g) = sqlx::query("SELECT amount_kr, COALESCE((SELECT CAST(SUM(amount_kr) AS BIGINT) FROM allocations WHERE grant_id = $1), 0) FROM grants WHERE id = $1")
            .bind(grant)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Err(StoreError::NotFound(format!("medlen {grant}")));
        };
        let (total, used): (i64, i64) = (g.try_get(0)?, g.try_get(1)?);
        let allowed = match item {
            Some(i) => {
                let Some(r) = sqlx::query("SELECT m.body_code FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = $1").bind(i).fetch_optional(&mut *tx).await? else {
                    return Err(InvalidValue::new("item", format!("punkt {i} finns inte")).into());
                };
                keeper(
                    p,
                    r.try_get::<Option<String>, _>(0)?
                        .as_deref()
                        .unwrap_or_default(),
                )
            }
            None => {
                if p.has_role(Role::Admin) || p.has_role(Role::Sekreterare) {
                    Ok(())
                } else {
                    Err(StoreError::Forbidden(
                        "medel fördelas av sekreterare och administratörer".into(),
                    ))
                }
            }
        };
        if let Err(e) = allowed {
            tx.rollback().await?;
            return Err(self
                .refused(p, "grant.allocate", format!("medel {grant}"), e)
                .await);
        }
        if used + amount_kr > total {
            return Err(InvalidValue::new(
                "amount_kr",
                format!(
                    "medlen räcker inte: {} kr kvar av {} kr",
                    total - used,
                    total
                ),
            )
            .into());
        }
        let id: i64 = sqlx::query(
            "INSERT INTO allocations (grant_id, item_id, recipient, amount_kr, period_from, period_to, conditions, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(grant)
        .bind(item)
        .bind(&recipient)
        .bind(amount_kr)
        .bind(date(from))
        .bind(date(to))
        .bind(conditions.trim())
        .bind(time_fmt::now_stored())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::append(
            &mut tx,
            &event(p, "grant.allocate", Outcome::Ok)
                .with_detail(format!("medel {grant}, fördelning {id}")),
        )
        .await?;
        crate::commit(tx).await?;
        Ok(id)
    }

    pub async fn grants(&self) -> Result<Vec<GrantRow>, StoreError> {
        sqlx::query(
            "SELECT g.id, g.name, g.source, g.year, g.amount_kr, COALESCE((SELECT CAST(SUM(a.amount_kr) AS BIGINT) FROM allocations a WHERE a.grant_id = g.id), 0) FROM grants g ORDER BY g.year DESC, g.name",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok(GrantRow { id: r.try_get(0)?, name: r.try_get(1)?, source: r.try_get(2)?, year: r.try_get(3)?, amount_kr: r.try_get(4)?, allocated_kr: r.try_get(5)? }))
        .collect()
    }

    /// Allocations, newest grant year first; with `item`, those decided at that item.
    pub async fn allocations(&self, item: Option<i64>) -> Result<Vec<AllocationRow>, StoreError> {
        self.allocations_where("($1 = 0 OR a.item_id = $1)", item.unwrap_or(0))
            .await
    }

    /// Allocations decided at a meeting's items.
    pub async fn allocations_at_meeting(
        &self,
        meeting: i64,
    ) -> Result<Vec<AllocationRow>, StoreError> {
        self.allocations_where("i.meeting_id = $1", meeting).await
    }

    async fn allocations_where(
        &self,
        condition: &str,
        value: i64,
    ) -> Result<Vec<AllocationRow>, StoreError> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.id, a.grant_id, g.name, g.year, a.item_id, i.meeting_id, a.recipient, a.amount_kr, a.period_from, a.period_to, a.conditions \
             FROM allocations a JOIN grants g ON g.id = a.grant_id LEFT JOIN agenda_items i ON i.id = a.item_id \
             WHERE {condition} ORDER BY g.year DESC, a.id"
        )))
        .bind(value)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(AllocationRow {
                id: r.try_get(0)?,
                grant_id: r.try_get(1)?,
                grant_name: r.try_get(2)?,
                year: r.try_get(3)?,
                item_id: r.try_get(4)?,
                meeting_id: r.try_get(5)?,
                recipient: r.try_get(6)?,
                amount_kr: r.try_get(7)?,
                period_from: r.try_get(8)?,
                period_to: r.try_get(9)?,
                conditions: r.try_get(10)?,
            })
        })
        .collect()
    }
}

fn kind_label(kind: &str) -> &'static str {
    samsyn_domain::org::BodyKind::parse(kind)
        .map(|k| k.label())
        .unwrap_or("")
}

async fn log_phase(
    tx: &mut Tx,
    id: i64,
    phase: Phase,
    version: i64,
    note: &str,
    actor: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO agreement_phase_log (document_id, phase, version, note, actor, at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(phase.as_str())
        .bind(version)
        .bind(note)
        .bind(actor)
        .bind(time_fmt::now_stored())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
