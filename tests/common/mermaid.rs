//! A strict reader for the subset of Mermaid the exports write: each line
//! must have one of the expected shapes, and each label must hold nothing
//! that Mermaid could read as syntax. There is no Mermaid parser in Rust;
//! this checks the rules the escaping promises instead.

/// Checks a quoted label's text: no quote, no raw `#` outside an entity
/// code, and nothing else Mermaid treats as syntax.
fn label_ok(label: &str) -> Result<(), String> {
    let rest = label.replace("<br>", "");
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                let end = rest[i + 1..]
                    .find(';')
                    .ok_or_else(|| format!("`#` starts no entity in {label:?}"))?;
                let code = &rest[i + 1..i + 1 + end];
                if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(format!("bad entity `#{code};` in {label:?}"));
                }
                i += end + 2;
                continue;
            }
            b'"' | b';' | b':' | b'%' | b'`' | b'|' | b'<' | b'>' | b'\\' | b'\n' => {
                return Err(format!("raw {:?} in label {label:?}", bytes[i] as char));
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn id_ok(id: &str) -> Result<(), String> {
    if id.is_empty()
        || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        || matches!(
            id,
            "end" | "graph" | "subgraph" | "flowchart" | "style" | "class"
        )
    {
        return Err(format!("bad id {id:?}"));
    }
    Ok(())
}

/// `ID["label"]` or `ID(["label"])`: the id.
fn node(def: &str) -> Result<&str, String> {
    // Ids hold no `[`, so the first one opens the shape.
    let open = def
        .find('[')
        .ok_or_else(|| format!("not a node: {def:?}"))?;
    let rest = def[open + 1..].strip_prefix('"');
    let (id, label) = match def[..open].strip_suffix('(') {
        Some(id) => (id, rest.and_then(|r| r.strip_suffix("\"])"))),
        None => (&def[..open], rest.and_then(|r| r.strip_suffix("\"]"))),
    };
    id_ok(id)?;
    label_ok(label.ok_or_else(|| format!("label not quoted: {def:?}"))?)?;
    Ok(id)
}

/// Checks a flowchart and returns the number of touchpoint nodes.
pub fn check_flowchart(text: &str) -> Result<usize, String> {
    let mut lines = text.lines().peekable();
    if lines.peek() == Some(&"---") {
        lines.next();
        let title = lines.next().ok_or("front matter ends early")?;
        let quoted = title
            .strip_prefix("title: \"")
            .and_then(|t| t.strip_suffix('"'))
            .ok_or_else(|| format!("bad title line {title:?}"))?;
        let unescaped = quoted.replace("\\\\", "").replace("\\\"", "");
        if unescaped.contains('"') || unescaped.contains('\\') {
            return Err(format!("bad YAML string {title:?}"));
        }
        if lines.next() != Some("---") {
            return Err("front matter not closed".into());
        }
    }
    if lines.next() != Some("flowchart LR") {
        return Err("no `flowchart LR`".into());
    }
    let mut touchpoints = 0;
    let mut links = 0;
    let mut depth = 0;
    for line in lines {
        if let Some(def) = line.strip_prefix("    subgraph ") {
            node(def)?;
            depth += 1;
        } else if line == "    end" {
            depth -= 1;
        } else if line == "        direction TB" {
        } else if let Some(def) = line.strip_prefix("        ") {
            if node(def)?.starts_with("tp_") {
                touchpoints += 1;
            }
        } else if let Some(rest) = line.strip_prefix("    linkStyle ") {
            let (numbers, _) = rest.split_once(' ').ok_or("bad linkStyle")?;
            for n in numbers.split(',') {
                let n: usize = n.parse().map_err(|_| format!("bad link number {n:?}"))?;
                if n >= links {
                    return Err(format!("linkStyle {n} names no link"));
                }
            }
        } else if line.starts_with("    classDef ") {
        } else if let Some(rest) = line.strip_prefix("    class ") {
            let (ids, class) = rest.split_once(' ').ok_or("bad class line")?;
            for id in ids.split(',') {
                id_ok(id)?;
            }
            if !matches!(class, "direct" | "indirect" | "outcome") {
                return Err(format!("bad class {class:?}"));
            }
        } else if let Some(rest) = line.strip_prefix("    ") {
            let (from, to) = if let Some((a, b)) = rest.split_once(" ~~~ ") {
                (a, b)
            } else {
                let (a, b) = rest
                    .split_once(" -->")
                    .ok_or_else(|| format!("bad line {line:?}"))?;
                let b = match b.strip_prefix("|\"") {
                    Some(labelled) => {
                        let (label, to) = labelled
                            .split_once("\"| ")
                            .ok_or_else(|| format!("bad link label {line:?}"))?;
                        label_ok(label)?;
                        to
                    }
                    None => b
                        .strip_prefix(' ')
                        .ok_or_else(|| format!("bad link {line:?}"))?,
                };
                (a, b)
            };
            id_ok(from)?;
            // A link may define the node it leads to (an outcome marker).
            if to.contains('[') {
                node(to)?;
            } else {
                id_ok(to)?;
            }
            links += 1;
        } else {
            return Err(format!("unexpected line {line:?}"));
        }
    }
    if depth != 0 {
        return Err("unbalanced subgraph/end".into());
    }
    Ok(touchpoints)
}

/// A journey name: one line, none of `:` `#` `;`, no `%%`, not blank.
fn journey_name_ok(name: &str, actor: bool) -> Result<(), String> {
    if name.trim().is_empty()
        || name.contains([':', '#', ';', '\n'])
        || name.contains("%%")
        || (actor && name.contains(','))
    {
        return Err(format!("bad journey name {name:?}"));
    }
    Ok(())
}

/// A task name must not begin the way another statement does: Mermaid's
/// lexer, which ignores case, reads `title `, `section `, `journey`,
/// `accTitle`, `accDescr` and a comment's `%` before a task name.
fn task_start_ok(name: &str) -> Result<(), String> {
    let lower = name.to_ascii_lowercase();
    let word_end = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    let bad = lower.starts_with('%')
        || ["title", "section", "journey", "acctitle", "accdescr"]
            .iter()
            .any(|k| lower.strip_prefix(k).is_some_and(word_end));
    if bad {
        return Err(format!("task name {name:?} starts like a statement"));
    }
    Ok(())
}

/// Checks a journey diagram and returns the number of tasks.
pub fn check_journey(text: &str) -> Result<usize, String> {
    let mut lines = text.lines();
    if lines.next() != Some("journey") {
        return Err("no `journey`".into());
    }
    let mut tasks = 0;
    let mut in_section = false;
    for line in lines {
        if let Some(title) = line.strip_prefix("    title ") {
            if in_section || title.contains(['#', ';']) || title.trim().is_empty() {
                return Err(format!("bad title {line:?}"));
            }
        } else if let Some(section) = line.strip_prefix("    section ") {
            journey_name_ok(section, false)?;
            in_section = true;
        } else if let Some(task) = line.strip_prefix("        ") {
            if !in_section {
                return Err("task outside a section".into());
            }
            let mut parts = task.splitn(3, ": ");
            let (name, score, actors) = (parts.next(), parts.next(), parts.next());
            let (Some(name), Some(score), Some(actors)) = (name, score, actors) else {
                return Err(format!("bad task {line:?}"));
            };
            journey_name_ok(name, false)?;
            task_start_ok(name)?;
            if !matches!(score, "1" | "2" | "3" | "4" | "5") {
                return Err(format!("bad score in {line:?}"));
            }
            for actor in actors.split(", ") {
                journey_name_ok(actor, true)?;
            }
            tasks += 1;
        } else {
            return Err(format!("unexpected line {line:?}"));
        }
    }
    Ok(tasks)
}
