package cn.gov.liuyang.bizenv.local.runner.gateway;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.LocalAws;
import cn.gov.liuyang.bizenv.local.runner.auth.VerifiedJwt;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the event API Gateway's HTTP API sends to Lambda, payload format 2.0, with its fields in
 * AWS's order; absent parts (query, cookies, body, path parameters) are left out, as AWS does.
 */
final class PayloadV2Events {
  static final String API_ID = "localapi";
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private PayloadV2Events() {}

  static ObjectNode build(
      GatewayRequest request,
      RouteTable.Match match,
      Optional<VerifiedJwt> jwt,
      String requestId,
      Instant now) {
    ObjectNode event = Json.mapper().createObjectNode();
    String routeKey = match.route().routeKey();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQuery());
    List<String> cookies = cookies(request.headers());
    if (!cookies.isEmpty()) {
      ArrayNode array = event.putArray("cookies");
      cookies.forEach(array::add);
    }
    ObjectNode headers = event.putObject("headers");
    headersAsApiGatewayForwardsThem(request).forEach(headers::put);
    Map<String, String> query = queryParameters(request.rawQuery());
    if (!query.isEmpty()) {
      ObjectNode parameters = event.putObject("queryStringParameters");
      query.forEach(parameters::put);
    }

    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", LocalAws.ACCOUNT_ID);
    context.put("apiId", API_ID);
    jwt.ifPresent(
        verified -> {
          ObjectNode jwtNode = context.putObject("authorizer").putObject("jwt");
          ObjectNode claims = jwtNode.putObject("claims");
          verified.claims().forEach(claims::put);
          if (verified.scopes() == null) {
            jwtNode.putNull("scopes");
          } else {
            ArrayNode scopes = jwtNode.putArray("scopes");
            verified.scopes().forEach(scopes::add);
          }
        });
    String domainName = request.header("host").orElse("127.0.0.1");
    context.put("domainName", domainName);
    context.put("domainPrefix", domainName.split("[.:]")[0]);
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", request.header("user-agent").orElse(""));
    context.put("requestId", requestId);
    context.put("routeKey", routeKey);
    context.put("stage", "$default");
    context.put("time", REQUEST_TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());

    if (request.body().length > 0) {
      boolean text = isText(request.header("content-type"));
      event.put(
          "body",
          text
              ? new String(request.body(), StandardCharsets.UTF_8)
              : Base64.getEncoder().encodeToString(request.body()));
      event.put("isBase64Encoded", !text);
    } else {
      event.put("isBase64Encoded", false);
    }
    if (!match.pathParameters().isEmpty()) {
      ObjectNode parameters = event.putObject("pathParameters");
      match.pathParameters().forEach(parameters::put);
    }
    return event;
  }

  /**
   * Lower-cased names, repeated headers comma-joined, cookies moved out, forwarding headers added.
   */
  private static Map<String, String> headersAsApiGatewayForwardsThem(GatewayRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
              }
            });
    headers.putIfAbsent("x-forwarded-for", request.sourceIp());
    headers.putIfAbsent("x-forwarded-proto", "http");
    String host = request.header("host").orElse("");
    int colon = host.lastIndexOf(':');
    headers.putIfAbsent("x-forwarded-port", colon < 0 ? "80" : host.substring(colon + 1));
    return headers;
  }

  private static List<String> cookies(Map<String, List<String>> headers) {
    List<String> cookies = new ArrayList<>();
    for (String header : headers.getOrDefault("cookie", List.of())) {
      for (String cookie : header.split(";")) {
        if (!cookie.isBlank()) {
          cookies.add(cookie.trim());
        }
      }
    }
    return cookies;
  }

  /** Decoded parameters; a repeated name gets its values comma-joined, as HTTP APIs do. */
  static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.merge(name, value, (first, next) -> first + "," + next);
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** Bodies of these types reach the function as text; anything else (or untyped) as base64. */
  static boolean isText(Optional<String> contentType) {
    if (contentType.isEmpty()) {
      return false;
    }
    String type = contentType.get().split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.equals("application/json")
        || type.endsWith("+json")
        || type.equals("application/xml")
        || type.endsWith("+xml")
        || type.equals("application/javascript");
  }
}
