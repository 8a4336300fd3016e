package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.application.SubmissionStore.Claim;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease a delivery holds on an upload's submission while it imports it, as the spending and the
 * ledger submission stores both keep it: taken, given back after a failure, or ended as FAILED.
 */
public interface DeliveryLeases {
  /**
   * Takes a submission for processing the object {@code objectVersion}, unless another delivery
   * holds it (its lease has not run out) or it was already processed.
   */
  Claim claim(SubmissionId id, String objectVersion, Instant now, Duration lease);

  /**
   * Gives back the lease of the claim taken at {@code claimedAt} for {@code lease}, after that
   * delivery failed, so that the next one need not wait; nothing if it is no longer held so.
   */
  void release(SubmissionId id, String objectVersion, Instant claimedAt, Duration lease);

  /**
   * Records that the import of {@code objectVersion} could not finish (status FAILED), if the claim
   * taken at {@code claimedAt} for {@code lease} still holds it.
   */
  void fail(
      SubmissionId id,
      String objectVersion,
      Instant claimedAt,
      Duration lease,
      IngestFailure failure);
}
