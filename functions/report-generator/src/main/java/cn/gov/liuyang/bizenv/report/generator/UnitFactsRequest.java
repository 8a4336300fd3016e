package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /staff/reports/{unit}/{year}/facts}: the facts staff state for the year,
 * each by its key ({@code authorizedPosts}, {@code sanGongBudget}, …), headcounts in people and
 * amounts in {@code amountUnit} ("元", the default, or "万元"). A fact left out or null is not
 * entered.
 *
 * <pre>{@code {"amountUnit":"万元","authorizedPosts":12,"staffOnPayroll":11,"sanGongBudget":"0.8"}}
 * </pre>
 */
final class UnitFactsRequest {
  /** ASCII digits only, optional sign, thousands separators, up to 6 decimals (万元 to the 分). */
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,15})(?:\\.[0-9]{1,6})?");

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private UnitFactsRequest() {}

  static UnitYearFacts parse(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, 4 * 1024);
    boolean inWanYuan = false;
    Optional<String> unit = body.optionalText("amountUnit", "金额单位", 4);
    if (unit.isPresent()) {
      switch (unit.get()) {
        case "元" -> inWanYuan = false;
        case "万元" -> inWanYuan = true;
        default -> body.reject("amountUnit", "UNIT_INVALID", "金额单位应为“元”或“万元”");
      }
    }
    Map<Fact, BigDecimal> values = new EnumMap<>(Fact.class);
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("amountUnit") && Fact.ofKey(name).isEmpty()) {
                body.reject(name, "FIELD_UNKNOWN", "不认识的字段“" + name + "”");
              }
            });
    for (Fact fact : Fact.values()) {
      JsonNode raw = body.raw(fact.key());
      if (raw == null || raw.isNull()) {
        continue;
      }
      Optional<BigDecimal> number = number(raw);
      if (number.isEmpty()) {
        body.reject(
            fact.key(),
            "NUMBER_INVALID",
            "“"
                + fact.label()
                + "”应为数字"
                + (fact.isAmount() ? "（如 12.5 或 \"12.50\"）" : "（整数，单位：人）"));
        continue;
      }
      BigDecimal value =
          fact.isAmount() && inWanYuan ? number.get().multiply(TEN_THOUSAND) : number.get();
      Optional<String> problem = fact.problemWith(value);
      if (problem.isPresent()) {
        body.reject(
            fact.key(),
            fact.isAmount() ? "AMOUNT_INVALID" : "HEADCOUNT_INVALID",
            problem.get() + (fact.isAmount() && inWanYuan ? "（万元最多 6 位小数）" : ""));
        continue;
      }
      values.put(fact, value);
    }
    body.throwIfInvalid();
    return new UnitYearFacts(values);
  }

  private static Optional<BigDecimal> number(JsonNode raw) {
    if (raw.isIntegralNumber() || raw.isBigDecimal()) {
      return Optional.of(raw.decimalValue());
    }
    if (raw.isFloatingPointNumber()) {
      double value = raw.doubleValue();
      // BigDecimal.valueOf gives the shortest decimal that reads back as this double (12.5, 0.1)
      return Double.isFinite(value) ? Optional.of(BigDecimal.valueOf(value)) : Optional.empty();
    }
    if (raw.isTextual()) {
      String text = raw.asText().strip();
      return NUMBER.matcher(text).matches()
          ? Optional.of(new BigDecimal(text.replace(",", "")))
          : Optional.empty();
    }
    return Optional.empty();
  }
}
