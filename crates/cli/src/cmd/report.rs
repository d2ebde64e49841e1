//! The readable text report of an analysed article and of claim lists.

use crate::style::Style;
use claimtrail_extract::json::{ArticleJson, ClaimJson, Explanations, QuantityJson};
use claimtrail_ledger::ClaimRecord;
use std::io::{self, Write};

/// The report of one article; with `why` (`--explain`), the rules that
/// decided each date and figure under its line.
pub fn write_article(
    out: &mut impl Write,
    a: &ArticleJson,
    why: Option<&Explanations>,
) -> io::Result<()> {
    let st = Style::stdout();
    let d = &a.document;
    let name = d
        .path
        .as_deref()
        .or(d.title.as_deref())
        .unwrap_or("(article)");
    writeln!(out, "{}", st.bold(&format!("== {name}")))?;
    let mut facts = vec![format!("id {}", d.id)];
    if let Some(t) = &d.title {
        facts.push(format!("title \"{t}\""));
    }
    facts.push(format!(
        "published {}",
        d.published.as_deref().unwrap_or("unknown")
    ));
    if let Some(s) = &d.source_line {
        facts.push(format!("source: {s}"));
    }
    writeln!(out, "{}", st.dim(&facts.join(" | ")))?;

    writeln!(
        out,
        "{}",
        st.heading(&format!("Entities ({})", a.entities.len()))
    )?;
    for e in &a.entities {
        let mut line = format!("  {:<32} {:<8}", e.canonical, e.etype);
        if let Some(r) = &e.role {
            line += &format!(" {r}");
        }
        if let Some(c) = &e.country {
            line += &format!(" [{c}]");
        }
        line += &st.dim(&format!("  ({} mentions)", e.mentions.len()));
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        st.heading(&format!("Dates ({})", a.timexes.len()))
    )?;
    for (n, t) in a.timexes.iter().enumerate() {
        let m = t
            .modifier
            .as_deref()
            .map(|m| format!(" {m}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<36} -> {} {}{m}",
            t.text,
            t.value,
            st.dim(&t.ttype)
        )?;
        write_why(out, st, why.and_then(|w| w.timexes.get(n)))?;
    }
    writeln!(
        out,
        "{}",
        st.heading(&format!("Figures ({})", a.quantities.len()))
    )?;
    for (n, q) in a.quantities.iter().enumerate() {
        writeln!(out, "  {:<36} -> {}", q.text, figure(q))?;
        write_why(out, st, why.and_then(|w| w.quantities.get(n)))?;
    }
    writeln!(
        out,
        "{}",
        st.heading(&format!("Quotes ({})", a.quotes.len()))
    )?;
    for q in &a.quotes {
        let who = q.speaker_name.as_deref().unwrap_or("(unknown speaker)");
        writeln!(out, "  {}: {}", st.bold(who), excerpt(&q.text, 80))?;
    }
    writeln!(
        out,
        "{}",
        st.heading(&format!("Claims ({})", a.claims.len()))
    )?;
    for (i, c) in a.claims.iter().enumerate() {
        write_claim(out, st, &format!("{:>3}.", i + 1), c)?;
    }
    Ok(())
}

/// The rules that decided a line (`--explain`), dimmed under it.
fn write_why(out: &mut impl Write, st: Style, rules: Option<&Vec<String>>) -> io::Result<()> {
    match rules {
        Some(rules) if !rules.is_empty() => {
            writeln!(
                out,
                "      {}",
                st.dim(&format!("why: {}", rules.join(", ")))
            )
        }
        _ => Ok(()),
    }
}

fn write_claim(out: &mut impl Write, st: Style, label: &str, c: &ClaimJson) -> io::Result<()> {
    let who = c.speaker_name.as_deref().unwrap_or("(unknown speaker)");
    let hedge = if c.hedged { " hedged" } else { "" };
    let stated = c.stated.as_deref().unwrap_or("undated");
    writeln!(
        out,
        "{label} {} [{}{hedge}] {} {}",
        st.bold(who),
        st.stance(&c.stance),
        stated,
        st.dim(&format!("(\"{}\")", c.cue))
    )?;
    writeln!(out, "     {}", excerpt(&c.text, 110))?;
    for q in &c.quantities {
        writeln!(out, "     {} {}", st.dim("figure:"), figure(q))?;
    }
    writeln!(
        out,
        "     {} {}",
        st.dim("evidence:"),
        st.dim(&excerpt(&c.sentence, 110))
    )
}

pub fn write_claims(out: &mut impl Write, claims: &[ClaimRecord]) -> io::Result<()> {
    let st = Style::stdout();
    if claims.is_empty() {
        return writeln!(out, "no claims match");
    }
    for (i, r) in claims.iter().enumerate() {
        write_claim(out, st, &format!("{:>3}.", i + 1), &r.claim)?;
        let d = &r.document;
        let source = d.title.as_deref().or(d.path.as_deref()).unwrap_or(&d.id);
        writeln!(out, "     {} {source}", st.dim("in:"))?;
    }
    Ok(())
}

/// "more than 6130 Shaheds (since the beginning of the year)".
fn figure(q: &QuantityJson) -> String {
    let qualifier = match q.qualifier.as_str() {
        "exact" => String::new(),
        other => format!("{} ", other.replace('_', " ")),
    };
    let mut s = format!("{qualifier}{}", number(q.value));
    if let Some(u) = &q.unit {
        s += &format!(" {u}");
    }
    if let Some(c) = &q.counted {
        s += &format!(" {c}");
    }
    if q.change {
        s += " (change)";
    }
    if let Some(scope) = &q.scope {
        s += &format!(" ({scope})");
    }
    s
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The first `max` characters of `s` on one line, with an ellipsis when cut.
pub fn excerpt(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The propositions of a story: each with its claims in date order (speaker,
/// role, date, evidence), its links and its figure series.
pub fn write_story(
    out: &mut impl Write,
    props: &[claimtrail_ledger::Proposition],
) -> io::Result<()> {
    let st = Style::stdout();
    if props.is_empty() {
        return writeln!(out, "no propositions match");
    }
    for p in props {
        let s = &p.sources;
        writeln!(
            out,
            "{}",
            st.heading(&format!("#{} {}", p.id, excerpt(&p.gist, 100)))
        )?;
        let span = match (&p.first_stated, &p.last_stated) {
            (Some(a), Some(b)) if a != b => format!("{a} .. {b}"),
            (Some(a), _) => a.clone(),
            _ => "undated".into(),
        };
        writeln!(
            out,
            "{}",
            st.dim(&format!(
                "{} claims | {span} | {} supporting, {} disputing, {} withholding sources | {} independent reports in {} documents",
                p.members, s.supporting, s.disputing, s.withholding, s.reports, s.documents
            ))
        )?;
        for c in &p.claims {
            let claim = &c.record.claim;
            let who = claim.speaker_name.as_deref().unwrap_or("(unknown speaker)");
            let relay = c
                .relay
                .as_deref()
                .map(|r| format!(" via {r}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {} {} {}{relay} {}",
                claim.stated.as_deref().unwrap_or("undated"),
                st.stance(&c.role),
                st.bold(who),
                st.dim(&format!("[{}]", claim.stance)),
            )?;
            writeln!(out, "      {}", excerpt(&claim.text, 100))?;
            for q in &claim.quantities {
                writeln!(out, "      {} {}", st.dim("figure:"), figure(q))?;
            }
            let d = &c.record.document;
            let source = d.title.as_deref().or(d.path.as_deref()).unwrap_or(&d.id);
            writeln!(
                out,
                "      {} {}",
                st.dim("in:"),
                st.dim(&excerpt(source, 90))
            )?;
        }
        for l in &p.links {
            writeln!(
                out,
                "  {} {} {} {} {}",
                st.dim("link:"),
                short_claim(&l.from),
                l.kind,
                short_claim(&l.to),
                st.dim(&format!("({})", l.reason))
            )?;
        }
        for f in &p.figures {
            write_series_line(out, st, f)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// "c9 of 3f2a9c1e" for a claim id "<document id>-c9".
fn short_claim(id: &str) -> String {
    match id.rsplit_once('-') {
        Some((doc, n)) => format!("{n} of {}", &doc[..doc.len().min(8)]),
        None => id.to_string(),
    }
}

fn write_series_line(
    out: &mut impl Write,
    st: Style,
    f: &claimtrail_ledger::FigureSeries,
) -> io::Result<()> {
    let values: Vec<String> = f
        .points
        .iter()
        .map(|p| {
            format!(
                "{} ({}, {})",
                number(p.value),
                p.stated.as_deref().unwrap_or("undated"),
                p.speaker.as_deref().unwrap_or("?")
            )
        })
        .collect();
    writeln!(
        out,
        "  {} {}: {}",
        st.dim("figures"),
        f.measure,
        values.join(" -> ")
    )?;
    if let Some(s) = &f.summary {
        writeln!(out, "      {}", summary(s))?;
    }
    Ok(())
}

/// "low 10000 / best 11000 / high 11000 (2 sources)".
fn summary(s: &claimtrail_ledger::FigureSummary) -> String {
    format!(
        "low {} / best {} / high {} ({} sources)",
        number(s.low),
        number(s.best),
        number(s.high),
        s.sources
    )
}

/// Figure series: each value with its date, speaker and document, and the
/// low/best/high summary with its rule.
pub fn write_figures(
    out: &mut impl Write,
    series: &[claimtrail_ledger::FigureSeries],
) -> io::Result<()> {
    let st = Style::stdout();
    if series.is_empty() {
        return writeln!(out, "no figures match");
    }
    for f in series {
        writeln!(
            out,
            "{}",
            st.heading(&format!(
                "#{} {}: {}",
                f.proposition,
                f.measure,
                excerpt(&f.gist, 80)
            ))
        )?;
        for p in &f.points {
            writeln!(
                out,
                "  {:<10} {:>14}  {} {} {}",
                p.stated.as_deref().unwrap_or("undated"),
                number(p.value),
                st.bold(p.speaker.as_deref().unwrap_or("(unknown speaker)")),
                st.stance(&p.role),
                st.dim(&format!("\"{}\"", p.text))
            )?;
        }
        if let Some(s) = &f.summary {
            writeln!(out, "  {}", summary(s))?;
            writeln!(out, "  {}", st.dim(&format!("rule: {}", s.rule)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Who said what, by speaker, then the independent reports with their copies.
pub fn write_sources(out: &mut impl Write, v: &claimtrail_ledger::SourcesView) -> io::Result<()> {
    let st = Style::stdout();
    if v.speakers.is_empty() {
        return writeln!(out, "no sources match");
    }
    writeln!(out, "{}", st.heading("Speakers"))?;
    for s in &v.speakers {
        writeln!(
            out,
            "  {} {}",
            st.bold(&s.speaker),
            st.dim(&format!(
                "({} claims in {} independent reports)",
                s.claims.len(),
                s.reports
            ))
        )?;
        for c in &s.claims {
            let relay = c
                .relay
                .as_deref()
                .map(|r| format!(" via {r}"))
                .unwrap_or_default();
            writeln!(
                out,
                "    {} {} #{}{relay} {}",
                c.stated.as_deref().unwrap_or("undated"),
                st.stance(&c.role),
                c.proposition,
                excerpt(&c.text, 80)
            )?;
        }
    }
    writeln!(out, "{}", st.heading("Independent reports"))?;
    for r in &v.reports {
        let name = |d: &claimtrail_ledger::DocumentRef| {
            d.outlet
                .clone()
                .or_else(|| d.title.clone())
                .or_else(|| d.path.clone())
                .unwrap_or_else(|| d.id.clone())
        };
        writeln!(
            out,
            "  {} {}",
            st.bold(&excerpt(&name(&r.origin), 70)),
            st.dim(&format!(
                "({} claims; speakers: {}; {} copies)",
                r.claims,
                r.speakers.join(", "),
                r.copies.len()
            ))
        )?;
        for c in &r.copies {
            writeln!(out, "    {} {}", st.dim("copy:"), excerpt(&name(c), 70))?;
        }
    }
    Ok(())
}

/// Canonical entities with their names and roles over time.
pub fn write_entities(
    out: &mut impl Write,
    entities: &[claimtrail_ledger::CanonicalEntity],
) -> io::Result<()> {
    let st = Style::stdout();
    if entities.is_empty() {
        return writeln!(out, "no entities match");
    }
    for e in entities {
        let decided = if e.decided { " (user decision)" } else { "" };
        writeln!(
            out,
            "#{:<6} {} {} {}",
            e.id,
            st.bold(&e.name),
            st.dim(&e.etype),
            st.dim(&format!("{} documents{decided}", e.documents))
        )?;
        if e.aliases.len() > 1 {
            writeln!(
                out,
                "        {} {}",
                st.dim("names:"),
                e.aliases.join(" | ")
            )?;
        }
        for r in &e.roles {
            let when = match (&r.first_seen, &r.last_seen) {
                (Some(a), Some(b)) if a != b => format!("{a} .. {b}"),
                (Some(a), _) => a.clone(),
                _ => "undated".into(),
            };
            writeln!(
                out,
                "        {} {} ({when}, {} documents)",
                st.dim("role:"),
                r.role,
                r.documents
            )?;
        }
    }
    Ok(())
}
