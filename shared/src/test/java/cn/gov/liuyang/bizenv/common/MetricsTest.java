package cn.gov.liuyang.bizenv.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The embedded metric format as CloudWatch Logs reads it (specification: _aws directive). */
class MetricsTest {
  private static final Instant AT = Instant.parse("2026-12-06T20:00:00Z");

  @Test
  void aCount_isAnEmbeddedMetricFormatLine_inTheBizenvNamespace_perFunction() throws Exception {
    JsonNode json =
        Json.mapper()
            .readTree(
                Metrics.line(
                    AT, "bizenv-prod-Intake-1", Metrics.COMPLAINTS_FILED, 1, Metrics.Unit.COUNT));

    JsonNode directive = json.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(json.path("_aws").path("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
    assertThat(directive.path("Namespace").asText()).isEqualTo("Bizenv");
    assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo("Function");
    assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("ComplaintsFiled");
    assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
    // every dimension and metric named in the directive is a member of the root
    assertThat(json.path("Function").asText()).isEqualTo("bizenv-prod-Intake-1");
    assertThat(json.path("ComplaintsFiled").isNumber()).isTrue();
    assertThat(json.path("ComplaintsFiled").asLong()).isEqualTo(1);
  }

  @Test
  void aDuration_keepsItsFraction_inMilliseconds() throws Exception {
    JsonNode json =
        Json.mapper()
            .readTree(
                Metrics.line(
                    AT, "local", Metrics.REPORT_DURATION, 1234.5, Metrics.Unit.MILLISECONDS));

    assertThat(json.path("ReportDuration").asDouble()).isEqualTo(1234.5);
    assertThat(
            json.path("_aws")
                .path("CloudWatchMetrics")
                .get(0)
                .path("Metrics")
                .get(0)
                .path("Unit")
                .asText())
        .isEqualTo("Milliseconds");
  }
}
