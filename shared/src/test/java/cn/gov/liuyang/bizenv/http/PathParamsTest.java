package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathParamsTest {

  private static HttpApiEvent event(Map<String, String> path, Map<String, String> query) {
    return new HttpApiEvent(
        "2.0", "GET /x", "/x", "", null, Map.of(), query, path, null, null, false);
  }

  @Test
  void goodParameters_parseToTheirValues() {
    HttpApiEvent event =
        event(Map.of("unit", "lyyshj", "year", "2021"), Map.of("year", "2022", "version", "3"));

    assertThat(PathParams.unit(event)).isEqualTo(new UnitId("lyyshj"));
    assertThat(PathParams.year(event)).isEqualTo(new FiscalYear(2021));
    assertThat(PathParams.yearQuery(event)).contains(new FiscalYear(2022));
    assertThat(PathParams.versionQuery(event)).contains(3);
  }

  @Test
  void eachBadParameter_is400_withItsOneCodeAndMessage() {
    HttpApiEvent event =
        event(
            Map.of("unit", "LY YSHJ", "year", "21", "submissionId", "x"),
            Map.of("year", "abc", "version", "0"));

    assertRefused(() -> PathParams.unit(event), "UNIT_INVALID", PathParams.UNIT_MESSAGE);
    assertRefused(() -> PathParams.year(event), "YEAR_INVALID", PathParams.YEAR_MESSAGE);
    assertRefused(() -> PathParams.yearQuery(event), "YEAR_INVALID", PathParams.YEAR_MESSAGE);
    assertRefused(
        () -> PathParams.submissionId(event),
        "SUBMISSION_ID_INVALID",
        PathParams.SUBMISSION_ID_MESSAGE);
    assertRefused(
        () -> PathParams.versionQuery(event), "VERSION_INVALID", PathParams.VERSION_MESSAGE);
  }

  @Test
  void fullWidthDigits_andOverlongVersions_areRefusedLikeAnyOtherBadText() {
    HttpApiEvent event = event(Map.of("year", "２０３１"), Map.of("version", "1234567"));

    assertRefused(() -> PathParams.year(event), "YEAR_INVALID", PathParams.YEAR_MESSAGE);
    assertRefused(
        () -> PathParams.versionQuery(event), "VERSION_INVALID", PathParams.VERSION_MESSAGE);
  }

  @Test
  void aTrackingNumberThatDoesNotParse_namesNoComplaint() {
    HttpApiEvent event = event(Map.of("trackingNumber", "not-a-number"), Map.of());

    ApiProblem problem =
        catchThrowableOfType(() -> PathParams.trackingNumber(event), ApiProblem.class);

    assertThat(problem.status()).isEqualTo(404);
    assertThat(problem.code()).isEqualTo("COMPLAINT_NOT_FOUND");
    assertThat(PathParams.trackingNumberText(event)).isEqualTo("not-a-number");
  }

  private static void assertRefused(Runnable read, String code, String message) {
    ApiProblem problem = catchThrowableOfType(read::run, ApiProblem.class);
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.code()).isEqualTo(code);
    assertThat(problem.getMessage()).isEqualTo(message);
  }
}
