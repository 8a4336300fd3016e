package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendarEntries;
import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which cases a year's calendar decides: the running limit's working days reach into that year,
 * whether the deadline still waits for it or has been counted on it. Far-future years, made up.
 */
class DeadlineCountedOnTest {
  private static final WorkingDayCalendar Y2030 =
      TestCalendarEntries.newYearOnly(2030).calendar(false);
  private static final WorkingDayCalendar Y2031 = TestCalendarEntries.madeUp2031().calendar(false);
  private static final Deadlines ONLY_2030 =
      new Deadlines(new WorkingDays(TestCalendars.of(Y2030)), TimeLimits.DEFAULT);
  private static final Deadlines WITH_2031 =
      new Deadlines(new WorkingDays(TestCalendars.of(Y2030, Y2031)), TimeLimits.DEFAULT);
  private static final Deadlines NONE =
      new Deadlines(new WorkingDays(TestCalendars.of()), TimeLimits.DEFAULT);

  /** Friday 27 December 2030: 3 working days are 30, 31 December and 2 January 2031. */
  private static final Instant DEC_27 = Instant.parse("2030-12-27T02:00:00Z");

  @Test
  void aCaseWaitingForTheYear_isDecidedByIt_beforeAndAfterTheCalendarIsThere() {
    Complaint waiting = filed(DEC_27, ONLY_2030);

    assertThat(waiting.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2031);
    assertThat(waiting.deadlineCountedOn(2031)).isTrue();
    assertThat(waiting.deadlineCountedOn(2030)).isFalse();
    assertThat(waiting.runningLimit())
        .contains(new RunningLimit(TimeLimit.ACCEPT, LocalDate.parse("2030-12-27")));

    Complaint resolved = waiting.withDeadlineResolved(WITH_2031);
    assertThat(resolved.dueBy()).contains(LocalDate.parse("2031-01-02"));
    assertThat(resolved.deadlineCountedOn(2031)).isTrue();
    assertThat(resolved.deadlineCountedOn(2030)).isTrue(); // 30 and 31 December count too
    assertThat(resolved.deadlineCountedOn(2032)).isFalse();
    assertThat(resolved.runningLimit())
        .contains(new RunningLimit(TimeLimit.ACCEPT, LocalDate.parse("2030-12-27")));
  }

  @Test
  void aDeadlineInsideOneYear_isNotDecidedByTheNext() {
    Complaint june = filed(Instant.parse("2030-06-03T02:00:00Z"), ONLY_2030);

    assertThat(june.dueBy()).isPresent();
    assertThat(june.deadlineCountedOn(2031)).isFalse();
    assertThat(june.deadlineCountedOn(2030)).isTrue();
  }

  @Test
  void aCaseWaitingForAnEarlierYear_waitsForThatOneFirst() {
    Complaint waiting = filed(DEC_27, NONE);

    assertThat(waiting.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2030);
    assertThat(waiting.deadlineCountedOn(2031)).isFalse();
  }

  @Test
  void aCaseWithoutRunningLimit_isDecidedByNoCalendar() {
    Complaint refused =
        filed(DEC_27, WITH_2031)
            .apply(
                new ComplaintAction.Refuse(RefusalReason.CIVIL_DISPUTE, Optional.empty()),
                ComplaintFixtures.OFFICER,
                DEC_27.plusSeconds(3600),
                WITH_2031);

    assertThat(refused.runningLimit()).isEmpty();
    assertThat(refused.deadlineCountedOn(2031)).isFalse();
  }

  @Test
  void anAcceptedCase_runsItsHandlingLimitFromTheAcceptanceDay() {
    Complaint accepted =
        filed(Instant.parse("2031-01-06T02:00:00Z"), WITH_2031)
            .apply(
                ComplaintFixtures.accept(),
                ComplaintFixtures.OFFICER,
                Instant.parse("2031-01-07T02:00:00Z"),
                WITH_2031);

    assertThat(accepted.runningLimit())
        .contains(new RunningLimit(TimeLimit.HANDLE, LocalDate.parse("2031-01-07")));
    assertThat(accepted.deadlineCountedOn(2031)).isTrue();
    assertThat(accepted.deadlineCountedOn(2030)).isFalse();
  }

  private static Complaint filed(Instant at, Deadlines deadlines) {
    return Complaint.file(
        TrackingNumber.random(),
        ComplaintKind.COMPLAINT,
        "住建局",
        "描述",
        Enterprise.NONE,
        Optional.empty(),
        AccessToken.random().hash(),
        Optional.empty(),
        at,
        deadlines);
  }
}
