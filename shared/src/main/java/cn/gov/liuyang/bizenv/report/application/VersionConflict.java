package cn.gov.liuyang.bizenv.report.application;

/** Another request took the version number this one was about to write; nothing was written. */
public final class VersionConflict extends RuntimeException {
  public VersionConflict(String what) {
    super(what);
  }
}
