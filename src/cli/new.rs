//! `journey new`: write a new map from a template.

use super::{EXIT_OK, EXIT_UNREADABLE, TemplateArg, eprint_clean};
use crate::core::format::to_string;
use crate::core::templates::Template;
use std::io::Write;
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
    // create_new fails if the file exists, even if it appears between a check
    // and the write.
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut f| {
            f.write_all(to_string(&map).as_bytes())?;
            f.sync_all()
        });
    match result {
        Ok(()) => {
            eprint_clean(&format!(
                "created {} from the {} template; run `journey check {}` to see what to fill in",
                file.display(),
                template.name(),
                file.display()
            ));
            EXIT_OK
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprint_clean(&format!(
                "error: {}: already exists; journey new never overwrites a file",
                file.display()
            ));
            EXIT_UNREADABLE
        }
        Err(e) => {
            eprint_clean(&format!("error: {}: cannot create: {e}", file.display()));
            EXIT_UNREADABLE
        }
    }
}
