//! The whole map as JSON, for scripts: the model's own serde form (see
//! docs/json.md), pretty-printed, ending in a newline.
//!
//! Unlike the other exports, text is not cleaned: the JSON is data, its
//! escaping carries every character, and it reads back into the same map.

use super::Options;
use crate::core::format::required_format;
use crate::core::model::Map;

/// Exports the map. With a persona in `options`, the map keeps that
/// persona alone, as the other exports show only its paths. `format` is
/// the one a save would write (the lowest that holds the map), whatever
/// the file said or an edit since has made of it.
pub fn export(map: &Map, options: &Options) -> String {
    let format = required_format(map);
    let mut text = if options.persona.is_none() && map.format == format {
        to_json(map)
    } else {
        let mut shown = map.clone();
        shown.format = format;
        if options.persona.is_some() {
            shown.personas = options.personas(map).map(|(_, p)| p.clone()).collect();
        }
        to_json(&shown)
    };
    text.push('\n');
    text
}

fn to_json(map: &Map) -> String {
    // A map holds strings, whole numbers and finite costs: serialising it
    // into a String cannot fail.
    serde_json::to_string_pretty(map).unwrap_or_default()
}
