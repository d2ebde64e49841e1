//! A compact, flat copy of the parsed page that the extractor works on.
//!
//! Nodes are stored in document (pre-)order, so a node's subtree is the
//! contiguous range `i..nodes[i].end` and children are found by hopping over
//! subtrees: every pass over the page is a loop, never a recursion, so deep
//! nesting cannot overflow the stack. Whatever can never be article text is
//! left out while copying: scripts, styles, comments, embedded frames and
//! media, form controls, the `<head>`, and hidden elements.

use scraper::node::Element;
use scraper::{Html, Node as HtmlNode};

pub(crate) const NONE: usize = usize::MAX;

pub(crate) struct Node {
    pub parent: usize,
    /// One past the last node of this node's subtree.
    pub end: usize,
    pub kind: Kind,
}

pub(crate) enum Kind {
    Element(El),
    Text(String),
}

pub(crate) struct El {
    /// Lower-case tag name.
    pub tag: String,
    /// `class` and `id`, lower-cased, space-separated.
    pub class_id: String,
    pub role: Option<String>,
    pub itemprop: Option<String>,
}

pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

/// Tags whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "video", "audio", "source", "track", "map", "button",
    "select", "option", "optgroup", "datalist", "input", "textarea", "head", "link", "meta",
    "dialog", "img", "picture",
];

impl Dom {
    pub(crate) fn from_html(html: &Html) -> Dom {
        let mut nodes: Vec<Node> = Vec::new();
        // Elements open on the way down: (our index, the parser's node id).
        let mut open = Vec::new();
        let root = html.tree.root();
        let mut node = root;
        loop {
            let mut descend = false;
            let parent = open.last().map_or(NONE, |&(i, _)| i);
            match node.value() {
                HtmlNode::Text(t) => {
                    nodes.push(Node {
                        parent,
                        end: nodes.len() + 1,
                        kind: Kind::Text(t.to_string()),
                    });
                }
                HtmlNode::Element(e) if !DROPPED.contains(&e.name()) && !is_hidden(e) => {
                    open.push((nodes.len(), node.id()));
                    nodes.push(Node {
                        parent,
                        end: NONE,
                        kind: Kind::Element(El::new(e)),
                    });
                    descend = true;
                }
                HtmlNode::Document | HtmlNode::Fragment => descend = true,
                _ => {}
            }
            if descend {
                if let Some(child) = node.first_child() {
                    node = child;
                    continue;
                }
            }
            // Close this node and every ancestor whose last child this is.
            loop {
                if open.last().is_some_and(|&(_, id)| id == node.id()) {
                    let (i, _) = open.pop().expect("checked above");
                    nodes[i].end = nodes.len();
                }
                if node == root {
                    return finish(nodes);
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent() {
                    Some(p) => node = p,
                    None => return finish(nodes),
                }
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn el(&self, i: usize) -> Option<&El> {
        match &self.nodes[i].kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    pub(crate) fn tag(&self, i: usize) -> &str {
        self.el(i).map_or("", |e| e.tag.as_str())
    }

    /// The children of node `i`, in order.
    pub(crate) fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[i].end;
        let mut next = i + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let c = next;
            next = self.nodes[c].end;
            Some(c)
        })
    }

    /// The index of the `<body>` element, if there is one.
    pub(crate) fn body(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.tag(i) == "body")
    }
}

impl El {
    fn new(e: &Element) -> El {
        let mut class_id = String::new();
        if let Some(c) = e.attr("class") {
            class_id.push_str(c);
        }
        if let Some(id) = e.id() {
            class_id.push(' ');
            class_id.push_str(id);
        }
        El {
            tag: e.name().to_ascii_lowercase(),
            class_id: class_id.to_lowercase(),
            role: e.attr("role").map(|r| r.trim().to_ascii_lowercase()),
            itemprop: e.attr("itemprop").map(|r| r.trim().to_ascii_lowercase()),
        }
    }
}

/// Tags that start a new line of text.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "ul"
            | "center"
            | "caption"
            | "body"
            | "html"
    )
}

/// Closes whatever the walk left open (it should leave nothing).
fn finish(mut nodes: Vec<Node>) -> Dom {
    let n = nodes.len();
    for node in &mut nodes {
        if node.end == NONE {
            node.end = n;
        }
    }
    Dom { nodes }
}

/// Hidden from readers: the `hidden` attribute, `aria-hidden`, an inline
/// `display:none` / `visibility:hidden`, or a hidden input.
fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if e.attr("type")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("hidden"))
    {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}
