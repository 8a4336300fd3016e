package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import java.util.List;
import java.util.Optional;

/**
 * Every version of a year's indicator set that staff stored (saved or copied); nothing is ever
 * overwritten. The release's shipped sets are not in it.
 */
public interface IndicatorSetRepository {

  /** Stores {@code version}; throws {@link VersionConflict} if its number is already taken. */
  void add(IndicatorSetVersion version);

  /** The highest-numbered stored version of the year, if any. */
  Optional<IndicatorSetVersion> latest(FiscalYear year);

  /** Every stored version of the year, newest (highest number) first. */
  List<IndicatorSetVersion> versions(FiscalYear year);
}
