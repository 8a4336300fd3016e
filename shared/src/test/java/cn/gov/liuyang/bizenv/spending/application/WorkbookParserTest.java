package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
  }
}
