package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.application.CalendarsInForce;
import cn.gov.liuyang.bizenv.complaint.application.CountComplaintYear;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimits;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Complaint settings from the function's environment, checked once at start-up. */
public final class ComplaintConfiguration {
  private ComplaintConfiguration() {}

  /**
   * Deadlines as every deployed function counts them: on the calendars staff saved in the
   * complaints table {@code table}, else the shipped files, each year kept for a minute per
   * container ({@link #calendarsInForce}); time limits from {@code COMPLAINT_TIME_LIMITS}.
   */
  public static Deadlines deadlines(DynamoDbClient dynamoDb, String table) {
    return deadlines(calendarsInForce(dynamoDb, table));
  }

  /** Deadlines on these calendars, with time limits from {@code COMPLAINT_TIME_LIMITS}. */
  public static Deadlines deadlines(CalendarsInForce calendars) {
    return new Deadlines(new WorkingDays(calendars), timeLimits());
  }

  /**
   * Deadlines on the shipped calendar files only, with time limits from {@code
   * COMPLAINT_TIME_LIMITS} (e.g. {@code accept=3,handle=15,revisit=5}) or the defaults: for tests
   * and tools that must not depend on what staff stored. Functions use {@link
   * #deadlines(DynamoDbClient, String)}.
   */
  public static Deadlines deadlines() {
    return new Deadlines(new WorkingDays(new ClasspathWorkingDayCalendars()), timeLimits());
  }

  /** The stored calendars over the shipped ones, as one container keeps them. */
  public static CalendarsInForce calendarsInForce(DynamoDbClient dynamoDb, String table) {
    return new CalendarsInForce(
        new DynamoDbCalendarVersions(dynamoDb, table),
        new ClasspathWorkingDayCalendars(),
        CalendarsInForce.DEFAULT_TTL,
        Clock.systemUTC());
  }

  /**
   * The complaint figures as the report quotes them, counted from the complaints table on the
   * calendars in force, the intake's cases for {@link #intakeUnit}.
   */
  public static CountComplaintYear statistics(DynamoDbClient dynamoDb, String table, Clock clock) {
    // counts need no contact: the report function may read the complaints only without it
    return new CountComplaintYear(
        DynamoDbComplaintSearch.withoutPersonalData(dynamoDb, table),
        deadlines(dynamoDb, table),
        clock,
        intakeUnit());
  }

  /**
   * The unit whose intake the cases filed through the system belong to: {@code INTAKE_UNIT} from
   * the environment, or the office that runs the intake (lyyshj).
   */
  public static UnitId intakeUnit() {
    return Env.optional("INTAKE_UNIT").flatMap(UnitId::parse).orElse(new UnitId("lyyshj"));
  }

  /** {@code COMPLAINT_TIME_LIMITS} or the defaults; a malformed value stops the function. */
  public static TimeLimits timeLimits() {
    return Env.optional("COMPLAINT_TIME_LIMITS")
        .map(
            text ->
                TimeLimits.parse(text)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "COMPLAINT_TIME_LIMITS is not like"
                                    + " accept=3,handle=15,revisit=5")))
        .orElse(TimeLimits.DEFAULT);
  }
}
