package cn.gov.liuyang.bizenv.spending.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A fact about a unit and year that is not a spending line (DOMAIN.md §2): it comes from the
 * personnel office or the budget, is read from a workbook when it has it, entered by staff, or
 * derived from the data.
 */
public enum Fact {
  AUTHORIZED_POSTS("authorizedPosts", "编制数", Kind.HEADCOUNT, true),
  STAFF_ON_PAYROLL("staffOnPayroll", "在职人数", Kind.HEADCOUNT, true),
  PRIOR_YEAR_SAN_GONG("priorYearSanGong", "上年三公经费决算数", Kind.AMOUNT, true),
  SAN_GONG_BUDGET("sanGongBudget", "本年三公经费预算数", Kind.AMOUNT, true),
  PROCUREMENT_BUDGET("procurementBudget", "政府采购预算数", Kind.AMOUNT, false),
  PROCUREMENT_ACTUAL("procurementActual", "政府采购实际数", Kind.AMOUNT, false),
  /** The year's net adjustment (调整后预算 − 年初预算): negative for a reduction. */
  BUDGET_ADJUSTMENT("budgetAdjustment", "预算调整数", Kind.SIGNED_AMOUNT, false);

  /** Largest headcount and amount (元) taken as real: beyond them a typing slip is likelier. */
  private static final BigDecimal MAX_HEADCOUNT = BigDecimal.valueOf(100_000);

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  /** What kind of number the fact is. */
  public enum Kind {
    /** whole people */
    HEADCOUNT,
    /** 元, not negative, to the 分 */
    AMOUNT,
    /** 元, negative allowed, to the 分 */
    SIGNED_AMOUNT
  }

  private final String key;
  private final String label;
  private final Kind kind;
  private final boolean neededForReport;

  Fact(String key, String label, Kind kind, boolean neededForReport) {
    this.key = key;
    this.label = label;
    this.kind = kind;
    this.neededForReport = neededForReport;
  }

  /** The stable name in the API and in storage. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isAmount() {
    return kind != Kind.HEADCOUNT;
  }

  /** Whether the annual report cannot be made without it (the others are optional tables). */
  public boolean neededForReport() {
    return neededForReport;
  }

  public static Optional<Fact> ofKey(String key) {
    for (Fact fact : values()) {
      if (fact.key.equals(key)) {
        return Optional.of(fact);
      }
    }
    return Optional.empty();
  }

  /** Why {@code value} (people, or 元) cannot be this fact, in Chinese; empty when it can. */
  public Optional<String> problemWith(BigDecimal value) {
    String name = "“" + label + "”";
    switch (kind) {
      case HEADCOUNT -> {
        if (value.signum() < 0
            || value.stripTrailingZeros().scale() > 0
            || value.compareTo(MAX_HEADCOUNT) > 0) {
          return Optional.of(name + "应为 0 至 100000 之间的整数（人）");
        }
      }
      case AMOUNT, SIGNED_AMOUNT -> {
        if (kind == Kind.AMOUNT && value.signum() < 0) {
          return Optional.of(name + "不能为负数");
        }
        if (value.stripTrailingZeros().scale() > 2) {
          return Optional.of(name + "最多精确到分（元的 2 位小数）");
        }
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
          return Optional.of(name + "超出合理范围（超过 1 万亿元），请检查单位是否写错");
        }
      }
    }
    return Optional.empty();
  }
}
