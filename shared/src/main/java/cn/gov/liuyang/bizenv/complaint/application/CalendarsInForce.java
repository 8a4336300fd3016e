package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendar;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendars deadlines are counted on: for each year the newest stored version, else the shipped
 * file, else none. What is read is kept for {@link #DEFAULT_TTL} per container (a missing year
 * too), so a calendar saved through the staff routes is in force in every function within a minute,
 * without a deployment; the function that saved it uses it at once ({@link #refresh}).
 *
 * <p>When the store cannot be read and an earlier answer for the year is at hand, that answer is
 * kept for another period rather than failing every complaint read.
 */
public final class CalendarsInForce implements WorkingDayCalendars {
  /** How long a year's calendar, or its absence, is kept before the store is asked again. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(1);

  private final CalendarVersions stored;
  private final ShippedCalendars shipped;
  private final Duration ttl;
  private final Clock clock;
  private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

  public CalendarsInForce(
      CalendarVersions stored, ShippedCalendars shipped, Duration ttl, Clock clock) {
    this.stored = stored;
    this.shipped = shipped;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Where a year's calendar in force comes from. */
  public enum Origin {
    STORED,
    SHIPPED,
    MISSING
  }

  @Override
  public Optional<WorkingDayCalendar> forYear(int year) {
    return current(year).calendar();
  }

  /** Where the calendar {@link #forYear} gives for {@code year} comes from. */
  public Origin origin(int year) {
    return current(year).origin();
  }

  private Cached current(int year) {
    Instant now = clock.instant();
    Cached cached = cache.get(year);
    if (cached != null && now.isBefore(cached.until())) {
      return cached;
    }
    Cached fresh;
    try {
      fresh = read(year, now);
    } catch (RuntimeException unreadable) {
      if (cached == null) {
        throw unreadable;
      }
      Log.warn(
          "working-day calendar " + year + " unreadable: keeping the one read before",
          "year",
          year,
          "failure",
          Log.failure(unreadable),
          "readAt",
          cached.until().minus(ttl));
      fresh = new Cached(cached.calendar(), cached.origin(), now.plus(ttl));
    }
    cache.put(year, fresh);
    return fresh;
  }

  /** Forgets what was read for {@code year}: the next use reads the store again. */
  public void refresh(int year) {
    cache.remove(year);
  }

  private Cached read(int year, Instant now) {
    Instant until = now.plus(ttl);
    return stored
        .latest(year)
        .map(v -> new Cached(Optional.of(v.calendar()), Origin.STORED, until))
        .orElseGet(
            () ->
                shipped
                    .shipped(year)
                    .map(
                        file ->
                            new Cached(
                                Optional.of(file.entry().calendar(file.confirmed())),
                                Origin.SHIPPED,
                                until))
                    .orElse(new Cached(Optional.empty(), Origin.MISSING, until)));
  }

  private record Cached(Optional<WorkingDayCalendar> calendar, Origin origin, Instant until) {}
}
