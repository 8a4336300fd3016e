package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.StaffGroups;
import cn.gov.liuyang.bizenv.report.application.ListReports;
import cn.gov.liuyang.bizenv.report.application.ReadReportInputs;
import cn.gov.liuyang.bizenv.report.application.ReportStore.DownloadLink;
import cn.gov.liuyang.bizenv.report.application.RequestReport;
import cn.gov.liuyang.bizenv.report.application.SaveReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportRegistry;
import cn.gov.liuyang.bizenv.report.infrastructure.NarrativeJson;
import cn.gov.liuyang.bizenv.report.infrastructure.S3ReportStore;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.Figures;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Staff routes of the annual self-evaluation report:
 *
 * <ul>
 *   <li>{@code PUT /staff/reports/{unit}/{year}/inputs}: save staff's texts and scores as a new
 *       version
 *   <li>{@code GET /staff/reports/{unit}/{year}/inputs[?version=n]}: read them back
 *   <li>{@code POST /staff/reports/{unit}/{year}}: make (or find) the report; answer with a
 *       short-lived download link
 *   <li>{@code GET /staff/reports/{unit}/{year}}: every report made for the year, newest first,
 *       each with a fresh download link
 * </ul>
 */
public final class ReportGeneratorHandler extends HttpApiHandler {
  static final String SAVE_INPUTS = "PUT /staff/reports/{unit}/{year}/inputs";
  static final String READ_INPUTS = "GET /staff/reports/{unit}/{year}/inputs";
  static final String REQUEST_REPORT = "POST /staff/reports/{unit}/{year}";
  static final String LIST_REPORTS = "GET /staff/reports/{unit}/{year}";

  private final SaveReportInputs saveInputs;
  private final ReadReportInputs readInputs;
  private final RequestReport requestReport;
  private final ListReports listReports;

  /** Lambda's constructor: real clients and the font, once per container. */
  public ReportGeneratorHandler() {
    this(Wiring.fromEnvironment());
  }

  public ReportGeneratorHandler(
      SaveReportInputs saveInputs,
      ReadReportInputs readInputs,
      RequestReport requestReport,
      ListReports listReports) {
    this.saveInputs = saveInputs;
    this.readInputs = readInputs;
    this.requestReport = requestReport;
    this.listReports = listReports;
  }

  private ReportGeneratorHandler(Wiring wiring) {
    this(wiring.saveInputs(), wiring.readInputs(), wiring.requestReport(), wiring.listReports());
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    StaffGroups.require(event, StaffGroups.EVALUATION);
    return switch (String.valueOf(event.routeKey())) {
      case SAVE_INPUTS -> saveInputs(event);
      case READ_INPUTS -> readInputs(event);
      case REQUEST_REPORT -> requestReport(event);
      case LIST_REPORTS -> listReports(event);
      default -> throw unknownRoute(event);
    };
  }

  private HttpApiResponse saveInputs(HttpApiEvent event) {
    UnitId unit = unit(event);
    FiscalYear year = year(event);
    Author author = author(event);
    NarrativeVersion saved =
        saveInputs.save(
            new SaveReportInputs.Command(unit, year, ReportInputsRequest.parse(event), author));
    return HttpApiResponse.json(201, inputsBody(saved));
  }

  private HttpApiResponse readInputs(HttpApiEvent event) {
    UnitId unit = unit(event);
    FiscalYear year = year(event);
    Optional<Integer> version =
        event.queryParameter("version").map(ReportGeneratorHandler::version);
    return HttpApiResponse.json(
        200, inputsBody(readInputs.read(new ReadReportInputs.Query(unit, year, version))));
  }

  private HttpApiResponse requestReport(HttpApiEvent event) {
    RequestReport.Result result =
        requestReport.request(new RequestReport.Command(unit(event), year(event), author(event)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", result.report().unit().value());
    body.put("year", result.report().year().value());
    body.putAll(reportFields(result.report()));
    body.put("reused", result.reused());
    body.put("download", download(result.link()));
    return HttpApiResponse.json(result.reused() ? 200 : 201, body);
  }

  private HttpApiResponse listReports(HttpApiEvent event) {
    UnitId unit = unit(event);
    FiscalYear year = year(event);
    List<Map<String, Object>> reports =
        listReports.list(new ListReports.Query(unit, year)).stream()
            .map(
                listed -> {
                  Map<String, Object> item = reportFields(listed.report());
                  // the display name only, as the inputs routes answer savedBy; never the subject
                  item.put("generatedBy", listed.report().requestedBy().name());
                  item.put("inputsVersion", listed.report().narrativeVersion());
                  item.put("download", download(listed.link()));
                  return item;
                })
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", unit.value());
    body.put("year", year.value());
    body.put("reports", reports);
    return HttpApiResponse.json(200, body);
  }

  /** What POST and the list both say about a stored report. */
  private static Map<String, Object> reportFields(ReportRecord report) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("version", report.version());
    fields.put("fileName", report.fileName());
    fields.put("score", Figures.score(report.score()));
    fields.put("grade", report.grade().label());
    fields.put("fingerprint", report.fingerprint());
    fields.put("sizeBytes", report.sizeBytes());
    fields.put("generatedAt", report.generatedAt());
    return fields;
  }

  private static Map<String, Object> download(DownloadLink link) {
    return Map.of("url", link.url().toString(), "expiresAt", link.expiresAt());
  }

  private static Map<String, Object> inputsBody(NarrativeVersion version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", version.unit().value());
    body.put("year", version.year().value());
    body.put("version", version.version());
    body.put("savedAt", version.savedAt());
    body.put("savedBy", version.savedBy().name());
    body.put("missingForReport", version.narrative().missingForReport());
    body.put("inputs", NarrativeJson.write(version.narrative()));
    return body;
  }

  private static int version(String text) {
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException notANumber) {
      // same answer as a number below 1
    }
    throw ApiProblem.badRequest("VERSION_INVALID", "版本号应为正整数");
  }

  private static UnitId unit(HttpApiEvent event) {
    return event
        .pathParameter("unit")
        .flatMap(UnitId::parse)
        .orElseThrow(() -> ApiProblem.badRequest("UNIT_INVALID", "单位编码应为 2–40 位小写字母、数字或连字符"));
  }

  private static FiscalYear year(HttpApiEvent event) {
    return event
        .pathParameter("year")
        .flatMap(FiscalYear::parse)
        .orElseThrow(() -> ApiProblem.badRequest("YEAR_INVALID", "年度应为 2000–2100 之间的四位数字"));
  }

  /** Who is acting, from the claims API Gateway's JWT authorizer verified. */
  private static Author author(HttpApiEvent event) {
    Map<String, String> claims = event.jwtClaims();
    String subject = claims.get("sub");
    if (subject == null || subject.isBlank()) {
      throw new ApiProblem(401, "UNAUTHENTICATED", "请先登录");
    }
    String name = claims.getOrDefault("name", subject);
    return new Author(subject, name.isBlank() ? subject : name);
  }

  /** The real collaborators, built from the function's environment. */
  private record Wiring(
      SaveReportInputs saveInputs,
      ReadReportInputs readInputs,
      RequestReport requestReport,
      ListReports listReports) {

    static Wiring fromEnvironment() {
      AwsClients aws = AwsClients.fromEnvironment();
      DynamoDbClient dynamoDb = aws.dynamoDb();
      String table = Env.require("REPORTS_TABLE");
      Clock clock = Clock.systemUTC();
      DynamoDbReportInputs inputs = new DynamoDbReportInputs(dynamoDb, table);
      S3ReportStore store =
          new S3ReportStore(aws.s3(), aws.s3Presigner(), Env.require("REPORTS_BUCKET"), clock);
      DynamoDbReportRegistry registry = new DynamoDbReportRegistry(dynamoDb, table);
      Duration linkValidity = linkValidity();
      RequestReport requestReport =
          new RequestReport(
              InputsFromOtherAreas.acceptedSpending(aws),
              InputsFromOtherAreas.complaintStatistics(aws),
              inputs,
              new ClasspathIndicatorSets(),
              OpenPdfReportRenderer.withEmbeddedFont(),
              store,
              registry,
              linkValidity,
              clock);
      return new Wiring(
          new SaveReportInputs(inputs, clock),
          new ReadReportInputs(inputs),
          requestReport,
          new ListReports(registry, store, linkValidity));
    }

    /** {@code REPORT_LINK_MINUTES}: how long a download link works, 1–60 minutes (default 5). */
    static Duration linkValidity() {
      int minutes = Env.optional("REPORT_LINK_MINUTES").map(Integer::parseInt).orElse(5);
      if (minutes < 1 || minutes > 60) {
        throw new IllegalStateException("REPORT_LINK_MINUTES must be 1–60, is " + minutes);
      }
      return Duration.ofMinutes(minutes);
    }
  }
}
