package cn.gov.liuyang.bizenv.spending.uploads;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PathParams;
import cn.gov.liuyang.bizenv.http.Staff;
import cn.gov.liuyang.bizenv.http.StaffUnits;
import cn.gov.liuyang.bizenv.ledger.application.LedgerSubmissionQueries;
import cn.gov.liuyang.bizenv.ledger.application.RequestLedgerUpload;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger routes (投诉台账, docs/ledger.md), beside the spending routes because they are the same
 * kind of thing: an upload link for a unit and year, then the outcome with signed result links.
 */
public final class LedgerRoutes {
  private final RequestLedgerUpload request;
  private final LedgerSubmissionQueries submissions;

  public LedgerRoutes(RequestLedgerUpload request, LedgerSubmissionQueries submissions) {
    this.request = request;
    this.submissions = submissions;
  }

  HttpApiResponse requestUpload(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, 4 * 1024);
    UnitId unit =
        body.requiredValue(
            "unit", "单位代码", 40, UnitId::parse, "UNIT_INVALID", "单位代码应为小写字母、数字或连字符，如 lyyshj");
    FiscalYear year = SpendingUploadsHandler.year(body);
    String fileName = body.requiredText("fileName", "文件名", 200);
    UploadKey.FileFormat format = null;
    if (fileName != null) {
      format = UploadKey.FileFormat.ofFileName(fileName).orElse(null);
      if (format == null) {
        body.reject(
            "fileName",
            "FILE_TYPE_UNSUPPORTED",
            SpendingUploadsHandler.unsupportedFileMessage(fileName));
      }
    }
    long size = SpendingUploadsHandler.size(body);
    body.throwIfInvalid();
    StaffUnits.require(event, unit);
    RequestLedgerUpload.Ticket ticket =
        request.request(
            new RequestLedgerUpload.Command(
                unit, year, fileName, format, size, Staff.of(event).subject()));
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
            "/staff/ledgers/submissions/" + ticket.submissionId().value()));
  }

  HttpApiResponse submission(HttpApiEvent event) {
    SubmissionId id = PathParams.submissionId(event);
    LedgerSubmissionQueries.View view =
        submissions
            .find(id, StaffUnits.of(event))
            .orElseThrow(() -> ApiProblem.notFound("SUBMISSION_NOT_FOUND", "没有这个台账提交编号"));
    LedgerSubmission s = view.submission();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("submissionId", s.id().value());
    body.put("unit", s.unit().value());
    body.put("year", s.year().value());
    body.put("fileName", s.fileName());
    body.put("requestedAt", s.requestedAt().toString());
    body.put("status", s.status().name());
    body.put("statusLabel", s.status().label());
    s.failure().ifPresent(failure -> body.put("failure", SubmissionJson.failure(failure)));
    s.outcome()
        .ifPresent(
            o -> {
              body.put("current", o.current());
              body.put("outcome", o);
            });
    view.links()
        .ifPresent(
            links -> {
              body.put("reportUrl", links.report().toString());
              body.put("outcomeUrl", links.outcome().toString());
            });
    return HttpApiResponse.json(200, body);
  }
}
