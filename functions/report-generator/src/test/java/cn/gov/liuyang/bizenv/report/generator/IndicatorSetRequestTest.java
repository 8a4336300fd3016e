package cn.gov.liuyang.bizenv.report.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.IndicatorSetJson;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.ScoringRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation of a whole indicator set as staff send it: each rule gives its own field, code and
 * Chinese message, all at once.
 */
class IndicatorSetRequestTest {
  private static final FiscalYear YEAR = new FiscalYear(2021);
  private static final ClasspathIndicatorSets SHIPPED = new ClasspathIndicatorSets();

  /**
   * The shipped 2021 set as JSON: indicators[0] is goal-reasonable (manual, 4), [4] a threshold.
   */
  private static ObjectNode valid() {
    return IndicatorSetJson.write(SHIPPED.forYear(YEAR).orElseThrow());
  }

  private static IndicatorSetRequest.Parsed parse(ObjectNode body) {
    return IndicatorSetRequest.parse(JsonBody.of(body), YEAR);
  }

  private static List<FieldError> errors(Consumer<ObjectNode> change) {
    ObjectNode body = valid();
    change.accept(body);
    ApiProblem problem = catchThrowableOfType(() -> parse(body), ApiProblem.class);
    assertThat(problem).as("refused").isNotNull();
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(problem.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    return problem.errors();
  }

  private static List<String> codes(Consumer<ObjectNode> change) {
    return errors(change).stream().map(e -> e.field() + " " + e.code()).toList();
  }

  private static ObjectNode indicator(ObjectNode body, int index) {
    return (ObjectNode) body.path("indicators").get(index);
  }

  private static ObjectNode rule(ObjectNode body, int index) {
    return (ObjectNode) indicator(body, index).path("rule");
  }

  @Test
  void everyShippedSet_passes_andReadsAsTheSameSet() {
    for (int year : new int[] {2021, 2026}) {
      FiscalYear fiscalYear = new FiscalYear(year);
      IndicatorSet shipped = SHIPPED.forYear(fiscalYear).orElseThrow();

      IndicatorSetRequest.Parsed parsed =
          IndicatorSetRequest.parse(JsonBody.of(IndicatorSetJson.write(shipped)), fiscalYear);

      assertThat(parsed.indicators()).isEqualTo(shipped.indicators());
      assertThat(parsed.name()).isEqualTo(shipped.name());
      assertThat(parsed.source()).isEqualTo(shipped.source());
      assertThat(parsed.basedOn()).contains(shipped.version());
    }
  }

  @Test
  void whatGetAnswersBesidesTheSet_isIgnored_soAReadSetCanBeSentBack() {
    ObjectNode body = valid();
    body.put("totalWeight", 100).put("origin", "SHIPPED").put("savedBy", "张三");
    body.put("savedAt", "2023-03-01T02:00:00Z").put("copiedFrom", "2021-1");

    assertThat(parse(body).indicators()).hasSize(19);
  }

  @Test
  void numbersMayBeAsciiStrings_andEqualValuesReadTheSame() {
    ObjectNode body = valid();
    indicator(body, 0).put("weight", "4.0");
    rule(body, 4).put("bound", " 100 ").put("deduct", 2.0);

    assertThat(parse(body).indicators())
        .isEqualTo(SHIPPED.forYear(YEAR).orElseThrow().indicators());
  }

  @Test
  void weightsNotAddingUpTo100_areOneErrorOnTheList_withEachTiersShare() {
    List<FieldError> errors = errors(body -> indicator(body, 0).put("weight", 2));

    assertThat(errors)
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("indicators", "WEIGHTS_TOTAL_INVALID"));
    assertThat(errors.get(0).message())
        .isEqualTo("各指标分值合计应为 100 分，现为 98 分（投入 10、过程 60、产出 16、效果 12）");
  }

  @Test
  void aWeightThatIsItselfWrong_isNamed_withoutAlsoATotalError() {
    assertThat(codes(body -> indicator(body, 0).put("weight", 0)))
        .containsExactly("indicators[0].weight WEIGHT_INVALID");
    assertThat(codes(body -> indicator(body, 0).put("weight", -4)))
        .containsExactly("indicators[0].weight WEIGHT_INVALID");
    assertThat(codes(body -> indicator(body, 0).put("weight", 3.75)))
        .containsExactly("indicators[0].weight WEIGHT_INVALID");
    assertThat(codes(body -> indicator(body, 0).put("weight", 101)))
        .containsExactly("indicators[0].weight WEIGHT_INVALID");
    assertThat(codes(body -> indicator(body, 0).remove("weight")))
        .containsExactly("indicators[0].weight REQUIRED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"４\"", "\"四\"", "\"4分\"", "\"1e2\"", "\"NaN\"", "1e400", "-1e400", "true", "[4]"
      })
  void aNumberThatIsNotAsciiDigits_orNotFinite_isNumberInvalid(String json) throws Exception {
    JsonNode value = Json.mapper().readTree(json);

    assertThat(codes(body -> indicator(body, 0).set("weight", value)))
        .containsExactly("indicators[0].weight NUMBER_INVALID");
    assertThat(codes(body -> rule(body, 4).set("bound", value)))
        .containsExactly("indicators[4].rule.bound NUMBER_INVALID");
  }

  @Test
  void aDuplicateId_namesTheEarlierPosition() {
    List<FieldError> errors = errors(body -> indicator(body, 1).put("id", "goal-reasonable"));

    assertThat(errors)
        .extracting(e -> e.field() + " " + e.code())
        .containsExactly("indicators[1].id INDICATOR_DUPLICATE");
    assertThat(errors.get(0).message()).isEqualTo("指标编号“goal-reasonable”与第 1 项重复");
  }

  @Test
  void aDuplicateName_isRefused() {
    assertThat(codes(body -> indicator(body, 1).put("name", "绩效目标合理性")))
        .containsExactly("indicators[1].name NAME_DUPLICATE");
  }

  @Test
  void anIdThatIsNotLowerCaseLettersDigitsAndHyphens_isRefused() {
    assertThat(codes(body -> indicator(body, 0).put("id", "Goal Reasonable")))
        .containsExactly("indicators[0].id ID_INVALID");
  }

  @Test
  void aTierOutsideTheFour_isRefused() {
    List<FieldError> errors = errors(body -> indicator(body, 0).put("tier", "决策"));

    assertThat(errors)
        .extracting(e -> e.field() + " " + e.code())
        .containsExactly("indicators[0].tier TIER_UNKNOWN");
    assertThat(errors.get(0).message()).isEqualTo("一级指标应为投入、过程、产出、效果之一");
  }

  @Test
  void missingTexts_areRequired_andTooLongOnesRefused() {
    assertThat(
            codes(
                body -> {
                  body.remove("name");
                  indicator(body, 0).remove("category");
                  indicator(body, 1).put("name", " ");
                  indicator(body, 2).remove("id");
                  indicator(body, 3).remove("tier");
                  body.put("source", "依".repeat(501));
                }))
        .containsExactlyInAnyOrder(
            "name REQUIRED",
            "indicators[0].category REQUIRED",
            "indicators[1].name REQUIRED",
            "indicators[2].id REQUIRED",
            "indicators[3].tier REQUIRED",
            "source TOO_LONG");
  }

  @Test
  void anUnknownRuleKind_orAMissingRule_isRefused() {
    assertThat(codes(body -> rule(body, 0).put("type", "formula")))
        .containsExactly("indicators[0].rule.type RULE_UNKNOWN");
    assertThat(codes(body -> indicator(body, 0).remove("rule")))
        .containsExactly("indicators[0].rule REQUIRED");
    assertThat(codes(body -> indicator(body, 0).put("rule", "manual")))
        .containsExactly("indicators[0].rule TYPE_MISMATCH");
  }

  @Test
  void anUnknownMetric_listsTheKnownOnes() {
    List<FieldError> errors = errors(body -> rule(body, 4).put("metric", "BUDGET_EXECUTION_RATE"));

    assertThat(errors)
        .extracting(e -> e.field() + " " + e.code())
        .containsExactly("indicators[4].rule.metric METRIC_UNKNOWN");
    assertThat(errors.get(0).message())
        .contains("BUDGET_COMPLETION_RATE（预算完成率）", "PROCUREMENT_EXECUTION_RATE（政府采购执行率）");
  }

  @Test
  void anUnknownDirection_isRefused() {
    assertThat(codes(body -> rule(body, 4).put("direction", "ABOVE")))
        .containsExactly("indicators[4].rule.direction DIRECTION_UNKNOWN");
  }

  @Test
  void ruleParametersOutOfRange_areRefused_eachOnItsField() {
    // indicators[4] is 预算完成率, weight 10
    assertThat(codes(body -> rule(body, 4).put("bound", 1000)))
        .containsExactly("indicators[4].rule.bound BOUND_INVALID");
    assertThat(codes(body -> rule(body, 4).put("bound", -101)))
        .containsExactly("indicators[4].rule.bound BOUND_INVALID");
    assertThat(codes(body -> rule(body, 4).put("bound", 99.555)))
        .containsExactly("indicators[4].rule.bound BOUND_INVALID");
    assertThat(codes(body -> rule(body, 4).put("deduct", 0)))
        .containsExactly("indicators[4].rule.deduct DEDUCT_INVALID");
    assertThat(codes(body -> rule(body, 4).put("deduct", 11)))
        .containsExactly("indicators[4].rule.deduct DEDUCT_INVALID");
    assertThat(codes(body -> rule(body, 4).put("deduct", 0.25)))
        .containsExactly("indicators[4].rule.deduct DEDUCT_INVALID");
    assertThat(codes(body -> rule(body, 4).put("per", 0)))
        .containsExactly("indicators[4].rule.per PER_INVALID");
    assertThat(codes(body -> rule(body, 4).put("per", 101)))
        .containsExactly("indicators[4].rule.per PER_INVALID");
    assertThat(codes(body -> rule(body, 4).remove("per")))
        .containsExactly("indicators[4].rule.per REQUIRED");
  }

  @Test
  void negativeBounds_suitChangeRates() {
    ObjectNode body = valid();
    rule(body, 3).put("bound", -10);

    assertThat(((ScoringRule.Threshold) parse(body).indicators().get(3).rule()).bound())
        .isEqualByComparingTo("-10");
  }

  @Test
  void unknownFields_areRefused_atEveryLevel() {
    assertThat(
            codes(
                body -> {
                  body.put("colour", "red");
                  indicator(body, 0).put("note", "x");
                  rule(body, 0).put("metric", "STAFF_CONTROL_RATE");
                  rule(body, 4).put("cap", 1);
                }))
        .containsExactlyInAnyOrder(
            "colour FIELD_UNKNOWN",
            "indicators[0].note FIELD_UNKNOWN",
            "indicators[0].rule.metric FIELD_UNKNOWN",
            "indicators[4].rule.cap FIELD_UNKNOWN");
  }

  @Test
  void theIndicatorsList_mustHaveOneToAHundredObjects() {
    assertThat(codes(body -> body.putArray("indicators"))).containsExactly("indicators REQUIRED");
    assertThat(codes(body -> body.put("indicators", "all")))
        .containsExactly("indicators TYPE_MISMATCH");
    assertThat(
            codes(
                body -> {
                  ArrayNode many = body.putArray("indicators");
                  for (int i = 0; i <= IndicatorSetRequest.MAX_INDICATORS; i++) {
                    many.add(valid().path("indicators").get(0));
                  }
                }))
        .containsExactly("indicators TOO_MANY");
    assertThat(
            codes(
                body ->
                    ((ArrayNode) body.path("indicators"))
                        .set(0, Json.mapper().getNodeFactory().textNode("x"))))
        .containsExactly("indicators[0] TYPE_MISMATCH");
  }

  @Test
  void aYearOtherThanTheRoutes_orAVersionOfAnotherYear_isRefused() {
    assertThat(
            codes(
                body -> {
                  body.put("year", 2022);
                  body.put("version", "2022-1");
                }))
        .containsExactlyInAnyOrder("year YEAR_MISMATCH", "version VERSION_INVALID");
  }

  @Test
  void everyProblem_isListedAtOnce() {
    assertThat(
            codes(
                body -> {
                  body.remove("name");
                  indicator(body, 0).put("tier", "决策");
                  indicator(body, 1).put("weight", "四");
                  rule(body, 4).put("metric", "X").put("per", -1);
                }))
        .containsExactlyInAnyOrder(
            "name REQUIRED",
            "indicators[0].tier TIER_UNKNOWN",
            "indicators[1].weight NUMBER_INVALID",
            "indicators[4].rule.metric METRIC_UNKNOWN",
            "indicators[4].rule.per PER_INVALID");
  }
}
