package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Optional;

/**
 * One complaint in full, for officers, with its deadline as it stands today: one stored as unknown
 * is counted again on the calendars in force.
 */
public record ShowComplaint(Complaints complaints, Deadlines deadlines) {

  /** The complaint with this number; empty when there is none. */
  public Optional<Complaint> show(TrackingNumber number) {
    return complaints.find(number).map(c -> c.withDeadlineResolved(deadlines));
  }
}
