package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.fixtures.ClerkExports;
import cn.gov.liuyang.bizenv.spending.fixtures.ClerkExports.Traits;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Workbooks in the shapes finance offices keep: the spending lines alone make a year. */
class ClerkWorkbooksTest {

  static Stream<Traits> layouts() {
    return LongStream.range(0, 64).mapToObj(Traits::random);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void aClerksExportWithoutBasicInfo_isAcceptable_withTheSameFiguresAsTheTemplate(Traits layout) {
    // WHEN
    ParsedWorkbook parsed = Parse.workbook(ClerkExports.xlsx(layout));

    // THEN
    assertThat(parsed.findings()).as(layout.toString()).isEmpty();
    assertThat(parsed.lines())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("fundSource")
        .containsExactlyInAnyOrderElementsOf(Seed2021.lines());
    assertThat(parsed.totals().orElseThrow().total()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(parsed.facts()).isEqualTo(UnitYearFacts.NONE);
  }

  @ParameterizedTest(name = "title with the year: {0}")
  @ValueSource(booleans = {true, false})
  void aGbkCsvWithThousandsSeparators_isAcceptable(boolean titleWithYear) {
    ParsedWorkbook parsed = Parse.workbook(ClerkExports.gbkCsv(titleWithYear));

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.totals().orElseThrow().project()).isEqualTo(Money.ofWanYuan("200.6"));
  }

  @Test
  void aLedgerExportWithClassRowsAboveTheirItems_isAcceptable_theClassRowsChecked() {
    ParsedWorkbook parsed = Parse.workbook(ClerkExports.hierarchical());

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.lines()).hasSize(Seed2021.lines().size());
    assertThat(parsed.totals().orElseThrow().total()).isEqualTo(Money.ofWanYuan("385.5"));
  }

  @Test
  void withoutATypeColumn_linesWithAProjectAreProjectExpenditure_andTheRestBasic() {
    // GIVEN an export with no 支出类型 column, 人员经费/公用经费 group rows, 其中 rows and other synonyms
    HandMadeXlsx xlsx = new HandMadeXlsx();
    HandMadeXlsx.Sheet sheet = xlsx.sheet("支出明细");
    sheet.row("单位：元");
    sheet.row("项目名称", "科目代码", "科目名称", "本年预算数", "本年支出");
    Money personnel = Money.ZERO;
    Money operating = Money.ZERO;
    for (SpendingLine line : Seed2021.lines()) {
      if (line.type() == ExpenditureType.BASIC) {
        if (line.economicCode().isPersonnel()) {
          personnel = personnel.plus(line.actual());
        } else {
          operating = operating.plus(line.actual());
        }
      }
    }
    sheet.row("（一）人员经费", null, null, null, personnel.yuan());
    sheet.row("（二）公用经费", null, null, null, operating.yuan());
    sheet.row("其中：人员经费", null, null, null, personnel.yuan());
    for (SpendingLine line : Seed2021.lines()) {
      sheet.row(
          line.project().orElse(null),
          line.economicCode().value(),
          line.economicName(),
          line.budget().yuan(),
          line.actual().yuan());
    }

    // WHEN
    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    // THEN
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.lines())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("fundSource")
        .containsExactlyInAnyOrderElementsOf(Seed2021.lines());
    assertThat(parsed.notes()).anyMatch(note -> note.contains("没有“支出类型”列"));
  }

  @Test
  void aPersonnelGroupRowThatDoesNotAddUp_isAFinding() {
    HandMadeXlsx xlsx = new HandMadeXlsx();
    xlsx.sheet("Sheet1")
        .row("单位：元")
        .row("支出类型", "经济分类科目编码", "执行数")
        .row("人员经费", null, 999)
        .row("人员经费", "30101", 100);

    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    assertThat(parsed.findings())
        .extracting(Finding::code)
        .containsExactly(FindingCode.SUBTOTAL_MISMATCH);
    assertThat(parsed.findings().get(0).message()).contains("人员经费", "999.00 元", "100.00 元");
  }

  @Test
  void aFileStatingNoYear_isReadAsTheRequestedYear_andTheOutcomeSaysSo() {
    Traits noYear =
        new Traits(
            false, false, false, false, false, false, false, false, false, false, false, 0, 0, 0);

    ParsedWorkbook parsed = Parse.workbook(ClerkExports.xlsx(noYear));

    assertThat(parsed.acceptable()).isTrue();
    assertThat(parsed.statedYears()).isEmpty();
    assertThat(parsed.notes()).anyMatch(note -> note.contains("没有注明年度") && note.contains("2021"));
  }

  @Test
  void aFileWhoseTitleStatesAnotherYear_isRejectedOnceNamingBothYears() {
    Traits titled =
        new Traits(true, false, true, false, true, true, false, false, false, true, true, 1, 1, 1);

    ParsedWorkbook parsed = Parse.workbook(ClerkExports.xlsx(titled), new FiscalYear(2022));

    assertThat(parsed.acceptable()).isFalse();
    assertThat(parsed.findings())
        .extracting(Finding::code)
        .containsExactly(FindingCode.YEAR_MISMATCH);
    assertThat(parsed.findings().get(0).message()).contains("2021", "2022");
  }

  @Test
  void theSheetNameStatesTheYear_whenNoTitleDoes() {
    Traits named =
        new Traits(
            false, false, false, true, false, false, false, false, false, false, false, 0, 0, 0);

    ParsedWorkbook asNamed = Parse.workbook(ClerkExports.xlsx(named));
    ParsedWorkbook asOther = Parse.workbook(ClerkExports.xlsx(named), new FiscalYear(2020));

    assertThat(asNamed.acceptable()).isTrue();
    assertThat(asNamed.statedYears()).containsExactly(new FiscalYear(2021));
    assertThat(asOther.findings())
        .extracting(Finding::code)
        .containsExactly(FindingCode.YEAR_MISMATCH);
    assertThat(asOther.findings().get(0).message()).contains("工作表名", "2021", "2020");
  }

  @Test
  void aDateInTheFooterOrBesideTheTitle_isNotTheFilesYear() {
    HandMadeXlsx xlsx = ClerkExports.xlsx(Traits.random(7), Seed2021.lines());
    HandMadeXlsx.Sheet first = xlsx.sheet("说明");
    first.row("填报日期：2022年1月10日");

    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    assertThat(parsed.statedYears()).doesNotContain(new FiscalYear(2022));
  }

  @Test
  void everyLinesYearColumnStatingAnotherYear_isOneFinding_andAStrayLineIsNamedByRow() {
    String csv =
        new String(
            cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks.seedCsv(),
            StandardCharsets.UTF_8);

    ParsedWorkbook wholeFile =
        Parse.workbook(csv.replace("\n2021,", "\n2020,").getBytes(StandardCharsets.UTF_8));
    ParsedWorkbook oneLine =
        Parse.workbook(csv.replaceFirst("\n2021,", "\n2020,").getBytes(StandardCharsets.UTF_8));

    assertThat(wholeFile.findings()).hasSize(1);
    assertThat(wholeFile.findings().get(0).code()).isEqualTo(FindingCode.YEAR_MISMATCH);
    assertThat(wholeFile.findings().get(0).row()).isZero();
    assertThat(oneLine.findings()).hasSize(1);
    assertThat(oneLine.findings().get(0).row()).isEqualTo(3);
    assertThat(oneLine.findings().get(0).message()).contains("2020", "2021");
  }

  @Test
  void aTotalThatDoesNotAddUp_isQuotedInTheSheetsOwnUnit_withYuanBeside() {
    Traits wan =
        new Traits(
            true, false, true, false, false, false, false, false, false, false, false, 0, 0, 0);
    HandMadeXlsx xlsx = ClerkExports.xlsx(wan, Seed2021.lines());
    xlsx.sheet("Sheet1").row("总计", null, null, null, null, "385.6");

    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    Finding mismatch =
        parsed.findings().stream()
            .filter(f -> f.code() == FindingCode.TOTAL_MISMATCH)
            .findFirst()
            .orElseThrow();
    assertThat(mismatch.value()).isEqualTo("385.6");
    assertThat(mismatch.message())
        .contains("385.6 万元（3856000.00 元）", "385.5 万元（3855000.00 元）", "0.1 万元（1000.00 元）");
  }

  @Test
  void groupRowsNotesAndSignatureLines_areNotImported_andTheOutcomeNotesThem() {
    Traits withAll =
        new Traits(
            false, false, true, false, false, false, false, false, true, false, true, 0, 0, 0);

    ParsedWorkbook parsed = Parse.workbook(ClerkExports.xlsx(withAll));

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.lines()).hasSize(Seed2021.lines().size());
    assertThat(parsed.notes()).anyMatch(note -> note.contains("单位负责人") && note.contains("未导入"));
  }

  @Test
  void aGroupRowWhoseSumIsWrong_isAFinding() {
    HandMadeXlsx broken = new HandMadeXlsx();
    HandMadeXlsx.Sheet sheet = broken.sheet("Sheet1");
    sheet.row("单位：元");
    sheet.row("支出类型", "项目名称", "经济分类科目编码", "经济分类科目名称", "预算数", "决算数");
    sheet.row("一、基本支出", null, null, null, 100, 999);
    sheet.row("基本支出", null, "30201", "办公费", 100, 100);

    ParsedWorkbook parsed = Parse.workbook(broken.bytes());

    assertThat(parsed.findings())
        .extracting(Finding::code)
        .containsExactly(FindingCode.SUBTOTAL_MISMATCH);
  }

  @Test
  void aFactBeyondAnyRealUnit_isAFindingOnItsRow_notACrash() {
    HandMadeXlsx xlsx = ClerkExports.xlsx(Traits.random(5), Seed2021.lines());
    xlsx.sheet("基本信息").row("本年三公经费预算数（万元）", "5192296858534830000000000000000000");

    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    assertThat(parsed.findings())
        .extracting(Finding::code)
        .containsExactly(FindingCode.INFO_INVALID);
    assertThat(parsed.findings().get(0).message()).contains("超出合理范围");
  }

  @Test
  void basicInfoStatedInAnySheet_isStillRead_andABlankOneIsNotStated() {
    HandMadeXlsx xlsx = ClerkExports.xlsx(Traits.random(3), Seed2021.lines());
    xlsx.sheet("人员").row("编制数", 12).row("在职人数", null).row("本年三公经费预算数（万元）", "1.0");

    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    assertThat(parsed.acceptable()).isTrue();
    assertThat(parsed.facts().headcount(cn.gov.liuyang.bizenv.spending.model.Fact.AUTHORIZED_POSTS))
        .contains(12);
    assertThat(parsed.facts().states(cn.gov.liuyang.bizenv.spending.model.Fact.STAFF_ON_PAYROLL))
        .isFalse();
    assertThat(parsed.sanGongBudget()).contains(Money.ofWanYuan("1.0"));
    assertThat(List.of(parsed.staffing())).containsExactly(java.util.Optional.empty());
  }
}
