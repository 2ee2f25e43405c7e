//! Links the `journey` binary as a position-dependent executable on Linux
//! with glibc.
//!
//! A position-independent executable is relocated by the loader at every
//! start: about 14,500 addresses, written into 116 pages of read-only data,
//! each page a copy-on-write fault. On a virtual machine that was 0.3 to
//! 0.8 ms of a start whose budget is 3 ms, for a program that starts often
//! (every `journey check` in a hook, every editor). Without it the binary's
//! own code and data sit at fixed addresses; the libraries, the heap and
//! the stack are still placed at random. The library and the tests are
//! built as before.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bin=journey=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
