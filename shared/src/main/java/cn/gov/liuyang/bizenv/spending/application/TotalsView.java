package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;

/** Totals as the API and the outcome file show them: exact 元 and the report's 万元 (1 decimal). */
public record TotalsView(
    Amount total,
    Amount basic,
    Amount personnel,
    Amount publicOperating,
    Amount project,
    Amount sanGong,
    int projects,
    int economicItems) {

  /** One amount in 元 (exact, as text) and 万元 rounded as the report prints it. */
  public record Amount(String yuan, String wanYuan) {
    public static Amount of(Money money) {
      return new Amount(money.yuan().toPlainString(), money.toWanYuan(1).toPlainString());
    }
  }

  public static TotalsView of(SpendingTotals totals) {
    return new TotalsView(
        Amount.of(totals.total()),
        Amount.of(totals.basic()),
        Amount.of(totals.personnel()),
        Amount.of(totals.publicOperating()),
        Amount.of(totals.project()),
        Amount.of(totals.sanGong()),
        totals.projects(),
        totals.economicItems());
  }
}
