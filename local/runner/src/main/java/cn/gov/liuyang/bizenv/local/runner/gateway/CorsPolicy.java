package cn.gov.liuyang.bizenv.local.runner.gateway;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HTTP API's {@code CorsConfiguration}. As in API Gateway, it answers preflight requests itself
 * and its headers replace any CORS headers a function returns.
 */
public record CorsPolicy(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    OptionalInt maxAgeSeconds,
    boolean allowCredentials) {

  /** The policy of the template's (first) HttpApi, if it configures CORS. */
  public static Optional<CorsPolicy> fromTemplate(SamTemplate template) {
    for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      JsonNode cors = template.resourceProperties(api).path("CorsConfiguration");
      if (cors.isObject()) {
        return Optional.of(
            new CorsPolicy(
                list(template, cors.path("AllowOrigins")),
                list(template, cors.path("AllowMethods")),
                list(template, cors.path("AllowHeaders")),
                list(template, cors.path("ExposeHeaders")),
                cors.has("MaxAge")
                    ? OptionalInt.of(cors.path("MaxAge").asInt())
                    : OptionalInt.empty(),
                cors.path("AllowCredentials").asBoolean(false)));
      }
    }
    return Optional.empty();
  }

  /** A list, or a {@code !Ref} to a (comma-delimited) parameter, resolved to its default. */
  private static List<String> list(SamTemplate template, JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else if (node.isTextual()) {
      String text = template.parameterDefault(node.asText()).orElse(node.asText());
      Arrays.stream(text.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .forEach(values::add);
    }
    return List.copyOf(values);
  }

  public static boolean isPreflight(String method, Map<String, List<String>> headers) {
    return "OPTIONS".equals(method)
        && first(headers, "origin").isPresent()
        && first(headers, "access-control-request-method").isPresent();
  }

  /** Headers of the answer to a preflight request (none when the origin is not allowed). */
  public Map<String, String> preflightHeaders(Map<String, List<String>> requestHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    Optional<String> origin = first(requestHeaders, "origin").flatMap(this::allowedOrigin);
    if (origin.isEmpty()) {
      return headers;
    }
    headers.put("access-control-allow-origin", origin.get());
    if (!allowMethods.isEmpty()) {
      headers.put(
          "access-control-allow-methods",
          allowMethods.contains("*")
              ? first(requestHeaders, "access-control-request-method").orElse("*")
              : String.join(",", allowMethods));
    }
    if (!allowHeaders.isEmpty()) {
      headers.put(
          "access-control-allow-headers",
          allowHeaders.contains("*")
              ? first(requestHeaders, "access-control-request-headers").orElse("*")
              : String.join(",", allowHeaders));
    }
    maxAgeSeconds.ifPresent(age -> headers.put("access-control-max-age", Integer.toString(age)));
    if (allowCredentials) {
      headers.put("access-control-allow-credentials", "true");
    }
    return headers;
  }

  /** Headers added to an ordinary response (none when the request has no allowed origin). */
  public Map<String, String> responseHeaders(Map<String, List<String>> requestHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    first(requestHeaders, "origin")
        .flatMap(this::allowedOrigin)
        .ifPresent(
            origin -> {
              headers.put("access-control-allow-origin", origin);
              if (!exposeHeaders.isEmpty()) {
                headers.put("access-control-expose-headers", String.join(",", exposeHeaders));
              }
              if (allowCredentials) {
                headers.put("access-control-allow-credentials", "true");
              }
            });
    return headers;
  }

  private Optional<String> allowedOrigin(String origin) {
    if (allowOrigins.contains("*")) {
      return Optional.of(allowCredentials ? origin : "*");
    }
    return allowOrigins.stream()
        .filter(o -> o.equalsIgnoreCase(origin))
        .findFirst()
        .map(o -> origin);
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
