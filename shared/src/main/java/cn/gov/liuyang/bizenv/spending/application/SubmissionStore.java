package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Submissions, their lines and which one holds each unit's figures for a year. Every change is one
 * conditional single-item write (or, for the lines, writes of items keyed by the submission that
 * nothing reads before it is in force), so a failure half-way leaves the previous figures in force,
 * and each is safe to repeat.
 */
public interface SubmissionStore extends DeliveryLeases {
  /** Records a new submission; it must not exist yet. */
  void create(Submission submission);

  Optional<Submission> find(SubmissionId id);

  /** A unit's submissions for a year, oldest first. */
  List<Submission> list(UnitId unit, FiscalYear year);

  /** The submission whose lines are the unit's figures for the year, if any was accepted. */
  Optional<SubmissionId> current(UnitId unit, FiscalYear year);

  /**
   * Stores an accepted submission's lines and the facts its workbook states under its own id (not
   * yet the year's figures). Storing them again replaces them: a line left from an earlier, longer
   * attempt is never read.
   */
  void saveFigures(SubmissionId id, List<SpendingLine> lines, UnitYearFacts facts);

  /** An accepted submission's figures, whether or not they are in force; empty for others. */
  Optional<AcceptedSpending> figuresOf(Submission submission);

  /**
   * Makes a checked submission the year's figures, if the figures in force are still those of
   * {@code expectedCurrent} (none, when empty); records who adopted it and when.
   *
   * @return whether it was adopted
   */
  boolean adopt(
      Submission submission, Optional<SubmissionId> expectedCurrent, Instant at, String by);

  /**
   * Makes the submission the year's figures, unless a submission requested later already is.
   *
   * @return whether it became (or already was) the year's figures
   */
  boolean makeCurrent(Submission submission, Instant acceptedAt);

  /** Records the outcome, if the submission is still being processed for that object. */
  void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, SubmissionOutcome outcome);

  /** What {@link #claim} found. */
  enum Claim {
    /** taken: process it */
    TAKEN,
    /** that object was processed already: nothing to do */
    ALREADY_PROCESSED,
    /** another delivery is processing it now: try again later */
    BUSY,
    /** a different object was processed for this submission: the upload link was reused */
    OTHER_OBJECT_PROCESSED,
    /** no such submission (not an upload this system handed out) */
    UNKNOWN
  }
}
