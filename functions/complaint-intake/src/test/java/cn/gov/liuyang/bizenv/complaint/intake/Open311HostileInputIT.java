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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Open311 requests that answered 500: dates far outside any case's life, form bodies that change
 * meaning on the way in; and an Idempotency-Key that was silently ignored (POST /complaints refuses
 * it). Each is a 400 in GeoReport's shape naming the parameter at fault, asked by a partner with a
 * valid key (without one, every request route answers 401 first).
 */
class Open311HostileInputIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final String KEY = "o311-hostile-" + UUID.randomUUID();
  private final Open311Handler handler = Env.withVariables(environment(), Open311Handler::new);

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(cloud.environmentFor("Open311Function"));
    environment.put("OPEN311_PARTNER_KEYS", "it-partner:" + Open311Partners.hashOf(KEY));
    return environment;
  }

  @ParameterizedTest
  @CsvSource({
    "start_date, +999999999-01-01T00:00:00Z",
    "start_date, -999999999-01-01T00:00:00Z",
    "end_date, +999999999-12-31T23:59:59Z",
    "end_date, -999999999-12-31T23:59:59Z",
    "end_date, 9999-12-31T23:59:59Z",
    "start_date, 1970-01-01T00:00:00Z",
    "end_date, ٢٠٢١-01-01T00:00:00Z",
  })
  void aDateOutsideTheYearsOfAnyCase_is400NamingTheParameter(String name, String value)
      throws IOException {
    ObjectNode event = event("requests.json");
    event.putObject("queryStringParameters").put(name, value);

    JsonNode response = invoke(event);

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).get(0).path("code").asInt()).isEqualTo(400);
    assertThat(body(response).get(0).path("description").asText()).startsWith(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "service_code=complaint&description=a&description=b",
        "service_code=complaint&description=%ED%A0%80",
        "service_code=complaint&description=%E2%80%AEabc",
        "service_code=complaint&description=a%00b",
        "service_code=complaint&description=%E2%80%8B%E2%80%8B",
        "service_code=complaint&description=%zz",
        "service_code=complaint&description=%E4%B8"
      })
  void aFormBodyThatWouldChangeMeaningOnTheWayIn_isRefused(String form) throws IOException {
    ObjectNode event = event("create-request.json");
    event.put("body", form);

    JsonNode response = invoke(event);

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).get(0).path("code").asInt()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"short", "k", "é-idem-key-0001", "idem key with spaces", "idem\u0000key-0001"})
  void anIdempotencyKeyOutsideThePolicyOfPostComplaints_isRefused_notSilentlyDropped(String key)
      throws IOException {
    ObjectNode event = event("create-request.json");
    event.with("headers").put("idempotency-key", key + "-" + UUID.randomUUID());
    if (key.length() < 8) {
      event.with("headers").put("idempotency-key", key);
    }

    JsonNode response = invoke(event);

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(response).get(0).path("error_code").asText())
        .isEqualTo("IDEMPOTENCY_KEY_INVALID");
    assertThat(body(response).get(0).path("code").asInt()).isEqualTo(400);
  }

  private static ObjectNode event(String name) throws IOException {
    ObjectNode event =
        (ObjectNode)
            Json.mapper()
                .readTree(
                    Files.readAllBytes(
                        ProjectLayout.root().resolve("events/open311").resolve(name)));
    event.with("headers").put("x-api-key", KEY);
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
