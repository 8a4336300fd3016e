package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.EnteredFacts;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import java.util.List;

/** The facts in effect for a unit and year, with every version staff entered, newest first. */
public record ReadUnitFacts(ResolveUnitFacts resolve, UnitFactsStore store) {

  public record View(ResolvedFacts inEffect, List<EnteredFacts> history) {}

  public View read(UnitId unit, FiscalYear year) {
    return new View(resolve.inForce(unit, year), store.history(unit, year));
  }
}
