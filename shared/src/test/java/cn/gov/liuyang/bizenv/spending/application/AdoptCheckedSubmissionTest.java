package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.Adopted;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.AlreadyInForce;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.Command;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.FiguresChanged;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.NotAdoptable;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.NotFound;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission.Outcome;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.Ingested;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Adopting a checked submission (预检) as the year's figures without uploading it again. */
class AdoptCheckedSubmissionTest {
  private static final UnitId UNIT = Seed2021.UNIT;
  private static final FiscalYear YEAR = Seed2021.YEAR;

  private final InMemorySpendingDesk desk = new InMemorySpendingDesk();

  @Test
  void aPassedCheck_isAdopted_whileTheFiguresItWasComparedWithAreStillInForce() {
    // GIVEN the seed in force and a corrected workbook checked against it
    Ingested seed = seed(SubmissionKind.IMPORT);
    Ingested check = corrected(SubmissionKind.CHECK);
    Instant now = desk.clock.instant();

    // WHEN staff adopt it
    Outcome outcome =
        desk.adopt.adopt(new Command(check.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    // THEN its figures are in force, and who adopted it and when is recorded
    assertThat(outcome).isInstanceOf(Adopted.class);
    Submission adopted = ((Adopted) outcome).submission();
    assertThat(adopted.adoption()).contains(new Submission.Adoption(now, "李会计"));
    assertThat(desk.spending.current(UNIT, YEAR))
        .contains(check.id())
        .isNotEqualTo(Optional.of(seed.id()));
    assertThat(desk.spending.find(UNIT, YEAR).orElseThrow().totalActual())
        .isEqualTo(Money.ofWanYuan("386.5"));
  }

  @Test
  void aFinanceClerkOfAnotherUnit_cannotAdoptIt_andTheFiguresInForceStay() {
    // GIVEN the seed in force and a corrected workbook checked against it
    Ingested seed = seed(SubmissionKind.IMPORT);
    Ingested check = corrected(SubmissionKind.CHECK);

    // WHEN a clerk who acts only for another unit tries to adopt it
    Refusal refused =
        catchThrowableOfType(
            Refusal.class,
            () ->
                desk.adopt.adopt(
                    new Command(
                        check.id(),
                        Optional.empty(),
                        "别的单位",
                        UnitScope.of(Set.of(new UnitId("other-unit"))))));

    // THEN refused as forbidden, and the seed is still the year's figures
    assertThat(refused.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(refused.code()).isEqualTo("UNIT_FORBIDDEN");
    assertThat(desk.spending.current(UNIT, YEAR)).contains(seed.id());
  }

  @Test
  void aCheckWithNothingInForce_isAdopted() {
    Ingested check = seed(SubmissionKind.CHECK);

    Outcome outcome =
        desk.adopt.adopt(new Command(check.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    assertThat(outcome).isInstanceOf(Adopted.class);
    assertThat(desk.spending.current(UNIT, YEAR)).contains(check.id());
  }

  @Test
  void aCheckOvertakenByAnImport_isRefusedWithTheNewComparison_untilStaffConfirmIt() {
    // GIVEN a check of the seed, then a corrected import in force before it is adopted
    seed(SubmissionKind.IMPORT);
    Ingested check = seed(SubmissionKind.CHECK);
    Ingested reimport = corrected(SubmissionKind.IMPORT);

    // WHEN staff adopt the check as when it was checked
    Outcome refused =
        desk.adopt.adopt(new Command(check.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    // THEN it is refused with the comparison against the figures now in force
    assertThat(refused).isInstanceOf(FiguresChanged.class);
    FiguresChanged changed = (FiguresChanged) refused;
    assertThat(changed.current()).contains(reimport.id());
    assertThat(changed.comparison().changesAnything()).isTrue();
    assertThat(changed.comparison().totals())
        .filteredOn(row -> row.key().equals("totalActual"))
        .singleElement()
        .satisfies(row -> assertThat(row.difference()).isEqualTo(Money.ofWanYuan("-1")));
    assertThat(desk.spending.current(UNIT, YEAR)).contains(reimport.id());

    // AND adopting it knowingly, against the figures now in force, succeeds
    Outcome confirmed =
        desk.adopt.adopt(
            new Command(
                check.id(), Optional.of(Optional.of(reimport.id())), "李会计", UnitScope.everyUnit()));
    assertThat(confirmed).isInstanceOf(Adopted.class);
    assertThat(desk.spending.current(UNIT, YEAR)).contains(check.id());
  }

  @Test
  void anImportRequestedBeforeAnAdoption_andProcessedAfterIt_doesNotReplaceIt() {
    // GIVEN an import uploaded but not yet processed, and a check adopted meanwhile
    InMemorySpendingDesk.Uploaded slow =
        desk.upload(UNIT, YEAR, "慢.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.IMPORT);
    Ingested check = corrected(SubmissionKind.CHECK);
    assertThat(
            desk.adopt.adopt(
                new Command(check.id(), Optional.empty(), "李会计", UnitScope.everyUnit())))
        .isInstanceOf(Adopted.class);

    // WHEN the import is processed
    desk.ingest.ingest(slow.object(), InMemorySpendingDesk.LEASE);

    // THEN the adopted figures stay in force
    assertThat(desk.spending.current(UNIT, YEAR)).contains(check.id());
  }

  @Test
  void anImport_isNotACheck() {
    Ingested imported = seed(SubmissionKind.IMPORT);

    Outcome outcome =
        desk.adopt.adopt(
            new Command(imported.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    assertThat(outcome).isInstanceOf(NotAdoptable.class);
    assertThat(((NotAdoptable) outcome).code()).isEqualTo("NOT_A_CHECK");
  }

  @Test
  void aRejectedCheck_cannotBeAdopted() {
    byte[] broken = "单位：元\n支出类型,经济分类科目编码,执行数\n基本支出,99999,1\n".getBytes(StandardCharsets.UTF_8);
    Ingested rejected = desk.importWorkbook(UNIT, YEAR, "坏.csv", broken, SubmissionKind.CHECK);

    Outcome outcome =
        desk.adopt.adopt(
            new Command(rejected.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    assertThat(outcome).isInstanceOf(NotAdoptable.class);
    assertThat(((NotAdoptable) outcome).code()).isEqualTo("CHECK_NOT_PASSED");
    assertThat(((NotAdoptable) outcome).message()).contains("预检未通过");
    assertThat(desk.spending.current(UNIT, YEAR)).isEmpty();
  }

  @Test
  void aCheckWhoseImportFailed_cannotBeAdopted_andSaysToUploadAgain() {
    InMemorySpendingDesk.Uploaded failed =
        desk.upload(
            UNIT, YEAR, "2021.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.CHECK);
    Instant claimedAt = desk.clock.instant();
    desk.spending.claim(
        failed.id(), failed.object().version(), claimedAt, InMemorySpendingDesk.LEASE);
    desk.spending.fail(
        failed.id(),
        failed.object().version(),
        claimedAt,
        InMemorySpendingDesk.LEASE,
        IngestFailure.afterLastDelivery(claimedAt, 3));

    Outcome outcome =
        desk.adopt.adopt(new Command(failed.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    assertThat(outcome).isInstanceOf(NotAdoptable.class);
    assertThat(((NotAdoptable) outcome).code()).isEqualTo("CHECK_NOT_PASSED");
    assertThat(((NotAdoptable) outcome).message()).contains("未能完成", "重新上传");
    assertThat(desk.spending.current(UNIT, YEAR)).isEmpty();
  }

  @Test
  void aCheckStillAwaitingItsWorkbook_cannotBeAdoptedYet() {
    InMemorySpendingDesk.Uploaded waiting =
        desk.upload(
            UNIT, YEAR, "2021.xlsx", SpendingWorkbooks.seedTemplate(), SubmissionKind.CHECK);

    Outcome outcome =
        desk.adopt.adopt(new Command(waiting.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    assertThat(outcome).isInstanceOf(NotAdoptable.class);
    assertThat(((NotAdoptable) outcome).code()).isEqualTo("CHECK_NOT_PASSED");
    assertThat(((NotAdoptable) outcome).message()).contains("预检尚未完成", "待上传");
  }

  @Test
  void aCheckAdoptedTwice_isAlreadyInForce() {
    Ingested check = seed(SubmissionKind.CHECK);
    desk.adopt.adopt(new Command(check.id(), Optional.empty(), "李会计", UnitScope.everyUnit()));

    Outcome again =
        desk.adopt.adopt(new Command(check.id(), Optional.empty(), "王科长", UnitScope.everyUnit()));

    assertThat(again).isInstanceOf(AlreadyInForce.class);
    assertThat(desk.spending.find(check.id()).orElseThrow().adoption().orElseThrow().by())
        .isEqualTo("李会计");
  }

  @Test
  void anUnknownSubmission_isNotFound() {
    assertThat(
            desk.adopt.adopt(
                new Command(SubmissionId.random(), Optional.empty(), "李会计", UnitScope.everyUnit())))
        .isInstanceOf(NotFound.class);
  }

  private Ingested seed(SubmissionKind kind) {
    return desk.importWorkbook(UNIT, YEAR, "2021.xlsx", SpendingWorkbooks.seedTemplate(), kind);
  }

  private Ingested corrected(SubmissionKind kind) {
    return desk.importWorkbook(UNIT, YEAR, "2021-更正.xlsx", IngestUploadTest.corrected(), kind);
  }
}
