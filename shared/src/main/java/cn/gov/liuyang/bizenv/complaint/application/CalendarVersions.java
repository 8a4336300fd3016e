package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import java.util.List;
import java.util.Optional;

/**
 * Every saved version of each year's working-day calendar. Nothing is overwritten: a new version is
 * added under the next number, and a version only ever gains its confirmation.
 */
public interface CalendarVersions {

  /** The newest version of the year, the one deadlines are counted on. */
  Optional<CalendarVersion> latest(int year);

  Optional<CalendarVersion> version(int year, int version);

  /** The year's versions, newest first, at most {@code max} of them. */
  List<CalendarVersion> history(int year, int max);

  /**
   * Stores a new version under its number.
   *
   * @throws Taken when that number of that year is already stored (someone saved first)
   */
  void add(CalendarVersion version);

  /**
   * Adds the confirmation to a stored version that has none yet.
   *
   * @throws Taken when the version is missing or already confirmed
   */
  void confirm(CalendarVersion confirmed);

  /** A conditional write lost: nothing was written. */
  final class Taken extends RuntimeException {
    public Taken(String what) {
      super(what);
    }
  }
}
