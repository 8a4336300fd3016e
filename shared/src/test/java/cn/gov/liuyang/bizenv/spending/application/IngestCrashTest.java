package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload.Result;
import cn.gov.liuyang.bizenv.spending.fakes.Faults;
import cn.gov.liuyang.bizenv.spending.fakes.Faults.How;
import cn.gov.liuyang.bizenv.spending.fakes.Faults.When;
import cn.gov.liuyang.bizenv.spending.fakes.FaultySpending;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryResults;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpending;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUnitFacts;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUploads;
import cn.gov.liuyang.bizenv.spending.fakes.MutableClock;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelFindingsReport;
import cn.gov.liuyang.bizenv.spending.infrastructure.SniffingSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import killed at each step, then delivered again: one accepted submission, the right status,
 * the figures in force either the old or the new ones and never a mixture, nothing half-written.
 */
class IngestCrashTest {
  private static final UnitId UNIT = Seed2021.UNIT;
  private static final FiscalYear YEAR = Seed2021.YEAR;
  private static final Duration LEASE = Duration.ofMinutes(11);

  /** Every step of an accepted import, in the order the import takes them. */
  private static final List<String> STEPS =
      List.of(
          "claim",
          "find",
          "download",
          "current",
          "saveFigures",
          "putWorkbook",
          "putOutcome",
          "makeCurrent",
          "recordOutcome");

  private final MutableClock clock = new MutableClock(Instant.parse("2022-01-20T02:00:00Z"));
  private final Faults faults = new Faults();
  private final InMemorySpending spending = new InMemorySpending();
  private final InMemoryUploads uploads = new InMemoryUploads(clock);
  private final InMemoryResults results = new InMemoryResults();
  private final FaultySpending faulty = new FaultySpending(spending, faults);
  private final List<String> unforeseen = new ArrayList<>();
  private final IngestUpload ingest =
      new IngestUpload(
          faulty,
          faulty,
          new ResolveUnitFacts(spending, new InMemoryUnitFacts()),
          FaultySpending.uploads(uploads, faults),
          FaultySpending.results(results, faults),
          new SniffingSpreadsheetReader(),
          new FastExcelFindingsReport(),
          EconomicClassification.standard(),
          clock,
          (submission, failure) -> unforeseen.add(submission + " " + failure));
  private final RequestUpload request = new RequestUpload(spending, uploads, clock);

  private SubmissionId old;

  @BeforeEach
  void theSeedFiguresAreInForce() {
    UploadedObject seed = upload(SpendingWorkbooks.seedTemplate());
    assertThat(ingest.ingest(seed, LEASE, new Delivery(1, 3))).isEqualTo(Result.ACCEPTED);
    old = UploadKey.parse(seed.key()).orElseThrow().submission();
    clock.advance(Duration.ofMinutes(1));
  }

  static Stream<Arguments> everyStep() {
    List<Arguments> cases = new ArrayList<>();
    for (String step : STEPS) {
      for (When when : When.values()) {
        for (How how : How.values()) {
          cases.add(Arguments.of(step, when, how));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}, the delivery {2}")
  @MethodSource("everyStep")
  void killedAtAnyStep_aRedeliveryFinishesTheImport_andTheFiguresAreNeverAMixture(
      String step, When when, How how) {
    // GIVEN a corrected workbook uploaded over the seed figures
    UploadedObject corrected = upload(IngestUploadTest.corrected());
    SubmissionId id = UploadKey.parse(corrected.key()).orElseThrow().submission();

    // WHEN its first delivery is killed at the step
    faults.arm(step, when, how);
    assertThatThrownBy(() -> ingest.ingest(corrected, LEASE, new Delivery(1, 3)))
        .isInstanceOf(how == How.FAILS ? Faults.InjectedFailure.class : Faults.InjectedDeath.class);

    // THEN the figures in force are the seed's or the corrected ones, whole
    List<SpendingLine> inForce = spending.find(UNIT, YEAR).orElseThrow().lines();
    boolean committed =
        (step.equals("makeCurrent") && when == When.AFTER) || step.equals("recordOutcome");
    assertThat(inForce).isEqualTo(committed ? IngestUploadTest.correctedLines() : Seed2021.lines());
    boolean finished = step.equals("recordOutcome") && when == When.AFTER;
    boolean claimed = !(step.equals("claim") && when == When.BEFORE);
    assertThat(spending.find(id).orElseThrow().status())
        .isEqualTo(
            finished
                ? SubmissionStatus.ACCEPTED
                : claimed ? SubmissionStatus.PROCESSING : SubmissionStatus.AWAITING_UPLOAD);

    // WHEN the message comes back (after the lease, when the delivery died holding it)
    if (how == How.DIES && claimed && !finished) {
      assertThat(ingest.ingest(corrected, LEASE, new Delivery(2, 3))).isEqualTo(Result.BUSY);
      clock.advance(LEASE.plusSeconds(1));
    }
    Result again = ingest.ingest(corrected, LEASE, new Delivery(2, 3));

    // THEN the import is finished: accepted once, in force, its files written, nothing else
    assertThat(again).isEqualTo(finished ? Result.DUPLICATE : Result.ACCEPTED);
    assertFinishedAndInForce(id);
    assertThat(spending.list(UNIT, YEAR))
        .extracting(Submission::id, Submission::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(old, SubmissionStatus.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple(id, SubmissionStatus.ACCEPTED));

    // AND a further redelivery changes nothing
    Submission before = spending.find(id).orElseThrow();
    assertThat(ingest.ingest(corrected, LEASE, new Delivery(3, 3))).isEqualTo(Result.DUPLICATE);
    assertThat(spending.find(id)).contains(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stepsBeforeTheCommit")
  void
      whenTheLastDeliveryFailsToo_theSubmissionIsFailed_withAChineseExplanation_andARedriveFinishesIt(
          String step) {
    UploadedObject corrected = upload(IngestUploadTest.corrected());
    SubmissionId id = UploadKey.parse(corrected.key()).orElseThrow().submission();

    // WHEN all three deliveries fail at the step
    faults.armEveryTime(step, When.BEFORE, How.FAILS);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Delivery delivery = new Delivery(attempt, 3);
      assertThatThrownBy(() -> ingest.ingest(corrected, LEASE, delivery))
          .isInstanceOf(Faults.InjectedFailure.class);
      if (attempt < 3) {
        // a failed delivery gave its lease back: the next one need not wait
        assertThat(spending.find(id).orElseThrow().status()).isEqualTo(SubmissionStatus.PROCESSING);
      }
    }
    faults.disarm();

    // THEN it does not stay 校验中: it failed, says why in Chinese, and the seed stays in force
    Submission failed = spending.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(SubmissionStatus.FAILED);
    IngestFailure failure = failed.failure().orElseThrow();
    assertThat(failure.code()).isEqualTo("INGEST_FAILED");
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.message()).contains("连续 3 次", "没有生效", "重新上传");
    assertThat(spending.current(UNIT, YEAR)).contains(old);
    assertThat(spending.find(UNIT, YEAR).orElseThrow().lines()).isEqualTo(Seed2021.lines());

    // WHEN an operator sends the dead letter back to the queue
    Result redriven = ingest.ingest(corrected, LEASE, new Delivery(1, 3));

    // THEN it finishes the import, and the failure is history
    assertThat(redriven).isEqualTo(Result.ACCEPTED);
    assertFinishedAndInForce(id);
    assertThat(spending.find(id).orElseThrow().failure()).isEmpty();
  }

  static Stream<String> stepsBeforeTheCommit() {
    return Stream.of("find", "download", "saveFigures", "putWorkbook", "putOutcome", "makeCurrent");
  }

  @Test
  void whenTheLastDeliveryFailsAfterTheCommit_theSubmissionIsNotFailed_forItsFiguresAreInForce() {
    UploadedObject corrected = upload(IngestUploadTest.corrected());
    SubmissionId id = UploadKey.parse(corrected.key()).orElseThrow().submission();

    // WHEN every delivery fails to record the outcome, after the first made it current
    faults.armEveryTime("recordOutcome", When.BEFORE, How.FAILS);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Delivery delivery = new Delivery(attempt, 3);
      assertThatThrownBy(() -> ingest.ingest(corrected, LEASE, delivery))
          .isInstanceOf(Faults.InjectedFailure.class);
    }
    faults.disarm();

    // THEN it is not called failed while its figures are the year's: only its status is missing
    assertThat(spending.current(UNIT, YEAR)).contains(id);
    assertThat(spending.find(id).orElseThrow().status()).isEqualTo(SubmissionStatus.PROCESSING);
    assertThat(spending.find(id).orElseThrow().failure()).isEmpty();

    // AND the redriven message records it at once (the lease was given back)
    assertThat(ingest.ingest(corrected, LEASE, new Delivery(1, 3))).isEqualTo(Result.ACCEPTED);
    assertFinishedAndInForce(id);
  }

  @Test
  void aLastDeliveryThatFindsAnotherDeliveryAtWork_leavesTheSubmissionToIt() {
    UploadedObject corrected = upload(IngestUploadTest.corrected());
    SubmissionId id = UploadKey.parse(corrected.key()).orElseThrow().submission();
    // GIVEN another delivery of the same object holds the submission
    spending.claim(id, corrected.version(), clock.instant(), LEASE);

    // WHEN the last delivery of this message finds it busy
    Result busy = ingest.ingest(corrected, LEASE, new Delivery(3, 3));

    // THEN nothing is marked failed: the other delivery finishes it
    assertThat(busy).isEqualTo(Result.BUSY);
    assertThat(spending.find(id).orElseThrow().status()).isEqualTo(SubmissionStatus.PROCESSING);
  }

  @Test
  void aRejectedWorkbookKilledAtEachStep_isRejectedOnce_andTheFiguresStay() {
    byte[] broken =
        "单位：元\n支出类型,经济分类科目编码,执行数\n基本支出,99999,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (String step : List.of("claim", "find", "download", "putWorkbook", "putOutcome")) {
      UploadedObject object = upload(broken, step + ".csv");
      SubmissionId id = UploadKey.parse(object.key()).orElseThrow().submission();
      faults.arm(step, When.AFTER, How.FAILS);
      assertThatThrownBy(() -> ingest.ingest(object, LEASE, new Delivery(1, 3)))
          .isInstanceOf(Faults.InjectedFailure.class);

      assertThat(ingest.ingest(object, LEASE, new Delivery(2, 3))).isEqualTo(Result.REJECTED);

      assertThat(spending.find(id).orElseThrow().status()).isEqualTo(SubmissionStatus.REJECTED);
      assertThat(spending.current(UNIT, YEAR)).contains(old);
      assertThat(spending.find(UNIT, YEAR).orElseThrow().lines()).isEqualTo(Seed2021.lines());
    }
  }

  private void assertFinishedAndInForce(SubmissionId id) {
    Submission accepted = spending.find(id).orElseThrow();
    assertThat(accepted.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(accepted.outcome().orElseThrow().adopted()).isTrue();
    assertThat(accepted.outcome().orElseThrow().lineCount())
        .isEqualTo(IngestUploadTest.correctedLines().size());
    assertThat(spending.current(UNIT, YEAR)).contains(id);
    assertThat(spending.find(UNIT, YEAR).orElseThrow().lines())
        .isEqualTo(IngestUploadTest.correctedLines());
    JsonNode outcome = json(accepted.outcome().orElseThrow().outcomeKey());
    assertThat(outcome.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(outcome.path("adopted").asBoolean()).isTrue();
    assertThat(results.get(accepted.outcome().orElseThrow().reportKey())).isPresent();
    assertThat(unforeseen).isEmpty();
  }

  private JsonNode json(String key) {
    try {
      return Json.mapper().readTree(results.get(key).orElseThrow().content());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private UploadedObject upload(byte[] workbook) {
    return upload(workbook, "2021.xlsx");
  }

  private UploadedObject upload(byte[] workbook, String fileName) {
    UploadKey.FileFormat format =
        fileName.endsWith(".csv") ? UploadKey.FileFormat.CSV : UploadKey.FileFormat.XLSX;
    RequestUpload.Ticket ticket =
        request.request(
            new RequestUpload.Command(
                UNIT,
                YEAR,
                fileName,
                format,
                workbook.length,
                "staff-finance-01",
                SubmissionKind.IMPORT));
    clock.advance(Duration.ofMinutes(1));
    return uploads.put(ticket.key(), workbook);
  }
}
