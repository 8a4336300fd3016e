package cn.gov.liuyang.bizenv.common;

import java.util.Optional;

/** A budget year (预算年度), 1 January to 31 December. */
public record FiscalYear(int value) implements Comparable<FiscalYear> {
  public FiscalYear {
    if (value < 2000 || value > 2100) {
      throw new IllegalArgumentException("fiscal year out of range: " + value);
    }
  }

  public static Optional<FiscalYear> parse(String text) {
    try {
      int year = Integer.parseInt(text.strip());
      return year >= 2000 && year <= 2100 ? Optional.of(new FiscalYear(year)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
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
