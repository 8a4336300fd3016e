package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import java.util.Optional;

/**
 * A 合计 or 小计 row of the workbook: checked against the lines, never imported as a line.
 *
 * @param budgetUnit the unit the row's 预算数 is written in, to quote it back the same way
 * @param actualUnit the unit the row's 执行数 is written in
 */
record DeclaredTotal(
    Scope scope,
    String project,
    Optional<Money> budget,
    Optional<Money> actual,
    AmountUnit budgetUnit,
    AmountUnit actualUnit,
    String sheet,
    int row) {

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
