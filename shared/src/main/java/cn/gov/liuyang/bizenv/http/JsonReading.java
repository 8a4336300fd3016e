package cn.gov.liuyang.bizenv.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one JSON reading policy for request bodies. A body is strict UTF-8 (an invalid sequence or an
 * encoded surrogate is refused, never replaced); one JSON value with nothing after it; no key twice
 * in an object (Jackson's {@code STRICT_DUPLICATE_DETECTION}); nested at most {@value #MAX_DEPTH}
 * deep and no number longer than {@value #MAX_NUMBER_CHARS} characters ({@code
 * StreamReadConstraints}, checked while reading, before anything is built); every number finite,
 * read exactly as a decimal, with at most {@value #MAX_INTEGER_DIGITS} digits before the point and
 * {@value #MAX_FRACTION_DIGITS} after (no field of this API needs more: the largest are amounts in
 * 元 below 10^12 with two decimals); and every key and string value passes {@link TextPolicy} (line
 * breaks allowed here; a short field refuses them when it is read).
 */
public final class JsonReading {
  public static final int MAX_DEPTH = 32;
  public static final int MAX_NUMBER_CHARS = 40;
  public static final int MAX_INTEGER_DIGITS = 15;
  public static final int MAX_FRACTION_DIGITS = 10;

  private static final ObjectMapper STRICT =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxNumberLength(MAX_NUMBER_CHARS)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonReading() {}

  /** {@code bytes} as one JSON value under the policy, or a 400 naming what is wrong and where. */
  public static JsonNode read(byte[] bytes) {
    requireUtf8(bytes);
    JsonNode node;
    try {
      node = STRICT.readTree(bytes);
    } catch (StreamConstraintsException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.contains("nesting depth")) {
        throw structural("BODY_TOO_DEEP", "请求内容嵌套过深（最多 " + MAX_DEPTH + " 层）");
      }
      if (message.contains("Number")) {
        throw values(
            List.of(new FieldError("body", "NUMBER_OUT_OF_RANGE", numberMessage("请求内容中的数字"))));
      }
      throw structural("BODY_MALFORMED", "请求内容不是合法的 JSON");
    } catch (JsonProcessingException e) {
      Optional<String> duplicate = duplicateKeyPath(e);
      if (duplicate.isPresent()) {
        throw values(
            List.of(new FieldError(duplicate.get(), "KEY_DUPLICATE", "同一个字段出现了两次，请只保留一个")));
      }
      throw structural("BODY_MALFORMED", "请求内容不是合法的 JSON");
    } catch (IOException | RuntimeException e) {
      // a number Jackson cannot represent (an exponent beyond int), or unreadable input
      throw structural("BODY_MALFORMED", "请求内容不是合法的 JSON");
    }
    if (node == null || node.isMissingNode()) {
      throw structural("BODY_MISSING", "请求内容为空");
    }
    List<FieldError> errors = new ArrayList<>();
    check(node, "", errors);
    if (!errors.isEmpty()) {
      throw values(errors);
    }
    return node;
  }

  /** Refuses bytes that are not strict UTF-8: 400 {@code BODY_ENCODING_INVALID}. */
  public static void requireUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw encodingInvalid();
    }
  }

  /** The strictly decoded text of {@code bytes}, or 400 {@code BODY_ENCODING_INVALID}. */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw encodingInvalid();
    }
  }

  static ApiProblem encodingInvalid() {
    return structural("BODY_ENCODING_INVALID", "请求内容不是合法的 UTF-8 文字（含有无法识别的字节或孤立的代理字符）");
  }

  static ApiProblem structural(String code, String message) {
    return new ApiProblem(
        400, code, message, List.of(new FieldError("body", code, message)), Map.of());
  }

  private static ApiProblem values(List<FieldError> errors) {
    return ApiProblem.validation(errors);
  }

  private static String numberMessage(String label) {
    return label
        + "超出范围：应为有限的数，整数部分不超过 "
        + MAX_INTEGER_DIGITS
        + " 位，小数不超过 "
        + MAX_FRACTION_DIGITS
        + " 位";
  }

  private static Optional<String> duplicateKeyPath(JsonProcessingException e) {
    if (!String.valueOf(e.getOriginalMessage()).startsWith("Duplicate")
        || !(e.getProcessor() instanceof JsonParser parser)) {
      return Optional.empty();
    }
    return Optional.of(path(parser.getParsingContext()));
  }

  /** Where the parser is, as the error bodies name fields: {@code indicators[0].weight}. */
  private static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "body" : path;
  }

  private static void check(JsonNode node, String path, List<FieldError> errors) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        Optional<TextPolicy.Violation> key = TextPolicy.check(field.getKey(), "字段名", false);
        if (key.isPresent()) {
          errors.add(
              new FieldError(
                  path.isEmpty() ? "body" : path, key.get().code(), key.get().message()));
          continue;
        }
        check(field.getValue(), child, errors);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]", errors);
      }
    } else if (node.isNumber()) {
      if (!withinBounds(node)) {
        errors.add(new FieldError(path, "NUMBER_OUT_OF_RANGE", numberMessage("数字")));
      }
    } else if (node.isTextual()) {
      TextPolicy.check(node.textValue(), "内容", true)
          .ifPresent(v -> errors.add(new FieldError(path, v.code(), v.message())));
    }
  }

  private static boolean withinBounds(JsonNode number) {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      return false;
    }
    BigDecimal value = number.decimalValue();
    if (value.signum() == 0) {
      return true;
    }
    // digits before the point, and after it, without ever expanding 1e999999999
    long integerDigits = (long) value.precision() - value.scale();
    long fractionDigits = value.scale();
    if (fractionDigits > 0) {
      fractionDigits = value.stripTrailingZeros().scale();
    }
    return integerDigits <= MAX_INTEGER_DIGITS && fractionDigits <= MAX_FRACTION_DIGITS;
  }
}
