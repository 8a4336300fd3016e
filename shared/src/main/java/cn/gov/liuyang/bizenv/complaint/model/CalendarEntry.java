package cn.gov.liuyang.bizenv.complaint.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A year's working-day calendar as staff enter it from the State Council's notice on the year's
 * holidays (国务院办公厅关于某年部分节假日安排的通知): the days off as named ranges and the weekend days that are
 * worked instead (调休上班). Ranges and days are kept in date order, so two entries with the same
 * content are equal whatever order they were typed in.
 *
 * <p>The rules the staff routes check field by field hold here too, as invariants: every date lies
 * in the year, ranges do not overlap, a make-up working day is a Saturday or Sunday and not inside
 * a range.
 *
 * @param source the notice's title and number
 * @param note staff's remark, e.g. who compared it with the notice
 */
public record CalendarEntry(
    int year,
    String source,
    Optional<String> note,
    List<HolidayRange> daysOff,
    List<LocalDate> weekendWorkingDays) {

  public CalendarEntry {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(note, "note");
    daysOff =
        daysOff.stream()
            .sorted(Comparator.comparing(HolidayRange::from).thenComparing(HolidayRange::to))
            .toList();
    weekendWorkingDays = weekendWorkingDays.stream().sorted().toList();
    for (int i = 0; i < daysOff.size(); i++) {
      HolidayRange range = daysOff.get(i);
      requireInYear(year, range.from());
      requireInYear(year, range.to());
      if (i > 0 && daysOff.get(i - 1).overlaps(range)) {
        throw new IllegalArgumentException(range.name() + " overlaps " + daysOff.get(i - 1).name());
      }
    }
    Set<LocalDate> seen = new HashSet<>();
    for (LocalDate day : weekendWorkingDays) {
      requireInYear(year, day);
      if (!isWeekend(day)) {
        throw new IllegalArgumentException(day + " is not a Saturday or Sunday");
      }
      if (daysOff.stream().anyMatch(range -> range.contains(day))) {
        throw new IllegalArgumentException(day + " is both a day off and a working day");
      }
      if (!seen.add(day)) {
        throw new IllegalArgumentException(day + " is listed twice");
      }
    }
  }

  public static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** The calendar deadlines are counted on. */
  public WorkingDayCalendar calendar(boolean confirmed) {
    return new WorkingDayCalendar(
        year,
        daysOff.stream().flatMap(HolidayRange::days).collect(Collectors.toSet()),
        Set.copyOf(weekendWorkingDays),
        confirmed,
        source);
  }

  private static void requireInYear(int year, LocalDate day) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException(day + " is not in " + year);
    }
  }
}
