package cn.gov.liuyang.bizenv.local.runner.s3events;

import static cn.gov.liuyang.bizenv.local.runner.TestStack.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.TestStack;
import cn.gov.liuyang.bizenv.local.runner.testfunctions.UploadRecordingHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads into the local S3 reach the queue's function as SQS events, with retries and a DLQ. */
class S3UploadNotificationsIT {
  private static final String BUCKET = "uploads-bucket";

  @TempDir Path dataDir;
  private LocalBackend backend;
  private S3Client s3;

  @BeforeEach
  void startStackOnADataDirectory() {
    backend = start();
    s3 = backend.cloud().s3Client();
  }

  @AfterEach
  void stop() {
    s3.close();
    backend.close();
  }

  private LocalBackend start() {
    return LocalBackend.start(
        LocalBackend.Options.inMemory(TestStack.template())
            .withDataDir(dataDir)
            .withUploadTiming(Duration.ofMillis(100), Duration.ofMillis(100)));
  }

  private String upload(String key, String content) {
    return s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString(content)).eTag();
  }

  private static List<JsonNode> receivedFor(String encodedKey) {
    return UploadRecordingHandler.RECEIVED.stream()
        .filter(r -> UploadRecordingHandler.objectKey(r).equals(encodedKey))
        .toList();
  }

  @Test
  void anUploadUnderThePrefix_isDeliveredAsAnSqsEventCarryingTheS3Notification() throws Exception {
    String eTag = upload("incoming/2021 报表.csv", "单位,金额\n");
    String encodedKey = "incoming/2021+%E6%8A%A5%E8%A1%A8.csv";

    awaitUntil("the upload is delivered", () -> !receivedFor(encodedKey).isEmpty());

    JsonNode record = receivedFor(encodedKey).get(0);
    assertThat(record.path("messageId").asText()).isNotEmpty();
    assertThat(record.path("receiptHandle").asText()).isNotEmpty();
    assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(record.path("eventSourceARN").asText())
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:UploadQueue");
    assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(record.path("attributes").path("SentTimestamp").asText()).matches("\\d{13}");
    assertThat(record.path("md5OfBody").asText())
        .isEqualTo(SqsEvents.md5Hex(record.path("body").asText()));

    JsonNode s3Record =
        Json.mapper().readTree(record.path("body").asText()).path("Records").path(0);
    assertThat(s3Record.path("eventVersion").asText()).isEqualTo("2.1");
    assertThat(s3Record.path("eventSource").asText()).isEqualTo("aws:s3");
    assertThat(s3Record.path("awsRegion").asText()).isEqualTo("us-east-1");
    assertThat(s3Record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
    assertThat(s3Record.path("eventTime").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    JsonNode bucket = s3Record.path("s3").path("bucket");
    assertThat(bucket.path("name").asText()).isEqualTo(BUCKET);
    assertThat(bucket.path("arn").asText()).isEqualTo("arn:aws:s3:::" + BUCKET);
    JsonNode object = s3Record.path("s3").path("object");
    assertThat(object.path("key").asText()).isEqualTo(encodedKey);
    assertThat(object.path("size").asLong())
        .isEqualTo("单位,金额\n".getBytes(StandardCharsets.UTF_8).length);
    assertThat(object.path("eTag").asText()).isEqualTo(eTag.replace("\"", ""));
    assertThat(object.path("sequencer").asText()).matches("[0-9A-F]{16}");
  }

  @Test
  void anUploadOutsideThePrefixOrSuffixFilter_isNotDelivered() {
    upload("elsewhere/ignored-" + System.nanoTime() + ".csv", "x");
    upload("incoming/ignored-" + System.nanoTime() + ".txt", "x");
    String marker = "incoming/after-ignored-" + System.nanoTime() + ".csv";
    upload(marker, "x");

    awaitUntil("the later upload is delivered", () -> !receivedFor(marker).isEmpty());

    assertThat(UploadRecordingHandler.RECEIVED)
        .extracting(UploadRecordingHandler::objectKey)
        .noneMatch(key -> key.startsWith("elsewhere/"))
        .noneMatch(key -> key.endsWith(".txt"));
  }

  @Test
  void anItemReportedAsFailed_isRedelivered_andThenNotAgain() {
    String key = "incoming/fails-once-" + System.nanoTime() + ".csv";
    upload(key, "x");

    awaitUntil("the item is redelivered", () -> receivedFor(key).size() == 2);
    awaitUntil("nothing is left to deliver", () -> backend.notifications().pending() == 0);

    assertThat(receivedFor(key))
        .extracting(r -> r.path("attributes").path("ApproximateReceiveCount").asText())
        .containsExactly("1", "2");
    assertThat(receivedFor(key).get(0).path("messageId"))
        .isEqualTo(receivedFor(key).get(1).path("messageId"));
    assertThat(dataDir.resolve("s3-notifications/dead-letters.jsonl")).doesNotExist();
  }

  @Test
  void anUploadTheFunctionKeepsFailingOn_isTriedMaxReceiveCountTimes_thenDeadLettered()
      throws Exception {
    String key = "incoming/always-fails-" + System.nanoTime() + ".csv";
    upload(key, "x");
    Path deadLetters = dataDir.resolve("s3-notifications/dead-letters.jsonl");

    awaitUntil("the upload is dead-lettered", () -> Files.exists(deadLetters));
    awaitUntil("nothing is left to deliver", () -> backend.notifications().pending() == 0);

    assertThat(receivedFor(key)).hasSize(2);
    List<String> lines = Files.readAllLines(deadLetters);
    assertThat(lines).hasSize(1);
    JsonNode deadLetter = Json.mapper().readTree(lines.get(0));
    assertThat(deadLetter.path("queue").asText()).isEqualTo("UploadQueue");
    assertThat(deadLetter.path("function").asText()).isEqualTo("UploadIngestFunction");
    assertThat(deadLetter.path("failure").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(
            deadLetter.path("message").path("attributes").path("ApproximateReceiveCount").asText())
        .isEqualTo("2");
    assertThat(UploadRecordingHandler.objectKey(deadLetter.path("message"))).isEqualTo(key);
  }

  @Test
  void aRestart_doesNotDeliverEarlierUploadsAgain_butDeliversNewOnes() {
    String before = "incoming/before-restart-" + System.nanoTime() + ".csv";
    upload(before, "x");
    awaitUntil("the first upload is delivered", () -> receivedFor(before).size() == 1);
    s3.close();
    backend.close();

    backend = start();
    s3 = backend.cloud().s3Client();
    String after = "incoming/after-restart-" + System.nanoTime() + ".csv";
    upload(after, "y");
    awaitUntil("the new upload is delivered", () -> receivedFor(after).size() == 1);

    assertThat(receivedFor(before)).hasSize(1);
  }
}
