package cn.gov.liuyang.bizenv.local.runner.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.TestStack;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffSigningKey;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway over real HTTP on 127.0.0.1, serving the test template's routes. */
class LocalGatewayIT {
  private static LocalBackend backend;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startStack() {
    backend = LocalBackend.start(LocalBackend.Options.inMemory(TestStack.template()));
  }

  @AfterAll
  static void stopStack() {
    backend.close();
  }

  private static URI url(String pathAndQuery) {
    return URI.create(backend.baseUrl() + pathAndQuery);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  /** The event the echo function received, which it sends back as its body. */
  private static JsonNode eventOf(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  @Test
  void aPublicGet_reachesTheFunctionAsAPayload2Event() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    url("/public/items/%E6%B5%8F%E9%98%B3%201?x=1&x=2&name=%E5%BC%A0&flag"))
                .header("X-Multi", "a")
                .header("X-Multi", "b")
                .header("User-Agent", "it-test")
                .header("Cookie", "s=1; t=2"));

    JsonNode event = eventOf(response);
    assertThat(event.path("version").asText()).isEqualTo("2.0");
    assertThat(event.path("routeKey").asText()).isEqualTo("GET /public/items/{itemId}");
    assertThat(event.path("rawPath").asText()).isEqualTo("/public/items/%E6%B5%8F%E9%98%B3%201");
    assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1&x=2&name=%E5%BC%A0&flag");
    assertThat(event.path("queryStringParameters"))
        .isEqualTo(Json.mapper().readTree("{\"x\":\"1,2\",\"name\":\"张\",\"flag\":\"\"}"));
    assertThat(event.path("pathParameters").path("itemId").asText()).isEqualTo("浏阳 1");
    assertThat(event.path("cookies")).hasSize(2);
    assertThat(event.path("cookies").path(0).asText()).isEqualTo("s=1");
    assertThat(event.path("headers").path("x-multi").asText()).isEqualTo("a,b");
    assertThat(event.path("headers").path("user-agent").asText()).isEqualTo("it-test");
    assertThat(event.path("headers").has("cookie")).isFalse();
    assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
    assertThat(event.has("body")).isFalse();
    assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();

    JsonNode context = event.path("requestContext");
    assertThat(context.path("stage").asText()).isEqualTo("$default");
    assertThat(context.path("routeKey").asText()).isEqualTo("GET /public/items/{itemId}");
    assertThat(context.path("accountId").asText()).isNotEmpty();
    assertThat(context.path("apiId").asText()).isNotEmpty();
    assertThat(context.path("domainName").asText()).isEqualTo(backend.baseUrl().getAuthority());
    assertThat(context.path("requestId").asText())
        .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
    assertThat(context.path("http").path("path").asText())
        .isEqualTo(event.path("rawPath").asText());
    assertThat(context.path("http").path("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.path("http").path("userAgent").asText()).isEqualTo("it-test");
    assertThat(context.path("time").asText())
        .matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(context.path("timeEpoch").asLong())
        .isCloseTo(System.currentTimeMillis(), within(60_000L));
    assertThat(context.has("authorizer")).isFalse();
  }

  @Test
  void theFunction_isBuiltInItsTemplateEnvironment_andGetsAContextWithItsTimeout()
      throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("/public/items/1")));

    assertThat(response.headers().firstValue("x-greeting")).hasValue("from-globals");
    assertThat(response.headers().firstValue("x-greeting-read-while-running"))
        .hasValue("from-globals");
    assertThat(response.headers().firstValue("x-records-table")).hasValue("RecordsTable");
    assertThat(response.headers().firstValue("x-function-name")).hasValue("EchoFunction");
    assertThat(Integer.parseInt(response.headers().firstValue("x-remaining-ms").orElseThrow()))
        .isBetween(1, 10_000);
  }

  @Test
  void aJsonBody_arrivesAsText_andABinaryBody_asBase64() throws Exception {
    JsonNode json =
        eventOf(
            send(
                HttpRequest.newBuilder(url("/public/echo"))
                    .header("content-type", "application/json; charset=utf-8")
                    .POST(BodyPublishers.ofString("{\"subject\":\"市场监管局\"}"))));
    byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
    JsonNode binary =
        eventOf(
            send(
                HttpRequest.newBuilder(url("/public/echo"))
                    .header("content-type", "application/vnd.ms-excel")
                    .POST(BodyPublishers.ofByteArray(bytes))));

    assertThat(json.path("body").asText()).isEqualTo("{\"subject\":\"市场监管局\"}");
    assertThat(json.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(Base64.getDecoder().decode(binary.path("body").asText())).isEqualTo(bytes);
    assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
  }

  @Test
  void aGreedyPathParameter_getsTheRestOfThePath() throws Exception {
    JsonNode event = eventOf(send(HttpRequest.newBuilder(url("/files/2021/a%20b.pdf"))));

    assertThat(event.path("routeKey").asText()).isEqualTo("GET /files/{path+}");
    assertThat(event.path("pathParameters").path("path").asText()).isEqualTo("2021/a b.pdf");
  }

  @Test
  void aBase64Response_isSentAsBytes_withItsCookiesAsSetCookieHeaders() throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(url("/public/binary")).build(), BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G', 0, 0xff);
    assertThat(response.headers().firstValue("content-type")).hasValue("image/png");
    assertThat(response.headers().allValues("set-cookie"))
        .containsExactly("session=abc; HttpOnly", "theme=dark");
  }

  @Test
  void anUnknownRouteOrMethod_is404NotFound() throws Exception {
    HttpResponse<String> unknown = send(HttpRequest.newBuilder(url("/nowhere")));
    HttpResponse<String> wrongMethod =
        send(HttpRequest.newBuilder(url("/public/items/1")).DELETE());

    for (HttpResponse<String> response : List.of(unknown, wrongMethod)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }
  }

  @Test
  void aBodyOver10Megabytes_is413() throws Exception {
    byte[] tooBig = new byte[LocalGateway.MAX_BODY_BYTES + 1];

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/public/echo"))
                .header("content-type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(tooBig)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
  }

  @Test
  void aBinaryBodyThatBase64MakesTooBigForLambda_is413() throws Exception {
    byte[] fiveMegabytes = new byte[5 * 1024 * 1024];

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/public/echo"))
                .header("content-type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(fiveMegabytes)));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void aFunctionWhoseClassIsNotOnTheClasspath_answers503WithAClearMessage() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(url("/missing")));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Json.mapper().readTree(response.body()).path("message").asText())
        .contains("MissingFunction", "NotBuiltHandler", "classpath");
  }

  @Test
  void aStaffRoute_withAValidToken_passesTheClaimsToTheFunction() throws Exception {
    String token =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("officer-7", "李四", List.of("complaint-officer")),
                Duration.ofHours(1));

    JsonNode event =
        eventOf(
            send(
                HttpRequest.newBuilder(url("/staff/me"))
                    .header("Authorization", "Bearer " + token)));

    JsonNode jwt = event.path("requestContext").path("authorizer").path("jwt");
    assertThat(jwt.path("claims").path("sub").asText()).isEqualTo("officer-7");
    assertThat(jwt.path("claims").path("name").asText()).isEqualTo("李四");
    assertThat(jwt.path("claims").path("groups").asText()).isEqualTo("[complaint-officer]");
    assertThat(jwt.path("claims").path("aud").asText()).isEqualTo("bizenv-staff");
    assertThat(jwt.has("scopes")).isTrue();
    assertThat(jwt.path("scopes").isNull()).isTrue();
  }

  @Test
  void aStaffRoute_refusesMissingForgedWrongAudienceAndExpiredTokens_with401() throws Exception {
    StaffTokens forger =
        new StaffTokens(StaffSigningKey.generate(), StaffJwtSettings.LOCAL, Clock.systemUTC());
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(StaffJwtSettings.LOCAL.issuer())
            .audience(StaffJwtSettings.LOCAL.audience())
            .subject("officer-1")
            .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    List<String> refused =
        List.of(
            forger.issue(new StaffIdentity("x", "x", List.of()), Duration.ofHours(1)),
            backend.staffTokens().sign(claims.audience("someone-else").build()),
            backend
                .staffTokens()
                .sign(
                    claims
                        .audience(StaffJwtSettings.LOCAL.audience())
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                        .build()));

    assertThat(send(HttpRequest.newBuilder(url("/staff/me"))).statusCode()).isEqualTo(401);
    for (String token : refused) {
      HttpResponse<String> response =
          send(HttpRequest.newBuilder(url("/staff/me")).header("Authorization", "Bearer " + token));
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
  }

  @Test
  void aCorsPreflight_fromAnAllowedOrigin_isAnsweredByTheGatewayFromTheTemplate() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/public/echo"))
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://form.example.cn")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("access-control-allow-origin"))
        .hasValue("https://form.example.cn");
    assertThat(response.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
    assertThat(response.headers().firstValue("access-control-allow-headers"))
        .hasValue("authorization,content-type");
    assertThat(response.headers().firstValue("access-control-max-age")).hasValue("300");
  }

  @Test
  void aCorsPreflight_fromAnotherOrigin_getsNoCorsHeaders() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/public/echo"))
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void anOrdinaryResponse_carriesTheTemplatesCorsHeaders_notTheFunctions() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(url("/public/items/1"))
                .header("Origin", "https://m.example.cn"));

    assertThat(response.headers().firstValue("access-control-allow-origin"))
        .hasValue("https://m.example.cn");
    assertThat(response.headers().firstValue("access-control-expose-headers"))
        .hasValue("x-greeting");
  }

  @Test
  void noStaticFolderIsServed_whenNoneIsConfigured() throws Exception {
    assertThat(send(HttpRequest.newBuilder(url("/app/"))).statusCode()).isEqualTo(404);
  }
}
