//! End-to-end tests of the page in real headless Chromium, driven over
//! WebDriver (chromedriver). They ingest through the API, then use the page
//! as a person would, and save screenshots under `target/screenshots/`.
//!
//! Debian's `chromium` and `chromium-driver` packages are needed
//! (`scripts/test` installs them); without them these tests say so and skip.

mod common;

use common::*;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WAIT: Duration = Duration::from_secs(30);

/// Chromium and its driver, or None (after saying why) when not installed.
fn browser_available() -> bool {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    if missing.is_empty() {
        return true;
    }
    eprintln!(
        "SKIPPED browser test: {} not installed (apt-get install chromium chromium-driver, or run scripts/test)",
        missing.join(" and ")
    );
    false
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A chromedriver process, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The page under test: the server, the browser session and their folders.
struct Session {
    client: Client,
    base: String,
    _driver: Driver,
    _db: tempfile::TempDir,
}

impl Session {
    /// Serves `app` on a free loopback port and opens a fresh headless Chromium.
    async fn start(app: axum::Router, db: tempfile::TempDir) -> Session {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });

        let port = free_port();
        let profile = tempfile::tempdir().expect("profile dir");
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver {
            child,
            port,
            _profile: profile,
        };
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,1000",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!(
            "--user-data-dir={}",
            driver._profile.path().display()
        )])
        .collect::<Vec<_>>();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({"binary": CHROMIUM, "args": args}),
        );
        let url = format!("http://127.0.0.1:{}", driver.port);
        let mut client = None;
        // Up to 30 s: chromedriver and then Chromium start slowly on a busy machine.
        for _ in 0..300 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                // chromedriver is still starting
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Session {
            client: client.expect("a WebDriver session with chromedriver"),
            base,
            _driver: driver,
            _db: db,
        }
    }

    /// Opens a page of the app (a `#/...` route) and waits until it has rendered.
    async fn open(&self, route: &str) {
        self.client
            .goto(&format!("{}/{route}", self.base))
            .await
            .expect("goto");
        self.ready(route).await;
    }

    /// Waits until the router has rendered `route` (it marks `#view` then).
    async fn ready(&self, route: &str) {
        let selector = format!("#view[data-ready=\"{}\"]", route.replace('"', "\\\""));
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&selector))
            .await
            .unwrap_or_else(|e| panic!("{route} did not render: {e}"));
    }

    async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self.client.find_all(Locator::Css(css)).await.expect("find") {
            out.push(e.text().await.expect("text"));
        }
        out
    }

    async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }
}

/// The claim ids of the view's claim rows, in order.
async fn claim_rows(s: &Session) -> Vec<String> {
    let ids = s
        .js("return [...document.querySelectorAll('#view .claim-row')].map(r => r.dataset.claim)")
        .await;
    serde_json::from_value(ids).expect("claim ids")
}

/// The cumulative layout shift the page has recorded (layout-shift entries
/// reach only a PerformanceObserver, hence the buffered observer).
async fn layout_shift(s: &Session) -> f64 {
    let script = "const done = arguments[arguments.length - 1]; let sum = 0; \
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; }) \
          .observe({type: 'layout-shift', buffered: true}); \
        setTimeout(() => done(sum), 300);";
    let v = s
        .client
        .execute_async(script, vec![])
        .await
        .expect("layout-shift observer");
    v.as_f64().expect("a number")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_story_claim_card_and_chart() {
    if !browser_available() {
        return;
    }
    let (app, db) = seeded().await;
    let s = Session::start(app, db).await;

    // Home: the seed article is listed, with North Korea among the stories.
    s.open("#/").await;
    let docs = s.texts("#view a[href^='#/doc/']").await;
    assert!(
        docs.iter()
            .any(|t| t.starts_with("President Volodymyr Zelenskyy")),
        "{docs:?}"
    );
    s.screenshot("01-home").await;

    // Search from the box, with the keyboard.
    s.js("document.activeElement.blur()").await;
    let body = s.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys("/").await.unwrap();
    let focused = s.js("return document.activeElement.id").await;
    assert_eq!(focused, "q", "'/' focuses the search box");
    let q = s.client.find(Locator::Css("#q")).await.unwrap();
    q.send_keys("North Korea\u{E007}").await.unwrap(); // U+E007: WebDriver's Enter key
    s.ready("#/search/North%20Korea").await;
    let claims = s.texts("#view .claim-row").await;
    assert!(!claims.is_empty(), "search finds claims");
    s.screenshot("02-search").await;

    // Open the story.
    s.client
        .find(Locator::Css("a.story-link[href='#/story/North%20Korea']"))
        .await
        .expect("a link to the North Korea story")
        .click()
        .await
        .unwrap();
    s.ready("#/story/North%20Korea").await;

    // Time axis: the claims as dots coloured by stance.
    let dots = s
        .js("return document.querySelectorAll('.proposition svg.axis circle').length")
        .await;
    assert!(dots.as_u64().unwrap() >= 6, "{dots}");
    let colours = s
        .js("return [...new Set([...document.querySelectorAll('.proposition svg.axis circle')].map(c => c.getAttribute('fill')))].length")
        .await;
    assert!(
        colours.as_u64().unwrap() >= 3,
        "dots coloured by stance: {colours}"
    );

    // Austin's "could not confirm" beside the supporting claims.
    let supporting = s.texts(".proposition .side.supports .claim-row").await;
    let withholding = s.texts(".proposition .side.withholds .claim-row").await;
    assert!(
        supporting.iter().any(|t| t.contains("Kyrylo Budanov")),
        "{supporting:?}"
    );
    assert!(
        withholding
            .iter()
            .any(|t| t.contains("Lloyd Austin") && t.contains("could not confirm")),
        "{withholding:?}"
    );
    let side_by_side = s
        .js(
            "const a = document.querySelector('.side.supports').getBoundingClientRect(); \
             const b = document.querySelector('.side.withholds').getBoundingClientRect(); \
             return b.left >= a.right - 1 && b.top < a.bottom;",
        )
        .await;
    assert_eq!(
        side_by_side,
        Value::Bool(true),
        "columns side by side on a wide screen"
    );

    // The figure chart: 10,000 then 11,000, left to right, with a band.
    let labels = s
        .js("return [...document.querySelectorAll('svg.chart text.value')].map(t => [t.textContent, t.getBBox().x])")
        .await;
    let labels: Vec<(String, f64)> = serde_json::from_value(labels).unwrap();
    let x_of = |v: &str| labels.iter().find(|l| l.0 == v).map(|l| l.1);
    let (ten, eleven) = (x_of("10,000"), x_of("11,000"));
    assert!(ten.is_some() && eleven.is_some(), "{labels:?}");
    assert!(ten < eleven, "10,000 drawn before 11,000: {labels:?}");
    let band = s
        .js("return document.querySelectorAll('svg.chart rect.band').length")
        .await;
    assert!(band.as_u64().unwrap() >= 1);
    s.screenshot("03-story").await;
    s.js("document.querySelector('.figure').scrollIntoView()")
        .await;
    s.screenshot("04-figure-chart").await;

    // The claim card, opened from the keyboard: Tab to Austin's row, Enter.
    let row = s
        .client
        .find(Locator::Css(".side.withholds .claim-row"))
        .await
        .unwrap();
    s.js("document.querySelector('.side.withholds .claim-row').focus()")
        .await;
    row.send_keys("\u{E007}").await.unwrap();
    s.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("dialog#card[open] blockquote.evidence"))
        .await
        .expect("the claim card opens");
    let speaker = s.texts("dialog#card .evidence .hl-speaker").await;
    let content = s.texts("dialog#card .evidence .hl-content").await.join(" ");
    let dates = s.texts("dialog#card .evidence .hl-date").await;
    assert!(
        speaker.iter().any(|t| t.contains("Lloyd Austin")),
        "{speaker:?}"
    );
    assert!(content.contains("North Korea had sent troops"), "{content}");
    assert!(dates.iter().any(|t| t == "19 October"), "{dates:?}");
    let card = s.texts("dialog#card dl").await.join("\n");
    assert!(
        card.contains("US Defence Secretary") && card.contains("could not confirm"),
        "{card}"
    );
    assert!(card.contains("2024-10-19"), "{card}");
    let link = s
        .js("return document.querySelector('dialog#card .card-source a[target=_blank]').href")
        .await;
    assert_eq!(link, seed_body()["url"]);
    s.screenshot("05-claim-card").await;

    // Escape closes the card and gives focus back to the row.
    s.client
        .find(Locator::Css("dialog#card"))
        .await
        .unwrap()
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    let state = s
        .js("return [document.getElementById('card').open, document.activeElement.classList.contains('claim-row')]")
        .await;
    assert_eq!(state, json!([false, true]));

    // Budanov's card highlights the figure.
    s.js("[...document.querySelectorAll('.side.supports .claim-row')].find(b => b.textContent.includes('Budanov')).click()")
        .await;
    s.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("dialog#card[open] .evidence .hl-figure"))
        .await
        .expect("a highlighted figure");
    let figures = s.texts("dialog#card .evidence .hl-figure").await;
    assert!(figures.iter().any(|t| t.contains("11,000")), "{figures:?}");
    s.js("document.getElementById('card').close()").await;

    // The entity page: claims and roles over time.
    s.open("#/entity/Lloyd%20Austin").await;
    let roles = s.texts("#view .roles li").await;
    assert!(
        roles
            .iter()
            .any(|r| r.contains("US Defence Secretary") && r.contains("2024-10-")),
        "{roles:?}"
    );
    assert!(!s.texts("#view .claim-row").await.is_empty());
    s.screenshot("06-entity").await;

    // No layout shift while a story loads: open it fresh and add up the
    // layout-shift entries the browser recorded (0.1 is the usual "good" bound).
    s.open("#/story/North%20Korea").await;
    s.client.refresh().await.unwrap();
    s.ready("#/story/North%20Korea").await;
    let shift = layout_shift(&s).await;
    eprintln!("cumulative layout shift while the story loaded: {shift:.4}");
    assert!(shift < 0.1, "layout shift {shift}");

    // Phone width: nothing wider than the screen.
    s.client.set_window_size(390, 844).await.unwrap();
    s.open("#/story/North%20Korea").await;
    let overflow = s
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        .await;
    assert!(
        overflow.as_i64().unwrap() <= 0,
        "horizontal overflow {overflow}"
    );
    s.screenshot("07-story-phone").await;

    s.client.close().await.unwrap();
}

/// The article view marks every claim in the stored text, a claim's permalink
/// opens its card as a page and in the article, the claims view filters by
/// stance and dates, and an untitled article is listed by its first words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn article_view_permalinks_filters_and_untitled_articles() {
    if !browser_available() {
        return;
    }
    let (app, db) = seeded().await;
    let untitled = ingest(&app, &untitled_body("")).await;
    let docs = get(&app, "/api/documents").await.json;
    let seed_id = docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] != untitled.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let stored = get(&app, &format!("/api/documents/{seed_id}")).await.json;
    let api_claims = |q: &str| {
        let app = app.clone();
        let q = q.to_string();
        async move {
            get(&app, &format!("/api/claims?limit=50&{q}")).await.json["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    let all = api_claims("").await;
    let withheld = api_claims("stance=cannot_confirm").await;
    let dated = api_claims("since=2024-10-13&until=2024-10-18").await;
    let austin = api_claims("speaker=Lloyd%20Austin").await;
    assert!(!dated.is_empty() && dated.len() < all.len(), "{dated:?}");
    let s = Session::start(app.clone(), db).await;

    // Home: the untitled article is listed by its first words, not its hash.
    s.open("#/").await;
    let untitled_links = s.texts("#view a.untitled").await;
    assert_eq!(
        untitled_links,
        ["Harbour officials in the port town of Eastmere said on …"]
    );
    s.open(&format!("#/doc/{untitled}")).await;
    let h1 = s.texts("#view h1").await;
    assert!(h1[0].starts_with("Harbour officials"), "{h1:?}");

    // The article view: the stored text, whole and as text, every claim marked.
    s.open(&format!("#/doc/{seed_id}")).await;
    let shown = s
        .js("return document.querySelector('#view .article-text').textContent")
        .await;
    assert_eq!(shown, stored["text"], "the article text is shown as stored");
    let mut marked: Vec<String> = serde_json::from_value(
        s.js("return [...new Set([...document.querySelectorAll('.article-text mark.claim-mark')].map(m => m.dataset.claim))]")
            .await,
    )
    .unwrap();
    let claims = stored["article"]["claims"].as_array().unwrap();
    let mut ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    marked.sort();
    ids.sort();
    assert_eq!(marked, ids, "each claim marked");
    // Each claim's marks hold exactly the text of its offsets (where no
    // narrower claim lies inside it).
    let text: Vec<char> = stored["text"].as_str().unwrap().chars().collect();
    let austin_claim = claims
        .iter()
        .find(|c| c["id"] == austin[0].as_str())
        .unwrap();
    let (a, b) = (
        austin_claim["start"].as_u64().unwrap() as usize,
        austin_claim["end"].as_u64().unwrap() as usize,
    );
    let austin_marks = s
        .js(&format!(
            "return [...document.querySelectorAll('mark.claim-mark[data-claim=\"{}\"]')].map(m => m.textContent).join('')",
            austin[0]
        ))
        .await;
    assert_eq!(austin_marks, text[a..b].iter().collect::<String>());
    s.screenshot("10-article").await;

    // A mark opens the claim's card, which links to the claim's permalink.
    s.js(&format!(
        "document.querySelector('mark.claim-mark[data-claim=\"{}\"]').click()",
        austin[0]
    ))
    .await;
    s.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("dialog#card[open] a.permalink"))
        .await
        .expect("the card opens from the article text");
    let permalink = s
        .js("return document.querySelector('dialog#card a.permalink').getAttribute('href')")
        .await;
    assert_eq!(permalink, format!("#/claim/{}", austin[0]));
    s.client
        .find(Locator::Css("dialog#card a.permalink"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.ready(&format!("#/claim/{}", austin[0])).await;
    let open = s.js("return document.getElementById('card').open").await;
    assert_eq!(
        open,
        Value::Bool(false),
        "the card closes for the permalink page"
    );

    // The permalink, opened afresh, shows the claim as a page.
    s.client.refresh().await.unwrap();
    s.ready(&format!("#/claim/{}", austin[0])).await;
    let heading = s.texts("#view h1").await;
    assert_eq!(heading, ["Lloyd Austin could not confirm"]);
    let speaker = s.texts("#view .claim-page .evidence .hl-speaker").await;
    assert!(
        speaker.iter().any(|t| t.contains("Lloyd Austin")),
        "{speaker:?}"
    );
    s.screenshot("11-claim-permalink").await;

    // "In the article" opens the article at the claim, focused.
    s.client
        .find(Locator::Css("#view a.in-article"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let at_claim = format!("#/doc/{seed_id}/{}", austin[0]);
    s.ready(&at_claim).await;
    let focus = s
        .js("return [document.activeElement.dataset.claim, [...document.querySelectorAll('mark.current')].map(m => m.dataset.claim)]")
        .await;
    let current: (String, Vec<String>) = serde_json::from_value(focus).unwrap();
    assert_eq!(current.0, austin[0]);
    assert!(!current.1.is_empty() && current.1.iter().all(|c| c == &austin[0]));

    // The claims view: all claims, then filtered by stance with the form.
    s.open("#/claims").await;
    assert_eq!(claim_rows(&s).await, all);
    s.js("const f = document.getElementById('claim-filters'); f.elements.stance.value = 'cannot_confirm';")
        .await;
    s.client
        .find(Locator::Css("#claim-filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.ready("#/claims?stance=cannot_confirm").await;
    assert_eq!(claim_rows(&s).await, withheld);
    let classes = s
        .js("return [...document.querySelectorAll('#view .claim-row')].every(r => r.classList.contains('cannot_confirm'))")
        .await;
    assert_eq!(classes, Value::Bool(true));
    let kept = s
        .js("return document.getElementById('claim-filters').elements.stance.value")
        .await;
    assert_eq!(kept, "cannot_confirm", "the form shows the filter in force");

    // By dates: the rows are the API's for the same range.
    s.js(
        "const f = document.getElementById('claim-filters'); f.elements.stance.value = ''; \
          f.elements.since.value = '2024-10-13'; f.elements.until.value = '2024-10-18';",
    )
    .await;
    s.client
        .find(Locator::Css("#claim-filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.ready("#/claims?since=2024-10-13&until=2024-10-18").await;
    assert_eq!(claim_rows(&s).await, dated);
    s.screenshot("12-claims-by-date").await;

    // The entity page links to its speaker's claims in the claims view.
    s.open("#/entity/Lloyd%20Austin").await;
    s.client
        .find(Locator::Css("#view a.filter-link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    s.ready("#/claims?speaker=Lloyd+Austin").await;
    assert_eq!(claim_rows(&s).await, austin);

    s.client.close().await.unwrap();
}

/// Article text and title with script tags and event-handler attributes: the
/// page must show them as text, create no element from them, and run nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_article_text_never_runs() {
    if !browser_available() {
        return;
    }
    const IMG: &str = "<img src=x onerror=\"window.__xss=1;document.title='pwned'\">";
    let title = format!("Evacuation {IMG} <script>window.__xss=2;document.title='pwned'</script>");
    let text = format!(
        "Rivers rise in the north <b onmouseover=\"window.__xss=3\">tonight</b> <script>window.__xss=4;document.title='pwned'</script>\n\n\
         Police said on 3 March that {IMG} 5,000 people had been evacuated from <svg onload=\"window.__xss=5\">Riverton</svg>.\n\n\
         Mayor Jane Doe said that the <script>window.__xss=6</script> bridge would reopen on Friday.\n"
    );
    let (app, db) = app(Some(TOKEN));
    let body = json!({"text": text, "title": title, "published": "2024-03-04",
                      "url": "https://news.example/flood?<script>x</script>"});
    let r = post(
        &app,
        "/api/documents",
        Some(TOKEN),
        serde_json::to_vec(&body).unwrap(),
    )
    .await;
    assert_eq!(r.status, axum::http::StatusCode::CREATED, "{}", r.json);
    assert!(
        r.json["claims"].as_u64().unwrap() >= 1,
        "the hostile article yields claims"
    );
    let doc_id = r.json["id"].as_str().unwrap().to_string();
    // No headline, and a first line too long for a title: labelled by its first words.
    let untitled = format!(
        "{IMG} <script>window.__xss=7;document.title='pwned'</script> Officials in Riverton said on Monday that the river had risen two metres overnight and that the flood defences along the whole of the eastern bank were being checked by engineers from the regional water board.\n\n\
         Mayor Jane Doe said the schools would stay closed.\n"
    );
    let untitled_id = ingest(&app, &json!({"text": untitled, "published": "2024-03-05"})).await;
    let s = Session::start(app.clone(), db).await;

    let check = |place: &'static str| {
        let s = &s;
        async move {
            let report = s
                .js("return {xss: window.__xss === undefined ? null : window.__xss, title: document.title, \
                     imgs: document.querySelectorAll('img').length, \
                     scripts: document.querySelectorAll('script').length, \
                     handlers: document.querySelectorAll('[onerror],[onload],[onmouseover]').length, \
                     svgs_from_text: document.querySelectorAll('svg:not(.axis):not(.chart)').length}")
                .await;
            assert_eq!(
                report["xss"],
                Value::Null,
                "{place}: a payload ran: {report}"
            );
            assert!(report["title"] != "pwned", "{place}: {report}");
            assert_eq!(
                report["imgs"], 0,
                "{place}: an <img> was created from article text: {report}"
            );
            assert_eq!(
                report["scripts"], 1,
                "{place}: a <script> was created from article text: {report}"
            );
            assert_eq!(
                report["handlers"], 0,
                "{place}: event attributes in the DOM: {report}"
            );
            assert_eq!(
                report["svgs_from_text"], 0,
                "{place}: an <svg> was created from article text: {report}"
            );
        }
    };

    s.open("#/").await;
    check("home").await;
    // The title is shown, as text.
    let links = s.texts("#view a[href^='#/doc/']").await;
    assert!(
        links.iter().any(|t| t.contains("<img src=x onerror=")),
        "{links:?}"
    );

    s.open(&format!("#/doc/{doc_id}")).await;
    check("document").await;
    // The article view shows the text, payloads included, as text.
    let shown = s
        .js("return document.querySelector('#view .article-text').textContent")
        .await;
    assert_eq!(shown, text.as_str(), "the article text is shown as text");
    assert!(
        !s.texts("#view .article-text mark.claim-mark")
            .await
            .is_empty(),
        "the hostile article's claims are marked"
    );
    let rows = s.texts("#view .claim-row").await.join("\n");
    assert!(
        rows.contains("<img src=x") || rows.contains("<script>"),
        "{rows}"
    );
    s.screenshot("08-hostile-document").await;

    s.open("#/search/evacuated").await;
    check("search").await;

    s.open("#/story/Riverton").await;
    check("story").await;

    s.open("#/claims").await;
    check("claims view").await;
    s.open("#/claims?q=evacuated&since=2024-03-01").await;
    check("claims view, filtered").await;
    assert!(!s.texts("#view .claim-row").await.is_empty());

    // A claim's permalink page.
    let first = get(&app, &format!("/api/documents/{doc_id}")).await.json["article"]["claims"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    s.open(&format!("#/claim/{first}")).await;
    check("claim permalink").await;
    s.open(&format!("#/doc/{doc_id}/{first}")).await;
    check("article at a claim").await;

    // An untitled article whose first words are markup: listed by them, as text.
    s.open(&format!("#/doc/{untitled_id}")).await;
    check("untitled document").await;
    s.open("#/").await;
    check("home with an untitled article").await;
    let labels = s.texts("#view a.untitled").await;
    assert!(
        labels.iter().any(|t| t.starts_with("<img src=x")),
        "{labels:?}"
    );

    s.open(&format!("#/doc/{doc_id}")).await;
    s.js("document.querySelector('#view .claim-row').click()")
        .await;
    s.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("dialog#card[open] blockquote.evidence"))
        .await
        .expect("the claim card opens");
    check("claim card").await;
    let evidence = s.texts("dialog#card blockquote.evidence").await.join(" ");
    assert!(
        evidence.contains('<'),
        "the markup is shown as text: {evidence}"
    );
    // A URL that is not http(s) after parsing would be dropped; this one is
    // http(s) and must be an attribute value, never markup.
    s.screenshot("09-hostile-card").await;
    // Hovering over where the bold tag would be, and waiting a moment for any
    // onload or onerror, still runs nothing.
    tokio::time::sleep(Duration::from_millis(300)).await;
    check("after a pause").await;

    s.client.close().await.unwrap();
}
