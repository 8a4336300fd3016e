package cn.gov.liuyang.bizenv.spending.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
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
  /** The year events/spending-uploads/template.json asks the template for. */
  private static final FiscalYear TEMPLATE_YEAR = new FiscalYear(2021);

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
  void theSignedUploadLink_storesTheWorkbookOnce_andIsRefusedWhenUsedAgainToOverwriteIt()
      throws Exception {
    JsonNode upload =
        Json.mapper().readTree(call("request-upload.json").path("body").asText()).path("upload");
    assertThat(upload.path("headers").path("if-none-match").asText()).isEqualTo("*");
    byte[] first = new byte[23456];
    byte[] second = new byte[23456];
    java.util.Arrays.fill(second, (byte) 1);

    int stored = put(upload, first);
    int overwrite = put(upload, second);

    assertThat(stored).isEqualTo(200);
    assertThat(overwrite).isEqualTo(412);
    String key = java.net.URI.create(upload.path("url").asText()).getPath();
    String bucket = key.substring(1, key.indexOf('/', 1));
    String objectKey =
        java.net.URLDecoder.decode(
            key.substring(key.indexOf('/', 1) + 1), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
            CLOUD.s3Client().getObjectAsBytes(g -> g.bucket(bucket).key(objectKey)).asByteArray())
        .isEqualTo(first);
  }

  /** A browser's PUT through the link with the headers it was signed for. */
  private static int put(JsonNode upload, byte[] content) throws Exception {
    java.net.http.HttpRequest.Builder put =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.path("url").asText()))
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content));
    upload
        .path("headers")
        .fields()
        .forEachRemaining(
            h -> {
              if (!h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
              }
            });
    return java.net.http.HttpClient.newHttpClient()
        .send(put.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
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
  void aWpsEtFileAndAYearInWords_areEachExplainedPerField_theFileWithHowToSaveIt()
      throws Exception {
    JsonNode response = call("request-upload-wrong-type.json");
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    JsonNode errors = Json.mapper().readTree(response.path("body").asText()).path("errors");
    assertThat(errors)
        .extracting(e -> e.path("field").asText() + ":" + e.path("code").asText())
        .containsExactlyInAnyOrder("year:YEAR_INVALID", "fileName:FILE_TYPE_UNSUPPORTED");
    assertThat(errors.findValuesAsText("message"))
        .anyMatch(m -> m.contains("另存为") && m.contains(".xlsx"));
  }

  @Test
  void aDryRunRequest_opensACheck() throws Exception {
    JsonNode response = call("request-upload-dry-run.json");

    assertThat(response.path("statusCode").asInt()).isEqualTo(201);
    assertThat(Json.mapper().readTree(response.path("body").asText()).path("kind").asText())
        .isEqualTo("CHECK");
  }

  @Test
  void adoptionComparisonAndFiguresOfAnUnknownSubmission_are404_andAYearWithoutFiguresToo()
      throws Exception {
    for (String event :
        new String[] {
          "adopt-checked-submission.json",
          "submission-comparison.json",
          "submission-figures-xlsx.json"
        }) {
      JsonNode response = call(event);
      assertThat(response.path("statusCode").asInt()).as(event).isEqualTo(404);
      assertThat(Json.mapper().readTree(response.path("body").asText()).path("code").asText())
          .as(event)
          .isEqualTo("SUBMISSION_NOT_FOUND");
    }
    JsonNode none = call("figures-in-force.json");
    assertThat(none.path("statusCode").asInt()).isEqualTo(404);
    assertThat(Json.mapper().readTree(none.path("body").asText()).path("code").asText())
        .isEqualTo("NO_FIGURES_IN_FORCE");
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
    ParsedWorkbook parsed = Parse.workbook(workbook, TEMPLATE_YEAR);
    // the headings are understood, and the blank 基本信息 is not stated: what is missing is only
    // the lines
    assertThat(parsed.findings()).extracting(Finding::code).containsExactly(FindingCode.NO_LINES);
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
