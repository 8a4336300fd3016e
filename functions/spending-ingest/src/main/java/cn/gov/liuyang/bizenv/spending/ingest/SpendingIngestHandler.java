package cn.gov.liuyang.bizenv.spending.ingest;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbLedgerCases;
import cn.gov.liuyang.bizenv.ledger.application.IngestLedger;
import cn.gov.liuyang.bizenv.ledger.infrastructure.DynamoDbLedgerSubmissions;
import cn.gov.liuyang.bizenv.ledger.infrastructure.FastExcelLedgerReport;
import cn.gov.liuyang.bizenv.ledger.model.LedgerUploadKey;
import cn.gov.liuyang.bizenv.spending.application.Delivery;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbUnitFacts;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelFindingsReport;
import cn.gov.liuyang.bizenv.spending.infrastructure.S3SpendingFiles;
import cn.gov.liuyang.bizenv.spending.infrastructure.SniffingSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.infrastructure.StderrIngestLog;
import cn.gov.liuyang.bizenv.spending.ingest.xls.HssfSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQS-triggered: each message carries an S3 event notification of workbooks created under {@code
 * spending/} (spending, {@link IngestUpload}) or {@code ledgers/} (complaint ledgers, {@link
 * IngestLedger}). Each object is imported once ({@link IngestUpload} is idempotent); messages that
 * must be retried are reported in {@code batchItemFailures}, so the rest of the batch is not
 * redelivered.
 */
public final class SpendingIngestHandler implements RequestStreamHandler {
  /** The longest a Lambda invocation runs: the lease when no context says how long is left. */
  private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

  /** Clock skew and the last writes after the deadline: the lease outlives the invocation. */
  private static final Duration LEASE_MARGIN = Duration.ofMinutes(1);

  /** The queue's maxReceiveCount when the environment does not say (template.yaml says 3). */
  private static final int DEFAULT_MAX_RECEIVE_COUNT = 3;

  private final UseCases useCases;
  private final int maxReceiveCount;

  /** What the function calls: spending workbooks and ledgers, each on its use case. */
  public record UseCases(IngestUpload spending, IngestLedger ledgers) {}

  /**
   * Lambda's constructor: clients and names from the function's environment, once per container.
   */
  public SpendingIngestHandler() {
    this(Wiring.fromEnvironment(), maxReceiveCountFromEnvironment());
  }

  /** For tests: a queue that moves a message to its dead-letter queue after three deliveries. */
  public SpendingIngestHandler(UseCases useCases) {
    this(useCases, DEFAULT_MAX_RECEIVE_COUNT);
  }

  /**
   * @param maxReceiveCount the queue's RedrivePolicy: a failure of that delivery is the last
   */
  public SpendingIngestHandler(UseCases useCases, int maxReceiveCount) {
    this.useCases = useCases;
    this.maxReceiveCount = maxReceiveCount;
  }

  private static int maxReceiveCountFromEnvironment() {
    String value = System.getenv("INGEST_MAX_RECEIVE_COUNT");
    return value == null || value.isBlank()
        ? DEFAULT_MAX_RECEIVE_COUNT
        : Integer.parseInt(value.trim());
  }

  /** What this function reads: xlsx, CSV and, through POI, Excel 97–2003 .xls. */
  public static SpreadsheetReader spreadsheetReader() {
    return new SniffingSpreadsheetReader(Optional.of(new HssfSpreadsheetReader()));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.mapper().readTree(input);
    Duration lease =
        (context == null
                ? LONGEST_INVOCATION
                : Duration.ofMillis(context.getRemainingTimeInMillis()))
            .plus(LEASE_MARGIN);
    List<Map<String, String>> failures = new ArrayList<>();
    for (JsonNode message : event.path("Records")) {
      String messageId = message.path("messageId").asText();
      if (!handleMessage(messageId, message.path("body").asText(""), lease, delivery(message))) {
        failures.add(Map.of("itemIdentifier", messageId));
      }
    }
    Json.mapper().writeValue(output, Map.of("batchItemFailures", failures));
  }

  /**
   * Which delivery of the message this is: SQS counts its receives; a message without the count (an
   * event written by hand) is taken for a first one.
   */
  private Delivery delivery(JsonNode message) {
    String count = message.path("attributes").path("ApproximateReceiveCount").asText("");
    int attempt;
    try {
      attempt = Math.max(1, Integer.parseInt(count));
    } catch (NumberFormatException notCounted) {
      attempt = 1;
    }
    return new Delivery(attempt, maxReceiveCount);
  }

  /** Imports the objects a message names; false when the message should be delivered again. */
  private boolean handleMessage(String messageId, String body, Duration lease, Delivery delivery) {
    JsonNode notification;
    try {
      notification = Json.mapper().readTree(body);
    } catch (IOException malformed) {
      log(messageId, "-", "MALFORMED_MESSAGE");
      return false;
    }
    if (notification == null || !notification.has("Records")) {
      // s3:TestEvent, sent once when the notification is configured
      log(messageId, "-", "NOT_AN_OBJECT_EVENT");
      return true;
    }
    boolean done = true;
    for (JsonNode record : notification.path("Records")) {
      JsonNode s3 = record.path("s3");
      String key =
          URLDecoder.decode(s3.path("object").path("key").asText(""), StandardCharsets.UTF_8);
      String bucket = s3.path("bucket").path("name").asText("");
      if (key.isEmpty()
          || bucket.isEmpty()
          || !record.path("eventName").asText("").startsWith("ObjectCreated")) {
        log(messageId, key, "NOT_AN_OBJECT_EVENT");
        continue;
      }
      String versionId = s3.path("object").path("versionId").asText("");
      String version =
          versionId.isEmpty()
              ? "etag:" + s3.path("object").path("eTag").asText("")
              : "v:" + versionId;
      try {
        UploadedObject object =
            new UploadedObject(bucket, key, version, s3.path("object").path("size").asLong(0));
        IngestUpload.Result result =
            key.startsWith(LedgerUploadKey.PREFIX)
                ? useCases.ledgers().ingest(object, lease, delivery)
                : useCases.spending().ingest(object, lease, delivery);
        log(messageId, key, result.name());
        done &= result != IngestUpload.Result.BUSY;
      } catch (RuntimeException failure) {
        // infrastructure trouble (throttling, timeouts): the message comes back, then to the DLQ;
        // the use case gave the lease back, or marked the submission FAILED after the last one
        System.err.printf(
            "{\"level\":\"ERROR\",\"messageId\":\"%s\",\"key\":\"%s\",\"error\":\"%s\",\"at\":\"%s\"}%n",
            messageId, key, failure.getClass().getName(), firstFrame(failure));
        done = false;
      }
    }
    return done;
  }

  /** Where it failed, without the message: SDK messages may echo request content. */
  private static String firstFrame(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith("cn.gov.liuyang")) {
        return frame.getClassName() + ":" + frame.getLineNumber();
      }
    }
    return "?";
  }

  private static void log(String messageId, String key, String result) {
    // keys hold unit, year and a random id only: nothing personal
    System.out.printf(
        "{\"level\":\"INFO\",\"messageId\":\"%s\",\"key\":\"%s\",\"result\":\"%s\"}%n",
        messageId, key.replace("\"", ""), result);
  }

  /** The real collaborators, built from the function's environment. */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      AwsClients clients = AwsClients.fromEnvironment();
      String table = Env.require("SPENDING_TABLE");
      Clock clock = Clock.systemUTC();
      StderrIngestLog log = new StderrIngestLog();
      S3SpendingFiles files =
          new S3SpendingFiles(
              clients.s3(),
              clients.s3Presigner(),
              Env.require("UPLOADS_BUCKET"),
              Env.require("RESULTS_BUCKET"));
      DynamoDbSpending spending = new DynamoDbSpending(clients.dynamoDb(), table);
      IngestUpload ingest =
          new IngestUpload(
              spending,
              spending,
              new ResolveUnitFacts(spending, new DynamoDbUnitFacts(clients.dynamoDb(), table)),
              files,
              files,
              spreadsheetReader(),
              new FastExcelFindingsReport(),
              EconomicClassification.standard(),
              clock,
              log);
      // ledgers (投诉台账) arrive on the same queue under ledgers/: their cases go to the complaints
      // table, which only this part of the function writes
      IngestLedger ledgers =
          new IngestLedger(
              new DynamoDbLedgerSubmissions(clients.dynamoDb(), table),
              new DynamoDbLedgerCases(clients.dynamoDb(), Env.require("COMPLAINTS_TABLE")),
              files,
              files,
              spreadsheetReader(),
              new FastExcelLedgerReport(),
              ComplaintConfiguration.deadlines(),
              clock,
              log);
      return new UseCases(ingest, ledgers);
    }
  }
}
