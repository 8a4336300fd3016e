package cn.gov.liuyang.bizenv.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The Open311 GeoReport v2 subset as Lambda runs it, against dynalite. */
class Open311IT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private final Open311Handler handler =
      Env.withVariables(cloud.environmentFor("Open311Function"), Open311Handler::new);

  @Test
  void servicesAreTheFourKinds() throws IOException {
    JsonNode services = body(invoke(event("services.json")));

    assertThat(services)
        .extracting(s -> s.path("service_code").asText())
        .containsExactly("complaint", "report", "suggestion", "difficulty");
    assertThat(services.get(3).path("service_name").asText()).isEqualTo("困难诉求");
  }

  @Test
  void aCivicAppFilesARequest_findsItByToken_andFollowsIt_withoutSeeingItsContent()
      throws IOException {
    JsonNode created = invoke(event("create-request.json"));

    assertThat(created.path("statusCode").asInt()).isEqualTo(201);
    String id = body(created).get(0).path("service_request_id").asText();
    String token = body(created).get(0).path("token").asText();

    ObjectNode byToken = event("token.json");
    ((ObjectNode) byToken.path("pathParameters")).put("id", token);
    assertThat(body(invoke(byToken)).get(0).path("service_request_id").asText()).isEqualTo(id);

    ObjectNode one = event("request.json");
    ((ObjectNode) one.path("pathParameters")).put("id", id + ".json");
    JsonNode request = invoke(one);
    JsonNode fields = body(request).get(0);
    assertThat(fields.path("status").asText()).isEqualTo("open");
    assertThat(fields.path("service_code").asText()).isEqualTo("difficulty");
    assertThat(fields.path("requested_datetime").asText()).endsWith("+08:00");
    assertThat(request.path("body").asText())
        .doesNotContain("13812345678", "张三", "用电扩容", "description");

    JsonNode open = body(invoke(event("requests.json")));
    assertThat(open).extracting(r -> r.path("service_request_id").asText()).contains(id);
  }

  @Test
  void aJsonPostIsAcceptedToo_andAnonymousWithoutAPhone() throws IOException {
    ObjectNode json = event("create-request.json");
    ((ObjectNode) json.path("headers")).put("content-type", "application/json");
    json.put("body", "{\"service_code\":\"suggestion\",\"description\":\"建议延长窗口午间服务\"}");

    JsonNode created = invoke(json);

    assertThat(created.path("statusCode").asInt()).isEqualTo(201);
    assertThat(body(created).get(0).path("service_request_id").asText()).hasSize(9);
  }

  @Test
  void errorsHaveGeoReportsShape() throws IOException {
    JsonNode tooLong = invoke(event("requests-window-too-long.json"));
    ObjectNode badCode = event("create-request.json");
    badCode.put("body", "service_code=pothole&description=");
    JsonNode invalid = invoke(badCode);

    assertThat(tooLong.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(tooLong).get(0).path("code").asInt()).isEqualTo(400);
    assertThat(body(tooLong).get(0).path("description").asText()).contains("90");
    assertThat(invalid.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(invalid)).hasSize(2);
    assertThat(body(invalid)).allSatisfy(e -> assertThat(e.has("description")).isTrue());
  }

  @Test
  void anUnknownRequestOrTokenIs404InTheSameShape() throws IOException {
    ObjectNode unknownToken = event("token.json");
    JsonNode response = invoke(unknownToken);

    assertThat(response.path("statusCode").asInt()).isEqualTo(404);
    assertThat(body(response).get(0).path("code").asInt()).isEqualTo(404);
  }

  private static ObjectNode event(String name) throws IOException {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                Files.readAllBytes(ProjectLayout.root().resolve("events/open311").resolve(name)));
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
