package cn.gov.liuyang.bizenv.spending.application;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the amounts clerks type: plain or with thousands separators, as numbers or as text. */
final class Amounts {
  // Excel keeps 15 significant digits; a stored 3.8999999999999999 is the 3.9 the clerk typed.
  private static final MathContext EXCEL_PRECISION = new MathContext(15);
  private static final Pattern PLAIN = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
  private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern PARENTHESISED = Pattern.compile("[（(](.+)[)）]");

  private Amounts() {}

  /** The cell's amount, or empty when its text is not a number. */
  static Optional<BigDecimal> parse(RawCell cell) {
    if (cell.kind() == RawCell.Kind.NUMBER) {
      BigDecimal plain = plainCents(cell.text());
      if (plain != null) {
        return Optional.of(plain);
      }
      try {
        return Optional.of(new BigDecimal(cell.text()).round(EXCEL_PRECISION).stripTrailingZeros());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    String text =
        cell.text()
            .strip()
            .replace('，', ',')
            .replace('．', '.')
            .replace(" ", "")
            .replace("\u00a0", "");
    boolean negative = false;
    var parenthesised = PARENTHESISED.matcher(text);
    if (parenthesised.matches()) {
      // accountants write negative amounts as (1,234.00)
      negative = true;
      text = parenthesised.group(1);
    }
    if (text.equals("-") || text.equals("—") || text.equals("－")) {
      return Optional.of(BigDecimal.ZERO);
    }
    if (GROUPED.matcher(text).matches()) {
      text = text.replace(",", "");
    } else if (!PLAIN.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(text).stripTrailingZeros();
    return Optional.of(negative ? value.negate() : value);
  }

  /**
   * The fast path for what nearly every amount cell stores: an optional minus, at most 15 digits
   * (so Excel's 15-digit rounding cannot change it) and at most two decimals. Numerically the same
   * as the general path, without parsing through BigDecimal's string constructor and rounding; null
   * for anything else.
   */
  private static BigDecimal plainCents(String text) {
    int length = text.length();
    int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    long unscaled = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return null;
      }
    }
    if (digits == 0 || digits > 15 || decimals == 0 || decimals > 2) {
      return null;
    }
    long signed = text.charAt(0) == '-' ? -unscaled : unscaled;
    return BigDecimal.valueOf(signed, Math.max(decimals, 0));
  }
}
