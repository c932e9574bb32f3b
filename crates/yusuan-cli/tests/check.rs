//! `yusuan check`, `rules`, `explain` and `obligations` as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yusuan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run yusuan")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const EXAMPLE: &str = "examples/changji-sme-center-2025.toml";
const GOLDEN: &str = "tests/golden/changji-2025-tables.csv";

/// The findings a careful reader finds in the reference example (domain.md), with the zero-base
/// growth wording `zero_base` (N005 on the source's reasons, N009 on the published sentence).
fn reference_findings(zero_base: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = [
        // 三公: the 215.00 project itemises 公务接待费 1 and 公务用车运行维护费 3 while table 10 is 0.
        ("G002", "error"),
        ("G002", "error"),
        // the 215.00 project's itemisation adds up to 217.15.
        ("P001", "error"),
        // 在职“增加 0人” against “部门较上年预算增加 1人” in three places.
        ("D002", "error"),
        ("D002", "error"),
        ("D002", "error"),
        // the 部门整体绩效目标表 names 中小企业发展局.
        ("D003", "error"),
        // 运行经费 explained by the 领导小组办公室 project's funds.
        ("G003", "warning"),
        // 财政资金 480.74 includes the 5.00 非财政拨款结转结余.
        ("P009", "warning"),
        // 201 13 99: 0 → 222.00 called “增长 100%”.
        (zero_base, "warning"),
        // rounding: table 2/3/5 210 11 (12.84 vs 12.83), table 6 (32.34 vs 32.35, 253.75 vs 253.74).
        ("T0203", "info"),
        ("T0203", "info"),
        ("T0203", "info"),
        ("T0302", "info"),
        ("T0302", "info"),
        ("T0502", "info"),
        ("T0502", "info"),
        ("T0601", "info"),
        ("T0602", "info"),
        ("T0602", "info"),
        ("T0603", "info"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    v.sort();
    v
}

/// The (rule, severity) pairs of `check --format json` output, sorted.
fn rules_of(v: &serde_json::Value) -> Vec<(String, String)> {
    let mut got: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    got
}

/// The reference example reports exactly the findings a careful reader finds (domain.md), at
/// the right severity — and nothing else.
#[test]
fn reference_example_findings() {
    let o = yusuan(&["check", EXAMPLE, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "errors found → exit 1");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(rules_of(&v), reference_findings("N005"));
    // A finding carries the figures and the place.
    let p001 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "P001")
        .unwrap();
    assert_eq!(p001["figures"]["expected"], "215.00");
    assert_eq!(p001["figures"]["found"], "217.15");
    assert_eq!(p001["figures"]["difference"], "+2.15");
    assert_eq!(p001["location"]["file"], EXAMPLE);
    assert!(p001["location"]["line"].as_u64().unwrap() > 100);
    assert!(p001["message"].as_str().unwrap().contains("217.15"));
    let t0601 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "T0601")
        .unwrap();
    assert_eq!(t0601["location"]["table"], 6);
    assert_eq!(t0601["location"]["row_label"], "总计");
    assert_eq!(t0601["location"]["column_key"], "合计");
    assert!(
        t0601["figures"]["allowed"]
            .as_str()
            .unwrap()
            .contains("[253.735, 253.745)")
    );
}

#[test]
fn human_output_shows_excerpts_and_a_summary() {
    let o = yusuan(&["check", EXAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("错误[P001]: 项目“昌吉州促进产业高质量发展工作领导小组办公室工作经费”的资金分配各项合计 217.15 万元"), "{out}");
    assert!(
        out.contains("129 │   { item = \"公务接待费\", econ = \"30217\", amount = 10000.00 },"),
        "{out}"
    );
    assert!(out.contains("提示[T0601]: 表6「总计」行「合计」列应等于人员经费、公用经费之和：应为 253.75，印为 253.74"), "{out}");
    assert!(out.contains("7 个错误，3 个警告，11 个提示"), "{out}");
}

#[test]
fn the_published_tables_alone_have_only_rounding_notes() {
    let o = yusuan(&["check", GOLDEN]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 个错误，0 个警告，11 个提示"));
}

#[test]
fn a_broken_table_is_an_error_with_exit_1() {
    let dir = std::env::temp_dir().join(format!("yusuan-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("broken.csv");
    let text = std::fs::read_to_string(root().join(GOLDEN))
        .unwrap()
        .replace("5,,总计,合计,475.74", "5,,总计,合计,475.84");
    std::fs::write(&f, text).unwrap();
    let o = yusuan(&["check", f.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"T0501") && rules.contains(&"X016") && rules.contains(&"X017"),
        "{rules:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unreadable_inputs_exit_2() {
    let o = yusuan(&["check", "missing.toml"]);
    assert_eq!(o.status.code(), Some(2));
    let o = yusuan(&["check", "README.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .contains("不支持的文件类型")
    );
}

#[test]
fn rules_lists_the_catalogue_and_explain_prints_docs() {
    let o = yusuan(&["rules"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("T0601  错误  表6 合计等于人员经费加公用经费"),
        "{out}"
    );
    assert!(
        out.contains("G003   警告  运行经费的变动原因引用了项目支出"),
        "{out}"
    );
    assert!(out.contains("共 212 条规则"), "{out}");
    assert!(
        out.contains("T9202  错误  上海表2 上级科目等于下级科目之和"),
        "{out}"
    );
    assert!(
        out.contains("T0002  错误  按编码：上级科目等于下级科目之和"),
        "{out}"
    );
    let o = yusuan(&["explain", "p001"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for section in [
        "P001 项目资金分配之和等于项目预算",
        "检查内容",
        "为什么",
        "示例",
        "依据",
        "217.15",
    ] {
        assert!(out.contains(section), "{section}: {out}");
    }
    let o = yusuan(&["explain", "Z999"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn obligations_ledger_never_counts_unevaluated_as_passed() {
    let o = yusuan(&["obligations"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("O08 说明“三公”经费预算及增减原因，且与表10 一致"));
    let o = yusuan(&["obligations", EXAMPLE]);
    let out = stdout(&o);
    assert!(out.contains("未通过 O08"), "{out}");
    assert!(out.contains("未通过 O12"), "{out}");
    assert!(out.contains("通过   O04"), "{out}");
    assert!(out.contains("未评估 O01"), "{out}");
    // From the tables alone, the narrative obligations cannot be evaluated.
    let o = yusuan(&["obligations", GOLDEN]);
    let out = stdout(&o);
    assert!(
        out.contains("未评估 O08") && out.contains("通过   O05"),
        "{out}"
    );
}

/// The published text reports the same findings as the source restated from it (domain.md),
/// plus the “增加 0.00” wording notes; its rounding gaps are 提示 exactly as for the source.
#[test]
fn published_text_is_checked_tables_and_narrative() {
    let o = yusuan(&[
        "check",
        "examples/changji-sme-center-2025-budget.published.txt",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mut want = reference_findings("N009");
    // Also on the published text: the “增加 0.00” wording, and 215 05 named “工业和信息产业”
    // where the catalogue has “工业和信息产业监管”.
    want.extend([
        ("N008".to_string(), "info".to_string()),
        ("N008".to_string(), "info".to_string()),
        ("K005".to_string(), "warning".to_string()),
    ]);
    want.sort();
    assert_eq!(rules_of(&v), want);
    // Every finding points at a line of the text.
    for f in v.as_array().unwrap() {
        let line = f["location"]["line"].as_u64();
        assert!(line.is_some_and(|l| l > 0 && l < 1700), "{f}");
    }
    // The tables read from the text are the published ones, cell by cell.
    let o = yusuan(&[
        "tables",
        "examples/changji-sme-center-2025-budget.published.txt",
        "--format",
        "csv",
    ]);
    assert_eq!(
        stdout(&o),
        std::fs::read_to_string(root().join(GOLDEN)).unwrap()
    );
}

/// Government text files are often GB18030: they are read as such, with a note.
#[test]
fn gb18030_text_is_read() {
    let utf8 = std::fs::read_to_string(
        root().join("examples/changji-sme-center-2025-budget.published.txt"),
    )
    .unwrap();
    // Encode as GB18030 by hand for the characters used: via the library the CLI uses.
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&utf8);
    assert!(!unmappable);
    let dir = std::env::temp_dir().join(format!("yusuan-gb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("gb.txt");
    std::fs::write(&f, &bytes).unwrap();
    let o = yusuan(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已按 GB18030 读取"));
    assert!(stdout(&o).contains("7 个错误，4 个警告，13 个提示"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Beijing publishes its narrative and its tables as two PDFs: `--as-one` reads them as one
/// document, the second file's pages numbered on from the first's, and says so.
#[test]
fn two_files_are_checked_as_one_document() {
    let part = |n: u8| {
        root()
            .join(format!(
                "crates/yusuan-import/tests/corpus/other/beijing_beijing_shenjiju_2026_dept_budget_part{n}.pdf"
            ))
            .display()
            .to_string()
    };
    let (a, b) = (part(1), part(2));
    let o = yusuan(&["check", &a, &b, "--as-one", "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(err.contains("合并为一份文件读入"), "{err}");
    assert!(err.contains("part2.pdf 从第 11 页起"), "{err}");
    let tables: usize = err
        .split("读到 ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(tables >= 8, "the tables of part 2: {err}");
    // The tables of part 2 are found on the joined pages (past part 1's ten).
    let o = yusuan(&["check", &a, &b, "--as-one"]);
    let out = stdout(&o);
    assert!(out.contains(&format!("{a} + {b}：0 个错误")), "{out}");
    // Only files of one kind are joined.
    let o = yusuan(&["check", &a, "README.md", "--as-one"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--as-one 只合并同一种公开文件"));
}

/// `import --format facts` prints every printed figure with what it means.
#[test]
fn import_prints_facts() {
    let file = root()
        .join("crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.pdf")
        .display()
        .to_string();
    let o = yusuan(&["import", &file, "--format", "facts"]);
    assert_eq!(o.status.code(), Some(0));
    let facts: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let facts = facts.as_array().unwrap();
    assert!(facts.len() > 300, "{}", facts.len());
    assert!(facts.iter().any(|f| f["kind"] == "支出总表"
        && f["functional"] == "2010301"
        && f["part"] == "基本支出"
        && f["value"] == "3452.35"
        && f["page"] == 15));
}

/// Any region's narrative is read and checked against its tables: a statement changed in
/// Quanzhou's published text (人员经费, which its tables print as classes 301 + 303; 基本支出,
/// a total) is reported with the tables' figures; the text as published has no such finding.
#[test]
fn a_narrative_statement_contradicting_the_tables_is_reported_in_any_region() {
    let file = root()
        .join("crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    let o = yusuan(&["check", &file.display().to_string()]);
    assert!(!stdout(&o).contains("N1001"), "{}", stdout(&o));
    // The summary says what was read: the tables and the narrative's sentences.
    assert!(stdout(&o).contains("读到 10 张表，说明 "), "{}", stdout(&o));
    let changed = text
        .replacen("人员经费 5080.69 万元", "人员经费 5090.69 万元", 1)
        .replacen(
            "基本支出 5915.38 万元、项目支出",
            "基本支出 5925.38 万元、项目支出",
            1,
        );
    assert_ne!(changed, text);
    let dir = std::env::temp_dir().join(format!("yusuan-n1001-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("quanzhou.txt");
    std::fs::write(&path, changed).unwrap();
    let o = yusuan(&["check", &path.display().to_string()]);
    let out = stdout(&o);
    assert!(
        out.contains("情况说明称“人员经费”5090.69 万元，与表不符：表中印为 5080.69 万元（「2026年度一般公共预算基本支出经济分类情况表」301、303 行之和）"),
        "{out}"
    );
    assert!(
        out.contains("情况说明称“基本支出”5925.38 万元，与表不符：表中印为 5915.38"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The facts `import --format facts` prints conform to their published schema
/// (`docs/facts.schema.json`), for documents of several regions and templates: every required
/// field present, no field the schema does not name, each of its type or among its values, and
/// the patterns the schema states (checked by their meaning here: codes are digits, a
/// functional code starts with 2, an economic one with 3 or 5).
#[test]
fn facts_conform_to_their_published_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/facts.schema.json")).unwrap(),
    )
    .unwrap();
    let items = &schema["items"];
    let props = items["properties"].as_object().unwrap();
    let required: Vec<&str> = items["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        props["functional"]["pattern"], "^2[0-9]{2}([0-9]{2}){0,2}$",
        "the pattern checked below"
    );
    assert_eq!(props["economic"]["pattern"], "^[35][0-9]{2}([0-9]{2})?$");
    let files = [
        "crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.pdf",
        "crates/yusuan-import/tests/corpus/other/guangdong_shenzhen_kouanbangongshi_2026_dept_budget.txt",
        "crates/yusuan-import/tests/corpus/other/shaanxi_xian_shiweixuanchuanbu_2021_dept_budget.pdf",
        "crates/yusuan-import/tests/corpus/shanghai_putuo_caizhengju_2024_dept_final_account.pdf",
        "examples/changji-sme-center-2025-budget.published.txt",
    ];
    for file in files {
        let path = root().join(file).display().to_string();
        let o = yusuan(&["import", &path, "--format", "facts"]);
        assert_eq!(o.status.code(), Some(0), "{file}");
        let facts: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let facts = facts.as_array().unwrap();
        assert!(facts.len() > 50, "{file}: {}", facts.len());
        for f in facts {
            let f = f.as_object().unwrap();
            for r in &required {
                assert!(f.contains_key(*r), "{file}: {r} missing in {f:?}");
            }
            for (k, v) in f {
                let p = props
                    .get(k)
                    .unwrap_or_else(|| panic!("{file}: {k} is not in the schema"));
                if let Some(values) = p.get("enum").and_then(|e| e.as_array()) {
                    assert!(values.contains(v), "{file}: {k} = {v} not among {values:?}");
                }
                match p.get("type").and_then(|t| t.as_str()) {
                    Some("integer") => assert!(v.is_i64() || v.is_u64(), "{file}: {k} = {v}"),
                    Some("string") => assert!(v.is_string(), "{file}: {k} = {v}"),
                    _ => {}
                }
                let s = v.as_str().unwrap_or("");
                let digits = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                match k.as_str() {
                    "row_code" => assert!(digits, "{file}: row_code {s}"),
                    "functional" => assert!(
                        digits && s.starts_with('2') && matches!(s.len(), 3 | 5 | 7),
                        "{file}: functional {s}"
                    ),
                    "economic" => assert!(
                        digits && s.starts_with(['3', '5']) && matches!(s.len(), 3 | 5),
                        "{file}: economic {s}"
                    ),
                    "value" => assert!(
                        s.trim_start_matches('-')
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b'.' || b == b','),
                        "{file}: value {s}"
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// A sum stated in 元 where the tables print 万元 (the same digits): said as a unit mix-up,
/// with what it should read.
#[test]
fn an_amount_in_the_wrong_unit_is_said_to_be_one() {
    let src = root().join(
        "crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.txt",
    );
    let text = std::fs::read_to_string(&src).unwrap();
    let from = "15184.81 万元，比上年增加 4385.72 万元";
    assert_eq!(text.matches(from).count(), 1);
    let edited = text.replace(from, "15184.81 元，比上年增加 4385.72 万元");
    let dir = std::env::temp_dir().join(format!("yusuan-unit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("quanzhou.txt");
    std::fs::write(&f, edited).unwrap();
    let o = yusuan(&["check", f.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.contains("情况说明称“泉州市人民政府办公室部门收入预算”15184.81 元，表中印为 15184.81")
            && out.contains("数字相同而单位不同，应为 15184.81 万元"),
        "{out}"
    );
    // The document as published says 万元 and has no such finding.
    let o = yusuan(&["check", src.to_str().unwrap()]);
    assert!(!stdout(&o).contains("单位不同"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `--previous`: last year's document is the base of the narrative's “比上年” changes.
#[test]
fn a_change_against_last_year_is_held_to_last_years_document() {
    let src = root().join(
        "crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.txt",
    );
    let text = std::fs::read_to_string(&src).unwrap();
    // Last year's: the cover and the 收支总表 (pages 1 and 13), made 2025's, its totals what
    // this year's narrative says they were (15184.81 − 4385.72 = 10799.09).
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let last = format!("{}\u{c}{}", pages[0], pages[12])
        .replace("2026", "2025")
        .replace("15184.81", "10799.09");
    let dir = std::env::temp_dir().join(format!("yusuan-prev-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (this, prev) = (dir.join("2026.txt"), dir.join("2025.txt"));
    std::fs::write(&prev, &last).unwrap();
    std::fs::write(&this, &text).unwrap();
    let run = |f: &std::path::Path| {
        let o = yusuan(&[
            "check",
            f.to_str().unwrap(),
            "--previous",
            prev.to_str().unwrap(),
        ]);
        assert!(String::from_utf8_lossy(&o.stderr).contains("上年文件："));
        stdout(&o)
    };
    assert!(
        !run(&this).contains("N1004"),
        "the document agrees with last year's"
    );
    let wrong = text.replace(
        "15184.81 万元，比上年增加 4385.72 万元",
        "15184.81 万元，比上年增加 4485.72 万元",
    );
    std::fs::write(&this, wrong).unwrap();
    let out = run(&this);
    assert!(
        out.contains("比上年增加 4485.72 万元；上年文件印为 10799.09")
            && out.contains("相差应为增加 4385.72 万元"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `import --format claims`: each sentence with an amount, as statements a user can read.
#[test]
fn the_narratives_statements_are_listed_with_their_base_change_and_reason() {
    let src = root().join(
        "crates/yusuan-import/tests/corpus/other/fujian_quanzhou_renminzhengfubangongshi_2026_dept_budget.txt",
    );
    let o = yusuan(&["import", src.to_str().unwrap(), "--format", "claims"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let income = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["sentence"].as_str().unwrap().contains("部门收入预算为"))
        .expect("the income sentence");
    assert_eq!(income["at"], "第 24 页第 501 行");
    let st = &income["statements"][0];
    assert_eq!(st["amount"]["units"], 1518481);
    assert_eq!(st["compared_with"]["period"], "Prior");
    assert_eq!(st["change"][0]["units"], 438572);
    assert_eq!(st["change"][1], "Increase");
    assert_eq!(st["reason"], "本年新增市行政中心三年保安服务采购预算");
}
