package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The events in events/report-generator/, and a way to call a handler with one as Lambda would. */
final class Events {
  private static final Path FOLDER = Path.of("../../events/report-generator");

  private Events() {}

  static ObjectNode load(String name) {
    try {
      return (ObjectNode) Json.mapper().readTree(Files.readAllBytes(FOLDER.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The event for {@code unit}: in its path, and in the caller's {@code custom:units}, as a token
   * of a member of that unit carries it.
   */
  static ObjectNode forUnit(ObjectNode event, String unit) {
    ((ObjectNode) event.path("pathParameters")).put("unit", unit);
    ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims")).put("custom:units", unit);
    return event;
  }

  /** The response: status code and body parsed as JSON. */
  record Response(int status, JsonNode body) {}

  static Response invoke(ReportGeneratorHandler handler, JsonNode event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
      JsonNode response = Json.mapper().readTree(out.toByteArray());
      return new Response(
          response.path("statusCode").asInt(),
          Json.mapper().readTree(response.path("body").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
