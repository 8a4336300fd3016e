package cn.gov.liuyang.bizenv.complaint.model;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The number a complainant reads out on the phone, e.g. {@code K7M-Q4X-T9H}: eight random
 * characters and a check character, in three groups of three.
 *
 * <p>The 29 characters leave out 0, 1, I, L, O, U and Z, which are misheard or misread as each
 * other or as 2, so nothing needs to be spelled out. The check character makes the weighted sum
 * {@code Σ (i+1)·v(i)} of all nine characters divisible by 29; because 29 is prime this catches
 * every single wrong character and every swap of two neighbours.
 */
public record TrackingNumber(String value) {
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXY";
  private static final int BASE = ALPHABET.length();
  private static final int PAYLOAD = 8;
  private static final int LENGTH = PAYLOAD + 1;
  private static final int INVERSE_OF_LAST_WEIGHT = 13; // 9 · 13 = 117 ≡ 1 (mod 29)
  private static final RandomGenerator DEFAULT_RANDOM = new SecureRandom();

  public TrackingNumber {
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("not a tracking number");
    }
  }

  /** A fresh random number from a cryptographically strong source. */
  public static TrackingNumber random() {
    return random(DEFAULT_RANDOM);
  }

  public static TrackingNumber random(RandomGenerator random) {
    StringBuilder digits = new StringBuilder(LENGTH);
    for (int i = 0; i < PAYLOAD; i++) {
      digits.append(ALPHABET.charAt(random.nextInt(BASE)));
    }
    digits.append(checkCharacter(digits));
    return new TrackingNumber(digits.toString());
  }

  /**
   * Reads what a person typed: case, spaces and hyphens do not matter; a wrong check character, a
   * wrong length or a character outside the alphabet gives empty.
   */
  public static Optional<TrackingNumber> parse(String text) {
    if (text == null || text.length() > 32) {
      return Optional.empty();
    }
    String compact = text.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    return isWellFormed(compact) ? Optional.of(new TrackingNumber(compact)) : Optional.empty();
  }

  private static boolean isWellFormed(String compact) {
    if (compact == null || compact.length() != LENGTH) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < LENGTH; i++) {
      int v = ALPHABET.indexOf(compact.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += (i + 1) * v;
    }
    return sum % BASE == 0;
  }

  private static char checkCharacter(CharSequence payload) {
    int sum = 0;
    for (int i = 0; i < PAYLOAD; i++) {
      sum += (i + 1) * ALPHABET.indexOf(payload.charAt(i));
    }
    int check = Math.floorMod(-sum * INVERSE_OF_LAST_WEIGHT, BASE);
    return ALPHABET.charAt(check);
  }

  /** Grouped for reading aloud: {@code K7M-Q4X-T9H}. */
  public String display() {
    return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6);
  }

  @Override
  public String toString() {
    return display();
  }
}
