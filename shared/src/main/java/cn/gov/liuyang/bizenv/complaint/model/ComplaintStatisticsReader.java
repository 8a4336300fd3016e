package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;

/** Counts a year of complaints from the stored records. */
public interface ComplaintStatisticsReader {
  /** Every case of the year, filed or imported, whatever its unit. */
  ComplaintYearStatistics forYear(FiscalYear year);

  /**
   * The cases of one unit's year: those imported from its own ledger, and, for the unit that runs
   * the intake, the cases filed through the system. Readers that know no units count the year.
   */
  default ComplaintYearStatistics forUnit(UnitId unit, FiscalYear year) {
    return forYear(year);
  }
}
