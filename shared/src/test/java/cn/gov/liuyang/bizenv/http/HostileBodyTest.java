package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one JSON reading policy and the one text policy, as every route's body meets them: each
 * hostile body is a 4xx with a stable code and the field at fault, never a 500 and never a value
 * silently changed.
 */
class HostileBodyTest {

  private static HttpApiEvent json(String body) {
    return new HttpApiEvent(
        "2.0",
        "POST /x",
        "/x",
        "",
        null,
        Map.of("content-type", "application/json"),
        null,
        null,
        null,
        body,
        false);
  }

  private static HttpApiEvent base64(byte[] body) {
    return new HttpApiEvent(
        "2.0",
        "POST /x",
        "/x",
        "",
        null,
        Map.of(),
        null,
        null,
        null,
        Base64.getEncoder().encodeToString(body),
        true);
  }

  private static ApiProblem refusal(HttpApiEvent event) {
    return catchThrowableOfType(
        ApiProblem.class,
        () -> {
          JsonBody body = JsonBody.parse(event, 64 * 1024);
          body.requiredText("name", "名称", 100);
          body.optionalText("description", "描述", 4000);
          body.throwIfInvalid();
        });
  }

  private static void assertRefused(HttpApiEvent event, String field, String code) {
    ApiProblem problem = refusal(event);
    assertThat(problem).as("refused").isNotNull();
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors()).extracting(FieldError::field).contains(field);
    assertThat(problem.errors()).extracting(FieldError::code).contains(code);
  }

  @Test
  void aDuplicateKey_isRefused_namingTheKey_notReadAsTheLastValue() {
    assertRefused(
        json("{\"name\":\"甲\",\"consent\":false,\"consent\":true}"), "consent", "KEY_DUPLICATE");
  }

  @Test
  void aDuplicateKeyInANestedObject_isRefusedToo() {
    assertRefused(json("{\"name\":\"甲\",\"x\":[{\"a\":1,\"a\":2}]}"), "x[0].a", "KEY_DUPLICATE");
  }

  @Test
  void deeplyNestedJson_isRefusedBeforeItIsBuilt() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertRefused(json("{\"name\":\"甲\",\"x\":" + deep + "}"), "body", "BODY_TOO_DEEP");
  }

  @Test
  void hugeNumbers_NaNAndInfinity_areRefusedWhereverTheyStand() {
    assertRefused(json("{\"name\":\"甲\",\"score\":1e400}"), "score", "NUMBER_OUT_OF_RANGE");
    assertRefused(
        json("{\"name\":\"甲\",\"s\":[{\"score\":-1e400}]}"), "s[0].score", "NUMBER_OUT_OF_RANGE");
    assertRefused(
        json("{\"name\":\"甲\",\"size\":18446744073709551621}"), "size", "NUMBER_OUT_OF_RANGE");
    assertRefused(json("{\"name\":\"甲\",\"x\":1e-999999999}"), "x", "NUMBER_OUT_OF_RANGE");
    assertRefused(
        json("{\"name\":\"甲\",\"x\":" + "9".repeat(5000) + "}"), "body", "NUMBER_OUT_OF_RANGE");
    assertRefused(json("{\"name\":\"甲\",\"x\":NaN}"), "body", "BODY_MALFORMED");
    assertRefused(json("{\"name\":\"甲\",\"x\":Infinity}"), "body", "BODY_MALFORMED");
  }

  @Test
  void ordinaryNumbersAndTexts_stillRead() {
    JsonBody body =
        JsonBody.parse(
            json(
                "{\"name\":\" 张三 \",\"description\":\"第一行\\n第二行\\t完\",\"score\":98.5,"
                    + "\"amount\":1234567890.12,\"emoji\":\"\uD83D\uDE00\"}"),
            1024);

    assertThat(body.requiredText("name", "名称", 100)).isEqualTo("张三");
    assertThat(body.optionalText("description", "描述", 4000)).contains("第一行\n第二行\t完");
    assertThat(body.optionalText("emoji", "表情", 100)).contains("\uD83D\uDE00");
    assertThat(body.raw("score").decimalValue()).isEqualByComparingTo("98.5");
    assertThat(body.raw("amount").decimalValue()).isEqualByComparingTo("1234567890.12");
    assertThat(body.isValid()).isTrue();
  }

  @Test
  void controlCharacters_areRefused_andLineBreaksOnlyInLongText() {
    assertRefused(json("{\"name\":\"张\\u0000三\"}"), "name", "TEXT_CONTROL_CHARACTER");
    assertRefused(json("{\"name\":\"张\\u0007三\"}"), "name", "TEXT_CONTROL_CHARACTER");
    assertRefused(json("{\"name\":\"张\\u0085三\"}"), "name", "TEXT_CONTROL_CHARACTER");
    assertRefused(json("{\"name\":\"张\\n三\"}"), "name", "TEXT_CONTROL_CHARACTER");
    assertRefused(
        json("{\"name\":\"甲\",\"description\":\"a\\u0000b\"}"),
        "description",
        "TEXT_CONTROL_CHARACTER");
    assertRefused(
        json("{\"name\":\"甲\",\"description\":\"a\\u001bb\"}"),
        "description",
        "TEXT_CONTROL_CHARACTER");
  }

  @Test
  void bidiOverridesAndIsolates_areRefused() {
    for (String c :
        new String[] {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"}) {
      assertRefused(json("{\"name\":\"abc\\u" + c + "def\"}"), "name", "TEXT_BIDI_CONTROL");
    }
  }

  @Test
  void textThatIsOnlyInvisible_isRefusedAsMissing() {
    assertRefused(json("{\"name\":\"\\u200b\\u200c\\u200d\\ufeff\"}"), "name", "REQUIRED");
    assertRefused(json("{\"name\":\"\\u3000\\u00a0\\u2060 \"}"), "name", "REQUIRED");
    assertRefused(
        json("{\"name\":\"甲\",\"description\":\"\\u200b\\u2800\\u3164\"}"),
        "description",
        "TEXT_INVISIBLE");
  }

  @Test
  void loneSurrogates_areRefused_notReplaced() {
    // as a JSON escape
    assertRefused(json("{\"name\":\"a\\ud800b\"}"), "name", "TEXT_ENCODING_INVALID");
    assertRefused(json("{\"name\":\"a\\udc00\"}"), "name", "TEXT_ENCODING_INVALID");
    // as a raw character in the event's body string (UTF-8 cannot carry it)
    assertRefused(json("{\"name\":\"a\uD800b\"}"), "body", "BODY_ENCODING_INVALID");
    // as invalid UTF-8 (an encoded surrogate, an overlong form) in a base64 body
    byte[] surrogate = "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[surrogate.length + 3];
    System.arraycopy(surrogate, 0, broken, 0, 10);
    broken[10] = (byte) 0xED;
    broken[11] = (byte) 0xA0;
    broken[12] = (byte) 0x80;
    System.arraycopy(surrogate, 10, broken, 13, surrogate.length - 10);
    assertRefused(base64(broken), "body", "BODY_ENCODING_INVALID");
    // the replacement character means a decoder upstream already lost the text
    assertRefused(json("{\"name\":\"a\uFFFDb\"}"), "name", "TEXT_ENCODING_INVALID");
  }

  @Test
  void aBadBase64Body_isMalformed() {
    HttpApiEvent event =
        new HttpApiEvent("2.0", "POST /x", "/x", "", null, Map.of(), null, null, null, "%%%", true);
    assertRefused(event, "body", "BODY_MALFORMED");
  }

  @Test
  void yearsAreAsciiDigitsOnly() {
    assertThat(FiscalYear.parse("2021")).contains(new FiscalYear(2021));
    assertThat(FiscalYear.parse("٢٠٢١")).isEmpty();
    assertThat(FiscalYear.parse("２０２１")).isEmpty();
    assertThat(FiscalYear.parse("+2021")).isEmpty();
  }
}
