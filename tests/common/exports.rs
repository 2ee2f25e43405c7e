//! Helpers for the export tests: the maps to test, real Graphviz, and
//! readers that take an export apart again. Adding a map under `maps/`
//! (or a fixture under `tests/fixtures/`) needs no code change here.

use journey::core::format::load;
use journey::core::model::Map;
use journey::core::text::clean;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A map to test, with a name for its snapshots.
pub struct Example {
    /// `maps-camera`, `templates-aida`, `fixtures-hostile`: unique, and
    /// stable as long as the file keeps its name.
    pub name: String,
    pub path: PathBuf,
    pub map: Map,
}

/// Every example map, template and test fixture, sorted by name.
pub fn examples() -> Vec<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (folder, prefix) in [
        ("maps", "maps"),
        ("maps/templates", "templates"),
        ("tests/fixtures", "fixtures"),
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("ron") {
                continue;
            }
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("map")
                .to_string();
            let map = match load(&path) {
                Ok(loaded) => loaded.map,
                Err(e) => panic!("{} does not load: {e}", path.display()),
            };
            out.push(Example {
                name: format!("{prefix}-{stem}"),
                path,
                map,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!out.is_empty(), "no example maps found");
    out
}

/// Whether Graphviz can be run. Where it is missing, a test skips with a
/// message, unless `CI` is set: there a missing tool is a failure.
pub fn have_dot() -> bool {
    let ok = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        super::missing("Graphviz `dot` is not installed (apt-get install graphviz)");
    }
    ok
}

/// What `dot -T<format>` said about some DOT source.
pub struct DotRun {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `dot -T<format>` on `source`.
pub fn run_dot(source: &str, format: &str) -> DotRun {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot starts");
    let mut stdin = child.stdin.take().expect("stdin pipe");
    let source = source.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let output = child.wait_with_output().expect("dot runs");
    writer.join().expect("writer").expect("dot reads its input");
    DotRun {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The nodes of `dot -Tplain` output: name and x position.
pub fn plain_nodes(plain: &str) -> Vec<(String, f64)> {
    plain_positions(plain)
        .into_iter()
        .map(|(name, x, _)| (name, x))
        .collect()
}

/// The nodes of `dot -Tplain` output: name, x and y (y grows upwards).
pub fn plain_positions(plain: &str) -> Vec<(String, f64, f64)> {
    let mut nodes = Vec::new();
    for line in plain.lines() {
        let Some(rest) = line.strip_prefix("node ") else {
            continue;
        };
        let (name, rest) = if let Some(quoted) = rest.strip_prefix('"') {
            // Node names are ours: ASCII letters, digits, `_` and `-`.
            let end = quoted.find('"').expect("closing quote");
            (quoted[..end].to_string(), &quoted[end + 1..])
        } else {
            let end = rest.find(' ').expect("a space after the name");
            (rest[..end].to_string(), &rest[end..])
        };
        let mut numbers = rest
            .split_whitespace()
            .map(|n| n.parse::<f64>().expect("a number"));
        let x = numbers.next().expect("an x position");
        let y = numbers.next().expect("a y position");
        nodes.push((name, x, y));
    }
    nodes
}

/// The node ids the DOT export declares in each stage's cluster, in order.
pub fn dot_columns(dot: &str) -> Vec<Vec<String>> {
    let mut columns = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in dot.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("subgraph \"cluster_") && !trimmed.contains("cluster_legend") {
            current = Some(Vec::new());
        } else if trimmed == "}" {
            if let Some(c) = current.take() {
                columns.push(c);
            }
        } else if let Some(c) = current.as_mut()
            && let Some(rest) = trimmed.strip_prefix('"')
            && let Some(end) = rest.find('"')
            && rest[end..].starts_with("\" [")
        {
            c.push(rest[..end].to_string());
        }
    }
    columns
}

/// Map text as an export should show it: XML's forbidden U+FFFE and U+FFFF
/// gone, then control and invisible characters, the ends trimmed, tabs as
/// spaces.
pub fn shown(s: &str) -> String {
    clean(&s.replace(['\u{fffe}', '\u{ffff}'], ""), true)
        .trim()
        .replace('\t', " ")
}

/// [`shown_name`] as an export shows a name that it repeats on every row
/// or step that refers to the item: cut to `NAME_MAX` characters.
pub fn shown_short_name(name: &str, id: &str) -> String {
    journey::core::text::cut(&shown_name(name, id), journey::core::text::NAME_MAX).into_owned()
}

/// `Name (channel)`, as the Markdown tables name a touchpoint.
pub fn shown_touchpoint(t: &journey::core::model::Touchpoint) -> String {
    let channel = shown(&t.channel);
    if channel.is_empty() {
        shown_name(&t.name, &t.id)
    } else {
        format!("{} ({channel})", shown_name(&t.name, &t.id))
    }
}

/// A name, or the id where the name is blank, or `(unnamed)`.
pub fn shown_name(name: &str, id: &str) -> String {
    if !shown(name).is_empty() {
        shown(name)
    } else if !shown(id).is_empty() {
        shown(id)
    } else {
        "(unnamed)".to_string()
    }
}

/// The tables of a Markdown document as rows of cell texts (header row
/// first), read by pulldown-cmark with GFM tables on. `<br>` reads as a
/// newline, and the space before it (there for renderers that drop the
/// tag) goes with it.
pub fn markdown_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut tables = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Table(_)) => table = Vec::new(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut table)),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Vec::new(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                table.push(std::mem::take(&mut row))
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                if let Some(c) = cell.as_mut() {
                    assert_eq!(&*h, "<br>", "only <br> may appear as HTML in a cell");
                    if c.ends_with(' ') {
                        c.pop();
                    }
                    c.push('\n');
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = cell.as_mut() {
                    c.push(' ');
                }
            }
            _ => {}
        }
    }
    tables
}

/// The text of every heading of `level`, with `<br>` read as a newline.
pub fn markdown_headings(md: &str, level: pulldown_cmark::HeadingLevel) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) if l == level => {
                current = Some(String::new())
            }
            Event::End(TagEnd::Heading(l)) if l == level => {
                out.push(current.take().unwrap_or_default())
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(_) => {
                if let Some(c) = current.as_mut() {
                    // The space before a `<br>` goes with it (see `markdown_tables`).
                    if c.ends_with(' ') {
                        c.pop();
                    }
                    c.push('\n');
                }
            }
            _ => {}
        }
    }
    out
}

/// For every table line of the raw Markdown, the number of cell separators
/// (`|` not escaped by a backslash), so that rows can be compared with
/// their header before any parser pads or cuts them.
pub fn raw_table_widths(md: &str) -> Vec<Vec<usize>> {
    let mut tables = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for line in md.lines() {
        if line.starts_with('|') {
            let mut count = 0;
            let mut escaped = false;
            for c in line.chars() {
                if escaped {
                    escaped = false;
                    continue;
                }
                match c {
                    '\\' => escaped = true,
                    '|' => count += 1,
                    _ => {}
                }
            }
            current.push(count);
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables
}

/// Whether any character that must never reach an export is in `s`: a
/// control, bidi or invisible character (newlines aside, and joiners that
/// join), a tab, or XML's forbidden U+FFFE and U+FFFF.
pub fn has_control(s: &str) -> bool {
    journey::core::text::find_hidden(s).is_some() || s.contains(['\t', '\u{fffe}', '\u{ffff}'])
}

/// The text of every list item, in order, with `<br>` read as a newline
/// and emphasis markers dropped.
pub fn markdown_list_items(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Item) => current = Some(String::new()),
            Event::End(TagEnd::Item) => out.push(current.take().unwrap_or_default()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) => {
                if let Some(c) = current.as_mut() {
                    assert_eq!(&*h, "<br>", "only <br> may appear as HTML in an item");
                    if c.ends_with(' ') {
                        c.pop();
                    }
                    c.push('\n');
                }
            }
            Event::Start(Tag::List(_)) if current.is_some() => {
                panic!("a list inside a list item: text opened a block")
            }
            _ => {}
        }
    }
    out
}

/// A generated map of the given shape, for tests that need more than the
/// examples but less than a benchmark size.
pub fn small_map(stages: usize, per_stage: usize, personas: usize, steps: usize) -> Map {
    journey::core::generate::generate(journey::core::generate::Size {
        stages,
        touchpoints_per_stage: per_stage,
        personas,
        steps_per_path: steps,
    })
}
