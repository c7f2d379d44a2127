//! Full-text search over the register: Swedish stemming in Rust (Snowball), postings in
//! plain tables that both engines query alike, BM25 ranking, highlighted snippets.

use crate::{Store, StoreError, Tx};
use sqlx::Row;
use std::collections::HashMap;

const STOP: &[&str] = &[
    "och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de",
    "inte", "om", "ett", "var", "vi", "kan", "ska", "så", "men", "från", "eller", "i", "sig",
    "man",
];

/// Words of a text, lowercased, as (start byte, end byte).
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
}

/// The index terms of one word, or none for stop words and single letters.
pub fn term(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 2 || STOP.contains(&lower.as_str()) {
        return None;
    }
    thread_local! {
        static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::Swedish);
    }
    Some(STEMMER.with(|s| s.stem(&lower).into_owned()))
}

/// The agreement's formal name for home health care, "hälso- och sjukvård i hemmet", is
/// what "hemsjukvård" means: the phrase is indexed as that word too (the minutes use the
/// formal name, people search for the everyday one).
const SYNONYM: (&str, &[&str]) = ("hemsjukvård", &["hälso", "och", "sjukvård", "i", "hemmet"]);

/// Byte spans of the phrase in a text.
fn phrase_spans(text: &str) -> Vec<(usize, usize)> {
    let ws: Vec<(usize, usize)> = words(text).collect();
    let phrase = SYNONYM.1;
    let mut out = Vec::new();
    for i in 0..ws.len() {
        if i + phrase.len() > ws.len() {
            break;
        }
        let ok = phrase.iter().enumerate().all(|(k, p)| {
            let w = text[ws[i + k].0..ws[i + k].1].to_lowercase();
            w == *p || (k == 2 && w.starts_with(p))
        });
        if ok {
            out.push((ws[i].0, ws[i + phrase.len() - 1].1));
        }
    }
    out
}

/// Terms of a text with their counts, and the text's length in words.
pub fn analyze(text: &str) -> (HashMap<String, i64>, i64) {
    let mut counts = HashMap::new();
    let mut n = 0;
    for (s, e) in words(text) {
        n += 1;
        if let Some(t) = term(&text[s..e]) {
            *counts.entry(t).or_insert(0) += 1;
        }
    }
    let phrases = phrase_spans(text).len() as i64;
    if let Some(t) = term(SYNONYM.0).filter(|_| phrases > 0) {
        *counts.entry(t).or_insert(0) += phrases;
    }
    (counts, n)
}

/// BM25's term weight without idf (k1 = 1.2, b = 0.75, average length 300 words), in
/// thousandths.
pub fn impact(tf: i64, length: i64) -> i64 {
    let tf = tf as f64;
    let norm = 1.2 * (0.25 + 0.75 * (length as f64 / 300.0));
    (1000.0 * tf * 2.2 / (tf + norm)).round() as i64
}

/// One searchable document: an agenda item with its decisions.
pub struct NewDoc<'a> {
    pub meeting_id: i64,
    pub item_id: Option<i64>,
    pub body_code: Option<&'a str>,
    pub body_name: Option<&'a str>,
    pub meeting_date: &'a str,
    pub document_kind: &'a str,
    pub title: &'a str,
    pub content: &'a str,
}

pub async fn index(tx: &mut Tx, engine: crate::Engine, doc: NewDoc<'_>) -> Result<(), StoreError> {
    let full = format!("{}\n{}", doc.title, doc.content);
    let (terms, length) = analyze(&full);
    let id: i64 = sqlx::query(
        "INSERT INTO search_docs (meeting_id, item_id, body_code, body_name, meeting_date, document_kind, title, content, length) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(doc.meeting_id)
    .bind(doc.item_id)
    .bind(doc.body_code)
    .bind(doc.body_name)
    .bind(doc.meeting_date)
    .bind(doc.document_kind)
    .bind(doc.title)
    .bind(doc.content)
    .bind(length)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    let terms: Vec<(String, i64)> = terms.into_iter().collect();
    for chunk in terms.chunks(200) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| engine.placeholders(i * 4 + 1, 4))
            .collect();
        let sql = format!(
            "INSERT INTO search_postings (term, doc_id, tf, impact) VALUES {}",
            rows.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (t, tf) in chunk {
            q = q
                .bind(t.clone())
                .bind(id)
                .bind(*tf)
                .bind(impact(*tf, length));
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    pub body: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub kind: Option<String>,
    pub limit: usize,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub meeting_id: i64,
    pub item_id: Option<i64>,
    pub body: Option<String>,
    pub date: String,
    pub document_kind: String,
    pub title: String,
    /// The best passage, plain text.
    pub snippet: String,
    /// The same passage as HTML: escaped, with the matching words in `<mark>`.
    pub snippet_html: String,
    pub score: f64,
}

#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Results {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Counts of multi-word matches, each valid while the index's newest item is the
/// same (items are only ever added). Bounded: emptied when it grows past 4,096 queries.
pub type CountCache = std::sync::Arc<std::sync::Mutex<HashMap<String, (i64, usize)>>>;

impl Store {
    /// Documents that contain every term of the query, best first (BM25).
    pub async fn search(&self, q: &Query) -> Result<Results, StoreError> {
        let mut terms: Vec<String> = words(&q.text)
            .filter_map(|(s, e)| term(&q.text[s..e]))
            .collect();
        terms.sort();
        terms.dedup();
        if terms.is_empty() {
            return Ok(Results {
                total: 0,
                hits: Vec::new(),
            });
        }
        let mut conn = self.pool.acquire().await?;
        let limit = q.limit.clamp(1, 200) as i64;
        // document frequencies, for idf
        let list = (0..terms.len())
            .map(|i| format!("${}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let mut df_query = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT term, COUNT(*) FROM search_postings WHERE term IN ({list}) GROUP BY term"
        )));
        for t in &terms {
            df_query = df_query.bind(t.clone());
        }
        let mut df: HashMap<String, i64> = HashMap::new();
        for r in df_query.fetch_all(&mut *conn).await? {
            df.insert(r.try_get(0)?, r.try_get(1)?);
        }
        if terms.iter().any(|t| !df.contains_key(t)) {
            return Ok(Results {
                total: 0,
                hits: Vec::new(),
            });
        }
        let n_docs: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) FROM search_docs")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let idf = |t: &str| {
            let d = df[t] as f64;
            ((n_docs as f64 - d + 0.5) / (d + 0.5) + 1.0).ln()
        };
        let filtered = [&q.body, &q.from, &q.to, &q.kind]
            .iter()
            .any(|f| f.as_deref().is_some_and(|s| !s.is_empty()));
        let (ranked, total): (Vec<(i64, f64)>, usize) = if terms.len() == 1 && !filtered {
            // one word: its best postings are the first rows of the impact index
            let w = idf(&terms[0]);
            let rows = sqlx::query(
                "SELECT doc_id, impact FROM search_postings WHERE term = $1 ORDER BY impact DESC, doc_id DESC LIMIT $2",
            )
            .bind(terms[0].clone())
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?;
            let ranked = rows
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get::<i64, _>(0)?,
                        w * r.try_get::<i64, _>(1)? as f64 / 1000.0,
                    ))
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            (ranked, df[&terms[0]] as usize)
        } else if !filtered {
            // several words: the threshold algorithm reads only the best postings, and
            // the count joins from the rarest word
            // the same six-decimal weights as the SQL ranking, so both give one score
            let mut weighted: Vec<(String, f64)> = terms
                .iter()
                .map(|t| (t.clone(), (idf(t) * 1e6).round() / 1e6))
                .collect();
            weighted.sort_by_key(|(t, _)| df[t]);
            let ranked = super::topk::conjunctive(&mut conn, &weighted, limit as usize)
                .await?
                .into_iter()
                .map(|(d, s)| (d, s / 1000.0))
                .collect();
            let key = terms.join(" ");
            let cached = self.search_counts.lock().ok().and_then(|c| {
                c.get(&key)
                    .filter(|(generation, _)| *generation == n_docs)
                    .map(|(_, n)| *n)
            });
            if let Some(total) = cached {
                return self.hits(&mut conn, ranked, total, &terms).await;
            }
            let joins: String = (1..weighted.len())
                .map(|i| {
                    format!(
                        " JOIN search_postings p{i} ON p{i}.term = ${} AND p{i}.doc_id = p0.doc_id",
                        i + 1
                    )
                })
                .collect();
            let mut count = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM search_postings p0{joins} WHERE p0.term = $1"
            )));
            for (t, _) in &weighted {
                count = count.bind(t.clone());
            }
            let total = count.fetch_one(&mut *conn).await?.try_get::<i64, _>(0)? as usize;
            if let Ok(mut c) = self.search_counts.lock() {
                if c.len() >= 4096 {
                    c.clear();
                }
                c.insert(key, (n_docs, total));
            }
            (ranked, total)
        } else {
            let mut binds: Vec<String> = terms.clone();
            let mut weight = String::from("CASE p.term");
            for (i, t) in terms.iter().enumerate() {
                weight.push_str(&format!(" WHEN ${} THEN {:.6}", i + 1, idf(t)));
            }
            weight.push_str(" ELSE 0 END");
            let mut filter = String::new();
            let mut next = terms.len() + 1;
            let mut add = |cond: &str, value: &Option<String>, binds: &mut Vec<String>| {
                if let Some(v) = value.as_deref().filter(|s| !s.is_empty()) {
                    binds.push(v.to_owned());
                    filter.push_str(&cond.replace("$X", &format!("${next}")));
                    next += 1;
                }
            };
            add(
                " AND (d.body_code = $X OR d.body_name = $X)",
                &q.body,
                &mut binds,
            );
            add(" AND d.meeting_date >= $X", &q.from, &mut binds);
            add(" AND d.meeting_date <= $X", &q.to, &mut binds);
            add(" AND d.document_kind = $X", &q.kind, &mut binds);
            let join = if filter.is_empty() {
                ""
            } else {
                " JOIN search_docs d ON d.id = p.doc_id"
            };
            let sql = format!(
                "SELECT p.doc_id, SUM(CAST(({weight}) * p.impact AS DOUBLE PRECISION)) AS score, COUNT(*) OVER () AS total \
                 FROM search_postings p{join} WHERE p.term IN ({list}){filter} \
                 GROUP BY p.doc_id HAVING COUNT(*) = {} ORDER BY score DESC, p.doc_id DESC LIMIT {limit}",
                terms.len()
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for b in binds {
                query = query.bind(b);
            }
            let rows = query.fetch_all(&mut *conn).await?;
            let total = match rows.first() {
                Some(r) => r.try_get::<i64, _>(2)? as usize,
                None => 0,
            };
            let ranked = rows
                .iter()
                .map(|r| Ok((r.try_get::<i64, _>(0)?, number(r, 1)? / 1000.0)))
                .collect::<Result<Vec<_>, StoreError>>()?;
            (ranked, total)
        };
        self.hits(&mut conn, ranked, total, &terms).await
    }

    /// The ranked documents as hits with snippets.
    async fn hits(
        &self,
        conn: &mut sqlx::AnyConnection,
        ranked: Vec<(i64, f64)>,
        total: usize,
        terms: &[String],
    ) -> Result<Results, StoreError> {
        let mut hits = Vec::with_capacity(ranked.len());
        if ranked.is_empty() {
            return Ok(Results { total, hits });
        }
        let ids = ranked
            .iter()
            .map(|(d, _)| d.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id, meeting_id, item_id, body_name, meeting_date, document_kind, title, content FROM search_docs WHERE id IN ({ids})"
        )))
        .fetch_all(&mut *conn)
        .await?;
        let mut by_id: HashMap<i64, sqlx::any::AnyRow> = HashMap::new();
        for r in rows {
            by_id.insert(r.try_get(0)?, r);
        }
        for (doc, score) in ranked {
            let Some(r) = by_id.get(&doc) else { continue };
            let content: String = r.try_get(7)?;
            let (snippet, snippet_html) = snippet(&content, terms);
            hits.push(Hit {
                meeting_id: r.try_get(1)?,
                item_id: r.try_get(2)?,
                body: r.try_get(3)?,
                date: r.try_get(4)?,
                document_kind: r.try_get(5)?,
                title: r.try_get(6)?,
                snippet,
                snippet_html,
                score: (score * 1000.0).round() / 1000.0,
            });
        }
        Ok(Results { total, hits })
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// About 240 characters around the first matching word, with every match marked.
/// A number column that one engine returns as a float and the other as an integer.
fn number(r: &sqlx::any::AnyRow, i: usize) -> Result<f64, StoreError> {
    match r.try_get::<f64, _>(i) {
        Ok(v) => Ok(v),
        Err(_) => Ok(r.try_get::<i64, _>(i)? as f64),
    }
}

pub fn snippet(content: &str, terms: &[String]) -> (String, String) {
    let mut matches: Vec<(usize, usize)> = words(content)
        .filter(|(s, e)| term(&content[*s..*e]).is_some_and(|t| terms.contains(&t)))
        .collect();
    if term(SYNONYM.0).is_some_and(|t| terms.contains(&t)) {
        for (s, e) in phrase_spans(content) {
            matches.retain(|(ms, me)| *me <= s || *ms >= e);
            matches.push((s, e));
        }
        matches.sort();
    }
    let first = matches.first().map(|m| m.0).unwrap_or(0);
    let mut start = first.saturating_sub(100);
    while !content.is_char_boundary(start) {
        start -= 1;
    }
    if start > 0 {
        start = content[start..]
            .find(' ')
            .map(|p| start + p + 1)
            .unwrap_or(start);
    }
    let mut end = (first + 160).min(content.len());
    while !content.is_char_boundary(end) {
        end += 1;
    }
    if end < content.len() {
        end = content[..end]
            .rfind(' ')
            .filter(|p| *p > first)
            .unwrap_or(end);
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < content.len() { "…" } else { "" };
    let plain = format!("{prefix}{}{suffix}", content[start..end].replace('\n', " "));
    let mut html = String::from(prefix);
    let mut at = start;
    for (s, e) in matches.iter().filter(|(s, e)| *s >= start && *e <= end) {
        html.push_str(&escape(&content[at..*s]));
        html.push_str("<mark>");
        html.push_str(&escape(&content[*s..*e]));
        html.push_str("</mark>");
        at = *e;
    }
    html.push_str(&escape(&content[at..end]));
    html.push_str(suffix);
    (plain, html.replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_a_word_share_a_term() {
        assert_eq!(term("hemsjukvård"), term("hemsjukvården"));
        assert_eq!(term("överenskommelsen"), term("överenskommelser"));
        assert_eq!(term("och"), None);
    }

    #[test]
    fn the_formal_name_of_home_care_is_found_as_hemsjukvard() {
        let (terms, _) = analyze("Ny överenskommelse för hälso- och sjukvård i hemmet");
        assert!(terms.contains_key(&term("hemsjukvård").unwrap()));
        let (_, html) = snippet(
            "om hälso-och sjukvård i hemmet nu",
            &[term("hemsjukvård").unwrap()],
        );
        assert_eq!(html, "om <mark>hälso-och sjukvård i hemmet</mark> nu");
    }

    #[test]
    fn snippets_mark_every_match_and_escape_the_rest() {
        let terms = vec![term("hemsjukvård").unwrap()];
        let (plain, html) = snippet("Om <b> hemsjukvården & hemsjukvård.", &terms);
        assert_eq!(plain, "Om <b> hemsjukvården & hemsjukvård.");
        assert_eq!(
            html,
            "Om &lt;b&gt; <mark>hemsjukvården</mark> &amp; <mark>hemsjukvård</mark>."
        );
    }
}
