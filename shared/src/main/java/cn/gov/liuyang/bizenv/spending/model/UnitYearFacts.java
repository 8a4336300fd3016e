package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Fact}s one source states about a unit and year: headcounts in people, amounts in 元.
 * Any of them may be absent; a source states what it knows.
 */
public record UnitYearFacts(Map<Fact, BigDecimal> values) {
  public static final UnitYearFacts NONE = new UnitYearFacts(Map.of());

  public UnitYearFacts {
    EnumMap<Fact, BigDecimal> copy = new EnumMap<>(Fact.class);
    values.forEach(
        (fact, value) -> {
          fact.problemWith(value)
              .ifPresent(
                  problem -> {
                    throw new IllegalArgumentException(fact.key() + ": " + value);
                  });
          copy.put(
              fact,
              fact.isAmount()
                  ? value.setScale(2, RoundingMode.UNNECESSARY)
                  : value.setScale(0, RoundingMode.UNNECESSARY));
        });
    values = Collections.unmodifiableMap(copy);
  }

  /** These facts with {@code fact} set to {@code value} (people, or 元). */
  public UnitYearFacts with(Fact fact, BigDecimal value) {
    EnumMap<Fact, BigDecimal> next = new EnumMap<>(Fact.class);
    next.putAll(values);
    next.put(fact, value);
    return new UnitYearFacts(next);
  }

  public UnitYearFacts with(Fact fact, Money amount) {
    return with(fact, amount.yuan());
  }

  public Optional<BigDecimal> value(Fact fact) {
    return Optional.ofNullable(values.get(fact));
  }

  public boolean states(Fact fact) {
    return values.containsKey(fact);
  }

  public Set<Fact> stated() {
    return values.keySet();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** A headcount fact, in people. */
  public Optional<Integer> headcount(Fact fact) {
    return value(fact).map(BigDecimal::intValueExact);
  }

  /** An amount fact, in money. */
  public Optional<Money> amount(Fact fact) {
    return value(fact).map(Money::ofYuan);
  }

  /** 编制数 and 在职人数, when both are stated. */
  public Optional<Staffing> staffing() {
    Optional<Integer> posts = headcount(Fact.AUTHORIZED_POSTS);
    Optional<Integer> staff = headcount(Fact.STAFF_ON_PAYROLL);
    return posts.isPresent() && staff.isPresent()
        ? Optional.of(new Staffing(posts.get(), staff.get()))
        : Optional.empty();
  }

  public Optional<Money> priorYearSanGong() {
    return amount(Fact.PRIOR_YEAR_SAN_GONG);
  }

  public Optional<Money> sanGongBudget() {
    return amount(Fact.SAN_GONG_BUDGET);
  }

  public ProcurementAndAdjustment procurementAndAdjustment() {
    return new ProcurementAndAdjustment(
        amount(Fact.PROCUREMENT_BUDGET),
        amount(Fact.PROCUREMENT_ACTUAL),
        amount(Fact.BUDGET_ADJUSTMENT));
  }

  /** The fact's value as people say it: "12 人", "0.5 万元（5000.00 元）". */
  public static String display(Fact fact, BigDecimal value) {
    if (!fact.isAmount()) {
      return value.toPlainString() + " 人";
    }
    Money money = Money.ofYuan(value);
    return money.yuan().divide(BigDecimal.valueOf(10_000)).stripTrailingZeros().toPlainString()
        + " 万元（"
        + money.yuan().toPlainString()
        + " 元）";
  }
}
