package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerWorkbooks;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.spending.fixtures.ClerkExports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A unit and a year that no code or shipped file knows, set up by staff through the local gateway
 * alone: the unit registered, the year's calendar entered, the indicator set copied from 2021 and
 * re-weighted, the unit's own spending workbook and case ledger uploaded, its facts and texts
 * entered; the report is then made for that unit and year, and nothing of another appears in it.
 */
class NewUnitNewYearEndToEndIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String UNIT = "jiedao-2";
  private static final int YEAR = 2023;
  private static final String NAME = "浏阳市集里街道办事处";
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
                new StaffIdentity("staff-1", "赵主任", StaffIdentity.ALL_GROUPS, List.of(UNIT)),
                Duration.ofHours(1));
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void aSecondUnitsYear_isSetUpByStaffThroughTheRoutes_andReportsOnItsOwnData() throws Exception {
    String base = "/staff/reports/" + UNIT + "/" + YEAR;

    // GIVEN nothing: the report names every missing input at once
    HttpResponse<String> nothing = send("POST", base, null);
    assertThat(nothing.statusCode()).isEqualTo(422);
    assertThat(
            Json.mapper().readTree(nothing.body()).path("missingInputs").findValuesAsText("kind"))
        .contains("UNIT", "SPENDING", "FACT", "COMPLAINTS", "INDICATOR_SET", "TEXTS");

    // WHEN staff register the unit
    ok(
        "PUT",
        "/staff/units/" + UNIT,
        Map.of("fullName", NAME, "department", "浏阳市人民政府", "kind", "乡镇（街道）"));

    // AND enter 2023's calendar (a make-up day on a Tuesday is refused first, nothing stored)
    ObjectNode calendar = calendar2023();
    ObjectNode tuesday = calendar.deepCopy();
    ((ArrayNode) tuesday.path("weekendWorkingDays")).add("2023-03-07");
    assertThat(send("PUT", "/staff/calendars/" + YEAR, tuesday.toString()).statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/staff/calendars/" + YEAR, null).statusCode()).isEqualTo(404);
    assertThat(send("PUT", "/staff/calendars/" + YEAR, calendar.toString()).statusCode())
        .isEqualTo(201);

    // AND start 2023's indicator set as a copy of 2021's, re-weighted (an unbalanced one refused)
    ok("POST", "/staff/indicator-sets/" + YEAR + "/copy", Map.of("fromYear", 2021));
    ObjectNode set = (ObjectNode) ok("GET", "/staff/indicator-sets/" + YEAR, null);
    ObjectNode unbalanced = set.deepCopy();
    ((ObjectNode) indicator(unbalanced, "key-work")).put("weight", 9);
    HttpResponse<String> refused =
        send("PUT", "/staff/indicator-sets/" + YEAR, unbalanced.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("WEIGHTS_TOTAL_INVALID");
    ((ObjectNode) indicator(set, "key-work")).put("weight", 7);
    ((ObjectNode) indicator(set, "complaint-acceptance")).put("weight", 4);
    JsonNode saved = ok("PUT", "/staff/indicator-sets/" + YEAR, set.toString());
    assertThat(saved.path("version").asText()).isEqualTo(YEAR + "-2");

    // AND upload the unit's own spending export (no 基本信息, no year in it) and its case ledger
    JsonNode spending =
        upload(
            "/staff/spending/uploads",
            "支出决算.xlsx",
            ClerkExports.xlsx(
                new ClerkExports.Traits(
                    true, false, false, false, true, true, true, true, true, true, true, 1, 0, 1)));
    assertThat(spending.path("status").asText()).as(spending.toString()).isEqualTo("ACCEPTED");
    JsonNode ledger =
        upload(
            "/staff/ledgers/uploads",
            "2023年投诉台账.xlsx",
            LedgerWorkbooks.xlsx(
                LedgerWorkbooks.Traits.random(11), YEAR, LedgerWorkbooks.sample(YEAR)));
    assertThat(ledger.path("status").asText()).as(ledger.toString()).isEqualTo("ACCEPTED");

    // AND enter the facts and the texts (the unit's own name)
    ok(
        "PUT",
        base + "/facts",
        Map.of(
            "amountUnit", "万元",
            "authorizedPosts", 20,
            "staffOnPayroll", 18,
            "priorYearSanGong", "0.4",
            "sanGongBudget", "0.6"));
    String texts =
        Json.mapper()
            .readTree(
                Files.readString(
                    ProjectLayout.root().resolve("events/report-generator/save-inputs.json")))
            .path("body")
            .asText()
            .replace("浏阳市优化营商环境协调事务中心", NAME)
            .replace("市优化营商环境中心", "集里街道")
            .replace("2021", "2023");
    JsonNode inputs = ok("PUT", base + "/inputs", texts);
    assertThat(inputs.path("missingForReport")).isEmpty();

    // THEN the report is made for the unit and the year
    JsonNode report = ok("POST", base, Map.of());
    assertThat(report.path("indicatorSetVersion").asText()).isEqualTo(YEAR + "-2");
    String text = pdfText(report.path("download").path("url").asText());
    assertThat(text)
        .contains(YEAR + "年度部门整体支出绩效自评报告", NAME)
        .contains("385.5", "184.9", "200.6")
        // 编制 20, 在职 18; 三公 0.5 against 0.4 last year
        .contains("年末编制数20名，在职人数18名，在职人员控制率90%")
        .contains("“三公经费”变动率225.00%")
        // the ledger's 12 cases: 6 投诉举报, 3 意见建议, 3 困难诉求, 3 meetings
        .contains("收到诉求合计12", "其中：投诉举报6", "意见建议3", "困难诉求3")
        // the re-weighted set: 重点工作办结率 7, 投诉受理率 4
        .contains("重点工作办结率7", "投诉受理率4");
    // AND nothing of another unit or year appears
    assertThat(text).doesNotContain("浏阳市优化营商环境协调事务中心", "2021年", "2022年");
  }

  private static JsonNode indicator(ObjectNode set, String id) {
    for (JsonNode indicator : set.path("indicators")) {
      if (indicator.path("id").asText().equals(id)) {
        return indicator;
      }
    }
    throw new AssertionError("no indicator " + id);
  }

  /** 2023 as the State Council's notice (国办发明电〔2022〕16号) set it. */
  private static ObjectNode calendar2023() throws Exception {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                """
                {"source": "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）",
                 "version": 0,
                 "daysOff": [
                   {"name": "元旦", "from": "2023-01-01", "to": "2023-01-02"},
                   {"name": "春节", "from": "2023-01-21", "to": "2023-01-27"},
                   {"name": "清明节", "from": "2023-04-05", "to": "2023-04-05"},
                   {"name": "劳动节", "from": "2023-04-29", "to": "2023-05-03"},
                   {"name": "端午节", "from": "2023-06-22", "to": "2023-06-24"},
                   {"name": "中秋节、国庆节", "from": "2023-09-29", "to": "2023-10-06"}],
                 "weekendWorkingDays": ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06",
                   "2023-06-25", "2023-10-07", "2023-10-08"]}
                """);
  }

  private static JsonNode upload(String route, String fileName, byte[] workbook) throws Exception {
    JsonNode ticket =
        ok(
            "POST",
            route,
            Map.of("unit", UNIT, "year", YEAR, "fileName", fileName, "size", workbook.length));
    assertThat(SignedUpload.put(HTTP, ticket, workbook)).isEqualTo(200);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      JsonNode status = ok("GET", ticket.path("statusPath").asText(), null);
      String state = status.path("status").asText();
      if (state.equals("ACCEPTED") || state.equals("REJECTED")) {
        return status;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still " + state + " after 60 s: " + status);
      }
      Thread.sleep(200);
    }
  }

  private static String pdfText(String url) throws Exception {
    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
  }

  private static JsonNode ok(String method, String path, Object body) throws Exception {
    String json =
        body == null ? null : body instanceof String s ? s : Json.mapper().writeValueAsString(body);
    HttpResponse<String> response = send(method, path, json);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isBetween(200, 201);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend.baseUrl().resolve(path))
            .header("authorization", "Bearer " + staffToken)
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
