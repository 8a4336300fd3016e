package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.application.ComplaintQuery;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintAction;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.RefusalReason;
import cn.gov.liuyang.bizenv.complaint.model.StepAction;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PagingTokens;
import cn.gov.liuyang.bizenv.http.Staff;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads the staff routes' requests: who is acting, what they do, what they search for. */
final class StaffRequests {
  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final LocalDate EARLIEST = LocalDate.of(2020, 1, 1);

  private StaffRequests() {}

  /** The officer acting: the {@link Staff} member API Gateway's authorizer verified. */
  static Officer officer(HttpApiEvent event) {
    Staff staff = Staff.of(event);
    return new Officer(staff.subject(), staff.displayName());
  }

  record Act(ComplaintAction action, OptionalLong expectedVersion) {}

  static Act action(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, MAX_BODY_BYTES);
    StepAction type =
        body.requiredValue(
            "action",
            "操作",
            20,
            StaffRequests::officerAction,
            "ACTION_UNKNOWN",
            "操作应为 ACCEPT、REFUSE、TRANSFER、FOLLOW_UP、MEETING、CLOSE 或 REVISIT");
    OptionalLong version = OptionalLong.empty();
    if (body.has("version")) {
      JsonNode raw = body.raw("version");
      if (raw.isIntegralNumber() && raw.canConvertToLong() && raw.longValue() >= 1) {
        version = OptionalLong.of(raw.longValue());
      } else {
        body.reject("version", "TYPE_MISMATCH", "版本号应为正整数");
      }
    }
    Optional<String> note = body.optionalText("note", "备注", 2000);
    ComplaintAction action = type == null ? null : actionOf(type, body, note);
    body.throwIfInvalid();
    return new Act(action, version);
  }

  private static ComplaintAction actionOf(StepAction type, JsonBody body, Optional<String> note) {
    return switch (type) {
      case ACCEPT -> new ComplaintAction.Accept(note);
      case REFUSE -> {
        RefusalReason reason =
            body.requiredValue(
                "reason",
                "不予受理的理由",
                40,
                RefusalReason::parse,
                "REASON_UNKNOWN",
                "不予受理理由应为法定情形之一："
                    + String.join(
                        "、", Arrays.stream(RefusalReason.values()).map(Enum::name).toList()));
        yield new ComplaintAction.Refuse(reason, note);
      }
      case TRANSFER ->
          new ComplaintAction.Transfer(body.requiredText("department", "承办部门", 100), note);
      case FOLLOW_UP -> new ComplaintAction.FollowUp(body.requiredText("note", "督办内容", 2000));
      case MEETING ->
          new ComplaintAction.Meeting(
              body.requiredText("participants", "参会单位", 500),
              body.requiredText("summary", "会议纪要", 2000));
      case CLOSE ->
          new ComplaintAction.Close(
              body.requiredText("result", "办理结果", 2000), count(body, "difficultiesResolved"), note);
      case REVISIT ->
          new ComplaintAction.Revisit(
              requiredBoolean(body, "satisfiedWithResult", "对办理结果是否满意"),
              requiredBoolean(body, "satisfiedWithService", "对服务是否满意"),
              note);
      case FILE, FEEDBACK, ATTACH -> throw new IllegalStateException("not an officer action");
    };
  }

  private static Optional<StepAction> officerAction(String text) {
    return Arrays.stream(StepAction.values())
        .filter(StepAction::byOfficer)
        .filter(a -> a.name().equalsIgnoreCase(text))
        .findFirst();
  }

  private static int count(JsonBody body, String field) {
    if (!body.has(field)) {
      return 0;
    }
    JsonNode raw = body.raw(field);
    if (!raw.isIntegralNumber()
        || !raw.canConvertToInt()
        || raw.intValue() < 0
        || raw.intValue() > 10_000) {
      body.reject(field, "TYPE_MISMATCH", "解决的困难诉求数应为 0 到 10000 的整数");
      return 0;
    }
    return raw.intValue();
  }

  private static boolean requiredBoolean(JsonBody body, String field, String label) {
    if (!body.has(field)) {
      body.reject(field, "REQUIRED", "请选择" + label);
      return false;
    }
    return body.optionalBoolean(field, label).orElse(false);
  }

  /**
   * {@code
   * ?status=ACCEPTED,IN_PROGRESS&kind=COMPLAINT&department=…&from=2021-01-01&to=…&overdue=true&limit=20&cursor=…},
   * the cursor one that {@code pagingTokens} issued for this route.
   */
  static ComplaintQuery query(HttpApiEvent event, LocalDate today, PagingTokens pagingTokens) {
    List<FieldError> errors = new ArrayList<>();
    Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
    event
        .queryParameter("status")
        .ifPresent(
            text -> {
              for (String part : text.split(",")) {
                try {
                  statuses.add(ComplaintStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                  errors.add(
                      new FieldError(
                          "status",
                          "STATUS_UNKNOWN",
                          "状态应为 " + Arrays.toString(ComplaintStatus.values())));
                  break;
                }
              }
            });
    Optional<ComplaintKind> kind = Optional.empty();
    if (event.queryParameter("kind").isPresent()) {
      kind = ComplaintKind.parse(event.queryParameter("kind").get());
      if (kind.isEmpty()) {
        errors.add(new FieldError("kind", "KIND_UNKNOWN", "诉求类别应为 投诉、举报、意见建议 或 困难诉求"));
      }
    }
    Optional<String> department = event.queryParameter("department").map(String::strip);
    if (department.isPresent() && department.get().length() > 100) {
      errors.add(new FieldError("department", "TOO_LONG", "部门名称不能超过 100 个字"));
    }
    LocalDate from = date(event, "from", errors).orElse(EARLIEST);
    LocalDate to = date(event, "to", errors).orElse(today);
    if (from.isBefore(EARLIEST)) {
      from = EARLIEST;
    }
    if (to.isBefore(from)) {
      errors.add(new FieldError("to", "RANGE_INVALID", "结束日期不能早于开始日期"));
    }
    Optional<LocalDate> overdueOn = Optional.empty();
    Optional<String> overdue = event.queryParameter("overdue");
    if (overdue.isPresent()) {
      if (overdue.get().equals("true")) {
        overdueOn = Optional.of(today);
      } else if (!overdue.get().equals("false")) {
        errors.add(new FieldError("overdue", "TYPE_MISMATCH", "overdue 应为 true 或 false"));
      }
    }
    int limit = 20;
    if (event.queryParameter("limit").isPresent()) {
      try {
        String text = event.queryParameter("limit").get();
        if (!text.matches("[0-9]{1,3}")) {
          throw new NumberFormatException("ASCII digits only");
        }
        limit = Integer.parseInt(text);
        if (limit < 1 || limit > 100) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError("limit", "TYPE_MISMATCH", "每页条数应为 1 到 100 的整数"));
      }
    }
    Optional<String> cursor = Optional.empty();
    try {
      cursor = pagingTokens.openQuery(event, event.routeKey());
    } catch (ApiProblem forged) {
      errors.addAll(forged.errors());
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.validation(errors);
    }
    return new ComplaintQuery(statuses, kind, department, from, to, overdueOn, limit, cursor);
  }

  private static Optional<LocalDate> date(
      HttpApiEvent event, String name, List<FieldError> errors) {
    Optional<String> text = event.queryParameter(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.parse(text.get());
      if (date.getYear() < 2000 || date.getYear() > 2100) {
        throw new DateTimeParseException("out of range", text.get(), 0);
      }
      return Optional.of(date);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "DATE_INVALID", "日期应写成 2021-01-31 这样的格式"));
      return Optional.empty();
    }
  }
}
