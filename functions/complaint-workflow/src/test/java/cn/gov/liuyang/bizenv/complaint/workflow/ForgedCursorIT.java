package cn.gov.liuyang.bizenv.complaint.workflow;

import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.event;
import static cn.gov.liuyang.bizenv.complaint.workflow.ComplaintWorkflowIT.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /staff/complaints?cursor=}: a cursor the service did not issue, or one issued for
 * other years, is 400 {@code CURSOR_INVALID} naming the field; a forged one answered 500 when its
 * position lay outside the query's key range.
 */
class ForgedCursorIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final Map<String, String> ENV = cloud.environmentFor("ComplaintWorkflowFunction");
  private static final String MARKER = "游标" + UUID.randomUUID();
  private final ComplaintWorkflowHandler handler =
      Env.withVariables(ENV, ComplaintWorkflowHandler::new);

  @BeforeAll
  static void threeCasesInMarch2022() {
    DynamoDbComplaints complaints =
        new DynamoDbComplaints(cloud.dynamoDbClient(), ENV.get("COMPLAINTS_TABLE"));
    Deadlines deadlines = Env.withVariables(ENV, ComplaintConfiguration::deadlines);
    for (int day = 1; day <= 3; day++) {
      complaints.add(
          Complaint.file(
              TrackingNumber.random(),
              ComplaintKind.COMPLAINT,
              MARKER,
              "描述",
              Enterprise.NONE,
              Optional.empty(),
              AccessToken.random().hash(),
              Optional.empty(),
              Instant.parse("2022-03-0" + day + "T02:00:00Z"),
              deadlines));
    }
  }

  @Test
  void anIssuedCursorPagesOn() {
    JsonNode first = body(search(null, "2022-01-01", "2022-12-31"));
    JsonNode second = body(search(first.path("nextCursor").asText(), "2022-01-01", "2022-12-31"));

    assertThat(first.path("items")).hasSize(2);
    assertThat(second.path("items")).hasSize(1);
  }

  @Test
  void aCursorThatIsOnlyAnEncodedPosition_isRefused() {
    String forged = position(2022, "2099-01-01T00:00:00.000Z#ABC-DEF-GHJ");

    assertRefused(search(forged, "2022-01-01", "2022-12-31"));
  }

  @Test
  void anIssuedCursorWithItsPositionReplaced_isRefused() {
    String issued = body(search(null, "2022-01-01", "2022-12-31")).path("nextCursor").asText();
    String mac = issued.substring(issued.lastIndexOf('.'));

    assertRefused(
        search(
            position(2022, "2099-01-01T00:00:00.000Z#ABC-DEF-GHJ") + mac,
            "2022-01-01",
            "2022-12-31"));
    assertRefused(search(issued.substring(1), "2022-01-01", "2022-12-31"));
    assertRefused(search(issued + "A", "2022-01-01", "2022-12-31"));
    assertRefused(search("%00" + issued, "2022-01-01", "2022-12-31"));
  }

  @Test
  void anIssuedCursorUsedForOtherYears_isRefused_notSearchedOutsideThem() {
    String issued = body(search(null, "2022-01-01", "2022-12-31")).path("nextCursor").asText();

    assertRefused(search(issued, "2023-01-01", "2024-12-31"));
    assertRefused(search(issued, "2022-03-03", "2022-03-31"));
  }

  private static String position(int year, String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            ("{\"y\":" + year + ",\"k\":\"" + sortKey + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(JsonNode response) {
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    JsonNode problem = body(response);
    assertThat(problem.path("code").asText()).isIn("CURSOR_INVALID", "VALIDATION_FAILED");
    assertThat(problem.path("errors").findValuesAsText("field")).contains("cursor");
    assertThat(problem.path("errors").findValuesAsText("code")).contains("CURSOR_INVALID");
  }

  private JsonNode search(String cursor, String from, String to) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("department", MARKER);
    parameters.put("from", from);
    parameters.put("to", to);
    parameters.put("limit", "2");
    if (cursor != null) {
      parameters.put("cursor", cursor);
    }
    ObjectNode event = event("search.json");
    event.set("queryStringParameters", Json.mapper().valueToTree(parameters));
    return invoke(handler, event);
  }

  private static JsonNode body(JsonNode response) {
    try {
      return Json.mapper().readTree(response.path("body").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
