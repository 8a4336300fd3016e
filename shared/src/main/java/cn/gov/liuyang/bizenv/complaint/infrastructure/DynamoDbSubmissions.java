package cn.gov.liuyang.bizenv.complaint.infrastructure;

import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.n;
import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.s;

import cn.gov.liuyang.bizenv.complaint.application.Submission;
import cn.gov.liuyang.bizenv.complaint.application.Submissions;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency keys in the complaints table: {@code pk = SUBMISSION#<sha256 of key>}, {@code sk =
 * SUBMISSION}, expiring (TTL {@code expiresAt}) a week after first use.
 */
public record DynamoDbSubmissions(DynamoDbClient dynamoDb, String table) implements Submissions {
  private static final Duration KEPT = Duration.ofDays(7);

  @Override
  public Submission claim(Submission candidate) {
    Map<String, AttributeValue> item =
        Map.of(
            "pk", s("SUBMISSION#" + candidate.keyHash()),
            "sk", s("SUBMISSION"),
            "fingerprint", s(candidate.fingerprint()),
            "trackingNumber", s(candidate.trackingNumber().value()),
            "salt", s(candidate.salt()),
            "at", s(candidate.at().toString()),
            "expiresAt", n(candidate.at().plus(KEPT).getEpochSecond()));
    try {
      dynamoDb.putItem(
          put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return candidate;
    } catch (ConditionalCheckFailedException known) {
      return read(candidate.keyHash());
    }
  }

  @Override
  public Submission renumber(Submission current, TrackingNumber next) {
    try {
      dynamoDb.updateItem(
          update ->
              update
                  .tableName(table)
                  .key(key(current.keyHash()))
                  .updateExpression("SET trackingNumber = :next")
                  .conditionExpression("trackingNumber = :current")
                  .expressionAttributeValues(
                      Map.of(
                          ":next", s(next.value()),
                          ":current", s(current.trackingNumber().value()))));
    } catch (ConditionalCheckFailedException someoneElseDid) {
      // fall through: what is stored now wins
    }
    return read(current.keyHash());
  }

  private Submission read(String keyHash) {
    Map<String, AttributeValue> item =
        dynamoDb.getItem(get -> get.tableName(table).key(key(keyHash)).consistentRead(true)).item();
    return new Submission(
        keyHash,
        item.get("fingerprint").s(),
        new TrackingNumber(item.get("trackingNumber").s()),
        item.get("salt").s(),
        Instant.parse(item.get("at").s()));
  }

  private static Map<String, AttributeValue> key(String keyHash) {
    return Map.of("pk", s("SUBMISSION#" + keyHash), "sk", s("SUBMISSION"));
  }
}
