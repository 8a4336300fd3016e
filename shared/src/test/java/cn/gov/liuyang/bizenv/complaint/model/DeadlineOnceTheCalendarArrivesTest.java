package cn.gov.liuyang.bizenv.complaint.model;

import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A deadline left unknown for want of next year's calendar becomes known, from what was kept with
 * the step, as soon as the calendars have that year; the history is not touched.
 */
class DeadlineOnceTheCalendarArrivesTest {
  private static final Deadlines ONLY_2026 =
      new Deadlines(new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026)), TimeLimits.DEFAULT);
  private static final Deadlines WITH_2027 =
      new Deadlines(
          new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026, TestCalendars.MADE_UP_2027)),
          TimeLimits.DEFAULT);

  /** Monday 28 December 2026: 15 working days from then end in 2027. */
  private static final Instant DEC_28 = Instant.parse("2026-12-28T02:00:00Z");

  /**
   * Dec 29, 30, 31, then 1–3 Jan off (made-up 2027), 4–8, 11–15, 18, 19 January: the 15th working
   * day.
   */
  private static final LocalDate DUE = LocalDate.parse("2027-01-19");

  @Test
  void aStepTakenWithoutNextYearsCalendar_keepsWhatItTakesToCountItsDeadlineLater() {
    // WHEN a case is accepted on 28 Dec 2026 with only the 2026 calendar
    Complaint accepted = acceptedOnDec28();

    // THEN the deadline is unknown, with the limit, its start and its length kept
    assertThat(accepted.dueBy()).isEmpty();
    assertThat(accepted.deadlineUnknown())
        .contains(
            new DeadlineUnknown(
                2027, TimeLimit.HANDLE, LocalDate.parse("2026-12-28"), OptionalInt.of(15)));
    assertThat(accepted.overdueOn(LocalDate.parse("2027-06-01"))).isFalse();
  }

  @Test
  void onceTheCalendarsHaveTheYear_theSameComplaintShowsItsDueDate_andIsOverdueAfterIt() {
    // GIVEN a case accepted with only the 2026 calendar
    Complaint stored = acceptedOnDec28();

    // WHEN it is read after 2027 has been added to the calendars
    Complaint read = stored.withDeadlineResolved(WITH_2027);

    // THEN it has its real last day, is overdue the day after, and its history is as it was
    assertThat(read.dueBy()).contains(DUE);
    assertThat(read.deadlineUnknown()).isEmpty();
    assertThat(read.overdueOn(DUE)).isFalse();
    assertThat(read.overdueOn(DUE.plusDays(1))).isTrue();
    assertThat(read.history()).isEqualTo(stored.history());
    assertThat(read.version()).isEqualTo(stored.version());
    assertThat(read.status()).isEqualTo(ComplaintStatus.ACCEPTED);
  }

  @Test
  void theLimitInForceWhenTheStepWasTaken_countsNotOneConfiguredLater() {
    Deadlines longerLimitsNow = new Deadlines(WITH_2027.workingDays(), new TimeLimits(3, 20, 5));

    assertThat(acceptedOnDec28().withDeadlineResolved(longerLimitsNow).dueBy()).contains(DUE);
  }

  @Test
  void whileTheCalendarIsStillMissing_theComplaintStaysAsItIs() {
    Complaint stored = acceptedOnDec28();

    assertThat(stored.withDeadlineResolved(ONLY_2026)).isSameAs(stored);
  }

  @Test
  void theNextStepKeepsTheResolvedDeadline_soTheNextWriteStoresIt() {
    Complaint read = acceptedOnDec28().withDeadlineResolved(WITH_2027);

    Complaint transferred =
        read.apply(
            ComplaintFixtures.transfer(),
            OFFICER,
            Instant.parse("2027-01-05T02:00:00Z"),
            WITH_2027);

    assertThat(transferred.dueBy()).contains(DUE);
    assertThat(transferred.deadlineUnknown()).isEmpty();
  }

  @Test
  void aComplaintStoredWithOnlyTheMissingYear_isCountedFromItsLastStartingStep() {
    // GIVEN what older records hold: the status, the history and only the missing year
    Complaint accepted = acceptedOnDec28();
    Optional<DeadlineUnknown> inferred =
        DeadlineUnknown.inferred(2027, accepted.status(), accepted.history(), Complaint.ZONE);

    // THEN the handling limit runs from the acceptance day, with the configured length
    assertThat(inferred)
        .contains(
            new DeadlineUnknown(
                2027, TimeLimit.HANDLE, LocalDate.parse("2026-12-28"), OptionalInt.empty()));
    assertThat(with(accepted, inferred).withDeadlineResolved(WITH_2027).dueBy()).contains(DUE);
    assertThat(
            DeadlineUnknown.inferred(
                2027, ComplaintStatus.REFUSED, accepted.history(), Complaint.ZONE))
        .isEmpty();
  }

  private static Complaint acceptedOnDec28() {
    Complaint filed =
        Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.COMPLAINT,
            "市场监督管理局",
            "许可未受理",
            Enterprise.NONE,
            Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            Instant.parse("2026-12-21T02:00:00Z"),
            ONLY_2026);
    return filed.apply(ComplaintFixtures.accept(), OFFICER, DEC_28, ONLY_2026);
  }

  private static Complaint with(Complaint c, Optional<DeadlineUnknown> unknown) {
    return new Complaint(
        c.trackingNumber(),
        c.kind(),
        c.subject(),
        c.description(),
        c.enterprise(),
        c.contact(),
        c.accessTokenHash(),
        c.idempotencyKeyHash(),
        c.filedAt(),
        c.status(),
        c.version(),
        c.department(),
        c.dueBy(),
        unknown,
        c.feedback(),
        c.history(),
        c.attachments());
  }
}
