package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.complaint.application.FiledComplaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
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
    service.put("metadata", false);
    service.put("type", "realtime");
    service.put("keywords", "营商环境," + kind.label());
    service.put("group", "营商环境");
    return service;
  }

  /** A service's definition: it asks for no attributes. */
  static Map<String, Object> definition(ComplaintKind kind) {
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", code(kind));
    definition.put("attributes", List.of());
    return definition;
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

  /** The answer to a POST: the new request's id and the token that shows its progress. */
  static List<Map<String, Object>> created(FiledComplaint filed) {
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("service_request_id", filed.complaint().trackingNumber().value());
    created.put("token", filed.accessToken().value());
    created.put(
        "service_notice",
        "受理编号 " + filed.complaint().trackingNumber().display() + "；凭受理编号和 token 查询办理进度");
    return List.of(created);
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

  /** GeoReport's error shape: a list of {code, description}, one per problem. */
  static HttpApiResponse error(ApiProblem problem) {
    List<Map<String, Object>> errors =
        problem.errors().isEmpty()
            ? List.of(error(problem.status(), problem.getMessage()))
            : problem.errors().stream()
                .map((FieldError e) -> error(problem.status(), e.field() + "：" + e.message()))
                .toList();
    return HttpApiResponse.json(problem.status(), errors);
  }

  private static Map<String, Object> error(int code, String description) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("description", description);
    return error;
  }
}
