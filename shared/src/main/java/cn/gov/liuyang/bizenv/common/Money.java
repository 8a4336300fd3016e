package cn.gov.liuyang.bizenv.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount in 元 with two decimals (分). Never binary floating point. Spreadsheets and reports
 * speak 万元 too: {@link #ofWanYuan} converts exactly, {@link #toWanYuan} rounds half-up to what the
 * report shows.
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  public static final Money ZERO = new Money(BigDecimal.ZERO);

  public Money {
    Objects.requireNonNull(yuan, "yuan");
    if (yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("money has at most two decimals (分): " + yuan);
    }
    yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Money ofYuan(String amount) {
    return new Money(new BigDecimal(amount));
  }

  public static Money ofYuan(BigDecimal amount) {
    return new Money(amount);
  }

  /** 万元 to 元, exactly; an amount finer than 分 is refused rather than rounded. */
  public static Money ofWanYuan(BigDecimal wanYuan) {
    return new Money(wanYuan.multiply(TEN_THOUSAND));
  }

  public static Money ofWanYuan(String wanYuan) {
    return ofWanYuan(new BigDecimal(wanYuan));
  }

  public Money plus(Money other) {
    return new Money(yuan.add(other.yuan));
  }

  public Money minus(Money other) {
    return new Money(yuan.subtract(other.yuan));
  }

  public boolean isNegative() {
    return yuan.signum() < 0;
  }

  public boolean isZero() {
    return yuan.signum() == 0;
  }

  /** In 万元 with {@code decimals} places, half-up: 1,849,000.00 元 → 184.9. */
  public BigDecimal toWanYuan(int decimals) {
    return yuan.divide(TEN_THOUSAND, decimals, RoundingMode.HALF_UP);
  }

  /** This amount as a share of {@code whole}, in percent with {@code decimals} places, half-up. */
  public BigDecimal percentOf(Money whole, int decimals) {
    if (whole.isZero()) {
      throw new ArithmeticException("percentage of a zero amount");
    }
    return yuan.multiply(BigDecimal.valueOf(100))
        .divide(whole.yuan, decimals, RoundingMode.HALF_UP);
  }

  @Override
  public int compareTo(Money other) {
    return yuan.compareTo(other.yuan);
  }

  @Override
  public String toString() {
    return yuan.toPlainString() + " 元";
  }
}
