// The default knowledge is embedded with include_dir, which cannot tell Cargo which
// files it read; this makes an edit under knowledge/ rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=knowledge");
}
