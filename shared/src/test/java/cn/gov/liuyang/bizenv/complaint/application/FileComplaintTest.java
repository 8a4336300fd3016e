package cn.gov.liuyang.bizenv.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileComplaintTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC);
  private final InMemoryComplaints complaints = new InMemoryComplaints();
  private final InMemorySubmissions submissions = new InMemorySubmissions();
  private final FileComplaint fileComplaint =
      new FileComplaint(complaints, submissions, clock, ComplaintFixtures.DEADLINES);

  private static FileComplaintCommand command(String description, Optional<String> key) {
    return new FileComplaintCommand(
        ComplaintKind.COMPLAINT,
        "市场监督管理局",
        description,
        Enterprise.NONE,
        Optional.of(
            new Contact(new PersonName("张三"), MobileNumber.parse("13812345678").orElseThrow())),
        key);
  }

  @Test
  void filesAComplaintWaitingToBeAccepted_withATokenOnlyItsHashIsKeptOf() {
    FiledComplaint filed = fileComplaint.file(command("未受理", Optional.empty()));

    Complaint stored = complaints.find(filed.complaint().trackingNumber()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ComplaintStatus.RECEIVED);
    assertThat(stored.history()).hasSize(1);
    assertThat(stored.accessTokenHash().matches(filed.accessToken().value())).isTrue();
    assertThat(stored.toString()).doesNotContain(filed.accessToken().value());
  }

  @Test
  void givenNoCalendarForTheYear_theComplaintIsStillFiled_withTheDeadlineFlaggedUnknown() {
    FiledComplaint filed = fileComplaint.file(command("未受理", Optional.empty()));

    Complaint stored = complaints.find(filed.complaint().trackingNumber()).orElseThrow();
    assertThat(stored.dueBy()).isEmpty();
    assertThat(stored.deadlineUnknown().map(DeadlineUnknown::missingCalendarYear)).contains(2026);
  }

  @Test
  void givenTheSameKeyAndContent_whenRetried_thenTheSameNumberAndTokenAndNothingNew() {
    FiledComplaint first = fileComplaint.file(command("未受理", Optional.of("key-12345678")));
    FiledComplaint again = fileComplaint.file(command("未受理", Optional.of("key-12345678")));

    assertThat(again.complaint().trackingNumber()).isEqualTo(first.complaint().trackingNumber());
    assertThat(again.accessToken()).isEqualTo(first.accessToken());
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(complaints.size()).isEqualTo(1);
  }

  @Test
  void givenTheSameKeyWithOtherContent_thenA422AndNothingNew() {
    fileComplaint.file(command("未受理", Optional.of("key-12345678")));

    assertThatThrownBy(() -> fileComplaint.file(command("另一件事", Optional.of("key-12345678"))))
        .isInstanceOfSatisfying(
            Refusal.class,
            p -> {
              assertThat(p.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
              assertThat(p.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            });
    assertThat(complaints.size()).isEqualTo(1);
  }

  @Test
  void givenACrashAfterTheKeyWasClaimed_whenRetried_thenTheComplaintIsStoredWithTheSameToken() {
    InMemoryComplaints crashingOnce =
        new InMemoryComplaints() {
          boolean crashed;

          @Override
          public boolean add(Complaint complaint) {
            if (!crashed) {
              crashed = true;
              throw new IllegalStateException("connection reset");
            }
            return super.add(complaint);
          }
        };
    FileComplaint flaky =
        new FileComplaint(crashingOnce, submissions, clock, ComplaintFixtures.DEADLINES);
    assertThatThrownBy(() -> flaky.file(command("未受理", Optional.of("key-12345678"))))
        .isInstanceOf(IllegalStateException.class);

    FiledComplaint retried = flaky.file(command("未受理", Optional.of("key-12345678")));

    assertThat(crashingOnce.size()).isEqualTo(1);
    assertThat(retried.complaint().trackingNumber())
        .isEqualTo(submissions.stored.values().iterator().next().trackingNumber());
    assertThat(retried.complaint().accessTokenHash().matches(retried.accessToken().value()))
        .isTrue();
  }

  @Test
  void givenTheClaimedNumberIsTakenByAnotherComplaint_thenTheKeyIsRenumbered() {
    FiledComplaint other = fileComplaint.file(command("别人的投诉", Optional.empty()));
    String keyHash = FileComplaintCommand.sha256Hex("key-12345678");
    FileComplaintCommand mine = command("未受理", Optional.of("key-12345678"));
    submissions.claim(
        new Submission(
            keyHash,
            mine.fingerprint(),
            other.complaint().trackingNumber(),
            "AAAA",
            clock.instant()));

    FiledComplaint filed = fileComplaint.file(mine);

    assertThat(filed.complaint().trackingNumber()).isNotEqualTo(other.complaint().trackingNumber());
    assertThat(complaints.size()).isEqualTo(2);
    assertThat(fileComplaint.file(mine).complaint().trackingNumber())
        .isEqualTo(filed.complaint().trackingNumber());
  }
}
