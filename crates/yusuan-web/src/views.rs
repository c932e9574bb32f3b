//! The pages. Each handler reads the store on a blocking thread (a connection of its own,
//! read-only) and fills an askama template, which escapes everything it is given.

use crate::{App, chart, page};
use askama::Template;
use axum::body::Body;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use rusqlite::{OptionalExtension, params_from_iter};
use serde::Deserialize;
use std::sync::Arc;
use yusuan_core::money::{Fen, MoneyUnit};
use yusuan_core::sheet::Sheet;
use yusuan_store::Store;
use yusuan_store::export::{self, To};

/// A page that could not be made: its status and what to tell the user.
pub(crate) struct Failure(StatusCode, String);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let page = Message {
            nav: "",
            title: if self.0 == StatusCode::NOT_FOUND {
                "没有找到"
            } else {
                "出错了"
            }
            .to_string(),
            message: self.1,
        };
        let html = page
            .render()
            .unwrap_or_else(|_| "<p>出错了</p>".to_string());
        (self.0, Html(html)).into_response()
    }
}

fn internal(e: impl std::fmt::Display) -> Failure {
    Failure(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("服务器内部出错：{e}"),
    )
}

fn missing(what: &str) -> Failure {
    Failure(StatusCode::NOT_FOUND, format!("没有找到{what}。"))
}

/// Runs `f` with a read-only connection to the store, off the async threads.
async fn with_store<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&Store) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let db = app.config.db.clone();
    tokio::task::spawn_blocking(move || {
        let store = Store::open_read_only(&db).map_err(internal)?;
        f(&store)
    })
    .await
    .map_err(internal)?
}

fn render(t: &impl Template) -> Result<Html<String>, Failure> {
    t.render().map(Html).map_err(internal)
}

/// A content hash as the URL gives it: 64 hex digits, or the request is not for a document.
fn hash_of(h: &str) -> Result<String, Failure> {
    if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(h.to_ascii_lowercase())
    } else {
        Err(missing("这份文件"))
    }
}

/// 元 amounts as 万元 with two decimals, exact rounding (what the department page shows).
fn wan(fen: i64) -> String {
    Fen(fen).round(MoneyUnit::Wan, 2).to_string()
}

#[derive(Template)]
#[template(path = "message.html")]
struct Message {
    nav: &'static str,
    title: String,
    message: String,
}

pub(crate) async fn not_found() -> Failure {
    missing("这个页面")
}

/// A document as listed.
pub(crate) struct DocRow {
    pub hash: String,
    pub file: String,
    pub department: String,
    pub region: String,
    pub year: String,
    pub stage: String,
    pub kind: String,
    pub format: String,
    pub failed: bool,
    pub failure: String,
    pub score: String,
    pub errors: i64,
    pub warnings: i64,
    pub pages: String,
}

const DOC_COLUMNS: &str = "d.hash, d.file_name, coalesce(d.department, ''), coalesce(d.region, ''),
    d.year, coalesce(d.stage, ''), coalesce(d.kind, ''), d.format, d.status,
    coalesce(d.failure, ''), d.score, coalesce(d.errors, 0), coalesce(d.warnings, 0), d.pages";

fn doc_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocRow> {
    let file: String = r.get(1)?;
    // Each file's base name (a document of several files names them all, ` + ` between).
    let base = file
        .split(" + ")
        .map(|f| f.rsplit(['/', '\\']).next().unwrap_or(f))
        .collect::<Vec<_>>()
        .join(" + ");
    Ok(DocRow {
        hash: r.get(0)?,
        file: base,
        department: r.get(2)?,
        region: r.get(3)?,
        year: r
            .get::<_, Option<i64>>(4)?
            .map_or("—".into(), |y| y.to_string()),
        stage: r.get(5)?,
        kind: r.get(6)?,
        format: r.get(7)?,
        failed: r.get::<_, String>(8)? == "failed",
        failure: r.get(9)?,
        score: r
            .get::<_, Option<i64>>(10)?
            .map_or("—".into(), |s| s.to_string()),
        errors: r.get(11)?,
        warnings: r.get(12)?,
        pages: r
            .get::<_, Option<i64>>(13)?
            .map_or("—".into(), |p| p.to_string()),
    })
}

// ---------------------------------------------------------------- 概览

struct RuleRow {
    rule: String,
    title: String,
    errors: i64,
    warnings: i64,
    documents: i64,
}

struct RegionRow {
    region: String,
    /// The region percent-encoded, for the library link.
    query: String,
    documents: i64,
    errors: i64,
    warnings: i64,
    score: String,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct Overview {
    nav: &'static str,
    documents: i64,
    failed: i64,
    errors: i64,
    warnings: i64,
    rules: Vec<RuleRow>,
    regions: Vec<RegionRow>,
    /// The documents that most need looking at.
    rows: Vec<DocRow>,
}

pub(crate) async fn overview(State(app): State<Arc<App>>) -> Result<Html<String>, Failure> {
    let page = with_store(&app, |s| {
        let c = s.connection();
        let (documents, failed, errors, warnings): (i64, i64, i64, i64) = c
            .query_row(
                "SELECT count(*), coalesce(sum(status = 'failed'), 0),
                        coalesce(sum(errors), 0), coalesce(sum(warnings), 0) FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(internal)?;
        let mut q = c
            .prepare(
                "SELECT rule, sum(errors), sum(warnings), count(*)
                 FROM rule_counts WHERE errors + warnings > 0
                 GROUP BY rule ORDER BY sum(errors + warnings) DESC, rule LIMIT 40",
            )
            .map_err(internal)?;
        let rules = q
            .query_map([], |r| {
                let rule: String = r.get(0)?;
                let title = yusuan_check::registry::find(&rule)
                    .map_or(String::new(), |x| x.meta().title.to_string());
                Ok(RuleRow {
                    rule,
                    title,
                    errors: r.get(1)?,
                    warnings: r.get(2)?,
                    documents: r.get(3)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        let mut q = c
            .prepare(
                "SELECT coalesce(region, '（未知）'), count(*), coalesce(sum(errors), 0),
                        coalesce(sum(warnings), 0),
                        (sum(score) * 2 + count(score)) / (2 * count(score))
                 FROM documents WHERE status = 'read'
                 GROUP BY 1 ORDER BY count(*) DESC, 1",
            )
            .map_err(internal)?;
        let regions = q
            .query_map([], |r| {
                // The mean score, half up, in integer arithmetic.
                let mean: Option<i64> = r.get(4)?;
                let region: String = r.get(0)?;
                Ok(RegionRow {
                    query: urlencode(&region),
                    region,
                    documents: r.get(1)?,
                    errors: r.get(2)?,
                    warnings: r.get(3)?,
                    score: mean.map_or("—".into(), |a| a.to_string()),
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        let mut q = c
            .prepare(&format!(
                "SELECT {DOC_COLUMNS} FROM documents d
                 ORDER BY d.status = 'failed' DESC, d.score IS NULL, d.score, d.errors DESC,
                          d.warnings DESC, d.hash
                 LIMIT 20"
            ))
            .map_err(internal)?;
        let rows = q
            .query_map([], doc_row)
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        Ok(Overview {
            nav: "overview",
            documents,
            failed,
            errors,
            warnings,
            rules,
            regions,
            rows,
        })
    })
    .await?;
    render(&page)
}

// ---------------------------------------------------------------- 文件库

/// The library's filters, as the query string gives them (all optional; anything else is
/// ignored).
#[derive(Deserialize, Default, Clone)]
pub(crate) struct Filters {
    #[serde(default)]
    year: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    department: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    severity: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

impl Filters {
    /// The WHERE clause and its parameters.
    fn sql(&self) -> (String, Vec<String>) {
        let mut conds = vec!["1".to_string()];
        let mut args = Vec::new();
        let mut eq = |col: &str, v: &str| {
            if !v.trim().is_empty() {
                args.push(v.trim().to_string());
                conds.push(format!("{col} = ?{}", args.len()));
            }
        };
        eq("CAST(d.year AS TEXT)", &self.year);
        eq("d.region", &self.region);
        eq("d.department", &self.department);
        eq("d.stage", &self.stage);
        eq("d.kind", &self.kind);
        match self.severity.as_str() {
            "error" => conds.push("d.errors > 0".into()),
            "warning" => conds.push("(d.errors > 0 OR d.warnings > 0)".into()),
            "failed" => conds.push("d.status = 'failed'".into()),
            _ => {}
        }
        if !self.q.trim().is_empty() {
            args.push(format!("%{}%", self.q.trim().replace(['%', '_'], "")));
            let n = args.len();
            conds.push(format!(
                "(d.department LIKE ?{n} OR d.file_name LIKE ?{n} OR d.region LIKE ?{n})"
            ));
        }
        (conds.join(" AND "), args)
    }

    /// The query string of these filters (for links), escaped by the template.
    fn query(&self) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("year", &self.year),
            ("region", &self.region),
            ("department", &self.department),
            ("stage", &self.stage),
            ("kind", &self.kind),
            ("severity", &self.severity),
            ("q", &self.q),
        ] {
            if !v.is_empty() {
                parts.push(format!("{k}={}", urlencode(v)));
            }
        }
        parts.join("&")
    }
}

/// Percent-encodes a query value.
pub(crate) fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

const PAGE_SIZE: u32 = 50;

#[derive(Template)]
#[template(path = "library.html")]
struct Library {
    nav: &'static str,
    f: Filters,
    rows: Vec<DocRow>,
    total: i64,
    page: u32,
    pages: u32,
    years: Vec<String>,
    regions: Vec<String>,
    query: String,
    downloads: &'static [Download],
}

fn distinct(c: &rusqlite::Connection, sql: &str) -> Result<Vec<String>, Failure> {
    let mut q = c.prepare(sql).map_err(internal)?;
    q.query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(internal)
}

pub(crate) async fn library(
    State(app): State<Arc<App>>,
    Query(f): Query<Filters>,
) -> Result<Html<String>, Failure> {
    let page = with_store(&app, move |s| {
        let c = s.connection();
        let (cond, args) = f.sql();
        let total: i64 = c
            .query_row(
                &format!("SELECT count(*) FROM documents d WHERE {cond}"),
                params_from_iter(args.iter()),
                |r| r.get(0),
            )
            .map_err(internal)?;
        let pages = u32::try_from((total + i64::from(PAGE_SIZE) - 1) / i64::from(PAGE_SIZE))
            .unwrap_or(1)
            .max(1);
        let page = f.page.unwrap_or(1).clamp(1, pages);
        let mut q = c
            .prepare(&format!(
                "SELECT {DOC_COLUMNS} FROM documents d WHERE {cond}
                 ORDER BY d.year DESC, d.department, d.stage, d.format, d.hash
                 LIMIT {PAGE_SIZE} OFFSET {}",
                (page - 1) * PAGE_SIZE
            ))
            .map_err(internal)?;
        let rows = q
            .query_map(params_from_iter(args.iter()), doc_row)
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        let years = distinct(
            c,
            "SELECT DISTINCT CAST(year AS TEXT) FROM documents WHERE year IS NOT NULL ORDER BY 1 DESC",
        )?;
        let regions = distinct(
            c,
            "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL ORDER BY 1",
        )?;
        let query = f.query();
        Ok(Library {
            nav: "library",
            f,
            rows,
            total,
            page,
            pages,
            years,
            regions,
            query,
            downloads: DOWNLOADS,
        })
    })
    .await?;
    render(&page)
}

fn view_hashes(s: &Store, f: &Filters) -> Result<Vec<String>, Failure> {
    let (cond, args) = f.sql();
    let mut q = s
        .connection()
        .prepare(&format!(
            "SELECT d.hash FROM documents d WHERE {cond} ORDER BY d.year DESC, d.department, d.hash"
        ))
        .map_err(internal)?;
    q.query_map(params_from_iter(args.iter()), |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(internal)
}

/// The file name for clients that take only ASCII (`filename=`): its ASCII letters and digits,
/// `yusuan` when it has none, and its extension.
fn ascii_name(name: &str) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let ascii: String = stem.chars().filter(char::is_ascii_alphanumeric).collect();
    let stem = if ascii.is_empty() { "yusuan" } else { &ascii };
    if ext.is_empty() {
        stem.to_string()
    } else {
        format!("{stem}.{ext}")
    }
}

fn download(bytes: Vec<u8>, mime: &'static str, name: &str) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_name(name),
        urlencode(name)
    );
    Response::builder()
        .header(header::CONTENT_TYPE, mime)
        .header(header::CONTENT_DISPOSITION, disposition)
        .body(Body::from(bytes))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// Which of the store's datasets a library download holds (`?data=`; the documents when not
/// given): the documents listed, or their facts, claims or findings.
#[derive(Deserialize, Default)]
pub(crate) struct Which {
    #[serde(default)]
    data: String,
}

/// A library download: the dataset, how the page names it, the file's name.
pub(crate) struct Download {
    data: &'static str,
    label: &'static str,
    file: &'static str,
}

/// What the library offers to download for the documents it lists.
const DOWNLOADS: &[Download] = &[
    Download {
        data: "documents",
        label: "文件清单",
        file: "文件库",
    },
    Download {
        data: "findings",
        label: "检查发现",
        file: "文件库-检查发现",
    },
    Download {
        data: "facts",
        label: "表格数字",
        file: "文件库-表格数字",
    },
    Download {
        data: "claims",
        label: "说明中的数字",
        file: "文件库-说明中的数字",
    },
];

impl Which {
    /// The dataset's name and the download's file name (without extension).
    fn dataset(&self) -> Result<(&'static str, &'static str), Failure> {
        let want = if self.data.is_empty() {
            "documents"
        } else {
            self.data.as_str()
        };
        DOWNLOADS
            .iter()
            .find(|d| d.data == want)
            .map(|d| (d.data, d.file))
            .ok_or_else(|| {
                Failure(
                    StatusCode::BAD_REQUEST,
                    format!(
                        "没有名为“{}”的数据。可以下载：{}。",
                        self.data,
                        DOWNLOADS
                            .iter()
                            .map(|d| format!("{}（{}）", d.data, d.label))
                            .collect::<Vec<_>>()
                            .join("、")
                    ),
                )
            })
    }
}

pub(crate) async fn library_csv(
    State(app): State<Arc<App>>,
    Query(f): Query<Filters>,
    Query(w): Query<Which>,
) -> Result<Response, Failure> {
    let (dataset, name) = w.dataset()?;
    let bytes = with_store(&app, move |s| {
        let hashes = view_hashes(s, &f)?;
        export::chosen(s, dataset, &hashes, To::Csv).map_err(internal)
    })
    .await?;
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        &format!("{name}.csv"),
    ))
}

pub(crate) async fn library_parquet(
    State(app): State<Arc<App>>,
    Query(f): Query<Filters>,
    Query(w): Query<Which>,
) -> Result<Response, Failure> {
    let (dataset, name) = w.dataset()?;
    let bytes = with_store(&app, move |s| {
        let hashes = view_hashes(s, &f)?;
        export::chosen(s, dataset, &hashes, To::Parquet).map_err(internal)
    })
    .await?;
    Ok(download(
        bytes,
        "application/vnd.apache.parquet",
        &format!("{name}.parquet"),
    ))
}

/// The most documents whose inspection sheets the library puts in one workbook.
const MAX_SHEETS: usize = 500;

/// The inspection sheets of the documents the filters select, in one workbook: a 汇总 sheet,
/// then one per document (those that could be read; at most [`MAX_SHEETS`]).
pub(crate) async fn library_sheets(
    State(app): State<Arc<App>>,
    Query(f): Query<Filters>,
) -> Result<Response, Failure> {
    let bytes = with_store(&app, move |s| {
        let hashes = view_hashes(s, &f)?;
        if hashes.len() > MAX_SHEETS {
            return Err(Failure(
                StatusCode::BAD_REQUEST,
                format!(
                    "所列文件有 {} 份，一次最多汇总 {MAX_SHEETS} 份的检查表：请用筛选缩小范围。",
                    hashes.len()
                ),
            ));
        }
        let c = s.connection();
        let mut q = c
            .prepare(
                "SELECT s.sheet FROM sheets s JOIN documents d ON d.id = s.document_id
                 WHERE d.hash IN (SELECT value FROM json_each(?1))
                 ORDER BY d.year DESC, d.department, d.hash",
            )
            .map_err(internal)?;
        let list = serde_json::to_string(&hashes).map_err(internal)?;
        let sheets: Vec<Sheet> = q
            .query_map([list], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?
            .iter()
            .map(|json| serde_json::from_str(json))
            .collect::<Result<_, _>>()
            .map_err(internal)?;
        if sheets.is_empty() {
            return Err(missing("所列文件的检查表（没有可以读取的文件）"));
        }
        yusuan_formats::sheet::xlsx(&sheets).map_err(internal)
    })
    .await?;
    Ok(download(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "文件库检查表.xlsx",
    ))
}

// ---------------------------------------------------------------- 报告

struct FindingRow {
    ord: i64,
    rule: String,
    severity: &'static str,
    class: &'static str,
    message: String,
    place: String,
    link: Option<String>,
    quoted: String,
}

struct ProblemRow {
    text: String,
    rule: String,
    page: Option<usize>,
    link: Option<String>,
    quote: String,
}

struct LineRow {
    group: String,
    part: String,
    pages: String,
    verdict: String,
    class: &'static str,
    note: String,
    problems: Vec<ProblemRow>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct Report {
    nav: &'static str,
    doc: DocRow,
    /// The department's name percent-encoded, for its link.
    department_query: String,
    document: String,
    obligations: String,
    has_pages: bool,
    tables: i64,
    sentences: i64,
    facts: i64,
    lines: Vec<LineRow>,
    /// The rules' findings on this page of the report, of `total`.
    findings: Vec<FindingRow>,
    total: i64,
    fpage: u32,
    fpages: u32,
    read_notes: Vec<FindingRow>,
    counts: (usize, usize, usize),
}

/// What a document's row says was read, and the obligations ledger's verdicts (evaluated,
/// passed, warned, failed).
struct Counts {
    tables: i64,
    sentences: i64,
    facts: i64,
    obligations: (Option<i64>, Option<i64>, Option<i64>, Option<i64>),
}

fn severity_word(s: &str) -> (&'static str, &'static str) {
    match s {
        "error" => ("错误", "error"),
        "warning" => ("警告", "warning"),
        _ => ("提示", "info"),
    }
}

fn doc_id(c: &rusqlite::Connection, hash: &str) -> Result<(i64, DocRow), Failure> {
    // The id after the listed columns, so that `doc_row` reads them as it does for a list.
    c.query_row(
        &format!("SELECT {DOC_COLUMNS}, d.id FROM documents d WHERE d.hash = ?1"),
        [hash],
        |r| Ok((r.get(14)?, doc_row(r)?)),
    )
    .optional()
    .map_err(internal)?
    .ok_or_else(|| missing("这份文件"))
}

/// The report's query: which page of its findings.
#[derive(Deserialize)]
pub(crate) struct ReportQuery {
    #[serde(default)]
    page: Option<u32>,
}

/// Findings shown per page of a report.
const FINDINGS_PAGE: u32 = 200;

pub(crate) async fn report(
    State(app): State<Arc<App>>,
    Path(hash): Path<String>,
    Query(rq): Query<ReportQuery>,
) -> Result<Html<String>, Failure> {
    let hash = hash_of(&hash)?;
    let page = with_store(&app, move |s| {
        let c = s.connection();
        let (id, doc) = doc_id(c, &hash)?;
        let counts = c
            .query_row(
                "SELECT coalesce(tables, 0), coalesce(sentences, 0), coalesce(facts, 0),
                        obligations_evaluated, obligations_passed, obligations_warned,
                        obligations_failed
                 FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(Counts {
                        tables: r.get(0)?,
                        sentences: r.get(1)?,
                        facts: r.get(2)?,
                        obligations: (r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?),
                    })
                },
            )
            .map_err(internal)?;
        let Counts {
            tables,
            sentences,
            facts,
            obligations: (evaluated, passed, warned, failed),
        } = counts;
        let obligations = match (evaluated, passed, warned, failed) {
            (Some(e), Some(p), Some(w), Some(f)) if e > 0 => {
                format!("公开义务 {e} 项可判断：通过 {p} 项，有警告 {w} 项，未通过 {f} 项")
            }
            _ => "没有可判断的公开义务".to_string(),
        };
        let has_pages: bool = c
            .query_row(
                "SELECT count(*) > 0 FROM pages WHERE document_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(internal)?;
        let sheet: Option<String> = c
            .query_row(
                "SELECT sheet FROM sheets WHERE document_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(internal)?;
        let sheet: Option<Sheet> = sheet.and_then(|j| serde_json::from_str(&j).ok());
        let (document, lines, counts) = match &sheet {
            Some(sh) => {
                let lines = sh
                    .lines
                    .iter()
                    .map(|l| LineRow {
                        group: l.group.clone(),
                        part: l.part.clone(),
                        pages: l.pages.clone().unwrap_or_default(),
                        verdict: l.verdict.label().to_string(),
                        class: match l.verdict {
                            yusuan_core::sheet::Verdict::Yes => "yes",
                            yusuan_core::sheet::Verdict::No => "no",
                            yusuan_core::sheet::Verdict::Unchecked => "unchecked",
                        },
                        note: l.note.clone(),
                        problems: l
                            .problems
                            .iter()
                            .map(|p| ProblemRow {
                                text: p.text.clone(),
                                rule: p.rule.clone(),
                                page: p.page,
                                link: p.page.filter(|_| has_pages).map(|n| {
                                    // `#mark`: the browser scrolls to the frame.
                                    format!(
                                        "/doc/{hash}/page/{n}?q={}#mark",
                                        urlencode(p.quote.as_deref().unwrap_or(""))
                                    )
                                }),
                                quote: p.quote.clone().unwrap_or_default(),
                            })
                            .collect(),
                    })
                    .collect();
                (sh.document.clone(), lines, sh.counts())
            }
            None => (String::new(), Vec::new(), (0, 0, 0)),
        };
        // The rules' findings a page at a time (a document may have a hundred thousand);
        // what reading said is short and shown whole.
        // The rules' findings follow what reading said, numbered on without gaps: a page of
        // them is a range of `ord` (no OFFSET scan over a hundred thousand rows).
        let total: i64 = c
            .query_row(
                "SELECT coalesce(errors, 0) + coalesce(warnings, 0) + coalesce(infos, 0)
                 FROM documents WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(internal)?;
        let first: i64 = c
            .query_row(
                "SELECT ord FROM findings WHERE document_id = ?1 AND origin = 'check'
                 ORDER BY ord LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(internal)?
            .unwrap_or(i64::MAX); // none: every finding is reading's
        let pages =
            u32::try_from((total + i64::from(FINDINGS_PAGE) - 1) / i64::from(FINDINGS_PAGE))
                .unwrap_or(1)
                .max(1);
        let fpage = rq.page.unwrap_or(1).clamp(1, pages);
        let mut q = c
            .prepare(&format!(
                "SELECT ord, origin, rule, severity, message, page, line, quoted
                 FROM findings WHERE document_id = ?1 AND origin = 'check'
                   AND ord >= {from} AND ord < {to}
                 UNION ALL
                 SELECT ord, origin, rule, severity, message, page, line, quoted
                 FROM findings WHERE document_id = ?1 AND origin = 'read' AND ord < {first}",
                from = first.saturating_add(i64::from((fpage - 1) * FINDINGS_PAGE)),
                to = first.saturating_add(i64::from(fpage * FINDINGS_PAGE)),
            ))
            .map_err(internal)?;
        let all = q
            .query_map([id], |r| {
                let (severity, class) = severity_word(&r.get::<_, String>(3)?);
                let page: Option<i64> = r.get(5)?;
                let line: Option<i64> = r.get(6)?;
                let ord: i64 = r.get(0)?;
                let place = match (page, line) {
                    (Some(p), _) => format!("第 {p} 页"),
                    (None, Some(l)) => format!("第 {l} 行"),
                    _ => String::new(),
                };
                let link = page.filter(|_| has_pages).map(|p| {
                    format!(
                        "/doc/{hash}/page/{p}?f={ord}{}#mark",
                        line.map_or(String::new(), |l| format!("&line={l}"))
                    )
                });
                Ok((
                    r.get::<_, String>(1)? == "read",
                    FindingRow {
                        ord,
                        rule: r.get(2)?,
                        severity,
                        class,
                        message: r.get(4)?,
                        place,
                        link,
                        quoted: r.get(7)?,
                    },
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        let (read_notes, findings): (Vec<_>, Vec<_>) = all.into_iter().partition(|(r, _)| *r);
        Ok(Report {
            total,
            fpage,
            fpages: pages,
            nav: "",
            department_query: urlencode(&doc.department),
            doc,
            document,
            obligations,
            has_pages,
            tables,
            sentences,
            facts,
            lines,
            findings: findings.into_iter().map(|(_, f)| f).collect(),
            read_notes: read_notes.into_iter().map(|(_, f)| f).collect(),
            counts,
        })
    })
    .await?;
    render(&page)
}

// ---------------------------------------------------------------- 页面

#[derive(Deserialize)]
pub(crate) struct PageQuery {
    line: Option<usize>,
    f: Option<i64>,
    q: Option<String>,
}

/// A highlight box on the page, in the page's own units (1/100 pt from its top left): drawn as
/// an SVG rectangle over the page's picture, whose viewBox is the page (no inline style, which
/// the content security policy forbids).
struct Mark {
    x: i32,
    y: i32,
    width: i32,
    height: i32,
}

#[derive(Template)]
#[template(path = "page.html")]
struct PageView {
    nav: &'static str,
    doc: DocRow,
    number: u32,
    pages: u32,
    mark: Option<Mark>,
    /// The page's size, 1/100 pt.
    size: (i32, i32),
    finding: Option<FindingRow>,
    quote: String,
    found: bool,
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub(crate) async fn page_view(
    State(app): State<Arc<App>>,
    Path((hash, n)): Path<(String, u32)>,
    Query(pq): Query<PageQuery>,
) -> Result<Html<String>, Failure> {
    let hash = hash_of(&hash)?;
    let page = with_store(&app, move |s| {
        let c = s.connection();
        let (id, doc) = doc_id(c, &hash)?;
        let pages: u32 = c
            .query_row(
                "SELECT count(*) FROM pages WHERE document_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(internal)?;
        let size: Option<(i32, i32)> = c
            .query_row(
                "SELECT width, height FROM pages WHERE document_id = ?1 AND page = ?2",
                rusqlite::params![id, n],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(internal)?;
        let Some((width, height)) = size else {
            return Err(missing(&format!("第 {n} 页")));
        };
        let finding = match pq.f {
            Some(ord) => c
                .query_row(
                    "SELECT ord, rule, severity, message, page, line, quoted FROM findings
                     WHERE document_id = ?1 AND ord = ?2",
                    rusqlite::params![id, ord],
                    |r| {
                        let (severity, class) = severity_word(&r.get::<_, String>(2)?);
                        Ok(FindingRow {
                            ord: r.get(0)?,
                            rule: r.get(1)?,
                            severity,
                            class,
                            message: r.get(3)?,
                            place: r
                                .get::<_, Option<i64>>(4)?
                                .map_or(String::new(), |p| format!("第 {p} 页")),
                            link: None,
                            quoted: r.get(6)?,
                        })
                    },
                )
                .optional()
                .map_err(internal)?,
            None => None,
        };
        // The box: the finding's line; or the line on this page whose text holds the quote.
        let quote =
            pq.q.clone()
                .filter(|q| !q.trim().is_empty())
                .or_else(|| finding.as_ref().map(|f| f.quoted.clone()))
                .unwrap_or_default();
        let mut q = c
            .prepare(
                "SELECT line, x0, top, x1, bottom, cells FROM lines
                 WHERE document_id = ?1 AND page = ?2 ORDER BY line",
            )
            .map_err(internal)?;
        let lines = q
            .query_map(rusqlite::params![id, n], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    (r.get::<_, i32>(1)?, r.get::<_, i32>(2)?),
                    (r.get::<_, i32>(3)?, r.get::<_, i32>(4)?),
                    r.get::<_, String>(5)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        let wanted = squeeze(&quote);
        let cells = |json: &str| -> Vec<(i32, i32, String)> {
            serde_json::from_str(json).unwrap_or_default()
        };
        let mut mark_box = None;
        if let Some(l) = pq.line
            && let Some((_, (x0, top), (x1, bottom), json)) =
                lines.iter().find(|x| x.0 == i64::try_from(l).unwrap_or(-1))
        {
            // Narrowed to the cell that holds the quoted text, when one does.
            let cell = (!wanted.is_empty())
                .then(|| {
                    cells(json).into_iter().find(|(_, _, t)| {
                        squeeze(t) == wanted
                            || (wanted.chars().count() >= 2 && squeeze(t).contains(&wanted))
                    })
                })
                .flatten();
            mark_box = Some(match cell {
                Some((a, b, _)) => (a, *top, b, *bottom),
                None => (*x0, *top, *x1, *bottom),
            });
        }
        if mark_box.is_none() && wanted.chars().count() >= 2 {
            let probe: String = wanted.chars().take(24).collect();
            mark_box = lines.iter().find_map(|(_, (x0, top), (x1, bottom), json)| {
                let joined: String = cells(json).iter().map(|c| squeeze(&c.2)).collect();
                joined.contains(&probe).then_some((*x0, *top, *x1, *bottom))
            });
        }
        let found = mark_box.is_some();
        let pad = 200; // 2 pt around the box
        let mark = mark_box.map(|(x0, top, x1, bottom)| Mark {
            x: (x0 - pad).clamp(0, width),
            y: (top - pad).clamp(0, height),
            width: (x1 - x0 + 2 * pad).clamp(0, width),
            height: (bottom - top + 2 * pad).clamp(0, height),
        });
        Ok(PageView {
            nav: "",
            doc,
            number: n,
            pages,
            mark,
            size: (width, height),
            finding,
            quote,
            found,
        })
    })
    .await?;
    render(&page)
}

pub(crate) async fn page_png(
    State(app): State<Arc<App>>,
    Path((hash, n)): Path<(String, u32)>,
) -> Result<Response, Failure> {
    let hash = hash_of(&hash)?;
    let bytes = with_store(&app, move |s| {
        s.content(&hash)
            .map_err(internal)?
            .ok_or_else(|| missing("这份文件"))
    })
    .await?;
    let _permit = app.work.acquire().await.map_err(internal)?;
    // A document of several files: the page from the file that holds it.
    let png = tokio::task::spawn_blocking(move || {
        match yusuan_store::parts::page_of(&bytes, n as usize) {
            Some((part, k)) => page::png(part.to_vec(), k),
            None => page::png(bytes, n as usize),
        }
    })
    .await
    .map_err(internal)?
    .ok_or_else(|| Failure(StatusCode::NOT_FOUND, format!("第 {n} 页无法绘出")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, "public, max-age=86400, immutable"),
        ],
        png,
    )
        .into_response())
}

// ---------------------------------------------------------------- 公开表

struct TableView {
    title: String,
    kind: String,
    page: String,
    columns: Vec<String>,
    rows: Vec<(String, String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "tables.html")]
struct Tables {
    nav: &'static str,
    doc: DocRow,
    tables: Vec<TableView>,
}

pub(crate) async fn tables(
    State(app): State<Arc<App>>,
    Path(hash): Path<String>,
) -> Result<Html<String>, Failure> {
    let hash = hash_of(&hash)?;
    let page = with_store(&app, move |s| {
        let c = s.connection();
        let (id, doc) = doc_id(c, &hash)?;
        let mut q = c
            .prepare(
                "SELECT table_no, title, coalesce(kind, ''), coalesce(row_code, ''), row_label,
                        column_key, value, unit, page, side
                 FROM facts WHERE document_id = ?1 ORDER BY ord",
            )
            .map_err(internal)?;
        type Fact = (
            i64,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<i64>,
            String,
        );
        let facts: Vec<Fact> = q
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        let mut tables: Vec<TableView> = Vec::new();
        let mut current: Option<(i64, String)> = None;
        for (no, title, kind, code, label, column, value, unit, page, side) in facts {
            if current.as_ref() != Some(&(no, title.clone())) {
                current = Some((no, title.clone()));
                tables.push(TableView {
                    title: title.clone(),
                    kind,
                    page: page.map_or(String::new(), |p| format!("第 {p} 页")),
                    columns: Vec::new(),
                    rows: Vec::new(),
                });
            }
            let Some(t) = tables.last_mut() else { continue };
            let column = if side.is_empty() {
                column
            } else {
                format!("{side}：{column}")
            };
            let ci = match t.columns.iter().position(|c| *c == column) {
                Some(i) => i,
                None => {
                    t.columns.push(column);
                    t.columns.len() - 1
                }
            };
            let shown = if unit == "%" {
                format!("{value}%")
            } else {
                value
            };
            let key = (code.clone(), label.clone());
            let ri = match t
                .rows
                .iter()
                .position(|r| (r.0.clone(), r.1.clone()) == key)
            {
                Some(i) => i,
                None => {
                    t.rows.push((code, label, Vec::new()));
                    t.rows.len() - 1
                }
            };
            let cells = &mut t.rows[ri].2;
            if cells.len() <= ci {
                cells.resize(ci + 1, String::new());
            }
            cells[ci] = shown;
        }
        for t in &mut tables {
            let n = t.columns.len();
            for r in &mut t.rows {
                r.2.resize(n, String::new());
            }
        }
        Ok(Tables {
            nav: "",
            doc,
            tables,
        })
    })
    .await?;
    render(&page)
}

// ---------------------------------------------------------------- 下载

pub(crate) async fn sheet_xlsx(
    State(app): State<Arc<App>>,
    Path(hash): Path<String>,
) -> Result<Response, Failure> {
    let hash = hash_of(&hash)?;
    let (bytes, name) = with_store(&app, move |s| {
        let c = s.connection();
        let (id, doc) = doc_id(c, &hash)?;
        let json: String = c
            .query_row(
                "SELECT sheet FROM sheets WHERE document_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(internal)?
            .ok_or_else(|| missing("这份文件的检查表（文件无法读取）"))?;
        let sheet: Sheet = serde_json::from_str(&json).map_err(internal)?;
        let bytes = yusuan_formats::sheet::xlsx(&[sheet]).map_err(internal)?;
        Ok((bytes, format!("{}检查表.xlsx", doc.department)))
    })
    .await?;
    Ok(download(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &name,
    ))
}

pub(crate) async fn findings_csv(
    State(app): State<Arc<App>>,
    Path(hash): Path<String>,
) -> Result<Response, Failure> {
    let hash = hash_of(&hash)?;
    let bytes = with_store(&app, move |s| {
        export::chosen(s, "findings", &[hash], To::Csv).map_err(internal)
    })
    .await?;
    Ok(download(bytes, "text/csv; charset=utf-8", "检查发现.csv"))
}

// ---------------------------------------------------------------- 上传

#[derive(Template)]
#[template(path = "upload.html")]
struct UploadForm {
    nav: &'static str,
    csrf: String,
    max_mb: usize,
    max_pages: usize,
    error: String,
}

pub(crate) async fn upload_form(State(app): State<Arc<App>>) -> Result<Html<String>, Failure> {
    render(&UploadForm {
        nav: "upload",
        csrf: app.csrf.clone(),
        max_mb: app.config.max_upload / (1024 * 1024),
        max_pages: app.config.max_pages,
        error: String::new(),
    })
}

fn refuse(app: &App, status: StatusCode, why: String) -> Response {
    let page = UploadForm {
        nav: "upload",
        csrf: app.csrf.clone(),
        max_mb: app.config.max_upload / (1024 * 1024),
        max_pages: app.config.max_pages,
        error: why,
    };
    match page.render() {
        Ok(h) => (status, Html(h)).into_response(),
        Err(e) => internal(e).into_response(),
    }
}

pub(crate) async fn upload(
    State(app): State<Arc<App>>,
    headers: axum::http::HeaderMap,
    mut form: Multipart,
) -> Response {
    // A form posted from another site carries neither our token nor our origin.
    let foreign = headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site" || v == "same-site");
    if foreign {
        return refuse(
            &app,
            StatusCode::FORBIDDEN,
            "请求来自别的网站，已拒绝。".into(),
        );
    }
    if let (Some(origin), Some(host)) = (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        let same = origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host);
        if !same {
            return refuse(
                &app,
                StatusCode::FORBIDDEN,
                "请求来自别的网站，已拒绝。".into(),
            );
        }
    }
    let mut token = None;
    // The files chosen: one document, or the parts of one (附件1 情况说明, 附件2 报表).
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or("").to_string();
                if name == "csrf" {
                    token = field.text().await.ok();
                } else if name == "file" {
                    // The client's file name is only a label: its last component, and only the
                    // extension says which reader reads it. It never reaches the file system.
                    let label = field
                        .file_name()
                        .unwrap_or("")
                        .rsplit(['/', '\\'])
                        .next()
                        .unwrap_or("")
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(120)
                        .collect::<String>();
                    match field.bytes().await {
                        Ok(b) if !b.is_empty() => files.push((label, b.to_vec())),
                        Ok(_) => {}
                        Err(e) => {
                            return refuse(
                                &app,
                                StatusCode::PAYLOAD_TOO_LARGE,
                                format!(
                                    "文件没有收全（可能超过 {} MB 的上限）：{e}",
                                    app.config.max_upload / (1024 * 1024)
                                ),
                            );
                        }
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                return refuse(
                    &app,
                    StatusCode::BAD_REQUEST,
                    format!(
                        "上传的内容无法读取（可能超过 {} MB 的上限）：{e}",
                        app.config.max_upload / (1024 * 1024)
                    ),
                );
            }
        }
    }
    if token.as_deref() != Some(app.csrf.as_str()) {
        return refuse(
            &app,
            StatusCode::FORBIDDEN,
            "表单已过期或不是从本页提交的，请重新选择文件上传。".into(),
        );
    }
    if files.is_empty() {
        return refuse(
            &app,
            StatusCode::BAD_REQUEST,
            "没有收到文件：请先选择一个文件。".into(),
        );
    }
    let (label, bytes) = match one_document(files) {
        Ok(one) => one,
        Err(why) => return refuse(&app, StatusCode::UNSUPPORTED_MEDIA_TYPE, why),
    };
    if bytes.len() > app.config.max_upload {
        return refuse(
            &app,
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "文件有 {} 字节，超过上限 {} MB。",
                bytes.len(),
                app.config.max_upload / (1024 * 1024)
            ),
        );
    }
    let label = if label.is_empty() {
        "上传的文件".to_string()
    } else {
        label
    };
    if yusuan_store::read::Format::of_name(&label).is_none() {
        return refuse(
            &app,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            yusuan_store::read::unsupported(&label),
        );
    }
    let pages = match yusuan_store::parts::unpack(&bytes) {
        Some(parts) => parts
            .iter()
            .map(|p| yusuan_import::pdf::page_count(p))
            .sum::<Option<usize>>(),
        None => yusuan_import::pdf::page_count(&bytes),
    };
    if label.to_ascii_lowercase().ends_with(".pdf")
        && let Some(n) = pages
        && n > app.config.max_pages
    {
        return refuse(
            &app,
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("{label} 有 {n} 页，超过上限 {} 页。", app.config.max_pages),
        );
    }
    let Ok(_permit) = app.work.acquire().await else {
        return internal("服务正在关闭").into_response();
    };
    let app2 = app.clone();
    let stored = tokio::task::spawn_blocking(move || {
        let hash = yusuan_store::audit::hash(&bytes);
        let reader = Store::open_read_only(&app2.config.db).ok();
        let previous = |r: &yusuan_store::read::Read| {
            reader
                .as_ref()
                .and_then(|s| yusuan_store::batch::previous_from(s, r))
        };
        let a = yusuan_store::audit::audit(&label, &bytes, &previous);
        let mut w = app2.writer.lock().map_err(|_| internal("写入锁已损坏"))?;
        w.put(app2.run, &a, &bytes).map_err(internal)?;
        Ok::<_, Failure>(hash)
    })
    .await;
    match stored {
        Ok(Ok(hash)) => Redirect::to(&format!("/doc/{hash}")).into_response(),
        Ok(Err(f)) => f.into_response(),
        Err(e) => internal(e).into_response(),
    }
}

/// The files of one upload as one document: a single file as it is; the parts of a document
/// published in several files (PDFs or texts, at most eight), ordered by their part markers
/// (`附件1`, `part2`…) where every name has one, in one container (`yusuan_store::parts`),
/// named by their names joined with ` + `.
fn one_document(mut files: Vec<(String, Vec<u8>)>) -> Result<(String, Vec<u8>), String> {
    if files.len() == 1 {
        return Ok(files.remove(0));
    }
    let ext = |n: &str| n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let first = ext(&files[0].0);
    if files.len() > 8
        || !matches!(first.as_deref(), Some("pdf" | "txt"))
        || files.iter().any(|(n, _)| ext(n) != first)
    {
        return Err(format!(
            "一次选择了 {} 个文件：分册公开的文件（至多 8 个）须都是 PDF，或都是文本（.txt），才能合并为一份读入；其他文件请逐个上传。",
            files.len()
        ));
    }
    let numbers: Vec<Option<u32>> = files
        .iter()
        .map(|(n, _)| yusuan_store::parts::part_number(n))
        .collect();
    if numbers.iter().all(Option::is_some) {
        let mut order: Vec<usize> = (0..files.len()).collect();
        order.sort_by_key(|&i| numbers[i]);
        let mut taken: Vec<Option<(String, Vec<u8>)>> = files.into_iter().map(Some).collect();
        files = order.into_iter().filter_map(|i| taken[i].take()).collect();
    }
    let label = files
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    let parts: Vec<&[u8]> = files.iter().map(|(_, b)| b.as_slice()).collect();
    Ok((label, yusuan_store::parts::pack(&parts)))
}

// ---------------------------------------------------------------- 部门

#[derive(Deserialize)]
pub(crate) struct DepartmentQuery {
    #[serde(default)]
    name: String,
}

struct YearRow {
    year: i64,
    stage: String,
    hash: String,
    format: String,
    figures: Vec<String>,
    changes: Vec<String>,
    errors: i64,
    warnings: i64,
    score: String,
}

struct ClassRow {
    code: String,
    label: String,
    values: Vec<String>,
}

#[derive(Template)]
#[template(path = "department.html")]
struct Department {
    nav: &'static str,
    name: String,
    names: Vec<(String, i64)>,
    heads: Vec<&'static str>,
    years: Vec<YearRow>,
    chart: String,
    class_years: Vec<String>,
    classes: Vec<ClassRow>,
}

/// A department's document of one year and stage: id, year, stage, hash, format, errors,
/// warnings, score.
type YearDoc = (i64, i64, String, String, String, i64, i64, Option<i64>);

/// The key figures of a department's page: (heading, table kind, the column's keys as regions
/// print them). The figure is the table's total row in the first column whose key, without
/// what qualifies it (`合计〔支出总计〕`), is one of them: a 决算 prints `本年收入合计`.
const KEY_FIGURES: &[(&str, &str, &[&str])] = &[
    (
        "收入合计",
        "收入总表",
        &["合计", "本年收入合计", "收入合计", "总计"],
    ),
    (
        "支出合计",
        "支出总表",
        &["合计", "本年支出合计", "支出合计", "总计"],
    ),
    ("基本支出", "支出总表", &["基本支出"]),
    ("项目支出", "支出总表", &["项目支出"]),
];

/// The SQL condition that a fact's column key, or its key without the qualifier in `〔〕`, is
/// one of `keys` (constants of this file).
fn key_in(keys: &[&str]) -> String {
    let list = keys
        .iter()
        .map(|k| format!("'{}'", k.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "(column_key IN ({list}) OR (instr(column_key, '〔') > 0
           AND substr(column_key, 1, instr(column_key, '〔') - 1) IN ({list})))"
    )
}

pub(crate) async fn department(
    State(app): State<Arc<App>>,
    Query(dq): Query<DepartmentQuery>,
) -> Result<Html<String>, Failure> {
    let page = with_store(&app, move |s| {
        let c = s.connection();
        let name = dq.name.trim().to_string();
        let mut q = c
            .prepare(
                "SELECT department, count(*) FROM documents WHERE department IS NOT NULL
                 GROUP BY department ORDER BY department",
            )
            .map_err(internal)?;
        let names = q
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        // One document per year and stage: a PDF before its text, then the least hash.
        let mut q = c
            .prepare(
                "SELECT id, year, stage, hash, format, errors, warnings, score FROM documents d
                 WHERE status = 'read' AND department = ?1 AND year IS NOT NULL
                   AND id = (SELECT id FROM documents e WHERE e.status = 'read'
                               AND e.department = d.department AND e.year = d.year
                               AND e.stage = d.stage
                             ORDER BY e.format = 'pdf' DESC, e.hash LIMIT 1)
                 ORDER BY stage, year",
            )
            .map_err(internal)?;
        let docs: Vec<YearDoc> = q
            .query_map([&name], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get::<_, Option<i64>>(5)?.unwrap_or(0),
                    r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                    r.get(7)?,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(internal)?;
        // A key figure and the column it was read from.
        let figure =
            |id: i64, kind: &str, keys: &[&str]| -> Result<Option<(i64, String)>, Failure> {
                c.query_row(
                    &format!(
                        "SELECT fen, column_key FROM facts WHERE document_id = ?1 AND kind = ?2
                       AND row_kind = 'total' AND {} AND period = '本年' AND fen IS NOT NULL
                     ORDER BY ord LIMIT 1",
                        key_in(keys)
                    ),
                    rusqlite::params![id, kind],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(internal)
            };
        // The column of each budget's 支出总表 its classes are shown from.
        let mut spend_column: std::collections::HashMap<i64, String> = Default::default();
        let mut years = Vec::new();
        // Per year: the 预算's and the 决算's 支出合计 (fen, shown).
        let mut bars: Vec<(i64, [Option<chart::Bar>; 2])> = Vec::new();
        let mut last: Option<(String, Vec<Option<i64>>)> = None;
        for (id, year, stage, hash, format, errors, warnings, score) in &docs {
            let mut vals = Vec::new();
            for (heading, kind, keys) in KEY_FIGURES {
                let found = figure(*id, kind, keys)?;
                if *heading == "支出合计"
                    && let Some((_, column)) = &found
                {
                    spend_column.insert(*id, column.clone());
                }
                vals.push(found.map(|(fen, _)| fen));
            }
            let prev = last
                .as_ref()
                .filter(|(s, _)| s == stage)
                .map(|(_, v)| v.clone());
            let changes = vals
                .iter()
                .enumerate()
                .map(|(i, v)| match (v, prev.as_ref().and_then(|p| p[i])) {
                    (Some(now), Some(before)) => {
                        let d = now - before;
                        let sign = if d > 0 { "+" } else { "" };
                        format!(
                            "{sign}{}（{sign}{}%）",
                            wan(d),
                            yusuan_core::money::percent(d, before)
                        )
                    }
                    _ => String::new(),
                })
                .collect();
            if let Some(spend) = vals[1] {
                let at = match bars.iter().position(|(y, _)| y == year) {
                    Some(at) => at,
                    None => {
                        bars.push((*year, [None, None]));
                        bars.len() - 1
                    }
                };
                bars[at].1[usize::from(stage != "预算")] = Some((spend, wan(spend)));
            }
            years.push(YearRow {
                year: *year,
                stage: stage.clone(),
                hash: hash.clone(),
                format: format.clone(),
                figures: vals.iter().map(|v| v.map_or("—".into(), wan)).collect(),
                changes,
                errors: *errors,
                warnings: *warnings,
                score: score.map_or("—".into(), |s| s.to_string()),
            });
            last = Some((stage.clone(), vals));
        }
        // 支出合计 by year: the budgets', and the final accounts' beside them where stored.
        bars.sort_by_key(|(y, _)| *y);
        let has = |k: usize| bars.iter().any(|(_, v)| v[k].is_some());
        let chart = match (has(0), has(1)) {
            (false, false) => String::new(),
            (true, false) => chart::bars(
                "部门预算支出合计（万元）",
                &bars
                    .iter()
                    .filter_map(|(y, v)| v[0].clone().map(|(f, s)| (y.to_string(), f, s)))
                    .collect::<Vec<_>>(),
            ),
            _ => chart::grouped(
                "部门支出合计（万元）：预算与决算",
                &["预算", "决算"],
                &bars
                    .iter()
                    .map(|(y, v)| (y.to_string(), v.to_vec()))
                    .collect::<Vec<_>>(),
            ),
        };
        // Functional classes of each document's 支出总表 (a 决算's in its 本年支出合计), one
        // column per year and stage.
        let budgets: Vec<&YearDoc> = docs.iter().collect();
        let class_years: Vec<String> = budgets.iter().map(|d| format!("{} {}", d.1, d.2)).collect();
        let mut classes: Vec<ClassRow> = Vec::new();
        for (i, d) in budgets.iter().enumerate() {
            let mut q = c
                .prepare(
                    "SELECT functional, row_label, fen FROM facts
                     WHERE document_id = ?1 AND kind = '支出总表' AND row_kind = 'class'
                       AND column_key = ?2 AND period = '本年' AND functional IS NOT NULL
                     ORDER BY ord",
                )
                .map_err(internal)?;
            let column = spend_column.get(&d.0).map_or("合计", String::as_str);
            let rows: Vec<(String, String, Option<i64>)> = q
                .query_map(rusqlite::params![d.0, column], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .map_err(internal)?;
            for (code, label, fen) in rows {
                let at = match classes.iter().position(|c| c.code == code) {
                    Some(p) => p,
                    None => {
                        classes.push(ClassRow {
                            code,
                            label,
                            values: vec![String::new(); budgets.len()],
                        });
                        classes.len() - 1
                    }
                };
                classes[at].values[i] = fen.map_or(String::new(), wan);
            }
        }
        classes.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(Department {
            nav: "department",
            name,
            names,
            heads: KEY_FIGURES.iter().map(|k| k.0).collect(),
            years,
            chart,
            class_years,
            classes,
        })
    })
    .await?;
    render(&page)
}
