package cn.gov.liuyang.bizenv.complaint.model;

import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.DEADLINES;
import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendars;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class YearFiguresTest {
  private static final FiscalYear YEAR = FiscalYear.parse("2021").orElseThrow();

  @Test
  void anOpenCaseWhoseDeadlineIsUnknown_isNotOverdue_butCountedApart() {
    // GIVEN one case accepted on 30 Dec 2021 (15 working days run into 2022, which has no
    // calendar) and one accepted in February with a known deadline, both still open
    Complaint unknown =
        ComplaintFixtures.received()
            .apply(
                ComplaintFixtures.accept(),
                OFFICER,
                Instant.parse("2021-12-30T02:00:00Z"),
                DEADLINES);
    Complaint late = ComplaintFixtures.in(ComplaintStatus.ACCEPTED);

    // WHEN the year is counted long after both
    ComplaintYearStatistics figures =
        YearFigures.count(YEAR, List.of(unknown, late), LocalDate.parse("2023-06-01"), DEADLINES);

    // THEN only the case with a known deadline is overdue; the other is counted apart
    assertThat(figures.overdueOpen()).isEqualTo(1);
    assertThat(figures.openWithDeadlineUnknown()).isEqualTo(1);
  }

  @Test
  void onceNextYearsCalendarIsThere_casesWhoseDeadlineWasUnknown_countAsOnTimeOrOverdue() {
    // GIVEN three 2026 cases accepted on 28 Dec with only the 2026 calendar (handling deadline
    // 19 Jan 2027 on the made-up 2027 calendar): one still open, one closed on 15 Jan, one on 25
    // Jan
    Deadlines only2026 =
        new Deadlines(
            new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026)), TimeLimits.DEFAULT);
    Deadlines with2027 =
        new Deadlines(
            new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026, TestCalendars.MADE_UP_2027)),
            TimeLimits.DEFAULT);
    Complaint open = acceptedOn28Dec2026(only2026);
    Complaint closedInTime = closeOn(acceptedOn28Dec2026(only2026), "2027-01-15", only2026);
    Complaint closedLate = closeOn(acceptedOn28Dec2026(only2026), "2027-01-25", only2026);
    List<Complaint> stored = List.of(open, closedInTime, closedLate);
    FiscalYear year2026 = FiscalYear.parse("2026").orElseThrow();
    LocalDate today = LocalDate.parse("2027-02-01");

    // WHEN the year is counted before and after the 2027 calendar is added
    ComplaintYearStatistics before = YearFigures.count(year2026, stored, today, only2026);
    ComplaintYearStatistics after = YearFigures.count(year2026, stored, today, with2027);

    // THEN before: the open case apart, both closings on time as recorded, no day count
    assertThat(before.openWithDeadlineUnknown()).isEqualTo(1);
    assertThat(before.overdueOpen()).isZero();
    assertThat(before.closedOnTime()).isEqualTo(2);
    assertThat(before.averageWorkingDaysToClose()).isEmpty();
    // after: the open case is overdue, the late closing is late, and the days are counted
    // (filed 21 Dec: 15 Jan is the 18th working day after, 25 Jan the 24th)
    assertThat(after.openWithDeadlineUnknown()).isZero();
    assertThat(after.overdueOpen()).isEqualTo(1);
    assertThat(after.closed()).isEqualTo(2);
    assertThat(after.closedOnTime()).isEqualTo(1);
    assertThat(after.averageWorkingDaysToClose()).contains(new BigDecimal("21.0"));
    // and the closing steps still say what was recorded at the time
    assertThat(closedLate.history().get(2).details()).containsEntry("onTime", "true");
  }

  @Test
  void aClosingStoredWithoutItsDeadlineStart_isJudgedFromTheAcceptanceBeforeIt() {
    // GIVEN a case accepted on 28 Dec 2026 without the 2027 calendar and closed late on 25 Jan,
    // its closing step shaped as older versions recorded it (no start, no length)
    Deadlines only2026 =
        new Deadlines(
            new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026)), TimeLimits.DEFAULT);
    Deadlines with2027 =
        new Deadlines(
            new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026, TestCalendars.MADE_UP_2027)),
            TimeLimits.DEFAULT);
    Complaint closed = closeOn(acceptedOn28Dec2026(only2026), "2027-01-25", only2026);
    Step close = closed.history().get(2);
    StepPayload.Closing closing = (StepPayload.Closing) close.payload();
    Step olderClose =
        close.with(
            new StepPayload.Closing(
                closing.difficultiesResolved(),
                closing.onTime(),
                closing.workingDays(),
                closing
                    .deadlineUnknown()
                    .map(
                        unknown ->
                            new StepPayload.UnknownDeadline(
                                unknown.reason(), Optional.empty(), OptionalInt.empty())),
                closing.closedOnUnknownDate()));
    Complaint older =
        new Complaint(
            closed.trackingNumber(),
            closed.kind(),
            closed.subject(),
            closed.description(),
            closed.enterprise(),
            closed.contact(),
            closed.accessTokenHash(),
            closed.idempotencyKeyHash(),
            closed.filedAt(),
            closed.status(),
            closed.version(),
            closed.department(),
            closed.dueBy(),
            closed.deadlineUnknown(),
            closed.feedback(),
            List.of(closed.history().get(0), closed.history().get(1), olderClose),
            closed.attachments());

    // WHEN the year is counted with the 2027 calendar
    ComplaintYearStatistics figures =
        YearFigures.count(
            FiscalYear.parse("2026").orElseThrow(),
            List.of(older),
            LocalDate.parse("2027-02-01"),
            with2027);

    // THEN it is late: the handling limit ran from the acceptance on 28 Dec to 19 Jan
    assertThat(figures.closed()).isEqualTo(1);
    assertThat(figures.closedOnTime()).isZero();
  }

  private static Complaint acceptedOn28Dec2026(Deadlines deadlines) {
    return Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.DIFFICULTY,
            "供电公司",
            "用电报装",
            Enterprise.NONE,
            Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            Instant.parse("2026-12-21T02:00:00Z"),
            deadlines)
        .apply(
            ComplaintFixtures.accept(), OFFICER, Instant.parse("2026-12-28T02:00:00Z"), deadlines);
  }

  private static Complaint closeOn(Complaint accepted, String day, Deadlines deadlines) {
    return accepted.apply(
        ComplaintFixtures.close(), OFFICER, Instant.parse(day + "T02:00:00Z"), deadlines);
  }

  @Test
  void theAverageTimeToClose_leavesOutCasesWhoseWorkingDaysCouldNotBeCounted() {
    // GIVEN one case closed within the 2021 calendar, and one closed in 2022 (no calendar)
    Complaint counted = ComplaintFixtures.in(ComplaintStatus.CLOSED);
    Complaint closedIn2022 =
        ComplaintFixtures.received()
            .apply(
                ComplaintFixtures.accept(),
                OFFICER,
                Instant.parse("2021-12-30T02:00:00Z"),
                DEADLINES)
            .apply(
                ComplaintFixtures.close(),
                OFFICER,
                Instant.parse("2022-01-04T02:00:00Z"),
                DEADLINES);
    String countedDays = counted.history().get(2).details().get("workingDays");

    // WHEN the year is counted
    ComplaintYearStatistics figures =
        YearFigures.count(
            YEAR, List.of(counted, closedIn2022), LocalDate.parse("2023-06-01"), DEADLINES);

    // THEN both are closed, and the average is the counted case's alone
    assertThat(figures.closed()).isEqualTo(2);
    assertThat(figures.averageWorkingDaysToClose()).contains(new BigDecimal(countedDays + ".0"));
  }
}
