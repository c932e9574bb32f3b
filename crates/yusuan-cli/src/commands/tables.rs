//! `yusuan tables`: the standard tables of any input.

use crate::*;

pub(crate) fn cmd_tables(path: &Path, format: Format, rounding: RoundingArg) -> ExitCode {
    let Some(loaded) = load_document(path, rounding) else {
        return ExitCode::from(2);
    };
    let d = loaded.disclosure;
    let out = match format {
        Format::Text => tables::text::render(&d),
        Format::Md => tables::markdown::render(&d),
        Format::Csv => tables::csv::render(&d),
        Format::Json => tables::json::render(&d),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        // A closed pipe (e.g. `| head`) is not an error worth reporting.
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
