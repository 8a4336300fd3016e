package cn.gov.liuyang.bizenv.spending.application;

/**
 * Where an import notes a workbook that no rule foresaw, so the rule can be added; the file itself
 * still gets an answer (rejected as unreadable).
 */
public interface IngestLog {
  /**
   * The submission and the failure's class and place; never its message, which may quote content.
   */
  void unforeseen(String submissionId, RuntimeException failure);
}
