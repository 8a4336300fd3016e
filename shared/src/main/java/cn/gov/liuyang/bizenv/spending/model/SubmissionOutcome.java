package cn.gov.liuyang.bizenv.spending.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the import concluded about a submission: accepted as a whole or rejected as a whole.
 *
 * @param totals the reconciled totals, when the lines could be read
 * @param firstFindings the first findings, for a quick look; the full list is in the result files
 * @param adopted whether its lines became the year's figures when it was accepted (false when a
 *     newer submission had already been adopted)
 * @param outcomeKey the JSON outcome in the results bucket
 * @param reportKey the workbook for finance (findings sheet) in the results bucket
 * @param notes what finance should know that is not wrong: the facts read, derived or still
 *     missing, the year assumed, sheets set aside
 * @param checkedAgainst for a check (预检): the submission whose figures were in force when it was
 *     checked (empty when none was); adoption is refused if that has changed
 */
public record SubmissionOutcome(
    boolean accepted,
    Instant processedAt,
    int lineCount,
    int findingCount,
    Optional<SpendingTotals> totals,
    List<Finding> firstFindings,
    boolean adopted,
    String outcomeKey,
    String reportKey,
    List<String> notes,
    Optional<SubmissionId> checkedAgainst) {

  public SubmissionOutcome {
    firstFindings = List.copyOf(firstFindings);
    notes = List.copyOf(notes);
  }
}
