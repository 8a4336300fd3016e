package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a complainant gets with the tracking number; with both they can follow the case. Only
 * its {@link #hash()} is stored.
 */
public record AccessToken(String value) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  public AccessToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("access token is blank");
    }
  }

  /** 256 random bits, URL-safe base64. */
  public static AccessToken random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new AccessToken(ENCODER.encodeToString(bytes));
  }

  /**
   * The same token again for the same retried submission: an HMAC of the client's idempotency key
   * under a random per-submission salt. The salt alone does not give the token; the key is not
   * stored.
   */
  public static AccessToken derive(byte[] salt, String idempotencyKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return new AccessToken(
          ENCODER.encodeToString(mac.doFinal(idempotencyKey.getBytes(StandardCharsets.UTF_8))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  public Hash hash() {
    return new Hash(sha256Hex(value));
  }

  /** Never print the token itself. */
  @Override
  public String toString() {
    return "AccessToken[***]";
  }

  static String sha256Hex(String text) {
    return Sha256.hex(text);
  }

  /** SHA-256 of a token, hex; what the complaint record keeps. */
  public record Hash(String hex) {
    /** Compares in constant time, so response times do not reveal how much of a guess was right. */
    public boolean matches(String presentedToken) {
      byte[] presented =
          sha256Hex(presentedToken == null ? "" : presentedToken).getBytes(StandardCharsets.UTF_8);
      return MessageDigest.isEqual(presented, hex.getBytes(StandardCharsets.UTF_8));
    }
  }
}
