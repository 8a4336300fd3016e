package cn.gov.liuyang.bizenv.report.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.application.ReportInputsRepository;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportNarrative;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Staff's texts kept in memory, for use-case tests; versions as the DynamoDB adapter numbers them.
 */
public final class InMemoryReportInputs implements ReportInputsRepository {
  private final List<NarrativeVersion> versions = new ArrayList<>();

  @Override
  public synchronized NarrativeVersion saveNext(
      UnitId unit, FiscalYear year, ReportNarrative narrative, Author author, Instant savedAt) {
    int next = latest(unit, year).map(NarrativeVersion::version).orElse(0) + 1;
    NarrativeVersion saved = new NarrativeVersion(unit, year, next, savedAt, author, narrative);
    versions.add(saved);
    return saved;
  }

  @Override
  public synchronized Optional<NarrativeVersion> latest(UnitId unit, FiscalYear year) {
    return versions.stream()
        .filter(v -> v.unit().equals(unit) && v.year().equals(year))
        .reduce((first, second) -> second);
  }

  @Override
  public synchronized Optional<NarrativeVersion> version(
      UnitId unit, FiscalYear year, int version) {
    return versions.stream()
        .filter(v -> v.unit().equals(unit) && v.year().equals(year) && v.version() == version)
        .findFirst();
  }
}
