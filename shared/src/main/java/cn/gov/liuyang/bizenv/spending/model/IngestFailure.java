package cn.gov.liuyang.bizenv.spending.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an upload's import could not finish, recorded when its last delivery failed: a stable code
 * for programs and a Chinese explanation for staff, saying what they can do.
 *
 * @param attempts how many deliveries of the upload's message were tried
 */
public record IngestFailure(String code, String message, Instant at, int attempts) {
  /** The code of an import whose every delivery failed. */
  public static final String INGEST_FAILED = "INGEST_FAILED";

  public IngestFailure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }

  /** The upload's last delivery failed too: nothing of it is in force, and this is what to do. */
  public static IngestFailure afterLastDelivery(Instant at, int attempts) {
    return new IngestFailure(
        INGEST_FAILED,
        "系统连续 "
            + attempts
            + " 次处理这份文件均未能完成（不是文件内容的问题），本次上传的数据没有生效，原有数据不受影响。"
            + "请稍后重新上传；如再次失败，请联系信息中心并提供提交编号。",
        at,
        attempts);
  }
}
