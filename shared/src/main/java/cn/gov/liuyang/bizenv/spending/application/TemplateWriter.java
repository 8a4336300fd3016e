package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Staffing;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** Writes the workbook finance fills in: headings, units, drop-downs, and the 基本信息 sheet. */
public interface TemplateWriter {
  void write(FiscalYear year, Optional<Prefill> prefill, OutputStream out) throws IOException;

  /** Figures to enter in the template, for examples and tests. */
  record Prefill(
      List<SpendingLine> lines,
      Staffing staffing,
      Money priorYearSanGong,
      Money sanGongBudget,
      ProcurementAndAdjustment procurementAndAdjustment) {}
}
