package cn.gov.liuyang.bizenv.spending.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.RequestUpload;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbUnitFacts;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelFindingsReport;
import cn.gov.liuyang.bizenv.spending.infrastructure.S3SpendingFiles;
import cn.gov.liuyang.bizenv.spending.infrastructure.StderrIngestLog;
import cn.gov.liuyang.bizenv.spending.ingest.xls.BrokenXlsWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every broken workbook of the corpus (and of the .xls one), uploaded after good figures were
 * accepted, is rejected with its finding by the reader the function deploys, on the local DynamoDB
 * and S3; the accepted figures stay exactly as they were.
 */
class BrokenWorkbooksIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final String UPLOADS = LocalCloud.bucketName("UploadsBucket");
  private static final String RESULTS = LocalCloud.bucketName("SpendingResultsBucket");
  private static final UnitId UNIT =
      new UnitId("corpus-" + UUID.randomUUID().toString().substring(0, 8));

  private static DynamoDbSpending store;
  private static S3SpendingFiles files;
  private static IngestUpload ingest;
  private static RequestUpload requestUpload;
  private static String acceptedSubmission;

  @BeforeAll
  static void acceptTheSeedFigures() {
    store = new DynamoDbSpending(CLOUD.dynamoDbClient(), LocalCloud.tableName("SpendingTable"));
    files = new S3SpendingFiles(CLOUD.s3Client(), CLOUD.clients().s3Presigner(), UPLOADS, RESULTS);
    ingest =
        new IngestUpload(
            store,
            store,
            new ResolveUnitFacts(
                store,
                new DynamoDbUnitFacts(
                    CLOUD.dynamoDbClient(), LocalCloud.tableName("SpendingTable"))),
            files,
            files,
            SpendingIngestHandler.spreadsheetReader(),
            new FastExcelFindingsReport(),
            EconomicClassification.standard(),
            Clock.systemUTC(),
            new StderrIngestLog());
    requestUpload = new RequestUpload(store, files, Clock.systemUTC());
    UploadKey key = upload("seed.xlsx", SpendingWorkbooks.seedTemplate());
    assertThat(ingest.ingest(object(key), LEASE)).isEqualTo(IngestUpload.Result.ACCEPTED);
    acceptedSubmission = key.submission().value();
  }

  static List<BrokenWorkbooks.Case> corpus() {
    List<BrokenWorkbooks.Case> corpus = new ArrayList<>(BrokenWorkbooks.all());
    corpus.addAll(BrokenXlsWorkbooks.all());
    return corpus;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void brokenWorkbook_isRejectedWithItsFinding_andTheAcceptedFiguresStay(
      BrokenWorkbooks.Case broken) throws Exception {
    // GIVEN a later upload of a broken workbook
    UploadKey key = upload(broken.fileName(), broken.bytes());

    // WHEN it is ingested
    IngestUpload.Result result = ingest.ingest(object(key), LEASE);

    // THEN it is rejected, with the expected finding in the outcome file
    assertThat(result).isEqualTo(IngestUpload.Result.REJECTED);
    assertThat(store.find(key.submission()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.REJECTED);
    JsonNode outcome =
        Json.mapper()
            .readTree(
                CLOUD
                    .s3Client()
                    .getObjectAsBytes(
                        g ->
                            g.bucket(RESULTS)
                                .key(
                                    store
                                        .find(key.submission())
                                        .orElseThrow()
                                        .outcome()
                                        .orElseThrow()
                                        .outcomeKey()))
                    .asByteArray());
    List<String> codes = new ArrayList<>();
    outcome.path("findings").forEach(f -> codes.add(f.path("code").asText()));
    assertThat(codes).contains(broken.expected().name());

    // AND the year's figures are still the accepted seed's
    AcceptedSpending figures = store.find(UNIT, Seed2021.YEAR).orElseThrow();
    assertThat(figures.submissionId()).isEqualTo(acceptedSubmission);
    assertThat(figures.totalActual()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(figures.lines()).hasSize(Seed2021.lines().size());
  }

  private static UploadKey upload(String fileName, byte[] bytes) {
    UploadKey.FileFormat format = UploadKey.FileFormat.ofFileName(fileName).orElseThrow();
    RequestUpload.Ticket ticket =
        requestUpload.request(
            new RequestUpload.Command(
                UNIT,
                Seed2021.YEAR,
                fileName,
                format,
                Math.max(1, bytes.length),
                "it",
                SubmissionKind.IMPORT));
    CLOUD
        .s3Client()
        .putObject(p -> p.bucket(UPLOADS).key(ticket.key()), RequestBody.fromBytes(bytes));
    return UploadKey.parse(ticket.key()).orElseThrow();
  }

  private static UploadedObject object(UploadKey key) {
    var head = CLOUD.s3Client().headObject(h -> h.bucket(UPLOADS).key(key.value()));
    return new UploadedObject(UPLOADS, key.value(), "etag:" + head.eTag(), head.contentLength());
  }
}
