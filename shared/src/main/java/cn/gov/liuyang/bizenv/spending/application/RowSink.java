package cn.gov.liuyang.bizenv.spending.application;

import java.util.List;

/** Receives a workbook's rows, sheet by sheet, as a spreadsheet reader streams them. */
public interface RowSink {
  void startSheet(String name);

  /**
   * One non-empty row.
   *
   * @param number the 1-based row number as Excel shows it
   * @param cells by column, from column A; trailing blanks may be missing
   */
  void row(int number, List<RawCell> cells);

  /** False once the sink has seen enough (e.g. too many rows); the reader then stops early. */
  boolean wantsMore();
}
