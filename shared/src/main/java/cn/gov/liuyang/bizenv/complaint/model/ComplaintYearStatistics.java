package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A year of complaint handling in figures, computed from the stored complaints (never typed in).
 * The annual report quotes these: e.g. 2021 had 14 投诉举报, 35 意见建议, 56 困难诉求, 9 多方联动会议, 受理率 100%.
 *
 * @param received cases filed in the year, all kinds
 * @param receivedByKind the same by kind
 * @param accepted cases accepted (受理); refused ones are not
 * @param closed cases closed (办结)
 * @param closedOnTime closed within their working-day limit
 * @param overdueOpen still open and past a step's deadline at the time of counting
 * @param openWithDeadlineUnknown still open, with a deadline that waits for a missing calendar
 *     (never counted overdue)
 * @param meetings multi-party meetings recorded (多方联动会议)
 * @param difficultiesResolved difficulties the closing officers recorded as solved (解决企业困难诉求)
 * @param rated cases whose complainant gave feedback
 * @param satisfiedWithResult rated cases satisfied with the result
 * @param satisfiedWithService rated cases satisfied with the service
 * @param averageWorkingDaysToClose over closed cases; empty when none closed
 */
public record ComplaintYearStatistics(
    FiscalYear year,
    int received,
    Map<ComplaintKind, Integer> receivedByKind,
    int accepted,
    int closed,
    int closedOnTime,
    int overdueOpen,
    int openWithDeadlineUnknown,
    int meetings,
    int difficultiesResolved,
    int rated,
    int satisfiedWithResult,
    int satisfiedWithService,
    Optional<BigDecimal> averageWorkingDaysToClose) {

  public ComplaintYearStatistics {
    receivedByKind = Map.copyOf(receivedByKind);
  }

  /** Figures of a year without open cases whose deadline is unknown (fixtures, older callers). */
  public ComplaintYearStatistics(
      FiscalYear year,
      int received,
      Map<ComplaintKind, Integer> receivedByKind,
      int accepted,
      int closed,
      int closedOnTime,
      int overdueOpen,
      int meetings,
      int difficultiesResolved,
      int rated,
      int satisfiedWithResult,
      int satisfiedWithService,
      Optional<BigDecimal> averageWorkingDaysToClose) {
    this(
        year,
        received,
        receivedByKind,
        accepted,
        closed,
        closedOnTime,
        overdueOpen,
        0,
        meetings,
        difficultiesResolved,
        rated,
        satisfiedWithResult,
        satisfiedWithService,
        averageWorkingDaysToClose);
  }

  public int receivedOf(ComplaintKind kind) {
    return receivedByKind.getOrDefault(kind, 0);
  }

  /** 投诉举报: complaints and reports together, as the report counts them. */
  public int complaintsAndReports() {
    return receivedOf(ComplaintKind.COMPLAINT) + receivedOf(ComplaintKind.REPORT);
  }
}
