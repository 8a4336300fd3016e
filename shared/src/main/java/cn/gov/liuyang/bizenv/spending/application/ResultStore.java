package cn.gov.liuyang.bizenv.spending.application;

import java.net.URI;
import java.time.Duration;

/** Where the import leaves its results for finance: the JSON outcome and the findings workbook. */
public interface ResultStore {
  void put(String key, byte[] content, String contentType);

  /** A short-lived download link that saves the file as {@code fileName}. */
  URI presignDownload(String key, String fileName, Duration ttl);
}
