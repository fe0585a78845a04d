//! `link/hot-functions.txt`, the order the release build lays its hot functions in
//! (build.rs, scripts/hot_functions.py): the header build.rs reads, and one symbol a
//! line, as lld reads them.

use std::collections::HashSet;

#[test]
fn the_hot_function_list_names_its_toolchain_and_only_symbols() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/link/hot-functions.txt");
    let list = std::fs::read_to_string(path).expect("link/hot-functions.txt is read");
    let rustc = list
        .lines()
        .filter_map(|line| line.strip_prefix("# rustc "))
        .collect::<Vec<_>>();
    assert_eq!(rustc.len(), 1, "one `# rustc` line names the toolchain");
    assert!(
        rustc[0]
            .split('.')
            .take(2)
            .all(|part| part.parse::<u32>().is_ok()),
        "a version, as `rustc -vV` prints it: {}",
        rustc[0]
    );

    let mut seen = HashSet::new();
    let symbols = list.lines().filter(|line| !line.starts_with('#'));
    for symbol in symbols {
        // Rust's manglings (legacy `_ZN…E`, v0 `_R…`) and the C names the binary links
        // (`main`, libm, compiler builtins): lld would cut a line at '#' or a space.
        assert!(
            !symbol.is_empty()
                && !symbol.starts_with(|c: char| c.is_ascii_digit())
                && symbol
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.$".contains(c)),
            "not a symbol: {symbol:?}"
        );
        assert!(seen.insert(symbol), "listed twice: {symbol}");
    }
    assert!(
        seen.len() > 500,
        "{} functions: too few to be a session's",
        seen.len()
    );
}
