//! `yusuan render`: the whole document as PDF, HTML, DOCX, XLSX, Markdown or text.

use crate::*;

/// The PDF of `d` in the given (or the system's) fonts; warnings go to stderr.
pub(crate) fn render_pdf(
    d: &yusuan_core::disclosure::Disclosure,
    (font, heading): (Option<&Path>, Option<&Path>),
) -> Result<Vec<u8>, String> {
    let fonts = yusuan_formats::pdf::Fonts::locate(font, heading)?;
    let out = yusuan_formats::pdf::render(d, &fonts)?;
    for w in &out.warnings {
        eprintln!("警告：{w}");
    }
    Ok(out.bytes)
}

pub(crate) fn cmd_render(
    path: &Path,
    to: DocFormat,
    output: Option<&Path>,
    fonts: (Option<&Path>, Option<&Path>),
    rounding: RoundingArg,
) -> ExitCode {
    if !matches!(to, DocFormat::Pdf) && (fonts.0.is_some() || fonts.1.is_some()) {
        eprintln!("错误：--font、--heading-font 只用于 --to pdf");
        return ExitCode::from(2);
    }
    let Some(loaded) = load_document(path, rounding) else {
        return ExitCode::from(2);
    };
    let d = loaded.disclosure;
    let rendered = match to {
        DocFormat::Text => Ok(yusuan_formats::document::text(&d).into_bytes()),
        DocFormat::Md => Ok(yusuan_formats::document::markdown(&d).into_bytes()),
        DocFormat::Html => Ok(yusuan_formats::html::render(&d).into_bytes()),
        DocFormat::Docx => yusuan_formats::docx::render(&d),
        DocFormat::Xlsx => yusuan_formats::xlsx::render(&d),
        DocFormat::Pdf => render_pdf(&d, fonts),
    };
    let bytes = match rendered {
        Ok(b) => b,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(2);
        }
    };
    let Some(output) = output else {
        if matches!(to, DocFormat::Xlsx | DocFormat::Docx | DocFormat::Pdf)
            && std::io::IsTerminal::is_terminal(&std::io::stdout())
        {
            eprintln!(
                "错误：PDF、XLSX、DOCX 是二进制文件，请用 -o 指定输出文件，如 -o 预算公开.pdf"
            );
            return ExitCode::from(2);
        }
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
        return ExitCode::SUCCESS;
    };
    write_file(output, &bytes)
}
