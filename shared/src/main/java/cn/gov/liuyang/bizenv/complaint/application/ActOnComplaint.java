package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintAction;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.complaint.model.TransitionNotAllowed;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * An officer's step on a complaint. Two officers acting at once never both win: the write is
 * conditional on the version that was read, and the loser gets 409 with the current state. A
 * missing working-day calendar never blocks a step: its deadline is recorded as unknown and the gap
 * logged for the administrator.
 *
 * @param audit records that the officer is shown the case after the step, with its personal data
 */
public record ActOnComplaint(
    Complaints complaints, Deadlines deadlines, Clock clock, PersonalDataAudit audit) {

  /**
   * @param expectedVersion the version the officer saw, when the client sends it; a newer stored
   *     version is a conflict even if the step would still be allowed
   */
  public Complaint act(
      TrackingNumber number,
      Officer officer,
      ComplaintAction action,
      OptionalLong expectedVersion) {
    Complaint current = current(number);
    if (current.imported()) {
      throw ComplaintConflicts.conflict(
          "IMPORTED_CASE_READ_ONLY",
          "该案件由"
              + current.origin().get().unit()
              + "的台账导入（第 "
              + current.origin().get().row()
              + " 行），只读：请修改台账后重新上传，不能在系统中办理",
          current);
    }
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
      throw ComplaintConflicts.conflict("VERSION_CONFLICT", "该投诉已被他人更新，请刷新后再操作", current);
    }
    Complaint next;
    try {
      next = current.apply(action, officer, clock.instant(), deadlines);
    } catch (TransitionNotAllowed refused) {
      throw ComplaintConflicts.conflict(
          "TRANSITION_NOT_ALLOWED",
          "当前状态“" + current.status().label() + "”下不能进行“" + action.type().label() + "”",
          current);
    }
    if (!complaints.update(current, next)) {
      Complaint winner = current(number);
      throw ComplaintConflicts.conflict("VERSION_CONFLICT", "该投诉刚被他人更新，请刷新后再操作", winner);
    }
    next.deadlineUnknown()
        .ifPresent(
            unknown ->
                System.err.printf(
                    "WARN no working-day calendar for %d: complaint %s %s recorded without"
                        + " deadline%n",
                    unknown.missingCalendarYear(), number, action.type()));
    // the step stands; if its read cannot be recorded the officer is shown nothing (fail closed)
    audit.shown(next, officer, PersonalDataRead.Purpose.ACT_ON_CASE);
    return next;
  }

  /** As stored, with a deadline stored as unknown counted again on the calendars in force. */
  private Complaint current(TrackingNumber number) {
    return complaints
        .find(number)
        .map(c -> c.withDeadlineResolved(deadlines))
        .orElseThrow(ActOnComplaint::notFound);
  }

  static Refusal notFound() {
    return Refusal.notFound("COMPLAINT_NOT_FOUND", "没有这个受理编号的投诉");
  }
}
