//! `yusuan convert`: a budget source to the fill-in workbook and back.

use crate::*;

pub(crate) fn cmd_convert(input: &Path, output: &Path) -> ExitCode {
    let ext = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let budget = match ext(input).as_str() {
        "toml" => read_text(input).and_then(|t| parse_budget(input, &t)),
        "xlsx" => {
            let Some(bytes) = read_bytes(input) else {
                return ExitCode::from(2);
            };
            let Some(parsed) = source::workbook::read_fill_in(&bytes) else {
                eprintln!(
                    "错误：{} 不是预算填报表（没有“基本信息”“账目”工作表）；公开表工作簿请用 yusuan tables 读取",
                    input.display()
                );
                return ExitCode::from(2);
            };
            report_parsed(input, parsed, "")
        }
        other => {
            eprintln!(
                "错误：{}：只能转换预算源文件（.toml）和填报表（.xlsx），不能转换“{other}”",
                input.display()
            );
            return ExitCode::from(2);
        }
    };
    let Some(budget) = budget else {
        return ExitCode::from(2);
    };
    let bytes = match ext(output).as_str() {
        "xlsx" => match source::workbook::write(Some(&budget), budget.year) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("错误：{e}");
                return ExitCode::from(2);
            }
        },
        "toml" => source::write(&budget).into_bytes(),
        other => {
            eprintln!(
                "错误：{}：输出须为 .xlsx（填报表）或 .toml（源文件），不能是“{other}”",
                output.display()
            );
            return ExitCode::from(2);
        }
    };
    write_file(output, &bytes)
}
