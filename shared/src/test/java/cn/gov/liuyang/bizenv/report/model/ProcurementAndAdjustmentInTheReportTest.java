package cn.gov.liuyang.bizenv.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.fixtures.Facts;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.fixtures.Year2026;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 表8 政府采购情况, 表9 预算调整情况 and 政府采购执行率, from the figures finance enters. */
class ProcurementAndAdjustmentInTheReportTest {
  private static final ClasspathIndicatorSets SETS = new ClasspathIndicatorSets();

  /** 政府采购 46 of 40 万元 budgeted (115%); the budget cut by 15 万元 of 372.8 (−4.02%). */
  private static final ProcurementAndAdjustment ENTERED =
      new ProcurementAndAdjustment(
          Optional.of(Money.ofWanYuan("40")),
          Optional.of(Money.ofWanYuan("46")),
          Optional.of(Money.ofWanYuan("-15")));

  @Test
  void figuresNotEntered_showAsDashes_besideTheLinesBudget() {
    // WHEN the seed year, which states none of them, is composed
    ReportDocument document = SelfEvaluationReport.compose(seedInputs(), "test").document();

    // THEN
    assertThat(table(document, "表8　政府采购情况").rows()).containsExactly(List.of("—", "—", "—"));
    assertThat(table(document, "表9　预算调整情况").rows())
        .containsExactly(
            List.of(Figures.wanYuanFixed(Seed2021.spending().totalBudget()), "—", "—"));
  }

  @Test
  void figuresEntered_areTabulatedWithTheirRates_inTheOrderOfTheBasicDataTables() {
    // WHEN
    ReportDocument document =
        SelfEvaluationReport.compose(inputs2026(ENTERED, Year2026.narrative()), "test").document();

    // THEN
    assertThat(table(document, "表8　政府采购情况").rows())
        .containsExactly(List.of("40.0", "46.0", "115.00%"));
    assertThat(table(document, "表9　预算调整情况").rows())
        .containsExactly(List.of("372.8", "-15.0", "-4.02%"));
    assertThat(document.blocks())
        .filteredOn(ReportDocument.Table.class::isInstance)
        .extracting(block -> ((ReportDocument.Table) block).caption().substring(0, 2))
        .endsWith("表7", "表8", "表9");
  }

  @Test
  void procurementRate_whenEntered_isScoredFromTheData_insteadOfTheManualScore() {
    // GIVEN the 2026 set: full marks up to 100%, one point off per 5 points over
    ComposedReport manual =
        SelfEvaluationReport.compose(
            inputs2026(ProcurementAndAdjustment.NONE, Year2026.narrative()), "test");

    // WHEN 115% is entered
    ComposedReport measured =
        SelfEvaluationReport.compose(inputs2026(ENTERED, Year2026.narrative()), "test");

    // THEN 5 − 3 = 2 points, from the data; the staff's manual 5 no longer counts
    IndicatorScore before = procurement(manual.scorecard());
    IndicatorScore after = procurement(measured.scorecard());
    assertThat(before.measured()).isEmpty();
    assertThat(before.score()).isEqualByComparingTo("5");
    assertThat(after.measured())
        .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("115"));
    assertThat(after.score()).isEqualByComparingTo("2");
    assertThat(after.basis()).isEqualTo("不超过100%得满分，每超5个百分点扣1分");
    assertThat(measured.scorecard().total()).isEqualByComparingTo("85");
    assertThat(measured.fingerprint()).isNotEqualTo(manual.fingerprint());
  }

  @Test
  void procurementRate_neitherEnteredNorScoredByHand_isNamedAsMissing() {
    // GIVEN no 政府采购 figures and no manual score for the indicator
    ReportNarrative seed = Year2026.narrative();
    ReportNarrative withoutProcurement =
        new ReportNarrative(
            seed.profile(),
            seed.sections(),
            seed.projectNotes(),
            seed.manualScores().stream()
                .filter(score -> !score.indicatorId().equals("procurement"))
                .toList());

    // WHEN / THEN
    assertThatThrownBy(
            () ->
                SelfEvaluationReport.compose(
                    inputs2026(ProcurementAndAdjustment.NONE, withoutProcurement), "test"))
        .isInstanceOfSatisfying(
            IncompleteInputs.class,
            e ->
                assertThat(e.missing())
                    .containsExactly("指标“政府采购执行率”（procurement）本年数据无法计算，请录入人工评分"));
  }

  @Test
  void budgetAdjustmentRate_isTheAdjustmentOverTheLinesBudget_andEmptyWhenNotEntered() {
    assertThat(Metric.BUDGET_ADJUSTMENT_RATE.measure(spending2026(ENTERED), Year2026.complaints()))
        .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("-4.0236"));
    assertThat(
            Metric.BUDGET_ADJUSTMENT_RATE.measure(
                spending2026(ProcurementAndAdjustment.NONE), Year2026.complaints()))
        .isEmpty();
  }

  private static ReportInputs seedInputs() {
    return new ReportInputs(
        Seed2021.UNIT,
        Seed2021.YEAR,
        Seed2021.spending(),
        Seed2021.complaints(),
        Seed2021.narrativeVersion(),
        SETS.forYear(Seed2021.YEAR).orElseThrow());
  }

  private static ReportInputs inputs2026(
      ProcurementAndAdjustment figures, ReportNarrative narrative) {
    NarrativeVersion version = Year2026.narrativeVersion();
    return new ReportInputs(
        Seed2021.UNIT,
        Year2026.YEAR,
        spending2026(figures),
        Year2026.complaints(),
        new NarrativeVersion(
            version.unit(),
            version.year(),
            version.version(),
            version.savedAt(),
            version.savedBy(),
            narrative),
        SETS.forYear(Year2026.YEAR).orElseThrow());
  }

  private static AcceptedSpending spending2026(ProcurementAndAdjustment figures) {
    AcceptedSpending s = Year2026.spending();
    return new AcceptedSpending(
        s.unit(),
        s.year(),
        s.submissionId(),
        s.fileName(),
        s.acceptedAt(),
        s.lines(),
        Facts.withOptional(s.facts(), figures));
  }

  private static ReportDocument.Table table(ReportDocument document, String caption) {
    return document.blocks().stream()
        .filter(ReportDocument.Table.class::isInstance)
        .map(ReportDocument.Table.class::cast)
        .filter(table -> table.caption().equals(caption))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + caption));
  }

  private static IndicatorScore procurement(Scorecard scorecard) {
    return scorecard.scores().stream()
        .filter(score -> score.indicator().id().equals("procurement"))
        .findFirst()
        .orElseThrow();
  }
}
