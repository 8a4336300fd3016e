package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import cn.gov.liuyang.bizenv.spending.model.Staffing;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.util.List;
import java.util.Optional;

/**
 * What a workbook says, once read, validated and reconciled. It is acceptable only as a whole: any
 * finding rejects it.
 *
 * @param facts the unit-year facts (编制数, 三公经费 budget, …) its 基本信息 states, as far as it does
 * @param statedYears the years the file states (titles, sheet names, a 年度 column); empty when none
 * @param findingCount all findings, of which {@code findings} keeps the first ones
 * @param notes what was set aside without being wrong (e.g. sheets that hold no data)
 */
public record ParsedWorkbook(
    List<SpendingLine> lines,
    UnitYearFacts facts,
    List<FiscalYear> statedYears,
    Optional<SpendingTotals> totals,
    List<Finding> findings,
    int findingCount,
    List<String> notes) {

  public ParsedWorkbook {
    lines = List.copyOf(lines);
    statedYears = List.copyOf(statedYears);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** 编制数 and 在职人数, when the 基本信息 states both. */
  public Optional<Staffing> staffing() {
    return facts.staffing();
  }

  public Optional<Money> priorYearSanGong() {
    return facts.priorYearSanGong();
  }

  public Optional<Money> sanGongBudget() {
    return facts.sanGongBudget();
  }

  public ProcurementAndAdjustment procurementAndAdjustment() {
    return facts.procurementAndAdjustment();
  }

  public boolean acceptable() {
    return findingCount == 0;
  }

  /** A file refused before any row was read. */
  public static ParsedWorkbook refused(Finding finding) {
    return new ParsedWorkbook(
        List.of(), UnitYearFacts.NONE, List.of(), Optional.empty(), List.of(finding), 1, List.of());
  }
}
