package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A whole flow through the local gateway, as {@code bin/start} runs it with its access log on: a
 * complaint filed on the mobile form's route and one through Open311, followed, attached to,
 * handled by an officer and rated, with the tokens also tried where they do not belong (a path, a
 * query string). Everything the gateway and the functions log meanwhile (the access log, standard
 * output and error of the JVM that hosts them) holds no access token, Open311 token, API key, staff
 * token, name or phone.
 */
class NoSecretInAnyLogEndToEndIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String NAME = "欧阳明远";
  private static final String PHONE = "13907311234";

  private final List<String> secrets = new ArrayList<>();
  private LocalBackend backend;

  @Test
  void noLogLineOfTheGatewayOrOfAFunctionCarriesATokenOrPersonalData() throws Exception {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    PrintStream accessLog = new PrintStream(tee(logs, stderr), true, StandardCharsets.UTF_8);
    LocalBackend.Options memory =
        LocalBackend.Options.inMemory(SamTemplate.load(), Ports.free(), Ports.free(), Ports.free());
    System.setOut(new PrintStream(tee(logs, stdout), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(logs, stderr), true, StandardCharsets.UTF_8));
    try (LocalBackend started =
        LocalBackend.start(
            new LocalBackend.Options(
                memory.template(),
                Optional.empty(),
                memory.gatewayPort(),
                memory.dynamoDbPort(),
                memory.s3Port(),
                Optional.empty(),
                accessLog,
                true,
                memory.pollInterval(),
                memory.retryDelay()))) {
      backend = started;
      flow();
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }

    String logged = logs.toString(StandardCharsets.UTF_8);
    // the capture works: the access log and the functions' own lines are in it
    assertThat(logged)
        .contains("[POST /complaints]", "[GET /open311/v2/tokens/{id}]", "\"channel\":\"open311\"");
    assertThat(secrets).hasSize(6);
    for (String secret : secrets) {
      assertThat(logged).as("the logs hold a secret or personal data").doesNotContain(secret);
    }
    assertThat(logged).doesNotContain(NAME, PHONE, "1390731", "欧阳");
  }

  private void flow() throws Exception {
    String apiKey = backend.open311DemoKey().key();
    String staff =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("officer-1", "李主任", List.of("complaint-officer")),
                Duration.ofHours(1));
    secrets.add(apiKey);
    secrets.add(staff);

    // a complaint from the mobile form's route
    JsonNode receipt =
        json(
            send(
                post(
                        "/complaints",
                        "{\"kind\":\"投诉\",\"subject\":\"市场监管局\",\"description\":\"许可未受理\","
                            + "\"contactName\":\""
                            + NAME
                            + "\",\"contactPhone\":\""
                            + PHONE
                            + "\",\"consent\":true}")
                    .header("idempotency-key", UUID.randomUUID().toString())),
            201);
    String number = receipt.path("trackingNumber").asText().replace("-", "");
    String accessToken = receipt.path("accessToken").asText();
    secrets.add(accessToken);

    json(send(get("/complaints/" + number).header("x-access-token", accessToken)), 200);
    // the token is taken from its header only: in a query string or a path it opens nothing
    HttpResponse<String> unknown = send(get("/complaints/ABCDEFGHJ"));
    for (String query : List.of("x-access-token=", "token=", "access_token=", "accessToken=")) {
      HttpResponse<String> inQuery =
          send(get("/complaints/" + number + "?" + query + encode(accessToken)));
      assertThat(inQuery.statusCode()).isEqualTo(404);
      assertThat(inQuery.body()).isEqualTo(unknown.body());
    }
    assertThat(send(get("/complaints/" + number + "/" + accessToken)).statusCode()).isEqualTo(404);
    String uploadUrl =
        json(
                send(
                    post(
                            "/complaints/" + number + "/attachments",
                            "{\"contentType\":\"image/png\",\"size\":1024}")
                        .header("x-access-token", accessToken)),
                201)
            .path("uploadUrl")
            .asText();
    java.util.regex.Matcher signature =
        java.util.regex.Pattern.compile("X-Amz-Signature=([0-9a-f]+)").matcher(uploadUrl);
    assertThat(signature.find()).isTrue();
    secrets.add(signature.group(1));

    // one through Open311, by the local demo partner
    JsonNode created =
        json(
                send(
                    HttpRequest.newBuilder(backend.baseUrl().resolve("/open311/v2/requests.json"))
                        .header("content-type", "application/x-www-form-urlencoded")
                        .header("x-api-key", apiKey)
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "service_code=difficulty&description="
                                    + encode("用电报装三周未回复")
                                    + "&last_name="
                                    + encode(NAME.substring(0, 2))
                                    + "&first_name="
                                    + encode(NAME.substring(2))
                                    + "&phone="
                                    + PHONE
                                    + "&attribute%5Bconsent%5D=true"))),
                201)
            .get(0);
    String id = created.path("service_request_id").asText();
    String open311Token = created.path("token").asText();
    String open311AccessToken = created.path("access_token").asText();
    secrets.add(open311Token);
    secrets.add(open311AccessToken);
    assertThat(
            json(send(get("/open311/v2/tokens/" + open311Token).header("x-api-key", apiKey)), 200)
                .get(0)
                .path("service_request_id")
                .asText())
        .isEqualTo(id);
    assertThat(
            send(get("/open311/v2/tokens/" + open311AccessToken).header("x-api-key", apiKey))
                .statusCode())
        .isEqualTo(404);
    json(send(get("/open311/v2/requests/" + id + ".json").header("x-api-key", apiKey)), 200);
    assertThat(
            send(get("/open311/v2/requests.json?status=open&api_key=" + encode(apiKey)))
                .statusCode())
        .isEqualTo(400);
    // the complainant follows it with the access token Open311 handed over, in its header
    json(send(get("/complaints/" + id).header("x-access-token", open311AccessToken)), 200);

    // an officer handles the first case; the complainant rates it
    json(send(get("/staff/complaints/" + number).header("authorization", "Bearer " + staff)), 200);
    for (String action :
        List.of(
            "{\"action\":\"ACCEPT\",\"note\":\"属于受理范围\"}",
            "{\"action\":\"CLOSE\",\"result\":\"已受理许可\",\"difficultiesResolved\":1}")) {
      json(
          send(
              post("/staff/complaints/" + number + "/actions", action)
                  .header("authorization", "Bearer " + staff)),
          200);
    }
    json(
        send(
            post(
                    "/complaints/" + number + "/feedback",
                    "{\"satisfiedWithResult\":true,\"satisfiedWithService\":true}")
                .header("x-access-token", accessToken)),
        200);
  }

  private static OutputStream tee(OutputStream first, OutputStream second) {
    return new OutputStream() {
      @Override
      public synchronized void write(int b) throws java.io.IOException {
        first.write(b);
        second.write(b);
      }

      @Override
      public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
        first.write(b, off, len);
        second.write(b, off, len);
      }
    };
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(backend.baseUrl().resolve(path)).GET();
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(backend.baseUrl().resolve(path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Json.mapper().readTree(response.body());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
