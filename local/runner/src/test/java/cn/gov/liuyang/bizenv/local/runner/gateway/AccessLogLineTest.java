package cn.gov.liuyang.bizenv.local.runner.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The access log shows what a request was without anything that opens a case. */
class AccessLogLineTest {
  private static final String ACCESS_TOKEN = "q0H3xA9cY1bZr7Tt2mNw8kLp4sVd6fGh0jKl3zXc5vB";

  private static Optional<RouteTable.Match> match(String routePath, Map<String, String> values) {
    return Optional.of(
        new RouteTable.Match(new SamTemplate.Route("GET", routePath, false), null, values));
  }

  @Test
  void aTokenInAPathParameter_isShownAsTheParametersName() {
    String line =
        AccessLogLine.of(
            "GET",
            "/open311/v2/tokens/" + ACCESS_TOKEN,
            null,
            match("/open311/v2/tokens/{id}", Map.of("id", ACCESS_TOKEN)),
            404,
            3);

    assertThat(line)
        .isEqualTo("GET /open311/v2/tokens/{id} -> 404 (3 ms) [GET /open311/v2/tokens/{id}]")
        .doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void trackingNumbersYearsAndUnitsAreShown_butNotATokenPastedWhereANumberGoes() {
    assertThat(
            AccessLogLine.of(
                "GET",
                "/complaints/K7MQ4XT9H",
                "",
                match("/complaints/{trackingNumber}", Map.of("trackingNumber", "K7MQ4XT9H")),
                200,
                12))
        .startsWith("GET /complaints/K7MQ4XT9H -> 200");
    assertThat(
            AccessLogLine.of(
                "GET",
                "/staff/reports/lyyshj/2021",
                "",
                match("/staff/reports/{unit}/{year}", Map.of("unit", "lyyshj", "year", "2021")),
                200,
                12))
        .startsWith("GET /staff/reports/lyyshj/2021 -> 200");
    assertThat(
            AccessLogLine.of(
                "GET",
                "/complaints/" + ACCESS_TOKEN,
                "",
                match("/complaints/{trackingNumber}", Map.of("trackingNumber", ACCESS_TOKEN)),
                404,
                1))
        .startsWith("GET /complaints/{trackingNumber} -> 404")
        .doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void aQueryStringKeepsItsNames_neverItsValues() {
    String line =
        AccessLogLine.of(
            "GET",
            "/complaints/K7MQ4XT9H",
            "x-access-token=" + ACCESS_TOKEN + "&api_key=secret-key&flag&" + ACCESS_TOKEN,
            match("/complaints/{trackingNumber}", Map.of("trackingNumber", "K7MQ4XT9H")),
            404,
            1);

    assertThat(line)
        .contains("/complaints/K7MQ4XT9H?…=…&api_key=…&flag&…")
        .doesNotContain(ACCESS_TOKEN, "secret-key");
  }

  @Test
  void aPathNoRouteMatches_keepsItsFirstSegmentOnly() {
    assertThat(
            AccessLogLine.of(
                "GET", "/complaints/K7MQ4XT9H/" + ACCESS_TOKEN, null, Optional.empty(), 404, 0))
        .isEqualTo("GET /complaints/… -> 404 (0 ms)");
    assertThat(AccessLogLine.unmatched("/" + ACCESS_TOKEN.replace('3', '_'))).isEqualTo("/…");
    assertThat(AccessLogLine.unmatched("/")).isEqualTo("/");
    assertThat(AccessLogLine.unmatched("/app")).isEqualTo("/app");
  }
}
