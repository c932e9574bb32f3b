//! yusuan-web — the web UI for inspectors, served from the store: 上传检查 (upload a document
//! and see its report, each finding on its page drawn with the place highlighted), 文件库 (every
//! stored document, filtered and searched), 部门 (one department over the years), 概览
//! (findings per rule and region, documents by completeness score), and downloads (the
//! inspection sheet, CSV and Parquet of what is shown).
//!
//! Safe by default: loopback unless told otherwise; upload size and page limits; every page
//! rendered by askama templates that escape; no script at all, and a content security policy
//! that allows none; a CSRF token on the one form; no path from the client ever reaches the
//! file system (documents are addressed by content hash); bounded concurrent work; a broken
//! file gets a report of what is wrong with it. Assets are compiled in. docs/web.md.

mod chart;
mod page;
mod views;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;
use yusuan_store::{Store, StoreError};

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Largest upload accepted, in bytes.
    pub max_upload: usize,
    /// Most pages an uploaded PDF may have.
    pub max_pages: usize,
    /// Documents read or pages drawn at once (the rest wait their turn).
    pub workers: usize,
}

impl Config {
    /// The defaults: `yusuan.db`, 127.0.0.1:8080, 32 MB, 500 pages, one worker per core.
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        Config {
            db,
            addr,
            max_upload: 32 * 1024 * 1024,
            max_pages: 500,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// What every handler shares.
pub(crate) struct App {
    pub(crate) config: Config,
    /// The one writer (uploads).
    pub(crate) writer: Mutex<Store>,
    /// Bounds the CPU work in flight: reading uploads, drawing pages.
    pub(crate) work: Semaphore,
    /// The token every form carries (against cross-site requests).
    pub(crate) csrf: String,
    /// The run uploads are stored under.
    pub(crate) run: i64,
}

/// A fresh random token: 128 bits from the OS's randomness, through the standard library's
/// randomly seeded hasher (no extra crate).
fn token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::new();
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// The CSS, compiled in.
const STYLE: &str = include_str!("../assets/style.css");

/// Headers every response carries: no script may run, nothing loads from elsewhere, the page
/// may not be framed, types are not sniffed.
async fn secure(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // same-origin: a form posted here carries its origin (no-referrer would make it `null`),
    // and nothing leaks to other sites.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

async fn style() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        STYLE,
    )
}

/// The application's routes over `app` (for the tests and `serve`).
pub(crate) fn router(app: Arc<App>) -> Router {
    let limit = app.config.max_upload + 64 * 1024;
    Router::new()
        .route("/", get(views::overview))
        .route("/upload", get(views::upload_form))
        .route(
            "/upload",
            post(views::upload).layer(DefaultBodyLimit::max(limit)),
        )
        .route("/library", get(views::library))
        .route("/library.csv", get(views::library_csv))
        .route("/library.parquet", get(views::library_parquet))
        .route("/library/sheets.xlsx", get(views::library_sheets))
        .route("/department", get(views::department))
        .route("/doc/{hash}", get(views::report))
        .route("/doc/{hash}/tables", get(views::tables))
        .route("/doc/{hash}/sheet.xlsx", get(views::sheet_xlsx))
        .route("/doc/{hash}/findings.csv", get(views::findings_csv))
        .route("/doc/{hash}/page/{n}", get(views::page_view))
        .route("/doc/{hash}/page/{n}/png", get(views::page_png))
        .route("/style.css", get(style))
        .fallback(views::not_found)
        .layer(axum::middleware::from_fn(secure))
        .with_state(app)
}

/// Whether an address is reachable only from this machine.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// Opens the store (creating it when absent) and serves until the process ends. `listening`
/// hears the address once bound (the actual port when 0 was asked): the caller says it.
pub async fn serve(config: Config, listening: impl FnOnce(SocketAddr)) -> Result<(), StoreError> {
    let mut writer = Store::open(&config.db)?;
    let run = writer.begin_run("（网页上传）")?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| StoreError(format!("无法在 {} 上监听：{e}", config.addr)))?;
    let bound = listener
        .local_addr()
        .map_err(|e| StoreError(format!("无法在 {} 上监听：{e}", config.addr)))?;
    let app = Arc::new(App {
        work: Semaphore::new(config.workers.max(1)),
        config,
        writer: Mutex::new(writer),
        csrf: token(),
        run,
    });
    listening(bound);
    axum::serve(listener, router(app))
        .await
        .map_err(|e| StoreError(format!("网页服务出错：{e}")))
}

/// [`serve`] on a runtime of its own, until the process ends: what the command line calls.
pub fn run(config: Config, listening: impl FnOnce(SocketAddr)) -> Result<(), StoreError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| StoreError(format!("无法启动网页服务：{e}")))?;
    rt.block_on(serve(config, listening))
}
