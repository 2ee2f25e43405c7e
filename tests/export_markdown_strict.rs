//! The Markdown export through a strict renderer: cmark-gfm in its default
//! safe mode, as several wikis run it, drops every `<br>`. The stage table's
//! cells must still read right: the touchpoints of a cell apart, with `; `
//! between them, and lines of map text apart.

mod common;

use common::{Example, shown, shown_name, shown_touchpoint};
use journey::core::export::{Options, markdown};
use journey::core::model::{Kind, Map};
use std::io::Write;
use std::process::{Command, Stdio};

/// The HTML cmark-gfm makes of `md`, tables on; `None` where it is missing.
fn cmark_gfm(md: &str) -> Option<String> {
    let child = Command::new("cmark-gfm")
        .args(["--extension", "table"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        common::missing("cmark-gfm is not installed (apt-get install cmark-gfm)");
        return None;
    };
    let mut stdin = child.stdin.take().expect("stdin pipe");
    let md = md.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(md.as_bytes()));
    let output = child.wait_with_output().expect("cmark-gfm runs");
    writer.join().expect("writer").expect("cmark-gfm reads");
    assert!(output.status.success(), "cmark-gfm failed");
    assert!(output.stderr.is_empty(), "cmark-gfm warned");
    Some(String::from_utf8(output.stdout).expect("UTF-8 HTML"))
}

/// What a reader sees of a cell's HTML: comments and tags gone, entities
/// decoded, runs of white space as one space (as a browser shows them).
fn seen(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = if rest[open..].starts_with("<!--") {
            rest[open..].find("-->").map(|e| open + e + 3)
        } else {
            rest[open..].find('>').map(|e| open + e + 1)
        };
        rest = &rest[close.expect("a closed tag")..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    collapse(&decoded)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cells of every table in the HTML, row by row, header first.
fn tables(html: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    for table in html.split("<table>").skip(1) {
        let table = table.split("</table>").next().unwrap_or("");
        let mut rows = Vec::new();
        for row in table.split("<tr>").skip(1) {
            let row = row.split("</tr>").next().unwrap_or("");
            let mut cells = Vec::new();
            for cell in row.split("<t").skip(1) {
                // `<td>`, `<td align="right">`, `<th>`…
                let Some(start) = cell.find('>') else {
                    continue;
                };
                let body = &cell[start + 1..];
                let end = body.find("</t").unwrap_or(body.len());
                cells.push(seen(&body[..end]));
            }
            rows.push(cells);
        }
        tables.push(rows);
    }
    tables
}

/// The stage table as a reader of the strict rendering should see it.
fn expected_stages(map: &Map) -> Vec<Vec<String>> {
    let w = journey::core::words::for_map(map);
    let mut rows = vec![
        [
            "#",
            w.stage,
            w.what_happens,
            w.direct_touchpoints,
            w.indirect_touchpoints,
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (s, stage) in map.stages.iter().enumerate() {
        let of_kind = |kind| {
            let names: Vec<String> = stage
                .touchpoints
                .iter()
                .filter(|t| t.kind == kind)
                .map(shown_touchpoint)
                .collect();
            collapse(&names.join("; "))
        };
        rows.push(vec![
            (s + 1).to_string(),
            collapse(&shown_name(&stage.name, &stage.id)),
            collapse(&shown(&stage.description)),
            of_kind(Kind::Direct),
            of_kind(Kind::Indirect),
        ]);
    }
    rows
}

#[test]
fn stage_cells_read_right_without_their_line_breaks() {
    let mut checked = 0;
    for Example { name, map, .. } in common::examples() {
        if map.stages.is_empty() {
            continue;
        }
        let md = markdown::export(&map, &Options::all());
        let Some(html) = cmark_gfm(&md) else {
            return;
        };
        if md.contains("<br>") {
            // Safe mode is what this test is about: the tags must be gone.
            assert!(
                html.contains("<!-- raw HTML omitted -->") && !html.contains("<br"),
                "{name}: cmark-gfm kept the raw HTML; is it in safe mode?"
            );
        }
        let tables = tables(&html);
        assert_eq!(tables[0], expected_stages(&map), "{name}: stage table");
        checked += 1;
    }
    assert!(checked >= 5, "the example maps were found");
}

#[test]
fn a_cell_with_two_touchpoints_reads_as_two() {
    let example = common::examples()
        .into_iter()
        .find(|e| e.name == "maps-camera")
        .expect("the camera map");
    let md = markdown::export(&example.map, &Options::all());
    let Some(html) = cmark_gfm(&md) else {
        return;
    };
    let tables = tables(&html);
    // Awareness: the indirect touchpoints, as the issue's reader saw them
    // glued together ("Web search (web)Asking friends (in person)").
    assert_eq!(
        tables[0][1][4],
        "Web search (web); Asking friends (in person)"
    );
}
