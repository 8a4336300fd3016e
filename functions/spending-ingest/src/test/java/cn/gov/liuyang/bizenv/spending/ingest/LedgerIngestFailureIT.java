package cn.gov.liuyang.bizenv.spending.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbLedgerCases;
import cn.gov.liuyang.bizenv.ledger.application.IngestLedger;
import cn.gov.liuyang.bizenv.ledger.application.LedgerFiles;
import cn.gov.liuyang.bizenv.ledger.fixtures.Seed2021Ledger;
import cn.gov.liuyang.bizenv.ledger.infrastructure.DynamoDbLedgerSubmissions;
import cn.gov.liuyang.bizenv.ledger.infrastructure.FastExcelLedgerReport;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.ledger.model.LedgerUploadKey;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.spending.application.Delivery;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload.Result;
import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import cn.gov.liuyang.bizenv.spending.application.UploadStore.PresignedUpload;
import cn.gov.liuyang.bizenv.spending.infrastructure.S3SpendingFiles;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A ledger whose deliveries all fail, on the local emulators: before its cases are in force the
 * last failure marks it FAILED and a redrive imports it; after, it is never called failed.
 */
class LedgerIngestFailureIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private static final String UPLOADS = LocalCloud.bucketName("UploadsBucket");
  private static final Duration LEASE = Duration.ofMinutes(11);

  // the function's own clients, so IamPolicyIT counts these calls as the function's
  private static final String FUNCTION = "SpendingIngestFunction";
  private final DynamoDbClient dynamoDb = CLOUD.clientOf(FUNCTION, AwsClients::dynamoDb);
  private final DynamoDbLedgerSubmissions submissions =
      new DynamoDbLedgerSubmissions(dynamoDb, LocalCloud.tableName("SpendingTable"));
  private final DynamoDbLedgerCases cases =
      new DynamoDbLedgerCases(dynamoDb, LocalCloud.tableName("ComplaintsTable"));
  private final S3SpendingFiles files =
      new S3SpendingFiles(
          CLOUD.clientOf(FUNCTION, AwsClients::s3),
          CLOUD.clientOf(FUNCTION, AwsClients::s3Presigner),
          UPLOADS,
          LocalCloud.bucketName("SpendingResultsBucket"));
  private boolean downloadsFail;
  private boolean resultsFail;

  private final IngestLedger ingest =
      new IngestLedger(
          submissions,
          cases,
          new LedgerFiles() {
            @Override
            public PresignedUpload presignUpload(
                String key, String contentType, long contentLength, Duration ttl) {
              return files.presignUpload(key, contentType, contentLength, ttl);
            }

            @Override
            public Path download(UploadedObject object, long maxBytes) {
              if (downloadsFail) {
                throw new IllegalStateException("S3 unreachable (injected)");
              }
              return files.download(object, maxBytes);
            }
          },
          new ResultStore() {
            @Override
            public void putWorkbook(String key, byte[] workbook) {
              if (resultsFail) {
                throw new IllegalStateException("S3 unreachable (injected)");
              }
              files.putWorkbook(key, workbook);
            }

            @Override
            public void putOutcome(String key, Record document) {
              files.putOutcome(key, document);
            }

            @Override
            public URI presignDownload(String key, String fileName, Duration ttl) {
              return files.presignDownload(key, fileName, ttl);
            }
          },
          SpendingIngestHandler.spreadsheetReader(),
          new FastExcelLedgerReport(),
          ComplaintConfiguration.deadlines(),
          Clock.systemUTC(),
          (submission, failure) -> {});

  @Test
  void whenEveryDeliveryFailsBeforeItsCasesAreInForce_itIsFailed_andARedriveImportsIt() {
    UploadedObject ledger = upload();
    LedgerUploadKey key = LedgerUploadKey.parse(ledger.key()).orElseThrow();

    downloadsFail = true;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Delivery delivery = new Delivery(attempt, 3);
      assertThatThrownBy(() -> ingest.ingest(ledger, LEASE, delivery))
          .isInstanceOf(IllegalStateException.class);
    }

    LedgerSubmission failed = submissions.find(key.submission()).orElseThrow();
    assertThat(failed.status()).isEqualTo(SubmissionStatus.FAILED);
    assertThat(failed.failure().orElseThrow().code()).isEqualTo("INGEST_FAILED");
    assertThat(failed.failure().orElseThrow().message()).contains("没有生效");
    assertThat(cases.importInForce(key.unit(), key.year())).isEmpty();

    downloadsFail = false;
    assertThat(ingest.ingest(ledger, LEASE, new Delivery(1, 3))).isEqualTo(Result.ACCEPTED);
    LedgerSubmission imported = submissions.find(key.submission()).orElseThrow();
    assertThat(imported.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(imported.failure()).isEmpty();
    assertThat(cases.importInForce(key.unit(), key.year())).contains(key.submission().value());
  }

  @Test
  void whenEveryDeliveryFailsAfterItsCasesAreInForce_itIsNotFailed_andARedriveFinishesIt() {
    UploadedObject ledger = upload();
    LedgerUploadKey key = LedgerUploadKey.parse(ledger.key()).orElseThrow();

    resultsFail = true;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Delivery delivery = new Delivery(attempt, 3);
      assertThatThrownBy(() -> ingest.ingest(ledger, LEASE, delivery))
          .isInstanceOf(IllegalStateException.class);
    }

    assertThat(cases.importInForce(key.unit(), key.year())).contains(key.submission().value());
    LedgerSubmission pending = submissions.find(key.submission()).orElseThrow();
    assertThat(pending.status()).isEqualTo(SubmissionStatus.PROCESSING);
    assertThat(pending.failure()).isEmpty();

    resultsFail = false;
    assertThat(ingest.ingest(ledger, LEASE, new Delivery(1, 3))).isEqualTo(Result.ACCEPTED);
    assertThat(submissions.find(key.submission()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.ACCEPTED);
  }

  @Test
  void aSecondLedgerOfTheSameUnitAndYear_replacesTheCasesOfTheFirst() {
    String unit = "again-" + UUID.randomUUID().toString().substring(0, 8);
    UploadedObject first = upload(unit);
    UploadedObject second = upload(unit);
    LedgerUploadKey firstKey = LedgerUploadKey.parse(first.key()).orElseThrow();
    LedgerUploadKey secondKey = LedgerUploadKey.parse(second.key()).orElseThrow();

    assertThat(ingest.ingest(first, LEASE, new Delivery(1, 3))).isEqualTo(Result.ACCEPTED);
    assertThat(casesOf(firstKey)).isPositive();
    assertThat(ingest.ingest(second, LEASE, new Delivery(1, 3))).isEqualTo(Result.ACCEPTED);

    assertThat(cases.importInForce(secondKey.unit(), secondKey.year()))
        .contains(secondKey.submission().value());
    assertThat(casesOf(firstKey)).isZero();
    assertThat(casesOf(secondKey)).isPositive();
  }

  /** The complaint items an import wrote that are still in the table. */
  private static int casesOf(LedgerUploadKey key) {
    return CLOUD
        .dynamoDbClient()
        .scan(
            s ->
                s.tableName(LocalCloud.tableName("ComplaintsTable"))
                    .filterExpression("ledgerImportId = :id")
                    .expressionAttributeValues(
                        Map.of(":id", AttributeValue.fromS(key.submission().value())))
                    .consistentRead(true))
        .items()
        .size();
  }

  private UploadedObject upload() {
    return upload("crash-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private UploadedObject upload(String unit) {
    LedgerUploadKey key =
        LedgerUploadKey.parse(
                "ledgers/"
                    + unit
                    + "/"
                    + Seed2021Ledger.YEAR
                    + "/"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ".xlsx")
            .orElseThrow();
    submissions.create(
        LedgerSubmission.requested(key, Seed2021Ledger.FILE_NAME, Instant.now(), "it"));
    byte[] workbook = Seed2021Ledger.xlsx();
    String eTag =
        CLOUD
            .s3Client()
            .putObject(p -> p.bucket(UPLOADS).key(key.value()), RequestBody.fromBytes(workbook))
            .eTag()
            .replace("\"", "");
    assertThat(key.unit()).isEqualTo(new UnitId(unit));
    assertThat(key.year()).isEqualTo(new FiscalYear(Seed2021Ledger.YEAR));
    return new UploadedObject(UPLOADS, key.value(), "etag:" + eTag, workbook.length);
  }
}
