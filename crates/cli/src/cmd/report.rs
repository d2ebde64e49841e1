//! The readable text report of an analysed article and of claim lists.

use crate::style::Style;
use claimtrail_extract::json::{ArticleJson, ClaimJson, QuantityJson};
use claimtrail_ledger::ClaimRecord;
use std::io::{self, Write};

pub fn write_article(out: &mut impl Write, a: &ArticleJson) -> io::Result<()> {
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
    for t in &a.timexes {
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
    }
    writeln!(
        out,
        "{}",
        st.heading(&format!("Figures ({})", a.quantities.len()))
    )?;
    for q in &a.quantities {
        writeln!(out, "  {:<36} -> {}", q.text, figure(q))?;
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
