package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.application.ReportStore.DownloadLink;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Lists every report made for a unit's year, newest first, each with a fresh short-lived link, so
 * staff can download an earlier version again without regenerating it.
 */
public record ListReports(ReportRegistry registry, ReportStore store, Duration linkValidity) {
  private static final Comparator<ReportRecord> NEWEST_FIRST =
      Comparator.comparingInt(ReportRecord::version).reversed();

  public record Query(UnitId unit, FiscalYear year) {}

  /** One stored report and a link that downloads it. */
  public record ListedReport(ReportRecord report, DownloadLink link) {}

  /** The unit-year's reports, newest (highest version) first; empty when none was made yet. */
  public List<ListedReport> list(Query query) {
    // the version, not generatedAt, is the order staff see in the file names
    return registry.reports(query.unit(), query.year()).stream()
        .sorted(NEWEST_FIRST)
        .map(report -> new ListedReport(report, link(report)))
        .toList();
  }

  private DownloadLink link(ReportRecord report) {
    return store.link(report.objectKey(), report.fileName(), linkValidity);
  }
}
