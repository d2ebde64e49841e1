//! Combining the rule layer's names with the statistical tagger's spans.
//!
//! Strong rules (countries, nationalities, products, titles before names,
//! organisation words) keep their type; the tagger types the names the rules
//! could not ("Budanov" alone, a sentence-opening name) and overrides weak
//! guesses (a city name that is a football club or a surname); spans only the
//! tagger found are added.

use crate::names::Piece;
use crate::EntityType;
use std::ops::Range;

pub fn merge(pieces: Vec<Piece>, spans: Vec<(Range<usize>, EntityType)>) -> Vec<Piece> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len() + spans.len());
    for mut p in pieces {
        let hits: Vec<&(Range<usize>, EntityType)> =
            spans.iter().filter(|(r, _)| overlaps(r, &p.toks)).collect();
        if !p.strong {
            if let [(r, t)] = hits.as_slice() {
                let inside = r.start >= p.toks.start && r.end <= p.toks.end;
                if p.etype.is_none()
                    || (*r == p.toks && p.etype != Some(*t))
                    || (p.etype.is_none() && inside)
                {
                    if p.etype != Some(EntityType::Gpe) || *t != EntityType::Gpe {
                        p.canonical = None;
                    }
                    p.etype = Some(*t);
                    if inside {
                        p.toks = r.clone();
                    }
                }
            }
        }
        out.push(p);
    }
    for (r, t) in spans {
        if out
            .iter()
            .any(|p| p.etype.is_some() && overlaps(&p.toks, &r))
        {
            continue;
        }
        out.retain(|p| !overlaps(&p.toks, &r));
        let mut p = Piece::from_span(r, t);
        p.strong = false;
        out.push(p);
    }
    out.sort_by_key(|p| p.toks.start);
    out
}
