package cn.gov.liuyang.bizenv.spending.application;

import java.nio.file.Path;

/** Streams the rows of a spreadsheet file into a sink without holding the whole sheet in memory. */
public interface SpreadsheetReader {
  /** Rows of all sheets together, blank or not: beyond it the file is not a unit's ledger. */
  int MAX_ROWS = 300_000;

  /**
   * Reads {@code file}.
   *
   * @throws UnreadableWorkbook when the file is not a spreadsheet this reader can safely read
   */
  void read(Path file, RowSink sink);
}
