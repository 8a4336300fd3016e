package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.ledger.model.LedgerCase;
import cn.gov.liuyang.bizenv.ledger.model.LedgerOutcome;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.ledger.model.LedgerUploadKey;
import cn.gov.liuyang.bizenv.spending.application.Delivery;
import cn.gov.liuyang.bizenv.spending.application.GuardedRead;
import cn.gov.liuyang.bizenv.spending.application.IngestLog;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload.Result;
import cn.gov.liuyang.bizenv.spending.application.LeasedDelivery;
import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports one uploaded ledger: reads and checks every row, then imports it as a whole (its cases
 * replace the unit's earlier import of the year) or rejects it as a whole (nothing changes), and
 * leaves the outcome and 校验结果.xlsx for staff. Safe to run again for the same object: deliveries are
 * at least once, and the cases of one import have fixed tracking numbers.
 */
public final class IngestLedger {
  private final LedgerSubmissionStore submissions;
  private final LedgerCaseStore cases;
  private final LedgerFiles files;
  private final ResultStore results;
  private final SpreadsheetReader reader;
  private final LedgerReportWriter reports;
  private final Deadlines deadlines;
  private final Clock clock;
  private final IngestLog log;

  public IngestLedger(
      LedgerSubmissionStore submissions,
      LedgerCaseStore cases,
      LedgerFiles files,
      ResultStore results,
      SpreadsheetReader reader,
      LedgerReportWriter reports,
      Deadlines deadlines,
      Clock clock,
      IngestLog log) {
    this.submissions = submissions;
    this.cases = cases;
    this.files = files;
    this.results = results;
    this.reader = reader;
    this.reports = reports;
    this.deadlines = deadlines;
    this.clock = clock;
    this.log = log;
  }

  /** Imports one delivered object, a delivery that others follow if it fails. */
  public Result ingest(UploadedObject object, Duration lease) {
    return ingest(object, lease, Delivery.RETRIED);
  }

  /**
   * Imports one delivered object (see {@link IngestUpload#ingest(UploadedObject, Duration,
   * Delivery)} for the lease and the delivery). Every step is safe to repeat: the cases are written
   * under the import's id with fixed tracking numbers and count only once it is in force; making it
   * the one in force is one conditional put, the commit point; removing the superseded cases (which
   * no longer count), writing the result files and recording the outcome are repeated by a
   * redelivery.
   */
  public Result ingest(UploadedObject object, Duration lease, Delivery delivery) {
    Optional<LedgerUploadKey> key = LedgerUploadKey.parse(object.key());
    if (key.isEmpty()) {
      return Result.IGNORED;
    }
    LedgerUploadKey upload = key.get();
    SubmissionId id = upload.submission();
    return new LeasedDelivery(submissions, clock)
        .run(
            id,
            object,
            lease,
            delivery,
            () ->
                cases
                    .importInForce(upload.unit(), upload.year())
                    .filter(id.value()::equals)
                    .isPresent(),
            now -> process(upload, object, now, lease));
  }

  private Result process(LedgerUploadKey key, UploadedObject object, Instant now, Duration lease) {
    LedgerSubmission submission = submissions.find(key.submission()).orElseThrow();
    if (!submission.uploadKey().equals(key)) {
      submissions.release(submission.id(), object.version(), now, lease);
      return Result.IGNORED;
    }
    ParsedLedger parsed = read(submission, object);
    List<String> notes = new ArrayList<>(parsed.notes());
    String importId = submission.id().value();
    List<Complaint> imported = new ArrayList<>();
    for (LedgerCase row : parsed.cases()) {
      imported.add(LedgerCases.toComplaint(row, importId, submission.unit(), deadlines));
    }
    Map<String, Integer> figures =
        LedgerCases.figures(
            submission.year(), imported, now.atZone(Complaint.ZONE).toLocalDate(), deadlines);
    boolean current = false;
    if (parsed.acceptable()) {
      cases.write(imported);
      current =
          cases.makeCurrent(
              submission.unit(), submission.year(), importId, submission.requestedAt());
      if (current) {
        int removed = cases.removeSuperseded(submission.unit(), submission.year(), importId);
        if (removed > 0) {
          notes.add("已替换本单位 " + submission.year() + " 年此前导入的台账（" + removed + " 件）；通过系统受理的案件不受影响");
        }
      } else {
        notes.add("导入期间已有更晚申请的台账生效，本次台账未替换它");
      }
    }
    String folder =
        "ledgers/" + submission.unit() + "/" + submission.year() + "/" + submission.id();
    String outcomeKey = folder + "/outcome.json";
    String reportKey = folder + "/report.xlsx";
    LedgerOutcome outcome =
        new LedgerOutcome(
            parsed.acceptable(),
            now,
            parsed.cases().size(),
            parsed.findingCount(),
            parsed.findings().subList(0, Math.min(20, parsed.findings().size())),
            current,
            parsed.acceptable() ? figures : Map.of(),
            outcomeKey,
            reportKey,
            notes);
    results.putWorkbook(
        reportKey, reports.write(submission, parsed, current, outcome.figures(), notes));
    results.putOutcome(outcomeKey, OutcomeDocument.of(submission, parsed, outcome));
    submissions.recordOutcome(
        submission.id(),
        object.version(),
        parsed.acceptable() ? SubmissionStatus.ACCEPTED : SubmissionStatus.REJECTED,
        outcome);
    return parsed.acceptable() ? Result.ACCEPTED : Result.REJECTED;
  }

  /**
   * After a delivery failed: gives its lease back; after the last delivery, marks the submission
   * FAILED instead, unless its cases are in force already (then a redelivery records the rest).
   */
  private ParsedLedger read(LedgerSubmission submission, UploadedObject object) {
    LedgerParser parser = new LedgerParser(submission.year().value());
    return GuardedRead.read(
            object,
            files::download,
            reader,
            parser,
            log,
            submission.id().value(),
            "文件超过 " + (IngestUpload.MAX_BYTES >> 20) + " MB，远大于一个单位一年的台账：请只保留台账工作表后上传",
            "工作簿中有无法识别的内容：请用 Excel 或 WPS 另存为 .xlsx 后重新上传，或联系信息中心")
        .map(ParsedLedger::refused)
        .orElseGet(parser::result);
  }

  /** The JSON outcome file: every finding, the figures, the notes. */
  public record OutcomeDocument(
      String submissionId,
      String unit,
      int year,
      String status,
      String statusLabel,
      boolean current,
      Instant processedAt,
      int caseCount,
      int findingCount,
      Map<String, Integer> figures,
      List<Finding> findings,
      List<String> notes) {
    static OutcomeDocument of(LedgerSubmission s, ParsedLedger parsed, LedgerOutcome outcome) {
      SubmissionStatus status =
          outcome.accepted() ? SubmissionStatus.ACCEPTED : SubmissionStatus.REJECTED;
      return new OutcomeDocument(
          s.id().value(),
          s.unit().value(),
          s.year().value(),
          status.name(),
          status.label(),
          outcome.current(),
          outcome.processedAt(),
          outcome.caseCount(),
          outcome.findingCount(),
          outcome.figures(),
          parsed.findings(),
          outcome.notes());
    }
  }
}
