//! Pictures through Graphviz: runs `dot -T<format>` on a DOT export.
//!
//! This spawns a process and touches no terminal, so it lives in the core
//! where the CLI and the TUI can share it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// The program that draws the pictures.
pub const PROGRAM: &str = "dot";

/// The package that provides [`PROGRAM`].
pub const PACKAGE: &str = "graphviz";

/// A picture format Graphviz writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
    Pdf,
}

impl Image {
    /// Every picture format, by the file extension that picks it.
    pub const ALL: [Image; 3] = [Image::Svg, Image::Png, Image::Pdf];

    /// The extension, which is also the name `dot -T` takes.
    pub fn extension(self) -> &'static str {
        match self {
            Image::Svg => "svg",
            Image::Png => "png",
            Image::Pdf => "pdf",
        }
    }

    /// The picture format a file name asks for, by its extension (any case).
    pub fn from_path(path: &Path) -> Option<Image> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Image::ALL.into_iter().find(|i| i.extension() == ext)
    }
}

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// `dot` is not installed (or not on `PATH`).
    #[error(
        "cannot run `{PROGRAM}`: it is not installed or not on PATH; install the `{PACKAGE}` package (for example `apt-get install {PACKAGE}` or `brew install {PACKAGE}`)"
    )]
    Missing,
    /// `dot` could not be started or talked to.
    #[error("cannot run `{PROGRAM}`: {0}")]
    Io(std::io::Error),
    /// `dot` ran and failed.
    #[error("`{PROGRAM}` failed ({status}):\n{stderr}")]
    Failed { status: String, stderr: String },
    /// The output file's extension names no picture format.
    #[error("{}", unknown_extension(path))]
    UnknownExtension { path: std::path::PathBuf },
}

fn unknown_extension(path: &Path) -> String {
    let allowed: Vec<String> = Image::ALL
        .iter()
        .map(|i| format!(".{}", i.extension()))
        .collect();
    format!(
        "cannot tell the picture format of {}: the output must end in {}",
        path.display(),
        allowed.join(", ")
    )
}

/// A drawn picture, and what `dot` said on stderr while it succeeded.
#[derive(Debug)]
pub struct Drawn {
    pub bytes: Vec<u8>,
    pub warnings: Vec<String>,
}

/// Draws DOT source as a picture with `dot`.
pub fn render(dot_source: &str, image: Image) -> Result<Drawn, RenderError> {
    let mut child = Command::new(PROGRAM)
        .arg(format!("-T{}", image.extension()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => RenderError::Missing,
            _ => RenderError::Io(e),
        })?;
    // Feed stdin from a thread: a big graph fills the pipes both ways, and
    // writing it all before reading would deadlock.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| RenderError::Io(std::io::Error::other("no pipe to the program's input")))?;
    let source = dot_source.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&source));
    let mut stderr_pipe = child.stderr.take();
    let stderr_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(pipe) = stderr_pipe.as_mut() {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    });
    let mut bytes = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut bytes).map_err(RenderError::Io)?;
    }
    let status = child.wait().map_err(RenderError::Io)?;
    let stderr = stderr_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr).trim_end().to_string();
    // A write error here means `dot` exited early; its status says why.
    let wrote = writer
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
    if !status.success() {
        return Err(RenderError::Failed {
            status: status.to_string(),
            stderr,
        });
    }
    wrote.map_err(RenderError::Io)?;
    let warnings = stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{PROGRAM}: {l}"))
        .collect();
    Ok(Drawn { bytes, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_pick_the_format() {
        assert_eq!(Image::from_path(Path::new("a/b.SVG")), Some(Image::Svg));
        assert_eq!(Image::from_path(Path::new("b.png")), Some(Image::Png));
        assert_eq!(Image::from_path(Path::new("b.jpg")), None);
        assert_eq!(Image::from_path(Path::new("b")), None);
    }

    #[test]
    fn unknown_extension_lists_the_allowed_ones() {
        let e = RenderError::UnknownExtension {
            path: "x.jpg".into(),
        };
        assert!(e.to_string().ends_with("must end in .svg, .png, .pdf"));
    }
}
