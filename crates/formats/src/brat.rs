//! BRAT standoff for attribution (`claimtrail annotate --format brat`), and a
//! reader of the same convention for the gold set and the scorer.
//!
//! The convention (data/seed/*.ann, data/attribution-gold/GUIDELINES.md):
//! per attribution, text-bound `Source` (when the speaker is written),
//! `Cue` and `Content` spans and an `Attribution` trigger on the cue's
//! characters, tied by an event `E<n> Attribution:T Content:T Cue:T [Source:T]`;
//! an `A<n> Stance E<n> <stance>` attribute, `A<n> Hedged E<n>` when hedged, and
//! the speaker's canonical name as `#<n> AnnotatorNotes T<source>` (on the
//! trigger when there is no Source span). Offsets are characters (Unicode
//! scalars), end exclusive. A span cannot hold a line break, so a span that
//! crosses one is written as fragments `start end;start end`, one per line.

use claimtrail_attribution::AttributionLayer;
use claimtrail_entities::EntityLayer;
use claimtrail_text::{Document, Span};
use std::collections::HashMap;
use std::fmt::Write as _;

/// A character span `[start, end)`.
pub type Frag = (usize, usize);

/// The `.ann` text for a document's attributions.
pub fn write_ann(
    doc: &Document,
    entities: &EntityLayer,
    attributions: &AttributionLayer,
) -> String {
    let mut out = String::new();
    let (mut t, mut e, mut a, mut n) = (0, 0, 0, 0);
    let mut tline = |out: &mut String, label: &str, frags: &[Frag]| -> Option<usize> {
        if frags.is_empty() {
            return None;
        }
        t += 1;
        let offsets: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let text: Vec<String> = frags.iter().map(|&f| char_slice(doc, f)).collect();
        let _ = writeln!(
            out,
            "T{t}\t{label} {}\t{}",
            offsets.join(";"),
            text.join(" ")
        );
        Some(t)
    };
    for att in &attributions.attributions {
        let cue = fragments(doc, &[att.cue]);
        let content = fragments(doc, &att.content);
        if cue.is_empty() || content.is_empty() {
            continue;
        }
        let source = att.source.map(|s| fragments(doc, &[s])).unwrap_or_default();
        let src_id = tline(&mut out, "Source", &source);
        let cue_id = tline(&mut out, "Cue", &cue);
        let content_id = tline(&mut out, "Content", &content);
        let trigger = tline(&mut out, "Attribution", &cue);
        let (Some(cue_id), Some(content_id), Some(trigger)) = (cue_id, content_id, trigger) else {
            continue;
        };
        e += 1;
        let _ = write!(
            out,
            "E{e}\tAttribution:T{trigger} Content:T{content_id} Cue:T{cue_id}"
        );
        if let Some(s) = src_id {
            let _ = write!(out, " Source:T{s}");
        }
        out.push('\n');
        a += 1;
        let _ = writeln!(out, "A{a}\tStance E{e} {}", att.stance.as_str());
        if att.hedged {
            a += 1;
            let _ = writeln!(out, "A{a}\tHedged E{e}");
        }
        if let Some(name) = att
            .speaker
            .and_then(|s| entities.entities.get(s))
            .map(|x| x.canonical.as_str())
        {
            n += 1;
            let target = src_id.unwrap_or(trigger);
            let _ = writeln!(
                out,
                "#{n}\tAnnotatorNotes T{target}\t{}",
                name.replace(['\n', '\t'], " ")
            );
        }
    }
    out
}

/// Byte spans as BRAT character fragments: cut at line breaks, each piece
/// trimmed of white space, empty pieces dropped.
pub fn fragments(doc: &Document, spans: &[Span]) -> Vec<Frag> {
    let mut out = Vec::new();
    for s in spans {
        let text = doc.slice(*s);
        let mut offset = s.start;
        for line in text.split('\n') {
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let start = offset + lead;
                out.push((
                    doc.char_offset(start),
                    doc.char_offset(start + trimmed.len()),
                ));
            }
            offset += line.len() + 1;
        }
    }
    out
}

/// The text of a character fragment ("" when out of range or reversed).
pub fn char_slice(doc: &Document, (s, e): Frag) -> String {
    // `byte_offset` maps the character count itself to the text's end.
    match (doc.byte_offset(s), doc.byte_offset(e)) {
        (Some(a), Some(b)) => doc.text().get(a..b).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

/// One attribution read from an `.ann` file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnAttribution {
    pub source: Option<Vec<Frag>>,
    pub cue: Vec<Frag>,
    pub content: Vec<Frag>,
    pub stance: Option<String>,
    pub hedged: bool,
    /// The canonical name of the speaker (a note on the Source, the trigger or the event).
    pub speaker: Option<String>,
}

/// Reads the attribution events of an `.ann` file. Lines of other kinds are
/// ignored; a malformed line is an error naming its line number.
pub fn read_ann(ann: &str) -> anyhow::Result<Vec<AnnAttribution>> {
    read_ann_as(ann, Dialect::Seed)
}

/// Which annotation convention an `.ann` file follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// The project's convention (above): notes name speakers, every event has
    /// a cue and a content.
    Seed,
    /// PolNeAR (PARC 3.0 in BRAT): notes are annotators' comments, events are
    /// `Attribution` or `Attribution-no-source`, a second content fragment is
    /// `Content2`, and an event without content (a cue left unfinished) is
    /// skipped rather than an error.
    PolNeAR,
}

/// Whether a line's first column is a BRAT id (`T12`, `E3`, `A1`, `#2`); a
/// span text that runs over a line break leaves lines that are not.
fn is_ann_id(id: &str) -> bool {
    let mut c = id.chars();
    matches!(c.next(), Some('T' | 'E' | 'A' | '#'))
        && !c.as_str().is_empty()
        && c.all(|d| d.is_ascii_digit())
}

/// [`read_ann`] in the given dialect.
pub fn read_ann_as(ann: &str, dialect: Dialect) -> anyhow::Result<Vec<AnnAttribution>> {
    let mut spans: HashMap<&str, Vec<Frag>> = HashMap::new();
    let mut events: Vec<(&str, HashMap<&str, &str>)> = Vec::new();
    let mut stance: HashMap<&str, String> = HashMap::new();
    let mut hedged: HashMap<&str, bool> = HashMap::new();
    let mut notes: HashMap<&str, String> = HashMap::new();
    for (no, line) in ann.lines().enumerate() {
        let bad = || anyhow::anyhow!("line {}: malformed: {line:?}", no + 1);
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let body = cols.next().unwrap_or("");
        if !is_ann_id(id) {
            continue;
        }
        match id.chars().next() {
            Some('T') => {
                let (_, offsets) = body.split_once(' ').ok_or_else(bad)?;
                let frags = offsets
                    .split(';')
                    .map(|f| {
                        let (a, b) = f.trim().split_once(' ').ok_or_else(bad)?;
                        let (a, b): Frag =
                            (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
                        if a > b {
                            return Err(bad()); // a fragment ends before it starts
                        }
                        Ok((a, b))
                    })
                    .collect::<anyhow::Result<Vec<Frag>>>()?;
                spans.insert(id, frags);
            }
            Some('E') => {
                let args = body.split(' ').filter_map(|a| a.split_once(':')).collect();
                events.push((id, args));
            }
            Some('A') => {
                let mut parts = body.split(' ');
                match (parts.next(), parts.next(), parts.next()) {
                    (Some("Stance"), Some(target), Some(value)) => {
                        stance.insert(target, value.to_string());
                    }
                    (Some("Hedged"), Some(target), _) => {
                        hedged.insert(target, true);
                    }
                    _ => {}
                }
            }
            Some('#') if dialect == Dialect::PolNeAR => {}
            Some('#') => {
                let target = body.split(' ').nth(1).ok_or_else(bad)?;
                notes.insert(target, cols.next().unwrap_or("").trim().to_string());
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (id, args) in events {
        let trigger = ["Attribution", "Attribution-no-source"]
            .into_iter()
            .find(|k| args.contains_key(k));
        let Some(trigger) = trigger else {
            continue; // an event of another type
        };
        let get = |role: &str| args.get(role).and_then(|t| spans.get(t)).cloned();
        let content = get("Content").map(|mut c| {
            for k in ["Content2", "Content3"] {
                c.extend(get(k).unwrap_or_default());
            }
            c.sort_unstable();
            c
        });
        let (Some(cue), Some(content)) = (get("Cue").or_else(|| get(trigger)), content) else {
            if dialect == Dialect::PolNeAR {
                continue;
            }
            anyhow::bail!("event {id}: no Cue or Content");
        };
        let speaker = ["Source", "Attribution", "Cue"]
            .iter()
            .filter_map(|r| args.get(r))
            .chain([&id])
            .find_map(|t| notes.get(t).cloned());
        out.push(AnnAttribution {
            source: get("Source"),
            cue,
            content,
            stance: stance.get(id).cloned(),
            hedged: hedged.get(id).copied().unwrap_or(false),
            speaker,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_attribution::{Attribution, Quote, Stance};
    use claimtrail_entities::{Entity, EntityType, Mention, MentionKind};
    use claimtrail_text::Metadata;

    fn sample() -> (Document, EntityLayer, AttributionLayer) {
        let text = "Café owner Jo Smith said:\n\"We are ready.\n\nWe will go.\" It ended.";
        let doc = Document::new(text, Metadata::default());
        let find = |s: &str| {
            let a = text.find(s).unwrap();
            Span::new(a, a + s.len())
        };
        let ents = EntityLayer {
            entities: vec![Entity {
                canonical: "Jo Smith".into(),
                etype: EntityType::Person,
                role: None,
                role_span: None,
                country: None,
                mentions: vec![0],
            }],
            mentions: vec![Mention {
                span: find("Jo Smith"),
                kind: MentionKind::Name,
                entity: 0,
            }],
        };
        let quote = Span::new(text.find('"').unwrap(), text.find("go.\"").unwrap() + 4);
        let att = Attribution {
            source: Some(find("Café owner Jo Smith")),
            speaker: Some(0),
            cue: find("said:"),
            content: vec![quote],
            stance: Stance::Predict,
            hedged: true,
            quote: Some(0),
            parent: None,
        };
        let layer = AttributionLayer {
            quotes: vec![Quote {
                span: quote,
                speaker: Some(0),
                cue: Some(att.cue),
            }],
            attributions: vec![att],
        };
        (doc, ents, layer)
    }

    #[test]
    fn writes_the_seed_convention_with_character_offsets() {
        let (doc, ents, layer) = sample();
        let ann = write_ann(&doc, &ents, &layer);
        let lines: Vec<&str> = ann.lines().collect();
        assert_eq!(lines[0], "T1\tSource 0 19\tCafé owner Jo Smith");
        assert_eq!(lines[1], "T2\tCue 20 25\tsaid:");
        // the quote crosses a paragraph break: one fragment per line
        assert_eq!(
            lines[2],
            "T3\tContent 26 40;42 54\t\"We are ready. We will go.\""
        );
        assert_eq!(lines[3], "T4\tAttribution 20 25\tsaid:");
        assert_eq!(lines[4], "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1");
        assert_eq!(
            &lines[5..],
            [
                "A1\tStance E1 predict",
                "A2\tHedged E1",
                "#1\tAnnotatorNotes T1\tJo Smith"
            ]
        );
    }

    #[test]
    fn reads_what_it_writes() {
        let (doc, ents, layer) = sample();
        let read = read_ann(&write_ann(&doc, &ents, &layer)).unwrap();
        assert_eq!(
            read,
            [AnnAttribution {
                source: Some(vec![(0, 19)]),
                cue: vec![(20, 25)],
                content: vec![(26, 40), (42, 54)],
                stance: Some("predict".into()),
                hedged: true,
                speaker: Some("Jo Smith".into()),
            }]
        );
    }

    #[test]
    fn reads_the_seed_and_reports_bad_lines() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/seed/zelenskyy-north-korea-address.ann"
        ))
        .unwrap();
        let read = read_ann(&seed).unwrap();
        assert_eq!(read.len(), 18);
        assert_eq!(read[4].source, None);
        assert_eq!(read[4].content, vec![(629, 1063), (1065, 1435)]);
        let err = read_ann("T1\tSource x y\tfoo").unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
        let err = read_ann("T1\tCue 0 4\tsaid\nT2\tContent 9 3\tx")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn char_slices_out_of_range_or_reversed_are_empty() {
        let (doc, _, _) = sample();
        let n = doc.text().chars().count();
        assert_eq!(char_slice(&doc, (0, 4)), "Café");
        assert_eq!(char_slice(&doc, (n - 3, n)), "ed.");
        assert_eq!(char_slice(&doc, (9, 3)), "");
        assert_eq!(char_slice(&doc, (0, n + 1)), "");
    }
}
