package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the report writes figures. In sentences as the seed does: 万元 with one decimal and no trailing
 * zero ({@code 184.9}, {@code 11}), percentages with at most two decimals ({@code 91.67%}, {@code
 * 100%}). In table columns every figure has the same decimals: 万元 one ({@code 11.0}), percentages
 * two ({@code 100.00%}).
 */
public final class Figures {
  private Figures() {}

  /** 1,849,000.00 元 → {@code 184.9}; 50,000 元 → {@code 5}; 110,000 元 → {@code 11}. */
  public static String wanYuan(Money amount) {
    return plain(amount.toWanYuan(1));
  }

  /** Always one decimal, for table columns that line up: {@code 5.0}. */
  public static String wanYuanFixed(Money amount) {
    return amount.toWanYuan(1).toPlainString();
  }

  /** A percentage with at most two decimals: {@code 91.67%}, {@code 100%}. */
  public static String percent(BigDecimal percent) {
    return plain(percent.setScale(2, RoundingMode.HALF_UP)) + "%";
  }

  /**
   * A percentage with exactly two decimals, for table columns, where every figure of a column has
   * the same number of decimals: {@code 0.80%}, {@code 19.79%}, {@code 100.00%}, {@code -37.50%}.
   */
  public static String percentFixed(BigDecimal percent) {
    return percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A score with at most one decimal: {@code 99}, {@code 3.5}. */
  public static String score(BigDecimal score) {
    return plain(score.setScale(1, RoundingMode.HALF_UP));
  }

  /** {@code 4.0} and {@code 4} as the same value ({@code 4}), so equal sets compare equal. */
  public static BigDecimal normalised(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
