package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The indicator set in force for a year: the latest version staff stored, or else the set the
 * release ships for the year (its initial content), or none. What reports are scored against.
 */
public record IndicatorSetsInForce(IndicatorSetRepository stored, IndicatorSets shipped)
    implements IndicatorSets {

  @Override
  public Optional<IndicatorSet> forYear(FiscalYear year) {
    return inForce(year).map(IndicatorSetVersion::set);
  }

  public Optional<IndicatorSetVersion> inForce(FiscalYear year) {
    Optional<IndicatorSetVersion> latest = stored.latest(year);
    return latest.isPresent() ? latest : shippedVersion(year);
  }

  /** Every version, newest first; the shipped set, if any, is the oldest. */
  public List<IndicatorSetVersion> history(FiscalYear year) {
    List<IndicatorSetVersion> history = new ArrayList<>(stored.versions(year));
    shippedVersion(year).ifPresent(history::add);
    return history;
  }

  /**
   * The number the year's next stored version takes: one above both the latest stored one and the
   * shipped set's, so a saved set never takes the shipped set's version name (and its reports'
   * fingerprints).
   */
  int nextNumber(FiscalYear year) {
    int latest = stored.latest(year).map(IndicatorSetVersion::number).orElse(0);
    int shippedNumber = shippedVersion(year).map(IndicatorSetVersion::number).orElse(0);
    return Math.max(latest, shippedNumber) + 1;
  }

  private Optional<IndicatorSetVersion> shippedVersion(FiscalYear year) {
    return shipped.forYear(year).map(IndicatorSetVersion::shipped);
  }
}
