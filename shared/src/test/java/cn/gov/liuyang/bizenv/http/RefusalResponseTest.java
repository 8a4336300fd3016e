package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalResponseTest {

  private static JsonNode answer(Refusal refusal) throws Exception {
    HttpApiHandler handler =
        new HttpApiHandler() {
          @Override
          protected HttpApiResponse handle(HttpApiEvent event) {
            throw refusal;
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(
            "{\"routeKey\":\"GET /x\",\"rawPath\":\"/x\"}".getBytes(StandardCharsets.UTF_8)),
        out,
        null);
    return Json.mapper().readTree(out.toByteArray());
  }

  @Test
  void aConflict_is409_withCodeMessageAndDetailsAtTheTopOfTheBody() throws Exception {
    JsonNode response =
        answer(
            Refusal.conflict("INDICATOR_SET_EXISTS", "已有指标体系", Map.of("versionInForce", "2023-1")));

    assertThat(response.path("statusCode").asInt()).isEqualTo(409);
    JsonNode body = Json.mapper().readTree(response.path("body").asText());
    assertThat(body.path("code").asText()).isEqualTo("INDICATOR_SET_EXISTS");
    assertThat(body.path("message").asText()).isEqualTo("已有指标体系");
    assertThat(body.path("versionInForce").asText()).isEqualTo("2023-1");
    assertThat(body.has("errors")).isFalse();
  }

  @Test
  void invalidFields_are400_andListEachField() throws Exception {
    JsonNode response =
        answer(
            Refusal.invalidFields(List.of(new Refusal.FieldError("year", "YEAR_INVALID", "年度不对"))));

    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    JsonNode body = Json.mapper().readTree(response.path("body").asText());
    assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("year");
    assertThat(body.path("errors").get(0).path("code").asText()).isEqualTo("YEAR_INVALID");
  }

  @Test
  void eachKind_hasOneStatus() {
    assertThat(HttpApiHandler.status(Refusal.Kind.INVALID)).isEqualTo(400);
    assertThat(HttpApiHandler.status(Refusal.Kind.UNAUTHENTICATED)).isEqualTo(401);
    assertThat(HttpApiHandler.status(Refusal.Kind.FORBIDDEN)).isEqualTo(403);
    assertThat(HttpApiHandler.status(Refusal.Kind.NOT_FOUND)).isEqualTo(404);
    assertThat(HttpApiHandler.status(Refusal.Kind.CONFLICT)).isEqualTo(409);
    assertThat(HttpApiHandler.status(Refusal.Kind.TOO_LARGE)).isEqualTo(413);
    assertThat(HttpApiHandler.status(Refusal.Kind.UNPROCESSABLE)).isEqualTo(422);
  }

  @Test
  void anUnforeseenFailure_is500_andOneJsonErrorLineWithTheRequestIds_butNotTheMessage()
      throws Exception {
    HttpApiHandler handler =
        new HttpApiHandler() {
          @Override
          protected HttpApiResponse handle(HttpApiEvent event) {
            throw new IllegalStateException("13812345678");
          }
        };
    java.io.PrintStream err = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setErr(new java.io.PrintStream(logs, true, StandardCharsets.UTF_8));
      handler.handleRequest(
          new ByteArrayInputStream(
              "{\"routeKey\":\"GET /x\",\"rawPath\":\"/x\",\"requestContext\":{\"requestId\":\"api-1\"}}"
                  .getBytes(StandardCharsets.UTF_8)),
          out,
          null);
    } finally {
      System.setErr(err);
    }

    assertThat(Json.mapper().readTree(out.toByteArray()).path("statusCode").asInt()).isEqualTo(500);
    JsonNode line = Json.mapper().readTree(logs.toString(StandardCharsets.UTF_8));
    assertThat(line.path("level").asText()).isEqualTo("ERROR");
    assertThat(line.path("apiRequestId").asText()).isEqualTo("api-1");
    assertThat(line.path("route").asText()).isEqualTo("GET /x");
    assertThat(line.path("failure").asText()).startsWith("java.lang.IllegalStateException at ");
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("13812345678");
  }
}
