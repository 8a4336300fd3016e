package cn.gov.liuyang.bizenv.complaint.model;

/** Where a complaint stands in its lifecycle (受理 → 转办 → 办结 → 回访). */
public enum ComplaintStatus {
  RECEIVED("待受理", false),
  ACCEPTED("已受理", false),
  REFUSED("不予受理", true),
  IN_PROGRESS("办理中", false),
  CLOSED("已办结", true),
  REVISITED("已回访", true);

  private final String label;
  private final boolean finished;

  ComplaintStatus(String label, boolean finished) {
    this.label = label;
    this.finished = finished;
  }

  public String label() {
    return label;
  }

  /** No more handling is due: refused, closed or closed and revisited. */
  public boolean finished() {
    return finished;
  }
}
