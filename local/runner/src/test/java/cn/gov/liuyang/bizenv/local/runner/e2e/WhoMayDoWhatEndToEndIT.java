package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.TryItExample;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md "Who may do what", through the local gateway with real tokens: staff of unit A
 * act for A and are refused (403 UNIT_FORBIDDEN) on every spending, ledger, facts and report route
 * of unit B, whether the route names B or a submission of B; an officer's read of a complainant's
 * personal data is recorded, and only a supervisor reads that record.
 */
class WhoMayDoWhatEndToEndIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String A = "unit-a";
  private static final String B = "unit-b";
  private static LocalBackend backend;
  private static String staffOfA;
  private static String staffOfB;
  private static String officer;
  private static String supervisor;

  @BeforeAll
  static void start() {
    backend =
        LocalBackend.start(
            LocalBackend.Options.inMemory(
                SamTemplate.load(), Ports.free(), Ports.free(), Ports.free()));
    staffOfA = token("staff-a", "甲单位", StaffIdentity.ALL_GROUPS, List.of(A));
    staffOfB = token("staff-b", "乙单位", StaffIdentity.ALL_GROUPS, List.of(B));
    officer = token("officer-1", "李明", List.of("complaint-officer"), List.of());
    supervisor = token("supervisor-1", "周主任", List.of("supervisor"), List.of());
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  void aFinanceClerkOfUnitA_cannotReplaceOrReadUnitBsFigures() throws Exception {
    // GIVEN unit B's clerk has asked to check a workbook of B's
    JsonNode bsCheck =
        ok(
            staffOfB,
            "POST",
            "/staff/spending/uploads",
            Map.of("unit", B, "year", 2021, "fileName", "b.xlsx", "size", 1000, "dryRun", true));
    String bsSubmission = "/staff/spending/submissions/" + bsCheck.path("submissionId").asText();

    // WHEN unit A's clerk asks to upload B's figures, adopts B's check, reads B's submission or
    // figures: THEN each is refused as forbidden
    forbidden(
        staffOfA,
        "POST",
        "/staff/spending/uploads",
        Map.of("unit", B, "year", 2021, "fileName", "b.xlsx", "size", 1000));
    forbidden(staffOfA, "POST", bsSubmission + "/adoption", null);
    forbidden(staffOfA, "GET", bsSubmission, null);
    forbidden(staffOfA, "GET", bsSubmission + "/figures", null);
    forbidden(staffOfA, "GET", bsSubmission + "/comparison", null);
    forbidden(staffOfA, "GET", "/staff/spending/units/" + B + "/years/2021/figures", null);
    forbidden(staffOfA, "GET", "/staff/spending/units/" + B + "/years/2021/submissions", null);

    // AND for their own unit they are let through
    assertThat(
            send(
                    staffOfA,
                    "POST",
                    "/staff/spending/uploads",
                    Map.of("unit", A, "year", 2021, "fileName", "a.xlsx", "size", 1000))
                .statusCode())
        .isEqualTo(201);
    assertThat(send(staffOfB, "GET", bsSubmission, null).statusCode()).isEqualTo(200);
  }

  @Test
  void anEvaluationUserOfUnitA_cannotEditUnitBsReportOrFacts() throws Exception {
    String bsReport = "/staff/reports/" + B + "/2021";
    forbidden(staffOfA, "PUT", bsReport + "/inputs", Map.of("narrative", Map.of()));
    forbidden(staffOfA, "GET", bsReport + "/inputs", null);
    forbidden(staffOfA, "POST", bsReport, null);
    forbidden(staffOfA, "GET", bsReport, null);
    forbidden(staffOfA, "GET", bsReport + "/readiness", null);
    forbidden(staffOfA, "PUT", bsReport + "/facts", Map.of("authorizedPosts", 12));
    forbidden(staffOfA, "GET", bsReport + "/facts", null);
    forbidden(staffOfA, "PUT", "/staff/units/" + B, Map.of("fullName", "乙单位", "kind", "事业单位"));

    // AND A's own facts are saved
    assertThat(
            send(
                    staffOfA,
                    "PUT",
                    "/staff/reports/" + A + "/2021/facts",
                    Map.of("authorizedPosts", 12))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aLedgerOfUnitB_isNeitherUploadedNorReadByStaffOfUnitA() throws Exception {
    Map<String, Object> ledger =
        Map.of("unit", B, "year", 2021, "fileName", "台账.xlsx", "size", 1000);
    forbidden(staffOfA, "POST", "/staff/ledgers/uploads", ledger);
    JsonNode bs = ok(staffOfB, "POST", "/staff/ledgers/uploads", ledger);
    forbidden(
        staffOfA, "GET", "/staff/ledgers/submissions/" + bs.path("submissionId").asText(), null);
  }

  @Test
  void anOfficersReadOfPersonalData_isRecorded_andOnlyASupervisorReadsTheRecord() throws Exception {
    // GIVEN a complaint filed with a name and phone
    HttpResponse<String> filed =
        HTTP.send(
            HttpRequest.newBuilder(backend.baseUrl().resolve(TryItExample.PATH))
                .header("content-type", "application/json")
                .method(TryItExample.METHOD, HttpRequest.BodyPublishers.ofString(TryItExample.BODY))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(filed.statusCode()).isEqualTo(201);
    String number = Json.mapper().readTree(filed.body()).path("trackingNumber").asText();
    String trail = "/staff/audit/complaints/" + number;
    assertThat(ok(supervisor, "GET", trail, null).path("reads")).isEmpty();

    // WHEN an officer opens the case and sees the contact details
    JsonNode shown = ok(officer, "GET", "/staff/complaints/" + number, null);
    assertThat(shown.path("contactPhone").asText()).isNotEmpty();

    // THEN the supervisor reads who saw what of which case
    JsonNode reads = ok(supervisor, "GET", trail, null).path("reads");
    assertThat(reads).hasSize(1);
    assertThat(reads.path(0).path("readerId").asText()).isEqualTo("officer-1");
    assertThat(reads.path(0).path("readerName").asText()).isEqualTo("李明");
    assertThat(reads.path(0).path("purpose").asText()).isEqualTo("VIEW_CASE");
    assertThat(reads.path(0).path("fields").toString()).contains("contactName", "contactPhone");
    assertThat(reads.path(0).path("at").asText()).isNotEmpty();

    // AND the officer may not read the trail
    HttpResponse<String> refused = send(officer, "GET", trail, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Json.mapper().readTree(refused.body()).path("code").asText())
        .isEqualTo("FORBIDDEN_GROUP");
    // nor may a supervisor open the case itself (reading the trail is all the group may do)
    assertThat(send(supervisor, "GET", "/staff/complaints/" + number, null).statusCode())
        .isEqualTo(403);
  }

  private static String token(String sub, String name, List<String> groups, List<String> units) {
    return backend
        .staffTokens()
        .issue(new StaffIdentity(sub, name, groups, units), Duration.ofHours(1));
  }

  private static void forbidden(String token, String method, String path, Object body)
      throws Exception {
    HttpResponse<String> response = send(token, method, path, body);
    assertThat(response.statusCode())
        .as(method + " " + path + " " + response.body())
        .isEqualTo(403);
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(problem.path("code").asText()).isEqualTo("UNIT_FORBIDDEN");
    assertThat(problem.path("message").asText()).contains(B).contains("管理员");
  }

  private static JsonNode ok(String token, String method, String path, Object body)
      throws Exception {
    HttpResponse<String> response = send(token, method, path, body);
    assertThat(response.statusCode() / 100)
        .as(method + " " + path + " " + response.body())
        .isEqualTo(2);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> send(String token, String method, String path, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend.baseUrl().resolve(path))
            .header("authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
    if (body != null) {
      request.header("content-type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
