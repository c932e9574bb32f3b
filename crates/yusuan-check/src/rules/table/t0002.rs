//! T0002 按编码：上级科目等于下级科目之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::CodeHierarchy;
use yusuan_core::diag::Severity;

/// T0002 按编码：上级科目等于下级科目之和
pub static RULE: CodeHierarchy = CodeHierarchy {
    meta: RuleMeta {
        id: "T0002",
        family: Family::Table,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "按编码：上级科目等于下级科目之和",
        what: "任何地区按含义识别、带科目编码的表，每一列：类 = 其下各款之和，款 = 其下各项之和（功能分类与经济分类）。编码重复出现时（分单位列示）分段检查。",
        why: "合计数必须等于其组成部分之和。各数单独四舍五入，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。本规则按表的种类和列的含义选表选列，适用于任何地区的版式；表中有未能归位的数字时不检查该表。",
        example: "款 20103 = 2010301 + 2010302 + 2010350 + 2010399。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[(
                "9013:11263:30101\t14945:18545:基本工资\t47910:51060:1027.39",
                "9013:11263:30101\t14945:18545:基本工资\t47910:51060:1037.39",
            )],
        },
    },
};
