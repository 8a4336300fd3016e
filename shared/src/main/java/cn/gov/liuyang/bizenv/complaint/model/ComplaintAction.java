package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Optional;

/** What an officer can do with a complaint; {@link Complaint#apply} decides whether it may. */
public sealed interface ComplaintAction {

  StepAction type();

  /** 受理. */
  record Accept(Optional<String> note) implements ComplaintAction {
    public StepAction type() {
      return StepAction.ACCEPT;
    }
  }

  /** 不予受理, only for a statutory exclusion. */
  record Refuse(RefusalReason reason, Optional<String> note) implements ComplaintAction {
    public StepAction type() {
      return StepAction.REFUSE;
    }
  }

  /** 转办 to the department that must handle it. */
  record Transfer(String department, Optional<String> note) implements ComplaintAction {
    public StepAction type() {
      return StepAction.TRANSFER;
    }
  }

  /** 督办: pressing the department to act. */
  record FollowUp(String note) implements ComplaintAction {
    public StepAction type() {
      return StepAction.FOLLOW_UP;
    }
  }

  /** 多方联动会议. */
  record Meeting(String participants, String summary) implements ComplaintAction {
    public StepAction type() {
      return StepAction.MEETING;
    }
  }

  /**
   * 办结 with the result the complainant will read.
   *
   * @param difficultiesResolved how many of the enterprise's difficulties this solved (for the
   *     report)
   */
  record Close(String result, int difficultiesResolved, Optional<String> note)
      implements ComplaintAction {
    public StepAction type() {
      return StepAction.CLOSE;
    }
  }

  /** 回访: the follow-up call, with what the complainant said about result and service. */
  record Revisit(boolean satisfiedWithResult, boolean satisfiedWithService, Optional<String> note)
      implements ComplaintAction {
    public StepAction type() {
      return StepAction.REVISIT;
    }
  }
}
