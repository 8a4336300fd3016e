package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.Env;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paging tokens ({@code nextCursor}) that clients hand back but cannot forge: the adapter's opaque
 * position, followed by an HMAC-SHA256 (128 bits) over it and the route it was issued for. The key
 * comes from {@code PAGING_TOKEN_KEY} (template.yaml's {@code PagingTokenKey}, at least 32
 * characters); without one (tests, the local stack) a fixed local key is used, which is no secret,
 * so a deployment must set it.
 */
public final class PagingTokens {
  /** The environment variable that carries the key. */
  public static final String KEY_VARIABLE = "PAGING_TOKEN_KEY";

  static final String LOCAL_KEY = "local-development-paging-token-key (not for deployment)";
  static final String INVALID_MESSAGE = "翻页标记无效，请从第一页重新查询";
  private static final int MIN_KEY_LENGTH = 32;
  private static final int MAX_TOKEN_LENGTH = 600;
  private static final int MAC_BYTES = 16;
  private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7e]{1,560}\\.[A-Za-z0-9_-]{22}");

  private final byte[] key;

  public PagingTokens(String key) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /** With the key from the environment, or the local key where none of 32 characters is set. */
  public static PagingTokens fromEnvironment() {
    return new PagingTokens(
        Env.optional(KEY_VARIABLE).filter(k -> k.length() >= MIN_KEY_LENGTH).orElse(LOCAL_KEY));
  }

  /** The token to give the client for {@code position} (base64url text) on {@code route}. */
  public String seal(String route, String position) {
    return position
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(route, position));
  }

  /**
   * The position inside {@code token} if this service issued it for {@code route}; otherwise 400
   * {@code CURSOR_INVALID} with the field {@code cursor}.
   */
  public String open(String route, String token) {
    return verified(route, token).orElseThrow(PagingTokens::invalid);
  }

  /** 400 {@code CURSOR_INVALID} with the field {@code cursor}. */
  public static ApiProblem invalid() {
    return new ApiProblem(
        400,
        "CURSOR_INVALID",
        INVALID_MESSAGE,
        List.of(new FieldError("cursor", "CURSOR_INVALID", INVALID_MESSAGE)),
        Map.of());
  }

  /** {@code ?cursor=} opened, when given. */
  public Optional<String> openQuery(HttpApiEvent event, String route) {
    return event.queryParameter("cursor").map(token -> open(route, token));
  }

  private Optional<String> verified(String route, String token) {
    if (token.length() > MAX_TOKEN_LENGTH || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    int dot = token.lastIndexOf('.');
    String position = token.substring(0, dot);
    byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    return MessageDigest.isEqual(given, mac(route, position))
        ? Optional.of(position)
        : Optional.empty();
  }

  private byte[] mac(String route, String position) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(route.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Arrays.copyOf(mac.doFinal(position.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
