//! Walks the TOML tree with spans and builds the Budget, collecting every problem.

use super::{Parsed, codes as c};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use yusuan_core::budget::*;
use yusuan_core::catalog::Catalog;
use yusuan_core::codes::{EconCode, FuncCode, Level};
use yusuan_core::diag::Diagnostic;
use yusuan_core::money::{Fen, MoneyUnit, Unit, parse_amount, parse_printed};
use yusuan_core::source::{LineIndex, SourceRef};

type V<'a> = Spanned<DeValue<'a>>;

/// Parses a budget source file.
pub fn parse(text: &str) -> Parsed {
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut p = P {
        src: text,
        lines: LineIndex::new(text),
        diags: Vec::new(),
        unit: MoneyUnit::Wan,
    };
    for e in &errors {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().trim().to_string();
        p.diags.push(
            Diagnostic::error(c::SYNTAX, format!("TOML 语法错误：{msg}"), p.at(span))
                .with_help("检查引号、括号、逗号是否成对，键名只能用英文字母、数字、下划线"),
        );
    }
    if !errors.is_empty() {
        return p.finish(None);
    }
    let budget = p.budget(root.get_ref(), root.span());
    p.finish(budget)
}

struct P<'s> {
    src: &'s str,
    lines: LineIndex<'s>,
    diags: Vec<Diagnostic>,
    unit: MoneyUnit,
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "字符串",
        DeValue::Integer(_) => "整数",
        DeValue::Float(_) => "小数",
        DeValue::Boolean(_) => "布尔值",
        DeValue::Datetime(_) => "日期时间",
        DeValue::Array(_) => "数组",
        DeValue::Table(_) => "表",
    }
}

impl<'s> P<'s> {
    fn finish(mut self, budget: Option<Budget>) -> Parsed {
        self.diags.sort_by_key(|d| match d.primary.at {
            SourceRef::Span { start, .. } => start,
            _ => 0,
        });
        let ok = self.diags.is_empty();
        Parsed {
            budget: if ok { budget } else { None },
            diagnostics: self.diags,
        }
    }

    /// Where each key's value of `t` was written.
    fn spans(&self, t: &DeTable<'_>) -> FieldSpans {
        FieldSpans(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), self.at(v.span())))
                .collect(),
        )
    }

    fn at(&self, span: Range<usize>) -> SourceRef {
        self.lines.span(span.start, span.end)
    }

    fn err(&mut self, code: &'static str, msg: String, span: Range<usize>) -> &mut Diagnostic {
        let d = Diagnostic::error(code, msg, self.at(span));
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    /// Reports keys of `t` not in `allowed`.
    fn known_keys(&mut self, t: &DeTable<'_>, allowed: &[&str], what: &str) {
        for (k, _) in t.iter() {
            if !allowed.contains(&k.get_ref().as_ref()) {
                let key = k.get_ref().to_string();
                let span = k.span();
                self.err(c::UNKNOWN_KEY, format!("{what}中有未知字段“{key}”"), span)
                    .help = Some(format!("允许的字段：{}", allowed.join("、")));
            }
        }
    }

    fn get<'t, 'a>(&mut self, t: &'t DeTable<'a>, key: &str) -> Option<&'t V<'a>> {
        t.get(key)
    }

    fn required<'t, 'a>(
        &mut self,
        t: &'t DeTable<'a>,
        span: &Range<usize>,
        key: &str,
        what: &str,
    ) -> Option<&'t V<'a>> {
        let v = t.get(key);
        if v.is_none() {
            self.err(
                c::MISSING,
                format!("{what}缺少必填字段“{key}”"),
                span.clone(),
            );
        }
        v
    }

    fn wrong_type(&mut self, v: &V<'_>, what: &str, expected: &str) {
        let got = type_name(v.get_ref());
        self.err(
            c::TYPE,
            format!("{what}应为{expected}，这里是{got}"),
            v.span(),
        );
    }

    fn string(&mut self, v: &V<'_>, what: &str) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(v, what, "字符串（用双引号括起）");
                None
            }
        }
    }

    fn req_str(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        key: &str,
        what: &str,
    ) -> Option<String> {
        let v = self.required(t, span, key, what)?;
        let v = v.clone();
        self.string(&v, &format!("{what}的“{key}”"))
    }

    fn opt_str(&mut self, t: &DeTable<'_>, key: &str, what: &str) -> Option<String> {
        let v = self.get(t, key)?.clone();
        self.string(&v, &format!("{what}的“{key}”"))
    }

    fn int(&mut self, v: &V<'_>, what: &str) -> Option<i64> {
        match v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => {
                match i.as_str().replace('_', "").parse::<i64>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        self.err(c::BAD_VALUE, format!("{what}超出可表示的范围"), v.span());
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(v, what, "整数");
                None
            }
        }
    }

    fn count(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        key: &str,
        what: &str,
        required: bool,
    ) -> Option<u32> {
        let v = if required {
            self.required(t, span, key, what)?.clone()
        } else {
            self.get(t, key)?.clone()
        };
        let n = self.int(&v, &format!("{what}的“{key}”"))?;
        // Headcounts and vehicle counts: a million is far above any unit.
        match u32::try_from(n).ok().filter(|n| *n <= 1_000_000).ok_or(()) {
            Ok(n) => Some(n),
            Err(_) => {
                self.err(
                    c::BAD_VALUE,
                    format!("{what}的“{key}”应为 0 到 1000000 之间的整数，这里是 {n}"),
                    v.span(),
                );
                None
            }
        }
    }

    fn change(&mut self, t: &DeTable<'_>, key: &str, what: &str) -> i32 {
        let Some(v) = self.get(t, key).cloned() else {
            return 0;
        };
        let Some(n) = self.int(&v, &format!("{what}的“{key}”")) else {
            return 0;
        };
        i32::try_from(n).unwrap_or_else(|_| {
            self.err(
                c::BAD_VALUE,
                format!("{what}的“{key}”超出可表示的范围"),
                v.span(),
            );
            0
        })
    }

    /// An amount in the file's unit: a number or a string of digits, exact to the fen.
    fn amount(&mut self, v: &V<'_>, what: &str) -> Option<Fen> {
        let text = match v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => {
                self.src.get(v.span()).unwrap_or(i.as_str()).to_string()
            }
            DeValue::Float(_) => self.src.get(v.span()).unwrap_or("").to_string(),
            DeValue::String(s) => s.to_string(),
            _ => {
                self.wrong_type(v, what, "金额（数字，或用引号括起的数字）");
                return None;
            }
        };
        match parse_amount(&text, self.unit) {
            Ok(f) => Some(f),
            Err(e) => {
                self.err(
                    c::BAD_AMOUNT,
                    format!("{what}“{}”{e}", text.trim()),
                    v.span(),
                )
                .help = Some(format!(
                    "金额以 {} 为单位，写成 123.45 这样的数字，最多精确到分",
                    self.unit.label()
                ));
                None
            }
        }
    }

    fn req_amount(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        key: &str,
        what: &str,
    ) -> Option<Fen> {
        let v = self.required(t, span, key, what)?.clone();
        self.amount(&v, &format!("{what}的“{key}”"))
    }

    fn opt_amount(&mut self, t: &DeTable<'_>, key: &str, what: &str) -> Option<Fen> {
        let v = self.get(t, key)?.clone();
        self.amount(&v, &format!("{what}的“{key}”"))
    }

    fn table<'t, 'a>(&mut self, v: &'t V<'a>, what: &str) -> Option<&'t DeTable<'a>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(v, what, "表（[节] 或 { … }）");
                None
            }
        }
    }

    fn array<'t, 'a>(&mut self, v: &'t V<'a>, what: &str) -> Option<&'t DeArray<'a>> {
        match v.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(v, what, "数组（[ … ]）");
                None
            }
        }
    }

    fn strings(&mut self, t: &DeTable<'_>, key: &str, what: &str) -> Vec<String> {
        let Some(v) = self.get(t, key).cloned() else {
            return Vec::new();
        };
        let Some(a) = self.array(&v, &format!("{what}的“{key}”")) else {
            return Vec::new();
        };
        let items: Vec<V<'_>> = a.iter().cloned().collect();
        items
            .iter()
            .filter_map(|i| self.string(i, &format!("{what}的“{key}”中的一项")))
            .collect()
    }

    fn section<'t, 'a>(
        &mut self,
        root: &'t DeTable<'a>,
        key: &str,
    ) -> Option<(&'t DeTable<'a>, Range<usize>)> {
        let v = root.get(key)?;
        let t = self.table(v, &format!("[{key}]"))?;
        Some((t, v.span()))
    }

    fn budget(&mut self, root: &DeTable<'_>, root_span: Range<usize>) -> Option<Budget> {
        self.known_keys(
            root,
            &[
                "document",
                "department",
                "staff",
                "subjects",
                "ledger",
                "project",
                "procurement",
                "assets",
                "comparison",
                "overall_performance",
                "notes",
            ],
            "文件顶层",
        );
        // [document] first: its unit governs every amount.
        let doc = self.section(root, "document");
        let (year, kind, date) = match &doc {
            Some((t, span)) => self.document(t, span),
            None => {
                self.err(
                    c::MISSING,
                    "缺少 [document] 节（年度、文档类型、金额单位）".into(),
                    root_span.start..root_span.start,
                );
                (None, None, None)
            }
        };
        let department = match self.section(root, "department") {
            Some((t, span)) => self.department(t, &span),
            None => {
                self.err(
                    c::MISSING,
                    "缺少 [department] 节（部门名称、职能等）".into(),
                    root_span.start..root_span.start,
                );
                None
            }
        };
        let staff = match self.section(root, "staff") {
            Some((t, span)) => self.staff(t, &span),
            None => {
                self.err(
                    c::MISSING,
                    "缺少 [staff] 节（编制数、在职、退休、离休人数）".into(),
                    root_span.start..root_span.start,
                );
                None
            }
        };
        let local_func_names = self.subjects(root);
        let year_v = year.unwrap_or(0);
        let projects = self.projects(root, year_v);
        let facts = match self.section(root, "ledger") {
            Some((t, span)) => {
                // The budget units: the department itself first, then its subordinate units.
                let units: Vec<String> = department
                    .iter()
                    .flat_map(|d| {
                        std::iter::once(d.name.clone()).chain(d.subordinate_units.iter().cloned())
                    })
                    .collect();
                // A project's unit must be one of them.
                for (p, pspan) in &projects {
                    if let Some(u) = &p.unit
                        && !units.is_empty()
                        && !units.contains(u)
                    {
                        let at = p
                            .spans
                            .get("unit")
                            .cloned()
                            .unwrap_or_else(|| self.at(pspan.clone()));
                        let d = Diagnostic::error(
                            c::BAD_VALUE,
                            format!(
                                "项目“{}”的预算单位“{u}”既不是本部门，也不在下属单位中",
                                p.name
                            ),
                            at,
                        )
                        .with_help(format!("可写的单位：{}", units.join("、")));
                        self.diags.push(d);
                    }
                }
                self.ledger(t, &span, year_v, &projects, &local_func_names, &units)
            }
            None => {
                self.err(
                    c::MISSING,
                    "缺少 [ledger] 节（预算账目 facts）".into(),
                    root_span.start..root_span.start,
                );
                Vec::new()
            }
        };
        let procurement = self
            .section(root, "procurement")
            .map(|(t, s)| self.procurement(t, &s))
            .unwrap_or_default();
        let assets = self
            .section(root, "assets")
            .map(|(t, s)| self.assets(t, &s))
            .unwrap_or_default();
        let comparisons = self.comparisons(root);
        let overall_performance = self
            .section(root, "overall_performance")
            .map(|(t, s)| self.overall(t, &s));
        let notes = self
            .section(root, "notes")
            .map(|(t, s)| self.notes(t, &s))
            .unwrap_or_default();

        let mut department = department?;
        department.staff = staff?;
        Some(Budget {
            year: year?,
            kind: kind?,
            date,
            department,
            facts,
            projects: projects.into_iter().map(|(p, _)| p).collect(),
            procurement,
            assets,
            comparisons,
            overall_performance,
            notes,
            local_func_names,
        })
    }

    fn document(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
    ) -> (Option<i32>, Option<DocKind>, Option<String>) {
        let what = "[document]";
        self.known_keys(t, &["year", "kind", "unit", "date"], what);
        let year = self.required(t, span, "year", what).cloned().and_then(|v| {
            let n = self.int(&v, "[document] 的“year”（预算年度）")?;
            if (2000..=2100).contains(&n) {
                Some(n as i32)
            } else {
                self.err(
                    c::BAD_VALUE,
                    format!("预算年度 {n} 不在 2000–2100 之间"),
                    v.span(),
                );
                None
            }
        });
        let kind = self.required(t, span, "kind", what).cloned().and_then(|v| {
            let s = self.string(&v, "[document] 的“kind”")?;
            match s.trim() {
                "部门预算" => Some(DocKind::Department),
                "单位预算" => Some(DocKind::Unit),
                other => {
                    self.err(c::BAD_VALUE, format!("文档类型“{other}”不认识"), v.span())
                        .help = Some("kind 只能是“部门预算”或“单位预算”".into());
                    None
                }
            }
        });
        if let Some(v) = self.required(t, span, "unit", what).cloned()
            && let Some(s) = self.string(&v, "[document] 的“unit”")
        {
            match MoneyUnit::from_label(&s) {
                Some(u) => self.unit = u,
                None => {
                    self.err(c::BAD_VALUE, format!("金额单位“{s}”不认识"), v.span())
                        .help = Some("unit 只能是“元”或“万元”".into());
                }
            }
        }
        let date = self.opt_str(t, "date", what);
        (year, kind, date)
    }

    fn department(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Option<Department> {
        let what = "[department]";
        self.known_keys(
            t,
            &[
                "name",
                "unit_type",
                "functions",
                "subordinate_units",
                "offices",
                "contact",
                "phone",
            ],
            what,
        );
        let name = self.req_str(t, span, "name", what);
        if let Some(n) = &name
            && n.trim().is_empty()
        {
            self.err(c::BAD_VALUE, "部门名称不能为空".into(), span.clone());
        }
        let d = Department {
            source: self.at(span.clone()),
            spans: self.spans(t),
            name: name.unwrap_or_default().trim().to_string(),
            unit_type: self.opt_str(t, "unit_type", what).unwrap_or_default(),
            functions: self
                .req_str(t, span, "functions", what)
                .unwrap_or_default()
                .trim()
                .to_string(),
            subordinate_units: self.strings(t, "subordinate_units", what),
            offices: self.strings(t, "offices", what),
            staff: Staff::default(),
            contact: self.opt_str(t, "contact", what),
            phone: self.opt_str(t, "phone", what),
        };
        Some(d)
    }

    fn staff(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Option<Staff> {
        let what = "[staff]";
        self.known_keys(
            t,
            &[
                "authorized",
                "actual",
                "in_service",
                "retired",
                "lixiu",
                "in_service_change",
                "retired_change",
                "lixiu_change",
            ],
            what,
        );
        let authorized = self.count(t, span, "authorized", what, true);
        let in_service = self.count(t, span, "in_service", what, true);
        let retired = self.count(t, span, "retired", what, true);
        let lixiu = self.count(t, span, "lixiu", what, true);
        let actual = self.count(t, span, "actual", what, false);
        Some(Staff {
            spans: self.spans(t),
            authorized: authorized?,
            actual,
            in_service: in_service?,
            retired: retired?,
            lixiu: lixiu?,
            in_service_change: self.change(t, "in_service_change", what),
            retired_change: self.change(t, "retired_change", what),
            lixiu_change: self.change(t, "lixiu_change", what),
            source: self.at(span.clone()),
        })
    }

    fn subjects(&mut self, root: &DeTable<'_>) -> BTreeMap<FuncCode, String> {
        let mut out = BTreeMap::new();
        let Some((t, _)) = self.section(root, "subjects") else {
            return out;
        };
        for (k, v) in t.iter() {
            let code_text = k.get_ref().to_string();
            match FuncCode::parse(&code_text) {
                Ok(code) => {
                    if let Some(name) =
                        self.string(v, &format!("[subjects] 中科目 {code_text} 的名称"))
                    {
                        out.insert(code, name.trim().to_string());
                    }
                }
                Err(e) => {
                    self.err(
                        c::BAD_CODE,
                        format!("[subjects] 中的“{code_text}”不是支出功能分类科目编码：{e}"),
                        k.span(),
                    )
                    .help = Some(
                        "写成 \"2011350\" 或 \"201 13 50\"（类 3 位、款 2 位、项 2 位）".into(),
                    );
                }
            }
        }
        out
    }

    fn func_code(
        &mut self,
        v: &V<'_>,
        what: &str,
        year: i32,
        local: &BTreeMap<FuncCode, String>,
    ) -> Option<FuncCode> {
        let s = self.string(v, what)?;
        let code = match FuncCode::parse(&s) {
            Ok(code) => code,
            Err(e) => {
                self.err(c::BAD_CODE, format!("{what}“{s}”不是支出功能分类科目编码：{e}"), v.span()).help =
                    Some("支出功能分类写到项：类 3 位、款 2 位、项 2 位，如 \"2011350\" 或 \"201 13 50\"".into());
                return None;
            }
        };
        if code.level() != Level::Xiang {
            self.err(
                c::BAD_CODE,
                format!(
                    "{what}“{s}”是{}级科目，账目须写到项级（7 位）",
                    code.level().label()
                ),
                v.span(),
            );
            return None;
        }
        let cat = Catalog::get();
        for a in code.ancestry() {
            if cat.functional_name(a, year).is_none() && !local.contains_key(&a) {
                self.err(
                    c::UNKNOWN_CODE,
                    format!(
                        "{year} 年支出功能分类科目表中没有{}级科目 {}（{what}“{s}”）",
                        a.level().label(),
                        a.spaced()
                    ),
                    v.span(),
                )
                .help = Some(format!(
                    "核对编码；如确为本地区使用的科目，请在 [subjects] 中声明名称，如 \"{a}\" = \"科目名称\""
                ));
                return None;
            }
        }
        Some(code)
    }

    fn econ_code(&mut self, v: &V<'_>, what: &str, year: i32) -> Option<EconCode> {
        let s = self.string(v, what)?;
        let code = match EconCode::parse(&s) {
            Ok(code) => code,
            Err(e) => {
                self.err(
                    c::BAD_CODE,
                    format!("{what}“{s}”不是部门预算支出经济分类科目编码：{e}"),
                    v.span(),
                )
                .help = Some("经济分类写到款：类 3 位、款 2 位，如 \"30101\" 或 \"301 01\"".into());
                return None;
            }
        };
        if code.level() != Level::Kuan {
            self.err(
                c::BAD_CODE,
                format!("{what}“{s}”是类级科目，须写到款级（5 位）"),
                v.span(),
            );
            return None;
        }
        if Catalog::get().economic_name(code, year).is_none() {
            self.err(
                c::UNKNOWN_CODE,
                format!(
                    "{year} 年部门预算支出经济分类科目表中没有科目 {}（{what}“{s}”）",
                    code.spaced()
                ),
                v.span(),
            )
            .help = Some("核对编码，如 30101 基本工资、30201 办公费、30211 差旅费".into());
            return None;
        }
        Some(code)
    }

    fn projects(&mut self, root: &DeTable<'_>, year: i32) -> Vec<(Project, Range<usize>)> {
        let mut out: Vec<(Project, Range<usize>)> = Vec::new();
        let Some(v) = root.get("project") else {
            return out;
        };
        let Some(arr) = self.array(v, "[[project]]") else {
            return out;
        };
        for (i, item) in arr.iter().enumerate() {
            let what = format!("第 {} 个 [[project]]", i + 1);
            let Some(t) = self.table(item, &what) else {
                continue;
            };
            let span = item.span();
            self.known_keys(
                t,
                &[
                    "name",
                    "unit",
                    "basis",
                    "executor",
                    "leader",
                    "period",
                    "purpose",
                    "allocation",
                    "carry_over_use",
                    "performance",
                ],
                &what,
            );
            let Some(name) = self.req_str(t, &span, "name", &what) else {
                continue;
            };
            let name = name.trim().to_string();
            let what = format!("项目“{name}”");
            if let Some((_, first)) = out.iter().find(|(p, _)| p.name == name) {
                let first = self.at(first.clone());
                let d = self.err(c::DUPLICATE, format!("项目“{name}”重复声明"), span.clone());
                d.secondary
                    .push(yusuan_core::diag::Label::at(first, "第一次声明在这里"));
                continue;
            }
            let mut allocation = Vec::new();
            if let Some(av) = t.get("allocation")
                && let Some(items) =
                    self.array(av, &format!("{what}的“allocation”（资金分配情况）"))
            {
                for (j, it) in items.iter().enumerate() {
                    let w = format!("{what}资金分配第 {} 项", j + 1);
                    let Some(at) = self.table(it, &w) else {
                        continue;
                    };
                    self.known_keys(at, &["item", "econ", "amount"], &w);
                    let label = self.req_str(at, &it.span(), "item", &w);
                    let econ = at
                        .get("econ")
                        .cloned()
                        .and_then(|e| self.econ_code(&e, &format!("{w}的经济分类"), year));
                    let amount = self.req_amount(at, &it.span(), "amount", &w);
                    if let (Some(label), Some(amount)) = (label, amount) {
                        allocation.push(AllocationItem {
                            label,
                            econ,
                            amount,
                            source: self.at(it.span()),
                        });
                    }
                }
            }
            let performance = t.get("performance").and_then(|pv| {
                let pt = self.table(pv, &format!("{what}的 performance"))?;
                let w = format!("{what}的绩效目标");
                self.known_keys(pt, &["goal", "indicators", "total", "fiscal", "other"], &w);
                let goal = self.req_str(pt, &pv.span(), "goal", &w).unwrap_or_default();
                let indicators = self.indicators(pt, &pv.span(), &w);
                Some(ProjectPerformance {
                    goal: goal.trim().to_string(),
                    indicators,
                    stated_total: self.opt_amount(pt, "total", &w),
                    stated_fiscal: self.opt_amount(pt, "fiscal", &w),
                    stated_other: self.opt_amount(pt, "other", &w),
                    spans: self.spans(pt),
                })
            });
            let p = Project {
                spans: self.spans(t),
                unit: self.opt_str(t, "unit", &what),
                basis: self.opt_str(t, "basis", &what).unwrap_or_default(),
                executor: self.opt_str(t, "executor", &what).unwrap_or_default(),
                leader: self.opt_str(t, "leader", &what),
                period: self.opt_str(t, "period", &what).unwrap_or_default(),
                purpose: self.opt_str(t, "purpose", &what).unwrap_or_default(),
                allocation,
                carry_over_use: self.opt_str(t, "carry_over_use", &what),
                performance,
                source: self.at(span.clone()),
                name,
            };
            out.push((p, span));
        }
        out
    }

    fn indicators(&mut self, t: &DeTable<'_>, span: &Range<usize>, what: &str) -> Vec<Indicator> {
        let mut out = Vec::new();
        let Some(v) = self.required(t, span, "indicators", what).cloned() else {
            return out;
        };
        let Some(arr) = self.array(&v, &format!("{what}的“indicators”")) else {
            return out;
        };
        let items: Vec<V<'_>> = arr.iter().cloned().collect();
        for (i, it) in items.iter().enumerate() {
            let w = format!("{what}第 {} 条指标", i + 1);
            let Some(it_t) = self.table(it, &w) else {
                continue;
            };
            let s = it.span();
            self.known_keys(
                it_t,
                &[
                    "level1",
                    "level2",
                    "name",
                    "cmp",
                    "value",
                    "unit",
                    "basis",
                    "last_year",
                    "weight",
                    "scoring",
                    "evidence",
                ],
                &w,
            );
            let comparator = match it_t.get("cmp").cloned() {
                None => Some(Comparator::Qualitative),
                Some(cv) => self.string(&cv, &format!("{w}的“cmp”")).and_then(|cs| {
                    let r = Comparator::parse(&cs);
                    if r.is_none() {
                        self.err(c::BAD_VALUE, format!("{w}的比较符“{cs}”不认识"), cv.span())
                            .help = Some("cmp 可写 >=、>、<=、<、= 或 定性".into());
                    }
                    r
                }),
            };
            let weight = it_t.get("weight").cloned().and_then(|wv| {
                let text = match wv.get_ref() {
                    DeValue::Integer(_) | DeValue::Float(_) => {
                        self.src.get(wv.span()).unwrap_or("").to_string()
                    }
                    DeValue::String(s) => s.to_string(),
                    _ => {
                        self.wrong_type(&wv, &format!("{w}的“weight”"), "分值（数字）");
                        return None;
                    }
                };
                match parse_printed(&text, Unit::Number).filter(|p| {
                    p.decimals <= 2
                        && p.units >= 0
                        && p.units <= 100 * 10i64.pow(u32::from(p.decimals))
                }) {
                    Some(p) => Some(p.units * 10i64.pow(u32::from(2 - p.decimals))),
                    None => {
                        self.err(
                            c::BAD_VALUE,
                            format!(
                                "{w}的分值“{text}”应为不小于 0、最多两位小数、不超过 100 的数字"
                            ),
                            wv.span(),
                        );
                        None
                    }
                }
            });
            let ind = Indicator {
                level1: self.req_str(it_t, &s, "level1", &w).unwrap_or_default(),
                level2: self.req_str(it_t, &s, "level2", &w).unwrap_or_default(),
                name: self.req_str(it_t, &s, "name", &w).unwrap_or_default(),
                comparator: comparator.unwrap_or(Comparator::Qualitative),
                value: self.req_str(it_t, &s, "value", &w).unwrap_or_default(),
                unit: self.opt_str(it_t, "unit", &w).unwrap_or_default(),
                basis: self.opt_str(it_t, "basis", &w).unwrap_or_default(),
                last_year: self.opt_str(it_t, "last_year", &w),
                weight,
                scoring: self.opt_str(it_t, "scoring", &w).unwrap_or_default(),
                evidence: self.opt_str(it_t, "evidence", &w).unwrap_or_default(),
                source: self.at(s.clone()),
            };
            out.push(ind);
        }
        out
    }

    fn ledger(
        &mut self,
        t: &DeTable<'_>,
        span: &Range<usize>,
        year: i32,
        projects: &[(Project, Range<usize>)],
        local: &BTreeMap<FuncCode, String>,
        units: &[String],
    ) -> Vec<Fact> {
        self.known_keys(t, &["facts"], "[ledger]");
        let mut out: Vec<Fact> = Vec::new();
        let Some(v) = self.required(t, span, "facts", "[ledger]").cloned() else {
            return out;
        };
        let Some(arr) = self.array(&v, "[ledger] 的“facts”") else {
            return out;
        };
        let items: Vec<V<'_>> = arr.iter().cloned().collect();
        type Key = (FuncCode, EconCode, FundSource, Use, Option<String>);
        let mut seen: HashMap<Key, SourceRef> = HashMap::new();
        let mut total_abs: i128 = 0;
        for (i, it) in items.iter().enumerate() {
            let w = format!("第 {} 条账目", i + 1);
            let Some(ft) = self.table(it, &w) else {
                continue;
            };
            let s = it.span();
            self.known_keys(
                ft,
                &["func", "econ", "fund", "kind", "project", "unit", "amount"],
                &w,
            );
            let func = self
                .required(ft, &s, "func", &w)
                .cloned()
                .and_then(|v| self.func_code(&v, &format!("{w}的功能分类"), year, local));
            let econ = self
                .required(ft, &s, "econ", &w)
                .cloned()
                .and_then(|v| self.econ_code(&v, &format!("{w}的经济分类"), year));
            let fund = self.required(ft, &s, "fund", &w).cloned().and_then(|v| {
                let name = self.string(&v, &format!("{w}的资金来源"))?;
                let f = FundSource::from_label(&name);
                if f.is_none() {
                    let all: Vec<&str> = FundSource::ALL.iter().map(|f| f.label()).collect();
                    self.err(
                        c::UNKNOWN_FUND,
                        format!("{w}的资金来源“{name}”不认识"),
                        v.span(),
                    )
                    .help = Some(format!("可用的资金来源：{}", all.join("、")));
                }
                f
            });
            let kind_v = self.required(ft, &s, "kind", &w).cloned();
            let kind = kind_v
                .as_ref()
                .and_then(|v| self.string(v, &format!("{w}的支出性质")));
            let project_v = ft.get("project").cloned();
            let use_ = match (kind.as_deref().map(str::trim), &project_v) {
                (None, _) => None,
                (Some("人员经费"), None) => Some(Use::Personnel),
                (Some("公用经费"), None) => Some(Use::Public),
                (Some("人员经费" | "公用经费"), Some(pv)) => {
                    self.err(
                        c::BAD_VALUE,
                        format!("{w}是基本支出，不应写“project”"),
                        pv.span(),
                    )
                    .help = Some("项目支出请写 kind = \"项目支出\"".into());
                    None
                }
                (Some("项目支出" | "项目"), Some(pv)) => {
                    let name = self.string(pv, &format!("{w}的项目名称"));
                    match name.map(|n| {
                        projects
                            .iter()
                            .position(|(p, _)| p.name == n.trim())
                            .ok_or(n)
                    }) {
                        Some(Ok(idx)) => Some(Use::Project(idx)),
                        Some(Err(n)) => {
                            self.err(
                                c::UNKNOWN_PROJECT,
                                format!("{w}引用的项目“{n}”没有在 [[project]] 中声明"),
                                pv.span(),
                            )
                            .help = Some(
                                "先用 [[project]] 声明项目（名称须完全一致），再在账目中引用"
                                    .into(),
                            );
                            None
                        }
                        None => None,
                    }
                }
                (Some("项目支出" | "项目"), None) => {
                    self.err(
                        c::MISSING,
                        format!("{w}是项目支出，缺少“project”（项目名称）"),
                        s.clone(),
                    );
                    None
                }
                (Some(other), _) => {
                    let at = kind_v.as_ref().map(|v| v.span()).unwrap_or(s.clone());
                    self.err(c::BAD_VALUE, format!("{w}的支出性质“{other}”不认识"), at)
                        .help = Some("kind 只能是“人员经费”、“公用经费”或“项目支出”".into());
                    None
                }
            };
            let amount = self.req_amount(ft, &s, "amount", &w);
            // The budget unit of basic spending, when a subordinate unit's (projects name theirs).
            let unit = match ft.get("unit").cloned() {
                None => Some(None),
                Some(uv) => {
                    let name = self.string(&uv, &format!("{w}的“unit”（预算单位）"));
                    match (name, &use_) {
                        (None, _) => None,
                        (Some(_), Some(Use::Project(_))) => {
                            self.err(
                                c::BAD_VALUE,
                                format!("{w}是项目支出，预算单位随项目，不应写“unit”"),
                                uv.span(),
                            )
                            .help = Some("在 [[project]] 中用 unit 写明项目所属单位".into());
                            None
                        }
                        (Some(n), _) if units.iter().any(|u| *u == n.trim()) => {
                            Some(Some(n.trim().to_string()))
                        }
                        (Some(n), _) => {
                            self.err(
                                c::BAD_VALUE,
                                format!("{w}的预算单位“{n}”既不是本部门，也不在下属单位中"),
                                uv.span(),
                            )
                            .help = Some(format!("可写的单位：{}", units.join("、")));
                            None
                        }
                    }
                }
            };
            let (Some(func), Some(econ), Some(fund), Some(use_), Some(amount), Some(unit)) =
                (func, econ, fund, use_, amount, unit)
            else {
                continue;
            };
            // The department itself is the default unit.
            let unit = unit.filter(|u| Some(u) != units.first());
            total_abs += i128::from(amount.fen().unsigned_abs());
            if total_abs > i128::from(yusuan_core::money::MAX_ABS_FEN) {
                self.err(
                    c::BAD_AMOUNT,
                    format!("{w}：账目金额累计超过 10 万亿元，超出可处理范围"),
                    s.clone(),
                );
                break;
            }
            let here = self.at(s.clone());
            if let Some(first) = seen.get(&(func, econ, fund, use_.clone(), unit.clone())) {
                let first = first.clone();
                let d = self.err(
                    c::DUPLICATE,
                    format!("{w}与前面的账目重复：功能分类、经济分类、资金来源和支出性质都相同"),
                    s.clone(),
                );
                d.secondary
                    .push(yusuan_core::diag::Label::at(first, "第一次出现在这里"));
                d.help = Some("同一组合只记一条账目：请把金额合并".into());
                continue;
            }
            seen.insert((func, econ, fund, use_.clone(), unit.clone()), here.clone());
            out.push(Fact {
                func,
                econ,
                fund,
                use_,
                amount,
                unit,
                source: here,
            });
        }
        out
    }

    fn procurement(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Procurement {
        let w = "[procurement]";
        self.known_keys(
            t,
            &[
                "goods",
                "works",
                "services",
                "sme_reserved",
                "small_micro_reserved",
            ],
            w,
        );
        Procurement {
            spans: self.spans(t),
            goods: self.opt_amount(t, "goods", w).unwrap_or_default(),
            works: self.opt_amount(t, "works", w).unwrap_or_default(),
            services: self.opt_amount(t, "services", w).unwrap_or_default(),
            sme_reserved: self.opt_amount(t, "sme_reserved", w).unwrap_or_default(),
            small_micro_reserved: self
                .opt_amount(t, "small_micro_reserved", w)
                .unwrap_or_default(),
            source: self.at(span.clone()),
        }
    }

    fn assets(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> Assets {
        let w = "[assets]";
        self.known_keys(
            t,
            &[
                "as_of",
                "building_area",
                "building_value",
                "vehicles",
                "furniture_value",
                "other_value",
                "equipment_over_50",
                "equipment_over_100",
                "planned_vehicles",
                "planned_equipment_over_50",
                "planned_equipment_over_100",
            ],
            w,
        );
        let mut vehicles = Vec::new();
        if let Some(v) = t.get("vehicles")
            && let Some(arr) = self.array(v, "[assets] 的“vehicles”")
        {
            for (i, it) in arr.iter().enumerate() {
                let vw = format!("[assets] 车辆第 {} 项", i + 1);
                let Some(vt) = self.table(it, &vw) else {
                    continue;
                };
                self.known_keys(vt, &["kind", "count", "value"], &vw);
                let kind = self.req_str(vt, &it.span(), "kind", &vw);
                let count = self.count(vt, &it.span(), "count", &vw, true);
                let value = self.req_amount(vt, &it.span(), "value", &vw);
                if let (Some(kind), Some(count), Some(value)) = (kind, count, value) {
                    vehicles.push(VehicleClass { kind, count, value });
                }
            }
        }
        Assets {
            spans: self.spans(t),
            as_of: self.opt_str(t, "as_of", w).unwrap_or_default(),
            building_area: self
                .opt_str(t, "building_area", w)
                .unwrap_or_else(|| "0".into()),
            building_value: self.opt_amount(t, "building_value", w).unwrap_or_default(),
            vehicles,
            furniture_value: self.opt_amount(t, "furniture_value", w).unwrap_or_default(),
            other_value: self.opt_amount(t, "other_value", w).unwrap_or_default(),
            equipment_over_50: self
                .count(t, span, "equipment_over_50", w, false)
                .unwrap_or(0),
            equipment_over_100: self
                .count(t, span, "equipment_over_100", w, false)
                .unwrap_or(0),
            planned_vehicles: self
                .count(t, span, "planned_vehicles", w, false)
                .unwrap_or(0),
            planned_equipment_over_50: self
                .count(t, span, "planned_equipment_over_50", w, false)
                .unwrap_or(0),
            planned_equipment_over_100: self
                .count(t, span, "planned_equipment_over_100", w, false)
                .unwrap_or(0),
            source: self.at(span.clone()),
        }
    }

    fn comparisons(&mut self, root: &DeTable<'_>) -> Vec<Comparison> {
        let mut out: Vec<Comparison> = Vec::new();
        let Some(v) = root.get("comparison") else {
            return out;
        };
        let Some(arr) = self.array(v, "[[comparison]]") else {
            return out;
        };
        for (i, it) in arr.iter().enumerate() {
            let w = format!("第 {} 个 [[comparison]]", i + 1);
            let Some(t) = self.table(it, &w) else {
                continue;
            };
            let s = it.span();
            self.known_keys(t, &["subject", "last_year", "reason"], &w);
            let subject = self.required(t, &s, "subject", &w).cloned().and_then(|sv| {
                let text = self.string(&sv, &format!("{w}的“subject”"))?;
                let subj = Subject::parse(&text);
                if subj.is_none() {
                    self.err(c::BAD_VALUE, format!("{w}的比较口径“{text}”不认识"), sv.span()).help = Some(
                        "可写：收支总预算、收入/一般公共预算、收入/非财政拨款结转结余、基本支出、项目支出、财政拨款收支总预算、一般公共预算、一般公共预算/基本支出、一般公共预算/项目支出、一般公共预算/2011350（项级编码）、运行经费、三公经费、三公经费/公务接待费 等".into(),
                    );
                }
                subj.map(|x| (x, sv.span()))
            });
            let last_year = self.req_amount(t, &s, "last_year", &w);
            let reason = self.opt_str(t, "reason", &w).map(|r| r.trim().to_string());
            let (Some((subject, sspan)), Some(last_year)) = (subject, last_year) else {
                continue;
            };
            if let Some(first) = out.iter().find(|c| c.subject == subject) {
                let first = first.source.clone();
                let d = self.err(
                    c::DUPLICATE,
                    format!("比较口径“{}”重复", subject.key()),
                    sspan,
                );
                d.secondary
                    .push(yusuan_core::diag::Label::at(first, "第一次出现在这里"));
                continue;
            }
            out.push(Comparison {
                spans: self.spans(t),
                subject,
                last_year,
                reason,
                source: self.at(s),
            });
        }
        out
    }

    fn overall(&mut self, t: &DeTable<'_>, span: &Range<usize>) -> OverallPerformance {
        let w = "[overall_performance]";
        self.known_keys(
            t,
            &[
                "printed_name",
                "goal",
                "upper_funds",
                "local_funds",
                "other_funds",
                "indicators",
            ],
            w,
        );
        OverallPerformance {
            spans: self.spans(t),
            printed_name: self.opt_str(t, "printed_name", w),
            goal: self
                .req_str(t, span, "goal", w)
                .unwrap_or_default()
                .trim()
                .to_string(),
            upper_funds: self.opt_amount(t, "upper_funds", w),
            local_funds: self.opt_amount(t, "local_funds", w),
            other_funds: self.opt_amount(t, "other_funds", w),
            indicators: self.indicators(t, span, "部门整体绩效目标"),
            source: self.at(span.clone()),
        }
    }

    fn notes(&mut self, t: &DeTable<'_>, _span: &Range<usize>) -> NarrativeNotes {
        let w = "[notes]";
        self.known_keys(t, &["class_usage", "other_matters", "glossary"], w);
        let mut class_usage = BTreeMap::new();
        if let Some(v) = t.get("class_usage")
            && let Some(ct) = self.table(v, "[notes] 的“class_usage”")
        {
            for (k, uv) in ct.iter() {
                let key = k.get_ref().to_string();
                match FuncCode::parse(&key) {
                    Ok(code) if code.level() == Level::Class => {
                        if let Some(s) = self.string(uv, &format!("[notes] 中 {key} 类的用途"))
                        {
                            class_usage.insert(code, s.trim().to_string());
                        }
                    }
                    _ => {
                        self.err(
                            c::BAD_CODE,
                            format!("[notes] class_usage 的键“{key}”应为功能分类类级编码（3 位）"),
                            k.span(),
                        );
                    }
                }
            }
        }
        NarrativeNotes {
            spans: self.spans(t),
            class_usage,
            other_matters: self
                .opt_str(t, "other_matters", w)
                .map(|s| s.trim().to_string()),
            glossary: self.opt_str(t, "glossary", w),
        }
    }
}
