package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.spending.application.IngestLog;

/** One JSON line on standard error ({@link Log}), which Lambda sends to CloudWatch Logs. */
public final class StderrIngestLog implements IngestLog {
  @Override
  public void unforeseen(String submissionId, RuntimeException failure) {
    Log.error(
        "unforeseen failure while reading an upload",
        "submission",
        submissionId,
        "failure",
        Log.failure(failure));
  }
}
