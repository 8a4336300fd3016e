package cn.gov.liuyang.bizenv.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The budget unit (预算单位) that figures and reports belong to, as a short code such as {@code lyyshj}
 * (浏阳市优化营商环境协调事务中心). Lower-case letters, digits and hyphens.
 */
public record UnitId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

  public UnitId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("unit id must match " + SHAPE + ": " + value);
    }
  }

  public static Optional<UnitId> parse(String text) {
    return text != null && SHAPE.matcher(text).matches()
        ? Optional.of(new UnitId(text))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
