package cn.gov.liuyang.bizenv.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintAction;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The intake function as Lambda runs it: real constructor, template environment, dynalite. */
class ComplaintIntakeIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final String TABLE =
      cloud.environmentFor("ComplaintIntakeFunction").get("COMPLAINTS_TABLE");
  private final ComplaintIntakeHandler handler =
      Env.withVariables(
          cloud.environmentFor("ComplaintIntakeFunction"), ComplaintIntakeHandler::new);

  @Test
  void aFiledComplaint_canBeFollowedWithItsNumberAndToken_withPersonalDataMasked()
      throws IOException {
    JsonNode filed = invoke(withFreshKey(event("file-complaint.json")));

    assertThat(filed.path("statusCode").asInt()).isEqualTo(201);
    JsonNode receipt = body(filed);
    String number = receipt.path("trackingNumber").asText();
    String token = receipt.path("accessToken").asText();
    assertThat(number).matches("[2-9A-Y]{3}-[2-9A-Y]{3}-[2-9A-Y]{3}");
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(filed.path("headers").path("location").asText())
        .isEqualTo("/complaints/" + number.replace("-", ""));

    JsonNode status = invoke(statusEvent(number, token));

    assertThat(status.path("statusCode").asInt()).isEqualTo(200);
    JsonNode view = body(status);
    assertThat(view.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(view.path("statusLabel").asText()).isEqualTo("待受理");
    assertThat(view.path("kindLabel").asText()).isEqualTo("投诉");
    assertThat(view.path("contact").path("phone").asText()).isEqualTo("138****5678");
    assertThat(view.path("contact").path("name").asText()).isEqualTo("张*");
    assertThat(view.path("enterprise").path("creditCode").asText()).isEqualTo("914301**********0R");
    assertThat(view.path("steps")).hasSize(1);
    String publicText = status.path("body").asText();
    assertThat(publicText).doesNotContain("13812345678", "张三", "91430181MA4PQ8RN0R", token);
  }

  @Test
  void personalDataNeverReachesTheLogs_evenWhenTheInputIsRefused() throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(logs, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      invoke(withFreshKey(event("file-complaint.json")));
      invoke(event("file-complaint-invalid-phone.json"));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(logs.toString(StandardCharsets.UTF_8))
        .contains("filed")
        .doesNotContain("13812345678", "1231234567", "张三", "91430181MA4PQ8RN0", "花炮");
  }

  @Test
  void aFiledComplaint_andARefusedOne_areEachCountedAsAnEmbeddedMetric_aReplayIsNot()
      throws IOException {
    PrintStream out = System.out;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      JsonNode filing = withFreshKey(event("file-complaint.json"));
      invoke(filing);
      invoke(filing);
      invoke(event("file-complaint-invalid-phone.json"));
    } finally {
      System.setOut(out);
    }

    List<JsonNode> metrics = new java.util.ArrayList<>();
    for (String line : logs.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.contains("\"_aws\"")) {
        metrics.add(Json.mapper().readTree(line));
      }
    }
    assertThat(metrics)
        .extracting(
            m ->
                m.path("_aws")
                    .path("CloudWatchMetrics")
                    .get(0)
                    .path("Metrics")
                    .get(0)
                    .path("Name")
                    .asText())
        .containsExactly("ComplaintsFiled", "ComplaintsRefused");
  }

  @Test
  void theTokenIsStoredOnlyAsItsHash() throws IOException {
    JsonNode receipt = body(invoke(withFreshKey(event("file-complaint.json"))));
    String token = receipt.path("accessToken").asText();

    Map<String, AttributeValue> item = storedItem(receipt.path("trackingNumber").asText());

    assertThat(item).isNotEmpty();
    assertThat(item.values()).noneMatch(v -> token.equals(v.s()));
    assertThat(item.get("accessTokenHash").s()).hasSize(64);
  }

  @Test
  void withoutTheRightToken_theAnswerIsTheSame404AsForANumberThatDoesNotExist() throws IOException {
    JsonNode receipt = body(invoke(withFreshKey(event("file-complaint.json"))));
    String number = receipt.path("trackingNumber").asText();

    JsonNode wrongToken = invoke(statusEvent(number, "not-the-token"));
    JsonNode noToken = invoke(statusEvent(number, null));
    JsonNode unknownNumber = invoke(statusEvent("K7M-Q4X-T9H", "not-the-token"));
    JsonNode garbage = invoke(statusEvent("../../etc", "x"));

    for (JsonNode response : new JsonNode[] {wrongToken, noToken, unknownNumber, garbage}) {
      assertThat(response.path("statusCode").asInt()).isEqualTo(404);
      assertThat(response.path("body").asText()).isEqualTo(wrongToken.path("body").asText());
    }
    assertThat(body(wrongToken).path("code").asText()).isEqualTo("COMPLAINT_NOT_FOUND");
  }

  @Test
  void aRetriedSubmissionWithTheSameKey_getsTheSame201_andCreatesNothing() throws IOException {
    ObjectNode submission = withFreshKey(event("file-complaint.json"));
    JsonNode first = invoke(submission);
    long stored = itemCount();

    JsonNode retry = invoke(submission);

    assertThat(retry.path("statusCode").asInt()).isEqualTo(201);
    assertThat(body(retry).path("trackingNumber")).isEqualTo(body(first).path("trackingNumber"));
    assertThat(body(retry).path("accessToken")).isEqualTo(body(first).path("accessToken"));
    assertThat(itemCount()).isEqualTo(stored);
  }

  @Test
  void theSameKeyWithADifferentBody_is422_andCreatesNothing() throws IOException {
    ObjectNode submission = withFreshKey(event("file-complaint.json"));
    invoke(submission);
    long stored = itemCount();
    ObjectNode changed = submission.deepCopy();
    ObjectNode form = (ObjectNode) Json.mapper().readTree(changed.path("body").asText());
    form.put("description", "另外一件事");
    changed.put("body", form.toString());

    JsonNode response = invoke(changed);

    assertThat(response.path("statusCode").asInt()).isEqualTo(422);
    assertThat(body(response).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(itemCount()).isEqualTo(stored);
  }

  @Test
  void anAnonymousReport_getsANumberAndToken_andShowsNoContact() throws IOException {
    JsonNode receipt = body(invoke(event("file-anonymous-report.json")));

    JsonNode view =
        body(
            invoke(
                statusEvent(
                    receipt.path("trackingNumber").asText(),
                    receipt.path("accessToken").asText())));

    assertThat(view.path("anonymous").asBoolean()).isTrue();
    assertThat(view.has("contact")).isFalse();
    assertThat(view.path("kindLabel").asText()).isEqualTo("举报");
  }

  @Test
  void noBody_malformedJson_andWrongTypes_are400_andStoreNothing() throws IOException {
    long stored = itemCount();

    JsonNode noBody = invoke(event("file-complaint-no-body.json"));
    JsonNode malformed = invoke(event("file-complaint-malformed.json"));
    JsonNode wrongTypes = invoke(event("file-complaint-wrong-types.json"));

    assertThat(noBody.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(noBody).path("code").asText()).isEqualTo("BODY_MISSING");
    assertThat(malformed.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(malformed).path("code").asText()).isEqualTo("BODY_MALFORMED");
    assertThat(wrongTypes.path("statusCode").asInt()).isEqualTo(400);
    assertThat(errorCodes(wrongTypes))
        .containsEntry("kind", "TYPE_MISMATCH")
        .containsEntry("subject", "TYPE_MISMATCH")
        .containsEntry("description", "TYPE_MISMATCH")
        .containsEntry("consent", "TYPE_MISMATCH")
        .containsEntry("contactName", "REQUIRED")
        .containsEntry("contactPhone", "REQUIRED");
    assertThat(itemCount()).isEqualTo(stored);
  }

  @Test
  void anInvalidPhoneAndCreditCode_areBothReported_withChineseMessages() throws IOException {
    JsonNode response = invoke(event("file-complaint-invalid-phone.json"));

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(errorCodes(response))
        .containsOnly(
            Map.entry("contactPhone", "PHONE_INVALID"),
            Map.entry("creditCode", "CREDIT_CODE_INVALID"));
    assertThat(body(response).path("errors").get(0).path("message").asText()).matches(".*[一-龥].*");
    assertThat(response.path("body").asText()).doesNotContain("1231234567");
  }

  @Test
  void anUnknownKindAndMissingConsent_areFieldErrors() throws IOException {
    ObjectNode event = event("file-complaint.json");
    ObjectNode form = (ObjectNode) Json.mapper().readTree(event.path("body").asText());
    form.put("kind", "表扬");
    form.remove("consent");
    event.put("body", form.toString());

    JsonNode response = invoke(event);

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(errorCodes(response))
        .containsEntry("kind", "KIND_UNKNOWN")
        .containsEntry("consent", "CONSENT_REQUIRED");
  }

  @Test
  void anOversizeBody_is413_andStoresNothing() throws IOException {
    long stored = itemCount();
    ObjectNode event = event("file-complaint.json");
    event.put("body", "{\"description\":\"" + "很".repeat(20_000) + "\"}");

    JsonNode response = invoke(event);

    assertThat(response.path("statusCode").asInt()).isEqualTo(413);
    assertThat(body(response).path("code").asText()).isEqualTo("BODY_TOO_LARGE");
    assertThat(itemCount()).isEqualTo(stored);
  }

  @Test
  void theComplainantRatesAClosedCaseOnce_andSeesTheResultButNoOfficerNames() throws IOException {
    JsonNode receipt = body(invoke(withFreshKey(event("file-complaint.json"))));
    String number = receipt.path("trackingNumber").asText();
    String token = receipt.path("accessToken").asText();
    JsonNode tooEarly = invoke(feedbackEvent(number, token));
    closeByOfficer(number);

    JsonNode rated = invoke(feedbackEvent(number, token));
    JsonNode again = invoke(feedbackEvent(number, token));
    JsonNode stranger = invoke(feedbackEvent(number, "not-the-token"));

    assertThat(tooEarly.path("statusCode").asInt()).isEqualTo(409);
    assertThat(body(tooEarly).path("code").asText()).isEqualTo("NOT_CLOSED_YET");
    assertThat(rated.path("statusCode").asInt()).isEqualTo(200);
    JsonNode view = body(rated);
    assertThat(view.path("feedback").path("satisfiedWithResult").asBoolean()).isTrue();
    assertThat(view.path("steps"))
        .extracting(s -> s.path("action").asText())
        .containsExactly("FILE", "ACCEPT", "CLOSE", "FEEDBACK");
    assertThat(view.path("steps").get(2).path("note").asText()).isEqualTo("许可证已核发");
    assertThat(rated.path("body").asText()).doesNotContain("李明", "officer-li", "内部备注");
    assertThat(body(again).path("code").asText()).isEqualTo("ALREADY_RATED");
    assertThat(stranger.path("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void aPhotoIsUploadedThroughTheSignedLink_andS3RefusesAnotherSizeOrType() throws Exception {
    JsonNode receipt = body(invoke(withFreshKey(event("file-complaint.json"))));
    String number = receipt.path("trackingNumber").asText();
    String token = receipt.path("accessToken").asText();

    JsonNode link =
        invoke(attachmentEvent(number, token, "{\"contentType\":\"image/jpeg\",\"size\":1024}"));

    assertThat(link.path("statusCode").asInt()).isEqualTo(201);
    JsonNode upload = body(link);
    URI url = URI.create(upload.path("uploadUrl").asText());
    assertThat(upload.path("headers").path("content-type").asText()).isEqualTo("image/jpeg");
    HttpClient http = HttpClient.newHttpClient();
    assertThat(put(http, url, "image/jpeg", 2048)).as("another size").isEqualTo(403);
    assertThat(put(http, url, "text/html", 1024)).as("another type").isEqualTo(403);
    assertThat(put(http, url, "image/jpeg", 1024)).as("as signed").isEqualTo(200);
    String key =
        "complaints/" + number.replace("-", "") + "/" + upload.path("attachmentId").asText();
    String bucket = cloud.environmentFor("ComplaintIntakeFunction").get("ATTACHMENTS_BUCKET");
    assertThat(cloud.s3Client().headObject(h -> h.bucket(bucket).key(key)).contentLength())
        .isEqualTo(1024);
    JsonNode view = body(invoke(statusEvent(number, token)));
    assertThat(view.path("steps")).extracting(s -> s.path("action").asText()).contains("ATTACH");
  }

  @Test
  void anAttachmentOfTheWrongTypeOrSize_orWithoutTheToken_isRefusedBeforeAnyLink()
      throws IOException {
    JsonNode receipt = body(invoke(withFreshKey(event("file-complaint.json"))));
    String number = receipt.path("trackingNumber").asText();
    String token = receipt.path("accessToken").asText();

    JsonNode html =
        invoke(attachmentEvent(number, token, "{\"contentType\":\"text/html\",\"size\":10}"));
    JsonNode huge =
        invoke(
            attachmentEvent(
                number, token, "{\"contentType\":\"application/pdf\",\"size\":20000000}"));
    JsonNode stranger =
        invoke(attachmentEvent(number, "guess", "{\"contentType\":\"image/png\",\"size\":10}"));

    assertThat(errorCodes(html)).containsEntry("contentType", "CONTENT_TYPE_NOT_ALLOWED");
    assertThat(errorCodes(huge)).containsEntry("size", "FILE_TOO_LARGE");
    assertThat(stranger.path("statusCode").asInt()).isEqualTo(404);
  }

  // ------------------------------------------------------------------ helpers

  private static ObjectNode attachmentEvent(String number, String token, String body)
      throws IOException {
    ObjectNode event = feedbackEvent(number, token);
    event.put("routeKey", "POST /complaints/{trackingNumber}/attachments");
    event.put("rawPath", "/complaints/" + number.replace("-", "") + "/attachments");
    event.put("body", body);
    return event;
  }

  private static int put(HttpClient http, URI url, String contentType, int size) throws Exception {
    return http.send(
            HttpRequest.newBuilder(url)
                .header("content-type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[size]))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void closeByOfficer(String number) {
    var complaints = new DynamoDbComplaints(cloud.dynamoDbClient(), TABLE);
    var deadlines =
        Env.withVariables(
            cloud.environmentFor("ComplaintIntakeFunction"), ComplaintConfiguration::deadlines);
    Officer officer = new Officer("officer-li", "李明");
    Complaint filed = complaints.find(TrackingNumber.parse(number).orElseThrow()).orElseThrow();
    Instant now = Instant.now();
    Complaint closed =
        filed
            .apply(new ComplaintAction.Accept(Optional.of("内部备注")), officer, now, deadlines)
            .apply(
                new ComplaintAction.Close("许可证已核发", 1, Optional.of("内部备注")),
                officer,
                now.plusSeconds(60),
                deadlines);
    assertThat(complaints.update(filed, closed)).isTrue();
  }

  private static ObjectNode feedbackEvent(String number, String token) throws IOException {
    ObjectNode event = event("feedback.json");
    event.put("rawPath", "/complaints/" + number.replace("-", "") + "/feedback");
    ((ObjectNode) event.path("pathParameters")).put("trackingNumber", number);
    ((ObjectNode) event.path("headers")).put("x-access-token", token);
    return event;
  }

  private static ObjectNode event(String name) throws IOException {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                Files.readAllBytes(
                    ProjectLayout.root().resolve("events/complaint-intake").resolve(name)));
  }

  private static ObjectNode withFreshKey(ObjectNode event) {
    ((ObjectNode) event.path("headers")).put("idempotency-key", UUID.randomUUID().toString());
    return event;
  }

  private static ObjectNode statusEvent(String number, String token) throws IOException {
    ObjectNode event = event("status.json");
    String compact = number.replace("-", "");
    event.put("rawPath", "/complaints/" + compact);
    ((ObjectNode) event.path("pathParameters")).put("trackingNumber", number);
    ObjectNode headers = (ObjectNode) event.path("headers");
    if (token == null) {
      headers.remove("x-access-token");
    } else {
      headers.put("x-access-token", token);
    }
    return event;
  }

  private JsonNode invoke(JsonNode event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
    return Json.mapper().readTree(out.toByteArray());
  }

  private static JsonNode body(JsonNode response) throws IOException {
    return Json.mapper().readTree(response.path("body").asText());
  }

  private static Map<String, String> errorCodes(JsonNode response) throws IOException {
    Map<String, String> codes = new java.util.TreeMap<>();
    body(response)
        .path("errors")
        .forEach(e -> codes.put(e.path("field").asText(), e.path("code").asText()));
    return codes;
  }

  private static Map<String, AttributeValue> storedItem(String number) {
    return cloud
        .dynamoDbClient()
        .getItem(
            g ->
                g.tableName(TABLE)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("COMPLAINT#" + number.replace("-", "")),
                            "sk", AttributeValue.fromS("COMPLAINT"))))
        .item();
  }

  private static long itemCount() {
    return cloud.dynamoDbClient().scan(s -> s.tableName(TABLE).select(Select.COUNT)).count();
  }
}
