package cn.gov.liuyang.bizenv.complaint.model;

/**
 * Why a running step has no deadline: its working days run into a year whose calendar nobody has
 * entered yet. The step itself is recorded as usual; only its last day waits for the calendar.
 *
 * @param missingCalendarYear the first year the count needed and could not find
 */
public record DeadlineUnknown(int missingCalendarYear) {
  /** The machine-readable reason clients see. */
  public static final String CALENDAR_MISSING = "CALENDAR_MISSING";

  public static DeadlineUnknown of(MissingCalendarException e) {
    return new DeadlineUnknown(e.year());
  }

  public String reason() {
    return CALENDAR_MISSING;
  }

  /** What officers read next to the missing date. */
  public String message() {
    return missingCalendarYear + " 年节假日安排尚未录入，期限待定";
  }
}
