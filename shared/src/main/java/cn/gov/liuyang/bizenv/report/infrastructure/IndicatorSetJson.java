package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.report.model.Indicator;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.Metric;
import cn.gov.liuyang.bizenv.report.model.ScoringRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator set as JSON, the shape of the shipped files ({@code report/indicator-sets/<year>
 * .json}), of the stored versions and of the staff routes: {@code {year, version, name, source,
 * indicators: [{id, tier, category, name, weight, rule: {type: manual} | {type: threshold, metric,
 * direction, bound, deduct, per}}]}}. Reading is strict: it reads what this class wrote or what a
 * release ships, and fails loudly on anything else (staff input is validated field by field before
 * it becomes a set).
 */
public final class IndicatorSetJson {
  public static final String MANUAL = "manual";
  public static final String THRESHOLD = "threshold";

  private IndicatorSetJson() {}

  public static ObjectNode write(IndicatorSet set) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("year", set.year().value());
    root.put("version", set.version());
    root.put("name", set.name());
    set.sourceIfStated().ifPresent(source -> root.put("source", source));
    ArrayNode indicators = root.putArray("indicators");
    for (Indicator indicator : set.indicators()) {
      ObjectNode node = indicators.addObject();
      node.put("id", indicator.id());
      node.put("tier", indicator.tier());
      node.put("category", indicator.category());
      node.put("name", indicator.name());
      node.put("weight", indicator.weight());
      node.set("rule", rule(indicator.rule()));
    }
    return root;
  }

  private static ObjectNode rule(ScoringRule rule) {
    ObjectNode node = Json.mapper().createObjectNode();
    if (rule instanceof ScoringRule.Threshold threshold) {
      node.put("type", THRESHOLD);
      node.put("metric", threshold.metric().name());
      node.put("direction", threshold.direction().name());
      node.put("bound", threshold.bound());
      node.put("deduct", threshold.deduct());
      node.put("per", threshold.per());
    } else {
      node.put("type", MANUAL);
    }
    return node;
  }

  /** The set in {@code root}, which must be {@code year}'s; throws on anything amiss. */
  public static IndicatorSet read(JsonNode root, FiscalYear year) {
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
              readRule(node.path("rule"))));
    }
    JsonNode source = root.get("source");
    return new IndicatorSet(
        year,
        required(root, "version"),
        required(root, "name"),
        source == null || source.isNull() ? "" : source.asText(),
        indicators);
  }

  private static ScoringRule readRule(JsonNode rule) {
    return switch (required(rule, "type")) {
      case MANUAL -> new ScoringRule.Manual();
      case THRESHOLD ->
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
