package cn.gov.liuyang.bizenv.audit.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.audit.model.PersonalDataReads;
import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit trail on dynalite, in the table template.yaml gives the complaint workflow. */
class DynamoDbPersonalDataReadsIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private final DynamoDbPersonalDataReads reads =
      new DynamoDbPersonalDataReads(
          // the function's own client: IamPolicyIT counts these calls as the function's
          cloud.clientOf("ComplaintWorkflowFunction", AwsClients::dynamoDb),
          cloud.environmentFor("ComplaintWorkflowFunction").get("AUDIT_TABLE"));
  private final String number = TrackingNumber.random().display();

  @Test
  void aCasesReads_comeBackNewestFirst_aPageAtATime_withNothingLost() {
    // GIVEN five reads of one case (two in the same millisecond) and one of another case
    Instant first = Instant.parse("2026-11-27T02:00:00.001Z");
    for (int i = 0; i < 4; i++) {
      reads.record(read(number, "officer-" + i, first.plusMillis(i)));
    }
    reads.record(read(number, "officer-4", first.plusMillis(3)));
    reads.record(read(TrackingNumber.random().display(), "officer-x", first));

    // WHEN the supervisor pages through the case two at a time
    List<PersonalDataRead> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      PersonalDataReads.Page page = reads.ofCase(number, 2, cursor);
      assertThat(page.reads().size()).isLessThanOrEqualTo(2);
      all.addAll(page.reads());
      cursor = page.nextCursor();
    } while (cursor.isPresent());

    // THEN every read of the case, none of the other, newest first, as recorded
    assertThat(all).hasSize(5);
    assertThat(all).extracting(PersonalDataRead::caseNumber).containsOnly(number);
    assertThat(all.get(4).readerId()).isEqualTo("officer-0");
    assertThat(all.get(4).at()).isEqualTo(first);
    assertThat(all.get(4).fields()).containsExactly("contactName", "contactPhone");
    assertThat(all).extracting(PersonalDataRead::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void aForgedCursor_isRefused() {
    String forged =
        Base64.getUrlEncoder()
            .encodeToString("CASE#X".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThatThrownBy(() -> reads.ofCase(number, 2, Optional.of(forged)))
        .isInstanceOf(PersonalDataReads.BadCursor.class);
    assertThatThrownBy(() -> reads.ofCase(number, 2, Optional.of("%%%")))
        .isInstanceOf(PersonalDataReads.BadCursor.class);
  }

  private static PersonalDataRead read(String caseNumber, String reader, Instant at) {
    return new PersonalDataRead(
        caseNumber,
        reader,
        "李明",
        at,
        PersonalDataRead.Purpose.VIEW_CASE,
        List.of("contactName", "contactPhone"));
  }
}
