package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import cn.gov.liuyang.bizenv.spending.model.SpendingComparison;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import java.util.Optional;

/**
 * The figures finance checks before the report states them: those of one accepted submission, or
 * those in force for a unit's year, each with the facts beside them; and what adopting a submission
 * would change.
 */
public record ReadSpendingFigures(
    SubmissionStore submissions, AcceptedSpendingReader inForce, ResolveUnitFacts facts) {

  /**
   * @param current whether these figures are the ones in force
   * @param facts the facts in effect with them: for the figures in force, from every source; for a
   *     submission not in force, as they would be if it were adopted
   */
  public record Figures(AcceptedSpending spending, boolean current, ResolvedFacts facts) {}

  /** What is known of a submission's figures. */
  public sealed interface OfSubmission {}

  public record Found(Submission submission, Figures figures) implements OfSubmission {}

  public record NoSuchSubmission() implements OfSubmission {}

  /** The submission exists but has no figures (not accepted, or not processed yet). */
  public record NoFigures(Submission submission) implements OfSubmission {}

  /** A submission's figures; refused ({@code UNIT_FORBIDDEN}) when it is another unit's. */
  public OfSubmission ofSubmission(SubmissionId id, UnitScope actingFor) {
    Optional<Submission> submission = submissions.find(id);
    if (submission.isEmpty()) {
      return new NoSuchSubmission();
    }
    actingFor.require(submission.get().unit());
    Optional<AcceptedSpending> figures = submissions.figuresOf(submission.get());
    if (figures.isEmpty()) {
      return new NoFigures(submission.get());
    }
    boolean current =
        submissions
            .current(submission.get().unit(), submission.get().year())
            .filter(id::equals)
            .isPresent();
    ResolvedFacts resolved =
        current
            ? facts.inForce(figures.get().unit(), figures.get().year())
            : facts.ifAdopted(figures.get());
    return new Found(submission.get(), new Figures(figures.get(), current, resolved));
  }

  /** The unit's figures in force for the year, if any submission was accepted. */
  public Optional<Figures> inForce(UnitId unit, FiscalYear year) {
    return inForce
        .find(unit, year)
        .map(figures -> new Figures(figures, true, facts.inForce(unit, year)));
  }

  /** What adopting an accepted submission would change in the figures in force now. */
  public Optional<SpendingComparison> comparison(Submission submission) {
    return submissions
        .figuresOf(submission)
        .map(
            figures ->
                SpendingComparison.between(
                    inForce.find(submission.unit(), submission.year()), figures));
  }
}
