//! Figures for the follow-up dashboard: actions by KVÅ code and performer, by month,
//! requests and decisions, disagreements and follow-ups on time. Aggregates only; no
//! person is named.

use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::{AssertSqlSafe, Row};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct KvaCount {
    pub code: String,
    pub title: String,
    pub licensed: i64,
    pub delegated: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RequestFigures {
    pub municipality: String,
    pub requests: i64,
    pub accepted: i64,
    pub declined: i64,
    pub disagreements: i64,
    pub disagreements_resolved: i64,
    /// Median hours from request to decision, for decided requests.
    pub median_hours_to_decision: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct FollowUpFigures {
    pub done: i64,
    pub on_time: i64,
    pub overdue_open: i64,
}

/// Every action of a year with its municipality, day, code and performer.
const ACTIONS: &str = "SELECT u.party_code AS municipality, a.performed_on AS day, a.kva_code AS code, a.performer_kind AS performer \
       FROM care_actions a JOIN episodes e ON e.id = a.episode_id JOIN units u ON u.code = e.unit_code \
       WHERE a.performed_on >= $1 AND a.performed_on < $2 \
     UNION ALL SELECT h.municipality_code, h.performed_on, h.kva_code, h.performer_kind FROM historical_actions h \
       WHERE h.performed_on >= $1 AND h.performed_on < $2";

fn bounds(year: i32) -> (String, String) {
    (format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1))
}

/// `AND x.municipality IN (...)` for a county part's municipalities, or nothing.
fn area_filter(column: &str, municipalities: Option<&[String]>) -> String {
    match municipalities {
        Some(list) => {
            let quoted: Vec<String> = list
                .iter()
                .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))
                .map(|c| format!("'{c}'"))
                .collect();
            format!(
                " AND {column} IN ({})",
                if quoted.is_empty() {
                    "''".to_owned()
                } else {
                    quoted.join(", ")
                }
            )
        }
        None => String::new(),
    }
}

impl Store {
    /// Actions per KVÅ code and performer kind, most used first.
    pub async fn kva_counts(
        &self,
        year: i32,
        municipalities: Option<&[String]>,
    ) -> Result<Vec<KvaCount>, StoreError> {
        let (from, to) = bounds(year);
        let sql = format!(
            "SELECT x.code, COALESCE(k.title, ''), SUM(CASE WHEN x.performer = 'legitimerad' THEN 1 ELSE 0 END), \
             SUM(CASE WHEN x.performer = 'delegerad' THEN 1 ELSE 0 END) FROM ({ACTIONS}) x LEFT JOIN kva_codes k ON k.code = x.code \
             WHERE 1 = 1{} GROUP BY x.code, k.title ORDER BY COUNT(*) DESC, x.code",
            area_filter("x.municipality", municipalities)
        );
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(&from)
            .bind(&to)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(KvaCount {
                    code: r.try_get(0)?,
                    title: r.try_get(1)?,
                    licensed: r.try_get(2)?,
                    delegated: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// Actions per month (1–12) of the year.
    pub async fn actions_per_month(
        &self,
        year: i32,
        municipalities: Option<&[String]>,
    ) -> Result<[i64; 12], StoreError> {
        let (from, to) = bounds(year);
        let sql = format!(
            "SELECT SUBSTR(x.day, 6, 2), COUNT(*) FROM ({ACTIONS}) x WHERE 1 = 1{} GROUP BY SUBSTR(x.day, 6, 2)",
            area_filter("x.municipality", municipalities)
        );
        let mut months = [0i64; 12];
        for r in sqlx::query(AssertSqlSafe(sql))
            .bind(&from)
            .bind(&to)
            .fetch_all(&self.pool)
            .await?
        {
            let m: String = r.try_get(0)?;
            if let Ok(i) = m.parse::<usize>()
                && (1..=12).contains(&i)
            {
                months[i - 1] = r.try_get(1)?;
            }
        }
        Ok(months)
    }

    /// Requests sent in the year, per receiving municipality: decisions, disagreements
    /// and the median time to a decision.
    pub async fn request_figures(&self, year: i32) -> Result<Vec<RequestFigures>, StoreError> {
        let (from, to) = bounds(year);
        let rows = sqlx::query(
            "SELECT u.party_code, r.status, r.created_at, r.decided_at, \
             (SELECT COUNT(*) FROM disagreements d WHERE d.request_id = r.id), \
             (SELECT COUNT(*) FROM disagreements d WHERE d.request_id = r.id AND d.status = 'resolved') \
             FROM care_requests r JOIN units u ON u.code = r.to_unit WHERE r.created_at >= $1 AND r.created_at < $2 ORDER BY u.party_code",
        )
        .bind(&from)
        .bind(&to)
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<RequestFigures> = Vec::new();
        let mut hours: Vec<Vec<i64>> = Vec::new();
        for r in rows {
            let municipality: String = r.try_get(0)?;
            if out.last().is_none_or(|f| f.municipality != municipality) {
                out.push(RequestFigures {
                    municipality,
                    requests: 0,
                    accepted: 0,
                    declined: 0,
                    disagreements: 0,
                    disagreements_resolved: 0,
                    median_hours_to_decision: None,
                });
                hours.push(Vec::new());
            }
            let (f, h) = (
                out.last_mut().expect("pushed above"),
                hours.last_mut().expect("pushed above"),
            );
            f.requests += 1;
            let status: String = r.try_get(1)?;
            match status.as_str() {
                "accepted" => f.accepted += 1,
                "declined" | "disputed" => f.declined += 1,
                _ => {}
            }
            f.disagreements += r.try_get::<i64, _>(4)?;
            f.disagreements_resolved += r.try_get::<i64, _>(5)?;
            let created: String = r.try_get(2)?;
            let decided: Option<String> = r.try_get(3)?;
            if let (Some(a), Some(b)) = (
                samsyn_domain::time_fmt::from_stored(&created),
                decided
                    .as_deref()
                    .and_then(samsyn_domain::time_fmt::from_stored),
            ) {
                h.push((b - a).whole_hours());
            }
        }
        for (f, mut h) in out.iter_mut().zip(hours) {
            h.sort_unstable();
            f.median_hours_to_decision = (!h.is_empty()).then(|| h[h.len() / 2]);
        }
        Ok(out)
    }

    /// Follow-ups done in the year and how many on or before their due day; and the
    /// open episodes whose follow-up is overdue now.
    pub async fn follow_up_figures(&self, year: i32) -> Result<FollowUpFigures, StoreError> {
        let (from, to) = bounds(year);
        let r = sqlx::query(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN done_on <= due_on THEN 1 ELSE 0 END), 0) FROM follow_ups WHERE done_on >= $1 AND done_on < $2",
        )
        .bind(&from)
        .bind(&to)
        .fetch_one(&self.pool)
        .await?;
        let overdue: i64 = sqlx::query(
            "SELECT COUNT(*) FROM episodes WHERE status <> 'closed' AND next_follow_up < $1",
        )
        .bind(time::OffsetDateTime::now_utc().date().to_string())
        .fetch_one(&self.pool)
        .await?
        .try_get(0)?;
        Ok(FollowUpFigures {
            done: r.try_get(0)?,
            on_time: r.try_get(1)?,
            overdue_open: overdue,
        })
    }
}
