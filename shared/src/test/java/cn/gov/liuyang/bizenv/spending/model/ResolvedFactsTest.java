package cn.gov.liuyang.bizenv.spending.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts.FromWorkbook;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts.PreviousYear;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvedFactsTest {
  private static final FiscalYear YEAR = new FiscalYear(2022);
  private static final FromWorkbook WORKBOOK =
      new FromWorkbook(
          UnitYearFacts.NONE
              .with(Fact.AUTHORIZED_POSTS, BigDecimal.valueOf(13))
              .with(Fact.STAFF_ON_PAYROLL, BigDecimal.valueOf(11)),
          new FactSource.Workbook("s-1", "2022年决算.xlsx"));

  private static EnteredFacts entered(UnitYearFacts facts) {
    return new EnteredFacts(
        new UnitId("lyyshj"),
        YEAR,
        2,
        facts,
        "王会计",
        "sub-1",
        Instant.parse("2023-01-05T02:00:00Z"));
  }

  @Test
  void whatStaffEntered_winsOverTheWorkbook_andTheNoteSaysBoth() {
    ResolvedFacts facts =
        ResolvedFacts.resolve(
            Optional.of(
                entered(UnitYearFacts.NONE.with(Fact.AUTHORIZED_POSTS, BigDecimal.valueOf(12)))),
            Optional.of(WORKBOOK),
            Optional.empty());

    assertThat(facts.values().headcount(Fact.AUTHORIZED_POSTS)).contains(12);
    assertThat(facts.get(Fact.AUTHORIZED_POSTS).orElseThrow().source())
        .isInstanceOf(FactSource.Entered.class);
    assertThat(facts.values().headcount(Fact.STAFF_ON_PAYROLL)).contains(11);
    assertThat(facts.notes())
        .anyMatch(
            n ->
                n.startsWith("编制数 12 人：由王会计填写（第 2 版）")
                    && n.contains("支出表《2022年决算.xlsx》中为 13 人，以填写为准"));
  }

  @Test
  void lastYearsFiguresInForce_giveThePriorYearSanGong_whenNoOtherSourceDoes() {
    ResolvedFacts facts =
        ResolvedFacts.resolve(
            Optional.empty(),
            Optional.of(WORKBOOK),
            Optional.of(new PreviousYear(new FiscalYear(2021), "s-0", Money.ofWanYuan("0.5"))));

    assertThat(facts.values().priorYearSanGong()).contains(Money.ofWanYuan("0.5"));
    assertThat(facts.notes()).contains("上年三公经费决算数 0.5 万元（5000.00 元）：由 2021 年度在用支出数据推算");
  }

  @Test
  void aWorkbookThatDisagreesWithLastYearsFigures_isKept_andTheDifferenceNoted() {
    FromWorkbook stated =
        new FromWorkbook(
            UnitYearFacts.NONE.with(Fact.PRIOR_YEAR_SAN_GONG, Money.ofWanYuan("0.8")),
            new FactSource.Workbook("s-1", "a.xlsx"));

    ResolvedFacts facts =
        ResolvedFacts.resolve(
            Optional.empty(),
            Optional.of(stated),
            Optional.of(new PreviousYear(new FiscalYear(2021), "s-0", Money.ofWanYuan("0.5"))));

    assertThat(facts.values().priorYearSanGong()).contains(Money.ofWanYuan("0.8"));
    assertThat(facts.notes()).anyMatch(n -> n.contains("推算为 0.5 万元") && n.contains("不一致"));
  }

  @Test
  void whatNoSourceGives_isListedAsMissingForTheReport_andTheOptionalOnesApart() {
    ResolvedFacts facts =
        ResolvedFacts.resolve(Optional.empty(), Optional.of(WORKBOOK), Optional.empty());

    assertThat(facts.missingForReport())
        .containsExactly(Fact.PRIOR_YEAR_SAN_GONG, Fact.SAN_GONG_BUDGET);
    assertThat(facts.notes())
        .anyMatch(n -> n.startsWith("尚缺：上年三公经费决算数、本年三公经费预算数"))
        .anyMatch(n -> n.startsWith("未提供（选填）：政府采购预算数、政府采购实际数、预算调整数"));
  }

  @Test
  void aFactOutsideItsRange_cannotBeStated() {
    assertThat(Fact.STAFF_ON_PAYROLL.problemWith(new BigDecimal("10.5"))).isPresent();
    assertThat(Fact.SAN_GONG_BUDGET.problemWith(new BigDecimal("-1"))).isPresent();
    assertThat(Fact.BUDGET_ADJUSTMENT.problemWith(new BigDecimal("-150000.00"))).isEmpty();
    assertThat(Fact.SAN_GONG_BUDGET.problemWith(new BigDecimal("0.001"))).isPresent();
  }
}
