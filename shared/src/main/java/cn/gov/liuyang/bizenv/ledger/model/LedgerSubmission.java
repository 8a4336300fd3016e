package cn.gov.liuyang.bizenv.ledger.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One upload of a unit's case ledger for a year, kept for audit whatever became of it.
 *
 * @param failure why its import could not finish, while it is {@code FAILED}
 */
public record LedgerSubmission(
    SubmissionId id,
    UnitId unit,
    FiscalYear year,
    LedgerUploadKey uploadKey,
    String fileName,
    Instant requestedAt,
    String requestedBy,
    SubmissionStatus status,
    Optional<String> objectVersion,
    Optional<LedgerOutcome> outcome,
    Optional<IngestFailure> failure) {

  /** A ledger submission whose import has not failed. */
  public LedgerSubmission(
      SubmissionId id,
      UnitId unit,
      FiscalYear year,
      LedgerUploadKey uploadKey,
      String fileName,
      Instant requestedAt,
      String requestedBy,
      SubmissionStatus status,
      Optional<String> objectVersion,
      Optional<LedgerOutcome> outcome) {
    this(
        id,
        unit,
        year,
        uploadKey,
        fileName,
        requestedAt,
        requestedBy,
        status,
        objectVersion,
        outcome,
        Optional.empty());
  }

  /** A ledger that waits for its workbook. */
  public static LedgerSubmission requested(
      LedgerUploadKey key, String fileName, Instant requestedAt, String requestedBy) {
    return new LedgerSubmission(
        key.submission(),
        key.unit(),
        key.year(),
        key,
        fileName,
        requestedAt,
        requestedBy,
        SubmissionStatus.AWAITING_UPLOAD,
        Optional.empty(),
        Optional.empty());
  }
}
