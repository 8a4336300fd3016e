package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Complaints in every state, on a 2021 calendar with the Spring Festival break, for specifications.
 */
public final class ComplaintFixtures {
  public static final Officer OFFICER = new Officer("officer-1", "李主任");
  public static final Instant FILED = Instant.parse("2021-02-10T02:00:00Z");

  private static final WorkingDayCalendar CALENDAR_2021 =
      new WorkingDayCalendar(
          2021,
          datesBetween("2021-02-11", "2021-02-17"),
          Set.of(LocalDate.parse("2021-02-07"), LocalDate.parse("2021-02-20")),
          true,
          "test");
  public static final Deadlines DEADLINES =
      new Deadlines(
          new WorkingDays(year -> year == 2021 ? Optional.of(CALENDAR_2021) : Optional.empty()),
          TimeLimits.DEFAULT);

  private ComplaintFixtures() {}

  public static Complaint received() {
    return Complaint.file(
        TrackingNumber.random(),
        ComplaintKind.COMPLAINT,
        "市场监督管理局",
        "许可未受理",
        Enterprise.NONE,
        Optional.of(
            new Contact(new PersonName("张三"), MobileNumber.parse("13812345678").orElseThrow())),
        AccessToken.random().hash(),
        Optional.empty(),
        FILED,
        DEADLINES);
  }

  public static Complaint in(ComplaintStatus status) {
    Complaint c = received();
    return switch (status) {
      case RECEIVED -> c;
      case ACCEPTED -> act(c, accept());
      case REFUSED ->
          act(c, new ComplaintAction.Refuse(RefusalReason.CIVIL_DISPUTE, Optional.empty()));
      case IN_PROGRESS -> act(act(c, accept()), transfer());
      case CLOSED -> act(act(c, accept()), close());
      case REVISITED -> act(act(act(c, accept()), close()), revisit());
    };
  }

  public static Complaint act(Complaint c, ComplaintAction action) {
    return c.apply(action, OFFICER, c.updatedAt().plusSeconds(3600), DEADLINES);
  }

  public static ComplaintAction accept() {
    return new ComplaintAction.Accept(Optional.empty());
  }

  public static ComplaintAction transfer() {
    return new ComplaintAction.Transfer("市场监督管理局", Optional.of("请5个工作日内答复"));
  }

  public static ComplaintAction close() {
    return new ComplaintAction.Close("已出具受理通知书并办结许可", 1, Optional.empty());
  }

  public static ComplaintAction revisit() {
    return new ComplaintAction.Revisit(true, true, Optional.empty());
  }

  /** One action of each kind. */
  public static ComplaintAction of(StepAction type) {
    return switch (type) {
      case ACCEPT -> accept();
      case REFUSE -> new ComplaintAction.Refuse(RefusalReason.OUTSIDE_REMIT, Optional.empty());
      case TRANSFER -> transfer();
      case FOLLOW_UP -> new ComplaintAction.FollowUp("电话督促");
      case MEETING -> new ComplaintAction.Meeting("市场监管局、企业", "协调许可办理");
      case CLOSE -> close();
      case REVISIT -> revisit();
      case FILE, FEEDBACK, ATTACH ->
          throw new IllegalArgumentException(type + " is not an officer action");
    };
  }

  private static Set<LocalDate> datesBetween(String from, String to) {
    return LocalDate.parse(from)
        .datesUntil(LocalDate.parse(to).plusDays(1))
        .collect(java.util.stream.Collectors.toSet());
  }
}
