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
 * @param kind whether it is an import or only a check (预检)
 * @param objectVersion the version (or ETag) of the object that was processed, once one was
 * @param outcome what the import concluded, once it did
 * @param adoption when and by whom a checked submission was made the year's figures
 * @param failure why its import could not finish, while it is {@link SubmissionStatus#FAILED}
 */
public record Submission(
    SubmissionId id,
    UnitId unit,
    FiscalYear year,
    UploadKey uploadKey,
    String fileName,
    Instant requestedAt,
    String requestedBy,
    SubmissionKind kind,
    SubmissionStatus status,
    Optional<String> objectVersion,
    Optional<SubmissionOutcome> outcome,
    Optional<Adoption> adoption,
    Optional<IngestFailure> failure) {

  /** A submission whose import has not failed. */
  public Submission(
      SubmissionId id,
      UnitId unit,
      FiscalYear year,
      UploadKey uploadKey,
      String fileName,
      Instant requestedAt,
      String requestedBy,
      SubmissionKind kind,
      SubmissionStatus status,
      Optional<String> objectVersion,
      Optional<SubmissionOutcome> outcome,
      Optional<Adoption> adoption) {
    this(
        id,
        unit,
        year,
        uploadKey,
        fileName,
        requestedAt,
        requestedBy,
        kind,
        status,
        objectVersion,
        outcome,
        adoption,
        Optional.empty());
  }

  /** A checked submission made the year's figures by a staff member. */
  public record Adoption(Instant at, String by) {}

  public Submission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(uploadKey, "uploadKey");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(objectVersion, "objectVersion");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(adoption, "adoption");
    Objects.requireNonNull(failure, "failure");
  }

  /** Whether its figures passed every check (whether or not they are in force). */
  public boolean accepted() {
    return status == SubmissionStatus.ACCEPTED;
  }

  /** An import that waits for its workbook. */
  public static Submission requested(
      UploadKey key, String fileName, Instant requestedAt, String requestedBy) {
    return requested(key, fileName, requestedAt, requestedBy, SubmissionKind.IMPORT);
  }

  /** A submission of the given kind that waits for its workbook. */
  public static Submission requested(
      UploadKey key,
      String fileName,
      Instant requestedAt,
      String requestedBy,
      SubmissionKind kind) {
    return new Submission(
        key.submission(),
        key.unit(),
        key.year(),
        key,
        fileName,
        requestedAt,
        requestedBy,
        kind,
        SubmissionStatus.AWAITING_UPLOAD,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
