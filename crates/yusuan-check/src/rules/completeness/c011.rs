//! C011 编制了部门整体绩效目标

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C011
pub struct C011;

static META: RuleMeta = RuleMeta {
    id: "C011",
    family: Family::Completeness,
    template: None,
    severity: Severity::Warning,
    title: "编制了部门整体绩效目标",
    what: "预算绩效情况须包括部门整体绩效目标（[overall_performance]）。",
    why: "全面实施预算绩效管理要求部门整体绩效目标随预算公开。",
    example: "参考例公开了部门整体绩效目标表。",
    basis: "《中共中央 国务院关于全面实施预算绩效管理的意见》（2018）。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(C011_BLOCK, "")],
    },
};

impl Rule for C011 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        if b.overall_performance.is_none() {
            out.push(
                finding(
                    &META,
                    "没有部门整体绩效目标".into(),
                    b.department.source.clone(),
                )
                .with_help("加 [overall_performance]：年度绩效目标与指标"),
            );
        }
    }
}

/// The section removed by the failing fixture.
const C011_BLOCK: &str = "[overall_performance]\nprinted_name = \"昌吉回族自治州中小企业发展局\"   # as printed on the 部门整体绩效目标表 (sic)\ngoal = \"坚决贯彻落实党中央决策部署和区州党委、政府工作安排，以只争朝夕、时不我待的精神状态，全力推动工业经济高质量发展，为建设中国式现代化新疆实践的典范地州作出新的更大贡献！1、继续强力推进清理拖欠企业账款工作。依法依规办理拖欠中小企业账款投诉，督促县市、园区提高投诉线索办结率，不断增强中小企业获得感.2、提升为企服务能力。一是做好为企服务改革的配合工作。提升平台服务能力。2025年，为企服务改革是工信局的一项改革任务，而提升中心平台服务是改革的一项内容。中心将全力配合，在提升中小企业公共服务平台的服务能力和水平上下功夫，提高平台点击率、知晓率、注册率。二是举办第十届“创客中国”昌吉州选拔赛。加大赛事宣传力度，鼓励大企业、龙头企业、链主企业，企业参赛，把创客大赛打造成企业创新创业，提高科技创新能力、晋升“专精特新”企业的平台。三是强化志愿站为企志愿服务，加强信息互通、产业共融、项目合作。3、促进绿色有机果蔬产业高质量发展。推进《昌吉州推动食品加工产业高质量发展意见》后续工作，配合农业农村部门和林草部门做好葡萄酒、番茄等新疆特色产业发展促进工作，配合卫健委、林草局农业农村局等部门开展生物制药等发展促进工作。\"\nupper_funds = 0             # 财政资金：上级安排 0.00\nlocal_funds = 4807400.00    # 财政资金：本级安排 480.74 (as printed; includes the 5.00 carry-over)\nother_funds = 0             # 其他资金 0.00\nindicators = [\n  { level1 = \"履职效能\", level2 = \"数量指标\", name = \"开展创新创业大赛\", cmp = \">=\", value = \"1\", unit = \"场次\", basis = \"州中小企业发展服务中心2024年工作总结及2025年工作计划\", weight = 30 },\n  { level1 = \"履职效能\", level2 = \"数量指标\", name = \"集中开展志愿服务\", cmp = \">=\", value = \"4\", unit = \"次\", basis = \"州中小企业发展服务中心2024年工作总结及2025年工作计划\", weight = 30 },\n  { level1 = \"履职效能\", level2 = \"数量指标\", name = \"平台网站及微信公共号累计发布信息数量\", cmp = \">=\", value = \"2000\", unit = \"条\", basis = \"州中小企业发展服务中心2024年工作总结及2025年工作计划\", weight = 30 },\n]\n\n";
