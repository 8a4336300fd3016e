package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.report.application.IndicatorSets;
import cn.gov.liuyang.bizenv.report.model.Indicator;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.Metric;
import cn.gov.liuyang.bizenv.report.model.ScoringRule;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Indicator sets shipped as data files, {@code report/indicator-sets/<year>.json} on the classpath
 * (see docs/report.md for the format). A file that does not parse is a deployment defect and fails
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
    if (root.path("year").asInt() != year.value()) {
      throw new IllegalArgumentException("file is for year " + root.path("year").asInt());
    }
    List<Indicator> indicators = new ArrayList<>();
    for (JsonNode node : root.path("indicators")) {
      indicators.add(
          new Indicator(
              required(node, "id"),
              required(node, "tier"),
              required(node, "category"),
              required(node, "name"),
              new BigDecimal(required(node, "weight")),
              rule(node.path("rule"))));
    }
    return new IndicatorSet(year, required(root, "version"), required(root, "name"), indicators);
  }

  private static ScoringRule rule(JsonNode rule) {
    return switch (required(rule, "type")) {
      case "manual" -> new ScoringRule.Manual();
      case "threshold" ->
          new ScoringRule.Threshold(
              Metric.valueOf(required(rule, "metric")),
              ScoringRule.Direction.valueOf(required(rule, "direction")),
              new BigDecimal(required(rule, "bound")),
              new BigDecimal(required(rule, "deduct")),
              new BigDecimal(required(rule, "per")));
      default -> throw new IllegalArgumentException("unknown rule type " + rule.path("type"));
    };
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return value.asText();
  }
}
