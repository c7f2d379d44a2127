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
            .map(|i| engine.placeholders(i * 3 + 1, 3))
            .collect();
        let sql = format!(
            "INSERT INTO search_postings (term, doc_id, tf) VALUES {}",
            rows.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (t, tf) in chunk {
            q = q.bind(t.clone()).bind(id).bind(*tf);
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
        let n_docs: i64 = sqlx::query("SELECT COUNT(*) FROM search_docs")
            .fetch_one(&mut *conn)
            .await?
            .try_get(0)?;
        let mut filter = String::new();
        let mut binds: Vec<String> = Vec::new();
        if let Some(b) = q.body.as_deref().filter(|b| !b.is_empty()) {
            binds.push(b.to_owned());
            filter.push_str(&format!(
                " AND (d.body_code = ${0} OR d.body_name = ${0})",
                binds.len() + 1
            ));
        }
        if let Some(f) = q.from.as_deref().filter(|s| !s.is_empty()) {
            binds.push(f.to_owned());
            filter.push_str(&format!(" AND d.meeting_date >= ${}", binds.len() + 1));
        }
        if let Some(t) = q.to.as_deref().filter(|s| !s.is_empty()) {
            binds.push(t.to_owned());
            filter.push_str(&format!(" AND d.meeting_date <= ${}", binds.len() + 1));
        }
        if let Some(k) = q.kind.as_deref().filter(|s| !s.is_empty()) {
            binds.push(k.to_owned());
            filter.push_str(&format!(" AND d.document_kind = ${}", binds.len() + 1));
        }
        let sql = format!(
            "SELECT p.doc_id, p.tf, d.length FROM search_postings p JOIN search_docs d ON d.id = p.doc_id \
             WHERE p.term = $1{filter}"
        );
        // score per document, and how many of the terms it has
        let mut scores: HashMap<i64, (f64, usize)> = HashMap::new();
        for t in &terms {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(t.clone());
            for b in &binds {
                query = query.bind(b.clone());
            }
            let rows = query.fetch_all(&mut *conn).await?;
            let df = rows.len() as f64;
            let idf = ((n_docs as f64 - df + 0.5) / (df + 0.5) + 1.0).ln();
            for r in rows {
                let doc: i64 = r.try_get(0)?;
                let tf: i64 = r.try_get(1)?;
                let len: i64 = r.try_get(2)?;
                let tf = tf as f64;
                let norm = 1.2 * (0.25 + 0.75 * (len as f64 / 300.0));
                let e = scores.entry(doc).or_insert((0.0, 0));
                e.0 += idf * tf * 2.2 / (tf + norm);
                e.1 += 1;
            }
        }
        let mut ranked: Vec<(i64, f64)> = scores
            .into_iter()
            .filter(|(_, (_, n))| *n == terms.len())
            .map(|(d, (s, _))| (d, s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let total = ranked.len();
        ranked.truncate(q.limit.clamp(1, 200));
        let mut hits = Vec::with_capacity(ranked.len());
        for (doc, score) in ranked {
            let r = sqlx::query(
                "SELECT meeting_id, item_id, body_name, meeting_date, document_kind, title, content FROM search_docs WHERE id = $1",
            )
            .bind(doc)
            .fetch_one(&mut *conn)
            .await?;
            let content: String = r.try_get(6)?;
            let (snippet, snippet_html) = snippet(&content, &terms);
            hits.push(Hit {
                meeting_id: r.try_get(0)?,
                item_id: r.try_get(1)?,
                body: r.try_get(2)?,
                date: r.try_get(3)?,
                document_kind: r.try_get(4)?,
                title: r.try_get(5)?,
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
