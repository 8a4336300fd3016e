package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.ShippedCalendars;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendar;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendars;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calendars shipped as data files {@code complaint/calendars/<year>.json} next to this code: one
 * per year, days off as named ranges, make-up working weekend days as dates, {@code source}, {@code
 * confirmed} and an optional {@code note}. They are the initial content: a version staff save
 * through the staff routes takes a year's place ({@code CalendarsInForce}).
 */
public final class ClasspathWorkingDayCalendars implements WorkingDayCalendars, ShippedCalendars {
  private static final String FOLDER = "/cn/gov/liuyang/bizenv/complaint/calendars/";

  private final Map<Integer, Optional<Shipped>> loaded = new ConcurrentHashMap<>();

  @Override
  public Optional<WorkingDayCalendar> forYear(int year) {
    return shipped(year).map(file -> file.entry().calendar(file.confirmed()));
  }

  @Override
  public Optional<Shipped> shipped(int year) {
    return loaded.computeIfAbsent(year, ClasspathWorkingDayCalendars::load);
  }

  private static Optional<Shipped> load(int year) {
    try (InputStream in =
        ClasspathWorkingDayCalendars.class.getResourceAsStream(FOLDER + year + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      JsonNode root = Json.mapper().readTree(in);
      if (root.path("year").asInt() != year) {
        throw new IllegalStateException("calendar file " + year + ".json is for another year");
      }
      List<HolidayRange> daysOff = new ArrayList<>();
      for (JsonNode range : root.path("daysOff")) {
        daysOff.add(
            new HolidayRange(
                range.path("name").asText(),
                LocalDate.parse(range.path("from").asText()),
                LocalDate.parse(range.path("to").asText())));
      }
      List<LocalDate> working = new ArrayList<>();
      root.path("weekendWorkingDays").forEach(d -> working.add(LocalDate.parse(d.asText())));
      Optional<String> note =
          root.hasNonNull("note") ? Optional.of(root.get("note").asText()) : Optional.empty();
      CalendarEntry entry =
          new CalendarEntry(year, root.path("source").asText(), note, daysOff, working);
      return Optional.of(new Shipped(entry, root.path("confirmed").asBoolean(false)));
    } catch (IOException e) {
      throw new UncheckedIOException("calendar file " + year + ".json is unreadable", e);
    }
  }
}
