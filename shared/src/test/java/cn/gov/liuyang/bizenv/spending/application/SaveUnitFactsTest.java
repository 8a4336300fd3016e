package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.fakes.InMemorySpendingDesk;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.FactSource;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The facts staff enter for a unit and year, each save a new version. */
class SaveUnitFactsTest {
  private static final UnitId UNIT = Seed2021.UNIT;
  private static final FiscalYear YEAR = Seed2021.YEAR;

  private final InMemorySpendingDesk desk = new InMemorySpendingDesk();

  @Test
  void everySave_isANewVersion_andTheLatestIsInEffect() {
    SaveUnitFacts.Saved first = save(Seed2021.facts(), "李会计");
    desk.clock.advance(Duration.ofHours(1));
    SaveUnitFacts.Saved second =
        save(Seed2021.facts().with(Fact.AUTHORIZED_POSTS, BigDecimal.valueOf(13)), "王科长");

    assertThat(first.version().version()).isEqualTo(1);
    assertThat(second.version().version()).isEqualTo(2);
    assertThat(second.version().enteredAt()).isEqualTo(desk.clock.instant());
    assertThat(second.inEffect().values().headcount(Fact.AUTHORIZED_POSTS)).contains(13);
    assertThat(second.inEffect().get(Fact.AUTHORIZED_POSTS).orElseThrow().source())
        .isEqualTo(new FactSource.Entered(2, "王科长", desk.clock.instant()));
    assertThat(desk.enteredFacts.history(UNIT, YEAR))
        .extracting(EnteredFacts::version)
        .containsExactly(2, 1);
  }

  @Test
  void aSaveWithSomeFacts_answersWithWhatTheReportStillLacks() {
    SaveUnitFacts.Saved saved =
        save(UnitYearFacts.NONE.with(Fact.AUTHORIZED_POSTS, BigDecimal.valueOf(12)), "李会计");

    assertThat(saved.inEffect().missingForReport())
        .containsExactly(Fact.STAFF_ON_PAYROLL, Fact.PRIOR_YEAR_SAN_GONG, Fact.SAN_GONG_BUDGET);
    assertThat(saved.inEffect().notes()).anySatisfy(note -> assertThat(note).startsWith("尚缺：在职人数"));
  }

  @Test
  void aSaveThatLosesTheRaceForItsVersion_isSavedConcurrently() {
    // GIVEN another save took version 1 between this one's read and its write
    UnitFactsStore racing =
        new UnitFactsStore() {
          @Override
          public java.util.Optional<EnteredFacts> latest(UnitId unit, FiscalYear year) {
            return java.util.Optional.empty();
          }

          @Override
          public java.util.List<EnteredFacts> history(UnitId unit, FiscalYear year) {
            return desk.enteredFacts.history(unit, year);
          }

          @Override
          public void add(EnteredFacts facts) {
            desk.enteredFacts.add(facts);
          }
        };
    save(Seed2021.facts(), "王科长");
    SaveUnitFacts late = new SaveUnitFacts(racing, desk.facts, desk.clock);

    assertThatThrownBy(
            () ->
                late.save(
                    new SaveUnitFacts.Command(UNIT, YEAR, Seed2021.facts(), "李会计", "staff-02")))
        .isInstanceOf(SaveUnitFacts.SavedConcurrently.class);
    assertThat(desk.enteredFacts.history(UNIT, YEAR)).hasSize(1);
  }

  private SaveUnitFacts.Saved save(UnitYearFacts facts, String by) {
    return desk.saveFacts.save(new SaveUnitFacts.Command(UNIT, YEAR, facts, by, "staff-" + by));
  }
}
