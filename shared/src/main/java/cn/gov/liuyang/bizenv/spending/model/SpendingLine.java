package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted line of the year's spending: what was budgeted and actually spent, for one economic
 * classification item, as basic expenditure or under a named project.
 *
 * @param project the project name for project expenditure; empty for basic expenditure
 * @param economicName the item's name as the classification gives it (e.g. 办公费)
 * @param budget the adjusted budget (调整后预算数); zero when the workbook gives none
 * @param actual what was spent (执行数/决算数)
 * @param fundSource 资金来源, e.g. 财政拨款
 */
public record SpendingLine(
    ExpenditureType type,
    Optional<String> project,
    EconomicCode economicCode,
    String economicName,
    Money budget,
    Money actual,
    String fundSource) {

  public SpendingLine {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(economicCode, "economicCode");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(actual, "actual");
    if (type == ExpenditureType.PROJECT && project.isEmpty()) {
      throw new IllegalArgumentException("project expenditure names its project");
    }
  }
}
