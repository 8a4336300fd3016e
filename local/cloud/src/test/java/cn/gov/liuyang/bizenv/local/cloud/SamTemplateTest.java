package cn.gov.liuyang.bizenv.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

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
  void namesLocalBucketsInLowerCaseWords() {
    assertThat(LocalCloud.bucketName("UploadsBucket")).isEqualTo("uploads-bucket");
  }
}
