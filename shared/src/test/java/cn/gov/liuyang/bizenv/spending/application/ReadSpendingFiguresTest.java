package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.spending.application.ReadSpendingFigures.Found;
import cn.gov.liuyang.bizenv.spending.application.ReadSpendingFigures.NoFigures;
import cn.gov.liuyang.bizenv.spending.application.ReadSpendingFigures.NoSuchSubmission;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.Ingested;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.FactSource;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The figures finance checks before the report states them. */
class ReadSpendingFiguresTest {
  private static final UnitId UNIT = Seed2021.UNIT;
  private static final FiscalYear YEAR = Seed2021.YEAR;

  private final InMemorySpendingDesk desk = new InMemorySpendingDesk();

  @Test
  void theFiguresInForce_comeWithTheFactsFromEverySource() {
    Ingested seed = seed(SubmissionKind.IMPORT);
    desk.saveFacts.save(
        new SaveUnitFacts.Command(
            UNIT,
            YEAR,
            UnitYearFacts.NONE.with(Fact.STAFF_ON_PAYROLL, BigDecimal.TEN),
            "李会计",
            "staff-finance-02"));

    ReadSpendingFigures.Figures figures = desk.figures.inForce(UNIT, YEAR).orElseThrow();

    assertThat(figures.current()).isTrue();
    assertThat(figures.spending().submissionId()).isEqualTo(seed.id().value());
    assertThat(figures.spending().totalActual()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(figures.facts().values().headcount(Fact.STAFF_ON_PAYROLL)).contains(10);
    assertThat(figures.facts().get(Fact.AUTHORIZED_POSTS).orElseThrow().source())
        .isInstanceOf(FactSource.Workbook.class);
    assertThat(figures.facts().missingForReport()).isEmpty();
  }

  @Test
  void aYearWithoutAcceptedFigures_hasNone() {
    assertThat(desk.figures.inForce(UNIT, YEAR)).isEmpty();
  }

  @Test
  void aCheckNotInForce_isReadWithTheFactsAsIfItWereAdopted() {
    seed(SubmissionKind.IMPORT);
    Ingested check =
        desk.importWorkbook(
            UNIT,
            YEAR,
            "更正.xlsx",
            InMemorySpendingDesk.template(
                YEAR,
                IngestUploadTest.correctedLines(),
                Seed2021.facts().with(Fact.AUTHORIZED_POSTS, BigDecimal.valueOf(14))),
            SubmissionKind.CHECK);

    ReadSpendingFigures.OfSubmission read =
        desk.figures.ofSubmission(check.id(), UnitScope.everyUnit());

    assertThat(read).isInstanceOf(Found.class);
    ReadSpendingFigures.Figures figures = ((Found) read).figures();
    assertThat(figures.current()).isFalse();
    assertThat(figures.spending().totalActual()).isEqualTo(Money.ofWanYuan("386.5"));
    assertThat(figures.facts().values().headcount(Fact.AUTHORIZED_POSTS)).contains(14);
    assertThat(desk.figures.comparison(((Found) read).submission()).orElseThrow().changesAnything())
        .isTrue();
  }

  @Test
  void aRejectedSubmission_hasNoFigures() {
    byte[] broken = "单位：元\n支出类型,经济分类科目编码,执行数\n基本支出,99999,1\n".getBytes(StandardCharsets.UTF_8);
    Ingested rejected = desk.importWorkbook(UNIT, YEAR, "坏.csv", broken, SubmissionKind.IMPORT);

    ReadSpendingFigures.OfSubmission read =
        desk.figures.ofSubmission(rejected.id(), UnitScope.everyUnit());

    assertThat(read).isInstanceOf(NoFigures.class);
    assertThat(desk.figures.comparison(((NoFigures) read).submission())).isEmpty();
  }

  @Test
  void anUnknownSubmission_isNoSuchSubmission() {
    assertThat(desk.figures.ofSubmission(SubmissionId.random(), UnitScope.everyUnit()))
        .isInstanceOf(NoSuchSubmission.class);
  }

  private Ingested seed(SubmissionKind kind) {
    return desk.importWorkbook(UNIT, YEAR, "2021.xlsx", SpendingWorkbooks.seedTemplate(), kind);
  }
}
