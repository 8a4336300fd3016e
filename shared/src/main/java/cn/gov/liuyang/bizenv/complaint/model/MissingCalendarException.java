package cn.gov.liuyang.bizenv.complaint.model;

/** A deadline needs a year whose working-day calendar nobody has entered yet. */
public class MissingCalendarException extends RuntimeException {
  private final int year;

  public MissingCalendarException(int year) {
    super("no working-day calendar for " + year);
    this.year = year;
  }

  public int year() {
    return year;
  }
}
