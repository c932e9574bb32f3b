//! `yusuan serve`: the web UI over the store.

use crate::*;

pub(crate) fn cmd_serve(
    db: PathBuf,
    addr: std::net::SocketAddr,
    max_upload_mb: usize,
    max_pages: usize,
) -> ExitCode {
    if !yusuan_web::is_loopback(&addr) {
        eprintln!(
            "警告：网页服务监听在 {addr}，不只本机可以访问：任何能连到这台机器的人都能上传文件、查看库中全部文件。只在可信的网络中这样做。"
        );
    }
    let mut config = yusuan_web::Config::new(db, addr);
    config.max_upload = max_upload_mb.clamp(1, 1024) * 1024 * 1024;
    config.max_pages = max_pages.max(1);
    let db = config.db.clone();
    let said = move |bound: std::net::SocketAddr| {
        eprintln!(
            "yusuan 网页界面：http://{bound}/（数据库 {}）",
            db.display()
        );
    };
    match yusuan_web::run(config, said) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(2)
        }
    }
}
