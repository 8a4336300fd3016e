package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One saved version of a year's calendar: what was entered, by whom and when, and whether a second
 * person has confirmed it against the published notice. Versions are numbered from 1 per year and
 * never change, except that the confirmation is added once.
 */
public record CalendarVersion(
    CalendarEntry entry,
    int version,
    Officer savedBy,
    Instant savedAt,
    Optional<Confirmation> confirmation) {

  /** Who compared the version with the published notice, and when. */
  public record Confirmation(Officer by, Instant at) {}

  public CalendarVersion {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(savedBy, "savedBy");
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(confirmation, "confirmation");
    if (version < 1) {
      throw new IllegalArgumentException("calendar versions start at 1: " + version);
    }
  }

  public int year() {
    return entry.year();
  }

  public boolean confirmed() {
    return confirmation.isPresent();
  }

  /** The calendar deadlines are counted on. */
  public WorkingDayCalendar calendar() {
    return entry.calendar(confirmed());
  }

  public CalendarVersion confirmedBy(Officer officer, Instant at) {
    return new CalendarVersion(
        entry, version, savedBy, savedAt, Optional.of(new Confirmation(officer, at)));
  }
}
