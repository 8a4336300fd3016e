package cn.gov.liuyang.bizenv.complaint.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.audit.infrastructure.DynamoDbPersonalDataReads;
import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.fixtures.Seed2021Complaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.S3AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintAction;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The officers' function against dynalite and the local S3, with the template's environment and the
 * real adapters, on a fixed clock: deadlines depend on the date, the tests must not.
 */
class ComplaintWorkflowIT {
  /** A Friday in a year whose calendar is shipped, with 15 working days left before its end. */
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

  private static final LocalCloud cloud = LocalCloud.shared();
  private static final String FUNCTION = "ComplaintWorkflowFunction";
  private static final Map<String, String> ENV = cloud.environmentFor(FUNCTION);
  private static final DynamoDbComplaints complaints =
      new DynamoDbComplaints(cloud.dynamoDbClient(), ENV.get("COMPLAINTS_TABLE"));
  private static final Deadlines deadlines =
      Env.withVariables(ENV, ComplaintConfiguration::deadlines);
  private final ComplaintWorkflowHandler handler = handlerAt(NOW);

  @Test
  void anOfficerTakesACaseFromAcceptanceToTheFollowUpCall_andEveryStepIsKept() throws IOException {
    TrackingNumber number = fileNow("市场监督管理局").trackingNumber();

    assertThat(act(number, Map.of("action", "ACCEPT", "version", 1)).path("statusCode").asInt())
        .isEqualTo(200);
    act(number, Map.of("action", "TRANSFER", "department", "浏阳市市场监督管理局"));
    act(number, Map.of("action", "FOLLOW_UP", "note", "电话督促"));
    act(number, Map.of("action", "MEETING", "participants", "市场监管局、企业", "summary", "现场协调"));
    act(number, Map.of("action", "CLOSE", "result", "许可证已核发", "difficultiesResolved", 2));
    JsonNode revisited =
        body(
            act(
                number,
                Map.of(
                    "action",
                    "REVISIT",
                    "satisfiedWithResult",
                    true,
                    "satisfiedWithService",
                    true)));

    assertThat(revisited.path("status").asText()).isEqualTo("REVISITED");
    assertThat(revisited.path("version").asLong()).isEqualTo(7);
    assertThat(revisited.path("history"))
        .extracting(s -> s.path("action").asText())
        .containsExactly("FILE", "ACCEPT", "TRANSFER", "FOLLOW_UP", "MEETING", "CLOSE", "REVISIT");
    assertThat(revisited.path("history").get(1).path("actorId").asText()).isEqualTo("officer-li");
    assertThat(revisited.path("history").get(1).path("actorName").asText()).isEqualTo("李明");
    assertThat(revisited.path("department").asText()).isEqualTo("浏阳市市场监督管理局");
    assertThat(revisited.path("allowedActions")).isEmpty();
    assertThat(complaints.find(number).orElseThrow().history()).hasSize(7);
  }

  @Test
  void aStepWhoseDeadlineFallsInAYearWithoutCalendar_succeeds_withTheDeadlineFlaggedUnknown()
      throws IOException {
    // GIVEN 28 Dec 2026: 15 working days from then run into 2027, whose calendar is not shipped
    Instant lateDecember = Instant.parse("2026-12-28T02:00:00Z");
    TrackingNumber number = file("发改局", ComplaintKind.COMPLAINT, lateDecember).trackingNumber();
    ComplaintWorkflowHandler december = handlerAt(lateDecember);

    // WHEN an officer accepts the case
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    JsonNode response;
    try {
      response =
          invoke(december, actionEvent(number, Map.of("action", "ACCEPT", "version", 1), "o-li"));
    } finally {
      System.setErr(err);
    }

    // THEN the step is taken and kept; the deadline is absent, flagged, and explained in Chinese
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    JsonNode view = body(response);
    assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(view.has("dueBy")).isFalse();
    assertThat(view.path("deadlineUnknownReason").asText()).isEqualTo("CALENDAR_MISSING");
    assertThat(view.path("deadlineUnknownMessage").asText()).isEqualTo("2027 年节假日安排尚未录入，期限待定");
    assertThat(view.path("overdue").asBoolean()).isFalse();
    Complaint stored = complaints.find(number).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.dueBy()).isEmpty();
    assertThat(stored.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2027);
    assertThat(logs.toString(StandardCharsets.UTF_8))
        .contains("\"level\":\"WARN\"", "no working-day calendar for 2027", number.display())
        .doesNotContain("王五", "13900001111");

    // AND the next steps go on as usual, the flag staying until a step computes a new deadline
    JsonNode transferred =
        invoke(
            december,
            actionEvent(number, Map.of("action", "TRANSFER", "department", "发改局"), "o-li"));
    assertThat(transferred.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(transferred).path("deadlineUnknownReason").asText())
        .isEqualTo("CALENDAR_MISSING");
  }

  @Test
  void aMoveTheStateDoesNotAllow_is409WithTheCurrentState_andChangesNothing() throws IOException {
    TrackingNumber number = fileNow("税务局").trackingNumber();

    JsonNode response = act(number, Map.of("action", "CLOSE", "result", "已办结"));

    assertThat(response.path("statusCode").asInt()).isEqualTo(409);
    JsonNode problem = body(response);
    assertThat(problem.path("code").asText()).isEqualTo("TRANSITION_NOT_ALLOWED");
    assertThat(problem.path("currentStatus").asText()).isEqualTo("RECEIVED");
    assertThat(problem.path("version").asLong()).isEqualTo(1);
    assertThat(problem.path("allowedActions"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("ACCEPT", "REFUSE");
    assertThat(complaints.find(number).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aFinanceClerkCannotActOnAComplaint_is403_andChangesNothing() throws IOException {
    // GIVEN a complaint just filed, and a finance clerk's token
    TrackingNumber number = fileNow("税务局").trackingNumber();
    ObjectNode event = event("close-by-finance-clerk.json");
    event.put("rawPath", "/staff/complaints/" + number.value() + "/actions");
    ((ObjectNode) event.path("pathParameters")).put("trackingNumber", number.value());

    // WHEN the clerk tries to close it
    JsonNode response = invoke(handler, event);

    // THEN
    assertThat(response.path("statusCode").asInt()).isEqualTo(403);
    assertThat(body(response).path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
    assertThat(complaints.find(number).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void actingOnAStaleVersion_is409() throws IOException {
    TrackingNumber number = fileNow("自然资源局").trackingNumber();
    act(number, Map.of("action", "ACCEPT", "version", 1));

    JsonNode response =
        act(number, Map.of("action", "TRANSFER", "department", "自然资源局", "version", 1));

    assertThat(response.path("statusCode").asInt()).isEqualTo(409);
    assertThat(body(response).path("code").asText()).isEqualTo("VERSION_CONFLICT");
    assertThat(body(response).path("version").asLong()).isEqualTo(2);
  }

  @Test
  void twoOfficersActingAtOnce_neverBothWin() throws Exception {
    TrackingNumber number = fileNow("住建局").trackingNumber();
    int officers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(officers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < officers; i++) {
      Map<String, Object> action =
          i % 2 == 0
              ? Map.of("action", "ACCEPT")
              : Map.of("action", "REFUSE", "reason", "CIVIL_DISPUTE");
      ComplaintWorkflowHandler own = handlerAt(NOW);
      String officer = "officer-" + i;
      Callable<Integer> call =
          () -> {
            start.await();
            return invoke(own, actionEvent(number, action, officer)).path("statusCode").asInt();
          };
      results.add(pool.submit(call));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();

    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(complaints.find(number).orElseThrow().history()).hasSize(2);
  }

  @Test
  void badActionsAreFieldErrors_andAMissingOfficerIs401() throws IOException {
    TrackingNumber number = fileNow("人社局").trackingNumber();

    JsonNode unknownReason = act(number, Map.of("action", "REFUSE", "reason", "TOO_BUSY"));
    JsonNode noDepartment = act(number, Map.of("action", "TRANSFER"));
    JsonNode unknownAction = act(number, Map.of("action", "DELETE"));
    ObjectNode anonymous = actionEvent(number, Map.of("action", "ACCEPT"), "x");
    ((ObjectNode) anonymous.path("requestContext")).remove("authorizer");

    assertThat(body(unknownReason).path("errors").get(0).path("code").asText())
        .isEqualTo("REASON_UNKNOWN");
    assertThat(body(noDepartment).path("errors").get(0).path("code").asText())
        .isEqualTo("REQUIRED");
    assertThat(body(unknownAction).path("errors").get(0).path("code").asText())
        .isEqualTo("ACTION_UNKNOWN");
    assertThat(invoke(handler, anonymous).path("statusCode").asInt()).isEqualTo(401);
    assertThat(complaints.find(number).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void searchFindsByStatusKindDepartmentAndOverdue_newestFirst_inPages() throws IOException {
    String marker = "检索部门" + UUID.randomUUID().toString().substring(0, 8);
    List<TrackingNumber> filed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Complaint c =
          file(
              marker,
              i % 2 == 0 ? ComplaintKind.COMPLAINT : ComplaintKind.DIFFICULTY,
              Instant.parse("2022-03-0" + (i + 1) + "T02:00:00Z"));
      filed.add(c.trackingNumber());
    }
    // the last one was accepted, so it is no longer waiting
    Complaint accepted = complaints.find(filed.get(4)).orElseThrow();
    complaints.update(
        accepted,
        accepted.apply(
            new ComplaintAction.Accept(Optional.empty()),
            new Officer("o", "o"),
            Instant.parse("2022-03-05T03:00:00Z"),
            deadlines));

    JsonNode all =
        body(
            search(
                Map.of(
                    "department", marker, "from", "2022-03-01", "to", "2022-03-31", "limit", "2")));
    JsonNode page2 =
        body(
            search(
                Map.of(
                    "department",
                    marker,
                    "from",
                    "2022-03-01",
                    "to",
                    "2022-03-31",
                    "limit",
                    "2",
                    "cursor",
                    all.path("nextCursor").asText())));
    JsonNode waiting =
        body(search(Map.of("department", marker, "status", "RECEIVED", "from", "2022-01-01")));
    JsonNode difficulties =
        body(search(Map.of("department", marker, "kind", "困难诉求", "from", "2022-01-01")));
    JsonNode overdue =
        body(search(Map.of("department", marker, "overdue", "true", "from", "2022-01-01")));
    JsonNode early =
        body(search(Map.of("department", marker, "from", "2022-03-01", "to", "2022-03-02")));

    assertThat(numbers(all)).containsExactly(display(filed.get(4)), display(filed.get(3)));
    assertThat(numbers(page2)).containsExactly(display(filed.get(2)), display(filed.get(1)));
    assertThat(numbers(waiting))
        .containsExactly(
            display(filed.get(3)),
            display(filed.get(2)),
            display(filed.get(1)),
            display(filed.get(0)));
    assertThat(numbers(difficulties)).containsExactly(display(filed.get(3)), display(filed.get(1)));
    assertThat(numbers(overdue)).hasSize(5);
    assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();
    assertThat(numbers(early)).containsExactly(display(filed.get(1)), display(filed.get(0)));
    assertThat(all.path("items").get(0).has("contactPhone")).isFalse();
  }

  @Test
  void badSearchParameters_areFieldErrors() throws IOException {
    JsonNode response =
        search(Map.of("status", "LOST", "from", "2021-13-01", "limit", "1000", "overdue", "maybe"));

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).path("errors"))
        .extracting(e -> e.path("field").asText())
        .contains("status", "from", "limit", "overdue");
    assertThat(search(Map.of("cursor", "bm90LWEtY3Vyc29y")).path("statusCode").asInt())
        .isEqualTo(400);
  }

  @Test
  void statisticsOfAFixtureYear_areCountedFromTheStoredComplaints() throws IOException {
    // GIVEN the 2021 figures of the seed report: 14 complaints and reports, 35 suggestions,
    // 56 difficulty requests, all accepted and closed, 9 multi-party meetings, 130+ difficulties
    // solved
    Seed2021Complaints.store(complaints, deadlines);

    // (statistics.json is an evaluation clerk's request: they read the figures for the report)
    JsonNode figures = body(invoke(handler, event("statistics.json")));

    assertThat(figures.path("received").asInt()).isEqualTo(105);
    assertThat(figures.path("complaintsAndReports").asInt()).isEqualTo(14);
    assertThat(figures.path("receivedByKind").path("SUGGESTION").asInt()).isEqualTo(35);
    assertThat(figures.path("receivedByKind").path("DIFFICULTY").asInt()).isEqualTo(56);
    assertThat(figures.path("meetings").asInt()).isEqualTo(9);
    assertThat(figures.path("difficultiesResolved").asInt())
        .isEqualTo(Seed2021Complaints.DIFFICULTIES_RESOLVED)
        .isGreaterThan(130);
    assertThat(figures.path("acceptanceRate").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(figures.path("closed").asInt()).isEqualTo(105);
    assertThat(figures.path("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
    assertThat(figures.path("rated").asInt()).isEqualTo(105);
    assertThat(figures.path("resultSatisfactionRate").decimalValue()).isEqualByComparingTo("100.0");
    // 12 of 105 follow-up calls noted the service as unsatisfying; closing took 0–2 working days
    assertThat(figures.path("serviceSatisfactionRate").decimalValue()).isEqualByComparingTo("88.6");
    assertThat(figures.path("averageWorkingDaysToClose").decimalValue())
        .isEqualByComparingTo("1.4");
  }

  @Test
  void anOfficerDownloadsAnAttachmentThroughAShortLivedLink() throws Exception {
    Complaint filed = fileNow("城管局");
    Attachment photo = new Attachment("a1b2c3", filed.trackingNumber(), "image/png", 4, NOW);
    assertThat(complaints.update(filed, filed.attach(photo))).isTrue();
    cloud
        .s3Client()
        .putObject(
            p -> p.bucket(ENV.get("ATTACHMENTS_BUCKET")).key(photo.objectKey()),
            RequestBody.fromBytes(new byte[] {1, 2, 3, 4}));
    ObjectNode show = event("show.json");
    ((ObjectNode) show.path("pathParameters"))
        .put("trackingNumber", filed.trackingNumber().value());

    JsonNode view = body(invoke(handler, show));

    URI link = URI.create(view.path("attachments").get(0).path("downloadUrl").asText());
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void theStatisticsRead_bringsEachCaseWithoutItsContact_andWithEverythingElseItCounts() {
    TrackingNumber number = fileNow("统计读取").trackingNumber();
    act(number, Map.of("action", "ACCEPT", "version", 1));
    act(number, Map.of("action", "TRANSFER", "department", "浏阳市住房和城乡建设局"));
    String table = ENV.get("COMPLAINTS_TABLE");
    int year = NOW.atZone(Complaint.ZONE).getYear();

    Complaint full =
        caseIn(new DynamoDbComplaintSearch(cloud.dynamoDbClient(), table), year, number);
    Complaint lean =
        caseIn(
            DynamoDbComplaintSearch.withoutPersonalData(cloud.dynamoDbClient(), table),
            year,
            number);

    assertThat(full.contact()).isPresent();
    assertThat(lean.contact()).isEmpty();
    assertThat(lean)
        .usingRecursiveComparison()
        .ignoringFields("contact", "attachments")
        .isEqualTo(full);
  }

  private static Complaint caseIn(DynamoDbComplaintSearch search, int year, TrackingNumber number) {
    return search.filedIn(year).stream()
        .filter(c -> c.trackingNumber().equals(number))
        .findFirst()
        .orElseThrow();
  }

  // ------------------------------------------------------------------ helpers

  /** The function with the real adapters and the template's settings, its clock stopped at. */
  private static ComplaintWorkflowHandler handlerAt(Instant now) {
    String table = ENV.get("COMPLAINTS_TABLE");
    // the function's own clients, so IamPolicyIT sees these calls as the function's
    DynamoDbClient dynamoDb = cloud.clientOf(FUNCTION, AwsClients::dynamoDb);
    return new ComplaintWorkflowHandler(
        ComplaintWorkflowHandler.UseCases.over(
            new DynamoDbComplaints(dynamoDb, table),
            new DynamoDbComplaintSearch(dynamoDb, table),
            new S3AttachmentStore(
                cloud.clientOf(FUNCTION, AwsClients::s3Presigner), ENV.get("ATTACHMENTS_BUCKET")),
            deadlines,
            TestCalendarDesk.on(dynamoDb, table, Clock.fixed(now, ZoneOffset.UTC)),
            new DynamoDbPersonalDataReads(dynamoDb, ENV.get("AUDIT_TABLE")),
            Clock.fixed(now, ZoneOffset.UTC)));
  }

  private static Complaint fileNow(String subject) {
    return file(subject, ComplaintKind.COMPLAINT, NOW);
  }

  private static Complaint file(String subject, ComplaintKind kind, Instant at) {
    Complaint complaint =
        Complaint.file(
            TrackingNumber.random(),
            kind,
            subject,
            "描述",
            Enterprise.NONE,
            Optional.of(
                new Contact(new PersonName("王五"), MobileNumber.parse("13900001111").orElseThrow())),
            AccessToken.random().hash(),
            Optional.empty(),
            at,
            deadlines);
    assertThat(complaints.add(complaint)).isTrue();
    return complaint;
  }

  private JsonNode act(TrackingNumber number, Map<String, Object> action) {
    return invoke(handler, actionEvent(number, action, "officer-li"));
  }

  private static ObjectNode actionEvent(
      TrackingNumber number, Map<String, Object> action, String officer) {
    ObjectNode event = event("accept.json");
    event.put("rawPath", "/staff/complaints/" + number.value() + "/actions");
    ((ObjectNode) event.path("pathParameters")).put("trackingNumber", number.value());
    ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims"))
        .put("sub", officer);
    event.put("body", Json.mapper().valueToTree(action).toString());
    return event;
  }

  private JsonNode search(Map<String, String> parameters) {
    ObjectNode event = event("search.json");
    event.set("queryStringParameters", Json.mapper().valueToTree(parameters));
    return invoke(handler, event);
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.path("items").forEach(item -> numbers.add(item.path("trackingNumber").asText()));
    return numbers;
  }

  private static String display(TrackingNumber number) {
    return number.display();
  }

  static ObjectNode event(String name) {
    try {
      return (ObjectNode)
          Json.mapper()
              .readTree(
                  Files.readAllBytes(
                      ProjectLayout.root().resolve("events/complaint-workflow").resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode invoke(ComplaintWorkflowHandler handler, JsonNode event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
      return Json.mapper().readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode body(JsonNode response) throws IOException {
    return Json.mapper().readTree(response.path("body").asText());
  }
}
