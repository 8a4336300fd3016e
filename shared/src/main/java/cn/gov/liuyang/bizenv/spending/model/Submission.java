package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One upload of a unit's workbook for a year, from the moment finance asks for an upload link. Kept
 * forever for audit, accepted or not.
 *
 * @param objectVersion the version (or ETag) of the object that was processed, once one was
 * @param outcome what the import concluded, once it did
 */
public record Submission(
    SubmissionId id,
    UnitId unit,
    FiscalYear year,
    UploadKey uploadKey,
    String fileName,
    Instant requestedAt,
    String requestedBy,
    SubmissionStatus status,
    Optional<String> objectVersion,
    Optional<SubmissionOutcome> outcome) {

  public Submission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(uploadKey, "uploadKey");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(objectVersion, "objectVersion");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A submission that waits for its workbook. */
  public static Submission requested(
      UploadKey key, String fileName, Instant requestedAt, String requestedBy) {
    return new Submission(
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
