package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.application.CalendarsInForce;
import cn.gov.liuyang.bizenv.complaint.application.ManageCalendars;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbCalendarVersions;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The calendar routes' use case on the complaints table, for tests that build the handler on
 * deadlines of their own (the complaint routes there do not count on what it stores).
 */
final class TestCalendarDesk {
  private TestCalendarDesk() {}

  static ManageCalendars on(DynamoDbClient dynamoDb, String table, Clock clock) {
    DynamoDbCalendarVersions stored = new DynamoDbCalendarVersions(dynamoDb, table);
    ClasspathWorkingDayCalendars shipped = new ClasspathWorkingDayCalendars();
    return new ManageCalendars(
        stored,
        shipped,
        new CalendarsInForce(stored, shipped, CalendarsInForce.DEFAULT_TTL, clock),
        clock);
  }
}
