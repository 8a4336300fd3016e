package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Optional;

/**
 * One complaint in full for an officer ({@link ShowComplaint}), its personal data recorded in the
 * audit trail as read by them before it is returned ({@link PersonalDataAudit}).
 */
public final class ShowCaseToOfficer {
  private final ShowComplaint show;
  private final PersonalDataAudit audit;

  public ShowCaseToOfficer(ShowComplaint show, PersonalDataAudit audit) {
    this.show = show;
    this.audit = audit;
  }

  /** The complaint with this number, once its read is recorded; empty when there is none. */
  public Optional<Complaint> show(TrackingNumber number, Officer officer) {
    Optional<Complaint> complaint = show.show(number);
    complaint.ifPresent(c -> audit.shown(c, officer, PersonalDataRead.Purpose.VIEW_CASE));
    return complaint;
  }
}
