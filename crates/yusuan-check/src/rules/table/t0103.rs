//! T0103 表1 一般公共预算拨款等于一般财力加上级转移支付

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::{RowSel, RowSum};
use yusuan_core::diag::Severity;
use yusuan_core::disclosure::Side;

/// T0103 表1 一般公共预算拨款等于一般财力加上级转移支付
pub static RULE: RowSum = RowSum {
    meta: RuleMeta {
        id: "T0103",
        family: Family::Table,
        template: Some(yusuan_core::derive::TEMPLATE_ID),
        severity: Severity::Error,
        title: "表1 一般公共预算拨款等于一般财力加上级转移支付",
        what: "表1：1.一般公共预算拨款 = 其中：一般财力 + 上级一般公共预算安排转移支付。",
        why: "合计数必须等于其组成部分之和（表内父项等于子项之和，合计等于各列之和）。各数单独四舍五入到 0.01 万元，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。",
        example: "参考例：475.74 = 475.74 + 0。",
        basis: "部门预算公开表样式（新疆部门预算 11 张表）；《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确。",
        fixture: Fixture {
            base: Base::ReferenceCsv,
            pass: &[],
            fail: &[(
                "1,,其中：一般财力,预算数,475.74",
                "1,,其中：一般财力,预算数,470.74",
            )],
        },
    },
    table: 1,
    side: Side::Income,
    whole: RowSel::Label("1.一般公共预算拨款"),
    parts: &["其中：一般财力", "上级一般公共预算安排转移支付"],
};
