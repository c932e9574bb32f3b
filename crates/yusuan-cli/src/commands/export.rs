//! `yusuan export`: the store's documents, facts, claims and findings as Parquet or CSV files,
//! partitioned by year.

use crate::*;
use yusuan_store::export::{self, To};

pub(crate) fn cmd_export(db: &Path, to: ExportTo, dir: &Path) -> ExitCode {
    if !db.exists() {
        eprintln!(
            "错误：数据库 {} 不存在；先用 yusuan batch 读入文件",
            db.display()
        );
        return ExitCode::from(2);
    }
    let store = match yusuan_store::Store::open_read_only(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let to = match to {
        ExportTo::Parquet => To::Parquet,
        ExportTo::Csv => To::Csv,
    };
    match export::export(&store, dir, to) {
        Ok(w) => {
            let mut s = format!("已导出到 {}（按年度分区，year=…）：\n", dir.display());
            for (name, rows, files) in &w.datasets {
                s.push_str(&format!("  {name}：{rows} 行，{files} 个文件\n"));
            }
            out(&s);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(2)
        }
    }
}
