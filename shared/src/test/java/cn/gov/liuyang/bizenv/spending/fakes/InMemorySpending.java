package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.SubmissionStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions and the year's figures in memory, with the semantics of {@code DynamoDbSpending}: a
 * claim is conditional (awaiting upload, or processing with a lease that ran out); a submission
 * becomes current only if none is, or the current one was requested earlier, or it is itself; an
 * adoption is conditional on the expected current and counts as requested at the adoption; an
 * outcome or a failure is recorded only by the delivery that processes that object, and a failed
 * one is taken again by a delivery of that object; a lease is given back only by the claim that
 * took it; figures are read back only for accepted submissions.
 */
public final class InMemorySpending implements SubmissionStore, AcceptedSpendingReader {
  private record YearKey(UnitId unit, FiscalYear year) {}

  /** The #CURRENT item: which submission, when it was requested (or adopted), when accepted. */
  private record Current(SubmissionId id, long requestedAtMillis, Instant acceptedAt) {}

  private record Figures(List<SpendingLine> lines, UnitYearFacts facts) {}

  private final Map<SubmissionId, Submission> submissions = new LinkedHashMap<>();
  private final Map<SubmissionId, Instant> leases = new HashMap<>();
  private final Map<SubmissionId, Figures> figures = new HashMap<>();
  private final Map<YearKey, Current> current = new HashMap<>();

  @Override
  public synchronized void create(Submission submission) {
    if (submissions.containsKey(submission.id())) {
      throw new IllegalStateException("submission exists already: " + submission.id());
    }
    submissions.put(submission.id(), submission);
  }

  @Override
  public synchronized Optional<Submission> find(SubmissionId id) {
    return Optional.ofNullable(submissions.get(id));
  }

  @Override
  public synchronized List<Submission> list(UnitId unit, FiscalYear year) {
    return submissions.values().stream()
        .filter(s -> s.unit().equals(unit) && s.year().equals(year))
        .sorted(Comparator.comparing(Submission::requestedAt).thenComparing(s -> s.id().value()))
        .toList();
  }

  @Override
  public synchronized Optional<SubmissionId> current(UnitId unit, FiscalYear year) {
    return Optional.ofNullable(current.get(new YearKey(unit, year))).map(Current::id);
  }

  @Override
  public synchronized Claim claim(
      SubmissionId id, String objectVersion, Instant now, Duration lease) {
    Submission submission = submissions.get(id);
    if (submission == null) {
      return Claim.UNKNOWN;
    }
    boolean leaseRanOut =
        submission.status() == SubmissionStatus.PROCESSING
            && leases.get(id).toEpochMilli() < now.toEpochMilli();
    boolean failedForThisObject =
        submission.status() == SubmissionStatus.FAILED
            && submission.objectVersion().filter(objectVersion::equals).isPresent();
    if (submission.status() == SubmissionStatus.AWAITING_UPLOAD
        || leaseRanOut
        || failedForThisObject) {
      submissions.put(
          id, with(submission, SubmissionStatus.PROCESSING, Optional.of(objectVersion), null));
      leases.put(id, now.plus(lease));
      return Claim.TAKEN;
    }
    if (submission.status() == SubmissionStatus.PROCESSING) {
      return Claim.BUSY;
    }
    return submission.objectVersion().filter(objectVersion::equals).isPresent()
        ? Claim.ALREADY_PROCESSED
        : Claim.OTHER_OBJECT_PROCESSED;
  }

  @Override
  public synchronized void release(
      SubmissionId id, String objectVersion, Instant claimedAt, Duration lease) {
    Submission submission = submissions.get(id);
    if (processing(submission, objectVersion)
        && claimedAt.plus(lease).toEpochMilli() == leases.get(id).toEpochMilli()) {
      leases.put(id, Instant.EPOCH);
    }
  }

  @Override
  public synchronized void fail(
      SubmissionId id,
      String objectVersion,
      Instant claimedAt,
      Duration lease,
      IngestFailure failure) {
    Submission submission = submissions.get(id);
    if (processing(submission, objectVersion)
        && claimedAt.plus(lease).toEpochMilli() == leases.get(id).toEpochMilli()) {
      Submission failed =
          with(submission, SubmissionStatus.FAILED, submission.objectVersion(), null);
      submissions.put(id, withFailure(failed, Optional.of(failure)));
      leases.remove(id);
    }
  }

  private static boolean processing(Submission submission, String objectVersion) {
    return submission != null
        && submission.status() == SubmissionStatus.PROCESSING
        && submission.objectVersion().filter(objectVersion::equals).isPresent();
  }

  @Override
  public synchronized void saveFigures(
      SubmissionId id, List<SpendingLine> lines, UnitYearFacts facts) {
    if (!submissions.containsKey(id)) {
      throw new IllegalStateException("no such submission: " + id);
    }
    figures.put(id, new Figures(List.copyOf(lines), facts));
  }

  @Override
  public synchronized Optional<AcceptedSpending> figuresOf(Submission submission) {
    if (submission.status() != SubmissionStatus.ACCEPTED || submission.outcome().isEmpty()) {
      return Optional.empty();
    }
    return figures(submission.id(), submission.outcome().get().processedAt());
  }

  @Override
  public synchronized boolean adopt(
      Submission submission, Optional<SubmissionId> expectedCurrent, Instant at, String by) {
    YearKey year = new YearKey(submission.unit(), submission.year());
    Optional<SubmissionId> now = Optional.ofNullable(current.get(year)).map(Current::id);
    if (!now.equals(expectedCurrent)) {
      return false;
    }
    // an import requested before this adoption and processed after it does not replace it
    current.put(year, new Current(submission.id(), at.toEpochMilli(), at));
    Submission stored = submissions.get(submission.id());
    submissions.put(
        submission.id(),
        new Submission(
            stored.id(),
            stored.unit(),
            stored.year(),
            stored.uploadKey(),
            stored.fileName(),
            stored.requestedAt(),
            stored.requestedBy(),
            stored.kind(),
            stored.status(),
            stored.objectVersion(),
            stored.outcome(),
            Optional.of(new Submission.Adoption(at, by)),
            stored.failure()));
    return true;
  }

  @Override
  public synchronized boolean makeCurrent(Submission submission, Instant acceptedAt) {
    YearKey year = new YearKey(submission.unit(), submission.year());
    Current existing = current.get(year);
    long mine = submission.requestedAt().toEpochMilli();
    if (existing == null
        || existing.requestedAtMillis() < mine
        || existing.id().equals(submission.id())) {
      current.put(year, new Current(submission.id(), mine, acceptedAt));
      return true;
    }
    return false;
  }

  @Override
  public synchronized void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, SubmissionOutcome outcome) {
    Submission submission = submissions.get(id);
    if (submission == null
        || submission.status() != SubmissionStatus.PROCESSING
        || !submission.objectVersion().filter(objectVersion::equals).isPresent()) {
      return; // a parallel delivery of the same object finished first
    }
    submissions.put(
        id,
        withFailure(
            with(submission, status, submission.objectVersion(), outcome), Optional.empty()));
    leases.remove(id);
  }

  @Override
  public synchronized Optional<AcceptedSpending> find(UnitId unit, FiscalYear year) {
    Current now = current.get(new YearKey(unit, year));
    return now == null ? Optional.empty() : figures(now.id(), now.acceptedAt());
  }

  private Optional<AcceptedSpending> figures(SubmissionId id, Instant acceptedAt) {
    Submission submission = submissions.get(id);
    if (submission == null) {
      return Optional.empty();
    }
    Figures stored = figures.getOrDefault(id, new Figures(List.of(), UnitYearFacts.NONE));
    return Optional.of(
        new AcceptedSpending(
            submission.unit(),
            submission.year(),
            id.value(),
            submission.fileName(),
            acceptedAt,
            stored.lines(),
            stored.facts()));
  }

  private static Submission with(
      Submission s,
      SubmissionStatus status,
      Optional<String> objectVersion,
      SubmissionOutcome outcome) {
    return new Submission(
        s.id(),
        s.unit(),
        s.year(),
        s.uploadKey(),
        s.fileName(),
        s.requestedAt(),
        s.requestedBy(),
        s.kind(),
        status,
        objectVersion,
        outcome == null ? s.outcome() : Optional.of(outcome),
        s.adoption(),
        s.failure());
  }

  private static Submission withFailure(Submission s, Optional<IngestFailure> failure) {
    return new Submission(
        s.id(),
        s.unit(),
        s.year(),
        s.uploadKey(),
        s.fileName(),
        s.requestedAt(),
        s.requestedBy(),
        s.kind(),
        s.status(),
        s.objectVersion(),
        s.outcome(),
        s.adoption(),
        failure);
  }
}
