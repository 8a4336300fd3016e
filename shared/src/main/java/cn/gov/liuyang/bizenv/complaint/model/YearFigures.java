package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Counts a year's figures from its complaints, as the annual report quotes them. */
public final class YearFigures {
  private YearFigures() {}

  /**
   * Deadlines that were unknown when a step was taken count on {@code deadlines}' calendars where
   * these now have the missing year: such an open case may be overdue, and a case closed then is
   * judged on time or late against the deadline it really had (its history still says what was
   * recorded at the time).
   *
   * @param filedInYear the complaints filed in {@code year}
   * @param today the counting date, for what is overdue
   * @param deadlines today's calendars and limits
   */
  public static ComplaintYearStatistics count(
      FiscalYear year, Collection<Complaint> filedInYear, LocalDate today, Deadlines deadlines) {
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
    for (Complaint stored : filedInYear) {
      Complaint complaint = stored.withDeadlineResolved(deadlines);
      byKind.merge(complaint.kind(), 1, Integer::sum);
      Optional<StepPayload.Satisfaction> rating = Optional.empty();
      List<Step> history = complaint.history();
      for (int i = 0; i < history.size(); i++) {
        Step step = history.get(i);
        switch (step.action()) {
          case ACCEPT -> accepted++;
          case MEETING -> meetings++;
          case CLOSE -> {
            StepPayload.Closing closing = (StepPayload.Closing) step.payload();
            closed++;
            if (closedOnTime(history.subList(0, i + 1), closing, deadlines)) {
              closedOnTime++;
            }
            difficultiesResolved += closing.difficultiesResolved();
            // unknown while the count needs a missing calendar: averaged over the others
            OptionalInt days = workingDaysToClose(complaint, step, closing, deadlines);
            if (days.isPresent()) {
              closedWithWorkingDays++;
              workingDaysToClose += days.getAsInt();
            }
          }
          // the complainant's own rating wins over what the officer noted on the follow-up call
          case FEEDBACK -> rating = Optional.of((StepPayload.Satisfaction) step.payload());
          case REVISIT ->
              rating =
                  rating.isPresent()
                      ? rating
                      : Optional.of((StepPayload.Satisfaction) step.payload());
          default -> {
            // filing, refusing, transferring and following up are not counted
          }
        }
      }
      if (rating.isPresent()) {
        rated++;
        satisfiedWithResult += rating.get().satisfiedWithResult() ? 1 : 0;
        satisfiedWithService += rating.get().satisfiedWithService() ? 1 : 0;
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

  /**
   * As recorded by the closing step, unless its deadline was unknown then: that deadline (the
   * handling limit from the acceptance day) is counted now if the calendar is there.
   *
   * @param upToClose the history up to and including the closing step
   */
  private static boolean closedOnTime(
      List<Step> upToClose, StepPayload.Closing closing, Deadlines deadlines) {
    Step close = upToClose.get(upToClose.size() - 1);
    boolean recorded = closing.onTime();
    if (closing.deadlineUnknown().isEmpty()) {
      return recorded;
    }
    StepPayload.UnknownDeadline unknown = closing.deadlineUnknown().get();
    // closings recorded before the counting start was kept: the last acceptance before them
    Optional<LocalDate> from =
        unknown
            .countedFrom()
            .or(
                () ->
                    upToClose.stream()
                        .filter(step -> step.action() == TimeLimit.HANDLE.startedBy())
                        .reduce((first, second) -> second)
                        .map(YearFigures::day));
    int days = unknown.workingDays().orElse(deadlines.limits().handle());
    try {
      return from.map(start -> !day(close).isAfter(deadlines.workingDays().addTo(start, days)))
          .orElse(recorded);
    } catch (MissingCalendarException stillMissing) {
      return recorded;
    }
  }

  private static OptionalInt workingDaysToClose(
      Complaint complaint, Step close, StepPayload.Closing closing, Deadlines deadlines) {
    if (closing.closedOnUnknownDate()) {
      // a ledger row that says the case was closed but not when: no time to average
      return OptionalInt.empty();
    }
    if (closing.workingDays().isPresent()) {
      return closing.workingDays();
    }
    try {
      return OptionalInt.of(deadlines.workingDays().between(complaint.filedOn(), day(close)));
    } catch (MissingCalendarException stillMissing) {
      return OptionalInt.empty();
    }
  }

  private static LocalDate day(Step step) {
    return step.at().atZone(Complaint.ZONE).toLocalDate();
  }
}
