package cn.gov.liuyang.bizenv.spending.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A ledger whose deliveries all fail, on the local emulators: before its cases are in force the
 * last failure marks it FAILED and a redrive imports it; after, it is never called failed.
 */
class LedgerIngestFailureIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private static final String UPLOADS = LocalCloud.bucketName("UploadsBucket");
  private static final Duration LEASE = Duration.ofMinutes(11);

  private final DynamoDbLedgerSubmissions submissions =
      new DynamoDbLedgerSubmissions(CLOUD.dynamoDbClient(), LocalCloud.tableName("SpendingTable"));
  private final DynamoDbLedgerCases cases =
      new DynamoDbLedgerCases(CLOUD.dynamoDbClient(), LocalCloud.tableName("ComplaintsTable"));
  private final S3SpendingFiles files =
      new S3SpendingFiles(
          CLOUD.s3Client(),
          CLOUD.clients().s3Presigner(),
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

  private UploadedObject upload() {
    String unit = "crash-" + UUID.randomUUID().toString().substring(0, 8);
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
