//! The store's schema, as numbered migrations. `PRAGMA user_version` holds the number of the
//! last one applied; opening a store applies the ones it lacks, each in its own transaction.
//! A migration is never edited once released: a change is a new migration. Documented in
//! docs/store.md.

/// The migrations, in order: `MIGRATIONS[i]` brings a store from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, their tables, facts, statements and findings; runs.
    r#"
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,
    finished    TEXT,
    version     TEXT NOT NULL,
    paths       TEXT NOT NULL,
    found       INTEGER NOT NULL DEFAULT 0,
    stored      INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    format      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('read', 'failed')),
    failure     TEXT,
    department  TEXT,
    region      TEXT,
    year        INTEGER,
    stage       TEXT,
    kind        TEXT,
    template    TEXT,
    pages       INTEGER,
    tables      INTEGER,
    sentences   INTEGER,
    facts       INTEGER,
    statements  INTEGER,
    errors      INTEGER,
    warnings    INTEGER,
    infos       INTEGER,
    previous    TEXT,
    millis      INTEGER,
    run_id      INTEGER REFERENCES runs(id),
    stored_at   TEXT NOT NULL
);
CREATE INDEX documents_department ON documents(department, year, stage);
CREATE INDEX documents_year ON documents(year);

CREATE TABLE files (
    hash        TEXT PRIMARY KEY,
    content     BLOB NOT NULL,
    text        TEXT NOT NULL
);

CREATE TABLE tables (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    number      INTEGER,
    kind        TEXT,
    title       TEXT NOT NULL,
    unit        TEXT,
    page        INTEGER,
    line        INTEGER,
    rows        INTEGER NOT NULL,
    unplaced    INTEGER NOT NULL,
    recognised  INTEGER NOT NULL,
    PRIMARY KEY (document_id, ord)
);

CREATE TABLE facts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    table_no    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT,
    measure     TEXT NOT NULL,
    side        TEXT NOT NULL,
    row_code    TEXT,
    row_label   TEXT NOT NULL,
    row_kind    TEXT NOT NULL,
    column_key  TEXT NOT NULL,
    fund        TEXT,
    functional  TEXT,
    economic    TEXT,
    part        TEXT,
    stage       TEXT NOT NULL,
    period      TEXT NOT NULL,
    value       TEXT NOT NULL,
    unit        TEXT NOT NULL,
    fen         INTEGER,
    fen_low     INTEGER,
    fen_high    INTEGER,
    page        INTEGER,
    line        INTEGER,
    PRIMARY KEY (document_id, ord)
);
CREATE INDEX facts_functional ON facts(functional);

CREATE TABLE statements (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    sentence    TEXT NOT NULL,
    page        INTEGER,
    line        INTEGER,
    subject     TEXT NOT NULL,
    amount      TEXT NOT NULL,
    unit        TEXT NOT NULL,
    fen         INTEGER,
    fen_low     INTEGER,
    fen_high    INTEGER,
    share       TEXT,
    base_period TEXT,
    base_year   INTEGER,
    base_amount TEXT,
    change      TEXT,
    change_dir  TEXT,
    rate        TEXT,
    rate_dir    TEXT,
    flat        INTEGER NOT NULL,
    reason      TEXT,
    PRIMARY KEY (document_id, ord)
);

CREATE TABLE findings (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('read', 'check')),
    rule        TEXT NOT NULL,
    severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    message     TEXT NOT NULL,
    page        INTEGER,
    line        INTEGER,
    table_no    INTEGER,
    row_code    TEXT,
    row_label   TEXT,
    column_key  TEXT,
    quoted      TEXT NOT NULL,
    help        TEXT,
    expected    TEXT,
    found       TEXT,
    difference  TEXT,
    detail      TEXT NOT NULL,
    PRIMARY KEY (document_id, ord)
);
CREATE INDEX findings_rule ON findings(rule);
"#,
    // 2: what the web UI shows without reading a document again — its inspection sheet, its
    // completeness score from the obligations ledger, and where each line of its text stands
    // on its page.
    r#"
ALTER TABLE documents ADD COLUMN score INTEGER;
ALTER TABLE documents ADD COLUMN obligations_evaluated INTEGER;
ALTER TABLE documents ADD COLUMN obligations_passed INTEGER;
ALTER TABLE documents ADD COLUMN obligations_warned INTEGER;
ALTER TABLE documents ADD COLUMN obligations_failed INTEGER;
CREATE INDEX documents_score ON documents(score);

CREATE TABLE sheets (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    sheet       TEXT NOT NULL
);

CREATE TABLE pages (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page        INTEGER NOT NULL,
    first_line  INTEGER NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    printed     INTEGER,
    PRIMARY KEY (document_id, page)
);

CREATE TABLE lines (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    page        INTEGER NOT NULL,
    x0          INTEGER NOT NULL,
    top         INTEGER NOT NULL,
    x1          INTEGER NOT NULL,
    bottom      INTEGER NOT NULL,
    cells       TEXT NOT NULL,
    PRIMARY KEY (document_id, line)
);
"#,
    // 3: findings counted per document and rule, so that the overview's counts per rule and
    // region do not read every finding (a store may hold millions).
    r#"
CREATE TABLE rule_counts (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    errors      INTEGER NOT NULL,
    warnings    INTEGER NOT NULL,
    infos       INTEGER NOT NULL,
    PRIMARY KEY (document_id, rule)
);
INSERT INTO rule_counts (document_id, rule, errors, warnings, infos)
    SELECT document_id, rule, sum(severity = 'error'), sum(severity = 'warning'),
           sum(severity = 'info')
    FROM findings WHERE origin = 'check' GROUP BY document_id, rule;
CREATE INDEX rule_counts_rule ON rule_counts(rule);
"#,
];

/// The schema version this build writes and reads.
pub fn version() -> i64 {
    i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX)
}
