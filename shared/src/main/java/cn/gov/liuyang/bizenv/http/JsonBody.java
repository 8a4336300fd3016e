package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

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
  private static final Pattern ASCII_WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");
  private final ObjectNode node;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /**
   * Parses the body as one JSON object no larger than {@code maxBytes}, or throws a 4xx problem.
   */
  public static JsonBody parse(HttpApiEvent event, int maxBytes) {
    byte[] bytes = event.bodyBytes();
    if (bytes.length > maxBytes) {
      throw new ApiProblem(413, "BODY_TOO_LARGE", "请求内容过大，不能超过 " + (maxBytes / 1024) + " KB");
    }
    if (bytes.length == 0) {
      throw ApiProblem.badRequest("BODY_MISSING", "请求内容为空");
    }
    JsonNode parsed = JsonReading.read(bytes);
    if (!(parsed instanceof ObjectNode object)) {
      throw ApiProblem.badRequest("BODY_NOT_OBJECT", "请求内容必须是一个 JSON 对象");
    }
    return new JsonBody(object);
  }

  /**
   * A form-encoded body ({@code application/x-www-form-urlencoded}, as Open311 clients send) read
   * under the same policy as JSON: strict UTF-8 after percent-decoding, no name twice, every name
   * and value through {@link TextPolicy}; each value is a string.
   */
  public static JsonBody parseForm(HttpApiEvent event, int maxBytes) {
    byte[] bytes = event.bodyBytes();
    if (bytes.length > maxBytes) {
      throw new ApiProblem(413, "BODY_TOO_LARGE", "请求内容过大，不能超过 " + (maxBytes / 1024) + " KB");
    }
    ObjectNode node = Json.mapper().createObjectNode();
    List<FieldError> errors = new ArrayList<>();
    for (String pair : JsonReading.utf8(bytes).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = FormDecoding.decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : FormDecoding.decode(pair.substring(equals + 1));
      Optional<TextPolicy.Violation> badKey = TextPolicy.check(key, "字段名", false);
      if (badKey.isPresent()) {
        errors.add(new FieldError("body", badKey.get().code(), badKey.get().message()));
        continue;
      }
      if (node.has(key)) {
        errors.add(new FieldError(key, "KEY_DUPLICATE", "同一个字段出现了两次，请只保留一个"));
        continue;
      }
      TextPolicy.check(value, "内容", true)
          .ifPresent(v -> errors.add(new FieldError(key, v.code(), v.message())));
      node.put(key, value);
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.validation(errors);
    }
    return new JsonBody(node);
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
    Optional<TextPolicy.Violation> violation =
        TextPolicy.check(text, label, TextPolicy.isLongText(maxLength));
    if (violation.isPresent()) {
      reject(field, violation.get().code(), violation.get().message());
      return null;
    }
    if (TextPolicy.isInvisible(text)) {
      if (required) {
        reject(field, "REQUIRED", "请填写" + label);
      } else if (!text.isEmpty()) {
        reject(field, "TEXT_INVISIBLE", label + "只有空白或不可见的字符，请填写内容或留空");
      }
      return null;
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      reject(field, "TOO_LONG", label + "不能超过 " + maxLength + " 个字");
      return null;
    }
    return text;
  }

  /**
   * A whole number from {@code min} to {@code max}: a JSON integer (a string of ASCII digits is
   * accepted too), checked before it is narrowed, so 2^64+5 is out of range rather than 5. Null
   * after recording why: {@code REQUIRED}, {@code TYPE_MISMATCH} or {@code outOfRangeCode}.
   */
  public Long requiredWholeNumber(
      String field, String label, long min, long max, String outOfRangeCode, String message) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      reject(field, "REQUIRED", "请填写" + label);
      return null;
    }
    BigInteger number;
    if (value.isIntegralNumber()) {
      number = value.bigIntegerValue();
    } else if (value.isTextual() && ASCII_WHOLE_NUMBER.matcher(value.textValue()).matches()) {
      number = new BigInteger(value.textValue());
    } else {
      reject(field, "TYPE_MISMATCH", label + "应为整数（半角阿拉伯数字）");
      return null;
    }
    if (number.compareTo(BigInteger.valueOf(min)) < 0
        || number.compareTo(BigInteger.valueOf(max)) > 0) {
      reject(field, outOfRangeCode, message);
      return null;
    }
    return number.longValueExact();
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
