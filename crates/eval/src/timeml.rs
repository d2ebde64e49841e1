//! TempEval-3 TimeML: reading, writing (`claimtrail annotate --format timeml`) and scoring.
//!
//! Reading keeps a document's DCT (the value of the `<DCT><TIMEX3>`) and the
//! text of its `<TEXT>` element with every inline tag removed; gold TIMEX3s are
//! kept as byte spans of that text. Writing puts the engine's TIMEX3 tags
//! (tid, type, value, mod) into the same document. Scoring follows the
//! TempEval-3 definitions: strict (exact extent) and relaxed (overlapping
//! extent) precision, recall and F1, and type and value F1 over the relaxed
//! matches (`attribute F1 = relaxed F1 x attribute accuracy`); the
//! CREATION_TIME timex and empty (non-consuming) TIMEX3s are not scored.
//! Set `CLAIMTRAIL_EVAL_VERBOSE=1` to print every error (missed, spurious,
//! wrong extent, type or value) to stderr.

use crate::Report;
use anyhow::Context;
use chrono::NaiveDate;
use claimtrail_text::{Document, Metadata, Span};
use claimtrail_time::{TimeTagger, Timex};
use std::fmt::Write;
use std::path::{Path, PathBuf};

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

fn tag_text(text: &str, dct: Option<NaiveDate>, tagger: &TimeTagger) -> Vec<Timex> {
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

/// Counts of one scoring run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

/// Scores the tagger on every `.tml` file of `dir`; also returns one line per
/// error (missed, spurious, wrong extent, type or value) for inspection.
pub fn score(dir: &Path, tagger: &TimeTagger) -> anyhow::Result<(Counts, usize, Vec<String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the gold folder", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    if files.is_empty() {
        anyhow::bail!("{}: no .tml files", dir.display());
    }
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
        let doc = read(&src).with_context(|| format!("{}", path.display()))?;
        let system = tag_text(&doc.text, doc.dct, tagger);
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        score_document(&doc, &system, &mut counts, &mut |e| {
            errors.push(format!("{name}: {e}"))
        });
    }
    Ok((counts, files.len(), errors))
}

/// Adds one document's matches to `counts`, reporting errors to `err`.
fn score_document(
    doc: &TimeMl,
    system: &[Timex],
    counts: &mut Counts,
    err: &mut dyn FnMut(String),
) {
    let text = &doc.text;
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");
    // The creation time is not scored: neither its gold tag nor a system tag on it.
    let system: Vec<&Timex> = system
        .iter()
        .filter(|t| !doc.creation_spans.iter().any(|c| c.overlaps(t.span)))
        .collect();
    counts.gold += doc.timexes.len();
    counts.system += system.len();
    let mut gold_used = vec![false; doc.timexes.len()];
    for t in system {
        // exact match first, then the first overlapping unmatched gold
        let exact = doc
            .timexes
            .iter()
            .enumerate()
            .position(|(k, g)| !gold_used[k] && g.span == t.span);
        let found = exact.or_else(|| {
            doc.timexes
                .iter()
                .enumerate()
                .position(|(k, g)| !gold_used[k] && g.span.overlaps(t.span))
        });
        let Some(k) = found else {
            err(format!(
                "spurious  {:?} {} {}",
                slice(t.span),
                t.ttype.as_str(),
                t.value
            ));
            continue;
        };
        gold_used[k] = true;
        let g = &doc.timexes[k];
        counts.relaxed += 1;
        if g.span == t.span {
            counts.strict += 1;
        } else {
            err(format!(
                "extent    {:?} gold {:?}",
                slice(t.span),
                slice(g.span)
            ));
        }
        if g.ttype == t.ttype.as_str() {
            counts.type_ok += 1;
        } else {
            err(format!(
                "type      {:?} {} gold {}",
                slice(t.span),
                t.ttype.as_str(),
                g.ttype
            ));
        }
        if g.value == t.value {
            counts.value_ok += 1;
        } else {
            err(format!(
                "value     {:?} {} gold {} (dct {:?})",
                slice(t.span),
                t.value,
                g.value,
                doc.dct
            ));
        }
    }
    for (k, g) in doc.timexes.iter().enumerate() {
        if !gold_used[k] {
            err(format!(
                "missed    {:?} {} {}",
                slice(g.span),
                g.ttype,
                g.value
            ));
        }
    }
}

/// The TempEval-3 figures of `counts` as a report.
pub fn report(counts: &Counts, dataset: String) -> Report {
    let c = counts;
    let mut rep = Report::new("time (TempEval-3 TIMEX3)", dataset);
    rep.prf("strict", c.strict, c.system - c.strict, c.gold - c.strict);
    rep.prf(
        "relaxed",
        c.relaxed,
        c.system - c.relaxed,
        c.gold - c.relaxed,
    );
    let attribute = |ok: usize| {
        let acc = if c.relaxed == 0 {
            0.0
        } else {
            100.0 * ok as f64 / c.relaxed as f64
        };
        let f1 = if c.system + c.gold == 0 {
            0.0
        } else {
            200.0 * ok as f64 / (c.system + c.gold) as f64
        };
        [("accuracy", acc), ("F1", f1), ("correct", ok as f64)]
    };
    rep.row("type", &attribute(c.type_ok));
    rep.row("value", &attribute(c.value_ok));
    rep.notes.push(format!(
        "{} gold timexes, {} system timexes",
        c.gold, c.system
    ));
    rep.notes.push("relaxed = overlapping extent; type and value F1 = relaxed F1 x accuracy on relaxed matches".into());
    rep
}

/// Scores the time tagger on a folder of TimeML documents (default:
/// `data/meantime-en-timeml/gold`).
pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let dir = gold
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::data_dir().join("meantime-en-timeml/gold"));
    let (counts, docs, errors) = score(&dir, &TimeTagger::new())?;
    if verbose() {
        for e in &errors {
            eprintln!("{e}");
        }
    }
    Ok(report(
        &counts,
        format!("{} ({docs} documents)", dir.display()),
    ))
}

fn verbose() -> bool {
    std::env::var_os("CLAIMTRAIL_EVAL_VERBOSE").is_some_and(|v| v != "0")
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
    fn creation_time_inside_text_is_not_scored() {
        let src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1989-10-26\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT><TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1989-10-26\" functionInDocument=\"CREATION_TIME\">10/26/89</TIMEX3> Prices fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1989-10-25\">yesterday</TIMEX3>.</TEXT></TimeML>";
        let doc = read(src).unwrap();
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(doc.creation_spans, vec![Span::new(0, 8)]);
        let system = tag_text(&doc.text, doc.dct, &TimeTagger::new());
        assert_eq!(system.len(), 2, "{system:?}");
        let mut counts = Counts::default();
        score_document(&doc, &system, &mut counts, &mut |_| {});
        assert_eq!((counts.system, counts.strict, counts.value_ok), (1, 1, 1));
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

    #[test]
    fn scoring_counts_strict_relaxed_and_values() {
        let doc = read(DOC).unwrap();
        let t = |a: usize, b: usize, v: &str| Timex {
            span: Span::new(a, b),
            ttype: claimtrail_time::TimexType::Date,
            value: v.to_string(),
            modifier: None,
            interval: None,
        };
        let today = doc.text.find("today").unwrap();
        let june = doc.text.find("June").unwrap();
        let close = doc.text.find("close").unwrap();
        let system = [
            t(today, today + 5, "2009-05-14"),
            t(june, june + 4, "2009-07"),
            t(close, close + 5, "X"),
        ];
        let mut counts = Counts::default();
        let mut errors = Vec::new();
        score_document(&doc, &system, &mut counts, &mut |e| errors.push(e));
        assert_eq!(
            counts,
            Counts {
                gold: 2,
                system: 3,
                strict: 1,
                relaxed: 2,
                type_ok: 2,
                value_ok: 1
            }
        );
        assert_eq!(errors.len(), 3, "{errors:?}");
        let rep = report(&counts, "test".into());
        assert_eq!(rep.rows[0].label, "strict");
        let value_f1 = rep.rows[3].values[1].1;
        assert!((value_f1 - 40.0).abs() < 1e-9);
    }

    /// The bundled MEANTIME TimeML gold stays well above HeidelTime's figures
    /// there (relaxed 73.3, strict 67.3, value 61.9).
    #[test]
    fn meantime_floor() {
        let dir = crate::data_dir().join("meantime-en-timeml/gold");
        let (c, docs, _) = score(&dir, &TimeTagger::new()).unwrap();
        assert_eq!((docs, c.gold), (120, 486));
        let f1 = |ok: usize| 200.0 * ok as f64 / (c.system + c.gold) as f64;
        assert!(f1(c.strict) >= 90.0, "strict F1 {}", f1(c.strict));
        assert!(f1(c.relaxed) >= 93.0, "relaxed F1 {}", f1(c.relaxed));
        assert!(f1(c.value_ok) >= 86.0, "value F1 {}", f1(c.value_ok));
    }

    /// Prints every error on the bundled MEANTIME TimeML gold:
    /// `cargo test -p claimtrail-eval timeml::tests::meantime_errors -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn meantime_errors() {
        let dir = std::env::var_os("TIMEML_GOLD")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate::data_dir().join("meantime-en-timeml/gold"));
        let (counts, docs, errors) = score(&dir, &TimeTagger::new()).unwrap();
        for e in &errors {
            println!("{e}");
        }
        println!("{}", report(&counts, format!("{docs} docs")));
    }
}
