package cn.gov.liuyang.bizenv.spending.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpendingComparisonTest {

  @Test
  void eachTotalProjectAndItem_isComparedBeforeAndAfter() {
    AcceptedSpending before = Seed2021.spending();
    List<SpendingLine> lines = new ArrayList<>(before.lines());
    SpendingLine first = lines.get(0);
    lines.set(
        0,
        new SpendingLine(
            first.type(),
            first.project(),
            first.economicCode(),
            first.economicName(),
            first.budget(),
            first.actual().minus(Money.ofYuan("1000")),
            first.fundSource()));
    lines.add(
        new SpendingLine(
            ExpenditureType.PROJECT,
            Optional.of("新项目"),
            new EconomicCode("30201"),
            "办公费",
            Money.ofYuan("500"),
            Money.ofYuan("500"),
            "财政拨款"));
    AcceptedSpending after =
        new AcceptedSpending(
            before.unit(),
            before.year(),
            "next",
            "b.xlsx",
            before.acceptedAt(),
            lines,
            before.facts());

    SpendingComparison comparison = SpendingComparison.between(Optional.of(before), after);

    assertThat(comparison.changesAnything()).isTrue();
    SpendingComparison.Row total =
        comparison.totals().stream()
            .filter(r -> r.key().equals("totalActual"))
            .findFirst()
            .orElseThrow();
    assertThat(total.difference()).isEqualTo(Money.ofYuan("-500"));
    SpendingComparison.Row added =
        comparison.byProject().stream()
            .filter(r -> r.key().equals("新项目"))
            .findFirst()
            .orElseThrow();
    assertThat(added.before()).isEqualTo(Money.ZERO);
    assertThat(added.after()).isEqualTo(Money.ofYuan("500"));
    assertThat(comparison.byEconomicCode())
        .filteredOn(r -> r.key().equals(first.economicCode().value()))
        .singleElement()
        .satisfies(r -> assertThat(r.difference()).isEqualTo(Money.ofYuan("-1000")));
  }

  @Test
  void withNoFiguresInForce_everythingIsNew() {
    SpendingComparison comparison =
        SpendingComparison.between(Optional.empty(), Seed2021.spending());

    assertThat(comparison.before()).isEmpty();
    assertThat(comparison.totals().get(0).before()).isEqualTo(Money.ZERO);
    assertThat(comparison.changesAnything()).isTrue();
  }

  @Test
  void theSameFigures_changeNothing() {
    SpendingComparison comparison =
        SpendingComparison.between(Optional.of(Seed2021.spending()), Seed2021.spending());

    assertThat(comparison.changesAnything()).isFalse();
  }
}
