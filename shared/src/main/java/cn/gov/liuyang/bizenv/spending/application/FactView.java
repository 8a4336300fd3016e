package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.FactSource;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fact as the API and the outcome file show it: its value (people, or exact 元 as text), as people
 * read it, where it comes from, and what it overrides.
 */
public record FactView(
    String key,
    String label,
    String value,
    String unit,
    String display,
    Map<String, Object> source,
    Map<String, Object> overrides) {

  /** Every fact in effect, then one entry per fact no source gives (value null). */
  public static List<FactView> all(ResolvedFacts facts) {
    List<FactView> views = new ArrayList<>();
    for (Fact fact : Fact.values()) {
      views.add(
          facts
              .get(fact)
              .map(
                  resolved ->
                      new FactView(
                          fact.key(),
                          fact.label(),
                          resolved.value().toPlainString(),
                          unit(fact),
                          resolved.display(),
                          source(resolved.source()),
                          resolved
                              .superseded()
                              .map(
                                  other -> {
                                    Map<String, Object> overridden =
                                        new LinkedHashMap<>(source(other.source()));
                                    overridden.put("value", other.value().toPlainString());
                                    overridden.put(
                                        "display", UnitYearFacts.display(fact, other.value()));
                                    return overridden;
                                  })
                              .orElse(null)))
              .orElseGet(
                  () ->
                      new FactView(fact.key(), fact.label(), null, unit(fact), "未提供", null, null)));
    }
    return views;
  }

  /** The facts as a plain map of values, as they were entered. */
  public static Map<String, String> values(UnitYearFacts facts) {
    Map<String, String> values = new LinkedHashMap<>();
    facts.values().forEach((fact, value) -> values.put(fact.key(), plain(value)));
    return values;
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }

  private static String unit(Fact fact) {
    return fact.isAmount() ? "元" : "人";
  }

  static Map<String, Object> source(FactSource source) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", source.code());
    json.put("description", source.describe());
    if (source instanceof FactSource.Workbook w) {
      json.put("submissionId", w.submissionId());
      json.put("fileName", w.fileName());
    } else if (source instanceof FactSource.Entered e) {
      json.put("version", e.version());
      json.put("enteredBy", e.enteredBy());
      json.put("enteredAt", e.enteredAt().toString());
    } else if (source instanceof FactSource.Derived d) {
      json.put("fromYear", d.fromYear().value());
      json.put("submissionId", d.submissionId());
    }
    return json;
  }
}
