package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.report.infrastructure.IndicatorSetJson;
import cn.gov.liuyang.bizenv.report.model.Figures;
import cn.gov.liuyang.bizenv.report.model.Indicator;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.Metric;
import cn.gov.liuyang.bizenv.report.model.ScoringRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the body of {@code PUT /staff/indicator-sets/{year}}: a whole indicator set
 * in the shipped files' shape. Every problem is collected with its field ({@code
 * indicators[3].rule.bound}), a stable code and a Chinese message, so one 400 lists them all and
 * nothing is saved.
 *
 * <pre>{@code {"name": "2023年度…", "source": "…", "version": "2023-1",
 *  "indicators": [{"id": "goal-clarity", "tier": "投入", "category": "目标设定", "name": "绩效指标明确性",
 *                  "weight": 4, "rule": {"type": "manual"}}, …]}}</pre>
 *
 * {@code version} (optional) is the version the editor started from; {@code year} (optional) must
 * be the route's. What {@code GET} answers besides the set ({@code savedAt}, {@code origin}, …) is
 * accepted and ignored, so a set read can be edited and sent back as it is.
 */
final class IndicatorSetRequest {
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_INDICATORS = 100;
  static final int MAX_SET_NAME = 60;
  static final int MAX_SOURCE = 500;
  static final int MAX_CATEGORY = 30;
  static final int MAX_NAME = 60;

  /** As the manual scores refer to indicators (ReportInputsRequest). */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** ASCII digits only, optional sign and decimals; anything else in a string is not a number. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,6}(?:\\.[0-9]{1,6})?");

  private static final BigDecimal MIN_BOUND = BigDecimal.valueOf(-100);
  private static final BigDecimal MAX_BOUND = BigDecimal.valueOf(200);
  private static final BigDecimal MAX_PER = BigDecimal.valueOf(100);

  private static final Set<String> SET_FIELDS =
      Set.of("name", "source", "indicators", "year", "version");

  /** What GET answers besides the set; ignored, so a read set can be sent back as it is. */
  private static final Set<String> READ_ONLY_FIELDS =
      Set.of("totalWeight", "origin", "copiedFrom", "savedAt", "savedBy");

  private static final Set<String> INDICATOR_FIELDS =
      Set.of("id", "tier", "category", "name", "weight", "rule");
  private static final Set<String> THRESHOLD_FIELDS =
      Set.of("type", "metric", "direction", "bound", "deduct", "per");

  /** A valid set's content, and the version the editor started from. */
  record Parsed(String name, String source, List<Indicator> indicators, Optional<String> basedOn) {}

  private final JsonBody body;
  private final FiscalYear year;

  private IndicatorSetRequest(JsonBody body, FiscalYear year) {
    this.body = body;
    this.year = year;
  }

  static Parsed parse(HttpApiEvent event, FiscalYear year) {
    return parse(JsonBody.parse(event, MAX_BODY_BYTES), year);
  }

  static Parsed parse(JsonBody body, FiscalYear year) {
    return new IndicatorSetRequest(body, year).set();
  }

  /** The body of {@code POST /staff/indicator-sets/{year}/copy}: {@code {"fromYear": 2021}}. */
  static FiscalYear copyFrom(HttpApiEvent event, FiscalYear to) {
    JsonBody body = JsonBody.parse(event, 1024);
    FiscalYear from = null;
    JsonNode raw = body.raw("fromYear");
    if (raw == null || raw.isNull()) {
      body.reject("fromYear", "REQUIRED", "请填写要复制的年度（fromYear）");
    } else {
      // a number, or a string of four ASCII digits ("２０２１" is not a year)
      Optional<FiscalYear> parsed =
          raw.isIntegralNumber() || (raw.isTextual() && raw.asText().strip().matches("[0-9]{4}"))
              ? FiscalYear.parse(raw.asText())
              : Optional.empty();
      if (parsed.isEmpty()) {
        body.reject("fromYear", "YEAR_INVALID", "要复制的年度应为 2000–2100 之间的四位数字");
      } else if (parsed.get().equals(to)) {
        body.reject("fromYear", "SAME_YEAR", "不能从同一年度复制，请选择往年的指标体系");
      } else {
        from = parsed.get();
      }
    }
    rejectUnknown(body, Set.of("fromYear"), Set.of());
    body.throwIfInvalid();
    return from;
  }

  private Parsed set() {
    rejectUnknown(body, SET_FIELDS, READ_ONLY_FIELDS);
    String name = body.requiredText("name", "指标体系名称", MAX_SET_NAME);
    String source = body.optionalText("source", "指标体系依据", MAX_SOURCE).orElse("");
    yearMatches();
    Optional<String> basedOn = basedOn();
    List<Indicator> indicators = indicators();
    body.throwIfInvalid();
    return new Parsed(name, source, indicators, basedOn);
  }

  private void yearMatches() {
    JsonNode raw = body.raw("year");
    if (raw != null && !raw.isNull() && !(raw.isIntegralNumber() && raw.asInt() == year.value())) {
      body.reject("year", "YEAR_MISMATCH", "年度应与地址中的年度（" + year + "）一致，或不填");
    }
  }

  private Optional<String> basedOn() {
    JsonNode raw = body.raw("version");
    if (raw == null || raw.isNull()) {
      return Optional.empty();
    }
    if (raw.isTextual() && IndicatorSet.versionNumber(year, raw.asText()).isPresent()) {
      return Optional.of(raw.asText());
    }
    body.reject("version", "VERSION_INVALID", "版本应为修改所依据的版本号，如“" + year + "-1”（可不填）");
    return Optional.empty();
  }

  private List<Indicator> indicators() {
    List<Indicator> indicators = new ArrayList<>();
    JsonNode node = body.raw("indicators");
    if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
      body.reject("indicators", "REQUIRED", "请至少列出一个指标");
      return indicators;
    }
    if (!node.isArray()) {
      body.reject("indicators", "TYPE_MISMATCH", "指标应为列表");
      return indicators;
    }
    if (node.size() > MAX_INDICATORS) {
      body.reject("indicators", "TOO_MANY", "指标最多 " + MAX_INDICATORS + " 项");
      return indicators;
    }
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> names = new HashMap<>();
    boolean everyWeightValid = true;
    for (int i = 0; i < node.size(); i++) {
      String field = "indicators[" + i + "]";
      if (!(node.get(i) instanceof ObjectNode object)) {
        body.reject(field, "TYPE_MISMATCH", "每个指标应为 JSON 对象");
        everyWeightValid = false;
        continue;
      }
      JsonBody item = JsonBody.of(object);
      Optional<Indicator> indicator = indicator(item, i + 1, ids, names);
      merge(field, item);
      everyWeightValid &= item.errors().stream().noneMatch(e -> e.field().equals("weight"));
      indicator.ifPresent(indicators::add);
    }
    if (everyWeightValid) {
      total(node);
    }
    return indicators;
  }

  /** The weights add up to 100; said once, on {@code indicators}, with each tier's share. */
  private void total(JsonNode node) {
    Map<String, BigDecimal> byTier = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode indicator : node) {
      BigDecimal weight = number(indicator.get("weight")).orElseThrow();
      total = total.add(weight);
      byTier.merge(indicator.path("tier").asText("").strip(), weight, BigDecimal::add);
    }
    if (total.compareTo(IndicatorSet.TOTAL_WEIGHT) != 0) {
      String tiers =
          byTier.entrySet().stream()
              .map(e -> (e.getKey().isEmpty() ? "未填一级指标" : e.getKey()) + " " + score(e.getValue()))
              .collect(Collectors.joining("、"));
      body.reject(
          "indicators",
          "WEIGHTS_TOTAL_INVALID",
          "各指标分值合计应为 "
              + score(IndicatorSet.TOTAL_WEIGHT)
              + " 分，现为 "
              + score(total)
              + " 分（"
              + tiers
              + "）");
    }
  }

  private Optional<Indicator> indicator(
      JsonBody item, int position, Map<String, Integer> ids, Map<String, Integer> names) {
    rejectUnknown(item, INDICATOR_FIELDS, Set.of());
    String id = item.requiredText("id", "指标编号", 40);
    if (id != null && !ID.matcher(id).matches()) {
      item.reject("id", "ID_INVALID", "指标编号只能由小写字母、数字和连字符组成（最多 40 个字符），如 budget-completion");
      id = null;
    } else if (id != null && ids.containsKey(id)) {
      item.reject("id", "INDICATOR_DUPLICATE", "指标编号“" + id + "”与第 " + ids.get(id) + " 项重复");
      id = null;
    } else if (id != null) {
      ids.put(id, position);
    }
    String tier = item.requiredText("tier", "一级指标", 10);
    if (tier != null && !Indicator.TIERS.contains(tier)) {
      item.reject("tier", "TIER_UNKNOWN", "一级指标应为" + String.join("、", Indicator.TIERS) + "之一");
      tier = null;
    }
    String category = item.requiredText("category", "二级指标", MAX_CATEGORY);
    String name = item.requiredText("name", "三级指标名称", MAX_NAME);
    if (name != null && names.containsKey(name)) {
      item.reject("name", "NAME_DUPLICATE", "指标名称“" + name + "”与第 " + names.get(name) + " 项重复");
      name = null;
    } else if (name != null) {
      names.put(name, position);
    }
    Optional<BigDecimal> weight = number(item, "weight", "分值");
    if (weight.isPresent() && !weightInRange(weight.get())) {
      item.reject(
          "weight",
          "WEIGHT_INVALID",
          "分值应大于 0、不超过 " + score(IndicatorSet.TOTAL_WEIGHT) + "，最多一位小数");
      weight = Optional.empty();
    }
    Optional<ScoringRule> rule = rule(item, weight);
    if (id == null
        || tier == null
        || category == null
        || name == null
        || weight.isEmpty()
        || rule.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Indicator(id, tier, category, name, weight.get(), rule.get()));
  }

  private static boolean weightInRange(BigDecimal weight) {
    return weight.signum() > 0
        && weight.compareTo(IndicatorSet.TOTAL_WEIGHT) <= 0
        && decimals(weight) <= 1;
  }

  private Optional<ScoringRule> rule(JsonBody item, Optional<BigDecimal> weight) {
    JsonNode node = item.raw("rule");
    if (node == null || node.isNull()) {
      item.reject("rule", "REQUIRED", "请填写评分规则");
      return Optional.empty();
    }
    if (!(node instanceof ObjectNode object)) {
      item.reject("rule", "TYPE_MISMATCH", "评分规则应为 JSON 对象");
      return Optional.empty();
    }
    JsonBody rule = JsonBody.of(object);
    Optional<ScoringRule> parsed = Optional.empty();
    String type = rule.requiredText("type", "评分规则类型", 20);
    if (IndicatorSetJson.MANUAL.equals(type)) {
      rejectUnknown(rule, Set.of("type"), Set.of());
      parsed = Optional.of(new ScoringRule.Manual());
    } else if (IndicatorSetJson.THRESHOLD.equals(type)) {
      parsed = threshold(rule, weight);
    } else if (type != null) {
      rule.reject("type", "RULE_UNKNOWN", "评分规则类型应为 manual（人工评分）或 threshold（按数据达标情况扣分）");
    }
    for (FieldError error : rule.errors()) {
      item.reject("rule." + error.field(), error.code(), error.message());
    }
    return rule.isValid() ? parsed : Optional.empty();
  }

  private static Optional<ScoringRule> threshold(JsonBody rule, Optional<BigDecimal> weight) {
    rejectUnknown(rule, THRESHOLD_FIELDS, Set.of());
    Optional<Metric> metric =
        Optional.ofNullable(
            rule.requiredValue(
                "metric",
                "计算的数据指标",
                40,
                name ->
                    Arrays.stream(Metric.values()).filter(m -> m.name().equals(name)).findFirst(),
                "METRIC_UNKNOWN",
                "不认识的数据指标，可用："
                    + Arrays.stream(Metric.values())
                        .map(m -> m.name() + "（" + m.label() + "）")
                        .collect(Collectors.joining("、"))));
    Optional<ScoringRule.Direction> direction =
        Optional.ofNullable(
            rule.requiredValue(
                "direction",
                "达标方向",
                10,
                name ->
                    Arrays.stream(ScoringRule.Direction.values())
                        .filter(d -> d.name().equals(name))
                        .findFirst(),
                "DIRECTION_UNKNOWN",
                "达标方向应为 AT_LEAST（不低于标准）或 AT_MOST（不高于标准）"));
    Optional<BigDecimal> bound = number(rule, "bound", "达标标准（百分比）");
    if (bound.isPresent()
        && (bound.get().compareTo(MIN_BOUND) < 0
            || bound.get().compareTo(MAX_BOUND) > 0
            || decimals(bound.get()) > 2)) {
      rule.reject("bound", "BOUND_INVALID", "达标标准是百分比，应在 −100 到 200 之间，最多两位小数");
      bound = Optional.empty();
    }
    Optional<BigDecimal> deduct = number(rule, "deduct", "每档扣分");
    if (deduct.isPresent()
        && (deduct.get().signum() <= 0
            || decimals(deduct.get()) > 1
            || (weight.isPresent() && deduct.get().compareTo(weight.get()) > 0))) {
      rule.reject(
          "deduct",
          "DEDUCT_INVALID",
          "每档扣分应大于 0、不超过该指标分值" + weight.map(w -> "（" + score(w) + " 分）").orElse("") + "，最多一位小数");
      deduct = Optional.empty();
    }
    Optional<BigDecimal> per = number(rule, "per", "每档百分点");
    if (per.isPresent()
        && (per.get().signum() <= 0
            || per.get().compareTo(MAX_PER) > 0
            || decimals(per.get()) > 2)) {
      rule.reject("per", "PER_INVALID", "每档百分点应大于 0、不超过 100，最多两位小数");
      per = Optional.empty();
    }
    if (metric.isEmpty()
        || direction.isEmpty()
        || bound.isEmpty()
        || deduct.isEmpty()
        || per.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ScoringRule.Threshold(
            metric.get(), direction.get(), bound.get(), deduct.get(), per.get()));
  }

  /** A JSON number, or a string of ASCII digits; finite; else the field's error. */
  private static Optional<BigDecimal> number(JsonBody item, String field, String label) {
    JsonNode raw = item.raw(field);
    if (raw == null || raw.isNull()) {
      item.reject(field, "REQUIRED", "请填写" + label);
      return Optional.empty();
    }
    Optional<BigDecimal> number = number(raw);
    if (number.isEmpty()) {
      item.reject(field, "NUMBER_INVALID", label + "应为数字（半角阿拉伯数字，如 4 或 0.5）");
    }
    return number;
  }

  static Optional<BigDecimal> number(JsonNode raw) {
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.isIntegralNumber() || raw.isBigDecimal()) {
      return Optional.of(Figures.normalised(raw.decimalValue()));
    }
    if (raw.isFloatingPointNumber()) {
      double value = raw.doubleValue();
      // 1e400 reads as infinity; BigDecimal.valueOf gives the shortest decimal (0.5, 12.5)
      return Double.isFinite(value)
          ? Optional.of(Figures.normalised(BigDecimal.valueOf(value)))
          : Optional.empty();
    }
    if (raw.isTextual() && NUMBER.matcher(raw.asText().strip()).matches()) {
      return Optional.of(Figures.normalised(new BigDecimal(raw.asText().strip())));
    }
    return Optional.empty();
  }

  private static int decimals(BigDecimal value) {
    return Math.max(0, Figures.normalised(value).scale());
  }

  private static String score(BigDecimal value) {
    return Figures.normalised(value).toPlainString();
  }

  private static void rejectUnknown(JsonBody body, Set<String> known, Set<String> ignored) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name) && !ignored.contains(name)) {
                unknown.add(name);
              }
            });
    for (String name : unknown) {
      body.reject(name, "FIELD_UNKNOWN", "不认识的字段“" + name + "”");
    }
  }

  private void merge(String prefix, JsonBody nested) {
    for (FieldError error : nested.errors()) {
      body.reject(prefix + "." + error.field(), error.code(), error.message());
    }
  }
}
