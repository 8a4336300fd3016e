package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.time.Clock;

/**
 * Saves the facts staff enter for a unit and year (编制数, 在职人数, 三公经费 budget, …) as a new version, and
 * answers with the facts then in effect and what the report still lacks.
 */
public record SaveUnitFacts(UnitFactsStore store, ResolveUnitFacts resolve, Clock clock) {

  /**
   * @param facts every fact staff state for the year; one left out is not entered (a source below
   *     gives it, if any)
   * @param byName the staff member's display name
   * @param bySubject the staff member's subject
   */
  public record Command(
      UnitId unit, FiscalYear year, UnitYearFacts facts, String byName, String bySubject) {}

  /** The version saved and the facts in effect with it. */
  public record Saved(EnteredFacts version, ResolvedFacts inEffect) {}

  /** Someone else saved the same unit and year at the same moment: read again, then save. */
  public static final class SavedConcurrently extends RuntimeException {
    SavedConcurrently() {
      super("facts saved concurrently");
    }
  }

  public Saved save(Command command) {
    int next =
        store.latest(command.unit(), command.year()).map(EnteredFacts::version).orElse(0) + 1;
    EnteredFacts version =
        new EnteredFacts(
            command.unit(),
            command.year(),
            next,
            command.facts(),
            command.byName(),
            command.bySubject(),
            clock.instant());
    try {
      store.add(version);
    } catch (UnitFactsStore.VersionTaken taken) {
      throw new SavedConcurrently();
    }
    return new Saved(version, resolve.inForce(command.unit(), command.year()));
  }
}
