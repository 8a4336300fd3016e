package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a running step has no deadline: its working days run into a year whose calendar nobody has
 * entered yet. The step itself is recorded as usual; only its last day waits for the calendar, and
 * everything needed to count it then is kept here.
 *
 * @param missingCalendarYear the first year the count needed and could not find
 * @param limit which limit is running
 * @param countedFrom the day its working days are counted from (the day of the step that started
 *     it)
 * @param workingDays the limit's length when the step was taken; empty for complaints stored before
 *     it was recorded, which then take the configured limit
 */
public record DeadlineUnknown(
    int missingCalendarYear, TimeLimit limit, LocalDate countedFrom, OptionalInt workingDays) {
  /** The machine-readable reason clients see. */
  public static final String CALENDAR_MISSING = "CALENDAR_MISSING";

  /**
   * The running limit of a complaint stored with only the missing year: which limit runs follows
   * from the status, and it was counted from the day of the last step that starts that limit. Empty
   * when the status runs no limit.
   */
  public static Optional<DeadlineUnknown> inferred(
      int missingCalendarYear, ComplaintStatus status, List<Step> history, ZoneId zone) {
    return running(status, history, zone)
        .map(
            running ->
                new DeadlineUnknown(
                    missingCalendarYear,
                    running.limit(),
                    running.countedFrom(),
                    OptionalInt.empty()));
  }

  /**
   * The limit a complaint in {@code status} runs under (受理 while received, 办结 while accepted or in
   * progress, 回访 once closed) and the day of the last step in {@code history} that started it.
   */
  static Optional<RunningLimit> running(ComplaintStatus status, List<Step> history, ZoneId zone) {
    Optional<TimeLimit> limit =
        switch (status) {
          case RECEIVED -> Optional.of(TimeLimit.ACCEPT);
          case ACCEPTED, IN_PROGRESS -> Optional.of(TimeLimit.HANDLE);
          case CLOSED -> Optional.of(TimeLimit.REVISIT);
          case REFUSED, REVISITED -> Optional.empty();
        };
    return limit.flatMap(
        running ->
            history.stream()
                .filter(step -> step.action() == running.startedBy())
                .reduce((first, second) -> second)
                .map(start -> new RunningLimit(running, start.at().atZone(zone).toLocalDate())));
  }

  public String reason() {
    return CALENDAR_MISSING;
  }

  /** What the complainant reads where the date would be: when it will be known, not why not. */
  public String publicMessage() {
    return "本环节期限待 " + missingCalendarYear + " 年节假日安排公布后确定";
  }

  /** What officers read next to the missing date. */
  public String message() {
    return missingCalendarYear + " 年节假日安排尚未录入，期限待定";
  }

  /** The working days this limit allows: as recorded, else as configured now. */
  int workingDaysUnder(TimeLimits configured) {
    return workingDays.orElse(configured.of(limit));
  }
}
