package cn.gov.liuyang.bizenv.local.runner.gateway;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP response of the gateway: its own errors, or a function's payload-2.0 response. */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

  /** A response API Gateway itself gives, e.g. 404 {@code {"message":"Not Found"}}. */
  static GatewayResponse message(int status, String message) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", new ArrayList<>(List.of("application/json")));
    byte[] body =
        Json.mapper()
            .createObjectNode()
            .put("message", message)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    return new GatewayResponse(status, headers, body);
  }

  /**
   * What API Gateway makes of a function's output: a response object ({@code statusCode}, {@code
   * headers}, {@code multiValueHeaders}, {@code cookies}, {@code body}, {@code isBase64Encoded}),
   * or any other JSON, which becomes a 200 {@code application/json} body as it is.
   */
  static GatewayResponse fromFunctionOutput(byte[] output) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(output);
    } catch (IOException notJson) {
      return message(500, "Internal Server Error");
    }
    if (json == null || json.isMissingNode()) {
      return message(500, "Internal Server Error");
    }
    if (!json.isObject() || !json.has("statusCode")) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("content-type", new ArrayList<>(List.of("application/json")));
      return new GatewayResponse(200, headers, output);
    }
    if (!json.path("statusCode").canConvertToInt()) {
      return message(500, "Internal Server Error");
    }
    int status = json.path("statusCode").asInt();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    json.path("multiValueHeaders")
        .properties()
        .forEach(field -> field.getValue().forEach(v -> add(headers, field.getKey(), v.asText())));
    json.path("headers")
        .properties()
        .forEach(field -> add(headers, field.getKey(), field.getValue().asText()));
    json.path("cookies").forEach(cookie -> add(headers, "set-cookie", cookie.asText()));
    byte[] body = new byte[0];
    JsonNode bodyNode = json.path("body");
    if (bodyNode.isTextual()) {
      try {
        body =
            json.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(bodyNode.asText())
                : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badBase64) {
        return message(500, "Internal Server Error");
      }
    } else if (!bodyNode.isMissingNode() && !bodyNode.isNull()) {
      body = bodyNode.toString().getBytes(StandardCharsets.UTF_8);
    }
    return new GatewayResponse(status, headers, body);
  }

  GatewayResponse withHeaders(Map<String, String> extra) {
    Map<String, List<String>> merged = new LinkedHashMap<>(headers);
    extra.forEach((name, value) -> merged.put(name, new ArrayList<>(List.of(value))));
    return new GatewayResponse(status, merged, body);
  }

  /** Drops the function's own CORS headers: API Gateway replaces them when CORS is configured. */
  GatewayResponse withoutCorsHeaders() {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
            kept.put(name, values);
          }
        });
    return new GatewayResponse(status, kept, body);
  }

  private static void add(Map<String, List<String>> headers, String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
  }
}
