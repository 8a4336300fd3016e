package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.ledger.model.LedgerUploadKey;
import cn.gov.liuyang.bizenv.spending.application.UploadStore.PresignedUpload;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.UploadKey.FileFormat;
import java.time.Clock;
import java.time.Duration;

/** Opens a ledger submission and hands out the one link its workbook may be uploaded through. */
public record RequestLedgerUpload(
    LedgerSubmissionStore submissions, LedgerFiles files, Clock clock) {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);

  public record Command(
      UnitId unit,
      FiscalYear year,
      String fileName,
      FileFormat format,
      long contentLength,
      String requestedBy) {}

  public record Ticket(SubmissionId submissionId, String key, PresignedUpload upload) {}

  public Ticket request(Command command) {
    LedgerUploadKey key =
        new LedgerUploadKey(
            command.unit(), command.year(), SubmissionId.random(), command.format());
    submissions.create(
        LedgerSubmission.requested(
            key, command.fileName(), clock.instant(), command.requestedBy()));
    PresignedUpload upload =
        files.presignUpload(
            key.value(), command.format().contentType(), command.contentLength(), LINK_LIFETIME);
    return new Ticket(key.submission(), key.value(), upload);
  }
}
