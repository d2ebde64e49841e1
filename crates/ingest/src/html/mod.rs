//! HTML pages: decoding, metadata and main-text extraction.
//!
//! A page becomes a document whose text is the headline (as the first
//! paragraph, so that headline attribution works) followed by the article's
//! paragraphs, separated by blank lines.

mod charset;
mod classes;
mod content;
mod dom;
mod guard;
mod meta;
mod render;

pub use meta::PageMeta;

use crate::IngestError;
use claimtrail_text::{Document, Metadata};
use scraper::Html;

/// What was extracted from one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub meta: PageMeta,
    /// The main text, one paragraph per entry, without the headline.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The main text: paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The document text: the headline, then the body.
    pub fn text(&self) -> String {
        match &self.meta.title {
            Some(t) if !self.paragraphs.is_empty() => format!("{t}\n\n{}", self.body()),
            _ => self.body(),
        }
    }
}

/// Extracts metadata and main text from a page's bytes. `charset` is the
/// transport's declared encoding (an HTTP header), when known.
pub fn extract_bytes(bytes: &[u8], charset: Option<&str>) -> Article {
    extract(&charset::decode(bytes, charset))
}

/// Extracts metadata and main text from a decoded page.
pub fn extract(page: &str) -> Article {
    let html = Html::parse_document(&guard::flatten_if_deep(page));
    let meta = meta::page_meta(&html);
    let dom = dom::Dom::from_html(&html);
    drop(html);
    let mut paragraphs = content::main_text(&dom);
    // Pages rendered by script carry the text in JSON-LD only: when the
    // publisher's own `articleBody` is much longer than what the page shows,
    // it is the better text.
    if let Some(body) = &meta.article_body {
        let shown: usize = paragraphs.iter().map(|p| p.len()).sum();
        if body.len() >= 500 && shown * 2 < body.len() {
            let from_ld = if body.contains('<') {
                fragment_paragraphs(body)
            } else {
                body.lines()
                    .map(meta::clean)
                    .filter(|l| !l.is_empty())
                    .collect()
            };
            if !from_ld.is_empty() {
                paragraphs = from_ld;
            }
        }
    }
    // The headline goes first in the document text: drop its copy from the body.
    if let (Some(title), Some(first)) = (&meta.title, paragraphs.first()) {
        if first.trim() == title.trim() {
            paragraphs.remove(0);
        }
    }
    Article { meta, paragraphs }
}

/// The text of an HTML fragment (a feed item's content, an HTML title) as
/// paragraphs, without main-text selection.
pub fn fragment_paragraphs(fragment: &str) -> Vec<String> {
    let html = Html::parse_document(&guard::flatten_if_deep(fragment));
    content::all_text(&dom::Dom::from_html(&html))
}

/// Builds a document from a page; `label` names the file (and record) in errors
/// and in `Metadata::path`, `url` is the address it was fetched from, if known.
pub(crate) fn read(
    label: &std::path::Path,
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<Document, IngestError> {
    let article = extract_bytes(bytes, charset);
    if article.paragraphs.iter().all(|p| p.trim().is_empty()) {
        return Err(IngestError::NoText {
            path: label.to_path_buf(),
        });
    }
    let text = article.text();
    let m = article.meta;
    let meta = Metadata {
        title: m.title,
        published: m.published,
        url: m.url.or_else(|| url.map(str::to_string)),
        outlet: m.outlet,
        path: Some(label.display().to_string()),
    };
    Ok(Document::new(text, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_body_for_script_rendered_pages() {
        let body =
            "First paragraph of the report, which is long enough to count as prose here.\n\n"
                .repeat(8);
        let page = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Shell page","articleBody":{}}}</script></head>
            <body><div id="root">Loading…</div></body></html>"#,
            serde_json::to_string(&body).unwrap()
        );
        let article = extract(&page);
        assert_eq!(article.paragraphs.len(), 8);
        assert!(article.paragraphs[0].starts_with("First paragraph of the report"));
        assert!(article.text().starts_with("Shell page\n\nFirst paragraph"));
    }
}
