package cn.gov.liuyang.bizenv.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Open311 GeoReport v2 subset as Lambda runs it, against dynalite, for a partner whose key the
 * function knows by its hash.
 */
class Open311IT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final String KEY = "o311-it-" + UUID.randomUUID();
  private final Open311Handler handler = Env.withVariables(environment(), Open311Handler::new);

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(cloud.environmentFor("Open311Function"));
    assertThat(environment).containsKey("OPEN311_PARTNER_KEYS"); // as template.yaml sets it
    environment.put("OPEN311_PARTNER_KEYS", "it-partner:" + Open311Partners.hashOf(KEY));
    return environment;
  }

  @Test
  void servicesAreTheFourKinds_openToAll() throws IOException {
    ObjectNode event = event("services.json");
    JsonNode services = body(invoke(event));

    assertThat(event.path("headers").has("x-api-key")).isFalse();
    assertThat(services)
        .extracting(s -> s.path("service_code").asText())
        .containsExactly("complaint", "report", "suggestion", "difficulty");
    assertThat(services.get(3).path("service_name").asText()).isEqualTo("困难诉求");
  }

  @Test
  void aPartnerFilesARequest_findsItByItsOpen311Token_andFollowsIt_withoutSeeingItsContent()
      throws IOException {
    JsonNode created = invoke(event("create-request.json"));

    assertThat(created.path("statusCode").asInt()).isEqualTo(201);
    String id = body(created).get(0).path("service_request_id").asText();
    String token = body(created).get(0).path("token").asText();
    String accessToken = body(created).get(0).path("access_token").asText();
    assertThat(token).hasSize(22).isNotEqualTo(accessToken);
    assertThat(accessToken).hasSize(43);

    assertThat(body(invoke(byToken(token))).get(0).path("service_request_id").asText())
        .isEqualTo(id);

    ObjectNode one = event("request.json");
    ((ObjectNode) one.path("pathParameters")).put("id", id + ".json");
    JsonNode request = invoke(one);
    JsonNode fields = body(request).get(0);
    assertThat(fields.path("status").asText()).isEqualTo("open");
    assertThat(fields.path("service_code").asText()).isEqualTo("difficulty");
    assertThat(fields.path("requested_datetime").asText()).endsWith("+08:00");
    assertThat(request.path("body").asText())
        .doesNotContain("13812345678", "张三", "用电扩容", "description", token, accessToken);

    JsonNode open = body(invoke(event("requests.json")));
    assertThat(open).extracting(r -> r.path("service_request_id").asText()).contains(id);
  }

  @Test
  void theAccessTokenIsNeverTakenInThePath_itFindsNothing_asAnUnknownToken() throws IOException {
    JsonNode created = invoke(event("create-request.json"));
    String accessToken = body(created).get(0).path("access_token").asText();

    JsonNode byAccessToken = invoke(byToken(accessToken));
    JsonNode unknown = invoke(byToken("AAAAAAAAAAAAAAAAAAAAAA"));

    assertThat(byAccessToken.path("statusCode").asInt()).isEqualTo(404);
    assertThat(byAccessToken).isEqualTo(unknown);
  }

  @Test
  void reportsAndAnonymousCases_areNeverListedNorConfirmed_andLookExactlyLikeUnknownNumbers()
      throws IOException {
    JsonNode report = body(invoke(post("report", "举报某窗口工作人员索要好处费", true, true)));
    JsonNode anonymous = body(invoke(post("suggestion", "建议延长午间服务", false, true)));
    String reportId = report.get(0).path("service_request_id").asText();
    String anonymousId = anonymous.get(0).path("service_request_id").asText();

    JsonNode unknown = invoke(request(TrackingNumber.random().value()));
    JsonNode malformed = invoke(request("not-a-number"));
    assertThat(unknown.path("statusCode").asInt()).isEqualTo(404);
    for (JsonNode hidden :
        List.of(
            invoke(request(reportId)),
            invoke(request(reportId + ".json")),
            invoke(request(anonymousId)),
            malformed)) {
      // the whole response: status, headers and body
      assertThat(hidden).isEqualTo(unknown);
    }
    JsonNode unknownToken = invoke(byToken("AAAAAAAAAAAAAAAAAAAAAA"));
    assertThat(invoke(byToken(report.get(0).path("token").asText()))).isEqualTo(unknownToken);
    assertThat(invoke(byToken(anonymous.get(0).path("token").asText()))).isEqualTo(unknownToken);

    JsonNode listed = body(invoke(event("requests.json")));
    assertThat(listed)
        .extracting(r -> r.path("service_request_id").asText())
        .doesNotContain(reportId, anonymousId);
    assertThat(listed).extracting(r -> r.path("service_code").asText()).doesNotContain("report");
  }

  @Test
  void withoutConsent_aNameAndPhoneAreRefusedWithAFieldError_andNothingIsStored()
      throws IOException {
    String description = "未同意的申请 " + UUID.randomUUID();
    JsonNode refused = invoke(post("complaint", description, true, false));

    assertThat(refused.path("statusCode").asInt()).isEqualTo(400);
    JsonNode error = body(refused).get(0);
    assertThat(error.path("code").asInt()).isEqualTo(400);
    assertThat(error.path("error_code").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(error.path("field").asText()).isEqualTo("attribute[consent]");
    assertThat(error.path("description").asText()).contains("同意");
    assertThat(itemsHolding(description)).isZero();
    assertThat(itemsHolding("13900001111")).isZero();
  }

  @Test
  void everyRequestRouteNeedsAPartnersKey_inAHeader_neverInTheUrl() throws IOException {
    for (ObjectNode event :
        List.of(
            event("create-request.json"),
            event("requests.json"),
            request(TrackingNumber.random().value()),
            byToken("AAAAAAAAAAAAAAAAAAAAAA"))) {
      ObjectNode withoutKey = event.deepCopy();
      ((ObjectNode) withoutKey.path("headers")).remove("x-api-key");
      ObjectNode wrongKey = event.deepCopy();
      ((ObjectNode) wrongKey.path("headers")).put("x-api-key", KEY + "-not");
      ObjectNode keyInUrl = event.deepCopy();
      keyInUrl.putObject("queryStringParameters").put("api_key", KEY);

      assertThat(body(invoke(withoutKey)).get(0).path("error_code").asText())
          .isEqualTo("API_KEY_REQUIRED");
      assertThat(invoke(withoutKey).path("statusCode").asInt()).isEqualTo(401);
      assertThat(body(invoke(wrongKey)).get(0).path("error_code").asText())
          .isEqualTo("API_KEY_INVALID");
      assertThat(body(invoke(keyInUrl)).get(0).path("error_code").asText())
          .isEqualTo("API_KEY_IN_URL");
    }
  }

  @Test
  void deployedWithTheTemplatesDefault_noPartnerIsKnown_andEveryKeyedRouteAnswers401()
      throws IOException {
    Open311Handler asDeployed =
        Env.withVariables(cloud.environmentFor("Open311Function"), Open311Handler::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    asDeployed.handleRequest(
        new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event("requests.json"))),
        out,
        null);

    assertThat(cloud.environmentFor("Open311Function")).containsEntry("OPEN311_PARTNER_KEYS", "");
    assertThat(Json.mapper().readTree(out.toByteArray()).path("statusCode").asInt()).isEqualTo(401);
  }

  @Test
  void aJsonPostIsAcceptedToo_andAnonymousWithoutAPhone() throws IOException {
    ObjectNode json = event("create-request.json");
    ((ObjectNode) json.path("headers")).put("content-type", "application/json");
    json.put(
        "body",
        "{\"service_code\":\"suggestion\",\"description\":\"建议延长窗口午间服务\","
            + "\"attribute[consent]\":true}");

    JsonNode created = invoke(json);

    assertThat(created.path("statusCode").asInt()).isEqualTo(201);
    assertThat(body(created).get(0).path("service_request_id").asText()).hasSize(9);
  }

  @Test
  void errorsHaveGeoReportsShape() throws IOException {
    JsonNode tooLong = invoke(event("requests-window-too-long.json"));
    ObjectNode badCode = event("create-request.json");
    badCode.put("body", "service_code=pothole&description=&attribute%5Bconsent%5D=true");
    JsonNode invalid = invoke(badCode);

    assertThat(tooLong.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(tooLong).get(0).path("code").asInt()).isEqualTo(400);
    assertThat(body(tooLong).get(0).path("description").asText()).contains("90");
    assertThat(body(tooLong).get(0).path("error_code").asText()).isEqualTo("WINDOW_TOO_LONG");
    assertThat(invalid.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(invalid)).hasSize(2);
    assertThat(body(invalid)).allSatisfy(e -> assertThat(e.has("description")).isTrue());
  }

  @Test
  void anUnknownRequestOrTokenIs404InTheSameShape() throws IOException {
    JsonNode response = invoke(event("token.json"));

    assertThat(response.path("statusCode").asInt()).isEqualTo(404);
    assertThat(body(response).get(0).path("code").asInt()).isEqualTo(404);
    assertThat(response).isEqualTo(invoke(request(TrackingNumber.random().value())));
  }

  // ------------------------------------------------------------------ helpers

  /** An Open311 POST, form-encoded, named or anonymous, with or without consent. */
  private static ObjectNode post(
      String serviceCode, String description, boolean named, boolean consent) throws IOException {
    StringBuilder form =
        new StringBuilder("service_code=" + serviceCode + "&description=" + encode(description));
    if (named) {
      form.append("&first_name=").append(encode("四")).append("&last_name=").append(encode("李"));
      form.append("&phone=13900001111");
    }
    if (consent) {
      form.append("&attribute%5Bconsent%5D=true");
    }
    ObjectNode event = event("create-request.json");
    event.put("body", form.toString());
    return event;
  }

  private static ObjectNode request(String id) throws IOException {
    ObjectNode event = event("request.json");
    ((ObjectNode) event.path("pathParameters")).put("id", id);
    return event;
  }

  private static ObjectNode byToken(String token) throws IOException {
    ObjectNode event = event("token.json");
    ((ObjectNode) event.path("pathParameters")).put("id", token);
    return event;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** How many items of the complaints table hold {@code text} anywhere (a test may Scan). */
  private static long itemsHolding(String text) {
    DynamoDbClient dynamoDb = cloud.dynamoDbClient();
    String table = cloud.environmentFor("Open311Function").get("COMPLAINTS_TABLE");
    return dynamoDb.scanPaginator(scan -> scan.tableName(table)).items().stream()
        .filter(item -> holds(item, text))
        .count();
  }

  private static boolean holds(Map<String, AttributeValue> item, String text) {
    return item.values().stream().anyMatch(value -> value.toString().contains(text));
  }

  /** A recorded event, the partner's key in place of the placeholder. */
  private static ObjectNode event(String name) throws IOException {
    ObjectNode event =
        (ObjectNode)
            Json.mapper()
                .readTree(
                    Files.readAllBytes(
                        ProjectLayout.root().resolve("events/open311").resolve(name)));
    if (event.path("headers").has("x-api-key")) {
      ((ObjectNode) event.path("headers")).put("x-api-key", KEY);
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
}
