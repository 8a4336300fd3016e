package cn.gov.liuyang.bizenv.complaint.model;

/** The kinds of step a complaint's history records. */
public enum StepAction {
  FILE("提交"),
  ACCEPT("受理"),
  REFUSE("不予受理"),
  TRANSFER("转办"),
  FOLLOW_UP("督办"),
  MEETING("多方联动会议"),
  CLOSE("办结"),
  REVISIT("回访"),
  FEEDBACK("评价"),
  ATTACH("补充材料");

  private final String label;

  StepAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Taken by an officer, as opposed to the complainant's filing, rating and attaching. */
  public boolean byOfficer() {
    return this != FILE && this != FEEDBACK && this != ATTACH;
  }
}
