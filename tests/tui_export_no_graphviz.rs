//! Export of a picture where Graphviz is missing: the error is shown in
//! the editor, which goes on. Its own test binary, since it empties `PATH`
//! for the whole process.

mod common;

use common::{app, keys};

#[test]
fn a_missing_dot_is_reported_in_the_status_bar() {
    // SAFETY: this binary holds this one test, so no other thread reads
    // the environment while it changes.
    unsafe { std::env::set_var("PATH", "/nonexistent") };
    let (mut app, dir) = app();
    keys(&mut app, "x<Right><Right><Right><Right>");
    keys(&mut app, "<Enter>");
    common::finish_drawing(&mut app);
    let m = app.message.clone().expect("a message");
    assert!(m.error, "{m:?}");
    assert!(
        m.text.contains("export failed") && m.text.contains("dot"),
        "{m:?}"
    );
    assert!(!dir.path().join("camera.svg").exists());
    keys(&mut app, "j");
    assert_eq!(app.view.row, Some(1), "the editor goes on");

    // The canvas needs no Graphviz: the same map, drawn by journey. The
    // prompt remembers svg; three to the right is the canvas's svg.
    keys(&mut app, "x<Right><Right><Right>");
    keys(&mut app, "<Enter>");
    common::finish_drawing(&mut app);
    let m = app.message.clone().expect("a message");
    assert!(!m.error && m.text.contains("camera.svg"), "{m:?}");
    let svg =
        std::fs::read_to_string(dir.path().join("camera.svg")).expect("the canvas is written");
    assert!(
        svg.contains(">Legend<") && svg.contains("<svg"),
        "the canvas, not the graph"
    );
}
