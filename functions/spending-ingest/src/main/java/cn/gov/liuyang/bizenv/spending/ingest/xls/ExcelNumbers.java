package cn.gov.liuyang.bizenv.spending.ingest.xls;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A BIFF number (an IEEE double) as the digits Excel shows for it: at most 15 significant digits,
 * no trailing zeros, no exponent. So 0.1 + 0.2 stored as 0.30000000000000004 reads "0.3", and
 * 1739000.0 reads "1739000", as the xlsx reader reads the digits Excel wrote.
 */
final class ExcelNumbers {
  private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_UP);
  private static final double LONG_EXACT = 1e15;

  private ExcelNumbers() {}

  /** The digits of a finite {@code value}. */
  static String digits(double value) {
    if (value == Math.rint(value) && Math.abs(value) < LONG_EXACT) {
      return Long.toString((long) value);
    }
    // Double.toString is exact enough when it needs no more than 15 digits: any decimal of at
    // most 15 significant digits that reads back as this double is its rounding to 15 digits
    String text = Double.toString(value);
    if (text.indexOf('E') < 0) {
      String stripped = stripTrailingZeros(text);
      if (significantDigits(stripped) <= 15) {
        return stripped;
      }
    }
    return new BigDecimal(value).round(FIFTEEN_DIGITS).stripTrailingZeros().toPlainString();
  }

  private static String stripTrailingZeros(String text) {
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    if (text.charAt(end - 1) == '.') {
      end--;
    }
    return end == text.length() ? text : text.substring(0, end);
  }

  private static int significantDigits(String plain) {
    int digits = 0;
    boolean leading = true;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c >= '1' && c <= '9' || c == '0' && !leading) {
        digits++;
        leading = false;
      }
    }
    return digits;
  }
}
