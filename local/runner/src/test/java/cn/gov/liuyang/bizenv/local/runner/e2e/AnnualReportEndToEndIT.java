package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.fixtures.Seed2021Complaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.ledger.fixtures.Seed2021Ledger;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.spending.fixtures.ClerkExports;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mission in one year, through the local stack as bin/start runs it: finance uploads the 2021
 * workbook through its signed link, the upload event reaches the ingest function, the complaint
 * records of the year are in the table, staff enter the texts, and the generated report, downloaded
 * through its signed link, states the seed report's figures, computed from all of that.
 */
class AnnualReportEndToEndIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalBackend backend;
  private static String staffToken;

  @BeforeAll
  static void start() {
    backend =
        LocalBackend.start(
            LocalBackend.Options.inMemory(
                SamTemplate.load(), Ports.free(), Ports.free(), Ports.free()));
    staffToken =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity(
                    "finance-1", "王会计", StaffIdentity.ALL_GROUPS, List.of("lyyshj", "second-unit")),
                Duration.ofHours(1));
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void theSeedYearUploadedAndRecordedGivesAReportWithTheSeedsFigures() throws Exception {
    // GIVEN finance uploads the year's workbook through the signed link it asked for
    byte[] workbook = SpendingWorkbooks.seedTemplate();
    JsonNode ticket =
        staff(
            "POST",
            "/staff/spending/uploads",
            Map.of(
                "unit",
                "lyyshj",
                "year",
                2021,
                "fileName",
                "2021年度支出明细.xlsx",
                "size",
                workbook.length));
    assertThat(SignedUpload.put(HTTP, ticket, workbook)).isEqualTo(200);

    // WHEN the upload event has been delivered and processed, the submission is accepted
    String statusPath = ticket.path("statusPath").asText();
    JsonNode submission = awaitFinished(statusPath);
    assertThat(submission.path("status").asText()).isEqualTo("ACCEPTED");

    // AND the year's complaints are on record
    recordTheYearsComplaints();

    // AND staff have entered the year's texts
    String texts =
        Json.mapper()
            .readTree(
                Files.readString(
                    ProjectLayout.root().resolve("events/report-generator/save-inputs.json")))
            .path("body")
            .asText();
    assertThat(staffRaw("PUT", "/staff/reports/lyyshj/2021/inputs", texts).statusCode())
        .isEqualTo(201);

    // THEN the report can be generated and downloaded through its signed link
    JsonNode report = staff("POST", "/staff/reports/lyyshj/2021", Map.of());
    assertThat(report.path("grade").asText()).isEqualTo("优");
    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(report.path("download").path("url").asText()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("content-disposition").orElse(""))
        .contains("filename*=UTF-8''");

    // AND it states the seed report's figures, computed from what was uploaded and recorded
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
    assertThat(text)
        .contains("385.5", "184.9", "200.6", "173.9")
        .contains("营商环境指标评价73.3万元", "全市营商环境氛围浓厚112.3万元")
        .contains("投诉举报14件", "意见建议35条", "困难诉求56个", "多方联动会议9次")
        .contains("99分", "“优”");
    for (String figure :
        List.of("3.9", "5.3", "39.7", "7.0", "1.6", "1.9", "9.5", "31.5", "15.1")) {
      assertThat(text).contains(figure);
    }
  }

  @Test
  void aComplaintOfficersTokenIsRefusedOnTheFinanceRoutes_with403() throws Exception {
    // GIVEN a token as `bin/staff-token --groups complaint-officer` issues it
    String officerToken =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("officer-1", "李明", List.of("complaint-officer")),
                Duration.ofHours(1));

    // WHEN the officer asks for a spending upload link through the local gateway
    HttpResponse<String> response =
        send(
            officerToken,
            "POST",
            "/staff/spending/uploads",
            "{\"unit\":\"lyyshj\",\"year\":2021,\"fileName\":\"a.xlsx\",\"size\":100}");

    // THEN the groups claim reached the function, which refused it
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Json.mapper().readTree(response.body()).path("code").asText())
        .isEqualTo("FORBIDDEN_GROUP");
  }

  @Test
  void aClerksOwnWorkbookWithoutBasicInfo_andTheFactsStaffEnter_makeTheReport() throws Exception {
    // GIVEN a unit's own export: no 基本信息 sheet, 万元, a title, merged headings, a formula 合计
    String unit = "second-unit";
    byte[] workbook =
        ClerkExports.xlsx(
            new ClerkExports.Traits(
                true, false, true, false, true, true, true, true, true, true, true, 1, 0, 1));
    JsonNode submission = upload("/staff/spending/uploads", unit, "2021年决算（财务软件导出）.xlsx", workbook);

    // THEN it is accepted, and the outcome names the facts still missing
    assertThat(submission.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(submission.path("outcome").path("notes").toString()).contains("尚缺", "编制数");
    // AND the unit's own case ledger of the year (its report counts its cases, not the office's)
    JsonNode ledger =
        upload("/staff/ledgers/uploads", unit, Seed2021Ledger.FILE_NAME, Seed2021Ledger.xlsx());
    assertThat(ledger.path("status").asText()).as(ledger.toString()).isEqualTo("ACCEPTED");
    String texts =
        Json.mapper()
            .readTree(
                Files.readString(
                    ProjectLayout.root().resolve("events/report-generator/save-inputs.json")))
            .path("body")
            .asText();
    assertThat(staffRaw("PUT", "/staff/reports/" + unit + "/2021/inputs", texts).statusCode())
        .isEqualTo(201);
    HttpResponse<String> refused = staffRaw("POST", "/staff/reports/" + unit + "/2021", null);
    assertThat(refused.statusCode()).isEqualTo(422);
    // every missing input at once: the unit is not registered, the facts are missing
    assertThat(refused.body()).contains("/staff/units/" + unit, "编制数", "本年三公经费预算数");
    staff(
        "PUT",
        "/staff/units/" + unit,
        Map.of("fullName", "浏阳市某街道办事处", "department", "浏阳市人民政府", "kind", "乡镇（街道）"));

    // WHEN staff enter the year's facts (编制 12, 在职 11, 三公 上年 0.8 / 预算 1.0 万元)
    JsonNode facts =
        staff(
            "PUT",
            "/staff/reports/" + unit + "/2021/facts",
            Map.of(
                "amountUnit", "万元",
                "authorizedPosts", 12,
                "staffOnPayroll", 11,
                "priorYearSanGong", "0.8",
                "sanGongBudget", "1.0"));
    assertThat(facts.path("missingForReport")).isEmpty();

    // THEN the report is made, with 在职人员控制率 and the 三公 indicators computed from them
    JsonNode report = staff("POST", "/staff/reports/" + unit + "/2021", Map.of());
    assertThat(report.path("grade").asText()).isEqualTo("优");
    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(report.path("download").path("url").asText()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
    assertThat(text)
        .contains("年末编制数12名，在职人数11名，在职人员控制率91.67%")
        .contains("“三公经费”变动率2-37.50%", "“三公经费”控制率550.00%")
        .contains("385.5", "184.9", "200.6")
        // the export has no 资金来源 column: the report does not claim 0 of it was 财政资金
        .contains("全年本单位共支出资金385.5万元。")
        .doesNotContain("其中财政资金0万元");
  }

  private static boolean complaintsRecorded;

  private static synchronized void recordTheYearsComplaints() {
    if (complaintsRecorded) {
      return;
    }
    Map<String, String> complaintsEnv = backend.cloud().environmentFor("ComplaintWorkflowFunction");
    Seed2021Complaints.store(
        new DynamoDbComplaints(
            backend.cloud().dynamoDbClient(), complaintsEnv.get("COMPLAINTS_TABLE")),
        Env.withVariables(complaintsEnv, ComplaintConfiguration::deadlines));
    complaintsRecorded = true;
  }

  private static JsonNode upload(String route, String unit, String fileName, byte[] workbook)
      throws Exception {
    JsonNode ticket =
        staff(
            "POST",
            route,
            Map.of("unit", unit, "year", 2021, "fileName", fileName, "size", workbook.length));
    assertThat(SignedUpload.put(HTTP, ticket, workbook)).isEqualTo(200);
    return awaitFinished(ticket.path("statusPath").asText());
  }

  private static JsonNode awaitFinished(String statusPath) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      JsonNode submission = Json.mapper().readTree(staffRaw("GET", statusPath, null).body());
      String status = submission.path("status").asText();
      if (status.equals("ACCEPTED") || status.equals("REJECTED")) {
        return submission;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("submission still " + status + " after 60 s: " + submission);
      }
      Thread.sleep(200);
    }
  }

  private static JsonNode staff(String method, String path, Map<String, Object> body)
      throws Exception {
    HttpResponse<String> response = staffRaw(method, path, Json.mapper().writeValueAsString(body));
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isBetween(200, 201);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> staffRaw(String method, String path, String body)
      throws Exception {
    return send(staffToken, method, path, body);
  }

  private static HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend.baseUrl().resolve(path))
            .header("authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
