package cn.gov.liuyang.bizenv.report.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Where report PDFs are kept privately, handed out only through short-lived links. */
public interface ReportStore {

  void put(String objectKey, byte[] pdf, String fileName);

  /** A link that downloads the PDF under {@code fileName} until it expires. */
  DownloadLink link(String objectKey, String fileName, Duration validFor);

  record DownloadLink(URI url, Instant expiresAt) {}
}
