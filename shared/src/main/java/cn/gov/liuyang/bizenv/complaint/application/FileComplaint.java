package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Files a complaint: gives it a tracking number and an access token and stores it, once.
 *
 * <p>There are no multi-item transactions, so a keyed submission takes two single-item conditional
 * writes in an order that survives a crash between them: first the key is claimed with the tracking
 * number and token salt it will use, then the complaint is added. A retry finds the claim and adds
 * the same complaint, or finds it already added; either way it answers as the first attempt would
 * have.
 */
public final class FileComplaint {
  private static final int ATTEMPTS = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Complaints complaints;
  private final Submissions submissions;
  private final Clock clock;
  private final Deadlines deadlines;

  public FileComplaint(
      Complaints complaints, Submissions submissions, Clock clock, Deadlines deadlines) {
    this.complaints = complaints;
    this.submissions = submissions;
    this.clock = clock;
    this.deadlines = deadlines;
  }

  public FiledComplaint file(FileComplaintCommand command) {
    return file(command, false);
  }

  /**
   * Files a complaint that came through Open311: as {@link #file}, and the case also gets an {@link
   * Open311Token} of its own (the same one again when a keyed submission is retried).
   */
  public FiledComplaint fileThroughOpen311(FileComplaintCommand command) {
    return file(command, true);
  }

  private FiledComplaint file(FileComplaintCommand command, boolean open311) {
    return logMissingCalendar(
        command.idempotencyKey().isPresent()
            ? fileOnce(command, command.idempotencyKey().get(), open311)
            : fileNew(command, open311));
  }

  private FiledComplaint fileNew(FileComplaintCommand command, boolean open311) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      AccessToken token = AccessToken.random();
      Complaint complaint =
          complaintOf(
              command,
              TrackingNumber.random(),
              token,
              open311 ? Optional.of(Open311Token.random()) : Optional.empty(),
              Optional.empty(),
              now());
      if (complaints.add(complaint)) {
        return new FiledComplaint(complaint, token, false);
      }
    }
    throw new IllegalStateException("no free tracking number after " + ATTEMPTS + " attempts");
  }

  private FiledComplaint fileOnce(
      FileComplaintCommand command, String idempotencyKey, boolean open311) {
    String keyHash = FileComplaintCommand.sha256Hex(idempotencyKey);
    String fingerprint = command.fingerprint();
    Submission submission =
        submissions.claim(
            new Submission(keyHash, fingerprint, TrackingNumber.random(), randomSalt(), now()));
    if (!submission.fingerprint().equals(fingerprint)) {
      throw Refusal.unprocessable(
          "IDEMPOTENCY_KEY_REUSED", "该幂等键（Idempotency-Key）已用于另一份不同内容的提交，请为新的提交使用新的键", Map.of());
    }
    byte[] salt = Base64.getDecoder().decode(submission.salt());
    AccessToken token = AccessToken.derive(salt, idempotencyKey);
    Optional<Open311Token> open311Token =
        open311 ? Optional.of(Open311Token.derive(salt, idempotencyKey)) : Optional.empty();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Complaint complaint =
          complaintOf(
              command,
              submission.trackingNumber(),
              token,
              open311Token,
              Optional.of(keyHash),
              submission.at());
      if (complaints.add(complaint)) {
        return new FiledComplaint(complaint, token, false);
      }
      Optional<Complaint> stored = complaints.find(submission.trackingNumber());
      if (stored.flatMap(Complaint::idempotencyKeyHash).filter(keyHash::equals).isPresent()) {
        return new FiledComplaint(stored.get().withDeadlineResolved(deadlines), token, true);
      }
      submission = submissions.renumber(submission, TrackingNumber.random());
    }
    throw new IllegalStateException("no free tracking number after " + ATTEMPTS + " attempts");
  }

  private Complaint complaintOf(
      FileComplaintCommand command,
      TrackingNumber number,
      AccessToken token,
      Optional<Open311Token> open311Token,
      Optional<String> keyHash,
      Instant at) {
    Complaint filed =
        Complaint.file(
            number,
            command.kind(),
            command.subject(),
            command.description(),
            command.enterprise(),
            command.contact(),
            token.hash(),
            keyHash,
            at,
            deadlines);
    return open311Token.map(filed::withOpen311Token).orElse(filed);
  }

  /**
   * A complaint is never turned away for want of a calendar: it is filed with its deadline unknown,
   * and the gap is logged for the administrator, as for officers' steps.
   */
  private static FiledComplaint logMissingCalendar(FiledComplaint filed) {
    filed
        .complaint()
        .deadlineUnknown()
        .filter(unknown -> !filed.replayed())
        .ifPresent(
            unknown ->
                Log.warn(
                    "no working-day calendar for "
                        + unknown.missingCalendarYear()
                        + ": complaint filed without deadline",
                    "trackingNumber",
                    filed.complaint().trackingNumber(),
                    "missingCalendarYear",
                    unknown.missingCalendarYear()));
    return filed;
  }

  /** Milliseconds are enough, and keep stored times exact on the round trip. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String randomSalt() {
    byte[] salt = new byte[32];
    RANDOM.nextBytes(salt);
    return Base64.getEncoder().encodeToString(salt);
  }
}
