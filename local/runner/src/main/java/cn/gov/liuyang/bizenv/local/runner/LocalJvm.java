package cn.gov.liuyang.bizenv.local.runner;

/** JVM-wide settings every local command needs before any SDK client or emulator exists. */
final class LocalJvm {
  private LocalJvm() {}

  static void prepare() {
    // S3Proxy 2.6 does not understand the SDK's default checksum trailers.
    System.setProperty("aws.requestChecksumCalculation", "when_required");
    System.setProperty("aws.responseChecksumValidation", "when_required");
    // The emulators' libraries log at INFO; only their problems matter here.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // S3Proxy's file store logs a stack trace when a listing races an upload in progress; the
    // notification poller just lists again.
    System.setProperty("org.slf4j.simpleLogger.log.org.gaul.s3proxy.nio2blob", "off");
  }
}
