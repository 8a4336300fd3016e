package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.util.List;
import java.util.Optional;

/** Records every generated report of a unit's year with its fingerprint. */
public interface ReportRegistry {

  /** The reports of a unit's year, newest first. */
  List<ReportRecord> reports(UnitId unit, FiscalYear year);

  default Optional<ReportRecord> findByFingerprint(
      UnitId unit, FiscalYear year, String fingerprint) {
    return reports(unit, year).stream()
        .filter(r -> r.fingerprint().equals(fingerprint))
        .findFirst();
  }

  default int latestVersion(UnitId unit, FiscalYear year) {
    return reports(unit, year).stream().mapToInt(ReportRecord::version).max().orElse(0);
  }

  /** Adds a record; throws {@link VersionConflict} if its version is taken. */
  void add(ReportRecord record);
}
