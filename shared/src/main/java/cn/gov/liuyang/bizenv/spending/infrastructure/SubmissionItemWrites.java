package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.SubmissionStore.Claim;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The conditional writes every upload's submission item goes through, whatever it uploads (a
 * spending workbook, a case ledger): the claim with a lease, the lease given back by a delivery
 * that failed, the outcome recorded only by the delivery that holds the claim for that object, and
 * the failure recorded when the last delivery failed too. Each is safe to repeat.
 */
public final class SubmissionItemWrites {
  /** Where a submission stands, as far as a claim needs to know. */
  public record State(SubmissionStatus status, Optional<String> objectVersion) {}

  private SubmissionItemWrites() {}

  /**
   * Takes the submission for processing {@code objectVersion}, unless another delivery holds it
   * (its lease has not run out) or it was processed already; {@code state} reads it back when the
   * condition fails.
   */
  public static Claim claim(
      DynamoDbClient dynamoDb,
      String table,
      Map<String, AttributeValue> key,
      String objectVersion,
      Instant now,
      Duration lease,
      Supplier<Optional<State>> state) {
    try {
      dynamoDb.updateItem(
          u ->
              u.tableName(table)
                  .key(key)
                  .updateExpression(
                      "SET #status = :processing, objectVersion = :version, leaseUntil = :until")
                  .conditionExpression(
                      "attribute_exists(pk) AND (#status = :awaiting"
                          + " OR (#status = :processing AND leaseUntil < :now)"
                          // a failed import is finished by a redelivery of its object
                          + " OR (#status = :failed AND objectVersion = :version))")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":processing", s(SubmissionStatus.PROCESSING.name()),
                          ":awaiting", s(SubmissionStatus.AWAITING_UPLOAD.name()),
                          ":failed", s(SubmissionStatus.FAILED.name()),
                          ":version", s(objectVersion),
                          ":until", n(leaseUntil(now, lease)),
                          ":now", n(now.toEpochMilli()))));
      return Claim.TAKEN;
    } catch (ConditionalCheckFailedException taken) {
      Optional<State> existing = state.get();
      if (existing.isEmpty()) {
        return Claim.UNKNOWN;
      }
      if (existing.get().status() == SubmissionStatus.PROCESSING) {
        return Claim.BUSY;
      }
      return existing.get().objectVersion().filter(objectVersion::equals).isPresent()
          ? Claim.ALREADY_PROCESSED
          : Claim.OTHER_OBJECT_PROCESSED;
    }
  }

  /**
   * Gives back the lease that the claim at {@code now} for {@code lease} took, so that the next
   * delivery need not wait for it to run out; nothing when another delivery holds it since.
   */
  public static void release(
      DynamoDbClient dynamoDb,
      String table,
      Map<String, AttributeValue> key,
      String objectVersion,
      Instant now,
      Duration lease) {
    try {
      dynamoDb.updateItem(
          u ->
              u.tableName(table)
                  .key(key)
                  .updateExpression("SET leaseUntil = :released")
                  .conditionExpression(
                      "#status = :processing AND objectVersion = :version AND leaseUntil = :until")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":released", n(0),
                          ":processing", s(SubmissionStatus.PROCESSING.name()),
                          ":version", s(objectVersion),
                          ":until", n(leaseUntil(now, lease)))));
    } catch (ConditionalCheckFailedException notOurs) {
      // finished, or taken by another delivery after our lease ran out: theirs now
    }
  }

  /**
   * Records that the import of {@code objectVersion} could not finish, if the claim taken at {@code
   * now} for {@code lease} still holds it.
   */
  public static void fail(
      DynamoDbClient dynamoDb,
      String table,
      Map<String, AttributeValue> key,
      String objectVersion,
      Instant now,
      Duration lease,
      IngestFailure failure) {
    try {
      dynamoDb.updateItem(
          u ->
              u.tableName(table)
                  .key(key)
                  .updateExpression(
                      "SET #status = :failed, failureCode = :code, failureMessage = :message,"
                          + " failedAt = :at, failedAttempts = :attempts REMOVE leaseUntil")
                  .conditionExpression(
                      "#status = :processing AND objectVersion = :version AND leaseUntil = :until")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":until", n(leaseUntil(now, lease)),
                          ":failed", s(SubmissionStatus.FAILED.name()),
                          ":code", s(failure.code()),
                          ":message", s(failure.message()),
                          ":at", s(failure.at().toString()),
                          ":attempts", n(failure.attempts()),
                          ":processing", s(SubmissionStatus.PROCESSING.name()),
                          ":version", s(objectVersion))));
    } catch (ConditionalCheckFailedException notOurs) {
      // finished, or held by another delivery of the same object: theirs to conclude
    }
  }

  /** The failure an item records, while it is failed. */
  public static Optional<IngestFailure> failure(Map<String, AttributeValue> item) {
    AttributeValue status = item.get("status");
    if (status == null
        || !SubmissionStatus.FAILED.name().equals(status.s())
        || !item.containsKey("failureCode")) {
      return Optional.empty();
    }
    return Optional.of(
        new IngestFailure(
            item.get("failureCode").s(),
            item.get("failureMessage").s(),
            Instant.parse(item.get("failedAt").s()),
            Integer.parseInt(item.get("failedAttempts").n())));
  }

  /** Records the outcome, if the submission is still being processed for that object. */
  public static void recordOutcome(
      DynamoDbClient dynamoDb,
      String table,
      Map<String, AttributeValue> key,
      String objectVersion,
      SubmissionStatus status,
      String storedOutcome) {
    try {
      dynamoDb.updateItem(
          u ->
              u.tableName(table)
                  .key(key)
                  .updateExpression(
                      "SET #status = :status, outcome = :outcome"
                          + " REMOVE leaseUntil, failureCode, failureMessage, failedAt,"
                          + " failedAttempts")
                  .conditionExpression("#status = :processing AND objectVersion = :version")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":status", s(status.name()),
                          ":outcome", s(storedOutcome),
                          ":processing", s(SubmissionStatus.PROCESSING.name()),
                          ":version", s(objectVersion))));
    } catch (ConditionalCheckFailedException recordedByAnother) {
      // a parallel delivery of the same object finished first with the same content
    }
  }

  private static long leaseUntil(Instant now, Duration lease) {
    return now.plus(lease).toEpochMilli();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
