//! X1001 收支总表本年支出合计与支出总表合计一致

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{KindEqual, KindRow, KindSel};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// X1001 收支总表本年支出合计与支出总表合计一致
pub static RULE: KindEqual = KindEqual {
    meta: RuleMeta {
        id: "X1001",
        family: Family::Cross,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "收支总表本年支出合计与支出总表合计一致",
        what: "任何地区：收支总表支出栏“本年支出合计”= 支出总表合计行“合计”列。",
        why: "同一数额在不同表中出现，应完全相同（表间勾稽）。两处都是同一真值四舍五入的结果，不存在尾差；任何差异都是错误。本规则按表的种类、行的作用（合计、本年合计）和列的含义选取单元格，适用于任何地区的版式；一种表在文件中出现不止一张、或表中有未能归位的数字时不检查。",
        example: "泉州市人民政府办公室 2026：15184.81 = 15184.81。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开数据真实、准确、一致；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[(
                "30790:36190:本年支出合计\t47010:50610:15184.81",
                "30790:36190:本年支出合计\t47010:50610:15185.81",
            )],
        },
    },
    a: KindSel {
        kind: "收支总表",
        side: Side::Expenditure,
        row: KindRow::YearTotal,
        columns: &["预算数", "合计"],
        sole_column: true,
    },
    b: KindSel {
        kind: "支出总表",
        side: Side::Single,
        row: KindRow::Total,
        columns: &["合计"],
        sole_column: false,
    },
};
