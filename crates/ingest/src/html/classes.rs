//! Words in class and id attributes, and ARIA roles, that tell article text
//! from boilerplate. General web conventions ("article-body", "comments",
//! "sidebar", "share-tools"), not the names of any one site.

/// Class and id words that mark boilerplate (matched at the start of a word),
/// besides the [`STRONG_NEGATIVE`] ones.
const NEGATIVE: &[&str] = &[
    "widget",
    "banner",
    "breadcrumb",
    "subscri",
    "signup",
    "masthead",
    "menu",
    "nav",
    "paginat",
    "pager",
    "toolbar",
    "trending",
    "popular",
    "byline",
    "author",
    "caption",
    "credit",
    "tags",
    "tagline",
    "keyword",
    "rating",
    "login",
    "print",
    "skip",
    "teaser",
    "most-",
    "readmore",
    "read-more",
    "more-",
    "rail",
    "aside",
    "dateline",
    "timestamp",
    "contact",
    "disclaimer",
    "copyright",
    "follow",
];

/// Whole class and id words that mark boilerplate.
const NEGATIVE_WORDS: &[&str] = &[
    "ad", "ads", "adv", "meta", "tools", "foot", "date", "time", "info", "more", "links", "tag",
];

/// Class and id words that mark the article body.
const POSITIVE: &[&str] = &[
    "article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose",
    "hentry",
];

/// Class and id words that mark boilerplate whatever else the class says
/// ("comment-content" is a comment).
const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "disqus",
    "footer",
    "sidebar",
    "outbrain",
    "taboola",
    "newsletter",
    "cookie",
    "popup",
    "modal",
    "recommend",
    "related",
    "share",
    "sharing",
    "social",
    "promo",
    "sponsor",
    "advert",
];

/// +1 for a positive class/id word, -1 for a negative one, 0 for neither or
/// both (a strong negative word always gives -1).
pub(crate) fn class_sign(class_id: &str) -> i32 {
    let mut pos = false;
    let mut neg = false;
    for word in class_id
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
    {
        // A whole class that hides its element ("field-label-hidden" only hides a label).
        if matches!(
            word,
            "hidden" | "hide" | "invisible" | "sr-only" | "visually-hidden" | "screen-reader-text"
        ) {
            neg = true;
        }
        // A strong word at either end names the element ("comment-list",
        // "article-comments"); inside, it names a layout ("content-with-sidebar-wrap").
        let parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
        let ends = [parts.first(), parts.last()];
        if ends
            .iter()
            .flatten()
            .any(|p| STRONG_NEGATIVE.iter().any(|n| p.starts_with(n)))
        {
            return -1;
        }
        for part in std::iter::once(word).chain(word.split('-')) {
            // A strong word inside a class ("content-with-sidebar-wrap") is a plain negative.
            let negative = NEGATIVE
                .iter()
                .chain(STRONG_NEGATIVE)
                .any(|n| part.starts_with(n));
            if negative || NEGATIVE_WORDS.contains(&part) {
                neg = true;
            }
            if POSITIVE.iter().any(|p| part.starts_with(p)) {
                pos = true;
            }
        }
    }
    pos as i32 - neg as i32
}

pub(crate) fn is_boilerplate_role(role: Option<&str>) -> bool {
    matches!(
        role,
        Some(
            "navigation"
                | "complementary"
                | "contentinfo"
                | "banner"
                | "menu"
                | "menubar"
                | "toolbar"
                | "search"
                | "alert"
                | "dialog"
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words() {
        assert_eq!(class_sign("article-body"), 1);
        assert_eq!(class_sign("share-buttons"), -1);
        assert_eq!(class_sign("header"), 0);
        assert_eq!(class_sign("ad-slot"), -1);
        assert_eq!(class_sign("related-articles"), -1);
        assert_eq!(class_sign("comment_content"), -1);
        assert_eq!(class_sign("main-content nav-offset"), 0);
        assert_eq!(class_sign("shadow"), 0);
        assert_eq!(class_sign("hidden"), -1);
        assert_eq!(class_sign("field-label-hidden"), 0);
        assert_eq!(class_sign("content-with-sidebar-wrp"), 0);
        assert_eq!(class_sign("article-comments"), -1);
    }
}
