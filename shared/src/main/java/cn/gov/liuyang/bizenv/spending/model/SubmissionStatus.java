package cn.gov.liuyang.bizenv.spending.model;

/**
 * Where a submission stands. Only {@link #ACCEPTED} ones can become the year's figures. {@link
 * #FAILED} is not a verdict on the workbook: the import could not finish (its last delivery
 * failed), and a redelivery of the same object may still finish it.
 */
public enum SubmissionStatus {
  AWAITING_UPLOAD("待上传"),
  PROCESSING("校验中"),
  ACCEPTED("已通过"),
  REJECTED("未通过"),
  FAILED("处理失败");

  private final String label;

  SubmissionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isFinal() {
    return this == ACCEPTED || this == REJECTED;
  }
}
