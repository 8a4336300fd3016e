package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendar;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendars;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calendars shipped as data files {@code complaint/calendars/<year>.json} next to this code: one
 * per year, days off as ranges, make-up working weekend days as dates.
 */
public final class ClasspathWorkingDayCalendars implements WorkingDayCalendars {
  private static final String FOLDER = "/cn/gov/liuyang/bizenv/complaint/calendars/";

  private final Map<Integer, Optional<WorkingDayCalendar>> loaded = new ConcurrentHashMap<>();

  @Override
  public Optional<WorkingDayCalendar> forYear(int year) {
    return loaded.computeIfAbsent(year, ClasspathWorkingDayCalendars::load);
  }

  private static Optional<WorkingDayCalendar> load(int year) {
    try (InputStream in =
        ClasspathWorkingDayCalendars.class.getResourceAsStream(FOLDER + year + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      JsonNode root = Json.mapper().readTree(in);
      if (root.path("year").asInt() != year) {
        throw new IllegalStateException("calendar file " + year + ".json is for another year");
      }
      Set<LocalDate> daysOff = new HashSet<>();
      for (JsonNode range : root.path("daysOff")) {
        LocalDate to = LocalDate.parse(range.path("to").asText());
        for (LocalDate d = LocalDate.parse(range.path("from").asText());
            !d.isAfter(to);
            d = d.plusDays(1)) {
          daysOff.add(d);
        }
      }
      Set<LocalDate> working = new HashSet<>();
      root.path("weekendWorkingDays").forEach(d -> working.add(LocalDate.parse(d.asText())));
      return Optional.of(
          new WorkingDayCalendar(
              year,
              daysOff,
              working,
              root.path("confirmed").asBoolean(false),
              root.path("source").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("calendar file " + year + ".json is unreadable", e);
    }
  }
}
