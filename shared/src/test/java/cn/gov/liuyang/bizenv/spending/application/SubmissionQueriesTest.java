package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk.Ingested;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What finance reads back about submissions: status, whether in force, and result links. */
class SubmissionQueriesTest {
  private static final UnitId UNIT = Seed2021.UNIT;
  private static final FiscalYear YEAR = Seed2021.YEAR;

  private final InMemorySpendingDesk desk = new InMemorySpendingDesk();

  @Test
  void aProcessedSubmissionInForce_isCurrent_withLinksToBothResultFiles() {
    Ingested imported = seed("2021年度支出明细.xlsx", SubmissionKind.IMPORT);

    SubmissionQueries.View view =
        desk.queries.find(imported.id(), UnitScope.everyUnit()).orElseThrow();

    assertThat(view.current()).isTrue();
    SubmissionOutcome outcome = view.submission().outcome().orElseThrow();
    assertThat(view.reportUrl().orElseThrow().toString())
        .contains(outcome.reportKey(), encoded("2021年度支出明细-校验结果.xlsx"), "ttl=600");
    assertThat(view.outcomeUrl().orElseThrow().toString())
        .contains(outcome.outcomeKey(), encoded("2021年度支出明细-校验结果.json"));
  }

  @Test
  void aSubmissionStillAwaitingItsWorkbook_isNotCurrent_andHasNoLinks() {
    SubmissionId waiting =
        desk.request(UNIT, YEAR, "2021.xlsx", 1_000, SubmissionKind.IMPORT).submissionId();

    SubmissionQueries.View view = desk.queries.find(waiting, UnitScope.everyUnit()).orElseThrow();

    assertThat(view.current()).isFalse();
    assertThat(view.reportUrl()).isEmpty();
    assertThat(view.outcomeUrl()).isEmpty();
  }

  @Test
  void aPassedCheck_isNotCurrent_butHasItsLinks() {
    seed("2021.xlsx", SubmissionKind.IMPORT);
    Ingested check = seed("预检", SubmissionKind.CHECK);

    SubmissionQueries.View view =
        desk.queries.find(check.id(), UnitScope.everyUnit()).orElseThrow();

    assertThat(view.current()).isFalse();
    assertThat(view.reportUrl().orElseThrow().toString()).contains(encoded("预检-校验结果.xlsx"));
  }

  @Test
  void anUnknownSubmission_isNotFound() {
    assertThat(desk.queries.find(SubmissionId.random(), UnitScope.everyUnit())).isEmpty();
  }

  @Test
  void theYearsSubmissions_areListedNewestFirst_withTheOneInForce() {
    Ingested first = seed("一.xlsx", SubmissionKind.IMPORT);
    Ingested second = seed("二.xlsx", SubmissionKind.CHECK);
    Ingested third = seed("三.xlsx", SubmissionKind.IMPORT);
    seedFor(new FiscalYear(2022));

    SubmissionQueries.YearView year = desk.queries.list(UNIT, YEAR);

    assertThat(year.current()).contains(third.id());
    assertThat(year.submissions())
        .extracting(Submission::id)
        .containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  void aYearWithoutSubmissions_hasNoneAndNothingInForce() {
    SubmissionQueries.YearView year = desk.queries.list(UNIT, new FiscalYear(2019));

    assertThat(year.current()).isEmpty();
    assertThat(year.submissions()).isEmpty();
  }

  private Ingested seed(String fileName, SubmissionKind kind) {
    return desk.importWorkbook(UNIT, YEAR, fileName, SpendingWorkbooks.seedTemplate(), kind);
  }

  private void seedFor(FiscalYear year) {
    desk.request(UNIT, year, "other.xlsx", 1, SubmissionKind.IMPORT);
  }

  private static String encoded(String fileName) {
    return URLEncoder.encode(fileName, StandardCharsets.UTF_8);
  }
}
