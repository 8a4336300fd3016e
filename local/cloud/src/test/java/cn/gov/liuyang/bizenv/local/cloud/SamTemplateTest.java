package cn.gov.liuyang.bizenv.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
  private final SamTemplate template = SamTemplate.load();

  @Test
  void readsRoutesWithTheirAuthorizationFromTheTemplate() {
    var intake = template.function("ComplaintIntakeFunction").orElseThrow();
    assertThat(intake.routes()).contains(new SamTemplate.Route("POST", "/complaints", false));
    assertThat(intake.handlerClass()).endsWith("ComplaintIntakeHandler");
  }

  @Test
  void resolvesShortFormTagsToTheLogicalIdTheyName() {
    var intake = template.function("ComplaintIntakeFunction").orElseThrow();
    assertThat(intake.environmentReferences()).containsEntry("COMPLAINTS_TABLE", "ComplaintsTable");
  }

  @Test
  void givesAFunctionTheDefaultOfATemplateParameterItReferences() {
    var environment =
        LocalCloud.environmentFor(
            template,
            "ReportGeneratorFunction",
            URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:2"));

    assertThat(environment)
        .containsEntry("COMPLAINT_TIME_LIMITS", "accept=3,handle=15,revisit=5")
        .containsEntry("COMPLAINTS_TABLE", LocalCloud.tableName("ComplaintsTable"));
  }

  @Test
  void theIngestFunctionKnowsAfterWhichDeliveryItsQueueGivesUp() {
    // a failure of that delivery marks the upload FAILED: it must be the queue's last one
    var environment =
        LocalCloud.environmentFor(
            template,
            "SpendingIngestFunction",
            URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:2"));

    assertThat(environment.get("INGEST_MAX_RECEIVE_COUNT"))
        .isEqualTo(
            template
                .resourceProperties("SpendingUploadQueue")
                .path("RedrivePolicy")
                .path("maxReceiveCount")
                .asText());
  }

  @Test
  void namesLocalBucketsInLowerCaseWords() {
    assertThat(LocalCloud.bucketName("UploadsBucket")).isEqualTo("uploads-bucket");
  }
}
