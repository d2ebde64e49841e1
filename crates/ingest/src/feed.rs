//! RSS and Atom feeds (`.rss`, `.atom`, `.xml`): each item becomes a document
//! from its content (else its summary), with its title as the first
//! paragraph, its link, its publication date (else its update date) and the
//! feed's title as the outlet. Item `n` (from 1) is named `path#n`.

use crate::html::fragment_paragraphs;
use crate::IngestError;
use claimtrail_text::{Document, Metadata};
use std::path::{Path, PathBuf};

pub(crate) fn read(path: &Path, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            let reason = format!("not a readable RSS or Atom feed ({e})");
            return vec![Err(IngestError::BadFeed {
                path: path.to_path_buf(),
                reason,
            })];
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    if feed.entries.is_empty() {
        return vec![Err(IngestError::NoText {
            path: path.to_path_buf(),
        })];
    }
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let label = PathBuf::from(format!("{}#{}", path.display(), i + 1));
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .filter(|b| !b.trim().is_empty())
                .or(entry.summary.as_ref().map(|s| s.content.as_str()))
                .unwrap_or("");
            let paragraphs = fragment_paragraphs(body);
            if paragraphs.is_empty() {
                return Err(IngestError::NoText { path: label });
            }
            let title = entry
                .title
                .as_ref()
                .map(|t| plain(&t.content))
                .filter(|t| !t.is_empty());
            let text = match &title {
                Some(t) => format!("{t}\n\n{}", paragraphs.join("\n\n")),
                None => paragraphs.join("\n\n"),
            };
            let url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_string());
            let meta = Metadata {
                title,
                published: entry.published.or(entry.updated).map(|d| d.date_naive()),
                url,
                outlet: outlet.clone(),
                path: Some(label.display().to_string()),
            };
            Ok(Document::new(text, meta))
        })
        .collect()
}

/// A title as plain text (feeds may carry HTML in titles).
fn plain(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        fragment_paragraphs(s).join(" ")
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}
