package cn.gov.liuyang.bizenv.local.runner.testfunctions;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Test function: answers with the exact event it received as the body, and reports the environment
 * it was constructed in through headers. {@code GET /public/binary} answers base64 bytes and a
 * cookie.
 */
public final class EchoHandler implements RequestStreamHandler {
  static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

  private final String greeting;
  private final String recordsTable;
  private final String dynamoDbEndpoint;

  public EchoHandler() {
    greeting = Env.optional("GREETING").orElse("");
    recordsTable = Env.optional("RECORDS_TABLE").orElse("");
    dynamoDbEndpoint = Env.optional("AWS_ENDPOINT_URL_DYNAMODB").orElse("");
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String eventText = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    JsonNode event = Json.mapper().readTree(eventText);
    ObjectNode response = Json.mapper().createObjectNode();
    response.put("statusCode", 200);
    ObjectNode headers = response.putObject("headers");
    headers.put("x-greeting", greeting);
    headers.put("x-greeting-read-while-running", Env.optional("GREETING").orElse(""));
    headers.put("x-records-table", recordsTable);
    headers.put("x-dynamodb-endpoint", dynamoDbEndpoint);
    headers.put("x-function-name", context.getFunctionName());
    headers.put("x-remaining-ms", Integer.toString(context.getRemainingTimeInMillis()));
    headers.put("access-control-allow-origin", "https://evil.example");
    if ("/public/binary".equals(event.path("rawPath").asText())) {
      headers.put("content-type", "image/png");
      response.putArray("cookies").add("session=abc; HttpOnly").add("theme=dark");
      response.put("body", Base64.getEncoder().encodeToString(BINARY));
      response.put("isBase64Encoded", true);
    } else {
      headers.put("content-type", "application/json");
      response.put("body", eventText);
      response.put("isBase64Encoded", false);
    }
    Json.mapper().writeValue(output, response);
  }
}
