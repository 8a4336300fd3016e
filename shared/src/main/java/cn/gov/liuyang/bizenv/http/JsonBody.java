package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a JSON object body field by field and collects every problem, so one 400 lists them all.
 *
 * <pre>{@code
 * JsonBody body = JsonBody.parse(event, 16 * 1024);
 * String text = body.requiredText("description", "问题描述", 4000);
 * body.throwIfInvalid();
 * }</pre>
 */
public final class JsonBody {
  private final ObjectNode node;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /**
   * Parses the body as one JSON object no larger than {@code maxBytes}, or throws a 4xx problem.
   */
  public static JsonBody parse(HttpApiEvent event, int maxBytes) {
    byte[] bytes;
    try {
      bytes = event.bodyBytes();
    } catch (IllegalArgumentException badBase64) {
      throw ApiProblem.badRequest("BODY_MALFORMED", "请求内容不是合法的 JSON");
    }
    if (bytes.length > maxBytes) {
      throw new ApiProblem(413, "BODY_TOO_LARGE", "请求内容过大，不能超过 " + (maxBytes / 1024) + " KB");
    }
    if (bytes.length == 0) {
      throw ApiProblem.badRequest("BODY_MISSING", "请求内容为空");
    }
    JsonNode parsed;
    try {
      parsed = Json.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest("BODY_MALFORMED", "请求内容不是合法的 JSON");
    } catch (IOException e) {
      throw ApiProblem.badRequest("BODY_MALFORMED", "请求内容无法读取");
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw ApiProblem.badRequest("BODY_NOT_OBJECT", "请求内容必须是一个 JSON 对象");
    }
    return new JsonBody(object);
  }

  public static JsonBody of(ObjectNode node) {
    return new JsonBody(node);
  }

  public void reject(String field, String code, String message) {
    errors.add(new FieldError(field, code, message));
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ApiProblem.validation(errors);
    }
  }

  /** The names of the body's fields, in order. */
  public Iterator<String> fieldNames() {
    return node.fieldNames();
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /**
   * A trimmed non-empty string of at most {@code maxLength} characters, or null after recording
   * why.
   */
  public String requiredText(String field, String label, int maxLength) {
    if (!has(field)) {
      reject(field, "REQUIRED", "请填写" + label);
      return null;
    }
    return text(field, label, maxLength, true);
  }

  public Optional<String> optionalText(String field, String label, int maxLength) {
    if (!has(field)) {
      return Optional.empty();
    }
    return Optional.ofNullable(text(field, label, maxLength, false));
  }

  private String text(String field, String label, int maxLength, boolean required) {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      reject(field, "TYPE_MISMATCH", label + "应为文字");
      return null;
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      if (required) {
        reject(field, "REQUIRED", "请填写" + label);
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      reject(field, "TOO_LONG", label + "不能超过 " + maxLength + " 个字");
      return null;
    }
    return text;
  }

  public Optional<Boolean> optionalBoolean(String field, String label) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    if (!value.isBoolean()) {
      reject(field, "TYPE_MISMATCH", label + "应为是或否（true/false）");
      return Optional.empty();
    }
    return Optional.of(value.booleanValue());
  }

  /**
   * A text value converted by {@code parser}, which returns empty for values it does not accept;
   * the field then gets {@code invalidCode} and {@code invalidMessage}.
   */
  public <T> Optional<T> optionalValue(
      String field,
      String label,
      int maxLength,
      Function<String, Optional<T>> parser,
      String invalidCode,
      String invalidMessage) {
    return optionalText(field, label, maxLength)
        .flatMap(
            text -> {
              Optional<T> parsed = parser.apply(text);
              if (parsed.isEmpty()) {
                reject(field, invalidCode, invalidMessage);
              }
              return parsed;
            });
  }

  /** Like {@link #optionalValue}, but a missing, blank or unparseable value is recorded. */
  public <T> T requiredValue(
      String field,
      String label,
      int maxLength,
      Function<String, Optional<T>> parser,
      String invalidCode,
      String invalidMessage) {
    String text = requiredText(field, label, maxLength);
    if (text == null) {
      return null;
    }
    Optional<T> parsed = parser.apply(text);
    if (parsed.isEmpty()) {
      reject(field, invalidCode, invalidMessage);
      return null;
    }
    return parsed.get();
  }

  public JsonNode raw(String field) {
    return node.get(field);
  }
}
