package cn.gov.liuyang.bizenv.complaint.infrastructure;

import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.n;
import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.s;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.ledger.application.LedgerCaseStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Imported ledger cases in the complaints table, as complaint items with their origin (see {@link
 * ComplaintItems}), and the import in force per unit and year:
 *
 * <pre>
 * pk = LEDGER#YEAR#2021   sk = UNIT#lyyshj   importId, requestedAtMillis, madeCurrentAt
 * </pre>
 *
 * Readers ({@link DynamoDbComplaintSearch}, hence the statistics) count an imported case only while
 * its import is the one in force for its unit and year: the pointer is the generation.
 */
public final class DynamoDbLedgerCases implements LedgerCaseStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbLedgerCases(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  static Map<String, AttributeValue> pointerKey(int year, String unit) {
    return Map.of(ComplaintItems.PK, s(yearPointers(year)), ComplaintItems.SK, s("UNIT#" + unit));
  }

  static String yearPointers(int year) {
    return "LEDGER#YEAR#" + year;
  }

  /** The import in force for each unit that has one for {@code year}. */
  static Map<String, String> currentImports(DynamoDbClient dynamoDb, String table, int year) {
    Map<String, String> current = new HashMap<>();
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(yearPointers(year))))
            .consistentRead(true)
            .build();
    for (QueryResponse page : dynamoDb.queryPaginator(request)) {
      for (Map<String, AttributeValue> item : page.items()) {
        current.put(item.get("sk").s().substring("UNIT#".length()), item.get("importId").s());
      }
    }
    return current;
  }

  /** Whether a complaint item is counted: filed through the API, or of an import in force. */
  static boolean inForce(Map<String, AttributeValue> item, Map<String, String> currentImports) {
    AttributeValue importId = item.get(ComplaintItems.LEDGER_IMPORT_ID);
    if (importId == null) {
      return true;
    }
    AttributeValue unit = item.get(ComplaintItems.LEDGER_UNIT);
    return unit != null && importId.s().equals(currentImports.get(unit.s()));
  }

  @Override
  public void write(List<Complaint> cases) {
    for (Complaint c : cases) {
      String importId = c.origin().orElseThrow().importId();
      try {
        dynamoDb.putItem(
            put ->
                put.tableName(table)
                    .item(ComplaintItems.toItem(c))
                    .conditionExpression(
                        "attribute_not_exists(pk) OR " + ComplaintItems.LEDGER_IMPORT_ID + " = :id")
                    .expressionAttributeValues(Map.of(":id", s(importId))));
      } catch (ConditionalCheckFailedException clash) {
        // one chance in about 10^11 per case: a filed case holds the number; never overwrite it
        throw new IllegalStateException(
            "tracking number " + c.trackingNumber() + " already used by another case");
      }
    }
  }

  @Override
  public boolean makeCurrent(UnitId unit, FiscalYear year, String importId, Instant requestedAt) {
    Map<String, AttributeValue> item = new HashMap<>(pointerKey(year.value(), unit.value()));
    item.put("importId", s(importId));
    item.put("requestedAtMillis", n(requestedAt.toEpochMilli()));
    item.put("madeCurrentAt", s(Instant.now().toString()));
    try {
      dynamoDb.putItem(
          p ->
              p.tableName(table)
                  .item(item)
                  .conditionExpression(
                      "attribute_not_exists(pk) OR requestedAtMillis < :mine OR importId = :id")
                  .expressionAttributeValues(
                      Map.of(":mine", n(requestedAt.toEpochMilli()), ":id", s(importId))));
      return true;
    } catch (ConditionalCheckFailedException newerIsCurrent) {
      return false;
    }
  }

  @Override
  public Optional<String> importInForce(UnitId unit, FiscalYear year) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(table)
                        .key(pointerKey(year.value(), unit.value()))
                        .consistentRead(true))
            .item();
    return item == null || !item.containsKey("importId")
        ? Optional.empty()
        : Optional.of(item.get("importId").s());
  }

  @Override
  public int removeSuperseded(UnitId unit, FiscalYear year, String currentImportId) {
    int removed = 0;
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .indexName(ComplaintItems.GSI1)
            .keyConditionExpression("gsi1pk = :year")
            .filterExpression("ledgerUnit = :unit AND ledgerImportId <> :current")
            .expressionAttributeValues(
                Map.of(
                    ":year", s(ComplaintItems.yearPartition(year.value())),
                    ":unit", s(unit.value()),
                    ":current", s(currentImportId)))
            .build();
    for (QueryResponse page : dynamoDb.queryPaginator(request)) {
      for (Map<String, AttributeValue> item : page.items()) {
        AttributeValue old = item.get(ComplaintItems.LEDGER_IMPORT_ID);
        try {
          dynamoDb.deleteItem(
              d ->
                  d.tableName(table)
                      .key(
                          Map.of(
                              ComplaintItems.PK, item.get(ComplaintItems.PK),
                              ComplaintItems.SK, item.get(ComplaintItems.SK)))
                      .conditionExpression("ledgerImportId = :old")
                      .expressionAttributeValues(Map.of(":old", old)));
          removed++;
        } catch (ConditionalCheckFailedException gone) {
          // deleted by a parallel delivery
        }
      }
    }
    return removed;
  }
}
