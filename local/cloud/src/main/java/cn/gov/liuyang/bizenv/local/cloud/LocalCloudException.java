package cn.gov.liuyang.bizenv.local.cloud;

/** A local emulator could not start or be used; the message says what to do, in one line. */
public class LocalCloudException extends RuntimeException {
  public LocalCloudException(String message) {
    super(message);
  }

  public LocalCloudException(String message, Throwable cause) {
    super(message, cause);
  }
}
