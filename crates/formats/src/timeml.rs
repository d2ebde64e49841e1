//! TempEval-3 TimeML: reading a document (its DCT, the text of `<TEXT>` and
//! its gold TIMEX3s) and writing the time tagger's TIMEX3s into it
//! (`claimtrail annotate --format timeml`).
//!
//! Reading keeps a document's DCT (the value of the `<DCT><TIMEX3>`) and the
//! text of its `<TEXT>` element with every inline tag removed; gold TIMEX3s are
//! kept as byte spans of that text. Writing puts the engine's TIMEX3 tags
//! (tid, type, value, mod) into the same document. The scorer is
//! `claimtrail_eval::timeml`.

use anyhow::Context;
use chrono::NaiveDate;
use claimtrail_text::{Document, Metadata, Span};
use claimtrail_time::{TimeTagger, Timex};
use std::fmt::Write;

/// A gold TIMEX3 of a TimeML document: its extent in the stripped text.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldTimex {
    pub span: Span,
    pub ttype: String,
    pub value: String,
}

/// A TimeML document, read.
#[derive(Clone, Debug)]
pub struct TimeMl {
    /// The document creation time, from `<DCT>`.
    pub dct: Option<NaiveDate>,
    /// The content of `<TEXT>` with all inline tags removed and entities decoded.
    pub text: String,
    /// The text-consuming TIMEX3s inside `<TEXT>` (not CREATION_TIME).
    pub timexes: Vec<GoldTimex>,
    /// Where a CREATION_TIME TIMEX3 sits inside `<TEXT>` (TimeBank puts some
    /// datelines there): not scored, for the gold or the system.
    pub creation_spans: Vec<Span>,
    /// The source up to and including `<TEXT>` (with its tag attributes).
    head: String,
    /// The source from `</TEXT>` on.
    tail: String,
}

/// Reads a TempEval-3 TimeML document.
pub fn read(src: &str) -> anyhow::Result<TimeMl> {
    let open = find_tag(src, "TEXT", 0).context("no <TEXT> element")?;
    let body_start = open.1;
    let close = src[body_start..].find("</TEXT>").context("no </TEXT>")? + body_start;
    let dct = read_dct(src);
    let (text, timexes, creation_spans) = strip(&src[body_start..close]);
    Ok(TimeMl {
        dct,
        text,
        timexes,
        creation_spans,
        head: src[..body_start].to_string(),
        tail: src[close..].to_string(),
    })
}

/// The start of `<NAME` (followed by `>`, space or `/`) at or after `from`,
/// and the byte after its closing `>`.
fn find_tag(src: &str, name: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(k) = src[at..].find('<') {
        let start = at + k;
        let rest = &src[start + 1..];
        if rest.starts_with(name)
            && rest[name.len()..].starts_with(['>', ' ', '/', '\t', '\n', '\r'])
        {
            let end = src[start..].find('>')? + start + 1;
            return Some((start, end));
        }
        at = start + 1;
    }
    None
}

fn read_dct(src: &str) -> Option<NaiveDate> {
    let (_, after) = find_tag(src, "DCT", 0)?;
    let end = src[after..].find("</DCT>")? + after;
    let inner = &src[after..end];
    let (t0, t1) = find_tag(inner, "TIMEX3", 0)?;
    let value = attribute(&inner[t0..t1], "value")?;
    NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
}

/// The value of attribute `name` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut at = 0;
    while let Some(k) = tag[at..].find(name) {
        let p = at + k;
        let before_ok = p > 0 && tag.as_bytes()[p - 1].is_ascii_whitespace();
        let rest = tag[p + name.len()..].trim_start();
        if before_ok {
            if let Some(rest) = rest.strip_prefix('=') {
                let rest = rest.trim_start();
                let q = rest.chars().next()?;
                if q == '"' || q == '\'' {
                    let v = &rest[1..];
                    return v.find(q).map(|e| &v[..e]);
                }
            }
        }
        at = p + name.len();
    }
    None
}

/// Removes the tags of a TEXT body: returns the decoded text, its
/// text-consuming TIMEX3s and the spans of CREATION_TIME ones.
fn strip(body: &str) -> (String, Vec<GoldTimex>, Vec<Span>) {
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut creation_spans = Vec::new();
    let mut open: Option<(usize, String, String, bool)> = None;
    let mut pos = 0;
    while pos < body.len() {
        let Some(k) = body[pos..].find('<') else {
            decode_into(&body[pos..], &mut text);
            break;
        };
        decode_into(&body[pos..pos + k], &mut text);
        let start = pos + k;
        let Some(len) = body[start..].find('>') else {
            decode_into(&body[start..], &mut text);
            break;
        };
        let tag = &body[start..start + len + 1];
        pos = start + len + 1;
        if tag.starts_with("<TIMEX3") && !tag.ends_with("/>") {
            let ttype = attribute(tag, "type").unwrap_or("").to_string();
            let value = attribute(tag, "value").unwrap_or("").to_string();
            let creation = attribute(tag, "functionInDocument") == Some("CREATION_TIME");
            open = Some((text.len(), ttype, value, creation));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((s, ttype, value, creation)) = open.take() {
                let span = Span::new(s, text.len());
                if creation {
                    creation_spans.push(span);
                } else if text.len() > s {
                    timexes.push(GoldTimex { span, ttype, value });
                }
            }
        }
    }
    (text, timexes, creation_spans)
}

/// Appends `s` with XML entities decoded.
fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        // Entity names are short: look for the ';' in the first bytes (a byte
        // search, so a multi-byte character there cannot split a slice).
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            c => escape_into(c.encode_utf8(&mut [0; 4]), &mut out),
        }
    }
    out
}

/// `text` with the timexes as inline TIMEX3 tags (tids from t1), escaped.
fn tagged_text(text: &str, timexes: &[Timex]) -> String {
    let mut out = String::with_capacity(text.len() + 64 * timexes.len());
    let mut pos = 0;
    for (n, t) in timexes.iter().enumerate() {
        if t.span.start < pos || t.span.end > text.len() || t.span.is_empty() {
            continue;
        }
        escape_into(&text[pos..t.span.start], &mut out);
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"",
            n + 1,
            t.ttype.as_str(),
            escape_attr(&t.value)
        );
        if let Some(m) = t.modifier {
            let _ = write!(out, " mod=\"{}\"", m.as_str());
        }
        out.push('>');
        escape_into(&text[t.span.start..t.span.end], &mut out);
        out.push_str("</TIMEX3>");
        pos = t.span.end;
    }
    escape_into(&text[pos..], &mut out);
    out
}

/// The time tagger's TIMEX3s in `text`, anchored at `dct`.
pub fn tag_text(text: &str, dct: Option<NaiveDate>, tagger: &TimeTagger) -> Vec<Timex> {
    let doc = Document::new(
        text.to_string(),
        Metadata {
            published: dct,
            ..Metadata::default()
        },
    );
    tagger.tag(&doc)
}

/// Annotates a TimeML document (`is_timeml`) or plain text with the tagger's TIMEX3 tags.
///
/// TimeML input keeps everything outside `<TEXT>` except link and instance
/// elements (they point to tags that are removed); `dct` overrides the
/// document's DCT. Plain text becomes a TimeML document with `dct` as DCT.
pub fn annotate(
    input: &str,
    dct: Option<NaiveDate>,
    is_timeml: bool,
    tagger: &TimeTagger,
) -> anyhow::Result<String> {
    if is_timeml {
        let doc = read(input)?;
        let anchor = dct.or(doc.dct);
        let timexes = tag_text(&doc.text, anchor, tagger);
        let mut out = String::with_capacity(input.len() * 2);
        out.push_str(&doc.head);
        out.push_str(&tagged_text(&doc.text, &timexes));
        out.push_str(&without_links(&doc.tail));
        return Ok(out);
    }
    let timexes = tag_text(input, dct, tagger);
    let mut out = String::with_capacity(input.len() * 2 + 400);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n");
    if let Some(d) = dct {
        let d = d.format("%Y-%m-%d");
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    out.push_str(&tagged_text(input, &timexes));
    out.push_str("</TEXT>\n</TimeML>\n");
    Ok(out)
}

/// Drops TLINK, SLINK, ALINK and MAKEINSTANCE elements (one per line in TimeBank).
fn without_links(tail: &str) -> String {
    tail.split_inclusive('\n')
        .filter(|line| {
            let l = line.trim_start();
            !["<TLINK", "<SLINK", "<ALINK", "<MAKEINSTANCE"]
                .iter()
                .any(|t| l.starts_with(t))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-05-14\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">2009-05-14</TIMEX3></DCT>\n<TEXT>\nAT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2009-05-14\">today</TIMEX3> it will <EVENT eid=\"e1\">close</EVENT> by <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2009-06\">early June</TIMEX3><TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2009\" />.\n</TEXT>\n<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n</TimeML>\n";

    #[test]
    fn reads_dct_text_and_gold() {
        let doc = read(DOC).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2009, 5, 14));
        assert_eq!(doc.text, "\nAT&T said today it will close by early June.\n");
        let spans: Vec<&str> = doc
            .timexes
            .iter()
            .map(|t| &doc.text[t.span.start..t.span.end])
            .collect();
        assert_eq!(spans, ["today", "early June"]);
        assert_eq!(doc.timexes[1].value, "2009-06");
    }

    #[test]
    fn writes_engine_tags_and_drops_old_ones() {
        let out = annotate(DOC, None, true, &TimeTagger::new()).unwrap();
        assert!(out.contains("AT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2009-05-14\">today</TIMEX3>"), "{out}");
        assert!(out.contains("mod=\"START\">early June</TIMEX3>"), "{out}");
        assert!(!out.contains("<EVENT") && !out.contains("<TLINK"), "{out}");
        assert!(out.contains("<DCT><TIMEX3 tid=\"t0\""));
        // the output reads back with the same text
        let again = read(&out).unwrap();
        assert_eq!(again.text, read(DOC).unwrap().text);
        assert_eq!(again.timexes.len(), 2);
    }

    #[test]
    fn creation_time_inside_text_is_kept_apart() {
        let src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1989-10-26\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT><TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1989-10-26\" functionInDocument=\"CREATION_TIME\">10/26/89</TIMEX3> Prices fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1989-10-25\">yesterday</TIMEX3>.</TEXT></TimeML>";
        let doc = read(src).unwrap();
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(doc.creation_spans, vec![Span::new(0, 8)]);
    }

    #[test]
    fn entities_beside_multibyte_text() {
        let mut out = String::new();
        decode_into("&ééééééééé; &#233; &unknown;", &mut out);
        assert_eq!(out, "&ééééééééé; é &unknown;");
        let src = "<TimeML><TEXT>Caf&éééééé; &amp; <TIMEX3 type=\"DATE\" value=\"2009\">2009</TIMEX3></TEXT></TimeML>";
        let doc = read(src).unwrap();
        assert_eq!(doc.text, "Caf&éééééé; & 2009");
    }

    #[test]
    fn plain_text_with_dct() {
        let dct = NaiveDate::from_ymd_opt(2024, 10, 20);
        let out = annotate("On 8 October, <it> rained.", dct, false, &TimeTagger::new()).unwrap();
        assert!(out.contains("value=\"2024-10-20\""));
        assert!(out.contains("On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-10-08\">8 October</TIMEX3>, &lt;it&gt; rained."), "{out}");
    }
}
