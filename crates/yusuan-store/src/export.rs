//! 导出 — the store's documents, facts, claims and findings as Parquet (zstd) or CSV files,
//! partitioned by year in Hive-style directories (`facts/year=2025/part-0.parquet`), for
//! DuckDB, Spark, Trino, pandas or a spreadsheet. Amounts are Decimal128(18, 2) in 元, exact
//! (the store's integer fen); never floating point. Schema and example queries: docs/export.md.

use crate::db::{Store, StoreError};
use arrow_array::builder::{BooleanBuilder, Decimal128Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use rusqlite::types::ValueRef;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file format written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// Apache Parquet, zstd-compressed.
    Parquet,
    /// CSV, UTF-8, with a header line.
    Csv,
}

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    /// UTF-8 text.
    Text,
    /// 64-bit integer.
    Int,
    /// Money in 元: the store's integer fen as Decimal128(18, 2).
    Yuan,
    /// True/false (stored 0/1).
    Bool,
}

/// One exported dataset: its name (the directory), its query (the first column is the year,
/// then the columns; the other datasets repeat the document's hash, department, region, stage
/// and kind on every row so that each file stands alone), and its columns after the year.
struct Dataset {
    name: &'static str,
    query: &'static str,
    /// Whether the rows start with the document's columns (`DOCUMENT`).
    of_document: bool,
    columns: &'static [(&'static str, Ty)],
}

/// The document's columns that start every row of the datasets but `documents`.
const DOCUMENT: &[(&str, Ty)] = &[
    ("hash", Ty::Text),
    ("department", Ty::Text),
    ("region", Ty::Text),
    ("stage", Ty::Text),
    ("doc_kind", Ty::Text),
];

impl Dataset {
    /// The query with its rows restricted by `filter` (an SQL condition on `d`, the document).
    fn query(&self, filter: &str) -> String {
        self.query.replace("{filter}", filter)
    }

    /// Every column after the year, in order.
    fn all_columns(&self) -> Vec<(&'static str, Ty)> {
        let head = if self.of_document { DOCUMENT } else { &[] };
        head.iter().chain(self.columns).copied().collect()
    }
}

const DATASETS: &[Dataset] = &[
    Dataset {
        name: "documents",
        of_document: false,
        query: "SELECT d.year, d.hash, d.file_name, d.format, d.status, d.failure, d.department,
                       d.region, d.stage, d.kind, d.template, d.pages, d.tables, d.sentences,
                       d.facts, d.statements, d.errors, d.warnings, d.infos, d.previous,
                       d.stored_at
                FROM documents d WHERE {filter} ORDER BY d.year, d.hash",
        columns: &[
            ("hash", Ty::Text),
            ("file_name", Ty::Text),
            ("format", Ty::Text),
            ("status", Ty::Text),
            ("failure", Ty::Text),
            ("department", Ty::Text),
            ("region", Ty::Text),
            ("stage", Ty::Text),
            ("kind", Ty::Text),
            ("template", Ty::Text),
            ("pages", Ty::Int),
            ("tables", Ty::Int),
            ("sentences", Ty::Int),
            ("facts", Ty::Int),
            ("claims", Ty::Int),
            ("errors", Ty::Int),
            ("warnings", Ty::Int),
            ("infos", Ty::Int),
            ("previous", Ty::Text),
            ("stored_at", Ty::Text),
        ],
    },
    Dataset {
        name: "facts",
        of_document: true,
        query: "SELECT d.year, d.hash, d.department, d.region, d.stage, d.kind,
                       f.table_no, f.title, f.kind, f.measure, f.side, f.row_code, f.row_label,
                       f.row_kind, f.column_key, f.fund, f.functional, f.economic, f.part,
                       f.period, f.value, f.unit, f.fen, f.fen_low, f.fen_high, f.page, f.line
                FROM facts f JOIN documents d ON d.id = f.document_id
                WHERE {filter} ORDER BY d.year, d.hash, f.ord",
        columns: &[
            ("table_no", Ty::Int),
            ("title", Ty::Text),
            ("table_kind", Ty::Text),
            ("measure", Ty::Text),
            ("side", Ty::Text),
            ("row_code", Ty::Text),
            ("row_label", Ty::Text),
            ("row_kind", Ty::Text),
            ("column_key", Ty::Text),
            ("fund", Ty::Text),
            ("functional", Ty::Text),
            ("economic", Ty::Text),
            ("part", Ty::Text),
            ("period", Ty::Text),
            ("value", Ty::Text),
            ("unit", Ty::Text),
            ("amount", Ty::Yuan),
            ("amount_low", Ty::Yuan),
            ("amount_high", Ty::Yuan),
            ("page", Ty::Int),
            ("line", Ty::Int),
        ],
    },
    Dataset {
        name: "claims",
        of_document: true,
        query: "SELECT d.year, d.hash, d.department, d.region, d.stage, d.kind,
                       s.ord, s.sentence, s.page, s.line, s.subject, s.amount, s.unit, s.fen,
                       s.fen_low, s.fen_high, s.share, s.base_period, s.base_year, s.base_amount,
                       s.change, s.change_dir, s.rate, s.rate_dir, s.flat, s.reason
                FROM statements s JOIN documents d ON d.id = s.document_id
                WHERE {filter} ORDER BY d.year, d.hash, s.ord",
        columns: &[
            ("ord", Ty::Int),
            ("sentence", Ty::Text),
            ("page", Ty::Int),
            ("line", Ty::Int),
            ("subject", Ty::Text),
            ("value", Ty::Text),
            ("unit", Ty::Text),
            ("amount", Ty::Yuan),
            ("amount_low", Ty::Yuan),
            ("amount_high", Ty::Yuan),
            ("share", Ty::Text),
            ("base_period", Ty::Text),
            ("base_year", Ty::Int),
            ("base_value", Ty::Text),
            ("change", Ty::Text),
            ("change_dir", Ty::Text),
            ("rate", Ty::Text),
            ("rate_dir", Ty::Text),
            ("flat", Ty::Bool),
            ("reason", Ty::Text),
        ],
    },
    Dataset {
        name: "findings",
        of_document: true,
        query: "SELECT d.year, d.hash, d.department, d.region, d.stage, d.kind,
                       x.ord, x.origin, x.rule, x.severity, x.message, x.page, x.line,
                       x.table_no, x.row_code, x.row_label, x.column_key, x.quoted, x.help,
                       x.expected, x.found, x.difference
                FROM findings x JOIN documents d ON d.id = x.document_id
                WHERE {filter} ORDER BY d.year, d.hash, x.ord",
        columns: &[
            ("ord", Ty::Int),
            ("origin", Ty::Text),
            ("rule", Ty::Text),
            ("severity", Ty::Text),
            ("message", Ty::Text),
            ("page", Ty::Int),
            ("line", Ty::Int),
            ("table_no", Ty::Int),
            ("row_code", Ty::Text),
            ("row_label", Ty::Text),
            ("column_key", Ty::Text),
            ("quoted", Ty::Text),
            ("help", Ty::Text),
            ("expected", Ty::Text),
            ("found", Ty::Text),
            ("difference", Ty::Text),
        ],
    },
];

/// The names of the datasets exported, in order.
pub fn datasets() -> Vec<&'static str> {
    DATASETS.iter().map(|d| d.name).collect()
}

/// What an export wrote: per dataset, its rows and files.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// (dataset, rows, files)
    pub datasets: Vec<(&'static str, usize, usize)>,
}

/// Rows gathered before a record batch is written.
const BATCH_ROWS: usize = 8192;

/// The directory of a year's partition (`year=2025`; Hive's name for a missing year).
fn partition(year: Option<i64>) -> String {
    match year {
        Some(y) => format!("year={y}"),
        None => "year=__HIVE_DEFAULT_PARTITION__".to_string(),
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |e| StoreError(format!("无法写入 {}：{e}", path.display()))
}

/// The arrow schema of columns.
fn schema(columns: &[(&'static str, Ty)]) -> Arc<Schema> {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|&(name, ty)| {
                let t = match ty {
                    Ty::Text => DataType::Utf8,
                    Ty::Int => DataType::Int64,
                    Ty::Yuan => DataType::Decimal128(18, 2),
                    Ty::Bool => DataType::Boolean,
                };
                Field::new(name, t, true)
            })
            .collect::<Vec<_>>(),
    ))
}

/// A column being built.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Yuan(Decimal128Builder),
    Bool(BooleanBuilder),
}

impl Builder {
    fn new(ty: Ty) -> Builder {
        match ty {
            Ty::Text => Builder::Text(StringBuilder::new()),
            Ty::Int => Builder::Int(Int64Builder::new()),
            Ty::Yuan => Builder::Yuan(
                Decimal128Builder::new()
                    .with_precision_and_scale(18, 2)
                    .unwrap_or_default(),
            ),
            Ty::Bool => Builder::Bool(BooleanBuilder::new()),
        }
    }

    fn push(&mut self, v: &Value) {
        match (self, v) {
            (Builder::Text(b), Value::Text(s)) => b.append_value(s),
            (Builder::Text(b), Value::Int(i)) => b.append_value(i.to_string()),
            (Builder::Int(b), Value::Int(i)) => b.append_value(*i),
            (Builder::Yuan(b), Value::Int(i)) => b.append_value(i128::from(*i)),
            (Builder::Bool(b), Value::Int(i)) => b.append_value(*i != 0),
            (Builder::Text(b), _) => b.append_null(),
            (Builder::Int(b), _) => b.append_null(),
            (Builder::Yuan(b), _) => b.append_null(),
            (Builder::Bool(b), _) => b.append_null(),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Yuan(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
        }
    }
}

/// A value read from the store.
enum Value {
    Null,
    Int(i64),
    Text(String),
}

fn value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        _ => Value::Null,
    }
}

/// One file being written: a partition's, or a single file of chosen documents.
enum Sink<W: Write + Send> {
    Parquet {
        writer: Box<ArrowWriter<W>>,
        builders: Vec<Builder>,
        rows: usize,
        schema: Arc<Schema>,
    },
    Csv(std::io::BufWriter<W>),
}

/// A CSV field: quoted when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Fen as 元 with two decimals, exact (`-12345` → `-123.45`).
fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

impl<W: Write + Send> Sink<W> {
    fn open(
        file: W,
        columns: &[(&'static str, Ty)],
        to: To,
        path: &Path,
    ) -> Result<Sink<W>, StoreError> {
        match to {
            To::Parquet => {
                let schema = schema(columns);
                let props = WriterProperties::builder()
                    .set_compression(Compression::ZSTD(ZstdLevel::default()))
                    .build();
                let writer = ArrowWriter::try_new(file, schema.clone(), Some(props))
                    .map_err(|e| StoreError(format!("无法写入 {}：{e}", path.display())))?;
                Ok(Sink::Parquet {
                    writer: Box::new(writer),
                    builders: columns.iter().map(|(_, t)| Builder::new(*t)).collect(),
                    rows: 0,
                    schema,
                })
            }
            To::Csv => {
                let mut w = std::io::BufWriter::new(file);
                let header: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
                writeln!(w, "{}", header.join(",")).map_err(io(path))?;
                Ok(Sink::Csv(w))
            }
        }
    }

    fn push(
        &mut self,
        row: &[Value],
        columns: &[(&'static str, Ty)],
        path: &Path,
    ) -> Result<(), StoreError> {
        match self {
            Sink::Parquet { builders, rows, .. } => {
                for (b, v) in builders.iter_mut().zip(row) {
                    b.push(v);
                }
                *rows += 1;
                if *rows >= BATCH_ROWS {
                    self.flush(path)?;
                }
                Ok(())
            }
            Sink::Csv(w) => {
                let cells: Vec<String> = row
                    .iter()
                    .zip(columns)
                    .map(|(v, (_, ty))| match (v, ty) {
                        (Value::Null, _) => String::new(),
                        (Value::Int(i), Ty::Yuan) => yuan(*i),
                        (Value::Int(i), Ty::Bool) => {
                            (if *i != 0 { "true" } else { "false" }).into()
                        }
                        (Value::Int(i), _) => i.to_string(),
                        (Value::Text(s), _) => csv_field(s),
                    })
                    .collect();
                writeln!(w, "{}", cells.join(",")).map_err(io(path))
            }
        }
    }

    fn flush(&mut self, path: &Path) -> Result<(), StoreError> {
        if let Sink::Parquet {
            writer,
            builders,
            rows,
            schema,
        } = self
        {
            if *rows == 0 {
                return Ok(());
            }
            let columns: Vec<ArrayRef> = builders.iter_mut().map(Builder::finish).collect();
            let failed =
                |e: &dyn std::fmt::Display| StoreError(format!("无法写入 {}：{e}", path.display()));
            let batch = RecordBatch::try_new(schema.clone(), columns).map_err(|e| failed(&e))?;
            writer.write(&batch).map_err(|e| failed(&e))?;
            *rows = 0;
        }
        Ok(())
    }

    /// Finishes the file; gives back what it was written to.
    fn close(mut self, path: &Path) -> Result<W, StoreError> {
        self.flush(path)?;
        let failed =
            |e: &dyn std::fmt::Display| StoreError(format!("无法写入 {}：{e}", path.display()));
        match self {
            Sink::Parquet { writer, .. } => writer.into_inner().map_err(|e| failed(&e)),
            Sink::Csv(w) => w.into_inner().map_err(|e| failed(&e)),
        }
    }
}

/// Writes every dataset of the store into `dir` (created when absent). Each dataset is written
/// beside its old directory and put in its place when whole, so a failed export leaves the
/// previous one as it was. The store is read in one transaction: one moment of it, even while
/// a batch writes.
pub fn export(store: &Store, dir: &Path, to: To) -> Result<Written, StoreError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let conn = store.connection();
    let db = |e: rusqlite::Error| StoreError(format!("读取数据库出错：{e}"));
    conn.execute_batch("BEGIN").map_err(db)?;
    let result = (|| {
        let mut written = Written::default();
        let ext = match to {
            To::Parquet => "parquet",
            To::Csv => "csv",
        };
        for ds in DATASETS {
            let tmp = dir.join(format!(".{}.yusuan-tmp", ds.name));
            let _ = std::fs::remove_dir_all(&tmp);
            std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
            let columns = ds.all_columns();
            let mut q = conn.prepare(&ds.query("1")).map_err(db)?;
            let mut rows = q.query([]).map_err(db)?;
            let mut current: Option<(Option<i64>, PathBuf, Sink<std::fs::File>)> = None;
            let (mut count, mut files) = (0usize, 0usize);
            while let Some(r) = rows.next().map_err(db)? {
                let year = r.get::<_, Option<i64>>(0).map_err(db)?;
                if current.as_ref().is_none_or(|(y, _, _)| *y != year) {
                    if let Some((_, path, sink)) = current.take() {
                        sink.close(&path)?;
                    }
                    let part = tmp.join(partition(year));
                    std::fs::create_dir_all(&part).map_err(io(&part))?;
                    let path = part.join(format!("part-0.{ext}"));
                    let file = std::fs::File::create(&path).map_err(io(&path))?;
                    let sink = Sink::open(file, &columns, to, &path)?;
                    files += 1;
                    current = Some((year, path, sink));
                }
                let row: Vec<Value> = (1..=columns.len())
                    .map(|i| r.get_ref(i).map(value))
                    .collect::<Result<_, _>>()
                    .map_err(db)?;
                if let Some((_, path, sink)) = current.as_mut() {
                    sink.push(&row, &columns, path)?;
                }
                count += 1;
            }
            if let Some((_, path, sink)) = current.take() {
                sink.close(&path)?;
            }
            let target = dir.join(ds.name);
            if target.exists() {
                std::fs::remove_dir_all(&target).map_err(io(&target))?;
            }
            std::fs::rename(&tmp, &target).map_err(io(&target))?;
            written.datasets.push((ds.name, count, files));
        }
        Ok(written)
    })();
    let _ = conn.execute_batch("COMMIT");
    result
}

/// One dataset's rows of the documents with these hashes, as one file in memory (the year a
/// column of its own, first): what the web UI offers to download for what it shows.
pub fn chosen(
    store: &Store,
    dataset: &str,
    hashes: &[String],
    to: To,
) -> Result<Vec<u8>, StoreError> {
    let Some(ds) = DATASETS.iter().find(|d| d.name == dataset) else {
        return Err(StoreError(format!("没有名为 {dataset} 的数据集")));
    };
    let db = |e: rusqlite::Error| StoreError(format!("读取数据库出错：{e}"));
    let mut columns = vec![("year", Ty::Int)];
    columns.extend(ds.all_columns());
    let list = serde_json::to_string(hashes).unwrap_or_else(|_| "[]".into());
    let conn = store.connection();
    let mut q = conn
        .prepare(&ds.query("d.hash IN (SELECT value FROM json_each(?1))"))
        .map_err(db)?;
    let mut rows = q.query([list]).map_err(db)?;
    let here = Path::new(dataset);
    let mut sink = Sink::open(Vec::new(), &columns, to, here)?;
    while let Some(r) = rows.next().map_err(db)? {
        let row: Vec<Value> = (0..columns.len())
            .map(|i| r.get_ref(i).map(value))
            .collect::<Result<_, _>>()
            .map_err(db)?;
        sink.push(&row, &columns, here)?;
    }
    sink.close(here)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_is_exact() {
        assert_eq!(yuan(0), "0.00");
        assert_eq!(yuan(-12345), "-123.45");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(3_452_350_000), "34523500.00");
    }

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        assert_eq!(csv_field("行政运行"), "行政运行");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("说“是\"的"), "\"说“是\"\"的\"");
    }
}
