package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake of the calendar store for use-case and handler tests; the DynamoDB one runs on dynalite.
 */
public class InMemoryCalendarVersions implements CalendarVersions {
  private final Map<String, CalendarVersion> stored = new ConcurrentHashMap<>();
  private int reads;
  private RuntimeException failure;

  @Override
  public synchronized Optional<CalendarVersion> latest(int year) {
    reads++;
    if (failure != null) {
      throw failure;
    }
    return history(year, 1).stream().findFirst();
  }

  @Override
  public Optional<CalendarVersion> version(int year, int version) {
    return Optional.ofNullable(stored.get(year + "/" + version));
  }

  @Override
  public List<CalendarVersion> history(int year, int max) {
    List<CalendarVersion> versions = new ArrayList<>();
    stored.values().stream()
        .filter(v -> v.year() == year)
        .sorted(Comparator.comparingInt(CalendarVersion::version).reversed())
        .limit(max)
        .forEach(versions::add);
    return versions;
  }

  @Override
  public void add(CalendarVersion version) {
    if (stored.putIfAbsent(version.year() + "/" + version.version(), version) != null) {
      throw new Taken("taken");
    }
  }

  @Override
  public void confirm(CalendarVersion confirmed) {
    String key = confirmed.year() + "/" + confirmed.version();
    CalendarVersion before = stored.get(key);
    if (before == null || before.confirmed() || !stored.replace(key, before, confirmed)) {
      throw new Taken("taken");
    }
  }

  /** How many times {@link #latest} was asked (what {@link CalendarsInForce} caches). */
  public synchronized int reads() {
    return reads;
  }

  /** Every later {@link #latest} throws this (null: none). */
  public synchronized void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  public int size() {
    return stored.size();
  }
}
