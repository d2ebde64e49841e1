// claimtrail page: a small hash router over the JSON API.
//
// Every string that comes from an article is untrusted. The DOM is built with
// createElement and textContent only (see el() and svg()); never innerHTML.
// Links to sources are kept only when they are http(s) URLs.
"use strict";

(function () {
  const STANCES = {
    assert: "asserts",
    confirm: "confirms",
    deny: "denies",
    cannot_confirm: "could not confirm",
    predict: "predicts",
    urge: "urges",
  };
  const STANCE_COLOURS = {
    assert: "#2f6db5",
    confirm: "#2e8b57",
    deny: "#c0392b",
    cannot_confirm: "#d68910",
    predict: "#7d3c98",
    urge: "#6c7a89",
  };
  const SOURCE_COLOURS = ["#2f6db5", "#2e8b57", "#c0392b", "#7d3c98", "#d68910", "#16a085", "#8e5b3a", "#34495e"];
  const ROLE_TITLES = {
    supports: "Support it",
    withholds: "Could not confirm it",
    disputes: "Dispute it",
    predicts: "Predict it",
    relays: "Relay it",
    urges: "Call for action",
  };
  const LINK_WORDS = {
    supports: "supports",
    disputes: "disputes",
    withholds: "withholds judgement on",
    updates: "updates",
    repeats: "repeats",
  };
  const SVG_NS = "http://www.w3.org/2000/svg";

  const view = document.getElementById("view");
  const status = document.getElementById("status");
  const dialog = document.getElementById("card");
  const cardBody = document.getElementById("card-body");
  const searchInput = document.getElementById("q");
  let lastTrigger = null;

  // ---- DOM helpers (the only way this file creates elements) ----

  /** An HTML element; string children become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  /** An SVG element. */
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "on") {
        for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      } else {
        node.setAttribute(k, String(v));
      }
    }
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
  }

  function replace(node, ...children) {
    node.replaceChildren();
    append(node, children);
  }

  /** The URL when it is an absolute http(s) address, else null. */
  function safeUrl(u) {
    if (!u) return null;
    try {
      const url = new URL(u);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function hash(...parts) {
    return "#/" + parts.map(encodeURIComponent).join("/");
  }

  function fmtNumber(v) {
    return Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 });
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // ---- API ----

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await res.json();
    } catch (_) {
      /* not JSON */
    }
    if (!res.ok) throw new Error((body && body.error) || "request failed (" + res.status + ")");
    return body;
  }

  function setStatus(text, isError) {
    status.textContent = text || "";
    status.classList.toggle("error", !!isError);
  }

  function loading(blocks) {
    view.setAttribute("aria-busy", "true");
    const sk = [];
    for (const b of blocks) sk.push(el("div", { class: "skeleton " + b }));
    replace(view, sk);
  }

  function done(title, ...children) {
    document.title = title ? "claimtrail: " + title : "claimtrail";
    replace(view, children);
    view.setAttribute("aria-busy", "false");
  }

  // ---- shared pieces ----

  function stancePill(stance) {
    return el("span", { class: "pill " + stance }, STANCES[stance] || stance);
  }

  function speakerOf(c) {
    return c.speaker_name || "Unknown source";
  }

  function stanceWord(stance) {
    return STANCES[stance] || stance;
  }

  /** What a document is called: its title, else its first words (the API's label), never its hash. */
  function docLabel(d) {
    return d.title || d.label || "Untitled article";
  }

  /** A claim as a row button that opens its card. */
  function claimRow(c) {
    const doc = c.document || {};
    return el(
      "button",
      {
        type: "button",
        class: "claim-row " + c.stance,
        "data-claim": c.id,
        on: { click: (e) => openCard(c.id, e.currentTarget) },
      },
      el("span", { class: "who" }, speakerOf(c)),
      c.speaker_role ? el("span", { class: "meta" }, ", " + c.speaker_role) : null,
      " ",
      stancePill(c.stance),
      c.hedged ? el("span", { class: "meta" }, " (hedged)") : null,
      el("span", { class: "what" }, c.text),
      el(
        "span",
        { class: "meta" },
        (c.stated ? "stated " + c.stated : "date unknown") + (doc.title || doc.label ? " · " + docLabel(doc) : ""),
      ),
    );
  }

  function claimList(claims, empty) {
    if (!claims.length) return el("p", { class: "meta" }, empty || "No claims.");
    return el("div", { class: "claims" }, claims.map(claimRow));
  }

  function stanceLegend(stances) {
    return el(
      "ul",
      { class: "legend", "aria-label": "Stance colours" },
      stances.map((s) =>
        el("li", {}, el("span", { class: "swatch pill " + s }), STANCES[s] || s),
      ),
    );
  }

  // ---- views ----

  async function home() {
    loading(["", "block", "short"]);
    const [stats, docs, ents] = await Promise.all([
      api("/api/stats"),
      api("/api/documents?limit=20"),
      api("/api/entities?limit=12"),
    ]);
    const stories = ents.entities.filter((e) => e.claims > 0);
    done(
      "",
      el("h1", {}, "The claim ledger"),
      el(
        "p",
        { class: "lead" },
        `${plural(stats.documents, "article")}, ${plural(stats.claims, "claim")}. Search a name or words above, or open a story.`,
      ),
      el("h2", {}, "Stories"),
      stories.length
        ? el(
            "ul",
            { class: "plain suggest" },
            stories.map((e) =>
              el(
                "li",
                {},
                el("a", { href: hash("story", e.canonical) }, e.canonical),
                el("span", { class: "meta" }, ` · ${e.type} · ${plural(e.claims, "claim")} in ${plural(e.documents, "article")} · `),
                el("a", { href: hash("entity", e.canonical), class: "meta" }, "entity page"),
              ),
            ),
          )
        : el("p", { class: "meta" }, "No stories yet: ingest articles with `claimtrail ingest`."),
      el("h2", {}, "Articles"),
      docList(docs.documents),
    );
  }

  function docList(docs) {
    if (!docs.length) return el("p", { class: "meta" }, "No articles.");
    return el(
      "ul",
      { class: "plain" },
      docs.map((d) =>
        el(
          "li",
          {},
          el("a", { href: hash("doc", d.id), class: d.title ? null : "untitled" }, docLabel(d)),
          el(
            "div",
            { class: "meta" },
            [d.published, d.outlet, d.source_line, plural(d.claims, "claim")].filter(Boolean).join(" · "),
          ),
        ),
      ),
    );
  }

  async function search(q) {
    searchInput.value = q;
    loading(["short", "", "", ""]);
    const [res, ents] = await Promise.all([
      api("/api/search?limit=30&q=" + encodeURIComponent(q)),
      api("/api/entities?limit=8&q=" + encodeURIComponent(q)),
    ]);
    const suggestions = [q].concat(ents.entities.filter((e) => e.claims > 0).map((e) => e.canonical));
    const unique = [...new Set(suggestions)];
    done(
      "search " + q,
      el("h1", {}, "Search: ", q),
      el(
        "div",
        { class: "panel suggest" },
        el("strong", {}, "Stories: "),
        unique.map((name, i) => [i ? " · " : "", el("a", { href: hash("story", name), class: "story-link" }, name)]),
      ),
      el("h2", {}, plural(res.claims.length, "matching claim")),
      claimList(res.claims, "No claim matches all these words."),
      el("h2", {}, plural(res.documents.length, "matching article")),
      docList(res.documents),
    );
  }

  async function documentView(id, focusClaim) {
    loading(["short", "", "block"]);
    const doc = await api("/api/documents/" + encodeURIComponent(id));
    const d = doc.article.document;
    const claims = doc.article.claims.map((c) => Object.assign({}, c, { document: d }));
    const named = new Map();
    for (const e of doc.article.entities) {
      if (["PERSON", "ORG", "GPE"].includes(e.type)) named.set(e.canonical, e.type);
    }
    const url = safeUrl(d.url);
    const name = d.title || doc.label || "Untitled article";
    done(
      name,
      el("h1", { class: d.title ? null : "untitled" }, name),
      el(
        "p",
        { class: "lead" },
        [d.published ? "Published " + d.published : "Date unknown", d.outlet, d.source_line ? "Source: " + d.source_line : null]
          .filter(Boolean)
          .join(" · "),
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
      ),
      named.size
        ? el(
            "div",
            { class: "panel suggest" },
            el("strong", {}, "Stories in this article: "),
            [...named.keys()].map((n, i) => [i ? " · " : "", el("a", { href: hash("story", n) }, n)]),
          )
        : null,
      el("h2", {}, "The article, its claims marked"),
      stanceLegend([...new Set(claims.map((c) => c.stance))]),
      articleText(doc.text, claims),
      el("h2", {}, plural(claims.length, "claim")),
      claimList(claims),
    );
    const mark = focusClaim && [...view.querySelectorAll("mark.claim-mark")].find((m) => m.dataset.claim === focusClaim);
    if (mark) {
      for (const m of view.querySelectorAll("mark.claim-mark")) m.classList.toggle("current", m.dataset.claim === focusClaim);
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
    }
  }

  /**
   * The article's text with each claim's span (character offsets) marked.
   * Where claims overlap, the narrowest one is the one its mark opens.
   */
  function articleText(text, claims) {
    const chars = Array.from(text); // offsets are in code points
    const spans = claims
      .map((c) => ({ c, start: Math.min(c.start, chars.length), end: Math.min(c.end, chars.length) }))
      .filter((s) => s.start < s.end);
    const cuts = new Set([0, chars.length]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    const out = [];
    const reached = new Set();
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i], bounds[i + 1]];
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((s) => s.start <= a && b <= s.end);
      if (!covering.length) {
        out.push(piece);
        continue;
      }
      const s = covering.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
      const first = !reached.has(s.c.id);
      reached.add(s.c.id);
      out.push(claimMark(s.c, piece, first, covering.length > 1));
    }
    return el("div", { class: "article-text panel" }, out);
  }

  /** One marked piece of a claim; the first piece of each claim is in the tab order. */
  function claimMark(c, piece, first, nested) {
    const open = (e) => openCard(c.id, e.currentTarget);
    return el(
      "mark",
      {
        class: "claim-mark " + c.stance + (nested ? " nested" : ""),
        "data-claim": c.id,
        role: "button",
        tabindex: first ? 0 : -1,
        title: speakerOf(c) + " " + stanceWord(c.stance) + (c.stated ? " · " + c.stated : ""),
        on: {
          click: open,
          keydown: (e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              open(e);
            }
          },
        },
      },
      piece,
    );
  }

  // ---- the claims view: every claim, filtered by stance, dates and speaker ----

  const CLAIM_FILTERS = ["stance", "since", "until", "speaker", "entity", "q"];
  const CLAIMS_PAGE = 50;

  /** The route of the claims view with these filters (and page offset). */
  function claimsHash(filters, offset) {
    const p = new URLSearchParams();
    for (const k of CLAIM_FILTERS) if (filters[k]) p.set(k, filters[k]);
    if (offset) p.set("offset", String(offset));
    const q = p.toString();
    return "#/claims" + (q ? "?" + q : "");
  }

  function filtersOf(params) {
    const f = {};
    for (const k of CLAIM_FILTERS) {
      const v = String(params.get(k) || "").trim();
      if (v) f[k] = v;
    }
    return f;
  }

  async function claimsView(params) {
    const filters = filtersOf(params);
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    loading(["block", "", "", ""]);
    const query = new URLSearchParams(filters);
    query.set("limit", String(CLAIMS_PAGE));
    if (offset) query.set("offset", String(offset));
    const res = await api("/api/claims?" + query);
    const shown = res.claims.length;
    const described = [
      filters.stance ? "stance: " + stanceWord(filters.stance) : null,
      filters.since ? "stated on or after " + filters.since : null,
      filters.until ? "stated on or before " + filters.until : null,
      filters.speaker ? "speaker: " + filters.speaker : null,
      filters.entity ? "about: " + filters.entity : null,
      filters.q ? "words: " + filters.q : null,
    ].filter(Boolean);
    done(
      "claims",
      el("h1", {}, "Claims"),
      claimFilterForm(filters),
      el(
        "p",
        { class: "meta claims-summary" },
        shown ? `Claims ${offset + 1} to ${offset + shown}` : "No claims",
        described.length ? " · " + described.join(" · ") : " · all claims, by statement date",
      ),
      res.hint ? el("p", { class: "meta" }, res.hint) : null,
      claimList(res.claims, "No claim matches these filters."),
      el(
        "p",
        { class: "pager" },
        offset > 0 ? el("a", { href: claimsHash(filters, Math.max(0, offset - CLAIMS_PAGE)), rel: "prev" }, "Previous " + CLAIMS_PAGE) : null,
        offset > 0 && shown === CLAIMS_PAGE ? " · " : null,
        shown === CLAIMS_PAGE ? el("a", { href: claimsHash(filters, offset + CLAIMS_PAGE), rel: "next" }, "Next " + CLAIMS_PAGE) : null,
      ),
    );
  }

  /** The filter form; submitting it changes the route, so a filtered view is a link. */
  function claimFilterForm(filters) {
    const field = (name, label, attrs) =>
      el("label", { class: "field" }, label, el("input", Object.assign({ name, value: filters[name] || "", maxlength: 200 }, attrs)));
    const stance = el(
      "label",
      { class: "field" },
      "Stance",
      el(
        "select",
        { name: "stance" },
        el("option", { value: "" }, "any"),
        Object.keys(STANCES).map((s) => el("option", { value: s, selected: filters.stance === s }, STANCES[s])),
      ),
    );
    const submit = (e) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget);
      const target = claimsHash(filtersOf(data));
      if (location.hash === target) route();
      else location.hash = target;
    };
    return el(
      "form",
      { class: "filters panel", id: "claim-filters", on: { submit } },
      stance,
      field("since", "Stated from", { type: "date" }),
      field("until", "to", { type: "date" }),
      field("speaker", "Speaker", { type: "text" }),
      el("button", { type: "submit" }, "Filter"),
      " ",
      el("a", { href: "#/claims", class: "meta" }, "clear"),
    );
  }

  async function entityView(name) {
    loading(["short", "", "block"]);
    const page = await api("/api/entities/" + encodeURIComponent(name) + "?limit=200");
    const e = page.entity;
    const title = e ? e.name : name;
    const others = e ? e.aliases.filter((a) => a !== e.name) : [];
    done(
      title,
      el("h1", {}, title),
      el(
        "p",
        { class: "lead" },
        e ? [e.type, e.country, plural(e.documents, "article")].filter(Boolean).join(" · ") + " · " : "",
        el("a", { href: hash("story", title) }, "open the story"),
      ),
      others.length ? el("p", { class: "meta aliases" }, "Also written: " + others.join("; ")) : null,
      el("h2", {}, "Roles over time"),
      e && e.roles.length
        ? el(
            "ul",
            { class: "plain roles" },
            e.roles.map((r) =>
              el(
                "li",
                {},
                el("strong", {}, r.role),
                el(
                  "span",
                  { class: "meta" },
                  " · " +
                    (r.first_seen === r.last_seen ? r.first_seen || "date unknown" : (r.first_seen || "?") + " to " + (r.last_seen || "?")) +
                    " · " + plural(r.documents, "article"),
                ),
              ),
            ),
          )
        : el("p", { class: "meta" }, "No role stated."),
      el("h2", {}, plural(page.claims.length, "claim") + " by or about " + title),
      el("p", { class: "meta" }, el("a", { href: claimsHash({ speaker: title }), class: "filter-link" }, "Filter the claims " + title + " made by stance and date")),
      claimList(page.claims),
    );
  }

  async function storyView(q) {
    searchInput.value = q;
    // Reserve the chart's and the axis' space before the data arrives.
    loading(["short", "block", "", "", ""]);
    const story = await api("/api/stories?q=" + encodeURIComponent(q));
    // Each proposition carries its figure series; the longest go on top.
    const series = story.propositions.flatMap((p) => p.figures || []).sort((a, b) => b.points.length - a.points.length);
    const parts = [el("h1", {}, "Story: ", q)];
    const total = story.propositions.reduce((n, p) => n + p.claims.length, 0);
    parts.push(
      el(
        "p",
        { class: "lead" },
        plural(total, "claim") + " in " + plural(story.propositions.length, "proposition") + " · ",
        el("a", { href: hash("entity", q) }, "entity page"),
      ),
    );
    if (!story.propositions.length) parts.push(el("p", {}, "Nothing in the ledger about this yet."));
    for (const s of series.slice(0, 3)) parts.push(figureChart(s));
    for (const p of story.propositions) parts.push(proposition(p));
    done("story " + q, parts);
  }

  function proposition(p) {
    const groups = new Map();
    for (const c of p.claims) {
      const role = c.role || "supports";
      if (!groups.has(role)) groups.set(role, []);
      groups.get(role).push(c);
    }
    const main = ["supports", "predicts", "relays"].filter((r) => groups.has(r));
    const against = ["withholds", "disputes"].filter((r) => groups.has(r));
    const rest = [...groups.keys()].filter((r) => !main.includes(r) && !against.includes(r));
    const column = (roles, cls) =>
      el(
        "div",
        { class: "side " + cls },
        roles.map((r) => [
          el("h3", {}, ROLE_TITLES[r] || r, " (" + groups.get(r).length + ")"),
          claimList(groups.get(r)),
        ]),
      );
    const stances = [...new Set(p.claims.map((c) => c.stance))];
    const byId = new Map(p.claims.map((c) => [c.id, c]));
    const links = (p.links || []).filter((l) => byId.has(l.from) && byId.has(l.to) && l.kind !== "supports");
    const dates = p.first_stated ? (p.first_stated === p.last_stated ? p.first_stated : p.first_stated + " to " + p.last_stated) : "";
    return el(
      "section",
      { class: "proposition panel", "data-proposition": String(p.id) },
      el("h2", {}, p.gist),
      el("p", { class: "meta" }, [plural(p.members || p.claims.length, "claim"), dates, sourceCounts(p.sources)].filter(Boolean).join(" · ")),
      timeAxis(p.claims),
      stanceLegend(stances),
      el("div", { class: "sides" }, column(main, "supports"), column(against, "withholds")),
      rest.length ? column(rest, "other") : null,
      links.length
        ? el(
            "details",
            { class: "links" },
            el("summary", {}, plural(links.length, "link") + " between claims"),
            el(
              "ul",
              { class: "plain" },
              links.map((l) =>
                el("li", {}, speakerOf(byId.get(l.from)), " ", LINK_WORDS[l.kind] || l.kind, " ", speakerOf(byId.get(l.to)),
                  el("span", { class: "meta" }, " · " + l.reason)),
              ),
            ),
          )
        : null,
    );
  }

  /** "3 sources support, 1 could not confirm, in 2 independent reports". */
  function sourceCounts(c) {
    if (!c) return "";
    const parts = [];
    if (c.supporting) parts.push(plural(c.supporting, "source") + " support");
    if (c.withholding) parts.push(c.withholding + " could not confirm");
    if (c.disputing) parts.push(c.disputing + " dispute");
    return parts.join(", ") + (c.reports ? " in " + plural(c.reports, "independent report") : "");
  }

  /** Phone-width screens get drawings half as wide (same CSS aspect ratios). */
  function narrow() {
    return window.matchMedia("(max-width: 600px)").matches;
  }

  /** Dates (YYYY-MM-DD prefixes) to milliseconds; null when unknown. */
  function dateMs(d) {
    if (!d || !/^\d{4}-\d{2}-\d{2}/.test(d)) return null;
    const t = Date.parse(d.slice(0, 10) + "T00:00:00Z");
    return Number.isNaN(t) ? null : t;
  }

  function dayLabel(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  /** The claims of a proposition as dots on a time axis, one lane per link. */
  function timeAxis(claims) {
    // Lane names in the left gutter; a narrower drawing on phones keeps text legible.
    const W = narrow() ? 360 : 720, H = 150, L = narrow() ? 92 : 130, R = 20;
    const dated = claims.filter((c) => dateMs(c.stated) !== null);
    const box = svg("svg", { class: "axis", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Claims on a time axis, coloured by stance" });
    if (!dated.length) {
      box.appendChild(svg("text", { x: L, y: H / 2 }, "No dated claims."));
      return box;
    }
    const times = dated.map((c) => dateMs(c.stated));
    let t0 = Math.min(...times), t1 = Math.max(...times);
    if (t0 === t1) { t0 -= 86400000; t1 += 86400000; }
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const lanes = ["supports", "withholds", "disputes"];
    const laneY = (role) => 35 + 35 * Math.max(0, lanes.indexOf(role === "withholds" || role === "disputes" ? role : "supports"));
    box.appendChild(svg("line", { class: "grid", x1: L - 10, x2: W - R, y1: H - 28, y2: H - 28 }));
    for (const l of lanes) {
      if (!claims.some((c) => laneY(c.role) === laneY(l))) continue;
      box.appendChild(svg("text", { x: 8, y: laneY(l) + 4 }, ROLE_TITLES[l] || l));
    }
    const ticks = 4;
    for (let i = 0; i <= ticks; i++) {
      const t = t0 + ((t1 - t0) * i) / ticks;
      box.appendChild(svg("text", { x: x(t), y: H - 10, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" }, dayLabel(t)));
    }
    const seen = new Map();
    for (const c of dated) {
      const t = dateMs(c.stated);
      const y = laneY(c.role);
      const key = t + ":" + y;
      const n = seen.get(key) || 0;
      seen.set(key, n + 1);
      const dot = svg(
        "circle",
        { class: "dot", cx: x(t) + (n % 3) * 6, cy: y + Math.floor(n / 3) * 8, r: 6, fill: STANCE_COLOURS[c.stance] || "#888", "data-claim": c.id },
        svg("title", {}, `${c.stated} · ${speakerOf(c)} ${STANCES[c.stance] || c.stance}: ${c.text}`),
      );
      dot.addEventListener("click", () => openCard(c.id, null));
      box.appendChild(dot);
    }
    return box;
  }

  /** A figure series: values over time per source, with the low/best/high band. */
  function figureChart(series) {
    const W = narrow() ? 360 : 720, H = 320, L = 64, R = 24, T = 24, B = 40;
    const pts = series.points.filter((p) => dateMs(p.stated) !== null).sort((a, b) => dateMs(a.stated) - dateMs(b.stated));
    const sum = series.summary;
    const box = el("div", { class: "chart-box" });
    const chart = svg("svg", {
      class: "chart",
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": `Figure chart: ${series.measure}, values over time by source`,
    });
    box.appendChild(chart);
    const highest = Math.max(sum ? sum.high : 0, ...pts.map((p) => (p.high !== null && p.high !== undefined ? p.high : p.value)));
    const top = highest > 0 ? highest * 1.15 : 1;
    // Start the value axis at zero unless every value sits high above it,
    // so that a change from 10,000 to 11,000 is visible (the axis is labelled).
    const lowest = Math.min(sum ? sum.low : Infinity, ...pts.map((p) => (p.low !== null && p.low !== undefined ? p.low : p.value)));
    const bottom = Number.isFinite(lowest) && lowest > top * 0.5 ? Math.floor((lowest * 0.85) / 100) * 100 : 0;
    const times = pts.map((p) => dateMs(p.stated));
    let t0 = pts.length ? Math.min(...times) : 0, t1 = pts.length ? Math.max(...times) : 1;
    if (t0 === t1) { t0 -= 86400000; t1 += 86400000; }
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const y = (v) => H - B - ((Math.max(bottom, v) - bottom) / (top - bottom)) * (H - T - B);
    for (let i = 0; i <= 4; i++) {
      const v = bottom + ((top - bottom) * i) / 4;
      chart.appendChild(svg("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      chart.appendChild(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, fmtNumber(Math.round(v))));
    }
    if (sum) {
      chart.appendChild(svg("rect", { class: "band", x: L, width: W - L - R, y: y(sum.high), height: Math.max(1, y(sum.low) - y(sum.high)) },
        svg("title", {}, `low ${fmtNumber(sum.low)} · best ${fmtNumber(sum.best)} · high ${fmtNumber(sum.high)}`)));
      chart.appendChild(svg("line", { class: "best", x1: L, x2: W - R, y1: y(sum.best), y2: y(sum.best) }));
      chart.appendChild(svg("text", { x: W - R, y: y(sum.best) - 5, "text-anchor": "end" }, "best " + fmtNumber(sum.best)));
    }
    if (pts.length > 1) {
      chart.appendChild(svg("polyline", { class: "trend", points: pts.map((p) => `${x(dateMs(p.stated))},${y(p.value)}`).join(" ") }));
    }
    const sourceOf = (p) => p.speaker || p.source || "Unknown source";
    const sources = [...new Set(pts.map(sourceOf))];
    const colour = (p) => SOURCE_COLOURS[sources.indexOf(sourceOf(p)) % SOURCE_COLOURS.length];
    for (const p of pts) {
      const cx = x(dateMs(p.stated)), cy = y(p.value);
      if (p.low !== null && p.high !== null && p.low !== undefined && p.high !== undefined) {
        chart.appendChild(svg("line", { x1: cx, x2: cx, y1: y(p.high), y2: y(p.low), stroke: colour(p), "stroke-width": 2 }));
      }
      const dot = svg("circle", { cx, cy, r: 6, fill: colour(p), "data-claim": p.claim_id },
        svg("title", {}, `${p.stated} · ${sourceOf(p)}: ${p.text}`));
      dot.addEventListener("click", () => openCard(p.claim_id, null));
      chart.appendChild(dot);
      chart.appendChild(svg("text", { class: "value", x: cx, y: cy - 11, "text-anchor": cx > W - 80 ? "end" : cx < L + 40 ? "start" : "middle" }, fmtNumber(p.value)));
    }
    if (pts.length) {
      chart.appendChild(svg("text", { x: L, y: H - 12 }, dayLabel(t0)));
      chart.appendChild(svg("text", { x: W - R, y: H - 12, "text-anchor": "end" }, dayLabel(t1)));
    }
    return el(
      "section",
      { class: "figure panel" },
      el("h2", {}, "Figure: ", series.measure),
      series.gist ? el("p", { class: "gist" }, series.gist) : null,
      el("p", { class: "meta" },
        sum ? `low ${fmtNumber(sum.low)} · best ${fmtNumber(sum.best)} · high ${fmtNumber(sum.high)} from ${plural(sum.sources, "source")} (${sum.rule})`
            : "No supporting figure to summarise."),
      box,
      el(
        "ul",
        { class: "legend" },
        sources.map((s, i) => {
          const swatch = el("span", { class: "swatch" });
          // CSSOM, not a style attribute: allowed by the Content-Security-Policy.
          swatch.style.background = SOURCE_COLOURS[i % SOURCE_COLOURS.length];
          return el("li", {}, swatch, s);
        }),
      ),
      el(
        "table",
        { class: "points" },
        el("caption", { class: "sr-only" }, "The figures of the chart"),
        el("thead", {}, el("tr", {}, el("th", {}, "Stated"), el("th", {}, "Source"), el("th", {}, "Figure"), el("th", {}, "Value"))),
        el(
          "tbody",
          {},
          pts.map((p) =>
            el(
              "tr",
              {},
              el("td", {}, p.stated),
              el("td", {}, sourceOf(p), p.role && p.role !== "supports" ? el("span", { class: "meta" }, " (" + p.role + ")") : null),
              el("td", {}, el("a", { href: "#", on: { click: (e) => { e.preventDefault(); openCard(p.claim_id, e.currentTarget); } } }, p.text)),
              el("td", { class: "num" }, fmtNumber(p.value)),
            ),
          ),
        ),
      ),
    );
  }

  // ---- claim card ----

  /** The sentence split at mark boundaries; each piece carries the kinds covering it. */
  function markedSentence(sentence, marks) {
    const chars = Array.from(sentence); // offsets are in code points
    const cuts = new Set([0, chars.length]);
    for (const m of marks) {
      cuts.add(Math.min(m.start, chars.length));
      cuts.add(Math.min(m.end, chars.length));
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i], bounds[i + 1]];
      const text = chars.slice(a, b).join("");
      const kinds = marks.filter((m) => m.start <= a && b <= m.end).map((m) => "hl-" + m.kind);
      out.push(kinds.length ? el("span", { class: [...new Set(kinds)].join(" ") }, text) : text);
    }
    return out;
  }

  async function openCard(id, trigger) {
    lastTrigger = trigger || document.activeElement;
    replace(cardBody, el("div", { class: "skeleton" }), el("div", { class: "skeleton block" }));
    if (!dialog.open) dialog.showModal();
    try {
      const card = await api("/api/claims/" + encodeURIComponent(id));
      renderCard(card);
    } catch (err) {
      replace(cardBody, el("p", { class: "error" }, err.message));
    }
  }

  function renderCard(card) {
    const c = card.claim;
    replace(cardBody, cardParts(card));
    document.getElementById("card-title").textContent = speakerOf(c) + " " + stanceWord(c.stance);
  }

  /** The claim card's content: in the dialog, and on the claim's own page. */
  function cardParts(card) {
    const c = card.claim, d = card.document;
    const url = safeUrl(d.url);
    const figures = c.quantities.map((q) => q.text + (q.counted ? " (" + q.counted + ")" : ""));
    return [
      el(
        "dl",
        {},
        el("dt", {}, "Speaker"),
        el("dd", { class: "card-speaker" }, speakerOf(c), c.speaker_role ? ", " + c.speaker_role : ""),
        el("dt", {}, "Stance"),
        el("dd", { class: "card-stance" }, stancePill(c.stance), c.hedged ? " (hedged)" : "", " · cue “", c.cue, "”"),
        el("dt", {}, "Stated"),
        el("dd", { class: "card-stated" }, c.stated || "unknown", c.stated && !c.stated_in_text ? " (publication date)" : ""),
        el("dt", {}, "Figures"),
        el("dd", { class: "card-figures" }, figures.length ? figures.join("; ") : "none"),
        el("dt", {}, "Source"),
        el(
          "dd",
          { class: "card-source" },
          el("a", { href: hash("doc", d.id) }, docLabel(d)),
          d.published ? " · " + d.published : "",
          d.outlet ? " · " + d.outlet : "",
          url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : "",
        ),
      ),
      el("blockquote", { class: "evidence" }, markedSentence(card.evidence.sentence, card.evidence.marks)),
      el(
        "ul",
        { class: "keys", "aria-label": "Highlight key" },
        el("li", {}, el("span", { class: "hl-content" }, "claim")),
        el("li", {}, el("span", { class: "hl-speaker" }, "speaker")),
        el("li", {}, el("span", { class: "hl-cue" }, "cue")),
        el("li", {}, el("span", { class: "hl-figure" }, "figure")),
        el("li", {}, el("span", { class: "hl-date" }, "date")),
      ),
      el(
        "p",
        { class: "meta" },
        el("a", { href: hash("claim", c.id), class: "permalink" }, "Claim " + c.id), " · ",
        el("a", { href: hash("doc", d.id, c.id), class: "in-article" }, "in the article"), " · ",
        el("a", { href: hash("entity", speakerOf(c)) }, speakerOf(c)), " · ",
        el("a", { href: hash("story", speakerOf(c)) }, "stories of " + speakerOf(c)),
      ),
    ];
  }

  /** A claim's permalink page (`#/claim/<id>`): its card as a page. */
  async function claimView(id) {
    loading(["short", "block"]);
    const card = await api("/api/claims/" + encodeURIComponent(id));
    const c = card.claim;
    const heading = speakerOf(c) + " " + stanceWord(c.stance);
    done(heading, el("h1", {}, heading), el("div", { class: "panel claim-page" }, cardParts(card)));
  }

  function closeCard() {
    if (dialog.open) dialog.close();
  }

  dialog.addEventListener("close", () => {
    if (lastTrigger && document.contains(lastTrigger)) lastTrigger.focus();
  });
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) closeCard(); // a click on the backdrop
  });
  cardBody.addEventListener("click", (e) => {
    if (e.target.closest && e.target.closest("a[href^='#/']")) closeCard();
  });
  document.getElementById("card-close").addEventListener("click", closeCard);

  // ---- router ----

  /** The route's path segments (decoded) and its query (`#/claims?stance=deny`). */
  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const at = raw.indexOf("?");
    const path = at < 0 ? raw : raw.slice(0, at);
    const parts = path.split("/").map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (_) {
        return p;
      }
    });
    return { parts, params: new URLSearchParams(at < 0 ? "" : raw.slice(at + 1)) };
  }

  async function route() {
    const { parts, params } = parseHash();
    const [name, arg, sub] = parts;
    setStatus("");
    closeCard();
    try {
      if (name === "search" && arg) await search(arg);
      else if (name === "story" && arg) await storyView(arg);
      else if (name === "entity" && arg) await entityView(arg);
      else if (name === "doc" && arg) await documentView(arg, sub);
      else if (name === "claim" && arg) await claimView(arg);
      else if (name === "claims") await claimsView(params);
      else await home();
    } catch (err) {
      done("error", el("h1", {}, "Something went wrong"), el("p", {}, err.message));
      setStatus(err.message, true);
    }
    view.dataset.ready = location.hash || "#/";
  }

  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = searchInput.value.trim();
    if (q) location.hash = hash("search", q);
  });

  document.addEventListener("keydown", (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === "/" && !typing && !dialog.open) {
      e.preventDefault();
      searchInput.focus();
      searchInput.select();
    }
  });

  window.addEventListener("hashchange", () => {
    route().then(() => {
      // A view that focused something of its own (a claim in the article) keeps it.
      if (!view.contains(document.activeElement)) document.getElementById("main").focus({ preventScroll: true });
    });
  });
  route();
})();
