package cn.gov.liuyang.bizenv.spending.ingest;

import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbLedgerCases;
import cn.gov.liuyang.bizenv.ledger.application.IngestLedger;
import cn.gov.liuyang.bizenv.ledger.infrastructure.DynamoDbLedgerSubmissions;
import cn.gov.liuyang.bizenv.ledger.infrastructure.FastExcelLedgerReport;
import cn.gov.liuyang.bizenv.local.cloud.Dynalite;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fakes.MutableClock;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbUnitFacts;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelFindingsReport;
import cn.gov.liuyang.bizenv.spending.infrastructure.S3SpendingFiles;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The import on the local emulators, with the DynamoDB emulator stopped at a step (the delivery
 * fails against a dead endpoint, unable even to give its lease back) and started again on the same
 * data: the message's next deliveries finish the import, and the figures in force are never a
 * mixture.
 */
class IngestCrashIT {
  /** Where the DynamoDB emulator is stopped: just before this call reaches it. */
  enum KillPoint {
    /** half-way through the lines: the first batch of 25 is stored, the rest is not */
    SECOND_BATCH_OF_LINES((method, request) -> method.equals("batchWriteItem"), 2),
    /** before the #CURRENT put: the lines and result files are stored, nothing is in force */
    MAKING_IT_CURRENT(
        (method, request) ->
            request instanceof PutItemRequest put
                && put.item().containsKey("sk")
                && put.item().get("sk").s().equals("#CURRENT"),
        1),
    /** after the #CURRENT put: the new figures are in force, the status is still 校验中 */
    RECORDING_THE_OUTCOME(
        (method, request) ->
            request instanceof UpdateItemRequest update
                && update.updateExpression() != null
                && update.updateExpression().contains("outcome = :outcome"),
        1);

    final BiPredicate<String, Object> call;
    final int occurrence;

    KillPoint(BiPredicate<String, Object> call, int occurrence) {
      this.call = call;
      this.occurrence = occurrence;
    }
  }

  private static final String TABLE = LocalCloud.tableName("SpendingTable");
  private static final String UPLOADS = LocalCloud.bucketName("UploadsBucket");

  private final MutableClock clock = new MutableClock(Instant.now());
  private Path data;
  private LocalCloud cloud;
  private Dynalite restarted;
  private KillPoint armed;
  private final AtomicInteger seen = new AtomicInteger();
  private DynamoDbSpending store;
  private SpendingIngestHandler handler;

  @BeforeEach
  void startTheStackOnADataDirectory() throws IOException {
    data = Files.createTempDirectory("ingest-crash-it");
    cloud = LocalCloud.start(Ports.free(), Ports.free(), Optional.of(data));
    DynamoDbClient real = cloud.dynamoDbClient();
    DynamoDbClient killing =
        (DynamoDbClient)
            Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                  if (method.isDefault()
                      && args != null
                      && args.length == 1
                      && args[0] instanceof java.util.function.Consumer) {
                    // u -> u.tableName(…): built here, so that the request itself passes below
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  Object request = args == null || args.length == 0 ? null : args[0];
                  KillPoint point = armed;
                  if (point != null
                      && point.call.test(method.getName(), request)
                      && seen.incrementAndGet() == point.occurrence) {
                    armed = null;
                    cloud.dynamoDb().close();
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    store = new DynamoDbSpending(real, TABLE);
    DynamoDbSpending spending = new DynamoDbSpending(killing, TABLE);
    S3SpendingFiles files =
        new S3SpendingFiles(
            cloud.s3Client(),
            cloud.clients().s3Presigner(),
            UPLOADS,
            LocalCloud.bucketName("SpendingResultsBucket"));
    IngestUpload ingest =
        new IngestUpload(
            spending,
            spending,
            new ResolveUnitFacts(spending, new DynamoDbUnitFacts(killing, TABLE)),
            files,
            files,
            SpendingIngestHandler.spreadsheetReader(),
            new FastExcelFindingsReport(),
            EconomicClassification.standard(),
            clock,
            (submission, failure) -> {});
    IngestLedger ledgers =
        new IngestLedger(
            new DynamoDbLedgerSubmissions(killing, TABLE),
            new DynamoDbLedgerCases(killing, LocalCloud.tableName("ComplaintsTable")),
            files,
            files,
            SpendingIngestHandler.spreadsheetReader(),
            new FastExcelLedgerReport(),
            ComplaintConfiguration.deadlines(),
            clock,
            (submission, failure) -> {});
    handler = new SpendingIngestHandler(new SpendingIngestHandler.UseCases(ingest, ledgers), 3);
  }

  @AfterEach
  void stop() {
    if (restarted != null) {
      restarted.close();
    }
    cloud.close();
  }

  @ParameterizedTest
  @EnumSource(KillPoint.class)
  void theEmulatorStoppedAtAStep_andStartedAgain_theNextDeliveriesFinishTheImport(KillPoint point) {
    // GIVEN the seed figures in force
    Uploaded seed = upload(SpendingWorkbooks.seedTemplate());
    assertThat(deliver(seed, 1).path("batchItemFailures")).isEmpty();
    assertThat(store.current(Seed2021.UNIT, Seed2021.YEAR)).contains(seed.id());

    // WHEN a corrected workbook's first delivery meets a stopped DynamoDB at the step
    Uploaded corrected =
        upload(InMemorySpendingDesk.template(Seed2021.YEAR, correctedLines(), Seed2021.facts()));
    armed = point;
    seen.set(0);
    assertThat(deliver(corrected, 1).path("batchItemFailures")).hasSize(1);
    assertThat(armed).as("the emulator was stopped at " + point).isNull();

    // AND the emulator is started again on the same data
    restarted = Dynalite.start(cloud.dynamoDb().port(), Optional.of(data.resolve("dynamodb")));

    // THEN the figures in force are whole: the seed's, or the corrected ones once it was current
    List<SpendingLine> inForce = store.find(Seed2021.UNIT, Seed2021.YEAR).orElseThrow().lines();
    assertThat(inForce)
        .isEqualTo(point == KillPoint.RECORDING_THE_OUTCOME ? correctedLines() : Seed2021.lines());
    assertThat(store.find(corrected.id()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.PROCESSING);
    // (the dead delivery could not give its lease back: it holds for its minute and a minute more)
    assertThat(leaseUntil(corrected.id())).isEqualTo(clock.millis() + 120_000);

    // WHEN the message comes back while the dead delivery's lease runs, and again after it
    assertThat(deliver(corrected, 2).path("batchItemFailures")).hasSize(1);
    assertThat(store.find(corrected.id()).orElseThrow().status())
        .isEqualTo(SubmissionStatus.PROCESSING);
    clock.advance(Duration.ofMinutes(3));
    JsonNode last = deliver(corrected, 3);

    // THEN the import is finished: accepted, in force, the corrected lines and nothing else
    assertThat(last.path("batchItemFailures")).isEmpty();
    Submission accepted = store.find(corrected.id()).orElseThrow();
    assertThat(accepted.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(accepted.outcome().orElseThrow().adopted()).isTrue();
    assertThat(store.current(Seed2021.UNIT, Seed2021.YEAR)).contains(corrected.id());
    assertThat(store.find(Seed2021.UNIT, Seed2021.YEAR).orElseThrow().lines())
        .isEqualTo(correctedLines());
    assertThat(store.find(seed.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.ACCEPTED);
  }

  private long leaseUntil(SubmissionId id) {
    return Long.parseLong(
        cloud
            .dynamoDbClient()
            .getItem(
                g ->
                    g.tableName(TABLE)
                        .key(
                            java.util.Map.of(
                                "pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "SUBMISSION#" + id.value()),
                                "sk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "#META"))))
            .item()
            .get("leaseUntil")
            .n());
  }

  private record Uploaded(SubmissionId id, String key, long size, String eTag) {}

  private Uploaded upload(byte[] workbook) {
    UploadKey key =
        UploadKey.parse(
                "spending/"
                    + Seed2021.UNIT.value()
                    + "/"
                    + Seed2021.YEAR.value()
                    + "/"
                    + UUID.randomUUID().toString().replace("-", "")
                    + ".xlsx")
            .orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    store.create(Submission.requested(key, "2021.xlsx", clock.instant(), "it"));
    String eTag =
        cloud
            .s3Client()
            .putObject(p -> p.bucket(UPLOADS).key(key.value()), RequestBody.fromBytes(workbook))
            .eTag()
            .replace("\"", "");
    return new Uploaded(key.submission(), key.value(), workbook.length, eTag);
  }

  /** The message's delivery number {@code receiveCount}, by an invocation with a minute left. */
  private JsonNode deliver(Uploaded uploaded, int receiveCount) {
    ObjectNode event =
        SpendingEvents.objectCreated(
            "m-" + uploaded.id().value(),
            UPLOADS,
            uploaded.key(),
            uploaded.size(),
            uploaded.eTag());
    ((ObjectNode) event.path("Records").get(0))
        .putObject("attributes")
        .put("ApproximateReceiveCount", Integer.toString(receiveCount));
    return invoke(handler, event, MINUTE_LEFT);
  }

  /** The seed with one project's 咨询费 1 万元 higher (budget and actual). */
  private static List<SpendingLine> correctedLines() {
    List<SpendingLine> lines = new ArrayList<>();
    boolean changed = false;
    for (SpendingLine line : Seed2021.lines()) {
      if (!changed
          && line.type() == ExpenditureType.PROJECT
          && line.economicCode().value().equals("30203")) {
        lines.add(
            new SpendingLine(
                line.type(),
                line.project(),
                line.economicCode(),
                line.economicName(),
                line.budget().plus(Money.ofWanYuan("1")),
                line.actual().plus(Money.ofWanYuan("1")),
                line.fundSource()));
        changed = true;
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  private static final Context MINUTE_LEFT =
      (Context)
          Proxy.newProxyInstance(
              Context.class.getClassLoader(),
              new Class<?>[] {Context.class},
              (proxy, method, args) ->
                  method.getName().equals("getRemainingTimeInMillis") ? 60_000 : null);
}
