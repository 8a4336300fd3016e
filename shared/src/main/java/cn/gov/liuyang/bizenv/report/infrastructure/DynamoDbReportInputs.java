package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.application.ReportInputsRepository;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportNarrative;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Staff's texts in the reports table: one item per version, {@code pk = INPUTS#<unit>#<year>},
 * {@code sk = V#000001}. A new version is a conditional put, so two saves never share a number.
 */
public record DynamoDbReportInputs(DynamoDbClient dynamoDb, String table)
    implements ReportInputsRepository {

  @Override
  public NarrativeVersion saveNext(
      UnitId unit, FiscalYear year, ReportNarrative narrative, Author author, Instant savedAt) {
    int version = latest(unit, year).map(NarrativeVersion::version).orElse(0) + 1;
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(partition(unit, year)));
    item.put("sk", s(ReportsTable.versionKey(version)));
    item.put("unit", s(unit.value()));
    item.put("year", n(year.value()));
    item.put("version", n(version));
    item.put("savedAt", s(savedAt.toString()));
    item.put("savedBy", s(author.subject()));
    item.put("savedByName", s(author.name()));
    try {
      item.put("narrative", s(Json.mapper().writeValueAsString(NarrativeJson.write(narrative))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("narrative is serialisable", e);
    }
    if (!ReportsTable.putNewVersion(dynamoDb, table, item)) {
      throw new VersionConflict("inputs version " + version);
    }
    return new NarrativeVersion(unit, year, version, savedAt, author, narrative);
  }

  @Override
  public Optional<NarrativeVersion> latest(UnitId unit, FiscalYear year) {
    QueryResponse response =
        dynamoDb.query(
            ReportsTable.newestFirst(table, partition(unit, year)).toBuilder().limit(1).build());
    return response.items().stream().findFirst().map(item -> fromItem(unit, year, item));
  }

  @Override
  public Optional<NarrativeVersion> version(UnitId unit, FiscalYear year, int version) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                get ->
                    get.tableName(table)
                        .key(
                            Map.of(
                                "pk", s(partition(unit, year)),
                                "sk", s(ReportsTable.versionKey(version))))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(fromItem(unit, year, item));
  }

  private static NarrativeVersion fromItem(
      UnitId unit, FiscalYear year, Map<String, AttributeValue> item) {
    try {
      return new NarrativeVersion(
          unit,
          year,
          Integer.parseInt(item.get("version").n()),
          Instant.parse(item.get("savedAt").s()),
          new Author(item.get("savedBy").s(), item.get("savedByName").s()),
          NarrativeJson.read(Json.mapper().readTree(item.get("narrative").s())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored narrative is not JSON", e);
    }
  }

  private static String partition(UnitId unit, FiscalYear year) {
    return "INPUTS#" + unit.value() + "#" + year.value();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
