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
}
