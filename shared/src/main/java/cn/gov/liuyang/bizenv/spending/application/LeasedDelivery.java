package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.application.IngestUpload.Result;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One delivery of an upload, for both imports (spending and ledger): the submission is claimed for
 * the delivery's lease, processed, and, if processing fails, its lease is given back so that the
 * next delivery need not wait; when the last delivery fails, the submission is marked FAILED unless
 * its import is in force already (then only its status is missing, and a redrive records it).
 */
public record LeasedDelivery(DeliveryLeases leases, Clock clock) {

  /**
   * @param inForce whether the submission's import is the one in force (asked only after the last
   *     delivery failed)
   * @param process the import itself, given the time the claim was taken
   */
  public Result run(
      SubmissionId id,
      UploadedObject object,
      Duration lease,
      Delivery delivery,
      BooleanSupplier inForce,
      Function<Instant, Result> process) {
    Instant now = clock.instant();
    try {
      Optional<Result> notTaken = Result.ifNotTaken(leases.claim(id, object.version(), now, lease));
      if (notTaken.isPresent()) {
        return notTaken.get();
      }
      return process.apply(now);
    } catch (RuntimeException failure) {
      // (a claim whose answer was lost may have taken it: only this claim's lease is given back)
      afterFailure(id, object, now, lease, delivery, inForce, failure);
      throw failure;
    }
  }

  private void afterFailure(
      SubmissionId id,
      UploadedObject object,
      Instant claimedAt,
      Duration lease,
      Delivery delivery,
      BooleanSupplier inForce,
      RuntimeException failure) {
    try {
      if (delivery.isLast() && !inForce.getAsBoolean()) {
        leases.fail(
            id,
            object.version(),
            claimedAt,
            lease,
            IngestFailure.afterLastDelivery(clock.instant(), delivery.attempt()));
      } else {
        leases.release(id, object.version(), claimedAt, lease);
      }
    } catch (RuntimeException alsoFailed) {
      // the store is out of reach too: the lease runs out, and the DLQ keeps the message
      failure.addSuppressed(alsoFailed);
    }
  }
}
