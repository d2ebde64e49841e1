//! Throwaway: time each stage on adversarial patterns of growing size.
//! `cargo run --release -p claimtrail-extract --example hostile_timing -- [FILTER] [MAXKB]`
use claimtrail_attribution::Attributor;
use claimtrail_entities::EntityRecognizer;
use claimtrail_quantity::QuantityTagger;
use claimtrail_text::{Document, Metadata};
use claimtrail_time::TimeTagger;
use std::time::Instant;

fn fill(unit: &dyn Fn(usize) -> String, size: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < size {
        s.push_str(&unit(i));
        i += 1;
    }
    s
}

type Pattern = (&'static str, Box<dyn Fn(usize) -> String>);

fn html_cases(n: usize) {
    let body = "<p>The minister said on Monday that 5,000 troops had left Kyiv.</p>";
    let ents = "&#0; &#xFFFFFFFF; &#55296; &#xD800; &#x110000; &amp &; &#; &#x; &#12345678901234567890; \
                    &notanentity; &lt&gt &quot said &ldquo;yes&rdquo; &nbsp;&nbsp; &#8220;no&#8221; &#x202E;";
    let cases = vec![
        ("nested_div", format!("<html><body>{}{body}{}</body></html>", "<div>".repeat(n), "</div>".repeat(n))),
        ("unclosed", format!("<html><body>{}{body}", "<div><span><b>".repeat(n))),
        ("p_run", format!("{}{body}", "<p>".repeat(n))),
        ("close_run", format!("{body}{}", "</div></p>".repeat(n))),
        ("entities", format!("<html><head><title>{ents}</title></head><body><article><p>{}</p></article></body></html>", ents.repeat(n / 20))),
        ("amps", format!("<p>He said {}</p>", "&".repeat(n * 5))),
        ("lts", format!("<p>{}</p>", "<".repeat(n * 5))),
        ("comments", format!("<p>a{}</p>", "<!--".repeat(n))),
        ("metas", format!("<html><head>{}</head><body>{body}</body></html>", r#"<meta property="article:published_time" content="99999-99-99T99:99">"#.repeat(n / 10))),
        ("a_run", format!("{}{body}", "<a href=x>w ".repeat(n))),
        ("misnest", format!("{}{body}", "<b><i>w</b></i>".repeat(n))),
        ("misnest_p", format!("{}{body}", "<b><p>w</b></p>".repeat(n))),
        ("table_run", format!("{}{body}", "<table><tr><td>w".repeat(n))),
        ("select_run", format!("{}{body}", "<select><option>w".repeat(n))),
        ("svg_run", format!("{}{body}", "<svg><g>w".repeat(n))),
        ("span_run", format!("{}{body}", "<span>w ".repeat(n))),
        ("li_run", format!("{}{body}", "<ul><li>w ".repeat(n))),
        ("attr_open", format!("{body}<a href='{}", "w ".repeat(n))),
        ("script_open", format!("{body}<script>{}", "<p>w ".repeat(n))),
        ("br_run", format!("<p>{}</p>", "w<br>".repeat(n))),
        ("many_p", format!("<article>{}</article>", "<p>He said “a” on 5 May.</p>".repeat(n))),
        ("jsonld", format!(r#"<script type="application/ld+json">{{"articleBody": "{}"}}</script>"#, "He said \\\"yes\\\" on 5 May. ".repeat(n / 5))),
    ];
    let pipeline = claimtrail_extract::Pipeline::new();
    for (name, page) in cases {
        let t = Instant::now();
        let article = claimtrail_ingest::html::extract(&page);
        let t_html = t.elapsed().as_secs_f64();
        let text = article.text();
        let t = Instant::now();
        let a = pipeline.analyze(Document::new(text.clone(), Metadata::default()));
        println!("html {name:12} n={n:6} page={:8} text={:8} | extract {t_html:8.3} analyze {:8.3} claims={}", page.len(), text.len(), t.elapsed().as_secs_f64(), a.claims.len());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("html") {
        for n in [1000, 10_000, 30_000] {
            html_cases(n);
        }
        return;
    }
    let filter = args.get(1).cloned().unwrap_or_default();
    let maxkb: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let skip_ent = std::env::var("SKIP_ENT").is_ok();
    let words = [
        "alpha", "beta", "Gamma", "delta", "the", "of", "Minister", "and",
    ];
    let months = [
        "January",
        "Feb.",
        "March",
        "2021",
        "5",
        "Monday",
        "last",
        "week",
        "2020-01-05",
        "Q3",
    ];
    let patterns: Vec<Pattern> = vec![
        ("nospace", Box::new(|_| "abcdefghij".to_string())),
        ("quote_ascii", Box::new(|_| "\"".to_string())),
        ("quote_curly", Box::new(|_| "“".to_string())),
        ("quote_mixed", Box::new(|_| "“\"‘'”’«»".to_string())),
        ("nested", Box::new(|_| "(\"[“{‘<".to_string())),
        ("nested_words", Box::new(|i| format!("(\"a [“b {{‘c {i} "))),
        ("unbalanced_close", Box::new(|_| ")\"]”}’>".to_string())),
        (
            "long_sentence",
            Box::new(move |i| format!("{} ", words[i % words.len()])),
        ),
        ("numbers", Box::new(|i| format!("{} ", i + 1))),
        (
            "numbers_comma",
            Box::new(|i| format!("{},000 ", i % 1000 + 1)),
        ),
        ("money", Box::new(|i| format!("${} million ", i % 1000 + 1))),
        (
            "dates",
            Box::new(move |i| format!("{} ", months[i % months.len()])),
        ),
        (
            "isodates",
            Box::new(|i| format!("2020-{:02}-{:02} ", i % 12 + 1, i % 28 + 1)),
        ),
        ("said", Box::new(|_| "said ".to_string())),
        (
            "said_names",
            Box::new(|i| format!("John Smith{} said ", i % 7)),
        ),
        ("said_quotes", Box::new(|_| "\"yes,\" he said ".to_string())),
        ("said_that", Box::new(|_| "he said that ".to_string())),
        (
            "control",
            Box::new(|_| "a\u{0}b\u{1}\u{202e}c\u{0301}\u{fffd}😀שלום ".to_string()),
        ),
        ("crlf", Box::new(|_| "word.\r\n".to_string())),
        ("cr", Box::new(|_| "word\r".to_string())),
        (
            "sentences",
            Box::new(|_| "He said it was fine. ".to_string()),
        ),
        (
            "paragraphs",
            Box::new(|_| "Quote: \"It rose 5% in 2020,\" he said.\n\n".to_string()),
        ),
        ("according", Box::new(|_| "according to ".to_string())),
        ("percent", Box::new(|i| format!("{}% ", i % 100))),
        ("between", Box::new(|i| format!("between {} and ", i % 100))),
        ("since", Box::new(|_| "since ".to_string())),
        (
            "open_curly_words",
            Box::new(|i| format!("“word{} ", i % 10)),
        ),
        (
            "open_ascii_words",
            Box::new(|i| format!("\"word{} ", i % 10)),
        ),
        (
            "close_curly_words",
            Box::new(|i| format!("word{}” ", i % 10)),
        ),
        ("single_words", Box::new(|i| format!("‘word{} ", i % 10))),
        ("low_quotes", Box::new(|_| "„a ".to_string())),
        ("quote_pars", Box::new(|_| "“word\n\n".to_string())),
        (
            "quote_pars_ascii",
            Box::new(|_| "He said: \"word\n\n".to_string()),
        ),
        ("guillemets", Box::new(|_| "«a ‹b ".to_string())),
        ("to_to", Box::new(|i| format!("{} to ", i % 100))),
        ("more_than", Box::new(|_| "more than ".to_string())),
        ("up_from", Box::new(|i| format!("up {}% from ", i % 100))),
        ("million", Box::new(|_| "million ".to_string())),
        ("dozens_of", Box::new(|_| "dozens of people ".to_string())),
        ("week_before", Box::new(|_| "the week before ".to_string())),
        ("last", Box::new(|_| "last ".to_string())),
        ("years", Box::new(|i| format!("{} to ", 1900 + i % 100))),
        ("decades", Box::new(|_| "the 1990s and early ".to_string())),
        ("ago", Box::new(|i| format!("{} years ago ", i % 100))),
        (
            "told_that",
            Box::new(|_| "he told reporters that ".to_string()),
        ),
        ("quote_labels", Box::new(|_| "Quote: ".to_string())),
        (
            "quote_label_pars",
            Box::new(|_| "Quote: “a\n\n".to_string()),
        ),
        ("colon_quotes", Box::new(|_| "He said: “a” ".to_string())),
        ("pronoun_said", Box::new(|_| "“a,” she said. ".to_string())),
        (
            "nested_said",
            Box::new(|_| "he said that she said that ".to_string()),
        ),
        (
            "cues_mix",
            Box::new(|_| "said told according to claimed denied warned ".to_string()),
        ),
        (
            "not_hedge",
            Box::new(|_| "not never no may might ".to_string()),
        ),
        ("caps", Box::new(|i| format!("WORD{} ", i % 10))),
        ("newlines", Box::new(|_| "\n".to_string())),
        ("spaces", Box::new(|_| " ".to_string())),
        ("dashes", Box::new(|_| "— ".to_string())),
        ("dots", Box::new(|_| ". ".to_string())),
        ("digits_long", Box::new(|_| "1234567890".to_string())),
        ("decimal_long", Box::new(|_| "1.1".to_string())),
        ("comma_digits", Box::new(|_| "1,000".to_string())),
        (
            "stated_on",
            Box::new(|i| {
                format!(
                    "On {} October, the ministry stated that troops would leave; ",
                    i % 28 + 1
                )
            }),
        ),
        (
            "long_quote_cues",
            Box::new(|i| {
                if i == 0 {
                    format!("“{}” ", "word ".repeat(20_000))
                } else {
                    "he said, she said, ".to_string()
                }
            }),
        ),
        (
            "quote_then_cues",
            Box::new(|i| {
                if i % 50 == 0 {
                    "“a b c d e” ".to_string()
                } else {
                    "he said ".to_string()
                }
            }),
        ),
        ("label_runs", Box::new(|_| "Quote:\n\n".to_string())),
        ("statement_runs", Box::new(|_| "He said:\n\n".to_string())),
        (
            "headline_said",
            Box::new(|i| {
                if i == 0 {
                    "Minister says war will end\n\n".to_string()
                } else {
                    "Minister says ".to_string()
                }
            }),
        ),
        ("unclosed_par_quotes", Box::new(|_| "“a b\n\n".to_string())),
        (
            "par_quote_chain",
            Box::new(|_| "He said: “First part.\n\n“Second part.\n\n".to_string()),
        ),
        ("run_paren_open", Box::new(|_| "(".to_string())),
        ("run_paren_close", Box::new(|_| ")".to_string())),
        ("run_bracket", Box::new(|_| "[".to_string())),
        ("run_apos", Box::new(|_| "'".to_string())),
        ("run_close_curly", Box::new(|_| "”".to_string())),
        ("run_comma", Box::new(|_| ",".to_string())),
        ("run_excl", Box::new(|_| "!".to_string())),
        ("run_quote_space", Box::new(|_| "\" ".to_string())),
        (
            "names_period",
            Box::new(|i| format!("John Smith{} said. ", i % 7)),
        ),
        (
            "same_name_said",
            Box::new(|_| "John Smith said ".to_string()),
        ),
        (
            "distinct_names",
            Box::new(|i| format!("John Smith{i} said ")),
        ),
        (
            "bigword_said",
            Box::new(|_| format!("{} said ", "x".repeat(10_000))),
        ),
        (
            "bigword_quote",
            Box::new(|_| format!("“{}” he said ", "x".repeat(10_000))),
        ),
        (
            "bigword_cap",
            Box::new(|_| format!("X{} ", "x".repeat(10_000))),
        ),
        (
            "bigword_num",
            Box::new(|_| format!("{} ", "1".repeat(10_000))),
        ),
        (
            "bignum_grouped",
            Box::new(|_| format!("1{} ", ",000".repeat(2_500))),
        ),
        (
            "statement_big",
            Box::new(|_| {
                format!(
                    "The ministry said:\n\n{}\n\n",
                    "Troops were moved to the border on Monday. ".repeat(100)
                )
            }),
        ),
        (
            "said_colon_chain",
            Box::new(|i| {
                if i % 20 == 19 {
                    format!("{}\n\n", "Troops were moved. ".repeat(200))
                } else {
                    "said:\n\n".to_string()
                }
            }),
        ),
        ("three_digit", Box::new(|_| "123 ".to_string())),
        ("three_digit_nbsp", Box::new(|_| "123\u{a0}".to_string())),
        ("hedges", Box::new(|_| "may possibly could ".to_string())),
    ];
    let ent = EntityRecognizer::new();
    let time = TimeTagger::new();
    let qty = QuantityTagger::new();
    let attr = Attributor::new();
    let meta = Metadata {
        published: chrono::NaiveDate::from_ymd_opt(2021, 3, 4),
        ..Default::default()
    };
    for (name, unit) in &patterns {
        if !name.contains(filter.as_str()) {
            continue;
        }
        let sizes: Vec<usize> = std::env::var("SIZES")
            .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
            .unwrap_or(vec![10, 100, 1000]);
        for kb in sizes {
            if kb > maxkb {
                continue;
            }
            let text = fill(unit.as_ref(), kb * 1000);
            let t = Instant::now();
            let doc = Document::new(text, meta.clone());
            let t_doc = t.elapsed();
            let t = Instant::now();
            let entities = if skip_ent {
                Default::default()
            } else {
                ent.recognize(&doc)
            };
            let t_ent = t.elapsed();
            let t = Instant::now();
            let timexes = time.tag(&doc);
            let t_time = t.elapsed();
            let t = Instant::now();
            let quantities = qty.tag(&doc, &timexes);
            let t_qty = t.elapsed();
            let t = Instant::now();
            let attribution = attr.attribute(&doc, &entities);
            let t_attr = t.elapsed();
            let t = Instant::now();
            let claims = claimtrail_extract::claims::build(
                &doc,
                &entities,
                &timexes,
                &quantities,
                &attribution,
            );
            let t_claims = t.elapsed();
            let (na, nq, nat, nc) = (
                timexes.len(),
                quantities.len(),
                attribution.attributions.len(),
                claims.len(),
            );
            if std::env::var("SUMS").is_ok() {
                let content: usize = attribution
                    .attributions
                    .iter()
                    .flat_map(|a| &a.content)
                    .map(|c| c.len())
                    .sum();
                let maxc = attribution
                    .attributions
                    .iter()
                    .flat_map(|a| &a.content)
                    .map(|c| c.len())
                    .max()
                    .unwrap_or(0);
                let ev: usize = claims.iter().map(|c| c.sentence.len()).sum();
                let cc: usize = claims
                    .iter()
                    .flat_map(|c| &c.content)
                    .map(|c| c.len())
                    .sum();
                let cq: usize = claims
                    .iter()
                    .map(|c| c.quantities.len() + c.timexes.len())
                    .sum();
                let ms: usize = entities.mentions.len();
                println!("  sums: att content {content} (max {maxc}), claim content {cc}, evidence {ev}, claim q+t {cq}, mentions {ms}");
            }
            let (ntok, nsent) = (doc.tokens().len(), doc.sentences().len());
            let t = Instant::now();
            let (t_json, json_len) = if std::env::var("JSON").is_ok() {
                let a = claimtrail_extract::Analysis {
                    id: String::new(),
                    doc,
                    entities,
                    timexes,
                    quantities,
                    attribution,
                    claims,
                };
                let j = claimtrail_extract::json::ArticleJson::from_analysis(&a);
                let n = serde_json::to_string(&j).map(|s| s.len()).unwrap_or(0);
                (t.elapsed().as_secs_f64(), n)
            } else {
                (0.0, 0)
            };
            println!(
                "{name:16} {kb:5}KB tok={:7} sent={:6} | doc {:8.3} ent {:8.3} time {:8.3} qty {:8.3} attr {:8.3} claims {:8.3} json {t_json:8.3} ({json_len}) | tx={} q={} at={} c={}",
                ntok,
                nsent,
                t_doc.as_secs_f64(),
                t_ent.as_secs_f64(),
                t_time.as_secs_f64(),
                t_qty.as_secs_f64(),
                t_attr.as_secs_f64(),
                t_claims.as_secs_f64(),
                na,
                nq,
                nat,
                nc
            );
        }
    }
}
