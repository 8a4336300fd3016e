package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;

/**
 * Working-day arithmetic over the yearly calendars. A year without a calendar is an error ({@link
 * MissingCalendarException}), never silently "weekdays only".
 */
public final class WorkingDays {
  private final WorkingDayCalendars calendars;

  public WorkingDays(WorkingDayCalendars calendars) {
    this.calendars = calendars;
  }

  public boolean isWorkingDay(LocalDate day) {
    return calendars
        .forYear(day.getYear())
        .orElseThrow(() -> new MissingCalendarException(day.getYear()))
        .isWorkingDay(day);
  }

  /**
   * The {@code n}th working day after {@code start} (the start day itself does not count, whether
   * or not it is a working day): the last day of a limit of {@code n} working days.
   */
  public LocalDate addTo(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative working days: " + n);
    }
    LocalDate day = start;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later.
   */
  public int between(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }
}
