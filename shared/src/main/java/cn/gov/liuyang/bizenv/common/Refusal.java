package cn.gov.liuyang.bizenv.common;

import java.util.List;
import java.util.Map;

/**
 * A use case's "no": what kind of refusal it is, a stable code for programs, a Chinese message for
 * people, the fields at fault and any details the caller needs to put it right. The edge decides
 * what it becomes (an HTTP status, a log line); the domain never names a status code.
 */
public class Refusal extends RuntimeException {
  /** What kind of "no" this is; the edge maps each kind to one answer. */
  public enum Kind {
    /** the request itself is wrong: a field, a parameter, a value out of range */
    INVALID,
    /** nobody is signed in */
    UNAUTHENTICATED,
    /** the caller may not do this */
    FORBIDDEN,
    /** the thing asked for does not exist */
    NOT_FOUND,
    /** the state changed under the caller, or the thing already exists */
    CONFLICT,
    /** the request is too large to take */
    TOO_LARGE,
    /** well formed, but the domain cannot act on it yet (missing inputs, unprintable text) */
    UNPROCESSABLE
  }

  /**
   * One thing wrong with one field of a command.
   *
   * @param field the field's name (dotted for nested fields), or {@code "body"}
   * @param code a stable upper-case code for programs, e.g. {@code PHONE_INVALID}
   * @param message a sentence in Chinese for the person filling in the form
   */
  public record FieldError(String field, String code, String message) {}

  private final Kind kind;
  private final String code;
  private final List<FieldError> errors;
  private final transient Map<String, Object> details;

  public Refusal(
      Kind kind,
      String code,
      String message,
      List<FieldError> errors,
      Map<String, Object> details) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.errors = List.copyOf(errors);
    this.details = Map.copyOf(details);
  }

  public static Refusal invalid(String code, String message) {
    return new Refusal(Kind.INVALID, code, message, List.of(), Map.of());
  }

  /** Several fields at fault at once, under the one code forms show. */
  public static Refusal invalidFields(List<FieldError> errors) {
    return new Refusal(Kind.INVALID, "VALIDATION_FAILED", "提交的内容有误，请按提示修改后重试", errors, Map.of());
  }

  public static Refusal notFound(String code, String message) {
    return new Refusal(Kind.NOT_FOUND, code, message, List.of(), Map.of());
  }

  public static Refusal conflict(String code, String message) {
    return conflict(code, message, Map.of());
  }

  public static Refusal conflict(String code, String message, Map<String, Object> details) {
    return new Refusal(Kind.CONFLICT, code, message, List.of(), details);
  }

  public static Refusal unprocessable(String code, String message, Map<String, Object> details) {
    return new Refusal(Kind.UNPROCESSABLE, code, message, List.of(), details);
  }

  public static Refusal forbidden(String code, String message) {
    return new Refusal(Kind.FORBIDDEN, code, message, List.of(), Map.of());
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** What else the caller needs, e.g. the version now in force; empty when nothing. */
  public Map<String, Object> details() {
    return details;
  }
}
