package cn.gov.liuyang.bizenv.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status, a stable code for programs and a Chinese
 * message for people. Thrown by use cases and validators; turned into a response by {@link
 * HttpApiHandler}.
 */
public class ApiProblem extends RuntimeException {
  private final int status;
  private final String code;
  private final List<FieldError> errors;
  private final transient Map<String, Object> details;

  public ApiProblem(int status, String code, String message) {
    this(status, code, message, List.of(), Map.of());
  }

  public ApiProblem(
      int status,
      String code,
      String message,
      List<FieldError> errors,
      Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
    this.details = Map.copyOf(details);
  }

  public static ApiProblem validation(List<FieldError> errors) {
    return new ApiProblem(400, "VALIDATION_FAILED", "提交的内容有误，请按提示修改后重试", errors, Map.of());
  }

  public static ApiProblem badRequest(String code, String message) {
    return new ApiProblem(400, code, message);
  }

  public static ApiProblem notFound(String code, String message) {
    return new ApiProblem(404, code, message);
  }

  public static ApiProblem conflict(String code, String message, Map<String, Object> details) {
    return new ApiProblem(409, code, message, List.of(), details);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The JSON error body: {@code {code, message, errors?, ...details}}. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", getMessage());
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    body.putAll(details);
    return body;
  }
}
