//! Where the subcommands read maps from: `-` is standard input (read once,
//! at most the same size limit as a file), a folder given to `check`
//! stands for every `.ron` map under it, and git's `/dev/null` is the side
//! of a diff that does not exist.

use crate::core::format::{LoadError, LoadErrorKind, Loaded, load, load_reader};
use std::path::{Path, PathBuf};

/// Whether `path` is `-`, standard input (or output, for `--output -`).
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The name standard input goes by in messages.
pub fn stdin_name() -> &'static Path {
    Path::new("<stdin>")
}

/// Loads a map from `file`, or from standard input for `-`.
pub fn load_map(file: &Path) -> Result<Loaded, LoadError> {
    if is_dash(file) {
        load_reader(stdin_name(), std::io::stdin().lock())
    } else {
        load(file)
    }
}

/// The error for `-` given more than once: standard input holds one map.
pub fn dash_twice(files: &[PathBuf]) -> Option<String> {
    (files.iter().filter(|f| is_dash(f)).count() > 1)
        .then(|| "error: `-` (standard input) can be given once: it holds one map".to_string())
}

/// The files to check: each argument as it is, except that a folder
/// becomes the `.ron` files under it, in name order, leaving out hidden
/// folders and `target/` (and not following links to folders, so a loop
/// cannot trap the walk). A folder with no map gives an error message.
pub fn expand_folders(files: &[PathBuf]) -> Vec<Result<PathBuf, String>> {
    let mut out = Vec::new();
    for file in files {
        if is_dash(file) || !file.is_dir() {
            out.push(Ok(file.clone()));
            continue;
        }
        let mut found = Vec::new();
        let mut problems = Vec::new();
        walk(file, &mut found, &mut problems);
        found.sort();
        if found.is_empty() && problems.is_empty() {
            problems.push(format!(
                "error: {}: a folder with no .ron maps in it",
                crate::core::samefile::shown_path(file)
            ));
        }
        out.extend(problems.into_iter().map(Err));
        out.extend(found.into_iter().map(Ok));
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(format!(
                "error: {}: cannot read the folder: {e}",
                crate::core::samefile::shown_path(dir)
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !name.starts_with('.') && name != "target" {
                walk(&path, found, problems);
            }
        } else if name.ends_with(".ron") && !name.starts_with('.') {
            found.push(path);
        }
    }
}

/// Whether `path` is git's name for a missing side of a diff.
pub fn is_dev_null(path: &Path) -> bool {
    path.as_os_str() == "/dev/null"
}

/// Whether a file was read but is no map (or not yet one, in the middle
/// of a merge): text that git can still show line by line.
pub fn is_text_but_no_map(kind: &LoadErrorKind) -> bool {
    matches!(
        kind,
        LoadErrorKind::Syntax(_)
            | LoadErrorKind::Empty
            | LoadErrorKind::ConflictMarker(_)
            | LoadErrorKind::NewerFormat { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_to_their_maps() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for f in [
            "b.ron",
            "a.ron",
            "notes.txt",
            "sub/c.ron",
            "target/t.ron",
            ".git/g.ron",
            "sub/.hidden/h.ron",
        ] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "").expect("write");
        }
        std::fs::create_dir(root.join("empty")).expect("mkdir");
        let got: Vec<_> = expand_folders(&[root.to_path_buf()]);
        let names: Vec<String> = got
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|p| {
                p.strip_prefix(root)
                    .expect("under root")
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["a.ron", "b.ron", "sub/c.ron"]);
        let empty = expand_folders(&[root.join("empty")]);
        assert!(matches!(&empty[..], [Err(e)] if e.contains("a folder with no .ron maps")));
    }
}
