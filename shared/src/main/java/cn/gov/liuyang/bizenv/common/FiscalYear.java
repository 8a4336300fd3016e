package cn.gov.liuyang.bizenv.common;

import java.util.Optional;
import java.util.regex.Pattern;

/** A budget year (预算年度), 1 January to 31 December. */
public record FiscalYear(int value) implements Comparable<FiscalYear> {
  private static final Pattern FOUR_ASCII_DIGITS = Pattern.compile("[0-9]{4}");

  public FiscalYear {
    if (value < 2000 || value > 2100) {
      throw new IllegalArgumentException("fiscal year out of range: " + value);
    }
  }

  /**
   * Four ASCII digits, 2000 to 2100, around which spaces are ignored; other digits ({@code ٢٠٢١},
   * {@code ２０２１}) and signs are no year, though {@link Integer#parseInt} would read them.
   */
  public static Optional<FiscalYear> parse(String text) {
    String digits = text.strip();
    if (!FOUR_ASCII_DIGITS.matcher(digits).matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(digits);
    return year >= 2000 && year <= 2100 ? Optional.of(new FiscalYear(year)) : Optional.empty();
  }

  public FiscalYear previous() {
    return new FiscalYear(value - 1);
  }

  @Override
  public int compareTo(FiscalYear other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
