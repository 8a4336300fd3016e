package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.ledger.model.LedgerCase;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.util.List;

/**
 * A ledger as read: its cases, or the findings that keep it from being imported.
 *
 * @param findings the first findings in detail (up to 2,000); {@code findingCount} counts all
 * @param notes what staff should know that is not wrong: rows set aside, what was assumed
 */
public record ParsedLedger(
    List<LedgerCase> cases, List<Finding> findings, int findingCount, List<String> notes) {
  public ParsedLedger {
    cases = List.copyOf(cases);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** Imported only as a whole: no finding at all, and at least one case. */
  public boolean acceptable() {
    return findingCount == 0 && !cases.isEmpty();
  }

  /** A file refused before its rows could be read. */
  public static ParsedLedger refused(Finding finding) {
    return new ParsedLedger(List.of(), List.of(finding), 1, List.of());
  }
}
