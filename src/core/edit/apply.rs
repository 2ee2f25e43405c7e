//! Applying and describing an [`Edit`]: one line per kind of edit, handed
//! to the file for what it edits.

use crate::core::edit::board::{self, touchpoint};
use crate::core::edit::change::{Applied, Edit};
use crate::core::edit::result::EditError;
use crate::core::edit::whole_map;
use crate::core::model::Map;

impl Edit {
    /// A short description for messages such as "undid: …".
    pub fn describe(&self, map: &Map) -> String {
        match self {
            Edit::InsertStage { stage, .. } => format!("add stage “{}”", stage.name),
            Edit::RemoveStage { at } => match map.stages.get(*at) {
                Some(s) => format!("delete stage “{}”", s.name),
                None => "delete stage".into(),
            },
            Edit::SetStage { name, .. } => format!("edit stage “{name}”"),
            Edit::MoveStage { .. } => "move stage".into(),
            Edit::InsertTouchpoint { touchpoint, .. } => {
                format!("add touchpoint “{}”", touchpoint.name)
            }
            Edit::RemoveTouchpoint { at } => match touchpoint(map, *at) {
                Some(t) => format!("delete touchpoint “{}”", t.name),
                None => "delete touchpoint".into(),
            },
            Edit::SetTouchpoint { fields, .. } => format!("edit touchpoint “{}”", fields.name),
            Edit::MoveTouchpoint { .. } => "move touchpoint".into(),
            Edit::Person(edit) => edit.describe(map),
            Edit::SetMapInfo { .. } => "edit the map's title".into(),
            Edit::ReplaceMap(_) => "reload the map".into(),
            Edit::SetAllow { allow, .. } => format!("allow {}", allow.join(", ")),
        }
    }

    /// Applies the edit. On error the map is left as it was.
    pub fn apply(self, map: &mut Map) -> Result<Applied, EditError> {
        match self {
            Edit::SetAllow { item, allow } => whole_map::set_allow(map, item, allow),
            Edit::ReplaceMap(other) => Ok(whole_map::replace_map(map, *other)),
            Edit::SetMapInfo {
                title,
                description,
                conversion,
            } => Ok(whole_map::set_map_info(map, title, description, conversion)),
            Edit::InsertStage { at, stage, steps } => board::insert_stage(map, at, stage, steps),
            Edit::RemoveStage { at } => board::remove_stage(map, at),
            Edit::SetStage {
                at,
                name,
                description,
            } => board::set_stage(map, at, name, description),
            Edit::MoveStage { from, to } => board::move_stage(map, from, to),
            Edit::InsertTouchpoint {
                at,
                touchpoint,
                steps,
            } => board::insert_touchpoint(map, at, touchpoint, steps),
            Edit::RemoveTouchpoint { at } => board::remove_touchpoint(map, at),
            Edit::SetTouchpoint { at, fields } => board::set_touchpoint(map, at, fields),
            Edit::MoveTouchpoint { from, to } => board::move_touchpoint(map, from, to),
            Edit::Person(edit) => {
                let done = edit.apply(map)?;
                Ok(Applied {
                    inverse: Edit::Person(done.inverse),
                    focus: done.focus,
                    paths_changed: done.paths_changed,
                })
            }
        }
    }
}
