package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * The optional 基本信息 figures for 政府采购 and 预算调整; each is empty when the workbook does not state it.
 *
 * @param procurementBudget 政府采购预算数, for 政府采购执行率
 * @param procurementActual 政府采购实际数 (it may exceed the budget: a rate above 100%)
 * @param budgetAdjustment 预算调整数, the year's net adjustment (调整后预算 − 年初预算); negative for a reduction
 */
public record ProcurementAndAdjustment(
    Optional<Money> procurementBudget,
    Optional<Money> procurementActual,
    Optional<Money> budgetAdjustment) {

  public static final ProcurementAndAdjustment NONE =
      new ProcurementAndAdjustment(Optional.empty(), Optional.empty(), Optional.empty());

  public ProcurementAndAdjustment {
    Objects.requireNonNull(procurementBudget, "procurementBudget");
    Objects.requireNonNull(procurementActual, "procurementActual");
    Objects.requireNonNull(budgetAdjustment, "budgetAdjustment");
    if (procurementBudget.filter(Money::isNegative).isPresent()
        || procurementActual.filter(Money::isNegative).isPresent()) {
      throw new IllegalArgumentException("procurement amounts are not negative");
    }
  }
}
