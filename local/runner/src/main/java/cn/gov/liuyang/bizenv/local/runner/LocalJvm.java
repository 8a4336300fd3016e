package cn.gov.liuyang.bizenv.local.runner;

/** JVM-wide settings every local command needs before any SDK client exists. */
public final class LocalJvm {
  private LocalJvm() {}

  /** S3Proxy 2.6 does not understand the SDK's default checksum trailers. */
  public static void prepare() {
    System.setProperty("aws.requestChecksumCalculation", "when_required");
    System.setProperty("aws.responseChecksumValidation", "when_required");
  }
}
