package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.YearFigures;
import java.time.Clock;

/**
 * A year's complaint figures (what the annual report quotes), counted from the cases the search
 * finds filed in it, on today's calendars.
 *
 * @param deadlines the calendars and limits deadlines unknown when a step was taken count on
 * @param intakeUnit the unit whose intake the cases filed through the system belong to
 */
public record CountComplaintYear(
    ComplaintSearch search, Deadlines deadlines, Clock clock, UnitId intakeUnit)
    implements ComplaintStatisticsReader {

  @Override
  public ComplaintYearStatistics forUnit(UnitId unit, FiscalYear year) {
    boolean intake = unit.equals(intakeUnit);
    return YearFigures.count(
        year,
        search.filedIn(year.value()).stream()
            .filter(complaint -> complaint.origin().map(o -> o.unit().equals(unit)).orElse(intake))
            .toList(),
        clock.instant().atZone(Complaint.ZONE).toLocalDate(),
        deadlines);
  }

  @Override
  public ComplaintYearStatistics forYear(FiscalYear year) {
    return YearFigures.count(
        year,
        search.filedIn(year.value()),
        clock.instant().atZone(Complaint.ZONE).toLocalDate(),
        deadlines);
  }
}
