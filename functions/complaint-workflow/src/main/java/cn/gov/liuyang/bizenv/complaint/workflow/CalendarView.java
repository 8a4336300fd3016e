package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.application.CalendarsInForce;
import cn.gov.liuyang.bizenv.complaint.application.ManageCalendars;
import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.complaint.model.RunningLimit;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar routes' answers. People are named by display name only (as the report routes do),
 * never by their identity provider subject.
 */
final class CalendarView {
  private CalendarView() {}

  /**
   * A year's calendar: the version shown, where it comes from ({@code STORED}, or {@code SHIPPED}
   * as version 0), whether deadlines count on it, and the stored versions.
   */
  static Map<String, Object> of(ManageCalendars.Shown shown) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", shown.entry().year());
    body.put("version", shown.version());
    body.put("origin", shown.stored().isPresent() ? "STORED" : "SHIPPED");
    body.put("inForce", shown.inForce());
    body.put("confirmed", shown.confirmed());
    body.put("source", shown.entry().source());
    shown.entry().note().ifPresent(note -> body.put("note", note));
    body.put("daysOff", shown.entry().daysOff().stream().map(CalendarView::range).toList());
    body.put(
        "weekendWorkingDays",
        shown.entry().weekendWorkingDays().stream().map(LocalDate::toString).toList());
    shown.stored().ifPresent(version -> body.putAll(authorship(version)));
    body.put("versions", shown.history().stream().map(CalendarView::versionLine).toList());
    return body;
  }

  private static Map<String, Object> range(HolidayRange range) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("name", range.name());
    item.put("from", range.from().toString());
    item.put("to", range.to().toString());
    item.put("days", ChronoUnit.DAYS.between(range.from(), range.to()) + 1);
    return item;
  }

  private static Map<String, Object> authorship(CalendarVersion version) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("savedBy", version.savedBy().name());
    item.put("savedAt", version.savedAt().toString());
    version
        .confirmation()
        .ifPresent(
            c -> {
              item.put("confirmedBy", c.by().name());
              item.put("confirmedAt", c.at().toString());
            });
    return item;
  }

  private static Map<String, Object> versionLine(CalendarVersion version) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("version", version.version());
    item.put("confirmed", version.confirmed());
    item.putAll(authorship(version));
    return item;
  }

  /** One case of {@code GET /staff/calendars/{year}/cases}. */
  record WaitingCase(
      String trackingNumber,
      String kind,
      String kindLabel,
      String subject,
      String status,
      String statusLabel,
      Instant filedAt,
      String limit,
      String limitLabel,
      LocalDate countedFrom,
      LocalDate dueBy,
      String deadlineUnknownReason,
      String deadlineUnknownMessage,
      boolean overdue,
      String department) {

    static WaitingCase of(Complaint c, LocalDate today) {
      RunningLimit running = c.runningLimit().orElse(null);
      return new WaitingCase(
          c.trackingNumber().display(),
          c.kind().name(),
          c.kind().label(),
          c.subject(),
          c.status().name(),
          c.status().label(),
          c.filedAt(),
          running == null ? null : running.limit().name(),
          running == null ? null : label(running.limit()),
          running == null ? null : running.countedFrom(),
          c.dueBy().orElse(null),
          c.deadlineUnknown().map(DeadlineUnknown::reason).orElse(null),
          c.deadlineUnknown().map(DeadlineUnknown::message).orElse(null),
          c.overdueOn(today),
          c.department().orElse(null));
    }
  }

  static Map<String, Object> cases(
      int year,
      CalendarsInForce.Origin calendar,
      List<WaitingCase> items,
      int examined,
      Optional<String> nextCursor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year);
    body.put("calendar", calendar.name());
    body.put("items", items);
    body.put("examined", examined);
    nextCursor.ifPresent(cursor -> body.put("nextCursor", cursor));
    return body;
  }

  private static String label(TimeLimit limit) {
    return switch (limit) {
      case ACCEPT -> "受理";
      case HANDLE -> "办结";
      case REVISIT -> "回访";
    };
  }
}
