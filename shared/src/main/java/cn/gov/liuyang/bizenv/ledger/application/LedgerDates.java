package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates clerks write in a ledger: Excel dates (serial day numbers, 1900 date system),
 * 2023/3/5, 2023-03-05, 2023.3.5, 2023年3月5日, 20230305, with or without a time after them, two-digit
 * years (23.3.5), and a month and day alone (3月5日, 3/5), which belong to the ledger's year.
 */
public final class LedgerDates {
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  /** year, month, day with any of the usual separators, then anything (a time) */
  private static final Pattern FULL =
      Pattern.compile(
          "((?:19|20)?\\d{2})\\s*[-/.．年]\\s*(\\d{1,2})\\s*[-/.．月]\\s*(\\d{1,2})\\s*[日号]?(?:[\\sT].*)?");

  private static final Pattern COMPACT = Pattern.compile("((?:19|20)\\d{2})(\\d{2})(\\d{2})");

  private static final Pattern MONTH_DAY =
      Pattern.compile("(\\d{1,2})\\s*[-/.．月]\\s*(\\d{1,2})\\s*[日号]?(?:\\s.*)?");

  private LedgerDates() {}

  /**
   * The date a cell holds, or empty when it holds none that can be read with certainty.
   *
   * @param year the ledger's year, for a month and day written without one
   */
  public static Optional<LocalDate> parse(RawCell cell, int year) {
    if (cell.kind() == RawCell.Kind.NUMBER) {
      return ofNumber(cell.text());
    }
    if (cell.kind() != RawCell.Kind.TEXT) {
      return Optional.empty();
    }
    return parse(cell.text(), year);
  }

  static Optional<LocalDate> parse(String raw, int year) {
    String text =
        raw.strip()
            .replace('／', '/')
            .replace('－', '-')
            .replace('—', '-')
            .replace('。', '.')
            .replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    text = toHalfWidthDigits(text);
    Matcher m = COMPACT.matcher(text);
    if (m.matches()) {
      return date(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
    }
    m = FULL.matcher(text);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      if (m.group(1).length() == 2) {
        y += 2000;
      } else if (m.group(1).length() != 4) {
        return Optional.empty();
      }
      return date(y, m.group(2), m.group(3));
    }
    m = MONTH_DAY.matcher(text);
    if (m.matches()) {
      // a month and day (3月5日, 3/5, 3.5 typed as text): the ledger's year
      return date(year, m.group(1), m.group(2));
    }
    if (text.matches("\\d{5}(?:\\.\\d+)?")) {
      // a serial day number stored as text (pasted from another system)
      return ofNumber(text);
    }
    return Optional.empty();
  }

  /** An Excel serial day number (1900 date system), or a yyyymmdd number typed as a number. */
  static Optional<LocalDate> ofNumber(String digits) {
    BigDecimal value;
    try {
      value = new BigDecimal(digits.strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (value.signum() <= 0) {
      return Optional.empty();
    }
    long whole = value.longValue();
    if (whole >= 19000101 && whole <= 21001231 && value.scale() <= 0) {
      return parse(Long.toString(whole), 0);
    }
    // 1900-03-01 onwards (serial 61) to 2100: Excel's fictitious 1900-02-29 lies before any ledger
    if (whole < 61 || whole > 73_415) {
      return Optional.empty();
    }
    return Optional.of(EXCEL_EPOCH.plusDays(whole));
  }

  private static Optional<LocalDate> date(int year, String month, String day) {
    try {
      return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String toHalfWidthDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
    }
    return out.toString();
  }
}
