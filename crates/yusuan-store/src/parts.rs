//! 分册文件 — a document published as several files (Beijing's 附件1 情况说明 and 附件2 报表): which
//! files of a batch belong together, by their names, and how they are kept as one document —
//! their bytes in order in one container, so the store keys, reads again and draws the
//! document like any other.
//!
//! The container: the line `yusuan-parts 1`, then per part its length in bytes on a line of
//! its own and its bytes. It holds no file name, so renaming the files keeps the hash.

use std::path::{Path, PathBuf};

const MAGIC: &[u8] = b"yusuan-parts 1\n";

/// Most parts a container holds.
const MAX_PARTS: usize = 8;

/// The parts' bytes in one container.
pub fn pack(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for p in parts {
        out.extend_from_slice(format!("{}\n", p.len()).as_bytes());
        out.extend_from_slice(p);
    }
    out
}

/// The parts of a container, in order; `None` when the bytes are not one (any other file, or
/// a container cut short).
pub fn unpack(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut parts = Vec::new();
    while !rest.is_empty() {
        if parts.len() == MAX_PARTS {
            return None;
        }
        let nl = rest.iter().take(21).position(|&b| b == b'\n')?;
        let len: usize = std::str::from_utf8(&rest[..nl]).ok()?.parse().ok()?;
        let body = &rest[nl + 1..];
        if body.len() < len {
            return None;
        }
        parts.push(&body[..len]);
        rest = &body[len..];
    }
    (parts.len() >= 2).then_some(parts)
}

/// The name a document of several files is stored and shown under: theirs, joined by ` + `.
pub fn joined_name(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A file name's part marker and what is left without it: `附件1：…情况说明`, `附件2：…报表`,
/// `…_part1`, `…（第一部分）`. `None` for a name that marks no part.
fn marked(path: &Path) -> Option<(u32, String)> {
    let stem = path.file_stem()?.to_str()?;
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let mut s = stem.to_string();
    let mut number = None;
    // `附件1：`, `附件 2_`: the attachment's number.
    if let Some(at) = s.find("附件") {
        let after = &s[at + "附件".len()..];
        let digits: String = after
            .chars()
            .skip_while(|c| c.is_whitespace())
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse::<u32>() {
            let skip = after.find(&digits).map_or(0, |i| i + digits.len());
            let tail = after[skip..].trim_start_matches([' ', '：', ':', '_', '-', '、']);
            s = format!("{}{tail}", &s[..at]);
            number = Some(n);
        }
    }
    // `_part1`, `-part2`, `part 1`.
    let lower = s.to_ascii_lowercase();
    if number.is_none()
        && let Some(at) = lower.rfind("part")
    {
        let digits: String = lower[at + 4..]
            .chars()
            .skip_while(|c| c.is_whitespace())
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse::<u32>() {
            let end = lower[at + 4..]
                .find(&digits)
                .map_or(at + 4, |i| at + 4 + i + digits.len());
            s = format!("{}{}", s[..at].trim_end_matches(['_', '-', ' ']), &s[end..]);
            number = Some(n);
        }
    }
    // `（第一部分）`, `第二部分`.
    if number.is_none() {
        for (n, word) in [(1, "第一部分"), (2, "第二部分"), (3, "第三部分")] {
            if let Some(at) = s.find(word) {
                s = format!("{}{}", &s[..at], &s[at + word.len()..]);
                s = s.replace("（）", "").replace("()", "");
                number = Some(n);
                break;
            }
        }
    }
    let n = number?;
    // What each part is called after the common name: 情况说明, 报表, 公开表…
    for tail in ["情况说明", "说明", "报表", "公开表", "表格", "表"] {
        if let Some(t) = s.strip_suffix(tail) {
            s = t.to_string();
            break;
        }
    }
    let s: String = s.trim_end_matches(['_', '-', ' ', '：', ':']).to_string();
    Some((n, format!("{s}.{ext}")))
}

/// The part number a file name marks (`附件2：…报表.pdf` → 2), if it marks one.
pub fn part_number(name: &str) -> Option<u32> {
    marked(Path::new(name)).map(|(n, _)| n)
}

/// The files of a batch grouped into documents: files in one directory whose names differ only
/// by their part marker (附件1/附件2, part1/part2, 第一部分/第二部分, and what each part is called:
/// 情况说明, 报表…) are one document, its parts in their numbers' order; every other file is a
/// document of its own. Groups keep the order of their first file.
pub fn group(files: &[PathBuf]) -> Vec<Vec<PathBuf>> {
    let keys: Vec<Option<(PathBuf, String, u32)>> = files
        .iter()
        .map(|f| {
            let (n, rest) = marked(f)?;
            Some((
                f.parent().map(Path::to_path_buf).unwrap_or_default(),
                rest,
                n,
            ))
        })
        .collect();
    let mut out: Vec<Vec<PathBuf>> = Vec::new();
    let mut taken = vec![false; files.len()];
    for i in 0..files.len() {
        if taken[i] {
            continue;
        }
        taken[i] = true;
        let Some((dir, rest, _)) = &keys[i] else {
            out.push(vec![files[i].clone()]);
            continue;
        };
        let mut members: Vec<(u32, usize)> = vec![(keys[i].as_ref().map_or(0, |k| k.2), i)];
        for j in i + 1..files.len() {
            if let Some((d, r, n)) = &keys[j]
                && !taken[j]
                && d == dir
                && r == rest
                && !members.iter().any(|(m, _)| m == n)
                && members.len() < MAX_PARTS
            {
                taken[j] = true;
                members.push((*n, j));
            }
        }
        members.sort_unstable();
        out.push(members.into_iter().map(|(_, k)| files[k].clone()).collect());
    }
    out
}

/// The part that holds page `n` (1-based, numbered on from part to part) of a container of
/// PDFs, and the page's number within it.
pub fn page_of(bytes: &[u8], n: usize) -> Option<(&[u8], usize)> {
    let mut first = 1usize;
    for part in unpack(bytes)? {
        let count = yusuan_import::pdf::page_count(part)?;
        if n < first + count {
            return Some((part, n.checked_sub(first)? + 1));
        }
        first += count;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_container_gives_back_its_parts_and_nothing_else_is_one() {
        let packed = pack(&[b"%PDF-a", b"%PDF-bb"]);
        assert_eq!(
            unpack(&packed),
            Some(vec![b"%PDF-a".as_slice(), b"%PDF-bb".as_slice()])
        );
        assert_eq!(unpack(b"%PDF-1.7 ..."), None);
        // Cut short, or one part only: not a document of parts.
        assert_eq!(unpack(&packed[..packed.len() - 1]), None);
        assert_eq!(unpack(&pack(&[b"x"])), None);
        assert_eq!(unpack(b"yusuan-parts 1\n99999999999999999999999\n"), None);
    }

    #[test]
    fn a_page_is_found_in_the_file_that_holds_it() {
        let part = |n: u8| {
            std::fs::read(format!(
                "{}/../yusuan-import/tests/corpus/other/beijing_beijing_shenjiju_2026_dept_budget_part{n}.pdf",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        let (a, b) = (part(1), part(2));
        let packed = pack(&[&a, &b]);
        // Part 1 has 10 pages, part 2 21.
        assert_eq!(
            page_of(&packed, 10).map(|(p, k)| (p.len(), k)),
            Some((a.len(), 10))
        );
        assert_eq!(
            page_of(&packed, 12).map(|(p, k)| (p.len(), k)),
            Some((b.len(), 2))
        );
        assert_eq!(
            page_of(&packed, 31).map(|(p, k)| (p.len(), k)),
            Some((b.len(), 21))
        );
        assert_eq!(page_of(&packed, 32), None);
        assert_eq!(page_of(&packed, 0), None);
        assert_eq!(page_of(&a, 1), None, "a single PDF is no container");
    }

    #[test]
    fn files_that_differ_by_their_part_marker_are_one_document() {
        let p = |s: &str| PathBuf::from(s);
        let files = vec![
            p("北京/审计局_附件2：北京市审计局2026年度部门预算报表.pdf"),
            p("北京/其他.pdf"),
            p("北京/审计局_附件1：北京市审计局2026年度部门预算情况说明.pdf"),
            p("c/x_part1.pdf"),
            p("c/x_part2.pdf"),
            // Another directory, another extension: not the same document.
            p("d/x_part2.pdf"),
            p("c/x_part3.txt"),
            p("e/某局（第一部分）.pdf"),
            p("e/某局（第二部分）.pdf"),
        ];
        let groups = group(&files);
        assert_eq!(
            groups,
            vec![
                vec![
                    p("北京/审计局_附件1：北京市审计局2026年度部门预算情况说明.pdf"),
                    p("北京/审计局_附件2：北京市审计局2026年度部门预算报表.pdf"),
                ],
                vec![p("北京/其他.pdf")],
                vec![p("c/x_part1.pdf"), p("c/x_part2.pdf")],
                vec![p("d/x_part2.pdf")],
                vec![p("c/x_part3.txt")],
                vec![p("e/某局（第一部分）.pdf"), p("e/某局（第二部分）.pdf")],
            ]
        );
    }
}
