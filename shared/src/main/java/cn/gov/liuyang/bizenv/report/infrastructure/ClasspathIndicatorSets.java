package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.report.application.IndicatorSets;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indicator sets the release ships, {@code report/indicator-sets/<year>.json} on the classpath
 * (see docs/report.md for the format): only the initial content. Staff's stored versions take over
 * from them ({@code IndicatorSetsInForce}), so a new year or new weights need no release. A file
 * that does not parse, or whose version is not {@code <year>-<n>}, is a deployment defect and fails
 * loudly rather than scoring with half a set.
 */
public final class ClasspathIndicatorSets implements IndicatorSets {
  private static final String FOLDER = "/report/indicator-sets/";
  private final Map<FiscalYear, Optional<IndicatorSet>> cache = new ConcurrentHashMap<>();

  @Override
  public Optional<IndicatorSet> forYear(FiscalYear year) {
    return cache.computeIfAbsent(year, ClasspathIndicatorSets::load);
  }

  private static Optional<IndicatorSet> load(FiscalYear year) {
    String path = FOLDER + year.value() + ".json";
    try (InputStream in = ClasspathIndicatorSets.class.getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(Json.mapper().readTree(in), year));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "indicator set " + path + " is invalid: " + e.getMessage(), e);
    }
  }

  static IndicatorSet parse(JsonNode root, FiscalYear year) {
    IndicatorSet set = IndicatorSetJson.read(root, year);
    IndicatorSetVersion.shipped(set); // its version must read <year>-<n>
    return set;
  }
}
