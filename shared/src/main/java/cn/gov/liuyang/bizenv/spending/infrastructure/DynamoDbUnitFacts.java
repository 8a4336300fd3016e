package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Facts staff entered, in the spending table beside the year's pointer: one item per version,
 * {@code UNIT#{unit}#YEAR#{year}} / {@code FACTS#00000001}, written once with a condition so two
 * saves never share a version. The latest is one Query, newest first, limit 1.
 */
public record DynamoDbUnitFacts(DynamoDbClient dynamoDb, String table) implements UnitFactsStore {
  private static final String PREFIX = "FACTS#";

  @Override
  public Optional<EnteredFacts> latest(UnitId unit, FiscalYear year) {
    List<Map<String, AttributeValue>> items =
        dynamoDb.query(query(unit, year).toBuilder().limit(1).build()).items();
    return items.isEmpty() ? Optional.empty() : Optional.of(facts(unit, year, items.get(0)));
  }

  @Override
  public List<EnteredFacts> history(UnitId unit, FiscalYear year) {
    List<EnteredFacts> versions = new ArrayList<>();
    for (QueryResponse page : dynamoDb.queryPaginator(query(unit, year))) {
      page.items().forEach(item -> versions.add(facts(unit, year, item)));
    }
    return versions;
  }

  @Override
  public void add(EnteredFacts facts) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(pk(facts.unit(), facts.year())));
    item.put("sk", s(String.format("%s%08d", PREFIX, facts.version())));
    item.put("version", AttributeValue.fromN(Integer.toString(facts.version())));
    item.put("enteredBy", s(facts.enteredBy()));
    item.put("enteredById", s(facts.enteredById()));
    item.put("enteredAt", s(facts.enteredAt().toString()));
    facts
        .facts()
        .values()
        .forEach(
            (fact, value) -> item.put(fact.key(), AttributeValue.fromN(value.toPlainString())));
    try {
      dynamoDb.putItem(
          p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException taken) {
      throw new VersionTaken();
    }
  }

  private QueryRequest query(UnitId unit, FiscalYear year) {
    return QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s(pk(unit, year)), ":prefix", s(PREFIX)))
        .scanIndexForward(false)
        .consistentRead(true)
        .build();
  }

  private static EnteredFacts facts(
      UnitId unit, FiscalYear year, Map<String, AttributeValue> item) {
    Map<Fact, BigDecimal> values = new EnumMap<>(Fact.class);
    for (Fact fact : Fact.values()) {
      AttributeValue value = item.get(fact.key());
      if (value != null && value.n() != null) {
        values.put(fact, new BigDecimal(value.n()));
      }
    }
    return new EnteredFacts(
        unit,
        year,
        Integer.parseInt(item.get("version").n()),
        new UnitYearFacts(values),
        item.get("enteredBy").s(),
        item.get("enteredById").s(),
        Instant.parse(item.get("enteredAt").s()));
  }

  private static String pk(UnitId unit, FiscalYear year) {
    return "UNIT#" + unit.value() + "#YEAR#" + year.value();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
