package cn.gov.liuyang.bizenv.complaint.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Open311's {@code token}: a temporary id for a request filed through Open311, by which the app
 * that filed it can ask for its {@code service_request_id} ({@code GET /open311/v2/tokens/{id}}).
 * It is not a secret and opens nothing: following the case needs the tracking number and the {@link
 * AccessToken}, which is a different value and never travels in a URL.
 *
 * <p>128 random bits, URL-safe base64 (22 characters), so it can never be taken for an access token
 * (43 characters).
 */
public record Open311Token(String value) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final int BYTES = 16;

  public Open311Token {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not an Open311 token");
    }
  }

  public static Open311Token random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new Open311Token(ENCODER.encodeToString(bytes));
  }

  /**
   * The same token again for the same retried submission, like {@link AccessToken#derive}: an HMAC
   * of the idempotency key under the submission's salt, with a label of its own, so it says nothing
   * about the access token derived from the same salt and key.
   */
  public static Open311Token derive(byte[] salt, String idempotencyKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("open311-token\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return new Open311Token(ENCODER.encodeToString(Arrays.copyOf(digest, BYTES)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The token in {@code text}, or empty for text of another shape (an access token among them). */
  public static Optional<Open311Token> parse(String text) {
    return text != null && SHAPE.matcher(text).matches()
        ? Optional.of(new Open311Token(text))
        : Optional.empty();
  }

  /** Not a secret, but no log line carries a token of any kind. */
  @Override
  public String toString() {
    return "Open311Token[***]";
  }
}
