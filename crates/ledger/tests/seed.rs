//! End to end on the seed article: the pipeline's claims go into the ledger,
//! which must hold the proposition of `data/seed/expected.json` (`links`):
//! its supporting and non-confirming claims, and the figures over time.

use claimtrail_extract::json::{ArticleJson, ClaimJson};
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{SqliteStore, Store};
use claimtrail_text::{Document, Metadata};
use serde_json::Value;
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/seed")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(seed_dir().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn analyze(published: &str) -> (ArticleJson, String) {
    let text =
        std::fs::read_to_string(seed_dir().join("zelenskyy-north-korea-address.txt")).unwrap();
    let meta = Metadata {
        published: Some(chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap()),
        ..Default::default()
    };
    let a = ArticleJson::from_analysis(&Pipeline::new().analyze(Document::new(text.clone(), meta)));
    (a, text)
}

/// The pipeline's claim that an expected claim describes (speaker, stance,
/// date, figure and words, as the extract crate's seed test matches them).
fn find<'a>(claims: &'a [ClaimJson], e: &Value) -> &'a ClaimJson {
    let lower = |s: &str| s.to_lowercase();
    claims
        .iter()
        .find(|c| {
            let speaker = lower(c.speaker_name.as_deref().unwrap_or(""));
            let want = lower(e["speaker"].as_str().unwrap());
            let words = lower(&c.text);
            (speaker.contains(&want) || want.contains(&speaker) && !speaker.is_empty())
                && e["stance"].as_str() == Some(c.stance.as_str())
                && e["stated"]
                    .as_str()
                    .is_none_or(|d| c.stated.as_deref() == Some(d))
                && e["quantity"]
                    .as_f64()
                    .is_none_or(|v| c.quantities.iter().any(|q| q.value == v))
                && e["mentions_all"].as_array().is_none_or(|all| {
                    all.iter()
                        .all(|m| words.contains(&lower(m.as_str().unwrap())))
                })
        })
        .unwrap_or_else(|| panic!("no claim of the pipeline matches {e}"))
}

#[test]
fn seed_proposition_supporters_withholder_and_series() {
    let exp = expected();
    let (article, text) = analyze(exp["document"]["published"].as_str().unwrap());
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.add(&article, &text).unwrap();
    let by_number = |n: u64| {
        let e = exp["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"].as_u64() == Some(n))
            .unwrap();
        find(&article.claims, e).id.clone()
    };
    for link in exp["links"].as_array().unwrap() {
        let supporters: Vec<String> = link["supported_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| by_number(n.as_u64().unwrap()))
            .collect();
        let withholders: Vec<String> = link["not_confirmed_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| by_number(n.as_u64().unwrap()))
            .collect();
        let props = store.story("North Korea", 50).unwrap();
        let p = props
            .iter()
            .find(|p| p.claims.iter().any(|c| c.record.claim.id == supporters[0]))
            .expect("a proposition holds the first supporter");
        let role = |id: &str| {
            p.claims
                .iter()
                .find(|c| c.record.claim.id == id)
                .map(|c| c.role.as_str())
        };
        for id in &supporters {
            assert_eq!(role(id), Some("supports"), "{id} in {}", p.gist);
        }
        for id in &withholders {
            assert_eq!(role(id), Some("withholds"), "{id} in {}", p.gist);
        }
        let want: Vec<(f64, String)> = link["figures_over_time"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f[0].as_f64().unwrap(), f[1].as_str().unwrap().to_string()))
            .collect();
        let series = p
            .figures
            .iter()
            .find(|s| s.points.iter().any(|x| x.value == want[0].0))
            .expect("a series with the first figure");
        let got: Vec<(f64, String)> = series
            .points
            .iter()
            .map(|x| (x.value, x.stated.clone().unwrap_or_default()))
            .collect();
        assert_eq!(got, want);
        let update = p
            .links
            .iter()
            .any(|l| l.kind == "updates" && l.to == by_number(8) && l.from == by_number(9));
        assert!(update, "11,000 updates 10,000: {:#?}", p.links);
    }
}
