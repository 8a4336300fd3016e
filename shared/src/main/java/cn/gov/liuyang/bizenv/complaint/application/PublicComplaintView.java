package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.CreditCode;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the complainant sees with tracking number and token: status, public steps and deadline (or,
 * while next year's holidays are unpublished, when it will be known), with personal data masked and
 * officers' names and internal notes left out. Null fields are omitted.
 */
public record PublicComplaintView(
    String trackingNumber,
    String kind,
    String kindLabel,
    String subject,
    String status,
    String statusLabel,
    boolean anonymous,
    Instant filedAt,
    Instant updatedAt,
    LocalDate dueBy,
    String deadlineUnknownReason,
    String deadlineUnknownMessage,
    String department,
    MaskedContact contact,
    EnterpriseView enterprise,
    List<PublicStep> steps,
    FeedbackView feedback) {

  public record MaskedContact(String name, String phone) {}

  public record EnterpriseView(String name, String creditCode) {}

  public record PublicStep(
      String action, String actionLabel, Instant at, String statusLabel, String note) {}

  public record FeedbackView(
      boolean satisfiedWithResult, boolean satisfiedWithService, Instant at) {}

  public static PublicComplaintView of(Complaint complaint) {
    var enterprise = complaint.enterprise();
    return new PublicComplaintView(
        complaint.trackingNumber().display(),
        complaint.kind().name(),
        complaint.kind().label(),
        complaint.subject(),
        complaint.status().name(),
        complaint.status().label(),
        complaint.anonymous(),
        complaint.filedAt(),
        complaint.updatedAt(),
        complaint.status().finished() ? null : complaint.dueBy().orElse(null),
        runningUnknown(complaint).map(DeadlineUnknown::reason).orElse(null),
        runningUnknown(complaint).map(DeadlineUnknown::publicMessage).orElse(null),
        complaint.department().orElse(null),
        complaint
            .contact()
            .map(c -> new MaskedContact(c.name().masked(), c.phone().masked()))
            .orElse(null),
        enterprise.name().isEmpty() && enterprise.creditCode().isEmpty()
            ? null
            : new EnterpriseView(
                enterprise.name().orElse(null),
                enterprise.creditCode().map(CreditCode::masked).orElse(null)),
        complaint.history().stream().map(PublicComplaintView::publicStep).toList(),
        complaint
            .feedback()
            .map(f -> new FeedbackView(f.satisfiedWithResult(), f.satisfiedWithService(), f.at()))
            .orElse(null));
  }

  /** Why the running step shows no date: a year's holiday calendar is not published yet. */
  static Optional<DeadlineUnknown> runningUnknown(Complaint complaint) {
    return complaint.status().finished() ? Optional.empty() : complaint.deadlineUnknown();
  }

  private static PublicStep publicStep(Step step) {
    return new PublicStep(
        step.action().name(),
        step.action().label(),
        step.at(),
        step.statusAfter().label(),
        step.publicNote().orElse(null));
  }
}
