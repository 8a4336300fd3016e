package cn.gov.liuyang.bizenv.complaint.model;

/** One of the working-day limits a case runs under, and the step that starts its clock. */
public enum TimeLimit {
  /** From filing to accepting or refusing (受理). */
  ACCEPT(StepAction.FILE),
  /** From accepting to closing (办结). */
  HANDLE(StepAction.ACCEPT),
  /** From closing to the follow-up call (回访). */
  REVISIT(StepAction.CLOSE);

  private final StepAction startedBy;

  TimeLimit(StepAction startedBy) {
    this.startedBy = startedBy;
  }

  /** The step whose day the working days are counted from. */
  public StepAction startedBy() {
    return startedBy;
  }
}
