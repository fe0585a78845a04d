use std::process::Command;

/// The functions a served session runs (scripts/hot_functions.py writes it).
const HOT_FUNCTIONS: &str = "link/hot-functions.txt";

fn main() {
    // The default knowledge is embedded with include_dir, which cannot tell Cargo which
    // files it read; this makes an edit under knowledge/ rebuild the crate.
    println!("cargo:rerun-if-changed=knowledge");
    println!("cargo:rerun-if-changed={HOT_FUNCTIONS}");
    println!("cargo:rerun-if-env-changed=ACR_CMK_MCP_UNORDERED");
    order_hot_functions();
}

/// Has the linker lay out the functions a session runs first and together. The kernel
/// maps a binary's pages 64 KB around each one a process touches, so scattered hot code
/// keeps most of the 8.6 MB of code resident; laid together it keeps about 2.6 MB
/// (BENCHMARKS.md, twenty-ninth stop: peak RSS 16.4 → 12.0 MiB).
///
/// Only where it is known to work: a release build for x86_64 Linux with the default
/// linker, which is lld from Rust 1.90 on, and the toolchain the list was made with
/// (its symbol names carry hashes of the compiler version). Anywhere else the binary is
/// the same but for where its functions lie.
fn order_hot_functions() {
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    if env("PROFILE") != "release"
        || env("TARGET") != "x86_64-unknown-linux-gnu"
        || !env("ACR_CMK_MCP_UNORDERED").is_empty()
    {
        return;
    }
    // Another linker (mold, GNU ld) may not take lld's option, or may read it otherwise.
    let flags = env("CARGO_ENCODED_RUSTFLAGS");
    if flags.contains("linker")
        || flags.contains("fuse-ld")
        || !env("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_empty()
    {
        return;
    }
    let Ok(list) = std::fs::read_to_string(HOT_FUNCTIONS) else {
        return;
    };
    let made_with = list.lines().find_map(|line| line.strip_prefix("# rustc "));
    let rustc = Command::new(env("RUSTC"))
        .arg("-vV")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default();
    let this = rustc.lines().find_map(|line| line.strip_prefix("rustc "));
    // Two unknown toolchains are not the same one.
    if this.is_none() || this != made_with {
        let name = |version: Option<&str>| version.unwrap_or("unknown").to_string();
        println!(
            "cargo:warning={HOT_FUNCTIONS} was made with rustc {}, this is rustc {}: \
             the hot functions are not laid together (about 4 MiB more resident); \
             `python3 scripts/hot_functions.py` after this build makes the list anew",
            name(made_with),
            name(this)
        );
        return;
    }
    let path = std::path::Path::new(&env("CARGO_MANIFEST_DIR")).join(HOT_FUNCTIONS);
    println!(
        "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
        path.display()
    );
    // A function the code no longer has is skipped, not an error.
    println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
}
