package cn.gov.liuyang.bizenv.report.fakes;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetRepository;
import cn.gov.liuyang.bizenv.report.application.VersionConflict;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Stored indicator sets in memory; a taken version number is refused as DynamoDB's condition. */
public final class InMemoryIndicatorSets implements IndicatorSetRepository {
  private final List<IndicatorSetVersion> versions = new ArrayList<>();

  @Override
  public synchronized void add(IndicatorSetVersion version) {
    boolean taken =
        versions.stream()
            .anyMatch(
                v -> v.set().year().equals(version.set().year()) && v.number() == version.number());
    if (taken) {
      throw new VersionConflict("indicator set version " + version.set().version());
    }
    versions.add(version);
  }

  @Override
  public synchronized Optional<IndicatorSetVersion> latest(FiscalYear year) {
    return versions(year).stream().findFirst();
  }

  @Override
  public synchronized List<IndicatorSetVersion> versions(FiscalYear year) {
    return versions.stream()
        .filter(v -> v.set().year().equals(year))
        .sorted(Comparator.comparingInt(IndicatorSetVersion::number).reversed())
        .toList();
  }
}
