//! The Budget: what a department prepares — a ledger of allocation facts plus its profile,
//! projects, procurement, assets, last year's figures and the reasons for changes.
//!
//! Amounts are exact ([`Fen`]). Every record keeps the [`SourceRef`] it was read from.

use crate::codes::{EconCode, FuncCode};
use crate::money::Fen;
use crate::source::SourceRef;
use serde::Serialize;
use std::collections::BTreeMap;

/// 字段位置 — where each field of a record was written (field key → place), so a finding
/// about one field points at that field, not at the whole record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldSpans(pub BTreeMap<String, SourceRef>);

impl FieldSpans {
    /// The place of `key`, if recorded.
    pub fn get(&self, key: &str) -> Option<&SourceRef> {
        self.0.get(key)
    }

    /// The place of `key`, or `fallback` when it was not written.
    pub fn or<'a>(&'a self, key: &str, fallback: &'a SourceRef) -> &'a SourceRef {
        self.0.get(key).unwrap_or(fallback)
    }
}

/// 资金来源 — where the money of a fact comes from, at the finest level the tables show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FundSource {
    /// 一般公共预算（本级财力，表1“其中：一般财力”）
    GeneralBudget,
    /// 上级一般公共预算安排的转移支付
    GeneralBudgetTransfer,
    /// 政府性基金预算（本级政府性基金收入）
    GovFund,
    /// 上级政府性基金安排的转移支付
    GovFundTransfer,
    /// 国有资本经营预算（本级国有资本经营收入）
    StateCapital,
    /// 上级国有资本经营预算安排的转移支付
    StateCapitalTransfer,
    /// 财政专户管理资金（财政专户核拨，主要是教育收费）
    SpecialAccount,
    /// 单位资金：事业收入
    UnitServiceIncome,
    /// 单位资金：上级补助收入
    UnitSuperiorSubsidy,
    /// 单位资金：附属单位上缴收入
    UnitSubordinateRemit,
    /// 单位资金：事业单位经营收入
    UnitOperatingIncome,
    /// 单位资金：其他收入
    UnitOtherIncome,
    /// 上年结转：财政拨款结转（一般公共预算）
    CarryGeneralBudget,
    /// 上年结转：财政拨款结转（政府性基金预算）
    CarryGovFund,
    /// 上年结转：财政拨款结转（国有资本经营预算）
    CarryStateCapital,
    /// 上年结转：非财政拨款结转结余（财政专户管理资金）
    CarryNonFiscalSpecial,
    /// 上年结转：非财政拨款结转结余（单位资金）
    CarryNonFiscalUnit,
}

/// 财政拨款三本预算 — the three fiscal budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum FiscalBudget {
    /// 一般公共预算
    General,
    /// 政府性基金预算
    GovFund,
    /// 国有资本经营预算
    StateCapital,
}

impl FiscalBudget {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            FiscalBudget::General => "一般公共预算",
            FiscalBudget::GovFund => "政府性基金预算",
            FiscalBudget::StateCapital => "国有资本经营预算",
        }
    }
}

impl FundSource {
    /// Every fund source, in the order the tables list them.
    pub const ALL: [FundSource; 17] = [
        FundSource::GeneralBudget,
        FundSource::GeneralBudgetTransfer,
        FundSource::GovFund,
        FundSource::GovFundTransfer,
        FundSource::StateCapital,
        FundSource::StateCapitalTransfer,
        FundSource::SpecialAccount,
        FundSource::UnitServiceIncome,
        FundSource::UnitSuperiorSubsidy,
        FundSource::UnitSubordinateRemit,
        FundSource::UnitOperatingIncome,
        FundSource::UnitOtherIncome,
        FundSource::CarryGeneralBudget,
        FundSource::CarryGovFund,
        FundSource::CarryStateCapital,
        FundSource::CarryNonFiscalSpecial,
        FundSource::CarryNonFiscalUnit,
    ];

    /// The canonical Chinese name, as written in a budget source file.
    pub fn label(self) -> &'static str {
        match self {
            FundSource::GeneralBudget => "一般公共预算",
            FundSource::GeneralBudgetTransfer => "上级一般公共预算转移支付",
            FundSource::GovFund => "政府性基金预算",
            FundSource::GovFundTransfer => "上级政府性基金转移支付",
            FundSource::StateCapital => "国有资本经营预算",
            FundSource::StateCapitalTransfer => "上级国有资本经营预算转移支付",
            FundSource::SpecialAccount => "财政专户管理资金",
            FundSource::UnitServiceIncome => "事业收入",
            FundSource::UnitSuperiorSubsidy => "上级补助收入",
            FundSource::UnitSubordinateRemit => "附属单位上缴收入",
            FundSource::UnitOperatingIncome => "事业单位经营收入",
            FundSource::UnitOtherIncome => "其他收入",
            FundSource::CarryGeneralBudget => "财政拨款结转（一般公共预算）",
            FundSource::CarryGovFund => "财政拨款结转（政府性基金预算）",
            FundSource::CarryStateCapital => "财政拨款结转（国有资本经营预算）",
            FundSource::CarryNonFiscalSpecial => "非财政拨款结转结余（财政专户管理资金）",
            FundSource::CarryNonFiscalUnit => "非财政拨款结转结余（单位资金）",
        }
    }

    /// Reads a fund source name: the canonical label or a common synonym.
    pub fn from_label(s: &str) -> Option<FundSource> {
        let t: String = s.trim().replace('(', "（").replace(')', "）");
        let f = match t.as_str() {
            "一般公共预算" | "一般公共预算拨款" | "一般财力" => {
                FundSource::GeneralBudget
            }
            "上级一般公共预算转移支付"
            | "上级一般公共预算安排的转移支付"
            | "上级一般公共预算安排转移支付" => FundSource::GeneralBudgetTransfer,
            "政府性基金预算" | "政府性基金" | "政府性基金收入" | "政府性基金预算拨款" => {
                FundSource::GovFund
            }
            "上级政府性基金转移支付"
            | "上级政府性基金安排的转移支付"
            | "上级政府性基金安排转移支付" => FundSource::GovFundTransfer,
            "国有资本经营预算" | "国有资本经营收入" | "国有资本经营预算拨款" => {
                FundSource::StateCapital
            }
            "上级国有资本经营预算转移支付"
            | "上级国有资本经营预算安排的转移支付"
            | "上级国有资本经营预算安排转移支付" => {
                FundSource::StateCapitalTransfer
            }
            "财政专户管理资金" | "财政专户核拨" | "财政专户" => {
                FundSource::SpecialAccount
            }
            "事业收入" => FundSource::UnitServiceIncome,
            "上级补助收入" => FundSource::UnitSuperiorSubsidy,
            "附属单位上缴收入" => FundSource::UnitSubordinateRemit,
            "事业单位经营收入" | "经营收入" => FundSource::UnitOperatingIncome,
            "其他收入" => FundSource::UnitOtherIncome,
            "财政拨款结转（一般公共预算）" | "财政拨款结转（一般公共预算拨款）" => {
                FundSource::CarryGeneralBudget
            }
            "财政拨款结转（政府性基金预算）" | "财政拨款结转（政府性基金预算拨款）" => {
                FundSource::CarryGovFund
            }
            "财政拨款结转（国有资本经营预算）" | "财政拨款结转（国有资本经营预算拨款）" => {
                FundSource::CarryStateCapital
            }
            "非财政拨款结转结余（财政专户管理资金）" | "非财政拨款结转结余（财政专户核拨）" => {
                FundSource::CarryNonFiscalSpecial
            }
            "非财政拨款结转结余（单位资金）" => FundSource::CarryNonFiscalUnit,
            _ => return None,
        };
        Some(f)
    }

    /// The fiscal budget this source belongs to, for current-year 财政拨款 only.
    pub fn current_fiscal(self) -> Option<FiscalBudget> {
        match self {
            FundSource::GeneralBudget | FundSource::GeneralBudgetTransfer => {
                Some(FiscalBudget::General)
            }
            FundSource::GovFund | FundSource::GovFundTransfer => Some(FiscalBudget::GovFund),
            FundSource::StateCapital | FundSource::StateCapitalTransfer => {
                Some(FiscalBudget::StateCapital)
            }
            _ => None,
        }
    }

    /// 财政拨款结转 of a fiscal budget.
    pub fn carried_fiscal(self) -> Option<FiscalBudget> {
        match self {
            FundSource::CarryGeneralBudget => Some(FiscalBudget::General),
            FundSource::CarryGovFund => Some(FiscalBudget::GovFund),
            FundSource::CarryStateCapital => Some(FiscalBudget::StateCapital),
            _ => None,
        }
    }

    /// 单位资金 (this year's own income of the unit).
    pub fn is_unit_funds(self) -> bool {
        matches!(
            self,
            FundSource::UnitServiceIncome
                | FundSource::UnitSuperiorSubsidy
                | FundSource::UnitSubordinateRemit
                | FundSource::UnitOperatingIncome
                | FundSource::UnitOtherIncome
        )
    }

    /// 上年结转结余 of any kind.
    pub fn is_carry_over(self) -> bool {
        self.carried_fiscal().is_some() || self.is_non_fiscal_carry_over()
    }

    /// 非财政拨款结转结余.
    pub fn is_non_fiscal_carry_over(self) -> bool {
        matches!(
            self,
            FundSource::CarryNonFiscalSpecial | FundSource::CarryNonFiscalUnit
        )
    }

    /// 财政拨款 — current-year fiscal appropriation or fiscal carry-over.
    pub fn is_fiscal(self) -> bool {
        self.current_fiscal().is_some() || self.carried_fiscal().is_some()
    }
}

/// 支出性质 — what a fact pays for: 基本支出 (人员经费 / 公用经费) or a named 项目.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Use {
    /// 基本支出 — 人员经费
    Personnel,
    /// 基本支出 — 公用经费
    Public,
    /// 项目支出, naming the project (index into [`Budget::projects`]).
    Project(usize),
}

impl Use {
    /// 基本支出.
    pub fn is_basic(&self) -> bool {
        matches!(self, Use::Personnel | Use::Public)
    }
}

/// 预算账目 — one allocation fact: so much of a fund goes to a functional 项 and economic 款,
/// as 人员经费, 公用经费 or a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// 支出功能分类科目 at 项 level.
    pub func: FuncCode,
    /// 部门预算支出经济分类科目 at 款 level.
    pub econ: EconCode,
    /// 资金来源
    pub fund: FundSource,
    /// 基本支出（人员/公用）or 项目
    pub use_: Use,
    /// 金额
    pub amount: Fen,
    /// The budget unit (单位) the basic spending belongs to, when not the department itself;
    /// a project's facts belong to the project's unit.
    pub unit: Option<String>,
    /// Where the fact was written.
    pub source: SourceRef,
}

/// 文档类型 — whether the disclosure is a 部门预算 (department, consolidating its units) or a
/// 单位预算 (a single unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DocKind {
    /// 部门预算
    Department,
    /// 单位预算
    Unit,
}

impl DocKind {
    /// 部门 or 单位.
    pub fn word(self) -> &'static str {
        match self {
            DocKind::Department => "部门",
            DocKind::Unit => "单位",
        }
    }
}

/// 人员情况 — staff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Staff {
    /// 编制数
    pub authorized: u32,
    /// 实有人数 as stated (should equal 在职 + 退休 + 离休).
    pub actual: Option<u32>,
    /// 在职
    pub in_service: u32,
    /// 退休
    pub retired: u32,
    /// 离休
    pub lixiu: u32,
    /// 在职 change against last year as stated in the profile (增加 x 人; negative = 减少).
    pub in_service_change: i32,
    /// 退休 change.
    pub retired_change: i32,
    /// 离休 change.
    pub lixiu_change: i32,
    /// Where the staff figures were written.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 部门概况 — the department and its profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Department {
    /// 部门（单位）名称
    pub name: String,
    /// 单位性质, e.g. 行政单位, 事业单位, 参照公务员法管理事业单位.
    pub unit_type: String,
    /// 主要职能
    pub functions: String,
    /// 下属预算单位 — names of subordinate budget units (empty: none).
    pub subordinate_units: Vec<String>,
    /// 内设机构（科室）
    pub offices: Vec<String>,
    /// 人员情况
    pub staff: Staff,
    /// 部门联系人
    pub contact: Option<String>,
    /// 联系电话
    pub phone: Option<String>,
    /// Where the [department] section was written.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 资金分配情况 — one line of a project's itemised use of funds, as the department states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationItem {
    /// The use as named (e.g. 差旅费, 公务接待费).
    pub label: String,
    /// The economic 款 the use corresponds to, when known.
    pub econ: Option<EconCode>,
    /// The amount stated.
    pub amount: Fen,
    /// Where it was written.
    pub source: SourceRef,
}

/// 指标比较符 — how a performance indicator's value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparator {
    /// ≥
    Ge,
    /// >
    Gt,
    /// ≤
    Le,
    /// <
    Lt,
    /// =
    Eq,
    /// 定性 — a qualitative target (e.g. 提高, 推动).
    Qualitative,
}

impl Comparator {
    /// Reads `>=`, `≥`, `＞=`, `<=`, `≤`, `＜=`, `>`, `<`, `=`, or `定性`.
    pub fn parse(s: &str) -> Option<Comparator> {
        let t: String = s
            .trim()
            .replace('＞', ">")
            .replace('＜', "<")
            .replace('＝', "=");
        Some(match t.as_str() {
            ">=" | "≥" => Comparator::Ge,
            ">" => Comparator::Gt,
            "<=" | "≤" => Comparator::Le,
            "<" => Comparator::Lt,
            "=" => Comparator::Eq,
            "定性" | "" => Comparator::Qualitative,
            _ => return None,
        })
    }

    /// The sign as the reference template prints it (full-width: `＞=`).
    pub fn printed(self) -> &'static str {
        match self {
            Comparator::Ge => "＞=",
            Comparator::Gt => "＞",
            Comparator::Le => "＜=",
            Comparator::Lt => "＜",
            Comparator::Eq => "=",
            Comparator::Qualitative => "",
        }
    }
}

/// 绩效指标 — one row of a performance target table (三级指标 under its 一级 and 二级).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indicator {
    /// 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标; 履职效能…)
    pub level1: String,
    /// 二级指标 (数量指标, 质量指标, 时效指标, 经济成本指标, 社会效益指标…)
    pub level2: String,
    /// 三级指标
    pub name: String,
    /// 比较符
    pub comparator: Comparator,
    /// 指标值 as written (a number, a date or a word).
    pub value: String,
    /// 计量单位
    pub unit: String,
    /// 指标值设置依据
    pub basis: String,
    /// 上年完成值 (`/` when none).
    pub last_year: Option<String>,
    /// 分值权重, in hundredths of a point (30 points = 3000).
    pub weight: Option<i64>,
    /// 指标赋分规则
    pub scoring: String,
    /// 佐证资料
    pub evidence: String,
    /// Where it was written.
    pub source: SourceRef,
}

/// 项目支出绩效目标 — a project's performance targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectPerformance {
    /// 项目总体目标
    pub goal: String,
    /// The indicators, in order.
    pub indicators: Vec<Indicator>,
    /// 年度预算总额 as printed on the table, when the source states it (else derived).
    pub stated_total: Option<Fen>,
    /// 其中：财政拨款 as printed, when stated.
    pub stated_fiscal: Option<Fen>,
    /// 其他资金 as printed, when stated.
    pub stated_other: Option<Fen>,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 项目 — a named project with its description, itemised use of funds and targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Project {
    /// 项目名称
    pub name: String,
    /// The budget unit that carries it (defaults to the department).
    pub unit: Option<String>,
    /// 设立的政策依据
    pub basis: String,
    /// 项目承担单位
    pub executor: String,
    /// 项目负责人
    pub leader: Option<String>,
    /// 资金执行时间 as written.
    pub period: String,
    /// The sentence that opens 资金分配情况 (e.g. 主要保障单位正常运转).
    pub purpose: String,
    /// 资金分配情况 — the itemised uses as stated.
    pub allocation: Vec<AllocationItem>,
    /// What the carried-over funds of this project are used for (section 十一).
    pub carry_over_use: Option<String>,
    /// 项目支出绩效目标
    pub performance: Option<ProjectPerformance>,
    /// Where the project was declared.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 部门整体绩效目标 — the department's overall performance targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverallPerformance {
    /// The department name as printed on the table (normally the department's own name).
    pub printed_name: Option<String>,
    /// 年度绩效目标
    pub goal: String,
    /// 财政资金：上级安排, as stated (when absent, derived).
    pub upper_funds: Option<Fen>,
    /// 财政资金：本级安排, as stated.
    pub local_funds: Option<Fen>,
    /// 其他资金, as stated.
    pub other_funds: Option<Fen>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
    /// Where it was declared.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 政府采购 — government procurement budget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Procurement {
    /// 货物
    pub goods: Fen,
    /// 工程
    pub works: Fen,
    /// 服务
    pub services: Fen,
    /// 面向中小企业预留
    pub sme_reserved: Fen,
    /// 其中：面向小微企业预留
    pub small_micro_reserved: Fen,
    /// Where it was written.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 车辆 — one class of vehicles held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VehicleClass {
    /// 一般公务用车, 执法执勤用车, 其他车辆 …
    pub kind: String,
    /// 数量（辆）
    pub count: u32,
    /// 价值
    pub value: Fen,
}

/// 国有资产占用使用情况 — state assets held at the end of last year, and planned purchases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Assets {
    /// The date the figures refer to, as written (e.g. 2024 年底).
    pub as_of: String,
    /// 房屋面积（平方米）, as written.
    pub building_area: String,
    /// 房屋价值
    pub building_value: Fen,
    /// 车辆 by class.
    pub vehicles: Vec<VehicleClass>,
    /// 办公家具价值
    pub furniture_value: Fen,
    /// 其他资产价值
    pub other_value: Fen,
    /// 单位价值 50 万元以上大型设备（台）
    pub equipment_over_50: u32,
    /// 单位价值 100 万元以上大型设备（台）
    pub equipment_over_100: u32,
    /// 本年预算安排购置车辆（辆）
    pub planned_vehicles: u32,
    /// 本年预算安排购置 50 万元以上设备（台）
    pub planned_equipment_over_50: u32,
    /// 本年预算安排购置 100 万元以上设备（台）
    pub planned_equipment_over_100: u32,
    /// Where it was written.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 三公经费 items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ThreePublic {
    /// 因公出国（境）费
    Abroad,
    /// 公务接待费
    Reception,
    /// 公务用车购置费
    VehiclePurchase,
    /// 公务用车运行（维护）费
    VehicleOperation,
}

impl ThreePublic {
    /// The item a fact's economic code belongs to, if any (302 12, 302 17, 302 31, 309/310 13).
    pub fn of_econ(code: EconCode) -> Option<ThreePublic> {
        match code.to_string().as_str() {
            "30212" => Some(ThreePublic::Abroad),
            "30217" => Some(ThreePublic::Reception),
            "30231" => Some(ThreePublic::VehicleOperation),
            "30913" | "31013" => Some(ThreePublic::VehiclePurchase),
            _ => None,
        }
    }

    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            ThreePublic::Abroad => "因公出国（境）费",
            ThreePublic::Reception => "公务接待费",
            ThreePublic::VehiclePurchase => "公务用车购置费",
            ThreePublic::VehicleOperation => "公务用车运行费",
        }
    }
}

/// 比较口径 — what a last-year figure and a reason refer to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Subject {
    /// 收入合计 / 支出合计 (收支总预算)
    Total,
    /// 收入: a fund group (一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金,
    /// 单位资金, 财政拨款结转, 非财政拨款结转结余).
    Income(String),
    /// 基本支出 (all funds)
    Basic,
    /// 项目支出 (all funds)
    ProjectSpending,
    /// 财政拨款收支总预算
    FiscalTotal,
    /// 一般公共预算当年拨款合计
    GeneralTotal,
    /// 一般公共预算基本支出
    GeneralBasic,
    /// 一般公共预算项目支出
    GeneralProject,
    /// 一般公共预算支出 of one functional 项 (section 五（三）).
    GeneralFunc(FuncCode),
    /// 运行经费
    RunningCost,
    /// 财政拨款“三公”经费合计
    ThreePublicTotal,
    /// one 三公 item
    ThreePublicItem(ThreePublic),
}

impl Subject {
    /// The income fund groups a subject may name.
    pub const INCOME_GROUPS: [&'static str; 7] = [
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "财政专户管理资金",
        "单位资金",
        "财政拨款结转",
        "非财政拨款结转结余",
    ];

    /// Every subject but the 项 of 一般公共预算 (one per functional 项), in the order a
    /// disclosure states them: 收支总预算, the income groups, 基本支出 … 三公经费 and its items.
    pub fn fixed() -> Vec<Subject> {
        let mut v = vec![Subject::Total];
        v.extend(
            Subject::INCOME_GROUPS
                .iter()
                .map(|g| Subject::Income((*g).to_string())),
        );
        v.extend([
            Subject::Basic,
            Subject::ProjectSpending,
            Subject::FiscalTotal,
            Subject::GeneralTotal,
            Subject::GeneralBasic,
            Subject::GeneralProject,
            Subject::RunningCost,
            Subject::ThreePublicTotal,
        ]);
        v.extend(
            [
                ThreePublic::Abroad,
                ThreePublic::Reception,
                ThreePublic::VehiclePurchase,
                ThreePublic::VehicleOperation,
            ]
            .map(Subject::ThreePublicItem),
        );
        v
    }

    /// Reads a subject key as written in a source file (see the source format's docs).
    pub fn parse(s: &str) -> Option<Subject> {
        let t = s.trim();
        if let Some(g) = t.strip_prefix("收入/") {
            return Subject::INCOME_GROUPS
                .contains(&g)
                .then(|| Subject::Income(g.to_string()));
        }
        if let Some(c) = t.strip_prefix("一般公共预算/") {
            return match c {
                "基本支出" => Some(Subject::GeneralBasic),
                "项目支出" => Some(Subject::GeneralProject),
                code => FuncCode::parse(code)
                    .ok()
                    .filter(|c| c.level() == crate::codes::Level::Xiang)
                    .map(Subject::GeneralFunc),
            };
        }
        if let Some(i) = t.strip_prefix("三公经费/") {
            return [
                ThreePublic::Abroad,
                ThreePublic::Reception,
                ThreePublic::VehiclePurchase,
                ThreePublic::VehicleOperation,
            ]
            .into_iter()
            .find(|x| x.label() == i)
            .map(Subject::ThreePublicItem);
        }
        Some(match t {
            "收支总预算" => Subject::Total,
            "基本支出" => Subject::Basic,
            "项目支出" => Subject::ProjectSpending,
            "财政拨款收支总预算" => Subject::FiscalTotal,
            "一般公共预算" => Subject::GeneralTotal,
            "运行经费" => Subject::RunningCost,
            "三公经费" => Subject::ThreePublicTotal,
            _ => return None,
        })
    }

    /// The key as written in a source file.
    pub fn key(&self) -> String {
        match self {
            Subject::Total => "收支总预算".into(),
            Subject::Income(g) => format!("收入/{g}"),
            Subject::Basic => "基本支出".into(),
            Subject::ProjectSpending => "项目支出".into(),
            Subject::FiscalTotal => "财政拨款收支总预算".into(),
            Subject::GeneralTotal => "一般公共预算".into(),
            Subject::GeneralBasic => "一般公共预算/基本支出".into(),
            Subject::GeneralProject => "一般公共预算/项目支出".into(),
            Subject::GeneralFunc(c) => format!("一般公共预算/{c}"),
            Subject::RunningCost => "运行经费".into(),
            Subject::ThreePublicTotal => "三公经费".into(),
            Subject::ThreePublicItem(i) => format!("三公经费/{}", i.label()),
        }
    }
}

/// 上年对比 — last year's budget figure for a subject, and the reason given for the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// What is compared.
    pub subject: Subject,
    /// 上年预算数
    pub last_year: Fen,
    /// 变动原因 as the department words it (without 主要原因是); `None` when none is given.
    pub reason: Option<String>,
    /// Where it was written.
    pub source: SourceRef,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// Free text the narrative restates from the department (not derivable from the ledger).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NarrativeNotes {
    /// What each functional 类 of 一般公共预算 spending is mainly used for (section 四).
    pub class_usage: BTreeMap<FuncCode, String>,
    /// 其他需说明的事项 (section 十二).
    pub other_matters: Option<String>,
    /// 名词解释 to print instead of the standard glossary, if any.
    pub glossary: Option<String>,
    /// Where each field was written.
    pub spans: FieldSpans,
}

/// 预算 — one department-year as prepared: a ledger of facts plus everything the document says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Budget {
    /// 预算年度
    pub year: i32,
    /// 部门预算 or 单位预算
    pub kind: DocKind,
    /// 公开日期 as written at the end of the document.
    pub date: Option<String>,
    /// 部门概况
    pub department: Department,
    /// 预算账目 — the ledger.
    pub facts: Vec<Fact>,
    /// 项目
    pub projects: Vec<Project>,
    /// 政府采购
    pub procurement: Procurement,
    /// 国有资产
    pub assets: Assets,
    /// 上年预算与变动原因
    pub comparisons: Vec<Comparison>,
    /// 部门整体绩效目标
    pub overall_performance: Option<OverallPerformance>,
    /// Narrative inputs.
    pub notes: NarrativeNotes,
    /// Names of functional codes the catalogue does not know, declared by the source.
    pub local_func_names: BTreeMap<FuncCode, String>,
}

impl Budget {
    /// Applies `f` to every place the budget records where something was written: each fact,
    /// project, allocation line, indicator, comparison and field. A reader that builds the
    /// budget through another format (the XLSX fill-in workbook goes through the source reader)
    /// uses it to point every place at the original input.
    pub fn map_sources(&mut self, f: &mut impl FnMut(&mut SourceRef)) {
        fn spans(s: &mut FieldSpans, f: &mut impl FnMut(&mut SourceRef)) {
            s.0.values_mut().for_each(&mut *f);
        }
        let d = &mut self.department;
        f(&mut d.source);
        spans(&mut d.spans, f);
        f(&mut d.staff.source);
        spans(&mut d.staff.spans, f);
        for x in &mut self.facts {
            f(&mut x.source);
        }
        for p in &mut self.projects {
            f(&mut p.source);
            spans(&mut p.spans, f);
            p.allocation.iter_mut().for_each(|a| f(&mut a.source));
            if let Some(perf) = &mut p.performance {
                spans(&mut perf.spans, f);
                perf.indicators.iter_mut().for_each(|i| f(&mut i.source));
            }
        }
        f(&mut self.procurement.source);
        spans(&mut self.procurement.spans, f);
        f(&mut self.assets.source);
        spans(&mut self.assets.spans, f);
        for c in &mut self.comparisons {
            f(&mut c.source);
            spans(&mut c.spans, f);
        }
        if let Some(o) = &mut self.overall_performance {
            f(&mut o.source);
            spans(&mut o.spans, f);
            o.indicators.iter_mut().for_each(|i| f(&mut i.source));
        }
        spans(&mut self.notes.spans, f);
    }
}

impl Budget {
    /// The sum of the facts that satisfy `keep`.
    pub fn sum(&self, keep: impl Fn(&Fact) -> bool) -> Fen {
        self.facts
            .iter()
            .filter(|f| keep(f))
            .map(|f| f.amount)
            .sum()
    }

    /// The unit a project belongs to (the department when not stated).
    pub fn project_unit<'a>(&'a self, p: &'a Project) -> &'a str {
        p.unit.as_deref().unwrap_or(&self.department.name)
    }

    /// The budget unit a fact belongs to: its project's, or its own, or the department.
    pub fn fact_unit<'a>(&'a self, f: &'a Fact) -> &'a str {
        match f.use_ {
            Use::Project(i) => self
                .projects
                .get(i)
                .map_or(self.department.name.as_str(), |p| self.project_unit(p)),
            _ => f.unit.as_deref().unwrap_or(&self.department.name),
        }
    }

    /// The name of a functional code for this budget's year: the catalogue's, else the source's.
    pub fn func_name(&self, code: FuncCode) -> Option<String> {
        crate::catalog::Catalog::get()
            .functional_name(code, self.year)
            .map(str::to_string)
            .or_else(|| self.local_func_names.get(&code).cloned())
    }

    /// The name of an economic code for this budget's year.
    pub fn econ_name(&self, code: EconCode) -> Option<String> {
        crate::catalog::Catalog::get()
            .economic_name(code, self.year)
            .map(str::to_string)
    }

    /// Last year's figure for a subject, if the source gives one.
    pub fn comparison(&self, subject: &Subject) -> Option<&Comparison> {
        self.comparisons.iter().find(|c| &c.subject == subject)
    }
}

impl Budget {
    /// This year's figure for a comparison subject, computed from the ledger.
    pub fn this_year(&self, subject: &Subject) -> Fen {
        let general = |f: &Fact| f.fund.current_fiscal() == Some(FiscalBudget::General);
        match subject {
            Subject::Total => self.sum(|_| true),
            Subject::Income(group) => match group.as_str() {
                "一般公共预算" => self.sum(general),
                "政府性基金预算" => {
                    self.sum(|f| f.fund.current_fiscal() == Some(FiscalBudget::GovFund))
                }
                "国有资本经营预算" => {
                    self.sum(|f| f.fund.current_fiscal() == Some(FiscalBudget::StateCapital))
                }
                "财政专户管理资金" => self.sum(|f| f.fund == FundSource::SpecialAccount),
                "单位资金" => self.sum(|f| f.fund.is_unit_funds()),
                "财政拨款结转" => self.sum(|f| f.fund.carried_fiscal().is_some()),
                "非财政拨款结转结余" => self.sum(|f| f.fund.is_non_fiscal_carry_over()),
                _ => Fen::ZERO,
            },
            Subject::Basic => self.sum(|f| f.use_.is_basic()),
            Subject::ProjectSpending => self.sum(|f| !f.use_.is_basic()),
            Subject::FiscalTotal => self.sum(|f| f.fund.current_fiscal().is_some()),
            Subject::GeneralTotal => self.sum(general),
            Subject::GeneralBasic => self.sum(|f| general(f) && f.use_.is_basic()),
            Subject::GeneralProject => self.sum(|f| general(f) && !f.use_.is_basic()),
            Subject::GeneralFunc(code) => self.sum(|f| general(f) && f.func == *code),
            Subject::RunningCost => self.sum(|f| general(f) && f.use_ == Use::Public),
            Subject::ThreePublicTotal => self.sum(|f| {
                f.fund.current_fiscal().is_some() && ThreePublic::of_econ(f.econ).is_some()
            }),
            Subject::ThreePublicItem(i) => self.sum(|f| {
                f.fund.current_fiscal().is_some() && ThreePublic::of_econ(f.econ) == Some(*i)
            }),
        }
    }
}
