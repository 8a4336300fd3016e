package cn.gov.liuyang.bizenv.report.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.fixtures.Facts;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryIndicatorSets;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportInputs;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportRegistry;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportStore;
import cn.gov.liuyang.bizenv.report.generator.Events.Response;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUnitFacts;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.unit.fakes.InMemoryUnits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indicator set routes through the report function's handler, with in-memory stores: read the
 * set in force, copy a year, re-weight and save it, and the report of that year uses it.
 */
class IndicatorSetRoutesTest {
  static final FiscalYear Y2023 = new FiscalYear(2023);
  private static final Instant NOW = Instant.parse("2023-03-01T02:00:00Z");
  private static OpenPdfReportRenderer renderer;

  private InMemoryIndicatorSets storedSets;
  private InMemoryReportStore store;
  private ReportGeneratorHandler handler;

  @BeforeAll
  static void loadFontOnce() {
    renderer = OpenPdfReportRenderer.withEmbeddedFont();
  }

  /** The seed year's figures, for 2021 and again for 2023 (a year no shipped file knows). */
  static AcceptedSpendingReader spending2021And2023() {
    return (unit, year) ->
        year.equals(Seed2021.YEAR)
            ? Optional.of(Seed2021.spending())
            : year.equals(Y2023) ? Optional.of(spending2023()) : Optional.empty();
  }

  static AcceptedSpending spending2023() {
    return new AcceptedSpending(
        Seed2021.UNIT,
        Y2023,
        "sub-2023-0001",
        "2023年度支出明细.xlsx",
        Instant.parse("2024-01-19T02:30:00Z"),
        Seed2021.lines(),
        Facts.of(12, 11, "0.8", "1.0"));
  }

  static ComplaintStatisticsReader complaints2021And2023() {
    return year -> {
      ComplaintYearStatistics c = Seed2021.complaints();
      return new ComplaintYearStatistics(
          year,
          c.received(),
          c.receivedByKind(),
          c.accepted(),
          c.closed(),
          c.closedOnTime(),
          c.overdueOpen(),
          c.openWithDeadlineUnknown(),
          c.meetings(),
          c.difficultiesResolved(),
          c.rated(),
          c.satisfiedWithResult(),
          c.satisfiedWithService(),
          c.averageWorkingDaysToClose());
    };
  }

  @BeforeEach
  void wire() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    AcceptedSpendingReader spending = spending2021And2023();
    InMemoryReportInputs inputs = new InMemoryReportInputs();
    InMemoryUnitFacts facts = new InMemoryUnitFacts();
    InMemoryReportRegistry registry = new InMemoryReportRegistry();
    store = new InMemoryReportStore(NOW);
    storedSets = new InMemoryIndicatorSets();
    IndicatorSetsInForce sets = new IndicatorSetsInForce(storedSets, new ClasspathIndicatorSets());
    ResolveUnitFacts resolveFacts = new ResolveUnitFacts(spending, facts);
    handler =
        new ReportGeneratorHandler(
            UseCasesForTests.of(
                spending,
                complaints2021And2023(),
                inputs,
                facts,
                new InMemoryUnits(),
                sets,
                storedSets,
                UseCasesForTests.everyYear(),
                renderer,
                store,
                registry,
                Duration.ofMinutes(5),
                clock));
  }

  private Response invoke(String event) {
    return Events.invoke(handler, Events.load(event));
  }

  private Response invoke(String event, int year) {
    return Events.invoke(handler, forYear(Events.load(event), year));
  }

  static ObjectNode forYear(ObjectNode event, int year) {
    ((ObjectNode) event.path("pathParameters")).put("year", Integer.toString(year));
    return event;
  }

  /** The event with its JSON body changed. */
  static ObjectNode withBody(ObjectNode event, Consumer<ObjectNode> change) {
    try {
      ObjectNode body = (ObjectNode) Json.mapper().readTree(event.path("body").asText());
      change.accept(body);
      event.put("body", body.toString());
      return event;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void weigh(ObjectNode body, String id, int weight) {
    for (JsonNode indicator : body.path("indicators")) {
      if (indicator.path("id").asText().equals(id)) {
        ((ObjectNode) indicator).put("weight", weight);
        return;
      }
    }
    throw new AssertionError("no indicator " + id);
  }

  private static JsonNode indicator(JsonNode set, String id) {
    for (JsonNode indicator : set.path("indicators")) {
      if (indicator.path("id").asText().equals(id)) {
        return indicator;
      }
    }
    throw new AssertionError("no indicator " + id + " in " + set);
  }

  @Test
  void aYearWithOnlyTheShippedFile_readsItAsItsFirstVersion_withoutAnAuthor() {
    Response read = invoke("read-indicator-set.json");

    assertThat(read.status()).isEqualTo(200);
    JsonNode set = read.body();
    assertThat(set.path("year").asInt()).isEqualTo(2021);
    assertThat(set.path("version").asText()).isEqualTo("2021-1");
    assertThat(set.path("name").asText()).isEqualTo("2021年度部门整体支出绩效评价指标体系");
    assertThat(set.path("origin").asText()).isEqualTo("SHIPPED");
    assertThat(set.path("totalWeight").asInt()).isEqualTo(100);
    assertThat(set.path("indicators")).hasSize(19);
    assertThat(indicator(set, "staff-control").path("rule").path("deduct").decimalValue())
        .isEqualByComparingTo("0.5");
    assertThat(set.has("savedBy")).isFalse();
    assertThat(invoke("list-indicator-set-versions.json", 2021).body().path("versions"))
        .extracting(v -> v.path("version").asText())
        .containsExactly("2021-1");
  }

  @Test
  void aYearWithoutASet_is404_namingTheCopyRoute() {
    Response read = invoke("read-indicator-set.json", 2023);

    assertThat(read.status()).isEqualTo(404);
    assertThat(read.body().path("code").asText()).isEqualTo("INDICATOR_SET_NOT_FOUND");
    assertThat(read.body().path("message").asText())
        .isEqualTo("2023年度还没有绩效评价指标体系，请由往年复制（POST /staff/indicator-sets/2023/copy）");
    assertThat(invoke("list-indicator-set-versions.json").body().path("versions")).isEmpty();
  }

  @Test
  void copying2021To2023_reweighting_andSaving_givesTheReportOf2023ThatSetsVersion() {
    // GIVEN 2023's spending, complaints and texts, but no indicator set: the report names it
    Events.invoke(handler, forYear(Events.load("save-inputs.json"), 2023));
    Response refused = Events.invoke(handler, forYear(Events.load("request-report.json"), 2023));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().path("missing"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "2023年度绩效评价指标体系（指标、权重和评分规则）（由往年复制：POST /staff/indicator-sets/2023/copy，"
                + "按需修改后保存：PUT /staff/indicator-sets/2023）");

    // WHEN evaluation staff copy 2021's set into 2023
    Response copied = invoke("copy-indicator-set.json");

    // THEN 2023 has the 2021 indicators as its version 2023-1, named for 2023
    assertThat(copied.status()).as(copied.body().toString()).isEqualTo(201);
    assertThat(copied.body().path("version").asText()).isEqualTo("2023-1");
    assertThat(copied.body().path("origin").asText()).isEqualTo("COPIED");
    assertThat(copied.body().path("copiedFrom").asText()).isEqualTo("2021-1");
    assertThat(copied.body().path("name").asText()).isEqualTo("2023年度部门整体支出绩效评价指标体系");
    assertThat(copied.body().path("savedBy").asText()).isEqualTo("营商环境评价部");
    assertThat(copied.body().path("savedAt").asText()).isEqualTo("2023-03-01T02:00:00Z");
    assertThat(copied.body().toString()).doesNotContain("staff-evaluation-01");

    // WHEN they re-weight two indicators (绩效指标明确性 4 → 6, 预算完成率 10 → 8) and save
    Response saved = invoke("save-indicator-set.json");

    // THEN that is version 2023-2, in force, and the history keeps both
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
    assertThat(saved.body().path("version").asText()).isEqualTo("2023-2");
    assertThat(saved.body().path("origin").asText()).isEqualTo("SAVED");
    assertThat(saved.body().path("created").asBoolean()).isTrue();
    assertThat(indicator(saved.body(), "goal-clarity").path("weight").asInt()).isEqualTo(6);
    JsonNode inForce = invoke("read-indicator-set.json", 2023).body();
    assertThat(inForce.path("version").asText()).isEqualTo("2023-2");
    assertThat(indicator(inForce, "budget-completion").path("weight").asInt()).isEqualTo(8);
    assertThat(invoke("list-indicator-set-versions.json").body().path("versions"))
        .extracting(v -> v.path("version").asText() + " " + v.path("origin").asText())
        .containsExactly("2023-2 SAVED", "2023-1 COPIED");

    // AND the 2023 report is scored against it: 绩效指标明确性 3 of 6 → 97
    Response report = Events.invoke(handler, forYear(Events.load("request-report.json"), 2023));
    assertThat(report.status()).as(report.body().toString()).isEqualTo(201);
    assertThat(report.body().path("indicatorSetVersion").asText()).isEqualTo("2023-2");
    assertThat(report.body().path("score").asText()).isEqualTo("97");
    assertThat(report.body().path("fileName").asText()).startsWith("2023年度");

    // WHEN the set changes again, THEN asking again makes a new report version
    ObjectNode again =
        withBody(
            Events.load("save-indicator-set.json"),
            body -> {
              body.put("version", "2023-2");
              weigh(body, "goal-clarity", 4);
              weigh(body, "budget-completion", 10);
            });
    assertThat(Events.invoke(handler, again).body().path("version").asText()).isEqualTo("2023-3");
    Response second = Events.invoke(handler, forYear(Events.load("request-report.json"), 2023));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body().path("version").asInt()).isEqualTo(2);
    assertThat(second.body().path("indicatorSetVersion").asText()).isEqualTo("2023-3");
    assertThat(second.body().path("fingerprint")).isNotEqualTo(report.body().path("fingerprint"));
    assertThat(second.body().path("score").asText()).isEqualTo("99");
    assertThat(store.objects()).hasSize(2);
  }

  @Test
  void aNewVersionOfAShippedYear_isItsSecond_andChangesThatYearsReportFingerprint() {
    // GIVEN the 2021 report made with the shipped set
    Events.invoke(handler, Events.load("save-inputs.json"));
    Response first = invoke("request-report.json");
    assertThat(first.body().path("indicatorSetVersion").asText()).isEqualTo("2021-1");

    // WHEN staff save 2021's set with one change
    Response saved =
        Events.invoke(
            handler,
            withBody(
                forYear(Events.load("save-indicator-set.json"), 2021),
                body -> {
                  body.put("year", 2021);
                  body.put("version", "2021-1");
                  body.put("name", "2021年度部门整体支出绩效评价指标体系");
                }));
    Response second = invoke("request-report.json");

    // THEN the saved set is 2021-2, and the report asked again is a new version scored with it
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
    assertThat(saved.body().path("version").asText()).isEqualTo("2021-2");
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body().path("version").asInt()).isEqualTo(2);
    assertThat(second.body().path("indicatorSetVersion").asText()).isEqualTo("2021-2");
    assertThat(second.body().path("fingerprint")).isNotEqualTo(first.body().path("fingerprint"));
    assertThat(invoke("list-indicator-set-versions.json", 2021).body().path("versions"))
        .extracting(v -> v.path("version").asText())
        .containsExactly("2021-2", "2021-1");
  }

  @Test
  void savingTheSetInForceUnchanged_answers200_andMakesNoVersion() {
    invoke("copy-indicator-set.json");
    JsonNode copy = invoke("read-indicator-set.json", 2023).body();
    ObjectNode event =
        withBody(
            Events.load("save-indicator-set.json"),
            body -> {
              body.removeAll();
              body.setAll((ObjectNode) copy); // what GET answered, sent back as it is
            });

    Response unchanged = Events.invoke(handler, event);

    assertThat(unchanged.status()).as(unchanged.body().toString()).isEqualTo(200);
    assertThat(unchanged.body().path("created").asBoolean()).isFalse();
    assertThat(unchanged.body().path("version").asText()).isEqualTo("2023-1");
    assertThat(storedSets.versions(Y2023)).hasSize(1);
  }

  @Test
  void anInvalidSet_gets400_listingEveryFieldError_andChangesNothing() {
    invoke("copy-indicator-set.json");

    Response response = invoke("save-indicator-set-invalid.json");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.body().path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactlyInAnyOrder(
            "colour FIELD_UNKNOWN",
            "version VERSION_INVALID",
            "indicators[0].weight NUMBER_INVALID",
            "indicators[1].id INDICATOR_DUPLICATE",
            "indicators[2].tier TIER_UNKNOWN",
            "indicators[2].weight WEIGHT_INVALID",
            "indicators[3].weight NUMBER_INVALID",
            "indicators[3].rule.metric METRIC_UNKNOWN",
            "indicators[3].rule.direction DIRECTION_UNKNOWN",
            "indicators[3].rule.bound BOUND_INVALID",
            "indicators[3].rule.deduct DEDUCT_INVALID",
            "indicators[3].rule.per PER_INVALID",
            "indicators[4].id ID_INVALID",
            "indicators[4].name NAME_DUPLICATE",
            "indicators[4].rule.type RULE_UNKNOWN",
            "indicators[5].note FIELD_UNKNOWN",
            "indicators[5].rule.cap FIELD_UNKNOWN",
            "indicators[5].rule.bound NUMBER_INVALID",
            "indicators[5].rule.deduct DEDUCT_INVALID");
    assertThat(response.body().path("errors"))
        .allSatisfy(e -> assertThat(e.path("message").asText()).isNotBlank());
    assertThat(storedSets.versions(Y2023)).hasSize(1);
    assertThat(invoke("read-indicator-set.json", 2023).body().path("version").asText())
        .isEqualTo("2023-1");
  }

  @Test
  void weightsNotAddingUp_gets400_andTheSetInForceStays() {
    ObjectNode event =
        withBody(Events.load("save-indicator-set.json"), body -> weigh(body, "goal-clarity", 7));
    invoke("copy-indicator-set.json");

    Response response = Events.invoke(handler, event);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("errors").get(0).path("code").asText())
        .isEqualTo("WEIGHTS_TOTAL_INVALID");
    assertThat(response.body().path("errors").get(0).path("message").asText())
        .isEqualTo("各指标分值合计应为 100 分，现为 101 分（投入 15、过程 58、产出 16、效果 12）");
    assertThat(storedSets.versions(Y2023)).hasSize(1);
  }

  @Test
  void savingOverAVersionSomeoneReplaced_is409() {
    invoke("copy-indicator-set.json");
    invoke("save-indicator-set.json"); // 2023-2, based on 2023-1

    Response stale = invoke("save-indicator-set.json"); // still based on 2023-1

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().path("code").asText()).isEqualTo("INDICATOR_SET_CHANGED");
    assertThat(stale.body().path("versionInForce").asText()).isEqualTo("2023-2");
    assertThat(storedSets.versions(Y2023)).hasSize(2);
  }

  @Test
  void copyingOntoAYearThatHasASet_is409_andABadCopyBodyIs400() {
    invoke("copy-indicator-set.json");

    Response twice = invoke("copy-indicator-set.json");
    Response ontoShipped = invoke("copy-indicator-set.json", 2026);
    Response sameYear =
        Events.invoke(
            handler,
            withBody(
                forYear(Events.load("copy-indicator-set.json"), 2024),
                body -> body.put("fromYear", 2024)));
    Response notAYear =
        Events.invoke(
            handler,
            withBody(
                forYear(Events.load("copy-indicator-set.json"), 2024),
                body -> body.put("fromYear", "二〇二一").put("toYear", 2024)));
    Response fromNothing =
        Events.invoke(
            handler,
            withBody(
                forYear(Events.load("copy-indicator-set.json"), 2024),
                body -> body.put("fromYear", 2019)));

    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().path("code").asText()).isEqualTo("INDICATOR_SET_EXISTS");
    assertThat(ontoShipped.status()).isEqualTo(409);
    assertThat(ontoShipped.body().path("versionInForce").asText()).isEqualTo("2026-2");
    assertThat(sameYear.body().path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactly("fromYear SAME_YEAR");
    assertThat(notAYear.body().path("errors"))
        .extracting(e -> e.path("field").asText() + " " + e.path("code").asText())
        .containsExactlyInAnyOrder("fromYear YEAR_INVALID", "toYear FIELD_UNKNOWN");
    assertThat(fromNothing.status()).isEqualTo(404);
    assertThat(fromNothing.body().path("code").asText()).isEqualTo("COPY_SOURCE_NOT_FOUND");
    assertThat(storedSets.versions(Y2023)).hasSize(1);
    assertThat(storedSets.versions(new FiscalYear(2024))).isEmpty();
    assertThat(storedSets.versions(new FiscalYear(2026))).isEmpty();
  }

  @Test
  void onlyEvaluationStaff_mayReadOrChangeSets() {
    ObjectNode byFinance = Events.load("save-indicator-set.json");
    ((ObjectNode) byFinance.at("/requestContext/authorizer/jwt/claims"))
        .put("cognito:groups", "[finance]");
    ObjectNode anonymous = Events.load("copy-indicator-set.json");
    ((ObjectNode) anonymous.path("requestContext")).remove("authorizer");

    Response forbidden = Events.invoke(handler, byFinance);
    Response unauthenticated = Events.invoke(handler, anonymous);

    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.body().path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(storedSets.versions(Y2023)).isEmpty();
  }

  @Test
  void aBadYearInThePath_is400() {
    Response response = invoke("read-indicator-set.json", 1999);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().path("code").asText()).isEqualTo("YEAR_INVALID");
  }
}
