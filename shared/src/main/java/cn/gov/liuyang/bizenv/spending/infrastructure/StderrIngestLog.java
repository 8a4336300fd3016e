package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.IngestLog;

/** One JSON line on standard error, which Lambda sends to CloudWatch Logs. */
public final class StderrIngestLog implements IngestLog {
  @Override
  public void unforeseen(String submissionId, RuntimeException failure) {
    System.err.printf(
        "{\"level\":\"ERROR\",\"submission\":\"%s\",\"error\":\"%s\",\"at\":\"%s\"}%n",
        submissionId,
        failure.getClass().getName(),
        failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : "?");
  }
}
