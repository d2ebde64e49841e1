//! What the page calls a document: its title, or, when it has none, the first
//! words of its text, so that an untitled article is never shown as its hash.

use crate::error::ApiResult;
use claimtrail_ledger::{ClaimRecord, DocumentRef, DocumentSummary, Store};
use serde_json::Value;
use std::collections::HashMap;

/// Words of the text that name an untitled document.
pub const LABEL_WORDS: usize = 10;

/// The first `n` words of the first non-blank line of `text`, with "…" when
/// the line goes on; None for a text of white space only.
pub fn first_words(text: &str, n: usize) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let mut words = line.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let more = words.next().is_some();
    Some(head.join(" ") + if more { " …" } else { "" })
}

/// The labels of the untitled documents among `refs`, by document id: one
/// read of the stored text per distinct untitled document.
pub(crate) fn untitled<'a, S: Store + ?Sized>(
    store: &S,
    refs: impl IntoIterator<Item = &'a DocumentRef>,
) -> ApiResult<HashMap<String, String>> {
    let mut labels = HashMap::new();
    for doc in refs {
        if doc.title.is_some() || labels.contains_key(&doc.id) {
            continue;
        }
        let text = store.document(&doc.id)?.map(|(_, text)| text);
        if let Some(label) = text.as_deref().and_then(|t| first_words(t, LABEL_WORDS)) {
            labels.insert(doc.id.clone(), label);
        }
    }
    Ok(labels)
}

/// The label of `doc`: its title, else its entry in `labels`.
fn label_of(doc: &DocumentRef, labels: &HashMap<String, String>) -> Value {
    doc.title
        .clone()
        .or_else(|| labels.get(&doc.id).cloned())
        .map_or(Value::Null, Value::String)
}

/// Document summaries as JSON, each with its `label`.
pub(crate) fn summaries<S: Store + ?Sized>(
    store: &S,
    docs: &[DocumentSummary],
) -> ApiResult<Vec<Value>> {
    let labels = untitled(store, docs.iter().map(|d| &d.document))?;
    docs.iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).map_err(crate::ApiError::internal)?;
            v["label"] = label_of(&d.document, &labels);
            Ok(v)
        })
        .collect()
}

/// Claim records as JSON, each `document` with its `label`.
pub(crate) fn claims<S: Store + ?Sized>(
    store: &S,
    claims: &[ClaimRecord],
) -> ApiResult<Vec<Value>> {
    let labels = untitled(store, claims.iter().map(|c| &c.document))?;
    claims
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).map_err(crate::ApiError::internal)?;
            v["document"]["label"] = label_of(&c.document, &labels);
            Ok(v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_of_the_first_line() {
        assert_eq!(
            first_words("\n\n  Rain fell on the hills all night.\nMore.", 4).as_deref(),
            Some("Rain fell on the …")
        );
        assert_eq!(
            first_words("Short line\n", 10).as_deref(),
            Some("Short line")
        );
        assert_eq!(first_words(" \n\t\n", 10), None);
    }
}
