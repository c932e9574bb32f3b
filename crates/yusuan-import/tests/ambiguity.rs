//! The importer never guesses: a row whose numbers fit more than one way is reported (I203)
//! and left unplaced; one that fits no way is reported (I202).

fn table3(rows: &str) -> String {
    format!(
        "表 3\n\n部门支出总体情况表\n\n编制部门：某单位 单位：万元\n\n※ ※ ※ ※ 1 2 3\n\n{rows}\n第三部分 2025 年部门预算情况说明\n"
    )
}

#[test]
fn a_row_that_fits_two_ways_is_reported_not_guessed() {
    // 10.00 = 10.00: the second figure may be 基本支出 or 项目支出, and nothing else decides.
    let (d, diags) = yusuan_import::import_text(&table3("201 一般公共服务支出 10.00 10.00\n"));
    let amb: Vec<_> = diags.iter().filter(|x| x.code == "I203").collect();
    assert_eq!(amb.len(), 1, "{diags:#?}");
    assert!(
        amb[0].message.contains("基本支出") && amb[0].message.contains("项目支出"),
        "{}",
        amb[0].message
    );
    let t3 = d.table(3).unwrap();
    assert!(
        t3.rows[0].cells.iter().all(Option::is_none),
        "nothing placed"
    );
}

#[test]
fn the_totals_decide_what_a_row_alone_cannot() {
    let rows = "总计 10.00 6.00 4.00\n201 一般公共服务支出 10.00 6.00 4.00\n201 13 商贸事务 10.00 6.00 4.00\n201 13 50 事业运行 6.00 6.00\n201 13 99 其他商贸事务支出 4.00 4.00\n";
    let (d, diags) = yusuan_import::import_text(&table3(rows));
    assert!(
        diags.iter().all(|x| x.code != "I203" && x.code != "I202"),
        "{diags:#?}"
    );
    let csv = yusuan_formats::tables::csv::render(&d);
    assert!(csv.contains("3,2011350,事业运行,基本支出,6.00"), "{csv}");
    assert!(
        csv.contains("3,2011399,其他商贸事务支出,项目支出,4.00"),
        "{csv}"
    );
}

#[test]
fn a_row_that_fits_no_way_is_placed_and_its_wrong_figure_reported() {
    // 合计 10.00 cannot be 基本 3.00 + 项目 3.00: a figure of the row is wrong. The row is
    // still read (three figures, three columns) and its table checked, so the check reports it.
    let (d, diags) = yusuan_import::import_text(&table3("201 一般公共服务支出 10.00 3.00 3.00\n"));
    assert!(
        diags.iter().all(|x| x.code != "I202" && x.code != "I204"),
        "{diags:#?}"
    );
    let csv = yusuan_formats::tables::csv::render(&d);
    assert!(csv.contains("3,201,一般公共服务支出,合计,10.00"), "{csv}");
    assert!(
        csv.contains("3,201,一般公共服务支出,项目支出,3.00"),
        "{csv}"
    );
    let found = yusuan_check::check(&yusuan_check::engine::Cx {
        disclosure: &d,
        budget: None,
        previous: None,
    });
    assert!(
        found
            .iter()
            .any(|f| f.code == "T0301" && f.severity == yusuan_core::diag::Severity::Error),
        "{found:#?}"
    );
}
