package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Feedback;
import cn.gov.liuyang.bizenv.complaint.model.TransitionNotAllowed;
import java.time.Clock;
import java.util.Optional;

/** The complainant rates a closed case, once (结果满意度、服务满意度). */
public final class RateComplaint {
  private final Complaints complaints;
  private final FindComplaintForComplainant find;
  private final Clock clock;

  public RateComplaint(Complaints complaints, Deadlines deadlines, Clock clock) {
    this.complaints = complaints;
    this.find = new FindComplaintForComplainant(complaints, deadlines);
    this.clock = clock;
  }

  public Complaint rate(
      String trackingNumber,
      Optional<String> token,
      boolean satisfiedWithResult,
      boolean satisfiedWithService,
      Optional<String> comment) {
    Complaint current = find.find(trackingNumber, token);
    Complaint rated;
    try {
      rated =
          current.rate(
              new Feedback(satisfiedWithResult, satisfiedWithService, comment, clock.instant()));
    } catch (TransitionNotAllowed notYet) {
      throw ComplaintConflicts.conflict(
          current.feedback().isPresent() ? "ALREADY_RATED" : "NOT_CLOSED_YET",
          current.feedback().isPresent() ? "您已评价过该投诉" : "投诉办结后才能评价",
          current);
    }
    if (!complaints.update(current, rated)) {
      Complaint now = find.find(trackingNumber, token);
      throw ComplaintConflicts.conflict("VERSION_CONFLICT", "该投诉刚有更新，请刷新后再评价", now);
    }
    return rated;
  }
}
