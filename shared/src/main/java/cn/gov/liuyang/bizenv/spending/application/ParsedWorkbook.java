package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import cn.gov.liuyang.bizenv.spending.model.Staffing;
import java.util.List;
import java.util.Optional;

/**
 * What a workbook says, once read, validated and reconciled. It is acceptable only as a whole: any
 * finding rejects it.
 *
 * @param procurementAndAdjustment the optional 政府采购 and 预算调整 figures, as far as stated
 * @param findingCount all findings, of which {@code findings} keeps the first ones
 * @param notes what was set aside without being wrong (e.g. sheets that hold no data)
 */
public record ParsedWorkbook(
    List<SpendingLine> lines,
    Optional<Staffing> staffing,
    Optional<Money> priorYearSanGong,
    Optional<Money> sanGongBudget,
    ProcurementAndAdjustment procurementAndAdjustment,
    Optional<SpendingTotals> totals,
    List<Finding> findings,
    int findingCount,
    List<String> notes) {

  public ParsedWorkbook {
    lines = List.copyOf(lines);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  public boolean acceptable() {
    return findingCount == 0;
  }

  /** A file refused before any row was read. */
  public static ParsedWorkbook refused(Finding finding) {
    return new ParsedWorkbook(
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ProcurementAndAdjustment.NONE,
        Optional.empty(),
        List.of(finding),
        1,
        List.of());
  }
}
