package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.ReadSpendingFigures;
import cn.gov.liuyang.bizenv.spending.application.RequestUpload;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SaveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SubmissionQueries;
import cn.gov.liuyang.bizenv.spending.application.TemplateWriter;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelFindingsReport;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelTemplateWriter;
import cn.gov.liuyang.bizenv.spending.infrastructure.SniffingSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spending's use cases wired to in-memory stores, the real spreadsheet readers and the real
 * findings report: the import as the functions run it, without a network.
 */
public final class InMemorySpendingDesk {
  public static final Duration LEASE = Duration.ofMinutes(5);

  public final MutableClock clock = new MutableClock(Instant.parse("2022-01-20T02:00:00Z"));
  public final InMemorySpending spending = new InMemorySpending();
  public final InMemoryUnitFacts enteredFacts = new InMemoryUnitFacts();
  public final InMemoryUploads uploads = new InMemoryUploads(clock);
  public final InMemoryResults results = new InMemoryResults();

  /** What the import logged of failures no rule foresaw. */
  public final List<String> unforeseen = new ArrayList<>();

  public final ResolveUnitFacts facts = new ResolveUnitFacts(spending, enteredFacts);
  public final RequestUpload requestUpload = new RequestUpload(spending, uploads, clock);
  public final IngestUpload ingest =
      new IngestUpload(
          spending,
          spending,
          facts,
          uploads,
          results,
          new SniffingSpreadsheetReader(),
          new FastExcelFindingsReport(),
          EconomicClassification.standard(),
          clock,
          (submission, failure) -> unforeseen.add(submission + " " + failure.getClass().getName()));
  public final SubmissionQueries queries = new SubmissionQueries(spending, results);
  public final AdoptCheckedSubmission adopt = new AdoptCheckedSubmission(spending, spending, clock);
  public final ReadSpendingFigures figures = new ReadSpendingFigures(spending, spending, facts);
  public final SaveUnitFacts saveFacts = new SaveUnitFacts(enteredFacts, facts, clock);

  /** A submission opened and its workbook uploaded, not yet ingested. */
  public record Uploaded(SubmissionId id, UploadedObject object) {}

  /** A submission opened, uploaded and ingested, a minute later. */
  public record Ingested(SubmissionId id, UploadedObject object, IngestUpload.Result result) {}

  /** Opens a submission for an .xlsx of the given size (as the staff route would). */
  public RequestUpload.Ticket request(
      UnitId unit, FiscalYear year, String fileName, long size, SubmissionKind kind) {
    return requestUpload.request(
        new RequestUpload.Command(
            unit, year, fileName, UploadKey.FileFormat.XLSX, size, "staff-finance-01", kind));
  }

  /** Opens a submission and uploads the workbook through its link; the clock moves a minute. */
  public Uploaded upload(
      UnitId unit, FiscalYear year, String fileName, byte[] workbook, SubmissionKind kind) {
    RequestUpload.Ticket ticket = request(unit, year, fileName, workbook.length, kind);
    clock.advance(Duration.ofMinutes(1));
    return new Uploaded(ticket.submissionId(), uploads.put(ticket.key(), workbook));
  }

  /** Opens, uploads and ingests; the clock moves a minute before and after the ingest. */
  public Ingested importWorkbook(
      UnitId unit, FiscalYear year, String fileName, byte[] workbook, SubmissionKind kind) {
    Uploaded uploaded = upload(unit, year, fileName, workbook, kind);
    IngestUpload.Result result = ingest.ingest(uploaded.object(), LEASE);
    clock.advance(Duration.ofMinutes(1));
    return new Ingested(uploaded.id(), uploaded.object(), result);
  }

  /** The generated template for the year, filled in with these lines and 基本信息. */
  public static byte[] template(FiscalYear year, List<SpendingLine> lines, UnitYearFacts facts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new FastExcelTemplateWriter(EconomicClassification.standard())
          .write(year, Optional.of(new TemplateWriter.Prefill(lines, facts)), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
