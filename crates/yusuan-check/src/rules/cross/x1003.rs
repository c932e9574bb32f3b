//! X1003 一般公共预算支出表基本支出与一般公共预算基本支出表合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{KindEqual, KindRow, KindSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X1003 一般公共预算支出表基本支出与一般公共预算基本支出表合计一致
pub static RULE: KindEqual = KindEqual {
    meta: RuleMeta {
        id: "X1003",
        family: Family::Cross,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "一般公共预算支出表基本支出与一般公共预算基本支出表合计一致",
        what: "任何地区：一般公共预算支出表合计行“基本支出”列 = 一般公共预算基本支出表合计行“合计”（或“预算数”）列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。本规则按表的种类、行的作用（合计、本年合计）和列的含义选取单元格，适用于任何地区的版式；一种表在文件中出现不止一张、或表中有未能归位的数字时不检查。",
        example: "泉州市人民政府办公室 2026：5915.38 = 5915.38。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开数据真实、准确、一致；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[(
                "24555:26960:合计\t47685:51056:5915.38",
                "24555:26960:合计\t47685:51056:5925.38",
            )],
        },
    },
    a: KindSel {
        kind: "一般公共预算支出表",
        side: Side::Single,
        row: KindRow::Total,
        columns: &["基本支出"],
        sole_column: false,
    },
    b: KindSel {
        kind: "一般公共预算基本支出表",
        side: Side::Single,
        row: KindRow::Total,
        columns: &["合计", "预算数"],
        sole_column: true,
    },
};
