//! Approval (*justering*) by the chair and the adjusters, and the fixed protocol: when
//! the last signer approves, the text and the PDF are made, hashed and stored, the
//! meeting is locked and its items go into the search index. Anyone can then check a
//! PDF or a text against the stored hashes.

use super::{SignerRow, event, json_list, take};
use crate::{Store, StoreError, Tx, audit, register::search};
use base64::Engine as _;
use samsyn_domain::audit::Outcome;
use samsyn_domain::governance::{
    self, AttendanceStatus, DocAttendee, DocItem, DocSigner, DocumentKind, ItemOutcome,
    MeetingState, MemberRole, ProtocolDoc,
};
use samsyn_domain::protocol::ItemKind;
use samsyn_domain::{Principal, time_fmt};
use sqlx::{AnyPool, Row};

/// A signed protocol, as fixed.
#[derive(Debug, Clone)]
pub struct Signed {
    pub meeting_id: i64,
    pub text: String,
    pub pdf: Vec<u8>,
    pub text_sha256: String,
    pub pdf_sha256: String,
    pub signed_at: String,
}

/// What a verification found: the protocol a file or text is.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Verified {
    pub meeting_id: i64,
    pub body_name: Option<String>,
    pub date: String,
    pub document_kind: String,
    pub signed_at: String,
    pub text_sha256: String,
    pub pdf_sha256: String,
    /// "pdf" or "text": which of the two matched.
    pub matched: String,
    pub signers: Vec<String>,
}

pub(crate) async fn signers(pool: &AnyPool, meeting: i64) -> Result<Vec<SignerRow>, StoreError> {
    sqlx::query(
        "SELECT s.member_id, b.name, s.role, b.user_id, s.approved_at, s.approved_via FROM meeting_signers s \
         JOIN body_members b ON b.id = s.member_id WHERE s.meeting_id = $1 ORDER BY s.role DESC, b.name",
    )
    .bind(meeting)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok(SignerRow {
            member_id: r.try_get(0)?,
            name: r.try_get(1)?,
            role: r.try_get(2)?,
            user_id: r.try_get(3)?,
            approved_at: r.try_get(4)?,
            approved_via: r.try_get(5)?,
        })
    })
    .collect()
}

async fn state_of(tx: &mut Tx, meeting: i64) -> Result<MeetingState, StoreError> {
    let Some(r) = sqlx::query("SELECT state FROM meetings WHERE id = $1")
        .bind(meeting)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Err(StoreError::NotFound(format!("mötet {meeting}")));
    };
    Ok(MeetingState::parse(&r.try_get::<String, _>(0)?)?)
}

/// Reads the minutes as they will be fixed.
async fn protocol_doc(tx: &mut Tx, meeting: i64) -> Result<ProtocolDoc, StoreError> {
    let m = sqlx::query("SELECT body_name, document_kind, meeting_date, start_time, end_time, place FROM meetings WHERE id = $1")
        .bind(meeting)
        .fetch_one(&mut **tx)
        .await?;
    let attendees = sqlx::query("SELECT name, organization, role, status, substitute_for, note FROM meeting_attendees WHERE meeting_id = $1 ORDER BY position")
        .bind(meeting)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|a| {
            Ok(DocAttendee {
                name: a.try_get(0)?,
                organization: a.try_get(1)?,
                role: a.try_get(2)?,
                status: AttendanceStatus::parse(&a.try_get::<String, _>(3)?)?,
                substitute_for: a.try_get(4)?,
                note: a.try_get(5)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let rows = sqlx::query("SELECT id, number, title, kind, presenters, body_text, outcome FROM agenda_items WHERE meeting_id = $1 ORDER BY position")
        .bind(meeting)
        .fetch_all(&mut **tx)
        .await?;
    let mut items = Vec::new();
    for r in rows {
        let id: i64 = r.try_get(0)?;
        let decisions =
            sqlx::query("SELECT decision_text FROM decisions WHERE item_id = $1 ORDER BY position")
                .bind(id)
                .fetch_all(&mut **tx)
                .await?
                .iter()
                .map(|d| d.try_get::<String, _>(0))
                .collect::<Result<Vec<_>, _>>()?;
        let assignments = sqlx::query(
            "SELECT description, owner, due_date FROM assignments WHERE item_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|a| {
            Ok(format!(
                "{} (ansvarig {}, senast {})",
                a.try_get::<String, _>(0)?,
                a.try_get::<String, _>(1)?,
                a.try_get::<String, _>(2)?
            ))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        items.push(DocItem {
            number: r.try_get(1)?,
            title: r.try_get(2)?,
            kind: r
                .try_get::<Option<String>, _>(3)?
                .as_deref()
                .and_then(ItemKind::parse),
            presenters: json_list(&r.try_get::<String, _>(4)?),
            notes: r.try_get(5)?,
            decisions,
            assignments,
            outcome: r
                .try_get::<Option<String>, _>(6)?
                .as_deref()
                .map(ItemOutcome::parse)
                .transpose()?,
        });
    }
    let signers = sqlx::query(
        "SELECT b.name, s.role, s.approved_at, s.approved_via FROM meeting_signers s JOIN body_members b ON b.id = s.member_id \
         WHERE s.meeting_id = $1 ORDER BY s.role DESC, b.name",
    )
    .bind(meeting)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|s| {
        Ok(DocSigner {
            name: s.try_get(0)?,
            role: MemberRole::parse(&s.try_get::<String, _>(1)?)?,
            approved_at: time_fmt::display(&s.try_get::<Option<String>, _>(2)?.unwrap_or_default()),
            via: s.try_get(3)?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(ProtocolDoc {
        body_name: m.try_get::<Option<String>, _>(0)?.unwrap_or_default(),
        document_kind: DocumentKind::parse(&m.try_get::<String, _>(1)?)?,
        date: m.try_get(2)?,
        start_time: m.try_get(3)?,
        end_time: m.try_get(4)?,
        place: m.try_get(5)?,
        attendees,
        items,
        signers,
    })
}

impl Store {
    /// Sends the minutes to the chair and the adjusters for approval.
    pub async fn submit_for_approval(
        &self,
        p: &Principal,
        meeting: i64,
        seen: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        if let Err(e) = take(&mut tx, p, meeting, Some(seen)).await {
            tx.rollback().await?;
            return Err(self
                .refused(p, "minutes.submit", format!("möte {meeting}"), e)
                .await);
        }
        let roles: Vec<String> =
            sqlx::query("SELECT role FROM meeting_signers WHERE meeting_id = $1")
                .bind(meeting)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
        if !roles.iter().any(|r| r == "ordforande") {
            return Err(StoreError::OutOfOrder(
                "ange ordförande (och justerare) i protokollet innan det skickas för justering"
                    .into(),
            ));
        }
        let items: i64 = sqlx::query("SELECT COUNT(*) FROM agenda_items WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
        if items == 0 {
            return Err(StoreError::OutOfOrder(
                "protokollet har inga punkter".into(),
            ));
        }
        sqlx::query("UPDATE meetings SET state = 'justering' WHERE id = $1")
            .bind(meeting)
            .execute(&mut *tx)
            .await?;
        audit::append(
            &mut tx,
            &event(p, "minutes.submit", Outcome::Ok).with_detail(format!("möte {meeting}")),
        )
        .await?;
        crate::commit(tx).await
    }

    /// The logged-in signer approves; when everyone has, the protocol is signed and
    /// fixed. Returns whether it was.
    pub async fn approve_minutes(&self, p: &Principal, meeting: i64) -> Result<bool, StoreError> {
        self.approve(p, meeting, None).await
    }

    /// The secretary records a signer's approval given outside samsyn ("via e-post").
    pub async fn record_approval(
        &self,
        p: &Principal,
        meeting: i64,
        member: i64,
        via: &str,
    ) -> Result<bool, StoreError> {
        self.approve(p, meeting, Some((member, via.trim().to_owned())))
            .await
    }

    async fn approve(
        &self,
        p: &Principal,
        meeting: i64,
        on_behalf: Option<(i64, String)>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write().await?;
        let state = state_of(&mut tx, meeting).await?;
        let refuse = |m: &str| StoreError::Forbidden(m.to_owned());
        let checked = match state {
            MeetingState::Justering => Ok(()),
            MeetingState::Justerat | MeetingState::Arkiverat => {
                Err(refuse("protokollet är redan justerat och låst"))
            }
            MeetingState::Planerat => Err(StoreError::OutOfOrder(
                "protokollet är inte skickat för justering".into(),
            )),
        };
        let checked = match (checked, &on_behalf) {
            (Ok(()), Some((_, via))) => {
                let body: Option<String> =
                    sqlx::query("SELECT body_code FROM meetings WHERE id = $1")
                        .bind(meeting)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get(0)?;
                if !samsyn_domain::policy::can_keep_minutes(p, body.as_deref().unwrap_or_default())
                {
                    Err(refuse(
                        "bara organets sekreterare kan registrera en justering som gjorts på annat sätt",
                    ))
                } else if via.is_empty() {
                    Err(samsyn_domain::InvalidValue::new(
                        "via",
                        "ange hur justeringen gjordes, till exempel e-post",
                    )
                    .into())
                } else {
                    Ok(())
                }
            }
            (other, _) => other,
        };
        if let Err(e) = checked {
            tx.rollback().await?;
            return Err(self
                .refused(p, "minutes.approve", format!("möte {meeting}"), e)
                .await);
        }
        let now = time_fmt::now_stored();
        let done = match &on_behalf {
            None => sqlx::query(
                "UPDATE meeting_signers SET approved_at = $1, recorded_by = $2 WHERE meeting_id = $3 AND approved_at IS NULL \
                 AND member_id IN (SELECT id FROM body_members WHERE user_id = $4)",
            )
            .bind(&now)
            .bind(p.username.as_str())
            .bind(meeting)
            .bind(p.user_id)
            .execute(&mut *tx)
            .await?,
            Some((member, via)) => sqlx::query(
                "UPDATE meeting_signers SET approved_at = $1, recorded_by = $2, approved_via = $3 WHERE meeting_id = $4 AND member_id = $5 AND approved_at IS NULL",
            )
            .bind(&now)
            .bind(p.username.as_str())
            .bind(via)
            .bind(meeting)
            .bind(member)
            .execute(&mut *tx)
            .await?,
        };
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            let e = StoreError::Forbidden("du är inte ordförande eller justerare för det här protokollet, eller har redan justerat".into());
            return Err(self
                .refused(p, "minutes.approve", format!("möte {meeting}"), e)
                .await);
        }
        audit::append(
            &mut tx,
            &event(p, "minutes.approve", Outcome::Ok).with_detail(format!("möte {meeting}")),
        )
        .await?;
        let waiting: i64 = sqlx::query(
            "SELECT COUNT(*) FROM meeting_signers WHERE meeting_id = $1 AND approved_at IS NULL",
        )
        .bind(meeting)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let signed = waiting == 0;
        if signed {
            self.sign(&mut tx, meeting, &now).await?;
            audit::append(
                &mut tx,
                &event(p, "minutes.sign", Outcome::Ok).with_detail(format!("möte {meeting}")),
            )
            .await?;
        }
        crate::commit(tx).await?;
        Ok(signed)
    }

    async fn sign(&self, tx: &mut Tx, meeting: i64, now: &str) -> Result<(), StoreError> {
        let doc = protocol_doc(tx, meeting).await?;
        let text = doc.text();
        let text_sha = governance::sha256_hex(text.as_bytes());
        let footer = format!(
            "{} {} · kontrollsumma {}",
            doc.body_name,
            doc.date,
            &text_sha[..16]
        );
        let pdf = samsyn_domain::protocol_pdf::render(&doc, &footer);
        let pdf_sha = governance::sha256_hex(&pdf);
        sqlx::query("INSERT INTO signed_protocols (meeting_id, text_sha256, pdf_sha256, text_content, pdf_content, signed_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(meeting)
            .bind(&text_sha)
            .bind(&pdf_sha)
            .bind(&text)
            .bind(base64::engine::general_purpose::STANDARD.encode(&pdf))
            .bind(now)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE meetings SET state = 'justerat', adjusted_on = $1, updated_at = $2, version = version + 1 WHERE id = $3")
            .bind(&now[..10])
            .bind(now)
            .bind(meeting)
            .execute(&mut **tx)
            .await?;
        let m = sqlx::query("SELECT body_code, body_name FROM meetings WHERE id = $1")
            .bind(meeting)
            .fetch_one(&mut **tx)
            .await?;
        let (code, name): (Option<String>, Option<String>) = (m.try_get(0)?, m.try_get(1)?);
        let ids: Vec<i64> =
            sqlx::query("SELECT id FROM agenda_items WHERE meeting_id = $1 ORDER BY position")
                .bind(meeting)
                .fetch_all(&mut **tx)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<Result<_, _>>()?;
        for (item, id) in doc.items.iter().zip(ids) {
            let mut content = item.notes.clone();
            for d in &item.decisions {
                content.push_str("\nBeslut: ");
                content.push_str(d);
            }
            search::index(
                tx,
                self.engine,
                search::NewDoc {
                    meeting_id: meeting,
                    item_id: Some(id),
                    body_code: code.as_deref(),
                    body_name: name.as_deref(),
                    meeting_date: &doc.date,
                    document_kind: doc.document_kind.as_str(),
                    title: &item.title,
                    content: &content,
                },
            )
            .await?;
        }
        Ok(())
    }

    /// The fixed protocol of a signed meeting.
    pub async fn signed_protocol(&self, meeting: i64) -> Result<Option<Signed>, StoreError> {
        let Some(r) = sqlx::query("SELECT text_content, pdf_content, text_sha256, pdf_sha256, signed_at FROM signed_protocols WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(r.try_get::<String, _>(1)?)
            .map_err(|_| StoreError::Corrupt("det justerade protokollets PDF är skadad".into()))?;
        Ok(Some(Signed {
            meeting_id: meeting,
            text: r.try_get(0)?,
            pdf,
            text_sha256: r.try_get(2)?,
            pdf_sha256: r.try_get(3)?,
            signed_at: r.try_get(4)?,
        }))
    }

    /// Which signed protocol an uploaded file (the PDF, or the text) is, if any. A
    /// text is compared after [`governance::normalise`].
    pub async fn verify_protocol(&self, bytes: &[u8]) -> Result<Option<Verified>, StoreError> {
        let raw = governance::sha256_hex(bytes);
        let as_text = std::str::from_utf8(bytes).ok().map(governance::text_hash);
        let row = sqlx::query(
            "SELECT s.meeting_id, m.body_name, m.meeting_date, m.document_kind, s.signed_at, s.text_sha256, s.pdf_sha256 \
             FROM signed_protocols s JOIN meetings m ON m.id = s.meeting_id WHERE s.pdf_sha256 = $1 OR s.text_sha256 = $2",
        )
        .bind(&raw)
        .bind(as_text.as_deref().unwrap_or(""))
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let meeting: i64 = r.try_get(0)?;
        let pdf_sha: String = r.try_get(6)?;
        let signers = signers(&self.pool, meeting)
            .await?
            .into_iter()
            .map(|s| {
                format!(
                    "{} ({})",
                    s.name,
                    MemberRole::parse(&s.role).map(|r| r.label()).unwrap_or("")
                )
            })
            .collect();
        Ok(Some(Verified {
            meeting_id: meeting,
            body_name: r.try_get(1)?,
            date: r.try_get(2)?,
            document_kind: r.try_get(3)?,
            signed_at: r.try_get(4)?,
            text_sha256: r.try_get(5)?,
            matched: if pdf_sha == raw {
                "pdf".into()
            } else {
                "text".into()
            },
            pdf_sha256: pdf_sha,
            signers,
        }))
    }
}
