package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import cn.gov.liuyang.bizenv.spending.application.SubmissionStore;
import cn.gov.liuyang.bizenv.spending.application.UploadStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The import's ports with a fault at any step: each call goes through {@link Faults} under the name
 * of its method ({@code claim}, {@code find}, {@code current}, {@code saveFigures}, {@code
 * makeCurrent}, {@code recordOutcome}, {@code release}, {@code fail}, {@code download}, {@code
 * putWorkbook}, {@code putOutcome}, {@code figuresInForce}).
 */
public final class FaultySpending implements SubmissionStore, AcceptedSpendingReader {
  private final InMemorySpending spending;
  private final Faults faults;

  public FaultySpending(InMemorySpending spending, Faults faults) {
    this.spending = spending;
    this.faults = faults;
  }

  /** The uploads store with a fault at {@code download}. */
  public static UploadStore uploads(InMemoryUploads uploads, Faults faults) {
    return new UploadStore() {
      @Override
      public PresignedUpload presignUpload(
          UploadKey key, String contentType, long contentLength, Duration ttl) {
        return uploads.presignUpload(key, contentType, contentLength, ttl);
      }

      @Override
      public Path download(UploadedObject object, long maxBytes) {
        return faults.at("download", () -> uploads.download(object, maxBytes));
      }
    };
  }

  /** The results store with a fault at {@code putWorkbook} or {@code putOutcome}. */
  public static ResultStore results(InMemoryResults results, Faults faults) {
    return new ResultStore() {
      @Override
      public void putWorkbook(String key, byte[] workbook) {
        faults.at("putWorkbook", () -> results.putWorkbook(key, workbook));
      }

      @Override
      public void putOutcome(String key, Record document) {
        faults.at("putOutcome", () -> results.putOutcome(key, document));
      }

      @Override
      public URI presignDownload(String key, String fileName, Duration ttl) {
        return results.presignDownload(key, fileName, ttl);
      }
    };
  }

  @Override
  public void create(Submission submission) {
    spending.create(submission);
  }

  @Override
  public Optional<Submission> find(SubmissionId id) {
    return faults.at("find", () -> spending.find(id));
  }

  @Override
  public List<Submission> list(UnitId unit, FiscalYear year) {
    return spending.list(unit, year);
  }

  @Override
  public Optional<SubmissionId> current(UnitId unit, FiscalYear year) {
    return faults.at("current", () -> spending.current(unit, year));
  }

  @Override
  public Claim claim(SubmissionId id, String objectVersion, Instant now, Duration lease) {
    return faults.at("claim", () -> spending.claim(id, objectVersion, now, lease));
  }

  @Override
  public void release(SubmissionId id, String objectVersion, Instant claimedAt, Duration lease) {
    faults.at("release", () -> spending.release(id, objectVersion, claimedAt, lease));
  }

  @Override
  public void fail(
      SubmissionId id,
      String objectVersion,
      Instant claimedAt,
      Duration lease,
      IngestFailure failure) {
    faults.at("fail", () -> spending.fail(id, objectVersion, claimedAt, lease, failure));
  }

  @Override
  public void saveFigures(SubmissionId id, List<SpendingLine> lines, UnitYearFacts facts) {
    faults.at("saveFigures", () -> spending.saveFigures(id, lines, facts));
  }

  @Override
  public Optional<AcceptedSpending> figuresOf(Submission submission) {
    return spending.figuresOf(submission);
  }

  @Override
  public boolean adopt(
      Submission submission, Optional<SubmissionId> expectedCurrent, Instant at, String by) {
    return spending.adopt(submission, expectedCurrent, at, by);
  }

  @Override
  public boolean makeCurrent(Submission submission, Instant acceptedAt) {
    return faults.at("makeCurrent", () -> spending.makeCurrent(submission, acceptedAt));
  }

  @Override
  public void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, SubmissionOutcome outcome) {
    faults.at("recordOutcome", () -> spending.recordOutcome(id, objectVersion, status, outcome));
  }

  @Override
  public Optional<AcceptedSpending> find(UnitId unit, FiscalYear year) {
    return faults.at("figuresInForce", () -> spending.find(unit, year));
  }
}
