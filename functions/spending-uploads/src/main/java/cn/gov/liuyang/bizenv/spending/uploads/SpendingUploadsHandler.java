package cn.gov.liuyang.bizenv.spending.uploads;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.ContentDisposition;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PathParams;
import cn.gov.liuyang.bizenv.http.Staff;
import cn.gov.liuyang.bizenv.http.StaffGroups;
import cn.gov.liuyang.bizenv.http.StaffUnits;
import cn.gov.liuyang.bizenv.ledger.application.LedgerSubmissionQueries;
import cn.gov.liuyang.bizenv.ledger.application.RequestLedgerUpload;
import cn.gov.liuyang.bizenv.ledger.infrastructure.DynamoDbLedgerSubmissions;
import cn.gov.liuyang.bizenv.spending.application.AdoptCheckedSubmission;
import cn.gov.liuyang.bizenv.spending.application.ComparisonView;
import cn.gov.liuyang.bizenv.spending.application.FiguresView;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.ReadSpendingFigures;
import cn.gov.liuyang.bizenv.spending.application.RequestUpload;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.application.SubmissionQueries;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbUnitFacts;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelTemplateWriter;
import cn.gov.liuyang.bizenv.spending.infrastructure.S3SpendingFiles;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Staff routes of the spending import: ask for an upload link (to import, or only to check), read a
 * submission's outcome (with signed links to its result files), adopt a checked submission, read
 * the figures by project and economic item (JSON or a workbook in the template's layout) and what
 * adopting would change, list a year's submissions, download the template workbook.
 */
public final class SpendingUploadsHandler extends HttpApiHandler {
  private final UseCases useCases;
  private final LedgerRoutes ledgers;

  /** What the routes call: one use case a route, built once per container. */
  public record UseCases(
      RequestUpload requestUpload,
      SubmissionQueries submissions,
      SpendingWorkbooks workbooks,
      ReadSpendingFigures figures,
      AdoptCheckedSubmission adopt,
      RequestLedgerUpload requestLedgerUpload,
      LedgerSubmissionQueries ledgerSubmissions) {}

  /**
   * Lambda's constructor: clients and names from the function's environment, once per container.
   */
  public SpendingUploadsHandler() {
    this(Wiring.fromEnvironment());
  }

  public SpendingUploadsHandler(UseCases useCases) {
    this.useCases = useCases;
    this.ledgers = new LedgerRoutes(useCases.requestLedgerUpload(), useCases.ledgerSubmissions());
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    if (event.routeKey().contains(" /staff/ledgers/")) {
      // a unit's complaint ledger: the complaint officers keep it, evaluation reports from it
      StaffGroups.require(event, StaffGroups.COMPLAINT_OFFICER, StaffGroups.EVALUATION);
      return switch (event.routeKey()) {
        case "POST /staff/ledgers/uploads" -> ledgers.requestUpload(event);
        case "GET /staff/ledgers/submissions/{submissionId}" -> ledgers.submission(event);
        default -> throw unknownRoute(event);
      };
    }
    StaffGroups.require(event, StaffGroups.FINANCE);
    return switch (event.routeKey()) {
      case "POST /staff/spending/uploads" -> requestUpload(event);
      case "GET /staff/spending/submissions/{submissionId}" -> submission(event);
      case "POST /staff/spending/submissions/{submissionId}/adoption" -> adopt(event);
      case "GET /staff/spending/submissions/{submissionId}/figures" -> submissionFigures(event);
      case "GET /staff/spending/submissions/{submissionId}/comparison" -> comparison(event);
      case "GET /staff/spending/units/{unit}/years/{year}/figures" -> figuresInForce(event);
      case "GET /staff/spending/units/{unit}/years/{year}/submissions" -> yearSubmissions(event);
      case "GET /staff/spending/template" -> template(event);
      default -> throw unknownRoute(event);
    };
  }

  private HttpApiResponse requestUpload(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, 4 * 1024);
    UnitId unit =
        body.requiredValue(
            "unit", "单位代码", 40, UnitId::parse, "UNIT_INVALID", "单位代码应为小写字母、数字或连字符，如 lyyshj");
    FiscalYear year = year(body);
    String fileName = body.requiredText("fileName", "文件名", 200);
    UploadKey.FileFormat format = null;
    if (fileName != null) {
      format = UploadKey.FileFormat.ofFileName(fileName).orElse(null);
      if (format == null) {
        body.reject("fileName", "FILE_TYPE_UNSUPPORTED", unsupportedFileMessage(fileName));
      }
    }
    long size = size(body);
    boolean dryRun = body.optionalBoolean("dryRun", "是否预检").orElse(false);
    body.throwIfInvalid();
    StaffUnits.require(event, unit);
    RequestUpload.Ticket ticket =
        useCases
            .requestUpload()
            .request(
                new RequestUpload.Command(
                    unit,
                    year,
                    fileName,
                    format,
                    size,
                    Staff.of(event).subject(),
                    dryRun ? SubmissionKind.CHECK : SubmissionKind.IMPORT));
    return HttpApiResponse.json(
        201,
        Map.of(
            "submissionId",
            ticket.submissionId().value(),
            "status",
            "AWAITING_UPLOAD",
            "kind",
            dryRun ? SubmissionKind.CHECK.name() : SubmissionKind.IMPORT.name(),
            "upload",
            Map.of(
                "url", ticket.upload().url().toString(),
                "method", ticket.upload().method(),
                "headers", ticket.upload().headers(),
                "expiresAt", ticket.upload().expiresAt().toString()),
            "statusPath",
            "/staff/spending/submissions/" + ticket.submissionId().value()));
  }

  /** Why a file type is refused, and how to save it so it is accepted. */
  static String unsupportedFileMessage(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".et") || lower.endsWith(".ett")) {
      return "WPS 表格（.et）文件不能直接上传：请在 WPS 中点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”后上传";
    }
    if (lower.endsWith(".ods")) {
      return "OpenDocument 表格（.ods）不能直接上传：请用 WPS、LibreOffice 或 Excel“另存为”Excel 工作簿（.xlsx）后上传";
    }
    return "只接受 .xlsx、.xls 或 .csv 文件：请“另存为”Excel 工作簿（.xlsx）后上传";
  }

  static FiscalYear year(JsonBody body) {
    JsonNode raw = body.raw("year");
    if (raw == null || raw.isNull()) {
      body.reject("year", "REQUIRED", "请填写预算年度");
      return null;
    }
    Optional<FiscalYear> year =
        raw.canConvertToInt() && raw.isIntegralNumber()
            ? FiscalYear.parse(Integer.toString(raw.intValue()))
            : raw.isTextual() ? FiscalYear.parse(raw.asText()) : Optional.empty();
    if (year.isEmpty()) {
      body.reject("year", "YEAR_INVALID", "预算年度应为 2000 至 2100 之间的四位年份");
      return null;
    }
    return year.get();
  }

  static long size(JsonBody body) {
    JsonNode raw = body.raw("size");
    if (raw == null || raw.isNull()) {
      body.reject("size", "REQUIRED", "请提供文件大小（字节）");
      return 0;
    }
    // canConvertToLong before longValue: 2^64+5 must not be read as 5
    if (!raw.isIntegralNumber() || !raw.canConvertToLong() || raw.longValue() <= 0) {
      body.reject("size", "SIZE_INVALID", "文件大小应为正整数（字节）");
      return 0;
    }
    if (raw.longValue() > IngestUpload.MAX_BYTES) {
      body.reject(
          "size",
          "FILE_TOO_LARGE",
          "文件超过 " + (IngestUpload.MAX_BYTES >> 20) + " MB：请只保留支出明细和基本信息后上传");
      return 0;
    }
    return raw.longValue();
  }

  private HttpApiResponse submission(HttpApiEvent event) {
    SubmissionId id = PathParams.submissionId(event);
    SubmissionQueries.View view =
        useCases
            .submissions()
            .find(id, StaffUnits.of(event))
            .orElseThrow(() -> ApiProblem.notFound("SUBMISSION_NOT_FOUND", "没有这个提交编号"));
    return HttpApiResponse.json(200, SubmissionJson.of(view));
  }

  private HttpApiResponse adopt(HttpApiEvent event) {
    SubmissionId id = PathParams.submissionId(event);
    Optional<Optional<SubmissionId>> confirmed = Optional.empty();
    if (event.bodyBytes().length > 0) {
      JsonBody body = JsonBody.parse(event, 1024);
      if (body.raw("expectedCurrent") != null) {
        confirmed =
            Optional.of(
                body.optionalValue(
                    "expectedCurrent",
                    "在用数据的提交编号",
                    40,
                    SubmissionId::parse,
                    "SUBMISSION_ID_INVALID",
                    "提交编号格式不正确"));
      }
      body.throwIfInvalid();
    }
    String by = Staff.of(event).displayName();
    AdoptCheckedSubmission.Outcome outcome =
        useCases
            .adopt()
            .adopt(new AdoptCheckedSubmission.Command(id, confirmed, by, StaffUnits.of(event)));
    if (outcome instanceof AdoptCheckedSubmission.Adopted adopted) {
      return HttpApiResponse.json(200, adoptedBody(adopted.submission(), false));
    }
    if (outcome instanceof AdoptCheckedSubmission.AlreadyInForce already) {
      return HttpApiResponse.json(200, adoptedBody(already.submission(), true));
    }
    if (outcome instanceof AdoptCheckedSubmission.NotAdoptable refused) {
      throw ApiProblem.conflict(refused.code(), refused.message(), Map.of());
    }
    if (outcome instanceof AdoptCheckedSubmission.FiguresChanged changed) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("currentSubmissionId", changed.current().map(SubmissionId::value).orElse(null));
      details.put("comparison", ComparisonView.of(changed.comparison()));
      throw ApiProblem.conflict(
          "FIGURES_CHANGED", "预检之后在用数据已有变化：请核对与现在在用数据的对比，确认后带上 expectedCurrent 再次启用", details);
    }
    throw ApiProblem.notFound("SUBMISSION_NOT_FOUND", "没有这个提交编号");
  }

  private static Map<String, Object> adoptedBody(Submission submission, boolean alreadyInForce) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("submissionId", submission.id().value());
    body.put("unit", submission.unit().value());
    body.put("year", submission.year().value());
    body.put("current", true);
    body.put("alreadyInForce", alreadyInForce);
    submission
        .adoption()
        .ifPresent(
            adoption -> {
              body.put("adoptedAt", adoption.at().toString());
              body.put("adoptedBy", adoption.by());
            });
    return body;
  }

  private HttpApiResponse submissionFigures(HttpApiEvent event) {
    ReadSpendingFigures.OfSubmission found =
        useCases.figures().ofSubmission(PathParams.submissionId(event), StaffUnits.of(event));
    if (found instanceof ReadSpendingFigures.Found figuresFound) {
      return figuresResponse(event, figuresFound.figures());
    }
    if (found instanceof ReadSpendingFigures.NoFigures none) {
      throw ApiProblem.conflict(
          "NO_FIGURES",
          "这份提交没有可用的数据（" + none.submission().status().label() + "）：只有通过校验的提交才有明细数据",
          Map.of("status", none.submission().status().name()));
    }
    throw ApiProblem.notFound("SUBMISSION_NOT_FOUND", "没有这个提交编号");
  }

  private HttpApiResponse figuresInForce(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    return figuresResponse(
        event,
        useCases
            .figures()
            .inForce(unit, year)
            .orElseThrow(
                () -> ApiProblem.notFound("NO_FIGURES_IN_FORCE", year + " 年度还没有通过校验并启用的支出数据")));
  }

  /** The figures as JSON, or with {@code ?format=xlsx} as a workbook in the template's layout. */
  private HttpApiResponse figuresResponse(HttpApiEvent event, ReadSpendingFigures.Figures found) {
    String format = event.queryParameter("format").orElse("json");
    if (format.equals("json")) {
      return HttpApiResponse.json(200, FiguresView.of(found));
    }
    if (!format.equals("xlsx")) {
      throw ApiProblem.badRequest("FORMAT_INVALID", "format 只能是 json 或 xlsx");
    }
    String fileName =
        found.spending().year()
            + "年度支出数据（"
            + (found.current() ? "在用" : "提交 " + found.spending().submissionId().substring(0, 8))
            + "）.xlsx";
    return workbook(
        useCases.workbooks().of(found), fileName, "spending-" + found.spending().year() + ".xlsx");
  }

  private HttpApiResponse comparison(HttpApiEvent event) {
    SubmissionId id = PathParams.submissionId(event);
    Submission submission =
        useCases
            .submissions()
            .find(id, StaffUnits.of(event))
            .map(SubmissionQueries.View::submission)
            .orElseThrow(() -> ApiProblem.notFound("SUBMISSION_NOT_FOUND", "没有这个提交编号"));
    return HttpApiResponse.json(
        200,
        ComparisonView.of(
            useCases
                .figures()
                .comparison(submission)
                .orElseThrow(
                    () ->
                        ApiProblem.conflict(
                            "NO_FIGURES",
                            "这份提交没有可用的数据（" + submission.status().label() + "）：只有通过校验的提交才能对比",
                            Map.of("status", submission.status().name())))));
  }

  private HttpApiResponse yearSubmissions(HttpApiEvent event) {
    UnitId unit = StaffUnits.pathUnit(event);
    FiscalYear year = PathParams.year(event);
    SubmissionQueries.YearView view = useCases.submissions().list(unit, year);
    return HttpApiResponse.json(
        200,
        Map.of(
            "unit", unit.value(),
            "year", year.value(),
            "currentSubmissionId", view.current().map(SubmissionId::value).orElse(""),
            "submissions",
                view.submissions().stream()
                    .map(
                        s ->
                            SubmissionJson.summary(
                                s, view.current().map(s.id()::equals).orElse(false)))
                    .toList()));
  }

  private HttpApiResponse template(HttpApiEvent event) {
    FiscalYear year =
        PathParams.yearQuery(event)
            .orElseGet(() -> new FiscalYear(Year.now(ZoneOffset.ofHours(8)).getValue() - 1));
    return workbook(
        useCases.workbooks().blank(year),
        year + "年度部门支出明细表（模板）.xlsx",
        "spending-template-" + year + ".xlsx");
  }

  private static HttpApiResponse workbook(byte[] bytes, String fileName, String asciiName) {
    return new HttpApiResponse(
        200,
        Map.of(
            "content-type",
            UploadKey.FileFormat.XLSX.contentType(),
            "content-disposition",
            ContentDisposition.attachment(fileName, asciiName),
            "cache-control",
            "no-store"),
        Base64.getEncoder().encodeToString(bytes),
        true);
  }

  /** The real collaborators, built from the function's environment. */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      AwsClients clients = AwsClients.fromEnvironment();
      String table = Env.require("SPENDING_TABLE");
      Clock clock = Clock.systemUTC();
      DynamoDbSpending store = new DynamoDbSpending(clients.dynamoDb(), table);
      S3SpendingFiles files =
          new S3SpendingFiles(
              clients.s3(),
              clients.s3Presigner(),
              Env.require("UPLOADS_BUCKET"),
              Env.require("RESULTS_BUCKET"));
      DynamoDbUnitFacts facts = new DynamoDbUnitFacts(clients.dynamoDb(), table);
      DynamoDbLedgerSubmissions ledgerSubmissions =
          new DynamoDbLedgerSubmissions(clients.dynamoDb(), table);
      return new UseCases(
          new RequestUpload(store, files, clock),
          new SubmissionQueries(store, files),
          new SpendingWorkbooks(new FastExcelTemplateWriter(EconomicClassification.standard())),
          new ReadSpendingFigures(store, store, new ResolveUnitFacts(store, facts)),
          new AdoptCheckedSubmission(store, store, clock),
          new RequestLedgerUpload(ledgerSubmissions, files, clock),
          new LedgerSubmissionQueries(ledgerSubmissions, files));
    }
  }
}
