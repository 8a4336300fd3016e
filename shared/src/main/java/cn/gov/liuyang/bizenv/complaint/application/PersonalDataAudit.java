package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.audit.model.PersonalDataReads;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Records an officer's read of a case's personal data before the case is shown: the complainant's
 * name and phone (when the case is not anonymous) and the attachments (photos and documents, with
 * download links). The enterprise's name and credit code are a legal person's, not personal data. A
 * case with none of these is shown without a record. When the record cannot be written, the
 * exception propagates and nothing is shown (fail closed).
 */
public final class PersonalDataAudit {
  private final PersonalDataReads reads;
  private final Clock clock;

  public PersonalDataAudit(PersonalDataReads reads, Clock clock) {
    this.reads = reads;
    this.clock = clock;
  }

  /** The personal fields the officers' view of this case shows, in the view's names. */
  public static List<String> personalFields(Complaint complaint) {
    List<String> fields = new ArrayList<>();
    if (complaint.contact().isPresent()) {
      fields.add("contactName");
      fields.add("contactPhone");
    }
    if (!complaint.attachments().isEmpty()) {
      fields.add("attachments");
    }
    return fields;
  }

  /** Records that {@code officer} is about to be shown {@code complaint}'s personal data. */
  void shown(Complaint complaint, Officer officer, PersonalDataRead.Purpose purpose) {
    List<String> fields = personalFields(complaint);
    if (fields.isEmpty()) {
      return;
    }
    reads.record(
        new PersonalDataRead(
            complaint.trackingNumber().display(),
            officer.id(),
            officer.name(),
            clock.instant(),
            purpose,
            fields));
  }
}
