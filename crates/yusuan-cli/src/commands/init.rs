//! `yusuan init`: a new budget source or fill-in workbook.

use crate::*;

/// The year a budget is prepared for: next year (budgets are drawn up in the autumn before).
pub(crate) fn next_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970-01-01 → civil year (proleptic Gregorian).
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (mut year, mut left) = (1970i64, days);
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
            366
        } else {
            365
        };
        if left < len {
            break;
        }
        left -= len;
        year += 1;
    }
    i32::try_from(year + 1).unwrap_or(2026)
}

pub(crate) fn cmd_init(path: &Path, force: bool, xlsx: bool, year: Option<i32>) -> ExitCode {
    if path.exists() && !force {
        eprintln!("错误：{} 已存在；如需覆盖请加 --force", path.display());
        return ExitCode::from(2);
    }
    let is_xlsx = xlsx
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        let path = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            path.to_path_buf()
        } else {
            path.with_extension("xlsx")
        };
        if path.exists() && !force {
            eprintln!("错误：{} 已存在；如需覆盖请加 --force", path.display());
            return ExitCode::from(2);
        }
        let year = year.unwrap_or_else(next_year);
        return match source::workbook::write(None, year) {
            Ok(bytes) => {
                let code = write_file(&path, &bytes);
                if code == ExitCode::SUCCESS {
                    eprintln!(
                        "这是 {year} 年的预算填报表。填写后运行：yusuan check {0}，yusuan render {0} --to pdf -o 预算公开.pdf",
                        path.display()
                    );
                }
                code
            }
            Err(e) => {
                eprintln!("错误：{e}");
                ExitCode::from(2)
            }
        };
    }
    match std::fs::write(path, source::TEMPLATE) {
        Ok(()) => {
            eprintln!(
                "已写出模板 {}。填写后运行：yusuan tables {}",
                path.display(),
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：无法写入 {}：{}", path.display(), io_reason(&e));
            ExitCode::from(2)
        }
    }
}
