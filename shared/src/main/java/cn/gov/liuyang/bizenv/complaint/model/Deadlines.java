package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;

/** The last day of each step, in working days, under the configured time limits. */
public record Deadlines(WorkingDays workingDays, TimeLimits limits) {

  public LocalDate acceptBy(LocalDate filedOn) {
    return lastDay(TimeLimit.ACCEPT, filedOn);
  }

  public LocalDate handleBy(LocalDate acceptedOn) {
    return lastDay(TimeLimit.HANDLE, acceptedOn);
  }

  public LocalDate revisitBy(LocalDate closedOn) {
    return lastDay(TimeLimit.REVISIT, closedOn);
  }

  /**
   * The last day of {@code limit} counted from {@code from} under the configured limits.
   *
   * @throws MissingCalendarException when the count runs into a year without calendar
   */
  public LocalDate lastDay(TimeLimit limit, LocalDate from) {
    return workingDays.addTo(from, limits.of(limit));
  }
}
