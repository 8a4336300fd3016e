package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complaint, report, suggestion or difficulty request and everything done with it.
 *
 * @param contact empty for an anonymous complaint
 * @param idempotencyKeyHash SHA-256 of the client's Idempotency-Key, when it sent one
 * @param version incremented by every change; writes are conditional on it
 * @param department the department the case was last transferred to (转办)
 * @param dueBy the last working day of the current step, when one is running
 * @param history every step so far, oldest first; only ever appended to
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
    Optional<Feedback> feedback,
    List<Step> history) {

  /** Dates, years and working days are counted in China Standard Time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public Complaint {
    history = List.copyOf(history);
  }

  /** A newly filed complaint, waiting to be accepted. */
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
      Optional<LocalDate> acceptBy) {
    Step filed =
        new Step(
            StepAction.FILE,
            at,
            Step.COMPLAINANT,
            Step.COMPLAINANT,
            ComplaintStatus.RECEIVED,
            Optional.empty(),
            Optional.empty(),
            Map.of());
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
        acceptBy,
        Optional.empty(),
        List.of(filed));
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
}
