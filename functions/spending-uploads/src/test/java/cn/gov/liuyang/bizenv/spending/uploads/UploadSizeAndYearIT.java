package cn.gov.liuyang.bizenv.spending.uploads;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The declared size and year of an upload, as the signed link will be bound to them: a size of
 * 2^64+5 was signed as 5 bytes, and {@code ٢٠٢١} was read as 2021. Each is a 400 on its field,
 * before any link is signed, for spending and ledger uploads alike.
 */
class UploadSizeAndYearIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private final SpendingUploadsHandler handler =
      Env.withVariables(
          CLOUD.environmentFor("SpendingUploadsFunction"), SpendingUploadsHandler::new);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "size | 18446744073709551621",
        "size | 9223372036854775813",
        "size | -18446744073709551611",
        "size | 1e400",
        "size | 5.000000000000000000001",
        "size | \"23456\"",
        "year | \"٢٠٢١\"",
        "year | \"２０２１\"",
        "year | 4294969317",
        "year | 2021.0000000000000000001",
      })
  void aSizeOrYearThatWouldBeReadAsAnotherNumber_isRefusedOnItsField(String field, String value)
      throws IOException {
    for (String route :
        new String[] {"POST /staff/spending/uploads", "POST /staff/ledgers/uploads"}) {
      ObjectNode event = event("request-upload.json");
      event.put("routeKey", route);
      ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims"))
          .put("cognito:groups", "[finance evaluation]");
      ObjectNode body = (ObjectNode) Json.mapper().readTree(event.path("body").asText());
      body.set(field, Json.mapper().readTree("0"));
      String text = body.toString().replace("\"" + field + "\":0", "\"" + field + "\":" + value);
      event.put("body", text);

      JsonNode response = invoke(event);

      assertThat(response.path("statusCode").asInt()).as(route + " " + text).isEqualTo(400);
      JsonNode problem = Json.mapper().readTree(response.path("body").asText());
      assertThat(problem.path("errors").findValuesAsText("field")).as(text).contains(field);
      assertThat(problem.has("upload")).isFalse();
    }
  }

  private static ObjectNode event(String name) throws IOException {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                Files.readAllBytes(
                    ProjectLayout.root().resolve("events/spending-uploads").resolve(name)));
  }

  private JsonNode invoke(JsonNode event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
    return Json.mapper().readTree(out.toByteArray());
  }
}
