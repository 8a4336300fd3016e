package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.TransitionNotAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The complainant adds a photo or PDF: the attachment is recorded on the complaint (conditional on
 * its version), then an upload link is handed out that S3 limits to that type and size.
 */
public final class AddAttachment {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Complaints complaints;
  private final FindComplaintForComplainant find;
  private final AttachmentStore uploads;
  private final Clock clock;

  public AddAttachment(
      Complaints complaints, Deadlines deadlines, AttachmentStore uploads, Clock clock) {
    this.complaints = complaints;
    this.find = new FindComplaintForComplainant(complaints, deadlines);
    this.uploads = uploads;
    this.clock = clock;
  }

  public record Added(Attachment attachment, AttachmentStore.UploadLink link) {}

  public Added add(String trackingNumber, Optional<String> token, String contentType, long size) {
    Complaint current = find.find(trackingNumber, token);
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    Attachment attachment =
        new Attachment(
            HexFormat.of().formatHex(id),
            current.trackingNumber(),
            contentType,
            size,
            clock.instant());
    Complaint with;
    try {
      with = current.attach(attachment);
    } catch (TransitionNotAllowed full) {
      throw ComplaintConflicts.conflict(
          current.status().finished() ? "CASE_FINISHED" : "TOO_MANY_ATTACHMENTS",
          current.status().finished()
              ? "该投诉已办结，不能再补充材料"
              : "每件投诉最多上传 " + Complaint.MAX_ATTACHMENTS + " 个附件",
          current);
    }
    if (!complaints.update(current, with)) {
      throw ComplaintConflicts.conflict(
          "VERSION_CONFLICT", "该投诉刚有更新，请重试", find.find(trackingNumber, token));
    }
    return new Added(attachment, uploads.linkFor(attachment));
  }
}
