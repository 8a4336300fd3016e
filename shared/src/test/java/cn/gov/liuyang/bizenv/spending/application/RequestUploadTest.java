package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fakes.InMemoryUploads.Signed;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opening a submission and handing out the one link its workbook may be uploaded through. */
class RequestUploadTest {
  private final InMemorySpendingDesk desk = new InMemorySpendingDesk();

  @Test
  void aRequest_opensASubmissionOfItsKind_awaitingItsWorkbook() {
    Instant now = desk.clock.instant();

    RequestUpload.Ticket ticket =
        desk.requestUpload.request(
            new RequestUpload.Command(
                Seed2021.UNIT,
                Seed2021.YEAR,
                "2021年度支出明细.xls",
                UploadKey.FileFormat.XLS,
                123_456,
                "staff-finance-01",
                SubmissionKind.CHECK));

    Submission submission = desk.spending.find(ticket.submissionId()).orElseThrow();
    assertThat(submission.kind()).isEqualTo(SubmissionKind.CHECK);
    assertThat(submission.status()).isEqualTo(SubmissionStatus.AWAITING_UPLOAD);
    assertThat(submission.unit()).isEqualTo(Seed2021.UNIT);
    assertThat(submission.year()).isEqualTo(Seed2021.YEAR);
    assertThat(submission.fileName()).isEqualTo("2021年度支出明细.xls");
    assertThat(submission.requestedBy()).isEqualTo("staff-finance-01");
    assertThat(submission.requestedAt()).isEqualTo(now);
    assertThat(submission.outcome()).isEmpty();
    assertThat(desk.spending.list(Seed2021.UNIT, Seed2021.YEAR)).containsExactly(submission);
  }

  @Test
  void theLink_isSignedForTheFormatsTypeAndTheAnnouncedSize_forFifteenMinutes() {
    RequestUpload.Ticket ticket =
        desk.request(Seed2021.UNIT, Seed2021.YEAR, "2021.xlsx", 98_765, SubmissionKind.IMPORT);

    UploadKey key = UploadKey.parse(ticket.key()).orElseThrow();
    assertThat(key.submission()).isEqualTo(ticket.submissionId());
    assertThat(key.format()).isEqualTo(UploadKey.FileFormat.XLSX);
    assertThat(desk.spending.find(ticket.submissionId()).orElseThrow().uploadKey()).isEqualTo(key);
    assertThat(desk.uploads.signed())
        .containsExactly(
            new Signed(
                key,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                98_765,
                RequestUpload.LINK_LIFETIME));
    assertThat(ticket.upload().expiresAt())
        .isEqualTo(desk.clock.instant().plus(RequestUpload.LINK_LIFETIME));
    assertThat(RequestUpload.LINK_LIFETIME).hasMinutes(15);
  }

  @Test
  void everyRequest_opensItsOwnSubmission() {
    RequestUpload.Ticket first =
        desk.request(Seed2021.UNIT, Seed2021.YEAR, "a.xlsx", 1, SubmissionKind.IMPORT);
    RequestUpload.Ticket second =
        desk.request(Seed2021.UNIT, Seed2021.YEAR, "a.xlsx", 1, SubmissionKind.IMPORT);

    assertThat(first.submissionId()).isNotEqualTo(second.submissionId());
    assertThat(desk.spending.list(Seed2021.UNIT, Seed2021.YEAR)).hasSize(2);
    assertThat(desk.spending.find(first.submissionId()).map(Submission::kind))
        .isEqualTo(Optional.of(SubmissionKind.IMPORT));
  }
}
