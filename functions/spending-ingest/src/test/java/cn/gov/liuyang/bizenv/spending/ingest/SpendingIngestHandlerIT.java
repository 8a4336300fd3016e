package cn.gov.liuyang.bizenv.spending.ingest;

import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.invoke;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.load;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The negative events of events/spending-ingest, through the handler on the local stack. */
class SpendingIngestHandlerIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private final SpendingIngestHandler handler =
      Env.withVariables(CLOUD.environmentFor("SpendingIngestFunction"), SpendingIngestHandler::new);
  private final DynamoDbSpending store =
      new DynamoDbSpending(CLOUD.dynamoDbClient(), LocalCloud.tableName("SpendingTable"));

  @Test
  void s3TestEvent_isAcknowledgedWithoutWork() {
    JsonNode answer = invoke(handler, load("spending-ingest/sqs-s3-test-event.json"));
    assertThat(answer.path("batchItemFailures")).isEmpty();
  }

  @Test
  void malformedMessage_isReportedAsFailed_soItEndsInTheDeadLetterQueue() {
    JsonNode answer = invoke(handler, load("spending-ingest/sqs-malformed-body.json"));
    assertThat(answer.path("batchItemFailures"))
        .extracting(f -> f.path("itemIdentifier").asText())
        .containsExactly("6f1f3d7a-0002-4b7e-9a1e-3f5c2c1d0a02");
  }

  @Test
  void objectOutsideTheImport_isIgnored() {
    JsonNode answer = invoke(handler, load("spending-ingest/sqs-s3-unknown-key.json"));
    assertThat(answer.path("batchItemFailures")).isEmpty();
  }

  @Test
  void hundredMegabyteUpload_isRejectedFromItsSize_withoutBeingDownloaded() {
    // GIVEN the submission the event's key names exists (its object was never stored here)
    UploadKey key =
        UploadKey.parse("spending/lyyshj/2021/0f6c1d2e3a4b5c6d7e8f90a1b2c3d4e5.xlsx").orElseThrow();
    if (store.find(key.submission()).isEmpty()) {
      store.create(Submission.requested(key, "全部凭证.xlsx", Instant.now(), "it"));
    }

    // WHEN its 100 MB notification arrives
    JsonNode answer = invoke(handler, load("spending-ingest/sqs-s3-huge-object.json"));

    // THEN it is rejected as too large
    assertThat(answer.path("batchItemFailures")).isEmpty();
    Submission submission = store.find(key.submission()).orElseThrow();
    assertThat(submission.status()).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(submission.outcome().orElseThrow().firstFindings())
        .extracting(f -> f.code())
        .containsExactly(FindingCode.FILE_TOO_LARGE);
  }

  @Test
  void submissionBeingProcessedByAnotherDelivery_isReportedForRetry_andTheRestOfTheBatchIsNot() {
    // GIVEN one submission is held by a delivery in progress
    UploadKey busy =
        UploadKey.parse("spending/busy-unit/2021/" + "a".repeat(32) + ".xlsx").orElseThrow();
    if (store.find(busy.submission()).isEmpty()) {
      store.create(Submission.requested(busy, "a.xlsx", Instant.now(), "it"));
    }
    store.claim(busy.submission(), "etag:other", Instant.now(), Duration.ofMinutes(5));
    ObjectNode event = load("spending-ingest/sqs-s3-unknown-key.json");
    ArrayNode records = (ArrayNode) event.path("Records");
    ObjectNode busyMessage =
        SpendingEvents.objectCreated(
            "m-busy", LocalCloud.bucketName("UploadsBucket"), busy.value(), 10, "etag");
    records.add(busyMessage.path("Records").get(0));

    // WHEN the batch is delivered
    JsonNode answer = invoke(handler, event);

    // THEN only the busy message is reported for retry
    assertThat(answer.path("batchItemFailures"))
        .extracting(f -> f.path("itemIdentifier").asText())
        .containsExactly("m-busy");
    assertThat(Json.mapper().valueToTree(answer).toString()).contains("batchItemFailures");
  }

  @Test
  void aDeliveryThatFails_givesItsLeaseBack_soTheNextDeliveryNeedNotWaitForIt() {
    // GIVEN a submission whose object is not (or no longer) in the bucket
    UploadKey key =
        UploadKey.parse(
                "spending/lease-unit/2021/"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ".xlsx")
            .orElseThrow();
    store.create(Submission.requested(key, "a.xlsx", Instant.now(), "it"));
    ObjectNode event =
        SpendingEvents.objectCreated(
            "m-lease", LocalCloud.bucketName("UploadsBucket"), key.value(), 10, "etag");

    // WHEN an invocation with ten minutes left takes it and then fails to download the object
    long before = Instant.now().toEpochMilli();
    JsonNode answer = invoke(handler, event, new TimeLeft(Duration.ofMinutes(10)));

    // THEN the message comes back later, and the lease (which covered the ten minutes and a
    // minute's margin while it ran: IngestCrashIT) is given back, so that delivery need not wait
    assertThat(answer.path("batchItemFailures"))
        .extracting(f -> f.path("itemIdentifier").asText())
        .containsExactly("m-lease");
    long leaseUntil =
        Long.parseLong(
            CLOUD
                .dynamoDbClient()
                .getItem(
                    g ->
                        g.tableName(LocalCloud.tableName("SpendingTable"))
                            .key(
                                Map.of(
                                    "pk",
                                        AttributeValue.fromS(
                                            "SUBMISSION#" + key.submission().value()),
                                    "sk", AttributeValue.fromS("#META"))))
                .item()
                .get("leaseUntil")
                .n());
    assertThat(leaseUntil).isLessThan(before);
    assertThat(store.find(key.submission()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.PROCESSING);
  }

  @Test
  void linesLeftByALongerEarlierAttempt_areNeverPartOfTheFigures() {
    // GIVEN an attempt stored five lines, and the next (after a release that reads fewer) three
    UploadKey key =
        UploadKey.parse(
                "spending/stale-lines/2021/"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ".xlsx")
            .orElseThrow();
    Submission submission = Submission.requested(key, "a.xlsx", Instant.now(), "it");
    store.create(submission);
    var lines = cn.gov.liuyang.bizenv.spending.fixtures.Seed2021.lines();
    store.saveFigures(
        key.submission(),
        lines.subList(0, 5),
        cn.gov.liuyang.bizenv.spending.model.UnitYearFacts.NONE);
    store.saveFigures(
        key.submission(),
        lines.subList(0, 3),
        cn.gov.liuyang.bizenv.spending.model.UnitYearFacts.NONE);

    // WHEN it is made the year's figures
    assertThat(store.makeCurrent(submission, Instant.now())).isTrue();

    // THEN its figures are the three lines of the last attempt, not a mixture
    assertThat(store.find(key.unit(), key.year()).orElseThrow().lines())
        .isEqualTo(lines.subList(0, 3));
  }

  /** A Lambda context that only knows how long the invocation has left. */
  private record TimeLeft(Duration left) implements Context {
    @Override
    public int getRemainingTimeInMillis() {
      return (int) left.toMillis();
    }

    @Override
    public String getAwsRequestId() {
      return "it";
    }

    @Override
    public String getLogGroupName() {
      return "it";
    }

    @Override
    public String getLogStreamName() {
      return "it";
    }

    @Override
    public String getFunctionName() {
      return "SpendingIngestFunction";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:cn-north-1:000000000000:function:SpendingIngestFunction";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return null;
    }
  }
}
