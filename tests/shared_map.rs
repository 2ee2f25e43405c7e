//! A copy of a map shares its lists until one side changes them, and the
//! recovery file is written streamed: both keep the editor's memory near
//! the file's size, and neither changes a byte of what is written.

mod common;

use common::strategies::map;
use journey::core::edit::Edit;
use journey::core::format::{to_string, write_to};
use journey::core::generate::{S1, S2, generate};
use journey::core::model::{Shared, TouchpointPos};
use proptest::prelude::*;

proptest! {
    #[test]
    fn streamed_text_is_the_canonical_text(map in map()) {
        let mut out = Vec::new();
        write_to(&map, &mut out).expect("a Vec takes every byte");
        prop_assert_eq!(String::from_utf8(out).expect("UTF-8"), to_string(&map));
    }
}

#[test]
fn a_large_map_streams_in_pieces_to_the_same_bytes() {
    /// Counts the pieces it is handed.
    struct Pieces(Vec<u8>, usize);
    impl std::io::Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.1 += 1;
            self.0.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let map = generate(S2);
    let mut sink = Pieces(Vec::new(), 0);
    write_to(&map, &mut sink).expect("written");
    let text = to_string(&map);
    assert!(sink.1 > 10, "{} pieces for {} bytes", sink.1, text.len());
    assert!(sink.0 == text.as_bytes(), "the same bytes");
}

#[test]
fn a_failing_sink_fails_the_write() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = write_to(&generate(S1), &mut Full).expect_err("the error comes back");
    assert_eq!(err.to_string(), "disk full");
}

#[test]
fn an_edit_copies_only_the_list_it_changes() {
    let map = generate(S1);
    let mut edited = map.clone();
    for (a, b) in map.stages.iter().zip(&edited.stages) {
        assert!(
            Shared::same(&a.touchpoints, &b.touchpoints),
            "a copy shares"
        );
    }
    let at = TouchpointPos { stage: 1, index: 0 };
    let moved = Edit::MoveTouchpoint {
        from: at,
        to: TouchpointPos { stage: 1, index: 1 },
    };
    moved.apply(&mut edited).expect("the move applies");
    for (i, (a, b)) in map.stages.iter().zip(&edited.stages).enumerate() {
        assert_eq!(
            Shared::same(&a.touchpoints, &b.touchpoints),
            i != 1,
            "stage {i}: only the edited stage has a list of its own"
        );
    }
    for (a, b) in map.personas.iter().zip(&edited.personas) {
        assert!(Shared::same(&a.paths, &b.paths), "no path was touched");
    }
    assert_ne!(map, edited);
    assert_eq!(map.stages[0], edited.stages[0]);
}
