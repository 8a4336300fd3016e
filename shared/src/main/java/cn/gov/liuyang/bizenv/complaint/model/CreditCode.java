package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character
 * alphabet, the last one a check character over the first 17 (weights 3^i mod 31).
 */
public record CreditCode(String value) {
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  public CreditCode {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a unified social credit code");
    }
  }

  /** Upper-cases and trims; empty unless the characters and the check character are right. */
  public static Optional<CreditCode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String candidate = text.strip().toUpperCase(Locale.ROOT);
    return isValid(candidate) ? Optional.of(new CreditCode(candidate)) : Optional.empty();
  }

  static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = ALPHABET.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == ALPHABET.charAt(check);
  }

  /** Shows only the region and the check character: {@code 914403**********6T}. */
  public String masked() {
    return value.substring(0, 6) + "*".repeat(10) + value.substring(16);
  }

  @Override
  public String toString() {
    return masked();
  }
}
