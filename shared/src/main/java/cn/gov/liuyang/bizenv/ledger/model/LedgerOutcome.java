package cn.gov.liuyang.bizenv.ledger.model;

import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the import concluded about a ledger: imported as a whole or rejected as a whole.
 *
 * @param current whether its cases became the unit's ledger for the year (false when rejected, or
 *     when a ledger requested later had already been imported)
 * @param figures the year's figures its cases give, as the statistics count them (received by kind,
 *     accepted, closed, closed on time, meetings, difficulties solved, rated, satisfied)
 * @param firstFindings the first 20 findings; the JSON outcome and the workbook hold them all
 */
public record LedgerOutcome(
    boolean accepted,
    Instant processedAt,
    int caseCount,
    int findingCount,
    List<Finding> firstFindings,
    boolean current,
    Map<String, Integer> figures,
    String outcomeKey,
    String reportKey,
    List<String> notes) {
  public LedgerOutcome {
    firstFindings = List.copyOf(firstFindings);
    figures = Map.copyOf(figures);
    notes = List.copyOf(notes);
  }
}
