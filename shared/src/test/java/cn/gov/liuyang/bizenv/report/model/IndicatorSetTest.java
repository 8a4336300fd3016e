package cn.gov.liuyang.bizenv.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IndicatorSetTest {
  private static final IndicatorSet SHIPPED_2021 =
      new ClasspathIndicatorSets().forYear(Seed2021.YEAR).orElseThrow();

  @Test
  void versionsAreNamedYearDashNumber_andReadBackOnlyForTheirYear() {
    FiscalYear year = new FiscalYear(2023);

    assertThat(IndicatorSet.version(year, 1)).isEqualTo("2023-1");
    assertThat(IndicatorSet.versionNumber(year, "2023-12")).isEqualTo(OptionalInt.of(12));
    assertThat(IndicatorSet.versionNumber(year, "2021-1")).isEmpty();
    assertThat(IndicatorSet.versionNumber(year, "2023-0")).isEmpty();
    assertThat(IndicatorSet.versionNumber(year, "v2")).isEmpty();
    assertThat(IndicatorSet.versionNumber(year, null)).isEmpty();
  }

  @Test
  void theSameContent_underAnotherYearOrVersion_isTheSameContent_whateverTheNumbersScale() {
    List<Indicator> rescaled = new ArrayList<>();
    for (Indicator i : SHIPPED_2021.indicators()) {
      rescaled.add(
          new Indicator(
              i.id(), i.tier(), i.category(), i.name(), i.weight().setScale(2), i.rule()));
    }
    IndicatorSet copy =
        new IndicatorSet(
            new FiscalYear(2023), "2023-1", SHIPPED_2021.name(), SHIPPED_2021.source(), rescaled);

    assertThat(copy.sameContentAs(SHIPPED_2021)).isTrue();
    assertThat(copy.as(copy.year(), "2023-1", "另一个名称").sameContentAs(SHIPPED_2021)).isFalse();
  }

  @Test
  void anotherVersionOfTheSet_givesTheReportAnotherFingerprint() {
    IndicatorSet next = SHIPPED_2021.as(Seed2021.YEAR, "2021-2", SHIPPED_2021.name());

    String before = inputs(SHIPPED_2021).fingerprint("layout");
    String after = inputs(next).fingerprint("layout");

    assertThat(after).isNotEqualTo(before);
    assertThat(inputs(SHIPPED_2021).fingerprint("layout")).isEqualTo(before);
  }

  @Test
  void anIndicatorOutsideTheFourTiers_orANameUsedTwice_isNoSet() {
    Indicator first = SHIPPED_2021.indicators().get(0);
    assertThatThrownBy(
            () -> new Indicator("x", "决策", "c", "n", BigDecimal.ONE, new ScoringRule.Manual()))
        .hasMessageContaining("unknown tier");
    List<Indicator> twice = new ArrayList<>(SHIPPED_2021.indicators());
    twice.set(
        1,
        new Indicator(
            "other",
            first.tier(),
            first.category(),
            first.name(),
            twice.get(1).weight(),
            first.rule()));
    assertThatThrownBy(() -> new IndicatorSet(Seed2021.YEAR, "2021-9", "n", "", twice))
        .hasMessageContaining("name used twice");
  }

  private static ReportInputs inputs(IndicatorSet set) {
    return new ReportInputs(
        Seed2021.UNIT,
        Seed2021.YEAR,
        Seed2021.spending(),
        Seed2021.complaints(),
        Seed2021.narrativeVersion(),
        set);
  }
}
