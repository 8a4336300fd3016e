package cn.gov.liuyang.bizenv.spending.uploads;

import cn.gov.liuyang.bizenv.spending.application.SubmissionQueries;
import cn.gov.liuyang.bizenv.spending.application.TotalsView;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** A submission as the staff API shows it. */
final class SubmissionJson {
  private SubmissionJson() {}

  static Map<String, Object> of(SubmissionQueries.View view) {
    Map<String, Object> json = summary(view.submission(), view.current());
    view.submission().outcome().ifPresent(outcome -> json.put("outcome", outcome(outcome)));
    view.reportUrl().ifPresent(url -> json.put("reportUrl", url.toString()));
    view.outcomeUrl().ifPresent(url -> json.put("outcomeUrl", url.toString()));
    return json;
  }

  static Map<String, Object> summary(Submission submission, boolean current) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("submissionId", submission.id().value());
    json.put("unit", submission.unit().value());
    json.put("year", submission.year().value());
    json.put("fileName", submission.fileName());
    json.put("requestedAt", submission.requestedAt().toString());
    json.put("kind", submission.kind().name());
    json.put("kindLabel", submission.kind().label());
    json.put("status", submission.status().name());
    json.put("statusLabel", statusLabel(submission, current));
    json.put("current", current);
    submission.failure().ifPresent(failure -> json.put("failure", failure(failure)));
    submission
        .adoption()
        .ifPresent(
            adoption -> {
              json.put("adoptedAt", adoption.at().toString());
              json.put("adoptedBy", adoption.by());
            });
    submission
        .outcome()
        .ifPresent(
            outcome -> {
              json.put("processedAt", outcome.processedAt().toString());
              json.put("findingCount", outcome.findingCount());
            });
    return json;
  }

  /** Why the import could not finish: stable code, Chinese explanation, when, after how many. */
  static Map<String, Object> failure(IngestFailure failure) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", failure.code());
    json.put("message", failure.message());
    json.put("failedAt", failure.at().toString());
    json.put("attempts", failure.attempts());
    return json;
  }

  /** The status as finance reads it: a check that passed is not yet in force. */
  private static String statusLabel(Submission submission, boolean current) {
    if (submission.kind() == SubmissionKind.CHECK && submission.accepted()) {
      return current ? "预检通过，已启用" : "预检通过，尚未启用";
    }
    return submission.status().label();
  }

  private static Map<String, Object> outcome(SubmissionOutcome outcome) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("accepted", outcome.accepted());
    json.put("adopted", outcome.adopted());
    json.put("lineCount", outcome.lineCount());
    json.put("findingCount", outcome.findingCount());
    outcome.totals().ifPresent(totals -> json.put("totals", TotalsView.of(totals)));
    json.put("firstFindings", outcome.firstFindings());
    json.put("notes", outcome.notes());
    outcome.checkedAgainst().ifPresent(id -> json.put("checkedAgainst", id.value()));
    return json;
  }
}
