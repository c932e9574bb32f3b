//! T0001 按列含义：合计等于各组成列之和

use crate::engine::{Base, Family, Fixture, RuleMeta};
use crate::kinds::ColumnIdentities;
use crate::kinds::KeyIdentity;
use yusuan_core::diag::Severity;

/// T0001 按列含义：合计等于各组成列之和
pub static RULE: ColumnIdentities = ColumnIdentities {
    meta: RuleMeta {
        id: "T0001",
        family: Family::Table,
        template: Some(yusuan_core::template::GENERIC_ID),
        severity: Severity::Error,
        title: "按列含义：合计等于各组成列之和",
        what: "任何地区按含义识别的表，每一行：合计 = 基本支出 + 项目支出 (+ 经营、上缴、对附属)；基本支出 = 人员经费 + 公用经费；财政拨款合计 = 一般公共预算 + 政府性基金 + 国有资本经营；收入合计 = 各来源之和；三公合计 = 出国 + 接待 + 公务用车，公务用车 = 购置 + 运行。只在该侧每一列的含义都已知时检查。",
        why: "合计数必须等于其组成部分之和。各数单独四舍五入，故允许的差异由各数的区间决定：区间能解释的差异报为“尾差”提示，不能解释的才是错误。本规则按表的种类和列的含义选表选列，适用于任何地区的版式；表中有未能归位的数字时不检查该表。",
        example: "泉州市人民政府办公室 2026 支出总表「201 03 01 行政运行」：合计 3452.35 = 基本支出 3452.35 + 项目支出 0.00。",
        basis: "《地方预决算公开操作规程》（财预〔2016〕143号）要求公开的预算表格完整、准确；表的种类与列的含义按 yusuan-import/vocab 的词表识别。",
        fixture: Fixture {
            base: Base::GenericPdf,
            pass: &[],
            fail: &[(
                "15\t4278:7428:2010301\t10060:13660:行政运行\t36333:39483:3452.35",
                "15\t4278:7428:2010301\t10060:13660:行政运行\t36333:39483:3542.35",
            )],
        },
    },
    identities: IDENTITIES,
};

/// 列间恒等式 — the identities between a table's columns, by key (`yusuan-import/vocab/columns.toml`).
///
/// An identity holds on a side of a table only when the side prints `whole`, every key of
/// `requires` and at least two parts, and every other column there is `covered` or below one of
/// them: a column the identity does not know might be one of its parts.
pub static IDENTITIES: &[KeyIdentity] = &[
    // 合计 = 基本支出 + 项目支出 (+ 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出)
    KeyIdentity {
        whole: "合计",
        parts: &[
            "基本支出",
            "项目支出",
            "事业单位经营支出",
            "上缴上级支出",
            "对附属单位补助支出",
        ],
        requires: &[],
        covered: &["人员经费", "公用经费"],
    },
    // 基本支出 = 人员经费 + 公用经费
    KeyIdentity {
        whole: "基本支出",
        parts: &["人员经费", "公用经费"],
        requires: &[],
        covered: &[
            "合计",
            "项目支出",
            "事业单位经营支出",
            "上缴上级支出",
            "对附属单位补助支出",
        ],
    },
    // A 基本支出 table printing only 人员经费 and 公用经费 beside its 合计.
    KeyIdentity {
        whole: "合计",
        parts: &["人员经费", "公用经费"],
        requires: &[],
        covered: &[],
    },
    // 财政拨款合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算
    KeyIdentity {
        whole: "财政拨款/合计",
        parts: &["一般公共预算", "政府性基金预算", "国有资本经营预算"],
        requires: &[],
        covered: &[
            "合计",
            "财政专户",
            "教育收费",
            "单位资金",
            "事业收入",
            "事业单位经营收入",
            "上级补助收入",
            "附属单位上缴收入",
            "其他收入",
            "上年结转",
            "财政专户/合计",
            "单位资金/合计",
            "非财政拨款结余",
            "上年结转/合计",
        ],
    },
    // 收入合计 = 财政拨款合计 + the other sources, when the table prints 财政拨款's own total.
    KeyIdentity {
        whole: "合计",
        parts: &[
            "财政拨款/合计",
            "财政专户",
            "财政专户/合计",
            "单位资金",
            "单位资金/合计",
            "事业收入",
            "事业单位经营收入",
            "上级补助收入",
            "附属单位上缴收入",
            "其他收入",
            "上年结转",
            "上年结转/合计",
            "非财政拨款结余",
        ],
        requires: &["财政拨款/合计"],
        covered: &[
            "一般公共预算",
            "政府性基金预算",
            "国有资本经营预算",
            "教育收费",
        ],
    },
    // 收入合计 = each source, when 财政拨款 is printed as its three budgets only.
    KeyIdentity {
        whole: "合计",
        parts: &[
            "一般公共预算",
            "政府性基金预算",
            "国有资本经营预算",
            "财政专户",
            "单位资金",
            "事业收入",
            "事业单位经营收入",
            "上级补助收入",
            "附属单位上缴收入",
            "其他收入",
            "上年结转",
            "非财政拨款结余",
        ],
        requires: &[],
        covered: &[],
    },
    // 三公经费合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费
    KeyIdentity {
        whole: "合计",
        parts: &["因公出国（境）费", "公务接待费", "公务用车购置及运行费"],
        requires: &[],
        covered: &["公务用车购置费", "公务用车运行费"],
    },
    // 公务用车购置及运行费 = 购置费 + 运行费
    KeyIdentity {
        whole: "公务用车购置及运行费",
        parts: &["公务用车购置费", "公务用车运行费"],
        requires: &[],
        covered: &["合计", "因公出国（境）费", "公务接待费"],
    },
];
