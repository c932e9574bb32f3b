//! G002 项目资金分配中的“三公”经费与表10 矛盾

use crate::engine::{Base, Cx, Family, Fixture, Rule, RuleMeta};
use crate::interval::interval;
use crate::kinds::{RowSel, cell_label, find_col, find_row, missing_cell, printed};
use crate::rules::support::wan;
use yusuan_core::budget::{ThreePublic, Use};
use yusuan_core::diag::{Diagnostic, Label, Severity};
use yusuan_core::disclosure::{RowKind, Side};
use yusuan_core::money::Fen;

/// G002
pub struct G002;

static META: RuleMeta = RuleMeta {
    id: "G002",
    family: Family::ThreePublic,
    template: Some(yusuan_core::derive::TEMPLATE_ID),
    severity: Severity::Error,
    title: "项目资金分配中的“三公”经费与表10 矛盾",
    what: "全部以本年财政拨款安排的项目，其资金分配情况中列出的因公出国（境）费、公务接待费、公务用车购置费、公务用车运行维护费，各项合计不得超过表10 财政拨款“三公”经费的对应项目。",
    why: "项目资金中的“三公”支出同样是财政拨款“三公”经费，应计入表10 并在情况说明第十部分说明；项目说明列了“三公”支出而表10 为 0，两处必有一处不实。",
    example: "参考例：“昌吉州促进产业高质量发展工作领导小组办公室工作经费”（财政拨款 215.00 万元）资金分配列公务接待费 1 万元、公务用车运行维护费 3 万元，而表10 与第十部分均称财政拨款“三公”经费为 0.00：错误。",
    basis: "财政部关于“三公”经费统计口径的规定（财政拨款安排的全部因公出国（境）费、公务用车购置及运行费、公务接待费）；部门预算公开表10。",
    fixture: Fixture {
        base: Base::ReferenceSource,
        pass: &[
            (
                "  { item = \"公务接待费\", econ = \"30217\", amount = 10000.00 },\n",
                "",
            ),
            (
                "  { item = \"公务用车运行维护费\", econ = \"30231\", amount = 30000.00 },\n",
                "",
            ),
        ],
        fail: &[],
    },
};

/// The 三公 item an itemised use names, by its economic code or its wording.
fn item_of(label: &str, econ: Option<yusuan_core::codes::EconCode>) -> Option<ThreePublic> {
    if let Some(i) = econ.and_then(ThreePublic::of_econ) {
        return Some(i);
    }
    if label.contains("因公出国") {
        Some(ThreePublic::Abroad)
    } else if label.contains("公务接待") {
        Some(ThreePublic::Reception)
    } else if label.contains("公务用车") && label.contains("购置") {
        Some(ThreePublic::VehiclePurchase)
    } else if label.contains("公务用车") {
        Some(ThreePublic::VehicleOperation)
    } else {
        None
    }
}

/// The table 10 row of an item.
fn row_label(i: ThreePublic) -> &'static str {
    match i {
        ThreePublic::Abroad => "因公出国（境）费",
        ThreePublic::Reception => "公务接待费",
        ThreePublic::VehiclePurchase => "其中：公务用车购置费",
        ThreePublic::VehicleOperation => "公务用车运行费",
    }
}

/// Whether a project is paid wholly from this year's 财政拨款: from the ledger when checking a
/// source; from the tables otherwise (it has a table 7 row and no 非财政拨款 carry-over in
/// table 11).
fn wholly_fiscal(cx: &Cx<'_>, name: &str) -> bool {
    if let Some(b) = cx.budget {
        let Some(pi) = b.projects.iter().position(|p| p.name == name) else {
            return false;
        };
        let mine: Vec<_> = b
            .facts
            .iter()
            .filter(|f| f.use_ == Use::Project(pi))
            .collect();
        return !mine.is_empty() && mine.iter().all(|f| f.fund.current_fiscal().is_some());
    }
    let in_t7 = cx.table(7).is_some_and(|t| {
        t.rows
            .iter()
            .any(|r| r.kind == RowKind::Project && r.label == name)
    });
    let non_fiscal = cx.table(11).is_some_and(|t| {
        let Some(c) = t.column_index(Side::Single, "非财政拨款/小计") else {
            return false;
        };
        t.rows
            .iter()
            .any(|r| r.kind == RowKind::Project && r.label == name && r.cells[c].is_some())
    });
    in_t7 && !non_fiscal
}

impl Rule for G002 {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, cx: &Cx<'_>, out: &mut Vec<Diagnostic>) {
        let Some(t10) = cx.table(10) else { return };
        let Some(c10) = find_col(t10, Side::Single, "合计") else {
            return;
        };
        for item in [
            ThreePublic::Abroad,
            ThreePublic::Reception,
            ThreePublic::VehiclePurchase,
            ThreePublic::VehicleOperation,
        ] {
            let mut uses = Vec::new();
            for p in cx
                .disclosure
                .projects
                .iter()
                .filter(|p| wholly_fiscal(cx, &p.name))
            {
                for a in &p.allocation {
                    if item_of(&a.label, None) == Some(item) {
                        uses.push((p, a));
                    }
                }
            }
            if uses.is_empty() {
                continue;
            }
            let total: i64 = uses
                .iter()
                .map(|(_, a)| crate::interval::shown(Some(&a.amount)))
                .sum();
            let row10 = find_row(t10, Side::Single, RowSel::Label(row_label(item)));
            let p10 = row10.and_then(|r| printed(t10, r, c10));
            let (_, hi10) = interval(p10);
            if total <= hi10 {
                continue;
            }
            let (p, a) = uses[0];
            let shown10 = p10.map_or("为空（0）".to_string(), |p| format!("为 {p} 万元"));
            let mut d = Diagnostic::new(
                META.id,
                META.severity,
                format!("项目“{}”的资金分配列有{} {} 万元，而表10 财政拨款“三公”经费中{}{}", p.name, a.label, a.amount, item.label(), shown10),
                Label::at(a.source.clone(), format!("{}：{} 万元", item.label(), a.amount)),
            )
            .with_help("“三公”支出须计入表10 并在“三公”经费说明中反映；如项目实际不安排此项，请改正资金分配情况");
            for (p2, a2) in uses.iter().skip(1) {
                d.secondary.push(Label::at(
                    a2.source.clone(),
                    format!("项目“{}”：{} 万元", p2.name, a2.amount),
                ));
            }
            d.secondary.push(match row10 {
                Some(r) => cell_label(t10, r, c10),
                None => missing_cell(t10, None, row_label(item), "合计"),
            });
            d.figures = Some(yusuan_core::diag::Figures {
                expected: format!("≤ {}", p10.map_or("0.00".to_string(), |p| p.to_string())),
                found: wan(Fen(total)),
                difference: wan(Fen(total - hi10.max(0))),
                allowed: None,
            });
            out.push(d);
        }
    }
}
