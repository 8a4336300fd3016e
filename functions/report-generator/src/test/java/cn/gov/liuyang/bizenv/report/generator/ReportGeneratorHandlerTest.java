package cn.gov.liuyang.bizenv.report.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryIndicatorSets;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportInputs;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportRegistry;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportStore;
import cn.gov.liuyang.bizenv.report.generator.Events.Response;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUnitFacts;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import cn.gov.liuyang.bizenv.unit.fakes.InMemoryUnits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportGeneratorHandlerTest {
  private static final Instant NOW = Instant.parse("2022-03-01T02:00:00Z");
  private static OpenPdfReportRenderer renderer;

  private InMemoryReportInputs inputs;
  private InMemoryReportRegistry registry;
  private InMemoryReportStore store;
  private InMemoryUnitFacts facts;
  private ReportGeneratorHandler handler;

  @BeforeAll
  static void loadFontOnce() {
    renderer = OpenPdfReportRenderer.withEmbeddedFont();
  }

  @BeforeEach
  void wireWithTheSeedYearsFigures() {
    AcceptedSpendingReader spending =
        (unit, year) ->
            year.equals(Seed2021.YEAR) ? Optional.of(Seed2021.spending()) : Optional.empty();
    ComplaintStatisticsReader complaints = year -> Seed2021.complaints();
    handler = handler(spending, complaints);
  }

  private ReportGeneratorHandler handler(
      AcceptedSpendingReader spending, ComplaintStatisticsReader complaints) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    inputs = new InMemoryReportInputs();
    registry = new InMemoryReportRegistry();
    store = new InMemoryReportStore(NOW);
    facts = new InMemoryUnitFacts();
    InMemoryIndicatorSets storedSets = new InMemoryIndicatorSets();
    IndicatorSetsInForce indicatorSets =
        new IndicatorSetsInForce(storedSets, new ClasspathIndicatorSets());
    return new ReportGeneratorHandler(
        UseCasesForTests.of(
            spending,
            complaints,
            inputs,
            facts,
            new InMemoryUnits(),
            indicatorSets,
            storedSets,
            renderer,
            store,
            registry,
            Duration.ofMinutes(5),
            clock));
  }

  @Test
  void savingFacts_answersWithTheFactsInEffect_eachWithItsSource_andKeepsEveryVersion() {
    Response saved = Events.invoke(handler, Events.load("save-facts.json"));
    Events.invoke(handler, Events.load("save-facts.json"));

    assertThat(saved.status()).isEqualTo(201);
    JsonNode posts = fact(saved.body(), "authorizedPosts");
    assertThat(posts.path("value").asText()).isEqualTo("12");
    assertThat(posts.path("source").path("code").asText()).isEqualTo("ENTERED");
    // the seed year's workbook stated the same: both sources are named
    assertThat(posts.path("overrides").path("code").asText()).isEqualTo("WORKBOOK");
    assertThat(fact(saved.body(), "priorYearSanGong").path("value").asText()).isEqualTo("8000.00");
    assertThat(saved.body().path("factsMissingForReport")).isEmpty();
    // the answer lists what the report still lacks: here only the year's texts
    assertThat(saved.body().path("missingForReport")).hasSize(1);
    assertThat(saved.body().path("missingForReport").get(0).asText()).contains("报告文字材料", "/inputs");
    assertThat(saved.body().path("saved").path("version").asInt()).isEqualTo(1);

    Response read = Events.invoke(handler, Events.load("read-facts.json"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("history")).hasSize(2);
    assertThat(read.body().path("history").get(0).path("version").asInt()).isEqualTo(2);
  }

  @Test
  void invalidFacts_get400_listingEveryFieldWithAStableCode_andNothingIsSaved() {
    Response response = Events.invoke(handler, Events.load("save-facts-invalid.json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactlyInAnyOrder(
            "authorizedPosts HEADCOUNT_INVALID",
            "staffOnPayroll NUMBER_INVALID",
            "sanGongBudget AMOUNT_INVALID",
            "priorYearSanGong NUMBER_INVALID",
            "budgetAdjustment NUMBER_INVALID",
            "headcount FIELD_UNKNOWN");
    assertThat(facts.latest(Seed2021.UNIT, Seed2021.YEAR)).isEmpty();
  }

  @Test
  void aYearWhoseWorkbookHadNoBasicInfo_namesTheMissingFacts_andIsMadeOnceStaffEnterThem() {
    // GIVEN the seed year's figures without any 基本信息, and the year's texts
    handler =
        handler(
            (unit, year) ->
                year.equals(Seed2021.YEAR)
                    ? Optional.of(Seed2021.spending().withFacts(UnitYearFacts.NONE))
                    : Optional.empty(),
            year -> Seed2021.complaints());
    Events.invoke(handler, Events.load("save-inputs.json"));

    // WHEN the report is asked for, THEN every missing fact is named at once
    Response refused = Events.invoke(handler, Events.load("request-report.json"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().path("code").asText()).isEqualTo("REPORT_INPUTS_MISSING");
    assertThat(refused.body().path("message").asText())
        .contains("编制数", "在职人数", "上年三公经费决算数", "本年三公经费预算数");

    // WHEN staff enter them, THEN the report is made with the staffing and 三公 indicators
    assertThat(Events.invoke(handler, Events.load("save-facts.json")).status()).isEqualTo(201);
    Response made = Events.invoke(handler, Events.load("request-report.json"));
    assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
    assertThat(made.body().path("score").asText()).isEqualTo("99");
  }

  @Test
  void aNewUnitIsRegistered_listed_andItsReportWaitsForItsOwnInputs() {
    Response registered = Events.invoke(handler, Events.load("register-unit.json"));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.body().path("kind").asText()).isEqualTo("TOWNSHIP");

    Response listed = Events.invoke(handler, Events.load("list-units.json"));
    assertThat(listed.body().path("units").findValuesAsText("unit"))
        .containsExactly("lyyshj", "lyyshj-jdzx");

    ObjectNode readiness = Events.load("readiness.json");
    ((ObjectNode) readiness.path("pathParameters")).put("unit", "lyyshj-jdzx");
    ((ObjectNode) readiness.at("/requestContext/authorizer/jwt/claims"))
        .put("custom:units", "[lyyshj lyyshj-jdzx]");
    Response missing = Events.invoke(handler, readiness);
    assertThat(missing.body().path("ready").asBoolean()).isFalse();
    // the seed unit's texts are not the new unit's: nothing of the first appears
    assertThat(missing.body().path("missingInputs").findValuesAsText("kind")).contains("TEXTS");
    assertThat(missing.body().path("missingInputs").findValuesAsText("kind"))
        .doesNotContain("UNIT");
  }

  @Test
  void anInvalidUnit_gets400ForEachField_andNothingIsRegistered() {
    Response response = Events.invoke(handler, Events.load("register-unit-invalid.json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactlyInAnyOrder("fullName REQUIRED", "kind KIND_INVALID");
    assertThat(Events.invoke(handler, Events.load("list-units.json")).body().path("units"))
        .hasSize(1);
  }

  private static JsonNode fact(JsonNode body, String key) {
    for (JsonNode fact : body.path("facts")) {
      if (fact.path("key").asText().equals(key)) {
        return fact;
      }
    }
    throw new AssertionError("no fact " + key + " in " + body);
  }

  @Test
  void savingInputs_makesANewVersionEachTime_andReadsBackTheLatestOrAGivenOne() {
    Response first = Events.invoke(handler, Events.load("save-inputs.json"));
    Response second = Events.invoke(handler, Events.load("save-inputs.json"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("version").asInt()).isEqualTo(1);
    assertThat(first.body().path("savedBy").asText()).isEqualTo("财务审计科");
    assertThat(first.body().path("missingForReport")).isEmpty();
    assertThat(second.body().path("version").asInt()).isEqualTo(2);

    Response latest = Events.invoke(handler, Events.load("read-inputs.json"));
    Response firstAgain = Events.invoke(handler, Events.load("read-inputs-version-1.json"));
    assertThat(latest.body().path("version").asInt()).isEqualTo(2);
    assertThat(firstAgain.body().path("version").asInt()).isEqualTo(1);
    assertThat(firstAgain.body().path("inputs").path("profile").path("unitName").asText())
        .isEqualTo("浏阳市优化营商环境协调事务中心");
  }

  @Test
  void invalidInputs_get400_listingEveryFieldWithAStableCode_andNothingIsSaved() {
    Response response = Events.invoke(handler, Events.load("save-inputs-invalid.json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.body().path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactlyInAnyOrder(
            "profile.unitName TYPE_MISMATCH",
            "sections.problems PLACEHOLDER_UNKNOWN",
            "sections.poem SECTION_UNKNOWN",
            "manualScores[0].indicator INDICATOR_INVALID",
            "manualScores[0].score SCORE_INVALID",
            "manualScores[1].score TYPE_MISMATCH");
    assertThat(response.body().path("errors").get(1).path("message").asText()).isNotBlank();
    assertThat(inputs.latest(Seed2021.UNIT, Seed2021.YEAR)).isEmpty();
  }

  @Test
  void noBody_orABadYear_get400() {
    assertThat(
            Events.invoke(handler, Events.load("save-inputs-no-body.json"))
                .body()
                .path("code")
                .asText())
        .isEqualTo("BODY_MISSING");
    assertThat(
            Events.invoke(handler, Events.load("save-inputs-bad-year.json"))
                .body()
                .path("code")
                .asText())
        .isEqualTo("YEAR_INVALID");
  }

  @Test
  void withoutAVerifiedStaffIdentity_nothingIsSaved() {
    ObjectNode event = Events.load("save-inputs.json");
    ((ObjectNode) event.path("requestContext")).remove("authorizer");

    Response response = Events.invoke(handler, event);

    assertThat(response.status()).isEqualTo(401);
    assertThat(inputs.latest(Seed2021.UNIT, Seed2021.YEAR)).isEmpty();
  }

  @Test
  void aFinanceClerkCannotRequestTheReport_is403() {
    Response response = Events.invoke(handler, Events.load("request-report-by-finance-clerk.json"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
  }

  @Test
  void requestingAReport_makesThePdfOnce_andLaterRequestsGetAFreshLinkToTheSameOne() {
    Events.invoke(handler, Events.load("save-inputs.json"));

    Response first = Events.invoke(handler, Events.load("request-report.json"));
    Response again = Events.invoke(handler, Events.load("request-report.json"));

    assertThat(first.status()).isEqualTo(201);
    JsonNode body = first.body();
    assertThat(body.path("version").asInt()).isEqualTo(1);
    assertThat(body.path("score").asText()).isEqualTo("99");
    assertThat(body.path("grade").asText()).isEqualTo("优");
    assertThat(body.path("fileName").asText())
        .isEqualTo("2021年度浏阳市优化营商环境协调事务中心部门整体支出绩效自评报告（第1版）.pdf");
    assertThat(body.path("download").path("url").asText()).contains("reports/lyyshj/2021/v0001-");
    assertThat(body.path("download").path("expiresAt").asText()).isEqualTo("2022-03-01T02:05:00Z");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("reused").asBoolean()).isTrue();
    assertThat(again.body().path("fingerprint")).isEqualTo(body.path("fingerprint"));
    assertThat(store.objects()).hasSize(1);
  }

  @Test
  void changedInputs_makeANewVersion() throws Exception {
    Events.invoke(handler, Events.load("save-inputs.json"));
    Response first = Events.invoke(handler, Events.load("request-report.json"));
    ObjectNode edited = Events.load("save-inputs.json");
    ObjectNode body = (ObjectNode) Json.mapper().readTree(edited.path("body").asText());
    ((ObjectNode) body.path("sections")).put("problems", "（一）项目预算执行仍需加强。");
    edited.put("body", body.toString());
    Events.invoke(handler, edited);

    Response second = Events.invoke(handler, Events.load("request-report.json"));

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body().path("version").asInt()).isEqualTo(2);
    assertThat(second.body().path("fingerprint")).isNotEqualTo(first.body().path("fingerprint"));
    assertThat(store.objects()).hasSize(2);
  }

  @Test
  void listingReports_givesEveryVersionNewestFirst_eachWithItsOwnFreshLink() throws Exception {
    // GIVEN two reports made from different texts
    Events.invoke(handler, Events.load("save-inputs.json"));
    Response first = Events.invoke(handler, Events.load("request-report.json"));
    ObjectNode edited = Events.load("save-inputs.json");
    ObjectNode texts = (ObjectNode) Json.mapper().readTree(edited.path("body").asText());
    ((ObjectNode) texts.path("sections")).put("problems", "（一）项目预算执行仍需加强。");
    edited.put("body", texts.toString());
    Events.invoke(handler, edited);
    Response second = Events.invoke(handler, Events.load("request-report.json"));

    // WHEN evaluation staff list the year's reports
    Response listed = Events.invoke(handler, Events.load("list-reports.json"));

    // THEN both are there, the newer first, each as POST described it plus who and which texts
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().path("unit").asText()).isEqualTo("lyyshj");
    assertThat(listed.body().path("year").asInt()).isEqualTo(2021);
    JsonNode reports = listed.body().path("reports");
    assertThat(reports).extracting(r -> r.path("version").asInt()).containsExactly(2, 1);
    assertThat(reports)
        .extracting(r -> r.path("fingerprint"))
        .containsExactly(second.body().path("fingerprint"), first.body().path("fingerprint"));
    JsonNode older = reports.get(1);
    for (String field :
        new String[] {"fileName", "score", "grade", "sizeBytes", "generatedAt", "fingerprint"}) {
      assertThat(older.path(field)).as(field).isEqualTo(first.body().path(field));
    }
    assertThat(older.path("generatedBy").asText()).isEqualTo("财务审计科");
    assertThat(listed.body().toString()).doesNotContain(Seed2021.FINANCE.subject());
    assertThat(reports).extracting(r -> r.path("inputsVersion").asInt()).containsExactly(2, 1);
    assertThat(older.path("download").path("url").asText()).contains("reports/lyyshj/2021/v0001-");
    assertThat(reports.get(0).path("download").path("url").asText())
        .contains("reports/lyyshj/2021/v0002-");
    assertThat(older.path("download").path("expiresAt").asText()).isEqualTo("2022-03-01T02:05:00Z");
  }

  @Test
  void listingAYearWithoutReports_isAnEmptyList() {
    Response listed = Events.invoke(handler, Events.load("list-reports.json"));

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().path("reports").isArray()).isTrue();
    assertThat(listed.body().path("reports")).isEmpty();
  }

  @Test
  void aComplaintOfficerCannotListTheReports_is403() {
    Response response =
        Events.invoke(handler, Events.load("list-reports-by-complaint-officer.json"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
  }

  @Test
  void listingWithABadYearOrUnit_gets400WithTheRoutesCodes() {
    ObjectNode badYear = Events.load("list-reports.json");
    ((ObjectNode) badYear.path("pathParameters")).put("year", "21");
    ObjectNode badUnit = Events.load("list-reports.json");
    ((ObjectNode) badUnit.path("pathParameters")).put("unit", "LY YSHJ");

    Response year = Events.invoke(handler, badYear);
    Response unit = Events.invoke(handler, badUnit);

    assertThat(year.status()).isEqualTo(400);
    assertThat(year.body().path("code").asText()).isEqualTo("YEAR_INVALID");
    assertThat(year.body().path("message").asText()).isEqualTo("年度应为 2000–2100 之间的四位数字");
    assertThat(unit.status()).isEqualTo(400);
    assertThat(unit.body().path("code").asText()).isEqualTo("UNIT_INVALID");
  }

  @Test
  void missingSpendingFactsIndicatorsAndTexts_get422NamingEachAtOnce_andNoPdf() {
    Response response =
        Events.invoke(handler, Events.load("request-report-2019-nothing-there.json"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().path("code").asText()).isEqualTo("REPORT_INPUTS_MISSING");
    assertThat(response.body().path("missing"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "2019年度已接收的支出数据（请财务上传支出表并通过校验：POST /staff/spending/uploads）",
            "2019年度编制数（在单位年度基本数据中填写：PUT /staff/reports/lyyshj/2019/facts，或在支出表中附“基本信息”表）",
            "2019年度在职人数（在单位年度基本数据中填写：PUT /staff/reports/lyyshj/2019/facts，或在支出表中附“基本信息”表）",
            "2019年度上年三公经费决算数（在单位年度基本数据中填写：PUT /staff/reports/lyyshj/2019/facts，或在支出表中附“基本信息”表）",
            "2019年度本年三公经费预算数（在单位年度基本数据中填写：PUT /staff/reports/lyyshj/2019/facts，或在支出表中附“基本信息”表）",
            "2019年度绩效评价指标体系（指标、权重和评分规则）（由往年复制：POST /staff/indicator-sets/2019/copy，按需修改后保存：PUT /staff/indicator-sets/2019）",
            "2019年度报告文字材料（部门概况、绩效分析、问题和措施等）（PUT /staff/reports/lyyshj/2019/inputs）",
            "2019年节假日安排（工作日历，用于判断是否按时办结）（按国务院办公厅通知录入：PUT /staff/calendars/2019）");
    assertThat(response.body().path("missingInputs").findValuesAsText("kind"))
        .containsExactly(
            "SPENDING", "FACT", "FACT", "FACT", "FACT", "INDICATOR_SET", "TEXTS", "CALENDAR");
    assertThat(store.objects()).isEmpty();
    assertThat(registry.reports(Seed2021.UNIT, new FiscalYear(2019))).isEmpty();
  }

  @Test
  void incompleteTexts_get422NamingTheMissingSections() {
    ObjectNode event = Events.load("save-inputs.json");
    event.put("body", "{\"profile\":{\"unitName\":\"浏阳市优化营商环境协调事务中心\"}}");
    Events.invoke(handler, event);

    Response response = Events.invoke(handler, Events.load("request-report.json"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body().path("missingInputs").findValuesAsText("what"))
        .contains("部门职能概述", "整体绩效情况分析", "存在的主要问题")
        .anySatisfy(m -> assertThat(m).contains("绩效目标合理性", "人工评分"));
    assertThat(store.objects()).isEmpty();
  }
}
