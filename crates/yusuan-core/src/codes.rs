//! Classification codes as validated types.
//!
//! - [`FuncCode`] — 支出功能分类科目: 类 (3 digits) / 款 (2) / 项 (2), e.g. `2011350` 事业运行.
//! - [`EconCode`] — 部门预算支出经济分类科目: 类 (3) / 款 (2), e.g. `30101` 基本工资.
//!
//! Codes are written compactly (`2011350`) or with spaces as printed (`201 13 50`); both parse.
//! Whether a code exists is the catalogue's business ([`crate::catalog`]), not the type's.

use serde::{Serialize, Serializer};
use std::fmt;

/// The level of a classification code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Level {
    /// 类
    Class,
    /// 款
    Kuan,
    /// 项
    Xiang,
}

impl Level {
    /// 类 / 款 / 项
    pub fn label(self) -> &'static str {
        match self {
            Level::Class => "类",
            Level::Kuan => "款",
            Level::Xiang => "项",
        }
    }
}

/// Why a code could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Not digits, or a digit count that is no level of the classification.
    Malformed,
    /// The 类 is outside the range of this classification (功能分类 2xx, 经济分类 3xx).
    WrongClassRange,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Malformed => write!(f, "科目编码格式不对"),
            CodeError::WrongClassRange => write!(f, "类级编码不在该分类的范围内"),
        }
    }
}

fn digits_of(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let mut out = String::new();
    for c in t.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '\u{3000}' => {}
            _ => return None,
        }
    }
    Some(out)
}

/// 支出功能分类科目 — a functional classification code at 类, 款 or 项 level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuncCode {
    class: u16,
    kuan: Option<u8>,
    xiang: Option<u8>,
}

impl FuncCode {
    /// Parses `201`, `20113`, `2011350` or `201 13 50`.
    pub fn parse(text: &str) -> Result<FuncCode, CodeError> {
        let d = digits_of(text).ok_or(CodeError::Malformed)?;
        let class: u16 = d
            .get(0..3)
            .ok_or(CodeError::Malformed)?
            .parse()
            .map_err(|_| CodeError::Malformed)?;
        if !(200..300).contains(&class) {
            return Err(CodeError::WrongClassRange);
        }
        let two = |r: std::ops::Range<usize>| -> Result<u8, CodeError> {
            d.get(r)
                .ok_or(CodeError::Malformed)?
                .parse()
                .map_err(|_| CodeError::Malformed)
        };
        match d.len() {
            3 => Ok(FuncCode {
                class,
                kuan: None,
                xiang: None,
            }),
            5 => Ok(FuncCode {
                class,
                kuan: Some(two(3..5)?),
                xiang: None,
            }),
            7 => Ok(FuncCode {
                class,
                kuan: Some(two(3..5)?),
                xiang: Some(two(5..7)?),
            }),
            _ => Err(CodeError::Malformed),
        }
    }

    /// The level of this code.
    pub fn level(&self) -> Level {
        match (self.kuan, self.xiang) {
            (None, _) => Level::Class,
            (Some(_), None) => Level::Kuan,
            (Some(_), Some(_)) => Level::Xiang,
        }
    }

    /// The 类 this code belongs to (itself at 类 level).
    pub fn class(&self) -> FuncCode {
        FuncCode {
            class: self.class,
            kuan: None,
            xiang: None,
        }
    }

    /// The 款 this code belongs to; `None` for a 类.
    pub fn kuan(&self) -> Option<FuncCode> {
        self.kuan.map(|k| FuncCode {
            class: self.class,
            kuan: Some(k),
            xiang: None,
        })
    }

    /// The parent code: 项 → 款 → 类 → none.
    pub fn parent(&self) -> Option<FuncCode> {
        match self.level() {
            Level::Class => None,
            Level::Kuan => Some(self.class()),
            Level::Xiang => self.kuan(),
        }
    }

    /// The codes from 类 down to this one.
    pub fn ancestry(&self) -> Vec<FuncCode> {
        let mut v = vec![self.class()];
        if let Some(k) = self.kuan()
            && self.level() == Level::Xiang
        {
            v.push(k);
        }
        if self.level() != Level::Class {
            v.push(*self);
        }
        v
    }

    /// The last segment as printed (`201`, `13` or `50`).
    pub fn last_segment(&self) -> String {
        match (self.kuan, self.xiang) {
            (None, _) => format!("{:03}", self.class),
            (Some(k), None) => format!("{k:02}"),
            (Some(_), Some(x)) => format!("{x:02}"),
        }
    }

    /// The code written as the reference template prints it: `201 13 50`.
    pub fn spaced(&self) -> String {
        match (self.kuan, self.xiang) {
            (None, _) => format!("{:03}", self.class),
            (Some(k), None) => format!("{:03} {k:02}", self.class),
            (Some(k), Some(x)) => format!("{:03} {k:02} {x:02}", self.class),
        }
    }
}

impl fmt::Display for FuncCode {
    /// Compact form: `2011350`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.class)?;
        if let Some(k) = self.kuan {
            write!(f, "{k:02}")?;
        }
        if let Some(x) = self.xiang {
            write!(f, "{x:02}")?;
        }
        Ok(())
    }
}

impl Serialize for FuncCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// 部门预算支出经济分类科目 — an economic classification code at 类 or 款 level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EconCode {
    class: u16,
    kuan: Option<u8>,
}

impl EconCode {
    /// Parses `301`, `30101` or `301 01`.
    pub fn parse(text: &str) -> Result<EconCode, CodeError> {
        let d = digits_of(text).ok_or(CodeError::Malformed)?;
        let class: u16 = d
            .get(0..3)
            .ok_or(CodeError::Malformed)?
            .parse()
            .map_err(|_| CodeError::Malformed)?;
        if !(300..400).contains(&class) {
            return Err(CodeError::WrongClassRange);
        }
        match d.len() {
            3 => Ok(EconCode { class, kuan: None }),
            5 => Ok(EconCode {
                class,
                kuan: Some(d[3..5].parse().map_err(|_| CodeError::Malformed)?),
            }),
            _ => Err(CodeError::Malformed),
        }
    }

    /// Builds a 款 code from its parts, e.g. `(302, 17)`.
    pub fn kuan_of(class: u16, kuan: u8) -> EconCode {
        EconCode {
            class,
            kuan: Some(kuan),
        }
    }

    /// The level: 类 or 款.
    pub fn level(&self) -> Level {
        if self.kuan.is_some() {
            Level::Kuan
        } else {
            Level::Class
        }
    }

    /// The 类 this code belongs to.
    pub fn class(&self) -> EconCode {
        EconCode {
            class: self.class,
            kuan: None,
        }
    }

    /// The 类 number, e.g. `302`.
    pub fn class_number(&self) -> u16 {
        self.class
    }

    /// The code as the reference template prints it: `301 01`.
    pub fn spaced(&self) -> String {
        match self.kuan {
            None => format!("{:03}", self.class),
            Some(k) => format!("{:03} {k:02}", self.class),
        }
    }
}

impl fmt::Display for EconCode {
    /// Compact form: `30101`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.class)?;
        if let Some(k) = self.kuan {
            write!(f, "{k:02}")?;
        }
        Ok(())
    }
}

impl Serialize for EconCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functional_codes() {
        let c = FuncCode::parse("201 13 50").unwrap();
        assert_eq!(c.to_string(), "2011350");
        assert_eq!(c.spaced(), "201 13 50");
        assert_eq!(c.level(), Level::Xiang);
        assert_eq!(c.parent().unwrap().to_string(), "20113");
        assert_eq!(
            c.ancestry()
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>(),
            ["201", "20113", "2011350"]
        );
        assert_eq!(FuncCode::parse("201").unwrap().level(), Level::Class);
        assert_eq!(FuncCode::parse("2011"), Err(CodeError::Malformed));
        assert_eq!(FuncCode::parse("20a"), Err(CodeError::Malformed));
        assert_eq!(FuncCode::parse("30101"), Err(CodeError::WrongClassRange));
        assert!(FuncCode::parse("201").unwrap() < FuncCode::parse("20101").unwrap());
        assert!(FuncCode::parse("2010199").unwrap() < FuncCode::parse("20102").unwrap());
    }

    #[test]
    fn economic_codes() {
        let c = EconCode::parse("30217").unwrap();
        assert_eq!(c.spaced(), "302 17");
        assert_eq!(c.class().to_string(), "302");
        assert_eq!(EconCode::parse("3021"), Err(CodeError::Malformed));
        assert_eq!(EconCode::parse("2011350"), Err(CodeError::WrongClassRange));
        assert_eq!(EconCode::parse("201"), Err(CodeError::WrongClassRange));
    }
}
