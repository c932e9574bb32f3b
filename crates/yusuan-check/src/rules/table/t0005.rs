//! T0005 收支总表：本年合计等于所列各项之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::SideItems;
use yusuan_core::diag::Severity;

/// T0005 收支总表：本年合计等于所列各项之和
pub static RULE: SideItems = SideItems {
    meta: RuleMeta {
        id: "T0005",
        family: Family::Table,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "收支总表：本年合计等于所列各项之和",
        what: "任何地区按含义识别的两栏式表，每一栏：本年收入合计（本年支出合计）= 其上以“一、二、……”编号的各项之和；总计 = 本年合计 + 其后所列各行（上年结转、结转下年等）。",
        why: "合计数必须等于其组成部分之和。各数单独四舍五入，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。本规则按表的种类和列的含义选表选列，适用于任何地区的版式；表中有未能归位的数字时不检查该表。",
        example: "泉州市人民政府办公室 2026 收支总表：本年收入合计 15184.81 = 10984.81 + 4200.00；收入合计 = 15184.81 + 0.00。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[(
                "9013:14413:九、其他收入\t26583:29733:4200.00",
                "9013:14413:九、其他收入\t26583:29733:4210.00",
            )],
        },
    },
};
