package cn.gov.liuyang.bizenv.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

  /**
   * The body as UTF-8 bytes, decoding base64 when API Gateway encoded it; 400 {@code
   * BODY_MALFORMED} for bad base64 and {@code BODY_ENCODING_INVALID} for a text body that UTF-8
   * cannot carry (a lone surrogate), which is refused rather than turned into {@code ?}.
   */
  public byte[] bodyBytes() {
    if (body == null) {
      return new byte[0];
    }
    if (base64Encoded) {
      try {
        return Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException badBase64) {
        throw JsonReading.structural("BODY_MALFORMED", "请求内容不是合法的 base64 编码");
      }
    }
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(body));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException loneSurrogate) {
      throw JsonReading.encodingInvalid();
    }
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
