package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The unit a sheet states its amounts in: 元 or 万元. */
enum AmountUnit {
  YUAN("元"),
  WAN_YUAN("万元");

  private static final Pattern UNIT_LINE = Pattern.compile("单位\\s*[:：]\\s*(人民币)?(万元|元)");
  private static final Pattern IN_BRACKETS = Pattern.compile("[（(]\\s*(万元|元)\\s*[)）]");

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private final String label;

  AmountUnit(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Exact conversion; throws {@link ArithmeticException} for amounts finer than 分. */
  Money toMoney(BigDecimal amount) {
    try {
      return this == WAN_YUAN ? Money.ofWanYuan(amount) : Money.ofYuan(amount);
    } catch (IllegalArgumentException tooPrecise) {
      throw new ArithmeticException(tooPrecise.getMessage());
    }
  }

  /** The amount as written in this unit, without the unit: "184.9" (万元), "1849000.00" (元). */
  String plain(Money money) {
    return this == WAN_YUAN
        ? money.yuan().divide(TEN_THOUSAND).stripTrailingZeros().toPlainString()
        : money.yuan().toPlainString();
  }

  /**
   * The amount as a clerk reads it on a sheet in this unit, with 元 beside 万元: "184.9 万元（1849000.00
   * 元）", "1849000.00 元".
   */
  String quote(Money money) {
    return this == WAN_YUAN
        ? plain(money) + " 万元（" + money.yuan().toPlainString() + " 元）"
        : money.yuan().toPlainString() + " 元";
  }

  /** The unit a line such as {@code 单位：万元} states. */
  static Optional<AmountUnit> ofUnitLine(String text) {
    Matcher m = UNIT_LINE.matcher(text);
    return m.find() ? Optional.of(of(m.group(2))) : Optional.empty();
  }

  /** The unit a heading such as {@code 执行数（万元）} states. */
  static Optional<AmountUnit> ofHeading(String text) {
    Matcher m = IN_BRACKETS.matcher(text);
    return m.find() ? Optional.of(of(m.group(1))) : Optional.empty();
  }

  private static AmountUnit of(String label) {
    return label.equals("万元") ? WAN_YUAN : YUAN;
  }
}
