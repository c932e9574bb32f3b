//! X1002 收支总表各类支出与支出总表一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ClassesAcross;
use yusuan_core::diag::Severity;

/// X1002 收支总表各类支出与支出总表一致
pub static RULE: ClassesAcross = ClassesAcross {
    meta: RuleMeta {
        id: "X1002",
        family: Family::Cross,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "收支总表各类支出与支出总表一致",
        what: "任何地区：收支总表支出栏按名称列出的每一功能分类“类”（一般公共服务支出……）= 支出总表中该类的合计（该类的行，未列类行时为其下最高一级各行之和）；收支总表列有金额而支出总表没有该类的行，也报告。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。本规则按表的种类、行的作用（合计、本年合计）和列的含义选取单元格，适用于任何地区的版式；一种表在文件中出现不止一张、或表中有未能归位的数字时不检查。",
        example: "泉州市人民政府办公室 2026：卫生健康支出 176.62 = 2101101 125.11 + 2101102 18.28 + 2101103 33.23。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开数据真实、准确、一致；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[("47910:50610:176.62", "47910:50610:186.62")],
        },
    },
    summary: "收支总表",
    detail: "支出总表",
    columns: &["合计"],
};
