//! Saving through whatever the user's path names: symlinks that dangle or
//! loop, `/proc/self/fd` links, devices, FIFOs and read-only files. A save
//! never creates a file wider than `0666 & !umask`, never replaces a link or
//! a device with a regular file, and never rewrites a read-only file unasked.
#![cfg(unix)]

use journey::core::format::{write_atomic, write_atomic_forced};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// The mode a newly created file gets here: 0666 less the umask, learnt by
/// creating one (setting the umask to read it would race other tests).
fn new_file_mode(dir: &Path) -> u32 {
    let probe = dir.join("probe");
    std::fs::write(&probe, "").expect("probe");
    let m = mode(&probe);
    std::fs::remove_file(&probe).expect("remove probe");
    m
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn a_new_file_has_the_umask_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.ron");
    write_atomic(&file, b"new").expect("written");
    assert_eq!(mode(&file), new_file_mode(dir.path()));
    assert_eq!(mode(&file) & 0o111, 0, "never executable");
}

#[test]
fn a_dangling_symlink_creates_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("real")).expect("mkdir");
    let link = dir.path().join("m.ron");
    // Relative, and through a second link: the chain is followed to its end.
    std::os::unix::fs::symlink("hop.ron", &link).expect("link");
    std::os::unix::fs::symlink("real/target.ron", dir.path().join("hop.ron")).expect("hop");
    write_atomic(&link, b"through the link").expect("written");
    assert!(is_symlink(&link), "the link was replaced");
    let target = dir.path().join("real/target.ron");
    assert_eq!(std::fs::read(&target).expect("target"), b"through the link");
    assert_eq!(mode(&target), new_file_mode(dir.path()), "not 0777");
}

#[test]
fn a_symlink_loop_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::os::unix::fs::symlink("b.ron", &a).expect("a");
    std::os::unix::fs::symlink("a.ron", &b).expect("b");
    let err = write_atomic(&a, b"x").expect_err("a loop is refused");
    assert!(err.to_string().contains("symlink loop"), "{err}");
    assert!(is_symlink(&a) && is_symlink(&b));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 2);
}

#[test]
fn a_proc_fd_link_to_a_file_replaces_the_file_and_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.ron");
    std::fs::write(&file, "old").expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let open = std::fs::File::open(&file).expect("open");
    use std::os::fd::AsRawFd;
    let link = format!("/proc/self/fd/{}", open.as_raw_fd());
    if !Path::new(&link).exists() {
        eprintln!("SKIPPED: no /proc/self/fd here");
        return;
    }
    write_atomic(Path::new(&link), b"new").expect("written");
    assert_eq!(std::fs::read(&file).expect("read"), b"new");
    assert_eq!(mode(&file), 0o640);
    assert!(!is_symlink(&file));
}

#[test]
fn a_proc_fd_link_to_a_pipe_writes_into_the_pipe() {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe(2) returns.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe");
    use std::os::fd::FromRawFd;
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (mut reader, writer) = unsafe {
        (
            std::fs::File::from_raw_fd(fds[0]),
            std::fs::File::from_raw_fd(fds[1]),
        )
    };
    let link = format!("/proc/self/fd/{}", fds[1]);
    if !Path::new(&link).exists() {
        eprintln!("SKIPPED: no /proc/self/fd here");
        return;
    }
    write_atomic(Path::new(&link), b"piped").expect("written");
    drop(writer);
    let mut got = String::new();
    reader.read_to_string(&mut got).expect("read");
    assert_eq!(got, "piped");
}

/// A null device to write through. As root, one of its own in `dir`
/// (`mknod c 1 3`): a build that still renamed over the link's target must
/// not take the system's `/dev/null` with it. Others cannot replace
/// `/dev/null` (they may not write in `/dev`), so they use it.
fn null_device(dir: &Path) -> std::path::PathBuf {
    let own = dir.join("null");
    let c_path = std::ffi::CString::new(own.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid, NUL-terminated path; makedev has no preconditions.
    let made = unsafe { libc::mknod(c_path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    // SAFETY: geteuid has no preconditions.
    if made == 0 {
        own
    } else if unsafe { libc::geteuid() } == 0 {
        panic!("mknod as root: {}", std::io::Error::last_os_error());
    } else {
        std::path::PathBuf::from("/dev/null")
    }
}

#[test]
fn a_link_to_a_null_device_leaves_the_device_in_place() {
    let is_char =
        |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_char_device());
    let dir = tempfile::tempdir().expect("tempdir");
    let null = null_device(dir.path());
    assert!(is_char(&null), "{} is a character device", null.display());
    let link = dir.path().join("out.md");
    std::os::unix::fs::symlink(&null, &link).expect("link");
    write_atomic(&link, b"thrown away").expect("written");
    assert!(is_symlink(&link), "the link stays a link");
    assert!(
        is_char(&null),
        "{} is still a character device",
        null.display()
    );
    // Written directly to the device too, not only through the link.
    write_atomic(&null, b"thrown away").expect("written");
    assert!(
        is_char(&null),
        "{} is still a character device",
        null.display()
    );
}

#[test]
fn a_fifo_is_written_in_place_and_one_without_a_reader_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("out.fifo");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0, "mkfifo");

    let (tx, rx) = std::sync::mpsc::channel();
    let target = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(write_atomic(&target, b"nobody listens").map_err(|e| e.to_string()));
    });
    let result = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("a FIFO without a reader does not block the save");
    let err = result.expect_err("refused");
    assert!(err.contains("no program reads"), "{err}");

    use std::os::unix::fs::OpenOptionsExt;
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .expect("reader");
    write_atomic(&fifo, b"through the fifo").expect("written");
    let mut got = vec![0; 64];
    let n = reader.read(&mut got).expect("read");
    assert_eq!(&got[..n], b"through the fifo");
    let kind = std::fs::symlink_metadata(&fifo).expect("fifo").file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn a_read_only_file_is_refused_unless_forced_and_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.ron");
    std::fs::write(&file, "old").expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let err = write_atomic(&file, b"new").expect_err("read-only is refused, even for root");
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(err.to_string(), format!("{} is read-only", file.display()));
    assert_eq!(std::fs::read(&file).expect("read"), b"old");
    write_atomic_forced(&file, b"new").expect("forced");
    assert_eq!(std::fs::read(&file).expect("read"), b"new");
    assert_eq!(mode(&file), 0o444);

    // A writable file keeps its own narrower mode.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    write_atomic(&file, b"newer").expect("written");
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = write_atomic(dir.path(), b"x").expect_err("a folder");
    assert!(err.to_string().contains("is a folder"), "{err}");
}

#[test]
fn stale_temporaries_of_a_killed_save_are_cleaned_on_the_next_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.ron");
    let old = SystemTime::now() - Duration::from_secs(600);
    let stale = dir.path().join(".m.ron.Ab3dE9");
    let fresh = dir.path().join(".m.ron.Zz9yX8");
    let other = dir.path().join(".m.ron.notes");
    let foreign = dir.path().join(".n.ron.Ab3dE9");
    for path in [&stale, &fresh, &other, &foreign] {
        std::fs::write(path, "left over").expect("write");
    }
    for path in [&stale, &other, &foreign] {
        let f = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        f.set_modified(old).expect("age it");
    }
    write_atomic(&file, b"saved").expect("written");
    assert!(!stale.exists(), "a stale temporary of this file is removed");
    assert!(
        fresh.exists(),
        "a recent one may be another save in progress"
    );
    assert!(
        other.exists() && foreign.exists(),
        "other names are not ours"
    );
}

#[test]
fn root_keeps_the_owner_of_the_file_it_replaces() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("SKIPPED: giving a file to another user needs root");
        return;
    }
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("m.ron");
    std::fs::write(&file, "old").expect("write");
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).expect("chown");
    write_atomic(&file, b"new").expect("written");
    let meta = std::fs::metadata(&file).expect("metadata");
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
}
