//! A guard against pathologically deep pages.
//!
//! The HTML parser checks "is there a `<p>` in scope" by scanning its stack of
//! open elements for every block start tag, so a page of many thousands of
//! nested `<div>`s costs time quadratic in the nesting. Real pages nest a few
//! dozen levels; when a cheap scan finds nesting past [`MAX_DEPTH`], the
//! container tags are flattened into paragraph breaks before parsing, which
//! keeps the text and the paragraphs and bounds the time. Likewise thousands
//! of unclosed formatting tags (`<b>`, `<font>`) make the parser reopen all of
//! them at every paragraph; past the same limit they are dropped (they hold
//! no text of their own).

use crate::load::find_bytes;
use std::borrow::Cow;

const MAX_DEPTH: usize = 512;

/// Container tags that pages nest deeply and that trigger the parser's scope scans.
fn is_container(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "section"
            | "article"
            | "aside"
            | "main"
            | "nav"
            | "header"
            | "footer"
            | "table"
            | "tbody"
            | "tr"
            | "td"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dd"
            | "dt"
            | "blockquote"
            | "form"
            | "fieldset"
            | "details"
            | "figure"
            | "center"
            | "address"
            | "p"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// Formatting tags that the parser re-opens after every block while unclosed.
fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Container,
    Formatting,
    Other,
}

/// A tag found by the scan: where it is and what kind of tag it is.
struct Tag {
    start: usize,
    end: usize,
    closing: bool,
    class: Class,
}

/// Scans tags with a byte loop: comments and the bodies of scripts and styles
/// are skipped; the scan need not be exact, only linear.
fn tags(page: &str) -> Vec<Tag> {
    let b = page.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + off;
        if b[start..].starts_with(b"<!--") {
            i = find_bytes(b, start + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        let closing = b.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + closing as usize;
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let name = page[name_start..name_start + name_len].to_ascii_lowercase();
        let end = b[name_start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |p| name_start + p + 1);
        let class = if is_container(&name) {
            Class::Container
        } else if is_formatting(&name) {
            Class::Formatting
        } else {
            Class::Other
        };
        out.push(Tag {
            start,
            end,
            closing,
            class,
        });
        i = end;
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = find_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        }
    }
    out
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// The deepest nesting of tags of one class (closing tags without an
/// opening one are ignored).
fn max_depth(tags: &[Tag], class: Class) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    for t in tags.iter().filter(|t| t.class == class) {
        if t.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The page as is, or with deeply nested tags flattened (containers become
/// paragraph breaks, formatting tags go).
pub(crate) fn flatten_if_deep(page: &str) -> Cow<'_, str> {
    let tags = tags(page);
    let flatten_containers = max_depth(&tags, Class::Container) > MAX_DEPTH;
    let drop_formatting = max_depth(&tags, Class::Formatting) > MAX_DEPTH;
    if !flatten_containers && !drop_formatting {
        return Cow::Borrowed(page);
    }
    let mut out = String::with_capacity(page.len());
    let mut last = 0;
    for t in &tags {
        let replacement = match t.class {
            Class::Container if flatten_containers => {
                if t.closing {
                    "</p>"
                } else {
                    "<p>"
                }
            }
            Class::Formatting if drop_formatting => "",
            _ => continue,
        };
        out.push_str(&page[last..t.start]);
        out.push_str(replacement);
        last = t.end;
    }
    out.push_str(&page[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<div><p>a</p><!-- <div><div> --><script>'<div>'</script></div>";
        assert!(matches!(flatten_if_deep(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_are_flattened() {
        let page = format!(
            "{}text{}",
            "<div class=x>".repeat(600),
            "</div>".repeat(600)
        );
        let flat = flatten_if_deep(&page);
        assert!(!flat.contains("<div"));
        assert!(flat.contains("text"));
        let page = format!("{}<p>text</p>", "<b id=x>".repeat(600));
        let flat = flatten_if_deep(&page);
        assert_eq!(flat, "<p>text</p>");
    }
}
