//! Writing what the user asked for: stdout that survives a closed pipe, files written whole or not at all.

use crate::*;

/// Writes to stdout; a closed pipe (`| head`) ends the output quietly instead of panicking.
pub(crate) fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush());
}

/// [`out`] with a line end.
pub(crate) fn outln(text: &str) {
    out(&format!("{text}\n"));
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "文件不存在".into(),
        std::io::ErrorKind::PermissionDenied => "没有读取权限".into(),
        _ => e.to_string(),
    }
}

/// Writes `bytes` to `output` beside the target and renames it, so a failed write never leaves
/// half a file; says what was written, or why not.
pub(crate) fn write_file(output: &Path, bytes: &[u8]) -> ExitCode {
    let tmp = output.with_extension("yusuan-tmp");
    match std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, output)) {
        Ok(()) => {
            eprintln!("已生成 {}", output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "所在目录不存在".to_string(),
                std::io::ErrorKind::PermissionDenied => "没有写入权限".to_string(),
                _ => e.to_string(),
            };
            eprintln!("错误：无法写入 {}：{why}", output.display());
            ExitCode::from(2)
        }
    }
}
