package cn.gov.liuyang.bizenv.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An API Gateway HTTP API request, payload format 2.0, as Lambda delivers it. */
public record HttpApiEvent(
    String version,
    String routeKey,
    String rawPath,
    String rawQueryString,
    List<String> cookies,
    Map<String, String> headers,
    Map<String, String> queryStringParameters,
    Map<String, String> pathParameters,
    RequestContext requestContext,
    String body,
    @JsonProperty("isBase64Encoded") boolean base64Encoded) {

  public record RequestContext(
      String accountId,
      String apiId,
      String domainName,
      String requestId,
      String routeKey,
      String stage,
      String time,
      long timeEpoch,
      Http http,
      Authorizer authorizer) {}

  public record Http(
      String method, String path, String protocol, String sourceIp, String userAgent) {}

  public record Authorizer(Jwt jwt) {}

  public record Jwt(Map<String, String> claims, List<String> scopes) {}

  /** Header lookup; HTTP API lower-cases header names. */
  public Optional<String> header(String name) {
    return headers == null
        ? Optional.empty()
        : Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public Optional<String> pathParameter(String name) {
    return pathParameters == null
        ? Optional.empty()
        : Optional.ofNullable(pathParameters.get(name));
  }

  public Optional<String> queryParameter(String name) {
    return queryStringParameters == null
        ? Optional.empty()
        : Optional.ofNullable(queryStringParameters.get(name)).filter(v -> !v.isEmpty());
  }

  /** The body as UTF-8 bytes, decoding base64 when API Gateway encoded it. */
  public byte[] bodyBytes() {
    if (body == null) {
      return new byte[0];
    }
    return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
  }

  /** The JWT claims that API Gateway's authorizer verified, or an empty map on public routes. */
  public Map<String, String> jwtClaims() {
    if (requestContext == null
        || requestContext.authorizer() == null
        || requestContext.authorizer().jwt() == null
        || requestContext.authorizer().jwt().claims() == null) {
      return Map.of();
    }
    return requestContext.authorizer().jwt().claims();
  }

  public String requestId() {
    return requestContext == null ? "" : String.valueOf(requestContext.requestId());
  }
}
