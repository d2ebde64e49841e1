//! Page metadata: title, publication date, canonical URL and outlet, from the
//! places publishers put them: JSON-LD (`NewsArticle` and kin), Open Graph and
//! `article:` meta tags, other common date meta names, `<time datetime>`, the
//! canonical link and `<title>`.

use crate::date::parse_date;
use chrono::NaiveDate;
use scraper::{Html, Selector};
use serde_json::Value;

/// A page's metadata, each field from the most specific place the page gives
/// it: JSON-LD, then `<meta>` tags, then the page's own elements (`<h1>`,
/// `<title>`, `<time>`, the canonical link).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// The headline (a `<title>` or `og:title` without the site name after it).
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The `articleBody` of a JSON-LD article, when the page carries one.
    pub article_body: Option<String>,
}

/// Meta names (lower-cased `property`, `name` or `itemprop`) that carry the
/// publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

pub(crate) fn page_meta(html: &Html) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    for m in html.select(&selector("meta[content]")) {
        let e = m.value();
        let key = e
            .attr("property")
            .or_else(|| e.attr("name"))
            .or_else(|| e.attr("itemprop"));
        if let (Some(k), Some(v)) = (key, e.attr("content")) {
            metas.push((k.trim().to_ascii_lowercase(), clean(v)));
        }
    }
    let meta = |k: &str| {
        metas
            .iter()
            .find(|(key, v)| key == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let ld = json_ld(html);

    let outlet = meta("og:site_name")
        .or(ld.publisher.clone())
        .or_else(|| meta("application-name"));
    let doc_title = html
        .select(&selector("title"))
        .next()
        .map(|t| clean(&t.text().collect::<String>()));
    let h1s: Vec<String> = html
        .select(&selector("body h1"))
        .take(2)
        .map(|h| clean(&h.text().collect::<String>()))
        .collect();
    let title = ld
        .headline
        .clone()
        .or_else(|| meta("og:title").map(|t| strip_site(&t, outlet.as_deref())))
        .or_else(|| (h1s.len() == 1).then(|| h1s[0].clone()))
        .or_else(|| doc_title.map(|t| strip_site(&t, outlet.as_deref())))
        .filter(|t| !t.is_empty());

    let published = ld
        .published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| meta(k).as_deref().and_then(parse_date))
        })
        .or_else(|| {
            html.select(&selector("[itemprop=datePublished]"))
                .find_map(|e| {
                    e.value()
                        .attr("datetime")
                        .or(e.value().attr("content"))
                        .and_then(parse_date)
                })
        })
        .or_else(|| {
            html.select(&selector("time[datetime]"))
                .find_map(|t| t.value().attr("datetime").and_then(parse_date))
        });

    let canonical = html
        .select(&selector("link[rel][href]"))
        .find(|l| {
            l.value().attr("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|l| l.value().attr("href"))
        .map(clean);
    let url = canonical
        .filter(|u| crate::is_web_url(u))
        .or_else(|| meta("og:url").filter(|u| crate::is_web_url(u)))
        .or(ld.url.filter(|u| crate::is_web_url(u)));

    PageMeta {
        title,
        published,
        url,
        outlet,
        article_body: ld.body,
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Outlet" -> "Headline": drops a trailing (or leading) part after
/// a title separator when it names the outlet or is short next to the rest.
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let names_outlet = outlet.is_some_and(|o| tail.trim().eq_ignore_ascii_case(o.trim()));
            if names_outlet
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 4)
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    body: Option<String>,
}

/// Types whose JSON-LD describes the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "webpage",
];

fn json_ld(html: &Html) -> LdArticle {
    let mut best: Option<(usize, LdArticle)> = None;
    for script in html.select(&selector("script[type]")) {
        if !script
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        // Walk arrays and @graph with an explicit stack (no recursion on untrusted JSON).
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(obj) => {
                    if let Some(graph) = obj.get("@graph") {
                        stack.push(graph);
                    }
                    let Some(rank) = type_rank(obj.get("@type")) else {
                        continue;
                    };
                    if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
                        continue;
                    }
                    let text = |k: &str| {
                        obj.get(k)
                            .and_then(Value::as_str)
                            .map(clean)
                            .filter(|s| !s.is_empty())
                    };
                    let publisher = obj.get("publisher").and_then(|p| match p {
                        Value::Object(o) => o.get("name").and_then(Value::as_str).map(clean),
                        Value::String(s) => Some(clean(s)),
                        _ => None,
                    });
                    let body = obj
                        .get("articleBody")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                        .filter(|s| !s.trim().is_empty());
                    let url = text("url").or_else(|| match obj.get("mainEntityOfPage") {
                        Some(Value::Object(o)) => o.get("@id").and_then(Value::as_str).map(clean),
                        Some(Value::String(s)) => Some(clean(s)),
                        _ => None,
                    });
                    let ld = LdArticle {
                        headline: text("headline"),
                        published: text("datePublished"),
                        url,
                        publisher,
                        body,
                    };
                    best = Some((rank, ld));
                }
                _ => {}
            }
        }
    }
    best.map(|(_, ld)| ld).unwrap_or_default()
}

/// How well a JSON-LD `@type` describes the article (lower is better);
/// `WebPage` only when nothing better is there.
fn type_rank(t: Option<&Value>) -> Option<usize> {
    let names: Vec<String> = match t? {
        Value::String(s) => vec![s.to_ascii_lowercase()],
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => return None,
    };
    names
        .iter()
        .filter_map(|n| ARTICLE_TYPES.iter().position(|t| t == n))
        .map(|p| if p == ARTICLE_TYPES.len() - 1 { 1 } else { 0 })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_and_meta() {
        let page = r#"<html><head><title>Ignored | Daily Planet</title>
            <meta property="og:site_name" content="Daily Planet">
            <meta property="article:published_time" content="2024-01-02T10:00:00Z">
            <link rel="canonical" href="https://planet.example/a/1">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","headline":"Page"},
              {"@type":["NewsArticle"],"headline":"Troops  sent north","datePublished":"2024-10-08T09:00:00+03:00",
               "publisher":{"@type":"Organization","name":"Planet News"}}]}</script>
            </head><body><h1>Troops sent north</h1></body></html>"#;
        let m = page_meta(&Html::parse_document(page));
        assert_eq!(m.title.as_deref(), Some("Troops sent north"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 10, 8));
        assert_eq!(m.url.as_deref(), Some("https://planet.example/a/1"));
        assert_eq!(m.outlet.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn fallbacks() {
        let page = r#"<html><head><title>Storm hits the coast overnight - Gazette</title></head>
            <body><p>x</p><time datetime="2023-05-06">6 May</time></body></html>"#;
        let m = page_meta(&Html::parse_document(page));
        assert_eq!(m.title.as_deref(), Some("Storm hits the coast overnight"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2023, 5, 6));
        assert_eq!(m.url, None);
        assert_eq!(m.outlet, None);
    }
}
