package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of the facts staff entered for a unit and year; every save is a new version,
 * and earlier ones are kept.
 *
 * @param enteredBy the staff member's display name
 * @param enteredById the staff member's subject, for the audit trail
 */
public record EnteredFacts(
    UnitId unit,
    FiscalYear year,
    int version,
    UnitYearFacts facts,
    String enteredBy,
    String enteredById,
    Instant enteredAt) {

  public EnteredFacts {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(enteredAt, "enteredAt");
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1");
    }
  }

  public FactSource.Entered source() {
    return new FactSource.Entered(version, enteredBy, enteredAt);
  }
}
