package cn.gov.liuyang.bizenv.complaint.infrastructure;

import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.n;
import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.s;

import cn.gov.liuyang.bizenv.complaint.application.Open311Tokens;
import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Open311 tokens in the complaints table, one small item each: {@code pk = OPEN311TOKEN#<token>},
 * {@code sk = OPEN311TOKEN}, {@code trackingNumber}, and {@code expiresAt} (epoch seconds, the
 * table's TTL attribute; DynamoDB deletes late, so a read checks it too). The complaint item keeps
 * its token as well ({@code open311Token}), which a look-up checks.
 */
public final class DynamoDbOpen311Tokens implements Open311Tokens {
  private static final String SK = "OPEN311TOKEN";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbOpen311Tokens(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void record(Open311Token token, TrackingNumber number, Instant expiresAt) {
    Map<String, AttributeValue> item =
        Map.of(
            "pk", s(SK + "#" + token.value()),
            "sk", s(SK),
            "trackingNumber", s(number.value()),
            "expiresAt", n(expiresAt.getEpochSecond()));
    dynamoDb.putItem(put -> put.tableName(table).item(item));
  }

  @Override
  public Optional<TrackingNumber> numberOf(Open311Token token, Instant now) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                get ->
                    get.tableName(table)
                        .key(Map.of("pk", s(SK + "#" + token.value()), "sk", s(SK)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue expiresAt = item.get("expiresAt");
    if (expiresAt == null || Long.parseLong(expiresAt.n()) <= now.getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.ofNullable(item.get("trackingNumber"))
        .map(AttributeValue::s)
        .flatMap(TrackingNumber::parse);
  }
}
