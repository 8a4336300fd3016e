package cn.gov.liuyang.bizenv.local.runner.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtAuthorizer;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffSigningKey;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import cn.gov.liuyang.bizenv.local.runner.auth.VerifiedJwt;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalConsoleTest {
  private static final URI BASE = URI.create("http://127.0.0.1:3000");
  private final StaffSigningKey key = StaffSigningKey.generate();
  private final LocalConsole console =
      new LocalConsole(
          new StaffTokens(key, StaffJwtSettings.LOCAL, Clock.systemUTC()), Duration.ofHours(12));
  private final StaffJwtAuthorizer authorizer = new StaffJwtAuthorizer(key, StaffJwtSettings.LOCAL);

  private GatewayResponse post(String body) {
    return console
        .serve(
            "POST",
            LocalConsole.TOKEN_ROUTE,
            Map.of(),
            () -> Optional.of(body.getBytes(StandardCharsets.UTF_8)),
            BASE)
        .orElseThrow();
  }

  private static JsonNode json(GatewayResponse response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void theSettings_areTheContractOfDocsConsole_inLocalMode_withTheApiWhereTheBrowserReachedIt()
      throws Exception {
    GatewayResponse response =
        console
            .serve(
                "GET",
                "/console/settings.json",
                Map.of("host", List.of("localhost:3000")),
                Optional::empty,
                BASE)
            .orElseThrow();

    assertThat(response.status()).isEqualTo(200);
    JsonNode settings = json(response);
    assertThat(settings.path("apiBase").asText()).isEqualTo("http://localhost:3000");
    assertThat(settings.path("auth").path("mode").asText()).isEqualTo("local");
    assertThat(settings.path("auth").path("signInUrl").asText()).isEqualTo("/local/sign-in/");
  }

  @Test
  void aHostHeaderNamingAnotherSite_isNotTakenAsTheApi() throws Exception {
    GatewayResponse response =
        console
            .serve(
                "GET",
                "/console/settings.json",
                Map.of("host", List.of("evil.example:80")),
                Optional::empty,
                BASE)
            .orElseThrow();

    assertThat(json(response).path("apiBase").asText()).isEqualTo("http://127.0.0.1:3000");
  }

  @Test
  void theSignInPage_isServed_asHtml() {
    GatewayResponse page =
        console.serve("GET", "/local/sign-in/", Map.of(), Optional::empty, BASE).orElseThrow();

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().get("content-type")).containsExactly("text/html; charset=utf-8");
    assertThat(new String(page.body(), StandardCharsets.UTF_8))
        .contains("id=\"sign-in-form\"", "/local/staff-token");
    assertThat(
            console
                .serve("GET", "/local/sign-in", Map.of(), Optional::empty, BASE)
                .orElseThrow()
                .status())
        .isEqualTo(301);
  }

  @Test
  void theTokenIssued_carriesTheChosenPersonGroupsAndUnits_andTheGatewayAcceptsIt()
      throws Exception {
    GatewayResponse response =
        post(
            "{\"name\":\"王会计\",\"sub\":\"finance-1\",\"groups\":[\"finance\"],"
                + "\"units\":[\"lyyshj\",\"second-unit\"]}");

    assertThat(response.status()).isEqualTo(201);
    JsonNode answer = json(response);
    assertThat(answer.path("expiresIn").asLong()).isEqualTo(12 * 3600);
    VerifiedJwt jwt =
        authorizer.verify(Optional.of("Bearer " + answer.path("token").asText())).orElseThrow();
    assertThat(jwt.claims())
        .containsEntry("sub", "finance-1")
        .containsEntry("name", "王会计")
        .containsEntry("groups", "[finance]")
        .containsEntry("units", "[lyyshj second-unit]");
  }

  @Test
  void everyWrongField_isNamedAtOnce_withAStableCodeAndAChineseMessage() throws Exception {
    GatewayResponse response =
        post("{\"name\":\" \",\"sub\":\"a b\",\"groups\":[\"admin\"],\"units\":[\"LYYSHJ\"]}");

    assertThat(response.status()).isEqualTo(400);
    JsonNode refusal = json(response);
    assertThat(refusal.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    List<String> errors = new ArrayList<>();
    refusal
        .path("errors")
        .forEach(e -> errors.add(e.path("field").asText() + ":" + e.path("code").asText()));
    assertThat(errors)
        .containsExactly(
            "name:REQUIRED", "sub:SUBJECT_INVALID", "groups:GROUP_UNKNOWN", "units:UNIT_INVALID");
    assertThat(refusal.path("errors").get(0).path("message").asText()).isEqualTo("请填写姓名");
  }

  @Test
  void noGroupAtAll_orBrokenJson_isRefused() throws Exception {
    assertThat(json(post("{\"name\":\"李明\",\"sub\":\"o-1\",\"groups\":[]}")).toString())
        .contains("\"field\":\"groups\"", "REQUIRED");
    assertThat(json(post("{not json")).path("code").asText()).isEqualTo("BODY_MALFORMED");
    assertThat(json(post("[]")).path("code").asText()).isEqualTo("BODY_NOT_OBJECT");
  }

  @Test
  void onlyItsOwnPaths_areAnswered_andOnlyWithTheirMethods() {
    assertThat(console.serve("GET", "/staff/complaints", Map.of(), Optional::empty, BASE))
        .isEmpty();
    assertThat(console.serve("GET", "/console/index.html", Map.of(), Optional::empty, BASE))
        .isEmpty();
    assertThat(
            console
                .serve("GET", LocalConsole.TOKEN_ROUTE, Map.of(), Optional::empty, BASE)
                .orElseThrow()
                .status())
        .isEqualTo(405);
    assertThat(
            console
                .serve("PUT", "/console/settings.json", Map.of(), Optional::empty, BASE)
                .orElseThrow()
                .status())
        .isEqualTo(405);
  }
}
