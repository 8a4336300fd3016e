package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.FactSource;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts.FromWorkbook;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts.PreviousYear;
import java.util.Optional;

/**
 * The facts in effect for a unit and year, from every source: what staff entered, the 基本信息 of the
 * workbook in force (or of one being imported), and what the previous year's figures in force
 * imply.
 */
public record ResolveUnitFacts(AcceptedSpendingReader spending, UnitFactsStore entered) {

  /** With the workbook whose figures are in force. */
  public ResolvedFacts inForce(UnitId unit, FiscalYear year) {
    return resolve(unit, year, spending.find(unit, year).map(ResolveUnitFacts::fromWorkbook));
  }

  /** With the given figures' workbook instead of the one in force (a submission being read). */
  public ResolvedFacts ifAdopted(AcceptedSpending figures) {
    return resolve(figures.unit(), figures.year(), Optional.of(fromWorkbook(figures)));
  }

  private ResolvedFacts resolve(UnitId unit, FiscalYear year, Optional<FromWorkbook> workbook) {
    Optional<PreviousYear> previous =
        year.value() > 2000
            ? spending.find(unit, year.previous()).map(PreviousYear::of)
            : Optional.empty();
    return ResolvedFacts.resolve(entered.latest(unit, year), workbook, previous);
  }

  private static FromWorkbook fromWorkbook(AcceptedSpending figures) {
    return new FromWorkbook(
        figures.facts(), new FactSource.Workbook(figures.submissionId(), figures.fileName()));
  }
}
