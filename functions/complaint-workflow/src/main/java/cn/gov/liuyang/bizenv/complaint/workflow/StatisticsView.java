package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A year's figures with the rates the report quotes. Rates are percentages with one decimal, absent
 * when their denominator is zero: 受理率 = accepted / received, on-time rate over closed, satisfaction
 * over rated.
 */
record StatisticsView(
    int year,
    int received,
    Map<String, Integer> receivedByKind,
    int complaintsAndReports,
    int accepted,
    BigDecimal acceptanceRate,
    int closed,
    int closedOnTime,
    BigDecimal onTimeRate,
    int overdueOpen,
    int openWithDeadlineUnknown,
    int meetings,
    int difficultiesResolved,
    int rated,
    BigDecimal resultSatisfactionRate,
    BigDecimal serviceSatisfactionRate,
    BigDecimal averageWorkingDaysToClose) {

  static StatisticsView of(ComplaintYearStatistics s) {
    Map<String, Integer> byKind = new LinkedHashMap<>();
    for (ComplaintKind kind : ComplaintKind.values()) {
      byKind.put(kind.name(), s.receivedOf(kind));
    }
    return new StatisticsView(
        s.year().value(),
        s.received(),
        byKind,
        s.complaintsAndReports(),
        s.accepted(),
        percent(s.accepted(), s.received()),
        s.closed(),
        s.closedOnTime(),
        percent(s.closedOnTime(), s.closed()),
        s.overdueOpen(),
        s.openWithDeadlineUnknown(),
        s.meetings(),
        s.difficultiesResolved(),
        s.rated(),
        percent(s.satisfiedWithResult(), s.rated()),
        percent(s.satisfiedWithService(), s.rated()),
        s.averageWorkingDaysToClose().orElse(null));
  }

  private static BigDecimal percent(int part, int whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
