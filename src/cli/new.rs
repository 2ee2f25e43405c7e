//! `journey new`: write a new map from a template.

use super::{EXIT_OK, EXIT_UNREADABLE, TemplateArg, eprint_clean};
use crate::core::format::{create_new, to_string};
use crate::core::samefile::shown_path;
use crate::core::templates::Template;
use std::io::ErrorKind;
use std::path::Path;

impl From<TemplateArg> for Template {
    fn from(arg: TemplateArg) -> Template {
        match arg {
            TemplateArg::FiveStage => Template::FiveStage,
            TemplateArg::Aida => Template::Aida,
            TemplateArg::Hourglass => Template::Hourglass,
        }
    }
}

/// Creates `file` from a template; refuses to overwrite anything.
pub fn run(file: &Path, template: TemplateArg, title: Option<&str>) -> u8 {
    if title.is_some_and(|t| t.trim().is_empty()) {
        eprint_clean("error: --title must not be empty; leave it out to keep the template's title");
        return EXIT_UNREADABLE;
    }
    let template = Template::from(template);
    let map = template.instantiate(title);
    let shown = shown_path(file);
    match create_new(file, to_string(&map).as_bytes()) {
        Ok(()) => {
            eprint_clean(&format!(
                "created {shown} from the {} template; run `journey check {shown}` to see what to fill in",
                template.name(),
            ));
            EXIT_OK
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            eprint_clean(&format!(
                "error: {shown}: already exists; journey new never overwrites a file"
            ));
            EXIT_UNREADABLE
        }
        Err(e) => {
            eprint_clean(&format!("error: {shown}: cannot create: {e}"));
            EXIT_UNREADABLE
        }
    }
}
