package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import java.util.Optional;

/**
 * The calendars shipped with the code: the initial content, in force for a year until staff save a
 * version of it.
 */
public interface ShippedCalendars {

  Optional<Shipped> shipped(int year);

  /**
   * @param confirmed whether the file says it was compared with the published notice
   */
  record Shipped(CalendarEntry entry, boolean confirmed) {}
}
