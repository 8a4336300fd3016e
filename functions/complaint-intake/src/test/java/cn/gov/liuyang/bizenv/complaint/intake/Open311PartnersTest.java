package cn.gov.liuyang.bizenv.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Partners' API keys: hashes only in the configuration, the key in a header, never in a URL. */
class Open311PartnersTest {
  private static final String KEY = "o311-key-of-the-hotline-app-000000000000";
  private static final Open311Partners PARTNERS =
      Open311Partners.parse(
          "wechat-app:"
              + Open311Partners.hashOf("another key")
              + ",hotline:"
              + Open311Partners.hashOf(KEY));

  private static HttpApiEvent event(Map<String, String> headers, Map<String, String> query) {
    return new HttpApiEvent(
        "2.0",
        "GET /open311/v2/requests.json",
        "/open311/v2/requests.json",
        "",
        null,
        headers,
        query,
        null,
        null,
        null,
        false);
  }

  private static ApiProblem refusal(HttpApiEvent event, Optional<String> bodyKey) {
    try {
      PARTNERS.require(event, bodyKey);
    } catch (ApiProblem problem) {
      return problem;
    }
    throw new AssertionError("let in");
  }

  @Test
  void theKeyInTheHeader_orGeoReportsApiKeyField_namesItsPartner() {
    assertThat(PARTNERS.require(event(Map.of("x-api-key", KEY), Map.of()), Optional.empty()))
        .isEqualTo("hotline");
    assertThat(PARTNERS.require(event(Map.of(), Map.of()), Optional.of(KEY))).isEqualTo("hotline");
  }

  @Test
  void noKey_isA401_andAnUnknownKeyAnother401() {
    ApiProblem missing = refusal(event(Map.of(), Map.of()), Optional.empty());
    ApiProblem wrong = refusal(event(Map.of("x-api-key", KEY + "x"), Map.of()), Optional.empty());

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.code()).isEqualTo("API_KEY_REQUIRED");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.code()).isEqualTo("API_KEY_INVALID");
    assertThat(wrong.getMessage()).doesNotContain(KEY);
  }

  @Test
  void aKeyInTheQueryString_isRefused_evenAValidOne() {
    ApiProblem inUrl =
        refusal(event(Map.of("x-api-key", KEY), Map.of("api_key", KEY)), Optional.empty());

    assertThat(inUrl.status()).isEqualTo(400);
    assertThat(inUrl.code()).isEqualTo("API_KEY_IN_URL");
  }

  @Test
  void noPartnerConfigured_letsNobodyIn() {
    Open311Partners none = Open311Partners.parse("");

    assertThat(none.size()).isZero();
    assertThatThrownBy(
            () -> none.require(event(Map.of("x-api-key", KEY), Map.of()), Optional.empty()))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(401));
  }

  @Test
  void aKeyInClearInTheConfiguration_isRefusedAtStart_withoutQuotingIt() {
    assertThatThrownBy(() -> Open311Partners.parse("hotline:" + KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(KEY);
  }
}
