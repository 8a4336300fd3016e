package cn.gov.liuyang.bizenv.spending.uploads;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.StaffGroups;
import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.RequestUpload;
import cn.gov.liuyang.bizenv.spending.application.SubmissionQueries;
import cn.gov.liuyang.bizenv.spending.application.TemplateWriter;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.infrastructure.FastExcelTemplateWriter;
import cn.gov.liuyang.bizenv.spending.infrastructure.S3SpendingFiles;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Staff routes of the spending import: ask for an upload link, read a submission's outcome (with
 * signed links to its result files), list a year's submissions, download the template workbook.
 */
public final class SpendingUploadsHandler extends HttpApiHandler {
  private final RequestUpload requestUpload;
  private final SubmissionQueries queries;
  private final TemplateWriter template;

  /**
   * Lambda's constructor: clients and names from the function's environment, once per container.
   */
  public SpendingUploadsHandler() {
    AwsClients clients = AwsClients.fromEnvironment();
    DynamoDbSpending store =
        new DynamoDbSpending(clients.dynamoDb(), Env.require("SPENDING_TABLE"));
    S3SpendingFiles files =
        new S3SpendingFiles(
            clients.s3(),
            clients.s3Presigner(),
            Env.require("UPLOADS_BUCKET"),
            Env.require("RESULTS_BUCKET"));
    this.requestUpload = new RequestUpload(store, files, Clock.systemUTC());
    this.queries = new SubmissionQueries(store, files);
    this.template = new FastExcelTemplateWriter(EconomicClassification.standard());
  }

  public SpendingUploadsHandler(
      RequestUpload requestUpload, SubmissionQueries queries, TemplateWriter template) {
    this.requestUpload = requestUpload;
    this.queries = queries;
    this.template = template;
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    StaffGroups.require(event, StaffGroups.FINANCE);
    return switch (event.routeKey()) {
      case "POST /staff/spending/uploads" -> requestUpload(event);
      case "GET /staff/spending/submissions/{submissionId}" -> submission(event);
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
        body.reject(
            "fileName",
            "FILE_TYPE_UNSUPPORTED",
            "只接受 .xlsx、.xls 或 .csv 文件；.ods 等其他格式请先“另存为” Excel 工作簿（.xlsx）");
      }
    }
    long size = size(body);
    body.throwIfInvalid();
    RequestUpload.Ticket ticket =
        requestUpload.request(
            new RequestUpload.Command(
                unit, year, fileName, format, size, event.jwtClaims().getOrDefault("sub", "")));
    return HttpApiResponse.json(
        201,
        Map.of(
            "submissionId",
            ticket.submissionId().value(),
            "status",
            "AWAITING_UPLOAD",
            "upload",
            Map.of(
                "url", ticket.upload().url().toString(),
                "method", ticket.upload().method(),
                "headers", ticket.upload().headers(),
                "expiresAt", ticket.upload().expiresAt().toString()),
            "statusPath",
            "/staff/spending/submissions/" + ticket.submissionId().value()));
  }

  private static FiscalYear year(JsonBody body) {
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

  private static long size(JsonBody body) {
    JsonNode raw = body.raw("size");
    if (raw == null || raw.isNull()) {
      body.reject("size", "REQUIRED", "请提供文件大小（字节）");
      return 0;
    }
    if (!raw.isIntegralNumber() || raw.longValue() <= 0) {
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
    SubmissionId id =
        event
            .pathParameter("submissionId")
            .flatMap(SubmissionId::parse)
            .orElseThrow(() -> ApiProblem.badRequest("SUBMISSION_ID_INVALID", "提交编号格式不正确"));
    SubmissionQueries.View view =
        queries.find(id).orElseThrow(() -> ApiProblem.notFound("SUBMISSION_NOT_FOUND", "没有这个提交编号"));
    return HttpApiResponse.json(200, SubmissionJson.of(view));
  }

  private HttpApiResponse yearSubmissions(HttpApiEvent event) {
    UnitId unit =
        event
            .pathParameter("unit")
            .flatMap(UnitId::parse)
            .orElseThrow(() -> ApiProblem.badRequest("UNIT_INVALID", "单位代码格式不正确"));
    FiscalYear year =
        event
            .pathParameter("year")
            .flatMap(FiscalYear::parse)
            .orElseThrow(() -> ApiProblem.badRequest("YEAR_INVALID", "预算年度应为四位年份"));
    SubmissionQueries.YearView view = queries.list(unit, year);
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
        event
            .queryParameter("year")
            .map(
                text ->
                    FiscalYear.parse(text)
                        .orElseThrow(() -> ApiProblem.badRequest("YEAR_INVALID", "预算年度应为四位年份")))
            .orElseGet(() -> new FiscalYear(Year.now(ZoneOffset.ofHours(8)).getValue() - 1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      template.write(year, Optional.empty(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String fileName = year + "年度部门支出明细表（模板）.xlsx";
    return new HttpApiResponse(
        200,
        Map.of(
            "content-type",
            UploadKey.FileFormat.XLSX.contentType(),
            "content-disposition",
            "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"),
            "cache-control",
            "no-store"),
        Base64.getEncoder().encodeToString(out.toByteArray()),
        true);
  }
}
