package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a function returns to API Gateway (payload format 2.0). */
public record HttpApiResponse(
    int statusCode,
    Map<String, String> headers,
    String body,
    @JsonProperty("isBase64Encoded") boolean base64Encoded) {

  private static final String JSON_TYPE = "application/json; charset=utf-8";

  public static HttpApiResponse json(int statusCode, Object body) {
    return json(statusCode, body, Map.of());
  }

  public static HttpApiResponse json(
      int statusCode, Object body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", JSON_TYPE);
    headers.put("cache-control", "no-store");
    headers.putAll(extraHeaders);
    try {
      return new HttpApiResponse(
          statusCode, Map.copyOf(headers), Json.mapper().writeValueAsString(body), false);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response body is not serialisable", e);
    }
  }

  public static HttpApiResponse problem(ApiProblem problem) {
    return json(problem.status(), problem.body());
  }
}
