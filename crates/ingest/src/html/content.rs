//! Finding the article's main text in a page, in linear passes over the flat
//! [`Dom`] (docs/ingest.md describes the method and its score):
//! 1. Statistics per element, bottom-up: visible characters, characters
//!    inside links, commas, and whether the element holds block elements.
//! 2. Runs: the text cut at block boundaries into what a reader sees as
//!    paragraphs, whether `<p>`s or loose text between `<br>`s.
//! 3. Content scoring: each run of prose (at least 25 characters, mostly not
//!    links) scores by its length and commas (prose has commas; menus and
//!    teasers do not); the score goes to the element holding the run and in
//!    part to the two ancestors above, so that the element holding the most
//!    prose wins. Tag, class and id words ("article", "content" up; "comment",
//!    "share", "sidebar" down) and link density adjust the total.
//! 4. Selection: the winner, widened to a wrapper holding clearly more prose
//!    (articles in several sections), with its prose siblings and the other
//!    chunks that repeat its class (articles cut around adverts).
//! 5. Rendering without navigation, asides, footers, captions, link lists and
//!    blocks whose class or id marks them as boilerplate.

use super::classes::{class_sign, is_boilerplate_role};
use super::dom::{is_block, Dom, Kind, NONE};
use super::render::render;

/// Per-element figures, indexed like [`Dom::nodes`].
struct Stats {
    chars: Vec<u32>,
    link_chars: Vec<u32>,
    commas: Vec<u32>,
    has_block: Vec<bool>,
}

fn stats(dom: &Dom) -> Stats {
    let n = dom.len();
    let mut s = Stats {
        chars: vec![0; n],
        link_chars: vec![0; n],
        commas: vec![0; n],
        has_block: vec![false; n],
    };
    // Children come after their parents, so one backward sweep sums subtrees.
    for i in (0..n).rev() {
        if let Kind::Text(t) = &dom.nodes[i].kind {
            s.chars[i] = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            s.commas[i] = t
                .chars()
                .filter(|&c| matches!(c, ',' | '，' | '、'))
                .count() as u32;
        }
        if dom.tag(i) == "a" {
            s.link_chars[i] = s.chars[i];
        }
        let p = dom.nodes[i].parent;
        if p != NONE {
            s.chars[p] += s.chars[i];
            s.link_chars[p] += s.link_chars[i];
            s.commas[p] += s.commas[i];
            if s.has_block[i] || is_block(dom.tag(i)) {
                s.has_block[p] = true;
            }
        }
    }
    s
}

impl Stats {
    fn link_density(&self, i: usize) -> f64 {
        if self.chars[i] == 0 {
            0.0
        } else {
            self.link_chars[i] as f64 / self.chars[i] as f64
        }
    }
}

/// Whether an element's class or id marks it as boilerplate. The classes of
/// `<html>` and `<body>` describe the page's theme ("navigation-border-thin"),
/// not a part of it, and are not read.
fn marked_boilerplate(dom: &Dom, i: usize) -> bool {
    dom.el(i)
        .is_some_and(|e| !matches!(e.tag.as_str(), "body" | "html") && class_sign(&e.class_id) < 0)
}

/// An element's score as the article's container, from the prose credited
/// to it: tag and role weights are added; class and id words and
/// `itemprop=articleBody` can at most double the prose score (so that a
/// class name alone never makes a container of a line of text), and
/// negative words subtract.
fn container_score(dom: &Dom, i: usize, prose: f64) -> f64 {
    let Some(el) = dom.el(i) else { return prose };
    let tag = match el.tag.as_str() {
        "article" => 10.0,
        "div" | "main" => 5.0,
        "section" | "pre" | "td" | "blockquote" => 3.0,
        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" | "address" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" | "nav" | "aside" | "footer" | "header" => {
            -5.0
        }
        _ => 0.0,
    };
    let mut bonus: f64 = match class_sign(&el.class_id) {
        1 => 25.0,
        -1 => -25.0,
        _ => 0.0,
    };
    if el
        .itemprop
        .as_deref()
        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "articlebody"))
    {
        bonus += 50.0;
    }
    if is_boilerplate_role(el.role.as_deref()) {
        bonus -= 25.0;
    }
    prose + tag + bonus.min(prose)
}

/// A run of inline text between two block boundaries: one paragraph as a
/// reader sees it, whether it is a `<p>` or loose text between `<br><br>`s.
struct Run {
    /// The nearest block element around the run.
    owner: usize,
    chars: u32,
    commas: u32,
    link_chars: u32,
}

/// Splits the page into runs of inline text, in one preorder walk.
fn runs(dom: &Dom) -> Vec<Run> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut blocks: Vec<usize> = Vec::new();
    let mut links = 0usize;
    let mut run = Run {
        owner: NONE,
        chars: 0,
        commas: 0,
        link_chars: 0,
    };
    let mut after_br = false;
    let flush = |run: &mut Run, owner: usize, out: &mut Vec<Run>| {
        if run.chars > 0 {
            out.push(Run {
                owner: run.owner,
                chars: run.chars,
                commas: run.commas,
                link_chars: run.link_chars,
            });
        }
        *run = Run {
            owner,
            chars: 0,
            commas: 0,
            link_chars: 0,
        };
    };
    for i in 0..=dom.len() {
        while let Some(&top) = open.last() {
            if i < dom.nodes[top].end {
                break;
            }
            open.pop();
            let tag = dom.tag(top);
            if tag == "a" {
                links -= 1;
            }
            if is_block(tag) {
                blocks.pop();
                flush(&mut run, blocks.last().copied().unwrap_or(NONE), &mut out);
            }
        }
        if i == dom.len() {
            break;
        }
        match &dom.nodes[i].kind {
            Kind::Text(t) => {
                let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                if chars > 0 {
                    run.chars += chars;
                    run.commas += t
                        .chars()
                        .filter(|&c| matches!(c, ',' | '，' | '、'))
                        .count() as u32;
                    if links > 0 {
                        run.link_chars += chars;
                    }
                    after_br = false;
                }
            }
            Kind::Element(el) => {
                let tag = el.tag.as_str();
                if tag == "br" {
                    if after_br {
                        flush(&mut run, blocks.last().copied().unwrap_or(NONE), &mut out);
                    }
                    after_br = true;
                }
                if tag == "a" {
                    links += 1;
                }
                if is_block(tag) {
                    flush(&mut run, i, &mut out);
                    blocks.push(i);
                }
                open.push(i);
            }
        }
    }
    flush(&mut run, NONE, &mut out);
    out
}

/// Tags that are paragraphs themselves: their text votes for their parent.
fn is_paragraph_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre" | "blockquote" | "td" | "dd" | "li" | "h2" | "h3" | "h4" | "h5" | "h6"
    )
}

/// Whether a run is prose: long enough, and not mostly link text.
fn is_prose(r: &Run) -> bool {
    r.owner != NONE && r.chars >= 25 && r.link_chars * 2 <= r.chars
}

/// The prose score of each element (NaN where no paragraph voted): a
/// paragraph votes for its container, loose text for the element holding it,
/// and the vote is shared with two more ancestors.
fn paragraph_scores(dom: &Dom, st: &Stats, runs: &[Run]) -> Vec<f64> {
    let n = dom.len();
    let mut score = vec![f64::NAN; n];
    let mut runs_of = vec![0u32; n];
    for r in runs {
        if r.owner != NONE {
            runs_of[r.owner] += 1;
        }
    }
    for r in runs.iter().filter(|r| is_prose(r)) {
        let s = 1.0 + r.commas as f64 + (r.chars as f64 / 100.0).min(3.0);
        let own = r.owner;
        let acts_as_paragraph =
            is_paragraph_tag(dom.tag(own)) || (runs_of[own] == 1 && !st.has_block[own]);
        let mut a = if acts_as_paragraph {
            dom.nodes[own].parent
        } else {
            own
        };
        for share in [1.0, 0.5, 1.0 / 3.0] {
            if a == NONE {
                break;
            }
            if score[a].is_nan() {
                score[a] = 0.0;
            }
            score[a] += s * share;
            a = dom.nodes[a].parent;
        }
    }
    score
}

/// Whether each element, or one of its ancestors, satisfies `mark`.
fn inherited(dom: &Dom, mark: impl Fn(usize) -> bool) -> Vec<bool> {
    let n = dom.len();
    let mut out = vec![false; n];
    for i in 0..n {
        let p = dom.nodes[i].parent;
        out[i] = mark(i) || (p != NONE && out[p]);
    }
    out
}

/// The scores the winner is chosen by.
struct Scores<'a> {
    dom: &'a Dom,
    st: &'a Stats,
    score: Vec<f64>,
    /// Whether an element lies inside one marked as boilerplate (a comment
    /// thread, a sidebar): its prose is not the article's.
    in_boilerplate: Vec<bool>,
}

impl Scores<'_> {
    fn new<'a>(dom: &'a Dom, st: &'a Stats, runs: &[Run]) -> Scores<'a> {
        let in_boilerplate = inherited(dom, |i| {
            let p = dom.nodes[i].parent;
            p != NONE && marked_boilerplate(dom, p)
        });
        Scores {
            dom,
            st,
            score: paragraph_scores(dom, st, runs),
            in_boilerplate,
        }
    }

    fn final_score(&self, i: usize) -> f64 {
        if self.score[i].is_nan() {
            return f64::NAN;
        }
        let s = container_score(self.dom, i, self.score[i]) * (1.0 - self.st.link_density(i));
        if self.in_boilerplate[i] {
            s * 0.3
        } else {
            s
        }
    }

    /// The best-scored element and its score (`NONE` when nothing scored).
    fn winner(&self) -> (usize, f64) {
        let mut top = NONE;
        let mut best = f64::MIN;
        for i in 0..self.dom.len() {
            let f = self.final_score(i);
            if !f.is_nan() && f > best {
                best = f;
                top = i;
            }
        }
        (top, best)
    }

    /// The prose characters under each element, list items and boilerplate
    /// left out (teaser lists carry prose too).
    fn prose_totals(&self, runs: &[Run]) -> Vec<f64> {
        let dom = self.dom;
        let in_list = inherited(dom, |i| dom.tag(i) == "li");
        let mut total = vec![0.0f64; dom.len()];
        for r in runs.iter().filter(|r| is_prose(r)) {
            if !self.in_boilerplate[r.owner]
                && !in_list[r.owner]
                && !marked_boilerplate(dom, r.owner)
            {
                total[r.owner] += r.chars as f64;
            }
        }
        for i in (0..dom.len()).rev() {
            let p = dom.nodes[i].parent;
            if p != NONE {
                total[p] += total[i];
            }
        }
        total
    }

    /// Climbs from `top` to an ancestor that holds clearly more prose than it:
    /// articles split into several sections under one wrapper.
    fn climb(&self, mut top: usize, total: &[f64]) -> usize {
        const CLIMB: f64 = 0.3;
        let dom = self.dom;
        'climb: loop {
            // Look a few levels up, past wrappers that add nothing.
            let mut p = dom.nodes[top].parent;
            for _ in 0..3 {
                if p == NONE
                    || matches!(dom.tag(p), "body" | "html")
                    || self.in_boilerplate[p]
                    || self.st.link_density(p) > 0.3
                {
                    break 'climb;
                }
                if total[p] > total[top] * (1.0 + CLIMB) {
                    top = p;
                    continue 'climb;
                }
                p = dom.nodes[p].parent;
            }
            break;
        }
        top
    }

    /// The children of `parent` taken with the winner `top`: prose siblings
    /// scoring near it, and stray paragraphs of prose beside it.
    fn chosen(&self, top: usize, parent: usize, best: f64) -> Vec<bool> {
        let (dom, st) = (self.dom, self.st);
        let threshold = (best * 0.2).max(10.0);
        let mut chosen = vec![false; dom.len()];
        for c in dom.children(parent) {
            chosen[c] = c == top || {
                let f = self.final_score(c);
                let prose_sibling = !f.is_nan()
                    && f >= threshold
                    && dom.el(c).is_some_and(|e| class_sign(&e.class_id) >= 0);
                let stray_paragraph = is_paragraph_tag(dom.tag(c))
                    && st.chars[c] > 80
                    && st.link_density(c) < 0.25
                    && st.commas[c] > 0;
                prose_sibling || stray_paragraph
            };
        }
        chosen
    }

    /// The chosen elements, and the chunks of an article cut around adverts or
    /// pull quotes (they repeat the winner's tag and class), in page order.
    fn roots(&self, top: usize, chosen: &[bool], total: &[f64]) -> Vec<usize> {
        let dom = self.dom;
        let top_el = dom.el(top).filter(|e| !e.class_id.trim().is_empty());
        let mut roots = Vec::new();
        let mut covered = 0;
        for i in 0..dom.len() {
            if i < covered {
                continue;
            }
            let chunk = top_el.is_some_and(|t| {
                dom.el(i)
                    .is_some_and(|e| e.tag == t.tag && e.class_id == t.class_id)
                    && !(i < top && top < dom.nodes[i].end)
                    && total[i] > 0.0
                    && !self.in_boilerplate[i]
                    && self.st.link_density(i) < 0.3
            });
            if chosen[i] || chunk {
                roots.push(i);
                covered = dom.nodes[i].end;
            }
        }
        roots
    }
}

/// The elements that hold the article, in document order (empty when the page
/// has no prose at all).
fn select(dom: &Dom, st: &Stats) -> Vec<usize> {
    let runs = runs(dom);
    let scores = Scores::new(dom, st, &runs);
    let (top, best) = scores.winner();
    if top == NONE {
        return dom.body().into_iter().collect();
    }
    let total = scores.prose_totals(&runs);
    let top = scores.climb(top, &total);
    let best = scores.final_score(top).max(best);
    let parent = dom.nodes[top].parent;
    if parent == NONE {
        return vec![top];
    }
    let chosen = scores.chosen(top, parent, best);
    scores.roots(top, &chosen, &total)
}

/// Whether to leave element `i` (inside the chosen content) out of the text.
fn is_boilerplate(dom: &Dom, st: &Stats, i: usize, content_chars: u32) -> bool {
    let Some(el) = dom.el(i) else { return false };
    match el.tag.as_str() {
        "nav" | "aside" | "footer" | "figcaption" | "figure" | "h1" | "form" => return true,
        "header" => return st.chars[i] * 2 < content_chars,
        _ => {}
    }
    if is_boilerplate_role(el.role.as_deref()) {
        return true;
    }
    let block = is_block(&el.tag);
    // Link lists and link blocks; a long paragraph rich in links is still prose.
    let ld = st.link_density(i);
    if block && st.chars[i] > 0 && (ld > 0.75 || (ld > 0.5 && st.chars[i] < 250)) {
        return true;
    }
    if matches!(el.tag.as_str(), "ul" | "ol") && ld > 0.3 {
        let items = dom
            .children(i)
            .filter(|&c| dom.tag(c) == "li")
            .count()
            .max(1);
        if (st.chars[i] as usize) / items < 100 {
            return true;
        }
    }
    class_sign(&el.class_id) < 0 && st.chars[i] * 2 < content_chars
}

/// All the text of a fragment (a feed item's content) as paragraphs: the
/// fragment is the article already, so nothing is selected or filtered
/// beyond what never is text (scripts, styles, hidden elements).
pub(crate) fn all_text(dom: &Dom) -> Vec<String> {
    let roots: Vec<usize> = dom.body().into_iter().collect();
    render(dom, &roots, |_| false)
}

/// The main text of the page as paragraphs (empty when there is none).
pub(crate) fn main_text(dom: &Dom) -> Vec<String> {
    let st = stats(dom);
    let roots = select(dom, &st);
    let content_chars: u32 = roots.iter().map(|&r| st.chars[r]).sum();
    let paragraphs = render(dom, &roots, |i| is_boilerplate(dom, &st, i, content_chars));
    if !paragraphs.is_empty() {
        return paragraphs;
    }
    // The filters removed everything: a short page (a notice, a stub); give its text whole.
    all_text(dom)
}
