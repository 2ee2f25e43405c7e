//! The recovery copy follows the editor by its edits, not by copies of the
//! map: after any sequence of keys (edits, undo, redo, a reload, a form
//! being typed in), what the recovery writer would write is the editor's
//! map, with the open form's text where a form is open.

mod common;

use common::keys;
use journey::core::format::load;
use journey::core::generate::{S1, generate};
use journey::core::recovery::RecoveryStore;
use journey::recovery::Keeper;
use journey::tui::app::{App, Overlay, Settings};
use journey::tui::update::draft_edit;
use proptest::prelude::*;

const KEYS: [&str; 16] = [
    "t",
    "L",
    "H",
    "J",
    "ax<Enter>",
    "d",
    "u",
    "u",
    "<C-r>",
    "p<Enter>",
    "<Space>",
    "AStage<Enter>",
    ">",
    "eNew name",
    "e<Tab><Tab><Tab>note",
    "<Esc>",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn the_recovery_copy_is_the_editors_map(
        picks in prop::collection::vec(0usize..KEYS.len(), 1..25),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("follow.ron");
        let mut map = generate(S1);
        map.stages.truncate(3);
        map.personas.truncate(3);
        let mut app = App::open(map, file.clone(), Settings::new(false, true));
        let rescue = Keeper::new(RecoveryStore::in_dir(dir.path().join("r")), &file, None);
        app.session.keeper = Some(rescue.clone());
        keys(&mut app, "");
        for pick in picks {
            keys(&mut app, KEYS[pick]);
            let mut expected = app.doc.map().clone();
            if let Some(Overlay::Form(form)) = app.overlay()
                && let Some(edit) = draft_edit(&expected, form)
            {
                let _ = edit.apply(&mut expected);
            }
            let written = rescue.write_now().expect("writes");
            let unsaved = app.doc.is_dirty() || matches!(app.overlay(), Some(Overlay::Form(_)));
            match written {
                Some(path) => {
                    let kept = load(&path).expect("a recovery file that loads").map;
                    prop_assert_eq!(kept, expected, "after {}", KEYS[pick]);
                }
                None => prop_assert!(!unsaved, "unsaved work was not kept after {}", KEYS[pick]),
            }
        }
    }
}
