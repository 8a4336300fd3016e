package cn.gov.liuyang.bizenv.complaint.workflow;

import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.body;
import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.event;
import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.ShowComplaint;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Calendars entered through the staff routes, stored in dynalite by the officers' function built as
 * Lambda builds it (no-argument constructor, the template's environment): a deadline that waited
 * for a year resolves once that year is saved, in this function at once and in any function started
 * afterwards; bad input changes nothing; two officers saving at once never both win. The years are
 * far in the future and their calendars made up, so that no real calendar is implied.
 */
class CalendarsThroughTheRoutesIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final Map<String, String> ENV = cloud.environmentFor("ComplaintWorkflowFunction");
  private static final String TABLE = ENV.get("COMPLAINTS_TABLE");
  private static final DynamoDbClient dynamoDb = cloud.dynamoDbClient();

  /** Friday 27 December 2030: 3 working days run 30, 31 December and into 2031. */
  private static final Instant DEC_27 = Instant.parse("2030-12-27T02:00:00Z");

  @Test
  void aDeadlineWaitingForAYear_resolvesOnItsOwn_onceTheYearIsSavedThroughTheRoute()
      throws IOException {
    ComplaintWorkflowHandler officers = function();
    // GIVEN a made-up 2030 saved through the route, and no 2031
    assertThat(invoke(officers, save(2030, newYearOnly(2030))).path("statusCode").asInt())
        .isEqualTo(201);
    assertThat(invoke(officers, read(2031)).path("statusCode").asInt()).isEqualTo(404);
    // and a case filed on 27 Dec 2030 by a function counting on the stored calendars
    Deadlines intake =
        Env.withVariables(ENV, () -> ComplaintConfiguration.deadlines(dynamoDb, TABLE));
    Complaint filed = file(DEC_27, intake);
    assertThat(filed.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2031);
    JsonNode waiting = show(officers, filed.trackingNumber());
    assertThat(waiting.path("deadlineUnknownReason").asText()).isEqualTo("CALENDAR_MISSING");
    assertThat(waiting.has("dueBy")).isFalse();
    JsonNode before = body(invoke(officers, event("calendar-cases.json")));
    assertThat(before.path("calendar").asText()).isEqualTo("MISSING");
    assertThat(numbers(before)).contains(filed.trackingNumber().display());

    // WHEN an officer saves 2031 through the route
    JsonNode saved = invoke(officers, event("calendar-save.json"));
    assertThat(saved.path("statusCode").asInt()).isEqualTo(201);
    assertThat(body(saved).path("version").asInt()).isEqualTo(1);

    // THEN the same function shows the case's date at once, with nobody touching the case
    JsonNode known = show(officers, filed.trackingNumber());
    assertThat(known.path("dueBy").asText()).isEqualTo("2031-01-02");
    assertThat(known.has("deadlineUnknownReason")).isFalse();
    assertThat(known.path("version").asLong()).isEqualTo(1);
    JsonNode after = body(invoke(officers, event("calendar-cases.json")));
    assertThat(after.path("calendar").asText()).isEqualTo("STORED");
    JsonNode item = item(after, filed.trackingNumber());
    assertThat(item.path("dueBy").asText()).isEqualTo("2031-01-02");
    assertThat(item.path("countedFrom").asText()).isEqualTo("2030-12-27");
    // functions started afterwards (intake, Open311, the report) read it from the table too
    Complaint elsewhere =
        Env.withVariables(
                ENV,
                () ->
                    new ShowComplaint(
                        new DynamoDbComplaints(dynamoDb, TABLE),
                        ComplaintConfiguration.deadlines(dynamoDb, TABLE)))
            .show(filed.trackingNumber())
            .orElseThrow();
    assertThat(elsewhere.dueBy()).contains(LocalDate.parse("2031-01-02"));
    ComplaintYearStatistics figures =
        Env.withVariables(
                ENV,
                () ->
                    ComplaintConfiguration.statistics(
                        dynamoDb,
                        TABLE,
                        Clock.fixed(DEC_27.plusSeconds(86400 * 10), ZoneOffset.UTC)))
            .forYear(new FiscalYear(2030));
    assertThat(figures.openWithDeadlineUnknown()).isZero();
    assertThat(figures.overdueOpen()).isGreaterThanOrEqualTo(1);
    // the item itself is as it was: the date is counted on read until the next write stores it
    Map<String, AttributeValue> stored =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(TABLE)
                        .key(
                            Map.of(
                                "pk",
                                    AttributeValue.fromS(
                                        "COMPLAINT#" + filed.trackingNumber().value()),
                                "sk", AttributeValue.fromS("COMPLAINT")))
                        .consistentRead(true))
            .item();
    assertThat(stored.get("deadlineUnknownYear").n()).isEqualTo("2031");
  }

  @Test
  void aBadCalendar_isRefusedWithItsFieldErrors_andChangesNothing() throws IOException {
    ComplaintWorkflowHandler officers = function();
    assertThat(invoke(officers, save(2033, newYearOnly(2033))).path("statusCode").asInt())
        .isEqualTo(201);
    List<Map<String, AttributeValue>> itemsBefore = versionItems(2033);

    // a make-up day on a Tuesday, and a holiday outside the year
    ObjectNode tuesday = newYearOnly(2033);
    tuesday.putArray("weekendWorkingDays").add("2033-03-01");
    ((ObjectNode) tuesday.withArray("daysOff").addObject())
        .put("name", "春节")
        .put("from", "2032-02-10")
        .put("to", "2033-02-12");
    JsonNode refused = invoke(officers, save(2033, tuesday));
    assertThat(refused.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(refused).path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactlyInAnyOrder(
            "weekendWorkingDays[0] NOT_A_WEEKEND", "daysOff[1].from DATE_OUTSIDE_YEAR");
    // the Tuesday event as shipped, on this year's path
    ObjectNode shippedEvent = event("calendar-save-makeup-on-tuesday.json");
    ((ObjectNode) shippedEvent.path("pathParameters")).put("year", "2033");
    assertThat(invoke(officers, shippedEvent).path("statusCode").asInt()).isEqualTo(400);
    // not JSON at all
    ObjectNode garbage = save(2033, newYearOnly(2033));
    garbage.put("body", "{\"daysOff\": [");
    assertThat(body(invoke(officers, garbage)).path("code").asText()).isEqualTo("BODY_MALFORMED");

    assertThat(versionItems(2033)).isEqualTo(itemsBefore);
    assertThat(body(invoke(officers, read(2033))).path("version").asInt()).isEqualTo(1);
  }

  @Test
  void twoOfficersSavingAtOnce_neverBothWin_andEveryVersionIsKept() throws Exception {
    ComplaintWorkflowHandler first = function();
    ComplaintWorkflowHandler second = function();
    ObjectNode short2032 = newYearOnly(2032);
    ObjectNode long2032 = newYearOnly(2032);
    ((ObjectNode) long2032.withArray("daysOff").get(0)).put("to", "2032-01-02");
    // both start from "no calendar yet" (version 0), as two officers who opened the empty year do:
    // the second save is a conflict whether or not the two requests overlap in time
    short2032.put("version", 0);
    long2032.put("version", 0);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Callable<Integer>> saves =
        List.of(
            () -> {
              start.await();
              return invoke(first, save(2032, short2032)).path("statusCode").asInt();
            },
            () -> {
              start.await();
              return invoke(second, save(2032, long2032)).path("statusCode").asInt();
            });
    List<Future<Integer>> answers = new ArrayList<>();
    saves.forEach(s -> answers.add(pool.submit(s)));
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get());
    }
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(versionItems(2032)).hasSize(1);

    // the loser reads, starts again from version 1, and a colleague confirms version 2
    JsonNode current = body(invoke(second, read(2032)));
    ObjectNode again =
        current.path("daysOff").get(0).path("to").asText().equals("2032-01-02")
            ? short2032
            : long2032;
    again.put("version", 1);
    assertThat(body(invoke(second, save(2032, again))).path("version").asInt()).isEqualTo(2);
    ObjectNode confirm = event("calendar-confirm.json");
    ((ObjectNode) confirm.path("pathParameters")).put("year", "2032");
    confirm.put("body", "{\"version\": 2}");
    JsonNode confirmed = body(invoke(first, confirm));
    assertThat(confirmed.path("confirmed").asBoolean()).isTrue();
    assertThat(confirmed.path("confirmedBy").asText()).isEqualTo("王芳");
    assertThat(confirmed.path("versions"))
        .extracting(v -> v.path("version").asInt() + " " + v.path("confirmed").asBoolean())
        .containsExactly("2 true", "1 false");
    ObjectNode firstVersion = read(2032);
    firstVersion.putObject("queryStringParameters").put("version", "1");
    JsonNode v1 = body(invoke(first, firstVersion));
    assertThat(v1.path("inForce").asBoolean()).isFalse();
    assertThat(v1.path("confirmed").asBoolean()).isFalse();
    assertThat(v1.path("savedBy").asText()).isEqualTo("李明");
    List<Map<String, AttributeValue>> items = versionItems(2032);
    assertThat(items).extracting(i -> i.get("sk").s()).containsExactly("V#000001", "V#000002");
    assertThat(items.get(1).get("confirmedBy").s()).isEqualTo("officer-wang");
    assertThat(items.get(0)).doesNotContainKey("confirmedAt");
  }

  // ------------------------------------------------------------------ helpers

  /** The officers' function as Lambda builds it, in its own container. */
  private static ComplaintWorkflowHandler function() {
    return Env.withVariables(ENV, ComplaintWorkflowHandler::new);
  }

  /** Made up: New Year's Day off, no make-up day. */
  private static ObjectNode newYearOnly(int year) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("source", "测试用虚构安排（非国务院办公厅通知）");
    body.putArray("daysOff")
        .addObject()
        .put("name", "元旦")
        .put("from", year + "-01-01")
        .put("to", year + "-01-01");
    body.putArray("weekendWorkingDays");
    return body;
  }

  private static ObjectNode save(int year, ObjectNode body) {
    ObjectNode event = event("calendar-save.json");
    event.put("rawPath", "/staff/calendars/" + year);
    ((ObjectNode) event.path("pathParameters")).put("year", Integer.toString(year));
    event.put("body", body.toString());
    return event;
  }

  private static ObjectNode read(int year) {
    ObjectNode event = event("calendar-read.json");
    event.put("rawPath", "/staff/calendars/" + year);
    ((ObjectNode) event.path("pathParameters")).put("year", Integer.toString(year));
    return event;
  }

  private static Complaint file(Instant at, Deadlines deadlines) {
    Complaint filed =
        Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.DIFFICULTY,
            "自然资源局 用地审批",
            "描述",
            Enterprise.NONE,
            Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            at,
            deadlines);
    assertThat(new DynamoDbComplaints(dynamoDb, TABLE).add(filed)).isTrue();
    return filed;
  }

  private static JsonNode show(ComplaintWorkflowHandler handler, TrackingNumber number)
      throws IOException {
    ObjectNode show = event("show.json");
    ((ObjectNode) show.path("pathParameters")).put("trackingNumber", number.value());
    return body(invoke(handler, show));
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.path("items").forEach(item -> numbers.add(item.path("trackingNumber").asText()));
    return numbers;
  }

  private static JsonNode item(JsonNode page, TrackingNumber number) {
    for (JsonNode item : page.path("items")) {
      if (item.path("trackingNumber").asText().equals(number.display())) {
        return item;
      }
    }
    throw new AssertionError(number + " not listed");
  }

  private static List<Map<String, AttributeValue>> versionItems(int year) {
    return dynamoDb
        .query(
            q ->
                q.tableName(TABLE)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS("CALENDAR#" + year)))
                    .consistentRead(true))
        .items();
  }
}
