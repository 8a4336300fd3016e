package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.CreditCode;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Step;
import cn.gov.liuyang.bizenv.complaint.model.StepAction;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A complaint as officers see it: everything, including contact details and internal notes. */
record StaffComplaintView(
    String trackingNumber,
    String kind,
    String kindLabel,
    String subject,
    String description,
    String status,
    String statusLabel,
    long version,
    List<String> allowedActions,
    boolean anonymous,
    String contactName,
    String contactPhone,
    String enterpriseName,
    String creditCode,
    Instant filedAt,
    Instant updatedAt,
    LocalDate dueBy,
    String deadlineUnknownReason,
    String deadlineUnknownMessage,
    boolean overdue,
    String department,
    List<StaffStep> history,
    List<AttachmentView> attachments,
    String source,
    boolean readOnly,
    LedgerView ledger) {

  /** Where an imported case comes from: the unit's ledger, the import, the sheet and row. */
  record LedgerView(
      String unit, String importId, String sheet, int row, String registrationNumber) {}

  /** A file the complainant attached, with a download link valid for a few minutes. */
  record AttachmentView(String id, String contentType, long size, Instant at, URI downloadUrl) {}

  record StaffStep(
      String action,
      String actionLabel,
      Instant at,
      String actorId,
      String actorName,
      String statusAfter,
      String publicNote,
      String internalNote,
      Map<String, String> details) {}

  static StaffComplaintView of(Complaint c, LocalDate today, AttachmentStore store) {
    return new StaffComplaintView(
        c.trackingNumber().display(),
        c.kind().name(),
        c.kind().label(),
        c.subject(),
        c.description(),
        c.status().name(),
        c.status().label(),
        c.version(),
        c.allowedActions().stream().map(StepAction::name).toList(),
        c.anonymous(),
        c.contact().map(x -> x.name().value()).orElse(null),
        c.contact().map(x -> x.phone().value()).orElse(null),
        c.enterprise().name().orElse(null),
        c.enterprise().creditCode().map(CreditCode::value).orElse(null),
        c.filedAt(),
        c.updatedAt(),
        c.dueBy().orElse(null),
        c.deadlineUnknown().map(DeadlineUnknown::reason).orElse(null),
        c.deadlineUnknown().map(DeadlineUnknown::message).orElse(null),
        c.overdueOn(today),
        c.department().orElse(null),
        c.history().stream().map(StaffComplaintView::step).toList(),
        c.attachments().stream()
            .map(
                a ->
                    new AttachmentView(
                        a.id(), a.contentType(), a.size(), a.at(), store.downloadLink(a)))
            .toList(),
        c.imported() ? "LEDGER" : "API",
        c.imported(),
        c.origin()
            .map(
                o ->
                    new LedgerView(
                        o.unit().value(),
                        o.importId(),
                        o.sheet(),
                        o.row(),
                        o.registrationNumber().orElse(null)))
            .orElse(null));
  }

  private static StaffStep step(Step s) {
    return new StaffStep(
        s.action().name(),
        s.action().label(),
        s.at(),
        s.actorId(),
        s.actorName(),
        s.statusAfter().name(),
        s.publicNote().orElse(null),
        s.internalNote().orElse(null),
        s.details());
  }

  /** One line of a search result: no contact details, no description. */
  record Summary(
      String trackingNumber,
      String kind,
      String kindLabel,
      String subject,
      String status,
      String statusLabel,
      Instant filedAt,
      LocalDate dueBy,
      String deadlineUnknownReason,
      boolean overdue,
      String department,
      boolean anonymous,
      String enterpriseName,
      String source,
      boolean readOnly) {

    static Summary of(Complaint c, LocalDate today) {
      return new Summary(
          c.trackingNumber().display(),
          c.kind().name(),
          c.kind().label(),
          c.subject(),
          c.status().name(),
          c.status().label(),
          c.filedAt(),
          c.dueBy().orElse(null),
          c.deadlineUnknown().map(DeadlineUnknown::reason).orElse(null),
          c.overdueOn(today),
          c.department().orElse(null),
          c.anonymous(),
          c.enterprise().name().orElse(null),
          c.imported() ? "LEDGER" : "API",
          c.imported());
    }
  }
}
