package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import cn.gov.liuyang.bizenv.spending.model.SpendingComparison;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imports one uploaded workbook: reads, validates and reconciles it, then accepts it as a whole
 * (its lines become the year's figures) or rejects it as a whole (the previous figures stay), and
 * leaves the outcome for finance, with the unit-year facts it read, derived or still lacks. A check
 * (预检) is read the same way but compared with the figures in force instead of replacing them. Safe
 * to run again for the same object: deliveries are at least once.
 */
public final class IngestUpload {
  /** Larger than any real ledger workbook; the upload link refuses more, this guards the rest. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private final SubmissionStore submissions;
  private final AcceptedSpendingReader inForce;
  private final ResolveUnitFacts facts;
  private final UploadStore uploads;
  private final ResultStore results;
  private final SpreadsheetReader reader;
  private final FindingsReportWriter reports;
  private final EconomicClassification classification;
  private final Clock clock;
  private final IngestLog log;

  public IngestUpload(
      SubmissionStore submissions,
      AcceptedSpendingReader inForce,
      ResolveUnitFacts facts,
      UploadStore uploads,
      ResultStore results,
      SpreadsheetReader reader,
      FindingsReportWriter reports,
      EconomicClassification classification,
      Clock clock,
      IngestLog log) {
    this.submissions = submissions;
    this.inForce = inForce;
    this.facts = facts;
    this.uploads = uploads;
    this.results = results;
    this.reader = reader;
    this.reports = reports;
    this.classification = classification;
    this.clock = clock;
    this.log = log;
  }

  /** What became of one delivery. */
  public enum Result {
    ACCEPTED,
    REJECTED,
    /** a redelivery of an object already processed */
    DUPLICATE,
    /** not an upload of this import, or a reused upload link: nothing recorded */
    IGNORED,
    /** another delivery is processing the same submission: retry later */
    BUSY;

    /** What a claim that was not taken means for this delivery; empty when it was taken. */
    public static Optional<Result> ifNotTaken(SubmissionStore.Claim claim) {
      return switch (claim) {
        case TAKEN -> Optional.empty();
        case ALREADY_PROCESSED -> Optional.of(DUPLICATE);
        case BUSY -> Optional.of(BUSY);
        case OTHER_OBJECT_PROCESSED, UNKNOWN -> Optional.of(IGNORED);
      };
    }
  }

  /** Imports one delivered object, a delivery that others follow if it fails. */
  public Result ingest(UploadedObject object, Duration lease) {
    return ingest(object, lease, Delivery.RETRIED);
  }

  /**
   * Imports one delivered object. Every step is safe to repeat, so a redelivery after a failure at
   * any step finishes the work: the lines are written under the submission, where nothing reads
   * them before it is in force; the result files are written before the submission becomes the
   * year's figures; making it current is one conditional put, the commit point; a redelivery that
   * finds it current already only records the outcome. A failed delivery gives its lease back; when
   * the last one fails, the submission is marked FAILED (unless it is in force already).
   *
   * @param lease how long this delivery holds the submission against other deliveries of it: at
   *     least as long as this invocation can still run, so two never process it at once
   * @param delivery which delivery of the message this is
   */
  public Result ingest(UploadedObject object, Duration lease, Delivery delivery) {
    Optional<UploadKey> key = UploadKey.parse(object.key());
    if (key.isEmpty()) {
      return Result.IGNORED;
    }
    UploadKey upload = key.get();
    SubmissionId id = upload.submission();
    return new LeasedDelivery(submissions, clock)
        .run(
            id,
            object,
            lease,
            delivery,
            () -> submissions.current(upload.unit(), upload.year()).filter(id::equals).isPresent(),
            now -> process(upload, object, now, lease));
  }

  private Result process(UploadKey key, UploadedObject object, Instant now, Duration lease) {
    Submission submission = submissions.find(key.submission()).orElseThrow();
    if (!submission.uploadKey().equals(key)) {
      submissions.release(submission.id(), object.version(), now, lease);
      return Result.IGNORED;
    }
    ParsedWorkbook parsed = read(submission, object);
    List<String> notes = new ArrayList<>(parsed.notes());
    boolean importing = parsed.acceptable() && submission.kind() == SubmissionKind.IMPORT;
    // an earlier delivery made it current and then failed: its lines are in force, keep them
    boolean inForceAlready = importing && isCurrent(submission);
    Optional<SubmissionId> checkedAgainst = Optional.empty();
    Optional<SpendingComparison> comparison = Optional.empty();
    Optional<ResolvedFacts> resolvedFacts = Optional.empty();
    if (parsed.acceptable()) {
      if (!inForceAlready) {
        submissions.saveFigures(submission.id(), parsed.lines(), parsed.facts());
      }
      AcceptedSpending figures =
          new AcceptedSpending(
              submission.unit(),
              submission.year(),
              submission.id().value(),
              submission.fileName(),
              now,
              parsed.lines(),
              parsed.facts());
      resolvedFacts = Optional.of(facts.ifAdopted(figures));
      notes.addAll(resolvedFacts.get().notes());
      if (submission.kind() == SubmissionKind.CHECK) {
        Optional<AcceptedSpending> current = inForce.find(submission.unit(), submission.year());
        checkedAgainst = current.map(c -> new SubmissionId(c.submissionId()));
        comparison = Optional.of(SpendingComparison.between(current, figures));
      }
    }
    Conclusion conclusion =
        new Conclusion(submission, parsed, now, notes, checkedAgainst, resolvedFacts, comparison);
    // the result files first: once the submission is current, only its status is left to record
    SubmissionOutcome outcome = conclusion.writeResults(importing);
    if (importing && !inForceAlready && !submissions.makeCurrent(submission, now)) {
      // a submission requested later became the year's figures first: say so in the files too
      outcome = conclusion.writeResults(false);
    }
    submissions.recordOutcome(
        submission.id(),
        object.version(),
        parsed.acceptable() ? SubmissionStatus.ACCEPTED : SubmissionStatus.REJECTED,
        outcome);
    return parsed.acceptable() ? Result.ACCEPTED : Result.REJECTED;
  }

  private boolean isCurrent(Submission submission) {
    return submissions
        .current(submission.unit(), submission.year())
        .filter(submission.id()::equals)
        .isPresent();
  }

  /**
   * After a delivery failed: gives its lease back, so the next delivery need not wait for it; after
   * the last delivery, marks the submission FAILED instead, unless it is in force already (then
   * only its status is missing, and a redelivery of the message records it).
   */

  /** What the import concluded, written to the result files with whether it is adopted. */
  private final class Conclusion {
    private final Submission submission;
    private final ParsedWorkbook parsed;
    private final Instant now;
    private final List<String> notes;
    private final Optional<SubmissionId> checkedAgainst;
    private final Optional<ResolvedFacts> resolvedFacts;
    private final Optional<SpendingComparison> comparison;

    Conclusion(
        Submission submission,
        ParsedWorkbook parsed,
        Instant now,
        List<String> notes,
        Optional<SubmissionId> checkedAgainst,
        Optional<ResolvedFacts> resolvedFacts,
        Optional<SpendingComparison> comparison) {
      this.submission = submission;
      this.parsed = parsed;
      this.now = now;
      this.notes = notes;
      this.checkedAgainst = checkedAgainst;
      this.resolvedFacts = resolvedFacts;
      this.comparison = comparison;
    }

    /** Writes the findings workbook and the JSON outcome (each replaces an earlier attempt's). */
    SubmissionOutcome writeResults(boolean adopted) {
      String folder =
          "spending/" + submission.unit() + "/" + submission.year() + "/" + submission.id();
      String outcomeKey = folder + "/outcome.json";
      String reportKey = folder + "/report.xlsx";
      SubmissionOutcome outcome =
          new SubmissionOutcome(
              parsed.acceptable(),
              now,
              parsed.lines().size(),
              parsed.findingCount(),
              parsed.totals(),
              parsed.findings().subList(0, Math.min(20, parsed.findings().size())),
              adopted,
              outcomeKey,
              reportKey,
              notes,
              checkedAgainst);
      results.putWorkbook(reportKey, reports.write(submission, parsed, adopted, notes));
      results.putOutcome(
          outcomeKey, OutcomeDocument.of(submission, parsed, outcome, resolvedFacts, comparison));
      return outcome;
    }
  }

  private ParsedWorkbook read(Submission submission, UploadedObject object) {
    WorkbookParser parser = new WorkbookParser(submission.year(), classification);
    return GuardedRead.read(
            object,
            uploads::download,
            reader,
            parser,
            log,
            submission.id().value(),
            "文件超过 " + (MAX_BYTES >> 20) + " MB，远大于一个单位一年的支出明细：请只保留支出明细和基本信息后上传",
            "工作簿中有无法识别的内容：请用 Excel 或 WPS 另存为模板格式后重新上传，或联系信息中心")
        .map(ParsedWorkbook::refused)
        .orElseGet(parser::result);
  }

  /** The JSON outcome file: everything finance's tools need, findings in full. */
  public record OutcomeDocument(
      String submissionId,
      String unit,
      int year,
      String kind,
      String status,
      String statusLabel,
      boolean adopted,
      Instant processedAt,
      int lineCount,
      int findingCount,
      Object totals,
      List<Finding> findings,
      List<String> notes,
      List<FactView> facts,
      List<String> factsMissingForReport,
      ComparisonView comparison) {

    static OutcomeDocument of(
        Submission submission,
        ParsedWorkbook parsed,
        SubmissionOutcome outcome,
        Optional<ResolvedFacts> facts,
        Optional<SpendingComparison> comparison) {
      SubmissionStatus status =
          outcome.accepted() ? SubmissionStatus.ACCEPTED : SubmissionStatus.REJECTED;
      return new OutcomeDocument(
          submission.id().value(),
          submission.unit().value(),
          submission.year().value(),
          submission.kind().name(),
          status.name(),
          status.label(),
          outcome.adopted(),
          outcome.processedAt(),
          outcome.lineCount(),
          outcome.findingCount(),
          outcome.totals().map(TotalsView::of).orElse(null),
          parsed.findings(),
          outcome.notes(),
          facts.map(FactView::all).orElse(List.of()),
          facts
              .map(f -> f.missingForReport().stream().map(m -> m.key()).toList())
              .orElse(List.of()),
          comparison.map(ComparisonView::of).orElse(null));
    }
  }
}
