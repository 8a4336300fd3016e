package cn.gov.liuyang.bizenv.spending.ingest;

import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.body;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.invoke;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.objectCreated;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.staffRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.ingest.xls.XlsWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.EconomicCode;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.uploads.SpendingUploadsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The whole flow on the local stack: finance asks for a link, uploads through it, S3's notification
 * (in its SQS envelope) reaches the ingest function, and finance reads the outcome back.
 */
class SpendingImportEndToEndIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private static final String UPLOADS_BUCKET = LocalCloud.bucketName("UploadsBucket");

  private final SpendingUploadsHandler uploads =
      Env.withVariables(
          CLOUD.environmentFor("SpendingUploadsFunction"), SpendingUploadsHandler::new);
  private final SpendingIngestHandler ingest =
      Env.withVariables(CLOUD.environmentFor("SpendingIngestFunction"), SpendingIngestHandler::new);
  private final HttpClient http = HttpClient.newHttpClient();
  private final UnitId unit = new UnitId("e2e-" + UUID.randomUUID().toString().substring(0, 8));

  @Test
  void seedTemplate_uploadedThroughThePresignedLink_isAcceptedAndReadBackThroughTheStaffRoutes()
      throws Exception {
    // GIVEN finance has the 2021 figures in the template and asks for an upload link
    byte[] workbook = SpendingWorkbooks.seedTemplate();
    JsonNode ticket = requestUpload("2021年度支出明细.xlsx", workbook.length);
    String submissionId = ticket.path("submissionId").asText();

    // WHEN the workbook is uploaded through the link and S3's notification is delivered
    assertThat(
            put(
                ticket,
                workbook,
                ticket.path("upload").path("headers").path("content-type").asText()))
        .isEqualTo(200);
    JsonNode event = notificationFor(submissionId, "xlsx", "m-1");
    JsonNode answer = invoke(ingest, event);

    // THEN the batch succeeded and the staff route shows the accepted, reconciled figures
    assertThat(answer.path("batchItemFailures")).isEmpty();
    JsonNode status = submission(submissionId);
    assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(status.path("current").asBoolean()).isTrue();
    JsonNode totals = status.path("outcome").path("totals");
    assertThat(totals.path("total").path("wanYuan").asText()).isEqualTo("385.5");
    assertThat(totals.path("basic").path("wanYuan").asText()).isEqualTo("184.9");
    assertThat(totals.path("project").path("wanYuan").asText()).isEqualTo("200.6");
    assertThat(totals.path("total").path("yuan").asText()).isEqualTo("3855000.00");

    // AND the signed links serve the findings workbook and the JSON outcome
    HttpResponse<byte[]> report =
        http.send(
            HttpRequest.newBuilder(URI.create(status.path("reportUrl").asText())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(new String(report.body(), 0, 2)).isEqualTo("PK");
    HttpResponse<String> outcome =
        http.send(
            HttpRequest.newBuilder(URI.create(status.path("outcomeUrl").asText())).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(Json.mapper().readTree(outcome.body()).path("status").asText())
        .isEqualTo("ACCEPTED");

    // AND the annual report reads the year's figures through AcceptedSpendingReader
    AcceptedSpending figures = reader().find(unit, Seed2021.YEAR).orElseThrow();
    assertThat(figures.submissionId()).isEqualTo(submissionId);
    assertThat(figures.totalActual()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(figures.personnelActual()).isEqualTo(Money.ofWanYuan("173.9"));
    assertThat(figures.publicOperatingActual()).isEqualTo(Money.ofWanYuan("11.0"));
    assertThat(figures.projectActualByProject()).containsEntry("营商环境指标评价", Money.ofWanYuan("73.3"));
    assertThat(figures.projectActualByEconomicCode())
        .hasSize(12)
        .containsEntry(new EconomicCode("30203"), Money.ofWanYuan("39.7"))
        .containsEntry(new EconomicCode("31007"), Money.ofWanYuan("60.0"));
    assertThat(figures.sanGongActual().total()).isEqualTo(Money.ofWanYuan("0.5"));
    assertThat(figures.staffing()).contains(Seed2021.STAFFING);
    assertThat(figures.priorYearSanGong()).contains(Seed2021.PRIOR_YEAR_SAN_GONG);
    assertThat(figures.procurementAndAdjustment()).isEqualTo(ProcurementAndAdjustment.NONE);
  }

  @Test
  void anXlsWorkbook_uploadedThroughThePresignedLink_isAcceptedWithTheFiguresOfItsXlsxTwin()
      throws Exception {
    // GIVEN the clerk's sheet accepted as .xlsx
    byte[] xlsx = SpendingWorkbooks.seedMessy();
    JsonNode first = requestUpload("2021年决算明细.xlsx", xlsx.length);
    put(first, xlsx, first.path("upload").path("headers").path("content-type").asText());
    invoke(ingest, notificationFor(first.path("submissionId").asText(), "xlsx", "m-xlsx"));
    AcceptedSpending fromXlsx = reader().find(unit, Seed2021.YEAR).orElseThrow();

    // WHEN the same sheet, saved by Excel 2003 as .xls, is uploaded through its own link
    byte[] xls = XlsWorkbooks.seedMessy();
    JsonNode ticket = requestUpload("2021年决算明细.xls", xls.length);
    String submissionId = ticket.path("submissionId").asText();
    String type = ticket.path("upload").path("headers").path("content-type").asText();
    assertThat(type).isEqualTo("application/vnd.ms-excel");
    assertThat(put(ticket, xls, type)).isEqualTo(200);
    JsonNode answer = invoke(ingest, notificationFor(submissionId, "xls", "m-xls"));

    // THEN it is accepted, holds the year's figures, and they are the .xlsx's, line for line
    assertThat(answer.path("batchItemFailures")).isEmpty();
    JsonNode status = submission(submissionId);
    assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(status.path("current").asBoolean()).isTrue();
    JsonNode totals = status.path("outcome").path("totals");
    assertThat(totals.path("total").path("wanYuan").asText()).isEqualTo("385.5");
    assertThat(totals.path("basic").path("wanYuan").asText()).isEqualTo("184.9");
    assertThat(totals.path("project").path("wanYuan").asText()).isEqualTo("200.6");
    AcceptedSpending fromXls = reader().find(unit, Seed2021.YEAR).orElseThrow();
    assertThat(fromXls.submissionId()).isEqualTo(submissionId);
    assertThat(fromXls.lines()).isEqualTo(fromXlsx.lines());
    assertThat(fromXls.totalActual()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(fromXls.staffing()).isEqualTo(fromXlsx.staffing());
    assertThat(fromXls.priorYearSanGong()).isEqualTo(fromXlsx.priorYearSanGong());
    assertThat(fromXls.sanGongBudget()).isEqualTo(fromXlsx.sanGongBudget());
  }

  @Test
  void theOptionalProcurementAndAdjustmentFigures_areStoredWithTheSubmissionAndReadBack()
      throws Exception {
    // GIVEN the template with 政府采购 and a budget reduction entered
    ProcurementAndAdjustment entered =
        new ProcurementAndAdjustment(
            Optional.of(Money.ofWanYuan("40")),
            Optional.of(Money.ofYuan("423456.78")),
            Optional.of(Money.ofWanYuan("-15.5")));
    byte[] workbook = SpendingWorkbooks.seedTemplate(entered);
    JsonNode ticket = requestUpload("2021年度支出明细（含政府采购）.xlsx", workbook.length);
    String submissionId = ticket.path("submissionId").asText();
    put(ticket, workbook, ticket.path("upload").path("headers").path("content-type").asText());

    // WHEN it is imported
    assertThat(
            invoke(ingest, notificationFor(submissionId, "xlsx", "m-optional"))
                .path("batchItemFailures"))
        .isEmpty();

    // THEN the year's figures carry them, exactly
    AcceptedSpending figures = reader().find(unit, Seed2021.YEAR).orElseThrow();
    assertThat(figures.submissionId()).isEqualTo(submissionId);
    assertThat(figures.procurementBudget()).contains(Money.ofWanYuan("40"));
    assertThat(figures.procurementActual()).contains(Money.ofYuan("423456.78"));
    assertThat(figures.budgetAdjustment()).contains(Money.ofWanYuan("-15.5"));
  }

  @Test
  void theSameObjectDeliveredThreeTimes_yieldsOneSubmissionAndOneSetOfFigures() throws Exception {
    // GIVEN an uploaded workbook
    byte[] workbook = SpendingWorkbooks.seedMessy();
    JsonNode ticket = requestUpload("决算明细.xlsx", workbook.length);
    String submissionId = ticket.path("submissionId").asText();
    put(ticket, workbook, ticket.path("upload").path("headers").path("content-type").asText());
    JsonNode event = notificationFor(submissionId, "xlsx", "m-dup");

    // WHEN its notification arrives three times
    for (int i = 0; i < 3; i++) {
      assertThat(invoke(ingest, event).path("batchItemFailures")).isEmpty();
    }

    // THEN there is one accepted submission for the year
    JsonNode year =
        body(
            invoke(
                uploads,
                staffRequest(
                    "GET /staff/spending/units/{unit}/years/{year}/submissions",
                    "/staff/spending/units/" + unit + "/years/2021/submissions",
                    Map.of("unit", unit.value(), "year", "2021"),
                    null)));
    assertThat(year.path("submissions")).hasSize(1);
    assertThat(year.path("currentSubmissionId").asText()).isEqualTo(submissionId);
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().lines())
        .hasSize(Seed2021.lines().size());
  }

  @Test
  void thePresignedLink_isRefusedByS3ForAnotherSizeOrType() throws Exception {
    // GIVEN a link for a workbook of a given size
    byte[] workbook = SpendingWorkbooks.seedTemplate();
    JsonNode ticket = requestUpload("支出明细.xlsx", workbook.length);
    String type = ticket.path("upload").path("headers").path("content-type").asText();

    // WHEN a larger file or another content type is sent through it, THEN S3 refuses it
    byte[] larger = java.util.Arrays.copyOf(workbook, workbook.length + 1_000);
    assertThat(put(ticket, larger, type)).isEqualTo(403);
    assertThat(put(ticket, workbook, "application/octet-stream")).isEqualTo(403);
    // AND nothing was stored
    assertThat(
            CLOUD
                .s3Client()
                .listObjectsV2(l -> l.bucket(UPLOADS_BUCKET).prefix("spending/" + unit))
                .contents())
        .isEmpty();
  }

  @Test
  void aRejectedUpload_leavesTheAcceptedFiguresInForce() throws Exception {
    // GIVEN accepted figures for the year
    byte[] good = SpendingWorkbooks.seedTemplate();
    JsonNode first = requestUpload("2021.xlsx", good.length);
    put(first, good, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    invoke(ingest, notificationFor(first.path("submissionId").asText(), "xlsx", "m-a"));

    // WHEN a later upload has a 合计 that does not match its lines
    byte[] bad =
        new String(SpendingWorkbooks.seedCsv(), java.nio.charset.StandardCharsets.UTF_8)
            .replace("编制数,12", ",合计,,,,,1,\n编制数,12")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JsonNode second = requestUpload("2021-更正.csv", bad.length);
    assertThat(put(second, bad, "text/csv")).isEqualTo(200);
    invoke(ingest, notificationFor(second.path("submissionId").asText(), "csv", "m-b"));

    // THEN it is rejected with the row and reason, and the first submission's figures stay
    JsonNode status = submission(second.path("submissionId").asText());
    assertThat(status.path("status").asText()).isEqualTo("REJECTED");
    JsonNode finding = status.path("outcome").path("firstFindings").get(0);
    assertThat(finding.path("code").asText()).isEqualTo("TOTAL_MISMATCH");
    assertThat(finding.path("row").asInt()).isGreaterThan(2);
    assertThat(finding.path("message").asText()).contains("合计");
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().submissionId())
        .isEqualTo(first.path("submissionId").asText());
  }

  @Test
  void anOlderUploadDeliveredLate_isKeptForAuditButDoesNotDisplaceANewerOne() throws Exception {
    // GIVEN two uploads, the first requested before the second
    byte[] workbook = SpendingWorkbooks.seedTemplate();
    String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    JsonNode older = requestUpload("初稿.xlsx", workbook.length);
    Thread.sleep(5);
    JsonNode newer = requestUpload("定稿.xlsx", workbook.length);
    put(older, workbook, type);
    put(newer, workbook, type);

    // WHEN the newer one's notification arrives first and the older one's late
    invoke(ingest, notificationFor(newer.path("submissionId").asText(), "xlsx", "m-new"));
    invoke(ingest, notificationFor(older.path("submissionId").asText(), "xlsx", "m-old"));

    // THEN both are accepted, and the newer one holds the figures
    JsonNode late = submission(older.path("submissionId").asText());
    assertThat(late.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(late.path("outcome").path("adopted").asBoolean()).isFalse();
    assertThat(late.path("current").asBoolean()).isFalse();
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().submissionId())
        .isEqualTo(newer.path("submissionId").asText());
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode requestUpload(String fileName, long size) {
    String request =
        Json.mapper()
            .valueToTree(
                Map.of("unit", unit.value(), "year", 2021, "fileName", fileName, "size", size))
            .toString();
    JsonNode response =
        invoke(
            uploads,
            staffRequest(
                "POST /staff/spending/uploads", "/staff/spending/uploads", Map.of(), request));
    assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(201);
    return body(response);
  }

  private int put(JsonNode ticket, byte[] content, String contentType) throws Exception {
    HttpRequest request =
        signedHeaders(
                HttpRequest.newBuilder(URI.create(ticket.path("upload").path("url").asText())),
                ticket)
            .header("content-type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private JsonNode notificationFor(String submissionId, String extension, String messageId) {
    String key = "spending/" + unit + "/2021/" + submissionId + "." + extension;
    HeadObjectResponse head = CLOUD.s3Client().headObject(h -> h.bucket(UPLOADS_BUCKET).key(key));
    return objectCreated(
        messageId, UPLOADS_BUCKET, key, head.contentLength(), head.eTag().replace("\"", ""));
  }

  private JsonNode submission(String submissionId) {
    JsonNode response =
        invoke(
            uploads,
            staffRequest(
                "GET /staff/spending/submissions/{submissionId}",
                "/staff/spending/submissions/" + submissionId,
                Map.of("submissionId", submissionId),
                null));
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    return body(response);
  }

  private static DynamoDbSpending reader() {
    return new DynamoDbSpending(CLOUD.dynamoDbClient(), LocalCloud.tableName("SpendingTable"));
  }

  /**
   * The headers the link was signed with (If-None-Match among them), as a browser sends them; the
   * client sets Content-Length and Host itself, and the caller its Content-Type.
   */
  private static HttpRequest.Builder signedHeaders(HttpRequest.Builder put, JsonNode ticket) {
    ticket
        .path("upload")
        .path("headers")
        .fields()
        .forEachRemaining(
            h -> {
              String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
              if (!name.equals("content-length")
                  && !name.equals("host")
                  && !name.equals("content-type")) {
                put.header(h.getKey(), h.getValue().asText());
              }
            });
    return put;
  }
}
