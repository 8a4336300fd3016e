package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import java.util.List;
import java.util.Optional;

/** The versions of the facts staff entered for each unit and year; none is ever overwritten. */
public interface UnitFactsStore {
  Optional<EnteredFacts> latest(UnitId unit, FiscalYear year);

  /** Every version, newest first. */
  List<EnteredFacts> history(UnitId unit, FiscalYear year);

  /**
   * Adds a version.
   *
   * @throws VersionTaken when that version exists already (someone saved at the same moment)
   */
  void add(EnteredFacts facts);

  /** Another save took the version first. */
  final class VersionTaken extends RuntimeException {
    public VersionTaken() {
      super("facts version taken");
    }
  }
}
