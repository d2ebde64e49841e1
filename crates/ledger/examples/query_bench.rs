//! Latency of the ledger's read methods on an existing database, one thread:
//! the hot paths behind `claimtrail claims` and the web API.
//!
//! `cargo run --release -p claimtrail-ledger --example query_bench -- LEDGER.db [RUNS]`

use claimtrail_ledger::{open_store, ClaimFilter, Store};
use std::time::{Duration, Instant};

/// A named read: returns how many rows it found.
type Case = (&'static str, Box<dyn Fn(&dyn Store) -> usize>);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: query_bench LEDGER.db [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    // A file path or a PostgreSQL URL.
    let store = open_store(&path)?;
    println!("{:?}", store.stats()?);
    let filter = |f: ClaimFilter| ClaimFilter {
        limit: Some(50),
        ..f
    };
    let cases: Vec<Case> = vec![
        (
            "claims",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter::default()))
                    .map_or(0, |c| c.len())
            }),
        ),
        (
            "claims entity",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter {
                    entity: Some("North Korea".into()),
                    ..Default::default()
                }))
                .map_or(0, |c| c.len())
            }),
        ),
        (
            "claims speaker",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter {
                    speaker: Some("Zelenskyy".into()),
                    ..Default::default()
                }))
                .map_or(0, |c| c.len())
            }),
        ),
        (
            "claims rare speaker",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter {
                    speaker: Some("Budanov".into()),
                    ..Default::default()
                }))
                .map_or(0, |c| c.len())
            }),
        ),
        (
            "claims stance",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter {
                    stance: Some("cannot_confirm".into()),
                    ..Default::default()
                }))
                .map_or(0, |c| c.len())
            }),
        ),
        (
            "claims dates",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter {
                    since: Some("2024-06-01".into()),
                    until: Some("2024-06-30".into()),
                    ..Default::default()
                }))
                .map_or(0, |c| c.len())
            }),
        ),
        (
            "claims words",
            Box::new(move |s| {
                s.claims(&filter(ClaimFilter {
                    text: Some("troops".into()),
                    ..Default::default()
                }))
                .map_or(0, |c| c.len())
            }),
        ),
        (
            "search",
            Box::new(|s| s.search("troops", 20).map_or(0, |r| r.claims.len())),
        ),
        (
            "documents",
            Box::new(|s| s.documents(50, 0).map_or(0, |d| d.len())),
        ),
        (
            "entities",
            Box::new(|s| s.entities("korea", 20, 0).map_or(0, |e| e.len())),
        ),
        (
            "canonical entities",
            Box::new(|s| s.canonical_entities("korea", 20, 0).map_or(0, |e| e.len())),
        ),
        (
            "story",
            Box::new(|s| s.story("North Korea", 20).map_or(0, |p| p.len())),
        ),
        (
            "figures",
            Box::new(|s| s.figures("North Korea", 20).map_or(0, |f| f.len())),
        ),
        (
            "sources",
            Box::new(|s| s.sources("North Korea", 20).map_or(0, |v| v.speakers.len())),
        ),
    ];
    for (name, case) in &cases {
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut found = 0;
        for _ in 0..runs {
            let started = Instant::now();
            found = case(&*store);
            times.push(started.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{name:<20} {found:>4} rows  p50 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms",
            ms(times[times.len() / 2]),
            ms(times[(times.len() * 99 / 100).min(times.len() - 1)]),
            ms(times[times.len() - 1])
        );
    }
    Ok(())
}
