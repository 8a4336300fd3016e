package cn.gov.liuyang.bizenv.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerEntry;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerWorkbooks;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.StaffApi.Failure;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx;
import cn.gov.liuyang.bizenv.spending.ingest.SpendingIngestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ledger import on the local stack, through the gateway: upload → S3 event → queue → ingest →
 * statistics and search; a rejected ledger changes nothing; a re-upload replaces the earlier import
 * and leaves filed cases alone; a redelivery changes nothing; imported cases are read-only.
 */
class LedgerImportIT {
  /** This year, so that the case filed through the API today falls in the ledger's year. */
  private static final int YEAR =
      java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue();

  private static LocalBackend backend;
  private static StaffApi api;

  @BeforeAll
  static void start() {
    backend =
        LocalBackend.start(
            LocalBackend.Options.inMemory(
                SamTemplate.load(), Ports.free(), Ports.free(), Ports.free()));
    String token =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("officer-1", "李明", StaffIdentity.ALL_GROUPS),
                Duration.ofHours(1));
    api = new StaffApi(backend.baseUrl(), token);
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void importsReplacesAndNeverTouchesFiledCases() throws Exception {
    // GIVEN a case filed through the API this year
    JsonNode filed =
        api.call(
            "POST",
            "/complaints",
            Map.of(
                "kind", "COMPLAINT",
                "subject", "市场监管局",
                "description", "办理营业执照变更时被要求重复提交材料",
                "contactName", "张三",
                "contactPhone", "13800138000",
                "consent", true));
    String filedNumber = filed.path("trackingNumber").asText();

    // WHEN a ledger of 12 cases is uploaded for the unit and year
    List<LedgerEntry> first = LedgerWorkbooks.sample(YEAR);
    JsonNode accepted = upload(LedgerWorkbooks.xlsx(LedgerWorkbooks.Traits.random(7), YEAR, first));

    // THEN it is imported, and the year's statistics count its cases like the filed one
    assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(accepted.path("current").asBoolean()).isTrue();
    assertThat(accepted.path("outcome").path("caseCount").asInt()).isEqualTo(12);
    assertThat(accepted.path("reportUrl").asText()).startsWith("http");
    JsonNode stats = statistics();
    assertThat(stats.path("received").asInt()).isEqualTo(13);
    assertThat(stats.path("accepted").asInt()).isEqualTo(12);
    List<String> firstNumbers = importedNumbers();
    assertThat(firstNumbers).hasSize(12);

    // AND an imported case is read-only
    assertThatThrownBy(
            () ->
                api.call(
                    "POST",
                    "/staff/complaints/" + firstNumbers.get(0) + "/actions",
                    Map.of("action", "FOLLOW_UP", "note", "请加快")))
        .isInstanceOf(Failure.class)
        .hasMessageContaining("409")
        .hasMessageContaining("IMPORTED_CASE_READ_ONLY");

    // WHEN the same object is delivered again
    String submissionId = accepted.path("submissionId").asText();
    redeliver(submissionId);
    // THEN nothing changes
    assertThat(statistics().path("received").asInt()).isEqualTo(13);
    assertThat(importedNumbers()).containsExactlyInAnyOrderElementsOf(firstNumbers);

    // WHEN a ledger with an unknown kind is uploaded
    JsonNode rejected = upload(withUnknownKind());
    // THEN it is rejected as a whole with the row named, and the import in force stays
    assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.path("outcome").path("firstFindings").path(0).path("code").asText())
        .isEqualTo("KIND_UNKNOWN");
    assertThat(statistics().path("received").asInt()).isEqualTo(13);

    // WHEN a corrected ledger of 3 cases is uploaded for the same year
    List<LedgerEntry> second = first.subList(0, 3);
    JsonNode replaced = upload(LedgerWorkbooks.xlsx(LedgerWorkbooks.Traits.plain(), YEAR, second));
    // THEN it replaces the first import; the filed case is untouched
    assertThat(replaced.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(statistics().path("received").asInt()).isEqualTo(4);
    List<String> secondNumbers = importedNumbers();
    assertThat(secondNumbers).hasSize(3).doesNotContainAnyElementsOf(firstNumbers);
    assertThatThrownBy(
            () -> api.call("GET", "/staff/complaints/" + firstNumbers.get(0), (String) null))
        .hasMessageContaining("404");
    assertThat(
            api.call("GET", "/staff/complaints/" + filedNumber, (String) null)
                .path("source")
                .asText())
        .isEqualTo("API");
  }

  private static JsonNode statistics() {
    return api.call("GET", "/staff/complaint-statistics/" + YEAR, (String) null);
  }

  private static List<String> importedNumbers() {
    JsonNode page =
        api.call(
            "GET",
            "/staff/complaints?from=" + YEAR + "-01-01&to=" + YEAR + "-12-31&limit=100",
            (String) null);
    List<String> numbers = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      if (item.path("readOnly").asBoolean()) {
        assertThat(item.path("source").asText()).isEqualTo("LEDGER");
        numbers.add(item.path("trackingNumber").asText());
      }
    }
    return numbers;
  }

  private static JsonNode upload(byte[] file) throws InterruptedException {
    JsonNode ticket =
        api.call(
            "POST",
            "/staff/ledgers/uploads",
            Map.of("unit", "lyyshj", "year", YEAR, "fileName", "台账.xlsx", "size", file.length));
    api.upload(ticket.path("upload"), file);
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      JsonNode status = api.call("GET", ticket.path("statusPath").asText(), (String) null);
      if (List.of("ACCEPTED", "REJECTED").contains(status.path("status").asText())) {
        return status;
      }
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** Delivers the S3 event of an already processed ledger to the ingest function once more. */
  private static void redeliver(String submissionId) throws Exception {
    Map<String, String> environment = backend.cloud().environmentFor("SpendingIngestFunction");
    DynamoDbClient dynamoDb = backend.cloud().dynamoDbClient();
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g ->
                    g.tableName(environment.get("SPENDING_TABLE"))
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("LEDGER#" + submissionId),
                                "sk", AttributeValue.fromS("#META"))))
            .item();
    String version = item.get("objectVersion").s();
    ObjectNode object = Json.mapper().createObjectNode();
    object.put("key", item.get("uploadKey").s()).put("size", 1000);
    if (version.startsWith("v:")) {
      object.put("versionId", version.substring(2));
    } else {
      object.put("eTag", version.substring("etag:".length()));
    }
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("s3").set("object", object);
    ((ObjectNode) record.get("s3"))
        .putObject("bucket")
        .put("name", environment.get("UPLOADS_BUCKET"));
    ObjectNode notification = Json.mapper().createObjectNode();
    notification.putArray("Records").add(record);
    ObjectNode event = Json.mapper().createObjectNode();
    event
        .putArray("Records")
        .addObject()
        .put("messageId", "again")
        .put("body", notification.toString());
    SpendingIngestHandler handler = Env.withVariables(environment, SpendingIngestHandler::new);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out, null);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"batchItemFailures\":[]");
  }

  /** A small ledger whose second case has a kind no ledger uses. */
  private static byte[] withUnknownKind() {
    HandMadeXlsx xlsx = new HandMadeXlsx();
    xlsx.sheet("台账")
        .row("序号", "受理时间", "诉求类别", "诉求内容", "办理情况", "办结时间")
        .row(1, YEAR + "/2/1", "投诉", "审批慢", "已办结", YEAR + "/2/3")
        .row(2, YEAR + "/2/2", "表扬信件", "感谢", "已办结", YEAR + "/2/3");
    return xlsx.bytes();
  }
}
