package cn.gov.liuyang.bizenv.spending.application;

/** A 合计 or 小计 row of the workbook: checked against the lines, never imported as a line. */
record DeclaredTotal(Scope scope, String project, StatedSums stated) {

  enum Scope {
    ALL,
    BASIC,
    /** 人员经费: basic expenditure under 301 and 303 */
    PERSONNEL,
    /** 日常公用经费: the rest of basic expenditure */
    PUBLIC_OPERATING,
    PROJECT,
    ONE_PROJECT
  }
}
