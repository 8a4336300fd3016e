package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Entered facts in memory, for tests of the use cases that read or save them. */
public final class InMemoryUnitFacts implements UnitFactsStore {
  private final List<EnteredFacts> versions = new ArrayList<>();

  @Override
  public synchronized Optional<EnteredFacts> latest(UnitId unit, FiscalYear year) {
    return history(unit, year).stream().findFirst();
  }

  @Override
  public synchronized List<EnteredFacts> history(UnitId unit, FiscalYear year) {
    return versions.stream()
        .filter(v -> v.unit().equals(unit) && v.year().equals(year))
        .sorted(Comparator.comparingInt(EnteredFacts::version).reversed())
        .toList();
  }

  @Override
  public synchronized void add(EnteredFacts facts) {
    boolean taken =
        versions.stream()
            .anyMatch(
                v ->
                    v.unit().equals(facts.unit())
                        && v.year().equals(facts.year())
                        && v.version() == facts.version());
    if (taken) {
      throw new VersionTaken();
    }
    versions.add(facts);
  }
}
