package cn.gov.liuyang.bizenv.spending.application;

import java.net.URI;
import java.time.Duration;

/** Where the import leaves its results for finance: the JSON outcome and the findings workbook. */
public interface ResultStore {
  /** Stores the findings workbook (校验结果.xlsx). */
  void putWorkbook(String key, byte[] workbook);

  /**
   * Stores an outcome document (a record of plain values and views) as the JSON file that finance's
   * tools read; how it is written is the adapter's business.
   */
  void putOutcome(String key, Record document);

  /** A short-lived download link that saves the file as {@code fileName}. */
  URI presignDownload(String key, String fileName, Duration ttl);
}
