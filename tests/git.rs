//! journey inside real git: repositories in temporary folders, set up with
//! `journey git-setup`, branches that edit one map, and `git merge`,
//! `git diff` and `git log -p` through journey's drivers.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SHOP: &str = include_str!("fixtures/git/shop.ron");

/// A repository in a temporary folder, with git isolated from the user's
/// own config and `journey` on the PATH.
struct Repo {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

fn have_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn path_with_journey() -> std::ffi::OsString {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_journey"));
    let dir = bin.parent().expect("binary folder").to_path_buf();
    let mut paths = vec![dir];
    if let Some(old) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&old));
    }
    std::env::join_paths(paths).expect("PATH")
}

impl Repo {
    /// A repository with the shop map committed on `main`, or `None`
    /// (having said why) where git is missing.
    fn new(setup: bool) -> Option<Repo> {
        if !have_git() {
            common::missing("git is not installed");
            return None;
        }
        let repo = Repo {
            dir: tempfile::tempdir().expect("temp dir"),
            home: tempfile::tempdir().expect("temp home"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        if setup {
            let out = repo.journey(&["git-setup"]);
            assert!(out.status.success(), "{}", stderr(&out));
        }
        repo.write("shop.ron", SHOP);
        repo.commit("the shop map");
        Some(repo)
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.current_dir(self.path())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_CONFIG_GLOBAL")
            .env("GIT_AUTHOR_NAME", "A")
            .env("GIT_AUTHOR_EMAIL", "a@example.com")
            .env("GIT_COMMITTER_NAME", "A")
            .env("GIT_COMMITTER_EMAIL", "a@example.com")
            .env("GIT_PAGER", "cat")
            .env("NO_COLOR", "1")
            .env("PATH", path_with_journey());
        c
    }

    fn run_git(&self, args: &[&str]) -> Output {
        self.command("git").args(args).output().expect("git runs")
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self.run_git(args);
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn journey(&self, args: &[&str]) -> Output {
        self.command(env!("CARGO_BIN_EXE_journey"))
            .args(args)
            .output()
            .expect("journey runs")
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path().join(name), text).expect("write");
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path().join(name)).expect("read")
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Edits the map on a new branch from main, and commits.
    fn branch(&self, name: &str, edit: impl FnOnce(&str) -> String) {
        self.git(&["checkout", "-q", "-b", name, "main"]);
        let text = edit(&self.read("shop.ron"));
        self.write("shop.ron", &text);
        self.commit(name);
        self.git(&["checkout", "-q", "main"]);
    }

    /// Merges branch `a` into main, then `b`; returns the second merge.
    fn merge_both(&self, a: &str, b: &str) -> Output {
        self.git(&["merge", "-q", "--no-edit", a]);
        self.run_git(&["merge", "--no-edit", b])
    }

    fn assert_checks_and_is_canonical(&self) {
        let fmt = self.journey(&["fmt", "--check", "shop.ron"]);
        assert!(fmt.status.success(), "fmt --check: {}", stderr(&fmt));
        let check = self.journey(&["check", "shop.ron"]);
        assert!(check.status.success(), "check: {}", stdout(&check));
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new touchpoint, as the canonical layout writes it, at the end of the
/// Awareness stage.
fn add_to_awareness(text: &str, id: &str) -> String {
    let anchor = "                    channel: \"social\",\n                ),\n";
    let new = format!(
        "{anchor}                (\n                    id: \"{id}\",\n                    name: \"{id}\",\n                    kind: Direct,\n                ),\n"
    );
    text.replacen(anchor, &new, 1)
}

/// A step visiting `id` after the path's first step.
fn visit(text: &str, id: &str) -> String {
    let anchor = "(touchpoint: \"colleague-tip\", emotion: 1),\n";
    text.replacen(
        anchor,
        &format!("{anchor}                        (touchpoint: \"{id}\"),\n"),
        1,
    )
}

#[test]
fn neighbouring_additions_that_git_conflicts_on_merge_with_the_driver() {
    let edits = |repo: &Repo| {
        repo.branch("podcast", |t| {
            visit(&add_to_awareness(t, "podcast"), "podcast")
        });
        repo.branch("newsletter", |t| {
            visit(&add_to_awareness(t, "newsletter"), "newsletter")
        });
    };
    // Without the driver, git's line merge conflicts.
    let Some(plain) = Repo::new(false) else {
        return;
    };
    edits(&plain);
    assert!(!plain.merge_both("podcast", "newsletter").status.success());

    let Some(repo) = Repo::new(true) else {
        return;
    };
    edits(&repo);
    let out = repo.merge_both("podcast", "newsletter");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let merged = repo.read("shop.ron");
    let podcast = merged.find("id: \"podcast\"").expect("podcast kept");
    let newsletter = merged.find("id: \"newsletter\"").expect("newsletter kept");
    assert!(podcast < newsletter, "ours first");
    repo.assert_checks_and_is_canonical();
}

#[test]
fn a_rename_and_a_move_of_one_touchpoint_merge() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    repo.branch("rename", |t| {
        t.replace("\"Instagram ad\"", "\"Instagram reel\"")
    });
    repo.branch("move", |t| {
        let block = "                (\n                    id: \"instagram-ad\",\n                    name: \"Instagram ad\",\n                    kind: Direct,\n                    channel: \"social\",\n                ),\n";
        let without = t.replacen(block, "", 1);
        let anchor = "            name: \"Decision\",\n            touchpoints: [\n";
        without.replacen(anchor, &format!("{anchor}{block}"), 1)
    });
    let out = repo.merge_both("rename", "move");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let merged = repo.read("shop.ron");
    let decision = merged.find("name: \"Decision\"").expect("decision");
    let reel = merged.find("name: \"Instagram reel\"").expect("renamed");
    assert!(reel > decision, "moved into Decision:\n{merged}");
    repo.assert_checks_and_is_canonical();
}

#[test]
fn two_new_names_for_one_touchpoint_conflict_and_check_names_the_line() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    repo.branch("one", |t| t.replace("\"Web shop\"", "\"Online shop\""));
    repo.branch("two", |t| t.replace("\"Web shop\"", "\"Coffee shop\""));
    let out = repo.merge_both("one", "two");
    assert!(!out.status.success());
    let unmerged = repo.git(&["diff", "--name-only", "--diff-filter=U"]);
    assert_eq!(unmerged.trim(), "shop.ron");
    let text = repo.read("shop.ron");
    let line = text
        .lines()
        .position(|l| l.starts_with("<<<<<<< "))
        .expect("a marker")
        + 1;
    assert!(
        text.contains("touchpoint \"Online shop\" (web-shop)"),
        "{text}"
    );
    let check = repo.journey(&["check", "shop.ron"]);
    assert_eq!(check.status.code(), Some(2));
    let message = stderr(&check);
    assert!(
        message.contains(&format!("shop.ron:{line}:1: git conflict marker"))
            && message.contains("resolve the merge first"),
        "{message}"
    );
}

#[test]
fn a_path_edited_at_different_steps_on_both_sides_merges() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    repo.branch("first", |t| {
        t.replace(
            "(touchpoint: \"colleague-tip\", emotion: 1)",
            "(touchpoint: \"colleague-tip\", emotion: 2, note: \"Trusted\")",
        )
    });
    repo.branch("last", |t| {
        t.replace(
            "(touchpoint: \"web-shop\", emotion: 2)",
            "(touchpoint: \"web-shop\", emotion: 1, note: \"Checkout is slow\")",
        )
    });
    let out = repo.merge_both("first", "last");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let merged = repo.read("shop.ron");
    assert!(merged.contains("emotion: 2, note: \"Trusted\""));
    assert!(merged.contains("emotion: 1, note: \"Checkout is slow\""));
    repo.assert_checks_and_is_canonical();
}

#[test]
fn git_diff_and_log_show_the_semantic_diff() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    let text = repo
        .read("shop.ron")
        .replace("\"Web shop\"", "\"Online shop\"");
    repo.write("shop.ron", &text);
    let diff = repo.git(&["diff"]);
    assert!(
        diff.contains("touchpoint \"Online shop\" (web-shop) renamed from \"Web shop\""),
        "{diff}"
    );
    assert!(diff.contains("1 touchpoint renamed"), "{diff}");
    repo.commit("rename the shop");
    // git log -p uses the textconv outline.
    let log = repo.git(&["log", "-p", "-1"]);
    assert!(log.contains("-    touchpoint Web shop (web-shop)"), "{log}");
    assert!(
        log.contains("+    touchpoint Online shop (web-shop)"),
        "{log}"
    );
    // An added map: the external diff gets /dev/null as its old side.
    repo.write("new.ron", SHOP);
    repo.git(&["add", "new.ron"]);
    let added = repo.git(&["diff", "--cached"]);
    assert!(added.contains("journey diff new.ron (added)"), "{added}");
    assert!(added.contains("2 stages added"), "{added}");
}

#[test]
fn git_setup_leaves_a_different_setting_alone_without_force() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    let again = repo.journey(&["git-setup"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stderr(&again).contains("already"));
    repo.git(&["config", "merge.journey.driver", "other %O %A %B"]);
    let refused = repo.journey(&["git-setup"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("left alone"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        repo.git(&["config", "merge.journey.driver"]).trim(),
        "other %O %A %B"
    );
    let forced = repo.journey(&["git-setup", "--force"]);
    assert!(forced.status.success());
    assert_eq!(
        repo.git(&["config", "merge.journey.driver"]).trim(),
        "journey merge %O %A %B --path %P"
    );
    assert_eq!(
        repo.read(".gitattributes"),
        "*.ron diff=journey merge=journey\n"
    );
}

#[test]
fn a_ron_file_that_is_no_map_still_diffs_line_by_line() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    repo.write("settings.ron", "(theme: \"dark\")\n");
    repo.commit("settings");
    repo.write("settings.ron", "(theme: \"light\")\n");
    let diff = repo.git(&["diff"]);
    assert!(diff.contains("settings.ron: not a map"), "{diff}");
    assert!(
        diff.contains("-(theme: \"dark\")") && diff.contains("+(theme: \"light\")"),
        "{diff}"
    );
    repo.commit("light");
    let log = repo.git(&["log", "-p", "-1"]);
    assert!(log.contains("+(theme: \"light\")"), "{log}");
}

#[test]
fn git_setup_global_writes_the_users_config_only() {
    let Some(repo) = Repo::new(false) else {
        return;
    };
    let out = repo.journey(&["git-setup", "--global"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(
        "add this line to each repository's .gitattributes: *.ron diff=journey merge=journey"
    ));
    let global =
        std::fs::read_to_string(repo.home.path().join(".gitconfig")).expect("~/.gitconfig");
    assert!(
        global.contains("driver = journey merge %O %A %B --path %P"),
        "{global}"
    );
    assert!(
        global.contains("textconv = journey outline --fallback"),
        "{global}"
    );
    assert!(!repo.path().join(".gitattributes").exists());
    let local = repo.run_git(&["config", "--local", "--get", "merge.journey.driver"]);
    assert!(!local.status.success(), "nothing in .git/config");
}

#[test]
fn the_same_new_map_added_on_two_branches_merges_from_an_empty_base() {
    let Some(repo) = Repo::new(true) else {
        return;
    };
    for (branch, id) in [("one", "podcast"), ("two", "newsletter")] {
        repo.git(&["checkout", "-q", "-b", branch, "main"]);
        repo.write("new.ron", &add_to_awareness(SHOP, id));
        repo.commit(branch);
        repo.git(&["checkout", "-q", "main"]);
    }
    let out = repo.merge_both("one", "two");
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let merged = repo.read("new.ron");
    assert!(
        merged.contains("id: \"podcast\"") && merged.contains("id: \"newsletter\""),
        "{merged}"
    );
}
