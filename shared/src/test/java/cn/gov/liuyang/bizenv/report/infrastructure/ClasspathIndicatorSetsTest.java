package cn.gov.liuyang.bizenv.report.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.ScoringRule;
import org.junit.jupiter.api.Test;

class ClasspathIndicatorSetsTest {
  private final ClasspathIndicatorSets sets = new ClasspathIndicatorSets();

  @Test
  void shipsTheSetsOf2021And2026_eachWeighing100_inTheFourTiers() {
    for (int year : new int[] {2021, 2026}) {
      IndicatorSet set = sets.forYear(new FiscalYear(year)).orElseThrow();
      assertThat(set.totalWeight()).isEqualByComparingTo("100");
      assertThat(set.indicators()).extracting(i -> i.tier()).containsOnly("投入", "过程", "产出", "效果");
      assertThat(set.indicators())
          .anySatisfy(i -> assertThat(i.rule()).isInstanceOf(ScoringRule.Manual.class))
          .anySatisfy(i -> assertThat(i.rule()).isInstanceOf(ScoringRule.Threshold.class));
    }
  }

  @Test
  void aYearWithoutAFile_hasNoSet() {
    assertThat(sets.forYear(new FiscalYear(2019))).isEmpty();
  }

  @Test
  void weightsNotAddingUpTo100_areRefused() throws Exception {
    var file =
        Json.mapper()
            .readTree(
                """
                {"year": 2030, "version": "x", "name": "x", "indicators": [
                  {"id": "a", "tier": "投入", "category": "c", "name": "n", "weight": 60,
                   "rule": {"type": "manual"}}]}
                """);

    assertThatThrownBy(() -> ClasspathIndicatorSets.parse(file, new FiscalYear(2030)))
        .hasMessageContaining("add up to 60");
  }
}
