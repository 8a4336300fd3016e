package cn.gov.liuyang.bizenv.report.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.generator.Events.Response;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportRegistry;
import cn.gov.liuyang.bizenv.report.infrastructure.S3ReportStore;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUnitFacts;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A new year's indicator set through the report function on the local cloud (the template's reports
 * table and bucket): copied from 2021, re-weighted, saved, and used by that year's report.
 */
class IndicatorSetsIT {
  private static final String UNIT = "indicator-sets-it";

  @Test
  void copying2021To2023_reweightingAndSaving_isWhatThe2023ReportIsScoredAgainst() {
    LocalCloud cloud = LocalCloud.shared();
    Map<String, String> env = cloud.environmentFor("ReportGeneratorFunction");
    AwsClients aws = Env.withVariables(env, AwsClients::fromEnvironment);
    DynamoDbIndicatorSets stored =
        new DynamoDbIndicatorSets(aws.dynamoDb(), env.get("REPORTS_TABLE"));
    ReportGeneratorHandler handler = handler(env, aws);

    // WHEN staff copy 2021 into 2023 and save it re-weighted (绩效指标明确性 6, 预算完成率 8)
    Response copied = Events.invoke(handler, Events.load("copy-indicator-set.json"));
    Response invalid = Events.invoke(handler, Events.load("save-indicator-set-invalid.json"));
    Response saved = Events.invoke(handler, Events.load("save-indicator-set.json"));

    // THEN both versions are in DynamoDB, the invalid body changed nothing
    assertThat(copied.status()).as(copied.body().toString()).isEqualTo(201);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
    assertThat(stored.versions(IndicatorSetRoutesTest.Y2023))
        .extracting(v -> v.set().version())
        .containsExactly("2023-2", "2023-1");
    Response versions = Events.invoke(handler, Events.load("list-indicator-set-versions.json"));
    assertThat(versions.body().path("versions"))
        .extracting(v -> v.path("version").asText() + " " + v.path("savedBy").asText())
        .containsExactly("2023-2 营商环境评价部", "2023-1 营商环境评价部");

    // AND the 2023 report uses version 2023-2: 绩效指标明确性 3 of 6 → 97, recorded with it
    Events.invoke(handler, at(Events.load("save-inputs.json"), 2023));
    Response report = Events.invoke(handler, at(Events.load("request-report.json"), 2023));
    assertThat(report.status()).as(report.body().toString()).isEqualTo(201);
    assertThat(report.body().path("indicatorSetVersion").asText()).isEqualTo("2023-2");
    assertThat(report.body().path("score").asText()).isEqualTo("97");
    Response listed = Events.invoke(handler, at(Events.load("list-reports.json"), 2023));
    assertThat(listed.body().path("reports"))
        .extracting(r -> r.path("indicatorSetVersion").asText())
        .containsExactly("2023-2");

    // AND a further version makes a new report when asked again
    ObjectNode next =
        IndicatorSetRoutesTest.withBody(
            Events.load("save-indicator-set.json"),
            body -> {
              body.put("version", "2023-2");
              IndicatorSetRoutesTest.weigh(body, "goal-clarity", 4);
              IndicatorSetRoutesTest.weigh(body, "budget-completion", 10);
            });
    assertThat(Events.invoke(handler, next).status()).isEqualTo(201);
    Response again = Events.invoke(handler, at(Events.load("request-report.json"), 2023));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body().path("version").asInt()).isEqualTo(2);
    assertThat(again.body().path("indicatorSetVersion").asText()).isEqualTo("2023-3");
    assertThat(again.body().path("fingerprint")).isNotEqualTo(report.body().path("fingerprint"));
  }

  @Test
  void lambdasConstructor_readsTheShippedSet_andStoresCopiesInTheTemplatesTable() {
    LocalCloud cloud = LocalCloud.shared();
    Map<String, String> env = cloud.environmentFor("ReportGeneratorFunction");
    ReportGeneratorHandler handler = Env.withVariables(env, ReportGeneratorHandler::new);

    Response shipped = Events.invoke(handler, Events.load("read-indicator-set.json"));
    Response copied =
        Events.invoke(
            handler, IndicatorSetRoutesTest.forYear(Events.load("copy-indicator-set.json"), 2030));

    assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(200);
    assertThat(shipped.body().path("version").asText()).isEqualTo("2021-1");
    assertThat(copied.status()).as(copied.body().toString()).isEqualTo(201);
    AwsClients aws = Env.withVariables(env, AwsClients::fromEnvironment);
    assertThat(
            new DynamoDbIndicatorSets(aws.dynamoDb(), env.get("REPORTS_TABLE"))
                .latest(new FiscalYear(2030)))
        .hasValueSatisfying(v -> assertThat(v.copiedFrom()).contains("2021-1"));
  }

  private static ObjectNode at(ObjectNode event, int year) {
    Events.forUnit(event, UNIT);
    ((ObjectNode) event.path("pathParameters")).put("year", Integer.toString(year));
    return event;
  }

  private static ReportGeneratorHandler handler(Map<String, String> env, AwsClients aws) {
    // clients built in the function's environment: IamPolicyIT counts their calls as its own
    DynamoDbClient dynamoDb = Env.withVariables(env, aws::dynamoDb);
    String table = env.get("REPORTS_TABLE");
    Clock clock = Clock.systemUTC();
    DynamoDbReportInputs inputs = new DynamoDbReportInputs(dynamoDb, table);
    DynamoDbReportRegistry registry = new DynamoDbReportRegistry(dynamoDb, table);
    S3ReportStore store =
        new S3ReportStore(
            Env.withVariables(env, aws::s3),
            Env.withVariables(env, aws::s3Presigner),
            env.get("REPORTS_BUCKET"),
            clock);
    Duration linkValidity = Duration.ofMinutes(5);
    AcceptedSpendingReader spending = IndicatorSetRoutesTest.spending2021And2023();
    InMemoryUnitFacts facts = new InMemoryUnitFacts();
    ResolveUnitFacts resolveFacts = new ResolveUnitFacts(spending, facts);
    DynamoDbIndicatorSets storedSets = new DynamoDbIndicatorSets(dynamoDb, table);
    IndicatorSetsInForce sets = new IndicatorSetsInForce(storedSets, new ClasspathIndicatorSets());
    return new ReportGeneratorHandler(
        UseCasesForTests.of(
            spending,
            IndicatorSetRoutesTest.complaints2021And2023(),
            inputs,
            facts,
            UseCasesForTests.units(UNIT),
            sets,
            storedSets,
            UseCasesForTests.everyYear(),
            OpenPdfReportRenderer.withEmbeddedFont(),
            store,
            registry,
            linkValidity,
            clock));
  }
}
