package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.util.Optional;

/** Reads the figures of the accepted submission for a unit and year, if there is one. */
public interface AcceptedSpendingReader {
  Optional<AcceptedSpending> find(UnitId unit, FiscalYear year);
}
