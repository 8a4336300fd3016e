package cn.gov.liuyang.bizenv.local.runner.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.local.runner.TestStack;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private final LocalFunction function =
      LocalFunction.of("Echo", Duration.ofSeconds(3), (in, out, context) -> {});
  private final RouteTable routes =
      RouteTable.fromTemplate(TestStack.template(), definition -> function);

  @Test
  void match_givesDecodedPathParameters_forAOneSegmentParameter() {
    var match = routes.match("GET", "/public/items/%E6%B5%8F%E9%98%B3+1").orElseThrow();

    assertThat(match.route().routeKey()).isEqualTo("GET /public/items/{itemId}");
    assertThat(match.pathParameters()).isEqualTo(Map.of("itemId", "浏阳+1"));
  }

  @Test
  void match_prefersALiteralSegment_toAParameter() {
    var match = routes.match("GET", "/public/items/featured").orElseThrow();

    assertThat(match.route().routeKey()).isEqualTo("GET /public/items/featured");
    assertThat(match.pathParameters()).isEmpty();
  }

  @Test
  void match_givesTheRestOfThePath_toAGreedyParameter() {
    var match = routes.match("GET", "/files/2021/reports/a.pdf").orElseThrow();

    assertThat(match.pathParameters()).isEqualTo(Map.of("path", "2021/reports/a.pdf"));
  }

  @Test
  void match_findsNothing_forAnotherMethodAnUnknownPathOrAnEmptyGreedyTail() {
    assertThat(routes.match("DELETE", "/public/items/1")).isEmpty();
    assertThat(routes.match("GET", "/public/items/1/extra")).isEmpty();
    assertThat(routes.match("GET", "/public/items/")).isEmpty();
    assertThat(routes.match("GET", "/files")).isEmpty();
    assertThat(routes.match("GET", "/nowhere")).isEmpty();
  }

  @Test
  void routesAreTheTemplatesHttpApiEvents_withTheirAuthorization() {
    assertThat(routes.routes())
        .extracting(r -> r.routeKey() + (r.staffOnly() ? " (staff)" : ""))
        .contains("GET /staff/me (staff)", "POST /public/echo", "GET /missing");
  }
}
