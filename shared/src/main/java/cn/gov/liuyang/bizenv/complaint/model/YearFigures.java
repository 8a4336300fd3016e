package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Counts a year's figures from its complaints, as the annual report quotes them. */
public final class YearFigures {
  private YearFigures() {}

  /**
   * @param filedInYear the complaints filed in {@code year}
   * @param today the counting date, for what is overdue
   */
  public static ComplaintYearStatistics count(
      FiscalYear year, Collection<Complaint> filedInYear, LocalDate today) {
    Map<ComplaintKind, Integer> byKind = new EnumMap<>(ComplaintKind.class);
    int accepted = 0;
    int closed = 0;
    int closedOnTime = 0;
    int overdueOpen = 0;
    int openWithDeadlineUnknown = 0;
    int meetings = 0;
    int difficultiesResolved = 0;
    int rated = 0;
    int satisfiedWithResult = 0;
    int satisfiedWithService = 0;
    int closedWithWorkingDays = 0;
    long workingDaysToClose = 0;
    for (Complaint complaint : filedInYear) {
      byKind.merge(complaint.kind(), 1, Integer::sum);
      Optional<Step> rating = Optional.empty();
      for (Step step : complaint.history()) {
        switch (step.action()) {
          case ACCEPT -> accepted++;
          case MEETING -> meetings++;
          case CLOSE -> {
            closed++;
            if (Boolean.parseBoolean(step.details().get("onTime"))) {
              closedOnTime++;
            }
            difficultiesResolved += intDetail(step, "difficultiesResolved");
            // absent when the count needed a missing calendar: averaged over the others
            if (step.details().containsKey("workingDays")) {
              closedWithWorkingDays++;
              workingDaysToClose += intDetail(step, "workingDays");
            }
          }
          // the complainant's own rating wins over what the officer noted on the follow-up call
          case FEEDBACK -> rating = Optional.of(step);
          case REVISIT -> rating = rating.isPresent() ? rating : Optional.of(step);
          default -> {
            // filing, refusing, transferring and following up are not counted
          }
        }
      }
      if (rating.isPresent()) {
        rated++;
        satisfiedWithResult += flag(rating.get(), "satisfiedWithResult");
        satisfiedWithService += flag(rating.get(), "satisfiedWithService");
      }
      boolean open = !complaint.status().finished();
      if (open && complaint.overdueOn(today)) {
        overdueOpen++;
      }
      if (open && complaint.deadlineUnknown().isPresent()) {
        openWithDeadlineUnknown++;
      }
    }
    Optional<BigDecimal> average =
        closedWithWorkingDays == 0
            ? Optional.empty()
            : Optional.of(
                BigDecimal.valueOf(workingDaysToClose)
                    .divide(BigDecimal.valueOf(closedWithWorkingDays), 1, RoundingMode.HALF_UP));
    return new ComplaintYearStatistics(
        year,
        filedInYear.size(),
        byKind,
        accepted,
        closed,
        closedOnTime,
        overdueOpen,
        openWithDeadlineUnknown,
        meetings,
        difficultiesResolved,
        rated,
        satisfiedWithResult,
        satisfiedWithService,
        average);
  }

  private static int intDetail(Step step, String name) {
    try {
      return Integer.parseInt(step.details().getOrDefault(name, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int flag(Step step, String name) {
    return Boolean.parseBoolean(step.details().get(name)) ? 1 : 0;
  }
}
