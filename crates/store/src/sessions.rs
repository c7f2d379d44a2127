//! Login, sessions and API tokens. Sessions live in the database, so any server
//! process can answer any request.

use crate::{Store, StoreError, Tx, audit, users};
use samsyn_domain::audit::{AuditEvent, Outcome, Purpose};
use samsyn_domain::throttle::LoginThrottle;
use samsyn_domain::{Principal, Username, password, time_fmt, token};
use sqlx::Row;
use time::{Duration, OffsetDateTime};

/// How long a session lasts from login.
pub const SESSION_LIFETIME: Duration = Duration::hours(8);

/// A logged-in browser session, as the web layer needs it.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: i64,
    pub principal: Principal,
    /// The token every form post must carry.
    pub csrf_token: String,
}

/// The result of a login attempt. A wrong username and a wrong password are the same
/// outcome, so the answer does not tell which usernames exist.
#[derive(Debug)]
pub enum LoginOutcome {
    LoggedIn {
        cookie_token: String,
        session: Session,
    },
    Rejected,
    Throttled,
}

/// The audit event of an actor, with their party and unit.
pub fn event_for(p: &Principal, action: &str, purpose: Purpose, outcome: Outcome) -> AuditEvent {
    AuditEvent {
        actor_user_id: Some(p.user_id),
        actor: p.username.to_string(),
        party: p.party().map(|c| c.to_string()),
        unit: p.unit().map(|c| c.to_string()),
        person_id: None,
        action: action.into(),
        purpose: purpose.as_str().into(),
        outcome: outcome.as_str().into(),
        detail: String::new(),
    }
}

impl Store {
    /// Checks a username and password, under the throttle, and opens a session.
    pub async fn login(
        &self,
        username_text: &str,
        password_text: &str,
        throttle: &LoginThrottle,
    ) -> Result<LoginOutcome, StoreError> {
        let now = OffsetDateTime::now_utc();
        let key: String = username_text
            .trim()
            .to_lowercase()
            .chars()
            .take(64)
            .collect();
        let username = Username::parse(&key).ok();
        let failures = self
            .recent_failures(&key, throttle.window_start(now))
            .await?;
        let known = match &username {
            Some(u) => self.credentials(u).await?,
            None => None,
        };
        let actor = if known.is_some() {
            key.clone()
        } else {
            "okänd".to_owned()
        };
        if !throttle.allows(failures) {
            let mut event = AuditEvent::system(
                &actor,
                "session.login",
                Purpose::Authentication,
                Outcome::Denied,
            )
            .with_detail("för många misslyckade försök");
            event.actor_user_id = known.as_ref().map(|k| k.0);
            self.audit(&event).await?;
            return Ok(LoginOutcome::Throttled);
        }
        // The slow hash runs outside any transaction, so logins do not queue on it.
        let verified = password::verify(password_text, known.as_ref().map(|k| k.1.as_str()));
        let mut tx = self.begin_write().await?;
        let outcome = match (verified, known) {
            (true, Some((user_id, _))) => {
                let principal = users::principal(&mut tx, user_id)
                    .await?
                    .ok_or_else(|| StoreError::NotFound("användaren".into()))?;
                sqlx::query("DELETE FROM login_failures WHERE username = $1")
                    .bind(&key)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
                    .bind(time_fmt::to_stored(now))
                    .execute(&mut *tx)
                    .await?;
                let (cookie_token, session) = create_session(&mut tx, principal, now).await?;
                audit::append(
                    &mut tx,
                    &event_for(
                        &session.principal,
                        "session.login",
                        Purpose::Authentication,
                        Outcome::Ok,
                    ),
                )
                .await?;
                LoginOutcome::LoggedIn {
                    cookie_token,
                    session,
                }
            }
            (_, known) => {
                sqlx::query("INSERT INTO login_failures (username, at) VALUES ($1, $2)")
                    .bind(&key)
                    .bind(time_fmt::to_stored(now))
                    .execute(&mut *tx)
                    .await?;
                let mut event = AuditEvent::system(
                    &actor,
                    "session.login",
                    Purpose::Authentication,
                    Outcome::Failed,
                )
                .with_detail("fel användarnamn eller lösenord");
                event.actor_user_id = known.map(|k| k.0);
                audit::append(&mut tx, &event).await?;
                LoginOutcome::Rejected
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    async fn recent_failures(&self, key: &str, since: OffsetDateTime) -> Result<u32, StoreError> {
        let n: i64 =
            sqlx::query("SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at >= $2")
                .bind(key)
                .bind(time_fmt::to_stored(since))
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// The live session behind a cookie token, if any.
    pub async fn session(&self, cookie_token: &str) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query("SELECT id, user_id, csrf_token FROM sessions WHERE token_hash = $1 AND expires_at > $2")
            .bind(token::digest(cookie_token))
            .bind(time_fmt::now_stored())
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let user_id: i64 = row.try_get(1)?;
        Ok(users::principal(&mut *self.pool.acquire().await?, user_id)
            .await?
            .map(|principal| Session {
                id: row.try_get(0).unwrap_or_default(),
                principal,
                csrf_token: row.try_get(2).unwrap_or_default(),
            }))
    }

    /// Ends a session; audited as a logout.
    pub async fn logout(&self, session: &Session) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(session.id)
            .execute(&mut *tx)
            .await?;
        audit::append(
            &mut tx,
            &event_for(
                &session.principal,
                "session.logout",
                Purpose::Authentication,
                Outcome::Ok,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user behind an API token, if it is valid.
    pub async fn token_principal(&self, bearer: &str) -> Result<Option<Principal>, StoreError> {
        let row = sqlx::query(
            "SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token::digest(bearer))
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(r) => users::principal(&mut *self.pool.acquire().await?, r.try_get(0)?).await,
            None => Ok(None),
        }
    }
}

async fn create_session(
    tx: &mut Tx,
    principal: Principal,
    now: OffsetDateTime,
) -> Result<(String, Session), StoreError> {
    let cookie_token = token::generate("sss_");
    let csrf_token = token::generate("");
    let id: i64 = sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(token::digest(&cookie_token))
    .bind(principal.user_id)
    .bind(&csrf_token)
    .bind(time_fmt::to_stored(now))
    .bind(time_fmt::to_stored(now + SESSION_LIFETIME))
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    Ok((
        cookie_token,
        Session {
            id,
            principal,
            csrf_token,
        },
    ))
}

/// Issues an API token for a user; only its digest is stored, the token is shown once.
pub async fn create_api_token(tx: &mut Tx, user_id: i64) -> Result<String, StoreError> {
    let secret = token::generate("sst_");
    sqlx::query("INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(token::digest(&secret))
        .bind(user_id)
        .bind(time_fmt::now_stored())
        .execute(&mut **tx)
        .await?;
    Ok(secret)
}
