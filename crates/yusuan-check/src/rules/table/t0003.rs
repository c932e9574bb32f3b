//! T0003 按编码：合计等于各最高级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::TotalOfTops;
use yusuan_core::diag::Severity;

/// T0003 按编码：合计等于各最高级科目之和
pub static RULE: TotalOfTops = TotalOfTops {
    meta: RuleMeta {
        id: "T0003",
        family: Family::Table,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "按编码：合计等于各最高级科目之和",
        what: "任何地区按含义识别、带科目编码的表，每一列：合计行 = 表中最高一级科目（通常为类）之和。只在该侧除合计外每一有数的行都有编码、且编码不重复时检查。",
        why: "合计数必须等于其组成部分之和。各数单独四舍五入，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。本规则按表的种类和列的含义选表选列，适用于任何地区的版式；表中有未能归位的数字时不检查该表。",
        example: "泉州市人民政府办公室 2026 支出总表：合计 15184.81 = 各项之和。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[(
                "16140:18540:合计\t35655:39476:15184.81",
                "16140:18540:合计\t35655:39476:15194.81",
            )],
        },
    },
};
