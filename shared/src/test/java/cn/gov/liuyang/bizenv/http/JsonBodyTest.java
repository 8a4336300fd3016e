package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  private static JsonBody body(String json) throws Exception {
    return JsonBody.of((ObjectNode) Json.mapper().readTree(json));
  }

  private static Integer requiredNumber(JsonBody body) {
    return body.requiredValue(
        "code",
        "代码",
        10,
        text -> text.matches("\\d+") ? Optional.of(Integer.parseInt(text)) : Optional.empty(),
        "CODE_INVALID",
        "代码应为数字");
  }

  @Test
  void aRequiredValueThatIsBlank_isRecordedAsMissing_notPassedOnAsNull() throws Exception {
    JsonBody body = body("{\"code\":\"  \"}");

    assertThat(requiredNumber(body)).isNull();

    assertThat(body.errors()).containsExactly(new FieldError("code", "REQUIRED", "请填写代码"));
    assertThatThrownBy(body::throwIfInvalid).isInstanceOf(ApiProblem.class);
  }

  @Test
  void aRequiredValueIsParsed_orRejectedWithItsOwnCode() throws Exception {
    JsonBody good = body("{\"code\":\"42\"}");
    JsonBody bad = body("{\"code\":\"四十二\"}");
    JsonBody absent = body("{}");
    JsonBody wrongType = body("{\"code\":42}");

    assertThat(requiredNumber(good)).isEqualTo(42);
    assertThat(good.isValid()).isTrue();
    requiredNumber(bad);
    assertThat(bad.errors()).extracting(FieldError::code).containsExactly("CODE_INVALID");
    requiredNumber(absent);
    assertThat(absent.errors()).extracting(FieldError::code).containsExactly("REQUIRED");
    requiredNumber(wrongType);
    assertThat(wrongType.errors()).extracting(FieldError::code).containsExactly("TYPE_MISMATCH");
  }

  @Test
  void everyProblemIsCollected_soOneAnswerListsThemAll() throws Exception {
    JsonBody body = body("{\"name\":\"" + "长".repeat(11) + "\"}");

    body.requiredText("name", "名称", 10);
    body.requiredText("description", "描述", 100);

    assertThat(body.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("name", "TOO_LONG"),
            org.assertj.core.groups.Tuple.tuple("description", "REQUIRED"));
  }
}
