package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicators, weights and scoring rules a year is evaluated against. It is data (staff keep it,
 * the release ships only the initial sets), so changing weights never needs a code change.
 *
 * @param version the set's own revision, {@code <year>-<n>} (e.g. {@code 2021-1}), part of every
 *     report's fingerprint; two different sets of a year never share one
 * @param source where the set comes from (e.g. 财预〔2013〕53号), empty when not stated
 */
public record IndicatorSet(
    FiscalYear year, String version, String name, String source, List<Indicator> indicators) {

  /** What the weights of every set add up to. */
  public static final BigDecimal TOTAL_WEIGHT = BigDecimal.valueOf(100);

  private static final Pattern VERSION = Pattern.compile("(\\d{4})-([1-9]\\d{0,5})");

  public IndicatorSet {
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(name, "name");
    source = source == null ? "" : source;
    indicators = List.copyOf(indicators);
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Indicator indicator : indicators) {
      if (!ids.add(indicator.id())) {
        throw new IllegalArgumentException("indicator id used twice: " + indicator.id());
      }
      if (!names.add(indicator.name())) {
        throw new IllegalArgumentException("indicator name used twice: " + indicator.name());
      }
    }
    BigDecimal total = sum(indicators);
    if (total.compareTo(TOTAL_WEIGHT) != 0) {
      throw new IllegalArgumentException("weights of " + year + " add up to " + total);
    }
  }

  /** The version name of a year's {@code number}th set: {@code 2023-1}. */
  public static String version(FiscalYear year, int number) {
    if (number < 1) {
      throw new IllegalArgumentException("set versions start at 1: " + number);
    }
    return year.value() + "-" + number;
  }

  /** The number of {@code version} if it names a version of {@code year} ({@code 2021-1} → 1). */
  public static OptionalInt versionNumber(FiscalYear year, String version) {
    Matcher matcher = VERSION.matcher(version == null ? "" : version);
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != year.value()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(matcher.group(2)));
  }

  public BigDecimal totalWeight() {
    return sum(indicators);
  }

  public Optional<String> sourceIfStated() {
    return source.isEmpty() ? Optional.empty() : Optional.of(source);
  }

  /** The same name, source and indicators, whatever the year and version. */
  public boolean sameContentAs(IndicatorSet other) {
    return name.equals(other.name)
        && source.equals(other.source)
        && indicators.equals(other.indicators);
  }

  /** This set's content as {@code year}'s set of the given version. */
  public IndicatorSet as(FiscalYear year, String version, String name) {
    return new IndicatorSet(year, version, name, source, indicators);
  }

  private static BigDecimal sum(List<Indicator> indicators) {
    return indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
