//! The claim card: a claim with its source and its evidence sentence marked
//! up by kind (claim content, cue, speaker, figures, dates), in character
//! offsets relative to the sentence so that the page can slice it safely.

use claimtrail_extract::json::{ArticleJson, AttributionJson, ClaimJson};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub(crate) struct Card<'a> {
    pub claim: &'a ClaimJson,
    pub document: Source<'a>,
    pub evidence: Evidence,
}

/// Where the claim was published.
#[derive(Debug, Serialize)]
pub(crate) struct Source<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    /// The title, else the first words of the text (see `labels`).
    pub label: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub source_line: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Evidence {
    pub sentence: String,
    /// Character offset of the sentence in the article text.
    pub start: usize,
    /// Marked spans, sorted by start; they may nest (a figure inside the content).
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Mark {
    /// `content`, `cue`, `speaker`, `figure` or `date`.
    pub kind: &'static str,
    /// Character offsets in `sentence`, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// The card of the `index`-th claim of `article` (None when out of range);
/// `first_words` labels an untitled article.
pub(crate) fn card<'a>(
    article: &'a ArticleJson,
    index: usize,
    first_words: Option<&'a str>,
) -> Option<Card<'a>> {
    let claim = article.claims.get(index)?;
    let d = &article.document;
    Some(Card {
        claim,
        document: Source {
            id: &d.id,
            title: d.title.as_deref(),
            label: d.title.as_deref().or(first_words),
            published: d.published.as_deref(),
            url: d.url.as_deref(),
            outlet: d.outlet.as_deref(),
            source_line: d.source_line.as_deref(),
        },
        evidence: Evidence {
            sentence: claim.sentence.clone(),
            start: claim.sentence_start,
            marks: marks(article, claim),
        },
    })
}

fn marks(article: &ArticleJson, claim: &ClaimJson) -> Vec<Mark> {
    let (s0, s1) = (claim.sentence_start, claim.sentence_end);
    let mut out = Vec::new();
    let mut push = |kind: &'static str, start: usize, end: usize| {
        // Clip to the sentence; drop what falls outside it.
        let (start, end) = (start.max(s0), end.min(s1));
        if start < end {
            out.push(Mark {
                kind,
                start: start - s0,
                end: end - s0,
            });
        }
    };
    let attribution = attribution_of(article, claim);
    let content: Vec<(usize, usize)> = match attribution {
        Some(a) => a.content.iter().map(|c| (c.start, c.end)).collect(),
        None => vec![(claim.start, claim.end)],
    };
    let inside_content = |s: usize, e: usize| content.iter().any(|&(a, b)| a <= s && e <= b);
    for &(a, b) in &content {
        push("content", a, b);
    }
    if let Some(a) = attribution {
        push("cue", a.cue.start, a.cue.end);
    }
    // The source as written ("he") and the speaker's other mentions in the
    // sentence ("Lloyd Austin, ... stated that he could not confirm").
    if let Some(src) = attribution.and_then(|a| a.source.as_ref()) {
        push("speaker", src.start, src.end);
    }
    let entity = claim
        .speaker
        .as_deref()
        .and_then(|id| article.entities.iter().find(|e| e.id == id));
    for m in entity.iter().flat_map(|e| &e.mentions) {
        if m.start >= s0 && m.end <= s1 && !inside_content(m.start, m.end) {
            push("speaker", m.start, m.end);
        }
    }
    for q in &claim.quantities {
        push("figure", q.start, q.end);
    }
    for t in &claim.timexes {
        push("date", t.start, t.end);
    }
    // The date the claim was stated on, when the sentence gives it.
    if claim.stated_in_text {
        for t in &article.timexes {
            if Some(&t.value) == claim.stated.as_ref()
                && t.start >= s0
                && t.end <= s1
                && !inside_content(t.start, t.end)
            {
                push("date", t.start, t.end);
            }
        }
    }
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    out.dedup();
    out
}

/// The attribution a claim was built from: same cue, content covering the claim.
fn attribution_of<'a>(article: &'a ArticleJson, claim: &ClaimJson) -> Option<&'a AttributionJson> {
    article.attributions.iter().find(|a| {
        a.cue.text == claim.cue
            && a.content.first().map(|c| c.start) == Some(claim.start)
            && a.content.last().map(|c| c.end) == Some(claim.end)
    })
}
