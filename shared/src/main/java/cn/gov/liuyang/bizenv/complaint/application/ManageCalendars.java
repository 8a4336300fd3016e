package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Staff keep each year's working-day calendar: read it (stored, else the shipped file), save a new
 * version entered from the State Council's notice, and have a second person confirm it. A saved
 * version is in force at once in this function and within a minute everywhere ({@link
 * CalendarsInForce}); deadlines that waited for it resolve on their next read.
 */
public record ManageCalendars(
    CalendarVersions store, ShippedCalendars shipped, CalendarsInForce inForce, Clock clock) {
  /** How many versions a read lists. */
  public static final int HISTORY = 50;

  /**
   * A year's calendar as staff see it.
   *
   * @param stored the version shown, when it is a stored one (else the shipped file is shown)
   * @param inForce whether deadlines are counted on what is shown
   * @param history the stored versions, newest first (at most {@link #HISTORY})
   */
  public record Shown(
      CalendarEntry entry,
      Optional<CalendarVersion> stored,
      boolean shippedConfirmed,
      boolean inForce,
      List<CalendarVersion> history) {

    public int version() {
      return stored.map(CalendarVersion::version).orElse(0);
    }

    public boolean confirmed() {
      return stored.map(CalendarVersion::confirmed).orElse(shippedConfirmed);
    }
  }

  /** What a save or a confirmation did: {@code changed} is false when nothing was written. */
  public record Result(Shown shown, boolean changed) {}

  /**
   * The newest version of the year, or the given one; without any stored version, the shipped file
   * (version 0).
   */
  public Shown show(int year, OptionalInt version) {
    List<CalendarVersion> history = store.history(year, HISTORY);
    Optional<CalendarVersion> latest = history.stream().findFirst();
    if (version.isPresent()) {
      CalendarVersion wanted =
          store
              .version(year, version.getAsInt())
              .orElseThrow(
                  () ->
                      Refusal.notFound(
                          "CALENDAR_VERSION_NOT_FOUND",
                          year + " 年的节假日安排没有第 " + version.getAsInt() + " 版"));
      boolean inForce = latest.map(l -> l.version() == wanted.version()).orElse(false);
      return new Shown(wanted.entry(), Optional.of(wanted), false, inForce, history);
    }
    if (latest.isPresent()) {
      return new Shown(latest.get().entry(), latest, false, true, history);
    }
    return shipped
        .shipped(year)
        .map(file -> new Shown(file.entry(), Optional.empty(), file.confirmed(), true, history))
        .orElseThrow(() -> notFound(year));
  }

  /**
   * Saves {@code entry} as the year's next version, unconfirmed, with {@code author} and the time.
   * The same content as the newest version writes nothing, whatever version it was based on (a
   * retried save is harmless).
   *
   * @param expectedVersion the version the author started from (0: none stored yet), when sent; a
   *     newer stored version is a conflict
   */
  public Result save(CalendarEntry entry, Officer author, OptionalInt expectedVersion) {
    int year = entry.year();
    Optional<CalendarVersion> latest = store.latest(year);
    int current = latest.map(CalendarVersion::version).orElse(0);
    if (latest.isPresent() && latest.get().entry().equals(entry)) {
      // what the author wants is already the newest version (e.g. a retried save): nothing to do
      return new Result(show(year, OptionalInt.empty()), false);
    }
    if (expectedVersion.isPresent() && expectedVersion.getAsInt() != current) {
      throw conflict(year, current);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    CalendarVersion next = new CalendarVersion(entry, current + 1, author, now, Optional.empty());
    try {
      store.add(next);
    } catch (CalendarVersions.Taken taken) {
      throw conflict(year, store.latest(year).map(CalendarVersion::version).orElse(current));
    }
    inForce.refresh(year);
    System.out.printf(
        "calendar %d: version %d saved by %s (%d ranges, %d make-up days)%n",
        year,
        next.version(),
        author.id(),
        entry.daysOff().size(),
        entry.weekendWorkingDays().size());
    return new Result(show(year, OptionalInt.empty()), true);
  }

  /**
   * Marks the newest version confirmed by {@code officer}, who compared it with the published
   * notice. Confirming a confirmed version again changes nothing.
   *
   * @param version the version the officer compared: it must still be the newest
   */
  public Result confirm(int year, int version, Officer officer) {
    CalendarVersion latest =
        store
            .latest(year)
            .orElseThrow(
                () ->
                    shipped.shipped(year).isPresent()
                        ? Refusal.conflict(
                            "CALENDAR_NOT_STORED",
                            year + " 年的节假日安排还只是随程序发布的初始数据：请先核对通知原文并保存（PUT），再由另一位同事确认",
                            Map.of("currentVersion", 0))
                        : notFound(year));
    if (latest.version() != version) {
      throw conflict(year, latest.version());
    }
    if (latest.confirmed()) {
      return new Result(show(year, OptionalInt.empty()), false);
    }
    if (latest.savedBy().id().equals(officer.id())) {
      throw Refusal.conflict(
          "CONFIRMER_IS_AUTHOR",
          "录入人不能确认自己录入的版本：请另一位同事对照国务院办公厅通知原文核对后确认",
          Map.of("currentVersion", latest.version()));
    }
    try {
      store.confirm(latest.confirmedBy(officer, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    } catch (CalendarVersions.Taken taken) {
      CalendarVersion now = store.latest(year).orElseThrow(() -> notFound(year));
      if (now.version() == version && now.confirmed()) {
        return new Result(show(year, OptionalInt.empty()), false);
      }
      throw conflict(year, now.version());
    }
    inForce.refresh(year);
    System.out.printf("calendar %d: version %d confirmed by %s%n", year, version, officer.id());
    return new Result(show(year, OptionalInt.empty()), true);
  }

  /**
   * Where the calendar deadlines are counted on for {@code year} comes from, as this container has
   * it.
   */
  public CalendarsInForce.Origin origin(int year) {
    return inForce.origin(year);
  }

  private static Refusal notFound(int year) {
    return Refusal.notFound("CALENDAR_NOT_FOUND", year + " 年的节假日安排尚未录入");
  }

  private static Refusal conflict(int year, int current) {
    return Refusal.conflict(
        "CALENDAR_VERSION_CONFLICT",
        year + " 年的节假日安排已有更新的版本（第 " + current + " 版），请刷新后核对再操作",
        Map.of("currentVersion", current));
  }
}
