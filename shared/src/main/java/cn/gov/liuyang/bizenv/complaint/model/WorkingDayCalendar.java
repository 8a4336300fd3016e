package cn.gov.liuyang.bizenv.complaint.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * One year's statutory days off and make-up working weekend days, as the State Council publishes
 * them each year.
 *
 * @param confirmed false while the data still awaits checking against the published notice
 * @param source the notice the data comes from
 */
public record WorkingDayCalendar(
    int year,
    Set<LocalDate> daysOff,
    Set<LocalDate> weekendWorkingDays,
    boolean confirmed,
    String source) {

  public WorkingDayCalendar {
    daysOff = Set.copyOf(daysOff);
    weekendWorkingDays = Set.copyOf(weekendWorkingDays);
    for (LocalDate day : daysOff) {
      requireInYear(year, day);
    }
    for (LocalDate day : weekendWorkingDays) {
      requireInYear(year, day);
    }
  }

  public boolean isWorkingDay(LocalDate day) {
    requireInYear(year, day);
    if (weekendWorkingDays.contains(day)) {
      return true;
    }
    boolean weekend =
        day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend && !daysOff.contains(day);
  }

  private static void requireInYear(int year, LocalDate day) {
    if (day.getYear() != year) {
      throw new IllegalArgumentException(day + " is not in the " + year + " calendar");
    }
  }
}
