package cn.gov.liuyang.bizenv.spending.ingest;

import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.body;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.invoke;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.objectCreated;
import static cn.gov.liuyang.bizenv.spending.ingest.SpendingEvents.staffRequest;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.ClerkExports;
import cn.gov.liuyang.bizenv.spending.fixtures.ClerkExports.Traits;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.uploads.SpendingUploadsHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Finance's own workbooks through the staff routes and the ingest function on the local stack: the
 * lines alone make a year, the year is checked, a check (预检) is compared and then adopted, and the
 * figures are read back by project and economic item.
 */
class FinanceOwnWorkbooksIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private static final String UPLOADS_BUCKET = LocalCloud.bucketName("UploadsBucket");
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Traits CLERK =
      new Traits(true, false, true, true, true, true, true, true, true, true, true, 1, 0, 1);

  private final SpendingUploadsHandler uploads =
      Env.withVariables(
          CLOUD.environmentFor("SpendingUploadsFunction"), SpendingUploadsHandler::new);
  private final SpendingIngestHandler ingest =
      Env.withVariables(CLOUD.environmentFor("SpendingIngestFunction"), SpendingIngestHandler::new);
  private final HttpClient http = HttpClient.newHttpClient();
  private final UnitId unit = new UnitId("fin-" + UUID.randomUUID().toString().substring(0, 8));

  @Test
  void aClerksExportWithoutBasicInfo_isAccepted_andTheOutcomeNamesTheFactsStillMissing()
      throws Exception {
    // WHEN finance uploads its own export: no 基本信息, 万元, a title, merged headings
    JsonNode status = importWorkbook(2021, "2021年决算.xlsx", ClerkExports.xlsx(CLERK), XLSX, false);

    // THEN it is in force, and the notes say which facts are missing, not as findings
    assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(status.path("current").asBoolean()).isTrue();
    assertThat(status.path("outcome").path("findingCount").asInt()).isZero();
    assertThat(status.path("outcome").path("notes").toString())
        .contains("尚缺", "编制数", "在职人数", "上年三公经费决算数", "本年三公经费预算数");

    // AND the figures in force are readable by project and economic item
    JsonNode figures =
        get(
            "GET /staff/spending/units/{unit}/years/{year}/figures",
            "/staff/spending/units/" + unit + "/years/2021/figures",
            Map.of("unit", unit.value(), "year", "2021"),
            Map.of());
    assertThat(figures.path("totals").path("total").path("wanYuan").asText()).isEqualTo("385.5");
    assertThat(figures.path("byProject")).hasSize(5);
    assertThat(figures.path("byEconomicCode").findValuesAsText("code")).contains("30101", "31007");
    JsonNode consulting = find(figures.path("byEconomicCode"), "code", "30203");
    assertThat(consulting.path("projectActual").path("wanYuan").asText()).isEqualTo("39.7");
    assertThat(figures.path("factsMissingForReport")).hasSize(4);
  }

  @Test
  void theFiguresDownloadedAsAWorkbook_readBackAsTheSameLines() throws Exception {
    JsonNode status = importWorkbook(2021, "2021.xlsx", ClerkExports.xlsx(CLERK), XLSX, false);
    String id = status.path("submissionId").asText();

    JsonNode response =
        invoke(
            uploads,
            staffRequest(
                "GET /staff/spending/submissions/{submissionId}/figures",
                "/staff/spending/submissions/" + id + "/figures",
                Map.of("submissionId", id),
                Map.of("format", "xlsx"),
                null));

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("headers").path("content-disposition").asText()).contains(".xlsx");
    ParsedWorkbook back =
        Parse.workbook(Base64.getDecoder().decode(response.path("body").asText()));
    assertThat(back.findings()).isEmpty();
    assertThat(back.lines())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("fundSource")
        .containsExactlyInAnyOrderElementsOf(Seed2021.lines());
  }

  @Test
  void a2021FileUploadedAs2022_isRejectedNamingBothYears_andThe2022FiguresStay() throws Exception {
    // GIVEN 2022 figures in force (the 2021 lines relabelled, no title)
    Traits untitled =
        new Traits(
            false, false, false, false, false, false, false, false, false, false, false, 0, 0, 0);
    String in2022 =
        importWorkbook(2022, "2022.xlsx", ClerkExports.xlsx(untitled), XLSX, false)
            .path("submissionId")
            .asText();

    // WHEN a file titled 2021年度 is uploaded for 2022
    JsonNode status = importWorkbook(2022, "2021年决算.xlsx", ClerkExports.xlsx(CLERK), XLSX, false);

    // THEN
    assertThat(status.path("status").asText()).isEqualTo("REJECTED");
    JsonNode finding = status.path("outcome").path("firstFindings").get(0);
    assertThat(finding.path("code").asText()).isEqualTo("YEAR_MISMATCH");
    assertThat(finding.path("message").asText()).contains("2021", "2022");
    assertThat(reader().find(unit, new FiscalYear(2022)).orElseThrow().submissionId())
        .isEqualTo(in2022);
  }

  @Test
  void aCheck_isComparedWithTheFiguresInForce_thenAdoptedInOneCall_andRefusedIfTheyChanged()
      throws Exception {
    // GIVEN the seed figures in force
    String original =
        importWorkbook(2021, "2021.xlsx", SpendingWorkbooks.seedTemplate(), XLSX, false)
            .path("submissionId")
            .asText();

    // WHEN finance checks a corrected workbook: 咨询费 of one project 1 万元 higher
    byte[] corrected = ClerkExports.xlsx(CLERK, correctedLines()).bytes();
    JsonNode check = importWorkbook(2021, "2021-更正.xlsx", corrected, XLSX, true);

    // THEN it passed, is not in force, and the comparison shows before, after and difference
    String checkId = check.path("submissionId").asText();
    assertThat(check.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(check.path("kind").asText()).isEqualTo("CHECK");
    assertThat(check.path("current").asBoolean()).isFalse();
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().submissionId()).isEqualTo(original);
    JsonNode comparison =
        get(
            "GET /staff/spending/submissions/{submissionId}/comparison",
            "/staff/spending/submissions/" + checkId + "/comparison",
            Map.of("submissionId", checkId),
            Map.of());
    assertThat(comparison.path("before").asText()).isEqualTo(original);
    JsonNode total = find(comparison.path("totals"), "key", "totalActual");
    assertThat(total.path("before").path("wanYuan").asText()).isEqualTo("385.5");
    assertThat(total.path("after").path("wanYuan").asText()).isEqualTo("386.5");
    assertThat(total.path("difference").path("yuan").asText()).isEqualTo("10000.00");
    assertThat(
            find(comparison.path("byEconomicCode"), "key", "30203")
                .path("difference")
                .path("yuan")
                .asText())
        .isEqualTo("10000.00");
    assertThat(find(comparison.path("byProject"), "key", "30101").isMissingNode()).isTrue();

    // WHEN it is adopted
    JsonNode adopted = adopt(checkId, null);

    // THEN its figures are in force without a new upload
    assertThat(adopted.path("statusCode").asInt()).isEqualTo(200);
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().totalActual())
        .isEqualTo(Money.ofWanYuan("386.5"));

    // AND a second check, overtaken by an import before it is adopted, is refused with 409
    JsonNode secondCheck =
        importWorkbook(2021, "再更正.xlsx", SpendingWorkbooks.seedTemplate(), XLSX, true);
    String reimport =
        importWorkbook(2021, "重传.xlsx", corrected, XLSX, false).path("submissionId").asText();
    JsonNode refused = adopt(secondCheck.path("submissionId").asText(), null);
    assertThat(refused.path("statusCode").asInt()).isEqualTo(409);
    JsonNode problem = body(refused);
    assertThat(problem.path("code").asText()).isEqualTo("FIGURES_CHANGED");
    assertThat(problem.path("currentSubmissionId").asText()).isEqualTo(reimport);
    assertThat(
            find(problem.path("comparison").path("totals"), "key", "totalActual")
                .path("difference")
                .path("yuan")
                .asText())
        .isEqualTo("-10000.00");
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().submissionId()).isEqualTo(reimport);

    // AND adopting it knowingly, against the figures now in force, succeeds
    JsonNode confirmed = adopt(secondCheck.path("submissionId").asText(), reimport);
    assertThat(confirmed.path("statusCode").asInt()).isEqualTo(200);
    assertThat(reader().find(unit, Seed2021.YEAR).orElseThrow().totalActual())
        .isEqualTo(Money.ofWanYuan("385.5"));
  }

  @Test
  void aRejectedCheckOrAnImport_cannotBeAdopted() throws Exception {
    JsonNode imported =
        importWorkbook(2021, "2021.xlsx", SpendingWorkbooks.seedTemplate(), XLSX, false);
    byte[] broken =
        "单位：元\n支出类型,经济分类科目编码,执行数\n基本支出,99999,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JsonNode rejected = importWorkbook(2021, "坏.csv", broken, "text/csv", true);

    assertThat(body(adopt(imported.path("submissionId").asText(), null)).path("code").asText())
        .isEqualTo("NOT_A_CHECK");
    JsonNode refused = adopt(rejected.path("submissionId").asText(), null);
    assertThat(refused.path("statusCode").asInt()).isEqualTo(409);
    assertThat(body(refused).path("code").asText()).isEqualTo("CHECK_NOT_PASSED");
  }

  @Test
  void lastYearsFiguresInForce_giveThePriorYearSanGong() throws Exception {
    // GIVEN 2020's figures in force: 三公 (30217 公务接待费) of 0.5 万元
    Traits untitled =
        new Traits(
            false, false, false, false, false, false, false, false, false, false, false, 0, 0, 0);
    importWorkbook(2020, "2020.xlsx", ClerkExports.xlsx(untitled), XLSX, false);

    // WHEN 2021's workbook without 基本信息 is imported
    JsonNode status = importWorkbook(2021, "2021.xlsx", ClerkExports.xlsx(CLERK), XLSX, false);

    // THEN the outcome says where 上年三公经费决算数 comes from
    assertThat(status.path("outcome").path("notes").toString())
        .contains("上年三公经费决算数 0.5 万元（5000.00 元）：由 2020 年度在用支出数据推算");
  }

  // ------------------------------------------------------------------ helpers

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

  private JsonNode importWorkbook(
      int year, String fileName, byte[] content, String contentType, boolean dryRun)
      throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("unit", unit.value());
    request.put("year", year);
    request.put("fileName", fileName);
    request.put("size", content.length);
    request.put("dryRun", dryRun);
    JsonNode response =
        invoke(
            uploads,
            staffRequest(
                "POST /staff/spending/uploads",
                "/staff/spending/uploads",
                Map.of(),
                Json.mapper().valueToTree(request).toString()));
    assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(201);
    JsonNode ticket = body(response);
    HttpRequest put =
        signedHeaders(
                HttpRequest.newBuilder(URI.create(ticket.path("upload").path("url").asText())),
                ticket)
            .header("content-type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
            .build();
    assertThat(http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    String id = ticket.path("submissionId").asText();
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
    String key = "spending/" + unit + "/" + year + "/" + id + "." + extension;
    HeadObjectResponse head = CLOUD.s3Client().headObject(h -> h.bucket(UPLOADS_BUCKET).key(key));
    invoke(
        ingest,
        objectCreated(
            "m-" + id, UPLOADS_BUCKET, key, head.contentLength(), head.eTag().replace("\"", "")));
    return get(
        "GET /staff/spending/submissions/{submissionId}",
        "/staff/spending/submissions/" + id,
        Map.of("submissionId", id),
        Map.of());
  }

  private JsonNode adopt(String submissionId, String expectedCurrent) {
    String request =
        expectedCurrent == null ? null : "{\"expectedCurrent\":\"" + expectedCurrent + "\"}";
    return invoke(
        uploads,
        staffRequest(
            "POST /staff/spending/submissions/{submissionId}/adoption",
            "/staff/spending/submissions/" + submissionId + "/adoption",
            Map.of("submissionId", submissionId),
            request));
  }

  private JsonNode get(
      String routeKey, String path, Map<String, String> pathParameters, Map<String, String> query) {
    JsonNode response = invoke(uploads, staffRequest(routeKey, path, pathParameters, query, null));
    assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
    return body(response);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
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
