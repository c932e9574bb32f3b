//! P006 每个项目都有绩效目标

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// P006
pub struct P006;

static META: RuleMeta = RuleMeta {
    id: "P006",
    family: Family::Project,
    template: None,
    severity: Severity::Warning,
    title: "每个项目都有绩效目标",
    what: "每个项目支出都应编制并公开项目支出绩效目标表。",
    why: "预算绩效管理要求绩效目标随预算一同编报、一同批复、一同公开；没有绩效目标的项目无法评价。",
    example: "参考例两个项目都有项目支出绩效目标表。",
    basis: "《中共中央 国务院关于全面实施预算绩效管理的意见》（2018）：绩效目标与预算同步编制、同步公开。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(P006_BLOCK, "")],
    },
};

/// The first project's performance section in the reference source.
const P006_BLOCK: &str = "[project.performance]\ngoal = \"2025年该项目计划开展聘请第三方开展服务项目个数1个，购买SSL证书(阿里云加密证书）3年，保障单位正常运转个数1个，年度计划和建设任务完成合格率达到95%，经费支付及时率达到95%。通过该项目的实施提高平台的用户数量和活跃度。\"\nindicators = [\n  { level1 = \"产出指标\", level2 = \"数量指标\", name = \"聘请第三方开展服务项目个数\", cmp = \">=\", value = \"1\", unit = \"个\", basis = \"计划标准\", last_year = \"/\", weight = 8, scoring = \"按照完成比例赋分\", evidence = \"工作资料\" },\n  { level1 = \"产出指标\", level2 = \"数量指标\", name = \"购买SSL证书(阿里云加密证书）\", cmp = \">=\", value = \"3\", unit = \"年\", basis = \"计划标准\", last_year = \"/\", weight = 8, scoring = \"按照完成比例赋分\", evidence = \"工作资料\" },\n  { level1 = \"产出指标\", level2 = \"数量指标\", name = \"保障单位正常运转个数\", cmp = \">=\", value = \"1\", unit = \"个\", basis = \"计划标准\", last_year = \"/\", weight = 8, scoring = \"按照完成比例赋分\", evidence = \"工作资料\" },\n  { level1 = \"产出指标\", level2 = \"质量指标\", name = \"年度计划和建设任务完成合格率\", cmp = \">=\", value = \"95\", unit = \"%\", basis = \"计划标准\", last_year = \"/\", weight = 8, scoring = \"按照完成比例赋分\", evidence = \"工作资料\" },\n  { level1 = \"产出指标\", level2 = \"时效指标\", name = \"经费支付及时率\", cmp = \">=\", value = \"95\", unit = \"%\", basis = \"计划标准\", last_year = \"/\", weight = 8, scoring = \"按照完成比例赋分\", evidence = \"工作资料\" },\n  { level1 = \"成本指标\", level2 = \"经济成本指标\", name = \"保障单位运转类经费\", cmp = \"<=\", value = \"5\", unit = \"万元\", basis = \"计划标准\", last_year = \"/\", weight = 7, scoring = \"按照完成比例赋分\", evidence = \"原始凭证\" },\n  { level1 = \"成本指标\", level2 = \"经济成本指标\", name = \"购买SSL证书(阿里云加密证书费用）\", cmp = \"<=\", value = \"1\", unit = \"万元\", basis = \"计划标准\", last_year = \"/\", weight = 6, scoring = \"按照完成比例赋分\", evidence = \"原始凭证\" },\n  { level1 = \"成本指标\", level2 = \"经济成本指标\", name = \"购买第三方服务费用\", cmp = \"<=\", value = \"6\", unit = \"万元\", basis = \"计划标准\", last_year = \"/\", weight = 7, scoring = \"按照完成比例赋分\", evidence = \"原始凭证\" },\n  { level1 = \"效益指标\", level2 = \"社会效益指标\", name = \"提高平台的用户数量和活跃度\", cmp = \"定性\", value = \"提高\", basis = \"计划标准\", last_year = \"/\", weight = 30, scoring = \"按评判等级赋分\", evidence = \"工作资料\" },\n]\n\n";

impl Rule for P006 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        for p in b.projects.iter().filter(|p| p.performance.is_none()) {
            out.push(
                finding(
                    &META,
                    format!("项目“{}”没有绩效目标", p.name),
                    p.spans.or("name", &p.source).clone(),
                )
                .with_help("在该项目下加 [project.performance]：总体目标和各级指标"),
            );
        }
    }
}
