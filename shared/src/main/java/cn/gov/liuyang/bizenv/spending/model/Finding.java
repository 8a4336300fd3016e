package cn.gov.liuyang.bizenv.spending.model;

import java.util.Objects;

/**
 * One thing wrong with a workbook, located so that finance can find and fix it.
 *
 * @param sheet the sheet name, or empty when the finding is about the whole file
 * @param row the 1-based row number as Excel shows it, or 0 when not about one row
 * @param column the column heading (or letter) concerned, or empty
 * @param value the cell's text as read, or empty
 * @param message what is wrong and how to fix it, in Chinese
 */
public record Finding(
    FindingCode code, String sheet, int row, String column, String value, String message) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    sheet = sheet == null ? "" : sheet;
    column = column == null ? "" : column;
    value = value == null ? "" : value;
  }

  /** A finding about the whole file or workbook. */
  public static Finding ofFile(FindingCode code, String message) {
    return new Finding(code, "", 0, "", "", message);
  }
}
