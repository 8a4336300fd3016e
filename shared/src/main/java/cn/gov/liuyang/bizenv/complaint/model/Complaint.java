package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A complaint, report, suggestion or difficulty request and everything done with it.
 *
 * @param contact empty for an anonymous complaint
 * @param idempotencyKeyHash SHA-256 of the client's Idempotency-Key, when it sent one
 * @param version incremented by every change; writes are conditional on it
 * @param department the department the case was last transferred to (转办)
 * @param dueBy the last working day of the current step, when one is running and its calendar
 *     exists
 * @param deadlineUnknown why a running step has no {@code dueBy} (a calendar is missing), with what
 *     it takes to count it once the calendar is there ({@link #withDeadlineResolved})
 * @param history every step so far, oldest first; only ever appended to
 * @param attachments photos and PDFs the complainant added, by upload link
 * @param origin for a case imported from a unit's ledger (投诉台账): which row; empty for a case filed
 *     through the API. Imported cases are read-only.
 */
public record Complaint(
    TrackingNumber trackingNumber,
    ComplaintKind kind,
    String subject,
    String description,
    Enterprise enterprise,
    Optional<Contact> contact,
    AccessToken.Hash accessTokenHash,
    Optional<String> idempotencyKeyHash,
    Instant filedAt,
    ComplaintStatus status,
    long version,
    Optional<String> department,
    Optional<LocalDate> dueBy,
    Optional<DeadlineUnknown> deadlineUnknown,
    Optional<Feedback> feedback,
    List<Step> history,
    List<Attachment> attachments,
    Optional<LedgerOrigin> origin) {

  /** Dates, years and working days are counted in China Standard Time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** How many files a complaint may carry. */
  public static final int MAX_ATTACHMENTS = 5;

  public Complaint {
    if (dueBy.isPresent() && deadlineUnknown.isPresent()) {
      throw new IllegalArgumentException("a deadline cannot be both known and unknown");
    }
    history = List.copyOf(history);
    attachments = List.copyOf(attachments);
    origin = origin == null ? Optional.empty() : origin;
  }

  /** A case filed through the API (no ledger origin). */
  public Complaint(
      TrackingNumber trackingNumber,
      ComplaintKind kind,
      String subject,
      String description,
      Enterprise enterprise,
      Optional<Contact> contact,
      AccessToken.Hash accessTokenHash,
      Optional<String> idempotencyKeyHash,
      Instant filedAt,
      ComplaintStatus status,
      long version,
      Optional<String> department,
      Optional<LocalDate> dueBy,
      Optional<DeadlineUnknown> deadlineUnknown,
      Optional<Feedback> feedback,
      List<Step> history,
      List<Attachment> attachments) {
    this(
        trackingNumber,
        kind,
        subject,
        description,
        enterprise,
        contact,
        accessTokenHash,
        idempotencyKeyHash,
        filedAt,
        status,
        version,
        department,
        dueBy,
        deadlineUnknown,
        feedback,
        history,
        attachments,
        Optional.empty());
  }

  /** Imported from a ledger row: read-only, neither officers nor complainants act on it. */
  public boolean imported() {
    return origin.isPresent();
  }

  /** This case as imported from the ledger row {@code from}. */
  public Complaint importedFrom(LedgerOrigin from) {
    return changed(
        status, version, department, due(), feedback, history, attachments, Optional.of(from));
  }

  /**
   * This case with its closing recorded as on a day the ledger does not give (same action, time and
   * status): a ledger import records what the ledger says rather than what the state machine
   * derived, so the case is not counted late on a date nobody knows, and is left out of the average
   * time to close.
   *
   * @throws IllegalStateException when the last step is not a closing
   */
  public Complaint withClosingDateUnknown() {
    List<Step> steps = new ArrayList<>(history);
    Step last = steps.remove(steps.size() - 1);
    if (!(last.payload() instanceof StepPayload.Closing closing)) {
      throw new IllegalStateException("the last step is not a closing");
    }
    steps.add(last.with(StepPayload.Closing.onUnknownDate(closing.difficultiesResolved())));
    return changed(status, version, department, due(), feedback, steps, attachments, origin);
  }

  /**
   * A newly filed complaint, waiting to be accepted. Filing never fails for want of a calendar: the
   * deadline is then {@link #deadlineUnknown}.
   */
  public static Complaint file(
      TrackingNumber trackingNumber,
      ComplaintKind kind,
      String subject,
      String description,
      Enterprise enterprise,
      Optional<Contact> contact,
      AccessToken.Hash accessTokenHash,
      Optional<String> idempotencyKeyHash,
      Instant at,
      Deadlines deadlines) {
    Due acceptBy = Due.compute(TimeLimit.ACCEPT, at.atZone(ZONE).toLocalDate(), deadlines);
    Step filed =
        new Step(
            StepAction.FILE,
            at,
            Step.COMPLAINANT,
            Step.COMPLAINANT,
            ComplaintStatus.RECEIVED,
            Optional.empty(),
            Optional.empty(),
            new StepPayload.Filing());
    return new Complaint(
        trackingNumber,
        kind,
        subject,
        description,
        enterprise,
        contact,
        accessTokenHash,
        idempotencyKeyHash,
        at,
        ComplaintStatus.RECEIVED,
        1,
        Optional.empty(),
        acceptBy.by(),
        acceptBy.unknown(),
        Optional.empty(),
        List.of(filed),
        List.of());
  }

  public boolean anonymous() {
    return contact.isEmpty();
  }

  /** The calendar day it was filed on, in China. */
  public LocalDate filedOn() {
    return filedAt.atZone(ZONE).toLocalDate();
  }

  public Instant updatedAt() {
    return history.get(history.size() - 1).at();
  }

  /** The officer actions the status allows: the whole state machine in one place. */
  public static Set<StepAction> allowedIn(ComplaintStatus status) {
    return switch (status) {
      case RECEIVED -> EnumSet.of(StepAction.ACCEPT, StepAction.REFUSE);
      case ACCEPTED -> EnumSet.of(StepAction.TRANSFER, StepAction.MEETING, StepAction.CLOSE);
      case IN_PROGRESS ->
          EnumSet.of(
              StepAction.TRANSFER, StepAction.FOLLOW_UP, StepAction.MEETING, StepAction.CLOSE);
      case CLOSED -> EnumSet.of(StepAction.REVISIT);
      case REFUSED, REVISITED -> EnumSet.noneOf(StepAction.class);
    };
  }

  /** What an officer may do now: nothing on an imported case, which is read-only. */
  public Set<StepAction> allowedActions() {
    return imported() ? EnumSet.noneOf(StepAction.class) : allowedIn(status);
  }

  /** Today's date in China is after the running step's last day; never when that day is unknown. */
  public boolean overdueOn(LocalDate today) {
    return dueBy.isPresent() && today.isAfter(dueBy.get());
  }

  /**
   * The limit the current step runs under and the day it is counted from; empty once the case is
   * refused or revisited.
   */
  public Optional<RunningLimit> runningLimit() {
    if (deadlineUnknown.isPresent()) {
      DeadlineUnknown unknown = deadlineUnknown.get();
      return Optional.of(new RunningLimit(unknown.limit(), unknown.countedFrom()));
    }
    if (dueBy.isEmpty()) {
      return Optional.empty();
    }
    return DeadlineUnknown.running(status, history, ZONE);
  }

  /**
   * Whether the running step's last day is counted on {@code year}'s working-day calendar: it waits
   * for that calendar (its deadline is unknown, and {@code year} is the first year missing), or it
   * is known and its working days run through that year. A deadline waiting for an earlier year
   * does not count: that year's calendar must come first.
   */
  public boolean deadlineCountedOn(int year) {
    if (deadlineUnknown.isPresent()) {
      return deadlineUnknown.get().missingCalendarYear() == year;
    }
    if (dueBy.isEmpty()) {
      return false;
    }
    LocalDate last = dueBy.get();
    int firstYear =
        runningLimit().map(r -> r.countedFrom().plusDays(1).getYear()).orElse(last.getYear());
    return firstYear <= year && year <= last.getYear();
  }

  /**
   * This complaint with its unknown deadline counted again on {@code deadlines}' calendars: once
   * the missing year's calendar is there, the running step gets its last day (and may be overdue);
   * the history and version stay as they are. The same complaint when there is nothing to count, or
   * still a calendar missing (then perhaps a later year's).
   */
  public Complaint withDeadlineResolved(Deadlines deadlines) {
    if (deadlineUnknown.isEmpty()) {
      return this;
    }
    DeadlineUnknown unknown = deadlineUnknown.get();
    Due due =
        Due.count(
            unknown.limit(),
            unknown.countedFrom(),
            unknown.workingDaysUnder(deadlines.limits()),
            deadlines.workingDays());
    if (due.unknown().equals(deadlineUnknown)) {
      return this;
    }
    return changed(status, version, department, due, feedback, history, attachments, origin);
  }

  /**
   * The complaint after an officer's step, one version later with the step appended to its history.
   *
   * <p>A step is never refused for want of a calendar: when the new deadline would fall in a year
   * without one, it is recorded as {@link #deadlineUnknown} instead.
   *
   * @throws TransitionNotAllowed when the current status does not allow the step
   */
  public Complaint apply(ComplaintAction action, Officer officer, Instant at, Deadlines deadlines) {
    if (!allowedActions().contains(action.type())) {
      throw new TransitionNotAllowed(this, action.type());
    }
    LocalDate today = at.atZone(ZONE).toLocalDate();
    if (action instanceof ComplaintAction.Accept accept) {
      return next(
          ComplaintStatus.ACCEPTED,
          department,
          Due.compute(TimeLimit.HANDLE, today, deadlines),
          officer,
          at,
          action,
          Optional.empty(),
          accept.note(),
          new StepPayload.Acceptance());
    }
    if (action instanceof ComplaintAction.Refuse refuse) {
      return next(
          ComplaintStatus.REFUSED,
          department,
          Due.NONE,
          officer,
          at,
          action,
          Optional.of(refuse.reason().label()),
          refuse.note(),
          new StepPayload.Refusal(refuse.reason()));
    }
    if (action instanceof ComplaintAction.Transfer transfer) {
      return next(
          ComplaintStatus.IN_PROGRESS,
          Optional.of(transfer.department()),
          due(),
          officer,
          at,
          action,
          Optional.of("已转交" + transfer.department() + "办理"),
          transfer.note(),
          new StepPayload.Transfer(transfer.department()));
    }
    if (action instanceof ComplaintAction.FollowUp followUp) {
      return next(
          status,
          department,
          due(),
          officer,
          at,
          action,
          Optional.of("已督促承办部门加快办理"),
          Optional.of(followUp.note()),
          new StepPayload.FollowUp());
    }
    if (action instanceof ComplaintAction.Meeting meeting) {
      return next(
          status,
          department,
          due(),
          officer,
          at,
          action,
          Optional.of("已组织多方联动会议协调"),
          Optional.of(meeting.summary()),
          new StepPayload.Meeting(meeting.participants()));
    }
    if (action instanceof ComplaintAction.Close close) {
      // An unknown deadline lies at least in the year without calendar: a case is not counted late
      // on a deadline nobody could know.
      boolean onTime = dueBy.map(last -> !today.isAfter(last)).orElse(true);
      // what it takes to judge the closing again once the calendar exists (see YearFigures)
      Optional<StepPayload.UnknownDeadline> unknownThen =
          deadlineUnknown.map(
              unknown ->
                  new StepPayload.UnknownDeadline(
                      unknown.reason(),
                      Optional.of(unknown.countedFrom()),
                      OptionalInt.of(unknown.workingDaysUnder(deadlines.limits()))));
      OptionalInt workingDays;
      try {
        workingDays = OptionalInt.of(deadlines.workingDays().between(filedOn(), today));
      } catch (MissingCalendarException e) {
        // left out, so that averages are taken over the cases that could be counted
        workingDays = OptionalInt.empty();
      }
      StepPayload.Closing details =
          new StepPayload.Closing(
              close.difficultiesResolved(), onTime, workingDays, unknownThen, false);
      return next(
          ComplaintStatus.CLOSED,
          department,
          Due.compute(TimeLimit.REVISIT, today, deadlines),
          officer,
          at,
          action,
          Optional.of(close.result()),
          close.note(),
          details);
    }
    ComplaintAction.Revisit revisit = (ComplaintAction.Revisit) action;
    return next(
        ComplaintStatus.REVISITED,
        department,
        Due.NONE,
        officer,
        at,
        action,
        Optional.of("已回访"),
        revisit.note(),
        new StepPayload.Revisit(revisit.satisfiedWithResult(), revisit.satisfiedWithService()));
  }

  /**
   * The complainant's rating, once, after the case is closed.
   *
   * @throws TransitionNotAllowed before closing, or when already rated
   */
  public Complaint rate(Feedback rating) {
    boolean closed = status == ComplaintStatus.CLOSED || status == ComplaintStatus.REVISITED;
    if (!closed || feedback.isPresent() || imported()) {
      throw new TransitionNotAllowed(this, StepAction.FEEDBACK);
    }
    Step step =
        new Step(
            StepAction.FEEDBACK,
            rating.at(),
            Step.COMPLAINANT,
            Step.COMPLAINANT,
            status,
            Optional.empty(),
            Optional.empty(),
            new StepPayload.Rating(rating.satisfiedWithResult(), rating.satisfiedWithService()));
    return with(status, department, due(), Optional.of(rating), step);
  }

  /**
   * The complaint with one more file, recorded as a step of the complainant's.
   *
   * @throws TransitionNotAllowed once the case is finished or already has {@link #MAX_ATTACHMENTS}
   */
  public Complaint attach(Attachment attachment) {
    if (status.finished() || attachments.size() >= MAX_ATTACHMENTS || imported()) {
      throw new TransitionNotAllowed(this, StepAction.ATTACH);
    }
    Step step =
        new Step(
            StepAction.ATTACH,
            attachment.at(),
            Step.COMPLAINANT,
            Step.COMPLAINANT,
            status,
            Optional.empty(),
            Optional.empty(),
            new StepPayload.Attaching(attachment.id(), attachment.contentType()));
    List<Attachment> more = new ArrayList<>(attachments);
    more.add(attachment);
    return changed(status, version + 1, department, due(), feedback, appended(step), more, origin);
  }

  /** The steps added since {@code earlier}, a previous version of this complaint. */
  public List<Step> stepsSince(Complaint earlier) {
    return history.subList(earlier.history.size(), history.size());
  }

  private Complaint next(
      ComplaintStatus nextStatus,
      Optional<String> nextDepartment,
      Due nextDue,
      Officer officer,
      Instant at,
      ComplaintAction action,
      Optional<String> publicNote,
      Optional<String> internalNote,
      StepPayload details) {
    Step step =
        new Step(
            action.type(),
            at,
            officer.id(),
            officer.name(),
            nextStatus,
            publicNote,
            internalNote,
            details);
    return with(nextStatus, nextDepartment, nextDue, feedback, step);
  }

  private Complaint with(
      ComplaintStatus nextStatus,
      Optional<String> nextDepartment,
      Due nextDue,
      Optional<Feedback> nextFeedback,
      Step step) {
    return changed(
        nextStatus,
        version + 1,
        nextDepartment,
        nextDue,
        nextFeedback,
        appended(step),
        attachments,
        origin);
  }

  private List<Step> appended(Step step) {
    List<Step> longer = new ArrayList<>(history);
    longer.add(step);
    return longer;
  }

  /**
   * This complaint with what changes over its life (or its ledger origin) replaced; what was filed
   * stays.
   */
  private Complaint changed(
      ComplaintStatus nextStatus,
      long nextVersion,
      Optional<String> nextDepartment,
      Due nextDue,
      Optional<Feedback> nextFeedback,
      List<Step> nextHistory,
      List<Attachment> nextAttachments,
      Optional<LedgerOrigin> nextOrigin) {
    return new Complaint(
        trackingNumber,
        kind,
        subject,
        description,
        enterprise,
        contact,
        accessTokenHash,
        idempotencyKeyHash,
        filedAt,
        nextStatus,
        nextVersion,
        nextDepartment,
        nextDue.by(),
        nextDue.unknown(),
        nextFeedback,
        nextHistory,
        nextAttachments,
        nextOrigin);
  }

  private Due due() {
    return new Due(dueBy, deadlineUnknown);
  }

  /** A step's last day, or why it is unknown, or neither when no step is running. */
  private record Due(Optional<LocalDate> by, Optional<DeadlineUnknown> unknown) {
    static final Due NONE = new Due(Optional.empty(), Optional.empty());

    static Due compute(TimeLimit limit, LocalDate from, Deadlines deadlines) {
      return count(limit, from, deadlines.limits().of(limit), deadlines.workingDays());
    }

    /** The last day, or, when a calendar is missing, what it takes to count it later. */
    static Due count(TimeLimit limit, LocalDate from, int days, WorkingDays workingDays) {
      try {
        return new Due(Optional.of(workingDays.addTo(from, days)), Optional.empty());
      } catch (MissingCalendarException e) {
        return new Due(
            Optional.empty(),
            Optional.of(new DeadlineUnknown(e.year(), limit, from, OptionalInt.of(days))));
      }
    }
  }
}
