package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Optional;

/**
 * Finds a complaint for whoever holds its tracking number and access token. Every failure (bad
 * number, unknown number, missing or wrong token) is the same 404, so nothing is learnt by
 * guessing. The deadline is as it stands today: one stored as unknown is counted again on the
 * calendars in force.
 */
public final class FindComplaintForComplainant {
  private static final AccessToken.Hash NOBODY = AccessToken.random().hash();

  private final Complaints complaints;
  private final Deadlines deadlines;

  /**
   * @param deadlines the calendars and limits a deadline stored as unknown is counted on again
   */
  public FindComplaintForComplainant(Complaints complaints, Deadlines deadlines) {
    this.complaints = complaints;
    this.deadlines = deadlines;
  }

  public Complaint find(String trackingNumber, Optional<String> token) {
    Optional<Complaint> complaint = TrackingNumber.parse(trackingNumber).flatMap(complaints::find);
    String presented = token.orElse("");
    // Compare against a throw-away hash when there is no complaint, so timing is the same.
    boolean matches =
        complaint.map(Complaint::accessTokenHash).orElse(NOBODY).matches(presented)
            && complaint.isPresent()
            && token.isPresent();
    if (!matches) {
      throw notFound();
    }
    return complaint.get().withDeadlineResolved(deadlines);
  }

  public static Refusal notFound() {
    return Refusal.notFound("COMPLAINT_NOT_FOUND", "查询不到该投诉：请核对受理编号和查询码");
  }
}
