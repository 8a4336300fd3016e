package cn.gov.liuyang.bizenv.unit.infrastructure;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.unit.application.UnitRegistry;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import cn.gov.liuyang.bizenv.unit.model.UnitKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The unit registry in the reports table: one item per unit under one partition ({@code UNITS} /
 * {@code UNIT#{id}}), so the whole list is one Query. The units shipped in {@code unit/units.json}
 * are the initial content: a stored unit of the same code replaces the shipped one.
 */
public record DynamoDbUnits(DynamoDbClient dynamoDb, String table) implements UnitRegistry {
  private static final String PK = "UNITS";
  private static final String SHIPPED = "/unit/units.json";

  @Override
  public Optional<Unit> find(UnitId id) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(table)
                        .key(Map.of("pk", s(PK), "sk", s("UNIT#" + id.value())))
                        .consistentRead(true))
            .item();
    if (item != null && !item.isEmpty()) {
      return Optional.of(unit(item));
    }
    return shipped().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  @Override
  public List<Unit> all() {
    Map<String, Unit> byId = new TreeMap<>();
    shipped().forEach(u -> byId.put(u.id().value(), u));
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(PK)))
            .build();
    for (QueryResponse page : dynamoDb.queryPaginator(request)) {
      page.items().forEach(item -> byId.put(item.get("id").s(), unit(item)));
    }
    return new ArrayList<>(byId.values());
  }

  @Override
  public void save(Unit unit) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(PK));
    item.put("sk", s("UNIT#" + unit.id().value()));
    item.put("id", s(unit.id().value()));
    item.put("fullName", s(unit.fullName()));
    item.put("department", s(unit.department()));
    item.put("kind", s(unit.kind().name()));
    unit.registeredBy().ifPresent(by -> item.put("registeredBy", s(by)));
    unit.registeredAt().ifPresent(at -> item.put("registeredAt", s(at.toString())));
    dynamoDb.putItem(p -> p.tableName(table).item(item));
  }

  private static Unit unit(Map<String, AttributeValue> item) {
    return new Unit(
        new UnitId(item.get("id").s()),
        item.get("fullName").s(),
        Optional.ofNullable(item.get("department")).map(AttributeValue::s).orElse(""),
        UnitKind.valueOf(item.get("kind").s()),
        Optional.ofNullable(item.get("registeredBy")).map(AttributeValue::s),
        Optional.ofNullable(item.get("registeredAt")).map(v -> Instant.parse(v.s())));
  }

  /** The units shipped with the code. */
  static List<Unit> shipped() {
    try (InputStream in = DynamoDbUnits.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        return List.of();
      }
      List<Unit> units = new ArrayList<>();
      for (JsonNode node : Json.mapper().readTree(in)) {
        units.add(
            new Unit(
                new UnitId(node.path("id").asText()),
                node.path("fullName").asText(),
                node.path("department").asText(),
                UnitKind.valueOf(node.path("kind").asText()),
                Optional.empty(),
                Optional.empty()));
      }
      return units;
    } catch (IOException e) {
      throw new UncheckedIOException("unit/units.json is unreadable", e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
