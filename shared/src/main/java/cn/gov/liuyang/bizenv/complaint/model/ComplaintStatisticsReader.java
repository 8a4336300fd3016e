package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;

/** Counts a year of complaints from the stored records. */
public interface ComplaintStatisticsReader {
  ComplaintYearStatistics forYear(FiscalYear year);
}
