package cn.gov.liuyang.bizenv.report.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.Grade;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The reports table adapters against the local DynamoDB, table as template.yaml declares it. */
class DynamoDbReportTableIT {
  private static final String TABLE = LocalCloud.tableName("ReportsTable");
  private final DynamoDbClient dynamoDb = LocalCloud.shared().dynamoDbClient();

  @Test
  void savedTexts_roundTripExactly_andEachSaveIsTheNextVersion() {
    DynamoDbReportInputs inputs = new DynamoDbReportInputs(dynamoDb, TABLE);
    UnitId unit = new UnitId("roundtrip-unit");

    NarrativeVersion first =
        inputs.saveNext(
            unit, Seed2021.YEAR, Seed2021.narrative(), Seed2021.FINANCE, Seed2021.SAVED_AT);
    NarrativeVersion second =
        inputs.saveNext(
            unit,
            Seed2021.YEAR,
            Seed2021.narrative(),
            Seed2021.FINANCE,
            Seed2021.SAVED_AT.plusSeconds(60));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(inputs.latest(unit, Seed2021.YEAR)).contains(second);
    assertThat(inputs.version(unit, Seed2021.YEAR, 1)).contains(first);
    assertThat(inputs.version(unit, Seed2021.YEAR, 3)).isEmpty();
    assertThat(inputs.latest(unit, new FiscalYear(2020))).isEmpty();
  }

  @Test
  void aReportVersionIsWrittenOnce_andFoundByItsFingerprint() {
    DynamoDbReportRegistry registry = new DynamoDbReportRegistry(dynamoDb, TABLE);
    UnitId unit = new UnitId("registry-unit");
    ReportRecord first = record(unit, 1, "a".repeat(64));
    ReportRecord second = record(unit, 2, "b".repeat(64));
    registry.add(first);
    registry.add(second);

    assertThatThrownBy(() -> registry.add(record(unit, 2, "c".repeat(64))))
        .isInstanceOf(VersionConflict.class);
    assertThat(registry.reports(unit, Seed2021.YEAR)).containsExactly(second, first);
    assertThat(registry.latestVersion(unit, Seed2021.YEAR)).isEqualTo(2);
    assertThat(registry.findByFingerprint(unit, Seed2021.YEAR, "a".repeat(64))).contains(first);
    assertThat(registry.findByFingerprint(unit, Seed2021.YEAR, "c".repeat(64))).isEmpty();
  }

  private static ReportRecord record(UnitId unit, int version, String fingerprint) {
    return new ReportRecord(
        unit,
        Seed2021.YEAR,
        version,
        fingerprint,
        ReportRecord.objectKey(unit, Seed2021.YEAR, version, fingerprint),
        "报告（第" + version + "版）.pdf",
        1234L,
        new BigDecimal("99"),
        Grade.EXCELLENT,
        Instant.parse("2022-03-01T02:00:00Z"),
        Seed2021.FINANCE,
        1,
        "sub-2021-0001",
        Optional.of("2021-1"));
  }
}
