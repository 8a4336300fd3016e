package cn.gov.liuyang.bizenv.spending.model;

/** What finance asked of an upload: to import it, or only to check it (预检). */
public enum SubmissionKind {
  /** accepted figures become the year's figures at once */
  IMPORT("导入"),
  /** validated and compared with the figures in force; they change only when staff adopt it */
  CHECK("预检");

  private final String label;

  SubmissionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
