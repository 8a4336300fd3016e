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
  STAFF_CONTROL_RATE("在职人员控制率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return s.staffing()
          .filter(staffing -> staffing.authorizedPosts() != 0)
          .flatMap(staffing -> ratio(staffing.staffOnPayroll(), staffing.authorizedPosts()));
    }
  },
  /** 三公经费变动率 = (本年 − 上年) / 上年. */
  SAN_GONG_CHANGE_RATE("三公经费变动率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
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
  },
  /** 预算完成率 = 预算完成数 / 预算数. */
  BUDGET_COMPLETION_RATE("预算完成率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return share(s.totalActual(), s.totalBudget());
    }
  },
  /** 公用经费控制率 = 实际支出公用经费 / 预算安排公用经费. */
  PUBLIC_OPERATING_CONTROL_RATE("公用经费控制率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return share(s.publicOperatingActual(), s.publicOperatingBudget());
    }
  },
  /** 三公经费控制率 = 三公经费实际支出 / 三公经费预算. */
  SAN_GONG_CONTROL_RATE("三公经费控制率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      if (s.sanGongBudget().isEmpty()) {
        return Optional.empty();
      }
      Money budget = s.sanGongBudget().get();
      if (budget.isZero()) {
        return s.sanGongActual().total().isZero() ? Optional.of(BigDecimal.ZERO) : Optional.empty();
      }
      return share(s.sanGongActual().total(), budget);
    }
  },
  /**
   * 政府采购执行率 = 政府采购实际数 / 政府采购预算数; empty when the workbook did not state both, or stated no
   * procurement budget.
   */
  PROCUREMENT_EXECUTION_RATE("政府采购执行率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      if (s.procurementBudget().isEmpty() || s.procurementActual().isEmpty()) {
        return Optional.empty();
      }
      return share(s.procurementActual().get(), s.procurementBudget().get());
    }
  },
  /**
   * 预算调整率 = 预算调整数 / 预算数 (the lines' total budget), negative for a reduction; empty when the
   * workbook did not state the adjustment.
   */
  BUDGET_ADJUSTMENT_RATE("预算调整率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return s.budgetAdjustment().flatMap(adjustment -> share(adjustment, s.totalBudget()));
    }
  },
  /** 投诉受理率 = 受理件数 / 收到件数. */
  COMPLAINT_ACCEPTANCE_RATE("投诉受理率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return ratio(c.accepted(), c.received());
    }
  },
  /** 办结率 = 办结件数 / 受理件数. */
  COMPLAINT_CLOSURE_RATE("投诉办结率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return ratio(c.closed(), c.accepted());
    }
  },
  /** 办结及时率 = 按时办结件数 / 办结件数. */
  COMPLAINT_ON_TIME_RATE("办结及时率") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return ratio(c.closedOnTime(), c.closed());
    }
  },
  /** 服务对象满意度 = 对办理结果满意件数 / 评价件数. */
  SATISFACTION_RATE("服务对象满意度") {
    @Override
    Optional<BigDecimal> measure(AcceptedSpending s, ComplaintYearStatistics c) {
      return ratio(c.satisfiedWithResult(), c.rated());
    }
  };

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  abstract Optional<BigDecimal> measure(
      AcceptedSpending spending, ComplaintYearStatistics complaints);

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
