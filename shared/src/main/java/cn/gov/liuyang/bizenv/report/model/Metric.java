package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A rate the data can measure, in percent (DOMAIN.md §3 formulas). Empty when the data cannot give
 * it this year (e.g. a change rate against a zero prior year); the indicator then needs a manual
 * score.
 */
public enum Metric {
  /** 在职人员控制率 = 在职人数 / 编制数. */
  STAFF_CONTROL_RATE(
      "在职人员控制率",
      (s, c) ->
          s.staffing()
              .filter(staffing -> staffing.authorizedPosts() != 0)
              .flatMap(staffing -> ratio(staffing.staffOnPayroll(), staffing.authorizedPosts()))),
  /** 三公经费变动率 = (本年 − 上年) / 上年. */
  SAN_GONG_CHANGE_RATE("三公经费变动率", (s, c) -> sanGongChange(s)),
  /** 预算完成率 = 预算完成数 / 预算数. */
  BUDGET_COMPLETION_RATE("预算完成率", (s, c) -> share(s.totalActual(), s.totalBudget())),
  /** 公用经费控制率 = 实际支出公用经费 / 预算安排公用经费. */
  PUBLIC_OPERATING_CONTROL_RATE(
      "公用经费控制率", (s, c) -> share(s.publicOperatingActual(), s.publicOperatingBudget())),
  /** 三公经费控制率 = 三公经费实际支出 / 三公经费预算. */
  SAN_GONG_CONTROL_RATE("三公经费控制率", (s, c) -> sanGongControl(s)),
  /**
   * 政府采购执行率 = 政府采购实际数 / 政府采购预算数; empty when the workbook did not state both, or stated no
   * procurement budget.
   */
  PROCUREMENT_EXECUTION_RATE(
      "政府采购执行率",
      (s, c) ->
          s.procurementBudget().isEmpty() || s.procurementActual().isEmpty()
              ? Optional.empty()
              : share(s.procurementActual().get(), s.procurementBudget().get())),
  /**
   * 预算调整率 = 预算调整数 / 预算数 (the lines' total budget), negative for a reduction; empty when the
   * workbook did not state the adjustment.
   */
  BUDGET_ADJUSTMENT_RATE(
      "预算调整率",
      (s, c) -> s.budgetAdjustment().flatMap(adjustment -> share(adjustment, s.totalBudget()))),
  /** 投诉受理率 = 受理件数 / 收到件数. */
  COMPLAINT_ACCEPTANCE_RATE("投诉受理率", (s, c) -> ratio(c.accepted(), c.received())),
  /** 办结率 = 办结件数 / 受理件数. */
  COMPLAINT_CLOSURE_RATE("投诉办结率", (s, c) -> ratio(c.closed(), c.accepted())),
  /** 办结及时率 = 按时办结件数 / 办结件数. */
  COMPLAINT_ON_TIME_RATE("办结及时率", (s, c) -> ratio(c.closedOnTime(), c.closed())),
  /** 服务对象满意度 = 对办理结果满意件数 / 评价件数. */
  SATISFACTION_RATE("服务对象满意度", (s, c) -> ratio(c.satisfiedWithResult(), c.rated()));

  /** How a metric is measured from the year's data. */
  private interface Formula {
    Optional<BigDecimal> apply(AcceptedSpending s, ComplaintYearStatistics c);
  }

  private final String label;
  private final Formula formula;

  Metric(String label, Formula formula) {
    this.label = label;
    this.formula = formula;
  }

  public String label() {
    return label;
  }

  Optional<BigDecimal> measure(AcceptedSpending spending, ComplaintYearStatistics complaints) {
    return formula.apply(spending, complaints);
  }

  private static Optional<BigDecimal> sanGongChange(AcceptedSpending s) {
    Money now = s.sanGongActual().total();
    if (s.priorYearSanGong().isEmpty()) {
      return Optional.empty();
    }
    Money before = s.priorYearSanGong().get();
    if (before.isZero()) {
      return now.isZero() ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }
    return Optional.of(now.minus(before).percentOf(before, 4));
  }

  private static Optional<BigDecimal> sanGongControl(AcceptedSpending s) {
    if (s.sanGongBudget().isEmpty()) {
      return Optional.empty();
    }
    Money budget = s.sanGongBudget().get();
    if (budget.isZero()) {
      return s.sanGongActual().total().isZero() ? Optional.of(BigDecimal.ZERO) : Optional.empty();
    }
    return share(s.sanGongActual().total(), budget);
  }

  private static Optional<BigDecimal> ratio(int part, int whole) {
    if (whole == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
  }

  private static Optional<BigDecimal> share(Money part, Money whole) {
    return whole.isZero() ? Optional.empty() : Optional.of(part.percentOf(whole, 4));
  }
}
