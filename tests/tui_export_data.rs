//! The editor's `x` prompt offers the data exports too: its last two
//! formats are csv and json, picked by their first letter.

mod common;

use common::{app, keys};
use journey::core::model::Map;

#[test]
fn the_prompt_writes_json_and_csv_next_to_the_map() {
    let (mut app, dir) = app();
    keys(&mut app, "xj");
    keys(&mut app, "<Enter>");
    common::finish_drawing(&mut app);
    let m = app.message.clone().expect("a message");
    assert!(!m.error && m.text.contains("camera.json"), "{m:?}");
    let json = std::fs::read_to_string(dir.path().join("camera.json")).expect("json written");
    let back: Map = serde_json::from_str(&json).expect("the JSON is the map");
    assert_eq!(&back, app.doc.map());

    keys(&mut app, "xcccc");
    keys(&mut app, "<Enter>");
    common::finish_drawing(&mut app);
    let csv = std::fs::read_to_string(dir.path().join("camera.csv")).expect("csv written");
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, app.doc.map().touchpoints().count());
}
