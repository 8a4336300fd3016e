package cn.gov.liuyang.bizenv.report.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff's indicator sets in the local DynamoDB, in the reports table as template.yaml declares it.
 */
class DynamoDbIndicatorSetsIT {
  private static final String TABLE = LocalCloud.tableName("ReportsTable");
  private static final Author STAFF = new Author("staff-evaluation-01", "营商环境评价部");
  private static final Instant AT = Instant.parse("2023-03-01T02:00:00Z");
  private final DynamoDbClient dynamoDb = LocalCloud.shared().dynamoDbClient();
  private final DynamoDbIndicatorSets sets = new DynamoDbIndicatorSets(dynamoDb, TABLE);

  /** The shipped 2026 set (thresholds with 0.5 deductions, a source) as another year's. */
  private static IndicatorSet setOf(FiscalYear year, int number) {
    IndicatorSet shipped = new ClasspathIndicatorSets().forYear(new FiscalYear(2026)).orElseThrow();
    return shipped.as(year, IndicatorSet.version(year, number), year + "年度指标体系");
  }

  @Test
  void aStoredVersion_roundTripsExactly_withItsAuthorTimeAndOrigin() {
    FiscalYear year = new FiscalYear(2040);
    IndicatorSetVersion copied = IndicatorSetVersion.copied(setOf(year, 1), 1, AT, STAFF, "2026-2");
    IndicatorSetVersion saved =
        IndicatorSetVersion.saved(setOf(year, 2), 2, AT.plusSeconds(60), STAFF);

    sets.add(copied);
    sets.add(saved);

    assertThat(sets.latest(year)).contains(saved);
    assertThat(sets.versions(year)).containsExactly(saved, copied);
    assertThat(sets.latest(new FiscalYear(2041))).isEmpty();
    assertThat(sets.versions(new FiscalYear(2041))).isEmpty();
  }

  @Test
  void aVersionNumberIsWrittenOnce_theSecondWriterIsRefused_andTheFirstKept() {
    FiscalYear year = new FiscalYear(2042);
    IndicatorSetVersion first = IndicatorSetVersion.saved(setOf(year, 1), 1, AT, STAFF);
    sets.add(first);

    assertThatThrownBy(
            () ->
                sets.add(
                    IndicatorSetVersion.saved(
                        setOf(year, 1), 1, AT.plusSeconds(1), new Author("other", "其他人"))))
        .isInstanceOf(VersionConflict.class);
    assertThat(sets.versions(year)).containsExactly(first);
  }

  @Test
  void theItemIsKeyedByYearAndZeroPaddedVersion_withTheSetAsJson() {
    FiscalYear year = new FiscalYear(2043);
    sets.add(IndicatorSetVersion.saved(setOf(year, 12), 12, AT, STAFF));

    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                get ->
                    get.tableName(TABLE)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("INDICATORS#2043"),
                                "sk", AttributeValue.fromS("V#000012"))))
            .item();

    assertThat(item.get("versionName").s()).isEqualTo("2043-12");
    assertThat(item.get("savedByName").s()).isEqualTo("营商环境评价部");
    assertThat(item.get("set").s()).contains("\"version\":\"2043-12\"", "\"deduct\":0.5");
  }
}
