package cn.gov.liuyang.bizenv.local.runner.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser's PUT of a file through the signed link an upload route answered with. */
final class SignedUpload {
  private SignedUpload() {}

  /**
   * PUTs {@code content} to {@code ticket.upload.url} with the headers the link was signed for (the
   * client sets Content-Length and Host itself); answers the status S3 gave.
   */
  static int put(HttpClient http, JsonNode ticket, byte[] content) throws Exception {
    JsonNode upload = ticket.path("upload");
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
    upload
        .path("headers")
        .fields()
        .forEachRemaining(
            h -> {
              if (!h.getKey().equalsIgnoreCase("content-length")
                  && !h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asText());
              }
            });
    return http.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
