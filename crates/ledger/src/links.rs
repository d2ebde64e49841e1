//! Typed links between the claims of one proposition.
//!
//! When a claim joins a proposition it is linked to the claims already there
//! (each rule links to one claim, the nearest in time that fits):
//!
//! - `repeats`: the same speaker's statement of the same day reported again
//!   (another outlet, a syndicated copy), or restated undated in a
//!   "Background" section. Not new evidence; such a claim gets no `supports` link.
//! - `updates`: a figure of the same measure stated on a later day (the
//!   nearest earlier value; and a claim found earlier than one already held
//!   is updated by it). Repeats are not readings of their own: they neither
//!   update nor are updated.
//! - `disputes`: a denial of what others assert (and an assertion against an
//!   earlier denial), or a figure of the same measure stated the same day by
//!   another speaker that differs by more than `CONTRARY`.
//! - `withholds`: "could not confirm", linked to the latest supporting claim
//!   of another speaker.
//! - `supports`: an assertion or confirmation linked to the first supporting
//!   claim of another speaker.
//!
//! Figures are of the same measure when they count the same thing and are
//! within a factor of `SAME_MEASURE` of each other: 1,500 troops "already
//! sent" and 11,000 "in training" are two measures, not an update.

use serde::Serialize;

/// Two figures of one counted thing further apart than this factor are
/// different measures (a part and a whole, a unit and a total).
pub(crate) const SAME_MEASURE: f64 = 5.0;
/// Relative difference above which two same-day figures contradict each other.
pub(crate) const CONTRARY: f64 = 0.1;

/// What the link rules need to know about a claim.
#[derive(Clone, Debug, Default)]
pub(crate) struct LinkClaim {
    pub id: String,
    pub doc_id: String,
    pub role: String,
    pub speaker_key: Option<String>,
    /// Full date (YYYY-MM-DD) of the statement, when known.
    pub stated: Option<String>,
    /// (measure, value) of each figure.
    pub figures: Vec<(String, f64)>,
    /// Whether the claim repeats an earlier one (not a reading of its own).
    pub repeat: bool,
    /// Stated in a "Background" section without a date of its own: a
    /// restatement of something said before, whatever day it was.
    pub background: bool,
    /// Whether its document is the origin of its copy group (not a copy).
    pub original: bool,
    /// The publication date of its document.
    pub published: Option<String>,
}

/// A link from one claim to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimLink {
    pub from: String,
    pub to: String,
    /// `supports`, `disputes`, `withholds`, `updates` or `repeats`.
    pub kind: String,
    /// Why, in words.
    pub reason: String,
}

fn link(from: &LinkClaim, to: &LinkClaim, kind: &str, reason: String) -> ClaimLink {
    ClaimLink {
        from: from.id.clone(),
        to: to.id.clone(),
        kind: kind.to_string(),
        reason,
    }
}

fn other_speaker(a: &LinkClaim, b: &LinkClaim) -> bool {
    a.speaker_key.is_none() || b.speaker_key.is_none() || a.speaker_key != b.speaker_key
}

pub(crate) fn same_measure(a: f64, b: f64) -> bool {
    let (lo, hi) = if a.abs() < b.abs() {
        (a.abs(), b.abs())
    } else {
        (b.abs(), a.abs())
    };
    lo > 0.0 && hi / lo <= SAME_MEASURE || lo == hi
}

/// The links of `new` to the claims `held` (already in its proposition).
pub(crate) fn links_for(new: &LinkClaim, held: &[LinkClaim]) -> Vec<ClaimLink> {
    let mut out = Vec::new();
    let date = |c: &LinkClaim| c.stated.clone();
    // repeats: same speaker, same day, another report.
    let repeated = held.iter().filter(|h| {
        h.doc_id != new.doc_id
            && h.speaker_key.is_some()
            && h.speaker_key == new.speaker_key
            && h.stated.is_some()
            && (h.stated == new.stated || (new.background && !h.background))
            && h.role == new.role
    });
    // The original statement, not another restatement of it.
    if let Some(h) = repeated.min_by_key(|h| (h.repeat, date(h))) {
        out.push(link(
            new,
            h,
            "repeats",
            format!(
                "the same speaker's statement of {}",
                h.stated.as_deref().unwrap_or("")
            ),
        ));
    }
    let repeats = !out.is_empty();
    figure_links(new, held, repeats, &mut out);
    let supporting = |h: &&LinkClaim| h.role == "supports" && other_speaker(h, new);
    match new.role.as_str() {
        "disputes" => {
            if let Some(h) = latest_before(held.iter().filter(supporting), new) {
                out.push(link(
                    new,
                    h,
                    "disputes",
                    "denies what the other asserts".into(),
                ));
            }
        }
        "withholds" => {
            if let Some(h) = latest_before(held.iter().filter(supporting), new) {
                out.push(link(
                    new,
                    h,
                    "withholds",
                    "cannot confirm what the other asserts".into(),
                ));
            }
        }
        "supports" if !repeats => {
            let denials = held
                .iter()
                .filter(|h| h.role == "disputes" && other_speaker(h, new));
            if let Some(h) = latest_before(denials, new) {
                out.push(link(
                    new,
                    h,
                    "disputes",
                    "asserts what the other denies".into(),
                ));
            }
            let first = held
                .iter()
                .filter(supporting)
                .min_by(|a, b| order(a).cmp(&order(b)));
            if let Some(h) = first {
                out.push(link(
                    new,
                    h,
                    "supports",
                    "another speaker states the same".into(),
                ));
            }
        }
        _ => {}
    }
    out
}

/// Sort key: dated claims by date, undated last.
fn order(c: &LinkClaim) -> (bool, String) {
    (c.stated.is_none(), c.stated.clone().unwrap_or_default())
}

/// The latest of `claims` stated no later than `new` (else the earliest after).
fn latest_before<'a>(
    claims: impl Iterator<Item = &'a LinkClaim>,
    new: &LinkClaim,
) -> Option<&'a LinkClaim> {
    let all: Vec<&LinkClaim> = claims.collect();
    let before = all
        .iter()
        .filter(|h| match (&h.stated, &new.stated) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        })
        .max_by(|a, b| order(a).cmp(&order(b)));
    before
        .or_else(|| all.iter().min_by(|a, b| order(a).cmp(&order(b))))
        .copied()
}

fn figure_links(new: &LinkClaim, held: &[LinkClaim], repeats: bool, out: &mut Vec<ClaimLink>) {
    if new.role != "supports" || repeats {
        return;
    }
    let Some(day) = new.stated.as_deref() else {
        return;
    };
    for (measure, value) in &new.figures {
        let comparable = held
            .iter()
            .filter(|h| h.role == "supports" && !h.repeat)
            .filter_map(|h| {
                let v = h
                    .figures
                    .iter()
                    .find(|(m, v)| m == measure && same_measure(*v, *value))?
                    .1;
                Some((h, h.stated.as_deref()?, v))
            });
        let mut earlier: Option<(&LinkClaim, &str, f64)> = None;
        let mut later: Option<(&LinkClaim, &str, f64)> = None;
        for (h, d, v) in comparable {
            if d < day && earlier.is_none_or(|(_, e, _)| d > e) {
                earlier = Some((h, d, v));
            } else if d > day && later.is_none_or(|(_, l, _)| d < l) {
                later = Some((h, d, v));
            } else if d == day
                && other_speaker(h, new)
                && (v - value).abs() > CONTRARY * v.abs().max(value.abs())
            {
                out.push(link(
                    new,
                    h,
                    "disputes",
                    format!(
                        "a contrary figure the same day: {} against {}",
                        num(*value),
                        num(v)
                    ),
                ));
            }
        }
        if let Some((h, d, v)) = earlier {
            out.push(link(
                new,
                h,
                "updates",
                format!("{} ({d}) -> {} ({day})", num(v), num(*value)),
            ));
        }
        if let Some((h, d, v)) = later {
            out.push(ClaimLink {
                from: h.id.clone(),
                to: new.id.clone(),
                kind: "updates".into(),
                reason: format!("{} ({day}) -> {} ({d})", num(*value), num(v)),
            });
        }
    }
}

pub(crate) fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(
        id: &str,
        doc: &str,
        role: &str,
        speaker: &str,
        stated: &str,
        figures: &[(&str, f64)],
    ) -> LinkClaim {
        LinkClaim {
            id: id.into(),
            doc_id: doc.into(),
            role: role.into(),
            speaker_key: Some(speaker.into()),
            stated: (!stated.is_empty()).then(|| stated.into()),
            figures: figures.iter().map(|(m, v)| (m.to_string(), *v)).collect(),
            repeat: false,
            background: false,
            original: true,
            published: None,
        }
    }

    fn kinds(links: &[ClaimLink]) -> Vec<(&str, &str)> {
        links
            .iter()
            .map(|l| (l.kind.as_str(), l.to.as_str()))
            .collect()
    }

    #[test]
    fn later_figure_updates_and_part_count_does_not() {
        let held = vec![c(
            "z",
            "d1",
            "supports",
            "zelenskyy",
            "2024-10-17",
            &[("@personnel", 10_000.0)],
        )];
        let b = c(
            "b",
            "d1",
            "supports",
            "budanov",
            "2024-10-18",
            &[("@personnel", 11_000.0)],
        );
        assert_eq!(
            kinds(&links_for(&b, &held)),
            [("updates", "z"), ("supports", "z")]
        );
        let nis = c(
            "n",
            "d1",
            "supports",
            "nis",
            "2024-10-20",
            &[("@personnel", 1_500.0)],
        );
        assert_eq!(kinds(&links_for(&nis, &held)), [("supports", "z")]);
    }

    #[test]
    fn same_day_contrary_figure_disputes() {
        let held = vec![c(
            "police",
            "d1",
            "supports",
            "police",
            "2024-05-01",
            &[("@protest", 10_000.0)],
        )];
        let org = c(
            "org",
            "d2",
            "supports",
            "organisers",
            "2024-05-01",
            &[("@protest", 50_000.0)],
        );
        assert_eq!(
            kinds(&links_for(&org, &held)),
            [("disputes", "police"), ("supports", "police")]
        );
    }

    #[test]
    fn undated_background_restatement_repeats_an_earlier_day() {
        let held = [c("a", "d1", "supports", "zelenskyy", "2024-10-13", &[])];
        let mut again = c("b", "d2", "supports", "zelenskyy", "2024-10-20", &[]);
        assert!(
            !kinds(&links_for(&again, &held)).contains(&("repeats", "a")),
            "another day is news"
        );
        again.background = true;
        assert_eq!(kinds(&links_for(&again, &held)), [("repeats", "a")]);
    }

    #[test]
    fn restated_statement_repeats_without_support() {
        let held = vec![c("a", "d1", "supports", "zelenskyy", "2024-10-13", &[])];
        let again = c("b", "d2", "supports", "zelenskyy", "2024-10-13", &[]);
        assert_eq!(kinds(&links_for(&again, &held)), [("repeats", "a")]);
        let new_day = c("c", "d2", "supports", "zelenskyy", "2024-10-14", &[]);
        assert!(
            links_for(&new_day, &held).is_empty(),
            "own earlier claim: no link"
        );
    }

    #[test]
    fn withholding_and_denial_point_at_the_latest_support() {
        let held = vec![
            c("s1", "d1", "supports", "a", "2024-10-13", &[]),
            c("s2", "d1", "supports", "b", "2024-10-18", &[]),
            c("s3", "d1", "supports", "c", "2024-10-25", &[]),
        ];
        let w = c("w", "d2", "withholds", "austin", "2024-10-19", &[]);
        assert_eq!(kinds(&links_for(&w, &held)), [("withholds", "s2")]);
        let d = c("d", "d2", "disputes", "kremlin", "2024-10-20", &[]);
        assert_eq!(kinds(&links_for(&d, &held)), [("disputes", "s2")]);
        let s = c("s4", "d3", "supports", "e", "2024-10-21", &[]);
        let mut with_denial = held.clone();
        with_denial.push(d);
        assert_eq!(
            kinds(&links_for(&s, &with_denial)),
            [("disputes", "d"), ("supports", "s1")]
        );
    }
}
