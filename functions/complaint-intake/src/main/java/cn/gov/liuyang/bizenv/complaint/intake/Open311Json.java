package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.complaint.application.FileComplaintCommand;
import cn.gov.liuyang.bizenv.complaint.application.FiledComplaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Open311 GeoReport v2 in JSON, both ways: our complaint kinds as services, complaints as service
 * requests, our statuses as {@code open}/{@code closed}, and problems as GeoReport's {@code [{code,
 * description}]}.
 *
 * <p>A request shows no description, subject, notes or contact: reports against officials and
 * enterprises' complaints are confidential, so only the ticket's skeleton is public.
 */
final class Open311Json {
  /** The complainant agreed to the processing of what they submit, as on the mobile form. */
  static final String CONSENT = "attribute[consent]";

  static final String SUBJECT = "attribute[subject]";

  private static final Set<ComplaintStatus> OPEN =
      EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.ACCEPTED, ComplaintStatus.IN_PROGRESS);
  private static final String AGENCY = "浏阳市优化营商环境协调事务中心";

  private Open311Json() {}

  // ------------------------------------------------------------------ services

  static List<Map<String, Object>> services() {
    return List.of(ComplaintKind.values()).stream().map(Open311Json::service).toList();
  }

  private static Map<String, Object> service(ComplaintKind kind) {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("service_code", code(kind));
    service.put("service_name", kind.label());
    service.put("description", "营商环境" + kind.label());
    // every service has attributes: at least the complainant's consent
    service.put("metadata", true);
    service.put("type", "realtime");
    service.put("keywords", "营商环境," + kind.label());
    service.put("group", "营商环境");
    return service;
  }

  /**
   * A service's definition: its attributes, sent as {@code attribute[code]}. The consent is
   * required (GeoReport {@code singlevaluelist} with the one value {@code true}); the subject is
   * optional.
   */
  static Map<String, Object> definition(ComplaintKind kind) {
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("variable", true);
    consent.put("code", "consent");
    consent.put("datatype", "singlevaluelist");
    consent.put("required", true);
    consent.put("datatype_description", "申请人已阅读并同意个人信息处理说明时填 true；未同意的请求不予受理，姓名和手机号码不会被保存");
    consent.put("order", 1);
    consent.put("description", "同意个人信息处理说明");
    consent.put("values", List.of(Map.of("key", "true", "name", "同意")));
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("variable", true);
    subject.put("code", "subject");
    subject.put("datatype", "string");
    subject.put("required", false);
    subject.put("datatype_description", "不超过 200 个字；不填时为服务名称");
    subject.put("order", 2);
    subject.put("description", "涉及的部门或事项");
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", code(kind));
    definition.put("attributes", List.of(consent, subject));
    return definition;
  }

  // ------------------------------------------------------------------ a new request

  /**
   * A POST's fields as a command, every problem listed at once: {@code service_code}, {@code
   * description}, {@code attribute[subject]}, {@code first_name}, {@code last_name}, {@code phone},
   * and the consent {@code attribute[consent]}, which must be {@code true}. Without it nothing is
   * filed, so a name and a phone are never stored without the complainant's agreement.
   */
  static FileComplaintCommand command(JsonBody body, Optional<String> idempotencyKey) {
    ComplaintKind kind =
        body.requiredValue(
            "service_code",
            "服务代码",
            20,
            Open311Json::kindOf,
            "SERVICE_CODE_UNKNOWN",
            "服务代码应为 " + codes());
    String description =
        body.requiredText("description", "问题描述", FileComplaintRequest.MAX_DESCRIPTION);
    Optional<String> subject = body.optionalText(SUBJECT, "涉及的部门或事项", 200);
    Optional<String> first = body.optionalText("first_name", "名", 25);
    Optional<String> last = body.optionalText("last_name", "姓", 25);
    Optional<MobileNumber> phone =
        body.optionalValue(
            "phone",
            "手机号码",
            20,
            MobileNumber::parse,
            "PHONE_INVALID",
            "手机号码应为 11 位中国大陆手机号，如 13812345678");
    if (!consented(body.raw(CONSENT))) {
      boolean personal = body.has("first_name") || body.has("last_name") || body.has("phone");
      body.reject(
          CONSENT,
          "CONSENT_REQUIRED",
          personal
              ? "提交姓名和手机号码前，申请人须同意个人信息处理说明（attribute[consent]=true）"
              : "申请人须同意个人信息处理说明后才能提交（attribute[consent]=true）");
    }
    body.throwIfInvalid();
    // Chinese names are written family name first.
    String name = (last.orElse("") + first.orElse("")).strip();
    Optional<Contact> contact =
        phone.isPresent() && !name.isEmpty()
            ? Optional.of(new Contact(new PersonName(name), phone.get()))
            : Optional.empty();
    return new FileComplaintCommand(
        kind, subject.orElse(kind.label()), description, Enterprise.NONE, contact, idempotencyKey);
  }

  /** {@code true} as a form value or a JSON boolean; anything else is no consent. */
  private static boolean consented(JsonNode value) {
    if (value == null) {
      return false;
    }
    return value.isBoolean()
        ? value.booleanValue()
        : value.isTextual() && value.asText().strip().equalsIgnoreCase("true");
  }

  /** The service code of {@code kind}: its name in lower case. */
  static String code(ComplaintKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Every service code, as a person reads the list. */
  static String codes() {
    return String.join(
        "、", List.of(ComplaintKind.values()).stream().map(Open311Json::code).toList());
  }

  static Optional<ComplaintKind> kindOf(String code) {
    return ComplaintKind.parse(code);
  }

  /** The statuses GeoReport's {@code open} or {@code closed} stands for; empty for another word. */
  static Optional<Set<ComplaintStatus>> statuses(String word) {
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "open" -> Optional.of(OPEN);
      case "closed" -> Optional.of(EnumSet.complementOf(EnumSet.copyOf(OPEN)));
      default -> Optional.empty();
    };
  }

  // ------------------------------------------------------------------ requests

  /**
   * The answer to a POST: the new request's id, Open311's non-secret {@code token} (what {@code
   * tokens/{id}} takes), and, for the complainant only, the secret {@code access_token} with which
   * they follow the case on {@code GET /complaints/{number}} (header {@code x-access-token}).
   */
  static List<Map<String, Object>> created(FiledComplaint filed) {
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("service_request_id", filed.complaint().trackingNumber().value());
    filed.complaint().open311Token().ifPresent(token -> created.put("token", token.value()));
    created.put("access_token", filed.accessToken().value());
    created.put(
        "service_notice",
        "受理编号 "
            + filed.complaint().trackingNumber().display()
            + "；请把受理编号和查询码（access_token）交给申请人本人，凭二者查询办理进度；查询码不要放进网址");
    return List.of(created);
  }

  /**
   * The one answer for a number or token that finds no public case: unknown, malformed, expired or
   * hidden alike.
   */
  static ApiProblem requestNotFound() {
    return ApiProblem.notFound("REQUEST_NOT_FOUND", "没有这个受理编号");
  }

  /** A complaint as a service request: its skeleton only. */
  static Map<String, Object> request(Complaint c) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", c.trackingNumber().value());
    request.put("status", OPEN.contains(c.status()) ? "open" : "closed");
    request.put("status_notes", c.status().label());
    request.put("service_name", c.kind().label());
    request.put("service_code", code(c.kind()));
    request.put("agency_responsible", c.department().orElse(AGENCY));
    request.put(
        "requested_datetime", OffsetDateTime.ofInstant(c.filedAt(), Complaint.ZONE).toString());
    request.put(
        "updated_datetime", OffsetDateTime.ofInstant(c.updatedAt(), Complaint.ZONE).toString());
    c.dueBy()
        .filter(d -> OPEN.contains(c.status()))
        .ifPresent(
            d ->
                request.put(
                    "expected_datetime",
                    d.atTime(17, 30).atZone(Complaint.ZONE).toOffsetDateTime().toString()));
    return request;
  }

  /** The answer to {@code tokens/{id}}: which request the token belongs to. */
  static List<Map<String, Object>> token(TrackingNumber number, String token) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("service_request_id", number.value());
    answer.put("token", token);
    return List.of(answer);
  }

  // ------------------------------------------------------------------ errors

  /**
   * GeoReport's error shape: a list of {code, description}, one per problem. Each element also
   * carries the stable {@code error_code} (and the {@code field} of a field error), so programs
   * need not read the Chinese description.
   */
  static HttpApiResponse error(ApiProblem problem) {
    List<Map<String, Object>> errors =
        problem.errors().isEmpty()
            ? List.of(error(problem.status(), problem.getMessage(), problem.code(), null))
            : problem.errors().stream()
                .map(
                    (FieldError e) ->
                        error(problem.status(), e.field() + "：" + e.message(), e.code(), e.field()))
                .toList();
    return HttpApiResponse.json(problem.status(), errors);
  }

  private static Map<String, Object> error(
      int code, String description, String errorCode, String field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("description", description);
    error.put("error_code", errorCode);
    if (field != null) {
      error.put("field", field);
    }
    return error;
  }
}
