package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland China mobile number: 11 digits starting 13–19. */
public record MobileNumber(String value) {
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  public MobileNumber {
    if (value == null || !MOBILE.matcher(value).matches()) {
      throw new IllegalArgumentException("not a mainland mobile number");
    }
  }

  /** Accepts spaces and hyphens between digits and a leading {@code +86} or {@code 86}. */
  public static Optional<MobileNumber> parse(String text) {
    if (text == null || text.length() > 20) {
      return Optional.empty();
    }
    String digits = text.replaceAll("[\\s\\-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.length() == 13 && digits.startsWith("86")) {
      digits = digits.substring(2);
    }
    return MOBILE.matcher(digits).matches()
        ? Optional.of(new MobileNumber(digits))
        : Optional.empty();
  }

  /** {@code 138****5678}, as Chinese public services show numbers. */
  public String masked() {
    return value.substring(0, 3) + "****" + value.substring(7);
  }

  @Override
  public String toString() {
    return masked();
  }
}
