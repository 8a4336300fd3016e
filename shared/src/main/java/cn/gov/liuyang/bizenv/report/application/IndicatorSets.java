package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import java.util.Optional;

/** The indicator set a year is evaluated against, if one has been published for it. */
public interface IndicatorSets {
  Optional<IndicatorSet> forYear(FiscalYear year);
}
