//! Claims: the attributions of a document, each joined with the date it was
//! stated, the figures and dates it contains, and its evidence sentence.

use claimtrail_attribution::{Attribution, AttributionLayer, Polarity, Stance};
use claimtrail_entities::EntityLayer;
use claimtrail_quantity::Quantity;
use claimtrail_text::{Document, Span};
use claimtrail_time::{Timex, TimexType};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// The attribution this claim comes from (index into `AttributionLayer::attributions`).
    pub attribution: usize,
    /// Entity index of the speaker, when resolved.
    pub speaker: Option<usize>,
    /// The source as written, when it is in the text.
    pub source: Option<Span>,
    /// For a pronoun source no entity names, the earlier phrase it stands for.
    pub antecedent: Option<Span>,
    pub stance: Stance,
    /// Whether the content negates what it states ("said no data was taken").
    pub polarity: Polarity,
    pub hedged: bool,
    pub cue: Span,
    /// The attributed content, one fragment per paragraph.
    pub content: Vec<Span>,
    /// TIMEX3 value of the day the claim was made: a date written in the
    /// claim's sentence outside its content ("On 8 October, the ministry
    /// stated ..."), else the publication date.
    pub stated: Option<String>,
    /// True when `stated` comes from the text rather than the publication date.
    pub stated_in_text: bool,
    /// Indices of the quantities inside the content.
    pub quantities: Vec<usize>,
    /// Indices of the time expressions inside the content.
    pub timexes: Vec<usize>,
    /// The evidence: the sentences the cue and the content lie in.
    pub sentence: Span,
    /// The attribution's `why` (docs/attribution.md, "Explanations").
    pub why: Vec<String>,
}

impl Claim {
    /// The span from the first content fragment to the last.
    pub fn content_span(&self) -> Span {
        let first = self.content.first().copied().unwrap_or(self.cue);
        self.content.iter().fold(first, |acc, s| acc.cover(*s))
    }
}

/// Builds the claims of a document from its layers.
///
/// An attribution whose content opens with a nested attribution of the same
/// speaker ("stated that he could not confirm reports that ...") gives no claim
/// of its own: the nested one carries the stance, and inherits the date.
pub fn build(
    doc: &Document,
    entities: &EntityLayer,
    timexes: &[Timex],
    quantities: &[Quantity],
    layer: &AttributionLayer,
) -> Vec<Claim> {
    let attributions = &layer.attributions;
    let _ = entities;
    // Indexes built once, so that a document with thousands of attributions
    // costs no more than linear time per claim.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); attributions.len()];
    for (i, a) in attributions.iter().enumerate() {
        if let Some(p) = a.parent.filter(|&p| p < attributions.len()) {
            children[p].push(i);
        }
    }
    let reported = ReportedSpeech::new(doc, attributions);
    let mut claims = Vec::new();
    for (index, a) in attributions.iter().enumerate() {
        if a.content.iter().all(|s| s.is_empty()) {
            continue;
        }
        let restated_by_child = children[index]
            .iter()
            .map(|&c| &attributions[c])
            .any(|child| {
                (child.speaker == a.speaker || child.speaker.is_none())
                    && a.content.first().is_some_and(|c| opens(doc, *c, child))
            });
        if restated_by_child {
            continue;
        }
        let content_cover = a.content.iter().fold(a.content[0], |acc, s| acc.cover(*s));
        let said = a.cue.cover(content_cover);
        let evidence = evidence_span(doc, said);
        let keep = a
            .source
            .filter(|s| evidence.contains(*s))
            .map_or(said, |s| s.cover(said));
        let evidence = clip_evidence(doc, evidence, keep);
        // The parent's sentence may hold the date ("stated on 19 October that he could not confirm").
        let date_zone = match a.parent.and_then(|p| attributions.get(p)) {
            Some(parent) => evidence_span(doc, parent.cue.cover(evidence)),
            None => evidence,
        };
        let (stated, stated_in_text) = match stated_date(doc, timexes, date_zone, &reported, a) {
            Some(v) => (Some(v), true),
            None => (
                doc.meta()
                    .published
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                false,
            ),
        };
        claims.push(Claim {
            attribution: index,
            speaker: a.speaker,
            source: a.source,
            antecedent: a.antecedent,
            stance: a.stance,
            polarity: a.polarity,
            hedged: a.hedged,
            cue: a.cue,
            content: a.content.clone(),
            stated,
            stated_in_text,
            quantities: inside(&a.content, quantities, |q| q.span),
            timexes: inside(&a.content, timexes, |t| t.span),
            sentence: evidence,
            why: a.why.clone(),
        });
    }
    claims
}

/// Indices of the items (sorted by start, as every layer is) that lie inside
/// one of the fragments: a binary search per fragment.
pub(crate) fn inside<T>(fragments: &[Span], items: &[T], span: impl Fn(&T) -> Span) -> Vec<usize> {
    let mut out = Vec::new();
    for f in fragments {
        let first = items.partition_point(|x| span(x).start < f.start);
        out.extend(
            (first..items.len())
                .take_while(|&i| span(&items[i]).start < f.end)
                .filter(|&i| f.contains(span(&items[i]))),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Which tokens lie inside some attributed content: reported speech, as
/// opposed to the reporting clause around it.
struct ReportedSpeech {
    token: Vec<bool>,
}

impl ReportedSpeech {
    fn new(doc: &Document, attributions: &[Attribution]) -> ReportedSpeech {
        let mut token = vec![false; doc.tokens().len()];
        for c in attributions.iter().flat_map(|a| &a.content) {
            token[doc.token_range(*c)]
                .iter_mut()
                .for_each(|t| *t = true);
        }
        ReportedSpeech { token }
    }
}

/// Whether `child` opens the content span `content` ("that he could not
/// confirm ..."): its source or cue is the content's first word, after any
/// opening quotation mark. A nested attribution further in ("... we believe
/// ...") does not replace its parent.
fn opens(doc: &Document, content: Span, child: &claimtrail_attribution::Attribution) -> bool {
    let lead = doc.slice(content);
    let skipped = lead.len()
        - lead
            .trim_start_matches(|c: char| {
                c.is_whitespace() || claimtrail_text::lex::is_quote_char(c)
            })
            .len();
    let first = content.start + skipped;
    let head = child
        .source
        .map_or(child.cue.start, |s| s.start.min(child.cue.start));
    content.contains(child.cue) && head == first
}

/// The sentences overlapping `span`, as one span; `span` itself when it lies
/// outside every sentence (a section label).
fn evidence_span(doc: &Document, span: Span) -> Span {
    let mut cover: Option<Span> = None;
    let first = doc
        .sentences()
        .partition_point(|s| s.span.end <= span.start);
    for s in doc.sentences()[first..]
        .iter()
        .take_while(|s| s.span.start < span.end)
    {
        cover = Some(cover.map_or(s.span, |c| c.cover(s.span)));
    }
    cover.unwrap_or(span)
}

/// Evidence longer than this is cut to the claim (source, cue and content)
/// and at most [`EVIDENCE_MARGIN`] bytes either side: a "sentence" of 100 KB
/// (text without full stops) would otherwise be copied into every claim it
/// holds, and every claim would search all of it for its date.
const MAX_EVIDENCE: usize = 4 * 1024;
const EVIDENCE_MARGIN: usize = 512;

/// `evidence` itself, or, when it is longer than [`MAX_EVIDENCE`], the
/// claim's `cover` widened by up to [`EVIDENCE_MARGIN`] bytes inside it, to
/// whole tokens.
fn clip_evidence(doc: &Document, evidence: Span, cover: Span) -> Span {
    if evidence.len() <= MAX_EVIDENCE || !evidence.contains(cover) {
        return evidence;
    }
    let tokens = doc.tokens();
    let from = cover
        .start
        .saturating_sub(EVIDENCE_MARGIN)
        .max(evidence.start);
    let to = cover.end.saturating_add(EVIDENCE_MARGIN).min(evidence.end);
    let first = tokens.partition_point(|t| t.span.start < from);
    let start = tokens
        .get(first)
        .map_or(cover.start, |t| t.span.start)
        .min(cover.start);
    let last = tokens.partition_point(|t| t.span.end <= to);
    let end = last
        .checked_sub(1)
        .map_or(cover.end, |i| tokens[i].span.end)
        .max(cover.end);
    Span::new(start, end)
}

/// The day-precise date in `zone`, outside the content, in the cue's own
/// clause, nearest to the cue. A date in another clause of the sentence ("The
/// broadcasts began on August 10 and South Korea says ...") dates that clause,
/// not the statement. Text inside reported speech is not the reporting clause
/// and is skipped when looking for a clause boundary.
fn stated_date(
    doc: &Document,
    timexes: &[Timex],
    zone: Span,
    reported: &ReportedSpeech,
    a: &Attribution,
) -> Option<String> {
    let cue = a.cue;
    let first = timexes.partition_point(|t| t.span.start < zone.start);
    timexes[first..]
        .iter()
        .take_while(|t| t.span.start < zone.end)
        .filter(|t| t.ttype == TimexType::Date && zone.contains(t.span))
        .filter(|t| !a.content.iter().any(|c| c.overlaps(t.span)))
        .filter(|t| is_day_value(&t.value))
        .filter(|t| {
            let gap = if t.span.end <= cue.start {
                Span::new(t.span.end, cue.start)
            } else {
                Span::new(cue.end, t.span.start)
            };
            !crosses_clause(doc, gap, reported)
        })
        .min_by_key(|t| {
            t.span
                .start
                .abs_diff(cue.start)
                .min(t.span.end.abs_diff(cue.start))
        })
        .map(|t| t.value.clone())
}

/// Whether the reporting text in `gap` (outside reported speech) joins two
/// clauses: a semicolon or a coordinating conjunction. Commas alone do not:
/// they set off the date ("On 8 October, the ministry said") and appositions
/// ("Austin, US Defence Secretary, stated").
fn crosses_clause(doc: &Document, gap: Span, reported: &ReportedSpeech) -> bool {
    doc.token_range(gap)
        .filter(|&i| !reported.token[i])
        .any(|i| matches!(doc.token_text(i), ";" | "and" | "but" | "while" | "whereas"))
}

/// `2024-10-08` or `XXXX-10-08`: a value naming one day.
fn is_day_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit() || (i < 4 && *c == b'X'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_text::Metadata;

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect(needle);
        Span::new(start, start + needle.len())
    }

    fn timex(text: &str, needle: &str, value: &str) -> Timex {
        Timex {
            span: span_of(text, needle),
            ttype: TimexType::Date,
            value: value.into(),
            modifier: None,
            interval: None,
            rule: "",
        }
    }

    fn attribution(
        text: &str,
        cue: &str,
        content: &str,
        stance: Stance,
        parent: Option<usize>,
    ) -> Attribution {
        Attribution {
            source: None,
            speaker: Some(0),
            cue: span_of(text, cue),
            content: vec![span_of(text, content)],
            stance,
            polarity: Default::default(),
            hedged: false,
            quote: None,
            parent,
            antecedent: None,
            why: Vec::new(),
        }
    }

    #[test]
    fn date_outside_content_is_the_statement_date() {
        let text = "On 8 October, the ministry stated that troops would leave by 1 November.";
        let meta = Metadata {
            published: chrono::NaiveDate::from_ymd_opt(2024, 10, 20),
            ..Default::default()
        };
        let doc = Document::new(text, meta);
        let timexes = vec![
            timex(text, "8 October", "2024-10-08"),
            timex(text, "1 November", "2024-11-01"),
        ];
        let layer = AttributionLayer {
            quotes: vec![],
            attributions: vec![attribution(
                text,
                "stated",
                "troops would leave by 1 November",
                Stance::Predict,
                None,
            )],
        };
        let claims = build(&doc, &EntityLayer::default(), &timexes, &[], &layer);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].stated.as_deref(), Some("2024-10-08"));
        assert!(claims[0].stated_in_text);
        assert_eq!(claims[0].timexes, vec![1]);
        assert_eq!(doc.slice(claims[0].sentence), text);
    }

    #[test]
    fn no_date_falls_back_to_publication_and_nested_claim_wins() {
        let text = "Austin stated that he could not confirm reports that troops were sent.";
        let meta = Metadata {
            published: chrono::NaiveDate::from_ymd_opt(2024, 10, 20),
            ..Default::default()
        };
        let doc = Document::new(text, meta);
        let layer = AttributionLayer {
            quotes: vec![],
            attributions: vec![
                attribution(
                    text,
                    "stated",
                    "he could not confirm reports that troops were sent",
                    Stance::Assert,
                    None,
                ),
                Attribution {
                    source: Some(span_of(text, "he could"))
                        .map(|s| Span::new(s.start, s.start + 2)),
                    ..attribution(
                        text,
                        "could not confirm",
                        "reports that troops were sent",
                        Stance::CannotConfirm,
                        Some(0),
                    )
                },
            ],
        };
        let claims = build(&doc, &EntityLayer::default(), &[], &[], &layer);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].stance, Stance::CannotConfirm);
        assert_eq!(claims[0].stated.as_deref(), Some("2024-10-20"));
        assert!(!claims[0].stated_in_text);
    }

    #[test]
    fn a_belief_inside_a_quote_does_not_replace_the_quote() {
        let text = "\"Sales rose, and we believe demand will hold,\" the chief executive said.";
        let doc = Document::new(text, Metadata::default());
        let layer = AttributionLayer {
            quotes: vec![],
            attributions: vec![
                attribution(
                    text,
                    "said",
                    "\"Sales rose, and we believe demand will hold,\"",
                    Stance::Assert,
                    None,
                ),
                attribution(text, "believe", "demand will hold", Stance::Assert, Some(0)),
            ],
        };
        let claims = build(&doc, &EntityLayer::default(), &[], &[], &layer);
        assert_eq!(claims.len(), 2, "the quote keeps its own claim");
    }

    #[test]
    fn a_date_in_another_clause_is_not_the_statement_date() {
        let text = "The broadcasts began on August 10 and South Korea says they will continue.";
        let meta = Metadata {
            published: chrono::NaiveDate::from_ymd_opt(2015, 8, 21),
            ..Default::default()
        };
        let doc = Document::new(text, meta);
        let timexes = vec![timex(text, "August 10", "2015-08-10")];
        let layer = AttributionLayer {
            quotes: vec![],
            attributions: vec![attribution(
                text,
                "says",
                "they will continue",
                Stance::Predict,
                None,
            )],
        };
        let claims = build(&doc, &EntityLayer::default(), &timexes, &[], &layer);
        assert_eq!(claims[0].stated.as_deref(), Some("2015-08-21"));
        assert!(!claims[0].stated_in_text);
    }

    #[test]
    fn day_values() {
        assert!(is_day_value("2024-10-08"));
        assert!(is_day_value("XXXX-10-08"));
        assert!(!is_day_value("2024-W42"));
        assert!(!is_day_value("2024-10"));
    }
}
