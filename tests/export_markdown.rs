//! The Markdown export read back by a real CommonMark/GFM parser
//! (pulldown-cmark, tables on): every table has the same number of cells in
//! every row, and the cells say what the model says.

mod common;

use common::Example;
use common::markdown::check;
use journey::core::export::{Options, markdown};

#[test]
fn every_example_reads_back_into_the_same_cells() {
    for Example { name, map, .. } in common::examples() {
        check(&name, &map);
    }
}

#[test]
fn the_path_steps_are_numbered_lists() {
    let example = common::examples()
        .into_iter()
        .find(|e| e.name == "fixtures-camera")
        .expect("the camera fixture");
    let md = markdown::export(&example.map, &Options::persona("critical-buyer"));
    assert!(md.contains(
        "2. **Consideration** · Review portal (indirect) · 🙁 -1 · Mixed reviews of the autofocus."
    ));
    assert!(md.contains("**Outcome:** ✅ converted (Online purchase of the camera body or a kit)"));
    assert!(
        !md.contains("Experience seeker"),
        "other personas are left out"
    );
}
