package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Optional;

/** The per-year working-day calendars that are available. */
public interface WorkingDayCalendars {
  Optional<WorkingDayCalendar> forYear(int year);
}
