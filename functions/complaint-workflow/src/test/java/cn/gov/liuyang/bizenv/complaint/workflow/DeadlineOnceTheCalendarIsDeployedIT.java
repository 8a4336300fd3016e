package cn.gov.liuyang.bizenv.complaint.workflow;

import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.body;
import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.event;
import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.audit.infrastructure.DynamoDbPersonalDataReads;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.FindComplaintForComplainant;
import cn.gov.liuyang.bizenv.complaint.application.PublicComplaintView;
import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendars;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.S3AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cases accepted while 2027 had no calendar, stored in dynalite by the function as deployed today,
 * then read by the same function deployed with a 2027 calendar (made up for the test, on top of the
 * shipped ones): their deadlines are known, overdue, searchable and counted, with nobody touching
 * them, and the next step stores the date.
 */
class DeadlineOnceTheCalendarIsDeployedIT {
  /** Tuesday 22 December 2026: the cases are filed then, a filing day no other test uses. */
  private static final Instant FILED = Instant.parse("2026-12-22T02:00:00Z");

  /** 15 working days from Tuesday 29 December end in 2027. */
  private static final Instant ACCEPTED = Instant.parse("2026-12-29T02:00:00Z");

  /** Dec 30, 31, (1–3 Jan off), 4–8, 11–15, 18, 19, 20 January: the 15th working day. */
  private static final String DUE = "2027-01-20";

  private static final Instant LATER = Instant.parse("2027-01-25T02:00:00Z");

  private static final LocalCloud cloud = LocalCloud.shared();
  private static final Map<String, String> ENV = cloud.environmentFor("ComplaintWorkflowFunction");
  private static final String TABLE = ENV.get("COMPLAINTS_TABLE");
  private static final DynamoDbClient dynamoDb = cloud.dynamoDbClient();
  private static final Deadlines shipped =
      Env.withVariables(ENV, ComplaintConfiguration::deadlines);
  private static final Deadlines with2027 =
      new Deadlines(
          new WorkingDays(TestCalendars.plusMadeUp2027(new ClasspathWorkingDayCalendars())),
          shipped.limits());

  @Test
  void casesWhoseDeadlineWaitedForTheCalendar_showItsDate_countOverdue_andStoreItOnTheNextStep()
      throws IOException {
    // GIVEN two cases filed on 22 Dec and accepted on 29 Dec by the function without 2027, one of
    // them stored as older versions stored it (only the missing year)
    AccessToken token = AccessToken.random();
    TrackingNumber current = fileAndAccept(token);
    TrackingNumber older = fileAndAccept(AccessToken.random());
    dynamoDb.updateItem(
        u ->
            u.tableName(TABLE)
                .key(key(older))
                .updateExpression(
                    "REMOVE deadlineLimit, deadlineCountedFrom, deadlineWorkingDays"));
    ComplaintWorkflowHandler withoutCalendar = handler(shipped, LATER);
    JsonNode figuresBefore = statistics2026(withoutCalendar);
    assertThat(show(withoutCalendar, current).path("deadlineUnknownReason").asText())
        .isEqualTo("CALENDAR_MISSING");
    assertThat(numbers(overdueFiledOn22Dec(withoutCalendar))).isEmpty();
    // and the complainant is told when the date will be known
    PublicComplaintView waiting =
        PublicComplaintView.of(
            new FindComplaintForComplainant(new DynamoDbComplaints(dynamoDb, TABLE), shipped)
                .find(current.value(), Optional.of(token.value())));
    assertThat(waiting.dueBy()).isNull();
    assertThat(waiting.deadlineUnknownReason()).isEqualTo("CALENDAR_MISSING");
    assertThat(waiting.deadlineUnknownMessage()).isEqualTo("本环节期限待 2027 年节假日安排公布后确定");

    // WHEN the function runs with the 2027 calendar, on 25 January 2027
    ComplaintWorkflowHandler deployed = handler(with2027, LATER);

    // THEN officers see the due date and the overdue flag on both cases
    for (TrackingNumber number : List.of(current, older)) {
      JsonNode view = show(deployed, number);
      assertThat(view.path("dueBy").asText()).isEqualTo(DUE);
      assertThat(view.path("overdue").asBoolean()).isTrue();
      assertThat(view.has("deadlineUnknownReason")).isFalse();
    }
    // the overdue search finds them although their items hold no due date yet
    assertThat(numbers(overdueFiledOn22Dec(deployed)))
        .containsExactlyInAnyOrder(current.display(), older.display());
    // the statistics count them overdue instead of apart
    JsonNode figuresAfter = statistics2026(deployed);
    assertThat(figuresAfter.path("openWithDeadlineUnknown").asInt())
        .isLessThanOrEqualTo(figuresBefore.path("openWithDeadlineUnknown").asInt() - 2);
    assertThat(figuresAfter.path("overdueOpen").asInt())
        .isGreaterThanOrEqualTo(figuresBefore.path("overdueOpen").asInt() + 2);
    // the complainant's status shows the date too
    PublicComplaintView status =
        PublicComplaintView.of(
            new FindComplaintForComplainant(new DynamoDbComplaints(dynamoDb, TABLE), with2027)
                .find(current.value(), Optional.of(token.value())));
    assertThat(status.dueBy()).isEqualTo(LocalDate.parse(DUE));
    assertThat(status.deadlineUnknownMessage()).isNull();

    // WHEN an officer records a meeting on the older case
    JsonNode meeting =
        invoke(
            deployed,
            action(older, Map.of("action", "MEETING", "participants", "企业", "summary", "协调")));

    // THEN the item now holds the due date, and its history is the same plus the meeting
    assertThat(meeting.path("statusCode").asInt()).isEqualTo(200);
    Map<String, AttributeValue> item =
        dynamoDb.getItem(g -> g.tableName(TABLE).key(key(older)).consistentRead(true)).item();
    assertThat(item.get("dueBy").s()).isEqualTo(DUE);
    assertThat(item).doesNotContainKeys("deadlineUnknownYear", "deadlineLimit");
    assertThat(item.get("history").l())
        .extracting(step -> step.m().get("action").s())
        .containsExactly("FILE", "ACCEPT", "MEETING");
  }

  private static TrackingNumber fileAndAccept(AccessToken token) throws IOException {
    Complaint filed =
        Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.COMPLAINT,
            "住建局 施工许可",
            "描述",
            Enterprise.NONE,
            Optional.empty(),
            token.hash(),
            Optional.empty(),
            FILED,
            shipped);
    assertThat(new DynamoDbComplaints(dynamoDb, TABLE).add(filed)).isTrue();
    JsonNode accepted =
        body(
            invoke(
                handler(shipped, ACCEPTED),
                action(filed.trackingNumber(), Map.of("action", "ACCEPT"))));
    assertThat(accepted.path("deadlineUnknownMessage").asText()).isEqualTo("2027 年节假日安排尚未录入，期限待定");
    return filed.trackingNumber();
  }

  /** The function as deployed with these calendars, its clock stopped at {@code now}. */
  private static ComplaintWorkflowHandler handler(Deadlines deadlines, Instant now) {
    return new ComplaintWorkflowHandler(
        ComplaintWorkflowHandler.UseCases.over(
            new DynamoDbComplaints(dynamoDb, TABLE),
            new DynamoDbComplaintSearch(dynamoDb, TABLE),
            new S3AttachmentStore(cloud.clients().s3Presigner(), ENV.get("ATTACHMENTS_BUCKET")),
            deadlines,
            TestCalendarDesk.on(dynamoDb, TABLE, Clock.fixed(now, ZoneOffset.UTC)),
            new DynamoDbPersonalDataReads(dynamoDb, ENV.get("AUDIT_TABLE")),
            Clock.fixed(now, ZoneOffset.UTC)));
  }

  private static JsonNode show(ComplaintWorkflowHandler handler, TrackingNumber number)
      throws IOException {
    ObjectNode show = event("show.json");
    ((ObjectNode) show.path("pathParameters")).put("trackingNumber", number.value());
    return body(invoke(handler, show));
  }

  private static JsonNode overdueFiledOn22Dec(ComplaintWorkflowHandler handler) throws IOException {
    ObjectNode search = event("search.json");
    search.set(
        "queryStringParameters",
        Json.mapper()
            .valueToTree(Map.of("from", "2026-12-22", "to", "2026-12-22", "overdue", "true")));
    return body(invoke(handler, search));
  }

  private static JsonNode statistics2026(ComplaintWorkflowHandler handler) throws IOException {
    ObjectNode statistics = event("statistics.json");
    ((ObjectNode) statistics.path("pathParameters")).put("year", "2026");
    return body(invoke(handler, statistics));
  }

  private static ObjectNode action(TrackingNumber number, Map<String, Object> action) {
    ObjectNode event = event("accept.json");
    event.put("rawPath", "/staff/complaints/" + number.value() + "/actions");
    ((ObjectNode) event.path("pathParameters")).put("trackingNumber", number.value());
    event.put("body", Json.mapper().valueToTree(action).toString());
    return event;
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.path("items").forEach(item -> numbers.add(item.path("trackingNumber").asText()));
    return numbers;
  }

  private static Map<String, AttributeValue> key(TrackingNumber number) {
    return Map.of(
        "pk", AttributeValue.fromS("COMPLAINT#" + number.value()),
        "sk", AttributeValue.fromS("COMPLAINT"));
  }
}
