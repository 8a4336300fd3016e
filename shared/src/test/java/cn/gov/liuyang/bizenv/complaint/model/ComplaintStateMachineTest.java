package cn.gov.liuyang.bizenv.complaint.model;

import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.DEADLINES;
import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.OFFICER;
import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.act;
import static cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintStateMachineTest {
  private static final EnumSet<StepAction> OFFICER_ACTIONS =
      EnumSet.complementOf(EnumSet.of(StepAction.FILE, StepAction.FEEDBACK, StepAction.ATTACH));

  /** The whole allowed table; every other (status, action) pair must be refused. */
  private static final Map<ComplaintStatus, Map<StepAction, ComplaintStatus>> ALLOWED =
      Map.of(
          ComplaintStatus.RECEIVED,
          Map.of(
              StepAction.ACCEPT, ComplaintStatus.ACCEPTED,
              StepAction.REFUSE, ComplaintStatus.REFUSED),
          ComplaintStatus.ACCEPTED,
          Map.of(
              StepAction.TRANSFER, ComplaintStatus.IN_PROGRESS,
              StepAction.MEETING, ComplaintStatus.ACCEPTED,
              StepAction.CLOSE, ComplaintStatus.CLOSED),
          ComplaintStatus.IN_PROGRESS,
          Map.of(
              StepAction.TRANSFER, ComplaintStatus.IN_PROGRESS,
              StepAction.FOLLOW_UP, ComplaintStatus.IN_PROGRESS,
              StepAction.MEETING, ComplaintStatus.IN_PROGRESS,
              StepAction.CLOSE, ComplaintStatus.CLOSED),
          ComplaintStatus.CLOSED,
          Map.of(StepAction.REVISIT, ComplaintStatus.REVISITED),
          ComplaintStatus.REFUSED,
          Map.of(),
          ComplaintStatus.REVISITED,
          Map.of());

  static Stream<Arguments> everyStatusAndAction() {
    List<Arguments> pairs = new ArrayList<>();
    for (ComplaintStatus status : ComplaintStatus.values()) {
      for (StepAction action : OFFICER_ACTIONS) {
        pairs.add(Arguments.of(status, action));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("everyStatusAndAction")
  void onlyTheAllowedMovesSucceed_andEachAppendsOneStep(ComplaintStatus status, StepAction action) {
    Complaint before = in(status);
    ComplaintStatus expected = ALLOWED.get(status).get(action);

    if (expected == null) {
      assertThatThrownBy(() -> act(before, ComplaintFixtures.of(action)))
          .isInstanceOf(TransitionNotAllowed.class);
    } else {
      Complaint after = act(before, ComplaintFixtures.of(action));
      assertThat(after.status()).isEqualTo(expected);
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.history()).startsWith(before.history().toArray(Step[]::new));
      assertThat(after.stepsSince(before))
          .singleElement()
          .satisfies(
              step -> {
                assertThat(step.action()).isEqualTo(action);
                assertThat(step.actorId()).isEqualTo(OFFICER.id());
                assertThat(step.statusAfter()).isEqualTo(expected);
              });
    }
  }

  @Test
  void theTableInTheTestIsTheTableInTheCode() {
    for (ComplaintStatus status : ComplaintStatus.values()) {
      assertThat(Complaint.allowedIn(status))
          .isEqualTo(
              ALLOWED.get(status).keySet().isEmpty()
                  ? EnumSet.noneOf(StepAction.class)
                  : EnumSet.copyOf(ALLOWED.get(status).keySet()));
    }
  }

  @Test
  void filingBeforeSpringFestival2021_givesThreeWorkingDaysToAccept_endingOnTheMakeUpSaturday() {
    assertThat(ComplaintFixtures.received().dueBy()).contains(LocalDate.parse("2021-02-20"));
  }

  @Test
  void accepting_startsTheHandlingLimit_andClosingInTime_isRecordedAsOnTime() {
    Complaint accepted = in(ComplaintStatus.ACCEPTED);
    // accepted 10 Feb 2021: 18, 19, 20 (Sat, make-up), 22–26 Feb, 1–5, 8, 9 Mar
    assertThat(accepted.dueBy()).contains(LocalDate.parse("2021-03-09"));

    Complaint closed = act(accepted, ComplaintFixtures.close());

    Step close = closed.history().get(closed.history().size() - 1);
    assertThat(close.details())
        .containsEntry("onTime", "true")
        .containsEntry("workingDays", "0")
        .containsEntry("difficultiesResolved", "1");
    assertThat(close.publicNote()).contains("已出具受理通知书并办结许可");
  }

  @Test
  void closingAfterTheDeadline_isRecordedAsLate() {
    Complaint accepted = in(ComplaintStatus.ACCEPTED);

    Complaint closed =
        accepted.apply(
            ComplaintFixtures.close(), OFFICER, Instant.parse("2021-03-10T02:00:00Z"), DEADLINES);

    assertThat(closed.history().get(closed.history().size() - 1).details())
        .containsEntry("onTime", "false")
        .containsEntry("workingDays", "16");
    assertThat(accepted.overdueOn(LocalDate.parse("2021-03-10"))).isTrue();
    assertThat(accepted.overdueOn(LocalDate.parse("2021-03-09"))).isFalse();
  }

  @Test
  void theComplainantRatesOnce_andOnlyAfterClosing() {
    Feedback rating = new Feedback(true, false, Optional.of("结果满意，态度一般"), Instant.now());

    assertThatThrownBy(() -> in(ComplaintStatus.IN_PROGRESS).rate(rating))
        .isInstanceOf(TransitionNotAllowed.class);
    Complaint rated = in(ComplaintStatus.CLOSED).rate(rating);
    assertThat(rated.feedback()).contains(rating);
    assertThat(rated.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThatThrownBy(() -> rated.rate(rating)).isInstanceOf(TransitionNotAllowed.class);
  }

  @Test
  void aDeadlineInAYearWithoutCalendar_isAnExplicitErrorOfTheCalendar() {
    assertThatThrownBy(() -> DEADLINES.handleBy(LocalDate.parse("2021-12-30")))
        .isInstanceOfSatisfying(
            MissingCalendarException.class, e -> assertThat(e.year()).isEqualTo(2022));
  }

  @Test
  void aStepWhoseDeadlineFallsInAYearWithoutCalendar_isRecorded_withTheDeadlineUnknown() {
    // GIVEN a complaint received, and a 15-working-day limit from 30 Dec 2021 that runs into 2022
    Complaint received = ComplaintFixtures.received();

    // WHEN an officer accepts it
    Complaint accepted =
        received.apply(
            ComplaintFixtures.accept(), OFFICER, Instant.parse("2021-12-30T02:00:00Z"), DEADLINES);

    // THEN the step is taken, its deadline is unknown for want of the 2022 calendar, not overdue
    assertThat(accepted.status()).isEqualTo(ComplaintStatus.ACCEPTED);
    assertThat(accepted.history()).hasSize(2);
    assertThat(accepted.dueBy()).isEmpty();
    assertThat(accepted.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2022);
    assertThat(accepted.deadlineUnknown().orElseThrow().message())
        .isEqualTo("2022 年节假日安排尚未录入，期限待定");
    assertThat(accepted.overdueOn(LocalDate.parse("2023-01-01"))).isFalse();
  }

  @Test
  void anUnknownDeadline_isKeptByStepsThatDoNotChangeIt_andReplacedByTheNextComputedOne() {
    Complaint accepted =
        ComplaintFixtures.received()
            .apply(
                ComplaintFixtures.accept(),
                OFFICER,
                Instant.parse("2021-12-30T02:00:00Z"),
                DEADLINES);

    Complaint transferred =
        accepted.apply(
            ComplaintFixtures.transfer(),
            OFFICER,
            Instant.parse("2021-12-30T03:00:00Z"),
            DEADLINES);
    Complaint refusedElsewhere =
        ComplaintFixtures.received()
            .apply(
                new ComplaintAction.Refuse(RefusalReason.CIVIL_DISPUTE, Optional.empty()),
                OFFICER,
                Instant.parse("2021-12-30T02:00:00Z"),
                DEADLINES);

    assertThat(transferred.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear))
        .contains(2022);
    assertThat(refusedElsewhere.deadlineUnknown()).isEmpty();
    assertThat(refusedElsewhere.dueBy()).isEmpty();
  }

  @Test
  void closingWhenTheWorkingDaysCannotBeCounted_isStillRecorded_onTime_withoutAWorkingDayCount() {
    Complaint accepted =
        ComplaintFixtures.received()
            .apply(
                ComplaintFixtures.accept(),
                OFFICER,
                Instant.parse("2021-12-30T02:00:00Z"),
                DEADLINES);

    Complaint closed =
        accepted.apply(
            ComplaintFixtures.close(), OFFICER, Instant.parse("2022-01-04T02:00:00Z"), DEADLINES);

    Step close = closed.history().get(closed.history().size() - 1);
    assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(close.details())
        .containsEntry("onTime", "true")
        .containsEntry("deadlineUnknown", "CALENDAR_MISSING")
        .doesNotContainKey("workingDays");
    assertThat(closed.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2022);
  }
}
