package cn.gov.liuyang.bizenv.spending.application;

import static cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.LEASE;
import static cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.template;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload.Result;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.Ingested;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.Uploaded;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import of one uploaded workbook, over in-memory stores and the real readers. */
class IngestUploadTest {
  private static final UnitId UNIT = Seed2021.UNIT;
  private static final FiscalYear YEAR = Seed2021.YEAR;
  private static final byte[] BROKEN =
      "单位：元\n支出类型,经济分类科目编码,执行数\n基本支出,99999,1\n".getBytes(StandardCharsets.UTF_8);

  private final InMemorySpendingDesk desk = new InMemorySpendingDesk();

  @Test
  void anAcceptedImport_becomesTheYearsFigures_andLeavesItsResultFiles() throws Exception {
    // WHEN the filled-in template is imported
    Ingested imported = importSeed("2021年度支出明细.xlsx");

    // THEN it is accepted and its lines are the year's figures
    assertThat(imported.result()).isEqualTo(Result.ACCEPTED);
    assertThat(desk.spending.current(UNIT, YEAR)).contains(imported.id());
    assertThat(desk.spending.find(UNIT, YEAR).orElseThrow().lines())
        .containsExactlyElementsOf(Seed2021.lines());
    Submission submission = desk.spending.find(imported.id()).orElseThrow();
    assertThat(submission.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    SubmissionOutcome outcome = submission.outcome().orElseThrow();
    assertThat(outcome.adopted()).isTrue();
    assertThat(outcome.lineCount()).isEqualTo(Seed2021.lines().size());
    assertThat(outcome.totals().orElseThrow().total()).isEqualTo(Money.ofWanYuan("385.5"));

    // AND the outcome and the findings workbook are in the results store
    JsonNode json = outcomeJson(outcome);
    assertThat(json.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(json.path("adopted").asBoolean()).isTrue();
    assertThat(json.path("comparison").isObject()).isFalse();
    assertThat(desk.results.get(outcome.reportKey()).orElseThrow().content()).isNotEmpty();
  }

  @Test
  void aRejectedImport_leavesTheFiguresInForce() {
    // GIVEN the seed figures in force
    Ingested inForce = importSeed("2021.xlsx");

    // WHEN a workbook with an unknown economic code is imported
    Ingested broken = desk.importWorkbook(UNIT, YEAR, "坏.csv", BROKEN, SubmissionKind.IMPORT);

    // THEN it is rejected as a whole, and the previous figures stay
    assertThat(broken.result()).isEqualTo(Result.REJECTED);
    Submission rejected = desk.spending.find(broken.id()).orElseThrow();
    assertThat(rejected.status()).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(rejected.outcome().orElseThrow().adopted()).isFalse();
    assertThat(rejected.outcome().orElseThrow().findingCount()).isPositive();
    assertThat(desk.spending.current(UNIT, YEAR)).contains(inForce.id());
    assertThat(desk.spending.figuresOf(rejected)).isEmpty();
  }

  @Test
  void aRedeliveryOfTheSameObject_isADuplicate_andChangesNothing() {
    Ingested first = importSeed("2021.xlsx");
    Submission before = desk.spending.find(first.id()).orElseThrow();

    Result again = desk.ingest.ingest(first.object(), LEASE);

    assertThat(again).isEqualTo(Result.DUPLICATE);
    assertThat(desk.spending.find(first.id())).contains(before);
  }

  @Test
  void whileAnotherDeliveryHoldsTheLease_theSubmissionIsBusy_untilTheLeaseRunsOut() {
    // GIVEN another delivery took the submission a moment ago
    Uploaded uploaded =
        desk.upload(
            UNIT, YEAR, "2021.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.IMPORT);
    desk.spending.claim(
        uploaded.id(), uploaded.object().version(), desk.clock.instant(), Duration.ofMinutes(5));

    // WHEN this delivery arrives within the lease
    desk.clock.advance(Duration.ofMinutes(4));
    Result busy = desk.ingest.ingest(uploaded.object(), LEASE);

    // THEN it is told to retry, and nothing is recorded
    assertThat(busy).isEqualTo(Result.BUSY);
    assertThat(desk.spending.find(uploaded.id()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.PROCESSING);

    // AND once the lease ran out (the other delivery died), a retry processes it
    desk.clock.advance(Duration.ofMinutes(2));
    assertThat(desk.ingest.ingest(uploaded.object(), LEASE)).isEqualTo(Result.ACCEPTED);
  }

  @Test
  void anotherObjectUploadedThroughAUsedLink_isIgnored() {
    // GIVEN a processed submission
    Ingested first = importSeed("2021.xlsx");

    // WHEN a second object is put under the same key (the link reused within its lifetime)
    UploadedObject second = desk.uploads.put(first.object().key(), BROKEN);

    // THEN it is ignored, and the submission keeps its outcome
    assertThat(desk.ingest.ingest(second, LEASE)).isEqualTo(Result.IGNORED);
    Submission submission = desk.spending.find(first.id()).orElseThrow();
    assertThat(submission.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(submission.objectVersion()).contains(first.object().version());
  }

  @Test
  void anObjectThisImportDidNotHandOut_isIgnored() {
    UploadedObject stray = desk.uploads.put("spending/readme.txt", BROKEN);
    UploadedObject unknown =
        desk.uploads.put("spending/lyyshj/2021/" + "0".repeat(32) + ".xlsx", BROKEN);

    assertThat(desk.ingest.ingest(stray, LEASE)).isEqualTo(Result.IGNORED);
    assertThat(desk.ingest.ingest(unknown, LEASE)).isEqualTo(Result.IGNORED);
  }

  @Test
  void anOlderUploadProcessedLate_isAccepted_butNotMadeTheYearsFigures() {
    // GIVEN two uploads, the older one's delivery delayed
    Uploaded older =
        desk.upload(UNIT, YEAR, "旧.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.IMPORT);
    Uploaded newer = desk.upload(UNIT, YEAR, "新.xlsx", corrected(), SubmissionKind.IMPORT);
    assertThat(desk.ingest.ingest(newer.object(), LEASE)).isEqualTo(Result.ACCEPTED);

    // WHEN the older one is processed after it
    Result late = desk.ingest.ingest(older.object(), LEASE);

    // THEN it passed, but the newer figures stay in force, and its outcome says so
    assertThat(late).isEqualTo(Result.ACCEPTED);
    assertThat(desk.spending.current(UNIT, YEAR)).contains(newer.id());
    assertThat(desk.spending.find(older.id()).orElseThrow().outcome().orElseThrow().adopted())
        .isFalse();
    assertThat(desk.spending.find(UNIT, YEAR).orElseThrow().totalActual())
        .isEqualTo(Money.ofWanYuan("386.5"));
  }

  @Test
  void aCheck_isComparedWithTheFiguresInForce_andNotMadeCurrent() throws Exception {
    // GIVEN the seed figures in force
    Ingested inForce = importSeed("2021.xlsx");

    // WHEN a corrected workbook (咨询费 1 万元 higher) is checked
    Ingested check =
        desk.importWorkbook(UNIT, YEAR, "2021-更正.xlsx", corrected(), SubmissionKind.CHECK);

    // THEN it passed, the figures in force stay, and it names what it was compared with
    assertThat(check.result()).isEqualTo(Result.ACCEPTED);
    assertThat(desk.spending.current(UNIT, YEAR)).contains(inForce.id());
    SubmissionOutcome outcome =
        desk.spending.find(check.id()).orElseThrow().outcome().orElseThrow();
    assertThat(outcome.adopted()).isFalse();
    assertThat(outcome.checkedAgainst()).contains(inForce.id());

    // AND the outcome file holds the comparison: before, after and difference
    JsonNode json = outcomeJson(outcome);
    assertThat(json.path("kind").asText()).isEqualTo("CHECK");
    assertThat(json.path("comparison").isObject()).isTrue();
    assertThat(json.path("comparison").toString())
        .contains(inForce.id().value(), "385.5", "386.5", "10000.00");
  }

  @Test
  void aCheckWithNothingInForce_isComparedWithNothing() {
    Ingested check =
        desk.importWorkbook(
            UNIT, YEAR, "2021.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.CHECK);

    assertThat(check.result()).isEqualTo(Result.ACCEPTED);
    assertThat(desk.spending.current(UNIT, YEAR)).isEmpty();
    assertThat(
            desk.spending.find(check.id()).orElseThrow().outcome().orElseThrow().checkedAgainst())
        .isEmpty();
  }

  @Test
  void anObjectLargerThanAnyLedger_isRejectedUnread() {
    Uploaded uploaded =
        desk.upload(UNIT, YEAR, "大.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.IMPORT);
    UploadedObject announcedLarge =
        new UploadedObject(
            uploaded.object().bucket(),
            uploaded.object().key(),
            uploaded.object().version(),
            IngestUpload.MAX_BYTES + 1);

    assertThat(desk.ingest.ingest(announcedLarge, LEASE)).isEqualTo(Result.REJECTED);
    assertThat(
            desk.spending.find(uploaded.id()).orElseThrow().outcome().orElseThrow().firstFindings())
        .extracting(f -> f.code())
        .containsExactly(FindingCode.FILE_TOO_LARGE);
  }

  // ------------------------------------------------------------------ the facts beside the lines

  @Test
  void aWorkbookWithoutBasicInfo_isAccepted_andTheNotesNameTheFactsStillMissing() throws Exception {
    Ingested imported =
        desk.importWorkbook(
            UNIT,
            YEAR,
            "2021.xlsx",
            template(YEAR, Seed2021.lines(), UnitYearFacts.NONE),
            SubmissionKind.IMPORT);

    assertThat(imported.result()).isEqualTo(Result.ACCEPTED);
    SubmissionOutcome outcome =
        desk.spending.find(imported.id()).orElseThrow().outcome().orElseThrow();
    assertThat(outcome.findingCount()).isZero();
    assertThat(String.join("\n", outcome.notes()))
        .contains("尚缺", "编制数", "在职人数", "上年三公经费决算数", "本年三公经费预算数");
    assertThat(outcomeJson(outcome).path("factsMissingForReport")).hasSize(4);
  }

  @Test
  void lastYearsFiguresInForce_giveThePriorYearSanGong() {
    // GIVEN 2020's figures in force: 三公 (30217 公务接待费) of 0.5 万元
    FiscalYear lastYear = new FiscalYear(2020);
    desk.importWorkbook(
        UNIT,
        lastYear,
        "2020.xlsx",
        template(lastYear, Seed2021.lines(), UnitYearFacts.NONE),
        SubmissionKind.IMPORT);

    // WHEN 2021's workbook without 基本信息 is imported
    Ingested imported =
        desk.importWorkbook(
            UNIT,
            YEAR,
            "2021.xlsx",
            template(YEAR, Seed2021.lines(), UnitYearFacts.NONE),
            SubmissionKind.IMPORT);

    // THEN the notes say where 上年三公经费决算数 comes from, and it is no longer missing
    List<String> notes =
        desk.spending.find(imported.id()).orElseThrow().outcome().orElseThrow().notes();
    assertThat(notes).contains("上年三公经费决算数 0.5 万元（5000.00 元）：由 2020 年度在用支出数据推算");
    assertThat(String.join("\n", notes)).doesNotContain("尚缺：编制数、在职人数、上年三公经费决算数");
  }

  @Test
  void aFactStaffEntered_overridesTheWorkbooks_andTheNoteSaysSo() {
    // GIVEN staff entered 编制数 13
    desk.saveFacts.save(
        new SaveUnitFacts.Command(
            UNIT,
            YEAR,
            UnitYearFacts.NONE.with(Fact.AUTHORIZED_POSTS, BigDecimal.valueOf(13)),
            "李会计",
            "staff-finance-02"));

    // WHEN the seed workbook (编制数 12) is imported
    Ingested imported = importSeed("2021.xlsx");

    // THEN staff's value is in effect and the workbook's is named as set aside
    List<String> notes =
        desk.spending.find(imported.id()).orElseThrow().outcome().orElseThrow().notes();
    assertThat(notes)
        .anySatisfy(
            note ->
                assertThat(note)
                    .startsWith("编制数 13 人：由李会计填写（第 1 版）")
                    .contains("支出表《2021.xlsx》中为 12 人", "以填写为准"));
    assertThat(notes).anySatisfy(note -> assertThat(note).startsWith("在职人数 11 人：读自支出表《2021.xlsx》"));
  }

  // ------------------------------------------------------------------ helpers

  private Ingested importSeed(String fileName) {
    return desk.importWorkbook(
        UNIT, YEAR, fileName, SpendingWorkbooks.seedTemplate(), SubmissionKind.IMPORT);
  }

  private JsonNode outcomeJson(SubmissionOutcome outcome) throws Exception {
    return Json.mapper().readTree(desk.results.get(outcome.outcomeKey()).orElseThrow().content());
  }

  /** The seed with one project's 咨询费 1 万元 higher (budget and actual). */
  static byte[] corrected() {
    return template(YEAR, correctedLines(), Seed2021.facts());
  }

  static List<SpendingLine> correctedLines() {
    List<SpendingLine> lines = new ArrayList<>();
    boolean changed = false;
    for (SpendingLine line : Seed2021.lines()) {
      if (!changed
          && line.type() == ExpenditureType.PROJECT
          && line.economicCode().value().equals("30203")) {
        lines.add(
            new SpendingLine(
                line.type(),
                line.project(),
                line.economicCode(),
                line.economicName(),
                line.budget().plus(Money.ofWanYuan("1")),
                line.actual().plus(Money.ofWanYuan("1")),
                line.fundSource()));
        changed = true;
      } else {
        lines.add(line);
      }
    }
    return lines;
  }
}
