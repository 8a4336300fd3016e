package cn.gov.liuyang.bizenv.report.infrastructure;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The reports table's versioned partitions, as its three adapters use them: sort keys are
 * zero-padded versions (so they sort as numbers), reads go newest first, and a new version is a
 * conditional put, so two saves never share a number and nothing is overwritten.
 */
final class ReportsTable {
  static final String VERSION_PREFIX = "V#";

  private ReportsTable() {}

  static String versionKey(int version) {
    return VERSION_PREFIX + "%06d".formatted(version);
  }

  /** Every version stored under {@code partition}, newest first, read consistently. */
  static QueryRequest newestFirst(String table, String partition) {
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
        .expressionAttributeValues(
            Map.of(
                ":pk", AttributeValue.fromS(partition), ":v", AttributeValue.fromS(VERSION_PREFIX)))
        .scanIndexForward(false)
        .consistentRead(true)
        .build();
  }

  /** Writes a new version's item; false, writing nothing, when that version is stored already. */
  static boolean putNewVersion(
      DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item) {
    try {
      dynamoDb.putItem(
          put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }
}
