//! docs/rules.md is generated from the registry; this test fails when it drifts.
//! Regenerate with `UPDATE_DOCS=1 cargo test -p yusuan-check --test docs`.

#[test]
fn rule_catalogue_doc_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let want = yusuan_check::catalogue_doc::markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is out of date: run UPDATE_DOCS=1 cargo test -p yusuan-check --test docs"
    );
}
