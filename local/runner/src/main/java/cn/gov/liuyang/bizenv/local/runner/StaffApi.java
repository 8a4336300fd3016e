package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff routes of a running local stack, called as the staff web app would: JSON over HTTP with
 * a bearer token. A refusal becomes a {@link Failure} naming the API's status, code and message.
 */
final class StaffApi {
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
  private static final Pattern S3_ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");

  private final URI api;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  StaffApi(URI api, String token) {
    this.api = api;
    this.token = token;
  }

  /** One call; {@code body} is JSON text, or {@code null} for none. */
  JsonNode call(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(CALL_TIMEOUT)
            .header("authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    HttpResponse<String> response = send(request.build(), method + " " + path);
    if (response.statusCode() / 100 != 2) {
      throw new Failure(method + " " + path + " 被拒绝：" + problem(response));
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new Failure(method + " " + path + " 返回的不是 JSON：" + e.getMessage());
    }
  }

  JsonNode call(String method, String path, Object body) {
    try {
      return call(method, path, Json.mapper().writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** PUTs {@code content} to a presigned upload link with the headers that were signed with it. */
  void upload(JsonNode upload, byte[] content) {
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
            .timeout(CALL_TIMEOUT)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    // the JDK client sets these two itself and refuses them as request headers
    upload
        .path("headers")
        .fields()
        .forEachRemaining(
            header -> {
              if (!header.getKey().equalsIgnoreCase("content-length")
                  && !header.getKey().equalsIgnoreCase("host")) {
                put.header(header.getKey(), header.getValue().asText());
              }
            });
    HttpResponse<String> response = send(put.build(), "上传文件");
    if (response.statusCode() / 100 != 2) {
      Matcher code = S3_ERROR_CODE.matcher(response.body());
      throw new Failure(
          "上传到签名链接失败：HTTP " + response.statusCode() + (code.find() ? " " + code.group(1) : ""));
    }
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Failure(what + " 无法连接本地后端（" + api + "）：" + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(what + " 被中断");
    }
  }

  /** "HTTP 400 VALIDATION_FAILED 提交的内容有误…（fileName：…）", from the API's problem body. */
  private static String problem(HttpResponse<String> response) {
    JsonNode body = parse(response.body());
    StringBuilder text = new StringBuilder("HTTP ").append(response.statusCode());
    Optional.ofNullable(body.get("code")).ifPresent(code -> text.append(' ').append(code.asText()));
    text.append(' ').append(body.path("message").asText(response.body()));
    JsonNode first = body.path("errors").path(0);
    if (!first.isMissingNode()) {
      text.append("（")
          .append(first.path("field").asText())
          .append("：")
          .append(first.path("message").asText())
          .append("）");
    }
    return text.toString();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = Json.mapper().readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** A step that cannot go on, with one line for the person at the terminal. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message);
    }
  }
}
