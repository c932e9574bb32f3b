//! The classification catalogue (科目表): names of 支出功能分类 and 部门预算支出经济分类 codes,
//! versioned by year and compiled into the binary from `catalog/*.tsv`.
//!
//! The data files say where each part comes from and how complete it is. Lookups take the
//! budget year, so a code retired or renamed in one year reads correctly in another.

use crate::codes::{EconCode, FuncCode};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const FUNCTIONAL: &str = include_str!("../catalog/functional.tsv");
const ECONOMIC: &str = include_str!("../catalog/economic.tsv");

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    from: i32,
    to: Option<i32>,
    /// For a 款: every 项 under it is listed.
    complete: bool,
}

/// The latest year the compiled-in catalogue covers; used when a document's year is unknown.
pub const LATEST_YEAR: i32 = 2026;

/// Renamed 类 names still seen in documents: the old name, the code, the year the new name
/// took effect.
pub const OUTDATED_NAMES: [(&str, &str, i32); 3] = [
    ("医疗卫生与计划生育支出", "210", 2019),
    ("文化体育与传媒支出", "207", 2019),
    ("国土海洋气象等支出", "220", 2019),
];

/// The compiled-in catalogue for all years.
#[derive(Debug)]
pub struct Catalog {
    functional: BTreeMap<FuncCode, Vec<Entry>>,
    economic: BTreeMap<EconCode, Vec<Entry>>,
}

fn parse_rows<K: Ord>(text: &str, parse: impl Fn(&str) -> Option<K>) -> BTreeMap<K, Vec<Entry>> {
    let mut map: BTreeMap<K, Vec<Entry>> = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(code), Some(name), Some(from)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let (Some(code), Ok(from)) = (parse(code), from.trim().parse()) else {
            continue;
        };
        let to = cols.next().and_then(|t| t.trim().parse().ok());
        let complete = cols
            .next()
            .is_some_and(|f| f.split(',').any(|f| f.trim() == "complete"));
        map.entry(code).or_default().push(Entry {
            name: name.trim().to_string(),
            from,
            to,
            complete,
        });
    }
    map
}

fn entry(entries: Option<&Vec<Entry>>, year: i32) -> Option<&Entry> {
    entries?
        .iter()
        .find(|e| e.from <= year && e.to.is_none_or(|t| year <= t))
}

fn pick(entries: Option<&Vec<Entry>>, year: i32) -> Option<&str> {
    entry(entries, year).map(|e| e.name.as_str())
}

impl Catalog {
    /// The catalogue compiled into this build.
    pub fn get() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog {
            functional: parse_rows(FUNCTIONAL, |c| FuncCode::parse(c).ok()),
            economic: parse_rows(ECONOMIC, |c| EconCode::parse(c).ok()),
        })
    }

    /// The name of a functional code in force in `year`, if the catalogue knows it.
    pub fn functional_name(&self, code: FuncCode, year: i32) -> Option<&str> {
        pick(self.functional.get(&code), year)
    }

    /// Whether the catalogue lists every 项 of this functional 款 in `year` (so an unknown 项
    /// under it is certainly wrong, not merely missing from our list).
    pub fn functional_kuan_complete(&self, kuan: FuncCode, year: i32) -> bool {
        entry(self.functional.get(&kuan), year).is_some_and(|e| e.complete)
    }

    /// The name of an economic code in force in `year`, if the catalogue knows it.
    pub fn economic_name(&self, code: EconCode, year: i32) -> Option<&str> {
        pick(self.economic.get(&code), year)
    }

    /// The functional 类 of this name in any year the catalogue covers, or of a name it has
    /// since been given up for ([`OUTDATED_NAMES`]: 医疗卫生与计划生育支出 → 210).
    pub fn functional_class_named(&self, name: &str) -> Option<FuncCode> {
        self.functional
            .iter()
            .filter(|(c, _)| c.level() == crate::codes::Level::Class)
            .find(|(_, entries)| entries.iter().any(|e| e.name == name))
            .map(|(c, _)| *c)
            .or_else(|| {
                OUTDATED_NAMES
                    .iter()
                    .find(|(old, _, _)| *old == name)
                    .and_then(|(_, code, _)| FuncCode::parse(code).ok())
            })
    }

    /// Every functional 类 in force in `year`, in code order (the rows tables 1 and 4 print).
    pub fn functional_classes(&self, year: i32) -> Vec<(FuncCode, &str)> {
        self.functional
            .iter()
            .filter(|(c, _)| c.level() == crate::codes::Level::Class)
            .filter_map(|(c, e)| pick(Some(e), year).map(|n| (*c, n)))
            .collect()
    }

    /// Every functional 项 in force in `year`, in code order (what a ledger fact may name).
    pub fn functional_items(&self, year: i32) -> Vec<(FuncCode, &str)> {
        self.functional
            .iter()
            .filter(|(c, _)| c.level() == crate::codes::Level::Xiang)
            .filter_map(|(c, e)| pick(Some(e), year).map(|n| (*c, n)))
            .collect()
    }

    /// Every economic 款 in force in `year`, in code order (what a ledger fact may name).
    pub fn economic_kuans(&self, year: i32) -> Vec<(EconCode, &str)> {
        self.economic
            .iter()
            .filter(|(c, _)| c.level() == crate::codes::Level::Kuan)
            .filter_map(|(c, e)| pick(Some(e), year).map(|n| (*c, n)))
            .collect()
    }

    /// Every economic 类 in force in `year`, in code order.
    pub fn economic_classes(&self, year: i32) -> Vec<(EconCode, &str)> {
        self.economic
            .iter()
            .filter(|(c, _)| c.level() == crate::codes::Level::Class)
            .filter_map(|(c, e)| pick(Some(e), year).map(|n| (*c, n)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_names_by_year() {
        let c = Catalog::get();
        assert_eq!(
            c.functional_name(FuncCode::parse("2011350").unwrap(), 2025),
            Some("事业运行")
        );
        assert_eq!(
            c.functional_name(FuncCode::parse("210").unwrap(), 2025),
            Some("卫生健康支出")
        );
        assert_eq!(
            c.economic_name(EconCode::parse("30217").unwrap(), 2025),
            Some("公务接待费")
        );
        assert_eq!(c.functional_classes(2025).len(), 29);
        assert_eq!(c.economic_classes(2025).len(), 10);
        assert!(c.functional_kuan_complete(FuncCode::parse("21011").unwrap(), 2025));
        assert!(!c.functional_kuan_complete(FuncCode::parse("20101").unwrap(), 2025));
    }
}
