package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/** Writes the workbook finance fills in: headings, units, drop-downs, and the 基本信息 sheet. */
public interface TemplateWriter {
  void write(FiscalYear year, Optional<Prefill> prefill, OutputStream out) throws IOException;

  /**
   * Figures to enter in the template: a year's figures to download and check, examples, tests.
   *
   * @param facts the 基本信息 to fill in, as far as known
   */
  record Prefill(List<SpendingLine> lines, UnitYearFacts facts) {}
}
