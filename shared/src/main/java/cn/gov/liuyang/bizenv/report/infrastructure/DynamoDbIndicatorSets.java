package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetRepository;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion.Origin;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Staff's indicator sets in the reports table: one item per version, {@code pk = INDICATORS#<year>}
 * (one set per year for the whole office), {@code sk = V#000001}, the set as JSON in the shipped
 * files' shape. A new version is a conditional put, so two saves never share a number and nothing
 * is overwritten.
 */
public record DynamoDbIndicatorSets(DynamoDbClient dynamoDb, String table)
    implements IndicatorSetRepository {

  @Override
  public void add(IndicatorSetVersion version) {
    IndicatorSet set = version.set();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(partition(set.year())));
    item.put("sk", s(ReportsTable.versionKey(version.number())));
    item.put("year", AttributeValue.fromN(Integer.toString(set.year().value())));
    item.put("version", AttributeValue.fromN(Integer.toString(version.number())));
    item.put("versionName", s(set.version()));
    item.put("origin", s(version.origin().name()));
    version.copiedFrom().ifPresent(from -> item.put("copiedFrom", s(from)));
    item.put("savedAt", s(version.savedAt().orElseThrow().toString()));
    item.put("savedBy", s(version.savedBy().orElseThrow().subject()));
    item.put("savedByName", s(version.savedBy().orElseThrow().name()));
    try {
      item.put("set", s(Json.mapper().writeValueAsString(IndicatorSetJson.write(set))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("indicator set is serialisable", e);
    }
    if (!ReportsTable.putNewVersion(dynamoDb, table, item)) {
      throw new VersionConflict("indicator set version " + set.version());
    }
  }

  @Override
  public Optional<IndicatorSetVersion> latest(FiscalYear year) {
    return dynamoDb.query(query(year).toBuilder().limit(1).build()).items().stream()
        .findFirst()
        .map(item -> fromItem(year, item));
  }

  @Override
  public List<IndicatorSetVersion> versions(FiscalYear year) {
    List<IndicatorSetVersion> versions = new ArrayList<>();
    dynamoDb
        .queryPaginator(query(year))
        .items()
        .forEach(item -> versions.add(fromItem(year, item)));
    return versions;
  }

  private QueryRequest query(FiscalYear year) {
    return ReportsTable.newestFirst(table, partition(year));
  }

  private static IndicatorSetVersion fromItem(FiscalYear year, Map<String, AttributeValue> item) {
    IndicatorSet set;
    try {
      set = IndicatorSetJson.read(Json.mapper().readTree(item.get("set").s()), year);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored indicator set is not JSON", e);
    }
    return new IndicatorSetVersion(
        set,
        Integer.parseInt(item.get("version").n()),
        Origin.valueOf(item.get("origin").s()),
        Optional.of(Instant.parse(item.get("savedAt").s())),
        Optional.of(new Author(item.get("savedBy").s(), item.get("savedByName").s())),
        Optional.ofNullable(item.get("copiedFrom")).map(AttributeValue::s));
  }

  private static String partition(FiscalYear year) {
    return "INDICATORS#" + year.value();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
