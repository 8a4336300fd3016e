package cn.gov.liuyang.bizenv.complaint.model;

import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.DEADLINES;
import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        YearFigures.count(YEAR, List.of(unknown, late), LocalDate.parse("2023-06-01"));

    // THEN only the case with a known deadline is overdue; the other is counted apart
    assertThat(figures.overdueOpen()).isEqualTo(1);
    assertThat(figures.openWithDeadlineUnknown()).isEqualTo(1);
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
        YearFigures.count(YEAR, List.of(counted, closedIn2022), LocalDate.parse("2023-06-01"));

    // THEN both are closed, and the average is the counted case's alone
    assertThat(figures.closed()).isEqualTo(2);
    assertThat(figures.averageWorkingDaysToClose()).contains(new BigDecimal(countedDays + ".0"));
  }
}
