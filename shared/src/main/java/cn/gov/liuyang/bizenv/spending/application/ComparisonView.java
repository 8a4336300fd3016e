package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.SpendingComparison;
import java.util.List;

/**
 * A comparison as the API and the outcome file show it: each figure before, after and the
 * difference, in exact 元 (text) and in 万元 as the report rounds it.
 */
public record ComparisonView(
    String before,
    String after,
    boolean changesAnything,
    List<RowView> totals,
    List<RowView> byProject,
    List<RowView> byEconomicCode) {

  /** One figure. */
  public record RowView(
      String key,
      String label,
      TotalsView.Amount before,
      TotalsView.Amount after,
      TotalsView.Amount difference) {}

  public static ComparisonView of(SpendingComparison comparison) {
    return new ComparisonView(
        comparison.before().orElse(null),
        comparison.after(),
        comparison.changesAnything(),
        rows(comparison.totals()),
        rows(comparison.byProject()),
        rows(comparison.byEconomicCode()));
  }

  private static List<RowView> rows(List<SpendingComparison.Row> rows) {
    return rows.stream()
        .map(
            row ->
                new RowView(
                    row.key(),
                    row.label(),
                    amount(row.before()),
                    amount(row.after()),
                    amount(row.difference())))
        .toList();
  }

  private static TotalsView.Amount amount(Money money) {
    return TotalsView.Amount.of(money);
  }
}
