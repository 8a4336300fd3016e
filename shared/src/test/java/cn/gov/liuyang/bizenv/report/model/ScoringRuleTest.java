package cn.gov.liuyang.bizenv.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoringRuleTest {
  private final ScoringRule.Threshold budgetCompletion =
      new ScoringRule.Threshold(
          Metric.BUDGET_COMPLETION_RATE,
          ScoringRule.Direction.AT_LEAST,
          new BigDecimal("100"),
          new BigDecimal("2"),
          new BigDecimal("5"));

  @Test
  void fullMarksAt100Percent_minus2ForEachWhole5PercentShort_neverBelowZero() {
    BigDecimal weight = new BigDecimal("10");

    assertThat(budgetCompletion.score(weight, new BigDecimal("100"))).isEqualByComparingTo("10");
    assertThat(budgetCompletion.score(weight, new BigDecimal("96"))).isEqualByComparingTo("10");
    assertThat(budgetCompletion.score(weight, new BigDecimal("95"))).isEqualByComparingTo("8");
    assertThat(budgetCompletion.score(weight, new BigDecimal("89.9"))).isEqualByComparingTo("6");
    assertThat(budgetCompletion.score(weight, new BigDecimal("10"))).isEqualByComparingTo("0");
  }

  @Test
  void atMostRule_deductsForEachWholeStepOver() {
    ScoringRule.Threshold staffControl =
        new ScoringRule.Threshold(
            Metric.STAFF_CONTROL_RATE,
            ScoringRule.Direction.AT_MOST,
            new BigDecimal("100"),
            new BigDecimal("0.5"),
            new BigDecimal("1"));

    assertThat(staffControl.score(new BigDecimal("2"), new BigDecimal("91.67")))
        .isEqualByComparingTo("2");
    assertThat(staffControl.score(new BigDecimal("2"), new BigDecimal("102.5")))
        .isEqualByComparingTo("1");
  }

  @Test
  void describesItselfInChinese() {
    assertThat(budgetCompletion.describe()).isEqualTo("达到100%得满分，每低5个百分点扣2分");
  }

  @Test
  void gradeBoundaries() {
    assertThat(Grade.of(new BigDecimal("90"))).isEqualTo(Grade.EXCELLENT);
    assertThat(Grade.of(new BigDecimal("89.9"))).isEqualTo(Grade.GOOD);
    assertThat(Grade.of(new BigDecimal("80"))).isEqualTo(Grade.GOOD);
    assertThat(Grade.of(new BigDecimal("79.5"))).isEqualTo(Grade.FAIR);
    assertThat(Grade.of(new BigDecimal("60"))).isEqualTo(Grade.FAIR);
    assertThat(Grade.of(new BigDecimal("59.9"))).isEqualTo(Grade.POOR);
  }
}
