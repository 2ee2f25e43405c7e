//! No source file imports a file that imports it back.
//!
//! A cycle between two files means neither can be read, tested or changed
//! alone. This reads every file under `src/`, collects each `crate::…`
//! path it names (in `use` lines, grouped `use` trees included, and as
//! full paths in code such as `crate::core::edit::touchpoint(…)`), maps each
//! to the file that defines the module it reaches, and fails on any cycle
//! among the checked folders, naming every file in it and the path that
//! makes each step. Comments and string literals do not count; a `mod`
//! line (a parent holding a child) is not an import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The folders (and top-level files) whose files must form no cycle. A
/// folder is added here once its files are free of cycles.
const CHECKED: &[&str] = &[
    "src/core/",
    "src/cli/",
    "src/lib.rs",
    "src/main.rs",
    "src/config.rs",
    "src/config_tests.rs",
    "src/recovery.rs",
    "src/tui/",
];

/// A file's imports: the file each one reaches, with a path that does.
type Edges = BTreeMap<String, BTreeMap<String, String>>;

#[test]
fn no_checked_file_imports_a_file_that_imports_it_back() {
    let files = read_sources(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(files.len() > 50, "found only {} source files", files.len());
    let edges = imports(&files);
    let checked = |f: &str| CHECKED.iter().any(|c| f.starts_with(c) || f == *c);
    let cycles = cycles(&edges, &checked);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_checker_finds_a_cycle_through_grouped_uses_and_full_paths() {
    let files: BTreeMap<String, String> = [
        ("src/lib.rs", "pub mod a;\npub mod b;\n"),
        ("src/a.rs", "use crate::{b::{Thing, other}, c};\n"),
        ("src/b.rs", "fn f() { crate::a::g(); }\n"),
        (
            "src/c.rs",
            "// crate::a::x is only a comment\nconst S: &str = \"crate::a\";\n",
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let edges = imports(&files);
    assert_eq!(
        edges["src/a.rs"].keys().collect::<Vec<_>>(),
        ["src/b.rs", "src/c.rs"]
    );
    assert!(!edges.contains_key("src/c.rs"), "{edges:?}");
    let found = cycles(&edges, &|_: &str| true);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("src/a.rs") && found[0].contains("src/b.rs"));
}

/// Every `.rs` file under `src/`, by its path from the crate root.
fn read_sources(root: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        let entries = std::fs::read_dir(dir).expect("the source folder reads");
        for entry in entries {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root).expect("under the root");
                let text = std::fs::read_to_string(&path).expect("a source file reads");
                out.insert(name.to_string_lossy().replace('\\', "/"), text);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&root.join("src"), root, &mut out);
    out
}

/// Each file's imports of other files.
fn imports(files: &BTreeMap<String, String>) -> Edges {
    let mut edges = Edges::new();
    for (file, text) in files {
        for path in crate_paths(&code_only(text)) {
            let Some(target) = file_of(&path, files) else {
                continue;
            };
            if target != *file {
                edges
                    .entry(file.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| format!("crate::{}", path.join("::")));
            }
        }
    }
    edges
}

/// The file that defines the longest module prefix of `path`.
fn file_of(path: &[String], files: &BTreeMap<String, String>) -> Option<String> {
    (0..=path.len()).rev().find_map(|n| {
        if n == 0 {
            return files
                .contains_key("src/lib.rs")
                .then(|| "src/lib.rs".into());
        }
        let dir = path[..n].join("/");
        [format!("src/{dir}.rs"), format!("src/{dir}/mod.rs")]
            .into_iter()
            .find(|f| files.contains_key(f))
    })
}

/// The source with comments, strings and character literals blanked out,
/// so that only code is searched for paths.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c[i] == 'r'
            && matches!(next, Some('"') | Some('#'))
            && !c
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…" or r#"…"#, closed by a quote and as many #.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (1..=hashes).all(|h| c.get(j + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push_str("\"\"");
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' && next == Some('\\') {
            i += 2;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Every path that starts at `crate::`, with `use` groups expanded:
/// `crate::core::{edit::Edit, model}` gives `core::edit::Edit` and
/// `core::model`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "crate::".len()..];
        rest = after;
        // `$crate` in a macro and names ending in "crate" are not paths.
        if before.is_some_and(|b| b.is_alphanumeric() || b == '_' || b == '$') {
            continue;
        }
        tree(&mut after.chars().peekable(), Vec::new(), &mut out);
    }
    out
}

/// Reads one use tree (or a plain path) after a `::`, pushing every leaf.
fn tree(
    s: &mut std::iter::Peekable<std::str::Chars>,
    prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) {
    skip_space(s);
    if s.peek() == Some(&'{') {
        s.next();
        loop {
            skip_space(s);
            match s.peek() {
                Some('}') | None => {
                    s.next();
                    return;
                }
                Some(',') => {
                    s.next();
                }
                _ => tree(s, prefix.clone(), out),
            }
        }
    }
    let mut path = prefix;
    loop {
        let ident: String =
            std::iter::from_fn(|| s.next_if(|c| c.is_alphanumeric() || *c == '_')).collect();
        if ident.is_empty() {
            break;
        }
        // `self` in a group names the module the group is in.
        if ident != "self" {
            path.push(ident);
        }
        skip_space(s);
        if s.peek() == Some(&':') {
            s.next();
            if s.next_if_eq(&':').is_none() {
                break;
            }
            skip_space(s);
            if s.peek() == Some(&'{') {
                return tree(s, path, out);
            }
        } else {
            // ` as Name`: the rest of the leaf names nothing new.
            break;
        }
    }
    if path.is_empty() {
        return;
    }
    // Skip a rename so that a group's next item starts cleanly.
    skip_space(s);
    let word: String = s.clone().take_while(|c| c.is_alphanumeric()).collect();
    if word == "as" {
        for _ in 0..2 {
            s.next();
        }
        skip_space(s);
        while s.next_if(|c| c.is_alphanumeric() || *c == '_').is_some() {}
    }
    out.push(path);
}

fn skip_space(s: &mut std::iter::Peekable<std::str::Chars>) {
    while s.next_if(|c| c.is_whitespace()).is_some() {}
}

/// Every strongly connected group of two or more checked files, each
/// shown as one cycle through all of its files with the paths that make
/// each step.
fn cycles(edges: &Edges, checked: &dyn Fn(&str) -> bool) -> Vec<String> {
    let nodes: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(f, to)| std::iter::once(f.as_str()).chain(to.keys().map(String::as_str)))
        .filter(|f| checked(f))
        .collect();
    let succ = |f: &str| -> Vec<&str> {
        edges.get(f).map_or(Vec::new(), |to| {
            to.keys()
                .map(String::as_str)
                .filter(|t| checked(t))
                .collect()
        })
    };
    let reach = |from: &str| -> BTreeSet<&str> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(f) = stack.pop() {
            for t in succ(f) {
                if seen.insert(t) {
                    stack.push(t);
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&str, BTreeSet<&str>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(n) || !reachable[n].contains(n) {
            continue;
        }
        let group: BTreeSet<&str> = nodes
            .iter()
            .copied()
            .filter(|m| reachable[n].contains(m) && reachable[m].contains(n))
            .collect();
        done.extend(group.iter().copied());
        out.push(describe(n, &group, edges, &succ));
    }
    out
}

/// One cycle from `start` back to it inside `group`, found breadth first
/// so that it is as short as can be, with the path behind each step.
fn describe<'a>(
    start: &'a str,
    group: &BTreeSet<&'a str>,
    edges: &Edges,
    succ: &dyn Fn(&'a str) -> Vec<&'a str>,
) -> String {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    'search: while let Some(f) = queue.pop_front() {
        for t in succ(f) {
            if !group.contains(t) || came_from.contains_key(t) {
                continue;
            }
            came_from.insert(t, f);
            if t == start {
                break 'search;
            }
            queue.push_back(t);
        }
    }
    let mut chain = vec![start];
    let mut at = came_from.get(start).copied();
    while let Some(f) = at {
        if f == start {
            break;
        }
        chain.push(f);
        at = came_from.get(f).copied();
    }
    chain.reverse();
    chain.insert(0, start);
    let steps: Vec<String> = chain
        .windows(2)
        .map(|w| format!("  {} → {} ({})", w[0], w[1], edges[w[0]][w[1]]))
        .collect();
    // Every import inside the group, since each may need to go.
    let inside: Vec<String> = group
        .iter()
        .flat_map(|f| {
            edges
                .get(*f)
                .into_iter()
                .flatten()
                .filter(|(t, _)| group.contains(t.as_str()))
                .map(move |(t, why)| format!("    {f} → {t} ({why})"))
        })
        .collect();
    format!(
        "cycle of {} files: {}\n{}\n  all imports inside it:\n{}",
        group.len(),
        group.iter().copied().collect::<Vec<_>>().join(", "),
        steps.join("\n"),
        inside.join("\n")
    )
}
