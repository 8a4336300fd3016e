package cn.gov.liuyang.bizenv.spending.ingest;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/** The real-shaped events of events/spending-*, adjusted to what a test uploaded. */
final class SpendingEvents {
  private SpendingEvents() {}

  static ObjectNode load(String relative) {
    try {
      return (ObjectNode)
          Json.mapper()
              .readTree(
                  Files.readAllBytes(ProjectLayout.root().resolve("events").resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The S3 object-created notification in an SQS message, for the object a test put. */
  static ObjectNode objectCreated(
      String messageId, String bucket, String key, long size, String eTag) {
    ObjectNode event = load("spending-ingest/sqs-s3-object-created.json");
    ObjectNode message = (ObjectNode) event.path("Records").get(0);
    try {
      ObjectNode body = (ObjectNode) Json.mapper().readTree(message.path("body").asText());
      ObjectNode s3 = (ObjectNode) body.path("Records").get(0).path("s3");
      ((ObjectNode) s3.path("bucket")).put("name", bucket).put("arn", "arn:aws-cn:s3:::" + bucket);
      // S3 URL-encodes keys in notifications
      ((ObjectNode) s3.path("object"))
          .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8))
          .put("size", size)
          .put("eTag", eTag);
      message.put("body", Json.mapper().writeValueAsString(body)).put("messageId", messageId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return event;
  }

  /**
   * A staff HTTP API event (payload 2.0) for a route, as API Gateway delivers it after the JWT
   * check: a finance clerk in the {@code all-units} group, since each test works on a unit of its
   * own (unit scoping is tested in StaffUnitsTest and WhoMayDoWhatEndToEndIT).
   */
  static ObjectNode staffRequest(
      String routeKey, String path, Map<String, String> pathParameters, String body) {
    ObjectNode event = load("spending-uploads/request-upload.json");
    ((ObjectNode) event.at("/requestContext/authorizer/jwt/claims"))
        .put("cognito:groups", "[finance all-units]");
    event.put("routeKey", routeKey).put("rawPath", path);
    ((ObjectNode) event.path("requestContext")).put("routeKey", routeKey);
    ((ObjectNode) event.path("requestContext").path("http"))
        .put("method", routeKey.substring(0, routeKey.indexOf(' ')))
        .put("path", path);
    event.set("pathParameters", Json.mapper().valueToTree(pathParameters));
    if (body == null) {
      event.remove("body");
    } else {
      event.put("body", body);
    }
    return event;
  }

  /** The same, with query string parameters. */
  static ObjectNode staffRequest(
      String routeKey,
      String path,
      Map<String, String> pathParameters,
      Map<String, String> query,
      String body) {
    ObjectNode event = staffRequest(routeKey, path, pathParameters, body);
    event.set("queryStringParameters", Json.mapper().valueToTree(query));
    event.put(
        "rawQueryString",
        String.join(
            "&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    return event;
  }

  static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
    return invoke(handler, event, null);
  }

  static JsonNode invoke(RequestStreamHandler handler, JsonNode event, Context context) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, context);
      return Json.mapper().readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP API response's JSON body. */
  static JsonNode body(JsonNode response) {
    try {
      return Json.mapper().readTree(response.path("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
