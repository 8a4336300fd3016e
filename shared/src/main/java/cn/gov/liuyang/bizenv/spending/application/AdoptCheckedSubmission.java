package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.SpendingComparison;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * Makes a checked submission (预检) the year's figures without uploading it again, provided the
 * figures in force are still the ones it was compared with; otherwise answers with the comparison
 * against the figures now in force, so staff adopt knowingly.
 */
public record AdoptCheckedSubmission(
    SubmissionStore submissions, AcceptedSpendingReader inForce, Clock clock) {

  /**
   * @param confirmedCurrent the figures in force staff compared it with, when they state it (after
   *     a {@link FiguresChanged}); empty means "as when it was checked"
   * @param by who adopts it (display name)
   * @param actingFor the units the caller may act for: another unit's submission is refused
   */
  public record Command(
      SubmissionId id,
      Optional<Optional<SubmissionId>> confirmedCurrent,
      String by,
      UnitScope actingFor) {}

  /** What became of the request. */
  public sealed interface Outcome {}

  /** Its figures are the year's figures now. */
  public record Adopted(Submission submission) implements Outcome {}

  /** They already were. */
  public record AlreadyInForce(Submission submission) implements Outcome {}

  public record NotFound() implements Outcome {}

  /** Not a check that passed: nothing to adopt. */
  public record NotAdoptable(String code, String message) implements Outcome {}

  /** The figures in force changed since the comparison staff saw: here is the new one. */
  public record FiguresChanged(Optional<SubmissionId> current, SpendingComparison comparison)
      implements Outcome {}

  public Outcome adopt(Command command) {
    Optional<Submission> found = submissions.find(command.id());
    if (found.isEmpty()) {
      return new NotFound();
    }
    Submission submission = found.get();
    command.actingFor().require(submission.unit());
    if (submission.kind() != SubmissionKind.CHECK) {
      return new NotAdoptable("NOT_A_CHECK", "这份提交是直接导入的，不是预检：通过校验时已自动启用，无需再启用");
    }
    if (submission.status() != SubmissionStatus.ACCEPTED) {
      return new NotAdoptable(
          "CHECK_NOT_PASSED",
          switch (submission.status()) {
            case REJECTED -> "预检未通过，不能启用：请按问题清单修改后重新预检";
            case FAILED -> "预检未能完成（处理失败，不是文件内容的问题），不能启用：请重新上传预检";
            default -> "预检尚未完成（" + submission.status().label() + "），请稍后再试";
          });
    }
    Optional<SubmissionId> current = submissions.current(submission.unit(), submission.year());
    if (current.filter(submission.id()::equals).isPresent()) {
      return new AlreadyInForce(submission);
    }
    Optional<SubmissionId> expected =
        command
            .confirmedCurrent()
            .orElseGet(() -> submission.outcome().flatMap(o -> o.checkedAgainst()));
    if (!expected.equals(current)
        || !submissions.adopt(submission, expected, clock.instant(), command.by())) {
      return changed(submission);
    }
    return new Adopted(submissions.find(submission.id()).orElse(submission));
  }

  private FiguresChanged changed(Submission submission) {
    Optional<AcceptedSpending> now = inForce.find(submission.unit(), submission.year());
    AcceptedSpending checked = submissions.figuresOf(submission).orElseThrow();
    return new FiguresChanged(
        now.map(figures -> new SubmissionId(figures.submissionId())),
        SpendingComparison.between(now, checked));
  }
}
