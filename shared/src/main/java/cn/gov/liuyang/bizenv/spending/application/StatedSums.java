package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import java.util.Optional;

/**
 * The sums a 合计, 小计 or class-level row of the workbook states, and where it stands: checked against
 * the lines it covers, never imported as a line.
 *
 * @param budgetUnit the unit the row's 预算数 is written in, to quote it back the same way
 * @param actualUnit the unit the row's 执行数 is written in
 */
record StatedSums(
    Optional<Money> budget,
    Optional<Money> actual,
    AmountUnit budgetUnit,
    AmountUnit actualUnit,
    String sheet,
    int row) {}
