package cn.gov.liuyang.bizenv.spending.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The staff routes with the real-shaped events of events/spending-uploads. */
class SpendingUploadsHandlerIT {
  private static final LocalCloud CLOUD = LocalCloud.shared();
  private final SpendingUploadsHandler handler =
      Env.withVariables(
          CLOUD.environmentFor("SpendingUploadsFunction"), SpendingUploadsHandler::new);

  @Test
  void requestUpload_answersASubmissionAndAPresignedPutLimitedToSizeAndType() throws Exception {
    JsonNode response = call("request-upload.json");
    assertThat(response.path("statusCode").asInt()).isEqualTo(201);
    JsonNode body = Json.mapper().readTree(response.path("body").asText());
    assertThat(body.path("submissionId").asText()).hasSize(32);
    assertThat(body.path("upload").path("method").asText()).isEqualTo("PUT");
    assertThat(body.path("upload").path("headers").path("content-length").asText())
        .isEqualTo("23456");
    assertThat(body.path("upload").path("url").asText())
        .contains("X-Amz-Signature")
        .contains("content-length")
        .contains("content-type");
  }

  @Test
  void aComplaintOfficer_getsNoUploadLink_only403() throws Exception {
    JsonNode response = call("request-upload-by-complaint-officer.json");
    assertThat(response.path("statusCode").asInt()).isEqualTo(403);
    JsonNode body = Json.mapper().readTree(response.path("body").asText());
    assertThat(body.path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
    assertThat(body.has("upload")).isFalse();
  }

  @Test
  void tooLargeFile_isRefusedBeforeAnyLinkIsSigned() throws Exception {
    JsonNode response = call("request-upload-too-large.json");
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(Json.mapper().readTree(response.path("body").asText()).path("errors"))
        .extracting(e -> e.path("code").asText())
        .containsExactly("FILE_TOO_LARGE");
  }

  @Test
  void anOdsFileAndAYearInWords_areEachExplainedPerField() throws Exception {
    JsonNode response = call("request-upload-wrong-type.json");
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    JsonNode errors = Json.mapper().readTree(response.path("body").asText()).path("errors");
    assertThat(errors)
        .extracting(e -> e.path("field").asText() + ":" + e.path("code").asText())
        .containsExactlyInAnyOrder("year:YEAR_INVALID", "fileName:FILE_TYPE_UNSUPPORTED");
  }

  @Test
  void requestWithoutBody_isA400() {
    assertThat(call("request-upload-no-body.json").path("statusCode").asInt()).isEqualTo(400);
  }

  @Test
  void unknownSubmission_isA404() {
    assertThat(call("submission-status.json").path("statusCode").asInt()).isEqualTo(404);
  }

  @Test
  void template_isAnXlsxThatTheImportReadsAsAnEmptyTable() {
    JsonNode response = call("template.json");
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("isBase64Encoded").asBoolean()).isTrue();
    byte[] workbook = Base64.getDecoder().decode(response.path("body").asText());
    ParsedWorkbook parsed = Parse.workbook(workbook);
    // the headings are understood: what is missing is only the figures
    assertThat(parsed.findings())
        .extracting(Finding::code)
        .doesNotContain(
            FindingCode.NO_DATA_TABLE, FindingCode.COLUMN_MISSING, FindingCode.UNIT_MISSING)
        .contains(FindingCode.NO_LINES, FindingCode.INFO_INVALID);
  }

  private JsonNode call(String eventFile) {
    try {
      byte[] event =
          Files.readAllBytes(
              ProjectLayout.root().resolve("events/spending-uploads").resolve(eventFile));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      return Json.mapper().readTree(out.toByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
