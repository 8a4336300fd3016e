package cn.gov.liuyang.bizenv.report.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.Indicator;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion.Origin;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SaveIndicatorSetTest {
  private static final FiscalYear Y2021 = new FiscalYear(2021);
  private static final FiscalYear Y2023 = new FiscalYear(2023);
  private static final FiscalYear Y2026 = new FiscalYear(2026);
  private static final Instant NOW = Instant.parse("2023-03-01T02:00:00Z");
  private static final Author EVALUATION = new Author("staff-evaluation-01", "营商环境评价部");

  private final InMemoryIndicatorSets stored = new InMemoryIndicatorSets();
  private final ClasspathIndicatorSets shipped = new ClasspathIndicatorSets();
  private final IndicatorSetsInForce sets = new IndicatorSetsInForce(stored, shipped);
  private final SaveIndicatorSet save =
      new SaveIndicatorSet(sets, stored, Clock.fixed(NOW, ZoneOffset.UTC));

  private static List<Indicator> reweighted(List<Indicator> from, String id, String weight) {
    List<Indicator> indicators = new ArrayList<>();
    for (Indicator i : from) {
      indicators.add(
          i.id().equals(id)
              ? new Indicator(
                  i.id(), i.tier(), i.category(), i.name(), new BigDecimal(weight), i.rule())
              : i);
    }
    return indicators;
  }

  /** goal-reasonable 4 → 2 and goal-clarity 4 → 6 (2026: 5 → 2 and 5 → 8): still 100. */
  private static List<Indicator> shifted(IndicatorSet set) {
    BigDecimal reasonable = set.indicators().get(0).weight();
    BigDecimal clarity = set.indicators().get(1).weight();
    BigDecimal moved = reasonable.subtract(BigDecimal.valueOf(2)).add(clarity);
    return reweighted(
        reweighted(set.indicators(), "goal-reasonable", "2"),
        "goal-clarity",
        moved.toPlainString());
  }

  private SaveIndicatorSet.Saved save(FiscalYear year, List<Indicator> indicators) {
    return save.save(
        new SaveIndicatorSet.Command(
            year, year + "年度指标体系", "依据", indicators, Optional.empty(), EVALUATION));
  }

  @Test
  void aYearWithoutStoredVersions_readsTheShippedSet_asItsFirstVersion() {
    IndicatorSetVersion inForce = sets.inForce(Y2021).orElseThrow();

    assertThat(inForce.origin()).isEqualTo(Origin.SHIPPED);
    assertThat(inForce.set().version()).isEqualTo("2021-1");
    assertThat(inForce.number()).isEqualTo(1);
    assertThat(inForce.savedBy()).isEmpty();
    assertThat(sets.forYear(Y2021)).contains(shipped.forYear(Y2021).orElseThrow());
    assertThat(sets.inForce(Y2023)).isEmpty();
    assertThat(sets.history(Y2023)).isEmpty();
  }

  @Test
  void theFirstSaveOverAShippedSet_isTheVersionAfterIt_soItsNameIsNeverTheShippedOnes() {
    IndicatorSet shipped2021 = shipped.forYear(Y2021).orElseThrow();
    IndicatorSet shipped2026 = shipped.forYear(Y2026).orElseThrow();

    SaveIndicatorSet.Saved saved2021 = save(Y2021, shifted(shipped2021));
    SaveIndicatorSet.Saved saved2026 = save(Y2026, shifted(shipped2026));

    assertThat(saved2021.created()).isTrue();
    assertThat(saved2021.version().set().version()).isEqualTo("2021-2");
    assertThat(saved2026.version().set().version()).isEqualTo("2026-3");
    assertThat(saved2021.version().origin()).isEqualTo(Origin.SAVED);
    assertThat(saved2021.version().savedAt()).contains(NOW);
    assertThat(saved2021.version().savedBy()).contains(EVALUATION);
    assertThat(sets.forYear(Y2021)).contains(saved2021.version().set());
  }

  @Test
  void eachSave_isANewVersion_andTheHistoryKeepsEveryOne_newestFirst_shippedLast() {
    IndicatorSet shipped2021 = shipped.forYear(Y2021).orElseThrow();
    save(Y2021, shifted(shipped2021));
    save(
        Y2021,
        reweighted(reweighted(shifted(shipped2021), "goal-reasonable", "3"), "goal-clarity", "5"));
    save(Y2021, shipped2021.indicators());

    assertThat(sets.history(Y2021))
        .extracting(v -> v.set().version())
        .containsExactly("2021-4", "2021-3", "2021-2", "2021-1");
    assertThat(sets.history(Y2021).get(3).origin()).isEqualTo(Origin.SHIPPED);
  }

  @Test
  void savingTheSetInForceUnchanged_makesNoVersion() {
    IndicatorSet shipped2021 = shipped.forYear(Y2021).orElseThrow();

    SaveIndicatorSet.Saved same =
        save.save(
            new SaveIndicatorSet.Command(
                Y2021,
                shipped2021.name(),
                shipped2021.source(),
                shipped2021.indicators(),
                Optional.of("2021-1"),
                EVALUATION));

    assertThat(same.created()).isFalse();
    assertThat(same.version().set().version()).isEqualTo("2021-1");
    assertThat(stored.versions(Y2021)).isEmpty();
  }

  @Test
  void aSaveBasedOnAnOlderVersion_isRefused_soNobodysChangeIsLost() {
    IndicatorSet shipped2021 = shipped.forYear(Y2021).orElseThrow();
    save(Y2021, shifted(shipped2021)); // someone else's 2021-2

    Refusal problem =
        catchThrowableOfType(
            () ->
                save.save(
                    new SaveIndicatorSet.Command(
                        Y2021,
                        "x",
                        "",
                        shipped2021.indicators(),
                        Optional.of("2021-1"),
                        EVALUATION)),
            Refusal.class);

    assertThat(problem.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(problem.code()).isEqualTo("INDICATOR_SET_CHANGED");
    assertThat(problem.details()).containsEntry("versionInForce", "2021-2");
    assertThat(stored.versions(Y2021)).hasSize(1);
  }

  @Test
  void aCopy_startsTheYearWithTheEarlierSet_renamedForTheYear() {
    IndicatorSetVersion copy = save.copy(new SaveIndicatorSet.Copy(Y2021, Y2023, EVALUATION));

    IndicatorSet from = shipped.forYear(Y2021).orElseThrow();
    assertThat(copy.origin()).isEqualTo(Origin.COPIED);
    assertThat(copy.copiedFrom()).contains("2021-1");
    assertThat(copy.set().version()).isEqualTo("2023-1");
    assertThat(copy.set().year()).isEqualTo(Y2023);
    assertThat(copy.set().name()).isEqualTo("2023年度部门整体支出绩效评价指标体系");
    assertThat(copy.set().indicators()).isEqualTo(from.indicators());
    assertThat(copy.set().source()).isEqualTo(from.source());
    assertThat(sets.inForce(Y2023)).contains(copy);
  }

  @Test
  void copyingOntoAYearThatHasASet_storedOrShipped_is409_andChangesNothing() {
    save.copy(new SaveIndicatorSet.Copy(Y2021, Y2023, EVALUATION));

    Refusal again =
        catchThrowableOfType(
            () -> save.copy(new SaveIndicatorSet.Copy(Y2026, Y2023, EVALUATION)), Refusal.class);
    Refusal ontoShipped =
        catchThrowableOfType(
            () -> save.copy(new SaveIndicatorSet.Copy(Y2021, Y2026, EVALUATION)), Refusal.class);

    assertThat(again.code()).isEqualTo("INDICATOR_SET_EXISTS");
    assertThat(again.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(again.details()).containsEntry("versionInForce", "2023-1");
    assertThat(ontoShipped.code()).isEqualTo("INDICATOR_SET_EXISTS");
    assertThat(sets.history(Y2023)).hasSize(1);
    assertThat(stored.versions(Y2026)).isEmpty();
  }

  @Test
  void copyingFromAYearWithoutASet_is404() {
    Refusal problem =
        catchThrowableOfType(
            () -> save.copy(new SaveIndicatorSet.Copy(new FiscalYear(2019), Y2023, EVALUATION)),
            Refusal.class);

    assertThat(problem.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(problem.code()).isEqualTo("COPY_SOURCE_NOT_FOUND");
    assertThat(problem.getMessage()).isEqualTo("2019年度没有指标体系，无法从该年度复制");
    assertThat(sets.inForce(Y2023)).isEmpty();
  }

  @Test
  void twoSavesRacingForOneNumber_theLoserGets409() {
    IndicatorSet shipped2021 = shipped.forYear(Y2021).orElseThrow();
    IndicatorSetRepository racing =
        new IndicatorSetRepository() {
          @Override
          public void add(IndicatorSetVersion version) {
            stored.add(
                IndicatorSetVersion.saved(
                    version.set(), version.number(), NOW, new Author("other", "其他人")));
            stored.add(version);
          }

          @Override
          public Optional<IndicatorSetVersion> latest(FiscalYear year) {
            return stored.latest(year);
          }

          @Override
          public List<IndicatorSetVersion> versions(FiscalYear year) {
            return stored.versions(year);
          }
        };
    SaveIndicatorSet losing =
        new SaveIndicatorSet(
            new IndicatorSetsInForce(racing, shipped), racing, Clock.fixed(NOW, ZoneOffset.UTC));

    Refusal problem =
        catchThrowableOfType(
            () ->
                losing.save(
                    new SaveIndicatorSet.Command(
                        Y2021, "x", "", shifted(shipped2021), Optional.empty(), EVALUATION)),
            Refusal.class);

    assertThat(problem.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(problem.code()).isEqualTo("INDICATOR_SET_SAVED_CONCURRENTLY");
    assertThat(stored.versions(Y2021))
        .singleElement()
        .satisfies(v -> assertThat(v.savedBy().orElseThrow().name()).isEqualTo("其他人"));
  }
}
