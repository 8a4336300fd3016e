package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens a submission and hands out the one link its workbook may be uploaded through: S3 itself
 * holds the upload to the signed size and type.
 */
public record RequestUpload(SubmissionStore submissions, UploadStore uploads, Clock clock) {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

  /**
   * @param fileName the clerk's file name, kept for the audit trail and the result's name
   * @param requestedBy who asked (the staff identity's subject)
   * @param kind an import, or a check (预检) that leaves the figures in force as they are
   */
  public record Command(
      UnitId unit,
      FiscalYear year,
      String fileName,
      UploadKey.FileFormat format,
      long contentLength,
      String requestedBy,
      SubmissionKind kind) {}

  public record Ticket(SubmissionId submissionId, String key, UploadStore.PresignedUpload upload) {}

  public Ticket request(Command command) {
    UploadKey key =
        new UploadKey(command.unit(), command.year(), SubmissionId.random(), command.format());
    submissions.create(
        Submission.requested(
            key, command.fileName(), clock.instant(), command.requestedBy(), command.kind()));
    UploadStore.PresignedUpload upload =
        uploads.presignUpload(
            key, command.format().contentType(), command.contentLength(), LINK_LIFETIME);
    return new Ticket(key.submission(), key.value(), upload);
  }
}
