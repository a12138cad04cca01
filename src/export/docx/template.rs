//! A house template: the administration's own Word file lends the record its styles, page
//! size and margins, header and footer (with the letterhead's images) and theme, as
//! pandoc's `--reference-doc` does. copil's paragraphs keep their style names: a heading 1
//! takes the template's "heading 1" whatever its id (`Titre1` in a French Word); a style
//! the template lacks is added from the built-in look.

use std::path::Path;

use super::parts;

/// A header or footer part of the template, with its relationships.
pub struct Part {
    pub xml: String,
    pub rels: Option<String>,
}

pub struct Template {
    /// The template's styles, copil's missing ones added.
    pub styles: String,
    /// copil's style id → the template's.
    ids: Vec<(String, String)>,
    /// The page size and margins of the template's last section.
    pub page: Option<String>,
    /// The width of its text (the page's less its margins), in twips.
    pub text_width: Option<u32>,
    /// Its footer shows no page number: the record's "Page X / Y" is not there.
    pub footer_without_pages: bool,
    /// Its headers and its footers, by kind (`KINDS`: default, first page, even pages).
    pub headers: [Option<Part>; 3],
    pub footers: [Option<Part>; 3],
    /// The first page has its own header and footer (`<w:titlePg/>`).
    pub title_page: bool,
    /// Even and odd pages have their own (`<w:evenAndOddHeaders/>` in its settings).
    pub even_and_odd: bool,
    pub theme: Option<String>,
    /// Images and other files the header and footer use: (path in the package, bytes).
    pub media: Vec<(String, Vec<u8>)>,
}

/// The kinds of header and footer a Word section has, in the order the record numbers
/// their parts (`header1.xml` the default, `header2.xml` the first page's, …).
pub const KINDS: [&str; 3] = ["default", "first", "even"];

/// Why a template could not be used.
pub type Error = String;

impl Template {
    pub fn read(path: &Path) -> Result<Template, Error> {
        // Only a regular file, of a bounded size: a pipe is refused, not waited on.
        let file = crate::store::read_regular(path).map_err(|e| e.to_string())?;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(file))
            .map_err(|e| format!("not a Word file (.docx): {e}"))?;
        let mut text = |name: &str| -> Option<String> {
            crate::store::unpack_text(zip.by_name(name).ok()?).ok()
        };
        let document = text("word/document.xml")
            .ok_or_else(|| "not a Word file (.docx): it has no word/document.xml".to_owned())?;
        let their_styles = text("word/styles.xml").unwrap_or_default();
        let rels = text("word/_rels/document.xml.rels").unwrap_or_default();
        let section = last_section(&document);
        let part_of = |part: &str, kind: &str| {
            let id = attr_of(
                section,
                &format!("<w:{part}Reference"),
                &format!("w:type=\"{kind}\""),
                "r:id",
            )?;
            target(&rels, &id)
        };
        let theme_name = rels
            .split("<Relationship ")
            .find(|r| r.contains("/relationships/theme\""))
            .and_then(|r| attr(r, "Target"));
        let mut load = |name: Option<String>| {
            let name = name?;
            let xml = text(&format!("word/{name}"))?;
            let rels = text(&format!("word/_rels/{name}.rels"));
            Some(Part { xml, rels })
        };
        let headers = KINDS.map(|kind| load(part_of("header", kind)));
        let footers = KINDS.map(|kind| load(part_of("footer", kind)));
        let theme = theme_name.and_then(|n| text(&format!("word/{n}")));
        let even_and_odd =
            text("word/settings.xml").is_some_and(|s| switched_on(&s, "<w:evenAndOddHeaders"));
        let mut media = Vec::new();
        for rels in (headers.iter().chain(&footers))
            .flatten()
            .filter_map(|p| p.rels.as_ref())
        {
            for name in targets(rels) {
                let path = format!("word/{name}");
                // A part outside the package's own folders is never copied into the record.
                let outside = name.split(['/', '\\']).any(|s| s == "..") || name.starts_with('/');
                if outside || media.iter().any(|(p, _)| *p == path) {
                    continue;
                }
                if let Ok(f) = zip.by_name(&path) {
                    let bytes = crate::store::unpack(f).map_err(|e| e.to_string())?;
                    media.push((path, bytes));
                }
            }
        }
        let page = page_of(section);
        let text_width = text_width(section);
        let footer_without_pages = footers[0].as_ref().is_none_or(|p| !p.xml.contains("PAGE"));
        let (styles, ids) = merged_styles(&their_styles);
        Ok(Template {
            styles,
            ids,
            page,
            text_width,
            footer_without_pages,
            title_page: switched_on(section, "<w:titlePg"),
            even_and_odd,
            headers,
            footers,
            theme,
            media,
        })
    }

    /// copil's XML with its style references turned into the template's ids.
    pub fn restyle(&self, xml: &str) -> String {
        let mut out = xml.to_owned();
        for (ours, theirs) in &self.ids {
            out = out.replace(
                &format!("<w:pStyle w:val=\"{ours}\"/>"),
                &format!(
                    "<w:pStyle w:val=\"{}\"/>",
                    crate::export::html::escape(theirs)
                ),
            );
        }
        out
    }
}

/// The template's styles with copil's missing ones added, and the id map.
fn merged_styles(theirs: &str) -> (String, Vec<(String, String)>) {
    let ours = parts::styles(crate::model::Language::Fr);
    if !theirs.contains("</w:styles>") {
        return (ours, Vec::new());
    }
    let mut ids = Vec::new();
    let mut added = String::new();
    for style in ours.split("<w:style ").skip(1) {
        let style = &style[..style
            .find("</w:style>")
            .map_or(style.len(), |e| e + "</w:style>".len())];
        let (Some(id), Some(name)) = (attr(style, "w:styleId"), name_of(style)) else {
            continue;
        };
        let found = theirs
            .split("<w:style ")
            .skip(1)
            .find(|s| name_of(s).is_some_and(|n| same_style(&name, &n)));
        match found.and_then(|s| attr(s, "w:styleId")) {
            Some(their_id) => ids.push((id, their_id)),
            None => {
                added.push_str("<w:style ");
                added.push_str(&style.replace(" w:default=\"1\"", ""));
            }
        }
    }
    // A list style's numbering lives in the template's numbering part, which the record
    // does not carry: the record's paragraphs number themselves.
    let theirs = without_numbering(theirs);
    let at = theirs.rfind("</w:styles>").expect("checked above");
    (format!("{}{added}{}", &theirs[..at], &theirs[at..]), ids)
}

/// `styles` without the `<w:numPr>…</w:numPr>` of their paragraph properties.
fn without_numbering(styles: &str) -> String {
    let mut out = String::with_capacity(styles.len());
    let mut rest = styles;
    while let Some(start) = rest.find("<w:numPr>") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("</w:numPr>") else {
            rest = &rest[start..];
            break;
        };
        rest = &rest[start + end + "</w:numPr>".len()..];
    }
    out.push_str(rest);
    out
}

/// The names a style goes by: Word's built-in English name, and the French one a
/// template made in French gives it ("Titre 1" for "heading 1").
const FRENCH: [(&str, &str); 9] = [
    ("title", "titre"),
    ("subtitle", "sous-titre"),
    ("heading 1", "titre 1"),
    ("heading 2", "titre 2"),
    ("heading 3", "titre 3"),
    ("list bullet", "liste à puces"),
    ("list number", "liste numéros"),
    ("header", "en-tête"),
    ("footer", "pied de page"),
];

/// Whether a template's style named `theirs` is copil's style named `ours`.
fn same_style(ours: &str, theirs: &str) -> bool {
    let (ours, theirs) = (ours.to_lowercase(), theirs.to_lowercase());
    ours == theirs || FRENCH.iter().any(|(en, fr)| ours == *en && theirs == *fr)
}

fn name_of(style: &str) -> Option<String> {
    let at = style.find("<w:name ")?;
    attr(&style[at..], "w:val")
}

/// The body's last `<w:sectPr>`, or "" when there is none.
fn last_section(document: &str) -> &str {
    let Some(start) = document.rfind("<w:sectPr") else {
        return "";
    };
    let end = document[start..]
        .find("</w:sectPr>")
        .map_or(document.len(), |e| start + e);
    &document[start..end]
}

/// The width of a section's text: its page's, less the left and right margins.
fn text_width(section: &str) -> Option<u32> {
    let number = |tag: &str, name: &str| -> Option<u32> {
        attr(&section[section.find(tag)?..], name)?.parse().ok()
    };
    let page = number("<w:pgSz ", "w:w")?;
    let left = number("<w:pgMar ", "w:left").unwrap_or(0);
    let right = number("<w:pgMar ", "w:right").unwrap_or(0);
    page.checked_sub(left + right).filter(|w| *w >= 2_000)
}

/// The page size and margins of a section, as XML to put in copil's own.
fn page_of(section: &str) -> Option<String> {
    let element = |tag: &str| {
        let at = section.find(tag)?;
        let end = section[at..].find("/>")? + at + 2;
        Some(section[at..end].to_owned())
    };
    let size = element("<w:pgSz ")?;
    Some(format!(
        "{size}{}",
        element("<w:pgMar ").unwrap_or_default()
    ))
}

/// Whether `text` has the on/off element `tag` switched on: present, and not `w:val` "0",
/// "false" or "off".
fn switched_on(text: &str, tag: &str) -> bool {
    text.split(tag).skip(1).any(|t| {
        // The element itself, not a longer name that starts the same.
        t.starts_with(['/', ' ', '>'])
            && !matches!(attr(t, "w:val").as_deref(), Some("0" | "false" | "off"))
    })
}

/// The value of `name="…"` in the first tag of `text`.
fn attr(text: &str, name: &str) -> Option<String> {
    let tag = &text[..text.find('>').unwrap_or(text.len())];
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_owned())
}

/// The `want` attribute of the `tag` element that also has `with`.
fn attr_of(section: &str, tag: &str, with: &str, want: &str) -> Option<String> {
    section
        .split(tag)
        .skip(1)
        .find(|t| t[..t.find('>').unwrap_or(t.len())].contains(with))
        .and_then(|t| attr(t, want))
}

/// The target of relationship `id`.
fn target(rels: &str, id: &str) -> Option<String> {
    rels.split("<Relationship ")
        .find(|r| attr(r, "Id").as_deref() == Some(id))
        .and_then(|r| attr(r, "Target"))
}

/// Every internal target of a relationships part.
fn targets(rels: &str) -> Vec<String> {
    rels.split("<Relationship ")
        .skip(1)
        .filter(|r| !r.contains("TargetMode=\"External\""))
        .filter_map(|r| attr(r, "Target"))
        .collect()
}
