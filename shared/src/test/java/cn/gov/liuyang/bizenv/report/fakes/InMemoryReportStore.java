package cn.gov.liuyang.bizenv.report.fakes;

import cn.gov.liuyang.bizenv.report.application.ReportStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** PDFs in memory, with links that name the key, for use-case tests. */
public final class InMemoryReportStore implements ReportStore {
  private final Map<String, byte[]> objects = new LinkedHashMap<>();
  private final Instant now;

  public InMemoryReportStore(Instant now) {
    this.now = now;
  }

  @Override
  public synchronized void put(String objectKey, byte[] pdf, String fileName) {
    objects.put(objectKey, pdf.clone());
  }

  @Override
  public DownloadLink link(String objectKey, String fileName, Duration validFor) {
    return new DownloadLink(URI.create("https://reports.example/" + objectKey), now.plus(validFor));
  }

  public synchronized Map<String, byte[]> objects() {
    return Map.copyOf(objects);
  }
}
