//! Source-format errors: each kind of mistake a finance officer makes gives a Chinese message
//! naming the line and column, with the excerpt underlined — and every problem in a file is
//! reported, not only the first.

use yusuan_formats::{diag_text, source};

const BASE: &str = r#"[document]
year = 2025
kind = "部门预算"
unit = "万元"

[department]
name = "测试中心"
functions = "测试职能"

[staff]
authorized = 3
in_service = 2
retired = 1
lixiu = 0

[ledger]
facts = [
  { func = "2011350", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = 10.00 },
  { func = "2011350", econ = "30201", fund = "一般公共预算", kind = "公用经费", amount = 1.00 },
]
"#;

/// Parses `text` as `budget.toml` and renders every diagnostic as the CLI prints it.
fn check(text: &str) -> String {
    let parsed = source::parse(text);
    assert!(
        parsed.budget.is_none() || parsed.diagnostics.is_empty(),
        "a budget is returned only when there is no error"
    );
    parsed
        .diagnostics
        .iter()
        .map(|d| diag_text::render(d, "budget.toml", text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// BASE with one more fact appended to the ledger (as line 21).
fn with_fact(fact: &str) -> String {
    let end = BASE.rfind("]\n").expect("ledger closes");
    format!("{}  {fact}\n{}", &BASE[..end], &BASE[end..])
}

#[test]
fn base_is_valid() {
    let parsed = source::parse(BASE);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let b = parsed.budget.expect("valid budget");
    assert_eq!(b.facts.len(), 2);
    assert_eq!(b.facts[0].amount.fen(), 10_000_000);
}

#[test]
fn malformed_code() {
    let out = check(&with_fact(
        r#"{ func = "20113", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = 1 },"#,
    ));
    insta::assert_snapshot!(out);
    assert!(out.contains("budget.toml:20:12"), "{out}");
}

#[test]
fn unknown_code() {
    let out = check(&with_fact(
        r#"{ func = "2011350", econ = "30198", fund = "一般公共预算", kind = "人员经费", amount = 1 },"#,
    ));
    insta::assert_snapshot!(out);
    assert!(out.contains("没有科目 301 98"), "{out}");
}

#[test]
fn unknown_functional_code_suggests_declaring_it() {
    let out = check(&with_fact(
        r#"{ func = "2011377", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = 1 },"#,
    ));
    assert!(out.contains("没有项级科目 201 13 77"), "{out}");
    assert!(out.contains("[subjects]"), "{out}");
    // Declaring the name makes the same fact valid.
    let declared = with_fact(
        r#"{ func = "2011377", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = 1 },"#,
    ) + "\n[subjects]\n\"2011377\" = \"本地科目\"\n";
    assert_eq!(check(&declared), "");
}

#[test]
fn unknown_fund_source() {
    let out = check(&with_fact(
        r#"{ func = "2011350", econ = "30101", fund = "一般预算资金", kind = "人员经费", amount = 1 },"#,
    ));
    insta::assert_snapshot!(out);
    assert!(out.contains("资金来源“一般预算资金”不认识"), "{out}");
}

#[test]
fn malformed_amounts() {
    let out = check(&with_fact(
        r#"{ func = "2011399", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = "12.3a" },"#,
    ));
    insta::assert_snapshot!(out);
    let too_precise = check(&with_fact(
        r#"{ func = "2011399", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = 1.0000001 },"#,
    ));
    assert!(too_precise.contains("最多只能有 6 位小数"), "{too_precise}");
    let in_yuan = check(
        &BASE
            .replace("unit = \"万元\"", "unit = \"元\"")
            .replace("amount = 1.00 }", "amount = 1.005 }"),
    );
    assert!(
        in_yuan.contains("以元为单位最多只能有 2 位小数"),
        "{in_yuan}"
    );
    let exponent = check(&BASE.replace("amount = 1.00 }", "amount = 1e3 }"));
    assert!(exponent.contains("“1e3”不是合法的金额数字"), "{exponent}");
}

#[test]
fn duplicate_fact_points_at_both() {
    let out = check(&with_fact(
        r#"{ func = "2011350", econ = "30101", fund = "一般公共预算", kind = "人员经费", amount = 2 },"#,
    ));
    insta::assert_snapshot!(out);
    assert!(
        out.contains("budget.toml:20:3") && out.contains("budget.toml:18:3"),
        "{out}"
    );
}

#[test]
fn missing_field() {
    let out = check(&with_fact(
        r#"{ func = "2011350", fund = "一般公共预算", kind = "人员经费", amount = 2 },"#,
    ));
    insta::assert_snapshot!(out);
    assert!(out.contains("缺少必填字段“econ”"), "{out}");
    let no_name = check(&BASE.replace("name = \"测试中心\"\n", ""));
    assert!(
        no_name.contains("[department]缺少必填字段“name”"),
        "{no_name}"
    );
}

#[test]
fn misspelt_key_is_not_silently_ignored() {
    let out = check(&BASE.replace("amount = 1.00 }", "amout = 1.00 }"));
    assert!(out.contains("未知字段“amout”"), "{out}");
    assert!(out.contains("缺少必填字段“amount”"), "{out}");
}

#[test]
fn unknown_project() {
    let out = check(&with_fact(
        r#"{ func = "2011399", econ = "30227", fund = "一般公共预算", kind = "项目支出", project = "不存在的项目", amount = 2 },"#,
    ));
    assert!(
        out.contains("项目“不存在的项目”没有在 [[project]] 中声明"),
        "{out}"
    );
}

#[test]
fn syntax_error() {
    let out = check(&BASE.replace("year = 2025", "year = = 2025"));
    assert!(out.starts_with("错误[S001]: TOML 语法错误"), "{out}");
    assert!(out.contains("budget.toml:2:"), "{out}");
}

#[test]
fn every_error_is_reported() {
    let text = BASE
        .replace("kind = \"部门预算\"", "kind = \"部门决算\"")
        .replace("authorized = 3", "authorized = -3")
        .replace("econ = \"30201\"", "econ = \"302\"")
        .replace("amount = 10.00", "amount = \"十元\"");
    let parsed = source::parse(&text);
    let codes: Vec<&str> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["S011", "S011", "S008", "S005"],
        "{:#?}",
        parsed.diagnostics
    );
    assert!(parsed.budget.is_none());
}

#[test]
fn non_utf8_source_names_the_line() {
    let mut bytes = b"[document]\nyear = 2025\nkind = \"".to_vec();
    bytes.extend([0xB2, 0xBF, 0xC3, 0xC5]); // 部门 in GBK
    let err = source::decode(&bytes).unwrap_err();
    assert_eq!(err.code, "S012");
    assert!(err.message.contains("第 3 行"), "{}", err.message);
}

#[test]
fn init_template_is_a_valid_budget() {
    let parsed = source::parse(source::TEMPLATE);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    let b = parsed.budget.unwrap();
    let d = yusuan_core::derive(&b);
    assert_eq!(d.tables.len(), 11);
}

#[test]
fn units_must_be_the_department_or_its_subordinate_units() {
    let with_units = BASE.replace(
        "functions = \"测试职能\"",
        "functions = \"测试职能\"\nsubordinate_units = [\"测试分站\"]",
    );
    // Basic spending of a subordinate unit is fine …
    let ok = with_units.replace(
        "kind = \"公用经费\", amount = 1.00 }",
        "kind = \"公用经费\", unit = \"测试分站\", amount = 1.00 }",
    );
    let parsed = source::parse(&ok);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
    assert_eq!(
        parsed.budget.unwrap().facts[1].unit.as_deref(),
        Some("测试分站")
    );
    // … an unknown unit is not.
    let bad = with_units.replace(
        "kind = \"公用经费\", amount = 1.00 }",
        "kind = \"公用经费\", unit = \"别的单位\", amount = 1.00 }",
    );
    let out = check(&bad);
    assert!(
        out.contains("预算单位“别的单位”既不是本部门，也不在下属单位中"),
        "{out}"
    );
    assert!(out.contains("可写的单位：测试中心、测试分站"), "{out}");
}
