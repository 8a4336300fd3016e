package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The indicators, weights and scoring rules a unit evaluates a year against. It is data (one file
 * per year), so changing weights never needs a code change.
 *
 * @param version the set's own revision, part of every report's fingerprint
 */
public record IndicatorSet(
    FiscalYear year, String version, String name, List<Indicator> indicators) {
  public IndicatorSet {
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(version, "version");
    indicators = List.copyOf(indicators);
    Set<String> ids = new HashSet<>();
    for (Indicator indicator : indicators) {
      if (!ids.add(indicator.id())) {
        throw new IllegalArgumentException("indicator id used twice: " + indicator.id());
      }
    }
    BigDecimal total = sum(indicators);
    if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
      throw new IllegalArgumentException("weights of " + year + " add up to " + total);
    }
  }

  public BigDecimal totalWeight() {
    return sum(indicators);
  }

  private static BigDecimal sum(List<Indicator> indicators) {
    return indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
