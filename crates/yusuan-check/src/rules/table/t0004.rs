//! T0004 收支总表：收入总计等于支出总计

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::SidesBalance;
use yusuan_core::diag::Severity;

/// T0004 收支总表：收入总计等于支出总计
pub static RULE: SidesBalance = SidesBalance {
    meta: RuleMeta {
        id: "T0004",
        family: Family::Table,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "收支总表：收入总计等于支出总计",
        what: "任何地区按含义识别的两栏式表（收支总表、财政拨款收支总表）：收入栏的总计等于支出栏的总计，逐列对应。支出栏分几栏并列（按功能分类、按部门预算经济分类、按政府预算经济分类各列一遍，如陕西的部门综合预算收支总表）时，每一栏的支出总计都等于收入总计。",
        why: "合计数必须等于其组成部分之和。各数单独四舍五入，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。本规则按表的种类和列的含义选表选列，适用于任何地区的版式；表中有未能归位的数字时不检查该表。",
        example: "泉州市人民政府办公室 2026 收支总表：收入合计 15184.81 = 支出合计 15184.81。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[("45958:50640:15184.81", "45958:50640:15185.81")],
        },
    },
};
