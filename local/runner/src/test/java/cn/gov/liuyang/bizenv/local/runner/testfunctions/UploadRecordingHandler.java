package cn.gov.liuyang.bizenv.local.runner.testfunctions;

import cn.gov.liuyang.bizenv.common.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test function on the upload queue: records every SQS record it receives. Keys containing {@code
 * fails-once} are reported as batch item failures on their first receive; keys containing {@code
 * always-fails} make the whole invocation throw.
 */
public final class UploadRecordingHandler implements RequestStreamHandler {
  /** Every record received, by any instance, in arrival order. */
  public static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.mapper().readTree(input);
    ObjectNode response = Json.mapper().createObjectNode();
    ArrayNode failures = response.putArray("batchItemFailures");
    boolean crash = false;
    for (JsonNode record : event.path("Records")) {
      RECEIVED.add(record);
      String key = objectKey(record);
      if (key.contains("always-fails")) {
        crash = true;
      }
      if (key.contains("fails-once")
          && record.path("attributes").path("ApproximateReceiveCount").asText().equals("1")) {
        failures.addObject().put("itemIdentifier", record.path("messageId").asText());
      }
    }
    if (crash) {
      throw new IllegalStateException("cannot read this spreadsheet");
    }
    Json.mapper().writeValue(output, response);
  }

  /** The S3 object key (still URL-encoded, as in the event) of an SQS record. */
  public static String objectKey(JsonNode sqsRecord) {
    try {
      return Json.mapper()
          .readTree(sqsRecord.path("body").asText())
          .path("Records")
          .path(0)
          .path("s3")
          .path("object")
          .path("key")
          .asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
