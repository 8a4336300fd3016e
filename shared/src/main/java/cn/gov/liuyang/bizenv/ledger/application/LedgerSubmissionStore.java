package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.ledger.model.LedgerOutcome;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.spending.application.SubmissionStore.Claim;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Ledger submissions: requested, claimed by one delivery at a time, concluded. */
public interface LedgerSubmissionStore {
  void create(LedgerSubmission submission);

  Optional<LedgerSubmission> find(SubmissionId id);

  /** As {@code SubmissionStore.claim}: a lease so that two deliveries never process it at once. */
  Claim claim(SubmissionId id, String objectVersion, Instant now, Duration lease);

  /** As {@code SubmissionStore.release}: the lease of a delivery that failed, given back. */
  void release(SubmissionId id, String objectVersion, Instant claimedAt, Duration lease);

  /** As {@code SubmissionStore.fail}: the import could not finish; status FAILED. */
  void fail(
      SubmissionId id,
      String objectVersion,
      Instant claimedAt,
      Duration lease,
      IngestFailure failure);

  /** Records the outcome, if the submission is still being processed for that object. */
  void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, LedgerOutcome outcome);
}
