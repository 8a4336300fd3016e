package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import java.util.Optional;

/** A 合计 or 小计 row of the workbook: checked against the lines, never imported as a line. */
record DeclaredTotal(
    Scope scope,
    String project,
    Optional<Money> budget,
    Optional<Money> actual,
    String sheet,
    int row) {

  enum Scope {
    ALL,
    BASIC,
    PROJECT,
    ONE_PROJECT
  }
}
