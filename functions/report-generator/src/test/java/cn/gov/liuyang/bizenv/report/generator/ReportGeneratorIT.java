package cn.gov.liuyang.bizenv.report.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.generator.Events.Response;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportRegistry;
import cn.gov.liuyang.bizenv.report.infrastructure.S3ReportStore;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUnitFacts;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.unit.infrastructure.DynamoDbUnits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The report flow against the local DynamoDB and S3 with the tables and bucket from template.yaml.
 * Spending and complaint figures come from the seed fixture: their DynamoDB adapters belong to the
 * spending and complaint areas and are wired in {@link InputsFromOtherAreas} at merge.
 */
class ReportGeneratorIT {

  @Test
  void staffSaveInputs_requestTheReport_andDownloadItUnderItsChineseName() throws Exception {
    // GIVEN the function as Lambda would run it, on the local cloud
    LocalCloud cloud = LocalCloud.shared();
    Map<String, String> env = cloud.environmentFor("ReportGeneratorFunction");
    AwsClients aws = Env.withVariables(env, AwsClients::fromEnvironment);
    DynamoDbClient dynamoDb = aws.dynamoDb();
    String table = env.get("REPORTS_TABLE");
    DynamoDbReportInputs inputs = new DynamoDbReportInputs(dynamoDb, table);
    DynamoDbReportRegistry registry = new DynamoDbReportRegistry(dynamoDb, table);
    ReportGeneratorHandler handler = handlerWithSeedFigures(env, aws);

    // WHEN staff save their texts twice and ask for the report twice
    Response saved = Events.invoke(handler, Events.load("save-inputs.json"));
    Response savedAgain = Events.invoke(handler, Events.load("save-inputs.json"));
    Response report = Events.invoke(handler, Events.load("request-report.json"));
    Response again = Events.invoke(handler, Events.load("request-report.json"));

    // THEN each save is a new version, kept in DynamoDB
    assertThat(saved.status()).isEqualTo(201);
    assertThat(savedAgain.body().path("version").asInt())
        .isEqualTo(saved.body().path("version").asInt() + 1);
    assertThat(inputs.version(Seed2021.UNIT, Seed2021.YEAR, saved.body().path("version").asInt()))
        .isPresent();

    // AND the report is made once, recorded with its fingerprint, and found again
    assertThat(report.status()).as(report.body().toString()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("version")).isEqualTo(report.body().path("version"));
    assertThat(
            registry.findByFingerprint(
                Seed2021.UNIT, Seed2021.YEAR, report.body().path("fingerprint").asText()))
        .hasValueSatisfying(record -> assertThat(record.grade().label()).isEqualTo("优"));

    // AND the presigned link downloads the PDF under its Chinese file name
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(again.body().path("download").path("url").asText()))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("content-type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("content-disposition").orElseThrow())
        .startsWith("attachment; filename=\"lyyshj-2021-v")
        .contains("filename*=UTF-8''2021%E5%B9%B4%E5%BA%A6%E6%B5%8F%E9%98%B3%E5%B8%82") // 2021年度浏阳市
        .endsWith(".pdf");
    assertThat(new String(download.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat((long) download.body().length).isEqualTo(report.body().path("sizeBytes").asLong());
  }

  @Test
  void staffListTheYearsReportVersions_andDownloadTheOlderOneAgainThroughItsNewLink()
      throws Exception {
    // GIVEN two reports of a unit's year, made from different texts, the first downloaded then
    LocalCloud cloud = LocalCloud.shared();
    Map<String, String> env = cloud.environmentFor("ReportGeneratorFunction");
    ReportGeneratorHandler handler =
        handlerWithSeedFigures(env, Env.withVariables(env, AwsClients::fromEnvironment));
    String unit = "versions-check";
    assertThat(Events.invoke(handler, forUnit(Events.load("register-unit.json"), unit)).status())
        .isBetween(200, 201);
    Events.invoke(handler, forUnit(Events.load("save-inputs.json"), unit));
    Response first = Events.invoke(handler, forUnit(Events.load("request-report.json"), unit));
    String firstSha256 = sha256(download(first.body().path("download")).body());
    ObjectNode edited = forUnit(Events.load("save-inputs.json"), unit);
    ObjectNode texts = (ObjectNode) Json.mapper().readTree(edited.path("body").asText());
    ((ObjectNode) texts.path("sections")).put("problems", "（一）项目预算执行仍需加强。");
    edited.put("body", texts.toString());
    Events.invoke(handler, edited);
    Response second = Events.invoke(handler, forUnit(Events.load("request-report.json"), unit));

    // WHEN evaluation staff list the year's reports
    Response listed = Events.invoke(handler, forUnit(Events.load("list-reports.json"), unit));

    // THEN both versions are listed from DynamoDB, the newer first
    assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
    assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
    assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
    JsonNode reports = listed.body().path("reports");
    assertThat(reports).extracting(r -> r.path("version").asInt()).containsExactly(2, 1);
    assertThat(reports)
        .extracting(r -> r.path("fingerprint"))
        .containsExactly(second.body().path("fingerprint"), first.body().path("fingerprint"));

    // AND the older one's fresh link downloads exactly the bytes made then, under its own name
    HttpResponse<byte[]> again = download(reports.get(1).path("download"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("content-disposition").orElseThrow())
        .startsWith("attachment; filename=\"versions-check-2021-v0001.pdf\"");
    assertThat(sha256(again.body())).isEqualTo(firstSha256);
    assertThat(sha256(download(reports.get(0).path("download")).body())).isNotEqualTo(firstSha256);
  }

  @Test
  void aGeneratedReport_isCountedWithItsDuration_aReusedOneIsNot() throws Exception {
    LocalCloud cloud = LocalCloud.shared();
    Map<String, String> env = cloud.environmentFor("ReportGeneratorFunction");
    ReportGeneratorHandler handler =
        handlerWithSeedFigures(env, Env.withVariables(env, AwsClients::fromEnvironment));
    String unit = "metrics-check";
    Events.invoke(handler, forUnit(Events.load("register-unit.json"), unit));
    Events.invoke(handler, forUnit(Events.load("save-inputs.json"), unit));

    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream logs = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(logs, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      Events.invoke(handler, forUnit(Events.load("request-report.json"), unit));
      Events.invoke(handler, forUnit(Events.load("request-report.json"), unit));
    } finally {
      System.setOut(out);
    }

    java.util.List<String> metrics = new java.util.ArrayList<>();
    for (String line : logs.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      if (line.contains("\"_aws\"")) {
        JsonNode json = cn.gov.liuyang.bizenv.common.Json.mapper().readTree(line);
        String name =
            json.path("_aws")
                .path("CloudWatchMetrics")
                .get(0)
                .path("Metrics")
                .get(0)
                .path("Name")
                .asText();
        assertThat(json.path(name).isNumber()).as(name).isTrue();
        metrics.add(name);
      }
    }
    assertThat(metrics).containsExactly("ReportsGenerated", "ReportDuration");
  }

  @Test
  void lambdasConstructor_wiresItselfFromTheTemplatesEnvironment() {
    // GIVEN the handler built as Lambda builds it, with exactly the variables template.yaml
    // declares
    LocalCloud cloud = LocalCloud.shared();
    ReportGeneratorHandler handler =
        Env.withVariables(
            cloud.environmentFor("ReportGeneratorFunction"), ReportGeneratorHandler::new);
    ObjectNode event = forUnit(Events.load("save-inputs.json"), "wiring-check");

    // WHEN staff save texts and read them back
    Response saved = Events.invoke(handler, event);
    ObjectNode read = forUnit(Events.load("read-inputs.json"), "wiring-check");
    Response readBack = Events.invoke(handler, read);

    // THEN the texts went to the template's reports table
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
    assertThat(readBack.status()).isEqualTo(200);
    assertThat(readBack.body().path("version")).isEqualTo(saved.body().path("version"));

    // AND listing its reports reads the same table: none made yet
    Response listed =
        Events.invoke(handler, forUnit(Events.load("list-reports.json"), "wiring-check"));
    assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
    assertThat(listed.body().path("reports").isArray()).isTrue();
    assertThat(listed.body().path("reports")).isEmpty();
  }

  /**
   * The handler on the template's table and bucket, with the seed year's spending and complaints.
   */
  private static ReportGeneratorHandler handlerWithSeedFigures(
      Map<String, String> env, AwsClients aws) {
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
    Duration linkValidity = Duration.ofMinutes(Integer.parseInt(env.get("REPORT_LINK_MINUTES")));
    AcceptedSpendingReader spending =
        (unit, year) -> Optional.of(Seed2021.spending()).filter(s -> s.year().equals(year));
    InMemoryUnitFacts facts = new InMemoryUnitFacts();
    DynamoDbIndicatorSets storedSets = new DynamoDbIndicatorSets(dynamoDb, table);
    IndicatorSetsInForce indicatorSets =
        new IndicatorSetsInForce(storedSets, new ClasspathIndicatorSets());
    return new ReportGeneratorHandler(
        UseCasesForTests.of(
            spending,
            year -> Seed2021.complaints(),
            inputs,
            facts,
            new DynamoDbUnits(dynamoDb, table),
            indicatorSets,
            storedSets,
            OpenPdfReportRenderer.withEmbeddedFont(),
            store,
            registry,
            linkValidity,
            clock));
  }

  private static ObjectNode forUnit(ObjectNode event, String unit) {
    return Events.forUnit(event, unit);
  }

  private static HttpResponse<byte[]> download(JsonNode link) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(link.path("url").asText())).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
