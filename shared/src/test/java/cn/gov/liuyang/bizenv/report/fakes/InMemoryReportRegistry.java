package cn.gov.liuyang.bizenv.report.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.application.ReportRegistry;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Report records in memory, for use-case tests. */
public final class InMemoryReportRegistry implements ReportRegistry {
  private final List<ReportRecord> records = new ArrayList<>();

  @Override
  public synchronized List<ReportRecord> reports(UnitId unit, FiscalYear year) {
    return records.stream()
        .filter(r -> r.unit().equals(unit) && r.year().equals(year))
        .sorted(Comparator.comparingInt(ReportRecord::version).reversed())
        .toList();
  }

  @Override
  public synchronized void add(ReportRecord record) {
    if (reports(record.unit(), record.year()).stream()
        .anyMatch(r -> r.version() == record.version())) {
      throw new VersionConflict("report version " + record.version());
    }
    records.add(record);
  }
}
