package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Submission;
import java.util.List;

/**
 * Writes the workbook finance reads: the outcome, the reconciled totals and every finding by row.
 */
public interface FindingsReportWriter {
  /**
   * @param adopted whether an import's figures became the year's figures
   * @param notes what finance should know besides the findings (facts read, derived or missing)
   */
  byte[] write(Submission submission, ParsedWorkbook parsed, boolean adopted, List<String> notes);
}
