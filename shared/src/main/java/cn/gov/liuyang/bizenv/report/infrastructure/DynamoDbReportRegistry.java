package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.application.ReportRegistry;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.Grade;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generated reports in the reports table: one item per version, {@code pk = REPORT#<unit>#<year>},
 * {@code sk = V#000001}, with the fingerprint beside it. A unit makes a handful of reports a year,
 * so finding one by fingerprint reads the partition rather than keeping a second index.
 */
public record DynamoDbReportRegistry(DynamoDbClient dynamoDb, String table)
    implements ReportRegistry {

  @Override
  public List<ReportRecord> reports(UnitId unit, FiscalYear year) {
    List<ReportRecord> records = new ArrayList<>();
    dynamoDb
        .queryPaginator(ReportsTable.newestFirst(table, partition(unit, year)))
        .items()
        .forEach(item -> records.add(fromItem(unit, year, item)));
    return records;
  }

  @Override
  public void add(ReportRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS(partition(record.unit(), record.year())));
    item.put("sk", AttributeValue.fromS(ReportsTable.versionKey(record.version())));
    item.put("unit", AttributeValue.fromS(record.unit().value()));
    item.put("year", AttributeValue.fromN(Integer.toString(record.year().value())));
    item.put("version", AttributeValue.fromN(Integer.toString(record.version())));
    item.put("fingerprint", AttributeValue.fromS(record.fingerprint()));
    item.put("objectKey", AttributeValue.fromS(record.objectKey()));
    item.put("fileName", AttributeValue.fromS(record.fileName()));
    item.put("sizeBytes", AttributeValue.fromN(Long.toString(record.sizeBytes())));
    item.put("score", AttributeValue.fromN(record.score().toPlainString()));
    item.put("grade", AttributeValue.fromS(record.grade().name()));
    item.put("generatedAt", AttributeValue.fromS(record.generatedAt().toString()));
    item.put("requestedBy", AttributeValue.fromS(record.requestedBy().subject()));
    item.put("requestedByName", AttributeValue.fromS(record.requestedBy().name()));
    item.put("narrativeVersion", AttributeValue.fromN(Integer.toString(record.narrativeVersion())));
    item.put(
        "spendingSubmission", AttributeValue.fromS(String.valueOf(record.spendingSubmission())));
    record
        .indicatorSetVersion()
        .ifPresent(set -> item.put("indicatorSetVersion", AttributeValue.fromS(set)));
    if (!ReportsTable.putNewVersion(dynamoDb, table, item)) {
      throw new VersionConflict("report version " + record.version());
    }
  }

  private static ReportRecord fromItem(
      UnitId unit, FiscalYear year, Map<String, AttributeValue> item) {
    return new ReportRecord(
        unit,
        year,
        Integer.parseInt(item.get("version").n()),
        item.get("fingerprint").s(),
        item.get("objectKey").s(),
        item.get("fileName").s(),
        Long.parseLong(item.get("sizeBytes").n()),
        new BigDecimal(item.get("score").n()),
        Grade.valueOf(item.get("grade").s()),
        Instant.parse(item.get("generatedAt").s()),
        new Author(item.get("requestedBy").s(), item.get("requestedByName").s()),
        Integer.parseInt(item.get("narrativeVersion").n()),
        item.get("spendingSubmission").s(),
        Optional.ofNullable(item.get("indicatorSetVersion")).map(AttributeValue::s));
  }

  private static String partition(UnitId unit, FiscalYear year) {
    return "REPORT#" + unit.value() + "#" + year.value();
  }
}
