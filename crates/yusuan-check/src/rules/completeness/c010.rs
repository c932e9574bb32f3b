//! C010 说明了国有资产占用情况

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::rules::support::finding;
use yusuan_core::diag::{Diagnostic, Severity};

/// C010
pub struct C010;

static META: RuleMeta = RuleMeta {
    id: "C010",
    family: Family::Completeness,
    template: None,
    severity: Severity::Error,
    title: "说明了国有资产占用情况",
    what: "情况说明须说明国有资产占用使用情况（房屋、车辆、大型设备等，[assets]）。",
    why: "国有资产占用情况是预算公开的必备内容。",
    example: "参考例第十二部分（三）列出房屋、车辆、办公家具、其他资产和大型设备。",
    basis: "《地方预决算公开操作规程》（财预〔2016〕143号）：部门预算公开内容包括部门职责、机构设置、预算收支情况、“三公”经费、机关运行经费、政府采购、国有资产占用、预算绩效等情况说明。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[],
        fail: &[(C010_BLOCK, "")],
    },
};

impl Rule for C010 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(b) = cx.budget else { return };
        if b.assets.source == yusuan_core::source::SourceRef::None {
            out.push(
                finding(
                    &META,
                    "没有国有资产占用使用情况（[assets]）".into(),
                    b.department.source.clone(),
                )
                .with_help("加 [assets]：房屋、车辆、办公家具、其他资产与大型设备"),
            );
        }
    }
}

/// The section removed by the failing fixture.
const C010_BLOCK: &str = "[assets]\nas_of = \"2024年底\"\nbuilding_area = \"0.00\"\nbuilding_value = 0\nvehicles = [\n  { kind = \"一般公务用车\", count = 0, value = 0 },\n  { kind = \"执法执勤用车\", count = 0, value = 0 },\n  { kind = \"其他车辆\", count = 0, value = 0 },\n]\nfurniture_value = 317200.00\nother_value = 376100.00\nequipment_over_50 = 0\nequipment_over_100 = 0\nplanned_vehicles = 0\nplanned_equipment_over_50 = 0\nplanned_equipment_over_100 = 0\n\n";
