package cn.gov.liuyang.bizenv.report.infrastructure;

/** Sort keys of the reports table: zero-padded versions, so they sort as numbers. */
final class ReportsTableKeys {
  static final String VERSION_PREFIX = "V#";

  private ReportsTableKeys() {}

  static String versionKey(int version) {
    return VERSION_PREFIX + "%06d".formatted(version);
  }
}
