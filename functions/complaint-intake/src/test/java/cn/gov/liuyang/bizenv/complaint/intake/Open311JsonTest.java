package cn.gov.liuyang.bizenv.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.FileComplaintCommand;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an Open311 POST's fields become a command, and what the service definitions announce. */
class Open311JsonTest {

  private static ObjectNode form(String... pairs) {
    ObjectNode node = Json.mapper().createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      node.put(pairs[i], pairs[i + 1]);
    }
    return node;
  }

  private static ApiProblem refusal(ObjectNode form) {
    try {
      Open311Json.command(JsonBody.of(form), Optional.empty());
    } catch (ApiProblem problem) {
      return problem;
    }
    throw new AssertionError("accepted without consent");
  }

  @Test
  void withoutConsent_aNameAndPhoneAreRefused_withAFieldErrorOnTheConsentAttribute() {
    ApiProblem problem =
        refusal(
            form(
                "service_code", "complaint",
                "description", "窗口不受理",
                "first_name", "三",
                "last_name", "张",
                "phone", "13812345678"));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("attribute[consent]", "CONSENT_REQUIRED"));
    assertThat(problem.errors().get(0).message()).contains("姓名和手机号码", "同意");
  }

  @Test
  void consentIsRequiredOfAnonymousRequestsToo_asOnTheMobileForm_andOnlyTrueIsConsent() {
    for (String value : List.of("false", "", "yes", "1", "TRUE ")) {
      ObjectNode form = form("service_code", "suggestion", "description", "建议延长午间服务");
      if (!value.isEmpty()) {
        form.put("attribute[consent]", value);
      }
      if (value.equals("TRUE ")) {
        assertThat(Open311Json.command(JsonBody.of(form), Optional.empty()).kind())
            .isEqualTo(ComplaintKind.SUGGESTION);
        continue;
      }
      assertThat(refusal(form).errors())
          .extracting(FieldError::code)
          .as("attribute[consent]=%s", value)
          .containsExactly("CONSENT_REQUIRED");
    }
  }

  @Test
  void withConsent_theNameIsFamilyNameFirst_andTheCommandCarriesTheContact() {
    ObjectNode form =
        form(
            "service_code", "difficulty",
            "description", "厂房用电扩容申请两个月未办理",
            "attribute[subject]", "国网浏阳市供电公司",
            "first_name", "三",
            "last_name", "张",
            "phone", "138 1234 5678",
            "attribute[consent]", "true");

    FileComplaintCommand command =
        Open311Json.command(JsonBody.of(form), Optional.of("key-12345678"));

    assertThat(command.kind()).isEqualTo(ComplaintKind.DIFFICULTY);
    assertThat(command.subject()).isEqualTo("国网浏阳市供电公司");
    assertThat(command.contact().orElseThrow().name().value()).isEqualTo("张三");
    assertThat(command.contact().orElseThrow().phone().value()).isEqualTo("13812345678");
    assertThat(command.idempotencyKey()).contains("key-12345678");
  }

  @Test
  void aJsonBooleanTrueIsConsentToo() {
    ObjectNode json = form("service_code", "complaint", "description", "窗口不受理");
    json.put("attribute[consent]", true);

    assertThat(Open311Json.command(JsonBody.of(json), Optional.empty()).contact()).isEmpty();
  }

  @Test
  void everyProblemIsListedAtOnce_consentAmongThem() {
    assertThat(refusal(form("service_code", "pothole", "phone", "123")).errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("service_code", "description", "phone", "attribute[consent]");
  }

  @Test
  void everyServiceDefinitionAnnouncesTheRequiredConsentAttribute() {
    for (ComplaintKind kind : ComplaintKind.values()) {
      JsonNode definition = Json.mapper().valueToTree(Open311Json.definition(kind));
      JsonNode consent = definition.path("attributes").get(0);

      assertThat(consent.path("code").asText()).isEqualTo("consent");
      assertThat(consent.path("required").asBoolean()).isTrue();
      assertThat(consent.path("variable").asBoolean()).isTrue();
      assertThat(consent.path("datatype").asText()).isEqualTo("singlevaluelist");
      assertThat(consent.path("values").findValuesAsText("key")).containsExactly("true");
    }
    assertThat(Open311Json.services())
        .allSatisfy(service -> assertThat(service.get("metadata")).isEqualTo(true));
  }

  @Test
  void errorsKeepGeoReportsShape_withTheStableCodeAndFieldBeside() throws Exception {
    HttpApiResponse response =
        Open311Json.error(
            ApiProblem.validation(
                List.of(new FieldError("attribute[consent]", "CONSENT_REQUIRED", "请同意"))));
    JsonNode body = Json.mapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get(0).path("code").asInt()).isEqualTo(400);
    assertThat(body.get(0).path("description").asText()).isEqualTo("attribute[consent]：请同意");
    assertThat(body.get(0).path("error_code").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(body.get(0).path("field").asText()).isEqualTo("attribute[consent]");
    assertThat(
            Json.mapper()
                .readTree(Open311Json.error(Open311Json.requestNotFound()).body())
                .get(0)
                .path("error_code")
                .asText())
        .isEqualTo("REQUEST_NOT_FOUND");
  }
}
