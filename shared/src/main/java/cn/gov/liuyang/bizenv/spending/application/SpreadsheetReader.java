package cn.gov.liuyang.bizenv.spending.application;

import java.nio.file.Path;

/** Streams the rows of a spreadsheet file into a sink without holding the whole sheet in memory. */
public interface SpreadsheetReader {
  /**
   * Reads {@code file}.
   *
   * @throws UnreadableWorkbook when the file is not a spreadsheet this reader can safely read
   */
  void read(Path file, RowSink sink);
}
