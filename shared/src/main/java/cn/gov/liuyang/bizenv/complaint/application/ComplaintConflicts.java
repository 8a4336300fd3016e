package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.StepAction;
import java.util.Map;

/** The problems the workflow answers with, carrying the complaint's current state where useful. */
public final class ComplaintConflicts {
  private ComplaintConflicts() {}

  /** A conflict with the current status, version and allowed actions, so the client can refresh. */
  public static Refusal conflict(String code, String message, Complaint current) {
    return Refusal.conflict(
        code,
        message,
        Map.of(
            "currentStatus", current.status().name(),
            "currentStatusLabel", current.status().label(),
            "version", current.version(),
            "allowedActions", current.allowedActions().stream().map(StepAction::name).toList()));
  }
}
