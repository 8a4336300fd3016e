package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.TryItExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first real flow over HTTP, through the project's template.yaml: the gateway, the complaint
 * intake function and DynamoDB, as {@code bin/start} runs them.
 */
class ComplaintIntakeEndToEndIT {
  private static LocalBackend backend;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    backend =
        LocalBackend.start(
            LocalBackend.Options.inMemory(
                SamTemplate.load(), Ports.free(), Ports.free(), Ports.free()));
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void theTryItExampleThatBinStartPrintsFilesAComplaint_andItsStatusCanBeReadBack()
      throws Exception {
    // GIVEN the request bin/start prints, sent as printed
    HttpResponse<String> filed =
        send(
            HttpRequest.newBuilder(backend.baseUrl().resolve(TryItExample.PATH))
                .header("content-type", "application/json")
                .method(
                    TryItExample.METHOD, HttpRequest.BodyPublishers.ofString(TryItExample.BODY)));

    // THEN it is stored and answered with a tracking number and an access token
    assertThat(filed.statusCode()).isEqualTo(201);
    JsonNode receipt = Json.mapper().readTree(filed.body());
    String trackingNumber = receipt.path("trackingNumber").asText();
    String token = receipt.path("accessToken").asText();
    assertThat(trackingNumber).matches("[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}");

    // WHEN the complainant follows the case with both
    HttpResponse<String> status =
        send(
            HttpRequest.newBuilder(backend.baseUrl().resolve("/complaints/" + trackingNumber))
                .header("x-access-token", token)
                .GET());

    // THEN the status shows, with personal data masked
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode view = Json.mapper().readTree(status.body());
    assertThat(view.path("trackingNumber").asText()).isEqualTo(trackingNumber);
    assertThat(view.path("status").asText()).isEqualTo("RECEIVED");
    assertThat(status.body()).doesNotContain("13800138000").doesNotContain("张三");
  }

  @Test
  void withoutTheTokenTheStatusRevealsNothing() throws Exception {
    HttpResponse<String> filed =
        send(
            HttpRequest.newBuilder(backend.baseUrl().resolve("/complaints"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TryItExample.BODY)));
    String trackingNumber = Json.mapper().readTree(filed.body()).path("trackingNumber").asText();

    HttpResponse<String> noToken =
        send(HttpRequest.newBuilder(backend.baseUrl().resolve("/complaints/" + trackingNumber)));
    HttpResponse<String> unknown =
        send(HttpRequest.newBuilder(backend.baseUrl().resolve("/complaints/ABC-DEF-GHJ")));

    assertThat(noToken.statusCode()).isEqualTo(404);
    assertThat(noToken.body()).isEqualTo(unknown.body());
  }

  @Test
  void badInputIsRefusedOverHttpWithFieldErrors_andStoresNothing() throws Exception {
    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(backend.baseUrl().resolve("/complaints"))
                .header("content-type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"COMPLAINT\",\"subject\":\"x\",\"description\":\"y\","
                            + "\"contactName\":\"张三\",\"contactPhone\":\"12345\",\"consent\":true}")));

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode problem = Json.mapper().readTree(refused.body());
    assertThat(problem.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(problem.path("errors").findValuesAsText("field")).contains("contactPhone");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
