//! The best documents that contain every word of a query, without ranking every
//! match: Fagin's threshold algorithm over the postings in impact order. Each word's
//! postings are read best first in small pages; every document met is scored at once
//! by looking its other words up; reading stops when the k-th best score is at least
//! what any unread document could still reach. Ranking: score, then the newer
//! document (higher id) first.

use crate::StoreError;
use sqlx::Row;
use std::collections::{HashMap, HashSet};

/// Postings read per word and round.
const PAGE: i64 = 64;

/// One word's cursor: the last (impact, doc) read, and whether its list is done.
struct Cursor {
    term: String,
    last: Option<(i64, i64)>,
    done: bool,
}

/// Scores a document from its impacts per word, always in the words' order, so equal
/// impacts give exactly equal scores (the stopping test compares with `==`).
fn score(weights: &[f64], impacts: &[i64]) -> f64 {
    weights
        .iter()
        .zip(impacts)
        .map(|(w, i)| w * *i as f64)
        .sum()
}

/// The `k` best of the documents holding every term, as (doc id, score × 1000).
pub async fn conjunctive(
    conn: &mut sqlx::AnyConnection,
    terms: &[(String, f64)],
    k: usize,
) -> Result<Vec<(i64, f64)>, StoreError> {
    let weights: Vec<f64> = terms.iter().map(|(_, w)| *w).collect();
    let mut cursors: Vec<Cursor> = terms
        .iter()
        .map(|(t, _)| Cursor {
            term: t.clone(),
            last: None,
            done: false,
        })
        .collect();
    let mut seen: HashSet<i64> = HashSet::new();
    let mut best: Vec<(i64, f64)> = Vec::new();
    let term_list = (0..terms.len())
        .map(|i| format!("${}", i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    loop {
        let mut fresh: Vec<i64> = Vec::new();
        for c in cursors.iter_mut().filter(|c| !c.done) {
            let rows = match c.last {
                None => sqlx::query("SELECT doc_id, impact FROM search_postings WHERE term = $1 ORDER BY impact DESC, doc_id DESC LIMIT $2")
                    .bind(c.term.clone())
                    .bind(PAGE)
                    .fetch_all(&mut *conn)
                    .await?,
                Some((impact, doc)) => sqlx::query(
                    "SELECT doc_id, impact FROM search_postings WHERE term = $1 AND (impact < $2 OR (impact = $2 AND doc_id < $3)) \
                     ORDER BY impact DESC, doc_id DESC LIMIT $4",
                )
                .bind(c.term.clone())
                .bind(impact)
                .bind(doc)
                .bind(PAGE)
                .fetch_all(&mut *conn)
                .await?,
            };
            if (rows.len() as i64) < PAGE {
                c.done = true;
            }
            for r in &rows {
                let doc: i64 = r.try_get(0)?;
                c.last = Some((r.try_get(1)?, doc));
                if seen.insert(doc) {
                    fresh.push(doc);
                }
            }
        }
        if !fresh.is_empty() {
            // every word's impact in the new documents, in one lookup
            let docs = fresh
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT doc_id, term, impact FROM search_postings WHERE term IN ({term_list}) AND doc_id IN ({docs})"
            )));
            for (t, _) in terms {
                q = q.bind(t.clone());
            }
            let mut impacts: HashMap<i64, Vec<Option<i64>>> = HashMap::new();
            for r in q.fetch_all(&mut *conn).await? {
                let doc: i64 = r.try_get(0)?;
                let term: String = r.try_get(1)?;
                if let Some(pos) = terms.iter().position(|(t, _)| *t == term) {
                    impacts
                        .entry(doc)
                        .or_insert_with(|| vec![None; terms.len()])[pos] = Some(r.try_get(2)?);
                }
            }
            for (doc, per_term) in impacts {
                let Some(all) = per_term.into_iter().collect::<Option<Vec<i64>>>() else {
                    continue;
                };
                best.push((doc, score(&weights, &all)));
            }
            best.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
            best.truncate(k);
        }
        // A list read to its end means every document with all the words is seen.
        if cursors.iter().any(|c| c.done) {
            break;
        }
        if best.len() == k {
            let threshold: f64 = {
                let bounds: Vec<i64> = cursors
                    .iter()
                    .map(|c| c.last.map_or(i64::MAX, |l| l.0))
                    .collect();
                score(&weights, &bounds)
            };
            let (kth_doc, kth) = best[k - 1];
            let lowest_read = cursors
                .iter()
                .filter_map(|c| c.last.map(|l| l.1))
                .min()
                .unwrap_or(i64::MAX);
            // an unread document scores at most the threshold, and when it ties, its id
            // is below every list's last read id, so it ranks after the k-th
            if kth > threshold || (kth == threshold && kth_doc >= lowest_read) {
                break;
            }
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    #[test]
    fn equal_impacts_score_exactly_equal() {
        let w = [1.234_567, 0.891_011];
        assert_eq!(super::score(&w, &[700, 300]), super::score(&w, &[700, 300]));
    }
}
