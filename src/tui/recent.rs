//! The recently opened maps, one path a line in a file under the platform's
//! data folder. A list that cannot be read is ignored with a warning: it is
//! a convenience and must never stop the editor.

use crate::core::format::write_atomic;
use std::path::{Path, PathBuf};

/// How many maps the list keeps.
pub const KEEP: usize = 10;

/// Where the list lives, if the platform has a data folder.
pub fn list_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "journey").map(|d| d.data_dir().join("recent.txt"))
}

/// Reads the list. A missing file is an empty list; an unreadable one is an
/// empty list and a warning.
pub fn load(list: &Path) -> (Vec<PathBuf>, Option<String>) {
    match std::fs::read(list) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => (
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(PathBuf::from)
                    .collect(),
                None,
            ),
            Err(_) => (
                Vec::new(),
                Some(format!(
                    "ignored the recent-files list {}: not UTF-8 text",
                    list.display()
                )),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Vec::new(), None),
        Err(e) => (
            Vec::new(),
            Some(format!(
                "ignored the recent-files list {}: {e}",
                list.display()
            )),
        ),
    }
}

/// Puts `opened` first in the list (as an absolute path) and writes it.
pub fn remember(list: &Path, opened: &Path) -> std::io::Result<()> {
    let opened = std::fs::canonicalize(opened)?;
    let (mut paths, _) = load(list);
    paths.retain(|p| p != &opened);
    paths.insert(0, opened);
    paths.truncate(KEEP);
    let mut text = String::new();
    for p in &paths {
        // A path with a newline cannot be stored one a line; skip it.
        let s = p.to_string_lossy();
        if !s.contains('\n') {
            text.push_str(&s);
            text.push('\n');
        }
    }
    if let Some(dir) = list.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic(list, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remember_puts_the_newest_first_and_keeps_ten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let list = dir.path().join("data/recent.txt");
        let mut files = Vec::new();
        for i in 0..12 {
            let f = dir.path().join(format!("m{i}.ron"));
            std::fs::write(&f, "x").expect("write");
            remember(&list, &f).expect("remember");
            files.push(f);
        }
        remember(&list, &files[3]).expect("remember");
        let (paths, warning) = load(&list);
        assert!(warning.is_none());
        assert_eq!(paths.len(), KEEP);
        assert!(paths[0].ends_with("m3.ron"));
        assert!(paths[1].ends_with("m11.ron"));
    }

    #[test]
    fn an_unreadable_list_is_a_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        let list = dir.path().join("recent.txt");
        std::fs::write(&list, [0xff, 0xfe]).expect("write");
        let (paths, warning) = load(&list);
        assert!(paths.is_empty());
        assert!(warning.is_some_and(|w| w.contains("not UTF-8")));
        let (paths, warning) = load(dir.path());
        assert!(paths.is_empty() && warning.is_some());
    }
}
