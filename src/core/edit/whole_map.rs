//! Edits to the map as a whole: its own fields, a map put in its place,
//! and any item's `allow` list.

use crate::core::edit::change::{Applied, Edit};
use crate::core::edit::result::{EditError, Focus};
use crate::core::model::Map;
use crate::core::validate::Item;

/// Sets the map's title, description and conversion.
pub fn set_map_info(
    map: &mut Map,
    title: String,
    description: String,
    conversion: String,
) -> Applied {
    let inverse = Edit::SetMapInfo {
        title: std::mem::replace(&mut map.title, title),
        description: std::mem::replace(&mut map.description, description),
        conversion: std::mem::replace(&mut map.conversion, conversion),
    };
    Applied::new(inverse, Focus::Map)
}

/// Puts `other` in the map's place; the inverse holds the map as it was.
pub fn replace_map(map: &mut Map, other: Map) -> Applied {
    let inverse = Edit::ReplaceMap(Box::new(std::mem::replace(map, other)));
    Applied::new(inverse, Focus::Map)
}

/// Sets the `allow` list of `item`.
pub fn set_allow(map: &mut Map, item: Item, allow: Vec<String>) -> Result<Applied, EditError> {
    let list = crate::core::allow::allow_list_mut(map, item)?;
    let inverse = Edit::SetAllow {
        item,
        allow: std::mem::replace(list, allow),
    };
    Ok(Applied::new(inverse, Focus::Map))
}
