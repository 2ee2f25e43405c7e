//! The command line and the files it is given: names that try to forge
//! output lines, an output that names its own map, `new` that must never
//! leave a broken file, and `fmt` on a read-only file.
#![cfg(unix)]

use journey::core::samefile::same_file;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A map that fails `check` (empty stages) and is not in canonical layout.
const BAD: &str = r#"(format:1,title:"Bad",stages:[(id:"a",name:"A"),(id:"b",name:"B")])"#;

/// A file name that, printed raw, starts a GitHub workflow command.
const FORGING: &str = "j\n::error file=README.md,line=1::x.ron";

fn journey(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_journey"));
    cmd.current_dir(dir).stdin(Stdio::null());
    // No test reads the developer's own config: this folder has none.
    cmd.env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env_remove("JOURNEY_CONFIG");
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("journey runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_name_cannot_forge_an_output_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(FORGING), BAD).expect("write map");
    let runs: &[&[&str]] = &[
        &["check", FORGING],
        &["check", "--format", "github", FORGING],
        &["fmt", "--check", FORGING],
        &["export", FORGING, "--format", "markdown"],
        &[
            "export", FORGING, "--format", "markdown", "--output", FORGING,
        ],
        &["new", "n\n::error file=README.md::y.ron"],
        &[
            "render",
            FORGING,
            "--output",
            "p\n::error file=README.md::y.jpg",
        ],
        &[
            "render",
            FORGING,
            "--output",
            "no such\n::error file=README.md::/y.svg",
        ],
    ];
    for args in runs {
        let out = run(journey(dir.path()).args(*args));
        let what = args.join(" ");
        for line in text(&out.stdout).lines().chain(text(&out.stderr).lines()) {
            assert!(
                !line.starts_with("::error file=README.md"),
                "{what:?} forged a line: {line:?}"
            );
        }
        // The name is shown, with its newline as `\n` (and, in a GitHub
        // property, its colons %-encoded).
        let all = text(&out.stdout) + &text(&out.stderr);
        assert!(
            all.contains("\\n::error") || all.contains("j\\n%3A%3Aerror"),
            "{what:?} shows the name escaped: {all}"
        );
    }
}

#[test]
fn human_check_and_fmt_check_escape_tabs_and_returns_in_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "tab\there\rback.ron";
    std::fs::write(dir.path().join(name), BAD).expect("write map");
    let out = run(journey(dir.path()).args(["check", name]));
    assert!(
        text(&out.stdout).starts_with("tab\\there\\rback.ron:1: error[empty-stage]"),
        "{}",
        text(&out.stdout)
    );
    let out = run(journey(dir.path()).args(["fmt", "--check", name]));
    assert_eq!(text(&out.stdout), "tab\\there\\rback.ron\n");
}

/// The map, and the names under which an output would be the map itself.
fn map_and_its_names() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let map = dir.path().join("m.ron");
    std::fs::write(&map, BAD).expect("write map");
    std::os::unix::fs::symlink("m.ron", dir.path().join("link.md")).expect("symlink");
    std::fs::hard_link(&map, dir.path().join("hard.md")).expect("hard link");
    std::os::unix::fs::symlink("m.ron", dir.path().join("link.svg")).expect("symlink");
    std::fs::hard_link(&map, dir.path().join("hard.svg")).expect("hard link");
    let absolute = map.display().to_string();
    let names = ["m.ron", "./m.ron", "link.md", "hard.md", &absolute];
    (dir, names.iter().map(|s| s.to_string()).collect())
}

#[test]
fn export_refuses_an_output_that_is_the_map() {
    let (dir, names) = map_and_its_names();
    for out_name in &names {
        let out = run(journey(dir.path()).args([
            "export", "m.ron", "--format", "markdown", "--output", out_name,
        ]));
        assert_eq!(out.status.code(), Some(2), "--output {out_name}");
        assert!(
            text(&out.stderr).contains("the output is the map itself"),
            "{}",
            text(&out.stderr)
        );
        let bytes = std::fs::read_to_string(dir.path().join("m.ron")).expect("read map");
        assert_eq!(bytes, BAD, "--output {out_name} left the map alone");
    }
    // The map named another way round: through the link, output the file.
    let out = run(
        journey(dir.path()).args(["export", "link.md", "--format", "dot", "--output", "m.ron"])
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("m.ron")).expect("read map"),
        BAD
    );
}

#[test]
fn render_refuses_an_output_that_is_the_map() {
    let (dir, _) = map_and_its_names();
    for out_name in ["link.svg", "hard.svg"] {
        let out = run(journey(dir.path()).args(["render", "m.ron", "--output", out_name]));
        assert_eq!(out.status.code(), Some(2), "--output {out_name}");
        assert!(
            text(&out.stderr).contains("the output is the map itself"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("m.ron")).expect("read map"),
            BAD
        );
    }
}

#[test]
fn same_file_knows_a_file_by_every_name() {
    let (dir, _) = map_and_its_names();
    let d = dir.path();
    let map = d.join("m.ron");
    for other in ["m.ron", "./m.ron", "link.md", "hard.md", "link.svg"] {
        assert!(same_file(&map, &d.join(other)), "{other}");
        assert!(same_file(&d.join(other), &map), "{other}, turned round");
    }
    std::fs::write(d.join("copy.ron"), BAD).expect("write copy");
    assert!(
        !same_file(&map, &d.join("copy.ron")),
        "a copy is another file"
    );
    assert!(
        !same_file(&map, &d.join("missing.ron")),
        "a new file is not the map"
    );
}

#[test]
fn new_twice_never_overwrites_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(journey(dir.path()).args(["new", "n.ron"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let first = std::fs::read(dir.path().join("n.ron")).expect("read new map");
    let out = run(journey(dir.path()).args(["new", "n.ron", "--template", "aida"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read(dir.path().join("n.ron")).expect("read"),
        first
    );
    assert_eq!(listing(dir.path()), ["n.ron"], "no temporary file is left");
}

#[test]
fn new_on_a_full_disk_leaves_no_file_and_a_retry_works() {
    // A file-size limit stands in for a full disk: writes past 64 bytes fail
    // (EFBIG), for root as for anyone, with no special file system.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = journey(dir.path());
    cmd.args(["new", "n.ron"]);
    // SAFETY: signal and setrlimit are async-signal-safe, as pre_exec requires.
    unsafe {
        cmd.pre_exec(|| {
            // The default action of SIGXFSZ would kill the process instead.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 64,
                rlim_max: 64,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = run(&mut cmd);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("cannot create"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        listing(dir.path()).is_empty(),
        "left {:?}",
        listing(dir.path())
    );
    let out = run(journey(dir.path()).args(["new", "n.ron"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(listing(dir.path()), ["n.ron"]);
}

#[test]
fn new_in_an_unwritable_folder_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("locked");
    std::fs::create_dir(&folder).expect("make folder");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let mut cmd = journey(dir.path());
    cmd.args(["new", "locked/n.ron"]);
    // SAFETY: geteuid, setgid and setuid are async-signal-safe. Root may
    // write anywhere, so as root the child runs as nobody.
    unsafe {
        cmd.pre_exec(|| {
            if libc::geteuid() == 0 && (libc::setgid(65534) != 0 || libc::setuid(65534) != 0) {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = run(&mut cmd);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("locked/n.ron: cannot create"));
    assert!(listing(&folder).is_empty(), "left {:?}", listing(&folder));
}

#[test]
fn fmt_refuses_a_read_only_file_unless_forced() {
    // The check is by permission bits, so it holds for root too.
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked.ron");
    let open = dir.path().join("open.ron");
    std::fs::write(&locked, BAD).expect("write map");
    std::fs::write(&open, BAD).expect("write map");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("chmod");

    let out = run(journey(dir.path()).args(["fmt", "locked.ron", "open.ron"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "error: locked.ron: read-only; not rewritten (use --force to rewrite it anyway)"
        ),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&locked).expect("read"), BAD);
    assert_ne!(
        std::fs::read_to_string(&open).expect("read"),
        BAD,
        "the writable file is still formatted"
    );

    // --check writes nothing, so read-only is no reason to fail.
    let out = run(journey(dir.path()).args(["fmt", "--check", "locked.ron"]));
    assert_eq!(out.status.code(), Some(1));

    let out = run(journey(dir.path()).args(["fmt", "--force", "locked.ron"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&locked)
            .expect("read")
            .starts_with("(\n    format: 1,")
    );
}
