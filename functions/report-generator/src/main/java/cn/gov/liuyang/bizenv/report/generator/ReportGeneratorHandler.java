package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PathParams;
import cn.gov.liuyang.bizenv.http.Staff;
import cn.gov.liuyang.bizenv.http.StaffGroups;
import cn.gov.liuyang.bizenv.http.StaffUnits;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.application.ListReports;
import cn.gov.liuyang.bizenv.report.application.ReadReportInputs;
import cn.gov.liuyang.bizenv.report.application.ReportReadiness;
import cn.gov.liuyang.bizenv.report.application.ReportStore.DownloadLink;
import cn.gov.liuyang.bizenv.report.application.RequestReport;
import cn.gov.liuyang.bizenv.report.application.SaveIndicatorSet;
import cn.gov.liuyang.bizenv.report.application.SaveReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.DynamoDbReportRegistry;
import cn.gov.liuyang.bizenv.report.infrastructure.NarrativeJson;
import cn.gov.liuyang.bizenv.report.infrastructure.S3ReportStore;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.Figures;
import cn.gov.liuyang.bizenv.report.model.MissingInput;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import cn.gov.liuyang.bizenv.spending.application.FactView;
import cn.gov.liuyang.bizenv.spending.application.ReadUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SaveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import cn.gov.liuyang.bizenv.unit.application.ReadUnits;
import cn.gov.liuyang.bizenv.unit.application.RegisterUnit;
import cn.gov.liuyang.bizenv.unit.infrastructure.DynamoDbUnits;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import cn.gov.liuyang.bizenv.unit.model.UnitKind;
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
 *   <li>{@code PUT /staff/reports/{unit}/{year}/facts}: save the unit-year facts staff enter (编制数,
 *       在职人数, 三公经费 budget, …) as a new version
 *   <li>{@code GET /staff/reports/{unit}/{year}/facts}: the facts in effect, each with its source,
 *       what the report still lacks, and every version entered
 *   <li>{@code GET|PUT /staff/indicator-sets/{year}}, {@code GET …/versions}, {@code POST …/copy}:
 *       the year's indicator set, kept by staff ({@link IndicatorSetRoutes})
 * </ul>
 *
 * <p>Every route under {@code /staff/reports/{unit}} and registering a unit act only for the units
 * the caller's token names ({@link StaffUnits}: 403 {@code UNIT_FORBIDDEN} otherwise); the list of
 * units, a unit's registration and the indicator sets (one per year, for every unit) are not
 * scoped.
 */
public final class ReportGeneratorHandler extends HttpApiHandler {
  static final String SAVE_INPUTS = "PUT /staff/reports/{unit}/{year}/inputs";
  static final String READ_INPUTS = "GET /staff/reports/{unit}/{year}/inputs";
  static final String REQUEST_REPORT = "POST /staff/reports/{unit}/{year}";
  static final String LIST_REPORTS = "GET /staff/reports/{unit}/{year}";
  static final String SAVE_FACTS = "PUT /staff/reports/{unit}/{year}/facts";
  static final String READ_FACTS = "GET /staff/reports/{unit}/{year}/facts";
  static final String READINESS = "GET /staff/reports/{unit}/{year}/readiness";
  static final String LIST_UNITS = "GET /staff/units";
  static final String READ_UNIT = "GET /staff/units/{unit}";
  static final String REGISTER_UNIT = "PUT /staff/units/{unit}";

  private final UseCases useCases;
  private final IndicatorSetRoutes indicatorSets;

  /** What the routes call: one use case a route, built once per container. */
  public record UseCases(
      SaveReportInputs saveInputs,
      ReadReportInputs readInputs,
      RequestReport requestReport,
      ListReports listReports,
      SaveUnitFacts saveFacts,
      ReadUnitFacts readFacts,
      ReportReadiness readiness,
      RegisterUnit registerUnit,
      ReadUnits readUnits,
      IndicatorSetsInForce indicatorSets,
      SaveIndicatorSet saveIndicatorSet) {}

  /** Lambda's constructor: real clients and the font, once per container. */
  public ReportGeneratorHandler() {
    this(Wiring.fromEnvironment());
  }

  public ReportGeneratorHandler(UseCases useCases) {
    this.useCases = useCases;
    this.indicatorSets =
        new IndicatorSetRoutes(useCases.indicatorSets(), useCases.saveIndicatorSet());
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    String route = String.valueOf(event.routeKey());
    if (route.equals(SAVE_FACTS) || route.equals(READ_FACTS) || route.equals(LIST_UNITS)) {
      // the facts come from the personnel office and the budget: finance may enter them too
      StaffGroups.require(event, StaffGroups.EVALUATION, StaffGroups.FINANCE);
    } else {
      StaffGroups.require(event, StaffGroups.EVALUATION);
    }
    if (IndicatorSetRoutes.ROUTES.contains(route)) {
      return indicatorSets.handle(route, event);
    }
    return switch (route) {
      case SAVE_FACTS -> saveFacts(event);
      case READ_FACTS -> readFacts(event);
      case READINESS -> readiness(event);
      case LIST_UNITS -> listUnits();
      case READ_UNIT -> readUnit(event);
      case REGISTER_UNIT -> registerUnit(event);
      case SAVE_INPUTS -> saveInputs(event);
      case READ_INPUTS -> readInputs(event);
      case REQUEST_REPORT -> requestReport(event);
      case LIST_REPORTS -> listReports(event);
      default -> throw unknownRoute(event);
    };
  }

  private HttpApiResponse saveInputs(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    Author author = author(event);
    NarrativeVersion saved =
        useCases
            .saveInputs()
            .save(
                new SaveReportInputs.Command(unit, year, ReportInputsRequest.parse(event), author));
    Map<String, Object> body = inputsBody(saved);
    body.put("missingForReport", missingForReport(unit, year));
    return HttpApiResponse.json(201, body);
  }

  private HttpApiResponse readInputs(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    Optional<Integer> version = PathParams.versionQuery(event);
    return HttpApiResponse.json(
        200,
        inputsBody(useCases.readInputs().read(new ReadReportInputs.Query(unit, year, version))));
  }

  private HttpApiResponse requestReport(HttpApiEvent event) {
    RequestReport.Result result =
        useCases
            .requestReport()
            .request(
                new RequestReport.Command(
                    StaffUnits.pathUnit(event), PathParams.year(event), author(event)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", result.report().unit().value());
    body.put("year", result.report().year().value());
    body.putAll(reportFields(result.report()));
    body.put("reused", result.reused());
    body.put("download", download(result.link()));
    return HttpApiResponse.json(result.reused() ? 200 : 201, body);
  }

  private HttpApiResponse listReports(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    List<Map<String, Object>> reports =
        useCases.listReports().list(new ListReports.Query(unit, year)).stream()
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

  private HttpApiResponse saveFacts(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    Author author = author(event);
    SaveUnitFacts.Saved saved;
    try {
      saved =
          useCases
              .saveFacts()
              .save(
                  new SaveUnitFacts.Command(
                      unit, year, UnitFactsRequest.parse(event), author.name(), author.subject()));
    } catch (SaveUnitFacts.SavedConcurrently concurrently) {
      throw ApiProblem.conflict("FACTS_SAVED_CONCURRENTLY", "其他人刚刚保存了这一年度的基本数据，请刷新后再保存", Map.of());
    }
    Map<String, Object> body = factsBody(unit, year, saved.inEffect());
    body.put("saved", versionBody(saved.version()));
    body.put("missingForReport", missingForReport(unit, year));
    return HttpApiResponse.json(201, body);
  }

  private HttpApiResponse readFacts(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    ReadUnitFacts.View view = useCases.readFacts().read(unit, year);
    Map<String, Object> body = factsBody(unit, year, view.inEffect());
    body.put("history", view.history().stream().map(ReportGeneratorHandler::versionBody).toList());
    return HttpApiResponse.json(200, body);
  }

  private static Map<String, Object> factsBody(UnitId unit, FiscalYear year, ResolvedFacts facts) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", unit.value());
    body.put("year", year.value());
    body.put("facts", FactView.all(facts));
    body.put("factsMissingForReport", facts.missingForReport().stream().map(Fact::label).toList());
    body.put("notes", facts.notes());
    return body;
  }

  private static Map<String, Object> versionBody(EnteredFacts version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version.version());
    body.put("enteredBy", version.enteredBy());
    body.put("enteredAt", version.enteredAt());
    body.put("entered", FactView.values(version.facts()));
    return body;
  }

  /** Everything the year's report still lacks, each with the step that supplies it. */
  private List<String> missingForReport(UnitId unit, FiscalYear year) {
    return useCases.readiness().missing(unit, year).stream().map(MissingInput::describe).toList();
  }

  private HttpApiResponse readiness(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    List<MissingInput> missing = useCases.readiness().missing(unit, year);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", unit.value());
    body.put("year", year.value());
    body.put("ready", missing.isEmpty());
    body.put("missingForReport", missing.stream().map(MissingInput::describe).toList());
    body.put(
        "missingInputs",
        missing.stream()
            .map(m -> Map.of("kind", m.kind().name(), "what", m.what(), "step", m.step()))
            .toList());
    return HttpApiResponse.json(200, body);
  }

  private HttpApiResponse listUnits() {
    return HttpApiResponse.json(
        200,
        Map.of(
            "units",
            useCases.readUnits().all().stream().map(ReportGeneratorHandler::unitBody).toList()));
  }

  private HttpApiResponse readUnit(HttpApiEvent event) {
    // the register of units is a directory every staff member reads (GET /staff/units lists it)
    UnitId unit = PathParams.unit(event);
    return HttpApiResponse.json(
        200,
        unitBody(
            useCases
                .readUnits()
                .one(unit)
                .orElseThrow(() -> ApiProblem.notFound("UNIT_NOT_FOUND", "单位“" + unit + "”尚未登记"))));
  }

  private HttpApiResponse registerUnit(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    Author author = author(event);
    JsonBody body = JsonBody.parse(event, 2 * 1024);
    String fullName = body.requiredText("fullName", "单位全称", 100);
    String department = body.optionalText("department", "归口部门", 100).orElse("");
    UnitKind kind =
        body.requiredValue(
            "kind", "单位类型", 20, UnitKind::parse, "KIND_INVALID", "单位类型应为 行政单位、事业单位、乡镇（街道） 或 其他");
    body.throwIfInvalid();
    RegisterUnit.Registered registered =
        useCases
            .registerUnit()
            .register(new RegisterUnit.Command(unit, fullName, department, kind, author.name()));
    return HttpApiResponse.json(registered.created() ? 201 : 200, unitBody(registered.unit()));
  }

  private static Map<String, Object> unitBody(Unit unit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unit", unit.id().value());
    body.put("fullName", unit.fullName());
    body.put("department", unit.department());
    body.put("kind", unit.kind().name());
    body.put("kindLabel", unit.kind().label());
    unit.registeredBy().ifPresent(by -> body.put("registeredBy", by));
    unit.registeredAt().ifPresent(at -> body.put("registeredAt", at.toString()));
    return body;
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
    report.indicatorSetVersion().ifPresent(set -> fields.put("indicatorSetVersion", set));
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

  /** Who is acting, from the claims API Gateway's JWT authorizer verified. */
  static Author author(HttpApiEvent event) {
    Staff staff = Staff.of(event);
    return new Author(staff.subject(), staff.displayName());
  }

  /** The real collaborators, built from the function's environment. */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      AwsClients aws = AwsClients.fromEnvironment();
      DynamoDbClient dynamoDb = aws.dynamoDb();
      String table = Env.require("REPORTS_TABLE");
      Clock clock = Clock.systemUTC();
      DynamoDbReportInputs inputs = new DynamoDbReportInputs(dynamoDb, table);
      S3ReportStore store =
          new S3ReportStore(aws.s3(), aws.s3Presigner(), Env.require("REPORTS_BUCKET"), clock);
      DynamoDbReportRegistry registry = new DynamoDbReportRegistry(dynamoDb, table);
      Duration linkValidity = linkValidity();
      AcceptedSpendingReader spending = InputsFromOtherAreas.acceptedSpending(aws);
      UnitFactsStore facts = InputsFromOtherAreas.unitFacts(aws);
      ResolveUnitFacts resolveFacts = new ResolveUnitFacts(spending, facts);
      ComplaintStatisticsReader complaints = InputsFromOtherAreas.complaintStatistics(aws);
      DynamoDbIndicatorSets storedSets = new DynamoDbIndicatorSets(dynamoDb, table);
      IndicatorSetsInForce indicatorSets =
          new IndicatorSetsInForce(storedSets, new ClasspathIndicatorSets());
      DynamoDbUnits units = new DynamoDbUnits(dynamoDb, table);
      ReportReadiness readiness =
          new ReportReadiness(
              units,
              spending,
              resolveFacts,
              complaints,
              indicatorSets,
              inputs,
              InputsFromOtherAreas.calendars(aws));
      RequestReport requestReport =
          new RequestReport(
              readiness,
              spending,
              facts,
              complaints,
              inputs,
              indicatorSets,
              OpenPdfReportRenderer.withEmbeddedFont(),
              store,
              registry,
              linkValidity,
              clock);
      return new UseCases(
          new SaveReportInputs(inputs, clock),
          new ReadReportInputs(inputs),
          requestReport,
          new ListReports(registry, store, linkValidity),
          new SaveUnitFacts(facts, resolveFacts, clock),
          new ReadUnitFacts(resolveFacts, facts),
          readiness,
          new RegisterUnit(units, clock),
          new ReadUnits(units),
          indicatorSets,
          new SaveIndicatorSet(indicatorSets, storedSets, clock));
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
