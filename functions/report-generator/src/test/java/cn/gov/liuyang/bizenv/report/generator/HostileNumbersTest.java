package cn.gov.liuyang.bizenv.report.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryIndicatorSets;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportInputs;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportRegistry;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportStore;
import cn.gov.liuyang.bizenv.report.generator.Events.Response;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUnitFacts;
import cn.gov.liuyang.bizenv.unit.fakes.InMemoryUnits;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers in the report's inputs and facts that answered 500 ({@code 1e400} as a manual score) or
 * were read as other numbers: each is a 400 naming the field.
 */
class HostileNumbersTest {
  private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

  private final ReportGeneratorHandler handler =
      new ReportGeneratorHandler(
          UseCasesForTests.of(
              (unit, year) -> Optional.empty(),
              year -> Seed2021.complaints(),
              new InMemoryReportInputs(),
              new InMemoryUnitFacts(),
              new InMemoryUnits(),
              new IndicatorSetsInForce(new InMemoryIndicatorSets(), new ClasspathIndicatorSets()),
              new InMemoryIndicatorSets(),
              null,
              new InMemoryReportStore(NOW),
              new InMemoryReportRegistry(),
              Duration.ofMinutes(5),
              Clock.fixed(NOW, ZoneOffset.UTC)));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e400",
        "-1e400",
        "1e-400",
        "1E+2147483647",
        "4.00000000000000000000001",
        "\"4\""
      })
  void aManualScoreOutOfAnyRange_is400OnTheScore(String score) throws Exception {
    ObjectNode event = Events.load("save-inputs.json");
    String body = event.path("body").asText();
    event.put("body", body.replaceFirst("\"score\": ?4", "\"score\": " + score));
    assertThat(event.path("body").asText()).contains(score);

    Response response = Events.invoke(handler, event);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("errors").findValuesAsText("field"))
        .anyMatch(field -> field.endsWith("score"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "\"١٢\"", "\"１２\"", "\"1e400\"", "\"NaN\"", "\"Infinity\""})
  void aFactThatIsNoPlainNumber_is400OnTheFact(String value) throws Exception {
    ObjectNode event = Events.load("save-facts.json");
    event.put("body", event.path("body").asText().replace("12", value));

    Response response = Events.invoke(handler, event);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("errors").findValuesAsText("field"))
        .contains("authorizedPosts");
  }
}
