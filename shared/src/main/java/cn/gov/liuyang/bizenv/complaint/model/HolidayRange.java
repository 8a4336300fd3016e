package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One named stretch of days off in a year's calendar, as the State Council's notice states it (e.g.
 * 春节 15–23 February), weekends inside it included.
 *
 * @param name the holiday, e.g. 春节
 * @param from the first day off
 * @param to the last day off, not before {@code from}
 */
public record HolidayRange(String name, LocalDate from, LocalDate to) {
  public HolidayRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a holiday range needs a name");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(name + ": " + from + " is after " + to);
    }
  }

  /** Every day of the range, in order. */
  public Stream<LocalDate> days() {
    return from.datesUntil(to.plusDays(1));
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  public boolean overlaps(HolidayRange other) {
    return !other.to.isBefore(from) && !other.from.isAfter(to);
  }
}
