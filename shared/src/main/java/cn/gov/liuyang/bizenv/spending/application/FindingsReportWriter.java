package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Submission;

/**
 * Writes the workbook finance reads: the outcome, the reconciled totals and every finding by row.
 */
public interface FindingsReportWriter {
  byte[] write(Submission submission, ParsedWorkbook parsed, boolean adopted);
}
