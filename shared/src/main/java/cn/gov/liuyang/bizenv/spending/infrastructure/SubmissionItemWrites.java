package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.SubmissionStore.Claim;
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
 * The two conditional writes every upload's submission item goes through, whatever it uploads (a
 * spending workbook, a case ledger): the claim with a lease, and the outcome recorded only by the
 * delivery that holds the claim for that object.
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
                          + " OR (#status = :processing AND leaseUntil < :now))")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":processing", s(SubmissionStatus.PROCESSING.name()),
                          ":awaiting", s(SubmissionStatus.AWAITING_UPLOAD.name()),
                          ":version", s(objectVersion),
                          ":until", n(now.plus(lease).toEpochMilli()),
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
                  .updateExpression("SET #status = :status, outcome = :outcome REMOVE leaseUntil")
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

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
