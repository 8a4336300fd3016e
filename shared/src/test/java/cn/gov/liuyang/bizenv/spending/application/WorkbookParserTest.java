package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkbookParserTest {

  static Stream<Arguments> seedWorkbooks() {
    return Stream.of(
        Arguments.of("the filled-in template", SpendingWorkbooks.seedTemplate()),
        Arguments.of("a clerk's messy sheet", SpendingWorkbooks.seedMessy()),
        Arguments.of("a CSV export", SpendingWorkbooks.seedCsv()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedWorkbooks")
  void seedFigures_importAndReconcileExactly(String kind, byte[] workbook) {
    // WHEN
    ParsedWorkbook parsed = Parse.workbook(workbook);

    // THEN
    assertThat(parsed.findings()).as(kind).isEmpty();
    assertThat(parsed.acceptable()).isTrue();
    // the messy sheet has no 资金来源 column
    assertThat(parsed.lines())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("fundSource")
        .containsExactlyInAnyOrderElementsOf(Seed2021.lines());
    SpendingTotals totals = parsed.totals().orElseThrow();
    assertThat(totals.total()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(totals.basic()).isEqualTo(Money.ofWanYuan("184.9"));
    assertThat(totals.personnel()).isEqualTo(Money.ofWanYuan("173.9"));
    assertThat(totals.publicOperating()).isEqualTo(Money.ofWanYuan("11.0"));
    assertThat(totals.project()).isEqualTo(Money.ofWanYuan("200.6"));
    assertThat(totals.sanGong()).isEqualTo(Money.ofWanYuan("0.5"));
    assertThat(totals.projects()).isEqualTo(5);
    assertThat(parsed.staffing()).contains(Seed2021.STAFFING);
    assertThat(parsed.priorYearSanGong()).contains(Seed2021.PRIOR_YEAR_SAN_GONG);
    assertThat(parsed.sanGongBudget()).contains(Seed2021.SAN_GONG_BUDGET);
    assertThat(parsed.procurementAndAdjustment()).isEqualTo(ProcurementAndAdjustment.NONE);
  }

  @Test
  void procurementAndAdjustment_whenStated_areReadWithTheirUnitAndAReductionIsNegative() {
    // GIVEN the seed CSV (单位：元) with the optional rows, in words a clerk would use
    String csv = seedCsv() + "政府采购预算数（万元）,5\n" + "政府采购执行数,62000\n" + "预算调整数（万元）,(3.5)\n";

    // WHEN
    ParsedWorkbook parsed = Parse.workbook(csv.getBytes(StandardCharsets.UTF_8));

    // THEN more bought than budgeted is a rate above 100%, not a mistake
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.procurementAndAdjustment())
        .isEqualTo(
            new ProcurementAndAdjustment(
                Optional.of(Money.ofWanYuan("5")),
                Optional.of(Money.ofYuan("62000")),
                Optional.of(Money.ofWanYuan("-3.5"))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"调整预算数（元）", "调整后预算数（元）"})
  void aBudgetAfterAdjustment_isNotTakenForTheAdjustment(String label) {
    // GIVEN a budget after adjustment, not the adjustment itself, in a 基本信息 sheet
    HandMadeXlsx xlsx = SpendingWorkbooks.messy(Seed2021.lines());
    xlsx.sheet("基本信息").row(label, 3_855_000);

    // WHEN
    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    // THEN
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.procurementAndAdjustment().budgetAdjustment()).isEmpty();
  }

  @Test
  void optionalRowsLeftBlank_areNotStated() {
    // WHEN
    ParsedWorkbook parsed =
        Parse.workbook(
            (seedCsv() + "政府采购预算数（元）,\n政府采购实际数（元）,\n预算调整数（元）,\n").getBytes(StandardCharsets.UTF_8));

    // THEN
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.procurementAndAdjustment()).isEqualTo(ProcurementAndAdjustment.NONE);
  }

  static Stream<Arguments> malformedOptionalRows() {
    return Stream.of(
        Arguments.of("政府采购预算数（元）,五万", FindingCode.INFO_INVALID, "“政府采购预算数”应为不小于 0 的金额；不填写请留空"),
        Arguments.of("政府采购实际数（元）,-100", FindingCode.INFO_INVALID, "“政府采购实际数”应为不小于 0 的金额；不填写请留空"),
        Arguments.of("预算调整数（元）,减少", FindingCode.INFO_INVALID, "“预算调整数”应为金额（调减填负数）；不填写请留空"),
        Arguments.of("预算调整数（万元）,0.1234567", FindingCode.AMOUNT_TOO_PRECISE, "“预算调整数”精确到分以下：请保留到分"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedOptionalRows")
  void anOptionalRowStatedWrongly_isAFindingOnItsRow(
      String row, FindingCode expected, String message) {
    // WHEN
    ParsedWorkbook parsed =
        Parse.workbook((seedCsv() + row + "\n").getBytes(StandardCharsets.UTF_8));

    // THEN
    assertThat(parsed.acceptable()).isFalse();
    assertThat(parsed.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo(expected);
              assertThat(finding.message()).isEqualTo(message);
            });
  }

  @Test
  void anOptionalAmountWithoutAnyUnit_isAFinding() {
    // GIVEN 基本信息 in a sheet of its own, with no 单位 line and no unit in the label
    HandMadeXlsx xlsx = SpendingWorkbooks.messy(Seed2021.lines());
    xlsx.sheet("基本信息").row("政府采购预算数", 50000);

    // WHEN
    ParsedWorkbook parsed = Parse.workbook(xlsx.bytes());

    // THEN
    assertThat(parsed.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo(FindingCode.UNIT_MISSING);
              assertThat(finding.sheet()).isEqualTo("基本信息");
            });
  }

  private static String seedCsv() {
    return new String(SpendingWorkbooks.seedCsv(), StandardCharsets.UTF_8);
  }
}
